//! The sentences of the 情况报告 (`render::docx`, SPEC §15): its title and 主送 line, the
//! 总体进展 and 存在的问题 paragraphs, the 附件 lines, in Chinese and in English.

use crate::text::i18n::{
    Lang, en_units, office_quotes, parenthesised, plural, zh_date, zh_numeral, zh_units,
};

/// A sentence of the 情况报告, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxMsg {
    /// Its title: 关于……情况的报告, of who it covers and the campaign (where named).
    DocxTitle {
        org: String,
        campaign: Option<String>,
    },
    /// Its 主送 line.
    DocxAddressee { to: String },
    /// The sentence that leads from the opening paragraph into the sections, on the basis of
    /// the plan ([`ReportMsg::Basis`](crate::text::messages::report::ReportMsg::Basis): 根据《…》（文号）).
    DocxLead { basis: Option<String> },
    /// 总体进展: the completion rates, and the items closed (销号).
    ProgressRates {
        done: String,
        done_or_mostly: String,
        closed: usize,
    },
    /// 总体进展: the items assessed by the masses and the 事项满意率.
    ProgressSatisfaction {
        assessed: usize,
        satisfied: usize,
        rate: String,
    },
    /// 总体进展: the items of each area of the schema that has any (title, items, done).
    ProgressAreas {
        areas: usize,
        rows: Vec<(String, usize, usize)>,
    },
    /// 总体进展: each child org's items and completion rate (name, items, rate).
    ProgressChildren { rows: Vec<(String, usize, String)> },
    /// 总体进展: the items that name a unit above to lead their fix (上下联动), and how many of
    /// them are in each status (its label, the count).
    ProgressLinked {
        items: usize,
        by_status: Vec<(String, usize)>,
    },
    /// 存在的问题, the `nth`: the overdue items, by age (1～30, 31～90, over 90 days), and the
    /// units they belong to (the first of them; `more` others).
    ProblemOverdue {
        nth: usize,
        items: usize,
        ages: [u32; 3],
        units: Vec<String>,
        more: usize,
    },
    /// 存在的问题, the `nth`: the 效果不理想 items, and their units.
    ProblemIneffective {
        nth: usize,
        items: usize,
        units: Vec<String>,
        more: usize,
    },
    /// 存在的问题, the `nth`: the items the masses are not satisfied with (不满意).
    ProblemUnsatisfied { nth: usize, items: usize },
    /// 存在的问题 where there is none of the above.
    NoProblems,
    /// A marked placeholder for the office's own prose: 【请填写：…】.
    FillIn { what: String },
    /// One line of the 附件说明: 1．整改进展统计表.
    AttachmentEntry { n: usize, title: String },
    /// The label over an attachment: 附件1.
    Attachment { n: usize },
    /// The line under an attachment's title: （截至2015年3月10日）.
    AnnexAsOf { as_of: String },
}

