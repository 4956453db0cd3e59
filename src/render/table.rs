//! `report --format table`: the totals and the `--by` rows as terminal tables (comfy-table,
//! which aligns CJK text by display width). No value reaches the terminal raw: each cell shows
//! its control characters written out, on one line.
//!
//! Piped, a table keeps its full rows, one line each, for `grep` and `less -S`, and is written
//! as it is laid out, a page of rows at a time, in comfy-table's frame: a table of a province
//! is never held whole, in cells or in text. On a terminal it fits the terminal's width: long
//! text wraps inside its cell while numbers stay whole, and a table whose columns cannot all
//! fit even so (`--by item` has 26) is shown one record at a time, each field on a line of its
//! own.

use std::borrow::Borrow;
use std::io::{self, Write};

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Width, presets};
use unicode_width::UnicodeWidthStr;

use crate::load::source::Unreadable;
use crate::render::rows::{self, By, Cell};
use crate::render::{Options, heading, notes};
use crate::rollup::Report;
use crate::text::i18n::{Lang, Term};
use crate::text::messages::run::RunMsg;

/// `report --format table`: [`write`] with the options' rows, width and `--wide`.
pub fn report(report: &mut Report, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let &Options {
        lang,
        by,
        width,
        wide,
    } = options;
    write(out, report, by, lang, width, wide)
}

/// The tables at their full width, as piped output shows them, in memory.
pub fn render(report: &Report, by: By, lang: Lang) -> io::Result<String> {
    render_width(report, by, lang, None)
}

/// The tables fitted to `width` columns where given (a terminal's), else at full width, in
/// memory.
pub fn render_width(report: &Report, by: By, lang: Lang, width: Option<u16>) -> io::Result<String> {
    let mut out = Vec::new();
    write(&mut out, report, by, lang, width, false)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The columns of a count table in the order they are kept on a terminal too narrow for all
/// of them: what names the row, then the office's core figures (事项数, 已完成, 整改完成率,
/// 未完成, 逾期未完成), then the rest of the counts. A column named nowhere here comes last.
const PRIORITY: &[Term] = &[
    Term::Org,
    Term::Unit,
    Term::Lead,
    Term::SpecialTask,
    Term::AreaTitle,
    Term::Area,
    Term::Items,
    Term::Done,
    Term::CompletionRate,
    Term::Open,
    Term::Overdue,
    Term::Units,
    Term::MostlyDone,
    Term::Ineffective,
    Term::DoneOrMostlyRate,
    Term::Missing,
    Term::Late,
    Term::Returned,
    Term::Submitted,
];

/// `table` with only the columns that fit `width` at their natural width, taken in
/// [`PRIORITY`] order and shown in their own order; `None` where every column fits, or where the
/// table is no count table (a list of items is shown a record at a time instead).
fn core_columns(table: &rows::Table, width: u16, lang: Lang) -> Option<rows::Table> {
    let items = Term::Items.text(lang);
    if !table.headers.contains(&items) {
        return None;
    }
    let mut probe = comfy_table::Table::new();
    probe.set_header(table.headers.clone());
    for row in &table.rows {
        probe.add_row(row.iter().map(|c| shown(&c.show(lang))).collect::<Vec<_>>());
    }
    // Each column has a border and a space either side; the table one more border.
    let natural: Vec<u32> = probe
        .column_max_content_widths()
        .iter()
        .map(|w| u32::from(*w) + 3)
        .collect();
    if natural.iter().sum::<u32>() < u32::from(width) {
        return None;
    }
    let rank = |header: &str| {
        PRIORITY
            .iter()
            .position(|t| t.text(lang) == header)
            .unwrap_or(PRIORITY.len())
    };
    let mut order: Vec<usize> = (0..table.headers.len()).collect();
    order.sort_by_key(|&i| rank(table.headers[i]));
    let mut kept = vec![false; table.headers.len()];
    let mut used = 1u32;
    for i in order {
        let need = natural.get(i).copied().unwrap_or(3);
        let rank = rank(table.headers[i]);
        // What names the row is kept whatever its width; a column the office does not count
        // among its figures (层级, shown by the indent) is left to --wide.
        if rank == PRIORITY.len() {
            continue;
        }
        if used + need <= u32::from(width) || rank < 5 {
            kept[i] = true;
            used += need;
        }
    }
    let pick = |row: &[Cell]| -> Vec<Cell> {
        row.iter()
            .zip(&kept)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c.clone())
            .collect()
    };
    Some(rows::Table {
        headers: table
            .headers
            .iter()
            .zip(&kept)
            .filter(|(_, k)| **k)
            .map(|(h, _)| *h)
            .collect(),
        rows: table.rows.iter().map(|r| pick(r)).collect(),
    })
}

