//! `report --format xlsx`: one workbook for the 整改办 (SPEC §9), the same data as `md`.
//!
//! Every sheet is one list: a bold header row, frozen, with an autofilter over the list, the
//! header repeated on every printed page, A4 landscape fitted to the page width. Column widths
//! come from the display width of the text (a Chinese character is two columns; rust_xlsxwriter's
//! own autofit counts it as one). Dates are Excel dates, rates numbers formatted as percent.
//! The workbook's creation time is the as-of date, so the same records and `--as-of` give the
//! same bytes. Text is written as text, never as a formula; control characters other than a
//! line break and a tab are written out as in every human format.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};
use unicode_width::UnicodeWidthStr;

use crate::format::ledger::SHEET_ITEMS;
use crate::render::rows::{self, Cell, Table};
use crate::render::{heading, notes};
use crate::rollup::Report;
use crate::text::i18n::{Lang, Term};

/// The sheet names SPEC §9 fixes, in order; the same in every language, so the built-in import
/// mapping finds its sheet whatever language the workbook was written in.
pub const SHEET_TOTALS: &str = "总体情况";
pub const SHEET_CHILDREN: &str = "分地区（系统）情况";
pub const SHEET_AREAS: &str = "对照六个方面情况";
pub const SHEET_OVERDUE: &str = "逾期未完成";
pub const SHEET_INEFFECTIVE: &str = "效果不理想";
pub const SHEET_NOTICE: &str = "通报";
/// Only where a `--keep-going` report left files out.
pub const SHEET_LEFT_OUT: &str = "未纳入的文件";

/// The widest a column gets, in character columns; longer text wraps.
const MAX_WIDTH: usize = 60;
/// A4 in Excel's paper codes.
const PAPER_A4: u8 = 9;

/// The workbook's bytes. The report must have been built with [`rows::By::Item`], so that it
/// holds every item.
///
/// Every sheet is written in rust_xlsxwriter's constant-memory mode, row by row (the rows go to
/// a temporary file until the workbook is packed), and the 整改事项清单 is made one item at a
/// time from the report's items: a province's list is never held whole, neither as rows nor as
/// cells.
pub fn render<'r>(
    report: &'r Report<'r>,
    lang: Lang,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(
        report.as_of.year().try_into().unwrap_or(1900),
        report.as_of.month().try_into().unwrap_or(1),
        report.as_of.day().try_into().unwrap_or(1),
    )?;
    let mut properties = DocProperties::new()
        .set_title(heading(report, lang))
        .set_creation_datetime(&created);
    if let Some(campaign) = &report.campaign.name {
        properties = properties.set_subject(campaign);
    }
    book.set_properties(&properties);
    let styles = Styles::new(lang);

    let totals = rows::totals(&report.totals, lang);
    // What the document says under its title goes below the list, in the first column.
    let mut below: Vec<String> = vec![heading(report, lang)];
    below.extend(report.campaign.document.clone());
    if let Some(deadline) = report.campaign.deadline {
        below.push(crate::text::i18n::labelled(
            lang,
            Term::CampaignDeadline.text(lang),
            &rows::date(deadline, lang),
        ));
    }
    below.extend(notes(report, lang));
    table_sheet(&mut book, SHEET_TOTALS, &totals, &below, &styles)?;

    let children = rows::orgs_with_totals(report, &report.children, false, lang);
    table_sheet(&mut book, SHEET_CHILDREN, &children, &[], &styles)?;
    let areas = rows::areas(&report.by_area, lang);
    table_sheet(&mut book, SHEET_AREAS, &areas, &[], &styles)?;
    // The ledger's columns are `rows::ledger`'s, asked for one item at a time.
    let ledger = |row: crate::rollup::ItemRow| rows::ledger(std::slice::from_ref(&row), lang).rows;
    sheet(
        &mut book,
        SHEET_ITEMS,
        &rows::ledger(&[], lang).headers,
        || report.items.iter().flat_map(ledger),
        &[],
        &styles,
    )?;
    let due_headers = rows::due_items(&[], lang).headers;
    let due = |list: &'r [crate::rollup::DueItem<'r>]| {
        move || {
            list.iter()
                .flat_map(move |d| rows::due_items(std::slice::from_ref(d), lang).rows)
        }
    };
    let overdue = &report.overdue_items;
    sheet(
        &mut book,
        SHEET_OVERDUE,
        &due_headers,
        due(overdue),
        &[],
        &styles,
    )?;
    let ineffective = &report.ineffective_items;
    sheet(
        &mut book,
        SHEET_INEFFECTIVE,
        &due_headers,
        due(ineffective),
        &[],
        &styles,
    )?;
    // The 通报 proposals are internal: a public workbook has no such sheet.
    if !report.public {
        let notice = rows::notice(report, lang);
        table_sheet(&mut book, SHEET_NOTICE, &notice, &[], &styles)?;
    }
    if !report.left_out.is_empty() {
        let left_out = rows::left_out(report, lang);
        table_sheet(&mut book, SHEET_LEFT_OUT, &left_out, &[], &styles)?;
    }
    book.save_to_buffer()
}

