//! `huitoukan check`: one test per diagnostic code, then exit codes, output formats, languages,
//! a campaign with its own schema, and the example tree.

use serde_json::Value;

use crate::harness::{
    AS_OF, CAMPAIGN, ITEM, ITEM_NAME, ITEM_PATH, ORG, Tree, UNIT, UNIT_PATH, UNIT_PENDING,
    check_document, check_json, check_json_with, diagnostics, edit, found, helps, output,
    unit_with_self_check, valid, with_item, with_unit,
};

/// The item with its status line replaced by `lines`.
fn item_with_status(lines: &str) -> String {
    edit(ITEM, "status = \"未完成\"\n", lines)
}

/// A campaign schema of the same form as the built-in one, with two areas of its own.
pub(crate) const AUDIT_SCHEMA: &str = r#"[schema]
name = "审计整改"

[[area]]
id = 1
key = "findings"
title = "审计发现问题整改情况"

[[area]]
id = 2
key = "rules"
title = "制度完善情况"

[[point]]
id = "A.1"
area = 1
text = "审计发现的问题是否整改到位"
applies_to = ["领导班子"]

[[point]]
id = "A.2"
area = 2
text = "是否建章立制、堵塞漏洞"
applies_to = ["领导班子"]
"#;

/// A unit answering the two points of [`AUDIT_SCHEMA`].
const AUDIT_UNIT: &str = r#"name = "中共浙江省审计厅党组"
category = "领导班子"
batch = 1

[self_check]
submitted_on = 2015-02-10

[self_check.answers]
"A.1" = "是"
"A.2" = "是"
"#;

pub(crate) fn audit_campaign() -> String {
    format!("{CAMPAIGN}schema = \"areas.toml\"\n")
}

// ---------------------------------------------------------------------------------------------
// The building blocks themselves.

#[test]
fn building_blocks_are_valid() {
    let tree = valid();
    let out = tree.run(&["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr, "检查了3个文件：0个错误，0个警告\n");
    assert_eq!(out.stdout, "");
}

// ---------------------------------------------------------------------------------------------
// E001 – E007: the file and its fields.

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
            "此处可用的键：name, category, batch, reports_to, principal, subordinates_due, self_check, review"
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

// ---------------------------------------------------------------------------------------------
// E008 – E009: the schema.

#[test]
fn e008_unknown_area_lists_the_areas() {
    let tree = with_item(&edit(ITEM, "area = 2", "area = 7"));
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
}

#[test]
fn e008_unknown_point_in_points() {
    let tree = with_item(&edit(
        ITEM,
        "points = [\"2.1\"]",
        "points = [\"2.1\", \"2.9\"]",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "E008",
            ITEM_PATH,
            3,
            18,
            "检查要点 \"2.9\" 不在方案中"
        )]
    );
    assert_eq!(helps(&tree), [Some("是否想写 `2.1`？".to_owned())]);
}

#[test]
fn e008_did_you_mean_prefers_a_point_of_the_same_kind() {
    let tree = with_item(&edit(
        ITEM,
        "points = [\"2.1\"]",
        "points = [\"g.2\", \"G.4\"]",
    ));
    assert_eq!(
        check_json(&tree),
        [
            found("E008", ITEM_PATH, 3, 11, "检查要点 \"g.2\" 不在方案中"),
            found("E008", ITEM_PATH, 3, 18, "检查要点 \"G.4\" 不在方案中"),
        ]
    );
    assert_eq!(
        helps(&tree),
        [
            Some("是否想写 `G.2`？".to_owned()),
            Some("是否想写 `G.1`？".to_owned())
        ]
    );
}

#[test]
fn e008_unknown_point_in_answers() {
    let tree = with_unit(&format!("{UNIT}\"9.9\" = \"是\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E008",
            UNIT_PATH,
            33,
            1,
            "检查要点 \"9.9\" 不在方案中"
        )]
    );
    assert_eq!(helps(&tree), [None]);
}

#[test]
fn e009_answer_to_a_batch_2_point_by_a_batch_1_unit() {
    let tree = with_unit(&format!("{UNIT}\"3.3\" = \"是\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E009",
            UNIT_PATH,
            33,
            1,
            "检查要点 \"3.3\" 不适用于第一批的领导班子"
        )]
    );
}

#[test]
fn e009_batch_2_unit_answering_the_batch_1_point() {
    let tree = with_unit(&edit(UNIT, "batch = 1", "batch = 2"));
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E018",
                UNIT_PATH,
                9,
                1,
                "自查已报送，但以下适用的检查要点未逐项说明：3.3"
            ),
            found(
                "E009",
                UNIT_PATH,
                19,
                1,
                "检查要点 \"3.2\" 不适用于第二批的领导班子"
            ),
        ]
    );
}

#[test]
fn e009_answer_to_a_point_answered_by_items() {
    let tree = with_unit(&format!("{UNIT}\"P.1\" = \"是\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E009",
            UNIT_PATH,
            33,
            1,
            "检查要点 \"P.1\" 不适用于第一批的领导班子"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "党员干部的重点（P 类）由个人整改事项回答，不在单位自查中作答；删去这一行".to_owned()
        )]
    );
}

#[test]
fn e009_grassroots_unit_answering_a_point_of_leadership_bodies() {
    let unit = r#"name = "中共某村委员会"
category = "基层党组织"
batch = 2

[self_check]
submitted_on = 2015-02-05

[self_check.answers]
"3.1" = "是"
"4.2" = "是"
"G.1" = "是"
"G.2" = "是"
"G.3" = "是"
"2.1" = "是"
"3.3" = "是"
"#;
    let tree = Tree::new().unit("宁波市/某村", unit);
    assert_eq!(
        check_json(&tree),
        [found(
            "E009",
            "宁波市/某村/unit.toml",
            14,
            1,
            "检查要点 \"2.1\" 不适用于第二批的基层党组织"
        )]
    );
}

// ---------------------------------------------------------------------------------------------
// E010 – E013: status and source.

fn status_needs(lines: &str, line: usize, message: &str) {
    let tree = with_item(&item_with_status(lines));
    assert_eq!(
        check_json(&tree),
        [found("E010", ITEM_PATH, line, 10, message)]
    );
}

#[test]
fn e010_done_without_completed_on() {
    status_needs(
        "status = \"已完成\"\nevidence = [\"会议纪要\"]\n",
        8,
        "状态为已完成的事项必须填写 `completed_on`",
    );
}

#[test]
fn e010_done_without_evidence() {
    status_needs(
        "status = \"已完成\"\ncompleted_on = 2015-03-01\n",
        8,
        "状态为已完成的事项必须填写 `evidence`",
    );
}

#[test]
fn e010_done_with_empty_evidence() {
    status_needs(
        "status = \"已完成\"\ncompleted_on = 2015-03-01\nevidence = []\n",
        8,
        "状态为已完成的事项必须填写 `evidence`",
    );
}

