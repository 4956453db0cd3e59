//! The rows and columns of a report, shared by the table, Markdown and CSV renderers.
//!
//! A cell keeps its type (text, integer, rate, date) so that each format writes it its own way:
//! a rate is `37.5%` on screen and `0.375` in a spreadsheet.

use jiff::civil::Date;

use crate::i18n::{Lang, Term};
use crate::model::enums::Enumeration;
use crate::rollup::{
    AreaRow, DueItem, GroupRow, ItemCounts, ItemRow, LinkedItem, OrgRow, Progress, Report, Totals,
    UnitRow,
};
use crate::status::SelfCheckState;

pub use crate::rollup::By;

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A fraction in 0..=1; `None` where there is nothing to divide by.
    Rate(Option<f64>),
    Date(Option<Date>),
    /// A unit or a folder: its org path for machines (CSV), its name for people.
    Org {
        path: String,
        name: String,
    },
    /// A number that orders (an area): a digit for machines, 一、二… for people in Chinese.
    Ordinal(i64),
    /// A dated text (a `[[progress]]` entry): `2015-03-02: …` for machines, `2015年3月2日：…`
    /// for people in Chinese.
    Dated(Date, String),
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn count(n: impl TryInto<i64>) -> Cell {
        Cell::Int(n.try_into().unwrap_or(i64::MAX))
    }

    fn opt(s: Option<impl ToString>) -> Cell {
        Cell::Text(s.map(|s| s.to_string()).unwrap_or_default())
    }

    fn org(path: impl Into<String>, name: impl Into<String>) -> Cell {
        Cell::Org {
            path: path.into(),
            name: name.into(),
        }
    }

    /// The cell as a machine reads it: ISO dates, org paths.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) | Cell::Ordinal(n) => n.to_string(),
            Cell::Rate(r) => percent(*r),
            Cell::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
            Cell::Org { path, .. } => path.clone(),
            Cell::Dated(on, text) => format!("{on}: {text}"),
        }
    }

    /// The cell as people read it (tables, Markdown, HTML): names, and dates as Chinese
    /// documents write them (2015年3月10日) in Chinese.
    pub fn show(&self, lang: Lang) -> String {
        match self {
            Cell::Date(Some(d)) => date(*d, lang),
            Cell::Org { name, .. } => name.clone(),
            Cell::Dated(on, text) if lang == Lang::Zh => format!("{}：{text}", date(*on, lang)),
            Cell::Ordinal(n) if lang == Lang::Zh && *n > 0 => {
                crate::i18n::zh_numeral(usize::try_from(*n).unwrap_or(0))
            }
            _ => self.display(),
        }
    }
}

/// A date as people read it in `lang`.
pub fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => crate::i18n::zh_date(&d.to_string()),
        Lang::En => d.to_string(),
    }
}

fn batch(batch: Option<i64>, lang: Lang) -> Cell {
    match batch {
        Some(1) => Cell::text(Term::Batch1.text(lang)),
        Some(2) => Cell::text(Term::Batch2.text(lang)),
        Some(n) => Cell::Int(n),
        None => Cell::text(""),
    }
}

fn progress(p: Option<&Progress>) -> Cell {
    p.map_or_else(|| Cell::text(""), |p| Cell::Dated(p.on, p.text.clone()))
}

pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

/// The words of `terms` in `lang`, for a table's header row.
fn headers(terms: &[Term], lang: Lang) -> Vec<&'static str> {
    terms.iter().map(|t| t.text(lang)).collect()
}

