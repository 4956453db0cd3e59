//! The documentation of the codes: generated from the rules' own `DOCS`, and true.

use std::fs;
use std::path::Path;

use huitoukan::diagnostic::Code;
use huitoukan::explain::{self, AS_OF, BASE, Change, Example, RuleDoc};

use crate::harness::{self, Output, Tree, run_as_nobody};

fn codes_md_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/codes.md")
}

/// `HUITOUKAN_BLESS=1 cargo test` rewrites docs/codes.md from the rules instead.
#[test]
fn codes_md_is_generated_from_the_rules() {
    let generated = explain::codes_markdown();
    if std::env::var_os("HUITOUKAN_BLESS").is_some() {
        fs::write(codes_md_path(), &generated).expect("write docs/codes.md");
    }
    let committed = fs::read_to_string(codes_md_path()).expect("docs/codes.md");
    assert!(
        committed == generated,
        "docs/codes.md differs from the rules' documentation: \
         run `HUITOUKAN_BLESS=1 cargo test --test cli explain` and commit it"
    );
}

#[test]
fn every_code_is_documented_once_with_an_example() {
    let docs = explain::all();
    let codes: Vec<Code> = docs.iter().map(|d| d.code).collect();
    assert_eq!(codes, Code::ALL, "each code once, in order");
    for doc in docs {
        assert!(
            !doc.examples.is_empty(),
            "{} has no example",
            doc.code.as_str()
        );
        assert!(!doc.trigger.trim().is_empty() && !doc.fix.trim().is_empty());
    }
}

/// The base tree with the example's changes made.
fn tree_of(example: &Example) -> Tree {
    let mut tree = Tree::empty();
    for (path, text, _) in BASE {
        tree = tree.file(path, text);
    }
    for change in example.change {
        tree = apply(tree, change);
    }
    tree
}

fn apply(tree: Tree, change: &Change) -> Tree {
    let read = |file: &str| fs::read_to_string(tree.join(file)).expect("a file of the tree");
    match *change {
        Change::Lines {
            file,
            line,
            count,
            text,
        } => {
            let old = read(file);
            let mut lines: Vec<&str> = old.lines().collect();
            let at = (line - 1).min(lines.len());
            let end = (at + count).min(lines.len());
            let new: Vec<&str> = if text.is_empty() {
                Vec::new()
            } else {
                text.split('\n').collect()
            };
            lines.splice(at..end, new);
            let mut joined = lines.join("\n");
            joined.push('\n');
            tree.file(file, &joined)
        }
        Change::Write { file, text } => tree.file(file, text),
        Change::Copy { from, to } => {
            let text = read(from);
            tree.file(to, &text)
        }
        Change::Gbk { file } => {
            let text = read(file);
            let (bytes, _, lossy) = encoding_rs::GB18030.encode(&text);
            assert!(!lossy, "{file} encodes as GB18030");
            tree.bytes(file, &bytes)
        }
        Change::LongComment { file, bytes } => {
            let mut text = read(file);
            text.push('#');
            text.push_str(&"x".repeat(bytes.saturating_sub(2)));
            text.push('\n');
            tree.file(file, &text)
        }
        Change::Unreadable { file } => tree.mode(file, 0o000),
        #[cfg(unix)]
        Change::GbkName { file } => {
            use std::os::unix::ffi::OsStrExt;
            let (dir, name) = file.rsplit_once('/').expect("a file in a folder");
            let (bytes, _, lossy) = encoding_rs::GB18030.encode(name);
            assert!(!lossy, "{name} encodes as GB18030");
            let to = tree.join(dir).join(std::ffi::OsStr::from_bytes(&bytes));
            fs::rename(tree.join(file), to).expect("rename");
            tree
        }
        #[cfg(not(unix))]
        Change::GbkName { .. } => panic!("a name in GB18030 bytes needs a Unix file system"),
        Change::Repeat { file, text, times } => {
            let mut all = read(file);
            for n in 1..=times {
                all.push_str(&text.replace("{n}", &n.to_string()));
            }
            tree.file(file, &all)
        }
        Change::Rename { from, to } => {
            fs::rename(tree.join(from), tree.join(to)).expect("rename");
            tree
        }
        Change::Symlink { link, target } => tree.symlink(target, link),
        Change::Commit => {
            harness::commit_all(tree.path(), "2015-03-01T10:00:00+08:00", "报送");
            tree
        }
        Change::Delete { file } => {
            fs::remove_file(tree.join(file)).expect("delete");
            tree
        }
        Change::Import { file, text } => tree
            .file(file, text)
            .file(explain::IMPORT_MAPPING_FILE, explain::IMPORT_MAPPING),
    }
}

