//! Rules between files: an item's unit, ids unique within a unit, and `[linkage]` targets.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::Found;
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::model::records::Records;
use crate::text::i18n::Msg;
use crate::text::messages::links::LinkMsg;
use crate::text::suggest::Suggester;

pub fn check(records: &Records, out: &mut Found<'_>) {
    // Ids are unique within a unit: one small map, reused unit by unit.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for members in &records.unit_items {
        ids.clear();
        // A unit's items are in path order, so the first of two is the one "defined first".
        for &index in members {
            let item = &records.items[index];
            let Some(&first) = ids.get(item.id.as_str()) else {
                ids.insert(item.id.as_str(), index);
                continue;
            };
            let other = &records.items[first];
            let msg = LinkMsg::DuplicateItemId {
                id: item.id.to_string(),
                other: records.files.path(other.file).to_owned(),
            };
            out.push(
                Diagnostic::new(
                    Code::DuplicateItemId,
                    item.file,
                    item.id_span.map(|s| s.span()),
                    msg,
                )
                .with_label(Label {
                    file: other.file,
                    span: other.id_span.map_or(0..0, |s| s.span()),
                    message: LinkMsg::FirstDefinedHere.into(),
                }),
            );
        }
    }
    // Both asked once per unknown `lead_unit`, and built on the first question.
    let orgs = Suggester::new(records.units.iter().map(|u| u.org.as_str()));
    let by_folder: OnceCell<HashMap<&str, Vec<&str>>> = OnceCell::new();
    for (index, item) in records.items.iter().enumerate() {
        let Some(unit) = records.unit_of(index) else {
            out.push(
                Diagnostic::whole_file(Code::OrphanItem, item.file, LinkMsg::OrphanItem)
                    .with_help(LinkMsg::OrphanItemHelp),
            );
            continue;
        };
        let Some(lead) = item.linkage.as_ref().and_then(|l| l.lead_unit.as_ref()) else {
            continue;
        };
        let wanted = lead.get_ref().trim().trim_matches('/');
        match records.unit_by_org(wanted) {
            Some(u) if u == unit => {
                let msg = LinkMsg::SelfLeadUnit {
                    lead_unit: lead.get_ref().clone(),
                };
                out.push(
                    Diagnostic::at(Code::SelfLeadUnit, item.file, lead.span(), msg)
                        .with_help(LinkMsg::LeadUnitHelp),
                );
            }
            Some(_) => {}
            None => {
                let by_folder = by_folder.get_or_init(|| {
                    let mut map: HashMap<&str, Vec<&str>> = HashMap::new();
                    for unit in &records.units {
                        let folder = unit.org.rsplit('/').next().unwrap_or(&unit.org);
                        map.entry(folder).or_default().push(&unit.org);
                    }
                    map
                });
                let suggestion = if let Some([org]) = by_folder.get(wanted).map(Vec::as_slice) {
                    Some(*org)
                } else {
                    orgs.closest(wanted)
                };
                let help = suggestion.map_or(LinkMsg::LeadUnitHelp.into(), |s| Msg::DidYouMean {
                    suggestion: s.to_owned(),
                });
                let msg = LinkMsg::UnknownLeadUnit {
                    lead_unit: lead.get_ref().clone(),
                };
                out.push(
                    Diagnostic::at(Code::UnknownLeadUnit, item.file, lead.span(), msg)
                        .with_help(help),
                );
            }
        }
    }
}

use crate::diagnostic::doc::{BASE_ITEM, Change, Example, Prose, RuleDoc, Shown};

