//! `huitoukan check`: W001–W006: the warnings.

use super::*;

#[test]
fn w001_overdue_the_day_after_the_deadline() {
    let tree = with_item(&edit(
        ITEM,
        "deadline = 2015-06-30",
        "deadline = 2015-03-09",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "W001",
            ITEM_PATH,
            7,
            12,
            "逾期1天：状态为未完成，时限2015年3月9日"
        )]
    );
}

#[test]
fn w001_not_overdue_on_the_deadline_itself() {
    let tree = with_item(&edit(
        ITEM,
        "deadline = 2015-06-30",
        "deadline = 2015-03-10",
    ));
    assert_eq!(check_json(&tree), []);
}

#[test]
fn w001_ineffective_past_rectify_by() {
    let tree = with_item(&item_with_status(
        "status = \"效果不理想\"\nrectify_by = 2015-03-01\n",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "W001",
            ITEM_PATH,
            9,
            14,
            "逾期9天：状态为效果不理想，时限2015年3月1日"
        )]
    );
}

#[test]
fn w002_completed_after_its_deadline() {
    let item = edit(ITEM, "deadline = 2015-06-30", "deadline = 2015-02-27");
    let tree = with_item(&edit(
        &item,
        "status = \"未完成\"\n",
        "status = \"已完成\"\ncompleted_on = 2015-03-01\nevidence = [\"会议纪要\"]\n",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "W002",
            ITEM_PATH,
            9,
            16,
            "未按期解决：完成于2015年3月1日，时限2015年2月27日"
        )]
    );
}

#[test]
fn w002_not_on_the_deadline_itself() {
    let item = edit(ITEM, "deadline = 2015-06-30", "deadline = 2015-03-01");
    let tree = with_item(&edit(
        &item,
        "status = \"未完成\"\n",
        "status = \"基本完成\"\ncompleted_on = 2015-03-01\nconsolidation = \"每季度通报\"\n",
    ));
    assert_eq!(check_json(&tree), []);
}

#[test]
fn w003_self_check_submitted_after_the_campaign_deadline() {
    let tree = with_unit(&edit(
        UNIT,
        "submitted_on = 2015-02-10",
        "submitted_on = 2015-03-02",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "W003",
            UNIT_PATH,
            7,
            16,
            "自查报告2015年3月2日报送，晚于2015年2月28日的报送时限"
        )]
    );
    let on_time = with_unit(&edit(
        UNIT,
        "submitted_on = 2015-02-10",
        "submitted_on = 2015-02-28",
    ));
    assert_eq!(check_json(&on_time), []);
}

#[test]
fn w004_no_self_check_after_the_campaign_deadline() {
    let tree = with_unit(UNIT_PENDING);
    assert_eq!(
        check_json(&tree),
        [found(
            "W004",
            UNIT_PATH,
            1,
            1,
            "报送时限2015年2月28日已过，尚未报送自查报告"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "报送后在 [self_check] 中填写 `submitted_on`".to_owned()
        )]
    );
}

#[test]
fn w004_not_before_the_deadline_pending() {
    let tree = with_unit(UNIT_PENDING);
    assert_eq!(check_json_with(&tree, &["--as-of", "2015-02-28"]), []);
}

#[test]
fn w004_points_at_a_self_check_without_submitted_on() {
    let tree = with_unit(&edit(UNIT, "submitted_on = 2015-02-10\n", ""));
    assert_eq!(
        check_json(&tree),
        [found(
            "W004",
            UNIT_PATH,
            5,
            1,
            "报送时限2015年2月28日已过，尚未报送自查报告"
        )]
    );
}

#[test]
fn w004_not_for_a_unit_that_cannot_be_parsed() {
    let tree = with_unit(&edit(
        UNIT,
        "name = \"中共浙江省财政厅党组\"",
        "name = \"中共浙江省财政厅党组",
    ));
    assert_eq!(
        check_json(&tree),
        [found(
            "E001",
            UNIT_PATH,
            1,
            19,
            "TOML 语法错误：invalid basic string, expected `\"`"
        )],
        "its item is no orphan, and nothing is said of a self-check that could not be read"
    );
}

