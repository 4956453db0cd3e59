//! What a command means, and running it: resolve the root, the date and the language, then
//! call the stage functions and write their output. Returns the exit code.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::civil::Date;

use crate::check;
use crate::cli::{CheckArgs, CheckFormat, Cli, Command};
use crate::discover;
use crate::i18n::{Lang, Msg};
use crate::render;

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
