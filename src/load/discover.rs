//! Finding the root and walking the records tree.
//!
//! The walk never follows a symbolic link and never leaves the root: links are listed so they
//! can be reported, hidden entries and `target/` are skipped, and the result is sorted by path
//! whatever order the file system returns.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

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

#[derive(Clone, Debug)]
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

#[derive(Clone, Debug)]
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
///
/// Folders are listed in parallel (on rayon's pool, so its thread count holds), and the
/// entries sorted once at the end: the order is the same whatever the threads did.
pub fn walk(root: &Path) -> Vec<Entry> {
    let found = Mutex::new(Vec::new());
    rayon::scope(|scope| walk_folder(scope, root.to_path_buf(), String::new(), &found));
    let mut entries = found.into_inner().unwrap_or_else(PoisonError::into_inner);
    // By path too, for a name that is not UTF-8 spelt as another name is (`\xB4` both ways).
    entries.sort_by(|a: &Entry, b: &Entry| a.rel.cmp(&b.rel).then_with(|| a.path.cmp(&b.path)));
    // The same path twice (an error reported for a folder and for its listing); never two
    // different paths that spell alike.
    entries.dedup_by(|a, b| a.rel == b.rel && a.path == b.path);
    entries
}

/// Lists the folder `dir`, `rel` from the root (`""` for the root itself), adds what matters
/// to `found`, and walks each of its sub-folders as a task of its own. Only folders of UTF-8
/// names are entered, so `rel` spells `dir` exactly.
fn walk_folder<'s>(
    scope: &rayon::Scope<'s>,
    dir: PathBuf,
    rel: String,
    found: &'s Mutex<Vec<Entry>>,
) {
    let mut entries = Vec::new();
    let mut folders = Vec::new();
    let error = |e: std::io::Error| Entry {
        rel: rel.clone(),
        path: Some(dir.clone().into_boxed_path()),
        kind: EntryKind::Error(e.to_string().into_boxed_str()),
    };
    match std::fs::read_dir(&dir) {
        Err(e) => entries.push(error(e)),
        Ok(listing) => {
            for item in listing {
                match item.and_then(|item| Ok((item.file_type()?, item))) {
                    Err(e) => entries.push(error(e)),
                    Ok((file_type, item)) => match entry_of(&rel, &item, file_type) {
                        Walked::Entry(entry) => entries.push(entry),
                        Walked::Folder(rel) => folders.push((item.path(), rel)),
                        Walked::Skipped => {}
                    },
                }
            }
        }
    }
    if !entries.is_empty() {
        found
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .append(&mut entries);
    }
    for (folder, rel) in folders {
        scope.spawn(move |scope| walk_folder(scope, folder, rel, found));
    }
}

/// What an item of a folder listing is to the walk.
enum Walked {
    Entry(Entry),
    /// A folder to enter (its name is UTF-8 and not skipped), and its relative path.
    Folder(String),
    Skipped,
}

/// What `item`, listed in the folder `parent` (relative to the root), is to the walk.
fn entry_of(parent: &str, item: &std::fs::DirEntry, file_type: std::fs::FileType) -> Walked {
    let name = item.file_name();
    let is_dir = file_type.is_dir();
    let depth = if parent.is_empty() { 1 } else { 2 };
    if skipped_name(&name.to_string_lossy(), depth, is_dir) {
        return Walked::Skipped;
    }
    let shown = display_name(&name);
    // Of its own size: the paths of a province are kept as long as the records are.
    let mut rel = String::with_capacity(parent.len() + 1 + shown.len());
    if !parent.is_empty() {
        rel.push_str(parent);
        rel.push('/');
    }
    rel.push_str(&shown);
    let kind = if file_type.is_symlink() {
        EntryKind::Symlink
    } else if !is_dir && !file_type.is_file() {
        return Walked::Skipped;
    } else if name.to_str().is_none() {
        if !is_dir && !has_toml_extension(Path::new(&name)) {
            return Walked::Skipped;
        }
        // Reported, not entered: no path below it could be spelt, and the org paths of its
        // units would not be theirs.
        EntryKind::NameNotUtf8 {
            folder: is_dir,
            gbk: as_gbk(&name),
        }
    } else if is_dir {
        return Walked::Folder(rel);
    } else if has_toml_extension(Path::new(&name)) {
        EntryKind::Toml
    } else if let Some(rename) = misnamed(&name) {
        EntryKind::Misnamed {
            rename: rename.into_boxed_str(),
        }
    } else {
        return Walked::Skipped;
    };
    // The path itself, where `rel` could not spell it.
    let path = name
        .to_str()
        .is_none()
        .then(|| item.path().into_boxed_path());
    Walked::Entry(Entry { rel, path, kind })
}

/// Whether `name` can be a file or folder name on every system an office uses: not empty, at
/// most 255 bytes, without `/ \ : * ? " < > |` or a control character, not starting with a dot
/// (hidden, and never `.` or `..`), not ending with a dot or a space (Windows drops them), and
/// no Windows device name (`CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`, `LPT1`–`LPT9`, in any
/// case, with or without an extension). The rule of an org's name (`merge --name`) and of an
/// import's key.
pub fn portable_name(name: &str) -> bool {
    let device = || {
        let stem = name.split('.').next().unwrap_or(name).trim_end();
        let upper = stem.to_ascii_uppercase();
        matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
            || ["COM", "LPT"].iter().any(|p| {
                upper
                    .strip_prefix(p)
                    .is_some_and(|n| n.len() == 1 && matches!(n.as_bytes()[0], b'1'..=b'9'))
            })
    };
    !name.is_empty()
        && name.len() <= 255
        && !name.starts_with('.')
        && !name.ends_with(['.', ' '])
        && !name
            .chars()
            .any(|c| c.is_control() || "/\\:*?\"<>|".contains(c))
        && !device()
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
    // The common case: already `/`-separated UTF-8.
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

/// `path` with `.` and `..` resolved by name, without asking the file system.
pub fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether `org` is `prefix` or below it, by whole components.
pub fn is_within(org: &str, prefix: &str) -> bool {
    prefix.is_empty()
        || org == prefix
        || (org.len() > prefix.len()
            && org.starts_with(prefix)
            && org.as_bytes()[prefix.len()] == b'/')
}
