//! `huitoukan check`: E008–E009: areas, points and answers against the schema.

use super::*;

#[test]
fn e008_unknown_area_lists_the_areas() {
    let tree = with_item(&edit(ITEM, "area = 2", "area = 7"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E008",
            ITEM_PATH,
            2,
            8,
            "内容方面 `area = 7` 不在方案中；可选：1 | 2 | 3 | 4 | 5 | 6"
        )]
    );
}

#[test]
fn e008_unknown_point_in_points() {
    let tree = with_item(&edit(
        ITEM,
        "points = [\"2.1\"]",
        "points = [\"2.1\", \"2.9\"]",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "E008",
            ITEM_PATH,
            3,
            18,
            "检查要点 \"2.9\" 不在方案中"
        )]
    );
    assert_eq!(helps(&tree), [Some("是否想写 `2.1`？".to_owned())]);
}

#[test]
fn e008_did_you_mean_prefers_a_point_of_the_same_kind() {
    let tree = with_item(&edit(
        ITEM,
        "points = [\"2.1\"]",
        "points = [\"g.2\", \"G.4\"]",
    ));
    assert_eq!(
        check_json(&tree),
        [
            found("E008", ITEM_PATH, 3, 11, "检查要点 \"g.2\" 不在方案中"),
            found("E008", ITEM_PATH, 3, 18, "检查要点 \"G.4\" 不在方案中"),
        ]
    );
    assert_eq!(
        helps(&tree),
        [
            Some("是否想写 `G.2`？".to_owned()),
            Some("是否想写 `G.1`？".to_owned())
        ]
    );
}

#[test]
fn e008_unknown_point_in_answers() {
    let tree = with_unit(&format!("{UNIT}\"9.9\" = \"是\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E008",
            UNIT_PATH,
            33,
            1,
            "检查要点 \"9.9\" 不在方案中"
        )]
    );
    assert_eq!(helps(&tree), [None]);
}

#[test]
fn e009_answer_to_a_batch_2_point_by_a_batch_1_unit() {
    let tree = with_unit(&format!("{UNIT}\"3.3\" = \"是\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E009",
            UNIT_PATH,
            33,
            1,
            "检查要点 \"3.3\" 不适用于第一批的领导班子"
        )]
    );
}

#[test]
fn e009_batch_2_unit_answering_the_batch_1_point() {
    let tree = with_unit(&edit(UNIT, "batch = 1", "batch = 2"));
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E018",
                UNIT_PATH,
                9,
                1,
                "自查已报送，但以下适用的检查要点未逐项说明：3.3"
            ),
            found(
                "E009",
                UNIT_PATH,
                19,
                1,
                "检查要点 \"3.2\" 不适用于第二批的领导班子"
            ),
        ]
    );
}

#[test]
fn e009_answer_to_a_point_answered_by_items() {
    let tree = with_unit(&format!("{UNIT}\"P.1\" = \"是\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E009",
            UNIT_PATH,
            33,
            1,
            "检查要点 \"P.1\" 不适用于第一批的领导班子"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "党员干部的重点（P 类）由个人整改事项回答，不在单位自查中作答；删去这一行".to_owned()
        )]
    );
}

#[test]
fn e009_grassroots_unit_answering_a_point_of_leadership_bodies() {
    let unit = r#"name = "中共某村委员会"
category = "基层党组织"
batch = 2

[self_check]
submitted_on = 2015-02-05
meeting_on = 2015-01-20
[self_check.answers]
"3.1" = "是"
"4.2" = "是"
"G.1" = "是"
"G.2" = "是"
"G.3" = "是"
"2.1" = "是"
"3.3" = "是"
"#;
    let tree = Tree::new().unit("宁波市/某村", unit);
    assert_eq!(
        check_json(&tree),
        [found(
            "E009",
            "宁波市/某村/unit.toml",
            14,
            1,
            "检查要点 \"2.1\" 不适用于第二批的基层党组织"
        )]
    );
}
