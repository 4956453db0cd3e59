//! Reading typed fields out of a spanned TOML table.
//!
//! Every accessor reports what is wrong with a value as a diagnostic and returns `None`, so a
//! file yields all of its problems in one run. Unknown keys are reported when a table is opened,
//! with the closest known key as a suggestion.

use std::borrow::Cow;
use std::ops::Range;

use jiff::civil::Date;
use toml::Spanned;

use crate::diagnostic::span::Sp;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diagnostic::{Code, Diagnostic};
use crate::format::enums::Enumeration;
use crate::load::source::{FileId, SourceFile, Unreadable};
use crate::text::i18n::Msg;
use crate::text::messages::fields::{FieldMsg, ValueKind};
pub use crate::text::suggest::did_you_mean;

/// A string value that stays in the file's text until it is shown: its span is the literal
/// (quotes and escapes included), read through [`FileText`]. Only whether it is blank is known
/// without reading it, which is all the rules ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub blank: bool,
}

/// An array of strings that stays in the file's text; read through [`FileText`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextList {
    /// Whether any element holds more than space.
    pub filled: bool,
}

/// One record file's text, unpacked once: the one way to the strings of its [`Text`] and
/// [`TextList`] fields. A value that does not read back as the string it was read as is an
/// error ([`Unreadable`]), never an empty string.
pub struct FileText<'r> {
    path: &'r str,
    text: Cow<'r, str>,
}

impl<'r> FileText<'r> {
    pub fn of(file: &'r SourceFile) -> Result<FileText<'r>, Unreadable> {
        Ok(FileText {
            path: file.path(),
            text: file.text()?,
        })
    }

    /// The string of a text field.
    pub fn string(&self, value: &Sp<Text>) -> Result<String, Unreadable> {
        match self.literal(value.span())? {
            DeValue::String(s) => Ok(s.into_owned()),
            _ => Err(self.unreadable(value.span())),
        }
    }

    /// The string of a text field, where it is written.
    pub fn field(&self, value: &Option<Sp<Text>>) -> Result<Option<String>, Unreadable> {
        value.as_ref().map(|t| self.string(t)).transpose()
    }

    /// The strings of a list (a single string where one was written alone); none where it is
    /// not written. An element that is not a string was an error of the file when it was read,
    /// and is not among them.
    pub fn fields(&self, value: &Option<Sp<TextList>>) -> Result<Vec<String>, Unreadable> {
        let Some(list) = value else {
            return Ok(Vec::new());
        };
        match self.literal(list.span())? {
            DeValue::String(s) => Ok(vec![s.into_owned()]),
            DeValue::Array(array) => Ok(array
                .iter()
                .filter_map(|e| e.get_ref().as_str().map(str::to_owned))
                .collect()),
            _ => Err(self.unreadable(list.span())),
        }
    }

    /// The value written at `span`, read again.
    fn literal(&self, span: Range<usize>) -> Result<DeValue<'_>, Unreadable> {
        match self.text.get(span.clone()).map(DeValue::parse) {
            Some(Ok(value)) => Ok(value.into_inner()),
            _ => Err(self.unreadable(span)),
        }
    }

    fn unreadable(&self, span: Range<usize>) -> Unreadable {
        Unreadable {
            path: self.path.to_owned(),
            offset: Some(span.start),
        }
    }
}

/// A record file's text, unpacked the first time one of its fields is read, and only then: for
/// a pass over many records that reads a few fields of some.
pub struct LazyText<'r> {
    file: &'r SourceFile,
    text: std::cell::OnceCell<FileText<'r>>,
}

impl<'r> LazyText<'r> {
    pub fn of(file: &'r SourceFile) -> LazyText<'r> {
        LazyText {
            file,
            text: std::cell::OnceCell::new(),
        }
    }

    /// The text, unpacked now where it was not before.
    pub fn get(&self) -> Result<&FileText<'r>, Unreadable> {
        if let Some(text) = self.text.get() {
            return Ok(text);
        }
        let text = FileText::of(self.file)?;
        Ok(self.text.get_or_init(|| text))
    }
}

/// Where diagnostics of one file go.
pub struct Sink {
    pub file: FileId,
    pub diagnostics: Vec<Diagnostic>,
}

