//! The words of what a user asked for (`settings`): the records' root, the org, the format
//! and where its output goes, and why a request is refused, in Chinese and in English.

use crate::text::i18n::{Lang, names};

/// A file written beside the records: a report (`--output`) or the step summary of GitHub
/// Actions (`GITHUB_STEP_SUMMARY`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputKind {
    Report,
    Summary,
}

/// Why a file inside the records tree is not written (SPEC §8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeFile {
    /// A `.toml` file: a record.
    Record,
    /// Hidden, or in a hidden folder (`.git`).
    Hidden,
    /// A unit's `self_check.report`.
    SelfCheckReport,
    /// A link leads there.
    ThroughLink,
}

/// A sentence about the settings of a run, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsMsg {
    NoRoot {
        path: String,
    },
    NoRootHelp,
    CampaignNotRegular {
        path: String,
    },
    CampaignNotRegularHelp,
    OrgUnknown {
        org: String,
    },
    OrgAmbiguous {
        org: String,
    },
    Candidates {
        list: Vec<String>,
    },
    OutputIsRecord {
        path: String,
    },
    OutputExists {
        path: String,
    },
    OutputExistsHelp,
    PathMissing {
        path: String,
    },
    ByNotForFormat {
        format: String,
    },
    ByLeadNotPublic,
    StoredByItem,
    CandidatesMore {
        list: Vec<String>,
        more: usize,
    },
    OutputInTree {
        what: OutputKind,
        path: String,
        reason: TreeFile,
    },
    OutputInTreeHelp {
        reason: TreeFile,
    },
    OutputNotFile {
        path: String,
    },
    OutputIsFolder {
        path: String,
    },
    OutputFolderMissing {
        folder: String,
    },
    OutputFolderNotFolder {
        folder: String,
    },
    FormatContradictsExtension {
        format: String,
        extension: String,
    },
    FormatOfExtensionUnknown {
        extension: String,
    },
    FormatOfExtensionUnknownHelp,
    XlsxToTerminal,
    XlsxToTerminalHelp,
    DocxToTerminal,
    DocxToTerminalHelp,
    ImportChanged {
        path: String,
    },
    ImportChangedHelp,
    FolderMoved {
        path: String,
    },
}

