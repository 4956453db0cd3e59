//! The command line as the user typed it: flags and arguments, no I/O.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::format::RecordKind;
use crate::history::trend::Every;
use crate::render::rows::By;
use crate::text::i18n::Lang;

#[derive(Debug, Parser)]
#[command(name = "huitoukan", version, about = "回头看：整改落实台账的检查与汇总", long_about = None)]
pub struct Cli {
    /// Language of messages: zh (default) or en [env: HUITOUKAN_LANG]
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a records tree (检查台账)
    Check(CheckArgs),
    /// Completion status rolled up the org hierarchy (汇总报告)
    Report(ReportArgs),
    /// Add up stored reports (report --format json) into one (汇总下级报告)
    Merge(MergeArgs),
    /// Item files from a 整改台账 in Excel, WPS or CSV (导入台账)
    Import(ImportArgs),
    /// Start a records tree with a commented example unit and item (新建台账)
    Init(InitArgs),
    /// Add a unit or an item from a commented template (新建单位或事项)
    #[command(subcommand)]
    New(NewCommand),
    /// What changed between two revisions, or a revision and the work tree (对比变化)
    Diff(DiffArgs),
    /// The totals at the end of each month or week, from the history (整改进展趋势)
    Trend(TrendArgs),
    /// The areas and check points; or a JSON Schema for editors (检查要点)
    Schema(SchemaArgs),
    /// What a diagnostic code means, with an example and the fix (代码说明)
    Explain(ExplainArgs),
    /// Shell completions, printed to standard output
    Completions(CompletionsArgs),
    /// The manual page (roff), printed to standard output; or every page, written to a folder
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write one page per command into DIR (huitoukan.1, huitoukan-check.1, …) instead; an
    /// existing page is never overwritten
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to start the tree in (default: the current folder; created if missing)
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// PATH/unit.toml: a new unit (新建单位)
    Unit {
        /// The unit's folder inside the tree, like 省直/省财政厅
        path: PathBuf,
    },
    /// UNIT_DIR/items/NAME.toml: a new item of a unit (新建整改事项)
    Item {
        /// The folder of the unit (the one holding unit.toml)
        unit_dir: PathBuf,
        /// The file name without .toml (default: the next free number, like 003)
        name: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print the JSON Schema (draft-07) of one kind of file instead
    #[arg(long, value_enum, value_name = "KIND")]
    pub json_schema: Option<FileKind>,
}

/// `--json-schema` as typed; [`RecordKind`] is what it means to the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FileKind {
    Campaign,
    Unit,
    Item,
}

impl From<FileKind> for RecordKind {
    fn from(kind: FileKind) -> RecordKind {
        match kind {
            FileKind::Campaign => RecordKind::Campaign,
            FileKind::Unit => RecordKind::Unit,
            FileKind::Item => RecordKind::Item,
        }
    }
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The code, like E010 or W001
    pub code: String,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A folder of the records tree to report on (default: the current folder); the tree is
    /// found above it
    pub path: Option<PathBuf>,

    /// The records tree that holds DIR, as a whole (default: the current folder's, as PATH)
    #[arg(long, value_name = "DIR", conflicts_with = "path")]
    pub root: Option<PathBuf>,

    /// Report on this org: a path like 省直/省直机关工委, or a folder name unique in the tree
    #[arg(long)]
    pub org: Option<String>,

    /// The date to judge deadlines by, YYYY-MM-DD (default: today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,

    /// Output format (default: from the extension of --output, else table)
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,

    /// What one row stands for in table and csv (default: org for table, item for csv)
    #[arg(long, value_enum)]
    pub by: Option<Rows>,

    /// On a terminal, every column of the tables, however narrow the terminal (by default a
    /// table too wide for it keeps the main figures)
    #[arg(long)]
    pub wide: bool,

    /// For publication (公布): leave out confidential items and every person's name
    #[arg(long)]
    pub public: bool,

    /// Report on the valid files of a tree with errors, naming those left out
    #[arg(long)]
    pub keep_going: bool,

    /// Write the report to FILE (`-` is standard output) instead of standard output: inside
    /// the records tree too, but never as a file the tree reads (a .toml, a self-check report,
    /// anything hidden) nor through a link; an existing file is never overwritten without --force
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace the --output file if it exists (atomically; only a regular file)
    #[arg(long, requires = "output")]
    pub force: bool,

    /// Report on the records as they stood at REV (a commit, tag, `HEAD~3`, or `@DATE`), read
    /// from git without a checkout; judged as of that commit's date unless --as-of
    #[arg(long, value_name = "REV")]
    pub at: Option<String>,

