//! Records -> [`Report`]: the builder. Every item of every unit within the org is counted
//! once, into its unit's totals and its areas; the org's totals, children and rows are then
//! added up from the units by [`assemble`], the code `merge` adds stored reports up with.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use compact_str::CompactString;
use jiff::civil::Date;

use super::figures::Figures;
use super::order::{OfficeOrder, pinyin_key};
use super::public;
use super::report::ItemRef;
use super::{
    AreaRow, CampaignInfo, DueItem, GroupRow, ItemCounts, ItemRow, LeftOut, LinkedItem, OrgRow,
    Progress, Report, ReviewNote, TaskRow, Totals, UnitArea, UnitRow, is_within,
};
use crate::diagnostic::Severity;
use crate::format::enums::{Enumeration, Owner, ReviewResult, Status};
use crate::load::source::FileId;
use crate::load::source::Unreadable;
use crate::model::fields::{FileText, LazyText};
use crate::model::records::Records;
use crate::model::status::{self, SelfCheckState};
use crate::model::{Campaign, Item, Sp, Unit};
use crate::text::messages::report::ReportMsg;

/// What a report covers and how.
pub struct Options<'a> {
    /// An org path that exists in the tree (see [`super::resolve_org`]); `""` for the whole tree.
    pub org: &'a str,
    pub as_of: Date,
    /// For publication (公示): what it withholds and blanks is decided in `rollup/public.rs`.
    pub public: bool,
    /// The rows wanted besides the fixed parts: [`Report::orgs`] is built only for
    /// [`By::Org`] and [`Report::items`] only for [`By::Item`] (decoding every field of every
    /// item is most of a report's cost).
    pub by: By,
}

/// What one row of a table or CSV stands for: an org (a folder holding units, with its
/// subtree's totals), a unit (its own totals), an item (its fields), an area of the schema, a
/// 牵头班子成员 of a unit (责任清单) or a 专项整治 task (the items they lead, or it holds).
/// The command line spells it `--by` (`cli::Rows`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    Org,
    Unit,
    Item,
    Area,
    Lead,
    Task,
}

impl By {
    pub const ALL: [By; 6] = [By::Org, By::Unit, By::Item, By::Area, By::Lead, By::Task];
}

/// The files with errors, each with its first error, in path order.
pub fn files_with_errors(
    records: &Records,
    diagnostics: &[crate::diagnostic::Diagnostic],
) -> Vec<LeftOut> {
    let mut seen = HashSet::new();
    diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error && seen.insert(d.file()))
        .map(|d| LeftOut {
            id: d.file(),
            file: records.files.path(d.file()).to_owned(),
            code: Some(Cow::Borrowed(d.code.as_str())),
            reason: d.message.clone(),
        })
        .collect()
}

