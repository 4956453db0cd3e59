//! Reporting units (报送单位, SPEC §14): which units report to a report's org.
//!
//! A unit reports to its nearest ancestor unit, and to every unit or office its `reports_to`
//! names (by org path, by `name` or by folder name, where that names one unit only);
//! `campaign.office` is the office the whole tree reports to. The reporting units of a report
//! are those that report to its org: for the whole tree, the units with no ancestor unit and
//! those whose `reports_to` names the office; for an org that is a unit U, the units of its
//! subtree that report to U; for a folder that is not a unit (省直), the whole tree's
//! reporting units below it.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{SelfCheckCounts, UnitRow, is_within};
use crate::load::source::Unreadable;
use crate::model::fields::FileText;
use crate::model::records::Records;
use crate::model::{DEFAULT_OFFICE, Unit};

/// Whom the units of a tree report to, with what that needs of the whole tree (the office's
/// name, the units by name) worked out once.
pub struct ReportsTo<'r> {
    records: &'r Records,
    office: &'r str,
    by_name: HashMap<&'r str, Option<usize>>,
}

impl<'r> ReportsTo<'r> {
    pub fn new(records: &'r Records) -> ReportsTo<'r> {
        ReportsTo {
            records,
            office: records
                .campaign
                .as_ref()
                .map_or(DEFAULT_OFFICE, |c| c.office()),
            by_name: names(records),
        }
    }

    /// Whom `unit` reports to: the org paths of its nearest ancestor unit and of the units its
    /// `reports_to` names, and whether it reports to the office (its `reports_to` names it, or
    /// no unit is above it). `text` is its file's.
    pub fn of(
        &self,
        unit: &Unit,
        text: &FileText<'_>,
    ) -> Result<(Vec<Cow<'r, str>>, bool), Unreadable> {
        let records = self.records;
        let mut units = Vec::new();
        let mut org = unit.org.as_str();
        while let Some(cut) = org.rfind('/') {
            org = &org[..cut];
            if let Some(parent) = records.unit_by_org(org) {
                units.push(parent);
                break;
            }
        }
        let mut office_named = units.is_empty();
        for entry in text.fields(&unit.reports_to)? {
            let entry = entry.trim();
            if entry == self.office {
                office_named = true;
                continue;
            }
            let path = entry.trim_matches('/');
            let named = records
                .unit_by_org(path)
                .or_else(|| self.by_name.get(entry).copied().flatten());
            if let Some(named) = named.filter(|n| !units.contains(n)) {
                units.push(named);
            }
        }
        let paths = units
            .into_iter()
            .map(|i| Cow::Borrowed(records.units[i].org.as_str()))
            .collect();
        Ok((paths, office_named))
    }
}

/// Marks the reporting units among `units` (all within `base`, the report's org path; `""` for
/// the whole tree) in their totals, from what each one reports to: for an org that is a unit
/// of the list, the units that report to it; else those that report to the office.
pub fn mark(units: &mut [UnitRow<'_>], base: &str) {
    let is_unit = !base.is_empty() && units.iter().any(|u| u.org == base);
    for unit in units {
        let totals = &mut unit.totals;
        totals.reporting_units = 0;
        totals.late_filed = 0;
        totals.reporting_self_check = SelfCheckCounts::default();
        let reporting = if is_unit {
            unit.org != base && unit.reports_to.iter().any(|to| to == base)
        } else {
            unit.reports_to_office && is_within(&unit.org, base)
        };
        if reporting {
            totals.reporting(unit.self_check, unit.filed_late);
        }
    }
}

/// Each unit by its org path's last component and by its `name`; a name two units share
/// names neither.
fn names(records: &Records) -> HashMap<&str, Option<usize>> {
    let mut names: HashMap<&str, Option<usize>> = HashMap::new();
    for (index, unit) in records.units.iter().enumerate() {
        let folder = unit.org.rsplit('/').next().unwrap_or(&unit.org);
        let name = unit.name.as_ref().map(|n| n.get_ref().as_str());
        for key in std::iter::once(folder).chain(name) {
            names
                .entry(key)
                .and_modify(|seen| {
                    if *seen != Some(index) {
                        *seen = None;
                    }
                })
                .or_insert(Some(index));
        }
    }
    names
}
