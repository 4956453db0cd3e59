//! A new user's first day: the bundled CI pipelines publish their report, the report's format
//! follows its file, `init` gives a tree that checks clean, help reads as Chinese, PATH means
//! one thing, and `.ci/run` installs what it needs as root, through sudo, or not at all.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{Tree, commit_all, copy_at, git_at, names_in, output};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/zhejiang-2015");
const REPORT: &str = "整改落实情况汇总.md";

/// The bundled example laid out as a checkout: its contents at the repository's root, one
/// commit on `main`, and `origin/main` as a pull request's base branch.
fn checkout() -> Tree {
    let tree = copy_at(Path::new(EXAMPLE), "");
    commit_all(tree.path(), "2015-03-01T10:00:00+08:00", "各单位报送");
    git_at(
        tree.path(),
        "2015-03-01T10:00:00+08:00",
        &["update-ref", "refs/remotes/origin/main", "HEAD"],
    );
    tree
}

/// The shell commands of a pipeline file that run huitoukan (not the one installing it), as
/// the runner's shell receives them: a folded `>-` block joined into one line.
fn commands(pipeline: &str) -> Vec<String> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(pipeline)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_start();
        let indent = lines[i].len() - line.len();
        let command = if let Some(rest) = line.strip_prefix("run: ") {
            if rest.trim() == ">-" {
                let mut parts = Vec::new();
                while i + 1 < lines.len()
                    && lines[i + 1].len() - lines[i + 1].trim_start().len() > indent
                {
                    i += 1;
                    parts.push(lines[i].trim());
                }
                Some(parts.join(" "))
            } else {
                Some(rest.to_owned())
            }
        } else {
            line.strip_prefix("- ").map(str::to_owned)
        };
        if let Some(command) = command.filter(|c| c.starts_with("huitoukan ")) {
            out.push(command.replace("${{ github.base_ref }}", "main"));
        }
        i += 1;
    }
    out
}

