//! `report --format html` printed by a real browser (SPEC §12): headless Chromium prints the
//! page to PDF, and poppler's `pdfinfo` and `pdftotext` read back what a person would get on
//! paper: A4 pages, the report's figures and names, table headers on every page of a table,
//! no row split across two pages; the trend page with its chart inside the A4 page. A PNG of
//! the first page of each is kept under `target/browser/` for a person to look at.
//!
//! Without Chromium or poppler these tests fail and say how to install them: they are never
//! skipped. `.ci/run` installs them on CI.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use crate::harness::{AS_OF, ITEM, Tree, UNIT, edit};
use crate::pdf::{
    INSTALL, a4_pages, artifacts, find, first_page_picture, is_a4_landscape, is_a4_portrait,
    page_picture, page_sizes, pages_text, run, word_heights, words,
};

fn chromium() -> PathBuf {
    if let Some(given) = std::env::var_os("HUITOUKAN_CHROMIUM") {
        return PathBuf::from(given);
    }
    find(&[
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ])
    .unwrap_or_else(|| panic!("no Chromium on PATH for the browser tests: {INSTALL}"))
}

/// `html` printed to `NAME.pdf` under `target/browser/` by headless Chromium, with a fresh
/// profile and nothing that reaches the network.
fn print_to_pdf(html: &str, name: &str) -> PathBuf {
    let dir = artifacts();
    let page = dir.join(format!("{name}.html"));
    let pdf = dir.join(format!("{name}.pdf"));
    std::fs::write(&page, html).expect("write the page");
    let _ = std::fs::remove_file(&pdf);
    let profile = tempfile::tempdir().expect("a profile folder");
    let mut cmd = Command::new(chromium());
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-pdf-header-footer",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()))
    .arg(format!("--print-to-pdf={}", pdf.display()))
    .arg(format!("file://{}", page.display()));
    run(cmd, Duration::from_secs(120));
    assert!(pdf.is_file(), "Chromium wrote no {}", pdf.display());
    pdf
}

#[test]
fn the_example_prints_on_a4_with_its_figures_and_names() {
    let html = crate::html::example_html(&[]);
    let pdf = print_to_pdf(&html, "example");
    let pages = a4_pages(&pdf);
    assert!((1..=6).contains(&pages), "{pages} pages");
    let text = pages_text(&pdf, pages);
    let all: String = text.concat();
    for words in [
        "全省教育实践活动整改落实情况“回头看”进展情况汇总",
        "梳理整改问题56个，已完成21个（占37.5%）",
        "逾期未完成2个",
        "中共浙江省交通投资集团有限公司委员会",
        "宁波市",
        "合计",
        "约谈提醒",
    ] {
        assert!(
            all.contains(words),
            "`{words}` is not in the PDF's text:\n{all}"
        );
    }
    // The totals row: 20 units, 12 of them reporting units, 56 items, 21 done, 16 mostly done.
    assert!(all.contains("201256211614"), "the totals row:\n{}", text[0]);
    // Every word of every page is legible on paper.
    for page in 1..=pages {
        let smallest = word_heights(&pdf, page)[0];
        assert!(smallest >= 5.5, "page {page}: a word {smallest} pt high");
    }
    for page in 1..=pages {
        page_picture(&pdf, page, &format!("example-page-{page}"));
    }
}

/// The wide tables of the example (the totals and the children, 20 columns) print on A4
/// landscape pages, the rest on portrait ones; no header of the children table is broken a
/// character a line: its header row takes at most two lines, and its first header is whole.
#[test]
fn the_wide_tables_print_on_landscape_pages_with_their_headers_whole() {
    let html = crate::html::example_html(&[]);
    let pdf = print_to_pdf(&html, "example-wide");
    let sizes = page_sizes(&pdf);
    assert!(is_a4_portrait(sizes[0]), "the first page: {:?}", sizes[0]);
    let landscape: Vec<usize> = (1..=sizes.len())
        .filter(|&p| is_a4_landscape(sizes[p - 1]))
        .collect();
    assert!(!landscape.is_empty(), "no landscape page: {sizes:?}");
    for (n, size) in sizes.iter().enumerate() {
        assert!(
            is_a4_portrait(*size) || is_a4_landscape(*size),
            "page {}: {size:?}",
            n + 1
        );
        let smallest = word_heights(&pdf, n + 1)[0];
        assert!(smallest >= 5.5, "page {}: a word {smallest} pt high", n + 1);
    }
    let text = pages_text(&pdf, sizes.len());
    let page = landscape
        .iter()
        .copied()
        .find(|&p| text[p - 1].contains("二、分地区（系统）情况"))
        .unwrap_or_else(|| panic!("the children table on no landscape page: {text:?}"));
    let (_, _, words) = words(&pdf, page);
    let heading = words
        .iter()
        .find(|w| w.4.contains("分地区"))
        .expect("the heading");
    let first = words
        .iter()
        .find(|w| w.4 == "机构" && w.1 > heading.3)
        .unwrap_or_else(|| panic!("the header 机构, whole, under the heading: {words:?}"));
    let row = words
        .iter()
        .find(|w| w.4 == "杭州市" && w.1 > first.3)
        .expect("the first row");
    // The header's words, by the lines they stand on.
    let mut lines: Vec<f64> = Vec::new();
    for word in words
        .iter()
        .filter(|w| w.1 >= first.1 - 1.0 && w.3 <= row.1)
    {
        if lines.iter().all(|top| (top - word.1).abs() > 2.0) {
            lines.push(word.1);
        }
        assert!(
            word.2 - word.0 > (word.3 - word.1) * 0.9 || word.4.chars().count() > 1,
            "{word:?}"
        );
    }
    assert!(lines.len() <= 2, "the header takes {} lines", lines.len());
    assert!(text[page - 1].contains("事项满意率"), "{}", text[page - 1]);
    // The chart of overdue items by age names its ranges as the office writes them.
    assert!(
        text[0].contains("1～30天") && text[0].contains("31～90天"),
        "{}",
        text[0]
    );
}