impl Sink {
    pub fn new(file: FileId) -> Self {
        Sink {
            file,
            diagnostics: Vec::new(),
        }
    }

    pub fn push(&mut self, code: Code, span: Range<usize>, message: Msg, help: Option<Msg>) {
        self.diagnostics
            .push(Diagnostic::at(code, self.file, span, message).with_help(help));
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == crate::diagnostic::Severity::Error)
    }
}

pub fn kind_of(value: &DeValue<'_>) -> ValueKind {
    match value {
        DeValue::String(_) => ValueKind::String,
        DeValue::Integer(_) => ValueKind::Integer,
        DeValue::Float(_) => ValueKind::Float,
        DeValue::Boolean(_) => ValueKind::Bool,
        DeValue::Datetime(d) if d.time.is_none() && d.offset.is_none() && d.date.is_some() => {
            ValueKind::Date
        }
        DeValue::Datetime(_) => ValueKind::Datetime,
        DeValue::Array(_) => ValueKind::Array,
        DeValue::Table(_) => ValueKind::Table,
    }
}

/// A table being read: its entries, its span, and the key path that led to it.
pub struct Fields<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Range<usize>,
    prefix: String,
}

impl<'a, 'i> Fields<'a, 'i> {
    /// Opens a table and reports every key not in `known`.
    pub fn open(
        sink: &mut Sink,
        table: &'a DeTable<'i>,
        span: Range<usize>,
        prefix: &str,
        known: &[&str],
    ) -> Self {
        for key in table.keys() {
            let name = key.get_ref().as_ref();
            if !known.contains(&name) {
                let help = match did_you_mean(name, known.iter().copied()) {
                    Some(s) => Msg::DidYouMean {
                        suggestion: s.to_owned(),
                    },
                    None => FieldMsg::KnownKeys {
                        keys: known.iter().map(|k| (*k).to_owned()).collect(),
                    }
                    .into(),
                };
                sink.push(
                    Code::UnknownKey,
                    key.span(),
                    FieldMsg::UnknownKey {
                        key: join_key(prefix, name),
                    }
                    .into(),
                    Some(help),
                );
            }
        }
        Fields {
            table,
            span,
            prefix: prefix.to_owned(),
        }
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    pub fn path(&self, key: &str) -> String {
        join_key(&self.prefix, key)
    }

    pub fn raw(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    /// The span of a key itself, for "this field" labels.
    pub fn key_span(&self, key: &str) -> Option<Range<usize>> {
        self.table.get_key_value(key).map(|(k, _)| k.span())
    }

    fn wrong_type(
        &self,
        sink: &mut Sink,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        expected: ValueKind,
    ) {
        sink.push(
            Code::WrongType,
            value.span(),
            FieldMsg::WrongType {
                key: self.path(key),
                expected,
                found: kind_of(value.get_ref()),
            }
            .into(),
            None,
        );
    }

    pub fn missing(&self, sink: &mut Sink, key: &str) {
        sink.push(
            Code::MissingField,
            self.span(),
            FieldMsg::MissingField {
                key: self.path(key),
            }
            .into(),
            None,
        );
    }

    /// A template's placeholder left in a value (E035): the record is not filled in yet.
    fn placeholder(&self, sink: &mut Sink, key: &str, value: &Spanned<DeValue<'_>>, text: &str) {
        if text.contains(crate::model::template::PLACEHOLDER) {
            let msg = FieldMsg::Placeholder {
                key: self.path(key),
                value: text.to_owned(),
            };
            sink.push(
                Code::Placeholder,
                value.span(),
                msg.into(),
                Some(FieldMsg::PlaceholderHelp.into()),
            );
        }
    }

    pub fn string(&self, sink: &mut Sink, key: &str) -> Option<Sp<String>> {
        let value = self.raw(key)?;
        match value.get_ref() {
            DeValue::String(s) => {
                self.placeholder(sink, key, value, s);
                Some(Sp::new(value.span(), s.as_ref().to_owned()))
            }
            _ => {
                self.wrong_type(sink, key, value, ValueKind::String);
                None
            }
        }
    }

    /// A string that must be present and not blank.
    pub fn required_string(&self, sink: &mut Sink, key: &str) -> Option<Sp<String>> {
        self.non_blank(sink, key, Self::string, |s| s.trim().is_empty())
    }

    /// A value that must be present, read by `read`, and not `blank`.
    fn non_blank<T>(
        &self,
        sink: &mut Sink,
        key: &str,
        read: fn(&Self, &mut Sink, &str) -> Option<Sp<T>>,
        blank: fn(&T) -> bool,
    ) -> Option<Sp<T>> {
        let Some(value) = self.raw(key) else {
            self.missing(sink, key);
            return None;
        };
        let read = read(self, sink, key)?;
        if blank(read.get_ref()) {
            let msg = FieldMsg::EmptyField {
                key: self.path(key),
            };
            sink.push(Code::MissingField, value.span(), msg.into(), None);
            return None;
        }
        Some(read)
    }

    /// A string left in the file (see [`Text`]).
    pub fn text(&self, sink: &mut Sink, key: &str) -> Option<Sp<Text>> {
        let value = self.raw(key)?;
        match value.get_ref() {
            DeValue::String(s) => {
                self.placeholder(sink, key, value, s);
                Some(Sp::new(
                    value.span(),
                    Text {
                        blank: s.trim().is_empty(),
                    },
                ))
            }
            _ => {
                self.wrong_type(sink, key, value, ValueKind::String);
                None
            }
        }
    }

    /// A text that must be present and not blank.
    pub fn required_text(&self, sink: &mut Sink, key: &str) -> Option<Sp<Text>> {
        self.non_blank(sink, key, Self::text, |t| t.blank)
    }

    /// An array of strings left in the file (see [`TextList`]).
    pub fn text_list(&self, sink: &mut Sink, key: &str) -> Option<Sp<TextList>> {
        let value = self.raw(key)?;
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(sink, key, value, ValueKind::StringArray);
            return None;
        };
        let mut filled = false;
        for element in array.iter() {
            match element.get_ref() {
                DeValue::String(s) => {
                    self.placeholder(sink, key, element, s);
                    filled |= !s.trim().is_empty();
                }
                _ => self.wrong_type(sink, key, element, ValueKind::String),
            }
        }
        Some(Sp::new(value.span(), TextList { filled }))
    }

    /// A string or an array of strings, as a list (see [`TextList`]).
    pub fn text_or_list(&self, sink: &mut Sink, key: &str) -> Option<Sp<TextList>> {
        let value = self.raw(key)?;
        match value.get_ref() {
            DeValue::String(s) => {
                self.placeholder(sink, key, value, s);
                Some(Sp::new(
                    value.span(),
                    TextList {
                        filled: !s.trim().is_empty(),
                    },
                ))
            }
            _ => self.text_list(sink, key),
        }
    }

    pub fn bool(&self, sink: &mut Sink, key: &str) -> Option<Sp<bool>> {
        let value = self.raw(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Sp::new(value.span(), *b)),
            _ => {
                self.wrong_type(sink, key, value, ValueKind::Bool);
                None
            }
        }
    }

