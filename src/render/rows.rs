//! The rows and columns of a report, shared by the table, Markdown and CSV renderers.
//!
//! A cell keeps its type (text, integer, rate, date) so that each format writes it its own way:
//! a rate is `37.5%` on screen and `0.375` in a spreadsheet.

use jiff::civil::Date;

use crate::format::enums::Enumeration;
use crate::format::{SHOWN, Shown};
use crate::load::source::Unreadable;
use crate::model::status::SelfCheckState;
use crate::rollup::{
    AreaRow, DueItem, GroupRow, ItemCounts, ItemRow, LeftOut, LinkedItem, OrgRow, Progress,
    RemindReasons, Report, ReviewNote, Totals, UnitRow,
};
use crate::text::i18n::{Lang, Term};
use crate::text::messages::report::ReportMsg;

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
                crate::text::i18n::zh_numeral(usize::try_from(*n).unwrap_or(0))
            }
            _ => self.display(),
        }
    }
}

/// A date as people read it in `lang`.
pub fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => crate::text::i18n::zh_date(&d.to_string()),
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

/// One column of a table: its heading, its cell in a row of type `R`, and whether it shows
/// process rather than progress. Each table is one list of these, so that its header and its
/// rows come from the same place and cannot drift apart; a table that shows another's columns
/// takes them from that table's list.
struct Column<'c, R: ?Sized> {
    heading: Heading,
    cell: Box<dyn Fn(&R) -> Cell + 'c>,
    /// How the work was done rather than how far it is (the self-check, its dates, its review):
    /// no public table has it (SPEC §14: progress, not process).
    process: bool,
}

fn column<'c, R: ?Sized>(
    heading: impl Into<Heading>,
    cell: impl Fn(&R) -> Cell + 'c,
) -> Column<'c, R> {
    Column {
        heading: heading.into(),
        cell: Box::new(cell),
        process: false,
    }
}

/// Whom a table is made for: the language it is read in, and whether it is the public's. A
/// public table is made without the columns declared process (`Column::process`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Audience {
    pub lang: Lang,
    pub public: bool,
}

impl Audience {
    /// The readers of `report` (`report --public` or not), in `lang`.
    pub fn of(report: &Report, lang: Lang) -> Audience {
        Audience {
            lang,
            public: report.public,
        }
    }

    /// The office's own readers, who see every column.
    pub fn office(lang: Lang) -> Audience {
        Audience {
            lang,
            public: false,
        }
    }

    fn sees<R: ?Sized>(self, column: &Column<'_, R>) -> bool {
        !(self.public && column.process)
    }
}

/// What a column is headed with: a term of the reports, or the label of an item's field shown
/// as it is written ([`SHOWN`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    Term(Term),
    Shown(Shown),
}

impl Heading {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Heading::Term(term) => term.text(lang),
            Heading::Shown(field) => field.label.text(lang),
        }
    }
}

impl From<Term> for Heading {
    fn from(term: Term) -> Heading {
        Heading::Term(term)
    }
}

impl PartialEq<Term> for Heading {
    fn eq(&self, term: &Term) -> bool {
        *self == Heading::Term(*term)
    }
}

impl<'c, R: ?Sized + 'c> Column<'c, R> {
    /// The same column for rows of type `S`, each holding an `R`.
    fn of<S: ?Sized>(self, part: impl Fn(&S) -> &R + 'c) -> Column<'c, S> {
        let cell = self.cell;
        Column {
            heading: self.heading,
            cell: Box::new(move |s| cell(part(s))),
            process: self.process,
        }
    }

    /// This column as one of the process, which a public table leaves out.
    fn process(self) -> Column<'c, R> {
        Column {
            process: true,
            ..self
        }
    }
}

/// Every column of `columns` for rows of type `S`, each holding an `R`.
fn lift<'c, R: ?Sized + 'c, S: ?Sized + 'c>(
    columns: Vec<Column<'c, R>>,
    part: fn(&S) -> &R,
) -> impl Iterator<Item = Column<'c, S>> {
    columns.into_iter().map(move |c| c.of(part))
}

