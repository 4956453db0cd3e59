//! `report --format md`: one Markdown document for the campaign office.
//!
//! Every text from the records is escaped here ([`escape`]): a `|` or a line break in a title
//! never breaks a row, and no HTML or Markdown in it is rendered. comfy-table's Markdown preset
//! does neither, so tables are written by hand.

use std::collections::BTreeMap;

use crate::render::rows::{self, Cell};
use crate::render::{heading, notes};
use crate::rollup::{LinkedItem, Report};
use crate::text::i18n::{Lang, Term};
use crate::text::messages::report::ReportMsg;

pub fn render(report: &Report, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", escape_line(&heading(report, lang)));
    let basis = basis(report, lang);
    if !basis.is_empty() {
        out.push_str(&format!("{}\n\n", escape_line(&basis)));
    }
    for note in notes(report, lang) {
        out.push_str(&format!("> {}\n\n", escape_line(&note)));
    }
    for (number, section) in sections(report, lang).iter().enumerate() {
        out.push_str(&format!(
            "## {}{}\n\n",
            ordinal(number + 1, lang),
            section.title
        ));
        for part in &section.parts {
            match part {
                Part::Table(t) => table(&mut out, t, lang),
                Part::Sub(title, t) => {
                    out.push_str(&format!("### {}\n\n", escape_line(title)));
                    table(&mut out, t, lang);
                }
                Part::Empty => out.push_str(&format!("{}\n\n", Term::None.text(lang))),
                Part::Lines(lines) => {
                    for line in lines {
                        out.push_str(&format!("{}\n\n", escape_line(line)));
                    }
                }
            }
        }
    }
    out
}

/// The plan a report answers to (根据《…》（文号）) and the deadline every unit reports by, on
/// one line.
pub fn basis(report: &Report, lang: Lang) -> String {
    let campaign = &report.campaign;
    let mut basis: Vec<String> = Vec::new();
    if campaign.plan.is_some() || campaign.document.is_some() {
        basis.push(
            ReportMsg::Basis {
                plan: campaign.plan.clone(),
                document: campaign.document.clone(),
            }
            .text(lang),
        );
    }
    if let Some(deadline) = report.campaign.deadline {
        basis.push(crate::text::i18n::labelled(
            lang,
            Term::CampaignDeadline.text(lang),
            &rows::date(deadline, lang),
        ));
    }
    basis.join(" · ")
}

/// A section of the Markdown and HTML reports: its title and what it holds, in order.
pub struct Section {
    pub title: &'static str,
    pub parts: Vec<Part>,
}

pub enum Part {
    Table(rows::Table),
    /// A sub-heading (text from the records: escape it) and its table.
    Sub(String, rows::Table),
    /// Nothing to list.
    Empty,
    /// Sentences, each a paragraph (text from the records: escape it).
    Lines(Vec<String>),
}

/// `一、` in Chinese, `1. ` in English: how a document numbers its sections.
pub fn ordinal(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}、", crate::text::i18n::zh_numeral(n)),
        Lang::En => format!("{n}. "),
    }
}

/// Every section of a report for the office, in order: what Markdown and HTML both show.
pub fn sections(report: &Report, lang: Lang) -> Vec<Section> {
    let audience = rows::Audience::of(report, lang);
    let one = |title: Term, table: rows::Table| Section {
        title: title.text(lang),
        parts: vec![Part::Table(table)],
    };
    let mut totals = vec![Part::Table(rows::totals(report, lang))];
    let figures = crate::render::figures::sentences(&report.totals, report.public, lang);
    if !figures.is_empty() {
        totals.push(Part::Lines(figures));
    }
    let mut sections = vec![
        Section {
            title: Term::Totals.text(lang),
            parts: totals,
        },
        one(
            Term::Children,
            rows::orgs_with_totals(report, &report.children, false, lang),
        ),
        one(Term::Areas, rows::areas(&report.by_area, audience)),
        one(
            Term::SpecialTasks,
            rows::numbered(rows::tasks(&report.by_task, audience), lang),
        ),
        one(
            Term::OverdueItems,
            rows::numbered(rows::due_items(&report.overdue_items, audience), lang),
        ),
        one(
            Term::IneffectiveItems,
            rows::numbered(rows::due_items(&report.ineffective_items, audience), lang),
        ),
        Section {
            title: Term::LinkedItems.text(lang),
            // How the linked items stand, counted by status, then each lead unit's.
            parts: crate::render::figures::linked(report, lang)
                .map(|counts| Part::Lines(vec![counts.text(lang)]))
                .into_iter()
                .chain(linked(report, &report.linked_items, lang))
                .collect(),
        },
    ];
    // For the whole tree, what lower levels put on this one is every linked item: one list.
    if report.org.is_some() {
        sections.push(Section {
            title: Term::LedItems.text(lang),
            parts: linked(report, &report.led_items, lang),
        });
    }
    // The 通报 proposals are internal: never in a public report.
    if !report.public {
        let notices = report.notices();
        sections.push(Section {
            title: Term::Notices.text(lang),
            parts: vec![
                Part::Sub(
                    Term::ToRemind.text(lang).to_owned(),
                    rows::numbered(rows::units_to_remind(&notices.remind, audience), lang),
                ),
                Part::Sub(
                    Term::ToPraise.text(lang).to_owned(),
                    rows::numbered(rows::units_to_praise(&notices.praise, audience), lang),
                ),
            ],
        });
    }
    // What a review found is process, not progress: internal only (SPEC §14).
    if !report.public {
        sections.push(one(
            Term::OpenReviews,
            rows::numbered(rows::open_reviews(&report.units, audience), lang),
        ));
    }
    if !report.left_out.is_empty() {
        sections.push(one(Term::LeftOut, rows::left_out(report, lang)));
    }
    sections
}

