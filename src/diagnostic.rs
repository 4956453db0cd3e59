//! Diagnostics: every problem found in the records is a value of this module.
//!
//! Each rule has one stable [`Code`], defined in the table below and nowhere else; its severity
//! comes with it. A diagnostic keeps byte spans into its file until it is rendered.

use std::ops::Range;

use serde::Serialize;

use crate::i18n::Msg;
use crate::source::FileId;

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
}

macro_rules! codes {
    ($($name:ident = $code:literal, $severity:ident, $summary:literal;)*) => {
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

            /// A one-line English summary of the rule, for listings.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$name => $summary),* }
            }
        }
    };
}

codes! {
    Syntax = "E001", Error, "TOML syntax error";
    UnknownKey = "E002", Error, "unknown key";
    MissingField = "E003", Error, "required field missing or empty";
    WrongType = "E004", Error, "value of the wrong type";
    BadValue = "E005", Error, "value outside its enumeration";
    DateAsString = "E006", Error, "date written as a string";
    DottedAnswerKey = "E007", Error, "unquoted dotted answer key";
    UnknownPoint = "E008", Error, "area or check point not in the schema";
    PointNotApplicable = "E009", Error, "answer for a point that does not apply to the unit";
    StatusNeedsField = "E010", Error, "status needs a field";
    UnsatisfiedDone = "E011", Error, "done while the masses are unsatisfied";
    CompletedAfterAsOf = "E012", Error, "completed after the as-of date";
    SourceNeedsField = "E013", Error, "source or owner needs a field";
    UnknownLeadUnit = "E014", Error, "linkage names no unit";
    SelfLeadUnit = "E015", Error, "linkage names the item's own unit";
    DuplicateItemId = "E016", Error, "two items of one unit share an id";
    OrphanItem = "E017", Error, "item outside every unit";
    UnansweredPoints = "E018", Error, "submitted self-check leaves points unanswered";
    ReportMissing = "E019", Error, "self-check report file does not exist";
    ReportOutsideUnit = "E020", Error, "self-check report leaves the unit's folder";
    ReviewBeforeSubmission = "E021", Error, "review dated before the self-check was submitted";
    ReviewWithoutSubmission = "E022", Error, "review of a unit that has not submitted";
    NotUtf8 = "E023", Error, "file is not UTF-8";
    TooLarge = "E024", Error, "file larger than 1 MiB";
    Unreadable = "E025", Error, "file cannot be read";
    SchemaInvalid = "E026", Error, "campaign schema file missing or invalid";
    InvalidDate = "E027", Error, "not a calendar date";
    RootUnit = "E028", Error, "unit.toml at the root of the tree";
    UnsatisfiedNoRectifyBy = "E029", Error, "item still 不满意 without rectify_by";
    ProgressAfterAsOf = "E030", Error, "progress entry dated after the as-of date";
    BadClosure = "E031", Error, "closure of an item not done, or misdated";
    SubordinatesDueLate = "E032", Error, "subordinates_due after the unit's own due date";
    ResubmittedWithoutReturn = "E033", Error, "resubmitted without a returned review";
    NameNotUtf8 = "E034", Error, "file or folder name is not UTF-8";
    Placeholder = "E035", Error, "a template's placeholder left in a record";
    NotShownErrors = "E036", Error, "more problems in one file than are listed, errors among them";
    Overdue = "W001", Warning, "overdue item";
    LateCompletion = "W002", Warning, "completed after its deadline";
    LateReport = "W003", Warning, "self-check submitted after its due date";
    MissingReport = "W004", Warning, "no self-check and its due date has passed";
    UncoveredAnswer = "W005", Warning, "answer 否/部分 not covered by any item";
    SymlinkSkipped = "W006", Warning, "symbolic link skipped";
    NoProgress = "W007", Warning, "no progress recorded for too long";
    ReportReturned = "W008", Warning, "self-check returned and not resubmitted";
    Misnamed = "W009", Warning, "record-like file not named *.toml";
    NotShownWarnings = "W010", Warning, "more warnings in one file than are listed";
    Regressed = "W011", Warning, "item status went back since a revision";
    DeadlineMovedLater = "W012", Warning, "deadline or rectify_by moved later since a revision";
    UnfinishedDeleted = "W013", Warning, "unfinished item deleted since a revision";
    EvidenceRemoved = "W014", Warning, "evidence removed since a revision";
    SheetUnreadable = "I001", Error, "spreadsheet cannot be read";
    SheetEmpty = "I002", Error, "sheet missing, or no header row";
    ColumnMissing = "I003", Error, "a mapped column is not in the header row";
    DuplicateRow = "I004", Error, "two rows with the same key";
    UnknownUnit = "I005", Error, "a row names no unit";
    BadCell = "I006", Error, "a cell that cannot become its field";
    BadKey = "I007", Error, "a key that cannot name an item file";
}

