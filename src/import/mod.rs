//! `huitoukan import`: a 整改台账 kept in Excel, WPS or CSV, into item files (SPEC §10).
//!
//! Reading and planning are pure of writing: [`plan`] reads the sheet, maps every row to an
//! item file's text through the mapping, and validates the tree as it would be after the
//! import with the rules of `check` (the new files laid over the tree in memory), before
//! anything is written. Each problem names the file, the sheet and the cell
//! (`台账.xlsx!整改台账!F12`). `cmd::import` then writes the files the plan allows, each
//! atomically, never over a file except an update asked for, never outside the root.

pub mod mapping;
pub mod measure;
pub mod sheet;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;

use jiff::civil::Date;

use crate::diagnostic::{Code, Counts, Diagnostic, Place, Severity};
use crate::format::ledger;
use crate::model::fields::did_you_mean;
use crate::model::records::{Overlay, Records};
use crate::text::i18n::{Lang, Msg};
use crate::text::messages::import::ImportMsg;
use crate::text::messages::run::RunMsg;
use mapping::{DEFAULT_FORMATS, FIELDS, FieldKind, FieldSpec, Mapping};
use sheet::{Grid, Row, SheetError, Value};

/// Excel's own limit of characters in a cell: a longer one was not typed in Excel.
pub const MAX_CELL_CHARS: usize = 32_767;

/// A value for a field of an item file.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Text(String),
    List(Vec<String>),
    Int(i64),
    Date(Date),
    Bool(bool),
    /// `[[progress]]` entries, each its date and its text, in the cell's order.
    Progress(Vec<(Date, String)>),
}

/// What becomes of one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    /// The item exists and its mapped fields already hold the sheet's values.
    Unchanged,
    /// The item exists and `--update` was not given: left alone.
    Exists,
}

#[derive(Clone, Debug)]
pub struct RowPlan {
    /// 0-based row of the sheet.
    pub row: usize,
    pub org: String,
    pub id: String,
    /// Relative to the root.
    pub file: String,
    pub action: Action,
    /// The file's text after the import (for Create and Update).
    pub text: String,
    /// The file's text as the plan read it (for Update): the file is replaced only while it
    /// still holds it.
    pub before: String,
    /// The lines of `text` that each field's key is on, with the column its value came from.
    lines: Lines,
}

/// The byte range of each line of an item file's text, with the column its value came from.
type Lines = Vec<(Range<usize>, Option<usize>)>;

pub struct Plan {
    pub file: String,
    pub sheet: String,
    /// Rows with content below the header.
    pub rows: usize,
    pub planned: Vec<RowPlan>,
    /// What is wrong, each at a place in the spreadsheet, or at a file of the tree for an
    /// error the import would cause there. A row with one is not imported.
    pub diagnostics: Vec<Diagnostic<Place>>,
}

impl Plan {
    pub fn errors(&self) -> usize {
        Counts::of(&self.diagnostics).errors
    }
}

pub struct Request<'a> {
    pub root: &'a Path,
    /// The spreadsheet's name as the user gave it, for places (`台账.xlsx`).
    pub file: &'a str,
    pub bytes: Vec<u8>,
    /// `None`: the built-in mapping.
    pub mapping: Option<Mapping>,
    pub as_of: Date,
    pub update: bool,
    pub keep_going: bool,
}

/// Reads, maps and validates; writes nothing. The steps: read the sheet, find the mapping's
/// columns in its header row, plan each row (its unit, its key, its values, its file), then
/// run the rules of `check` on the tree as the import would leave it.
pub fn plan(request: Request<'_>) -> Plan {
    let Request {
        root,
        file,
        bytes,
        mapping,
        as_of,
        update,
        keep_going,
    } = request;
    let mut plan = Plan {
        file: file.to_owned(),
        sheet: String::new(),
        rows: 0,
        planned: Vec::new(),
        diagnostics: Vec::new(),
    };
    let grid = match read_grid(file, bytes, mapping.as_ref()) {
        Ok(grid) => grid,
        Err(diagnostic) => {
            plan.diagnostics.push(diagnostic);
            return plan;
        }
    };
    plan.sheet = grid.sheet.clone();
    let at = SheetAt {
        file,
        sheet: &grid.sheet,
    };
    let builtin = mapping.is_none();
    let mapping = mapping.unwrap_or_else(|| builtin_for(&grid));
    let columns = match Columns::find(&grid, &mapping, builtin, &at) {
        Ok(columns) => columns,
        Err(diagnostics) => {
            plan.diagnostics.extend(diagnostics);
            return plan;
        }
    };
    let records = Records::load(root);
    let mut rows = RowPlanner::new(&records, &mapping, &columns, &at, update);
    for (r, cells) in grid.rows.iter().enumerate().skip(columns.header + 1) {
        if cells.is_blank() {
            continue;
        }
        plan.rows += 1;
        match rows.plan(r, cells) {
            Ok(planned) => plan.planned.push(planned),
            Err(diagnostics) => plan.diagnostics.extend(diagnostics),
        }
    }
    validate(root, as_of, &mut plan, &at, keep_going);
    plan
}

/// The sheet the mapping names, read whole; or why not.
fn read_grid(
    file: &str,
    bytes: Vec<u8>,
    mapping: Option<&Mapping>,
) -> Result<Grid, Diagnostic<Place>> {
    let wanted_sheet = match mapping {
        Some(m) => m.sheet.clone(),
        None => Some(crate::format::ledger::SHEET_ITEMS.to_owned()),
    };
    // A CSV file has one sheet whatever the mapping names.
    let wanted = match sheet::kind_of(file) {
        Some(sheet::Kind::Csv) => None,
        _ => wanted_sheet.as_deref(),
    };
    sheet::read(file, bytes, wanted).map_err(|e| sheet_problem(file, e))
}

/// The places of the sheet being imported.
struct SheetAt<'a> {
    file: &'a str,
    sheet: &'a str,
}

impl SheetAt<'_> {
    fn whole(&self) -> Place {
        Place::Sheet {
            file: self.file.to_owned(),
            sheet: self.sheet.to_owned(),
        }
    }

    fn row(&self, row: usize) -> Place {
        Place::Row {
            file: self.file.to_owned(),
            sheet: self.sheet.to_owned(),
            row,
        }
    }

    fn cell(&self, row: usize, col: usize) -> Place {
        Place::Cell {
            file: self.file.to_owned(),
            sheet: self.sheet.to_owned(),
            row,
            col,
        }
    }

    /// The cell where the column is known, else the row.
    fn cell_or_row(&self, row: usize, col: Option<usize>) -> Place {
        col.map_or_else(|| self.row(row), |c| self.cell(row, c))
    }
}

/// Where the columns the mapping reads are, looked up once for every row.
struct Columns {
    /// The 0-based header row.
    header: usize,
    unit: Option<usize>,
    /// The key's columns other than the unit's.
    id: Vec<usize>,
    /// The columns of each field of the mapping, and of each `[[when]]`.
    fields: Vec<Vec<usize>>,
    when: Vec<Option<usize>>,
}