impl SettingsMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            SettingsMsg::NoRoot { path } => match lang {
                Zh => {
                    format!("在 {path} 及其上级文件夹中找不到 huitoukan.toml（台账根目录）")
                }
                En => {
                    format!("no huitoukan.toml (the root of a records tree) in {path} or any folder above it")
                },
            },
            SettingsMsg::NoRootHelp => match lang {
                Zh => "新建台账：`huitoukan init 文件夹`".into(),
                En => "start a records tree with `huitoukan init DIR`".into(),
            },
            SettingsMsg::CampaignNotRegular { path } => match lang {
                Zh => {
                    format!("{path} 是符号链接或不是普通文件，不读取，也不作为台账根目录")
                }
                En => {
                    format!("{path} is a symbolic link or not a regular file: it is never read, nor taken for the root of a records tree")
                },
            },
            SettingsMsg::CampaignNotRegularHelp => match lang {
                Zh => {
                    "把 huitoukan.toml 文件本身放在根目录，而不是链接".into()
                }
                En => {
                    "put the file huitoukan.toml itself at the root, not a link".into()
                },
            },
            SettingsMsg::OrgUnknown { org } => match lang {
                Zh => format!("台账中没有机构 \"{org}\""),
                En => format!("no org \"{org}\" in the tree"),
            },
            SettingsMsg::OrgAmbiguous { org } => match lang {
                Zh => {
                    format!("\"{org}\" 对应多个文件夹，请写出完整的机构路径")
                }
                En => {
                    format!("\"{org}\" names more than one folder; write the whole org path")
                },
            },
            SettingsMsg::Candidates { list } => {
                let list = names(list);
                match lang {
                    Zh => format!("可选：{list}"),
                    En => format!("candidates: {list}"),
                }
            }
            SettingsMsg::OutputIsRecord { path } => match lang {
                Zh => {
                    format!("不能把报告写到 {path}：.toml 文件是台账记录")
                }
                En => {
                    format!("will not write a report to {path}: .toml files are records")
                },
            },
            SettingsMsg::OutputExists { path } => match lang {
                Zh => format!("{path} 已存在，不会覆盖"),
                En => format!("{path} already exists and is never overwritten"),
            },
            SettingsMsg::OutputExistsHelp => match lang {
                Zh => {
                    "换一个文件名；或加 `--force`，用新报告替换原文件".into()
                }
                En => {
                    "choose another name, or add `--force` to replace the old file with the new report".into()
                },
            },
            SettingsMsg::PathMissing { path } => match lang {
                Zh => format!("{path} 不存在"),
                En => format!("{path} does not exist"),
            },
            SettingsMsg::ByNotForFormat { format } => match lang {
                Zh => {
                    format!("`--by` 只用于 table 和 csv 格式；{format} 格式的报告内容是固定的")
                }
                En => {
                    format!("`--by` applies to the table and csv formats only; a {format} report has fixed sections")
                },
            },
            SettingsMsg::ByLeadNotPublic => match lang {
                Zh => {
                    "`--by lead` 按牵头班子成员列出，公示版本（`--public`）不列人名".into()
                }
                En => {
                    "`--by lead` lists people by name, and a public report (`--public`) names no one".into()
                },
            },
            SettingsMsg::StoredByItem => match lang {
                Zh => {
                    "保存的报告不含逐项事项，`--from` 不能用 `--by item`、`lead` 或 `task`；可用 --by org、unit 或 area".into()
                }
                En => {
                    "a stored report holds no item rows: `--from` cannot use `--by item`, `lead` or `task`; use --by org, unit or area".into()
                },
            },
            SettingsMsg::CandidatesMore { list, more } => {
                let list = names(list);
                match lang {
                    Zh => format!("最接近的：{list}；另有{more}个"),
                    En => {
                        format!("the closest: {list}; and {more} more")
                    },
                }
            }
            SettingsMsg::OutputInTree { what, path, reason } => {
                let what = match (what, lang) {
                    (OutputKind::Report, Zh) => "不能把报告写到",
                    (OutputKind::Report, En) => "will not write a report to",
                    (OutputKind::Summary, Zh) => "不能把检查摘要（GITHUB_STEP_SUMMARY）写到",
                    (OutputKind::Summary, En) => "will not write the summary (GITHUB_STEP_SUMMARY) to",
                };
                let reason = match (reason, lang) {
                    (TreeFile::Record, Zh) => "台账目录内的 .toml 文件是台账记录",
                    (TreeFile::Record, En) => "a .toml file in the records tree is a record",
                    (TreeFile::Hidden, Zh) => "它是台账目录内的隐藏文件或在隐藏文件夹中",
                    (TreeFile::Hidden, En) => "it is hidden, or in a hidden folder, in the records tree",
                    (TreeFile::SelfCheckReport, Zh) => "它是某单位的自查报告（self_check.report）",
                    (TreeFile::SelfCheckReport, En) => "it is a unit's self-check report (self_check.report)",
                    (TreeFile::ThroughLink, Zh) => "它经由链接通向台账目录内",
                    (TreeFile::ThroughLink, En) => "a link leads it into the records tree",
                };
                match lang {
                    Zh => format!("{what} {path}：{reason}"),
                    En => format!("{what} {path}: {reason}"),
                }
            }
            SettingsMsg::OutputInTreeHelp { reason } => match (reason, lang) {
                (TreeFile::ThroughLink, Zh) => {
                    "写到台账目录之外，或直接写出台账目录内的路径（不经链接）".into()
                }
                (TreeFile::ThroughLink, En) => {
                    "write outside the records tree, or name the path inside it directly (not through a link)".into()
                }
                (_, Zh) => "换一个文件名：报告可以写在台账目录内，但不能写成台账要读的文件".into(),
                (_, En) => {
                    "choose another name: a report may go inside the records tree, but never as a file the tree reads".into()
                }
            },
            SettingsMsg::OutputNotFile { path } => match lang {
                Zh => {
                    format!("{path} 不是普通文件（文件夹、链接等），`--force` 也不会替换")
                }
                En => {
                    format!("{path} is not a regular file (a folder, a link…); `--force` replaces only a regular file")
                },
            },
            SettingsMsg::OutputIsFolder { path } => match lang {
                Zh => format!("{path} 是文件夹；请给出报告的文件名，如 {path}/汇总.md"),
                En => format!("{path} is a folder; name the report's file, like {path}/summary.md"),
            },
            SettingsMsg::OutputFolderMissing { folder } => match lang {
                Zh => format!("文件夹 {folder} 不存在；请先建好它，或写到已有的文件夹"),
                En => format!("the folder {folder} does not exist; make it first, or write into a folder that does"),
            },
            SettingsMsg::OutputFolderNotFolder { folder } => match lang {
                Zh => format!("{folder} 不是文件夹，报告不能写在它下面"),
                En => format!("{folder} is not a folder; a report cannot go below it"),
            },
            SettingsMsg::FormatContradictsExtension { format, extension } => match lang {
                Zh => format!("--format {format} 与输出文件的扩展名 .{extension} 不符"),
                En => format!("--format {format} contradicts the extension .{extension} of the output file"),
            },
            SettingsMsg::FormatOfExtensionUnknown { extension } => match lang {
                Zh => format!("从扩展名 .{extension} 看不出报告格式"),
                En => format!("the extension .{extension} names no report format"),
            },
            SettingsMsg::FormatOfExtensionUnknownHelp => match lang {
                Zh => "用 --format 指定格式，或用 .md、.csv、.json、.html、.xlsx、.docx、.txt（终端表格）作扩展名".into(),
                En => "name the format with --format, or end the file in .md, .csv, .json, .html, .xlsx, .docx or .txt (a table)".into(),
            },
            SettingsMsg::XlsxToTerminal => match lang {
                Zh => "不把 Excel 工作簿输出到终端".into(),
                En => "will not write an Excel workbook to a terminal".into(),
            },
            SettingsMsg::XlsxToTerminalHelp => match lang {
                Zh => {
                    "用 `--output 报告.xlsx` 写入文件，或把标准输出重定向到文件".into()
                }
                En => {
                    "write it to a file with `--output report.xlsx`, or redirect standard output".into()
                },
            },
            SettingsMsg::DocxToTerminal => match lang {
                Zh => "不把 Word 文档输出到终端".into(),
                En => "will not write a Word document to a terminal".into(),
            },
            SettingsMsg::DocxToTerminalHelp => match lang {
                Zh => "用 `--output 报告.docx` 写入文件，或把标准输出重定向到文件".into(),
                En => "write it to a file with `--output report.docx`, or redirect standard output".into(),
            },
            SettingsMsg::ImportChanged { path } => match lang {
                Zh => format!("{path} 在导入期间被改动过，未更新（改动保留）"),
                En => format!("{path} changed while the import ran; not updated (the change is kept)"),
            },
            SettingsMsg::ImportChangedHelp => match lang {
                Zh => "再运行一次 `import --update`，以改动后的文件为准".into(),
                En => "run `import --update` again, from the file as it now is".into(),
            },
            SettingsMsg::FolderMoved { path } => match lang {
                Zh => format!("{path} 在写入期间被换成了链接或被移走；其中刚写入的文件已删除"),
                En => format!("{path} was replaced by a link or moved while it was written to; the files just written there are removed"),
            },
        }
    }
}
