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
use crate::diagnostic::doc::{BASE, Example, RuleDoc};
use crate::text::i18n::Lang;

/// Every code's documentation, in the order of the codes.
pub fn all() -> Vec<&'static RuleDoc> {
    let families: [&[RuleDoc]; 11] = [
        crate::diagnostic::DOCS,
        crate::load::DOCS,
        crate::model::fields::DOCS,
        crate::model::DOCS,
        crate::rules::item::DOCS,
        crate::rules::self_check::DOCS,
        crate::rules::links::DOCS,
        crate::rules::plan::DOCS,
        crate::model::records::DOCS,
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
