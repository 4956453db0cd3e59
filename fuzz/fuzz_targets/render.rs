//! The report renderers on arbitrary reports: every format, every `--by`, both languages.
//! Whatever the strings and numbers, Markdown tables keep their columns, every CSV row has the
//! header's width and no text cell can start a formula, and the JSON parses.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use huitoukan::diagnostic::Code;
use huitoukan::format::enums::{Category, Status};
use huitoukan::load::source::FileId;
use huitoukan::model::status::SelfCheckState;
use huitoukan::render::{csv, docx, html, json, markdown, table, xlsx};
use huitoukan::rollup::figures::{Count, Figures};
use huitoukan::rollup::{
    AreaRow, CampaignInfo, DueItem, GroupRow, ItemCounts, LeftOut, LinkedItem, OrgRow, Progress,
    Report, SelfCheckCounts, SourceInfo, TaskRow, Totals, UnitArea, UnitRow, Withheld,
};
use huitoukan::text::messages::files::FileMsg;
use huitoukan::text::messages::report::ReportMsg;
use huitoukan_fuzz::{BYS, LANGS};
use jiff::civil::Date;
use libfuzzer_sys::fuzz_target;

type R<T> = arbitrary::Result<T>;

/// Mostly the text of records, sometimes anything.
fn text(u: &mut Unstructured<'_>) -> R<String> {
    const POOL: &[&str] = &[
        "",
        "省直/省财政厅",
        "文山会海|问题",
        "a\nb",
        "a\rb",
        "a\r\nb",
        "=1+1",
        "-2",
        "@SUM(A1)",
        "\tx",
        "\\|",
        "`code`",
        "<br>",
        "# 标题",
        "“引号”",
        "👨‍👩‍👧",
        "\u{202e}",
        "\u{0}",
        "\u{1b}]0;x\u{7}\u{1b}[2J",
        "\u{9b}31m",
        "a\u{200b}",
        "x\n::error file=README.md::y",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "**粗** _斜_ ~~删~~ $x$",
        "1. 列表",
        "- 列表",
        "&amp;",
    ];
    if u.ratio(1, 3)? {
        Ok((*u.choose(POOL)?).to_owned())
    } else {
        String::arbitrary(u)
    }
}

fn opt_text(u: &mut Unstructured<'_>) -> R<Option<String>> {
    if bool::arbitrary(u)? {
        Ok(Some(text(u)?))
    } else {
        Ok(None)
    }
}

fn date(u: &mut Unstructured<'_>) -> R<Date> {
    let year = u.int_in_range(-9999..=9999)?;
    let month = u.int_in_range(1..=12)?;
    let day = u.int_in_range(1..=31)?;
    Ok(Date::new(year, month, day).unwrap_or(jiff::civil::date(2015, 2, 28)))
}

fn opt_date(u: &mut Unstructured<'_>) -> R<Option<Date>> {
    if bool::arbitrary(u)? {
        Ok(Some(date(u)?))
    } else {
        Ok(None)
    }
}

/// A count, in whatever width the report keeps it.
fn count<T: TryFrom<u64> + Default>(u: &mut Unstructured<'_>) -> R<T> {
    let n = if u.ratio(1, 8)? {
        u64::arbitrary(u)?
    } else {
        u64::from(u.int_in_range(0..=50u8)?)
    };
    Ok(T::try_from(n).unwrap_or_default())
}

fn counts(u: &mut Unstructured<'_>) -> R<ItemCounts> {
    Ok(ItemCounts {
        items: count(u)?,
        done: count(u)?,
        mostly_done: count(u)?,
        open: count(u)?,
        ineffective: count(u)?,
        overdue: count(u)?,
        closed: count(u)?,
        assessed: count(u)?,
        satisfied: count(u)?,
    })
}

fn self_check_counts(u: &mut Unstructured<'_>) -> R<SelfCheckCounts> {
    Ok(SelfCheckCounts {
        submitted: count(u)?,
        late: count(u)?,
        returned: count(u)?,
        pending: count(u)?,
        missing: count(u)?,
    })
}

fn totals(u: &mut Unstructured<'_>) -> R<Totals> {
    Ok(Totals {
        units: count(u)?,
        counts: counts(u)?,
        self_check: self_check_counts(u)?,
        reporting_units: count(u)?,
        late_filed: count(u)?,
        reporting_self_check: self_check_counts(u)?,
        figures: figures(u)?,
    })
}

fn figures(u: &mut Unstructured<'_>) -> R<Figures> {
    let mut f = Figures::default();
    let Figures {
        due_items,
        due_on_time,
        done_late,
        personal,
        by_source,
        by_batch,
        reviews,
        institutions,
        assessment,
        ..
    } = &mut f;
    let (reviews, institutions, assessment) = (
        reviews.get_mut(),
        institutions.get_mut(),
        assessment.get_mut(),
    );
    for slot in [
        due_items,
        due_on_time,
        done_late,
        personal,
        &mut by_source.newly_found,
        &mut by_batch.second.units,
        &mut reviews.guidance.units,
        &mut reviews.guidance.returned,
        &mut institutions.planned,
        &mut institutions.issued,
        &mut institutions.new,
        &mut assessment.participants,
        &mut assessment.satisfied,
    ] {
        *slot = Count(count(u)?);
    }
    Ok(f)
}

