//! Rules about a unit's self-check: answers against the schema, completeness, the report
//! file, reviews, and the campaign deadline.

use std::collections::HashSet;

use jiff::civil::Date;

use super::{Context, Found, Points};
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::format::enums::{Answer, Enumeration, ReviewResult};
use crate::load::origin::Look;
use crate::model::Unit;
use crate::model::records::{Records, normalize_inside};
use crate::model::status::{self, SelfCheckState};
use crate::text::messages::self_check::SelfCheckMsg;

pub fn check(records: &Records, cx: &Context, points: &Points<'_>, out: &mut Found<'_>) {
    let due_dates = status::unit_due_dates(records);
    for (index, unit) in records.units.iter().enumerate() {
        answers(records, index, unit, points, out);
        report_file(records, unit, out);
        let due = due_dates[index];
        subordinates_due(unit, due, out);
        dates_to_come(unit, cx, out);
        // Whether a unit that could not be read, or whose submission date could not, has
        // submitted is unknown, not "missing": the error already says what to fix.
        let unknown = !unit.readable
            || unit
                .self_check
                .as_ref()
                .is_some_and(|s| s.submitted_unreadable);
        if unknown {
            continue;
        }
        reviews(unit, out);
        resubmission(unit, out);
        let submitted_on = unit
            .self_check
            .as_ref()
            .and_then(|s| s.submitted_on.as_ref());
        if let (Some(due), Some(on)) = (due, submitted_on)
            && *on.get_ref() > due
        {
            let msg = SelfCheckMsg::LateReport {
                submitted_on: on.get_ref().to_string(),
                deadline: due.to_string(),
            };
            out.push(Diagnostic::at(Code::LateReport, unit.file, on.span(), msg));
        }
        match SelfCheckState::of(unit, due, cx.as_of) {
            SelfCheckState::Missing => {
                let span = unit.self_check.as_ref().map(|s| s.span.range());
                let msg = SelfCheckMsg::MissingReport {
                    deadline: due.map(|d| d.to_string()).unwrap_or_default(),
                };
                out.push(
                    Diagnostic::new(Code::MissingReport, unit.file, span, msg)
                        .with_help(SelfCheckMsg::MissingReportHelp),
                );
            }
            SelfCheckState::Returned => {
                if let Some(on) = status::standing_return(unit).and_then(|r| r.on.as_ref()) {
                    let msg = SelfCheckMsg::ReportReturned {
                        on: on.get_ref().to_string(),
                    };
                    out.push(
                        Diagnostic::at(Code::ReportReturned, unit.file, on.span(), msg)
                            .with_help(SelfCheckMsg::ReportReturnedHelp),
                    );
                }
            }
            SelfCheckState::Submitted | SelfCheckState::Late | SelfCheckState::Pending => {}
        }
    }
}

/// E012: a meeting, a submission, a resubmission or a review dated after today.
fn dates_to_come(unit: &Unit, cx: &Context, out: &mut Found<'_>) {
    let check = unit.self_check.as_ref();
    let dates = [
        (
            "self_check.meeting_on",
            check.and_then(|c| c.meeting_on.as_ref()),
        ),
        (
            "self_check.submitted_on",
            check.and_then(|c| c.submitted_on.as_ref()),
        ),
        (
            "self_check.resubmitted_on",
            check.and_then(|c| c.resubmitted_on.as_ref()),
        ),
    ];
    let reviews = unit.reviews.iter().map(|r| ("review.on", r.on.as_ref()));
    for (key, date) in dates.into_iter().chain(reviews) {
        if let Some(date) = date
            && *date.get_ref() > cx.today
        {
            out.push(super::item::after_today(unit.file, key, date));
        }
    }
}

/// A level sets its subordinates a date no later than its own.
fn subordinates_due(unit: &Unit, own_due: Option<Date>, out: &mut Found<'_>) {
    if let (Some(set), Some(own)) = (&unit.subordinates_due, own_due)
        && *set.get_ref() > own
    {
        let msg = SelfCheckMsg::SubordinatesDueLate {
            due: set.get_ref().to_string(),
            own_due: own.to_string(),
        };
        out.push(Diagnostic::at(
            Code::SubordinatesDueLate,
            unit.file,
            set.span(),
            msg,
        ));
    }
}

