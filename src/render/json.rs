//! `check --format json` and `report --format json`: the shapes of SPEC §8, written straight
//! to the output as they are serialised (a province's diagnostics never sit in memory twice).

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use crate::diagnostic::Severity;
use crate::rules::check::Checked;
use crate::text::i18n::Lang;

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
                file: at.file.path(),
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
/// `merge` reads thirty of them (`jq .` shows it indented). In a large report (a merged one)
/// the long lists (the units and the listed items) are serialised on every thread a batch at a
/// time and written in their order into the report serialised without them: the bytes are
/// those of [`report`], which serialises it whole.
/// `report --format json`: [`write_report`].
pub fn report(
    report: &mut crate::rollup::Report,
    _: &crate::render::Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_report(out, report)
}

pub fn write_report(
    out: &mut (impl Write + ?Sized),
    report: &mut crate::rollup::Report,
) -> io::Result<()> {
    write_report_in(out, report, UNITS_A_TASK, UNITS_IN_PARTS)
}

/// How many rows one thread serialises at a time, in a report of more than
/// [`UNITS_IN_PARTS`] units: a merged one. A province's report (about 23,000 units) is written
/// whole, which costs less than the parts' buffers.
const UNITS_A_TASK: usize = 4096;
const UNITS_IN_PARTS: usize = 16 * UNITS_A_TASK;

/// The long lists of a report, taken out of it while the rest is serialised.
struct Lists<'a> {
    units: Vec<crate::rollup::UnitRow<'a>>,
    overdue: Vec<crate::rollup::DueItem<'a>>,
    ineffective: Vec<crate::rollup::DueItem<'a>>,
    linked: Vec<crate::rollup::LinkedItem<'a>>,
}

fn write_report_in(
    out: &mut (impl Write + ?Sized),
    report: &mut crate::rollup::Report,
    per_task: usize,
    in_parts_beyond: usize,
) -> io::Result<()> {
    // Through a buffer of its own, so each of the serialiser's many small writes is a copy
    // rather than a call through `dyn Write`.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut *out);
    if report.units.len() <= per_task.max(in_parts_beyond) {
        serde_json::to_writer(&mut buffered, &*report)?;
        buffered.write_all(b"\n")?;
        return buffered.flush();
    }
    let lists = Lists {
        units: std::mem::take(&mut report.units),
        overdue: std::mem::take(&mut report.overdue_items),
        ineffective: std::mem::take(&mut report.ineffective_items),
        linked: std::mem::take(&mut report.linked_items),
    };
    let shell = serde_json::to_vec(&*report);
    report.units = lists.units;
    report.overdue_items = lists.overdue;
    report.ineffective_items = lists.ineffective;
    report.linked_items = lists.linked;
    let shell = shell?;
    // Each list is the report's only array of its name, left empty in the shell, in the
    // order the report has them: the rows go between its brackets.
    let mut at = 0;
    let mut marks = [0; 4];
    for (mark, name) in marks.iter_mut().zip([
        "units",
        "overdue_items",
        "ineffective_items",
        "linked_items",
    ]) {
        let empty = format!("\"{name}\":[]");
        let found = memchr::memmem::find(&shell[at..], empty.as_bytes())
            .ok_or_else(|| io::Error::other(format!("no {name} in the report")))?;
        at += found + empty.len() - 1;
        *mark = at;
    }
    let [units, overdue, ineffective, linked] = marks;
    buffered.write_all(&shell[..units])?;
    write_rows(&mut buffered, &report.units, per_task)?;
    buffered.write_all(&shell[units..overdue])?;
    write_rows(&mut buffered, &report.overdue_items, per_task)?;
    buffered.write_all(&shell[overdue..ineffective])?;
    write_rows(&mut buffered, &report.ineffective_items, per_task)?;
    buffered.write_all(&shell[ineffective..linked])?;
    write_rows(&mut buffered, &report.linked_items, per_task)?;
    buffered.write_all(&shell[at..])?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// The rows of a list, comma-separated, serialised `per_task` at a time on every thread and
/// written in their order.
fn write_rows<T: serde::Serialize + Sync>(
    out: &mut impl Write,
    rows: &[T],
    per_task: usize,
) -> io::Result<()> {
    use rayon::prelude::*;
    let per_task = per_task.max(1);
    let threads = rayon::current_num_threads().max(1);
    for (b, batch) in rows.chunks(per_task * threads).enumerate() {
        let parts: Vec<Vec<u8>> = batch
            .par_chunks(per_task)
            .map(serde_json::to_vec)
            .collect::<Result<_, _>>()?;
        for (p, part) in parts.iter().enumerate() {
            if b + p > 0 {
                out.write_all(b",")?;
            }
            // Each part is a whole array: `[`, its rows, `]`.
            out.write_all(
                part.get(1..part.len().saturating_sub(1))
                    .unwrap_or_default(),
            )?;
        }
    }
    Ok(())
}

/// The report JSON of [`write_report`] into a string, serialised whole on one thread.
pub fn report_string(report: &crate::rollup::Report) -> String {
    let mut out = serde_json::to_string(report).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::rollup::{self, By};

    #[test]
    fn long_lists_written_in_parts_give_the_bytes_of_the_whole_report() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/zhejiang-2015");
        let as_of = jiff::civil::date(2015, 3, 10);
        let checked = crate::rules::check::check(&root, as_of);
        let options = rollup::Options {
            org: "",
            as_of,
            public: false,
            by: By::Unit,
        };
        let mut report =
            rollup::build(&checked.records, &checked.diagnostics, &options).expect("read back");
        let units = report.units.len();
        assert!(units > 4, "{units} units");
        let whole = super::report_string(&report);
        assert!(whole.contains("\"units\":[{"), "{whole}");
        for per_task in [1, 2, 3, units - 1, units, units + 1] {
            let mut out = Vec::new();
            super::write_report_in(&mut out, &mut report, per_task, 0).expect("written");
            assert_eq!(
                String::from_utf8(out).expect("UTF-8"),
                whole,
                "{per_task} a task"
            );
        }
        assert_eq!(report.units.len(), units, "the units are put back");
        // Every list written in parts has rows in the example.
        assert!(!report.overdue_items.is_empty());
        assert!(!report.ineffective_items.is_empty());
        assert!(!report.linked_items.is_empty());
    }
}