#[derive(Debug)]
pub struct Table {
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

pub fn table(report: &Report, by: By, lang: Lang) -> Table {
    slice(report, by, 0..row_count(report, by), lang)
}

/// How many rows [`table`] has for `by`.
fn row_count(report: &Report, by: By) -> usize {
    match by {
        By::Org => report.orgs.len(),
        By::Unit => report.units.len(),
        By::Item => report.items.len(),
        By::Area => report.by_area.len(),
        By::Lead | By::Task => report.groups.len(),
    }
}

/// The rows `range` of [`table`].
fn slice(report: &Report, by: By, range: std::ops::Range<usize>, lang: Lang) -> Table {
    match by {
        By::Org => orgs(&report.orgs[range], true, lang),
        By::Unit => units(&report.units[range], lang),
        By::Item => items(&report.items.rows(range).collect::<Vec<_>>(), lang),
        By::Area => areas(&report.by_area[range], lang),
        By::Lead => groups(&report.groups[range], &[Term::Unit, Term::Lead], lang),
        By::Task => groups(&report.groups[range], &[Term::SpecialTask], lang),
    }
}

/// The table a report shows for `by` (for `By::Org`, as [`orgs_with_totals`] gives it), `size`
/// rows at a time, for a renderer that writes as it goes: one page's cells are held at a time,
/// never a province's. There is always a first page, which may have no rows.
pub fn pages<'r>(
    report: &'r Report<'r>,
    by: By,
    lang: Lang,
    size: usize,
) -> impl Iterator<Item = Table> + 'r {
    let size = size.max(1);
    let len = row_count(report, by);
    let count = len.div_ceil(size).max(1);
    (0..count).map(move |page| {
        let mut table = slice(report, by, page * size..((page + 1) * size).min(len), lang);
        if by == By::Org {
            if page == 0
                && let Some(own) = &report.own
            {
                table
                    .rows
                    .insert(0, total_row(Term::OwnLevel, own, true, lang));
            }
            if page + 1 == count {
                table
                    .rows
                    .push(total_row(Term::Total, &report.totals, true, lang));
            }
        }
        table
    })
}

/// `--by lead` and `--by task`: what the items are grouped by (`names`: the unit, if any, and
/// the lead or the task), then their counts.
fn groups(rows: &[GroupRow], names: &[Term], lang: Lang) -> Table {
    let mut headers = headers(names, lang);
    headers.extend(count_headers(lang));
    let rows = rows
        .iter()
        .map(|g| {
            let mut cells = Vec::with_capacity(headers.len());
            if names.len() > 1 {
                cells.push(Cell::text(&g.unit));
            }
            cells.push(Cell::text(&g.name));
            cells.extend(count_cells(&g.counts));
            cells
        })
        .collect();
    Table { headers, rows }
}

fn count_headers(lang: Lang) -> Vec<&'static str> {
    headers(
        &[
            Term::Items,
            Term::Done,
            Term::MostlyDone,
            Term::Open,
            Term::Ineffective,
            Term::Overdue,
            Term::Closed,
            Term::Assessed,
            Term::Satisfied,
            Term::CompletionRate,
            Term::DoneOrMostlyRate,
            Term::SatisfiedRate,
        ],
        lang,
    )
}

fn count_cells(c: &ItemCounts) -> Vec<Cell> {
    vec![
        Cell::count(c.items),
        Cell::count(c.done),
        Cell::count(c.mostly_done),
        Cell::count(c.open),
        Cell::count(c.ineffective),
        Cell::count(c.overdue),
        Cell::count(c.closed),
        Cell::count(c.assessed),
        Cell::count(c.satisfied),
        Cell::Rate(c.completion_rate()),
        Cell::Rate(c.done_or_mostly_rate()),
        Cell::Rate(c.satisfied_rate()),
    ]
}

fn self_check_headers(lang: Lang) -> Vec<&'static str> {
    headers(
        &[
            Term::Submitted,
            Term::Late,
            Term::Returned,
            Term::Pending,
            Term::Missing,
        ],
        lang,
    )
}

/// Units, item counts and self-check counts.
pub fn totals_headers(lang: Lang) -> Vec<&'static str> {
    let mut headers = vec![Term::Units.text(lang)];
    headers.extend(count_headers(lang));
    headers.extend(self_check_headers(lang));
    headers
}

pub fn totals_cells(t: &Totals) -> Vec<Cell> {
    let mut cells = vec![Cell::count(t.units)];
    cells.extend(count_cells(&t.counts));
    let s = &t.self_check;
    cells.extend([
        Cell::count(s.submitted),
        Cell::count(s.late),
        Cell::count(s.returned),
        Cell::count(s.pending),
        Cell::count(s.missing),
    ]);
    cells
}