/// Runs `command` with `sh` in `dir`, the huitoukan under test first on the PATH, and `env`.
fn shell(dir: &Path, command: &str, env: &[(&str, &Path)]) -> crate::harness::Output {
    let binary = assert_cmd::cargo::cargo_bin("huitoukan");
    let bin_dir = binary.parent().expect("the binary's folder");
    let path = std::env::join_paths(std::iter::once(bin_dir.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(command)
        .current_dir(dir)
        .env("PATH", path)
        .env("CI", "true")
        .env("NO_COLOR", "1")
        .env_remove("HUITOUKAN_LANG")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("GITHUB_WORKSPACE")
        .env_remove("CI_PROJECT_DIR");
    for (name, value) in env {
        cmd.env(name, value);
    }
    let out = cmd.output().expect("run sh");
    crate::harness::Output {
        code: out.status.code().expect("an exit code"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn the_github_actions_example_publishes_its_report() {
    let commands = commands("examples/ci/github-actions.yml");
    assert_eq!(
        commands,
        [
            "huitoukan check --format github",
            "huitoukan check --format github --since \"origin/main\" --only-changed",
            "huitoukan report --format md --keep-going --output 整改落实情况汇总.md",
        ]
    );
    let checkout = checkout();
    // The runner's own files are outside the checkout.
    let runner = Tree::empty();
    let summary = runner.join("step_summary");
    std::fs::write(&summary, "").unwrap();
    let env = [
        ("GITHUB_ACTIONS", Path::new("true")),
        ("GITHUB_WORKSPACE", checkout.path()),
        ("GITHUB_STEP_SUMMARY", summary.as_path()),
    ];
    for command in &commands {
        let out = shell(checkout.path(), command, &env);
        assert_eq!(out.code, 0, "{command}: {}", out.stderr);
    }
    let report = std::fs::read_to_string(checkout.join(REPORT)).expect("the artifact");
    assert!(
        report.starts_with("# 全省教育实践活动整改落实情况“回头看”进展情况汇总（截至"),
        "{report}"
    );
    let summary = std::fs::read_to_string(&summary).unwrap();
    assert!(summary.contains("W0"), "the step summary: {summary}");
    // The published report is no record: the tree still checks as it did.
    let out = shell(checkout.path(), "huitoukan check --format json", &env);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains(REPORT), "{}", out.stdout);
}

#[test]
fn the_gitlab_example_publishes_its_artifacts() {
    let commands = commands("examples/ci/gitlab-ci.yml");
    assert_eq!(commands.len(), 3, "{commands:?}");
    assert_eq!(commands[2], "huitoukan check");
    let checkout = checkout();
    let env = [
        ("GITLAB_CI", Path::new("true")),
        ("CI_PROJECT_DIR", checkout.path()),
    ];
    for command in &commands {
        // As written, but each must succeed on its own: `|| true` must hide nothing.
        let bare = command.trim_end_matches(" || true");
        let out = shell(checkout.path(), bare, &env);
        assert_eq!(out.code, 0, "{bare}: {}", out.stderr);
    }
    let quality: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(checkout.join("gl-code-quality-report.json")).unwrap(),
    )
    .expect("the Code Quality report is JSON");
    assert!(quality.as_array().is_some_and(|a| !a.is_empty()));
    let report = std::fs::read_to_string(checkout.join(REPORT)).expect("the artifact");
    assert!(report.starts_with("# 全省"), "{report}");
}

#[test]
fn a_report_goes_into_the_tree_but_never_as_a_file_the_tree_reads() {
    let tree = copy_at(Path::new(EXAMPLE), "");
    let run = |output: &str, force: bool| {
        let mut args = vec!["report", "--as-of", "2015-03-10", "--format", "md"];
        if force {
            args.push("--force");
        }
        args.extend(["--output", output]);
        tree.run(&args)
    };
    // A new report, at the root or in a folder of the tree.
    for output in ["汇总.md", "省直/汇总.md"] {
        let out = run(output, false);
        assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{output}");
        assert!(
            std::fs::read_to_string(tree.join(output))
                .unwrap()
                .starts_with("# 全省")
        );
    }
    let before = std::fs::read(tree.join("省直/省直机关工委/省财政厅/自查报告.md")).unwrap();
    let refusals = [
        (
            "省直/省直机关工委/省财政厅/自查报告.md",
            true,
            "error: 不能把报告写到 省直/省直机关工委/省财政厅/自查报告.md：它是某单位的自查报告（self_check.report）\n  = help: 换一个文件名：报告可以写在台账目录内，但不能写成台账要读的文件\n",
        ),
        (
            ".git/汇总.md",
            false,
            "error: 不能把报告写到 .git/汇总.md：它是台账目录内的隐藏文件或在隐藏文件夹中\n  = help: 换一个文件名：报告可以写在台账目录内，但不能写成台账要读的文件\n",
        ),
        (
            ".汇总.md",
            false,
            "error: 不能把报告写到 .汇总.md：它是台账目录内的隐藏文件或在隐藏文件夹中\n  = help: 换一个文件名：报告可以写在台账目录内，但不能写成台账要读的文件\n",
        ),
        (
            "省直/unit.toml",
            false,
            "error: 不能把报告写到 省直/unit.toml：.toml 文件是台账记录\n",
        ),
    ];
    std::fs::create_dir_all(tree.join(".git")).unwrap();
    for (output, force, stderr) in refusals {
        let out = run(output, force);
        assert_eq!((out.code, out.stderr.as_str()), (2, stderr), "{output}");
    }
    assert_eq!(
        std::fs::read(tree.join("省直/省直机关工委/省财政厅/自查报告.md")).unwrap(),
        before
    );
    assert!(names_in(&tree.join(".git")).is_empty());
    // Through a link: one inside the tree to a folder of it, or one from outside into it.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(tree.join("省直"), tree.join("捷径")).unwrap();
        let outside = Tree::empty();
        std::os::unix::fs::symlink(tree.path(), outside.join("台账")).unwrap();
        let via = outside.join("台账/经由链接.md");
        for output in ["捷径/经由链接.md".to_owned(), via.display().to_string()] {
            let out = run(&output, false);
            assert_eq!(
                (out.code, out.stderr.as_str()),
                (
                    2,
                    format!(
                        "error: 不能把报告写到 {output}：它经由链接通向台账目录内\n  = help: 写到台账目录之外，或直接写出台账目录内的路径（不经链接）\n"
                    )
                    .as_str()
                ),
                "{output}"
            );
        }
        assert!(!tree.join("省直/经由链接.md").exists());
    }
    // The step summary follows the same rule.
    let mut cmd = tree.command(&["check", "--format", "github", "--as-of", "2015-03-10"]);
    cmd.env(
        "GITHUB_STEP_SUMMARY",
        tree.join("省直/省直机关工委/省财政厅/自查报告.md"),
    );
    let out = output(cmd);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!(
            "error: 不能把检查摘要（GITHUB_STEP_SUMMARY）写到 {}：它是某单位的自查报告（self_check.report）\n",
            tree.join("省直/省直机关工委/省财政厅/自查报告.md").display()
        )),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read(tree.join("省直/省直机关工委/省财政厅/自查报告.md")).unwrap(),
        before
    );
}

