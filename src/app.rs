//! Running a command: the command line resolved once ([`crate::settings`]), then the dispatch
//! to the command's module in `cmd/`. What the commands share lives apart from it
//! ([`crate::diagnostic::outcome`], [`crate::settings::root`], [`crate::settings::output`]), so the commands never depend on
//! this module.

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::cmd;
use crate::diagnostic::outcome::Fatal;
use crate::settings::{self, Common};

pub fn run(cli: &Cli) -> Result<ExitCode, Fatal> {
    let common = Common::of(cli);
    let lang = common.lang;
    match &cli.command {
        Command::Check(args) => cmd::check::run(&settings::Check::resolve(args, &common)?),
        Command::Report(args) => cmd::report::run(&settings::Report::resolve(args, &common)?),
        Command::Merge(args) => cmd::merge::run(&settings::Merge::resolve(args)?),
        Command::Import(args) => cmd::import::run(&settings::Import::resolve(args, &common)?),
        Command::Init(args) => cmd::init::init(args, &common),
        Command::New(what) => cmd::init::new(what, &common),
        Command::Diff(args) => cmd::diff::run(&settings::Diff::resolve(args, &common)?),
        Command::Trend(args) => cmd::trend::run(&settings::Trend::resolve(args, &common)?),
        Command::Schema(args) => cmd::schema::run(args, lang),
        Command::Explain(args) => cmd::explain::run(args, lang),
        Command::Completions(args) => cmd::shell::completions(args, lang),
        Command::Man(args) => cmd::shell::man(args, lang),
    }
}
