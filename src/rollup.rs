//! Records -> [`Report`]: completion status rolled up the org hierarchy (SPEC §7).
//!
//! Every number of every format is computed here, once; renderers only lay it out.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::i18n::Msg;
use crate::model::enums::{Category, Enumeration, ReviewKind, ReviewResult, Satisfaction, Status};
use crate::model::fields::{decode_text, decode_texts};
use crate::model::{Campaign, Item, Sp, Text, TextList, Unit};
use crate::records::Records;
use crate::source::FileId;
use crate::status::{self, SelfCheckState};

pub mod merge;
mod public;
pub mod stored;

/// What a report covers and how.
pub struct Options<'a> {
    /// An org path that exists in the tree (see [`resolve_org`]); `""` for the whole tree.
    pub org: &'a str,
    pub as_of: Date,
    /// For publication (公示): what it withholds and blanks is decided in `rollup/public.rs`.
    pub public: bool,
    /// The rows wanted besides the fixed parts: [`Report::orgs`] is built only for
    /// [`By::Org`] and [`Report::items`] only for [`By::Item`] (decoding every field of every
    /// item is most of a report's cost).
    pub by: By,
}

/// What one row of a table or CSV stands for (`--by`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    /// One row per folder holding units, with its subtree's totals
    Org,
    /// One row per unit, with its own totals
    Unit,
    /// One row per item, with its fields
    Item,
    /// One row per area of the schema
    Area,
    /// One row per 牵头班子成员 of a unit (责任清单), with the items they lead
    Lead,
    /// One row per 专项整治 task, with its items
    Task,
}

impl By {
    pub const ALL: [By; 6] = [By::Org, By::Unit, By::Item, By::Area, By::Lead, By::Task];
}

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
    fn add(&mut self, state: SelfCheckState) {
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
        [
            self.submitted,
            self.late,
            self.returned,
            self.pending,
            self.missing,
        ]
        .iter()
        .map(|&n| u64::from(n))
        .sum()
    }
}

impl std::ops::AddAssign<&SelfCheckCounts> for SelfCheckCounts {
    fn add_assign(&mut self, other: &SelfCheckCounts) {
        for (a, b) in [
            (&mut self.submitted, other.submitted),
            (&mut self.late, other.late),
            (&mut self.returned, other.returned),
            (&mut self.pending, other.pending),
            (&mut self.missing, other.missing),
        ] {
            *a = a.saturating_add(b);
        }
    }
}

/// Counts over a set of units and their items.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "stored::CountsIn")]
pub struct Totals {
    pub units: u32,
    #[serde(flatten)]
    pub counts: ItemCounts,
    pub self_check: SelfCheckCounts,
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
}

impl std::ops::AddAssign<&Totals> for Totals {
    fn add_assign(&mut self, other: &Totals) {
        self.units = self.units.saturating_add(other.units);
        self.counts += &other.counts;
        self.self_check += &other.self_check;
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "stored::CountsIn")]
pub struct AreaRow {
    pub area: i64,
    pub title: String,
    #[serde(flatten)]
    pub counts: ItemCounts,
}

/// A unit's own items in one area: what a stored report needs to give the areas of any org
/// within it (`report --from … --org`). Only the areas where the unit has items. Written as an
/// array, `[area, items, done, mostly_done, open, ineffective, overdue, closed, assessed,
/// satisfied]`: a province has 23,000 units, and its report is read thirty at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(into = "UnitAreaWire", from = "UnitAreaWire")]
pub struct UnitArea {
    pub area: i64,
    pub counts: ItemCounts,
}

/// `[area, items, done, mostly_done, open, ineffective, overdue, closed, assessed, satisfied]`
type UnitAreaWire = (i64, u32, u32, u32, u32, u32, u32, u32, u32, u32);

impl From<UnitArea> for UnitAreaWire {
    fn from(a: UnitArea) -> UnitAreaWire {
        let [i, d, m, o, e, v, c, a2, s] = a.counts.values();
        (a.area, i, d, m, o, e, v, c, a2, s)
    }
}

impl From<UnitAreaWire> for UnitArea {
    fn from(w: UnitAreaWire) -> UnitArea {
        UnitArea {
            area: w.0,
            counts: ItemCounts {
                items: w.1,
                done: w.2,
                mostly_done: w.3,
                open: w.4,
                ineffective: w.5,
                overdue: w.6,
                closed: w.7,
                assessed: w.8,
                satisfied: w.9,
            },
        }
    }
}

