//! Looking back over git (SPEC §11): real repositories built in temporary folders with the git
//! binary, read by huitoukan straight from their objects.

use serde_json::{Value, json};

use crate::harness::{CAMPAIGN, ITEM, ORG, Tree, UNIT, UNIT_PENDING, commit_all, edit, git_at};

const DAY1: &str = "2015-01-20T10:00:00+08:00";
const DAY2: &str = "2015-02-20T10:00:00+08:00";

/// An item of `ORG` with an explicit id, so renaming its file keeps it.
fn item(id: &str, title: &str, status_lines: &str, deadline: &str) -> String {
    format!(
        "id = \"{id}\"\ntitle = \"{title}\"\narea = 2\nsource = \"整改方案\"\nmeasures = [\"实行会议计划管理\"]\nresponsible = \"办公室\"\ndeadline = {deadline}\n{status_lines}\n"
    )
}

const OPEN: &str = "status = \"未完成\"";
const DONE: &str =
    "status = \"已完成\"\ncompleted_on = 2015-01-15\nevidence = [\"会议计划表\", \"通报\"]";
const MOSTLY: &str =
    "status = \"基本完成\"\ncompleted_on = 2015-01-15\nconsolidation = \"每季度复查\"";

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("JSON ({e}):\n{text}"))
}

/// Two commits: the second regresses A, moves B's deadline, deletes C, renames E's file
/// (keeping its id), adds F, turns D from 基本完成 to 已完成, and moves the unit 省直/民政厅 to
/// 省直/厅局/民政厅.
fn two_commits() -> (Tree, String, String) {
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .unit("省直/民政厅", UNIT_PENDING)
        .item(ORG, "a", &item("A", "甲", DONE, "2015-06-30"))
        .item(ORG, "b", &item("B", "乙", OPEN, "2015-06-30"))
        .item(ORG, "c", &item("C", "丙", OPEN, "2015-06-30"))
        .item(ORG, "d", &item("D", "丁", MOSTLY, "2015-06-30"))
        .item(ORG, "e", &item("E", "戊", OPEN, "2015-06-30"))
        .item("省直/民政厅", "m", &item("M", "己", OPEN, "2015-06-30"));
    let first = commit_all(tree.path(), DAY1, "第一次报送");
    let tree = tree
        .item(ORG, "a", &item("A", "甲", OPEN, "2015-06-30"))
        .item(ORG, "b", &item("B", "乙", OPEN, "2015-09-30"))
        .item(ORG, "d", &item("D", "丁", DONE, "2015-06-30"))
        .item(ORG, "f", &item("F", "庚", OPEN, "2015-06-30"));
    std::fs::remove_file(tree.join("省直/省财政厅/items/c.toml")).expect("delete c");
    std::fs::rename(
        tree.join("省直/省财政厅/items/e.toml"),
        tree.join("省直/省财政厅/items/e-renamed.toml"),
    )
    .expect("rename e");
    std::fs::create_dir_all(tree.join("省直/厅局")).expect("folder");
    std::fs::rename(tree.join("省直/民政厅"), tree.join("省直/厅局/民政厅")).expect("move unit");
    let second = commit_all(tree.path(), DAY2, "第二次报送");
    (tree, first, second)
}

/// What the test knows of the two commits, written out from the changes it made.
fn expected_diff(first: &str, second: &str) -> Value {
    let r = |unit: &str, id: &str, title: &str, status: &str| json!({"unit": unit, "id": id, "title": title, "status": status});
    let c = |id: &str, title: &str, from: &str, to: &str| json!({"unit": ORG, "id": id, "title": title, "from": from, "to": to});
    json!({
        "from": first,
        "to": second,
        // Sorted by unit (org paths in byte order: 厅 before 省), then id.
        "added": [r("省直/厅局/民政厅", "M", "己", "未完成"), r(ORG, "F", "庚", "未完成")],
        "removed": [r("省直/民政厅", "M", "己", "未完成"), r(ORG, "C", "丙", "未完成")],
        "units_added": ["省直/厅局/民政厅"],
        "units_removed": ["省直/民政厅"],
        "status_changed": [c("A", "甲", "已完成", "未完成"), c("D", "丁", "基本完成", "已完成")],
        "regressed": [c("A", "甲", "已完成", "未完成")],
        "deadline_moved": [{"unit": ORG, "id": "B", "title": "乙", "field": "deadline",
                            "from": "2015-06-30", "to": "2015-09-30"}],
    })
}

