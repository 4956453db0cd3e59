//! The rules of SPEC §6, one file per family. Each takes the loaded records and returns
//! diagnostics; none stops at the first problem.

pub mod check;
pub(crate) mod item;
pub(crate) mod links;
pub(crate) mod plan;
pub(crate) mod self_check;

use std::collections::HashMap;

use jiff::civil::Date;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::load::source::FileId;
use crate::model::records::Records;
use crate::model::schema::{Point, Schema};
use crate::model::{PointId, Sp};
use crate::text::i18n::Msg;
use crate::text::suggest::Suggester;

/// What the rules need besides the records.
pub struct Context {
    pub as_of: Date,
    /// The machine's day: a date after it has not happened (the as-of date may be later or
    /// earlier).
    pub today: Date,
}

impl Context {
    /// Judging as of `as_of`, on the machine's day.
    pub fn new(as_of: Date) -> Context {
        Context {
            as_of,
            today: today(),
        }
    }
}

/// The machine's day, by its clock and time zone: the one place a command asks for it.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

/// Which diagnostics a run of the rules keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Every one.
    All,
    /// The errors; the warnings are counted, not kept (a report shows none).
    Errors,
    /// The errors only; the warnings are neither kept nor counted (another run judges them).
    OnlyErrors,
    /// The warnings, or with `false` their count; the errors are another run's.
    OnlyWarnings(bool),
}

/// Where the rules put what they find, as [`Keep`] says: a caller that shows no warnings (a
/// report) never holds a province's warnings in memory but still knows how many there were.
pub struct Found<'a> {
    out: &'a mut Vec<Diagnostic>,
    keep: Keep,
    unkept: usize,
}

impl Found<'_> {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let error = diagnostic.severity() == Severity::Error;
        match (self.keep, error) {
            (Keep::All, _) | (Keep::Errors | Keep::OnlyErrors, true) => self.out.push(diagnostic),
            (Keep::OnlyWarnings(true), false) => self.out.push(diagnostic),
            (Keep::Errors | Keep::OnlyWarnings(false), false) => self.unkept += 1,
            (Keep::OnlyErrors, false) | (Keep::OnlyWarnings(_), true) => {}
        }
    }
}

/// Adds the diagnostics of every rule to `out`, as `keep` says. Returns how many warnings were
/// found and not kept.
pub fn run(records: &Records, cx: &Context, out: &mut Vec<Diagnostic>, keep: Keep) -> usize {
    let mut found = Found {
        out,
        keep,
        unkept: 0,
    };
    let points = Points::new(records.schema.as_ref());
    item::check(records, cx, &points, &mut found);
    links::check(records, &mut found);
    self_check::check(records, cx, &points, &mut found);
    plan::check(records, cx, &mut found);
    found.unkept
}

/// The check points of the schema in force, found by id; an id it lacks is E008 with the
/// closest one as the help. Built once a run: a schema may hold thousands of points and a unit
/// as many answers.
pub struct Points<'a> {
    by_id: HashMap<&'a str, &'a Point>,
    ids: Suggester<'a>,
}

impl<'a> Points<'a> {
    fn new(schema: Option<&'a Schema>) -> Self {
        let points = schema.iter().flat_map(|s| &s.points);
        Points {
            // The first of two points with one id is the one the schema means.
            by_id: points.clone().rev().map(|p| (p.id.as_str(), p)).collect(),
            ids: Suggester::new(points.map(|p| p.id.as_str())),
        }
    }

    pub fn get(&self, id: &str) -> Option<&'a Point> {
        self.by_id.get(id).copied()
    }

    /// E008 for `id`, in an item's `points` or a unit's answers.
    pub fn unknown(&self, file: FileId, id: &Sp<PointId>) -> Diagnostic {
        let help = self.ids.closest(id.get_ref()).map(|s| Msg::DidYouMean {
            suggestion: s.to_owned(),
        });
        let msg = Msg::UnknownPoint {
            id: id.get_ref().to_string(),
        };
        Diagnostic::at(Code::UnknownPoint, file, id.span(), msg).with_help(help)
    }
}
