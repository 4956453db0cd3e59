//! The rows and columns of a report, shared by the table, Markdown and CSV renderers.
//!
//! A cell keeps its type (text, integer, rate, date) so that each format writes it its own way:
//! a rate is `37.5%` on screen and `0.375` in a spreadsheet.

use jiff::civil::Date;

use crate::i18n::{Lang, Term};
use crate::model::enums::Enumeration;
use crate::rollup::{
    AreaRow, DueItem, GroupRow, ItemCounts, ItemRow, LinkedItem, OrgRow, Report, Totals, UnitRow,
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

    /// The cell as people read it.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Rate(r) => percent(*r),
            Cell::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
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
        By::Item => items(&report.items[range], lang),
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
            Term::CompletionRate,
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
        Cell::Rate(c.completion_rate),
        Cell::Rate(c.satisfied_rate),
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
            let mut cells = vec![Cell::text(&o.org)];
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
                Cell::text(&*u.org),
                Cell::text(&*u.name),
                Cell::opt(u.category),
                u.batch.map_or(Cell::text(""), Cell::Int),
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
            Term::Org,
            Term::UnitName,
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
                Cell::text(&*u.org),
                Cell::text(&*u.name),
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
            let mut cells = vec![Cell::Int(a.area), Cell::text(&a.title)];
            cells.extend(count_cells(&a.counts));
            cells
        })
        .collect();
    Table { headers, rows }
}

pub fn items(rows: &[ItemRow], lang: Lang) -> Table {
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
        Term::File,
    ];
    let headers = headers(&terms, lang);
    let rows = rows
        .iter()
        .map(|i| {
            vec![
                Cell::text(&i.unit),
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
                Cell::text(i.measures.join("；")),
                Cell::text(&i.owner),
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
                Cell::text(i.evidence.join("；")),
                Cell::opt(i.lead_unit.as_ref()),
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
        ],
        lang,
    );
    let rows = rows
        .iter()
        .map(|d| {
            vec![
                Cell::text(&*d.unit),
                Cell::text(&*d.id),
                Cell::text(&d.title),
                Cell::text(d.status.to_string()),
                Cell::Date(d.due),
                d.days_overdue.map_or(Cell::text(""), Cell::Int),
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
                Cell::text(&*l.unit),
                Cell::text(&*l.id),
                Cell::text(&l.title),
            ]
        })
        .collect();
    Table { headers, rows }
}

/// The files a `--keep-going` report left out, and why.
pub fn left_out(report: &Report<'_>, lang: Lang) -> Table {
    let rows = report
        .left_out
        .iter()
        .map(|l| {
            let reason = match l.code {
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
