//! What the command line means: the flags the user typed ([`crate::cli`]) resolved once into
//! plain values — the records root and the part of the tree named, the as-of date, the
//! language, the org asked for, the rows and the format — before a command runs, as ripgrep
//! turns its low-level arguments into high-level ones. The commands in `cmd/` take these and
//! resolve nothing themselves.
//!
//! A refusal that the command line alone decides (a flag that does not fit the format, an
//! output file that exists) is made here, in the order the user reads them: what was typed
//! first, then what the file system says.

pub mod output;
pub mod root;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::cli::{
    CheckArgs, CheckFormat, Cli, DiffArgs, DiffFormat, ImportArgs, MergeArgs, ReportArgs,
    ReportFormat, TrendArgs, TrendFormat,
};
use crate::diagnostic::outcome::Fatal;
use crate::history::trend::Every;
use crate::model::records::Records;
use crate::rollup::{self, By, OrgError};
use crate::settings::output::{OutputKind, refuse_in_tree};
use crate::settings::root::{find_root, locate, today};
use crate::text::i18n::Lang;
use crate::text::messages::settings::SettingsMsg;

/// What every command shares: the language of its messages and the day it runs on.
#[derive(Clone, Copy, Debug)]
pub struct Common {
    pub lang: Lang,
    pub today: Date,
}

impl Common {
    pub fn of(cli: &Cli) -> Common {
        Common {
            lang: lang(cli),
            today: today(),
        }
    }
}

/// The language of messages: `--lang`, else `HUITOUKAN_LANG`, else Chinese (SPEC §8).
pub fn lang(cli: &Cli) -> Lang {
    cli.lang
        .or_else(|| {
            std::env::var("HUITOUKAN_LANG")
                .ok()
                .and_then(|v| Lang::parse(&v))
        })
        .unwrap_or_default()
}

/// The date deadlines are judged by: `--as-of` where given, else the date of the commit the
/// records were read at, else today for the work tree.
#[derive(Clone, Copy, Debug)]
pub struct AsOf {
    given: Option<Date>,
    today: Date,
}

impl AsOf {
    fn new(given: Option<Date>, common: &Common) -> AsOf {
        AsOf {
            given,
            today: common.today,
        }
    }

    /// For the records of the work tree.
    pub fn work_tree(self) -> Date {
        self.given.unwrap_or(self.today)
    }

    /// For the records as they stood at a commit of date `commit`.
    pub fn at(self, commit: Date) -> Date {
        self.given.unwrap_or(commit)
    }
}

/// The width of the terminal standard output goes to, if it goes to one.
fn terminal_width() -> Option<u16> {
    std::io::stdout()
        .is_terminal()
        .then(|| comfy_table::Table::new().width())
        .flatten()
}

/// `--output FILE`: `None` for standard output (no flag, or `-`).
fn output_file(output: Option<&Path>) -> Option<PathBuf> {
    output
        .filter(|p| *p != Path::new("-"))
        .map(Path::to_path_buf)
}

/// `huitoukan check`.
#[derive(Debug)]
pub struct Check {
    pub lang: Lang,
    pub root: PathBuf,
    /// The part of the tree shown: `""` for the whole tree.
    pub scope: String,
    pub as_of: Date,
    pub format: CheckFormat,
    pub deny_warnings: bool,
    pub since: Option<String>,
    pub only_changed: bool,
    /// `GITHUB_STEP_SUMMARY`, where it is set and the format is `github`.
    pub summary: Option<PathBuf>,
}

impl Check {
    pub fn resolve(args: &CheckArgs, common: &Common) -> Result<Check, Fatal> {
        let (root, scope) = locate(args.path.as_deref(), args.root.as_deref())?;
        let summary = std::env::var_os("GITHUB_STEP_SUMMARY")
            .filter(|p| !p.is_empty() && args.format == CheckFormat::Github)
            .map(PathBuf::from);
        // Refused before anything is read or written; a self-check report, once the records
        // are read.
        if let Some(path) = &summary {
            refuse_in_tree(&root, path, OutputKind::Summary, |_| false)?;
        }
        Ok(Check {
            lang: common.lang,
            root,
            scope,
            as_of: AsOf::new(args.as_of, common).work_tree(),
            format: args.format,
            deny_warnings: args.deny_warnings,
            since: args.since.clone(),
            only_changed: args.only_changed,
            summary,
        })
    }
}

