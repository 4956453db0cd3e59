//! Stored reports: a `report --format json` (version 1, SPEC §8) read back for `merge` and
//! `report --from`.
//!
//! A stored report comes from another office and is checked before anything is added up: a file
//! larger than [`MAX_BYTES`] is refused by its size before it is read, one that is not JSON (a
//! truncated file), of another `format` or `version`, with a count that is negative, fractional
//! or out of range is refused with the parser's line and column, and one whose counts do not add
//! up (a state count that is not part of `items`, totals that are not the sum of the units, a
//! child that is not the sum of its units) is refused naming the count. Unknown keys are
//! ignored, so a later version 1 with more keys still reads. Rates are never read: they are
//! recomputed from the counts.

use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;

use super::figures::{ByBatch, BySource, Count, Figures, Institutions, Reviews, Sparse, Votes};
use super::{
    AreaRow, ItemCounts, Report, SelfCheckCounts, TaskRow, Totals, assemble_parts, is_within,
};
use crate::text::i18n::Msg;
use crate::text::messages::stored::StoredMsg;

/// The largest stored report read: a national report of 31 provinces of 23,000 units each is
/// about 650 MB; a gigabyte is refused.
pub const MAX_BYTES: u64 = 900 << 20;

/// Why a stored report cannot be used (each names the file).
#[derive(Debug, PartialEq)]
pub enum StoredError {
    Io(String),
    /// A named pipe, a device, a folder: not read.
    NotRegular,
    /// `public: true`, yet a person's name in this field.
    PublicNames(String),
    TooLarge {
        size: u64,
    },
    NotJson(String),
    NotReport(String),
    Version(String),
    /// A count that is not what its parts add up to: where, what it says, what they add up to.
    DoesNotAddUp {
        what: String,
        stated: u64,
        summed: u64,
    },
    /// An org path of a list that is not within the report's org.
    Outside {
        what: String,
        org: String,
    },
    /// A unit listed out of org path order, or twice.
    Unsorted(String),
}

impl StoredError {
    pub fn message(self, path: &Path) -> Msg {
        let path = path.display().to_string();
        match self {
            StoredError::Io(detail) => Msg::Io { path, detail },
            StoredError::NotRegular => Msg::InputNotRegular { path },
            StoredError::PublicNames(field) => StoredMsg::StoredPublicNames { path, field }.into(),
            StoredError::TooLarge { size } => StoredMsg::StoredTooLarge {
                path,
                size,
                max: MAX_BYTES,
            }
            .into(),
            StoredError::NotJson(detail) => StoredMsg::StoredNotJson { path, detail }.into(),
            StoredError::NotReport(format) => StoredMsg::StoredNotReport { path, format }.into(),
            StoredError::Version(version) => StoredMsg::StoredVersion { path, version }.into(),
            StoredError::DoesNotAddUp {
                what,
                stated,
                summed,
            } => StoredMsg::StoredDoesNotAddUp {
                path,
                what,
                stated,
                summed,
            }
            .into(),
            StoredError::Outside { what, org } => {
                StoredMsg::StoredOutside { path, what, org }.into()
            }
            StoredError::Unsorted(what) => StoredMsg::StoredUnsorted { path, what }.into(),
        }
    }
}

/// Reads and checks the stored report at `path`.
pub fn read(path: &Path) -> Result<Report<'static>, StoredError> {
    thread_local! {
        /// The bytes of the report a thread reads, kept for its next one: `merge` reads dozens
        /// of reports of tens of megabytes each, and a buffer taken afresh for each is memory
        /// the system has to hand over page by page every time.
        static BYTES: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BYTES.with_borrow_mut(|bytes| {
        bytes.clear();
        read_bytes(path, bytes)?;
        parse(bytes)
    })
}

/// The report's bytes: a regular file, opened without blocking (a named pipe is refused, not
/// waited on), refused by its size before it is read where that is over [`MAX_BYTES`].
fn read_bytes(path: &Path, bytes: &mut Vec<u8>) -> Result<(), StoredError> {
    use crate::load::InputError;
    crate::load::read_input(path, MAX_BYTES, bytes).map_err(|e| match e {
        InputError::Io(e) => StoredError::Io(e.to_string()),
        InputError::NotRegular => StoredError::NotRegular,
        InputError::TooLarge(size) => StoredError::TooLarge { size },
    })
}

