//! `huitoukan diff [A] [B]`: what changed between two revisions (default: HEAD and the work
//! tree), read from git without a checkout.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::check::{self, Checked};
use crate::cli::DiffFormat;
use crate::cmd::report::refuse_errors;
use crate::history::Repo;
use crate::history::diff::{self, End};
use crate::outcome::{EXIT_OK, EXIT_RECORDS, Fatal};
use crate::output::write_with;
use crate::render;
use crate::settings::{AsOf, Diff};

/// One end, loaded and checked: a revision, or the work tree (`None`).
pub fn load_end(
    repo: &Repo,
    root: &Path,
    rev: Option<&str>,
    as_of: AsOf,
) -> Result<(Checked, Option<String>, jiff::civil::Date), Fatal> {
    match rev {
        Some(rev) => {
            let commit = repo.resolve(rev)?;
            let as_of = as_of.at(commit.date);
            let records = repo.load(root, &commit)?;
            Ok((
                check::check_loaded(records, as_of, false),
                Some(commit.hex()),
                as_of,
            ))
        }
        None => {
            let as_of = as_of.work_tree();
            Ok((check::check_with(root, as_of, false), None, as_of))
        }
    }
}

pub fn run(settings: &Diff) -> Result<ExitCode, Fatal> {
    let Diff {
        lang,
        ref root,
        as_of,
        format,
        keep_going,
        width,
        ..
    } = *settings;
    let repo = Repo::open(root)?;
    let from_rev = settings.from.as_str();
    let to_rev = settings.to.as_deref();
    let (from, from_commit, from_as_of) = load_end(&repo, root, Some(from_rev), as_of)?;
    if refuse_errors(&from, lang, keep_going, Some(from_rev))? {
        return Ok(ExitCode::from(EXIT_RECORDS));
    }
    let (to, to_commit, to_as_of) = load_end(&repo, root, to_rev, as_of)?;
    if refuse_errors(&to, lang, keep_going, to_rev)? {
        return Ok(ExitCode::from(EXIT_RECORDS));
    }
    let diff = diff::diff(
        &End {
            checked: &from,
            commit: from_commit,
            as_of: from_as_of,
        },
        &End {
            checked: &to,
            commit: to_commit,
            as_of: to_as_of,
        },
    );
    write_with(
        &mut std::io::stdout().lock(),
        |out: &mut dyn Write| match format {
            DiffFormat::Table => {
                out.write_all(render::history::diff_table(&diff, lang, width).as_bytes())
            }
            DiffFormat::Md => out.write_all(render::history::diff_markdown(&diff, lang).as_bytes()),
            DiffFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &diff)?;
                out.write_all(b"\n")
            }
        },
    )?;
    Ok(ExitCode::from(EXIT_OK))
}
