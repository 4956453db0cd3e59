//! Rules the plan (浙整改办发〔2015〕2号) implies beyond the format: who checks which batch, a
//! self-check that rests on something, a 新发现 problem found after the campaign opened, and a
//! 满意度测评 whose votes are no more than its participants.

use super::{Context, Found};
use crate::diagnostic::{Code, Diagnostic};
use crate::format::enums::ReviewKind;
use crate::model::records::Records;
use crate::model::{Sp, Unit};
use crate::text::messages::plan::PlanMsg;

pub fn check(records: &Records, cx: &Context, out: &mut Found<'_>) {
    for unit in &records.units {
        guidance_of_second_batch(unit, out);
        submitted_unsupported(unit, out);
        plans(unit, cx, out);
    }
    found_before_opened(records, out);
}

/// E038: the plan (四、2): 督导组 check the first batch; the 省委督查组 review the second.
fn guidance_of_second_batch(unit: &Unit, out: &mut Found<'_>) {
    if unit.batch.as_ref().map(|b| *b.get_ref()) != Some(2) {
        return;
    }
    for review in &unit.reviews {
        if let Some(kind) = &review.kind
            && *kind.get_ref() == ReviewKind::Guidance
        {
            out.push(
                Diagnostic::at(
                    Code::GuidanceOfSecondBatch,
                    unit.file,
                    kind.span(),
                    PlanMsg::GuidanceOfSecondBatch,
                )
                .with_help(PlanMsg::GuidanceOfSecondBatchHelp),
            );
        }
    }
}

/// W015: a self-check is studied at a 领导班子会议 and written up in a 自查报告 (三、1): one
/// submitted with neither has nothing to show for it.
fn submitted_unsupported(unit: &Unit, out: &mut Found<'_>) {
    let Some(check) = &unit.self_check else {
        return;
    };
    let Some(on) = &check.submitted_on else {
        return;
    };
    if check.meeting_on.is_none() && check.report.is_none() {
        out.push(
            Diagnostic::at(
                Code::SubmittedUnsupported,
                unit.file,
                on.span(),
                PlanMsg::SubmittedUnsupported,
            )
            .with_help(PlanMsg::SubmittedUnsupportedHelp),
        );
    }
}

/// E037 for each assessment whose votes add up to more than its participants; E012 for an
/// institution issued, or an assessment held, on a day yet to come.
fn plans(unit: &Unit, cx: &Context, out: &mut Found<'_>) {
    let Some(plans) = &unit.plans else { return };
    for assessment in &plans.assessments {
        if let Some(participants) = &assessment.participants {
            let votes: i64 = assessment.votes().iter().sum();
            if votes > *participants.get_ref() {
                let msg = PlanMsg::VotesOverParticipants {
                    votes,
                    participants: *participants.get_ref(),
                };
                out.push(Diagnostic::at(
                    Code::VotesOverParticipants,
                    unit.file,
                    participants.span(),
                    msg,
                ));
            }
        }
    }
    let dates = plans
        .institutions
        .iter()
        .map(|i| ("institution.issued_on", i.issued_on.as_ref()))
        .chain(
            plans
                .assessments
                .iter()
                .map(|a| ("assessment.on", a.on.as_ref())),
        );
    for (key, date) in dates {
        if let Some(date) = date.filter(|d| *d.get_ref() > cx.today) {
            out.push(super::item::after_today(unit.file, key, date));
        }
    }
}

/// W016: a problem found before the campaign opened (`campaign.opened_on`) was not found by it.
fn found_before_opened(records: &Records, out: &mut Found<'_>) {
    let Some(opened) = records.campaign.as_ref().and_then(|c| c.opened_on.as_ref()) else {
        return;
    };
    for item in &records.items {
        let found: Option<&Sp<_>> = item.found_on.as_ref();
        if let Some(found) = found.filter(|f| f.get_ref() < opened.get_ref()) {
            let msg = PlanMsg::FoundBeforeOpened {
                found_on: found.get_ref().to_string(),
                opened_on: opened.get_ref().to_string(),
            };
            out.push(
                Diagnostic::at(Code::FoundBeforeOpened, item.file, found.span(), msg)
                    .with_help(PlanMsg::FoundBeforeOpenedHelp),
            );
        }
    }
}

use crate::diagnostic::doc::{
    BASE_CAMPAIGN, BASE_ITEM, BASE_UNIT, Change, Example, Prose, RuleDoc, Shown,
};

/// What each code raised here means, with worked examples: see [`crate::explain`].
pub const DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: Code::VotesOverParticipants,
        trigger: Prose {
            en: r#"An `[[assessment]]` whose `satisfied`, `basically_satisfied` and `unsatisfied` add up to
more than its `participants`: each who took part votes once at most."#,
            zh: r#"`[[assessment]]` 的 `satisfied`、`basically_satisfied`、`unsatisfied` 三项之和超过 `participants`：每个参加测评的人至多投一票。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml, at its end"#,
                zh: r#"梁弄镇/横坎头村/unit.toml，文件末尾"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 15,
                count: 1,
                text: "\"3.3\" = \"是\"\n\n[[assessment]]\non = 2015-03-05\nparticipants = 40\nsatisfied = 30\nbasically_satisfied = 10\nunsatisfied = 5",
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E037]: the votes add up to 45, more than the 40 who took part
  --> 梁弄镇/横坎头村/unit.toml:19:16
   |
19 | participants = 40
   |                ^^"#,
                zh: r#"error[E037]: 三项票数之和45超过参加测评人数40
  --> 梁弄镇/横坎头村/unit.toml:19:16
   |