#[test]
fn e010_mostly_done_without_completed_on() {
    status_needs(
        "status = \"基本完成\"\nconsolidation = \"每季度通报会议数量\"\n",
        8,
        "状态为基本完成的事项必须填写 `completed_on`",
    );
}

#[test]
fn e010_mostly_done_without_consolidation() {
    status_needs(
        "status = \"基本完成\"\ncompleted_on = 2015-03-01\n",
        8,
        "状态为基本完成的事项必须填写 `consolidation`",
    );
}

#[test]
fn e010_ineffective_without_rectify_by() {
    status_needs(
        "status = \"效果不理想\"\n",
        8,
        "状态为效果不理想的事项必须填写 `rectify_by`",
    );
}

#[test]
fn e010_open_without_responsible() {
    let tree = with_item(&edit(ITEM, "responsible = \"办公室\"\n", ""));
    assert_eq!(
        check_json(&tree),
        [found(
            "E010",
            ITEM_PATH,
            7,
            10,
            "状态为未完成的事项必须填写 `responsible`"
        )]
    );
}

#[test]
fn e010_open_without_measures() {
    let tree = with_item(&edit(ITEM, "measures = [\"实行会议计划管理\"]\n", ""));
    assert_eq!(
        check_json(&tree),
        [found(
            "E010",
            ITEM_PATH,
            7,
            10,
            "状态为未完成的事项必须填写 `measures`"
        )]
    );
}

#[test]
fn e010_open_with_blank_measures_and_responsible() {
    let item = edit(ITEM, "\"实行会议计划管理\"", "\" \"");
    let tree = with_item(&edit(&item, "\"办公室\"", "\"\""));
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E010",
                ITEM_PATH,
                8,
                10,
                "状态为未完成的事项必须填写 `responsible`"
            ),
            found(
                "E010",
                ITEM_PATH,
                8,
                10,
                "状态为未完成的事项必须填写 `measures`"
            ),
        ]
    );
}

#[test]
fn e011_done_while_the_masses_are_unsatisfied() {
    let tree = with_item(&item_with_status(
        "status = \"已完成\"\ncompleted_on = 2015-03-01\nevidence = [\"会议纪要\"]\nsatisfaction = \"不满意\"\n",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "E011",
            ITEM_PATH,
            11,
            16,
            "群众不满意的事项不能算已完成"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "改为 `status = \"效果不理想\"` 并填写限期整改日期 `rectify_by`".to_owned()
        )]
    );
}

#[test]
fn e011_not_for_basic_satisfaction() {
    let tree = with_item(&item_with_status(
        "status = \"已完成\"\ncompleted_on = 2015-03-01\nevidence = [\"会议纪要\"]\nsatisfaction = \"基本满意\"\n",
    ));
    assert_eq!(check_json(&tree), []);
}

#[test]
fn e012_completed_after_the_as_of_date() {
    let tree = with_item(&item_with_status(
        "status = \"已完成\"\ncompleted_on = 2015-03-11\nevidence = [\"会议纪要\"]\n",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "E012",
            ITEM_PATH,
            9,
            16,
            "完成日期2015年3月11日晚于截至日期2015年3月10日"
        )]
    );
}

#[test]
fn e012_not_on_the_as_of_date_itself() {
    let tree = with_item(&item_with_status(
        "status = \"已完成\"\ncompleted_on = 2015-03-10\nevidence = [\"会议纪要\"]\n",
    ));
    assert_eq!(check_json(&tree), []);
}

#[test]
fn e013_special_task_source_without_special_task() {
    let tree = with_item(&edit(
        ITEM,
        "source = \"整改方案\"",
        "source = \"专项整治\"",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "E013",
            ITEM_PATH,
            4,
            10,
            "`source = \"专项整治\"` 的事项必须填写 `special_task`"
        )]
    );
}

#[test]
fn e013_newly_found_source_without_found_on() {
    let tree = with_item(&edit(ITEM, "source = \"整改方案\"", "source = \"新发现\""));
    assert_eq!(
        check_json(&tree),
        [found(
            "E013",
            ITEM_PATH,
            4,
            10,
            "`source = \"新发现\"` 的事项必须填写 `found_on`"
        )]
    );
}

#[test]
fn e013_personal_item_without_person() {
    let tree = with_item(&format!("{ITEM}owner = \"个人\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E013",
            ITEM_PATH,
            9,
            9,
            "`owner = \"个人\"` 的事项必须填写 `person`"
        )]
    );
}

#[test]
fn e013_satisfied_by_the_field() {
    let item = edit(
        ITEM,
        "source = \"整改方案\"",
        "source = \"专项整治\"\nspecial_task = \"中央21项专项整治第3项\"",
    );
    let tree = with_item(&format!("{item}owner = \"个人\"\nperson = \"王某某\"\n"));
    assert_eq!(check_json(&tree), []);
}

// ---------------------------------------------------------------------------------------------
// E014 – E017: links between files.

/// The valid tree with a second unit, `省直/省民政厅`, and a linkage on the item.
fn linked(lead_unit: &str) -> Tree {
    let item = format!("{ITEM}\n[linkage]\nlead_unit = \"{lead_unit}\"\n");
    with_item(&item).unit("省直/省民政厅", UNIT)
}

#[test]
fn e014_linkage_names_no_unit_with_did_you_mean() {
    let tree = linked("省直/省民政");
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
            "E014",
            ITEM_PATH,
            11,
            13,
            "牵头单位 \"省直/省民政\" 不是本台账中的单位"
        )]
    );
    assert_eq!(
        found_all[0].help.as_deref(),
        Some("是否想写 `省直/省民政厅`？")
    );
}

