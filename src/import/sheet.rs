//! A spreadsheet's sheet as a grid of values: .xlsx, .xls and .ods through calamine,
//! .csv through the csv crate (UTF-8 with or without a byte-order mark, or GBK as Excel on
//! Chinese Windows saves it).
//!
//! calamine has panicked on malformed files: every call into it runs inside `catch_unwind`, and
//! a panic is a file that cannot be read, never a crash. Before calamine reads a workbook it is
//! measured ([`super::measure`]), so that nothing it allocates follows a number the file
//! states. The cells are kept sparsely, each row only its cells with a value, so a cell at
//! `XFD1048576` costs what a cell at `A1` does; an address beyond an Excel sheet and more than
//! 10 M cells are refused. A formula cell gives its cached value (what the office last saw),
//! never the formula; a merged cell's value fills every cell it covers within the cells kept.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, DataRef, Reader, Sheets};

use super::measure::{self, Limit, MAX_CELLS, MAX_COLS, MAX_PART, MAX_ROWS};
use jiff::civil::Date;

/// The A1 name of a cell, where an import names one (`F12`).
pub use crate::diagnostic::place::cell_name;

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell formatted as a date; `Err` with its serial where the calendar has no such day
    /// (Excel's 1900-02-29).
    Date(Result<Date, f64>),
    /// A formula's error (`#DIV/0!`) or a formula without a saved value.
    Error(String),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, as the office sees it.
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Date(Ok(d)) => d.to_string(),
            Value::Date(Err(serial)) => serial.to_string(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// A sheet: its name and its rows, each only its cells with a value.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    pub sheet: String,
    /// Row by row, to the last with a value.
    pub rows: Vec<Row>,
}

/// One row's cells with a value, by column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    cells: Vec<(u32, Value)>,
}

const EMPTY: Value = Value::Empty;

impl Row {
    /// The cell at column `col` (0-based); empty where none.
    pub fn get(&self, col: usize) -> &Value {
        let Ok(col) = u32::try_from(col) else {
            return &EMPTY;
        };
        match self.cells.binary_search_by_key(&col, |(c, _)| *c) {
            Ok(i) => &self.cells[i].1,
            Err(_) => &EMPTY,
        }
    }

    /// The cells with a value, by column, each with its 0-based column.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Value)> {
        self.cells.iter().map(|(c, v)| (*c as usize, v))
    }

    /// One past the last column with a value.
    pub fn width(&self) -> usize {
        self.cells.last().map_or(0, |(c, _)| *c as usize + 1)
    }

    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|(_, v)| v.is_empty())
    }
}

impl Grid {
    pub fn get(&self, row: usize, col: usize) -> &Value {
        self.rows.get(row).map_or(&EMPTY, |r| r.get(col))
    }
}

/// The cells of a sheet as they are read: in any order, each address within an Excel sheet,
/// at most [`MAX_CELLS`] of them.
#[derive(Default)]
struct Cells {
    rows: Vec<Row>,
    count: u64,
    /// One past the last column with a value.
    width: u32,
}

impl Cells {
    fn set(&mut self, row: u64, col: u64, value: Value) -> Result<(), SheetError> {
        if row >= MAX_ROWS || col >= MAX_COLS {
            return Err(SheetError::Limit(Limit::Beyond(cell_name(
                usize::try_from(row).unwrap_or(usize::MAX),
                usize::try_from(col).unwrap_or(usize::MAX),
            ))));
        }
        self.count += 1;
        if self.count > MAX_CELLS {
            return Err(SheetError::Limit(Limit::Cells));
        }
        let (row, col) = (row as usize, col as u32);
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Row::default);
        }
        self.width = self.width.max(col + 1);
        let cells = &mut self.rows[row].cells;
        match cells.last() {
            Some((last, _)) if *last >= col => {
                match cells.binary_search_by_key(&col, |(c, _)| *c) {
                    Ok(i) => cells[i].1 = value,
                    Err(i) => cells.insert(i, (col, value)),
                }
            }
            _ => cells.push((col, value)),
        }
        Ok(())
    }

    /// A merged region's first value over every cell of it within the rows and columns kept
    /// (as a spreadsheet program shows it); each cell so filled counts, and so does its text
    /// against [`MAX_PART`], so no region fills more than the limits allow.
    fn merge(
        &mut self,
        (r0, c0): (u32, u32),
        (r1, c1): (u32, u32),
        text: &mut u64,
    ) -> Result<(), SheetError> {
        let (r0, c0) = (r0 as usize, c0);
        let last_row = (r1 as usize).min(self.rows.len().saturating_sub(1));
        let c1 = c1.min(self.width.saturating_sub(1));
        if r0 > last_row || c0 > c1 || self.width == 0 {
            return Ok(());
        }
        let first = self.rows[r0].get(c0 as usize).clone();
        let size = match &first {
            Value::Text(t) | Value::Error(t) => t.len() as u64,
            _ => 0,
        };
        for row in &mut self.rows[r0..=last_row] {
            let span = u64::from(c1 - c0 + 1);
            let mut kept: Vec<(u32, Value)> = Vec::with_capacity(row.cells.len());
            let mut fill = Vec::new();
            if !first.is_empty() {
                self.count = self.count.saturating_add(span);
                *text = text.saturating_add(size.saturating_mul(span));
                if self.count > MAX_CELLS || *text > MAX_PART {
                    return Err(SheetError::Limit(Limit::Cells));
                }
                fill = (c0..=c1).map(|c| (c, first.clone())).collect();
            }
            let mut fill = fill.into_iter().peekable();
            for (c, v) in std::mem::take(&mut row.cells) {
                if (c0..=c1).contains(&c) {
                    continue;
                }
                while fill.peek().is_some_and(|(f, _)| *f < c) {
                    kept.extend(fill.next());
                }
                kept.push((c, v));
            }
            kept.extend(fill);
            row.cells = kept;
        }
        Ok(())
    }
}

