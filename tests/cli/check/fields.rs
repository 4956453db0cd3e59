//! `huitoukan check`: E001–E007: the file and its fields.

use super::*;

#[test]
fn e001_syntax_error_at_the_parsers_position() {
    let item = edit(
        ITEM,
        "title = \"文山会海问题有所反弹\"",
        "title = \"文山会海问题有所反弹",
    );
    let tree = with_item(&item);
    assert_eq!(
        check_json(&tree),
        [found(
            "E001",
            ITEM_PATH,
            1,
            20,
            "TOML 语法错误：invalid basic string, expected `\"`"
        )]
    );
}

#[test]
fn e001_every_syntax_error_of_a_file_and_nothing_read_from_it() {
    let item = format!("{ITEM}status = \"已完成\"\n[linkage\n");
    let tree = with_item(&item);
    assert_eq!(
        check_json(&tree),
        [
            found("E001", ITEM_PATH, 9, 1, "TOML 语法错误：duplicate key"),
            found(
                "E001",
                ITEM_PATH,
                10,
                9,
                "TOML 语法错误：unclosed table, expected `]`"
            ),
        ]
    );
}

#[test]
fn e002_unknown_key_with_did_you_mean() {
    let tree = with_item(&edit(ITEM, "title = ", "tittle = "));
    assert_eq!(
        diagnostics(&tree, &[])
            .into_iter()
            .map(|d| (d.code, d.line, d.column, d.message, d.help))
            .collect::<Vec<_>>(),
        [
            (
                "E002".to_owned(),
                1,
                1,
                "未知的键 `tittle`".to_owned(),
                Some("是否想写 `title`？".to_owned())
            ),
            (
                "E003".to_owned(),
                1,
                1,
                "缺少必填字段 `title`".to_owned(),
                None
            ),
        ]
    );
}

#[test]
fn e002_unknown_key_without_a_close_one_lists_the_keys() {
    let tree = with_unit(&edit(
        UNIT,
        "batch = 1\n",
        "batch = 1\nleader = \"张某某\"\n",
    ));
    assert_eq!(
        check_json(&tree),
        [found("E002", UNIT_PATH, 4, 1, "未知的键 `leader`")]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "此处可用的键：name, category, batch, order, reports_to, principal, subordinates_due, self_check, review, institution, assessment"
                .to_owned()
        )]
    );
}

#[test]
fn e002_unknown_key_in_a_nested_table_names_its_path() {
    let tree = with_unit(&unit_with_self_check("publshed = true\n"));
    let found_all = diagnostics(&tree, &[]);
    assert_eq!(
        found_all
            .iter()
            .map(|d| (d.code.as_str(), d.line, d.column, d.message.as_str()))
            .collect::<Vec<_>>(),
        [("E002", 8, 1, "未知的键 `self_check.publshed`")]
    );
    assert_eq!(found_all[0].help.as_deref(), Some("是否想写 `published`？"));
}

#[test]
fn e003_missing_title() {
    let tree = with_item(&edit(ITEM, "title = \"文山会海问题有所反弹\"\n", ""));
    assert_eq!(
        check_json(&tree),
        [found("E003", ITEM_PATH, 1, 1, "缺少必填字段 `title`")]
    );
}

#[test]
fn e003_empty_title() {
    let tree = with_item(&edit(ITEM, "\"文山会海问题有所反弹\"", "\"  \""));
    assert_eq!(
        check_json(&tree),
        [found("E003", ITEM_PATH, 1, 9, "字段 `title` 不能为空")]
    );
}

#[test]
fn e003_every_missing_field_of_an_item() {
    let tree = with_item("title = \"会议多\"\n");
    let fields = ["area", "source", "deadline", "status"];
    let expected: Vec<_> = fields
        .iter()
        .map(|f| found("E003", ITEM_PATH, 1, 1, &format!("缺少必填字段 `{f}`")))
        .collect();
    assert_eq!(check_json(&tree), expected);
}

#[test]
fn e003_campaign_without_deadline() {
    let campaign = edit(CAMPAIGN, "deadline = 2015-02-28\n", "");
    let tree = valid().file("huitoukan.toml", &campaign);
    assert_eq!(
        check_json(&tree),
        [found(
            "E003",
            "huitoukan.toml",
            1,
            1,
            "缺少必填字段 `campaign.deadline`"
        )]
    );
}

#[test]
fn e004_area_written_as_a_string() {
    let tree = with_item(&edit(ITEM, "area = 2", "area = \"2\""));
    assert_eq!(
        check_json(&tree),
        [found(
            "E004",
            ITEM_PATH,
            2,
            8,
            "`area` 应为整数，实际是字符串"
        )]
    );
}

#[test]
fn e004_batch_written_as_a_string() {
    let tree = with_unit(&edit(UNIT, "batch = 1", "batch = \"1\""));
    assert_eq!(
        check_json(&tree),
        [found(
            "E004",
            UNIT_PATH,
            3,
            9,
            "`batch` 应为整数，实际是字符串"
        )]
    );
}

#[test]
fn e004_element_of_an_array_of_strings() {
    let tree = with_item(&edit(
        ITEM,
        "measures = [\"实行会议计划管理\"]",
        "measures = [\"实行会议计划管理\", 2]",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "E004",
            ITEM_PATH,
            5,
            25,
            "`measures` 应为字符串，实际是整数"
        )]
    );
}

