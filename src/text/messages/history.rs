//! The words of the records' history (`history`, SPEC §11): revisions git cannot give, and
//! what went back since one (W011–W014), in Chinese and in English.

use crate::text::i18n::{Lang, entries, plural, zh_date};

/// Why a revision names no commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RevisionWhy {
    /// What git's reader said (in English).
    Git(String),
    /// The repository has no commit yet.
    NoCommit,
    /// No first-parent commit on or before this day (`@DATE`).
    NoneBy(jiff::civil::Date),
}

/// A sentence about the records' history, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryMsg {
    GitError {
        detail: String,
    },
    NotARepository {
        path: String,
    },
    NotARepositoryHelp,
    UnknownRevision {
        rev: String,
        why: RevisionWhy,
    },
    UnknownRevisionHelp,
    ShallowLacks {
        rev: String,
    },
    ShallowHelp,
    NotInCommit {
        commit: String,
    },
    RevisionHasErrors {
        rev: String,
    },
    Regressed {
        from: String,
        to: String,
        since: String,
    },
    RegressedHelp,
    DeadlineMovedLater {
        field: String,
        from: String,
        to: String,
        since: String,
    },
    DeadlineMovedHelp,
    UnfinishedDeleted {
        file: String,
        id: String,
        status: String,
        since: String,
    },
    UnfinishedDeletedHelp,
    EvidenceRemoved {
        removed: Vec<String>,
        since: String,
    },
    EvidenceRemovedHelp,
    OnlyChangedNote {
        since: String,
        errors: usize,
        warnings: usize,
    },
}

