//! `huitoukan check`: E023–E028 and the names of files: files and the tree.

use super::*;

#[test]
fn e023_gbk_bytes_say_gbk_and_how_to_convert() {
    // `title = "整改"` saved as GBK.
    let tree = valid().bytes(ITEM_PATH, b"title = \"\xd5\xfb\xb8\xc4\"\n");
    assert_eq!(
        check_json(&tree),
        [found("E023", ITEM_PATH, 1, 1, "文件不是 UTF-8 编码")]
    );
    let help = helps(&tree).remove(0).expect("a help line");
    assert!(help.contains("GBK"), "{help}");
    assert!(help.contains("iconv -f GB18030 -t UTF-8"), "{help}");
}

#[test]
fn e023_utf16() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(ITEM.encode_utf16().flat_map(u16::to_le_bytes));
    let tree = valid().bytes(ITEM_PATH, &bytes);
    assert_eq!(
        check_json(&tree),
        [found("E023", ITEM_PATH, 1, 1, "文件不是 UTF-8 编码")]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "看起来是 UTF-16 编码；用记事本或 WPS “另存为” UTF-8".to_owned()
        )]
    );
}

#[test]
fn e023_neither_gbk_nor_utf16() {
    let tree = valid().bytes(ITEM_PATH, b"title = \"\xff\xff\"\n");
    assert_eq!(helps(&tree), [Some("用 UTF-8 编码保存此文件".to_owned())]);
}

#[test]
fn utf8_byte_order_mark_is_accepted() {
    let tree = valid().file(
        ITEM_PATH,
        &format!("\u{feff}{}", edit(ITEM, "area = 2", "area = 7")),
    );
    assert_eq!(
        check_json(&tree),
        [found(
            "E008",
            ITEM_PATH,
            2,
            8,
            "内容方面 `area = 7` 不在方案中；可选：1 | 2 | 3 | 4 | 5 | 6"
        )]
    );
}

/// The item padded with a comment to `size` bytes.
fn item_of_size(size: usize) -> String {
    let padding = size - ITEM.len() - 1;
    format!("{ITEM}{}\n", "#".repeat(padding))
}

#[test]
fn e024_file_just_over_one_mib() {
    let tree = with_item(&item_of_size(1024 * 1024 + 1));
    assert_eq!(
        check_json(&tree),
        [found(
            "E024",
            ITEM_PATH,
            1,
            1,
            "文件大小1048577字节，超过1 MiB的上限"
        )]
    );
}

#[test]
fn e024_not_at_exactly_one_mib() {
    let tree = with_item(&item_of_size(1024 * 1024));
    assert_eq!(check_json(&tree), []);
}

#[cfg(unix)]
#[test]
fn e025_file_that_cannot_be_read() {
    let tree = valid().mode(ITEM_PATH, 0o000);
    if std::fs::File::open(tree.join(ITEM_PATH)).is_ok() {
        // Running as root: permissions do not stop a read, so there is nothing to see.
        eprintln!("e025_file_that_cannot_be_read: skipped, the file is readable anyway");
        return;
    }
    let found_all = diagnostics(&tree, &[]);
    assert_eq!(
        found_all
            .iter()
            .map(|d| (d.code.as_str(), d.file.as_str(), d.line, d.column))
            .collect::<Vec<_>>(),
        [("E025", ITEM_PATH, 1, 1)]
    );
    assert!(
        found_all[0].message.starts_with("无法读取文件："),
        "{}",
        found_all[0].message
    );
    assert!(
        found_all[0].message.contains("denied"),
        "{}",
        found_all[0].message
    );
}

#[test]
fn e026_schema_file_missing() {
    let tree = valid().file("huitoukan.toml", &audit_campaign());
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "huitoukan.toml",
            4,
            10,
            "方案文件 \"areas.toml\" 不存在"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "方案无效时，不检查各文件的内容方面、检查要点和自查说明".to_owned()
        )]
    );
}

#[test]
fn e026_schema_with_a_duplicate_point() {
    let schema = edit(AUDIT_SCHEMA, "id = \"A.2\"", "id = \"A.1\"");
    let tree = Tree::new()
        .file("huitoukan.toml", &audit_campaign())
        .file("areas.toml", &schema)
        .unit(ORG, AUDIT_UNIT);
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "areas.toml",
            21,
            6,
            "方案中 \"A.1\" 重复定义"
        )]
    );
}