19 | participants = 40
   |                ^^"#,
            },
        }],
        fix: Prose {
            en: r#"Write the counts as the tally sheet gives them; `participants` is everyone who took part."#,
            zh: r#"按计票结果填写；`participants` 是参加测评的全部人数。"#,
        },
    },
    RuleDoc {
        code: Code::GuidanceOfSecondBatch,
        trigger: Prose {
            en: r#"A `[[review]]` with `kind = "督导组检查"` in a unit of `batch = 2`. The plan (四、2): the
督导组 that guided the first batch's 民主生活会 check those units; the second batch is reviewed by
the 省委督查组 (`督查组审核`)."#,
            zh: r#"`batch = 2` 的单位记有 `kind = "督导组检查"` 的 `[[review]]`。方案（四、2）：指导第一批活动单位民主生活会的督导组同步检查第一批单位；第二批活动单位由省委各督查组审核（`督查组审核`）。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml, at its end"#,
                zh: r#"梁弄镇/横坎头村/unit.toml，文件末尾"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 15,
                count: 1,
                text: "\"3.3\" = \"是\"\n\n[[review]]\nkind = \"督导组检查\"\non = 2015-02-16\nresult = \"通过\"",
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E038]: a 督导组 checks first-batch units; a second-batch unit is reviewed by a 督查组
  --> 梁弄镇/横坎头村/unit.toml:18:8
   |
18 | kind = "督导组检查"
   |        ^^^^^^^^^^^^
   |
   = help: write kind = "督查组审核"; or, if the unit is of the first batch, batch = 1"#,
                zh: r#"error[E038]: 第二批活动单位由省委督查组审核，督导组检查的是第一批活动单位
  --> 梁弄镇/横坎头村/unit.toml:18:8
   |
18 | kind = "督导组检查"
   |        ^^^^^^^^^^^^
   |
   = help: 写作 kind = "督查组审核"；或者本单位是第一批，改为 batch = 1"#,
            },
        }],
        fix: Prose {
            en: r#"Write `kind = "督查组审核"`, or correct the unit's `batch`."#,
            zh: r#"改为 `kind = "督查组审核"`，或者更正本单位的 `batch`。"#,
        },
    },
    RuleDoc {
        code: Code::SubmittedUnsupported,
        trigger: Prose {
            en: r#"`self_check.submitted_on` is set, but the self-check has neither `meeting_on` (the
领导班子会议 that studied it collectively) nor `report` (the 自查报告): the plan (三、1) asks for
both."#,
            zh: r#"填了 `self_check.submitted_on`，但既没有 `meeting_on`（集体研究自查的领导班子会议），也没有 `report`（自查报告）：方案（三、1）要求两者都有。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml, line 6 removed"#,
                zh: r#"梁弄镇/横坎头村/unit.toml，删去第6行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 6,
                count: 1,
                text: "",
            }],
            as_of: None,
            output: Prose {
                en: r#"warning[W015]: the self-check is submitted, but names neither the meeting that studied it nor a report
 --> 梁弄镇/横坎头村/unit.toml:6:16
  |
6 | submitted_on = 2015-02-05
  |                ^^^^^^^^^^
  |
  = help: add `meeting_on`, the day of the 领导班子会议, or `report`, the 自查报告"#,
                zh: r#"warning[W015]: 自查已报送，但没有领导班子会议日期，也没有自查报告
 --> 梁弄镇/横坎头村/unit.toml:6:16
  |
6 | submitted_on = 2015-02-05
  |                ^^^^^^^^^^
  |
  = help: 写上集体研究的会议日期 meeting_on，或者自查报告 report"#,
            },
        }],
        fix: Prose {
            en: r#"Add `meeting_on` and `report`."#,
            zh: r#"补上 `meeting_on` 和 `report`。"#,
        },
    },
    RuleDoc {
        code: Code::FoundBeforeOpened,
        trigger: Prose {
            en: r#"An item's `found_on` is before the campaign's `opened_on`: a problem newly found (新发现)
in the campaign is found after it opened."#,
            zh: r#"事项的 `found_on` 早于台账的 `opened_on`：“回头看”中新发现的问题，发现于“回头看”开始之后。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"huitoukan.toml and 梁弄镇/横坎头村/items/村道拓宽.toml"#,
                zh: r#"huitoukan.toml 和 梁弄镇/横坎头村/items/村道拓宽.toml"#,
            },
            shown: Shown::Change,
            change: &[
                Change::Lines {
                    file: BASE_CAMPAIGN,
                    line: 3,
                    count: 1,
                    text: "deadline = 2015-02-28\nopened_on = 2015-01-15",
                },
                Change::Lines {
                    file: BASE_ITEM,
                    line: 4,
                    count: 1,
                    text: "source = \"新发现\"\nfound_on = 2015-01-12",
                },
            ],
            as_of: None,
            output: Prose {
                en: r#"warning[W016]: found on 2015-01-12, before the campaign opened on 2015-01-15
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:5:12
  |
5 | found_on = 2015-01-12
  |            ^^^^^^^^^^
  |
  = help: a problem newly found in the campaign is found after it opened; one known before has another `source` (整改方案…)"#,
                zh: r#"warning[W016]: 发现日期2015年1月12日早于“回头看”开始日期2015年1月15日
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:5:12
  |
5 | found_on = 2015-01-12
  |            ^^^^^^^^^^
  |
  = help: “回头看”中新发现的问题在开始之后发现；之前已知的问题，来源写作整改方案等"#,
            },
        }],
        fix: Prose {
            en: r#"Correct `found_on`; or, for a problem known before, give its real `source`."#,
            zh: r#"更正 `found_on`；之前已知的问题，写明它真正的 `source`。"#,
        },
    },
];
