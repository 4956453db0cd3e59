//! The mapping file of `import` (SPEC §10): which column of a 整改台账 is which field of an
//! item, in the spirit of hledger's CSV rules; and the built-in mapping, which reads the
//! 整改事项清单 sheet that `report --format xlsx` writes.

use std::borrow::Cow;
use std::collections::BTreeMap;

use regex::Regex;

use crate::format::{self, Field, SHOWN, Type};
use crate::load::source::Lines;
use crate::render::rows::Heading;
use crate::text::i18n::{Lang, Msg, Term};
use crate::text::messages::files::FileMsg;
use crate::text::messages::import::ImportMsg;
use crate::text::suggest::did_you_mean;

/// What a field of an item file holds, which says how a cell becomes its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// An array of strings: the cell split at `split` (a line break by default).
    List,
    Int,
    Date,
    Bool,
    /// `[[progress]]` entries, one a line, each starting with its date (`2015-02-10 text`,
    /// `2015年2月10日：text`), as the ledger's 进展情况 column holds them ([`super::progress`]).
    Progress,
}

impl FieldKind {
    /// What a cell of a field of type `ty` becomes: a string or an enumeration's spelling is
    /// text, an array of tables the `[[progress]]` entries; `None` for a table, whose keys are
    /// fields of their own, and for any other array of tables.
    const fn of(ty: &Type) -> Option<FieldKind> {
        match ty {
            Type::Text | Type::Enum(_) => Some(FieldKind::Text),
            Type::TextList | Type::TextOrList => Some(FieldKind::List),
            Type::Integer { .. } => Some(FieldKind::Int),
            Type::Date => Some(FieldKind::Date),
            Type::Bool => Some(FieldKind::Bool),
            Type::Tables(table) if same(table.name, format::PROGRESS.name) => {
                Some(FieldKind::Progress)
            }
            Type::Tables(_) | Type::Table(_) | Type::Answers(_) => None,
        }
    }
}

/// An item field a mapping may fill: a key of the item file, or of one of its tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportField {
    /// The table the key is in (`closure`, `linkage`); empty for a key of the file itself.
    pub table: &'static str,
    pub key: &'static str,
    pub kind: FieldKind,
}

impl ImportField {
    /// How a mapping names it: the key, dotted below its table (`closure.approved_by`).
    pub fn name(&self) -> Cow<'static, str> {
        if self.table.is_empty() {
            Cow::Borrowed(self.key)
        } else {
            Cow::Owned(format!("{}.{}", self.table, self.key))
        }
    }

    fn is_named(&self, name: &str) -> bool {
        match name.split_once('.') {
            Some((table, key)) => table == self.table && key == self.key,
            None => self.table.is_empty() && name == self.key,
        }
    }
}

/// Every item field a mapping may fill, from the item's table ([`format::ITEM`]) in its order,
/// each read as its type says ([`FieldKind::of`]): every key but the `id` (a row's key gives
/// it), a table's keys dotted (`closure.approved_by`), and `progress`, the `[[progress]]`
/// entries.
pub const FIELDS: [ImportField; fields::<0>().1] = fields().0;

/// The first `N` of the fields of [`FIELDS`], and how many there are.
const fn fields<const N: usize>() -> ([ImportField; N], usize) {
    let mut out = [ImportField {
        table: "",
        key: "",
        kind: FieldKind::Text,
    }; N];
    let mut count = 0;
    let item = format::ITEM.fields;
    let mut i = 0;
    while i < item.len() {
        let field = &item[i];
        if let Type::Table(table) = field.ty {
            let mut j = 0;
            while j < table.fields.len() {
                add(&mut out, &mut count, field.key, &table.fields[j]);
                j += 1;
            }
        } else if !same(field.key, "id") {
            add(&mut out, &mut count, "", field);
        }
        i += 1;
    }
    (out, count)
}

/// Counts `field` of `table` if a mapping can fill it, and puts it in `out` while there is room.
const fn add<const N: usize>(
    out: &mut [ImportField; N],
    count: &mut usize,
    table: &'static str,
    field: &Field,
) {
    let Some(kind) = FieldKind::of(&field.ty) else {
        return;
    };
    if *count < N {
        out[*count] = ImportField {
            table,
            key: field.key,
            kind,
        };
    }
    *count += 1;
}

