//! One module per subcommand.

pub mod check;
pub mod diff;
pub mod explain;
pub mod import;
pub mod init;
pub mod merge;
pub mod report;
pub mod schema;
pub mod shell;
pub mod trend;