/// A folder of the tree that holds units, with the totals of everything at or below it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OrgRow {
    pub org: String,
    /// Components below the report's org: its children are at depth 1.
    #[serde(skip)]
    pub depth: usize,
    pub totals: Totals,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnitRow<'a> {
    pub org: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub category: Option<Category>,
    pub batch: Option<i64>,
    pub self_check: SelfCheckState,
    /// The self-check's `submitted_on`.
    #[serde(default)]
    pub submitted_on: Option<Date>,
    /// The latest review, where it left something to do: it returned the report (退回) and the
    /// unit has not resubmitted since, or it asked to fill gaps (查漏补缺).
    #[serde(default)]
    pub open_review: Option<ReviewNote>,
    /// 主要负责同志, for the 通报 list (约谈提醒); `None` in a public report.
    #[serde(default)]
    pub principal: Option<String>,
    pub totals: Totals,
    /// The unit's own items by area, in the order of the schema.
    #[serde(default)]
    pub by_area: Vec<UnitArea>,
}

/// A review as reports list it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewNote {
    pub kind: Option<ReviewKind>,
    /// Who reviewed: blank in a public report.
    pub by: Option<String>,
    pub on: Option<Date>,
    pub result: ReviewResult,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DueItem<'a> {
    pub unit: Cow<'a, str>,
    /// The unit's `name`, for the reports people read.
    #[serde(default)]
    pub unit_name: Cow<'a, str>,
    pub id: Cow<'a, str>,
    pub title: String,
    pub status: Status,
    pub due: Option<Date>,
    /// Days from `due` to the as-of date; `None` when not yet overdue.
    pub days_overdue: Option<i64>,
    /// The latest `[[progress]]` entry (进展情况).
    #[serde(default)]
    pub progress: Option<Progress>,
}

/// A dated `[[progress]]` entry, as reports list it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Progress {
    pub on: Date,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LinkedItem<'a> {
    pub unit: Cow<'a, str>,
    /// The unit's `name`, for the reports people read.
    #[serde(default)]
    pub unit_name: Cow<'a, str>,
    pub id: Cow<'a, str>,
    pub title: String,
    pub lead_unit: String,
    /// The lead unit's `name` (its org path where it has none).
    #[serde(default)]
    pub lead_name: String,
}

/// The items of a report (`--by item`), kept as references into the records and made into
/// [`ItemRow`]s one at a time, on demand: a province's rows, each a copy of an item's text, are
/// never all in memory at once, whether a renderer pages through them or writes them one by one.
#[derive(Clone, Default)]
pub struct ItemList<'a> {
    records: Option<&'a Records>,
    items: Vec<ItemRef<'a>>,
    /// A public report: the rows come with their names blanked (`rollup/public.rs`).
    blank_names: bool,
}

/// An item of the list, with what the build worked out for it.
#[derive(Clone, Copy)]
struct ItemRef<'a> {
    unit: &'a Unit,
    item: &'a Item,
    status: Status,
    days_overdue: Option<i64>,
}

impl<'a> ItemList<'a> {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every row, in the report's order.
    pub fn iter(&self) -> impl Iterator<Item = ItemRow> + '_ {
        self.rows(0..self.len())
    }

    /// The rows `range` (clamped to the list).
    pub fn rows(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = ItemRow> + '_ {
        let end = range.end.min(self.len());
        let start = range.start.min(end);
        self.items[start..end].iter().filter_map(|r| {
            let mut row = item_row(self.records?, r);
            if self.blank_names {
                public::blank_names(&mut row);
            }
            Some(row)
        })
    }

    fn push(&mut self, records: &'a Records, item: ItemRef<'a>) {
        self.records = Some(records);
        self.items.push(item);
    }
}

impl std::fmt::Debug for ItemList<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for ItemList<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

/// One item with its fields, for `--by item`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemRow {
    pub unit: String,
    pub unit_name: String,
    pub id: String,
    pub title: String,
    pub area: Option<i64>,
    pub points: Vec<String>,
    pub source: Option<String>,
    pub special_task: Option<String>,
    pub found_on: Option<Date>,
    pub problem: Option<String>,
    pub commitment: Option<String>,
    pub measures: Vec<String>,
    pub owner: String,
    /// This and the other fields that can carry a name are `None` in a public report.
    pub person: Option<String>,
    pub responsible: Option<String>,
    pub lead: Option<String>,
    pub deadline: Option<Date>,
    pub status: Status,
    pub completed_on: Option<Date>,
    pub consolidation: Option<String>,
    pub rectify_by: Option<Date>,
    pub days_overdue: Option<i64>,
    pub satisfaction: Satisfaction,
    pub evidence: Vec<String>,
    pub lead_unit: Option<String>,
    /// The latest `[[progress]]` entry.
    pub latest_progress: Option<Progress>,
    pub file: String,
    /// `confidential = true` (不宜公开): never true in a public report, which leaves such
    /// items out.
    pub confidential: bool,
    /// `[closure]` (销号): who approved it (blank in a public report) and when.
    pub closed_by: Option<String>,
    pub closed_on: Option<Date>,
}

