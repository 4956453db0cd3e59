//! `huitoukan check`: load a tree, run every rule, and order the diagnostics.

use std::path::Path;

use jiff::civil::Date;

use crate::diagnostic::{Counts, Diagnostic};
use crate::records::Records;
use crate::rules::{self, Context};

pub struct Checked {
    pub records: Records,
    /// Every diagnostic, sorted by file path, then position, then code.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn counts(&self) -> Counts {
        Counts::of(&self.diagnostics)
    }
}

pub fn check(root: &Path, as_of: Date) -> Checked {
    let mut records = Records::load(root);
    let mut diagnostics = std::mem::take(&mut records.diagnostics);
    diagnostics.extend(rules::run(&records, &Context { as_of }));
    let files = &records.files;
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            (
                files.path(d.file),
                d.span.as_ref().map_or(0, |s| s.start),
                d.code,
            )
        };
        key(a).cmp(&key(b))
    });
    diagnostics.dedup();
    Checked {
        records,
        diagnostics,
    }
}
