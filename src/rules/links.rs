//! Rules between files: an item's unit, ids unique within a unit, and `[linkage]` targets.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::Found;
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::i18n::Msg;
use crate::records::Records;
use crate::suggest::Suggester;

pub fn check(records: &Records, out: &mut Found<'_>) {
    // Ids are unique within a unit: one small map, reused unit by unit.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for members in &records.unit_items {
        ids.clear();
        // A unit's items are in path order, so the first of two is the one "defined first".
        for &index in members {
            let item = &records.items[index];
            let Some(&first) = ids.get(item.id.as_str()) else {
                ids.insert(item.id.as_str(), index);
                continue;
            };
            let other = &records.items[first];
            let msg = Msg::DuplicateItemId {
                id: item.id.to_string(),
                other: records.files.path(other.file).to_owned(),
            };
            out.push(
                Diagnostic::new(
                    Code::DuplicateItemId,
                    item.file,
                    item.id_span.map(|s| s.span()),
                    msg,
                )
                .with_label(Label {
                    file: other.file,
                    span: other.id_span.map_or(0..0, |s| s.span()),
                    message: Msg::FirstDefinedHere,
                }),
            );
        }
    }
    // Both asked once per unknown `lead_unit`, and built on the first question.
    let orgs = Suggester::new(records.units.iter().map(|u| u.org.as_str()));
    let by_folder: OnceCell<HashMap<&str, Vec<&str>>> = OnceCell::new();
    for (index, item) in records.items.iter().enumerate() {
        let Some(unit) = records.unit_of[index] else {
            out.push(
                Diagnostic::whole_file(Code::OrphanItem, item.file, Msg::OrphanItem)
                    .with_help(Msg::OrphanItemHelp),
            );
            continue;
        };
        let Some(lead) = item.linkage.as_ref().and_then(|l| l.lead_unit.as_ref()) else {
            continue;
        };
        let wanted = lead.get_ref().trim().trim_matches('/');
        match records.unit_by_org(wanted) {
            Some(u) if u == unit => {
                let msg = Msg::SelfLeadUnit {
                    lead_unit: lead.get_ref().clone(),
                };
                out.push(
                    Diagnostic::at(Code::SelfLeadUnit, item.file, lead.span(), msg)
                        .with_help(Msg::LeadUnitHelp),
                );
            }
            Some(_) => {}
            None => {
                let by_folder = by_folder.get_or_init(|| {
                    let mut map: HashMap<&str, Vec<&str>> = HashMap::new();
                    for unit in &records.units {
                        let folder = unit.org.rsplit('/').next().unwrap_or(&unit.org);
                        map.entry(folder).or_default().push(&unit.org);
                    }
                    map
                });
                let suggestion = if let Some([org]) = by_folder.get(wanted).map(Vec::as_slice) {
                    Some(*org)
                } else {
                    orgs.closest(wanted)
                };
                let help = suggestion.map_or(Msg::LeadUnitHelp, |s| Msg::DidYouMean {
                    suggestion: s.to_owned(),
                });
                let msg = Msg::UnknownLeadUnit {
                    lead_unit: lead.get_ref().clone(),
                };
                out.push(
                    Diagnostic::at(Code::UnknownLeadUnit, item.file, lead.span(), msg)
                        .with_help(help),
                );
            }
        }
    }
}
