//! Running a command: the language, the exit codes, the fatal errors, and what every
//! command shares (finding the root, writing output). Each command is in `cmd/`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::civil::Date;

use crate::cli::{Cli, Command};
use crate::cmd;
use crate::discover::{self, RootError};
use crate::i18n::{Lang, Msg};

/// A failure that stops a command before it has a result (exit 2).
#[derive(Debug)]
pub struct Fatal {
    pub message: Msg,
    pub help: Option<Msg>,
}

impl From<Msg> for Fatal {
    fn from(message: Msg) -> Self {
        Fatal {
            message,
            help: None,
        }
    }
}

pub const EXIT_OK: u8 = 0;
pub const EXIT_RECORDS: u8 = 1;
pub const EXIT_FATAL: u8 = 2;

pub fn lang(cli: &Cli) -> Lang {
    cli.lang
        .or_else(|| {
            std::env::var("HUITOUKAN_LANG")
                .ok()
                .and_then(|v| Lang::parse(&v))
        })
        .unwrap_or_default()
}

pub fn run(cli: &Cli) -> Result<ExitCode, Fatal> {
    let lang = lang(cli);
    match &cli.command {
        Command::Check(args) => cmd::check::run(args, lang),
        Command::Report(args) => cmd::report::run(args, lang),
        Command::Merge(args) => cmd::merge::run(args, lang),
        Command::Import(args) => cmd::import::run(args, lang),
        Command::Init(args) => cmd::init::init(args, lang),
        Command::New(what) => cmd::init::new(what, lang),
        Command::Diff(args) => cmd::diff::run(args, lang),
        Command::Trend(args) => cmd::trend::run(args, lang),
        Command::Schema(args) => cmd::schema::run(args, lang),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Completions(args) => cmd::shell::completions(args),
        Command::Man(args) => cmd::shell::man(args, lang),
    }
}

pub fn today() -> Date {
    jiff::Zoned::now().date()
}

pub fn find_root(path: Option<&Path>) -> Result<PathBuf, Fatal> {
    let start = path.unwrap_or(Path::new("."));
    discover::find_root(start).map_err(|e| root_error(start, e))
}

/// What a user reads when no root is found from `start`.
pub fn root_error(start: &Path, error: RootError) -> Fatal {
    match error {
        RootError::NotFound => Fatal {
            message: Msg::NoRoot {
                path: start.display().to_string(),
            },
            help: Some(Msg::NoRootHelp),
        },
        RootError::NotRegular(marker) => Fatal {
            message: Msg::CampaignNotRegular {
                path: marker.display().to_string(),
            },
            help: Some(Msg::CampaignNotRegularHelp),
        },
    }
}

/// The root above `path` (as [`find_root`]) and the part of the tree `path` names: `""` for the
/// root itself (or no `path`), else its path relative to the root, `/`-separated. A `path`
/// that does not exist is an error: `check 省值` must not quietly check the whole tree.
pub fn locate(path: Option<&Path>) -> Result<(PathBuf, String), Fatal> {
    let Some(path) = path else {
        return Ok((find_root(None)?, String::new()));
    };
    if !path.try_exists().unwrap_or(false) {
        return Err(Msg::PathMissing {
            path: path.display().to_string(),
        }
        .into());
    }
    // `..` is resolved by the names alone, so `省直/../..` cannot name a folder above the root.
    let wanted = lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
    let root = find_root(Some(&wanted))?;
    let root_abs = lexical(&std::path::absolute(&root).unwrap_or_else(|_| root.clone()));
    let scope = match wanted.strip_prefix(&root_abs) {
        Ok(rel) => discover::relative(Path::new(""), rel),
        Err(_) => String::new(),
    };
    // The root as the user wrote it, where they named the root itself without a `..`.
    let plain = !path
        .components()
        .any(|c| c == std::path::Component::ParentDir);
    let root = if scope.is_empty() && plain {
        path.to_path_buf()
    } else {
        root
    };
    Ok((root, scope))
}