impl DocxMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            DocxMsg::DocxTitle { org, campaign } => match (lang, campaign) {
                (Zh, Some(campaign)) => {
                    format!("关于{org}{}进展情况的报告", office_quotes(campaign))
                }
                (Zh, None) => format!("关于{org}整改落实情况的报告"),
                (En, Some(campaign)) => format!("Report on the progress of {org} in {campaign}"),
                (En, None) => format!("Report on the rectification progress of {org}"),
            },
            DocxMsg::DocxAddressee { to } => match lang {
                Zh => format!("{to}："),
                En => format!("To: {to}"),
            },
            DocxMsg::DocxLead { basis } => match (lang, basis) {
                (Zh, Some(basis)) => format!("{basis}要求，现将有关情况报告如下。"),
                (Zh, None) => "现将有关情况报告如下。".into(),
                (En, Some(basis)) => format!("{basis}, we report as follows."),
                (En, None) => "We report as follows.".into(),
            },
            DocxMsg::ProgressRates {
                done,
                done_or_mostly,
                closed,
            } => match lang {
                Zh if *closed > 0 => format!(
                    "整改完成率{done}，完成及基本完成率{done_or_mostly}；已销号{closed}个。"
                ),
                Zh => format!("整改完成率{done}，完成及基本完成率{done_or_mostly}。"),
                En => format!(
                    "{done} of the items are done, {done_or_mostly} done or mostly done; {closed} {} closed.",
                    plural(*closed, "item", "items")
                ),
            },
            DocxMsg::ProgressSatisfaction {
                assessed,
                satisfied,
                rate,
            } => match lang {
                Zh if *satisfied == 0 => format!("已测评事项{assessed}个，事项满意率{rate}。"),
                Zh => format!(
                    "已测评事项{assessed}个，其中群众满意及基本满意{satisfied}个，事项满意率{rate}。"
                ),
                En => format!(
                    "{assessed} {} assessed by the masses, {satisfied} of them satisfied or mostly satisfied ({rate}).",
                    plural(*assessed, "item", "items")
                ),
            },
            DocxMsg::ProgressAreas { areas, rows } => {
                let parts: Vec<String> = rows
                    .iter()
                    .map(|(title, items, done)| match lang {
                        // A zero is left out (SPEC §14): never 已完成0个.
                        Zh if *done == 0 => format!("{title}{items}个"),
                        Zh => format!("{title}{items}个，已完成{done}个"),
                        En => format!(
                            "{title}: {items} {}, {done} done",
                            plural(*items, "item", "items")
                        ),
                    })
                    .collect();
                match lang {
                    Zh => format!("对照{}个方面：{}。", zh_numeral(*areas), parts.join("；")),
                    En => format!("By area: {}.", parts.join("; ")),
                }
            }
            DocxMsg::ProgressChildren { rows } => {
                let parts: Vec<String> = rows
                    .iter()
                    .map(|(name, items, rate)| match lang {
                        Zh => format!("{name}{items}个，完成率{rate}"),
                        En => format!(
                            "{name}: {items} {}, {rate} done",
                            plural(*items, "item", "items")
                        ),
                    })
                    .collect();
                match lang {
                    Zh => format!("分地区（系统）看：{}。", parts.join("；")),
                    En => format!("By region or system: {}.", parts.join("; ")),
                }
            }
            DocxMsg::ProgressLinked { items, by_status } => {
                let parts: Vec<String> = by_status
                    .iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(status, n)| match lang {
                        Zh => format!("{status}{n}个"),
                        En => format!("{n} {status}"),
                    })
                    .collect();
                let counted = if parts.is_empty() {
                    String::new()
                } else {
                    parenthesised(lang, &parts.join(if lang == Zh { "、" } else { ", " }))
                };
                match lang {
                    Zh => format!("需上级牵头联动整改的事项{items}个{counted}。"),
                    En => format!(
                        "{items} {} a unit above to lead the fix{counted}.",
                        plural(*items, "item names", "items name")
                    ),
                }
            }
            DocxMsg::ProblemOverdue {
                nth,
                items,
                ages,
                units,
                more,
            } => {
                let buckets = [
                    ("1～30天", "1–30 days"),
                    ("31～90天", "31–90 days"),
                    ("90天以上", "over 90 days"),
                ];
                let aged: Vec<String> = ages
                    .iter()
                    .zip(buckets)
                    .filter(|(n, _)| **n > 0)
                    .map(|(n, (zh, en))| match lang {
                        Zh => format!("逾期{zh}的{n}个"),
                        En => format!("{n} by {en}"),
                    })
                    .collect();
                match lang {
                    Zh => format!(
                        "{}是部分事项逾期未完成。逾期未完成事项{items}个（{}），涉及{}。",
                        zh_numeral(*nth),
                        aged.join("、"),
                        zh_units(units, *more)
                    ),
                    En => format!(
                        "{nth}. Overdue items: {items} ({}), of {}.",
                        aged.join(", "),
                        en_units(units, *more)
                    ),
                }
            }
            DocxMsg::ProblemIneffective {
                nth,
                items,
                units,
                more,
            } => match lang {
                Zh => format!(
                    "{}是部分事项整改效果不理想。效果不理想事项{items}个，已明确限期整改，涉及{}。",
                    zh_numeral(*nth),
                    zh_units(units, *more)
                ),
                En => format!(
                    "{nth}. Fixes without effect: {items} {}, each given a date to be fixed by, of {}.",
                    plural(*items, "item", "items"),
                    en_units(units, *more)
                ),
            },
            DocxMsg::ProblemUnsatisfied { nth, items } => match lang {
                Zh => format!(
                    "{}是群众满意度有待提高。已测评事项中群众不满意的{items}个。",
                    zh_numeral(*nth)
                ),
                En => format!(
                    "{nth}. The masses are not satisfied with {items} assessed {}.",
                    plural(*items, "item", "items")
                ),
            },
            DocxMsg::NoProblems => match lang {
                Zh => "未发现逾期未完成、效果不理想或群众不满意的事项。".into(),
                En => {
                    "No item is overdue, ineffective or found unsatisfactory by the masses.".into()
                }
            },
            DocxMsg::FillIn { what } => match lang {
                Zh => format!("【请填写：{what}】"),
                En => format!("[To be written: {what}]"),
            },
            DocxMsg::AttachmentEntry { n, title } => match lang {
                Zh => format!("{n}．{title}"),
                En => format!("{n}. {title}"),
            },
            DocxMsg::Attachment { n } => match lang {
                Zh => format!("附件{n}"),
                En => format!("Attachment {n}"),
            },
            DocxMsg::AnnexAsOf { as_of } => match lang {
                Zh => format!("（截至{}）", zh_date(as_of)),
                En => format!("(as of {as_of})"),
            },
        }
    }
}