/// The table of `rows` under those of `columns` that `audience` sees: a column it does not see
/// is never made.
fn tabulate<'r, R: 'r>(
    columns: &[Column<'_, R>],
    rows: impl IntoIterator<Item = &'r R>,
    audience: Audience,
) -> Table {
    let seen: Vec<&Column<R>> = columns.iter().filter(|c| audience.sees(c)).collect();
    Table {
        headers: seen.iter().map(|c| c.heading.text(audience.lang)).collect(),
        rows: rows
            .into_iter()
            .map(|row| seen.iter().map(|c| (c.cell)(row)).collect())
            .collect(),
    }
}

#[derive(Debug)]
pub struct Table {
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// The rows of a list, each with its 序号 first (1, 2, 3…), one at a time: [`numbered`]'s
/// numbers for a list too long to hold.
pub fn serial(rows: impl Iterator<Item = Vec<Cell>>) -> impl Iterator<Item = Vec<Cell>> {
    rows.enumerate().map(|(n, mut row)| {
        row.insert(0, Cell::count(n + 1));
        row
    })
}

/// `table` with a 序号 column first (1, 2, 3…): every list of units or items a document shows
/// numbers its rows (SPEC §14). A 本级 or 合计 row is not one of the list: no number.
pub fn numbered(mut table: Table, lang: Lang) -> Table {
    table.headers.insert(0, Term::SerialNumber.text(lang));
    let sums = [Term::OwnLevel.text(lang), Term::Total.text(lang)];
    let mut n = 0;
    for row in &mut table.rows {
        let sum = matches!(row.first(), Some(Cell::Text(t)) if sums.contains(&t.as_str()));
        if sum {
            row.insert(0, Cell::text(""));
        } else {
            n += 1;
            row.insert(0, Cell::count(n));
        }
    }
    table
}

/// The rows a report lists for `by`; an error where an item's value cannot be read back.
pub fn table(report: &Report, by: By, lang: Lang) -> Result<Table, Unreadable> {
    slice(
        report,
        by,
        0..row_count(report, by),
        Audience::of(report, lang),
    )
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
fn slice(
    report: &Report,
    by: By,
    range: std::ops::Range<usize>,
    audience: Audience,
) -> Result<Table, Unreadable> {
    Ok(match by {
        By::Org => orgs(&report.orgs[range], true, audience),
        By::Unit => units(&report.units[range], audience),
        By::Item => items(
            &report.items.rows(range).collect::<Result<Vec<_>, _>>()?,
            audience,
        ),
        By::Area => areas(&report.by_area[range], audience),
        By::Lead => groups(&report.groups[range], Some(Term::Lead), audience),
        By::Task => groups(&report.groups[range], None, audience),
    })
}

/// The table a report shows for `by` (for `By::Org`, as [`orgs_with_totals`] gives it), `size`
/// rows at a time, for a renderer that writes as it goes: one page's cells are held at a time,
/// never a province's. There is always a first page, which may have no rows.
pub fn pages<'r>(
    report: &'r Report<'r>,
    by: By,
    lang: Lang,
    size: usize,
) -> impl Iterator<Item = Result<Table, Unreadable>> + 'r {
    let size = size.max(1);
    let len = row_count(report, by);
    let count = len.div_ceil(size).max(1);
    let audience = Audience::of(report, lang);
    (0..count).map(move |page| {
        let range = page * size..((page + 1) * size).min(len);
        let mut table = slice(report, by, range, audience)?;
        if by == By::Org {
            if page == 0
                && let Some(own) = &report.own
            {
                table
                    .rows
                    .insert(0, total_row(Term::OwnLevel, own, true, audience));
            }
            if page + 1 == count {
                table
                    .rows
                    .push(total_row(Term::Total, &report.totals, true, audience));
            }
        }
        Ok(table)
    })
}

/// `--by lead` (`lead`: the unit, then the lead) and `--by task` (`None`: the task): what the
/// items are grouped by, then their counts.
fn groups(rows: &[GroupRow], lead: Option<Term>, audience: Audience) -> Table {
    let lang = audience.lang;
    let mut columns: Vec<Column<GroupRow>> = Vec::new();
    if let Some(lead) = lead {
        columns.push(column(Term::Unit, |g: &GroupRow| Cell::text(&g.unit)));
        // An empty name: the items of the unit that no one leads.
        columns.push(column(lead, move |g: &GroupRow| {
            if g.name.is_empty() {
                Cell::text(Term::NoLead.text(lang))
            } else {
                Cell::text(&g.name)
            }
        }));
    } else {
        columns.push(column(Term::SpecialTask, |g: &GroupRow| {
            Cell::text(&g.name)
        }));
    }
    columns.extend(lift(count_columns(), |g: &GroupRow| &g.counts));
    tabulate(&columns, rows, audience)
}

/// The counts of a set of items, then their rates.
fn count_columns() -> Vec<Column<'static, ItemCounts>> {
    vec![
        column(Term::Items, |c: &ItemCounts| Cell::count(c.items)),
        column(Term::Done, |c: &ItemCounts| Cell::count(c.done)),
        column(Term::MostlyDone, |c: &ItemCounts| {
            Cell::count(c.mostly_done)
        }),
        column(Term::Open, |c: &ItemCounts| Cell::count(c.open)),
        column(Term::Ineffective, |c: &ItemCounts| {
            Cell::count(c.ineffective)
        }),
        column(Term::Overdue, |c: &ItemCounts| Cell::count(c.overdue)),
        column(Term::Closed, |c: &ItemCounts| Cell::count(c.closed)),
        column(Term::Assessed, |c: &ItemCounts| Cell::count(c.assessed)),
        column(Term::Satisfied, |c: &ItemCounts| Cell::count(c.satisfied)),
        column(Term::CompletionRate, |c: &ItemCounts| {
            Cell::Rate(c.completion_rate())
        }),
        column(Term::DoneOrMostlyRate, |c: &ItemCounts| {
            Cell::Rate(c.done_or_mostly_rate())
        }),
        column(Term::SatisfiedRate, |c: &ItemCounts| {
            Cell::Rate(c.satisfied_rate())
        }),
    ]
}