/// `path` with `.` and `..` resolved by name, without asking the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Writes all of `text`; a reader that went away (`| head`) is not an error.
pub fn write_stream(stream: &mut impl Write, text: &str) -> Result<(), Fatal> {
    write_with(stream, |out| out.write_all(text.as_bytes()))
}

/// Runs `write` on a buffered `stream` and flushes it; a reader that went away (`| head`) is
/// not an error.
pub fn write_with(
    stream: &mut impl Write,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, stream);
    match write(&mut buffered).and_then(|()| buffered.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Msg::Io {
            path: "<output>".into(),
            detail: e.to_string(),
        }
        .into()),
        _ => Ok(()),
    }
}

/// Writes a new file atomically: a temporary file in the same folder, renamed into place only
/// if nothing has appeared at `path` meanwhile.
pub fn write_new_file(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    write_file(path, false, write)
}

/// Writes a file atomically, through a temporary file in the same folder that gets the
/// permissions of any new file under the user's umask. Without `replace`, it is renamed into
/// place only if nothing has appeared at `path` meanwhile; with it, it replaces what is there
/// in one step (a rename replaces a link itself, never writes through it).
pub fn write_file(
    path: &Path,
    replace: bool,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    write_file_durable(path, replace, true, write)
}

/// [`write_file`], flushing the file to the disk before it is renamed into place only where
/// `durable`. Without it the file still appears whole or not at all; a command writing
/// thousands of files (an import) leaves the flushing to the system rather than wait for
/// each file in turn.
pub fn write_file_durable(
    path: &Path,
    replace: bool,
    durable: bool,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    let io = |e: std::io::Error| {
        let detail = e.to_string();
        // tempfile names its temporary file in its errors (`… at path "…/.tmpAbC"`), a file
        // the user never sees: the output's own name is enough.
        let detail = match detail.rsplit_once(" at path \"") {
            Some((cause, _)) if e.get_ref().is_some() => cause.to_owned(),
            _ => detail,
        };
        Fatal::from(Msg::Io {
            path: path.display().to_string(),
            detail,
        })
    };
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // What `File::create` asks for; the umask takes its part away, as for any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let file = builder.tempfile_in(folder_of(path)).map_err(io)?;
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, file);
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(io)?;
    let file = buffered.into_inner().map_err(|e| io(e.into_error()))?;
    if durable {
        file.as_file().sync_all().map_err(io)?;
    }
    let persisted = if replace {
        file.persist(path).map(drop)
    } else {
        file.persist_noclobber(path).map(drop)
    };
    persisted.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Fatal {
                message: Msg::OutputExists {
                    path: path.display().to_string(),
                },
                help: Some(Msg::OutputExistsHelp),
            }
        } else {
            io(e.error)
        }
    })?;
    Ok(())
}

/// The folder a file at `path` goes into.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Whether writing at `path` would write inside the records tree at `root`: the path as it
/// resolves (through links, `..`), or, for a file not yet there, its folder as it resolves.
pub fn inside_root(root: &Path, path: &Path) -> bool {
    let Ok(root) = std::fs::canonicalize(root) else {
        return false;
    };
    let mut path = path.to_path_buf();
    // A dangling link is followed by hand (opening it would create its target), as far as the
    // system would follow it.
    for _ in 0..40 {
        if let Ok(resolved) = std::fs::canonicalize(&path) {
            return resolved.starts_with(&root);
        }
        match std::fs::read_link(&path) {
            Ok(target) => path = folder_of(&path).join(target),
            Err(_) => break,
        }
    }
    let Some(name) = path.file_name() else {
        return false;
    };
    std::fs::canonicalize(folder_of(&path)).is_ok_and(|folder| folder.join(name).starts_with(&root))
}

/// Refuses a file to be written inside the records tree (exit 2): the tree holds records only.
pub fn refuse_inside_root(root: &Path, path: &Path, what: Msg) -> Result<(), Fatal> {
    if inside_root(root, path) {
        return Err(Fatal {
            message: what,
            help: Some(Msg::InsideRootHelp {
                root: root.display().to_string(),
            }),
        });
    }
    Ok(())
}
