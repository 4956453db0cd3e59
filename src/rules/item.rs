//! Rules about one item: its area and points, its status, its source and owner, its dates.

use std::ops::Range;

use super::{Context, Found, Points};
use crate::diagnostic::{Code, Diagnostic};
use crate::format::enums::{Enumeration, Owner, Satisfaction, Source, Status};
use crate::model::records::Records;
use crate::model::status::{self, DueField};
use crate::model::{Item, Sp, Text, TextList};
use crate::text::i18n::Msg;
use crate::text::messages::item::ItemMsg;

pub fn check(records: &Records, cx: &Context, points: &Points<'_>, out: &mut Found<'_>) {
    for item in &records.items {
        if let Some(schema) = &records.schema {
            if let Some(area) = &item.area
                && schema.area(*area.get_ref()).is_none()
            {
                let msg = Msg::UnknownArea {
                    area: area.get_ref().to_string(),
                    known: schema.area_ids(),
                };
                out.push(Diagnostic::at(
                    Code::UnknownPoint,
                    item.file,
                    area.span(),
                    msg,
                ));
            }
            for point in &item.points {
                if points.get(point.get_ref()).is_none() {
                    out.push(points.unknown(item.file, point));
                }
            }
        }
        status_rules(item, cx, out);
        source_rules(item, out);
        progress_rules(records, item, cx, out);
        closure_rules(item, cx, out);
    }
}

fn status_rules(item: &Item, cx: &Context, out: &mut Found<'_>) {
    let Some(status) = &item.status else { return };
    let needs = |out: &mut Found<'_>, key: &str, present: bool| {
        if !present {
            let msg = ItemMsg::StatusNeedsField {
                status: status.get_ref().label().to_owned(),
                key: key.to_owned(),
            };
            out.push(Diagnostic::at(
                Code::StatusNeedsField,
                item.file,
                status.span(),
                msg,
            ));
        }
    };
    let non_empty = |list: &Option<Sp<TextList>>| list.as_ref().is_some_and(|l| l.get_ref().filled);
    match status.get_ref() {
        Status::Done => {
            needs(out, "completed_on", item.completed_on.is_some());
            needs(out, "evidence", non_empty(&item.evidence));
            if let Some(s) = item
                .satisfaction
                .as_ref()
                .filter(|s| *s.get_ref() == Satisfaction::Unsatisfied)
            {
                out.push(
                    Diagnostic::at(
                        Code::UnsatisfiedDone,
                        item.file,
                        s.span(),
                        ItemMsg::UnsatisfiedDone,
                    )
                    .with_help(ItemMsg::UnsatisfiedDoneHelp),
                );
            }
        }
        Status::MostlyDone => {
            needs(out, "completed_on", item.completed_on.is_some());
            needs(
                out,
                "consolidation",
                item.consolidation
                    .as_ref()
                    .is_some_and(|c| !c.get_ref().blank),
            );
        }
        Status::Ineffective | Status::Open => {
            // 效果不理想 is unfinished too (plan, 三: 逐项明确责任、落实措施), and must be put
            // right by a day.
            if *status.get_ref() == Status::Ineffective {
                needs(out, "rectify_by", item.rectify_by.is_some());
            }
            needs(
                out,
                "responsible",
                item.responsible
                    .as_ref()
                    .is_some_and(|r| !r.get_ref().blank),
            );
            needs(out, "measures", non_empty(&item.measures));
        }
    }
    // 效果不理想 without `rectify_by` is E010 already, for the same field, and 已完成 is E011,
    // whose help says to set both.
    if let Some(s) = &item.satisfaction
        && *s.get_ref() == Satisfaction::Unsatisfied
        && item.rectify_by.is_none()
        && !matches!(status.get_ref(), Status::Ineffective | Status::Done)
    {
        out.push(
            Diagnostic::at(
                Code::UnsatisfiedNoRectifyBy,
                item.file,
                s.span(),
                ItemMsg::UnsatisfiedNeedsRectifyBy,
            )
            .with_help(ItemMsg::UnsatisfiedNeedsRectifyByHelp),
        );
    }
    // A record says what has happened: a day after today has not (the as-of date may lie
    // either side of today; facts after it are set aside, not wrong).
    for (key, date) in [
        ("completed_on", &item.completed_on),
        ("found_on", &item.found_on),
    ] {
        if let Some(date) = date
            && *date.get_ref() > cx.today
        {
            out.push(after_today(item.file, key, date));
        }
    }
    if let Some(completed_on) = &item.completed_on {
        let on = *completed_on.get_ref();
        let finished = matches!(status.get_ref(), Status::Done | Status::MostlyDone);
        if let (true, Some(deadline)) = (finished, &item.deadline)
            && on > *deadline.get_ref()
        {
            let msg = ItemMsg::LateCompletion {
                completed_on: on.to_string(),
                deadline: deadline.get_ref().to_string(),
            };
            out.push(Diagnostic::at(
                Code::LateCompletion,
                item.file,
                completed_on.span(),
                msg,
            ));
        }
    }
    if let (Some(days), Some((field, due))) = (
        status::days_overdue(item, cx.as_of),
        status::due_field(item),
    ) {
        let span = match field {
            DueField::Deadline => item.deadline.as_ref().map(|d| d.span()),
            DueField::RectifyBy => item.rectify_by.as_ref().map(|d| d.span()),
        }
        .unwrap_or_else(|| status.span());
        let msg = ItemMsg::Overdue {
            status: status.get_ref().label().to_owned(),
            due: due.to_string(),
            days,
        };
        out.push(
            Diagnostic::at(Code::Overdue, item.file, span, msg).with_help(ItemMsg::OverdueHelp),
        );
    }
}