/// A secondary place that explains the primary one ("first defined here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    pub message: Msg,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub file: FileId,
    /// Byte range in the file; `None` when the problem is the file as a whole.
    pub span: Option<Range<usize>>,
    pub message: Msg,
    /// Boxed: most diagnostics of a large tree are warnings without one.
    pub help: Option<Box<Msg>>,
    pub labels: Vec<Label>,
}

impl Diagnostic {
    pub fn new(code: Code, file: FileId, span: Option<Range<usize>>, message: Msg) -> Self {
        Diagnostic {
            code,
            file,
            span,
            message,
            help: None,
            labels: Vec::new(),
        }
    }

    pub fn at(code: Code, file: FileId, span: Range<usize>, message: Msg) -> Self {
        Self::new(code, file, Some(span), message)
    }

    pub fn whole_file(code: Code, file: FileId, message: Msg) -> Self {
        Self::new(code, file, None, message)
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
    (d.span.as_ref().map_or(0, |s| s.start), d.code)
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
        if file != Some(diagnostics[read].file) {
            if let Some(h) = hidden.take() {
                diagnostics[kept] = not_shown(h);
                kept += 1;
            }
            listed = 0;
            file = Some(diagnostics[read].file);
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
                    file: d.file,
                    span: d.span.clone(),
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
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
        diagnostics.iter().fold(Counts::default(), |sum, d| {
            let c = d.counts();
            Counts {
                errors: sum.errors + c.errors,
                warnings: sum.warnings + c.warnings,
            }
        })
    }
}

use crate::explain::{BASE_CAMPAIGN, BASE_ITEM, BASE_UNIT, Change, Example, RuleDoc, Shown};

/// What the codes raised here mean, with worked examples: see [`crate::explain`].
pub const DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: Code::NotShownErrors,
        trigger: r#"A file with more than 50 problems. The first 50 (in the order of the file) are
listed as usual; this one stands for the rest, at the place of the first of them, and says how
many errors and warnings they are. It is an error when any of them is. The counts of the summary
and of `check --format json` (`errors`, `warnings`) and the exit code are those of every problem
found, listed or not; this line itself is not counted. A file like this is usually not a record
at all (a pasted log, a file of another program), or one whose every line shares one mistake."#,
        examples: &[Example {
            intro: "",
            caption: r#"梁弄镇/横坎头村/items/村道拓宽.toml with 60 more lines like `k1 = 1`, none a known key"#,
            shown: Shown::Nothing,
            change: &[Change::Repeat {
                file: BASE_ITEM,
                text: "k{n} = 1\n",
                times: 60,
            }],
            as_of: None,
            output: r#"error[E036]: 本文件从此处起还有10个问题未列出：10个错误，0个警告
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:59:1
   |
59 | k51 = 1
   | ^^^
   |
   = help: 每个文件最多列出50个问题；改正上面这些后再次运行，可看到其余的"#,
        }],
        fix: r#"Fix the problems listed, or replace the file, and run `check` again."#,
    },
    RuleDoc {
        code: Code::NotShownWarnings,
        trigger: r#"As E036, when every problem beyond the first 50 of a file is a warning (a unit that
answers 否 to more than 50 points of a campaign's own schema that no item covers, say). The
counts stay those of every warning found, so `--deny-warnings` fails as it would with all of them
listed."#,
        examples: &[Example {
            intro: "",
            caption: r#"梁弄镇/横坎头村/unit.toml answering 否 to 60 points of a campaign schema (areas.toml) that no item covers"#,
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
            output: r#"warning[W010]: 本文件从此处起还有10个问题未列出：0个错误，10个警告
  --> 梁弄镇/横坎头村/unit.toml:60:1
   |
60 | "A.51" = "否"
   | ^^^^^^
   |
   = help: 每个文件最多列出50个问题；改正上面这些后再次运行，可看到其余的"#,
        }],
        fix: r#"As for the warnings listed."#,
    },
];
