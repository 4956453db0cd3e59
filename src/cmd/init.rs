//! `huitoukan init` and `huitoukan new`: commented templates that pass `check` as written.
//!
//! Nothing is ever overwritten, and nothing is written through a link: every file is created
//! with `create_new`, after checking that none of them exists and that no step of its path is a
//! symbolic link, so a refusal leaves the folder as it was; a write that fails takes back what
//! was written before it.

use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use jiff::ToSpan;

use crate::cli::{InitArgs, NewCommand};
use crate::diagnostic::outcome::{EXIT_OK, Fatal};
use crate::format::RecordKind;
use crate::load::discover::{self, CAMPAIGN_FILE, Lookup, RootError, UNIT_FILE};
use crate::model::json_schema;
use crate::model::records::campaign_schema;
use crate::model::schema::Schema;
use crate::model::template;
use crate::settings::Common;
use crate::settings::output::{Folder, write_stream};
use crate::settings::root::root_error;
use crate::text::i18n::Msg;
use crate::text::messages::commands::CommandMsg;
use crate::text::messages::settings::SettingsMsg;

/// The unit `init` writes as an example.
const EXAMPLE_UNIT: &str = "示例单位";

pub fn init(args: &InitArgs, common: &Common) -> Result<ExitCode, Fatal> {
    let Common { lang, today } = *common;
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if dir.join(CAMPAIGN_FILE).exists() {
        return Err(CommandMsg::AlreadyTree {
            path: dir.display().to_string(),
        }
        .into());
    }
    match discover::find_root(&dir) {
        Ok(root) => {
            return Err(CommandMsg::InsideTree {
                root: root.display().to_string(),
            }
            .into());
        }
        Err(e @ RootError::NotRegular(_)) => return Err(root_error(&dir, e)),
        Err(RootError::NotFound) => {}
    }
    let deadline = today.checked_add(3.months()).unwrap_or(today);
    let item_deadline = today.checked_add(2.months()).unwrap_or(today);
    let schema = Schema::builtin().clone();
    let mut files = vec![
        (
            CAMPAIGN_FILE.to_owned(),
            template::campaign("整改落实情况回头看", deadline),
        ),
        ("taplo.toml".to_owned(), template::taplo()),
        (
            format!("{EXAMPLE_UNIT}/{UNIT_FILE}"),
            template::unit(EXAMPLE_UNIT, EXAMPLE_UNIT),
        ),
        (
            format!("{EXAMPLE_UNIT}/items/001.toml"),
            template::item(
                &format!("{EXAMPLE_UNIT}/items"),
                &schema,
                item_deadline,
                template::Filled::Example,
            ),
        ),
    ];
    for kind in RecordKind::ALL {
        files.push((template::schema_file(kind), json_schema::json_schema(kind)));
    }
    create_all(&dir, &files)?;
    let files: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|(rel, text)| (dir.join(rel), text))
        .collect();
    let mut text: String = files
        .iter()
        .map(|(path, _)| {
            CommandMsg::Created {
                path: path.display().to_string(),
            }
            .text(lang)
                + "\n"
        })
        .collect();
    text.push_str(
        &CommandMsg::TreeStarted {
            path: dir.display().to_string(),
        }
        .text(lang),
    );
    text.push('\n');
    write_stream(&mut std::io::stdout(), &text)?;
    Ok(ExitCode::from(EXIT_OK))
}

