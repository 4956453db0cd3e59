//! What every fuzz target shares: a scratch records tree on a memory file system, and the run of
//! `check`, the rollup and every renderer over it, with the invariants that must hold whatever
//! the records say.

use std::path::{Path, PathBuf};

use huitoukan::diagnostic::{Code, MAX_PER_FILE};
use huitoukan::render::rows::By;
use huitoukan::render::{csv, github, gitlab, human, json, markdown, table};
use huitoukan::rollup::{self, Options, Report, Totals};
use huitoukan::rules::check::{self, Checked};
use huitoukan::text::i18n::Lang;
use huitoukan::text::messages::report::ReportMsg;
use jiff::civil::{Date, date};

pub mod record_tree;
pub mod workbook;
pub use record_tree::put;

/// The date every run judges deadlines by: ten days after the campaign deadline of the seeds.
pub const AS_OF: Date = date(2015, 3, 10);

pub const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];
pub const BYS: [By; 4] = [By::Org, By::Unit, By::Item, By::Area];

/// A folder of this process under `/dev/shm` (or the temporary folder where there is none),
/// emptied once; each run rewrites the files it needs in place.
pub fn scratch(target: &str) -> PathBuf {
    let base = Path::new("/dev/shm");
    let base = if base.is_dir() {
        base.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!("huitoukan-fuzz-{target}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the scratch folder");
    dir
}

/// What one run shows besides `check`: each choice costs a run its time, so a run takes one of
/// each and the fuzzer varies them.
#[derive(Clone, Copy, Debug)]
pub struct Choices {
    pub lang: Lang,
    pub by: By,
    pub public: bool,
    /// Report on an org below the root (the first the tree holds) as well as on the whole tree.
    pub subtree: bool,
}

impl Choices {
    /// The choices spelt by the bits of one byte.
    pub fn from_bits(bits: u8) -> Choices {
        Choices {
            lang: LANGS[usize::from(bits & 1)],
            by: BYS[usize::from((bits >> 1) & 3)],
            public: bits & 8 != 0,
            subtree: bits & 16 != 0,
        }
    }
}

/// `check`, then every check renderer, then a report on the whole tree (and on an org of it,
/// and on what each of `queries` resolves to as `--org`) through every report renderer.
pub fn exercise(root: &Path, choices: Choices, queries: &[&str]) {
    let checked = check::check(root, AS_OF);
    check_spans(&checked);
    check_listed(&checked);
    render_checked(&checked, root, choices.lang);
    let mut orgs = vec![String::new()];
    if choices.subtree {
        // `--org` by a folder name, as a user would type it.
        let folders = rollup::org_folders(&checked.records);
        if let Some(name) = folders.last().and_then(|o| o.rsplit('/').next())
            && let Ok(org) = rollup::resolve_org(&checked.records, name)
        {
            orgs.push(org);
        }
        if let Some(first) = folders.first() {
            orgs.push(first.clone());
        }
    }
    for query in queries {
        if let Ok(org) = rollup::resolve_org(&checked.records, query) {
            orgs.push(org);
        }
    }
    for org in &orgs {
        let options = Options {
            org,
            as_of: AS_OF,
            public: choices.public,
            by: choices.by,
        };
        // Every value of a valid file reads back as it was read.
        let report = rollup::build(&checked.records, &checked.diagnostics, &options)
            .expect("every value reads back");
        check_report(&report);
        if choices.public {
            check_public(&checked, &report);
        }
        render_report(&report, choices.lang, &[choices.by]);
    }
}

/// A public report (SPEC §8) names no one, counts and lists no confidential item, and quotes no
/// message of a file it left out.
fn check_public(checked: &Checked, report: &Report) {
    use huitoukan::text::i18n::Msg;
    for row in report.items.iter() {
        let row = row.expect("every value reads back");
        assert_eq!(
            (&row.person, &row.responsible, &row.lead),
            (&None, &None, &None)
        );
    }
    let confidential: Vec<&str> = checked
        .records
        .items
        .iter()
        .filter(|i| i.confidential)
        .map(|i| checked.records.files.path(i.file))
        .collect();
    for row in report.items.iter() {
        let row = row.expect("every value reads back");
        assert!(!confidential.contains(&row.file.as_str()), "{}", row.file);
    }
    for l in &report.left_out {
        assert!(!confidential.contains(&l.file.as_str()), "{}", l.file);
        assert!(
            matches!(
                l.reason,
                Msg::Report(ReportMsg::LeftOutPublic | ReportMsg::UnitLeftOut { .. })
            ),
            "{:?}",
            l.reason
        );
    }
    assert!(report.public && report.withheld.is_some());
}

/// Every span of a diagnostic lies within its file's text, on the characters it points at.
fn check_spans(checked: &Checked) {
    let files = &checked.records.files;
    for d in &checked.diagnostics {
        let text = files
            .get(d.file())
            .text()
            .expect("every file's text unpacks");
        if let Some(span) = d.span()
            && !text.is_empty()
        {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{:?} in {} has span {span:?} beyond its {} bytes",
                d.code,
                files.path(d.file()),
                text.len()
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{:?} in {} has span {span:?} inside a character",
                d.code,
                files.path(d.file())
            );
        }
        for label in &d.labels {
            let text = files
                .get(label.file)
                .text()
                .expect("every file's text unpacks");
            assert!(
                text.is_empty() || label.span.end <= text.len(),
                "a label of {:?} lies beyond its file",
                d.code
            );
        }
    }
}

