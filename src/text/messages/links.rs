//! The words of the rules between files (`rules::links`): item ids, the unit an item belongs
//! to, the unit that leads its fix, in Chinese and in English.

use crate::text::i18n::Lang;

/// A sentence of the rules between files, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkMsg {
    UnknownLeadUnit { lead_unit: String },
    SelfLeadUnit { lead_unit: String },
    LeadUnitHelp,
    DuplicateItemId { id: String, other: String },
    FirstDefinedHere,
    OrphanItem,
    OrphanItemHelp,
}

impl LinkMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            LinkMsg::UnknownLeadUnit { lead_unit } => match lang {
                Zh => {
                    format!("牵头单位 \"{lead_unit}\" 不是本台账中的单位")
                }
                En => {
                    format!("lead unit \"{lead_unit}\" names no unit of the tree")
                },
            },
            LinkMsg::SelfLeadUnit { lead_unit } => match lang {
                Zh => {
                    format!("牵头单位 \"{lead_unit}\" 就是本单位；上下联动应由上级牵头")
                }
                En => {
                    format!("lead unit \"{lead_unit}\" is the item's own unit; a linked fix is led from above")
                },
            },
            LinkMsg::LeadUnitHelp => match lang {
                Zh => {
                    "写牵头单位的机构路径，即其文件夹相对于根目录的路径，如 \"杭州市/西湖区\"".into()
                }
                En => {
                    "write the org path of the leading unit: its folder relative to the root, like \"杭州市/西湖区\"".into()
                },
            },
            LinkMsg::DuplicateItemId { id, other } => match lang {
                Zh => {
                    format!("同一单位的两个事项编号都是 \"{id}\"（另一个在 {other}）")
                }
                En => {
                    format!("two items of one unit have the id \"{id}\" (the other is {other})")
                },
            },
            LinkMsg::FirstDefinedHere => match lang {
                Zh => "首次出现在这里".into(),
                En => "first defined here".into(),
            },
            LinkMsg::OrphanItem => match lang {
                Zh => "事项不属于任何单位：上级各文件夹中都没有 unit.toml".into(),
                En => {
                    "item outside every unit: no folder above it holds a unit.toml".into()
                },
            },
            LinkMsg::OrphanItemHelp => match lang {
                Zh => {
                    "把事项移到单位文件夹的 items/ 下，或在其上级文件夹中新建 unit.toml".into()
                }
                En => {
                    "move it into a unit's items/ folder, or add a unit.toml to a folder above it".into()
                },
            },
        }
    }
}
