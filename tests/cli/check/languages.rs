//! `huitoukan check`: Languages.

use super::*;

#[test]
fn lang_en_gives_english() {
    let tree = with_item(&edit(
        ITEM,
        "deadline = 2015-06-30",
        "deadline = \"2015-02-28\"",
    ));
    let found_all = diagnostics(&tree, &["--lang", "en"]);
    assert_eq!(
        found_all
            .iter()
            .map(|d| (d.code.as_str(), d.message.as_str(), d.help.as_deref()))
            .collect::<Vec<_>>(),
        [(
            "E006",
            "the date `deadline` is written as a string \"2015-02-28\"",
            Some("write a bare TOML date, without quotes: `deadline = 2015-02-28`")
        )]
    );
    let out = tree.run(&["check", "--as-of", AS_OF, "--lang", "en"]);
    assert!(
        out.stderr
            .ends_with("checked 3 files: 1 error, 0 warnings\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn lang_en_messages_of_several_codes() {
    let tree = Tree::new()
        .unit(ORG, &edit(UNIT, "batch = 1", "batch = 3"))
        .item(
            ORG,
            ITEM_NAME,
            &edit(ITEM, "title = \"文山会海问题有所反弹\"\n", ""),
        )
        .unit("杭州市", UNIT_PENDING);
    assert_eq!(
        check_json_with(&tree, &["--lang", "en"]),
        [
            found(
                "W004",
                "杭州市/unit.toml",
                1,
                1,
                "the due date 2015-02-28 has passed and no self-check is submitted"
            ),
            found("E003", ITEM_PATH, 1, 1, "missing required field `title`"),
            found(
                "E005",
                UNIT_PATH,
                3,
                9,
                "`batch` = 3 is not allowed; allowed values: 1 | 2"
            ),
        ]
    );
}

#[test]
fn huitoukan_lang_en_gives_english_and_lang_overrides_it() {
    let tree = with_unit(UNIT_PENDING);
    let mut english = tree.command(&["check", "--as-of", AS_OF]);
    english.env("HUITOUKAN_LANG", "en");
    let out = output(english);
    assert!(
        out.stderr.starts_with(
            "warning[W004]: the due date 2015-02-28 has passed and no self-check is submitted\n"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with("checked 3 files: 0 errors, 1 warning\n"),
        "{}",
        out.stderr
    );

    let mut chinese = tree.command(&["check", "--as-of", AS_OF, "--lang", "zh"]);
    chinese.env("HUITOUKAN_LANG", "en");
    let out = output(chinese);
    assert!(
        out.stderr.ends_with("检查了3个文件：0个错误，1个警告\n"),
        "{}",
        out.stderr
    );
}
