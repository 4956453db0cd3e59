//! `huitoukan check`: A campaign with its own schema.

use super::*;

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