fn source_rules(item: &Item, out: &mut Found<'_>) {
    let mut needs = |key_value: String, span: Range<usize>, key: &str, present: bool| {
        if !present {
            let msg = ItemMsg::SourceNeedsField {
                key_value,
                key: key.to_owned(),
            };
            out.push(Diagnostic::at(Code::SourceNeedsField, item.file, span, msg));
        }
    };
    let filled = |s: &Option<Sp<Text>>| s.as_ref().is_some_and(|s| !s.get_ref().blank);
    if let Some(source) = &item.source {
        let key_value = format!("source = \"{}\"", source.get_ref().label());
        match source.get_ref() {
            Source::SpecialTask => needs(
                key_value,
                source.span(),
                "special_task",
                filled(&item.special_task),
            ),
            Source::NewlyFound => needs(
                key_value,
                source.span(),
                "found_on",
                item.found_on.is_some(),
            ),
            _ => {}
        }
    }
    if let Some(owner) = item
        .owner
        .as_ref()
        .filter(|o| *o.get_ref() == Owner::Person)
    {
        let key_value = format!("owner = \"{}\"", Owner::Person.label());
        needs(key_value, owner.span(), "person", filled(&item.person));
    }
}

/// Progress (跟踪推进): no entry dated after today, and, where the campaign sets
/// `progress_every`, none of the unfinished items left without one for longer.
fn progress_rules(records: &Records, item: &Item, cx: &Context, out: &mut Found<'_>) {
    for entry in &item.progress {
        if let Some(on) = &entry.on
            && *on.get_ref() > cx.today
        {
            let msg = ItemMsg::ProgressAfterToday {
                on: on.get_ref().to_string(),
            };
            out.push(Diagnostic::at(
                Code::ProgressAfterToday,
                item.file,
                on.span(),
                msg,
            ));
        }
    }
    let campaign = records.campaign.as_ref();
    let Some(every) = campaign.and_then(|c| c.progress_every.as_ref()) else {
        return;
    };
    let Some(status) = &item.status else { return };
    if !matches!(status.get_ref(), Status::Open | Status::Ineffective) {
        return;
    }
    let latest = item.latest_progress().and_then(|p| p.on.as_ref());
    let (since, span) = match (
        latest,
        &item.found_on,
        campaign.and_then(|c| c.opened_on.as_ref()),
    ) {
        (Some(on), _, _) | (None, Some(on), _) => (*on.get_ref(), on.span()),
        (None, None, Some(opened)) => (*opened.get_ref(), status.span()),
        (None, None, None) => return,
    };
    let days = status::days_between(since, cx.as_of);
    if days > *every.get_ref() {
        let msg = ItemMsg::NoProgress {
            days,
            since: since.to_string(),
            every: *every.get_ref(),
        };
        out.push(
            Diagnostic::at(Code::NoProgress, item.file, span, msg)
                .with_help(ItemMsg::NoProgressHelp),
        );
    }
}

