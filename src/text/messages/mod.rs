//! The sentences of each family, one file a family: its messages as typed values, and beside
//! each its wording in Chinese and in English. A family is a family of rules (`item`,
//! `self_check`, `plan`, `links`) or the part of the program that says it (`fields` and
//! `files` for reading the tree, `history`, `import`, `settings`, `commands`, `stored`, `run`,
//! `report`, `docx`).
//!
//! A family's messages live here, below `diagnostic`, rather than in the family's own module
//! under `rules/`: a [`Diagnostic`](crate::diagnostic::Diagnostic) holds its message as a
//! [`Msg`](crate::text::i18n::Msg), and `Msg` names every family, so the families must lie
//! beneath it; in `rules/` they would make `text` depend on `rules` and close a cycle
//! (`tests/module_graph.rs`). Each `rules/<family>.rs` builds its own family's values, and
//! `.into()` (or any function taking `impl Into<Msg>`) makes them a `Msg`.

pub mod commands;
pub mod docx;
pub mod fields;
pub mod files;
pub mod history;
pub mod import;
pub mod item;
pub mod links;
pub mod plan;
pub mod report;
pub mod run;
pub mod self_check;
pub mod settings;
pub mod stored;