pub fn build<'a>(
    records: &'a Records,
    diagnostics: &[crate::diagnostic::Diagnostic],
    options: &Options<'_>,
) -> Result<Report<'a>, Unreadable> {
    let bad: HashSet<FileId> = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| d.file())
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
    let schema_areas = records
        .schema
        .as_ref()
        .map(|s| s.areas.as_slice())
        .unwrap_or_default();
    let org = (!options.org.is_empty()).then(|| options.org.to_owned());
    let areas = schema_areas.iter().map(|a| (a.id, a.title.clone()));
    let info = campaign_info(records);
    let mut report = Report::new(info, org, as_of, options.public, areas);
    report.units.reserve(
        records
            .units
            .iter()
            .filter(|u| is_within(&u.org, options.org))
            .count(),
    );
    // By unit (its place in the office's order), then the named groups in pinyin order before
    // the items no one leads (`true` sorts last).
    let mut groups: BTreeMap<GroupKey, ItemCounts> = BTreeMap::new();

    let due_dates = status::unit_due_dates(records);
    let reports_to = super::reporting::ReportsTo::new(records);
    let sequence = OfficeOrder::new(records).units(records);
    // Each unit's place in that order, by its index: what the lists sorted after the build
    // are sorted by, without holding the order's table of every folder.
    let mut place_of = vec![u32::MAX; records.units.len()];
    for (place, &index) in sequence.iter().enumerate() {
        place_of[index] = u32::try_from(place).unwrap_or(u32::MAX);
    }
    for (place, &index) in sequence.iter().enumerate() {
        let unit = &records.units[index];
        if !is_within(&unit.org, options.org) {
            if !bad.contains(&unit.file) {
                collect_led(&mut report, records, unit, index, &bad, &withholds, options)?;
            }
            continue;
        }
        if bad.contains(&unit.file) {
            left_out.extend(left_out_with_unit(records, index, &bad));
            continue;
        }
        let state = SelfCheckState::of(unit, due_dates[index], as_of);
        let mut own = Totals::unit(state);
        let mut by_area: Vec<ItemCounts> = vec![ItemCounts::default(); schema_areas.len()];
        let mut by_task: BTreeMap<TaskKey, ItemCounts> = BTreeMap::new();
        for &i in &records.unit_items[index] {
            let item = &records.items[i];
            if bad.contains(&item.file) {
                continue;
            }
            // A public report counts what it withholds (its totals are the internal report's,
            // SPEC §14) and lists none of it.
            let withheld = withholds(item.file);
            if withheld {
                withheld_items += 1;
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
            count_figures(&mut own.figures, item, status, as_of);
            // Unpacked for the first field read of it, if any.
            let text = LazyText::of(records.files.get(item.file));
            if item.special_task.is_some() {
                let task = text.get()?.field(&item.special_task)?;
                if let Some(task) = task.filter(|t| !t.trim().is_empty()) {
                    add(by_task.entry(TaskKey::new(task)).or_default());
                }
            }
            if let Some(slot) = item
                .area
                .as_ref()
                .and_then(|a| schema_areas.iter().position(|s| s.id == *a.get_ref()))
            {
                add(&mut by_area[slot]);
            }
            let named = |name: Option<String>| name.filter(|n| !n.trim().is_empty());
            let group = match options.by {
                // The 责任清单 shows the items no one leads too (未明确牵头领导): a gap the
                // office must see, not a row to drop.
                By::Lead => Some(match named(text.get()?.field(&item.lead)?) {
                    Some(lead) => GroupKey::named(place, &unit.org, lead),
                    None => GroupKey::unnamed(place, &unit.org),
                }),
                By::Org | By::Unit | By::Item | By::Area | By::Task => None,
            };
            if let Some(key) = group {
                add(groups.entry(key).or_default());
            }
            if !withheld {
                collect_item_lists(
                    &mut report,
                    records,
                    (unit, item, &text),
                    status,
                    days_overdue,
                    options,
                )?;
            }
        }
        count_unit_figures(&mut own.figures, unit, own.counts.items, as_of);
        let counted = Counted {
            state,
            totals: own,
            by_area: unit_areas(schema_areas, by_area),
            by_task,
            due: due_dates[index],
        };
        report
            .units
            .push(unit_row(records, unit, counted, &reports_to)?);
    }

    // The long lists hold what they grew to: only their rows stay.
    report.overdue_items.shrink_to_fit();
    report.ineffective_items.shrink_to_fit();
    assemble(&mut report, options.by == By::Org);
    add_groups(&mut report, groups, options.by);
    let place = |org: &str| records.unit_by_org(org).map_or(u32::MAX, |i| place_of[i]);
    report
        .led_items
        .sort_by_cached_key(|l| (place(&l.lead_unit), place(&l.unit), l.id.clone()));
    report.left_out = left_out;
    report.left_out.sort_by(|a, b| a.file.cmp(&b.file));
    if let Some(public) = &public {
        public.apply(&mut report, withheld_items);
    }
    Ok(report)
}

