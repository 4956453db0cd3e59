//! The machinery of the sentences a user reads, in Chinese and in English: the language, the
//! one message type every diagnostic and error holds, and how words are joined (lists, dates,
//! numerals, parentheses); also the short labels of reports ([`Term`]).
//!
//! Rules build [`Msg`] values with the data of the problem; only rendering picks a language.
//! Each family keeps its messages and their wording in its own file under
//! [`messages`](crate::text::messages), and [`Msg`] holds it as one variant (`Msg::Item`);
//! only the few sentences several families say are worded here. A new family is a file there,
//! a variant and an arm here, and a line of `families!`.
//! Codes, JSON keys and the values of the record format are the same in both languages.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `zh` or `en` (also `zh-CN`, `en_US.UTF-8` and the like); anything else is `None`.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Lang::Zh)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

use crate::text::messages::commands::CommandMsg;
use crate::text::messages::docx::DocxMsg;
use crate::text::messages::fields::FieldMsg;
use crate::text::messages::files::FileMsg;
use crate::text::messages::history::HistoryMsg;
use crate::text::messages::import::ImportMsg;
use crate::text::messages::item::ItemMsg;
use crate::text::messages::links::LinkMsg;
use crate::text::messages::plan::PlanMsg;
use crate::text::messages::report::ReportMsg;
use crate::text::messages::run::RunMsg;
use crate::text::messages::self_check::SelfCheckMsg;
use crate::text::messages::settings::SettingsMsg;
use crate::text::messages::stored::StoredMsg;

/// One user-facing sentence with its data: a family's message, or one several families say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    // Families: each in its own file under `text/messages`, its wording beside it.
    Item(ItemMsg),
    SelfCheck(SelfCheckMsg),
    Plan(PlanMsg),
    Links(LinkMsg),
    Fields(FieldMsg),
    Files(FileMsg),
    History(HistoryMsg),
    Settings(SettingsMsg),
    Commands(CommandMsg),
    Stored(StoredMsg),
    Docx(DocxMsg),
    Run(RunMsg),
    Report(ReportMsg),
    Import(ImportMsg),
    // Said by several families.
    DidYouMean {
        suggestion: String,
    },
    // Schema.
    UnknownArea {
        area: String,
        known: Vec<String>,
    },
    UnknownPoint {
        id: String,
    },
    // Fatal: the command could not run.
    Io {
        path: String,
        detail: String,
    },
    // Limits on every input (SPEC §16).
    InputNotRegular {
        path: String,
    },
    InputTooLarge {
        path: String,
        size: u64,
        /// The limit, as it is stated (`256 MiB`).
        max: String,
    },
    // What a listing of diagnostics leaves out (E036, W010).
    NotShown {
        errors: usize,
        warnings: usize,
    },
    NotShownHelp {
        most: usize,
    },
}

/// `text`, with its control characters written out: see [`Msg::text`].
fn shown(text: String) -> String {
    match crate::text::escape::controls(&text, &[]) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(shown) => shown,
    }
}

/// A family's message is a [`Msg`], and so is it where a help line may be none
/// ([`Diagnostic::with_help`](crate::diagnostic::Diagnostic::with_help)); it reads as a `Msg`
/// does. One line a family.
macro_rules! families {
    ($($family:ident => $variant:ident,)*) => {$(
        impl $family {
            /// The sentence in `lang`, as [`Msg::text`] gives it.
            pub fn text(&self, lang: Lang) -> String {
                shown(self.sentence(lang))
            }
        }

        impl From<$family> for Msg {
            fn from(msg: $family) -> Self {
                Msg::$variant(msg)
            }
        }

        impl From<$family> for Option<Msg> {
            fn from(msg: $family) -> Self {
                Some(Msg::$variant(msg))
            }
        }
    )*};
}

families! {
    CommandMsg => Commands,
    DocxMsg => Docx,
    FieldMsg => Fields,
    FileMsg => Files,
    ImportMsg => Import,
    HistoryMsg => History,
    ItemMsg => Item,
    LinkMsg => Links,
    PlanMsg => Plan,
    ReportMsg => Report,
    RunMsg => Run,
    SelfCheckMsg => SelfCheck,
    SettingsMsg => Settings,
    StoredMsg => Stored,
}

