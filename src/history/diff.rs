//! `diff A B`: what changed between two states of the records (SPEC §11), as data.
//!
//! Items are matched by (unit org path, id), so a renamed file that keeps its `id` is the same
//! item; a unit moved to another folder is a unit removed and one added, with its items. Only
//! valid records take part: a file with errors (and the items of a unit with errors) is left
//! out at either end, as a `--keep-going` report leaves it out.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use jiff::civil::Date;
use serde::Serialize;

use crate::diagnostic::Severity;
use crate::format::enums::Status;
use crate::load::source::Unreadable;
use crate::load::source::{FileId, SourceFile};
use crate::model::Item;
use crate::model::fields::FileText;
use crate::model::records::Records;
use crate::rollup::{self, By, Totals};
use crate::rules::check::Checked;

/// What is known of one valid item at one end; its title and evidence are read from its file
/// only where they are shown.
#[derive(Clone, Copy, Debug)]
pub struct Facts<'a> {
    pub file: FileId,
    /// The file's path relative to the root.
    pub path: &'a str,
    pub status: Status,
    pub deadline: Option<Date>,
    pub rectify_by: Option<Date>,
    item: &'a Item,
    source: &'a SourceFile,
}

impl<'a> Facts<'a> {
    /// The facts of `item`, read from `records`; `None` without a status.
    pub fn of(records: &'a Records, item: &'a Item) -> Option<Facts<'a>> {
        Some(Facts {
            file: item.file,
            path: records.files.path(item.file),
            status: *item.status.as_ref()?.get_ref(),
            deadline: item.deadline.as_ref().map(|d| *d.get_ref()),
            rectify_by: item.rectify_by.as_ref().map(|d| *d.get_ref()),
            item,
            source: records.files.get(item.file),
        })
    }

    pub fn title(&self) -> Result<String, Unreadable> {
        let title = FileText::of(self.source)?.field(&self.item.title)?;
        Ok(title.unwrap_or_default())
    }

    pub fn evidence(&self) -> Result<Vec<String>, Unreadable> {
        FileText::of(self.source)?.fields(&self.item.evidence)
    }

    /// Whether `other` has the same evidence literal as this, as written (none alike): two
    /// items whose literals are the same have the same evidence, without decoding either, and
    /// two files of the same text are not even unpacked.
    pub fn same_evidence_written(&self, other: &Facts<'_>) -> bool {
        let span = |f: &Facts<'_>| f.item.evidence.as_ref().map(|e| e.span());
        let (mine, theirs) = (span(self), span(other));
        if mine == theirs && self.source.same_text(other.source) {
            return true;
        }
        // A text that does not unpack is never the same as another: its evidence is read,
        // and fails there.
        let written = |f: &Facts<'_>, span: Option<std::ops::Range<usize>>| match span {
            Some(s) => f
                .source
                .text()
                .ok()
                .and_then(|t| t.get(s).map(str::to_owned)),
            None => Some(String::new()),
        };
        matches!((written(self, mine), written(other, theirs)), (Some(a), Some(b)) if a == b)
    }
}

/// The valid items of a tree by (unit, id), and its valid units.
pub struct State<'a> {
    pub items: BTreeMap<(&'a str, &'a str), Facts<'a>>,
    pub units: BTreeSet<&'a str>,
}

