//! A whole records tree, loaded: discover -> read -> parse -> model, files in parallel.
//!
//! Loading never stops at a bad file: every problem becomes a diagnostic, and the model holds
//! whatever could be read. The order of everything is the sorted order of paths, whatever the
//! thread count.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{self, Code, Diagnostic};
use crate::discover::{self, CAMPAIGN_FILE, EDITOR_FILES, Entry, EntryKind, UNIT_FILE};
use crate::i18n::Msg;
use crate::load;
use crate::model::fields::Sink;
use crate::model::{Campaign, Item, Unit};
use crate::schema::Schema;
use crate::source::{FileId, Files, SourceFile};

#[derive(Debug)]
pub struct Records {
    pub root: PathBuf,
    pub files: Files,
    pub campaign: Option<Campaign>,
    /// `None` when the campaign's own schema file is missing or invalid.
    pub schema: Option<Schema>,
    /// Sorted by org path.
    pub units: Vec<Box<Unit>>,
    /// Sorted by file path; `unit_of[i]` is the index in `units` of item `i`'s unit.
    /// Boxed where they were read, so loading never holds two copies of them.
    pub items: Vec<Box<Item>>,
    pub unit_of: Vec<Option<usize>>,
    /// The inverse: the indexes of each unit's items, in path order.
    pub unit_items: Vec<Vec<usize>>,
    /// Problems found while loading (files, syntax, fields); rules add the rest.
    pub diagnostics: Vec<Diagnostic>,
    file_count: usize,
}

/// What one file is, by its place in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Campaign,
    Schema,
    Unit,
    Item,
    Ignored,
}

/// The model of one file; boxed, so the list of loaded files stays small until each model is
/// moved into its place.
enum Parsed {
    Campaign(Box<Campaign>),
    Schema(Option<Box<Schema>>),
    Unit(Box<Unit>),
    Item(Box<Item>),
    Nothing,
}

struct Loaded {
    source: SourceFile,
    parsed: Parsed,
    diagnostics: Vec<Diagnostic>,
}

