//! The counts a report adds up: of items ([`ItemCounts`]), of self-checks
//! ([`SelfCheckCounts`]), and of units with both ([`Totals`]). Each adds with `+=`
//! (`AddAssign`), field by field through the one list of its fields (`values`, `slots`), so
//! a count added to a struct is added, summed and written everywhere.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::figures::Figures;
use super::stored;
use crate::format::enums::{Satisfaction, Status};
use crate::model::status::SelfCheckState;

/// Counts over a set of items (SPEC §7), and the rates they give, computed from them when asked
/// (and written beside them in JSON): the counts add up (`+=`) and the rates of a sum are those
/// of the summed counts, never averages. That is what lets a higher level add up the reports of
/// lower ones (`merge`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "stored::CountsIn")]
pub struct ItemCounts {
    pub items: u32,
    pub done: u32,
    pub mostly_done: u32,
    pub open: u32,
    pub ineffective: u32,
    pub overdue: u32,
    /// 已销号: done items with a `[closure]`.
    pub closed: u32,
    /// Items whose satisfaction was assessed (not 未测评).
    pub assessed: u32,
    /// 满意 + 基本满意.
    pub satisfied: u32,
}

impl ItemCounts {
    /// The JSON keys of the counts, in the order of [`ItemCounts::values`].
    pub const KEYS: [&'static str; 9] = [
        "items",
        "done",
        "mostly_done",
        "open",
        "ineffective",
        "overdue",
        "closed",
        "assessed",
        "satisfied",
    ];
    /// The JSON keys of the rates, in the order of [`ItemCounts::rates`].
    pub const RATE_KEYS: [&'static str; 3] =
        ["completion_rate", "done_or_mostly_rate", "satisfied_rate"];

    pub fn values(&self) -> [u32; 9] {
        [
            self.items,
            self.done,
            self.mostly_done,
            self.open,
            self.ineffective,
            self.overdue,
            self.closed,
            self.assessed,
            self.satisfied,
        ]
    }

    /// The counts of [`ItemCounts::values`], in its order.
    pub fn from_values(values: [u32; 9]) -> ItemCounts {
        let mut counts = ItemCounts::default();
        for (slot, value) in counts.slots().into_iter().zip(values) {
            *slot = value;
        }
        counts
    }

    fn slots(&mut self) -> [&mut u32; 9] {
        [
            &mut self.items,
            &mut self.done,
            &mut self.mostly_done,
            &mut self.open,
            &mut self.ineffective,
            &mut self.overdue,
            &mut self.closed,
            &mut self.assessed,
            &mut self.satisfied,
        ]
    }

    /// done / items; `None` when there are no items.
    pub fn completion_rate(&self) -> Option<f64> {
        rate(self.done, self.items)
    }

    /// (done + mostly_done) / items (完成及基本完成率); `None` when there are no items.
    pub fn done_or_mostly_rate(&self) -> Option<f64> {
        rate(self.done.saturating_add(self.mostly_done), self.items)
    }

    /// satisfied / assessed; `None` when none was assessed.
    pub fn satisfied_rate(&self) -> Option<f64> {
        rate(self.satisfied, self.assessed)
    }

    pub fn rates(&self) -> [Option<f64>; 3] {
        [
            self.completion_rate(),
            self.done_or_mostly_rate(),
            self.satisfied_rate(),
        ]
    }

    /// Counts one item.
    pub fn add_item(
        &mut self,
        status: Status,
        satisfaction: Satisfaction,
        overdue: bool,
        closed: bool,
    ) {
        let one = |slot: &mut u32| *slot = slot.saturating_add(1);
        one(&mut self.items);
        one(match status {
            Status::Done => &mut self.done,
            Status::MostlyDone => &mut self.mostly_done,
            Status::Open => &mut self.open,
            Status::Ineffective => &mut self.ineffective,
        });
        if overdue {
            one(&mut self.overdue);
        }
        if closed && status == Status::Done {
            one(&mut self.closed);
        }
        if satisfaction != Satisfaction::NotAssessed {
            one(&mut self.assessed);
        }
        if matches!(
            satisfaction,
            Satisfaction::Satisfied | Satisfaction::MostlySatisfied
        ) {
            one(&mut self.satisfied);
        }
    }
}

fn rate(n: u32, d: u32) -> Option<f64> {
    (d > 0).then(|| f64::from(n) / f64::from(d))
}

impl std::ops::AddAssign<&ItemCounts> for ItemCounts {
    /// Sums the counts (saturating: a stored report is checked before it is added).
    fn add_assign(&mut self, other: &ItemCounts) {
        for (a, b) in self.slots().into_iter().zip(other.values()) {
            *a = a.saturating_add(b);
        }
    }
}

/// The counts, then the rates.
impl Serialize for ItemCounts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("ItemCounts", 12)?;
        for (key, value) in Self::KEYS.into_iter().zip(self.values()) {
            out.serialize_field(key, &value)?;
        }
        for (key, value) in Self::RATE_KEYS.into_iter().zip(self.rates()) {
            out.serialize_field(key, &value)?;
        }
        out.end()
    }
}

