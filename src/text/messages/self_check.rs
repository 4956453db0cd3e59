//! The words of the self-check rules (`rules::self_check`): answers to the check points, the
//! report file, its submission and review, in Chinese and in English.

use crate::text::i18n::{Lang, batch_zh, names, zh_date};

/// A sentence of the self-check rules, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelfCheckMsg {
    SubordinatesDueLate {
        due: String,
        own_due: String,
    },
    ResubmittedWithoutReturn {
        on: String,
    },
    ResubmittedWithoutReturnHelp,
    ReportReturned {
        on: String,
    },
    ReportReturnedHelp,
    PointNotApplicable {
        id: String,
        category: String,
        batch: i64,
    },
    PointAnsweredByItems,
    UnansweredPoints {
        points: Vec<String>,
    },
    UnansweredHelp,
    ReportMissing {
        path: String,
    },
    ReportOutsideUnit {
        path: String,
    },
    ReportLink {
        path: String,
    },
    ReportOutsideHelp,
    ReviewBeforeSubmission {
        on: String,
        submitted_on: String,
    },
    ReviewWithoutSubmission,
    SubmittedHere,
    LateReport {
        submitted_on: String,
        deadline: String,
    },
    MissingReport {
        deadline: String,
    },
    MissingReportHelp,
    UncoveredAnswer {
        point: String,
        answer: String,
    },
    UncoveredAnswerHelp {
        point: String,
    },
}

