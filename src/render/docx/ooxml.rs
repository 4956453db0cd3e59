//! The WordprocessingML of the 情况报告: the page of GB/T 9704-2012, its styles and fonts, the
//! page-number footers, tables that repeat their header and never split a row, and the zip
//! package around them.
//!
//! What it promises: every text goes through quick-xml's writer, which escapes it (a control
//! character, which XML cannot hold, is written out first, as in every human format); the
//! package holds no date or time (its entries carry the zip format's earliest time, and there
//! is no `docProps/core.xml`), so the same document is the same bytes. The East Asian font of
//! every style is set on `w:eastAsia`, the font Word and WPS use for Chinese text; the fonts
//! table names a fallback for each (`w:altName`) where the office's fonts are not installed.

use std::io::{self, Cursor, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::render::rows::Cell;
use crate::text::i18n::{Lang, Term};

/// `mm` millimetres in twentieths of a point (twips), to the nearest.
const fn mm(mm: u32) -> u32 {
    (mm * 14400 + 127) / 254
}

/// A4 in twips: 210 × 297 mm.
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;

/// The margins of GB/T 9704-2012 (版心 156 × 225 mm): top 37, bottom 35, left 28, right 26 mm.
/// A landscape page keeps them on the same edges of the sheet turned a quarter: its top is the
/// portrait page's left.
const TOP: u32 = mm(37);
const BOTTOM: u32 = mm(35);
const LEFT: u32 = mm(28);
const RIGHT: u32 = mm(26);
/// From the bottom edge to the page number: the number sits 7 mm below the text block.
const FOOTER: u32 = mm(21);

/// 三号 (16 pt) in twips: one character of the body, the unit of its indents.
pub const CHAR: u32 = 320;

/// The fonts of a 公文 and what stands in for each where it is not installed.
const FONTS: [(&str, &str); 6] = [
    ("方正小标宋简体", "宋体"),
    ("仿宋_GB2312", "仿宋"),
    ("黑体", "SimHei"),
    ("楷体_GB2312", "楷体"),
    ("宋体", "Noto Serif CJK SC"),
    ("Times New Roman", "Liberation Serif"),
];

/// How a page is turned.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Portrait,
    Landscape,
}

impl Page {
    /// The width of the text on the page, in twips.
    pub fn text_width(self) -> u32 {
        match self {
            Page::Portrait => A4_SHORT - LEFT - RIGHT,
            Page::Landscape => A4_LONG - TOP - BOTTOM,
        }
    }
}

/// A paragraph style of [`STYLES`], by its id.
#[derive(Clone, Copy)]
pub enum Style {
    /// 方正小标宋简体 二号, centred.
    Title,
    /// 楷体 三号, centred: the line under an attachment's title.
    Subtitle,
    /// 仿宋 三号, no indent: the 主送 line, the 附件 label.
    Flush,
    /// 仿宋 三号, first line indented two characters.
    Body,
    /// 黑体 三号: 一、…
    Heading1,
    /// 楷体 三号: （一）…
    Heading2,
    /// 黑体 三号, no indent: 附件1 over an attachment.
    Label,
    /// 仿宋 三号, right-aligned: the 落款.
    Signature,
}

impl Style {
    fn id(self) -> &'static str {
        match self {
            Style::Title => "Title",
            Style::Subtitle => "Subtitle",
            Style::Flush => "Flush",
            Style::Body => "BodyText",
            Style::Heading1 => "Heading1",
            Style::Heading2 => "Heading2",
            Style::Label => "Label",
            Style::Signature => "Signature",
        }
    }
}

/// Indents of one paragraph beyond its style's, in twips.
#[derive(Clone, Copy, Default)]
pub struct Indent {
    pub left: u32,
    pub right: u32,
    pub first_line: u32,
}

/// The package being written, and the XML of its part being written.
type Zip = zip::ZipWriter<Cursor<Vec<u8>>>;
type Xml = Writer<Zip>;

/// The document, written as it goes: the package's fixed parts first, then
/// `word/document.xml` straight into the zip, so that a province's 整改事项清单 is never held
/// whole, neither as rows nor as XML.
pub struct Body {
    w: Xml,
}

