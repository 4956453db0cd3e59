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
    /// Warnings the rules found but did not keep (a report asks for errors only): counted, so
    /// a summary never says "0 warnings" when there are five.
    pub unlisted_warnings: usize,
}

impl Checked {
    /// The errors and warnings found, listed or not.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::of(&self.diagnostics);
        counts.warnings += self.unlisted_warnings;
        counts
    }
}

impl Checked {
    /// Keeps only the diagnostics of files under `scope` (a path relative to the root, `""` for
    /// all) and of the files every record rests on (the campaign file and its schema); returns
    /// the counts of those dropped. The rules ran on the whole tree, as they must: a duplicate
    /// id or a `lead_unit` spans files.
    pub fn keep_within(&mut self, scope: &str) -> Counts {
        if scope.is_empty() {
            return Counts::default();
        }
        let schema = self
            .records
            .campaign
            .as_ref()
            .and_then(|c| c.schema.as_ref())
            .and_then(|s| crate::records::normalize_inside(s.get_ref()));
        let files = &self.records.files;
        let (kept, dropped): (Vec<_>, Vec<_>) = std::mem::take(&mut self.diagnostics)
            .into_iter()
            .partition(|d| {
                let path = files.path(d.file);
                path == crate::discover::CAMPAIGN_FILE
                    || schema.as_deref() == Some(path)
                    || crate::rollup::is_within(path, scope)
            });
        self.diagnostics = kept;
        Counts::of(&dropped)
    }
}

pub fn check(root: &Path, as_of: Date) -> Checked {
    check_with(root, as_of, true)
}

/// [`check`], keeping the warnings of the rules only if `warnings`.
pub fn check_with(root: &Path, as_of: Date, warnings: bool) -> Checked {
    check_overlay(root, as_of, warnings, &crate::records::Overlay::new())
}

/// [`check_with`] on the tree as it would be with `overlay`'s files (an import, before it
/// writes anything).
pub fn check_overlay(
    root: &Path,
    as_of: Date,
    warnings: bool,
    overlay: &crate::records::Overlay,
) -> Checked {
    let mut records = Records::load_with(root, overlay);
    let mut diagnostics = std::mem::take(&mut records.diagnostics);
    let unlisted_warnings = rules::run(&records, &Context { as_of }, &mut diagnostics, warnings);
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
        unlisted_warnings,
    }
}
