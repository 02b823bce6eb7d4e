//! Temporal expressions in English news: recognition and TIMEX3
//! normalisation against the publication date.
//!
//! [`find_timexes`] finds dates ("July 6", "last week", "mid-December"),
//! times ("1 a.m. on July 6", "2200 GMT"), durations ("72-hour", "over four
//! years") and sets ("daily", "every week") and gives each its TimeML
//! TIMEX3 type, value, mod and anchor. Relative expressions resolve against
//! [`Reference::published`] and the tense of their sentence, the way
//! HeidelTime does; without a publication date they stay underspecified
//! (`XXXX-07-06`) and are never guessed. Clock times take the offset of
//! their zone: an explicit one ("EST"), or the place they happened in
//! ("in Damascus", a dateline, a country named in the sentence), looked up
//! in the bundled tz database. [`check_contradictions`] then reports the
//! same instant given two ways that disagree.
//!
//! Offsets are **character** offsets into the text, as everywhere in
//! dateline.
//!
//! ```
//! use dateline_core::TimexType;
//! use dateline_time::{Reference, check_contradictions, find_timexes};
//! use jiff::civil::date;
//!
//! let text = "The army declared a 72-hour truce from 1 a.m. on July 6 in Damascus \
//!             (2200 GMT July 6).";
//! let reference = Reference::published(date(2016, 7, 6));
//! let found = find_timexes(text, &reference);
//! let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
//! assert_eq!(values, ["PT72H", "2016-07-06T01:00+03:00", "2016-07-06T22:00+00:00"]);
//! assert_eq!(found[1].text, "1 a.m. on July 6");
//! assert_eq!(found[0].kind, TimexType::Duration);
//!
//! let issues = check_contradictions(text, &found, &reference);
//! assert_eq!(
//!     issues[0].reason,
//!     "start time given as 22:00 GMT July 6 but 01:00 July 6 in Damascus is 22:00 GMT July 5"
//! );
//! ```
#![warn(missing_docs)]

mod check;
mod grammar;
mod lexicon;
mod resolve;
mod token;
mod zone;

use std::cell::RefCell;

use dateline_core::{Timex, TimexAnchor};
use jiff::civil::Date;

pub use self::check::{TimeIssue, check_contradictions};
pub use self::zone::zone_of_place;

/// What relative expressions resolve against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reference {
    /// The document creation time (publication date). `None` leaves
    /// relative values underspecified: "July 6" is `XXXX-07-06`.
    pub published: Option<Date>,
}

impl Reference {
    /// A reference with a known publication date.
    pub fn published(date: Date) -> Reference {
        Reference {
            published: Some(date),
        }
    }

    /// No publication date: relative expressions stay unresolved.
    pub fn unknown() -> Reference {
        Reference { published: None }
    }
}

/// Finds the temporal expressions in `text`, sorted and non-overlapping,
/// with character offsets, each normalised to a TIMEX3 value.
pub fn find_timexes(text: &str, reference: &Reference) -> Vec<Timex> {
    TOKENS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut toks) => {
            token::tokenize_into(text, &mut toks);
            let found = timexes(text, &toks, reference);
            // Keep a buffer for ordinary texts, not for the odd huge one.
            if toks.capacity() > KEEP_TOKENS {
                *toks = Vec::new();
            }
            found
        }
        Err(_) => timexes(text, &token::tokenize(text), reference),
    })
}

/// Token buffers larger than this (about 6 MB) are not kept between calls.
const KEEP_TOKENS: usize = 1 << 18;

thread_local! {
    /// The token buffer of the last call on this thread, reused: a fresh
    /// one (tens of kilobytes) for every document cost a few percent.
    static TOKENS: RefCell<Vec<token::Token>> = const { RefCell::new(Vec::new()) };
}

fn timexes(text: &str, toks: &[token::Token], reference: &Reference) -> Vec<Timex> {
    let found = grammar::Grammar::new(text, toks, reference.published).run();
    let mut out = Vec::with_capacity(found.len());
    // Spans come sorted, so one forward walk turns bytes into characters.
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut to_char = |b: usize| {
        chars += text.get(byte..b).map_or(0, |s| s.chars().count());
        byte = b;
        chars
    };
    for f in found {
        let (Some(first), Some(last)) = (toks.get(f.start), toks.get(f.end.saturating_sub(1)))
        else {
            continue;
        };
        let (bs, be) = (first.start as usize, last.end as usize);
        if bs >= be {
            continue;
        }
        let start = to_char(bs);
        let end = to_char(be);
        let anchor = if reference.published.is_none() && f.anchor != TimexAnchor::Absolute {
            TimexAnchor::Unresolved
        } else {
            f.anchor
        };
        out.push(Timex {
            start,
            end,
            text: text[bs..be].to_string(),
            kind: f.kind,
            value: f.value,
            r#mod: f.modifier.map(str::to_string),
            anchor,
        });
    }
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod testutil;
