//! Properties of random valid trees, checked in-process: the rollup adds up, the output does not
//! depend on the order files were made in or on the number of threads, and no mutation of a
//! valid file makes anything panic.

use std::path::Path;

use huitoukan::format::enums::Category;
use huitoukan::model::schema::Schema;
use huitoukan::render::rows::{Audience, By, Cell};
use huitoukan::render::{csv, github, gitlab, human, json, markdown, table};
use huitoukan::rollup::{self, Options, Report, Totals};
use huitoukan::rules::check::{Checked, check};
use huitoukan::text::i18n::Lang;
use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::subsequence;

/// Org paths a unit may have: units inside units (`省直` and `省直/省委`), pure groupings
/// (`宁波市`), and depths from one to three.
const ORGS: &[&str] = &[
    "省直",
    "省直/省委",
    "省直/省委/省财政厅",
    "省直/省委/省民政厅",
    "省直/省国资委",
    "杭州市",
    "杭州市/西湖区",
    "杭州市/西湖区/北山街道",
    "宁波市/余姚市",
    "宁波市/余姚市/梁弄镇",
];

const STATUSES: [&str; 4] = ["已完成", "基本完成", "未完成", "效果不理想"];
const SATISFACTIONS: [&str; 4] = ["满意", "基本满意", "不满意", "未测评"];

/// Day `n` of the dates a tree uses, from 2014-11-01 on.
fn day(n: i32) -> Date {
    date(2014, 11, 1)
        .checked_add(n.days())
        .expect("a date of 2014 or 2015")
}

#[derive(Clone, Debug)]
struct GenItem {
    status: usize,
    area: i64,
    deadline: i32,
    /// Days before the as-of date that a finished item was finished.
    finished_before: i32,
    rectify_by: i32,
    satisfaction: usize,
    confidential: bool,
    personal: bool,
    /// Another unit that must lead the fix, by index (modulo the unit count).
    linkage: Option<usize>,
    /// The linkage's `reason`, by index in [`REASONS`].
    reason: Option<usize>,
    points: Vec<&'static str>,
    /// `[[progress]]` entries: days before the as-of date, and an index in [`PROGRESS`].
    progress: Vec<(i32, usize)>,
}

/// Texts of `[[progress]]` entries, each written to trip a one-line-per-entry cell: a colon,
/// a date inside the text or at the start of a line of it, line breaks, an empty line, leading
/// and trailing spaces.
const PROGRESS: &[&str] = &[
    "制定整改方案",
    "会议：通过，2015-03-01 复查",
    "第一行\n第二行",
    "2015-01-01 开头像日期",
    " 以空格开头",
    "末尾有空格 ",
    "说明\n2015年3月2日：不是新的一条\n\n  缩进",
];

/// Reasons of a `[linkage]`.
const REASONS: &[&str] = &[
    "病症在下面、病根在上面",
    "需省级统筹：资金\n和编制",
    "\"引号\" 与 \\ 反斜杠",
];

#[derive(Clone, Debug)]
struct GenUnit {
    org: &'static str,
    grassroots: bool,
    batch: i64,
    /// 0: no `[self_check]`; 1: one without `submitted_on`; 2: submitted on `submitted_on`.
    self_check: u8,
    submitted_on: i32,
    items: Vec<GenItem>,
}

#[derive(Clone, Debug)]
struct GenTree {
    as_of: i32,
    deadline: i32,
    units: Vec<GenUnit>,
}

fn item() -> impl Strategy<Value = GenItem> {
    (
        (0usize..4, 1i64..=6, 0i32..240, 0i32..60, 0i32..240),
        (0usize..4, any::<bool>(), any::<bool>()),
        (
            proptest::option::of(0usize..16),
            proptest::option::of(0..REASONS.len()),
        ),
        subsequence(vec!["2.1", "L.1", "P.1", "6.2"], 0..=2),
        vec((0i32..60, 0..PROGRESS.len()), 0..4),
    )
        .prop_map(
            |(
                (status, area, deadline, finished_before, rectify_by),
                (satisfaction, confidential, personal),
                (linkage, reason),
                points,
                progress,
            )| GenItem {
                status,
                area,
                deadline,
                finished_before,
                rectify_by,
                satisfaction,
                confidential,
                personal,
                linkage,
                reason,
                points,
                progress,
            },
        )
}

