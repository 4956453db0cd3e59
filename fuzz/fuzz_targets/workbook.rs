//! Structured workbooks imported into a small valid tree: a valid `.xlsx`, `.ods` or `.xls`
//! container (built by `huitoukan_fuzz::workbook`) around parts the fuzzer shapes: cell
//! addresses anywhere (inside an Excel sheet and far beyond), merged regions, a stated count of
//! shared strings, `.ods` row and column repeat counts, `.xls` DIMENSIONS and cell records, and
//! raw XML put where the sheet's XML is. Nothing may panic or take more than the fuzzer's
//! memory limit, whatever numbers the parts state; a sheet refused for a limit plans nothing.

#![no_main]

use std::fmt::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use huitoukan::import::mapping::Mapping;
use huitoukan::import::sheet::cell_name;
use huitoukan::import::{Request, plan};
use huitoukan_fuzz::record_tree::{ITEM, place, put_fixed};
use huitoukan_fuzz::workbook::{ods, record, xls, xlsx};
use huitoukan_fuzz::{AS_OF, scratch};
use libfuzzer_sys::fuzz_target;

const MAPPING: &str = include_str!("../../examples/import/映射.toml");

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = scratch("workbook");
        put_fixed(&root);
        place(&root, 0, ITEM.as_bytes());
        root
    })
}

/// The headers of the example's mapping and of the built-in one, so that rows get mapped.
const HEADERS: [&str; 8] = [
    "序号",
    "存在问题",
    "整改措施",
    "责任单位",
    "整改时限",
    "整改进展",
    "单位",
    "编号",
];

#[derive(Arbitrary, Debug)]
enum Format {
    Xlsx,
    Ods,
    Xls,
}

#[derive(Arbitrary, Debug)]
struct Cell {
    /// Mostly small, sometimes anywhere: `row % 64` unless `far`.
    row: u32,
    col: u32,
    far: bool,
    text: String,
    repeat_rows: u16,
    repeat_cols: u16,
}

#[derive(Arbitrary, Debug)]
struct Input {
    format: Format,
    builtin: bool,
    cells: Vec<Cell>,
    merges: Vec<(u32, u32, u32, u32)>,
    /// The `uniqueCount` an .xlsx's shared strings state.
    stated_strings: Option<u32>,
    /// An .xls sheet's DIMENSIONS: first row, last row + 1, first column, last column + 1.
    dimensions: Option<(u32, u32, u16, u16)>,
    /// Raw XML after the rows (xlsx: after `sheetData`; ods: inside the table).
    raw: String,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn place_of(c: &Cell) -> (u64, u64) {
    if c.far {
        (u64::from(c.row), u64::from(c.col))
    } else {
        (u64::from(c.row % 64), u64::from(c.col % 12))
    }
}

fn build(input: &Input) -> (Vec<u8>, &'static str) {
    match input.format {
        Format::Xlsx => {
            let mut rows = String::from("<row r=\"1\">");
            for (c, h) in HEADERS.iter().enumerate() {
                let _ = write!(
                    rows,
                    "<c r=\"{}\" t=\"inlineStr\"><is><t>{h}</t></is></c>",
                    cell_name(0, c)
                );
            }
            rows.push_str("</row>");
            for c in &input.cells {
                let (r, col) = place_of(c);
                let at = cell_name(r as usize + 1, col as usize);
                let _ = write!(
                    rows,
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                    escape(&c.text)
                );
            }
            let mut after = String::new();
            if !input.merges.is_empty() {
                after.push_str("<mergeCells>");
                for &(r0, c0, r1, c1) in &input.merges {
                    let _ = write!(
                        after,
                        "<mergeCell ref=\"{}:{}\"/>",
                        cell_name(r0 as usize % 4096, c0 as usize % 64),
                        cell_name(r1 as usize, c1 as usize % 20_000)
                    );
                }
                after.push_str("</mergeCells>");
            }
            after.push_str(&input.raw);
            let shared = input.stated_strings.map(|n| {
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\"{n}\"><si><t>序号</t></si></sst>"
                )
            });
            (xlsx(&rows, shared.as_deref(), &after), "台账.xlsx")
        }
        Format::Ods => {
            let mut rows = String::from("<table:table-row>");
            for h in HEADERS {
                let _ = write!(
                    rows,
                    "<table:table-cell office:value-type=\"string\"><text:p>{h}</text:p></table:table-cell>"
                );
            }
            rows.push_str("</table:table-row>");
            for c in &input.cells {
                let _ = write!(
                    rows,
                    "<table:table-row table:number-rows-repeated=\"{}\"><table:table-cell table:number-columns-repeated=\"{}\"/><table:table-cell office:value-type=\"string\" table:number-columns-repeated=\"{}\"><text:p>{}</text:p></table:table-cell></table:table-row>",
                    u32::from(c.repeat_rows).max(1).saturating_mul(if c.far {
                        c.row.max(1)
                    } else {
                        1
                    }),
                    c.col % 20_000,
                    u32::from(c.repeat_cols).max(1),
                    escape(&c.text)
                );
            }
            rows.push_str(&input.raw);
            (ods(&rows), "台账.ods")
        }
        Format::Xls => {
            let mut records = Vec::new();
            if let Some((rf, rl, cf, cl)) = input.dimensions {
                let mut data = rf.to_le_bytes().to_vec();
                data.extend(rl.to_le_bytes());
                data.extend(cf.to_le_bytes());
                data.extend(cl.to_le_bytes());
                data.extend(0u16.to_le_bytes());
                records.push(record(0x0200, &data));
            }
            let label = |row: u16, col: u16, text: &str| {
                let chars: Vec<u16> = text.encode_utf16().take(255).collect();
                let mut data = row.to_le_bytes().to_vec();
                data.extend(col.to_le_bytes());
                data.extend(0u16.to_le_bytes());
                data.extend((chars.len() as u16).to_le_bytes());
                data.push(1);
                data.extend(chars.iter().flat_map(|c| c.to_le_bytes()));
                record(0x0204, &data)
            };
            for (c, h) in HEADERS.iter().enumerate() {
                records.push(label(0, c as u16, h));
            }
            for c in &input.cells {
                let (r, col) = place_of(c);
                records.push(label((r + 1) as u16, col as u16, &c.text));
            }
            (xls(&records), "台账.xls")
        }
    }
}

fuzz_target!(|input: Input| {
    let (bytes, file) = build(&input);
    let mapping = (!input.builtin).then(|| Mapping::parse(MAPPING).expect("the example's mapping"));
    let planned = plan(Request {
        root: root(),
        file,
        bytes,
        mapping,
        as_of: AS_OF,
        update: false,
        keep_going: true,
    });
    for d in &planned.diagnostics {
        assert!(!d.at.to_string().is_empty());
    }
    // A sheet refused as a whole (unreadable, or beyond a limit) plans nothing.
    if planned
        .diagnostics
        .iter()
        .any(|p| p.code == huitoukan::diagnostic::Code::SheetUnreadable)
    {
        assert!(planned.planned.is_empty());
    }
    assert!(planned.rows <= 1_048_576);
});
