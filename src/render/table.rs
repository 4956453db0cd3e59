//! `report --format table`: the totals and the `--by` rows as terminal tables (comfy-table,
//! which aligns CJK text by display width). No value reaches the terminal raw: each cell shows
//! its control characters written out, on one line.
//!
//! Piped, a table keeps its full rows, one line each, for `grep` and `less -S`. On a terminal it
//! fits the terminal's width: long text wraps inside its cell while numbers stay whole, and a
//! table whose columns cannot all fit even so (`--by item` has 26) is shown one record at a
//! time, each field on a line of its own.

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Width, presets};

use crate::i18n::Lang;
use crate::render::rows::{self, By, Cell};
use crate::render::{heading, notes};
use crate::rollup::Report;

/// The tables at their full width, as piped output shows them.
pub fn render(report: &Report, by: By, lang: Lang) -> String {
    render_width(report, by, lang, None)
}

/// The tables fitted to `width` columns where given (a terminal's), else at full width.
pub fn render_width(report: &Report, by: By, lang: Lang, width: Option<u16>) -> String {
    let terminal_table = |table: &rows::Table| terminal_table(table, width, lang);
    let mut out = shown(&heading(report, lang));
    out.push_str("\n\n");
    let totals = rows::Table {
        headers: rows::totals_headers(lang),
        rows: vec![rows::totals_cells(&report.totals)],
    };
    out.push_str(&terminal_table(&totals));
    out.push_str("\n\n");
    // The folders of the org add up to its totals with its own unit and a total row; a CSV
    // keeps only the folders, so that a spreadsheet's sums do not count anything twice.
    let rows = match by {
        By::Org => rows::orgs_with_totals(report, &report.orgs, true, lang),
        _ => rows::table(report, by, lang),
    };
    out.push_str(&terminal_table(&rows));
    out.push('\n');
    if !report.left_out.is_empty() {
        out.push('\n');
        out.push_str(&terminal_table(&rows::left_out(report, lang)));
        out.push('\n');
    }
    for note in notes(report, lang) {
        out.push('\n');
        out.push_str(&shown(&note));
        out.push('\n');
    }
    out
}

/// The narrowest a text column is wrapped to before a table is shown one record at a time.
const TEXT_MIN: u16 = 12;

pub fn terminal_table(table: &rows::Table, width: Option<u16>, lang: Lang) -> String {
    let numeric: Vec<bool> = table.rows.first().map_or_else(Vec::new, |first| {
        first
            .iter()
            .map(|c| matches!(c, Cell::Int(_) | Cell::Rate(_)))
            .collect()
    });
    let Some(width) = width else {
        return grid(table, &numeric, None, lang);
    };
    // What each column needs: a number its widest value, a text a few characters (a header
    // wraps, down to one Chinese character).
    let mut probe = comfy_table::Table::new();
    for row in &table.rows {
        probe.add_row(row.iter().map(|c| shown(&c.show(lang))).collect::<Vec<_>>());
    }
    let data = probe.column_max_content_widths();
    let lower: Vec<u16> = (0..table.headers.len())
        .map(|i| {
            let data = data.get(i).copied().unwrap_or(1);
            let least = if numeric.get(i) == Some(&true) {
                data
            } else {
                data.min(TEXT_MIN)
            };
            least.max(2)
        })
        .collect();
    // Each column has a border and a space either side; the table one more border.
    let needed = lower.iter().fold(1u32, |sum, w| sum + u32::from(*w) + 3);
    if needed > u32::from(width) {
        return records(table, width, lang);
    }
    grid(table, &numeric, Some((width, lower)), lang)
}

/// One grid; fitted to a width, with each column's least width, where given.
fn grid(table: &rows::Table, numeric: &[bool], fit: Option<(u16, Vec<u16>)>, lang: Lang) -> String {
    let mut t = comfy_table::Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_header(table.headers.clone());
    match &fit {
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
        Some((width, _)) => {
            t.set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(*width);
        }
    }
    for row in &table.rows {
        t.add_row(row.iter().map(|c| shown(&c.show(lang))).collect::<Vec<_>>());
    }
    for (i, &is_number) in numeric.iter().enumerate() {
        let Some(column) = t.column_mut(i) else {
            continue;
        };
        if is_number {
            column.set_cell_alignment(CellAlignment::Right);
        }
        if let Some((_, lower)) = &fit
            && let Some(&least) = lower.get(i)
        {
            // comfy-table counts a column's padding in its boundaries.
            let padded = least.saturating_add(2);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(padded)));
        }
    }
    t.to_string()
}

/// Each row as a table of its own, a field a line: for a terminal too narrow for the columns.
fn records(table: &rows::Table, width: u16, lang: Lang) -> String {
    let blocks: Vec<String> = table
        .rows
        .iter()
        .map(|row| {
            let mut t = comfy_table::Table::new();
            t.load_style(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(width);
            for (header, cell) in table.headers.iter().zip(row) {
                t.add_row(vec![(*header).to_owned(), shown(&cell.show(lang))]);
            }
            t.to_string()
        })
        .collect();
    if blocks.is_empty() {
        // No rows: the header alone says what the table would have held.
        return grid(table, &[], None, lang);
    }
    blocks.join("\n\n")
}

/// Text on the terminal: every control character written out, a line break included.
fn shown(text: &str) -> String {
    crate::escape::controls(text, &[]).into_owned()
}
