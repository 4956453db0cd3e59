//! `huitoukan report`: the numbers of every format, counted by hand, and what each format
//! promises its reader.

use serde_json::Value;

use crate::harness::{ITEM, ORG, Tree, UNIT, UNIT_PENDING, edit, names_in, output};

/// The bundled example, as the README runs it.
fn example() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/zhejiang-2015")
}

fn run_example(args: &[&str]) -> crate::harness::Output {
    run_example_path("", args)
}

/// `report EXAMPLE/rel --as-of 2015-03-10 ARGS`, run outside the tree.
fn run_example_path(rel: &str, args: &[&str]) -> crate::harness::Output {
    let tree = Tree::empty();
    let path = example().join(rel);
    let mut all = vec![
        "report",
        path.to_str().expect("a UTF-8 path"),
        "--as-of",
        "2015-03-10",
    ];
    all.extend_from_slice(args);
    tree.run(&all)
}

fn json(out: &crate::harness::Output) -> Value {
    assert_eq!(out.code, 0, "stderr:\n{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("stdout is JSON")
}

fn report_json(tree: &Tree, args: &[&str]) -> Value {
    let mut all = vec!["report", "--format", "json", "--as-of", "2015-03-10"];
    all.extend_from_slice(args);
    json(&tree.run(&all))
}

/// `[units, items, done, mostly_done, open, ineffective, overdue]` of a totals object.
fn counts(totals: &Value) -> [u64; 7] {
    [
        "units",
        "items",
        "done",
        "mostly_done",
        "open",
        "ineffective",
        "overdue",
    ]
    .map(|k| {
        totals[k]
            .as_u64()
            .unwrap_or_else(|| panic!("`{k}` in {totals}"))
    })
}

fn self_check(totals: &Value) -> [u64; 5] {
    ["submitted", "late", "returned", "pending", "missing"]
        .map(|k| totals["self_check"][k].as_u64().expect("a count"))
}

fn orgs(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|c| c["org"].as_str().expect("org").to_owned())
        .collect()
}

// The example tree holds 20 units and 56 items. Counted from its files:
//   省直:   10 units, 29 items: 11 已完成, 8 基本完成, 7 未完成, 3 效果不理想; 1 overdue
//           (省交通集团/收费站服务区, 效果不理想 due 2015-03-05); 14 of 17 assessed satisfied;
//           self-checks 9 on time, 1 returned (省交通集团, late too, then 退回 on 2015-03-09).
//   杭州市:  5 units, 13 items: 5, 3, 4, 1; none overdue; 7 of 8 satisfied; 1 missing (象山社区).
//   宁波市:  5 units, 14 items: 5, 5, 3, 1; 1 overdue (梁弄镇/红色旅游环境, due 2015-02-15).
//   by area 1–6: 2, 28, 7, 6, 8, 5 items.

#[test]
fn example_whole_tree_totals_areas_and_children() {
    let report = json(&run_example(&["--format", "json"]));
    assert_eq!(report["org"], Value::Null);
    assert_eq!(report["as_of"], "2015-03-10");
    assert_eq!(counts(&report["totals"]), [20, 56, 21, 16, 14, 5, 2]);
    assert_eq!(self_check(&report["totals"]), [18, 0, 1, 0, 1]);
    assert_eq!(
        report["totals"]["completion_rate"].as_f64(),
        Some(21.0 / 56.0)
    );
    assert_eq!(
        report["totals"]["satisfied_rate"].as_f64(),
        Some(26.0 / 31.0)
    );

    let areas = report["by_area"].as_array().expect("by_area");
    let items: Vec<u64> = areas
        .iter()
        .map(|a| a["items"].as_u64().expect("items"))
        .collect();
    assert_eq!(items, [2, 28, 7, 6, 8, 5]);
    assert_eq!(areas[1]["title"], "兑现整改承诺情况");

    // The office's order: by pinyin where no `order` says otherwise, never by code point.
    assert_eq!(orgs(&report["children"]), ["杭州市", "宁波市", "省直"]);
    let children = report["children"].as_array().expect("children");
    assert_eq!(counts(&children[0]["totals"]), [5, 13, 5, 3, 4, 1, 0]);
    assert_eq!(counts(&children[1]["totals"]), [5, 14, 5, 5, 3, 1, 1]);
    assert_eq!(counts(&children[2]["totals"]), [10, 29, 11, 8, 7, 3, 1]);
    assert_eq!(self_check(&children[0]["totals"]), [4, 0, 0, 0, 1]);
    assert_eq!(report["units"].as_array().expect("units").len(), 20);
}

#[test]
fn example_org_shengzhi() {
    let report = json(&run_example(&["--org", "省直", "--format", "json"]));
    assert_eq!(report["org"], "省直");
    assert_eq!(counts(&report["totals"]), [10, 29, 11, 8, 7, 3, 1]);
    assert_eq!(self_check(&report["totals"]), [9, 0, 1, 0, 0]);
    assert_eq!(
        report["totals"]["satisfied_rate"].as_f64(),
        Some(14.0 / 17.0)
    );
    let items: Vec<u64> = report["by_area"]
        .as_array()
        .expect("by_area")
        .iter()
        .map(|a| a["items"].as_u64().expect("n"))
        .collect();
    assert_eq!(items, [1, 17, 3, 1, 5, 2]);
    assert_eq!(
        orgs(&report["children"]),
        [
            "省直/省国资委党委",
            "省直/省委教育工委",
            "省直/省直机关工委"
        ]
    );
    let units: Vec<u64> = report["children"]
        .as_array()
        .expect("children")
        .iter()
        .map(|c| c["totals"]["units"].as_u64().expect("units"))
        .collect();
    assert_eq!(units, [3, 3, 4]);

    let overdue = &report["overdue_items"];
    assert_eq!(overdue.as_array().map(Vec::len), Some(1));
    assert_eq!(overdue[0]["unit"], "省直/省国资委党委/省交通集团");
    assert_eq!(overdue[0]["id"], "收费站服务区");
    assert_eq!(overdue[0]["status"], "效果不理想");
    assert_eq!(overdue[0]["due"], "2015-03-05");
    assert_eq!(overdue[0]["days_overdue"], 5);
    assert_eq!(
        report["ineffective_items"].as_array().map(Vec::len),
        Some(3)
    );
}

#[test]
fn example_org_by_unique_folder_name_and_linked_items() {
    let report = json(&run_example(&["--org", "西湖区", "--format", "json"]));
    assert_eq!(report["org"], "杭州市/西湖区");
    assert_eq!(counts(&report["totals"]), [4, 10, 4, 2, 3, 1, 0]);
    let linked = &report["linked_items"];
    assert_eq!(linked.as_array().map(Vec::len), Some(1));
    assert_eq!(linked[0]["unit"], "杭州市/西湖区");
    assert_eq!(linked[0]["id"], "社区台账");
    assert_eq!(linked[0]["lead_unit"], "省直/省直机关工委/省民政厅");
}