fn tree() -> impl Strategy<Value = GenTree> {
    (
        subsequence(ORGS.to_vec(), 1..=ORGS.len()),
        60i32..240,
        90i32..150,
    )
        .prop_flat_map(|(orgs, as_of, deadline)| {
            let n = orgs.len();
            let units = vec(
                (
                    any::<bool>(),
                    1i64..=2,
                    0u8..3,
                    60i32..150,
                    vec(item(), 0..4),
                ),
                n,
            )
            .prop_map(move |units| {
                orgs.iter()
                    .zip(units)
                    .map(
                        |(org, (grassroots, batch, self_check, submitted_on, items))| GenUnit {
                            org,
                            grassroots,
                            batch,
                            self_check,
                            submitted_on,
                            items,
                        },
                    )
                    .collect()
            });
            (Just(as_of), Just(deadline), units).prop_map(|(as_of, deadline, units)| GenTree {
                as_of,
                deadline,
                units,
            })
        })
}

fn schema() -> Schema {
    Schema::builtin().clone()
}

impl GenTree {
    fn as_of(&self) -> Date {
        day(self.as_of)
    }

    /// Every file of the tree, relative to the root, in path order.
    fn files(&self) -> Vec<(String, String)> {
        let schema = schema();
        let mut files = vec![(
            "huitoukan.toml".to_owned(),
            format!(
                "[campaign]\nname = \"回头看\"\ndeadline = {}\n",
                day(self.deadline)
            ),
        )];
        for (u, unit) in self.units.iter().enumerate() {
            files.push((
                format!("{}/unit.toml", unit.org),
                self.unit_text(unit, &schema),
            ));
            for (i, item) in unit.items.iter().enumerate() {
                files.push((
                    format!("{}/items/{:03}.toml", unit.org, i + 1),
                    self.item_text(u, item),
                ));
            }
        }
        files.sort();
        files
    }

    fn unit_text(&self, unit: &GenUnit, schema: &Schema) -> String {
        let category = if unit.grassroots {
            Category::Grassroots
        } else {
            Category::LeadershipBody
        };
        let mut text = format!(
            "name = \"{}\"\ncategory = \"{}\"\nbatch = {}\n",
            unit.org.rsplit('/').next().unwrap_or(unit.org),
            if unit.grassroots {
                "基层党组织"
            } else {
                "领导班子"
            },
            unit.batch
        );
        match unit.self_check {
            0 => {}
            1 => text.push_str("\n[self_check]\nmeeting_on = 2015-01-20\n"),
            _ => {
                text.push_str(&format!(
                    "\n[self_check]\nsubmitted_on = {}\n\n[self_check.answers]\n",
                    day(unit.submitted_on.min(self.as_of))
                ));
                for point in schema
                    .points
                    .iter()
                    .filter(|p| p.applies(category, unit.batch))
                {
                    text.push_str(&format!("\"{}\" = \"是\"\n", point.id));
                }
            }
        }
        text
    }

    fn item_text(&self, unit: usize, item: &GenItem) -> String {
        let status = STATUSES[item.status];
        let mut text = format!(
            "title = \"事项\"\narea = {}\nsource = \"整改方案\"\ndeadline = {}\nstatus = \"{status}\"\n",
            item.area,
            day(item.deadline)
        );
        if !item.points.is_empty() {
            let points: Vec<String> = item.points.iter().map(|p| format!("\"{p}\"")).collect();
            text.push_str(&format!("points = [{}]\n", points.join(", ")));
        }
        let finished = day(self.as_of - item.finished_before);
        match item.status {
            0 => text.push_str(&format!(
                "completed_on = {finished}\nevidence = [\"记录\"]\n"
            )),
            1 => text.push_str(&format!(
                "completed_on = {finished}\nconsolidation = \"巩固\"\n"
            )),
            2 => text.push_str("responsible = \"办公室\"\nmeasures = [\"措施\"]\n"),
            // 效果不理想 is unfinished too: who and how, and the day to put it right by.
            _ => text.push_str(&format!(
                "rectify_by = {}\nresponsible = \"办公室\"\nmeasures = [\"措施\"]\n",
                day(item.rectify_by)
            )),
        }
        text.push_str(&format!("satisfaction = \"{}\"\n", self.satisfaction(item)));
        if self.unsatisfied(item) && item.status != 3 {
            // 群众不满意的，要限期整改到位: whatever the status.
            text.push_str(&format!("rectify_by = {}\n", day(item.rectify_by)));
        }
        if item.confidential {
            text.push_str("confidential = true\n");
        }
        if item.personal {
            text.push_str("owner = \"个人\"\nperson = \"张某某\"\n");
        }
        for (before, said) in &item.progress {
            text.push_str(&format!(
                "\n[[progress]]\non = {}\ntext = {:?}\n",
                day(self.as_of - before),
                PROGRESS[*said]
            ));
        }
        if let Some(lead) = self.lead_unit(unit, item) {
            text.push_str(&format!("\n[linkage]\nlead_unit = \"{lead}\"\n"));
            if let Some(reason) = item.reason {
                text.push_str(&format!("reason = {:?}\n", REASONS[reason]));
            }
        }
        text
    }

