//! `huitoukan report`: the numbers of every format, counted by hand, and what each format
//! promises its reader.

use serde_json::Value;

use crate::harness::{ITEM, ORG, Tree, UNIT, UNIT_PENDING, edit, names_in, output};

/// The bundled example, as the README runs it.
fn example() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/zhejiang-2015")
}

fn run_example(args: &[&str]) -> crate::harness::Output {
    let tree = Tree::empty();
    let root = example();
    let mut all = vec![
        "report",
        root.to_str().expect("a UTF-8 path"),
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

fn self_check(totals: &Value) -> [u64; 4] {
    ["submitted", "late", "pending", "missing"]
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
//           self-checks 9 on time, 1 late (省交通集团).
//   杭州市:  5 units, 13 items: 5, 3, 4, 1; none overdue; 7 of 8 satisfied; 1 missing (象山社区).
//   宁波市:  5 units, 14 items: 5, 5, 3, 1; 1 overdue (梁弄镇/红色旅游环境, due 2015-02-15).
//   by area 1–6: 2, 28, 7, 6, 8, 5 items.

#[test]
fn example_whole_tree_totals_areas_and_children() {
    let report = json(&run_example(&["--format", "json"]));
    assert_eq!(report["org"], Value::Null);
    assert_eq!(report["as_of"], "2015-03-10");
    assert_eq!(counts(&report["totals"]), [20, 56, 21, 16, 14, 5, 2]);
    assert_eq!(self_check(&report["totals"]), [18, 1, 0, 1]);
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

    assert_eq!(orgs(&report["children"]), ["宁波市", "杭州市", "省直"]);
    let children = report["children"].as_array().expect("children");
    assert_eq!(counts(&children[0]["totals"]), [5, 14, 5, 5, 3, 1, 1]);
    assert_eq!(counts(&children[1]["totals"]), [5, 13, 5, 3, 4, 1, 0]);
    assert_eq!(counts(&children[2]["totals"]), [10, 29, 11, 8, 7, 3, 1]);
    assert_eq!(self_check(&children[1]["totals"]), [4, 0, 0, 1]);
    assert_eq!(report["units"].as_array().expect("units").len(), 20);
}

#[test]
fn example_org_shengzhi() {
    let report = json(&run_example(&["--org", "省直", "--format", "json"]));
    assert_eq!(report["org"], "省直");
    assert_eq!(counts(&report["totals"]), [10, 29, 11, 8, 7, 3, 1]);
    assert_eq!(self_check(&report["totals"]), [9, 1, 0, 0]);
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
        out.stdout.contains("### 牵头单位：省直/省直机关工委/省民政厅\n\n| 单位 | 编号 | 事项 |\n| --- | --- | --- |\n| 杭州市/西湖区 | 社区台账 | 社区考核评比和台账资料仍然偏多 |"),
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
                "status = \"未完成\"\nsatisfaction = \"不满意\"",
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
    assert_eq!(self_check(&report["totals"]), [1, 1, 0, 1]);
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

    // Before the deadline a unit that has not submitted is pending, not missing.
    let before = json(&tree.run(&["report", "--format", "json", "--as-of", "2015-02-28"]));
    assert_eq!(self_check(&before["totals"]), [1, 1, 1, 0]);
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
        out.stderr.contains("台账有 2 个错误，不生成报告"),
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
        out.stderr.contains("有 3 个文件因错误未纳入报告"),
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
    assert!(md.stdout.contains("## 未纳入本报告的文件"), "{}", md.stdout);
    assert!(
        md.stdout
            .contains("| 省直/乙厅/items/orphaned.toml | 所属单位 省直/乙厅 的 unit.toml 有错误 |"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("| 省直/省财政厅/items/bad.toml | E004: `area` 应为整数，实际是字符串 |"),
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

#[test]
fn public_leaves_out_confidential_items_and_every_person() {
    let secret = edit(
        ITEM,
        "status = \"未完成\"",
        "status = \"未完成\"\nconfidential = true",
    );
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "open", ITEM)
        .item(ORG, "secret", &secret)
        .item(ORG, "personal", PERSONAL);

    let private = report_json(&tree, &[]);
    assert_eq!(counts(&private["totals"]), [1, 3, 0, 0, 3, 0, 0]);
    assert_eq!(private["withheld"], Value::Null);
    let csv = tree.run(&["report", "--format", "csv", "--as-of", "2015-03-10"]);
    assert!(csv.stdout.contains("钱某某"), "{}", csv.stdout);

    let public = report_json(&tree, &["--public"]);
    assert_eq!(counts(&public["totals"]), [1, 2, 0, 0, 2, 0, 0]);
    assert_eq!(public["withheld"]["confidential_items"], 1);
    for format in ["table", "md", "csv", "json"] {
        let out = tree.run(&[
            "report",
            "--public",
            "--format",
            format,
            "--as-of",
            "2015-03-10",
        ]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert!(
            !out.stdout.contains("钱某某"),
            "{format} names a person:\n{}",
            out.stdout
        );
        assert!(
            !out.stdout.contains("secret"),
            "{format} shows a confidential item:\n{}",
            out.stdout
        );
        if format != "json" && format != "csv" {
            assert!(
                out.stdout
                    .contains("公开版本：不含涉密事项，不显示个人姓名。"),
                "{format}:\n{}",
                out.stdout
            );
        }
    }
    let csv = tree.run(&[
        "report",
        "--public",
        "--format",
        "csv",
        "--by",
        "item",
        "--as-of",
        "2015-03-10",
    ]);
    let header = csv.stdout.lines().next().expect("a header");
    assert!(!header.contains(",个人,"), "{header}");
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
        "机构,层级,单位数,事项数,已完成,基本完成,未完成,效果不理想,逾期,完成率,满意率,已报送,逾期报送,未到期,未报送"
    );
    assert_eq!(
        rows[1..],
        [
            "省直,1,1,2,0,0,2,0,0,0,,1,0,0,0",
            "省直/省财政厅,2,1,2,0,0,2,0,0,0,,1,0,0,0"
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
        "org,unit name,category,batch,self-check,submitted on,items,done,mostly done,open,ineffective,overdue,completion,satisfied"
    );
    assert_eq!(
        rows[1],
        "省直/省财政厅,中共浙江省财政厅党组,领导班子,1,submitted,2015-02-10,2,0,0,2,0,0,0,"
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
    assert_eq!(rows[2], "2,兑现整改承诺情况,2,0,0,2,0,0,0,");
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
        out.stdout
            .contains("| 省直/省财政厅 | a | 甲\\|乙<br>丙 | 未完成 | 2015-03-01 | 9 |"),
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
            "# 教育实践活动整改落实情况回头看 · 全部 整改落实情况汇总（截至 2015-03-10）"
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
fn output_inside_the_records_tree_is_refused_wherever_it_resolves() {
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "a", ITEM)
        .file("省直/说明.md", "keep me");
    let before = names_in(tree.path());
    let root = tree.path().to_str().expect("a UTF-8 path").to_owned();
    let outside = Tree::empty();
    #[cfg(unix)]
    let outside = outside.symlink(&root, "台账");
    let mut outputs = vec![
        "报告.md".to_owned(),
        "省直/报告.md".to_owned(),
        "省直/省财政厅/../报告.md".to_owned(),
        format!("{root}/报告.md"),
    ];
    if cfg!(unix) {
        // Through a link from outside into the tree.
        outputs.push(format!("{}/台账/报告.md", outside.path().display()));
    }
    for output in &outputs {
        let out = tree.run(&[
            "report",
            "--format",
            "md",
            "--as-of",
            "2015-03-10",
            "--output",
            output,
        ]);
        assert_eq!(
            (out.code, out.stdout.as_str(), out.stderr.as_str()),
            (
                2,
                "",
                format!(
                    "error: 不能把报告写到 {output}：它在台账目录内\n  = help: 台账目录 . 只存放台账记录；请写到它之外\n"
                )
                .as_str()
            ),
            "{output}"
        );
    }
    // `--force` does not open the tree either, not even over a file that is no record.
    let out = tree.run(&[
        "report",
        "--format",
        "md",
        "--as-of",
        "2015-03-10",
        "--force",
        "--output",
        "省直/说明.md",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("它在台账目录内"), "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(tree.join("省直/说明.md")).expect("the file"),
        "keep me"
    );
    assert_eq!(
        names_in(tree.path()),
        before,
        "nothing is written in the tree"
    );
    assert_eq!(names_in(&tree.join("省直")), ["省财政厅", "说明.md"]);
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
        replaced.starts_with("# 教育实践活动整改落实情况回头看"),
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
            "error: 文件夹 不是普通文件（文件夹、链接等），`--force` 也不会替换\n"
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
        .item(
            ORG,
            "secret",
            &edit(
                ITEM,
                "status = \"未完成\"",
                "status = \"未完成\"\nconfidential = true",
            ),
        );
    let run = |format: &str| {
        tree.run(&[
            "report",
            "--as-of",
            "2015-03-10",
            "--keep-going",
            "--public",
            "--format",
            format,
        ])
    };
    let table = run("table");
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(
        table
            .stdout
            .contains("│ 省直/省财政厅/items/bad.toml ┆ E004: `area` 应为整数，实际是字符串 │"),
        "{}",
        table.stdout
    );
    assert!(
        table
            .stdout
            .contains("公开版本：不含涉密事项，不显示个人姓名。 未列入的涉密事项：1"),
        "{}",
        table.stdout
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
        "note: 公开版本：不含涉密事项，不显示个人姓名。 未列入的涉密事项：1\n\
         note: 有 1 个文件因错误未纳入报告（报告中已列出）\n  \
         省直/省财政厅/items/bad.toml: E004: `area` 应为整数，实际是字符串\n"
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
