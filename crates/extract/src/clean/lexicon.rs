//! Compiling phrase lists once into Aho-Corasick automata and matching them
//! on word boundaries.
//!
//! Phrases are written lowercase; each is also compiled Capitalised and in
//! UPPER CASE so non-ASCII scripts (Vietnamese, Russian, Turkish…) match at a
//! sentence start too, and ASCII letters match in any case. It knows nothing
//! about which phrases mean what: the lists live with their users.

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

/// An automaton over `phrases` and their case variants.
pub(super) fn automaton(phrases: &[&str]) -> AhoCorasick {
    let mut patterns: Vec<String> = Vec::with_capacity(phrases.len() * 3);
    for phrase in phrases {
        let lower = phrase.to_lowercase();
        let mut chars = lower.chars();
        let capitalised: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        let upper = lower.to_uppercase();
        for p in [lower, capitalised, upper] {
            if !patterns.contains(&p) {
                patterns.push(p);
            }
        }
    }
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .build(&patterns)
        .expect("phrase lists compile")
}

/// Whether `c` continues a word (so a match next to it is inside a word).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first match of `ac` in `text` that starts and ends on word boundaries,
/// as a byte range.
pub(super) fn find_word(ac: &AhoCorasick, text: &str) -> Option<std::ops::Range<usize>> {
    ac.find_iter(text)
        .map(|m| m.range())
        .find(|r| on_boundaries(text, r.start, r.end))
}

/// Whether `ac` matches anywhere in `text` on word boundaries.
pub(super) fn contains_word(ac: &AhoCorasick, text: &str) -> bool {
    find_word(ac, text).is_some()
}

/// The end of a match of `ac` at the very start of `text` (after leading
/// whitespace and opening punctuation), if it ends on a word boundary.
pub(super) fn prefix(ac: &AhoCorasick, text: &str) -> Option<usize> {
    let start = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || "(\"“'‘[¿¡".contains(c))
            .len();
    let m = ac.find(Input::new(text).range(start..).anchored(Anchored::Yes))?;
    on_boundaries(text, m.start(), m.end()).then_some(m.end())
}

fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    let matched = &text[start..end];
    let before_ok = !matched.starts_with(is_word_char)
        || !text[..start].chars().next_back().is_some_and(is_word_char);
    let after_ok =
        !matched.ends_with(is_word_char) || !text[end..].chars().next().is_some_and(is_word_char);
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_words_in_any_case() {
        let ac = automaton(&["follow us", "theo dõi", "подписывайтесь"]);
        assert!(contains_word(&ac, "Please FOLLOW US on X"));
        assert!(contains_word(&ac, "Mời quý độc giả Theo dõi VOV"));
        assert!(contains_word(&ac, "Подписывайтесь на нас"));
        assert!(!contains_word(&ac, "to follow used cars"));
        assert_eq!(prefix(&ac, "  (Follow us on"), Some(12));
        assert_eq!(prefix(&ac, "Please follow us"), None);
    }
}