/// The self-check of the reporting units (报送单位, SPEC §14): 逾期报送 counts every one whose
/// first submission was late, also when it was returned since; the others are exclusive states.
fn self_check_columns() -> Vec<Column<'static, Totals>> {
    vec![
        column(Term::Submitted, |t: &Totals| {
            Cell::count(t.reporting_self_check.submitted)
        })
        .process(),
        column(Term::Late, |t: &Totals| Cell::count(t.late_filed)).process(),
        column(Term::Returned, |t: &Totals| {
            Cell::count(t.reporting_self_check.returned)
        })
        .process(),
        column(Term::Pending, |t: &Totals| {
            Cell::count(t.reporting_self_check.pending)
        })
        .process(),
        column(Term::Missing, |t: &Totals| {
            Cell::count(t.reporting_self_check.missing)
        })
        .process(),
    ]
}

/// Units, reporting units, item counts and the reporting units' self-check counts.
fn totals_columns() -> Vec<Column<'static, Totals>> {
    let mut columns = vec![
        column(Term::Units, |t: &Totals| Cell::count(t.units)),
        column(Term::ReportingUnits, |t: &Totals| {
            Cell::count(t.reporting_units)
        }),
    ];
    columns.extend(lift(count_columns(), |t: &Totals| &t.counts));
    columns.extend(self_check_columns());
    columns
}

/// The headings of [`totals_cells`]: every column, as the office reads them (a comparison of
/// two reports, a trend).
pub fn totals_headers(lang: Lang) -> Vec<&'static str> {
    tabulate(&totals_columns(), [], Audience::office(lang)).headers
}

/// The cells of [`totals_headers`] for `t`.
pub fn totals_cells(t: &Totals) -> Vec<Cell> {
    totals_columns().iter().map(|c| (c.cell)(t)).collect()
}

/// The totals of a report as a table of one row.
pub fn totals(report: &Report, lang: Lang) -> Table {
    tabulate(
        &totals_columns(),
        [&report.totals],
        Audience::of(report, lang),
    )
}

pub fn orgs(rows: &[OrgRow], with_depth: bool, audience: Audience) -> Table {
    let mut columns = vec![column(Term::Org, |o: &OrgRow| {
        // Below the children, a name is indented by its depth (the path says where it is).
        let indent = "\u{3000}".repeat(o.depth.saturating_sub(1));
        let name = format!("{indent}{}", crate::render::folder_name(&o.org));
        Cell::org(&o.org, name)
    })];
    if with_depth {
        columns.push(column(Term::Depth, |o: &OrgRow| Cell::count(o.depth)));
    }
    columns.extend(lift(totals_columns(), |o: &OrgRow| &o.totals));
    tabulate(&columns, rows, audience)
}

