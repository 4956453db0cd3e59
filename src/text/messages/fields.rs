//! The words of reading a record's fields (`model::fields`, `model`): keys unknown, missing or
//! empty, values of the wrong type or outside their range, dates written wrong, in Chinese and
//! in English.

use crate::text::i18n::{Lang, choices, names};

/// The kinds of TOML value, for "expected … found …".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    String,
    Integer,
    Float,
    Bool,
    Date,
    Datetime,
    Array,
    StringArray,
    Table,
    ArrayOfTables,
}

impl ValueKind {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ValueKind::String, Lang::Zh) => "字符串",
            (ValueKind::String, Lang::En) => "a string",
            (ValueKind::Integer, Lang::Zh) => "整数",
            (ValueKind::Integer, Lang::En) => "an integer",
            (ValueKind::Float, Lang::Zh) => "小数",
            (ValueKind::Float, Lang::En) => "a float",
            (ValueKind::Bool, Lang::Zh) => "布尔值（true 或 false）",
            (ValueKind::Bool, Lang::En) => "a boolean (true or false)",
            (ValueKind::Date, Lang::Zh) => "日期（如2015-02-28）",
            (ValueKind::Date, Lang::En) => "a date (like 2015-02-28)",
            (ValueKind::Datetime, Lang::Zh) => "日期时间",
            (ValueKind::Datetime, Lang::En) => "a date-time",
            (ValueKind::Array, Lang::Zh) => "数组",
            (ValueKind::Array, Lang::En) => "an array",
            (ValueKind::StringArray, Lang::Zh) => "字符串数组（如 [\"…\", \"…\"]）",
            (ValueKind::StringArray, Lang::En) => "an array of strings (like [\"…\", \"…\"])",
            (ValueKind::Table, Lang::Zh) => "表",
            (ValueKind::Table, Lang::En) => "a table",
            (ValueKind::ArrayOfTables, Lang::Zh) => "表数组（[[…]]）",
            (ValueKind::ArrayOfTables, Lang::En) => "an array of tables ([[…]])",
        }
    }
}

/// What keeps a written date off the calendar (E027), from the year, month and day written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFault {
    /// Not written year-month-day with a four-digit year and a two-digit month and day.
    Form,
    /// A year past 9999. A TOML date writes its year in four digits, so a record never has
    /// one; a date made from numbers may.
    Year { year: u16 },
    /// A month outside 1–12.
    Month { month: u8 },
    /// A day that `month` of `year`, which has `days` days, does not have.
    Day {
        year: u16,
        month: u8,
        day: u8,
        days: u8,
    },
    /// A day, followed by a time or an offset that does not exist (`T25:00`).
    Time,
}

impl DateFault {
    fn sentence(self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match (self, lang) {
            (DateFault::Form, Zh) => {
                "日期应写作年-月-日，年四位，月、日各两位（如2015-03-01）".to_owned()
            }
            (DateFault::Form, En) => {
                "a date is written year-month-day, with a four-digit year and a \
                two-digit month and day (like 2015-03-01)"
                    .to_owned()
            }
            (DateFault::Year { year }, Zh) => format!("年份{year}超出0～9999的范围"),
            (DateFault::Year { year }, En) => format!("the year {year} is outside 0 to 9999"),
            (DateFault::Month { month }, Zh) => format!("没有{month}月（月份为1～12）"),
            (DateFault::Month { month }, En) => {
                format!("there is no month {month} (months are 1 to 12)")
            }
            (
                DateFault::Day {
                    year,
                    month,
                    day,
                    days,
                },
                Zh,
            ) => format!("{year}年{month}月只有{days}天，没有{day}日"),
            (
                DateFault::Day {
                    year,
                    month,
                    day,
                    days,
                },
                En,
            ) => {
                let name = MONTHS
                    .get(usize::from(month).saturating_sub(1))
                    .unwrap_or(&"");
                format!("{name} {year} has {days} days, no day {day}")
            }
            (DateFault::Time, Zh) => "日期后的时间或时区不存在；只写日期即可".to_owned(),
            (DateFault::Time, En) => {
                "the time or offset after the date does not exist; write the date alone".to_owned()
            }
        }
    }
}

/// The months' names in English, January first.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A sentence about a record's fields, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldMsg {
    UnknownKey {
        key: String,
    },
    KnownKeys {
        keys: Vec<String>,
    },
    MissingField {
        key: String,
    },
    EmptyField {
        key: String,
    },
    WrongType {
        key: String,
        expected: ValueKind,
        found: ValueKind,
    },
    BadValue {
        key: String,
        value: String,
        allowed: Vec<String>,
    },
    NotPositive {
        key: String,
        value: String,
    },
    BelowMinimum {
        key: String,
        value: String,
        min: i64,
    },
    Placeholder {
        key: String,
        value: String,
    },
    PlaceholderHelp,
    IntegerOutOfRange {
        key: String,
        value: String,
        allowed: Vec<String>,
    },
    IntegerTooLarge {
        key: String,
        value: String,
    },
    DateAsString {
        key: String,
        value: String,
    },
    WriteBareDate {
        key: String,
        date: Option<String>,
    },
    DottedAnswerKey {
        key: String,
    },
    QuoteAnswerKey {
        key: String,
        value: String,
    },
    DateWithTime {
        key: String,
    },
    InvalidDate {
        fault: DateFault,
    },
}

