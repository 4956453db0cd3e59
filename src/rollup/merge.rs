//! `merge` and `report --from`: stored reports added up without their records (SPEC §13).
//!
//! The inputs become the children of one report, each named by the last component of its `org`
//! (a report on `--org 杭州市` is 杭州市, whatever its campaign's region), else its
//! `campaign.region` (the whole tree of a province's repository), else its file's stem. An input's org paths (of its units, its
//! listed items and their lead units, its left-out files) are taken below its org and put below
//! its name: `杭州市/西湖区` of a report named 浙江省 becomes `浙江省/杭州市/西湖区`, and the units
//! of a report on `--org 杭州市` keep `杭州市/…`. Every count is the sum of the inputs' counts
//! and every rate is recomputed from them by [`super::assemble`], the code that adds up a
//! records tree; so a merged report is a report like any other, and merges again.

use std::borrow::Cow;

use rayon::prelude::*;

use super::{CampaignInfo, Report, assemble, is_within};
use crate::text::i18n::Msg;
use crate::text::messages::stored::StoredMsg;

/// One stored report and the file it came from, as the user named it.
pub struct Input {
    pub file: String,
    pub report: Report<'static>,
}

/// Why inputs cannot be merged: a message, and a help line where there is one.
pub type MergeError = (Msg, Option<Msg>);

