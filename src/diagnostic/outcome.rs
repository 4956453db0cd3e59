//! How a command ends: its exit codes, and the fatal errors that stop it before it has a result.

use crate::text::i18n::{Lang, Msg};

/// A failure that stops a command before it has a result (exit 2).
#[derive(Debug)]
pub struct Fatal {
    pub message: Msg,
    pub help: Option<Msg>,
}

impl Fatal {
    /// The one way a fatal error or a refusal is shown: `error: …`, then its `= help: …` line.
    pub fn text(&self, lang: Lang) -> String {
        let mut text = format!("error: {}\n", self.message.text(lang));
        if let Some(help) = &self.help {
            text.push_str(&format!("  = help: {}\n", help.text(lang)));
        }
        text
    }
}

impl<M: Into<Msg>> From<M> for Fatal {
    fn from(message: M) -> Self {
        Fatal {
            message: message.into(),
            help: None,
        }
    }
}

pub const EXIT_OK: u8 = 0;
pub const EXIT_RECORDS: u8 = 1;
pub const EXIT_FATAL: u8 = 2;
