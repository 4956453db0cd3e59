//! The rules of SPEC §6, one file per family. Each takes the loaded records and returns
//! diagnostics; none stops at the first problem.

mod item;
mod links;
mod self_check;

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::records::Records;

/// What the rules need besides the records.
pub struct Context {
    pub as_of: Date,
}

pub fn run(records: &Records, cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    item::check(records, cx, &mut out);
    links::check(records, &mut out);
    self_check::check(records, cx, &mut out);
    out
}
