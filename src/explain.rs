//! What each diagnostic code means: its trigger, worked examples and the fix, declared beside
//! the code that raises it (each family's `DOCS`) and collected here.
//!
//! Every piece of prose is a [`Prose`], in Chinese and English, so no entry is written in one
//! language only. `huitoukan explain CODE` prints one entry in the language of the run;
//! [`codes_markdown`] writes `docs/codes.md` and `docs/codes.zh.md`, which a test keeps equal to
//! the committed files. Every example is a change to one small tree ([`BASE`]) with the
//! diagnostics `check` shows for it in each language, which a test runs and compares, so the
//! documentation cannot drift from what the tool says.

use std::fmt::Write;

use crate::diagnostic::Code;
use crate::i18n::Lang;

/// A piece of documentation in both languages. Each family writes both beside its rule, so a
/// rule cannot be documented in one language only; a test checks that neither is left empty.
#[derive(Clone, Copy, Debug)]
pub struct Prose {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Prose {
    /// No text: an example without an intro or a caption.
    pub const NONE: Prose = Prose { en: "", zh: "" };

    /// Text that reads the same in both languages (a CSV excerpt).
    pub const fn same(text: &'static str) -> Prose {
        Prose { en: text, zh: text }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

/// The documentation of one code.
#[derive(Debug)]
pub struct RuleDoc {
    pub code: Code,
    /// What makes the code appear: Markdown, one or more paragraphs.
    pub trigger: Prose,
    pub examples: &'static [Example],
    /// What to do about it: Markdown.
    pub fix: Prose,
}

/// One worked example: a change to [`BASE`], then `check --as-of AS_OF` at its root.
#[derive(Debug)]
pub struct Example {
    /// A sentence before the example, where it needs one.
    pub intro: Prose,
    /// What the shown excerpt is: the file and the lines changed, or how the file was made.
    pub caption: Prose,
    /// The TOML shown.
    pub shown: Shown,
    pub change: &'static [Change],
    /// The as-of date, where not [`AS_OF`].
    pub as_of: Option<&'static str>,
    /// The diagnostics of this code that `check` prints, in order, without the closing line:
    /// in Chinese (the default) and with `--lang en`.
    pub output: Prose,
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
pub const BASE: &[(&str, &str, Prose)] = &[
    (
        BASE_CAMPAIGN,
        "[campaign]\nname = \"教育实践活动整改落实情况回头看\"\ndeadline = 2015-02-28\n",
        Prose::NONE,
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
        Prose {
            en: "a 基层党组织 of the second batch, answering its six points",
            zh: "第二批的基层党组织，答复了适用的六个检查要点",
        },
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
        Prose {
            en: "an open item, due after the as-of date",
            zh: "一个未完成的事项，整改时限在截至日期之后",
        },
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

/// The code and its summary, as a heading: in English with its first letter capitalised (a
/// file name stays as written).
fn heading(code: Code, lang: Lang) -> String {
    let summary = code.summary(lang);
    if lang == Lang::Zh
        || summary
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

/// The words around the documentation, in one language.
struct Words {
    /// The comment at the top of the page.
    generated: &'static str,
    title: &'static str,
    intro: &'static str,
    table: &'static str,
    examples: &'static str,
    examples_intro: &'static str,
    examples_outro: &'static str,
    trigger: &'static str,
    fix: &'static str,
    /// Between a file and what it is: `path: what`.
    colon: &'static str,
}

const EN: Words = Words {
    generated: "Generated from the rules' own documentation (`DOCS` beside each rule, collected in
     src/explain.rs); a test fails when this file differs. Do not edit by hand.",
    title: "Diagnostic codes",
    intro: "\
Every problem `huitoukan check` finds carries a stable code. Codes starting with **E** are
**errors**: the data is wrong, `check` exits with 1 and `report` refuses to run (unless
`--keep-going`). Codes starting with **W** are **warnings**: the data is valid but the campaign
has a gap; `check` still exits with 0 unless `--deny-warnings`. Codes starting with **I** are
errors in a spreadsheet given to `import`. Codes and JSON keys are the same in Chinese and
English output. The messages below are the English ones, which `--lang en` or
`HUITOUKAN_LANG=en` gives; Chinese is the default, and [codes.zh.md](codes.zh.md) shows its
messages. `huitoukan explain CODE` prints a code's section in the language of the run.

The record format itself (every file, field and value) is described in [format.md](format.md).
This page in Chinese: [codes.zh.md](codes.zh.md).
",
    table: "| code | severity | summary |\n|---|---|---|",
    examples: "The examples",
    examples_intro: "\
Every example starts from this small tree, which checks clean, changes one thing in it, and runs
`huitoukan check --as-of 2015-03-10 --lang en` at its root with `NO_COLOR=1`. Only the diagnostics of the code
in question are shown; the closing line is left out. The line numbers in the output are those of
the changed file. The test suite runs every example and compares what `check` prints with what is
shown here.
",
    examples_outro: "\
Each diagnostic names the file (relative to the current folder in human output, to the root in
JSON), the line and column of the offending key or value, or the file alone where the problem is
the file as a whole.
",
    trigger: "**Trigger.** ",
    fix: "**Fix.** ",
    colon: ": ",
};

const ZH: Words = Words {
    generated: "由各条规则自带的说明生成（各规则旁的 `DOCS`，汇集于 src/explain.rs）；本文件与之不符时测试不通过。请勿手工修改。",
    title: "诊断代码",
    intro: "\
`huitoukan check` 发现的每个问题都带有固定的代码。以 **E** 开头的是**错误**：数据有误，`check` 以退出码1结束，`report` 拒绝运行（除非加 `--keep-going`）。以 **W** 开头的是**警告**：数据有效，但整改工作有缺漏；除非加 `--deny-warnings`，`check` 仍以退出码0结束。以 **I** 开头的是交给 `import` 的表格中的错误。代码和 JSON 的键在中英文输出中都一样；下面的消息是中文的（默认语言），`--lang en` 或 `HUITOUKAN_LANG=en` 给出英文。`huitoukan explain 代码` 在终端中打印某个代码的说明。

记录格式本身（每个文件、字段和取值）见 [format.md](format.md)（英文）。本页的英文版：[codes.md](codes.md)。
",
    table: "| 代码 | 级别 | 说明 |\n|---|---|---|",
    examples: "示例",
    examples_intro: "\
每个示例都从下面这个能通过检查的小台账出发，改动其中一处，然后在根目录以 `NO_COLOR=1` 运行 `huitoukan check --as-of 2015-03-10`。只列出所说代码的诊断，省去最后的汇总行。输出中的行号是改动后文件中的行号。测试会运行每个示例，把 `check` 的输出与这里所列的逐字对照。
",
    examples_outro: "\
每条诊断都指明文件（人读格式中相对于当前文件夹，JSON 中相对于根目录），以及出问题的键或值所在的行和列；问题在于整个文件的，只指明文件。
",
    trigger: "**何时出现。**",
    fix: "**改正方法。**",
    colon: "：",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// One example as Markdown: its intro, the TOML shown (or the caption inside the output).
fn example_markdown(out: &mut String, example: &Example, lang: Lang) {
    let intro = example.intro.get(lang);
    if !intro.is_empty() {
        let _ = writeln!(out, "{intro}\n");
    }
    let caption = example.caption.get(lang);
    match example.shown() {
        Some(shown) => {
            out.push_str("```toml\n");
            if !caption.is_empty() {
                let _ = writeln!(out, "# {caption}");
            }
            let _ = writeln!(out, "{}\n```\n", shown.trim_end());
            let _ = writeln!(
                out,
                "```text\n{}\n```\n",
                example.output.get(lang).trim_end()
            );
        }
        None => {
            out.push_str("```text\n");
            if !caption.is_empty() {
                let _ = writeln!(out, "# {caption}");
            }
            let _ = writeln!(out, "{}\n```\n", example.output.get(lang).trim_end());
        }
    }
}

/// One code's section of the Markdown page.
fn section_markdown(out: &mut String, doc: &RuleDoc, lang: Lang) {
    let words = words(lang);
    let _ = writeln!(out, "## {}\n", heading(doc.code, lang));
    let _ = writeln!(
        out,
        "{}{}\n",
        words.trigger,
        doc.trigger.get(lang).trim_end()
    );
    for example in doc.examples {
        example_markdown(out, example, lang);
    }
    let _ = writeln!(out, "{}{}\n", words.fix, doc.fix.get(lang).trim_end());
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

/// Where the page of `lang` is committed, relative to the repository.
pub fn codes_markdown_path(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "docs/codes.md",
        Lang::Zh => "docs/codes.zh.md",
    }
}

/// `docs/codes.md` (English) or `docs/codes.zh.md` (Chinese), generated.
pub fn codes_markdown(lang: Lang) -> String {
    let words = words(lang);
    let docs = all();
    let mut out = format!("<!-- {} -->\n\n", words.generated);
    let _ = writeln!(out, "# {}\n\n{}", words.title, words.intro);
    let _ = writeln!(out, "{}", words.table);
    for doc in &docs {
        let _ = writeln!(
            out,
            "| [{}](#{}) | {} | {} |",
            doc.code.as_str(),
            anchor(&heading(doc.code, lang)),
            doc.code.severity().name(lang),
            doc.code.summary(lang)
        );
    }
    let _ = writeln!(out, "\n## {}\n\n{}", words.examples, words.examples_intro);
    for (path, text, what) in BASE {
        let what = what.get(lang);
        let caption = if what.is_empty() {
            (*path).to_owned()
        } else {
            format!("{path}{}{what}", words.colon)
        };
        let _ = writeln!(out, "```toml\n# {caption}\n{}\n```\n", text.trim_end());
    }
    let _ = writeln!(out, "{}", words.examples_outro);
    for doc in &docs {
        section_markdown(&mut out, doc, lang);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `huitoukan explain CODE`: the code's section in `lang`, as plain text for a terminal.
pub fn explain_text(doc: &RuleDoc, lang: Lang) -> String {
    let mut out = String::new();
    let severity = doc.code.severity().name(lang);
    let _ = match lang {
        Lang::En => writeln!(out, "{} ({severity})\n", heading(doc.code, lang)),
        Lang::Zh => writeln!(out, "{}（{severity}）\n", heading(doc.code, lang)),
    };
    let _ = writeln!(out, "{}\n", doc.trigger.get(lang).trim_end());
    for (i, example) in doc.examples.iter().enumerate() {
        let _ = match lang {
            Lang::En => writeln!(out, "Example {}:", i + 1),
            Lang::Zh => writeln!(out, "示例{}：", i + 1),
        };
        let intro = example.intro.get(lang);
        if !intro.is_empty() {
            let _ = writeln!(out, "{intro}");
        }
        let caption = example.caption.get(lang);
        if !caption.is_empty() {
            let _ = writeln!(out, "# {caption}");
        }
        if let Some(shown) = example.shown() {
            let _ = writeln!(out, "{}", shown.trim_end());
        }
        let _ = writeln!(out, "\n{}\n", example.output.get(lang).trim_end());
    }
    let fix = doc.fix.get(lang).trim_end();
    let _ = match lang {
        Lang::En => writeln!(out, "Fix: {fix}"),
        Lang::Zh => writeln!(out, "改正方法：{fix}"),
    };
    out
}