/// [`orgs`] as a table of an org's children that adds up: a 本级 row first (the org's own
/// unit, where its folder is one) and a 合计 row last (the report's totals), both at depth 0.
pub fn orgs_with_totals(report: &Report, rows: &[OrgRow], with_depth: bool, lang: Lang) -> Table {
    let audience = Audience::of(report, lang);
    let mut table = orgs(rows, with_depth, audience);
    if let Some(own) = &report.own {
        table
            .rows
            .insert(0, total_row(Term::OwnLevel, own, with_depth, audience));
    }
    table
        .rows
        .push(total_row(Term::Total, &report.totals, with_depth, audience));
    table
}

/// A 本级 or 合计 row of [`orgs_with_totals`], at depth 0: the columns of [`orgs`] that
/// `audience` sees.
fn total_row(term: Term, totals: &Totals, with_depth: bool, audience: Audience) -> Vec<Cell> {
    let mut cells = vec![Cell::text(term.text(audience.lang))];
    if with_depth {
        cells.push(Cell::count(0));
    }
    let table = tabulate(&totals_columns(), [totals], audience);
    cells.extend(table.rows.into_iter().flatten());
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

/// What names a unit in [`units`]: its folder and its `name`.
fn unit_name_columns<'u>() -> Vec<Column<'u, UnitRow<'u>>> {
    vec![
        column(Term::Org, |u: &UnitRow| {
            Cell::org(&*u.org, crate::render::folder_name(&u.org))
        }),
        column(Term::UnitName, |u: &UnitRow| Cell::text(&*u.name)),
    ]
}

/// What [`units`] shows of a unit after its name: its kind, its self-check and its counts.
fn unit_state_columns<'u>(lang: Lang) -> Vec<Column<'u, UnitRow<'u>>> {
    let mut columns = vec![
        column(Term::Category, |u: &UnitRow| Cell::opt(u.category)),
        column(Term::Batch, move |u: &UnitRow| batch(u.batch, lang)),
        column(Term::SelfCheck, move |u: &UnitRow| {
            Cell::text(state_label(u.self_check, lang))
        })
        .process(),
        column(Term::SubmittedOn, |u: &UnitRow| Cell::Date(u.submitted_on)).process(),
    ];
    columns.extend(lift(count_columns(), |u: &UnitRow| &u.totals.counts));
    columns
}

pub fn units(rows: &[UnitRow], audience: Audience) -> Table {
    let mut columns = unit_name_columns();
    columns.extend(unit_state_columns(audience.lang));
    tabulate(&columns, rows, audience)
}

