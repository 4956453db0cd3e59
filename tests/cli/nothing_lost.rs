//! Nothing lost: no command changes a record, and no command that writes (`report --output`,
//! `init`, `new`) writes over a file that exists.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use crate::harness::{Output, Tree, names_in};

/// Every file below `root`: its bytes and when it was last modified.
fn snapshot(root: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.expect("an entry"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .expect("below the root")
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(e.path()).expect("read a file");
            let modified = e
                .metadata()
                .expect("metadata")
                .modified()
                .expect("a modification time");
            (rel, (bytes, modified))
        })
        .collect()
}

/// A copy of the example tree, with an empty folder for reports.
fn example_copy() -> Tree {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/zhejiang-2015");
    let mut tree = Tree::empty();
    for entry in walkdir::WalkDir::new(&example) {
        let entry = entry.expect("an entry");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(&example)
                .expect("below the example");
            let bytes = std::fs::read(entry.path()).expect("read the example");
            tree = tree.bytes(rel.to_str().expect("a UTF-8 path"), &bytes);
        }
    }
    std::fs::create_dir(tree.join("报告")).expect("a folder for reports");
    tree
}

fn assert_runs(out: &Output, code: i32, what: &str) {
    assert_eq!(out.code, code, "{what}: {}", out.stderr);
}

fn assert_refused(out: &Output, words: &str, what: &str) {
    assert_eq!(out.code, 2, "{what}: {}", out.stderr);
    assert!(out.stderr.contains(words), "{what}: {}", out.stderr);
}

#[test]
fn no_command_changes_a_record_and_none_writes_over_a_file() {
    let tree = example_copy();
    let before = snapshot(tree.path());
    let unit = "省直/省直机关工委";
    let as_of = ["--as-of", "2015-03-10"];

    for format in ["human", "json", "github", "gitlab"] {
        let mut cmd = tree.command(&["check", "--format", format, as_of[0], as_of[1]]);
        let summary = tempfile::NamedTempFile::new().expect("a step summary");
        cmd.env("GITHUB_STEP_SUMMARY", summary.path());
        assert_runs(&crate::harness::output(cmd), 0, format);
    }

    // Reports go outside the tree, into a folder of their own; inside it they are refused.
    let reports = Tree::empty();
    let root = tree.path().to_str().expect("a UTF-8 path");
    let mut written = Vec::new();
    for (format, extension) in [
        ("table", "txt"),
        ("md", "md"),
        ("csv", "csv"),
        ("json", "json"),
    ] {
        let output = format!("汇总.{extension}");
        let args = [
            "report", root, "--format", format, as_of[0], as_of[1], "--output", &output,
        ];
        assert_runs(&reports.run(&args), 0, &output);
        let first = std::fs::read(reports.join(&output)).expect("the report");
        assert!(!first.is_empty(), "{output}");
        assert_refused(&reports.run(&args), "已存在，不会覆盖", &output);
        assert_eq!(
            std::fs::read(reports.join(&output)).expect("the report"),
            first,
            "{output} is kept as it was"
        );
        // Inside the tree, a new report is written (CI publishes it in the checkout), once.
        let inside = format!("报告/汇总.{extension}");
        let args = [
            "report", "--format", format, as_of[0], as_of[1], "--output", &inside,
        ];
        assert_runs(&tree.run(&args), 0, &inside);
        written.push(inside.clone());
        assert_refused(&tree.run(&args), "已存在，不会覆盖", &inside);
    }
    assert_eq!(
        names_in(reports.path()),
        ["汇总.csv", "汇总.json", "汇总.md", "汇总.txt"]
    );
    for over in [format!("{unit}/unit.toml"), "README.md".to_owned()] {
        let args = [
            "report", "--format", "md", as_of[0], as_of[1], "--output", &over,
        ];
        let words = if over.ends_with(".toml") {
            ".toml 文件是台账记录"
        } else {
            "已存在，不会覆盖"
        };
        assert_refused(&tree.run(&args), words, &over);
    }

    assert_refused(&tree.run(&["init"]), "已经是台账根目录", "init at the root");
    assert_refused(
        &tree.run(&["init", unit]),
        "台账不能嵌套",
        "init inside the tree",
    );

    assert_runs(&tree.run(&["new", "unit", "省直/新单位"]), 0, "new unit");
    written.push("省直/新单位/unit.toml".to_owned());
    let new_unit = std::fs::read(tree.join("省直/新单位/unit.toml")).expect("the new unit");
    assert_refused(
        &tree.run(&["new", "unit", "省直/新单位"]),
        "已存在，不会覆盖",
        "new unit again",
    );
    assert_refused(
        &tree.run(&["new", "unit", unit]),
        "已存在，不会覆盖",
        "new unit over a unit",
    );
    assert_eq!(
        std::fs::read(tree.join("省直/新单位/unit.toml")).expect("the new unit"),
        new_unit
    );

    let out = tree.run(&["new", "item", unit]);
    assert_runs(&out, 0, "new item");
    let created = out
        .stdout
        .trim_end()
        .strip_prefix("已新建 ")
        .unwrap_or_else(|| panic!("{}", out.stdout))
        .to_owned();
    assert!(!before.contains_key(&created), "{created} is a new file");
    written.push(created);
    assert_refused(
        &tree.run(&["new", "item", unit, "作风评议结果运用"]),
        "已存在，不会覆盖",
        "new item over an item",
    );

    let after = snapshot(tree.path());
    for (rel, (bytes, modified)) in &before {
        let (now, now_modified) = after
            .get(rel)
            .unwrap_or_else(|| panic!("{rel} is still there"));
        assert!(now == bytes, "{rel} keeps its bytes");
        assert_eq!(now_modified, modified, "{rel} was not written");
    }
    let mut added: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    added.sort();
    written.sort();
    assert_eq!(
        added,
        written.iter().collect::<Vec<_>>(),
        "only what was asked for is new"
    );
}