    /// A done item is never unsatisfied (E011).
    fn satisfaction(&self, item: &GenItem) -> &'static str {
        match (item.status, item.satisfaction) {
            (0, 2) => "满意",
            (_, s) => SATISFACTIONS[s],
        }
    }

    fn unsatisfied(&self, item: &GenItem) -> bool {
        self.satisfaction(item) == "不满意"
    }

    fn lead_unit(&self, unit: usize, item: &GenItem) -> Option<&'static str> {
        let n = self.units.len();
        let lead = item.linkage? % n;
        (lead != unit).then(|| self.units[lead].org)
    }

    /// The whole tree's totals, counted from what was generated, as [`counts`] lists them.
    fn expected(&self) -> [usize; 12] {
        let as_of = self.as_of();
        let deadline = day(self.deadline);
        let mut counts = [0; 12];
        for unit in &self.units {
            counts[0] += 1;
            let state = match unit.self_check {
                2 if day(unit.submitted_on.min(self.as_of)) > deadline => 7,
                2 => 6,
                _ if as_of > deadline => 10,
                _ => 9,
            };
            counts[state] += 1;
            for item in &unit.items {
                counts[1] += 1;
                counts[2 + item.status] += 1;
                // The earliest of the dates the item must meet: the deadline of an open item, the
                // `rectify_by` of an ineffective one and of any the masses are not satisfied with.
                let deadline = (item.status == 2).then(|| day(item.deadline));
                let rectify =
                    (item.status == 3 || self.unsatisfied(item)).then(|| day(item.rectify_by));
                let due = deadline.into_iter().chain(rectify).min();
                if due.is_some_and(|due| due < as_of) {
                    counts[11] += 1;
                }
            }
        }
        counts
    }
}

/// A count as a number of one width, whatever width the report keeps it in.
fn n(count: impl TryInto<usize>) -> usize {
    count.try_into().unwrap_or(usize::MAX)
}

/// units, items, done, mostly done, open, ineffective, submitted, late, returned, pending,
/// missing, overdue.
fn counts(t: &Totals) -> [usize; 12] {
    let c = &t.counts;
    let s = &t.self_check;
    [
        n(t.units),
        n(c.items),
        n(c.done),
        n(c.mostly_done),
        n(c.open),
        n(c.ineffective),
        n(s.submitted),
        n(s.late),
        n(s.returned),
        n(s.pending),
        n(s.missing),
        n(c.overdue),
    ]
}

fn sum<'a>(totals: impl IntoIterator<Item = &'a Totals>) -> [usize; 12] {
    let mut sum = [0; 12];
    for t in totals {
        for (s, c) in sum.iter_mut().zip(counts(t)) {
            *s += c;
        }
    }
    sum
}

/// Writes `files` under `root` in the order given.
fn write(root: &Path, files: &[(String, String)]) {
    for (rel, text) in files {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("create folders");
        std::fs::write(&path, text).expect("write a file");
    }
}

fn temp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("huitoukan-prop-")
        .tempdir()
        .expect("a temporary folder")
}

fn report<'a>(checked: &'a Checked, org: &str, as_of: Date, public: bool, by: By) -> Report<'a> {
    let options = Options {
        org,
        as_of,
        public,
        by,
    };
    rollup::build(&checked.records, &checked.diagnostics, &options).expect("read back")
}

