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
    Overdue = "W001", Warning, "overdue item";
    LateCompletion = "W002", Warning, "completed after its deadline";
    LateReport = "W003", Warning, "self-check submitted after its due date";
    MissingReport = "W004", Warning, "no self-check and its due date has passed";
    UncoveredAnswer = "W005", Warning, "answer 否/部分 not covered by any item";
    SymlinkSkipped = "W006", Warning, "symbolic link skipped";
    NoProgress = "W007", Warning, "no progress recorded for too long";
    ReportReturned = "W008", Warning, "self-check returned and not resubmitted";
    Misnamed = "W009", Warning, "record-like file not named *.toml";
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
}

/// Counts of a finished check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

impl Counts {
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .count();
        Counts {
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}
