//! A workbook measured before calamine reads it (SPEC §16): calamine sizes what it allocates
//! by the numbers a file states (an `.xls` DIMENSIONS record, an `.ods` repeat count, the
//! `uniqueCount` of shared strings) and inflates every part of a zip whole, so a file of a few
//! kilobytes could ask it for terabytes. Here each part is inflated within [`MAX_PART`] bytes,
//! counted, and the numbers that calamine would act on are held to [`MAX_CELLS`] cells and to
//! an Excel sheet's [`MAX_ROWS`] × [`MAX_COLS`], without allocating in proportion to any of
//! them. What passes is what calamine can read within those bounds.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::sheet::{Format, SheetError};

/// The most rows of an Excel sheet (`1048576`).
pub const MAX_ROWS: u64 = 1_048_576;
/// The most columns of an Excel sheet (`XFD`).
pub const MAX_COLS: u64 = 16_384;
/// The most cells (and shared strings) a workbook may hold.
pub const MAX_CELLS: u64 = 10_000_000;
/// The most bytes one part of a workbook may inflate to.
pub const MAX_PART: u64 = 1 << 30;

/// The longest workbook stream of an `.xls` file read: the file's own limit.
const MAX_STREAM: u64 = 256 << 20;

/// What the measuring refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Limit {
    /// A part that inflates to more than [`MAX_PART`] bytes.
    Part(String),
    /// More than [`MAX_CELLS`] cells.
    Cells,
    /// More than [`MAX_CELLS`] shared strings.
    Strings,
    /// A cell beyond an Excel sheet, as A1 (`XFE1`, `A1048577`).
    Beyond(String),
    /// A binary workbook (`.xlsb`), which is not measured and so not read.
    Binary,
}

/// The format of a workbook by its first bytes and, in a zip, its parts; measured. `Err` for
/// a file that breaks a limit or cannot be told.
pub fn measure(bytes: &[u8]) -> Result<Format, SheetError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        zipped(bytes)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        xls(bytes)?;
        Ok(Format::Xls)
    } else {
        // calamine's words for it, which the docs show.
        Err(SheetError::Unreadable(
            "Cannot detect file format".to_owned(),
        ))
    }
}

fn unreadable(e: impl std::fmt::Display) -> SheetError {
    SheetError::Unreadable(e.to_string())
}

/// An `.xlsx` or `.ods`: every part inflated within its limit, and the parts calamine sizes
/// itself by (shared strings, an `.ods` sheet's content) measured on the way.
fn zipped(bytes: &[u8]) -> Result<Format, SheetError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    let has = |name: &str| names.iter().any(|n| n.eq_ignore_ascii_case(name));
    let format = if has("content.xml") || has("mimetype") {
        Format::Ods
    } else if has("xl/workbook.bin") {
        return Err(SheetError::Limit(Limit::Binary));
    } else {
        Format::Xlsx
    };
    let mut cells = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(unreadable)?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        if entry.size() > MAX_PART {
            return Err(SheetError::Limit(Limit::Part(name)));
        }
        let mut part = Bounded {
            inner: entry,
            left: MAX_PART,
        };
        let lower = name.to_ascii_lowercase();
        let measured = if format == Format::Ods && lower == "content.xml" {
            ods_content(&mut part, &mut cells)
        } else if format == Format::Xlsx && lower.ends_with("sharedstrings.xml") {
            shared_strings(&mut part)
        } else {
            Ok(())
        };
        // The rest of the part (all of it, where it was not measured), to its end or its limit.
        let drained = std::io::copy(&mut part, &mut std::io::sink());
        if part.left == 0 {
            return Err(SheetError::Limit(Limit::Part(name)));
        }
        measured?;
        drained.map_err(unreadable)?;
    }
    Ok(format)
}

/// A part read at most `left` bytes far; past that it reads as ended, with `left` at 0.
struct Bounded<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Ok(0);
        }
        let want = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        // One byte more than the limit tells a part that ends there from one that goes on.
        let n = self.inner.read(&mut buf[..want])?;
        self.left = self.left.saturating_sub(n as u64);
        if self.left == 0 {
            let mut probe = [0u8; 1];
            if self.inner.read(&mut probe)? == 0 {
                self.left = 1;
            }
        }
        Ok(n)
    }
}

