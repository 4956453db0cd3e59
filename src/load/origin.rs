//! Where a records tree is read from: the work tree on disk, or the tree of a revision in git
//! ([`crate::history`]). Both give the same entries (the walk's rules: hidden folders and
//! `target/` skipped, links listed and never followed) and the same bytes, so everything after
//! reading — decode, parse, model, rules, rollup — is one path whatever the origin.

use std::fmt::Debug;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::load;
use crate::load::discover::{self, Entry, Lookup};
use crate::load::source::FileId;

/// What is at a path inside the tree, looked at without following a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// A regular file.
    File,
    /// Something else: a folder, a device.
    Other,
    /// A step of the path is a symbolic link.
    Link,
    Missing,
}

/// A records tree to read: its entries, each file's text, and what is at a path.
pub trait Origin: Debug + Send + Sync {
    /// Every entry that matters, sorted by relative path, as [`discover::walk`] lists them.
    fn entries(&self, root: &Path) -> Vec<Entry>;
    /// A reader of files, one per thread of the loader.
    fn reader(&self) -> Box<dyn Reader + '_>;
    /// What is at `rel` (`/`-separated, already inside the root).
    fn look_up(&self, root: &Path, rel: &str) -> Look;
    /// An id of the content of the file at `rel`, equal for equal content, where the origin
    /// knows one without reading the file (a revision's blob id); `None` otherwise.
    fn content_id(&self, _rel: &str) -> Option<gix::ObjectId> {
        None
    }
}

/// Reads one file's text: size limit and encoding as [`load::read_text`] applies them.
pub trait Reader {
    fn read(&mut self, root: &Path, entry: &Entry, file: FileId) -> Result<String, Diagnostic>;
}

/// The files on disk under the root.
#[derive(Debug, Default)]
pub struct WorkTree;

impl Origin for WorkTree {
    fn entries(&self, root: &Path) -> Vec<Entry> {
        discover::walk(root)
    }

    fn reader(&self) -> Box<dyn Reader + '_> {
        Box::new(DiskReader::default())
    }

    fn look_up(&self, root: &Path, rel: &str) -> Look {
        match discover::look_up(root, rel) {
            Lookup::Found(_, meta) if meta.is_file() => Look::File,
            Lookup::Found(..) => Look::Other,
            Lookup::Link(_) => Look::Link,
            Lookup::Missing(_) => Look::Missing,
        }
    }
}

/// Reads the work tree's files, one thread's, through one buffer kept from file to file.
#[derive(Default)]
struct DiskReader {
    buffer: Vec<u8>,
}

impl Reader for DiskReader {
    fn read(&mut self, root: &Path, entry: &Entry, file: FileId) -> Result<String, Diagnostic> {
        load::read_text_with(&entry.path(root), file, &mut self.buffer)
    }
}