/// Linked items grouped by the unit that must lead the fix.
fn linked(report: &Report, items: &[LinkedItem], lang: Lang) -> Vec<Part> {
    // Lead units in the report's order of units (the office's), then those outside it.
    let place = report.unit_places();
    let mut by_lead: BTreeMap<(usize, &str, &str), Vec<&LinkedItem>> = BTreeMap::new();
    for item in items {
        let lead = item.lead_unit.as_str();
        let at = place.get(lead).copied().unwrap_or(usize::MAX);
        by_lead
            .entry((at, lead, item.lead_name.as_str()))
            .or_default()
            .push(item);
    }
    if by_lead.is_empty() {
        return vec![Part::Empty];
    }
    by_lead
        .into_iter()
        .map(|((_, _, name), items)| {
            Part::Sub(
                crate::text::i18n::labelled(lang, Term::LeadUnit.text(lang), name),
                rows::numbered(
                    rows::linked_items(&items, rows::Audience::of(report, lang)),
                    lang,
                ),
            )
        })
        .collect()
}

pub fn section(out: &mut String, title: Term, lang: Lang) {
    out.push_str(&format!("## {}\n\n", title.text(lang)));
}

pub fn table(out: &mut String, table: &rows::Table, lang: Lang) {
    if table.rows.is_empty() {
        out.push_str(&format!("{}\n\n", Term::None.text(lang)));
        return;
    }
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(
        table.headers.iter().map(|h| escape_cell(h)).collect(),
    ));
    let first = &table.rows[0];
    out.push_str(&line(
        first
            .iter()
            .map(|c| {
                if matches!(c, Cell::Int(_) | Cell::Rate(_)) {
                    "---:".to_owned()
                } else {
                    "---".to_owned()
                }
            })
            .collect(),
    ));
    for row in &table.rows {
        out.push_str(&line(
            row.iter().map(|c| escape_cell(&c.show(lang))).collect(),
        ));
    }
    out.push('\n');
}

/// A table cell: shown as written (see [`escape`]), line breaks as `<br>`, so a cell never
/// breaks its row.
pub fn escape_cell(text: &str) -> String {
    escape(text, "<br>")
}

/// Text on one line of Markdown (a heading, a note): line breaks become spaces.
fn escape_line(text: &str) -> String {
    escape(text, " ")
}

/// Text from the records, shown as written and never read as markup: every control character
/// but a line break written out; HTML's `<`, `>` and `&` as entities, so no tag or entity
/// survives; Markdown's inline punctuation (backslash, backtick, `* _ [ ] ( ) # ! | ~ $`) escaped, so no
/// emphasis, code, link, image, strikethrough, math or table cell forms; and a line that would
/// open a block (`-`, `+`, `=`, `1.`) escaped at its start. Each line loses its indentation
/// (four spaces would open a code block); the lines are joined by `line_break`. `-` and `+`
/// inside a line mean nothing to Markdown and stay, so dates read as dates.
///
/// Every cell, heading and note of the Markdown formats goes through here: the report and
/// GitHub's step summary.
pub fn escape(text: &str, line_break: &str) -> String {
    let text = crate::text::escape::controls(text, &['\n', '\r']);
    let lines: Vec<String> = lines(&text)
        .into_iter()
        .map(|line| escape_inline(line.trim_start_matches(' ')))
        .collect();
    lines.join(line_break)
}

fn escape_inline(line: &str) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let mut out = String::with_capacity(line.len() + 8);
    for (at, c) in line.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '!' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if at == 0 => {
                out.push('\\');
                out.push(c);
            }
            // `1. ` opens an ordered list (`1)` is escaped with every `)`); `28.6%` does not.
            '.' if digits > 0
                && at == digits
                && line[at + 1..].chars().next().is_none_or(|n| n == ' ') =>
            {
                out.push_str("\\.");
            }
            c => out.push(c),
        }
    }
    out
}

/// The lines of `text` as CommonMark ends them: at a line feed, a carriage return, or both; a
/// final line break ends the last line rather than starting an empty one.
fn lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text
        .split("\r\n")
        .flat_map(|l| l.split(['\r', '\n']))
        .collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn a_line_that_would_open_a_block_is_escaped_at_its_start_only() {
        assert_eq!(escape("1. 列表", " "), "1\\. 列表");
        assert_eq!(escape("1.", " "), "1\\.");
        assert_eq!(escape("28.6%", " "), "28.6%");
        assert_eq!(
            escape("- a\n+ b\n= c\n    代码", "<br>"),
            "\\- a<br>\\+ b<br>\\= c<br>代码"
        );
        assert_eq!(escape("2015-03-10 a-b+c", " "), "2015-03-10 a-b+c");
        assert_eq!(escape("### 标题 ###", " "), "\\#\\#\\# 标题 \\#\\#\\#");
    }
}