/// 销号: only of a done item, not before it was completed, not on a day yet to come.
fn closure_rules(item: &Item, cx: &Context, out: &mut Found<'_>) {
    let Some(closure) = &item.closure else { return };
    if let Some(status) = &item.status
        && *status.get_ref() != Status::Done
    {
        let msg = ItemMsg::ClosureNotDone {
            status: status.get_ref().label().to_owned(),
        };
        out.push(Diagnostic::at(
            Code::BadClosure,
            item.file,
            closure.span.range(),
            msg,
        ));
    }
    let Some(approved) = &closure.approved_on else {
        return;
    };
    let on = *approved.get_ref();
    if let Some(completed) = &item.completed_on
        && on < *completed.get_ref()
    {
        let msg = ItemMsg::ClosureBeforeCompleted {
            approved_on: on.to_string(),
            completed_on: completed.get_ref().to_string(),
        };
        out.push(Diagnostic::at(
            Code::BadClosure,
            item.file,
            approved.span(),
            msg,
        ));
    }
    if on > cx.today {
        let msg = ItemMsg::ClosureAfterToday {
            approved_on: on.to_string(),
        };
        out.push(Diagnostic::at(
            Code::BadClosure,
            item.file,
            approved.span(),
            msg,
        ));
    }
}

/// E012: a date of a record that has not come yet.
pub(crate) fn after_today(
    file: crate::load::source::FileId,
    key: &str,
    date: &crate::model::Sp<jiff::civil::Date>,
) -> Diagnostic {
    let msg = ItemMsg::DateAfterToday {
        key: key.to_owned(),
        date: date.get_ref().to_string(),
    };
    Diagnostic::at(Code::DateAfterToday, file, date.span(), msg)
        .with_help(ItemMsg::DateAfterTodayHelp)
}

use crate::diagnostic::doc::{BASE_CAMPAIGN, BASE_ITEM, Change, Example, Prose, RuleDoc, Shown};

/// What each code raised here means, with worked examples: see [`crate::explain`].
pub const DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: Code::UnknownPoint,
        trigger: Prose {
            en: r#"An item's `area` that is not an area of the campaign's schema (the message lists the
areas), or a point id, in an item's `points` or as an answer key, that is not a point of the
schema (the help line suggests a close one). With a campaign schema of its own
(`campaign.schema`), the built-in areas and points do not exist."#,
            zh: r#"事项的 `area` 不是方案中的内容方面（消息列出可选的内容方面），或者事项 `points` 中的、作为自查答复键的要点编号不是方案中的检查要点（提示行给出相近的要点）。使用自定方案（`campaign.schema`）时，内置的内容方面和检查要点都不存在。"#,
        },
        examples: &[
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 2"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第2行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 2,
                    count: 1,
                    text: r#"area = 7"#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E008]: `area = 7` is not an area of the schema; allowed: 1 | 2 | 3 | 4 | 5 | 6
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:2:8
  |
2 | area = 7
  |        ^"#,
                    zh: r#"error[E008]: 内容方面 `area = 7` 不在方案中；可选：1 | 2 | 3 | 4 | 5 | 6
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:2:8
  |
2 | area = 7
  |        ^"#,
                },
            },
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 3"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第3行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 3,
                    count: 1,
                    text: r#"points = ["G.2", "G.4"]"#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E008]: check point "G.4" is not in the schema
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:3:18
  |
3 | points = ["G.2", "G.4"]
  |                  ^^^^^
  |
  = help: did you mean `G.1`?"#,
                    zh: r#"error[E008]: 检查要点 "G.4" 不在方案中
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:3:18
  |
