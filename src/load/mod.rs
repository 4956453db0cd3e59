//! Reading one record file: size limit, encoding, TOML with spans.
//!
//! A file's bytes are read at most once, and never more than the limit allows.

pub mod date;
pub mod discover;
pub mod origin;
pub mod source;

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use toml::de::DeTable;

use crate::diagnostic::{Code, Diagnostic};
use crate::load::source::FileId;
use crate::text::i18n::Msg;
use crate::text::messages::fields::FieldMsg;
use crate::text::messages::files::FileMsg;

/// The largest record file read: a records tree holds small files.
pub const MAX_FILE_SIZE: u64 = 1024 * 1024;

/// Reads and decodes a file; a problem with it is a diagnostic, and the text is then empty.
///
/// Only a regular file is read. The file is opened without following a symbolic link and
/// without blocking (a named pipe put in its place after the walk has no writer to wait for),
/// and the opened handle must be a regular file before a byte is read.
pub fn read_text(path: &Path, file: FileId) -> Result<String, Diagnostic> {
    read_text_with(path, file, &mut Vec::new())
}

/// [`read_text`] through `buffer`, which is kept from file to file (one for each thread of
/// the loader): the bytes are read into it, and the text gets one allocation of its own size.
pub fn read_text_with(
    path: &Path,
    file: FileId,
    buffer: &mut Vec<u8>,
) -> Result<String, Diagnostic> {
    let unreadable = |e: std::io::Error| {
        Diagnostic::whole_file(
            Code::Unreadable,
            file,
            FileMsg::Unreadable {
                detail: e.to_string(),
            },
        )
    };
    let not_regular = || {
        Diagnostic::whole_file(Code::Unreadable, file, FileMsg::NotRegularFile)
            .with_help(FileMsg::NotRegularFileHelp)
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
    buffer.clear();
    handle
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(buffer)
        .map_err(unreadable)?;
    if buffer.len() as u64 > MAX_FILE_SIZE {
        let size = meta.len().max(buffer.len() as u64);
        return Err(
            Diagnostic::whole_file(Code::TooLarge, file, FileMsg::TooLarge { size })
                .with_help(FileMsg::TooLargeHelp),
        );
    }
    let bytes = buffer.strip_prefix(BOM).unwrap_or(buffer);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => Err(not_utf8(bytes, file)),
    }
}

/// The UTF-8 byte-order mark, which a record may start with.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Opens `path` for reading: on Unix without following a final symbolic link and without
/// blocking; elsewhere plainly (the caller checks the handle's metadata in both cases).
fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    open_input(path, false)
}

/// Opens `path` for reading without blocking (on Unix, `O_NONBLOCK`: a named pipe with no
/// writer, a terminal, a device never hold the open), following a final link only where
/// `follow` (a file the user names may be a link; a record never is). On Windows, where no
/// path to a regular file opens as a pipe, plainly. The caller checks the handle's metadata.
fn open_input(path: &Path, follow: bool) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | nofollow);
    }
    #[cfg(not(unix))]
    let _ = follow;
    options.open(path)
}

/// Why a file a command was given could not be read within its limit.
#[derive(Debug)]
pub enum InputError {
    Io(std::io::Error),
    /// A named pipe, a device, a folder: never read.
    NotRegular,
    /// Larger than the limit: its size (from its metadata, before a byte is read; or what was
    /// read, where it grew meanwhile).
    TooLarge(u64),
}

/// The bytes of a file a command is given (a spreadsheet, a mapping, a stored report): opened
/// without blocking, a regular file on the handle, no larger than `limit` by its metadata before
/// a byte is read, and never more than `limit` + 1 bytes read (a file that grows meanwhile is
/// cut there, and refused). `buffer` is cleared first; its capacity is kept.
pub fn read_input(path: &Path, limit: u64, buffer: &mut Vec<u8>) -> Result<(), InputError> {
    read_within(path, true, limit, buffer)
}

/// The bytes of a record file as they are now, read as [`read_input`] reads a named file but
/// without following a link, within [`MAX_FILE_SIZE`].
pub fn read_record_bytes(path: &Path, buffer: &mut Vec<u8>) -> Result<(), InputError> {
    read_within(path, false, MAX_FILE_SIZE, buffer)
}

