//! Records -> [`Report`]: completion status rolled up the org hierarchy (SPEC §7).
//!
//! Every number of every format is computed here, once; renderers only lay it out.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use jiff::civil::Date;
use serde::Serialize;

use crate::diagnostic::Severity;
use crate::i18n::Msg;
use crate::model::enums::{Category, Enumeration, Satisfaction, Status};
use crate::model::fields::{decode_text, decode_texts};
use crate::model::{Item, Sp, Text, TextList, Unit};
use crate::records::Records;
use crate::source::FileId;
use crate::status::{self, SelfCheckState};

mod public;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// One row per folder holding units, with its subtree's totals
    Org,
    /// One row per unit, with its own totals
    Unit,
    /// One row per item, with its fields
    Item,
    /// One row per area of the schema
    Area,
}

/// Counts over a set of items.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ItemCounts {
    pub items: u32,
    pub done: u32,
    pub mostly_done: u32,
    pub open: u32,
    pub ineffective: u32,
    pub overdue: u32,
    /// done / items; `None` when there are no items.
    pub completion_rate: Option<f64>,
    /// (满意 + 基本满意) / items whose satisfaction was assessed; `None` when none was.
    pub satisfied_rate: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SelfCheckCounts {
    pub submitted: u32,
    pub late: u32,
    pub returned: u32,
    pub pending: u32,
    pub missing: u32,
}

/// Counts over a set of units and their items.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    pub units: u32,
    #[serde(flatten)]
    pub counts: ItemCounts,
    pub self_check: SelfCheckCounts,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaRow {
    pub area: i64,
    pub title: String,
    #[serde(flatten)]
    pub counts: ItemCounts,
}

/// A folder of the tree that holds units, with the totals of everything at or below it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OrgRow {
    pub org: String,
    /// Components below the report's org: its children are at depth 1.
    #[serde(skip)]
    pub depth: usize,
    pub totals: Totals,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitRow<'a> {
    pub org: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub category: Option<Category>,
    pub batch: Option<i64>,
    pub self_check: SelfCheckState,
    #[serde(skip)]
    pub submitted_on: Option<Date>,
    /// 主要负责同志, for the 通报 lists; `None` in a public report.
    #[serde(skip)]
    pub principal: Option<String>,
    pub totals: Totals,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DueItem<'a> {
    pub unit: Cow<'a, str>,
    pub id: Cow<'a, str>,
    pub title: String,
    pub status: Status,
    pub due: Option<Date>,
    /// Days from `due` to the as-of date; `None` when not yet overdue.
    pub days_overdue: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkedItem<'a> {
    pub unit: Cow<'a, str>,
    pub id: Cow<'a, str>,
    pub title: String,
    pub lead_unit: String,
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
    pub file: String,
    /// `confidential = true` (不宜公开): never true in a public report, which leaves such
    /// items out.
    pub confidential: bool,
    /// `[closure]` (销号): who approved it (blank in a public report) and when.
    pub closed_by: Option<String>,
    pub closed_on: Option<Date>,
}

/// A file the report left out, and the first reason why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeftOut {
    #[serde(skip)]
    pub id: FileId,
    pub file: String,
    /// The code of the file's first error; `None` when it was left out with its unit.
    pub code: Option<&'static str>,
    #[serde(skip)]
    pub reason: Msg,
}

/// What a public report withheld: said on stderr, never in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Withheld {
    /// Confidential items of the subtree, valid ones.
    pub items: usize,
    /// Files with errors that may be confidential items, left out without being listed.
    pub files: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report<'a> {
    /// The org path reported on; `None` for the whole tree.
    pub org: Option<String>,
    pub as_of: Date,
    /// A public report (`--public`).
    pub public: bool,
    #[serde(skip)]
    pub campaign: Option<String>,
    #[serde(skip)]
    pub document: Option<String>,
    #[serde(skip)]
    pub deadline: Option<Date>,
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
    pub items: Vec<ItemRow>,
    /// Set in a public report.
    #[serde(skip)]
    pub withheld: Option<Withheld>,
    /// Files with errors that a `--keep-going` report left out.
    pub left_out: Vec<LeftOut>,
}