#[test]
fn the_format_follows_the_extension_of_the_output() {
    let out_dir = Tree::empty();
    let run = |args: &[&str]| {
        let mut all = vec!["report", EXAMPLE, "--as-of", "2015-03-10"];
        all.extend_from_slice(args);
        out_dir.run(&all)
    };
    for (file, starts) in [
        ("报告.md", &b"# \xe5\x85\xa8\xe7\x9c\x81"[..]),
        ("报告.html", b"<!DOCTYPE html>"),
        ("报告.htm", b"<!DOCTYPE html>"),
        ("报告.json", b"{\"format\":\"huitoukan-report\""),
        ("报告.csv", b"\xef\xbb\xbf"),
        ("报告.xlsx", b"PK\x03\x04"),
        ("报告.MD", b"# "),
        ("报告.txt", "全省".as_bytes()),
    ] {
        let out = run(&["--output", file]);
        assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{file}");
        let bytes = std::fs::read(out_dir.join(file)).unwrap();
        assert!(
            bytes.starts_with(starts),
            "{file}: {}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(80)])
        );
    }
    // The extension and --format must agree.
    let out = run(&["--format", "md", "--output", "冲突.xlsx"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "error: --format md 与输出文件的扩展名 .xlsx 不符\n")
    );
    let out = run(&["--format", "table", "--output", "冲突.md", "--lang", "en"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: --format table contradicts the extension .md of the output file\n"
        )
    );
    // An extension that names no format needs --format; with it, any name will do.
    let out = run(&["--output", "报告.pdf"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: 从扩展名 .pdf 看不出报告格式\n  = help: 用 --format 指定格式，或用 .md、.csv、.json、.html、.xlsx、.docx、.txt（终端表格）作扩展名\n"
        )
    );
    let out = run(&["--format", "md", "--output", "报告.text"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out_dir.join("冲突.xlsx").exists() && !out_dir.join("报告.pdf").exists());
    // --by follows the format the file names.
    let out = run(&["--by", "unit", "--output", "按单位.md"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: `--by` 只用于 table 和 csv 格式；md 格式的报告内容是固定的\n"
        )
    );
}

#[test]
fn output_into_a_missing_folder_or_onto_a_folder_says_what_to_do() {
    let tree = Tree::empty();
    let out = tree.run(&[
        "report",
        EXAMPLE,
        "--as-of",
        "2015-03-10",
        "--output",
        "没有/报告.md",
    ]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: 文件夹 没有 不存在；请先建好它，或写到已有的文件夹\n"
        )
    );
    std::fs::create_dir(tree.join("报告.md")).unwrap();
    for force in [false, true] {
        let mut args = vec![
            "report",
            EXAMPLE,
            "--as-of",
            "2015-03-10",
            "--output",
            "报告.md",
        ];
        if force {
            args.push("--force");
        }
        let out = tree.run(&args);
        assert_eq!(
            (out.code, out.stderr.as_str()),
            (
                2,
                "error: 报告.md 是文件夹；请给出报告的文件名，如 报告.md/汇总.md\n"
            ),
            "--force {force}"
        );
    }
}