#[test]
fn e014_linkage_naming_a_folder_suggests_its_org_path() {
    let tree = linked("省民政厅");
    assert_eq!(
        check_json(&tree),
        [found(
            "E014",
            ITEM_PATH,
            11,
            13,
            "牵头单位 \"省民政厅\" 不是本台账中的单位"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some("是否想写 `省直/省民政厅`？".to_owned())]
    );
}

#[test]
fn e014_linkage_far_from_any_unit_explains_org_paths() {
    let tree = linked("杭州市/西湖区");
    assert_eq!(
        check_json(&tree),
        [found(
            "E014",
            ITEM_PATH,
            11,
            13,
            "牵头单位 \"杭州市/西湖区\" 不是本台账中的单位"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "写牵头单位的机构路径，即其文件夹相对于根目录的路径，如 \"杭州市/西湖区\"".to_owned()
        )]
    );
}

#[test]
fn e014_not_for_a_unit_of_the_tree() {
    assert_eq!(check_json(&linked("省直/省民政厅")), []);
}

#[test]
fn e015_linkage_names_the_items_own_unit() {
    let tree = linked(ORG);
    assert_eq!(
        check_json(&tree),
        [found(
            "E015",
            ITEM_PATH,
            11,
            13,
            "牵头单位 \"省直/省财政厅\" 就是本单位；上下联动应由上级牵头"
        )]
    );
}

#[test]
fn e016_two_items_with_one_id_name_both_files() {
    let item = format!("id = \"CZT-01\"\n{ITEM}");
    let tree = with_item(&item).item(ORG, "文件过多", &item);
    assert_eq!(
        check_json(&tree),
        [found(
            "E016",
            "省直/省财政厅/items/文件过多.toml",
            1,
            6,
            "同一单位的两个事项编号都是 \"CZT-01\"（另一个在 省直/省财政厅/items/会议文件.toml）"
        )]
    );
    let out = tree.run(&["check", "--as-of", AS_OF]);
    assert!(
        out.stderr
            .contains(" --> 省直/省财政厅/items/文件过多.toml:1:6\n",),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains(" ::: 省直/省财政厅/items/会议文件.toml:1:6\n"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--- 首次出现在这里"), "{}", out.stderr);
}

#[test]
fn e016_ids_default_to_the_file_stem() {
    let tree = valid().file("省直/省财政厅/items/2014/会议文件.toml", ITEM);
    assert_eq!(
        check_json(&tree),
        [found(
            "E016",
            ITEM_PATH,
            1,
            1,
            "同一单位的两个事项编号都是 \"会议文件\"（另一个在 省直/省财政厅/items/2014/会议文件.toml）"
        )]
    );
}

#[test]
fn e016_not_across_units() {
    let tree = valid()
        .unit("省直/省民政厅", UNIT)
        .item("省直/省民政厅", ITEM_NAME, ITEM);
    assert_eq!(check_json(&tree), []);
}

#[test]
fn e017_item_outside_every_unit() {
    let tree = valid().file("省直/说明.toml", ITEM).file("总结.toml", ITEM);
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E017",
                "总结.toml",
                1,
                1,
                "事项不属于任何单位：上级各文件夹中都没有 unit.toml"
            ),
            found(
                "E017",
                "省直/说明.toml",
                1,
                1,
                "事项不属于任何单位：上级各文件夹中都没有 unit.toml"
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// E018 – E022: the self-check.

#[test]
fn e018_submitted_self_check_names_the_unanswered_points() {
    let unit = edit(UNIT, "\"6.4\" = \"是\"\n", "");
    let tree = with_unit(&edit(&unit, "\"L.3\" = \"是\"\n", ""));
    assert_eq!(
        check_json(&tree),
        [found(
            "E018",
            UNIT_PATH,
            9,
            1,
            "自查已报送，但以下适用的检查要点未逐项说明：6.4, L.3"
        )]
    );
}

#[test]
fn e018_submitted_without_any_answer() {
    let unit = format!("{UNIT_PENDING}\n[self_check]\nsubmitted_on = 2015-02-10\n");
    let tree = with_unit(&unit);
    assert_eq!(
        check_json(&tree),
        [found(
            "E018",
            UNIT_PATH,
            6,
            16,
            "自查已报送，但以下适用的检查要点未逐项说明：1.1, 1.2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 3.1, 3.2, 4.1, 4.2, 4.3, 5.1, 5.2, 5.3, 6.1, 6.2, 6.3, 6.4, L.1, L.2, L.3"
        )]
    );
}

#[test]
fn e018_not_before_submission() {
    let unit = edit(UNIT, "submitted_on = 2015-02-10\n", "");
    let tree = with_unit(&edit(&unit, "\"6.4\" = \"是\"\n", ""));
    assert_eq!(check_json_with(&tree, &["--as-of", "2015-02-20"]), []);
}

#[test]
fn e019_self_check_report_does_not_exist() {
    let tree = with_unit(&unit_with_self_check("report = \"自查报告.md\"\n"));
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
    let tree = tree.file("省直/省财政厅/自查报告.md", "# 自查报告\n");
    assert_eq!(check_json(&tree), []);
}

#[test]
fn e003_blank_self_check_report() {
    let tree = with_unit(&unit_with_self_check("report = \" \"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E003",
            UNIT_PATH,
            8,
            10,
            "字段 `self_check.report` 不能为空"
        )]
    );
}

#[test]
fn e020_self_check_report_with_dot_dot() {
    let tree = with_unit(&unit_with_self_check("report = \"../自查报告.md\"\n"))
        .file("省直/自查报告.md", "# 自查报告\n");
    assert_eq!(
        check_json(&tree),
        [found(
            "E020",
            UNIT_PATH,
            8,
            10,
            "自查报告 \"../自查报告.md\" 不在本单位文件夹内"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "写单位文件夹内的相对路径，如 \"自查报告.md\"；不要用 \"..\" 或绝对路径".to_owned()
        )]
    );
}

#[test]
fn e020_self_check_report_with_an_absolute_path() {
    let tree = with_unit(&unit_with_self_check("report = \"/etc/hostname\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E020",
            UNIT_PATH,
            8,
            10,
            "自查报告 \"/etc/hostname\" 不在本单位文件夹内"
        )]
    );
}

#[cfg(unix)]
#[test]
fn e020_self_check_report_through_a_symbolic_link() {
    let tree = with_unit(&unit_with_self_check("report = \"自查报告.md\"\n"))
        .file("省直/自查报告.md", "# 自查报告\n")
        .symlink("../自查报告.md", "省直/省财政厅/自查报告.md");
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E020",
                UNIT_PATH,
                8,
                10,
                "自查报告 \"自查报告.md\" 是符号链接，不予读取"
            ),
            found(
                "W006",
                "省直/省财政厅/自查报告.md",
                1,
                1,
                "符号链接，已跳过（不读取根目录以外的内容）"
            ),
        ]
    );
}

/// The unit with one review, its `on` on line 36.
fn reviewed(unit: &str, on: &str) -> Tree {
    let unit = format!(
        "{unit}\n[[review]]\nkind = \"督查组审核\"\nby = \"省委第三督查组\"\non = {on}\nresult = \"通过\"\n"
    );
    with_unit(&unit)
}

