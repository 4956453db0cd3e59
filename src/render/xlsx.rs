//! `report --format xlsx`: one workbook for the 整改办 (SPEC §9 and §15 “Printable
//! spreadsheets”), the same data as `md`.
//!
//! Every sheet opens as the office's tables do: a merged title row, the 截至 line, then the list
//! under a bold header row, frozen, with an autofilter over the list. Every list of units or
//! items numbers its rows (序号; a 本级 or 合计 row has none). Text is in 宋体 (a Latin font in
//! English) and wraps in its cell; dates are Excel dates (2015年3月10日), rates numbers formatted
//! as percent; units are named by name wherever a person reads them.
//!
//! Every sheet prints on A4 landscape with its header repeated on every page, and legibly: a
//! sheet fitted to the page width has its columns narrowed first (long text wraps; see [`fit`]),
//! so that it prints at about 80 % and never below 60 %. The full 整改事项清单 keeps every
//! column the built-in import mapping reads (units by org path, so that the workbook imports
//! back); it is too wide for one page at any legible scale, so it prints at a fixed 70 % over
//! as many pages across as its columns need (a band of rows with all its columns, then the next),
//! its 序号 repeated on each. What the office files is the sheet after it, 整改事项清单（打印）,
//! the office's eight columns fitted to the page.
//!
//! Column widths come from the display width of the text (a Chinese character is two columns;
//! rust_xlsxwriter's own autofit counts it as one). The workbook's creation time is the as-of
//! date, so the same records and `--as-of` give the same bytes. Text is written as text, never
//! as a formula; control characters other than a line break and a tab are written out as in
//! every human format.

use std::collections::BTreeMap;
use std::io;

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};
use unicode_width::UnicodeWidthStr;

use crate::diagnostic::outcome::Fatal;
use crate::format::ledger::SHEET_ITEMS;
use crate::render::rows::{self, Cell, Table};
use crate::render::{Options, covered, notes};
use crate::rollup::Report;
use crate::text::i18n::{Lang, Term};
use crate::text::messages::report::ReportMsg;
use crate::text::messages::run::RunMsg;

/// The sheet names SPEC §9 fixes, in order; the same in every language, so the built-in import
/// mapping finds its sheet whatever language the workbook was written in.
pub const SHEET_TOTALS: &str = "总体情况";
pub const SHEET_CHILDREN: &str = "分地区（系统）情况";
pub const SHEET_AREAS: &str = "对照六个方面情况";
pub const SHEET_TASKS: &str = "专项整治情况";
/// The office's columns of the 整改事项清单, for print (SPEC §15).
pub const SHEET_PRINTED_ITEMS: &str = "整改事项清单（打印）";
pub const SHEET_OVERDUE: &str = "逾期未完成";
pub const SHEET_INEFFECTIVE: &str = "效果不理想";
pub const SHEET_NOTICE: &str = "通报";
/// Only where a `--keep-going` report left files out.
pub const SHEET_LEFT_OUT: &str = "未纳入的文件";

/// The rows above a list: its title, its 截至 line, its header.
const TITLE_ROW: u32 = 0;
const AS_OF_ROW: u32 = 1;
pub const HEADER_ROW: u32 = 2;

/// The widest a column gets, in character columns; longer text wraps.
const MAX_WIDTH: usize = 60;
/// The widest a column gets on a sheet printed across pages: its text wraps sooner, so that it
/// prints on fewer pages.
const ACROSS_MAX_WIDTH: usize = 30;
/// The narrowest a column of text is narrowed to when a sheet is fitted to the page.
const TEXT_FLOOR: usize = 8;
/// What a column is given beyond its text, in character columns.
const PAD: usize = 0;
/// Excel's highest row, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;
/// 宋体 11, as a Chinese Excel's own default, is the workbook's format in Chinese: its rows 18
/// pixels high, its columns 72 wide.
const DEFAULT_ROW_PIXELS: u32 = 18;
const DEFAULT_COLUMN_PIXELS: u32 = 72;
/// rust_xlsxwriter's (Excel's for Calibri 11), the workbook's in English.
const LATIN_ROW_PIXELS: u32 = 20;
/// A4 in Excel's paper codes.
const PAPER_A4: u8 = 9;
/// The margins, in inches: left and right, top, bottom, and the footer's.
const MARGIN_SIDE: f64 = 0.4;
const MARGIN_TOP: f64 = 0.5;
const MARGIN_BOTTOM: f64 = 0.6;
const MARGIN_FOOTER: f64 = 0.3;
/// The printed width of an A4 landscape page within the margins, in pixels at 96 dpi, the
/// unit of a column's width on paper.
const PAGE_PIXELS: f64 = (297.0 / 25.4 - 2.0 * MARGIN_SIDE) * 96.0;
/// The scale a fitted sheet is narrowed for: at about this, 11-point text prints at 8.8 points.
const FITTED_SCALE: f64 = 0.8;
/// The fixed scale of a sheet printed across pages: 11-point text at 7.7 points.
const ACROSS_SCALE: u16 = 70;
/// A character column in pixels (a little wider than the digit of 宋体 11, as LibreOffice lays
/// it out where 宋体 is not installed; Calibri's is narrower) and a column's own padding.
const COLUMN_PIXELS: usize = 9;
const COLUMN_PADDING: usize = 5;

