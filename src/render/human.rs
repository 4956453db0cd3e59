//! Diagnostics for people, like cargo's: the code, the place, the source line with a caret
//! under the span (aligned by display width), a help line, and a closing summary.

use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::check::Checked;
use crate::diagnostic::{Diagnostic, Severity};
use crate::escape;
use crate::i18n::{Lang, Msg};
use crate::render::display_path;
use crate::source::SourceFile;

/// The most source lines shown for one span.
const MAX_LINES: usize = 4;

/// Renders every diagnostic and the summary. The text carries ANSI styles; the caller's
/// stream strips them where colour is off.
pub fn render(checked: &Checked, lang: Lang, cwd: Option<&Path>) -> String {
    let renderer = Renderer::styled();
    let mut out = String::new();
    for d in &checked.diagnostics {
        out.push_str(&render_one(&renderer, checked, d, lang, cwd));
        out.push_str("\n\n");
    }
    let counts = checked.counts();
    let summary = Msg::CheckSummary {
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
    out.push_str(&format!("{style}{}{style:#}\n", summary.text(lang)));
    if checked.unlisted_warnings > 0 {
        let note = Msg::WarningsNotListed {
            warnings: checked.unlisted_warnings,
        };
        out.push_str(&format!("note: {}\n", note.text(lang)));
    }
    out
}

fn render_one(
    renderer: &Renderer,
    checked: &Checked,
    d: &Diagnostic,
    lang: Lang,
    cwd: Option<&Path>,
) -> String {
    let files = &checked.records.files;
    let path_of = |file| display_path(&checked.records.root, files.path(file), cwd);
    let level = match d.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level
        .primary_title(d.message.text(lang))
        .id(d.code.as_str());
    let file = files.get(d.file);
    let mut group = match &d.span {
        Some(span) if !file.text.is_empty() => title.element(snippet(
            file,
            path_of(d.file),
            span,
            AnnotationKind::Primary,
            None,
        )),
        _ => title.element(Origin::path(path_of(d.file))),
    };
    for label in &d.labels {
        let other = files.get(label.file);
        if !other.text.is_empty() {
            let text = label.message.text(lang);
            group = group.element(snippet(
                other,
                path_of(label.file),
                &label.span,
                AnnotationKind::Context,
                Some(text),
            ));
        }
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.text(lang)));
    }
    let report: [Group<'_>; 1] = [group];
    renderer.render(&report)
}

/// The lines around `span` as a snippet, with the span made relative to them.
fn snippet<'a>(
    file: &'a SourceFile,
    path: String,
    span: &std::ops::Range<usize>,
    kind: AnnotationKind,
    label: Option<String>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let text = &file.text;
    // A span is cut to the characters it touches and to the lines shown: a snippet is sliced
    // by it, and a slice inside a character or past the source panics.
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = ceil_char_boundary(text, span.end.clamp(start, text.len()));
    let first = file.line_index(start);
    let last = file
        .line_index(end.saturating_sub(1).max(start))
        .min(first + MAX_LINES - 1);
    let lines = file.line_range(first).start..file.line_range(last).end;
    let local_start = start.clamp(lines.start, lines.end);
    let local_end = end.clamp(local_start, lines.end);
    let local = (local_start - lines.start)..(local_end - lines.start);
    // The renderer shows C0 controls as control pictures but prints C1 controls, zero-width
    // and bidi characters raw: those are written out, and the span moved to match.
    let source = &text[lines];
    let visible = |s| escape::controls_where(s, |c| !c.is_ascii() && escape::is_hidden(c));
    let local = visible(&source[..local.start]).len()..visible(&source[..local.end]).len();
    Snippet::source(visible(source))
        .line_start(first + 1)
        .path(path)
        .annotation(kind.span(local).label(label))
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}
