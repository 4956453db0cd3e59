//! The figures a 情况报告 quotes beyond the opening paragraph (SPEC §14), as the sentences an
//! office writes them: 按期完成, 新发现问题纳入整改 and the other sources, 个人整改, the two
//! batches, the reviews by kind, 建章立制 and the 满意度测评. A figure of nought is left out,
//! and a sentence with nothing to say is not written.

use crate::format::enums::{Enumeration, Status};
use crate::rollup::figures::{Figures, ReviewCounts};
use crate::rollup::{Report, Totals};
use crate::text::i18n::Lang;
use crate::text::messages::docx::DocxMsg;

use super::rows::percent;

/// The sentences, one per subject, in `lang`. A public report says nothing of the reviews:
/// they are process, not progress (SPEC §14).
pub fn sentences(totals: &Totals, public: bool, lang: Lang) -> Vec<String> {
    let f = &totals.figures;
    [
        on_time(f, lang),
        sources(f, lang),
        personal(f, lang),
        batches(f, lang),
        reviews(f, lang).filter(|_| !public),
        institutions(f, lang),
        assessment(f, lang),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// `parts` that are not nought, joined by 、 (or commas).
fn some(parts: &[(u32, String)], lang: Lang) -> Option<String> {
    joined(parts, if lang == Lang::Zh { "、" } else { ", " })
}

/// `parts` that are not nought, joined by `separator`.
fn joined(parts: &[(u32, String)], separator: &str) -> Option<String> {
    let kept: Vec<&str> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(_, s)| s.as_str())
        .collect();
    (!kept.is_empty()).then(|| kept.join(separator))
}

/// Between the clauses of one sentence: ；, or a semicolon.
fn clauses(lang: Lang) -> &'static str {
    if lang == Lang::Zh { "；" } else { "; " }
}

fn on_time(f: &Figures, lang: Lang) -> Option<String> {
    let due = f.due_items.0;
    if due == 0 {
        return None;
    }
    let rate = percent(f.on_time_rate());
    let (on_time, late) = (f.due_on_time.0, f.done_late.0);
    Some(match lang {
        Lang::Zh => {
            let mut s = format!("到期事项{due}个，按期完成{on_time}个，按期完成率{rate}");
            if late > 0 {
                s.push_str(&format!("；逾期完成{late}个"));
            }
            s + "。"
        }
        Lang::En => {
            let mut s = format!("{due} items due, {on_time} done on time ({rate})");
            if late > 0 {
                s.push_str(&format!("; {late} done late"));
            }
            s + "."
        }
    })
}

fn sources(f: &Figures, lang: Lang) -> Option<String> {
    let parts: Vec<(u32, String)> = f
        .by_source
        .each()
        .into_iter()
        .map(|(source, n)| {
            let text = match lang {
                Lang::Zh if source.label() == "新发现" => format!("新发现问题纳入整改{n}个"),
                Lang::Zh => format!("{}{n}个", source.label()),
                Lang::En => format!("{} {n}", source.label()),
            };
            (n, text)
        })
        .collect();
    let list = some(&parts, lang)?;
    Some(match lang {
        Lang::Zh => format!("按问题来源：{list}。"),
        Lang::En => format!("By source: {list}."),
    })
}

fn personal(f: &Figures, lang: Lang) -> Option<String> {
    let n = f.personal.0;
    (n > 0).then(|| match lang {
        Lang::Zh => format!("其中班子成员个人整改事项{n}个。"),
        Lang::En => format!("Of them, {n} are a cadre's own (个人整改)."),
    })
}

fn batches(f: &Figures, lang: Lang) -> Option<String> {
    let b = &f.by_batch;
    let one = |label: &str, c: &crate::rollup::figures::BatchCounts| {
        let (units, items) = (c.units.0, c.items.0);
        let text = match lang {
            Lang::Zh => format!("{label}活动单位{units}个、整改问题{items}个"),
            Lang::En => format!("{label}: {units} units, {items} items"),
        };
        (units, text)
    };
    let (first, second) = match lang {
        Lang::Zh => ("第一批", "第二批"),
        Lang::En => ("batch 1", "batch 2"),
    };
    let parts = [one(first, &b.first), one(second, &b.second)];
    let list = joined(&parts, clauses(lang))?;
    Some(match lang {
        Lang::Zh => format!("{list}。"),
        Lang::En => format!("{list}."),
    })
}

