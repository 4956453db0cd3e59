//! The files of a records tree as text, and byte offset -> line and column.
//!
//! Offsets stay bytes everywhere else; only rendering turns them into a line (1-based) and a
//! column (1-based, in characters).

use std::borrow::Cow;

pub use crate::diagnostic::span::FileId;

/// A file of the tree: its path and its text, held in one allocation (a province has some
/// 80,000 of them).
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path relative to the root (`/`-separated), then the text as it is held ([`Held`]).
    data: Box<[u8]>,
    path_len: u32,
    /// The length of the text (without a byte-order mark; 0 when the file could not be read).
    /// A record is at most 1 MiB; a text too long to say here would not unpack (an error, not
    /// a wrong text).
    len: u32,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> Self {
        let len = text.len();
        PACKED.with_borrow_mut(|packed| match pack(&text, packed) {
            Some(held) => SourceFile::of(&path, held, len),
            None => SourceFile::of(&path, text.as_bytes(), len),
        })
    }

    /// A file at `path` whose text is that of `other`, taken as it is held.
    pub fn with_text_of(path: String, other: &SourceFile) -> Self {
        SourceFile::of(&path, other.held(), other.len as usize)
    }

    fn of(path: &str, held: &[u8], len: usize) -> Self {
        let mut data = Vec::with_capacity(path.len() + held.len());
        data.extend_from_slice(path.as_bytes());
        data.extend_from_slice(held);
        SourceFile {
            data: data.into_boxed_slice(),
            path_len: u32::try_from(path.len()).unwrap_or(u32::MAX),
            len: u32::try_from(len).unwrap_or(u32::MAX),
        }
    }

    /// The path relative to the root, `/`-separated.
    pub fn path(&self) -> &str {
        let path = self.data.get(..self.path_len as usize).unwrap_or_default();
        // Written from a `str` in `of`.
        std::str::from_utf8(path).unwrap_or_default()
    }

    /// What is held of the text: the text itself, or packed where that is shorter.
    fn held(&self) -> &[u8] {
        self.data.get(self.path_len as usize..).unwrap_or_default()
    }

    /// The file's text: an error, never an empty text, where what is held does not unpack.
    pub fn text(&self) -> Result<Cow<'_, str>, Unreadable> {
        unpack(self.held(), self.len as usize).ok_or_else(|| Unreadable {
            path: self.path().to_owned(),
            offset: None,
        })
    }

    /// The file's text, to find the line and column of an offset in.
    pub fn lines(&self) -> Result<Lines<'_>, Unreadable> {
        self.text().map(Lines)
    }

    /// Whether there is any text: none where the file could not be read.
    pub fn has_text(&self) -> bool {
        self.len > 0
    }

    /// Whether the two files hold the same text (without unpacking either).
    pub fn same_text(&self, other: &SourceFile) -> bool {
        self.len == other.len && self.held() == other.held()
    }
}

/// A file's text, or a value in it, that did not read back as it was read when the records
/// were loaded: held memory that changed, never anything a file says. The command stops
/// (exit 2) rather than show an empty value in its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub path: String,
    /// Where the value begins, in bytes; `None` for the whole text.
    pub offset: Option<usize>,
}

impl From<Unreadable> for crate::text::messages::run::RunMsg {
    fn from(u: Unreadable) -> Self {
        crate::text::messages::run::RunMsg::Unreadable {
            path: u.path,
            offset: u.offset,
        }
    }
}

impl From<Unreadable> for crate::diagnostic::outcome::Fatal {
    fn from(u: Unreadable) -> Self {
        crate::text::messages::run::RunMsg::from(u).into()
    }
}

impl From<Unreadable> for std::io::Error {
    fn from(u: Unreadable) -> Self {
        crate::diagnostic::outcome::Fatal::from(u).into_io()
    }
}

// A file's text is held as long as the records are: LZ4-compressed against a dictionary of
// the record format's keys and spellings ([`dictionary`]) where that is smaller, which for a
// province's files is about 0.6 of their size; as it is otherwise. It is unpacked where it is
// read: a diagnostic shown, a field decoded for a report, a file compared.

