//! `huitoukan import FILE`: plan the import (read, map, validate: `crate::import`), show its
//! problems, then write what the plan allows.
//!
//! Nothing is written while a row has an error, unless `--keep-going`; nothing with
//! `--dry-run`. A new file is written atomically (whole or not at all, though not flushed to
//! the disk file by file: a province's import is 58,000 files) and never over a file that has
//! appeared meanwhile; an existing one only with `--update`, and only where its text changes;
//! never a path through a symbolic link, never outside the root.

use std::path::Path;
use std::process::ExitCode;

use crate::discover::{self, Lookup};
use crate::i18n::{Lang, Msg};
use crate::import::{self, Action, Plan, Problem, Request, mapping::Mapping};
use crate::outcome::{EXIT_OK, EXIT_RECORDS, Fatal};
use crate::output::{write_file_durable, write_stream};
use crate::settings::Import;

pub fn run(settings: &Import) -> Result<ExitCode, Fatal> {
    let Import {
        lang,
        ref root,
        as_of,
        dry_run,
        keep_going,
        update,
        ..
    } = *settings;
    let shown = settings.file.display().to_string();
    let bytes = read(&settings.file, MAX_SHEET_BYTES)?;
    let mapping = match &settings.mapping {
        Some(path) => {
            let bytes = read(path, MAX_MAPPING_BYTES)?;
            let text = String::from_utf8(bytes).map_err(|e| Msg::ImportMapping {
                path: path.display().to_string(),
                detail: Box::new(Msg::Unreadable {
                    detail: e.utf8_error().to_string(),
                }),
            })?;
            Some(Mapping::parse(&text).map_err(|e| Msg::ImportMapping {
                path: path.display().to_string(),
                detail: Box::new(e.0),
            })?)
        }
        None => None,
    };
    let plan = import::plan(Request {
        root,
        file: &shown,
        bytes,
        mapping,
        as_of,
        update,
        keep_going,
    });
    let errors = plan.errors();
    let mut err = String::new();
    for p in &plan.problems {
        err.push_str(&problem_text(p, lang));
    }
    let write = errors == 0 || keep_going;
    let mut out = String::new();
    for p in &plan.planned {
        let (file, row) = (
            crate::escape::controls(&p.file, &[]).into_owned(),
            p.row + 1,
        );
        let line = match p.action {
            Action::Create => Msg::ImportCreate { file, row },
            Action::Update => Msg::ImportUpdate { file, row },
            Action::Unchanged => Msg::ImportUnchanged { file, row },
            Action::Exists => Msg::ImportExists { file, row },
        };
        out.push_str(&line.text(lang));
        out.push('\n');
    }
    if write {
        write_stream(&mut std::io::stdout().lock(), &out)?;
    }
    let count = |a: Action| plan.planned.iter().filter(|p| p.action == a).count();
    err.push_str(&format!(
        "{}\n",
        Msg::ImportSummary {
            rows: plan.rows,
            create: count(Action::Create),
            update: count(Action::Update),
            unchanged: count(Action::Unchanged),
            exists: count(Action::Exists),
            errors,
        }
        .text(lang)
    ));
    if dry_run {
        err.push_str(&format!("note: {}\n", Msg::ImportDryRun.text(lang)));
    } else if !write {
        err.push_str(&Fatal::from(Msg::ImportNothingWritten).text(lang));
    } else if errors > 0 {
        let rows = {
            let mut rows: Vec<usize> = plan.problems.iter().filter_map(|p| p.row).collect();
            rows.dedup();
            rows.len()
        };
        err.push_str(&format!(
            "warning: {}\n",
            Msg::ImportKeptGoing { rows }.text(lang)
        ));
    }
    let written = if write && !dry_run {
        apply(root, &plan)
    } else {
        Ok(())
    };
    write_stream(&mut anstream::stderr(), &err)?;
    written?;
    Ok(ExitCode::from(if errors > 0 {
        EXIT_RECORDS
    } else {
        EXIT_OK
    }))
}

