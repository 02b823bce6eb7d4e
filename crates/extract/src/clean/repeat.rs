//! Paragraphs printed more than once (scrapers repeat teasers and
//! captions), and the headline printed again in the body.
//!
//! Paragraphs are compared by their words (case, punctuation and spacing
//! ignored); the first copy stays, and a later copy goes when it is a
//! scraper's repeat rather than the writer's: printed right after its first
//! copy (a teaser doubled), or a whole prose paragraph printed again. Short
//! lines repeated further apart are the writer's — the rows of a schedule, a
//! recipe or a table ("Eat every 2–3 hours") — and stay, as do lines under
//! four words (live-blog time stamps). A paragraph that merely *contains*
//! another (a standfirst repeated inside a longer paragraph) is not a repeat.

use std::collections::HashMap;

use dateline_core::BoilerplateKind as Kind;

use super::Item;
use super::shape::{same_words, word_key};

/// Fewer words than this and a repeat may be legitimate.
const MIN_WORDS: usize = 4;
/// A paragraph of this many words that ends a sentence is prose: nobody
/// writes the same prose paragraph twice, so a copy anywhere is a scraper's
/// repeat.
const PROSE_WORDS: usize = 12;

/// Whether `text` reads as a prose paragraph rather than a row of a list.
fn is_prose(text: &str, words: usize) -> bool {
    let end = text
        .trim_end()
        .trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'']);
    words >= PROSE_WORDS && end.ends_with(['.', '!', '?'])
}

pub(super) fn mark(items: &mut [Item], title: Option<&str>) {
    let title_key = title
        .filter(|t| super::shape::word_count(t) >= 2)
        .map(word_key);
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    // The nearest paragraph before `i` that is still article text.
    let mut previous: Option<usize> = None;
    for i in 0..items.len() {
        if items[i].kind.is_some() {
            continue;
        }
        let before = previous.replace(i);
        let hash = word_key(&items[i].text);
        if let (Some(title_hash), Some(title)) = (title_key, title)
            && hash == title_hash
            && same_words(&items[i].text, title)
        {
            items[i].kind = Some(Kind::RepeatedTeaser);
            previous = before;
            continue;
        }
        let words = super::shape::word_count(&items[i].text);
        if words < MIN_WORDS {
            continue;
        }
        let earlier = seen.entry(hash).or_default();
        let repeat = earlier.iter().any(|&j| {
            same_words(&items[j].text, &items[i].text)
                && (before == Some(j) || is_prose(&items[j].text, words))
        });
        if repeat {
            items[i].kind = Some(Kind::RepeatedTeaser);
            previous = before;
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
            "The truce  held, residents said",
            "12:30 p.m.",
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
                Some(Kind::RepeatedTeaser),
                None,
                None,
                None
            ]
        );
    }
}
