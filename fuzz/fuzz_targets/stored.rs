//! Stored reports (`merge`, `report --from`) from arbitrary bytes: reading never panics, and a
//! report that reads merges with a copy of itself under another name, and renders in every
//! format, `--by` and language, without a panic; the merge adds up to twice the report.

#![no_main]

use huitoukan::render::{csv, json, markdown, table};
use huitoukan::rollup::merge::{self, Input};
use huitoukan::rollup::stored;
use huitoukan_fuzz::{BYS, LANGS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(report) = stored::parse(bytes) else {
        return;
    };
    let mut other = report.clone();
    other.campaign.region = Some("甲".to_owned());
    let mut first = report.clone();
    first.campaign.region = Some("乙".to_owned());
    let inputs = vec![
        Input {
            file: "a.json".into(),
            report: first,
        },
        Input {
            file: "b.json".into(),
            report: other,
        },
    ];
    if let Ok(merged) = merge::merge(inputs, Some("全国"), false) {
        assert_eq!(merged.totals.units, report.totals.units.saturating_mul(2));
        let text = json::report_string(&merged);
        assert!(stored::parse(text.as_bytes()).is_ok(), "a merge reads back");
    }
    for by in BYS
        .into_iter()
        .filter(|&b| b != huitoukan::render::rows::By::Item)
    {
        let org = report.org.clone().unwrap_or_default();
        let shown = merge::within(report.clone(), &org, by == huitoukan::render::rows::By::Org);
        for lang in LANGS {
            table::render(&shown, by, lang).expect("a stored report has no values to read back");
            csv::render(&shown, by, lang).expect("a stored report has no values to read back");
            let _ = markdown::render(&shown, lang);
        }
    }
});
