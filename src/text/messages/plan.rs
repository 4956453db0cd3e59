//! The words of the rules of the campaign's plan (`rules::plan`): what the plan asks of a
//! unit's records, in Chinese and in English.

use crate::text::i18n::{Lang, zh_date};

/// A sentence of the plan's rules, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanMsg {
    VotesOverParticipants { votes: i64, participants: i64 },
    GuidanceOfSecondBatch,
    GuidanceOfSecondBatchHelp,
    SubmittedUnsupported,
    SubmittedUnsupportedHelp,
    FoundBeforeOpened { found_on: String, opened_on: String },
    FoundBeforeOpenedHelp,
}

impl PlanMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            PlanMsg::VotesOverParticipants {
                votes,
                participants,
            } => match lang {
                Zh => format!("三项票数之和{votes}超过参加测评人数{participants}"),
                En => format!(
                    "the votes add up to {votes}, more than the {participants} who took part"
                ),
            },
            PlanMsg::GuidanceOfSecondBatch => match lang {
                Zh => "第二批活动单位由省委督查组审核，督导组检查的是第一批活动单位".into(),
                En => "a 督导组 checks first-batch units; a second-batch unit is reviewed by a 督查组".into(),
            },
            PlanMsg::GuidanceOfSecondBatchHelp => match lang {
                Zh => "写作 kind = \"督查组审核\"；或者本单位是第一批，改为 batch = 1".into(),
                En => "write kind = \"督查组审核\"; or, if the unit is of the first batch, batch = 1".into(),
            },
            PlanMsg::SubmittedUnsupported => match lang {
                Zh => "自查已报送，但没有领导班子会议日期，也没有自查报告".into(),
                En => "the self-check is submitted, but names neither the meeting that studied it nor a report".into(),
            },
            PlanMsg::SubmittedUnsupportedHelp => match lang {
                Zh => "写上集体研究的会议日期 meeting_on，或者自查报告 report".into(),
                En => "add `meeting_on`, the day of the 领导班子会议, or `report`, the 自查报告".into(),
            },
            PlanMsg::FoundBeforeOpened {
                found_on,
                opened_on,
            } => match lang {
                Zh => format!(
                    "发现日期{}早于“回头看”开始日期{}",
                    zh_date(found_on),
                    zh_date(opened_on)
                ),
                En => format!("found on {found_on}, before the campaign opened on {opened_on}"),
            },
            PlanMsg::FoundBeforeOpenedHelp => match lang {
                Zh => "“回头看”中新发现的问题在开始之后发现；之前已知的问题，来源写作整改方案等".into(),
                En => "a problem newly found in the campaign is found after it opened; one known before has another `source` (整改方案…)".into(),
            },
        }
    }
}
