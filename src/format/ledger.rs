//! The 整改事项清单 as a spreadsheet holds it, which `report --format xlsx` writes and `import`
//! reads back: the sheet's name, and the 进展情况 cell, every `[[progress]]` entry of an item in
//! one cell, so that an exported workbook imports back with all of them.
//!
//! The format is one an office reads and types by hand: one entry a line, the date first, a
//! space, then what was done:
//!
//! ```text
//! 2015-01-20 制定整改方案
//! 2015-02-10 已完成制度初稿，提交党组会审议
//! ```
//!
//! On input the date may also be written `2015年2月10日`, `2015/2/10` or `2015.2.10`, and a
//! colon may follow it (`2015年2月10日：已完成初稿`, `2015-02-10: done`). A line that starts with
//! a space (or a tab, or a full-width space) goes on with the entry above it, which is how an
//! entry's text keeps a line break; empty lines are skipped. Any other line must start with a
//! date: a line without one, or with a day the calendar does not have, is an error naming the
//! line. Entries keep their order, so the same cell always gives the same file.

use jiff::civil::Date;

use crate::text::i18n::Msg;
use crate::text::messages::import::ImportMsg;

/// The sheet of a workbook that lists the items, one a row.
pub const SHEET_ITEMS: &str = "整改事项清单";

/// The cell for `entries`, in their order: each `DATE TEXT`, a line break in a text written
/// as a line break and a space.
pub fn write<'a>(entries: impl IntoIterator<Item = (Date, &'a str)>) -> String {
    let mut out = String::new();
    for (on, text) in entries {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("{on} "));
        out.push_str(&text.replace('\n', "\n "));
    }
    out
}

/// The entries of a cell, or the first line that is none, with what is wrong with it.
pub fn parse(cell: &str) -> Result<Vec<(Date, String)>, Msg> {
    let mut entries: Vec<(Date, String)> = Vec::new();
    for (n, line) in cell.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        let mut chars = line.chars();
        if chars.next().is_some_and(continues) {
            let Some((_, text)) = entries.last_mut() else {
                return Err(no_date(n, line));
            };
            text.push('\n');
            text.push_str(chars.as_str());
            continue;
        }
        match dated(line) {
            Some((Ok(on), rest)) => entries.push((on, rest.to_owned())),
            Some((Err(()), _)) => {
                let written: String = line
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || "-/.年月日".contains(*c))
                    .collect();
                return Err(ImportMsg::ImportProgressDay {
                    line: n + 1,
                    text: written,
                }
                .into());
            }
            None => return Err(no_date(n, line)),
        }
    }
    Ok(entries)
}

/// Whether a line starting with `c` goes on with the entry above it.
fn continues(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}'
}

fn no_date(n: usize, line: &str) -> Msg {
    let mut text: String = line.chars().take(40).collect();
    if line.chars().nth(40).is_some() {
        text.push('…');
    }
    ImportMsg::ImportProgressLine {
        line: n + 1,
        text: text.trim().to_owned(),
    }
    .into()
}

/// The date a line starts with (or `Err` where its numbers are no day) and the text after it
/// and its separator; `None` where it does not start with a date.
fn dated(line: &str) -> Option<(Result<Date, ()>, &str)> {
    let (year, rest) = digits(line, 4, 4)?;
    let (month, day, rest) = if let Some(rest) = rest.strip_prefix('年') {
        let (month, rest) = digits(rest, 1, 2)?;
        let rest = rest.strip_prefix('月')?;
        let (day, rest) = digits(rest, 1, 2)?;
        let rest = rest.strip_prefix('日')?;
        (month, day, separated(rest, true)?)
    } else {
        let sep = rest.chars().next().filter(|c| "-/.".contains(*c))?;
        let (month, rest) = digits(&rest[1..], 1, 2)?;
        let rest = rest.strip_prefix(sep)?;
        let (day, rest) = digits(rest, 1, 2)?;
        (month, day, separated(rest, false)?)
    };
    let on = i8::try_from(month)
        .ok()
        .zip(i8::try_from(day).ok())
        .and_then(|(m, d)| Date::new(i16::try_from(year).ok()?, m, d).ok())
        .ok_or(());
    Some((on, rest))
}

/// `min` to `max` ASCII digits at the start of `text`, as a number, and what follows.
fn digits(text: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let len = text.bytes().take_while(u8::is_ascii_digit).count();
    if len < min || len > max {
        return None;
    }
    Some((text[..len].parse().ok()?, &text[len..]))
}

/// The text after a date: past a colon and at most one space, or past one space; with
/// `closed` (the date ends in 日) the text may follow the date directly.
fn separated(rest: &str, closed: bool) -> Option<&str> {
    if let Some(after) = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':')) {
        return Some(after.strip_prefix(' ').unwrap_or(after));
    }
    if let Some(after) = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('\t')) {
        return Some(after);
    }
    (rest.is_empty() || closed).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::{parse, write};
    use crate::text::i18n::Msg;
    use crate::text::messages::import::ImportMsg;
    use jiff::civil::date;

    #[test]
    fn entries_come_back_as_they_were_written() {
        let entries = [
            (date(2015, 1, 20), "制定整改方案"),
            (
                date(2015, 2, 10),
                "会议：通过\n2015-03-01 不是新的一条\n\n  缩进",
            ),
            (date(2015, 2, 10), " 以空格开头"),
            (date(2015, 3, 1), ""),
        ];
        let cell = write(entries);
        assert_eq!(
            cell,
            "2015-01-20 制定整改方案\n2015-02-10 会议：通过\n 2015-03-01 不是新的一条\n \n   缩进\n\
             2015-02-10  以空格开头\n2015-03-01 "
        );
        let back = parse(&cell).expect("it parses");
        let back: Vec<_> = back.iter().map(|(d, t)| (*d, t.as_str())).collect();
        assert_eq!(back, entries);
    }

    #[test]
    fn an_office_may_write_dates_its_own_way() {
        let cell =
            "2015年2月10日：已完成初稿\r\n\n2015/3/2 开会\n2015.3.5: done\n2015年3月8日已验收";
        let back = parse(cell).expect("it parses");
        assert_eq!(
            back,
            [
                (date(2015, 2, 10), "已完成初稿".to_owned()),
                (date(2015, 3, 2), "开会".to_owned()),
                (date(2015, 3, 5), "done".to_owned()),
                (date(2015, 3, 8), "已验收".to_owned()),
            ]
        );
    }

    #[test]
    fn a_line_without_a_date_or_with_no_such_day_is_named() {
        assert_eq!(
            parse("2015-02-10 初稿\n已经提交党组会"),
            Err(Msg::Import(ImportMsg::ImportProgressLine {
                line: 2,
                text: "已经提交党组会".to_owned()
            }))
        );
        assert_eq!(
            parse(" 续行在前"),
            Err(Msg::Import(ImportMsg::ImportProgressLine {
                line: 1,
                text: "续行在前".to_owned()
            }))
        );
        assert_eq!(
            parse("2015-02-10 初稿\n2015年2月30日 提交"),
            Err(Msg::Import(ImportMsg::ImportProgressDay {
                line: 2,
                text: "2015年2月30日".to_owned()
            }))
        );
        assert_eq!(
            parse("2015-02-101 x"),
            Err(Msg::Import(ImportMsg::ImportProgressLine {
                line: 1,
                text: "2015-02-101 x".to_owned()
            }))
        );
        assert_eq!(
            parse("1900-02-29 x").map(|_| ()),
            Err(Msg::Import(ImportMsg::ImportProgressDay {
                line: 1,
                text: "1900-02-29".to_owned()
            }))
        );
    }
}
