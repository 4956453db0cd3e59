//! Reporting units (报送单位, SPEC §14) and the 通报 lists of the plan (三): who reports to the
//! report's org, what their self-checks count, and whom the office is asked to talk to or
//! commend.

use serde_json::Value;

use crate::harness::{CAMPAIGN, ITEM, Tree, UNIT, edit};

/// A unit of `name` and `category` that submitted its self-check on `submitted` (or not at
/// all), with `extra` lines (`reports_to`, `principal`) after its batch and `tail` (reviews)
/// at its end.
fn unit(name: &str, category: &str, submitted: Option<&str>, extra: &str, tail: &str) -> String {
    let head = format!("name = \"{name}\"\ncategory = \"{category}\"\nbatch = 1\n{extra}\n");
    let Some(on) = submitted else {
        return format!("{head}{tail}");
    };
    let body = edit(
        UNIT,
        "submitted_on = 2015-02-10",
        &format!("submitted_on = {on}"),
    );
    let body = body
        .split_once("\n\n")
        .map(|(_, rest)| rest.to_owned())
        .unwrap_or_default();
    format!("{head}\n{body}{tail}")
}

/// An item with `status`, `satisfaction` and `deadline` (one of the three may be the
/// template's).
fn item(status: &str, satisfaction: Option<&str>, deadline: &str) -> String {
    let mut text = edit(
        ITEM,
        "status = \"未完成\"",
        &format!("status = \"{status}\""),
    );
    text = edit(
        &text,
        "deadline = 2015-06-30",
        &format!("deadline = {deadline}"),
    );
    if status != "未完成" {
        text.push_str("completed_on = 2015-01-30\n");
    }
    if status == "已完成" {
        text.push_str("evidence = [\"会议计划\"]\n");
    }
    if status == "基本完成" {
        text.push_str("consolidation = \"年底前评估\"\n");
    }
    if status == "效果不理想" || satisfaction == Some("不满意") {
        text.push_str("rectify_by = 2015-06-30\n");
    }
    if let Some(s) = satisfaction {
        text.push_str(&format!("satisfaction = \"{s}\"\n"));
    }
    text
}

const RETURNED: &str = "\n[[review]]\nkind = \"督查组审核\"\nby = \"省委第一督查组\"\non = 2015-03-05\nresult = \"退回\"\n";

/// A 市委 (late, then returned) with a 县委 (on time) below it and a 村党委 and a 社区党委
/// (neither submitted) below that; and 省直, a folder, with three units that name the office:
/// 省财政厅 (on time, one item mostly done but 不满意), 省民政厅 (on time, every item done and
/// satisfied) and 省交通运输厅 (on time, one item overdue); below 省民政厅 a unit that names
/// it and the office's 督导组, not the office.
fn tree() -> Tree {
    let cun = "基层党组织";
    Tree::new()
        .file("huitoukan.toml", CAMPAIGN)
        .unit(
            "杭州市",
            &unit(
                "中共杭州市委",
                "领导班子",
                Some("2015-03-02"),
                "reports_to = \"省委第一督查组\"\nprincipal = \"甲某某\"",
                RETURNED,
            ),
        )
        .item("杭州市", "a", &item("已完成", Some("满意"), "2015-01-31"))
        .unit(
            "杭州市/西湖区",
            &unit(
                "中共杭州市西湖区委",
                "领导班子",
                Some("2015-02-10"),
                "reports_to = \"中共杭州市委\"\nprincipal = \"乙某某\"",
                "",
            ),
        )
        .item(
            "杭州市/西湖区",
            "a",
            &item("已完成", Some("满意"), "2015-01-31"),
        )
        .unit(
            "杭州市/西湖区/双流村",
            &unit(
                "中共杭州市西湖区双流村委员会",
                cun,
                None,
                "reports_to = \"西湖区\"\nprincipal = \"丙某某\"",
                "",
            ),
        )
        .item(
            "杭州市/西湖区/双流村",
            "a",
            &item("未完成", None, "2015-06-30"),
        )
        .unit(
            "杭州市/西湖区/象山社区",
            &unit(
                "中共杭州市西湖区象山社区委员会",
                cun,
                None,
                "principal = \"丁某某\"",
                "",
            ),
        )
        .unit(
            "省直/省财政厅",
            &unit(
                "中共浙江省财政厅党组",
                "领导班子",
                Some("2015-02-10"),
                "reports_to = [\"省委整改办\", \"省委第三督导组\"]\nprincipal = \"孙某某\"",
                "",
            ),
        )
        .item(
            "省直/省财政厅",
            "a",
            &item("已完成", Some("满意"), "2015-01-31"),
        )
        .item(
            "省直/省财政厅",
            "b",
            &item("基本完成", Some("不满意"), "2015-01-31"),
        )
        .unit(
            "省直/省民政厅",
            &unit(
                "中共浙江省民政厅党组",
                "领导班子",
                Some("2015-02-11"),
                "reports_to = \"省委整改办\"\nprincipal = \"李某某\"",
                "",
            ),
        )
        .item(
            "省直/省民政厅",
            "a",
            &item("已完成", Some("满意"), "2015-01-31"),
        )
        .item(
            "省直/省民政厅",
            "b",
            &item("基本完成", Some("基本满意"), "2015-01-31"),
        )
        .unit(
            "省直/省民政厅/福利院",
            &unit(
                "中共浙江省社会福利院委员会",
                "领导班子",
                Some("2015-03-03"),
                "reports_to = [\"省民政厅\", \"省委第三督导组\"]\nprincipal = \"周某某\"",
                "",
            ),
        )
        .unit(
            "省直/省交通运输厅",
            &unit(
                "中共浙江省交通运输厅党组",
                "领导班子",
                Some("2015-02-12"),
                "reports_to = \"省委整改办\"\nprincipal = \"吴某某\"",
                "",
            ),
        )
        .item(
            "省直/省交通运输厅",
            "a",
            &item("未完成", None, "2015-02-15"),
        )
}