type Attrs<'a> = &'a [(&'a str, &'a str)];
/// What a run writes into its `w:rPr`.
type RunProps<'a> = &'a dyn Fn(&mut Xml) -> io::Result<()>;

impl Body {
    pub fn new() -> io::Result<Body> {
        let mut w = Writer::new(zip::ZipWriter::new(Cursor::new(Vec::new())));
        for (name, text) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", PACKAGE_RELS),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ] {
            part(&mut w, name)?;
            w.get_mut().write_all(text.as_bytes())?;
        }
        part(&mut w, "word/styles.xml")?;
        styles(&mut w)?;
        part(&mut w, "word/settings.xml")?;
        settings(&mut w)?;
        part(&mut w, "word/fontTable.xml")?;
        font_table(&mut w)?;
        for (name, odd) in [("word/footer1.xml", true), ("word/footer2.xml", false)] {
            part(&mut w, name)?;
            footer(&mut w, odd)?;
        }
        part(&mut w, "word/document.xml")?;
        declaration(&mut w)?;
        start(&mut w, "w:document", &[("xmlns:w", W), ("xmlns:r", R)])?;
        start(&mut w, "w:body", &[])?;
        Ok(Body { w })
    }

    /// A paragraph of `style`; a line break in `text` breaks the line.
    pub fn para(&mut self, style: Style, text: &str) -> io::Result<()> {
        self.para_indented(style, text, None)
    }

    /// A paragraph of `style` with its own indents.
    pub fn para_indented(
        &mut self,
        style: Style,
        text: &str,
        indent: Option<Indent>,
    ) -> io::Result<()> {
        let w = &mut self.w;
        start(w, "w:p", &[])?;
        start(w, "w:pPr", &[])?;
        empty(w, "w:pStyle", &[("w:val", style.id())])?;
        if let Some(i) = indent {
            let (left, right, first) = (
                i.left.to_string(),
                i.right.to_string(),
                i.first_line.to_string(),
            );
            empty(
                w,
                "w:ind",
                &[
                    ("w:left", &left),
                    ("w:right", &right),
                    ("w:firstLine", &first),
                ],
            )?;
        }
        end(w, "w:pPr")?;
        run(w, text, None)?;
        end(w, "w:p")
    }

    /// An empty line of the body.
    pub fn blank(&mut self) -> io::Result<()> {
        self.para(Style::Flush, "")
    }

    /// A table under `headers` as wide as the text of `page`: its header row repeated on
    /// every page, no row split across two, each column as wide as its widest text asks
    /// (within limits), text at `size` half-points. `rows` gives the rows afresh each time it
    /// is called: to measure them, then to write them, one at a time.
    pub fn table<I>(
        &mut self,
        headers: &[&str],
        rows: impl Fn() -> I,
        page: Page,
        size: u32,
        lang: Lang,
    ) -> io::Result<()>
    where
        I: Iterator,
        I::Item: AsRef<[Cell]>,
    {
        // A table too wide for the page at `size` is set smaller, down to 7 pt, before any
        // number or word in it is broken.
        let texts = measure(headers, rows(), lang);
        let mut size = size.max(SMALLEST);
        let (mut widths, mut fits) = columns(&texts, page.text_width(), size);
        while !fits && size > SMALLEST {
            size -= 1;
            (widths, fits) = columns(&texts, page.text_width(), size);
        }
        let w = &mut self.w;
        start(w, "w:tbl", &[])?;
        start(w, "w:tblPr", &[])?;
        empty(w, "w:tblW", &[("w:w", "5000"), ("w:type", "pct")])?;
        empty(w, "w:jc", &[("w:val", "center")])?;
        start(w, "w:tblBorders", &[])?;
        for edge in [
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:insideH",
            "w:insideV",
        ] {
            empty(
                w,
                edge,
                &[
                    ("w:val", "single"),
                    ("w:sz", "4"),
                    ("w:space", "0"),
                    ("w:color", "000000"),
                ],
            )?;
        }
        end(w, "w:tblBorders")?;
        empty(w, "w:tblLayout", &[("w:type", "fixed")])?;
        start(w, "w:tblCellMar", &[])?;
        for (edge, width) in [("w:left", "57"), ("w:right", "57")] {
            empty(w, edge, &[("w:w", width), ("w:type", "dxa")])?;
        }
        end(w, "w:tblCellMar")?;
        end(w, "w:tblPr")?;
        start(w, "w:tblGrid", &[])?;
        for width in &widths {
            empty(w, "w:gridCol", &[("w:w", &width.to_string())])?;
        }
        end(w, "w:tblGrid")?;
        let header: Vec<Cell> = headers.iter().map(|h| Cell::Text((*h).into())).collect();
        row(w, &header, &widths, true, size, lang)?;
        for cells in rows() {
            row(w, cells.as_ref(), &widths, false, size, lang)?;
        }
        end(w, "w:tbl")
    }

    /// Ends the section that holds everything since the last: its page, and the page-number
    /// footers.
    pub fn section_break(&mut self, page: Page) -> io::Result<()> {
        let w = &mut self.w;
        start(w, "w:p", &[])?;
        start(w, "w:pPr", &[])?;
        section(w, page)?;
        end(w, "w:pPr")?;
        end(w, "w:p")
    }

    /// The package's bytes, the document's last section of `page`.
    pub fn finish(mut self, page: Page) -> io::Result<Vec<u8>> {
        section(&mut self.w, page)?;
        end(&mut self.w, "w:body")?;
        end(&mut self.w, "w:document")?;
        let zip = self.w.into_inner().finish().map_err(io::Error::other)?;
        Ok(zip.into_inner())
    }
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn declaration(w: &mut Xml) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))
}

