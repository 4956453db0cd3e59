//! `report --format csv`: one row per `--by`, for Excel and WPS on Chinese Windows.
//!
//! UTF-8 with a byte-order mark (without one, Excel reads the file as GBK); numbers as numbers;
//! text that a spreadsheet would take for a formula neutralised (OWASP: CSV injection).

use std::io::{self, Write};

use crate::render::Options;
use crate::render::rows::{self, By, Cell};
use crate::rollup::Report;
use crate::text::i18n::Lang;

/// `report --format csv`: the rows of `options.by`.
pub fn report(report: &mut Report, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    write_table(out, &rows::table(report, options.by, options.lang)?)
}

/// Any table of rows, as [`report`] writes a report's.
pub fn write_table(out: &mut dyn Write, table: &rows::Table) -> io::Result<()> {
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(table.headers.iter().map(|h| neutralise(h)))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(cell))?;
    }
    writer.flush()
}

/// The rows of `by`, in memory.
pub fn render(report: &Report, by: By, lang: Lang) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_table(&mut out, &rows::table(report, by, lang)?)?;
    Ok(out)
}

fn cell(cell: &Cell) -> String {
    match cell {
        Cell::Int(n) | Cell::Ordinal(n) => n.to_string(),
        Cell::Rate(Some(r)) => format!("{}", (r * 10_000.0).round() / 10_000.0),
        Cell::Rate(None) => String::new(),
        Cell::Text(_) | Cell::Date(_) | Cell::Org { .. } | Cell::Dated(..) => {
            neutralise(&cell.display())
        }
    }
}

/// A cell that begins with `=`, `+`, `-`, `@`, tab, CR or LF gets a leading `'`, so no
/// spreadsheet evaluates it; and every control character but a line feed and a tab is written
/// out (`\u{1b}`), since Excel and WPS show it as garbage and a terminal obeys it. A line
/// break or a tab inside a (quoted) cell is the value's own and stays.
pub fn neutralise(text: &str) -> String {
    let text = crate::text::escape::controls(text, &['\n', '\t']);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        format!("'{text}")
    } else {
        text.into_owned()
    }
}