/// What the report says of the campaign: its own fields, and the schema's digest.
fn campaign_info(records: &Records) -> CampaignInfo {
    let campaign = records.campaign.as_ref();
    let value = |f: fn(&Campaign) -> &Option<Sp<String>>| {
        campaign
            .and_then(|c| f(c).as_ref())
            .map(|v| v.get_ref().clone())
    };
    CampaignInfo {
        name: value(|c| &c.name),
        document: value(|c| &c.document),
        plan: value(|c| &c.plan),
        region: value(|c| &c.region),
        office: value(|c| &c.office),
        addressee: value(|c| &c.addressee),
        deadline: campaign
            .and_then(|c| c.deadline.as_ref())
            .map(|d| *d.get_ref()),
        schema_sha256: records.schema.as_ref().map(|s| s.sha256()),
    }
}

/// The items of unit `index`, left out with it (its own file has an error): each that was not
/// left out on its own account.
fn left_out_with_unit<'r>(
    records: &'r Records,
    index: usize,
    bad: &'r HashSet<FileId>,
) -> impl Iterator<Item = LeftOut> + 'r {
    let unit = &records.units[index];
    records.unit_items[index]
        .iter()
        .map(|&i| records.items[i].file)
        .filter(|file| !bad.contains(file))
        .map(|file| LeftOut {
            id: file,
            file: records.files.path(file).to_owned(),
            code: None,
            reason: ReportMsg::UnitLeftOut {
                unit: unit.org.clone(),
            }
            .into(),
        })
}

/// What [`build`] counted of one unit, for its row.
struct Counted {
    state: SelfCheckState,
    totals: Totals,
    by_area: Vec<UnitArea>,
    by_task: BTreeMap<TaskKey, ItemCounts>,
    /// Its self-check's due date.
    due: Option<Date>,
}

/// The row of a unit: its own fields, and what was counted of its items.
fn unit_row<'a>(
    records: &'a Records,
    unit: &'a Unit,
    counted: Counted,
    reporting: &super::reporting::ReportsTo<'a>,
) -> Result<UnitRow<'a>, Unreadable> {
    let Counted {
        state,
        totals,
        by_area,
        by_task,
        due,
    } = counted;
    let text = records.text_of(unit.file)?;
    let reports_to = reporting.of(unit, &text)?;
    let self_check = unit.self_check.as_ref();
    Ok(UnitRow {
        org: Cow::Borrowed(&unit.org),
        name: unit
            .name
            .as_ref()
            .map_or(Cow::Borrowed(""), |n| Cow::Borrowed(n.get_ref())),
        category: unit.category.as_ref().map(|c| *c.get_ref()),
        batch: unit.batch.as_ref().map(|b| *b.get_ref()),
        self_check: state,
        submitted_on: unit.submitted_on(),
        open_review: open_review(&text, unit)?.map(Box::new),
        principal: text.field(&unit.principal)?.map(CompactString::from),
        reports_to: reports_to.0.into(),
        reports_to_office: reports_to.1,
        filed_late: unit
            .submitted_on()
            .zip(due)
            .is_some_and(|(on, due)| on > due),
        meeting_on: unit.self_check.as_ref().and_then(|c| date(&c.meeting_on)),
        disclosed_in: self_check
            .map_or(Ok(None), |c| text.field(&c.disclosed_in))?
            .map(CompactString::from),
        published: unit
            .self_check
            .as_ref()
            .and_then(|c| c.published.as_ref())
            .map(|p| *p.get_ref()),
        review: status::latest_review(unit)
            .map_or(Ok(None), |r| review_note(&text, r))?
            .map(Box::new),
        totals,
        by_area: by_area.into(),
        by_task: by_task
            .into_iter()
            .map(|(key, counts)| TaskRow {
                task: key.into_name(),
                counts,
            })
            .collect(),
    })
}

