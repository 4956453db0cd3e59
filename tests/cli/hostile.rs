//! Hostile files: what records typed by hand, saved by any editor and copied through any
//! channel may hold, and what a file system may put in the way. Each must end in a diagnostic or
//! a clear refusal, never in a crash, a hang, a read outside the root or a lost file.
//!
//! Covered in `check.rs` and not repeated here: `..` and absolute paths in `self_check.report`
//! (`e020_*`), a schema file outside the root (`e026_schema_outside_the_root`), links to a file
//! and to a folder (`w006_*`), hidden folders and `target/`, GBK and UTF-16 with a byte-order
//! mark (`e023_*`), the size limit at its edge (`e024_*`), an unreadable file where the tests run
//! as a user (`e025_*`), dates not on the calendar and dates with a time (`e027_*`), a schema
//! through a linked folder, that is a folder or in a hidden folder (`e026_campaign_schema_*`), a
//! name that is not UTF-8 (`e034_*`), `x.TOML` and `x.toml.txt` (`w009_*`), colons that are and
//! are not drive letters (`e019_self_check_report_with_a_colon_*`). An output into a missing
//! folder, over a file, inside the tree, with `--force` and under a umask: `report.rs`,
//! `output_*` and `force_*`; template escaping and a step summary inside the tree: `author.rs`.

use std::path::Path;
use std::process::Command as StdCommand;
use std::time::{Duration, Instant};

use huitoukan::diagnostic::{Code, Diagnostic};
use huitoukan::render::human;
use huitoukan::rules::check::check;
use huitoukan::text::i18n::{Lang, Msg};
use huitoukan::text::messages::files::FileMsg;

use crate::harness::{
    AS_OF, CAMPAIGN, Found, ITEM, ITEM_NAME, ITEM_PATH, ORG, Output, Tree, UNIT, UNIT_PATH,
    UNIT_PENDING, check_document, check_json, diagnostics, diagnostics_of, edit, found, helps,
    names_in, output, paths_below, run_as_nobody, run_as_nobody_in, unit_with_self_check, valid,
    with_item, with_schema, with_unit,
};

const LINK_SKIPPED: &str = "符号链接，已跳过（不读取根目录以外的内容）";

/// `found` for a skipped link.
fn link(rel: &str) -> (String, String, usize, usize, String) {
    found("W006", rel, 1, 1, LINK_SKIPPED)
}

// ---------------------------------------------------------------------------------------------
// Symbolic links: never followed, each reported once.

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_reported_once_each_and_never_followed() {
    let tree = valid()
        .symlink("乙.toml", "省直/省财政厅/items/甲.toml")
        .symlink("甲.toml", "省直/省财政厅/items/乙.toml")
        .symlink("..", "省直/环")
        .symlink("自己", "省直/自己");
    let mut cmd = tree.command(&["check", "--format", "json", "--as-of", AS_OF]);
    cmd.timeout(Duration::from_secs(60));
    let out = output(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        check_json(&tree),
        [
            link("省直/环"),
            link("省直/省财政厅/items/乙.toml"),
            link("省直/省财政厅/items/甲.toml"),
            link("省直/自己"),
        ]
    );
    let document = check_document(&tree, &[]);
    assert_eq!(
        (&document["files"], &document["units"], &document["items"]),
        (&3.into(), &1.into(), &1.into()),
        "nothing is read through a link"
    );
}

#[cfg(unix)]
#[test]
fn link_to_a_file_outside_the_root_is_never_read() {
    let outside = Tree::empty().file("坏.toml", "title = \n");
    let target = outside.join("坏.toml");
    let tree = valid().symlink(
        target.to_str().expect("a UTF-8 path"),
        "省直/省财政厅/items/外部.toml",
    );
    // Read, the file would be an E001 at 1:9.
    assert_eq!(check_json(&tree), [link("省直/省财政厅/items/外部.toml")]);
}

#[cfg(unix)]
#[test]
fn link_to_a_folder_outside_the_root_is_never_entered() {
    let outside = Tree::empty()
        .unit("外省", &edit(UNIT, "batch = 1", "batch = 3"))
        .item("外省", "坏", "title = \n");
    let target = outside.join("外省");
    let tree = valid().symlink(target.to_str().expect("a UTF-8 path"), "外省");
    assert_eq!(check_json(&tree), [link("外省")]);
    let document = check_document(&tree, &[]);
    assert_eq!(
        (&document["units"], &document["items"]),
        (&1.into(), &1.into())
    );
}

#[cfg(unix)]
#[test]
fn dangling_symbolic_link_is_reported_like_any_link() {
    let tree = valid().symlink("不存在.toml", "省直/省财政厅/items/没了.toml");
    assert_eq!(check_json(&tree), [link("省直/省财政厅/items/没了.toml")]);
}

#[cfg(unix)]
#[test]
fn campaign_schema_that_is_a_link_out_of_the_root_is_not_read() {
    let outside = Tree::empty().file("areas.toml", huitoukan::model::schema::BUILTIN);
    let target = outside.join("areas.toml");
    let campaign = format!("{CAMPAIGN}schema = \"areas.toml\"\n");
    let tree = valid()
        .file("huitoukan.toml", &campaign)
        .symlink(target.to_str().expect("a UTF-8 path"), "areas.toml");
    assert_eq!(
        check_json(&tree),
        [
            link("areas.toml"),
            found(
                "E026",
                "huitoukan.toml",
                4,
                10,
                "方案文件 \"areas.toml\" 经过符号链接，不读取"
            ),
        ]
    );
}

#[cfg(unix)]
#[test]
fn unit_file_that_is_a_link_makes_no_unit() {
    let outside = Tree::empty().file("unit.toml", UNIT);
    let target = outside.join("unit.toml");
    let tree = Tree::new()
        .symlink(target.to_str().expect("a UTF-8 path"), UNIT_PATH)
        .item(ORG, ITEM_NAME, ITEM);
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E017",
                ITEM_PATH,
                1,
                1,
                "事项不属于任何单位：上级各文件夹中都没有 unit.toml"
            ),
            link(UNIT_PATH),
        ]
    );
}

/// A file outside every tree, whose text must never be shown.
const SECRET: &str = "GITHUB_TOKEN=ghp_secret\nroot:x:0:0:root:/root:/bin/bash\n";

#[cfg(unix)]
#[test]
fn campaign_file_that_is_a_link_is_never_read_by_any_command() {
    let outside = Tree::empty().file("environ", SECRET);
    let target = outside.join("environ");
    let tree = Tree::empty()
        .symlink(target.to_str().expect("a UTF-8 path"), "huitoukan.toml")
        .unit(ORG, UNIT)
        .item(ORG, ITEM_NAME, ITEM);
    let refused = "error: ./huitoukan.toml 是符号链接或不是普通文件，不读取，也不作为台账根目录\n  = help: 把 huitoukan.toml 文件本身放在根目录，而不是链接\n";
    for args in [
        &["check", "--as-of", AS_OF][..],
        &["check", "--format", "json", "--as-of", AS_OF],
        &["check", "--format", "github", "--as-of", AS_OF],
        &["check", "--format", "gitlab", "--as-of", AS_OF],
        &["report", "--as-of", AS_OF],
        &[
            "report",
            "--format",
            "json",
            "--keep-going",
            "--as-of",
            AS_OF,
        ],
        &["new", "unit", "新单位"],
        &["new", "item", ORG],
        &["schema"],
        &["init"],
    ] {
        let out = tree.run(args);
        let shown = match args[0] {
            // `new` looks for the root above the folder it names, and names the root it found.
            "new" => format!(
                "error: {} 是符号链接或不是普通文件，不读取，也不作为台账根目录\n  = help: 把 huitoukan.toml 文件本身放在根目录，而不是链接\n",
                tree.join("huitoukan.toml").display()
            ),
            "init" => "error: . 已经是台账根目录（有 huitoukan.toml）\n".to_owned(),
            _ => refused.to_owned(),
        };
        assert_eq!(
            (out.code, out.stdout.as_str(), out.stderr.as_str()),
            (2, "", shown.as_str()),
            "{args:?}"
        );
    }
    // From a folder below, the link above is named, not passed over for a root further up.
    let out = tree.run_in(ORG, &["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!(
            "error: {} 是符号链接",
            tree.join("huitoukan.toml").display()
        )),
        "{}",
        out.stderr
    );
    assert!(!tree.join("新单位").exists(), "nothing was written");
    // Loaded through the library, the file is E025 and its text is nowhere.
    let checked = check(tree.path(), huitoukan_date(AS_OF));
    let codes: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code,
                checked.records.files.path(d.file()),
                d.message.clone(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [(
            Code::Unreadable,
            "huitoukan.toml",
            Msg::Files(FileMsg::NotRegularFile)
        )]
    );
    let shown = human::render(&checked, Lang::Zh, None);
    assert!(
        !shown.contains("ghp_secret") && !shown.contains("root:x"),
        "{shown}"
    );
}