impl Columns {
    /// The columns of the header row, or an I002 (no header) or an I003 for each column the
    /// mapping names that is not there. (The built-in mapping asks only for its key: a sheet
    /// may leave out the columns of fields it does not fill.)
    fn find(
        grid: &Grid,
        mapping: &Mapping,
        builtin: bool,
        at: &SheetAt<'_>,
    ) -> Result<Columns, Vec<Diagnostic<Place>>> {
        let header = mapping.header_row - 1;
        let headers: Vec<String> = grid.rows.get(header).map(headers_of).unwrap_or_default();
        if headers.iter().all(String::is_empty) {
            let message = ImportMsg::ImportNoHeader {
                row: mapping.header_row,
            };
            let d = Diagnostic::placed(Code::SheetEmpty, at.whole(), message)
                .with_help(ImportMsg::ImportNoHeaderHelp);
            return Err(vec![d]);
        }
        let column = |name: &str| {
            let name = normalize_header(name);
            headers.iter().position(|h| *h == name)
        };
        let mut named: Vec<&str> = mapping.key.iter().map(String::as_str).collect();
        named.extend(mapping.unit_column.as_deref());
        for f in mapping.fields.iter().filter(|_| !builtin) {
            named.extend(f.columns.iter().map(String::as_str));
        }
        named.extend(mapping.when.iter().map(|w| w.column.as_str()));
        let mut missing = Vec::new();
        for name in named {
            if column(name).is_none() && !missing.contains(&name) {
                missing.push(name);
            }
        }
        if !missing.is_empty() {
            return Err(missing
                .iter()
                .map(|name| column_missing(name, &headers, at.row(header)))
                .collect());
        }
        let unit = mapping.unit_column.as_deref().and_then(column);
        Ok(Columns {
            header,
            unit,
            id: mapping
                .key
                .iter()
                .filter_map(|k| column(k))
                .filter(|c| Some(*c) != unit)
                .collect(),
            fields: mapping
                .fields
                .iter()
                .map(|f| f.columns.iter().filter_map(|c| column(c)).collect())
                .collect(),
            when: mapping.when.iter().map(|w| column(&w.column)).collect(),
        })
    }
}

/// I003 for a column not among `headers`, with the closest header, or all of them.
fn column_missing(name: &str, headers: &[String], at: Place) -> Diagnostic<Place> {
    let shown = || headers.iter().filter(|h| !h.is_empty());
    let help = did_you_mean(&normalize_header(name), shown().map(String::as_str)).map_or_else(
        || {
            ImportMsg::ImportColumns {
                columns: shown().cloned().collect(),
            }
            .into()
        },
        |s| Msg::DidYouMean {
            suggestion: s.to_owned(),
        },
    );
    let message = ImportMsg::ImportColumnMissing {
        column: name.to_owned(),
    };
    Diagnostic::placed(Code::ColumnMissing, at, message).with_help(help)
}

/// The fields of a row, each with the column its value came from, in the order of [`FIELDS`].
type Values = Vec<(usize, Option<FieldValue>, Option<usize>)>;

/// Plans the rows one after another: what it knows of the tree, and the keys seen so far.
struct RowPlanner<'a> {
    records: &'a Records,
    mapping: &'a Mapping,
    columns: &'a Columns,
    at: &'a SheetAt<'a>,
    update: bool,
    units: UnitNames,
    /// Each item of the tree by its unit's org path and its id.
    existing: HashMap<(&'a str, &'a str), usize>,
    /// Every id of each unit by its case-folded spelling, and where it is: the existing items,
    /// then the rows. On Windows and macOS, two that differ only by case are one file.
    folded: HashMap<(String, String), (String, String)>,
    /// The first row of each unit's id.
    seen: HashMap<(String, String), usize>,
}

