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

impl Fatal {
    /// The error a writer returns to stop a write for this reason (a renderer that finds a
    /// value it cannot read back): whoever reports the write's error gets it back whole from
    /// [`Fatal::of_write`].
    pub fn into_io(self) -> std::io::Error {
        std::io::Error::other(Carried(self))
    }

    /// A write's error: the fatal error a writer stopped with ([`Fatal::into_io`]), or an I/O
    /// error writing `path`.
    pub fn of_write(e: std::io::Error, path: &str) -> Fatal {
        match e.downcast::<Carried>() {
            Ok(Carried(fatal)) => fatal,
            Err(e) => Msg::Io {
                path: path.to_owned(),
                detail: e.to_string(),
            }
            .into(),
        }
    }
}

/// A [`Fatal`] on its way through an `io::Write` chain.
#[derive(Debug)]
struct Carried(Fatal);

impl std::fmt::Display for Carried {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.message.text(Lang::En).trim_end())
    }
}

impl std::error::Error for Carried {}

pub const EXIT_OK: u8 = 0;
pub const EXIT_RECORDS: u8 = 1;
pub const EXIT_FATAL: u8 = 2;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::messages::run::RunMsg;

    #[test]
    fn a_fatal_error_carried_through_a_write_comes_back_whole() {
        let fatal = Fatal::from(RunMsg::DocxFailed {
            detail: "zip".into(),
        });
        let again = Fatal::of_write(fatal.into_io(), "out.docx");
        assert_eq!(
            again.text(Lang::En),
            "error: could not make the Word document: zip\n"
        );
        let io = std::io::Error::new(std::io::ErrorKind::StorageFull, "disk full");
        assert_eq!(
            Fatal::of_write(io, "out.docx").text(Lang::En),
            Fatal::from(Msg::Io {
                path: "out.docx".into(),
                detail: "disk full".into()
            })
            .text(Lang::En)
        );
    }
}