/// The units whose latest review left something to do, with that review.
pub fn open_reviews(rows: &[UnitRow], audience: Audience) -> Table {
    type Open<'r, 'u> = (&'r UnitRow<'u>, &'r ReviewNote);
    let columns: Vec<Column<Open>> = vec![
        column(Term::Unit, |(u, _): &Open| Cell::org(&*u.org, &*u.name)),
        // A review's findings are process: a public report shows none (SPEC §14).
        column(Term::ReviewKind, |(_, r): &Open| {
            Cell::opt(r.kind.map(|k| k.label()))
        })
        .process(),
        column(Term::ReviewBy, |(_, r): &Open| Cell::opt(r.by.as_ref())).process(),
        column(Term::ReviewOn, |(_, r): &Open| Cell::Date(r.on)).process(),
        column(Term::ReviewResult, |(_, r): &Open| {
            Cell::text(r.result.label())
        })
        .process(),
    ];
    let open: Vec<Open> = rows
        .iter()
        .filter_map(|u| Some((u, u.open_review.as_deref()?)))
        .collect();
    tabulate(&columns, &open, audience)
}

pub fn areas(rows: &[AreaRow], audience: Audience) -> Table {
    let mut columns = vec![
        column(Term::Area, |a: &AreaRow| Cell::Ordinal(a.area)),
        column(Term::AreaTitle, |a: &AreaRow| Cell::text(&a.title)),
    ];
    columns.extend(lift(count_columns(), |a: &AreaRow| &a.counts));
    tabulate(&columns, rows, audience)
}

pub fn items(rows: &[ItemRow], audience: Audience) -> Table {
    let lang = audience.lang;
    tabulate(
        &item_columns(lang, crate::text::i18n::list_separator(lang)),
        rows,
        audience,
    )
}

/// The 整改事项清单 of a workbook: [`items`] with each list (measures, evidence) one entry a
/// line, every `[[progress]]` entry (进展情况, one a line: [`crate::format::ledger`]) in
/// place of the latest, the linkage's reason after its lead unit, and what an item's file
/// holds besides (`confidential`, `[closure]`), so that the built-in import mapping reads every
/// field back (`import::mapping`).
pub fn ledger(rows: &[ItemRow], audience: Audience) -> Table {
    let mut columns = item_columns(audience.lang, "\n");
    for c in &mut columns {
        if c.heading == Term::LatestProgress {
            *c = column(Term::ProgressLog, |i: &ItemRow| {
                Cell::Text(crate::format::ledger::write(
                    i.progress.iter().map(|p| (p.on, p.text.as_str())),
                ))
            });
        }
    }
    if let Some(at) = columns.iter().position(|c| c.heading == Term::LeadUnit) {
        columns.insert(
            at + 1,
            column(Term::LinkageReason, |i: &ItemRow| {
                Cell::opt(i.linkage_reason.as_ref())
            }),
        );
    }
    columns.extend([
        column(Term::Confidential, |i: &ItemRow| {
            Cell::text(if i.confidential { "是" } else { "" })
        }),
        column(Term::ClosedBy, |i: &ItemRow| {
            Cell::opt(i.closed_by.as_ref())
        }),
        column(Term::ClosedOn, |i: &ItemRow| Cell::Date(i.closed_on)),
    ]);
    tabulate(&columns, rows, audience)
}

/// The 通报 list ([`Report::notices`]): the units to be reminded, with their 主要负责同志, then
/// the units to be commended.
pub fn notice(report: &Report, lang: Lang) -> Table {
    type Noticed<'r, 'u> = (Term, &'r UnitRow<'u>, Option<RemindReasons>);
    let notices = report.notices();
    let chosen: Vec<Noticed> = (notices.remind.into_iter())
        .map(|(u, why)| (Term::Admonish, u, Some(why)))
        .chain(notices.praise.into_iter().map(|u| (Term::Commend, u, None)))
        .collect();
    fn unit<'n, 'u>(noticed: &'n Noticed<'_, 'u>) -> &'n UnitRow<'u> {
        noticed.1
    }
    let mut columns: Vec<Column<Noticed>> =
        vec![column(Term::Notice, move |(kind, _, _): &Noticed| {
            Cell::text(kind.text(lang))
        })];
    columns.extend(lift(unit_name_columns(), unit));
    columns.push(column(Term::Reasons, move |(_, _, why): &Noticed| {
        Cell::Text(why.map(|w| reasons(&w, lang)).unwrap_or_default())
    }));
    columns.push(column(Term::Principal, |(_, u, _): &Noticed| {
        Cell::opt(u.principal.as_ref())
    }));
    columns.extend(lift(unit_state_columns(lang), unit));
    tabulate(&columns, &chosen, Audience::of(report, lang))
}

/// Every field of an item, a list's entries joined with `list`.
fn item_columns(lang: Lang, list: &str) -> Vec<Column<'_, ItemRow>> {
    let mut columns = vec![
        column(Term::Unit, |i: &ItemRow| {
            Cell::org(&i.unit, crate::render::folder_name(&i.unit))
        }),
        column(Term::UnitName, |i: &ItemRow| Cell::text(&i.unit_name)),
        column(Term::Id, |i: &ItemRow| Cell::text(&i.id)),
        column(Term::Title, |i: &ItemRow| Cell::text(&i.title)),
        column(Term::Area, |i: &ItemRow| {
            i.area.map_or(Cell::text(""), Cell::Int)
        }),
        column(Term::Points, |i: &ItemRow| Cell::text(i.points.join(", "))),
        column(Term::Source, |i: &ItemRow| Cell::opt(i.source.as_ref())),
        column(Term::SpecialTask, |i: &ItemRow| {
            Cell::opt(i.special_task.as_ref())
        }),
        column(Term::FoundOn, |i: &ItemRow| Cell::Date(i.found_on)),
    ];
    columns.extend(SHOWN.iter().enumerate().map(|(at, field)| {
        column(Heading::Shown(*field), move |i: &ItemRow| {
            Cell::opt(i.shown.0[at].as_ref())
        })
    }));
    columns.extend([
        column(Term::Measures, move |i: &ItemRow| {
            Cell::text(i.measures.join(list))
        }),
        column(Term::Owner, move |i: &ItemRow| {
            Cell::text(owner(&i.owner, lang))
        }),
        column(Term::Person, |i: &ItemRow| Cell::opt(i.person.as_ref())),
        column(Term::Responsible, |i: &ItemRow| {
            Cell::opt(i.responsible.as_ref())
        }),
        column(Term::Lead, |i: &ItemRow| Cell::opt(i.lead.as_ref())),
        column(Term::Deadline, |i: &ItemRow| Cell::Date(i.deadline)),
        column(Term::Status, |i: &ItemRow| Cell::text(i.status.to_string())),
        column(Term::CompletedOn, |i: &ItemRow| Cell::Date(i.completed_on)),
        column(Term::Consolidation, |i: &ItemRow| {
            Cell::opt(i.consolidation.as_ref())
        }),
        column(Term::RectifyBy, |i: &ItemRow| Cell::Date(i.rectify_by)),
        column(Term::DaysOverdue, |i: &ItemRow| {
            i.days_overdue.map_or(Cell::text(""), Cell::Int)
        }),
        column(Term::Satisfaction, |i: &ItemRow| {
            Cell::text(i.satisfaction.to_string())
        }),
        column(Term::Evidence, move |i: &ItemRow| {
            Cell::text(i.evidence.join(list))
        }),
        column(Term::LeadUnit, |i: &ItemRow| {
            Cell::opt(i.lead_unit.as_ref())
        }),
        column(Term::LatestProgress, |i: &ItemRow| {
            progress(i.latest_progress.as_ref())
        }),
        column(Term::File, |i: &ItemRow| Cell::text(&i.file)),
    ]);
    columns
}