fn start(w: &mut Xml, name: &str, attrs: Attrs) -> io::Result<()> {
    w.write_event(Event::Start(
        BytesStart::new(name).with_attributes(attrs.iter().copied()),
    ))
}

fn empty(w: &mut Xml, name: &str, attrs: Attrs) -> io::Result<()> {
    w.write_event(Event::Empty(
        BytesStart::new(name).with_attributes(attrs.iter().copied()),
    ))
}

fn end(w: &mut Xml, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// One run of `text` (its line breaks as `w:br`), with `props` written into its `w:rPr`.
fn run(w: &mut Xml, text: &str, props: Option<RunProps>) -> io::Result<()> {
    // Written out: what every format writes out, and the two characters XML cannot hold that
    // are no control characters (U+FFFE, U+FFFF).
    let text = crate::text::escape::controls_where(text, |c| {
        (crate::text::escape::is_hidden(c) && c != '\n') || matches!(c, '\u{fffe}' | '\u{ffff}')
    });
    start(w, "w:r", &[])?;
    if let Some(props) = props {
        start(w, "w:rPr", &[])?;
        props(w)?;
        end(w, "w:rPr")?;
    }
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            empty(w, "w:br", &[])?;
        }
        if !line.is_empty() {
            start(w, "w:t", &[("xml:space", "preserve")])?;
            w.write_event(Event::Text(BytesText::new(line)))?;
            end(w, "w:t")?;
        }
    }
    end(w, "w:r")
}