/// Whether `a` and `b` are the same string, at compile time.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The date formats tried after a mapping's own (strftime, as jiff reads them).
pub const DEFAULT_FORMATS: &[&str] = &["%Y-%m-%d", "%Y年%m月%d日", "%Y/%m/%d", "%Y.%m.%d"];

/// Where a field's value comes from.
#[derive(Clone, Debug)]
pub struct FieldSpec {
    /// The field's index in [`FIELDS`].
    pub field: usize,
    /// The columns read, by header text; several are joined with `join`.
    pub columns: Vec<String>,
    /// A constant, where there is no column.
    pub value: Option<toml::Value>,
    /// Cell text (trimmed) -> value.
    pub map: BTreeMap<String, toml::Value>,
    pub formats: Vec<String>,
    pub split: Option<String>,
    pub join: String,
}

#[derive(Clone, Debug)]
pub struct When {
    pub column: String,
    pub matches: Regex,
    pub set: Vec<(usize, toml::Value)>,
}

#[derive(Clone, Debug)]
pub struct Mapping {
    pub sheet: Option<String>,
    /// 1-based, as the office counts.
    pub header_row: usize,
    pub key: Vec<String>,
    pub unit_column: Option<String>,
    /// A constant org path, where every row is of one unit.
    pub unit_value: Option<String>,
    pub unit_map: BTreeMap<String, String>,
    pub fields: Vec<FieldSpec>,
    pub when: Vec<When>,
}

/// A mapping file that cannot be used: what is wrong, as a sentence of either language (exit 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappingError(pub Msg);

pub fn field_index(name: &str) -> Option<usize> {
    FIELDS.iter().position(|f| f.is_named(name))
}

/// The name of every field a mapping may fill, in the order of [`FIELDS`].
pub fn field_names() -> Vec<String> {
    FIELDS.iter().map(|f| f.name().into_owned()).collect()
}

/// `{at}.{key}`, or `key` at the top.
fn path(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_owned()
    } else {
        format!("{at}.{key}")
    }
}

/// `name`, written at `at` (`fields`, `when[1].set`), is no field of an item.
fn unknown_field(at: &str, name: &str) -> MappingError {
    let fields = field_names();
    MappingError(
        ImportMsg::MappingNotAField {
            key: path(at, name),
            suggestion: did_you_mean(name, fields.iter().map(String::as_str)).map(str::to_owned),
            fields,
        }
        .into(),
    )
}

fn string(value: &toml::Value, key: &str) -> Result<String, MappingError> {
    value.as_str().map(str::to_owned).ok_or_else(|| {
        MappingError(
            ImportMsg::MappingNotString {
                key: key.to_owned(),
            }
            .into(),
        )
    })
}

fn strings(value: &toml::Value, key: &str) -> Result<Vec<String>, MappingError> {
    match value {
        toml::Value::String(s) => Ok(vec![s.clone()]),
        toml::Value::Array(a) => a.iter().map(|v| string(v, key)).collect(),
        _ => Err(MappingError(
            ImportMsg::MappingNotStrings {
                key: key.to_owned(),
            }
            .into(),
        )),
    }
}

fn table<'a>(value: &'a toml::Value, key: &str) -> Result<&'a toml::Table, MappingError> {
    value.as_table().ok_or_else(|| {
        MappingError(
            ImportMsg::MappingNotTable {
                key: key.to_owned(),
            }
            .into(),
        )
    })
}

fn only(table: &toml::Table, at: &str, allowed: &[&str]) -> Result<(), MappingError> {
    for key in table.keys() {
        if !allowed.contains(&key.as_str()) {
            return Err(MappingError(
                ImportMsg::MappingUnknownKey {
                    key: path(at, key),
                    suggestion: did_you_mean(key, allowed.iter().copied()).map(str::to_owned),
                    allowed: allowed.iter().map(|a| (*a).to_owned()).collect(),
                }
                .into(),
            ));
        }
    }
    Ok(())
}

