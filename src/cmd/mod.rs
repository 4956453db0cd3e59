//! One module per subcommand.

pub mod check;
pub mod explain;
pub mod import;
pub mod init;
pub mod report;
pub mod schema;
pub mod shell;