impl<'a> RowPlanner<'a> {
    fn new(
        records: &'a Records,
        mapping: &'a Mapping,
        columns: &'a Columns,
        at: &'a SheetAt<'a>,
        update: bool,
    ) -> Self {
        let existing = records
            .items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let unit = records.unit_of(i)?;
                Some(((records.units[unit].org.as_str(), item.id.as_str()), i))
            })
            .collect();
        // (An existing item by its file's name, which is what a new file could clash with.)
        let mut folded = HashMap::new();
        for (i, item) in records.items.iter().enumerate() {
            let path = records.files.path(item.file);
            let stem = path.rsplit('/').next().unwrap_or(path);
            let stem = stem.strip_suffix(".toml").unwrap_or(stem);
            if let Some(unit) = records.unit_of(i) {
                folded
                    .entry((records.units[unit].org.clone(), stem.to_lowercase()))
                    .or_insert_with(|| (stem.to_owned(), path.to_owned()));
            }
        }
        RowPlanner {
            records,
            mapping,
            columns,
            at,
            update,
            units: UnitNames::new(records),
            existing,
            folded,
            seen: HashMap::new(),
        }
    }

    /// The plan of row `r`, or its problems: a cell no field may hold, then its unit, its key,
    /// its values, each step only if those before passed.
    fn plan(&mut self, r: usize, cells: &Row) -> Result<RowPlan, Vec<Diagnostic<Place>>> {
        // Every cell is looked at once for what no field may hold.
        let problems: Vec<_> = cells
            .iter()
            .filter_map(|(c, value)| cell_problem(value, || self.at.cell(r, c)))
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        let org = self.unit(r, cells).map_err(|d| vec![d])?;
        let id = self.key(r, cells, &org).map_err(|d| vec![d])?;
        let values = self.values(r, cells)?;
        self.file_plan(r, org, id, &values).map_err(|d| vec![d])
    }

    /// The org path of the row's unit (I005 where it names none).
    fn unit(&self, r: usize, cells: &Row) -> Result<String, Diagnostic<Place>> {
        let unit_col = self.columns.unit;
        let unit_text = match (unit_col, &self.mapping.unit_value) {
            (Some(c), _) => cells.get(c).text().trim().to_owned(),
            (None, Some(v)) => v.clone(),
            (None, None) => String::new(),
        };
        self.units
            .resolve(&unit_text, &self.mapping.unit_map)
            .map_err(|help| {
                let message = ImportMsg::ImportUnknownUnit { unit: unit_text };
                let at = self.at.cell_or_row(r, unit_col);
                Diagnostic::placed(Code::UnknownUnit, at, message).with_help(help)
            })
    }

    /// The row's id: a file name (I007), not another row's of the unit (I004), nor one that
    /// differs from another's or an existing file's only by case (I004).
    fn key(&mut self, r: usize, cells: &Row, org: &str) -> Result<String, Diagnostic<Place>> {
        let id_parts: Vec<String> = self
            .columns
            .id
            .iter()
            .map(|&c| cells.get(c).text().trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        let id = id_parts.join("-");
        let id_at = self.at.cell_or_row(r, self.columns.id.first().copied());
        if let Err(message) = check_id(&id) {
            return Err(Diagnostic::placed(Code::BadKey, id_at, message)
                .with_help(ImportMsg::ImportBadKeyHelp));
        }
        let known = self.existing.contains_key(&(org, id.as_str()));
        let folded = (org.to_owned(), id.to_lowercase());
        match self.folded.get(&folded) {
            Some((other, first)) if *other != id && !known => {
                let message = ImportMsg::ImportKeyCase {
                    id: id.clone(),
                    other: other.clone(),
                    first: first.clone(),
                };
                return Err(Diagnostic::placed(Code::DuplicateRow, id_at, message)
                    .with_help(ImportMsg::ImportKeyCaseHelp));
            }
            Some(_) => {}
            None => {
                self.folded.insert(folded, (id.clone(), id_at.to_string()));
            }
        }
        if let Some(first) = self.seen.insert((org.to_owned(), id.clone()), r) {
            let message = ImportMsg::ImportDuplicateRow {
                id,
                first: self.at.row(first).to_string(),
            };
            return Err(Diagnostic::placed(Code::DuplicateRow, id_at, message)
                .with_help(ImportMsg::ImportDuplicateRowHelp));
        }
        Ok(id)
    }

    /// The value of every mapped field, a `[[when]]` that matches the row setting its own over
    /// a column's; or an I006 for each cell that cannot become its field.
    fn values(&self, r: usize, cells: &Row) -> Result<Values, Vec<Diagnostic<Place>>> {
        let mut values: Values = Vec::new();
        let mut problems = Vec::new();
        for (spec, cols) in self.mapping.fields.iter().zip(&self.columns.fields) {
            match field_value(spec, cells, cols) {
                Ok((value, col)) => values.push((spec.field, value, col)),
                Err((col, message)) => {
                    let help = matches!(
                        message,
                        Msg::Import(
                            ImportMsg::ImportProgressLine { .. }
                                | ImportMsg::ImportProgressDay { .. }
                        )
                    )
                    .then_some(Msg::from(ImportMsg::ImportProgressHelp));
                    let at = self.at.cell_or_row(r, col);
                    problems.push(Diagnostic::placed(Code::BadCell, at, message).with_help(help));
                }
            }
        }
        for (when, c) in self.mapping.when.iter().zip(&self.columns.when) {
            let Some(c) = *c else {
                continue;
            };
            if !when.matches.is_match(&cells.get(c).text()) {
                continue;
            }
            for (field, value) in &when.set {
                match convert(FIELDS[*field].kind, &cell_of(value), &[], None) {
                    Ok(v) => {
                        values.retain(|(f, ..)| f != field);
                        values.push((*field, v, Some(c)));
                    }
                    Err(message) => {
                        let at = self.at.cell(r, c);
                        problems.push(Diagnostic::placed(Code::BadCell, at, message));
                    }
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        values.sort_by_key(|(f, ..)| *f);
        Ok(values)
    }

    /// What becomes of the row's item file: a new one, or the existing one updated, unchanged
    /// or (without `--update`) left alone.
    fn file_plan(
        &self,
        r: usize,
        org: String,
        id: String,
        values: &Values,
    ) -> Result<RowPlan, Diagnostic<Place>> {
        let records = self.records;
        let mut planned = RowPlan {
            row: r,
            file: format!("{org}/items/{id}.toml"),
            org,
            id,
            action: Action::Create,
            text: String::new(),
            before: String::new(),
            lines: Vec::new(),
        };
        let Some(&i) = self
            .existing
            .get(&(planned.org.as_str(), planned.id.as_str()))
        else {
            (planned.text, planned.lines) = item_text(values);
            return Ok(planned);
        };
        planned.file = records.files.path(records.items[i].file).to_owned();
        // A file whose text cannot be read back is never rewritten from nothing.
        let old = records
            .files
            .get(records.items[i].file)
            .text()
            .map_err(|u| {
                let place = Place::Tree {
                    path: u.path.clone(),
                    line: None,
                };
                Diagnostic::placed(Code::Unreadable, place, RunMsg::from(u))
            })?;
        let text = updated(&old, values);
        // A row the file already says is unchanged, with or without --update; only a row that
        // would change it is left alone without.
        if *text == *old {
            planned.action = Action::Unchanged;
        } else if !self.update {
            planned.action = Action::Exists;
            return Ok(planned);
        } else {
            planned.action = Action::Update;
        }
        planned.text = text;
        planned.before = old.to_string();
        Ok(planned)
    }
}

/// The rules of `check`, on the tree with the planned files laid over it. An error in a
/// planned file is a problem of its row, at the cell its line came from; an error elsewhere in
/// the tree is a problem at that file. With `keep_going`, rows with problems are dropped and
/// the rest checked again, until what is left is clean.
fn validate(root: &Path, as_of: Date, plan: &mut Plan, at: &SheetAt<'_>, keep_going: bool) {
    for _round in 0..4 {
        let found = check_planned(root, as_of, &plan.planned, at);
        let fresh = found.is_empty();
        let bad_rows: Vec<usize> = found.iter().filter_map(|d| d.at.row()).collect();
        plan.diagnostics.extend(found);
        if fresh || !keep_going || bad_rows.is_empty() {
            break;
        }
        plan.planned.retain(|p| !bad_rows.contains(&p.row));
    }
    // The sheet's rows in order, then the files of the tree.
    plan.diagnostics
        .sort_by(|a, b| order_key(&a.at).cmp(&order_key(&b.at)));
    plan.diagnostics.dedup();
    if keep_going {
        let bad: Vec<usize> = plan.diagnostics.iter().filter_map(|d| d.at.row()).collect();
        plan.planned.retain(|p| !bad.contains(&p.row));
    }
}

/// Where an import's diagnostic sorts: by its row, those of no row last, then by its place.
fn order_key(at: &Place) -> (usize, &Place) {
    (at.row().unwrap_or(usize::MAX), at)
}

/// The errors `check` finds on the tree with the files the rows would write laid over it,
/// each at the cell of the line it is on, or at its file of the tree.
fn check_planned(
    root: &Path,
    as_of: Date,
    planned: &[RowPlan],
    at: &SheetAt<'_>,
) -> Vec<Diagnostic<Place>> {
    let overlay: Overlay = planned
        .iter()
        .filter(|p| matches!(p.action, Action::Create | Action::Update))
        .map(|p| (p.file.clone(), p.text.clone()))
        .collect();
    let checked = crate::rules::check::check_overlay(root, as_of, false, &overlay);
    let by_file: BTreeMap<&str, &RowPlan> = planned
        .iter()
        .filter(|p| overlay.contains_key(&p.file))
        .map(|p| (p.file.as_str(), p))
        .collect();
    let errors = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error);
    errors
        .map(|d| {
            let file = checked.records.files.get(d.file());
            let place = match by_file.get(file.path()) {
                Some(row) => {
                    let start = d.span().map_or(0, |s| s.start);
                    let col = row
                        .lines
                        .iter()
                        .find(|(range, _)| range.contains(&start))
                        .and_then(|(_, col)| *col);
                    at.cell_or_row(row.row, col)
                }
                None => Place::Tree {
                    path: file.path().to_string(),
                    line: d
                        .span()
                        .and_then(|s| Some(file.lines().ok()?.line_col(s.start).0)),
                },
            };
            let help = d.help.as_deref().cloned();
            Diagnostic::placed(d.code, place, d.message.clone()).with_help(help)
        })
        .collect()
}

fn sheet_problem(file: &str, e: SheetError) -> Diagnostic<Place> {
    let (code, message, help) = match e {
        SheetError::Unreadable(detail) => (
            Code::SheetUnreadable,
            ImportMsg::ImportUnreadable { detail },
            Some(ImportMsg::ImportUnreadableHelp),
        ),
        SheetError::Encoding => (
            Code::SheetUnreadable,
            ImportMsg::ImportEncoding,
            Some(ImportMsg::ImportUnreadableHelp),
        ),
        SheetError::ReaderFailed => (
            Code::SheetUnreadable,
            ImportMsg::ImportReaderFailed,
            Some(ImportMsg::ImportUnreadableHelp),
        ),
        SheetError::Extension => (
            Code::SheetUnreadable,
            ImportMsg::ImportExtension,
            Some(ImportMsg::ImportUnreadableHelp),
        ),
        SheetError::NoSheet { wanted, sheets } => (
            Code::SheetEmpty,
            ImportMsg::ImportNoSheet {
                sheet: wanted,
                sheets,
            },
            None,
        ),
        SheetError::NoSheets => (Code::SheetEmpty, ImportMsg::ImportNoSheets, None),
        SheetError::Limit(limit) => {
            let message = match limit {
                measure::Limit::Part(part) => ImportMsg::ImportPartTooLarge { part },
                measure::Limit::Cells => ImportMsg::ImportTooManyCells,
                measure::Limit::Strings => ImportMsg::ImportTooManyStrings,
                measure::Limit::Beyond(cell) => ImportMsg::ImportBeyondSheet { cell },
                measure::Limit::Binary => ImportMsg::ImportBinaryWorkbook,
            };
            let help = if matches!(message, ImportMsg::ImportBinaryWorkbook) {
                ImportMsg::ImportUnreadableHelp
            } else {
                ImportMsg::ImportLimitHelp
            };
            (Code::SheetUnreadable, message, Some(help))
        }
    };
    let at = Place::Workbook {
        file: file.to_owned(),
    };
    Diagnostic::placed(code, at, message).with_help(help.map(Msg::from))
}

/// The built-in mapping in the language of the sheet's header row, reading from that row.
fn builtin_for(grid: &Grid) -> Mapping {
    // The first row of the first few that holds the key columns of either language (a
    // workbook of huitoukan has its title and 截至 line above them); else row 1, whose
    // diagnostics then say what is missing.
    for (r, row) in grid.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let headers = headers_of(row);
        for lang in [Lang::Zh, Lang::En] {
            let mut mapping = Mapping::builtin(lang);
            if mapping
                .key
                .iter()
                .all(|k| headers.contains(&normalize_header(k)))
            {
                mapping.header_row = r + 1;
                return mapping;
            }
        }
    }
    Mapping::builtin(Lang::Zh)
}

/// How many rows from the top the built-in mapping looks for its header row in.
const HEADER_SEARCH_ROWS: usize = 10;

/// A row's cells as headers, by column (an empty cell an empty header).
fn headers_of(row: &Row) -> Vec<String> {
    let mut headers = vec![String::new(); row.width()];
    for (c, v) in row.iter() {
        headers[c] = normalize_header(&v.text());
    }
    headers
}

/// A header as compared: without white space (a header cell often breaks its words over two
/// lines).
fn normalize_header(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What no cell may hold, whatever its field: more than Excel holds, an error value, a formula
/// with no saved value.
fn cell_problem(value: &Value, place: impl FnOnce() -> Place) -> Option<Diagnostic<Place>> {
    let (message, help) = match value {
        // (No more bytes than that, no more characters.)
        Value::Text(t) if t.len() > MAX_CELL_CHARS && t.chars().count() > MAX_CELL_CHARS => (
            ImportMsg::ImportCellTooLong {
                chars: t.chars().count(),
            },
            None,
        ),
        Value::Error(e) if e.starts_with('=') => (
            ImportMsg::ImportFormula { formula: e.clone() },
            Some(ImportMsg::ImportFormulaHelp),
        ),
        Value::Error(e) => (ImportMsg::ImportCellError { error: e.clone() }, None),
        _ => return None,
    };
    Some(Diagnostic::placed(Code::BadCell, place(), message).with_help(help.map(Msg::from)))
}

/// An id that can be a file name in every system, `ID.toml` included (see
/// [`crate::load::discover::portable_name`]: no separator, control character or Windows device
/// name, no leading dot, no trailing dot or space, at most 255 bytes), and at most 100
/// characters.
fn check_id(id: &str) -> Result<(), Msg> {
    if id.is_empty() {
        return Err(ImportMsg::ImportEmptyKey.into());
    }
    let file = format!("{id}.toml");
    let bad = !crate::load::discover::portable_name(id)
        || !crate::load::discover::portable_name(&file)
        || id.chars().count() > 100
        || crate::model::records::normalize_inside(id).as_deref() != Some(id);
    if bad {
        return Err(ImportMsg::ImportBadKey { key: id.to_owned() }.into());
    }
    Ok(())
}

/// Units by what a sheet may call them: an org path, a folder name, a unit's `name`.
struct UnitNames {
    orgs: Vec<String>,
    by_name: HashMap<String, Vec<String>>,
}

impl UnitNames {
    fn new(records: &Records) -> UnitNames {
        let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
        let orgs: Vec<String> = records.units.iter().map(|u| u.org.clone()).collect();
        for unit in &records.units {
            let folder = unit.org.rsplit('/').next().unwrap_or(&unit.org).to_owned();
            by_name.entry(folder).or_default().push(unit.org.clone());
            if let Some(name) = &unit.name {
                let name = name.get_ref().trim().to_owned();
                let list = by_name.entry(name).or_default();
                if !list.contains(&unit.org) {
                    list.push(unit.org.clone());
                }
            }
        }
        UnitNames { orgs, by_name }
    }

    /// The org path a cell names, or the help to give.
    fn resolve(&self, text: &str, map: &BTreeMap<String, String>) -> Result<String, Msg> {
        let wanted = map.get(text).map_or(text, String::as_str);
        let wanted = wanted.trim().trim_matches('/');
        if self
            .orgs
            .binary_search_by(|o| o.as_str().cmp(wanted))
            .is_ok()
        {
            return Ok(wanted.to_owned());
        }
        match self.by_name.get(wanted).map(Vec::as_slice) {
            Some([one]) => return Ok(one.clone()),
            Some(several) if !several.is_empty() => {
                return Err(ImportMsg::ImportUnitAmbiguous {
                    orgs: several.to_vec(),
                }
                .into());
            }
            _ => {}
        }
        let names = self
            .by_name
            .keys()
            .map(String::as_str)
            .chain(self.orgs.iter().map(String::as_str));
        Err(
            did_you_mean(wanted, names).map_or(ImportMsg::ImportUnknownUnitHelp.into(), |s| {
                Msg::DidYouMean {
                    suggestion: s.to_owned(),
                }
            }),
        )
    }
}

/// A constant of the mapping as a cell.
fn cell_of(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::Text(s.clone()),
        toml::Value::Integer(n) => Value::Number(*n as f64),
        toml::Value::Float(f) => Value::Number(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => match d.date {
            Some(d) => Date::new(d.year as i16, d.month as i8, d.day as i8)
                .map_or_else(|_| Value::Text(value.to_string()), |d| Value::Date(Ok(d))),
            None => Value::Text(value.to_string()),
        },
        other => Value::Text(other.to_string()),
    }
}

/// A field's value in one row, and the column it came from; or the column and what is wrong.
#[allow(clippy::type_complexity)]
fn field_value(
    spec: &FieldSpec,
    cells: &Row,
    cols: &[usize],
) -> Result<(Option<FieldValue>, Option<usize>), (Option<usize>, Msg)> {
    let kind = FIELDS[spec.field].kind;
    let first = cols.first().copied();
    let raw = match cols {
        [] => spec.value.as_ref().map_or(Value::Empty, cell_of),
        [one] => cells.get(*one).clone(),
        several => {
            let texts: Vec<String> = several
                .iter()
                .map(|&c| cells.get(c).text())
                .filter(|t| !t.trim().is_empty())
                .collect();
            if texts.is_empty() {
                Value::Empty
            } else {
                Value::Text(texts.join(&spec.join))
            }
        }
    };
    let raw = if raw.is_empty() {
        spec.value.as_ref().map_or(Value::Empty, cell_of)
    } else {
        raw
    };
    let mapped = (!spec.map.is_empty() && !raw.is_empty())
        .then(|| spec.map.get(raw.text().trim()))
        .flatten();
    let unmapped = !spec.map.is_empty() && !raw.is_empty() && mapped.is_none();
    let raw = mapped.map_or(raw, cell_of);
    convert(kind, &raw, &spec.formats, spec.split.as_deref())
        .map(|v| (v, first))
        .map_err(|m| {
            // A value the map was meant to translate: say what the map knows, not what the
            // field's type is.
            if unmapped {
                let known: Vec<String> = spec.map.keys().cloned().collect();
                (
                    first,
                    ImportMsg::ImportNotInMap {
                        text: raw.text().trim().to_owned(),
                        known,
                    }
                    .into(),
                )
            } else {
                (first, m)
            }
        })
}

/// A cell as a value of `kind`; an empty cell is no value.
fn convert(
    kind: FieldKind,
    raw: &Value,
    formats: &[String],
    split: Option<&str>,
) -> Result<Option<FieldValue>, Msg> {
    if raw.is_empty() {
        return Ok(None);
    }
    let text = raw.text();
    Ok(Some(match kind {
        FieldKind::Text => FieldValue::Text(text),
        FieldKind::List => {
            let parts: Vec<String> = match split {
                Some(sep) => text.split(sep).map(|s| s.trim().to_owned()).collect(),
                None => text.lines().map(|s| s.trim().to_owned()).collect(),
            };
            let parts: Vec<String> = parts.into_iter().filter(|s| !s.is_empty()).collect();
            if parts.is_empty() {
                return Ok(None);
            }
            FieldValue::List(parts)
        }
        FieldKind::Int => match raw {
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => FieldValue::Int(*n as i64),
            _ => FieldValue::Int(
                text.trim()
                    .parse()
                    .map_err(|_| ImportMsg::ImportNotNumber { text: text.clone() })?,
            ),
        },
        FieldKind::Bool => match raw {
            Value::Bool(b) => FieldValue::Bool(*b),
            _ => match text.trim().to_lowercase().as_str() {
                "是" | "true" | "yes" | "y" | "1" | "√" => FieldValue::Bool(true),
                "否" | "false" | "no" | "n" | "0" => FieldValue::Bool(false),
                _ => return Err(ImportMsg::ImportNotBool { text }.into()),
            },
        },
        FieldKind::Date => FieldValue::Date(date_of(raw, formats)?),
        FieldKind::Progress => {
            let entries = ledger::parse(&text)?;
            if entries.is_empty() {
                return Ok(None);
            }
            FieldValue::Progress(entries)
        }
    }))
}

fn date_of(raw: &Value, formats: &[String]) -> Result<Date, Msg> {
    match raw {
        Value::Date(Ok(d)) => Ok(*d),
        Value::Date(Err(serial)) => Err(ImportMsg::ImportNoSuchDay {
            text: format!("{serial}"),
        }
        .into()),
        Value::Number(n) => sheet::serial_date(*n).map_err(|s| {
            if s.floor() == 60.0 {
                ImportMsg::ImportNoSuchDay {
                    text: "1900-02-29".to_owned(),
                }
            } else {
                ImportMsg::ImportNotDate {
                    text: format!("{s}"),
                    formats: DEFAULT_FORMATS.iter().map(|f| (*f).to_owned()).collect(),
                }
            }
            .into()
        }),
        _ => {
            let text = raw.text();
            let trimmed = text.trim();
            let tried = formats
                .iter()
                .map(String::as_str)
                .chain(DEFAULT_FORMATS.iter().copied());
            let mut impossible = false;
            for format in tried {
                match jiff::fmt::strtime::parse(format, trimmed) {
                    Ok(tm) => match tm.to_date() {
                        Ok(d) => return Ok(d),
                        Err(_) => impossible = true,
                    },
                    // A field out of its range (day 32, month 13): the text has the
                    // format's shape, and names no day.
                    Err(e) if e.is_range() => impossible = true,
                    Err(_) => {}
                }
            }
            if impossible {
                return Err(ImportMsg::ImportNoSuchDay {
                    text: trimmed.to_owned(),
                }
                .into());
            }
            let mut all = formats.to_vec();
            all.extend(DEFAULT_FORMATS.iter().map(|f| (*f).to_owned()));
            Err(ImportMsg::ImportNotDate {
                text: trimmed.to_owned(),
                formats: all,
            }
            .into())
        }
    }
}

fn toml_value(value: &FieldValue) -> toml_edit::Value {
    match value {
        FieldValue::Text(s) => toml_edit::Value::from(s.as_str()),
        FieldValue::List(list) => {
            let mut array = toml_edit::Array::new();
            for s in list {
                array.push(s.as_str());
            }
            toml_edit::Value::Array(array)
        }
        FieldValue::Int(n) => toml_edit::Value::from(*n),
        FieldValue::Bool(b) => toml_edit::Value::from(*b),
        // Written as tables of their own (see `item_text`); as a value, the cell.
        FieldValue::Progress(entries) => {
            toml_edit::Value::from(ledger::write(entries.iter().map(|(d, t)| (*d, t.as_str()))))
        }
        FieldValue::Date(d) => toml_edit::Value::from(toml_edit::Datetime {
            date: Some(toml_edit::Date {
                year: d.year() as u16,
                month: d.month() as u8,
                day: d.day() as u8,
            }),
            time: None,
            offset: None,
        }),
    }
}

/// A new item file: one line per field in the order of [`FIELDS`], the tables last; and the
/// byte range of each line with the column its value came from.
fn item_text(values: &[(usize, Option<FieldValue>, Option<usize>)]) -> (String, Lines) {
    let mut text = String::new();
    let mut lines = Vec::new();
    let mut table = "";
    for (field, value, col) in values {
        let Some(value) = value else { continue };
        if let FieldValue::Progress(entries) = value {
            let start = text.len();
            for (on, said) in entries {
                text.push_str(&progress_table(*on, said));
            }
            lines.push((start..text.len(), *col));
            table = "progress";
            continue;
        }
        let (section, key) = (FIELDS[*field].table, FIELDS[*field].key);
        if section != table {
            text.push_str(&format!("\n[{section}]\n"));
            table = section;
        }
        let start = text.len();
        text.push_str(&format!("{key} = {}\n", toml_value(value)));
        lines.push((start..text.len(), *col));
    }
    (text, lines)
}

/// An existing item file with the mapped fields set to the sheet's values (an empty cell
/// removes its field), everything else, comments too, as it was. A field that already holds
/// the value is not touched, so an unchanged row gives back the same text.
fn updated(old: &str, values: &[(usize, Option<FieldValue>, Option<usize>)]) -> String {
    let Ok(mut doc) = old.parse::<toml_edit::DocumentMut>() else {
        return old.to_owned();
    };
    for (field, value, _) in values {
        let mapping::ImportField {
            table: section,
            key,
            kind,
        } = FIELDS[*field];
        // Progress entries are kept: an update adds the sheet's entries the file lacks.
        if matches!(kind, FieldKind::Progress) {
            if let Some(FieldValue::Progress(entries)) = value {
                add_progress(&mut doc, entries);
            }
            continue;
        }
        let table: &mut toml_edit::Table = match section {
            "" => doc.as_table_mut(),
            s => {
                if value.is_none() && !doc.contains_key(s) {
                    continue;
                }
                let entry = doc
                    .entry(s)
                    .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()));
                match entry.as_table_mut() {
                    Some(t) => t,
                    None => continue,
                }
            }
        };
        match value {
            None => {
                table.remove(key);
            }
            Some(v) => {
                if table.get(key).is_some_and(|old| same(old, v)) {
                    continue;
                }
                let keep = table
                    .get(key)
                    .and_then(|i| i.as_value())
                    .map(|v| v.decor().clone());
                let mut new = toml_value(v);
                if let Some(decor) = keep {
                    *new.decor_mut() = decor;
                }
                // In place, so the key keeps the comment above it.
                match table.get_mut(key) {
                    Some(slot) => *slot = toml_edit::Item::Value(new),
                    None => {
                        table.insert(key, toml_edit::Item::Value(new));
                    }
                }
            }
        }
    }
    doc.to_string()
}

