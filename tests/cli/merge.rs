//! `merge` and `report --from`: reports that roll up without a shared repository. The example
//! split at its top-level folders, reported on part by part and merged, must give back the
//! report of the whole; and a stored report from elsewhere is checked before it is added up.

use serde_json::Value;

use crate::harness::{Output, Tree};

const AS_OF: &str = "2015-03-10";
const TOPS: [&str; 3] = ["省直", "杭州市", "宁波市"];

/// The parts of a report that a merge of its parts must give back.
pub const ADDED_UP: [&str; 8] = [
    "totals",
    "own",
    "by_area",
    "children",
    "units",
    "overdue_items",
    "ineffective_items",
    "linked_items",
];

fn example() -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/zhejiang-2015")
        .to_str()
        .expect("a UTF-8 path")
        .to_owned()
}

/// `report EXAMPLE --as-of … ARGS` run in `tree`.
fn report_example(tree: &Tree, args: &[&str]) -> Output {
    let example = example();
    let mut all = vec!["report", example.as_str(), "--as-of", AS_OF];
    all.extend_from_slice(args);
    tree.run(&all)
}

/// A folder holding `NAME.json`: the example's report on `--org NAME`, for each top folder.
fn parts() -> Tree {
    let tree = Tree::empty();
    for org in TOPS {
        let out = report_example(&tree, &["--org", org, "--format", "json"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        std::fs::write(tree.join(&format!("{org}.json")), out.stdout).expect("write a report");
    }
    tree
}

fn part_files() -> Vec<String> {
    TOPS.iter().map(|o| format!("{o}.json")).collect()
}

fn run(tree: &Tree, args: &[&str]) -> Output {
    tree.run(args)
}

fn json(out: &Output) -> Value {
    assert_eq!(out.code, 0, "stderr:\n{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("stdout is JSON")
}

/// The report's own path to a JSON value, with `f` applied to it, written back to `name`.
fn altered(tree: &Tree, from: &str, name: &str, f: impl FnOnce(&mut Value)) {
    let text = std::fs::read_to_string(tree.join(from)).expect("a report");
    let mut value: Value = serde_json::from_str(&text).expect("JSON");
    f(&mut value);
    let text = serde_json::to_string_pretty(&value).expect("JSON");
    std::fs::write(tree.join(name), text).expect("write a report");
}

#[test]
fn the_merge_of_the_parts_is_the_report_of_the_whole() {
    let tree = parts();
    let files = part_files();
    let mut args = vec!["merge"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--name", "浙江省"]);
    let merged = json(&run(&tree, &args));
    let whole = json(&report_example(&tree, &["--format", "json"]));

    assert_eq!(merged["format"], "huitoukan-report");
    assert_eq!(merged["version"], 1);
    assert_eq!(merged["campaign"]["region"], "浙江省");
    assert_eq!(merged["campaign"]["name"], whole["campaign"]["name"]);
    assert_eq!(
        merged["campaign"]["schema_sha256"],
        whole["campaign"]["schema_sha256"]
    );
    assert_eq!(merged["org"], Value::Null);
    assert_eq!(merged["as_of"], AS_OF);
    for key in ADDED_UP {
        assert_eq!(merged[key], whole[key], "{key}");
    }
    // The numbers, counted by hand from the example: 20 units, 56 items.
    let t = &merged["totals"];
    assert_eq!(
        [
            "units",
            "items",
            "done",
            "mostly_done",
            "open",
            "ineffective",
            "overdue"
        ]
        .map(|k| t[k].as_u64().expect("a count")),
        [20, 56, 21, 16, 14, 5, 2]
    );
    assert_eq!(
        ["closed", "assessed", "satisfied"].map(|k| t[k].as_u64().expect("a count")),
        [3, 31, 26]
    );
    // Rates from the summed counts, never an average of the parts' rates.
    assert_eq!(t["completion_rate"], 21.0 / 56.0);
    assert_eq!(t["done_or_mostly_rate"], 37.0 / 56.0);
    assert_eq!(t["satisfied_rate"], 26.0 / 31.0);
    let children: Vec<&str> = merged["children"]
        .as_array()
        .expect("children")
        .iter()
        .map(|c| c["org"].as_str().expect("an org"))
        .collect();
    // In pinyin order (杭 háng before 宁 níng), never by code point.
    assert_eq!(children, ["杭州市", "宁波市", "省直"]);
}

#[test]
fn report_from_stored_reports_is_the_report_of_the_tree_in_every_format() {
    let tree = parts();
    let files = part_files();
    for args in [
        &["--format", "md"][..],
        &["--format", "table"],
        &["--format", "table", "--by", "unit"],
        &["--format", "table", "--by", "area", "--lang", "en"],
        &["--format", "csv", "--by", "org"],
        &["--format", "csv", "--by", "unit"],
        &["--org", "杭州市", "--format", "md"],
        &["--org", "西湖区", "--format", "table", "--by", "unit"],
        &["--org", "省直", "--format", "csv", "--by", "area"],
        &["--org", "宁波市", "--format", "table", "--by", "org"],
    ] {
        let mut from = vec!["report", "--from"];
        from.extend(files.iter().map(String::as_str));
        from.extend_from_slice(args);
        let stored = run(&tree, &from);
        assert_eq!(stored.code, 0, "{args:?}: {}", stored.stderr);
        let direct = report_example(&tree, args);
        assert_eq!(stored.stdout, direct.stdout, "{args:?}");
    }
    // One stored report is rendered as it is, its own --org included.
    let one = run(
        &tree,
        &[
            "report",
            "--from",
            "杭州市.json",
            "--org",
            "西湖区",
            "--format",
            "md",
        ],
    );
    let direct = report_example(&tree, &["--org", "西湖区", "--format", "md"]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(one.stdout, direct.stdout);
}

#[test]
fn a_csv_of_stored_reports_has_a_row_per_unit_and_no_item_rows() {
    let tree = parts();
    let out = run(
        &tree,
        &["report", "--from", "杭州市.json", "--format", "csv"],
    );
    let direct = report_example(
        &tree,
        &["--org", "杭州市", "--format", "csv", "--by", "unit"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, direct.stdout);
    let out = run(&tree, &["report", "--from", "杭州市.json", "--by", "item"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: 保存的报告不含逐项事项，`--from` 不能用 `--by item`、`lead` 或 `task`；可用 --by org、unit 或 area\n"
    );
}

#[test]
fn report_from_with_an_unknown_org_lists_the_candidates() {
    let tree = parts();
    let out = run(&tree, &["report", "--from", "杭州市.json", "--org", "西湖"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("杭州市/西湖区"),
        "the closest folder: {}",
        out.stderr
    );
}

#[test]
fn a_merged_report_merges_again_below_its_name() {
    let tree = parts();
    let files = part_files();
    let mut args = vec!["merge"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--name", "浙江省", "--output", "浙江省.json"]);
    let out = run(&tree, &args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    // Another province: the same report under another region.
    altered(&tree, "浙江省.json", "江苏省.json", |v| {
        v["campaign"]["region"] = "江苏省".into();
    });
    let national = json(&run(
        &tree,
        &["merge", "浙江省.json", "江苏省.json", "--name", "全国"],
    ));
    assert_eq!(national["campaign"]["region"], "全国");
    assert_eq!(national["totals"]["units"], 40);
    assert_eq!(national["totals"]["items"], 112);
    assert_eq!(national["totals"]["completion_rate"], 42.0 / 112.0);
    let children: Vec<(&str, u64)> = national["children"]
        .as_array()
        .expect("children")
        .iter()
        .map(|c| {
            (
                c["org"].as_str().expect("an org"),
                c["totals"]["units"].as_u64().expect("a count"),
            )
        })
        .collect();
    assert_eq!(children, [("江苏省", 20), ("浙江省", 20)]);
    assert_eq!(national["units"][20]["org"], "浙江省/杭州市");
    assert!(
        national["overdue_items"]
            .as_array()
            .expect("a list")
            .iter()
            .all(|i| i["unit"]
                .as_str()
                .is_some_and(|u| u.starts_with("江苏省/") || u.starts_with("浙江省/"))),
        "{}",
        national["overdue_items"]
    );
    // The output is refused over an existing file.
    let again = run(&tree, &args);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("浙江省.json"), "{}", again.stderr);
}

#[test]
fn merge_refuses_inputs_that_do_not_add_up_naming_both() {
    let tree = parts();
    altered(&tree, "杭州市.json", "later.json", |v| {
        v["as_of"] = "2015-03-11".into();
    });
    let out = run(&tree, &["merge", "省直.json", "later.json"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: later.json 与 省直.json 的 as_of 不同（2015-03-11 与 2015-03-10），不能汇总\n  \
         = help: 只能汇总同一项工作、同一方案、同一截止日期的报告；截止日期不同而确需汇总的，加 --allow-mixed-dates\n"
    );
    let mixed = json(&run(
        &tree,
        &["merge", "省直.json", "later.json", "--allow-mixed-dates"],
    ));
    assert_eq!(mixed["as_of"], "2015-03-11", "as of the latest");

    altered(&tree, "杭州市.json", "other.json", |v| {
        v["campaign"]["name"] = "巡视整改".into();
    });
    let out = run(&tree, &["merge", "省直.json", "other.json", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.lines().next(),
        Some(
            "error: other.json and 省直.json differ in campaign.name (\"巡视整改\" and \
             \"教育实践活动整改落实情况回头看\"); they cannot be merged"
        )
    );

    altered(&tree, "杭州市.json", "schema.json", |v| {
        v["campaign"]["schema_sha256"] = "0000".into();
    });
    let out = run(&tree, &["merge", "省直.json", "schema.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: schema.json 与 省直.json 的 campaign.schema_sha256 不同"),
        "{}",
        out.stderr
    );

    // Two reports of one name: both files named.
    std::fs::copy(tree.join("杭州市.json"), tree.join("copy.json")).expect("copy");
    let out = run(&tree, &["merge", "杭州市.json", "copy.json"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: 杭州市.json 与 copy.json 同名（杭州市），不能作为两个下级汇总\n  \
         = help: 报告以 campaign.region 命名，没有则以 org、再以文件名命名；同一地区的报告只汇总一份\n"
    );
}

#[test]
fn a_public_merge_is_public_only_if_every_input_is() {
    let tree = parts();
    // Made public as `--public` makes it: no one named.
    let public = |v: &mut serde_json::Value| {
        v["public"] = true.into();
        for unit in v["units"].as_array_mut().expect("units") {
            unit["principal"] = serde_json::Value::Null;
            if unit["open_review"].is_object() {
                unit["open_review"]["by"] = serde_json::Value::Null;
            }
            // A public report has no review (审核情况 is process, not progress).
            unit["review"] = serde_json::Value::Null;
        }
    };
    altered(&tree, "杭州市.json", "public.json", public);
    let merged = json(&run(&tree, &["merge", "省直.json", "public.json"]));
    assert_eq!(merged["public"], false);
    altered(&tree, "省直.json", "public2.json", public);
    let merged = json(&run(&tree, &["merge", "public2.json", "public.json"]));
    assert_eq!(merged["public"], true);
}

#[test]
fn readers_ignore_unknown_keys() {
    let tree = parts();
    altered(&tree, "杭州市.json", "later.json", |v| {
        v["a_later_key"] = "…".into();
        v["totals"]["a_later_count"] = 3.into();
        v["units"][0]["a_later_field"] = Value::Null;
    });
    let out = run(&tree, &["report", "--from", "later.json", "--format", "md"]);
    let direct = report_example(&tree, &["--org", "杭州市", "--format", "md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, direct.stdout);
}

/// `merge FILE` fails with exit 2 and exactly `stderr`.
fn refused(tree: &Tree, file: &str, stderr: &str) {
    let out = run(tree, &["merge", file]);
    assert_eq!(out.code, 2, "{file}: {}", out.stderr);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, stderr, "{file}");
}

#[test]
fn hostile_stored_reports_are_refused_with_a_clear_error_each() {
    let tree = parts();
    let text = std::fs::read_to_string(tree.join("省直.json")).expect("a report");

    let cut = text.char_indices().nth(3000).map_or(0, |(at, _)| at);
    std::fs::write(tree.join("truncated.json"), &text[..cut]).expect("write");
    let lines = text[..cut].lines().count();
    let out = run(&tree, &["merge", "truncated.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: truncated.json：不是完整有效的报告 JSON（EOF while parsing")
            && out.stderr.contains(&format!(" at line {lines} column ")),
        "{}",
        out.stderr
    );

    // 1 GiB, sparse: refused by its size, before a byte of it is read.
    let big = std::fs::File::create(tree.join("big.json")).expect("create");
    big.set_len(1 << 30).expect("a sparse file");
    refused(
        &tree,
        "big.json",
        "error: big.json：文件有1073741824字节，超过报告文件的上限943718400字节，未读取\n",
    );

    std::fs::write(
        tree.join("nan.json"),
        text.replacen("\"completion_rate\":", "\"completion_rate\":NaN,\"x\":", 1),
    )
    .expect("write");
    let out = run(&tree, &["merge", "nan.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: nan.json：不是完整有效的报告 JSON（expected value at line"),
        "{}",
        out.stderr
    );

    altered(&tree, "省直.json", "negative.json", |v| {
        v["totals"]["overdue"] = (-1).into();
    });
    let out = run(&tree, &["merge", "negative.json", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(
            "error: negative.json: not a complete, valid report JSON (invalid value: integer `-1`, expected u32 at line"
        ),
        "{}",
        out.stderr
    );

    altered(&tree, "省直.json", "fraction.json", |v| {
        v["units"][0]["totals"]["items"] = 1.5.into();
    });
    let out = run(&tree, &["merge", "fraction.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("invalid type: floating point `1.5`, expected u32"),
        "{}",
        out.stderr
    );

    // Totals that are not the sum of the units: one more open item than the units hold.
    altered(&tree, "省直.json", "totals.json", |v| {
        for key in ["items", "open"] {
            v["totals"][key] = (v["totals"][key].as_u64().expect("a count") + 1).into();
        }
    });
    refused(
        &tree,
        "totals.json",
        "error: totals.json：数字对不上：totals.items 为30，其组成部分合计为29\n",
    );

    // A child whose totals are not the sum of its units.
    altered(&tree, "省直.json", "child.json", |v| {
        let t = &mut v["children"][0]["totals"];
        t["done"] = (t["done"].as_u64().expect("a count") - 1).into();
        t["open"] = (t["open"].as_u64().expect("a count") + 1).into();
    });
    refused(
        &tree,
        "child.json",
        "error: child.json：数字对不上：children (省直/省国资委党委).totals.done 为1，其组成部分合计为2\n",
    );

    // A row whose states are not its items.
    altered(&tree, "省直.json", "row.json", |v| {
        v["units"][1]["totals"]["done"] = 7.into();
    });
    let out = run(&tree, &["merge", "row.json", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: row.json: the counts do not add up: units[1] (省直/省国资委党委/省交通集团).totals.items \
         is 2, its parts add up to 8\n"
    );

    // A unit twice: the second is out of order.
    altered(&tree, "省直.json", "twice.json", |v| {
        let units = v["units"].as_array_mut().expect("units");
        let first = units[0].clone();
        units.insert(1, first);
    });
    refused(
        &tree,
        "twice.json",
        "error: twice.json：units[1] (省直/省国资委党委) 未按机构的层级次序排列（同一机构的单位应相连，上级在前），或重复列出\n",
    );

    altered(&tree, "省直.json", "v2.json", |v| v["version"] = 2.into());
    refused(
        &tree,
        "v2.json",
        "error: v2.json：报告版本2无法读取，本程序读取版本1\n",
    );
    altered(&tree, "省直.json", "check.json", |v| {
        v["format"] = Value::Null;
    });
    refused(
        &tree,
        "check.json",
        "error: check.json：不是 huitoukan 的报告（format 为 null，应为 \"huitoukan-report\"）\n",
    );
    let out = run(&tree, &["merge", "missing.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: missing.json：文件或文件夹不存在（系统错误2）\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn merge_refuses_a_report_with_one_it_already_holds() {
    let tree = parts();
    let files = part_files();
    let mut args = vec!["merge"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--name", "浙江省", "--output", "浙江省.json"]);
    assert_eq!(run(&tree, &args).code, 0);
    altered(&tree, "浙江省.json", "江苏省.json", |v| {
        v["campaign"]["region"] = "江苏省".into();
    });
    let out = run(
        &tree,
        &[
            "merge",
            "浙江省.json",
            "江苏省.json",
            "--name",
            "全国",
            "--output",
            "全国.json",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The nation with a province it already holds, or a city of it.
    for (held, stderr) in [
        (
            "浙江省.json",
            "error: 全国.json 已包含 浙江省.json 的单位，一起汇总会重复计算\n  = help: 只汇总同一级的报告：或者汇总各下级报告，或者直接使用已汇总的报告\n",
        ),
        (
            "杭州市.json",
            "error: 全国.json 已包含 杭州市.json 的单位，一起汇总会重复计算\n  = help: 只汇总同一级的报告：或者汇总各下级报告，或者直接使用已汇总的报告\n",
        ),
    ] {
        let out = run(&tree, &["merge", "全国.json", held, "--name", "世界"]);
        assert_eq!(
            (out.code, out.stdout.as_str(), out.stderr.as_str()),
            (2, "", stderr)
        );
        let out = run(&tree, &["report", "--from", "全国.json", held]);
        assert_eq!(out.code, 2, "{}", out.stderr);
    }
    // Parts that do not overlap still merge.
    assert_eq!(run(&tree, &["merge", "杭州市.json", "宁波市.json"]).code, 0);
}