struct Styles {
    header: Format,
    date: Format,
    rate: Format,
    wrap: Format,
}

impl Styles {
    fn new(lang: Lang) -> Styles {
        let date = match lang {
            Lang::Zh => "yyyy\"年\"m\"月\"d\"日\"",
            Lang::En => "yyyy-mm-dd",
        };
        Styles {
            header: Format::new().set_bold().set_align(FormatAlign::Center),
            date: Format::new().set_num_format(date),
            rate: Format::new().set_num_format("0.0%"),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

/// A sheet of a list already in memory.
fn table_sheet(
    book: &mut Workbook,
    name: &str,
    table: &Table,
    below: &[String],
    styles: &Styles,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    sheet(
        book,
        name,
        &table.headers,
        || table.rows.iter(),
        below,
        styles,
    )
}

/// One sheet: the list (`rows` gives its rows afresh each time it is called: once for the
/// column widths, once to write them), then `below` one line a row after an empty row.
fn sheet<I>(
    book: &mut Workbook,
    name: &str,
    headers: &[&str],
    rows: impl Fn() -> I,
    below: &[String],
    styles: &Styles,
) -> Result<(), rust_xlsxwriter::XlsxError>
where
    I: Iterator,
    I::Item: AsRef<[Cell]>,
{
    let widths = widths(headers, rows());
    let ws = book.add_worksheet_with_constant_memory()?;
    ws.set_name(name)?;
    for (col, width) in widths.iter().enumerate() {
        // Room for the filter button beside the header.
        ws.set_column_width(col16(col), (*width + 3) as f64)?;
    }
    for (col, header) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col16(col), *header, &styles.header)?;
    }
    let mut last_row = 0;
    for cells in rows() {
        last_row += 1;
        for (col, cell) in cells.as_ref().iter().enumerate() {
            let wrap = widths.get(col).is_some_and(|w| *w >= MAX_WIDTH);
            write_cell(ws, last_row, col16(col), cell, wrap, styles)?;
        }
    }
    let last_col = col16(headers.len().saturating_sub(1));
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last_row, last_col)?;
    ws.set_paper_size(PAPER_A4);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    for (i, line) in below.iter().enumerate() {
        let row = last_row + 2 + u32::try_from(i).unwrap_or(0);
        ws.write_string(row, 0, shown(line))?;
    }
    Ok(())
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    wrap: bool,
    styles: &Styles,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    match cell {
        Cell::Text(text) if text.is_empty() => {}
        Cell::Text(text) if wrap || text.contains('\n') => {
            ws.write_string_with_format(row, col, shown(text), &styles.wrap)?;
        }
        Cell::Text(text) => {
            ws.write_string(row, col, shown(text))?;
        }
        Cell::Int(n) | Cell::Ordinal(n) => {
            ws.write_number(row, col, *n as f64)?;
        }
        // A workbook is read back by `import`: org paths, as CSV has them.
        Cell::Org { .. } | Cell::Dated(..) => {
            ws.write_string(row, col, shown(&cell.display()))?;
        }
        Cell::Rate(Some(rate)) => {
            ws.write_number_with_format(row, col, *rate, &styles.rate)?;
        }
        Cell::Rate(None) | Cell::Date(None) => {}
        Cell::Date(Some(date)) => match excel_date(*date) {
            Some(d) => {
                ws.write_datetime_with_format(row, col, &d, &styles.date)?;
            }
            // Before 1900 Excel has no dates: the date as text then.
            None => {
                ws.write_string(row, col, date.to_string())?;
            }
        },
    }
    Ok(())
}

fn excel_date(date: jiff::civil::Date) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok().filter(|y| *y >= 1900)?;
    ExcelDateTime::from_ymd(
        year,
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
    .ok()
}

/// A text as a spreadsheet shows it: control characters but a line break and a tab written
/// out, as everywhere (see [`crate::text::escape`]).
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    crate::text::escape::controls(text, &['\n', '\t'])
}

/// Each column's width in character columns: the widest line of its header and cells (a
/// Chinese character counts two), at most [`MAX_WIDTH`].
fn widths(headers: &[&str], rows: impl Iterator<Item = impl AsRef<[Cell]>>) -> Vec<usize> {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for cells in rows {
        for (col, cell) in cells.as_ref().iter().enumerate() {
            let width = match cell {
                Cell::Text(text) => text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0),
                // 2015年12月31日, 100.0%
                Cell::Date(Some(_)) => 14,
                Cell::Rate(Some(_)) => 6,
                Cell::Int(n) | Cell::Ordinal(n) => n.to_string().len(),
                Cell::Org { .. } | Cell::Dated(..) => cell.display().width(),
                Cell::Rate(None) | Cell::Date(None) => 0,
            };
            if let Some(slot) = widths.get_mut(col) {
                *slot = (*slot).max(width.min(MAX_WIDTH));
            }
        }
    }
    widths
}

fn col16(col: usize) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}
