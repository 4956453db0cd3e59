//! Reading a printed page back as a person would get it: poppler's `pdfinfo`, `pdftotext` and
//! `pdftoppm`, and LibreOffice converting a document or a workbook to PDF. Shared by the tests
//! of every printable format (html through Chromium, xlsx and docx through LibreOffice).
//!
//! Without the tools these tests fail and say how to install them: they are never skipped.
//! `.ci/run` installs them on CI.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const INSTALL: &str = "install them with `sudo apt-get install chromium fonts-noto-cjk poppler-utils` \
                       (Debian/Ubuntu), or point HUITOUKAN_CHROMIUM at a Chromium or Chrome binary";

/// Where the PDFs and the screenshot are kept: `target/browser/`.
pub fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&dir).expect("target/browser");
    dir
}

pub fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

pub fn tool(name: &str) -> PathBuf {
    find(&[name]).unwrap_or_else(|| panic!("no `{name}` on PATH for the browser tests: {INSTALL}"))
}

/// Runs `cmd` to its end, killing it after `limit` (a browser that hangs fails the test).
pub fn run(mut cmd: Command, limit: Duration) -> std::process::Output {
    let shown = format!("{cmd:?}");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{shown}: {e}; {INSTALL}"));
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{shown} did not finish in {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("output");
    assert!(
        out.status.success(),
        "{shown}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The first page of `pdf` as `NAME.png` under `target/browser/`, for a person to look at.
pub fn first_page_picture(pdf: &Path, name: &str) {
    page_picture(pdf, 1, name);
}

/// The size of every page in points (width, height), from `pdfinfo`.
pub fn page_sizes(pdf: &Path) -> Vec<(f64, f64)> {
    let mut cmd = Command::new(tool("pdfinfo"));
    cmd.arg(pdf);
    let info = String::from_utf8(run(cmd, Duration::from_secs(30)).stdout).expect("UTF-8");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in:\n{info}"));
    let mut cmd = Command::new(tool("pdfinfo"));
    cmd.args(["-f", "1", "-l", &pages.to_string()]).arg(pdf);
    let info = String::from_utf8(run(cmd, Duration::from_secs(30)).stdout).expect("UTF-8");
    let sizes: Vec<(f64, f64)> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|line| {
            let numbers: Vec<f64> = line
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (numbers[numbers.len() - 2], numbers[numbers.len() - 1])
        })
        .collect();
    assert_eq!(sizes.len(), pages, "{info}");
    sizes
}

/// Whether a page of `size` is A4 portrait (595 × 842 pt, to a point and a half).
pub fn is_a4_portrait((w, h): (f64, f64)) -> bool {
    (w - 595.3).abs() < 1.5 && (h - 841.9).abs() < 1.5
}

/// Whether a page of `size` is A4 landscape (842 × 595 pt).
pub fn is_a4_landscape((w, h): (f64, f64)) -> bool {
    is_a4_portrait((h, w))
}

/// The number of pages, and that every one is A4 portrait.
pub fn a4_pages(pdf: &Path) -> usize {
    let sizes = page_sizes(pdf);
    for (n, size) in sizes.iter().enumerate() {
        assert!(
            is_a4_portrait(*size),
            "page {} is not A4 portrait: {size:?}",
            n + 1
        );
    }
    sizes.len()
}

/// The text of each page, with every white space removed (a cell's text wraps where the page
/// width says).
pub fn pages_text(pdf: &Path, pages: usize) -> Vec<String> {
    (1..=pages)
        .map(|n| {
            let mut cmd = Command::new(tool("pdftotext"));
            cmd.args(["-f", &n.to_string(), "-l", &n.to_string(), "-enc", "UTF-8"])
                .arg(pdf)
                .arg("-");
            let text = String::from_utf8(run(cmd, Duration::from_secs(30)).stdout).expect("UTF-8");
            text.chars().filter(|c| !c.is_whitespace()).collect()
        })
        .collect()
}

/// A word of a PDF page and its box: (xMin, yMin, xMax, yMax, word), in points from the top left.
pub type Word = (f64, f64, f64, f64, String);

/// The words of page `page` with their boxes (`pdftotext -bbox`), and the page's width and
/// height.
pub fn words(pdf: &Path, page: usize) -> (f64, f64, Vec<Word>) {
    let mut cmd = Command::new(tool("pdftotext"));
    cmd.args(["-bbox", "-f", &page.to_string(), "-l", &page.to_string()])
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-");
    let text = String::from_utf8(run(cmd, Duration::from_secs(30)).stdout).expect("UTF-8");
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag
            .find(&format!("{name}=\""))
            .unwrap_or_else(|| panic!("no {name} in {tag}"));
        let rest = &tag[at + name.len() + 2..];
        rest[..rest.find('"').expect("a closing quote")]
            .parse()
            .unwrap_or_else(|e| panic!("{name} in {tag}: {e}"))
    };
    let page_tag = text
        .split("<page ")
        .nth(1)
        .and_then(|p| p.split('>').next())
        .unwrap_or_else(|| panic!("no page in:\n{text}"));
    let (width, height) = (attr(page_tag, "width"), attr(page_tag, "height"));
    let words = text
        .split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').expect("a word tag closes");
            let word = rest.split("</word>").next().unwrap_or("").to_owned();
            (
                attr(tag, "xMin"),
                attr(tag, "yMin"),
                attr(tag, "xMax"),
                attr(tag, "yMax"),
                word,
            )
        })
        .collect();
    (width, height, words)
}

