//! The documentation of the codes: generated from the rules' own `DOCS`, and true.

use std::fs;
use std::path::Path;

use huitoukan::diagnostic::Code;
use huitoukan::diagnostic::doc::{AS_OF, BASE, Change, Example, Prose, RuleDoc};
use huitoukan::explain;
use huitoukan::text::i18n::Lang;

use crate::harness::{self, Output, Tree, output, run_as_nobody};

/// `HUITOUKAN_BLESS=1 cargo test` rewrites the page of `lang` from the rules instead.
fn codes_page_is_generated(lang: Lang) {
    let name = explain::codes_markdown_path(lang);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let generated = explain::codes_markdown(lang);
    if std::env::var_os("HUITOUKAN_BLESS").is_some() {
        fs::write(&path, &generated).expect("write the codes page");
    }
    let committed = fs::read_to_string(&path).expect("the codes page");
    assert!(
        committed == generated,
        "{name} differs from the rules' documentation: \
         run `HUITOUKAN_BLESS=1 cargo test --test cli explain` and commit it"
    );
}

#[test]
fn codes_md_is_generated_from_the_rules() {
    codes_page_is_generated(Lang::En);
}

#[test]
fn codes_zh_md_is_generated_from_the_rules() {
    codes_page_is_generated(Lang::Zh);
}

#[test]
fn the_two_codes_pages_link_to_each_other_and_the_readme_to_both() {
    let en = explain::codes_markdown(Lang::En);
    let zh = explain::codes_markdown(Lang::Zh);
    assert!(en.contains("This page in Chinese: [codes.zh.md](codes.zh.md)."));
    assert!(zh.contains("本页的英文版：[codes.md](codes.md)。"));
    assert!(zh.contains("| [E010](#e010-事项状态缺少必填字段) | 错误 | 事项状态缺少必填字段 |"));
    assert!(zh.contains("\n## E010 事项状态缺少必填字段\n\n**何时出现。**事项的 `status` 要求"));
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    assert!(readme.contains("(docs/codes.md)") && readme.contains("(docs/codes.zh.md)"));
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
        assert!(!doc.trigger.en.trim().is_empty() && !doc.fix.en.trim().is_empty());
    }
}

