//! Diagnostics: every problem found in the records is a value of this module.
//!
//! Each rule has one stable [`Code`], defined in the table below and nowhere else; its severity
//! comes with it. A diagnostic keeps byte spans into its file ([`span`]) until it is rendered.
//! Beside it: what a code's documentation is made of ([`doc`]), and the fatal errors that stop a
//! command before it has a result ([`outcome`]) — problems of the run, not of the data.

pub mod doc;
pub mod outcome;
pub mod place;
pub mod span;

use std::ops::Range;

use serde::Serialize;

pub use crate::diagnostic::place::{InFile, Place};
use crate::diagnostic::span::FileId;
use crate::text::i18n::{Lang, Msg};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The severity as a word of `lang`, for headings.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
        }
    }
}

macro_rules! codes {
    ($($name:ident = $code:literal, $severity:ident, $en:literal, $zh:literal;)*) => {
        /// The stable code of a rule. `docs/codes.md` lists every one with an example and the fix.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($name),* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$name),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $code),* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$name => Severity::$severity),* }
            }

            /// A one-line summary of the rule in `lang`, for listings and headings.
            pub fn summary(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Code::$name, Lang::En) => $en, (Code::$name, Lang::Zh) => $zh,)*
                }
            }
        }
    };
}

codes! {
    Syntax = "E001", Error, "TOML syntax error", "TOML 语法错误";
    UnknownKey = "E002", Error, "unknown key", "未知的键";
    MissingField = "E003", Error, "required field missing or empty", "必填字段缺失或为空";
    WrongType = "E004", Error, "value of the wrong type", "值的类型不对";
    BadValue = "E005", Error, "value outside its enumeration", "值不在可选范围内";
    DateAsString = "E006", Error, "date written as a string", "日期写成了字符串";
    DottedAnswerKey = "E007", Error, "unquoted dotted answer key", "自查答复的要点编号未加引号";
    UnknownPoint = "E008", Error, "area or check point not in the schema", "内容方面或检查要点不在方案中";
    PointNotApplicable = "E009", Error, "answer for a point that does not apply to the unit", "自查答复了不适用于本单位的检查要点";
    StatusNeedsField = "E010", Error, "status needs a field", "事项状态缺少必填字段";
    UnsatisfiedDone = "E011", Error, "done while the masses are unsatisfied", "群众不满意的事项标为已完成";
    DateAfterToday = "E012", Error, "a date that has not come yet", "日期还没有到";
    SourceNeedsField = "E013", Error, "source or owner needs a field", "问题来源或整改主体缺少必填字段";
    UnknownLeadUnit = "E014", Error, "linkage names no unit", "牵头单位不是台账中的单位";
    SelfLeadUnit = "E015", Error, "linkage names the item's own unit", "牵头单位就是事项所属单位";
    DuplicateItemId = "E016", Error, "two items of one unit share an id", "同一单位的两个事项编号相同";
    OrphanItem = "E017", Error, "item outside every unit", "事项不属于任何单位";
    UnansweredPoints = "E018", Error, "submitted self-check leaves points unanswered", "已报送的自查有检查要点未作答";
    ReportMissing = "E019", Error, "self-check report file does not exist", "自查报告文件不存在";
    ReportOutsideUnit = "E020", Error, "self-check report leaves the unit's folder", "自查报告不在本单位文件夹内";
    ReviewBeforeSubmission = "E021", Error, "review dated before the self-check was submitted", "审核日期早于自查报送日期";
    ReviewWithoutSubmission = "E022", Error, "review of a unit that has not submitted", "单位未报送自查却有审核记录";
    NotUtf8 = "E023", Error, "file is not UTF-8", "文件不是 UTF-8 编码";
    TooLarge = "E024", Error, "file larger than 1 MiB", "文件大于1 MiB";
    Unreadable = "E025", Error, "file cannot be read", "无法读取文件";
    SchemaInvalid = "E026", Error, "campaign schema file missing or invalid", "方案文件缺失或无效";
    InvalidDate = "E027", Error, "not a calendar date", "不是有效的日期";
    RootUnit = "E028", Error, "unit.toml at the root of the tree", "根目录中有 unit.toml";
    UnsatisfiedNoRectifyBy = "E029", Error, "item still 不满意 without rectify_by", "群众不满意的事项未填写 rectify_by";
    ProgressAfterToday = "E030", Error, "progress entry dated after today", "进展日期还没有到";
    BadClosure = "E031", Error, "closure of an item not done, or misdated", "对未完成的事项销号，或销号日期不对";
    SubordinatesDueLate = "E032", Error, "subordinates_due after the unit's own due date", "下级报送时限晚于本单位的报送时限";
    ResubmittedWithoutReturn = "E033", Error, "resubmitted without a returned review", "没有退回记录却重新报送";
    NameNotUtf8 = "E034", Error, "file or folder name is not UTF-8", "文件名或文件夹名不是 UTF-8 编码";
    Placeholder = "E035", Error, "a template's placeholder left in a record", "记录中留有模板的占位文字";
    NotShownErrors = "E036", Error, "more problems in one file than are listed, errors among them", "一个文件中的问题过多未全部列出，其中有错误";
    VotesOverParticipants = "E037", Error, "assessment votes add up to more than its participants", "测评票数之和超过参加测评人数";
    GuidanceOfSecondBatch = "E038", Error, "督导组检查 of a second-batch unit", "第二批单位记有督导组检查";
    Overdue = "W001", Warning, "overdue item", "事项逾期";
    LateCompletion = "W002", Warning, "completed after its deadline", "完成日期晚于整改时限";
    LateReport = "W003", Warning, "self-check submitted after its due date", "自查报送晚于报送时限";
    MissingReport = "W004", Warning, "no self-check and its due date has passed", "报送时限已过仍未报送自查";
    UncoveredAnswer = "W005", Warning, "answer 否/部分 not covered by any item", "自查答复为否或部分，但没有事项纳入整改";
    SymlinkSkipped = "W006", Warning, "symbolic link skipped", "跳过符号链接";
    NoProgress = "W007", Warning, "no progress recorded for too long", "长时间没有进展记录";
    ReportReturned = "W008", Warning, "self-check returned and not resubmitted", "自查报告被退回后未重新报送";
    Misnamed = "W009", Warning, "record-like file not named *.toml", "像是台账记录的文件未以 *.toml 命名";
    NotShownWarnings = "W010", Warning, "more warnings in one file than are listed", "一个文件中的警告过多未全部列出";
    Regressed = "W011", Warning, "item status went back since a revision", "事项状态较某一版本倒退";
    DeadlineMovedLater = "W012", Warning, "deadline or rectify_by moved later since a revision", "整改时限或 rectify_by 较某一版本推迟";
    UnfinishedDeleted = "W013", Warning, "unfinished item deleted since a revision", "未完成的事项较某一版本被删除";
    EvidenceRemoved = "W014", Warning, "evidence removed since a revision", "佐证材料较某一版本被删去";
    SubmittedUnsupported = "W015", Warning, "self-check submitted with neither a meeting nor a report", "自查已报送，但既无会议日期也无自查报告";
    FoundBeforeOpened = "W016", Warning, "found_on before the campaign opened", "发现日期早于“回头看”开始日期";
    SheetUnreadable = "I001", Error, "spreadsheet cannot be read", "无法读取表格";
    SheetEmpty = "I002", Error, "sheet missing, or no header row", "工作表不存在或没有表头行";
    ColumnMissing = "I003", Error, "a mapped column is not in the header row", "映射的列不在表头行中";
    DuplicateRow = "I004", Error, "two rows with the same key", "两行的键相同";
    UnknownUnit = "I005", Error, "a row names no unit", "行中的单位不是台账中的单位";
    BadCell = "I006", Error, "a cell that cannot become its field", "单元格无法转换为字段的值";
    BadKey = "I007", Error, "a key that cannot name an item file", "键不能用作事项文件名";
}

