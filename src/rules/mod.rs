//! The rules of SPEC §6, one file per family. Each takes the loaded records and returns
//! diagnostics; none stops at the first problem.

pub(crate) mod item;
pub(crate) mod links;
pub(crate) mod self_check;

use jiff::civil::Date;

use crate::diagnostic::{Diagnostic, Severity};
use crate::records::Records;

/// What the rules need besides the records.
pub struct Context {
    pub as_of: Date,
}

/// Where the rules put what they find: every diagnostic, or only the errors for a caller that
/// shows no warnings (a report), which then never holds a province's warnings in memory but
/// still knows how many there were.
pub struct Found<'a> {
    out: &'a mut Vec<Diagnostic>,
    warnings: bool,
    unkept: usize,
}

impl Found<'_> {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if self.warnings || diagnostic.severity() == Severity::Error {
            self.out.push(diagnostic);
        } else {
            self.unkept += 1;
        }
    }
}

/// Adds the diagnostics of every rule to `out`; warnings only if `warnings`. Returns how many
/// warnings were found and not kept.
pub fn run(records: &Records, cx: &Context, out: &mut Vec<Diagnostic>, warnings: bool) -> usize {
    let mut found = Found {
        out,
        warnings,
        unkept: 0,
    };
    item::check(records, cx, &mut found);
    links::check(records, &mut found);
    self_check::check(records, cx, &mut found);
    found.unkept
}