impl<'a> State<'a> {
    pub fn of(checked: &'a Checked) -> State<'a> {
        let records = &checked.records;
        let bad: HashSet<FileId> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .map(|d| d.file())
            .collect();
        let mut items = BTreeMap::new();
        let mut units = BTreeSet::new();
        for (u, unit) in records.units.iter().enumerate() {
            if bad.contains(&unit.file) || !unit.readable {
                continue;
            }
            units.insert(unit.org.as_str());
            for &i in &records.unit_items[u] {
                let item = &records.items[i];
                if bad.contains(&item.file) {
                    continue;
                }
                if let Some(facts) = Facts::of(records, item) {
                    items.insert((unit.org.as_str(), item.id.as_str()), facts);
                }
            }
        }
        State { items, units }
    }
}

/// Whether going from `from` to `to` undoes work: 已完成 to anything else, 基本完成 to 未完成
/// or 效果不理想.
pub fn regressed(from: Status, to: Status) -> bool {
    match from {
        Status::Done => to != Status::Done,
        Status::MostlyDone => matches!(to, Status::Open | Status::Ineffective),
        Status::Open | Status::Ineffective => false,
    }
}

/// The dated fields whose moving later is a rebound, with their values.
pub fn dates(f: &Facts<'_>) -> [(&'static str, Option<Date>); 2] {
    [("deadline", f.deadline), ("rectify_by", f.rectify_by)]
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemRef {
    pub unit: String,
    pub id: String,
    pub title: String,
    pub status: Status,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub unit: String,
    pub id: String,
    pub title: String,
    pub from: Status,
    pub to: Status,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Moved {
    pub unit: String,
    pub id: String,
    pub title: String,
    pub field: &'static str,
    pub from: Date,
    pub to: Date,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ends {
    pub from: Totals,
    pub to: Totals,
}

/// SPEC §11's JSON of `diff`; each list sorted by unit, then id.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diff {
    /// The commit of each end; `None` for the work tree.
    pub from: Option<String>,
    pub to: Option<String>,
    pub added: Vec<ItemRef>,
    pub removed: Vec<ItemRef>,
    pub units_added: Vec<String>,
    pub units_removed: Vec<String>,
    pub status_changed: Vec<Change>,
    pub regressed: Vec<Change>,
    pub deadline_moved: Vec<Moved>,
    pub totals: Ends,
}

/// One end of a diff, summed up: its valid items and units, its totals, and which commit it
/// is (`None`: the work tree).
pub struct End<'a> {
    pub state: State<'a>,
    pub totals: Totals,
    pub commit: Option<String>,
}

impl<'a> End<'a> {
    /// The end of `checked` (at `commit`), its totals judged as of `as_of`.
    pub fn of(
        checked: &'a Checked,
        commit: Option<String>,
        as_of: Date,
    ) -> Result<End<'a>, Unreadable> {
        Ok(End {
            state: State::of(checked),
            totals: totals(checked, as_of)?,
            commit,
        })
    }
}

/// The totals of the whole tree at `end`, as `report` counts them.
pub fn totals(checked: &Checked, as_of: Date) -> Result<Totals, Unreadable> {
    let options = rollup::Options {
        org: "",
        as_of,
        public: false,
        by: By::Unit,
    };
    Ok(rollup::build(&checked.records, &checked.diagnostics, &options)?.totals)
}

pub fn diff(from: End<'_>, to: End<'_>) -> Result<Diff, Unreadable> {
    let (a, b) = (&from.state, &to.state);
    let item_ref = |(unit, id): &(&str, &str), f: &Facts<'_>| {
        Ok::<_, Unreadable>(ItemRef {
            unit: (*unit).to_owned(),
            id: (*id).to_owned(),
            title: f.title()?,
            status: f.status,
        })
    };
    let mut diff = Diff {
        from: from.commit.clone(),
        to: to.commit.clone(),
        added: Vec::new(),
        removed: Vec::new(),
        units_added: b
            .units
            .difference(&a.units)
            .map(|u| (*u).to_owned())
            .collect(),
        units_removed: a
            .units
            .difference(&b.units)
            .map(|u| (*u).to_owned())
            .collect(),
        status_changed: Vec::new(),
        regressed: Vec::new(),
        deadline_moved: Vec::new(),
        totals: Ends {
            from: from.totals.clone(),
            to: to.totals.clone(),
        },
    };
    for (key, old) in &a.items {
        let Some(new) = b.items.get(key) else {
            diff.removed.push(item_ref(key, old)?);
            continue;
        };
        if old.status != new.status {
            let change = Change {
                unit: key.0.to_owned(),
                id: key.1.to_owned(),
                title: new.title()?,
                from: old.status,
                to: new.status,
            };
            if regressed(old.status, new.status) {
                diff.regressed.push(change.clone());
            }
            diff.status_changed.push(change);
        }
        for ((field, was), (_, now)) in dates(old).into_iter().zip(dates(new)) {
            if let (Some(was), Some(now)) = (was, now)
                && now > was
            {
                diff.deadline_moved.push(Moved {
                    unit: key.0.to_owned(),
                    id: key.1.to_owned(),
                    title: new.title()?,
                    field,
                    from: was,
                    to: now,
                });
            }
        }
    }
    for (key, new) in &b.items {
        if !a.items.contains_key(key) {
            diff.added.push(item_ref(key, new)?);
        }
    }
    Ok(diff)
}
