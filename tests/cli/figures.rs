//! The figures a 情况报告 quotes (SPEC §14): 按期完成, sources, 个人整改, batches, reviews by
//! kind, 建章立制 and the 满意度测评, with exact numbers, as of a date with facts after it.

use serde_json::{Value, json};

use crate::harness::{AS_OF, CAMPAIGN, ITEM, Tree, UNIT, edit};

/// An item due `deadline`, in `status`, completed on `completed` where given, with `extra`
/// lines.
fn item(deadline: &str, status: &str, completed: Option<&str>, extra: &str) -> String {
    let mut text = edit(
        ITEM,
        "deadline = 2015-06-30",
        &format!("deadline = {deadline}"),
    );
    text = edit(
        &text,
        "status = \"未完成\"",
        &format!("status = \"{status}\""),
    );
    if let Some(on) = completed {
        text.push_str(&format!(
            "completed_on = {on}\nsatisfaction = \"满意\"\nevidence = [\"会议纪要\"]\n"
        ));
    }
    text + extra
}

/// 省财政厅 (batch 1): one item done on time, one 新发现 done late, one open and due, one
/// personal item not yet due; two reviews, four institutions, two assessments (one of each
/// dated after the as-of date). 杭州市 (batch 2): one item done on time.
fn tree() -> Tree {
    let campaign = format!("{CAMPAIGN}opened_on = 2015-01-15\n");
    let plans = "
[[review]]
kind = \"督导组检查\"
on = 2015-02-15
result = \"通过\"

[[review]]
kind = \"领导检查\"
on = 2015-02-26
result = \"查漏补缺\"

[[institution]]
name = \"会议计划管理办法\"
kind = \"新建\"
planned_by = 2015-02-28
issued_on = 2015-02-20

[[institution]]
name = \"发文审核规定\"
kind = \"修订\"
planned_by = 2015-03-01

[[institution]]
name = \"专项资金管理办法\"
kind = \"新建\"
planned_by = 2015-06-30

[[institution]]
name = \"因素法分配办法\"
kind = \"新建\"
planned_by = 2015-04-30
issued_on = 2015-03-20

[[assessment]]
on = 2015-03-05
participants = 100
satisfied = 80
basically_satisfied = 15
unsatisfied = 5

[[assessment]]
on = 2015-03-20
participants = 50
satisfied = 10
basically_satisfied = 10
unsatisfied = 30
";
    let unit = format!("{UNIT}{plans}");
    let city = edit(&second_batch(UNIT), "中共浙江省财政厅党组", "中共杭州市委");
    let org = "省直/省财政厅";
    Tree::new()
        .file("huitoukan.toml", &campaign)
        .unit(org, &unit)
        .item(
            org,
            "按期",
            &item("2015-01-31", "已完成", Some("2015-01-20"), ""),
        )
        .item(
            org,
            "逾期完成",
            &edit(
                &item(
                    "2015-01-31",
                    "已完成",
                    Some("2015-02-10"),
                    "found_on = 2015-01-20\n",
                ),
                "source = \"整改方案\"",
                "source = \"新发现\"",
            ),
        )
        .item(org, "到期未完成", &item("2015-02-28", "未完成", None, ""))
        .item(
            org,
            "个人",
            &item(
                "2015-06-30",
                "未完成",
                None,
                "owner = \"个人\"\nperson = \"钱某某\"\n",
            ),
        )
        .unit("杭州市", &city)
        .item(
            "杭州市",
            "按期",
            &item("2015-01-31", "已完成", Some("2015-01-25"), ""),
        )
}

/// `unit` of the second batch, answering the points of a second-batch 领导班子 (3.3, not 3.2).
fn second_batch(unit: &str) -> String {
    edit(
        &edit(unit, "batch = 1", "batch = 2"),
        "\"3.2\" = \"是\"",
        "\"3.3\" = \"是\"",
    )
}

