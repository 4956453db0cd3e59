//! Diagnostics for people, like cargo's: the code, the place, the source line with a caret
//! under the span (aligned by display width), a help line, and a closing summary.

use std::io::Write;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Element, Group, Level, Origin, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::load::source::SourceFile;
use crate::render::display_path;
use crate::rules::check::{Checked, Located};
use crate::text::escape;
use crate::text::i18n::Lang;
use crate::text::messages::run::RunMsg;

/// The most source lines shown for one span.
const MAX_LINES: usize = 4;

/// Source lines longer than this in all (in bytes) are not shown whole: only a window of
/// [`WINDOW`] characters on each side of the span's start, on its first line. A line of a
/// mebibyte would otherwise be laid out again for every diagnostic on it.
const MAX_EXCERPT: usize = 4096;
const WINDOW: usize = 100;

/// Renders every diagnostic and the summary. The text carries ANSI styles; the caller's
/// stream strips them where colour is off.
pub fn render(checked: &Checked, lang: Lang, cwd: Option<&Path>) -> String {
    let mut out = Vec::new();
    // Writing to memory fails only where memory does.
    let _ = write(&mut out, checked, lang, cwd);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`render`], written to `out` a diagnostic at a time: tens of thousands of warnings are
/// never held as one text.
pub fn write(
    out: &mut dyn Write,
    checked: &Checked,
    lang: Lang,
    cwd: Option<&Path>,
) -> std::io::Result<()> {
    let renderer = Renderer::styled();
    for at in checked.located() {
        out.write_all(render_one(&renderer, checked, &at, lang, cwd).as_bytes())?;
        out.write_all(b"\n\n")?;
    }
    let counts = checked.counts();
    let summary = RunMsg::CheckSummary {
        errors: counts.errors,
        warnings: counts.warnings,
        files: checked.records.file_count(),
    };
    let style = if counts.errors > 0 {
        anstyle::AnsiColor::BrightRed.on_default().bold()
    } else if counts.warnings > 0 {
        anstyle::AnsiColor::Yellow.on_default().bold()
    } else {
        anstyle::AnsiColor::BrightGreen.on_default().bold()
    };
    writeln!(out, "{style}{}{style:#}", summary.text(lang))?;
    if checked.unlisted_warnings > 0 {
        let note = RunMsg::WarningsNotListed {
            warnings: checked.unlisted_warnings,
        };
        writeln!(out, "note: {}", note.text(lang))?;
    }
    Ok(())
}

fn render_one(
    renderer: &Renderer,
    checked: &Checked,
    at: &Located<'_>,
    lang: Lang,
    cwd: Option<&Path>,
) -> String {
    let (d, file) = (at.diagnostic, at.file);
    let files = &checked.records.files;
    let path_of = |file| display_path(&checked.records.root, files.path(file), cwd);
    let mut elements = match d.span() {
        Some(span) if file.has_text() => {
            snippet(file, path_of(d.file()), span, AnnotationKind::Primary, None)
        }
        _ => vec![Origin::path(path_of(d.file())).into()],
    };
    for label in &d.labels {
        let other = files.get(label.file);
        if other.has_text() {
            let text = label.message.text(lang);
            elements.extend(snippet(
                other,
                path_of(label.file),
                &label.span,
                AnnotationKind::Context,
                Some(text),
            ));
        }
    }
    layout(renderer, d, elements, lang)
}

/// Diagnostics at places outside the text of the records (an import's, in a spreadsheet),
/// each shown as `check` shows one of a whole file: the place on its `-->` line. The text
/// carries ANSI styles, as [`render`]'s.
pub fn render_placed(diagnostics: &[Diagnostic<Place>], lang: Lang) -> String {
    let renderer = Renderer::styled();
    let mut out = String::new();
    for d in diagnostics {
        let place = escape::controls(&d.at.to_string(), &[]).into_owned();
        out.push_str(&layout(
            &renderer,
            d,
            vec![Origin::path(place).into()],
            lang,
        ));
        out.push_str("\n\n");
    }
    out
}