/// Running sums, turned into [`ItemCounts`] at the end.
#[derive(Clone, Debug, Default)]
struct Tally {
    units: u32,
    items: u32,
    done: u32,
    mostly_done: u32,
    open: u32,
    ineffective: u32,
    overdue: u32,
    satisfied: u32,
    assessed: u32,
    self_check: SelfCheckCounts,
}

impl Tally {
    fn add_item(&mut self, status: Status, satisfaction: Satisfaction, overdue: bool) {
        self.items += 1;
        match status {
            Status::Done => self.done += 1,
            Status::MostlyDone => self.mostly_done += 1,
            Status::Open => self.open += 1,
            Status::Ineffective => self.ineffective += 1,
        }
        self.overdue += u32::from(overdue);
        match satisfaction {
            Satisfaction::Satisfied | Satisfaction::MostlySatisfied => {
                self.satisfied += 1;
                self.assessed += 1;
            }
            Satisfaction::Unsatisfied => self.assessed += 1,
            Satisfaction::NotAssessed => {}
        }
    }

    fn add_unit(&mut self, state: SelfCheckState) {
        self.units += 1;
        match state {
            SelfCheckState::Submitted => self.self_check.submitted += 1,
            SelfCheckState::Late => self.self_check.late += 1,
            SelfCheckState::Returned => self.self_check.returned += 1,
            SelfCheckState::Pending => self.self_check.pending += 1,
            SelfCheckState::Missing => self.self_check.missing += 1,
        }
    }

    fn merge(&mut self, other: &Tally) {
        self.units += other.units;
        self.items += other.items;
        self.done += other.done;
        self.mostly_done += other.mostly_done;
        self.open += other.open;
        self.ineffective += other.ineffective;
        self.overdue += other.overdue;
        self.satisfied += other.satisfied;
        self.assessed += other.assessed;
        self.self_check.submitted += other.self_check.submitted;
        self.self_check.late += other.self_check.late;
        self.self_check.returned += other.self_check.returned;
        self.self_check.pending += other.self_check.pending;
        self.self_check.missing += other.self_check.missing;
    }

    fn counts(&self) -> ItemCounts {
        let rate = |n: u32, d: u32| (d > 0).then(|| f64::from(n) / f64::from(d));
        ItemCounts {
            items: self.items,
            done: self.done,
            mostly_done: self.mostly_done,
            open: self.open,
            ineffective: self.ineffective,
            overdue: self.overdue,
            completion_rate: rate(self.done, self.items),
            satisfied_rate: rate(self.satisfied, self.assessed),
        }
    }

