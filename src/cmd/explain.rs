//! `huitoukan explain CODE`: what a diagnostic code means, like `rustc --explain`.

use std::process::ExitCode;

use crate::cli::ExplainArgs;
use crate::diagnostic::outcome::{EXIT_OK, Fatal};
use crate::explain;
use crate::settings::output::write_stream;
use crate::text::i18n::Lang;
use crate::text::messages::commands::CommandMsg;

/// The code's page in the language of the run.
pub fn run(args: &ExplainArgs, lang: Lang) -> Result<ExitCode, Fatal> {
    let doc = explain::parse_code(&args.code)
        .and_then(explain::find)
        .ok_or_else(|| Fatal {
            message: CommandMsg::UnknownCode {
                code: args.code.clone(),
            }
            .into(),
            help: Some(CommandMsg::UnknownCodeHelp.into()),
        })?;
    write_stream(&mut std::io::stdout(), &explain::explain_text(doc, lang))?;
    Ok(ExitCode::from(EXIT_OK))
}
