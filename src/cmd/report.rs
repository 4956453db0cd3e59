//! `huitoukan report`: check, refuse a tree with errors (unless `--keep-going`), roll up and
//! render.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::check::{self, Checked};
use crate::cli::{ReportArgs, ReportFormat};
use crate::history::Repo;
use crate::i18n::{Lang, Msg};
use crate::outcome::{EXIT_OK, EXIT_RECORDS, Fatal};
use crate::output::{refuse_inside_root, write_file, write_stream, write_with};
use crate::render;
use crate::rollup::By;
use crate::rollup::{self, OrgError, SourceInfo};
use crate::root::{locate, today};

pub fn run(args: &ReportArgs, lang: Lang) -> Result<ExitCode, Fatal> {
    // `--output -` is standard output, as for most tools.
    let output = args.output.as_deref().filter(|p| *p != Path::new("-"));
    if let Some(output) = output {
        refuse_output(output, args.force)?;
    }
    if let (
        Some(_),
        ReportFormat::Md | ReportFormat::Json | ReportFormat::Html | ReportFormat::Xlsx,
    ) = (args.by, args.format)
    {
        let format = match args.format {
            ReportFormat::Md => "md",
            ReportFormat::Html => "html",
            ReportFormat::Xlsx => "xlsx",
            _ => "json",
        };
        return Err(Msg::ByNotForFormat {
            format: format.to_owned(),
        }
        .into());
    }
    // A workbook is bytes no terminal can show.
    if args.format == ReportFormat::Xlsx && output.is_none() && std::io::stdout().is_terminal() {
        return Err(Fatal {
            message: Msg::XlsxToTerminal,
            help: Some(Msg::XlsxToTerminalHelp),
        });
    }
    // The 责任清单 is a list of people; a public report names no one.
    if args.public && args.by.map(By::from) == Some(By::Lead) {
        return Err(Msg::ByLeadNotPublic.into());
    }
    if !args.from.is_empty() {
        return from_stored(args, lang);
    }
    let (root, scope) = locate(args.path.as_deref())?;
    if let Some(output) = output {
        let what = Msg::OutputInsideRoot {
            path: output.display().to_string(),
        };
        refuse_inside_root(&root, output, what)?;
    }
    // A report shows no warnings (`check` does), so the rules keep none.
    let (checked, as_of, source) = match &args.at {
        Some(rev) => {
            let repo = Repo::open(&root)?;
            let commit = repo.resolve(rev)?;
            let as_of = args.as_of.unwrap_or(commit.date);
            let records = repo.load(&root, &commit)?;
            let source = SourceInfo::at(&commit);
            (check::check_loaded(records, as_of, false), as_of, source)
        }
        None => {
            let as_of = args.as_of.unwrap_or_else(today);
            let checked = check::check_with(&root, as_of, false);
            // Only JSON carries it; finding whether the tree has uncommitted changes reads
            // every record's blob, which a table need not pay for.
            let source = if args.format == ReportFormat::Json {
                SourceInfo::of_work_tree(&root, &checked.records)
            } else {
                SourceInfo::default()
            };
            (checked, as_of, source)
        }
    };
    // An --org that names nothing is a mistake in the command (exit 2), whatever the records hold.
    let org = match (&args.org, scope.as_str()) {
        (None, "") => String::new(),
        (Some(wanted), _) => {
            rollup::resolve_org(&checked.records, wanted).map_err(|e| org_error(wanted, e))?
        }
        // `report PATH` below the root reports on that folder, as `--org` with its path would;
        // a folder inside a unit (its `items/`) stands for the unit.
        (None, scope) => rollup::enclosing_org(&checked.records, scope).ok_or_else(|| {
            Fatal::from(Msg::OrgUnknown {
                org: scope.to_owned(),
            })
        })?,
    };
    if refuse_errors(&checked, lang, args.keep_going, args.at.as_deref())? {
        return Ok(ExitCode::from(EXIT_RECORDS));
    }
    let by = match args.format {
        ReportFormat::Table => args.by.map_or(By::Org, By::from),
        ReportFormat::Csv => args.by.map_or(By::Item, By::from),
        // Whole documents: their rows are fixed, and By::Unit asks for nothing extra.
        ReportFormat::Md | ReportFormat::Json | ReportFormat::Html => By::Unit,
        // A workbook lists every item.
        ReportFormat::Xlsx => By::Item,
    };
    let options = rollup::Options {
        org: &org,
        as_of,
        public: args.public,
        by,
    };
    let mut report = rollup::build(&checked.records, &checked.diagnostics, &options);
    report.source = source;
    deliver(args, &report, by, lang)
}

