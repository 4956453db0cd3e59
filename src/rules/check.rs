//! `huitoukan check`: load a tree, run every rule, and order the diagnostics.

use std::path::Path;

use jiff::civil::Date;

use crate::diagnostic::{self, Counts, Diagnostic};
use crate::load::source::SourceFile;
use crate::model::records::Records;
use crate::rules::{self, Context, Keep};

pub struct Checked {
    pub records: Records,
    /// Every diagnostic, sorted by file path, then position, then code; at most
    /// [`diagnostic::MAX_PER_FILE`] of a file's, then one that counts the rest.
    pub diagnostics: Vec<Diagnostic>,
    /// Warnings the rules found but did not keep (a report asks for errors only): counted, so
    /// a summary never says "0 warnings" when there are five.
    pub unlisted_warnings: usize,
    /// How many dated facts lay after the as-of date and were set aside (SPEC §14).
    pub after_as_of: usize,
}

/// A diagnostic with its place worked out: what every renderer of `check` shows of it.
pub struct Located<'a> {
    pub diagnostic: &'a Diagnostic,
    /// The file it is about (its path relative to the root, its text for excerpts).
    pub file: &'a SourceFile,
    /// 1-based line and column (in characters) where it starts; 1 and 1 for a whole file.
    pub line: usize,
    pub column: usize,
}

impl Checked {
    /// Every diagnostic, in order, with its file and place.
    pub fn located(&self) -> impl Iterator<Item = Located<'_>> {
        self.diagnostics.iter().map(|d| self.locate(d))
    }

    pub fn locate<'a>(&'a self, diagnostic: &'a Diagnostic) -> Located<'a> {
        let file = self.records.files.get(diagnostic.file());
        let (line, column) = diagnostic
            .span()
            .and_then(|s| Some(file.lines().ok()?.line_col(s.start)))
            .unwrap_or((1, 1));
        Located {
            diagnostic,
            file,
            line,
            column,
        }
    }

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
            .and_then(|s| crate::model::records::normalize_inside(s.get_ref()));
        let files = &self.records.files;
        let (kept, dropped): (Vec<_>, Vec<_>) = std::mem::take(&mut self.diagnostics)
            .into_iter()
            .partition(|d| {
                let path = files.path(d.file());
                path == crate::load::discover::CAMPAIGN_FILE
                    || schema.as_deref() == Some(path)
                    || crate::load::discover::is_within(path, scope)
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
    check_loaded(Records::load(root), as_of, warnings)
}

/// [`check_with`] on the tree as it would be with `overlay`'s files (an import, before it
/// writes anything).
pub fn check_overlay(
    root: &Path,
    as_of: Date,
    warnings: bool,
    overlay: &crate::model::records::Overlay,
) -> Checked {
    check_loaded(Records::load_with(root, overlay), as_of, warnings)
}

/// [`check_with`] on records already loaded (from the work tree, a revision, or an overlay).
///
/// The records as written are judged by the errors; as they stood on the as-of date, by the
/// warnings and by every report (SPEC §14): where a dated fact lies after it, the rules run
/// twice, once on each.
pub fn check_loaded(mut records: Records, as_of: Date, warnings: bool) -> Checked {
    let mut diagnostics = std::mem::take(&mut records.diagnostics);
    let cx = Context::new(as_of);
    let keep = if warnings { Keep::All } else { Keep::Errors };
    let (after_as_of, keep) = if records.has_facts_after(as_of) {
        rules::run(&records, &cx, &mut diagnostics, Keep::OnlyErrors);
        (records.as_of(as_of), Keep::OnlyWarnings(warnings))
    } else {
        (0, keep)
    };
    let unlisted_warnings = rules::run(&records, &cx, &mut diagnostics, keep);
    let mut checked = Checked {
        records,
        diagnostics,
        unlisted_warnings,
        after_as_of,
    };
    checked.add(Vec::new());
    checked
}

impl Checked {
    /// Adds diagnostics found besides the rules' (`check --since`), keeping the order: by file
    /// path, then position, then code.
    pub fn add(&mut self, more: Vec<Diagnostic>) {
        let mut diagnostics = std::mem::take(&mut self.diagnostics);
        diagnostics.extend(more);
        let files = &self.records.files;
        diagnostics.sort_by(|a, b| {
            let key = |d: &Diagnostic| (files.path(d.file()), diagnostic::place(d));
            key(a).cmp(&key(b))
        });
        diagnostics.dedup();
        // A file full of problems would otherwise print them all: a few of them say what is
        // wrong.
        self.diagnostics = diagnostic::cap_per_file(diagnostics);
    }

    /// Keeps only the diagnostics of the files in `changed` (sorted paths) and those about
    /// what is no longer there (an item deleted); returns the counts of those dropped.
    pub fn keep_changed(&mut self, changed: &[String]) -> Counts {
        let files = &self.records.files;
        let (kept, dropped): (Vec<_>, Vec<_>) = std::mem::take(&mut self.diagnostics)
            .into_iter()
            .partition(|d| {
                d.code == crate::diagnostic::Code::UnfinishedDeleted
                    || changed
                        .binary_search_by(|p| p.as_str().cmp(files.path(d.file())))
                        .is_ok()
            });
        self.diagnostics = kept;
        Counts::of(&dropped)
    }
}