#[test]
fn e026_schema_with_an_unknown_key() {
    let schema = edit(AUDIT_SCHEMA, "area = 1\ntext", "areas = 1\ntext");
    let tree = Tree::new()
        .file("huitoukan.toml", &audit_campaign())
        .file("areas.toml", &schema);
    assert_eq!(
        check_json(&tree),
        [found("E026", "areas.toml", 16, 1, "未知的键 `point.areas`")]
    );
    assert_eq!(helps(&tree), [Some("是否想写 `area`？".to_owned())]);
}

#[test]
fn e026_schema_with_a_syntax_error() {
    let tree = Tree::new()
        .file("huitoukan.toml", &audit_campaign())
        .file("areas.toml", &format!("{AUDIT_SCHEMA}[[point]\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "areas.toml",
            25,
            9,
            "TOML 语法错误：unclosed array table, expected `]`"
        )]
    );
}

#[test]
fn e026_schema_outside_the_root() {
    let campaign = format!("{CAMPAIGN}schema = \"../x.toml\"\n");
    let tree = valid().file("huitoukan.toml", &campaign);
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "huitoukan.toml",
            4,
            10,
            "方案文件 \"../x.toml\" 不在根目录内"
        )]
    );
}

#[test]
fn e026_schema_with_a_point_of_no_area() {
    let schema = edit(AUDIT_SCHEMA, "area = 2\ntext", "area = 3\ntext");
    let tree = Tree::new()
        .file("huitoukan.toml", &audit_campaign())
        .file("areas.toml", &schema);
    assert_eq!(
        check_json(&tree),
        [found(
            "E026",
            "areas.toml",
            22,
            8,
            "内容方面 `area = 3` 不在方案中；可选：1 | 2"
        )]
    );
}

/// E027: a date not on the calendar says why, worked out from the date as written, in the
/// user's language (each reason, in Chinese and in English); a date with a time says so.
#[test]
fn e027_date_not_on_the_calendar() {
    let cases = [
        (
            "2015-02-30",
            "不是有效的日期：2015年2月只有28天，没有30日",
            "not a valid calendar date: February 2015 has 28 days, no day 30",
        ),
        (
            "2016-02-30",
            "不是有效的日期：2016年2月只有29天，没有30日",
            "not a valid calendar date: February 2016 has 29 days, no day 30",
        ),
        (
            "2015-04-00",
            "不是有效的日期：2015年4月只有30天，没有0日",
            "not a valid calendar date: April 2015 has 30 days, no day 0",
        ),
        (
            "2015-13-01",
            "不是有效的日期：没有13月（月份为1～12）",
            "not a valid calendar date: there is no month 13 (months are 1 to 12)",
        ),
        (
            "2015-6-30",
            "不是有效的日期：日期应写作年-月-日，年四位，月、日各两位（如2015-03-01）",
            "not a valid calendar date: a date is written year-month-day, with a four-digit year \
             and a two-digit month and day (like 2015-03-01)",
        ),
        (
            "2015-06-30T25:00:00",
            "不是有效的日期：日期后的时间或时区不存在；只写日期即可",
            "not a valid calendar date: the time or offset after the date does not exist; write \
             the date alone",
        ),
        (
            "2015-06-30T09:00:00",
            "`deadline` 只需日期，不要写时间或时区",
            "`deadline` takes a date alone, without a time or offset",
        ),
    ];
    for (date, zh, en) in cases {
        let tree = with_item(&edit(
            ITEM,
            "deadline = 2015-06-30",
            &format!("deadline = {date}"),
        ));
        for (lang, message) in [("zh", zh), ("en", en)] {
            assert_eq!(
                check_json_with(&tree, &["--lang", lang]),
                [found("E027", ITEM_PATH, 7, 12, message)],
                "{date}"
            );
        }
    }
}

#[test]
fn e028_unit_at_the_root() {
    let tree = valid().file("unit.toml", UNIT);
    assert_eq!(
        check_json(&tree),
        [found(
            "E028",
            "unit.toml",
            1,
            1,
            "根目录中不能有 unit.toml：单位放在子文件夹中"
        )]
    );
}
