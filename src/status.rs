//! Item state, self-check state and the as-of date logic, shared by rules and reports.

use jiff::civil::Date;
use serde::Serialize;

use crate::model::enums::Status;
use crate::model::{Item, Unit};

/// The date an unfinished item is due: the `deadline` of an open item, the `rectify_by` of an
/// ineffective one.
pub fn due(item: &Item) -> Option<Date> {
    match item.status.as_ref()?.get_ref() {
        Status::Open => item.deadline.as_ref().map(|d| *d.get_ref()),
        Status::Ineffective => item.rectify_by.as_ref().map(|d| *d.get_ref()),
        Status::Done | Status::MostlyDone => None,
    }
}

/// Days past due at `as_of`; `None` when the item is not overdue (on the due day it is not yet).
pub fn days_overdue(item: &Item, as_of: Date) -> Option<i64> {
    let due = due(item)?;
    (due < as_of).then(|| days_between(due, as_of))
}

pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map_or(0, |span| i64::from(span.get_days()))
}

/// Where a unit's self-check stands (SPEC §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SelfCheckState {
    Submitted,
    Late,
    Pending,
    Missing,
}

impl SelfCheckState {
    pub fn of(unit: &Unit, deadline: Option<Date>, as_of: Date) -> SelfCheckState {
        match (unit.submitted_on(), deadline) {
            (Some(on), Some(deadline)) if on > deadline => SelfCheckState::Late,
            (Some(_), _) => SelfCheckState::Submitted,
            (None, Some(deadline)) if as_of > deadline => SelfCheckState::Missing,
            (None, _) => SelfCheckState::Pending,
        }
    }
}
