//! Writing records: `init`, `new`, `schema`, and the CI formats and helpers.

use serde_json::Value;

use crate::harness::{self, CAMPAIGN, ITEM, ORG, Output, Tree, UNIT, UNIT_PENDING, edit};

#[test]
fn init_new_unit_new_item_then_check_passes() {
    let tree = Tree::empty();
    let out = tree.run(&["init", "台账"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("已新建 台账/huitoukan.toml\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("已新建 台账/示例单位/items/001.toml\n"),
        "{}",
        out.stdout
    );
    for file in [
        "huitoukan.toml",
        "taplo.toml",
        "示例单位/unit.toml",
        "示例单位/items/001.toml",
        ".huitoukan/schema/item.json",
    ] {
        assert!(tree.join("台账").join(file).is_file(), "{file}");
    }
    let out = tree.run_in("台账", &["new", "unit", "省直/省财政厅"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "已新建 省直/省财政厅/unit.toml\n"),
        "{}",
        out.stderr
    );
    let out = tree.run_in("台账", &["new", "item", "省直/省财政厅"]);
    assert_eq!(
        out.stdout, "已新建 省直/省财政厅/items/001.toml\n",
        "{}",
        out.stderr
    );
    let out = tree.run_in("台账", &["new", "item", "省直/省财政厅"]);
    assert_eq!(
        out.stdout, "已新建 省直/省财政厅/items/002.toml\n",
        "{}",
        out.stderr
    );
    let out = tree.run_in("台账/省直", &["new", "item", "省财政厅", "会议文件.toml"]);
    assert_eq!(
        out.stdout, "已新建 省财政厅/items/会议文件.toml\n",
        "{}",
        out.stderr
    );

    // Until the placeholders are replaced, every item says where: title, measures, responsible.
    let out = tree.run_in("台账", &["check", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let document: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let found: Vec<(String, u64, String)> = document["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                format!(
                    "{} {}",
                    d["code"].as_str().unwrap_or(""),
                    d["file"].as_str().unwrap_or("")
                ),
                d["line"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let items = [
        "省直/省财政厅/items/001.toml",
        "省直/省财政厅/items/002.toml",
        "省直/省财政厅/items/会议文件.toml",
    ];
    let expected: Vec<(String, u64, String)> = items
        .iter()
        .flat_map(|file| {
            [
                (7, "`title` 仍是模板的占位文字 \"（请填写问题）\""),
                (28, "`measures` 仍是模板的占位文字 \"（请填写措施）\""),
                (
                    33,
                    "`responsible` 仍是模板的占位文字 \"（请填写责任部门）\"",
                ),
            ]
            .map(|(line, message)| (format!("E035 {file}"), line, message.to_owned()))
        })
        .collect();
    assert_eq!(found, expected);

    // Filled in, the templates are clean records.
    for file in items {
        let path = tree.join("台账").join(file);
        let text = std::fs::read_to_string(&path).expect("an item");
        let text = text
            .replace("（请填写问题）", "会议偏多")
            .replace("（请填写措施）", "精简会议")
            .replace("（请填写责任部门）", "办公室");
        std::fs::write(&path, text).expect("fill in an item");
    }
    let out = tree.run_in("台账", &["check", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let document: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        (document["units"].as_u64(), document["items"].as_u64()),
        (Some(2), Some(4))
    );
    assert_eq!(
        document["diagnostics"],
        Value::Array(vec![]),
        "filled-in templates are clean records"
    );
}

/// The README's `init` example is what `init` prints (it runs here, in a temporary folder, so
/// that the README's own test run writes nothing into the repository).
#[test]
fn readme_init_example_is_true() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let start = readme
        .find("$ huitoukan init 台账\n")
        .expect("the init example")
        + "$ huitoukan init 台账\n".len();
    let expected = &readme[start..start + readme[start..].find("```").expect("the block's end")];
    let tree = Tree::empty();
    let out = tree.run(&["init", "台账"]);
    assert_eq!(out.stdout, expected);
}

#[test]
fn templates_point_editors_at_the_json_schemas() {
    let tree = Tree::empty();
    tree.run(&["init", "."]);
    tree.run(&["new", "unit", "杭州市/西湖区"]);
    tree.run(&["new", "item", "杭州市/西湖区"]);
    let first_line = |rel: &str| {
        std::fs::read_to_string(tree.join(rel))
            .expect(rel)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        first_line("huitoukan.toml"),
        "#:schema ./.huitoukan/schema/campaign.json"
    );
    assert_eq!(
        first_line("杭州市/西湖区/unit.toml"),
        "#:schema ../../.huitoukan/schema/unit.json"
    );
    assert_eq!(
        first_line("杭州市/西湖区/items/001.toml"),
        "#:schema ../../../.huitoukan/schema/item.json"
    );
    let taplo = std::fs::read_to_string(tree.join("taplo.toml")).expect("taplo.toml");
    assert!(
        taplo.contains(
            "include = [\"**/unit.toml\"]\nschema = { path = \".huitoukan/schema/unit.json\" }"
        ),
        "{taplo}"
    );
    let item_schema =
        std::fs::read_to_string(tree.join(".huitoukan/schema/item.json")).expect("schema");
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/item.schema.json"
    ))
    .expect("committed");
    assert_eq!(item_schema, committed);
}

#[test]
fn init_refuses_a_tree_and_never_overwrites() {
    let tree = Tree::new();
    let out = tree.run(&["init"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("已经是台账根目录"), "{}", out.stderr);

    let out = tree.run(&["init", "省直"]);
    assert_eq!(out.code, 2, "a tree inside a tree");
    assert!(out.stderr.contains("台账不能嵌套"), "{}", out.stderr);

    let tree = Tree::empty().file("新台账/taplo.toml", "# mine\n");
    let out = tree.run(&["init", "新台账", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("新台账/taplo.toml already exists and is never overwritten"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(tree.join("新台账/taplo.toml")).expect("kept"),
        "# mine\n"
    );
    assert!(
        !tree.join("新台账/huitoukan.toml").exists(),
        "a refusal writes nothing"
    );
}

#[test]
fn new_refuses_outside_a_tree_outside_a_unit_and_over_a_file() {
    let outside = Tree::empty();
    let out = outside.run(&["new", "unit", "某单位"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("huitoukan init"), "{}", out.stderr);

    let tree = Tree::new().unit(ORG, UNIT).item(ORG, "001", ITEM);
    let out = tree.run(&["new", "item", "省直"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("省直 不是单位文件夹（没有 unit.toml）"),
        "{}",
        out.stderr
    );

    let out = tree.run(&["new", "unit", ORG]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("省直/省财政厅/unit.toml 已存在，不会覆盖"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(tree.join("省直/省财政厅/unit.toml")).expect("unit"),
        UNIT
    );

    let out = tree.run(&["new", "item", ORG, "001"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        std::fs::read_to_string(tree.join("省直/省财政厅/items/001.toml")).expect("item"),
        ITEM
    );

    let out = tree.run(&["new", "item", ORG]);
    assert_eq!(
        out.stdout, "已新建 省直/省财政厅/items/002.toml\n",
        "the next free number"
    );

    for bad in ["../外面", ".git/x"] {
        let out = tree.run(&["new", "unit", bad]);
        assert_eq!(out.code, 2, "{bad}");
        assert!(out.stderr.contains("不在台账内"), "{bad}: {}", out.stderr);
    }
    let out = tree.run(&["new", "item", ORG, "a/b"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("文件名 \"a/b\" 不可用"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_folder_name_with_quotes_or_a_line_break_is_written_as_one_toml_string() {
    let tree = Tree::new();
    for (folder, name) in [
        ("nt/q\"uote", "q\"uote"),
        ("nt/a\nstatus = \"已完成\"", "a\nstatus = \"已完成\""),
        ("nt/反斜杠\\n'单引号'", "反斜杠\\n'单引号'"),
        ("nt/x\"\"\"\ny = 1", "x\"\"\"\ny = 1"),
    ] {
        let out = tree.run(&["new", "unit", folder]);
        assert_eq!(out.code, 0, "{folder:?}: {}", out.stderr);
        let text = std::fs::read_to_string(tree.join(folder).join("unit.toml")).expect("the unit");
        let table: toml::Table = text
            .parse()
            .unwrap_or_else(|e| panic!("{folder:?} wrote no TOML: {e}\n{text}"));
        assert_eq!(
            table.get("name").and_then(|v| v.as_str()),
            Some(name),
            "{folder:?}: exactly the folder's name"
        );
        let mut keys: Vec<&str> = table.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["batch", "category", "name"],
            "{folder:?}: no key added"
        );
    }
}

#[test]
fn a_schema_title_with_a_line_break_stays_in_its_comment() {
    let schema = huitoukan::model::schema::BUILTIN.replacen(
        "title = \"",
        "title = \"注入\\nstatus = \\\"已完成\\\"\\n",
        1,
    );
    let tree = Tree::new()
        .file(
            "huitoukan.toml",
            &format!("{CAMPAIGN}schema = \"areas.toml\"\n"),
        )
        .file("areas.toml", &schema)
        .unit(ORG, UNIT);
    let out = tree.run(&["new", "item", ORG, "新事项"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text =
        std::fs::read_to_string(tree.join("省直/省财政厅/items/新事项.toml")).expect("the item");
    assert!(text.contains("#   1 注入 status = \"已完成\" "), "{text}");
    let table: toml::Table = text.parse().expect("TOML");
    assert_eq!(table.get("status").and_then(|v| v.as_str()), Some("未完成"));
}

#[test]
fn github_step_summary_is_never_a_record_of_the_tree() {
    let tree = Tree::new().unit(ORG, UNIT).item(ORG, "a", ITEM);
    let summary = "省直/省财政厅/items/a.toml";
    let before = std::fs::read(tree.join(summary)).ok();
    let mut cmd = tree.command(&["check", "--format", "github", "--as-of", "2015-03-10"]);
    cmd.env("GITHUB_STEP_SUMMARY", tree.join(summary));
    let out = crate::harness::output(cmd);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "error: 不能把检查摘要（GITHUB_STEP_SUMMARY）写到 {}：台账目录内的 .toml 文件是台账记录\n  = help: 换一个文件名：报告可以写在台账目录内，但不能写成台账要读的文件\n",
            tree.join(summary).display()
        )
    );
    assert_eq!(std::fs::read(tree.join(summary)).ok(), before);
    // A new file beside the records is no record: the summary goes there.
    let mut cmd = tree.command(&["check", "--format", "github", "--as-of", "2015-03-10"]);
    cmd.env("GITHUB_STEP_SUMMARY", tree.join("summary.md"));
    let out = crate::harness::output(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let written = std::fs::read_to_string(tree.join("summary.md")).expect("the summary");
    assert!(written.contains("huitoukan"), "{written}");
}

#[test]
fn schema_lists_areas_and_points_and_prints_json_schemas() {
    let tree = Tree::empty();
    let out = tree.run(&["schema"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout
            .contains("│ 2    ┆ commitments    ┆ 兑现整改承诺情况"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("│ 3.3  ┆ 3    ┆ 领导班子"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("│ P.1  ┆      ┆ 由个人整改事项回答"),
        "{}",
        out.stdout
    );

    for kind in ["campaign", "unit", "item"] {
        let out = tree.run(&["schema", "--json-schema", kind]);
        let committed = std::fs::read_to_string(format!(
            "{}/schema/{kind}.schema.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("committed");
        assert_eq!(out.stdout, committed, "schema/{kind}.schema.json");
        let schema: Value = serde_json::from_str(&out.stdout).expect("JSON");
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    }
    let out = tree.run(&["schema", "--json-schema", "item"]);
    let schema: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(schema["properties"]["status"]["enum"][0], "已完成");
    assert_eq!(
        schema["properties"]["title"]["description"],
        "问题（必填），不能为空"
    );
    assert_eq!(schema["additionalProperties"], false);
}

#[test]
fn gitlab_code_quality_report() {
    let bad = edit(ITEM, "area = 2", "area = 9");
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "a", &bad)
        .item(ORG, "b", &bad);
    let out = tree.run(&["check", "--format", "gitlab", "--as-of", "2015-03-10"]);
    assert_eq!(out.code, 1);
    let issues: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let issues = issues.as_array().expect("an array");
    assert_eq!(issues.len(), 2);
    let first = &issues[0];
    assert_eq!(first["check_name"], "E008");
    assert_eq!(first["severity"], "major");
    assert_eq!(first["location"]["path"], "省直/省财政厅/items/a.toml");
    assert_eq!(first["location"]["lines"]["begin"], 2);
    assert!(
        first["description"]
            .as_str()
            .expect("text")
            .starts_with("内容方面 `area = 9` 不在方案中"),
        "{first}"
    );
    let fingerprint = first["fingerprint"].as_str().expect("fingerprint");
    assert_eq!(fingerprint.len(), 64);
    assert_ne!(
        issues[1]["fingerprint"], first["fingerprint"],
        "the location is part of the fingerprint"
    );
    let again = tree.run(&["check", "--format", "gitlab", "--as-of", "2015-03-10"]);
    assert_eq!(again.stdout, out.stdout, "fingerprints are stable");
}

/// The fingerprints of `check --format gitlab ARGS`, in output order.
fn fingerprints(tree: &Tree, args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--format", "gitlab"];
    all.extend_from_slice(args);
    let out = tree.run(&all);
    let issues: Value = serde_json::from_str(&out.stdout).expect("JSON");
    issues
        .as_array()
        .expect("an array")
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("fingerprint").to_owned())
        .collect()
}

#[test]
fn gitlab_fingerprints_follow_the_code_file_and_key_not_the_words_or_the_day() {
    let overdue = edit(ITEM, "deadline = 2015-06-30", "deadline = 2015-02-15");
    let tree = Tree::new().unit(ORG, UNIT).item(ORG, "a", &overdue);
    let today = fingerprints(&tree, &["--as-of", "2015-03-10"]);
    assert_eq!(today.len(), 1, "one W001 (逾期23天)");
    assert_eq!(fingerprints(&tree, &["--as-of", "2015-03-11"]), today);
    assert_eq!(
        fingerprints(&tree, &["--as-of", "2015-03-10", "--lang", "en"]),
        today
    );
    // A line added above moves the problem, which stays the same problem.
    let moved = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "a", &format!("# 备注\n\n{overdue}"));
    assert_eq!(fingerprints(&moved, &["--as-of", "2015-03-10"]), today);
    // Another file, or another key of the same file, is another problem.
    let other = Tree::new().unit(ORG, UNIT).item(ORG, "b", &overdue);
    assert_ne!(fingerprints(&other, &["--as-of", "2015-03-10"]), today);

    // Two problems of one code in one file, at one place, stay apart.
    let bare = edit(
        &edit(ITEM, "title = \"文山会海问题有所反弹\"\n", ""),
        "source = \"整改方案\"\n",
        "",
    );
    let tree = Tree::new().unit(ORG, UNIT).item(ORG, "a", &bare);
    let both = fingerprints(&tree, &["--as-of", "2015-03-10"]);
    assert_eq!(both.len(), 2, "E003 for title and for source");
    assert_ne!(both[0], both[1]);
}

/// The stdout of `check --format FORMAT` run in `folder`, with one variable of CI's set.
fn ci_check(
    tree: &Tree,
    folder: &str,
    format: &str,
    var: Option<(&str, &std::path::Path)>,
) -> String {
    let mut cmd = tree.command_in(
        folder,
        &["check", "--format", format, "--as-of", "2015-03-10"],
    );
    if let Some((name, value)) = var {
        cmd.env(name, value);
    }
    crate::harness::output(cmd).stdout
}

#[test]
fn ci_paths_are_relative_to_the_repository_wherever_the_job_runs() {
    let tree = Tree::empty()
        .file("repo/.git/HEAD", "ref: refs/heads/main\n")
        .file("repo/records/huitoukan.toml", crate::harness::CAMPAIGN)
        .file("repo/records/宁波市/unit.toml", UNIT_PENDING)
        .file("repo/records/杭州市/unit.toml", UNIT);
    let wanted = "::warning file=records/宁波市/unit.toml,line=1,col=1,title=W004::";
    for (folder, path) in [
        ("repo", &["records"][..]),
        ("repo/records", &[]),
        ("repo/records/杭州市", &["--root", "."]),
    ] {
        let args = [&["check"], path, &["--as-of", "2015-03-10", "--format"]].concat();
        let out = tree.run_in(folder, &[&args[..], &["github"]].concat());
        assert!(
            out.stdout.starts_with(wanted),
            "from {folder}: {}",
            out.stdout
        );
        let out = tree.run_in(folder, &[&args[..], &["gitlab"]].concat());
        assert!(
            out.stdout
                .contains("\"path\": \"records/宁波市/unit.toml\""),
            "from {folder}: {}",
            out.stdout
        );
    }
    // A work tree of `git worktree` or a submodule has a `.git` file.
    let tree = Tree::empty()
        .file("wt/.git", "gitdir: /elsewhere\n")
        .file("wt/records/huitoukan.toml", crate::harness::CAMPAIGN)
        .file("wt/records/宁波市/unit.toml", UNIT_PENDING);
    let out = ci_check(&tree, "wt/records/宁波市", "github", None);
    assert!(out.starts_with(wanted), "{out}");

    // CI says where the repository is.
    let records = tree.join("wt/records");
    let out = ci_check(
        &tree,
        "wt/records",
        "github",
        Some(("GITHUB_WORKSPACE", &records)),
    );
    assert!(out.starts_with("::warning file=宁波市/unit.toml,"), "{out}");
    let out = ci_check(
        &tree,
        "wt/records/宁波市",
        "gitlab",
        Some(("CI_PROJECT_DIR", tree.path())),
    );
    assert!(
        out.contains("\"path\": \"wt/records/宁波市/unit.toml\""),
        "{out}"
    );

    // Outside any work tree: relative to the current folder.
    let tree = Tree::empty()
        .file("records/huitoukan.toml", crate::harness::CAMPAIGN)
        .file("records/宁波市/unit.toml", UNIT_PENDING);
    let out = tree.run_in(
        "records/宁波市",
        &["check", "--format", "github", "--as-of", "2015-03-10"],
    );
    assert!(
        out.stdout
            .starts_with("::warning file=../宁波市/unit.toml,"),
        "{}",
        out.stdout
    );
}

#[test]
fn github_step_summary_lists_what_annotations_leave_out() {
    let mut tree = Tree::new().unit(ORG, UNIT);
    for i in 0..12 {
        tree = tree.item(ORG, &format!("{i:02}"), &edit(ITEM, "area = 2", "area = 9"));
    }
    // Where the runner keeps it: outside the records tree.
    let runner = Tree::empty().file("summary.md", "earlier step\n");
    let summary = runner.join("summary.md");
    let mut cmd = tree.command(&["check", "--format", "github", "--as-of", "2015-03-10"]);
    cmd.env("GITHUB_STEP_SUMMARY", &summary);
    let out = crate::harness::output(cmd);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout.lines().count(),
        12,
        "one annotation per diagnostic"
    );
    let text = std::fs::read_to_string(&summary).expect("summary");
    assert!(
        text.starts_with(
            "earlier step\n### huitoukan check\n\n检查了14个文件：12个错误，0个警告\n"
        ),
        "{text}"
    );
    assert!(text.contains("其余2条如下"), "{text}");
    assert!(text.contains("| error E008 | 省直/省财政厅/items/10.toml:2:8 | 内容方面 \\`area = 9\\` 不在方案中；可选：1 \\| 2 \\| 3 \\| 4 \\| 5 \\| 6 |"), "{text}");
    assert!(text.contains("items/11.toml:2:8"), "{text}");
    assert!(
        !text.contains("items/09.toml"),
        "the first ten are annotations: {text}"
    );
}

#[test]
fn completions_and_man_page() {
    let tree = Tree::empty();
    let out = tree.run(&["completions", "bash"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("_huitoukan()"),
        "{}",
        &out.stdout[..200.min(out.stdout.len())]
    );
    assert!(out.stdout.contains("--deny-warnings"));
    let out = tree.run(&["man"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.starts_with(".ie \\n(.g .ds Aq \\(aq") || out.stdout.contains(".TH huitoukan"),
        "{}",
        &out.stdout[..200.min(out.stdout.len())]
    );
    assert!(out.stdout.contains("report"));
}

/// Regression (#21): completions described the commands and options in English under the
/// default language.
#[test]
fn completions_describe_in_the_language_of_the_run() {
    let tree = Tree::empty();
    let zsh = tree.run(&["completions", "zsh"]);
    assert_eq!(zsh.code, 0, "{}", zsh.stderr);
    assert!(
        zsh.stdout
            .contains("'check:检查台账：逐个文件核对字段、状态、时限和报送情况' \\\n"),
        "{}",
        zsh.stdout
    );
    assert!(zsh.stdout.contains(
        "'--lang=[消息和帮助的语言：zh（默认）或 en；未指定时看环境变量 HUITOUKAN_LANG]:LANG:_default' \\\n"
    ));
    assert!(!zsh.stdout.contains("Validate a records tree"));
    let fish = tree.run(&["completions", "fish"]);
    assert!(
        fish.stdout
            .contains("-f -a \"check\" -d '检查台账：逐个文件核对字段、状态、时限和报送情况'\n")
    );

    let zsh = tree.run(&["completions", "zsh", "--lang", "en"]);
    assert!(
        zsh.stdout
            .contains("'check:Validate a records tree (检查台账)' \\\n")
    );
    assert!(!zsh.stdout.contains("检查台账："));

    // bash completes words only, with no descriptions: the same script in either language.
    let zh = tree.run(&["completions", "bash"]);
    let en = tree.run(&["completions", "bash", "--lang", "en"]);
    assert_eq!(zh.stdout, en.stdout);
}

/// Regression (#21): the manual's section headings were English under the default language.
#[test]
fn man_headings_are_in_the_language_of_the_run() {
    let tree = Tree::empty();
    let headings = |out: &Output| -> Vec<String> {
        out.stdout
            .lines()
            .filter(|l| l.starts_with(".SH "))
            .map(str::to_owned)
            .collect()
    };
    let zh = tree.run(&["man"]);
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    assert_eq!(
        headings(&zh),
        [
            ".SH 名称",
            ".SH 概要",
            ".SH 描述",
            ".SH 选项",
            ".SH 命令",
            ".SH 退出状态",
            ".SH 版本"
        ]
    );
    assert!(
        zh.stdout
            .contains(".SH 名称\nhuitoukan \\- 回头看：整改落实台账的检查与汇总\n")
    );
    let en = tree.run(&["man", "--lang", "en"]);
    assert_eq!(
        headings(&en),
        [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
            ".SH SUBCOMMANDS",
            ".SH \"EXIT STATUS\"",
            ".SH VERSION"
        ]
    );
    // Every page of `--dir`, too.
    let out = tree.run(&["man", "--dir", "man"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let check = std::fs::read_to_string(tree.join("man/huitoukan-check.1")).expect("a page");
    assert!(check.contains("\n.SH 退出状态\n.TP\n0\n"), "{check}");
    assert!(!check.contains(".SH NAME") && !check.contains("EXIT STATUS"));
}

/// Regression (#21): over existing pages `man --dir` suggested a `--force` it does not take and
/// called the pages a new report.
#[test]
fn man_dir_over_an_existing_page_says_which_and_what_to_do() {
    let tree = Tree::empty().file("man/huitoukan-check.1", "old page\n");
    let out = tree.run(&["man", "--dir", "man"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: 手册页 man/huitoukan-check.1 已存在，不会覆盖；本次一页也没有写入\n  \
         = help: 删去 man 中原有的 huitoukan 手册页后再运行，或用 `--dir` 另选一个文件夹\n"
    );
    assert!(!out.stderr.contains("--force") && !out.stderr.contains("报告"));
    assert_eq!(harness::names_in(&tree.join("man")), ["huitoukan-check.1"]);
    let out = tree.run(&["man", "--dir", "man", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: the manual page man/huitoukan-check.1 already exists and is never overwritten; \
         no page was written\n  = help: remove the old huitoukan pages from man and run it again, \
         or choose another folder with `--dir`\n"
    );
}

#[test]
fn man_dir_writes_one_page_per_command_with_options_and_exit_codes() {
    let tree = Tree::empty();
    let out = tree.run(&["man", "--dir", "man", "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(tree.join("man"))
        .expect("the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "huitoukan-check.1",
            "huitoukan-completions.1",
            "huitoukan-diff.1",
            "huitoukan-explain.1",
            "huitoukan-import.1",
            "huitoukan-init.1",
            "huitoukan-man.1",
            "huitoukan-merge.1",
            "huitoukan-new-item.1",
            "huitoukan-new-unit.1",
            "huitoukan-new.1",
            "huitoukan-report.1",
            "huitoukan-schema.1",
            "huitoukan-trend.1",
            "huitoukan.1",
        ]
    );
    assert_eq!(out.stdout.lines().count(), 15, "{}", out.stdout);
    let page = |name: &str| std::fs::read_to_string(tree.join("man").join(name)).expect("a page");

    // The main page lists the pages it refers to, and each of them now exists.
    let main = page("huitoukan.1");
    assert!(main.starts_with(".ie \\n(.g .ds Aq \\(aq") || main.contains(".TH huitoukan 1"));
    for name in &names[..names.len() - 1] {
        let stem = name.trim_end_matches(".1").replace('-', "\\-");
        if !stem.contains("new\\-") {
            assert!(main.contains(&format!("{stem}(1)")), "{stem} in:\n{main}");
        }
    }

    let check = page("huitoukan-check.1");
    let title = format!(
        ".TH huitoukan-check 1  \"huitoukan {}\"",
        env!("CARGO_PKG_VERSION")
    );
    assert!(check.contains(&title), "{check}");
    for option in [
        "\\-\\-as\\-of",
        "\\-\\-format",
        "\\-\\-deny\\-warnings",
        "\\-\\-lang",
    ] {
        assert!(check.contains(option), "{option} in:\n{check}");
    }
    assert!(
        check.contains(
            ".SH \"EXIT STATUS\"\n.TP\n0\nno errors (warnings are allowed unless `\\-\\-deny\\-warnings`)\n\
             .TP\n1\nthe records have errors, or warnings with `\\-\\-deny\\-warnings`\n\
             .TP\n2\nthe command could not run: bad arguments, no records root, an I/O failure\n"
        ),
        "{check}"
    );
    let report = page("huitoukan-report.1");
    for option in [
        "\\-\\-org",
        "\\-\\-by",
        "\\-\\-keep\\-going",
        "\\-\\-output",
    ] {
        assert!(report.contains(option), "{option} in:\n{report}");
    }
    assert!(
        report.contains(
            "\n1\nthe records have errors and no report is built (unless `\\-\\-keep\\-going`)\n"
        ),
        "{report}"
    );
    let init = page("huitoukan-init.1");
    assert!(
        init.contains(".SH \"EXIT STATUS\"\n.TP\n0\nsuccess\n.TP\n2\n"),
        "{init}"
    );

    // A second run overwrites nothing and writes nothing.
    let before = page("huitoukan-check.1");
    std::fs::remove_file(tree.join("man/huitoukan-schema.1")).expect("remove");
    let again = tree.run(&["man", "--dir", "man"]);
    assert_eq!(again.code, 2);
    assert!(
        again
            .stderr
            .contains("已存在，不会覆盖；本次一页也没有写入"),
        "{}",
        again.stderr
    );
    assert_eq!(page("huitoukan-check.1"), before);
    assert!(
        !tree.join("man/huitoukan-schema.1").exists(),
        "checked before writing"
    );

    // Plain `man` still prints the main page, with its exit codes.
    let out = tree.run(&["man"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains(".SH 退出状态"), "{}", out.stdout);
    assert!(
        out.stdout.contains("huitoukan\\-report(1)"),
        "{}",
        out.stdout
    );
}

/// `schema --json-schema KIND` run in `folder` of `tree`, parsed.
fn json_schema_in(tree: &Tree, folder: &str, kind: &str) -> Value {
    let out = tree.run_in(folder, &["schema", "--json-schema", kind]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

#[test]
fn json_schemas_enumerate_the_areas_points_and_answers_of_the_schema_in_force() {
    // Outside a tree: the built-in schema's ids, derived from it.
    let builtin = huitoukan::model::schema::Schema::builtin();
    let tree = Tree::empty();
    let item = json_schema_in(&tree, "", "item");
    let areas: Vec<i64> = builtin.areas.iter().map(|a| a.id).collect();
    assert_eq!(item["properties"]["area"]["enum"], serde_json::json!(areas));
    assert_eq!(
        item["properties"]["area"]["description"],
        "所属方面（必填）：1 学习贯彻中央和省委部署要求情况 | 2 兑现整改承诺情况 | 3 党内生活各项制度执行情况 | 4 “抓基层打基础”工作情况 | 5 长效机制建设情况 | 6 整改工作责任落实情况"
    );
    let points: Vec<&str> = builtin.points.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        item["properties"]["points"]["items"]["enum"],
        serde_json::json!(points)
    );
    assert!(!points.contains(&"9.9"));
    let unit = json_schema_in(&tree, "", "unit");
    let answers = &unit["definitions"]["SelfCheckTable"]["properties"]["answers"]["propertyNames"];
    let answerable: Vec<&str> = points
        .iter()
        .copied()
        .filter(|p| !p.starts_with('P'))
        .collect();
    assert_eq!(answers, &serde_json::json!({ "enum": answerable }));

    // Inside a tree whose campaign names its own schema, from any folder: that schema's ids.
    // Its own schema: two areas, and a point answered by items only besides its two.
    let own = format!(
        "{}\n[[point]]\nid = \"B.1\"\ntext = \"个人整改是否到位\"\napplies_to = []\n",
        crate::check::AUDIT_SCHEMA
    );
    let tree = Tree::empty()
        .file("huitoukan.toml", &crate::check::audit_campaign())
        .file("areas.toml", &own)
        .file("省直/省财政厅/unit.toml", UNIT);
    let item = json_schema_in(&tree, "省直/省财政厅", "item");
    assert_eq!(
        item["properties"]["area"]["enum"],
        serde_json::json!([1, 2])
    );
    assert_eq!(
        item["properties"]["points"]["items"]["enum"],
        serde_json::json!(["A.1", "A.2", "B.1"])
    );
    let unit = json_schema_in(&tree, "", "unit");
    assert_eq!(
        unit["definitions"]["SelfCheckTable"]["properties"]["answers"]["propertyNames"],
        serde_json::json!({ "enum": ["A.1", "A.2"] })
    );
}

#[test]
fn taplo_never_takes_a_campaign_schema_at_the_root_for_an_item() {
    let tree = Tree::empty();
    assert_eq!(tree.run(&["init", "t"]).code, 0);
    let taplo = std::fs::read_to_string(tree.join("t/taplo.toml")).expect("taplo.toml");
    // Items sit in units' folders; the root's own files (huitoukan.toml, areas.toml, taplo.toml)
    // are not matched by the item rule.
    assert!(
        taplo.ends_with(
            "[[rule]]\ninclude = [\"*/*.toml\", \"*/**/*.toml\"]\n\
             exclude = [\"**/unit.toml\", \"**/taplo.toml\", \"**/.taplo.toml\"]\n\
             schema = { path = \".huitoukan/schema/item.json\" }\n"
        ),
        "{taplo}"
    );
    assert!(!taplo.contains("\"**/*.toml\""), "{taplo}");
    assert!(taplo.contains("huitoukan schema --json-schema item > .huitoukan/schema/item.json"));
}

#[test]
fn new_item_after_the_largest_number_and_never_stuck_on_it() {
    let tree = Tree::new()
        .unit(ORG, UNIT)
        .item(ORG, "4294967295", ITEM)
        .unit("杭州市", UNIT)
        .item("杭州市", "18446744073709551615", ITEM)
        .item("杭州市", "001", ITEM);
    let out = tree.run(&["new", "item", ORG]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "已新建 省直/省财政厅/items/4294967296.toml\n"),
        "{}",
        out.stderr
    );
    // No number follows the largest one: the smallest free number, every time.
    for expected in ["002", "003"] {
        let out = tree.run(&["new", "item", "杭州市"]);
        assert_eq!(
            (out.code, out.stdout),
            (0, format!("已新建 杭州市/items/{expected}.toml\n")),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn help_and_usage_errors_follow_the_language_of_the_messages() {
    let tree = Tree::empty();
    // Chinese by default: every command and option, clap's own words included.
    let out = tree.run(&["report", "--help"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for words in [
        "汇总报告：按机构层级汇总整改落实情况",
        "用法：huitoukan report [OPTIONS] [PATH]",
        "参数：",
        "选项：",
        "报告格式（默认：按 --output 的扩展名，否则 table）：table（终端表格）、md（Markdown 文档）",
        "公示版本：不列入不宜公开的事项，不显示任何人的姓名",
        "显示帮助",
    ] {
        assert!(out.stdout.contains(words), "`{words}` in:\n{}", out.stdout);
    }
    for english in [
        "Usage:",
        "Options:",
        "Print help",
        "[default:",
        "[possible values:",
    ] {
        assert!(
            !out.stdout.contains(english),
            "`{english}` in:\n{}",
            out.stdout
        );
    }
    let out = tree.run(&["--help"]);
    assert!(
        out.stdout.contains("命令：")
            && out
                .stdout
                .contains("  help         显示本帮助，或某个命令的帮助"),
        "{}",
        out.stdout
    );

    // --lang en, or HUITOUKAN_LANG=en without --lang: English.
    let out = tree.run(&["report", "--help", "--lang", "en"]);
    assert!(
        out.stdout.contains("Usage: huitoukan report"),
        "{}",
        out.stdout
    );
    let mut english = tree.command(&["check", "--help"]);
    english.env("HUITOUKAN_LANG", "en");
    let out = crate::harness::output(english);
    assert!(
        out.stdout
            .contains("Fail (exit 1) on warnings as well as errors"),
        "{}",
        out.stdout
    );
    let mut chinese = tree.command(&["check", "--help", "--lang", "zh"]);
    chinese.env("HUITOUKAN_LANG", "en");
    let out = crate::harness::output(chinese);
    assert!(
        out.stdout.contains("有警告也判为不通过（退出码1）"),
        "{}",
        out.stdout
    );

    // A usage error: exit 2, in Chinese, with the usage and the closest option; the first line
    // of each.
    let refused = |args: &[&str]| {
        let out = tree.run(args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        out.stderr
    };
    assert_eq!(
        refused(&["report", "--formt", "md"]),
        "error: 无法识别的参数 \"--formt\"；是否想写 \"--format\"？\n\n\
         用法：huitoukan report --format <FORMAT> [PATH]\n\n查看帮助：加 --help\n"
    );
    let first_lines = [
        (
            vec!["report", "--format", "pdf"],
            "error: 参数 --format <FORMAT> 的值 \"pdf\" 无效；可选：table、md、csv、json、html、xlsx、docx",
        ),
        (
            vec!["chek"],
            "error: 没有命令 \"chek\"；是否想写 \"schema\" 或 \"check\"？",
        ),
        (
            vec!["report", "--formt", "md", "--lang", "en"],
            "error: unexpected argument '--formt' found",
        ),
    ];
    for (args, first) in first_lines {
        let stderr = refused(&args);
        assert_eq!(stderr.lines().next(), Some(first), "{stderr}");
    }
}