/// What is read first: whether the document is a report of a version this build reads.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// A stored report from its bytes, checked. The document is read once, as a report; only
/// where that fails is it read again for its header, to say what it is.
pub fn parse(bytes: &[u8]) -> Result<Report<'static>, StoredError> {
    let not_json = |e: serde_json::Error| StoredError::NotJson(e.to_string());
    let shown =
        |v: Option<&serde_json::Value>| v.map_or_else(|| "null".to_owned(), |v| v.to_string());
    // Checked as UTF-8 once, as a whole, rather than string by string; where it is not UTF-8
    // the parser says where.
    let parsed = match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(bytes),
    };
    let report: Report<'static> = match parsed {
        Ok(report) => report,
        Err(e) => {
            let header: Header = serde_json::from_slice(bytes).map_err(not_json)?;
            if header.format.as_ref().and_then(|f| f.as_str()) != Some(super::FORMAT) {
                return Err(StoredError::NotReport(shown(header.format.as_ref())));
            }
            if header.version.as_ref().and_then(|v| v.as_u64()) != Some(u64::from(super::VERSION)) {
                return Err(StoredError::Version(shown(header.version.as_ref())));
            }
            return Err(not_json(e));
        }
    };
    if report.format != super::FORMAT {
        return Err(StoredError::NotReport(
            serde_json::Value::from(&*report.format).to_string(),
        ));
    }
    if report.version != super::VERSION {
        return Err(StoredError::Version(report.version.to_string()));
    }
    check(&report)?;
    Ok(report)
}

/// Every count of a version-1 row, whatever the row: [`Totals`], [`AreaRow`] and [`UnitArea`]
/// are read through it (one plain struct reads much faster than `#[serde(flatten)]`), and the
/// rates are recomputed rather than read.
#[derive(Deserialize, JsonSchema)]
pub struct CountsIn {
    area: Option<i64>,
    task: Option<String>,
    title: Option<String>,
    units: Option<u32>,
    items: u32,
    done: u32,
    mostly_done: u32,
    open: u32,
    ineffective: u32,
    overdue: u32,
    closed: u32,
    assessed: u32,
    satisfied: u32,
    self_check: Option<SelfCheckCounts>,
    /// Absent from the reports written before reporting units were counted: 0.
    reporting_units: Option<u32>,
    late_filed: Option<u32>,
    reporting_self_check: Option<SelfCheckCounts>,
    /// Absent from the reports written before the figures of SPEC §14: nought.
    #[serde(default)]
    due_items: Count,
    #[serde(default)]
    due_on_time: Count,
    #[serde(default)]
    done_late: Count,
    #[serde(default)]
    by_source: BySource,
    #[serde(default)]
    personal: Count,
    #[serde(default)]
    by_batch: ByBatch,
    #[serde(default)]
    reviews: Sparse<Reviews>,
    #[serde(default)]
    institutions: Sparse<Institutions>,
    #[serde(default)]
    assessment: Sparse<Votes>,
}

impl From<&CountsIn> for ItemCounts {
    fn from(c: &CountsIn) -> ItemCounts {
        ItemCounts {
            items: c.items,
            done: c.done,
            mostly_done: c.mostly_done,
            open: c.open,
            ineffective: c.ineffective,
            overdue: c.overdue,
            closed: c.closed,
            assessed: c.assessed,
            satisfied: c.satisfied,
        }
    }
}

impl TryFrom<CountsIn> for ItemCounts {
    type Error = String;
    fn try_from(c: CountsIn) -> Result<ItemCounts, String> {
        Ok(ItemCounts::from(&c))
    }
}

impl TryFrom<CountsIn> for Totals {
    type Error = String;
    fn try_from(c: CountsIn) -> Result<Totals, String> {
        let counts = ItemCounts::from(&c);
        Ok(Totals {
            units: c.units.ok_or("missing field `units`")?,
            counts,
            self_check: c.self_check.ok_or("missing field `self_check`")?,
            reporting_units: c.reporting_units.unwrap_or_default(),
            late_filed: c.late_filed.unwrap_or_default(),
            reporting_self_check: c.reporting_self_check.unwrap_or_default(),
            figures: Figures {
                due_items: c.due_items,
                due_on_time: c.due_on_time,
                done_late: c.done_late,
                by_source: c.by_source,
                personal: c.personal,
                by_batch: c.by_batch,
                reviews: c.reviews,
                institutions: c.institutions,
                assessment: c.assessment,
                ..Figures::default()
            },
        })
    }
}

impl TryFrom<CountsIn> for TaskRow {
    type Error = String;
    fn try_from(c: CountsIn) -> Result<TaskRow, String> {
        let counts = ItemCounts::from(&c);
        Ok(TaskRow {
            task: c.task.ok_or("missing field `task`")?,
            counts,
        })
    }
}

