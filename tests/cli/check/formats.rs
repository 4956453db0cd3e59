//! `huitoukan check`: The output formats.

use super::*;

#[test]
fn human_format_aligns_the_caret_under_chinese_text() {
    let unit = edit(
        UNIT,
        "\"2.1\" = \"是\"",
        "\"2.1\" = { note = \"问题尚未解决\", answer = \"部份\" }",
    );
    let out = with_unit(&unit).run(&["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!(out.stderr, @r#"
    error[E005]: `self_check.answers."2.1".answer` 的值 "部份" 不在允许范围内；可选：已落实 | 部分落实 | 未落实 | 不涉及
      --> 省直/省财政厅/unit.toml:12:37
       |
    12 | "2.1" = { note = "问题尚未解决", answer = "部份" }
       |                                           ^^^^^^
       |
       = help: 是否想写 `部分落实`？

    检查了3个文件：1个错误，0个警告
    "#);
}

#[test]
fn human_format_of_a_whole_file() {
    let out = with_unit(UNIT_PENDING).run(&["check", "--as-of", AS_OF]);
    insta::assert_snapshot!(out.stderr, @r"
    warning[W004]: 报送时限2015年2月28日已过，尚未报送自查报告
     --> 省直/省财政厅/unit.toml
      = help: 报送后在 [self_check] 中填写 `submitted_on`

    检查了3个文件：0个错误，1个警告
    ");
}

#[test]
fn no_color_means_no_escape_bytes() {
    let tree = with_item(&edit(ITEM, "area = 2", "area = 7"));
    let mut forced = tree.command(&["check", "--as-of", AS_OF]);
    forced.env_remove("NO_COLOR").env("CLICOLOR_FORCE", "1");
    let coloured = output(forced);
    assert!(
        coloured.stderr.contains('\u{1b}'),
        "forced colour has escapes"
    );

    let mut both = tree.command(&["check", "--as-of", AS_OF]);
    both.env("NO_COLOR", "1").env("CLICOLOR_FORCE", "1");
    let plain = output(both);
    assert!(!plain.stderr.contains('\u{1b}'), "{:?}", plain.stderr);
    assert!(
        plain.stderr.starts_with("error[E008]: "),
        "{}",
        plain.stderr
    );
}

/// The keys of the objects printed at `indent` spaces, in the order printed.
fn keys_at(text: &str, indent: usize) -> Vec<String> {
    let prefix = format!("{}\"", " ".repeat(indent));
    text.lines()
        .filter_map(|line| line.strip_prefix(&prefix))
        .filter_map(|rest| rest.split_once("\": "))
        .map(|(key, _)| key.to_owned())
        .collect()
}

#[test]
fn json_has_the_keys_and_counts_of_the_spec() {
    let tree = valid().unit("杭州市", UNIT_PENDING).item(
        "杭州市",
        "行政审批",
        &edit(ITEM, "area = 2", "area = 7"),
    );
    let out = tree.run(&["check", "--format", "json", "--as-of", AS_OF]);
    assert_eq!(out.code, 1);
    assert_eq!(
        keys_at(&out.stdout, 2),
        [
            "root",
            "as_of",
            "files",
            "units",
            "items",
            "errors",
            "warnings",
            "diagnostics"
        ]
    );
    let diagnostic_keys = [
        "severity", "code", "file", "line", "column", "message", "help",
    ];
    assert_eq!(
        keys_at(&out.stdout, 6),
        [diagnostic_keys, diagnostic_keys].concat()
    );

    let document: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(document["root"], ".");
    assert_eq!(document["as_of"], "2015-03-10");
    assert_eq!(document["files"], 5);
    assert_eq!(document["units"], 2);
    assert_eq!(document["items"], 2);
    assert_eq!(document["errors"], 1);
    assert_eq!(document["warnings"], 1);
    assert_eq!(
        document["diagnostics"],
        serde_json::json!([
            {"severity": "error", "code": "E008", "file": "杭州市/items/行政审批.toml",
             "line": 2, "column": 8,
             "message": "内容方面 `area = 7` 不在方案中；可选：1 | 2 | 3 | 4 | 5 | 6",
             "help": null},
            {"severity": "warning", "code": "W004", "file": "杭州市/unit.toml",
             "line": 1, "column": 1,
             "message": "报送时限2015年2月28日已过，尚未报送自查报告",
             "help": "报送后在 [self_check] 中填写 `submitted_on`"},
        ])
    );
}

#[test]
fn json_of_a_clean_tree() {
    let document = check_document(&valid(), &[]);
    assert_eq!(
        document,
        serde_json::json!({
            "root": ".", "as_of": "2015-03-10", "files": 3, "units": 1, "items": 1,
            "errors": 0, "warnings": 0, "diagnostics": []
        })
    );
}

#[test]
fn github_error_and_warning_commands() {
    let item = edit(ITEM, "area = 2", "area = 7");
    let tree = with_item(&edit(
        &item,
        "deadline = 2015-06-30",
        "deadline = 2015-03-01",
    ));
    let out = tree.run(&["check", "--format", "github", "--as-of", AS_OF]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, "");
    assert_eq!(
        out.stdout,
        "::error file=省直/省财政厅/items/会议文件.toml,line=2,col=8,title=E008::内容方面 `area = 7` 不在方案中；可选：1 | 2 | 3 | 4 | 5 | 6\n\
         ::warning file=省直/省财政厅/items/会议文件.toml,line=7,col=12,title=W001::逾期9天：状态为未完成，时限2015年3月1日%0A= help: 明确责任、落实措施、跟踪推进；完成后更新 `status` 和 `completed_on`\n"
    );
}

#[test]
fn github_escapes_percent_newlines_and_property_separators() {
    // The key's carriage return is written out (`\r`) in the message, so it never reaches the
    // log raw; the line break before the help is GitHub's `%0A`.
    let item = format!("{ITEM}\"完成50%\\r\" = 1\n");
    let tree = Tree::new().unit(ORG, UNIT).item(ORG, "a,b:c", &item);
    let out = tree.run(&["check", "--format", "github", "--as-of", AS_OF]);
    let keys = huitoukan::model::ITEM_KEYS.join(", ");
    assert_eq!(
        out.stdout,
        format!(
            "::error file=省直/省财政厅/items/a%2Cb%3Ac.toml,line=9,col=1,title=E002::未知的键 `完成50%25\\r`%0A= help: 此处可用的键：{keys}\n"
        )
    );
}

#[test]
fn github_paths_are_relative_to_the_current_folder() {
    let tree = Tree::empty()
        .file("records/huitoukan.toml", CAMPAIGN)
        .file("records/省直/省财政厅/unit.toml", UNIT_PENDING);
    let out = tree.run(&["check", "records", "--format", "github", "--as-of", AS_OF]);
    assert_eq!(
        out.stdout,
        "::warning file=records/省直/省财政厅/unit.toml,line=1,col=1,title=W004::报送时限2015年2月28日已过，尚未报送自查报告%0A= help: 报送后在 [self_check] 中填写 `submitted_on`\n"
    );
}
