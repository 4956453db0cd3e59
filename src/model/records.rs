//! A whole records tree, loaded: discover -> read -> parse -> model, files in parallel.
//!
//! Loading never stops at a bad file: every problem becomes a diagnostic, and the model holds
//! whatever could be read. The order of everything is the sorted order of paths, whatever the
//! thread count.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{self, Code, Diagnostic};
use crate::load;
use crate::load::discover::{CAMPAIGN_FILE, EDITOR_FILES, Entry, EntryKind, UNIT_FILE};
use crate::load::origin::{Look, Origin, Reader, WorkTree};
use crate::load::source::{FileId, Files, SourceFile, Unreadable};
use crate::model::fields::{FileText, Sink};
use crate::model::schema::Schema;
use crate::model::{Campaign, Item, Unit};
use crate::text::i18n::Msg;
use crate::text::messages::files::FileMsg;

#[derive(Clone, Debug)]
pub struct Records {
    pub root: PathBuf,
    pub files: Files,
    pub campaign: Option<Campaign>,
    /// `None` when the campaign's own schema file is missing or invalid.
    pub schema: Option<Schema>,
    /// Sorted by org path.
    pub units: Vec<Box<Unit>>,
    /// Sorted by file path; [`Records::unit_of`] gives the index in `units` of an item's unit.
    /// Boxed where they were read, so loading never holds two copies of them.
    pub items: Vec<Box<Item>>,
    /// By item: its unit's index in `units` (a province's items are tens of thousands).
    unit_of: Vec<Option<u32>>,
    /// The inverse: the indexes of each unit's items, in path order.
    pub unit_items: Vec<Vec<usize>>,
    /// Problems found while loading (files, syntax, fields); rules add the rest.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the files were read: the work tree, or a revision's tree.
    pub origin: Arc<dyn Origin>,
    file_count: usize,
    /// By file: whether it was read and modelled (a unit or an item) without a problem, so
    /// that a later load of the same text may take its model over ([`Reuse`]).
    clean: Vec<bool>,
    /// Each unit's self-check due date, worked out once for the rules and the report
    /// (`status::unit_due_dates`).
    pub(crate) due_dates: std::sync::OnceLock<Vec<Option<jiff::civil::Date>>>,
}

/// The unit and item models of records loaded before, taken over by a load of another state
/// of the same tree wherever a file's text is the same: the model of a file depends on its
/// path and text alone. What matters to `diff` and `trend`, which load one tree twice or
/// twelve times with a few files changed.
pub struct Reuse<'a> {
    records: &'a Records,
    by_path: std::collections::HashMap<&'a str, Kept>,
}

/// What [`Reuse::take`] gives: the model taken over, or the text it read to find it changed.
enum Taken {
    Model(Loaded),
    Read(Result<String, Diagnostic>),
}

#[derive(Clone, Copy)]
enum Kept {
    Unit(usize),
    Item(usize),
}

impl<'a> Reuse<'a> {
    pub fn of(records: &'a Records) -> Reuse<'a> {
        let clean = |file: FileId| records.clean.get(file.0 as usize) == Some(&true);
        let units = records
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.file, Kept::Unit(i)));
        let items = records
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.file, Kept::Item(i)));
        let by_path = units
            .chain(items)
            .filter(|(file, _)| clean(*file))
            .map(|(file, kept)| (records.files.path(file), kept))
            .collect();
        Reuse { records, by_path }
    }

    /// The model of `entry` taken over, if the file at that path was clean and its text is the
    /// same: known from the two origins' content ids where both have them, else by reading it
    /// (and then the text read is handed back when it differs, so nothing is read twice).
    fn take(
        &self,
        origin: &dyn Origin,
        reader: &mut dyn Reader,
        root: &Path,
        role: Role,
        entry: &Entry,
        id: FileId,
    ) -> Option<Taken> {
        let kept = *self.by_path.get(entry.rel.as_str())?;
        let old = match (kept, role, &entry.kind) {
            (Kept::Unit(i), Role::Unit, EntryKind::Toml) => self.records.units[i].file,
            (Kept::Item(i), Role::Item, EntryKind::Toml) => self.records.items[i].file,
            _ => return None,
        };
        let old_file = self.records.files.get(old);
        let ids = origin
            .content_id(&entry.rel)
            .zip(self.records.origin.content_id(&entry.rel));
        match ids {
            Some((now, before)) if now != before => return None,
            Some(_) => {}
            None => match reader.read(root, entry, id) {
                // An old text that does not unpack is not taken over: the file is read anew.
                Ok(text) if old_file.text().is_ok_and(|old| *text == *old) => {}
                read => return Some(Taken::Read(read)),
            },
        }
        let parsed = match kept {
            Kept::Unit(i) => Parsed::Unit(Box::new(Unit {
                file: id,
                ..(*self.records.units[i]).clone()
            })),
            Kept::Item(i) => Parsed::Item(Box::new(Item {
                file: id,
                ..(*self.records.items[i]).clone()
            })),
        };
        Some(Taken::Model(Loaded {
            source: SourceFile::with_text_of(entry.rel.clone(), old_file),
            parsed,
            diagnostics: Vec::new(),
        }))
    }
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

