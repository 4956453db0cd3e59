//! Writing what a command produces: to a stream (a reader gone away is no error), or to a new
//! file written atomically, never inside the records tree and never over a file unless asked.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::load::discover::lexical;
pub use crate::text::messages::settings::{OutputKind, TreeFile};

use crate::diagnostic::outcome::Fatal;
use crate::text::i18n::Msg;
use crate::text::messages::settings::SettingsMsg;

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
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Fatal::of_write(e, "<output>")),
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
///
/// The file is written through a handle on its folder (the folder as `path` names it), and
/// the temporary file is created and renamed there, so that nothing is written elsewhere
/// whatever happens to the path meanwhile; after the write, `path`'s folder must still be the
/// folder written to.
pub fn write_file_durable(
    path: &Path,
    replace: bool,
    durable: bool,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    let folder = Folder::open_ambient(folder_of(path)).map_err(|e| io_error(path, e))?;
    let name = path
        .file_name()
        .ok_or_else(|| io_error(path, std::io::Error::from(std::io::ErrorKind::InvalidInput)))?;
    let mode = if replace { Mode::Replace } else { Mode::New };
    folder.write(Path::new(name), path, mode, durable, write)?;
    folder.verify()
}

/// An I/O error while writing `path`, naming it.
fn io_error(path: &Path, e: std::io::Error) -> Fatal {
    Fatal::of_write(e, &path.display().to_string())
}

/// How [`Folder::write`] treats a file already at the name.
#[derive(Clone, Copy, Debug)]
pub enum Mode<'a> {
    /// Refused: the file is only put in place where nothing is there.
    New,
    /// Replaced in one step (a link itself is replaced, never written through).
    Replace,
    /// Replaced only while it still holds these bytes (the text a command read and changed);
    /// a file changed meanwhile is refused, naming it.
    Update(&'a [u8]),
}

/// A folder opened as a handle, without following a link at any step below where it starts:
/// every file is created, renamed and removed through it, so a folder swapped for a link
/// while a command runs receives nothing, and nothing lands outside the tree.
pub struct Folder {
    dir: cap_std::fs::Dir,
    /// The folder's path, for messages, and how it is found again to check it.
    path: PathBuf,
    /// Where it was opened from: the folder it was reached from step by step, and the steps.
    below: Option<(PathBuf, Vec<String>)>,
    /// The folder's identity when opened (device, file number).
    id: (u64, u64),
}

