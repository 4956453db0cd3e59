//! Reading one record file: size limit, encoding, TOML with spans.
//!
//! A file's bytes are read at most once, and never more than the limit allows.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use toml::de::DeTable;

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::source::FileId;

/// The largest record file read: a records tree holds small files.
pub const MAX_FILE_SIZE: u64 = 1024 * 1024;

/// Reads and decodes a file; a problem with it is a diagnostic, and the text is then empty.
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
    let handle = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    handle
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    // `read_to_end` may still have grown the buffer past the file's size.
    bytes.shrink_to_fit();
    if bytes.len() as u64 > MAX_FILE_SIZE {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(
            Diagnostic::whole_file(Code::TooLarge, file, Msg::TooLarge { size })
                .with_help(Msg::TooLargeHelp),
        );
    }
    decode(bytes, file)
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
    // The places already reported, so that a file of errors costs one lookup per error.
    let mut places = HashSet::new();
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        if !places.insert(span.start) {
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