    pub fn integer(&self, sink: &mut Sink, key: &str) -> Option<Sp<i64>> {
        let value = self.raw(key)?;
        match value.get_ref() {
            DeValue::Integer(i) => {
                match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
                    Ok(n) => Some(Sp::new(value.span(), n)),
                    Err(_) => {
                        let msg = FieldMsg::IntegerTooLarge {
                            key: self.path(key),
                            value: i.as_str().to_owned(),
                        };
                        sink.push(Code::WrongType, value.span(), msg.into(), None);
                        None
                    }
                }
            }
            _ => {
                self.wrong_type(sink, key, value, ValueKind::Integer);
                None
            }
        }
    }

    /// An integer that must be one of `allowed`.
    pub fn integer_in(&self, sink: &mut Sink, key: &str, allowed: &[i64]) -> Option<Sp<i64>> {
        let n = self.integer(sink, key)?;
        if allowed.contains(n.get_ref()) {
            return Some(n);
        }
        let list = allowed.iter().map(i64::to_string).collect();
        sink.push(
            Code::BadValue,
            n.span(),
            FieldMsg::IntegerOutOfRange {
                key: self.path(key),
                value: n.get_ref().to_string(),
                allowed: list,
            }
            .into(),
            None,
        );
        None
    }

    /// An integer of at least 1.
    pub fn positive_integer(&self, sink: &mut Sink, key: &str) -> Option<Sp<i64>> {
        self.integer_at_least(sink, key, 1)
    }

    /// An integer of at least `min`.
    pub fn integer_at_least(&self, sink: &mut Sink, key: &str, min: i64) -> Option<Sp<i64>> {
        let n = self.integer(sink, key)?;
        if *n.get_ref() >= min {
            return Some(n);
        }
        let (key, value) = (self.path(key), n.get_ref().to_string());
        let msg = if min == 1 {
            FieldMsg::NotPositive { key, value }
        } else {
            FieldMsg::BelowMinimum { key, value, min }
        };
        sink.push(Code::BadValue, n.span(), msg.into(), None);
        None
    }

    pub fn date(&self, sink: &mut Sink, key: &str) -> Option<Sp<Date>> {
        let value = self.raw(key)?;
        read_date(sink, &self.path(key), value)
    }

    pub fn enumeration<E: Enumeration>(&self, sink: &mut Sink, key: &str) -> Option<Sp<E>> {
        let value = self.raw(key)?;
        read_enum(sink, &self.path(key), value)
    }

    pub fn strings(&self, sink: &mut Sink, key: &str) -> Option<Sp<Vec<Sp<String>>>> {
        let value = self.raw(key)?;
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(sink, key, value, ValueKind::StringArray);
            return None;
        };
        let mut out = Vec::with_capacity(array.len());
        for element in array.iter() {
            match element.get_ref() {
                DeValue::String(s) => out.push(Sp::new(element.span(), s.as_ref().to_owned())),
                _ => self.wrong_type(sink, key, element, ValueKind::String),
            }
        }
        Some(Sp::new(value.span(), out))
    }

    pub fn table(&self, sink: &mut Sink, key: &str) -> Option<(&'a DeTable<'i>, Range<usize>)> {
        let value = self.raw(key)?;
        match value.get_ref() {
            DeValue::Table(t) => Some((t, value.span())),
            _ => {
                self.wrong_type(sink, key, value, ValueKind::Table);
                None
            }
        }
    }

    pub fn tables(&self, sink: &mut Sink, key: &str) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
        let Some(value) = self.raw(key) else {
            return Vec::new();
        };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(sink, key, value, ValueKind::ArrayOfTables);
            return Vec::new();
        };
        tables_of(sink, &self.path(key), array)
    }
}

