//! `huitoukan check`: validate the tree and show the diagnostics in the chosen format.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::CheckFormat;
use crate::diagnostic::outcome::{EXIT_OK, EXIT_RECORDS, Fatal};
use crate::history::Repo;
use crate::history::diff::State;
use crate::history::rebound;
use crate::render;
use crate::rules::check;
use crate::settings::Check;
use crate::settings::output::{OutputKind, refuse_in_tree, write_stream, write_with};
use crate::text::i18n::Msg;
use crate::text::messages::history::HistoryMsg;
use crate::text::messages::run::RunMsg;

pub fn run(settings: &Check) -> Result<ExitCode, Fatal> {
    let Check {
        lang,
        ref root,
        ref scope,
        as_of,
        format,
        deny_warnings,
        ref since,
        only_changed,
        ref summary,
    } = *settings;
    let mut checked = check::check(root, as_of);
    if let Some(path) = summary {
        refuse_in_tree(root, path, OutputKind::Summary, |rel| {
            checked.records.reads(rel)
        })?;
    }
    // `check PATH` below the root: the rules run on the whole tree, and what is shown, counted
    // and decides the exit code is what lies under PATH.
    let mut notes: Vec<Msg> = Vec::new();
    if let Some(rev) = since {
        let unchanged = changed_since(&mut checked, root, rev, as_of, only_changed)?;
        if unchanged.errors + unchanged.warnings > 0 {
            notes.push(
                HistoryMsg::OnlyChangedNote {
                    since: rev.clone(),
                    errors: unchanged.errors,
                    warnings: unchanged.warnings,
                }
                .into(),
            );
        }
    }
    let elsewhere = checked.keep_within(scope);
    let cwd = std::env::current_dir().ok();
    if elsewhere.errors + elsewhere.warnings > 0 {
        notes.push(
            RunMsg::ScopeNote {
                scope: scope.clone(),
                errors: elsewhere.errors,
                warnings: elsewhere.warnings,
            }
            .into(),
        );
    }
    let counts = checked.counts();
    let denied = deny_warnings && counts.errors == 0 && counts.warnings > 0;
    if denied {
        notes.push(
            RunMsg::DeniedWarnings {
                warnings: counts.warnings,
            }
            .into(),
        );
    }
    match format {
        CheckFormat::Human => {
            write_with(&mut anstream::stderr(), |out| {
                render::human::write(out, &checked, lang, cwd.as_deref())
            })?;
        }
        CheckFormat::Json => {
            let root_shown = render::display_path(root, "", cwd.as_deref());
            write_with(&mut std::io::stdout().lock(), |out| {
                render::json::write(out, &checked, &root_shown, as_of, lang)
            })?;
        }
        CheckFormat::Github => {
            let base = repository("GITHUB_WORKSPACE", root, cwd);
            let text = render::github::render(&checked, lang, base.as_deref());
            write_stream(&mut std::io::stdout(), &text)?;
            if let Some(path) = summary {
                crate::settings::output::append_file(
                    path,
                    &render::github::step_summary(&checked, lang, base.as_deref()),
                )?;
            }
        }
        CheckFormat::Gitlab => {
            let base = repository("CI_PROJECT_DIR", root, cwd);
            let text = render::gitlab::render(&checked, lang, base.as_deref());
            write_stream(&mut std::io::stdout(), &text)?;
        }
    }
    // Said after the diagnostics, on stderr, so a CI log says why it failed; JSON is one
    // document for a program, which reads the counts, and leaves stderr empty.
    if format == CheckFormat::Json {
        notes.clear();
    }
    let text: String = notes
        .iter()
        .map(|m| match m {
            // A refusal: shown as every refusal is.
            Msg::Run(RunMsg::DeniedWarnings { .. }) => Fatal::from(m.clone()).text(lang),
            _ => format!("note: {}\n", m.text(lang)),
        })
        .collect();
    write_stream(&mut anstream::stderr(), &text)?;
    let failed = counts.errors > 0 || denied;
    Ok(ExitCode::from(if failed { EXIT_RECORDS } else { EXIT_OK }))
}

/// `--since REV`: adds the rebound warnings against the records at REV; with `only_changed`,
/// keeps only the diagnostics of files changed since REV and returns the counts of the others.
fn changed_since(
    checked: &mut check::Checked,
    root: &Path,
    rev: &str,
    as_of: jiff::civil::Date,
    only_changed: bool,
) -> Result<crate::diagnostic::Counts, Fatal> {
    let repo = Repo::open(root)?;
    let commit = repo.resolve(rev)?;
    let snapshot = std::sync::Arc::new(repo.snapshot(&commit)?);
    let records = crate::model::records::Records::load_from(root, snapshot.clone());
    let before = check::check_loaded(records, as_of, false);
    let warnings = rebound::warnings(&State::of(&before), checked, rev)?;
    checked.add(warnings);
    if !only_changed {
        return Ok(crate::diagnostic::Counts::default());
    }
    let (changed, _) = repo.changed_files(&snapshot, &checked.records);
    Ok(checked.keep_changed(&changed))
}

/// The folder CI names files from, so an annotation lands on its file in a pull request
/// wherever the job runs: `var` (`GITHUB_WORKSPACE`, `CI_PROJECT_DIR`) where CI sets it, else
/// the git work tree that holds the root (the nearest folder above it with a `.git` folder or
/// file; git itself is not run), else the current folder.
fn repository(var: &str, root: &Path, cwd: Option<PathBuf>) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(var).filter(|v| !v.is_empty()) {
        let dir = PathBuf::from(dir);
        return Some(std::path::absolute(&dir).unwrap_or(dir));
    }
    std::path::absolute(root)
        .ok()
        .and_then(|root| {
            root.ancestors()
                .find(|dir| std::fs::symlink_metadata(dir.join(".git")).is_ok())
                .map(Path::to_path_buf)
        })
        .or(cwd)
}