fn report(tree: &Tree, args: &[&str]) -> Value {
    let mut all = vec!["report", "--format", "json", "--as-of", "2015-03-10"];
    all.extend_from_slice(args);
    let out = tree.run(&all);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

/// `[units, reporting_units, late_filed]` and the reporting units' self-check states
/// `[submitted, late, returned, pending, missing]`.
fn reporting(totals: &Value) -> ([u64; 3], [u64; 5]) {
    let n = |v: &Value| v.as_u64().unwrap_or_else(|| panic!("a count in {totals}"));
    (
        ["units", "reporting_units", "late_filed"].map(|k| n(&totals[k])),
        ["submitted", "late", "returned", "pending", "missing"]
            .map(|k| n(&totals["reporting_self_check"][k])),
    )
}

fn child<'v>(report: &'v Value, org: &str) -> &'v Value {
    report["children"]
        .as_array()
        .expect("children")
        .iter()
        .find(|c| c["org"] == org)
        .map(|c| &c["totals"])
        .unwrap_or_else(|| panic!("{org} among the children"))
}

fn unit_totals<'v>(report: &'v Value, org: &str) -> &'v Value {
    report["units"]
        .as_array()
        .expect("units")
        .iter()
        .find(|u| u["org"] == org)
        .map(|u| &u["totals"])
        .unwrap_or_else(|| panic!("{org} among the units"))
}

#[test]
fn the_whole_tree_counts_the_units_that_report_to_the_office() {
    let tree = tree();
    let whole = report(&tree, &[]);
    // 8 units; 4 report to the office: 杭州市委 (no unit above it) and the three 省直 units
    // that name it. 福利院 reports to 省民政厅, the 县委 to the 市委, the 村 and 社区 to the 县委.
    assert_eq!(reporting(&whole["totals"]), ([8, 4, 1], [3, 0, 1, 0, 0]));
    // Every unit's self-check still counts in `self_check`: 4 on time, 1 late, 1 returned, 2 missing.
    let all = ["submitted", "late", "returned", "pending", "missing"]
        .map(|k| whole["totals"]["self_check"][k].as_u64().expect("a count"));
    assert_eq!(all, [4, 1, 1, 0, 2]);
    // Items still cover every unit.
    assert_eq!(whole["totals"]["items"], 8);
    assert_eq!(
        reporting(child(&whole, "杭州市")),
        ([4, 1, 1], [0, 0, 1, 0, 0])
    );
    assert_eq!(
        reporting(child(&whole, "省直")),
        ([4, 3, 0], [3, 0, 0, 0, 0])
    );
    // A unit's totals count it when it is a reporting unit of the report.
    assert_eq!(
        reporting(unit_totals(&whole, "杭州市")),
        ([1, 1, 1], [0, 0, 1, 0, 0])
    );
    assert_eq!(
        reporting(unit_totals(&whole, "杭州市/西湖区")),
        ([1, 0, 0], [0, 0, 0, 0, 0])
    );
}

