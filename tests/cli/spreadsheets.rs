//! `report --format xlsx` read back by real readers (calamine, and LibreOffice converting each
//! sheet to CSV), and `import` of spreadsheets: the example 台账, the workbook huitoukan writes,
//! and hostile ones.

use std::fs;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::Workbook;
use serde_json::Value;

use crate::harness::{
    AS_OF, CAMPAIGN, ITEM, ORG, Output, Tree, UNIT, UNIT_PENDING, copy_at, edit, paths_below,
};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/zhejiang-2015")
}

/// The Zhejiang example as `records/` of a temporary folder, whose root keeps the workbooks.
fn copy_of(from: &Path) -> Tree {
    copy_at(from, "records/")
}

fn json_report(tree: &Tree, root: &str, extra: &[&str]) -> Value {
    let mut args = vec!["report", root, "--as-of", AS_OF, "--format", "json"];
    args.extend(extra);
    let out = tree.run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

fn export(tree: &Tree, root: &str, to: &str, extra: &[&str]) -> PathBuf {
    let mut args = vec![
        "report", root, "--as-of", AS_OF, "--format", "xlsx", "--output", to,
    ];
    args.extend(extra);
    let out = tree.run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    tree.join(to)
}

/// Every sheet: its name and its rows as calamine reads them.
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = open_workbook(path).expect("calamine opens the workbook");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a sheet");
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

/// The list of a sheet: its header row and the rows under it, below the sheet's merged title
/// and its 截至 line (asserted here).
fn list(rows: &[Vec<Data>]) -> &[Vec<Data>] {
    assert!(
        title(&rows[0]).contains("“回头看”"),
        "a title first: {:?}",
        rows[0]
    );
    assert_eq!(title(&rows[1]), "截至2015年3月10日", "{:?}", rows[1]);
    &rows[2..]
}

/// The text of a row's first cell that has one: a title (on the full 整改事项清单, it starts
/// after the 序号 column, which prints on every page).
fn title(row: &[Data]) -> String {
    row.iter()
        .map(text)
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(f) => *f,
        Data::Int(n) => *n as f64,
        other => panic!("a number, found {other:?}"),
    }
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn column(header: &[Data], name: &str) -> usize {
    header
        .iter()
        .position(|h| text(h) == name)
        .unwrap_or_else(|| panic!("a column {name} in {header:?}"))
}

#[test]
fn the_workbook_has_the_sheets_and_the_numbers_of_the_json_report() {
    let tree = copy_of(&example());
    let path = export(&tree, "records", "out.xlsx", &[]);
    let json = json_report(&tree, "records", &[]);
    let sheets = sheets(&path);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "总体情况",
            "分地区（系统）情况",
            "对照六个方面情况",
            "专项整治情况",
            "整改事项清单",
            "整改事项清单（打印）",
            "逾期未完成",
            "效果不理想",
            "通报"
        ]
    );
    let sheet = |name: &str| list(&sheets.iter().find(|(n, _)| n == name).expect("sheet").1);

    // 总体情况: one row of totals, rates as numbers.
    let totals = sheet("总体情况");
    let header = &totals[0];
    let words = [
        ("items", "事项数"),
        ("done", "已完成"),
        ("mostly_done", "基本完成"),
        ("open", "未完成"),
        ("ineffective", "效果不理想"),
        ("overdue", "逾期未完成"),
        ("units", "单位数"),
        ("completion_rate", "整改完成率"),
    ];
    for (key, word) in words {
        let expected = json["totals"][key].as_f64().expect("a number");
        assert_eq!(number(&totals[1][column(header, word)]), expected, "{key}");
    }

    // 分地区（系统）情况: each child by name and numbered, then 合计, which equals the totals.
    let children = sheet("分地区（系统）情况");
    let kids = json["children"].as_array().expect("children");
    assert_eq!(children.len(), 1 + kids.len() + 1, "header, children, 合计");
    let org = column(&children[0], "机构");
    assert_eq!(column(&children[0], "序号"), 0);
    for (n, (row, kid)) in children[1..].iter().zip(kids).enumerate() {
        let path = kid["org"].as_str().expect("org");
        assert_eq!(text(&row[org]), path.rsplit('/').next().expect("a name"));
        assert_eq!(number(&row[0]), (n + 1) as f64);
        assert_eq!(
            number(&row[column(&children[0], "事项数")]),
            kid["totals"]["items"].as_f64().expect("items")
        );
    }
    let last = children.last().expect("合计");
    assert_eq!(text(&last[org]), "合计");
    assert_eq!(text(&last[0]), "", "合计 has no 序号");
    assert_eq!(
        number(&last[column(&children[0], "事项数")]),
        json["totals"]["items"].as_f64().expect("items")
    );

    // One row per item, per area, per overdue and per ineffective item.
    let count = |key: &str| json[key].as_array().expect(key).len();
    assert_eq!(
        sheet("整改事项清单").len() - 1,
        json["totals"]["items"].as_u64().expect("items") as usize
    );
    assert_eq!(sheet("对照六个方面情况").len() - 1, count("by_area"));
    assert_eq!(sheet("逾期未完成").len() - 1, count("overdue_items"));
    assert_eq!(sheet("效果不理想").len() - 1, count("ineffective_items"));

    // Dates are Excel dates.
    let items = sheet("整改事项清单");
    let deadline = column(&items[0], "整改时限");
    assert!(
        items[1..]
            .iter()
            .all(|r| matches!(r[deadline], Data::DateTime(_))),
        "{:?}",
        items[1][deadline]
    );

    // 通报: the proposals of the plan (三), of the reporting units only, recounted from the
    // JSON: 抓得不紧 (late, returned, missing), an own item overdue, 效果不理想 or 不满意.
    let notice = sheet("通报");
    let reporting: Vec<&serde_json::Value> = json["units"]
        .as_array()
        .expect("units")
        .iter()
        .filter(|u| u["totals"]["reporting_units"] == 1)
        .collect();
    // 2 cities and 10 省直 units (each reports to the office and to its 工委 at once).
    assert_eq!(reporting.len(), 12);
    let to_remind = reporting
        .iter()
        .filter(|u| {
            let t = &u["totals"];
            ["late", "returned", "missing"].contains(&u["self_check"].as_str().unwrap_or(""))
                || u["filed_late"] == true
                || t["overdue"] != 0
                || t["ineffective"] != 0
                || t["assessed"] != t["satisfied"]
        })
        .count();
    let kind = column(&notice[0], "通报");
    let reminded = notice[1..]
        .iter()
        .filter(|r| text(&r[kind]) == "建议约谈提醒")
        .count();
    assert_eq!(reminded, to_remind);
    column(&notice[0], "理由");
    let principal = column(&notice[0], "主要负责同志");
    // 省委教育工委 alone: on time, every item done or mostly done, none 不满意.
    let praised: Vec<&Vec<Data>> = notice[1..]
        .iter()
        .filter(|r| text(&r[kind]) == "建议通报表扬")
        .collect();
    assert_eq!(praised.len(), 1);
    assert_eq!(text(&praised[0][principal]), "蒋某某");
}

