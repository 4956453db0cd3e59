//! `report --format md`: one Markdown document for the campaign office.
//!
//! Every text from the records is escaped here ([`escape`]): a `|` or a line break in a title
//! never breaks a row, and no HTML or Markdown in it is rendered. comfy-table's Markdown preset
//! does neither, so tables are written by hand.

use std::collections::BTreeMap;

use crate::i18n::{Lang, Term};
use crate::render::rows::{self, Cell};
use crate::render::{heading, notes};
use crate::rollup::{LinkedItem, Report};
use crate::status::SelfCheckState;

pub fn render(report: &Report, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", escape_line(&heading(report, lang)));
    // The document it answers to and the deadline every unit reports by.
    let mut basis: Vec<String> = report
        .campaign
        .document
        .iter()
        .map(|d| escape_line(d))
        .collect();
    if let Some(deadline) = report.campaign.deadline {
        basis.push(format!("{}：{deadline}", Term::CampaignDeadline.text(lang)));
    }
    if !basis.is_empty() {
        out.push_str(&format!("{}\n\n", basis.join(" · ")));
    }
    for note in notes(report, lang) {
        out.push_str(&format!("> {}\n\n", escape_line(&note)));
    }

    section(&mut out, Term::Totals, lang);
    let totals = rows::Table {
        headers: rows::totals_headers(lang),
        rows: vec![rows::totals_cells(&report.totals)],
    };
    table(&mut out, &totals, lang);

    section(&mut out, Term::Children, lang);
    table(
        &mut out,
        &rows::orgs_with_totals(report, &report.children, false, lang),
        lang,
    );

    section(&mut out, Term::Areas, lang);
    table(&mut out, &rows::areas(&report.by_area, lang), lang);

    section(&mut out, Term::OverdueItems, lang);
    table(
        &mut out,
        &rows::due_items(&report.overdue_items, lang),
        lang,
    );

    section(&mut out, Term::IneffectiveItems, lang);
    table(
        &mut out,
        &rows::due_items(&report.ineffective_items, lang),
        lang,
    );

    section(&mut out, Term::LinkedItems, lang);
    linked(&mut out, &report.linked_items, lang);

    section(&mut out, Term::LedItems, lang);
    linked(&mut out, &report.led_items, lang);

    section(&mut out, Term::LateOrMissing, lang);
    let lagging: Vec<_> = report
        .units
        .iter()
        .filter(|u| {
            matches!(
                u.self_check,
                SelfCheckState::Late | SelfCheckState::Returned | SelfCheckState::Missing
            )
        })
        .cloned()
        .collect();
    let mut lagging_table = rows::units(&lagging, lang);
    lagging_table.headers.truncate(6);
    for row in &mut lagging_table.rows {
        row.truncate(6);
    }
    table(&mut out, &lagging_table, lang);

    if !report.left_out.is_empty() {
        section(&mut out, Term::LeftOut, lang);
        table(&mut out, &rows::left_out(report, lang), lang);
    }
    out
}

/// Linked items grouped by the unit that must lead the fix.
fn linked(out: &mut String, items: &[LinkedItem], lang: Lang) {
    let mut by_lead: BTreeMap<&str, Vec<&LinkedItem>> = BTreeMap::new();
    for item in items {
        by_lead
            .entry(item.lead_unit.as_str())
            .or_default()
            .push(item);
    }
    if by_lead.is_empty() {
        out.push_str(&format!("{}\n\n", Term::None.text(lang)));
    }
    for (lead, items) in by_lead {
        out.push_str(&format!(
            "### {}：{}\n\n",
            Term::LeadUnit.text(lang),
            escape_line(lead)
        ));
        table(out, &rows::linked_items(&items, lang), lang);
    }
}

fn section(out: &mut String, title: Term, lang: Lang) {
    out.push_str(&format!("## {}\n\n", title.text(lang)));
}

fn table(out: &mut String, table: &rows::Table, lang: Lang) {
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
            row.iter().map(|c| escape_cell(&c.display())).collect(),
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
    let text = crate::escape::controls(text, &['\n', '\r']);
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
