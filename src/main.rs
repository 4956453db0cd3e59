//! The `huitoukan` binary: parse the command line, run, map the outcome to an exit code
//! (0 clean, 1 the records have errors, 2 the command could not run).

use std::process::ExitCode;

use clap::Parser;
use huitoukan::app::{self, EXIT_FATAL};
use huitoukan::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = app::lang(&cli);
    match app::run(&cli) {
        Ok(code) => code,
        Err(fatal) => {
            let mut text = format!("error: {}\n", fatal.message.text(lang));
            if let Some(help) = fatal.help {
                text.push_str(&format!("  = help: {}\n", help.text(lang)));
            }
            let _ = app::write_stream(&mut anstream::stderr(), &text);
            ExitCode::from(EXIT_FATAL)
        }
    }
}