#[test]
fn w005_answer_no_without_an_item_listing_the_point() {
    let tree = with_unit(&edit(UNIT, "\"2.2\" = \"是\"", "\"2.2\" = \"否\""));
    assert_eq!(
        check_json(&tree),
        [found(
            "W005",
            UNIT_PATH,
            13,
            1,
            "检查要点 \"2.2\" 自查为未落实，但没有事项纳入整改"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "新增一个事项，在 `points` 中列出 \"2.2\"（新发现的问题要及时纳入整改）".to_owned()
        )]
    );
}

#[test]
fn w005_not_when_an_item_lists_the_point() {
    let unit = edit(
        UNIT,
        "\"2.1\" = \"是\"",
        "\"2.1\" = { answer = \"部分\", note = \"2项问题尚未按期解决\" }",
    );
    assert_eq!(check_json(&with_unit(&unit)), []);
}

#[cfg(unix)]
#[test]
fn w006_symbolic_link_is_skipped() {
    let tree = valid().symlink("会议文件.toml", "省直/省财政厅/items/链接.toml");
    let document = check_document(&tree, &[]);
    assert_eq!(document["items"], 1, "the link is not read as an item");
    assert_eq!(
        check_json(&tree),
        [found(
            "W006",
            "省直/省财政厅/items/链接.toml",
            1,
            1,
            "符号链接，已跳过（不读取根目录以外的内容）"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some("把文件本身放进台账，而不是链接".to_owned())]
    );
}

#[cfg(unix)]
#[test]
fn w006_symbolic_link_to_a_folder_is_reported_once_and_not_entered() {
    let tree = valid().symlink("省直", "杭州市");
    let document = check_document(&tree, &[]);
    assert_eq!(
        (&document["units"], &document["items"]),
        (&1.into(), &1.into())
    );
    assert_eq!(
        check_json(&tree),
        [found(
            "W006",
            "杭州市",
            1,
            1,
            "符号链接，已跳过（不读取根目录以外的内容）"
        )]
    );
}

#[test]
fn hidden_folders_and_target_are_skipped() {
    let tree = valid()
        .file(".git/config.toml", "not toml at all [")
        .file("省直/target/x.toml", "not toml at all [")
        .file("省直/省财政厅/.backup/x.toml", "not toml at all [");
    assert_eq!(check_json(&tree), []);
}

#[test]
fn w009_a_record_named_toml_txt_or_upper_case_is_named_and_not_read() {
    let tree = valid()
        .item(ORG, "会议文件副本", ITEM)
        .file("省直/省财政厅/items/会议文件副本.toml.txt", "title = \n")
        .file("省直/省财政厅/items/调研.TOML", "title = \n")
        .file("省直/省财政厅/items/走访.Toml.TXT", "title = \n")
        .file("省直/省财政厅/说明.txt", "title = \n")
        .file("省直/省财政厅/.toml.txt", "title = \n");
    let misnamed = "文件名不是 *.toml（扩展名须为小写的 .toml），未作为台账记录读取";
    assert_eq!(
        check_json(&tree),
        [
            found(
                "W009",
                "省直/省财政厅/items/会议文件副本.toml.txt",
                1,
                1,
                misnamed
            ),
            found("W009", "省直/省财政厅/items/调研.TOML", 1, 1, misnamed),
            found("W009", "省直/省财政厅/items/走访.Toml.TXT", 1, 1, misnamed),
        ]
    );
    assert_eq!(
        helps(&tree),
        [
            Some("如果是台账记录，重命名为 会议文件副本.toml".to_owned()),
            Some("如果是台账记录，重命名为 调研.toml".to_owned()),
            Some("如果是台账记录，重命名为 走访.toml".to_owned()),
        ]
    );
    let document = check_document(&tree, &[]);
    assert_eq!(
        (&document["files"], &document["items"], &document["errors"]),
        (&4.into(), &2.into(), &0.into()),
        "none of them is read (each would be an E001)"
    );
}

#[cfg(unix)]
#[test]
fn e034_a_name_that_is_not_utf8_is_named_and_never_read() {
    use std::os::unix::ffi::OsStrExt;
    // 调研.toml, its name in GBK.
    let tree = valid();
    let name = std::ffi::OsStr::from_bytes(b"\xb5\xf7\xd1\xd0.toml");
    std::fs::write(tree.join("省直/省财政厅/items").join(name), ITEM).expect("write");
    assert_eq!(
        check_json(&tree),
        [found(
            "E034",
            "省直/省财政厅/items/\\xB5\\xF7\\xD1\\xD0.toml",
            1,
            1,
            "文件名不是 UTF-8 编码，未读取"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "看起来是 GBK 编码的“调研.toml”；重命名为 UTF-8 的名称，如在台账根目录运行 `convmv -f GBK -t UTF-8 -r --notest .`".to_owned()
        )]
    );
}

#[test]
fn e026_campaign_schema_in_a_hidden_folder_is_read_by_its_path() {
    // The walk skips hidden folders; a schema named there is still the campaign's schema.
    let with_schema = |schema: &str| {
        Tree::new()
            .file(
                "huitoukan.toml",
                &format!("{CAMPAIGN}schema = \".cfg/areas.toml\"\n"),
            )
            .file(".cfg/areas.toml", schema)
            .unit(ORG, AUDIT_UNIT)
    };
    let item = edit(ITEM, "points = [\"2.1\"]", "points = [\"A.2\"]");
    let tree = with_schema(AUDIT_SCHEMA).item(ORG, ITEM_NAME, &item);
    let document = check_document(&tree, &[]);
    assert_eq!(document["diagnostics"], Value::Array(vec![]));
    assert_eq!(document["files"], 4, "the schema file is read, as a schema");
    let tree = with_schema(&edit(AUDIT_SCHEMA, "id = \"A.2\"", "id = \"A.1\""));
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            ".cfg/areas.toml",
            21,
            6,
            "方案中 \"A.1\" 重复定义"
        )],
        "and checked as a schema"
    );
}