/// `resubmitted_on` answers a review that returned the report (退回) on or before it.
fn resubmission(unit: &Unit, out: &mut Found<'_>) {
    let Some(on) = unit
        .self_check
        .as_ref()
        .and_then(|s| s.resubmitted_on.as_ref())
    else {
        return;
    };
    let answered = unit.reviews.iter().any(|r| {
        r.result
            .as_ref()
            .is_some_and(|x| *x.get_ref() == ReviewResult::Returned)
            && r.on.as_ref().is_some_and(|d| d.get_ref() <= on.get_ref())
    });
    if !answered {
        let msg = SelfCheckMsg::ResubmittedWithoutReturn {
            on: on.get_ref().to_string(),
        };
        out.push(
            Diagnostic::at(Code::ResubmittedWithoutReturn, unit.file, on.span(), msg)
                .with_help(SelfCheckMsg::ResubmittedWithoutReturnHelp),
        );
    }
}

fn answers(records: &Records, index: usize, unit: &Unit, points: &Points<'_>, out: &mut Found<'_>) {
    let (Some(schema), Some(self_check)) = (&records.schema, &unit.self_check) else {
        return;
    };
    let kind = unit
        .category
        .as_ref()
        .map(|c| *c.get_ref())
        .zip(unit.batch.as_ref().map(|b| *b.get_ref()));
    let mut answered = HashSet::new();
    for entry in &self_check.answers {
        let id = entry.point.get_ref();
        answered.insert(id.as_str());
        let Some(point) = points.get(id) else {
            out.push(points.unknown(unit.file, &entry.point));
            continue;
        };
        if let Some((category, batch)) = kind
            && !point.applies(category, batch)
        {
            let msg = SelfCheckMsg::PointNotApplicable {
                id: id.to_string(),
                category: category.label().to_owned(),
                batch,
            };
            let help = point
                .applies_to
                .is_empty()
                .then_some(SelfCheckMsg::PointAnsweredByItems.into());
            out.push(
                Diagnostic::at(Code::PointNotApplicable, unit.file, entry.point.span(), msg)
                    .with_help(help),
            );
            continue;
        }
        let Some(answer) = &entry.answer else {
            continue;
        };
        if matches!(answer.get_ref(), Answer::No | Answer::Partly) {
            let covered = records.unit_items[index]
                .iter()
                .any(|&i| records.items[i].points.iter().any(|p| p.get_ref() == id));
            if !covered {
                let msg = SelfCheckMsg::UncoveredAnswer {
                    point: id.to_string(),
                    answer: answer.get_ref().label().to_owned(),
                };
                let help = SelfCheckMsg::UncoveredAnswerHelp {
                    point: id.to_string(),
                };
                out.push(
                    Diagnostic::at(Code::UncoveredAnswer, unit.file, entry.point.span(), msg)
                        .with_help(help),
                );
            }
        }
    }
    let (Some(submitted), Some((category, batch))) = (&self_check.submitted_on, kind) else {
        return;
    };
    let missing: Vec<&str> = schema
        .points
        .iter()
        .filter(|p| p.applies(category, batch) && !answered.contains(p.id.as_str()))
        .map(|p| p.id.as_str())
        .collect();
    if !missing.is_empty() {
        let span = self_check
            .answers_span
            .map_or_else(|| submitted.span(), |s| s.range());
        let msg = SelfCheckMsg::UnansweredPoints {
            points: missing.iter().map(|p| (*p).to_owned()).collect(),
        };
        out.push(
            Diagnostic::at(Code::UnansweredPoints, unit.file, span, msg)
                .with_help(SelfCheckMsg::UnansweredHelp),
        );
    }
}

fn report_file(records: &Records, unit: &Unit, out: &mut Found<'_>) {
    let Some(report) = unit.self_check.as_ref().and_then(|s| s.report.as_ref()) else {
        return;
    };
    let written = report.get_ref();
    let Some(inside) = normalize_inside(written) else {
        let msg = SelfCheckMsg::ReportOutsideUnit {
            path: written.clone(),
        };
        out.push(
            Diagnostic::at(Code::ReportOutsideUnit, unit.file, report.span(), msg)
                .with_help(SelfCheckMsg::ReportOutsideHelp),
        );
        return;
    };
    // Look at each step without following links, so nothing outside the unit's folder is read.
    let rel = if unit.org.is_empty() {
        inside
    } else {
        format!("{}/{inside}", unit.org)
    };
    let found = match records.look_up(&rel) {
        Look::Link => {
            let msg = SelfCheckMsg::ReportLink {
                path: written.clone(),
            };
            out.push(
                Diagnostic::at(Code::ReportOutsideUnit, unit.file, report.span(), msg)
                    .with_help(SelfCheckMsg::ReportOutsideHelp),
            );
            return;
        }
        Look::File => true,
        Look::Other | Look::Missing => false,
    };
    if !found {
        let msg = SelfCheckMsg::ReportMissing {
            path: written.clone(),
        };
        out.push(Diagnostic::at(
            Code::ReportMissing,
            unit.file,
            report.span(),
            msg,
        ));
    }
}