#[test]
fn the_same_records_give_the_same_bytes() {
    let tree = copy_of(&example());
    let a = fs::read(export(&tree, "records", "a.xlsx", &[])).expect("a");
    let b = fs::read(export(&tree, "records", "b.xlsx", &[])).expect("b");
    assert!(a == b, "two exports differ");
    // The archive's own parts carry no time but the fixed one: the as-of date.
    let core = String::from_utf8_lossy(&a);
    assert!(!core.contains(&jiff::Zoned::now().date().to_string()));
}

/// The XML of sheet `n` (from 1) of the workbook at `path`, if it has one.
fn sheet_xml(path: &Path, n: usize) -> Option<String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(fs::File::open(path).expect("the workbook")).expect("a zip");
    let mut sheet = zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).ok()?;
    let mut xml = String::new();
    sheet.read_to_string(&mut xml).expect("read");
    Some(xml)
}

/// The row numbers of `xml`'s sheet, in the order it holds them.
fn row_numbers(xml: &str) -> Vec<u32> {
    (xml.split("<row r=\"").skip(1))
        .map(|r| {
            r.split('"')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("a row number")
        })
        .collect()
}

#[test]
fn every_sheet_lists_its_rows_once_in_order_as_excel_requires() {
    // The example's sheets, each row of a list given its own height; and a unit of 70 items
    // of one height, whose lists take that height as the sheets' default.
    let mut tree = copy_of(&example());
    for n in 0..70 {
        let item = edit(ITEM, "文山会海问题有所反弹", &format!("会风问题{n:02}"));
        tree = tree.item("records/省直/省直机关工委", &format!("r{n:02}"), &item);
    }
    let path = export(&tree, "records", "a.xlsx", &[]);
    let sheets: Vec<String> = (1..).map_while(|n| sheet_xml(&path, n)).collect();
    assert_eq!(sheets.len(), 9);
    for (n, xml) in sheets.iter().enumerate() {
        let rows = row_numbers(xml);
        assert!(rows.len() > 3, "sheet {}: {rows:?}", n + 1);
        assert!(
            rows.windows(2).all(|w| w[0] < w[1]),
            "sheet {} repeats or reorders a row: {rows:?}",
            n + 1
        );
    }
    let format = |xml: &str| {
        let at = xml.find("<sheetFormatPr ").expect("sheetFormatPr");
        xml[at..].split('>').next().map(str::to_owned)
    };
    // The 总体情况 keeps the workbook's default; the 整改事项清单 of 128 items takes the
    // commonest height of its first rows, one line (18 points).
    assert_eq!(
        format(&sheets[0]).as_deref(),
        Some("<sheetFormatPr defaultRowHeight=\"13.5\"/")
    );
    assert_eq!(
        format(&sheets[4]).as_deref(),
        Some("<sheetFormatPr defaultRowHeight=\"18\" customHeight=\"1\"/")
    );
}

#[test]
fn a_workbook_is_refused_with_by_and_never_goes_to_a_terminal() {
    let tree = copy_of(&example());
    let out = tree.run(&[
        "report", "records", "--format", "xlsx", "--by", "item", "-o", "x.xlsx",
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: `--by` 只用于 table 和 csv 格式；xlsx 格式的报告内容是固定的\n"
    );
}

#[test]
fn a_public_workbook_names_no_one_and_leaves_confidential_items_out() {
    let tree = copy_of(&example());
    let path = export(&tree, "records", "public.xlsx", &["--public"]);
    let json = json_report(&tree, "records", &["--public"]);
    let sheets = sheets(&path);
    let items = list(
        &sheets
            .iter()
            .find(|(n, _)| n == "整改事项清单")
            .expect("items")
            .1,
    );
    // Every item is counted (56, as in the internal report); the two confidential ones are
    // not listed.
    assert_eq!(json["totals"]["items"], 56);
    assert_eq!(items.len() - 1, 54);
    for name in ["个人", "责任部门或责任人", "牵头班子成员", "销号审批"] {
        let col = column(&items[0], name);
        assert!(
            items[1..].iter().all(|r| text(&r[col]).is_empty()),
            "{name} is blank"
        );
    }
    // The 通报 proposals are internal: no such sheet.
    assert!(sheets.iter().all(|(n, _)| n != "通报"));
    for (_, rows) in &sheets {
        for row in rows {
            for cell in row {
                assert!(!text(cell).contains("某某"), "a name in {cell:?}");
            }
        }
    }
}

/// LibreOffice, headless, converting every sheet of the workbook to CSV: what an office
/// opening the file in a real spreadsheet program gets.
fn libreoffice_csv(path: &Path) -> Vec<(String, Vec<csv::StringRecord>)> {
    // Comma-separated, UTF-8, every sheet to its own file.
    let out_dir = crate::pdf::libreoffice_convert(
        path,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
    );
    let stem = path
        .file_stem()
        .expect("a stem")
        .to_string_lossy()
        .into_owned();
    let mut sheets = Vec::new();
    for entry in fs::read_dir(out_dir.path()).expect("the output") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_stem()
            .expect("a stem")
            .to_string_lossy()
            .into_owned();
        let sheet = name
            .strip_prefix(&format!("{stem}-"))
            .unwrap_or(&name)
            .to_owned();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(&path)
            .expect("a CSV file");
        let rows = reader.records().map(|r| r.expect("a row")).collect();
        sheets.push((sheet, rows));
    }
    sheets.sort_by(|a, b| a.0.cmp(&b.0));
    sheets
}

