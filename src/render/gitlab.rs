//! `check --format gitlab`: a GitLab Code Quality report (a JSON array of issues).

use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::check::Checked;
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::render::display_path;

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

pub fn render(checked: &Checked, lang: Lang, cwd: Option<&Path>) -> String {
    let records = &checked.records;
    let paths: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| display_path(&records.root, records.files.path(d.file), cwd))
        .collect();
    let issues: Vec<Issue<'_>> = checked
        .diagnostics
        .iter()
        .zip(&paths)
        .map(|(d, path)| {
            let file = records.files.get(d.file);
            let (line, column) = d.span.as_ref().map_or((1, 1), |s| file.line_col(s.start));
            let mut description = d.message.text(lang);
            if let Some(help) = &d.help {
                description.push_str(" (");
                description.push_str(&help.text(lang));
                description.push(')');
            }
            // The same problem at the same place keeps its fingerprint from run to run.
            let digest = Sha256::digest(format!(
                "{}\0{path}\0{line}\0{column}\0{description}",
                d.code.as_str()
            ));
            Issue {
                description,
                check_name: d.code.as_str(),
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
