//! Contradiction checks: the same instant given two ways that disagree,
//! as in "from 1 a.m. on July 6 (2200 GMT July 6)" when 1 a.m. in
//! Damascus is 22:00 GMT on July 5.

use dateline_core::{Span, Timex, TimexType};
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;
use serde::Serialize;

use crate::Reference;
use crate::grammar::Grammar;
use crate::lexicon::{Lex, W};
use crate::token::{self, Token};
use crate::zone;

/// Two temporal expressions in one text that cannot both be right.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimeIssue {
    /// The expression converted through a place's time zone (or the first one).
    pub first: Span,
    /// The expression it contradicts.
    pub second: Span,
    /// What disagrees, in words: "start time given as 22:00 GMT July 6 but
    /// 01:00 July 6 in Damascus is 22:00 GMT July 5".
    pub reason: String,
}

/// A clock time with its date and offset, read back from a TIMEX3 value.
#[derive(Clone, Copy, Debug)]
struct Instant {
    civil: DateTime,
    offset: Offset,
}

impl Instant {
    fn parse(value: &str) -> Option<Instant> {
        // YYYY-MM-DDTHH:MM±HH:MM
        let (date, rest) = value.split_once('T')?;
        if rest.len() < 11 {
            return None;
        }
        let y: i16 = date.get(0..4)?.parse().ok()?;
        let m: i8 = date.get(5..7)?.parse().ok()?;
        let d: i8 = date.get(8..10)?.parse().ok()?;
        let hh: i8 = rest.get(0..2)?.parse().ok()?;
        let mm: i8 = rest.get(3..5)?.parse().ok()?;
        let sign = match rest.get(5..6)? {
            "+" => 1,
            "-" => -1,
            _ => return None,
        };
        let oh: i32 = rest.get(6..8)?.parse().ok()?;
        let om: i32 = rest.get(9..11)?.parse().ok()?;
        let offset = Offset::from_seconds(sign * (oh * 3600 + om * 60)).ok()?;
        let date = Date::new(y, m, d).ok()?;
        // Midnight is written T24:00, the end of its day.
        let civil = if hh == 24 {
            DateTime::from_parts(date.tomorrow().ok()?, Time::midnight())
        } else {
            DateTime::from_parts(date, Time::new(hh, mm, 0, 0).ok()?)
        };
        Some(Instant { civil, offset })
    }

    fn utc_seconds(self) -> Option<i64> {
        Some(self.offset.to_timestamp(self.civil).ok()?.as_second())
    }