/// Every code reads in Chinese: its title, trigger and fix are Chinese text of their own (not
/// the English copied), and every intro or caption written in English has its Chinese; only a
/// CSV excerpt reads the same in both.
#[test]
fn every_code_is_documented_in_chinese_too() {
    let has_chinese = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut wrong = Vec::new();
    for doc in explain::all() {
        let code = doc.code.as_str();
        let mut pairs: Vec<(String, Prose)> = vec![
            (
                "title".into(),
                Prose {
                    en: doc.code.summary(Lang::En),
                    zh: doc.code.summary(Lang::Zh),
                },
            ),
            ("trigger".into(), doc.trigger),
            ("fix".into(), doc.fix),
        ];
        for (i, example) in doc.examples.iter().enumerate() {
            pairs.push((format!("example {} intro", i + 1), example.intro));
            pairs.push((format!("example {} caption", i + 1), example.caption));
        }
        for (what, text) in pairs {
            let csv = text.en.starts_with("```csv");
            let empty_both = text.en.is_empty() && text.zh.is_empty();
            let translated = !text.zh.trim().is_empty()
                && has_chinese(text.zh)
                && (text.zh != text.en || csv)
                && !text.en.trim().is_empty();
            if !empty_both && !translated {
                wrong.push(format!("{code} {what}: en {:?}, zh {:?}", text.en, text.zh));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
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
        Change::Import { file, text } => tree.file(file, text).file(
            huitoukan::diagnostic::doc::IMPORT_MAPPING_FILE,
            huitoukan::diagnostic::doc::IMPORT_MAPPING,
        ),
    }
}

/// Runs the example's `check`, in Chinese then in English, and keeps the diagnostics of `code`,
/// as the documentation shows them; `None` where it cannot run here.
fn run(code: Code, example: &Example) -> Option<[(Lang, String); 2]> {
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
            huitoukan::diagnostic::doc::IMPORT_MAPPING_FILE,
            "--dry-run",
            "--as-of",
            as_of,
        ],
        // The changes after the commit are checked against it.
        None if history => vec!["check", "--as-of", as_of, "--since", "HEAD"],
        None => vec!["check", "--as-of", as_of],
    };
    let unreadable = example
        .change
        .iter()
        .any(|c| matches!(c, Change::Unreadable { .. }));
    let heads = [
        format!("error[{}]", code.as_str()),
        format!("warning[{}]", code.as_str()),
    ];
    let shown = |lang: Lang| -> Option<(Lang, String)> {
        let mut args = args.clone();
        if lang == Lang::En {
            args.extend(["--lang", "en"]);
        }
        let out: Output = if unreadable {
            run_as_nobody(&tree, &args)
        } else {
            tree.run(&args)
        };
        let blocks: Vec<&str> = out
            .stderr
            .split("\n\n")
            .filter(|block| heads.iter().any(|h| block.starts_with(h.as_str())))
            .collect();
        Some((lang, blocks.join("\n\n")))
    };
    Some([shown(Lang::Zh)?, shown(Lang::En)?])
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
            for (lang, actual) in actual {
                let name = match lang {
                    Lang::Zh => "zh",
                    Lang::En => "en",
                };
                actuals.insert(
                    format!("{}#{i}#{name}", code.as_str()),
                    actual.clone().into(),
                );
                let documented = example.output.get(lang).trim_end();
                if actual.trim_end() != documented {
                    wrong.push(format!(
                        "== {} example {} ({name})\n-- documented:\n{documented}\n-- check prints:\n{}",
                        code.as_str(),
                        i + 1,
                        actual.trim_end()
                    ));
                }
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

/// `args` run with `HUITOUKAN_LANG` set to `lang`.
fn with_lang_env(tree: &Tree, args: &[&str], lang: &str) -> Output {
    let mut cmd = tree.command(args);
    cmd.env("HUITOUKAN_LANG", lang);
    output(cmd)
}

#[test]
fn explain_prints_the_section_of_a_code_in_chinese_by_default() {
    let tree = Tree::empty();
    let out = tree.run(&["explain", "e010"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = explain::find(Code::StatusNeedsField).expect("E010 is documented");
    assert_eq!(out.stdout, explain::explain_text(doc, Lang::Zh));
    assert!(
        out.stdout.starts_with(
            "E010 事项状态缺少必填字段（错误）\n\n\
             事项的 `status` 要求填写的字段缺失、为空或只有空白（三、有关要求第1条）：\n"
        ),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains(
        "\n示例1：\n# 梁弄镇/横坎头村/items/村道拓宽.toml，第8至9行\nstatus = \"已完成\"\n"
    ));
    assert!(
        out.stdout
            .contains("error[E010]: 状态为已完成的事项必须填写 `evidence`")
    );
    assert!(out.stdout.contains("\n示例2：\n"));
    assert!(
        out.stdout
            .ends_with("\n改正方法：补上消息中所说的字段，或者改正状态。\n")
    );
    assert!(!out.stdout.contains("Fix:") && !out.stdout.contains("Example"));

    // HUITOUKAN_LANG chooses too, as for every command.
    let out = with_lang_env(&tree, &["explain", "E010"], "zh");
    assert!(
        out.stdout
            .starts_with("E010 事项状态缺少必填字段（错误）\n")
    );
}

#[test]
fn explain_prints_the_english_section_with_lang_en() {
    let tree = Tree::empty();
    let doc = explain::find(Code::StatusNeedsField).expect("E010 is documented");
    for out in [
        tree.run(&["explain", "E010", "--lang", "en"]),
        with_lang_env(&tree, &["explain", "E010"], "en"),
    ] {
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(out.stdout, explain::explain_text(doc, Lang::En));
        assert!(out.stdout.starts_with(
            "E010 Status needs a field (error)\n\n\
             An item's `status` requires a field that is absent, empty or blank"
        ));
        assert!(
            out.stdout
                .contains("\nExample 1:\n# 梁弄镇/横坎头村/items/村道拓宽.toml, lines 8–9\n")
        );
        assert!(
            out.stdout
                .ends_with("\nFix: Add the field the message names, or correct the status.\n")
        );
        // The examples' diagnostics are what `check --lang en` prints.
        assert!(
            out.stdout
                .contains("\nerror[E010]: an item with status 已完成 needs `evidence`\n")
        );
        assert!(!out.stdout.contains("必须填写"));
    }
}

#[test]
fn explain_refuses_an_unknown_code_in_the_language_of_the_run() {
    let tree = Tree::empty();
    let out = tree.run(&["explain", "E999"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: 没有代码 `E999`\n  = help: 代码形如 E001、W001 或 I001；全部代码见 docs/codes.zh.md\n"
    );
    let out = tree.run(&["explain", "E999", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: there is no code `E999`\n  = help: codes look like E001, W001 or I001; docs/codes.md lists every one\n"
    );
}
