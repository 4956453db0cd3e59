//! `check --since REV`: the rebound warnings (反弹回潮, SPEC §11), each on the file it concerns
//! with both values in the message.
//!
//! The records at REV and now are matched as `diff` matches them (by unit and id). Only valid
//! records at REV take part; a file with errors now still gets its warnings where its values
//! were read.

use crate::diagnostic::doc::{BASE_ITEM, Change, Example, Prose, RuleDoc, Shown};
use crate::diagnostic::{Code, Diagnostic};
use crate::format::enums::{Enumeration, Status};
use crate::history::diff::{self, Facts, State};
use crate::load::source::{FileId, Unreadable};
use crate::model::Item;
use crate::rules::check::Checked;
use crate::text::messages::history::HistoryMsg;

/// The rebound warnings of `now` against the state at `since` (the revision as written).
pub fn warnings(before: &State, now: &Checked, since: &str) -> Result<Vec<Diagnostic>, Unreadable> {
    let records = &now.records;
    let mut out = Vec::new();
    let mut current = std::collections::HashMap::new();
    for (u, unit) in records.units.iter().enumerate() {
        for &i in &records.unit_items[u] {
            let item: &Item = &records.items[i];
            current.insert((unit.org.as_str(), item.id.as_str()), item);
        }
    }
    for ((org, id), old) in &before.items {
        let Some(item) = current.get(&(*org, *id)) else {
            if old.status != Status::Done {
                out.push(deleted(now, org, id, old, since));
            }
            continue;
        };
        let Some(new) = Facts::of(records, item) else {
            continue;
        };
        if let Some(status) = &item.status
            && diff::regressed(old.status, new.status)
        {
            let msg = HistoryMsg::Regressed {
                from: old.status.label().to_owned(),
                to: new.status.label().to_owned(),
                since: since.to_owned(),
            };
            out.push(
                Diagnostic::at(Code::Regressed, item.file, status.span(), msg)
                    .with_help(HistoryMsg::RegressedHelp),
            );
        }
        let spans = [
            item.deadline.as_ref().map(|d| d.span()),
            item.rectify_by.as_ref().map(|d| d.span()),
        ];
        for (((field, was), (_, now_date)), span) in diff::dates(old)
            .into_iter()
            .zip(diff::dates(&new))
            .zip(spans)
        {
            if let (Some(was), Some(now_date), Some(span)) = (was, now_date, span)
                && now_date > was
            {
                let msg = HistoryMsg::DeadlineMovedLater {
                    field: field.to_owned(),
                    from: was.to_string(),
                    to: now_date.to_string(),
                    since: since.to_owned(),
                };
                out.push(
                    Diagnostic::at(Code::DeadlineMovedLater, item.file, span, msg)
                        .with_help(HistoryMsg::DeadlineMovedHelp),
                );
            }
        }
        // The same literal holds the same evidence: only a changed one is read.
        let removed: Vec<String> = if old.same_evidence_written(&new) {
            Vec::new()
        } else {
            let is = new.evidence()?;
            old.evidence()?
                .into_iter()
                .filter(|e| !is.contains(e))
                .collect()
        };
        if !removed.is_empty() {
            let msg = HistoryMsg::EvidenceRemoved {
                removed,
                since: since.to_owned(),
            };
            let d = match &item.evidence {
                Some(e) => Diagnostic::at(Code::EvidenceRemoved, item.file, e.span(), msg),
                None => Diagnostic::whole_file(Code::EvidenceRemoved, item.file, msg),
            };
            out.push(d.with_help(HistoryMsg::EvidenceRemovedHelp));
        }
    }
    Ok(out)
}

/// An unfinished item gone: said on its unit's `unit.toml` where the unit is still there, else
/// on the campaign file (the file itself is no more).
fn deleted(now: &Checked, org: &str, id: &str, old: &Facts<'_>, since: &str) -> Diagnostic {
    let records = &now.records;
    let file = records
        .unit_by_org(org)
        .map_or(FileId(0), |u| records.units[u].file);
    let msg = HistoryMsg::UnfinishedDeleted {
        file: old.path.to_owned(),
        id: id.to_owned(),
        status: old.status.label().to_owned(),
        since: since.to_owned(),
    };
    Diagnostic::whole_file(Code::UnfinishedDeleted, file, msg)
        .with_help(HistoryMsg::UnfinishedDeletedHelp)
}

