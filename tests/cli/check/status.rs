//! `huitoukan check`: E010–E013: what a status and a source need.

use super::*;

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
fn e012_completed_on_a_day_yet_to_come() {
    let tree = with_item(&item_with_status(
        "status = \"已完成\"\ncompleted_on = 2099-03-11\nevidence = [\"会议纪要\"]\n",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "E012",
            ITEM_PATH,
            9,
            16,
            "`completed_on` 的日期2099年3月11日还没有到"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "记录写的是已经发生的事：改正日期；计划中的日期写在 deadline 或 rectify_by".to_owned()
        )]
    );
}

#[test]
fn e012_every_date_of_a_unit_yet_to_come() {
    let unit = edit(
        UNIT,
        "meeting_on = 2015-01-20\nsubmitted_on = 2015-02-10\n",
        "meeting_on = 2099-01-20\nsubmitted_on = 2099-02-10\n",
    );
    // As of 10 March the unit had not submitted (W004); the dates themselves are wrong (E012).
    let found_all = check_json(&with_unit(&unit));
    assert_eq!(
        found_all,
        [
            found(
                "W004",
                UNIT_PATH,
                5,
                1,
                "报送时限2015年2月28日已过，尚未报送自查报告"
            ),
            found(
                "E012",
                UNIT_PATH,
                6,
                14,
                "`self_check.meeting_on` 的日期2099年1月20日还没有到"
            ),
            found(
                "E012",
                UNIT_PATH,
                7,
                16,
                "`self_check.submitted_on` 的日期2099年2月10日还没有到"
            ),
        ]
    );
}

#[test]
fn a_completion_after_the_as_of_date_is_set_aside_not_wrong() {
    // Completed on 11 March: on 10 March the item was still open, and is judged so.
    let tree = with_item(&item_with_status(
        "status = \"已完成\"\ncompleted_on = 2015-03-11\nevidence = [\"会议纪要\"]\n",
    ));
    assert_eq!(check_json(&tree), []);
    let out = tree.run(&["report", "--format", "json", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["after_as_of"], 1);
    assert_eq!(report["totals"]["done"], 0);
    assert_eq!(report["totals"]["open"], 1);
    let on_the_day = tree.run(&["report", "--format", "json", "--as-of", "2015-03-11"]);
    let report: Value = serde_json::from_str(&on_the_day.stdout).expect("JSON");
    assert_eq!(report["after_as_of"], 0);
    assert_eq!(report["totals"]["done"], 1);
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

#[test]
fn e010_ineffective_without_responsible_or_measures() {
    let ineffective = edit(
        &edit(ITEM, "responsible = \"办公室\"\n", ""),
        "measures = [\"实行会议计划管理\"]\n",
        "",
    );
    let tree = with_item(&edit(
        &ineffective,
        "status = \"未完成\"\n",
        "status = \"效果不理想\"\nrectify_by = 2015-04-30\n",
    ));
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E010",
                ITEM_PATH,
                6,
                10,
                "状态为效果不理想的事项必须填写 `responsible`"
            ),
            found(
                "E010",
                ITEM_PATH,
                6,
                10,
                "状态为效果不理想的事项必须填写 `measures`"
            ),
        ]
    );
}
