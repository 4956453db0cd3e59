//! Dates as a record writes them: a day of the calendar, or what keeps the written date from
//! being one (E027), worked out from the year, month and day written, never from the words of
//! the parser or of the date library.

use jiff::civil::Date;

use crate::text::messages::fields::DateFault;

/// The latest year a record may write: TOML writes a year in four digits.
const LAST_YEAR: u16 = 9999;

/// The day `year`-`month`-`day`, or why there is no such day.
pub fn calendar_date(year: u16, month: u8, day: u8) -> Result<Date, DateFault> {
    if year > LAST_YEAR {
        return Err(DateFault::Year { year });
    }
    if !(1..=12).contains(&month) {
        return Err(DateFault::Month { month });
    }
    let days = days_in_month(year, month);
    if !(1..=days).contains(&day) {
        return Err(DateFault::Day {
            year,
            month,
            day,
            days,
        });
    }
    // Every year 0–9999 is in the date library's range: what is checked above is all it checks.
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(year), i8::try_from(month), i8::try_from(day))
    else {
        return Err(DateFault::Year { year });
    };
    Date::new(y, m, d).map_err(|_| DateFault::Year { year })
}

/// Why `literal`, a TOML date or date-time the parser refused (`2015-02-30`,
/// `2015-06-30T25:00`), is no day: the date first, then what follows it.
pub fn literal_fault(literal: &str) -> DateFault {
    let bytes = literal.as_bytes();
    let number = |at: std::ops::Range<usize>| -> Option<u16> {
        let digits = bytes.get(at)?;
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, b| n * 10 + u16::from(b - b'0')))
    };
    let written = (
        number(0..4),
        bytes.get(4),
        number(5..7),
        bytes.get(7),
        number(8..10),
    );
    let (Some(year), Some(b'-'), Some(month), Some(b'-'), Some(day)) = written else {
        return DateFault::Form;
    };
    // Two digits each: below 100.
    let (month, day) = (
        u8::try_from(month).unwrap_or(u8::MAX),
        u8::try_from(day).unwrap_or(u8::MAX),
    );
    match calendar_date(year, month, day) {
        Err(fault) => fault,
        // The date is a day: what follows it, a time or an offset, is not.
        Ok(_) if matches!(bytes.get(10), Some(b'T' | b't' | b' ')) => DateFault::Time,
        Ok(_) => DateFault::Form,
    }
}

/// How many days `month` (1–12) of `year` has, by the Gregorian calendar.
fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::{calendar_date, literal_fault};
    use crate::text::i18n::{Lang, Msg};
    use crate::text::messages::fields::{DateFault, FieldMsg};

    #[test]
    fn a_written_date_says_what_keeps_it_off_the_calendar() {
        let day = |year, month, day, days| DateFault::Day {
            year,
            month,
            day,
            days,
        };
        for (literal, fault) in [
            ("2015-02-29", day(2015, 2, 29, 28)),
            ("2016-02-30", day(2016, 2, 30, 29)),
            ("1900-02-29", day(1900, 2, 29, 28)),
            ("2015-04-31", day(2015, 4, 31, 30)),
            ("2015-01-00", day(2015, 1, 0, 31)),
            ("2015-13-01", DateFault::Month { month: 13 }),
            ("2015-00-10", DateFault::Month { month: 0 }),
            ("2015-1-5", DateFault::Form),
            ("2015-06-31T10:00:00", day(2015, 6, 31, 30)),
            ("2015-06-30T25:00", DateFault::Time),
            ("2015-06-30 10:00:00+25:00", DateFault::Time),
        ] {
            assert_eq!(literal_fault(literal), fault, "{literal}");
        }
        assert_eq!(
            calendar_date(2000, 2, 29).map(|d| d.to_string()),
            Ok("2000-02-29".to_owned())
        );
        assert_eq!(
            calendar_date(0, 1, 1).map(|d| d.to_string()),
            Ok("0000-01-01".to_owned())
        );
        assert_eq!(
            calendar_date(10000, 1, 1),
            Err(DateFault::Year { year: 10000 })
        );
    }

    #[test]
    fn a_year_past_9999_is_said_in_both_languages() {
        let said = |lang| {
            Msg::from(FieldMsg::InvalidDate {
                fault: DateFault::Year { year: 10000 },
            })
            .text(lang)
        };
        assert_eq!(said(Lang::Zh), "不是有效的日期：年份10000超出0～9999的范围");
        assert_eq!(
            said(Lang::En),
            "not a valid calendar date: the year 10000 is outside 0 to 9999"
        );
    }
}
