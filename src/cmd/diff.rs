//! `huitoukan diff [A] [B]`: what changed between two revisions (default: HEAD and the work
//! tree), read from git without a checkout.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use jiff::civil::Date;

use crate::check::{self, Checked};
use crate::cli::{DiffArgs, DiffFormat};
use crate::cmd::report::refuse_errors;
use crate::history::Repo;
use crate::history::diff::{self, End};
use crate::i18n::Lang;
use crate::outcome::{EXIT_OK, EXIT_RECORDS, Fatal};
use crate::output::write_with;
use crate::render;
use crate::root::{find_root, today};

/// One end, loaded and checked: a revision, or the work tree (`None`).
pub fn load_end(
    repo: &Repo,
    root: &Path,
    rev: Option<&str>,
    as_of: Option<Date>,
) -> Result<(Checked, Option<String>, Date), Fatal> {
    match rev {
        Some(rev) => {
            let commit = repo.resolve(rev)?;
            let as_of = as_of.unwrap_or(commit.date);
            let records = repo.load(root, &commit)?;
            Ok((
                check::check_loaded(records, as_of, false),
                Some(commit.hex()),
                as_of,
            ))
        }
        None => {
            let as_of = as_of.unwrap_or_else(today);
            Ok((check::check_with(root, as_of, false), None, as_of))
        }
    }
}

pub fn run(args: &DiffArgs, lang: Lang) -> Result<ExitCode, Fatal> {
    let root = find_root(args.root.as_deref())?;
    let repo = Repo::open(&root)?;
    let from_rev = args.from.as_deref().unwrap_or("HEAD");
    let to_rev = args.to.as_deref();
    let (from, from_commit, from_as_of) = load_end(&repo, &root, Some(from_rev), args.as_of)?;
    if refuse_errors(&from, lang, args.keep_going, Some(from_rev))? {
        return Ok(ExitCode::from(EXIT_RECORDS));
    }
    let (to, to_commit, to_as_of) = load_end(&repo, &root, to_rev, args.as_of)?;
    if refuse_errors(&to, lang, args.keep_going, to_rev)? {
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
    let width = std::io::stdout()
        .is_terminal()
        .then(|| comfy_table::Table::new().width())
        .flatten();
    write_with(
        &mut std::io::stdout().lock(),
        |out: &mut dyn Write| match args.format {
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