/// The name a report has among the children of a merged one.
pub fn name_of(input: &Input) -> String {
    let report = &input.report;
    // The region names the whole tree; a report on one org of it is that org.
    if let Some(org) = &report.org {
        return org.rsplit('/').next().unwrap_or(org).to_owned();
    }
    if let Some(region) = &report.campaign.region {
        return region.clone();
    }
    std::path::Path::new(&input.file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Where `path` (an org path or a file of an input on `org`) goes in the merged report.
fn relocate(name: &str, org: &str, path: &str) -> String {
    if !is_within(path, org) {
        return path.to_owned();
    }
    // Below the org's parent, the org's own name is replaced by the input's.
    let below = if org.is_empty() {
        path
    } else {
        path[org.len()..].trim_start_matches('/')
    };
    if below.is_empty() {
        name.to_owned()
    } else {
        format!("{name}/{below}")
    }
}

/// Two inputs of which one already holds the other (全国.json and the 浙江.json added up into
/// it): the files of the holder and of the one it holds. One unit of each input stands for it,
/// where it lands under the input's name (`浙江省/杭州市/…`): another input that has a unit at
/// that path below one of its own folders holds it, and would count it twice.
fn overlap(named: &[(String, Input)]) -> Option<(&str, &str)> {
    // Where each input's first unit lands, found by the input's name.
    let at: std::collections::HashMap<&str, (usize, String)> = named
        .iter()
        .enumerate()
        .filter_map(|(i, (name, input))| {
            let unit = input.report.units.first()?;
            let org = input.report.org.as_deref().unwrap_or("");
            Some((name.as_str(), (i, relocate(name, org, &unit.org))))
        })
        .collect();
    // Each unit of each input, from each of its folders that bears another input's name on:
    // one pass over the folders of every unit.
    for (i, (_, holder)) in named.iter().enumerate() {
        for unit in &holder.report.units {
            let mut rest: &str = &unit.org;
            loop {
                let (folder, below) = rest.split_once('/').unwrap_or((rest, ""));
                if let Some((j, path)) = at.get(folder)
                    && *j != i
                    && path == rest
                {
                    return Some((&holder.file, &named[*j].1.file));
                }
                if below.is_empty() {
                    break;
                }
                rest = below;
            }
        }
    }
    None
}

/// The campaign field `field` of the inputs, where every one has the same.
fn same(
    named: &[(String, Input)],
    field: impl Fn(&CampaignInfo) -> &Option<String>,
) -> Option<String> {
    let (_, first) = named.first()?;
    let value = field(&first.report.campaign);
    named
        .iter()
        .all(|(_, i)| field(&i.report.campaign) == value)
        .then(|| value.clone())
        .flatten()
}

fn shown<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Merges `inputs` into one report named `name` (its `campaign.region`). Refuses inputs of
/// different campaigns, schemas or (unless `mixed_dates`) as-of dates, and two inputs of one
/// name, naming the two files.
pub fn merge(
    inputs: Vec<Input>,
    name: Option<&str>,
    mixed_dates: bool,
) -> Result<Report<'static>, MergeError> {
    let mut named = named_inputs(inputs, name)?;
    let Some((_, first)) = named.first() else {
        return Err((StoredMsg::MergeTooLarge.into(), None));
    };
    refuse_differences(first, &named[1..], mixed_dates)?;
    // Every count is at most `items` or `units` (each stored report was checked), so these two
    // sums bound every sum.
    let sum =
        |f: fn(&Report) -> u32| -> u64 { named.iter().map(|(_, i)| u64::from(f(&i.report))).sum() };
    let max = u64::from(u32::MAX);
    if sum(|r| r.totals.units) > max || sum(|r| r.totals.counts.items) > max {
        return Err((StoredMsg::MergeTooLarge.into(), None));
    }

    let first = &first.report;
    let campaign = merged_campaign(first, &named, name);
    let as_of = named
        .iter()
        .map(|(_, i)| i.report.as_of)
        .max()
        .unwrap_or(first.as_of);
    let public = named.iter().all(|(_, i)| i.report.public);
    let areas = first.by_area.iter().map(|a| (a.area, a.title.clone()));
    let mut merged = Report::new(campaign, None, as_of, public, areas);
    gather_lists(&mut merged, &mut named);
    sort(&mut merged);
    assemble(&mut merged, false);
    Ok(merged)
}

/// Moves the lists of every input (its units, its listed items, its left-out files) into
/// `merged`, their org paths below the input's name.
fn gather_lists(merged: &mut Report<'static>, named: &mut [(String, Input)]) {
    // Each input's paths are moved below its name on a thread of its own; then the lists are
    // put together, each at its whole size at once rather than grown report by report.
    named
        .par_iter_mut()
        .for_each(|(name, input)| relocate_all(name, &mut input.report));
    let total = |len: fn(&Report) -> usize| named.iter().map(|(_, i)| len(&i.report)).sum();
    merged.units.reserve_exact(total(|r| r.units.len()));
    merged
        .overdue_items
        .reserve_exact(total(|r| r.overdue_items.len()));
    merged
        .ineffective_items
        .reserve_exact(total(|r| r.ineffective_items.len()));
    merged
        .linked_items
        .reserve_exact(total(|r| r.linked_items.len()));
    merged.left_out.reserve_exact(total(|r| r.left_out.len()));
    // Each input's lists are let go as soon as they are moved, rather than all at the end.
    for (_, input) in named.iter_mut() {
        let report = &mut input.report;
        merged.units.extend(std::mem::take(&mut report.units));
        merged
            .overdue_items
            .extend(std::mem::take(&mut report.overdue_items));
        merged
            .ineffective_items
            .extend(std::mem::take(&mut report.ineffective_items));
        merged
            .linked_items
            .extend(std::mem::take(&mut report.linked_items));
        merged.left_out.extend(std::mem::take(&mut report.left_out));
        merged.after_as_of = merged.after_as_of.saturating_add(report.after_as_of);
    }
}

/// The inputs, each with its name (`name_of`), in pinyin order; refused where `name` or an
/// input's name is no folder name, where two inputs have one name, or where one holds another.
fn named_inputs(
    mut inputs: Vec<Input>,
    name: Option<&str>,
) -> Result<Vec<(String, Input)>, MergeError> {
    // The merged report is an org among others when it is merged again: its name follows the
    // rule of an org's folder name, as each input's does.
    if let Some(name) = name
        && !crate::load::discover::portable_name(name)
    {
        return Err((
            StoredMsg::NameInvalid {
                name: name.to_owned(),
            }
            .into(),
            Some(StoredMsg::NameRulesHelp.into()),
        ));
    }
    let mut named: Vec<(String, Input)> = Vec::with_capacity(inputs.len());
    for input in inputs.drain(..) {
        let name = name_of(&input);
        if !crate::load::discover::portable_name(&name) {
            return Err((
                StoredMsg::MergeNameInvalid {
                    path: input.file,
                    name,
                }
                .into(),
                Some(StoredMsg::NameRulesHelp.into()),
            ));
        }
        named.push((name, input));
    }
    // In pinyin order, as siblings of a tree without an `order` are.
    named.sort_by_cached_key(|(name, _)| (super::order::pinyin_key(name), name.clone()));
    for pair in named.windows(2) {
        if pair[0].0 == pair[1].0 {
            return Err((
                StoredMsg::MergeSameName {
                    a: pair[0].1.file.clone(),
                    b: pair[1].1.file.clone(),
                    name: pair[0].0.clone(),
                }
                .into(),
                Some(StoredMsg::MergeSameNameHelp.into()),
            ));
        }
    }
    if let Some((holder, held)) = overlap(&named) {
        return Err((
            StoredMsg::MergeOverlap {
                holder: holder.to_owned(),
                held: held.to_owned(),
            }
            .into(),
            Some(StoredMsg::MergeOverlapHelp.into()),
        ));
    }
    Ok(named)
}

/// Refuses inputs whose campaign, schema or (unless `mixed_dates`) as-of date differ from the
/// first's, naming the two files and what differs.
fn refuse_differences(
    first: &Input,
    others: &[(String, Input)],
    mixed_dates: bool,
) -> Result<(), MergeError> {
    let areas = |r: &Report| -> Vec<(i64, String)> {
        r.by_area
            .iter()
            .map(|a| (a.area, a.title.clone()))
            .collect()
    };
    for (_, other) in others {
        let (a, b) = (&first.report, &other.report);
        let differs: [(&str, String, String, bool); 5] = [
            (
                "campaign.name",
                shown(&a.campaign.name),
                shown(&b.campaign.name),
                true,
            ),
            (
                "campaign.document",
                shown(&a.campaign.document),
                shown(&b.campaign.document),
                true,
            ),
            (
                "campaign.schema_sha256",
                shown(&a.campaign.schema_sha256),
                shown(&b.campaign.schema_sha256),
                true,
            ),
            ("by_area", shown(&areas(a)), shown(&areas(b)), true),
            (
                "as_of",
                a.as_of.to_string(),
                b.as_of.to_string(),
                !mixed_dates,
            ),
        ];
        for (what, left, right, refused) in differs {
            if refused && left != right {
                return Err((
                    StoredMsg::MergeDiffers {
                        a: first.file.clone(),
                        b: other.file.clone(),
                        what: what.to_owned(),
                        left,
                        right,
                    }
                    .into(),
                    Some(StoredMsg::MergeDiffersHelp.into()),
                ));
            }
        }
    }
    Ok(())
}

/// The campaign of the merged report: the first input's, its region `name` (or the region of
/// the parts of one tree), the deadline, office and addressee where every input has the same.
fn merged_campaign(first: &Report, named: &[(String, Input)], name: Option<&str>) -> CampaignInfo {
    let deadline = first.campaign.deadline;
    let same_deadline = named
        .iter()
        .all(|(_, i)| i.report.campaign.deadline == deadline);
    // Without --name, the parts of one tree (reports on its orgs, of one region) make up that
    // region again.
    let region = first.campaign.region.clone();
    let parts_of_one_region = region.is_some()
        && named
            .iter()
            .all(|(_, i)| i.report.org.is_some() && i.report.campaign.region == region);
    CampaignInfo {
        name: first.campaign.name.clone(),
        document: first.campaign.document.clone(),
        plan: first.campaign.plan.clone(),
        region: name
            .map(str::to_owned)
            .or(region.filter(|_| parts_of_one_region)),
        deadline: deadline.filter(|_| same_deadline),
        // The office and the addressee of the 情况报告, where every input names the same.
        office: same(named, |c| &c.office),
        addressee: same(named, |c| &c.addressee),
        schema_sha256: first.campaign.schema_sha256.clone(),
    }
}

/// Puts the org paths of `report` (of its units, its listed items and their lead units, its
/// left-out files) below `name`.
fn relocate_all(name: &str, report: &mut Report<'static>) {
    let org = report.org.clone().unwrap_or_default();
    let at = |path: &str| relocate(name, &org, path);
    for unit in &mut report.units {
        unit.org = Cow::Owned(at(&unit.org));
        for to in &mut unit.reports_to {
            *to = at(to).into();
        }
    }
    for item in report
        .overdue_items
        .iter_mut()
        .chain(&mut report.ineffective_items)
    {
        item.unit = Cow::Owned(at(&item.unit));
    }
    for item in &mut report.linked_items {
        item.unit = Cow::Owned(at(&item.unit));
        item.lead_unit = at(&item.lead_unit);
    }
    for left in &mut report.left_out {
        left.file = if is_within(&left.file, &org) {
            at(&left.file)
        } else {
            format!("{name}/{}", left.file)
        };
    }
}

/// Left-out files by path. The units and the listed items keep their order: each input's own
/// (the office's, within it), the inputs in the order of their names.
fn sort(report: &mut Report<'_>) {
    sort_by_key(&mut report.left_out, |l| &l.file);
}

/// A stable sort of `list` by `key`, which the lists of inputs put together in the order of
/// their names nearly always are already: then nothing is moved, and no room is taken for it.
fn sort_by_key<T, K: Ord + ?Sized>(list: &mut [T], key: impl Fn(&T) -> &K) {
    if !list.is_sorted_by(|a, b| key(a) <= key(b)) {
        list.sort_by(|a, b| key(a).cmp(key(b)));
    }
}

/// The part of a stored report at or below `org` (an org path of it), as `report --org` would
/// have made it; with `by_org`, every folder's row too. `led_items` are the listed items whose
/// lead unit is within `org`: a stored report lists the linked items of its own subtree only.
pub fn within(mut report: Report<'static>, org: &str, by_org: bool) -> Report<'static> {
    let mut led: Vec<_> = report
        .linked_items
        .iter()
        .filter(|l| is_within(&l.lead_unit, org))
        .cloned()
        .collect();
    // In the order of the units, the report's own (the office's).
    let place = report.unit_places();
    let at = |org: &str| {
        (
            place.get(org).copied().unwrap_or(usize::MAX),
            org.to_owned(),
        )
    };
    led.sort_by_cached_key(|l| (at(&l.lead_unit), at(&l.unit), l.id.clone()));
    report.led_items = led;
    if report.org.as_deref().unwrap_or("") != org {
        report.units.retain(|u| is_within(&u.org, org));
        report.overdue_items.retain(|d| is_within(&d.unit, org));
        report.ineffective_items.retain(|d| is_within(&d.unit, org));
        report.linked_items.retain(|l| is_within(&l.unit, org));
        report
            .left_out
            .retain(|l| !l.file.contains('/') || is_within(&l.file, org));
        report.org = (!org.is_empty()).then(|| org.to_owned());
    }
    assemble(&mut report, by_org);
    report
}

/// Every folder of a stored report that holds units: its units' folders and their ancestors
/// below the report's org, for `--org`.
pub fn folders(report: &Report<'_>) -> Vec<String> {
    let base = report.org.as_deref().unwrap_or("");
    let mut folders = super::folders_holding(report.units.iter().map(|u| &*u.org));
    folders.retain(|f| is_within(f, base));
    folders
}
