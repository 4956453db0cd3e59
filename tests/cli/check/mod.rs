//! `huitoukan check`: one test per diagnostic code, then exit codes, output formats, languages,
//! a campaign with its own schema, and the example tree.

mod blocks;
mod campaign_schema;
mod dates;
mod example;
mod exit;
mod fields;
mod files;
mod formats;
mod languages;
mod links;
mod order;
mod path;
mod schema;
mod self_check;
mod status;
mod warnings;

pub(crate) use serde_json::Value;

pub(crate) use crate::harness::{
    AS_OF, CAMPAIGN, ITEM, ITEM_NAME, ITEM_PATH, ORG, Tree, UNIT, UNIT_PATH, UNIT_PENDING,
    check_document, check_json, check_json_with, diagnostics, edit, found, helps, output,
    unit_with_self_check, valid, with_item, with_unit,
};

/// The item with its status line replaced by `lines`.
fn item_with_status(lines: &str) -> String {
    edit(ITEM, "status = \"未完成\"\n", lines)
}

/// A campaign schema of the same form as the built-in one, with two areas of its own.
pub(crate) const AUDIT_SCHEMA: &str = r#"[schema]
name = "审计整改"

[[area]]
id = 1
key = "findings"
title = "审计发现问题整改情况"

[[area]]
id = 2
key = "rules"
title = "制度完善情况"

[[point]]
id = "A.1"
area = 1
text = "审计发现的问题是否整改到位"
applies_to = ["领导班子"]

[[point]]
id = "A.2"
area = 2
text = "是否建章立制、堵塞漏洞"
applies_to = ["领导班子"]
"#;

/// A unit answering the two points of [`AUDIT_SCHEMA`].
const AUDIT_UNIT: &str = r#"name = "中共浙江省审计厅党组"
category = "领导班子"
batch = 1

[self_check]
submitted_on = 2015-02-10
meeting_on = 2015-01-20
[self_check.answers]
"A.1" = "是"
"A.2" = "是"
"#;

pub(crate) fn audit_campaign() -> String {
    format!("{CAMPAIGN}schema = \"areas.toml\"\n")
}