fn tables_of<'a, 'i>(
    sink: &mut Sink,
    path: &str,
    array: &'a DeArray<'i>,
) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
    let mut out = Vec::new();
    for element in array.iter() {
        match element.get_ref() {
            DeValue::Table(t) => out.push((t, element.span())),
            other => sink.push(
                Code::WrongType,
                element.span(),
                FieldMsg::WrongType {
                    key: path.to_owned(),
                    expected: ValueKind::Table,
                    found: kind_of(other),
                }
                .into(),
                None,
            ),
        }
    }
    out
}

pub fn join_key(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

pub fn read_enum<E: Enumeration>(
    sink: &mut Sink,
    path: &str,
    value: &Spanned<DeValue<'_>>,
) -> Option<Sp<E>> {
    let DeValue::String(s) = value.get_ref() else {
        sink.push(
            Code::WrongType,
            value.span(),
            FieldMsg::WrongType {
                key: path.to_owned(),
                expected: ValueKind::String,
                found: kind_of(value.get_ref()),
            }
            .into(),
            None,
        );
        return None;
    };
    match E::parse(s.trim()) {
        Some(v) => Some(Sp::new(value.span(), v)),
        None => {
            // Close to any spelling (an older one too, 部份 -> 部分), the value's own is suggested.
            let spellings = E::SPELLINGS.iter().map(|(s, _)| *s);
            let help = did_you_mean(s, spellings)
                .and_then(E::parse)
                .map(|v| Msg::DidYouMean {
                    suggestion: v.label().to_owned(),
                });
            sink.push(
                Code::BadValue,
                value.span(),
                FieldMsg::BadValue {
                    key: path.to_owned(),
                    value: s.to_string(),
                    allowed: E::labels(),
                }
                .into(),
                help,
            );
            None
        }
    }
}

pub fn read_date(sink: &mut Sink, path: &str, value: &Spanned<DeValue<'_>>) -> Option<Sp<Date>> {
    match value.get_ref() {
        DeValue::Datetime(dt) => {
            let Some(d) = dt.date.filter(|_| dt.time.is_none() && dt.offset.is_none()) else {
                sink.push(
                    Code::InvalidDate,
                    value.span(),
                    FieldMsg::DateWithTime {
                        key: path.to_owned(),
                    }
                    .into(),
                    None,
                );
                return None;
            };
            match crate::load::date::calendar_date(d.year, d.month, d.day) {
                Ok(date) => Some(Sp::new(value.span(), date)),
                Err(fault) => {
                    sink.push(
                        Code::InvalidDate,
                        value.span(),
                        FieldMsg::InvalidDate { fault }.into(),
                        None,
                    );
                    None
                }
            }
        }
        DeValue::String(s) => {
            let date = guess_date(s).map(|d| d.to_string());
            sink.push(
                Code::DateAsString,
                value.span(),
                FieldMsg::DateAsString {
                    key: path.to_owned(),
                    value: s.to_string(),
                }
                .into(),
                // The line to write sits in the key's own table: its last name, not the path.
                Some(
                    FieldMsg::WriteBareDate {
                        key: path.rsplit('.').next().unwrap_or(path).to_owned(),
                        date,
                    }
                    .into(),
                ),
            );
            None
        }
        other => {
            sink.push(
                Code::WrongType,
                value.span(),
                FieldMsg::WrongType {
                    key: path.to_owned(),
                    expected: ValueKind::Date,
                    found: kind_of(other),
                }
                .into(),
                None,
            );
            None
        }
    }
}

/// The date a person most likely meant by a quoted date: `2015-02-28`, `2015/2/28`,
/// `2015.2.28` or `2015年2月28日`.
pub fn guess_date(text: &str) -> Option<Date> {
    let text = text.trim().trim_end_matches('日');
    let parts: Vec<&str> = text.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    Date::new(
        y.trim().parse().ok()?,
        m.trim().parse().ok()?,
        d.trim().parse().ok()?,
    )
    .ok()
}

use crate::diagnostic::doc::{BASE_ITEM, BASE_UNIT, Change, Example, Prose, RuleDoc, Shown};

/// What each code raised here means, with worked examples: see [`crate::explain`].
pub const DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: Code::UnknownKey,
        trigger: Prose {
            en: r#"A key that the table does not have. A typo must never silently drop data, so every
key outside those listed in [format.md](format.md) is an error, in every table (`[self_check]`,
`[[review]]`, `[linkage]`, an answer's inline table, the campaign file; in the campaign's own
schema file it is E026). Where a known key is close, the help line suggests it; otherwise it lists
the keys allowed there."#,
            zh: r#"表中没有这个键。写错一个字决不能让数据悄悄丢失，所以 [format.md](format.md) 所列以外的键一律是错误，每个表都是如此（`[self_check]`、`[[review]]`、`[linkage]`、自查答复的内联表、台账总文件；在自定方案文件中则报 E026）。有相近的已知键时，提示行给出建议；否则列出此处可用的键。"#,
        },
        examples: &[
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 8"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第8行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 8,
                    count: 1,
                    text: r#"staus = "未完成""#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E002]: unknown key `staus`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:8:1
  |
8 | staus = "未完成"
  | ^^^^^
  |
  = help: did you mean `status`?"#,
                    zh: r#"error[E002]: 未知的键 `staus`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:8:1
  |
8 | staus = "未完成"
  | ^^^^^
  |
  = help: 是否想写 `status`？"#,
                },
            },
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/unit.toml, line 4"#,
                    zh: r#"梁弄镇/横坎头村/unit.toml，第4行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_UNIT,
                    line: 4,
                    count: 1,
                    text: r#"leader = "何某某""#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E002]: unknown key `leader`
 --> 梁弄镇/横坎头村/unit.toml:4:1
  |
