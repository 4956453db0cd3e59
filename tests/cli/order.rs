//! The office's order (SPEC §14): siblings by their unit's `order`, then by the campaign's
//! `order` list, then by pinyin; never by code point. Every report format and a stored report
//! read back keep it.

use serde_json::Value;

use crate::harness::{AS_OF, CAMPAIGN, ITEM, Tree, UNIT, edit};

/// A unit named `name`, with `order = N` where given.
fn unit(name: &str, order: Option<i64>) -> String {
    let named = edit(UNIT, "中共浙江省财政厅党组", name);
    match order {
        Some(n) => edit(&named, "batch = 1\n", &format!("batch = 1\norder = {n}\n")),
        None => named,
    }
}

/// 宁波市 and 杭州市 with their GB/T 2260 codes (宁波 written first), 温州市 named in the
/// campaign's list after 省直, and 湖州市 and 嘉兴市 named nowhere.
fn cities() -> Tree {
    let campaign = format!("{CAMPAIGN}order = [\"省直\", \"温州市\"]\n");
    let mut tree = Tree::new().file("huitoukan.toml", &campaign);
    for (org, name, order) in [
        ("宁波市", "中共宁波市委", Some(330200)),
        ("杭州市", "中共杭州市委", Some(330100)),
        ("温州市", "中共温州市委", None),
        ("湖州市", "中共湖州市委", None),
        ("嘉兴市", "中共嘉兴市委", None),
        ("省直/省财政厅", "中共浙江省财政厅党组", None),
        ("省直/省民政厅", "中共浙江省民政厅党组", None),
        ("省直/省交通运输厅", "中共浙江省交通运输厅党组", None),
    ] {
        tree = tree.unit(org, &unit(name, order));
        let overdue = edit(ITEM, "deadline = 2015-06-30", "deadline = 2015-01-31");
        tree = tree.item(org, "会议文件", &overdue);
    }
    tree
}

fn json(tree: &Tree, args: &[&str]) -> Value {
    let mut all = vec!["report", "--format", "json", "--as-of", AS_OF];
    all.extend_from_slice(args);
    let out = tree.run(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

fn column(rows: &Value, key: &str) -> Vec<String> {
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| r[key].as_str().expect("a string").to_owned())
        .collect()
}

const CHILDREN: [&str; 6] = ["杭州市", "宁波市", "省直", "温州市", "湖州市", "嘉兴市"];

#[test]
fn siblings_follow_their_order_then_the_campaign_list_then_pinyin() {
    let tree = cities();
    let report = json(&tree, &[]);
    // 杭州 330100 before 宁波 330200 (written the other way round, and 宁 U+5B81 is below
    // 杭 U+676D); then the campaign's list; then 湖 hú before 嘉 jiā.
    assert_eq!(column(&report["children"], "org"), CHILDREN);
    // Within 省直, by pinyin: 财 cái, 交 jiāo, 民 mín.
    assert_eq!(
        column(&report["units"], "org"),
        [
            "杭州市",
            "宁波市",
            "省直/省财政厅",
            "省直/省交通运输厅",
            "省直/省民政厅",
            "温州市",
            "湖州市",
            "嘉兴市"
        ]
    );
    let overdue = column(&report["overdue_items"], "unit");
    assert_eq!(overdue, column(&report["units"], "org"));
    // The md children table in the same order.
    let out = tree.run(&["report", "--format", "md", "--as-of", AS_OF]);
    let md = out.stdout;
    let at = |name: &str| md.find(&format!("| {name} |")).unwrap_or(usize::MAX);
    let places: Vec<usize> = CHILDREN.iter().map(|c| at(c)).collect();
    assert!(places.is_sorted() && places[5] < usize::MAX, "{md}");
}

#[test]
fn a_stored_report_keeps_the_order_and_a_scrambled_one_is_refused() {
    let tree = cities();
    let out = tree.run(&[
        "report", "--format", "json", "--as-of", AS_OF, "--output", "r.json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let again = tree.run(&["report", "--from", "r.json", "--format", "json"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    let report: Value = serde_json::from_str(&again.stdout).expect("JSON");
    assert_eq!(column(&report["children"], "org"), CHILDREN);

    // 省直's units apart, with 温州市 between them: not an order of the tree.
    let mut stored: Value =
        serde_json::from_str(&std::fs::read_to_string(tree.join("r.json")).expect("read"))
            .expect("JSON");
    let units = stored["units"].as_array_mut().expect("units");
    units.swap(3, 5);
    std::fs::write(tree.join("bad.json"), stored.to_string()).expect("write");
    let out = tree.run(&["report", "--from", "bad.json"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert_eq!(
        out.stderr,
        "error: bad.json：units[4] (省直/省民政厅) 未按机构的层级次序排列（同一机构的单位应相连，上级在前），或重复列出\n"
    );
}

#[test]
fn an_order_below_zero_is_an_error_at_its_line() {
    let tree = Tree::new()
        .file("huitoukan.toml", CAMPAIGN)
        .unit("杭州市", &unit("中共杭州市委", Some(-1)));
    let out = tree.run(&["check", "--format", "json", "--as-of", AS_OF]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let doc: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let d = &doc["diagnostics"][0];
    assert_eq!(
        (d["code"].as_str(), d["file"].as_str(), d["line"].as_u64()),
        (Some("E005"), Some("杭州市/unit.toml"), Some(4))
    );
    assert_eq!(d["message"], "`order` 应为不小于0的整数，实际是-1");
}
