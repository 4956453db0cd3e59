//! `huitoukan report`: check, refuse a tree with errors (unless `--keep-going`), roll up and
//! render.

use std::io::Write;
use std::process::ExitCode;

use crate::diagnostic::outcome::{EXIT_OK, EXIT_RECORDS, Fatal};
use crate::history::Repo;
use crate::render;
use crate::rollup::{self, By, SourceInfo};
use crate::rules::check::{self, Checked};
use crate::settings::output::{OutputKind, refuse_in_tree, write_file, write_stream, write_with};
use crate::settings::{Input, Report};
use crate::text::i18n::Lang;
use crate::text::messages::history::HistoryMsg;
use crate::text::messages::run::RunMsg;

pub fn run(settings: &Report) -> Result<ExitCode, Fatal> {
    let (root, at) = match &settings.input {
        Input::Stored(paths) => return from_stored(settings, paths),
        Input::Tree { root, at } => (root, at.as_deref()),
    };
    // A report shows no warnings (`check` does), so the rules keep none.
    let (checked, as_of, source) = match at {
        Some(rev) => {
            let repo = Repo::open(root)?;
            let commit = repo.resolve(rev)?;
            let as_of = settings.as_of.at(commit.date);
            let records = repo.load(root, &commit)?;
            let source = SourceInfo::at(&commit);
            (check::check_loaded(records, as_of, false), as_of, source)
        }
        None => {
            let as_of = settings.as_of.work_tree();
            let checked = check::check_with(root, as_of, false);
            let source = if settings.format.carries_source() {
                SourceInfo::of_work_tree(root, &checked.records)
            } else {
                SourceInfo::default()
            };
            (checked, as_of, source)
        }
    };
    if let Some(output) = &settings.output {
        refuse_in_tree(root, output, OutputKind::Report, |rel| {
            checked.records.reads(rel)
        })?;
    }
    let org = settings.org.in_records(&checked.records)?;
    if refuse_errors(&checked, settings.lang, settings.keep_going, at)? {
        return Ok(ExitCode::from(EXIT_RECORDS));
    }
    let options = rollup::Options {
        org: &org,
        as_of,
        public: settings.public,
        by: settings.by,
    };
    let mut report = rollup::build(&checked.records, &checked.diagnostics, &options)?;
    report.source = source;
    report.after_as_of = checked.after_as_of as u64;
    deliver(settings, &mut report)
}

/// `report --from`: stored reports (merged, if several) rendered without a records tree; `--org`
/// names an org within them.
fn from_stored(settings: &Report, paths: &[std::path::PathBuf]) -> Result<ExitCode, Fatal> {
    let report = super::merge::from(paths)?;
    let whole = report.org.clone().unwrap_or_default();
    let org = settings
        .org
        .in_folders(&rollup::merge::folders(&report), &whole)?;
    let mut report = rollup::merge::within(report, &org, settings.by == By::Org);
    deliver(settings, &mut report)
}

/// Renders `report` in the format asked for, to standard output or `--output`, and says on
/// stderr what the document does not.
fn deliver(settings: &Report, report: &mut rollup::Report<'_>) -> Result<ExitCode, Fatal> {
    let Report {
        lang,
        format,
        by,
        width,
        wide,
        ..
    } = *settings;
    let options = render::Options {
        lang,
        by,
        width,
        wide,
    };
    let render = format.renderer();
    let write = |out: &mut dyn Write| render(report, &options, out);
    match &settings.output {
        Some(path) => write_file(path, settings.force, write)?,
        None => write_with(&mut std::io::stdout().lock(), write)?,
    }
    // What a public report withheld is said here and never in the document; so is what the
    // other formats say in the document, where a format has no room for it.
    let mut note = String::new();
    if !format.says_notes() {
        for line in render::notes(report, lang) {
            note.push_str(&format!("note: {line}\n"));
        }
        for row in render::rows::left_out(report, lang).rows {
            let cells: Vec<String> = row.iter().map(render::rows::Cell::display).collect();
            let line = crate::text::escape::controls(&cells.join(": "), &[]).into_owned();
            note.push_str(&format!("  {line}\n"));
        }
    } else if !report.left_out.is_empty() {
        note.push_str(&format!(
            "warning: {}\n",
            RunMsg::KeptGoing {
                files: report.left_out.len()
            }
            .text(lang)
        ));
    }
    if let Some(withheld) = &report.withheld {
        let msg = RunMsg::Withheld {
            items: withheld.items,
            files: withheld.files,
        };
        note.push_str(&format!("note: {}\n", msg.text(lang)));
    }
    write_stream(&mut anstream::stderr(), &note)?;
    Ok(ExitCode::from(EXIT_OK))
}

/// A tree with errors is refused (its diagnostics on stderr, `true`: exit 1) unless
/// `keep_going`; `at` names the revision the records were read at, if not the work tree.
pub fn refuse_errors(
    checked: &Checked,
    lang: Lang,
    keep_going: bool,
    at: Option<&str>,
) -> Result<bool, Fatal> {
    let errors = checked.counts().errors;
    if errors == 0 || keep_going {
        return Ok(false);
    }
    let cwd = std::env::current_dir().ok();
    // The summary counts the warnings too (the rules counted them without keeping them).
    let mut text = render::human::render(checked, lang, cwd.as_deref());
    if let Some(rev) = at {
        let note = HistoryMsg::RevisionHasErrors {
            rev: rev.to_owned(),
        };
        text.push_str(&format!("note: {}\n", note.text(lang)));
    }
    let refusal = Fatal {
        message: RunMsg::RefuseErrors { errors }.into(),
        help: Some(RunMsg::RefuseErrorsHelp.into()),
    };
    text.push_str(&refusal.text(lang));
    write_stream(&mut anstream::stderr(), &text)?;
    Ok(true)
}