/// A table row: the header (bold 黑体, centred, repeated on each page) or a row of cells
/// (numbers right-aligned, a 合计 row bold); never split across pages.
fn row(
    w: &mut Xml,
    cells: &[Cell],
    widths: &[u32],
    header: bool,
    size: u32,
    lang: Lang,
) -> io::Result<()> {
    let sums = [Term::OwnLevel.text(lang), Term::Total.text(lang)];
    let bold = header
        || cells
            .iter()
            .take(2)
            .any(|c| matches!(c, Cell::Text(t) if sums.contains(&t.as_str())));
    let size = size.to_string();
    start(w, "w:tr", &[])?;
    start(w, "w:trPr", &[])?;
    empty(w, "w:cantSplit", &[])?;
    if header {
        empty(w, "w:tblHeader", &[])?;
    }
    end(w, "w:trPr")?;
    for (cell, width) in cells.iter().zip(widths) {
        start(w, "w:tc", &[])?;
        start(w, "w:tcPr", &[])?;
        empty(
            w,
            "w:tcW",
            &[("w:w", &width.to_string()), ("w:type", "dxa")],
        )?;
        empty(w, "w:vAlign", &[("w:val", "center")])?;
        end(w, "w:tcPr")?;
        start(w, "w:p", &[])?;
        start(w, "w:pPr", &[])?;
        empty(w, "w:pStyle", &[("w:val", "TableText")])?;
        let align = match cell {
            _ if header => "center",
            Cell::Int(_) | Cell::Rate(_) => "right",
            Cell::Date(_) => "center",
            _ => "left",
        };
        empty(w, "w:jc", &[("w:val", align)])?;
        end(w, "w:pPr")?;
        let props = |w: &mut Xml| {
            if header {
                fonts(w, "黑体")?;
            }
            if bold {
                empty(w, "w:b", &[])?;
            }
            empty(w, "w:sz", &[("w:val", &size)])?;
            empty(w, "w:szCs", &[("w:val", &size)])
        };
        run(w, &cell.show(lang), Some(&props))?;
        end(w, "w:p")?;
        end(w, "w:tc")?;
    }
    end(w, "w:tr")
}

/// The smallest table text, in half-points: 7 pt.
const SMALLEST: u32 = 14;

/// How wide the text of each column is, in thirds of a half-point of text size (so that
/// `size` half-points make `size * n / 3` twips): what it needs unbroken (a number, a date, a
/// word, a short name, two characters of the header a line) and what it would fill unwrapped
/// (at most twenty characters, the header on two lines of four).
struct Texts {
    need: Vec<u32>,
    want: Vec<u32>,
}

/// The [`Texts`] of a table, its rows read once.
fn measure(headers: &[&str], rows: impl Iterator<Item = impl AsRef<[Cell]>>, lang: Lang) -> Texts {
    // A line counting at most `limit` half-width columns of it: a Chinese character a full em
    // (30), a digit or letter of a serif font about 0.7 em (21), and a third of an em (10)
    // where the two meet (a reader that spaces them apart).
    let line = |text: &str, limit: usize| -> u32 {
        let mut columns = 0;
        let mut width = 0;
        let mut wide_before = None;
        for c in text.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            columns += w;
            if columns > limit {
                break;
            }
            let wide = w > 1;
            width += if wide { 30 } else { 21 };
            if wide_before.is_some_and(|b| b != wide) {
                width += 10;
            }
            wide_before = Some(wide);
        }
        width
    };
    let widest = |text: &str, limit: usize| text.lines().map(|l| line(l, limit)).max().unwrap_or(0);
    // The longest word of Latin letters or digits: never broken within.
    let word = |text: &str| {
        (text.split(|c: char| c.is_whitespace() || !c.is_ascii()))
            .map(|w| line(w, usize::MAX))
            .max()
            .unwrap_or(0)
    };
    let mut need: Vec<u32> = (headers.iter())
        .map(|h| widest(h, 4).max(word(h)))
        .collect();
    let mut want: Vec<u32> = headers.iter().map(|h| widest(h, 8)).collect();
    for cells in rows {
        for ((need, want), cell) in need.iter_mut().zip(want.iter_mut()).zip(cells.as_ref()) {
            let text = cell.show(lang);
            let unbroken = match cell {
                Cell::Text(_) | Cell::Dated(..) => 8,
                _ => usize::MAX,
            };
            *need = (*need).max(widest(&text, unbroken)).max(word(&text));
            *want = (*want).max(widest(&text, 40));
        }
    }
    Texts { need, want }
}

