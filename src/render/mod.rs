//! Output: one module per format, each a pure function of what it shows.

pub mod csv;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod markdown;
pub mod rows;
pub mod table;
pub mod xlsx;

use std::path::Path;

use crate::i18n::{Lang, Term};
use crate::rollup::Report;

/// The title line of a report: campaign, org, as-of date.
pub fn heading(report: &Report, lang: Lang) -> String {
    let org = report
        .org
        .clone()
        .unwrap_or_else(|| Term::WholeTree.text(lang).to_owned());
    let title = crate::i18n::Msg::ReportHeading {
        org,
        as_of: report.as_of.to_string(),
    }
    .text(lang);
    match &report.campaign {
        Some(campaign) => format!("{campaign} · {title}"),
        None => title,
    }
}

/// The sentences a report adds under its title: that it is a public version, and the files it
/// left out. What a public version withheld is never said here (see `rollup::public`).
pub fn notes(report: &Report, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    if report.public {
        notes.push(Term::PublicNote.text(lang).to_owned());
    }
    if !report.left_out.is_empty() {
        notes.push(
            crate::i18n::Msg::KeptGoing {
                files: report.left_out.len(),
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
    crate::escape::controls(&joined_path(root, rel, cwd), &[]).into_owned()
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
