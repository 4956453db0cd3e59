//! The files of a records tree as text, and byte offset -> line and column.
//!
//! Offsets stay bytes everywhere else; only rendering turns them into a line (1-based) and a
//! column (1-based, in characters).

use std::sync::OnceLock;

/// Index of a file in [`Files`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the root, `/`-separated.
    pub path: Box<str>,
    /// The decoded text (without a byte-order mark); empty when the file could not be read.
    pub text: Box<str>,
    /// Made only for files that have something to show.
    line_starts: OnceLock<Box<[u32]>>,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> Self {
        SourceFile {
            path: path.into_boxed_str(),
            text: text.into_boxed_str(),
            line_starts: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            // Record files are at most 1 MiB, so offsets fit in u32.
            let offset = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| offset(i + 1)))
                .collect()
        })
    }

    /// The 0-based line index holding `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        let starts = self.line_starts();
        starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1)
    }

    /// The byte range of line `index` (0-based), without its line ending.
    pub fn line_range(&self, index: usize) -> std::ops::Range<usize> {
        let starts = self.line_starts();
        let start = starts.get(index).map_or(self.text.len(), |&s| s as usize);
        let end = starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next as usize - 1);
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
        let line = self.line_index(offset);
        let start = self.line_starts()[line] as usize;
        (line + 1, self.text[start..offset].chars().count() + 1)
    }

    fn floor_char_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
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