#[test]
fn e021_review_before_the_self_check_was_submitted() {
    let tree = reviewed(UNIT, "2015-02-05");
    assert_eq!(
        check_json(&tree),
        [found(
            "E021",
            UNIT_PATH,
            37,
            6,
            "审核日期2015年2月5日早于自查报送日期2015年2月10日"
        )]
    );
    let out = tree.run(&["check", "--as-of", AS_OF]);
    assert!(
        out.stderr.contains(" ::: 省直/省财政厅/unit.toml:7:16\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("---------- 自查报送日期"),
        "{}",
        out.stderr
    );
}

#[test]
fn e021_not_on_the_day_of_submission() {
    assert_eq!(check_json(&reviewed(UNIT, "2015-02-10")), []);
}

#[test]
fn e022_review_of_a_unit_that_has_not_submitted() {
    let tree = reviewed(UNIT_PENDING, "2015-02-05");
    assert_eq!(
        check_json(&tree),
        [
            found(
                "W004",
                UNIT_PATH,
                1,
                1,
                "报送时限2015年2月28日已过，尚未报送自查报告"
            ),
            found(
                "E022",
                UNIT_PATH,
                8,
                6,
                "单位尚未报送自查（无 `self_check.submitted_on`），不能有审核记录"
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// E023 – E028: files and the tree.

#[test]
fn e023_gbk_bytes_say_gbk_and_how_to_convert() {
    // `title = "整改"` saved as GBK.
    let tree = valid().bytes(ITEM_PATH, b"title = \"\xd5\xfb\xb8\xc4\"\n");
    assert_eq!(
        check_json(&tree),
        [found("E023", ITEM_PATH, 1, 1, "文件不是 UTF-8 编码")]
    );
    let help = helps(&tree).remove(0).expect("a help line");
    assert!(help.contains("GBK"), "{help}");
    assert!(help.contains("iconv -f GB18030 -t UTF-8"), "{help}");
}

#[test]
fn e023_utf16() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(ITEM.encode_utf16().flat_map(u16::to_le_bytes));
    let tree = valid().bytes(ITEM_PATH, &bytes);
    assert_eq!(
        check_json(&tree),
        [found("E023", ITEM_PATH, 1, 1, "文件不是 UTF-8 编码")]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "看起来是 UTF-16 编码；用记事本或 WPS “另存为” UTF-8".to_owned()
        )]
    );
}

#[test]
fn e023_neither_gbk_nor_utf16() {
    let tree = valid().bytes(ITEM_PATH, b"title = \"\xff\xff\"\n");
    assert_eq!(helps(&tree), [Some("用 UTF-8 编码保存此文件".to_owned())]);
}

#[test]
fn utf8_byte_order_mark_is_accepted() {
    let tree = valid().file(
        ITEM_PATH,
        &format!("\u{feff}{}", edit(ITEM, "area = 2", "area = 7")),
    );
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
}

/// The item padded with a comment to `size` bytes.
fn item_of_size(size: usize) -> String {
    let padding = size - ITEM.len() - 1;
    format!("{ITEM}{}\n", "#".repeat(padding))
}

#[test]
fn e024_file_just_over_one_mib() {
    let tree = with_item(&item_of_size(1024 * 1024 + 1));
    assert_eq!(
        check_json(&tree),
        [found(
            "E024",
            ITEM_PATH,
            1,
            1,
            "文件大小1048577字节，超过1 MiB的上限"
        )]
    );
}

#[test]
fn e024_not_at_exactly_one_mib() {
    let tree = with_item(&item_of_size(1024 * 1024));
    assert_eq!(check_json(&tree), []);
}

#[cfg(unix)]
#[test]
fn e025_file_that_cannot_be_read() {
    let tree = valid().mode(ITEM_PATH, 0o000);
    if std::fs::File::open(tree.join(ITEM_PATH)).is_ok() {
        // Running as root: permissions do not stop a read, so there is nothing to see.
        eprintln!("e025_file_that_cannot_be_read: skipped, the file is readable anyway");
        return;
    }
    let found_all = diagnostics(&tree, &[]);
    assert_eq!(
        found_all
            .iter()
            .map(|d| (d.code.as_str(), d.file.as_str(), d.line, d.column))
            .collect::<Vec<_>>(),
        [("E025", ITEM_PATH, 1, 1)]
    );
    assert!(
        found_all[0].message.starts_with("无法读取文件："),
        "{}",
        found_all[0].message
    );
    assert!(
        found_all[0].message.contains("denied"),
        "{}",
        found_all[0].message
    );
}

#[test]
fn e026_schema_file_missing() {
    let tree = valid().file("huitoukan.toml", &audit_campaign());
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "huitoukan.toml",
            4,
            10,
            "方案文件 \"areas.toml\" 不存在"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "方案无效时，不检查各文件的内容方面、检查要点和自查说明".to_owned()
        )]
    );
}

#[test]
fn e026_schema_with_a_duplicate_point() {
    let schema = edit(AUDIT_SCHEMA, "id = \"A.2\"", "id = \"A.1\"");
    let tree = Tree::new()
        .file("huitoukan.toml", &audit_campaign())
        .file("areas.toml", &schema)
        .unit(ORG, AUDIT_UNIT);
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "areas.toml",
            21,
            6,
            "方案中 \"A.1\" 重复定义"
        )]
    );
}

#[test]
fn e026_schema_with_an_unknown_key() {
    let schema = edit(AUDIT_SCHEMA, "area = 1\ntext", "areas = 1\ntext");
    let tree = Tree::new()
        .file("huitoukan.toml", &audit_campaign())
        .file("areas.toml", &schema);
    assert_eq!(
        check_json(&tree),
        [found("E026", "areas.toml", 16, 1, "未知的键 `point.areas`")]
    );
    assert_eq!(helps(&tree), [Some("是否想写 `area`？".to_owned())]);
}

#[test]
fn e026_schema_with_a_syntax_error() {
    let tree = Tree::new()
        .file("huitoukan.toml", &audit_campaign())
        .file("areas.toml", &format!("{AUDIT_SCHEMA}[[point]\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "areas.toml",
            25,
            9,
            "TOML 语法错误：unclosed array table, expected `]`"
        )]
    );
}

#[test]
fn e026_schema_outside_the_root() {
    let campaign = format!("{CAMPAIGN}schema = \"../x.toml\"\n");
    let tree = valid().file("huitoukan.toml", &campaign);
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "huitoukan.toml",
            4,
            10,
            "方案文件 \"../x.toml\" 不在根目录内"
        )]
    );
}

#[test]
fn e026_schema_with_a_point_of_no_area() {
    let schema = edit(AUDIT_SCHEMA, "area = 2\ntext", "area = 3\ntext");
    let tree = Tree::new()
        .file("huitoukan.toml", &audit_campaign())
        .file("areas.toml", &schema);
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "areas.toml",
            22,
            8,
            "内容方面 `area = 3` 不在方案中；可选：1 | 2"
        )]
    );
}

#[test]
fn e027_date_not_on_the_calendar() {
    let tree = with_item(&edit(
        ITEM,
        "deadline = 2015-06-30",
        "deadline = 2015-02-30",
    ));
    let found_all = diagnostics(&tree, &[]);
    assert_eq!(
        found_all
            .iter()
            .map(|d| (d.code.as_str(), d.file.as_str(), d.line, d.column))
            .collect::<Vec<_>>(),
        [("E027", ITEM_PATH, 7, 12)]
    );
    assert!(
        found_all[0].message.starts_with("不是有效的日期："),
        "{}",
        found_all[0].message
    );
}

#[test]
fn e027_date_with_a_time() {
    let tree = with_item(&edit(
        ITEM,
        "deadline = 2015-06-30",
        "deadline = 2015-06-30T09:00:00",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "E027",
            ITEM_PATH,
            7,
            12,
            "`deadline` 只需日期，不要写时间或时区"
        )]
    );
}