/// The widths of a table's columns in twips, adding up to `total`, for text of `size`
/// half-points, and whether they give every column what it needs. Each column first gets
/// what it needs; what is left goes to the columns whose text would rather be wider (longer
/// text, the header on fewer lines), by how much wider.
fn columns(texts: &Texts, total: u32, size: u32) -> (Vec<u32>, bool) {
    let margins = 2 * 57 + 30;
    let twips = |n: &u32| n.saturating_mul(size) / 3 + margins;
    let need: Vec<u32> = texts.need.iter().map(twips).collect();
    let want: Vec<u32> = (texts.want.iter().map(twips).zip(&need))
        .map(|(w, n)| w.max(*n))
        .collect();
    let share = |weights: &[u32], amount: u32| -> Vec<u32> {
        let sum = u64::from(weights.iter().sum::<u32>().max(1));
        (weights.iter())
            .map(|w| u32::try_from(u64::from(amount) * u64::from(*w) / sum).unwrap_or(0))
            .collect()
    };
    let needed: u32 = need.iter().sum();
    let fits = needed <= total;
    let mut widths = if !fits {
        // More than the page holds: every column narrower, as little as it takes.
        share(&need, total)
    } else {
        let extra: Vec<u32> = want.iter().zip(&need).map(|(w, n)| w - n).collect();
        let wanted: u32 = extra.iter().sum();
        let left = total - needed;
        let more = if wanted > 0 && wanted >= left {
            share(&extra, left)
        } else {
            // Every column as wide as it wants, and the rest shared by how wide that is.
            let rest = share(&want, left - wanted);
            extra.iter().zip(rest).map(|(e, r)| e + r).collect()
        };
        need.iter().zip(more).map(|(n, m)| n + m).collect()
    };
    // What the rounding left over goes to the last column, so the table fills the text width.
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(used);
    }
    (widths, fits)
}

/// The fonts of a run or a style: `east_asia` for Chinese text (`w:eastAsia`), Times New Roman
/// for Latin letters and digits.
fn fonts(w: &mut Xml, east_asia: &str) -> io::Result<()> {
    empty(
        w,
        "w:rFonts",
        &[
            ("w:ascii", "Times New Roman"),
            ("w:hAnsi", "Times New Roman"),
            ("w:eastAsia", east_asia),
            ("w:cs", "Times New Roman"),
        ],
    )
}

/// A section's properties: A4 of `page`, the margins of GB/T 9704, the odd and even page
/// footers.
fn section(w: &mut Xml, page: Page) -> io::Result<()> {
    start(w, "w:sectPr", &[])?;
    empty(
        w,
        "w:footerReference",
        &[("w:type", "default"), ("r:id", "rIdFooterOdd")],
    )?;
    empty(
        w,
        "w:footerReference",
        &[("w:type", "even"), ("r:id", "rIdFooterEven")],
    )?;
    empty(w, "w:type", &[("w:val", "nextPage")])?;
    let (width, height, orient) = match page {
        Page::Portrait => (A4_SHORT, A4_LONG, "portrait"),
        Page::Landscape => (A4_LONG, A4_SHORT, "landscape"),
    };
    let (top, right, bottom, left) = match page {
        Page::Portrait => (TOP, RIGHT, BOTTOM, LEFT),
        Page::Landscape => (RIGHT, BOTTOM, LEFT, TOP),
    };
    let n = |v: u32| v.to_string();
    empty(
        w,
        "w:pgSz",
        &[
            ("w:w", &n(width)),
            ("w:h", &n(height)),
            ("w:orient", orient),
        ],
    )?;
    empty(
        w,
        "w:pgMar",
        &[
            ("w:top", &n(top)),
            ("w:right", &n(right)),
            ("w:bottom", &n(bottom)),
            ("w:left", &n(left)),
            ("w:header", &n(mm(15))),
            ("w:footer", &n(FOOTER)),
            ("w:gutter", "0"),
        ],
    )?;
    // 22 lines of 28 pt a page, as GB/T 9704 has them.
    empty(
        w,
        "w:docGrid",
        &[("w:type", "lines"), ("w:linePitch", "560")],
    )?;
    end(w, "w:sectPr")
}

