//! Rules between files: an item's unit, ids unique within a unit, and `[linkage]` targets.

use std::collections::HashMap;

use super::Found;
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::i18n::Msg;
use crate::model::fields::did_you_mean;
use crate::records::Records;

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
                let orgs = records.units.iter().map(|u| u.org.as_str());
                let by_folder = records
                    .units
                    .iter()
                    .map(|u| u.org.as_str())
                    .filter(|org| org.rsplit('/').next() == Some(wanted));
                let mut named: Vec<&str> = by_folder.collect();
                let suggestion = if named.len() == 1 {
                    named.pop()
                } else {
                    did_you_mean(wanted, orgs)
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
