//! `huitoukan diff [A] [B]`: what changed between two revisions (default: HEAD and the work
//! tree), read from git without a checkout.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::cli::DiffFormat;
use crate::cmd::report::refuse_errors;
use crate::diagnostic::outcome::{EXIT_OK, EXIT_RECORDS, Fatal};
use crate::history::diff;
use crate::history::{Repo, Snapshot};
use crate::load::origin::WorkTree;
use crate::model::records::{Records, Reuse};
use crate::render;
use crate::rules::check::{self, Checked};
use crate::settings::output::write_with;
use crate::settings::{AsOf, Diff};

/// One end, loaded and checked: a revision's tree, or the work tree (`None`). Where `before`
/// is given (the other end, loaded first), its models are taken over for the files that are
/// the same.
fn load_end(
    root: &Path,
    revision: Option<Snapshot>,
    as_of: AsOf,
    before: Option<&Records>,
) -> (Checked, Option<String>, jiff::civil::Date) {
    match revision {
        Some(snapshot) => {
            let as_of = as_of.at(snapshot.commit.date);
            let commit = snapshot.commit.hex();
            let records = snapshot.load(root, before);
            (
                check::check_loaded(records, as_of, false),
                Some(commit),
                as_of,
            )
        }
        None => {
            let as_of = as_of.work_tree();
            let records = match before {
                Some(before) => Records::load_reusing(root, Arc::new(WorkTree), &Reuse::of(before)),
                None => Records::load(root),
            };
            (check::check_loaded(records, as_of, false), None, as_of)
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
    let from_commit = repo.resolve(from_rev)?;
    let to_commit = to_rev.map(|rev| repo.resolve(rev)).transpose()?;
    // The second tree is listed, and its files read, only where it differs from the first.
    let from_tree = repo.snapshot(&from_commit)?;
    let to_tree = to_commit
        .as_ref()
        .map(|c| repo.snapshot_after(c, Some(&from_tree)))
        .transpose()?;
    let (from, from_commit, from_as_of) = load_end(root, Some(from_tree), as_of, None);
    if refuse_errors(&from, lang, keep_going, Some(from_rev))? {
        return Ok(ExitCode::from(EXIT_RECORDS));
    }
    // The first end is summed up while the second is read.
    let (from_end, (to, to_commit, to_as_of)) = rayon::join(
        || diff::End::of(&from, from_commit, from_as_of),
        || load_end(root, to_tree, as_of, Some(&from.records)),
    );
    if refuse_errors(&to, lang, keep_going, to_rev)? {
        return Ok(ExitCode::from(EXIT_RECORDS));
    }
    let diff = diff::diff(from_end?, diff::End::of(&to, to_commit, to_as_of)?)?;
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
    // The process ends here: freeing both trees' models one by one would only delay it.
    std::mem::forget((from, to));
    Ok(ExitCode::from(EXIT_OK))
}