fn reviews(unit: &Unit, out: &mut Found<'_>) {
    let submitted = unit
        .self_check
        .as_ref()
        .and_then(|s| s.submitted_on.as_ref());
    for review in &unit.reviews {
        let Some(on) = &review.on else { continue };
        match submitted {
            None => out.push(Diagnostic::at(
                Code::ReviewWithoutSubmission,
                unit.file,
                on.span(),
                SelfCheckMsg::ReviewWithoutSubmission,
            )),
            Some(submitted) if on.get_ref() < submitted.get_ref() => {
                let msg = SelfCheckMsg::ReviewBeforeSubmission {
                    on: on.get_ref().to_string(),
                    submitted_on: submitted.get_ref().to_string(),
                };
                out.push(
                    Diagnostic::at(Code::ReviewBeforeSubmission, unit.file, on.span(), msg)
                        .with_label(Label {
                            file: unit.file,
                            span: submitted.span(),
                            message: SelfCheckMsg::SubmittedHere.into(),
                        }),
                );
            }
            Some(_) => {}
        }
    }
}

use crate::diagnostic::doc::{BASE_UNIT, Change, Example, Prose, RuleDoc, Shown};

/// What each code raised here means, with worked examples: see [`crate::explain`].
pub const DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: Code::PointNotApplicable,
        trigger: Prose {
            en: r#"A self-check answer to a point the unit does not answer: a point of the other
category (a 基层党组织 answering `2.1`), of the other batch (a batch 1 unit answering `3.3`, a batch
2 unit answering `3.2`), or a point answered by items only (`P.1`–`P.5`, the points of 党员干部)."#,
            zh: r#"自查答复了本单位不作答的检查要点：另一类别的要点（基层党组织答复 `2.1`），另一批次的要点（第一批的单位答复 `3.3`，第二批的单位答复 `3.2`），或者只由事项回答的要点（`P.1` 至 `P.5`，党员干部的要点）。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml, lines 15–16, at the end of [self_check.answers]"#,
                zh: r#"梁弄镇/横坎头村/unit.toml，第15至16行，在 [self_check.answers] 末尾"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 15,
                count: 0,
                text: r#""2.1" = "是"
"P.1" = "是""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E009]: check point "2.1" does not apply to a 基层党组织 of batch 2
  --> 梁弄镇/横坎头村/unit.toml:15:1
   |
15 | "2.1" = "是"
   | ^^^^^

error[E009]: check point "P.1" does not apply to a 基层党组织 of batch 2
  --> 梁弄镇/横坎头村/unit.toml:16:1
   |
16 | "P.1" = "是"
   | ^^^^^
   |
   = help: points for cadres (P.*) are answered by their own items, not in a unit's self-check; remove the line"#,
                zh: r#"error[E009]: 检查要点 "2.1" 不适用于第二批的基层党组织
  --> 梁弄镇/横坎头村/unit.toml:15:1
   |
15 | "2.1" = "是"
   | ^^^^^

error[E009]: 检查要点 "P.1" 不适用于第二批的基层党组织
  --> 梁弄镇/横坎头村/unit.toml:16:1
   |
16 | "P.1" = "是"
   | ^^^^^
   |
   = help: 党员干部的重点（P 类）由个人整改事项回答，不在单位自查中作答；删去这一行"#,
            },
        }],
        fix: Prose {
            en: r#"Remove the answer. If `category` or `batch` is what is wrong, correct that instead. A
cadre's own rectification is an item with `owner = "个人"` that lists the P point in `points`."#,
            zh: r#"删去这条答复。如果是 `category` 或 `batch` 填错了，改正它们。党员干部个人的整改是一个 `owner = "个人"` 的事项，在 `points` 中列出相应的 P 类要点。"#,
        },
    },
    RuleDoc {
        code: Code::UnansweredPoints,
        trigger: Prose {
            en: r#"`self_check.submitted_on` is set, but `[self_check.answers]` has no answer for some
point that applies to the unit (by its category and batch, section 3 of [format.md](format.md)).
The message names every missing point; the diagnostic points at `[self_check.answers]`, or at
`submitted_on` where there is no answers table."#,
            zh: r#"填了 `self_check.submitted_on`，但 `[self_check.answers]` 中对某些适用于本单位的检查要点（按类别和批次，见 [format.md](format.md) 第3节）没有作答。消息列出每一个缺少答复的要点；诊断指向 `[self_check.answers]`，没有答复表的指向 `submitted_on`。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml without the line "G.3" = "是""#,
                zh: r#"梁弄镇/横坎头村/unit.toml 中去掉了 "G.3" = "是" 这一行"#,
            },
            shown: Shown::Text(
                r#"[self_check.answers]
"3.1" = "是"
"4.2" = "是"
"G.1" = "是"
"G.2" = "是"
"3.3" = "是""#,
            ),
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 14,
                count: 1,
                text: "",
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E018]: the self-check is submitted but leaves these points unanswered: G.3
 --> 梁弄镇/横坎头村/unit.toml:9:1
  |