/// What each code raised here means, with worked examples: see [`crate::explain`].
pub const DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: Code::UnknownLeadUnit,
        trigger: Prose {
            en: r#"`linkage.lead_unit` is not the org path of a unit of the tree (the folder of a
`unit.toml`, relative to the root). Where a unit's org path is close, or where the value is the
last folder name of exactly one unit, the help line gives its org path."#,
            zh: r#"`linkage.lead_unit` 不是台账中某个单位的机构路径（`unit.toml` 所在文件夹相对于根目录的路径）。有机构路径相近的单位，或者这个值恰好是唯一一个单位的末级文件夹名时，提示行给出其机构路径。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/unit.toml exists; 梁弄镇/横坎头村/items/村道拓宽.toml, lines 10–12"#,
                zh: r#"已有 梁弄镇/unit.toml；梁弄镇/横坎头村/items/村道拓宽.toml，第10至12行"#,
            },
            shown: Shown::Text(
                r#"[linkage]
lead_unit = "梁弄"
reason = "道路拓宽需镇里立项和资金""#,
            ),
            change: &[
                Change::Write {
                    file: "梁弄镇/unit.toml",
                    text: r#"name = "中共梁弄镇委员会"
category = "基层党组织"
batch = 2
"#,
                },
                Change::Lines {
                    file: BASE_ITEM,
                    line: 9,
                    count: 0,
                    text: r#"
[linkage]
lead_unit = "梁弄"
reason = "道路拓宽需镇里立项和资金""#,
                },
            ],
            as_of: None,
            output: Prose {
                en: r#"error[E014]: lead unit "梁弄" names no unit of the tree
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:11:13
   |
11 | lead_unit = "梁弄"
   |             ^^^^^^
   |
   = help: did you mean `梁弄镇`?"#,
                zh: r#"error[E014]: 牵头单位 "梁弄" 不是本台账中的单位
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:11:13
   |
11 | lead_unit = "梁弄"
   |             ^^^^^^
   |
   = help: 是否想写 `梁弄镇`？"#,
            },
        }],
        fix: Prose {
            en: r#"Write the whole org path of the leading unit, as its folder is named: `"宁波市/余姚市"`,
`"省直/省直机关工委/省民政厅"`."#,
            zh: r#"写出牵头单位完整的机构路径，与其文件夹的名字一致：`"宁波市/余姚市"`、`"省直/省直机关工委/省民政厅"`。"#,
        },
    },
    RuleDoc {
        code: Code::SelfLeadUnit,
        trigger: Prose {
            en: r#"`linkage.lead_unit` names the unit the item belongs to. A linked item (上下联动) is
one whose root lies elsewhere (病症在下面、病根在上面), so it must be led by another unit."#,
            zh: r#"`linkage.lead_unit` 写的是事项所属的单位本身。上下联动的事项，病根在别处（病症在下面、病根在上面），所以必须由别的单位牵头。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, lines 10–11"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第10至11行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_ITEM,
                line: 9,
                count: 0,
                text: r#"
[linkage]
lead_unit = "梁弄镇/横坎头村""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E015]: lead unit "梁弄镇/横坎头村" is the item's own unit; a linked fix is led from above
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:11:13
   |
11 | lead_unit = "梁弄镇/横坎头村"
   |             ^^^^^^^^^^^^^^^^^
   |
   = help: write the org path of the leading unit: its folder relative to the root, like "杭州市/西湖区""#,
                zh: r#"error[E015]: 牵头单位 "梁弄镇/横坎头村" 就是本单位；上下联动应由上级牵头
  --> 梁弄镇/横坎头村/items/村道拓宽.toml:11:13
   |
11 | lead_unit = "梁弄镇/横坎头村"
   |             ^^^^^^^^^^^^^^^^^
   |
   = help: 写牵头单位的机构路径，即其文件夹相对于根目录的路径，如 "杭州市/西湖区""#,
            },
        }],
        fix: Prose {
            en: r#"Name the unit that must lead the fix, or remove `[linkage]` if the unit fixes it itself."#,
            zh: r#"写明应当牵头整改的单位；如果由本单位自行整改，删去 `[linkage]`。"#,
        },
    },
    RuleDoc {
        code: Code::DuplicateItemId,
        trigger: Prose {
            en: r#"Two items of the same unit have the same id: the `id` key, or the file's stem where
there is none (so `items/会议.toml` and `items/2014/会议.toml` clash). The diagnostic is on the later
file in path order; the message names the other one, which human output shows too."#,
            zh: r#"同一单位的两个事项编号相同：编号取 `id` 键，没有的取文件名（不含扩展名），所以 `items/会议.toml` 和 `items/2014/会议.toml` 会冲突。诊断报在按路径排序靠后的文件上；消息指出另一个文件，人读格式的输出中也会标出。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml and 梁弄镇/横坎头村/items/村道硬化.toml, line 1 of each"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml 和 梁弄镇/横坎头村/items/村道硬化.toml，各自的第1行"#,
            },
            shown: Shown::Text(r#"id = "HKT-01""#),
            change: &[
                Change::Copy {
                    from: BASE_ITEM,
                    to: "梁弄镇/横坎头村/items/村道硬化.toml",
                },
                Change::Lines {
                    file: BASE_ITEM,
                    line: 1,
                    count: 0,
                    text: r#"id = "HKT-01""#,
                },
                Change::Lines {
                    file: "梁弄镇/横坎头村/items/村道硬化.toml",
                    line: 1,
                    count: 0,
                    text: r#"id = "HKT-01""#,
                },
            ],
            as_of: None,
            output: Prose {
                en: r#"error[E016]: two items of one unit have the id "HKT-01" (the other is 梁弄镇/横坎头村/items/村道拓宽.toml)
 --> 梁弄镇/横坎头村/items/村道硬化.toml:1:6
  |
1 | id = "HKT-01"
  |      ^^^^^^^^
  |
 ::: 梁弄镇/横坎头村/items/村道拓宽.toml:1:6
  |
1 | id = "HKT-01"
  |      -------- first defined here"#,
                zh: r#"error[E016]: 同一单位的两个事项编号都是 "HKT-01"（另一个在 梁弄镇/横坎头村/items/村道拓宽.toml）
 --> 梁弄镇/横坎头村/items/村道硬化.toml:1:6
  |
1 | id = "HKT-01"
  |      ^^^^^^^^
  |
 ::: 梁弄镇/横坎头村/items/村道拓宽.toml:1:6
  |
1 | id = "HKT-01"
  |      -------- 首次出现在这里"#,
            },
        }],
        fix: Prose {
            en: r#"Give one of them another id, or rename the file where the ids come from stems. Items of
different units may share an id."#,
            zh: r#"给其中一个换个编号；编号来自文件名的，给文件改名。不同单位的事项可以用相同的编号。"#,
        },
    },
    RuleDoc {
        code: Code::OrphanItem,
        trigger: Prose {
            en: r#"A `*.toml` file (other than `huitoukan.toml`, `unit.toml` and the campaign's schema
file) with no `unit.toml` in its folder or any folder above it, up to the root: in the root itself
or in a pure grouping folder."#,
            zh: r#"一个 `*.toml` 文件（`huitoukan.toml`、`unit.toml` 和台账的方案文件除外），所在文件夹及其上直到根目录的各级文件夹中都没有 `unit.toml`：它在根目录中，或在只起归类作用的文件夹中。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/说明.toml, where 梁弄镇/ has no unit.toml"#,
                zh: r#"梁弄镇/说明.toml，而 梁弄镇/ 中没有 unit.toml"#,
            },
            shown: Shown::Change,
            change: &[Change::Write {
                file: "梁弄镇/说明.toml",
                text: r#"title = "村道狭窄，群众出行不便"
"#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E017]: item outside every unit: no folder above it holds a unit.toml
 --> 梁弄镇/说明.toml
  = help: move it into a unit's items/ folder, or add a unit.toml to a folder above it"#,
                zh: r#"error[E017]: 事项不属于任何单位：上级各文件夹中都没有 unit.toml
 --> 梁弄镇/说明.toml
  = help: 把事项移到单位文件夹的 items/ 下，或在其上级文件夹中新建 unit.toml"#,
            },
        }],
        fix: Prose {
            en: r#"Move the file into the `items/` folder of its unit, or add the missing `unit.toml` above it.
Notes that are not items belong in files that do not end in `.toml` (`说明.md`)."#,
            zh: r#"把文件移到所属单位的 `items/` 文件夹，或者在其上级补上缺少的 `unit.toml`。不是事项的说明材料，放在不以 `.toml` 结尾的文件中（`说明.md`）。"#,
        },
    },
];