/// The 整改事项清单 an office prints (the 情况报告's 附件3): 单位, 问题 (the item's title, how
/// the office names the problem), 整改措施 (one a line), 责任单位, 时限, 状态, 最新进展; the
/// columns of [`items`], chosen.
pub fn office_items(rows: &[ItemRow], audience: Audience) -> Table {
    let chosen = [
        (Term::UnitName, Term::Unit),
        (Term::Title, Term::Problem),
        (Term::Measures, Term::Measures),
        (Term::Responsible, Term::ResponsibleUnit),
        (Term::Deadline, Term::Due),
        (Term::Status, Term::Status),
        (Term::LatestProgress, Term::LatestProgress),
    ];
    let mut all = item_columns(audience.lang, "\n");
    let columns: Vec<Column<ItemRow>> = chosen
        .iter()
        .filter_map(|(of, heading)| {
            let at = all.iter().position(|c| c.heading == *of)?;
            let mut column = all.swap_remove(at);
            column.heading = (*heading).into();
            Some(column)
        })
        .collect();
    tabulate(&columns, rows, audience)
}

/// The self-check of each reporting unit (the 情况报告's 附件2): its meeting, its submission,
/// its latest review (审核情况), where its result was made known and whether it was published.
/// The first three are process: a public table keeps the unit and the last two.
pub fn self_checks(rows: &[&UnitRow], audience: Audience) -> Table {
    let lang = audience.lang;
    let columns: Vec<Column<UnitRow>> = vec![
        column(Term::Unit, |u: &UnitRow| Cell::org(&*u.org, &*u.name)),
        column(Term::MeetingOn, |u: &UnitRow| Cell::Date(u.meeting_on)).process(),
        column(Term::SubmittedOn, |u: &UnitRow| Cell::Date(u.submitted_on)).process(),
        column(Term::ReviewStatus, move |u: &UnitRow| {
            Cell::Text(u.review.as_ref().map_or_else(String::new, |r| {
                let what = r.kind.map_or("", |k| k.label());
                let result = crate::text::i18n::labelled(lang, what, r.result.label());
                match r.on {
                    Some(on) => format!(
                        "{result}{}",
                        crate::text::i18n::parenthesised(lang, &date(on, lang))
                    ),
                    None => result,
                }
            }))
        })
        .process(),
        column(Term::DisclosedIn, |u: &UnitRow| {
            Cell::opt(u.disclosed_in.as_ref())
        }),
        column(Term::Published, move |u: &UnitRow| {
            Cell::text(match u.published {
                Some(true) => Term::Yes.text(lang),
                Some(false) => Term::No.text(lang),
                None => "",
            })
        }),
    ];
    tabulate(&columns, rows.iter().copied(), audience)
}