/// One diagnostic as every command shows it: the level, the code and the message, then where
/// it is (`place`: the source lines, or the `-->` line alone), then the help.
fn layout<P>(
    renderer: &Renderer,
    d: &Diagnostic<P>,
    place: Vec<Element<'_>>,
    lang: Lang,
) -> String {
    let level = match d.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level
        .primary_title(d.message.text(lang))
        .id(d.code.as_str());
    let mut group = title.elements(place);
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.text(lang)));
    }
    let report: [Group<'_>; 1] = [group];
    let text = renderer.render(&report);
    // A window of a line comes after its own `-->` line (see `snippet`), and annotate-snippets
    // then puts an empty `:::` (another file) line before it: the only such line, dropped.
    if !text.contains(":::") {
        return text;
    }
    text.split_inclusive('\n')
        .filter(|line| anstream::adapter::strip_str(line).to_string().trim() != ":::")
        .collect()
}

/// The lines around `span` as a snippet, with the span made relative to them; where they are
/// too long, a window of the first line around the span, after the place it starts (the
/// snippet would give the window's column).
fn snippet<'a>(
    file: &'a SourceFile,
    path: String,
    span: &std::ops::Range<usize>,
    kind: AnnotationKind,
    label: Option<String>,
) -> Vec<Element<'a>> {
    // A text that cannot be read back is shown as a file without one: its path.
    let Ok(held) = file.lines() else {
        return vec![Origin::path(path).into()];
    };
    let text = held.as_str();
    // A span is cut to the characters it touches and to the lines shown: a snippet is sliced
    // by it, and a slice inside a character or past the source panics.
    let start = held.floor_char_boundary(span.start);
    let end = held.ceil_char_boundary(span.end.max(start));
    let first = held.line_index(start);
    let last = held
        .line_index(end.saturating_sub(1).max(start))
        .min(first + MAX_LINES - 1);
    let lines = held.line_range(first).start..held.line_range(last).end;
    // The renderer shows C0 controls as control pictures but prints C1 controls, zero-width
    // and bidi characters raw: those are written out, and the span moved to match.
    let visible =
        |s: &str| escape::controls_where(s, |c| !c.is_ascii() && escape::is_hidden(c)).into_owned();
    if lines.len() <= MAX_EXCERPT {
        let local_start = start.clamp(lines.start, lines.end);
        let local_end = end.clamp(local_start, lines.end);
        let local = (local_start - lines.start)..(local_end - lines.start);
        let source = &text[lines];
        let local = visible(&source[..local.start]).len()..visible(&source[..local.end]).len();
        let snippet = Snippet::source(visible(source))
            .line_start(first + 1)
            .path(path)
            .annotation(kind.span(local).label(label));
        return vec![snippet.into()];
    }
    let line = held.line_range(first);
    let start = start.clamp(line.start, line.end);
    let before = text[line.start..start]
        .char_indices()
        .rev()
        .nth(WINDOW - 1)
        .map_or(line.start, |(i, _)| line.start + i);
    let after = text[start..line.end]
        .char_indices()
        .nth(WINDOW)
        .map_or(line.end, |(i, _)| start + i);
    let end = end.clamp(start, after);
    let cut = |at: bool| if at { "…" } else { "" };
    let (head, tail) = (cut(before > line.start), cut(after < line.end));
    let source = format!("{head}{}{tail}", &text[before..after]);
    let local = (start - before + head.len())..(end - before + head.len());
    let local = visible(&source[..local.start]).len()..visible(&source[..local.end]).len();
    let (line_number, column) = held.line_col(start);
    let origin = Origin::path(path).line(line_number).char_column(column);
    let snippet = Snippet::source(visible(&source))
        .line_start(line_number)
        .annotation(kind.span(local).label(label));
    vec![origin.into(), snippet.into()]
}
