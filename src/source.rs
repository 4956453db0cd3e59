//! The files of a records tree as text, and byte offset -> line and column.
//!
//! Offsets stay bytes everywhere else; only rendering turns them into a line (1-based) and a
//! column (1-based, in characters).

/// Index of a file in [`Files`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the root, `/`-separated.
    pub path: Box<str>,
    /// The decoded text (without a byte-order mark); empty when the file could not be read.
    pub text: Box<str>,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> Self {
        SourceFile {
            path: path.into_boxed_str(),
            text: text.into_boxed_str(),
        }
    }

    /// The 0-based line index holding `offset`. Lines are counted afresh at each call rather
    /// than kept in an index: a province's files are held as long as the records are, few of
    /// them ever show a line, and a file (at most 1 MiB, at most `MAX_PER_FILE` diagnostics) is
    /// counted through in well under a millisecond.
    pub fn line_index(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        newlines(&self.text.as_bytes()[..offset])
    }

    /// The byte range of line `index` (0-based), without its line ending.
    pub fn line_range(&self, index: usize) -> std::ops::Range<usize> {
        let bytes = self.text.as_bytes();
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
        let end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor_char_boundary(offset);
        let before = &self.text[..offset];
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            newlines(before.as_bytes()) + 1,
            before[start..].chars().count() + 1,
        )
    }

    fn floor_char_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// How many line feeds `bytes` holds.
fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// Every file a run has looked at, in the order they were found.
#[derive(Debug, Default)]
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
        &self.get(id).path
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}
