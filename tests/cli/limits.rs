//! Every input bounded, every write held to the root (issue 22, SPEC §16): hostile
//! spreadsheets built here, named pipes, races on the folders written to, a tree thousands of
//! folders deep in history, and stored reports that say what they are not. Each test runs the
//! reproduction of one finding; where the finding was an abort, the command runs with its
//! address space capped, so that an allocation that follows a number in the file fails the
//! test at once instead of taking the machine's memory.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "../../fuzz/src/workbook.rs"]
mod workbook;

use workbook::{ods, record, xls, xlsx};

use crate::harness::{AS_OF, ORG, Output, Tree, UNIT, commit_all, git_at, output, paths_below};
use crate::spreadsheets::{MAPPING, ledger_tree};

const HEADER: &str = "序号,存在问题,整改措施,责任单位,整改时限,整改进展";

/// A CSV row of the ledger: an open item of the unit numbered `no`.
fn csv_row(no: &str) -> String {
    format!("{no},会议文件过多,精简会议,省财政厅,2015-06-30,整改中\n")
}

/// `import FILE --mapping … --as-of … EXTRA`, its address space capped at 3 GiB.
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
    capped(tree, &args)
}

/// The binary run in `tree` with its address space capped at 3 GiB: an allocation of the size
/// a hostile number asks for fails at once (an abort, which fails the test) rather than
/// filling the machine's memory.
fn capped(tree: &Tree, args: &[&str]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("huitoukan");
    let mut cmd = assert_cmd::Command::new("sh");
    cmd.arg("-c")
        .arg("ulimit -v 3145728; exec \"$0\" \"$@\"")
        .arg(bin)
        .args(args)
        .current_dir(tree.path())
        .env("NO_COLOR", "1")
        .env_remove("HUITOUKAN_LANG")
        .env_remove("GITHUB_STEP_SUMMARY")
        .timeout(Duration::from_secs(120));
    output(cmd)
}

/// The first `error[…]` block of an import's stderr, with its place and help.
fn first_problem(out: &Output) -> String {
    out.stderr
        .split("\n\n")
        .find(|b| b.starts_with("error["))
        .unwrap_or_else(|| panic!("no problem in:\n{}", out.stderr))
        .to_owned()
}

