//! `check --format github`: one GitHub Actions workflow command per diagnostic.

use std::path::Path;

use crate::diagnostic::Severity;
use crate::render::display_path;
use crate::rules::check::Checked;
use crate::text::i18n::Lang;
use crate::text::messages::run::RunMsg;

pub fn render(checked: &Checked, lang: Lang, cwd: Option<&Path>) -> String {
    let mut out = String::new();
    for at in checked.located() {
        let (d, line, col) = (at.diagnostic, at.line, at.column);
        let command = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.text(lang);
        if let Some(help) = &d.help {
            message.push_str("\n= help: ");
            message.push_str(&help.text(lang));
        }
        let path = display_path(&checked.records.root, at.file.path(), cwd);
        out.push_str(&format!(
            "::{command} file={},line={line},col={col},title={}::{}\n",
            escape_property(&path),
            escape_property(d.code.as_str()),
            escape_data(&message)
        ));
    }
    out
}

/// How many annotations of each severity GitHub shows for one step.
pub const SHOWN_PER_STEP: usize = 10;

/// The Markdown for `$GITHUB_STEP_SUMMARY`: the counts, and every diagnostic beyond the
/// annotations GitHub shows.
pub fn step_summary(checked: &Checked, lang: Lang, cwd: Option<&Path>) -> String {
    use crate::render::markdown::escape_cell;
    use crate::text::i18n::Term;
    let records = &checked.records;
    let counts = checked.counts();
    let summary = RunMsg::CheckSummary {
        errors: counts.errors,
        warnings: counts.warnings,
        files: records.file_count(),
    };
    let mut out = format!("### huitoukan check\n\n{}\n\n", summary.text(lang));
    let (mut errors, mut warnings) = (0, 0);
    let beyond: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| {
            let seen = match d.severity() {
                Severity::Error => &mut errors,
                Severity::Warning => &mut warnings,
            };
            *seen += 1;
            *seen > SHOWN_PER_STEP
        })
        .collect();
    if beyond.is_empty() {
        return out;
    }
    out.push_str(&format!(
        "{}\n\n",
        RunMsg::BeyondAnnotations {
            count: beyond.len()
        }
        .text(lang)
    ));
    out.push_str(&format!(
        "| {} | {} | {} |\n| --- | --- | --- |\n",
        Term::Code.text(lang),
        Term::Place.text(lang),
        Term::Message.text(lang)
    ));
    for at in beyond.into_iter().map(|d| checked.locate(d)) {
        let (d, line, col) = (at.diagnostic, at.line, at.column);
        let path = display_path(&records.root, at.file.path(), cwd);
        out.push_str(&format!(
            "| {} {} | {}:{line}:{col} | {} |\n",
            d.severity().as_str(),
            d.code.as_str(),
            escape_cell(&path),
            escape_cell(&d.message.text(lang))
        ));
    }
    out.push('\n');
    out
}

/// GitHub's escaping of a workflow command's message; any other control character is written
/// out (`\u{1b}`), so nothing in a value reaches the log raw.
pub fn escape_data(text: &str) -> String {
    crate::text::escape::controls(text, &['\r', '\n'])
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a workflow command's property value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
