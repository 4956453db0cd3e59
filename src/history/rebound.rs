//! `check --since REV`: the rebound warnings (反弹回潮, SPEC §11), each on the file it concerns
//! with both values in the message.
//!
//! The records at REV and now are matched as `diff` matches them (by unit and id). Only valid
//! records at REV take part; a file with errors now still gets its warnings where its values
//! were read.

use crate::check::Checked;
use crate::diagnostic::{Code, Diagnostic};
use crate::explain::{BASE_ITEM, Change, Example, RuleDoc, Shown};
use crate::history::diff::{self, Facts, State};
use crate::i18n::Msg;
use crate::model::Item;
use crate::model::enums::{Enumeration, Status};
use crate::source::FileId;

/// The rebound warnings of `now` against the state at `since` (the revision as written).
pub fn warnings(before: &State, now: &Checked, since: &str) -> Vec<Diagnostic> {
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
            let msg = Msg::Regressed {
                from: old.status.label().to_owned(),
                to: new.status.label().to_owned(),
                since: since.to_owned(),
            };
            out.push(
                Diagnostic::at(Code::Regressed, item.file, status.span(), msg)
                    .with_help(Msg::RegressedHelp),
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
                let msg = Msg::DeadlineMovedLater {
                    field: field.to_owned(),
                    from: was.to_string(),
                    to: now_date.to_string(),
                    since: since.to_owned(),
                };
                out.push(
                    Diagnostic::at(Code::DeadlineMovedLater, item.file, span, msg)
                        .with_help(Msg::DeadlineMovedHelp),
                );
            }
        }
        // The same literal holds the same evidence: only a changed one is read.
        let removed: Vec<String> = if old.same_evidence_written(&new) {
            Vec::new()
        } else {
            let is = new.evidence();
            old.evidence()
                .into_iter()
                .filter(|e| !is.contains(e))
                .collect()
        };
        if !removed.is_empty() {
            let msg = Msg::EvidenceRemoved {
                removed,
                since: since.to_owned(),
            };
            let d = match &item.evidence {
                Some(e) => Diagnostic::at(Code::EvidenceRemoved, item.file, e.span(), msg),
                None => Diagnostic::whole_file(Code::EvidenceRemoved, item.file, msg),
            };
            out.push(d.with_help(Msg::EvidenceRemovedHelp));
        }
    }
    out
}

/// An unfinished item gone: said on its unit's `unit.toml` where the unit is still there, else
/// on the campaign file (the file itself is no more).
fn deleted(now: &Checked, org: &str, id: &str, old: &Facts<'_>, since: &str) -> Diagnostic {
    let records = &now.records;
    let file = records
        .unit_by_org(org)
        .map_or(FileId(0), |u| records.units[u].file);
    let msg = Msg::UnfinishedDeleted {
        file: old.path.to_owned(),
        id: id.to_owned(),
        status: old.status.label().to_owned(),
        since: since.to_owned(),
    };
    Diagnostic::whole_file(Code::UnfinishedDeleted, file, msg).with_help(Msg::UnfinishedDeletedHelp)
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
        trigger: r#"With `check --since REV`: an item that was 已完成 at REV and is anything else now,
or was 基本完成 and is now 未完成 or 效果不理想 (反弹回潮). Items are matched by unit and `id`, so
renaming the file does not hide it. The warning points at `status`, with both values."#,
        examples: &[Example {
            intro: "The item was committed as done; the change sets it back to open.",
            caption: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 8, after a commit where it read 已完成"#,
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
            output: r#"warning[W011]: 整改状态倒退：HEAD 时为 已完成，现为 未完成（反弹回潮）
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:8:10
  |
8 | status = "未完成"
  |          ^^^^^^^^
  |
  = help: 如确已反弹，在 [[progress]] 中写明原因和新的整改措施；如是误改，恢复原状态"#,
        }],
        fix: r#"If the item did come undone, keep the new status and record why and what is being done
in a `[[progress]]` entry; the warning stays for the pull request that made the change, so a
reviewer sees it. If the change was a mistake, restore the status."#,
    },
    RuleDoc {
        code: Code::DeadlineMovedLater,
        trigger: r#"With `check --since REV`: an item whose `deadline` or `rectify_by` is later now than at
REV (整改时限悄悄后移). An earlier date, or a date added or removed, is not this warning."#,
        examples: &[Example {
            intro: "",
            caption: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 7, committed as 2015-06-30"#,
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
            output: r#"warning[W012]: `deadline` 推迟：HEAD 时为2015年6月30日，现为2015年9月30日
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:12
  |
7 | deadline = 2015-09-30
  |            ^^^^^^^^^^
  |
  = help: 整改时限不能悄悄推迟：在 [[progress]] 中写明推迟的原因和批准情况"#,
        }],
        fix: r#"Record in a `[[progress]]` entry why the date moved and who approved it, or keep the
original date."#,
    },
    RuleDoc {
        code: Code::UnfinishedDeleted,
        trigger: r#"With `check --since REV`: an item that was not 已完成 at REV and whose (unit, `id`) is
gone now. The file no longer exists, so the warning is on its unit's `unit.toml` (on
`huitoukan.toml` where the unit is gone too) and names the item. A file renamed with its `id`
kept is the same item, not a deletion; with `--only-changed` this warning is always shown."#,
        examples: &[Example {
            intro: "",
            caption: r#"梁弄镇/横坎头村/items/村道拓宽.toml, committed while 未完成, then deleted"#,
            shown: Shown::Nothing,
            change: &[Change::Commit, Change::Delete { file: BASE_ITEM }],
            as_of: None,
            output: r#"warning[W013]: 未完成的事项 村道拓宽（梁弄镇/横坎头村/items/村道拓宽.toml，HEAD 时为 未完成）被删除
 --> 梁弄镇/横坎头村/unit.toml
  = help: 未完成的事项不能删除：恢复文件，整改到位后改为已完成并销号"#,
        }],
        fix: r#"Restore the file (`git checkout REV -- PATH`). An item is finished by marking it
已完成 with its evidence and, once approved, a `[closure]`; it is never deleted."#,
    },
    RuleDoc {
        code: Code::EvidenceRemoved,
        trigger: r#"With `check --since REV`: an entry of an item's `evidence` at REV that is not in it now
(佐证材料被删去). The warning points at `evidence` (at the file's start where the key is gone)
and lists what was removed."#,
        examples: &[Example {
            intro: "",
            caption: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 10, committed with two entries"#,
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
            output: r#"warning[W014]: 佐证材料被删去（HEAD 时有）：村民代表意见书
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:10:12
   |
10 | evidence = ["村道拓宽竣工验收单"]
   |            ^^^^^^^^^^^^^^^^^^^^^^
   |
   = help: 佐证材料只增不减：如原材料有误，保留并在 [[progress]] 中说明"#,
        }],
        fix: r#"Keep every piece of evidence once recorded; where one was wrong, say so in a
`[[progress]]` entry instead of deleting it."#,
    },
];
