//! `huitoukan check`: `check PATH`: the path must exist; below the root, only its files are shown.

use super::*;

#[test]
fn check_of_a_path_that_does_not_exist_exits_2() {
    let tree = valid();
    let out = tree.run(&["check", "省值", "--as-of", AS_OF]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (2, "", "error: 省值 不存在\n")
    );
    let out = tree.run(&["check", "省值", "--as-of", AS_OF, "--lang", "en"]);
    assert_eq!(out.stderr, "error: 省值 does not exist\n");
    // `..` cannot climb above the root either.
    let out = tree.run(&["check", "省直/../..", "--as-of", AS_OF]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

/// Two units, each with one item that is wrong (E008), and a unit with a warning.
fn two_cities() -> Tree {
    Tree::new()
        .unit("杭州市", UNIT)
        .item("杭州市", "a", &edit(ITEM, "area = 2", "area = 9"))
        .unit("宁波市", UNIT)
        .item("宁波市", "b", &edit(ITEM, "area = 2", "area = 9"))
        .unit("宁波市/余姚市", UNIT_PENDING)
}

#[test]
fn check_of_a_folder_shows_counts_and_fails_on_its_own_files() {
    let tree = two_cities();
    let whole = check_json(&tree);
    assert_eq!(whole.len(), 3, "{whole:?}");

    let document = check_document(&tree, &["宁波市"]);
    let files: Vec<&str> = document["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["file"].as_str().expect("file"))
        .collect();
    assert_eq!(files, ["宁波市/items/b.toml", "宁波市/余姚市/unit.toml"]);
    assert_eq!(
        (document["errors"].as_u64(), document["warnings"].as_u64()),
        (Some(1), Some(1))
    );

    // The rules still ran on the whole tree; what is shown decides the exit code.
    let out = tree.run(&["check", "宁波市/余姚市", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.starts_with("warning[W004]: "), "{}", out.stderr);
    assert!(
        out.stderr.ends_with(
            "检查了6个文件：0个错误，1个警告\nnote: 只列出 宁波市/余姚市 下的文件；台账其余文件另有2个错误、0个警告\n"
        ),
        "{}",
        out.stderr
    );
    // A single file, named from a folder below the root.
    let out = tree.run_in("杭州市", &["check", "items/a.toml", "--as-of", AS_OF]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("--> ../杭州市/items/a.toml:2:8"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("b.toml"), "{}", out.stderr);
}

#[test]
fn check_of_a_folder_still_shows_the_campaign_files_errors() {
    let tree = two_cities().file("huitoukan.toml", &format!("{CAMPAIGN}colour = \"红\"\n"));
    let document = check_document(&tree, &["宁波市/余姚市"]);
    let codes: Vec<(&str, &str)> = document["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().expect("code"),
                d["file"].as_str().expect("file"),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("E002", "huitoukan.toml"),
            ("W004", "宁波市/余姚市/unit.toml")
        ]
    );
}

#[test]
fn deny_warnings_says_the_warnings_are_why_it_failed() {
    let tree = with_unit(UNIT_PENDING);
    let out = tree.run(&["check", "--as-of", AS_OF, "--deny-warnings"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.ends_with(
            "检查了3个文件：0个错误，1个警告\nerror: 检查未通过：有1个警告，且指定了 `--deny-warnings`\n"
        ),
        "{}",
        out.stderr
    );
    let out = tree.run(&["check", "--as-of", AS_OF, "--deny-warnings", "--lang", "en"]);
    assert!(
        out.stderr
            .ends_with("error: the check fails on 1 warning because of `--deny-warnings`\n"),
        "{}",
        out.stderr
    );
    // A machine format keeps its stdout; the reason goes to stderr for the CI log.
    let out = tree.run(&[
        "check",
        "--as-of",
        AS_OF,
        "--deny-warnings",
        "--format",
        "github",
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.starts_with("::warning "), "{}", out.stdout);
    assert_eq!(
        out.stderr,
        "error: 检查未通过：有1个警告，且指定了 `--deny-warnings`\n"
    );
    // With errors the errors are why; nothing more is said.
    let out = two_cities().run(&["check", "--as-of", AS_OF, "--deny-warnings"]);
    assert_eq!(out.code, 1);
    assert!(!out.stderr.contains("--deny-warnings"), "{}", out.stderr);
}
