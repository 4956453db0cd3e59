//! huitoukan (回头看): a rectification campaign's records, kept as TOML files under git,
//! validated and rolled up into the reports a campaign office files upward.
//!
//! The stages run one way: [`discover`] walks the tree, [`load`] reads and parses a file,
//! [`model`] types it, [`records`] holds the whole tree, [`rules`] find what is wrong,
//! and [`render`] shows it.

pub mod app;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod discover;
pub mod escape;
pub mod explain;
pub mod format;
pub mod help;
pub mod history;
pub mod i18n;
pub mod import;
pub mod load;
pub mod model;
pub mod origin;
pub mod outcome;
pub mod output;
pub mod records;
pub mod render;
pub mod rollup;
pub mod root;
pub mod rules;
pub mod settings;
pub mod source;
pub mod span;
pub mod status;
pub mod suggest;