#[test]
fn libreoffice_reads_every_sheet_with_the_counts_of_the_json_report() {
    let tree = copy_of(&example());
    let path = export(&tree, "records", "lo.xlsx", &[]);
    let json = json_report(&tree, "records", &[]);
    let sheets = libreoffice_csv(&path);
    // Each sheet's list, below its title and its 截至 line.
    let rows = |name: &str| {
        let rows = &sheets
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| {
                panic!(
                    "{name} in {:?}",
                    sheets.iter().map(|s| &s.0).collect::<Vec<_>>()
                )
            })
            .1;
        let as_of = rows[1].iter().find(|c| !c.is_empty());
        assert_eq!(as_of, Some("截至2015年3月10日"), "{name}");
        &rows[2..]
    };
    let count = |key: &str| json[key].as_array().expect(key).len();
    let items = json["totals"]["items"].as_u64().expect("items") as usize;
    assert_eq!(rows("整改事项清单").len() - 1, items);
    assert_eq!(rows("逾期未完成").len() - 1, count("overdue_items"));
    assert_eq!(rows("效果不理想").len() - 1, count("ineffective_items"));
    assert_eq!(rows("对照六个方面情况").len() - 1, count("by_area"));
    assert_eq!(rows("分地区（系统）情况").len() - 2, count("children"));
    let totals = rows("总体情况");
    let header: Vec<&str> = totals[0].iter().collect();
    for (key, word) in [
        ("items", "事项数"),
        ("done", "已完成"),
        ("overdue", "逾期未完成"),
    ] {
        let at = header.iter().position(|h| *h == word).expect(word);
        assert_eq!(
            totals[1][at],
            json["totals"][key].to_string(),
            "{key} as LibreOffice shows it"
        );
    }
    let rate = header
        .iter()
        .position(|h| *h == "整改完成率")
        .expect("整改完成率");
    assert!(totals[1][rate].ends_with('%'), "{}", &totals[1][rate]);
    // Dates as the office reads them.
    let list = rows("整改事项清单");
    let deadline = list[0]
        .iter()
        .position(|h| h == "整改时限")
        .expect("整改时限");
    assert!(
        list[1..].iter().all(|r| r[deadline].contains('年')),
        "{:?}",
        &list[1][deadline]
    );
}

// ---------------------------------------------------------------------------------------------
// Import.

fn import_example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/import")
}

/// The README of examples/import, run in a copy of the folder: each `$ huitoukan …` line of a
/// `console` block, with stdout then stderr compared to the lines that follow it.
#[test]
fn the_import_walk_through_shows_what_the_commands_print() {
    let tree = copy_at(&import_example(), "");
    let readme = fs::read_to_string(import_example().join("README.md")).expect("README");
    let mut steps = 0;
    let mut in_block = false;
    let mut command: Option<String> = None;
    let mut expected = String::new();
    let run = |command: &str, expected: &str| {
        let args: Vec<&str> = command.split_whitespace().collect();
        let actual = match args.as_slice() {
            ["cat", file] => fs::read_to_string(tree.join(file)).expect("the file"),
            ["huitoukan", rest @ ..] => {
                let Output { stdout, stderr, .. } = tree.run(rest);
                stdout + &stderr
            }
            _ => panic!("an unknown command in the README: {command}"),
        };
        assert_eq!(actual, expected, "$ {command}");
    };
    for line in readme.lines() {
        if line == "```console" {
            in_block = true;
            continue;
        }
        if !in_block {
            continue;
        }
        if line == "```" || line.starts_with("$ ") {
            if let Some(c) = command.take() {
                run(&c, &expected);
                steps += 1;
            }
            expected.clear();
            if line == "```" {
                in_block = false;
            } else {
                command = Some(line[2..].to_owned());
            }
            continue;
        }
        expected.push_str(line);
        expected.push('\n');
    }
    assert_eq!(steps, 5, "the walk-through's steps");
}

/// The built-in mapping reads back the 整改事项清单 that `report --format xlsx` writes: the
/// records without their items, the workbook imported, give the same JSON report.
#[test]
fn an_exported_workbook_imports_back_into_the_same_report() {
    let tree = copy_of(&example());
    let before = json_report(&tree, "records", &[]);
    let path = export(&tree, "records", "round.xlsx", &[]);
    let empty = items_removed(&tree);
    let out = empty.run(&[
        "import",
        path.to_str().expect("UTF-8"),
        "--root",
        "records",
        "--as-of",
        AS_OF,
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(json_report(&empty, "records", &[]), before);
    // Exported again, the 整改事项清单 holds the same rows, but for the files' names (an
    // item's file is named by its id, and the rows follow the files): so what the JSON does
    // not show came back too, every progress entry and the linkages' reasons among it.
    let ledger = |path: &Path| {
        let (_, rows) = sheets(path)
            .into_iter()
            .find(|(name, _)| name == "整改事项清单")
            .expect("the ledger");
        // (序号 numbers the rows in their order.)
        let rows = list(&rows);
        let file = column(&rows[0], "文件");
        assert_eq!(column(&rows[0], "序号"), 0);
        let mut rows: Vec<Vec<Data>> = rows
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r.remove(file);
                r.remove(0);
                r
            })
            .collect();
        rows[1..].sort_by_key(|r| format!("{r:?}"));
        rows
    };
    let first = ledger(&path);
    assert_eq!(ledger(&export(&empty, "records", "again.xlsx", &[])), first);
    let progress = column(&first[0], "进展情况");
    let reason = column(&first[0], "联动原因");
    let cell = |id: &str, col: usize| {
        let id_col = column(&first[0], "编号");
        first
            .iter()
            .find(|r| text(&r[id_col]) == id)
            .map(|r| text(&r[col]))
            .unwrap_or_else(|| panic!("no item {id}"))
    };
    assert_eq!(
        cell("村道拓宽", progress).lines().count(),
        2,
        "{}",
        cell("村道拓宽", progress)
    );
    assert!(!cell("村道拓宽", reason).is_empty());
    let _ = fs::remove_file(empty.join("again.xlsx"));
    // A second import writes nothing, with or without --update.
    let files = snapshot(&empty);
    for extra in [&[][..], &["--update"][..]] {
        let mut args = vec![
            "import",
            path.to_str().expect("UTF-8"),
            "--root",
            "records",
            "--as-of",
            AS_OF,
        ];
        args.extend(extra);
        let out = empty.run(&args);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            out.stderr.contains("新建0个事项，更新0个"),
            "{}",
            out.stderr
        );
        assert_eq!(snapshot(&empty), files);
    }
}

/// A tree with the units (and campaign) of `tree` and no item.
fn items_removed(tree: &Tree) -> Tree {
    let mut empty = Tree::empty();
    for rel in paths_below(tree.path()) {
        let path = tree.join(&rel);
        let keep = rel == "records/huitoukan.toml"
            || rel.ends_with("/unit.toml")
            || !rel.ends_with(".toml");
        if path.is_file() && keep && rel.starts_with("records/") {
            empty = empty.bytes(&rel, &fs::read(&path).expect("read"));
        }
    }
    empty
}

/// Every file of the tree with its bytes and modification time.
fn snapshot(tree: &Tree) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    paths_below(tree.path())
        .into_iter()
        .filter(|rel| tree.join(rel).is_file())
        .map(|rel| {
            let path = tree.join(&rel);
            let meta = fs::metadata(&path).expect("metadata");
            (
                rel,
                fs::read(&path).expect("read"),
                meta.modified().expect("mtime"),
            )
        })
        .collect()
}

