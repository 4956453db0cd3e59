//! `huitoukan check`: validate the tree and show the diagnostics in the chosen format.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::app::{
    EXIT_OK, EXIT_RECORDS, Fatal, find_root, refuse_inside_root, today, write_stream, write_with,
};
use crate::check;
use crate::cli::{CheckArgs, CheckFormat};
use crate::i18n::{Lang, Msg};
use crate::render;

pub fn run(args: &CheckArgs, lang: Lang) -> Result<ExitCode, Fatal> {
    let root = find_root(args.path.as_deref())?;
    let summary = std::env::var_os("GITHUB_STEP_SUMMARY")
        .filter(|p| !p.is_empty() && args.format == CheckFormat::Github);
    // Refused before anything is read or written: the records tree is never written to.
    if let Some(path) = &summary {
        let what = Msg::SummaryInsideRoot {
            path: Path::new(path).display().to_string(),
        };
        refuse_inside_root(&root, Path::new(path), what)?;
    }
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
            write_with(&mut std::io::stdout().lock(), |out| {
                render::json::write(out, &checked, &root_shown, as_of, lang)
            })?;
        }
        CheckFormat::Github => {
            let text = render::github::render(&checked, lang, cwd.as_deref());
            write_stream(&mut std::io::stdout(), &text)?;
            if let Some(path) = summary {
                append(
                    Path::new(&path),
                    &render::github::step_summary(&checked, lang, cwd.as_deref()),
                )?;
            }
        }
        CheckFormat::Gitlab => {
            let text = render::gitlab::render(&checked, lang, cwd.as_deref());
            write_stream(&mut std::io::stdout(), &text)?;
        }
    }
    let counts = checked.counts();
    let failed = counts.errors > 0 || (args.deny_warnings && counts.warnings > 0);
    Ok(ExitCode::from(if failed { EXIT_RECORDS } else { EXIT_OK }))
}

/// Appends to a file that CI owns (the step summary), creating it if needed.
fn append(path: &Path, text: &str) -> Result<(), Fatal> {
    let io = |e: std::io::Error| {
        Fatal::from(Msg::Io {
            path: path.display().to_string(),
            detail: e.to_string(),
        })
    };
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .map_err(io)?;
    file.write_all(text.as_bytes()).map_err(io)
}
