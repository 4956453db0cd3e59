//! `report --format docx` (SPEC §15): the 情况报告 the office files, one Word document in the
//! layout GB/T 9704-2012 gives a 报告.
//!
//! What it holds, in order: the title (关于……情况的报告), the 主送 line, the opening paragraph
//! the HTML report opens with ([`ReportMsg::Summary`]), 一、总体进展 (one sentence a figure, see
//! [`progress`]), 二、存在的问题 (the overdue, ineffective and 不满意 items summed up),
//! 三、下一步打算 and the 主要做法 as marked placeholders for the office's own prose
//! (【请填写：……】), the 附件说明, the 落款 and the date (二〇一五年三月十日); then the 附件 on
//! landscape pages: the children table, the reporting units' self-checks, the items, and the
//! 通报 proposals (internal only). A public report (公示稿) has no 附件4 and no names.
//!
//! Every number and list comes from the [`Report`] and every table from [`rows`]; every word
//! is a [`DocxMsg`] (the document's own sentences), a [`ReportMsg`] or a [`Term`]. The page,
//! the styles and the package are [`ooxml`]'s.

mod ooxml;

use std::io;

use ooxml::{Body, CHAR, Indent, Page, Style};

use crate::diagnostic::outcome::Fatal;
use crate::render::Options;
use crate::render::markdown::ordinal;
use crate::render::rows::{self, Table};
use crate::render::{covered, folder_name, notes};
use crate::rollup::{Report, Totals};
use crate::text::i18n::{Lang, Term, zh_date_numerals};
use crate::text::messages::docx::DocxMsg;
use crate::text::messages::report::ReportMsg;
use crate::text::messages::run::RunMsg;

/// Table text on the landscape pages: 五号 (10.5 pt); a table of many columns (the children
/// table) 小五 (9 pt).
const TABLE_TEXT: u32 = 21;
const WIDE_TABLE_TEXT: u32 = 18;
/// How many units a sentence of 存在的问题 names before it counts the rest (等X个单位).
const NAMED_UNITS: usize = 5;

/// The document's bytes. The report must have been built with [`rows::By::Item`], so that it
/// holds every item for 附件3 (a stored report has none: 附件3 then says 无).
pub fn render(report: &Report, lang: Lang) -> io::Result<Vec<u8>> {
    let unreadable = crate::render::FirstUnreadable::default();
    let document = document(report, lang, &unreadable).map_err(|e| {
        Fatal::from(RunMsg::DocxFailed {
            detail: e.to_string(),
        })
        .into_io()
    })?;
    unreadable.result()?;
    Ok(document)
}

/// `report --format docx`: [`render`], written to `out`.
pub fn report(report: &mut Report, options: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(&render(report, options.lang)?)
}

fn document(
    report: &Report,
    lang: Lang,
    unreadable: &crate::render::FirstUnreadable,
) -> io::Result<Vec<u8>> {
    let mut body = Body::new()?;
    let audience = rows::Audience::of(report, lang);
    let annexes = annexes(report, lang);
    letter(&mut body, report, lang, &annexes)?;
    for (n, annex) in annexes.iter().enumerate() {
        // Each attachment opens a section of its own, so it starts a fresh landscape page; the
        // section before ends here (the letter portrait, the other attachments landscape).
        body.section_break(if n == 0 {
            Page::Portrait
        } else {
            Page::Landscape
        })?;
        body.para(Style::Label, &DocxMsg::Attachment { n: n + 1 }.text(lang))?;
        body.para(Style::Title, annex.title.text(lang))?;
        body.para(
            Style::Subtitle,
            &DocxMsg::AnnexAsOf {
                as_of: report.as_of.to_string(),
            }
            .text(lang),
        )?;
        for (i, (heading, table)) in annex.tables.iter().enumerate() {
            if let Some(heading) = heading {
                body.para(Style::Heading2, heading.text(lang))?;
            }
            match table {
                Listing::Table(table) if table.rows.is_empty() => {
                    body.para(Style::Body, Term::None.text(lang))?;
                }
                Listing::Table(table) => body.table(
                    &table.headers,
                    || table.rows.iter(),
                    Page::Landscape,
                    annex.size,
                    lang,
                )?,
                Listing::Items if report.items.is_empty() => {
                    body.para(Style::Body, Term::None.text(lang))?;
                }
                // The items one at a time, each made into its row as it is written.
                Listing::Items => body.table(
                    &rows::numbered(rows::office_items(&[], audience), lang).headers,
                    || {
                        rows::serial(unreadable.rows(report.items.iter()).flat_map(|item| {
                            rows::office_items(std::slice::from_ref(&item), audience).rows
                        }))
                    },
                    Page::Landscape,
                    annex.size,
                    lang,
                )?,
            }
            // A line between two tables; after the last, the section's break.
            if i + 1 < annex.tables.len() {
                body.blank()?;
            }
        }
    }
    // The document ends with a paragraph, as Word writes one, not with a table.
    body.blank()?;
    let last = if annexes.is_empty() {
        Page::Portrait
    } else {
        Page::Landscape
    };
    body.finish(last)
}

