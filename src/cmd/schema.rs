//! `huitoukan schema`: the campaign's areas and check points as a table, or a JSON Schema.

use std::path::Path;
use std::process::ExitCode;

use comfy_table::{ContentArrangement, presets};

use crate::cli::SchemaArgs;
use crate::diagnostic::outcome::{EXIT_OK, Fatal};
use crate::format::enums::Enumeration;
use crate::load::discover::{self, RootError};
use crate::model::json_schema;
use crate::model::records::campaign_schema;
use crate::model::schema::Schema;
use crate::settings::output::write_stream;
use crate::settings::root::root_error;
use crate::text::i18n::{Lang, Term};

pub fn run(args: &SchemaArgs, lang: Lang) -> Result<ExitCode, Fatal> {
    // The schema in force: inside a tree whose campaign names its own, that one.
    let schema = match discover::find_root(Path::new(".")) {
        Ok(root) => campaign_schema(&root),
        Err(RootError::NotFound) => Schema::builtin().clone(),
        Err(e) => return Err(root_error(Path::new("."), e)),
    };
    let text = match args.json_schema {
        Some(kind) => json_schema::json_schema_for(kind.into(), &schema),
        None => table(&schema, lang),
    };
    write_stream(&mut std::io::stdout(), &text)?;
    Ok(ExitCode::from(EXIT_OK))
}

fn table(schema: &Schema, lang: Lang) -> String {
    let mut areas = comfy_table::Table::new();
    areas
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec![
            Term::Area.text(lang),
            "key",
            Term::AreaTitle.text(lang),
        ]);
    for area in &schema.areas {
        areas.add_row(vec![
            area.id.to_string(),
            area.key.clone(),
            area.title.clone(),
        ]);
    }
    let mut points = comfy_table::Table::new();
    points
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::DynamicFullWidth)
        .set_width(120)
        .set_header(vec![
            Term::Id.text(lang),
            Term::Area.text(lang),
            Term::AppliesTo.text(lang),
            Term::Batch.text(lang),
            Term::Question.text(lang),
        ]);
    for point in &schema.points {
        let applies = if point.applies_to.is_empty() {
            Term::ByItems.text(lang).to_owned()
        } else {
            point
                .applies_to
                .iter()
                .map(|c| c.label())
                .collect::<Vec<_>>()
                .join("、")
        };
        points.add_row(vec![
            point.id.clone(),
            point.area.map(|a| a.to_string()).unwrap_or_default(),
            applies,
            point.batch.map(|b| b.to_string()).unwrap_or_default(),
            point.text.clone(),
        ]);
    }
    format!("{areas}\n\n{points}\n")
}
