//! What each diagnostic code means: its trigger, worked examples and the fix, declared beside
//! the code that raises it (each family's `DOCS`) and collected here.
//!
//! `huitoukan explain CODE` prints one entry; [`codes_markdown`] writes `docs/codes.md`, which a
//! test keeps equal to the committed file. Every example is a change to one small tree
//! ([`BASE`]) with the diagnostics `check` shows for it, which a test runs and compares, so the
//! documentation cannot drift from what the tool says.

use std::fmt::Write;

use crate::diagnostic::{Code, Severity};

/// The documentation of one code.
#[derive(Debug)]
pub struct RuleDoc {
    pub code: Code,
    /// What makes the code appear: Markdown, one or more paragraphs.
    pub trigger: &'static str,
    pub examples: &'static [Example],
    /// What to do about it: Markdown.
    pub fix: &'static str,
}

/// One worked example: a change to [`BASE`], then `check --as-of AS_OF` at its root.
#[derive(Debug)]
pub struct Example {
    /// A sentence before the example, where it needs one.
    pub intro: &'static str,
    /// What the shown excerpt is: the file and the lines changed, or how the file was made.
    pub caption: &'static str,
    /// The TOML shown.
    pub shown: Shown,
    pub change: &'static [Change],
    /// The as-of date, where not [`AS_OF`].
    pub as_of: Option<&'static str>,
    /// The diagnostics of this code that `check` prints, in order, without the closing line.
    pub output: &'static str,
}

/// What an example shows of its change.
#[derive(Debug)]
pub enum Shown {
    /// The text its one change writes.
    Change,
    /// This text (where the change removes lines, or is made of several).
    Text(&'static str),
    /// Nothing: the change is not text (an encoding, a link, a size); the caption says it.
    Nothing,
}

impl Example {
    /// The TOML the example shows, if any.
    pub fn shown(&self) -> Option<&'static str> {
        match self.shown {
            Shown::Text(text) => Some(text),
            Shown::Nothing => None,
            Shown::Change => self.change.iter().find_map(|c| match c {
                Change::Lines { text, .. } | Change::Write { text, .. } => {
                    Some(text.trim_matches('\n'))
                }
                _ => None,
            }),
        }
    }
}

