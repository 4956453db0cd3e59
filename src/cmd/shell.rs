//! `huitoukan completions` and `huitoukan man`: generated from the command line's definition.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::app::{EXIT_OK, Fatal, write_stream};
use crate::cli::{Cli, CompletionsArgs};
use crate::i18n::Msg;

pub fn completions(args: &CompletionsArgs) -> Result<ExitCode, Fatal> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "huitoukan", &mut out);
    write_stream(&mut std::io::stdout(), &String::from_utf8_lossy(&out))?;
    Ok(ExitCode::from(EXIT_OK))
}

pub fn man() -> Result<ExitCode, Fatal> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| Msg::Io {
            path: "<man>".into(),
            detail: e.to_string(),
        })?;
    write_stream(&mut std::io::stdout(), &String::from_utf8_lossy(&out))?;
    Ok(ExitCode::from(EXIT_OK))
}