/// A file the report left out, and the first reason why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LeftOut {
    #[serde(skip, default = "no_file")]
    pub id: FileId,
    pub file: String,
    /// The code of the file's first error; `None` when it was left out with its unit.
    pub code: Option<Cow<'static, str>>,
    #[serde(skip, default = "stored_reason")]
    pub reason: Msg,
}

/// A left-out file of a stored report, which is in no tree of this run.
fn no_file() -> FileId {
    FileId(u32::MAX)
}

fn stored_reason() -> Msg {
    Msg::LeftOutStored
}

/// What a public report withheld: said on stderr, never in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Withheld {
    /// Confidential items of the subtree, valid ones.
    pub items: usize,
    /// Files with errors that may be confidential items, left out without being listed.
    pub files: usize,
}

/// `format` of every report JSON.
pub const FORMAT: &str = "huitoukan-report";
/// `version` of the report JSON this build writes and reads.
pub const VERSION: u32 = 1;

/// The campaign a report belongs to: reports of one campaign under one schema add up.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CampaignInfo {
    pub name: Option<String>,
    pub document: Option<String>,
    /// What the whole tree is called (全省); `merge` names an input by it.
    pub region: Option<String>,
    /// The date every unit reports by, where the campaign sets one.
    #[serde(default)]
    pub deadline: Option<Date>,
    /// SHA-256 of the areas and points in force ([`crate::schema::Schema::sha256`]).
    pub schema_sha256: Option<String>,
}

/// What a report was built from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SourceInfo {
    /// The commit of the records: `--at`'s, or the work tree's HEAD; `null` outside a
    /// repository.
    pub commit: Option<String>,
    /// Whether the records differ from that commit (uncommitted changes); `null` outside a
    /// repository.
    #[serde(default)]
    pub dirty: Option<bool>,
}

/// A report: what `rollup::build` makes of a records tree, and what `report --format json`
/// writes and `merge` and `report --from` read back (version 1, SPEC §8).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report<'a> {
    /// Always [`FORMAT`].
    pub format: Cow<'static, str>,
    /// Always [`VERSION`].
    pub version: u32,
    /// The program that wrote it, `huitoukan 0.1.0`.
    pub generator: Cow<'static, str>,
    pub campaign: CampaignInfo,
    /// The org path reported on; `None` for the whole tree.
    pub org: Option<String>,
    pub as_of: Date,
    /// A public report (`--public`).
    pub public: bool,
    pub source: SourceInfo,
    pub totals: Totals,
    /// The totals of the org's own unit, where the reported folder is itself a unit: what the
    /// rows of its children leave out of the totals (本级).
    pub own: Option<Totals>,
    pub by_area: Vec<AreaRow>,
    pub children: Vec<OrgRow>,
    pub units: Vec<UnitRow<'a>>,
    pub overdue_items: Vec<DueItem<'a>>,
    pub ineffective_items: Vec<DueItem<'a>>,
    pub linked_items: Vec<LinkedItem<'a>>,
    /// Items anywhere in the tree whose `[linkage]` names a unit of the subtree to lead the fix:
    /// what lower levels have put on this one.
    #[serde(skip)]
    pub led_items: Vec<LinkedItem<'a>>,
    /// Every folder of the subtree that holds units, in path order (`--by org`).
    #[serde(skip)]
    pub orgs: Vec<OrgRow>,
    /// Every item of the subtree (`--by item`).
    #[serde(skip)]
    pub items: ItemList<'a>,
    /// The items grouped by their `lead` within a unit (`--by lead`) or by their
    /// `special_task` (`--by task`), in order.
    #[serde(skip)]
    pub groups: Vec<GroupRow>,
    /// Set in a public report.
    #[serde(skip)]
    pub withheld: Option<Withheld>,
    /// Files with errors that a `--keep-going` report left out.
    #[serde(default)]
    pub left_out: Vec<LeftOut>,
}