#[test]
fn init_gives_a_tree_that_checks_clean_and_reports() {
    let dir = Tree::empty();
    let out = dir.run(&["init", "台账"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let root = dir.join("台账");
    let run = |args: &[&str]| dir.run_in("台账", args);
    let out = run(&["check"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (0, "检查了3个文件：0个错误，0个警告\n")
    );
    let out = run(&["report", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["totals"]["units"], 1);
    assert_eq!(report["totals"]["items"], 1);
    assert_eq!(report["totals"]["open"], 1);
    let item = std::fs::read_to_string(root.join("示例单位/items/001.toml")).unwrap();
    let table: toml::Table = item.parse().unwrap();
    assert_eq!(table["title"].as_str(), Some("文山会海问题有所反弹"));
    assert_eq!(table["responsible"].as_str(), Some("办公室"));
    // `new` still writes blanks for the user to fill, and check says so.
    let out = run(&["new", "item", "示例单位", "002"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run(&["check", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let document: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let codes: Vec<(&str, &str)> = document["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["file"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [
            ("E035", "示例单位/items/002.toml"),
            ("E035", "示例单位/items/002.toml"),
            ("E035", "示例单位/items/002.toml"),
        ]
    );
}

#[test]
fn chinese_help_uses_chinese_colons_and_lists_arguments_as_typed() {
    let tree = Tree::empty();
    let out = tree.run(&["new", "item", "--help"]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        "新建整改事项：UNIT_DIR/items/NAME.toml\n\n\
         用法：huitoukan new item [OPTIONS] <UNIT_DIR> [NAME]\n\n\
         参数：\n  <UNIT_DIR>  单位的文件夹（有 unit.toml 的那个）\n  \
         [NAME]      文件名，不含 .toml（默认：下一个未用的编号，如 003）\n\n\
         选项：\n      --lang <LANG>  消息和帮助的语言：zh（默认）或 en；未指定时看环境变量 HUITOUKAN_LANG\n  \
         -h, --help         显示帮助\n"
    );
    // Help without a command goes to stderr with exit 2, in the same words.
    let out = tree.run(&["new"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("\n命令：\n  unit"), "{}", out.stderr);
    let out = tree.run(&["--help"]);
    for heading in ["命令：", "选项："] {
        assert!(out.stdout.contains(heading), "{heading}: {}", out.stdout);
    }
    assert!(!out.stdout.contains("命令:"), "{}", out.stdout);
    let out = tree.run(&["--lang", "en", "new", "item", "--help"]);
    assert!(
        out.stdout.contains("Arguments:\n  <UNIT_DIR>"),
        "{}",
        out.stdout
    );
}

#[test]
fn no_path_means_the_current_folder_and_root_names_the_whole_tree() {
    let tree = copy_at(Path::new(EXAMPLE), "");
    let diagnostics = |rel: &str, args: &[&str]| {
        let mut all = vec!["check", "--format", "json", "--as-of", "2015-03-10"];
        all.extend_from_slice(args);
        let out = tree.run_in(rel, &all);
        let document: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let files: Vec<String> = document["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["file"].as_str().unwrap().to_owned())
            .collect();
        files
    };
    let whole = diagnostics("", &[]);
    assert_eq!(whole.len(), 6, "{whole:?}");
    let in_hangzhou: Vec<String> = whole
        .iter()
        .filter(|f| f.starts_with("杭州市/"))
        .cloned()
        .collect();
    assert!(!in_hangzhou.is_empty() && in_hangzhou.len() < whole.len());
    // In a folder: no PATH is `.`; `--root .` is the whole tree, as `--root` of diff and trend.
    assert_eq!(diagnostics("杭州市", &[]), in_hangzhou);
    assert_eq!(diagnostics("杭州市", &["."]), in_hangzhou);
    assert_eq!(diagnostics("杭州市", &["--root", "."]), whole);
    assert_eq!(diagnostics("", &["--root", "杭州市"]), whole);
    // The same for report: the folder, or with --root the whole tree.
    let totals = |args: &[&str]| {
        let mut all = vec!["report", "--format", "json", "--as-of", "2015-03-10"];
        all.extend_from_slice(args);
        let out = tree.run_in("杭州市", &all);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        (report["org"].clone(), report["totals"]["units"].clone())
    };
    assert_eq!(totals(&[]).0, "杭州市");
    assert_eq!(totals(&["--root", "."]).0, serde_json::Value::Null);
    let out = tree.run(&["check", "--root", "没有"]);
    assert_eq!((out.code, out.stderr.as_str()), (2, "error: 没有 不存在\n"));
    let out = tree.run(&["check", "省直", "--root", "."]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

/// `.ci/run` on a machine with stand-ins for the system's commands: which it calls, in order.
fn ci_run(uid: &str, have: &[&str], sudo: bool, ci: bool) -> (i32, String, String) {
    let stubs = Tree::empty();
    let log = stubs.join("log");
    let stub = |name: &str, body: &str| {
        let path = stubs.join(name);
        std::fs::write(
            &path,
            format!(
                "#!/bin/sh\necho \"{name} $*\" >> '{}'\n{body}\n",
                log.display()
            ),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    };
    stub("id", &format!("echo {uid}"));
    stub("cargo", "exit 0");
    stub("apt-get", "exit 0");
    if sudo {
        stub(
            "sudo",
            "[ \"$1\" = -n ] && shift; [ $# -eq 0 ] && exit 0; \"$@\"",
        );
    }
    for tool in have {
        match *tool {
            // A long font list, where the CJK font comes first: grep stops reading early.
            "fc-list" => stub(
                "fc-list",
                "echo '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc: Noto Sans CJK SC'; i=0; while [ $i -lt 20000 ]; do echo \"/usr/share/fonts/x$i.ttf: Font $i\"; i=$((i+1)); done",
            ),
            other => stub(other, "exit 0"),
        }
    }
    for tool in ["dirname", "cat"] {
        #[cfg(unix)]
        std::os::unix::fs::symlink(which(tool), stubs.join(tool)).unwrap();
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run");
    let mut cmd = Command::new(which("bash"));
    cmd.arg(&script).env("PATH", stubs.path()).env_remove("CI");
    if ci {
        cmd.env("CI", "true");
    }
    let out = cmd.output().unwrap();
    let calls = std::fs::read_to_string(&log).unwrap_or_default();
    // The stand-ins' own probes are no calls worth listing.
    let calls: String = calls
        .lines()
        .filter(|l| !l.starts_with("id ") && !l.starts_with("fc-list"))
        .map(|l| format!("{l}\n"))
        .collect();
    (
        out.status.code().unwrap_or(-1),
        calls,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn which(tool: &str) -> PathBuf {
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join(tool))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("this test needs {tool} on the PATH"))
}

const CARGO: &str = "cargo fmt --check\ncargo clippy --all-targets -- -D warnings\ncargo check --manifest-path fuzz/Cargo.toml --all-targets --locked\ncargo test\n";

#[test]
#[cfg(unix)]
fn ci_run_installs_as_root_through_sudo_or_not_at_all() {
    let everything = ["git", "chromium", "pdftotext", "fc-list", "soffice"];
    // Nothing to install, whoever runs it: the font probe never fails on a long list.
    for uid in ["0", "1001"] {
        for _ in 0..3 {
            let (code, calls, stderr) = ci_run(uid, &everything, true, true);
            assert_eq!((code, calls.as_str()), (0, CARGO), "uid {uid}: {stderr}");
        }
    }
    let missing =
        "chromium poppler-utils fonts-noto-cjk libreoffice-calc-nogui libreoffice-writer-nogui";
    let install =
        format!("apt-get update -qq\napt-get install -y -qq --no-install-recommends {missing}\n");
    // As root: apt-get itself.
    let (code, calls, _) = ci_run("0", &["git"], false, true);
    assert_eq!((code, calls), (0, format!("{install}{CARGO}")));
    // A CI runner's user: through sudo.
    let (code, calls, _) = ci_run("1001", &["git"], true, true);
    let install_line = format!("apt-get install -y -qq --no-install-recommends {missing}");
    assert_eq!(
        (code, calls),
        (
            0,
            format!(
                "sudo -n true\nsudo -n apt-get update -qq\napt-get update -qq\nsudo -n {install_line}\n{install_line}\n{CARGO}"
            )
        )
    );
    // Not root, not CI, or no sudo: nothing is installed, and it says what is missing.
    for (sudo, ci) in [(true, false), (false, true)] {
        let (code, calls, stderr) = ci_run("1001", &["git"], sudo, ci);
        assert_eq!((code, calls.as_str()), (0, CARGO), "sudo {sudo}, CI {ci}");
        assert_eq!(
            stderr,
            format!(
                "missing for the whole test suite: {missing} (on Debian or Ubuntu: sudo apt-get install {missing})\n"
            )
        );
    }
}

#[test]
fn the_only_changed_note_writes_numerals_without_spaces() {
    let checkout = checkout();
    let item = "省直/省直机关工委/省财政厅/items/三公经费公开.toml";
    let text = std::fs::read_to_string(checkout.join(item)).unwrap();
    std::fs::write(checkout.join(item), format!("{text}\n")).unwrap();
    let out = checkout.run(&[
        "check",
        "--as-of",
        "2015-03-10",
        "--since",
        "HEAD",
        "--only-changed",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .ends_with("note: 自 HEAD 以来未改动的文件另有0个错误、6个警告，未显示\n"),
        "{}",
        out.stderr
    );
}

const MAPPING: &str = r#"[source]
key = ["序号"]

[unit]
value = "省直/省财政厅"

[fields]
title = "存在问题"
area = { column = "方面", map = { "学习贯彻" = 1, "兑现承诺" = 2 } }
source = { value = "整改方案" }
measures = "整改措施"
responsible = { value = "办公室" }
deadline = "整改时限"
status = { value = "未完成" }
"#;

/// A tree with one unit, the mapping above and the sheet `rows` (under its header row).
fn ledger(rows: &str) -> Tree {
    Tree::empty()
        .file(
            "tree/huitoukan.toml",
            "[campaign]\nname = \"教育实践活动整改落实情况回头看\"\ndeadline = 2015-02-28\n",
        )
        .file(
            "tree/省直/省财政厅/unit.toml",
            "name = \"中共浙江省财政厅党组\"\ncategory = \"领导班子\"\nbatch = 1\n",
        )
        .file("map.toml", MAPPING)
        .file(
            "台账.csv",
            &format!("序号,存在问题,方面,整改措施,整改时限\n{rows}"),
        )
}

fn import(tree: &Tree, more: &[&str]) -> crate::harness::Output {
    let mut args = vec![
        "import",
        "台账.csv",
        "--mapping",
        "map.toml",
        "--root",
        "tree",
        "--as-of",
        AS_OF_IMPORT,
    ];
    args.extend_from_slice(more);
    tree.run(&args)
}

const AS_OF_IMPORT: &str = "2015-03-10";

#[test]
fn a_value_missing_from_a_column_map_lists_the_map() {
    let tree = ledger("1,文山会海问题有所反弹,其他,精简会议,2015-06-30\n");
    let out = import(&tree, &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(
            "error[I006]: “其他”不在此列的映射（map）中；映射中有：兑现承诺、学习贯彻\n --> 台账.csv!台账!C2\n"
        ),
        "{}",
        out.stderr
    );
    let out = import(&tree, &["--lang", "en"]);
    assert!(
        out.stderr.starts_with(
            "error[I006]: \"其他\" is not in the column's map; it maps 兑现承诺, 学习贯彻\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn keep_going_writes_the_valid_rows_and_still_fails() {
    let tree = ledger(
        "1,文山会海问题有所反弹,兑现承诺,精简会议,2015-06-30\n2,会风不正,兑现承诺,,2015-06-30\n",
    );
    let out = import(&tree, &["--keep-going"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (1, "新建 省直/省财政厅/items/1.toml（第2行）\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with("warning: 有错误的1行未导入\n"),
        "{}",
        out.stderr
    );
    assert!(tree.join("tree/省直/省财政厅/items/1.toml").is_file());
    assert!(!tree.join("tree/省直/省财政厅/items/2.toml").exists());
}

#[test]
fn importing_the_same_rows_again_says_they_are_unchanged() {
    let tree = ledger("1,文山会海问题有所反弹,兑现承诺,精简会议,2015-06-30\n");
    assert_eq!(import(&tree, &[]).code, 0);
    let before = std::fs::read(tree.join("tree/省直/省财政厅/items/1.toml")).unwrap();
    let out = import(&tree, &[]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "无变化 省直/省财政厅/items/1.toml（第2行）\n"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read(tree.join("tree/省直/省财政厅/items/1.toml")).unwrap(),
        before
    );
    // A row that would change the item is left alone without --update, and says so.
    let changed = ledger("1,文山会海问题有所反弹,兑现承诺,精简会议,2015-07-31\n");
    std::fs::create_dir_all(changed.join("tree/省直/省财政厅/items")).unwrap();
    std::fs::write(changed.join("tree/省直/省财政厅/items/1.toml"), &before).unwrap();
    let out = import(&changed, &[]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "已存在，未改动 省直/省财政厅/items/1.toml（第2行；用 --update 更新）\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn the_trend_is_titled_as_the_office_writes_and_ends_at_the_last_commit() {
    let checkout = checkout();
    let out = checkout.run(&["trend", "--format", "md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(
            "# 全省教育实践活动整改落实情况“回头看”进展趋势（2015年3月1日至2015年3月31日）\n"
        ),
        "{}",
        out.stdout
    );
    // One row: the month of the only commit, not every month to today.
    let rows = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("| 2015年"))
        .count();
    assert_eq!(rows, 1, "{}", out.stdout);
}

#[test]
fn a_csv_in_neither_utf8_nor_gbk_is_said_so_in_chinese() {
    let tree = ledger("1,文山会海问题有所反弹,兑现承诺,精简会议,2015-06-30\n");
    std::fs::write(tree.join("台账.csv"), b"\xff\xff,\xff\n").unwrap();
    let out = import(&tree, &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(
            "error[I001]: 无法读取表格：CSV 文件既不是 UTF-8 编码，也不是 GBK 编码\n --> 台账.csv\n"
        ),
        "{}",
        out.stderr
    );
}