impl JsonSchema for ItemCounts {
    fn schema_name() -> Cow<'static, str> {
        "ItemCounts".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut properties = serde_json::Map::new();
        for key in Self::KEYS {
            properties.insert(
                key.into(),
                serde_json::json!({ "type": "integer", "format": "uint32", "minimum": 0 }),
            );
        }
        for key in Self::RATE_KEYS {
            properties.insert(
                key.into(),
                serde_json::json!({
                    "description": "recomputed from the counts; null where there is nothing to divide by",
                    "type": ["number", "null"], "minimum": 0, "maximum": 1
                }),
            );
        }
        let required: Vec<&str> = Self::KEYS.iter().chain(&Self::RATE_KEYS).copied().collect();
        schemars::json_schema!({
            "type": "object",
            "properties": properties,
            "required": required
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SelfCheckCounts {
    pub submitted: u32,
    pub late: u32,
    pub returned: u32,
    pub pending: u32,
    pub missing: u32,
}

impl SelfCheckCounts {
    pub(super) fn add(&mut self, state: SelfCheckState) {
        let slot = match state {
            SelfCheckState::Submitted => &mut self.submitted,
            SelfCheckState::Late => &mut self.late,
            SelfCheckState::Returned => &mut self.returned,
            SelfCheckState::Pending => &mut self.pending,
            SelfCheckState::Missing => &mut self.missing,
        };
        *slot = slot.saturating_add(1);
    }

    /// Every unit counted, whatever its state.
    pub fn sum(&self) -> u64 {
        self.values().iter().map(|&n| u64::from(n)).sum()
    }

    /// The counts, in the order of the fields.
    pub fn values(&self) -> [u32; 5] {
        [
            self.submitted,
            self.late,
            self.returned,
            self.pending,
            self.missing,
        ]
    }

    fn slots(&mut self) -> [&mut u32; 5] {
        [
            &mut self.submitted,
            &mut self.late,
            &mut self.returned,
            &mut self.pending,
            &mut self.missing,
        ]
    }
}

impl std::ops::AddAssign<&SelfCheckCounts> for SelfCheckCounts {
    fn add_assign(&mut self, other: &SelfCheckCounts) {
        for (a, b) in self.slots().into_iter().zip(other.values()) {
            *a = a.saturating_add(b);
        }
    }
}

/// Counts over a set of units and their items.
///
/// `units`, the item counts and `self_check` cover every unit of the set; `reporting_units`,
/// `late_filed` and `reporting_self_check` only those of them that report to the report's org
/// (报送单位, SPEC §14). A unit's own totals count it there when it is a reporting unit of the
/// report, so that the totals of the units add up to the org's and its children's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "stored::CountsIn")]
pub struct Totals {
    pub units: u32,
    #[serde(flatten)]
    pub counts: ItemCounts,
    pub self_check: SelfCheckCounts,
    /// The reporting units (报送单位) among `units`.
    pub reporting_units: u32,
    /// Reporting units whose first submission was after their due date (逾期报送), whether or
    /// not it was returned since.
    pub late_filed: u32,
    /// The self-check states of the reporting units, one state each.
    pub reporting_self_check: SelfCheckCounts,
    /// 按期完成, sources, batches, reviews, 建章立制, 满意度测评 (SPEC §14).
    #[serde(flatten)]
    pub figures: Figures,
}

impl Totals {
    /// One unit in `state`, before its items are counted.
    pub fn unit(state: SelfCheckState) -> Totals {
        let mut totals = Totals {
            units: 1,
            ..Totals::default()
        };
        totals.self_check.add(state);
        totals
    }

    /// Counts the one unit of these totals as a reporting unit of the report, in `state`;
    /// `late_filed` when its first submission was late.
    pub fn reporting(&mut self, state: SelfCheckState, late_filed: bool) {
        self.reporting_units = self.reporting_units.saturating_add(1);
        if late_filed {
            self.late_filed = self.late_filed.saturating_add(1);
        }
        self.reporting_self_check.add(state);
    }
}

impl std::ops::AddAssign<&Totals> for Totals {
    fn add_assign(&mut self, other: &Totals) {
        self.units = self.units.saturating_add(other.units);
        self.counts += &other.counts;
        self.self_check += &other.self_check;
        self.reporting_units = self.reporting_units.saturating_add(other.reporting_units);
        self.late_filed = self.late_filed.saturating_add(other.late_filed);
        self.reporting_self_check += &other.reporting_self_check;
        self.figures += &other.figures;
    }
}