impl FieldMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            FieldMsg::UnknownKey { key } => match lang {
                Zh => format!("未知的键 `{key}`"),
                En => format!("unknown key `{key}`"),
            },
            FieldMsg::KnownKeys { keys } => {
                let keys = names(keys);
                match lang {
                    Zh => format!("此处可用的键：{keys}"),
                    En => format!("the keys allowed here: {keys}"),
                }
            }
            FieldMsg::MissingField { key } => match lang {
                Zh => format!("缺少必填字段 `{key}`"),
                En => format!("missing required field `{key}`"),
            },
            FieldMsg::EmptyField { key } => match lang {
                Zh => format!("字段 `{key}` 不能为空"),
                En => format!("field `{key}` must not be empty"),
            },
            FieldMsg::WrongType {
                key,
                expected,
                found,
            } => match lang {
                Zh => {
                    format!(
                        "`{key}` 应为{}，实际是{}",
                        expected.name(Zh),
                        found.name(Zh)
                    )
                }
                En => {
                    format!(
                        "`{key}` must be {}, found {}",
                        expected.name(En),
                        found.name(En)
                    )
                }
            },
            FieldMsg::BadValue {
                key,
                value,
                allowed,
            } => {
                let allowed = choices(allowed);
                match lang {
                    Zh => {
                        format!("`{key}` 的值 \"{value}\" 不在允许范围内；可选：{allowed}")
                    }
                    En => {
                        format!("`{key}` = \"{value}\" is not allowed; allowed values: {allowed}")
                    }
                }
            }
            FieldMsg::NotPositive { key, value } => match lang {
                Zh => {
                    format!("`{key}` 应为正整数，实际是{value}")
                }
                En => {
                    format!("`{key}` must be a positive integer, not {value}")
                }
            },
            FieldMsg::BelowMinimum { key, value, min } => match lang {
                Zh => format!("`{key}` 应为不小于{min}的整数，实际是{value}"),
                En => format!("`{key}` must be a whole number of at least {min}, not {value}"),
            },
            FieldMsg::Placeholder { key, value } => match lang {
                Zh => {
                    format!("`{key}` 仍是模板的占位文字 \"{value}\"")
                }
                En => {
                    format!("`{key}` still holds the template's placeholder \"{value}\"")
                }
            },
            FieldMsg::PlaceholderHelp => match lang {
                Zh => "填写实际内容；不需要的可选字段整行删去".into(),
                En => "write the real content; remove an optional field that is not needed".into(),
            },
            FieldMsg::IntegerOutOfRange {
                key,
                value,
                allowed,
            } => {
                let allowed = choices(allowed);
                match lang {
                    Zh => {
                        format!("`{key}` 的值{value}不在允许范围内；可选：{allowed}")
                    }
                    En => {
                        format!("`{key}` = {value} is not allowed; allowed values: {allowed}")
                    }
                }
            }
            FieldMsg::IntegerTooLarge { key, value } => match lang {
                Zh => format!("`{key}` 的值{value}超出整数范围"),
                En => {
                    format!("`{key}` = {value} is too large for an integer")
                }
            },
            FieldMsg::DateAsString { key, value } => match lang {
                Zh => {
                    format!("日期 `{key}` 写成了字符串 \"{value}\"")
                }
                En => {
                    format!("the date `{key}` is written as a string \"{value}\"")
                }
            },
            FieldMsg::WriteBareDate { key, date } => match lang {
                Zh => match date {
                    Some(date) => {
                        format!("日期不加引号，写作 `{key} = {date}`")
                    }
                    None => {
                        format!("日期不加引号，按 年-月-日 写作 `{key} = 2015-02-28`")
                    }
                },
                En => match date {
                    Some(date) => {
                        format!("write a bare TOML date, without quotes: `{key} = {date}`")
                    }
                    None => {
                        format!(
                            "write a bare TOML date as year-month-day, without quotes: `{key} = 2015-02-28`"
                        )
                    }
                },
            },
            FieldMsg::DottedAnswerKey { key } => match lang {
                Zh => {
                    format!("检查要点编号 `{key}` 没有加引号，被当成了嵌套的表")
                }
                En => {
                    format!(
                        "the check point id `{key}` is not quoted, so TOML reads it as nested tables"
                    )
                }
            },
            FieldMsg::QuoteAnswerKey { key, value } => match lang {
                Zh => {
                    format!("给编号加上引号：`\"{key}\" = {value}`")
                }
                En => {
                    format!("quote the id: `\"{key}\" = {value}`")
                }
            },
            FieldMsg::DateWithTime { key } => match lang {
                Zh => {
                    format!("`{key}` 只需日期，不要写时间或时区")
                }
                En => {
                    format!("`{key}` takes a date alone, without a time or offset")
                }
            },
            FieldMsg::InvalidDate { fault } => match lang {
                Zh => format!("不是有效的日期：{}", fault.sentence(lang)),
                En => format!("not a valid calendar date: {}", fault.sentence(lang)),
            },
        }
    }
}