/// The report's groups: by 专项整治 task (`--by task`), or by lead (`--by lead`).
fn add_groups(report: &mut Report<'_>, groups: BTreeMap<GroupKey, ItemCounts>, by: By) {
    if by == By::Task {
        report.groups = report
            .by_task
            .iter()
            .map(|t| GroupRow {
                unit: String::new(),
                name: t.task.clone(),
                counts: t.counts.clone(),
            })
            .collect();
    }
    report
        .groups
        .extend(groups.into_iter().map(|(key, counts)| GroupRow {
            unit: key.unit,
            name: key.name,
            counts,
        }));
}

/// A 专项整治 task, in the pinyin order of its name.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct TaskKey {
    pinyin: Vec<String>,
    name: String,
}

impl TaskKey {
    pub(super) fn new(name: String) -> TaskKey {
        TaskKey {
            pinyin: pinyin_key(&name),
            name,
        }
    }

    pub(super) fn into_name(self) -> String {
        self.name
    }
}

/// The item's part of the figures of SPEC §14: 到期, 按期完成, 逾期完成, its source, 个人整改.
fn count_figures(figures: &mut Figures, item: &Item, status: Status, as_of: Date) {
    let deadline = date(&item.deadline);
    let completed = date(&item.completed_on);
    let finished = matches!(status, Status::Done | Status::MostlyDone);
    if let Some(deadline) = deadline {
        if deadline <= as_of {
            figures.due_items.one();
            if finished && completed.is_some_and(|c| c <= deadline) {
                figures.due_on_time.one();
            }
        }
        if finished && completed.is_some_and(|c| c > deadline) {
            figures.done_late.one();
        }
    }
    if let Some(source) = &item.source {
        figures.by_source.slot(*source.get_ref()).one();
    }
    if item.owner() == Owner::Person {
        figures.personal.one();
    }
}

/// The unit's part of the figures: its batch, its reviews, its 建章立制 and 满意度测评.
fn count_unit_figures(figures: &mut Figures, unit: &Unit, items: u32, as_of: Date) {
    let batch = match unit.batch.as_ref().map(|b| *b.get_ref()) {
        Some(1) => Some(&mut figures.by_batch.first),
        Some(2) => Some(&mut figures.by_batch.second),
        _ => None,
    };
    if let Some(batch) = batch {
        batch.units.one();
        batch.items.add(i64::from(items));
    }
    let mut kinds = Vec::new();
    for review in &unit.reviews {
        let Some(kind) = review.kind.as_ref().map(|k| *k.get_ref()) else {
            continue;
        };
        let counts = figures.reviews.get_mut().kind(kind);
        if !kinds.contains(&kind) {
            kinds.push(kind);
            counts.units.one();
        }
        if let Some(result) = &review.result {
            counts.result(*result.get_ref()).one();
        }
    }
    let Some(plans) = &unit.plans else {
        return;
    };
    for institution in &plans.institutions {
        let made = figures.institutions.get_mut();
        made.planned.one();
        if let Some(kind) = &institution.kind {
            made.kind(*kind.get_ref()).one();
        }
        if institution.issued_on.is_some() {
            made.issued.one();
        } else if date(&institution.planned_by).is_some_and(|by| by < as_of) {
            made.overdue.one();
        }
    }
    for assessment in &plans.assessments {
        let votes = figures.assessment.get_mut();
        let [satisfied, basically, unsatisfied] = assessment.votes();
        votes
            .participants
            .add(assessment.participants.as_ref().map_or(0, |p| *p.get_ref()));
        votes.satisfied.add(satisfied);
        votes.basically_satisfied.add(basically);
        votes.unsatisfied.add(unsatisfied);
    }
}

/// Where a group of `--by lead` or `--by task` stands: by its unit's place in the office's
/// order, then named groups by the pinyin of their names, and the items no one leads last.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct GroupKey {
    place: usize,
    unit: String,
    unnamed: bool,
    pinyin: Vec<String>,
    name: String,
}

