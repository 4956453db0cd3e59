//! What words need, below every stage: the language of a run and the sentences in it
//! ([`i18n`], each family of rules with its own in [`messages`]), text made safe for HTML,
//! Markdown and CSV ([`escape`]), and the closest spelling to a mistyped one ([`suggest`]).

pub mod escape;
pub mod i18n;
pub mod messages;
pub mod suggest;
