//! `huitoukan check`: load a tree, run every rule, and order the diagnostics.

use std::path::Path;

use jiff::civil::Date;

use crate::diagnostic::{self, Counts, Diagnostic};
use crate::records::Records;
use crate::rules::{self, Context};

pub struct Checked {
    pub records: Records,
    /// Every diagnostic, sorted by file path, then position, then code; at most
    /// [`diagnostic::MAX_PER_FILE`] of a file's, then one that counts the rest.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn counts(&self) -> Counts {
        Counts::of(&self.diagnostics)
    }
}

pub fn check(root: &Path, as_of: Date) -> Checked {
    check_with(root, as_of, true)
}

/// [`check`], keeping the warnings of the rules only if `warnings`.
pub fn check_with(root: &Path, as_of: Date, warnings: bool) -> Checked {
    let mut records = Records::load(root);
    let mut diagnostics = std::mem::take(&mut records.diagnostics);
    rules::run(&records, &Context { as_of }, &mut diagnostics, warnings);
    let files = &records.files;
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| (files.path(d.file), diagnostic::place(d));
        key(a).cmp(&key(b))
    });
    diagnostics.dedup();
    // A file full of problems would otherwise print them all: a few of them say what is wrong.
    let diagnostics = diagnostic::cap_per_file(diagnostics);
    Checked {
        records,
        diagnostics,
    }
}
