//! The report: what [`super::build`] makes of a records tree, and what `report --format json`
//! writes and `merge` and `report --from` read back (version 1, SPEC §8). Pure data: every
//! number in it is computed once, by the builder or the merge; renderers only lay it out.

use std::borrow::Cow;

use compact_str::CompactString;
use jiff::civil::Date;
use schemars::JsonSchema;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use super::stored;
use super::{ItemCounts, Totals};
use crate::format::SHOWN;
use crate::format::enums::{Category, ReviewKind, ReviewResult, Satisfaction, Status};
use crate::load::source::{FileId, Unreadable};
use crate::model::records::Records;
use crate::model::status::SelfCheckState;
use crate::model::{Item, Unit};
use crate::text::i18n::Msg;
use crate::text::messages::report::ReportMsg;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "stored::CountsIn")]
pub struct AreaRow {
    pub area: i64,
    pub title: String,
    #[serde(flatten)]
    pub counts: ItemCounts,
}

/// The items of one 专项整治 task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "stored::CountsIn")]
pub struct TaskRow {
    pub task: String,
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
        let (area, i, d, m, o, e, v, c, a, s) = w;
        UnitArea {
            area,
            counts: ItemCounts::from_values([i, d, m, o, e, v, c, a, s]),
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
    pub open_review: Option<Box<ReviewNote>>,
    /// 主要负责同志, for the 通报 list (约谈提醒); `None` in a public report.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub principal: Option<CompactString>,
    /// Whom the unit reports to (SPEC §14): the org paths of its nearest ancestor unit and of
    /// the units its `reports_to` names. What makes it a reporting unit of a report on any org
    /// of the tree, stored or merged.
    #[serde(default)]
    pub reports_to: Box<[Cow<'a, str>]>,
    /// It reports to the office the whole tree reports to (`campaign.office`): no unit is above
    /// it, or its `reports_to` names the office.
    #[serde(default)]
    pub reports_to_office: bool,
    /// Its first submission was after its due date (逾期报送), whether or not it was returned
    /// since.
    #[serde(default)]
    pub filed_late: bool,
    /// The self-check's meeting (`meeting_on`: its 民主生活会 or 专题会议), where its result was
    /// made known (`disclosed_in`, 通报场合) and whether it was published (`published`): the
    /// 自查报告报送情况表 of the 情况报告 (SPEC §15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub disclosed_in: Option<CompactString>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<bool>,
    /// The latest review, whatever its result (审核情况); `None` in a public report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Box<ReviewNote>>,
    pub totals: Totals,
    /// The unit's own items by area, in the order of the schema.
    #[serde(default)]
    pub by_area: Box<[UnitArea]>,
    /// The unit's own items by 专项整治 task, where it has any, in pinyin order of the tasks.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub by_task: Box<[TaskRow]>,
}

/// A review as reports list it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewNote {
    pub kind: Option<ReviewKind>,
    /// Who reviewed: blank in a public report.
    #[schemars(with = "Option<String>")]
    pub by: Option<CompactString>,
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
    pub progress: Option<Box<Progress>>,
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
    /// Its status, 时限 and latest progress (上下联动 as the office follows it, SPEC §14);
    /// absent from reports written before.
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default)]
    pub progress: Option<Progress>,
}

/// The items of a report (`--by item`), kept as references into the records and made into
/// [`ItemRow`]s one at a time, on demand: a province's rows, each a copy of an item's text, are
/// never all in memory at once, whether a renderer pages through them or writes them one by one.
#[derive(Clone, Default)]
pub struct ItemList<'a> {
    records: Option<&'a Records>,
    items: Vec<ItemRef<'a>>,
    /// A public report: the rows come with their names blanked (`rollup/public.rs`).
    pub(super) blank_names: bool,
}

/// An item of the list, with what the build worked out for it.
#[derive(Clone, Copy)]
pub(super) struct ItemRef<'a> {
    pub unit: &'a Unit,
    pub item: &'a Item,
    pub status: Status,
    pub days_overdue: Option<i64>,
}

