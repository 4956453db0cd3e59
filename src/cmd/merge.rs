//! `huitoukan merge`: stored reports added up into one version-1 report (SPEC §13); and the
//! reading of stored reports that `report --from` shares.

use crate::text::messages::stored::StoredMsg;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;

use crate::diagnostic::outcome::{EXIT_OK, Fatal};
use crate::render;
use crate::rollup::Report;
use crate::rollup::merge::{self, Input};
use crate::rollup::stored;
use crate::settings::Merge;
use crate::settings::output::{write_file, write_with};

pub fn run(settings: &Merge) -> Result<ExitCode, Fatal> {
    let inputs = read_all(&settings.inputs)?;
    let mut merged = merge::merge(inputs, settings.name.as_deref(), settings.allow_mixed_dates)
        .map_err(refused)?;
    let write = |out: &mut dyn std::io::Write| render::json::write_report(out, &mut merged);
    match &settings.output {
        Some(path) => write_file(path, settings.force, write)?,
        None => write_with(&mut std::io::stdout().lock(), write)?,
    }
    // The process ends here: freeing the merged report row by row would only delay it.
    std::mem::forget(merged);
    Ok(ExitCode::from(EXIT_OK))
}

/// Reads and checks every stored report, two at a time; the first that fails, in the order
/// given, stops the command.
pub fn read_all(paths: &[PathBuf]) -> Result<Vec<Input>, Fatal> {
    paths
        .par_iter()
        .map(|path| {
            let report = stored::read(path).map_err(|e| {
                let help = matches!(e, stored::StoredError::PublicNames(_))
                    .then_some(StoredMsg::StoredPublicNamesHelp.into());
                Fatal {
                    message: e.message(path),
                    help,
                }
            })?;
            Ok(Input {
                file: path.display().to_string(),
                report,
            })
        })
        .collect::<Vec<Result<Input, Fatal>>>()
        .into_iter()
        .collect()
}

/// The report `report --from` renders: the one stored report, or the merge of several.
pub fn from(paths: &[PathBuf]) -> Result<Report<'static>, Fatal> {
    let mut inputs = read_all(paths)?;
    if inputs.len() == 1
        && let Some(input) = inputs.pop()
    {
        return Ok(input.report);
    }
    merge::merge(inputs, None, false).map_err(refused)
}

/// Why reports cannot be merged, as a fatal error.
fn refused((message, help): (crate::text::i18n::Msg, Option<crate::text::i18n::Msg>)) -> Fatal {
    Fatal { message, help }
}