/// What `report` reports on.
#[derive(Debug)]
pub enum Input {
    /// A records tree: its root, and the revision to read it at (`--at`; `None`: the work tree).
    Tree { root: PathBuf, at: Option<String> },
    /// Stored reports (`--from`).
    Stored(Vec<PathBuf>),
}

/// The org a report is on, as asked: it is resolved against the records or the stored reports
/// once they are read ([`Org::in_records`], [`Org::in_folders`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Org {
    /// Neither `--org` nor a folder below the root: the whole tree, or the stored report's org.
    Whole,
    /// `--org`: a path, or a folder name unique in the tree.
    Named(String),
    /// `report PATH` below the root: that folder, `/`-separated from the root.
    Folder(String),
}

impl Org {
    /// The org path in `records`; an `--org` that names nothing is a mistake in the command
    /// (exit 2), whatever the records hold.
    pub fn in_records(&self, records: &Records) -> Result<String, Fatal> {
        match self {
            Org::Whole => Ok(String::new()),
            Org::Named(wanted) => {
                rollup::resolve_org(records, wanted).map_err(|e| org_error(wanted, e))
            }
            // A folder inside a unit (its `items/`) stands for the unit.
            Org::Folder(scope) => rollup::enclosing_org(records, scope)
                .ok_or_else(|| Fatal::from(SettingsMsg::OrgUnknown { org: scope.clone() })),
        }
    }

    /// The org path among `folders` (those of a stored report), or `whole` where none was asked.
    pub fn in_folders(&self, folders: &[String], whole: &str) -> Result<String, Fatal> {
        match self {
            Org::Named(wanted) => {
                rollup::resolve_in(folders, wanted).map_err(|e| org_error(wanted, e))
            }
            Org::Whole | Org::Folder(_) => Ok(whole.to_owned()),
        }
    }
}

/// An `--org` that names no folder, or several, with the closest candidates.
fn org_error(wanted: &str, e: OrgError) -> Fatal {
    let (message, candidates, more) = match e {
        OrgError::Unknown { candidates, more } => (
            SettingsMsg::OrgUnknown {
                org: wanted.to_owned(),
            },
            candidates,
            more,
        ),
        OrgError::Ambiguous { candidates, more } => (
            SettingsMsg::OrgAmbiguous {
                org: wanted.to_owned(),
            },
            candidates,
            more,
        ),
    };
    Fatal {
        message: message.into(),
        help: Some(if more > 0 {
            SettingsMsg::CandidatesMore {
                list: candidates,
                more,
            }
            .into()
        } else {
            SettingsMsg::Candidates { list: candidates }.into()
        }),
    }
}

/// `huitoukan report`.
#[derive(Debug)]
pub struct Report {
    pub lang: Lang,
    pub input: Input,
    pub org: Org,
    pub as_of: AsOf,
    pub format: ReportFormat,
    /// What a row of a table or CSV stands for; for the whole documents, what they need.
    pub by: By,
    pub public: bool,
    pub keep_going: bool,
    /// `None`: standard output.
    pub output: Option<PathBuf>,
    pub force: bool,
    /// The terminal's width, where the table goes to one; piped or to a file, full rows.
    pub width: Option<u16>,
    /// Every column on a terminal too (`--wide`).
    pub wide: bool,
}