/// The campaign file and the schema file it names, read before the rest of the tree.
struct Head {
    campaign: Option<Campaign>,
    /// As read: `None` where it is missing or invalid, or where the campaign names none.
    schema: Option<Schema>,
    /// The schema file the campaign names, relative to the root, where it lies inside it.
    schema_rel: Option<String>,
    /// Whether the schema file was read (it is then one of the files).
    schema_read: bool,
}

/// Reads the campaign (as file 0) and the schema it names (as file 1), adding them to `files`
/// and their problems to `diagnostics`.
fn load_head(
    root: &Path,
    origin: &dyn Origin,
    files: &mut Files,
    diagnostics: &mut Vec<Diagnostic>,
) -> Head {
    let campaign_loaded = load_file(
        origin
            .reader()
            .read(root, &plain_entry(CAMPAIGN_FILE), FileId(0)),
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
                let msg = FileMsg::SchemaOutsideRoot {
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

    // The schema file is read by the path the campaign gives, as `new` reads it, wherever it
    // is inside the root (a hidden folder too); the walk only reports a link there.
    let mut schema = None;
    let mut schema_read = false;
    if let (Some(rel), Some(named)) = (
        &schema_rel,
        campaign.as_ref().and_then(|c| c.schema.as_ref()),
    ) {
        match read_schema(origin, root, rel, FileId(1)) {
            Ok(loaded) => {
                files.add(loaded.source);
                diagnostics.extend(loaded.diagnostics);
                schema_read = true;
                if let Parsed::Schema(s) = loaded.parsed {
                    schema = s.map(|s| *s);
                }
            }
            Err(msg) => diagnostics.push(Diagnostic::at(
                Code::SchemaInvalid,
                campaign_id,
                named.span(),
                msg,
            )),
        }
    }
    Head {
        campaign,
        schema,
        schema_rel,
        schema_read,
    }
}

/// Where the files of a load come from: the tree's origin, the texts laid over it, and the
/// models a load before may give.
struct Sources<'a> {
    root: &'a Path,
    origin: &'a Arc<dyn Origin>,
    overlay: &'a Overlay,
    reuse: Option<&'a Reuse<'a>>,
}

/// The units and items of a tree, as read, and which files are [`Records::clean`]. Boxed as
/// [`Records`] keeps them: where they were read, never moved or copied.
#[allow(clippy::vec_box)]
struct Body {
    units: Vec<Box<Unit>>,
    items: Vec<Box<Item>>,
    clean: Vec<bool>,
}

impl Sources<'_> {
    /// Reads every file of `roles` on every thread, in chunks, so that only one chunk's results
    /// wait at a time to be put in their place; adds them to `files` in order, their problems
    /// to `diagnostics`.
    fn load_body(
        &self,
        roles: Vec<(Role, Entry)>,
        files: &mut Files,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Body {
        let Sources {
            root,
            origin,
            overlay,
            reuse,
        } = *self;
        let count = |wanted: Role| roles.iter().filter(|(role, _)| *role == wanted).count();
        let (unit_count, item_count) = (count(Role::Unit), count(Role::Item));
        files.reserve(roles.len());
        let mut units = Vec::with_capacity(unit_count);
        let mut items = Vec::with_capacity(item_count);
        // The campaign and the schema are never taken over.
        let mut clean = vec![false; files.len()];
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
                .map_init(
                    || origin.reader(),
                    |reader, (i, (role, entry))| {
                        let id = FileId(first_id + i as u32);
                        if let Some(text) = overlay.get(&entry.rel) {
                            return load_text(text.clone(), entry.rel, role, id);
                        }
                        let taken = reuse.and_then(|r| {
                            r.take(origin.as_ref(), reader.as_mut(), root, role, &entry, id)
                        });
                        match taken {
                            Some(Taken::Model(loaded)) => loaded,
                            Some(Taken::Read(text)) => load_file(text, entry.rel, role, id),
                            None => load_entry(reader.as_mut(), root, role, entry, id),
                        }
                    },
                )
                .collect();
            for l in loaded {
                let modelled = matches!(l.parsed, Parsed::Unit(_) | Parsed::Item(_));
                clean.push(modelled && l.diagnostics.is_empty());
                let id = files.add(l.source);
                diagnostics.extend(l.diagnostics);
                match l.parsed {
                    Parsed::Unit(u) if u.org.is_empty() => {
                        diagnostics.push(
                            Diagnostic::whole_file(Code::RootUnit, id, FileMsg::RootUnit)
                                .with_help(FileMsg::RootUnitHelp),
                        );
                    }
                    Parsed::Unit(u) => units.push(u),
                    Parsed::Item(i) => items.push(i),
                    Parsed::Campaign(_) | Parsed::Schema(_) | Parsed::Nothing => {}
                }
            }
        }
        Body {
            units,
            items,
            clean,
        }
    }
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

/// Files that stand in for the tree's own, or join it, without being written: the tree as it
/// would be after an import. Relative paths, `/`-separated, to the text each would hold.
pub type Overlay = std::collections::BTreeMap<String, String>;

impl Records {
    /// The index in `units` of item `item`'s unit; `None` for an item in no unit's folder.
    pub fn unit_of(&self, item: usize) -> Option<usize> {
        self.unit_of
            .get(item)
            .copied()
            .flatten()
            .map(|u| u as usize)
    }

    /// The text of `file`, to read its fields' strings from.
    pub fn text_of(&self, file: FileId) -> Result<FileText<'_>, Unreadable> {
        FileText::of(self.files.get(file))
    }

    /// Whether a dated fact of the records lies after `day` ([`Records::as_of`] would set one
    /// aside): one pass over the models, without changing them.
    pub fn has_facts_after(&self, day: jiff::civil::Date) -> bool {
        self.units.iter().any(|u| u.has_facts_after(day))
            || self.items.iter().any(|i| i.has_facts_after(day))
    }

    /// The records as they stood on `day`, as far as their dates tell (SPEC §14): every dated
    /// fact after it set aside ([`Item::as_of`], [`Unit::as_of`]), and a problem found after it
    /// (新发现) not on the ledger yet. Returns how many facts were set aside.
    pub fn as_of(&mut self, day: jiff::civil::Date) -> usize {
        let mut set_aside = 0;
        for unit in &mut self.units {
            set_aside += unit.as_of(day);
        }
        for item in &mut self.items {
            set_aside += item.as_of(day);
        }
        if self.items.iter().any(|i| i.found_after(day)) {
            let items = std::mem::take(&mut self.items);
            let unit_of = std::mem::take(&mut self.unit_of);
            for (item, unit) in items.into_iter().zip(unit_of) {
                if item.found_after(day) {
                    set_aside += 1;
                } else {
                    self.items.push(item);
                    self.unit_of.push(unit);
                }
            }
            let mut unit_items = vec![Vec::new(); self.units.len()];
            for (item, unit) in self.unit_of.iter().enumerate() {
                if let Some(list) = unit.and_then(|u| unit_items.get_mut(u as usize)) {
                    list.push(item);
                }
            }
            self.unit_items = unit_items;
        }
        set_aside
    }

    /// Whether the tree reads the file at `rel` (below the root, `/`-separated) beyond its
    /// records: a unit's self-check report, named relative to the unit's folder.
    pub fn reads(&self, rel: &str) -> bool {
        self.units.iter().any(|unit| {
            let Some(report) = unit.self_check.as_ref().and_then(|s| s.report.as_ref()) else {
                return false;
            };
            let at = crate::load::discover::lexical(&Path::new(&unit.org).join(report.get_ref()));
            crate::load::discover::relative(Path::new(""), &at) == rel
        })
    }

    /// The tree on disk under `root`.
    pub fn load(root: &Path) -> Records {
        Records::load_from(root, Arc::new(WorkTree))
    }

    /// [`Records::load`] of the tree with `overlay`'s files in place of (or beside) its own.
    pub fn load_with(root: &Path, overlay: &Overlay) -> Records {
        Records::load_overlaid(root, Arc::new(WorkTree), overlay, None)
    }

    /// The tree `origin` holds, `root` standing for its top (where the work tree has it).
    pub fn load_from(root: &Path, origin: Arc<dyn Origin>) -> Records {
        Records::load_overlaid(root, origin, &Overlay::new(), None)
    }

    /// [`Records::load_from`], taking over the models of `reuse` where a file is the same.
    pub fn load_reusing(root: &Path, origin: Arc<dyn Origin>, reuse: &Reuse<'_>) -> Records {
        Records::load_overlaid(root, origin, &Overlay::new(), Some(reuse))
    }

    fn load_overlaid(
        root: &Path,
        origin: Arc<dyn Origin>,
        overlay: &Overlay,
        reuse: Option<&Reuse<'_>>,
    ) -> Records {
        let mut entries = origin.entries(root);
        if !overlay.is_empty() {
            entries.retain(|e| !overlay.contains_key(&e.rel));
            entries.extend(overlay.keys().map(|rel| Entry {
                rel: rel.clone(),
                path: None,
                kind: EntryKind::Toml,
            }));
            entries.sort_by(|a, b| a.rel.cmp(&b.rel));
        }
        let mut files = Files::default();
        let mut diagnostics = Vec::new();
        // The campaign first: it names the schema file, which is then no item.
        let head = load_head(root, origin.as_ref(), &mut files, &mut diagnostics);
        let roles: Vec<(Role, Entry)> = entries
            .into_iter()
            .filter(|e| e.rel != CAMPAIGN_FILE)
            .filter(|e| {
                Some(e.rel.as_str()) != head.schema_rel.as_deref()
                    || matches!(e.kind, EntryKind::Symlink)
            })
            .map(|e| (role_of(&e.rel, head.schema_rel.as_deref()), e))
            .filter(|(role, _)| *role != Role::Ignored)
            .collect();
        let file_count = 1
            + usize::from(head.schema_read)
            + roles
                .iter()
                .filter(|(_, e)| matches!(e.kind, EntryKind::Toml))
                .count();
        let from = Sources {
            root,
            origin: &origin,
            overlay,
            reuse,
        };
        let body = from.load_body(roles, &mut files, &mut diagnostics);
        let Head {
            campaign,
            mut schema,
            ..
        } = head;
        if campaign.as_ref().is_some_and(|c| c.schema.is_none()) {
            schema = Some(Schema::builtin().clone());
        }

        // Say once per problem what an unusable schema costs.
        for d in &mut diagnostics {
            if d.code == Code::SchemaInvalid && d.help.is_none() {
                d.help = Some(Box::new(FileMsg::SchemaUnusable.into()));
            }
        }

        let Body {
            mut units,
            items,
            clean,
        } = body;
        units.sort_by(|a, b| a.org.cmp(&b.org));
        let unit_of: Vec<_> = items
            .iter()
            .map(|item| {
                unit_index(&units, files.path(item.file)).and_then(|u| u32::try_from(u).ok())
            })
            .collect();
        let mut unit_items = vec![Vec::new(); units.len()];
        for (item, unit) in unit_of.iter().enumerate() {
            if let Some(list) = unit.and_then(|u| unit_items.get_mut(u as usize)) {
                list.push(item);
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
            origin,
            file_count,
            clean,
            due_dates: std::sync::OnceLock::new(),
        }
    }

    /// What is at `rel` in the tree the records were read from.
    pub fn look_up(&self, rel: &str) -> Look {
        self.origin.look_up(&self.root, rel)
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

/// A relative path that stays inside the root, `/`-separated; `None` for `..`, absolute paths,
/// drive letters (`C:`, `C:/…`: one ASCII letter and a colon, then nothing or a separator) and
/// any part this system would take as more than a name (`a:b.md` on Windows).
pub fn normalize_inside(path: &str) -> Option<String> {
    let path = path.replace('\\', "/");
    let drive = match path.as_bytes() {
        [letter, b':', rest @ ..] => {
            letter.is_ascii_alphabetic() && matches!(rest.first(), None | Some(b'/'))
        }
        _ => false,
    };
    if path.starts_with('/') || drive {
        return None;
    }
    let mut parts = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p => {
                let mut components = Path::new(p).components();
                let plain = matches!(components.next(), Some(std::path::Component::Normal(_)))
                    && components.next().is_none();
                if !plain {
                    return None;
                }
                parts.push(p);
            }
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// How many files are read in parallel before their models are put in place.
const LOAD_CHUNK: usize = 4096;

/// An entry of a plain name: a regular file whose path is the root joined with `rel`.
fn plain_entry(rel: &str) -> Entry {
    Entry {
        rel: rel.to_owned(),
        path: None,
        kind: EntryKind::Toml,
    }
}

fn load_entry(
    reader: &mut dyn Reader,
    root: &Path,
    role: Role,
    entry: Entry,
    id: FileId,
) -> Loaded {
    match entry.kind {
        EntryKind::Toml => {
            let text = reader.read(root, &entry, id);
            load_file(text, entry.rel, role, id)
        }
        EntryKind::Symlink => skipped(
            entry.rel,
            id,
            Code::SymlinkSkipped,
            FileMsg::SymlinkSkipped.into(),
            Some(FileMsg::SymlinkHelp.into()),
        ),
        EntryKind::Error(detail) => skipped(
            entry.rel,
            id,
            Code::Unreadable,
            FileMsg::Unreadable {
                detail: detail.into(),
            }
            .into(),
            None,
        ),
        EntryKind::NameNotUtf8 { folder, gbk } => skipped(
            entry.rel,
            id,
            Code::NameNotUtf8,
            FileMsg::NameNotUtf8 { folder }.into(),
            Some(
                FileMsg::NameNotUtf8Help {
                    gbk: gbk.map(String::from),
                }
                .into(),
            ),
        ),
        EntryKind::Misnamed { rename } => skipped(
            entry.rel,
            id,
            Code::Misnamed,
            FileMsg::Misnamed.into(),
            Some(
                FileMsg::MisnamedHelp {
                    rename: rename.into(),
                }
                .into(),
            ),
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

/// Parses and models one file from what reading it gave.
fn load_file(read: Result<String, Diagnostic>, rel: String, role: Role, id: FileId) -> Loaded {
    let text = match read {
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
    load_text(text, rel, role, id)
}

fn load_text(text: String, rel: String, role: Role, id: FileId) -> Loaded {
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

/// The campaign's own schema file at `rel`, looked at step by step without following a link
/// and read only if it is a regular file; otherwise what to say about it.
fn read_schema(origin: &dyn Origin, root: &Path, rel: &str, id: FileId) -> Result<Loaded, Msg> {
    let path = rel.to_owned();
    match origin.look_up(root, rel) {
        Look::File => {
            let text = origin.reader().read(root, &plain_entry(rel), id);
            Ok(load_file(text, rel.to_owned(), Role::Schema, id))
        }
        Look::Other => Err(FileMsg::SchemaNotFile { path }.into()),
        Look::Link => Err(FileMsg::SchemaLink { path }.into()),
        Look::Missing => Err(FileMsg::SchemaMissing { path }.into()),
    }
}

/// The schema a campaign uses, read without walking the tree but as `check` reads it: its own
/// where it names one that reads cleanly, else the built-in one. For templates, which list the
/// areas.
pub fn campaign_schema(root: &Path) -> Schema {
    let campaign = load_file(
        load::read_text(&root.join(CAMPAIGN_FILE), FileId(0)),
        CAMPAIGN_FILE.to_owned(),
        Role::Campaign,
        FileId(0),
    );
    let named = match campaign.parsed {
        Parsed::Campaign(c) => c.schema.and_then(|s| normalize_inside(s.get_ref())),
        _ => None,
    };
    if let Some(rel) = named
        && let Ok(loaded) = read_schema(&WorkTree, root, &rel, FileId(0))
        && let Parsed::Schema(Some(schema)) = loaded.parsed
    {
        return *schema;
    }
    Schema::builtin().clone()
}

use crate::diagnostic::doc::{BASE_CAMPAIGN, BASE_ITEM, Change, Example, Prose, RuleDoc, Shown};

/// What each code raised here means, with worked examples: see [`crate::explain`].
pub const DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: Code::SchemaInvalid,
        trigger: Prose {
            en: r#"`campaign.schema` in `huitoukan.toml` names a file that does not exist, a path outside
the root (`..`, absolute, a drive letter), a path through a symbolic link (`方案文件 "…" 经过符号链接，不读取`),
something that is not a regular file (`方案文件 "…" 不是普通文件`), or a file that is not a valid schema: a syntax error, an unknown key, a
missing field, a duplicate area or point id, a point whose `area` is not one of the file's areas.
While the schema is unusable, areas, points and answers are not checked anywhere, which the help
line says. The schema file is read by the path given, wherever it is inside the root: in a hidden
folder (`schema = ".config/areas.toml"`) too, although the walk skips hidden folders otherwise.
`check` and `new item` (whose template lists the areas) read it alike."#,
            zh: r#"`huitoukan.toml` 中的 `campaign.schema` 指向的文件不存在，是根目录以外的路径（`..`、绝对路径、盘符），经过符号链接（`方案文件 "…" 经过符号链接，不读取`），不是普通文件（`方案文件 "…" 不是普通文件`），或者不是有效的方案：语法错误、未知的键、缺少字段、内容方面或检查要点的编号重复、检查要点的 `area` 不是本文件中的内容方面。方案无法使用期间，各处都不检查内容方面、检查要点和自查答复，提示行会说明这一点。方案文件按所给的路径读取，只要在根目录之内，在哪里都可以：在隐藏文件夹中（`schema = ".config/areas.toml"`）也行，尽管遍历时会跳过隐藏文件夹。`check` 和 `new item`（其模板列出各内容方面）同样读取它。"#,
        },
        examples: &[
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"huitoukan.toml, line 4, with no areas.toml at the root"#,
                    zh: r#"huitoukan.toml，第4行，根目录中没有 areas.toml"#,
                },
                shown: Shown::Change,
                change: &[Change::Lines {
                    file: BASE_CAMPAIGN,
                    line: 4,
                    count: 0,
                    text: r#"schema = "areas.toml""#,
                }],
                as_of: None,
                output: Prose {
                    en: r#"error[E026]: the campaign schema file "areas.toml" does not exist
 --> huitoukan.toml:4:10
  |
4 | schema = "areas.toml"
  |          ^^^^^^^^^^^^
  |
  = help: while the schema is invalid, areas, points and answers are not checked"#,
                    zh: r#"error[E026]: 方案文件 "areas.toml" 不存在
 --> huitoukan.toml:4:10
  |
4 | schema = "areas.toml"
  |          ^^^^^^^^^^^^
  |
  = help: 方案无效时，不检查各文件的内容方面、检查要点和自查说明"#,
                },
            },
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"areas.toml, lines 11–14 (and `schema = "areas.toml"` in huitoukan.toml)"#,
                    zh: r#"areas.toml，第11至14行（huitoukan.toml 中写了 `schema = "areas.toml"`）"#,
                },
                shown: Shown::Text(
                    r#"[[point]]
id = "A.1"
area = 1
text = "是否建章立制、堵塞漏洞""#,
                ),
                change: &[
                    Change::Lines {
                        file: BASE_CAMPAIGN,
                        line: 4,
                        count: 0,
                        text: r#"schema = "areas.toml""#,
                    },
                    Change::Write {
                        file: "areas.toml",
                        text: r#"[[area]]
id = 1
key = "rules"
title = "制度建设"

[[point]]
id = "A.1"
area = 1
text = "是否建章立制、堵塞漏洞"

[[point]]
id = "A.1"
area = 1
text = "是否建章立制、堵塞漏洞"
"#,
                    },
                ],
                as_of: None,
                output: Prose {
                    en: r#"error[E026]: "A.1" is defined twice in the schema
  --> areas.toml:12:6
   |
12 | id = "A.1"
   |      ^^^^^
   |
   = help: while the schema is invalid, areas, points and answers are not checked"#,
                    zh: r#"error[E026]: 方案中 "A.1" 重复定义
  --> areas.toml:12:6
   |
12 | id = "A.1"
   |      ^^^^^
   |
   = help: 方案无效时，不检查各文件的内容方面、检查要点和自查说明"#,
                },
            },
            Example {
                intro: Prose::NONE,
                caption: Prose {
                    en: r#"areas.toml, line 8, in a [[point]] (and `schema = "areas.toml"` in huitoukan.toml)"#,
                    zh: r#"areas.toml，第8行，在一个 [[point]] 中（huitoukan.toml 中写了 `schema = "areas.toml"`）"#,
                },
                shown: Shown::Text(r#"areas = 1"#),
                change: &[
                    Change::Lines {
                        file: BASE_CAMPAIGN,
                        line: 4,
                        count: 0,
                        text: r#"schema = "areas.toml""#,
                    },
                    Change::Write {
                        file: "areas.toml",
                        text: r#"[[area]]
id = 1
key = "rules"
title = "制度建设"

[[point]]
id = "A.1"
areas = 1
text = "是否建章立制、堵塞漏洞"
"#,
                    },
                ],
                as_of: None,
                output: Prose {
                    en: r#"error[E026]: unknown key `point.areas`
 --> areas.toml:8:1
  |
8 | areas = 1
  | ^^^^^
  |
  = help: did you mean `area`?"#,
                    zh: r#"error[E026]: 未知的键 `point.areas`
 --> areas.toml:8:1
  |
8 | areas = 1
  | ^^^^^
  |
  = help: 是否想写 `area`？"#,
                },
            },
        ],
        fix: Prose {
            en: r#"Put the schema file inside the root and name it relative to the root, or correct it as
the message says; its form is that of `schema/areas.toml` ([format.md](format.md#3-the-campaign-schema)).
Without `schema`, the built-in schema of the 2015 plan is used."#,
            zh: r#"把方案文件放在根目录之内，用相对于根目录的路径指明，或者按消息所说改正它；其格式与 `schema/areas.toml` 相同（[format.md](format.md#3-the-campaign-schema)）。不写 `schema` 的，使用内置的2015年方案。"#,
        },
    },
    RuleDoc {
        code: Code::RootUnit,
        trigger: Prose {
            en: r#"A `unit.toml` next to `huitoukan.toml`. The root holds the campaign; units live in
sub-folders, whose paths are their org paths."#,
            zh: r#"`huitoukan.toml` 旁边有 `unit.toml`。根目录存放的是台账总文件；各单位在子文件夹中，子文件夹的路径就是单位的机构路径。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"unit.toml at the root"#,
                zh: r#"根目录中的 unit.toml"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Write {
                file: "unit.toml",
                text: r#"name = "中共横坎头村委员会"
category = "基层党组织"
batch = 2
"#,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[E028]: a unit.toml at the root: units live in sub-folders
 --> unit.toml
  = help: move it into a sub-folder named after the unit"#,
                zh: r#"error[E028]: 根目录中不能有 unit.toml：单位放在子文件夹中
 --> unit.toml
  = help: 把它移到以单位命名的子文件夹中"#,
            },
        }],
        fix: Prose {
            en: r#"Move it, with the unit's items, into a folder named after the unit: `梁弄镇/unit.toml`."#,
            zh: r#"把它连同单位的事项一起移到以单位命名的文件夹中：`梁弄镇/unit.toml`。"#,
        },
    },
    RuleDoc {
        code: Code::SymlinkSkipped,
        trigger: Prose {
            en: r#"A symbolic link anywhere in the tree, to a file or a folder, inside the root or
outside it. Links are never followed, so the tool reads nothing outside the root and nothing
twice; each link is reported once and skipped (a linked folder is not entered)."#,
            zh: r#"台账中任何位置的符号链接，无论指向文件还是文件夹，指向根目录之内还是之外。链接一律不跟随，所以本工具不读取根目录以外的内容，也不会把同一内容读两遍；每个链接报告一次并跳过（链接的文件夹不进入）。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽（副本）.toml -> 村道拓宽.toml"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽（副本）.toml，是指向 村道拓宽.toml 的符号链接"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Symlink {
                link: "梁弄镇/横坎头村/items/村道拓宽（副本）.toml",
                target: "村道拓宽.toml",
            }],
            as_of: None,
            output: Prose {
                en: r#"warning[W006]: symbolic link skipped (nothing outside the root is read)
 --> 梁弄镇/横坎头村/items/村道拓宽（副本）.toml
  = help: put the file itself in the tree, not a link"#,
                zh: r#"warning[W006]: 符号链接，已跳过（不读取根目录以外的内容）
 --> 梁弄镇/横坎头村/items/村道拓宽（副本）.toml
  = help: 把文件本身放进台账，而不是链接"#,
            },
        }],
        fix: Prose {
            en: r#"Put the file itself in the tree, or remove the link."#,
            zh: r#"把文件本身放进台账，或者删去链接。"#,
        },
    },
    RuleDoc {
        code: Code::NameNotUtf8,
        trigger: Prose {
            en: r#"A `*.toml` file, or any folder, whose name is not UTF-8: what unzipping an archive
made on Chinese Windows gives, where names are GBK. Such a name cannot be spelt in an org path or
a diagnostic, so the file is not read and the folder is not entered; but it is never dropped
without a word, and two such names are never taken for one. The name is shown with each byte
outside printable ASCII as `\xNN`; where the name reads as GBK (GB18030), the help line shows
it so. For a folder the message is `文件夹名不是 UTF-8 编码，其中的文件未检查`: nothing below it is
checked until it is renamed."#,
            zh: r#"一个 `*.toml` 文件或任何文件夹，名字不是 UTF-8 编码：在中文 Windows 上打包的压缩文件解压后就会这样，名字是 GBK 编码。这样的名字无法写进机构路径或诊断，所以文件不读取、文件夹不进入；但决不会不声不响地丢掉，两个这样的名字也决不会混为一个。名字中可打印 ASCII 以外的每个字节显示为 `\xNN`；名字能按 GBK（GB18030）读出的，提示行给出读出的名字。文件夹的消息是 `文件夹名不是 UTF-8 编码，其中的文件未检查`：改名之前，其下的一切都不检查。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml, its name saved in GBK"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml，文件名以 GBK 编码保存"#,
            },
            shown: Shown::Nothing,
            change: &[Change::GbkName { file: BASE_ITEM }],
            as_of: None,
            output: Prose {
                en: r#"error[E034]: the file's name is not UTF-8; the file is not read
 --> 梁弄镇/横坎头村/items/\xB4\xE5\xB5\xC0\xCD\xD8\xBF\xED.toml
  = help: it looks like “村道拓宽.toml” in GBK; rename it in UTF-8, for example with `convmv -f GBK -t UTF-8 -r --notest .` at the root"#,
                zh: r#"error[E034]: 文件名不是 UTF-8 编码，未读取
 --> 梁弄镇/横坎头村/items/\xB4\xE5\xB5\xC0\xCD\xD8\xBF\xED.toml
  = help: 看起来是 GBK 编码的“村道拓宽.toml”；重命名为 UTF-8 的名称，如在台账根目录运行 `convmv -f GBK -t UTF-8 -r --notest .`"#,
            },
        }],
        fix: Prose {
            en: r#"Rename the file or folder in UTF-8. `convmv -f GBK -t UTF-8 -r --notest .` at the root
renames every GBK name of the tree (without `--notest` it only shows what it would do); or unzip
the archive again with its encoding given (`unzip -O GBK`, or 7-Zip, which asks)."#,
            zh: r#"用 UTF-8 给文件或文件夹改名。在根目录运行 `convmv -f GBK -t UTF-8 -r --notest .` 可把台账中所有 GBK 编码的名字改过来（不加 `--notest` 只显示将要做的改动）；或者重新解压，并指明压缩文件的编码（`unzip -O GBK`，或用 7-Zip，它会询问）。"#,
        },
    },
    RuleDoc {
        code: Code::Misnamed,
        trigger: Prose {
            en: r#"A file whose name ends in `.toml` in another case (`村道拓宽.TOML`) or in
`.toml.txt` (what Notepad saves when Windows hides extensions). Only `*.toml` files are records,
so the file is not read; the warning says so, since its content would otherwise be missing from
every count without a word."#,
            zh: r#"文件名以大小写不同的 `.toml` 结尾（`村道拓宽.TOML`），或以 `.toml.txt` 结尾（Windows 隐藏扩展名时记事本保存出来的就是这样）。只有 `*.toml` 文件才是台账记录，所以这个文件不读取；警告会说明这一点，否则其内容会不声不响地从各项统计中漏掉。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"梁弄镇/横坎头村/items/村道拓宽.toml.txt"#,
                zh: r#"梁弄镇/横坎头村/items/村道拓宽.toml 改名为 村道拓宽.toml.txt"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Rename {
                from: BASE_ITEM,
                to: "梁弄镇/横坎头村/items/村道拓宽.toml.txt",
            }],
            as_of: None,
            output: Prose {
                en: r#"warning[W009]: the name is not *.toml (the extension must be .toml, in lower case), so the file is not read as a record
 --> 梁弄镇/横坎头村/items/村道拓宽.toml.txt
  = help: if it is a record, rename it to 村道拓宽.toml"#,
                zh: r#"warning[W009]: 文件名不是 *.toml（扩展名须为小写的 .toml），未作为台账记录读取
 --> 梁弄镇/横坎头村/items/村道拓宽.toml.txt
  = help: 如果是台账记录，重命名为 村道拓宽.toml"#,
            },
        }],
        fix: Prose {
            en: r#"If it is a record, rename it as the help line says; if it is not, give it a name that
does not end in `.toml` or `.toml.txt` in any case (`说明.txt`)."#,
            zh: r#"如果是台账记录，按提示行改名；如果不是，起一个不以 `.toml` 或 `.toml.txt` 结尾（不论大小写）的名字（`说明.txt`）。"#,
        },
    },
];