#[cfg(unix)]
#[test]
fn campaign_file_that_is_a_fifo_is_refused_without_waiting() {
    let tree = Tree::empty().unit(ORG, UNIT);
    if !mkfifo(&tree.join("huitoukan.toml")) {
        return;
    }
    let mut cmd = tree.command(&["check", "--as-of", AS_OF]);
    cmd.timeout(Duration::from_secs(10));
    let out = output(cmd);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("huitoukan.toml 是符号链接或不是普通文件"),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn new_never_writes_through_a_linked_folder() {
    let outside = Tree::empty().unit("外单位", UNIT);
    let outside_path = outside.path().to_str().expect("a UTF-8 path").to_owned();
    let other = Tree::new().unit("外单位", UNIT);
    let tree = valid()
        .symlink(other.path().to_str().expect("a UTF-8 path"), "另一台账")
        .unit("省直/链接单位", UNIT)
        .symlink(&outside_path, "链接")
        .symlink(&outside_path, "省直/链接单位/items")
        .symlink(&format!("{outside_path}/外单位"), "省直/外");
    for (args, link) in [
        (&["new", "unit", "链接/evil"][..], "链接"),
        (&["new", "unit", "链接/外单位/下级"], "链接"),
        (&["new", "item", "省直/链接单位"], "省直/链接单位/items"),
        (
            &["new", "item", "省直/链接单位", "新事项"],
            "省直/链接单位/items",
        ),
        (&["new", "item", "省直/外"], "省直/外"),
        (&["new", "item", "链接/外单位"], "链接"),
    ] {
        let out = tree.run(args);
        assert_eq!(
            (out.code, out.stdout.as_str(), out.stderr.as_str()),
            (
                2,
                "",
                format!("error: {link} 是符号链接，不会经由它写入\n").as_str()
            ),
            "{args:?}"
        );
    }
    assert_eq!(
        paths_below(outside.path()),
        ["外单位", "外单位/unit.toml"],
        "nothing was written outside the tree"
    );
    // A link to another tree is a link all the same.
    for args in [
        &["new", "unit", "另一台账/evil"][..],
        &["new", "item", "另一台账/外单位"],
    ] {
        let out = tree.run(args);
        assert_eq!(
            (out.code, out.stderr.clone()),
            (
                2,
                format!(
                    "error: {} 是符号链接，不会经由它写入\n",
                    tree.join("另一台账").display()
                )
            ),
            "{args:?}"
        );
    }
    assert_eq!(
        paths_below(other.path()),
        ["huitoukan.toml", "外单位", "外单位/unit.toml"]
    );
}

#[cfg(unix)]
#[test]
fn new_item_reads_the_campaign_schema_as_check_does() {
    // A schema reached through a linked folder: `check` refuses it (E026), so `new` does not
    // list its areas either, but the built-in ones.
    let outside = Tree::empty().file(
        "areas.toml",
        &huitoukan::model::schema::BUILTIN.replacen(
            "学习贯彻中央和省委部署要求情况",
            "外部方案的方面",
            1,
        ),
    );
    let tree = Tree::new()
        .file(
            "huitoukan.toml",
            &format!("{CAMPAIGN}schema = \"方案/areas.toml\"\n"),
        )
        .symlink(outside.path().to_str().expect("a UTF-8 path"), "方案")
        .unit(ORG, UNIT);
    let out = tree.run(&["new", "item", ORG, "新事项"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(tree.join("省直/省财政厅/items/新事项.toml")).expect("item");
    assert!(
        text.contains("#   1 学习贯彻中央和省委部署要求情况\n"),
        "{text}"
    );
    assert!(!text.contains("外部方案"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Paths that records name: never outside the unit's folder or the root.

#[test]
fn self_check_report_that_goes_in_and_out_again_is_e020() {
    for path in [
        "items/../../自查报告.md",
        "..\\\\自查报告.md",
        "C:\\\\自查报告.md",
    ] {
        let tree = with_unit(&unit_with_self_check(&format!("report = \"{path}\"\n")))
            .file("省直/自查报告.md", "# 自查报告\n");
        let shown = path.replace("\\\\", "\\");
        assert_eq!(
            check_json(&tree),
            [found(
                "E020",
                UNIT_PATH,
                8,
                10,
                &format!("自查报告 \"{shown}\" 不在本单位文件夹内")
            )],
            "{path}"
        );
    }
}

#[test]
fn self_check_report_that_is_a_folder_is_e019() {
    let tree = with_unit(&unit_with_self_check("report = \"items\"\n"));
    assert_eq!(
        check_json(&tree),
        [found("E019", UNIT_PATH, 8, 10, "自查报告 \"items\" 不存在")]
    );
}

#[cfg(unix)]
#[test]
fn self_check_report_that_is_a_fifo_is_never_opened() {
    let tree = with_unit(&unit_with_self_check("report = \"自查报告.md\"\n"));
    if !mkfifo(&tree.join("省直/省财政厅/自查报告.md")) {
        return;
    }
    let mut cmd = tree.command(&["check", "--format", "json", "--as-of", AS_OF]);
    cmd.timeout(Duration::from_secs(60));
    let out = output(cmd);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        check_json(&tree),
        [found(
            "E019",
            UNIT_PATH,
            8,
            10,
            "自查报告 \"自查报告.md\" 不存在"
        )]
    );
}

#[test]
fn campaign_schema_with_an_absolute_path_or_dot_dot_is_e026() {
    for path in ["/etc/passwd", "schema/../areas.toml", "C:\\\\areas.toml"] {
        let campaign = format!("{CAMPAIGN}schema = \"{path}\"\n");
        let tree = valid().file("huitoukan.toml", &campaign);
        let shown = path.replace("\\\\", "\\");
        assert_eq!(
            check_json(&tree),
            [found(
                "E026",
                "huitoukan.toml",
                4,
                10,
                &format!("方案文件 \"{shown}\" 不在根目录内")
            )],
            "{path}"
        );
    }
}

#[test]
fn linkage_lead_unit_with_dot_dot_names_no_unit() {
    let item = format!("{ITEM}\n[linkage]\nlead_unit = \"../省直/省财政厅\"\n");
    let tree = with_item(&item);
    assert_eq!(
        check_json(&tree),
        [found(
            "E014",
            ITEM_PATH,
            11,
            13,
            "牵头单位 \"../省直/省财政厅\" 不是本台账中的单位"
        )]
    );
}

// ---------------------------------------------------------------------------------------------
// Size and nesting.

#[test]
fn file_of_a_hundred_mib_is_refused_without_reading_it() {
    let tree = valid();
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(tree.join(ITEM_PATH))
        .expect("the item");
    file.set_len(100 * 1024 * 1024).expect("a sparse file");
    assert_eq!(
        check_json(&tree),
        [found(
            "E024",
            ITEM_PATH,
            1,
            1,
            "文件大小104857600字节，超过1 MiB的上限"
        )]
    );
}

const DEPTH: usize = 10_000;

/// The parser's limit: 80 levels of arrays, inline tables or dotted key parts.
const LIMIT: usize = 80;

#[test]
fn nesting_up_to_the_parsers_limit_is_read_and_one_more_is_e001() {
    let arrays = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let tables = |depth: usize| format!("{}1{}", "{ a = ".repeat(depth), " }".repeat(depth));
    let read = with_item(&format!(
        "{ITEM}evidence = {}\nproblem = {}\n",
        arrays(LIMIT),
        tables(LIMIT)
    ));
    assert_eq!(
        check_json(&read),
        [
            found(
                "E004",
                ITEM_PATH,
                9,
                13,
                "`evidence` 应为字符串，实际是数组"
            ),
            found("E004", ITEM_PATH, 10, 11, "`problem` 应为字符串，实际是表"),
        ]
    );
    let too_deep = with_item(&format!("{ITEM}evidence = {}\n", arrays(LIMIT + 1)));
    assert_eq!(
        check_json(&too_deep),
        [found(
            "E001",
            ITEM_PATH,
            9,
            92,
            "TOML 语法错误：cannot recurse further; max recursion depth met"
        )]
    );
}

#[test]
fn thousands_of_nested_arrays_are_a_syntax_error_not_a_stack_overflow() {
    let nested = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let tree = with_item(&format!("{ITEM}evidence = {nested}\n"));
    let found_all = diagnostics(&tree, &[]);
    assert_eq!(
        found_all
            .iter()
            .map(|d| (d.code.as_str(), d.file.as_str(), d.line, d.message.as_str()))
            .collect::<Vec<_>>(),
        [(
            "E001",
            ITEM_PATH,
            9,
            "TOML 语法错误：cannot recurse further; max recursion depth met"
        )]
    );
}

#[test]
fn thousands_of_nested_inline_tables_are_a_syntax_error_not_a_stack_overflow() {
    let nested = format!("{}1{}", "{ a = ".repeat(DEPTH), " }".repeat(DEPTH));
    let unit = format!("{UNIT}\"1.9\" = {nested}\n");
    let tree = with_unit(&unit);
    let found_all = diagnostics(&tree, &[]);
    assert_eq!(
        found_all
            .iter()
            .map(|d| (d.code.as_str(), d.file.as_str(), d.line, d.message.as_str()))
            .collect::<Vec<_>>(),
        [(
            "E001",
            UNIT_PATH,
            33,
            "TOML 语法错误：cannot recurse further; max recursion depth met"
        )]
    );
}

#[test]
fn thousands_of_dotted_keys_and_table_headers_are_a_syntax_error() {
    let path = vec!["a"; DEPTH].join(".");
    for text in [
        format!("{ITEM}{path} = 1\n"),
        format!("{ITEM}[{path}]\n"),
        format!("{ITEM}[[{path}]]\n"),
    ] {
        let tree = with_item(&text);
        assert_eq!(
            check_json(&tree),
            [found(
                "E001",
                ITEM_PATH,
                1,
                1,
                "TOML 语法错误：recursion limit"
            )],
            "{}",
            &text[ITEM.len()..ITEM.len() + 12]
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Encodings and bytes.

#[test]
fn utf16_big_endian_and_without_a_byte_order_mark() {
    let mut big_endian = vec![0xFE, 0xFF];
    big_endian.extend(ITEM.encode_utf16().flat_map(u16::to_be_bytes));
    let without_bom: Vec<u8> = ITEM.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for (bytes, help) in [
        (
            big_endian,
            "看起来是 UTF-16 编码；用记事本或 WPS “另存为” UTF-8",
        ),
        (without_bom, "用 UTF-8 编码保存此文件"),
    ] {
        let tree = valid().bytes(ITEM_PATH, &bytes);
        assert_eq!(
            check_json(&tree),
            [found("E023", ITEM_PATH, 1, 1, "文件不是 UTF-8 编码")]
        );
        assert_eq!(helps(&tree), [Some(help.to_owned())]);
    }
}

#[test]
fn gbk_campaign_file_is_e023_and_the_records_are_still_checked() {
    // `name = "回头看"` saved as GBK.
    let campaign = b"[campaign]\nname = \"\xbb\xd8\xcd\xb7\xbf\xb4\"\ndeadline = 2015-02-28\n";
    let tree = valid().bytes("huitoukan.toml", campaign).item(
        ORG,
        "乙",
        &edit(ITEM, "\"未完成\"", "\"完成\""),
    );
    assert_eq!(
        check_json(&tree),
        [
            found("E023", "huitoukan.toml", 1, 1, "文件不是 UTF-8 编码"),
            found(
                "E005",
                "省直/省财政厅/items/乙.toml",
                8,
                10,
                "`status` 的值 \"完成\" 不在允许范围内；可选：已完成 | 基本完成 | 未完成 | 效果不理想"
            ),
        ]
    );
}

#[test]
fn nul_bytes_are_a_syntax_error() {
    let in_a_string = edit(ITEM, "title = \"", "title = \"a\0");
    let tree = with_item(&in_a_string);
    assert_eq!(
        check_json(&tree),
        [found(
            "E001",
            ITEM_PATH,
            1,
            11,
            "TOML 语法错误：invalid basic string, expected non-double-quote visible characters, `\\`"
        )]
    );
    let tree = valid().bytes(ITEM_PATH, &[0; 64]);
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E001",
                ITEM_PATH,
                1,
                1,
                "TOML 语法错误：invalid unquoted key, expected letters, numbers, `-`, `_`"
            ),
            found(
                "E001",
                ITEM_PATH,
                1,
                65,
                "TOML 语法错误：key with no value, expected `=`"
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Values.

#[test]
fn impossible_dates_in_every_kind_of_file_are_e027() {
    let campaign = edit(CAMPAIGN, "2015-02-28", "2015-02-29");
    let unit = edit(UNIT, "2015-02-10", "2015-04-31");
    let item = format!(
        "{}completed_on = 2015-13-01\n",
        edit(ITEM, "2015-06-30", "2016-02-30")
    );
    let tree = Tree::new()
        .file("huitoukan.toml", &campaign)
        .unit(ORG, &unit)
        .item(ORG, ITEM_NAME, &item);
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E027",
                "huitoukan.toml",
                3,
                12,
                "不是有效的日期：2015年2月只有28天，没有29日"
            ),
            found(
                "E027",
                ITEM_PATH,
                7,
                12,
                "不是有效的日期：2016年2月只有29天，没有30日"
            ),
            found(
                "E027",
                ITEM_PATH,
                9,
                16,
                "不是有效的日期：没有13月（月份为1～12）"
            ),
            found(
                "E027",
                UNIT_PATH,
                7,
                16,
                "不是有效的日期：2015年4月只有30天，没有31日"
            ),
        ]
    );
}

#[test]
fn huge_integers_are_diagnosed_not_wrapped() {
    let cases = [
        (
            "area = 99999999999999999999",
            "E004",
            "`area` 的值99999999999999999999超出整数范围",
        ),
        (
            "area = 9223372036854775807",
            "E008",
            "内容方面 `area = 9223372036854775807` 不在方案中；可选：1 | 2 | 3 | 4 | 5 | 6",
        ),
        (
            "area = -9223372036854775808",
            "E008",
            "内容方面 `area = -9223372036854775808` 不在方案中；可选：1 | 2 | 3 | 4 | 5 | 6",
        ),
        ("area = 1e400", "E004", "`area` 应为整数，实际是小数"),
    ];
    for (line, code, message) in cases {
        let tree = with_item(&edit(ITEM, "area = 2", line));
        assert_eq!(
            check_json(&tree),
            [found(code, ITEM_PATH, 2, 8, message)],
            "{line}"
        );
    }
    let tree = with_unit(&edit(UNIT, "batch = 1", "batch = 18446744073709551617"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E004",
            UNIT_PATH,
            3,
            9,
            "`batch` 的值18446744073709551617超出整数范围"
        )]
    );
}

#[test]
fn duplicate_keys_tables_and_answers_are_e001_at_the_second() {
    let duplicate = |file: &str, line: usize, column: usize| {
        found("E001", file, line, column, "TOML 语法错误：duplicate key")
    };
    let tree = with_item(&format!("{ITEM}title = \"另一个\"\n"));
    assert_eq!(check_json(&tree), [duplicate(ITEM_PATH, 9, 1)]);
    let tree = with_unit(&format!("{UNIT}\"1.1\" = \"否\"\n"));
    assert_eq!(check_json(&tree), [duplicate(UNIT_PATH, 33, 1)]);
    // The second `[linkage]`, and the key it repeats.
    let tree = with_item(&format!(
        "{ITEM}[linkage]\nlead_unit = \"杭州市\"\n[linkage]\nlead_unit = \"宁波市\"\n"
    ));
    assert_eq!(
        check_json(&tree),
        [duplicate(ITEM_PATH, 11, 2), duplicate(ITEM_PATH, 12, 1)]
    );
}

// ---------------------------------------------------------------------------------------------
// What the file system puts in the way.

/// A named pipe at `path`; `false`, with a note, where there is no `mkfifo`.
#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    let made = StdCommand::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: `mkfifo {}` failed", path.display());
    }
    made
}

#[cfg(unix)]
#[test]
fn fifo_named_like_a_record_is_not_read_and_does_not_hang() {
    let tree = valid();
    if !mkfifo(&tree.join("省直/省财政厅/items/管道.toml")) {
        return;
    }
    let mut cmd = tree.command(&["check", "--format", "json", "--as-of", AS_OF]);
    cmd.timeout(Duration::from_secs(60));
    let out = output(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let document: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        (
            &document["files"],
            &document["items"],
            &document["diagnostics"]
        ),
        (&3.into(), &1.into(), &serde_json::json!([]))
    );
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_each_an_error_and_never_merge() {
    use std::os::unix::ffi::OsStrExt;
    // What unzipping a Windows archive gives: GBK names. Three items (事项一, 事项二, 事项三)
    // of a valid unit, and two unit folders (杭州市, 宁波市) with an item each.
    let tree = valid();
    let gbk = |text: &str| -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    };
    let path = |parts: &[Vec<u8>]| {
        let mut path = tree.path().to_path_buf();
        for part in parts {
            path.push(std::ffi::OsStr::from_bytes(part));
        }
        path
    };
    let items = b"\xe7\x9c\x81\xe7\x9b\xb4/\xe7\x9c\x81\xe8\xb4\xa2\xe6\x94\xbf\xe5\x8e\x85/items";
    for name in ["事项一", "事项二", "事项三"] {
        let file = path(&[items.to_vec(), gbk(&format!("{name}.toml"))]);
        std::fs::write(file, ITEM).expect("write an item");
    }
    for city in ["杭州市", "宁波市"] {
        let folder = path(&[gbk(city)]);
        std::fs::create_dir_all(folder.join("items")).expect("folders");
        std::fs::write(folder.join("unit.toml"), UNIT).expect("write a unit");
        std::fs::write(folder.join("items/a.toml"), ITEM).expect("write an item");
    }
    let out = tree.run(&["check", "--format", "json", "--as-of", AS_OF]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let file = "文件名不是 UTF-8 编码，未读取";
    let folder = "文件夹名不是 UTF-8 编码，其中的文件未检查";
    let item = |bytes: &str| format!("省直/省财政厅/items/{bytes}.toml");
    assert_eq!(
        check_json(&tree),
        [
            found("E034", r"\xBA\xBC\xD6\xDD\xCA\xD0", 1, 1, folder),
            found("E034", r"\xC4\xFE\xB2\xA8\xCA\xD0", 1, 1, folder),
            found("E034", &item(r"\xCA\xC2\xCF\xEE\xB6\xFE"), 1, 1, file),
            found("E034", &item(r"\xCA\xC2\xCF\xEE\xC8\xFD"), 1, 1, file),
            found("E034", &item(r"\xCA\xC2\xCF\xEE\xD2\xBB"), 1, 1, file),
        ]
    );
    let rename = |name: &str| {
        Some(format!(
            "看起来是 GBK 编码的“{name}”；重命名为 UTF-8 的名称，如在台账根目录运行 `convmv -f GBK -t UTF-8 -r --notest .`"
        ))
    };
    assert_eq!(
        helps(&tree),
        [
            rename("杭州市"),
            rename("宁波市"),
            rename("事项二.toml"),
            rename("事项三.toml"),
            rename("事项一.toml"),
        ]
    );
    let document = check_document(&tree, &[]);
    assert_eq!(
        (&document["units"], &document["items"]),
        (&1.into(), &1.into()),
        "none of them is read, and none is merged into another"
    );
    let out = tree.run(&["check", "--as-of", AS_OF]);
    assert!(
        out.stderr
            .contains("error[E034]: 文件名不是 UTF-8 编码，未读取\n --> 省直/省财政厅/items/\\xCA\\xC2\\xCF\\xEE\\xD2\\xBB.toml\n"),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn init_that_cannot_finish_leaves_nothing_behind() {
    // A folder where `init` can write its first files but not the example unit: a folder of
    // that name that is read-only. Run as `nobody` where the tests run as root.
    let outside = Tree::empty().file("新台账/说明.txt", "keep me");
    std::fs::create_dir(outside.join("新台账/示例单位")).expect("a folder");
    let outside = outside.mode("新台账", 0o777).mode("新台账/示例单位", 0o555);
    let out = run_as_nobody(&outside, &["init", "新台账"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            2,
            "",
            "error: 新台账/示例单位/unit.toml：没有权限（系统错误13）\n"
        )
    );
    assert_eq!(
        paths_below(&outside.join("新台账")),
        ["示例单位", "说明.txt"],
        "what was written is removed"
    );
    // Once the folder can be written to, `init` is not refused for what a failed one left.
    let outside = outside.mode("新台账/示例单位", 0o777);
    let out = run_as_nobody(&outside, &["init", "新台账"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(outside.join("新台账/huitoukan.toml").is_file());
}

#[test]
fn init_checks_every_target_before_it_writes_one() {
    // The last file `init` writes is in the way: nothing is written at all.
    let outside = Tree::empty().file("新台账/.huitoukan/schema/item.json", "{}");
    let out = outside.run(&["init", "新台账"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: 新台账/.huitoukan/schema/item.json 已存在，不会覆盖\n"
        )
    );
    assert_eq!(
        paths_below(&outside.join("新台账")),
        [
            ".huitoukan",
            ".huitoukan/schema",
            ".huitoukan/schema/item.json"
        ]
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_folder_are_e025_as_an_ordinary_user() {
    let tree = valid()
        .unit("杭州市", UNIT)
        .unit("杭州市/西湖区", UNIT)
        .mode(ITEM_PATH, 0o000)
        .mode("杭州市/西湖区", 0o000);
    let out = run_as_nobody(&tree, &["check", "--format", "json", "--as-of", AS_OF]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let document: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let found_all: Vec<_> = document["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["file"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let denied = "无法读取文件：没有权限（系统错误13）";
    assert_eq!(
        found_all,
        [
            ("E025".into(), "杭州市/西湖区".into(), 1, denied.into()),
            ("E025".into(), ITEM_PATH.into(), 1, denied.into()),
        ]
    );
}

#[cfg(unix)]
#[test]
fn report_into_a_read_only_folder_exits_2_and_writes_nothing() {
    // Outside the tree, where reports go.
    let tree = valid();
    let outside = Tree::empty().file("只读/说明.txt", "");
    let outside = outside.mode("只读", 0o555);
    let root = tree.path().to_str().expect("a UTF-8 path");
    let args = [
        "report",
        root,
        "--format",
        "md",
        "--as-of",
        AS_OF,
        "--output",
        "只读/报告.md",
    ];
    let out = run_as_nobody_in(&outside, &tree, &args);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (2, "", "error: 只读/报告.md：没有权限（系统错误13）\n")
    );
    assert_eq!(
        names_in(&outside.join("只读")),
        ["说明.txt"],
        "no report and no temporary file"
    );
    let _ = outside.mode("只读", 0o755);
}

#[test]
fn report_into_a_path_under_a_file_exits_2_and_writes_nothing() {
    let tree = valid();
    let outside = Tree::empty().file("说明.txt", "keep me");
    let root = tree.path().to_str().expect("a UTF-8 path");
    let out = outside.run(&[
        "report",
        root,
        "--format",
        "md",
        "--as-of",
        AS_OF,
        "--output",
        "说明.txt/报告.md",
    ]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (2, "", "error: 说明.txt 不是文件夹，报告不能写在它下面\n")
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("说明.txt")).expect("the file"),
        "keep me"
    );
}

#[cfg(unix)]
#[test]
fn report_output_that_is_a_dangling_link_is_refused_and_its_target_not_made() {
    let tree = valid().symlink("省直/省财政厅/items/新.toml", "报告.md");
    let out = tree.run(&[
        "report",
        "--format",
        "md",
        "--as-of",
        AS_OF,
        "--output",
        "报告.md",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("报告.md 已存在，不会覆盖"),
        "{}",
        out.stderr
    );
    assert!(!tree.join("省直/省财政厅/items/新.toml").exists());
}

// ---------------------------------------------------------------------------------------------
// Found by fuzzing.

/// An answer written as an inline table of keys that are neither `answer` nor `note`, after a
/// Chinese value: a diagnostic of it once had a span starting inside a character, and the human
/// format panicked slicing the line there.
const ANSWER_TABLE_OF_UNKNOWN_KEYS: &str = "\"L.3\" = { x = \"部分n\", y = \"z\" }";

#[test]
fn human_format_of_an_answer_table_of_unknown_keys_after_chinese_text() {
    let unit = edit(UNIT, "\"L.3\" = \"是\"", ANSWER_TABLE_OF_UNKNOWN_KEYS);
    let tree = with_unit(&unit);
    let out = tree.run(&["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    // Every diagnostic of the JSON format is in the human one, at the same place.
    for d in diagnostics(&tree, &[]) {
        let header = format!("error[{}]: {}\n", d.code, d.message);
        let place = format!("--> {}:{}:{}\n", d.file, d.line, d.column);
        let at = out.stderr.find(&header).unwrap_or_else(|| {
            panic!("{header:?} in:\n{}", out.stderr);
        });
        assert!(
            out.stderr[at..].contains(&place),
            "{place:?} in:\n{}",
            out.stderr
        );
    }
}

#[test]
fn human_format_of_a_span_inside_a_character() {
    let tree = valid();
    let mut checked = check(tree.path(), huitoukan_date(AS_OF));
    let file = (0..checked.records.files.len())
        .map(|i| huitoukan::load::source::FileId(i as u32))
        .find(|&id| checked.records.files.path(id) == ITEM_PATH)
        .expect("the item");
    // Line 1 is `title = "文山会海问题有所反弹"`: byte 10 is the second byte of 文, byte 14 the
    // second of 山.
    let text = &checked.records.files.get(file).text().expect("read back");
    assert!(!text.is_char_boundary(10) && !text.is_char_boundary(14));
    checked.diagnostics.push(Diagnostic::at(
        Code::Syntax,
        file,
        10..14,
        FileMsg::Syntax {
            detail: "x".to_owned(),
        },
    ));
    let shown = human::render(&checked, Lang::En, Some(tree.path()));
    let shown = anstream::adapter::strip_str(&shown).to_string();
    assert!(
        shown.contains("1 | title = \"文山会海问题有所反弹\"\n  |          ^^^^\n"),
        "{shown}"
    );
}

fn huitoukan_date(text: &str) -> jiff::civil::Date {
    text.parse().expect("a date")
}

/// The same answer table read as what it is: a quoted point whose table lacks `answer` and
/// holds unknown keys. It is not an unquoted dotted key (E007), and every span stays on the
/// characters it points at.
#[test]
fn answer_table_of_unknown_keys_is_e002_and_e003_not_e007() {
    let unit = edit(UNIT, "\"L.3\" = \"是\"", ANSWER_TABLE_OF_UNKNOWN_KEYS);
    let tree = with_unit(&unit);
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E003",
                UNIT_PATH,
                32,
                9,
                "缺少必填字段 `self_check.answers.\"L.3\".answer`"
            ),
            found(
                "E002",
                UNIT_PATH,
                32,
                11,
                "未知的键 `self_check.answers.\"L.3\".x`"
            ),
            found(
                "E002",
                UNIT_PATH,
                32,
                22,
                "未知的键 `self_check.answers.\"L.3\".y`"
            ),
        ]
    );
    spans_on_characters(&check(tree.path(), huitoukan_date(AS_OF)));
}

/// Unquoted dotted answer keys written with spaces around their dot, after a Chinese first
/// part: each is shown from its own first part, on its own line, never inside a character.
#[test]
fn dotted_answer_keys_with_spaces_around_the_dot_point_at_their_first_part() {
    let tree = with_unit(&format!("{UNIT}\"省\" . 1 = \"是\"\n\"省\" . 2 = \"否\"\n"));
    let dotted = |line: usize, id: &str| {
        [
            found(
                "E007",
                UNIT_PATH,
                line,
                1,
                &format!("检查要点编号 `{id}` 没有加引号，被当成了嵌套的表"),
            ),
            found(
                "E008",
                UNIT_PATH,
                line,
                1,
                &format!("检查要点 \"{id}\" 不在方案中"),
            ),
        ]
    };
    assert_eq!(
        check_json(&tree),
        [dotted(33, "省.1"), dotted(34, "省.2")].concat()
    );
    spans_on_characters(&check(tree.path(), huitoukan_date(AS_OF)));
}

#[test]
fn markdown_title_stays_one_line_whatever_the_campaign_name() {
    let campaign = edit(
        CAMPAIGN,
        "name = \"教育实践活动整改落实情况回头看\"",
        "name = \"回头看\\r\\n# 另一个标题\\r二\"",
    );
    let tree = valid().file("huitoukan.toml", &campaign);
    let out = tree.run(&["report", "--format", "md", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(
            "# 各单位“回头看”\\\\r\\\\n\\# 另一个标题\\\\r二进展情况汇总（截至2015年3月10日）\n\n"
        ),
        "{}",
        out.stdout
    );
}

/// The Markdown report on an item with `title`, overdue so that it has a row of its own.
fn markdown_of_an_overdue_item(title: &str) -> String {
    let item = edit(ITEM, "\"文山会海问题有所反弹\"", title);
    let tree = with_item(&edit(
        &item,
        "deadline = 2015-06-30",
        "deadline = 2015-02-01",
    ));
    let out = tree.run(&["report", "--format", "md", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn markdown_cell_with_a_carriage_return_alone_keeps_its_row() {
    let stdout = markdown_of_an_overdue_item("\"文山会海\\r问题|反弹\"");
    assert!(!stdout.contains('\r'), "{stdout:?}");
    assert!(
        stdout.contains(
            "| 中共浙江省财政厅党组 | 会议文件 | 文山会海<br>问题\\|反弹 | 未完成 | 2015年2月1日 | 37 |  |\n"
        ),
        "{stdout}"
    );
}

// ---------------------------------------------------------------------------------------------
// What a value may hold that a terminal, a CI log, a spreadsheet or a Markdown viewer would obey.

/// An item whose `satisfaction` holds a line that GitHub's runner would take for a workflow
/// command, were it printed raw at the start of a line.
const INJECTED: &str = r#"satisfaction = "x\n::error file=README.md,line=1::INJECTED""#;

#[test]
fn a_value_with_a_line_break_starts_no_workflow_command_in_any_format() {
    let tree = with_item(&format!("{ITEM}{INJECTED}\n"));
    let shown = r#""x\n::error file=README.md,line=1::INJECTED""#;
    for format in ["human", "github", "gitlab", "json"] {
        let out = tree.run(&["check", "--format", format, "--as-of", AS_OF]);
        assert_eq!(out.code, 1, "{format}: {}", out.stderr);
        let text = format!("{}{}", out.stdout, out.stderr);
        assert!(
            !text
                .lines()
                .any(|l| l.trim_start().starts_with("::error file=README")),
            "{format}:\n{text}"
        );
        let quoted = if format == "gitlab" || format == "json" {
            // The message holds the value written out, and JSON escapes its backslash.
            shown.replace('\\', "\\\\").replace('"', "\\\"")
        } else {
            shown.to_owned()
        };
        assert!(text.contains(&quoted), "{format}:\n{text}");
    }
    let out = tree.run(&["check", "--as-of", AS_OF]);
    insta::assert_snapshot!(out.stderr, @r#"
    error[E005]: `satisfaction` 的值 "x\n::error file=README.md,line=1::INJECTED" 不在允许范围内；可选：满意 | 基本满意 | 不满意 | 未测评
     --> 省直/省财政厅/items/会议文件.toml:9:16
      |
    9 | satisfaction = "x\n::error file=README.md,line=1::INJECTED"
      |                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

    检查了3个文件：1个错误，0个警告
    "#);
}

#[test]
fn invisible_and_bidi_characters_in_a_value_are_shown_written_out() {
    // A zero-width space written as a TOML escape; a bidi override and a C1 control (CSI)
    // written raw into the file, which TOML allows in a string.
    let item = edit(ITEM, "status = \"未完成\"", "status = \"未完成\\u200b\"");
    let item = edit(
        &item,
        "source = \"整改方案\"",
        "source = \"整改方案\u{202e}\u{9b}\"",
    );
    let out = with_item(&item).run(&["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 1);
    assert!(
        !out.stderr.contains(['\u{202e}', '\u{9b}', '\u{200b}']),
        "{:?}",
        out.stderr
    );
    insta::assert_snapshot!(out.stderr, @r#"
    error[E005]: `source` 的值 "整改方案\u{202e}\u{9b}" 不在允许范围内；可选：整改方案 | 专项整治 | 新发现 | 督查反馈 | 上级交办 | 群众反映
     --> 省直/省财政厅/items/会议文件.toml:4:10
      |
    4 | source = "整改方案\u{202e}\u{9b}"
      |          ^^^^^^^^^^^^^^^^^^^^^^^^

    error[E005]: `status` 的值 "未完成\u{200b}" 不在允许范围内；可选：已完成 | 基本完成 | 未完成 | 效果不理想
     --> 省直/省财政厅/items/会议文件.toml:8:10
      |
    8 | status = "未完成\u200b"
      |          ^^^^^^^^^^^^^^
      |
      = help: 是否想写 `未完成`？

    检查了3个文件：2个错误，0个警告
    "#);
}

/// A title that clears the screen, retitles the window, rings the bell, turns text red through
/// a C1 CSI, reverses what follows and hides a zero-width space, with a line break inside.
const TITLE_WITH_CONTROLS: &str =
    r#"title = "文山\n会海\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e反弹\u200b""#;

#[test]
fn control_characters_in_a_title_reach_neither_the_terminal_table_nor_the_csv() {
    let tree = with_item(&edit(
        ITEM,
        "title = \"文山会海问题有所反弹\"",
        TITLE_WITH_CONTROLS,
    ));
    let written = r"\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}反弹\u{200b}";
    let raw = |text: &str| {
        text.chars()
            .filter(|&c| huitoukan::text::escape::is_hidden(c) && !matches!(c, '\n' | '\r'))
            .collect::<String>()
    };

    // A CSV cell keeps its own line break (Excel shows it inside the cell) and nothing else;
    // the only other character of its kind in the file is its byte-order mark.
    let table = format!("┆ 文山\\n会海{written} ┆");
    let csv = format!(",\"文山\n会海{written}\",");
    for (format, left, cell) in [("table", "", table), ("csv", "\u{feff}", csv)] {
        let out = tree.run(&[
            "report", "--format", format, "--by", "item", "--as-of", AS_OF,
        ]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert_eq!(raw(&out.stdout), left, "{format}: {:?}", out.stdout);
        assert!(out.stdout.contains(&cell), "{format}:\n{}", out.stdout);
    }
}

#[test]
fn markdown_shows_html_and_markup_in_a_title_as_text() {
    let stdout = markdown_of_an_overdue_item(
        r#""<script>alert(1)</script><img src=x onerror=alert(1)> **粗** _斜_ [x](javascript:alert(1)) ![i](x) ~~删~~ `c` $x$ a|b \\ &amp; #1""#,
    );
    assert!(
        stdout.contains(
            r"| 中共浙江省财政厅党组 | 会议文件 | &lt;script&gt;alert\(1\)&lt;/script&gt;&lt;img src=x onerror=alert\(1\)&gt; \*\*粗\*\* \_斜\_ \[x\]\(javascript:alert\(1\)\) \!\[i\]\(x\) \~\~删\~\~ \`c\` \$x\$ a\|b \\ &amp;amp; \#1 | 未完成 | 2015年2月1日 | 37 |  |
"
        ),
        "{stdout}"
    );
}

#[test]
fn markdown_headings_and_lines_open_no_block_whatever_the_campaign_says() {
    let campaign = "[campaign]\nname = \"- [x](javascript:alert(1)) <b>\"\n\
                    document = \"1. **浙委办** #12\"\ndeadline = 2015-02-28\n";
    let tree = valid().file("huitoukan.toml", campaign);
    let out = tree.run(&["report", "--format", "md", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(
            "# 各单位- \\[x\\]\\(javascript:alert\\(1\\)\\) &lt;b&gt;进展情况汇总（截至2015年3月10日）\n\n\
             根据1. \\*\\*浙委办\\*\\* \\#12 · 报送时限：2015年2月28日\n\n"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn github_step_summary_shows_markup_in_a_value_as_text() {
    let mut tree = Tree::new().unit(ORG, UNIT);
    for i in 0..11 {
        tree = tree.item(
            ORG,
            &format!("{i:02}"),
            &edit(
                ITEM,
                "status = \"未完成\"",
                "status = \"<img src=x onerror=alert(1)>**完成**\"",
            ),
        );
    }
    // The summary lives where CI keeps it, outside the records tree.
    let ci = Tree::empty();
    let summary = ci.join("summary.md");
    let mut cmd = tree.command(&["check", "--format", "github", "--as-of", AS_OF]);
    cmd.env("GITHUB_STEP_SUMMARY", &summary);
    let out = output(cmd);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let text = std::fs::read_to_string(&summary).expect("a step summary");
    assert!(!text.contains("<img"), "{text}");
    assert!(
        text.contains(
            r#"| error E005 | 省直/省财政厅/items/10.toml:8:10 | \`status\` 的值 "&lt;img src=x onerror=alert\(1\)&gt;\*\*完成\*\*" 不在允许范围内；可选：已完成 \| 基本完成 \| 未完成 \| 效果不理想 |"#
        ),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// Blow-ups: inputs that once took minutes or gigabytes. Each bound is about ten times what the
// debug build the tests run takes on a busy two-core machine: a guard against a hang, not a
// benchmark (BENCHMARKS.md has the release figures).

/// `check --format json` in `tree` with `args`, which must finish within `seconds`: its exit
/// code and its document.
fn timed_json(tree: &Tree, args: &[&str], seconds: u64) -> (i32, serde_json::Value) {
    let mut all = vec!["check", "--format", "json", "--as-of", AS_OF];
    all.extend_from_slice(args);
    let out = timed(tree, &all, seconds);
    assert_eq!(out.stderr, "", "json output leaves stderr empty");
    (
        out.code,
        serde_json::from_str(&out.stdout).expect("stdout is JSON"),
    )
}

/// The binary with `args` in `tree`, which must finish within `seconds`.
fn timed(tree: &Tree, args: &[&str], seconds: u64) -> Output {
    let limit = Duration::from_secs(seconds);
    let mut cmd = tree.command(args);
    cmd.timeout(limit);
    let started = Instant::now();
    let out = output(cmd);
    let took = started.elapsed();
    assert!(took < limit, "`huitoukan {}` took {took:?}", args.join(" "));
    out
}

/// Each diagnostic of a document as (code, file, line, column, message).
fn found_in(document: &serde_json::Value) -> Vec<Found> {
    diagnostics_of(document)
        .into_iter()
        .map(|d| (d.code, d.file, d.line, d.column, d.message))
        .collect()
}

/// The message of the E036 or W010 that stands for the problems of a file past the 50th.
fn not_shown(errors: usize, warnings: usize) -> String {
    format!(
        "本文件从此处起还有{}个问题未列出：{errors}个错误，{warnings}个警告",
        errors + warnings
    )
}

const NOT_SHOWN_HELP: &str = "每个文件最多列出50个问题；改正上面这些后再次运行，可看到其余的";

#[test]
fn half_a_million_syntax_errors_are_fifty_listed_and_all_counted_in_seconds() {
    // 1 MB of `=\n`: two syntax errors a line, each once checked against every error before
    // it (over a minute).
    let tree = with_item(&"=\n".repeat(500_000));
    let (code, document) = timed_json(&tree, &[], 60);
    assert_eq!(code, 1);
    let mut expected: Vec<Found> = Vec::new();
    for line in 1..=25 {
        expected.push(found("E001", ITEM_PATH, line, 1, EMPTY_KEY));
        expected.push(found("E001", ITEM_PATH, line, 2, UNQUOTED));
    }
    expected.push(found("E036", ITEM_PATH, 26, 1, &not_shown(999_950, 0)));
    assert_eq!(found_in(&document), expected);
    assert_eq!(
        diagnostics_of(&document)[50].help.as_deref(),
        Some(NOT_SHOWN_HELP)
    );
    assert_eq!(
        (&document["errors"], &document["warnings"]),
        (&1_000_000.into(), &0.into()),
        "the counts are those of every problem, listed or not"
    );
}

const EMPTY_KEY: &str =
    "TOML 语法错误：unquoted keys cannot be empty, expected letters, numbers, `-`, `_`";
const UNQUOTED: &str = "TOML 语法错误：string values must be quoted, expected literal string";

#[test]
fn eleven_files_full_of_unknown_keys_list_fifty_problems_each() {
    // Once a gigabyte and a half and 38 s for eleven files of 1 MB; each file here holds
    // 10 000 unknown keys, and the item's five required fields are missing (E003 at 1:1).
    const FILES: usize = 11;
    const KEYS: usize = 10_000;
    let body: String = (0..KEYS).map(|i| format!("k{i:05} = 1\n")).collect();
    let mut tree = Tree::new().unit(ORG, UNIT);
    for f in 0..FILES {
        tree = tree.item(ORG, &format!("乱{f:02}"), &body);
    }
    let (code, document) = timed_json(&tree, &[], 60);
    assert_eq!(code, 1);
    let required = ["area", "source", "deadline", "status", "title"];
    let mut expected = Vec::new();
    for f in 0..FILES {
        let file = format!("{ORG}/items/乱{f:02}.toml");
        // The first key and the missing fields all at 1:1, the key's code first.
        expected.push(found("E002", &file, 1, 1, "未知的键 `k00000`"));
        for key in required {
            expected.push(found("E003", &file, 1, 1, &format!("缺少必填字段 `{key}`")));
        }
        for i in 1..50 - required.len() {
            expected.push(found(
                "E002",
                &file,
                i + 1,
                1,
                &format!("未知的键 `k{i:05}`"),
            ));
        }
        let hidden = KEYS - (50 - required.len());
        expected.push(found("E036", &file, 46, 1, &not_shown(hidden, 0)));
    }
    assert_eq!(found_in(&document), expected);
    assert_eq!(
        document["errors"],
        FILES * (KEYS + required.len()),
        "every problem is counted"
    );

    let human = timed(&tree, &["check", "--as-of", AS_OF], 60);
    assert_eq!(human.code, 1);
    assert_eq!(human.stderr.matches("error[E036]").count(), FILES);
    assert_eq!(human.stderr.matches("error[E002]").count(), FILES * 45);
    assert!(human.stderr.ends_with(&format!(
        "检查了{}个文件：{}个错误，0个警告\n",
        FILES + 2,
        FILES * (KEYS + required.len())
    )));
}

#[test]
fn warnings_past_the_fiftieth_are_one_w007_and_still_fail_deny_warnings() {
    // A campaign schema of 60 points, each answered 否 by the unit and covered by no item: 60
    // W005 in one file.
    let mut schema = String::from("[[area]]\nid = 1\nkey = \"a\"\ntitle = \"甲\"\n");
    let mut answers = String::new();
    for i in 1..=60 {
        schema.push_str(&format!(
            "[[point]]\nid = \"P.{i}\"\narea = 1\ntext = \"问{i}\"\napplies_to = [\"领导班子\"]\n"
        ));
        answers.push_str(&format!("\"P.{i}\" = \"否\"\n"));
    }
    let unit = format!(
        "name = \"单位\"\ncategory = \"领导班子\"\nbatch = 1\n\n[self_check]\nsubmitted_on = 2015-02-10\nmeeting_on = 2015-01-20\n[self_check.answers]\n{answers}"
    );
    let tree = with_schema(&schema, &unit);
    let (code, document) = timed_json(&tree, &[], 60);
    assert_eq!(code, 0, "warnings only");
    let mut expected: Vec<Found> = (1..=50)
        .map(|i| {
            let msg = format!("检查要点 \"P.{i}\" 自查为未落实，但没有事项纳入整改");
            found("W005", UNIT_PATH, 8 + i, 1, &msg)
        })
        .collect();
    expected.push(found("W010", UNIT_PATH, 59, 1, &not_shown(0, 10)));
    assert_eq!(found_in(&document), expected);
    assert_eq!(
        (&document["errors"], &document["warnings"]),
        (&0.into(), &60.into())
    );
    let (code, _) = timed_json(&tree, &["--deny-warnings"], 60);
    assert_eq!(code, 1, "the hidden warnings still count");
}

#[test]
fn one_line_of_sixty_thousand_unknown_inline_keys_is_shown_in_seconds() {
    // A 720 kB line: the human format once laid the whole line out again for each of its
    // 60 000 diagnostics (over a minute). Each excerpt is now a window of the line, under the
    // true column of the place.
    const KEYS: usize = 60_000;
    let keys: Vec<String> = (0..KEYS).map(|i| format!("k{i:05} = 1")).collect();
    let tree = with_item(&format!("{ITEM}linkage = {{ {} }}\n", keys.join(", ")));
    let (code, document) = timed_json(&tree, &[], 30);
    assert_eq!(code, 1);
    // `linkage = { ` is 12 characters; each key and its `, ` 12 more.
    let mut expected = vec![found(
        "E003",
        ITEM_PATH,
        9,
        11,
        "缺少必填字段 `linkage.lead_unit`",
    )];
    for i in 0..49 {
        let msg = format!("未知的键 `linkage.k{i:05}`");
        expected.push(found("E002", ITEM_PATH, 9, 13 + 12 * i, &msg));
    }
    expected.push(found(
        "E036",
        ITEM_PATH,
        9,
        13 + 12 * 49,
        &not_shown(KEYS - 49, 0),
    ));
    assert_eq!(found_in(&document), expected);

    let human = timed(&tree, &["check", "--as-of", AS_OF], 30);
    assert_eq!(human.code, 1);
    for (i, column) in [(0, 13), (48, 13 + 12 * 48)] {
        assert!(
            human.stderr.contains(&format!(
                "error[E002]: 未知的键 `linkage.k{i:05}`\n --> {ITEM_PATH}:9:{column}\n"
            )),
            "{}",
            &human.stderr[..2000]
        );
    }
    assert!(human.stderr.contains(&format!(
        "error[E036]: {}\n --> {ITEM_PATH}:9:{}\n",
        not_shown(KEYS - 49, 0),
        13 + 12 * 49
    )));
    let longest = human.stderr.lines().map(str::len).max().unwrap_or(0);
    assert!(longest < 1000, "a line of {longest} bytes was shown");
}

#[test]
fn human_format_far_into_a_long_line_shows_a_window_at_the_true_column() {
    // 100 000 characters of Chinese, then a value of the wrong type.
    let long = "措施".repeat(50_000);
    let item = edit(
        ITEM,
        "measures = [\"实行会议计划管理\"]",
        &format!("measures = [\"{long}\", 5]"),
    );
    let tree = with_item(&item);
    let column = "measures = [\"".chars().count() + 100_000 + "\", ".chars().count() + 1;
    assert_eq!(
        check_json(&tree),
        [found(
            "E004",
            ITEM_PATH,
            5,
            column,
            "`measures` 应为字符串，实际是整数"
        )]
    );
    let human = timed(&tree, &["check", "--as-of", AS_OF], 30);
    let lines: Vec<&str> = human.stderr.lines().collect();
    assert_eq!(lines[0], "error[E004]: `measures` 应为字符串，实际是整数");
    assert_eq!(lines[1], format!(" --> {ITEM_PATH}:5:{column}"));
    assert_eq!(lines[2], "  |");
    assert!(
        lines[3].starts_with("5 | ...") && lines[3].ends_with("措施措施\", 5]"),
        "{}",
        lines[3]
    );
    assert!(lines[3].len() < 1000);
    let caret = lines[4].find('^').expect("a caret");
    assert_eq!(lines[4].len(), caret + 1, "one caret, under the 5");
}

#[test]
fn five_thousand_unknown_lead_units_among_twenty_thousand_units() {
    // Each unknown `lead_unit` was compared with every unit (38–47 s).
    const UNITS: usize = 20_000;
    const ITEMS: usize = 5_000;
    let mut tree = Tree::new();
    for u in 0..UNITS {
        tree = tree.unit(&format!("市/u{u:05}"), UNIT_PENDING);
    }
    for i in 0..ITEMS {
        let item = format!("{ITEM}\n[linkage]\nlead_unit = \"市/v{:05}\"\n", i + 1);
        tree = tree.item(&format!("市/u{i:05}"), "事项", &item);
    }
    let (code, document) = timed_json(&tree, &[], 90);
    assert_eq!(code, 1);
    let found_all = diagnostics_of(&document);
    let unknown: Vec<_> = found_all.iter().filter(|d| d.code == "E014").collect();
    assert_eq!(unknown.len(), ITEMS);
    for (i, d) in unknown.iter().enumerate() {
        assert_eq!(
            (
                d.file.as_str(),
                d.line,
                d.column,
                d.message.as_str(),
                d.help.as_deref()
            ),
            (
                format!("市/u{i:05}/items/事项.toml").as_str(),
                11,
                13,
                format!("牵头单位 \"市/v{:05}\" 不是本台账中的单位", i + 1).as_str(),
                Some(format!("是否想写 `市/u{:05}`？", i + 1).as_str()),
            )
        );
    }
}

#[test]
fn sixty_nine_thousand_unknown_answers_against_a_schema_of_twenty_two_thousand_points() {
    // Each unknown answer id was compared with every point of the schema (over a minute).
    const POINTS: usize = 22_000;
    const ANSWERS: usize = 69_000;
    let points: String = (0..POINTS)
        .map(|i| format!("{{id=\"p{i:05}\",text=\"t\",applies_to=[]}},\n"))
        .collect();
    let schema = format!("point = [\n{points}]\n\n[[area]]\nid = 1\nkey = \"a\"\ntitle = \"甲\"\n");
    let answers: String = (0..ANSWERS)
        .map(|i| format!("q{i:05} = \"是\"\n"))
        .collect();
    let unit = format!("{UNIT_PENDING}\n[self_check.answers]\n{answers}");
    let tree = with_schema(&schema, &unit);
    let (code, document) = timed_json(&tree, &[], 200);
    assert_eq!(code, 1);
    let found_all = diagnostics_of(&document);
    assert_eq!(found_all.len(), 51);
    // The unit has not submitted: W004 at `[self_check.answers]`, then the answers from line
    // 6 on.
    assert_eq!((found_all[0].code.as_str(), found_all[0].line), ("W004", 5));
    for (i, d) in found_all[1..50].iter().enumerate() {
        let wanted = (
            "E008",
            UNIT_PATH,
            6 + i,
            1,
            format!("检查要点 \"q{i:05}\" 不在方案中"),
            // Within the 22 000 ids, the same digits after another letter.
            (i < POINTS).then(|| format!("是否想写 `p{i:05}`？")),
        );
        assert_eq!(
            (
                d.code.as_str(),
                d.file.as_str(),
                d.line,
                d.column,
                d.message.clone(),
                d.help.clone()
            ),
            wanted
        );
    }
    assert_eq!(
        (
            found_all[50].code.as_str(),
            found_all[50].line,
            found_all[50].message.as_str()
        ),
        ("E036", 55, not_shown(ANSWERS - 49, 0).as_str())
    );
}

/// Every diagnostic's span begins and ends on a character of its file.
fn spans_on_characters(checked: &huitoukan::rules::check::Checked) {
    for d in &checked.diagnostics {
        let text = checked.records.files.get(d.file()).text();
        let text = text.expect("read back");
        if let Some(span) = d.span() {
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{:?} at {span:?}",
                d.code
            );
        }
    }
}