impl<'a> ItemList<'a> {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every row, in the report's order.
    pub fn iter(&self) -> impl Iterator<Item = Result<ItemRow, Unreadable>> + '_ {
        self.rows(0..self.len())
    }

    /// The rows `range` (clamped to the list).
    pub fn rows(
        &self,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = Result<ItemRow, Unreadable>> + '_ {
        let end = range.end.min(self.len());
        let start = range.start.min(end);
        self.items[start..end].iter().filter_map(|r| {
            let mut row = super::build::item_row(self.records?, r);
            if let (Ok(row), true) = (&mut row, self.blank_names) {
                super::public::blank_names(row);
            }
            Some(row)
        })
    }

    pub(super) fn push(&mut self, records: &'a Records, item: ItemRef<'a>) {
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
    /// The fields shown as they are written (`problem`, `commitment`), each serialised here as
    /// a key of the row.
    #[serde(flatten)]
    pub shown: ShownTexts,
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
    /// Every dated `[[progress]]` entry, in the file's order (the workbook's 进展情况).
    pub progress: Vec<Progress>,
    /// `[linkage] reason`: why the lead unit must lead the fix.
    pub linkage_reason: Option<String>,
    pub file: String,
    /// `confidential = true` (不宜公开): never true in a public report, which leaves such
    /// items out.
    pub confidential: bool,
    /// `[closure]` (销号): who approved it (blank in a public report) and when.
    pub closed_by: Option<String>,
    pub closed_on: Option<Date>,
}

/// An item's fields shown in reports as they are written, one of each of [`SHOWN`] in its
/// order; serialised as a map from each field's key to its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShownTexts(pub [Option<String>; SHOWN.len()]);

impl Serialize for ShownTexts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(SHOWN.len()))?;
        for (field, text) in SHOWN.iter().zip(&self.0) {
            map.serialize_entry(field.key, text)?;
        }
        map.end()
    }
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
    ReportMsg::LeftOutStored.into()
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
    /// The plan the reports answer to (《…实施方案》), where the campaign names it.
    #[serde(default)]
    pub plan: Option<String>,
    /// What the whole tree is called (全省); `merge` names an input by it.
    pub region: Option<String>,
    /// The date every unit reports by, where the campaign sets one.
    #[serde(default)]
    pub deadline: Option<Date>,
    /// The office the whole tree reports to (`campaign.office`), where the campaign names one:
    /// the 落款 of the 情况报告.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// Whom the 情况报告 is addressed to (`campaign.addressee`, its 主送), where the campaign
    /// names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// SHA-256 of the areas and points in force ([`crate::model::schema::Schema::sha256`]).
    // The published schema/report.schema.json keeps the words it was released with.
    #[schemars(
        description = "SHA-256 of the areas and points in force ([`crate::schema::Schema::sha256`])."
    )]
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
    /// How many dated facts (a completion, a progress entry, a submission, a review…) lay after
    /// `as_of` and were set aside: the report is of the records as they stood then (SPEC §14).
    #[serde(default)]
    pub after_as_of: u64,
    pub totals: Totals,
    /// The totals of the org's own unit, where the reported folder is itself a unit: what the
    /// rows of its children leave out of the totals (本级).
    pub own: Option<Totals>,
    pub by_area: Vec<AreaRow>,
    /// The items of each 专项整治 task (`special_task`), in pinyin order of the tasks.
    #[serde(default)]
    pub by_task: Vec<TaskRow>,
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

/// Why a reporting unit is proposed for a reminder talk (约谈提醒), by the plan (三): 抓得不紧
/// (its self-check late, returned or missing), 整改措施落实不力 (own items overdue) or
/// 整改效果不明显 (own items 效果不理想 or 不满意).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RemindReasons {
    /// Its first submission was late (逾期报送), whatever came after.
    pub late: bool,
    pub returned: bool,
    pub missing: bool,
    /// Own items overdue.
    pub overdue: u32,
    /// Own items 效果不理想.
    pub ineffective: u32,
    /// Own items the masses are not satisfied with (不满意).
    pub unsatisfied: u32,
}

impl RemindReasons {
    /// The reasons of `unit`, none where it gives the office no cause.
    pub fn of(unit: &UnitRow<'_>) -> RemindReasons {
        let c = &unit.totals.counts;
        RemindReasons {
            late: unit.filed_late || unit.self_check == SelfCheckState::Late,
            returned: unit.self_check == SelfCheckState::Returned,
            missing: unit.self_check == SelfCheckState::Missing,
            overdue: c.overdue,
            ineffective: c.ineffective,
            unsatisfied: c.assessed.saturating_sub(c.satisfied),
        }
    }

    pub fn any(&self) -> bool {
        *self != RemindReasons::default()
    }
}

/// The 通报 lists of a report, by the plan (三) (SPEC §14): proposals to the office, of its
/// reporting units only, decided here once for every format that shows them; none in a public
/// report.
pub struct Notices<'r, 'a> {
    /// 建议约谈提醒: the reporting units 抓得不紧, 整改措施落实不力 or 整改效果不明显, each with its
    /// reasons.
    pub remind: Vec<(&'r UnitRow<'a>, RemindReasons)>,
    /// 建议通报表扬: the reporting units with a self-check submitted on time, at least one own
    /// item, every one 已完成 or 基本完成, and none overdue, 效果不理想 or 不满意.
    pub praise: Vec<&'r UnitRow<'a>>,
}