/// `{at}.{key}` of a `[[when]]` block is missing.
fn missing(at: &str, key: &str) -> MappingError {
    MappingError(ImportMsg::MappingMissingKey { key: path(at, key) }.into())
}

impl Mapping {
    /// Reads a mapping file's text.
    pub fn parse(text: &str) -> Result<Mapping, MappingError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let top: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let detail = e.message().trim().to_owned();
            MappingError(match e.span() {
                Some(span) => ImportMsg::MappingSyntax {
                    line: Lines::of(text).line_index(span.start) + 1,
                    detail,
                }
                .into(),
                None => FileMsg::Syntax { detail }.into(),
            })
        })?;
        only(&top, "", &["source", "unit", "fields", "when"])?;
        let empty = toml::Table::new();
        let source = match top.get("source") {
            Some(v) => table(v, "source")?,
            None => &empty,
        };
        only(source, "source", &["sheet", "header_row", "key"])?;
        let header_row = match source.get("header_row") {
            None => 1,
            Some(toml::Value::Integer(n)) if *n >= 1 && *n <= 1_048_576 => *n as usize,
            Some(_) => {
                return Err(MappingError(
                    ImportMsg::MappingNotRow {
                        key: "source.header_row".to_owned(),
                    }
                    .into(),
                ));
            }
        };
        let unit = match top.get("unit") {
            Some(v) => table(v, "unit")?,
            None => return Err(MappingError(ImportMsg::MappingNoUnit.into())),
        };
        only(unit, "unit", &["column", "value", "map"])?;
        let mut unit_map = BTreeMap::new();
        if let Some(map) = unit.get("map") {
            for (k, v) in table(map, "unit.map")? {
                unit_map.insert(k.trim().to_owned(), string(v, &format!("unit.map.{k}"))?);
            }
        }
        let unit_column = unit
            .get("column")
            .map(|v| string(v, "unit.column"))
            .transpose()?;
        let unit_value = unit
            .get("value")
            .map(|v| string(v, "unit.value"))
            .transpose()?;
        if unit_column.is_none() && unit_value.is_none() {
            return Err(MappingError(ImportMsg::MappingUnitNeedsColumn.into()));
        }
        let mut fields = Vec::new();
        if let Some(f) = top.get("fields") {
            for (name, spec) in table(f, "fields")? {
                fields.push(field_spec(name, spec)?);
            }
        }
        let key = match source.get("key") {
            Some(v) => strings(v, "source.key")?,
            None => {
                return Err(MappingError(ImportMsg::MappingNoKey.into()));
            }
        };
        let mut when = Vec::new();
        if let Some(w) = top.get("when") {
            let list = w
                .as_array()
                .ok_or(MappingError(ImportMsg::MappingWhenNotBlocks.into()))?;
            for (i, block) in list.iter().enumerate() {
                let at = format!("when[{}]", i + 1);
                let block = table(block, &at)?;
                only(block, &at, &["column", "matches", "set"])?;
                let column = string(
                    block.get("column").ok_or_else(|| missing(&at, "column"))?,
                    &format!("{at}.column"),
                )?;
                let pattern = string(
                    block
                        .get("matches")
                        .ok_or_else(|| missing(&at, "matches"))?,
                    &format!("{at}.matches"),
                )?;
                let matches = regex::RegexBuilder::new(&pattern)
                    .size_limit(1 << 20)
                    .build()
                    .map_err(|e| {
                        MappingError(
                            ImportMsg::MappingBadRegex {
                                key: format!("{at}.matches"),
                                detail: e.to_string(),
                            }
                            .into(),
                        )
                    })?;
                let mut set = Vec::new();
                let set_table = table(
                    block.get("set").ok_or_else(|| missing(&at, "set"))?,
                    &format!("{at}.set"),
                )?;
                for (name, value) in set_table {
                    let field = field_index(name)
                        .ok_or_else(|| unknown_field(&format!("{at}.set"), name))?;
                    set.push((field, value.clone()));
                }
                when.push(When {
                    column,
                    matches,
                    set,
                });
            }
        }
        Ok(Mapping {
            sheet: source
                .get("sheet")
                .map(|v| string(v, "source.sheet"))
                .transpose()?,
            header_row,
            key,
            unit_column,
            unit_value,
            unit_map,
            fields,
            when,
        })
    }

    /// The built-in mapping: the columns of the 整改事项清单 sheet as `report --format xlsx`
    /// writes it in `lang`.
    pub fn builtin(lang: Lang) -> Mapping {
        let mut fields = Vec::new();
        for (heading, field, split) in BUILTIN {
            let Some(field) = field else { continue };
            let Some(index) = field_index(field) else {
                continue;
            };
            let mut map = BTreeMap::new();
            if field == "confidential" {
                map.insert("是".to_owned(), toml::Value::Boolean(true));
            }
            fields.push(FieldSpec {
                field: index,
                columns: vec![heading.text(lang).to_owned()],
                value: None,
                map,
                formats: Vec::new(),
                split: split.map(str::to_owned),
                join: "\n".to_owned(),
            });
        }
        Mapping {
            sheet: Some(crate::format::ledger::SHEET_ITEMS.to_owned()),
            header_row: 1,
            key: vec![
                Term::Unit.text(lang).to_owned(),
                Term::Id.text(lang).to_owned(),
            ],
            unit_column: Some(Term::Unit.text(lang).to_owned()),
            unit_value: None,
            unit_map: BTreeMap::new(),
            fields,
            when: Vec::new(),
        }
    }
}

