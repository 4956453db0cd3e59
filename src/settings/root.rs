//! Where a command works: the records root found from a path, the part of the tree a path
//! names, and the day it judges by.

use std::path::{Path, PathBuf};

use crate::diagnostic::outcome::Fatal;
use crate::load::discover::{self, RootError, lexical};
use crate::text::messages::settings::SettingsMsg;

pub use crate::rules::today;

pub fn find_root(path: Option<&Path>) -> Result<PathBuf, Fatal> {
    let start = path.unwrap_or(Path::new("."));
    if path.is_some() && !start.try_exists().unwrap_or(false) {
        return Err(SettingsMsg::PathMissing {
            path: start.display().to_string(),
        }
        .into());
    }
    discover::find_root(start).map_err(|e| root_error(start, e))
}

/// What a user reads when no root is found from `start`.
pub fn root_error(start: &Path, error: RootError) -> Fatal {
    match error {
        RootError::NotFound => Fatal {
            message: SettingsMsg::NoRoot {
                path: start.display().to_string(),
            }
            .into(),
            help: Some(SettingsMsg::NoRootHelp.into()),
        },
        RootError::NotRegular(marker) => Fatal {
            message: SettingsMsg::CampaignNotRegular {
                path: marker.display().to_string(),
            }
            .into(),
            help: Some(SettingsMsg::CampaignNotRegularHelp.into()),
        },
    }
}

/// The root above `path` (as [`find_root`]) and the part of the tree `path` names: `""` for the
/// root itself, else its path relative to the root, `/`-separated. No `path` is the current
/// folder, as `.` is; `--root DIR` (`root`) names the tree that holds DIR, as a whole. A `path`
/// that does not exist is an error: `check 省值` must not quietly check the whole tree.
pub fn locate(path: Option<&Path>, root: Option<&Path>) -> Result<(PathBuf, String), Fatal> {
    if let Some(dir) = root {
        return Ok((find_root(Some(dir))?, String::new()));
    }
    let path = path.unwrap_or(Path::new("."));
    if !path.try_exists().unwrap_or(false) {
        return Err(SettingsMsg::PathMissing {
            path: path.display().to_string(),
        }
        .into());
    }
    // `..` is resolved by the names alone, so `省直/../..` cannot name a folder above the root.
    let wanted = lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
    let plain = !path
        .components()
        .any(|c| c == std::path::Component::ParentDir);
    // Found from the path as written where it has no `..`, so that messages name it so.
    let root = find_root(Some(if plain { path } else { &wanted }))?;
    let root_abs = lexical(&std::path::absolute(&root).unwrap_or_else(|_| root.clone()));
    let scope = match wanted.strip_prefix(&root_abs) {
        Ok(rel) => discover::relative(Path::new(""), rel),
        Err(_) => String::new(),
    };
    // The root as the user wrote it, where they named the root itself without a `..`.
    let root = if scope.is_empty() && plain {
        path.to_path_buf()
    } else {
        root
    };
    Ok((root, scope))
}