#[test]
fn an_org_that_is_a_unit_counts_the_units_that_report_to_it() {
    let tree = tree();
    // 杭州市委's report: the 县委 reports to it; the 市委 itself does not.
    let city = report(&tree, &["--org", "杭州市"]);
    assert_eq!(reporting(&city["totals"]), ([4, 1, 0], [1, 0, 0, 0, 0]));
    assert_eq!(reporting(&city["own"]), ([1, 0, 0], [0, 0, 0, 0, 0]));
    // 西湖区委's: the 村 (by its folder name) and the 社区 (the unit above it), both missing.
    let county = report(&tree, &["--org", "西湖区"]);
    assert_eq!(reporting(&county["totals"]), ([3, 2, 0], [0, 0, 0, 0, 2]));
    // 省直 is a folder: the whole tree's reporting units below it, not 福利院.
    let folder = report(&tree, &["--org", "省直"]);
    assert_eq!(reporting(&folder["totals"]), ([4, 3, 0], [3, 0, 0, 0, 0]));
    // 省民政厅's: 福利院, late.
    let bureau = report(&tree, &["--org", "省直/省民政厅"]);
    assert_eq!(reporting(&bureau["totals"]), ([2, 1, 1], [0, 1, 0, 0, 0]));
}

#[test]
fn a_unit_below_another_reports_to_the_office_it_names() {
    // 福利院 reports to 省民政厅 and, 同时分别报, to the office: a reporting unit of the whole
    // tree, late (3月3日).
    let names_office = unit(
        "中共浙江省社会福利院委员会",
        "领导班子",
        Some("2015-03-03"),
        "reports_to = [\"省民政厅\", \"省委整改办\"]",
        "",
    );
    let tree = tree().unit("省直/省民政厅/福利院", &names_office);
    let whole = report(&tree, &[]);
    assert_eq!(reporting(&whole["totals"]), ([8, 5, 2], [3, 1, 1, 0, 0]));
    // An office of another name (`campaign.office`): 福利院 names no office it reports to.
    let tree = tree.file(
        "huitoukan.toml",
        &format!("{CAMPAIGN}office = \"省委教育实践活动领导小组办公室\"\n"),
    );
    let whole = report(&tree, &[]);
    assert_eq!(reporting(&whole["totals"]), ([8, 4, 1], [3, 0, 1, 0, 0]));
}

