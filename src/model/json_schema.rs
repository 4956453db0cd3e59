//! The record format as JSON Schema (draft-07), for editors: taplo and Even Better TOML
//! complete and check a file while it is typed.
//!
//! Generated from the field tables of [`crate::format`], the readers' own: the keys, the types,
//! what is required, the enumerations' spellings and the Chinese descriptions all come from
//! there. A test compares `schema/*.schema.json` with what this module generates.

use serde_json::{Map, Value, json};

use crate::format::{self, Field, RecordKind, Required, Table, Type};

/// The JSON Schema of one kind of file under the built-in campaign schema, pretty-printed,
/// ending in a newline.
pub fn json_schema(kind: RecordKind) -> String {
    json_schema_for(kind, crate::model::schema::Schema::builtin())
}

/// The JSON Schema of one kind of file under the campaign schema `schema`: its area ids, point
/// ids and answerable points are enumerations, so an editor rejects `area = 9` as `check` does.
pub fn json_schema_for(kind: RecordKind, schema: &crate::model::schema::Schema) -> String {
    let file = match kind {
        RecordKind::Campaign => &format::CAMPAIGN_FILE,
        RecordKind::Unit => &format::UNIT,
        RecordKind::Item => &format::ITEM,
    };
    let mut definitions = Map::new();
    let mut root = Map::new();
    root.insert(
        "$schema".to_owned(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    root.insert("title".to_owned(), json!(file.title));
    root.extend(table(file, &mut definitions));
    if !definitions.is_empty() {
        root.insert("definitions".to_owned(), Value::Object(definitions));
    }
    // A schemars `Schema` writes the keywords of a schema in their customary order.
    let mut root = schemars::Schema::from(root);
    enumerate(&mut root, kind, schema);
    let mut text = serde_json::to_string_pretty(&root).unwrap_or_default();
    text.push('\n');
    text
}

/// A table's schema; the tables below it go into `definitions`, by their titles.
fn table(table: &Table, definitions: &mut Map<String, Value>) -> Map<String, Value> {
    let properties: Map<String, Value> = table
        .fields
        .iter()
        .map(|f| (f.key.to_owned(), field(f, definitions)))
        .collect();
    let required: Vec<&str> = table
        .fields
        .iter()
        .filter(|f| matches!(f.required, Required::Always))
        .map(|f| f.key)
        .collect();
    let mut value = Map::new();
    value.insert("description".to_owned(), json!(table.zh));
    value.insert("type".to_owned(), json!("object"));
    value.insert("properties".to_owned(), Value::Object(properties));
    value.insert("additionalProperties".to_owned(), json!(false));
    if !required.is_empty() {
        value.insert("required".to_owned(), json!(required));
    }
    value
}

fn define(t: &Table, definitions: &mut Map<String, Value>) -> Value {
    if !definitions.contains_key(t.title) {
        let schema = table(t, definitions);
        definitions.insert(t.title.to_owned(), Value::Object(schema));
    }
    json!({ "$ref": format!("#/definitions/{}", t.title) })
}

/// One field's schema, its description included.
fn field(field: &Field, definitions: &mut Map<String, Value>) -> Value {
    let mut value = match field.ty {
        Type::Text => json!({ "type": "string" }),
        Type::TextList => json!({ "type": "array", "items": { "type": "string" } }),
        Type::TextOrList => json!({
            "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }]
        }),
        Type::Date => json!({ "type": "string", "format": "date" }),
        Type::Bool => json!({ "type": "boolean" }),
        Type::Integer { min, max } => {
            let mut value = json!({ "type": "integer" });
            if let Some(max) = max {
                value["maximum"] = json!(max);
            }
            if let Some(min) = min {
                value["minimum"] = json!(min);
            }
            value
        }
        Type::Enum(allowed) => json!({ "type": "string", "enum": allowed.spellings }),
        // `$ref` beside other keywords is ignored in draft-07: the description stays outside.
        Type::Table(t) => json!({ "allOf": [define(t, definitions)] }),
        Type::Tables(t) => json!({ "type": "array", "items": define(t, definitions) }),
        Type::Answers(t) => {
            let alone = t.fields.first().map(|f| self::field(f, definitions));
            let mut inline = table(t, definitions);
            // The inline table is described by the answer as a whole.
            inline.remove("description");
            json!({
                "type": "object",
                "additionalProperties": { "description": t.zh, "anyOf": [alone, inline] },
                "propertyNames": { "pattern": "^[0-9A-Za-z]+\\.[0-9]+$" },
            })
        }
    };
    value["description"] = json!(field.zh_description());
    value
}

/// Puts the campaign schema's ids into a generated JSON Schema, where the record format leaves
/// them to the campaign.
fn enumerate(
    value: &mut schemars::Schema,
    kind: RecordKind,
    schema: &crate::model::schema::Schema,
) {
    let points: Vec<&str> = schema.points.iter().map(|p| p.id.as_str()).collect();
    match kind {
        RecordKind::Campaign => {}
        RecordKind::Item => {
            if let Some(area) = value.pointer_mut("/properties/area")
                && !schema.areas.is_empty()
            {
                let ids: Vec<i64> = schema.areas.iter().map(|a| a.id).collect();
                let titles: Vec<String> = schema
                    .areas
                    .iter()
                    .map(|a| format!("{} {}", a.id, a.title))
                    .collect();
                area["enum"] = json!(ids);
                if let Some(field) = format::ITEM.field("area") {
                    area["description"] =
                        format!("{}：{}", field.zh_short(), titles.join(" | ")).into();
                }
            }
            if let Some(items) = value.pointer_mut("/properties/points/items")
                && !points.is_empty()
            {
                items["enum"] = json!(points);
            }
        }
        RecordKind::Unit => {
            // Only a point that some unit answers can be answered; P points are answered by
            // items.
            let answerable: Vec<&str> = schema
                .points
                .iter()
                .filter(|p| !p.applies_to.is_empty())
                .map(|p| p.id.as_str())
                .collect();
            if let Some(answers) =
                value.pointer_mut("/definitions/SelfCheckTable/properties/answers")
                && !answerable.is_empty()
            {
                answers["propertyNames"] = json!({ "enum": answerable });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        CAMPAIGN_KEYS, CLOSURE_KEYS, ITEM_KEYS, LINKAGE_KEYS, PROGRESS_KEYS, REVIEW_KEYS,
        SELF_CHECK_KEYS, UNIT_KEYS,
    };

    fn keys(kind: RecordKind, pointer: &str) -> Vec<String> {
        let value: serde_json::Value = serde_json::from_str(&json_schema(kind)).expect("JSON");
        let mut keys: Vec<String> = value
            .pointer(pointer)
            .and_then(|p| p.as_object())
            .unwrap_or_else(|| panic!("{pointer} in the {} schema", kind.name()))
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
        keys.sort();
        keys
    }

    #[test]
    fn schemas_have_the_readers_keys() {
        assert_eq!(keys(RecordKind::Item, "/properties"), sorted(ITEM_KEYS));
        assert_eq!(
            keys(RecordKind::Item, "/definitions/LinkageTable/properties"),
            sorted(LINKAGE_KEYS)
        );
        assert_eq!(
            keys(RecordKind::Item, "/definitions/ProgressTable/properties"),
            sorted(PROGRESS_KEYS)
        );
        assert_eq!(
            keys(RecordKind::Item, "/definitions/ClosureTable/properties"),
            sorted(CLOSURE_KEYS)
        );
        assert_eq!(keys(RecordKind::Unit, "/properties"), sorted(UNIT_KEYS));
        assert_eq!(
            keys(RecordKind::Unit, "/definitions/SelfCheckTable/properties"),
            sorted(SELF_CHECK_KEYS)
        );
        assert_eq!(
            keys(RecordKind::Unit, "/definitions/ReviewTable/properties"),
            sorted(REVIEW_KEYS)
        );
        assert_eq!(
            keys(
                RecordKind::Campaign,
                "/definitions/CampaignTable/properties"
            ),
            sorted(CAMPAIGN_KEYS)
        );
    }

    #[test]
    fn committed_schemas_match_the_code() {
        for kind in RecordKind::ALL {
            let path = format!(
                "{}/schema/{}.schema.json",
                env!("CARGO_MANIFEST_DIR"),
                kind.name()
            );
            let generated = json_schema(kind);
            if std::env::var_os("HUITOUKAN_BLESS").is_some() {
                std::fs::write(&path, &generated).expect("write the schema");
                continue;
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == generated,
                "{path} is out of date: run `HUITOUKAN_BLESS=1 cargo test --lib committed_schemas` \
                 (or `huitoukan schema --json-schema {} > {path}`)",
                kind.name()
            );
        }
    }
}