/// The workbook's bytes. The report must have been built with [`rows::By::Item`], so that it
/// holds every item.
///
/// Every sheet is written in rust_xlsxwriter's constant-memory mode, row by row (the rows go to
/// a temporary file until the workbook is packed), and the 整改事项清单 is made one item at a
/// time from the report's items: a province's list is never held whole, neither as rows nor as
/// cells.
pub fn render(report: &Report<'_>, lang: Lang) -> io::Result<Vec<u8>> {
    let unreadable = super::FirstUnreadable::default();
    let workbook = workbook(report, lang, &unreadable).map_err(|e| {
        Fatal::from(RunMsg::XlsxFailed {
            detail: e.to_string(),
        })
        .into_io()
    })?;
    unreadable.result()?;
    Ok(workbook)
}

/// `report --format xlsx`: [`render`], written to `out`.
pub fn report(report: &mut Report, options: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(&render(report, options.lang)?)
}

fn workbook<'r>(
    report: &'r Report<'r>,
    lang: Lang,
    unreadable: &super::FirstUnreadable,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(
        report.as_of.year().try_into().unwrap_or(1900),
        report.as_of.month().try_into().unwrap_or(1),
        report.as_of.day().try_into().unwrap_or(1),
    )?;
    let mut properties = DocProperties::new()
        .set_title(crate::render::heading(report, lang))
        .set_creation_datetime(&created);
    if let Some(campaign) = &report.campaign.name {
        properties = properties.set_subject(campaign);
    }
    book.set_properties(&properties);
    let styles = Styles::new(lang);
    if lang == Lang::Zh {
        book.set_default_format(&styles.base, DEFAULT_ROW_PIXELS, DEFAULT_COLUMN_PIXELS)?;
    }
    let titled = |table: Option<Term>| {
        ReportMsg::TableTitle {
            org: covered(report, lang),
            campaign: report.campaign.name.clone(),
            table: table.map(|t| t.text(lang).to_owned()),
        }
        .text(lang)
    };
    let as_of = ReportMsg::AsOfLine {
        as_of: report.as_of.to_string(),
    }
    .text(lang);
    let people = |name, table: Option<Term>, numbered| Sheet {
        name,
        title: titled(table),
        as_of: as_of.clone(),
        headers: &[],
        numbered,
        people: true,
        print: Print::Fitted,
        below: Vec::new(),
    };

    let audience = rows::Audience::of(report, lang);
    let totals = rows::totals(report, lang);
    // Below the figures, what a 情况报告 quotes beyond them (SPEC §14), then what the document
    // rests on.
    let mut below = crate::render::figures::sentences(&report.totals, report.public, lang);
    let basis = crate::render::markdown::basis(report, lang);
    below.extend((!basis.is_empty()).then_some(basis));
    below.extend(notes(report, lang));
    let sheet = Sheet {
        headers: &totals.headers,
        below,
        ..people(SHEET_TOTALS, None, false)
    };
    table_sheet(&mut book, &sheet, &totals, &styles)?;

    let children = rows::orgs_with_totals(report, &report.children, false, lang);
    let sheet = Sheet {
        headers: &children.headers,
        ..people(SHEET_CHILDREN, Some(Term::Children), true)
    };
    table_sheet(&mut book, &sheet, &children, &styles)?;
    let areas = rows::areas(&report.by_area, audience);
    let sheet = Sheet {
        headers: &areas.headers,
        ..people(SHEET_AREAS, Some(Term::Areas), false)
    };
    table_sheet(&mut book, &sheet, &areas, &styles)?;
    let tasks = rows::tasks(&report.by_task, audience);
    let sheet = Sheet {
        headers: &tasks.headers,
        ..people(SHEET_TASKS, Some(Term::SpecialTasks), true)
    };
    table_sheet(&mut book, &sheet, &tasks, &styles)?;

    // The ledger's columns are `rows::ledger`'s, asked for one item at a time; import reads
    // them back (units by org path, every progress entry). The printed list beside it has the
    // office's columns. Both are measured in one pass over the items and written in another:
    // a province's items are the workbook's cost, and each is read once a pass.
    let ledger_headers = rows::ledger(&[], audience).headers;
    let ledger =
        |row: &crate::rollup::ItemRow| rows::ledger(std::slice::from_ref(row), audience).rows;
    let ledger_sheet = Sheet {
        headers: &ledger_headers,
        people: false,
        print: Print::Across,
        ..people(SHEET_ITEMS, Some(Term::ItemList), true)
    };
    let printed_headers = rows::office_items(&[], audience).headers;
    let printed =
        |row: &crate::rollup::ItemRow| rows::office_items(std::slice::from_ref(row), audience).rows;
    let printed_sheet = Sheet {
        headers: &printed_headers,
        ..people(SHEET_PRINTED_ITEMS, Some(Term::ItemList), true)
    };
    let mut measures = (
        Measure::new(&ledger_sheet, lang),
        Measure::new(&printed_sheet, lang),
    );
    for row in unreadable.rows(report.items.iter()) {
        ledger(&row).iter().for_each(|cells| measures.0.add(cells));
        printed(&row).iter().for_each(|cells| measures.1.add(cells));
    }
    let mut sheets = (
        standalone(&mut book, &styles)?,
        standalone(&mut book, &styles)?,
    );
    let mut lists = (
        List::begin(&mut sheets.0, &ledger_sheet, measures.0, &styles)?,
        List::begin(&mut sheets.1, &printed_sheet, measures.1, &styles)?,
    );
    for row in unreadable.rows(report.items.iter()) {
        for cells in ledger(&row) {
            lists.0.row(&mut sheets.0, &cells)?;
        }
        for cells in printed(&row) {
            lists.1.row(&mut sheets.1, &cells)?;
        }
    }
    lists.0.end(&mut sheets.0)?;
    lists.1.end(&mut sheets.1)?;
    book.push_worksheet(sheets.0);
    book.push_worksheet(sheets.1);

    let due_headers = rows::due_items(&[], audience).headers;
    let due = |list: &'r [crate::rollup::DueItem<'r>]| {
        move || {
            list.iter()
                .flat_map(move |d| rows::due_items(std::slice::from_ref(d), audience).rows)
        }
    };
    let sheet = Sheet {
        headers: &due_headers,
        ..people(SHEET_OVERDUE, Some(Term::OverdueItems), true)
    };
    write_sheet(&mut book, &sheet, due(&report.overdue_items), &styles)?;
    let sheet = Sheet {
        headers: &due_headers,
        ..people(SHEET_INEFFECTIVE, Some(Term::IneffectiveItems), true)
    };
    write_sheet(&mut book, &sheet, due(&report.ineffective_items), &styles)?;
    // The 通报 proposals are internal: a public workbook has no such sheet.
    if !report.public {
        let notice = rows::notice(report, lang);
        let sheet = Sheet {
            headers: &notice.headers,
            ..people(SHEET_NOTICE, Some(Term::Notices), true)
        };
        table_sheet(&mut book, &sheet, &notice, &styles)?;
    }
    if !report.left_out.is_empty() {
        let left_out = rows::left_out(report, lang);
        let sheet = Sheet {
            headers: &left_out.headers,
            ..people(SHEET_LEFT_OUT, Some(Term::LeftOut), true)
        };
        table_sheet(&mut book, &sheet, &left_out, &styles)?;
    }
    book.save_to_buffer()
}