/// A page-number footer: “— 1 —” in 宋体 四号, a PAGE field between em dashes, one character in
/// from the right on odd pages and from the left on even pages (GB/T 9704 7.5).
fn footer(w: &mut Xml, odd: bool) -> io::Result<()> {
    declaration(w)?;
    start(w, "w:ftr", &[("xmlns:w", W), ("xmlns:r", R)])?;
    start(w, "w:p", &[])?;
    start(w, "w:pPr", &[])?;
    empty(w, "w:pStyle", &[("w:val", "Footer")])?;
    let (align, indent) = if odd {
        ("right", "w:right")
    } else {
        ("left", "w:left")
    };
    empty(w, "w:ind", &[(indent, "280")])?;
    empty(w, "w:jc", &[("w:val", align)])?;
    end(w, "w:pPr")?;
    run(w, "— ", None)?;
    for (kind, code) in [("begin", None), ("", Some(" PAGE ")), ("separate", None)] {
        start(w, "w:r", &[])?;
        match code {
            Some(code) => {
                start(w, "w:instrText", &[("xml:space", "preserve")])?;
                w.write_event(Event::Text(BytesText::new(code)))?;
                end(w, "w:instrText")?;
            }
            None => empty(w, "w:fldChar", &[("w:fldCharType", kind)])?,
        }
        end(w, "w:r")?;
    }
    run(w, "1", None)?;
    start(w, "w:r", &[])?;
    empty(w, "w:fldChar", &[("w:fldCharType", "end")])?;
    end(w, "w:r")?;
    run(w, " —", None)?;
    end(w, "w:p")?;
    end(w, "w:ftr")?;
    Ok(())
}

/// One paragraph style: its font, size (half-points), alignment, first-line indent and line
/// spacing (twips, exact).
struct Def {
    id: &'static str,
    name: &'static str,
    font: &'static str,
    size: u32,
    align: &'static str,
    first_line: u32,
    line: u32,
    outline: Option<&'static str>,
}

const fn def(id: &'static str, name: &'static str, font: &'static str, size: u32) -> Def {
    Def {
        id,
        name,
        font,
        size,
        align: "both",
        first_line: 0,
        line: 560,
        outline: None,
    }
}

/// The paragraph styles: 三号 body at exactly 28 pt a line (22 lines a page), the title in 二号.
const STYLES: [Def; 10] = [
    Def {
        align: "center",
        line: 700,
        ..def("Title", "Title", "方正小标宋简体", 44)
    },
    Def {
        align: "center",
        ..def("Subtitle", "Subtitle", "楷体_GB2312", 32)
    },
    def("Flush", "Flush", "仿宋_GB2312", 32),
    Def {
        first_line: 2 * CHAR,
        ..def("BodyText", "Body Text", "仿宋_GB2312", 32)
    },
    Def {
        first_line: 2 * CHAR,
        outline: Some("0"),
        ..def("Heading1", "heading 1", "黑体", 32)
    },
    Def {
        first_line: 2 * CHAR,
        outline: Some("1"),
        ..def("Heading2", "heading 2", "楷体_GB2312", 32)
    },
    def("Label", "Label", "黑体", 32),
    Def {
        align: "right",
        ..def("Signature", "Signature", "仿宋_GB2312", 32)
    },
    Def {
        line: 0,
        ..def("TableText", "Table Text", "仿宋_GB2312", 21)
    },
    Def {
        line: 0,
        ..def("Footer", "footer", "宋体", 28)
    },
];

fn styles(w: &mut Xml) -> io::Result<()> {
    declaration(w)?;
    start(w, "w:styles", &[("xmlns:w", W)])?;
    start(w, "w:docDefaults", &[])?;
    start(w, "w:rPrDefault", &[])?;
    start(w, "w:rPr", &[])?;
    fonts(w, "仿宋_GB2312")?;
    empty(w, "w:sz", &[("w:val", "32")])?;
    empty(w, "w:szCs", &[("w:val", "32")])?;
    empty(w, "w:lang", &[("w:val", "en-US"), ("w:eastAsia", "zh-CN")])?;
    end(w, "w:rPr")?;
    end(w, "w:rPrDefault")?;
    start(w, "w:pPrDefault", &[])?;
    start(w, "w:pPr", &[])?;
    empty(w, "w:spacing", &[("w:before", "0"), ("w:after", "0")])?;
    end(w, "w:pPr")?;
    end(w, "w:pPrDefault")?;
    end(w, "w:docDefaults")?;
    for d in &STYLES {
        style(w, d)?;
    }
    end(w, "w:styles")?;
    Ok(())
}

