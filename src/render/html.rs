//! `report --format html` (SPEC §12): one self-contained file for the screen and for A4.
//!
//! What it promises: no JavaScript and nothing fetched (no font, script, style sheet or image
//! from anywhere), with a Content-Security-Policy that forbids them, so the file reads the same
//! offline, in a mail client or in an archive years later; charts are inline SVG sized by their
//! `viewBox` only, so they scale with the page; the print style sheet lays it out on A4
//! portrait, repeats each table's header row on every page and never splits a row across two.
//!
//! It opens with the 情况报告 paragraph, then carries every section of the Markdown report
//! ([`markdown::sections`]: the same sections, tables and rows). Every text from the records
//! goes through [`escape`]: a title holding `<script>` is shown as those characters.
//!
//! `trend --format html` ([`crate::render::history::trend_html`]) is built on the same [`page`]
//! and [`table`], with its line chart ([`trend_chart`]) among the charts here.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use crate::history::trend::{Every, Trend};
use crate::render::markdown::{self, Part};
use crate::render::rows::{self, Cell};
use crate::render::{heading, notes};
use crate::rollup::{ItemCounts, Report};
use crate::text::i18n::{Lang, Term};

/// The style sheet: screen first, then print (A4 portrait, headers repeated, no row split).
const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif;
  color: #111; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
  line-height: 1.6; }
