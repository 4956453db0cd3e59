//! Finding the root and walking the records tree.
//!
//! The walk never follows a symbolic link and never leaves the root: links are listed so they
//! can be reported, hidden entries and `target/` are skipped, and the result is sorted by path
//! whatever order the file system returns.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

pub const CAMPAIGN_FILE: &str = "huitoukan.toml";
pub const UNIT_FILE: &str = "unit.toml";
/// Editor configuration that may sit at the root beside the campaign file.
pub const EDITOR_FILES: &[&str] = &["taplo.toml", ".taplo.toml"];

/// Why no root was found.
#[derive(Debug, PartialEq, Eq)]
pub enum RootError {
    /// No folder at or above the start holds `huitoukan.toml`.
    NotFound,
    /// The nearest `huitoukan.toml` is a symbolic link or not a regular file: it is never read,
    /// and a tree is not taken for another one silently.
    NotRegular(PathBuf),
}

/// The first folder at or above `start` holding `huitoukan.toml`, which must be a regular file
/// (a link to one is refused, never followed).
pub fn find_root(start: &Path) -> Result<PathBuf, RootError> {
    let start = match start.parent() {
        Some(parent) if start.is_file() && parent.as_os_str().is_empty() => Path::new("."),
        Some(parent) if start.is_file() => parent,
        _ => start,
    };
    let absolute = std::path::absolute(start).map_err(|_| RootError::NotFound)?;
    for dir in absolute.ancestors() {
        // Keep the path as the user wrote it when it is the root itself, for readable output.
        let dir = if dir == absolute { start } else { dir };
        let marker = dir.join(CAMPAIGN_FILE);
        match std::fs::symlink_metadata(&marker) {
            Ok(m) if m.is_file() => return Ok(dir.to_path_buf()),
            Ok(_) => return Err(RootError::NotRegular(marker)),
            Err(_) => {}
        }
    }
    Err(RootError::NotFound)
}

/// What is at `base/rel` (`rel` `/`-separated, already inside), looked at step by step
/// without following a link.
#[derive(Debug)]
pub enum Lookup {
    /// Every step exists and none is a link; the metadata of the last one.
    Found(PathBuf, std::fs::Metadata),
    /// A step is a symbolic link: the path up to it.
    Link(PathBuf),
    /// A step is missing or cannot be looked at: the path up to it.
    Missing(PathBuf),
}

pub fn look_up(base: &Path, rel: &str) -> Lookup {
    let mut path = base.to_path_buf();
    let mut last = None;
    for part in rel.split('/').filter(|p| !p.is_empty() && *p != ".") {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => return Lookup::Link(path),
            Ok(meta) => last = Some(meta),
            Err(_) => return Lookup::Missing(path),
        }
    }
    match last {
        Some(meta) => Lookup::Found(path, meta),
        None => match std::fs::symlink_metadata(&path) {
            Ok(meta) => Lookup::Found(path, meta),
            Err(_) => Lookup::Missing(path),
        },
    }
}

#[derive(Debug)]
pub enum EntryKind {
    /// A regular `*.toml` file.
    Toml,
    /// A symbolic link (to anything): skipped, never read.
    Symlink,
    /// A folder or file the walk could not read.
    Error(Box<str>),
    /// A folder, or a `*.toml` file, whose name is not UTF-8: not entered, not read. `rel`
    /// spells the bytes that are not UTF-8 as `\xNN`, so two such names never become one; the
    /// name as GBK would read it, where it reads so.
    NameNotUtf8 { folder: bool, gbk: Option<Box<str>> },
    /// A regular file meant as a record but not named `*.toml` (`x.TOML`, `x.toml.txt`): not
    /// read; the name it should have.
    Misnamed { rename: Box<str> },
}

#[derive(Debug)]
pub struct Entry {
    /// Relative to the root, `/`-separated.
    pub rel: String,
    /// The path itself, kept only where `rel` could not spell it (a name that is not UTF-8);
    /// otherwise it is the root joined with `rel`.
    pub path: Option<Box<Path>>,
    pub kind: EntryKind,
}

impl Entry {
    pub fn path(&self, root: &Path) -> PathBuf {
        self.path
            .as_deref()
            .map_or_else(|| root.join(&self.rel), Path::to_path_buf)
    }
}