/// The letter itself, on portrait pages: title, 主送, the text, 附件说明, 落款 and date.
fn letter(body: &mut Body, report: &Report, lang: Lang, annexes: &[Annex]) -> io::Result<()> {
    let org = covered(report, lang);
    body.blank()?;
    let title = DocxMsg::DocxTitle {
        org,
        campaign: report.campaign.name.clone(),
    };
    body.para(Style::Title, &title_lines(&title.text(lang), lang))?;
    body.blank()?;
    let to = (report.campaign.addressee.clone())
        .unwrap_or_else(|| Term::DefaultAddressee.text(lang).to_owned());
    body.para(Style::Flush, &DocxMsg::DocxAddressee { to }.text(lang))?;
    let summary = crate::render::summary(report, lang);
    let campaign = &report.campaign;
    let lead = DocxMsg::DocxLead {
        basis: (campaign.plan.is_some() || campaign.document.is_some()).then(|| {
            ReportMsg::Basis {
                plan: campaign.plan.clone(),
                document: campaign.document.clone(),
            }
            .text(lang)
        }),
    };
    // One paragraph: the figures, then what follows (a space between English sentences).
    let between = match lang {
        Lang::Zh => "",
        Lang::En => " ",
    };
    body.para(
        Style::Body,
        &format!("{}{between}{}", summary.text(lang), lead.text(lang)),
    )?;
    for note in notes(report, lang) {
        body.para(Style::Body, &note)?;
    }

    let mut number = 0;
    let mut heading = |body: &mut Body, term: Term| {
        number += 1;
        body.para(
            Style::Heading1,
            &format!("{}{}", ordinal(number, lang), term.text(lang)),
        )
    };
    heading(body, Term::DocxProgress)?;
    for sentence in progress(report, lang) {
        body.para(Style::Body, &sentence.text(lang))?;
    }
    // The figures every 情况报告 quotes beyond the opening paragraph (SPEC §14).
    for sentence in crate::render::figures::sentences(&report.totals, report.public, lang) {
        body.para(Style::Body, &sentence)?;
    }
    body.para(Style::Heading2, &sub(1, Term::DocxPractices, lang))?;
    fill_in(body, Term::FillPractices, lang)?;
    heading(body, Term::DocxProblems)?;
    for sentence in problems(report) {
        body.para(Style::Body, &sentence.text(lang))?;
    }
    fill_in(body, Term::FillCauses, lang)?;
    heading(body, Term::DocxNextSteps)?;
    fill_in(body, Term::FillNextSteps, lang)?;

    attachment_note(body, annexes, lang)?;
    signature(body, report, lang)
}

/// How many characters of 二号 a line of the title holds (版心 156 mm).
const TITLE_LINE: usize = 20;

/// A Chinese title too long for a line, broken by meaning rather than where the line runs
/// out: before a quotation (“回头看”) where both lines then fit, else as it comes.
fn title_lines(title: &str, lang: Lang) -> String {
    let chars: Vec<char> = title.chars().collect();
    if lang == Lang::En || chars.len() <= TITLE_LINE {
        return title.to_owned();
    }
    let fits = |at: usize| at > 0 && at <= TITLE_LINE && chars.len() - at <= TITLE_LINE;
    match (0..chars.len())
        .rev()
        .find(|&at| chars[at] == '“' && fits(at))
    {
        Some(at) => {
            let (first, second): (String, String) =
                (chars[..at].iter().collect(), chars[at..].iter().collect());
            format!("{first}\n{second}")
        }
        None => title.to_owned(),
    }
}

/// （一）主要做法 in Chinese, `1.1 What was done` in English: a sub-heading.
fn sub(n: usize, term: Term, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "（{}）{}",
            crate::text::i18n::zh_numeral(n),
            term.text(lang)
        ),
        Lang::En => format!("({n}) {}", term.text(lang)),
    }
}