9 | [self_check.answers]
  | ^^^^^^^^^^^^^^^^^^^^
  |
  = help: answer each in [self_check.answers], like `"1.1" = "已落实"`; write "不涉及" where one does not apply"#,
                zh: r#"error[E018]: 自查已报送，但以下适用的检查要点未逐项说明：G.3
 --> 梁弄镇/横坎头村/unit.toml:9:1
  |
9 | [self_check.answers]
  | ^^^^^^^^^^^^^^^^^^^^
  |
  = help: 在 [self_check.answers] 中逐项说明，如 `"1.1" = "已落实"`；不涉及的写 "不涉及""#,
            },
        }],
        fix: Prose {
            en: r#"Answer every point the message names (逐项梳理): `是`, `部分`, `否`, or `不适用` where one
does not apply."#,
            zh: r#"对消息列出的每个要点逐项作答（逐项梳理）：`是`、`部分`、`否`，不涉及的答 `不适用`。"#,
        },
    },
    RuleDoc {
        code: Code::ReportMissing,
        trigger: Prose {
            en: r#"`self_check.report` names a file that is not there, relative to the unit's folder."#,
            zh: r#"`self_check.report` 指向的文件不存在（相对于单位文件夹）。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml, line 8, with no 梁弄镇/横坎头村/自查报告.md"#,
                zh: r#"梁弄镇/横坎头村/unit.toml，第8行，而没有 梁弄镇/横坎头村/自查报告.md"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 8,
                count: 1,
                text: r#"report = "自查报告.md""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E019]: the self-check report "自查报告.md" does not exist
 --> 梁弄镇/横坎头村/unit.toml:8:10
  |
8 | report = "自查报告.md"
  |          ^^^^^^^^^^^^^"#,
                zh: r#"error[E019]: 自查报告 "自查报告.md" 不存在
 --> 梁弄镇/横坎头村/unit.toml:8:10
  |
8 | report = "自查报告.md"
  |          ^^^^^^^^^^^^^"#,
            },
        }],
        fix: Prose {
            en: r#"Put the report in the unit's folder under that name, or correct the name (it is
case-sensitive and includes the extension)."#,
            zh: r#"把自查报告以这个名字放进单位文件夹，或者改正文件名（区分大小写，包括扩展名）。"#,
        },
    },
    RuleDoc {
        code: Code::ReportOutsideUnit,
        trigger: Prose {
            en: r#"`self_check.report` is an absolute path, starts with a drive letter (one ASCII letter
and a colon, then nothing or a separator: `C:/报告.md`; `a:b.md` is a file name, except on Windows),
goes up with `..`, or passes through a symbolic link: the tool reads nothing outside the unit's
folder."#,
            zh: r#"`self_check.report` 是绝对路径，以盘符开头（一个英文字母加冒号，后面什么也没有或是分隔符：`C:/报告.md`；`a:b.md` 是文件名，Windows 上除外），用 `..` 向上，或经过符号链接：本工具不读取单位文件夹以外的任何内容。"#,
        },
        examples: &[
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/unit.toml, line 8"#,
                    zh: r#"梁弄镇/横坎头村/unit.toml，第8行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_UNIT,
                    line: 8,
                    count: 1,
                    text: r#"report = "../自查报告.md""#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E020]: the self-check report "../自查报告.md" leaves the unit's folder
 --> 梁弄镇/横坎头村/unit.toml:8:10
  |
8 | report = "../自查报告.md"
  |          ^^^^^^^^^^^^^^^^
  |
  = help: write a path inside the unit's folder, like "自查报告.md"; no ".." and no absolute path"#,
                    zh: r#"error[E020]: 自查报告 "../自查报告.md" 不在本单位文件夹内
 --> 梁弄镇/横坎头村/unit.toml:8:10
  |
8 | report = "../自查报告.md"
  |          ^^^^^^^^^^^^^^^^
  |
  = help: 写单位文件夹内的相对路径，如 "自查报告.md"；不要用 ".." 或绝对路径"#,
                },
            },
            Example {
                intro: Prose {
                    en: r#"With `report = "自查报告.md"` where `梁弄镇/横坎头村/自查报告.md` is a symbolic link (which also
gets W006):"#,
                    zh: r#"`report = "自查报告.md"`，而 `梁弄镇/横坎头村/自查报告.md` 是符号链接（同时报 W006）："#,
                },
                caption: Prose::NONE,
                shown: Shown::Nothing,
                change: &[
                    Change::Lines {
                        file: BASE_UNIT,
                        line: 8,
                        count: 1,
                        text: r#"report = "自查报告.md""#,
                    },
                    Change::Write {
                        file: "梁弄镇/横坎头村/材料/自查报告.md",
                        text: r#"# 自查报告
"#,
                    },
                    Change::Symlink {
                        link: "梁弄镇/横坎头村/自查报告.md",
                        target: "材料/自查报告.md",
                    },
                ],
                as_of: None,
                output: Prose {
                    en: r#"error[E020]: the self-check report "自查报告.md" is a symbolic link, which is never followed
 --> 梁弄镇/横坎头村/unit.toml:8:10
  |
8 | report = "自查报告.md"
  |          ^^^^^^^^^^^^^
  |
  = help: write a path inside the unit's folder, like "自查报告.md"; no ".." and no absolute path"#,
                    zh: r#"error[E020]: 自查报告 "自查报告.md" 是符号链接，不予读取
 --> 梁弄镇/横坎头村/unit.toml:8:10
  |
8 | report = "自查报告.md"
  |          ^^^^^^^^^^^^^
  |
  = help: 写单位文件夹内的相对路径，如 "自查报告.md"；不要用 ".." 或绝对路径"#,
                },
            },
        ],
        fix: Prose {
            en: r#"Keep the report itself (not a link) in the unit's folder or below it, and name it by a
relative path: `report = "自查报告.md"`, `report = "材料/自查报告.pdf"`."#,
            zh: r#"把自查报告本身（而不是链接）放在单位文件夹或其子文件夹中，用相对路径指明：`report = "自查报告.md"`、`report = "材料/自查报告.pdf"`。"#,
        },
    },
    RuleDoc {
        code: Code::ReviewBeforeSubmission,
        trigger: Prose {
            en: r#"A `[[review]]` whose `on` is earlier than `self_check.submitted_on`: a review checks a
submitted self-check. The same day is accepted."#,
            zh: r#"`[[review]]` 的 `on` 早于 `self_check.submitted_on`：审核的对象是已报送的自查。同一天的可以接受。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml, lines 17–21, after [self_check.answers]"#,
                zh: r#"梁弄镇/横坎头村/unit.toml，第17至21行，在 [self_check.answers] 之后"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 16,
                count: 0,
                text: r#"
[[review]]
kind = "整改办抽查"
by = "余姚市委整改办"
on = 2015-02-03
result = "通过""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E021]: a review on 2015-02-03, before the self-check was submitted on 2015-02-05
  --> 梁弄镇/横坎头村/unit.toml:20:6
   |
20 | on = 2015-02-03
   |      ^^^^^^^^^^
   |
  ::: 梁弄镇/横坎头村/unit.toml:7:16
   |
 7 | submitted_on = 2015-02-05
   |                ---------- submitted here"#,
                zh: r#"error[E021]: 审核日期2015年2月3日早于自查报送日期2015年2月5日
  --> 梁弄镇/横坎头村/unit.toml:20:6
   |
20 | on = 2015-02-03
   |      ^^^^^^^^^^
   |
  ::: 梁弄镇/横坎头村/unit.toml:7:16
   |
 7 | submitted_on = 2015-02-05
   |                ---------- 自查报送日期"#,
            },
        }],
        fix: Prose {
            en: r#"Correct whichever date is wrong."#,
            zh: r#"改正写错的那个日期。"#,
        },
    },
    RuleDoc {
        code: Code::ReviewWithoutSubmission,
        trigger: Prose {
            en: r#"A unit has a `[[review]]` but no `self_check.submitted_on`."#,
            zh: r#"单位有 `[[review]]`，却没有 `self_check.submitted_on`。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml without submitted_on, checked --as-of 2015-02-20"#,
                zh: r#"梁弄镇/横坎头村/unit.toml 中没有 submitted_on，按 --as-of 2015-02-20 检查"#,
            },
            shown: Shown::Text(
                r#"[[review]]
kind = "整改办抽查"
by = "余姚市委整改办"
on = 2015-02-16
result = "退回""#,
            ),
            change: &[
                Change::Lines {
                    file: BASE_UNIT,
                    line: 7,
                    count: 1,
                    text: "",
                },
                Change::Lines {
                    file: BASE_UNIT,
                    line: 15,
                    count: 0,
                    text: r#"
[[review]]
kind = "整改办抽查"
by = "余姚市委整改办"
on = 2015-02-16
result = "退回""#,
                },
            ],
            as_of: Some("2015-02-20"),
            output: Prose {
                en: r#"error[E022]: a review of a unit that has not submitted its self-check (no `self_check.submitted_on`)
  --> 梁弄镇/横坎头村/unit.toml:19:6
   |
19 | on = 2015-02-16
   |      ^^^^^^^^^^"#,
                zh: r#"error[E022]: 单位尚未报送自查（无 `self_check.submitted_on`），不能有审核记录
  --> 梁弄镇/横坎头村/unit.toml:19:6
   |
19 | on = 2015-02-16
   |      ^^^^^^^^^^"#,
            },
        }],
        fix: Prose {
            en: r#"Record the submission (`submitted_on`) the review was of, or remove a review that has
not taken place."#,
            zh: r#"记下审核所针对的那次报送（`submitted_on`），或者删去并未进行的审核。"#,
        },
    },
    RuleDoc {
        code: Code::SubordinatesDueLate,
        trigger: Prose {
            en: r#"A unit's `subordinates_due`, the date it sets for the self-check reports of the units
below it, is after its own due date (its ancestor's `subordinates_due`, else the campaign
deadline): the units below would report after the unit itself must have reported upward."#,
            zh: r#"单位的 `subordinates_due`（为下级单位报送自查报告所定的时限）晚于本单位自己的报送时限（上级单位的 `subordinates_due`，没有则为台账的 `deadline`）：下级单位报上来时，本单位早该向上报送了。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml, line 4"#,
                zh: r#"梁弄镇/横坎头村/unit.toml，第4行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 4,
                count: 0,
                text: r#"subordinates_due = 2015-03-05"#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E032]: `subordinates_due` 2015-03-05 is after this unit's own due date 2015-02-28
 --> 梁弄镇/横坎头村/unit.toml:4:20
  |
4 | subordinates_due = 2015-03-05
  |                    ^^^^^^^^^^"#,
                zh: r#"error[E032]: 下级报送时限2015年3月5日晚于本单位自己的报送时限2015年2月28日
 --> 梁弄镇/横坎头村/unit.toml:4:20
  |
4 | subordinates_due = 2015-03-05
  |                    ^^^^^^^^^^"#,
            },
        }],
        fix: Prose {
            en: r#"Set a date on or before the unit's own due date, so that it can collect the reports
below it before it reports upward."#,
            zh: r#"定一个不晚于本单位报送时限的日期，让本单位能在向上报送之前收齐下级的报告。"#,
        },
    },
    RuleDoc {
        code: Code::ResubmittedWithoutReturn,
        trigger: Prose {
            en: r#"`self_check.resubmitted_on` is set, but no `[[review]]` with `result = "退回"` is dated on
or before it: a report is submitted again only after a review sent it back."#,
            zh: r#"填了 `self_check.resubmitted_on`，但在此日期当天或之前没有 `result = "退回"` 的 `[[review]]`：自查报告被审核退回后才会重新报送。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml, line 8"#,
                zh: r#"梁弄镇/横坎头村/unit.toml，第8行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 8,
                count: 0,
                text: r#"resubmitted_on = 2015-02-20"#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E033]: resubmitted on 2015-02-20, but no review returned the report before then
 --> 梁弄镇/横坎头村/unit.toml:8:18
  |
8 | resubmitted_on = 2015-02-20
  |                  ^^^^^^^^^^
  |
  = help: record the review that returned it (result = "退回"), or remove `resubmitted_on`"#,
                zh: r#"error[E033]: 重新报送日期2015年2月20日之前没有退回的审核记录
 --> 梁弄镇/横坎头村/unit.toml:8:18
  |
8 | resubmitted_on = 2015-02-20
  |                  ^^^^^^^^^^
  |
  = help: 在 [[review]] 中记下退回的审核（result = "退回"），或删去 `resubmitted_on`"#,
            },
        }],
        fix: Prose {
            en: r#"Record the review that returned the report, or remove `resubmitted_on`."#,
            zh: r#"记下退回报告的那次审核，或者删去 `resubmitted_on`。"#,
        },
    },
    RuleDoc {
        code: Code::LateReport,
        trigger: Prose {
            en: r#"`self_check.submitted_on` is after the unit's due date (that day itself is on time).
Each level sets its own date: a unit's due date is the `subordinates_due` of its nearest ancestor
unit that sets one, else `campaign.deadline` (“各市、省直各单位……于2月底前报省委整改办” binds the
cities and the 省直 units; each of them sets the date for the units below it). Reports count the
unit's self-check as `late`."#,
            zh: r#"`self_check.submitted_on` 晚于本单位的报送时限（正好在当天的算按时）。各级自定时限：单位的报送时限是设了 `subordinates_due` 的最近一级上级单位的 `subordinates_due`，没有则为 `campaign.deadline`（“各市、省直各单位……于2月底前报省委整改办”约束的是各市和省直各单位；它们再各自为下级单位定时限）。报告中把这个单位的自查计为 `late`（逾期报送）。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml, line 7"#,
                zh: r#"梁弄镇/横坎头村/unit.toml，第7行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 7,
                count: 1,
                text: r#"submitted_on = 2015-03-04"#,
            }],
            as_of: None,
            output: Prose {
                en: r#"warning[W003]: self-check submitted on 2015-03-04, after its due date 2015-02-28
 --> 梁弄镇/横坎头村/unit.toml:7:16
  |
7 | submitted_on = 2015-03-04
  |                ^^^^^^^^^^"#,
                zh: r#"warning[W003]: 自查报告2015年3月4日报送，晚于2015年2月28日的报送时限
 --> 梁弄镇/横坎头村/unit.toml:7:16
  |
7 | submitted_on = 2015-03-04
  |                ^^^^^^^^^^"#,
            },
        }],
        fix: Prose {
            en: r#"Nothing to correct if the date is right; it is the record of a late report."#,
            zh: r#"日期无误的，不需要改正；这是逾期报送的记录。"#,
        },
    },
    RuleDoc {
        code: Code::MissingReport,
        trigger: Prose {
            en: r#"A unit without `self_check.submitted_on` (no `[self_check]`, or one without that
date) when the as-of date is past the unit's due date (see W003). Reports count it as `missing`;
before the due date it is `pending` and gets no warning. A `unit.toml` that cannot be read or parsed gets no
W004: whether it has submitted is unknown."#,
            zh: r#"截至日期已过单位的报送时限（见 W003），单位仍没有 `self_check.submitted_on`（没有 `[self_check]`，或其中没有这个日期）。报告中计为 `missing`（未报送）；报送时限之前计为 `pending`（待报送），不报警告。无法读取或解析的 `unit.toml` 不报 W004：是否已报送无从得知。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml: no [self_check]"#,
                zh: r#"梁弄镇/横坎头村/unit.toml：没有 [self_check]"#,
            },
            shown: Shown::Text(
                r#"name = "中共横坎头村委员会"
category = "基层党组织"
batch = 2"#,
            ),
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 4,
                count: 11,
                text: "",
            }],
            as_of: None,
            output: Prose {
                en: r#"warning[W004]: the due date 2015-02-28 has passed and no self-check is submitted
 --> 梁弄镇/横坎头村/unit.toml
  = help: once submitted, record `submitted_on` in [self_check]"#,
                zh: r#"warning[W004]: 报送时限2015年2月28日已过，尚未报送自查报告
 --> 梁弄镇/横坎头村/unit.toml
  = help: 报送后在 [self_check] 中填写 `submitted_on`"#,
            },
        }],
        fix: Prose {
            en: r#"Once the unit has submitted, record `submitted_on` (and its answers) in `[self_check]`."#,
            zh: r#"单位报送后，在 `[self_check]` 中记下 `submitted_on`（以及各要点的答复）。"#,
        },
    },
    RuleDoc {
        code: Code::UncoveredAnswer,
        trigger: Prose {
            en: r#"A self-check answer `否` or `部分` to a point that no item of the same unit lists in
its `points`: a problem found by the self-check has not been taken into the rectification
(新发现的问题要及时纳入整改)."#,
            zh: r#"自查对某个检查要点答复 `否` 或 `部分`，但同一单位没有哪个事项在 `points` 中列出这个要点：自查发现的问题没有纳入整改（新发现的问题要及时纳入整改）。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml, line 12; no item lists "G.1""#,
                zh: r#"梁弄镇/横坎头村/unit.toml，第12行；没有哪个事项列出 "G.1" 这一要点"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 12,
                count: 1,
                text: r#""G.1" = { answer = "部分", note = "个别村干部优亲厚友" }"#,
            }],
            as_of: None,
            output: Prose {
                en: r#"warning[W005]: check point "G.1" is answered 部分落实, but no item takes it up
  --> 梁弄镇/横坎头村/unit.toml:12:1
   |
12 | "G.1" = { answer = "部分", note = "个别村干部优亲厚友" }
   | ^^^^^
   |
   = help: add an item that lists "G.1" in `points` (new problems join the rectification)"#,
                zh: r#"warning[W005]: 检查要点 "G.1" 自查为部分落实，但没有事项纳入整改
  --> 梁弄镇/横坎头村/unit.toml:12:1
   |
12 | "G.1" = { answer = "部分", note = "个别村干部优亲厚友" }
   | ^^^^^
   |
   = help: 新增一个事项，在 `points` 中列出 "G.1"（新发现的问题要及时纳入整改）"#,
            },
        }],
        fix: Prose {
            en: r#"Add an item for the problem (often `source = "新发现"` with its `found_on`) that lists the
point in `points`, or add the point to the `points` of the item that already deals with it."#,
            zh: r#"为这个问题新增一个事项（通常是 `source = "新发现"` 并填 `found_on`），在 `points` 中列出这个要点；或者把要点加进已在处理这个问题的事项的 `points`。"#,
        },
    },
    RuleDoc {
        code: Code::ReportReturned,
        trigger: Prose {
            en: r#"A unit's latest `[[review]]` returned its report (`result = "退回"`, 查漏补缺后重新报送) and
`self_check.resubmitted_on` is not on or after that review. Reports count the unit's self-check as
`returned` until it is resubmitted."#,
            zh: r#"单位最近一次 `[[review]]` 退回了自查报告（`result = "退回"`，查漏补缺后重新报送），而 `self_check.resubmitted_on` 不在这次审核当天或之后。重新报送之前，报告中把这个单位的自查计为 `returned`（被退回）。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/unit.toml, lines 17–21, after [self_check.answers]"#,
                zh: r#"梁弄镇/横坎头村/unit.toml，第17至21行，在 [self_check.answers] 之后"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_UNIT,
                line: 16,
                count: 0,
                text: r#"
[[review]]
kind = "督查组审核"
by = "省委第五督查组"
on = 2015-02-16
result = "退回""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"warning[W008]: the self-check report was returned on 2015-02-16 and has not been resubmitted
  --> 梁弄镇/横坎头村/unit.toml:20:6
   |
20 | on = 2015-02-16
   |      ^^^^^^^^^^
   |
   = help: fill the gaps, submit again, and record `resubmitted_on` in [self_check]"#,
                zh: r#"warning[W008]: 自查报告已于2015年2月16日被退回，尚未重新报送
  --> 梁弄镇/横坎头村/unit.toml:20:6
   |
20 | on = 2015-02-16
   |      ^^^^^^^^^^
   |
   = help: 查漏补缺后重新报送，并在 [self_check] 中填写 `resubmitted_on`"#,
            },
        }],
        fix: Prose {
            en: r#"Once the unit has filled the gaps and submitted again, record the date as
`resubmitted_on` in `[self_check]`."#,
            zh: r#"单位查漏补缺、重新报送后，在 `[self_check]` 中把日期记为 `resubmitted_on`。"#,
        },
    },
];
