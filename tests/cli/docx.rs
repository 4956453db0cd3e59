//! `report --format docx` (SPEC §15): the 情况报告 read back by a real reader (LibreOffice prints
//! it to PDF, poppler reads the PDF) and its XML read as Word and WPS read it.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::harness::{AS_OF, Tree, copy_at};
use crate::pdf::{
    is_a4_landscape, is_a4_portrait, libreoffice_pdf, page_picture, page_sizes, pages_text,
    word_heights,
};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/zhejiang-2015")
}

/// The example as `records/` of a temporary folder, whose root keeps the documents.
fn example_tree() -> Tree {
    copy_at(&example(), "records/")
}

/// `report records --as-of AS_OF -o NAME` (the extension chooses the format) with `extra`.
fn export(tree: &Tree, name: &str, extra: &[&str]) -> PathBuf {
    let mut args = vec!["report", "records", "--as-of", AS_OF, "--output", name];
    args.extend(extra);
    let out = tree.run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    tree.join(name)
}

/// Every part of the package, by name, as text.
fn parts(path: &Path) -> BTreeMap<String, String> {
    let file = std::fs::File::open(path).expect("the document");
    let mut zip = zip::ZipArchive::new(file).expect("a zip package");
    (0..zip.len())
        .map(|i| {
            let mut part = zip.by_index(i).expect("a part");
            let mut text = String::new();
            part.read_to_string(&mut text).expect("UTF-8 XML");
            (part.name().expect("a part name").into_owned(), text)
        })
        .collect()
}

#[test]
fn the_report_prints_on_a4_its_letter_portrait_and_its_attachments_landscape() {
    let tree = example_tree();
    let path = export(&tree, "情况报告.docx", &[]);
    let pdf = libreoffice_pdf(&path, "docx-example");
    let sizes = page_sizes(&pdf);
    let text = pages_text(&pdf, sizes.len());
    assert!(is_a4_portrait(sizes[0]), "page 1: {:?}", sizes[0]);
    // The letter is portrait up to the first attachment; every page from there is landscape.
    let first_annex = text
        .iter()
        .position(|t| t.starts_with("附件1"))
        .expect("a page that opens with 附件1");
    for (n, size) in sizes.iter().enumerate() {
        let turned = if n < first_annex {
            is_a4_portrait(*size)
        } else {
            is_a4_landscape(*size)
        };
        assert!(turned, "page {}: {size:?}", n + 1);
    }
    for (n, annex) in [
        "整改进展统计表",
        "自查报告报送情况表",
        "整改事项清单",
        "建议通报表扬和约谈提醒的单位",
    ]
    .iter()
    .enumerate()
    {
        let label = format!("附件{}{annex}", n + 1);
        assert!(
            text[first_annex..].iter().any(|t| t.starts_with(&label)),
            "no page opens with {label}"
        );
    }
    let letter: String = text[..first_annex].concat();
    for words in [
        "关于全省教育实践活动整改落实情况“回头看”进展情况的报告",
        "省委：",
        // The opening paragraph of the html report, word for word.
        "截至2015年3月10日，全省共有报送单位12个（2个市、10个省直单位），梳理整改问题56个，\
         已完成21个（占37.5%），基本完成16个，未完成14个，效果不理想5个；其中逾期未完成2个。\
         自查报告按时报送11个，逾期报送1个，被退回1个。",
        // The figures beyond it (SPEC §14), as every 情况报告 quotes them.
        "到期事项42个，按期完成35个，按期完成率83.3%",
        "新发现问题纳入整改9个",
        "一、总体进展",
        "整改完成率37.5%，完成及基本完成率66.1%；已销号3个。",
        "根据《开展教育实践活动整改落实情况“回头看”的实施方案》（浙整改办发〔2015〕2号）要求，\
         现将有关情况报告如下。",
        "事项满意率83.9%",
        "需上级牵头联动整改的事项2个（未完成2个）。",
        "二、存在的问题",
        "逾期未完成事项2个",
        "效果不理想事项5个",
        "三、下一步打算",
        "【请填写：",
        "附件：1．整改进展统计表",
        "4．建议通报表扬和约谈提醒的单位",
        "省委整改办",
        "二〇一五年三月十日",
        "—1—",
    ] {
        assert!(
            letter.contains(words),
            "`{words}` is not in the letter:\n{letter}"
        );
    }
    let annexes: String = text[first_annex..].concat();
    for words in [
        // 附件1: the children, 合计 last with the totals (20 units, 12 reporting, 56 items…).
        "合计201256211614523312637.5%66.1%83.9%",
        // 附件2: a reporting unit, its meeting and where its result was made known.
        "中共浙江省委教育工作委员会2015年1月30日2015年2月13日",
        "市委常委扩大",
        // 附件3 lists the responsible; 附件4 the unit proposed for commendation.
        "钱某某",
        "建议通报表扬的单位序号单位1中共浙江省委教育工作委员会",
    ] {
        assert!(
            annexes.contains(words),
            "`{words}` is not in the attachments:\n{annexes}"
        );
    }
    // Every word of every page is legible on paper.
    for page in 1..=sizes.len() {
        let smallest = word_heights(&pdf, page)[0];
        assert!(smallest >= 5.5, "page {page}: a word {smallest} pt high");
    }
    page_picture(&pdf, 1, "docx-page-1");
    page_picture(&pdf, first_annex + 1, "docx-annex-1");
    page_picture(&pdf, first_annex + 3, "docx-annex-3");
}

