//! Rules about a unit's self-check: answers against the schema, completeness, the report
//! file, reviews, and the campaign deadline.

use std::collections::HashSet;
use std::path::Path;

use super::{Context, Found, Points};
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::i18n::Msg;
use crate::model::Unit;
use crate::model::enums::{Answer, Enumeration};
use crate::records::{Records, normalize_inside};
use crate::status::SelfCheckState;

pub fn check(records: &Records, cx: &Context, points: &Points<'_>, out: &mut Found<'_>) {
    let deadline = records
        .campaign
        .as_ref()
        .and_then(|c| c.deadline.as_ref())
        .map(|d| *d.get_ref());
    for (index, unit) in records.units.iter().enumerate() {
        answers(records, index, unit, points, out);
        report_file(records, unit, out);
        // Whether a unit that could not be read, or whose submission date could not, has
        // submitted is unknown, not "missing": the error already says what to fix.
        let unknown = !unit.readable
            || unit
                .self_check
                .as_ref()
                .is_some_and(|s| s.submitted_unreadable);
        if unknown {
            continue;
        }
        reviews(unit, out);
        let Some(deadline) = deadline else {
            continue;
        };
        match SelfCheckState::of(unit, Some(deadline), cx.as_of) {
            SelfCheckState::Late => {
                if let Some(on) = unit
                    .self_check
                    .as_ref()
                    .and_then(|s| s.submitted_on.as_ref())
                {
                    let msg = Msg::LateReport {
                        submitted_on: on.get_ref().to_string(),
                        deadline: deadline.to_string(),
                    };
                    out.push(Diagnostic::at(Code::LateReport, unit.file, on.span(), msg));
                }
            }
            SelfCheckState::Missing => {
                let span = unit.self_check.as_ref().map(|s| s.span.clone());
                let msg = Msg::MissingReport {
                    deadline: deadline.to_string(),
                };
                out.push(
                    Diagnostic::new(Code::MissingReport, unit.file, span, msg)
                        .with_help(Msg::MissingReportHelp),
                );
            }
            SelfCheckState::Submitted | SelfCheckState::Pending => {}
        }
    }
}

fn answers(records: &Records, index: usize, unit: &Unit, points: &Points<'_>, out: &mut Found<'_>) {
    let (Some(schema), Some(self_check)) = (&records.schema, &unit.self_check) else {
        return;
    };
    let kind = unit
        .category
        .as_ref()
        .map(|c| *c.get_ref())
        .zip(unit.batch.as_ref().map(|b| *b.get_ref()));
    let mut answered = HashSet::new();
    for entry in &self_check.answers {
        let id = entry.point.get_ref();
        answered.insert(id.as_str());
        let Some(point) = points.get(id) else {
            out.push(points.unknown(unit.file, &entry.point));
            continue;
        };
        if let Some((category, batch)) = kind
            && !point.applies(category, batch)
        {
            let msg = Msg::PointNotApplicable {
                id: id.to_string(),
                category: category.label().to_owned(),
                batch,
            };
            let help = point
                .applies_to
                .is_empty()
                .then_some(Msg::PointAnsweredByItems);
            out.push(
                Diagnostic::at(Code::PointNotApplicable, unit.file, entry.point.span(), msg)
                    .with_help(help),
            );
            continue;
        }
        let Some(answer) = &entry.answer else {
            continue;
        };
        if matches!(answer.get_ref(), Answer::No | Answer::Partly) {
            let covered = records.unit_items[index]
                .iter()
                .any(|&i| records.items[i].points.iter().any(|p| p.get_ref() == id));
            if !covered {
                let msg = Msg::UncoveredAnswer {
                    point: id.to_string(),
                    answer: answer.get_ref().label().to_owned(),
                };
                let help = Msg::UncoveredAnswerHelp {
                    point: id.to_string(),
                };
                out.push(
                    Diagnostic::at(Code::UncoveredAnswer, unit.file, entry.point.span(), msg)
                        .with_help(help),
                );
            }
        }
    }
    let (Some(submitted), Some((category, batch))) = (&self_check.submitted_on, kind) else {
        return;
    };
    let missing: Vec<&str> = schema
        .points
        .iter()
        .filter(|p| p.applies(category, batch) && !answered.contains(p.id.as_str()))
        .map(|p| p.id.as_str())
        .collect();
    if !missing.is_empty() {
        let span = self_check
            .answers_span
            .clone()
            .unwrap_or_else(|| submitted.span());
        let msg = Msg::UnansweredPoints {
            points: missing.join(", "),
        };
        out.push(
            Diagnostic::at(Code::UnansweredPoints, unit.file, span, msg)
                .with_help(Msg::UnansweredHelp),
        );
    }
}

fn report_file(records: &Records, unit: &Unit, out: &mut Found<'_>) {
    let Some(report) = unit.self_check.as_ref().and_then(|s| s.report.as_ref()) else {
        return;
    };
    let written = report.get_ref();
    let Some(inside) = normalize_inside(written) else {
        let msg = Msg::ReportOutsideUnit {
            path: written.clone(),
        };
        out.push(
            Diagnostic::at(Code::ReportOutsideUnit, unit.file, report.span(), msg)
                .with_help(Msg::ReportOutsideHelp),
        );
        return;
    };
    // Look at each step without following links, so nothing outside the unit's folder is read.
    let mut path = records.root.join(&unit.org);
    for part in inside.split('/') {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let msg = Msg::ReportLink {
                    path: written.clone(),
                };
                out.push(
                    Diagnostic::at(Code::ReportOutsideUnit, unit.file, report.span(), msg)
                        .with_help(Msg::ReportOutsideHelp),
                );
                return;
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    if !Path::new(&path).is_file() {
        let msg = Msg::ReportMissing {
            path: written.clone(),
        };
        out.push(Diagnostic::at(
            Code::ReportMissing,
            unit.file,
            report.span(),
            msg,
        ));
    }
}

fn reviews(unit: &Unit, out: &mut Found<'_>) {
    let submitted = unit
        .self_check
        .as_ref()
        .and_then(|s| s.submitted_on.as_ref());
    for review in &unit.reviews {
        let Some(on) = &review.on else { continue };
        match submitted {
            None => out.push(Diagnostic::at(
                Code::ReviewWithoutSubmission,
                unit.file,
                on.span(),
                Msg::ReviewWithoutSubmission,
            )),
            Some(submitted) if on.get_ref() < submitted.get_ref() => {
                let msg = Msg::ReviewBeforeSubmission {
                    on: on.get_ref().to_string(),
                    submitted_on: submitted.get_ref().to_string(),
                };
                out.push(
                    Diagnostic::at(Code::ReviewBeforeSubmission, unit.file, on.span(), msg)
                        .with_label(Label {
                            file: unit.file,
                            span: submitted.span(),
                            message: Msg::SubmittedHere,
                        }),
                );
            }
            Some(_) => {}
        }
    }
}
