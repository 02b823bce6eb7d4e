//! Places and time zones: which IANA zone a clock time was given in, and the
//! UTC offset that zone had on that day.
//!
//! The place table (`data/places.tsv`: cities, countries, demonyms) is
//! compiled in; offsets come from jiff's bundled tz database, so a value is
//! the same on every machine whatever its system zoneinfo.

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::civil::{Date, DateTime, Time};

use crate::lexicon::Fnv;
use crate::token::{CAP, Kind, Token};

type Map = HashMap<&'static str, &'static str, std::hash::BuildHasherDefault<Fnv>>;

static PLACES: LazyLock<Map> = LazyLock::new(|| {
    let mut m = Map::default();
    for line in include_str!("data/places.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some((name, zone)) = line.split_once('\t') {
            m.insert(name.trim(), zone.trim());
        }
    }
    m
});

/// Longest place name in the table, in words.
const MAX_WORDS: usize = 3;

/// A place named in the text, with its zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Place {
    /// First token of the name.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// IANA zone name.
    pub zone: &'static str,
}

/// The IANA zone of a place name (any case), if the table knows it.
pub fn zone_of_place(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_ascii_lowercase();
    PLACES.get(lower.as_str()).copied()
}

/// No place name in the table is longer, in bytes (a test checks).
const MAX_NAME: usize = 32;

/// The place whose name starts at token `i`, longest first.
pub(crate) fn place_at(text: &str, toks: &[Token], i: usize) -> Option<Place> {
    let first = toks.get(i)?;
    if first.kind != Kind::Word || !first.has(CAP) {
        return None;
    }
    // The lower-cased name so far, on the stack: this runs for every
    // capitalised word at the start of a paragraph and in the sentence of
    // every clock time.
    let mut buf = [0u8; MAX_NAME];
    let mut len = 0;
    let mut best = None;
    for (j, t) in toks.iter().enumerate().skip(i).take(MAX_WORDS) {
        if t.kind != Kind::Word || (j > i && !t.has(crate::token::SPACE)) {
            break;
        }
        let Some(word) = text.as_bytes().get(t.start as usize..t.end as usize) else {
            break;
        };
        let sep = usize::from(j > i);
        // Longer than any name: so is every name it could grow into.
        if len + sep + word.len() > MAX_NAME {
            break;
        }
        if sep == 1 {
            buf[len] = b' ';
        }
        // Byte-wise lower-casing leaves the bytes of non-ASCII characters
        // alone, as `char::to_ascii_lowercase` does.
        for (d, c) in buf[len + sep..].iter_mut().zip(word) {
            *d = c.to_ascii_lowercase();
        }
        len += sep + word.len();
        if let Ok(name) = std::str::from_utf8(&buf[..len])
            && let Some(zone) = PLACES.get(name)
        {
            best = Some(Place {
                start: i,
                end: j + 1,
                zone,
            });
        }
    }
    best
}

/// The UTC offset in seconds of `zone` at the civil date and time given.
pub(crate) fn offset_seconds(zone: &str, date: Date, hour: i8, minute: i8) -> Option<i32> {
    let tz = jiff::tz::db().get(zone).ok()?;
    let time = Time::new(hour.min(23), minute, 0, 0).ok()?;
    let zdt = tz
        .to_zoned_datetime(DateTime::from_parts(date, time))
        .ok()?;
    Some(zdt.offset().seconds())
}

/// `+03:00` / `-05:00` / `+05:30`.
pub(crate) fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let m = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// The city a zone is named after: `Asia/Damascus` → `Damascus`.
pub(crate) fn zone_city(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn damascus_summer_2016_is_utc_plus_3() {
        let z = zone_of_place("Damascus").expect("in table");
        assert_eq!(offset_seconds(z, date(2016, 7, 6), 1, 0), Some(3 * 3600));
        assert_eq!(format_offset(3 * 3600), "+03:00");
    }

    #[test]
    fn new_york_switches_with_dst() {
        let z = zone_of_place("new york").expect("in table");
        assert_eq!(offset_seconds(z, date(1989, 11, 9), 17, 0), Some(-5 * 3600));
        assert_eq!(offset_seconds(z, date(2000, 4, 6), 4, 0), Some(-4 * 3600));
        assert_eq!(format_offset(-5 * 3600 - 1800), "-05:30");
    }

    #[test]
    fn every_zone_in_the_table_exists() {
        assert!(PLACES.keys().all(|name| name.len() <= MAX_NAME));
        for zone in PLACES.values() {
            assert!(jiff::tz::db().get(zone).is_ok(), "{zone}");
        }
        assert_eq!(zone_city("America/Los_Angeles"), "Los Angeles");
    }
}
