//! Calendar arithmetic and TIMEX3 value strings: the part of normalisation
//! that knows nothing about words.

use jiff::Span;
use jiff::civil::{Date, Weekday};

use crate::lexicon::{Tense, Unit};

/// Appends `n` as `format!("{n:0width$}")` would: zero-padded to `width`
/// characters, a minus sign counted (`-005`). By hand, because the
/// formatting machinery costs more than the rest of resolving a date.
pub(crate) fn push_int(out: &mut String, n: i64, width: usize) {
    push_number(out, n < 0, n.unsigned_abs(), width);
}

/// [`push_int`] for an unsigned number.
pub(crate) fn push_uint(out: &mut String, n: u64, width: usize) {
    push_number(out, false, n, width);
}

fn push_number(out: &mut String, negative: bool, magnitude: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut rest = magnitude;
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let len = digits.len() - k + usize::from(negative);
    if negative {
        out.push('-');
    }
    for _ in len..width {
        out.push('0');
    }
    out.extend(digits[k..].iter().map(|&d| char::from(d)));
}

/// `2015-11-17`.
pub(crate) fn ymd(d: Date) -> String {
    let mut s = String::with_capacity(10);
    push_int(&mut s, d.year().into(), 4);
    s.push('-');
    push_int(&mut s, d.month().into(), 2);
    s.push('-');
    push_int(&mut s, d.day().into(), 2);
    s
}

/// `2015-11`.
pub(crate) fn ym(y: i16, m: i8) -> String {
    let mut s = String::with_capacity(7);
    push_int(&mut s, y.into(), 4);
    s.push('-');
    push_int(&mut s, m.into(), 2);
    s
}

/// `2015`.
pub(crate) fn year(y: i16) -> String {
    let mut s = String::with_capacity(4);
    push_int(&mut s, y.into(), 4);
    s
}

/// The ISO week holding `d`: `2015-W46`.
pub(crate) fn week(d: Date) -> String {
    let w = d.iso_week_date();
    let mut s = String::with_capacity(8);
    push_int(&mut s, w.year().into(), 4);
    s.push_str("-W");
    push_int(&mut s, w.week().into(), 2);
    s
}

/// `1995-Q1`.
pub(crate) fn quarter(y: i16, q: i8) -> String {
    let mut s = String::with_capacity(7);
    push_int(&mut s, y.into(), 4);
    s.push_str("-Q");
    push_int(&mut s, q.into(), 0);
    s
}

/// Quarter (1–4) of a month.
pub(crate) fn quarter_of(m: i8) -> i8 {
    (m - 1) / 3 + 1
}

/// `d` plus `n` units (negative goes back); `None` past the calendar's range.
pub(crate) fn shift(d: Date, n: i64, unit: Unit) -> Option<Date> {
    // The fallible constructors: counts come from the text and may be absurd.
    let span = match unit {
        Unit::Day => Span::new().try_days(n),
        Unit::Week => Span::new().try_weeks(n),
        Unit::Month => Span::new().try_months(n),
        Unit::Quarter => Span::new().try_months(n.checked_mul(3)?),
        Unit::Year => Span::new().try_years(n),
        Unit::Decade => Span::new().try_years(n.checked_mul(10)?),
        Unit::Century => Span::new().try_years(n.checked_mul(100)?),
        Unit::Millennium => Span::new().try_years(n.checked_mul(1000)?),
        Unit::Hour | Unit::Minute | Unit::Second => return Some(d),
    };
    d.checked_add(span.ok()?).ok()
}

/// The value naming the `unit`-sized period that holds `d`: the day, the
/// ISO week, the month, the quarter, the year, the decade (`199`) or the
/// century (`19`).
pub(crate) fn period(d: Date, unit: Unit) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => ymd(d),
        Unit::Week => week(d),
        Unit::Month => ym(d.year(), d.month()),
        Unit::Quarter => quarter(d.year(), quarter_of(d.month())),
        Unit::Year => year(d.year()),
        Unit::Decade => {
            let mut s = String::with_capacity(3);
            push_int(&mut s, (d.year() / 10).into(), 3);
            s
        }
        Unit::Century | Unit::Millennium => {
            let mut s = String::with_capacity(2);
            push_int(&mut s, (d.year() / 100).into(), 2);
            s
        }
    }
}

/// The underspecified form of [`period`] when there is no anchor date.
pub(crate) fn unknown_period(unit: Unit) -> &'static str {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century | Unit::Millennium => "XX",
    }
}

/// Which occurrence of a weekday, month or date an expression means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    /// The most recent, possibly the reference day itself.
    Past,
    /// The next one, possibly the reference day itself.
    Future,
    /// Strictly before ("last Friday").
    Before,
    /// Strictly after ("next Monday").
    After,
    /// Whichever is nearer.
    Nearest,
}