impl SelfCheckMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            SelfCheckMsg::SubordinatesDueLate { due, own_due } => match lang {
                Zh => {
                    format!("下级报送时限{}晚于本单位自己的报送时限{}", zh_date(due), zh_date(own_due))
                }
                En => {
                    format!("`subordinates_due` {due} is after this unit's own due date {own_due}")
                },
            },
            SelfCheckMsg::ResubmittedWithoutReturn { on } => match lang {
                Zh => {
                    format!("重新报送日期{}之前没有退回的审核记录", zh_date(on))
                }
                En => {
                    format!("resubmitted on {on}, but no review returned the report before then")
                },
            },
            SelfCheckMsg::ResubmittedWithoutReturnHelp => match lang {
                Zh => {
                    "在 [[review]] 中记下退回的审核（result = \"退回\"），或删去 `resubmitted_on`".into()
                }
                En => {
                    "record the review that returned it (result = \"退回\"), or remove `resubmitted_on`".into()
                },
            },
            SelfCheckMsg::ReportReturned { on } => match lang {
                Zh => {
                    format!("自查报告已于{}被退回，尚未重新报送", zh_date(on))
                }
                En => {
                    format!("the self-check report was returned on {on} and has not been resubmitted")
                },
            },
            SelfCheckMsg::ReportReturnedHelp => match lang {
                Zh => {
                    "查漏补缺后重新报送，并在 [self_check] 中填写 `resubmitted_on`".into()
                }
                En => {
                    "fill the gaps, submit again, and record `resubmitted_on` in [self_check]".into()
                },
            },
            SelfCheckMsg::PointNotApplicable { id, category, batch } => match lang {
                Zh => {
                    format!("检查要点 \"{id}\" 不适用于第{}批的{category}", batch_zh(*batch))
                }
                En => {
                    format!("check point \"{id}\" does not apply to a {category} of batch {batch}")
                },
            },
            SelfCheckMsg::PointAnsweredByItems => match lang {
                Zh => {
                    "党员干部的重点（P 类）由个人整改事项回答，不在单位自查中作答；删去这一行".into()
                }
                En => {
                    "points for cadres (P.*) are answered by their own items, not in a unit's self-check; remove the line".into()
                },
            },
            SelfCheckMsg::UnansweredPoints { points } => {
                let points = names(points);
                match lang {
                    Zh => {
                        format!("自查已报送，但以下适用的检查要点未逐项说明：{points}")
                    }
                    En => {
                        format!("the self-check is submitted but leaves these points unanswered: {points}")
                    },
                }
            }
            SelfCheckMsg::UnansweredHelp => match lang {
                Zh => {
                    "在 [self_check.answers] 中逐项说明，如 `\"1.1\" = \"已落实\"`；不涉及的写 \"不涉及\"".into()
                }
                En => {
                    "answer each in [self_check.answers], like `\"1.1\" = \"已落实\"`; write \"不涉及\" where one does not apply".into()
                },
            },
            SelfCheckMsg::ReportMissing { path } => match lang {
                Zh => format!("自查报告 \"{path}\" 不存在"),
                En => {
                    format!("the self-check report \"{path}\" does not exist")
                },
            },
            SelfCheckMsg::ReportOutsideUnit { path } => match lang {
                Zh => {
                    format!("自查报告 \"{path}\" 不在本单位文件夹内")
                }
                En => {
                    format!("the self-check report \"{path}\" leaves the unit's folder")
                },
            },
            SelfCheckMsg::ReportLink { path } => match lang {
                Zh => {
                    format!("自查报告 \"{path}\" 是符号链接，不予读取")
                }
                En => {
                    format!("the self-check report \"{path}\" is a symbolic link, which is never followed")
                },
            },
            SelfCheckMsg::ReportOutsideHelp => match lang {
                Zh => {
                    "写单位文件夹内的相对路径，如 \"自查报告.md\"；不要用 \"..\" 或绝对路径".into()
                }
                En => {
                    "write a path inside the unit's folder, like \"自查报告.md\"; no \"..\" and no absolute path".into()
                },
            },
            SelfCheckMsg::ReviewBeforeSubmission { on, submitted_on } => match lang {
                Zh => {
                    format!("审核日期{}早于自查报送日期{}", zh_date(on), zh_date(submitted_on))
                }
                En => {
                    format!("a review on {on}, before the self-check was submitted on {submitted_on}")
                },
            },
            SelfCheckMsg::ReviewWithoutSubmission => match lang {
                Zh => {
                    "单位尚未报送自查（无 `self_check.submitted_on`），不能有审核记录".into()
                }
                En => {
                    "a review of a unit that has not submitted its self-check (no `self_check.submitted_on`)".into()
                },
            },
            SelfCheckMsg::SubmittedHere => match lang {
                Zh => "自查报送日期".into(),
                En => "submitted here".into(),
            },
            SelfCheckMsg::LateReport { submitted_on, deadline } => match lang {
                Zh => {
                    format!("自查报告{}报送，晚于{}的报送时限", zh_date(submitted_on), zh_date(deadline))
                }
                En => {
                    format!("self-check submitted on {submitted_on}, after its due date {deadline}")
                },
            },
            SelfCheckMsg::MissingReport { deadline } => match lang {
                Zh => {
                    format!("报送时限{}已过，尚未报送自查报告", zh_date(deadline))
                }
                En => {
                    format!("the due date {deadline} has passed and no self-check is submitted")
                },
            },
            SelfCheckMsg::MissingReportHelp => match lang {
                Zh => {
                    "报送后在 [self_check] 中填写 `submitted_on`".into()
                }
                En => {
                    "once submitted, record `submitted_on` in [self_check]".into()
                },
            },
            SelfCheckMsg::UncoveredAnswer { point, answer } => match lang {
                Zh => {
                    format!("检查要点 \"{point}\" 自查为{answer}，但没有事项纳入整改")
                }
                En => {
                    format!("check point \"{point}\" is answered {answer}, but no item takes it up")
                },
            },
            SelfCheckMsg::UncoveredAnswerHelp { point } => match lang {
                Zh => {
                    format!("新增一个事项，在 `points` 中列出 \"{point}\"（新发现的问题要及时纳入整改）")
                }
                En => {
                    format!("add an item that lists \"{point}\" in `points` (new problems join the rectification)")
                },
            },
        }
    }
}