/// One `[[progress]]` table of a new item file.
fn progress_table(on: Date, said: &str) -> String {
    let date = toml_value(&FieldValue::Date(on));
    let said = toml_value(&FieldValue::Text(said.to_owned()));
    format!("\n[[progress]]\non = {date}\ntext = {said}\n")
}

/// The entries a file's `[[progress]]` lacks (the same date and text), appended after its
/// own; a file whose `progress` is not an array of tables is left as it is.
fn add_progress(doc: &mut toml_edit::DocumentMut, entries: &[(Date, String)]) {
    let item = doc
        .entry("progress")
        .or_insert_with(|| toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()));
    let Some(tables) = item.as_array_of_tables_mut() else {
        return;
    };
    for (on, said) in entries {
        let known = tables.iter().any(|t| {
            t.get("on").is_some_and(|d| same(d, &FieldValue::Date(*on)))
                && t.get("text")
                    .is_some_and(|x| same(x, &FieldValue::Text(said.clone())))
        });
        if known {
            continue;
        }
        let mut table = toml_edit::Table::new();
        table.insert("on", toml_edit::value(toml_value(&FieldValue::Date(*on))));
        table.insert("text", toml_edit::value(said.as_str()));
        tables.push(table);
    }
    if tables.is_empty() {
        doc.remove("progress");
    }
}