/// The items of one 牵头班子成员 of a unit (`--by lead`: `unit` is its org path) or of one
/// 专项整治 task (`--by task`: `unit` is empty).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRow {
    pub unit: String,
    pub name: String,
    pub counts: ItemCounts,
}

impl<'a> Report<'a> {
    /// A report with nothing counted yet and every area of `areas` (id, title) at zero.
    pub fn new(
        campaign: CampaignInfo,
        org: Option<String>,
        as_of: Date,
        public: bool,
        areas: impl IntoIterator<Item = (i64, String)>,
    ) -> Report<'a> {
        Report {
            format: Cow::Borrowed(FORMAT),
            version: VERSION,
            generator: Cow::Borrowed(GENERATOR),
            campaign,
            org,
            as_of,
            public,
            source: SourceInfo::default(),
            totals: Totals::default(),
            own: None,
            by_area: areas
                .into_iter()
                .map(|(area, title)| AreaRow {
                    area,
                    title,
                    counts: ItemCounts::default(),
                })
                .collect(),
            children: Vec::new(),
            units: Vec::new(),
            overdue_items: Vec::new(),
            ineffective_items: Vec::new(),
            linked_items: Vec::new(),
            led_items: Vec::new(),
            orgs: Vec::new(),
            items: ItemList::default(),
            groups: Vec::new(),
            withheld: None,
            left_out: Vec::new(),
        }
    }
}

/// How many overdue items are 1–30, 31–90 and more than 90 days overdue (the HTML chart).
pub fn overdue_by_age(report: &Report) -> [u32; 3] {
    let mut ages = [0; 3];
    for item in &report.overdue_items {
        match item.days_overdue {
            Some(1..=30) => ages[0] += 1,
            Some(31..=90) => ages[1] += 1,
            Some(91..) => ages[2] += 1,
            _ => {}
        }
    }
    ages
}

/// Whether `org` is `prefix` or below it, by whole components.
pub fn is_within(org: &str, prefix: &str) -> bool {
    prefix.is_empty()
        || org == prefix
        || (org.len() > prefix.len()
            && org.starts_with(prefix)
            && org.as_bytes()[prefix.len()] == b'/')
}

/// Every folder that holds units at or below it: the units' folders and their ancestors.
pub fn org_folders(records: &Records) -> Vec<String> {
    folders_holding(records.units.iter().map(|u| u.org.as_str()))
}

/// The folders `orgs` and all their ancestors, in path order.
pub fn folders_holding<'o>(orgs: impl IntoIterator<Item = &'o str>) -> Vec<String> {
    let mut folders = std::collections::BTreeSet::new();
    for mut org in orgs {
        loop {
            if !folders.insert(org.to_owned()) {
                break;
            }
            match org.rfind('/') {
                Some(cut) => org = &org[..cut],
                None => break,
            }
        }
    }
    folders.into_iter().collect()
}

/// Why `--org` did not name one folder: the closest candidates (at most
/// [`CANDIDATES_SHOWN`]) and how many more there were.
#[derive(Debug, PartialEq, Eq)]
pub enum OrgError {
    Unknown {
        candidates: Vec<String>,
        more: usize,
    },
    Ambiguous {
        candidates: Vec<String>,
        more: usize,
    },
}

/// How many candidates an `--org` error lists: a province has thousands of folders.
pub const CANDIDATES_SHOWN: usize = 10;

/// `--org`: an org path (matched by whole components) or a folder name unique in the tree.
pub fn resolve_org(records: &Records, wanted: &str) -> Result<String, OrgError> {
    resolve_in(&org_folders(records), wanted)
}

