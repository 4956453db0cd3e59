//! `trend --every month|week`: the totals at each period end (SPEC §11), as data.
//!
//! Each row is the records at the last first-parent commit on or before the period's end,
//! judged as of that day. A commit that stands for several periods is read once.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::history::Commit;
use crate::load::source::Unreadable;
use crate::model::records::Records;
use crate::rollup::{self, By, CampaignInfo, Totals};
use crate::rules::{self, Context, Keep};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Every {
    /// The last day of each month
    Month,
    /// Each Sunday (ISO weeks end on Sunday)
    Week,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The period's last day: the as-of date of the row.
    pub end: Date,
    pub commit: String,
    pub totals: Totals,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trend {
    /// The campaign as the newest row's records name it (for a page's title; not in JSON).
    #[serde(skip)]
    pub campaign: CampaignInfo,
    pub every: Every,
    pub from: Date,
    pub to: Date,
    pub rows: Vec<Row>,
}

/// Every period end from `from` to `to`, both included.
pub fn period_ends(from: Date, to: Date, every: Every) -> Vec<Date> {
    let mut ends = Vec::new();
    let mut end = match every {
        Every::Month => from.last_of_month(),
        Every::Week => {
            let ahead = (7 + Weekday::Sunday.to_monday_zero_offset()
                - from.weekday().to_monday_zero_offset())
                % 7;
            from.checked_add(i64::from(ahead).days()).unwrap_or(from)
        }
    };
    while end <= to {
        ends.push(end);
        let next = match every {
            Every::Month => end.checked_add(1.day()).map(|d| d.last_of_month()).ok(),
            Every::Week => end.checked_add(7.days()).ok(),
        };
        match next {
            Some(next) if next > end => end = next,
            _ => break,
        }
    }
    ends
}

/// For each end, the commit of the first-parent `line` (newest first) that stood then; ends
/// before the first commit have none and give no row.
pub fn commits_at<'a>(line: &'a [Commit], ends: &[Date]) -> Vec<(Date, &'a Commit)> {
    ends.iter()
        .filter_map(|&end| line.iter().find(|c| c.date <= end).map(|c| (end, c)))
        .collect()
}

/// The totals of `records` judged as of `as_of`, as `report` counts them (the rules run
/// again for each date: what is overdue depends on it), of the records as they stood then
/// (SPEC §14: a fact dated after `as_of` is set aside, on a copy, which only a commit holding
/// such a fact needs). Returns the campaign they name and the diagnostics too.
pub fn totals_at(
    records: &Records,
    as_of: Date,
) -> Result<(Totals, CampaignInfo, Vec<Diagnostic>), Unreadable> {
    let mut diagnostics = records.diagnostics.clone();
    let cx = Context::new(as_of);
    rules::run(records, &cx, &mut diagnostics, Keep::Errors);
    let options = rollup::Options {
        org: "",
        as_of,
        public: false,
        by: By::Unit,
    };
    let totals = |records: &Records| {
        let report = rollup::build(records, &diagnostics, &options)?;
        Ok::<_, Unreadable>((report.totals, report.campaign))
    };
    let (totals, campaign) = if records.has_facts_after(as_of) {
        let mut then = records.clone();
        then.as_of(as_of);
        totals(&then)
    } else {
        totals(records)
    }?;
    Ok((totals, campaign, diagnostics))
}