impl Msg {
    /// The sentence in `lang`, with every control or invisible character of the data it quotes
    /// written out (`\n`, `\u{200b}`: see [`crate::text::escape`]), in every format: a value never
    /// moves the cursor, starts a CI workflow command or hides in a message.
    pub fn text(&self, lang: Lang) -> String {
        shown(self.sentence(lang))
    }

    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        // A family words its own; one arm a sentence for the rest, both languages side by side.
        match self {
            Msg::Item(m) => m.sentence(lang),
            Msg::SelfCheck(m) => m.sentence(lang),
            Msg::Plan(m) => m.sentence(lang),
            Msg::Links(m) => m.sentence(lang),
            Msg::Fields(m) => m.sentence(lang),
            Msg::Files(m) => m.sentence(lang),
            Msg::History(m) => m.sentence(lang),
            Msg::Settings(m) => m.sentence(lang),
            Msg::Commands(m) => m.sentence(lang),
            Msg::Stored(m) => m.sentence(lang),
            Msg::Docx(m) => m.sentence(lang),
            Msg::Run(m) => m.sentence(lang),
            Msg::Report(m) => m.sentence(lang),
            Msg::Import(m) => m.sentence(lang),
            Msg::DidYouMean { suggestion } => match lang {
                Zh => format!("是否想写 `{suggestion}`？"),
                En => format!("did you mean `{suggestion}`?"),
            },
            Msg::UnknownArea { area, known } => {
                let known = choices(known);
                match lang {
                    Zh => {
                        format!("内容方面 `area = {area}` 不在方案中；可选：{known}")
                    }
                    En => {
                        format!("`area = {area}` is not an area of the schema; allowed: {known}")
                    }
                }
            }
            Msg::UnknownPoint { id } => match lang {
                Zh => format!("检查要点 \"{id}\" 不在方案中"),
                En => format!("check point \"{id}\" is not in the schema"),
            },
            Msg::Io { path, detail } => match lang {
                Zh => format!("{path}：{}", system_zh(detail)),
                En => format!("{path}: {detail}"),
            },
            Msg::InputNotRegular { path } => match lang {
                Zh => format!("{path} 不是普通文件（命名管道、设备、文件夹等），未读取"),
                En => format!(
                    "{path} is not a regular file (a named pipe, a device, a folder…); not read"
                ),
            },
            Msg::InputTooLarge { path, size, max } => match lang {
                Zh => format!("{path}：文件有{size}字节，超过{max}的上限，未读取"),
                En => format!("{path}: {size} bytes, over the limit of {max}; not read"),
            },
            Msg::NotShown { errors, warnings } => match lang {
                Zh => format!(
                    "本文件从此处起还有{}个问题未列出：{errors}个错误，{warnings}个警告",
                    errors + warnings
                ),
                En => format!(
                    "{} more {} in this file from here on not listed: {errors} {}, {warnings} {}",
                    errors + warnings,
                    plural(errors + warnings, "problem", "problems"),
                    plural(*errors, "error", "errors"),
                    plural(*warnings, "warning", "warnings")
                ),
            },
            Msg::NotShownHelp { most } => match lang {
                Zh => {
                    format!("每个文件最多列出{most}个问题；改正上面这些后再次运行，可看到其余的")
                }
                En => format!(
                    "at most {most} problems are listed for each file; fix these and run again to see the rest"
                ),
            },
        }
    }
}

/// An ISO date (`2015-03-10`) as Chinese documents write it, `2015年3月10日`; anything else as
/// it is.
/// What the system said of a failed read or write (as the standard library words it:
/// `Permission denied (os error 13)`), in Chinese where the error number is one a user meets,
/// with the number kept for whoever looks it up; anything else as the system said it.
pub fn system_zh(detail: &str) -> String {
    let Some((_, code)) = detail
        .strip_suffix(')')
        .and_then(|d| d.rsplit_once(" (os error "))
    else {
        return detail.to_owned();
    };
    let Ok(code) = code.parse::<i32>() else {
        return detail.to_owned();
    };
    match os_error_zh(code) {
        Some(words) => format!("{words}（系统错误{code}）"),
        None => detail.to_owned(),
    }
}