impl<'a> Report<'a> {
    /// Each unit's place in the report's order of units (the office's), by its org path.
    pub fn unit_places(&self) -> std::collections::HashMap<&str, usize> {
        self.units
            .iter()
            .enumerate()
            .map(|(i, u)| (&*u.org, i))
            .collect()
    }

    /// The report's reporting units (报送单位, SPEC §14), in the report's order.
    pub fn reporting_units(&self) -> impl Iterator<Item = &UnitRow<'a>> + Clone {
        self.units.iter().filter(|u| u.totals.reporting_units > 0)
    }

    /// The reporting units by the child of the org they lie in (SPEC §14: 11个市、X个省直单位),
    /// in the order of the children: a child that is itself the one reporting unit within it
    /// counts with the others of its kind, named by the last character of their folder names
    /// (市, 县, 区); any other child by its name. Each entry: the count, the name, and whether
    /// it is a kind of region.
    pub fn reporting_groups(&self) -> Vec<(usize, String, bool)> {
        let mut groups: Vec<(usize, String, bool)> = Vec::new();
        for child in &self.children {
            let n = usize::try_from(child.totals.reporting_units).unwrap_or(usize::MAX);
            if n == 0 {
                continue;
            }
            let name = child.org.rsplit('/').next().unwrap_or(&child.org);
            let itself = self
                .units
                .iter()
                .any(|u| u.org == child.org && u.totals.reporting_units == 1);
            let (key, region) = match name.chars().last() {
                Some(last) if itself && n == 1 => (last.to_string(), true),
                _ => (name.to_owned(), false),
            };
            match groups.iter_mut().find(|g| g.1 == key && g.2 == region) {
                Some(group) => group.0 += n,
                None => groups.push((n, key, region)),
            }
        }
        groups
    }

    /// The 通报 lists, from the report's units: a list of them, not a field, so that whatever
    /// narrows the units (an org, a merge) narrows the lists with them.
    pub fn notices(&self) -> Notices<'_, 'a> {
        let reporting = self.reporting_units().filter(|_| !self.public);
        let remind = reporting
            .clone()
            .map(|u| (u, RemindReasons::of(u)))
            .filter(|(_, reasons)| reasons.any())
            .collect();
        let praise = reporting
            .filter(|u| {
                let c = &u.totals.counts;
                u.self_check == SelfCheckState::Submitted
                    && !RemindReasons::of(u).any()
                    && c.items > 0
                    && c.open == 0
                    && c.ineffective == 0
            })
            .collect();
        Notices { remind, praise }
    }

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
            after_as_of: 0,
            totals: Totals::default(),
            own: None,
            by_task: Vec::new(),
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

/// `huitoukan` and its version, as a report's `generator` names it.
pub const GENERATOR: &str = concat!("huitoukan ", env!("CARGO_PKG_VERSION"));

#[cfg(test)]
mod tests {
    use super::*;

    /// An item row's fields shown in reports are keys of the row, each where the item's table
    /// has it (after `found_on`), with its text.
    #[test]
    fn the_shown_fields_are_keys_of_the_row_in_their_place() {
        let said = |key: &str| format!("{key}的内容");
        let row = ItemRow {
            unit: "省直/省财政厅".to_owned(),
            unit_name: "中共浙江省财政厅党组".to_owned(),
            id: "会议文件".to_owned(),
            title: "文山会海问题有所反弹".to_owned(),
            area: Some(2),
            points: vec!["2.1".to_owned()],
            source: None,
            special_task: None,
            found_on: None,
            shown: ShownTexts(SHOWN.map(|f| Some(said(f.key)))),
            measures: Vec::new(),
            owner: "班子".to_owned(),
            person: None,
            responsible: None,
            lead: None,
            deadline: None,
            status: Status::Open,
            completed_on: None,
            consolidation: None,
            rectify_by: None,
            days_overdue: None,
            satisfaction: Satisfaction::NotAssessed,
            evidence: Vec::new(),
            lead_unit: None,
            latest_progress: None,
            progress: Vec::new(),
            linkage_reason: None,
            file: "省直/省财政厅/items/会议文件.toml".to_owned(),
            confidential: false,
            closed_by: None,
            closed_on: None,
        };
        let json = serde_json::to_string(&row).expect("JSON");
        let shown: String = SHOWN
            .iter()
            .map(|f| format!("\"{}\":\"{}\",", f.key, said(f.key)))
            .collect();
        assert!(
            json.contains(&format!(
                "\"found_on\":null,{shown}\"measures\":[],\"owner\":"
            )),
            "{json}"
        );
        assert!(json.starts_with("{\"unit\":\"省直/省财政厅\","), "{json}");
        assert!(json.ends_with(",\"closed_on\":null}"), "{json}");
    }
}