    /// Render stored reports (report --format json) instead of a records tree; several are
    /// merged as `merge` would
    #[arg(long, num_args = 1.., value_name = "REPORT.json",
          conflicts_with_all = ["path", "root", "as_of", "public", "keep_going"])]
    pub from: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The stored reports: each `report --format json` of a tree, or a merged report
    #[arg(required = true, value_name = "REPORT.json")]
    pub inputs: Vec<PathBuf>,

    /// What the merged whole is called (its campaign.region), like 全国
    #[arg(long)]
    pub name: Option<String>,

    /// Merge reports of different as-of dates (the merged report is as of the latest)
    #[arg(long)]
    pub allow_mixed_dates: bool,

    /// Write the merged report to FILE (`-` is standard output) instead of standard output; an
    /// existing file is never overwritten without --force
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace the --output file if it exists (atomically; only a regular file)
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older end (default: HEAD): a commit, tag, `HEAD~3`, or `@DATE`
    pub from: Option<String>,
    /// The newer end (default: the work tree)
    pub to: Option<String>,

    /// The records tree that holds DIR (default: the current folder's)
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// The date both ends' totals are judged by (default: each commit's date; today for the
    /// work tree)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,

    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,

    /// Compare the valid files of trees with errors, leaving the others out
    #[arg(long)]
    pub keep_going: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Terminal tables
    Table,
    /// One Markdown document
    Md,
    /// JSON
    Json,
}

#[derive(Debug, Args)]
pub struct TrendArgs {
    /// One row per period end
    #[arg(long, value_enum, default_value_t = Period::Month)]
    pub every: Period,

    /// The first day (default: the date of the first commit)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<Date>,

    /// The last day (default: today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<Date>,

    /// The records tree that holds DIR (default: the current folder's)
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = TrendFormat::Table)]
    pub format: TrendFormat,

    /// Count the valid files of revisions with errors, leaving the others out
    #[arg(long)]
    pub keep_going: bool,
}

/// `--every` as typed; [`Every`] is what it means to the trend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Period {
    /// The last day of each month
    Month,
    /// Each Sunday (ISO weeks end on Sunday)
    Week,
}

impl From<Period> for Every {
    fn from(period: Period) -> Every {
        match period {
            Period::Month => Every::Month,
            Period::Week => Every::Week,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TrendFormat {
    /// Terminal tables
    Table,
    /// One Markdown document
    Md,
    /// Comma-separated values for Excel and WPS
    Csv,
    /// JSON
    Json,
    /// One HTML page for the screen and for A4: a line chart and the table
    Html,
}

/// `--by` as typed; [`By`] is what it means to the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Rows {
    /// One row per folder holding units, with its subtree's totals
    Org,
    /// One row per unit, with its own totals
    Unit,
    /// One row per item, with its fields
    Item,
    /// One row per area of the schema
    Area,
    /// One row per 牵头班子成员 of a unit (责任清单), with the items they lead
    Lead,
    /// One row per 专项整治 task, with its items
    Task,
}

impl From<Rows> for By {
    fn from(rows: Rows) -> By {
        match rows {
            Rows::Org => By::Org,
            Rows::Unit => By::Unit,
            Rows::Item => By::Item,
            Rows::Area => By::Area,
            Rows::Lead => By::Lead,
            Rows::Task => By::Task,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Terminal tables
    Table,
    /// One Markdown document for the campaign office
    Md,
    /// Comma-separated values for Excel and WPS
    Csv,
    /// JSON
    Json,
    /// One self-contained HTML file for the screen and for A4 (no script, nothing external)
    Html,
    /// An Excel workbook for the campaign office (with --output, or to a redirected stdout)
    Xlsx,
    /// The 情况报告 as a Word document in GB/T 9704 layout, its tables as landscape 附件 (with
    /// --output, or to a redirected stdout)
    Docx,
}

/// What each report format is and can do, in one place.
impl ReportFormat {
    pub const ALL: [ReportFormat; 7] = [
        ReportFormat::Table,
        ReportFormat::Md,
        ReportFormat::Csv,
        ReportFormat::Json,
        ReportFormat::Html,
        ReportFormat::Xlsx,
        ReportFormat::Docx,
    ];

    /// As typed after `--format`.
    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Table => "table",
            ReportFormat::Md => "md",
            ReportFormat::Csv => "csv",
            ReportFormat::Json => "json",
            ReportFormat::Html => "html",
            ReportFormat::Xlsx => "xlsx",
            ReportFormat::Docx => "docx",
        }
    }

    /// The extensions of a file in this format (the first is the usual one); a table is text.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ReportFormat::Table => &["txt"],
            ReportFormat::Md => &["md", "markdown"],
            ReportFormat::Csv => &["csv"],
            ReportFormat::Json => &["json"],
            ReportFormat::Html => &["html", "htm"],
            ReportFormat::Xlsx => &["xlsx"],
            ReportFormat::Docx => &["docx"],
        }
    }

    /// The format a file's extension names, if it names one (case aside).
    pub fn of_extension(extension: &str) -> Option<ReportFormat> {
        ReportFormat::ALL.into_iter().find(|f| {
            f.extensions()
                .iter()
                .any(|e| e.eq_ignore_ascii_case(extension))
        })
    }