#[test]
fn e005_status_outside_the_enumeration_lists_the_allowed_values() {
    let tree = with_item(&item_with_status("status = \"完成\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E005",
            ITEM_PATH,
            8,
            10,
            "`status` 的值 \"完成\" 不在允许范围内；可选：已完成 | 基本完成 | 未完成 | 效果不理想"
        )]
    );
    assert_eq!(helps(&tree), [Some("是否想写 `已完成`？".to_owned())]);
}

#[test]
fn e005_value_with_a_zero_width_space_shows_it_written_out() {
    // Raw in the file, where no editor shows it; in every format the message writes it out.
    let tree = with_item(&item_with_status("status = \"已完成\u{200b}\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E005",
            ITEM_PATH,
            8,
            10,
            "`status` 的值 \"已完成\\u{200b}\" 不在允许范围内；可选：已完成 | 基本完成 | 未完成 | 效果不理想"
        )]
    );
    assert_eq!(helps(&tree), [Some("是否想写 `已完成`？".to_owned())]);
}

#[test]
fn e005_batch_outside_one_and_two() {
    let tree = with_unit(&edit(UNIT, "batch = 1", "batch = 3"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E005",
            UNIT_PATH,
            3,
            9,
            "`batch` 的值3不在允许范围内；可选：1 | 2"
        )]
    );
}

#[test]
fn e005_review_result_outside_the_enumeration() {
    let unit =
        format!("{UNIT}\n[[review]]\nkind = \"督查组审核\"\non = 2015-02-15\nresult = \"合格\"\n");
    let tree = with_unit(&unit);
    assert_eq!(
        check_json(&tree),
        [found(
            "E005",
            UNIT_PATH,
            37,
            10,
            "`review.result` 的值 \"合格\" 不在允许范围内；可选：通过 | 退回 | 查漏补缺"
        )]
    );
}

#[test]
fn english_aliases_of_enumerations_are_accepted() {
    let unit = edit(UNIT, "\"1.1\" = \"是\"", "\"1.1\" = \"yes\"");
    let tree = with_unit(&unit).item(ORG, ITEM_NAME, &item_with_status("status = \"open\"\n"));
    assert_eq!(check_json(&tree), []);
}

#[test]
fn e006_date_written_as_string() {
    let tree = with_item(&edit(
        ITEM,
        "deadline = 2015-06-30",
        "deadline = \"2015-02-28\"",
    ));
    let found_all = diagnostics(&tree, &[]);
    assert_eq!(
        found_all
            .iter()
            .map(|d| (
                d.code.as_str(),
                d.file.as_str(),
                d.line,
                d.column,
                d.message.as_str()
            ))
            .collect::<Vec<_>>(),
        [(
            "E006",
            ITEM_PATH,
            7,
            12,
            "日期 `deadline` 写成了字符串 \"2015-02-28\""
        )]
    );
    assert_eq!(
        found_all[0].help.as_deref(),
        Some("日期不加引号，写作 `deadline = 2015-02-28`")
    );
}

#[test]
fn e006_date_written_in_chinese_suggests_the_bare_date() {
    let tree = with_item(&edit(
        ITEM,
        "deadline = 2015-06-30",
        "deadline = \"2015年2月28日\"",
    ));
    let found_all = diagnostics(&tree, &[]);
    assert_eq!(
        found_all
            .iter()
            .map(|d| (d.code.as_str(), d.line, d.column, d.message.as_str()))
            .collect::<Vec<_>>(),
        [(
            "E006",
            7,
            12,
            "日期 `deadline` 写成了字符串 \"2015年2月28日\""
        )]
    );
    assert_eq!(
        found_all[0].help.as_deref(),
        Some("日期不加引号，写作 `deadline = 2015-02-28`")
    );
}

#[test]
fn e006_unreadable_date_string_shows_the_form() {
    let tree = with_item(&edit(
        ITEM,
        "deadline = 2015-06-30",
        "deadline = \"二月底\"",
    ));
    assert_eq!(
        helps(&tree),
        [Some(
            "日期不加引号，按 年-月-日 写作 `deadline = 2015-02-28`".to_owned()
        )]
    );
}

#[test]
fn e007_unquoted_dotted_answer_key() {
    let unit = edit(
        UNIT,
        "\"1.1\" = \"是\"\n\"1.2\" = \"是\"\n",
        "1.1 = \"是\"\n1.2 = \"是\"\n",
    );
    let tree = with_unit(&unit);
    let found_all = diagnostics(&tree, &[]);
    assert_eq!(
        found_all
            .iter()
            .map(|d| (d.code.as_str(), d.line, d.column, d.message.as_str()))
            .collect::<Vec<_>>(),
        [
            (
                "E007",
                10,
                1,
                "检查要点编号 `1.1` 没有加引号，被当成了嵌套的表"
            ),
            (
                "E007",
                11,
                1,
                "检查要点编号 `1.2` 没有加引号，被当成了嵌套的表"
            ),
        ]
    );
    assert_eq!(
        found_all[1].help.as_deref(),
        Some("给编号加上引号：`\"1.2\" = \"是\"`")
    );
}
