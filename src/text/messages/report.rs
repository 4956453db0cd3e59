//! The sentences of a report in every format (`render`, `rollup`): its title and date line,
//! the opening paragraph (情况报告), the plan it answers to, why a unit is proposed for a
//! reminder talk, why a file was left out, in Chinese and in English.

use crate::text::i18n::{Lang, office_quotes, plural, zh_date};

/// The figures of a report's opening paragraph (情况报告).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    pub units: usize,
    pub items: usize,
    pub done: usize,
    /// The completion rate as shown (`37.5%`).
    pub rate: String,
    pub mostly_done: usize,
    pub open: usize,
    pub ineffective: usize,
    pub overdue: usize,
    pub submitted: usize,
    pub late: usize,
    pub returned: usize,
    pub missing: usize,
    pub pending: usize,
    /// The reporting units by where they lie (11个市、X个省直单位): a count, a name, and
    /// whether the name is a kind of region (市, 县) or a folder (省直).
    pub groups: Vec<(usize, String, bool)>,
    /// Whether to say how the self-check reports went: not in a public report, which shows
    /// progress, not process (SPEC §14).
    pub self_checks: bool,
}

impl Figures {
    /// `（2个市、3个省直单位）`: the reporting units by where they lie; nothing for one group.
    fn zh_groups(&self) -> String {
        if self.groups.len() < 2 {
            return String::new();
        }
        let parts: Vec<String> = self
            .groups
            .iter()
            .map(|(n, name, region)| {
                if *region {
                    format!("{n}个{name}")
                } else {
                    format!("{n}个{name}单位")
                }
            })
            .collect();
        format!("（{}）", parts.join("、"))
    }