/// Why a folder could not be opened without following a link.
#[derive(Debug)]
pub enum Blocked {
    /// A step is a symbolic link (or another kind of file): the path up to it.
    Link(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl Blocked {
    /// As a fatal error: a link in the way is `link`'s message.
    pub fn fatal(self, link: impl FnOnce(String) -> Msg) -> Fatal {
        match self {
            Blocked::Link(at) => Fatal::from(link(at.display().to_string())),
            Blocked::Io(at, e) => io_error(&at, e),
        }
    }
}

fn identity(dir: &cap_std::fs::Dir) -> std::io::Result<(u64, u64)> {
    use cap_fs_ext::MetadataExt;
    let meta = dir.dir_metadata()?;
    Ok((meta.dev(), meta.ino()))
}

impl Folder {
    /// The folder at `path`, opened as the system resolves it (a path the user gave).
    pub fn open_ambient(path: &Path) -> std::io::Result<Folder> {
        let dir = cap_std::fs::Dir::open_ambient_dir(path, cap_std::ambient_authority())?;
        Ok(Folder {
            id: identity(&dir)?,
            dir,
            path: path.to_path_buf(),
            below: None,
        })
    }

    /// The folder `rel` (`/`-separated, already inside) below `base`, each step opened without
    /// following a link; with `create`, a missing step is made (and its path pushed to
    /// `made`, so that it can be taken back).
    pub fn open_below(
        base: &Path,
        rel: &str,
        create: bool,
        made: &mut Vec<PathBuf>,
    ) -> Result<Folder, Blocked> {
        use cap_fs_ext::DirExt;
        let mut dir =
            cap_std::fs::Dir::open_ambient_dir(folder_of_base(base), cap_std::ambient_authority())
                .map_err(|e| Blocked::Io(base.to_path_buf(), e))?;
        let mut path = base.to_path_buf();
        let steps: Vec<String> = rel
            .split('/')
            .filter(|p| !p.is_empty() && *p != ".")
            .map(str::to_owned)
            .collect();
        for step in &steps {
            path.push(step);
            let next = match dir.open_dir_nofollow(step) {
                Err(e) if create && e.kind() == std::io::ErrorKind::NotFound => {
                    match dir.create_dir(step) {
                        Ok(()) => made.push(path.clone()),
                        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                        Err(e) => return Err(Blocked::Io(path, e)),
                    }
                    dir.open_dir_nofollow(step)
                }
                other => other,
            };
            dir = match next {
                Ok(next) => next,
                Err(e) => {
                    let linked = dir
                        .symlink_metadata(step)
                        .is_ok_and(|m| !m.is_dir() || m.file_type().is_symlink());
                    return Err(if linked {
                        Blocked::Link(path)
                    } else {
                        Blocked::Io(path, e)
                    });
                }
            };
        }
        Ok(Folder {
            id: identity(&dir).map_err(|e| Blocked::Io(path.clone(), e))?,
            dir,
            path,
            below: Some((base.to_path_buf(), steps)),
        })
    }

    /// The folder's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the file `name` of this folder atomically: a hidden temporary file made here
    /// (with the permissions of any new file under the umask), filled by `write`, flushed to
    /// the disk where `durable`, then put in place as `mode` says. `shown` names it in errors.
    pub fn write(
        &self,
        name: &Path,
        shown: &Path,
        mode: Mode<'_>,
        durable: bool,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Fatal> {
        let io = |e: std::io::Error| io_error(shown, e);
        let (file, temp) = self.temporary(name).map_err(io)?;
        let written = (|| {
            let mut buffered = std::io::BufWriter::with_capacity(1 << 16, file);
            write(&mut buffered)?;
            buffered.flush()?;
            let file = buffered.into_inner().map_err(|e| e.into_error())?;
            if durable {
                file.sync_all()?;
            }
            Ok(())
        })();
        let placed = written.map_err(io).and_then(|()| match mode {
            Mode::Replace => self.dir.rename(&temp, &self.dir, name).map_err(io),
            Mode::Update(before) => {
                // (A byte-order mark the reader dropped is no change.)
                let now = self.read_nofollow(name).ok();
                let now = now
                    .as_deref()
                    .map(|b| b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b));
                if now != Some(before) {
                    return Err(Fatal {
                        message: SettingsMsg::ImportChanged {
                            path: shown.display().to_string(),
                        }
                        .into(),
                        help: Some(SettingsMsg::ImportChangedHelp.into()),
                    });
                }
                self.dir.rename(&temp, &self.dir, name).map_err(io)
            }
            Mode::New => self.put_new(&temp, name, shown),
        });
        if placed.is_err() {
            let _ = self.dir.remove_file(&temp);
        }
        placed
    }

    /// Creates the file `name` with `bytes`, flushed to the disk; never over anything.
    pub fn create_new(&self, name: &Path, shown: &Path, bytes: &[u8]) -> Result<(), Fatal> {
        let mut options = cap_std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        let mut file = self
            .dir
            .open_with(name, &options)
            .map_err(|e| exists_or_io(shown, e))?
            .into_std();
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| io_error(shown, e))
    }

    /// Removes the file `name` of this folder (a file this command made).
    pub fn remove(&self, name: &Path) {
        let _ = self.dir.remove_file(name);
    }

    /// Removes the empty folder `name` of this folder.
    pub fn remove_folder(&self, name: &Path) {
        let _ = self.dir.remove_dir(name);
    }

    /// The bytes of the file `name`, not following a link.
    fn read_nofollow(&self, name: &Path) -> std::io::Result<Vec<u8>> {
        use cap_fs_ext::{FollowSymlinks, OpenOptionsFollowExt};
        use std::io::Read;
        let mut options = cap_std::fs::OpenOptions::new();
        options.read(true).follow(FollowSymlinks::No);
        let file = self.dir.open_with(name, &options)?;
        if !file.metadata()?.is_file() {
            return Err(std::io::Error::from(std::io::ErrorKind::InvalidInput));
        }
        let mut bytes = Vec::new();
        file.into_std().read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// A new hidden temporary file beside `name`, and its name.
    fn temporary(&self, name: &Path) -> std::io::Result<(std::fs::File, PathBuf)> {
        use std::hash::{BuildHasher, RandomState};
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let mut options = cap_std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use cap_std::fs::OpenOptionsExt;
            // What `File::create` asks for; the umask takes its part away, as for any new file.
            options.mode(0o666);
        }
        let stem = name.to_string_lossy();
        let mut last = std::io::Error::from(std::io::ErrorKind::AlreadyExists);
        for _ in 0..64 {
            let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let salt = RandomState::new().hash_one((n, std::process::id()));
            let temp = PathBuf::from(format!(".{stem}.{salt:016x}.tmp"));
            match self.dir.open_with(&temp, &options) {
                Ok(file) => return Ok((file.into_std(), temp)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = e,
                Err(e) => return Err(e),
            }
        }
        Err(last)
    }

    /// Puts `temp` in place at `name` only where nothing is there: a hard link, which fails on
    /// anything at `name`, then the temporary name removed. Where the file system has no hard
    /// links, a rename after looking.
    fn put_new(&self, temp: &Path, name: &Path, shown: &Path) -> Result<(), Fatal> {
        match self.dir.hard_link(temp, &self.dir, name) {
            Ok(()) => {
                let _ = self.dir.remove_file(temp);
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists_or_io(shown, e)),
            Err(_) => {
                if self.dir.symlink_metadata(name).is_ok() {
                    return Err(exists_or_io(
                        shown,
                        std::io::Error::from(std::io::ErrorKind::AlreadyExists),
                    ));
                }
                self.dir
                    .rename(temp, &self.dir, name)
                    .map_err(|e| io_error(shown, e))
            }
        }
    }

    /// Checks that the folder's path still leads, step by step without a link, to the folder
    /// written to: a folder swapped for a link or moved away while it was written to is an
    /// error naming it.
    pub fn verify(&self) -> Result<(), Fatal> {
        let again = match &self.below {
            Some((base, steps)) => {
                Folder::open_below(base, &steps.join("/"), false, &mut Vec::new())
                    .ok()
                    .map(|f| f.id)
            }
            None => Folder::open_ambient(&self.path).ok().map(|f| f.id),
        };
        if again == Some(self.id) {
            Ok(())
        } else {
            Err(Fatal::from(SettingsMsg::FolderMoved {
                path: self.path.display().to_string(),
            }))
        }
    }
}

/// "Exists" for a file that is already there, else the system's words.
fn exists_or_io(path: &Path, e: std::io::Error) -> Fatal {
    if e.kind() == std::io::ErrorKind::AlreadyExists {
        Fatal {
            message: SettingsMsg::OutputExists {
                path: path.display().to_string(),
            }
            .into(),
            help: Some(SettingsMsg::OutputExistsHelp.into()),
        }
    } else {
        io_error(path, e)
    }
}

/// Appends `text` to a file that CI owns (the step summary), creating it if needed: opened
/// without blocking, and refused unless it is a regular file, so a named pipe given there
/// never holds the run.
pub fn append_file(path: &Path, text: &str) -> Result<(), Fatal> {
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path).map_err(|e| io_error(path, e))?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(Msg::InputNotRegular {
            path: path.display().to_string(),
        }
        .into());
    }
    file.write_all(text.as_bytes())
        .map_err(|e| io_error(path, e))
}