pub fn orgs(rows: &[OrgRow], with_depth: bool, lang: Lang) -> Table {
    let mut headers = vec![Term::Org.text(lang)];
    if with_depth {
        headers.push(Term::Depth.text(lang));
    }
    headers.extend(totals_headers(lang));
    let rows = rows
        .iter()
        .map(|o| {
            // Below the children, a name is indented by its depth (the path says where it is).
            let indent = "\u{3000}".repeat(o.depth.saturating_sub(1));
            let name = format!("{indent}{}", crate::render::folder_name(&o.org));
            let mut cells = vec![Cell::org(&o.org, name)];
            if with_depth {
                cells.push(Cell::count(o.depth));
            }
            cells.extend(totals_cells(&o.totals));
            cells
        })
        .collect();
    Table { headers, rows }
}

/// [`orgs`] as a table of an org's children that adds up: a 本级 row first (the org's own
/// unit, where its folder is one) and a 合计 row last (the report's totals), both at depth 0.
pub fn orgs_with_totals(report: &Report, rows: &[OrgRow], with_depth: bool, lang: Lang) -> Table {
    let mut table = orgs(rows, with_depth, lang);
    if let Some(own) = &report.own {
        table
            .rows
            .insert(0, total_row(Term::OwnLevel, own, with_depth, lang));
    }
    table
        .rows
        .push(total_row(Term::Total, &report.totals, with_depth, lang));
    table
}

/// A 本级 or 合计 row of [`orgs_with_totals`], at depth 0.
fn total_row(term: Term, totals: &Totals, with_depth: bool, lang: Lang) -> Vec<Cell> {
    let mut cells = vec![Cell::text(term.text(lang))];
    if with_depth {
        cells.push(Cell::count(0));
    }
    cells.extend(totals_cells(totals));
    cells
}

pub fn state_label(state: SelfCheckState, lang: Lang) -> &'static str {
    match state {
        SelfCheckState::Submitted => Term::Submitted.text(lang),
        SelfCheckState::Late => Term::Late.text(lang),
        SelfCheckState::Returned => Term::Returned.text(lang),
        SelfCheckState::Pending => Term::Pending.text(lang),
        SelfCheckState::Missing => Term::Missing.text(lang),
    }
}

pub fn units(rows: &[UnitRow], lang: Lang) -> Table {
    let mut headers: Vec<&'static str> = headers(
        &[
            Term::Org,
            Term::UnitName,
            Term::Category,
            Term::Batch,
            Term::SelfCheck,
            Term::SubmittedOn,
        ],
        lang,
    );
    headers.extend(count_headers(lang));
    let rows = rows
        .iter()
        .map(|u| {
            let mut cells = vec![
                Cell::org(&*u.org, crate::render::folder_name(&u.org)),
                Cell::text(&*u.name),
                Cell::opt(u.category),
                batch(u.batch, lang),
                Cell::text(state_label(u.self_check, lang)),
                Cell::Date(u.submitted_on),
            ];
            cells.extend(count_cells(&u.totals.counts));
            cells
        })
        .collect();
    Table { headers, rows }
}

/// The units whose latest review left something to do, with that review.
pub fn open_reviews(rows: &[UnitRow], lang: Lang) -> Table {
    let headers = headers(
        &[
            Term::Unit,
            Term::ReviewKind,
            Term::ReviewBy,
            Term::ReviewOn,
            Term::ReviewResult,
        ],
        lang,
    );
    let rows = rows
        .iter()
        .filter_map(|u| {
            let r = u.open_review.as_ref()?;
            Some(vec![
                Cell::org(&*u.org, &*u.name),
                Cell::opt(r.kind.map(|k| k.label())),
                Cell::opt(r.by.as_ref()),
                Cell::Date(r.on),
                Cell::text(r.result.label()),
            ])
        })
        .collect();
    Table { headers, rows }
}

pub fn areas(rows: &[AreaRow], lang: Lang) -> Table {
    let mut headers = vec![Term::Area.text(lang), Term::AreaTitle.text(lang)];
    headers.extend(count_headers(lang));
    let rows = rows
        .iter()
        .map(|a| {
            let mut cells = vec![Cell::Ordinal(a.area), Cell::text(&a.title)];
            cells.extend(count_cells(&a.counts));
            cells
        })
        .collect();
    Table { headers, rows }
}

