//! Bylines and credit lines: "By Jane Doe and John Roe, Reuters", wire
//! trailers ("(Reporting by X; Editing by Y)", "Additional reporting by…",
//! "Writing by…", "Compiled by…"), "X in Washington contributed to this
//! report.", and a reporter's bio at the very end ("Jane Doe is a
//! Beirut-based correspondent for The Post.").
//!
//! Names are judged by shape (capitalised words, initials, particles), so a
//! sentence that happens to start with "By" or "Reporting by" ("By Tuesday,
//! the truce had collapsed.", "Reporting by the BBC suggested…") stays.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::lexicon::{automaton, prefix};
use super::shape::word_count;

/// Words that introduce the author in a byline, per language.
#[rustfmt::skip]
const BY: &[&str] = &[
    "By", "BY", "Por", "POR", "Par", "PAR", "Von", "VON", "Di", "Door", "Oleh", "Av",
];

/// Lowercase words allowed between the names of a byline.
#[rustfmt::skip]
const NAME_JOINERS: &[&str] = &[
    "and", "&", "und", "et", "y", "e", "và", "dan", "и", "de", "van", "von", "der", "den", "al",
    "el", "bin", "ibn", "abu", "da", "du", "la", "le", "dos", "das", "di", "ben",
];

/// Words that start a non-name phrase after "By" ("By Tuesday", "By Then").
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "The", "Then", "Now", "Contrast", "Comparison", "Law", "Noon",
    "Midnight", "Morning", "Evening", "Night", "Far", "All", "Most", "Some", "This", "That",
    "These", "Those", "Late", "Early", "Mid",
];

/// Roles that open a wire credit trailer.
#[rustfmt::skip]
static CREDIT_ROLE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "reporting by", "additional reporting by", "addtional reporting by", "writing by",
        "editing by", "compiled by", "compiling by", "reported by", "written by", "edited by",
        "research by", "translated by", "translation by", "produced by", "graphics by", "video by",
        "photos by", "interviews by", "fact-checking by", "reportaje de", "información de",
        "reportagem de", "reportage de", "rédigé par", "édité par", "mit material von",
        "berichterstattung von",
    ])
});

/// Lowercase words that credit trailers contain besides names.
#[rustfmt::skip]
const CREDIT_WORDS: &[&str] = &[
    "and", "in", "of", "on", "the", "at", "from", "with", "for", "by", "reporting", "writing",
    "editing", "additional", "compiled", "compiling", "reported", "written", "edited", "research",
    "translated", "translation", "produced", "graphics", "video", "photos", "interviews",
    "outskirts", "near", "aboard", "and", "de", "al", "el", "bin", "van", "von",
];

#[rustfmt::skip]
static CONTRIBUTED: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "contributed to this report", "contributed to this story", "contributed to this article",
        "contributed reporting", "contributed to the report", "contributed to this",
        "a contribué à cet article", "contribuyó a este", "colaboró en este",
        "hat zu diesem bericht beigetragen", "hanno contribuito", "ha contribuito",
        "contribuiu para esta",
    ])
});

static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3} (?:is|was) (?:a|an|the) [^.]{0,60}\b(?:correspondent|reporter|writer|editor|columnist|journalist|bureau chief|contributor|producer|photographer|freelance)",
    )
    .expect("valid regex")
});

/// The longest wire credit trailer taken (a long list of contributors).
pub(super) const MAX_TRAILER_WORDS: usize = 120;