impl GroupKey {
    fn named(place: usize, unit: &str, name: String) -> GroupKey {
        GroupKey {
            place,
            unit: unit.to_owned(),
            unnamed: false,
            pinyin: pinyin_key(&name),
            name,
        }
    }

    fn unnamed(place: usize, unit: &str) -> GroupKey {
        GroupKey {
            place,
            unit: unit.to_owned(),
            unnamed: true,
            pinyin: Vec::new(),
            name: String::new(),
        }
    }
}

/// A unit's counts by area, those of the areas it has items in: collected at their size, as a
/// report holds one list for each unit of a province.
fn unit_areas(areas: &[crate::model::schema::Area], by_area: Vec<ItemCounts>) -> Vec<UnitArea> {
    let mut rows = Vec::with_capacity(by_area.iter().filter(|c| c.items > 0).count());
    rows.extend(
        areas
            .iter()
            .zip(by_area)
            .filter(|(_, counts)| counts.items > 0)
            .map(|(area, counts)| UnitArea {
                area: area.id,
                counts,
            }),
    );
    rows
}

/// The unit's latest review, where it left something to do (see [`UnitRow::open_review`]).
fn open_review(text: &FileText<'_>, unit: &Unit) -> Result<Option<ReviewNote>, Unreadable> {
    let Some(review) = status::latest_review(unit) else {
        return Ok(None);
    };
    let open = match review.result.as_ref().map(|r| *r.get_ref()) {
        Some(ReviewResult::Returned) => status::standing_return(unit).is_some(),
        Some(ReviewResult::FillGaps) => true,
        Some(ReviewResult::Passed) | None => false,
    };
    if open {
        review_note(text, review)
    } else {
        Ok(None)
    }
}

/// A review as reports list it; `None` where its result could not be read.
fn review_note(
    text: &FileText<'_>,
    review: &crate::model::Review,
) -> Result<Option<ReviewNote>, Unreadable> {
    let Some(result) = review.result.as_ref().map(|r| *r.get_ref()) else {
        return Ok(None);
    };
    Ok(Some(ReviewNote {
        kind: review.kind.as_ref().map(|k| *k.get_ref()),
        by: text.field(&review.by)?.map(CompactString::from),
        on: date(&review.on),
        result,
    }))
}
/// The parts of a report that add up from its units: `totals`, `own`, `by_area` (on the areas
/// it lists), `children` and, with `by_org`, `orgs`. One computation for a records tree and for
/// stored reports (`merge`, `report --from`), so the two cannot disagree.
pub fn assemble(report: &mut Report<'_>, by_org: bool) {
    let org = report.org.clone().unwrap_or_default();
    super::reporting::mark(&mut report.units, &org);
    let parts = assemble_parts(&report.units, &org, &report.by_area, by_org);
    report.totals = parts.totals;
    report.own = parts.own;
    for (row, counts) in report.by_area.iter_mut().zip(parts.by_area) {
        row.counts = counts;
    }
    report.children = parts.children;
    report.orgs = parts.orgs;
    report.by_task = parts.by_task;
}

/// What [`assemble`] computes.
pub struct Parts {
    pub totals: Totals,
    pub own: Option<Totals>,
    /// The counts of each row of the `areas` given, in their order.
    pub by_area: Vec<ItemCounts>,
    pub children: Vec<OrgRow>,
    pub orgs: Vec<OrgRow>,
    /// The items of each 专项整治 task, in pinyin order of the tasks.
    pub by_task: Vec<TaskRow>,
}