/// Asserts that an import was refused with `expected` as its first problem and that it wrote
/// nothing into the tree.
fn refused_sheet(tree: &Tree, file: &str, expected: &str) {
    let before = paths_below(tree.path());
    let out = import(tree, file, &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(first_problem(&out), expected);
    assert_eq!(out.stdout, "");
    assert_eq!(paths_below(tree.path()), before, "nothing written");
}

// --- Workbooks built by hand -------------------------------------------------------------

/// An inline-string cell.
fn cell(at: &str, text: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// The header row of the ledger, on row 1.
fn header_row() -> String {
    let cells: String = HEADER
        .split(',')
        .zip(["A", "B", "C", "D", "E", "F"])
        .map(|(h, col)| cell(&format!("{col}1"), h))
        .collect();
    format!(r#"<row r="1">{cells}</row>"#)
}

#[test]
fn a_cell_far_beyond_the_sheet_is_refused_and_one_at_its_last_cell_costs_nothing() {
    let tree = ledger_tree()
        .bytes(
            "远.xlsx",
            &xlsx(
                &format!("{}{}", header_row(), cell("A4294967295", "1")),
                None,
                "",
            ),
        )
        .bytes(
            "列.xlsx",
            &xlsx(
                &format!("{}{}", header_row(), cell("ZZZZZZ3", "1")),
                None,
                "",
            ),
        )
        .bytes(
            "末.xlsx",
            &xlsx(
                &format!(
                    "{}<row r=\"2\">{}{}{}{}{}{}{}</row><row r=\"1048576\">{}</row>",
                    header_row(),
                    cell("A2", "1"),
                    cell("B2", "会议文件过多"),
                    cell("C2", "精简会议"),
                    cell("D2", "省财政厅"),
                    cell("E2", "2015-06-30"),
                    cell("F2", "整改中"),
                    cell("XFD2", "备注"),
                    cell("XFD1048576", "表尾"),
                ),
                None,
                "",
            ),
        );
    refused_sheet(
        &tree,
        "远.xlsx",
        "error[I001]: 单元格地址 A4294967295 超出 Excel 工作表的范围（最大 XFD1048576，即1,048,576行、16,384列）\n --> 远.xlsx\n  = help: 在 Excel 或 WPS 中删去多余的行、列和空白区域，另存为 .xlsx 再导入；或把台账拆成几个文件",
    );
    let out = import(&tree, "列.xlsx", &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        first_problem(&out).starts_with("error[I001]: 单元格地址 ZZZZZZ3 超出 Excel 工作表的范围"),
        "{}",
        out.stderr
    );
    // The last cell of a sheet is a cell like any other: the row above it imports, in seconds.
    let started = Instant::now();
    let out = import(&tree, "末.xlsx", &["--dry-run", "--keep-going"]);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stdout, "新建 省直/省财政厅/items/1.toml（第2行）\n",
        "{}",
        out.stderr
    );
    assert!(
        first_problem(&out)
            .starts_with("error[I005]: “”不是台账中的单位\n --> 末.xlsx!整改台账!D1048576\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_csv_row_of_a_million_commas_costs_nothing_and_cells_past_the_last_column_are_refused() {
    let mut text = format!("{HEADER}\n");
    for no in 1..=200 {
        text.push_str(&csv_row(&no.to_string()));
    }
    text.push_str(&",".repeat(1_000_000));
    text.push('\n');
    let tree = ledger_tree()
        .file("逗号.csv", &text)
        .file("宽.csv", &format!("{HEADER}\n{}x\n", ",".repeat(16_384)));
    let out = import(&tree, "逗号.csv", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(tree.join("省直/省财政厅/items/200.toml").is_file());
    refused_sheet(
        &tree,
        "宽.csv",
        "error[I001]: 单元格地址 XFE2 超出 Excel 工作表的范围（最大 XFD1048576，即1,048,576行、16,384列）\n --> 宽.csv\n  = help: 在 Excel 或 WPS 中删去多余的行、列和空白区域，另存为 .xlsx 再导入；或把台账拆成几个文件",
    );
}

#[test]
fn shared_strings_beyond_the_limit_are_refused_before_they_are_read() {
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    // 150 M strings stated: calamine would reserve room for all of them.
    let stated = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}" count="150000000" uniqueCount="150000000"><si><t>序号</t></si></sst>"#
    );
    // Ten million and one held, each a few bytes.
    let mut held = format!(r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}">"#);
    held.push_str(&"<si/>".repeat(10_000_001));
    held.push_str("</sst>");
    let tree = ledger_tree()
        .bytes("声称.xlsx", &xlsx(&header_row(), Some(&stated), ""))
        .bytes("字符串.xlsx", &xlsx(&header_row(), Some(&held), ""));
    let expected = |file: &str| {
        format!(
            "error[I001]: 表格的共享字符串超过10,000,000个的上限\n --> {file}\n  = help: 在 Excel 或 WPS 中删去多余的行、列和空白区域，另存为 .xlsx 再导入；或把台账拆成几个文件"
        )
    };
    refused_sheet(&tree, "声称.xlsx", &expected("声称.xlsx"));
    refused_sheet(&tree, "字符串.xlsx", &expected("字符串.xlsx"));
}

/// A raw deflate stream that inflates to `size` bytes of `a` (a literal, then matches of 258
/// at distance 1, in one block of the fixed code), made without compressing anything.
fn deflate_of_a(size: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.n;
            self.n += bits;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code, written most significant bit first.
        fn code(&mut self, code: u64, bits: u32) {
            let mut reversed = 0;
            for i in 0..bits {
                reversed |= ((code >> i) & 1) << (bits - 1 - i);
            }
            self.put(reversed, bits);
        }
    }
    let mut bits = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // the last block
    bits.put(1, 2); // of the fixed code
    bits.code(0x30 + u64::from(b'a'), 8); // the literal `a`
    let mut left = size - 1;
    while left >= 258 + 3 {
        bits.code(0b1100_0101, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        bits.code(0x30 + u64::from(b'a'), 8);
    }
    bits.code(0, 7); // the end of the block (code 256)
    bits.put(0, 7);
    bits.out
}

/// A zip of one deflated entry `name` whose data is `deflated`, stating `size` as its size.
fn zip_raw(name: &str, deflated: &[u8], size: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let le16 = |v: u16| v.to_le_bytes();
    let le32 = |v: u32| v.to_le_bytes();
    let header = |out: &mut Vec<u8>, central: bool| {
        out.extend(le32(if central { 0x0201_4b50 } else { 0x0403_4b50 }));
        if central {
            out.extend(le16(20));
        }
        out.extend(le16(20)); // version needed
        out.extend(le16(0)); // flags
        out.extend(le16(8)); // deflated
        out.extend(le16(0)); // time
        out.extend(le16(0x21)); // date
        out.extend(le32(0)); // CRC (never reached)
        out.extend(le32(deflated.len() as u32));
        out.extend(le32(size));
        out.extend(le16(name.len() as u16));
        out.extend(le16(0)); // extra
        if central {
            out.extend(le16(0)); // comment
            out.extend(le16(0)); // disk
            out.extend(le16(0)); // internal attributes
            out.extend(le32(0)); // external attributes
            out.extend(le32(0)); // offset of the local header
        }
        out.extend(name.as_bytes());
    };
    header(&mut out, false);
    out.extend(deflated);
    let central = out.len() as u32;
    header(&mut out, true);
    let end = out.len() as u32;
    out.extend(le32(0x0605_4b50));
    out.extend(le16(0));
    out.extend(le16(0));
    out.extend(le16(1));
    out.extend(le16(1));
    out.extend(le32(end - central));
    out.extend(le32(central));
    out.extend(le16(0));
    out
}

#[test]
fn a_part_that_inflates_past_a_gibibyte_is_refused_however_small_it_says_it_is() {
    let bomb = deflate_of_a((1 << 30) + 1);
    assert!(bomb.len() < 8 << 20, "a few megabytes");
    // It says it holds 100 bytes: the zip reader stops where it says it ends, and the file
    // is damaged.
    let tree = ledger_tree().bytes("炸弹.xlsx", &zip_raw("xl/sharedStrings.xml", &bomb, 100));
    let started = Instant::now();
    refused_sheet(
        &tree,
        "炸弹.xlsx",
        "error[I001]: 无法读取表格：内容不是可读的表格，或文件已损坏（读取程序报告：File is larger than its declared uncompressed size）\n --> 炸弹.xlsx\n  = help: 可导入 .xlsx、.xls、.ods 和 .csv（UTF-8 或 GBK）文件；在 Excel 或 WPS 中打开并另存为 .xlsx 再试",
    );
    assert!(started.elapsed() < Duration::from_secs(30));
    // One that says what it holds is refused by its size, before it is inflated.
    let tree = ledger_tree().bytes(
        "实.xlsx",
        &zip_raw("xl/sharedStrings.xml", &bomb, (1 << 30) + 1),
    );
    refused_sheet(
        &tree,
        "实.xlsx",
        "error[I001]: 表格中的 xl/sharedStrings.xml 解压后超过1 GiB的上限\n --> 实.xlsx\n  = help: 在 Excel 或 WPS 中删去多余的行、列和空白区域，另存为 .xlsx 再导入；或把台账拆成几个文件",
    );
}

fn ods_row(cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .map(|c| {
            format!(r#"<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>"#)
        })
        .collect();
    format!("<table:table-row>{cells}</table:table-row>")
}

#[test]
fn repeated_ods_rows_and_columns_are_measured_before_they_are_laid_out() {
    let header: Vec<&str> = HEADER.split(',').collect();
    let repeated = format!(
        r#"{}<table:table-row table:number-rows-repeated="6000"><table:table-cell office:value-type="string" table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell></table:table-row>"#,
        ods_row(&header)
    );
    // What a spreadsheet program writes: empty cells and rows repeated to the sheet's end.
    let trailing = format!(
        r#"{}{}<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
        ods_row(&header),
        ods_row(&[
            "1",
            "会议文件过多",
            "精简会议",
            "省财政厅",
            "2015-06-30",
            "整改中"
        ])
        .replace(
            "</table:table-row>",
            r#"<table:table-cell table:number-columns-repeated="16378"/></table:table-row>"#
        ),
    );
    // Found by the fuzz target `workbook`: a table that never ends held calamine in a loop.
    let unended = format!("{}\0\0\0<\u{7}pr&&&", ods_row(&header));
    let tree = ledger_tree()
        .bytes("重复.ods", &ods(&repeated))
        .bytes("尾.ods", &ods(&trailing))
        .bytes("未完.ods", &ods(&unended));
    let started = Instant::now();
    refused_sheet(
        &tree,
        "未完.ods",
        "error[I001]: 无法读取表格：内容不是可读的表格，或文件已损坏（读取程序报告：the content ends inside a table）\n --> 未完.ods\n  = help: 可导入 .xlsx、.xls、.ods 和 .csv（UTF-8 或 GBK）文件；在 Excel 或 WPS 中打开并另存为 .xlsx 再试",
    );
    assert!(started.elapsed() < Duration::from_secs(30));
    refused_sheet(
        &tree,
        "重复.ods",
        "error[I001]: 表格的单元格超过10,000,000个的上限\n --> 重复.ods\n  = help: 在 Excel 或 WPS 中删去多余的行、列和空白区域，另存为 .xlsx 再导入；或把台账拆成几个文件",
    );
    let out = import(&tree, "尾.ods", &["--dry-run"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "新建 省直/省财政厅/items/1.toml（第2行）\n");
}

#[test]
fn an_xls_dimensions_record_of_two_hundred_million_rows_is_refused_before_it_is_believed() {
    let dims = |rows: u32, cols: u16| {
        let mut data = 0u32.to_le_bytes().to_vec();
        data.extend(rows.to_le_bytes());
        data.extend(0u16.to_le_bytes());
        data.extend(cols.to_le_bytes());
        data.extend(0u16.to_le_bytes());
        record(0x0200, &data)
    };
    let tree = ledger_tree()
        .bytes("维度.xls", &xls(&[dims(1 << 28, 256)]))
        .bytes("多.xls", &xls(&[dims(60_000, 255)]));
    refused_sheet(
        &tree,
        "维度.xls",
        "error[I001]: 单元格地址 IV268435456 超出 Excel 工作表的范围（最大 XFD1048576，即1,048,576行、16,384列）\n --> 维度.xls\n  = help: 在 Excel 或 WPS 中删去多余的行、列和空白区域，另存为 .xlsx 再导入；或把台账拆成几个文件",
    );
    refused_sheet(
        &tree,
        "多.xls",
        "error[I001]: 表格的单元格超过10,000,000个的上限\n --> 多.xls\n  = help: 在 Excel 或 WPS 中删去多余的行、列和空白区域，另存为 .xlsx 再导入；或把台账拆成几个文件",
    );
}

// --- Named inputs: pipes, devices, sizes --------------------------------------------------

/// Makes a named pipe at `path` (with the `mkfifo` program).
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

/// Runs the binary in `tree` with `env` set, and fails the test if it takes ten seconds: a
/// named pipe that blocks it would hold it forever.
fn quick(tree: &Tree, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = tree.command(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.timeout(Duration::from_secs(10));
    output(cmd)
}

#[cfg(unix)]
#[test]
fn named_pipes_and_devices_are_refused_without_blocking() {
    let tree = ledger_tree();
    for name in ["台账.csv", "映射.toml", "报告.json", "summary.md"] {
        mkfifo(&tree.join(name));
    }
    let not_regular =
        |what: &str| format!("error: {what} 不是普通文件（命名管道、设备、文件夹等），未读取\n");
    let out = quick(&tree, &["import", "台账.csv"], &[]);
    assert_eq!((out.code, out.stderr), (2, not_regular("台账.csv")));
    let out = quick(
        &tree,
        &["import", "/dev/zero", "--mapping", ".map/映射.toml"],
        &[],
    );
    assert_eq!(
        (out.code, out.stderr.clone()),
        (2, not_regular("/dev/zero"))
    );
    assert!(!out.stderr.contains("--force"));
    std::fs::write(
        tree.join("台账2.csv"),
        format!("{HEADER}\n{}", csv_row("1")),
    )
    .expect("write");
    for mapping in ["映射.toml", "/dev/zero"] {
        let out = quick(&tree, &["import", "台账2.csv", "--mapping", mapping], &[]);
        assert_eq!((out.code, out.stderr), (2, not_regular(mapping)));
    }
    let out = quick(&tree, &["report", "--from", "报告.json"], &[]);
    assert_eq!((out.code, out.stderr), (2, not_regular("报告.json")));
    let out = quick(&tree, &["merge", "报告.json", "报告.json"], &[]);
    assert_eq!((out.code, out.stderr), (2, not_regular("报告.json")));
    // The step summary: a pipe with no reader is an error, never a wait.
    let summary = tree.join("summary.md");
    let out = quick(
        &tree,
        &["check", "--format", "github", "--as-of", AS_OF],
        &[("GITHUB_STEP_SUMMARY", summary.to_str().expect("UTF-8"))],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("summary.md"), "{}", out.stderr);
    assert!(
        !tree.join("省直/省财政厅/items").exists(),
        "nothing imported"
    );
}

#[test]
fn inputs_larger_than_their_limits_are_refused_by_their_size_before_a_byte_is_read() {
    let tree = ledger_tree();
    let sparse = |name: &str, size: u64| {
        let file = std::fs::File::create(tree.join(name)).expect("create");
        file.set_len(size).expect("a sparse file");
    };
    sparse("大.xlsx", 300 << 20);
    sparse("大映射.toml", 4 << 30);
    sparse("大.json", 1 << 30);
    std::fs::write(tree.join("台账.csv"), format!("{HEADER}\n{}", csv_row("1"))).expect("write");
    let started = Instant::now();
    let out = capped(&tree, &["import", "大.xlsx"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: 大.xlsx：文件有314572800字节，超过256 MiB的上限，未读取\n"
        )
    );
    let out = capped(&tree, &["import", "台账.csv", "--mapping", "大映射.toml"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: 大映射.toml：文件有4294967296字节，超过1 MiB的上限，未读取\n"
        )
    );
    let out = capped(&tree, &["report", "--from", "大.json"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("1073741824"), "{}", out.stderr);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "none of them read"
    );
    let out = capped(&tree, &["--lang", "en", "import", "大.xlsx"]);
    assert_eq!(
        out.stderr,
        "error: 大.xlsx: 314572800 bytes, over the limit of 256 MiB; not read\n"
    );
}

// --- Writes held to the root -----------------------------------------------------------

#[cfg(unix)]
#[test]
fn an_items_folder_swapped_for_a_link_during_an_import_receives_nothing_outside() {
    let outside = Tree::empty();
    let mut text = format!("{HEADER}\n");
    for no in 1..=3000 {
        text.push_str(&csv_row(&no.to_string()));
    }
    let tree = ledger_tree().file("台账.csv", &text);
    let items = tree.join("省直/省财政厅/items");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("huitoukan"))
        .args([
            "import",
            "台账.csv",
            "--mapping",
            ".map/映射.toml",
            "--as-of",
            AS_OF,
        ])
        .current_dir(tree.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the import");
    // While it runs, `items` is moved aside and a link to a folder outside put in its place,
    // again and again.
    let mut swaps = 0;
    while child.try_wait().expect("the import").is_none() {
        if std::fs::symlink_metadata(&items).is_ok_and(|m| m.is_dir()) {
            let aside = tree.join(&format!("省直/省财政厅/items.{swaps}"));
            if std::fs::rename(&items, &aside).is_ok() {
                let _ = std::os::unix::fs::symlink(outside.path(), &items);
                swaps += 1;
            }
        }
        std::thread::yield_now();
    }
    assert_eq!(
        paths_below(outside.path()),
        Vec::<String>::new(),
        "after {swaps} swaps"
    );
}

#[test]
fn a_file_changed_while_an_update_runs_is_refused_and_keeps_the_change() {
    let tree = ledger_tree().file("台账.csv", &format!("{HEADER}\n{}", csv_row("1")));
    let out = import(&tree, "台账.csv", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let file = tree.join("省直/省财政厅/items/1.toml");
    std::fs::write(
        tree.join("台账.csv"),
        format!(
            "{HEADER}\n{}",
            csv_row("1").replace("精简会议", "精简会议文件")
        ),
    )
    .expect("write");
    let plan = huitoukan::import::plan(huitoukan::import::Request {
        root: tree.path(),
        file: "台账.csv",
        bytes: std::fs::read(tree.join("台账.csv")).expect("read"),
        mapping: Some(huitoukan::import::mapping::Mapping::parse(MAPPING).expect("a mapping")),
        as_of: AS_OF.parse().expect("a date"),
        update: true,
        keep_going: false,
    });
    assert_eq!(plan.errors(), 0);
    // Someone adds a line between the plan and the write.
    let mut edited = std::fs::read_to_string(&file).expect("read");
    edited.push_str("# 已与责任处室核对\n");
    std::fs::write(&file, &edited).expect("edit");
    let written = huitoukan::cmd::import::apply(tree.path(), &plan);
    let message = written
        .expect_err("refused")
        .text(huitoukan::text::i18n::Lang::Zh);
    assert!(
        message.starts_with(&format!(
            "error: {} 在导入期间被改动过，未更新（改动保留）\n",
            file.display()
        )),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), edited);
    assert_eq!(
        paths_below(&tree.join("省直/省财政厅/items")),
        vec!["1.toml"],
        "no temporary file left"
    );
}

#[test]
fn keys_that_are_no_file_name_on_every_system_are_refused_before_anything_is_written() {
    let long = "问".repeat(100);
    let mut text = format!("{HEADER}\n{}", csv_row("1"));
    for key in [
        long.as_str(),
        "CON",
        "nul.txt",
        "aux",
        "COM1",
        "Lpt9",
        "a.",
        "a",
        "A",
    ] {
        text.push_str(&csv_row(key));
    }
    let tree = ledger_tree().file("台账.csv", &text);
    let before = paths_below(tree.path());
    let out = import(&tree, "台账.csv", &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let problems: Vec<&str> = out
        .stderr
        .split("\n\n")
        .filter(|b| b.starts_with("error["))
        .map(|b| b.lines().next().unwrap_or_default())
        .collect();
    let bad = |key: &str| format!("error[I007]: 键“{key}”不能用作文件名");
    assert_eq!(
        problems,
        vec![
            bad(&long),
            bad("CON"),
            bad("nul.txt"),
            bad("aux"),
            bad("COM1"),
            bad("Lpt9"),
            bad("a."),
            "error[I004]: 键“A”与 台账.csv!台账!A10 的“a”只差大小写：在 Windows 和 macOS 上是同一个文件".to_owned(),
        ]
    );
    assert_eq!(out.stdout, "");
    assert_eq!(paths_below(tree.path()), before, "nothing written");
    // A key that differs from an existing item only by case, too.
    let tree = ledger_tree()
        .item(ORG, "x", crate::harness::ITEM)
        .file("台账.csv", &format!("{HEADER}\n{}", csv_row("X")));
    let out = import(&tree, "台账.csv", &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("error[I004]: 键“X”与 省直/省财政厅/items/x.toml 的“x”只差大小写"),
        "{}",
        out.stderr
    );
}

#[test]
fn only_the_files_written_are_said_to_be_created() {
    let tree = ledger_tree().file(
        "台账.csv",
        &format!("{HEADER}\n{}{}", csv_row("1"), csv_row("2")),
    );
    // `2.toml` is a folder: not a record, so the plan creates the item, and the write fails.
    std::fs::create_dir_all(tree.join("省直/省财政厅/items/2.toml")).expect("a folder");
    let out = import(&tree, "台账.csv", &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.stdout, "新建 省直/省财政厅/items/1.toml（第2行）\n");
    assert!(out.stderr.contains("items/2.toml"), "{}", out.stderr);
}

// --- Stored reports and merge names -----------------------------------------------------

/// The JSON report of a tree whose unit names its 主要负责同志.
fn stored_report(tree: &Tree) -> serde_json::Value {
    let out = tree.run(&["report", "--format", "json", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

#[test]
fn a_stored_report_that_says_it_is_public_yet_names_someone_is_refused() {
    let tree = Tree::new().unit(ORG, &format!("principal = \"张三\"\n{UNIT}"));
    let mut report = stored_report(&tree);
    assert_eq!(report["units"][0]["principal"], "张三");
    report["public"] = true.into();
    std::fs::write(tree.join("公示.json"), report.to_string()).expect("write");
    let expected = "error: 公示.json 自称公示稿（public: true），却在 units[0].principal 中含有人名，不予使用\n  \
         = help: 公示稿不得含人名：请报送单位用 `report --public --format json` 重新生成\n";
    let out = tree.run(&["report", "--from", "公示.json"]);
    assert_eq!((out.code, out.stderr.as_str()), (2, expected));
    assert_eq!(out.stdout, "");
    let out = tree.run(&["merge", "公示.json", "--name", "全省"]);
    assert_eq!((out.code, out.stderr.as_str()), (2, expected));
    assert_eq!(out.stdout, "");
}

#[test]
fn merge_name_follows_the_rules_of_an_org_name() {
    let tree = Tree::new().unit(ORG, UNIT);
    let report = stored_report(&tree);
    std::fs::write(tree.join("r.json"), report.to_string()).expect("write");
    for name in ["a/b", "", "\u{1b}[31m", "a\nb", "CON", "省直.", ".隐藏"] {
        let out = tree.run(&["merge", "r.json", "--name", name]);
        assert_eq!(out.code, 2, "{name:?}: {}", out.stderr);
        assert!(
            out.stderr.starts_with("error: 名称 ")
                && out.stderr.contains("不能作为机构名（文件夹名）"),
            "{name:?}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains('\u{1b}'), "{}", out.stderr);
        assert_eq!(out.stdout, "");
    }
    let out = tree.run(&["merge", "r.json", "--name", "全省"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

// --- History ------------------------------------------------------------------------------

const DAY: &str = "2015-02-20T10:00:00+08:00";

/// A repository holding the tree at one commit, then a commit made with `git fast-import`
/// that adds `path` (any depth) holding `text`.
fn with_imported_file(tree: &Tree, path: &str, text: &str) {
    commit_all(tree.path(), DAY, "第一次报送");
    let script = format!(
        "commit refs/heads/main\ncommitter 整改办 <office@example.org> 1424397600 +0800\ndata 4\ndeep\nfrom refs/heads/main^0\nM 100644 inline {path}\ndata {}\n{text}\n\n",
        text.len()
    );
    let mut child = std::process::Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(tree.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("git fast-import");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("write the stream");
    assert!(child.wait().expect("git fast-import").success());
    git_at(tree.path(), DAY, &["reset", "-q", "--soft", "main"]);
}

#[test]
fn a_commit_three_thousand_folders_deep_is_a_diagnostic_not_a_stack_overflow() {
    let tree = Tree::new().unit(ORG, UNIT);
    let deep = format!("{}x.toml", "d/".repeat(3000));
    with_imported_file(&tree, &deep, "title = 1\n");
    for args in [
        vec!["report", "--at", "HEAD", "--as-of", AS_OF],
        vec!["diff", "HEAD~1", "HEAD"],
        vec!["check", "--since", "HEAD", "--as-of", AS_OF],
        vec!["trend", "--to", "2015-02-28"],
    ] {
        let out = capped(&tree, &args);
        assert!([0, 1, 2].contains(&out.code), "{args:?}: {}", out.stderr);
        if args[0] == "report" {
            assert_eq!(out.code, 1, "{}", out.stderr);
            assert!(out.stderr.contains("path too long"), "{}", out.stderr);
        }
    }
    // The work tree's report names its commit, and so lists HEAD's tree.
    let out = capped(&tree, &["report", "--format", "json", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_tree_that_lists_a_folder_twice_counts_its_unit_once() {
    let tree = Tree::new().unit(ORG, UNIT);
    commit_all(tree.path(), DAY, "第一次报送");
    let git = |args: &[&str]| git_at(tree.path(), DAY, args);
    let campaign = git(&["rev-parse", "HEAD:huitoukan.toml"]);
    let org = git(&["rev-parse", "HEAD:省直"]);
    let hex = |h: &str| -> Vec<u8> {
        (0..h.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex"))
            .collect()
    };
    let mut raw = Vec::new();
    raw.extend(b"100644 huitoukan.toml\0");
    raw.extend(hex(&campaign));
    for _ in 0..2 {
        raw.extend("40000 省直\0".as_bytes());
        raw.extend(hex(&org));
    }
    std::fs::write(tree.join(".git/twice"), &raw).expect("write");
    let twice = git(&[
        "hash-object",
        "-w",
        "--literally",
        "-t",
        "tree",
        ".git/twice",
    ]);
    let commit = git(&["commit-tree", &twice, "-p", "HEAD", "-m", "重复"]);
    git(&["update-ref", "refs/heads/main", &commit]);
    git(&["reset", "-q", "--soft", "main"]);
    let out = tree.run(&[
        "report", "--at", "HEAD", "--as-of", AS_OF, "--format", "json",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("listed twice"), "{}", out.stderr);
    let out = tree.run(&[
        "report",
        "--at",
        "HEAD",
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--keep-going",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["totals"]["units"], 1);
    std::fs::write(tree.join("r.json"), &out.stdout).expect("write");
    assert_eq!(tree.run(&["report", "--from", "r.json"]).code, 0);
}

#[test]
fn trend_to_the_end_of_time_ends_at_the_last_commit() {
    let tree = Tree::new().unit(ORG, UNIT);
    commit_all(tree.path(), DAY, "第一次报送");
    let started = Instant::now();
    let out = tree.run(&["trend", "--to", "9999-12-31", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(started.elapsed() < Duration::from_secs(20));
    let trend: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let ends: Vec<&str> = trend["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["end"].as_str().expect("a date"))
        .collect();
    assert_eq!(ends, vec!["2015-02-28"]);
    assert_eq!(trend["to"], "2015-02-28");
}

#[test]
fn a_long_revision_is_shortened_in_the_message() {
    let tree = Tree::new().unit(ORG, UNIT);
    commit_all(tree.path(), DAY, "第一次报送");
    let rev = "x".repeat(100_000);
    let out = tree.run(&["report", "--at", &rev]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.len() < 2_000, "{} bytes", out.stderr.len());
    // In English, with git's words, each as short.
    let en = tree.run(&["report", "--at", &rev, "--lang", "en"]);
    assert_eq!(en.code, 2, "{}", en.stderr);
    assert!(en.stderr.len() < 2_000, "{} bytes", en.stderr.len());
    assert!(
        en.stderr
            .starts_with(&format!("error: unknown revision `{}…`: ", "x".repeat(99))),
        "{}",
        en.stderr
    );
    assert!(
        out.stderr
            .starts_with(&format!("error: 找不到版本 `{}…`\n", "x".repeat(99))),
        "{}",
        out.stderr
    );
}
