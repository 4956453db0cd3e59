//! What `check` and `report` say of a run beside their output (`cmd::check`, `cmd::report`,
//! `render`): the summary line, notes on what was left out or withheld, refusals, in Chinese and
//! in English.

use crate::text::i18n::{Lang, plural, zh_date};

/// A sentence about a run of `check` or `report`, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunMsg {
    /// What a public report withheld: for stderr, never for the document.
    Withheld {
        items: usize,
        files: usize,
    },
    RefuseErrors {
        errors: usize,
    },
    RefuseErrorsHelp,
    KeptGoing {
        files: usize,
    },
    ScopeNote {
        scope: String,
        errors: usize,
        warnings: usize,
    },
    DeniedWarnings {
        warnings: usize,
    },
    WarningsNotListed {
        warnings: usize,
    },
    TableNarrowed,
    PublicCountsWithheld {
        items: usize,
    },
    AfterAsOf {
        facts: u64,
        as_of: String,
    },
    XlsxFailed {
        detail: String,
    },
    DocxFailed {
        detail: String,
    },
    Unreadable {
        path: String,
        offset: Option<usize>,
    },
    BeyondAnnotations {
        count: usize,
    },
    CheckSummary {
        errors: usize,
        warnings: usize,
        files: usize,
    },
}

impl RunMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            RunMsg::Withheld { items, files } => match lang {
                Zh => {
                    let mut text = format!("公开版本未列入{items}项不宜公开的事项");
                    if *files > 0 {
                        text.push_str(&format!("，另有{files}个有错误、可能不宜公开的文件未列出"));
                    }
                    text
                }
                En => {
                    let mut text = format!("the public version withholds {items} confidential {}", plural(*items, "item", "items"));
                    if *files > 0 {
                        text.push_str(&format!(
                            ", and does not list {files} {} with errors that may be confidential",
                            plural(*files, "file", "files")
                        ));
                    }
                    text
                },
            },
            RunMsg::RefuseErrors { errors } => match lang {
                Zh => {
                    format!("台账有{errors}个错误，不生成报告")
                }
                En => {
                    format!("the records have {errors} {}; no report is built from them", plural(*errors, "error", "errors"))
                },
            },
            RunMsg::RefuseErrorsHelp => match lang {
                Zh => {
                    "改正错误后重试；或加 `--keep-going`，只汇总没有错误的文件，并在报告中列出未纳入的文件".into()
                }
                En => {
                    "fix them and run again, or add `--keep-going` to report on the valid files; the report then names every file it left out".into()
                },
            },
            RunMsg::KeptGoing { files } => match lang {
                Zh => {
                    format!("有{files}个文件因错误未纳入报告（报告中已列出）")
                }
                En => {
                    format!("{files} {} left out of the report (the report names {})", plural(*files, "file with errors was", "files with errors were"), plural(*files, "it", "them"))
                },
            },
            RunMsg::ScopeNote { scope, errors, warnings } => match lang {
                Zh => {
                    format!("只列出 {scope} 下的文件；台账其余文件另有{errors}个错误、{warnings}个警告")
                }
                En => format!(
                    "only the files under {scope} are shown; the rest of the tree has {errors} {} and {warnings} {}",
                    plural(*errors, "error", "errors"),
                    plural(*warnings, "warning", "warnings")
                ),
            },
            RunMsg::DeniedWarnings { warnings } => match lang {
                Zh => {
                    format!("检查未通过：有{warnings}个警告，且指定了 `--deny-warnings`")
                }
                En => format!(
                    "the check fails on {warnings} {} because of `--deny-warnings`",
                    plural(*warnings, "warning", "warnings")
                ),
            },
            RunMsg::WarningsNotListed { warnings } => match lang {
                Zh => {
                    format!("另有{warnings}个警告未列出；`huitoukan check` 列出全部")
                }
                En => format!(
                    "{warnings} {} not listed here; `huitoukan check` lists them all",
                    plural(*warnings, "warning is", "warnings are")
                ),
            },
            RunMsg::TableNarrowed => match lang {
                Zh => "终端较窄，只列出主要数字；列出全部：--wide".into(),
                En => "a narrow terminal: the main figures only; all: --wide".into(),
            },
            RunMsg::PublicCountsWithheld { items } => match lang {
                Zh => format!("其中{items}项按规定不予公开（计入总数，不列出具体事项）"),
                En => format!("{items} of the items are not for publication: counted in the totals, not listed"),
            },
            RunMsg::AfterAsOf { facts, as_of } => match lang {
                Zh => format!(
                    "本报告按截至{}台账的情况统计：此后的{facts}项记录（完成、进展、报送、审核等）未计入",
                    zh_date(as_of)
                ),
                En => format!(
                    "as the records stood on {as_of}: {facts} dated facts after it (completions, progress, submissions, reviews…) are not counted"
                ),
            },
            RunMsg::XlsxFailed { detail } => match lang {
                Zh => format!("无法生成 Excel 工作簿：{detail}"),
                En => format!("could not make the Excel workbook: {detail}"),
            },
            RunMsg::DocxFailed { detail } => match lang {
                Zh => format!("无法生成 Word 文档：{detail}"),
                En => format!("could not make the Word document: {detail}"),
            },
            RunMsg::Unreadable { path, offset: None } => match lang {
                Zh => format!("无法读回已读入的 {path}：这是 huitoukan 的缺陷，请报告"),
                En => format!("{path}, read before, could not be read back: a bug in huitoukan, please report it"),
            },
            RunMsg::Unreadable {
                path,
                offset: Some(offset),
            } => match lang {
                Zh => format!("无法读回已读入的 {path} 第 {offset} 字节处的值：这是 huitoukan 的缺陷，请报告"),
                En => format!("the value at byte {offset} of {path}, read before, could not be read back: a bug in huitoukan, please report it"),
            },
            RunMsg::BeyondAnnotations { count } => match lang {
                Zh => {
                    format!("GitHub 每步最多显示10条错误和10条警告注释，其余{count}条如下：")
                }
                En => {
                    format!("GitHub shows at most 10 error and 10 warning annotations per step; the other {count}:")
                },
            },
            RunMsg::CheckSummary { errors, warnings, files } => match lang {
                Zh => {
                    format!("检查了{files}个文件：{errors}个错误，{warnings}个警告")
                }
                En => {
                    format!(
                        "checked {files} {}: {errors} {}, {warnings} {}",
                        plural(*files, "file", "files"),
                        plural(*errors, "error", "errors"),
                        plural(*warnings, "warning", "warnings")
                    )
                },
            },
        }
    }
}
