//! Finding the root and walking the records tree.
//!
//! The walk never follows a symbolic link and never leaves the root: links are listed so they
//! can be reported, hidden entries and `target/` are skipped, and the result is sorted by path
//! whatever order the file system returns.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

pub const CAMPAIGN_FILE: &str = "huitoukan.toml";
pub const UNIT_FILE: &str = "unit.toml";
/// Editor configuration that may sit at the root beside the campaign file.
pub const EDITOR_FILES: &[&str] = &["taplo.toml", ".taplo.toml"];

/// The first folder at or above `start` holding `huitoukan.toml`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let start = if start.is_file() {
        start.parent()?
    } else {
        start
    };
    let absolute = std::path::absolute(start).ok()?;
    absolute
        .ancestors()
        .find(|dir| dir.join(CAMPAIGN_FILE).is_file())
        .map(|dir| {
            // Keep the path as the user wrote it when it is the root itself, for readable output.
            if dir == absolute {
                start.to_path_buf()
            } else {
                dir.to_path_buf()
            }
        })
}

#[derive(Debug)]
pub enum EntryKind {
    /// A regular `*.toml` file.
    Toml,
    /// A symbolic link (to anything): skipped, never read.
    Symlink,
    /// A folder or file the walk could not read.
    Error(Box<str>),
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
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped(e));
    for result in walker {
        match result {
            Ok(e) if e.depth() == 0 => {}
            Ok(e) => {
                let kind = if e.path_is_symlink() {
                    EntryKind::Symlink
                } else if e.file_type().is_file() && has_toml_extension(e.path()) {
                    EntryKind::Toml
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
    entries.dedup_by(|a, b| a.rel == b.rel);
    entries
}

fn is_skipped(e: &walkdir::DirEntry) -> bool {
    let name = e.file_name().to_string_lossy();
    let editor_file = e.depth() == 1 && EDITOR_FILES.contains(&name.as_ref());
    name.starts_with('.') && !editor_file || (e.file_type().is_dir() && name == "target")
}

fn has_toml_extension(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "toml")
}

/// `path` relative to `root`, `/`-separated.
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
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}
