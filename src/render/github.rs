//! `check --format github`: one GitHub Actions workflow command per diagnostic.

use std::path::Path;

use crate::check::Checked;
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::render::display_path;

pub fn render(checked: &Checked, lang: Lang, cwd: Option<&Path>) -> String {
    let records = &checked.records;
    let mut out = String::new();
    for d in &checked.diagnostics {
        let file = records.files.get(d.file);
        let (line, col) = d.span.as_ref().map_or((1, 1), |s| file.line_col(s.start));
        let command = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.text(lang);
        if let Some(help) = &d.help {
            message.push_str("\n= help: ");
            message.push_str(&help.text(lang));
        }
        let path = display_path(&records.root, &file.path, cwd);
        out.push_str(&format!(
            "::{command} file={},line={line},col={col},title={}::{}\n",
            escape_property(&path),
            escape_property(d.code.as_str()),
            escape_data(&message)
        ));
    }
    out
}

/// GitHub's escaping of a workflow command's message.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a workflow command's property value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
