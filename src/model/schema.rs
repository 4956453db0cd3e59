//! The campaign schema: content areas and check points.
//!
//! The built-in schema is `schema/areas.toml` (the 2015 plan's six areas), embedded in the
//! binary; `campaign.schema` names another file of the same form.

use std::sync::LazyLock;

use toml::de::DeTable;

use crate::diagnostic::Code;
use crate::format::enums::{Category, Enumeration};
use crate::model::fields::{Fields, Sink, read_enum};
use crate::text::i18n::Msg;
use crate::text::messages::files::FileMsg;

pub const BUILTIN_PATH: &str = "schema/areas.toml";
pub const BUILTIN: &str = include_str!("../../schema/areas.toml");

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
    /// The built-in schema, read once.
    pub fn builtin() -> &'static Schema {
        static BUILTIN_SCHEMA: LazyLock<Schema> = LazyLock::new(|| {
            // `schema/areas.toml` is part of the program, embedded when it is built: failing to
            // read it is a bug in the program, never in the user's records, and a test reads it.
            #[allow(clippy::expect_used)]
            Schema::parse_builtin().expect("the built-in schema/areas.toml is valid")
        });
        &BUILTIN_SCHEMA
    }

    /// Reads the embedded `schema/areas.toml`.
    fn parse_builtin() -> Result<Schema, String> {
        let (table, errors) = DeTable::parse_recoverable(BUILTIN);
        if let Some(e) = errors.first() {
            return Err(format!("{BUILTIN_PATH}: {}", e.message()));
        }
        let mut sink = Sink::new(crate::load::source::FileId(0));
        let schema = Schema::read(&mut sink, table.get_ref());
        match (schema, sink.diagnostics.first()) {
            (Some(schema), None) => Ok(schema),
            (_, Some(d)) => Err(format!("{BUILTIN_PATH}: {:?}", d.message)),
            (None, None) => Err(format!("{BUILTIN_PATH}: invalid")),
        }
    }

    /// SHA-256 (hex) of the areas and points as read: two campaigns whose reports add up have
    /// the same. The file's comments, layout and `[schema]` name do not count, so reformatting a
    /// schema file does not stop its reports from merging.
    pub fn sha256(&self) -> String {
        use sha2::{Digest, Sha256};
        let areas: Vec<_> = self
            .areas
            .iter()
            .map(|a| serde_json::json!([a.id, a.key, a.title]))
            .collect();
        let points: Vec<_> = self
            .points
            .iter()
            .map(|p| {
                let applies: Vec<&str> = p.applies_to.iter().map(|c| c.label()).collect();
                serde_json::json!([p.id, p.area, p.text, applies, p.batch])
            })
            .collect();
        let canonical = serde_json::json!({ "areas": areas, "points": points }).to_string();
        let digest = Sha256::digest(canonical.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
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
                    let msg = FileMsg::SchemaDuplicate {
                        id: id.get_ref().to_string(),
                    };
                    sink.push(Code::SchemaInvalid, id.span(), msg.into(), None);
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
        // The ids so far, so that a schema of thousands of points costs one lookup a point.
        let mut ids = std::collections::HashSet::new();
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
                    known: area_ids(&areas),
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
                if !ids.insert(id.get_ref().clone()) {
                    let msg = FileMsg::SchemaDuplicate {
                        id: id.get_ref().clone(),
                    };
                    sink.push(Code::SchemaInvalid, id.span(), msg.into(), None);
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
    /// The ids of the areas, in order.
    pub fn area_ids(&self) -> Vec<String> {
        area_ids(&self.areas)
    }
}

fn area_ids(areas: &[Area]) -> Vec<String> {
    areas.iter().map(|a| a.id.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids<'a>(points: impl Iterator<Item = &'a Point>) -> Vec<&'a str> {
        points.map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn builtin_schema_has_six_areas_and_32_points() {
        let schema = Schema::parse_builtin().expect("the built-in schema loads");
        assert_eq!(
            schema.areas.iter().map(|a| a.id).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6]
        );
        assert_eq!(schema.area(2).map(|a| a.key.as_str()), Some("commitments"));
        assert_eq!(schema.points.len(), 32);
        assert_eq!(schema.point("3.2").and_then(|p| p.batch), Some(1));
        assert_eq!(schema.point("3.3").and_then(|p| p.batch), Some(2));
        assert_eq!(
            schema.points.iter().filter(|p| p.batch.is_some()).count(),
            2
        );

        let by_items = ids(schema.points.iter().filter(|p| p.applies_to.is_empty()));
        assert_eq!(by_items, ["P.1", "P.2", "P.3", "P.4", "P.5"]);
        assert!(
            schema
                .points
                .iter()
                .filter(|p| p.id.starts_with('P'))
                .all(|p| p.area.is_none())
        );

        let answered =
            |category, batch| ids(schema.points.iter().filter(|p| p.applies(category, batch)));
        assert_eq!(
            answered(Category::Grassroots, 1),
            ["3.1", "4.2", "G.1", "G.2", "G.3"]
        );
        let first = answered(Category::LeadershipBody, 1);
        let second = answered(Category::LeadershipBody, 2);
        assert_eq!((first.len(), second.len()), (23, 23));
        assert!(first.contains(&"3.2") && !first.contains(&"3.3"));
        assert!(second.contains(&"3.3") && !second.contains(&"3.2"));
    }
}