fn task_row(u: &mut Unstructured<'_>) -> R<TaskRow> {
    Ok(TaskRow {
        task: text(u)?,
        counts: counts(u)?,
    })
}

fn list<T>(
    u: &mut Unstructured<'_>,
    most: usize,
    mut one: impl FnMut(&mut Unstructured<'_>) -> R<T>,
) -> R<Vec<T>> {
    let n = u.int_in_range(0..=most)?;
    (0..n).map(|_| one(u)).collect()
}

fn status(u: &mut Unstructured<'_>) -> R<Status> {
    Ok(*u.choose(&[
        Status::Done,
        Status::MostlyDone,
        Status::Open,
        Status::Ineffective,
    ])?)
}

fn small_int(u: &mut Unstructured<'_>) -> R<i64> {
    if u.ratio(1, 8)? {
        i64::arbitrary(u)
    } else {
        Ok(i64::from(u.int_in_range(-3..=40i8)?))
    }
}

fn opt_int(u: &mut Unstructured<'_>) -> R<Option<i64>> {
    if bool::arbitrary(u)? {
        Ok(Some(small_int(u)?))
    } else {
        Ok(None)
    }
}

fn org_row(u: &mut Unstructured<'_>) -> R<OrgRow> {
    Ok(OrgRow {
        org: text(u)?,
        depth: count(u)?,
        totals: totals(u)?,
    })
}

fn due_item(u: &mut Unstructured<'_>) -> R<DueItem<'static>> {
    Ok(DueItem {
        unit: text(u)?.into(),
        id: text(u)?.into(),
        title: text(u)?,
        status: status(u)?,
        due: opt_date(u)?,
        days_overdue: opt_int(u)?,
        unit_name: text(u)?.into(),
        progress: progress(u)?.map(Box::new),
    })
}

fn progress(u: &mut Unstructured<'_>) -> R<Option<Progress>> {
    if bool::arbitrary(u)? {
        Ok(Some(Progress {
            on: date(u)?,
            text: text(u)?,
        }))
    } else {
        Ok(None)
    }
}

fn linked_item(u: &mut Unstructured<'_>) -> R<LinkedItem<'static>> {
    Ok(LinkedItem {
        unit: text(u)?.into(),
        id: text(u)?.into(),
        title: text(u)?,
        lead_unit: text(u)?,
        unit_name: text(u)?.into(),
        lead_name: text(u)?,
        status: Some(status(u)?),
        due: opt_date(u)?,
        progress: progress(u)?,
    })
}

fn unit_row(u: &mut Unstructured<'_>) -> R<UnitRow<'static>> {
    Ok(UnitRow {
        org: text(u)?.into(),
        name: text(u)?.into(),
        category: *u.choose(&[
            None,
            Some(Category::LeadershipBody),
            Some(Category::Grassroots),
        ])?,
        batch: opt_int(u)?,
        self_check: *u.choose(&[
            SelfCheckState::Submitted,
            SelfCheckState::Late,
            SelfCheckState::Returned,
            SelfCheckState::Pending,
            SelfCheckState::Missing,
        ])?,
        submitted_on: opt_date(u)?,
        reports_to: list(u, 2, |u| text(u).map(std::borrow::Cow::Owned))?.into(),
        reports_to_office: bool::arbitrary(u)?,
        filed_late: bool::arbitrary(u)?,
        meeting_on: opt_date(u)?,
        disclosed_in: opt_text(u)?.map(Into::into),
        published: None,
        review: None,
        totals: totals(u)?,
        by_area: list(u, 3, |u| {
            Ok(UnitArea {
                area: small_int(u)?,
                counts: counts(u)?,
            })
        })?
        .into(),
        by_task: list(u, 2, task_row)?.into(),
        open_review: None,
        principal: opt_text(u)?.map(Into::into),
    })
}

fn left_out(u: &mut Unstructured<'_>) -> R<LeftOut> {
    let code = if bool::arbitrary(u)? {
        Some(u.choose(Code::ALL)?.as_str().into())
    } else {
        None
    };
    let reason = match u.int_in_range(0..=5)? {
        0 => ReportMsg::UnitLeftOut { unit: text(u)? }.into(),
        1 => FileMsg::Syntax { detail: text(u)? }.into(),
        2 => FileMsg::Unreadable { detail: text(u)? }.into(),
        4 => ReportMsg::LeftOutPublic.into(),
        5 => ReportMsg::LeftOutStored.into(),
        _ => FileMsg::NotUtf8.into(),
    };
    Ok(LeftOut {
        id: FileId(u32::arbitrary(u)?),
        file: text(u)?,
        code,
        reason,
    })
}

fn report(u: &mut Unstructured<'_>) -> R<Report<'static>> {
    let org = opt_text(u)?;
    let as_of = date(u)?;
    let public = bool::arbitrary(u)?;
    let campaign = CampaignInfo {
        name: opt_text(u)?,
        document: opt_text(u)?,
        plan: opt_text(u)?,
        deadline: opt_date(u)?,
        region: opt_text(u)?,
        office: opt_text(u)?,
        addressee: opt_text(u)?,
        schema_sha256: opt_text(u)?,
    };
    Ok(Report {
        format: huitoukan::rollup::FORMAT.into(),
        version: huitoukan::rollup::VERSION,
        generator: huitoukan::rollup::GENERATOR.into(),
        source: SourceInfo {
            commit: opt_text(u)?,
            dirty: None,
        },
        after_as_of: u.int_in_range(0..=1000)?,
        org,
        as_of,
        public,
        campaign,
        totals: totals(u)?,
        by_task: list(u, 3, task_row)?,
        by_area: list(u, 7, |u| {
            Ok(AreaRow {
                area: small_int(u)?,
                title: text(u)?,
                counts: counts(u)?,
            })
        })?,
        children: list(u, 4, org_row)?,
        units: list(u, 4, unit_row)?,
        overdue_items: list(u, 3, due_item)?,
        ineffective_items: list(u, 3, due_item)?,
        linked_items: list(u, 3, linked_item)?,
        led_items: list(u, 3, linked_item)?,
        orgs: list(u, 4, org_row)?,
        // The item rows are made on demand from the records (`rollup::ItemList`), which an
        // arbitrary report has none of: the `record` and `tree` targets render them.
        items: Default::default(),
        withheld: if bool::arbitrary(u)? {
            Some(Withheld {
                items: count(u)?,
                files: count(u)?,
            })
        } else {
            None
        },
        left_out: list(u, 3, left_out)?,
        groups: list(u, 3, |u| {
            Ok(GroupRow {
                unit: text(u)?,
                name: text(u)?,
                counts: counts(u)?,
            })
        })?,
        // Drawn last, so the corpus made before it keeps its meaning.
        own: if bool::arbitrary(u)? {
            Some(totals(u)?)
        } else {
            None
        },
    })
}

/// The `|` of a line that separate cells: not those escaped with a backslash.
fn cell_separators(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count
}

/// The title of a Markdown document is one line, each of its tables keeps the columns of its
/// header on every row, and no line holds a carriage return (CommonMark ends a line at one);
/// no HTML tag but the `<br>` of a cell's line break, and no control character but `\n`.
fn check_markdown(text: &str) {
    assert!(!text.contains('\r'), "a carriage return breaks a line");
    assert!(!text.replace("<br>", "").contains('<'), "a tag: {text:?}");
    assert_eq!(hidden(text, &['\n']), "", "raw control characters");
    let mut lines = text.split('\n');
    assert!(lines.next().is_some_and(|l| l.starts_with("# ")));
    assert_eq!(lines.next(), Some(""), "the title is one line");
    let mut columns = None;
    for line in text.split('\n') {
        if line.starts_with('|') {
            let n = cell_separators(line);
            match columns {
                None => columns = Some(n),
                Some(c) => assert_eq!(n, c, "a row with other columns than its header: {line:?}"),
            }
        } else {
            columns = None;
        }
    }
}

/// Every CSV row is as wide as the header, and no cell a spreadsheet would evaluate starts with
/// `=`, `+`, `-`, `@`, a tab or a line break unless it is a number.
fn check_csv(bytes: &[u8]) {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("CSV starts with a byte-order mark");
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut width = None;
    for record in reader.byte_records() {
        let record = record.expect("the CSV reads back");
        match width {
            None => width = Some(record.len()),
            Some(w) => assert_eq!(record.len(), w, "a row as wide as the header"),
        }
        for cell in record.iter() {
            let cell = String::from_utf8_lossy(cell);
            assert_eq!(hidden(&cell, &['\n', '\t']), "", "raw control characters");
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
                assert!(
                    cell.parse::<f64>().is_ok(),
                    "a cell that a spreadsheet evaluates: {cell:?}"
                );
            }
        }
    }
}

/// The characters of `text` that no one should see raw, but those of `keep`.
fn hidden(text: &str, keep: &[char]) -> String {
    text.chars()
        .filter(|&c| huitoukan::text::escape::is_hidden(c) && !keep.contains(&c))
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(report) = report(&mut u) else {
        return;
    };
    for lang in LANGS {
        for by in BYS {
            let text = table::render(&report, by, lang).expect("every value reads back");
            assert_eq!(hidden(&text, &['\n']), "", "raw control characters");
            check_csv(&csv::render(&report, by, lang).expect("every value reads back"));
        }
        check_markdown(&markdown::render(&report, lang));
        let page = html::render(&report, lang);
        assert!(page.starts_with("<!DOCTYPE html>"), "an HTML page");
        xlsx::render(&report, lang).expect("a workbook of any report");
        let document = docx::render(&report, lang).expect("a Word document of any report");
        assert!(document.starts_with(b"PK"), "a zip package");
    }
    let text = json::report_string(&report);
    let _: serde_json::Value = serde_json::from_str(&text).expect("report JSON parses");
});