/// The sums of `units` (all within `base`) as [`assemble`] puts them in a report.
pub fn assemble_parts<'u>(
    units: &'u [UnitRow<'_>],
    base: &str,
    areas: &[AreaRow],
    by_org: bool,
) -> Parts {
    let depth_of = |org: &str| {
        if org.is_empty() {
            0
        } else {
            org.split('/').count()
        }
    };
    let base_depth = depth_of(base);
    // The folders in the order their first unit comes: the units' own, the office's.
    let mut folders: Vec<(&str, Totals)> = Vec::new();
    let mut place: HashMap<&str, usize> = HashMap::new();
    let mut add = |org: &'u str, totals: &Totals| {
        let at = *place.entry(org).or_insert_with(|| {
            folders.push((org, Totals::default()));
            folders.len() - 1
        });
        folders[at].1 += totals;
    };
    let mut parts = Parts {
        totals: Totals::default(),
        own: None,
        by_area: vec![ItemCounts::default(); areas.len()],
        children: Vec::new(),
        orgs: Vec::new(),
        by_task: Vec::new(),
    };
    let mut by_task: BTreeMap<TaskKey, ItemCounts> = BTreeMap::new();
    // The folder one below the org that holds `org` (a unit's, within it), if it is below.
    let child_of = |org: &'u str| -> Option<&'u str> {
        let rest = if base.is_empty() {
            org
        } else {
            org.strip_prefix(base)?.strip_prefix('/')?
        };
        let len = org.len() - rest.len() + rest.find('/').unwrap_or(rest.len());
        (!rest.is_empty()).then(|| &org[..len])
    };
    for unit in units {
        if unit.org == base {
            parts.own = Some(unit.totals.clone());
        }
        if by_org {
            // The unit counts in its own folder and in every folder above it, below the
            // report's org, from the top down.
            for org in super::org::prefixes(&unit.org) {
                if org.len() > base.len() {
                    add(org, &unit.totals);
                }
            }
        } else if let Some(child) = child_of(&unit.org) {
            // Without it, only in the child (the folder one below the org) that holds it.
            add(child, &unit.totals);
        }
        parts.totals += &unit.totals;
        for task in &unit.by_task {
            *by_task.entry(TaskKey::new(task.task.clone())).or_default() += &task.counts;
        }
        for area in &unit.by_area {
            if let Some(slot) = areas.iter().position(|a| a.area == area.area) {
                parts.by_area[slot] += &area.counts;
            }
        }
    }
    let row = |(org, t): &(&str, Totals)| OrgRow {
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
    parts.by_task = by_task
        .into_iter()
        .map(|(key, counts)| TaskRow {
            task: key.into_name(),
            counts,
        })
        .collect();
    parts
}

fn text(s: &Option<Sp<String>>) -> Option<String> {
    s.as_ref().map(|s| s.get_ref().clone())
}

fn date(d: &Option<Sp<Date>>) -> Option<Date> {
    d.as_ref().map(|d| *d.get_ref())
}

fn collect_item_lists<'a>(
    report: &mut Report<'a>,
    records: &'a Records,
    (unit, item, text): (&'a Unit, &'a Item, &LazyText<'_>),
    status: Status,
    days_overdue: Option<i64>,
    options: &Options<'_>,
) -> Result<(), Unreadable> {
    let due = days_overdue.is_some() || status == Status::Ineffective;
    let lead_unit = lead_unit(item);
    // Most items are on no list: their file is not unpacked.
    if due || lead_unit.is_some() {
        let text = text.get()?;
        let title = text.field(&item.title)?.unwrap_or_default();
        let progress = progress(text, item)?;
        let unit_name = unit_name(unit);
        if due {
            let due = DueItem {
                unit: Cow::Borrowed(&unit.org),
                unit_name: unit_name.clone(),
                id: Cow::Borrowed(&item.id),
                title: title.clone(),
                status,
                due: status::due(item),
                days_overdue,
                progress: progress.clone().map(Box::new),
            };
            if days_overdue.is_some() {
                report.overdue_items.push(due.clone());
            }
            if status == Status::Ineffective {
                report.ineffective_items.push(due);
            }
        }
        if let Some(lead_unit) = &lead_unit {
            let linked = LinkedItem {
                unit: Cow::Borrowed(&unit.org),
                unit_name,
                id: Cow::Borrowed(&item.id),
                title: title.clone(),
                lead_unit: lead_unit.clone(),
                lead_name: lead_name(records, lead_unit),
                status: Some(status),
                due: status::due(item),
                progress,
            };
            if is_within(lead_unit, options.org) {
                report.led_items.push(linked.clone());
            }
            report.linked_items.push(linked);
        }
    }
    if options.by == By::Item {
        let item = ItemRef {
            unit,
            item,
            status,
            days_overdue,
        };
        report.items.push(records, item);
    }
    Ok(())
}

