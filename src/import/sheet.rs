//! A spreadsheet's sheet as a grid of values: .xlsx, .xls, .xlsb and .ods through calamine,
//! .csv through the csv crate (UTF-8 with or without a byte-order mark, or GBK as Excel on
//! Chinese Windows saves it).
//!
//! calamine has panicked on malformed files: every call into it runs inside `catch_unwind`, and
//! a panic is a file that cannot be read, never a crash. A formula cell gives its cached value
//! (what the office last saw), never the formula; a merged cell's value fills every cell it
//! covers.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, DataRef, Reader, Sheets};
use jiff::civil::Date;

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

/// A sheet: its name and its rows, each as wide as the widest.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    pub sheet: String,
    pub rows: Vec<Vec<Value>>,
}

impl Grid {
    pub fn get(&self, row: usize, col: usize) -> &Value {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Value::Empty)
    }
}

/// Why a file gave no grid.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetError {
    /// Not a spreadsheet this reads, or a damaged one: the reader's words.
    Unreadable(String),
    /// The extension is none of .xlsx, .xlsm, .xls, .xlsb, .ods, .csv.
    Extension,
    /// No sheet of that name; the sheets there are.
    NoSheet { wanted: String, sheets: Vec<String> },
    /// The workbook has no sheet at all.
    NoSheets,
}

/// The kind of file, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Workbook,
    Csv,
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
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| SheetError::Unreadable(e.to_string()))?;
        rows.push(
            record
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(c.to_owned())
                    }
                })
                .collect(),
        );
    }
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    Ok(squared(stem.to_owned(), rows))
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
        .ok_or_else(|| SheetError::Unreadable("neither UTF-8 nor GBK".to_owned()))
}

/// Runs a call into calamine; a panic in it is an unreadable file.
fn guarded<T>(call: impl FnOnce() -> T) -> Result<T, SheetError> {
    catch_unwind(AssertUnwindSafe(call))
        .map_err(|_| SheetError::Unreadable("the reader failed on this file".to_owned()))
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
    let unreadable = |e: calamine::Error| SheetError::Unreadable(e.to_string());
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
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
    let (mut rows, merged) = match &mut book {
        Sheets::Xlsx(x) => {
            let rows = xlsx_rows(x, &name).map_err(|e| unreadable(e.into()))?;
            (rows, x.merge_cells_by_sheet_name(&name).unwrap_or_default())
        }
        _ => (ranged_rows(&mut book, &name)?, Vec::new()),
    };
    for region in merged {
        let (r0, c0) = (region.start.0 as usize, region.start.1 as usize);
        let (r1, c1) = (region.end.0 as usize, region.end.1 as usize);
        let Some(first) = rows.get(r0).and_then(|r| r.get(c0)).cloned() else {
            continue;
        };
        for row in rows.iter_mut().take(r1 + 1).skip(r0) {
            for slot in row.iter_mut().take(c1 + 1).skip(c0) {
                *slot = first.clone();
            }
        }
    }
    Ok(squared(name, rows))
}

/// The cells of an .xlsx sheet, in one pass over its XML: each cell's value (a formula's saved
/// one), and where a formula has no saved value, the formula (see [`with_formulas`]). The rows
/// reach to the last with a value, each as wide as the widest.
fn xlsx_rows<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsx<RS>,
    name: &str,
) -> Result<Vec<Vec<Value>>, calamine::XlsxError> {
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet: no cells (as `worksheet_range` has it).
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let mut formulas = Vec::new();
    while let Some(cell) = reader.next_cell_with_formula()? {
        let (r, c) = (cell.pos.0 as usize, cell.pos.1 as usize);
        if let Some(formula) = cell.formula.filter(|f| !f.is_empty()) {
            formulas.push(((r, c), formula));
        }
        let value = match cell.value {
            DataRef::Empty => continue,
            DataRef::String(s) => Value::Text(s),
            DataRef::SharedString(s) => Value::Text(s.to_owned()),
            other => value(&Data::from(other)),
        };
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.len() <= c {
            row.resize(c + 1, Value::Empty);
        }
        row[c] = value;
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, Value::Empty);
    }
    with_formulas(&mut rows, formulas);
    Ok(rows)
}

/// A formula whose cached value is missing reads as empty: it is marked instead, where it falls
/// within the cells with values.
fn with_formulas(
    rows: &mut [Vec<Value>],
    formulas: impl IntoIterator<Item = ((usize, usize), String)>,
) {
    for ((r, c), formula) in formulas {
        if let Some(slot) = rows.get_mut(r).and_then(|row| row.get_mut(c))
            && slot.is_empty()
        {
            *slot = Value::Error(format!("={formula}"));
        }
    }
}

/// The cells of a sheet of another kind of workbook, through calamine's ranges of values and of
/// formulas.
fn ranged_rows<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    name: &str,
) -> Result<Vec<Vec<Value>>, SheetError> {
    let unreadable = |e: calamine::Error| SheetError::Unreadable(e.to_string());
    let range = book.worksheet_range(name).map_err(unreadable)?;
    let formulas = book.worksheet_formula(name).ok();
    let (top, left) = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    let (top, left) = (top as usize, left as usize);
    let mut rows: Vec<Vec<Value>> = vec![vec![Value::Empty; left + width]; top + height];
    for (r, row) in range.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            rows[top + r][left + c] = value(cell);
        }
    }
    if let Some(formulas) = formulas {
        let (ftop, fleft) = formulas.start().unwrap_or((0, 0));
        let cells = formulas.rows().enumerate().flat_map(|(r, row)| {
            row.iter()
                .enumerate()
                .filter(|(_, f)| !f.is_empty())
                .map(move |(c, f)| ((ftop as usize + r, fleft as usize + c), f.clone()))
        });
        with_formulas(&mut rows, cells);
    }
    Ok(rows)
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

/// Every row as wide as the widest.
fn squared(sheet: String, mut rows: Vec<Vec<Value>>) -> Grid {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, Value::Empty);
    }
    Grid { sheet, rows }
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

/// The A1 name of a cell: row and column 0-based.
pub fn cell_name(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
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