/// [`resolve_org`] among `folders` (the folders that hold units, of a tree or a stored report).
pub fn resolve_in(folders: &[String], wanted: &str) -> Result<String, OrgError> {
    let wanted = wanted.trim().trim_matches('/');
    if !wanted.is_empty() && folders.iter().any(|f| f == wanted) {
        return Ok(wanted.to_owned());
    }
    let name_of = |f: &str| f.rsplit('/').next().unwrap_or(f).to_owned();
    let named: Vec<&String> = folders
        .iter()
        .filter(|f| !wanted.contains('/') && name_of(f) == wanted)
        .collect();
    if named.len() == 1 {
        return Ok(named[0].clone());
    }
    if !named.is_empty() {
        let (candidates, more) = closest(named.into_iter().map(|f| ((0, 0), f)).collect());
        return Err(OrgError::Ambiguous { candidates, more });
    }
    let limit = (wanted.chars().count() / 3).max(1);
    let close: Vec<((usize, usize), &String)> = if wanted.is_empty() {
        Vec::new()
    } else {
        folders
            .iter()
            .filter_map(|f| {
                // A folder whose name holds what was typed ranks first, then one whose path
                // does, then the rest by edit distance.
                let name = name_of(f);
                // The one edit distance of every suggestion (src/suggest.rs), bounded.
                let distance = crate::suggest::distance_within(&name, wanted, limit);
                let class = if name.contains(wanted) {
                    0
                } else if f.contains(wanted) {
                    1
                } else if distance.is_some() {
                    2
                } else {
                    return None;
                };
                Some(((class, distance.unwrap_or(limit + 1)), f))
            })
            .collect()
    };
    let close = if close.is_empty() {
        folders
            .iter()
            .filter(|f| !f.contains('/'))
            .map(|f| ((0, 0), f))
            .collect()
    } else {
        close
    };
    let (candidates, more) = closest(close);
    Err(OrgError::Unknown { candidates, more })
}

/// The [`CANDIDATES_SHOWN`] best of `(rank, folder)`, by rank, then nearest the root, then
/// path; and how many were left out.
fn closest(mut ranked: Vec<((usize, usize), &String)>) -> (Vec<String>, usize) {
    ranked.sort_by_key(|&(rank, f)| (rank, f.matches('/').count(), f));
    let more = ranked.len().saturating_sub(CANDIDATES_SHOWN);
    let shown = ranked
        .into_iter()
        .take(CANDIDATES_SHOWN)
        .map(|(_, f)| f.clone())
        .collect();
    (shown, more)
}

/// The org a folder of the tree stands for in a report: the folder itself where it holds
/// units, else the unit whose folder holds it (its `items/`); `None` where it is neither.
pub fn enclosing_org(records: &Records, folder: &str) -> Option<String> {
    if org_folders(records).iter().any(|f| f == folder) {
        return Some(folder.to_owned());
    }
    let mut org = folder;
    while let Some(cut) = org.rfind('/') {
        org = &org[..cut];
        if records.unit_by_org(org).is_some() {
            return Some(org.to_owned());
        }
    }
    None
}

/// The files with errors, each with its first error, in path order.
pub fn files_with_errors(
    records: &Records,
    diagnostics: &[crate::diagnostic::Diagnostic],
) -> Vec<LeftOut> {
    let mut seen = HashSet::new();
    diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error && seen.insert(d.file))
        .map(|d| LeftOut {
            id: d.file,
            file: records.files.path(d.file).to_owned(),
            code: Some(Cow::Borrowed(d.code.as_str())),
            reason: d.message.clone(),
        })
        .collect()
}