#[cfg(unix)]
#[test]
fn e026_campaign_schema_through_a_linked_folder_is_not_read() {
    let outside = Tree::empty().file("areas.toml", AUDIT_SCHEMA);
    let tree = valid()
        .file(
            "huitoukan.toml",
            &format!("{CAMPAIGN}schema = \"方案/areas.toml\"\n"),
        )
        .symlink(outside.path().to_str().expect("a UTF-8 path"), "方案");
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E026",
                "huitoukan.toml",
                4,
                10,
                "方案文件 \"方案/areas.toml\" 经过符号链接，不读取"
            ),
            found(
                "W006",
                "方案",
                1,
                1,
                "符号链接，已跳过（不读取根目录以外的内容）"
            ),
        ]
    );
}

#[test]
fn e026_campaign_schema_that_is_a_folder() {
    let tree = valid()
        .file("huitoukan.toml", &audit_campaign())
        .file("areas.toml/说明.txt", "");
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "huitoukan.toml",
            4,
            10,
            "方案文件 \"areas.toml\" 不是普通文件"
        )]
    );
}

#[test]
fn e019_self_check_report_with_a_colon_is_a_name_not_a_drive() {
    // Only one ASCII letter and a colon, then nothing or a separator, is a drive.
    for (report, code) in [
        ("a:b.md", None),
        ("省:b.md", None),
        ("ab:c.md", None),
        ("C:", Some("E020")),
        ("C:/报告.md", Some("E020")),
        ("c:\\\\报告.md", Some("E020")),
    ] {
        let tree = with_unit(&unit_with_self_check(&format!("report = \"{report}\"\n")));
        let codes: Vec<String> = check_json(&tree).into_iter().map(|d| d.0).collect();
        match code {
            Some(code) => assert_eq!(codes, [code], "{report}"),
            // On Windows a colon is no part of a file name, and the name leaves the folder.
            None if cfg!(windows) => assert_eq!(codes, ["E020"], "{report}"),
            None => {
                assert_eq!(codes, ["E019"], "{report} is looked for, not refused");
                let tree = tree.file(&format!("{ORG}/{report}"), "# 自查报告\n");
                assert_eq!(check_json(&tree), [], "{report}");
            }
        }
    }
}