impl HistoryMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            HistoryMsg::GitError { detail } => match lang {
                Zh => format!("读取 git 仓库失败：{detail}"),
                En => format!("cannot read the git repository: {detail}"),
            },
            HistoryMsg::NotARepository { path } => match lang {
                Zh => {
                    format!("{path} 不在 git 仓库中，无法查看历史版本")
                }
                En => {
                    format!("{path} is not inside a git repository, so it has no history to look back on")
                },
            },
            HistoryMsg::NotARepositoryHelp => match lang {
                Zh => {
                    "在台账目录运行 `git init`，并提交（`git add -A && git commit`）每次报送".into()
                }
                En => {
                    "run `git init` in the records tree and commit each submission (`git add -A && git commit`)".into()
                },
            },
            HistoryMsg::UnknownRevision { rev, why } => match (why, lang) {
                // git's own words are English: Chinese says what it can without them.
                (RevisionWhy::Git(_), Zh) => format!("找不到版本 `{rev}`"),
                (RevisionWhy::NoCommit, Zh) => format!("找不到版本 `{rev}`：仓库中还没有提交"),
                (RevisionWhy::NoneBy(date), Zh) => {
                    format!("找不到版本 `{rev}`：{}及以前没有提交", zh_date(&date.to_string()))
                }
                (RevisionWhy::Git(detail), En) => format!("unknown revision `{rev}`: {detail}"),
                (RevisionWhy::NoCommit, En) => format!("unknown revision `{rev}`: no commit yet"),
                (RevisionWhy::NoneBy(date), En) => {
                    format!("unknown revision `{rev}`: no commit on or before {date}")
                }
            },
            HistoryMsg::UnknownRevisionHelp => match lang {
                Zh => {
                    "版本可写提交号、标签、分支、`HEAD~3`，或日期 `@2015-02-01`（该日结束前的最后一次提交）；`git log --first-parent` 列出可用的提交".into()
                }
                En => {
                    "a revision is a commit hash, a tag, a branch, `HEAD~3`, or a date `@2015-02-01` (the last commit by the end of that day); `git log --first-parent` lists the commits".into()
                },
            },
            HistoryMsg::ShallowLacks { rev } => match lang {
                Zh => {
                    format!("这是浅克隆（shallow clone），缺少版本 `{rev}` 所需的历史")
                }
                En => {
                    format!("this is a shallow clone: it lacks the history that `{rev}` needs")
                },
            },
            HistoryMsg::ShallowHelp => match lang {
                Zh => {
                    "取回完整历史：`git fetch --unshallow`；GitHub Actions 中给 actions/checkout 加 `fetch-depth: 0`".into()
                }
                En => {
                    "fetch the whole history: `git fetch --unshallow`; in GitHub Actions give actions/checkout `fetch-depth: 0`".into()
                },
            },
            HistoryMsg::NotInCommit { commit } => match lang {
                Zh => format!("提交 {commit} 中没有此文件"),
                En => format!("not in commit {commit}"),
            },
            HistoryMsg::RevisionHasErrors { rev } => match lang {
                Zh => format!("以上是版本 {rev} 中台账的错误"),
                En => {
                    format!("the errors above are in the records at {rev}")
                },
            },
            HistoryMsg::Regressed { from, to, since } => match lang {
                Zh => {
                    format!("整改状态倒退：{since} 时为 {from}，现为 {to}（反弹回潮）")
                }
                En => {
                    format!("status went back from {from} at {since} to {to} (a rebound)")
                },
            },
            HistoryMsg::RegressedHelp => match lang {
                Zh => {
                    "如确已反弹，在 [[progress]] 中写明原因和新的整改措施；如是误改，恢复原状态".into()
                }
                En => {
                    "if it did come undone, say why and what is done now in a [[progress]] entry; if the change was a mistake, restore the status".into()
                },
            },
            HistoryMsg::DeadlineMovedLater { field, from, to, since } => match lang {
                Zh => {
                    format!("`{field}` 推迟：{since} 时为{}，现为{}", zh_date(from), zh_date(to))
                }
                En => {
                    format!("`{field}` moved later: {from} at {since}, now {to}")
                },
            },
            HistoryMsg::DeadlineMovedHelp => match lang {
                Zh => {
                    "整改时限不能悄悄推迟：在 [[progress]] 中写明推迟的原因和批准情况".into()
                }
                En => {
                    "a deadline is not moved quietly: say in a [[progress]] entry why and who approved it".into()
                },
            },
            HistoryMsg::UnfinishedDeleted { file, id, status, since } => match lang {
                Zh => {
                    format!("未完成的事项 {id}（{file}，{since} 时为 {status}）被删除")
                }
                En => {
                    format!("the unfinished item {id} ({file}, {status} at {since}) was deleted")
                },
            },
            HistoryMsg::UnfinishedDeletedHelp => match lang {
                Zh => {
                    "未完成的事项不能删除：恢复文件，整改到位后改为已完成并销号".into()
                }
                En => {
                    "an unfinished item is not deleted: restore the file, and mark it done (and closed) once it is".into()
                },
            },
            HistoryMsg::EvidenceRemoved { removed, since } => {
                let removed = entries(removed, lang);
                match lang {
                    Zh => {
                        format!("佐证材料被删去（{since} 时有）：{removed}")
                    }
                    En => {
                        format!("evidence removed since {since}: {removed}")
                    },
                }
            }
            HistoryMsg::EvidenceRemovedHelp => match lang {
                Zh => {
                    "佐证材料只增不减：如原材料有误，保留并在 [[progress]] 中说明".into()
                }
                En => {
                    "evidence is added, not taken away: if an entry was wrong, keep it and explain in a [[progress]] entry".into()
                },
            },
            HistoryMsg::OnlyChangedNote { since, errors, warnings } => match lang {
                Zh => {
                    format!("自 {since} 以来未改动的文件另有{errors}个错误、{warnings}个警告，未显示")
                }
                En => {
                    format!(
                        "files unchanged since {since} have {errors} more {} and {warnings} more {}, not shown",
                        plural(*errors, "error", "errors"),
                        plural(*warnings, "warning", "warnings")
                    )
                },
            },
        }
    }
}