#[test]
fn every_figure_counts_as_of_the_date() {
    let tree = tree();
    let check = tree.run(&["check", "--as-of", AS_OF]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let out = tree.run(&["report", "--format", "json", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let t = &report["totals"];
    // Due by 3月10日: the two done, the one done late and the one open; the personal item is not.
    assert_eq!(
        (&t["due_items"], &t["due_on_time"], &t["done_late"]),
        (&json!(4), &json!(2), &json!(1))
    );
    assert_eq!(t["on_time_rate"], json!(0.5));
    assert_eq!(
        t["by_source"],
        json!({"整改方案": 4, "专项整治": 0, "新发现": 1, "督查反馈": 0, "上级交办": 0, "群众反映": 0})
    );
    assert_eq!(t["personal"], 1);
    assert_eq!(
        t["by_batch"],
        json!({"1": {"units": 1, "items": 4}, "2": {"units": 1, "items": 1}})
    );
    assert_eq!(
        t["reviews"]["督导组检查"],
        json!({"units": 1, "通过": 1, "退回": 0, "查漏补缺": 0})
    );
    assert_eq!(
        t["reviews"]["领导检查"],
        json!({"units": 1, "通过": 0, "退回": 0, "查漏补缺": 1})
    );
    // The institution issued on 3月20日 was not issued yet on 3月10日; 发文审核规定 was due
    // on 3月1日 and is overdue.
    assert_eq!(
        t["institutions"],
        json!({"planned": 4, "issued": 1, "overdue": 1, "新建": 3, "修订": 1, "废止": 0})
    );
    // The assessment of 3月20日 had not been held.
    assert_eq!(
        t["assessment"],
        json!({"participants": 100, "satisfied": 80, "basically_satisfied": 15, "unsatisfied": 5})
    );
    assert_eq!(t["assessment_rate"], json!(0.95));
    assert_eq!(report["after_as_of"], 2);
    // The figures of a unit are its own; the org's add up.
    let units = report["units"].as_array().expect("units");
    let city = units.iter().find(|u| u["org"] == "杭州市").expect("杭州市");
    assert_eq!(city["totals"]["due_on_time"], 1);

    // The office's sentences, nought left out.
    let out = tree.run(&["report", "--format", "md", "--as-of", AS_OF]);
    for line in [
        "到期事项4个，按期完成2个，按期完成率50.0%；逾期完成1个。",
        "按问题来源：整改方案4个、新发现问题纳入整改1个。",
        "其中班子成员个人整改事项1个。",
        "第一批活动单位1个、整改问题4个；第二批活动单位1个、整改问题1个。",
        "审核检查：督导组检查1个单位（通过1次）；领导检查1个单位（查漏补缺1次）。",
        "建章立制4项（新建3项、修订1项），计划书应出台4项、已出台1项，逾期未出台1项。",
        "满意度测评：参加测评100人，满意80票、基本满意15票、不满意5票，测评满意率95.0%。",
    ] {
        assert!(
            out.stdout.contains(&format!("\n{line}\n")),
            "{line}\n{}",
            out.stdout
        );
    }
    // A public report keeps the figures but not the reviews, which are process.
    let out = tree.run(&["report", "--format", "md", "--as-of", AS_OF, "--public"]);
    assert!(out.stdout.contains("测评满意率95.0%"), "{}", out.stdout);
    assert!(!out.stdout.contains("审核检查"), "{}", out.stdout);

    // A stored report read back gives the same figures, for the whole and for a part.
    let out = tree.run(&[
        "report", "--format", "json", "--as-of", AS_OF, "--output", "r.json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let again = tree.run(&[
        "report", "--from", "r.json", "--format", "json", "--org", "省直",
    ]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    let part: Value = serde_json::from_str(&again.stdout).expect("JSON");
    assert_eq!(part["totals"]["institutions"]["planned"], 4);
    assert_eq!(part["totals"]["due_items"], 3);
}

#[test]
fn votes_past_the_participants_and_a_batch_two_guidance_are_errors() {
    let unit = format!(
        "{}\n[[review]]\nkind = \"督导组检查\"\non = 2015-02-15\nresult = \"通过\"\n\n\
         [[assessment]]\non = 2015-03-05\nparticipants = 10\nsatisfied = 8\n\
         basically_satisfied = 2\nunsatisfied = 1\n",
        second_batch(UNIT)
    );
    let tree = Tree::new()
        .file("huitoukan.toml", CAMPAIGN)
        .unit("杭州市", &unit);
    let found = crate::harness::check_json(&tree);
    let codes: Vec<(&str, usize)> = found.iter().map(|f| (f.0.as_str(), f.2)).collect();
    assert_eq!(codes, [("E038", 35), ("E037", 41)], "{found:?}");
}

#[test]
fn the_linked_items_are_counted_by_status_before_their_lists() {
    let example = crate::html::example();
    let out = Tree::empty().run(&[
        "report",
        example.to_str().expect("a UTF-8 path"),
        "--as-of",
        AS_OF,
        "--format",
        "md",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "## 七、上下联动事项（按牵头单位）\n\n需上级牵头联动整改的事项2个（未完成2个）。\n\n### 牵头单位："
        ),
        "{}",
        out.stdout
    );
}
