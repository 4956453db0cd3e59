//! `check --format gitlab`: a GitLab Code Quality report (a JSON array of issues).

use std::path::Path;

use std::collections::HashMap;

use serde::Serialize;
use sha2::{Digest, Sha256};
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Severity;
use crate::render::display_path;
use crate::rules::check::Checked;
use crate::text::i18n::Lang;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// `cwd`: the folder paths are shown relative to (the repository, see `cmd::check`).
pub fn render(checked: &Checked, lang: Lang, cwd: Option<&Path>) -> String {
    let records = &checked.records;
    let mut keys: HashMap<crate::load::source::FileId, KeyIndex> = HashMap::new();
    let mut seen: HashMap<(&'static str, crate::load::source::FileId, String), usize> =
        HashMap::new();
    let paths: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| display_path(&records.root, records.files.path(d.file()), cwd))
        .collect();
    let issues: Vec<Issue<'_>> = checked
        .located()
        .zip(&paths)
        .map(|(at, path)| {
            let (d, file, line) = (at.diagnostic, at.file, at.line);
            let mut description = d.message.text(lang);
            if let Some(help) = &d.help {
                description.push_str(" (");
                description.push_str(&help.text(lang));
                description.push(')');
            }
            // The same problem keeps its fingerprint from run to run, in every language and on
            // every day, and wherever its line moves: the code, the file (relative to the
            // root, wherever the job runs) and the key it concerns, numbered where one key of
            // one file has several problems of one code.
            let key = d.span().map_or_else(String::new, |s| {
                keys.entry(d.file())
                    // A text that cannot be read back names no key: the code and file still
                    // tell the problem apart.
                    .or_insert_with(|| KeyIndex::of(&file.text().unwrap_or_default()))
                    .at(s.start)
                    .to_owned()
            });
            let code = d.code.as_str();
            let nth = seen.entry((code, d.file(), key.clone())).or_insert(0);
            let digest = Sha256::digest(format!("{code}\0{}\0{key}\0{nth}", file.path()));
            *nth += 1;
            Issue {
                description,
                check_name: code,
                fingerprint: digest.iter().map(|b| format!("{b:02x}")).collect(),
                severity: match d.severity() {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location {
                    path,
                    lines: Lines { begin: line },
                },
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&issues).unwrap_or_default();
    text.push('\n');
    text
}

/// The dotted key path (`self_check.answers."1.1"`, `review[1].on`) of every key and value of
/// a file, by byte range; built once per file, so a file of 60,000 keys is walked once.
struct KeyIndex {
    /// Sorted by start, the longer range first where two start together.
    spans: Vec<(usize, usize, String)>,
}

impl KeyIndex {
    fn of(text: &str) -> KeyIndex {
        let (table, _) = DeTable::parse_recoverable(text);
        let mut spans = Vec::new();
        walk_table(table.get_ref(), "", 0, &mut spans);
        spans.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        KeyIndex { spans }
    }

    /// The innermost key whose key or value holds `offset`; `""` for none.
    fn at(&self, offset: usize) -> &str {
        let after = self.spans.partition_point(|&(start, _, _)| start <= offset);
        self.spans[..after]
            .iter()
            .rev()
            .take(64)
            .find(|&&(start, end, _)| start == offset || offset < end)
            .map_or("", |(_, _, path)| path.as_str())
    }
}

/// How deep the walk goes: records are shallow, and a hostile file of nested arrays must not
/// exhaust the stack.
const MAX_DEPTH: usize = 32;

fn walk_table(
    table: &DeTable<'_>,
    prefix: &str,
    depth: usize,
    out: &mut Vec<(usize, usize, String)>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for (key, value) in table {
        let name = key.get_ref();
        let bare = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        let name = if bare {
            name.to_string()
        } else {
            format!("{name:?}")
        };
        let path = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}.{name}")
        };
        out.push((key.span().start, key.span().end, path.clone()));
        walk_value(value, path, depth + 1, out);
    }
}

fn walk_value(
    value: &toml::Spanned<DeValue<'_>>,
    path: String,
    depth: usize,
    out: &mut Vec<(usize, usize, String)>,
) {
    let span = value.span();
    match value.get_ref() {
        DeValue::Table(t) => walk_table(t, &path, depth, out),
        DeValue::Array(a) if depth <= MAX_DEPTH => {
            for (i, element) in a.iter().enumerate() {
                walk_value(element, format!("{path}[{i}]"), depth + 1, out);
            }
        }
        _ => {}
    }
    if span.start < span.end {
        out.push((span.start, span.end, path));
    }
}