impl TryFrom<CountsIn> for AreaRow {
    type Error = String;
    fn try_from(c: CountsIn) -> Result<AreaRow, String> {
        let counts = ItemCounts::from(&c);
        Ok(AreaRow {
            area: c.area.ok_or("missing field `area`")?,
            title: c.title.ok_or("missing field `title`")?,
            counts,
        })
    }
}

fn adds_up(what: impl FnOnce() -> String, stated: u64, summed: u64) -> Result<(), StoredError> {
    if stated == summed {
        return Ok(());
    }
    Err(StoredError::DoesNotAddUp {
        what: what(),
        stated,
        summed,
    })
}

/// At most: a part larger than its whole.
fn at_most(what: impl FnOnce() -> String, part: u32, whole: u64) -> Result<(), StoredError> {
    if u64::from(part) <= whole {
        return Ok(());
    }
    Err(StoredError::DoesNotAddUp {
        what: what(),
        stated: u64::from(part),
        summed: whole,
    })
}

/// The counts of one row agree with each other: the four states are the items, and each
/// count that is part of another is no larger.
/// `what` names the row, in the error only (a province has 23,000 of them).
fn check_counts(what: &dyn Fn() -> String, c: &ItemCounts) -> Result<(), StoredError> {
    let n = u64::from;
    let key = |key: &'static str| move || format!("{}.{key}", what());
    let states = n(c.done) + n(c.mostly_done) + n(c.open) + n(c.ineffective);
    adds_up(key("items"), n(c.items), states)?;
    at_most(key("overdue"), c.overdue, n(c.items) - n(c.done))?;
    at_most(key("closed"), c.closed, n(c.done))?;
    at_most(key("assessed"), c.assessed, n(c.items))?;
    at_most(key("satisfied"), c.satisfied, n(c.assessed))
}

fn check_totals(what: &dyn Fn() -> String, t: &Totals) -> Result<(), StoredError> {
    check_counts(what, &t.counts)?;
    adds_up(
        || format!("{}.units", what()),
        u64::from(t.units),
        t.self_check.sum(),
    )?;
    at_most(
        || format!("{}.reporting_units", what()),
        t.reporting_units,
        u64::from(t.units),
    )?;
    adds_up(
        || format!("{}.reporting_units", what()),
        u64::from(t.reporting_units),
        t.reporting_self_check.sum(),
    )?;
    at_most(
        || format!("{}.late_filed", what()),
        t.late_filed,
        u64::from(t.reporting_units),
    )
}

/// Whether a list of org paths is in an order of the tree, as the office's order is: each org
/// once, a folder before what it holds, and a folder's units together (once a folder is left,
/// it does not come back).
#[derive(Default)]
struct TreeOrder<'r> {
    /// The folders of the previous path, from the root.
    open: Vec<&'r str>,
    /// Every folder of a path met so far.
    met: std::collections::HashSet<&'r str>,
}

impl<'r> TreeOrder<'r> {
    /// Takes the next path; `false` when it breaks the order.
    fn next(&mut self, path: &'r str) -> bool {
        let folders: Vec<&str> = super::org::prefixes(path).collect();
        let kept = self
            .open
            .iter()
            .zip(&folders)
            .take_while(|(a, b)| a == b)
            .count();
        // The path itself must be new, and so must every folder it opens.
        if kept == folders.len() || folders[kept..].iter().any(|f| self.met.contains(f)) {
            return false;
        }
        self.met.extend(folders.iter().copied());
        self.open = folders;
        true
    }
}