/// The arithmetic of one report: states add up to items, overdue items are unfinished, the
/// children and the org's own unit add up to the totals, and each folder's row to its
/// sub-folders' rows and its own unit.
fn assert_adds_up(report: &Report) {
    let org = report.org.as_deref().unwrap_or("");
    let rows = std::iter::once(&report.totals)
        .chain(report.children.iter().map(|c| &c.totals))
        .chain(report.units.iter().map(|u| &u.totals))
        .chain(report.orgs.iter().map(|o| &o.totals));
    for t in rows {
        let c = &t.counts;
        assert_eq!(
            c.done + c.mostly_done + c.open + c.ineffective,
            c.items,
            "{c:?}"
        );
        // Overdue: open, ineffective, or mostly done while the masses are not satisfied.
        assert!(c.overdue <= c.items - c.done, "{c:?}");
    }
    for a in &report.by_area {
        let c = &a.counts;
        assert_eq!(c.done + c.mostly_done + c.open + c.ineffective, c.items);
        assert!(c.overdue <= c.items - c.done);
    }
    assert_eq!(
        sum(report
            .children
            .iter()
            .map(|c| &c.totals)
            .chain(own(report, org))),
        counts(&report.totals),
        "the children of {org:?} and its own unit add up to its totals"
    );
    assert_eq!(
        report.own.as_ref(),
        own(report, org).next(),
        "`own` holds the totals of the unit at {org:?}, if there is one"
    );
    // The table of children, as md and the terminal show it: 本级 and the children add up to
    // the 合计 row, column by column.
    let table =
        huitoukan::render::rows::orgs_with_totals(report, &report.children, false, Lang::Zh);
    let ints = |row: &[Cell]| -> Vec<i64> {
        row.iter()
            .filter_map(|c| match c {
                Cell::Int(n) => Some(*n),
                _ => None,
            })
            .collect()
    };
    let (total, parts) = table.rows.split_last().expect("a 合计 row");
    let summed = parts
        .iter()
        .map(|r| ints(r))
        .fold(vec![0; ints(total).len()], |acc, r| {
            acc.iter().zip(&r).map(|(a, b)| a + b).collect()
        });
    assert_eq!(summed, ints(total), "the rows of {org:?} add up to 合计");
    for row in &report.orgs {
        let below = report.orgs.iter().filter(|o| {
            o.depth == row.depth + 1
                && o.org
                    .strip_prefix(&row.org)
                    .is_some_and(|r| r.starts_with('/'))
        });
        assert_eq!(
            sum(below.map(|o| &o.totals).chain(own(report, &row.org))),
            counts(&row.totals),
            "the sub-folders of {} and its own unit add up to its row",
            row.org
        );
    }
    assert_eq!(n(report.totals.units), report.units.len());
    let area_items: usize = report.by_area.iter().map(|a| n(a.counts.items)).sum();
    assert!(area_items <= n(report.totals.counts.items));
}

/// The totals of the unit whose folder is `folder`, if it is one.
fn own<'r>(report: &'r Report<'_>, folder: &'r str) -> impl Iterator<Item = &'r Totals> {
    report
        .units
        .iter()
        .filter(move |u| u.org == folder)
        .map(|u| &u.totals)
}

/// Everything a user could see of a tree: each check format and each report format with each
/// `--by`, for the whole tree, in both languages.
fn everything(root: &Path, as_of: Date) -> Vec<String> {
    let checked = check(root, as_of);
    let mut out = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        out.push(human::render(&checked, lang, Some(root)));
        out.push(json::render(&checked, ".", as_of, lang));
        out.push(github::render(&checked, lang, Some(root)));
        out.push(gitlab::render(&checked, lang, Some(root)));
        for by in By::ALL {
            let r = report(&checked, "", as_of, false, by);
            out.push(table::render(&r, by, lang).expect("rendered"));
            out.push(
                String::from_utf8_lossy(&csv::render(&r, by, lang).expect("rendered")).into_owned(),
            );
            out.push(markdown::render(&r, lang));
            out.push(json::report_string(&r));
        }
    }
    out
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn rollups_add_up(tree in tree()) {
        let dir = temp();
        write(dir.path(), &tree.files());
        let as_of = tree.as_of();
        let checked = check(dir.path(), as_of);
        let errors: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity() == huitoukan::diagnostic::Severity::Error)
            .map(|d| (d.code, checked.records.files.path(d.file()).to_owned()))
            .collect();
        prop_assert!(errors.is_empty(), "a valid tree: {errors:?}");

        let whole = report(&checked, "", as_of, false, By::Org);
        prop_assert_eq!(counts(&whole.totals), tree.expected());
        let area_items: usize = whole.by_area.iter().map(|a| n(a.counts.items)).sum();
        prop_assert_eq!(area_items, n(whole.totals.counts.items), "every item is in one area");
        assert_adds_up(&whole);
        for org in rollup::org_folders(&checked.records) {
            for public in [false, true] {
                assert_adds_up(&report(&checked, &org, as_of, public, By::Org));
            }
        }
    }
}

