//! `huitoukan check`: E018–E022: the self-check and its reviews.

use super::*;

#[test]
fn e018_submitted_self_check_names_the_unanswered_points() {
    let unit = edit(UNIT, "\"6.4\" = \"是\"\n", "");
    let tree = with_unit(&edit(&unit, "\"L.3\" = \"是\"\n", ""));
    assert_eq!(
        check_json(&tree),
        [found(
            "E018",
            UNIT_PATH,
            9,
            1,
            "自查已报送，但以下适用的检查要点未逐项说明：6.4, L.3"
        )]
    );
}

#[test]
fn e018_submitted_without_any_answer() {
    let unit = format!(
        "{UNIT_PENDING}\n[self_check]\nsubmitted_on = 2015-02-10\nmeeting_on = 2015-01-20\n"
    );
    let tree = with_unit(&unit);
    assert_eq!(
        check_json(&tree),
        [found(
            "E018",
            UNIT_PATH,
            6,
            16,
            "自查已报送，但以下适用的检查要点未逐项说明：1.1, 1.2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 3.1, 3.2, 4.1, 4.2, 4.3, 5.1, 5.2, 5.3, 6.1, 6.2, 6.3, 6.4, L.1, L.2, L.3"
        )]
    );
}

#[test]
fn e018_not_before_submission() {
    let unit = edit(UNIT, "submitted_on = 2015-02-10\n", "");
    let tree = with_unit(&edit(&unit, "\"6.4\" = \"是\"\n", ""));
    assert_eq!(check_json_with(&tree, &["--as-of", "2015-02-20"]), []);
}

#[test]
fn e019_self_check_report_does_not_exist() {
    let tree = with_unit(&unit_with_self_check("report = \"自查报告.md\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E019",
            UNIT_PATH,
            8,
            10,
            "自查报告 \"自查报告.md\" 不存在"
        )]
    );
    let tree = tree.file("省直/省财政厅/自查报告.md", "# 自查报告\n");
    assert_eq!(check_json(&tree), []);
}

#[test]
fn e003_blank_self_check_report() {
    let tree = with_unit(&unit_with_self_check("report = \" \"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E003",
            UNIT_PATH,
            8,
            10,
            "字段 `self_check.report` 不能为空"
        )]
    );
}

#[test]
fn e020_self_check_report_with_dot_dot() {
    let tree = with_unit(&unit_with_self_check("report = \"../自查报告.md\"\n"))
        .file("省直/自查报告.md", "# 自查报告\n");
    assert_eq!(
        check_json(&tree),
        [found(
            "E020",
            UNIT_PATH,
            8,
            10,
            "自查报告 \"../自查报告.md\" 不在本单位文件夹内"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "写单位文件夹内的相对路径，如 \"自查报告.md\"；不要用 \"..\" 或绝对路径".to_owned()
        )]
    );
}

#[test]
fn e020_self_check_report_with_an_absolute_path() {
    let tree = with_unit(&unit_with_self_check("report = \"/etc/hostname\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E020",
            UNIT_PATH,
            8,
            10,
            "自查报告 \"/etc/hostname\" 不在本单位文件夹内"
        )]
    );
}

#[cfg(unix)]
#[test]
fn e020_self_check_report_through_a_symbolic_link() {
    let tree = with_unit(&unit_with_self_check("report = \"自查报告.md\"\n"))
        .file("省直/自查报告.md", "# 自查报告\n")
        .symlink("../自查报告.md", "省直/省财政厅/自查报告.md");
    assert_eq!(
        check_json(&tree),
        [
            found(
                "E020",
                UNIT_PATH,
                8,
                10,
                "自查报告 \"自查报告.md\" 是符号链接，不予读取"
            ),
            found(
                "W006",
                "省直/省财政厅/自查报告.md",
                1,
                1,
                "符号链接，已跳过（不读取根目录以外的内容）"
            ),
        ]
    );
}

/// The unit with one review, its `on` on line 36.
fn reviewed(unit: &str, on: &str) -> Tree {
    let unit = format!(
        "{unit}\n[[review]]\nkind = \"督查组审核\"\nby = \"省委第三督查组\"\non = {on}\nresult = \"通过\"\n"
    );
    with_unit(&unit)
}

#[test]
fn e021_review_before_the_self_check_was_submitted() {
    let tree = reviewed(UNIT, "2015-02-05");
    assert_eq!(
        check_json(&tree),
        [found(
            "E021",
            UNIT_PATH,
            37,
            6,
            "审核日期2015年2月5日早于自查报送日期2015年2月10日"
        )]
    );
    let out = tree.run(&["check", "--as-of", AS_OF]);
    assert!(
        out.stderr.contains(" ::: 省直/省财政厅/unit.toml:7:16\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("---------- 自查报送日期"),
        "{}",
        out.stderr
    );
}

#[test]
fn e021_not_on_the_day_of_submission() {
    assert_eq!(check_json(&reviewed(UNIT, "2015-02-10")), []);
}

#[test]
fn e022_review_of_a_unit_that_has_not_submitted() {
    let tree = reviewed(UNIT_PENDING, "2015-02-05");
    assert_eq!(
        check_json(&tree),
        [
            found(
                "W004",
                UNIT_PATH,
                1,
                1,
                "报送时限2015年2月28日已过，尚未报送自查报告"
            ),
            found(
                "E022",
                UNIT_PATH,
                8,
                6,
                "单位尚未报送自查（无 `self_check.submitted_on`），不能有审核记录"
            ),
        ]
    );
}