/// The row of an item of [`Report::items`].
pub(super) fn item_row(records: &Records, r: &ItemRef<'_>) -> Result<ItemRow, Unreadable> {
    let &ItemRef {
        unit,
        item,
        status,
        days_overdue,
    } = r;
    let file = records.text_of(item.file)?;
    let title = file.field(&item.title)?.unwrap_or_default();
    let lead_unit = lead_unit(item);
    let mut shown = [const { None }; crate::format::SHOWN.len()];
    for (text, value) in shown.iter_mut().zip(&item.shown) {
        *text = file.field(value)?;
    }
    let mut progress = Vec::with_capacity(item.progress.len());
    for p in &item.progress {
        if let Some(on) = &p.on {
            let text = file.field(&p.text)?.unwrap_or_default();
            progress.push(Progress {
                on: *on.get_ref(),
                text,
            });
        }
    }
    Ok(ItemRow {
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
        special_task: file.field(&item.special_task)?,
        found_on: date(&item.found_on),
        shown: super::ShownTexts(shown),
        measures: file.fields(&item.measures)?,
        owner: item.owner().label().to_owned(),
        person: file.field(&item.person)?,
        responsible: file.field(&item.responsible)?,
        lead: file.field(&item.lead)?,
        deadline: date(&item.deadline),
        status,
        completed_on: date(&item.completed_on),
        consolidation: file.field(&item.consolidation)?,
        rectify_by: date(&item.rectify_by),
        days_overdue,
        satisfaction: item.satisfaction(),
        evidence: file.fields(&item.evidence)?,
        lead_unit,
        latest_progress: self::progress(&file, item)?,
        progress,
        linkage_reason: match &item.linkage {
            Some(l) => file.field(&l.reason)?,
            None => None,
        },
        file: records.files.path(item.file).to_owned(),
        confidential: item.confidential,
        closed_by: match &item.closure {
            Some(c) => file.field(&c.approved_by)?,
            None => None,
        },
        closed_on: item.closure.as_ref().and_then(|c| date(&c.approved_on)),
    })
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

/// The latest dated `[[progress]]` entry.
fn progress(text: &FileText<'_>, item: &Item) -> Result<Option<Progress>, Unreadable> {
    let Some((latest, on)) = item
        .latest_progress()
        .and_then(|p| Some((p, *p.on.as_ref()?.get_ref())))
    else {
        return Ok(None);
    };
    Ok(Some(Progress {
        on,
        text: text.field(&latest.text)?.unwrap_or_default(),
    }))
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
) -> Result<(), Unreadable> {
    for &i in &records.unit_items[index] {
        let item = &records.items[i];
        if bad.contains(&item.file) || withholds(item.file) {
            continue;
        }
        if let Some(lead_unit) = lead_unit(item).filter(|l| is_within(l, options.org)) {
            let text = records.text_of(item.file)?;
            let title = text.field(&item.title)?.unwrap_or_default();
            report.led_items.push(LinkedItem {
                unit: Cow::Borrowed(&unit.org),
                unit_name: unit_name(unit),
                id: Cow::Borrowed(&item.id),
                title,
                lead_name: lead_name(records, &lead_unit),
                lead_unit,
                status: item.status.as_ref().map(|s| *s.get_ref()),
                due: status::due(item),
                progress: progress(&text, item)?,
            });
        }
    }
    Ok(())
}
