//! `--as-of` is a snapshot (SPEC §14): a tree judged as of a day is the same tree with every
//! fact dated after that day removed by hand, in every count, list and warning.

use serde_json::Value;

use crate::harness::{CAMPAIGN, Tree};

const DAY: &str = "2015-02-28";

/// A unit that submitted in time; in `later`, a review after the day returned its report.
fn unit_one(later: bool) -> String {
    let mut text = "name = \"中共浙江省财政厅党组\"\ncategory = \"领导班子\"\nbatch = 1\n\n[self_check]\nmeeting_on = 2015-01-20\nsubmitted_on = 2015-02-10\n\n[self_check.answers]\n".to_owned();
    for point in [
        "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "4.1", "4.2", "4.3",
        "5.1", "5.2", "5.3", "6.1", "6.2", "6.3", "6.4", "L.1", "L.2", "L.3",
    ] {
        text.push_str(&format!("\"{point}\" = \"是\"\n"));
    }
    if later {
        text.push_str(
            "\n[[review]]\nkind = \"督查组审核\"\nby = \"省委第三督查组\"\non = 2015-03-09\nresult = \"退回\"\n",
        );
    }
    text
}

/// A unit that, in `later`, met and submitted only in March.
fn unit_two(later: bool) -> String {
    let mut text =
        "name = \"中共浙江省民政厅党组\"\ncategory = \"领导班子\"\nbatch = 1\n".to_owned();
    if later {
        text.push_str("\n[self_check]\nmeeting_on = 2015-03-01\nsubmitted_on = 2015-03-02\n");
        for point in [
            "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "4.1", "4.2",
            "4.3", "5.1", "5.2", "5.3", "6.1", "6.2", "6.3", "6.4", "L.1", "L.2", "L.3",
        ] {
            if point == "1.1" {
                text.push_str("\n[self_check.answers]\n");
            }
            text.push_str(&format!("\"{point}\" = \"是\"\n"));
        }
    }
    text
}

const ITEM_HEAD: &str = "title = \"文山会海问题有所反弹\"\narea = 2\npoints = [\"2.1\"]\nsource = \"整改方案\"\nmeasures = [\"实行会议计划管理\"]\nresponsible = \"办公室\"\n";

/// Done on 5 March, assessed and struck off on 8 March, due 20 February: on the day, open and
/// overdue.
fn done_later(later: bool) -> String {
    if later {
        format!(
            "{ITEM_HEAD}deadline = 2015-02-20\nstatus = \"已完成\"\ncompleted_on = 2015-03-05\nevidence = [\"会议纪要\"]\nsatisfaction = \"满意\"\n\n[closure]\napproved_by = \"省委整改办\"\napproved_on = 2015-03-08\n"
        )
    } else {
        format!(
            "{ITEM_HEAD}deadline = 2015-02-20\nstatus = \"未完成\"\nevidence = [\"会议纪要\"]\n"
        )
    }
}

/// Open, with progress in February and, `later`, in March.
fn progressing(later: bool) -> String {
    let mut text = format!(
        "{ITEM_HEAD}deadline = 2015-06-30\nstatus = \"未完成\"\n\n[[progress]]\non = 2015-02-10\ntext = \"制定会议计划\"\n"
    );
    if later {
        text.push_str("\n[[progress]]\non = 2015-03-03\ntext = \"会议数量下降三成\"\n");
    }
    text
}

const FOUND_LATER: &str = "title = \"基层反映办事难\"\narea = 4\npoints = [\"4.1\"]\nsource = \"新发现\"\nfound_on = 2015-03-04\nmeasures = [\"开通办事热线\"]\nresponsible = \"办公室\"\ndeadline = 2015-05-31\nstatus = \"未完成\"\n";

fn tree(later: bool) -> Tree {
    let campaign = format!("{CAMPAIGN}opened_on = 2015-01-15\nprogress_every = 30\n");
    let tree = Tree::empty()
        .file("huitoukan.toml", &campaign)
        .unit("省直/省财政厅", &unit_one(later))
        .unit("省直/省民政厅", &unit_two(later))
        .item("省直/省财政厅", "会议", &done_later(later))
        .item("省直/省民政厅", "文件", &progressing(later));
    if later {
        tree.item("省直/省民政厅", "办事难", FOUND_LATER)
    } else {
        tree
    }
}

