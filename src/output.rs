//! Writing what a command produces: to a stream (a reader gone away is no error), or to a new
//! file written atomically, never inside the records tree and never over a file unless asked.

use std::io::Write;
use std::path::Path;

pub use crate::i18n::{OutputKind, TreeFile};
use crate::root::lexical;

use crate::i18n::Msg;
use crate::outcome::Fatal;

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

/// Where a file written at `path` lands in the records tree at `root`: `None` outside it, else
/// its path below the root, `/`-separated, and whether a link led there (a folder of the path
/// that is a link, or a path outside the tree that resolves into it). The path is resolved as
/// the system would resolve it (through links, `..`), or, for a file not yet there, its folder.
pub fn in_tree(root: &Path, path: &Path) -> Option<InTree> {
    let given = root;
    let root = std::fs::canonicalize(root).ok()?;
    let mut at = path.to_path_buf();
    let mut through_link = false;
    // A dangling link is followed by hand (opening it would create its target), as far as the
    // system would follow it.
    let mut resolved = None;
    for _ in 0..40 {
        if let Ok(r) = std::fs::canonicalize(&at) {
            resolved = Some(r);
            break;
        }
        match std::fs::read_link(&at) {
            Ok(target) => {
                through_link = true;
                at = folder_of(&at).join(target);
            }
            Err(_) => break,
        }
    }
    let resolved = match resolved {
        Some(r) => r,
        None => {
            let name = at.file_name()?;
            std::fs::canonicalize(folder_of(&at)).ok()?.join(name)
        }
    };
    let rel = resolved.strip_prefix(&root).ok()?;
    // The path as written, with `..` taken by name: a link on the way is any difference
    // between where the words lead and where the system leads.
    let written = std::path::absolute(path).ok().map(|p| lexical(&p));
    let root_written = std::path::absolute(given).ok().map(|p| lexical(&p));
    through_link |= match (written, root_written) {
        (Some(w), Some(r)) => !w.strip_prefix(&r).is_ok_and(|w| w == rel),
        _ => true,
    };
    Some(InTree {
        rel: crate::discover::relative(Path::new(""), rel),
        through_link,
    })
}

/// A file to be written that lands in the records tree ([`in_tree`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InTree {
    /// Below the root, `/`-separated.
    pub rel: String,
    /// A link led there.
    pub through_link: bool,
}

/// A report may be written inside the records tree (CI publishes it in the checkout, which is
/// the root), but never as a file the tree reads — a record (`.toml`), anything hidden (`.git`,
/// an editor's files) — nor through a link (SPEC §8). `reads` says whether the tree reads the
/// file at a path below the root (a unit's self-check report). `what` names the file in the
/// refusal: `--output`, or `GITHUB_STEP_SUMMARY`.
pub fn refuse_in_tree(
    root: &Path,
    path: &Path,
    what: OutputKind,
    reads: impl Fn(&str) -> bool,
) -> Result<(), Fatal> {
    let Some(inside) = in_tree(root, path) else {
        return Ok(());
    };
    let shown = path.display().to_string();
    let reason = if inside.through_link {
        Some(TreeFile::ThroughLink)
    } else if inside
        .rel
        .split('/')
        .any(|part| part.starts_with('.') && part != "." && part != "..")
    {
        Some(TreeFile::Hidden)
    } else if inside.rel.rsplit('/').next().is_some_and(|name| {
        Path::new(name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    }) {
        Some(TreeFile::Record)
    } else if reads(&inside.rel) {
        Some(TreeFile::SelfCheckReport)
    } else {
        None
    };
    match reason {
        None => Ok(()),
        Some(reason) => Err(Fatal {
            message: Msg::OutputInTree {
                what,
                path: shown,
                reason,
            },
            help: Some(Msg::OutputInTreeHelp { reason }),
        }),
    }
}