/// How a sheet prints.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Print {
    /// On the page's width, its columns narrowed to print at about [`FITTED_SCALE`].
    Fitted,
    /// At [`ACROSS_SCALE`], over as many pages across as its columns need, over then down,
    /// its 序号 repeated on each.
    Across,
}

/// One sheet: its name, what stands above its list, the list's headers, and how it is shown.
struct Sheet<'a> {
    name: &'a str,
    title: String,
    as_of: String,
    headers: &'a [&'a str],
    /// A 序号 column first.
    numbered: bool,
    /// Cells as people read them (names, 2015年3月2日：…), or as `import` reads them back (org
    /// paths, ISO dates).
    people: bool,
    print: Print,
    /// Lines below the list, each across the sheet.
    below: Vec<String>,
}

/// What a cell holds, for its format.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Number,
    Date,
    Rate,
}

struct Styles {
    lang: Lang,
    base: Format,
    title: Format,
    as_of: Format,
    header: Format,
    note: Format,
    /// By [`Kind`], plain then bold (a 本级 or 合计 row).
    cells: [[Format; 2]; 4],
}

impl Styles {
    fn new(lang: Lang) -> Styles {
        let base = match lang {
            // GB2312's charset, as Excel writes 宋体.
            Lang::Zh => Format::new()
                .set_font_name("宋体")
                .set_font_size(11)
                .set_font_charset(134),
            Lang::En => Format::new(),
        };
        let date = match lang {
            Lang::Zh => "yyyy\"年\"m\"月\"d\"日\"",
            Lang::En => "yyyy-mm-dd",
        };
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap();
        let centred = cell.clone().set_align(FormatAlign::Center);
        let kinds = [
            cell.clone().set_align(FormatAlign::Left),
            centred.clone(),
            centred.clone().set_num_format(date),
            centred.set_num_format("0.0%"),
        ];
        let cells = kinds.map(|plain| [plain.clone(), plain.set_bold()]);
        Styles {
            lang,
            title: base
                .clone()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            as_of: base
                .clone()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0x00E7_E6E6)),
            note: base
                .clone()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            cells,
            base,
        }
    }

    fn cell(&self, kind: Kind, sum: bool) -> &Format {
        &self.cells[kind as usize][usize::from(sum)]
    }
}

