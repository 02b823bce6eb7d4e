//! Lenient parsing of the publication dates pages carry in metadata and
//! scraper headers: ISO 8601 (with or without time and offset), RFC 2822,
//! "February 21, 2016", "21 Feb 2016", "2016/02/21", "20160221".
//!
//! Only whole calendar dates are returned; times are dropped. Anything that
//! does not name a real day (February 30, year 99999) gives `None`.

use jiff::civil::Date;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Parses a date written the ways page metadata writes them.
///
/// ```
/// use dateline_extract::parse_loose_date;
/// let d = jiff::civil::date(2016, 2, 21);
/// assert_eq!(parse_loose_date("2016-02-21T13:07:10+00:00"), Some(d));
/// assert_eq!(parse_loose_date("2016-02-21 13:07:10"), Some(d));
/// assert_eq!(parse_loose_date("Sun, 21 Feb 2016 13:07:10 GMT"), Some(d));
/// assert_eq!(parse_loose_date("February 21, 2016"), Some(d));
/// assert_eq!(parse_loose_date("Feb. 30, 2016"), None);
/// ```
pub fn parse_loose_date(input: &str) -> Option<Date> {
    let s = input.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    iso_like(s).or_else(|| worded(s))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or `YYYYMMDD` at the start.
fn iso_like(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<i32> {
        let part = s.get(range)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let year = digits(0..4)?;
    let (month, day, end) = match b.get(4) {
        Some(b'-' | b'/' | b'.') => {
            let month = digits(5..7)?;
            if b.get(7) != b.get(4) {
                return None;
            }
            (month, digits(8..10)?, 10)
        }
        Some(c) if c.is_ascii_digit() => (digits(4..6)?, digits(6..8)?, 8),
        _ => return None,
    };
    if b.get(end).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    make(year, month, day)
}

/// Dates with a month name, in either order, with optional weekday.
fn worded(s: &str) -> Option<Date> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.' || c == '-' || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let month_at = words.iter().position(|w| month_number(w).is_some())?;
    let month = month_number(words[month_at])?;
    let number = |w: &str| -> Option<i32> {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if w.is_empty() || w.len() > 4 || !w.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        w.parse().ok()
    };
    let after = words.get(month_at + 1).and_then(|w| number(w));
    let before = month_at.checked_sub(1).and_then(|i| number(words[i]));
    let (day, year) = match (before, after) {
        // "21 Feb 2016"
        (Some(day), Some(year)) if day <= 31 && year > 31 => (day, year),
        // "Feb 21, 2016"
        (_, Some(day)) if day <= 31 => (day, words.get(month_at + 2).and_then(|w| number(w))?),
        _ => return None,
    };
    make(year, month, day)
}

fn month_number(word: &str) -> Option<i32> {
    let lower = word.to_ascii_lowercase();
    // "Mar", "March", "Sept" name a month; "Ma" is too short and "Marching" is not one.
    if lower.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|month| month.starts_with(&lower))?;
    Some(index as i32 + 1)
}

fn make(year: i32, month: i32, day: i32) -> Option<Date> {
    if !(1000..=9999).contains(&year) {
        return None;
    }
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn iso_forms() {
        assert_eq!(parse_loose_date("2016-07-06"), Some(date(2016, 7, 6)));
        assert_eq!(parse_loose_date("2016/07/06 10:00"), Some(date(2016, 7, 6)));
        assert_eq!(parse_loose_date("20160706"), Some(date(2016, 7, 6)));
        assert_eq!(parse_loose_date("2016-13-06"), None);
        assert_eq!(parse_loose_date("2016-07-061"), None);
        assert_eq!(parse_loose_date("2016-07/06"), None);
    }

    #[test]
    fn worded_forms() {
        assert_eq!(parse_loose_date("6 July 2016"), Some(date(2016, 7, 6)));
        assert_eq!(
            parse_loose_date("Wednesday, July 6th, 2016"),
            Some(date(2016, 7, 6))
        );
        assert_eq!(parse_loose_date("Sept. 3, 2015"), Some(date(2015, 9, 3)));
        assert_eq!(
            parse_loose_date("Tue, 17 Nov 2015 10:00:00 +0000"),
            Some(date(2015, 11, 17))
        );
        assert_eq!(parse_loose_date("Marching on 3 2015"), None);
        assert_eq!(parse_loose_date("February 30, 2016"), None);
        assert_eq!(parse_loose_date("July 6, 99999"), None);
        assert_eq!(parse_loose_date(""), None);
    }
}