/// Everything a report's numbers promise: each row is consistent, each unit is one unit in its
/// state, and the totals, `own`, `by_area` and `children` are what the units add up to.
fn check(report: &Report<'_>) -> Result<(), StoredError> {
    let org = report.org.clone().unwrap_or_default();
    let outside = |what: String| StoredError::Outside {
        what,
        org: org.clone(),
    };
    let mut tree_order = TreeOrder::default();
    for (i, unit) in report.units.iter().enumerate() {
        let what = || format!("units[{i}] ({})", unit.org);
        // A public report names no one: one that says it is public and names someone is not
        // what it says, and would pass the names on as public (SPEC §16).
        if report.public {
            let named = |n: &Option<compact_str::CompactString>| {
                n.as_deref().is_some_and(|n| !n.trim().is_empty())
            };
            if named(&unit.principal) {
                return Err(StoredError::PublicNames(format!("units[{i}].principal")));
            }
            for (field, review) in [("open_review", &unit.open_review), ("review", &unit.review)] {
                if review.as_ref().is_some_and(|r| named(&r.by)) {
                    return Err(StoredError::PublicNames(format!("units[{i}].{field}.by")));
                }
            }
        }
        if !is_within(&unit.org, &org) {
            return Err(outside(what()));
        }
        if !tree_order.next(&unit.org) {
            return Err(StoredError::Unsorted(what()));
        }
        let totals = || format!("{}.totals", what());
        check_totals(&totals, &unit.totals)?;
        adds_up(
            || format!("{}.units", totals()),
            u64::from(unit.totals.units),
            1,
        )?;
        let mut state = SelfCheckCounts::default();
        state.add(unit.self_check);
        if state != unit.totals.self_check {
            return Err(StoredError::DoesNotAddUp {
                what: format!("{}.self_check.{}", totals(), state_key(unit.self_check)),
                stated: 0,
                summed: 1,
            });
        }
        // A reporting unit is one, in its own state; any other unit counts none.
        if unit.totals.reporting_units > 0 && state != unit.totals.reporting_self_check {
            return Err(StoredError::DoesNotAddUp {
                what: format!(
                    "{}.reporting_self_check.{}",
                    totals(),
                    state_key(unit.self_check)
                ),
                stated: 0,
                summed: 1,
            });
        }
        let mut in_areas = 0u64;
        for area in &unit.by_area {
            let row = || format!("{}.by_area[{}]", what(), area.area);
            check_counts(&row, &area.counts)?;
            if !report.by_area.iter().any(|a| a.area == area.area) {
                return Err(StoredError::DoesNotAddUp {
                    what: row(),
                    stated: u64::from(area.counts.items),
                    summed: 0,
                });
            }
            in_areas += u64::from(area.counts.items);
        }
        if in_areas > u64::from(unit.totals.counts.items) {
            return Err(StoredError::DoesNotAddUp {
                what: format!("{}.by_area", what()),
                stated: in_areas,
                summed: u64::from(unit.totals.counts.items),
            });
        }
    }
    let lists = [
        (
            "overdue_items",
            report
                .overdue_items
                .iter()
                .map(|d| &*d.unit)
                .collect::<Vec<_>>(),
        ),
        (
            "ineffective_items",
            report.ineffective_items.iter().map(|d| &*d.unit).collect(),
        ),
        (
            "linked_items",
            report.linked_items.iter().map(|d| &*d.unit).collect(),
        ),
    ];
    for (name, units) in &lists {
        if let Some(i) = units.iter().position(|u| !is_within(u, &org)) {
            return Err(outside(format!("{name}[{i}] ({})", units[i])));
        }
    }

    let parts = assemble_parts(&report.units, &org, &report.by_area, false);
    check_totals(&|| "totals".to_owned(), &report.totals)?;
    same_totals("totals", &report.totals, &parts.totals)?;
    match (&report.own, &parts.own) {
        (Some(stated), Some(summed)) => same_totals("own", stated, summed)?,
        (None, None) => {}
        (stated, summed) => {
            let units = |t: &Option<Totals>| t.as_ref().map_or(0, |t| u64::from(t.units));
            adds_up(|| "own.units".to_owned(), units(stated), units(summed))?;
        }
    }
    for (stated, summed) in report.by_area.iter().zip(&parts.by_area) {
        let what = format!("by_area[{}]", stated.area);
        check_counts(&|| what.clone(), &stated.counts)?;
        same_counts(&what, &stated.counts, summed)?;
    }
    adds_up(
        || "children".to_owned(),
        len(report.children.len()),
        len(parts.children.len()),
    )?;
    for (stated, summed) in report.children.iter().zip(&parts.children) {
        if stated.org != summed.org {
            return Err(StoredError::DoesNotAddUp {
                what: format!("children ({})", stated.org),
                stated: u64::from(stated.totals.units),
                summed: 0,
            });
        }
        let what = format!("children ({}).totals", stated.org);
        check_totals(&|| what.clone(), &stated.totals)?;
        same_totals(&what, &stated.totals, &summed.totals)?;
    }
    let n = |c: u32| u64::from(c);
    adds_up(
        || "overdue_items".to_owned(),
        len(report.overdue_items.len()),
        n(report.totals.counts.overdue),
    )?;
    adds_up(
        || "ineffective_items".to_owned(),
        len(report.ineffective_items.len()),
        n(report.totals.counts.ineffective),
    )
}