fn read_within(
    path: &Path,
    follow: bool,
    limit: u64,
    buffer: &mut Vec<u8>,
) -> Result<(), InputError> {
    buffer.clear();
    let handle = open_input(path, follow).map_err(InputError::Io)?;
    let meta = handle.metadata().map_err(InputError::Io)?;
    if !meta.is_file() {
        return Err(InputError::NotRegular);
    }
    if meta.len() > limit {
        return Err(InputError::TooLarge(meta.len()));
    }
    buffer.reserve(usize::try_from(meta.len()).unwrap_or(0));
    handle
        .take(limit.saturating_add(1))
        .read_to_end(buffer)
        .map_err(InputError::Io)?;
    let read = u64::try_from(buffer.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(InputError::TooLarge(read));
    }
    Ok(())
}

/// UTF-8, with or without a byte-order mark; anything else is named as well as can be.
pub fn decode(mut bytes: Vec<u8>, file: FileId) -> Result<String, Diagnostic> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), file))
}

/// E023 for bytes that are not UTF-8, with what they look like instead.
fn not_utf8(bytes: &[u8], file: FileId) -> Diagnostic {
    let help = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        FileMsg::LooksLikeUtf16
    } else if encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
    {
        FileMsg::LooksLikeGbk
    } else {
        FileMsg::SaveAsUtf8
    };
    Diagnostic::whole_file(Code::NotUtf8, file, FileMsg::NotUtf8).with_help(help)
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
        // Told apart by what the error points at, not by the parser's English words (which an
        // upgrade may change): a date that is not on the calendar is E027, and says why from
        // the date as written.
        let literal = text.get(span.clone()).unwrap_or("");
        let (code, message): (Code, Msg) = if is_date_literal(literal) {
            let fault = date::literal_fault(literal);
            (Code::InvalidDate, FieldMsg::InvalidDate { fault }.into())
        } else {
            let detail = error.message().trim().to_owned();
            (Code::Syntax, FileMsg::Syntax { detail }.into())
        };
        diagnostics.push(Diagnostic::at(code, file, span, message));
    }
    (table.into_inner(), diagnostics)
}

/// Whether `text` is written as a TOML date or date-time (`2015-02-30`, `2015-06-30T25:00`).
fn is_date_literal(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 8
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'-'
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || b"-:T t.Z+".contains(b))
}

use crate::diagnostic::doc::{BASE_ITEM, Change, Example, Prose, RuleDoc, Shown};

