//! The days a TIMEX3 date value covers, for date filters and date order.
//!
//! `2016` covers the whole year, `2016-02` the month, `2016-W08` the ISO
//! week, `2016-02-27T00:00+02:00` the one day; quarters, halves, seasons,
//! decades (`201`) and centuries (`20`) too. Days are stored as `yyyymmdd`
//! integers so that both backends compare and index them the same way
//! (string collations differ between databases; integers do not).
//!
//! It does not resolve underspecified values (`XXXX-07-06`), durations
//! (`P3D`) or references (`PRESENT_REF`): those cover no known days.

use jiff::civil::{Date, ISOWeekDate, Weekday};

/// Inclusive first and last day of a period, each as `yyyymmdd`.
pub(crate) type DayRange = (i64, i64);

/// The days `value` covers, or `None` when it names no calendar period.
pub(crate) fn day_range(value: &str) -> Option<DayRange> {
    let date_part = value.split('T').next().unwrap_or(value);
    let mut parts = date_part.split('-');
    let head = parts.next()?;
    let second = parts.next();
    let third = parts.next();
    if parts.next().is_some() || !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: i16 = head.parse().ok()?;
    let (first_year, last_year) = match head.len() {
        4 => (number, number),
        3 => (number * 10, number * 10 + 9),
        2 => (number * 100, number * 100 + 99),
        _ => return None,
    };
    let Some(second) = second else {
        return range(
            Date::new(first_year, 1, 1).ok()?,
            Date::new(last_year, 12, 31).ok()?,
        );
    };
    if head.len() != 4 {
        return None;
    }
    let year = number;
    if let Some(week) = second
        .strip_prefix('W')
        .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        let week: i8 = week.parse().ok()?;
        let (first, last) = match third {
            None => (Weekday::Monday, Weekday::Sunday),
            Some("WE") => (Weekday::Saturday, Weekday::Sunday),
            Some(_) => return None,
        };
        return range(
            ISOWeekDate::new(year, week, first).ok()?.date(),
            ISOWeekDate::new(year, week, last).ok()?.date(),
        );
    }
    let months = match second {
        "Q1" => (1, 3),
        "Q2" => (4, 6),
        "Q3" => (7, 9),
        "Q4" => (10, 12),
        "H1" => (1, 6),
        "H2" => (7, 12),
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        // Winter runs into the next year; the year is the one it starts in.
        "WI" => {
            return range(
                Date::new(year, 12, 1).ok()?,
                Date::new(year.checked_add(1)?, 2, 1).ok()?.last_of_month(),
            );
        }
        _ if second.len() == 2 => {
            let month: i8 = second.parse().ok()?;
            (month, month)
        }
        _ => return None,
    };
    if let Some(day) = third {
        if months.0 != months.1 || day.len() != 2 {
            return None;
        }
        let date = Date::new(year, months.0, day.parse().ok()?).ok()?;
        return range(date, date);
    }
    range(
        Date::new(year, months.0, 1).ok()?,
        Date::new(year, months.1, 1).ok()?.last_of_month(),
    )
}

fn range(first: Date, last: Date) -> Option<DayRange> {
    Some((day_number(first), day_number(last)))
}

/// `date` as a `yyyymmdd` integer.
pub(crate) fn day_number(date: Date) -> i64 {
    i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_precision_covers_its_days() {
        assert_eq!(day_range("2016-02-27"), Some((20160227, 20160227)));
        assert_eq!(
            day_range("2016-07-06T01:00+03:00"),
            Some((20160706, 20160706))
        );
        assert_eq!(day_range("2016-02"), Some((20160201, 20160229)));
        assert_eq!(day_range("2015-02"), Some((20150201, 20150228)));
        assert_eq!(day_range("2016"), Some((20160101, 20161231)));
        // ISO week 8 of 2016 runs Monday 22 to Sunday 28 February.
        assert_eq!(day_range("2016-W08"), Some((20160222, 20160228)));
        assert_eq!(day_range("2016-W08-WE"), Some((20160227, 20160228)));
        // Week 53 of 2015 ends in January 2016.
        assert_eq!(day_range("2015-W53"), Some((20151228, 20160103)));
        assert_eq!(day_range("2016-Q1"), Some((20160101, 20160331)));
        assert_eq!(day_range("2016-H2"), Some((20160701, 20161231)));
        assert_eq!(day_range("2016-SU"), Some((20160601, 20160831)));
        assert_eq!(day_range("2015-WI"), Some((20151201, 20160229)));
        assert_eq!(day_range("201"), Some((20100101, 20191231)));
        assert_eq!(day_range("20"), Some((20000101, 20991231)));
    }

    #[test]
    fn values_without_calendar_days_cover_none() {
        for value in [
            "XXXX-07-06",
            "PRESENT_REF",
            "P3D",
            "2016-13",
            "2016-02-30",
            "2016-W54",
            "2016-02-27-01",
            "",
            "-2016",
            "2016-XX",
        ] {
            assert_eq!(day_range(value), None, "{value}");
        }
    }
}
