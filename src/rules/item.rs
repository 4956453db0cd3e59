//! Rules about one item: its area and points, its status, its source and owner, its dates.

use std::ops::Range;

use super::{Context, Found, Points};
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::model::enums::{Enumeration, Owner, Satisfaction, Source, Status};
use crate::model::{Item, Sp, Text, TextList};
use crate::records::Records;
use crate::status;

pub fn check(records: &Records, cx: &Context, points: &Points<'_>, out: &mut Found<'_>) {
    for item in &records.items {
        if let Some(schema) = &records.schema {
            if let Some(area) = &item.area
                && schema.area(*area.get_ref()).is_none()
            {
                let msg = Msg::UnknownArea {
                    area: area.get_ref().to_string(),
                    known: schema.area_list(),
                };
                out.push(Diagnostic::at(
                    Code::UnknownPoint,
                    item.file,
                    area.span(),
                    msg,
                ));
            }
            for point in &item.points {
                if points.get(point.get_ref()).is_none() {
                    out.push(points.unknown(item.file, point));
                }
            }
        }
        status_rules(item, cx, out);
        source_rules(item, out);
    }
}

fn status_rules(item: &Item, cx: &Context, out: &mut Found<'_>) {
    let Some(status) = &item.status else { return };
    let needs = |out: &mut Found<'_>, key: &str, present: bool| {
        if !present {
            let msg = Msg::StatusNeedsField {
                status: status.get_ref().label().to_owned(),
                key: key.to_owned(),
            };
            out.push(Diagnostic::at(
                Code::StatusNeedsField,
                item.file,
                status.span(),
                msg,
            ));
        }
    };
    let non_empty = |list: &Option<Sp<TextList>>| list.as_ref().is_some_and(|l| l.get_ref().filled);
    match status.get_ref() {
        Status::Done => {
            needs(out, "completed_on", item.completed_on.is_some());
            needs(out, "evidence", non_empty(&item.evidence));
            if let Some(s) = item
                .satisfaction
                .as_ref()
                .filter(|s| *s.get_ref() == Satisfaction::Unsatisfied)
            {
                out.push(
                    Diagnostic::at(
                        Code::UnsatisfiedDone,
                        item.file,
                        s.span(),
                        Msg::UnsatisfiedDone,
                    )
                    .with_help(Msg::UnsatisfiedDoneHelp),
                );
            }
        }
        Status::MostlyDone => {
            needs(out, "completed_on", item.completed_on.is_some());
            needs(
                out,
                "consolidation",
                item.consolidation
                    .as_ref()
                    .is_some_and(|c| !c.get_ref().blank),
            );
        }
        Status::Ineffective => needs(out, "rectify_by", item.rectify_by.is_some()),
        Status::Open => {
            needs(
                out,
                "responsible",
                item.responsible
                    .as_ref()
                    .is_some_and(|r| !r.get_ref().blank),
            );
            needs(out, "measures", non_empty(&item.measures));
        }
    }
    if let Some(completed_on) = &item.completed_on {
        let on = *completed_on.get_ref();
        if on > cx.as_of {
            let msg = Msg::CompletedAfterAsOf {
                completed_on: on.to_string(),
                as_of: cx.as_of.to_string(),
            };
            out.push(Diagnostic::at(
                Code::CompletedAfterAsOf,
                item.file,
                completed_on.span(),
                msg,
            ));
        }
        let finished = matches!(status.get_ref(), Status::Done | Status::MostlyDone);
        if let (true, Some(deadline)) = (finished, &item.deadline)
            && on > *deadline.get_ref()
        {
            let msg = Msg::LateCompletion {
                completed_on: on.to_string(),
                deadline: deadline.get_ref().to_string(),
            };
            out.push(Diagnostic::at(
                Code::LateCompletion,
                item.file,
                completed_on.span(),
                msg,
            ));
        }
    }
    if let (Some(days), Some(due)) = (status::days_overdue(item, cx.as_of), status::due(item)) {
        let span = due_span(item).unwrap_or_else(|| status.span());
        let msg = Msg::Overdue {
            status: status.get_ref().label().to_owned(),
            due: due.to_string(),
            days,
        };
        out.push(Diagnostic::at(Code::Overdue, item.file, span, msg).with_help(Msg::OverdueHelp));
    }
}

fn due_span(item: &Item) -> Option<Range<usize>> {
    match item.status.as_ref()?.get_ref() {
        Status::Ineffective => item.rectify_by.as_ref().map(|d| d.span()),
        _ => item.deadline.as_ref().map(|d| d.span()),
    }
}

fn source_rules(item: &Item, out: &mut Found<'_>) {
    let mut needs = |key_value: String, span: Range<usize>, key: &str, present: bool| {
        if !present {
            let msg = Msg::SourceNeedsField {
                key_value,
                key: key.to_owned(),
            };
            out.push(Diagnostic::at(Code::SourceNeedsField, item.file, span, msg));
        }
    };
    let filled = |s: &Option<Sp<Text>>| s.as_ref().is_some_and(|s| !s.get_ref().blank);
    if let Some(source) = &item.source {
        let key_value = format!("source = \"{}\"", source.get_ref().label());
        match source.get_ref() {
            Source::SpecialTask => needs(
                key_value,
                source.span(),
                "special_task",
                filled(&item.special_task),
            ),
            Source::NewlyFound => needs(
                key_value,
                source.span(),
                "found_on",
                item.found_on.is_some(),
            ),
            _ => {}
        }
    }
    if let Some(owner) = item
        .owner
        .as_ref()
        .filter(|o| *o.get_ref() == Owner::Person)
    {
        let key_value = format!("owner = \"{}\"", Owner::Person.label());
        needs(key_value, owner.span(), "person", filled(&item.person));
    }
}