/// A tree, and its files in some order.
fn tree_and_shuffled_files() -> impl Strategy<Value = (GenTree, Vec<(String, String)>)> {
    tree().prop_flat_map(|tree| {
        let files = tree.files();
        (Just(tree), Just(files).prop_shuffle())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn output_is_the_same_whatever_the_file_order_and_thread_count(
        (tree, shuffled) in tree_and_shuffled_files()
    ) {
        let as_of = tree.as_of();
        let sorted = temp();
        write(sorted.path(), &tree.files());
        let made_shuffled = temp();
        write(made_shuffled.path(), &shuffled);
        let one = pool(1).install(|| everything(sorted.path(), as_of));
        let two = pool(2).install(|| everything(sorted.path(), as_of));
        prop_assert_eq!(&one, &two, "one thread and two");
        let other_order = pool(2).install(|| everything(made_shuffled.path(), as_of));
        prop_assert_eq!(&one, &other_order, "files made in another order");
    }
}

/// A change to a file's bytes, at a place given as a fraction of its length.
#[derive(Clone, Debug)]
enum Mutation {
    FlipBit(prop::sample::Index, u8),
    InsertByte(prop::sample::Index, u8),
    Truncate(prop::sample::Index),
    DeleteLine(prop::sample::Index),
    DuplicateLine(prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<prop::sample::Index>(), 0u8..8).prop_map(|(i, bit)| Mutation::FlipBit(i, bit)),
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::InsertByte(i, b)),
        any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        any::<prop::sample::Index>().prop_map(Mutation::DeleteLine),
        any::<prop::sample::Index>().prop_map(Mutation::DuplicateLine),
    ]
}

