//! `huitoukan check`: E014–E017: links between files.

use super::*;

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