/// A marked placeholder for the office's own prose.
fn fill_in(body: &mut Body, what: Term, lang: Lang) -> io::Result<()> {
    let text = DocxMsg::FillIn {
        what: what.text(lang).to_owned(),
    };
    body.para(Style::Body, &text.text(lang))
}

/// 附件：1．… under the text, one attachment a line, the later ones lined up under the first's
/// name (GB/T 9704 7.3.4).
fn attachment_note(body: &mut Body, annexes: &[Annex], lang: Lang) -> io::Result<()> {
    if annexes.is_empty() {
        return Ok(());
    }
    body.blank()?;
    let label = crate::text::i18n::labelled(lang, Term::Attachments.text(lang), "");
    let label_chars = u32::try_from(label.chars().count()).unwrap_or(0);
    for (n, annex) in annexes.iter().enumerate() {
        let entry = DocxMsg::AttachmentEntry {
            n: n + 1,
            title: annex.title.text(lang).to_owned(),
        }
        .text(lang);
        let (text, indent) = if n == 0 {
            (
                format!("{label}{entry}"),
                Indent {
                    first_line: 2 * CHAR,
                    ..Indent::default()
                },
            )
        } else {
            (
                entry,
                Indent {
                    left: (2 + label_chars) * CHAR,
                    ..Indent::default()
                },
            )
        };
        body.para_indented(Style::Flush, &text, Some(indent))?;
    }
    Ok(())
}

/// The 落款: the office, centred over the date, which stands four characters in from the right
/// (GB/T 9704 7.3.5.2); the date as 二〇一五年三月十日.
fn signature(body: &mut Body, report: &Report, lang: Lang) -> io::Result<()> {
    let office =
        (report.campaign.office.clone()).unwrap_or_else(|| crate::model::DEFAULT_OFFICE.to_owned());
    let date = match lang {
        Lang::Zh => zh_date_numerals(report.as_of),
        Lang::En => rows::date(report.as_of, lang),
    };
    let chars = |s: &str| u32::try_from(s.chars().count()).unwrap_or(0);
    let date_right = 4 * CHAR;
    // Half-width letters and digits are about half a character each: the English date is
    // narrower than it counts.
    let office_right = date_right + (chars(&date).saturating_sub(chars(&office)) * CHAR) / 2;
    body.blank()?;
    body.blank()?;
    body.para_indented(
        Style::Signature,
        &office,
        Some(Indent {
            right: office_right,
            ..Indent::default()
        }),
    )?;
    body.para_indented(
        Style::Signature,
        &date,
        Some(Indent {
            right: date_right,
            ..Indent::default()
        }),
    )
}

/// 一、总体进展: one sentence a figure, each `None` where it has nothing to say. A new figure
/// of the report is one more line here.
fn progress(report: &Report, lang: Lang) -> Vec<DocxMsg> {
    let sentences: [fn(&Report, Lang) -> Option<DocxMsg>; 5] = [
        rates,
        satisfaction,
        by_area,
        by_child,
        crate::render::figures::linked,
    ];
    sentences.iter().filter_map(|s| s(report, lang)).collect()
}

fn rates(report: &Report, _: Lang) -> Option<DocxMsg> {
    let c = &report.totals.counts;
    (c.items > 0).then(|| DocxMsg::ProgressRates {
        done: rows::percent(c.completion_rate()),
        done_or_mostly: rows::percent(c.done_or_mostly_rate()),
        closed: count(c.closed),
    })
}

fn satisfaction(report: &Report, _: Lang) -> Option<DocxMsg> {
    let c = &report.totals.counts;
    (c.assessed > 0).then(|| DocxMsg::ProgressSatisfaction {
        assessed: count(c.assessed),
        satisfied: count(c.satisfied),
        rate: rows::percent(c.satisfied_rate()),
    })
}

fn by_area(report: &Report, _: Lang) -> Option<DocxMsg> {
    let rows: Vec<(String, usize, usize)> = (report.by_area.iter())
        .filter(|a| a.counts.items > 0)
        .map(|a| (a.title.clone(), count(a.counts.items), count(a.counts.done)))
        .collect();
    (!rows.is_empty()).then_some(DocxMsg::ProgressAreas {
        areas: report.by_area.len(),
        rows,
    })
}