fn len(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

fn state_key(state: crate::model::status::SelfCheckState) -> &'static str {
    use crate::model::status::SelfCheckState::*;
    match state {
        Submitted => "submitted",
        Late => "late",
        Returned => "returned",
        Pending => "pending",
        Missing => "missing",
    }
}

/// The first count where `stated` is not what the parts add up to.
fn same_counts(what: &str, stated: &ItemCounts, summed: &ItemCounts) -> Result<(), StoredError> {
    let pairs = ItemCounts::KEYS
        .into_iter()
        .zip(stated.values().into_iter().zip(summed.values()))
        .map(|(key, (a, b))| (key, a, b));
    for (key, a, b) in pairs {
        adds_up(|| format!("{what}.{key}"), u64::from(a), u64::from(b))?;
    }
    Ok(())
}

fn same_totals(what: &str, stated: &Totals, summed: &Totals) -> Result<(), StoredError> {
    adds_up(
        || format!("{what}.units"),
        u64::from(stated.units),
        u64::from(summed.units),
    )?;
    same_counts(what, &stated.counts, &summed.counts)?;
    for (name, a, b) in [
        ("self_check", &stated.self_check, &summed.self_check),
        (
            "reporting_self_check",
            &stated.reporting_self_check,
            &summed.reporting_self_check,
        ),
    ] {
        let pairs = [
            ("submitted", a.submitted, b.submitted),
            ("late", a.late, b.late),
            ("returned", a.returned, b.returned),
            ("pending", a.pending, b.pending),
            ("missing", a.missing, b.missing),
        ];
        for (key, x, y) in pairs {
            adds_up(
                || format!("{what}.{name}.{key}"),
                u64::from(x),
                u64::from(y),
            )?;
        }
    }
    for (key, x, y) in [
        (
            "reporting_units",
            stated.reporting_units,
            summed.reporting_units,
        ),
        ("late_filed", stated.late_filed, summed.late_filed),
    ] {
        adds_up(|| format!("{what}.{key}"), u64::from(x), u64::from(y))?;
    }
    Ok(())
}

/// The JSON Schema (draft-07) of the report JSON this build writes (version 1), pretty-printed,
/// ending in a newline: `schema/report.schema.json`. Readers ignore keys it does not list.
pub fn json_schema() -> String {
    let mut settings = schemars::generate::SchemaSettings::draft07();
    settings.contract = schemars::generate::Contract::Serialize;
    let mut root = settings
        .into_generator()
        .into_root_schema_for::<Report<'static>>();
    // What the doc comments say for programmers, said for readers of the format.
    root.insert("title".into(), "huitoukan report, version 1".into());
    root.insert(
        "description".into(),
        "`huitoukan report --format json`, read back by `merge` and `report --from` (SPEC §8, §13). \
         Rates are recomputed from the counts by readers; unknown keys are ignored."
            .into(),
    );
    if let Some(properties) = root.get_mut("properties").and_then(|p| p.as_object_mut()) {
        properties.insert(
            "format".into(),
            serde_json::json!({ "const": super::FORMAT }),
        );
        properties.insert(
            "version".into(),
            serde_json::json!({ "const": super::VERSION }),
        );
    }
    let mut text = serde_json::to_string_pretty(&root).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `HUITOUKAN_BLESS=1 cargo test committed_report_schema` writes it anew.
    #[test]
    fn committed_report_schema_matches_the_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/report.schema.json");
        let generated = json_schema();
        if std::env::var_os("HUITOUKAN_BLESS").is_some() {
            std::fs::write(path, &generated).expect("write the schema");
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "{path} is out of date: run `HUITOUKAN_BLESS=1 cargo test committed_report_schema`"
        );
    }

    #[test]
    fn the_schema_lists_every_key_of_a_report() {
        let schema: serde_json::Value = serde_json::from_str(&json_schema()).expect("JSON");
        let keys: Vec<&str> = schema["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .map(String::as_str)
            .collect();
        for key in [
            "format",
            "version",
            "generator",
            "campaign",
            "org",
            "as_of",
            "public",
            "source",
            "totals",
            "own",
            "by_area",
            "children",
            "units",
            "overdue_items",
            "ineffective_items",
            "linked_items",
        ] {
            assert!(keys.contains(&key), "{key} in {keys:?}");
        }
        let totals = &schema["definitions"]["Totals"]["properties"];
        for key in [
            "closed",
            "assessed",
            "satisfied",
            "done_or_mostly_rate",
            "self_check",
        ] {
            assert!(totals.get(key).is_some(), "{key} in Totals");
        }
    }
}
