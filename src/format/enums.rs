//! The enumerations of the record format: written in Chinese, with English aliases on input.

use serde::Serialize;

/// A closed set of values written as strings in a record.
pub trait Enumeration: Sized + Copy + 'static {
    /// Every accepted spelling and the value it means; the first spelling of each value is its
    /// canonical (Chinese) one.
    const SPELLINGS: &'static [(&'static str, Self)];
    /// The canonical values, in order, for "allowed values" messages.
    const VALUES: &'static [Self];

    fn parse(text: &str) -> Option<Self> {
        Self::SPELLINGS
            .iter()
            .find(|(s, _)| *s == text)
            .map(|&(_, v)| v)
    }

    /// The canonical spelling.
    fn label(self) -> &'static str;

    /// The canonical spellings, in order.
    fn labels() -> Vec<String> {
        Self::VALUES.iter().map(|v| v.label().to_owned()).collect()
    }

    /// `a | b | c`: the canonical spellings.
    fn allowed() -> String {
        Self::labels().join(" | ")
    }
}

/// An enumeration's spellings as plain data, for the field table of [`super::format`]: what a
/// JSON Schema lists and what the docs show.
#[derive(Clone, Copy, Debug)]
pub struct Allowed {
    /// The canonical spellings, in order.
    pub values: &'static [&'static str],
    /// Every accepted spelling, each value's canonical one first.
    pub spellings: &'static [&'static str],
}

impl Allowed {
    /// The spellings accepted besides the canonical ones, in order.
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.spellings
            .iter()
            .copied()
            .filter(|s| !self.values.contains(s))
    }
}

macro_rules! enumeration {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $label:literal $(| $alias:literal)*),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            /// The spellings as data: see [`Allowed`].
            pub const ALLOWED: Allowed = Allowed {
                values: &[$($label),*],
                spellings: &[$($label, $($alias,)*)*],
            };
        }

        impl Enumeration for $name {
            const SPELLINGS: &'static [(&'static str, Self)] =
                &[$(($label, $name::$variant), $(($alias, $name::$variant),)*)*];
            const VALUES: &'static [Self] = &[$($name::$variant),*];

            fn label(self) -> &'static str {
                match self { $($name::$variant => $label),* }
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.label())
            }
        }

        /// Any accepted spelling, as in a record (a stored report writes the canonical one).
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!("`{text}`: expected {}", Self::allowed()))
                })
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let values: Vec<&str> = Self::VALUES.iter().map(|v| v.label()).collect();
                schemars::json_schema!({ "type": "string", "enum": values })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

enumeration! {
    /// The kind of subject a unit is (对领导班子 / 对基层党组织).
    Category { LeadershipBody = "领导班子", Grassroots = "基层党组织" }
}

enumeration! {
    /// 整改状态.
    Status {
        Done = "已完成" | "done",
        MostlyDone = "基本完成" | "mostly-done",
        Open = "未完成" | "open",
        Ineffective = "效果不理想" | "ineffective",
    }
}

enumeration! {
    /// Where an item came from.
    Source {
        Plan = "整改方案",
        SpecialTask = "专项整治",
        NewlyFound = "新发现",
        InspectionFeedback = "督查反馈",
        Assigned = "上级交办",
        PublicComplaint = "群众反映",
    }
}

enumeration! {
    /// Whose rectification an item is: the leadership body's or one cadre's own.
    Owner { Body = "班子" | "班子整改", Person = "个人" | "个人整改" }
}

enumeration! {
    /// 群众满意度.
    Satisfaction { Satisfied = "满意", MostlySatisfied = "基本满意", Unsatisfied = "不满意", NotAssessed = "未测评" }
}

enumeration! {
    /// A self-check answer to one check point (逐项说明), in the office's words; the older
    /// 是 | 部分 | 否 | 不适用 are accepted as the same values.
    Answer {
        Yes = "已落实" | "是" | "yes",
        Partly = "部分落实" | "部分" | "partly",
        No = "未落实" | "否" | "no",
        NotApplicable = "不涉及" | "不适用" | "n/a",
    }
}

enumeration! {
    /// Who reviewed a unit's self-check.
    ReviewKind {
        Inspection = "督查组审核",
        Guidance = "督导组检查",
        SpotCheck = "整改办抽查",
        LeaderCheck = "领导检查",
    }
}

enumeration! {
    /// What an institution of a 制度建设“计划书” does.
    InstitutionKind { New = "新建", Revised = "修订", Repealed = "废止" }
}

enumeration! {
    /// What a review concluded.
    ReviewResult { Passed = "通过", Returned = "退回", FillGaps = "查漏补缺" }
}