h1 { font-size: 1.5rem; text-align: center; font-weight: bold; margin: 0 0 0.5rem; }
h1 .date { font-size: 1.1rem; font-weight: normal; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.6rem; font-family: "Noto Sans CJK SC", "SimHei", sans-serif; }
h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
p.basis { text-align: center; margin: 0 0 1rem; }
p.note { border-left: 3px solid #999; padding-left: 0.6rem; }
p.summary { text-indent: 2em; font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; font-size: 0.8rem; }
th, td { border: 1px solid #666; padding: 0.15rem 0.3rem; vertical-align: top;
  overflow-wrap: anywhere; white-space: pre-line; min-width: 3.2em; }
th { background: #eee; font-weight: bold; text-align: center; }
td.n { text-align: right; white-space: nowrap; }
td.d { white-space: nowrap; }
tr.sum td { font-weight: bold; }
figure { margin: 0.6rem 0 1.2rem; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 0.3rem; }
figcaption .legend { font-weight: normal; font-size: 0.85em; }
svg { width: 100%; height: auto; display: block; }
@media print {
  @page { size: A4 portrait; margin: 15mm 12mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  table { font-size: 7.5pt; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub fn render(report: &Report, lang: Lang) -> String {
    let title = heading(report, lang);
    page(&title, lang, |out| {
        let basis = markdown::basis(report, lang);
        if !basis.is_empty() {
            let _ = writeln!(out, "<p class=\"basis\">{}</p>", escape(&basis));
        }
        for note in notes(report, lang) {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&note));
        }

        let _ = writeln!(out, "<h2>{}</h2>", escape(Term::Summary.text(lang)));
        let summary = crate::render::summary(report, lang);
        let _ = writeln!(
            out,
            "<p class=\"summary\">{}</p>",
            escape(&summary.text(lang))
        );
        charts(out, report, lang);

        for (number, section) in markdown::sections(report, lang).iter().enumerate() {
            let _ = writeln!(
                out,
                "<section>\n<h2>{}{}</h2>",
                escape(&markdown::ordinal(number + 1, lang)),
                escape(section.title)
            );
            for part in &section.parts {
                match part {
                    Part::Table(t) => table(out, t, lang),
                    Part::Sub(title, t) => {
                        let _ = writeln!(out, "<h3>{}</h3>", escape(title));
                        table(out, t, lang);
                    }
                    Part::Empty => {
                        let _ = writeln!(out, "<p>{}</p>", escape(Term::None.text(lang)));
                    }
                    Part::Lines(lines) => {
                        for line in lines {
                            let _ = writeln!(out, "<p>{}</p>", escape(line));
                        }
                    }
                }
            }
            out.push_str("</section>\n");
        }
    })
}

/// The page every HTML output shares: the head (CSP, style sheet, the title), the `<h1>`, then
/// what `body` writes. Every page of huitoukan keeps the promises of this module through it.
pub fn page(title: &str, lang: Lang, body: impl FnOnce(&mut String)) -> String {
    let html_lang = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"huitoukan {}\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        csp(),
        env!("CARGO_PKG_VERSION"),
        escape(title)
    );
    // The title breaks by meaning: what the report is, then, on a line of its own, its date
    // (（截至2015年3月10日） or （2015年1月15日至3月31日）), never wherever the width runs out.
    let heading = match title.rfind('（') {
        Some(at) if lang == Lang::Zh && title.ends_with('）') && at > 0 => format!(
            "{}<br><span class=\"date\">{}</span>",
            escape(&title[..at]),
            escape(&title[at..])
        ),
        _ => escape(title),
    };
    let _ = writeln!(out, "<h1>{heading}</h1>");
    body(&mut out);
    out.push_str("</body>\n</html>\n");
    out
}

/// Nothing from anywhere: no script, no fetch, no frame, no form; the one style sheet is
/// allowed by its hash, and images only as inline data (there are none: charts are inline SVG).
fn csp() -> String {
    let hash = base64(&Sha256::digest(STYLE.as_bytes()));
    format!(
        "default-src 'none'; style-src 'sha256-{hash}'; img-src data:; base-uri 'none'; \
         form-action 'none'; frame-ancestors 'none'"
    )
}

/// Standard base64 with padding (RFC 4648), for the style sheet's CSP hash.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// One table: its header row (repeated on each printed page), then its rows; `无` where it has none.
pub fn table(out: &mut String, table: &rows::Table, lang: Lang) {
    if table.rows.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(Term::None.text(lang)));
        return;
    }
    out.push_str("<table>\n<thead><tr>");
    for h in &table.headers {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let own = Term::OwnLevel.text(lang);
    let total = Term::Total.text(lang);
    for row in &table.rows {
        let sum = matches!(row.first(), Some(Cell::Text(t)) if t == own || t == total);
        out.push_str(if sum { "<tr class=\"sum\">" } else { "<tr>" });
        for cell in row {
            let class = match cell {
                Cell::Int(_) | Cell::Rate(_) => " class=\"n\"",
                Cell::Date(_) => " class=\"d\"",
                _ => "",
            };
            let _ = write!(out, "<td{class}>{}</td>", escape(&cell.show(lang)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The three charts: completion by area, by child org, and overdue items by age.
fn charts(out: &mut String, report: &Report, lang: Lang) {
    let areas: Vec<(String, &ItemCounts)> = report
        .by_area
        .iter()
        .map(|a| {
            let number = Cell::Ordinal(a.area).show(lang);
            (format!("{number} {}", a.title), &a.counts)
        })
        .collect();
    let legend = &crate::text::i18n::parenthesised(lang, Term::ChartLegend.text(lang));
    bars(out, Term::ChartByArea.text(lang), legend, &areas);
    let children: Vec<(String, &ItemCounts)> = report
        .own
        .iter()
        .map(|own| (Term::OwnLevel.text(lang).to_owned(), &own.counts))
        .chain(report.children.iter().map(|c| {
            (
                crate::render::folder_name(&c.org).to_owned(),
                &c.totals.counts,
            )
        }))
        .collect();
    if !children.is_empty() {
        bars(out, Term::ChartByChild.text(lang), legend, &children);
    }
    let ages = crate::rollup::overdue_by_age(report);
    columns(
        out,
        Term::ChartOverdue.text(lang),
        &[
            (Term::Days1To30.text(lang), ages[0]),
            (Term::Days31To90.text(lang), ages[1]),
            (Term::DaysOver90.text(lang), ages[2]),
        ],
    );
}

/// Width of a chart's viewBox; its height follows its rows.
const CHART_WIDTH: u32 = 800;
const LABEL_WIDTH: u32 = 300;
const ROW_HEIGHT: u32 = 22;

/// A chart's figure and caption, and its SVG sized by `viewBox` alone (it scales with the page).
fn open_chart(out: &mut String, caption: &str, legend: Option<&str>, height: u32) {
    let caption = escape(caption);
    let legend = legend.map_or_else(String::new, |l| {
        format!("<span class=\"legend\">{}</span>", escape(l))
    });
    let _ = writeln!(
        out,
        "<figure>\n<figcaption>{caption}{legend}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {CHART_WIDTH} {height}\" role=\"img\" aria-label=\"{caption}\" \
         font-size=\"13\" font-family=\"sans-serif\">"
    );
}

/// One horizontal bar per row: 已完成 dark, 基本完成 light, the rest blank; the completion
/// rate at its end.
fn bars(out: &mut String, caption: &str, legend: &str, rows: &[(String, &ItemCounts)]) {
    let height = ROW_HEIGHT * u32::try_from(rows.len()).unwrap_or(u32::MAX / ROW_HEIGHT) + 8;
    let bar_width = CHART_WIDTH - LABEL_WIDTH - 70;
    open_chart(out, caption, Some(legend), height);
    for (i, (label, c)) in rows.iter().enumerate() {
        let y = 4 + ROW_HEIGHT * u32::try_from(i).unwrap_or(0);
        let share = |n: u32| {
            if c.items == 0 {
                0.0
            } else {
                f64::from(bar_width) * f64::from(n) / f64::from(c.items)
            }
        };
        let done = share(c.done);
        let mostly = share(c.mostly_done);
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LABEL_WIDTH}\" y=\"{}\" width=\"{bar_width}\" height=\"14\" fill=\"#f2f2f2\" stroke=\"#999\" stroke-width=\"0.5\"/>\
             <rect x=\"{LABEL_WIDTH}\" y=\"{}\" width=\"{done:.1}\" height=\"14\" fill=\"#b22222\"/>\
             <rect x=\"{:.1}\" y=\"{}\" width=\"{mostly:.1}\" height=\"14\" fill=\"#e8a0a0\"/>\
             <text x=\"{}\" y=\"{}\">{}</text>",
            LABEL_WIDTH - 6,
            y + 12,
            escape(&crate::text::escape::shorten(label, 22)),
            y,
            y,
            f64::from(LABEL_WIDTH) + done,
            y,
            LABEL_WIDTH + bar_width + 6,
            y + 12,
            escape(&rows::percent(c.completion_rate()))
        );
    }
    out.push_str("</svg>\n</figure>\n");
}

/// One vertical column per bucket, its count above it.
fn columns(out: &mut String, caption: &str, buckets: &[(&str, u32)]) {
    let height = 180;
    let base = 150;
    let top = buckets.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    open_chart(out, caption, None, height);
    let _ = writeln!(
        out,
        "<line x1=\"40\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#666\"/>",
        CHART_WIDTH - 40
    );
    let slot = (CHART_WIDTH - 80) / u32::try_from(buckets.len().max(1)).unwrap_or(1);
    for (i, (label, count)) in buckets.iter().enumerate() {
        let x = 40 + slot * u32::try_from(i).unwrap_or(0) + slot / 4;
        let h = 120.0 * f64::from(*count) / f64::from(top);
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"{:.1}\" width=\"{}\" height=\"{h:.1}\" fill=\"#b22222\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"middle\">{count}</text>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            f64::from(base) - h,
            slot / 2,
            x + slot / 4,
            f64::from(base) - h - 4.0,
            x + slot / 4,
            base + 18,
            escape(label)
        );
    }
    out.push_str("</svg>\n</figure>\n");
}

/// The plot area of the trend chart: x from `LEFT` to `RIGHT`, 100 % at `TOP`, 0 % at `BOTTOM`.
const LEFT: u32 = 60;
const RIGHT: u32 = CHART_WIDTH - 20;
const TOP: u32 = 24;
const BOTTOM: u32 = 224;

/// The trend as a line: the completion rate at each period end, on a 0–100 % axis, the ends
/// named on the x axis as the office writes them (2015年3月; the year where it changes). A period
/// without items has no rate and breaks the line. Where there is room for every end's name, each
/// point carries its rate too.
pub fn trend_chart(out: &mut String, trend: &Trend, lang: Lang) {
    let n = trend.rows.len();
    let Some(last) = n.checked_sub(1) else {
        return;
    };
    let plot = f64::from(RIGHT - LEFT);
    let x = |i: usize| {
        if last == 0 {
            f64::from(LEFT) + plot / 2.0
        } else {
            f64::from(LEFT) + plot * i as f64 / last as f64
        }
    };
    let y = |rate: f64| f64::from(BOTTOM) - f64::from(BOTTOM - TOP) * rate.clamp(0.0, 1.0);
    open_chart(out, Term::ChartTrend.text(lang), None, BOTTOM + 32);
    for quarter in 0..=4 {
        let at = y(f64::from(quarter) / 4.0);
        let stroke = if quarter == 0 { "#666" } else { "#ddd" };
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{at:.1}\" x2=\"{RIGHT}\" y2=\"{at:.1}\" stroke=\"{stroke}\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}%</text>",
            LEFT - 6,
            at + 4.0,
            quarter * 25
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{BOTTOM}\" stroke=\"#666\"/>"
    );
    // Every `step`-th end is named: names no closer than the widest of them needs.
    let widest = trend
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let before = i.checked_sub(1).map(|b| trend.rows[b].end);
            label_width(&period_label(r.end, before, trend.every, lang))
        })
        .fold(0.0, f64::max);
    let spacing = if last == 0 { plot } else { plot / last as f64 };
    let step = ((widest + 8.0) / spacing).ceil().max(1.0) as usize;
    let mut named: Option<jiff::civil::Date> = None;
    for (i, row) in trend.rows.iter().enumerate() {
        if i % step != 0 {
            continue;
        }
        let label = period_label(row.end, named, trend.every, lang);
        named = Some(row.end);
        let _ = writeln!(
            out,
            "<line x1=\"{0:.1}\" y1=\"{BOTTOM}\" x2=\"{0:.1}\" y2=\"{1}\" stroke=\"#666\"/>\
             <text x=\"{0:.1}\" y=\"{2}\" text-anchor=\"middle\">{3}</text>",
            x(i),
            BOTTOM + 5,
            BOTTOM + 20,
            escape(&label)
        );
    }
    // The line, one piece per run of ends that have a rate.
    let rates: Vec<Option<f64>> = trend
        .rows
        .iter()
        .map(|r| r.totals.counts.completion_rate())
        .collect();
    for piece in rates
        .iter()
        .enumerate()
        .collect::<Vec<_>>()
        .split(|(_, rate)| rate.is_none())
    {
        let points: Vec<String> = piece
            .iter()
            .filter_map(|&(i, rate)| rate.map(|r| format!("{:.1},{:.1}", x(i), y(r))))
            .collect();
        if points.len() > 1 {
            let _ = writeln!(
                out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"#b22222\" stroke-width=\"2\"/>",
                points.join(" ")
            );
        }
    }
    for (i, rate) in rates.iter().enumerate() {
        let Some(rate) = rate else { continue };
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"#b22222\"/>",
            x(i),
            y(*rate)
        );
        if step == 1 {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
                x(i),
                y(*rate) - 8.0,
                escape(&rows::percent(Some(*rate)))
            );
        }
        out.push('\n');
    }
    out.push_str("</svg>\n</figure>\n");
}

