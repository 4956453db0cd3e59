//! huitoukan (回头看): a rectification campaign's records, kept as TOML files under git,
//! validated and rolled up into the reports a campaign office files upward.
//!
//! The stages run one way, and each folder is one: [`load`] walks the tree and reads and
//! parses its files, [`model`] types them into the records of the whole tree, [`rules`] find
//! what is wrong, [`rollup`] adds the records up into a report, [`history`] compares revisions,
//! and [`render`] shows a report in each format. Beneath them all lie [`format`] (the record
//! format, declared once), [`diagnostic`] (what a problem is, and its documentation) and
//! [`text`] (what words need). Above them, [`cli`] and [`settings`] say what the user asked,
//! [`cmd`] runs each subcommand, [`import`] turns a spreadsheet into records, and [`explain`]
//! collects the documentation of every code. A module only names the modules below it:
//! `tests/module_graph.rs` fails on a cycle.

pub mod app;
pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod explain;
pub mod format;
pub mod help;
pub mod history;
pub mod import;
pub mod load;
pub mod model;
pub mod render;
pub mod rollup;
pub mod rules;
pub mod settings;
pub mod text;
