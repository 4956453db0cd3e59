//! `diff` and `trend` in their human formats (table, md) and CSV; their JSON is the data
//! itself. Pure functions of a [`Diff`] or a [`Trend`]: nothing is counted here.

use crate::format::enums::Enumeration;
use crate::history::diff::{Change, Diff, ItemRef, Moved};
use crate::history::trend::{Every, Trend};
use crate::render::rows::{self, Cell};
use crate::render::{html, markdown, table};
use crate::text::i18n::{Lang, Term};
use crate::text::messages::report::ReportMsg;

/// One titled table of a document.
struct Part {
    title: Term,
    table: rows::Table,
}

fn end_name(commit: &Option<String>, lang: Lang) -> String {
    match commit {
        Some(hex) => hex.chars().take(12).collect(),
        None => Term::WorkTree.text(lang).to_owned(),
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

fn item_table(items: &[ItemRef], lang: Lang) -> rows::Table {
    rows::Table {
        headers: [Term::Unit, Term::Id, Term::Title, Term::Status]
            .iter()
            .map(|t| t.text(lang))
            .collect(),
        rows: items
            .iter()
            .map(|i| {
                vec![
                    text(&i.unit),
                    text(&i.id),
                    text(&i.title),
                    text(i.status.label()),
                ]
            })
            .collect(),
    }
}

fn change_table(changes: &[Change], lang: Lang) -> rows::Table {
    rows::Table {
        headers: [Term::Unit, Term::Id, Term::Title, Term::From, Term::To]
            .iter()
            .map(|t| t.text(lang))
            .collect(),
        rows: changes
            .iter()
            .map(|c| {
                vec![
                    text(&c.unit),
                    text(&c.id),
                    text(&c.title),
                    text(c.from.label()),
                    text(c.to.label()),
                ]
            })
            .collect(),
    }
}

fn moved_table(moved: &[Moved], lang: Lang) -> rows::Table {
    rows::Table {
        headers: [
            Term::Unit,
            Term::Id,
            Term::Title,
            Term::Field,
            Term::From,
            Term::To,
        ]
        .iter()
        .map(|t| t.text(lang))
        .collect(),
        rows: moved
            .iter()
            .map(|m| {
                vec![
                    text(&m.unit),
                    text(&m.id),
                    text(&m.title),
                    text(m.field),
                    Cell::Date(Some(m.from)),
                    Cell::Date(Some(m.to)),
                ]
            })
            .collect(),
    }
}

fn org_table(orgs: &[String], lang: Lang) -> rows::Table {
    rows::Table {
        headers: vec![Term::Org.text(lang)],
        rows: orgs.iter().map(|o| vec![text(o)]).collect(),
    }
}

/// The totals at both ends, one row each.
fn totals_table(diff: &Diff, lang: Lang) -> rows::Table {
    let mut headers = vec![Term::Commit.text(lang)];
    headers.extend(rows::totals_headers(lang));
    let row = |commit: &Option<String>, totals| {
        let mut cells = vec![Cell::Text(end_name(commit, lang))];
        cells.extend(rows::totals_cells(totals));
        cells
    };
    rows::Table {
        headers,
        rows: vec![
            row(&diff.from, &diff.totals.from),
            row(&diff.to, &diff.totals.to),
        ],
    }
}

fn diff_parts(diff: &Diff, lang: Lang) -> Vec<Part> {
    vec![
        Part {
            title: Term::Totals,
            table: totals_table(diff, lang),
        },
        Part {
            title: Term::Regressed,
            table: change_table(&diff.regressed, lang),
        },
        Part {
            title: Term::DeadlineMoved,
            table: moved_table(&diff.deadline_moved, lang),
        },
        Part {
            title: Term::StatusChanged,
            table: change_table(&diff.status_changed, lang),
        },
        Part {
            title: Term::Added,
            table: item_table(&diff.added, lang),
        },
        Part {
            title: Term::Removed,
            table: item_table(&diff.removed, lang),
        },
        Part {
            title: Term::UnitsAdded,
            table: org_table(&diff.units_added, lang),
        },
        Part {
            title: Term::UnitsRemoved,
            table: org_table(&diff.units_removed, lang),
        },
    ]
}

fn diff_title(diff: &Diff, lang: Lang) -> String {
    format!(
        "{} → {}",
        end_name(&diff.from, lang),
        end_name(&diff.to, lang)
    )
}

/// `diff --format table`: each list under its title; an empty one says so.
pub fn diff_table(diff: &Diff, lang: Lang, width: Option<u16>) -> String {
    let mut out = format!("{}\n", diff_title(diff, lang));
    for part in diff_parts(diff, lang) {
        out.push_str(&format!("\n{}\n", part.title.text(lang)));
        if part.table.rows.is_empty() {
            out.push_str(&format!("{}\n", Term::None.text(lang)));
        } else {
            out.push_str(&table::terminal_table(&part.table, width, lang));
            out.push('\n');
        }
    }
    out
}

/// `diff --format md`: one Markdown document.
pub fn diff_markdown(diff: &Diff, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", markdown::escape_cell(&diff_title(diff, lang)));
    for part in diff_parts(diff, lang) {
        markdown::section(&mut out, part.title, lang);
        markdown::table(&mut out, &part.table, lang);
    }
    out
}

/// The rows of a trend: the period end, the commit, the totals.
pub fn trend_rows(trend: &Trend, lang: Lang) -> rows::Table {
    let mut headers = vec![Term::PeriodEnd.text(lang), Term::Commit.text(lang)];
    headers.extend(rows::totals_headers(lang));
    rows::Table {
        headers,
        rows: trend
            .rows
            .iter()
            .map(|r| {
                let mut cells = vec![
                    Cell::Date(Some(r.end)),
                    Cell::Text(r.commit.chars().take(12).collect()),
                ];
                cells.extend(rows::totals_cells(&r.totals));
                cells
            })
            .collect(),
    }
}

pub fn trend_table(trend: &Trend, lang: Lang, width: Option<u16>) -> String {
    let table = trend_rows(trend, lang);
    if table.rows.is_empty() {
        return format!("{}\n", Term::None.text(lang));
    }
    format!("{}\n", table::terminal_table(&table, width, lang))
}

pub fn trend_markdown(trend: &Trend, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", trend_title(trend, lang));
    markdown::table(&mut out, &trend_rows(trend, lang), lang);
    out
}

/// The title of a trend, as the office writes one: who, what, and from when to when
/// (2015年1月15日至3月31日 in Chinese).
fn trend_title(trend: &Trend, lang: Lang) -> String {
    ReportMsg::TrendHeading {
        org: crate::render::whole_tree(trend.campaign.region.as_deref(), lang),
        campaign: trend.campaign.name.clone(),
        from: trend.from.to_string(),
        to: trend.to.to_string(),
    }
    .text(lang)
}

/// `trend --format html`: the report's page (its promises: [`html`]), with the line chart of
/// the completion rate and then the table of `trend --format table`.
pub fn trend_html(trend: &Trend, lang: Lang) -> String {
    let title = trend_title(trend, lang);
    html::page(&title, lang, |out| {
        let basis = match trend.every {
            Every::Month => Term::TrendBasisMonth,
            Every::Week => Term::TrendBasisWeek,
        };
        out.push_str(&format!(
            "<p class=\"basis\">{}</p>\n",
            html::escape(basis.text(lang))
        ));
        html::trend_chart(out, trend, lang);
        html::table(out, &trend_rows(trend, lang), lang);
    })
}

/// `trend --format csv`, as `report --format csv` writes its rows (BOM, CRLF, neutralised).
pub fn trend_csv(out: &mut dyn std::io::Write, trend: &Trend, lang: Lang) -> std::io::Result<()> {
    crate::render::csv::write_table(out, &trend_rows(trend, lang))
}
