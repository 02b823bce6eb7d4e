//! Paragraphs printed more than once (scrapers repeat teasers and
//! captions), and the headline printed again in the body.
//!
//! Paragraphs are compared by their words (case, punctuation and spacing
//! ignored); the first copy stays, later copies go. Short lines (under four
//! words, e.g. "12:30 p.m." time stamps of a live blog) may legitimately
//! repeat and are never touched. A paragraph that merely *contains* another
//! (a standfirst repeated inside a longer paragraph) is not a repeat.

use std::collections::HashMap;

use dateline_core::BoilerplateKind as Kind;

use super::Item;
use super::shape::{same_words, word_key};

/// Fewer words than this and a repeat may be legitimate.
const MIN_WORDS: usize = 4;

pub(super) fn mark(items: &mut [Item], title: Option<&str>) {
    let title_key = title
        .filter(|t| super::shape::word_count(t) >= 2)
        .map(word_key);
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    for i in 0..items.len() {
        if items[i].kind.is_some() {
            continue;
        }
        let hash = word_key(&items[i].text);
        if let (Some(title_hash), Some(title)) = (title_key, title)
            && hash == title_hash
            && same_words(&items[i].text, title)
        {
            items[i].kind = Some(Kind::RepeatedTeaser);
            continue;
        }
        if super::shape::word_count(&items[i].text) < MIN_WORDS {
            continue;
        }
        let earlier = seen.entry(hash).or_default();
        if earlier
            .iter()
            .any(|&j| same_words(&items[j].text, &items[i].text))
        {
            items[i].kind = Some(Kind::RepeatedTeaser);
        } else {
            earlier.push(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_copies_and_title_repeats_go() {
        let mut items: Vec<Item> = [
            "Truce holds in Aleppo",
            "The truce held, residents said.",
            "12:30 p.m.",
            "The truce  held, residents said",
            "12:30 p.m.",
            "The truce held, residents said. More fighting was reported.",
        ]
        .iter()
        .map(|t| Item::new(t.to_string()))
        .collect();
        mark(&mut items, Some("Truce holds in Aleppo"));
        let kinds: Vec<_> = items.iter().map(|i| i.kind).collect();
        assert_eq!(
            kinds,
            [
                Some(Kind::RepeatedTeaser),
                None,
                None,
                Some(Kind::RepeatedTeaser),
                None,
                None
            ]
        );
    }
}
