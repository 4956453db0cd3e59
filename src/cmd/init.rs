//! `huitoukan init` and `huitoukan new`: commented templates that pass `check` as written.
//!
//! Nothing is ever overwritten: every file is created with `create_new`, after checking that
//! none of them exists, so a refusal leaves the folder as it was.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use jiff::ToSpan;

use crate::app::{EXIT_OK, Fatal, today, write_stream};
use crate::cli::{InitArgs, NewCommand};
use crate::discover::{self, CAMPAIGN_FILE, UNIT_FILE};
use crate::i18n::{Lang, Msg};
use crate::model::doc::{self, Kind};
use crate::records::campaign_schema;
use crate::schema::Schema;
use crate::template;

/// The unit `init` writes as an example.
const EXAMPLE_UNIT: &str = "示例单位";

pub fn init(args: &InitArgs, lang: Lang) -> Result<ExitCode, Fatal> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if dir.join(CAMPAIGN_FILE).exists() {
        return Err(Msg::AlreadyTree {
            path: dir.display().to_string(),
        }
        .into());
    }
    if let Some(root) = discover::find_root(&dir) {
        return Err(Msg::InsideTree {
            root: root.display().to_string(),
        }
        .into());
    }
    let today = today();
    let deadline = today.checked_add(3.months()).unwrap_or(today);
    let item_deadline = today.checked_add(2.months()).unwrap_or(today);
    let schema = Schema::builtin().unwrap_or_default();
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
            template::item(&format!("{EXAMPLE_UNIT}/items"), &schema, item_deadline),
        ),
    ];
    for kind in Kind::ALL {
        files.push((template::schema_file(kind), doc::json_schema(kind)));
    }
    let files: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|(rel, text)| (dir.join(rel), text))
        .collect();
    create_all(&files)?;
    let mut text: String = files
        .iter()
        .map(|(path, _)| {
            Msg::Created {
                path: path.display().to_string(),
            }
            .text(lang)
                + "\n"
        })
        .collect();
    text.push_str(
        &Msg::TreeStarted {
            path: dir.display().to_string(),
        }
        .text(lang),
    );
    text.push('\n');
    write_stream(&mut std::io::stdout(), &text)?;
    Ok(ExitCode::from(EXIT_OK))
}

pub fn new(what: &NewCommand, lang: Lang) -> Result<ExitCode, Fatal> {
    let (path, text) = match what {
        NewCommand::Unit { path } => {
            let (_, rel) = inside_tree(path)?;
            if rel.is_empty() {
                return Err(Msg::OutsideTree {
                    path: path.display().to_string(),
                }
                .into());
            }
            let name = rel.rsplit('/').next().unwrap_or(&rel).to_owned();
            (path.join(UNIT_FILE), template::unit(&rel, &name))
        }
        NewCommand::Item { unit_dir, name } => {
            let (root, rel) = inside_tree(unit_dir)?;
            if !unit_dir.join(UNIT_FILE).is_file() {
                return Err(Fatal {
                    message: Msg::NotAUnit {
                        path: unit_dir.display().to_string(),
                    },
                    help: Some(Msg::NotAUnitHelp),
                });
            }
            let items = unit_dir.join("items");
            let name = match name {
                Some(name) => checked_name(name)?,
                None => next_number(&items),
            };
            let today = today();
            let deadline = today.checked_add(2.months()).unwrap_or(today);
            let dir = if rel.is_empty() {
                "items".to_owned()
            } else {
                format!("{rel}/items")
            };
            (
                items.join(format!("{name}.toml")),
                template::item(&dir, &campaign_schema(&root), deadline),
            )
        }
    };
    create_all(&[(path.clone(), text)])?;
    write_stream(
        &mut std::io::stdout(),
        &(Msg::Created {
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
        Fatal::from(Msg::OutsideTree {
            path: path.display().to_string(),
        })
    };
    let absolute = std::path::absolute(path).map_err(|_| outside())?;
    if absolute.components().any(|c| c == Component::ParentDir) {
        return Err(outside());
    }
    let root = absolute
        .ancestors()
        .find(|dir| dir.join(CAMPAIGN_FILE).is_file())
        .ok_or_else(|| Fatal {
            message: Msg::NoRoot {
                path: path.display().to_string(),
            },
            help: Some(Msg::NoRootHelp),
        })?
        .to_path_buf();
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
        return Err(Msg::BadName {
            name: name.to_owned(),
        }
        .into());
    }
    Ok(name.to_owned())
}

/// One more than the largest numbered item (`001`, `002`, …), at least three digits.
fn next_number(items: &Path) -> String {
    let largest = std::fs::read_dir(items)
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let name = entry.ok()?.file_name();
            let stem = name.to_str()?.strip_suffix(".toml")?.to_owned();
            stem.parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0);
    format!("{:03}", largest.saturating_add(1))
}

/// Creates every file, or none: all are checked first, and each is created only if it does
/// not exist.
fn create_all(files: &[(PathBuf, String)]) -> Result<(), Fatal> {
    if let Some((path, _)) = files
        .iter()
        .find(|(path, _)| std::fs::symlink_metadata(path).is_ok())
    {
        return Err(Msg::FileExists {
            path: path.display().to_string(),
        }
        .into());
    }
    for (path, text) in files {
        let io = |e: std::io::Error| {
            Fatal::from(Msg::Io {
                path: path.display().to_string(),
                detail: e.to_string(),
            })
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    Fatal::from(Msg::FileExists {
                        path: path.display().to_string(),
                    })
                } else {
                    io(e)
                }
            })?;
        file.write_all(text.as_bytes()).map_err(io)?;
    }
    Ok(())
}