/// A secondary place that explains the primary one ("first defined here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    pub message: Msg,
}

/// One problem: its code, where it is, what is wrong, and what to do.
///
/// `P` is where it is: a byte range of a file of the records ([`InFile`], every diagnostic of
/// `check`), or a place in a spreadsheet being imported ([`Place`]). The renderers take either.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic<P = InFile> {
    pub code: Code,
    pub at: P,
    pub message: Msg,
    /// Boxed: most diagnostics of a large tree are warnings without one.
    pub help: Option<Box<Msg>>,
    pub labels: Vec<Label>,
}

impl Diagnostic {
    pub fn new(
        code: Code,
        file: FileId,
        span: Option<Range<usize>>,
        message: impl Into<Msg>,
    ) -> Self {
        Self::placed(code, InFile { file, span }, message)
    }

    pub fn at(code: Code, file: FileId, span: Range<usize>, message: impl Into<Msg>) -> Self {
        Self::new(code, file, Some(span), message)
    }

    pub fn whole_file(code: Code, file: FileId, message: impl Into<Msg>) -> Self {
        Self::new(code, file, None, message)
    }

    /// The file it is in.
    pub fn file(&self) -> FileId {
        self.at.file
    }

    /// Its byte range in [`Self::file`]; `None` when the problem is the file as a whole.
    pub fn span(&self) -> Option<&Range<usize>> {
        self.at.span.as_ref()
    }
}

impl<P> Diagnostic<P> {
    pub fn placed(code: Code, at: P, message: impl Into<Msg>) -> Self {
        Diagnostic {
            code,
            at,
            message: message.into(),
            help: None,
            labels: Vec::new(),
        }
    }