/// The bytes of a file the import is given: a regular file, opened without blocking, within
/// `limit` (see [`crate::load::read_input`]).
fn read(path: &Path, limit: u64) -> Result<Vec<u8>, Fatal> {
    let mut bytes = Vec::new();
    crate::load::read_input(path, limit, &mut bytes).map_err(|e| input_error(path, limit, e))?;
    Ok(bytes)
}

/// Why a file a command was given is not read, naming it and the limit.
pub fn input_error(path: &Path, limit: u64, e: crate::load::InputError) -> Fatal {
    use crate::load::InputError;
    let path = path.display().to_string();
    Fatal::from(match e {
        InputError::Io(e) => Msg::Io {
            path,
            detail: e.to_string(),
        },
        InputError::NotRegular => Msg::InputNotRegular { path },
        InputError::TooLarge(size) => Msg::InputTooLarge {
            path,
            size,
            max: format!("{} MiB", limit >> 20),
        },
    })
}

/// The largest spreadsheet read: a province's ledger of 58,000 items is some 10 MiB.
pub const MAX_SHEET_BYTES: u64 = 256 * 1024 * 1024;

/// The largest mapping file read (as a record file).
pub const MAX_MAPPING_BYTES: u64 = crate::load::MAX_FILE_SIZE;

/// Writes the plan's new and changed files.
pub fn apply(root: &Path, plan: &Plan) -> Result<(), Fatal> {
    use rayon::prelude::*;
    let writes: Vec<(&str, bool)> = plan
        .planned
        .iter()
        .filter_map(|p| match p.action {
            Action::Create => Some((p.file.as_str(), false)),
            Action::Update => Some((p.file.as_str(), true)),
            Action::Unchanged | Action::Exists => None,
        })
        .collect();
    // Every folder first, each step below the root a folder and not a link to one elsewhere.
    let mut folders: Vec<&str> = writes
        .iter()
        .map(|(file, _)| file.rsplit_once('/').map_or("", |(folder, _)| folder))
        .collect();
    folders.sort_unstable();
    folders.dedup();
    for folder in folders {
        match discover::look_up(root, folder) {
            Lookup::Link(at) => {
                return Err(Msg::ImportLinkInPath {
                    path: at.display().to_string(),
                }
                .into());
            }
            Lookup::Found(..) => {}
            Lookup::Missing(_) => {
                std::fs::create_dir_all(root.join(folder)).map_err(|e| Msg::Io {
                    path: root.join(folder).display().to_string(),
                    detail: e.to_string(),
                })?;
            }
        }
    }
    let texts: std::collections::HashMap<&str, &str> = plan
        .planned
        .iter()
        .map(|p| (p.file.as_str(), p.text.as_str()))
        .collect();
    writes.par_iter().try_for_each(|(file, replace)| {
        let path = root.join(file);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Fatal::from(Msg::ImportLinkInPath {
                path: path.display().to_string(),
            }));
        }
        let text = texts.get(file).copied().unwrap_or_default().as_bytes();
        // Each file whole or not at all; not flushed one by one (see `write_file_durable`).
        write_file_durable(&path, *replace, false, |out| out.write_all(text))
    })
}

/// One problem as `check` shows one: the code, the message, the place, the help.
pub fn problem_text(p: &Problem, lang: Lang) -> String {
    let level = match p.code.severity() {
        crate::diagnostic::Severity::Error => "error",
        crate::diagnostic::Severity::Warning => "warning",
    };
    let place = crate::escape::controls(&p.place, &[]);
    let mut text = format!(
        "{level}[{}]: {}\n --> {place}\n",
        p.code.as_str(),
        p.message.text(lang)
    );
    if let Some(help) = &p.help {
        text.push_str(&format!("  = help: {}\n", help.text(lang)));
    }
    text.push('\n');
    text
}