pub fn due_items(rows: &[DueItem], audience: Audience) -> Table {
    let columns: Vec<Column<DueItem>> = vec![
        column(Term::Unit, |d: &DueItem| Cell::org(&*d.unit, &*d.unit_name)),
        column(Term::Id, |d: &DueItem| Cell::text(&*d.id)),
        column(Term::Title, |d: &DueItem| Cell::text(&d.title)),
        column(Term::Status, |d: &DueItem| Cell::text(d.status.to_string())),
        column(Term::Due, |d: &DueItem| Cell::Date(d.due)),
        column(Term::DaysOverdue, |d: &DueItem| {
            d.days_overdue.map_or(Cell::text(""), Cell::Int)
        }),
        column(Term::LatestProgress, |d: &DueItem| {
            progress(d.progress.as_deref())
        }),
    ];
    tabulate(&columns, rows, audience)
}

pub fn linked_items(rows: &[&LinkedItem], audience: Audience) -> Table {
    let columns: Vec<Column<LinkedItem>> = vec![
        column(Term::Unit, |l: &LinkedItem| {
            Cell::org(&*l.unit, &*l.unit_name)
        }),
        column(Term::Id, |l: &LinkedItem| Cell::text(&*l.id)),
        column(Term::Title, |l: &LinkedItem| Cell::text(&l.title)),
        column(Term::Status, |l: &LinkedItem| Cell::opt(l.status)),
        column(Term::Due, |l: &LinkedItem| Cell::Date(l.due)),
        column(Term::LatestProgress, |l: &LinkedItem| {
            progress(l.progress.as_ref())
        }),
    ];
    tabulate(&columns, rows.iter().copied(), audience)
}

/// The items of each 专项整治 task (`by_task`), with their counts.
pub fn tasks(rows: &[crate::rollup::TaskRow], audience: Audience) -> Table {
    let mut columns: Vec<Column<crate::rollup::TaskRow>> =
        vec![column(Term::SpecialTask, |t: &crate::rollup::TaskRow| {
            Cell::text(&t.task)
        })];
    columns.extend(lift(count_columns(), |t: &crate::rollup::TaskRow| {
        &t.counts
    }));
    tabulate(&columns, rows, audience)
}

/// Why a unit is proposed for a reminder talk, in the plan's words.
fn reasons(why: &RemindReasons, lang: Lang) -> String {
    ReportMsg::RemindReasons {
        late: why.late,
        returned: why.returned,
        missing: why.missing,
        overdue: why.overdue,
        ineffective: why.ineffective,
        unsatisfied: why.unsatisfied,
    }
    .text(lang)
}

/// 建议约谈提醒的单位 ([`Report::notices`]): each with its reasons and its 主要负责同志.
pub fn units_to_remind(rows: &[(&UnitRow, RemindReasons)], audience: Audience) -> Table {
    let lang = audience.lang;
    type Row<'r, 'u> = (&'r UnitRow<'u>, RemindReasons);
    let columns: Vec<Column<Row>> = vec![
        column(Term::Unit, |(u, _): &Row| Cell::org(&*u.org, &*u.name)),
        column(Term::Reasons, move |(_, why): &Row| {
            Cell::Text(reasons(why, lang))
        }),
        column(Term::SelfCheck, move |(u, _): &Row| {
            Cell::text(state_label(u.self_check, lang))
        })
        .process(),
        column(Term::SubmittedOn, |(u, _): &Row| Cell::Date(u.submitted_on)).process(),
        column(Term::Principal, |(u, _): &Row| {
            Cell::opt(u.principal.as_ref())
        }),
    ];
    tabulate(&columns, rows, audience)
}

