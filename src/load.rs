//! Reading one record file: size limit, encoding, TOML with spans.
//!
//! A file's bytes are read at most once, and never more than the limit allows.

use std::io::Read;
use std::path::Path;

use toml::de::DeTable;

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::source::FileId;

/// The largest record file read: a records tree holds small files.
pub const MAX_FILE_SIZE: u64 = 1024 * 1024;

/// Reads and decodes a file; a problem with it is a diagnostic, and the text is then empty.
///
/// Only a regular file is read. The file is opened without following a symbolic link and
/// without blocking (a named pipe put in its place after the walk has no writer to wait for),
/// and the opened handle must be a regular file before a byte is read.
pub fn read_text(path: &Path, file: FileId) -> Result<String, Diagnostic> {
    let unreadable = |e: std::io::Error| {
        Diagnostic::whole_file(
            Code::Unreadable,
            file,
            Msg::Unreadable {
                detail: e.to_string(),
            },
        )
    };
    let not_regular = || {
        Diagnostic::whole_file(Code::Unreadable, file, Msg::NotRegularFile)
            .with_help(Msg::NotRegularFileHelp)
    };
    let handle = open_regular(path).map_err(|e| {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link {
            not_regular()
        } else {
            unreadable(e)
        }
    })?;
    let meta = handle.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::new();
    handle
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    // `read_to_end` may still have grown the buffer past the file's size.
    bytes.shrink_to_fit();
    if bytes.len() as u64 > MAX_FILE_SIZE {
        let size = meta.len().max(bytes.len() as u64);
        return Err(
            Diagnostic::whole_file(Code::TooLarge, file, Msg::TooLarge { size })
                .with_help(Msg::TooLargeHelp),
        );
    }
    decode(bytes, file)
}

/// Opens `path` for reading: on Unix without following a final symbolic link and without
/// blocking; elsewhere plainly (the caller checks the handle's metadata in both cases).
fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// UTF-8, with or without a byte-order mark; anything else is named as well as can be.
pub fn decode(mut bytes: Vec<u8>, file: FileId) -> Result<String, Diagnostic> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let bytes = e.as_bytes();
            let help = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
                Msg::LooksLikeUtf16
            } else if encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .is_some()
            {
                Msg::LooksLikeGbk
            } else {
                Msg::SaveAsUtf8
            };
            Err(Diagnostic::whole_file(Code::NotUtf8, file, Msg::NotUtf8).with_help(help))
        }
    }
}

/// Parses TOML, keeping spans; syntax errors become diagnostics (one per place).
pub fn parse(text: &str, file: FileId) -> (DeTable<'_>, Vec<Diagnostic>) {
    let (table, errors) = DeTable::parse_recoverable(text);
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        if diagnostics
            .iter()
            .any(|d| d.span.as_ref().is_some_and(|s| s.start == span.start))
        {
            continue;
        }
        let detail = error.message().trim().to_owned();
        let (code, message) = if detail.starts_with("invalid date") {
            (Code::InvalidDate, Msg::InvalidDate { detail })
        } else {
            (Code::Syntax, Msg::Syntax { detail })
        };
        diagnostics.push(Diagnostic::at(code, file, span, message));
    }
    (table.into_inner(), diagnostics)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A named pipe in place of a record (as if swapped in after the walk): opened without
    /// blocking, found not to be a regular file, never read. Without a writer, a blocking open
    /// would never return.
    #[test]
    fn a_fifo_is_e025_at_once_and_never_read() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let fifo = dir.path().join("管道.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if !made {
            eprintln!("skipped: `mkfifo` failed");
            return;
        }
        let (done, wait) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(read_text(&fifo, FileId(0)));
        });
        let result = wait
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("read_text returns at once on a FIFO without a writer");
        let d = result.expect_err("a FIFO is no record");
        assert_eq!(
            (d.code, d.span, d.message),
            (Code::Unreadable, None, Msg::NotRegularFile)
        );
    }

    #[test]
    fn a_link_is_e025_and_its_target_never_read() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let target = dir.path().join("secret.txt");
        std::fs::write(&target, "password = \"hunter2\"\n").expect("write");
        let link = dir.path().join("huitoukan.toml");
        std::os::unix::fs::symlink(&target, &link).expect("a link");
        let d = read_text(&link, FileId(0)).expect_err("a link is not read");
        assert_eq!((d.code, d.message), (Code::Unreadable, Msg::NotRegularFile));
    }
}
