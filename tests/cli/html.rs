//! `report --format html` (SPEC §12): one file, nothing external, every record text escaped;
//! snapshots of the example and of a hostile tree. `browser.rs` prints it in Chromium.

use crate::harness::{AS_OF, ITEM, Tree, UNIT, edit};

pub fn example() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/zhejiang-2015")
}

/// `report EXAMPLE --as-of 2015-03-10 --format html ARGS`, run outside the tree.
pub fn example_html(args: &[&str]) -> String {
    let tree = Tree::empty();
    let path = example();
    let mut all = vec![
        "report",
        path.to_str().expect("a UTF-8 path"),
        "--as-of",
        AS_OF,
        "--format",
        "html",
    ];
    all.extend_from_slice(args);
    let out = tree.run(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

/// What a self-contained page never holds: a script, a fetch of anything, an event handler.
/// Every `<` of the page opens one of its own tags (a `<` in a text is `&lt;`), so the tags are
/// read off the page and checked one by one.
pub fn assert_self_contained(html: &str) {
    const TAGS: &[&str] = &[
        "!DOCTYPE",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "br",
        "h2",
        "h3",
        "p",
        "span",
        "section",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "figure",
        "figcaption",
        "svg",
        "text",
        "rect",
        "line",
        "polyline",
        "circle",
    ];
    for tag in html.split('<').skip(1) {
        let tag = &tag[..tag.find('>').expect("a tag closes")];
        let name = tag
            .trim_start_matches('/')
            .split([' ', '\n'])
            .next()
            .unwrap_or("");
        assert!(TAGS.contains(&name), "<{tag}>");
        for attribute in tag.split(' ').skip(1) {
            let key = attribute
                .split('=')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            assert!(
                !key.starts_with("on")
                    && !["src", "href", "xlink:href", "style", "action"].contains(&key.as_str()),
                "<{tag}>"
            );
        }
    }
    let style = html
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .expect("a style sheet");
    assert!(
        !style.contains("url(") && !style.contains("@import"),
        "{style}"
    );
    assert_eq!(html.matches("<style>").count(), 1);
    // The one URL is the SVG namespace, a name that is never fetched.
    let urls = html.matches("http:").count() + html.matches("https:").count();
    let namespaces = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
    assert_eq!(urls, namespaces, "a URL other than the SVG namespace");
    assert!(
        html.contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-"
        ),
        "no CSP"
    );
}

#[test]
fn example_html_is_one_small_file_with_nothing_external() {
    let html = example_html(&[]);
    assert!(html.len() < 200 * 1024, "{} bytes", html.len());
    assert_self_contained(&html);
    // The 情况报告 paragraph comes first, in the office's words, with the example's figures.
    let summary = html.find("<p class=\"summary\">").expect("the summary");
    assert!(summary < html.find("<figure>").expect("charts"));
    assert!(html.contains(
        "<p class=\"summary\">截至2015年3月10日，全省共有报送单位5个（2个市、3个省直单位），梳理整改问题56个，已完成21个（占37.5%），\
         基本完成16个，未完成14个，效果不理想5个；其中逾期未完成2个。报送单位均已按时报送自查报告。</p>"
    ));
    // Every section of the Markdown report, in its order, the 通报 lists included.
    let mut at = summary;
    for section in [
        "一、总体情况",
        "二、分地区（系统）情况",
        "三、对照六个方面情况",
        "四、专项整治情况",
        "五、逾期未完成事项",
        "六、效果不理想事项（限期整改）",
        "七、上下联动事项（按牵头单位）",
        "八、通报",
        "建议约谈提醒的单位",
        "建议通报表扬的单位",
    ] {
        let found = html[at..]
            .find(section)
            .unwrap_or_else(|| panic!("{section} after byte {at}"));
        at += found;
    }
    // Charts are sized by their viewBox alone.
    assert_eq!(html.matches("<svg ").count(), 3);
    for svg in html.split("<svg ").skip(1) {
        let open = &svg[..svg.find('>').expect("an open tag")];
        assert!(open.contains("viewBox=\"0 0 800 "), "{open}");
        assert!(
            !open.contains("width=") && !open.contains("height="),
            "{open}"
        );
    }
    // Overdue by age: the example's two overdue items are 23 and 5 days overdue.
    assert!(html.contains(">2</text>"), "the 1–30 column counts 2");
    // Print: A4 portrait, headers repeated, rows kept whole.
    for rule in [
        "@page { size: A4 portrait;",
        "thead { display: table-header-group; }",
        "tr, td, th { break-inside: avoid; page-break-inside: avoid; }",
    ] {
        assert!(html.contains(rule), "{rule}");
    }
    insta::assert_snapshot!("example_html", html);
}

#[test]
fn public_html_names_no_one_and_says_nothing_of_what_it_withholds() {
    // 省直机关工委's report proposes 省财政厅 (效果不理想, 不满意) for a reminder talk.
    let org = ["--org", "省直/省直机关工委"];
    let internal = example_html(&org);
    let public = example_html(&[&org[..], &["--public"]].concat());
    assert!(
        internal.contains("孙某某"),
        "the 主要负责同志 of a unit proposed for a reminder talk"
    );
    assert!(internal.contains("建议约谈提醒的单位"));
    assert!(!public.contains("建议约谈提醒的单位"), "no 通报 in public");
    assert!(!public.contains("某某"), "a name in the public version");
    for word in ["涉密", "不宜公开", "未列入", "withh"] {
        assert!(!public.contains(word), "`{word}` in the public version");
    }
    assert!(public.contains("公示版本。"));
}

#[test]
fn english_html_keeps_iso_dates() {
    let html = example_html(&["--lang", "en", "--org", "省直"]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("As of 2015-03-10, 省直 has 3 reporting units; its units list 29 items"));
    assert!(!html.contains("年3月"));
}

/// A tree built to break a page: markup and quotes in every kind of text, titles thousands of
/// characters long, and 500 children.
fn hostile_tree() -> Tree {
    let campaign = "[campaign]\n\
                    name = \"<script>alert('回头看')</script>\"\n\
                    document = \"浙整改办发〔2015〕2号 </p><h1>\\\"假标题\\\"</h1>\"\n\
                    deadline = 2015-02-28\n\
                    region = \"<b>浙江省</b>\"\n";
    let mut tree = Tree::new().file("huitoukan.toml", campaign);
    let long = "文山会海问题有所反弹，".repeat(300);
    for i in 0..500 {
        let folder = format!("地区{i:03}");
        let name = format!("第{i}个\\\"单位\\\" <img src=x onerror=alert({i})> & '单引号'");
        let unit = edit(
            UNIT,
            "name = \"中共浙江省财政厅党组\"",
            &format!("name = \"{name}\"\nprincipal = \"张某某</td></tr><tr><td>\""),
        );
        tree = tree.unit(&folder, &unit);
        if i < 3 {
            let title = match i {
                0 => "<script>alert(document.cookie)</script>".to_owned(),
                1 => format!("{long}</td></tr></tbody></table><p onclick=\\\"x()\\\">"),
                _ => "\\\"双引号\\\" '单引号' &amp; &lt; <style>body{display:none}</style>"
                    .to_owned(),
            };
            let item = edit(ITEM, "\"文山会海问题有所反弹\"", &format!("\"{title}\""));
            let item = edit(&item, "deadline = 2015-06-30", "deadline = 2014-11-01");
            tree = tree.item(&folder, "事项", &item);
        }
    }
    tree
}

#[test]
fn hostile_html_shows_every_text_as_text() {
    let tree = hostile_tree();
    let out = tree.run(&["report", "--format", "html", "--as-of", AS_OF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = out.stdout;
    assert_self_contained(&html);
    assert!(html.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;"));
    assert!(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/tbody&gt;&lt;/table&gt;"));
    let at = html.find("第0个").unwrap_or(0);
    assert!(
        html.contains(
            "第0个&quot;单位&quot; &lt;img src=x onerror=alert(0)&gt; &amp; &#39;单引号&#39;"
        ),
        "{}",
        &html[at..(at + 300).min(html.len())]
    );
    assert!(html.contains("&lt;style&gt;body{display:none}&lt;/style&gt;"));
    assert_eq!(html.matches("<style>").count(), 1);
    assert_eq!(
        html.matches("<table>").count(),
        html.matches("</table>").count()
    );
    assert_eq!(html.matches("<tr").count(), html.matches("</tr>").count());
    // 500 children, with the 合计 row, in the table and the chart.
    let children = html
        .split("二、分地区（系统）情况")
        .nth(1)
        .and_then(|s| s.split("</table>").next())
        .expect("the children's table");
    assert_eq!(children.matches("<tr").count(), 1 + 500 + 1);
    insta::assert_snapshot!("hostile_html", html);
}