    pub fn with_help(mut self, help: impl Into<Option<Msg>>) -> Self {
        self.help = help.into().map(Box::new);
        self
    }

    pub fn with_label(mut self, label: Label) -> Self {
        self.labels.push(label);
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The problems this diagnostic stands for: itself, or those it says are not listed.
    pub fn counts(&self) -> Counts {
        match (&self.code, &self.message) {
            (Code::NotShownErrors | Code::NotShownWarnings, Msg::NotShown { errors, warnings }) => {
                Counts {
                    errors: *errors,
                    warnings: *warnings,
                }
            }
            _ => match self.severity() {
                Severity::Error => Counts {
                    errors: 1,
                    warnings: 0,
                },
                Severity::Warning => Counts {
                    errors: 0,
                    warnings: 1,
                },
            },
        }
    }
}

/// Where a diagnostic sorts within its file: by position (a whole-file one first), then code.
pub fn place(d: &Diagnostic) -> (usize, Code) {
    (d.span().map_or(0, |s| s.start), d.code)
}

/// The diagnostics of one file, in order, each once, at most [`MAX_PER_FILE`] of them listed:
/// what loading a file keeps, so that a file of a million problems never holds them all.
pub fn order_one_file(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if diagnostics.len() <= MAX_PER_FILE {
        return diagnostics;
    }
    diagnostics.sort_by_key(place);
    diagnostics.dedup();
    cap_per_file(diagnostics)
}

/// The most diagnostics listed for one file; the rest are counted in one E036 or W010 after them.
pub const MAX_PER_FILE: usize = 50;

/// Lists at most [`MAX_PER_FILE`] of each file's diagnostics, which must come one file after
/// another, each file's in order: the rest become one diagnostic at the first of them that says
/// how many there are, an error if any of them is one. The counts stay those of all.
///
/// Done in place: a province's diagnostics are thousands, and a second list of them beside the
/// first would double what they take while it is built.
pub fn cap_per_file(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    // `diagnostics[..kept]` is the list so far. Every diagnostic not kept frees its slot, and
    // each E036 or W010 stands for at least one of those: it always has a free slot to go in.
    let mut kept = 0;
    let mut listed = 0;
    let mut file = None;
    let mut hidden: Option<Hidden> = None;
    for read in 0..diagnostics.len() {
        if file != Some(diagnostics[read].file()) {
            if let Some(h) = hidden.take() {
                diagnostics[kept] = not_shown(h);
                kept += 1;
            }
            listed = 0;
            file = Some(diagnostics[read].file());
        }
        let d = &diagnostics[read];
        // One that already counts others (from loading the file) is counted again, never listed.
        let counts_others = matches!(d.code, Code::NotShownErrors | Code::NotShownWarnings);
        if listed < MAX_PER_FILE && !counts_others {
            listed += 1;
            diagnostics.swap(kept, read);
            kept += 1;
            continue;
        }
        let counts = d.counts();
        match &mut hidden {
            Some(h) => {
                h.counts.errors += counts.errors;
                h.counts.warnings += counts.warnings;
            }
            None => {
                hidden = Some(Hidden {
                    file: d.file(),
                    span: d.span().cloned(),
                    counts,
                })
            }
        }
    }
    if let Some(h) = hidden.take() {
        diagnostics[kept] = not_shown(h);
        kept += 1;
    }
    diagnostics.truncate(kept);
    // Held until the output is written: the room the rules' pushes left to spare goes back.
    diagnostics.shrink_to_fit();
    diagnostics
}

/// The diagnostics of a file past [`MAX_PER_FILE`]: where the first of them is, and how many.
struct Hidden {
    file: FileId,
    span: Option<Range<usize>>,
    counts: Counts,
}

/// The diagnostic that stands for the hidden ones.
fn not_shown(hidden: Hidden) -> Diagnostic {
    let Hidden { file, span, counts } = hidden;
    let code = if counts.errors > 0 {
        Code::NotShownErrors
    } else {
        Code::NotShownWarnings
    };
    let msg = Msg::NotShown {
        errors: counts.errors,
        warnings: counts.warnings,
    };
    Diagnostic::new(code, file, span, msg).with_help(Msg::NotShownHelp { most: MAX_PER_FILE })
}

/// Counts of a finished check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

impl Counts {
    /// The problems `diagnostics` stand for, those not listed included.
    pub fn of<P>(diagnostics: &[Diagnostic<P>]) -> Counts {
        diagnostics.iter().fold(Counts::default(), |sum, d| {
            let c = d.counts();
            Counts {
                errors: sum.errors + c.errors,
                warnings: sum.warnings + c.warnings,
            }
        })
    }
}

use doc::{BASE_CAMPAIGN, BASE_ITEM, BASE_UNIT, Change, Example, Prose, RuleDoc, Shown};

/// What the codes raised here mean, with worked examples: see [`crate::explain`].
pub const DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: Code::NotShownErrors,
        trigger: Prose {
            en: r#"A file with more than 50 problems. The first 50 (in the order of the file) are
listed as usual; this one stands for the rest, at the place of the first of them, and says how
many errors and warnings they are. It is an error when any of them is. The counts of the summary
and of `check --format json` (`errors`, `warnings`) and the exit code are those of every problem
found, listed or not; this line itself is not counted. A file like this is usually not a record
at all (a pasted log, a file of another program), or one whose every line shares one mistake."#,
            zh: r#"一个文件中的问题超过50个。前50个（按在文件中的先后）照常列出；其余的由这一条代表，位置在其中第一个问题处，并说明其中有几个错误、几个警告。其中只要有一个错误，这一条就是错误。汇总行和 `check --format json` 中的计数（`errors`、`warnings`）以及退出码，都按发现的全部问题计算，无论是否列出；这一条本身不计数。这样的文件往往根本不是台账记录（粘贴进来的日志、别的程序的文件），或者每一行都犯了同一个错误。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml with 60 more lines like `k1 = 1`, none a known key"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml 末尾加了60行 `k1 = 1` 这样的内容，都不是已知的键"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Repeat {
                file: BASE_ITEM,
                text: "k{n} = 1\n",
                times: 60,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E036]: 10 more problems in this file from here on not listed: 10 errors, 0 warnings
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:59:1
   |
59 | k51 = 1
   | ^^^
   |
   = help: at most 50 problems are listed for each file; fix these and run again to see the rest"#,
                zh: r#"error[E036]: 本文件从此处起还有10个问题未列出：10个错误，0个警告
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:59:1
   |
59 | k51 = 1
   | ^^^
   |
   = help: 每个文件最多列出50个问题；改正上面这些后再次运行，可看到其余的"#,
            },
        }],
        fix: Prose {
            en: r#"Fix the problems listed, or replace the file, and run `check` again."#,
            zh: r#"改正列出的问题，或者换掉这个文件，然后再次运行 `check`。"#,
        },
    },
    RuleDoc {
        code: Code::NotShownWarnings,
        trigger: Prose {
            en: r#"As E036, when every problem beyond the first 50 of a file is a warning (a unit that
answers 否 to more than 50 points of a campaign's own schema that no item covers, say). The
counts stay those of every warning found, so `--deny-warnings` fails as it would with all of them
listed."#,
            zh: r#"与 E036 相同，只是一个文件中第50个以后的问题全部是警告（例如某单位在自定方案中对50多个检查要点答“否”，却没有事项纳入整改）。计数仍包括发现的全部警告，所以 `--deny-warnings` 的结果与全部列出时一样，照样不通过。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml answering 否 to 60 points of a campaign schema (areas.toml) that no item covers"#,
                zh: r#"梁弄镇/横坎头村/unit.toml 对自定方案（areas.toml）的60个检查要点答“否”，没有事项纳入整改"#,
            },
            shown: Shown::Nothing,
            change: &[
                Change::Lines {
                    file: BASE_CAMPAIGN,
                    line: 4,
                    count: 0,
                    text: r#"schema = "areas.toml""#,
                },
                Change::Write {
                    file: "areas.toml",
                    text: "[[area]]\nid = 1\nkey = \"rules\"\ntitle = \"制度建设\"\n",
                },
                Change::Repeat {
                    file: "areas.toml",
                    text: "\n[[point]]\nid = \"A.{n}\"\narea = 1\ntext = \"要点{n}\"\napplies_to = [\"基层党组织\"]\n",
                    times: 60,
                },
                Change::Lines {
                    file: BASE_UNIT,
                    line: 10,
                    count: 6,
                    text: "",
                },
                Change::Repeat {
                    file: BASE_UNIT,
                    text: "\"A.{n}\" = \"否\"\n",
                    times: 60,
                },
            ],
            as_of: None,
            output: Prose {
                en: r#"warning[W010]: 10 more problems in this file from here on not listed: 0 errors, 10 warnings
  --> 梁弄镇/横坎头村/unit.toml:60:1
   |
60 | "A.51" = "否"
   | ^^^^^^
   |
   = help: at most 50 problems are listed for each file; fix these and run again to see the rest"#,
                zh: r#"warning[W010]: 本文件从此处起还有10个问题未列出：0个错误，10个警告
  --> 梁弄镇/横坎头村/unit.toml:60:1
   |
60 | "A.51" = "否"
   | ^^^^^^
   |
   = help: 每个文件最多列出50个问题；改正上面这些后再次运行，可看到其余的"#,
            },
        }],
        fix: Prose {
            en: r#"As for the warnings listed."#,
            zh: r#"按列出的各条警告处理。"#,
        },
    },
];