impl Mutation {
    fn apply(&self, bytes: &mut Vec<u8>) {
        let lines = |bytes: &[u8]| -> Vec<Vec<u8>> {
            bytes
                .split_inclusive(|&b| b == b'\n')
                .map(<[u8]>::to_vec)
                .collect()
        };
        match self {
            Mutation::FlipBit(_, _) | Mutation::Truncate(_) if bytes.is_empty() => {}
            Mutation::FlipBit(at, bit) => {
                let at = at.index(bytes.len());
                bytes[at] ^= 1 << bit;
            }
            Mutation::InsertByte(at, byte) => {
                let at = at.index(bytes.len() + 1);
                bytes.insert(at, *byte);
            }
            Mutation::Truncate(at) => bytes.truncate(at.index(bytes.len())),
            Mutation::DeleteLine(at) | Mutation::DuplicateLine(at) => {
                let mut all = lines(bytes);
                if all.is_empty() {
                    return;
                }
                let at = at.index(all.len());
                if matches!(self, Mutation::DeleteLine(_)) {
                    all.remove(at);
                } else {
                    let line = all[at].clone();
                    all.insert(at, line);
                }
                *bytes = all.concat();
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_files_never_panic(
        tree in tree(),
        file in any::<prop::sample::Index>(),
        mutations in vec(mutation(), 1..4),
        public in any::<bool>(),
    ) {
        let dir = temp();
        let files = tree.files();
        write(dir.path(), &files);
        let (rel, text) = &files[file.index(files.len())];
        let mut bytes = text.clone().into_bytes();
        for m in &mutations {
            m.apply(&mut bytes);
        }
        std::fs::write(dir.path().join(rel), &bytes).expect("write the mutated file");

        let as_of = tree.as_of();
        let checked = check(dir.path(), as_of);
        let root = dir.path();
        let lang = if public { Lang::En } else { Lang::Zh };
        let _ = human::render(&checked, lang, Some(root));
        let _ = github::render(&checked, lang, Some(root));
        let _ = github::step_summary(&checked, lang, Some(root));
        let document: serde_json::Value =
            serde_json::from_str(&json::render(&checked, ".", as_of, lang)).expect("check JSON");
        prop_assert_eq!(&document["errors"], &serde_json::json!(checked.counts().errors));
        let _: serde_json::Value =
            serde_json::from_str(&gitlab::render(&checked, lang, Some(root))).expect("GitLab JSON");
        let mut orgs = vec![String::new()];
        orgs.extend(rollup::org_folders(&checked.records).into_iter().take(2));
        for org in &orgs {
            for by in By::ALL {
                let r = report(&checked, org, as_of, public, by);
                assert_adds_up(&r);
                table::render(&r, by, lang).expect("rendered");
                csv::render(&r, by, lang).expect("rendered");
                let _ = markdown::render(&r, lang);
                let _: serde_json::Value =
                    serde_json::from_str(&json::report_string(&r)).expect("report JSON");
            }
        }
    }
}

/// The top-level folder of an org path.
fn top(org: &str) -> &str {
    org.split('/').next().unwrap_or(org)
}

impl GenTree {
    /// The tree without the linkages that cross from one top-level folder to another: split
    /// into one tree per top-level folder, each would name a unit it does not hold.
    fn without_crossing_links(mut self) -> GenTree {
        let orgs: Vec<&str> = self.units.iter().map(|u| u.org).collect();
        let n = orgs.len();
        for (u, unit) in self.units.iter_mut().enumerate() {
            for item in &mut unit.items {
                if let Some(lead) = item.linkage.map(|l| l % n)
                    && lead != u
                    && top(orgs[lead]) != top(orgs[u])
                {
                    item.linkage = None;
                }
            }
        }
        self
    }
}

/// The report of a tree, as `report --format json` writes it, read back as `merge` reads it.
fn stored_report(root: &Path, org: &str, as_of: Date) -> Report<'static> {
    let checked = check(root, as_of);
    let r = report(&checked, org, as_of, false, By::Unit);
    rollup::stored::parse(json::report_string(&r).as_bytes()).expect("a stored report reads back")
}

/// The parts of a report that a merge must reproduce.
fn merged_parts(report: &Report) -> serde_json::Value {
    let value = serde_json::to_value(report).expect("a report as JSON");
    crate::merge::ADDED_UP
        .iter()
        .map(|k| ((*k).to_owned(), value[*k].clone()))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// A province whose cities keep their own repositories: split a tree at its top-level
    /// folders into separate trees, report on each, merge the reports; the merge is the report
    /// of the whole tree. A part is either the folder in a tree of its own reported with
    /// `--org` (named by its org), or, where the folder is no unit itself, the folder's
    /// contents at the root of a tree whose `region` names it.
    #[test]
    fn the_merge_of_the_parts_is_the_report_of_the_whole(
        tree in tree(),
        by_region in vec(any::<bool>(), ORGS.len()),
    ) {
        let tree = tree.without_crossing_links();
        let as_of = tree.as_of();
        let files = tree.files();
        let whole_dir = temp();
        write(whole_dir.path(), &files);
        let checked = check(whole_dir.path(), as_of);
        let whole = report(&checked, "", as_of, false, By::Unit);

        let (campaign, records): (Vec<_>, Vec<_>) =
            files.iter().partition(|(rel, _)| rel == "huitoukan.toml");
        let campaign = &campaign[0].1;
        let mut tops: Vec<&str> = tree.units.iter().map(|u| top(u.org)).collect();
        tops.sort();
        tops.dedup();
        let dirs: Vec<_> = tops.iter().map(|_| temp()).collect();
        let mut inputs = Vec::new();
        for (i, (folder, dir)) in tops.iter().zip(&dirs).enumerate() {
            let is_unit = tree.units.iter().any(|u| u.org == *folder);
            let prefix = format!("{folder}/");
            let part: Vec<(String, String)> = records
                .iter()
                .filter(|(rel, _)| rel.starts_with(&prefix))
                .map(|(rel, text)| (rel.clone(), text.clone()))
                .collect();
            let stored = if by_region[i] && !is_unit {
                // The folder's contents at the root, its name the campaign's region.
                let mut moved: Vec<(String, String)> = part
                    .into_iter()
                    .map(|(rel, text)| {
                        let text = text.replace(&format!("lead_unit = \"{prefix}"), "lead_unit = \"");
                        (rel[prefix.len()..].to_owned(), text)
                    })
                    .collect();
                moved.push((
                    "huitoukan.toml".to_owned(),
                    campaign.replace("[campaign]\n", &format!("[campaign]\nregion = \"{folder}\"\n")),
                ));
                write(dir.path(), &moved);
                stored_report(dir.path(), "", as_of)
            } else {
                let mut kept = part;
                kept.push(("huitoukan.toml".to_owned(), campaign.clone()));
                write(dir.path(), &kept);
                stored_report(dir.path(), folder, as_of)
            };
            inputs.push(rollup::merge::Input { file: format!("{i}.json"), report: stored });
        }
        let merged = rollup::merge::merge(inputs, None, false).expect("the parts merge");
        let children: Vec<&str> = merged.children.iter().map(|c| c.org.as_str()).collect();
        // The parts are the children, in the whole's order (pinyin: no unit has an `order`).
        let whole_children: Vec<&str> = whole.children.iter().map(|c| c.org.as_str()).collect();
        prop_assert_eq!(&children, &whole_children, "the parts are the children");
        let mut sorted = tops.clone();
        sorted.sort_by_key(|t| children.iter().position(|c| c == t));
        prop_assert_eq!(children, sorted);
        prop_assert_eq!(n(merged.totals.units), tree.units.len());
        prop_assert_eq!(merged_parts(&merged), merged_parts(&whole));
        // And the merged report, written and read back, is a stored report like any other.
        let again = rollup::stored::parse(json::report_string(&merged).as_bytes()).expect("it reads back");
        prop_assert_eq!(merged_parts(&again), merged_parts(&whole));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, failure_persistence: None, ..ProptestConfig::default() })]

