//! Item state, self-check state and the as-of date logic, shared by rules and reports.

use jiff::civil::Date;
use serde::Serialize;

use crate::format::enums::{ReviewResult, Satisfaction, Status};
use crate::model::records::Records;
use crate::model::{Item, Review, Unit};

/// Which of an item's dates is due: `deadline` (整改时限) or `rectify_by` (限期整改到位).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueField {
    Deadline,
    RectifyBy,
}

/// The dates an unfinished item must meet: the `deadline` of an open item, and the
/// `rectify_by` of an ineffective one or of any item the masses are still not satisfied with.
fn due_dates(item: &Item) -> impl Iterator<Item = (DueField, Date)> + '_ {
    let status = item.status.as_ref().map(|s| *s.get_ref());
    let deadline = (status == Some(Status::Open))
        .then(|| {
            item.deadline
                .as_ref()
                .map(|d| (DueField::Deadline, *d.get_ref()))
        })
        .flatten();
    let unsatisfied = item.satisfaction() == Satisfaction::Unsatisfied;
    let rectify = (status == Some(Status::Ineffective) || unsatisfied && status.is_some())
        .then(|| {
            item.rectify_by
                .as_ref()
                .map(|d| (DueField::RectifyBy, *d.get_ref()))
        })
        .flatten();
    deadline.into_iter().chain(rectify)
}

/// The earliest date the item must meet, and which field holds it; `None` for a finished item
/// the masses accept.
pub fn due_field(item: &Item) -> Option<(DueField, Date)> {
    due_dates(item).min_by_key(|(_, date)| *date)
}

/// The earliest date the item must meet.
pub fn due(item: &Item) -> Option<Date> {
    due_field(item).map(|(_, date)| date)
}

/// Days past due at `as_of`; `None` when the item is not overdue (on the due day it is not yet).
pub fn days_overdue(item: &Item, as_of: Date) -> Option<i64> {
    let due = due(item)?;
    (due < as_of).then(|| days_between(due, as_of))
}

pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map_or(0, |span| i64::from(span.get_days()))
}

/// Each unit's self-check due date, by index in `records.units`: the `subordinates_due` of its
/// nearest ancestor unit that sets one, else the campaign deadline (each level sets its own).
/// Worked out on first use and kept with the records.
pub fn unit_due_dates(records: &Records) -> &[Option<Date>] {
    records
        .due_dates
        .get_or_init(|| work_out_due_dates(records))
}

fn work_out_due_dates(records: &Records) -> Vec<Option<Date>> {
    let deadline = records
        .campaign
        .as_ref()
        .and_then(|c| c.deadline.as_ref())
        .map(|d| *d.get_ref());
    records
        .units
        .iter()
        .map(|unit| {
            let mut org = unit.org.as_str();
            while let Some(cut) = org.rfind('/') {
                org = &org[..cut];
                let set = records
                    .unit_by_org(org)
                    .and_then(|i| records.units[i].subordinates_due.as_ref());
                if let Some(due) = set {
                    return Some(*due.get_ref());
                }
            }
            deadline
        })
        .collect()
}

/// The review that decides whether a report stands: the latest by date (of one day, the last
/// written).
pub fn latest_review(unit: &Unit) -> Option<&Review> {
    unit.reviews
        .iter()
        .filter(|r| r.on.is_some())
        .max_by_key(|r| r.on.as_ref().map(|d| *d.get_ref()))
}

/// The latest review, where it returned the report (退回) and the unit has not resubmitted
/// since.
pub fn standing_return(unit: &Unit) -> Option<&Review> {
    let review = latest_review(unit)?;
    let returned = review
        .result
        .as_ref()
        .is_some_and(|r| *r.get_ref() == ReviewResult::Returned);
    let on = *review.on.as_ref()?.get_ref();
    let resubmitted = unit
        .self_check
        .as_ref()
        .and_then(|s| s.resubmitted_on.as_ref())
        .is_some_and(|r| *r.get_ref() >= on);
    (returned && !resubmitted).then_some(review)
}

/// Where a unit's self-check stands (SPEC §7).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum SelfCheckState {
    Submitted,
    Late,
    Returned,
    Pending,
    Missing,
}

impl SelfCheckState {
    /// `due` is the unit's own due date ([`unit_due_dates`]).
    pub fn of(unit: &Unit, due: Option<Date>, as_of: Date) -> SelfCheckState {
        match (unit.submitted_on(), due) {
            (Some(_), _) if standing_return(unit).is_some() => SelfCheckState::Returned,
            (Some(on), Some(due)) if on > due => SelfCheckState::Late,
            (Some(_), _) => SelfCheckState::Submitted,
            (None, Some(due)) if as_of > due => SelfCheckState::Missing,
            (None, _) => SelfCheckState::Pending,
        }
    }
}