fn same(old: &toml_edit::Item, new: &FieldValue) -> bool {
    match (old.as_value(), new) {
        (Some(toml_edit::Value::String(s)), FieldValue::Text(t)) => s.value() == t,
        (Some(toml_edit::Value::Integer(n)), FieldValue::Int(m)) => n.value() == m,
        (Some(toml_edit::Value::Boolean(b)), FieldValue::Bool(c)) => b.value() == c,
        (Some(toml_edit::Value::Datetime(d)), FieldValue::Date(date)) => {
            let d = d.value();
            d.time.is_none()
                && d.date.is_some_and(|x| {
                    i32::from(x.year) == i32::from(date.year())
                        && x.month as i8 == date.month()
                        && x.day as i8 == date.day()
                })
        }
        (Some(toml_edit::Value::Array(a)), FieldValue::List(list)) => {
            a.len() == list.len()
                && a.iter()
                    .zip(list)
                    .all(|(x, y)| x.as_str() == Some(y.as_str()))
        }
        _ => false,
    }
}

use crate::diagnostic::doc::{Change, Example, Prose, RuleDoc, Shown};

/// The sheet every import example starts from, which imports clean into the base tree.
const SHEET: &str = "序号,存在问题,整改措施,责任单位,整改时限,整改进展
1,村级财务公开不及时,每季度公开一次,横坎头村,2015年6月30日,整改中
";

