//! The words of stored reports (`rollup::stored`, `rollup::merge`): a report read back from
//! JSON, and the reports `merge` refuses to add up, in Chinese and in English.

use crate::text::i18n::Lang;

/// A sentence about a stored report or a merge, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredMsg {
    StoredTooLarge {
        path: String,
        size: u64,
        max: u64,
    },
    StoredNotJson {
        path: String,
        detail: String,
    },
    StoredNotReport {
        path: String,
        format: String,
    },
    StoredVersion {
        path: String,
        version: String,
    },
    StoredDoesNotAddUp {
        path: String,
        what: String,
        stated: u64,
        summed: u64,
    },
    StoredOutside {
        path: String,
        what: String,
        org: String,
    },
    StoredUnsorted {
        path: String,
        what: String,
    },
    MergeDiffers {
        a: String,
        b: String,
        what: String,
        left: String,
        right: String,
    },
    MergeDiffersHelp,
    MergeOverlap {
        holder: String,
        held: String,
    },
    MergeOverlapHelp,
    MergeSameName {
        a: String,
        b: String,
        name: String,
    },
    MergeSameNameHelp,
    MergeNameInvalid {
        path: String,
        name: String,
    },
    MergeTooLarge,
    StoredPublicNames {
        path: String,
        field: String,
    },
    StoredPublicNamesHelp,
    NameInvalid {
        name: String,
    },
    NameRulesHelp,
}

impl StoredMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            StoredMsg::StoredTooLarge { path, size, max } => match lang {
                Zh => {
                    format!("{path}：文件有{size}字节，超过报告文件的上限{max}字节，未读取")
                }
                En => {
                    format!("{path}: {size} bytes, more than a report file may have ({max} bytes); not read")
                },
            },
            StoredMsg::StoredNotJson { path, detail } => match lang {
                Zh => {
                    format!("{path}：不是完整有效的报告 JSON（{detail}）")
                }
                En => {
                    format!("{path}: not a complete, valid report JSON ({detail})")
                },
            },
            StoredMsg::StoredNotReport { path, format } => match lang {
                Zh => {
                    format!("{path}：不是 huitoukan 的报告（format 为 {format}，应为 \"huitoukan-report\"）")
                }
                En => {
                    format!("{path}: not a huitoukan report (format is {format}, not \"huitoukan-report\")")
                },
            },
            StoredMsg::StoredVersion { path, version } => match lang {
                Zh => {
                    format!("{path}：报告版本{version}无法读取，本程序读取版本1")
                }
                En => {
                    format!("{path}: report version {version} cannot be read; this program reads version 1")
                },
            },
            StoredMsg::StoredDoesNotAddUp { path, what, stated, summed } => match lang {
                Zh => {
                    format!("{path}：数字对不上：{what} 为{stated}，其组成部分合计为{summed}")
                }
                En => {
                    format!("{path}: the counts do not add up: {what} is {stated}, its parts add up to {summed}")
                },
            },
            StoredMsg::StoredOutside { path, what, org } => match lang {
                Zh => {
                    format!("{path}：{what} 不在报告的机构 {org} 之内")
                }
                En => {
                    format!("{path}: {what} is not within the report's org {org}")
                },
            },
            StoredMsg::StoredUnsorted { path, what } => match lang {
                Zh => {
                    format!("{path}：{what} 未按机构的层级次序排列（同一机构的单位应相连，上级在前），或重复列出")
                }
                En => {
                    format!("{path}: {what} is out of the tree's order (the units of a folder together, a folder before what it holds), or listed twice")
                },
            },
            StoredMsg::MergeDiffers { a, b, what, left, right } => match lang {
                Zh => {
                    format!("{a} 与 {b} 的 {what} 不同（{left} 与 {right}），不能汇总")
                }
                En => {
                    format!("{a} and {b} differ in {what} ({left} and {right}); they cannot be merged")
                },
            },
            StoredMsg::MergeDiffersHelp => match lang {
                Zh => {
                    "只能汇总同一项工作、同一方案、同一截止日期的报告；截止日期不同而确需汇总的，加 --allow-mixed-dates".into()
                }
                En => {
                    "only reports of one campaign, one schema and one as-of date add up; for reports of different dates, add --allow-mixed-dates".into()
                },
            },
            StoredMsg::MergeOverlap { holder, held } => match lang {
                Zh => format!("{holder} 已包含 {held} 的单位，一起汇总会重复计算"),
                En => format!("{holder} already holds the units of {held}; merged together they would be counted twice"),
            },
            StoredMsg::MergeOverlapHelp => match lang {
                Zh => "只汇总同一级的报告：或者汇总各下级报告，或者直接使用已汇总的报告".into(),
                En => "merge reports of one level: either the parts, or the report already merged from them".into(),
            },
            StoredMsg::MergeSameName { a, b, name } => match lang {
                Zh => format!("{a} 与 {b} 同名（{name}），不能作为两个下级汇总"),
                En => {
                    format!("{a} and {b} have the same name ({name}); they cannot be two children of one report")
                },
            },
            StoredMsg::MergeSameNameHelp => match lang {
                Zh => {
                    "报告以 campaign.region 命名，没有则以 org、再以文件名命名；同一地区的报告只汇总一份".into()
                }
                En => {
                    "a report is named by its campaign.region, else its org, else its file's name; merge one report per region".into()
                },
            },
            StoredMsg::MergeNameInvalid { path, name } => match lang {
                Zh => {
                    format!("{path}：名称 {name:?} 不能作为机构名（文件夹名）")
                }
                En => {
                    format!("{path}: the name {name:?} cannot name an org (a folder)")
                },
            },
            StoredMsg::MergeTooLarge => match lang {
                Zh => "汇总后的数字超出范围（超过4294967295）".into(),
                En => "the merged counts are out of range (above 4294967295)".into(),
            },
            StoredMsg::StoredPublicNames { path, field } => match lang {
                Zh => format!("{path} 自称公示稿（public: true），却在 {field} 中含有人名，不予使用"),
                En => format!("{path} says it is public (public: true) yet names a person in {field}; not used"),
            },
            StoredMsg::StoredPublicNamesHelp => match lang {
                Zh => "公示稿不得含人名：请报送单位用 `report --public --format json` 重新生成".into(),
                En => "a public report names no one: ask its office to make it again with `report --public --format json`".into(),
            },
            StoredMsg::NameInvalid { name } => match lang {
                Zh => format!("名称 {name:?} 不能作为机构名（文件夹名）"),
                En => format!("the name {name:?} cannot name an org (a folder)"),
            },
            StoredMsg::NameRulesHelp => match lang {
                Zh => "机构名不能为空，不能含 / \\ : * ? \" < > | 或控制字符，不能以 . 开头，不能以 . 或空格结尾，不能是 CON、PRN、AUX、NUL、COM1—COM9、LPT1—LPT9 等 Windows 设备名，最多255字节".into(),
                En => "an org's name is not empty, has no / \\ : * ? \" < > | or control character, does not start with a dot or end with a dot or a space, is no Windows device name (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9), and has at most 255 bytes".into(),
            },
        }
    }
}
