//! Output: one module per format, each a pure function of what it shows.

pub mod csv;
pub mod docx;
pub mod figures;
pub mod github;
pub mod gitlab;
pub mod history;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod rows;
pub mod table;
pub mod xlsx;

use std::io::{self, Write};
use std::path::Path;

use crate::load::source::Unreadable;
use crate::rollup::{By, Report};
use crate::text::i18n::{Lang, Msg, Term};
use crate::text::messages::report::ReportMsg;
use crate::text::messages::run::RunMsg;

/// What a report is rendered with besides itself.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub lang: Lang,
    /// The rows of the formats that choose them (a table, a CSV).
    pub by: By,
    /// A terminal's width, where a table is written to one.
    pub width: Option<u16>,
    /// Every column of a table however wide, on a terminal too.
    pub wide: bool,
}

/// The one signature of every report format's renderer ([`crate::cli::ReportFormat::renderer`]):
/// the report written to `out`. The report is lent mutably so that a renderer may take a long
/// list out while it writes it in parts (JSON). A value that cannot be read back, or a
/// document that cannot be made, stops it with the error that says so
/// ([`crate::diagnostic::outcome::Fatal::into_io`]); a binary document is made whole before any
/// of it is written.
pub type Renderer = fn(&mut Report<'_>, &Options, &mut dyn Write) -> io::Result<()>;

/// The item rows a writer takes as an iterator of rows and reads more than once (a sheet, a
/// Word table: to measure the columns, then to write them): the rows up to the first that
/// cannot be read back, whose error is kept and returned by [`FirstUnreadable::result`] once
/// the writer is done.
#[derive(Default)]
pub struct FirstUnreadable(std::cell::Cell<Option<Unreadable>>);

impl FirstUnreadable {
    pub fn rows<'s, T: 's>(
        &'s self,
        rows: impl Iterator<Item = Result<T, Unreadable>> + 's,
    ) -> impl Iterator<Item = T> + 's {
        rows.map_while(move |row| match row {
            Ok(row) => Some(row),
            Err(e) => {
                self.0.set(Some(e));
                None
            }
        })
    }

    pub fn result(self) -> Result<(), Unreadable> {
        self.0.into_inner().map_or(Ok(()), Err)
    }
}

/// The title line of a report, as an office writes it: who it covers, the campaign, the
/// as-of date (省直单位教育实践活动整改落实情况“回头看”进展情况汇总（截至2015年3月10日）).
pub fn heading(report: &Report, lang: Lang) -> String {
    ReportMsg::ReportHeading {
        org: covered(report, lang),
        campaign: report.campaign.name.clone(),
        as_of: report.as_of.to_string(),
    }
    .text(lang)
}

/// Who a report covers, by name: the whole tree by its region (浙江省 -> 全省), a unit's folder
/// by its name, a pure grouping by its name and 单位 (省直 -> 省直单位).
pub fn covered(report: &Report, lang: Lang) -> String {
    let Some(org) = &report.org else {
        return whole_tree(report.campaign.region.as_deref(), lang);
    };
    let name = folder_name(org);
    if lang == Lang::Zh && report.own.is_none() && !name.ends_with("单位") {
        format!("{name}单位")
    } else {
        name.to_owned()
    }
}

/// The whole tree by its region (浙江省 -> 全省), or 各单位 where the campaign names none.
pub fn whole_tree(region: Option<&str>, lang: Lang) -> String {
    match region.map(str::trim) {
        Some(region) if !region.is_empty() => whole(region, lang),
        _ => Term::WholeTree.text(lang).to_owned(),
    }
}

/// A region as the whole of it is called: 浙江省 -> 全省, 杭州市 -> 全市; in English, the name.
fn whole(region: &str, lang: Lang) -> String {
    match (lang, region.chars().last()) {
        (Lang::Zh, Some(last @ ('省' | '市' | '县' | '区' | '州' | '盟' | '旗'))) => {
            format!("全{last}")
        }
        _ => region.to_owned(),
    }
}

/// The last component of an org path: how a folder is named to people.
pub fn folder_name(org: &str) -> &str {
    org.rsplit('/').next().unwrap_or(org)
}

/// The sentences a report adds under its title: that it is a public version, and the files it
/// left out. What a public version withheld is never said here (see `rollup::public`).
pub fn notes(report: &Report, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    if report.public {
        notes.push(Term::PublicNote.text(lang).to_owned());
        if let Some(withheld) = report.withheld.as_ref().filter(|w| w.items > 0) {
            notes.push(
                RunMsg::PublicCountsWithheld {
                    items: withheld.items,
                }
                .text(lang),
            );
        }
    }
    if !report.left_out.is_empty() {
        notes.push(
            RunMsg::KeptGoing {
                files: report.left_out.len(),
            }
            .text(lang),
        );
    }
    if report.after_as_of > 0 {
        notes.push(
            RunMsg::AfterAsOf {
                facts: report.after_as_of,
                as_of: report.as_of.to_string(),
            }
            .text(lang),
        );
    }
    notes
}

/// How a path inside the root is shown to someone working in `cwd`: relative to it where
/// possible, `/`-separated, so editors and CI annotations find the file; a control character
/// in a file name written out like one in a value.
pub fn display_path(root: &Path, rel: &str, cwd: Option<&Path>) -> String {
    crate::text::escape::controls(&joined_path(root, rel, cwd), &[]).into_owned()
}

fn joined_path(root: &Path, rel: &str, cwd: Option<&Path>) -> String {
    let root_abs = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    // Relative where the root is at, below or above the current folder; absolute where it is
    // elsewhere, and a path of `..` would only be harder to read.
    let base = match cwd {
        Some(cwd) if root_abs.starts_with(cwd) || cwd.starts_with(&root_abs) => {
            pathdiff::diff_paths(&root_abs, cwd).unwrap_or(root_abs)
        }
        _ => root_abs,
    };
    let prefix = if base.is_absolute() {
        base.to_string_lossy().replace('\\', "/")
    } else {
        let parts: Vec<_> = base
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect();
        parts.join("/")
    };
    match (prefix.as_str(), rel) {
        ("", "") => ".".to_owned(),
        ("", rel) => rel.to_owned(),
        (prefix, "") => prefix.to_owned(),
        (prefix, rel) => format!("{prefix}/{rel}"),
    }
}

/// The opening paragraph of a 情况报告 (SPEC §14): the reporting units, by where they lie, the
/// items and their states, the self-check reports.
pub fn summary(report: &Report, lang: Lang) -> Msg {
    let n = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
    let t = &report.totals;
    let c = &t.counts;
    let s = &t.reporting_self_check;
    ReportMsg::Summary {
        as_of: report.as_of.to_string(),
        org: covered(report, lang),
        figures: Box::new(crate::text::messages::report::Figures {
            units: n(t.reporting_units),
            items: n(c.items),
            done: n(c.done),
            rate: rows::percent(c.completion_rate()),
            mostly_done: n(c.mostly_done),
            open: n(c.open),
            ineffective: n(c.ineffective),
            overdue: n(c.overdue),
            submitted: n(s.submitted),
            late: n(t.late_filed),
            returned: n(s.returned),
            missing: n(s.missing),
            pending: n(s.pending),
            groups: report.reporting_groups(),
            self_checks: !report.public,
        }),
    }
    .into()
}