    /// What writes a report in this format.
    pub fn renderer(self) -> crate::render::Renderer {
        use crate::render;
        match self {
            ReportFormat::Table => render::table::report,
            ReportFormat::Md => |report, options, out| {
                out.write_all(render::markdown::render(report, options.lang).as_bytes())
            },
            ReportFormat::Csv => render::csv::report,
            ReportFormat::Json => render::json::report,
            ReportFormat::Html => |report, options, out| {
                out.write_all(render::html::render(report, options.lang).as_bytes())
            },
            ReportFormat::Xlsx => render::xlsx::report,
            ReportFormat::Docx => render::docx::report,
        }
    }

    /// Whether the format is bytes no terminal can show (a workbook, a Word document).
    pub fn is_binary(self) -> bool {
        matches!(self, ReportFormat::Xlsx | ReportFormat::Docx)
    }

    /// Whether `--by` chooses its rows; the whole documents have fixed sections.
    pub fn chooses_rows(self) -> bool {
        match self {
            ReportFormat::Table | ReportFormat::Csv => true,
            ReportFormat::Md
            | ReportFormat::Json
            | ReportFormat::Html
            | ReportFormat::Xlsx
            | ReportFormat::Docx => false,
        }
    }

    /// The rows the report is built with: those `given` with `--by` where the format chooses
    /// rows, else the format's own. A report read from stored ones (`stored`) has no item rows.
    pub fn rows(self, given: Option<By>, stored: bool) -> By {
        match self {
            ReportFormat::Table => given.unwrap_or(By::Org),
            ReportFormat::Csv if stored => given.unwrap_or(By::Unit),
            ReportFormat::Csv => given.unwrap_or(By::Item),
            // Whole documents: their rows are fixed, and By::Unit asks for nothing extra.
            ReportFormat::Md | ReportFormat::Json | ReportFormat::Html => By::Unit,
            // A workbook and the 情况报告's 附件3 list every item; a stored report has none.
            ReportFormat::Xlsx | ReportFormat::Docx if stored => By::Unit,
            ReportFormat::Xlsx | ReportFormat::Docx => By::Item,
        }
    }

    /// Whether the document records where its records came from (the commit, and whether the
    /// work tree had changes): finding that reads every record's blob, which the formats for
    /// people need not pay for.
    pub fn carries_source(self) -> bool {
        match self {
            ReportFormat::Json => true,
            ReportFormat::Table
            | ReportFormat::Md
            | ReportFormat::Csv
            | ReportFormat::Html
            | ReportFormat::Xlsx
            | ReportFormat::Docx => false,
        }
    }

    /// Whether the document has room for what a report says besides its rows (that it is a
    /// public version, the files it left out): a CSV file holds rows and nothing else, and
    /// those sentences go to stderr.
    pub fn says_notes(self) -> bool {
        match self {
            ReportFormat::Csv => false,
            ReportFormat::Table
            | ReportFormat::Md
            | ReportFormat::Json
            | ReportFormat::Html
            | ReportFormat::Xlsx
            | ReportFormat::Docx => true,
        }
    }
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The spreadsheet: .xlsx, .xls, .ods or .csv (UTF-8 or GBK)
    pub file: PathBuf,

    /// Which column is which field (TOML; default: the 整改事项清单 sheet that
    /// `report --format xlsx` writes)
    #[arg(long, value_name = "MAP.toml")]
    pub mapping: Option<PathBuf>,

    /// The records tree that holds DIR, to import into (default: the current folder's)
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// The date the rules judge by, YYYY-MM-DD (default: today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,

    /// Write nothing; print what would be created, updated and left alone
    #[arg(long)]
    pub dry_run: bool,

    /// Write the valid rows and list the others, instead of writing nothing
    #[arg(long)]
    pub keep_going: bool,

    /// Change the mapped fields of items that exist (comments and other fields kept)
    #[arg(long)]
    pub update: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A folder of the records tree whose diagnostics are shown (default: the current folder);
    /// the tree is found above it and checked whole
    pub path: Option<PathBuf>,

    /// The records tree that holds DIR, shown whole (default: the current folder's, as PATH)
    #[arg(long, value_name = "DIR", conflicts_with = "path")]
    pub root: Option<PathBuf>,

    /// The date to judge deadlines by, YYYY-MM-DD (default: today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,

    /// Output format of the diagnostics
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Fail (exit 1) on warnings as well as errors
    #[arg(long)]
    pub deny_warnings: bool,

    /// Also warn of rebounds since REV (反弹回潮): statuses gone back, deadlines moved later,
    /// unfinished items deleted, evidence removed
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,

    /// Show only the diagnostics of files changed since --since REV (for pull requests); every
    /// rule still runs on the whole tree
    #[arg(long, requires = "since")]
    pub only_changed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// For people, like cargo (stderr)
    Human,
    /// One JSON document (stdout)
    Json,
    /// GitHub Actions annotations (stdout); a summary too where GITHUB_STEP_SUMMARY is set
    Github,
    /// GitLab Code Quality report (stdout)
    Gitlab,
}

pub fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("unknown language `{text}`: use zh or en"))
}

pub fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .map_err(|e| format!("`{text}` is not a date YYYY-MM-DD: {e}"))
}
