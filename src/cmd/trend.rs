//! `huitoukan trend --every month|week`: the totals at each period end, from the history.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::TrendFormat;
use crate::cmd::report::refuse_errors;
use crate::diagnostic::Severity;
use crate::diagnostic::outcome::{EXIT_OK, EXIT_RECORDS, Fatal};
use crate::history::Repo;
use crate::history::trend::{self, Row, Trend};
use crate::render;
use crate::rules::check;
use crate::settings;
use crate::settings::output::write_with;
use crate::text::messages::history::HistoryMsg;

pub fn run(settings: &settings::Trend) -> Result<ExitCode, Fatal> {
    let settings::Trend {
        lang,
        ref root,
        every,
        to,
        format,
        keep_going,
        width,
        ..
    } = *settings;
    let repo = Repo::open(root)?;
    let head = repo.resolve("HEAD")?;
    let line = repo.first_parents(&head)?;
    let first = line.last().map_or(head.date, |c| c.date);
    let from = settings.from.unwrap_or(first);
    if repo.is_shallow() && (settings.from.is_none() || from < first) {
        return Err(Fatal {
            message: HistoryMsg::ShallowLacks {
                rev: format!("@{from}"),
            }
            .into(),
            help: Some(HistoryMsg::ShallowHelp.into()),
        });
    }
    // The periods end with the one that holds the last commit: past it every row would show
    // the same records (a `--to` of 9999-12-31 asks for a hundred thousand of them).
    let month_on = head
        .date
        .checked_add(jiff::ToSpan::days(31))
        .unwrap_or(jiff::civil::Date::MAX);
    let last = trend::period_ends(head.date, month_on, every)
        .first()
        .copied()
        .unwrap_or(head.date);
    let to = to.min(last);
    let ends = trend::period_ends(from, to, every);
    let at = trend::commits_at(&line, &ends);
    let mut rows = Vec::with_capacity(at.len());
    // Ends are in order and so are their commits: each commit is read once.
    let mut loaded: Option<(gix::ObjectId, crate::model::records::Records)> = None;
    let mut campaign = Default::default();
    for (end, commit) in at {
        if loaded.as_ref().is_none_or(|(id, _)| *id != commit.id) {
            let records = match &loaded {
                Some((_, before)) => repo.load_after(root, commit, before)?,
                None => repo.load(root, commit)?,
            };
            loaded = Some((commit.id, records));
        }
        let Some((_, records)) = &loaded else {
            continue;
        };
        let (totals, named, diagnostics) = trend::totals_at(records, end)?;
        campaign = named;
        let errors = diagnostics.iter().any(|d| d.severity() == Severity::Error);
        if errors && !keep_going {
            let checked = check::check_loaded(repo.load(root, commit)?, end, false);
            let rev = commit.hex();
            if refuse_errors(&checked, lang, false, Some(&rev))? {
                return Ok(ExitCode::from(EXIT_RECORDS));
            }
        }
        rows.push(Row {
            end,
            commit: commit.hex(),
            totals,
        });
    }
    let trend = Trend {
        campaign,
        every,
        from,
        to,
        rows,
    };
    write_with(
        &mut std::io::stdout().lock(),
        |out: &mut dyn Write| match format {
            TrendFormat::Table => {
                out.write_all(render::history::trend_table(&trend, lang, width).as_bytes())
            }
            TrendFormat::Md => {
                out.write_all(render::history::trend_markdown(&trend, lang).as_bytes())
            }
            TrendFormat::Csv => render::history::trend_csv(out, &trend, lang),
            TrendFormat::Html => {
                out.write_all(render::history::trend_html(&trend, lang).as_bytes())
            }
            TrendFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &trend)?;
                out.write_all(b"\n")
            }
        },
    )?;
    Ok(ExitCode::from(EXIT_OK))
}
