//! What a code's documentation is made of: [`RuleDoc`], its worked [`Example`]s and the
//! [`Prose`] they are written in, and the small tree ([`BASE`]) every example changes.
//!
//! Each family declares its `DOCS` beside its rules out of these types; the registry that
//! collects them, prints them and writes `docs/codes.md` is [`crate::explain`], at the top, so
//! no family depends on it.

use super::Code;
use crate::text::i18n::Lang;

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
