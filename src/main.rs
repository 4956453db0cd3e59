//! The `huitoukan` binary: parse the command line, run, map the outcome to an exit code
//! (0 clean, 1 the records have errors, 2 the command could not run).

use std::process::ExitCode;

use clap::FromArgMatches;
use huitoukan::app;
use huitoukan::cli::Cli;
use huitoukan::diagnostic::outcome::EXIT_FATAL;
use huitoukan::help;
use huitoukan::settings;
use huitoukan::settings::output::write_stream;

fn main() -> ExitCode {
    // Help and usage errors come before the command line is parsed: their language is read
    // from it by hand (SPEC §8: --lang, else HUITOUKAN_LANG, else Chinese).
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let help_lang = help::lang_of(&args);
    let parsed = help::command(help_lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => match help::error(&e, help_lang) {
            Some(text) => {
                let _ = write_stream(&mut anstream::stderr(), &text);
                return ExitCode::from(EXIT_FATAL);
            }
            None => match help::help_text(&e, help_lang) {
                Some(text) if e.use_stderr() => {
                    let _ = write_stream(&mut anstream::stderr(), &text);
                    return ExitCode::from(EXIT_FATAL);
                }
                Some(text) => {
                    let _ = write_stream(&mut anstream::stdout(), &text);
                    return ExitCode::SUCCESS;
                }
                None => e.exit(),
            },
        },
    };
    let lang = settings::lang(&cli);
    match app::run(&cli) {
        Ok(code) => code,
        Err(fatal) => {
            let _ = write_stream(&mut anstream::stderr(), &fatal.text(lang));
            ExitCode::from(EXIT_FATAL)
        }
    }
}