/// A tree whose overdue items fill several pages: each title long enough to wrap in its cell,
/// and marked at both ends.
fn many_rows() -> Tree {
    let mut tree = Tree::new();
    for i in 0..60 {
        let title = format!(
            "ROW{i:03}START{}ROW{i:03}END",
            "会议文件过多、检查考核过频、材料报送过滥，".repeat(1 + i % 4)
        );
        let item = edit(ITEM, "\"文山会海问题有所反弹\"", &format!("\"{title}\""));
        let item = edit(&item, "deadline = 2015-06-30", "deadline = 2015-01-31");
        tree = tree.item("省直/省财政厅", &format!("{i:03}"), &item);
    }
    tree.unit("省直/省财政厅", UNIT)
}

#[test]
fn a_table_longer_than_a_page_repeats_its_header_and_splits_no_row() {
    let tree = many_rows();
    let out = tree.run(&["report", "--format", "html", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pdf = print_to_pdf(&out.stdout, "many-rows");
    let pages = a4_pages(&pdf);
    let text = pages_text(&pdf, pages);
    let page_of = |marker: &str| {
        let on: Vec<usize> = (0..pages).filter(|&p| text[p].contains(marker)).collect();
        assert_eq!(on.len(), 1, "`{marker}` on pages {on:?}");
        on[0]
    };
    let mut spanned = std::collections::BTreeSet::new();
    for i in 0..60 {
        let start = page_of(&format!("ROW{i:03}START"));
        let end = page_of(&format!("ROW{i:03}END"));
        assert_eq!(
            start, end,
            "row {i} is split across pages {start} and {end}"
        );
        spanned.insert(start);
    }
    assert!(
        spanned.len() >= 2,
        "the rows fit one page: no page break was tried"
    );
    // Every page that holds rows of the overdue table shows the table's header: its 时限 and
    // 最新进展 cells (no other text of these pages holds either; a cell's words may wrap).
    for page in &spanned {
        assert!(
            text[*page].contains("时限") && text[*page].contains("最新"),
            "page {} has rows but no header:\n{}",
            page + 1,
            text[*page]
        );
    }
}

#[test]
fn the_trend_page_prints_on_a4_with_its_chart_inside_the_page() {
    let (tree, commits) = crate::history::ten_months(Tree::new().unit(crate::harness::ORG, UNIT));
    let out = tree.run(&["trend", "--to", "2015-10-31", "--format", "html"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pdf = print_to_pdf(&out.stdout, "trend");
    let pages = a4_pages(&pdf);
    assert_eq!(pages, 1, "ten months fit one page");
    let all = pages_text(&pdf, pages).concat();
    for words in [
        "各单位教育实践活动整改落实情况“回头看”进展趋势",
        "各期末整改完成率",
        "2015年1月",
        "100%",
        "30.0%",
    ] {
        assert!(
            all.contains(words),
            "`{words}` is not in the PDF's text:\n{all}"
        );
    }
    // The table's row of March: its end, its commit (wrapped in its narrow cell), then 1 unit,
    // 10 items, 3 done, 0 mostly done, 7 open, 0 ineffective, overdue, closed, assessed and
    // satisfied, and the two rates.
    let march = all
        .split("2015年3月31日")
        .nth(1)
        .unwrap_or_else(|| panic!("no row of March in:\n{all}"));
    assert!(march.starts_with(&commits[2][..4]), "{march}");
    assert!(march.contains("1103070000030.0%30.0%"), "{march}");
    // The chart's words lie inside the page, within its margins, and above the table.
    let (width, height, words) = words(&pdf, 1);
    let find = |text: &str| {
        words
            .iter()
            .find(|w| w.4 == text)
            .unwrap_or_else(|| panic!("no word `{text}` in {words:?}"))
    };
    let (first, tenth, top, bottom) = (find("2015年1月"), find("10月"), find("100%"), find("0%"));
    for word in [first, tenth, top, bottom] {
        assert!(
            word.0 >= 20.0 && word.2 <= width - 20.0 && word.1 >= 20.0 && word.3 <= height - 20.0,
            "{word:?} is outside the page's margins ({width} × {height})"
        );
    }
    assert!(
        first.0 < tenth.0,
        "the months run left to right: {first:?} {tenth:?}"
    );
    assert!(top.3 < bottom.1, "100 % above 0 %: {top:?} {bottom:?}");
    // The axis spans most of the page's width: the chart is scaled to the page, not cut.
    assert!(tenth.2 - first.0 > width * 0.6, "{first:?} {tenth:?}");
    let header = words
        .iter()
        .filter(|w| w.4.contains("截至"))
        .map(|w| w.1)
        .fold(f64::INFINITY, f64::min);
    assert!(
        first.3 < header,
        "the chart is above the table: {first:?}, header at {header}"
    );
    first_page_picture(&pdf, "trend-page-1");
}