pub fn items(rows: &[ItemRow], lang: Lang) -> Table {
    items_joined(rows, lang, crate::i18n::list_separator(lang))
}

/// The 整改事项清单 of a workbook: [`items`] with each list (measures, evidence) one entry a
/// line, and what an item's file holds besides (`confidential`, `[closure]`), so that the
/// built-in import mapping reads every field back (`import::mapping`).
pub fn ledger(rows: &[ItemRow], lang: Lang) -> Table {
    let mut table = items_joined(rows, lang, "\n");
    table.headers.extend(headers(
        &[Term::Confidential, Term::ClosedBy, Term::ClosedOn],
        lang,
    ));
    for (cells, row) in table.rows.iter_mut().zip(rows) {
        cells.extend([
            Cell::text(if row.confidential { "是" } else { "" }),
            Cell::opt(row.closed_by.as_ref()),
            Cell::Date(row.closed_on),
        ]);
    }
    table
}

/// The 通报 list: units to be reminded (self-check late, returned or missing), with their
/// 主要负责同志, then units to be commended (every item done or mostly done, at least one
/// item, and the self-check on time): its header row.
pub fn notice_headers(lang: Lang) -> Vec<&'static str> {
    let mut headers = units(&[], lang).headers;
    headers.insert(0, Term::Notice.text(lang));
    headers.insert(3, Term::Principal.text(lang));
    headers
}

/// The rows of the 通报 list, one unit at a time.
pub fn notice<'r>(report: &'r Report<'r>, lang: Lang) -> impl Iterator<Item = Vec<Cell>> + 'r {
    fn lagging(u: &&UnitRow) -> bool {
        matches!(
            u.self_check,
            SelfCheckState::Late | SelfCheckState::Returned | SelfCheckState::Missing
        )
    }
    fn commended(u: &&UnitRow) -> bool {
        let c = &u.totals.counts;
        u.self_check == SelfCheckState::Submitted && c.items > 0 && c.open + c.ineffective == 0
    }
    let admonish = report.units.iter().filter(lagging);
    let commend = report.units.iter().filter(commended);
    let chosen = (admonish.map(|u| (Term::Admonish, u))).chain(commend.map(|u| (Term::Commend, u)));
    chosen.map(move |(kind, unit)| {
        let mut cells = units(std::slice::from_ref(unit), lang)
            .rows
            .pop()
            .unwrap_or_default();
        cells.insert(0, Cell::text(kind.text(lang)));
        cells.insert(3, Cell::opt(unit.principal.as_ref()));
        cells
    })
}

fn items_joined(rows: &[ItemRow], lang: Lang, list: &str) -> Table {
    let terms = [
        Term::Unit,
        Term::UnitName,
        Term::Id,
        Term::Title,
        Term::Area,
        Term::Points,
        Term::Source,
        Term::SpecialTask,
        Term::FoundOn,
        Term::Problem,
        Term::Commitment,
        Term::Measures,
        Term::Owner,
        Term::Person,
        Term::Responsible,
        Term::Lead,
        Term::Deadline,
        Term::Status,
        Term::CompletedOn,
        Term::Consolidation,
        Term::RectifyBy,
        Term::DaysOverdue,
        Term::Satisfaction,
        Term::Evidence,
        Term::LeadUnit,
        Term::LatestProgress,
        Term::File,
    ];
    let headers = headers(&terms, lang);
    let rows = rows
        .iter()
        .map(|i| {
            vec![
                Cell::org(&i.unit, crate::render::folder_name(&i.unit)),
                Cell::text(&i.unit_name),
                Cell::text(&i.id),
                Cell::text(&i.title),
                i.area.map_or(Cell::text(""), Cell::Int),
                Cell::text(i.points.join(", ")),
                Cell::opt(i.source.as_ref()),
                Cell::opt(i.special_task.as_ref()),
                Cell::Date(i.found_on),
                Cell::opt(i.problem.as_ref()),
                Cell::opt(i.commitment.as_ref()),
                Cell::text(i.measures.join(list)),
                Cell::text(owner(&i.owner, lang)),
                Cell::opt(i.person.as_ref()),
                Cell::opt(i.responsible.as_ref()),
                Cell::opt(i.lead.as_ref()),
                Cell::Date(i.deadline),
                Cell::text(i.status.to_string()),
                Cell::Date(i.completed_on),
                Cell::opt(i.consolidation.as_ref()),
                Cell::Date(i.rectify_by),
                i.days_overdue.map_or(Cell::text(""), Cell::Int),
                Cell::text(i.satisfaction.to_string()),
                Cell::text(i.evidence.join(list)),
                Cell::opt(i.lead_unit.as_ref()),
                progress(i.latest_progress.as_ref()),
                Cell::text(&i.file),
            ]
        })
        .collect();
    Table { headers, rows }
}