pub fn build<'a>(
    records: &'a Records,
    diagnostics: &[crate::diagnostic::Diagnostic],
    options: &Options<'_>,
) -> Report<'a> {
    let bad: HashSet<FileId> = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| d.file)
        .collect();
    let public = options
        .public
        .then(|| public::Public::new(records, diagnostics));
    let withholds = |file| public.as_ref().is_some_and(|p| p.withholds(file));
    let mut withheld_items = 0;
    // Files left out that this report would have counted: those of its subtree, and those at
    // the root (the campaign and its schema) that every report rests on.
    let mut left_out = files_with_errors(records, diagnostics);
    left_out.retain(|l| !l.file.contains('/') || is_within(&l.file, options.org));
    let as_of = options.as_of;
    let campaign = records.campaign.as_ref();
    let value = |f: fn(&Campaign) -> &Option<Sp<String>>| {
        campaign
            .and_then(|c| f(c).as_ref())
            .map(|v| v.get_ref().clone())
    };
    let schema_areas = records
        .schema
        .as_ref()
        .map(|s| s.areas.as_slice())
        .unwrap_or_default();

    let campaign_info = CampaignInfo {
        name: value(|c| &c.name),
        document: value(|c| &c.document),
        region: value(|c| &c.region),
        deadline: campaign
            .and_then(|c| c.deadline.as_ref())
            .map(|d| *d.get_ref()),
        schema_sha256: records.schema.as_ref().map(|s| s.sha256()),
    };
    let org = (!options.org.is_empty()).then(|| options.org.to_owned());
    let areas = schema_areas.iter().map(|a| (a.id, a.title.clone()));
    let mut report = Report::new(campaign_info, org, as_of, options.public, areas);
    report.units.reserve(
        records
            .units
            .iter()
            .filter(|u| is_within(&u.org, options.org))
            .count(),
    );
    let mut groups: BTreeMap<(String, String), ItemCounts> = BTreeMap::new();

    let due_dates = status::unit_due_dates(records);
    for (index, unit) in records.units.iter().enumerate() {
        if !is_within(&unit.org, options.org) {
            if !bad.contains(&unit.file) {
                collect_led(&mut report, records, unit, index, &bad, &withholds, options);
            }
            continue;
        }
        if bad.contains(&unit.file) {
            // Its items go with it; say so for each that was not left out on its own account.
            for &i in &records.unit_items[index] {
                let file = records.items[i].file;
                if !bad.contains(&file) {
                    left_out.push(LeftOut {
                        id: file,
                        file: records.files.path(file).to_owned(),
                        code: None,
                        reason: Msg::UnitLeftOut {
                            unit: unit.org.clone(),
                        },
                    });
                }
            }
            continue;
        }
        let state = SelfCheckState::of(unit, due_dates[index], as_of);
        let mut own = Totals::unit(state);
        let mut by_area: Vec<ItemCounts> = vec![ItemCounts::default(); schema_areas.len()];
        for &i in &records.unit_items[index] {
            let item = &records.items[i];
            if bad.contains(&item.file) {
                continue;
            }
            if withholds(item.file) {
                withheld_items += 1;
                continue;
            }
            let Some(status) = item.status.as_ref().map(|s| *s.get_ref()) else {
                continue;
            };
            let days_overdue = status::days_overdue(item, as_of);
            let add = |counts: &mut ItemCounts| {
                let closed = item.closure.is_some();
                counts.add_item(status, item.satisfaction(), days_overdue.is_some(), closed);
            };
            add(&mut own.counts);
            if let Some(slot) = item
                .area
                .as_ref()
                .and_then(|a| schema_areas.iter().position(|s| s.id == *a.get_ref()))
            {
                add(&mut by_area[slot]);
            }
            let group = match options.by {
                By::Lead => field(records, item.file, &item.lead).map(|l| (unit.org.clone(), l)),
                By::Task => {
                    field(records, item.file, &item.special_task).map(|t| (String::new(), t))
                }
                By::Org | By::Unit | By::Item | By::Area => None,
            };
            if let Some(key) = group.filter(|(_, name)| !name.trim().is_empty()) {
                add(groups.entry(key).or_default());
            }
            collect_item_lists(
                &mut report,
                records,
                unit,
                item,
                status,
                days_overdue,
                options,
            );
        }
        report.units.push(UnitRow {
            org: Cow::Borrowed(&unit.org),
            name: unit
                .name
                .as_ref()
                .map_or(Cow::Borrowed(""), |n| Cow::Borrowed(n.get_ref())),
            category: unit.category.as_ref().map(|c| *c.get_ref()),
            batch: unit.batch.as_ref().map(|b| *b.get_ref()),
            self_check: state,
            submitted_on: unit.submitted_on(),
            open_review: open_review(records, unit),
            principal: field(records, unit.file, &unit.principal),
            totals: own,
            by_area: schema_areas
                .iter()
                .zip(by_area)
                .filter(|(_, counts)| counts.items > 0)
                .map(|(area, counts)| UnitArea {
                    area: area.id,
                    counts,
                })
                .collect(),
        });
    }

    assemble(&mut report, options.by == By::Org);
    report.groups = groups
        .into_iter()
        .map(|((unit, name), counts)| GroupRow { unit, name, counts })
        .collect();
    report
        .led_items
        .sort_by(|a, b| (&a.lead_unit, &a.unit, &a.id).cmp(&(&b.lead_unit, &b.unit, &b.id)));
    report.left_out = left_out;
    report.left_out.sort_by(|a, b| a.file.cmp(&b.file));
    if let Some(public) = &public {
        public.apply(&mut report, withheld_items);
    }
    report
}

/// The unit's latest review, where it left something to do (see [`UnitRow::open_review`]).
fn open_review(records: &Records, unit: &Unit) -> Option<ReviewNote> {
    let review = status::latest_review(unit)?;
    let result = *review.result.as_ref()?.get_ref();
    let open = match result {
        ReviewResult::Returned => status::standing_return(unit).is_some(),
        ReviewResult::FillGaps => true,
        ReviewResult::Passed => false,
    };
    open.then(|| ReviewNote {
        kind: review.kind.as_ref().map(|k| *k.get_ref()),
        by: field(records, unit.file, &review.by),
        on: date(&review.on),
        result,
    })
}

