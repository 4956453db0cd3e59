//! `report --format table`: the totals and the `--by` rows as terminal tables (comfy-table,
//! which aligns CJK text by display width).

use comfy_table::{CellAlignment, ContentArrangement, presets};

use crate::i18n::Lang;
use crate::render::rows::{self, By, Cell};
use crate::render::{heading, notes};
use crate::rollup::Report;

pub fn render(report: &Report, by: By, lang: Lang) -> String {
    let mut out = heading(report, lang);
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
        out.push_str(&note);
        out.push('\n');
    }
    out
}

fn terminal_table(table: &rows::Table) -> String {
    let mut t = comfy_table::Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(table.headers.clone());
    for row in &table.rows {
        t.add_row(row.iter().map(Cell::display).collect::<Vec<_>>());
    }
    if let Some(first) = table.rows.first() {
        for (i, cell) in first.iter().enumerate() {
            if matches!(cell, Cell::Int(_) | Cell::Rate(_))
                && let Some(column) = t.column_mut(i)
            {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    t.to_string()
}