impl Dir {
    pub(crate) fn from_tense(t: Tense) -> Dir {
        match t {
            Tense::Past => Dir::Past,
            Tense::Future => Dir::Future,
            Tense::Present | Tense::Unknown => Dir::Nearest,
        }
    }
}

/// The weekday (ISO, Monday = 1) relative to `d`.
pub(crate) fn weekday(d: Date, wd: u8, dir: Dir) -> Option<Date> {
    let have = i64::from(d.weekday().to_monday_one_offset());
    let want = i64::from(wd);
    let back = (have - want).rem_euclid(7);
    let fwd = (want - have).rem_euclid(7);
    let delta = match dir {
        Dir::Past => -back,
        Dir::Future => fwd,
        Dir::Before => -(if back == 0 { 7 } else { back }),
        Dir::After => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Dir::Nearest => {
            if back <= fwd {
                -back
            } else {
                fwd
            }
        }
    };
    shift(d, delta, Unit::Day)
}

/// Year of the month `m` relative to `d` (the month of `d` counts as both
/// past and future; `Before`/`After` exclude it).
pub(crate) fn month_year(d: Date, m: i8, dir: Dir) -> i16 {
    let (y, cur) = (d.year(), d.month());
    match dir {
        Dir::Past => {
            if m <= cur {
                y
            } else {
                y - 1
            }
        }
        Dir::Before => {
            if m < cur {
                y
            } else {
                y - 1
            }
        }
        Dir::Future => {
            if m >= cur {
                y
            } else {
                y + 1
            }
        }
        Dir::After => {
            if m > cur {
                y
            } else {
                y + 1
            }
        }
        Dir::Nearest => {
            let diff = i32::from(m) - i32::from(cur);
            if diff > 5 {
                y - 1
            } else if diff < -7 {
                y + 1
            } else {
                y
            }
        }
    }
}

/// Year of month `m`, day `day` relative to `d`; a few days' slack lets a
/// past-tense sentence name a date just after the reference (time zones,
/// late editions) and vice versa.
pub(crate) fn day_year(d: Date, m: i8, day: i8, dir: Dir) -> i16 {
    let y = d.year();
    let Ok(same) = Date::new(y, m, day.min(28)) else {
        return y;
    };
    let days = (same - d).get_days();
    match dir {
        Dir::Past | Dir::Before if days > 7 => {
            if days > 60 {
                y - 1
            } else {
                y
            }
        }
        Dir::Future | Dir::After if days < -7 => {
            if days < -60 {
                y + 1
            } else {
                y
            }
        }
        // News looks back more often than ahead.
        Dir::Nearest if days > 120 => y - 1,
        Dir::Nearest if days < -240 => y + 1,
        _ => y,
    }
}