/// A sheet of a list already in memory.
fn table_sheet(
    book: &mut Workbook,
    sheet: &Sheet,
    table: &Table,
    styles: &Styles,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    write_sheet(book, sheet, || table.rows.iter(), styles)
}

/// Whether a row is the 本级 or 合计 row of a table of orgs: bold, and not numbered.
fn is_sum(cells: &[Cell], lang: Lang) -> bool {
    matches!(cells.first(), Some(Cell::Text(t))
        if t == Term::OwnLevel.text(lang) || t == Term::Total.text(lang))
}

/// A worksheet of `book` to be written beside another and added to it afterwards, with the
/// workbook's default format: a standalone worksheet does not take it from the workbook.
fn standalone(book: &mut Workbook, styles: &Styles) -> Result<Worksheet, XlsxError> {
    let mut ws = book.new_worksheet_with_constant_memory()?;
    if styles.lang == Lang::Zh {
        ws.set_default_format(&styles.base, DEFAULT_ROW_PIXELS, DEFAULT_COLUMN_PIXELS)?;
    }
    Ok(ws)
}

/// One sheet: the title, the 截至 line, the list (`rows` gives its rows afresh each time it is
/// called: once for the column widths, once to write them), then `below`, one line a row after
/// an empty row.
fn write_sheet<I>(
    book: &mut Workbook,
    sheet: &Sheet,
    rows: impl Fn() -> I,
    styles: &Styles,
) -> Result<(), XlsxError>
where
    I: Iterator,
    I::Item: AsRef<[Cell]>,
{
    let mut measure = Measure::new(sheet, styles.lang);
    for cells in rows() {
        measure.add(cells.as_ref());
    }
    let ws = book.add_worksheet_with_constant_memory()?;
    let mut list = List::begin(ws, sheet, measure, styles)?;
    for cells in rows() {
        list.row(ws, cells.as_ref())?;
    }
    list.end(ws)
}

/// The headers of `sheet`'s list, after its 序号 where it has one.
fn headers_of<'s>(sheet: &Sheet<'s>, lang: Lang) -> Vec<&'s str> {
    let mut headers: Vec<&str> = Vec::with_capacity(sheet.headers.len() + 1);
    if sheet.numbered {
        headers.push(Term::SerialNumber.text(lang));
    }
    headers.extend(sheet.headers.iter().copied());
    headers
}

/// A sheet's list being written, a row at a time, into its worksheet.
struct List<'a> {
    sheet: &'a Sheet<'a>,
    styles: &'a Styles,
    widths: Vec<usize>,
    lead: usize,
    last_col: u16,
    last_row: u32,
    number: u32,
    heights: RowHeights,
}