/// A period end as the office names it on an axis: 2015年3月 (month) or 2015年3月8日 (week),
/// without the year where the name before it (`before`) was of the same year; ISO in English.
fn period_label(
    end: jiff::civil::Date,
    before: Option<jiff::civil::Date>,
    every: Every,
    lang: Lang,
) -> String {
    let same_year = before.is_some_and(|b| b.year() == end.year());
    match (lang, every) {
        (Lang::Zh, Every::Month) if same_year => format!("{}月", end.month()),
        (Lang::Zh, Every::Month) => format!("{}年{}月", end.year(), end.month()),
        (Lang::Zh, Every::Week) if same_year => format!("{}月{}日", end.month(), end.day()),
        (Lang::Zh, Every::Week) => crate::text::i18n::zh_date(&end.to_string()),
        (Lang::En, Every::Month) => format!("{:04}-{:02}", end.year(), end.month()),
        (Lang::En, Every::Week) => end.to_string(),
    }
}

/// About how wide `text` is at the charts' font size: a Chinese character a full em, a digit
/// or Latin letter a little over half of one.
fn label_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 7.5 } else { 13.0 })
        .sum()
}

/// Text from the records, or any text, as HTML shows it: `& < > " '` as entities (so no tag,
/// entity or attribute forms, in an element or an attribute value), and every control or
/// invisible character but a line break written out ([`crate::text::escape::controls`]); line breaks
/// stay and the style sheet shows them.
pub fn escape(text: &str) -> String {
    let text = crate::text::escape::controls(text, &['\n']);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{base64, escape};

    #[test]
    fn markup_and_quotes_are_shown_as_text() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
    }

    #[test]
    fn base64_pads_as_rfc_4648_does() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}