/// Every entry of the tree that matters, sorted by relative path.
pub fn walk(root: &Path) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped(e));
    while let Some(result) = walker.next() {
        match result {
            Ok(e) if e.depth() == 0 => {}
            Ok(e) => {
                let kind = if e.path_is_symlink() {
                    EntryKind::Symlink
                } else if !e.file_type().is_dir() && !e.file_type().is_file() {
                    continue;
                } else if e.file_name().to_str().is_none() {
                    if e.file_type().is_file() && !has_toml_extension(e.path()) {
                        continue;
                    }
                    if e.file_type().is_dir() {
                        // Reported, not entered: no path below it could be spelt, and the org
                        // paths of its units would not be theirs.
                        walker.skip_current_dir();
                    }
                    EntryKind::NameNotUtf8 {
                        folder: e.file_type().is_dir(),
                        gbk: as_gbk(e.file_name()),
                    }
                } else if e.file_type().is_dir() {
                    continue;
                } else if has_toml_extension(e.path()) {
                    EntryKind::Toml
                } else if let Some(rename) = misnamed(e.file_name()) {
                    EntryKind::Misnamed {
                        rename: rename.into_boxed_str(),
                    }
                } else {
                    continue;
                };
                let rel = relative(root, e.path());
                let exact = e
                    .path()
                    .strip_prefix(root)
                    .is_ok_and(|r| r.to_str().is_some());
                let path = (!exact).then(|| e.into_path().into_boxed_path());
                entries.push(Entry { rel, path, kind });
            }
            Err(err) => {
                let Some(path) = err.path().map(Path::to_path_buf) else {
                    continue;
                };
                let detail = err
                    .io_error()
                    .map_or_else(|| err.to_string(), ToString::to_string);
                entries.push(Entry {
                    rel: relative(root, &path),
                    path: Some(path.into_boxed_path()),
                    kind: EntryKind::Error(detail.into_boxed_str()),
                });
            }
        }
    }
    entries.sort_by(|a, b| a.rel.cmp(&b.rel));
    // The same path twice (an error reported for a folder and for its listing); never two
    // different paths that spell alike.
    entries.dedup_by(|a, b| a.rel == b.rel && a.path == b.path);
    entries
}

fn is_skipped(e: &walkdir::DirEntry) -> bool {
    let name = e.file_name().to_string_lossy();
    skipped_name(&name, e.depth(), e.file_type().is_dir())
}

/// Whether the walk skips an entry of this name at this depth (1: at the root): hidden entries
/// but the editor files at the root, and `target/`.
pub fn skipped_name(name: &str, depth: usize, is_dir: bool) -> bool {
    let editor_file = depth == 1 && EDITOR_FILES.contains(&name);
    name.starts_with('.') && !editor_file || (is_dir && name == "target")
}

/// What a regular file of this (UTF-8) name is to the walk: a record, a misnamed record, or
/// nothing (`None`).
pub fn file_kind(name: &str) -> Option<EntryKind> {
    if has_toml_extension(Path::new(name)) {
        Some(EntryKind::Toml)
    } else {
        misnamed(OsStr::new(name)).map(|rename| EntryKind::Misnamed {
            rename: rename.into_boxed_str(),
        })
    }
}

/// A name that is not UTF-8, given as bytes (a git tree's): as [`EntryKind::NameNotUtf8`]
/// describes it, and as [`display_name`] spells it. `None` for a file that would not be read
/// anyway (not ending in `.toml`).
pub fn name_not_utf8(bytes: &[u8], folder: bool) -> Option<(String, EntryKind)> {
    if !folder && !bytes.ends_with(b".toml") {
        return None;
    }
    let gbk = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned().into_boxed_str());
    Some((display_bytes(bytes), EntryKind::NameNotUtf8 { folder, gbk }))
}

fn has_toml_extension(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "toml")
}

/// The name a file meant as a record should have: `x.TOML` -> `x.toml`, `x.toml.txt` (what
/// an editor that hides extensions saves) -> `x.toml`.
fn misnamed(name: &OsStr) -> Option<String> {
    let name = name.to_str()?;
    let lower = name.to_ascii_lowercase();
    let stem = if let Some(stem) = lower.strip_suffix(".toml.txt") {
        &name[..stem.len()]
    } else if lower.ends_with(".toml") {
        &name[..name.len() - ".toml".len()]
    } else {
        return None;
    };
    (!stem.is_empty()).then(|| format!("{stem}.toml"))
}

/// A name that is not UTF-8 as GBK (GB18030) would read it, where every byte reads so: what
/// unzipping an archive made on Chinese Windows gives.
fn as_gbk(name: &OsStr) -> Option<Box<str>> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(name.as_encoded_bytes())
        .map(|text| text.into_owned().into_boxed_str())
}

/// A name for showing: UTF-8 as it is; a name that is not UTF-8 with each byte outside
/// printable ASCII as `\xNN` (what pieces of it happen to decode as UTF-8 would only mislead),
/// so that two different names never read alike.
pub fn display_name(name: &OsStr) -> Cow<'_, str> {
    if let Some(text) = name.to_str() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(display_bytes(name.as_encoded_bytes()))
}

/// Bytes that are not UTF-8, each outside printable ASCII as `\\xNN` (see [`display_name`]).
fn display_bytes(bytes: &[u8]) -> String {
    let mut shown = String::new();
    for &byte in bytes {
        if byte.is_ascii_graphic() || byte == b' ' {
            shown.push(char::from(byte));
        } else {
            shown.push_str(&format!("\\x{byte:02X}"));
        }
    }
    shown
}

/// `path` relative to `root`, `/`-separated; a part that is not UTF-8 is spelt by
/// [`display_name`].
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    // The common case, taken once per file of a province: already `/`-separated UTF-8.
    if std::path::MAIN_SEPARATOR == '/'
        && let Some(text) = rel.to_str()
        && !text.starts_with("./")
        && !text.contains("/./")
        && !text.contains("//")
        && !text.ends_with('/')
    {
        return text.to_owned();
    }
    let parts: Vec<_> = rel
        .components()
        .map(|c| display_name(c.as_os_str()))
        .collect();
    parts.join("/")
}