pub fn new(what: &NewCommand, common: &Common) -> Result<ExitCode, Fatal> {
    let Common { lang, today } = *common;
    let (root, rel_file, path, text) = match what {
        NewCommand::Unit { path } => {
            let (root, rel) = inside_tree(path)?;
            if rel.is_empty() {
                return Err(CommandMsg::OutsideTree {
                    path: path.display().to_string(),
                }
                .into());
            }
            let name = rel.rsplit('/').next().unwrap_or(&rel).to_owned();
            let text = template::unit(&rel, &name);
            (
                root,
                format!("{rel}/{UNIT_FILE}"),
                path.join(UNIT_FILE),
                text,
            )
        }
        NewCommand::Item { unit_dir, name } => {
            let (root, rel) = inside_tree(unit_dir)?;
            match discover::look_up(&shown(&root), &join_rel(&rel, UNIT_FILE)) {
                Lookup::Found(_, meta) if meta.is_file() => {}
                Lookup::Link(link) => {
                    return Err(CommandMsg::LinkInPath {
                        path: link.display().to_string(),
                    }
                    .into());
                }
                _ => {
                    return Err(Fatal {
                        message: CommandMsg::NotAUnit {
                            path: unit_dir.display().to_string(),
                        }
                        .into(),
                        help: Some(CommandMsg::NotAUnitHelp.into()),
                    });
                }
            }
            let items = unit_dir.join("items");
            let dir = join_rel(&rel, "items");
            let name = match name {
                Some(name) => checked_name(name)?,
                // Listed only where it is a folder of the tree, not a link out of it.
                None => match discover::look_up(&root, &dir) {
                    Lookup::Found(folder, meta) if meta.is_dir() => next_number(Some(&folder)),
                    _ => next_number(None),
                },
            };
            let deadline = today.checked_add(2.months()).unwrap_or(today);
            let text = template::item(
                &dir,
                &campaign_schema(&root),
                deadline,
                template::Filled::Blank,
            );
            let file = format!("{name}.toml");
            (root, join_rel(&dir, &file), items.join(file), text)
        }
    };
    create_all(&shown(&root), &[(rel_file, text)])?;
    write_stream(
        &mut std::io::stdout(),
        &(CommandMsg::Created {
            path: path.display().to_string(),
        }
        .text(lang)
            + "\n"),
    )?;
    Ok(ExitCode::from(EXIT_OK))
}

/// The root of the tree holding `path`, and `path` relative to it; refused when `path` leaves
/// the tree or passes through a hidden folder.
fn inside_tree(path: &Path) -> Result<(PathBuf, String), Fatal> {
    let outside = || {
        Fatal::from(CommandMsg::OutsideTree {
            path: path.display().to_string(),
        })
    };
    let absolute = std::path::absolute(path).map_err(|_| outside())?;
    if absolute.components().any(|c| c == Component::ParentDir) {
        return Err(outside());
    }
    // The nearest root above the path as written, whether or not its folders exist yet.
    let existing = absolute
        .ancestors()
        .find(|dir| dir.is_dir())
        .unwrap_or(&absolute);
    let root = discover::find_root(existing).map_err(|e| root_error(path, e))?;
    let root = std::path::absolute(&root).map_err(|_| outside())?;
    // A tree reached through a link inside another tree is a link of that tree, which `check`
    // skips: nothing is written through it.
    if let Some(parent) = root.parent()
        && let Ok(outer) = discover::find_root(parent)
        && let Ok(outer) = std::path::absolute(&outer)
        && let Lookup::Link(link) = discover::look_up(&outer, &discover::relative(&outer, &root))
    {
        return Err(CommandMsg::LinkInPath {
            path: link.display().to_string(),
        }
        .into());
    }
    // Below the root, every name must be spelt as it is, for the steps to be looked at.
    if !absolute
        .strip_prefix(&root)
        .is_ok_and(|below| below.to_str().is_some())
    {
        return Err(outside());
    }
    let rel = discover::relative(&root, &absolute);
    if rel
        .split('/')
        .any(|part| part.starts_with('.') || part == "target")
    {
        return Err(outside());
    }
    Ok((root, rel))
}

/// An item's file name as the user gave it, without `.toml`.
fn checked_name(name: &str) -> Result<String, Fatal> {
    let name = name.strip_suffix(".toml").unwrap_or(name);
    if name.trim().is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return Err(CommandMsg::BadName {
            name: name.to_owned(),
        }
        .into());
    }
    Ok(name.to_owned())
}