4 | leader = "何某某"
  | ^^^^^^
  |
  = help: the keys allowed here: name, category, batch, order, reports_to, principal, subordinates_due, self_check, review, institution, assessment"#,
                    zh: r#"error[E002]: 未知的键 `leader`
 --> 梁弄镇/横坎头村/unit.toml:4:1
  |
4 | leader = "何某某"
  | ^^^^^^
  |
  = help: 此处可用的键：name, category, batch, order, reports_to, principal, subordinates_due, self_check, review, institution, assessment"#,
                },
            },
        ],
        fix: Prose {
            en: r#"Correct the key's spelling, or remove it. Free text that fits no field goes in a field
that takes it (`problem`, `note`, …)."#,
            zh: r#"改正键的拼写，或者删去这个键。放不进任何字段的说明文字，写在可以容纳它的字段中（`problem`、`note` 等）。"#,
        },
    },
    RuleDoc {
        code: Code::MissingField,
        trigger: Prose {
            en: r#"A required field is absent, or a required string is empty or blank. A missing field is
reported at the start of its table (line 1 for a top-level key); an empty one at its value.
Required are: `title`, `area`, `source`, `deadline` and `status` of an item; `name`, `category` and
`batch` of a unit; `kind`, `on` and `result` of a review; `lead_unit` of a `[linkage]`; `answer` of
an answer written as an inline table; `name` and `deadline` of `[campaign]`. `id` (of an item) and
`self_check.report` are optional, but must not be blank when given."#,
            zh: r#"缺少必填字段，或必填的字符串为空、只有空白。缺少字段的，在所在表的开头报告（顶层的键报在第1行）；字段为空的，在其值处报告。必填字段是：事项的 `title`、`area`、`source`、`deadline` 和 `status`；单位的 `name`、`category` 和 `batch`；审核的 `kind`、`on` 和 `result`；`[linkage]` 的 `lead_unit`；写成内联表的自查答复的 `answer`；`[campaign]` 的 `name` 和 `deadline`。事项的 `id` 和 `self_check.report` 可以不填，但填了就不能为空。"#,
        },
        examples: &[
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml: no title"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml：没有 title"#,
                },
                shown: Shown::Text(
                    r#"area = 4
points = ["G.2"]"#,
                ),
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 1,
                    count: 1,
                    text: "",
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E003]: missing required field `title`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:1:1
  |
