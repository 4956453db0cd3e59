//! A records tree in a temporary folder, and the `huitoukan` binary run inside it.
//!
//! `Tree::new()` holds a campaign file; each test adds the files it needs, changing one thing
//! in the valid building blocks below, then runs a command and reads its exit code and output.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The as-of date of every `check` run by the helpers: ten days after the campaign deadline.
pub const AS_OF: &str = "2015-03-10";

/// `huitoukan.toml`: the campaign, due 2015-02-28.
pub const CAMPAIGN: &str = "\
[campaign]
name = \"教育实践活动整改落实情况回头看\"
deadline = 2015-02-28
";

/// The org path of the unit the building blocks belong to.
pub const ORG: &str = "省直/省财政厅";
pub const UNIT_PATH: &str = "省直/省财政厅/unit.toml";
/// The file `.item(ORG, ITEM_NAME, …)` writes.
pub const ITEM_NAME: &str = "会议文件";
pub const ITEM_PATH: &str = "省直/省财政厅/items/会议文件.toml";

/// A valid unit: a 领导班子 of batch 1 that submitted its self-check on time and answered each
/// of its 23 points 是. Lines appended to it land in `[self_check.answers]`, from line 33 on.
pub const UNIT: &str = r#"name = "中共浙江省财政厅党组"
category = "领导班子"
batch = 1

[self_check]
meeting_on = 2015-01-20
submitted_on = 2015-02-10

[self_check.answers]
"1.1" = "是"
"1.2" = "是"
"2.1" = "是"
"2.2" = "是"
"2.3" = "是"
"2.4" = "是"
"2.5" = "是"
"2.6" = "是"
"3.1" = "是"
"3.2" = "是"
"4.1" = "是"
"4.2" = "是"
"4.3" = "是"
"5.1" = "是"
"5.2" = "是"
"5.3" = "是"
"6.1" = "是"
"6.2" = "是"
"6.3" = "是"
"6.4" = "是"
"L.1" = "是"
"L.2" = "是"
"L.3" = "是"
"#;

/// A valid unit that has not yet done its self-check.
pub const UNIT_PENDING: &str = r#"name = "中共浙江省民政厅党组"
category = "领导班子"
batch = 1
"#;

/// A valid open item, due after the as-of date. Its `status` is on line 8.
pub const ITEM: &str = r#"title = "文山会海问题有所反弹"
area = 2
points = ["2.1"]
source = "整改方案"
measures = ["实行会议计划管理"]
responsible = "办公室"
deadline = 2015-06-30
status = "未完成"
"#;

