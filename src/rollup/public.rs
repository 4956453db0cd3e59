//! `--public` (公示, SPEC §8): what a report for publication withholds and blanks, decided here
//! and nowhere else.
//!
//! A public report counts confidential items as the internal report does (its totals and rates
//! are the same, SPEC §14) but lists none of them, saying how many it did not list, and blanks
//! every field that can carry a person's name, keeping its column so a public sheet has the
//! internal one's layout.
//!
//! With `--keep-going`, a file left out for its errors may itself be a confidential item, and
//! its path (an item's file name is often the problem in a few words) or its messages (which
//! quote values, a name among them) would then publish what the rule withholds. So a public
//! report lists a left-out file only when it is known not to be a confidential item: the
//! campaign, its schema, a `unit.toml`, or an item that was read and says `confidential` is not
//! true; and it lists each with its code and a fixed sentence instead of its messages. Every
//! other left-out file (an item that could not be read, one whose `confidential` could not be
//! read, a confidential one) is withheld like a confidential item and counted on stderr.

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::load::discover::{CAMPAIGN_FILE, UNIT_FILE};
use crate::load::source::FileId;
use crate::model::records::{Records, normalize_inside};
use crate::rollup::{ItemRow, Report, Withheld};
use crate::text::i18n::Msg;
use crate::text::messages::fields::FieldMsg;
use crate::text::messages::report::ReportMsg;

/// The files a public report withholds: every confidential item, and every file with errors
/// that may be one.
pub struct Public {
    withheld: HashSet<FileId>,
}

impl Public {
    pub fn new(records: &Records, diagnostics: &[Diagnostic]) -> Public {
        let schema = records
            .campaign
            .as_ref()
            .and_then(|c| c.schema.as_ref())
            .and_then(|s| normalize_inside(s.get_ref()));
        let unknown_flag: HashSet<FileId> = diagnostics
            .iter()
            .filter(|d| matches!(&d.message, Msg::Fields(FieldMsg::WrongType { key, .. }) if key == "confidential"))
            .map(|d| d.file())
            .collect();
        let known_open: HashSet<FileId> = records
            .items
            .iter()
            .filter(|i| !i.confidential && !unknown_flag.contains(&i.file))
            .map(|i| i.file)
            .collect();
        let withheld = diagnostics
            .iter()
            .map(|d| d.file())
            .chain(records.items.iter().map(|i| i.file))
            .filter(|&file| {
                let path = records.files.path(file);
                let record = path == CAMPAIGN_FILE
                    || path == UNIT_FILE
                    || path.ends_with(&format!("/{UNIT_FILE}"))
                    || schema.as_deref() == Some(path);
                !record && !known_open.contains(&file)
            })
            .collect();
        Public { withheld }
    }

    /// Whether the report leaves `file` out as (possibly) confidential.
    pub fn withholds(&self, file: FileId) -> bool {
        self.withheld.contains(&file)
    }

    /// The rest of the rule, on a report built without listing the withheld items: the left-out files
    /// that may be confidential go, the others lose their messages, and names are blanked.
    /// `items` is how many confidential items the build skipped.
    pub fn apply(&self, report: &mut Report<'_>, items: usize) {
        let before = report.left_out.len();
        report.left_out.retain(|l| !self.withholds(l.id));
        for l in &mut report.left_out {
            if l.code.is_some() {
                l.reason = ReportMsg::LeftOutPublic.into();
            }
        }
        report.withheld = Some(Withheld {
            items,
            files: before - report.left_out.len(),
        });
        report.items.blank_names = true;
        for unit in &mut report.units {
            unit.principal = None;
            if let Some(review) = unit.open_review.as_mut() {
                review.by = None;
            }
            // What a review found is process, not progress (SPEC §14).
            unit.review = None;
        }
    }
}

/// Every field of an item row that can carry a person's name (a closure's `approved_by` may
/// be one too). A unit's `principal` and a review's `by` are blanked in [`Public::apply`]; the
/// notes of answers and reviews are in no report yet; a row that gains one blanks it here.
pub(super) fn blank_names(row: &mut ItemRow) {
    let ItemRow {
        person,
        responsible,
        lead,
        closed_by,
        ..
    } = row;
    for field in [person, responsible, lead, closed_by] {
        *field = None;
    }
}