fn reviews(f: &Figures, lang: Lang) -> Option<String> {
    let one = |counts: &ReviewCounts| -> String {
        let results = [
            (counts.passed.0, "通过", "passed"),
            (counts.returned.0, "退回", "returned"),
            (counts.fill_gaps.0, "查漏补缺", "gaps to fill"),
        ];
        let parts: Vec<(u32, String)> = results
            .iter()
            .map(|&(n, zh, en)| {
                let text = match lang {
                    Lang::Zh => format!("{zh}{n}次"),
                    Lang::En => format!("{en} {n}"),
                };
                (n, text)
            })
            .collect();
        some(&parts, lang).unwrap_or_default()
    };
    let parts: Vec<(u32, String)> = f
        .reviews
        .get()
        .each()
        .into_iter()
        .map(|(kind, counts)| {
            let units = counts.units.0;
            let text = match lang {
                Lang::Zh => format!("{}{units}个单位（{}）", kind.label(), one(counts)),
                Lang::En => format!("{} of {units} units ({})", kind.label(), one(counts)),
            };
            (units, text)
        })
        .collect();
    let list = joined(&parts, clauses(lang))?;
    Some(match lang {
        Lang::Zh => format!("审核检查：{list}。"),
        Lang::En => format!("Reviews: {list}."),
    })
}

fn institutions(f: &Figures, lang: Lang) -> Option<String> {
    let i = f.institutions.get();
    if i.planned.0 == 0 {
        return None;
    }
    let kinds = [
        (i.new.0, "新建", "new"),
        (i.revised.0, "修订", "revised"),
        (i.repealed.0, "废止", "repealed"),
    ];
    let parts: Vec<(u32, String)> = kinds
        .iter()
        .map(|&(n, zh, en)| {
            let text = match lang {
                Lang::Zh => format!("{zh}{n}项"),
                Lang::En => format!("{n} {en}"),
            };
            (n, text)
        })
        .collect();
    let kinds = some(&parts, lang).unwrap_or_default();
    let (planned, issued, overdue) = (i.planned.0, i.issued.0, i.overdue.0);
    Some(match lang {
        Lang::Zh => {
            let mut s = format!(
                "建章立制{planned}项（{kinds}），计划书应出台{planned}项、已出台{issued}项"
            );
            if overdue > 0 {
                s.push_str(&format!("，逾期未出台{overdue}项"));
            }
            s + "。"
        }
        Lang::En => {
            let mut s = format!("Institutions: {planned} planned ({kinds}), {issued} issued");
            if overdue > 0 {
                s.push_str(&format!(", {overdue} overdue"));
            }
            s + "."
        }
    })
}

fn assessment(f: &Figures, lang: Lang) -> Option<String> {
    let v = f.assessment.get();
    let n = v.participants.0;
    (n > 0).then(|| {
        let rate = percent(v.rate());
        let (yes, mostly, no) = (v.satisfied.0, v.basically_satisfied.0, v.unsatisfied.0);
        match lang {
            Lang::Zh => format!(
                "满意度测评：参加测评{n}人，满意{yes}票、基本满意{mostly}票、不满意{no}票，测评满意率{rate}。"
            ),
            Lang::En => format!(
                "Satisfaction survey: {n} took part; {yes} satisfied, {mostly} basically satisfied, {no} unsatisfied; rate {rate}."
            ),
        }
    })
}

/// 上下联动: how many items a higher level must lead, by status (SPEC §14).
pub fn linked(report: &Report, _: Lang) -> Option<DocxMsg> {
    let linked = &report.linked_items;
    let by_status = (Status::VALUES.iter())
        .map(|s| {
            let n = linked.iter().filter(|l| l.status == Some(*s)).count();
            (s.label().to_owned(), n)
        })
        .collect();
    (!linked.is_empty()).then_some(DocxMsg::ProgressLinked {
        items: linked.len(),
        by_status,
    })
}
