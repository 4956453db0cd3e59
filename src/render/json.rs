//! `check --format json`: the shape of SPEC §8.

use serde::Serialize;

use crate::check::Checked;
use crate::diagnostic::Severity;
use crate::i18n::Lang;

#[derive(Serialize)]
struct CheckJson<'a> {
    root: String,
    as_of: String,
    files: usize,
    units: usize,
    items: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<DiagnosticJson<'a>>,
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    severity: Severity,
    code: &'static str,
    file: &'a str,
    line: usize,
    column: usize,
    message: String,
    help: Option<String>,
}

pub fn render(checked: &Checked, root: &str, as_of: jiff::civil::Date, lang: Lang) -> String {
    let records = &checked.records;
    let counts = checked.counts();
    let diagnostics = checked
        .diagnostics
        .iter()
        .map(|d| {
            let file = records.files.get(d.file);
            let (line, column) = d.span.as_ref().map_or((1, 1), |s| file.line_col(s.start));
            DiagnosticJson {
                severity: d.severity(),
                code: d.code.as_str(),
                file: &file.path,
                line,
                column,
                message: d.message.text(lang),
                help: d.help.as_ref().map(|h| h.text(lang)),
            }
        })
        .collect();
    let json = CheckJson {
        // The root seen from the current folder; the current folder itself is `.`, not "".
        root: if root.is_empty() {
            ".".to_owned()
        } else {
            root.to_owned()
        },
        as_of: as_of.to_string(),
        files: records.file_count(),
        units: records.units.len(),
        items: records.items.len(),
        errors: counts.errors,
        warnings: counts.warnings,
        diagnostics,
    };
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
    text.push('\n');
    text
}

/// `report --format json`: the [`crate::rollup::Report`] as SPEC §8 shapes it.
pub fn report(report: &crate::rollup::Report) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}