impl Report {
    pub fn resolve(args: &ReportArgs, common: &Common) -> Result<Report, Fatal> {
        let output = output_file(args.output.as_deref());
        if let Some(output) = &output {
            refuse_output(output, args.force)?;
        }
        let format = report_format(args.format, output.as_deref())?;
        if args.by.is_some() && !format.chooses_rows() {
            return Err(SettingsMsg::ByNotForFormat {
                format: format.name().to_owned(),
            }
            .into());
        }
        // A workbook or a Word document is bytes no terminal can show.
        if format.is_binary() && output.is_none() && std::io::stdout().is_terminal() {
            let (message, help) = match format {
                ReportFormat::Docx => {
                    (SettingsMsg::DocxToTerminal, SettingsMsg::DocxToTerminalHelp)
                }
                _ => (SettingsMsg::XlsxToTerminal, SettingsMsg::XlsxToTerminalHelp),
            };
            return Err(Fatal {
                message: message.into(),
                help: Some(help.into()),
            });
        }
        // The 责任清单 is a list of people; a public report names no one.
        if args.public && args.by.map(By::from) == Some(By::Lead) {
            return Err(SettingsMsg::ByLeadNotPublic.into());
        }
        let stored = !args.from.is_empty();
        let given = args.by.map(By::from);
        let by = format.rows(given, stored);
        let (input, org) = if stored {
            // A stored report keeps no item rows: no items, leads or tasks to list.
            if matches!(by, By::Item | By::Lead | By::Task) {
                return Err(SettingsMsg::StoredByItem.into());
            }
            let org = args.org.clone().map_or(Org::Whole, Org::Named);
            (Input::Stored(args.from.clone()), org)
        } else {
            let (root, scope) = locate(args.path.as_deref(), args.root.as_deref())?;
            // Refused before anything is read; a self-check report, once the records are read.
            if let Some(output) = &output {
                refuse_in_tree(&root, output, OutputKind::Report, |_| false)?;
            }
            // `report PATH` below the root reports on that folder, as `--org` with its path
            // would.
            let org = match (&args.org, scope) {
                (Some(wanted), _) => Org::Named(wanted.clone()),
                (None, scope) if scope.is_empty() => Org::Whole,
                (None, scope) => Org::Folder(scope),
            };
            let at = args.at.clone();
            (Input::Tree { root, at }, org)
        };
        Ok(Report {
            lang: common.lang,
            input,
            org,
            as_of: AsOf::new(args.as_of, common),
            format,
            by,
            public: args.public,
            keep_going: args.keep_going,
            width: args.output.is_none().then(terminal_width).flatten(),
            wide: args.wide,
            output,
            force: args.force,
        })
    }
}

/// The format asked for, else the one the extension of `output` names, else a table; an
/// extension that names another format than the one asked for is a mistake.
fn report_format(
    asked: Option<ReportFormat>,
    output: Option<&Path>,
) -> Result<ReportFormat, Fatal> {
    let extension = output.and_then(|p| p.extension()).and_then(|e| e.to_str());
    let named = extension.and_then(ReportFormat::of_extension);
    match (asked, named) {
        (Some(asked), Some(named)) if asked != named => {
            Err(SettingsMsg::FormatContradictsExtension {
                format: asked.name().to_owned(),
                extension: extension.unwrap_or_default().to_owned(),
            }
            .into())
        }
        (Some(asked), _) => Ok(asked),
        (None, Some(named)) => Ok(named),
        (None, None) => match extension {
            Some(extension) => Err(Fatal {
                message: SettingsMsg::FormatOfExtensionUnknown {
                    extension: extension.to_owned(),
                }
                .into(),
                help: Some(SettingsMsg::FormatOfExtensionUnknownHelp.into()),
            }),
            None => Ok(ReportFormat::Table),
        },
    }
}