/// A workbook of one sheet 整改台账: the given rows under the headers on row 1.
fn workbook(rows: &[&[&str]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("整改台账").expect("a name");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(r as u32, c as u16, *cell).expect("a cell");
            }
        }
    }
    book.save_to_buffer().expect("a workbook")
}

pub const MAPPING: &str = r#"[source]
sheet = "整改台账"
key = ["责任单位", "序号"]

[unit]
column = "责任单位"

[fields]
title = "存在问题"
area = { value = 2 }
source = { value = "整改方案" }
measures = "整改措施"
responsible = { value = "办公室" }
deadline = "整改时限"
status = { column = "整改进展", map = { "整改中" = "未完成", "已整改" = "已完成" } }
"#;

const HEADER: &[&str] = &[
    "序号",
    "存在问题",
    "整改措施",
    "责任单位",
    "整改时限",
    "整改进展",
];

/// A tree with one unit (省直/省财政厅) and the mapping at `.map/映射.toml`.
pub fn ledger_tree() -> Tree {
    Tree::new().unit(ORG, UNIT).file(".map/映射.toml", MAPPING)
}

fn import(tree: &Tree, file: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "import",
        file,
        "--mapping",
        ".map/映射.toml",
        "--as-of",
        AS_OF,
    ];
    args.extend(extra);
    tree.run(&args)
}