1 | area = 4
  | ^"#,
                    zh: r#"error[E003]: 缺少必填字段 `title`
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:1:1
  |
1 | area = 4
  | ^"#,
                },
            },
            Example {
                intro: Prose::NONE,
                caption: Prose::NONE,
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 1,
                    count: 1,
                    text: r#"title = """#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E003]: field `title` must not be empty
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:1:9
  |
1 | title = ""
  |         ^^"#,
                    zh: r#"error[E003]: 字段 `title` 不能为空
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:1:9
  |
1 | title = ""
  |         ^^"#,
                },
            },
        ],
        fix: Prose {
            en: r#"Add the field with a value."#,
            zh: r#"补上字段并填写内容。"#,
        },
    },
    RuleDoc {
        code: Code::WrongType,
        trigger: Prose {
            en: r#"A value of another TOML type than the field takes: a quoted number (`batch = "2"`,
`area = "4"`), a quoted boolean (`published = "是"`), a string where an array of strings is expected
(`measures = "…"`), a number inside such an array, a table where a string is expected."#,
            zh: r#"值的 TOML 类型与字段要求的不同：数字加了引号（`batch = "2"`、`area = "4"`），布尔值加了引号（`published = "是"`），该写字符串数组的地方写了字符串（`measures = "…"`），这种数组中写了数字，该写字符串的地方写了表。"#,
        },
        examples: &[
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/unit.toml, line 3"#,
                    zh: r#"梁弄镇/横坎头村/unit.toml，第3行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_UNIT,
                    line: 3,
                    count: 1,
                    text: r#"batch = "2""#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E004]: `batch` must be an integer, found a string
 --> 梁弄镇/横坎头村/unit.toml:3:9
  |
3 | batch = "2"
  |         ^^^"#,
                    zh: r#"error[E004]: `batch` 应为整数，实际是字符串
 --> 梁弄镇/横坎头村/unit.toml:3:9
  |
3 | batch = "2"
  |         ^^^"#,
                },
            },
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 5"#,
                    zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第5行"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_ITEM,
                    line: 5,
                    count: 1,
                    text: r#"measures = "拓宽村道至6米""#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E004]: `measures` must be an array of strings (like ["…", "…"]), found a string
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:5:12
  |