/// Why a file gave no grid.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetError {
    /// Not a spreadsheet this reads, or a damaged one: the reader's words.
    Unreadable(String),
    /// A CSV file in neither UTF-8 nor GBK.
    Encoding,
    /// The reader failed inside on this file.
    ReaderFailed,
    /// The extension is none of .xlsx, .xlsm, .xls, .xlsb, .ods, .csv.
    Extension,
    /// No sheet of that name; the sheets there are.
    NoSheet { wanted: String, sheets: Vec<String> },
    /// The workbook has no sheet at all.
    NoSheets,
    /// Beyond a limit on what a spreadsheet may hold (SPEC §16).
    Limit(Limit),
}

/// The kind of file, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Workbook,
    Csv,
}

/// The kind of workbook, by its contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
}

pub fn kind_of(name: &str) -> Option<Kind> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Some(Kind::Workbook),
        "csv" | "txt" => Some(Kind::Csv),
        _ => None,
    }
}

/// Reads the sheet `wanted` (the first one where `None`) of a file whose name is `name`.
pub fn read(name: &str, bytes: Vec<u8>, wanted: Option<&str>) -> Result<Grid, SheetError> {
    match kind_of(name) {
        Some(Kind::Workbook) => workbook(bytes, wanted),
        Some(Kind::Csv) => csv(&bytes, name),
        None => Err(SheetError::Extension),
    }
}

/// A CSV file is one sheet, named after the file's stem.
fn csv(bytes: &[u8], name: &str) -> Result<Grid, SheetError> {
    let text = decode(bytes)?;
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut cells = Cells::default();
    let mut record = ::csv::StringRecord::new();
    let mut r = 0u64;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(SheetError::Unreadable(e.to_string())),
        }
        for (c, field) in record.iter().enumerate() {
            if !field.is_empty() {
                cells.set(r, c as u64, Value::Text(field.to_owned()))?;
            }
        }
        r += 1;
    }
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    Ok(Grid {
        sheet: stem.to_owned(),
        rows: cells.rows,
    })
}

/// UTF-8 (a byte-order mark dropped), else GBK (GB18030) where the bytes read as it.
fn decode(bytes: &[u8]) -> Result<String, SheetError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
        .ok_or(SheetError::Encoding)
}

/// Runs a call into calamine; a panic in it is an unreadable file.
fn guarded<T>(call: impl FnOnce() -> T) -> Result<T, SheetError> {
    catch_unwind(AssertUnwindSafe(call)).map_err(|_| SheetError::ReaderFailed)
}

fn workbook(bytes: Vec<u8>, wanted: Option<&str>) -> Result<Grid, SheetError> {
    let previous = std::panic::take_hook();
    // A panic inside calamine is reported as an unreadable file; its default message on stderr
    // would only confuse.
    std::panic::set_hook(Box::new(|_| {}));
    let result = guarded(|| open_sheet(bytes, wanted)).and_then(|r| r);
    std::panic::set_hook(previous);
    result
}

fn open_sheet(bytes: Vec<u8>, wanted: Option<&str>) -> Result<Grid, SheetError> {
    let format = measure::measure(&bytes)?;
    let unreadable = |e: calamine::Error| SheetError::Unreadable(e.to_string());
    let cursor = Cursor::new(bytes);
    let mut book = match format {
        Format::Xlsx => calamine::Xlsx::new(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| unreadable(e.into())),
        Format::Xls => calamine::Xls::new(cursor)
            .map(Sheets::Xls)
            .map_err(|e| unreadable(e.into())),
        Format::Ods => calamine::Ods::new(cursor)
            .map(Sheets::Ods)
            .map_err(|e| unreadable(e.into())),
    }?;
    let sheets = book.sheet_names();
    let name = match wanted {
        Some(w) => sheets
            .iter()
            .find(|s| s.as_str() == w)
            .cloned()
            .ok_or_else(|| SheetError::NoSheet {
                wanted: w.to_owned(),
                sheets: sheets.clone(),
            })?,
        None => sheets.first().cloned().ok_or(SheetError::NoSheets)?,
    };
    let mut cells = Cells::default();
    let merged = match &mut book {
        Sheets::Xlsx(x) => {
            xlsx_cells(x, &name, &mut cells)?;
            x.merge_cells_by_sheet_name(&name).unwrap_or_default()
        }
        _ => {
            ranged_cells(&mut book, &name, &mut cells)?;
            Vec::new()
        }
    };
    let mut text = 0;
    for region in merged {
        cells.merge(region.start, region.end, &mut text)?;
    }
    Ok(Grid {
        sheet: name,
        rows: cells.rows,
    })
}

