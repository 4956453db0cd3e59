//! Running a command: the language, and the dispatch to the command's module in `cmd/`. What
//! the commands share lives apart from it ([`crate::outcome`], [`crate::root`],
//! [`crate::output`]), so the commands never depend on this module.

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::cmd;
use crate::i18n::Lang;
use crate::outcome::Fatal;

pub fn lang(cli: &Cli) -> Lang {
    cli.lang
        .or_else(|| {
            std::env::var("HUITOUKAN_LANG")
                .ok()
                .and_then(|v| Lang::parse(&v))
        })
        .unwrap_or_default()
}

pub fn run(cli: &Cli) -> Result<ExitCode, Fatal> {
    let lang = lang(cli);
    match &cli.command {
        Command::Check(args) => cmd::check::run(args, lang),
        Command::Report(args) => cmd::report::run(args, lang),
        Command::Merge(args) => cmd::merge::run(args, lang),
        Command::Import(args) => cmd::import::run(args, lang),
        Command::Init(args) => cmd::init::init(args, lang),
        Command::New(what) => cmd::init::new(what, lang),
        Command::Diff(args) => cmd::diff::run(args, lang),
        Command::Trend(args) => cmd::trend::run(args, lang),
        Command::Schema(args) => cmd::schema::run(args, lang),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Completions(args) => cmd::shell::completions(args),
        Command::Man(args) => cmd::shell::man(args, lang),
    }
}
