//! `huitoukan check`: One run, every problem, in order.

use super::*;

#[test]
fn several_errors_in_several_files_all_come_out_sorted_by_path() {
    // Written in the reverse of path order.
    let item = edit(ITEM, "area = 2", "area = 7");
    let tree = Tree::new()
        .unit(
            ORG,
            &edit(UNIT, "batch = 1\n", "batch = 1\nleader = \"张某某\"\n"),
        )
        .item(ORG, ITEM_NAME, &edit(&item, "\"未完成\"", "\"完成\""))
        .unit("杭州市", &edit(UNIT, "batch = 1", "batch = 3"))
        .unit("宁波市", &edit(UNIT, "领导班子", "领导"));
    assert_eq!(
        check_json(&tree)
            .into_iter()
            .map(|(code, file, line, _, _)| (code, file, line))
            .collect::<Vec<_>>(),
        [
            ("E005".to_owned(), "宁波市/unit.toml".to_owned(), 2),
            ("E005".to_owned(), "杭州市/unit.toml".to_owned(), 3),
            ("E008".to_owned(), ITEM_PATH.to_owned(), 2),
            ("E005".to_owned(), ITEM_PATH.to_owned(), 8),
            ("E002".to_owned(), UNIT_PATH.to_owned(), 4),
        ]
    );
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let tree = Tree::new()
        .unit(ORG, UNIT_PENDING)
        .unit("杭州市", UNIT_PENDING)
        .unit("宁波市", UNIT_PENDING)
        .item(ORG, "甲", &edit(ITEM, "area = 2", "area = 7"))
        .item("杭州市", "乙", &edit(ITEM, "area = 2", "area = 8"))
        .item("宁波市", "丙", &edit(ITEM, "area = 2", "area = 9"));
    let run = |threads: &str| {
        let mut cmd = tree.command(&["check", "--as-of", AS_OF]);
        cmd.env("RAYON_NUM_THREADS", threads);
        output(cmd)
    };
    let one = run("1");
    assert_eq!(one.code, 1);
    assert_eq!(
        one.stderr.matches("error[E008]").count(),
        3,
        "{}",
        one.stderr
    );
    assert_eq!(run("4").stderr, one.stderr);
}