impl Records {
    pub fn load(root: &Path) -> Records {
        let entries = discover::walk(root);
        let mut files = Files::default();
        let mut diagnostics = Vec::new();

        // The campaign first: it names the schema file, which is then no item.
        let campaign_loaded = load_file(
            &root.join(CAMPAIGN_FILE),
            CAMPAIGN_FILE.to_owned(),
            Role::Campaign,
            FileId(0),
        );
        let campaign_id = files.add(campaign_loaded.source);
        diagnostics.extend(campaign_loaded.diagnostics);
        let campaign = match campaign_loaded.parsed {
            Parsed::Campaign(c) => Some(*c),
            _ => None,
        };
        let schema_rel = campaign
            .as_ref()
            .and_then(|c| c.schema.as_ref())
            .and_then(|s| match normalize_inside(s.get_ref()) {
                Some(rel) => Some(rel),
                None => {
                    let msg = Msg::SchemaOutsideRoot {
                        path: s.get_ref().clone(),
                    };
                    diagnostics.push(Diagnostic::at(
                        Code::SchemaInvalid,
                        campaign_id,
                        s.span(),
                        msg,
                    ));
                    None
                }
            });

        let roles: Vec<(Role, Entry)> = entries
            .into_iter()
            .filter(|e| e.rel != CAMPAIGN_FILE)
            .map(|e| (role_of(&e.rel, schema_rel.as_deref()), e))
            .filter(|(role, _)| *role != Role::Ignored)
            .collect();
        let count = |wanted: Role| roles.iter().filter(|(role, _)| *role == wanted).count();
        let (unit_count, item_count) = (count(Role::Unit), count(Role::Item));
        let file_count = 1 + roles
            .iter()
            .filter(|(_, e)| matches!(e.kind, EntryKind::Toml))
            .count();
        files.reserve(roles.len());
        let mut schema = None;
        let mut schema_seen = false;
        let mut units = Vec::with_capacity(unit_count);
        let mut items = Vec::with_capacity(item_count);
        // In chunks, so that only one chunk's results wait at a time to be put in their place.
        let mut pending = roles.into_iter();
        loop {
            let chunk: Vec<(Role, Entry)> = pending.by_ref().take(LOAD_CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            let first_id = files.len() as u32;
            let loaded: Vec<Loaded> = chunk
                .into_par_iter()
                .enumerate()
                .map(|(i, (role, entry))| {
                    load_entry(root, role, entry, FileId(first_id + i as u32))
                })
                .collect();
            for l in loaded {
                let id = files.add(l.source);
                diagnostics.extend(l.diagnostics);
                match l.parsed {
                    Parsed::Schema(s) => {
                        schema_seen = true;
                        schema = s.map(|s| *s);
                    }
                    Parsed::Unit(u) if u.org.is_empty() => {
                        diagnostics.push(
                            Diagnostic::whole_file(Code::RootUnit, id, Msg::RootUnit)
                                .with_help(Msg::RootUnitHelp),
                        );
                    }
                    Parsed::Unit(u) => units.push(u),
                    Parsed::Item(i) => items.push(i),
                    Parsed::Campaign(_) | Parsed::Nothing => {}
                }
            }
        }
        let named_schema = campaign.as_ref().and_then(|c| c.schema.as_ref());
        match (&campaign, named_schema, &schema_rel) {
            (Some(_), None, _) => schema = Some(Schema::builtin().unwrap_or_default()),
            (_, Some(s), Some(rel)) if !schema_seen => {
                let msg = Msg::SchemaMissing { path: rel.clone() };
                diagnostics.push(Diagnostic::at(
                    Code::SchemaInvalid,
                    campaign_id,
                    s.span(),
                    msg,
                ));
            }
            _ => {}
        }

        // Say once per problem what an unusable schema costs.
        for d in &mut diagnostics {
            if d.code == Code::SchemaInvalid && d.help.is_none() {
                d.help = Some(Box::new(Msg::SchemaUnusable));
            }
        }

        units.sort_by(|a, b| a.org.cmp(&b.org));
        let unit_of: Vec<_> = items
            .iter()
            .map(|item| unit_index(&units, files.path(item.file)))
            .collect();
        let mut unit_items = vec![Vec::new(); units.len()];
        for (item, unit) in unit_of.iter().enumerate() {
            if let Some(unit) = unit {
                unit_items[*unit].push(item);
            }
        }
        Records {
            root: root.to_path_buf(),
            files,
            campaign,
            schema,
            units,
            items,
            unit_of,
            unit_items,
            diagnostics,
            file_count,
        }
    }

    /// How many record files were read (links and unreadable folders are not counted).
    pub fn file_count(&self) -> usize {
        self.file_count
    }

    /// The folder of a unit, by org path.
    pub fn unit_by_org(&self, org: &str) -> Option<usize> {
        self.units
            .binary_search_by(|u| u.org.as_str().cmp(org))
            .ok()
    }
}

/// The nearest unit at or above an item's folder.
fn unit_index(units: &[Box<Unit>], item_path: &str) -> Option<usize> {
    let mut dir = item_path;
    while let Some(cut) = dir.rfind('/') {
        dir = &dir[..cut];
        if let Ok(i) = units.binary_search_by(|u| u.org.as_str().cmp(dir)) {
            return Some(i);
        }
    }
    None
}

fn role_of(rel: &str, schema: Option<&str>) -> Role {
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    if Some(rel) == schema {
        Role::Schema
    } else if name == UNIT_FILE {
        Role::Unit
    } else if dir.is_empty() && EDITOR_FILES.contains(&name) {
        Role::Ignored
    } else {
        Role::Item
    }
}

/// A relative path that stays inside the root, `/`-separated; `None` for `..` or absolute paths.
pub fn normalize_inside(path: &str) -> Option<String> {
    let path = path.replace('\\', "/");
    if path.starts_with('/') || path.as_bytes().get(1) == Some(&b':') {
        return None;
    }
    let mut parts = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p => parts.push(p),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// How many files are read in parallel before their models are put in place.
const LOAD_CHUNK: usize = 4096;

fn load_entry(root: &Path, role: Role, entry: Entry, id: FileId) -> Loaded {
    match entry.kind {
        EntryKind::Toml => load_file(&entry.path(root), entry.rel, role, id),
        EntryKind::Symlink => skipped(
            entry.rel,
            id,
            Code::SymlinkSkipped,
            Msg::SymlinkSkipped,
            Some(Msg::SymlinkHelp),
        ),
        EntryKind::Error(detail) => skipped(
            entry.rel,
            id,
            Code::Unreadable,
            Msg::Unreadable {
                detail: detail.into(),
            },
            None,
        ),
    }
}

fn skipped(rel: String, id: FileId, code: Code, message: Msg, help: Option<Msg>) -> Loaded {
    Loaded {
        source: SourceFile::new(rel, String::new()),
        parsed: Parsed::Nothing,
        diagnostics: vec![Diagnostic::whole_file(code, id, message).with_help(help)],
    }
}

fn load_file(path: &Path, rel: String, role: Role, id: FileId) -> Loaded {
    let text = match load::read_text(path, id) {
        Ok(text) => text,
        Err(d) => {
            let parsed = unreadable(role, &rel, id);
            let source = SourceFile::new(rel, String::new());
            return Loaded {
                source,
                parsed,
                diagnostics: vec![d],
            };
        }
    };
    let rel_str = rel.as_str();
    let (table, mut diagnostics) = load::parse(&text, id);
    let parsed = if diagnostics.is_empty() {
        let mut sink = Sink::new(id);
        let parsed = match role {
            Role::Campaign => Parsed::Campaign(Box::new(Campaign::read(&mut sink, &table))),
            Role::Schema => Parsed::Schema(Schema::read(&mut sink, &table).map(Box::new)),
            Role::Unit => Parsed::Unit(Box::new(Unit::read(
                &mut sink,
                &table,
                unit_org(rel_str),
                &text,
            ))),
            Role::Item => Parsed::Item(Box::new(Item::read(&mut sink, &table, stem(rel_str)))),
            Role::Ignored => Parsed::Nothing,
        };
        diagnostics.extend(sink.diagnostics);
        parsed
    } else {
        // A file with syntax errors is not read further: what the parser recovered would only
        // add confusing follow-on errors.
        unreadable(role, rel_str, id)
    };
    drop(table);
    if role == Role::Schema {
        // Whatever is wrong inside the campaign's schema file makes the schema unusable.
        for d in &mut diagnostics {
            d.code = Code::SchemaInvalid;
        }
    }
    Loaded {
        source: SourceFile::new(rel, text),
        parsed,
        diagnostics: diagnostic::order_one_file(diagnostics),
    }
}

/// What stands for a file that could not be read: a unit still counts as a unit (so its items
/// are not orphans), a schema as an unusable one.
fn unreadable(role: Role, rel: &str, id: FileId) -> Parsed {
    match role {
        Role::Unit => Parsed::Unit(Box::new(Unit {
            readable: false,
            ..Unit::read(&mut Sink::new(id), &Default::default(), unit_org(rel), "")
        })),
        Role::Schema => Parsed::Schema(None),
        Role::Campaign | Role::Item | Role::Ignored => Parsed::Nothing,
    }
}

fn unit_org(rel: &str) -> String {
    rel.rsplit_once('/').map_or("", |(dir, _)| dir).to_owned()
}

fn stem(rel: &str) -> &str {
    let name = rel.rsplit_once('/').map_or(rel, |(_, name)| name);
    name.strip_suffix(".toml").unwrap_or(name)
}

/// The schema a campaign uses, read without walking the tree: its own where it names one that
/// reads cleanly, else the built-in one. For templates, which list the areas.
pub fn campaign_schema(root: &Path) -> Schema {
    let campaign = load_file(
        &root.join(CAMPAIGN_FILE),
        CAMPAIGN_FILE.to_owned(),
        Role::Campaign,
        FileId(0),
    );
    let named = match campaign.parsed {
        Parsed::Campaign(c) => c.schema.and_then(|s| normalize_inside(s.get_ref())),
        _ => None,
    };
    if let Some(rel) = named {
        let path = root.join(&rel);
        let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link
            && let Parsed::Schema(Some(schema)) =
                load_file(&path, rel, Role::Schema, FileId(0)).parsed
        {
            return *schema;
        }
    }
    Schema::builtin().unwrap_or_default()
}