/// What each code raised here means, with worked examples: see [`crate::explain`].
pub const DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: Code::Syntax,
        trigger: Prose {
            en: r#"The file is not valid TOML: an unclosed string or table header, a key defined twice,
a stray `=`, an ASCII `"` inside a basic string, and so on. Each place the parser stops at is
reported at the parser's position, with the parser's own words. A file with a syntax error is not
read any further, so it gets no other diagnostic until it parses; a `unit.toml` with a syntax error
still counts as a unit (its items are not orphans)."#,
            zh: r#"文件不是有效的 TOML：字符串或表头没有闭合，同一个键定义了两次，多了一个 `=`，基本字符串中含有英文双引号 `"` 等等。在解析器停下的位置报告，并附上解析器给出的说明。有语法错误的文件不再往下读，改好能解析之前不会有其他诊断；有语法错误的 `unit.toml` 仍算一个单位（其下的事项不算不属于任何单位）。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 1"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第1行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_ITEM,
                line: 1,
                count: 2,
                text: r#"title = "村道狭窄，群众出行不便
area = 4"#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E001]: TOML syntax error: invalid basic string, expected `"`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:1:21
  |
1 | title = "村道狭窄，群众出行不便
  |                                ^"#,
                zh: r#"error[E001]: TOML 语法错误：invalid basic string, expected `"`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:1:21
  |
1 | title = "村道狭窄，群众出行不便
  |                                ^"#,
            },
        }],
        fix: Prose {
            en: r#"Correct the syntax at that place. To quote inside a string, use the Chinese quotation
marks “…”, which need no escaping, or `\"`, or a literal string `'…'`."#,
            zh: r#"在报告的位置改正语法。字符串中要用引号时，用中文引号“…”（不需要转义），或写作 `\"`，或改用单引号的字面字符串 `'…'`。"#,
        },
    },
    RuleDoc {
        code: Code::NotUtf8,
        trigger: Prose {
            en: r#"A record file whose bytes are not UTF-8 (a UTF-8 byte-order mark is fine). Where the
bytes decode as GB18030/GBK, the usual encoding of files saved by older Chinese Windows editors,
the help line says so and how to convert; UTF-16 (Notepad's "Unicode") is named as such."#,
            zh: r#"台账记录文件的字节不是 UTF-8 编码（带 UTF-8 字节顺序标记 BOM 的可以）。如果能按 GB18030/GBK 解码（老版本中文 Windows 编辑器保存文件的常见编码），提示行会说明并给出转换方法；UTF-16（记事本所称的“Unicode”）也会直接点明。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml saved as GBK"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml 保存成了 GBK 编码"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Gbk { file: BASE_ITEM }],
            as_of: None,
            output: Prose {
                en: r#"error[E023]: the file is not UTF-8
 --> 梁弄镇/横坎头村/items/村道拓宽.toml
  = help: it looks like GBK/GB18030; save it as UTF-8 (Notepad or WPS: Save As, UTF-8) or run `iconv -f GB18030 -t UTF-8`"#,
                zh: r#"error[E023]: 文件不是 UTF-8 编码
 --> 梁弄镇/横坎头村/items/村道拓宽.toml
  = help: 看起来是 GBK/GB18030 编码；用记事本或 WPS “另存为” UTF-8，或运行 `iconv -f GB18030 -t UTF-8`"#,
            },
        }],
        fix: Prose {
            en: r#"Save the file as UTF-8: in Notepad or WPS, Save As with the encoding UTF-8; or
`iconv -f GB18030 -t UTF-8 村道拓宽.toml > 村道拓宽.utf8 && mv 村道拓宽.utf8 村道拓宽.toml`."#,
            zh: r#"把文件保存为 UTF-8：在记事本或 WPS 中“另存为”，编码选 UTF-8；或者运行 `iconv -f GB18030 -t UTF-8 村道拓宽.toml > 村道拓宽.utf8 && mv 村道拓宽.utf8 村道拓宽.toml`。"#,
        },
    },
    RuleDoc {
        code: Code::TooLarge,
        trigger: Prose {
            en: r#"A record file larger than 1 MiB (1 048 576 bytes). A records tree holds small files;
the file is not read."#,
            zh: r#"台账记录文件大于1 MiB（1048576字节）。台账中都是小文件；这个文件不予读取。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml with a long comment"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml 中加了一行很长的注释"#,
            },
            shown: Shown::Nothing,
            change: &[Change::LongComment {
                file: BASE_ITEM,
                bytes: 1_048_577,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E024]: the file is 1048775 bytes, over the limit of 1 MiB
 --> 梁弄镇/横坎头村/items/村道拓宽.toml
  = help: record files are small: one item per file, long material in files of its own"#,
                zh: r#"error[E024]: 文件大小1048775字节，超过1 MiB的上限
 --> 梁弄镇/横坎头村/items/村道拓宽.toml
  = help: 台账文件应当短小：一个事项一个文件，长篇材料另存为佐证文件"#,
            },
        }],
        fix: Prose {
            en: r#"Split it (one item per file) and keep long material in files of its own that do not end
in `.toml`, named in `evidence`."#,
            zh: r#"把文件拆开（一个事项一个文件），篇幅长的材料另存为不以 `.toml` 结尾的文件，写在 `evidence` 中。"#,
        },
    },
    RuleDoc {
        code: Code::Unreadable,
        trigger: Prose {
            en: r#"The operating system refuses to read a record file or to list a folder of the tree
(permissions, an I/O error). The message gives the system's reason."#,
            zh: r#"操作系统拒绝读取台账记录文件，或拒绝列出台账中的某个文件夹（权限不足、输入输出错误）。消息中给出系统说明的原因。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml with permissions 000, checked by another user"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml 的权限为000，由另一个用户检查"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Unreadable { file: BASE_ITEM }],
            as_of: None,
            output: Prose {
                en: r#"error[E025]: cannot read the file: Permission denied (os error 13)
 --> 梁弄镇/横坎头村/items/村道拓宽.toml"#,
                zh: r#"error[E025]: 无法读取文件：没有权限（系统错误13）
 --> 梁弄镇/横坎头村/items/村道拓宽.toml"#,
            },
        }],
        fix: Prose {
            en: r#"Make the file readable (`chmod a+r`), or check the disk; put a regular file in place of
a link or a pipe. A `huitoukan.toml` that is not a regular file (a symbolic link, a named pipe),
met when a tree is checked through the library, or a record that becomes one between the walk and
the read, is E025 too, and never opened for reading: a link is not followed and a pipe is not
waited on (`不是普通文件（符号链接、命名管道、设备等），未读取`). Every command refuses a
`huitoukan.toml` that is a link or not a regular file before it reads anything, with exit code 2."#,
            zh: r#"让文件可以读取（`chmod a+r`），或者检查磁盘；把链接或管道换成普通文件。通过库检查台账时遇到不是普通文件的 `huitoukan.toml`（符号链接、命名管道），或者在遍历之后、读取之前变成这种文件的记录，也报 E025，并且决不打开读取：不跟随链接，也不等待管道（`不是普通文件（符号链接、命名管道、设备等），未读取`）。`huitoukan.toml` 是链接或不是普通文件时，每个命令在读取任何内容之前都会拒绝运行，退出码为2。"#,
        },
    },
    RuleDoc {
        code: Code::InvalidDate,
        trigger: Prose {
            en: r#"A TOML date that is not on the calendar (`2015-02-30`), or a date-time or a date with
an offset where a date alone is expected. The message says why, from the date as written: a month
outside 1 to 12, a day its month does not have (February 2015 has 28 days), a date not written
year-month-day with a two-digit month and day, or a time or offset after the date that does not
exist."#,
            zh: r#"TOML 日期在日历上不存在（`2015-02-30`），或者在只需日期的地方写了日期时间、带时区的日期。消息按所写的日期说明原因：月份不在1～12之间，日超出该月的天数（2015年2月只有28天），没有按年-月-日书写（月、日各两位），或者日期后的时间、时区不存在。"#,
        },
        examples: &[
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 7"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第7行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 7,
                    count: 1,
                    text: r#"deadline = 2015-02-30"#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E027]: not a valid calendar date: February 2015 has 28 days, no day 30
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:12
  |
7 | deadline = 2015-02-30
  |            ^^^^^^^^^^"#,
                    zh: r#"error[E027]: 不是有效的日期：2015年2月只有28天，没有30日
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:12
  |
7 | deadline = 2015-02-30
  |            ^^^^^^^^^^"#,
                },
            },
            Example {
                intro: Prose::NONE,
                caption: Prose::NONE,
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 7,
                    count: 1,
                    text: r#"deadline = 2015-06-30T17:00:00"#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E027]: `deadline` takes a date alone, without a time or offset
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:12
  |
7 | deadline = 2015-06-30T17:00:00
  |            ^^^^^^^^^^^^^^^^^^^"#,
                    zh: r#"error[E027]: `deadline` 只需日期，不要写时间或时区
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:12
  |
7 | deadline = 2015-06-30T17:00:00
  |            ^^^^^^^^^^^^^^^^^^^"#,
                },
            },
        ],
        fix: Prose {
            en: r#"Write a real date, year-month-day, with nothing after it: `deadline = 2015-02-28`."#,
            zh: r#"写一个真实的日期，按年-月-日，后面不带别的内容：`deadline = 2015-02-28`。"#,
        },
    },
];

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
            (d.code, d.span().cloned(), d.message),
            (Code::Unreadable, None, FileMsg::NotRegularFile.into())
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
        assert_eq!(
            (d.code, d.message),
            (Code::Unreadable, FileMsg::NotRegularFile.into())
        );
    }
}