    /// Export → import is lossless: a tree's 整改事项清单, imported with the built-in mapping
    /// into a tree of the same units and no item, gives the same JSON report, internal and
    /// public (so `confidential` came back too), and the same 整改事项清单 (so every field the
    /// JSON does not show came back: each `[[progress]]` entry, in its order, and the
    /// linkage's reason).
    #[test]
    fn an_exported_workbook_imports_back_into_the_same_report(tree in tree()) {
        let as_of = tree.as_of();
        let original = temp();
        write(original.path(), &tree.files());
        let checked = check(original.path(), as_of);
        let json_of = |checked: &Checked, public: bool| {
            json::report_string(&report(checked, "", as_of, public, By::Unit))
        };
        let workbook = huitoukan::render::xlsx::render(
            &report(&checked, "", as_of, false, By::Item),
            Lang::Zh,
        )
        .expect("a workbook");

        let empty = temp();
        let units: Vec<(String, String)> = tree
            .files()
            .into_iter()
            .filter(|(rel, _)| !rel.contains("/items/"))
            .collect();
        write(empty.path(), &units);
        let plan = huitoukan::import::plan(huitoukan::import::Request {
            root: empty.path(),
            file: "导出.xlsx",
            bytes: workbook,
            mapping: None,
            as_of,
            update: false,
            keep_going: false,
        });
        prop_assert!(plan.diagnostics.is_empty(), "{:?}", plan.diagnostics);
        huitoukan::cmd::import::apply(empty.path(), &plan).expect("written");
        let imported = check(empty.path(), as_of);
        prop_assert_eq!(json_of(&imported, false), json_of(&checked, false));
        prop_assert_eq!(json_of(&imported, true), json_of(&checked, true));
        let ledger_of = |checked: &Checked| {
            let r = report(checked, "", as_of, false, By::Item);
            let items: Vec<_> = r.items.iter().collect::<Result<_, _>>().expect("read back");
            let ledger = huitoukan::render::rows::ledger(&items, Audience::of(&r, Lang::Zh));
            (ledger.headers, ledger.rows)
        };
        let ledger = ledger_of(&imported);
        prop_assert_eq!(&ledger, &ledger_of(&checked));
        let (headers, rows) = ledger;
        // The trees generate both: the test would not see them lost otherwise.
        let column = |name: &str| headers.iter().position(|h| *h == name).expect(name);
        let entries = |cells: &Vec<Cell>| match &cells[column("进展情况")] {
            Cell::Text(t) => t.lines().filter(|l| !l.starts_with(' ')).count(),
            _ => 0,
        };
        let generated: usize = tree
            .units
            .iter()
            .flat_map(|u| &u.items)
            .map(|i| i.progress.len())
            .sum();
        prop_assert_eq!(rows.iter().map(entries).sum::<usize>(), generated);
    }
}