#[test]
fn diff_lists_what_changed_between_two_commits() {
    let (tree, first, second) = two_commits();
    let out = tree.run(&[
        "diff",
        &first,
        &second,
        "--format",
        "json",
        "--as-of",
        "2015-03-10",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut got = json_of(&out.stdout);
    let totals = got
        .as_object_mut()
        .and_then(|o| o.remove("totals"))
        .expect("totals");
    assert_eq!(got, expected_diff(&first, &second));
    // Seven items then (A done, D mostly done), seven now (A and C gone from done/open, F in).
    let count = |end: &str, key: &str| totals[end][key].as_u64().expect("a count");
    assert_eq!(
        (
            count("from", "items"),
            count("from", "done"),
            count("from", "mostly_done")
        ),
        (6, 1, 1)
    );
    assert_eq!(
        (
            count("to", "items"),
            count("to", "done"),
            count("to", "open")
        ),
        (6, 1, 5)
    );
    assert_eq!((count("from", "units"), count("to", "units")), (2, 2));

    // The same by other names: HEAD~1 and HEAD, and HEAD against the clean work tree.
    let by_name = tree.run(&[
        "diff",
        "HEAD~1",
        "HEAD",
        "--format",
        "json",
        "--as-of",
        "2015-03-10",
    ]);
    assert_eq!(by_name.stdout, out.stdout);
    let clean = json_of(&tree.run(&["diff", "--format", "json"]).stdout);
    assert_eq!(clean["to"], Value::Null);
    for list in [
        "added",
        "removed",
        "status_changed",
        "regressed",
        "deadline_moved",
    ] {
        assert_eq!(clean[list], json!([]), "{list}");
    }
}

#[test]
fn diff_table_and_markdown_name_the_changes() {
    let (tree, first, _) = two_commits();
    let out = tree.run(&["diff", &first, "--lang", "en", "--as-of", "2015-03-10"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with(&format!("{} → work tree\n", &first[..12])),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Regressions"), "{}", out.stdout);
    assert!(out.stdout.contains("2015-09-30"), "{}", out.stdout);
    let md = tree.run(&["diff", &first, "--format", "md", "--as-of", "2015-03-10"]);
    assert!(
        md.stdout
            .contains("## 状态倒退（反弹回潮）\n\n| 单位 | 编号 | 事项 | 原 | 现 |"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("| 省直/省财政厅 | A | 甲 | 已完成 | 未完成 |"),
        "{}",
        md.stdout
    );
}

#[test]
fn report_at_a_revision_is_byte_identical_to_a_report_on_its_checkout() {
    let (tree, first, _) = two_commits();
    let checkout = tempfile::tempdir().expect("a folder");
    let dest = checkout.path().join("co");
    git_at(
        tree.path(),
        DAY2,
        &[
            "worktree",
            "add",
            "-q",
            "--detach",
            dest.to_str().expect("UTF-8"),
            &first,
        ],
    );
    for format in ["json", "table", "md", "csv"] {
        let args = ["report", "--format", format, "--as-of", "2015-03-10"];
        let at = tree.run(&[&args[..], &["--at", &first]].concat());
        assert_eq!(at.code, 0, "{}", at.stderr);
        let mut cmd = assert_cmd::Command::cargo_bin("huitoukan").expect("binary");
        cmd.current_dir(&dest)
            .env("NO_COLOR", "1")
            .env_remove("HUITOUKAN_LANG")
            .args(args);
        let there = crate::harness::output(cmd);
        assert_eq!(there.code, 0, "{}", there.stderr);
        assert_eq!(at.stdout, there.stdout, "--format {format}");
    }
    // The JSON names the commit, with nothing uncommitted; the date defaults to the commit's.
    let at = json_of(
        &tree
            .run(&["report", "--format", "json", "--at", &first])
            .stdout,
    );
    assert_eq!(at["source"], json!({"commit": first, "dirty": false}));
    assert_eq!(at["as_of"], json!("2015-01-20"));
}

#[test]
fn report_source_names_head_and_uncommitted_changes() {
    let (tree, _, second) = two_commits();
    let clean = json_of(
        &tree
            .run(&["report", "--format", "json", "--as-of", "2015-03-10"])
            .stdout,
    );
    assert_eq!(clean["source"], json!({"commit": second, "dirty": false}));
    let tree = tree.item(ORG, "b", &item("B", "乙", OPEN, "2015-10-31"));
    let dirty = json_of(
        &tree
            .run(&["report", "--format", "json", "--as-of", "2015-03-10"])
            .stdout,
    );
    assert_eq!(dirty["source"], json!({"commit": second, "dirty": true}));
    let outside = Tree::new().unit(ORG, UNIT);
    let none = json_of(
        &outside
            .run(&["report", "--format", "json", "--as-of", "2015-03-10"])
            .stdout,
    );
    assert_eq!(none["source"], json!({"commit": null, "dirty": null}));
}

#[test]
fn records_in_a_folder_the_repository_does_not_hold_name_no_commit() {
    // A repository whose one commit holds a README and a .gitignore that leaves out `build/`,
    // where a records tree sits: those records are no state of that repository.
    let repo = Tree::empty()
        .file("README.md", "# 工具\n")
        .file(".gitignore", "build/\n");
    git_at(repo.path(), DAY1, &["init", "-q", "-b", "main"]);
    git_at(repo.path(), DAY1, &["add", "-A"]);
    git_at(repo.path(), DAY1, &["commit", "-q", "-m", "工具"]);
    let inside = repo
        .file("build/records/huitoukan.toml", CAMPAIGN)
        .file(&format!("build/records/{ORG}/unit.toml"), UNIT);
    let out = inside.run_in(
        "build/records",
        &["report", "--format", "json", "--as-of", "2015-03-10"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = json_of(&out.stdout);
    assert_eq!(report["source"], json!({"commit": null, "dirty": null}));
    assert_eq!(report["totals"]["units"], json!(1));
}

/// Ten items, all open at first; in month k (January = 1) item k is done, committed on the
/// 15th. Item deadlines fall on the 10th of each month from February on. The commits, oldest
/// first.
pub fn ten_months(mut tree: Tree) -> (Tree, Vec<String>) {
    let mut commits = Vec::new();
    for month in 1..=10 {
        for i in 1..=10 {
            let deadline = format!("2015-{:02}-10", (i + 1).min(12));
            let status = if i <= month {
                format!(
                    "status = \"已完成\"\ncompleted_on = 2015-{i:02}-14\nevidence = [\"验收单\"]"
                )
            } else {
                OPEN.to_owned()
            };
            tree = tree.item(
                ORG,
                &format!("{i:02}"),
                &item(&format!("I{i:02}"), "事项", &status, &deadline),
            );
        }
        let date = format!("2015-{month:02}-15T12:00:00+08:00");
        commits.push(commit_all(tree.path(), &date, &format!("第{month}月")));
    }
    (tree, commits)
}

#[test]
fn trend_over_ten_monthly_commits_row_by_row() {
    let (tree, commits) = ten_months(Tree::new().unit(ORG, UNIT));
    let out = tree.run(&["trend", "--to", "2015-10-31", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let trend = json_of(&out.stdout);
    assert_eq!(trend["every"], json!("month"));
    assert_eq!(trend["from"], json!("2015-01-15"));
    let rows = trend["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 10);
    for (k, row) in rows.iter().enumerate() {
        let month = k + 1;
        let end = jiff::civil::date(2015, month as i8, 1).last_of_month();
        assert_eq!(row["end"], json!(end.to_string()), "row {month}");
        assert_eq!(row["commit"], json!(commits[k]), "row {month}");
        let t = &row["totals"];
        assert_eq!(t["items"], json!(10), "row {month}");
        assert_eq!(t["done"], json!(month), "row {month}");
        assert_eq!(t["open"], json!(10 - month), "row {month}");
        // Open items past their deadline at the month's end: item i is due on the 10th of
        // month i + 1, so by the end of month m the items i < m are due, and those are done.
        assert_eq!(t["overdue"], json!(0), "row {month}");
        assert_eq!(
            t["completion_rate"],
            json!(month as f64 / 10.0),
            "row {month}"
        );
    }
    // Weekly rows: Sundays, each with the commit standing then.
    let weeks = json_of(
        &tree
            .run(&[
                "trend",
                "--every",
                "week",
                "--from",
                "2015-03-01",
                "--to",
                "2015-03-31",
                "--format",
                "json",
            ])
            .stdout,
    );
    let ends: Vec<&str> = weeks["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["end"].as_str().expect("a date"))
        .collect();
    assert_eq!(
        ends,
        [
            "2015-03-01",
            "2015-03-08",
            "2015-03-15",
            "2015-03-22",
            "2015-03-29"
        ]
    );
    assert_eq!(weeks["rows"][1]["commit"], json!(commits[1]));
    assert_eq!(weeks["rows"][2]["commit"], json!(commits[2]));
    // csv: a header and one row per month; md: a table.
    let csv = tree.run(&[
        "trend",
        "--to",
        "2015-10-31",
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    let lines: Vec<&str> = csv.stdout.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 11, "{}", csv.stdout);
    assert!(
        lines[0].starts_with("period end,commit,units,reporting units,items,done"),
        "{}",
        lines[0]
    );
    assert!(
        lines[3].starts_with(&format!("2015-03-31,{},1,1,10,3,", &commits[2][..12])),
        "{}",
        lines[3]
    );
}

#[test]
fn check_since_warns_of_rebounds_on_the_files_they_concern() {
    let (tree, first, _) = two_commits();
    let out = tree.run(&[
        "check",
        "--since",
        &first,
        "--as-of",
        "2015-03-10",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let doc = json_of(&out.stdout);
    let found: Vec<(String, String, u64)> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["file"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let at = |code: &str, file: &str, line: u64| (code.to_owned(), file.to_owned(), line);
    assert_eq!(
        found,
        [
            // M moved with its unit: gone from 省直/民政厅, whose unit is gone too.
            at("W013", "huitoukan.toml", 1),
            // The moved unit has not reported (as at the first commit).
            at("W004", "省直/厅局/民政厅/unit.toml", 1),
            // A is open again, and its evidence went with its completion.
            at("W014", "省直/省财政厅/items/a.toml", 1),
            at("W011", "省直/省财政厅/items/a.toml", 8),
            at("W012", "省直/省财政厅/items/b.toml", 7),
            at("W013", "省直/省财政厅/unit.toml", 1),
        ]
    );
    let message = |code: &str| {
        doc["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["code"] == json!(code))
            .map(|d| d["message"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        message("W011"),
        [format!(
            "整改状态倒退：{first} 时为 已完成，现为 未完成（反弹回潮）"
        )]
    );
    assert_eq!(
        message("W012"),
        [format!(
            "`deadline` 推迟：{first} 时为2015年6月30日，现为2015年9月30日"
        )]
    );
    assert_eq!(
        message("W014"),
        [format!("佐证材料被删去（{first} 时有）：会议计划表；通报")]
    );
    assert_eq!(
        message("W013"),
        [
            format!("未完成的事项 M（省直/民政厅/items/m.toml，{first} 时为 未完成）被删除"),
            format!("未完成的事项 C（省直/省财政厅/items/c.toml，{first} 时为 未完成）被删除"),
        ]
    );

    // Evidence removed, and --only-changed on a pull request's commit: only the changed file's
    // diagnostics (and deletions) are shown, while every rule ran on the whole tree.
    let tree = tree
        .item(
            ORG,
            "d",
            &item("D", "丁", &DONE.replace(", \"通报\"", ""), "2015-06-30"),
        )
        .item(ORG, "z", "title = \"\"\n");
    commit_all(tree.path(), "2015-02-25T10:00:00+08:00", "第三次");
    let tree = tree
        .item(ORG, "g", &item("G", "辛", OPEN, "2015-06-30"))
        .file("省直/省财政厅/items/z.toml", "title = \"\"\n# unchanged\n");
    let out = only_changed(&tree, "HEAD~1");
    assert!(
        out.stderr
            .contains("warning[W014]: evidence removed since HEAD~1: 通报"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("items/z.toml"), "{}", out.stderr);
    let head_only = only_changed(&tree, "HEAD");
    assert!(!head_only.stderr.contains("W014"), "{}", head_only.stderr);
    assert!(
        head_only.stderr.contains("items/z.toml"),
        "z changed since HEAD: {}",
        head_only.stderr
    );
    let untouched = tree.item(ORG, "z", "title = \"\"\n");
    let out = only_changed(&untouched, "HEAD");
    assert_eq!(
        out.code, 0,
        "the errors of z.toml are in an unchanged file: {}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "note: files unchanged since HEAD have 5 more errors and 1 more warning, not shown"
        ),
        "{}",
        out.stderr
    );
}

/// `check --since REV --only-changed`, in English.
fn only_changed(tree: &Tree, rev: &str) -> crate::harness::Output {
    tree.run(&[
        "check",
        "--since",
        rev,
        "--only-changed",
        "--as-of",
        "2015-03-10",
        "--lang",
        "en",
    ])
}

#[test]
fn clear_failures_outside_a_repository_and_for_unknown_or_missing_revisions() {
    let plain = Tree::new().unit(ORG, UNIT);
    let out = plain.run(&["diff", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: . is not inside a git repository"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("help: run `git init`"),
        "{}",
        out.stderr
    );

    let (tree, _, _) = two_commits();
    let out = tree.run(&["report", "--at", "no-such-tag", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: unknown revision `no-such-tag`: "),
        "{}",
        out.stderr
    );
    let out = tree.run(&["report", "--at", "@2014-12-31", "--lang", "en"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("no commit on or before 2014-12-31"),
        "{}",
        out.stderr
    );
    // @DATE: the last commit by the end of that day.
    let out = tree.run(&["report", "--at", "@2015-02-19", "--format", "json"]);
    let first = git_at(tree.path(), DAY2, &["rev-parse", "HEAD~1"]);
    assert_eq!(json_of(&out.stdout)["source"]["commit"], json!(first));

    // A shallow clone lacks HEAD~1: say fetch-depth: 0.
    let clones = tempfile::tempdir().expect("a folder");
    let url = format!("file://{}", tree.path().display());
    git_at(
        clones.path(),
        DAY2,
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let mut cmd = assert_cmd::Command::cargo_bin("huitoukan").expect("binary");
    cmd.current_dir(clones.path().join("shallow"))
        .args(["diff", "HEAD~1", "HEAD", "--lang", "en"]);
    let out = crate::harness::output(cmd);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .contains("this is a shallow clone: it lacks the history that `HEAD~1` needs"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("`fetch-depth: 0`"), "{}", out.stderr);
}

#[test]
fn a_revision_with_errors_is_refused_unless_keep_going() {
    let tree = Tree::new().unit(ORG, UNIT).item(ORG, "ok", ITEM).item(
        ORG,
        "bad",
        &edit(ITEM, "area = 2", "area = 9"),
    );
    let bad = commit_all(tree.path(), DAY1, "有错");
    let tree = tree.item(ORG, "bad", ITEM);
    commit_all(tree.path(), DAY2, "改正");
    let out = tree.run(&[
        "report",
        "--at",
        "HEAD~1",
        "--lang",
        "en",
        "--as-of",
        "2015-03-10",
    ]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stderr.contains("error[E008]"), "{}", out.stderr);
    assert!(
        out.stderr.contains("省直/省财政厅/items/bad.toml:2:8"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("note: the errors above are in the records at HEAD~1"),
        "{}",
        out.stderr
    );
    let kept = tree.run(&[
        "report",
        "--at",
        &bad,
        "--keep-going",
        "--format",
        "json",
        "--as-of",
        "2015-03-10",
    ]);
    assert_eq!(kept.code, 0, "{}", kept.stderr);
    let doc = json_of(&kept.stdout);
    assert_eq!(doc["totals"]["items"], json!(1));
    assert_eq!(
        doc["left_out"][0]["file"],
        json!("省直/省财政厅/items/bad.toml")
    );
    // diff refuses it the same way.
    let out = tree.run(&["diff", "HEAD~1", "HEAD", "--as-of", "2015-03-10"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let out = tree.run(&[
        "diff",
        "HEAD~1",
        "HEAD",
        "--keep-going",
        "--format",
        "json",
        "--as-of",
        "2015-03-10",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(json_of(&out.stdout)["added"][0]["id"], json!("bad"));
}

#[test]
fn a_root_below_the_top_of_the_repository_is_read_at_its_folder() {
    let (tree, first, _) = two_commits();
    // Move the whole tree one folder down in a new repository.
    let outer = tempfile::tempdir().expect("a folder");
    let inner = outer.path().join("records");
    std::fs::create_dir_all(&inner).expect("folder");
    for name in ["huitoukan.toml", "省直"] {
        std::fs::rename(tree.join(name), inner.join(name)).expect("move");
    }
    commit_all(outer.path(), DAY2, "子目录");
    let mut cmd = assert_cmd::Command::cargo_bin("huitoukan").expect("binary");
    cmd.current_dir(&inner).args([
        "report",
        "--at",
        "HEAD",
        "--format",
        "json",
        "--as-of",
        "2015-03-10",
    ]);
    let out = crate::harness::output(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(json_of(&out.stdout)["totals"]["items"], json!(6));
    let _ = first;
}

/// The `points` of each `<polyline>` of a page, and the texts of its chart's x axis (the
/// `<text>` elements centred under a tick).
fn line_of(html: &str) -> (Vec<String>, Vec<String>) {
    let svg = html
        .split("<svg ")
        .nth(1)
        .and_then(|s| s.split("</svg>").next())
        .expect("a chart");
    let lines = svg
        .split("<polyline points=\"")
        .skip(1)
        .map(|p| p.split('"').next().unwrap_or("").to_owned())
        .collect();
    let axis = svg
        .split("y=\"244\" text-anchor=\"middle\">")
        .skip(1)
        .map(|t| t.split('<').next().unwrap_or("").to_owned())
        .collect();
    (lines, axis)
}

#[test]
fn trend_html_draws_the_completion_rate_at_each_month_end_as_a_line() {
    let (tree, commits) = ten_months(Tree::new().unit(ORG, UNIT));
    let out = tree.run(&["trend", "--to", "2015-10-31", "--format", "html"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = out.stdout;
    crate::html::assert_self_contained(&html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(
        html.contains("<h1>各单位教育实践活动整改落实情况“回头看”进展趋势<br><span class=\"date\">（2015年1月15日至2015年10月31日）</span></h1>"),
        "{html}"
    );
    // Month k's end: 10·k % done, at x = 60 + 80·(k − 1) on a plot from y = 224 (0 %) up to
    // y = 24 (100 %).
    let (lines, axis) = line_of(&html);
    let expected: Vec<String> = (1..=10)
        .map(|k| format!("{}.0,{}.0", 60 + 80 * (k - 1), 224 - 20 * k))
        .collect();
    assert_eq!(lines, [expected.join(" ")]);
    assert_eq!(
        axis,
        [
            "2015年1月",
            "2月",
            "3月",
            "4月",
            "5月",
            "6月",
            "7月",
            "8月",
            "9月",
            "10月"
        ]
    );
    for label in ["0%", "25%", "50%", "75%", "100%"] {
        assert!(
            html.contains(&format!("text-anchor=\"end\">{label}</text>")),
            "{label}"
        );
    }
    assert!(html.contains(">30.0%</text>"), "the rate at each point");
    // Then the table, a row per month, in the office's dates.
    let table = html.split("<table>").nth(1).expect("the table");
    assert_eq!(table.matches("<tr>").count(), 11);
    assert!(
        table.contains(&format!(
            "<td class=\"d\">2015年3月31日</td><td>{}</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">10</td><td class=\"n\">3</td>",
            &commits[2][..12]
        )),
        "{table}"
    );
    // English: ISO months on the axis, the same line.
    let en = tree.run(&[
        "trend",
        "--to",
        "2015-10-31",
        "--format",
        "html",
        "--lang",
        "en",
    ]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(en.stdout.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(en.stdout.contains(
        "<h1>教育实践活动整改落实情况回头看: trend of all units, 2015-01-15 to 2015-10-31</h1>"
    ));
    let (en_lines, en_axis) = line_of(&en.stdout);
    assert_eq!(en_lines, lines);
    assert_eq!(en_axis[0], "2015-01");
    assert_eq!(en_axis.len(), 10);
    assert!(!en.stdout.contains("年"), "no Chinese dates in English");
}

#[test]
fn trend_html_names_weeks_and_breaks_the_line_where_no_item_was_listed() {
    // Weekly ends over a year's turn: the year is named where it changes; a week whose records
    // hold no item has no rate, so the line stops there and starts again.
    let tree = Tree::new().unit(ORG, UNIT);
    commit_all(tree.path(), "2014-12-20T10:00:00+08:00", "建库");
    let tree = tree.item(ORG, "a", &item("A", "甲", OPEN, "2015-06-30"));
    commit_all(tree.path(), "2014-12-24T10:00:00+08:00", "第一项");
    let done = "status = \"已完成\"\ncompleted_on = 2015-01-05\nevidence = [\"会议计划表\"]";
    let tree = tree.item(ORG, "a", &item("A", "甲", done, "2015-06-30"));
    commit_all(tree.path(), "2015-01-06T10:00:00+08:00", "完成");
    let out = tree.run(&[
        "trend",
        "--every",
        "week",
        "--to",
        "2015-01-11",
        "--format",
        "html",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Sundays 2014-12-21 (no item), 12-28 (0 %), 2015-01-04 (0 %), 01-11 (100 %).
    let (lines, axis) = line_of(&out.stdout);
    assert_eq!(lines, ["300.0,224.0 540.0,224.0 780.0,24.0"]);
    assert_eq!(
        axis,
        ["2014年12月21日", "12月28日", "2015年1月4日", "1月11日"]
    );
    assert!(out.stdout.contains("<circle cx=\"300.0\" cy=\"224.0\""));
    assert!(
        !out.stdout.contains("<circle cx=\"60.0\""),
        "no point without items"
    );
}

#[test]
fn trend_html_shows_a_hostile_campaign_name_as_text() {
    let campaign = "[campaign]\n\
                    name = \"<script>alert('回头看')</script>\"\n\
                    deadline = 2015-02-28\n\
                    region = \"<b>浙江省</b>\\\" onload=\\\"x()\"\n";
    let (tree, _) = ten_months(Tree::new().file("huitoukan.toml", campaign).unit(ORG, UNIT));
    let out = tree.run(&["trend", "--to", "2015-03-31", "--format", "html"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = out.stdout;
    crate::html::assert_self_contained(&html);
    assert!(
        html.contains(
            "<h1>&lt;b&gt;浙江省&lt;/b&gt;&quot; onload=&quot;x()&lt;script&gt;alert(&#39;“回头看”&#39;)&lt;/script&gt;进展趋势<br><span class=\"date\">（2015年1月15日至2015年3月31日）</span></h1>"
        ),
        "{html}"
    );
    assert!(!html.contains("<script"));
    assert!(!html.contains("<b>"));
}

/// The later end of a diff, and each later commit of a trend, take over the models of the files
/// that did not change; a file with a problem is read again at each end, so its problem is
/// found at both, and a changed file is read afresh.
#[test]
fn a_file_unchanged_between_two_ends_keeps_its_problems_at_both() {
    // A problem found while reading the file, not by a rule over the model.
    let bad = edit(ITEM, "area = 2", "area = \"二\"");
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "ok", &item("OK", "甲", OPEN, "2015-06-30"))
        .item(ORG, "same", &item("SAME", "乙", OPEN, "2015-06-30"))
        .item(ORG, "bad", &bad);
    commit_all(tree.path(), DAY1, "有错");
    let tree = tree.item(ORG, "ok", &item("OK", "甲", DONE, "2015-06-30"));
    commit_all(tree.path(), DAY2, "甲已完成");

    let out = tree.run(&["diff", "HEAD~1", "HEAD", "--as-of", "2015-03-10"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("省直/省财政厅/items/bad.toml:2:8"),
        "{}",
        out.stderr
    );
    for to in [Some("HEAD"), None] {
        let mut args = vec!["diff", "HEAD~1"];
        args.extend(to);
        args.extend(["--keep-going", "--format", "json", "--as-of", "2015-03-10"]);
        let out = tree.run(&args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        let doc = json_of(&out.stdout);
        for end in ["from", "to"] {
            let totals = &doc["totals"][end];
            assert_eq!(totals["items"], json!(2), "{args:?} {end}");
        }
        assert_eq!(doc["totals"]["from"]["done"], json!(0), "{args:?}");
        assert_eq!(doc["totals"]["to"]["done"], json!(1), "{args:?}");
        assert_eq!(
            doc["status_changed"],
            json!([{"unit": ORG, "id": "OK", "title": "甲", "from": "未完成", "to": "已完成"}]),
            "{args:?}"
        );
    }

    let out = tree.run(&[
        "trend",
        "--from",
        "2015-01-20",
        "--to",
        "2015-02-28",
        "--keep-going",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = json_of(&out.stdout)["rows"].clone();
    let items: Vec<&Value> = rows
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| &r["totals"]["items"])
        .collect();
    assert_eq!(items, [&json!(2), &json!(2)], "{rows}");
    assert_eq!(rows[1]["totals"]["done"], json!(1), "{rows}");
}
