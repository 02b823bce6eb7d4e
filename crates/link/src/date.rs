//! TIMEX3 date values as calendar intervals: `2016-02-27`, `2016-02-27T00:00+02:00`,
//! `2016-W08`, `2016-02`, `2016` become the days they cover and their precision.
//!
//! It does not resolve underspecified values (`XXXX-07-06`, `PRESENT_REF`):
//! those have no interval, and callers decide what to do without one.

use dateline_core::DatePrecision;
use jiff::civil::{Date, ISOWeekDate, Weekday, date};

/// The days a TIMEX3 value covers, inclusive, and how precisely it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateSpan {
    /// First day.
    pub start: Date,
    /// Last day (inclusive).
    pub end: Date,
    /// How precisely the value is known.
    pub precision: DatePrecision,
}

impl DateSpan {
    /// A single day.
    pub(crate) fn day(d: Date) -> DateSpan {
        DateSpan {
            start: d,
            end: d,
            precision: DatePrecision::Day,
        }
    }

    /// Whether this value is a finer statement of `other`: more precise and
    /// within it (a day in its month, a time in its day).
    pub(crate) fn refines(&self, other: &DateSpan) -> bool {
        self.precision > other.precision && self.start >= other.start && self.end <= other.end
    }

    /// Whether the two intervals share a day.
    pub(crate) fn overlaps(&self, other: &DateSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Days between the two intervals (0 when they overlap).
    pub(crate) fn gap_days(&self, other: &DateSpan) -> i64 {
        if self.overlaps(other) {
            return 0;
        }
        let (a, b) = if self.end < other.start {
            (self.end, other.start)
        } else {
            (other.end, self.start)
        };
        days_between(a, b)
    }
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub(crate) fn days_between(a: Date, b: Date) -> i64 {
    a.until(b)
        .ok()
        .map_or(i64::MAX, |span| i64::from(span.get_days()))
}

/// The interval of a TIMEX3 value; `None` for underspecified or non-date values.
pub(crate) fn parse(value: &str) -> Option<DateSpan> {
    let value = value.trim();
    let year: i16 = value.get(..4)?.parse().ok()?;
    if !(1..=9999).contains(&year) {
        return None;
    }
    let rest = &value[4..];
    if rest.is_empty() {
        return Some(DateSpan {
            start: date(year, 1, 1),
            end: date(year, 12, 31),
            precision: DatePrecision::Year,
        });
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(week) = rest.strip_prefix('W') {
        let week: i8 = week.get(..2)?.parse().ok()?;
        let monday = ISOWeekDate::new(year, week, Weekday::Monday).ok()?.date();
        let sunday = ISOWeekDate::new(year, week, Weekday::Sunday).ok()?.date();
        return Some(DateSpan {
            start: monday,
            end: sunday,
            precision: DatePrecision::Week,
        });
    }
    let month: i8 = rest.get(..2)?.parse().ok()?;
    let first = Date::new(year, month, 1).ok()?;
    let rest = &rest[2..];
    if rest.is_empty() {
        return Some(DateSpan {
            start: first,
            end: first.last_of_month(),
            precision: DatePrecision::Month,
        });
    }
    let rest = rest.strip_prefix('-')?;
    let day: i8 = rest.get(..2)?.parse().ok()?;
    let mut d = Date::new(year, month, day).ok()?;
    let precision = if rest[2..].starts_with('T')
        && rest
            .get(3..4)
            .is_some_and(|c| c.chars().all(|c| c.is_ascii_digit()))
    {
        // ISO 8601's 24:00 ("midnight Friday") is the start of the next day.
        if rest[3..].starts_with("24:00") {
            d = d.tomorrow().ok()?;
        }
        DatePrecision::Time
    } else {
        DatePrecision::Day
    };
    Some(DateSpan {
        start: d,
        end: d,
        precision,
    })
}

/// A TIMEX3 value with a clock time and an offset as an instant, when it is one.
pub(crate) fn instant(value: &str) -> Option<jiff::Timestamp> {
    value.trim().parse().ok()
}

/// Whether two TIMEX3 clock times can be one reading: equal, or equal once
/// the offset is dropped from the one of them that has it ("T24:00" names no
/// zone, so it does not contradict "T24:00+02:00"; "+02:00" and "+03:00" do).
pub(crate) fn same_clock_reading(a: &str, b: &str) -> bool {
    let (a_clock, a_offset) = split_offset(a);
    let (b_clock, b_offset) = split_offset(b);
    a_clock == b_clock && (a_offset.is_none() || b_offset.is_none() || a_offset == b_offset)
}

/// Whether `zoned` reads the clock time `bare` reads, with the UTC offset
/// `bare` lacks ("T24:00+02:00" for "T24:00").
pub(crate) fn adds_offset(zoned: &str, bare: &str) -> bool {
    let (zoned_clock, offset) = split_offset(zoned);
    let (bare_clock, none) = split_offset(bare);
    offset.is_some() && none.is_none() && zoned_clock == bare_clock
}

/// A TIMEX3 value's date and clock, and its UTC offset ("Z", "+02:00") if any.
fn split_offset(value: &str) -> (&str, Option<&str>) {
    let value = value.trim();
    let Some(t) = value.find('T') else {
        return (value, None);
    };
    match value[t..].find(['Z', '+', '-']) {
        Some(at) => (&value[..t + at], Some(&value[t + at..])),
        None => (value, None),
    }
}

/// A date as a reader wants it, at its precision: `27 Feb 2016`, `Feb 2016`,
/// `week of 22 Feb 2016`, `2016`, or the clock time with its zone.
pub(crate) fn display(value: &str, span: &DateSpan) -> String {
    match span.precision {
        DatePrecision::Year => span.start.strftime("%Y").to_string(),
        DatePrecision::Month => span.start.strftime("%b %Y").to_string(),
        DatePrecision::Week => format!("week of {}", span.start.strftime("%-d %b %Y")),
        DatePrecision::Day => span.start.strftime("%-d %b %Y").to_string(),
        DatePrecision::Time => {
            let clock = value.split_once('T').map_or("", |(_, t)| t);
            // `parse` moved 24:00 to the next day: the clock says 00:00 there.
            let clock = match clock.strip_prefix("24:") {
                Some(rest) => format!("00:{rest}"),
                None => clock.to_owned(),
            };
            format!("{} {clock}", span.start.strftime("%-d %b %Y"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        let d = parse("2016-02-27").expect("day");
        assert_eq!(
            (d.start, d.end, d.precision),
            (date(2016, 2, 27), date(2016, 2, 27), DatePrecision::Day)
        );
        let t = parse("2016-02-27T00:00+02:00").expect("time");
        assert_eq!(
            (t.start, t.precision),
            (date(2016, 2, 27), DatePrecision::Time)
        );
        let w = parse("2016-W08").expect("week");
        assert_eq!(
            (w.start, w.end, w.precision),
            (date(2016, 2, 22), date(2016, 2, 28), DatePrecision::Week)
        );
        let m = parse("2016-02").expect("month");
        assert_eq!((m.start, m.end), (date(2016, 2, 1), date(2016, 2, 29)));
        let y = parse("2016").expect("year");
        assert_eq!(
            (y.end, y.precision),
            (date(2016, 12, 31), DatePrecision::Year)
        );
        // Parts of the day keep day precision.
        assert_eq!(
            parse("2016-02-27TNI").expect("night").precision,
            DatePrecision::Day
        );
    }

    #[test]
    fn underspecified_and_garbage_have_no_interval() {
        for v in [
            "XXXX-07-06",
            "PRESENT_REF",
            "",
            "2016-13",
            "2016-02-30",
            "P3D",
            "20",
        ] {
            assert_eq!(parse(v), None, "{v}");
        }
    }

    #[test]
    fn overlap_and_gaps() {
        let day = parse("2016-02-27").expect("day");
        let week = parse("2016-W08").expect("week");
        let march = parse("2016-03").expect("month");
        assert!(day.overlaps(&week));
        assert!(day.refines(&week) && !week.refines(&day));
        assert!(!day.refines(&march) && !day.refines(&day));
        assert_eq!(day.gap_days(&march), 3);
        assert_eq!(march.gap_days(&day), 3);
    }

    #[test]
    fn same_instant_in_two_zones() {
        let a = instant("2016-02-27T00:00+02:00").expect("instant");
        let b = instant("2016-02-26T22:00Z").expect("instant");
        assert_eq!(a, b);
        assert_eq!(instant("2016-02-27"), None);
    }

    #[test]
    fn a_clock_time_without_a_zone_is_compatible_with_one_that_has_it() {
        assert!(same_clock_reading(
            "2016-02-27T24:00",
            "2016-02-27T24:00+03:00"
        ));
        assert!(same_clock_reading("2016-07-06T01:00Z", "2016-07-06T01:00"));
        assert!(!same_clock_reading(
            "2016-02-27T24:00+02:00",
            "2016-02-27T24:00+03:00"
        ));
        assert!(!same_clock_reading(
            "2016-02-27T23:00",
            "2016-02-27T24:00+03:00"
        ));
        assert!(!same_clock_reading(
            "2016-02-27T22:00-05:00",
            "2016-02-27T22:00Z"
        ));
    }

    #[test]
    fn an_offset_added_to_a_bare_clock_time() {
        assert!(adds_offset("2016-02-27T24:00+02:00", "2016-02-27T24:00"));
        assert!(adds_offset("2016-02-27T22:00Z", "2016-02-27T22:00"));
        assert!(!adds_offset("2016-02-27T24:00", "2016-02-27T24:00+02:00"));
        assert!(!adds_offset(
            "2016-02-27T24:00+02:00",
            "2016-02-27T24:00+03:00"
        ));
        assert!(!adds_offset("2016-02-27T23:00+02:00", "2016-02-27T24:00"));
    }

    #[test]
    fn midnight_written_as_24_00_is_the_next_day() {
        let end_of_friday = parse("2016-02-26T24:00+02:00").expect("time");
        let saturday = parse("2016-02-27").expect("day");
        assert_eq!(end_of_friday.start, saturday.start);
        assert!(end_of_friday.overlaps(&saturday));
        assert_eq!(
            display("2016-02-26T24:00+02:00", &end_of_friday),
            "27 Feb 2016 00:00+02:00"
        );
    }

    #[test]
    fn display_keeps_precision() {
        let show = |v: &str| display(v, &parse(v).expect("date"));
        assert_eq!(show("2016-02-27"), "27 Feb 2016");
        assert_eq!(show("2016-02"), "Feb 2016");
        assert_eq!(show("2016-W08"), "week of 22 Feb 2016");
        assert_eq!(show("2016-02-27T00:00+02:00"), "27 Feb 2016 00:00+02:00");
    }
}