/// `report --from`: stored reports (merged, if several) rendered without a records tree; `--org`
/// names an org within them.
fn from_stored(args: &ReportArgs, lang: Lang) -> Result<ExitCode, Fatal> {
    let by = match args.format {
        ReportFormat::Table => args.by.map_or(By::Org, By::from),
        // A stored report has no item rows: a CSV of it has a row per unit.
        ReportFormat::Csv => args.by.map_or(By::Unit, By::from),
        ReportFormat::Md | ReportFormat::Json | ReportFormat::Html | ReportFormat::Xlsx => By::Unit,
    };
    // A stored report keeps no item rows: no items, leads or tasks to list.
    if matches!(by, By::Item | By::Lead | By::Task) {
        return Err(Msg::StoredByItem.into());
    }
    let report = super::merge::from(&args.from)?;
    let org = match &args.org {
        Some(wanted) => rollup::resolve_in(&rollup::merge::folders(&report), wanted)
            .map_err(|e| org_error(wanted, e))?,
        None => report.org.clone().unwrap_or_default(),
    };
    let report = rollup::merge::within(report, &org, by == By::Org);
    deliver(args, &report, by, lang)
}

/// Renders `report` in the format asked for, to standard output or `--output`, and says on
/// stderr what the document does not.
fn deliver(
    args: &ReportArgs,
    report: &rollup::Report<'_>,
    by: By,
    lang: Lang,
) -> Result<ExitCode, Fatal> {
    let output = args.output.as_deref().filter(|p| *p != Path::new("-"));
    // A terminal's width, where the table goes to one; piped or to a file, full rows.
    let width = (args.output.is_none() && std::io::stdout().is_terminal())
        .then(|| comfy_table::Table::new().width())
        .flatten();
    let workbook = match args.format {
        ReportFormat::Xlsx => Some(render::xlsx::render(report, lang).map_err(|e| {
            Fatal::from(Msg::XlsxFailed {
                detail: e.to_string(),
            })
        })?),
        _ => None,
    };
    let write = |out: &mut dyn Write| match args.format {
        ReportFormat::Table => render::table::write(out, report, by, lang, width),
        ReportFormat::Md => out.write_all(render::markdown::render(report, lang).as_bytes()),
        ReportFormat::Csv => render::csv::write(out, report, by, lang),
        ReportFormat::Json => render::json::write_report(out, report),
        ReportFormat::Html => out.write_all(render::html::render(report, lang).as_bytes()),
        ReportFormat::Xlsx => out.write_all(workbook.as_deref().unwrap_or_default()),
    };
    match output {
        Some(path) => write_file(path, args.force, write)?,
        None => write_with(&mut std::io::stdout().lock(), write)?,
    }
    // What a public report withheld is said here and never in the document. A CSV file holds
    // rows and nothing else, so what the other formats say in the document about what was left
    // out goes here too.
    let mut note = String::new();
    if args.format == ReportFormat::Csv {
        for line in render::notes(report, lang) {
            note.push_str(&format!("note: {line}\n"));
        }
        for row in render::rows::left_out(report, lang).rows {
            let cells: Vec<String> = row.iter().map(render::rows::Cell::display).collect();
            let line = crate::escape::controls(&cells.join(": "), &[]).into_owned();
            note.push_str(&format!("  {line}\n"));
        }
    } else if !report.left_out.is_empty() {
        note.push_str(&format!(
            "warning: {}\n",
            Msg::KeptGoing {
                files: report.left_out.len()
            }
            .text(lang)
        ));
    }
    if let Some(withheld) = &report.withheld {
        let msg = Msg::Withheld {
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
        let note = Msg::RevisionHasErrors {
            rev: rev.to_owned(),
        };
        text.push_str(&format!("note: {}\n", note.text(lang)));
    }
    text.push_str(&format!(
        "error: {}\n  = help: {}\n",
        Msg::RefuseErrors { errors }.text(lang),
        Msg::RefuseErrorsHelp.text(lang)
    ));
    write_stream(&mut anstream::stderr(), &text)?;
    Ok(true)
}

/// An `--org` that names no folder, or several, with the closest candidates.
fn org_error(wanted: &str, e: OrgError) -> Fatal {
    let (message, candidates, more) = match e {
        OrgError::Unknown { candidates, more } => (
            Msg::OrgUnknown {
                org: wanted.to_owned(),
            },
            candidates,
            more,
        ),
        OrgError::Ambiguous { candidates, more } => (
            Msg::OrgAmbiguous {
                org: wanted.to_owned(),
            },
            candidates,
            more,
        ),
    };
    let list = candidates.join(", ");
    Fatal {
        message,
        help: Some(if more > 0 {
            Msg::CandidatesMore { list, more }
        } else {
            Msg::Candidates { list }
        }),
    }
}

/// A report is never written over a record, nor over any file that exists unless `force`,
/// and then only over a regular file (never a folder, a link or a device).
pub(crate) fn refuse_output(path: &Path, force: bool) -> Result<(), Fatal> {
    let shown = path.display().to_string();
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        return Err(Msg::OutputIsRecord { path: shown }.into());
    }
    match std::fs::symlink_metadata(path) {
        Ok(meta) if force && meta.is_file() => Ok(()),
        Ok(_) if force => Err(Msg::OutputNotFile { path: shown }.into()),
        Ok(_) => Err(Fatal {
            message: Msg::OutputExists { path: shown },
            help: Some(Msg::OutputExistsHelp),
        }),
        Err(_) => Ok(()),
    }
}