#[test]
fn e028_unit_at_the_root() {
    let tree = valid().file("unit.toml", UNIT);
    assert_eq!(
        check_json(&tree),
        [found(
            "E028",
            "unit.toml",
            1,
            1,
            "根目录中不能有 unit.toml：单位放在子文件夹中"
        )]
    );
}

// ---------------------------------------------------------------------------------------------
// W001 – W006.

#[test]
fn w001_overdue_the_day_after_the_deadline() {
    let tree = with_item(&edit(
        ITEM,
        "deadline = 2015-06-30",
        "deadline = 2015-03-09",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "W001",
            ITEM_PATH,
            7,
            12,
            "逾期1天：状态为未完成，时限2015年3月9日"
        )]
    );
}

#[test]
fn w001_not_overdue_on_the_deadline_itself() {
    let tree = with_item(&edit(
        ITEM,
        "deadline = 2015-06-30",
        "deadline = 2015-03-10",
    ));
    assert_eq!(check_json(&tree), []);
}

#[test]
fn w001_ineffective_past_rectify_by() {
    let tree = with_item(&item_with_status(
        "status = \"效果不理想\"\nrectify_by = 2015-03-01\n",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "W001",
            ITEM_PATH,
            9,
            14,
            "逾期9天：状态为效果不理想，时限2015年3月1日"
        )]
    );
}

#[test]
fn w002_completed_after_its_deadline() {
    let item = edit(ITEM, "deadline = 2015-06-30", "deadline = 2015-02-27");
    let tree = with_item(&edit(
        &item,
        "status = \"未完成\"\n",
        "status = \"已完成\"\ncompleted_on = 2015-03-01\nevidence = [\"会议纪要\"]\n",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "W002",
            ITEM_PATH,
            9,
            16,
            "未按期解决：完成于2015年3月1日，时限2015年2月27日"
        )]
    );
}

#[test]
fn w002_not_on_the_deadline_itself() {
    let item = edit(ITEM, "deadline = 2015-06-30", "deadline = 2015-03-01");
    let tree = with_item(&edit(
        &item,
        "status = \"未完成\"\n",
        "status = \"基本完成\"\ncompleted_on = 2015-03-01\nconsolidation = \"每季度通报\"\n",
    ));
    assert_eq!(check_json(&tree), []);
}

#[test]
fn w003_self_check_submitted_after_the_campaign_deadline() {
    let tree = with_unit(&edit(
        UNIT,
        "submitted_on = 2015-02-10",
        "submitted_on = 2015-03-02",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "W003",
            UNIT_PATH,
            7,
            16,
            "自查报告2015年3月2日报送，晚于2015年2月28日的报送时限"
        )]
    );
    let on_time = with_unit(&edit(
        UNIT,
        "submitted_on = 2015-02-10",
        "submitted_on = 2015-02-28",
    ));
    assert_eq!(check_json(&on_time), []);
}

#[test]
fn w004_no_self_check_after_the_campaign_deadline() {
    let tree = with_unit(UNIT_PENDING);
    assert_eq!(
        check_json(&tree),
        [found(
            "W004",
            UNIT_PATH,
            1,
            1,
            "报送时限2015年2月28日已过，尚未报送自查报告"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "报送后在 [self_check] 中填写 `submitted_on`".to_owned()
        )]
    );
}

#[test]
fn w004_not_before_the_deadline_pending() {
    let tree = with_unit(UNIT_PENDING);
    assert_eq!(check_json_with(&tree, &["--as-of", "2015-02-28"]), []);
}

#[test]
fn w004_points_at_a_self_check_without_submitted_on() {
    let tree = with_unit(&edit(UNIT, "submitted_on = 2015-02-10\n", ""));
    assert_eq!(
        check_json(&tree),
        [found(
            "W004",
            UNIT_PATH,
            5,
            1,
            "报送时限2015年2月28日已过，尚未报送自查报告"
        )]
    );
}

#[test]
fn w004_not_for_a_unit_that_cannot_be_parsed() {
    let tree = with_unit(&edit(
        UNIT,
        "name = \"中共浙江省财政厅党组\"",
        "name = \"中共浙江省财政厅党组",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "E001",
            UNIT_PATH,
            1,
            19,
            "TOML 语法错误：invalid basic string, expected `\"`"
        )],
        "its item is no orphan, and nothing is said of a self-check that could not be read"
    );
}

#[test]
fn w005_answer_no_without_an_item_listing_the_point() {
    let tree = with_unit(&edit(UNIT, "\"2.2\" = \"是\"", "\"2.2\" = \"否\""));
    assert_eq!(
        check_json(&tree),
        [found(
            "W005",
            UNIT_PATH,
            13,
            1,
            "检查要点 \"2.2\" 自查为未落实，但没有事项纳入整改"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "新增一个事项，在 `points` 中列出 \"2.2\"（新发现的问题要及时纳入整改）".to_owned()
        )]
    );
}

#[test]
fn w005_not_when_an_item_lists_the_point() {
    let unit = edit(
        UNIT,
        "\"2.1\" = \"是\"",
        "\"2.1\" = { answer = \"部分\", note = \"2项问题尚未按期解决\" }",
    );
    assert_eq!(check_json(&with_unit(&unit)), []);
}