/// The errors of files a user meets, by the system's number.
#[cfg(not(windows))]
fn os_error_zh(code: i32) -> Option<&'static str> {
    Some(match code {
        1 | 13 => "没有权限",
        2 => "文件或文件夹不存在",
        5 => "读写出错（磁盘或网络故障）",
        17 => "已存在",
        20 => "路径中有一段不是文件夹",
        21 => "是文件夹",
        24 => "同时打开的文件太多",
        28 => "磁盘空间不足",
        30 => "文件系统只读",
        36 => "文件名太长",
        39 => "文件夹不是空的",
        40 => "符号链接层数太多",
        _ => return None,
    })
}

/// The errors of files a user meets, by the system's number (Windows' own numbers).
#[cfg(windows)]
fn os_error_zh(code: i32) -> Option<&'static str> {
    Some(match code {
        2 => "找不到文件",
        3 => "找不到路径",
        5 => "没有权限",
        32 | 33 => "文件正被其他程序使用（如 Excel 或 WPS 打开着它）",
        80 | 183 => "已存在",
        112 => "磁盘空间不足",
        206 => "文件名太长",
        267 => "路径中有一段不是文件夹",
        _ => return None,
    })
}

pub fn zh_date(iso: &str) -> String {
    match iso.parse::<jiff::civil::Date>() {
        Ok(d) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Err(_) => iso.to_owned(),
    }
}

/// A date as the 落款 of a document writes it (GB/T 9704): 二〇一五年三月十日.
pub fn zh_date_numerals(date: jiff::civil::Date) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let year: String = date
        .year()
        .to_string()
        .chars()
        .map(|c| c.to_digit(10).map_or(c, |d| DIGITS[d as usize]))
        .collect();
    let month = usize::try_from(date.month()).unwrap_or(0);
    let day = usize::try_from(date.day()).unwrap_or(0);
    format!("{year}年{}月{}日", zh_numeral(month), zh_numeral(day))
}

/// Units in a sentence: 甲、乙等5个单位 (the first named, `more` others).
pub(crate) fn zh_units(units: &[String], more: usize) -> String {
    let named = units.join("、");
    if more == 0 {
        named
    } else {
        format!("{named}等{}个单位", units.len() + more)
    }
}

/// Units in an English sentence: `a, b and 3 more`.
pub(crate) fn en_units(units: &[String], more: usize) -> String {
    let named = units.join(", ");
    if more == 0 {
        named
    } else {
        format!("{named} and {more} more")
    }
}

/// A campaign's name as an office writes it: the campaign's own word 回头看 in quotation marks
/// (教育实践活动整改落实情况“回头看”), unless the name quotes it already.
pub(crate) fn office_quotes(name: &str) -> String {
    if name.contains("“回头看”") || !name.contains("回头看") {
        return name.to_owned();
    }
    name.replacen("回头看", "“回头看”", 1)
}

/// 1 -> 一, 12 -> 十二, 23 -> 二十三: section and area numbers as documents write them (up to
/// 99; larger numbers in digits).
pub fn zh_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

/// Between the entries of a list in one cell: `；` in Chinese, `; ` in English.
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    }
}

// A message takes a list as its entries and words it here, by what the entries are.

/// Names of the record format (keys, point ids, org paths): `a, b` in either language.
pub(crate) fn names(list: &[String]) -> String {
    list.join(", ")
}

/// The values to choose from, as the record format's documentation writes them: `a | b`.
pub(crate) fn choices(list: &[String]) -> String {
    list.join(" | ")
}

/// Names in a sentence (sheets, columns, units): `甲、乙` in Chinese, `a, b` in English.
pub(crate) fn series(list: &[String], lang: Lang) -> String {
    list.join(match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    })
}

/// Texts that may hold commas of their own (evidence): apart by [`list_separator`].
pub(crate) fn entries(list: &[String], lang: Lang) -> String {
    list.join(list_separator(lang))
}

/// `text` in the parentheses of `lang` (full-width in Chinese).
pub fn parenthesised(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("（{text}）"),
        Lang::En => format!(" ({text})"),
    }
}