/// `huitoukan` and its version, as a report's `generator` names it.
pub const GENERATOR: &str = concat!("huitoukan ", env!("CARGO_PKG_VERSION"));

/// The parts of a report that add up from its units: `totals`, `own`, `by_area` (on the areas
/// it lists), `children` and, with `by_org`, `orgs`. One computation for a records tree and for
/// stored reports (`merge`, `report --from`), so the two cannot disagree.
pub fn assemble(report: &mut Report<'_>, by_org: bool) {
    let org = report.org.clone().unwrap_or_default();
    let parts = assemble_parts(&report.units, &org, &report.by_area, by_org);
    report.totals = parts.totals;
    report.own = parts.own;
    for (row, counts) in report.by_area.iter_mut().zip(parts.by_area) {
        row.counts = counts;
    }
    report.children = parts.children;
    report.orgs = parts.orgs;
}

/// What [`assemble`] computes.
pub struct Parts {
    pub totals: Totals,
    pub own: Option<Totals>,
    /// The counts of each row of the `areas` given, in their order.
    pub by_area: Vec<ItemCounts>,
    pub children: Vec<OrgRow>,
    pub orgs: Vec<OrgRow>,
}

/// The sums of `units` (all within `base`) as [`assemble`] puts them in a report.
pub fn assemble_parts(units: &[UnitRow<'_>], base: &str, areas: &[AreaRow], by_org: bool) -> Parts {
    let depth_of = |org: &str| {
        if org.is_empty() {
            0
        } else {
            org.split('/').count()
        }
    };
    let base_depth = depth_of(base);
    let mut folders: BTreeMap<&str, Totals> = BTreeMap::new();
    let mut parts = Parts {
        totals: Totals::default(),
        own: None,
        by_area: vec![ItemCounts::default(); areas.len()],
        children: Vec::new(),
        orgs: Vec::new(),
    };
    for unit in units {
        if unit.org == base {
            parts.own = Some(unit.totals.clone());
        }
        // The unit counts in its own folder and in every folder above it, below the report's
        // org; without `--by org` only the children (the folders one below the org) are kept.
        let mut org: &str = &unit.org;
        while org.len() > base.len() {
            if by_org || depth_of(org) == base_depth + 1 {
                *folders.entry(org).or_default() += &unit.totals;
            }
            org = org.rfind('/').map_or("", |cut| &org[..cut]);
        }
        parts.totals += &unit.totals;
        for area in &unit.by_area {
            if let Some(slot) = areas.iter().position(|a| a.area == area.area) {
                parts.by_area[slot] += &area.counts;
            }
        }
    }
    let row = |(org, t): (&&str, &Totals)| OrgRow {
        org: (*org).to_owned(),
        depth: depth_of(org) - base_depth,
        totals: t.clone(),
    };
    parts.children = folders
        .iter()
        .filter(|(org, _)| depth_of(org) == base_depth + 1)
        .map(row)
        .collect();
    if by_org {
        parts.orgs = folders.iter().map(row).collect();
    }
    parts
}

fn text(s: &Option<Sp<String>>) -> Option<String> {
    s.as_ref().map(|s| s.get_ref().clone())
}

/// A text field of a file, decoded from the file's text.
fn field(records: &Records, file: FileId, value: &Option<Sp<Text>>) -> Option<String> {
    value
        .as_ref()
        .map(|t| decode_text(&records.files.get(file).text, t))
}

fn fields(records: &Records, file: FileId, value: &Option<Sp<TextList>>) -> Vec<String> {
    value
        .as_ref()
        .map(|l| decode_texts(&records.files.get(file).text, l))
        .unwrap_or_default()
}

fn date(d: &Option<Sp<Date>>) -> Option<Date> {
    d.as_ref().map(|d| *d.get_ref())
}

fn collect_item_lists<'a>(
    report: &mut Report<'a>,
    records: &'a Records,
    unit: &'a Unit,
    item: &'a Item,
    status: Status,
    days_overdue: Option<i64>,
    options: &Options<'_>,
) {
    let title = field(records, item.file, &item.title).unwrap_or_default();
    let unit_name = unit_name(unit);
    let due = DueItem {
        unit: Cow::Borrowed(&unit.org),
        unit_name: unit_name.clone(),
        id: Cow::Borrowed(&item.id),
        title: title.clone(),
        status,
        due: status::due(item),
        days_overdue,
        progress: progress(records, item),
    };
    if days_overdue.is_some() {
        report.overdue_items.push(due.clone());
    }
    if status == Status::Ineffective {
        report.ineffective_items.push(due);
    }
    let lead_unit = lead_unit(item);
    if let Some(lead_unit) = &lead_unit {
        let linked = LinkedItem {
            unit: Cow::Borrowed(&unit.org),
            unit_name,
            id: Cow::Borrowed(&item.id),
            title: title.clone(),
            lead_unit: lead_unit.clone(),
            lead_name: lead_name(records, lead_unit),
        };
        if is_within(lead_unit, options.org) {
            report.led_items.push(linked.clone());
        }
        report.linked_items.push(linked);
    }
    if options.by != By::Item {
        return;
    }
    let item = ItemRef {
        unit,
        item,
        status,
        days_overdue,
    };
    report.items.push(records, item);
}