/// The item of the documentation's examples, done (lines 8–10 of [`BASE_ITEM`]).
const DONE: &str = r#"status = "已完成"
completed_on = 2015-03-01
evidence = ["村道拓宽竣工验收单", "村民代表意见书"]"#;

/// What each code raised here means, with worked examples: see [`crate::explain`]. Each
/// example commits the base tree (with the first changes) and then runs
/// `check --since HEAD` on what the later changes make of it.
pub const DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: Code::Regressed,
        trigger: Prose {
            en: r#"With `check --since REV`: an item that was 已完成 at REV and is anything else now,
or was 基本完成 and is now 未完成 or 效果不理想 (反弹回潮). Items are matched by unit and `id`, so
renaming the file does not hide it. The warning points at `status`, with both values."#,
            zh: r#"使用 `check --since REV` 时：事项在 REV 时为已完成、现在不是，或者在 REV 时为基本完成、现在是未完成或效果不理想（反弹回潮）。事项按单位和 `id` 对应，所以给文件改名也藏不住。警告指向 `status`，并给出前后两个值。"#,
        },
        examples: &[Example {
            intro: Prose {
                en: "The item was committed as done; the change sets it back to open.",
                zh: r#"事项提交时已完成；这次修改把它改回了未完成。"#,
            },
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 8, after a commit where it read 已完成"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第8行，此前提交的版本中为已完成"#,
            },
            shown: Shown::Text(r#"status = "未完成""#),
            change: &[
                Change::Lines {
                    file: BASE_ITEM,
                    line: 8,
                    count: 1,
                    text: DONE,
                },
                Change::Commit,
                Change::Lines {
                    file: BASE_ITEM,
                    line: 8,
                    count: 3,
                    text: r#"status = "未完成""#,
                },
            ],
            as_of: None,
            output: Prose {
                en: r#"warning[W011]: status went back from 已完成 at HEAD to 未完成 (a rebound)
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:8:10
  |
8 | status = "未完成"
  |          ^^^^^^^^
  |
  = help: if it did come undone, say why and what is done now in a [[progress]] entry; if the change was a mistake, restore the status"#,
                zh: r#"warning[W011]: 整改状态倒退：HEAD 时为 已完成，现为 未完成（反弹回潮）
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:8:10
  |
8 | status = "未完成"
  |          ^^^^^^^^
  |
  = help: 如确已反弹，在 [[progress]] 中写明原因和新的整改措施；如是误改，恢复原状态"#,
            },
        }],
        fix: Prose {
            en: r#"If the item did come undone, keep the new status and record why and what is being done
in a `[[progress]]` entry; the warning stays for the pull request that made the change, so a
reviewer sees it. If the change was a mistake, restore the status."#,
            zh: r#"如果事项确实反弹，保留新的状态，并在 `[[progress]]` 中写明原因和正在采取的措施；这条警告会留在做出这次修改的合并请求中，让审核人看到。如果是误改，恢复原状态。"#,
        },
    },
    RuleDoc {
        code: Code::DeadlineMovedLater,
        trigger: Prose {
            en: r#"With `check --since REV`: an item whose `deadline` or `rectify_by` is later now than at
REV (整改时限悄悄后移). An earlier date, or a date added or removed, is not this warning."#,
            zh: r#"使用 `check --since REV` 时：事项的 `deadline` 或 `rectify_by` 比 REV 时推后了（整改时限悄悄后移）。日期提前，或者增加、删去日期，不报这条警告。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 7, committed as 2015-06-30"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第7行，提交时为2015-06-30"#,
            },
            shown: Shown::Text(r#"deadline = 2015-09-30"#),
            change: &[
                Change::Commit,
                Change::Lines {
                    file: BASE_ITEM,
                    line: 7,
                    count: 1,
                    text: r#"deadline = 2015-09-30"#,
                },
            ],
            as_of: None,
            output: Prose {
                en: r#"warning[W012]: `deadline` moved later: 2015-06-30 at HEAD, now 2015-09-30
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:12
  |
7 | deadline = 2015-09-30
  |            ^^^^^^^^^^
  |
  = help: a deadline is not moved quietly: say in a [[progress]] entry why and who approved it"#,
                zh: r#"warning[W012]: `deadline` 推迟：HEAD 时为2015年6月30日，现为2015年9月30日
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:12
  |
7 | deadline = 2015-09-30
  |            ^^^^^^^^^^
  |
  = help: 整改时限不能悄悄推迟：在 [[progress]] 中写明推迟的原因和批准情况"#,
            },
        }],
        fix: Prose {
            en: r#"Record in a `[[progress]]` entry why the date moved and who approved it, or keep the
original date."#,
            zh: r#"在 `[[progress]]` 中写明推迟的原因和批准情况，或者保持原来的日期。"#,
        },
    },
    RuleDoc {
        code: Code::UnfinishedDeleted,
        trigger: Prose {
            en: r#"With `check --since REV`: an item that was not 已完成 at REV and whose (unit, `id`) is
gone now. The file no longer exists, so the warning is on its unit's `unit.toml` (on
`huitoukan.toml` where the unit is gone too) and names the item. A file renamed with its `id`
kept is the same item, not a deletion; with `--only-changed` this warning is always shown."#,
            zh: r#"使用 `check --since REV` 时：事项在 REV 时不是已完成，而现在其（单位、`id`）已经没有了。文件已不存在，所以警告报在所属单位的 `unit.toml` 上（单位也没有了的，报在 `huitoukan.toml` 上），并指出是哪个事项。文件改名而 `id` 不变的，仍是同一个事项，不算删除；使用 `--only-changed` 时，这条警告总会显示。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, committed while 未完成, then deleted"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，以未完成状态提交后被删除"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Commit, Change::Delete { file: BASE_ITEM }],
            as_of: None,
            output: Prose {
                en: r#"warning[W013]: the unfinished item 村道拓宽 (梁弄镇/横坎头村/items/村道拓宽.toml, 未完成 at HEAD) was deleted
 --> 梁弄镇/横坎头村/unit.toml
  = help: an unfinished item is not deleted: restore the file, and mark it done (and closed) once it is"#,
                zh: r#"warning[W013]: 未完成的事项 村道拓宽（梁弄镇/横坎头村/items/村道拓宽.toml，HEAD 时为 未完成）被删除
 --> 梁弄镇/横坎头村/unit.toml
  = help: 未完成的事项不能删除：恢复文件，整改到位后改为已完成并销号"#,
            },
        }],
        fix: Prose {
            en: r#"Restore the file (`git checkout REV -- PATH`). An item is finished by marking it
已完成 with its evidence and, once approved, a `[closure]`; it is never deleted."#,
            zh: r#"恢复文件（`git checkout REV -- PATH`）。事项完成的办法是标为已完成并附佐证材料，批准后加上 `[closure]` 销号；事项决不删除。"#,
        },
    },
    RuleDoc {
        code: Code::EvidenceRemoved,
        trigger: Prose {
            en: r#"With `check --since REV`: an entry of an item's `evidence` at REV that is not in it now
(佐证材料被删去). The warning points at `evidence` (at the file's start where the key is gone)
and lists what was removed."#,
            zh: r#"使用 `check --since REV` 时：REV 时事项 `evidence` 中的某一条现在没有了（佐证材料被删去）。警告指向 `evidence`（这个键已没有的，指向文件开头），并列出被删去的内容。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 10, committed with two entries"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第10行，提交时有两条"#,
            },
            shown: Shown::Text(r#"evidence = ["村道拓宽竣工验收单"]"#),
            change: &[
                Change::Lines {
                    file: BASE_ITEM,
                    line: 8,
                    count: 1,
                    text: DONE,
                },
                Change::Commit,
                Change::Lines {
                    file: BASE_ITEM,
                    line: 10,
                    count: 1,
                    text: r#"evidence = ["村道拓宽竣工验收单"]"#,
                },
            ],
            as_of: None,
            output: Prose {
                en: r#"warning[W014]: evidence removed since HEAD: 村民代表意见书
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:10:12
   |
10 | evidence = ["村道拓宽竣工验收单"]
   |            ^^^^^^^^^^^^^^^^^^^^^^
   |
   = help: evidence is added, not taken away: if an entry was wrong, keep it and explain in a [[progress]] entry"#,
                zh: r#"warning[W014]: 佐证材料被删去（HEAD 时有）：村民代表意见书
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:10:12
   |
10 | evidence = ["村道拓宽竣工验收单"]
   |            ^^^^^^^^^^^^^^^^^^^^^^
   |
   = help: 佐证材料只增不减：如原材料有误，保留并在 [[progress]] 中说明"#,
            },
        }],
        fix: Prose {
            en: r#"Keep every piece of evidence once recorded; where one was wrong, say so in a
`[[progress]]` entry instead of deleting it."#,
            zh: r#"佐证材料一经记下就要保留；哪一条有误，在 `[[progress]]` 中说明，不要删去。"#,
        },
    },
];