thread_local! {
    /// Where a text is packed before it is copied beside its path.
    static PACKED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `text` packed into `out`, where that is shorter than the text.
fn pack<'o>(text: &str, out: &'o mut Vec<u8>) -> Option<&'o [u8]> {
    let room = lz4_flex::block::get_maximum_output_size(text.len());
    if out.len() < room {
        out.resize(room, 0);
    }
    let out = &mut out[..room];
    match lz4_flex::block::compress_into_with_dict(text.as_bytes(), out, dictionary()) {
        Ok(n) if n < text.len() => Some(&out[..n]),
        _ => None,
    }
}

/// The text of `len` bytes that `held` holds (packed where it is shorter than the text), or
/// `None` where it is not what was put there (it was a `str`, packed or not).
fn unpack(held: &[u8], len: usize) -> Option<Cow<'_, str>> {
    if held.len() == len {
        return std::str::from_utf8(held).ok().map(Cow::Borrowed);
    }
    lz4_flex::block::decompress_with_dict(held, len, dictionary())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .map(Cow::Owned)
}

/// What a record's text is mostly made of besides its values: every key of the format, written
/// as it is in a record, with the spellings of its enumerated values, and the table headers.
/// Against it a file of a few hundred bytes compresses where it would not alone.
fn dictionary() -> &'static [u8] {
    use crate::format::{TABLES, Type};
    static DICTIONARY: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    DICTIONARY.get_or_init(|| {
        let mut d = String::new();
        for table in TABLES {
            for field in table.fields {
                let key = field.key;
                match field.ty {
                    Type::Enum(allowed) => {
                        for value in allowed.values {
                            d.push_str(&format!("{key} = \"{value}\"\n"));
                        }
                    }
                    Type::Text | Type::TextOrList => d.push_str(&format!("{key} = \"\"\n")),
                    Type::TextList => d.push_str(&format!("{key} = [\"\", \"\"]\n")),
                    Type::Bool => d.push_str(&format!("{key} = false\n{key} = true\n")),
                    Type::Date | Type::Integer { .. } => d.push_str(&format!("{key} = ")),
                    Type::Table(_) => d.push_str(&format!("\n[{key}]\n")),
                    Type::Tables(_) => d.push_str(&format!("\n[[{key}]]\n")),
                    Type::Answers(answer) => {
                        d.push_str(&format!("\n[{}.{key}]\n", table.name));
                        let first = answer.fields.first();
                        if let Some(Type::Enum(allowed)) = first.map(|f| f.ty) {
                            for value in allowed.values {
                                d.push_str(&format!("\" = \"{value}\"\n"));
                                d.push_str(&format!(
                                    "\" = {{ answer = \"{value}\", note = \"\" }}\n"
                                ));
                            }
                        }
                    }
                }
            }
        }
        d.into_bytes()
    })
}

/// A file's text, with what turns a byte offset into a line and a column.
pub struct Lines<'a>(Cow<'a, str>);

impl<'a> Lines<'a> {
    /// The lines of `text`.
    pub fn of(text: &'a str) -> Lines<'a> {
        Lines(Cow::Borrowed(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 0-based line index holding `offset`. Lines are counted afresh at each call rather
    /// than kept in an index: a province's files are held as long as the records are, few of
    /// them ever show a line, and a file (at most 1 MiB, at most `MAX_PER_FILE` diagnostics) is
    /// counted through in well under a millisecond.
    pub fn line_index(&self, offset: usize) -> usize {
        let offset = offset.min(self.0.len());
        newlines(&self.0.as_bytes()[..offset])
    }

    /// The byte range of line `index` (0-based), without its line ending.
    pub fn line_range(&self, index: usize) -> std::ops::Range<usize> {
        let bytes = self.0.as_bytes();
        let start = match index {
            0 => 0,
            _ => bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .nth(index - 1)
                .map_or(bytes.len(), |(i, _)| i + 1),
        };
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| start + i);
        let end = if self.0[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor_char_boundary(offset);
        let before = &self.0[..offset];
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            newlines(before.as_bytes()) + 1,
            before[start..].chars().count() + 1,
        )
    }

    /// `offset` (at most the text's length) moved back to the start of its character.
    pub fn floor_char_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.0.len());
        while !self.0.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// `offset` (at most the text's length) moved on to the end of its character.
    pub fn ceil_char_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.0.len());
        while !self.0.is_char_boundary(offset) {
            offset += 1;
        }
        offset
    }
}

