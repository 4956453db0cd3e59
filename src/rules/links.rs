//! Rules between files: an item's unit, ids unique within a unit, and `[linkage]` targets.

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic, Label};
use crate::i18n::Msg;
use crate::model::fields::did_you_mean;
use crate::records::Records;

pub fn check(records: &Records, out: &mut Vec<Diagnostic>) {
    let mut ids: HashMap<(usize, &str), usize> = HashMap::new();
    for (index, item) in records.items.iter().enumerate() {
        let Some(unit) = records.unit_of[index] else {
            out.push(
                Diagnostic::whole_file(Code::OrphanItem, item.file, Msg::OrphanItem)
                    .with_help(Msg::OrphanItemHelp),
            );
            continue;
        };
        // Items are in path order, so the first of two is the one "defined first".
        if let Some(&first) = ids.get(&(unit, item.id.as_str())) {
            let other = &records.items[first];
            let msg = Msg::DuplicateItemId {
                id: item.id.clone(),
                other: records.files.path(other.file).to_owned(),
            };
            out.push(
                Diagnostic::new(Code::DuplicateItemId, item.file, item.id_span.clone(), msg)
                    .with_label(Label {
                        file: other.file,
                        span: other.id_span.clone().unwrap_or(0..0),
                        message: Msg::FirstDefinedHere,
                    }),
            );
        } else {
            ids.insert((unit, item.id.as_str()), index);
        }

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