#[cfg(unix)]
#[test]
fn w006_symbolic_link_is_skipped() {
    let tree = valid().symlink("会议文件.toml", "省直/省财政厅/items/链接.toml");
    let document = check_document(&tree, &[]);
    assert_eq!(document["items"], 1, "the link is not read as an item");
    assert_eq!(
        check_json(&tree),
        [found(
            "W006",
            "省直/省财政厅/items/链接.toml",
            1,
            1,
            "符号链接，已跳过（不读取根目录以外的内容）"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some("把文件本身放进台账，而不是链接".to_owned())]
    );
}

#[cfg(unix)]
#[test]
fn w006_symbolic_link_to_a_folder_is_reported_once_and_not_entered() {
    let tree = valid().symlink("省直", "杭州市");
    let document = check_document(&tree, &[]);
    assert_eq!(
        (&document["units"], &document["items"]),
        (&1.into(), &1.into())
    );
    assert_eq!(
        check_json(&tree),
        [found(
            "W006",
            "杭州市",
            1,
            1,
            "符号链接，已跳过（不读取根目录以外的内容）"
        )]
    );
}

#[test]
fn hidden_folders_and_target_are_skipped() {
    let tree = valid()
        .file(".git/config.toml", "not toml at all [")
        .file("省直/target/x.toml", "not toml at all [")
        .file("省直/省财政厅/.backup/x.toml", "not toml at all [");
    assert_eq!(check_json(&tree), []);
}

#[test]
fn w009_a_record_named_toml_txt_or_upper_case_is_named_and_not_read() {
    let tree = valid()
        .item(ORG, "会议文件副本", ITEM)
        .file("省直/省财政厅/items/会议文件副本.toml.txt", "title = \n")
        .file("省直/省财政厅/items/调研.TOML", "title = \n")
        .file("省直/省财政厅/items/走访.Toml.TXT", "title = \n")
        .file("省直/省财政厅/说明.txt", "title = \n")
        .file("省直/省财政厅/.toml.txt", "title = \n");
    let misnamed = "文件名不是 *.toml（扩展名须为小写的 .toml），未作为台账记录读取";
    assert_eq!(
        check_json(&tree),
        [
            found(
                "W009",
                "省直/省财政厅/items/会议文件副本.toml.txt",
                1,
                1,
                misnamed
            ),
            found("W009", "省直/省财政厅/items/调研.TOML", 1, 1, misnamed),
            found("W009", "省直/省财政厅/items/走访.Toml.TXT", 1, 1, misnamed),
        ]
    );
    assert_eq!(
        helps(&tree),
        [
            Some("如果是台账记录，重命名为 会议文件副本.toml".to_owned()),
            Some("如果是台账记录，重命名为 调研.toml".to_owned()),
            Some("如果是台账记录，重命名为 走访.toml".to_owned()),
        ]
    );
    let document = check_document(&tree, &[]);
    assert_eq!(
        (&document["files"], &document["items"], &document["errors"]),
        (&4.into(), &2.into(), &0.into()),
        "none of them is read (each would be an E001)"
    );
}

#[cfg(unix)]
#[test]
fn e034_a_name_that_is_not_utf8_is_named_and_never_read() {
    use std::os::unix::ffi::OsStrExt;
    // 调研.toml, its name in GBK.
    let tree = valid();
    let name = std::ffi::OsStr::from_bytes(b"\xb5\xf7\xd1\xd0.toml");
    std::fs::write(tree.join("省直/省财政厅/items").join(name), ITEM).expect("write");
    assert_eq!(
        check_json(&tree),
        [found(
            "E034",
            "省直/省财政厅/items/\\xB5\\xF7\\xD1\\xD0.toml",
            1,
            1,
            "文件名不是 UTF-8 编码，未读取"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "看起来是 GBK 编码的“调研.toml”；重命名为 UTF-8 的名称，如在台账根目录运行 `convmv -f GBK -t UTF-8 -r --notest .`".to_owned()
        )]
    );
}

#[test]
fn e026_campaign_schema_in_a_hidden_folder_is_read_by_its_path() {
    // The walk skips hidden folders; a schema named there is still the campaign's schema.
    let with_schema = |schema: &str| {
        Tree::new()
            .file(
                "huitoukan.toml",
                &format!("{CAMPAIGN}schema = \".cfg/areas.toml\"\n"),
            )
            .file(".cfg/areas.toml", schema)
            .unit(ORG, AUDIT_UNIT)
    };
    let item = edit(ITEM, "points = [\"2.1\"]", "points = [\"A.2\"]");
    let tree = with_schema(AUDIT_SCHEMA).item(ORG, ITEM_NAME, &item);
    let document = check_document(&tree, &[]);
    assert_eq!(document["diagnostics"], Value::Array(vec![]));
    assert_eq!(document["files"], 4, "the schema file is read, as a schema");
    let tree = with_schema(&edit(AUDIT_SCHEMA, "id = \"A.2\"", "id = \"A.1\""));
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            ".cfg/areas.toml",
            21,
            6,
            "方案中 \"A.1\" 重复定义"
        )],
        "and checked as a schema"
    );
}

#[cfg(unix)]
#[test]
fn e026_campaign_schema_through_a_linked_folder_is_not_read() {
    let outside = Tree::empty().file("areas.toml", AUDIT_SCHEMA);
    let tree = valid()
        .file(
            "huitoukan.toml",
            &format!("{CAMPAIGN}schema = \"方案/areas.toml\"\n"),
        )
        .symlink(outside.path().to_str().expect("a UTF-8 path"), "方案");
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E026",
                "huitoukan.toml",
                4,
                10,
                "方案文件 \"方案/areas.toml\" 经过符号链接，不读取"
            ),
            found(
                "W006",
                "方案",
                1,
                1,
                "符号链接，已跳过（不读取根目录以外的内容）"
            ),
        ]
    );
}

#[test]
fn e026_campaign_schema_that_is_a_folder() {
    let tree = valid()
        .file("huitoukan.toml", &audit_campaign())
        .file("areas.toml/说明.txt", "");
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "huitoukan.toml",
            4,
            10,
            "方案文件 \"areas.toml\" 不是普通文件"
        )]
    );
}