/// How many rows of a piped table are laid out at a time.
const PAGE: usize = 1024;

/// [`render_width`], written to `out`: piped (no `width`), page by page as it is laid out. On
/// a terminal, a count table too wide for it keeps the office's core figures ([`PRIORITY`])
/// unless `wide`, and says so below.
pub fn write(
    out: &mut dyn Write,
    report: &Report,
    by: By,
    lang: Lang,
    width: Option<u16>,
    wide: bool,
) -> io::Result<()> {
    let narrowed = std::cell::Cell::new(false);
    let table = |out: &mut dyn Write, table: &rows::Table| match width {
        Some(w) if !wide => match core_columns(table, w, lang) {
            Some(core) => {
                narrowed.set(true);
                out.write_all(terminal_table(&core, width, lang).as_bytes())
            }
            None => out.write_all(terminal_table(table, width, lang).as_bytes()),
        },
        Some(_) => out.write_all(terminal_table(table, width, lang).as_bytes()),
        None => plain(out, || std::iter::once(Ok(table)), lang),
    };
    write!(out, "{}\n\n", shown(&heading(report, lang)))?;
    let totals = rows::totals(report, lang);
    table(out, &totals)?;
    out.write_all(b"\n\n")?;
    // On a terminal, the figures a 情况报告 quotes beyond the table; piped, the table only.
    if let Some(width) = width {
        let figures = crate::render::figures::sentences(&report.totals, report.public, lang);
        for line in &figures {
            for part in textwrap::wrap(&shown(line), usize::from(width.max(20))) {
                writeln!(out, "{part}")?;
            }
        }
        if !figures.is_empty() {
            out.write_all(b"\n")?;
        }
    }
    // The folders of the org add up to its totals with its own unit and a total row; a CSV
    // keeps only the folders, so that a spreadsheet's sums do not count anything twice.
    match width {
        Some(_) => {
            let rows = match by {
                By::Org => rows::orgs_with_totals(report, &report.orgs, true, lang),
                _ => rows::table(report, by, lang)?,
            };
            table(out, &rows)?;
        }
        None => plain(out, || rows::pages(report, by, lang, PAGE), lang)?,
    }
    out.write_all(b"\n")?;
    if !report.left_out.is_empty() {
        out.write_all(b"\n")?;
        table(out, &rows::left_out(report, lang))?;
        out.write_all(b"\n")?;
    }
    for note in notes(report, lang) {
        write!(out, "\n{}\n", shown(&note))?;
    }
    if narrowed.get() {
        write!(out, "\n{}\n", RunMsg::TableNarrowed.text(lang))?;
    }
    Ok(())
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
        let mut out = Vec::new();
        let _ = plain(&mut out, || std::iter::once(Ok(table)), lang);
        return String::from_utf8_lossy(&out).into_owned();
    };
    // What each column needs: a number its widest value, a text a few characters (a header
    // wraps, down to one Chinese character).
    let mut probe = comfy_table::Table::new();
    for row in &table.rows {
        probe.add_row(row.iter().map(|c| shown(&c.show(lang))).collect::<Vec<_>>());
    }
    let data = probe.column_max_content_widths();
    // A table that fits as it is is drawn as it is: nothing wraps.
    let mut natural = probe.clone();
    natural.set_header(table.headers.clone());
    let full = natural
        .column_max_content_widths()
        .iter()
        .fold(1u32, |sum, w| sum + u32::from(*w) + 3);
    if full <= u32::from(width) {
        return grid(table, &numeric, None, lang);
    }
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

/// One grid fitted to a width, with each column's least width.
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
        return terminal_table(table, None, lang);
    }
    blocks.join("\n\n")
}

/// Text on the terminal: every control character written out, a line break included.
fn shown(text: &str) -> String {
    crate::text::escape::controls(text, &[]).into_owned()
}