/// No file lists more than `MAX_PER_FILE` diagnostics, then at most one that counts the rest,
/// as its last; the counts are at least the number listed.
fn check_listed(checked: &Checked) {
    let counted = |d: &huitoukan::diagnostic::Diagnostic| {
        matches!(d.code, Code::NotShownErrors | Code::NotShownWarnings)
    };
    for run in checked.diagnostics.chunk_by(|a, b| a.file() == b.file()) {
        let listed = run.iter().filter(|d| !counted(d)).count();
        assert!(
            listed <= MAX_PER_FILE,
            "{listed} diagnostics listed for one file"
        );
        if let Some(i) = run.iter().position(counted) {
            assert_eq!(i, run.len() - 1, "the count of the rest comes last");
            assert_eq!(
                listed, MAX_PER_FILE,
                "a count of the rest after fewer than 50"
            );
        }
    }
    let counts = checked.counts();
    assert!(counts.errors + counts.warnings >= checked.diagnostics.len());
}

/// Every check format; the JSON ones must parse, and count right.
pub fn render_checked(checked: &Checked, root: &Path, lang: Lang) {
    let counts = checked.counts();
    {
        let _ = human::render(checked, lang, Some(root));
        let text = json::render(checked, ".", AS_OF, lang);
        let value: serde_json::Value = serde_json::from_str(&text).expect("check JSON parses");
        assert_eq!(value["errors"], counts.errors);
        assert_eq!(value["warnings"], counts.warnings);
        assert_eq!(
            value["diagnostics"].as_array().map(Vec::len),
            Some(checked.diagnostics.len())
        );
        let text = github::render(checked, lang, Some(root));
        assert_eq!(
            text.lines().count(),
            checked.diagnostics.len(),
            "one workflow command a line, whatever the messages hold"
        );
        assert!(
            !text
                .chars()
                .any(|c| c != '\n' && huitoukan::text::escape::is_hidden(c)),
            "no raw control character in the log: {text:?}"
        );
        for d in &checked.diagnostics {
            let message = d.message.text(lang);
            assert!(
                !message.chars().any(huitoukan::text::escape::is_hidden),
                "a message shows every control character written out: {message:?}"
            );
        }
        let _ = github::step_summary(checked, lang, Some(root));
        let text = gitlab::render(checked, lang, Some(root));
        let issues: serde_json::Value = serde_json::from_str(&text).expect("GitLab JSON parses");
        let mut fingerprints: Vec<&str> = issues
            .as_array()
            .map(|a| a.iter().filter_map(|i| i["fingerprint"].as_str()).collect())
            .unwrap_or_default();
        fingerprints.sort_unstable();
        let issued = fingerprints.len();
        fingerprints.dedup();
        assert_eq!(
            fingerprints.len(),
            issued,
            "every GitLab fingerprint is unique"
        );
    }
}

/// Every report format, with each of `bys`.
pub fn render_report(report: &Report, lang: Lang, bys: &[By]) {
    for &by in bys {
        table::render(report, by, lang).expect("every value reads back");
        table::render_width(report, by, lang, Some(60)).expect("every value reads back");
        csv::render(report, by, lang).expect("every value reads back");
    }
    let _ = markdown::render(report, lang);
    let text = json::report_string(report);
    let _: serde_json::Value = serde_json::from_str(&text).expect("report JSON parses");
}

/// The rollup's arithmetic (SPEC §7): states add up to the items, overdue items are unfinished
/// ones, and the children and the org's own unit add up to the totals.
fn check_report(report: &Report) {
    let mut all = vec![&report.totals];
    all.extend(report.children.iter().map(|c| &c.totals));
    all.extend(report.units.iter().map(|u| &u.totals));
    all.extend(report.orgs.iter().map(|o| &o.totals));
    for t in all {
        let c = &t.counts;
        assert_eq!(c.done + c.mostly_done + c.open + c.ineffective, c.items);
        assert!(c.overdue <= c.items - c.done);
    }
    assert_eq!(
        usize::try_from(report.totals.units).ok(),
        Some(report.units.len())
    );
    let org = report.org.as_deref().unwrap_or("");
    assert_eq!(
        report.own.as_ref(),
        report
            .units
            .iter()
            .find(|u| u.org == org)
            .map(|u| &u.totals),
        "`own` is the org's own unit"
    );
    let parts = report.children.iter().map(|c| &c.totals).chain(
        report
            .units
            .iter()
            .filter(|u| u.org == org)
            .map(|u| &u.totals),
    );
    let sum = parts.fold(Totals::default(), |mut sum, t| {
        sum.units += t.units;
        sum.counts.items += t.counts.items;
        sum.counts.done += t.counts.done;
        sum.counts.overdue += t.counts.overdue;
        sum.self_check.submitted += t.self_check.submitted;
        sum.self_check.missing += t.self_check.missing;
        sum
    });
    let t = &report.totals;
    assert_eq!(
        (
            sum.units,
            sum.counts.items,
            sum.counts.done,
            sum.counts.overdue,
            sum.self_check.submitted,
            sum.self_check.missing
        ),
        (
            t.units,
            t.counts.items,
            t.counts.done,
            t.counts.overdue,
            t.self_check.submitted,
            t.self_check.missing
        ),
        "children and the org's own unit add up to the totals"
    );
}