/// A folder as a base to open: the current one where it is empty.
fn folder_of_base(base: &Path) -> &Path {
    if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base
    }
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
        rel: crate::load::discover::relative(Path::new(""), rel),
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
            message: SettingsMsg::OutputInTree {
                what,
                path: shown,
                reason,
            }
            .into(),
            help: Some(SettingsMsg::OutputInTreeHelp { reason }.into()),
        }),
    }
}

#[cfg(all(test, unix))]
mod tests {
    // A test that cannot go on fails: unwrapping is what a test should do.
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// A folder opened, then swapped for a link to a folder outside: what is written through
    /// the handle lands in the folder opened (moved aside), never outside, and the check after
    /// writing names the folder.
    #[test]
    fn a_folder_swapped_for_a_link_after_it_was_opened_receives_nothing_outside() {
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let folder = Folder::open_below(root.path(), "省直/items", true, &mut Vec::new()).unwrap();
        let items = root.path().join("省直/items");
        std::fs::rename(&items, root.path().join("省直/aside")).unwrap();
        std::os::unix::fs::symlink(outside.path(), &items).unwrap();
        folder
            .write(
                Path::new("1.toml"),
                &items.join("1.toml"),
                Mode::New,
                false,
                |out| out.write_all(b"title = 1\n"),
            )
            .unwrap();
        assert!(std::fs::read_dir(outside.path()).unwrap().next().is_none());
        assert!(root.path().join("省直/aside/1.toml").is_file());
        let refused = folder.verify().unwrap_err();
        assert!(matches!(
            refused.message,
            Msg::Settings(SettingsMsg::FolderMoved { .. })
        ));
        // Opened again, the link is refused, not followed.
        let blocked = Folder::open_below(root.path(), "省直/items", true, &mut Vec::new());
        assert!(matches!(blocked, Err(Blocked::Link(_))));
    }

    /// An update is put in place only over the text it was made from.
    #[test]
    fn an_update_replaces_only_the_text_it_read() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("a.toml"), "\u{feff}x = 1\n").unwrap();
        let folder = Folder::open_below(root.path(), "", false, &mut Vec::new()).unwrap();
        let shown = root.path().join("a.toml");
        let write = |before: &[u8]| {
            folder.write(
                Path::new("a.toml"),
                &shown,
                Mode::Update(before),
                false,
                |out| out.write_all(b"x = 2\n"),
            )
        };
        let refused = write(b"x = 0\n").unwrap_err();
        assert!(matches!(
            refused.message,
            Msg::Settings(SettingsMsg::ImportChanged { .. })
        ));
        // (The byte-order mark the reader dropped is no change.)
        write(b"x = 1\n").unwrap();
        assert_eq!(std::fs::read_to_string(&shown).unwrap(), "x = 2\n");
        let names: Vec<_> = std::fs::read_dir(root.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left");
    }
}