/// Runs the example's `check` and keeps the diagnostics of `code`, as the documentation shows
/// them; `None` where it cannot run here.
fn run(code: Code, example: &Example) -> Option<String> {
    let tree = tree_of(example);
    let as_of = example.as_of.unwrap_or(AS_OF);
    let import = example.change.iter().find_map(|c| match c {
        Change::Import { file, .. } => Some(*file),
        _ => None,
    });
    let history = example.change.iter().any(|c| matches!(c, Change::Commit));
    let args: Vec<&str> = match import {
        Some(file) => vec![
            "import",
            file,
            "--mapping",
            explain::IMPORT_MAPPING_FILE,
            "--dry-run",
            "--as-of",
            as_of,
        ],
        // The changes after the commit are checked against it.
        None if history => vec!["check", "--as-of", as_of, "--since", "HEAD"],
        None => vec!["check", "--as-of", as_of],
    };
    let out: Output = if example
        .change
        .iter()
        .any(|c| matches!(c, Change::Unreadable { .. }))
    {
        run_as_nobody(&tree, &args)?
    } else {
        tree.run(&args)
    };
    let heads = [
        format!("error[{}]", code.as_str()),
        format!("warning[{}]", code.as_str()),
    ];
    let shown: Vec<&str> = out
        .stderr
        .split("\n\n")
        .filter(|block| heads.iter().any(|h| block.starts_with(h.as_str())))
        .collect();
    Some(shown.join("\n\n"))
}

#[test]
fn every_documented_example_shows_what_check_prints() {
    let mut wrong = Vec::new();
    let mut actuals = serde_json::Map::new();
    for doc in explain::all() {
        let RuleDoc { code, examples, .. } = doc;
        for (i, example) in examples.iter().enumerate() {
            let Some(actual) = run(*code, example) else {
                continue;
            };
            actuals.insert(format!("{}#{i}", code.as_str()), actual.clone().into());
            if actual.trim_end() != example.output.trim_end() {
                wrong.push(format!(
                    "== {} example {}\n-- documented:\n{}\n-- check prints:\n{}",
                    code.as_str(),
                    i + 1,
                    example.output.trim_end(),
                    actual.trim_end()
                ));
            }
        }
    }
    if std::env::var_os("HUITOUKAN_BLESS").is_some() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/explain-actual.json");
        fs::write(&path, serde_json::to_string_pretty(&actuals).expect("JSON"))
            .expect("write target/explain-actual.json");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn explain_prints_the_section_of_a_code_and_refuses_an_unknown_one() {
    let tree = Tree::empty();
    let out = tree.run(&["explain", "e010"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = explain::find(Code::StatusNeedsField).expect("E010 is documented");
    assert_eq!(out.stdout, explain::explain_text(doc));
    assert!(
        out.stdout
            .starts_with("E010 Status needs a field (error)\n\n")
    );
    assert!(
        out.stdout
            .contains("error[E010]: 状态为已完成的事项必须填写 `evidence`")
    );
    assert!(
        out.stdout
            .contains("\nFix: Add the field the message names")
    );

    let out = tree.run(&["explain", "E999"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: 没有代码 `E999`\n  = help: 代码形如 E001 或 W001；全部代码见 docs/codes.md\n"
    );
}
