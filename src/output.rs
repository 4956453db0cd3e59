//! Writing what a command produces: to a stream (a reader gone away is no error), or to a new
//! file written atomically, never inside the records tree and never over a file unless asked.

use std::io::Write;
use std::path::Path;

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
