//! `huitoukan check`: The example tree and the documentation.

use super::*;

#[test]
fn example_tree_has_exactly_six_warnings() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/zhejiang-2015");
    let tree = Tree::empty();
    let out = tree.run(&["check", root, "--format", "json", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let document: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        (&document["errors"], &document["warnings"]),
        (&0.into(), &6.into())
    );
    let found_all: Vec<(&str, &str)> = document["diagnostics"]
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["file"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found_all,
        [
            ("W001", "宁波市/余姚市/梁弄镇/items/红色旅游环境.toml"),
            ("W002", "杭州市/items/走村不漏户.toml"),
            ("W004", "杭州市/西湖区/转塘街道/象山社区/unit.toml"),
            (
                "W001",
                "省直/省国资委党委/省交通集团/items/收费站服务区.toml"
            ),
            ("W003", "省直/省国资委党委/省交通集团/unit.toml"),
            ("W008", "省直/省国资委党委/省交通集团/unit.toml"),
        ]
    );
}

#[test]
fn an_unreadable_submission_date_is_not_a_missing_report() {
    // `submitted_on` written as a string: E006 says what to fix; whether the unit submitted is
    // unknown, so neither W004 nor E022 for its review follows.
    let unit = edit(
        UNIT,
        "submitted_on = 2015-02-10",
        "submitted_on = \"2015-02-10\"",
    );
    let unit =
        format!("{unit}\n[[review]]\nkind = \"督查组审核\"\non = 2015-02-15\nresult = \"通过\"\n");
    assert_eq!(
        check_json(&with_unit(&unit)),
        [found(
            "E006",
            UNIT_PATH,
            7,
            16,
            "日期 `self_check.submitted_on` 写成了字符串 \"2015-02-10\""
        )]
    );
}

#[test]
fn editor_configuration_is_skipped_at_the_root_only_as_such() {
    let tree = valid()
        .file("taplo.toml", "include = [\"**/*.toml\"]\n")
        .file(".taplo.toml", "include = [\"**/*.toml\"]\n")
        .file("省直/.taplo.toml", "not toml at all [\n");
    assert_eq!(
        check_json(&tree),
        Vec::new(),
        "hidden files are skipped anywhere, editor files at the root are not items"
    );
}

#[test]
fn e006_in_a_sub_table_suggests_the_line_to_write_there() {
    let unit = edit(
        UNIT,
        "submitted_on = 2015-02-10",
        "submitted_on = \"2015年2月10日\"",
    );
    assert_eq!(
        helps(&with_unit(&unit)),
        [Some(
            "日期不加引号，写作 `submitted_on = 2015-02-10`".to_owned()
        )]
    );
}

#[test]
fn windows_line_endings_and_byte_order_mark_as_notepad_saves() {
    let text = format!(
        "\u{feff}{}",
        edit(ITEM, "area = 2", "area = 7").replace('\n', "\r\n")
    );
    let tree = valid().file(ITEM_PATH, &text);
    assert_eq!(
        check_json(&tree),
        [found(
            "E008",
            ITEM_PATH,
            2,
            8,
            "内容方面 `area = 7` 不在方案中；可选：1 | 2 | 3 | 4 | 5 | 6"
        )]
    );
    let out = tree.run(&["check", "--as-of", AS_OF]);
    assert!(
        out.stderr.contains("2 | area = 7\n  |        ^\n"),
        "no carriage return in the shown line: {:?}",
        out.stderr
    );
}