/// The heights of the words of page `page`, smallest first: a printed word under 5.5 pt is
/// not legible.
pub fn word_heights(pdf: &Path, page: usize) -> Vec<f64> {
    let (_, _, words) = words(pdf, page);
    let mut heights: Vec<f64> = words.iter().map(|w| w.3 - w.1).collect();
    heights.sort_by(f64::total_cmp);
    heights
}

/// LibreOffice on PATH, or a failure that says how to install it.
pub fn soffice() -> PathBuf {
    find(&["soffice", "libreoffice"]).unwrap_or_else(|| {
        panic!(
            "LibreOffice is needed to open the file in a real office program: \
             `apt-get install -y --no-install-recommends libreoffice-calc-nogui \
             libreoffice-writer-nogui` (.ci/run installs them)"
        )
    })
}

/// `path` converted by headless LibreOffice with `filter` (e.g. `pdf`, or a CSV filter with
/// its options) into a fresh folder, with a fresh profile; the folder is returned.
pub fn libreoffice_convert(path: &Path, filter: &str) -> tempfile::TempDir {
    let out_dir = tempfile::tempdir().expect("a folder");
    let profile = tempfile::tempdir().expect("a profile folder");
    let mut cmd = Command::new(soffice());
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.path().display()
    ))
    .args(["--headless", "--norestore", "--convert-to", filter])
    .arg("--outdir")
    .arg(out_dir.path())
    .arg(path);
    run(cmd, Duration::from_secs(180));
    out_dir
}

/// `path` printed to PDF by LibreOffice, kept as `NAME.pdf` under `target/browser/`.
pub fn libreoffice_pdf(path: &Path, name: &str) -> PathBuf {
    let out = libreoffice_convert(path, "pdf");
    let stem = path
        .file_stem()
        .expect("a stem")
        .to_string_lossy()
        .into_owned();
    let made = out.path().join(format!("{stem}.pdf"));
    assert!(made.is_file(), "LibreOffice wrote no {}", made.display());
    let kept = artifacts().join(format!("{name}.pdf"));
    std::fs::copy(&made, &kept).expect("keep the PDF");
    kept
}

/// Page `page` of `pdf` as `NAME.png` under `target/browser/`, for a person to look at.
pub fn page_picture(pdf: &Path, page: usize, name: &str) {
    let mut cmd = Command::new(tool("pdftoppm"));
    cmd.args([
        "-png",
        "-r",
        "80",
        "-f",
        &page.to_string(),
        "-l",
        &page.to_string(),
        "-singlefile",
    ])
    .arg(pdf)
    .arg(artifacts().join(name));
    run(cmd, Duration::from_secs(30));
    assert!(artifacts().join(format!("{name}.png")).is_file());
}