/// How many line feeds `bytes` holds.
fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// Every file a run has looked at, in the order they were found.
#[derive(Clone, Debug, Default)]
pub struct Files {
    files: Vec<SourceFile>,
}

impl Files {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(file);
        id
    }

    pub fn reserve(&mut self, additional: usize) {
        self.files.reserve_exact(additional);
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn path(&self, id: FileId) -> &str {
        self.get(id).path()
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = "id = \"村05-01\"\ntitle = \"文山会海问题有所反弹\"\narea = 3\npoints = [\"3.1\"]\n\
        source = \"新发现\"\nfound_on = 2015-01-17\nproblem = \"群众反映较多，影响干部作风形象\"\n\
        commitment = \"按期整改到位\"\nmeasures = [\"建立台账，逐项销号\"]\nresponsible = \"办公室\"\n\
        lead = \"副职 钱某某\"\ndeadline = 2015-03-24\nstatus = \"已完成\"\ncompleted_on = 2015-03-03\n\
        satisfaction = \"基本满意\"\nevidence = [\"整改情况报告\", \"会议纪要\"]\n";

    #[test]
    fn a_record_is_held_packed_and_read_back_as_it_was() {
        let file = SourceFile::new("a/items/01.toml".into(), ITEM.into());
        assert_eq!(file.text().unwrap(), ITEM);
        assert!(matches!(file.text(), Ok(Cow::Owned(_))), "held packed");
        // The keys and spellings come from the dictionary: the item is held in well under
        // its size.
        let held = file.held().len();
        assert_eq!(file.path(), "a/items/01.toml");
        assert!(held * 10 < ITEM.len() * 7, "{held} of {} bytes", ITEM.len());
        assert!(dictionary().len() < 4096, "{} bytes", dictionary().len());
    }

    #[test]
    fn text_that_does_not_pack_is_held_as_it_is() {
        for text in ["", "a", "题"] {
            let file = SourceFile::new("x.toml".into(), text.into());
            assert_eq!(file.text().unwrap(), text);
            assert!(matches!(file.text(), Ok(Cow::Borrowed(_))));
            assert_eq!(file.has_text(), !text.is_empty());
        }
    }

    #[test]
    fn a_held_text_that_does_not_unpack_is_an_error_naming_the_file() {
        let mut file = SourceFile::new("单位/items/a.toml".into(), ITEM.into());
        assert!(matches!(file.text(), Ok(Cow::Owned(_))), "held packed");
        // What is held changed after it was packed: the first byte after the path.
        let at = file.path().len();
        file.data[at] = 0xff;
        assert_eq!(file.path(), "单位/items/a.toml");
        let unreadable = Unreadable {
            path: "单位/items/a.toml".into(),
            offset: None,
        };
        assert_eq!(file.text(), Err(unreadable.clone()));
        assert!(file.lines().is_err());
        let mut unpacked = SourceFile::new("b.toml".into(), "a".into());
        unpacked.data[6] = 0xff;
        assert!(unpacked.text().is_err());
        let fatal = crate::diagnostic::outcome::Fatal::from(unreadable);
        assert_eq!(
            fatal.text(crate::text::i18n::Lang::Zh),
            "error: 无法读回已读入的 单位/items/a.toml：这是 huitoukan 的缺陷，请报告\n"
        );
    }

    #[test]
    fn same_text_compares_what_is_held() {
        let a = SourceFile::new("a.toml".into(), ITEM.into());
        let b = SourceFile::with_text_of("b.toml".into(), &a);
        let c = SourceFile::new("c.toml".into(), ITEM.replace("已完成", "未完成"));
        assert!(a.same_text(&b));
        assert_eq!(b.text().unwrap(), ITEM);
        assert!(!a.same_text(&c));
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let file = SourceFile::new("x.toml".into(), "a = 1\r\ntitle = \"题目\"\n".into());
        let lines = file.lines().unwrap();
        assert_eq!(lines.line_col(0), (1, 1));
        assert_eq!(lines.line_col(19), (2, 11));
        assert_eq!(lines.line_col(17), (2, 10), "inside 题: its first byte");
        assert_eq!(lines.line_range(0), 0..5);
        assert_eq!(lines.line_index(8), 1);
    }
}