3 | points = ["G.2", "G.4"]
  |                  ^^^^^
  |
  = help: 是否想写 `G.1`？"#,
                },
            },
        ],
        fix: Prose {
            en: r#"Use an area or point of the schema: `huitoukan schema` lists them, and
[format.md](format.md#the-built-in-areas-and-points) lists the built-in ones."#,
            zh: r#"使用方案中的内容方面或检查要点：`huitoukan schema` 列出全部，内置的见 [format.md](format.md#the-built-in-areas-and-points)。"#,
        },
    },
    RuleDoc {
        code: Code::StatusNeedsField,
        trigger: Prose {
            en: r#"An item's `status` requires a field that is absent, empty or blank (三、有关要求 1):

| status | needs |
|---|---|
| `已完成` | `completed_on`, and `evidence` with at least one entry |
| `基本完成` | `completed_on`, and `consolidation` (巩固提高的具体要求) |
| `效果不理想` | `rectify_by` (限期整改到位), `responsible`, and `measures` with at least one entry (it is unfinished too) |
| `未完成` | `responsible`, and `measures` with at least one entry |

One diagnostic per missing field, at the `status` value."#,
            zh: r#"事项的 `status` 要求填写的字段缺失、为空或只有空白（三、有关要求第1条）：

| 状态 | 必须填写 |
|---|---|
| `已完成` | `completed_on`，以及至少一条 `evidence` |
| `基本完成` | `completed_on`，以及 `consolidation`（巩固提高的具体要求） |
| `效果不理想` | `rectify_by`（限期整改到位）、`responsible`，以及至少一条 `measures`（它同样是未完成的） |
| `未完成` | `responsible`，以及至少一条 `measures` |

每缺一个字段报一条，位置在 `status` 的值处。"#,
        },
        examples: &[
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, lines 8–9"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第8至9行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 8,
                    count: 1,
                    text: r#"status = "已完成"
completed_on = 2015-03-02"#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E010]: an item with status 已完成 needs `evidence`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:8:10
  |
8 | status = "已完成"
  |          ^^^^^^^^"#,
                    zh: r#"error[E010]: 状态为已完成的事项必须填写 `evidence`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:8:10
  |
8 | status = "已完成"
  |          ^^^^^^^^"#,
                },
            },
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml without `responsible`"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml 中没有 `responsible`"#,
                },
                shown: Shown::Text(r#"status = "未完成""#),
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 6,
                    count: 1,
                    text: "",
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E010]: an item with status 未完成 needs `responsible`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:10
  |
7 | status = "未完成"
  |          ^^^^^^^^"#,
                    zh: r#"error[E010]: 状态为未完成的事项必须填写 `responsible`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:10
  |