impl<'a> List<'a> {
    /// The worksheet's columns, title, 截至 line and headers, the columns as wide as
    /// `measure` found.
    fn begin(
        ws: &mut Worksheet,
        sheet: &'a Sheet<'a>,
        measure: Measure,
        styles: &'a Styles,
    ) -> Result<List<'a>, XlsxError> {
        let lang = styles.lang;
        let headers = headers_of(sheet, lang);
        let lead = usize::from(sheet.numbered);
        let (mut widths, content, floors) = measure.widths();
        match sheet.print {
            Print::Fitted => fit(&mut widths, &content, &floors, PAGE_PIXELS / FITTED_SCALE),
            Print::Across => widths
                .iter_mut()
                .for_each(|w| *w = (*w).min(ACROSS_MAX_WIDTH)),
        }
        ws.set_name(sheet.name)?;
        for (col, width) in widths.iter().enumerate() {
            ws.set_column_width(col16(col), (*width + PAD) as f64)?;
        }
        let last_col = col16(headers.len().saturating_sub(1));
        // The title over the columns of the first page; on a sheet whose 序号 is repeated on
        // every page, from the column after it, or every page would carry the title's text,
        // clipped to that column.
        let (title_last, title_width) = match sheet.print {
            Print::Fitted => (last_col, widths.iter().sum::<usize>()),
            Print::Across => first_page(&widths),
        };
        let title_first = match sheet.print {
            Print::Across if lead > 0 && title_last > 1 => 1,
            _ => 0,
        };
        // A 16-point title in 11-point columns: how many lines it takes.
        let title_lines = (sheet.title.width() * 16)
            .div_ceil(11 * title_width.max(1))
            .max(1);
        ws.set_row_height(TITLE_ROW, (24.0 * title_lines as f64).min(MAX_ROW_HEIGHT))?;
        let title_cols = (title_first, title_last);
        merged(
            ws,
            TITLE_ROW,
            title_cols,
            &shown(&sheet.title),
            &styles.title,
        )?;
        ws.set_row_height(AS_OF_ROW, 20.0)?;
        merged(ws, AS_OF_ROW, title_cols, &sheet.as_of, &styles.as_of)?;
        let header_lines = headers
            .iter()
            .zip(&widths)
            .map(|(h, w)| lines(h, *w))
            .max()
            .unwrap_or(1);
        ws.set_row_height(HEADER_ROW, line_height(header_lines))?;
        for (col, header) in headers.iter().enumerate() {
            ws.write_string_with_format(HEADER_ROW, col16(col), *header, &styles.header)?;
        }
        Ok(List {
            sheet,
            styles,
            widths,
            lead,
            last_col,
            last_row: HEADER_ROW,
            number: 0,
            heights: RowHeights::default(),
        })
    }

    /// The next row of the list.
    fn row(&mut self, ws: &mut Worksheet, cells: &[Cell]) -> Result<(), XlsxError> {
        let List {
            sheet,
            styles,
            lead,
            ..
        } = *self;
        let lang = styles.lang;
        self.last_row += 1;
        let row = self.last_row;
        let sum = is_sum(cells, lang);
        // LibreOffice sizes no row to its wrapped text when it opens a file, and Excel not
        // every time: each row is set as high as its longest cell.
        let height = cells
            .iter()
            .enumerate()
            .map(|(col, cell)| {
                let width = self.widths.get(col + lead).copied().unwrap_or(MAX_WIDTH);
                match cell {
                    Cell::Text(t) => lines(t, width),
                    Cell::Org { .. } | Cell::Dated(..) if sheet.people => {
                        lines(&cell.show(lang), width)
                    }
                    Cell::Org { .. } | Cell::Dated(..) => lines(&cell.display(), width),
                    _ => 1,
                }
            })
            .max()
            .unwrap_or(1);
        self.heights.set(ws, row, height)?;
        if sheet.numbered {
            if sum {
                ws.write_blank(row, 0, styles.cell(Kind::Number, true))?;
            } else {
                self.number += 1;
                ws.write_number_with_format(
                    row,
                    0,
                    f64::from(self.number),
                    styles.cell(Kind::Number, false),
                )?;
            }
        }
        for (col, cell) in cells.iter().enumerate() {
            write_cell(ws, row, col16(col + lead), cell, sheet, sum, styles)?;
        }
        Ok(())
    }

    /// The sheet's page setup and the lines below the list.
    fn end(self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        let List {
            sheet,
            styles,
            widths,
            lead,
            last_col,
            last_row,
            heights,
            ..
        } = self;
        let lang = styles.lang;
        ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
        ws.autofilter(HEADER_ROW, 0, last_row, last_col)?;
        ws.set_paper_size(PAPER_A4);
        ws.set_landscape();
        ws.set_margins(
            MARGIN_SIDE,
            MARGIN_SIDE,
            MARGIN_TOP,
            MARGIN_BOTTOM,
            MARGIN_FOOTER,
            MARGIN_FOOTER,
        );
        ws.set_print_center_horizontally(true);
        ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
        ws.set_footer(format!("&C{}", Term::PageFooter.text(lang)));
        match sheet.print {
            Print::Fitted => {
                ws.set_print_fit_to_pages(1, 0);
            }
            Print::Across => {
                ws.set_print_scale(ACROSS_SCALE);
                // A band of rows with all its columns, then the next band.
                ws.set_page_order(false);
                if lead > 0 {
                    ws.set_repeat_columns(0, 0)?;
                }
            }
        }
        if !sheet.below.is_empty() {
            heights.keep_below(ws, last_row, lang)?;
        }
        let total_width = widths.iter().sum::<usize>().max(1);
        let mut end = (last_row, heights.last_given);
        for (i, line) in sheet.below.iter().enumerate() {
            let row = last_row + 2 + u32::try_from(i).unwrap_or(0);
            let lines = (line.width() + 2).div_ceil(total_width).max(1);
            ws.set_row_height(row, (18.0 * lines as f64).min(MAX_ROW_HEIGHT))?;
            merged(ws, row, (0, last_col), &shown(line), &styles.note)?;
            end = (row, true);
        }
        // rust_xlsxwriter (0.102) writes the `<row>` of a constant-memory sheet's last row
        // twice where that row has a height of its own, and Excel takes a sheet that repeats a
        // row for a damaged file: an empty cell in the row after it, styled so that it is
        // kept, ends the sheet instead.
        if let (row, true) = end {
            ws.write_blank(row + 1, 0, &styles.note)?;
        }
        Ok(())
    }
}

