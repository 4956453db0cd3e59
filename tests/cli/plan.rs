//! What the documentation attributes to the plan (浙整改办发〔2015〕2号) is what the plan says:
//! every phrase in Chinese quotation marks “…” of four or more Chinese characters, outside code,
//! is found in docs/source/zhejiang-2015-huitoukan-plan.txt, word for word (… marks a cut).

use std::path::Path;

const DOCUMENTS: &[&str] = &[
    "README.md",
    "docs/plan.md",
    "docs/format.md",
    "docs/codes.md",
    "docs/codes.zh.md",
    "docs/reliability.md",
    "examples/zhejiang-2015/README.md",
];

/// `text` without fenced code blocks and inline code, where quotation marks are the records'.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            let mut inline = false;
            for part in line.split('`') {
                if !inline {
                    out.push_str(part);
                }
                inline = !inline;
            }
            out.push('\n');
        }
    }
    out
}

fn without_space(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The quotes of `text`: what lies between “ and the next ”.
fn quotes(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('“') {
        let after = &rest[open + '“'.len_utf8()..];
        let Some(close) = after.find('”') else {
            break;
        };
        out.push(&after[..close]);
        rest = &after[close + '”'.len_utf8()..];
    }
    out
}

#[test]
fn every_quote_of_the_plan_is_verbatim() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan = std::fs::read_to_string(root.join("docs/source/zhejiang-2015-huitoukan-plan.txt"))
        .expect("the plan");
    let plan = without_space(&plan);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for document in DOCUMENTS {
        let text = std::fs::read_to_string(root.join(document)).expect("a document");
        for quote in quotes(&prose(&text)) {
            if quote.chars().filter(|c| is_cjk(*c)).count() < 4 {
                continue;
            }
            checked += 1;
            // Each part between cuts, in order.
            let mut from = 0;
            for part in quote.split('…').filter(|p| !p.is_empty()) {
                let part = without_space(part);
                match plan[from..].find(&part) {
                    Some(at) => from += at + part.len(),
                    None => {
                        wrong.push(format!("{document}: “{quote}”"));
                        break;
                    }
                }
            }
        }
    }
    assert!(checked >= 20, "only {checked} quotes found");
    assert!(
        wrong.is_empty(),
        "not in the plan as quoted:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_plan_in_the_repository_is_the_seed_document() {
    let plan = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/source/zhejiang-2015-huitoukan-plan.txt"),
    )
    .expect("the plan");
    assert!(plan.starts_with("中共浙江省委整改落实办公室文件\n浙整改办发〔2015〕2号\n"));
    assert!(plan.contains("对整改效果不理想、群众不满意的，要限期整改到位"));
    assert!(!plan.contains("群众不满意的不能算完成"));
}