/// `text` with `from` (which must occur exactly once) replaced by `to`, so that a test cannot
/// silently leave its building block unchanged.
pub fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` must occur exactly once in:\n{text}"
    );
    text.replacen(from, to, 1)
}

/// A records tree in a temporary folder, deleted when dropped.
pub struct Tree {
    dir: tempfile::TempDir,
}

/// What a run of the binary left behind.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Tree {
    /// A tree holding the campaign file [`CAMPAIGN`].
    pub fn new() -> Tree {
        Tree::empty().file("huitoukan.toml", CAMPAIGN)
    }

    /// A folder without a campaign file: no root.
    pub fn empty() -> Tree {
        Tree {
            dir: tempfile::Builder::new()
                .prefix("huitoukan-test-")
                .tempdir()
                .expect("a temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes `text` to `rel`, creating its folders.
    pub fn file(self, rel: &str, text: &str) -> Tree {
        self.bytes(rel, text.as_bytes())
    }

    /// Writes raw bytes to `rel`, creating its folders.
    pub fn bytes(self, rel: &str, bytes: &[u8]) -> Tree {
        let path = self.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create folders");
        }
        fs::write(&path, bytes).expect("write a file");
        self
    }

    /// `ORG/unit.toml`.
    pub fn unit(self, org: &str, text: &str) -> Tree {
        self.file(&format!("{org}/unit.toml"), text)
    }

    /// `ORG/items/NAME.toml`.
    pub fn item(self, org: &str, name: &str, text: &str) -> Tree {
        self.file(&format!("{org}/items/{name}.toml"), text)
    }

    /// A symbolic link at `rel` pointing at `target`, written as given.
    #[cfg(unix)]
    pub fn symlink(self, target: &str, rel: &str) -> Tree {
        let path = self.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create folders");
        }
        std::os::unix::fs::symlink(target, &path).expect("create a symbolic link");
        self
    }

    /// Sets the permission bits of `rel`.
    #[cfg(unix)]
    pub fn mode(self, rel: &str, mode: u32) -> Tree {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(self.join(rel), fs::Permissions::from_mode(mode))
            .expect("set permissions");
        self
    }

    /// The binary, ready to run at the root: no colour, no language and no CI step summary from
    /// the environment.
    pub fn command(&self, args: &[&str]) -> Command {
        self.command_in("", args)
    }

    /// The binary, ready to run in the folder `rel` of the tree.
    pub fn command_in(&self, rel: &str, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("huitoukan").expect("the huitoukan binary");
        cmd.current_dir(self.join(rel))
            .env("NO_COLOR", "1")
            .env_remove("HUITOUKAN_LANG")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CLICOLOR")
            .env_remove("GITHUB_STEP_SUMMARY")
            .env_remove("GITHUB_WORKSPACE")
            .env_remove("CI_PROJECT_DIR")
            .args(args);
        cmd
    }

    /// Runs the binary at the root.
    pub fn run(&self, args: &[&str]) -> Output {
        output(self.command(args))
    }

    /// Runs the binary in the folder `rel` of the tree.
    pub fn run_in(&self, rel: &str, args: &[&str]) -> Output {
        output(self.command_in(rel, args))
    }
}

/// Runs a prepared command to its end.
pub fn output(mut cmd: Command) -> Output {
    let out = cmd.output().expect("run huitoukan");
    Output {
        code: out.status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The names in `folder`, sorted.
pub fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .expect("read the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Every path below `folder`, relative to it, `/`-separated and sorted.
pub fn paths_below(folder: &Path) -> Vec<String> {
    let mut paths: Vec<String> = walkdir::WalkDir::new(folder)
        .min_depth(1)
        .into_iter()
        .map(|e| {
            let e = e.expect("an entry");
            let rel = e.path().strip_prefix(folder).expect("below the folder");
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect();
    paths.sort();
    paths
}

/// One diagnostic of `check --format json`, as (code, file, line, column, message).
pub type Found = (String, String, usize, usize, String);

/// The expected diagnostic, for comparing with [`check_json`].
pub fn found(code: &str, file: &str, line: usize, column: usize, message: &str) -> Found {
    (
        code.to_owned(),
        file.to_owned(),
        line,
        column,
        message.to_owned(),
    )
}

/// The whole document of `check --format json` with `args`, as of [`AS_OF`] unless `args` give
/// `--as-of`. The run must have finished (exit 0 or 1) and printed nothing on stderr.
pub fn check_document(tree: &Tree, args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "json"];
    if !args.contains(&"--as-of") {
        all.extend_from_slice(&["--as-of", AS_OF]);
    }
    all.extend_from_slice(args);
    let out = tree.run(&all);
    assert!(
        out.code == 0 || out.code == 1,
        "exit code {}; stderr:\n{}",
        out.code,
        out.stderr
    );
    assert_eq!(out.stderr, "", "json output leaves stderr empty");
    let document: Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    let errors = document["errors"].as_u64().expect("errors");
    assert_eq!(
        out.code,
        i32::from(errors > 0),
        "the exit code follows the error count"
    );
    document
}

/// Every diagnostic of [`check_document`], with its severity and help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    pub severity: String,
    pub code: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
}

pub fn diagnostics(tree: &Tree, args: &[&str]) -> Vec<Diag> {
    diagnostics_of(&check_document(tree, args))
}

/// The diagnostics of a document of `check --format json`.
pub fn diagnostics_of(document: &Value) -> Vec<Diag> {
    let list = document["diagnostics"].as_array().expect("diagnostics");
    list.iter()
        .map(|d| {
            let text = |key: &str| {
                d[key]
                    .as_str()
                    .unwrap_or_else(|| panic!("`{key}` is a string in {d}"))
                    .to_owned()
            };
            let number = |key: &str| {
                d[key]
                    .as_u64()
                    .unwrap_or_else(|| panic!("`{key}` is a number in {d}"))
                    as usize
            };
            Diag {
                severity: text("severity"),
                code: text("code"),
                file: text("file"),
                line: number("line"),
                column: number("column"),
                message: text("message"),
                help: d["help"].as_str().map(str::to_owned),
            }
        })
        .collect()
}

/// The diagnostics of `check --format json --as-of AS_OF`, in output order.
pub fn check_json(tree: &Tree) -> Vec<Found> {
    check_json_with(tree, &[])
}

/// [`check_json`] with more arguments (`--lang en`, …).
pub fn check_json_with(tree: &Tree, args: &[&str]) -> Vec<Found> {
    diagnostics(tree, args)
        .into_iter()
        .map(|d| (d.code, d.file, d.line, d.column, d.message))
        .collect()
}

/// The help line of each diagnostic, in output order.
pub fn helps(tree: &Tree) -> Vec<Option<String>> {
    diagnostics(tree, &[]).into_iter().map(|d| d.help).collect()
}

/// The unit and the item of the building blocks, both valid.
pub fn valid() -> Tree {
    Tree::new().unit(ORG, UNIT).item(ORG, ITEM_NAME, ITEM)
}

/// The valid tree with the item replaced.
pub fn with_item(text: &str) -> Tree {
    Tree::new().unit(ORG, UNIT).item(ORG, ITEM_NAME, text)
}

/// The valid tree with the unit replaced.
pub fn with_unit(text: &str) -> Tree {
    Tree::new().unit(ORG, text).item(ORG, ITEM_NAME, ITEM)
}

/// A tree whose campaign uses its own schema, `areas.toml`, holding `schema`, and one unit.
pub fn with_schema(schema: &str, unit: &str) -> Tree {
    Tree::new()
        .file(
            "huitoukan.toml",
            &format!("{CAMPAIGN}schema = \"areas.toml\"\n"),
        )
        .file("areas.toml", schema)
        .unit(ORG, unit)
}

/// The unit with lines added to `[self_check]` after `submitted_on` (line 7), from line 8 on.
pub fn unit_with_self_check(lines: &str) -> String {
    edit(
        UNIT,
        "submitted_on = 2015-02-10\n",
        &format!("submitted_on = 2015-02-10\n{lines}"),
    )
}

/// Runs the binary at the root as the user `nobody` where the tests run as root, to whom
/// permissions mean nothing. Where that cannot be done the test fails and says how to make it
/// possible: a test of permissions never passes without testing them.
#[cfg(unix)]
pub fn run_as_nobody(tree: &Tree, args: &[&str]) -> Output {
    run_as_nobody_in(tree, tree, args)
}

/// [`run_as_nobody`] in the folder `at`; the tree's own folder and that of `at` are opened to
/// others.
#[cfg(unix)]
pub fn run_as_nobody_in(at: &Tree, tree: &Tree, args: &[&str]) -> Output {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let bin = assert_cmd::cargo::cargo_bin("huitoukan");
    let owner = std::fs::metadata(tree.path()).expect("the tree").uid();
    let mut cmd = if owner == 0 {
        for folder in [tree.path(), at.path()] {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755))
                .expect("open the folder");
        }
        let probe = std::process::Command::new("setpriv")
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
            .arg(&bin)
            .arg("--version")
            .output();
        assert!(
            probe.is_ok_and(|o| o.status.success()),
            "running as root, these tests run huitoukan as `nobody` with `setpriv` \
             (`apt-get install util-linux`), and the binary and its folders must be readable by \
             others: `setpriv --reuid=nobody --regid=nogroup --clear-groups -- {} --version` failed",
            bin.display()
        );
        let mut cmd = assert_cmd::Command::new("setpriv");
        cmd.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
            .arg(&bin);
        cmd
    } else {
        assert_cmd::Command::new(&bin)
    };
    cmd.current_dir(at.path())
        .env("NO_COLOR", "1")
        .env_remove("HUITOUKAN_LANG")
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(args)
        .timeout(std::time::Duration::from_secs(60));
    output(cmd)
}

/// Runs `git` in `dir` with a fixed identity and clock (`date`, ISO 8601, for both the author
/// and the committer), failing the test with how to install git where it is missing.
pub fn git_at(dir: &Path, date: &str, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "整改办")
        .env("GIT_AUTHOR_EMAIL", "office@example.org")
        .env("GIT_COMMITTER_NAME", "整改办")
        .env("GIT_COMMITTER_EMAIL", "office@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap_or_else(|e| {
            panic!("these tests need the git binary ({e}): install it with `apt-get install git`")
        });
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// Commits everything in `dir` (a new repository the first time) at `date`; returns the hash.
pub fn commit_all(dir: &Path, date: &str, message: &str) -> String {
    if !dir.join(".git").exists() {
        git_at(dir, date, &["init", "-q", "-b", "main"]);
    }
    git_at(dir, date, &["add", "-A"]);
    git_at(dir, date, &["commit", "-q", "--allow-empty", "-m", message]);
    git_at(dir, date, &["rev-parse", "HEAD"])
}

/// A copy of a folder of the repository in a temporary folder, under `prefix`.
pub fn copy_at(from: &Path, prefix: &str) -> Tree {
    let mut tree = Tree::empty();
    for rel in paths_below(from) {
        let path = from.join(&rel);
        if path.is_file() {
            tree = tree.bytes(&format!("{prefix}{rel}"), &fs::read(&path).expect("read"));
        }
    }
    tree
}