#[test]
fn e019_self_check_report_with_a_colon_is_a_name_not_a_drive() {
    // Only one ASCII letter and a colon, then nothing or a separator, is a drive.
    for (report, code) in [
        ("a:b.md", None),
        ("省:b.md", None),
        ("ab:c.md", None),
        ("C:", Some("E020")),
        ("C:/报告.md", Some("E020")),
        ("c:\\\\报告.md", Some("E020")),
    ] {
        let tree = with_unit(&unit_with_self_check(&format!("report = \"{report}\"\n")));
        let codes: Vec<String> = check_json(&tree).into_iter().map(|d| d.0).collect();
        match code {
            Some(code) => assert_eq!(codes, [code], "{report}"),
            // On Windows a colon is no part of a file name, and the name leaves the folder.
            None if cfg!(windows) => assert_eq!(codes, ["E020"], "{report}"),
            None => {
                assert_eq!(codes, ["E019"], "{report} is looked for, not refused");
                let tree = tree.file(&format!("{ORG}/{report}"), "# 自查报告\n");
                assert_eq!(check_json(&tree), [], "{report}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One run, every problem, in order.

#[test]
fn several_errors_in_several_files_all_come_out_sorted_by_path() {
    // Written in the reverse of path order.
    let item = edit(ITEM, "area = 2", "area = 7");
    let tree = Tree::new()
        .unit(
            ORG,
            &edit(UNIT, "batch = 1\n", "batch = 1\nleader = \"张某某\"\n"),
        )
        .item(ORG, ITEM_NAME, &edit(&item, "\"未完成\"", "\"完成\""))
        .unit("杭州市", &edit(UNIT, "batch = 1", "batch = 3"))
        .unit("宁波市", &edit(UNIT, "领导班子", "领导"));
    assert_eq!(
        check_json(&tree)
            .into_iter()
            .map(|(code, file, line, _, _)| (code, file, line))
            .collect::<Vec<_>>(),
        [
            ("E005".to_owned(), "宁波市/unit.toml".to_owned(), 2),
            ("E005".to_owned(), "杭州市/unit.toml".to_owned(), 3),
            ("E008".to_owned(), ITEM_PATH.to_owned(), 2),
            ("E005".to_owned(), ITEM_PATH.to_owned(), 8),
            ("E002".to_owned(), UNIT_PATH.to_owned(), 4),
        ]
    );
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let tree = Tree::new()
        .unit(ORG, UNIT_PENDING)
        .unit("杭州市", UNIT_PENDING)
        .unit("宁波市", UNIT_PENDING)
        .item(ORG, "甲", &edit(ITEM, "area = 2", "area = 7"))
        .item("杭州市", "乙", &edit(ITEM, "area = 2", "area = 8"))
        .item("宁波市", "丙", &edit(ITEM, "area = 2", "area = 9"));
    let run = |threads: &str| {
        let mut cmd = tree.command(&["check", "--as-of", AS_OF]);
        cmd.env("RAYON_NUM_THREADS", threads);
        output(cmd)
    };
    let one = run("1");
    assert_eq!(one.code, 1);
    assert_eq!(
        one.stderr.matches("error[E008]").count(),
        3,
        "{}",
        one.stderr
    );
    assert_eq!(run("4").stderr, one.stderr);
}

// ---------------------------------------------------------------------------------------------
// Exit codes and the root.

#[test]
fn exit_0_when_clean() {
    let out = valid().run(&["check", "--as-of", AS_OF]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (0, "检查了3个文件：0个错误，0个警告\n")
    );
}

#[test]
fn exit_0_with_warnings() {
    let out = with_unit(UNIT_PENDING).run(&["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.starts_with("warning[W004]: "), "{}", out.stderr);
    assert!(
        out.stderr.ends_with("检查了3个文件：0个错误，1个警告\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn exit_1_with_warnings_and_deny_warnings() {
    let out = with_unit(UNIT_PENDING).run(&["check", "--as-of", AS_OF, "--deny-warnings"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.starts_with("warning[W004]: "), "{}", out.stderr);
}

#[test]
fn exit_0_with_deny_warnings_and_no_warning() {
    let out = valid().run(&["check", "--as-of", AS_OF, "--deny-warnings"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn exit_1_with_errors() {
    let out = with_item(&edit(ITEM, "area = 2", "area = 7")).run(&["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.starts_with("error[E008]: "), "{}", out.stderr);
    assert!(
        out.stderr.ends_with("检查了3个文件：1个错误，0个警告\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn exit_2_without_a_root() {
    let tree = Tree::empty().unit(ORG, UNIT);
    let out = tree.run(&["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: 在 . 及其上级文件夹中找不到 huitoukan.toml（台账根目录）\n  = help: 新建台账：`huitoukan init 文件夹`\n"
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn exit_2_without_a_root_in_english() {
    let out = Tree::empty().run(&["check", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no huitoukan.toml"), "{}", out.stderr);
    assert!(out.stderr.contains("huitoukan init"), "{}", out.stderr);
}

#[test]
fn exit_2_with_a_bad_as_of() {
    for bad in ["2015-02-30", "2015/03/10", "明天"] {
        let out = valid().run(&["check", "--as-of", bad]);
        assert_eq!(out.code, 2, "--as-of {bad}");
        assert!(
            out.stderr.contains(&format!(
                "error: 参数 --as-of <DATE> 的值 \"{bad}\" 无效：日期写作 年-月-日，如 2015-03-10"
            )),
            "{}",
            out.stderr
        );
        let out = valid().run(&["check", "--as-of", bad, "--lang", "en"]);
        assert_eq!(out.code, 2, "--as-of {bad} --lang en");
        assert!(
            out.stderr
                .contains(&format!("`{bad}` is not a date YYYY-MM-DD")),
            "{}",
            out.stderr
        );
        assert_eq!(out.stdout, "");
    }
}

#[test]
fn root_is_found_from_a_sub_folder() {
    let tree = with_item(&edit(ITEM, "area = 2", "area = 7"));
    let out = tree.run_in(
        "省直/省财政厅/items",
        &["check", "--format", "json", "--as-of", AS_OF],
    );
    assert_eq!(out.code, 1);
    let document: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(document["root"], "../../..");
    assert_eq!(document["diagnostics"][0]["file"], ITEM_PATH);

    let human = tree.run_in("省直/省财政厅/items", &["check", "--as-of", AS_OF]);
    assert!(
        human
            .stderr
            .contains(" --> ../../../省直/省财政厅/items/会议文件.toml:2:8\n"),
        "{}",
        human.stderr
    );
}

#[test]
fn root_is_found_above_the_path_given() {
    let tree = with_item(&edit(ITEM, "area = 2", "area = 7"));
    let out = tree.run(&["check", "省直", "--format", "json", "--as-of", AS_OF]);
    let document: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(document["root"], ".");
    assert_eq!(document["units"], 1);
    assert_eq!(document["diagnostics"][0]["file"], ITEM_PATH);
}

// ---------------------------------------------------------------------------------------------
// Formats.

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

// ---------------------------------------------------------------------------------------------
// Languages.

#[test]
fn lang_en_gives_english() {
    let tree = with_item(&edit(
        ITEM,
        "deadline = 2015-06-30",
        "deadline = \"2015-02-28\"",
    ));
    let found_all = diagnostics(&tree, &["--lang", "en"]);
    assert_eq!(
        found_all
            .iter()
            .map(|d| (d.code.as_str(), d.message.as_str(), d.help.as_deref()))
            .collect::<Vec<_>>(),
        [(
            "E006",
            "the date `deadline` is written as a string \"2015-02-28\"",
            Some("write a bare TOML date, without quotes: `deadline = 2015-02-28`")
        )]
    );
    let out = tree.run(&["check", "--as-of", AS_OF, "--lang", "en"]);
    assert!(
        out.stderr
            .ends_with("checked 3 files: 1 error, 0 warnings\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn lang_en_messages_of_several_codes() {
    let tree = Tree::new()
        .unit(ORG, &edit(UNIT, "batch = 1", "batch = 3"))
        .item(
            ORG,
            ITEM_NAME,
            &edit(ITEM, "title = \"文山会海问题有所反弹\"\n", ""),
        )
        .unit("杭州市", UNIT_PENDING);
    assert_eq!(
        check_json_with(&tree, &["--lang", "en"]),
        [
            found(
                "W004",
                "杭州市/unit.toml",
                1,
                1,
                "the due date 2015-02-28 has passed and no self-check is submitted"
            ),
            found("E003", ITEM_PATH, 1, 1, "missing required field `title`"),
            found(
                "E005",
                UNIT_PATH,
                3,
                9,
                "`batch` = 3 is not allowed; allowed values: 1 | 2"
            ),
        ]
    );
}

#[test]
fn huitoukan_lang_en_gives_english_and_lang_overrides_it() {
    let tree = with_unit(UNIT_PENDING);
    let mut english = tree.command(&["check", "--as-of", AS_OF]);
    english.env("HUITOUKAN_LANG", "en");
    let out = output(english);
    assert!(
        out.stderr.starts_with(
            "warning[W004]: the due date 2015-02-28 has passed and no self-check is submitted\n"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with("checked 3 files: 0 errors, 1 warning\n"),
        "{}",
        out.stderr
    );

    let mut chinese = tree.command(&["check", "--as-of", AS_OF, "--lang", "zh"]);
    chinese.env("HUITOUKAN_LANG", "en");
    let out = output(chinese);
    assert!(
        out.stderr.ends_with("检查了3个文件：0个错误，1个警告\n"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// A campaign with its own schema.

fn audit_tree(item: &str) -> Tree {
    Tree::new()
        .file("huitoukan.toml", &audit_campaign())
        .file("areas.toml", AUDIT_SCHEMA)
        .unit(ORG, AUDIT_UNIT)
        .item(ORG, ITEM_NAME, item)
}

#[test]
fn own_schema_areas_and_points_are_used() {
    let item = edit(ITEM, "points = [\"2.1\"]", "points = [\"A.2\"]");
    let tree = audit_tree(&item);
    let document = check_document(&tree, &[]);
    assert_eq!(document["diagnostics"], Value::Array(vec![]));
    assert_eq!(document["files"], 4, "the schema file is read, as a schema");
    assert_eq!(document["items"], 1, "the schema file is no item");
}

#[test]
fn own_schema_unknown_area_lists_its_areas() {
    let item = edit(ITEM, "points = [\"2.1\"]", "points = [\"A.2\"]");
    let tree = audit_tree(&edit(&item, "area = 2", "area = 5"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E008",
            ITEM_PATH,
            2,
            8,
            "内容方面 `area = 5` 不在方案中；可选：1 | 2"
        )]
    );
}

#[test]
fn own_schema_makes_the_builtin_points_unknown() {
    let unit = format!("{AUDIT_UNIT}\"1.1\" = \"是\"\n");
    let tree = audit_tree(ITEM).unit(ORG, &unit);
    assert_eq!(
        check_json(&tree),
        [
            found("E008", ITEM_PATH, 3, 11, "检查要点 \"2.1\" 不在方案中"),
            found("E008", UNIT_PATH, 11, 1, "检查要点 \"1.1\" 不在方案中"),
        ]
    );
}

#[test]
fn own_schema_unanswered_points_are_its_own() {
    let unit = edit(AUDIT_UNIT, "\"A.2\" = \"是\"\n", "");
    let item = edit(ITEM, "points = [\"2.1\"]", "points = [\"A.2\"]");
    let tree = audit_tree(&item).unit(ORG, &unit);
    assert_eq!(
        check_json(&tree),
        [found(
            "E018",
            UNIT_PATH,
            8,
            1,
            "自查已报送，但以下适用的检查要点未逐项说明：A.2"
        )]
    );
}

// ---------------------------------------------------------------------------------------------
// The example tree and the documentation.

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

// ---------------------------------------------------------------------------------------------
// `check PATH`: the path must exist; below the root, only its files are shown.

#[test]
fn check_of_a_path_that_does_not_exist_exits_2() {
    let tree = valid();
    let out = tree.run(&["check", "省值", "--as-of", AS_OF]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (2, "", "error: 省值 不存在\n")
    );
    let out = tree.run(&["check", "省值", "--as-of", AS_OF, "--lang", "en"]);
    assert_eq!(out.stderr, "error: 省值 does not exist\n");
    // `..` cannot climb above the root either.
    let out = tree.run(&["check", "省直/../..", "--as-of", AS_OF]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

/// Two units, each with one item that is wrong (E008), and a unit with a warning.
fn two_cities() -> Tree {
    Tree::new()
        .unit("杭州市", UNIT)
        .item("杭州市", "a", &edit(ITEM, "area = 2", "area = 9"))
        .unit("宁波市", UNIT)
        .item("宁波市", "b", &edit(ITEM, "area = 2", "area = 9"))
        .unit("宁波市/余姚市", UNIT_PENDING)
}

#[test]
fn check_of_a_folder_shows_counts_and_fails_on_its_own_files() {
    let tree = two_cities();
    let whole = check_json(&tree);
    assert_eq!(whole.len(), 3, "{whole:?}");

    let document = check_document(&tree, &["宁波市"]);
    let files: Vec<&str> = document["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["file"].as_str().expect("file"))
        .collect();
    assert_eq!(files, ["宁波市/items/b.toml", "宁波市/余姚市/unit.toml"]);
    assert_eq!(
        (document["errors"].as_u64(), document["warnings"].as_u64()),
        (Some(1), Some(1))
    );

    // The rules still ran on the whole tree; what is shown decides the exit code.
    let out = tree.run(&["check", "宁波市/余姚市", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.starts_with("warning[W004]: "), "{}", out.stderr);
    assert!(
        out.stderr.ends_with(
            "检查了6个文件：0个错误，1个警告\nnote: 只列出 宁波市/余姚市 下的文件；台账其余文件另有2个错误、0个警告\n"
        ),
        "{}",
        out.stderr
    );
    // A single file, named from a folder below the root.
    let out = tree.run_in("杭州市", &["check", "items/a.toml", "--as-of", AS_OF]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("--> ../杭州市/items/a.toml:2:8"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("b.toml"), "{}", out.stderr);
}

#[test]
fn check_of_a_folder_still_shows_the_campaign_files_errors() {
    let tree = two_cities().file("huitoukan.toml", &format!("{CAMPAIGN}colour = \"红\"\n"));
    let document = check_document(&tree, &["宁波市/余姚市"]);
    let codes: Vec<(&str, &str)> = document["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().expect("code"),
                d["file"].as_str().expect("file"),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("E002", "huitoukan.toml"),
            ("W004", "宁波市/余姚市/unit.toml")
        ]
    );
}

#[test]
fn deny_warnings_says_the_warnings_are_why_it_failed() {
    let tree = with_unit(UNIT_PENDING);
    let out = tree.run(&["check", "--as-of", AS_OF, "--deny-warnings"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.ends_with(
            "检查了3个文件：0个错误，1个警告\nerror: 检查未通过：有1个警告，且指定了 `--deny-warnings`\n"
        ),
        "{}",
        out.stderr
    );
    let out = tree.run(&["check", "--as-of", AS_OF, "--deny-warnings", "--lang", "en"]);
    assert!(
        out.stderr
            .ends_with("error: the check fails on 1 warning because of `--deny-warnings`\n"),
        "{}",
        out.stderr
    );
    // A machine format keeps its stdout; the reason goes to stderr for the CI log.
    let out = tree.run(&[
        "check",
        "--as-of",
        AS_OF,
        "--deny-warnings",
        "--format",
        "github",
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.starts_with("::warning "), "{}", out.stdout);
    assert_eq!(
        out.stderr,
        "error: 检查未通过：有1个警告，且指定了 `--deny-warnings`\n"
    );
    // With errors the errors are why; nothing more is said.
    let out = two_cities().run(&["check", "--as-of", AS_OF, "--deny-warnings"]);
    assert_eq!(out.code, 1);
    assert!(!out.stderr.contains("--deny-warnings"), "{}", out.stderr);
}
