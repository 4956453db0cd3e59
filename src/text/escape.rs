//! Text from the records as a person may safely see it: every control character and every
//! invisible or direction-changing one written out as `\n`, `\t`, `\u{1b}`, `\u{200b}`.
//!
//! A record's value reaches terminals, CI logs and spreadsheets. Raw, an ESC sequence moves the
//! cursor or retitles the window, a line feed starts a line that GitHub's runner takes for a
//! workflow command, a bidi override (Trojan Source) shows text in another order than it is
//! read, and a zero-width space makes two different values look the same. Every message, label,
//! help line, path and report cell goes through [`controls`]; each format passes only the
//! characters it keeps raw because they mean something in it (a line break in a CSV cell).

use std::borrow::Cow;

/// `text` with every character that [`is_hidden`] written out, except those in `keep`.
pub fn controls<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    controls_where(text, |c| is_hidden(c) && !keep.contains(&c))
}

/// `text` with every character for which `escape` holds written out.
pub fn controls_where(text: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !escape(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        }
    }
    Cow::Owned(out)
}

/// A character a person cannot see for what it is: a control character (C0, DEL, C1), or a
/// format, separator or filler character that shows nothing or reorders what follows.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'                          // soft hyphen
            | '\u{34f}'                       // combining grapheme joiner
            | '\u{600}'..='\u{605}'
            | '\u{61c}'                       // Arabic letter mark
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{8e2}'
            | '\u{115f}' | '\u{1160}'          // Hangul fillers
            | '\u{17b4}' | '\u{17b5}'
            | '\u{180e}'                      // Mongolian vowel separator
            | '\u{200b}'..='\u{200f}'         // zero-width space, joiners, LRM, RLM
            | '\u{2028}' | '\u{2029}'         // line and paragraph separators
            | '\u{202a}'..='\u{202e}'         // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}'         // word joiner, invisible operators
            | '\u{2066}'..='\u{206f}'         // bidi isolates, deprecated format characters
            | '\u{3164}' | '\u{ffa0}'         // Hangul fillers
            | '\u{feff}'                      // byte-order mark, zero-width no-break space
            | '\u{fff9}'..='\u{fffb}'         // interlinear annotation
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e007f}' // tags
        )
}

/// `text` cut to `max` characters, the last of them `…` where it was cut: a chart's label (the
/// tables carry the full text), a revision a user typed echoed in a message.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_out_what_cannot_be_seen() {
        assert_eq!(controls("已完成", &[]), "已完成");
        assert_eq!(
            controls("x\n::error::y\u{1b}[31m\u{9b}\u{200b}\u{202e}\u{feff}", &[]),
            "x\\n::error::y\\u{1b}[31m\\u{9b}\\u{200b}\\u{202e}\\u{feff}"
        );
        assert_eq!(controls("a\nb\tc\rd", &['\n', '\t']), "a\nb\tc\\rd");
    }

    #[test]
    fn leaves_text_that_shows_as_it_is() {
        for text in ["回头看 “三公”", "C:\\path", "emoji 👍🏽", "\u{3000}全角空格"]
        {
            assert!(matches!(controls(text, &[]), Cow::Borrowed(_)), "{text}");
        }
    }
}