/// A date from parts, if it exists.
pub(crate) fn date(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// Easter Sunday (Gregorian computus).
pub(crate) fn easter(y: i16) -> Option<Date> {
    let y = i32::from(y);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(i16::try_from(y).ok()?, month as i8, day as i8).ok()
}

/// The `n`th `wd` of a month (`n` = -1 for the last).
pub(crate) fn nth_weekday(y: i16, m: i8, n: i8, wd: Weekday) -> Option<Date> {
    Date::new(y, m, 1).ok()?.nth_weekday_of_month(n, wd).ok()
}

/// An ISO duration: `P4Y`, `PT72H`, `P2Y6M`, `PXW`. `halves` is twice the
/// count (so "2 1/2 years" is 5); `None` is an unspecified count.
pub(crate) fn duration(halves: Option<u64>, unit: Unit) -> String {
    let Some(h) = halves else {
        return if unit.is_clock() {
            format!("PTX{}", unit.letter())
        } else {
            format!("PX{}", unit.letter())
        };
    };
    let (whole, half) = (h / 2, h % 2 == 1);
    // TIMEX3 has units for decades and centuries ("a decade" is P1DE); a
    // half of one ("half a century") is written in years.
    let (whole, half, unit) = match unit {
        Unit::Decade if half => (whole * 10 + 5, false, Unit::Year),
        Unit::Century if half => (whole * 100 + 50, false, Unit::Year),
        Unit::Millennium if half => (whole * 1000 + 500, false, Unit::Year),
        u => (whole, half, u),
    };
    if !half {
        // "P4Y", "PT72H": by far the commonest, so written by hand.
        let mut s = String::with_capacity(8);
        s.push_str(if unit.is_clock() { "PT" } else { "P" });
        push_uint(&mut s, whole, 0);
        s.push_str(unit.letter());
        return s;
    }
    // As the TimeBank and AQUAINT golds write them ("2 1/2 years" P2Y6M,
    // "5 1/2 hours" PT5H30M, "a minute and a half" PT1M30S): the half in
    // the next smaller unit, where it is whole there.
    let (small, letter) = match unit {
        Unit::Year => (6, "M"),
        Unit::Month => (15, "D"),
        Unit::Day => (12, "H"),
        Unit::Hour => (30, "M"),
        Unit::Minute => (30, "S"),
        // No smaller unit holds half a week, quarter or second whole
        // (ISO 8601 does not mix weeks with other units): a decimal, as
        // TIMEX3 allows in the last component ("P1.5W").
        _ => {
            let t = if unit.is_clock() { "PT" } else { "P" };
            return format!("{t}{whole}.5{}", unit.letter());
        }
    };
    let mut s = String::with_capacity(12);
    s.push_str(if unit.is_clock() { "PT" } else { "P" });
    if whole > 0 {
        push_uint(&mut s, whole, 0);
        s.push_str(unit.letter());
    }
    if unit == Unit::Day {
        s.push('T');
    }
    push_uint(&mut s, small, 0);
    s.push_str(letter);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn weekdays_around_a_tuesday() {
        let tue = d(2015, 11, 17);
        assert_eq!(weekday(tue, 2, Dir::Past), Some(tue));
        assert_eq!(weekday(tue, 6, Dir::Past), Some(d(2015, 11, 14)));
        assert_eq!(weekday(tue, 5, Dir::Past), Some(d(2015, 11, 13)));
        assert_eq!(weekday(tue, 2, Dir::Before), Some(d(2015, 11, 10)));
        assert_eq!(weekday(tue, 1, Dir::After), Some(d(2015, 11, 23)));
        assert_eq!(weekday(tue, 4, Dir::Nearest), Some(d(2015, 11, 19)));
    }

    #[test]
    fn iso_weeks_and_periods() {
        assert_eq!(week(d(2015, 11, 10)), "2015-W46");
        assert_eq!(week(d(2016, 1, 1)), "2015-W53");
        assert_eq!(period(d(1995, 3, 1), Unit::Decade), "199");
        assert_eq!(period(d(1995, 3, 1), Unit::Quarter), "1995-Q1");
    }

    #[test]
    fn months_resolve_by_tense() {
        let dct = d(2015, 11, 17);
        assert_eq!(month_year(dct, 12, Dir::Future), 2015);
        assert_eq!(month_year(dct, 12, Dir::Past), 2014);
        assert_eq!(month_year(dct, 1, Dir::Nearest), 2016);
        assert_eq!(month_year(dct, 8, Dir::Nearest), 2015);
        assert_eq!(month_year(dct, 11, Dir::Before), 2014);
    }

    #[test]
    fn numbers_print_as_format_does() {
        for n in (-20_000i64..20_000).chain([i64::MIN, i64::MAX, -1_000_000, 123_456_789]) {
            for width in [0, 2, 3, 4] {
                let mut s = String::new();
                push_int(&mut s, n, width);
                assert_eq!(s, format!("{n:0width$}"));
            }
        }
        let mut s = String::new();
        push_uint(&mut s, u64::MAX, 4);
        assert_eq!(s, u64::MAX.to_string());
        assert_eq!(ymd(d(-5, 1, 2)), format!("{:04}-01-02", -5));
        assert_eq!(
            period(d(-1995, 3, 1), Unit::Decade),
            format!("{:03}", -1995 / 10)
        );
        assert_eq!(quarter(987, 3), "0987-Q3");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Some(8), Unit::Year), "P4Y");
        assert_eq!(duration(Some(144), Unit::Hour), "PT72H");
        assert_eq!(duration(Some(5), Unit::Year), "P2Y6M");
        assert_eq!(duration(Some(11), Unit::Hour), "PT5H30M");
        assert_eq!(duration(None, Unit::Week), "PXW");
        assert_eq!(duration(Some(4), Unit::Decade), "P2DE");
        assert_eq!(duration(Some(2), Unit::Century), "P1CE");
        assert_eq!(duration(Some(3), Unit::Century), "P150Y");
        assert_eq!(duration(Some(3), Unit::Month), "P1M15D");
        assert_eq!(duration(Some(1), Unit::Month), "P15D");
        assert_eq!(duration(Some(1), Unit::Day), "PT12H");
        assert_eq!(duration(Some(5), Unit::Day), "P2DT12H");
        assert_eq!(duration(Some(3), Unit::Week), "P1.5W");
        assert_eq!(duration(Some(3), Unit::Quarter), "P1.5Q");
        assert_eq!(duration(Some(1), Unit::Second), "PT0.5S");
        assert_eq!(duration(Some(3), Unit::Minute), "PT1M30S");
    }

    #[test]
    fn holidays() {
        assert_eq!(easter(2000), Some(d(2000, 4, 23)));
        assert_eq!(easter(2016), Some(d(2016, 3, 27)));
        assert_eq!(
            nth_weekday(1999, 11, 4, Weekday::Thursday),
            Some(d(1999, 11, 25))
        );
    }
}