7 | status = "未完成"
  |          ^^^^^^^^"#,
                },
            },
        ],
        fix: Prose {
            en: r#"Add the field the message names, or correct the status."#,
            zh: r#"补上消息中所说的字段，或者改正状态。"#,
        },
    },
    RuleDoc {
        code: Code::UnsatisfiedDone,
        trigger: Prose {
            en: r#"`status = "已完成"` with `satisfaction = "不满意"`. The plan asks that what the masses are
not satisfied with be rectified by a set date (“对整改效果不理想、群众不满意的，要限期整改到位”); this
tool's rule follows from it: an item the masses reject is not done."#,
            zh: r#"`status = "已完成"` 而 `satisfaction = "不满意"`。方案要求群众不满意的要限期整改到位（“对整改效果不理想、群众不满意的，要限期整改到位”）；本工具的规则由此而来：群众不认可的事项不算已完成。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, lines 8–11"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第8至11行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_ITEM,
                line: 8,
                count: 1,
                text: r#"status = "已完成"
completed_on = 2015-03-02
evidence = ["竣工验收单"]
satisfaction = "不满意""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E011]: an item the masses are unsatisfied with cannot count as done (已完成)
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:11:16
   |
11 | satisfaction = "不满意"
   |                ^^^^^^^^
   |
   = help: set `status = "效果不理想"` and a date to fix it by, `rectify_by`"#,
                zh: r#"error[E011]: 群众不满意的事项不能算已完成
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:11:16
   |
11 | satisfaction = "不满意"
   |                ^^^^^^^^
   |
   = help: 改为 `status = "效果不理想"` 并填写限期整改日期 `rectify_by`"#,
            },
        }],
        fix: Prose {
            en: r#"Set `status = "效果不理想"` with a `rectify_by` date, and keep rectifying until the masses
are satisfied; or, if the assessment was recorded wrongly, correct `satisfaction`."#,
            zh: r#"改为 `status = "效果不理想"` 并填写 `rectify_by` 日期，继续整改直到群众满意；如果是满意度记错了，改正 `satisfaction`。"#,
        },
    },
    RuleDoc {
        code: Code::DateAfterToday,
        trigger: Prose {
            en: r#"A date that says something happened lies after today (the machine's clock, whatever
`--as-of` says): `completed_on` or `found_on` of an item; `meeting_on`, `submitted_on` or
`resubmitted_on` of a unit's `[self_check]`; the `on` of a `[[review]]`. A record says what has
happened, and that day has not come. (A progress entry is E030, a closure E031.) A date after
the as-of date but not after today is no error: a report as of that date sets the fact aside,
as the records stood then."#,
            zh: r#"表示某事已经发生的日期晚于今天（以计算机的时钟为准，与 `--as-of` 无关）：事项的 `completed_on` 或 `found_on`；单位 `[self_check]` 中的 `meeting_on`、`submitted_on` 或 `resubmitted_on`；`[[review]]` 的 `on`。记录写的是已经发生的事，而这一天还没有到。（进展日期见 E030，销号日期见 E031。）晚于截至日期但不晚于今天的日期不是错误：按截至日期生成的报告把它当作那时还没有发生的事，不计入。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, lines 8–10"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第8至10行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_ITEM,
                line: 8,
                count: 1,
                text: r#"status = "已完成"
completed_on = 2099-03-12
evidence = ["竣工验收单"]"#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E012]: `completed_on` is 2099-03-12, a day that has not come yet
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:9:16
  |
9 | completed_on = 2099-03-12
  |                ^^^^^^^^^^
  |
  = help: a record says what has happened: correct the date; a planned day goes in deadline or rectify_by"#,
                zh: r#"error[E012]: `completed_on` 的日期2099年3月12日还没有到
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:9:16
  |
9 | completed_on = 2099-03-12
  |                ^^^^^^^^^^
  |
  = help: 记录写的是已经发生的事：改正日期；计划中的日期写在 deadline 或 rectify_by"#,
            },
        }],
        fix: Prose {
            en: r#"Record the date it actually happened; if it has not happened yet, leave the field out
(and keep the status `未完成`) until it has."#,
            zh: r#"写实际发生的日期；还没有发生的，先不写这个字段（状态保持 `未完成`），发生后再写。"#,
        },
    },
    RuleDoc {
        code: Code::SourceNeedsField,
        trigger: Prose {
            en: r#"`source = "专项整治"` without `special_task`; `source = "新发现"` without `found_on`;
`owner = "个人"` without `person`. The diagnostic points at the `source` or `owner` value."#,
            zh: r#"`source = "专项整治"` 而没有 `special_task`；`source = "新发现"` 而没有 `found_on`；`owner = "个人"` 而没有 `person`。诊断指向 `source` 或 `owner` 的值。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 4"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第4行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_ITEM,
                line: 4,
                count: 1,
                text: r#"source = "新发现""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E013]: an item with `source = "新发现"` needs `found_on`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:4:10
  |
4 | source = "新发现"
  |          ^^^^^^^^"#,
                zh: r#"error[E013]: `source = "新发现"` 的事项必须填写 `found_on`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:4:10
  |
4 | source = "新发现"
  |          ^^^^^^^^"#,
            },
        }],
        fix: Prose {
            en: r#"Add the field: `special_task = "中央21项专项整治第3项"`, `found_on = 2015-01-18`, or
`person = "王某某"`."#,
            zh: r#"补上字段：`special_task = "中央21项专项整治第3项"`、`found_on = 2015-01-18` 或 `person = "王某某"`。"#,
        },
    },
    RuleDoc {
        code: Code::UnsatisfiedNoRectifyBy,
        trigger: Prose {
            en: r#"An item whose `satisfaction` is `不满意` has no `rectify_by`, whatever its status:
“对整改效果不理想、群众不满意的，要限期整改到位” (三、有关要求). With `status = "效果不理想"` the same gap is
E010, and with `已完成` it is E011, so this code is for the other statuses."#,
            zh: r#"`satisfaction` 为 `不满意` 的事项没有 `rectify_by`，无论状态如何：“对整改效果不理想、群众不满意的，要限期整改到位”（三、有关要求）。状态为 `效果不理想` 时同样的缺漏报 E010，状态为 `已完成` 时报 E011，所以这个代码用于其余的状态。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 9"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第9行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_ITEM,
                line: 9,
                count: 0,
                text: r#"satisfaction = "不满意""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E029]: an item the masses are not satisfied with needs a `rectify_by` date
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:9:16
  |
9 | satisfaction = "不满意"
  |                ^^^^^^^^
  |
  = help: the plan: 对整改效果不理想、群众不满意的，要限期整改到位; add `rectify_by = YYYY-MM-DD`"#,
                zh: r#"error[E029]: 群众不满意的事项必须填写限期整改日期 `rectify_by`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:9:16
  |
9 | satisfaction = "不满意"
  |                ^^^^^^^^
  |
  = help: 对整改效果不理想、群众不满意的，要限期整改到位：写明 `rectify_by = 年-月-日`"#,
            },
        }],
        fix: Prose {
            en: r#"Set the date by which it must be rectified: `rectify_by = 2015-04-30`. The item is
overdue (W001) once that date has passed while the masses are still not satisfied."#,
            zh: r#"写明限期整改到位的日期：`rectify_by = 2015-04-30`。过了这个日期群众仍不满意的，事项即为逾期（W001）。"#,
        },
    },
    RuleDoc {
        code: Code::ProgressAfterToday,
        trigger: Prose {
            en: r#"A `[[progress]]` entry (进展情况, 跟踪推进) dated after today (the machine's clock): the
record claims progress on a day that has not come. An entry after the as-of date but not after
today is no error: a report as of that date leaves it out. An entry without `on` or `text` is
E003."#,
            zh: r#"`[[progress]]` 进展记录（进展情况、跟踪推进）的日期晚于今天（以计算机的时钟为准）：记录中声称的进展所在的那一天还没有到。晚于截至日期但不晚于今天的进展不是错误：按截至日期生成的报告不计入它。缺少 `on` 或 `text` 的进展记录报 E003。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, lines 10–12"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第10至12行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_ITEM,
                line: 9,
                count: 0,
                text: r#"
[[progress]]
on = 2099-03-12
text = "已完成路基施工""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E030]: progress dated 2099-03-12, a day that has not come yet
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:11:6
   |
11 | on = 2099-03-12
   |      ^^^^^^^^^^"#,
                zh: r#"error[E030]: 进展日期2099年3月12日还没有到
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:11:6
   |
11 | on = 2099-03-12
   |      ^^^^^^^^^^"#,
            },
        }],
        fix: Prose {
            en: r#"Record the date the progress was made."#,
            zh: r#"写取得这项进展的实际日期。"#,
        },
    },
    RuleDoc {
        code: Code::BadClosure,
        trigger: Prose {
            en: r#"A `[closure]` (销号) on an item whose status is not `已完成`, or whose `approved_on` is
before `completed_on` or after today (the machine's clock). Only a finished item is struck off the
ledger, and only after it was finished. A closure after the as-of date but not after today is
no error: a report as of that date leaves it out."#,
            zh: r#"状态不是 `已完成` 的事项有 `[closure]`（销号），或者 `approved_on` 早于 `completed_on`、晚于今天（以计算机的时钟为准）。只有完成了的事项才能从台账上销号，而且要在完成之后。晚于截至日期但不晚于今天的销号不是错误：按截至日期生成的报告不计入它。"#,
        },
        examples: &[
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, lines 10–12, on the open item"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第10至12行，事项尚未完成"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 9,
                    count: 0,
                    text: r#"
[closure]
approved_by = "余姚市委整改办"
approved_on = 2015-03-01"#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E031]: only a done item can be closed (销号); this one is 未完成
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:10:1
   |
10 | [closure]
   | ^^^^^^^^^"#,
                    zh: r#"error[E031]: 只有已完成的事项才能销号，本事项状态为未完成
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:10:1
   |
10 | [closure]
   | ^^^^^^^^^"#,
                },
            },
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, lines 8–14"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第8至14行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 8,
                    count: 1,
                    text: r#"status = "已完成"
completed_on = 2015-03-02
evidence = ["竣工验收单"]

[closure]
approved_by = "余姚市委整改办"
approved_on = 2015-03-01"#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E031]: closed on 2015-03-01, before it was completed on 2015-03-02
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:14:15
   |
14 | approved_on = 2015-03-01
   |               ^^^^^^^^^^"#,
                    zh: r#"error[E031]: 销号日期2015年3月1日早于完成日期2015年3月2日
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:14:15
   |
14 | approved_on = 2015-03-01
   |               ^^^^^^^^^^"#,
                },
            },
        ],
        fix: Prose {
            en: r#"Close an item only once it is `已完成`, on or after its `completed_on`; remove the
`[closure]` of an item that is not."#,
            zh: r#"事项 `已完成` 后才能销号，销号日期不早于 `completed_on`；未完成事项的 `[closure]` 要删去。"#,
        },
    },
    RuleDoc {
        code: Code::Overdue,
        trigger: Prose {
            en: r#"An item `未完成` whose `deadline` is before the as-of date, or `效果不理想` (or any item
still `不满意`) whose `rectify_by` is (逾期). On the due day itself it is not yet overdue. Where an
item has both dates, the earlier one counts. The message gives the days overdue."#,
            zh: r#"状态为 `未完成` 的事项，`deadline` 早于截至日期；或者状态为 `效果不理想` 的事项（以及群众仍 `不满意` 的任何事项），`rectify_by` 早于截至日期：即为逾期。正好在时限当天的，还不算逾期。一个事项两个日期都有的，以较早的为准。消息给出逾期天数。"#,
        },
        examples: &[
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 7"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第7行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 7,
                    count: 1,
                    text: r#"deadline = 2015-02-15"#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"warning[W001]: overdue by 23 days: status 未完成, due 2015-02-15
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:12
  |
7 | deadline = 2015-02-15
  |            ^^^^^^^^^^
  |
  = help: name who, what measures, and follow up; once finished, update `status` and `completed_on`"#,
                    zh: r#"warning[W001]: 逾期23天：状态为未完成，时限2015年2月15日
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:12
  |
7 | deadline = 2015-02-15
  |            ^^^^^^^^^^
  |
  = help: 明确责任、落实措施、跟踪推进；完成后更新 `status` 和 `completed_on`"#,
                },
            },
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, lines 8–10"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第8至10行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 8,
                    count: 1,
                    text: r#"status = "效果不理想"