/// 建议通报表扬的单位: every own item done or mostly done, none overdue or 不满意, and an
/// on-time self-check.
pub fn units_to_praise(rows: &[&UnitRow], audience: Audience) -> Table {
    let columns: Vec<Column<UnitRow>> = vec![
        column(Term::Unit, |u: &UnitRow| Cell::org(&*u.org, &*u.name)),
        column(Term::Items, |u: &UnitRow| {
            Cell::count(u.totals.counts.items)
        }),
        column(Term::Done, |u: &UnitRow| Cell::count(u.totals.counts.done)),
        column(Term::MostlyDone, |u: &UnitRow| {
            Cell::count(u.totals.counts.mostly_done)
        }),
        column(Term::SubmittedOn, |u: &UnitRow| Cell::Date(u.submitted_on)).process(),
    ];
    tabulate(&columns, rows.iter().copied(), audience)
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
    let columns: Vec<Column<LeftOut>> = vec![
        column(Term::File, |l: &LeftOut| Cell::text(&l.file)),
        column(Term::Reason, move |l: &LeftOut| {
            Cell::Text(match &l.code {
                Some(code) => format!("{code}: {}", l.reason.text(lang)),
                None => l.reason.text(lang),
            })
        }),
    ];
    tabulate(&columns, &report.left_out, Audience::of(report, lang))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{Audience, By, Table, Term};
    use crate::render::markdown::{self, Part};
    use crate::rollup::{self, Report};
    use crate::text::i18n::Lang;

    /// The columns of a unit's self-check and of its review: process, not progress (SPEC §14).
    const PROCESS: [Term; 13] = [
        Term::SelfCheck,
        Term::MeetingOn,
        Term::SubmittedOn,
        Term::ReviewStatus,
        Term::Submitted,
        Term::Late,
        Term::Returned,
        Term::Pending,
        Term::Missing,
        Term::ReviewKind,
        Term::ReviewBy,
        Term::ReviewOn,
        Term::ReviewResult,
    ];

    /// Every table the renderers make of `report`: its rows for each `--by`, page by page too,
    /// the sections of the Markdown and HTML documents, the sheets of the workbook and the
    /// attachments of the 情况报告.
    fn tables(report: &Report, lang: Lang) -> Vec<Table> {
        let audience = Audience::of(report, lang);
        let mut tables = vec![
            super::totals(report, lang),
            super::orgs_with_totals(report, &report.children, false, lang),
            super::orgs_with_totals(report, &report.orgs, true, lang),
            super::areas(&report.by_area, audience),
            super::tasks(&report.by_task, audience),
            super::due_items(&report.overdue_items, audience),
            super::self_checks(&report.reporting_units().collect::<Vec<_>>(), audience),
            super::open_reviews(&report.units, audience),
            super::left_out(report, lang),
        ];
        let items: Vec<_> = (report.items.iter().collect::<Result<_, _>>()).expect("read back");
        tables.push(super::ledger(&items, audience));
        tables.push(super::office_items(&items, audience));
        if !report.public {
            tables.push(super::notice(report, lang));
        }
        for by in [By::Org, By::Unit, By::Item, By::Area, By::Lead, By::Task] {
            tables.extend(super::table(report, by, lang));
            tables.extend(super::pages(report, by, lang, 2).flatten());
        }
        for section in markdown::sections(report, lang) {
            tables.extend(section.parts.into_iter().filter_map(|part| match part {
                Part::Table(t) | Part::Sub(_, t) => Some(t),
                Part::Empty | Part::Lines(_) => None,
            }));
        }
        tables
    }

    fn process_headers(table: &Table, lang: Lang) -> Vec<&'static str> {
        let process: Vec<&str> = PROCESS.iter().map(|t| t.text(lang)).collect();
        (table.headers.iter().copied())
            .filter(|h| process.contains(h))
            .collect()
    }

    #[test]
    fn no_table_of_a_public_report_has_a_process_column() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/zhejiang-2015");
        let as_of = jiff::civil::date(2015, 3, 10);
        let checked = crate::rules::check::check(&root, as_of);
        for by in [By::Org, By::Unit, By::Item] {
            let report = |public| {
                let options = rollup::Options {
                    org: "",
                    as_of,
                    public,
                    by,
                };
                rollup::build(&checked.records, &checked.diagnostics, &options).expect("built")
            };
            let (internal, public) = (report(false), report(true));
            for lang in [Lang::Zh, Lang::En] {
                // The office's tables show every process column, so the public ones lose some.
                let shown: Vec<&str> = tables(&internal, lang)
                    .iter()
                    .flat_map(|t| process_headers(t, lang))
                    .collect();
                for term in PROCESS {
                    assert!(shown.contains(&term.text(lang)), "{term:?} shown by none");
                }
                for table in tables(&public, lang) {
                    assert_eq!(process_headers(&table, lang), Vec::<&str>::new());
                    for row in &table.rows {
                        assert_eq!(row.len(), table.headers.len(), "{:?}", table.headers);
                    }
                }
            }
        }
    }
}
