//! `huitoukan check`: Exit codes and the root.

use super::*;

#[test]
fn exit_0_when_clean() {
    let out = valid().run(&["check", "--as-of", AS_OF]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (0, "检查了3个文件：0个错误，0个警告\n")
    );
}

#[test]
fn exit_0_with_warnings() {
    let out = with_unit(UNIT_PENDING).run(&["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.starts_with("warning[W004]: "), "{}", out.stderr);
    assert!(
        out.stderr.ends_with("检查了3个文件：0个错误，1个警告\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn exit_1_with_warnings_and_deny_warnings() {
    let out = with_unit(UNIT_PENDING).run(&["check", "--as-of", AS_OF, "--deny-warnings"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.starts_with("warning[W004]: "), "{}", out.stderr);
}

#[test]
fn exit_0_with_deny_warnings_and_no_warning() {
    let out = valid().run(&["check", "--as-of", AS_OF, "--deny-warnings"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn exit_1_with_errors() {
    let out = with_item(&edit(ITEM, "area = 2", "area = 7")).run(&["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.starts_with("error[E008]: "), "{}", out.stderr);
    assert!(
        out.stderr.ends_with("检查了3个文件：1个错误，0个警告\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn exit_2_without_a_root() {
    let tree = Tree::empty().unit(ORG, UNIT);
    let out = tree.run(&["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: 在 . 及其上级文件夹中找不到 huitoukan.toml（台账根目录）\n  = help: 新建台账：`huitoukan init 文件夹`\n"
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn exit_2_without_a_root_in_english() {
    let out = Tree::empty().run(&["check", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no huitoukan.toml"), "{}", out.stderr);
    assert!(out.stderr.contains("huitoukan init"), "{}", out.stderr);
}

#[test]
fn exit_2_with_a_bad_as_of() {
    for bad in ["2015-02-30", "2015/03/10", "明天"] {
        let out = valid().run(&["check", "--as-of", bad]);
        assert_eq!(out.code, 2, "--as-of {bad}");
        assert!(
            out.stderr.contains(&format!(
                "error: 参数 --as-of <DATE> 的值 \"{bad}\" 无效：日期写作 年-月-日，如 2015-03-10"
            )),
            "{}",
            out.stderr
        );
        let out = valid().run(&["check", "--as-of", bad, "--lang", "en"]);
        assert_eq!(out.code, 2, "--as-of {bad} --lang en");
        assert!(
            out.stderr
                .contains(&format!("`{bad}` is not a date YYYY-MM-DD")),
            "{}",
            out.stderr
        );
        assert_eq!(out.stdout, "");
    }
}

#[test]
fn root_is_found_from_a_sub_folder() {
    let tree = with_item(&edit(ITEM, "area = 2", "area = 7"));
    let out = tree.run_in(
        "省直/省财政厅/items",
        &["check", "--format", "json", "--as-of", AS_OF],
    );
    assert_eq!(out.code, 1);
    let document: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(document["root"], "../../..");
    assert_eq!(document["diagnostics"][0]["file"], ITEM_PATH);

    let human = tree.run_in("省直/省财政厅/items", &["check", "--as-of", AS_OF]);
    assert!(
        human
            .stderr
            .contains(" --> ../../../省直/省财政厅/items/会议文件.toml:2:8\n"),
        "{}",
        human.stderr
    );
}

#[test]
fn root_is_found_above_the_path_given() {
    let tree = with_item(&edit(ITEM, "area = 2", "area = 7"));
    let out = tree.run(&["check", "省直", "--format", "json", "--as-of", AS_OF]);
    let document: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(document["root"], ".");
    assert_eq!(document["units"], 1);
    assert_eq!(document["diagnostics"][0]["file"], ITEM_PATH);
}