    fn totals(&self) -> Totals {
        Totals {
            units: self.units,
            counts: self.counts(),
            self_check: self.self_check.clone(),
        }
    }
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
    let mut folders = std::collections::BTreeSet::new();
    for unit in &records.units {
        let mut org = unit.org.as_str();
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
    let wanted = wanted.trim().trim_matches('/');
    let folders = org_folders(records);
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
                let distance = strsim::levenshtein(&name, wanted);
                let class = if name.contains(wanted) {
                    0
                } else if f.contains(wanted) {
                    1
                } else if distance <= limit {
                    2
                } else {
                    return None;
                };
                Some(((class, distance), f))
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
            code: Some(d.code.as_str()),
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
    let deadline = records
        .campaign
        .as_ref()
        .and_then(|c| c.deadline.as_ref())
        .map(|d| *d.get_ref());
    let as_of = options.as_of;
    let depth_of = |org: &str| {
        if org.is_empty() {
            0
        } else {
            org.split('/').count()
        }
    };
    let base_depth = depth_of(options.org);

    let mut report = Report {
        org: (!options.org.is_empty()).then(|| options.org.to_owned()),
        as_of,
        public: options.public,
        campaign: records
            .campaign
            .as_ref()
            .and_then(|c| c.name.as_ref())
            .map(|n| n.get_ref().clone()),
        document: records
            .campaign
            .as_ref()
            .and_then(|c| c.document.as_ref())
            .map(|n| n.get_ref().clone()),
        deadline,
        totals: Totals::default(),
        own: None,
        by_area: Vec::new(),
        children: Vec::new(),
        units: Vec::with_capacity(
            records
                .units
                .iter()
                .filter(|u| is_within(&u.org, options.org))
                .count(),
        ),
        overdue_items: Vec::new(),
        ineffective_items: Vec::new(),
        linked_items: Vec::new(),
        led_items: Vec::new(),
        orgs: Vec::new(),
        items: Vec::new(),
        withheld: None,
        left_out: Vec::new(),
    };

    let schema_areas = records
        .schema
        .as_ref()
        .map(|s| s.areas.as_slice())
        .unwrap_or_default();
    let mut areas: Vec<Tally> = vec![Tally::default(); schema_areas.len()];
    let mut folders: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut total = Tally::default();

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
        let mut own = Tally::default();
        own.add_unit(state);
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
            own.add_item(status, item.satisfaction(), days_overdue.is_some());
            if let Some(slot) = item
                .area
                .as_ref()
                .and_then(|a| schema_areas.iter().position(|s| s.id == *a.get_ref()))
            {
                areas[slot].add_item(status, item.satisfaction(), days_overdue.is_some());
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
        if unit.org == options.org {
            report.own = Some(own.totals());
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
            principal: field(records, unit.file, &unit.principal),
            totals: own.totals(),
        });
        // The unit counts in its own folder and in every folder above it, below the report's
        // org; without `--by org` only the children (the folders one below the org) are shown.
        let mut org = unit.org.as_str();
        while org.len() > options.org.len() {
            if options.by == By::Org || depth_of(org) == base_depth + 1 {
                folders.entry(org).or_default().merge(&own);
            }
            org = org.rfind('/').map_or("", |cut| &org[..cut]);
        }
        total.merge(&own);
    }

    report.totals = total.totals();
    report.by_area = schema_areas
        .iter()
        .zip(&areas)
        .map(|(a, t)| AreaRow {
            area: a.id,
            title: a.title.clone(),
            counts: t.counts(),
        })
        .collect();
    let row = |(org, t): (&&str, &Tally)| OrgRow {
        org: (*org).to_owned(),
        depth: depth_of(org) - base_depth,
        totals: t.totals(),
    };
    report.children = folders
        .iter()
        .filter(|(org, _)| depth_of(org) == base_depth + 1)
        .map(row)
        .collect();
    if options.by == By::Org {
        report.orgs = folders.iter().map(row).collect();
    }
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
    let due = DueItem {
        unit: Cow::Borrowed(&unit.org),
        id: Cow::Borrowed(&item.id),
        title: title.clone(),
        status,
        due: status::due(item),
        days_overdue,
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
            id: Cow::Borrowed(&item.id),
            title: title.clone(),
            lead_unit: lead_unit.clone(),
        };
        if is_within(lead_unit, options.org) {
            report.led_items.push(linked.clone());
        }
        report.linked_items.push(linked);
    }
    if options.by != By::Item {
        return;
    }
    report.items.push(ItemRow {
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
        file: records.files.path(item.file).to_owned(),
        confidential: item.confidential,
        closed_by: item
            .closure
            .as_ref()
            .and_then(|c| field(records, item.file, &c.approved_by)),
        closed_on: item.closure.as_ref().and_then(|c| date(&c.approved_on)),
    });
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
                id: Cow::Borrowed(&item.id),
                title,
                lead_unit,
            });
        }
    }
}