/// A table at full width in comfy-table's `UTF8_FULL_CONDENSED` frame, drawn as comfy-table
/// draws it without arrangement (a test holds the two to the same bytes), from `pages`, which
/// gives the same pages each time it is called: once to measure the columns, once to write the
/// rows. A number is right-aligned, its header too; a column is as wide as its widest cell, at
/// least one character, and never cut, however wide.
fn plain<T: Borrow<rows::Table>, I: Iterator<Item = Result<T, Unreadable>>>(
    out: &mut dyn Write,
    pages: impl Fn() -> I,
    lang: Lang,
) -> io::Result<()> {
    let Some(first) = pages().next().transpose()? else {
        return Ok(());
    };
    let headers = &first.borrow().headers;
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width().max(1)).collect();
    let mut numeric: Option<Vec<bool>> = None;
    for page in pages() {
        for row in &page?.borrow().rows {
            let numbers = row
                .iter()
                .map(|c| matches!(c, Cell::Int(_) | Cell::Rate(_)));
            numeric.get_or_insert_with(|| numbers.collect());
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(shown(&cell.show(lang)).width());
            }
        }
    }
    let numeric = numeric.unwrap_or_default();
    let border = |[left, fill, junction, right]: [char; 4]| {
        let mut line = String::from(left);
        for (i, width) in widths.iter().enumerate() {
            if i > 0 {
                line.push(junction);
            }
            line.extend(std::iter::repeat_n(fill, width + 2));
        }
        line.push(right);
        line
    };
    let line = |cells: &mut dyn Iterator<Item = String>| {
        let mut line = String::from("│");
        for (i, (text, width)) in cells.zip(&widths).enumerate() {
            if i > 0 {
                line.push('┆');
            }
            let pad = width.saturating_sub(text.width());
            let (left, right) = match numeric.get(i) {
                Some(true) => (pad + 1, 1),
                _ => (1, pad + 1),
            };
            line.extend(std::iter::repeat_n(' ', left));
            line.push_str(&text);
            line.extend(std::iter::repeat_n(' ', right));
        }
        line.push('│');
        line
    };
    writeln!(out, "{}", border(['┌', '─', '┬', '┐']))?;
    writeln!(
        out,
        "{}",
        line(&mut headers.iter().map(|h| (*h).to_owned()))
    )?;
    writeln!(out, "{}", border(['╞', '═', '╪', '╡']))?;
    for page in pages() {
        for row in &page?.borrow().rows {
            writeln!(
                out,
                "{}",
                line(&mut row.iter().map(|c| shown(&c.show(lang))))
            )?;
        }
    }
    // No line break after the last line, as comfy-table draws it.
    write!(out, "{}", border(['└', '─', '┴', '┘']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The grid as comfy-table draws it without arrangement: what piped tables looked like
    /// before they were written page by page, and must still look like.
    fn comfy(table: &rows::Table) -> String {
        let mut t = comfy_table::Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .set_header(table.headers.clone())
            .set_content_arrangement(ContentArrangement::Disabled);
        for row in &table.rows {
            t.add_row(
                row.iter()
                    .map(|c| shown(&c.show(Lang::Zh)))
                    .collect::<Vec<_>>(),
            );
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

    const HEADERS: &[&str] = &["机构", "层级", "units", "完成率", "x", "效果不理想"];

    fn cell() -> impl Strategy<Value = Cell> {
        prop_oneof![
            "[a-z 中文村道（）、\\t\\n·—]{0,12}".prop_map(Cell::Text),
            any::<i64>().prop_map(Cell::Int),
            proptest::option::of(0.0f64..=1.0).prop_map(Cell::Rate),
            Just(Cell::Date(None)),
            Just(Cell::Date(Some(jiff::civil::date(2015, 3, 10)))),
        ]
    }

    fn table() -> impl Strategy<Value = rows::Table> {
        (1..=HEADERS.len()).prop_flat_map(|columns| {
            let row = proptest::collection::vec(cell(), columns);
            proptest::collection::vec(row, 0..8).prop_map(move |rows| rows::Table {
                headers: HEADERS[..columns].to_vec(),
                rows,
            })
        })
    }

    proptest! {
        #[test]
        fn piped_tables_are_drawn_as_comfy_table_draws_them(table in table(), page in 1usize..4) {
            let pages = || {
                table.rows.chunks(page).map(|rows| Ok(rows::Table {
                    headers: table.headers.clone(),
                    rows: rows.to_vec(),
                }))
            };
            let mut paged = Vec::new();
            if table.rows.is_empty() {
                plain(&mut paged, || std::iter::once(Ok(&table)), Lang::Zh).expect("written to memory");
            } else {
                plain(&mut paged, pages, Lang::Zh).expect("written to memory");
            }
            prop_assert_eq!(String::from_utf8_lossy(&paged), comfy(&table));
        }
    }
}