/// A column of the ledger: its heading, the field it fills (`None`: shown for people, not read
/// back) and the separator of a list.
pub type LedgerColumn = (Heading, Option<&'static str>, Option<&'static str>);

/// The columns of [`crate::render::rows::ledger`], in its order, with the field each fills
/// (`None`: shown for people, not read back: the unit's name, days overdue, the file) and the
/// separator of a list: those of [`BEFORE_SHOWN`], one of each field of [`SHOWN`], then those of
/// [`AFTER_SHOWN`]. A test keeps it equal to the ledger's headers.
pub const BUILTIN: [LedgerColumn; BEFORE_SHOWN.len() + SHOWN.len() + AFTER_SHOWN.len()] = builtin();

/// The ledger's columns before those of the fields shown as they are written ([`SHOWN`]).
const BEFORE_SHOWN: &[(Term, Option<&str>, Option<&str>)] = &[
    (Term::Unit, None, None),
    (Term::UnitName, None, None),
    (Term::Id, None, None),
    (Term::Title, Some("title"), None),
    (Term::Area, Some("area"), None),
    (Term::Points, Some("points"), Some(",")),
    (Term::Source, Some("source"), None),
    (Term::SpecialTask, Some("special_task"), None),
    (Term::FoundOn, Some("found_on"), None),
];

/// The ledger's columns after those of the fields shown as they are written.
const AFTER_SHOWN: &[(Term, Option<&str>, Option<&str>)] = &[
    (Term::Measures, Some("measures"), Some("\n")),
    (Term::Owner, Some("owner"), None),
    (Term::Person, Some("person"), None),
    (Term::Responsible, Some("responsible"), None),
    (Term::Lead, Some("lead"), None),
    (Term::Deadline, Some("deadline"), None),
    (Term::Status, Some("status"), None),
    (Term::CompletedOn, Some("completed_on"), None),
    (Term::Consolidation, Some("consolidation"), None),
    (Term::RectifyBy, Some("rectify_by"), None),
    (Term::DaysOverdue, None, None),
    (Term::Satisfaction, Some("satisfaction"), None),
    (Term::Evidence, Some("evidence"), Some("\n")),
    (Term::LeadUnit, Some("linkage.lead_unit"), None),
    (Term::LinkageReason, Some("linkage.reason"), None),
    (Term::ProgressLog, Some("progress"), None),
    (Term::File, None, None),
    (Term::Confidential, Some("confidential"), None),
    (Term::ClosedBy, Some("closure.approved_by"), None),
    (Term::ClosedOn, Some("closure.approved_on"), None),
];

/// [`BUILTIN`], made at compile time.
const fn builtin<const N: usize>() -> [LedgerColumn; N] {
    let mut out = [(Heading::Term(Term::Unit), None, None); N];
    let mut at = put_terms(&mut out, 0, BEFORE_SHOWN);
    let mut i = 0;
    while i < SHOWN.len() {
        out[at] = (Heading::Shown(SHOWN[i]), Some(SHOWN[i].key), None);
        (at, i) = (at + 1, i + 1);
    }
    put_terms(&mut out, at, AFTER_SHOWN);
    out
}