/// The cells of an .xlsx sheet, in one pass over its XML: each cell's value (a formula's saved
/// one), and where a formula has no saved value, the formula (see [`with_formulas`]).
fn xlsx_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsx<RS>,
    name: &str,
    cells: &mut Cells,
) -> Result<(), SheetError> {
    let unreadable = |e: calamine::XlsxError| SheetError::Unreadable(e.to_string());
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet: no cells (as `worksheet_range` has it).
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(()),
        Err(e) => return Err(unreadable(e)),
    };
    let mut formulas = Vec::new();
    while let Some(cell) = reader.next_cell_with_formula().map_err(unreadable)? {
        let (r, c) = (u64::from(cell.pos.0), u64::from(cell.pos.1));
        if let Some(formula) = cell.formula.filter(|f| !f.is_empty()) {
            if r >= MAX_ROWS || c >= MAX_COLS {
                return Err(SheetError::Limit(Limit::Beyond(cell_name(
                    r as usize, c as usize,
                ))));
            }
            formulas.push(((r as usize, c as usize), formula));
            if formulas.len() as u64 > MAX_CELLS {
                return Err(SheetError::Limit(Limit::Cells));
            }
        }
        let value = match cell.value {
            DataRef::Empty => continue,
            DataRef::String(s) => Value::Text(s),
            DataRef::SharedString(s) => Value::Text(s.to_owned()),
            other => value(&Data::from(other)),
        };
        cells.set(r, c, value)?;
    }
    with_formulas(cells, formulas)
}

/// A formula whose cached value is missing reads as empty: it is marked instead, where it falls
/// within the cells with values.
fn with_formulas(
    cells: &mut Cells,
    formulas: impl IntoIterator<Item = ((usize, usize), String)>,
) -> Result<(), SheetError> {
    let width = cells.width as usize;
    for ((r, c), formula) in formulas {
        if r < cells.rows.len() && c < width && cells.rows[r].get(c).is_empty() {
            cells.set(r as u64, c as u64, Value::Error(format!("={formula}")))?;
        }
    }
    Ok(())
}

/// The cells of a sheet of another kind of workbook, through calamine's ranges of values and of
/// formulas (measured before: see [`measure`]).
fn ranged_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    name: &str,
    cells: &mut Cells,
) -> Result<(), SheetError> {
    let unreadable = |e: calamine::Error| SheetError::Unreadable(e.to_string());
    let range = book.worksheet_range(name).map_err(unreadable)?;
    let formulas = book.worksheet_formula(name).ok();
    for (r, c, cell) in range.used_cells() {
        let (top, left) = range.start().unwrap_or((0, 0));
        cells.set(
            u64::from(top) + r as u64,
            u64::from(left) + c as u64,
            value(cell),
        )?;
    }
    drop(range);
    if let Some(formulas) = formulas {
        let (ftop, fleft) = formulas.start().unwrap_or((0, 0));
        let found: Vec<((usize, usize), String)> = formulas
            .used_cells()
            .filter(|(_, _, f)| !f.is_empty())
            .map(|(r, c, f)| ((ftop as usize + r, fleft as usize + c), f.clone()))
            .collect();
        with_formulas(cells, found)?;
    }
    Ok(())
}

fn value(cell: &Data) -> Value {
    match cell {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            let date = i16::try_from(y)
                .ok()
                .and_then(|y| Date::new(y, m as i8, day as i8).ok());
            Value::Date(date.ok_or(d.as_f64()))
        }
        Data::DateTimeIso(s) => match s.get(..10).and_then(|d| d.parse::<Date>().ok()) {
            Some(d) => Value::Date(Ok(d)),
            None => Value::Text(s.clone()),
        },
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Error(format!("#{e:?}")),
    }
}

/// An Excel serial date (1900 system) as a calendar date: `Err` for serial 60, the 29 February
/// 1900 that Excel counts and the calendar does not.
pub fn serial_date(serial: f64) -> Result<Date, f64> {
    let days = serial.floor();
    if !(1.0..2_958_466.0).contains(&days) || days == 60.0 {
        return Err(serial);
    }
    // From 1 March 1900 on, serials count one day too many.
    let offset = if days > 60.0 { days - 1.0 } else { days };
    Date::new(1899, 12, 31)
        .ok()
        .and_then(|d| d.checked_add(jiff::Span::new().days(offset as i64)).ok())
        .ok_or(serial)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_and_serials() {
        assert_eq!(cell_name(11, 5), "F12");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(serial_date(42063.0), Ok(Date::new(2015, 2, 28).unwrap()));
        assert_eq!(serial_date(59.0), Ok(Date::new(1900, 2, 28).unwrap()));
        assert_eq!(serial_date(61.0), Ok(Date::new(1900, 3, 1).unwrap()));
        assert_eq!(serial_date(60.0), Err(60.0));
    }
}
