//! `check --format json` and `report --format json`: the shapes of SPEC §8, written straight
//! to the output as they are serialised (a province's diagnostics never sit in memory twice).

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use crate::check::Checked;
use crate::diagnostic::Severity;
use crate::i18n::Lang;

#[derive(Serialize)]
struct CheckJson<'a> {
    root: &'a str,
    as_of: String,
    files: usize,
    units: usize,
    items: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Diagnostics<'a>,
}

/// The diagnostics, each turned into its JSON shape only as it is written.
struct Diagnostics<'a> {
    checked: &'a Checked,
    lang: Lang,
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

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.checked.located().map(|at| {
            let d = at.diagnostic;
            DiagnosticJson {
                severity: d.severity(),
                code: d.code.as_str(),
                file: &at.file.path,
                line: at.line,
                column: at.column,
                message: d.message.text(self.lang),
                help: d.help.as_ref().map(|h| h.text(self.lang)),
            }
        }))
    }
}

pub fn write(
    out: &mut (impl Write + ?Sized),
    checked: &Checked,
    root: &str,
    as_of: jiff::civil::Date,
    lang: Lang,
) -> io::Result<()> {
    let records = &checked.records;
    let counts = checked.counts();
    let json = CheckJson {
        root,
        as_of: as_of.to_string(),
        files: records.file_count(),
        units: records.units.len(),
        items: records.items.len(),
        errors: counts.errors,
        warnings: counts.warnings,
        diagnostics: Diagnostics { checked, lang },
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    out.write_all(b"\n")
}

/// [`write`] into a string.
pub fn render(checked: &Checked, root: &str, as_of: jiff::civil::Date, lang: Lang) -> String {
    let mut out = Vec::new();
    let _ = write(&mut out, checked, root, as_of, lang);
    String::from_utf8(out).unwrap_or_default()
}

/// `report --format json`: the [`crate::rollup::Report`] as SPEC §8 shapes it (version 1), on
/// one line: a province's report is tens of megabytes, which indentation nearly doubles, and
/// `merge` reads thirty of them (`jq .` shows it indented).
pub fn write_report(
    out: &mut (impl Write + ?Sized),
    report: &crate::rollup::Report,
) -> io::Result<()> {
    // Through a buffer of its own, so each of the serialiser's many small writes is a copy
    // rather than a call through `dyn Write`.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut *out);
    serde_json::to_writer(&mut buffered, report)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// [`write_report`] into a string.
pub fn report(report: &crate::rollup::Report) -> String {
    let mut out = Vec::new();
    let _ = write_report(&mut out, report);
    String::from_utf8(out).unwrap_or_default()
}