fn by_child(report: &Report, lang: Lang) -> Option<DocxMsg> {
    let row = |name: &str, t: &Totals| {
        let c = &t.counts;
        (
            name.to_owned(),
            count(c.items),
            rows::percent(c.completion_rate()),
        )
    };
    let rows: Vec<(String, usize, String)> = (report.own.iter())
        .map(|own| row(Term::OwnLevel.text(lang), own))
        .chain((report.children.iter()).map(|c| row(folder_name(&c.org), &c.totals)))
        .filter(|(_, items, _)| *items > 0)
        .collect();
    (rows.len() > 1).then_some(DocxMsg::ProgressChildren { rows })
}

/// 二、存在的问题: the overdue items (by age, and their units), the 效果不理想 items and those
/// the masses are not satisfied with, each counted 一是, 二是…; or that there are none.
fn problems(report: &Report) -> Vec<DocxMsg> {
    let c = &report.totals.counts;
    let mut found = Vec::new();
    let units = |items: &[crate::rollup::DueItem]| {
        let mut names: Vec<String> = Vec::new();
        for item in items {
            if !names.iter().any(|n| *n == item.unit_name) {
                names.push(item.unit_name.to_string());
            }
        }
        let more = names.len().saturating_sub(NAMED_UNITS);
        names.truncate(NAMED_UNITS);
        (names, more)
    };
    if c.overdue > 0 {
        let (units, more) = units(&report.overdue_items);
        found.push(DocxMsg::ProblemOverdue {
            nth: found.len() + 1,
            items: count(c.overdue),
            ages: crate::rollup::overdue_by_age(report),
            units,
            more,
        });
    }
    if c.ineffective > 0 {
        let (units, more) = units(&report.ineffective_items);
        found.push(DocxMsg::ProblemIneffective {
            nth: found.len() + 1,
            items: count(c.ineffective),
            units,
            more,
        });
    }
    let unsatisfied = c.assessed.saturating_sub(c.satisfied);
    if unsatisfied > 0 {
        found.push(DocxMsg::ProblemUnsatisfied {
            nth: found.len() + 1,
            items: count(unsatisfied),
        });
    }
    if found.is_empty() {
        found.push(DocxMsg::NoProblems);
    }
    found
}

/// One attachment: its title, its tables (each under its own heading where there are several)
/// and the size of their text.
struct Annex {
    title: Term,
    tables: Vec<(Option<Term>, Listing)>,
    size: u32,
}

/// What a table of an attachment lists: rows already made, or the report's items, made into
/// rows as they are written (a province's 整改事项清单 is never held whole).
enum Listing {
    Table(Table),
    Items,
}

/// The attachments, in order: 附件1–3, and 附件4 (the 通报 proposals) in an internal report.
fn annexes(report: &Report, lang: Lang) -> Vec<Annex> {
    let audience = rows::Audience::of(report, lang);
    let children = rows::orgs_with_totals(report, &report.children, false, lang);
    let reporting: Vec<_> = report.reporting_units().collect();
    let table = |table: Table| Listing::Table(rows::numbered(table, lang));
    // The children, and the 专项整治 tasks where the items name any (SPEC §14), each then under
    // its heading.
    let mut progress = vec![(None, table(children))];
    if !report.by_task.is_empty() {
        progress[0].0 = Some(Term::Children);
        progress.push((
            Some(Term::SpecialTasks),
            table(rows::tasks(&report.by_task, audience)),
        ));
    }
    let mut annexes = vec![
        Annex {
            title: Term::AnnexProgress,
            tables: progress,
            size: WIDE_TABLE_TEXT,
        },
        Annex {
            title: Term::AnnexSelfChecks,
            tables: vec![(None, table(rows::self_checks(&reporting, audience)))],
            size: TABLE_TEXT,
        },
        Annex {
            title: Term::AnnexItems,
            tables: vec![(None, Listing::Items)],
            size: TABLE_TEXT,
        },
    ];
    // The 通报 proposals are internal: never in a public report (公示稿).
    if !report.public {
        let notices = report.notices();
        annexes.push(Annex {
            title: Term::AnnexNotices,
            tables: vec![
                (
                    Some(Term::ToPraise),
                    table(rows::units_to_praise(&notices.praise, audience)),
                ),
                (
                    Some(Term::ToRemind),
                    table(rows::units_to_remind(&notices.remind, audience)),
                ),
            ],
            size: TABLE_TEXT,
        });
    }
    annexes
}

fn count(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}
