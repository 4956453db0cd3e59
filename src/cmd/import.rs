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

use crate::text::i18n::Msg;
use crate::text::messages::files::FileMsg;
use crate::text::messages::import::ImportMsg;
use std::collections::HashMap;

use crate::diagnostic::outcome::{EXIT_OK, EXIT_RECORDS, Fatal};
use crate::import::{self, Action, Plan, Request, RowPlan, mapping::Mapping};
use crate::settings::Import;
use crate::settings::output::{Folder, Mode, write_stream};

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
            let text = String::from_utf8(bytes).map_err(|e| ImportMsg::ImportMapping {
                path: path.display().to_string(),
                detail: Box::new(
                    FileMsg::Unreadable {
                        detail: e.utf8_error().to_string(),
                    }
                    .into(),
                ),
            })?;
            Some(Mapping::parse(&text).map_err(|e| ImportMsg::ImportMapping {
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
    let mut err = crate::render::human::render_placed(&plan.diagnostics, lang);
    let write = errors == 0 || keep_going;
    // Written first, so that a file is said to be created or updated only where it was.
    let (written, result) = if write && !dry_run {
        apply_some(root, &plan)
    } else {
        (Vec::new(), Ok(()))
    };
    let written: std::collections::HashSet<&str> = written.iter().map(String::as_str).collect();
    let mut out = String::new();
    for p in &plan.planned {
        let done = dry_run || written.contains(p.file.as_str());
        let (file, row) = (
            crate::text::escape::controls(&p.file, &[]).into_owned(),
            p.row + 1,
        );
        let line = match p.action {
            Action::Create if done => ImportMsg::ImportCreate { file, row },
            Action::Update if done => ImportMsg::ImportUpdate { file, row },
            Action::Create | Action::Update => continue,
            Action::Unchanged => ImportMsg::ImportUnchanged { file, row },
            Action::Exists => ImportMsg::ImportExists { file, row },
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
        ImportMsg::ImportSummary {
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
        err.push_str(&format!("note: {}\n", ImportMsg::ImportDryRun.text(lang)));
    } else if !write {
        err.push_str(&Fatal::from(ImportMsg::ImportNothingWritten).text(lang));
    } else if errors > 0 {
        let rows = {
            let mut rows: Vec<usize> = plan.diagnostics.iter().filter_map(|d| d.at.row()).collect();
            rows.dedup();
            rows.len()
        };
        err.push_str(&format!(
            "warning: {}\n",
            ImportMsg::ImportKeptGoing { rows }.text(lang)
        ));
    }
    write_stream(&mut anstream::stderr(), &err)?;
    result?;
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

/// Writes the plan's new and changed files, each through a handle on its folder opened step
/// by step from the root without following a link (so a folder swapped for a link meanwhile
/// receives nothing outside the root), a changed file only while it still holds what the plan
/// read. Returns the files written; after the writes every folder must still be where it was,
/// else what was written through it is removed and the import fails naming it.
pub fn apply(root: &Path, plan: &Plan) -> Result<(), Fatal> {
    let (_, result) = apply_some(root, plan);
    result
}

/// [`apply`], with the files written (relative to the root) whatever the outcome.
pub fn apply_some(root: &Path, plan: &Plan) -> (Vec<String>, Result<(), Fatal>) {
    use rayon::prelude::*;
    let writes: Vec<&RowPlan> = plan
        .planned
        .iter()
        .filter(|p| matches!(p.action, Action::Create | Action::Update))
        .collect();
    let split = |file: &str| -> (String, String) {
        match file.rsplit_once('/') {
            Some((folder, name)) => (folder.to_owned(), name.to_owned()),
            None => (String::new(), file.to_owned()),
        }
    };
    let mut folders: Vec<String> = writes.iter().map(|p| split(&p.file).0).collect();
    folders.sort_unstable();
    folders.dedup();
    let mut handles: HashMap<String, Folder> = HashMap::new();
    for folder in folders {
        match Folder::open_below(root, &folder, true, &mut Vec::new()) {
            Ok(handle) => {
                handles.insert(folder, handle);
            }
            Err(blocked) => {
                let fatal = blocked.fatal(|path| ImportMsg::ImportLinkInPath { path }.into());
                return (Vec::new(), Err(fatal));
            }
        }
    }
    let results: Vec<(&str, Result<(), Fatal>)> = writes
        .par_iter()
        .map(|p| {
            let (folder, name) = split(&p.file);
            let result = match handles.get(&folder) {
                Some(handle) => {
                    let mode = match p.action {
                        Action::Update => Mode::Update(p.before.as_bytes()),
                        _ => Mode::New,
                    };
                    // Each file whole or not at all; not flushed one by one (see
                    // `write_file_durable`).
                    handle.write(Path::new(&name), &root.join(&p.file), mode, false, |out| {
                        out.write_all(p.text.as_bytes())
                    })
                }
                None => Ok(()),
            };
            (p.file.as_str(), result)
        })
        .collect();
    let mut written: Vec<String> = Vec::new();
    let mut first_error = None;
    for (file, result) in results {
        match result {
            Ok(()) => written.push(file.to_owned()),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    for (folder, handle) in &handles {
        if let Err(e) = handle.verify() {
            written.retain(|file| {
                let (at, name) = split(file);
                let inside = at == *folder;
                if inside {
                    handle.remove(Path::new(&name));
                }
                !inside
            });
            first_error.get_or_insert(e);
        }
    }
    (written, first_error.map_or(Ok(()), Err))
}