#[test]
fn stored_reports_count_the_reporting_units_of_the_org_asked_for() {
    let tree = tree();
    let out = tree.run(&["report", "--format", "json", "--as-of", "2015-03-10"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let stored = tree.join("all.json");
    std::fs::write(&stored, &out.stdout).expect("write");
    let from = |org: &str| {
        let out = tree.run(&[
            "report",
            "--from",
            stored.to_str().expect("path"),
            "--org",
            org,
            "--format",
            "json",
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        serde_json::from_str::<Value>(&out.stdout).expect("JSON")
    };
    assert_eq!(
        reporting(&from("杭州市/西湖区")["totals"]),
        ([3, 2, 0], [0, 0, 0, 0, 2])
    );
    assert_eq!(
        reporting(&from("省直")["totals"]),
        ([4, 3, 0], [3, 0, 0, 0, 0])
    );
    // The merge of the parts counts what the whole tree counts.
    let mut files = Vec::new();
    for org in ["杭州市", "省直"] {
        let out = tree.run(&[
            "report",
            "--format",
            "json",
            "--as-of",
            "2015-03-10",
            "--org",
            org,
        ]);
        let file = tree.join(&format!("{org}.json"));
        std::fs::write(&file, &out.stdout).expect("write");
        files.push(file.to_str().expect("path").to_owned());
    }
    let mut args = vec!["merge"];
    args.extend(files.iter().map(String::as_str));
    let out = tree.run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let merged: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(reporting(&merged["totals"]), ([8, 4, 1], [3, 0, 1, 0, 0]));

    // A report written before reporting units were counted reads as none.
    let mut old: Value =
        serde_json::from_slice(&std::fs::read(&stored).expect("read")).expect("JSON");
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for key in [
                    "reporting_units",
                    "late_filed",
                    "reporting_self_check",
                    "reports_to",
                    "reports_to_office",
                    "filed_late",
                ] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(list) => list.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut old);
    std::fs::write(&stored, old.to_string()).expect("write");
    assert_eq!(
        reporting(&from("省直")["totals"]),
        ([4, 0, 0], [0, 0, 0, 0, 0])
    );
}

/// The `### heading` part of a Markdown report, up to the next heading.
fn part<'t>(md: &'t str, heading: &str) -> &'t str {
    let start = md
        .find(&format!("### {heading}\n"))
        .unwrap_or_else(|| panic!("{heading} in\n{md}"));
    let rest = &md[start..];
    let end = rest[4..].find("\n#").map_or(rest.len(), |e| e + 5);
    &rest[..end]
}

fn markdown(tree: &Tree, args: &[&str]) -> String {
    let mut all = vec!["report", "--format", "md", "--as-of", "2015-03-10"];
    all.extend_from_slice(args);
    let out = tree.run(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn the_office_is_asked_to_talk_to_the_reporting_units_the_plan_names() {
    let tree = tree();
    let md = markdown(&tree, &[]);
    // 杭州市委 抓得不紧 (late, then returned); 省交通运输厅 an item overdue; 省财政厅 an item
    // 不满意. Not the 村 or the 社区 below 西湖区委, which report to it, not to the office.
    assert_eq!(
        part(&md, "建议约谈提醒的单位"),
        "### 建议约谈提醒的单位\n\n\
         | 序号 | 单位 | 理由 | 自查 | 报送日期 | 主要负责同志 |\n\
         | ---: | --- | --- | --- | --- | --- |\n\
         | 1 | 中共杭州市委 | 抓得不紧（自查报告逾期报送、自查报告被退回） | 已退回 | 2015年3月2日 | 甲某某 |\n\
         | 2 | 中共浙江省财政厅党组 | 整改效果不明显（1项群众不满意） | 按时报送 | 2015年2月10日 | 孙某某 |\n\
         | 3 | 中共浙江省交通运输厅党组 | 整改措施落实不力（1项逾期未完成） | 按时报送 | 2015年2月12日 | 吴某某 |\n\n"
    );
    // 省民政厅 alone: on time, every item done or mostly done and satisfied. 省财政厅, on time
    // with every item done or mostly done, is not: one is 不满意.
    assert_eq!(
        part(&md, "建议通报表扬的单位"),
        "### 建议通报表扬的单位\n\n\
         | 序号 | 单位 | 事项数 | 已完成 | 基本完成 | 报送日期 |\n\
         | ---: | --- | ---: | ---: | ---: | --- |\n\
         | 1 | 中共浙江省民政厅党组 | 2 | 1 | 1 | 2015年2月11日 |\n\n"
    );
    // 西湖区委's report: its 村 and 社区, both missing.
    let md = markdown(&tree, &["--org", "西湖区", "--lang", "en"]);
    assert_eq!(
        part(&md, "Units proposed for a reminder talk"),
        "### Units proposed for a reminder talk\n\n\
         | No. | unit | reasons | self-check | submitted on | principal |\n\
         | ---: | --- | --- | --- | --- | --- |\n\
         | 1 | 中共杭州市西湖区双流村委员会 | not pressed hard \\(self-check report missing\\) | missing |  | 丙某某 |\n\
         | 2 | 中共杭州市西湖区象山社区委员会 | not pressed hard \\(self-check report missing\\) | missing |  | 丁某某 |\n\n"
    );
    // A public report proposes no one.
    let public = markdown(&tree, &["--public"]);
    assert!(!public.contains("建议约谈提醒"), "{public}");
    assert!(!public.contains("建议通报表扬"), "{public}");
}