/// A report is never written over a record, nor over any file that exists unless `force`,
/// and then only over a regular file (never a folder, a link or a device).
fn refuse_output(path: &Path, force: bool) -> Result<(), Fatal> {
    let shown = path.display().to_string();
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        return Err(SettingsMsg::OutputIsRecord { path: shown }.into());
    }
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => Err(SettingsMsg::OutputIsFolder { path: shown }.into()),
        Ok(meta) if force && meta.is_file() => Ok(()),
        Ok(_) if force => Err(SettingsMsg::OutputNotFile { path: shown }.into()),
        Ok(_) => Err(Fatal {
            message: SettingsMsg::OutputExists { path: shown }.into(),
            help: Some(SettingsMsg::OutputExistsHelp.into()),
        }),
        Err(_) => {
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let folder_shown = folder.display().to_string();
            match std::fs::metadata(folder) {
                Ok(meta) if meta.is_dir() => Ok(()),
                Ok(_) => Err(SettingsMsg::OutputFolderNotFolder {
                    folder: folder_shown,
                }
                .into()),
                Err(_) => Err(SettingsMsg::OutputFolderMissing {
                    folder: folder_shown,
                }
                .into()),
            }
        }
    }
}

/// `huitoukan merge`.
#[derive(Debug)]
pub struct Merge {
    pub inputs: Vec<PathBuf>,
    pub name: Option<String>,
    pub allow_mixed_dates: bool,
    /// `None`: standard output.
    pub output: Option<PathBuf>,
    pub force: bool,
}

impl Merge {
    pub fn resolve(args: &MergeArgs) -> Result<Merge, Fatal> {
        let output = output_file(args.output.as_deref());
        if let Some(output) = &output {
            refuse_output(output, args.force)?;
        }
        Ok(Merge {
            inputs: args.inputs.clone(),
            name: args.name.clone(),
            allow_mixed_dates: args.allow_mixed_dates,
            output,
            force: args.force,
        })
    }
}

/// `huitoukan diff`.
#[derive(Debug)]
pub struct Diff {
    pub lang: Lang,
    pub root: PathBuf,
    /// The older end: a revision.
    pub from: String,
    /// The newer end: a revision, or `None` for the work tree.
    pub to: Option<String>,
    pub as_of: AsOf,
    pub format: DiffFormat,
    pub keep_going: bool,
    pub width: Option<u16>,
}

impl Diff {
    pub fn resolve(args: &DiffArgs, common: &Common) -> Result<Diff, Fatal> {
        Ok(Diff {
            lang: common.lang,
            root: find_root(args.root.as_deref())?,
            from: args.from.clone().unwrap_or_else(|| "HEAD".to_owned()),
            to: args.to.clone(),
            as_of: AsOf::new(args.as_of, common),
            format: args.format,
            keep_going: args.keep_going,
            width: terminal_width(),
        })
    }
}

/// `huitoukan trend`.
#[derive(Debug)]
pub struct Trend {
    pub lang: Lang,
    pub root: PathBuf,
    pub every: Every,
    /// The first day; `None`: the date of the first commit.
    pub from: Option<Date>,
    pub to: Date,
    pub format: TrendFormat,
    pub keep_going: bool,
    pub width: Option<u16>,
}

impl Trend {
    pub fn resolve(args: &TrendArgs, common: &Common) -> Result<Trend, Fatal> {
        Ok(Trend {
            lang: common.lang,
            root: find_root(args.root.as_deref())?,
            every: args.every.into(),
            from: args.from,
            to: args.to.unwrap_or(common.today),
            format: args.format,
            keep_going: args.keep_going,
            width: terminal_width(),
        })
    }
}

/// `huitoukan import`.
#[derive(Debug)]
pub struct Import {
    pub lang: Lang,
    pub root: PathBuf,
    pub file: PathBuf,
    pub mapping: Option<PathBuf>,
    pub as_of: Date,
    pub dry_run: bool,
    pub keep_going: bool,
    pub update: bool,
}

impl Import {
    pub fn resolve(args: &ImportArgs, common: &Common) -> Result<Import, Fatal> {
        Ok(Import {
            lang: common.lang,
            root: find_root(args.root.as_deref())?,
            file: args.file.clone(),
            mapping: args.mapping.clone(),
            as_of: AsOf::new(args.as_of, common).work_tree(),
            dry_run: args.dry_run,
            keep_going: args.keep_going,
            update: args.update,
        })
    }
}