    /// This instant's wall-clock reading at another offset.
    fn at(self, offset: Offset) -> Option<DateTime> {
        let ts = self.offset.to_timestamp(self.civil).ok()?;
        Some(offset.to_datetime(ts))
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_day(dt: DateTime) -> String {
    let m = MONTHS.get(dt.month() as usize - 1).copied().unwrap_or("?");
    format!("{m} {}", dt.day())
}

fn hhmm(dt: DateTime) -> String {
    format!("{:02}:{:02}", dt.hour(), dt.minute())
}

/// Looks for pairs of clock times given side by side ("1 a.m. (2200 GMT)")
/// that name different instants once both are converted to UTC.
///
/// `timexes` are those [`find_timexes`](crate::find_timexes) returned for
/// `text`; `reference` must be the one they were found with.
pub fn check_contradictions(
    text: &str,
    timexes: &[Timex],
    reference: &Reference,
) -> Vec<TimeIssue> {
    let mut issues = Vec::new();
    let times: Vec<(&Timex, Instant)> = timexes
        .iter()
        .filter(|t| t.kind == TimexType::Time)
        .filter_map(|t| Instant::parse(&t.value).map(|i| (t, i)))
        .collect();
    if times.len() < 2 {
        return issues;
    }
    let chars = CharIndex::new(text);
    let toks = token::tokenize(text);
    let grammar = Grammar::new(text, &toks, reference.published);
    for pair in times.windows(2) {
        let [(a, ia), (b, ib)] = pair else { continue };
        let gap = chars.slice(text, a.end, b.start);
        if !side_by_side(gap) {
            continue;
        }
        let (Some(ua), Some(ub)) = (ia.utc_seconds(), ib.utc_seconds()) else {
            continue;
        };
        // A time given without its day ("(2100 GMT)") took the publication
        // date: only its clock reading can disagree.
        let both_dated = names_day(&a.text) && names_day(&b.text);
        let agree = if both_dated {
            ua == ub
        } else {
            (ua - ub).rem_euclid(86_400) == 0
        };
        if agree {
            continue;
        }
        // Say which one came through a place: it is the one to explain.
        let za = explicit_zone(text, &toks, &chars, a);
        let zb = explicit_zone(text, &toks, &chars, b);
        let (placed, pi, given, gi, given_zone) = match (za, zb) {
            (None, Some(z)) => (a, ia, b, ib, z),
            (Some(z), None) => (b, ib, a, ia, z),
            (Some(_), Some(z)) => (a, ia, b, ib, z),
            (None, None) => continue,
        };
        let place = token_range(&toks, &chars, placed)
            .and_then(|(s, e)| grammar.place_zone(s, e))
            .map(zone::zone_city);
        let role = role_before(text, &chars, a.start.min(b.start));
        let (Some(converted), given_civil) = (pi.at(gi.offset), gi.civil) else {
            continue;
        };
        let place_part = place.map(|p| format!(" in {p}")).unwrap_or_default();
        // An undated time carries the publication date: do not print it.
        let given_day = if names_day(&given.text) {
            format!(" {}", month_day(given_civil))
        } else {
            String::new()
        };
        let reason = format!(
            "{role} given as {} {given_zone}{given_day} but {} {}{place_part} is {} {given_zone} {}",
            hhmm(given_civil),
            hhmm(pi.civil),
            month_day(pi.civil),
            hhmm(converted),
            month_day(converted),
        );
        issues.push(TimeIssue {
            first: Span {
                start: placed.start,
                end: placed.end,
            },
            second: Span {
                start: given.start,
                end: given.end,
            },
            reason,
        });
    }
    issues
}

/// Only brackets, commas, slashes, dashes, "or", or the place the first
/// time is in ("in Damascus") between two expressions.
fn side_by_side(gap: &str) -> bool {
    let rest: String = gap
        .chars()
        .map(|c| {
            if matches!(c, '(' | ')' | '[' | ']' | ',' | '/' | '-' | '–' | '—' | ';') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let rest = rest.trim_start_matches("or ").trim_start_matches("i.e. ");
    if rest.is_empty() || rest.eq_ignore_ascii_case("or") || rest.eq_ignore_ascii_case("i.e.") {
        return true;
    }
    rest.strip_prefix("in ")
        .is_some_and(|place| zone::zone_of_place(place).is_some())
}

/// Does a time expression name its day ("July 6", "Thursday", "today")?
fn names_day(text: &str) -> bool {
    token::tokenize(text).iter().any(|t| {
        matches!(
            t.lex,
            Lex::Month(..)
                | Lex::Weekday(..)
                | Lex::W(W::Today | W::Yesterday | W::Tomorrow | W::Tonight)
        )
    })
}

/// The zone abbreviation written inside a time expression ("GMT").
fn explicit_zone(text: &str, toks: &[Token], chars: &CharIndex, t: &Timex) -> Option<String> {
    let (s, e) = token_range(toks, chars, t)?;
    toks[s..e]
        .iter()
        .find(|k| matches!(k.lex, Lex::Zone(_)))
        .map(|k| text[k.start as usize..k.end as usize].to_string())
}

/// "start time" after "from"/"starting", "end time" after "until"/"to".
fn role_before(text: &str, chars: &CharIndex, start: usize) -> &'static str {
    let before = chars
        .slice(text, start.saturating_sub(40), start)
        .to_ascii_lowercase();
    let mut words = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let last = words.next().unwrap_or("");
    let verb = if matches!(last, "at" | "on") {
        words.next().unwrap_or("")
    } else {
        last
    };
    let starts = [
        "from",
        "starting",
        "beginning",
        "since",
        "effective",
        "began",
        "begins",
        "start",
        "starts",
        "started",
        "effect",
    ];
    let ends = [
        "until", "till", "to", "through", "ending", "by", "ended", "ends", "expire", "expires",
        "expired",
    ];
    if starts.contains(&verb) {
        "start time"
    } else if ends.contains(&verb) {
        "end time"
    } else {
        "time"
    }
}

/// Token indices `[s, e)` covering a timex's character span.
fn token_range(toks: &[Token], chars: &CharIndex, t: &Timex) -> Option<(usize, usize)> {
    let bs = chars.byte(t.start)? as u32;
    let be = chars.byte(t.end)? as u32;
    let s = toks.partition_point(|k| k.start < bs);
    let e = toks.partition_point(|k| k.end <= be);
    (s < e).then_some((s, e))
}

/// Character offset → byte offset, for texts with multi-byte characters.
struct CharIndex {
    /// Byte offset of every character, plus the text length.
    bytes: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }

    fn byte(&self, char_offset: usize) -> Option<usize> {
        self.bytes.get(char_offset).copied()
    }

    fn slice<'t>(&self, text: &'t str, a: usize, b: usize) -> &'t str {
        match (self.byte(a), self.byte(b)) {
            (Some(x), Some(y)) if x <= y => &text[x..y],
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_read_back() {
        let a = Instant::parse("2016-07-06T01:00+03:00").expect("parses");
        let b = Instant::parse("2016-07-05T22:00+00:00").expect("parses");
        assert_eq!(a.utc_seconds(), b.utc_seconds());
        let m = Instant::parse("1989-10-27T24:00-04:00").expect("parses");
        assert_eq!(m.civil.day(), 28);
        assert!(Instant::parse("2016-07-06").is_none());
        assert!(Instant::parse("XXXX-XX-XXT01:00").is_none());
    }

    #[test]
    fn gaps() {
        assert!(side_by_side(" ("));
        assert!(side_by_side(", or "));
        assert!(!side_by_side(" and then at "));
        assert!(side_by_side(" in Damascus ("));
        assert!(!side_by_side(" in the evening ("));
    }
}
