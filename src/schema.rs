//! The campaign schema: content areas and check points.
//!
//! The built-in schema is `schema/areas.toml` (the 2015 plan's six areas), embedded in the
//! binary; `campaign.schema` names another file of the same form.

use toml::de::DeTable;

use crate::diagnostic::Code;
use crate::i18n::Msg;
use crate::model::enums::{Category, Enumeration};
use crate::model::fields::{Fields, Sink, read_enum};

pub const BUILTIN_PATH: &str = "schema/areas.toml";
pub const BUILTIN: &str = include_str!("../schema/areas.toml");

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Area {
    pub id: i64,
    pub key: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    pub id: String,
    /// The area of an area point (1.1–6.4); `None` for focus points (L, G, P).
    pub area: Option<i64>,
    pub text: String,
    /// The unit categories whose self-check answers it; empty: answered by items only.
    pub applies_to: Vec<Category>,
    /// Only units of this batch answer it.
    pub batch: Option<i64>,
}

impl Point {
    pub fn applies(&self, category: Category, batch: i64) -> bool {
        self.applies_to.contains(&category) && self.batch.is_none_or(|b| b == batch)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schema {
    pub name: Option<String>,
    pub areas: Vec<Area>,
    pub points: Vec<Point>,
}

impl Schema {
    /// The built-in schema. It is part of the program, so failing to read it is a bug, which a
    /// test guards against.
    pub fn builtin() -> Result<Schema, String> {
        let (table, errors) = DeTable::parse_recoverable(BUILTIN);
        if let Some(e) = errors.first() {
            return Err(format!("{BUILTIN_PATH}: {}", e.message()));
        }
        let mut sink = Sink::new(crate::source::FileId(0));
        let schema = Schema::read(&mut sink, table.get_ref());
        match (schema, sink.diagnostics.first()) {
            (Some(schema), None) => Ok(schema),
            (_, Some(d)) => Err(format!("{BUILTIN_PATH}: {:?}", d.message)),
            (None, None) => Err(format!("{BUILTIN_PATH}: invalid")),
        }
    }

    /// Reads a schema file; `None` (with diagnostics) when it is not usable.
    pub fn read(sink: &mut Sink, table: &DeTable<'_>) -> Option<Schema> {
        let before = sink.diagnostics.len();
        let top = Fields::open(sink, table, 0..0, "", &["schema", "area", "point"]);
        let name = top.table(sink, "schema").and_then(|(t, span)| {
            let meta = Fields::open(sink, t, span, "schema", &["name", "document"]);
            meta.string(sink, "document");
            meta.string(sink, "name").map(|s| s.into_inner())
        });

        let mut areas: Vec<Area> = Vec::new();
        for (t, span) in top.tables(sink, "area") {
            let f = Fields::open(sink, t, span.clone(), "area", &["id", "key", "title"]);
            let id = f.integer(sink, "id");
            let key = f.required_string(sink, "key");
            let title = f.required_string(sink, "title");
            if id.is_none() && f.raw("id").is_none() {
                f.missing(sink, "id");
            }
            if let (Some(id), Some(key), Some(title)) = (id, key, title) {
                if areas.iter().any(|a| a.id == *id.get_ref()) {
                    let msg = Msg::SchemaDuplicate {
                        id: id.get_ref().to_string(),
                    };
                    sink.push(Code::SchemaInvalid, id.span(), msg, None);
                    continue;
                }
                areas.push(Area {
                    id: id.into_inner(),
                    key: key.into_inner(),
                    title: title.into_inner(),
                });
            }
        }

        let mut points: Vec<Point> = Vec::new();
        let known = ["id", "area", "text", "applies_to", "batch"];
        for (t, span) in top.tables(sink, "point") {
            let f = Fields::open(sink, t, span.clone(), "point", &known);
            let id = f.required_string(sink, "id");
            let text = f.required_string(sink, "text");
            let area = f.integer(sink, "area");
            if let Some(area) = &area
                && !areas.iter().any(|a| a.id == *area.get_ref())
            {
                let msg = Msg::UnknownArea {
                    area: area.get_ref().to_string(),
                    known: area_list(&areas),
                };
                sink.push(Code::SchemaInvalid, area.span(), msg, None);
            }
            let batch = f.integer_in(sink, "batch", &[1, 2]);
            let mut applies_to = Vec::new();
            match f.raw("applies_to").map(|v| (v, v.get_ref().as_array())) {
                None => applies_to.extend_from_slice(Category::VALUES),
                Some((_, Some(array))) => {
                    for element in array.iter() {
                        if let Some(c) = read_enum::<Category>(sink, &f.path("applies_to"), element)
                        {
                            applies_to.push(c.into_inner());
                        }
                    }
                }
                Some((_, None)) => {
                    f.strings(sink, "applies_to");
                }
            }
            if let (Some(id), Some(text)) = (id, text) {
                if points.iter().any(|p| p.id == *id.get_ref()) {
                    let msg = Msg::SchemaDuplicate {
                        id: id.get_ref().clone(),
                    };
                    sink.push(Code::SchemaInvalid, id.span(), msg, None);
                    continue;
                }
                points.push(Point {
                    id: id.into_inner(),
                    area: area.map(|a| a.into_inner()),
                    text: text.into_inner(),
                    applies_to,
                    batch: batch.map(|b| b.into_inner()),
                });
            }
        }
        if top.raw("area").is_none() {
            top.missing(sink, "area");
        }
        (sink.diagnostics.len() == before).then_some(Schema {
            name,
            areas,
            points,
        })
    }

    pub fn area(&self, id: i64) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn point(&self, id: &str) -> Option<&Point> {
        self.points.iter().find(|p| p.id == id)
    }

    /// The ids of every area, for "allowed values" messages.
    pub fn area_list(&self) -> String {
        area_list(&self.areas)
    }
}

fn area_list(areas: &[Area]) -> String {
    areas
        .iter()
        .map(|a| a.id.to_string())
        .collect::<Vec<_>>()
        .join(" | ")
}