pub fn due_items(rows: &[DueItem], lang: Lang) -> Table {
    let headers = headers(
        &[
            Term::Unit,
            Term::Id,
            Term::Title,
            Term::Status,
            Term::Due,
            Term::DaysOverdue,
            Term::LatestProgress,
        ],
        lang,
    );
    let rows = rows
        .iter()
        .map(|d| {
            vec![
                Cell::org(&*d.unit, &*d.unit_name),
                Cell::text(&*d.id),
                Cell::text(&d.title),
                Cell::text(d.status.to_string()),
                Cell::Date(d.due),
                d.days_overdue.map_or(Cell::text(""), Cell::Int),
                progress(d.progress.as_ref()),
            ]
        })
        .collect();
    Table { headers, rows }
}

pub fn linked_items(rows: &[&LinkedItem], lang: Lang) -> Table {
    let headers = headers(&[Term::Unit, Term::Id, Term::Title], lang);
    let rows = rows
        .iter()
        .map(|l| {
            vec![
                Cell::org(&*l.unit, &*l.unit_name),
                Cell::text(&*l.id),
                Cell::text(&l.title),
            ]
        })
        .collect();
    Table { headers, rows }
}

/// 通报, 约谈提醒: the units whose self-check is late, returned or missing, with their
/// 主要负责同志.
pub fn units_to_remind(rows: &[UnitRow], lang: Lang) -> Table {
    let headers = headers(
        &[
            Term::Unit,
            Term::SelfCheck,
            Term::SubmittedOn,
            Term::Principal,
        ],
        lang,
    );
    let rows = rows
        .iter()
        .map(|u| {
            vec![
                Cell::org(&*u.org, &*u.name),
                Cell::text(state_label(u.self_check, lang)),
                Cell::Date(u.submitted_on),
                Cell::opt(u.principal.as_ref()),
            ]
        })
        .collect();
    Table { headers, rows }
}

/// 通报, 表扬: the units with every item done or mostly done and an on-time self-check.
pub fn units_to_praise(rows: &[UnitRow], lang: Lang) -> Table {
    let headers = headers(
        &[
            Term::Unit,
            Term::Items,
            Term::Done,
            Term::MostlyDone,
            Term::SubmittedOn,
        ],
        lang,
    );
    let rows = rows
        .iter()
        .map(|u| {
            let c = &u.totals.counts;
            vec![
                Cell::org(&*u.org, &*u.name),
                Cell::count(c.items),
                Cell::count(c.done),
                Cell::count(c.mostly_done),
                Cell::Date(u.submitted_on),
            ]
        })
        .collect();
    Table { headers, rows }
}

/// 整改类型: 班子整改 or 个人整改, from the record's `owner`.
fn owner(owner: &str, lang: Lang) -> &'static str {
    match owner {
        "个人" => Term::OwnerPerson.text(lang),
        _ => Term::OwnerBody.text(lang),
    }
}

/// The files a `--keep-going` report left out, and why.
pub fn left_out(report: &Report<'_>, lang: Lang) -> Table {
    let rows = report
        .left_out
        .iter()
        .map(|l| {
            let reason = match &l.code {
                Some(code) => format!("{code}: {}", l.reason.text(lang)),
                None => l.reason.text(lang),
            };
            vec![Cell::text(&l.file), Cell::Text(reason)]
        })
        .collect();
    Table {
        headers: vec![Term::File.text(lang), Term::Reason.text(lang)],
        rows,
    }
}
