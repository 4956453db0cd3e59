//! What a command means, and running it: resolve the root, the date and the language, then
//! call the stage functions and write their output. Returns the exit code.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::civil::Date;

use crate::check;
use crate::cli::{By, CheckArgs, CheckFormat, Cli, Command, ReportArgs, ReportFormat};
use crate::discover;
use crate::i18n::{Lang, Msg};
use crate::render;
use crate::rollup::{self, OrgError};

/// A failure that stops a command before it has a result (exit 2).
#[derive(Debug)]
pub struct Fatal {
    pub message: Msg,
    pub help: Option<Msg>,
}

impl From<Msg> for Fatal {
    fn from(message: Msg) -> Self {
        Fatal {
            message,
            help: None,
        }
    }
}

pub const EXIT_OK: u8 = 0;
pub const EXIT_RECORDS: u8 = 1;
pub const EXIT_FATAL: u8 = 2;

pub fn lang(cli: &Cli) -> Lang {
    cli.lang
        .or_else(|| {
            std::env::var("HUITOUKAN_LANG")
                .ok()
                .and_then(|v| Lang::parse(&v))
        })
        .unwrap_or_default()
}

pub fn run(cli: &Cli) -> Result<ExitCode, Fatal> {
    let lang = lang(cli);
    match &cli.command {
        Command::Check(args) => run_check(args, lang),
        Command::Report(args) => run_report(args, lang),
    }
}

fn today() -> Date {
    jiff::Zoned::now().date()
}

fn find_root(path: Option<&Path>) -> Result<PathBuf, Fatal> {
    let start = path.unwrap_or(Path::new("."));
    discover::find_root(start).ok_or_else(|| Fatal {
        message: Msg::NoRoot {
            path: start.display().to_string(),
        },
        help: Some(Msg::NoRootHelp),
    })
}

fn run_check(args: &CheckArgs, lang: Lang) -> Result<ExitCode, Fatal> {
    let root = find_root(args.path.as_deref())?;
    let as_of = args.as_of.unwrap_or_else(today);
    let checked = check::check(&root, as_of);
    let cwd = std::env::current_dir().ok();
    match args.format {
        CheckFormat::Human => {
            let text = render::human::render(&checked, lang, cwd.as_deref());
            write_stream(&mut anstream::stderr(), &text)?;
        }
        CheckFormat::Json => {
            let root_shown = render::display_path(&root, "", cwd.as_deref());
            let text = render::json::render(&checked, &root_shown, as_of, lang);
            write_stream(&mut std::io::stdout(), &text)?;
        }
        CheckFormat::Github => {
            let text = render::github::render(&checked, lang, cwd.as_deref());
            write_stream(&mut std::io::stdout(), &text)?;
        }
    }
    let counts = checked.counts();
    let failed = counts.errors > 0 || (args.deny_warnings && counts.warnings > 0);
    Ok(ExitCode::from(if failed { EXIT_RECORDS } else { EXIT_OK }))
}

/// Writes all of `text`; a reader that went away (`| head`) is not an error.
pub fn write_stream(stream: &mut impl Write, text: &str) -> Result<(), Fatal> {
    match stream
        .write_all(text.as_bytes())
        .and_then(|()| stream.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Msg::Io {
            path: "<output>".into(),
            detail: e.to_string(),
        }
        .into()),
        _ => Ok(()),
    }
}

fn run_report(args: &ReportArgs, lang: Lang) -> Result<ExitCode, Fatal> {
    if let Some(output) = &args.output {
        refuse_output(output)?;
    }
    let root = find_root(args.path.as_deref())?;
    let as_of = args.as_of.unwrap_or_else(today);
    let checked = check::check(&root, as_of);
    let cwd = std::env::current_dir().ok();
    let errors = checked.counts().errors;
    if errors > 0 && !args.keep_going {
        let mut text = render::human::render(&checked, lang, cwd.as_deref());
        text.push_str(&format!(
            "error: {}\n  = help: {}\n",
            Msg::RefuseErrors { errors }.text(lang),
            Msg::RefuseErrorsHelp.text(lang)
        ));
        write_stream(&mut anstream::stderr(), &text)?;
        return Ok(ExitCode::from(EXIT_RECORDS));
    }
    let org = match &args.org {
        None => String::new(),
        Some(wanted) => rollup::resolve_org(&checked.records, wanted).map_err(|e| {
            let (message, candidates) = match e {
                OrgError::Unknown { candidates } => (
                    Msg::OrgUnknown {
                        org: wanted.clone(),
                    },
                    candidates,
                ),
                OrgError::Ambiguous { candidates } => (
                    Msg::OrgAmbiguous {
                        org: wanted.clone(),
                    },
                    candidates,
                ),
            };
            Fatal {
                message,
                help: Some(Msg::Candidates {
                    list: candidates.join(", "),
                }),
            }
        })?,
    };
    let options = rollup::Options {
        org: &org,
        as_of,
        public: args.public,
    };
    let report = rollup::build(&checked.records, &checked.diagnostics, &options);
    let bytes = match args.format {
        ReportFormat::Table => {
            render::table::render(&report, args.by.unwrap_or(By::Org), lang).into_bytes()
        }
        ReportFormat::Md => render::markdown::render(&report, lang).into_bytes(),
        ReportFormat::Csv => render::csv::render(&report, args.by.unwrap_or(By::Item), lang),
        ReportFormat::Json => render::json::report(&report).into_bytes(),
    };
    match &args.output {
        Some(path) => write_new_file(path, &bytes)?,
        None => write_stream(&mut std::io::stdout(), &String::from_utf8_lossy(&bytes))?,
    }
    if !report.left_out.is_empty() {
        let note = format!(
            "warning: {}\n",
            Msg::KeptGoing {
                files: report.left_out.len()
            }
            .text(lang)
        );
        write_stream(&mut anstream::stderr(), &note)?;
    }
    Ok(ExitCode::from(EXIT_OK))
}

/// A report is never written over a record, nor over any file that exists.
fn refuse_output(path: &Path) -> Result<(), Fatal> {
    let shown = path.display().to_string();
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        return Err(Msg::OutputIsRecord { path: shown }.into());
    }
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(Fatal {
            message: Msg::OutputExists { path: shown },
            help: Some(Msg::OutputExistsHelp),
        });
    }
    Ok(())
}

/// Writes a new file atomically: a temporary file in the same folder, renamed into place only
/// if nothing has appeared at `path` meanwhile.
pub fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), Fatal> {
    let io = |e: std::io::Error| {
        Fatal::from(Msg::Io {
            path: path.display().to_string(),
            detail: e.to_string(),
        })
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(io)?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .map_err(io)?;
    file.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Fatal {
                message: Msg::OutputExists {
                    path: path.display().to_string(),
                },
                help: Some(Msg::OutputExistsHelp),
            }
        } else {
            io(e.error)
        }
    })?;
    Ok(())
}