/// What each code of an import means: see [`crate::explain`]. Each example is a sheet (a CSV
/// file, so that the text can be shown) imported into the base tree with the mapping
/// [`crate::diagnostic::doc::IMPORT_MAPPING`] and `--dry-run`. An import also reports, at the cell,
/// every code of `check` that a row would raise in its item file.
pub const DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: Code::SheetUnreadable,
        trigger: Prose {
            en: r#"The file given to `import` is not a spreadsheet it reads: its name ends in none of
`.xlsx`, `.xlsm`, `.xls`, `.xlsb`, `.ods`, `.csv` (or `.txt`), or its bytes are not what the
name says (a damaged download, a web page saved as `.xls`, a `.csv` that is neither UTF-8 nor
GBK). A reader that fails inside on a malformed file is reported the same way, never as a
crash. So is a workbook beyond what a spreadsheet may hold (SPEC §16), measured before it is
read: a part of an `.xlsx` or `.ods` that inflates to more than 1 GiB, more than 10,000,000
cells (an `.ods` counted with its repeated rows and columns, an `.xls` by the cells and the
DIMENSIONS of each sheet) or shared strings, or a cell beyond an Excel sheet (past `XFD1048576`:
1,048,576 rows, 16,384 columns); and a binary workbook (`.xlsb`), which is not read. A file
larger than 256 MiB is refused by its size before it is read (exit 2)."#,
            zh: r#"交给 `import` 的文件不是它能读的表格：文件名不以 `.xlsx`、`.xlsm`、`.xls`、`.xlsb`、`.ods`、`.csv`（或 `.txt`）结尾，或者内容与文件名不符（下载损坏、网页另存为 `.xls`、既不是 UTF-8 也不是 GBK 编码的 `.csv`）。读取格式错误的文件时读取程序内部出错的，同样这样报告，决不崩溃。超出表格容量的工作簿（SPEC 第16节）也是如此，在读取之前就先测量：`.xlsx` 或 `.ods` 中解压后超过1 GiB 的部分，超过10,000,000个单元格（`.ods` 连同重复的行和列一起计算，`.xls` 按各工作表的单元格和 DIMENSIONS 记录计算）或共享字符串，或者超出 Excel 工作表范围的单元格（`XFD1048576` 之外：1,048,576行、16,384列）；二进制工作簿（`.xlsb`）也不读取。大于256 MiB 的文件在读取之前就按大小拒绝（退出码2）。"#,
        },
        examples: &[Example {
            intro: Prose::NONE,
            caption: Prose {
                en: r#"台账.xlsx holding the CSV text of the sheet"#,
                zh: r#"台账.xlsx 中存的是工作表的 CSV 文字"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Import {
                file: "台账.xlsx",
                text: SHEET,
            }],
            as_of: None,
            output: Prose {
                en: r#"error[I001]: cannot read the spreadsheet: Cannot detect file format
 --> 台账.xlsx
  = help: import reads .xlsx, .xls, .ods and .csv (UTF-8 or GBK); open it in Excel or WPS and save it as .xlsx"#,
                zh: r#"error[I001]: 无法读取表格：内容不是可读的表格，或文件已损坏（读取程序报告：Cannot detect file format）
 --> 台账.xlsx
  = help: 可导入 .xlsx、.xls、.ods 和 .csv（UTF-8 或 GBK）文件；在 Excel 或 WPS 中打开并另存为 .xlsx 再试"#,
            },
        }],
        fix: Prose {
            en: r#"Open the file in Excel or WPS and save it as `.xlsx` (「另存为」Excel 工作簿), or save
the sheet as CSV in UTF-8 or GBK."#,
            zh: r#"用 Excel 或 WPS 打开文件，另存为 `.xlsx`（「另存为」Excel 工作簿），或者把工作表另存为 UTF-8 或 GBK 编码的 CSV。"#,
        },
    },
    RuleDoc {
        code: Code::SheetEmpty,
        trigger: Prose {
            en: r#"The sheet the mapping names (`[source] sheet`; for the built-in mapping
`整改事项清单`) is not in the workbook, which has other sheets (they are listed); or the row
`header_row` (1 by default) is empty: a sheet with a title above its headers needs
`header_row` set. (The built-in mapping finds its header row by itself: the first of the
sheet's first ten rows that holds 单位 and 编号; where none does, row 1.)"#,
            zh: r#"映射指定的工作表（`[source] sheet`；内置映射为 `整改事项清单`）不在工作簿中，工作簿中是别的工作表（消息会列出）；或者第 `header_row` 行（默认为第1行）是空的：表头上方有标题的工作表要设 `header_row`。（内置映射自己找表头行：工作表前10行中第一个含“单位”和“编号”两列的行；都没有时取第1行。）"#,
        },
        examples: &[Example {
            intro: Prose::same(
                "```csv\n,,,,,\n序号,存在问题,整改措施,责任单位,整改时限,整改进展\n1,村级财务公开不及时,每季度公开一次,横坎头村,2015年6月30日,整改中\n```",
            ),
            caption: Prose {
                en: r#"台账.csv, its headers on row 2"#,
                zh: r#"台账.csv，表头在第2行"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Import {
                file: "台账.csv",
                text: ",,,,,\n序号,存在问题,整改措施,责任单位,整改时限,整改进展\n1,村级财务公开不及时,每季度公开一次,横坎头村,2015年6月30日,整改中\n",
            }],
            as_of: None,
            output: Prose {
                en: r#"error[I002]: row 1, the header row, is empty
 --> 台账.csv!台账
  = help: give the row of the headers as `header_row` in the mapping's [source]"#,
                zh: r#"error[I002]: 第1行（表头行）是空的
 --> 台账.csv!台账
  = help: 在映射文件的 [source] 中用 header_row 指明表头所在的行"#,
            },
        }],
        fix: Prose {
            en: r#"Name the sheet as the workbook does, or set `header_row` to the row of the headers."#,
            zh: r#"按工作簿中的写法写工作表名，或者把 `header_row` 设为表头所在的行。"#,
        },
    },
    RuleDoc {
        code: Code::ColumnMissing,
        trigger: Prose {
            en: r#"A column the mapping reads (a key, the unit column, a field's `column`, a `[[when]]`
column) is not in the header row. Headers are compared without white space, so a header broken
over two lines in its cell still matches. The help names the closest header, or lists them all.
The built-in mapping asks only for its key columns (单位, 编号): a sheet may leave out any other."#,
            zh: r#"映射要读的某一列（键、单位列、字段的 `column`、`[[when]]` 的列）不在表头行中。比较表头时忽略空白，所以单元格中分两行写的表头也能对上。提示给出最接近的表头，或者列出全部表头。内置映射只要求键的各列（单位、编号）：其他列都可以没有。"#,
        },
        examples: &[Example {
            intro: Prose::same(
                "```csv\n序号,存在问题,整改措施,责任单位,整改时间,整改进展\n1,村级财务公开不及时,每季度公开一次,横坎头村,2015年6月30日,整改中\n```",
            ),
            caption: Prose {
                en: r#"台账.csv, with 整改时间 for 整改时限"#,
                zh: r#"台账.csv，把 整改时限 写成了 整改时间"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Import {
                file: "台账.csv",
                text: "序号,存在问题,整改措施,责任单位,整改时间,整改进展\n1,村级财务公开不及时,每季度公开一次,横坎头村,2015年6月30日,整改中\n",
            }],
            as_of: None,
            output: Prose {
                en: r#"error[I003]: the header row has no column "整改时限"
 --> 台账.csv!台账!1:1
  = help: did you mean `整改时间`?"#,
                zh: r#"error[I003]: 表头行中没有“整改时限”列
 --> 台账.csv!台账!1:1
  = help: 是否想写 `整改时间`？"#,
            },
        }],
        fix: Prose {
            en: r#"Write the column's name in the mapping as the sheet writes it, or rename the header."#,
            zh: r#"在映射中按工作表的写法写列名，或者改表头。"#,
        },
    },
    RuleDoc {
        code: Code::DuplicateRow,
        trigger: Prose {
            en: r#"Two rows of the sheet have the same key (the `key` columns other than the unit's) for
the same unit: they would be one item file. The message names the first row."#,
            zh: r#"工作表中同一单位的两行键相同（单位以外的各 `key` 列）：它们会写成同一个事项文件。消息指出第一次出现的那一行。"#,
        },
        examples: &[Example {
            intro: Prose::same(
                "```csv\n序号,存在问题,整改措施,责任单位,整改时限,整改进展\n1,村级财务公开不及时,每季度公开一次,横坎头村,2015年6月30日,整改中\n1,会议室空调常开,人走关机,横坎头村,2015年4月30日,已整改\n```",
            ),
            caption: Prose {
                en: r#"台账.csv, 序号 1 twice"#,
                zh: r#"台账.csv，序号1出现两次"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Import {
                file: "台账.csv",
                text: "序号,存在问题,整改措施,责任单位,整改时限,整改进展\n1,村级财务公开不及时,每季度公开一次,横坎头村,2015年6月30日,整改中\n1,会议室空调常开,人走关机,横坎头村,2015年4月30日,整改中\n",
            }],
            as_of: None,
            output: Prose {
                en: r#"error[I004]: "1" of the same unit already appears at 台账.csv!台账!2:2
 --> 台账.csv!台账!A3
  = help: each item takes one row: merge or remove the repeated row, or correct its number"#,
                zh: r#"error[I004]: 同一单位的“1”已在 台账.csv!台账!2:2 出现过
 --> 台账.csv!台账!A3
  = help: 每个事项只占一行；合并或删除重复的行，或改正序号"#,
            },
        }],
        fix: Prose {
            en: r#"Give each item its own number, or merge the two rows."#,
            zh: r#"给每个事项各编一个序号，或者把两行合并。"#,
        },
    },
    RuleDoc {
        code: Code::UnknownUnit,
        trigger: Prose {
            en: r#"The unit column of a row names no unit of the records. A cell names a unit by its org
path (`梁弄镇/横坎头村`), its folder's name (`横坎头村`) or the `name` in its `unit.toml`
(`中共横坎头村委员会`), each where it is unique, or through the mapping's `[unit] map`. The help
suggests a close name."#,
            zh: r#"某一行的单位列不是台账中的单位。单元格可以用机构路径（`梁弄镇/横坎头村`）、文件夹名（`横坎头村`）或 `unit.toml` 中的 `name`（`中共横坎头村委员会`）指明单位，后两者须唯一；也可以通过映射的 `[unit] map` 对应。提示给出相近的名字。"#,
        },
        examples: &[Example {
            intro: Prose::same(
                "```csv\n序号,存在问题,整改措施,责任单位,整改时限,整改进展\n1,村级财务公开不及时,每季度公开一次,横坎头,2015年6月30日,整改中\n```",
            ),
            caption: Prose {
                en: r#"台账.csv, 横坎头 for 横坎头村"#,
                zh: r#"台账.csv，把 横坎头村 写成了 横坎头"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Import {
                file: "台账.csv",
                text: "序号,存在问题,整改措施,责任单位,整改时限,整改进展\n1,村级财务公开不及时,每季度公开一次,横坎头,2015年6月30日,整改中\n",
            }],
            as_of: None,
            output: Prose {
                en: r#"error[I005]: "横坎头" is not a unit of the records
 --> 台账.csv!台账!D2
  = help: did you mean `横坎头村`?"#,
                zh: r#"error[I005]: “横坎头”不是台账中的单位
 --> 台账.csv!台账!D2
  = help: 是否想写 `横坎头村`？"#,
            },
        }],
        fix: Prose {
            en: r#"Write the unit as the records name it, or map the sheet's name to its org path:
`[unit] map = { "横坎头" = "梁弄镇/横坎头村" }`."#,
            zh: r#"按台账中的名字写单位，或者把工作表中的名字对应到机构路径：`[unit] map = { "横坎头" = "梁弄镇/横坎头村" }`。"#,
        },
    },
    RuleDoc {
        code: Code::BadCell,
        trigger: Prose {
            en: r#"A cell that cannot become its field: a date that is no date (`2015年2月30日`, or
`1900-02-29`, the day Excel counts and the calendar does not), a number field that is not a
whole number, a yes-or-no field that is neither; a line of a `progress` cell (进展情况: one
entry a line, `2015-02-10 text`) that does not start with a date or whose date is no day, the
message naming the line; a cell of more than 32,767 characters (more than
Excel holds); a formula whose result was never saved (a formula cell gives its saved result,
never the formula), or an error value (`#DIV/0!`). Dates are read from Excel dates, from the
mapping's `formats` and from `%Y-%m-%d`, `%Y年%m月%d日`, `%Y/%m/%d` and `%Y.%m.%d`."#,
            zh: r#"单元格无法转换为所属字段的值：日期不是真实的日子（`2015年2月30日`，或 Excel 算了而日历上没有的 `1900-02-29`），数字字段不是整数，是否字段既不是“是”也不是“否”；`progress` 单元格（进展情况：一行一条，`2015-02-10 内容`）中的某一行不以日期开头，或日期不是真实的日子，消息会指出是哪一行；单元格超过32767个字符（超出 Excel 的容量）；公式的结果从未保存（公式单元格取其保存的结果，决不取公式本身），或者是错误值（`#DIV/0!`）。日期可以是 Excel 日期，映射的 `formats` 中的格式，以及 `%Y-%m-%d`、`%Y年%m月%d日`、`%Y/%m/%d` 和 `%Y.%m.%d`。"#,
        },
        examples: &[Example {
            intro: Prose::same(
                "```csv\n序号,存在问题,整改措施,责任单位,整改时限,整改进展\n1,村级财务公开不及时,每季度公开一次,横坎头村,2015年2月30日,整改中\n```",
            ),
            caption: Prose {
                en: r#"台账.csv, 2015年2月30日"#,
                zh: r#"台账.csv，2015年2月30日"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Import {
                file: "台账.csv",
                text: "序号,存在问题,整改措施,责任单位,整改时限,整改进展\n1,村级财务公开不及时,每季度公开一次,横坎头村,2015年2月30日,整改中\n",
            }],
            as_of: None,
            output: Prose {
                en: r#"error[I006]: there is no such day as 2015年2月30日
 --> 台账.csv!台账!E2"#,
                zh: r#"error[I006]: 没有 2015年2月30日 这一天
 --> 台账.csv!台账!E2"#,
            },
        }],
        fix: Prose {
            en: r#"Correct the cell, or add its date format to the field's `formats` in the mapping."#,
            zh: r#"改正单元格，或者在映射中把它的日期格式加进该字段的 `formats`。"#,
        },
    },
    RuleDoc {
        code: Code::BadKey,
        trigger: Prose {
            en: r#"The key of a row (the `key` columns other than the unit's, joined by `-`) is the name of
its item file, `UNIT/items/KEY.toml`, and must be a plain file name: not empty, without `/`,
`\`, `:`, `*`, `?`, `"`, `<`, `>`, `|` or a control character, not starting with a dot, not
ending with a dot or a space, no Windows device name (`CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`,
`LPT1`–`LPT9`, in any case, with or without an extension), at most 100 characters and a file
name of at most 255 bytes (a Chinese character is 3). So no row can write outside its unit's
folder, and every file can be opened on Windows. Two keys of one unit that differ only by case
(`a` and `A`, or a key and an existing item file) are I004: on Windows and macOS they are one
file. All of this is checked before anything is written."#,
            zh: r#"一行的键（单位以外的各 `key` 列，用 `-` 连接）就是其事项文件的名字 `UNIT/items/KEY.toml`，必须是一个普通的文件名：不为空，不含 `/`、`\`、`:`、`*`、`?`、`"`、`<`、`>`、`|` 或控制字符，不以点开头，不以点或空格结尾，不是 Windows 设备名（`CON`、`PRN`、`AUX`、`NUL`、`COM1`—`COM9`、`LPT1`—`LPT9`，不论大小写，带不带扩展名），最多100个字符，文件名不超过255字节（一个汉字占3字节）。这样任何一行都不会写到所属单位的文件夹之外，每个文件在 Windows 上都能打开。同一单位的两个键只有大小写不同（`a` 和 `A`，或一个键和一个已有的事项文件）的，报 I004：在 Windows 和 macOS 上它们是同一个文件。这些都在写入任何文件之前检查。"#,
        },
        examples: &[Example {
            intro: Prose::same(
                "```csv\n序号,存在问题,整改措施,责任单位,整改时限,整改进展\n../x,村级财务公开不及时,每季度公开一次,横坎头村,2015年6月30日,整改中\n```",
            ),
            caption: Prose {
                en: r#"台账.csv, 序号 ../x"#,
                zh: r#"台账.csv，序号为 ../x"#,
            },
            shown: Shown::Nothing,
            change: &[Change::Import {
                file: "台账.csv",
                text: "序号,存在问题,整改措施,责任单位,整改时限,整改进展\n../x,村级财务公开不及时,每季度公开一次,横坎头村,2015年6月30日,整改中\n",
            }],
            as_of: None,
            output: Prose {
                en: r#"error[I007]: the key "../x" cannot be a file name
 --> 台账.csv!台账!A2
  = help: an id is not empty, has no / \ : * ? " < > | or control character, does not start with a dot or end with a dot or a space, is no Windows device name (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9), and has at most 100 characters and a file name of at most 255 bytes"#,
                zh: r#"error[I007]: 键“../x”不能用作文件名
 --> 台账.csv!台账!A2
  = help: 事项编号不能为空，不能含 / \ : * ? " < > | 或控制字符，不能以 . 开头，不能以 . 或空格结尾，不能是 CON、PRN、AUX、NUL、COM1—COM9、LPT1—LPT9 等 Windows 设备名，最多100个字符，文件名不超过255字节"#,
            },
        }],
        fix: Prose {
            en: r#"Number the rows plainly (1, 2, 3 or CZ-01), or choose other key columns."#,
            zh: r#"按顺序给各行编号（1、2、3 或 CZ-01），或者另选键列。"#,
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn date_in(text: &str) -> Result<Date, Msg> {
        date_of(&Value::Text(text.to_owned()), &[])
    }

    #[test]
    fn a_date_of_the_formats_shape_out_of_range_is_no_such_day() {
        assert_eq!(date_in("2015年6月30日"), Ok(jiff::civil::date(2015, 6, 30)));
        for text in ["2015年2月30日", "2015-02-32", "2015-13-01", "2015/2/29"] {
            assert_eq!(
                date_in(text),
                Err(Msg::Import(ImportMsg::ImportNoSuchDay {
                    text: text.to_owned()
                })),
                "{text}"
            );
        }
        for text in ["2015年2月", "2015-02-", "六月底"] {
            assert!(
                matches!(
                    date_in(text),
                    Err(Msg::Import(ImportMsg::ImportNotDate { .. }))
                ),
                "{text}: {:?}",
                date_in(text)
            );
        }
    }
}