/// Whether `p` is a byline, a credit trailer or a contributor line.
pub(super) fn classify(p: &str) -> bool {
    let words = word_count(p);
    words <= MAX_TRAILER_WORDS
        && (is_byline(p, words) || is_credit_trailer(p, words) || is_contributor_line(p, words))
}

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By J. Doe | Updated 10:00".
fn is_byline(p: &str, words: usize) -> bool {
    if words > 20 {
        return false;
    }
    let Some((by, rest)) = p.split_once(char::is_whitespace) else {
        return false;
    };
    if !BY.contains(&by.trim_end_matches(':')) {
        return false;
    }
    let rest = rest.trim().trim_end_matches('.');
    // Names first; after a comma, pipe or dash: agency, role, date.
    let head_end = rest.find([',', '|', '–', '—']).unwrap_or(rest.len());
    let (names, tail) = rest.split_at(head_end);
    let tokens: Vec<&str> = names.split_whitespace().collect();
    let Some(first) = tokens.first() else {
        return false;
    };
    if NOT_NAMES.contains(&first.trim_matches(|c: char| !c.is_alphanumeric())) {
        return false;
    }
    let mut names_seen = 0;
    for token in &tokens {
        if is_name_token(token) {
            names_seen += 1;
        } else if !NAME_JOINERS.contains(&token.to_lowercase().as_str()) {
            return false;
        }
    }
    if names_seen == 0 || names_seen > 10 || !is_name_token(first) {
        return false;
    }
    // Each part of the tail: a few capitalised words or a date/time.
    tail.split([',', '|', '–', '—'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .all(|part| {
            word_count(part) <= 6
                && part
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// "Jane", "O'Neill", "al-Assad", "J.", "McGurk", "DAVISON".
fn is_name_token(token: &str) -> bool {
    let t = token.trim_end_matches([',', ';']);
    let mut chars = t.chars();
    chars.next().is_some_and(char::is_uppercase)
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// "(Reporting by X in Beirut; Editing by Y)", "Writing by X, editing by Y".
fn is_credit_trailer(p: &str, words: usize) -> bool {
    let inner = match p.strip_prefix('(') {
        Some(rest) => match rest.trim_end_matches('.').strip_suffix(')') {
            Some(inner) => inner,
            None => return false,
        },
        None => p,
    };
    if prefix(&CREDIT_ROLE, inner).is_none() {
        return false;
    }
    if inner.len() < p.len() {
        // Parenthesised: the shape alone is enough.
        return true;
    }
    // Bare: mostly names, so prose such as "Reporting by the BBC suggested
    // that…" does not count.
    let stray = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| !CREDIT_WORDS.contains(w))
        .count();
    stray <= 1 && stray * 10 <= words
}

/// "Jane Doe in Moscow contributed to this report."
fn is_contributor_line(p: &str, words: usize) -> bool {
    if words > 60 {
        return false;
    }
    let tail_start = p.len().saturating_sub(60);
    let tail_start = (tail_start..p.len())
        .find(|&i| p.is_char_boundary(i))
        .unwrap_or(p.len());
    super::lexicon::contains_word(&CONTRIBUTED, &p[tail_start..])
}

/// A reporter's bio: "Jane Doe is a Beirut-based correspondent for The Post."
pub(super) fn is_bio(p: &str) -> bool {
    word_count(p) <= 80 && BIO.is_match(p)
}

/// Where a wire credit trailer glued to the end of a paragraph starts:
/// "…he said. (Reporting by X; Editing by Y)".
pub(super) fn trailer_start(p: &str) -> Option<usize> {
    let p = p.trim_end();
    if !p.ends_with(')') {
        return None;
    }
    let open = p.rfind(" (")? + 1;
    if open <= 1 || !super::shape::ends_sentence(&p[..open]) {
        return None;
    }
    let trailer = &p[open..];
    is_credit_trailer(trailer, word_count(trailer)).then_some(open)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        for p in [
            "By Jane Doe",
            "By Jane Doe and John Roe, Reuters",
            "BY JANE DOE",
            "By J. Doe | Updated 10:00 GMT",
            "By Bassem Mroue and Zeina Karam, Associated Press",
            "Por María López",
            "Par Jean Dupont, AFP",
            "(Reporting by John Davison and Lisa Barrington in Beirut; additional reporting by Kinda Makieh on the outskirts of Madaya; Editing by Hugh Lawson and Giles Elgood)",
            "(Editing by Ralph Boulton)",
            "(Reporting By John Irish, editing by Larry King)",
            "Reporting by Jane Doe; Editing by John Roe",
            "Additional reporting by Jane Doe in Geneva",
            "Writing by Jane Doe",
            "Compiled by Jane Doe",
            "Brian Murphy in Washington contributed to this report.",
            "Associated Press writers Jane Doe in Moscow and John Roe in Geneva contributed to this report.",
        ] {
            assert!(classify(p), "{p}");
        }
    }

    #[test]
    fn prose_starting_like_a_byline_stays() {
        for p in [
            "By Tuesday, the truce had collapsed.",
            "By then, most residents had fled the town.",
            "By 2016, the war had killed 250,000 people.",
            "By Jane Doe's account, the convoy never arrived.",
            "Reporting by the BBC suggested that the deal had collapsed within hours.",
            "Writing by hand, the prisoners smuggled out letters describing the siege.",
            "He said many people contributed to this report's findings in ways that matter, and that the government should read it before deciding anything about aid.",
        ] {
            assert!(!classify(p), "{p}");
        }
    }

    #[test]
    fn bios_and_trailers() {
        assert!(is_bio(
            "Jane Doe is a Beirut-based correspondent for The Post. She previously covered Iraq."
        ));
        assert!(!is_bio(
            "Kerry is a former senator who ran for president in 2004."
        ));
        let p = "The talks will resume, he said. (Reporting by Jane Doe; Editing by John Roe)";
        assert_eq!(trailer_start(p), Some(32));
        assert_eq!(
            trailer_start("The talks (in Geneva) will resume (soon)"),
            None
        );
    }
}