/// One more than the largest numbered item (`001`, `002`, …), at least three digits; where
/// that would overflow (an item named `18446744073709551615.toml`), the smallest free number.
fn next_number(items: Option<&Path>) -> String {
    let taken: std::collections::BTreeSet<u64> = items
        .and_then(|items| std::fs::read_dir(items).ok())
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let name = entry.ok()?.file_name();
            let stem = name.to_str()?.strip_suffix(".toml")?.to_owned();
            stem.parse::<u64>().ok()
        })
        .collect();
    let next = match taken.last() {
        None => 1,
        Some(&largest) => largest
            .checked_add(1)
            .unwrap_or_else(|| (1..).find(|n| !taken.contains(n)).unwrap_or(1)),
    };
    format!("{next:03}")
}

/// The root as messages show it: relative to the current folder where it can be (empty at
/// the root itself), so that paths read as the user would type them.
fn shown(root: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| pathdiff::diff_paths(root, cwd))
        .unwrap_or_else(|| root.to_path_buf())
}

/// `dir/name`, where `dir` may be the root itself (empty).
fn join_rel(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}/{name}")
    }
}

/// Creates every file (`/`-separated paths relative to `base`), or none: every target is
/// checked first (none exists, no step of its path is a link, so nothing is written outside
/// `base`), then each is created with `create_new`; if one cannot be written, the files and
/// folders made so far are removed again.
fn create_all(base: &Path, files: &[(String, String)]) -> Result<(), Fatal> {
    for (rel, _) in files {
        match discover::look_up(base, rel) {
            Lookup::Found(path, _) => {
                return Err(CommandMsg::FileExists {
                    path: path.display().to_string(),
                }
                .into());
            }
            Lookup::Link(path) => {
                return Err(CommandMsg::LinkInPath {
                    path: path.display().to_string(),
                }
                .into());
            }
            Lookup::Missing(_) => {}
        }
    }
    let mut made = Made::default();
    if let Err(e) = made.folders_to(base) {
        made.undo();
        return Err(e);
    }
    for (rel, text) in files {
        if let Err(e) = made.create(base, rel, text) {
            made.undo();
            return Err(e);
        }
    }
    Ok(())
}

/// What [`create_all`] has made so far, in order, so that it can be taken back: the folders
/// by path, each file through the handle of the folder it was made in.
#[derive(Default)]
struct Made {
    folders: Vec<PathBuf>,
    files: Vec<(std::sync::Arc<Folder>, PathBuf)>,
}

impl Made {
    /// Makes `folder` and whichever of its parents are missing.
    fn folders_to(&mut self, folder: &Path) -> Result<(), Fatal> {
        let missing: Vec<&Path> = folder
            .ancestors()
            .filter(|p| !p.as_os_str().is_empty())
            .take_while(|p| std::fs::symlink_metadata(p).is_err())
            .collect();
        for folder in missing.into_iter().rev() {
            match std::fs::create_dir(folder) {
                Ok(()) => self.folders.push(folder.to_path_buf()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => {
                    return Err(Fatal::from(Msg::Io {
                        path: folder.display().to_string(),
                        detail: e.to_string(),
                    }));
                }
            }
        }
        Ok(())
    }

    /// Creates `base/rel` through a handle on its folder, each folder below `base` opened (or
    /// made) without following a link, and checks afterwards that the folder is still there.
    fn create(&mut self, base: &Path, rel: &str, text: &str) -> Result<(), Fatal> {
        let target = base.join(rel);
        let (folder, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        let folder = Folder::open_below(base, folder, true, &mut self.folders)
            .map_err(|b| b.fatal(|path| CommandMsg::LinkInPath { path }.into()))?;
        let folder = std::sync::Arc::new(folder);
        folder
            .create_new(Path::new(name), &target, text.as_bytes())
            .map_err(|e| match e.message {
                Msg::Settings(SettingsMsg::OutputExists { .. }) => {
                    Fatal::from(CommandMsg::FileExists {
                        path: target.display().to_string(),
                    })
                }
                _ => e,
            })?;
        self.files.push((folder.clone(), PathBuf::from(name)));
        folder.verify()
    }

    /// Removes what was made, files first, then the folders from the deepest; a folder that
    /// someone else has put a file in meanwhile stays.
    fn undo(self) {
        for (folder, name) in self.files.iter().rev() {
            folder.remove(name);
        }
        for folder in self.folders.iter().rev() {
            let _ = std::fs::remove_dir(folder);
        }
    }
}