/// The row of an item of [`Report::items`].
fn item_row(records: &Records, r: &ItemRef<'_>) -> ItemRow {
    let &ItemRef {
        unit,
        item,
        status,
        days_overdue,
    } = r;
    let title = field(records, item.file, &item.title).unwrap_or_default();
    let lead_unit = lead_unit(item);
    ItemRow {
        unit: unit.org.clone(),
        unit_name: text(&unit.name).unwrap_or_default(),
        id: item.id.to_string(),
        title,
        area: item.area.as_ref().map(|a| *a.get_ref()),
        points: item
            .points
            .iter()
            .map(|p| p.get_ref().to_string())
            .collect(),
        source: item.source.as_ref().map(|s| s.get_ref().label().to_owned()),
        special_task: field(records, item.file, &item.special_task),
        found_on: date(&item.found_on),
        problem: field(records, item.file, &item.problem),
        commitment: field(records, item.file, &item.commitment),
        measures: fields(records, item.file, &item.measures),
        owner: item.owner().label().to_owned(),
        person: field(records, item.file, &item.person),
        responsible: field(records, item.file, &item.responsible),
        lead: field(records, item.file, &item.lead),
        deadline: date(&item.deadline),
        status,
        completed_on: date(&item.completed_on),
        consolidation: field(records, item.file, &item.consolidation),
        rectify_by: date(&item.rectify_by),
        days_overdue,
        satisfaction: item.satisfaction(),
        evidence: fields(records, item.file, &item.evidence),
        lead_unit,
        latest_progress: progress(records, item),
        file: records.files.path(item.file).to_owned(),
        confidential: item.confidential,
        closed_by: item
            .closure
            .as_ref()
            .and_then(|c| field(records, item.file, &c.approved_by)),
        closed_on: item.closure.as_ref().and_then(|c| date(&c.approved_on)),
    }
}

/// A unit's `name`, or its org path where it has none.
fn unit_name(unit: &Unit) -> Cow<'_, str> {
    unit.name
        .as_ref()
        .map_or(Cow::Borrowed(unit.org.as_str()), |n| {
            Cow::Borrowed(n.get_ref())
        })
}

fn lead_name(records: &Records, org: &str) -> String {
    records.unit_by_org(org).map_or_else(
        || org.to_owned(),
        |i| unit_name(&records.units[i]).into_owned(),
    )
}

fn progress(records: &Records, item: &Item) -> Option<Progress> {
    let latest = item.latest_progress()?;
    Some(Progress {
        on: *latest.on.as_ref()?.get_ref(),
        text: field(records, item.file, &latest.text).unwrap_or_default(),
    })
}

fn lead_unit(item: &Item) -> Option<String> {
    let lead = item.linkage.as_ref()?.lead_unit.as_ref()?;
    Some(lead.get_ref().trim().trim_matches('/').to_owned())
}

/// The items of a unit outside the subtree whose linkage names a unit inside it.
fn collect_led<'a>(
    report: &mut Report<'a>,
    records: &'a Records,
    unit: &'a Unit,
    index: usize,
    bad: &HashSet<FileId>,
    withholds: &dyn Fn(FileId) -> bool,
    options: &Options<'_>,
) {
    for &i in &records.unit_items[index] {
        let item = &records.items[i];
        if bad.contains(&item.file) || withholds(item.file) {
            continue;
        }
        if let Some(lead_unit) = lead_unit(item).filter(|l| is_within(l, options.org)) {
            let title = field(records, item.file, &item.title).unwrap_or_default();
            report.led_items.push(LinkedItem {
                unit: Cow::Borrowed(&unit.org),
                unit_name: unit_name(unit),
                id: Cow::Borrowed(&item.id),
                title,
                lead_name: lead_name(records, &lead_unit),
                lead_unit,
            });
        }
    }
}