5 | measures = "拓宽村道至6米"
  |            ^^^^^^^^^^^^^^^"#,
                    zh: r#"error[E004]: `measures` 应为字符串数组（如 ["…", "…"]），实际是字符串
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:5:12
  |
5 | measures = "拓宽村道至6米"
  |            ^^^^^^^^^^^^^^^"#,
                },
            },
        ],
        fix: Prose {
            en: r#"Write the value as the type the message names: numbers, dates and `true`/`false` without
quotes, text in quotes, lists in `[…]`."#,
            zh: r#"按消息所说的类型写值：数字、日期和 `true`/`false` 不加引号，文字加引号，列表写在 `[…]` 中。"#,
        },
    },
    RuleDoc {
        code: Code::BadValue,
        trigger: Prose {
            en: r#"A field with a closed set of values (`category`, `batch`, `status`, `source`, `owner`,
`satisfaction`, an answer, `review.kind`, `review.result`) has another one.
The message lists the allowed values; where one is close, the help line suggests it. The English
aliases of status (`done`, `mostly-done`, `open`, `ineffective`) and of answers (`yes`, `partly`,
`no`, `n/a`) are accepted too."#,
            zh: r#"只能取固定几个值的字段（`category`、`batch`、`status`、`source`、`owner`、`satisfaction`、自查答复、`review.kind`、`review.result`）取了别的值。消息列出可选的值；有相近的，提示行给出建议。状态的英文别名（`done`、`mostly-done`、`open`、`ineffective`）和自查答复的英文别名（`yes`、`partly`、`no`、`n/a`）也可以用。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 8"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第8行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_ITEM,
                line: 8,
                count: 1,
                text: r#"status = "完成""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E005]: `status` = "完成" is not allowed; allowed values: 已完成 | 基本完成 | 未完成 | 效果不理想
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:8:10
  |
8 | status = "完成"
  |          ^^^^^^
  |
  = help: did you mean `已完成`?"#,
                zh: r#"error[E005]: `status` 的值 "完成" 不在允许范围内；可选：已完成 | 基本完成 | 未完成 | 效果不理想
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:8:10
  |
8 | status = "完成"
  |          ^^^^^^
  |
  = help: 是否想写 `已完成`？"#,
            },
        }],
        fix: Prose {
            en: r#"Use one of the values listed, written exactly so."#,
            zh: r#"从列出的值中选一个，一字不差地照写。"#,
        },
    },
    RuleDoc {
        code: Code::DateAsString,
        trigger: Prose {
            en: r#"A date in quotes: `"2015-06-30"`, `"2015/6/30"`, `"2015年6月30日"`. TOML reads it as text,
so the date would be lost. Where the text reads as a date, the help line shows it written bare;
otherwise it shows the form."#,
            zh: r#"日期加了引号：`"2015-06-30"`、`"2015/6/30"`、`"2015年6月30日"`。TOML 会把它当作文字，日期就丢了。引号中的文字能读成日期的，提示行给出不加引号的写法；否则给出日期的格式。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 7"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第7行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_ITEM,
                line: 7,
                count: 1,
                text: r#"deadline = "2015年6月30日""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E006]: the date `deadline` is written as a string "2015年6月30日"
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:12
  |
7 | deadline = "2015年6月30日"
  |            ^^^^^^^^^^^^^^^
  |
  = help: write a bare TOML date, without quotes: `deadline = 2015-06-30`"#,
                zh: r#"error[E006]: 日期 `deadline` 写成了字符串 "2015年6月30日"
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:7:12
  |
7 | deadline = "2015年6月30日"
  |            ^^^^^^^^^^^^^^^
  |
  = help: 日期不加引号，写作 `deadline = 2015-06-30`"#,
            },
        }],
        fix: Prose {
            en: r#"Write the date bare, year-month-day, without quotes: `deadline = 2015-06-30`."#,
            zh: r#"日期不加引号，按年-月-日写：`deadline = 2015-06-30`。"#,
        },
    },
    RuleDoc {
        code: Code::Placeholder,
        trigger: Prose {
            en: r#"A string value still holds the placeholder text that `init` and `new` write for the
user to replace, which begins with `（请填写`: `title = "（请填写问题）"`. Such a record is not
filled in yet, and its placeholder would reach every report."#,
            zh: r#"字符串的值仍是 `init` 和 `new` 写下、留待填写的占位文字，以 `（请填写` 开头：`title = "（请填写问题）"`。这样的记录还没有填好，占位文字会出现在每一份报告中。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, line 1"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，第1行"#,
            },
            shown: Shown::Change,
            change: &[Change::Lines {
                file: BASE_ITEM,
                line: 1,
                count: 1,
                text: r#"title = "（请填写问题）""#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E035]: `title` still holds the template's placeholder "（请填写问题）"
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:1:9
  |
1 | title = "（请填写问题）"
  |         ^^^^^^^^^^^^^^^^
  |
  = help: write the real content; remove an optional field that is not needed"#,
                zh: r#"error[E035]: `title` 仍是模板的占位文字 "（请填写问题）"
 --> 梁弄镇/横坎头村/items/村道拓宽.toml:1:9
  |
1 | title = "（请填写问题）"
  |         ^^^^^^^^^^^^^^^^
  |
  = help: 填写实际内容；不需要的可选字段整行删去"#,
            },
        }],
        fix: Prose {
            en: r#"Write the real content in place of the placeholder; remove an optional field the
record does not need."#,
            zh: r#"把占位文字换成实际内容；记录用不到的可选字段整行删去。"#,
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The item's text fields as `Item::read` spans them, and a file to read them from.
    fn file(text: &str) -> (SourceFile, Sp<Text>, Sp<TextList>) {
        let file = SourceFile::new("单位/items/a.toml".into(), text.into());
        let table = toml::de::DeTable::parse(text).expect("TOML");
        let span = |key: &str| table.get_ref().get(key).expect(key).span();
        let title = Sp::new(span("title"), Text { blank: false });
        let measures = Sp::new(span("measures"), TextList { filled: true });
        (file, title, measures)
    }

    #[test]
    fn a_field_reads_back_as_the_string_it_was_read_as() {
        let text = "title = \"会风\\t文风\"\nmeasures = ['''一\n二''', \"三\"]\n";
        let (file, title, measures) = file(text);
        let read = FileText::of(&file).expect("unpacked");
        assert_eq!(read.string(&title), Ok("会风\t文风".to_owned()));
        assert_eq!(
            read.fields(&Some(measures)),
            Ok(vec!["一\n二".to_owned(), "三".to_owned()])
        );
        assert_eq!(read.field(&None), Ok(None));
        assert_eq!(read.fields(&None), Ok(Vec::new()));
    }

    #[test]
    fn a_lazy_text_is_unpacked_once_when_first_read() {
        let (file, title, _) = file("title = \"会风\"\nmeasures = [\"三\"]\n");
        let lazy = LazyText::of(&file);
        assert!(lazy.text.get().is_none(), "not unpacked before it is read");
        let first: *const FileText = lazy.get().expect("unpacked");
        assert_eq!(
            lazy.get().map(|t| t.string(&title)),
            Ok(Ok("会风".to_owned()))
        );
        assert!(
            std::ptr::eq(first, lazy.get().expect("unpacked")),
            "unpacked once"
        );
    }

    #[test]
    fn a_field_that_does_not_read_back_is_an_error_never_an_empty_string() {
        let text = "title = \"会风\"\nmeasures = [\"三\"]\n";
        let (file, title, measures) = file(text);
        let read = FileText::of(&file).expect("unpacked");
        let at = |offset| Unreadable {
            path: "单位/items/a.toml".into(),
            offset: Some(offset),
        };
        // A span that is not the literal it was (a model of another text), one past the end,
        // and a list's span taken for a text.
        let shifted = Sp::new(
            title.span().start + 1..title.span().end,
            Text { blank: false },
        );
        assert_eq!(read.string(&shifted), Err(at(9)));
        let past = Sp::new(100..110, Text { blank: false });
        assert_eq!(read.string(&past), Err(at(100)));
        let list_as_text = Sp::new(measures.span(), Text { blank: false });
        assert_eq!(read.string(&list_as_text), Err(at(measures.span().start)));
        let text_as_list = Sp::new(9..12, TextList { filled: true });
        assert_eq!(read.fields(&Some(text_as_list)), Err(at(9)));
    }
}