/// One edit of the base tree.
#[derive(Debug)]
pub enum Change {
    /// Replaces `count` lines of `file` from `line` (1-based) with `text` (no lines: removes
    /// them; `count` 0: inserts before `line`).
    Lines {
        file: &'static str,
        line: usize,
        count: usize,
        text: &'static str,
    },
    /// Writes a whole file.
    Write {
        file: &'static str,
        text: &'static str,
    },
    /// Copies a file of the tree.
    Copy {
        from: &'static str,
        to: &'static str,
    },
    /// Saves a file of the tree in GB18030 instead of UTF-8.
    Gbk { file: &'static str },
    /// Renames a file of the tree to its name in GB18030 bytes (what unzipping a Windows
    /// archive gives).
    GbkName { file: &'static str },
    /// Appends `text` to a file `times` times, `{n}` counting from 1.
    Repeat {
        file: &'static str,
        text: &'static str,
        times: usize,
    },
    /// Renames a file of the tree.
    Rename {
        from: &'static str,
        to: &'static str,
    },
    /// Appends a comment line of `bytes` bytes to a file.
    LongComment { file: &'static str, bytes: usize },
    /// Takes every permission off a file (the example then needs a user other than root).
    Unreadable { file: &'static str },
    /// A symbolic link at `link` pointing at `target`, written as given.
    Symlink {
        link: &'static str,
        target: &'static str,
    },
    /// Commits the tree as it stands (in a new git repository the first time); an example
    /// with a commit runs `check --since HEAD`, so the changes after it are what is checked.
    Commit,
    /// Deletes a file of the tree.
    Delete { file: &'static str },
    /// A spreadsheet (`text`, CSV) written at the root as `file`, then
    /// `import FILE --mapping .huitoukan/映射.toml --dry-run --as-of AS_OF` with the mapping
    /// [`IMPORT_MAPPING`] instead of `check`.
    Import {
        file: &'static str,
        text: &'static str,
    },
}

/// The mapping of every import example: the columns of a village's 整改台账.
pub const IMPORT_MAPPING: &str = r#"[source]
key = ["责任单位", "序号"]

[unit]
column = "责任单位"

[fields]
title = "存在问题"
area = { value = 4 }
source = { value = "群众反映" }
measures = "整改措施"
responsible = { value = "村委会" }
deadline = "整改时限"
status = { column = "整改进展", map = { "整改中" = "未完成", "已整改" = "已完成" } }
"#;

/// Where the import examples' mapping is written: a hidden folder, which `check` skips.
pub const IMPORT_MAPPING_FILE: &str = ".huitoukan/映射.toml";

/// The date every example is checked as of, unless it says otherwise.
pub const AS_OF: &str = "2015-03-10";

pub const BASE_CAMPAIGN: &str = "huitoukan.toml";
pub const BASE_UNIT: &str = "梁弄镇/横坎头村/unit.toml";
pub const BASE_ITEM: &str = "梁弄镇/横坎头村/items/村道拓宽.toml";

/// The tree every example starts from, which checks clean: (path, text, what it is).
pub const BASE: &[(&str, &str, &str)] = &[
    (
        BASE_CAMPAIGN,
        "[campaign]\nname = \"教育实践活动整改落实情况回头看\"\ndeadline = 2015-02-28\n",
        "",
    ),
    (
        BASE_UNIT,
        r#"name = "中共横坎头村委员会"
category = "基层党组织"
batch = 2

[self_check]
meeting_on = 2015-01-30
submitted_on = 2015-02-05

[self_check.answers]
"3.1" = "是"
"4.2" = "是"
"G.1" = "是"
"G.2" = "是"
"G.3" = "是"
"3.3" = "是"
"#,
        "a 基层党组织 of the second batch, answering its six points",
    ),
    (
        BASE_ITEM,
        r#"title = "村道狭窄，群众出行不便"
area = 4
points = ["G.2"]
source = "群众反映"
measures = ["拓宽村道至6米"]
responsible = "村委会"
deadline = 2015-06-30
status = "未完成"
"#,
        "an open item, due after the as-of date",
    ),
];

/// Every code's documentation, in the order of the codes.
pub fn all() -> Vec<&'static RuleDoc> {
    let families: [&[RuleDoc]; 10] = [
        crate::diagnostic::DOCS,
        crate::load::DOCS,
        crate::model::fields::DOCS,
        crate::model::DOCS,
        crate::rules::item::DOCS,
        crate::rules::self_check::DOCS,
        crate::rules::links::DOCS,
        crate::records::DOCS,
        crate::history::rebound::DOCS,
        crate::import::DOCS,
    ];
    let mut docs: Vec<&RuleDoc> = families.into_iter().flatten().collect();
    docs.sort_by_key(|d| d.code);
    docs
}

/// The documentation of `code`.
pub fn find(code: Code) -> Option<&'static RuleDoc> {
    all().into_iter().find(|d| d.code == code)
}

/// A code by its name (`E010`, `e010`), or `None`.
pub fn parse_code(text: &str) -> Option<Code> {
    let wanted = text.trim().to_ascii_uppercase();
    Code::ALL.iter().copied().find(|c| c.as_str() == wanted)
}

/// `summary` with its first letter capitalised, as a heading (a file name stays as written).
fn heading(code: Code) -> String {
    let summary = code.summary();
    if summary
        .split(' ')
        .next()
        .is_some_and(|word| word.contains('.'))
    {
        return format!("{} {summary}", code.as_str());
    }
    let mut chars = summary.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase());
    format!(
        "{} {}{}",
        code.as_str(),
        first.into_iter().collect::<String>(),
        chars.as_str()
    )
}

fn severity_name(code: Code) -> &'static str {
    match code.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// One example as Markdown: its intro, the TOML shown (or the caption inside the output).
fn example_markdown(out: &mut String, example: &Example) {
    if !example.intro.is_empty() {
        let _ = writeln!(out, "{}\n", example.intro);
    }
    match example.shown() {
        Some(shown) => {
            out.push_str("```toml\n");
            if !example.caption.is_empty() {
                let _ = writeln!(out, "# {}", example.caption);
            }
            let _ = writeln!(out, "{}\n```\n", shown.trim_end());
            let _ = writeln!(out, "```text\n{}\n```\n", example.output.trim_end());
        }
        None => {
            out.push_str("```text\n");
            if !example.caption.is_empty() {
                let _ = writeln!(out, "# {}", example.caption);
            }
            let _ = writeln!(out, "{}\n```\n", example.output.trim_end());
        }
    }
}

/// One code's section of `docs/codes.md`.
fn section_markdown(out: &mut String, doc: &RuleDoc) {
    let _ = writeln!(out, "## {}\n", heading(doc.code));
    let _ = writeln!(out, "**Trigger.** {}\n", doc.trigger.trim_end());
    for example in doc.examples {
        example_markdown(out, example);
    }
    let _ = writeln!(out, "**Fix.** {}\n", doc.fix.trim_end());
}

/// The anchor GitHub gives a heading.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

const CODES_INTRO: &str = "\
Every problem `huitoukan check` finds carries a stable code. Codes starting with **E** are
**errors**: the data is wrong, `check` exits with 1 and `report` refuses to run (unless
`--keep-going`). Codes starting with **W** are **warnings**: the data is valid but the campaign
has a gap; `check` still exits with 0 unless `--deny-warnings`. Codes and JSON keys are the same in
Chinese and English output; the messages below are the Chinese ones (the default). `--lang en` or
`HUITOUKAN_LANG=en` gives the English text. `huitoukan explain CODE` prints a code's section.

The record format itself (every file, field and value) is described in [format.md](format.md).
";

const EXAMPLES_INTRO: &str = "\
Every example starts from this small tree, which checks clean, changes one thing in it, and runs
`huitoukan check --as-of 2015-03-10` at its root with `NO_COLOR=1`. Only the diagnostics of the code
in question are shown; the closing line is left out. The line numbers in the output are those of
the changed file. The test suite runs every example and compares what `check` prints with what is
shown here.
";

const EXAMPLES_OUTRO: &str = "\
Each diagnostic names the file (relative to the current folder in human output, to the root in
JSON), the line and column of the offending key or value, or the file alone where the problem is
the file as a whole.
";

/// `docs/codes.md`, generated.
pub fn codes_markdown() -> String {
    let docs = all();
    let mut out = String::from(
        "<!-- Generated from the rules' own documentation (`DOCS` beside each rule, collected in\n     src/explain.rs); a test fails when this file differs. Do not edit by hand. -->\n\n",
    );
    let _ = writeln!(out, "# Diagnostic codes\n\n{CODES_INTRO}");
    out.push_str("| code | severity | summary |\n|---|---|---|\n");
    for doc in &docs {
        let _ = writeln!(
            out,
            "| [{}](#{}) | {} | {} |",
            doc.code.as_str(),
            anchor(&heading(doc.code)),
            severity_name(doc.code),
            doc.code.summary()
        );
    }
    let _ = writeln!(out, "\n## The examples\n\n{EXAMPLES_INTRO}");
    for (path, text, what) in BASE {
        let caption = if what.is_empty() {
            (*path).to_owned()
        } else {
            format!("{path}: {what}")
        };
        let _ = writeln!(out, "```toml\n# {caption}\n{}\n```\n", text.trim_end());
    }
    let _ = writeln!(out, "{EXAMPLES_OUTRO}");
    for doc in &docs {
        section_markdown(&mut out, doc);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `huitoukan explain CODE`: the code's section, as plain text for a terminal.
pub fn explain_text(doc: &RuleDoc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})\n", heading(doc.code), severity_name(doc.code));
    let _ = writeln!(out, "{}\n", doc.trigger.trim_end());
    for (i, example) in doc.examples.iter().enumerate() {
        let _ = writeln!(out, "Example {}:", i + 1);
        if !example.intro.is_empty() {
            let _ = writeln!(out, "{}", example.intro);
        }
        if !example.caption.is_empty() {
            let _ = writeln!(out, "# {}", example.caption);
        }
        if let Some(shown) = example.shown() {
            let _ = writeln!(out, "{}", shown.trim_end());
        }
        let _ = writeln!(out, "\n{}\n", example.output.trim_end());
    }
    let _ = writeln!(out, "Fix: {}", doc.fix.trim_end());
    out
}