/// `text` in row `row` across the columns `first` to `last` (one cell where they are one).
fn merged(
    ws: &mut Worksheet,
    row: u32,
    (first, last): (u16, u16),
    text: &str,
    format: &Format,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    if last <= first {
        ws.write_string_with_format(row, first, text, format)?;
    } else {
        ws.merge_range(row, first, row, last, text, format)?;
    }
    Ok(())
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    sheet: &Sheet,
    sum: bool,
    styles: &Styles,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let text = styles.cell(Kind::Text, sum);
    let number = styles.cell(Kind::Number, sum);
    match cell {
        Cell::Text(t) if t.is_empty() => {
            ws.write_blank(row, col, text)?;
        }
        Cell::Text(t) => {
            ws.write_string_with_format(row, col, shown(t), text)?;
        }
        Cell::Int(n) | Cell::Ordinal(n) => {
            ws.write_number_with_format(row, col, *n as f64, number)?;
        }
        // A workbook is read back by `import`: org paths, as CSV has them, where it is read.
        Cell::Org { .. } | Cell::Dated(..) => {
            let shown_as = if sheet.people {
                cell.show(styles.lang)
            } else {
                cell.display()
            };
            ws.write_string_with_format(row, col, shown(&shown_as), text)?;
        }
        Cell::Rate(Some(rate)) => {
            ws.write_number_with_format(row, col, *rate, styles.cell(Kind::Rate, sum))?;
        }
        Cell::Rate(None) | Cell::Date(None) => {
            ws.write_blank(row, col, number)?;
        }
        Cell::Date(Some(date)) => match excel_date(*date) {
            Some(d) => {
                ws.write_datetime_with_format(row, col, &d, styles.cell(Kind::Date, sum))?;
            }
            // Before 1900 Excel has no dates: the date as text then.
            None => {
                ws.write_string_with_format(row, col, date.to_string(), number)?;
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

/// The widest line of `text`, in character columns (a Chinese character counts two).
fn text_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// How many lines `text` takes in a column `width` character columns wide, wrapped as a
/// spreadsheet program wraps it: a Latin word kept whole where it fits a line, a Chinese
/// character anywhere (a little narrower than two columns: see [`COLUMN_PIXELS`], so a
/// little more room is left than the text needs).
fn lines(text: &str, width: usize) -> usize {
    let room = ((width + PAD) * COLUMN_PIXELS * 2 / 15).max(2);
    let mut count = 0;
    for line in text.lines() {
        count += 1;
        let mut used = 0;
        for token in tokens(line) {
            let w = token.width();
            if used > 0 && used + w.min(room) > room {
                count += 1;
                used = 0;
            }
            used += w;
            // A word longer than a line is broken.
            while used > room {
                count += 1;
                used -= room;
            }
        }
    }
    count.max(1)
}

/// What a line wraps between: each Latin word with the spaces after it, each other
/// character alone.
fn tokens(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let end = if first.is_ascii() && !first.is_whitespace() {
            let word = rest
                .find(|c: char| !c.is_ascii() || c.is_whitespace())
                .unwrap_or(rest.len());
            word + rest[word..]
                .find(|c: char| c != ' ')
                .unwrap_or(rest.len() - word)
        } else {
            first.len_utf8()
        };
        let (token, after) = rest.split_at(end);
        rest = after;
        Some(token)
    })
}

/// The widest Latin word of `text`, which a narrowed column never breaks.
fn longest_word(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii() || c.is_whitespace())
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// The height of a row of `lines` lines of 11-point text, in points: 16 a line, as
/// LibreOffice sets a CJK font's lines (宋体's own are 13.5), up to Excel's highest row, 409
/// points (a longer cell shows its first 25 lines).
/// The heights of a list's rows, each as high as its longest cell. rust_xlsxwriter keeps some
/// 500 bytes for every row given a height until the workbook is saved (62 MB for a province's
/// two lists of items), so a long list takes the commonest height of its first [`PROBE`] rows
/// as the sheet's default row height, and only a row of another height is given its own. A
/// shorter list gives every row its height, as before.
#[derive(Default)]
struct RowHeights {
    /// How many of the first rows had each height, in lines.
    probed: BTreeMap<usize, usize>,
    /// The sheet's default height, in lines, once it is chosen.
    default: Option<usize>,
    /// Whether the last row was given a height of its own.
    last_given: bool,
}

/// How many rows a list must have for its commonest height to become the sheet's default.
const PROBE: usize = 64;

impl RowHeights {
    fn set(&mut self, ws: &mut Worksheet, row: u32, lines: usize) -> Result<(), XlsxError> {
        self.last_given = self.default != Some(lines);
        if self.last_given {
            ws.set_row_height(row, line_height(lines))?;
        }
        if self.default.is_none() {
            *self.probed.entry(lines).or_default() += 1;
            if self.probed.values().sum::<usize>() == PROBE {
                // The commonest, the lowest of equals.
                let commonest = (self.probed.iter())
                    .max_by_key(|&(lines, count)| (*count, std::cmp::Reverse(*lines)))
                    .map_or(1, |(lines, _)| *lines);
                ws.set_default_row_height(line_height(commonest));
                self.default = Some(commonest);
            }
        }
        Ok(())
    }

    /// The empty row after the list (`last`), before the lines below it, keeps the workbook's
    /// own height where the sheet's default was changed.
    fn keep_below(&self, ws: &mut Worksheet, last: u32, lang: Lang) -> Result<(), XlsxError> {
        if self.default.is_some() {
            let pixels = match lang {
                Lang::Zh => DEFAULT_ROW_PIXELS,
                Lang::En => LATIN_ROW_PIXELS,
            };
            ws.set_row_height_pixels(last + 1, pixels)?;
        }
        Ok(())
    }
}

fn line_height(lines: usize) -> f64 {
    (16.0 * lines.min(25) as f64 + 2.0).min(MAX_ROW_HEIGHT)
}

/// The narrowest a header gets: on three lines at most, two Chinese characters a line at
/// least, and no Latin word broken.
fn header_floor(header: &str) -> usize {
    let word = longest_word(header);
    // Whole Chinese characters a line.
    let third = header.width().div_ceil(3).next_multiple_of(2);
    word.max(third).max(header.width().min(4))
}

/// Each column's width, the width of its cells alone, and the narrowest it may be narrowed
/// to, in character columns: the widest line of its header and cells (at most [`MAX_WIDTH`]);
/// numbers, dates and rates never narrower than they are written, text down to
/// [`TEXT_FLOOR`], a header down to three lines. Where the sheet is numbered, the first column
/// is the 序号 of the rows. Measured a row at a time ([`Measure::add`]).
struct Measure {
    lead: usize,
    people: bool,
    lang: Lang,
    widths: Vec<usize>,
    content: Vec<usize>,
    floors: Vec<usize>,
    count: usize,
}

impl Measure {
    fn new(sheet: &Sheet, lang: Lang) -> Measure {
        let headers = headers_of(sheet, lang);
        Measure {
            lead: usize::from(sheet.numbered),
            people: sheet.people,
            lang,
            widths: headers.iter().map(|h| text_width(h)).collect(),
            content: vec![0; headers.len()],
            floors: headers.iter().map(|h| header_floor(h)).collect(),
            count: 0,
        }
    }

    fn add(&mut self, cells: &[Cell]) {
        let lang = self.lang;
        self.count += 1;
        for (col, cell) in cells.iter().enumerate() {
            let (width, floor) = match cell {
                Cell::Text(text) => {
                    let w = text_width(text);
                    (w, w.min(TEXT_FLOOR.max(longest_word(text))))
                }
                // 2015年12月31日, 100.0%
                Cell::Date(Some(_)) => match lang {
                    Lang::Zh => (14, 14),
                    Lang::En => (10, 10),
                },
                Cell::Rate(Some(_)) => (6, 6),
                Cell::Int(n) | Cell::Ordinal(n) => {
                    let w = n.to_string().len();
                    (w, w)
                }
                Cell::Org { .. } | Cell::Dated(..) => {
                    let w = if self.people {
                        text_width(&cell.show(lang))
                    } else {
                        text_width(&cell.display())
                    };
                    (w, w.min(TEXT_FLOOR))
                }
                Cell::Rate(None) | Cell::Date(None) => (0, 0),
            };
            let at = col + self.lead;
            if let (Some(w), Some(c), Some(f)) = (
                self.widths.get_mut(at),
                self.content.get_mut(at),
                self.floors.get_mut(at),
            ) {
                *w = (*w).max(width.min(MAX_WIDTH));
                *c = (*c).max(width.min(MAX_WIDTH));
                *f = (*f).max(floor);
            }
        }
    }

    /// The widths, the widths of the cells alone, and the floors.
    fn widths(self) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
        let Measure {
            lead,
            mut widths,
            mut content,
            mut floors,
            count,
            ..
        } = self;
        if lead > 0 {
            let digits = count.to_string().len();
            widths[0] = widths[0].max(digits);
            content[0] = digits;
            floors[0] = widths[0];
        }
        for (w, f) in widths.iter_mut().zip(&mut floors) {
            *f = (*f).min(*w);
            *w = (*w).max(1);
        }
        (widths, content, floors)
    }
}

/// How wide columns of `widths` print, in pixels at full scale.
fn pixels(widths: &[usize]) -> f64 {
    widths
        .iter()
        .map(|w| ((w + PAD) * COLUMN_PIXELS + COLUMN_PADDING) as f64)
        .sum()
}

/// The widest columns narrowed until they take at most `budget` pixels: first the headers
/// wider than their cells (a header on two or three lines costs the rows nothing), then the
/// cells too, each column no narrower than its floor. The text of a narrowed column wraps.
fn fit(widths: &mut [usize], content: &[usize], floors: &[usize], budget: f64) {
    let wrapped: Vec<usize> = content.iter().zip(floors).map(|(c, f)| *c.max(f)).collect();
    for lower in [&wrapped[..], floors] {
        let widest = widths.iter().copied().max().unwrap_or(0);
        for cap in (1..=widest).rev() {
            let fitted: Vec<usize> = widths
                .iter()
                .zip(lower)
                .map(|(w, l)| (*w).min(cap.max(*l)))
                .collect();
            if pixels(&fitted) <= budget {
                widths.copy_from_slice(&fitted);
                return;
            }
            if cap == 1 {
                widths.copy_from_slice(&fitted);
            }
        }
    }
}

/// The last column that prints on the first page of a sheet printed across, and the width of
/// the columns up to it.
fn first_page(widths: &[usize]) -> (u16, usize) {
    // Less a tenth: LibreOffice lays columns out a little wider than they are reckoned here.
    let page = PAGE_PIXELS * 100.0 / f64::from(ACROSS_SCALE) * 0.9;
    let mut last = 0;
    let mut width = 0;
    for (col, w) in widths.iter().enumerate() {
        if col > 0 && pixels(&widths[..=col]) > page {
            break;
        }
        last = col;
        width += w;
    }
    (col16(last), width)
}

fn col16(col: usize) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::{PAGE_PIXELS, fit, header_floor, line_height, lines, longest_word, pixels};

    #[test]
    fn a_sheet_is_narrowed_to_the_page_by_its_widest_columns_down_to_their_floors() {
        let mut widths = vec![4, 10, 60, 60, 14, 6];
        let floors = [4, 8, 8, 8, 14, 6];
        let content = widths.clone();
        fit(&mut widths, &content, &floors, PAGE_PIXELS / 0.8);
        assert!(pixels(&widths) <= PAGE_PIXELS / 0.8);
        assert_eq!(widths[..2], [4, 10]);
        assert_eq!(widths[2], widths[3]);
        assert_eq!(widths[4..], [14, 6]);
        // Columns that cannot be narrowed enough stay at their floors.
        let mut widths = vec![20; 40];
        fit(&mut widths, &[20; 40], &[8; 40], 100.0);
        assert_eq!(widths, vec![8; 40]);
    }

    #[test]
    fn headers_wider_than_their_cells_wrap_before_the_cells_do() {
        // A column of text 40 wide under a short header, and twelve columns of numbers under
        // headers 16 wide.
        let mut widths = vec![40];
        widths.extend([16; 12]);
        let mut content = vec![40];
        content.extend([3; 12]);
        let mut floors = vec![8];
        floors.extend([6; 12]);
        fit(&mut widths, &content, &floors, PAGE_PIXELS / 0.8);
        assert_eq!(widths[0], 40);
        assert!(widths[1..].iter().all(|w| *w < 16 && *w >= 6), "{widths:?}");
    }

    #[test]
    fn text_wraps_by_latin_words_and_chinese_characters() {
        // 8 columns: 9 × 9 × 2 / 15 = 10 columns of room a line.
        assert_eq!(lines("done or mostly done", 8), 3);
        assert_eq!(lines("整改措施整改措施", 8), 2);
        assert_eq!(lines("整改措施\n整改", 8), 2);
        assert_eq!(lines("commendation", 8), 2);
        assert_eq!(lines("", 8), 1);
        // No row higher than Excel's highest.
        assert_eq!(line_height(1), 18.0);
        assert_eq!(line_height(1000), 402.0);
        assert_eq!(longest_word("commendation proposed"), 12);
        assert_eq!(longest_word("整改abc措施"), 3);
    }

    #[test]
    fn a_header_wraps_to_three_lines_of_whole_characters_at_most() {
        assert_eq!(header_floor("序号"), 4);
        assert_eq!(header_floor("已完成"), 4);
        assert_eq!(header_floor("满意及基本满意"), 6);
        assert_eq!(header_floor("尚未报送（未到时限）"), 8);
        assert_eq!(header_floor("done or mostly done"), 8);
    }
}