fn report(tree: &Tree) -> Value {
    let out = tree.run(&["report", "--format", "json", "--as-of", DAY]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut value: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let object = value.as_object_mut().expect("an object");
    object.remove("source");
    value
}

/// The warnings, without their lines (the files differ in length): code, file, message.
fn warnings(tree: &Tree) -> Vec<(String, String, String)> {
    let out = tree.run(&["check", "--format", "json", "--as-of", DAY]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let value: Value = serde_json::from_str(&out.stdout).expect("JSON");
    value["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let text = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
            (text("code"), text("file"), text("message"))
        })
        .collect()
}

#[test]
fn a_tree_as_of_a_day_is_the_tree_without_what_came_after() {
    let (later, by_hand) = (tree(true), tree(false));
    let mut snapshot = report(&later);
    let expected = report(&by_hand);
    // A review, a meeting, a submission, a completion, a closure, a progress entry, a problem
    // found later.
    assert_eq!(snapshot["after_as_of"], 7);
    assert_eq!(expected["after_as_of"], 0);
    snapshot["after_as_of"] = Value::from(0);
    assert_eq!(snapshot, expected);
    // The figures of that day: two units, one submitted and one not yet due; two items, both
    // open, one overdue; nothing assessed or struck off.
    let totals = &snapshot["totals"];
    assert_eq!(
        [
            &totals["units"],
            &totals["items"],
            &totals["done"],
            &totals["open"],
            &totals["overdue"],
            &totals["closed"],
            &totals["assessed"],
        ],
        [2, 2, 0, 2, 1, 0, 0].map(Value::from).each_ref()
    );
    assert_eq!(
        totals["self_check"],
        serde_json::json!({"submitted": 1, "late": 0, "returned": 0, "pending": 1, "missing": 0})
    );
    assert_eq!(warnings(&later), warnings(&by_hand));
    // The human formats say what they set aside.
    let out = later.run(&["report", "--format", "md", "--as-of", DAY]);
    assert!(
        out.stdout.contains(
            "本报告按截至2015年2月28日台账的情况统计：此后的7项记录（完成、进展、报送、审核等）未计入"
        ),
        "{}",
        out.stdout
    );
    // The opening paragraph of that day, as an office writes it: no figure of nought.
    let out = later.run(&["report", "--format", "html", "--as-of", DAY]);
    assert!(
        out.stdout.contains(
            "<p class=\"summary\">截至2015年2月28日，各单位共有报送单位2个，梳理整改问题2个，已完成0个（占0.0%），未完成2个；其中逾期未完成1个。自查报告按时报送1个，尚未到报送时限1个。</p>"
        ),
        "{}",
        out.stdout
    );
    // A day later than every fact, nothing is set aside.
    let out = later.run(&["report", "--format", "json", "--as-of", "2015-03-10"]);
    let value: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(value["after_as_of"], 0);
    assert_eq!(value["totals"]["done"], 1);
    assert_eq!(value["totals"]["self_check"]["returned"], 1);
}

#[test]
fn a_trend_row_is_the_report_as_of_its_day() {
    // The example, committed before the returns and completions of March that it records.
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/zhejiang-2015");
    let tree = crate::harness::copy_at(&example, "");
    crate::harness::commit_all(tree.path(), "2015-02-26T10:00:00+08:00", "报送");
    let out = tree.run(&["trend", "--every", "week", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let trend: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let rows = trend["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 1, "{trend}");
    let report = tree.run(&["report", "--format", "json", "--as-of", "2015-03-01"]);
    let report: Value = serde_json::from_str(&report.stdout).expect("JSON");
    assert_eq!(report["after_as_of"], 9);
    // The review of 9 March had not returned anything on 1 March.
    assert_eq!(report["totals"]["self_check"]["returned"], 0);
    for key in ["items", "done", "open", "overdue", "closed", "self_check"] {
        assert_eq!(rows[0]["totals"][key], report["totals"][key], "{key}");
    }
}