    /// The opening paragraph as an office writes it (SPEC §14): a figure that is zero is left
    /// out rather than written 0个, and each measure word once.
    fn zh_prose(&self, as_of: &str, org: &str) -> String {
        let some = |parts: &[(usize, &str)]| -> Vec<String> {
            parts
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, what)| format!("{what}{n}个"))
                .collect()
        };
        let mut text = format!(
            "截至{as_of}，{org}共有报送单位{}个{}，梳理整改问题{}个，已完成{}个（占{}）",
            self.units,
            self.zh_groups(),
            self.items,
            self.done,
            self.rate
        );
        for part in some(&[
            (self.mostly_done, "基本完成"),
            (self.open, "未完成"),
            (self.ineffective, "效果不理想"),
        ]) {
            text.push('，');
            text.push_str(&part);
        }
        if self.overdue > 0 {
            text.push_str(&format!("；其中逾期未完成{}个", self.overdue));
        }
        text.push('。');
        let not_on_time = some(&[
            (self.late, "逾期报送"),
            (self.returned, "被退回"),
            (self.missing, "逾期未报送"),
            (self.pending, "尚未到报送时限"),
        ]);
        // A public report says nothing of the self-checks: process, not progress.
        if !self.self_checks || self.units == 0 {
            return text;
        }
        if not_on_time.is_empty() {
            text.push_str("报送单位均已按时报送自查报告。");
        } else {
            let mut parts = some(&[(self.submitted, "按时报送")]);
            parts.extend(not_on_time);
            text.push_str(&format!("自查报告{}。", parts.join("，")));
        }
        text
    }

    /// `template` with `{as_of}`, `{org}` and `{FIELD}` for each figure filled in.
    fn fill(&self, template: &str, as_of: &str, org: &str) -> String {
        let rate = self.rate.as_str();
        let fields: [(&str, &dyn std::fmt::Display); 15] = [
            ("as_of", &as_of),
            ("org", &org),
            ("units", &self.units),
            ("items", &self.items),
            ("done", &self.done),
            ("rate", &rate),
            ("mostly_done", &self.mostly_done),
            ("open", &self.open),
            ("ineffective", &self.ineffective),
            ("overdue", &self.overdue),
            ("submitted", &self.submitted),
            ("late", &self.late),
            ("returned", &self.returned),
            ("missing", &self.missing),
            ("pending", &self.pending),
        ];
        // One pass, so a figure's text (an org's name) is never read as a placeholder.
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}').and_then(|close| {
                fields
                    .iter()
                    .find(|(k, _)| *k == &after[..close])
                    .map(|f| (close, f))
            }) {
                Some((close, (_, value))) => {
                    out.push_str(&value.to_string());
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// A sentence of a report, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportMsg {
    /// What a report answers to: the plan and its document number.
    Basis {
        plan: Option<String>,
        document: Option<String>,
    },
    /// A report's title: who it covers, the campaign (where named) and the as-of date.
    ReportHeading {
        org: String,
        campaign: Option<String>,
        as_of: String,
    },
    /// The title of `trend --format html`: who it covers, the campaign, the first and last day.
    TrendHeading {
        org: String,
        campaign: Option<String>,
        from: String,
        to: String,
    },
    /// The 情况报告 paragraph that opens the HTML report.
    Summary {
        as_of: String,
        org: String,
        figures: Box<Figures>,
    },
    /// Why a reporting unit is proposed for a reminder talk (约谈提醒), by the plan (三).
    RemindReasons {
        late: bool,
        returned: bool,
        missing: bool,
        overdue: u32,
        ineffective: u32,
        unsatisfied: u32,
    },
    UnitLeftOut {
        unit: String,
    },
    /// Why a public report left a file out, in place of its messages (which may quote a name).
    LeftOutPublic,
    /// Why a stored report (`report --from`, `merge`) left a file out: it says the code only.
    LeftOutStored,
    /// The line under a printed table's title: the day it stands on (截至2015年3月10日).
    AsOfLine {
        as_of: String,
    },
    /// The title of a printed table (a workbook's sheet): who it covers, the campaign and what
    /// the table is; `table` none for the report's own title (…进展情况汇总), without its date.
    TableTitle {
        org: String,
        campaign: Option<String>,
        table: Option<String>,
    },
}

impl ReportMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            ReportMsg::Basis { plan, document } => match (lang, plan, document) {
                (Zh, Some(plan), Some(doc)) => format!("根据《{plan}》（{doc}）"),
                (Zh, Some(plan), None) => format!("根据《{plan}》"),
                (Zh, None, doc) => format!("根据{}", doc.as_deref().unwrap_or_default()),
                (En, Some(plan), Some(doc)) => format!("Under \"{plan}\" ({doc})"),
                (En, Some(plan), None) => format!("Under \"{plan}\""),
                (En, None, doc) => format!("Under {}", doc.as_deref().unwrap_or_default()),
            },
            ReportMsg::ReportHeading { org, campaign, as_of } => match lang {
                Zh => match campaign {
                    Some(campaign) => {
                        format!("{org}{}进展情况汇总（截至{}）", office_quotes(campaign), zh_date(as_of))
                    },
                    None => {
                        format!("{org}整改落实情况汇总（截至{}）", zh_date(as_of))
                    },
                }
                En => match campaign {
                    Some(campaign) => {
                        format!("{campaign}: progress of {org} as of {as_of}")
                    },
                    None => {
                        format!("{org}: rectification progress as of {as_of}")
                    },
                },
            },
            ReportMsg::TrendHeading { org, campaign, from, to } => match lang {
                Zh => match campaign {
                    Some(campaign) => format!(
                        "{org}{}进展趋势（{}至{}）",
                        office_quotes(campaign),
                        zh_date(from),
                        zh_date(to)
                    ),
                    None => format!("{org}整改进展趋势（{}至{}）", zh_date(from), zh_date(to)),
                },
                En => match campaign {
                    Some(campaign) => format!("{campaign}: trend of {org}, {from} to {to}"),
                    None => format!("{org}: rectification trend, {from} to {to}"),
                },
            },
            ReportMsg::Summary { as_of, org, figures } => match lang {
                Zh => figures.zh_prose(&zh_date(as_of), org),
                En => figures.fill(
                    &format!(
                        "As of {{as_of}}, {{org}} has {{units}} reporting {}; its units list {{items}} {}: {{done}} done \
                         ({{rate}}), {{mostly_done}} mostly done, {{open}} open, {{ineffective}} \
                         ineffective; {{overdue}} overdue.{}",
                        plural(figures.units, "unit", "units"),
                        plural(figures.items, "item", "items"),
                        if figures.self_checks {
                            " Self-check reports: {submitted} on time, {late} late, {returned} \
                             returned, {missing} missing, {pending} not yet due."
                        } else {
                            ""
                        }
                    ),
                    as_of,
                    org,
                ),
            },
            ReportMsg::RemindReasons { late, returned, missing, overdue, ineffective, unsatisfied } => {
                let slack: Vec<&str> = [
                    (*late, "自查报告逾期报送", "self-check report late"),
                    (*returned, "自查报告被退回", "self-check report returned"),
                    (*missing, "逾期未报送自查报告", "self-check report missing"),
                ]
                .into_iter()
                .filter(|(yes, _, _)| *yes)
                .map(|(_, zh, en)| if lang == Zh { zh } else { en })
                .collect();
                let effect: Vec<String> = [
                    (*ineffective, "效果不理想", "ineffective"),
                    (*unsatisfied, "群众不满意", "not satisfied"),
                ]
                .into_iter()
                .filter(|(n, _, _)| *n > 0)
                .map(|(n, zh, en)| match lang {
                    Zh => format!("{n}项{zh}"),
                    En => format!("{n} {} {en}", plural(n as usize, "item", "items")),
                })
                .collect();
                let mut parts = Vec::new();
                match lang {
                    Zh => {
                        if !slack.is_empty() {
                            parts.push(format!("抓得不紧（{}）", slack.join("、")));
                        }
                        if *overdue > 0 {
                            parts.push(format!("整改措施落实不力（{overdue}项逾期未完成）"));
                        }
                        if !effect.is_empty() {
                            parts.push(format!("整改效果不明显（{}）", effect.join("、")));
                        }
                        parts.join("；")
                    }
                    En => {
                        if !slack.is_empty() {
                            parts.push(format!("not pressed hard ({})", slack.join(", ")));
                        }
                        if *overdue > 0 {
                            parts.push(format!(
                                "measures not carried out ({overdue} {} overdue)",
                                plural(*overdue as usize, "item", "items")
                            ));
                        }
                        if !effect.is_empty() {
                            parts.push(format!("little effect ({})", effect.join(", ")));
                        }
                        parts.join("; ")
                    }
                }
            }
            ReportMsg::UnitLeftOut { unit } => match lang {
                Zh => format!("所属单位 {unit} 的 unit.toml 有错误"),
                En => format!("the unit.toml of its unit {unit} has errors"),
            },
            ReportMsg::LeftOutPublic => match lang {
                Zh => "有错误（公开版本不引述，详见 `huitoukan check`）".into(),
                En => {
                    "has errors (a public report does not quote them; see `huitoukan check`)".into()
                },
            },
            ReportMsg::LeftOutStored => match lang {
                Zh => "有错误，未纳入所汇总的报告".into(),
                En => "had errors and was left out of the report merged here".into(),
            },
            ReportMsg::AsOfLine { as_of } => match lang {
                Zh => format!("截至{}", zh_date(as_of)),
                En => format!("As of {as_of}"),
            },
            ReportMsg::TableTitle { org, campaign, table } => match (lang, campaign, table) {
                (Zh, Some(campaign), Some(table)) => format!("{org}{}{table}", office_quotes(campaign)),
                (Zh, Some(campaign), None) => format!("{org}{}进展情况汇总", office_quotes(campaign)),
                (Zh, None, Some(table)) => format!("{org}{table}"),
                (Zh, None, None) => format!("{org}整改落实情况汇总"),
                (En, Some(campaign), Some(table)) => format!("{campaign}: {table}, {org}"),
                (En, Some(campaign), None) => format!("{campaign}: progress of {org}"),
                (En, None, Some(table)) => format!("{table}, {org}"),
                (En, None, None) => format!("{org}: rectification progress"),
            },
        }
    }
}