fn style(w: &mut Xml, d: &Def) -> io::Result<()> {
    start(
        w,
        "w:style",
        &[("w:type", "paragraph"), ("w:styleId", d.id)],
    )?;
    empty(w, "w:name", &[("w:val", d.name)])?;
    empty(w, "w:qFormat", &[])?;
    // In the order of the schema (CT_PPrBase): Word refuses a part whose elements are not.
    start(w, "w:pPr", &[])?;
    if d.id == "Title" || d.id == "Heading1" || d.id == "Heading2" || d.id == "Label" {
        empty(w, "w:keepNext", &[])?;
    }
    // No space is put between Chinese text and a numeral (2015年3月10日), as Chinese
    // documents write them; the lines keep their own spacing, not the document grid's.
    empty(w, "w:autoSpaceDE", &[("w:val", "0")])?;
    empty(w, "w:autoSpaceDN", &[("w:val", "0")])?;
    empty(w, "w:snapToGrid", &[("w:val", "0")])?;
    let line = d.line.to_string();
    if d.line > 0 {
        empty(
            w,
            "w:spacing",
            &[
                ("w:before", "0"),
                ("w:after", "0"),
                ("w:line", &line),
                ("w:lineRule", "exact"),
            ],
        )?;
    }
    if d.first_line > 0 {
        empty(w, "w:ind", &[("w:firstLine", &d.first_line.to_string())])?;
    }
    empty(w, "w:jc", &[("w:val", d.align)])?;
    if let Some(level) = d.outline {
        empty(w, "w:outlineLvl", &[("w:val", level)])?;
    }
    end(w, "w:pPr")?;
    start(w, "w:rPr", &[])?;
    fonts(w, d.font)?;
    let size = d.size.to_string();
    empty(w, "w:sz", &[("w:val", &size)])?;
    empty(w, "w:szCs", &[("w:val", &size)])?;
    end(w, "w:rPr")?;
    end(w, "w:style")
}

/// The fonts the styles name, each with the font that stands in for it (`w:altName`) and its
/// character set (GB2312).
fn font_table(w: &mut Xml) -> io::Result<()> {
    declaration(w)?;
    start(w, "w:fonts", &[("xmlns:w", W)])?;
    for (name, alt) in FONTS {
        start(w, "w:font", &[("w:name", name)])?;
        empty(w, "w:altName", &[("w:val", alt)])?;
        let charset = if name == "Times New Roman" {
            "00"
        } else {
            "86"
        };
        empty(w, "w:charset", &[("w:val", charset)])?;
        let family = if name == "黑体" { "modern" } else { "roman" };
        empty(w, "w:family", &[("w:val", family)])?;
        empty(w, "w:pitch", &[("w:val", "variable")])?;
        end(w, "w:font")?;
    }
    end(w, "w:fonts")?;
    Ok(())
}

/// Odd and even pages have their own footers (the page number at the outer edge).
fn settings(w: &mut Xml) -> io::Result<()> {
    declaration(w)?;
    start(w, "w:settings", &[("xmlns:w", W)])?;
    empty(w, "w:defaultTabStop", &[("w:val", "640")])?;
    empty(w, "w:evenAndOddHeaders", &[])?;
    empty(
        w,
        "w:characterSpacingControl",
        &[("w:val", "compressPunctuation")],
    )?;
    empty(w, "w:compat", &[])?;
    end(w, "w:settings")?;
    Ok(())
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>"#;

/// Starts the part `name` of the package: deflated, dated at the zip format's earliest time,
/// so that the same document is the same bytes.
fn part(w: &mut Xml, name: &str) -> io::Result<()> {
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    w.get_mut()
        .start_file(name, options)
        .map_err(io::Error::other)
}