fn row(no: &str, deadline: &str) -> Vec<String> {
    [
        no,
        "会议文件过多",
        "精简会议",
        "省财政厅",
        deadline,
        "整改中",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect()
}

fn sheet_of(rows: &[Vec<String>]) -> Vec<u8> {
    let mut all: Vec<Vec<&str>> = vec![HEADER.to_vec()];
    all.extend(rows.iter().map(|r| r.iter().map(String::as_str).collect()));
    let refs: Vec<&[&str]> = all.iter().map(Vec::as_slice).collect();
    workbook(&refs)
}

/// Asserts the import failed with exactly `expected` as its problems and wrote nothing.
fn refused(tree: &Tree, file: &str, expected: &str) {
    let before = snapshot(tree);
    let out = import(tree, file, &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let problems: String = out
        .stderr
        .split("\n\n")
        .filter(|b| b.starts_with("error["))
        .map(|b| format!("{b}\n\n"))
        .collect();
    assert_eq!(problems, expected);
    assert!(
        out.stderr.ends_with("error: 有错误，未写入任何文件\n"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, "");
    assert_eq!(snapshot(tree), before, "nothing written");
}

#[test]
fn a_row_is_validated_by_the_rules_of_check_at_its_cell() {
    let mut done = row("1", "2015-01-31");
    done[5] = "已整改".to_owned();
    let tree = ledger_tree().bytes("台账.xlsx", &sheet_of(&[row("2", "2015-06-30"), done]));
    refused(
        &tree,
        "台账.xlsx",
        "error[E010]: 状态为已完成的事项必须填写 `completed_on`\n --> 台账.xlsx!整改台账!F3\n\n\
         error[E010]: 状态为已完成的事项必须填写 `evidence`\n --> 台账.xlsx!整改台账!F3\n\n",
    );
    // With --keep-going the valid row is written and the other listed.
    let out = import(&tree, "台账.xlsx", &["--keep-going"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stdout, "新建 省直/省财政厅/items/2.toml（第2行）\n");
    assert!(
        out.stderr.ends_with("warning: 有错误的1行未导入\n"),
        "{}",
        out.stderr
    );
    assert!(tree.join("省直/省财政厅/items/2.toml").is_file());
    assert!(!tree.join("省直/省财政厅/items/1.toml").exists());
}

#[test]
fn hostile_sheets_each_get_a_clear_diagnostic_and_nothing_is_written() {
    let tree = ledger_tree()
        .bytes("空.xlsx", &workbook(&[]))
        .bytes(
            "无表头.xlsx",
            &workbook(&[&[
                "序号",
                "存在问题",
                "整改措施",
                "单位",
                "整改时限",
                "整改进展",
            ]]),
        )
        .bytes(
            "重复.xlsx",
            &sheet_of(&[row("1", "2015-06-30"), row("1", "2015-05-31")]),
        )
        // Excel (and rust_xlsxwriter) hold no longer cell; a CSV file can.
        .file(
            "长.csv",
            &format!(
                "{}\n1,{},精简会议,省财政厅,2015-06-30,整改中\n",
                HEADER.join(","),
                "问".repeat(100_000)
            ),
        )
        .bytes("闰.xlsx", &sheet_of(&[row("1", "1900-02-29")]))
        .bytes("路径.xlsx", &sheet_of(&[row("../x", "2015-06-30")]))
        .bytes(
            "单位.xlsx",
            &sheet_of(&[{
                let mut r = row("1", "2015-06-30");
                r[3] = "省财政".to_owned();
                r
            }]),
        )
        .bytes("坏.xlsx", b"PK\x03\x04 not really a zip file");
    refused(
        &tree,
        "空.xlsx",
        "error[I002]: 第1行（表头行）是空的\n --> 空.xlsx!整改台账\n  = help: 在映射文件的 [source] 中用 header_row 指明表头所在的行\n\n",
    );
    refused(
        &tree,
        "无表头.xlsx",
        "error[I003]: 表头行中没有“责任单位”列\n --> 无表头.xlsx!整改台账!1:1\n  = help: 表头行中的列：序号、存在问题、整改措施、单位、整改时限、整改进展\n\n",
    );
    refused(
        &tree,
        "重复.xlsx",
        "error[I004]: 同一单位的“1”已在 重复.xlsx!整改台账!2:2 出现过\n --> 重复.xlsx!整改台账!A3\n  = help: 每个事项只占一行；合并或删除重复的行，或改正序号\n\n",
    );
    refused(
        &tree,
        "长.csv",
        "error[I006]: 单元格有100000个字符，超过 Excel 单元格的上限 32767 个\n --> 长.csv!长!B2\n\n",
    );
    refused(
        &tree,
        "闰.xlsx",
        "error[I006]: 没有 1900-02-29 这一天\n --> 闰.xlsx!整改台账!E2\n\n",
    );
    refused(
        &tree,
        "路径.xlsx",
        "error[I007]: 键“../x”不能用作文件名\n --> 路径.xlsx!整改台账!A2\n  = help: 事项编号不能为空，不能含 / \\ : * ? \" < > | 或控制字符，不能以 . 开头，不能以 . 或空格结尾，不能是 CON、PRN、AUX、NUL、COM1—COM9、LPT1—LPT9 等 Windows 设备名，最多100个字符，文件名不超过255字节\n\n",
    );
    refused(
        &tree,
        "单位.xlsx",
        "error[I005]: “省财政”不是台账中的单位\n --> 单位.xlsx!整改台账!D2\n  = help: 是否想写 `省财政厅`？\n\n",
    );
    let out = import(&tree, "坏.xlsx", &[]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("error[I001]: 无法读取表格："),
        "{}",
        out.stderr
    );
    assert!(!tree.join("x.toml").exists() && !tree.join("省直/x.toml").exists());
}

#[test]
fn a_formula_cell_gives_its_saved_value_never_the_formula() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("整改台账").expect("name");
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    let cells = [
        "1",
        "会议文件过多",
        "精简会议",
        "省财政厅",
        "2015-06-30",
        "整改中",
    ];
    for (c, v) in cells.iter().enumerate() {
        ws.write_string(1, c as u16, *v).expect("cell");
    }
    // The title is a formula whose saved result is the text; a formula in the key column has
    // no saved result.
    ws.write_formula(
        1,
        1,
        rust_xlsxwriter::Formula::new("=\"会议\"&\"文件过多\"").set_result("会议文件过多"),
    )
    .expect("formula");
    let ok = book.save_to_buffer().expect("book");
    let tree = ledger_tree().bytes("公式.xlsx", &ok);
    let out = import(&tree, "公式.xlsx", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = fs::read_to_string(tree.join("省直/省财政厅/items/1.toml")).expect("item");
    assert!(text.starts_with("title = \"会议文件过多\"\n"), "{text}");

    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("整改台账").expect("name");
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    for (c, v) in cells.iter().enumerate() {
        ws.write_string(1, c as u16, *v).expect("cell");
    }
    ws.write_formula(1, 0, "=1+1").expect("formula");
    let bytes = without_saved_results(&book.save_to_buffer().expect("book"));
    let tree = ledger_tree().bytes("无值.xlsx", &bytes);
    refused(
        &tree,
        "无值.xlsx",
        "error[I006]: 公式 =1+1 没有保存的计算结果\n --> 无值.xlsx!整改台账!A2\n  = help: 在 Excel 或 WPS 中打开并保存该文件，公式的结果才会保存在文件中\n\n",
    );
}

/// The workbook with every formula's saved result taken out of its sheets.
fn without_saved_results(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let saved = regex::Regex::new("(</f>)<v>[^<]*</v>").expect("a pattern");
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("an entry");
        let name = file.name().expect("a name").into_owned();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("read");
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(data).expect("XML");
            data = saved.replace_all(&text, "$1").into_owned().into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        out.write_all(&data).expect("write");
    }
    out.finish().expect("a zip").into_inner()
}

#[test]
fn a_gbk_csv_and_dates_in_every_form_import() {
    let text = "序号,存在问题,整改措施,责任单位,整改时限,整改进展\r\n1,会议文件过多,精简会议,省财政厅,2015年6月30日,整改中\r\n2,公车私用,公车统一管理,中共浙江省财政厅党组,2015.5.31,整改中\r\n";
    let (gbk, _, lossy) = encoding_rs::GB18030.encode(text);
    assert!(!lossy);
    let tree = ledger_tree().bytes("台账.csv", &gbk);
    let out = import(&tree, "台账.csv", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let one = fs::read_to_string(tree.join("省直/省财政厅/items/1.toml")).expect("item 1");
    assert!(one.contains("deadline = 2015-06-30\n"), "{one}");
    let two = fs::read_to_string(tree.join("省直/省财政厅/items/2.toml")).expect("item 2");
    assert!(two.contains("deadline = 2015-05-31\n"), "{two}");
    assert_eq!(tree.run(&["check", "--as-of", AS_OF]).code, 0);
}

#[test]
fn update_changes_only_the_mapped_fields_and_keeps_comments() {
    let item = edit(ITEM, "title = ", "# 党组会议 2015-01-20 研究\ntitle = ");
    let item = format!("{item}lead = \"副厅长 钱某某\"  # 分管\n");
    let tree = ledger_tree().item(ORG, "1", &item);
    let before = fs::read_to_string(tree.join("省直/省财政厅/items/1.toml")).expect("item");
    let mut r = row("1", "2015-06-30");
    r[1] = "会议文件过多，文风不实".to_owned();
    let tree = tree.bytes("台账.xlsx", &sheet_of(&[r]));
    let out = import(&tree, "台账.xlsx", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "已存在，未改动 省直/省财政厅/items/1.toml（第2行；用 --update 更新）\n"
    );
    let out = import(&tree, "台账.xlsx", &["--update"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "更新 省直/省财政厅/items/1.toml（第2行）\n");
    let after = fs::read_to_string(tree.join("省直/省财政厅/items/1.toml")).expect("item");
    assert!(
        after.contains("# 党组会议 2015-01-20 研究\ntitle = \"会议文件过多，文风不实\"\n"),
        "{after}"
    );
    assert!(
        after.contains("lead = \"副厅长 钱某某\"  # 分管\n"),
        "{after}"
    );
    assert_ne!(before, after);
    // Again: nothing changes.
    let out = import(&tree, "台账.xlsx", &["--update"]);
    assert_eq!(out.stdout, "无变化 省直/省财政厅/items/1.toml（第2行）\n");
    assert_eq!(
        fs::read_to_string(tree.join("省直/省财政厅/items/1.toml")).expect("item"),
        after
    );
}

/// `import` with `mapping` at .map/映射.toml, in Chinese and in English: refused (exit 2),
/// nothing written, the stderr of each.
fn refused_mapping(mapping: &str) -> [String; 2] {
    let tree = ledger_tree()
        .file(".map/映射.toml", mapping)
        .bytes("台账.xlsx", &sheet_of(&[row("1", "2015-06-30")]));
    let before = snapshot(&tree);
    [&[][..], &["--lang", "en"][..]].map(|lang| {
        let out = import(&tree, "台账.xlsx", lang);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert_eq!(out.stdout, "");
        assert_eq!(snapshot(&tree), before);
        out.stderr
    })
}

#[test]
fn a_mapping_with_an_unknown_field_is_refused() {
    let [zh, en] = refused_mapping(&MAPPING.replace("title = ", "titel = "));
    assert_eq!(
        zh,
        "error: 映射文件 .map/映射.toml 无效：`fields.titel` 不是事项的字段（是否想写 `title`？）\n"
    );
    assert_eq!(
        en,
        "error: the mapping file .map/映射.toml is not valid: `fields.titel` is not a field of an item (did you mean `title`?)\n"
    );
}

#[test]
fn a_mapping_key_close_to_an_allowed_one_is_suggested() {
    let [zh, en] = refused_mapping(&MAPPING.replace("sheet = ", "shet = "));
    assert_eq!(
        zh,
        "error: 映射文件 .map/映射.toml 无效：未知的键 `source.shet`（是否想写 `sheet`？）\n"
    );
    assert_eq!(
        en,
        "error: the mapping file .map/映射.toml is not valid: unknown key `source.shet` (did you mean `sheet`?)\n"
    );
}

#[test]
fn a_mapping_key_far_from_every_allowed_one_lists_them() {
    let [zh, en] = refused_mapping(&MAPPING.replace("[unit]\n", "[unit]\nskip = 2\n"));
    assert_eq!(
        zh,
        "error: 映射文件 .map/映射.toml 无效：未知的键 `unit.skip`（此处可用的键：column, value, map）\n"
    );
    assert_eq!(
        en,
        "error: the mapping file .map/映射.toml is not valid: unknown key `unit.skip` (the keys allowed here: column, value, map)\n"
    );
}

#[test]
fn a_mapping_field_that_is_no_field_lists_the_fields() {
    let [zh, en] = refused_mapping(&MAPPING.replace("area = ", "batch = "));
    let fields = "title, area, points, source, special_task, found_on, problem, commitment, \
        measures, owner, person, responsible, lead, deadline, status, completed_on, \
        consolidation, rectify_by, satisfaction, evidence, confidential, progress, \
        closure.approved_by, closure.approved_on, linkage.lead_unit, linkage.reason";
    assert_eq!(
        zh,
        format!(
            "error: 映射文件 .map/映射.toml 无效：`fields.batch` 不是事项的字段（事项的字段：{fields}）\n"
        )
    );
    assert_eq!(
        en,
        format!(
            "error: the mapping file .map/映射.toml is not valid: `fields.batch` is not a field of an item (the fields of an item: {fields})\n"
        )
    );
}

#[test]
fn a_mapping_without_its_unit_or_with_a_syntax_error_is_refused_in_either_language() {
    let [zh, en] = refused_mapping(&MAPPING.replace("[unit]\ncolumn = \"责任单位\"\n", ""));
    assert_eq!(
        zh,
        "error: 映射文件 .map/映射.toml 无效：缺少 `[unit]`：写明哪一列是各行的单位（`column = \"责任单位\"`），或写 `value = \"机构路径\"`\n"
    );
    assert_eq!(
        en,
        "error: the mapping file .map/映射.toml is not valid: `[unit]` is missing: which column names the unit of a row (`column = \"责任单位\"`), or `value = \"org/path\"`\n"
    );
    let [zh, en] = refused_mapping(&MAPPING.replace("title = \"存在问题\"", "title = \"存在问题"));
    assert_eq!(
        zh,
        "error: 映射文件 .map/映射.toml 无效：第9行 TOML 语法错误：invalid basic string, expected `\"`\n"
    );
    assert_eq!(
        en,
        "error: the mapping file .map/映射.toml is not valid: TOML syntax error at line 9: invalid basic string, expected `\"`\n"
    );
}

/// The columns of the 整改事项清单 a hand-kept ledger for the built-in mapping may have.
const LEDGER: &[&str] = &[
    "单位",
    "编号",
    "事项",
    "方面",
    "来源",
    "整改措施",
    "责任部门或责任人",
    "整改时限",
    "状态",
    "牵头单位",
    "联动原因",
    "进展情况",
];

/// A 整改事项清单 sheet of open items of `ORG`, one per (编号, 牵头单位, 联动原因, 进展情况).
fn ledger_sheet(rows: &[[&str; 4]]) -> Vec<u8> {
    ledger_sheet_below(&[], rows)
}

/// [`ledger_sheet`] below the lines `above`, each merged over four cells.
fn ledger_sheet_below(above: &[&str], rows: &[[&str; 4]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("整改事项清单").expect("a name");
    for (r, line) in above.iter().enumerate() {
        let format = rust_xlsxwriter::Format::new();
        ws.merge_range(r as u32, 0, r as u32, 3, line, &format)
            .expect("a title");
    }
    let top = above.len() as u32;
    for (c, h) in LEDGER.iter().enumerate() {
        ws.write_string(top, c as u16, *h).expect("a header");
    }
    for (r, [id, lead, reason, progress]) in rows.iter().enumerate() {
        let cells = [
            ORG,
            id,
            "会议文件过多",
            "2",
            "整改方案",
            "精简会议",
            "办公室",
            "2015-06-30",
            "未完成",
            lead,
            reason,
            progress,
        ];
        for (c, cell) in cells.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(top + r as u32 + 1, c as u16, *cell)
                    .expect("a cell");
            }
        }
    }
    book.save_to_buffer().expect("a workbook")
}

/// `import FILE --as-of AS_OF` with the built-in mapping.
fn import_builtin(tree: &Tree, file: &str, extra: &[&str]) -> Output {
    let mut args = vec!["import", file, "--as-of", AS_OF];
    args.extend(extra);
    tree.run(&args)
}

const HELP: &str =
    "  = help: 每条进展一行，以日期开头，如“2015-02-10 已完成制度初稿”；以空格开头的行接续上一条";

#[test]
fn a_progress_line_without_a_date_or_with_no_such_day_is_named_at_its_cell() {
    let tree = Tree::new().unit(ORG, UNIT).bytes(
        "清单.xlsx",
        &ledger_sheet(&[
            ["1", "", "", "2015-02-10 已完成制度初稿\n已提交党组会审议"],
            ["2", "", "", "2015-01-20 制定方案\n2015年2月30日 提交"],
            ["3", "", "", "2099-03-20 还没有到的日子"],
        ]),
    );
    let before = snapshot(&tree);
    let out = import_builtin(&tree, "清单.xlsx", &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let problems: Vec<&str> = out
        .stderr
        .split("\n\n")
        .filter(|b| b.starts_with("error["))
        .collect();
    assert_eq!(
        problems,
        [
            format!(
                "error[I006]: 进展情况第2行“已提交党组会审议”没有日期\n --> 清单.xlsx!整改事项清单!L2\n{HELP}"
            ),
            format!(
                "error[I006]: 进展情况第2行的日期“2015年2月30日”不存在\n --> 清单.xlsx!整改事项清单!L3\n{HELP}"
            ),
            "error[E030]: 进展日期2099年3月20日还没有到\n --> 清单.xlsx!整改事项清单!L4".to_owned(),
        ],
        "{}",
        out.stderr
    );
    assert_eq!(snapshot(&tree), before, "nothing written");
    let en = import_builtin(&tree, "清单.xlsx", &["--lang", "en"]);
    assert!(
        en.stderr.contains(
            "error[I006]: line 2 of the progress cell, \"已提交党组会审议\", has no date\n --> 清单.xlsx!整改事项清单!L2\n"
        ),
        "{}",
        en.stderr
    );
}

#[test]
fn every_progress_entry_and_the_linkage_reason_import_and_update_adds_new_entries() {
    let lead = "省直/民政厅";
    let tree = Tree::new().unit(ORG, UNIT).unit(lead, UNIT_PENDING).bytes(
        "清单.xlsx",
        &ledger_sheet(&[[
            "1",
            lead,
            "病根在上面：编制\n和经费",
            "2015-01-20 制定整改方案\n2015年2月10日：已完成制度初稿\n 提交党组会审议",
        ]]),
    );
    let out = import_builtin(&tree, "清单.xlsx", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let file = "省直/省财政厅/items/1.toml";
    let written = fs::read_to_string(tree.join(file)).expect("the item");
    let tail = "\nstatus = \"未完成\"\n\
                \n[[progress]]\non = 2015-01-20\ntext = \"制定整改方案\"\n\
                \n[[progress]]\non = 2015-02-10\ntext = \"\"\"\n已完成制度初稿\n提交党组会审议\"\"\"\n\
                \n[linkage]\nlead_unit = \"省直/民政厅\"\nreason = \"\"\"\n病根在上面：编制\n和经费\"\"\"\n";
    assert!(written.ends_with(tail), "{written}");
    // A comment by hand, then the sheet again with one entry more: --update adds it after the
    // file's own and keeps the rest; a second --update changes nothing.
    let commented = written.replace(
        "[[progress]]\non = 2015-01-20",
        "# 方案\n[[progress]]\non = 2015-01-20",
    );
    fs::write(tree.join(file), &commented).expect("a comment");
    fs::write(
        tree.join("清单.xlsx"),
        ledger_sheet(&[[
            "1",
            lead,
            "病根在上面：编制\n和经费",
            "2015-01-20 制定整改方案\n2015-03-02 党组会审议通过",
        ]]),
    )
    .expect("the sheet");
    let out = import_builtin(&tree, "清单.xlsx", &["--update"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, format!("更新 {file}（第2行）\n"));
    let updated = fs::read_to_string(tree.join(file)).expect("the item");
    assert_eq!(
        updated,
        commented.replace(
            "\n[linkage]",
            "\n[[progress]]\non = 2015-03-02\ntext = \"党组会审议通过\"\n\n[linkage]"
        ),
        "{updated}"
    );
    let again = import_builtin(&tree, "清单.xlsx", &["--update"]);
    assert_eq!(again.stdout, format!("无变化 {file}（第2行）\n"));
    assert_eq!(
        fs::read_to_string(tree.join(file)).expect("the item"),
        updated
    );
}

/// The built-in import mapping reads every column of the 整改事项清单 a workbook is written
/// with, in both languages, so an exported workbook imports back as it is.
#[test]
fn the_builtin_mapping_reads_the_ledger_columns() {
    use huitoukan::text::i18n::Lang;
    for lang in [Lang::Zh, Lang::En] {
        let ledger =
            huitoukan::render::rows::ledger(&[], huitoukan::render::rows::Audience::office(lang));
        let builtin: Vec<&str> = huitoukan::import::mapping::BUILTIN
            .iter()
            .map(|(t, ..)| t.text(lang))
            .collect();
        assert_eq!(ledger.headers, builtin);
    }
}

/// Each field the format shows in reports as it is written (`huitoukan::format::SHOWN`:
/// `problem`, `commitment`, and any the format table marks so) goes the whole way without code
/// of its own: `new item` offers it, the CSV list of items and the workbook's 整改事项清单 show
/// it under its label in either language, and the workbook and the CSV import back into an
/// item that holds the same text.
#[test]
fn every_field_shown_in_reports_is_offered_listed_and_imported_back() {
    use huitoukan::format::SHOWN;
    use huitoukan::text::i18n::Lang;
    let said = |key: &str| format!("{key}：群众反映“门难进”\n第二行");
    let mut item = ITEM.to_owned();
    for field in SHOWN {
        let value = toml::Value::String(said(field.key));
        item.push_str(&format!("{} = {value}\n", field.key));
    }
    let path = format!("records/{ORG}/items/会议文件.toml");
    let tree = Tree::empty()
        .file("records/huitoukan.toml", CAMPAIGN)
        .file(&format!("records/{ORG}/unit.toml"), UNIT)
        .file(&path, &item);

    // The template offers each, blank, under its name.
    let blank = Tree::new().unit(ORG, UNIT);
    let out = blank.run(&["new", "item", ORG, "新的"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let template =
        fs::read_to_string(blank.join(&format!("{ORG}/items/新的.toml"))).expect("the template");
    for field in SHOWN {
        let zh = huitoukan::format::ITEM
            .field(field.key)
            .expect("a field")
            .zh;
        assert!(
            template.contains(&format!("\n# {} = \"\"\n", field.key)) && template.contains(zh),
            "{template}"
        );
    }

    // The lists of items show each under its label, in each language.
    for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let out = tree.run(&[
            "--lang", code, "report", "records", "--as-of", AS_OF, "--format", "csv",
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let mut csv =
            csv::Reader::from_reader(out.stdout.trim_start_matches('\u{feff}').as_bytes());
        let headers = csv.headers().expect("a header").clone();
        let row = csv.records().next().expect("a row").expect("a record");
        let workbook = export(&tree, "records", &format!("{code}.xlsx"), &["--lang", code]);
        let (_, rows) = sheets(&workbook)
            .into_iter()
            .find(|(name, _)| name == "整改事项清单")
            .expect("the ledger");
        let ledger = &rows[2..];
        for field in SHOWN {
            let label = field.label.text(lang);
            let at = headers.iter().position(|h| h == label);
            let csv_cell = at.and_then(|at| row.get(at));
            assert_eq!(
                csv_cell,
                Some(said(field.key).as_str()),
                "{label} in {headers:?}"
            );
            let at = column(&ledger[0], label);
            assert_eq!(text(&ledger[1][at]), said(field.key), "{label}");
        }
    }

    // The workbook and the CSV import back into an item that holds each.
    let workbook = export(&tree, "records", "ledger.xlsx", &[]);
    let out = tree.run(&["report", "records", "--as-of", AS_OF, "--format", "csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for (name, bytes) in [
        ("ledger.xlsx", fs::read(&workbook).expect("the workbook")),
        ("items.csv", out.stdout.into_bytes()),
    ] {
        let empty = items_removed(&tree).bytes(name, &bytes);
        let out = empty.run(&["import", name, "--root", "records", "--as-of", AS_OF]);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let imported = fs::read_to_string(empty.join(&path)).expect("the imported item");
        let imported: toml::Table = imported.parse().expect("TOML");
        for field in SHOWN {
            assert_eq!(
                imported.get(field.key).and_then(|v| v.as_str()),
                Some(said(field.key).as_str()),
                "{name}: {imported}"
            );
        }
    }
}

/// The built-in mapping finds the header row of a 整改事项清单 by itself among the first rows
/// (a workbook of huitoukan has its title and 截至 line above it), and names cells by their
/// rows in the sheet; without the key columns in those rows it still reports row 1.
#[test]
fn the_builtin_mapping_finds_the_header_row_below_a_title() {
    let sheet = |above: &[&str], id: &str| ledger_sheet_below(above, &[[id, "", "", ""]]);
    let title = ["全省整改事项清单", "截至2015年3月10日"];
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .bytes("标题.xlsx", &sheet(&title, "1"))
        .bytes("坏键.xlsx", &sheet(&title, "../x"))
        .bytes("太低.xlsx", &sheet(&[""; 10][..], "1"));
    let out = import_builtin(&tree, "标题.xlsx", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "新建 省直/省财政厅/items/1.toml（第4行）\n");
    let written = fs::read_to_string(tree.join("省直/省财政厅/items/1.toml")).expect("item");
    assert!(
        written.starts_with("title = \"会议文件过多\"\n"),
        "{written}"
    );
    // A cell is named by its row in the sheet.
    let out = import_builtin(&tree, "坏键.xlsx", &[]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("error[I007]: 键“../x”不能用作文件名\n --> 坏键.xlsx!整改事项清单!B4\n"),
        "{}",
        out.stderr
    );
    // Below the rows looked in, the headers are not found: row 1, as a mapping says by default.
    let out = import_builtin(&tree, "太低.xlsx", &[]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("error[I002]: 第1行（表头行）是空的\n --> 太低.xlsx!整改事项清单\n"),
        "{}",
        out.stderr
    );
}

/// The example's workbook printed by LibreOffice: every page A4 landscape and legible, each
/// sheet under its title and 截至 line, the office's columns on the printed 整改事项清单; and
/// what the file holds for it: merged titles, 序号, units by name, 宋体.
#[test]
fn the_workbook_prints_legibly_on_a4_landscape() {
    use crate::pdf::{
        is_a4_landscape, libreoffice_pdf, page_picture, page_sizes, pages_text, word_heights,
    };
    let tree = copy_of(&example());
    let path = export(&tree, "records", "打印.xlsx", &[]);
    let pdf = libreoffice_pdf(&path, "workbook");
    let sizes = page_sizes(&pdf);
    for (n, size) in sizes.iter().enumerate() {
        assert!(is_a4_landscape(*size), "page {} is {size:?}", n + 1);
    }
    let printed_text = pages_text(&pdf, sizes.len());
    for page in 1..=sizes.len() {
        let smallest = word_heights(&pdf, page)[0];
        assert!(smallest >= 5.5, "page {page}: a word {smallest} pt high");
        // And no sheet below 60 %: its 11-point text, in a CJK font's line box of 1.3 em,
        // would be 8.6 points high there (14.3 at full scale).
        assert!(
            smallest >= 8.5,
            "page {page} prints below 60 %: a word {smallest} pt high"
        );
        page_picture(&pdf, page, &format!("workbook-page-{page}"));
    }
    let first = &printed_text[0];
    assert!(
        first.starts_with("全省教育实践活动整改落实情况“回头看”进展情况汇总截至2015年3月10日"),
        "{first}"
    );
    // The printed 整改事项清单: the pages of its 责任单位 and 最新进展 (no other sheet has
    // both), each under the office's columns and no other, the first under the list's title.
    let printed: Vec<&String> = printed_text
        .iter()
        .filter(|t| t.contains("责任单位") && t.contains("最新进展"))
        .collect();
    assert!(printed.len() >= 3, "{} pages of 56 items", printed.len());
    assert!(
        printed[0].starts_with("全省教育实践活动整改落实情况“回头看”整改事项清单截至2015年3月10日"),
        "{}",
        printed[0]
    );
    for page in &printed {
        for header in ["序号", "单位", "问题", "整改措施", "时限", "状态"] {
            assert!(page.contains(header), "no {header}: {page}");
        }
        for header in ["单位名称", "编号", "检查要点", "进展情况"] {
            assert!(!page.contains(header), "{header}: {page}");
        }
    }
    assert!(
        printed_text
            .concat()
            .contains("涉农专项资金“撒胡椒面”、下拨慢")
    );

    let sheets = sheets(&path);
    let sheet = |name: &str| &sheets.iter().find(|(n, _)| n == name).expect(name).1;
    let items = list(sheet("整改事项清单（打印）"));
    let header: Vec<String> = items[0].iter().map(text).collect();
    assert_eq!(
        header,
        [
            "序号",
            "单位",
            "问题",
            "整改措施",
            "责任单位",
            "时限",
            "状态",
            "最新进展"
        ]
    );
    // Numbered 1, 2, 3…, units by name.
    for (n, row) in items[1..].iter().enumerate() {
        assert_eq!(number(&row[0]), (n + 1) as f64);
        assert!(!text(&row[1]).contains('/'), "{:?}", row[1]);
    }
    for name in ["逾期未完成", "效果不理想", "通报"] {
        let rows = list(sheet(name));
        assert_eq!(text(&rows[0][0]), "序号", "{name}");
        let unit = column(&rows[0], if name == "通报" { "机构" } else { "单位" });
        for row in &rows[1..] {
            assert!(!text(&row[unit]).contains('/'), "{name}: {:?}", row[unit]);
        }
    }
    // Every sheet's title is merged across the top of its list.
    let mut book: Xlsx<_> = open_workbook(&path).expect("calamine opens the workbook");
    for (name, rows) in &sheets {
        let merged = book.merge_cells_by_sheet_name(name).expect("merged cells");
        let first = u32::from(name == "整改事项清单");
        let merge = merged
            .iter()
            .find(|d| d.start == (0, first))
            .unwrap_or_else(|| panic!("{name}: no merged title in {merged:?}"));
        assert_eq!(merge.end.0, 0, "{name}");
        assert!(merge.end.1 >= 3, "{name}: {merge:?}");
        assert!(title(&rows[0]).ends_with(match name.as_str() {
            "总体情况" => "进展情况汇总",
            "整改事项清单（打印）" => "整改事项清单",
            "逾期未完成" => "逾期未完成事项",
            _ => "",
        }));
    }
    // 宋体 for every font of the workbook.
    let styles = {
        use std::io::Read;
        let mut zip =
            zip::ZipArchive::new(fs::File::open(&path).expect("the workbook")).expect("a zip");
        let mut styles = String::new();
        zip.by_name("xl/styles.xml")
            .expect("styles")
            .read_to_string(&mut styles)
            .expect("read");
        styles
    };
    let fonts: Vec<&str> = styles.split("<name val=\"").skip(1).collect();
    assert!(!fonts.is_empty());
    for font in fonts {
        assert!(
            font.starts_with("宋体\""),
            "{}",
            &font[..20.min(font.len())]
        );
    }
}