/// `label: value` with the colon of `lang` (a full-width `：` in Chinese).
pub fn labelled(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::Zh => format!("{label}：{value}"),
        Lang::En => format!("{label}: {value}"),
    }
}

pub(crate) fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

pub(crate) fn batch_zh(batch: i64) -> &'static str {
    match batch {
        1 => "一",
        2 => "二",
        _ => "?",
    }
}

macro_rules! terms {
    ($($name:ident => $zh:literal, $en:literal;)*) => {
        /// Column headings, section titles and other short labels of reports.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Term { $($name),* }

        impl Term {
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Term::$name, Lang::Zh) => $zh, (Term::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

terms! {
    Org => "机构", "org";
    Unit => "单位", "unit";
    UnitName => "单位名称", "unit name";
    Category => "类别", "category";
    Batch => "批次", "batch";
    Batch1 => "第一批", "1";
    Batch2 => "第二批", "2";
    SelfCheck => "自查", "self-check";
    Depth => "层级", "depth";
    Units => "单位数", "units";
    ReportingUnits => "报送单位数", "reporting units";
    Items => "事项数", "items";
    Done => "已完成", "done";
    MostlyDone => "基本完成", "mostly done";
    Open => "未完成", "open";
    Ineffective => "效果不理想", "ineffective";
    Overdue => "逾期未完成", "overdue";
    CompletionRate => "整改完成率", "completion";
    SatisfiedRate => "事项满意率", "items satisfied (of assessed)";
    Submitted => "按时报送", "on time";
    Closed => "已销号", "closed";
    Assessed => "已测评", "assessed";
    Satisfied => "满意及基本满意", "satisfied items";
    DoneOrMostlyRate => "完成及基本完成率", "done or mostly done";
    Late => "逾期报送", "late";
    Returned => "已退回", "returned";
    OpenReviews => "需查漏补缺的单位", "Units whose review returned the report or asked to fill gaps";
    ReviewKind => "审核方式", "review";
    ReviewBy => "审核单位", "by";
    ReviewOn => "审核日期", "on";
    ReviewResult => "审核结果", "result";
    Pending => "尚未报送（未到时限）", "pending (not yet due)";
    Missing => "逾期未报送", "missing";
    SubmittedOn => "报送日期", "submitted on";
    Area => "方面", "area";
    AreaTitle => "内容", "title";
    Id => "编号", "id";
    Title => "事项", "title";
    Status => "状态", "status";
    Due => "时限", "due";
    DaysOverdue => "逾期天数", "days overdue";
    LeadUnit => "牵头单位", "lead unit";
    AppliesTo => "适用于", "applies to";
    Question => "检查要点", "question";
    ByItems => "由个人整改事项回答", "answered by items";
    Code => "代码", "code";
    Place => "位置", "place";
    Message => "说明", "message";
    Points => "检查要点", "points";
    Source => "来源", "source";
    SpecialTask => "专项整治任务", "special task";
    SpecialTasks => "专项整治情况", "Special tasks";
    FoundOn => "发现日期", "found on";
    Problem => "问题", "problem";
    Measures => "整改措施", "measures";
    Owner => "整改类型", "owner";
    OwnerBody => "班子整改", "body";
    OwnerPerson => "个人整改", "person";
    Person => "个人", "person";
    Responsible => "责任部门或责任人", "responsible";
    Lead => "牵头班子成员", "lead";
    Deadline => "整改时限", "deadline";
    CompletedOn => "完成日期", "completed on";
    Consolidation => "巩固提高要求", "consolidation";
    RectifyBy => "限期整改日期", "rectify by";
    Satisfaction => "群众满意度", "satisfaction";
    Evidence => "佐证材料", "evidence";
    File => "文件", "file";
    Reason => "原因", "reason";
    WholeTree => "各单位", "all units";
    CampaignDeadline => "报送时限", "report deadline";
    ResponsibleUnit => "责任单位", "responsible";
    ItemList => "整改事项清单", "List of items";
    PageFooter => "第&P页，共&N页", "Page &P of &N";
    Totals => "总体情况", "Totals";
    Children => "分地区（系统）情况", "By region or system";
    Areas => "对照六个方面情况", "By area";
    OverdueItems => "逾期未完成事项", "Overdue items";
    IneffectiveItems => "效果不理想事项（限期整改）", "Ineffective items (to be fixed by a date)";
    LinkedItems => "上下联动事项（按牵头单位）", "Linked items (by lead unit)";
    LedItems => "需本级牵头联动整改的事项", "Items this level must lead";
    LateOrMissing => "自查逾期报送、被退回或未报送的单位", "Units whose self-check is late, returned or missing";
    LeftOut => "未纳入本报告的文件", "Files left out of this report";
    None => "无", "none";
    OwnLevel => "本级", "own unit";
    Total => "合计", "total";
    PublicNote => "公示版本。", "Public version.";
    Notice => "通报", "notice";
    Admonish => "建议约谈提醒", "reminder talk proposed";
    Commend => "建议通报表扬", "commendation proposed";
    Reasons => "理由", "reasons";
    Confidential => "不宜公开", "confidential";
    ClosedBy => "销号审批", "closed by";
    ClosedOn => "销号日期", "closed on";
    WorkTree => "工作区", "work tree";
    Added => "新增事项", "Added items";
    Removed => "删除事项", "Removed items";
    UnitsAdded => "新增单位", "Units added";
    UnitsRemoved => "删除单位", "Units removed";
    StatusChanged => "状态变化", "Status changes";
    Regressed => "状态倒退（反弹回潮）", "Regressions";
    DeadlineMoved => "时限推迟", "Deadlines moved later";
    Field => "字段", "field";
    From => "原", "from";
    To => "现", "to";
    Change => "变化", "change";
    PeriodEnd => "截至", "period end";
    Commit => "提交", "commit";
    Trend => "整改进展趋势", "Trend";
    LatestProgress => "最新进展", "latest progress";
    Principal => "主要负责同志", "principal";
    Notices => "通报", "Notices";
    ToRemind => "建议约谈提醒的单位", "Units proposed for a reminder talk";
    ToPraise => "建议通报表扬的单位", "Units proposed for commendation";
    Summary => "情况报告", "Summary";
    // The 情况报告 (docx): its sections, placeholders, attachments and their columns.
    DocxProgress => "总体进展", "Overall progress";
    DocxProblems => "存在的问题", "Problems";
    DocxNextSteps => "下一步打算", "Next steps";
    DocxPractices => "主要做法", "What was done";
    FillPractices => "本级抓整改落实的主要做法和成效", "the main measures taken and what they achieved";
    FillCauses => "问题原因分析", "why these problems remain";
    FillNextSteps => "下一步工作打算和措施", "the next steps and measures";
    DefaultAddressee => "省委", "the Provincial Party Committee";
    Attachments => "附件", "Attachments";
    AnnexProgress => "整改进展统计表", "Rectification progress";
    AnnexSelfChecks => "自查报告报送情况表", "Self-check reports";
    AnnexItems => "整改事项清单", "Rectification items";
    AnnexNotices => "建议通报表扬和约谈提醒的单位", "Units proposed for commendation or a reminder talk";
    MeetingOn => "会议日期", "meeting on";
    ReviewStatus => "审核情况", "review";
    DisclosedIn => "通报场合", "made known at";
    Published => "是否公布", "published";
    Yes => "是", "yes";
    No => "否", "no";
    ChartByArea => "各方面整改完成率", "Completion by area";
    ChartByChild => "分地区（系统）整改完成率", "Completion by region or system";
    ChartOverdue => "逾期未完成事项（按逾期天数）", "Overdue items by days overdue";
    ChartLegend => "深色为已完成，浅色为基本完成；右侧为整改完成率", "dark: done, light: mostly done; the completion rate at the right";
    ProgressLog => "进展情况", "progress";
    LinkageReason => "联动原因", "linkage reason";
    ChartTrend => "各期末整改完成率", "Completion at each period end";
    TrendBasisMonth => "按月统计：每月末以当日及以前最后一次提交的记录为准，按当日判定。", "Monthly: at each month's end, the records of the last commit on or before that day, judged as of that day.";
    TrendBasisWeek => "按周统计：每周日以当日及以前最后一次提交的记录为准，按当日判定。", "Weekly: each Sunday, the records of the last commit on or before that day, judged as of that day.";
    NoLead => "未明确牵头领导", "no lead named";
    SerialNumber => "序号", "No.";
    Days1To30 => "1～30天", "1–30 days";
    Days31To90 => "31～90天", "31–90 days";
    DaysOver90 => "90天以上", "over 90 days";
}

#[cfg(test)]
mod tests {
    use super::{
        DocxMsg, FieldMsg, FileMsg, HistoryMsg, ImportMsg, ItemMsg, Lang, Msg, PlanMsg, ReportMsg,
        RunMsg, SelfCheckMsg, SettingsMsg, zh_date, zh_date_numerals, zh_numeral,
    };
    use crate::text::messages::fields::DateFault;
    use crate::text::messages::report::Figures;

    /// Every message that carries a count or a date, with a count of one.
    fn counted() -> Vec<Msg> {
        let d = || "2015-03-10".to_owned();
        vec![
            Msg::Run(RunMsg::CheckSummary {
                errors: 1,
                warnings: 1,
                files: 1,
            }),
            Msg::Item(ItemMsg::Overdue {
                status: "未完成".into(),
                due: d(),
                days: 1,
            }),
            Msg::Item(ItemMsg::NoProgress {
                days: 1,
                since: d(),
                every: 1,
            }),
            Msg::Files(FileMsg::TooLarge { size: 1 }),
            Msg::Run(RunMsg::RefuseErrors { errors: 1 }),
            Msg::Run(RunMsg::KeptGoing { files: 1 }),
            Msg::Run(RunMsg::ScopeNote {
                scope: "省直".into(),
                errors: 1,
                warnings: 1,
            }),
            Msg::Run(RunMsg::DeniedWarnings { warnings: 1 }),
            Msg::Run(RunMsg::WarningsNotListed { warnings: 1 }),
            Msg::Settings(SettingsMsg::CandidatesMore {
                list: vec!["杭州市".into()],
                more: 1,
            }),
            Msg::Run(RunMsg::BeyondAnnotations { count: 1 }),
            Msg::Run(RunMsg::Withheld { items: 1, files: 1 }),
            Msg::Report(ReportMsg::RemindReasons {
                late: true,
                returned: true,
                missing: false,
                overdue: 1,
                ineffective: 1,
                unsatisfied: 1,
            }),
            Msg::Fields(FieldMsg::IntegerOutOfRange {
                key: "batch".into(),
                value: "3".into(),
                allowed: vec!["1".into(), "2".into()],
            }),
            Msg::Fields(FieldMsg::NotPositive {
                key: "progress_every".into(),
                value: "0".into(),
            }),
            Msg::Plan(PlanMsg::VotesOverParticipants {
                votes: 130,
                participants: 120,
            }),
            Msg::Plan(PlanMsg::GuidanceOfSecondBatch),
            Msg::Plan(PlanMsg::GuidanceOfSecondBatchHelp),
            Msg::Plan(PlanMsg::SubmittedUnsupported),
            Msg::Plan(PlanMsg::SubmittedUnsupportedHelp),
            Msg::Plan(PlanMsg::FoundBeforeOpened {
                found_on: d(),
                opened_on: d(),
            }),
            Msg::Plan(PlanMsg::FoundBeforeOpenedHelp),
            Msg::Report(ReportMsg::Basis {
                plan: Some("开展教育实践活动整改落实情况“回头看”的实施方案".into()),
                document: Some("浙整改办发〔2015〕2号".into()),
            }),
            Msg::Fields(FieldMsg::BelowMinimum {
                key: "assessment.satisfied".into(),
                value: "-1".into(),
                min: 0,
            }),
            Msg::Fields(FieldMsg::InvalidDate {
                fault: DateFault::Day {
                    year: 2015,
                    month: 2,
                    day: 30,
                    days: 28,
                },
            }),
            Msg::Fields(FieldMsg::InvalidDate {
                fault: DateFault::Month { month: 13 },
            }),
            Msg::SelfCheck(SelfCheckMsg::LateReport {
                submitted_on: d(),
                deadline: d(),
            }),
            Msg::SelfCheck(SelfCheckMsg::MissingReport { deadline: d() }),
            Msg::Docx(DocxMsg::AnnexAsOf { as_of: d() }),
            Msg::Item(ItemMsg::LateCompletion {
                completed_on: d(),
                deadline: d(),
            }),
            Msg::Item(ItemMsg::DateAfterToday {
                key: "completed_on".into(),
                date: d(),
            }),
            Msg::SelfCheck(SelfCheckMsg::ReviewBeforeSubmission {
                on: d(),
                submitted_on: d(),
            }),
            Msg::SelfCheck(SelfCheckMsg::ReportReturned { on: d() }),
            Msg::Docx(DocxMsg::ProgressRates {
                done: "100.0%".into(),
                done_or_mostly: "100.0%".into(),
                closed: 1,
            }),
            Msg::Docx(DocxMsg::ProgressSatisfaction {
                assessed: 1,
                satisfied: 1,
                rate: "100.0%".into(),
            }),
            Msg::Docx(DocxMsg::ProgressAreas {
                areas: 1,
                rows: vec![("兑现整改承诺情况".into(), 1, 1)],
            }),
            Msg::Docx(DocxMsg::ProgressChildren {
                rows: vec![("杭州市".into(), 1, "100.0%".into())],
            }),
            Msg::Docx(DocxMsg::ProgressLinked {
                items: 1,
                by_status: vec![("未完成".into(), 1)],
            }),
            Msg::Docx(DocxMsg::ProblemOverdue {
                nth: 1,
                items: 1,
                ages: [1, 0, 0],
                units: vec!["中共杭州市委".into()],
                more: 1,
            }),
            Msg::Docx(DocxMsg::ProblemIneffective {
                nth: 1,
                items: 1,
                units: vec!["中共杭州市委".into()],
                more: 0,
            }),
            Msg::Docx(DocxMsg::ProblemUnsatisfied { nth: 1, items: 1 }),
            Msg::Report(ReportMsg::AsOfLine { as_of: d() }),
            Msg::Report(ReportMsg::ReportHeading {
                org: "全省".into(),
                campaign: Some("教育实践活动整改落实情况回头看".into()),
                as_of: d(),
            }),
            Msg::Import(ImportMsg::ImportProgressLine {
                line: 1,
                text: "已提交".into(),
            }),
            Msg::Import(ImportMsg::ImportProgressDay {
                line: 1,
                text: "2015年2月30日".into(),
            }),
            Msg::Import(ImportMsg::MappingSyntax {
                line: 1,
                detail: "invalid string".into(),
            }),
            Msg::Report(ReportMsg::TrendHeading {
                org: "全省".into(),
                campaign: Some("教育实践活动整改落实情况回头看".into()),
                from: d(),
                to: d(),
            }),
            Msg::Report(ReportMsg::Summary {
                as_of: d(),
                org: "全省".into(),
                figures: Box::new(Figures {
                    units: 1,
                    items: 1,
                    done: 1,
                    rate: "100.0%".into(),
                    mostly_done: 1,
                    open: 1,
                    ineffective: 1,
                    overdue: 1,
                    submitted: 1,
                    late: 1,
                    returned: 1,
                    missing: 1,
                    pending: 1,
                    groups: vec![(2, "市".into(), true), (3, "省直".into(), false)],
                    self_checks: true,
                }),
            }),
        ]
    }

    fn han(c: char) -> bool {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
    }

    #[test]
    fn no_space_between_a_numeral_and_chinese_and_dates_in_chinese() {
        for msg in counted() {
            let text = msg.text(Lang::Zh);
            let chars: Vec<char> = text.chars().collect();
            for w in chars.windows(3) {
                let spaced = w[1] == ' '
                    && ((w[0].is_ascii_digit() && han(w[2]))
                        || (han(w[0]) && w[2].is_ascii_digit()));
                assert!(!spaced, "{text}");
            }
            assert!(
                !text.contains("2015-03-10"),
                "an ISO date in Chinese: {text}"
            );
        }
    }

    #[test]
    fn english_counts_of_one_are_singular() {
        for msg in counted() {
            let text = msg.text(Lang::En);
            for plural in [
                " 1 errors",
                " 1 warnings",
                " 1 files",
                " 1 days",
                " 1 items",
                " 1 units",
                "1 file with errors were",
            ] {
                assert!(!text.contains(plural), "{text}");
            }
        }
    }

    #[test]
    fn lists_are_joined_as_the_language_writes_them() {
        let two = || vec!["甲".to_owned(), "乙".to_owned()];
        let columns = Msg::Import(ImportMsg::ImportColumns { columns: two() });
        assert_eq!(columns.text(Lang::Zh), "表头行中的列：甲、乙");
        assert_eq!(
            columns.text(Lang::En),
            "the columns of the header row: 甲, 乙"
        );
        let removed = Msg::History(HistoryMsg::EvidenceRemoved {
            removed: two(),
            since: "HEAD~1".into(),
        });
        assert_eq!(
            removed.text(Lang::Zh),
            "佐证材料被删去（HEAD~1 时有）：甲；乙"
        );
        assert_eq!(
            removed.text(Lang::En),
            "evidence removed since HEAD~1: 甲; 乙"
        );
        // Names and choices of the record format read the same in both languages.
        let keys = Msg::Fields(FieldMsg::KnownKeys { keys: two() });
        assert_eq!(keys.text(Lang::Zh), "此处可用的键：甲, 乙");
        let allowed = Msg::Fields(FieldMsg::IntegerOutOfRange {
            key: "batch".into(),
            value: "3".into(),
            allowed: vec!["1".into(), "2".into()],
        });
        assert_eq!(
            allowed.text(Lang::En),
            "`batch` = 3 is not allowed; allowed values: 1 | 2"
        );
    }

    #[test]
    fn the_word_documents_sentences_leave_a_zero_out() {
        let areas = Msg::Docx(DocxMsg::ProgressAreas {
            areas: 6,
            rows: vec![
                ("兑现整改承诺情况".into(), 2, 0),
                ("长效机制建设情况".into(), 3, 1),
            ],
        });
        assert_eq!(
            areas.text(Lang::Zh),
            "对照六个方面：兑现整改承诺情况2个；长效机制建设情况3个，已完成1个。"
        );
        let satisfaction = Msg::Docx(DocxMsg::ProgressSatisfaction {
            assessed: 2,
            satisfied: 0,
            rate: "0.0%".into(),
        });
        assert_eq!(
            satisfaction.text(Lang::Zh),
            "已测评事项2个，事项满意率0.0%。"
        );
        let rates = Msg::Docx(DocxMsg::ProgressRates {
            done: "10.0%".into(),
            done_or_mostly: "20.0%".into(),
            closed: 0,
        });
        assert_eq!(
            rates.text(Lang::Zh),
            "整改完成率10.0%，完成及基本完成率20.0%。"
        );
        let overdue = Msg::Docx(DocxMsg::ProblemOverdue {
            nth: 2,
            items: 3,
            ages: [1, 0, 2],
            units: vec!["甲".into(), "乙".into()],
            more: 1,
        });
        assert_eq!(
            overdue.text(Lang::Zh),
            "二是部分事项逾期未完成。逾期未完成事项3个（逾期1～30天的1个、逾期90天以上的2个），涉及甲、乙等3个单位。"
        );
    }

    #[test]
    fn dates_and_numerals_as_documents_write_them() {
        let date = |s: &str| s.parse::<jiff::civil::Date>().expect("a date");
        assert_eq!(zh_date_numerals(date("2015-03-10")), "二〇一五年三月十日");
        assert_eq!(
            zh_date_numerals(date("2020-12-31")),
            "二〇二〇年十二月三十一日"
        );
        assert_eq!(zh_date("2015-03-10"), "2015年3月10日");
        assert_eq!(zh_date("not a date"), "not a date");
        let numerals: Vec<String> = [1, 6, 10, 11, 20, 23, 99, 100].map(zh_numeral).into();
        assert_eq!(
            numerals,
            ["一", "六", "十", "十一", "二十", "二十三", "九十九", "100"]
        );
    }
}
