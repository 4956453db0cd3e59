//! The words of the item rules (`rules::item`): a status and the fields it needs, dates that
//! have not come, overdue and stalled items, closures (销号), in Chinese and in English.

use crate::text::i18n::{Lang, zh_date};

/// A sentence of the item rules, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemMsg {
    UnsatisfiedNeedsRectifyBy,
    UnsatisfiedNeedsRectifyByHelp,
    ProgressAfterToday {
        on: String,
    },
    NoProgress {
        days: i64,
        since: String,
        every: i64,
    },
    NoProgressHelp,
    ClosureNotDone {
        status: String,
    },
    ClosureBeforeCompleted {
        approved_on: String,
        completed_on: String,
    },
    ClosureAfterToday {
        approved_on: String,
    },
    StatusNeedsField {
        status: String,
        key: String,
    },
    UnsatisfiedDone,
    UnsatisfiedDoneHelp,
    DateAfterToday {
        key: String,
        date: String,
    },
    DateAfterTodayHelp,
    SourceNeedsField {
        key_value: String,
        key: String,
    },
    Overdue {
        status: String,
        due: String,
        days: i64,
    },
    OverdueHelp,
    LateCompletion {
        completed_on: String,
        deadline: String,
    },
}

impl ItemMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            ItemMsg::UnsatisfiedNeedsRectifyBy => match lang {
                Zh => {
                    "群众不满意的事项必须填写限期整改日期 `rectify_by`".into()
                }
                En => {
                    "an item the masses are not satisfied with needs a `rectify_by` date".into()
                },
            },
            ItemMsg::UnsatisfiedNeedsRectifyByHelp => match lang {
                Zh => {
                    "对整改效果不理想、群众不满意的，要限期整改到位：写明 `rectify_by = 年-月-日`".into()
                }
                En => {
                    "the plan: 对整改效果不理想、群众不满意的，要限期整改到位; add `rectify_by = YYYY-MM-DD`".into()
                },
            },
            ItemMsg::ProgressAfterToday { on } => match lang {
                Zh => format!("进展日期{}还没有到", zh_date(on)),
                En => format!("progress dated {on}, a day that has not come yet"),
            },
            ItemMsg::NoProgress { days, since, every } => match lang {
                Zh => {
                    format!("已{days}天没有进展记录（自{}起；要求至少每{every}天一次）", zh_date(since))
                }
                En => {
                    let day_s = if *days == 1 { "day" } else { "days" };
                    format!(
                        "no progress recorded for {days} {day_s} (since {since}; at most {every} allowed)"
                    )
                },
            },
            ItemMsg::NoProgressHelp => match lang {
                Zh => {
                    "跟踪推进：在 [[progress]] 中记下最新进展（on 和 text）".into()
                }
                En => {
                    "keep track (跟踪推进): add a [[progress]] entry with `on` and `text`".into()
                },
            },
            ItemMsg::ClosureNotDone { status } => match lang {
                Zh => {
                    format!("只有已完成的事项才能销号，本事项状态为{status}")
                }
                En => {
                    format!("only a done item can be closed (销号); this one is {status}")
                },
            },
            ItemMsg::ClosureBeforeCompleted { approved_on, completed_on } => match lang {
                Zh => {
                    format!("销号日期{}早于完成日期{}", zh_date(approved_on), zh_date(completed_on))
                }
                En => {
                    format!("closed on {approved_on}, before it was completed on {completed_on}")
                },
            },
            ItemMsg::ClosureAfterToday { approved_on } => match lang {
                Zh => format!("销号日期{}还没有到", zh_date(approved_on)),
                En => format!("closed on {approved_on}, a day that has not come yet"),
            },
            ItemMsg::StatusNeedsField { status, key } => match lang {
                Zh => {
                    format!("状态为{status}的事项必须填写 `{key}`")
                }
                En => {
                    format!("an item with status {status} needs `{key}`")
                },
            },
            ItemMsg::UnsatisfiedDone => match lang {
                Zh => "群众不满意的事项不能算已完成".into(),
                En => {
                    "an item the masses are unsatisfied with cannot count as done (已完成)".into()
                },
            },
            ItemMsg::UnsatisfiedDoneHelp => match lang {
                Zh => {
                    "改为 `status = \"效果不理想\"` 并填写限期整改日期 `rectify_by`".into()
                }
                En => {
                    "set `status = \"效果不理想\"` and a date to fix it by, `rectify_by`".into()
                },
            },
            ItemMsg::DateAfterToday { key, date } => match lang {
                Zh => format!("`{key}` 的日期{}还没有到", zh_date(date)),
                En => format!("`{key}` is {date}, a day that has not come yet"),
            },
            ItemMsg::DateAfterTodayHelp => match lang {
                Zh => "记录写的是已经发生的事：改正日期；计划中的日期写在 deadline 或 rectify_by".into(),
                En => "a record says what has happened: correct the date; a planned day goes in deadline or rectify_by".into(),
            },
            ItemMsg::SourceNeedsField { key_value, key } => match lang {
                Zh => {
                    format!("`{key_value}` 的事项必须填写 `{key}`")
                }
                En => {
                    format!("an item with `{key_value}` needs `{key}`")
                },
            },
            ItemMsg::Overdue { status, due, days } => match lang {
                Zh => {
                    format!("逾期{days}天：状态为{status}，时限{}", zh_date(due))
                }
                En => {
                    format!("overdue by {days} {}: status {status}, due {due}", if *days == 1 { "day" } else { "days" })
                },
            },
            ItemMsg::OverdueHelp => match lang {
                Zh => {
                    "明确责任、落实措施、跟踪推进；完成后更新 `status` 和 `completed_on`".into()
                }
                En => {
                    "name who, what measures, and follow up; once finished, update `status` and `completed_on`".into()
                },
            },
            ItemMsg::LateCompletion { completed_on, deadline } => match lang {
                Zh => {
                    format!("未按期解决：完成于{}，时限{}", zh_date(completed_on), zh_date(deadline))
                }
                En => {
                    format!("not solved on time: completed on {completed_on}, due {deadline}")
                },
            },
        }
    }
}