/// Puts the columns of `terms` in `out` from `at`; returns where they end.
const fn put_terms<const N: usize>(
    out: &mut [LedgerColumn; N],
    mut at: usize,
    terms: &[(Term, Option<&'static str>, Option<&'static str>)],
) -> usize {
    let mut i = 0;
    while i < terms.len() {
        let (term, field, split) = terms[i];
        out[at] = (Heading::Term(term), field, split);
        (at, i) = (at + 1, i + 1);
    }
    at
}

fn field_spec(name: &str, spec: &toml::Value) -> Result<FieldSpec, MappingError> {
    let field = field_index(name).ok_or_else(|| unknown_field("fields", name))?;
    let at = format!("fields.{name}");
    let mut out = FieldSpec {
        field,
        columns: Vec::new(),
        value: None,
        map: BTreeMap::new(),
        formats: Vec::new(),
        split: None,
        join: "\n".to_owned(),
    };
    match spec {
        toml::Value::String(column) => out.columns.push(column.clone()),
        toml::Value::Table(t) => {
            only(
                t,
                &at,
                &["column", "value", "map", "formats", "split", "join"],
            )?;
            if let Some(c) = t.get("column") {
                out.columns = strings(c, &format!("{at}.column"))?;
            }
            out.value = t.get("value").cloned();
            if let Some(m) = t.get("map") {
                for (k, v) in table(m, &format!("{at}.map"))? {
                    out.map.insert(k.trim().to_owned(), v.clone());
                }
            }
            if let Some(f) = t.get("formats") {
                out.formats = strings(f, &format!("{at}.formats"))?;
            }
            if let Some(s) = t.get("split") {
                out.split = Some(string(s, &format!("{at}.split"))?);
            }
            if let Some(j) = t.get("join") {
                out.join = string(j, &format!("{at}.join"))?;
            }
            if out.columns.is_empty() && out.value.is_none() {
                return Err(MappingError(
                    ImportMsg::MappingNeedsColumn { key: at }.into(),
                ));
            }
        }
        _ => {
            return Err(MappingError(ImportMsg::MappingNotSpec { key: at }.into()));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ITEM_KEYS;

    #[test]
    fn the_fields_are_the_item_keys() {
        let mut tops: Vec<&str> = FIELDS
            .iter()
            .map(|f| if f.table.is_empty() { f.key } else { f.table })
            .collect();
        tops.dedup();
        let expected: Vec<&str> = ITEM_KEYS.iter().copied().filter(|k| *k != "id").collect();
        assert_eq!(tops, expected);
        for field in FIELDS {
            assert_eq!(field_index(&field.name()).map(|i| FIELDS[i]), Some(field));
        }
    }

    /// Each type of the format is read from a cell as what it holds.
    #[test]
    fn a_field_is_read_as_its_type_says() {
        let kind = |name: &str| field_index(name).map(|i| FIELDS[i].kind);
        for (name, expected) in [
            ("title", FieldKind::Text),
            ("source", FieldKind::Text),
            ("area", FieldKind::Int),
            ("points", FieldKind::List),
            ("found_on", FieldKind::Date),
            ("confidential", FieldKind::Bool),
            ("progress", FieldKind::Progress),
            ("closure.approved_on", FieldKind::Date),
            ("linkage.reason", FieldKind::Text),
        ] {
            assert_eq!(kind(name), Some(expected), "{name}");
        }
        for name in ["id", "closure", "linkage", "progress.on", "approved_on"] {
            assert_eq!(field_index(name), None, "{name}");
        }
    }

    /// Each kind of problem of a mapping file, as the message that names it.
    #[test]
    fn each_problem_of_a_mapping_file_is_its_message() {
        let head = "[source]\nkey = \"序号\"\n[unit]\ncolumn = \"单位\"\n";
        let key = |k: &str| k.to_owned();
        let cases: Vec<(String, Msg)> = vec![
            (
                "[source]\nshet = 1\n".into(),
                Msg::Import(ImportMsg::MappingUnknownKey {
                    key: key("source.shet"),
                    suggestion: Some(key("sheet")),
                    allowed: vec![key("sheet"), key("header_row"), key("key")],
                }),
            ),
            (
                "skip = 1\n".into(),
                Msg::Import(ImportMsg::MappingUnknownKey {
                    key: key("skip"),
                    suggestion: None,
                    allowed: ["source", "unit", "fields", "when"].map(key).to_vec(),
                }),
            ),
            (
                format!("{head}[fields]\ntitel = \"问题\"\n"),
                Msg::Import(ImportMsg::MappingNotAField {
                    key: key("fields.titel"),
                    suggestion: Some(key("title")),
                    fields: field_names(),
                }),
            ),
            (
                format!(
                    "{head}[[when]]\ncolumn = \"备注\"\nmatches = \"x\"\nset = {{ zzzz = 1 }}\n"
                ),
                Msg::Import(ImportMsg::MappingNotAField {
                    key: key("when[1].set.zzzz"),
                    suggestion: None,
                    fields: field_names(),
                }),
            ),
            (
                "[source]\nsheet = 1\nkey = \"序号\"\n[unit]\ncolumn = \"单位\"\n".into(),
                Msg::Import(ImportMsg::MappingNotString {
                    key: key("source.sheet"),
                }),
            ),
            (
                "[source]\nkey = 1\n[unit]\ncolumn = \"单位\"\n".into(),
                Msg::Import(ImportMsg::MappingNotStrings {
                    key: key("source.key"),
                }),
            ),
            (
                "unit = \"单位\"\n".into(),
                Msg::Import(ImportMsg::MappingNotTable { key: key("unit") }),
            ),
            (
                "[source]\nheader_row = 0\n".into(),
                Msg::Import(ImportMsg::MappingNotRow {
                    key: key("source.header_row"),
                }),
            ),
            (
                "[source]\nkey = \"序号\"\n".into(),
                Msg::Import(ImportMsg::MappingNoUnit),
            ),
            (
                "[source]\nkey = \"序号\"\n[unit]\n".into(),
                Msg::Import(ImportMsg::MappingUnitNeedsColumn),
            ),
            (
                "[unit]\nvalue = \"省直\"\n".into(),
                Msg::Import(ImportMsg::MappingNoKey),
            ),
            (
                "when = 1\n[source]\nkey = \"序号\"\n[unit]\ncolumn = \"单位\"\n".into(),
                Msg::Import(ImportMsg::MappingWhenNotBlocks),
            ),
            (
                format!("{head}[[when]]\ncolumn = \"备注\"\nset = {{}}\n"),
                Msg::Import(ImportMsg::MappingMissingKey {
                    key: key("when[1].matches"),
                }),
            ),
            (
                format!("{head}[fields]\ntitle = 1\n"),
                Msg::Import(ImportMsg::MappingNotSpec {
                    key: key("fields.title"),
                }),
            ),
            (
                format!("{head}[fields]\ntitle = {{ split = \"、\" }}\n"),
                Msg::Import(ImportMsg::MappingNeedsColumn {
                    key: key("fields.title"),
                }),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                Mapping::parse(&text).map(|_| ()),
                Err(MappingError(expected)),
                "{text}"
            );
        }
    }

    #[test]
    fn a_bad_regex_and_a_syntax_error_keep_their_parsers_words() {
        let head = "[source]\nkey = \"序号\"\n[unit]\ncolumn = \"单位\"\n";
        let text = format!("{head}[[when]]\ncolumn = \"备注\"\nmatches = \"(\"\nset = {{}}\n");
        match Mapping::parse(&text) {
            Err(MappingError(Msg::Import(ImportMsg::MappingBadRegex { key, detail }))) => {
                assert_eq!(key, "when[1].matches");
                assert!(detail.contains("unclosed group"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
        match Mapping::parse("[source]\nkey = \"序号\n") {
            Err(MappingError(Msg::Import(ImportMsg::MappingSyntax { line, detail }))) => {
                assert_eq!(line, 2);
                assert!(!detail.is_empty());
            }
            other => panic!("{other:?}"),
        }
    }
}