#[test]
fn markdown_shows_what_lower_levels_put_on_a_superior() {
    let out = run_example(&["--org", "省民政厅", "--format", "md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("## 八、需本级牵头联动整改的事项\n\n### 牵头单位：中共浙江省民政厅党组\n\n| 序号 | 单位 | 编号 | 事项 | 状态 | 时限 | 最新进展 |\n| ---: | --- | --- | --- | --- | --- | --- |\n| 1 | 中共杭州市西湖区委 | 社区台账 | 社区考核评比和台账资料仍然偏多 |"),
        "{}",
        out.stdout
    );
}

#[test]
fn org_matches_whole_components_only() {
    let tree = Tree::new()
        .unit("省直/甲厅", UNIT)
        .item("省直/甲厅", "a", ITEM)
        .unit("省直属/乙厅", UNIT)
        .item("省直属/乙厅", "b", ITEM)
        .item("省直属/乙厅", "c", ITEM);
    let report = report_json(&tree, &["--org", "省直"]);
    assert_eq!(counts(&report["totals"]), [1, 1, 0, 0, 1, 0, 0]);
    assert_eq!(orgs(&report["units"]), ["省直/甲厅"]);
}

#[test]
fn org_ambiguous_or_unknown_exits_2_listing_candidates() {
    let tree = Tree::new()
        .unit("杭州市/城关镇", UNIT)
        .unit("宁波市/城关镇", UNIT);
    let out = tree.run(&["report", "--org", "城关镇", "--as-of", "2015-03-10"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("\"城关镇\" 对应多个文件夹"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("可选：宁波市/城关镇, 杭州市/城关镇"),
        "{}",
        out.stderr
    );

    let out = tree.run(&[
        "report",
        "--org",
        "城关",
        "--as-of",
        "2015-03-10",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no org \"城关\" in the tree"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("candidates: 宁波市/城关镇, 杭州市/城关镇"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_empty_org_has_null_rates() {
    let tree = Tree::new().unit("省直/甲厅", UNIT);
    let report = report_json(&tree, &[]);
    assert_eq!(counts(&report["totals"]), [1, 0, 0, 0, 0, 0, 0]);
    assert_eq!(report["totals"]["completion_rate"], Value::Null);
    assert_eq!(report["totals"]["satisfied_rate"], Value::Null);
    for area in report["by_area"].as_array().expect("by_area") {
        assert_eq!(area["items"], 0);
        assert_eq!(area["completion_rate"], Value::Null);
    }
    assert_eq!(report["by_area"].as_array().map(Vec::len), Some(6));
}

#[test]
fn satisfied_rate_counts_only_assessed_items() {
    let done = |satisfaction: &str| {
        format!(
            "title = \"x\"\narea = 1\nsource = \"整改方案\"\ndeadline = 2015-01-31\nstatus = \"已完成\"\n\
             completed_on = 2015-01-20\nevidence = [\"通报\"]\nsatisfaction = \"{satisfaction}\"\n"
        )
    };
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "a", &done("满意"))
        .item(ORG, "b", &done("基本满意"))
        .item(ORG, "c", &done("未测评"))
        .item(
            ORG,
            "d",
            &edit(
                ITEM,
                "status = \"未完成\"",
                "status = \"未完成\"\nsatisfaction = \"不满意\"\nrectify_by = 2015-06-30",
            ),
        );
    let report = report_json(&tree, &[]);
    assert_eq!(counts(&report["totals"]), [1, 4, 3, 0, 1, 0, 0]);
    assert_eq!(report["totals"]["completion_rate"].as_f64(), Some(0.75));
    assert_eq!(report["totals"]["satisfied_rate"].as_f64(), Some(2.0 / 3.0));
}

#[test]
fn an_org_that_is_itself_a_unit_counts_its_own_items() {
    let tree = Tree::new()
        .unit("杭州市", UNIT)
        .item("杭州市", "own", ITEM)
        .unit("杭州市/西湖区", UNIT)
        .item("杭州市/西湖区", "below", ITEM)
        .item("杭州市/西湖区", "below2", ITEM);
    let report = report_json(&tree, &["--org", "杭州市"]);
    assert_eq!(counts(&report["totals"]), [2, 3, 0, 0, 3, 0, 0]);
    assert_eq!(orgs(&report["children"]), ["杭州市/西湖区"]);
    assert_eq!(
        counts(&report["children"][0]["totals"]),
        [1, 2, 0, 0, 2, 0, 0]
    );
    assert_eq!(orgs(&report["units"]), ["杭州市", "杭州市/西湖区"]);
    assert_eq!(counts(&report["units"][0]["totals"]), [1, 1, 0, 0, 1, 0, 0]);
}

#[test]
fn overdue_from_the_day_after_the_due_date() {
    let tree = Tree::new().unit(ORG, UNIT).item(
        ORG,
        "a",
        &edit(ITEM, "deadline = 2015-06-30", "deadline = 2015-03-10"),
    );
    let on_the_day = report_json(&tree, &[]);
    assert_eq!(on_the_day["totals"]["overdue"], 0);
    assert_eq!(on_the_day["overdue_items"], Value::Array(vec![]));

    let out = tree.run(&["report", "--format", "json", "--as-of", "2015-03-11"]);
    let day_after = json(&out);
    assert_eq!(day_after["totals"]["overdue"], 1);
    assert_eq!(day_after["overdue_items"][0]["due"], "2015-03-10");
    assert_eq!(day_after["overdue_items"][0]["days_overdue"], 1);
}

#[test]
fn self_check_late_missing_pending() {
    let late = edit(
        UNIT,
        "submitted_on = 2015-02-10",
        "submitted_on = 2015-03-01",
    );
    let tree = Tree::new()
        .unit("省直/按期", UNIT)
        .unit("省直/逾期", &late)
        .unit("省直/未报", UNIT_PENDING);
    let report = report_json(&tree, &[]);
    assert_eq!(self_check(&report["totals"]), [1, 1, 0, 0, 1]);
    let states: Vec<&str> = report["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["self_check"].as_str().expect("state"))
        .collect();
    assert_eq!(
        orgs(&report["units"]),
        ["省直/按期", "省直/未报", "省直/逾期"]
    );
    assert_eq!(states, ["submitted", "missing", "late"]);

    // On the due day a unit that has not submitted is pending, not missing; and the one that
    // submitted on 1 March had not yet (SPEC §14: the records as they stood then).
    let before = json(&tree.run(&["report", "--format", "json", "--as-of", "2015-02-28"]));
    assert_eq!(self_check(&before["totals"]), [1, 0, 0, 2, 0]);
    assert_eq!(before["after_as_of"], 1);
}

#[test]
fn a_tree_with_errors_is_refused_unless_keep_going() {
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "good", ITEM)
        .item(ORG, "bad", &edit(ITEM, "area = 2", "area = \"二\""))
        .unit(
            "省直/乙厅",
            "name = \"乙\"\ncategory = \"班子\"\nbatch = 1\n",
        )
        .item("省直/乙厅", "orphaned", ITEM);
    let out = tree.run(&["report", "--as-of", "2015-03-10"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("error[E004]"), "{}", out.stderr);
    assert!(
        out.stderr.contains("台账有2个错误，不生成报告"),
        "{}",
        out.stderr
    );

    let out = tree.run(&[
        "report",
        "--as-of",
        "2015-03-10",
        "--keep-going",
        "--format",
        "json",
    ]);
    let report = json(&out);
    assert_eq!(counts(&report["totals"]), [1, 1, 0, 0, 1, 0, 0]);
    let left_out = report["left_out"].as_array().expect("left_out");
    let files: Vec<&str> = left_out
        .iter()
        .map(|l| l["file"].as_str().expect("file"))
        .collect();
    assert_eq!(
        files,
        [
            "省直/乙厅/items/orphaned.toml",
            "省直/乙厅/unit.toml",
            "省直/省财政厅/items/bad.toml"
        ]
    );
    assert_eq!(left_out[0]["code"], Value::Null);
    assert_eq!(left_out[1]["code"], "E005");
    assert_eq!(left_out[2]["code"], "E004");
    assert!(
        out.stderr.contains("有3个文件因错误未纳入报告"),
        "{}",
        out.stderr
    );

    let md = tree.run(&[
        "report",
        "--as-of",
        "2015-03-10",
        "--keep-going",
        "--format",
        "md",
    ]);
    assert!(
        md.stdout.contains("## 十、未纳入本报告的文件"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("| 省直/乙厅/items/orphaned.toml | 所属单位 省直/乙厅 的 unit.toml 有错误 |"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("| 省直/省财政厅/items/bad.toml | E004: \\`area\\` 应为整数，实际是字符串 |"),
        "{}",
        md.stdout
    );
}

const PERSONAL: &str = r#"title = "个人整改清单落实"
area = 2
points = ["P.3"]
source = "整改方案"
owner = "个人"
person = "钱某某"
measures = ["逐项销号"]
responsible = "钱某某"
deadline = 2015-06-30
status = "未完成"
"#;

/// `text` marked confidential.
fn confidential(text: &str) -> String {
    edit(
        text,
        "status = \"未完成\"",
        "status = \"未完成\"\nconfidential = true",
    )
}

/// A public report of the valid records of `tree`, in `format`.
fn public_keep_going(tree: &Tree, format: &str) -> crate::harness::Output {
    tree.run(&[
        "report",
        "--as-of",
        "2015-03-10",
        "--keep-going",
        "--public",
        "--format",
        format,
    ])
}

#[test]
fn public_leaves_out_confidential_items_and_every_person() {
    let secret = confidential(ITEM);
    let led = edit(
        ITEM,
        "responsible = \"办公室\"",
        "responsible = \"办公室\"\nlead = \"副厅长 钱某某\"",
    );
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "open", &led)
        .item(ORG, "secret", &secret)
        .item(ORG, "personal", PERSONAL);

    let private = report_json(&tree, &[]);
    assert_eq!(counts(&private["totals"]), [1, 3, 0, 0, 3, 0, 0]);
    assert_eq!(private["public"], false);
    let internal = tree.run(&["report", "--format", "csv", "--as-of", "2015-03-10"]);
    assert!(
        internal.stdout.contains(",钱某某,钱某某,"),
        "{}",
        internal.stdout
    );
    assert!(
        internal.stdout.contains(",副厅长 钱某某,"),
        "{}",
        internal.stdout
    );

    // The public report's totals are the internal one's (SPEC §14): the confidential item is
    // counted, never listed.
    let public = report_json(&tree, &["--public"]);
    assert_eq!(counts(&public["totals"]), [1, 3, 0, 0, 3, 0, 0]);
    assert_eq!(public["public"], true);
    assert_eq!(public.get("withheld"), None, "{public}");
    for (format, by) in [
        ("table", "org"),
        ("table", "item"),
        ("table", "unit"),
        ("md", ""),
        ("csv", "item"),
        ("csv", "unit"),
        ("json", ""),
    ] {
        let mut args = vec![
            "report",
            "--public",
            "--format",
            format,
            "--as-of",
            "2015-03-10",
        ];
        if !by.is_empty() {
            args.extend(["--by", by]);
        }
        let out = tree.run(&args);
        assert_eq!(out.code, 0, "{format} {by}: {}", out.stderr);
        assert!(
            !out.stdout.contains("钱某某"),
            "{format} {by} names a person:\n{}",
            out.stdout
        );
        for withheld in ["secret", "未列入", "withh"] {
            assert!(
                !out.stdout.contains(withheld),
                "{format} {by} shows a confidential item:\n{}",
                out.stdout
            );
        }
        // The documents for people say how many of the items counted are not listed.
        if format == "table" || format == "md" {
            assert!(
                out.stdout
                    .contains("其中1项按规定不予公开（计入总数，不列出具体事项）"),
                "{format} {by}:\n{}",
                out.stdout
            );
        }
        let stderr = if format == "csv" {
            "note: 公示版本。\nnote: 其中1项按规定不予公开（计入总数，不列出具体事项）\nnote: 公开版本未列入1项不宜公开的事项\n"
        } else {
            "note: 公开版本未列入1项不宜公开的事项\n"
        };
        assert_eq!(out.stderr, stderr, "{format} {by}");
        if format != "json" && format != "csv" {
            assert!(
                out.stdout.contains("公示版本。"),
                "{format}:\n{}",
                out.stdout
            );
        }
    }
    // A public sheet has the internal one's columns, the name columns blank.
    let public_csv = tree.run(&[
        "report",
        "--public",
        "--format",
        "csv",
        "--by",
        "item",
        "--as-of",
        "2015-03-10",
    ]);
    let header = |text: &str| text.lines().next().expect("a header").to_owned();
    assert_eq!(header(&public_csv.stdout), header(&internal.stdout));
    let rows: Vec<Vec<String>> = public_csv
        .stdout
        .lines()
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect();
    let column = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("a `{name}` column"))
    };
    let names = [
        column("个人"),
        column("责任部门或责任人"),
        column("牵头班子成员"),
    ];
    assert_eq!(rows.len(), 3, "{}", public_csv.stdout);
    for row in &rows[1..] {
        assert_eq!(row.len(), rows[0].len(), "{row:?}");
        for &at in &names {
            assert_eq!(row[at], "", "{row:?}");
        }
    }
}

#[test]
fn public_keep_going_withholds_files_that_may_be_confidential() {
    let bad_owner = |text: &str| {
        edit(
            text,
            "responsible = \"办公室\"",
            "responsible = \"钱某某\"\nowner = \"钱某某\"",
        )
    };
    let confidential = confidential(ITEM);
    let unreadable_flag = edit(
        ITEM,
        "status = \"未完成\"",
        "status = \"未完成\"\nconfidential = \"是\"",
    );
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "good", ITEM)
        .item(ORG, "secret", &confidential)
        .item(ORG, "secret-bad", &bad_owner(&confidential))
        .item(ORG, "open-bad", &bad_owner(ITEM))
        .item(ORG, "syntax", "title = = \"语法错误\"\n")
        .item(ORG, "flag", &unreadable_flag);
    // The internal report lists every file left out, with its message.
    let internal = report_json(&tree, &["--keep-going"]);
    let files = |report: &Value| -> Vec<String> {
        report["left_out"]
            .as_array()
            .expect("left_out")
            .iter()
            .map(|l| format!("{} {}", l["file"].as_str().expect("file"), l["code"]))
            .collect()
    };
    assert_eq!(
        files(&internal),
        [
            "省直/省财政厅/items/flag.toml \"E004\"",
            "省直/省财政厅/items/open-bad.toml \"E005\"",
            "省直/省财政厅/items/secret-bad.toml \"E005\"",
            "省直/省财政厅/items/syntax.toml \"E001\"",
        ]
    );

    // The public one lists only the item known not to be confidential, without its messages,
    // and says on stderr how many it withheld.
    let run = |format: &str| public_keep_going(&tree, format);
    let public = json(&run("json"));
    assert_eq!(
        files(&public),
        ["省直/省财政厅/items/open-bad.toml \"E005\""]
    );
    // The valid confidential item is counted as in the internal report, not listed.
    assert_eq!(counts(&public["totals"]), counts(&internal["totals"]));
    for format in ["table", "md", "csv", "json"] {
        let out = run(format);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        for hidden in ["secret", "syntax", "flag", "钱某某", "语法"] {
            assert!(
                !out.stdout.contains(hidden) && !out.stderr.contains(hidden),
                "{format} shows `{hidden}`:\n{}\n{}",
                out.stdout,
                out.stderr
            );
        }
        assert!(
            out.stderr.ends_with(
                "note: 公开版本未列入1项不宜公开的事项，另有3个有错误、可能不宜公开的文件未列出\n"
            ),
            "{format}: {}",
            out.stderr
        );
    }
    let md = run("md");
    assert!(
        md.stdout.contains(
            "| 省直/省财政厅/items/open-bad.toml | E005: 有错误（公开版本不引述，详见 \\`huitoukan check\\`） |\n"
        ),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("> 有1个文件因错误未纳入报告（报告中已列出）\n"),
        "{}",
        md.stdout
    );
}

#[test]
fn csv_is_for_excel_bom_numbers_and_no_formulas() {
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(
            ORG,
            "a",
            &edit(
                ITEM,
                "title = \"文山会海问题有所反弹\"",
                "title = \"=HYPERLINK(\\\"x\\\")\"",
            ),
        )
        .item(
            ORG,
            "b",
            &edit(
                ITEM,
                "title = \"文山会海问题有所反弹\"",
                "title = \"-1+2, \\\"引号\\\"\"",
            ),
        );
    let out = tree
        .command(&[
            "report",
            "--format",
            "csv",
            "--by",
            "item",
            "--as-of",
            "2015-03-10",
        ])
        .output()
        .expect("run");
    assert_eq!(
        &out.stdout[..3],
        b"\xEF\xBB\xBF",
        "a UTF-8 byte-order mark first"
    );
    let text = String::from_utf8(out.stdout[3..].to_vec()).expect("UTF-8");
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert!(
        lines[0].starts_with("单位,单位名称,编号,事项,方面,"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("省直/省财政厅,中共浙江省财政厅党组,a,\"'=HYPERLINK(\"\"x\"\")\",2,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("省直/省财政厅,中共浙江省财政厅党组,b,\"'-1+2, \"\"引号\"\"\",2,"),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines.len(),
        4,
        "a header, two rows and the final line ending"
    );

    let by_org = tree.run(&[
        "report",
        "--format",
        "csv",
        "--by",
        "org",
        "--as-of",
        "2015-03-10",
    ]);
    let rows: Vec<&str> = by_org
        .stdout
        .trim_start_matches('\u{feff}')
        .lines()
        .collect();
    assert_eq!(
        rows[0],
        "机构,层级,单位数,报送单位数,事项数,已完成,基本完成,未完成,效果不理想,逾期未完成,已销号,已测评,满意及基本满意,整改完成率,完成及基本完成率,事项满意率,按时报送,逾期报送,已退回,尚未报送（未到时限）,逾期未报送"
    );
    assert_eq!(
        rows[1..],
        [
            "省直,1,1,1,2,0,0,2,0,0,0,0,0,0,0,,1,0,0,0,0",
            "省直/省财政厅,2,1,1,2,0,0,2,0,0,0,0,0,0,0,,1,0,0,0,0"
        ]
    );

    let by_unit = tree.run(&[
        "report",
        "--format",
        "csv",
        "--by",
        "unit",
        "--as-of",
        "2015-03-10",
        "--lang",
        "en",
    ]);
    let rows: Vec<&str> = by_unit
        .stdout
        .trim_start_matches('\u{feff}')
        .lines()
        .collect();
    assert_eq!(
        rows[0],
        "org,unit name,category,batch,self-check,submitted on,items,done,mostly done,open,ineffective,overdue,closed,assessed,satisfied items,completion,done or mostly done,items satisfied (of assessed)"
    );
    assert_eq!(
        rows[1],
        "省直/省财政厅,中共浙江省财政厅党组,领导班子,1,on time,2015-02-10,2,0,0,2,0,0,0,0,0,0,0,"
    );

    let by_area = tree.run(&[
        "report",
        "--format",
        "csv",
        "--by",
        "area",
        "--as-of",
        "2015-03-10",
    ]);
    let rows: Vec<&str> = by_area
        .stdout
        .trim_start_matches('\u{feff}')
        .lines()
        .collect();
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[2], "2,兑现整改承诺情况,2,0,0,2,0,0,0,0,0,0,0,");
}

#[test]
fn markdown_cells_never_break_a_row() {
    let tree = Tree::new().unit(ORG, UNIT).item(
        ORG,
        "a",
        &edit(
            &edit(
                ITEM,
                "title = \"文山会海问题有所反弹\"",
                "title = \"甲|乙\\n丙\"",
            ),
            "deadline = 2015-06-30",
            "deadline = 2015-03-01",
        ),
    );
    let out = tree.run(&["report", "--format", "md", "--as-of", "2015-03-10"]);
    assert!(
        out.stdout.contains(
            "| 中共浙江省财政厅党组 | a | 甲\\|乙<br>丙 | 未完成 | 2015年3月1日 | 9 |  |"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn output_is_written_atomically_and_never_over_a_file() {
    // Reports are written outside the records tree (inside it is refused, below), so the
    // command runs in a folder of its own and names the tree.
    let tree = Tree::new().unit(ORG, UNIT).item(ORG, "a", ITEM);
    let root = tree.path().to_str().expect("a UTF-8 path").to_owned();
    let outside = Tree::empty().file("old.md", "keep me");
    let report = |output: &str| {
        outside.run(&[
            "report",
            &root,
            "--format",
            "md",
            "--as-of",
            "2015-03-10",
            "--output",
            output,
        ])
    };
    let out = report("out/../new.md");
    assert_eq!(out.code, 2, "out/ does not exist: {}", out.stderr);
    let out = report("new.md");
    assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{}", out.stderr);
    let written = std::fs::read_to_string(outside.join("new.md")).expect("the report");
    assert!(
        written.starts_with(
            "# 各单位教育实践活动整改落实情况“回头看”进展情况汇总（截至2015年3月10日）"
        ),
        "{written}"
    );

    let out = report("old.md");
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("old.md 已存在，不会覆盖"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("old.md")).expect("old"),
        "keep me"
    );

    let out = tree.run(&[
        "report",
        "--as-of",
        "2015-03-10",
        "--output",
        "省直/省财政厅/items/x.toml",
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains(".toml 文件是台账记录"),
        "{}",
        out.stderr
    );
    assert!(!tree.join("省直/省财政厅/items/x.toml").exists());
    for folder in [tree.path(), outside.path()] {
        let leftovers: Vec<_> = names_in(folder)
            .into_iter()
            .filter(|n| n.starts_with(".tmp"))
            .collect();
        assert_eq!(
            leftovers,
            Vec::<String>::new(),
            "no temporary file is left behind"
        );
    }
}

#[test]
fn output_inside_the_records_tree_lands_where_it_resolves_and_never_through_a_link() {
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "a", ITEM)
        .file("省直/说明.md", "keep me");
    let root = tree.path().to_str().expect("a UTF-8 path").to_owned();
    let run = |output: &str, force: bool| {
        let mut args = vec!["report", "--format", "md", "--as-of", "2015-03-10"];
        if force {
            args.push("--force");
        }
        args.extend(["--output", output]);
        tree.run(&args)
    };
    for (output, lands) in [
        ("报告1.md".to_owned(), "报告1.md"),
        ("省直/报告2.md".to_owned(), "省直/报告2.md"),
        ("省直/省财政厅/../报告3.md".to_owned(), "省直/报告3.md"),
        (format!("{root}/报告4.md"), "报告4.md"),
    ] {
        let out = run(&output, false);
        assert_eq!(
            (out.code, out.stdout.as_str(), out.stderr.as_str()),
            (0, "", ""),
            "{output}"
        );
        let text = std::fs::read_to_string(tree.join(lands)).expect("the report");
        assert!(text.starts_with("# "), "{output}: {text}");
    }
    #[cfg(unix)]
    {
        // Through a link from outside into the tree.
        let outside = Tree::empty().symlink(&root, "台账");
        let output = format!("{}/台账/报告5.md", outside.path().display());
        let out = run(&output, false);
        assert_eq!(
            (out.code, out.stdout.as_str(), out.stderr.as_str()),
            (
                2,
                "",
                format!(
                    "error: 不能把报告写到 {output}：它经由链接通向台账目录内\n  = help: 写到台账目录之外，或直接写出台账目录内的路径（不经链接）\n"
                )
                .as_str()
            ),
        );
        assert!(!tree.join("报告5.md").exists());
    }
    // A file the tree does not read is replaced only with `--force`.
    let out = run("省直/说明.md", false);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(tree.join("省直/说明.md")).expect("the file"),
        "keep me"
    );
    let out = run("省直/说明.md", true);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        std::fs::read_to_string(tree.join("省直/说明.md"))
            .expect("the file")
            .starts_with("# ")
    );
    // The reports are no records: the tree checks as before.
    let out = tree.run(&["check", "--as-of", "2015-03-10"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn output_dash_is_standard_output() {
    let tree = Tree::new().unit(ORG, UNIT).item(ORG, "a", ITEM);
    let to_stdout = tree.run(&["report", "--format", "md", "--as-of", "2015-03-10"]);
    let dash = tree.run(&[
        "report",
        "--format",
        "md",
        "--as-of",
        "2015-03-10",
        "--output",
        "-",
    ]);
    assert_eq!(dash.code, 0, "{}", dash.stderr);
    assert_eq!(dash.stdout, to_stdout.stdout);
    assert!(!tree.join("-").exists(), "no file named -");
}

#[test]
fn force_replaces_an_output_file_atomically_and_nothing_else() {
    let tree = Tree::new().unit(ORG, UNIT).item(ORG, "a", ITEM);
    let root = tree.path().to_str().expect("a UTF-8 path").to_owned();
    let outside = Tree::empty()
        .file("上周.md", "last week\n")
        .file("文件夹/x", "");
    let run = |args: &[&str]| {
        let mut all = vec![
            "report",
            root.as_str(),
            "--format",
            "md",
            "--as-of",
            "2015-03-10",
        ];
        all.extend_from_slice(args);
        outside.run(&all)
    };
    let out = run(&["--output", "上周.md"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: 上周.md 已存在，不会覆盖\n  = help: 换一个文件名；或加 `--force`，用新报告替换原文件\n"
        )
    );
    let out = run(&["--output", "上周.md", "--force"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let replaced = std::fs::read_to_string(outside.join("上周.md")).expect("the report");
    assert!(
        replaced.starts_with("# 各单位教育实践活动整改落实情况“回头看”"),
        "{replaced}"
    );
    // Again, for the weekly re-run; and into a new file, --force asks for nothing more.
    assert_eq!(run(&["--output", "上周.md", "--force"]).code, 0);
    assert_eq!(run(&["--output", "本周.md", "--force"]).code, 0);
    assert_eq!(names_in(outside.path()), ["上周.md", "文件夹", "本周.md"]);

    let out = run(&["--output", "文件夹", "--force"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: 文件夹 是文件夹；请给出报告的文件名，如 文件夹/汇总.md\n"
        )
    );
    let out = run(&["--output", "x.toml", "--force"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains(".toml 文件是台账记录"),
        "{}",
        out.stderr
    );
    assert!(!outside.join("x.toml").exists());
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("上周.md", outside.join("链接.md")).expect("a link");
        let out = run(&["--force", "--output", "链接.md"]);
        assert_eq!(
            (out.code, out.stderr.as_str()),
            (
                2,
                "error: 链接.md 不是普通文件（文件夹、链接等），`--force` 也不会替换\n"
            )
        );
        assert!(
            std::fs::symlink_metadata(outside.join("链接.md"))
                .expect("the link")
                .file_type()
                .is_symlink()
        );
    }
    let out = run(&["--force"]);
    assert_eq!(out.code, 2, "--force without --output: {}", out.stderr);
}

/// A report written with `--output` under `umask`, run through the shell that sets it.
#[cfg(unix)]
fn output_mode_under(umask: &str) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    let tree = Tree::new().unit(ORG, UNIT).item(ORG, "a", ITEM);
    let outside = Tree::empty();
    let bin = assert_cmd::cargo::cargo_bin("huitoukan");
    let mut cmd = assert_cmd::Command::new("sh");
    cmd.current_dir(outside.path())
        .args(["-c", &format!("umask {umask} && exec \"$0\" \"$@\"")])
        .arg(&bin)
        .args([
            "report",
            "--format",
            "md",
            "--as-of",
            "2015-03-10",
            "--output",
            "报告.md",
        ])
        .arg(tree.path())
        .env("NO_COLOR", "1");
    let out = output(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::metadata(outside.join("报告.md"))
        .expect("the report")
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
#[test]
fn output_file_gets_the_permissions_of_a_new_file_under_the_umask() {
    assert_eq!(format!("{:o}", output_mode_under("022")), "644");
    assert_eq!(format!("{:o}", output_mode_under("027")), "640");
    assert_eq!(format!("{:o}", output_mode_under("077")), "600");
}

#[test]
fn snapshots_of_the_example() {
    for (name, format) in [
        ("example_md", "md"),
        ("example_csv", "csv"),
        ("example_table", "table"),
    ] {
        let out = run_example(&["--org", "省直", "--format", format]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(name, out.stdout);
    }
    let out = run_example(&["--format", "table", "--by", "area", "--lang", "en"]);
    insta::assert_snapshot!("example_table_by_area_en", out.stdout);
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    for format in ["json", "md", "csv", "table"] {
        let run = |threads: &str| {
            let tree = Tree::empty();
            let root = example();
            let mut cmd = tree.command(&[
                "report",
                root.to_str().expect("UTF-8"),
                "--as-of",
                "2015-03-10",
                "--format",
                format,
            ]);
            cmd.env("RAYON_NUM_THREADS", threads);
            output(cmd).stdout
        };
        assert_eq!(run("1"), run("2"), "{format}");
    }
}

#[test]
fn every_format_says_what_it_left_out_or_withheld() {
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "good", ITEM)
        .item(ORG, "bad", &edit(ITEM, "area = 2", "area = \"二\""))
        .item(ORG, "secret", &confidential(ITEM));
    let run = |format: &str| public_keep_going(&tree, format);
    let table = run("table");
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(
        table
            .stdout
            .contains("│ 省直/省财政厅/items/bad.toml ┆ E004: 有错误（公开版本不引述，详见 `huitoukan check`） │"),
        "{}",
        table.stdout
    );
    assert!(
        table
            .stdout
            .ends_with("\n公示版本。\n\n其中1项按规定不予公开（计入总数，不列出具体事项）\n\n有1个文件因错误未纳入报告（报告中已列出）\n"),
        "{}",
        table.stdout
    );
    assert_eq!(
        table.stderr,
        "warning: 有1个文件因错误未纳入报告（报告中已列出）\n\
         note: 公开版本未列入1项不宜公开的事项\n"
    );

    let csv = run("csv");
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    assert!(
        !csv.stdout.contains("bad.toml"),
        "the CSV holds only rows: {}",
        csv.stdout
    );
    assert_eq!(
        csv.stderr,
        "note: 公示版本。\n\
         note: 其中1项按规定不予公开（计入总数，不列出具体事项）\n\
         note: 有1个文件因错误未纳入报告（报告中已列出）\n  \
         省直/省财政厅/items/bad.toml: E004: 有错误（公开版本不引述，详见 `huitoukan check`）\n\
         note: 公开版本未列入1项不宜公开的事项\n"
    );
}

#[test]
fn keep_going_names_only_files_of_the_reported_org() {
    let bad = edit(ITEM, "area = 2", "area = \"二\"");
    let tree = Tree::new()
        .unit("杭州市", UNIT)
        .item("杭州市", "bad", &bad)
        .unit("宁波市", UNIT)
        .item("宁波市", "bad", &bad)
        .item("宁波市", "good", ITEM);
    let report = report_json(&tree, &["--keep-going", "--org", "宁波市"]);
    assert_eq!(counts(&report["totals"]), [1, 1, 0, 0, 1, 0, 0]);
    let files: Vec<&str> = report["left_out"]
        .as_array()
        .expect("left_out")
        .iter()
        .map(|l| l["file"].as_str().expect("file"))
        .collect();
    assert_eq!(files, ["宁波市/items/bad.toml"]);
}

#[test]
fn an_unknown_org_is_a_command_error_even_in_a_tree_with_errors() {
    let tree =
        Tree::new()
            .unit(ORG, UNIT)
            .item(ORG, "bad", &edit(ITEM, "area = 2", "area = \"二\""));
    let out = tree.run(&["report", "--org", "杭州市", "--as-of", "2015-03-10"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("台账中没有机构 \"杭州市\""),
        "{}",
        out.stderr
    );
}

#[test]
fn report_of_a_folder_reports_on_that_folder() {
    let from_path = json(&run_example_path("杭州市/西湖区", &["--format", "json"]));
    assert_eq!(from_path["org"], "杭州市/西湖区");
    assert_eq!(counts(&from_path["totals"]), [4, 10, 4, 2, 3, 1, 0]);
    let from_org = json(&run_example(&[
        "--org",
        "杭州市/西湖区",
        "--format",
        "json",
    ]));
    assert_eq!(from_path, from_org);
    // A folder inside a unit stands for the unit; `--org` wins over the folder.
    let items = json(&run_example_path(
        "杭州市/西湖区/items",
        &["--format", "json"],
    ));
    assert_eq!(items["org"], "杭州市/西湖区");
    let both = json(&run_example_path(
        "杭州市",
        &["--org", "宁波市", "--format", "json"],
    ));
    assert_eq!(both["org"], "宁波市");

    let missing = run_example_path("省值", &[]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.ends_with("省值 不存在\n"),
        "{}",
        missing.stderr
    );
}

#[test]
fn by_with_a_format_of_fixed_sections_is_an_error() {
    for format in ["md", "json"] {
        let out = run_example(&["--format", format, "--by", "unit"]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{format}");
        assert_eq!(
            out.stderr,
            format!("error: `--by` 只用于 table 和 csv 格式；{format} 格式的报告内容是固定的\n")
        );
    }
    let out = run_example(&["--format", "csv", "--by", "unit"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_refused_report_counts_the_warnings_it_does_not_list() {
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "bad", &edit(ITEM, "area = 2", "area = 9"))
        .unit("杭州市", UNIT_PENDING)
        .unit("宁波市", UNIT_PENDING);
    let out = tree.run(&["report", "--as-of", "2015-03-10"]);
    assert_eq!(out.code, 1);
    assert!(!out.stderr.contains("warning["), "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "检查了5个文件：1个错误，2个警告\nnote: 另有2个警告未列出；`huitoukan check` 列出全部\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn tables_of_children_add_up_with_own_and_total_rows() {
    // 杭州市 is itself a unit with 3 items; its one child 西湖区 holds 4 units and 10 items.
    let report = json(&run_example(&["--org", "杭州市", "--format", "json"]));
    assert_eq!(counts(&report["totals"]), [5, 13, 5, 3, 4, 1, 0]);
    assert_eq!(counts(&report["own"]), [1, 3, 1, 1, 1, 0, 0]);
    assert_eq!(
        counts(&report["children"][0]["totals"]),
        [4, 10, 4, 2, 3, 1, 0]
    );
    // 省直 is a grouping, not a unit.
    let report = json(&run_example(&["--org", "省直", "--format", "json"]));
    assert_eq!(report["own"], Value::Null);

    let out = run_example(&["--org", "杭州市", "--format", "md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n\
             | 本级 | 1 | 0 | 3 | 1 | 1 | 1 | 0 | 0 | 0 | 2 | 2 | 33.3% | 66.7% | 100.0% | 0 | 0 | 0 | 0 | 0 |\n\
             | 西湖区 | 4 | 1 | 10 | 4 | 2 | 3 | 1 | 0 | 0 | 6 | 5 | 40.0% | 60.0% | 83.3% | 1 | 0 | 0 | 0 | 0 |\n\
             | 合计 | 5 | 1 | 13 | 5 | 3 | 4 | 1 | 0 | 0 | 8 | 7 | 38.5% | 61.5% | 87.5% | 1 | 0 | 0 | 0 | 0 |\n\n"
        ),
        "{}",
        out.stdout
    );

    let out = run_example(&["--org", "杭州市", "--lang", "en"]);
    let rows: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with('│'))
        .map(|l| l.split('┆').next().unwrap_or("").trim_matches(['│', ' ']))
        .collect();
    assert_eq!(
        rows,
        [
            "units",
            "5",
            "org",
            "own unit",
            "西湖区",
            "\u{3000}转塘街道",
            "\u{3000}\u{3000}双流村",
            "\u{3000}\u{3000}象山社区",
            "total"
        ]
    );

    // A CSV keeps only the folders: a spreadsheet's sums count nothing twice.
    let out = run_example(&["--org", "杭州市", "--format", "csv", "--by", "org"]);
    assert!(
        !out.stdout.contains("合计") && !out.stdout.contains("本级"),
        "{}",
        out.stdout
    );
}

#[test]
fn an_org_that_names_thousands_of_folders_lists_the_ten_closest() {
    let mut tree = Tree::new();
    for i in 0..40 {
        tree = tree.unit(&format!("杭州市/第{i:02}社区"), UNIT_PENDING);
    }
    for (org, first, more) in [
        ("", "", 0),
        ("市", "杭州市", 31),
        ("社区", "杭州市/第00社区", 30),
    ] {
        let out = tree.run(&["report", "--org", org, "--as-of", "2015-03-10"]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        let help = out.stderr.lines().nth(1).unwrap_or_default();
        assert!(help.len() < 400, "{help}");
        if org.is_empty() {
            assert_eq!(help, "  = help: 可选：杭州市");
        } else {
            assert!(
                help.starts_with(&format!("  = help: 最接近的：{first}, "))
                    && help.ends_with(&format!("；另有{more}个")),
                "{help}"
            );
            assert_eq!(help.matches(", ").count(), 9, "{help}");
        }
    }
}

/// The columns a line takes on a terminal: two for a wide (CJK) character, one for the others.
fn display_width(line: &str) -> usize {
    line.chars()
        .map(|c| {
            let wide = matches!(u32::from(c),
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0xA4CF | 0xAC00..=0xD7A3
                | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
            if wide { 2 } else { 1 }
        })
        .sum()
}

#[test]
fn the_terminal_table_fits_the_terminal_and_piped_rows_stay_whole() {
    use huitoukan::render::table;
    use huitoukan::rollup::{self, By, Options};
    let as_of = jiff::civil::date(2015, 3, 10);
    let checked = huitoukan::rules::check::check(&example(), as_of);
    let langs = [
        huitoukan::text::i18n::Lang::Zh,
        huitoukan::text::i18n::Lang::En,
    ];
    for by in By::ALL {
        let options = Options {
            org: "",
            as_of,
            public: false,
            by,
        };
        let report =
            rollup::build(&checked.records, &checked.diagnostics, &options).expect("read back");
        for lang in langs {
            for width in [60u16, 80, 120, 200] {
                let text = table::render_width(&report, by, lang, Some(width)).expect("rendered");
                for line in text.lines().skip(1) {
                    assert!(
                        display_width(line) <= usize::from(width),
                        "{by:?} at {width} columns: {line}"
                    );
                }
                // Every line of one table has the same width: CJK text is measured right.
                for block in text.split("\n\n").filter(|b| b.starts_with('┌')) {
                    let widths: Vec<usize> = block.lines().map(display_width).collect();
                    assert!(widths.iter().all(|w| *w == widths[0]), "{by:?}:\n{block}");
                }
                // Whatever the layout, every figure is there.
                assert!(text.contains("37.5%"), "{by:?} at {width}:\n{text}");
            }
        }
        // Piped: one line a row, as wide as the rows are.
        let full = table::render(&report, by, langs[0]).expect("rendered");
        assert_eq!(
            full,
            table::render_width(&report, by, langs[0], None).expect("rendered")
        );
        let rows = table::render(&report, by, langs[0])
            .expect("rendered")
            .lines()
            .filter(|l| l.starts_with('│'))
            .count();
        let expected = match by {
            // The totals' header and row, the header, each folder, and 合计.
            By::Org => 2 + 1 + rollup::org_folders(&checked.records).len() + 1,
            By::Unit => 2 + 1 + 20,
            By::Item => 2 + 1 + 56,
            By::Area => 2 + 1 + 6,
            // The items of the example with a `lead` have 16 of them, and each of the 20 units
            // has a row of the items no one leads (未明确牵头领导); 8 tasks.
            By::Lead => 2 + 1 + 16 + 20,
            By::Task => 2 + 1 + 8,
        };
        assert_eq!(rows, expected, "{by:?}");
    }
}

#[test]
fn by_lead_and_by_task_count_the_items_of_each() {
    // 责任清单: one row per 牵头班子成员 of a unit; the same name in two units is two people;
    // the items no one leads make a row of their own, after the unit's leads, so the rows add up
    // to the items of the org (7 + 6 = 13 of 省直机关工委).
    let out = run_example(&[
        "--org",
        "省直/省直机关工委",
        "--by",
        "lead",
        "--format",
        "csv",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "\u{feff}单位,牵头班子成员,事项数,已完成,基本完成,未完成,效果不理想,逾期未完成,已销号,已测评,满意及基本满意,整改完成率,完成及基本完成率,事项满意率\r\n\
         省直/省直机关工委,副书记 吴某某,2,0,1,1,0,0,0,1,1,0,0.5,1\r\n\
         省直/省直机关工委,未明确牵头领导,1,1,0,0,0,0,0,1,1,1,1,1\r\n\
         省直/省直机关工委/省财政厅,副厅长 钱某某,2,1,0,0,1,0,0,2,1,0.5,0.5,0.5\r\n\
         省直/省直机关工委/省财政厅,厅长 孙某某,1,0,1,0,0,0,0,1,1,0,1,1\r\n\
         省直/省直机关工委/省财政厅,未明确牵头领导,1,1,0,0,0,0,0,0,0,1,1,\r\n\
         省直/省直机关工委/省交通运输厅,副厅长 卫某某,1,0,0,0,1,0,0,1,0,0,0,0\r\n\
         省直/省直机关工委/省交通运输厅,未明确牵头领导,2,1,0,1,0,0,0,1,1,0.5,0.5,1\r\n\
         省直/省直机关工委/省民政厅,副厅长 冯某某,1,0,1,0,0,0,0,1,1,0,1,1\r\n\
         省直/省直机关工委/省民政厅,未明确牵头领导,2,1,0,1,0,0,0,1,1,0.5,0.5,1\r\n"
    );

    // One row per 专项整治 task, across units; items of no task are in no row.
    let out = run_example(&["--by", "task", "--format", "csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        rows,
        [
            "\u{feff}专项整治任务,事项数,已完成,基本完成,未完成,效果不理想,逾期未完成,已销号,已测评,满意及基本满意,整改完成率,完成及基本完成率,事项满意率",
            "省委“八项专项整治”：公款吃喝,1,1,0,0,0,0,0,1,1,1,1,1",
            "省委“八项专项整治”：师德师风,1,0,0,1,0,0,0,0,0,0,0,",
            "中央21项专项整治：超标配备公车,1,1,0,0,0,0,0,1,1,1,1,1",
            "中央21项专项整治：规范“三公”经费管理,1,1,0,0,0,0,0,1,1,1,1,1",
            "中央21项专项整治：清理腾退超标办公用房,1,1,0,0,0,0,0,1,1,1,1,1",
            "中央21项专项整治：整治教育乱收费,1,1,0,0,0,0,0,1,1,1,1,1",
            "中央21项专项整治：整治“会所中的歌舞升平”,1,1,0,0,0,0,0,1,1,1,1,1",
            "中央21项专项整治：整治“人情保”“关系保”,1,1,0,0,0,0,0,1,1,1,1,1",
        ]
    );

    // A public report names no one, so it has no 责任清单.
    let out = run_example(&["--by", "lead", "--public"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: `--by lead` 按牵头班子成员列出，公示版本（`--public`）不列人名\n"
        )
    );
}

#[test]
fn md_lists_the_reviews_still_open_and_a_public_one_shows_none() {
    let section = |text: &str| -> String {
        let start = text.find("、需查漏补缺的单位\n").expect("the section");
        let start = text[..start].rfind("## ").expect("its heading");
        let rest = &text[start..];
        let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 4);
        rest[..end].trim_end().to_owned()
    };
    let out = run_example(&["--org", "省直/省国资委党委", "--format", "md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        section(&out.stdout),
        "## 十、需查漏补缺的单位\n\n\
         | 序号 | 单位 | 审核方式 | 审核单位 | 审核日期 | 审核结果 |\n\
         | ---: | --- | --- | --- | --- | --- |\n\
         | 1 | 中共浙江省国资委委员会 | 整改办抽查 | 省委整改办 | 2015年3月3日 | 查漏补缺 |\n\
         | 2 | 中共浙江省交通投资集团有限公司委员会 | 督导组检查 | 省委第四督导组 | 2015年3月9日 | 退回 |"
    );
    // What a review found is process: a public report shows progress only (SPEC §14).
    let out = run_example(&["--org", "省直/省国资委党委", "--format", "md", "--public"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("需查漏补缺"), "{}", out.stdout);
    assert!(!out.stdout.contains("督导组检查"), "{}", out.stdout);
}

#[test]
fn english_reports_carry_no_chinese_punctuation_of_their_own() {
    let md = run_example(&["--format", "md", "--lang", "en"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert_eq!(
        md.stdout.lines().nth(2),
        Some(
            "Under \"开展教育实践活动整改落实情况“回头看”的实施方案\" \\(浙整改办发〔2015〕2号\\) · report deadline: 2015-02-28"
        )
    );
    let csv = run_example(&["--format", "csv", "--lang", "en"]);
    assert!(
        csv.stdout
            .contains(",市委常委会专题研究; 分解落实到市级部门,"),
        "{}",
        csv.stdout
    );
    let zh = run_example(&["--format", "csv"]);
    assert!(
        zh.stdout
            .contains(",市委常委会专题研究；分解落实到市级部门,")
    );
}

#[test]
fn a_narrow_terminal_shows_the_main_figures_and_wide_shows_every_column() {
    use huitoukan::render::table;
    use huitoukan::rollup::{self, By, Options};
    let as_of = jiff::civil::date(2015, 3, 10);
    let checked = huitoukan::rules::check::check(&example(), as_of);
    let lang = huitoukan::text::i18n::Lang::Zh;
    let options = Options {
        org: "",
        as_of,
        public: false,
        by: By::Org,
    };
    let report =
        rollup::build(&checked.records, &checked.diagnostics, &options).expect("read back");
    let note = "终端较窄，只列出主要数字；列出全部：--wide";
    for width in [80u16, 100] {
        let text = table::render_width(&report, By::Org, lang, Some(width)).expect("rendered");
        // Two grids, a row a line: the totals, and the 18 folders with 合计 (the figures
        // below the totals are sentences, wrapped to the terminal).
        let lines = text
            .lines()
            .filter(|l| l.starts_with(['┌', '│', '╞', '├', '└']))
            .count();
        assert!(lines < 40, "{width} columns, {lines} lines:\n{text}");
        let headers: Vec<Vec<&str>> = text
            .lines()
            .filter(|l| l.starts_with("│ 单位数") || l.starts_with("│ 机构"))
            .map(|l| {
                l.split(['│', '┆'])
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .collect()
            })
            .collect();
        assert_eq!(headers.len(), 2, "{width}:\n{text}");
        for core in ["事项数", "已完成", "未完成", "逾期未完成", "整改完成率"] {
            assert!(headers[1].contains(&core), "{width}: {core}\n{text}");
        }
        assert_eq!(headers[1][0], "机构");
        assert!(!headers[1].contains(&"层级"), "{text}");
        assert!(text.contains("│ 合计 "), "{text}");
        assert!(text.trim_end().ends_with(note), "{width}:\n{text}");
        assert!(!text.contains("已测评"), "{width}:\n{text}");
    }
    // Wide enough, every column, and no note.
    let text = table::render_width(&report, By::Org, lang, Some(400)).expect("rendered");
    assert!(
        text.contains("逾期未报送") && !text.contains(note),
        "{text}"
    );
    // --wide: every column at 80 too.
    let mut out = Vec::new();
    table::write(&mut out, &report, By::Org, lang, Some(80), true).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("逾期未报送") && !text.contains(note),
        "{text}"
    );
}

#[test]
fn a_public_report_shows_progress_not_process() {
    let example = example();
    let run = |public: bool, format: &str| {
        let mut args = vec![
            "report",
            example.to_str().expect("a UTF-8 path"),
            "--as-of",
            "2015-03-10",
            "--format",
            format,
        ];
        if public {
            args.push("--public");
        }
        Tree::empty().run(&args)
    };
    for format in ["md", "html"] {
        let internal = run(false, format);
        let public = run(true, format);
        assert_eq!((internal.code, public.code), (0, 0), "{}", public.stderr);
        for section in [
            "需查漏补缺的单位",
            "建议约谈提醒的单位",
            "建议通报表扬的单位",
        ] {
            assert!(internal.stdout.contains(section), "{format}: {section}");
            assert!(!public.stdout.contains(section), "{format}: {section}");
        }
        assert!(
            public
                .stdout
                .contains("其中2项按规定不予公开（计入总数，不列出具体事项）"),
            "{format}"
        );
        // No self-check process: no column of it, and the opening paragraph says nothing of it.
        for process in ["已退回", "逾期未报送", "按时报送", "审核检查"] {
            assert!(internal.stdout.contains(process), "{format}: {process}");
            assert!(!public.stdout.contains(process), "{format}: {process}");
        }
        if format == "html" {
            assert!(internal.stdout.contains("。自查报告按时报送11个"));
            assert!(public.stdout.contains("其中逾期未完成2个。</p>"));
        }
    }
    let table = run(true, "table");
    assert!(!table.stdout.contains("已退回"), "{}", table.stdout);
    let csv = run(true, "csv");
    assert!(!csv.stdout.contains("逾期未报送"), "{}", csv.stdout);
    // The same totals as the report sent upward.
    let internal: Value = serde_json::from_str(&run(false, "json").stdout).expect("JSON");
    let public: Value = serde_json::from_str(&run(true, "json").stdout).expect("JSON");
    assert_eq!(internal["totals"]["items"], 56);
    assert_eq!(public["totals"]["items"], 56);
    assert_eq!(
        public["totals"]["completion_rate"],
        internal["totals"]["completion_rate"]
    );
}