/// An XML reader configured as calamine configures its own, so that it accepts no less.
fn xml<R: Read>(part: R) -> quick_xml::Reader<std::io::BufReader<R>> {
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = false;
    reader
}

/// A number attribute of an element, where it is one.
fn number(e: &BytesStart<'_>, name: &str) -> Option<u64> {
    let attr = e.try_get_attribute(name).ok().flatten()?;
    attr.value.trim().parse().ok()
}

/// `sharedStrings.xml`: the count it states (calamine reserves that many) and the strings it
/// holds, each at most [`MAX_CELLS`].
fn shared_strings(part: impl Read) -> Result<(), SheetError> {
    let mut reader = xml(part);
    let mut buf = Vec::new();
    let mut strings = 0u64;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                "sst" => {
                    let stated = number(&e, "uniqueCount").unwrap_or(0);
                    if stated > MAX_CELLS {
                        return Err(SheetError::Limit(Limit::Strings));
                    }
                }
                "si" => {
                    strings += 1;
                    if strings > MAX_CELLS {
                        return Err(SheetError::Limit(Limit::Strings));
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) => return Ok(()),
            // calamine says what is wrong with it.
            Err(_) => return Ok(()),
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// An `.ods` file's `content.xml`, every sheet of it, as calamine lays it out: a row keeps its
/// cells up to its last one with a value (a repeated cell as many times as it says), and the
/// rows from the first with a value to the last are kept, each as wide as the widest and as
/// many times as it is repeated. Trailing empty cells and rows, which spreadsheet programs
/// write with large repeat counts, cost nothing.
fn ods_content(part: impl Read, cells: &mut u64) -> Result<(), SheetError> {
    let mut reader = xml(part);
    let mut buf = Vec::new();
    // The sheet being read: rows before its first with a value, its span of rows through the
    // last with a value, the rows since then, and its widest row.
    let mut sheet = OdsSheet::default();
    let mut row: Option<OdsRow> = None;
    // Inside a cell: its depth, its repeat count and whether it holds anything.
    let mut cell: Option<(usize, u64, bool)> = None;
    // Inside a table: calamine reads a table until its end tag, and waits for it forever past
    // the end of the file.
    let mut in_table = false;
    loop {
        let event = reader.read_event_into(&mut buf);
        match event {
            Ok(Event::Start(ref e) | Event::Empty(ref e)) => {
                let empty = matches!(event, Ok(Event::Empty(_)));
                let name = e.name();
                if let Some((depth, _, filled)) = cell.as_mut() {
                    *filled = true;
                    if !empty {
                        *depth += 1;
                    }
                } else if name.as_ref() == "table:table" {
                    if !empty {
                        sheet = OdsSheet::default();
                        in_table = true;
                    }
                } else if name.as_ref() == "table:table-row" {
                    let repeats = number(e, "table:number-rows-repeated").unwrap_or(1).max(1);
                    let started = OdsRow {
                        repeats,
                        ..OdsRow::default()
                    };
                    if empty {
                        sheet.add(started, cells)?;
                    } else {
                        row = Some(started);
                    }
                } else if name.as_ref() == "table:table-cell"
                    || name.as_ref() == "table:covered-table-cell"
                {
                    let repeats = number(e, "table:number-columns-repeated")
                        .unwrap_or(1)
                        .max(1);
                    let valued = e
                        .try_get_attribute("office:value-type")
                        .ok()
                        .flatten()
                        .is_some()
                        || e.try_get_attribute("table:formula")
                            .ok()
                            .flatten()
                            .is_some();
                    if empty {
                        if let Some(r) = row.as_mut() {
                            r.cell(repeats, valued)?;
                        }
                    } else {
                        cell = Some((0, repeats, valued));
                    }
                }
            }
            Ok(Event::Text(ref t)) => {
                if let Some((_, _, filled)) = cell.as_mut()
                    && !t.trim().is_empty()
                {
                    *filled = true;
                }
            }
            Ok(Event::End(ref e)) => {
                if let Some((depth, repeats, filled)) = cell {
                    if depth == 0 {
                        cell = None;
                        if let Some(r) = row.as_mut() {
                            r.cell(repeats, filled)?;
                        }
                    } else {
                        cell = Some((depth - 1, repeats, filled));
                    }
                } else if e.name().as_ref() == "table:table-row"
                    && let Some(r) = row.take()
                {
                    sheet.add(r, cells)?;
                } else if e.name().as_ref() == "table:table" {
                    in_table = false;
                }
            }
            Ok(Event::Eof) if in_table => {
                return Err(unreadable("the content ends inside a table"));
            }
            Ok(Event::Eof) => return Ok(()),
            Err(_) => return Ok(()),
            // A reference, CDATA, a comment: the cell holds something.
            Ok(_) => {
                if let Some((_, _, filled)) = cell.as_mut() {
                    *filled = true;
                }
            }
        }
        buf.clear();
    }
}

/// A sheet of an `.ods` file as it is measured.
#[derive(Default)]
struct OdsSheet {
    /// Whether a row with a value has been seen.
    started: bool,
    /// Rows (repeats counted) from the first with a value through the last.
    span: u64,
    /// Rows (repeats counted) since the last with a value.
    pending: u64,
    /// Rows above the first with a value.
    above: u64,
    /// The widest row's kept cells.
    width: u64,
    /// The cells this sheet has added to the workbook's count so far.
    counted: u64,
}

impl OdsSheet {
    fn add(&mut self, row: OdsRow, cells: &mut u64) -> Result<(), SheetError> {
        // calamine keeps each row element's cells once, before it repeats them.
        *cells = cells.saturating_add(row.width);
        if row.width == 0 {
            if self.started {
                self.pending = self.pending.saturating_add(row.repeats);
            } else {
                self.above = self.above.saturating_add(row.repeats);
            }
            return Ok(());
        }
        self.started = true;
        self.span = self
            .span
            .saturating_add(self.pending)
            .saturating_add(row.repeats);
        self.pending = 0;
        self.width = self.width.max(row.width);
        let bottom = self.above.saturating_add(self.span);
        if bottom > MAX_ROWS {
            return Err(SheetError::Limit(Limit::Beyond(super::sheet::cell_name(
                usize::try_from(bottom - 1).unwrap_or(usize::MAX),
                0,
            ))));
        }
        // The sheet laid out: its span of rows, each as wide as the widest.
        let laid = self.span.saturating_mul(self.width);
        *cells = cells.saturating_add(laid.saturating_sub(self.counted));
        self.counted = laid.max(self.counted);
        if *cells > MAX_CELLS {
            return Err(SheetError::Limit(Limit::Cells));
        }
        Ok(())
    }
}

/// A row of an `.ods` sheet as it is measured: its repeat count, its cells through the last
/// with a value, and the empty ones after that.
#[derive(Default)]
struct OdsRow {
    repeats: u64,
    width: u64,
    empty: u64,
}

impl OdsRow {
    fn cell(&mut self, repeats: u64, valued: bool) -> Result<(), SheetError> {
        if valued {
            self.width = self
                .width
                .saturating_add(self.empty)
                .saturating_add(repeats);
            self.empty = 0;
            if self.width > MAX_COLS {
                return Err(SheetError::Limit(Limit::Beyond(super::sheet::cell_name(
                    0,
                    usize::try_from(self.width - 1).unwrap_or(usize::MAX),
                ))));
            }
        } else {
            self.empty = self.empty.saturating_add(repeats);
        }
        Ok(())
    }
}

/// An `.xls` file: its workbook stream's records, where calamine reads them (each sheet from
/// the offset its BOUNDSHEET record gives), for the DIMENSIONS that calamine reserves space
/// by and the cells whose bounding box it lays out.
fn xls(bytes: &[u8]) -> Result<(), SheetError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(unreadable)?;
    let mut stream = Vec::new();
    let opened = file
        .open_stream("/Workbook")
        .or_else(|_| file.open_stream("/Book"))
        .map_err(unreadable)?;
    // The stream is within the file, itself within its limit.
    opened
        .take(MAX_STREAM)
        .read_to_end(&mut stream)
        .map_err(unreadable)?;
    let mut sheets = Vec::new();
    for (typ, data) in Records::at(&stream, 0) {
        match typ {
            // BOUNDSHEET: where a sheet's records start.
            0x0085 if data.len() >= 4 => {
                sheets.push(u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize);
            }
            0x000A => break,
            _ => {}
        }
    }
    let mut cells = 0u64;
    for start in sheets {
        xls_sheet(&stream, start, &mut cells)?;
    }
    Ok(())
}

fn u16_at(data: &[u8], at: usize) -> Option<u64> {
    data.get(at..at + 2)
        .map(|b| u64::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(data: &[u8], at: usize) -> Option<u64> {
    data.get(at..at + 4)
        .map(|b| u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
}

/// One sheet of an `.xls` workbook stream, from `start` to its EOF record.
fn xls_sheet(stream: &[u8], start: usize, cells: &mut u64) -> Result<(), SheetError> {
    let mut bounds: Option<(u64, u64, u64, u64)> = None;
    let mut depth = 0usize;
    let mut seen_bof = false;
    let mut add = |row: u64, col: u64, cells: &mut u64| -> Result<(), SheetError> {
        if col >= MAX_COLS {
            return Err(SheetError::Limit(Limit::Beyond(super::sheet::cell_name(
                usize::try_from(row).unwrap_or(usize::MAX),
                usize::try_from(col).unwrap_or(usize::MAX),
            ))));
        }
        let (r0, r1, c0, c1) = bounds.get_or_insert((row, row, col, col));
        *r0 = (*r0).min(row);
        *r1 = (*r1).max(row);
        *c0 = (*c0).min(col);
        *c1 = (*c1).max(col);
        *cells = cells.saturating_add(1);
        if *cells > MAX_CELLS || (*r1 - *r0 + 1).saturating_mul(*c1 - *c0 + 1) > MAX_CELLS {
            return Err(SheetError::Limit(Limit::Cells));
        }
        Ok(())
    };
    for (typ, data) in Records::at(stream, start) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            0x0809 => {
                if seen_bof {
                    depth += 1;
                } else {
                    seen_bof = true;
                }
            }
            0x000A => break,
            // DIMENSIONS, read as calamine reads it: it reserves rows × columns cells.
            0x0200 => {
                let dims = match data.len() {
                    10 => (
                        u16_at(data, 0),
                        u16_at(data, 2),
                        u16_at(data, 4),
                        u16_at(data, 6),
                    ),
                    14 | 16 => (
                        u32_at(data, 0),
                        u32_at(data, 4),
                        u16_at(data, 8),
                        u16_at(data, 10),
                    ),
                    _ => continue,
                };
                let (Some(rf), Some(rl), Some(cf), Some(cl)) = dims else {
                    continue;
                };
                let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                let (r_end, c_end) = if rl >= 1 && cl >= 1 {
                    (rl - 1, cl - 1)
                } else {
                    (rf, cf)
                };
                if r_end < rf || c_end < cf {
                    return Err(SheetError::Limit(Limit::Cells));
                }
                if r_end >= MAX_ROWS || c_end >= MAX_COLS {
                    return Err(SheetError::Limit(Limit::Beyond(super::sheet::cell_name(
                        usize::try_from(r_end).unwrap_or(usize::MAX),
                        usize::try_from(c_end).unwrap_or(usize::MAX),
                    ))));
                }
                if (r_end - rf + 1).saturating_mul(c_end - cf + 1) > MAX_CELLS {
                    return Err(SheetError::Limit(Limit::Cells));
                }
            }
            // The cells calamine reads: NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST, FORMULA.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    add(row, col, cells)?;
                }
            }
            // MULRK: one row, a run of columns.
            0x00BD => {
                let last = data.len().checked_sub(2).and_then(|at| u16_at(data, at));
                if let (Some(row), Some(first), Some(last)) =
                    (u16_at(data, 0), u16_at(data, 2), last)
                    && last >= first
                {
                    add(row, first, cells)?;
                    add(row, last, cells)?;
                    *cells = cells.saturating_add(last - first);
                    if *cells > MAX_CELLS {
                        return Err(SheetError::Limit(Limit::Cells));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The records of a BIFF stream from `start`: each its type and its data, until the stream
/// ends or a record runs past it.
struct Records<'a> {
    stream: &'a [u8],
}

impl<'a> Records<'a> {
    fn at(stream: &'a [u8], start: usize) -> Records<'a> {
        Records {
            stream: stream.get(start..).unwrap_or_default(),
        }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let header = self.stream.get(..4)?;
        let typ = u16::from_le_bytes([header[0], header[1]]);
        let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let data = self.stream.get(4..4 + len)?;
        self.stream = &self.stream[4 + len..];
        Some((typ, data))
    }
}
