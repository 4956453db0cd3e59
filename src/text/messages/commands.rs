//! The words of the authoring and shell commands (`cmd::init`, `cmd::shell`, `cmd::explain`):
//! files created or refused, the exit codes of the manual, in Chinese and in English.

use crate::text::i18n::Lang;

/// A sentence of the authoring and shell commands, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandMsg {
    UnknownCode {
        code: String,
    },
    UnknownCodeHelp,
    ManExitOk,
    ManExitCheckOk,
    ManExitRecords,
    ManExitCheck,
    ManExitReport,
    ManExitImport,
    ManExitFatal,
    /// `man --dir` over a page already there: the pages are never overwritten.
    ManPageExists {
        path: String,
    },
    ManPageExistsHelp {
        dir: String,
    },
    Created {
        path: String,
    },
    TreeStarted {
        path: String,
    },
    AlreadyTree {
        path: String,
    },
    InsideTree {
        root: String,
    },
    FileExists {
        path: String,
    },
    NotAUnit {
        path: String,
    },
    NotAUnitHelp,
    OutsideTree {
        path: String,
    },
    BadName {
        name: String,
    },
    LinkInPath {
        path: String,
    },
}

impl CommandMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            CommandMsg::UnknownCode { code } => match lang {
                Zh => format!("没有代码 `{code}`"),
                En => format!("there is no code `{code}`"),
            },
            CommandMsg::UnknownCodeHelp => match lang {
                Zh => "代码形如 E001、W001 或 I001；全部代码见 docs/codes.zh.md".into(),
                En => "codes look like E001, W001 or I001; docs/codes.md lists every one".into(),
            },
            CommandMsg::ManExitOk => match lang {
                Zh => "成功".into(),
                En => "success".into(),
            },
            CommandMsg::ManExitCheckOk => match lang {
                Zh => "没有错误（警告不影响，除非指定 `--deny-warnings`）".into(),
                En => "no errors (warnings are allowed unless `--deny-warnings`)".into(),
            },
            CommandMsg::ManExitRecords => match lang {
                Zh => "台账有错误（`check`、`report`）".into(),
                En => "the records have errors (`check`, `report`)".into(),
            },
            CommandMsg::ManExitCheck => match lang {
                Zh => "台账有错误；或指定了 `--deny-warnings` 且有警告".into(),
                En => "the records have errors, or warnings with `--deny-warnings`".into(),
            },
            CommandMsg::ManExitReport => match lang {
                Zh => "台账有错误，不生成报告（`--keep-going` 则只汇总没有错误的文件）".into(),
                En => {
                    "the records have errors and no report is built (unless `--keep-going`)".into()
                }
            },
            CommandMsg::ManExitImport => match lang {
                Zh => "有的行有错误，未写入任何文件（`--keep-going` 则写入没有错误的行）".into(),
                En => "rows have errors and nothing was written (unless `--keep-going`)".into(),
            },
            CommandMsg::ManExitFatal => match lang {
                Zh => "命令无法执行：参数错误、找不到台账根目录、读写失败".into(),
                En => "the command could not run: bad arguments, no records root, an I/O failure"
                    .into(),
            },
            CommandMsg::ManPageExists { path } => match lang {
                Zh => format!("手册页 {path} 已存在，不会覆盖；本次一页也没有写入"),
                En => format!(
                    "the manual page {path} already exists and is never overwritten; no page was written"
                ),
            },
            CommandMsg::ManPageExistsHelp { dir } => match lang {
                Zh => format!(
                    "删去 {dir} 中原有的 huitoukan 手册页后再运行，或用 `--dir` 另选一个文件夹"
                ),
                En => format!(
                    "remove the old huitoukan pages from {dir} and run it again, or choose another folder with `--dir`"
                ),
            },
            CommandMsg::Created { path } => match lang {
                Zh => format!("已新建 {path}"),
                En => format!("created {path}"),
            },
            CommandMsg::TreeStarted { path } => match lang {
                Zh => {
                    format!("已在 {path} 新建台账；修改示例后运行 `huitoukan check` 检查")
                }
                En => {
                    format!(
                        "started a records tree in {path}; edit the example, then run `huitoukan check`"
                    )
                }
            },
            CommandMsg::AlreadyTree { path } => match lang {
                Zh => format!("{path} 已经是台账根目录（有 huitoukan.toml）"),
                En => {
                    format!("{path} already holds a records tree (huitoukan.toml)")
                }
            },
            CommandMsg::InsideTree { root } => match lang {
                Zh => {
                    format!("此文件夹在台账 {root} 之内；台账不能嵌套")
                }
                En => {
                    format!("this folder is inside the records tree {root}; trees do not nest")
                }
            },
            CommandMsg::FileExists { path } => match lang {
                Zh => format!("{path} 已存在，不会覆盖"),
                En => format!("{path} already exists and is never overwritten"),
            },
            CommandMsg::NotAUnit { path } => match lang {
                Zh => format!("{path} 不是单位文件夹（没有 unit.toml）"),
                En => format!("{path} is not a unit's folder (no unit.toml)"),
            },
            CommandMsg::NotAUnitHelp => match lang {
                Zh => "先运行 `huitoukan new unit 文件夹`".into(),
                En => "run `huitoukan new unit DIR` first".into(),
            },
            CommandMsg::OutsideTree { path } => match lang {
                Zh => {
                    format!("{path} 不在台账内（须在根目录之下，且不含 \"..\"、隐藏文件夹）")
                }
                En => {
                    format!(
                        "{path} is not inside the records tree (below the root, no \"..\", no hidden folders)"
                    )
                }
            },
            CommandMsg::BadName { name } => match lang {
                Zh => {
                    format!("文件名 \"{name}\" 不可用：不能为空，不能含 / 或 \\，不能以 . 开头")
                }
                En => {
                    format!(
                        "the name \"{name}\" cannot be used: not empty, no / or \\, not starting with ."
                    )
                }
            },
            CommandMsg::LinkInPath { path } => match lang {
                Zh => {
                    format!("{path} 是符号链接，不会经由它写入")
                }
                En => {
                    format!("{path} is a symbolic link; nothing is written through it")
                }
            },
        }
    }
}