#[test]
fn the_xml_sets_the_fonts_the_pages_the_page_numbers_and_rows_that_hold() {
    let tree = example_tree();
    let parts = parts(&export(&tree, "r.docx", &[]));
    let names: Vec<&str> = parts.keys().map(String::as_str).collect();
    assert!(names.contains(&"word/document.xml"), "{names:?}");
    // No part that would carry a date.
    assert!(
        !names.iter().any(|n| n.starts_with("docProps")),
        "{names:?}"
    );
    let styles = &parts["word/styles.xml"];
    for font in [
        "方正小标宋简体",
        "仿宋_GB2312",
        "黑体",
        "楷体_GB2312",
        "宋体",
    ] {
        assert!(
            styles.contains(&format!("w:eastAsia=\"{font}\"")),
            "{font} on w:eastAsia:\n{styles}"
        );
    }
    // Title 二号 (22 pt), body 三号 (16 pt) at exactly 28 pt a line, page numbers 四号.
    for setting in [
        "<w:sz w:val=\"44\"/>",
        "<w:sz w:val=\"32\"/>",
        "<w:sz w:val=\"28\"/>",
        "w:line=\"560\" w:lineRule=\"exact\"",
    ] {
        assert!(styles.contains(setting), "{setting}:\n{styles}");
    }
    let fonts = &parts["word/fontTable.xml"];
    assert!(
        fonts.contains("<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>"),
        "{fonts}"
    );
    let document = &parts["word/document.xml"];
    // A4 portrait for the letter, landscape for the attachments; GB/T 9704's margins in twips
    // (37, 26, 35 and 28 mm), on the same edges of the sheet turned.
    assert!(document.contains(
        "<w:pgSz w:w=\"11906\" w:h=\"16838\" w:orient=\"portrait\"/>\
         <w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""
    ));
    assert!(document.contains(
        "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>\
         <w:pgMar w:top=\"1474\" w:right=\"1984\" w:bottom=\"1587\" w:left=\"2098\""
    ));
    assert_eq!(document.matches("<w:sectPr>").count(), 5);
    // Every row of every table holds together; each header row repeats.
    let rows = document.matches("<w:tr>").count();
    assert_eq!(document.matches("<w:cantSplit/>").count(), rows);
    // A table each for 附件1's children and 专项整治 tasks, 附件2, 附件3, and the units proposed
    // for a reminder talk and for commendation.
    assert_eq!(document.matches("<w:tblHeader/>").count(), 6);
    for footer in ["word/footer1.xml", "word/footer2.xml"] {
        let footer = &parts[footer];
        assert!(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
        assert!(footer.contains("<w:t xml:space=\"preserve\">— </w:t>"));
        assert!(footer.contains("<w:t xml:space=\"preserve\"> —</w:t>"));
    }
    assert!(parts["word/settings.xml"].contains("<w:evenAndOddHeaders/>"));
}

#[test]
fn the_same_records_give_the_same_bytes_to_a_file_or_a_redirected_stdout() {
    let tree = example_tree();
    let first = std::fs::read(export(&tree, "a.docx", &[])).expect("a.docx");
    let second = std::fs::read(export(&tree, "b.docx", &[])).expect("b.docx");
    assert!(first == second, "two runs differ");
    let out = tree
        .command(&["report", "records", "--as-of", AS_OF, "--format", "docx"])
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(out.stdout == first, "stdout differs from --output");
}

#[test]
fn a_public_report_has_no_attachment_4_and_names_no_one() {
    let tree = example_tree();
    let parts = parts(&export(&tree, "公示稿.docx", &["--public"]));
    let document = &parts["word/document.xml"];
    assert!(!document.contains("附件4"));
    assert!(!document.contains("建议通报表扬"));
    assert!(!document.contains("约谈提醒"));
    assert!(!document.contains("某某"), "a name in the public report");
    // The totals are the internal report's; the confidential items are counted, not listed.
    assert!(document.contains("梳理整改问题56个"));
    assert!(document.contains("其中2项按规定不予公开"));
    assert!(!document.contains("4．"));
    assert_eq!(document.matches("<w:tblHeader/>").count(), 4);
    // Progress, not process (SPEC §14): 附件2 says where each report was made known and whether
    // it was published, not when it was studied, submitted or reviewed; nor does the letter.
    for process in [
        "会议日期",
        "报送日期",
        "审核情况",
        "自查报告按时报送",
        "审核检查",
    ] {
        assert!(
            !document.contains(process),
            "{process} in the public report"
        );
    }
    assert!(document.contains("通报场合"));
}

#[test]
fn a_word_document_refuses_by_and_speaks_english_with_lang_en() {
    let tree = example_tree();
    let out = tree.run(&[
        "report", "records", "--format", "docx", "--by", "item", "-o", "x.docx",
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: `--by` 只用于 table 和 csv 格式；docx 格式的报告内容是固定的\n"
    );
    let parts = parts(&export(&tree, "report.docx", &["--lang", "en"]));
    let document = &parts["word/document.xml"];
    for words in [
        "Report on the progress of",
        "To: the Provincial Party Committee",
        "1. Overall progress",
        "[To be written: ",
        "Attachment 1",
        "Rectification progress",
        "(as of 2015-03-10)",
    ] {
        assert!(document.contains(words), "`{words}` in:\n{document}");
    }
}

#[test]
fn a_stored_report_and_the_campaign_office_and_addressee_make_the_document() {
    let tree = example_tree();
    let campaign = std::fs::read_to_string(tree.join("records/huitoukan.toml")).expect("campaign");
    std::fs::write(
        tree.join("records/huitoukan.toml"),
        format!("{campaign}office = \"浙江省整改办\"\naddressee = \"省委、省政府\"\n"),
    )
    .expect("write");
    let out = tree.run(&[
        "report", "records", "--as-of", AS_OF, "--format", "json", "-o", "r.json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = tree.run(&["report", "--from", "r.json", "-o", "stored.docx"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let parts = parts(&tree.join("stored.docx"));
    let document = &parts["word/document.xml"];
    for words in [
        "省委、省政府：",
        "浙江省整改办",
        "梳理整改问题56个",
        "市委常委扩大会议",
    ] {
        assert!(document.contains(words), "`{words}` in:\n{document}");
    }
}

#[test]
fn text_from_the_records_is_escaped_and_the_xml_stays_well_formed() {
    let item = crate::harness::edit(
        crate::harness::ITEM,
        "title = \"文山会海问题有所反弹\"",
        "title = \"</w:t><w:b/> & 文山会海\\u001b[2J\\uFFFF\"",
    );
    let tree = crate::harness::with_item(&item);
    let out = tree.run(&["report", "--as-of", AS_OF, "-o", "r.docx"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let parts = parts(&tree.join("r.docx"));
    for (name, xml) in &parts {
        let mut reader = quick_xml::Reader::from_str(xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed: {e}"),
            }
        }
    }
    let document = &parts["word/document.xml"];
    assert!(
        document.contains("&lt;/w:t&gt;&lt;w:b/&gt; &amp; 文山会海\\u{1b}[2J\\u{ffff}"),
        "{document}"
    );
}

/// Runs `huitoukan ARGS` at the root of `tree` with a terminal for its standard output
/// (util-linux's `script`), and gives its exit code and what the terminal showed.
#[cfg(unix)]
fn on_a_terminal(tree: &Tree, args: &str) -> (i32, String) {
    let program = tree.command(&[]).get_program().to_owned();
    let line = format!("'{}' {args}", program.to_string_lossy());
    let out = std::process::Command::new(crate::pdf::tool("script"))
        .args(["-qec", &line, "/dev/null"])
        .current_dir(tree.path())
        .env("NO_COLOR", "1")
        .env_remove("HUITOUKAN_LANG")
        .output()
        .expect("run script");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
    )
}

#[test]
#[cfg(unix)]
fn a_word_document_never_goes_to_a_terminal() {
    let tree = example_tree();
    let (code, shown) = on_a_terminal(&tree, "report records --as-of 2015-03-10 --format docx");
    assert_eq!(code, 2, "{shown}");
    assert_eq!(
        shown,
        "error: 不把 Word 文档输出到终端\n  = help: 用 `--output 报告.docx` 写入文件，或把标准输出重定向到文件\n"
    );
}

#[test]
fn a_stored_public_report_whose_review_names_a_reviewer_is_refused() {
    let tree = example_tree();
    let out = tree.run(&["report", "records", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    // Public in every way but the reviews' reviewers.
    report["public"] = true.into();
    let units = report["units"].as_array_mut().expect("units");
    for unit in units.iter_mut() {
        unit["principal"] = serde_json::Value::Null;
        unit["open_review"] = serde_json::Value::Null;
    }
    let (at, _) = (units.iter().enumerate())
        .find(|(_, u)| u["review"]["by"].is_string())
        .expect("a unit with a reviewer");
    std::fs::write(tree.join("public.json"), report.to_string()).expect("write");
    let out = tree.run(&["report", "--from", "public.json", "-o", "x.docx"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("units[{at}].review.by")),
        "{}",
        out.stderr
    );
}