rectify_by = 2015-03-05
satisfaction = "不满意""#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"warning[W001]: overdue by 5 days: status 效果不理想, due 2015-03-05
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:9:14
  |
9 | rectify_by = 2015-03-05
  |              ^^^^^^^^^^
  |
  = help: name who, what measures, and follow up; once finished, update `status` and `completed_on`"#,
                    zh: r#"warning[W001]: 逾期5天：状态为效果不理想，时限2015年3月5日
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:9:14
  |
9 | rectify_by = 2015-03-05
  |              ^^^^^^^^^^
  |
  = help: 明确责任、落实措施、跟踪推进；完成后更新 `status` 和 `completed_on`"#,
                },
            },
        ],
        fix: Prose {
            en: r#"Push the item on (逐项明确责任、落实措施、跟踪推进) and, once it is done, record its new
`status` and `completed_on`. Moving the `deadline` to make the warning go away hides the delay
from every report."#,
            zh: r#"推动事项整改（逐项明确责任、落实措施、跟踪推进），完成后记下新的 `status` 和 `completed_on`。为了消除警告而推后 `deadline`，会让每一份报告都看不到这次延误。"#,
        },
    },
    RuleDoc {
        code: Code::LateCompletion,
        trigger: Prose {
            en: r#"An item `已完成` or `基本完成` whose `completed_on` is after its `deadline`: the problem
was not solved on time (按期解决). The deadline day itself is on time."#,
            zh: r#"状态为 `已完成` 或 `基本完成` 的事项，`completed_on` 晚于 `deadline`：问题没有按期解决。正好在时限当天完成的，算按期。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, lines 7–10"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第7至10行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_ITEM,
                line: 7,
                count: 2,
                text: r#"deadline = 2014-12-31
status = "已完成"
completed_on = 2015-01-20
evidence = ["竣工验收单"]"#,
            }],
            as_of: None,
            output: Prose {
                en: r#"warning[W002]: not solved on time: completed on 2015-01-20, due 2014-12-31
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:9:16
  |
9 | completed_on = 2015-01-20
  |                ^^^^^^^^^^"#,
                zh: r#"warning[W002]: 未按期解决：完成于2015年1月20日，时限2014年12月31日
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:9:16
  |
9 | completed_on = 2015-01-20
  |                ^^^^^^^^^^"#,
            },
        }],
        fix: Prose {
            en: r#"Nothing to correct if the dates are right: the warning records that 2.1 (列入整改方案的问题
是否按期解决) was not met for this item, which the self-check should answer honestly."#,
            zh: r#"日期无误的，不需要改正：这条警告记下的是这个事项没有做到2.1（列入整改方案的问题是否按期解决），自查时应当如实作答。"#,
        },
    },
    RuleDoc {
        code: Code::NoProgress,
        trigger: Prose {
            en: r#"Where the campaign sets `progress_every = DAYS`, a `未完成` or `效果不理想` item whose
latest `[[progress]]` entry is more than DAYS before the as-of date (跟踪推进). Without an entry,
the count starts from the item's `found_on`, else from the campaign's `opened_on`; with neither,
there is nothing to count from and no warning."#,
            zh: r#"台账设了 `progress_every = 天数` 时，状态为 `未完成` 或 `效果不理想` 的事项，最近一条 `[[progress]]` 进展记录早于截至日期超过这个天数（跟踪推进）。没有进展记录的，从事项的 `found_on` 起算，没有则从台账的 `opened_on` 起算；两者都没有的，无从起算，不报警告。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, lines 10–12, with `progress_every = 30` in huitoukan.toml"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第10至12行，huitoukan.toml 中设了 `progress_every = 30`"#,
            },
            shown: Shown::Text(
                r#"[[progress]]
on = 2015-01-20
text = "已完成勘测设计""#,
            ),
            change: &[
                Change::Lines {
                    file: BASE_CAMPAIGN,
                    line: 4,
                    count: 0,
                    text: "progress_every = 30",
                },
                Change::Lines {
                    file: BASE_ITEM,
                    line: 9,
                    count: 0,
                    text: r#"
[[progress]]
on = 2015-01-20
text = "已完成勘测设计""#,
                },
            ],
            as_of: None,
            output: Prose {
                en: r#"warning[W007]: no progress recorded for 49 days (since 2015-01-20; at most 30 allowed)
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:11:6
   |
11 | on = 2015-01-20
   |      ^^^^^^^^^^
   |
   = help: keep track (跟踪推进): add a [[progress]] entry with `on` and `text`"#,
                zh: r#"warning[W007]: 已49天没有进展记录（自2015年1月20日起；要求至少每30天一次）
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:11:6
   |
11 | on = 2015-01-20
   |      ^^^^^^^^^^
   |
   = help: 跟踪推进：在 [[progress]] 中记下最新进展（on 和 text）"#,
            },
        }],
        fix: Prose {
            en: r#"Record the latest progress as a new `[[progress]]` entry, with its date and what was
done."#,
            zh: r#"把最近的进展记为一条新的 `[[progress]]`，写明日期和所做的工作。"#,
        },
    },
];
