//! Word-level text normalisation shared by near-duplicate shingling and story
//! keywords: lower-cased alphanumeric words, punctuation and case ignored.
//!
//! It does not stem, lemmatise or detect language: shingles want the words as
//! written, and keywords only need stopwords out.

/// The words of `text`: maximal runs of alphanumeric characters, lower-cased.
///
/// Apostrophes inside a word are dropped rather than split on, so "Shi'ite"
/// and "Shiite" give the same word, as scrapers often lose the apostrophe.
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter_map(|raw| {
            let word: String = raw
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            (!word.is_empty()).then_some(word)
        })
}

/// Alphanumeric runs of `text`, as written.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
}

/// Whether every word of `needle` occurs in `hay`, case and punctuation
/// ignored (true for a needle without words). Allocates nothing: it runs for
/// every candidate pair of places.
pub(crate) fn has_all_words(hay: &str, needle: &str) -> bool {
    let same = |a: &str, b: &str| {
        a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
    };
    tokens(needle).all(|w| tokens(hay).any(|h| same(w, h)))
}

/// Whether `text` has a word at all.
pub(crate) fn has_words(text: &str) -> bool {
    tokens(text).next().is_some()
}

/// The xxh3 hash of each word of `text` (as [`words`] gives them), without
/// allocating a string per word.
pub(crate) fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut flush = |word: &mut String| {
        if !word.is_empty() {
            out.push(xxhash_rust::xxh3::xxh3_64(word.as_bytes()));
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c != '\'' && c != '\u{2019}' {
            flush(&mut word);
        }
    }
    flush(&mut word);
    out
}

/// English function words and news filler that say nothing about a story.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "just", "last", "least", "more", "most", "mr",
    "mrs", "ms", "much", "my", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
    "only", "or", "other", "our", "out", "over", "own", "per", "said", "same", "say", "says",
    "she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "though", "through", "to", "told", "too", "two",
    "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "year", "years", "yet", "you", "your",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weeks",
    "day", "days", "month", "months", "reuters", "ap", "afp", "news", "reporting", "editing",
    "writing", "additional", "according", "people", "three", "four", "five", "first", "many",
    "may", "might", "must", "another", "still", "even", "well", "get", "got", "made", "make",
    "back", "around", "time", "take", "took", "going", "like", "way", "part",
];

/// Words that help tell stories apart inside their time window but name none:
/// "Syria — February, effect" says less than "Syria — truce, Aleppo".
#[rustfmt::skip]
const UNNAMING: &[&str] = &[
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "effect", "midnight", "reported", "takes", "come", "comes",
];

/// Whether `word` (lower case) is fit to name a story: a topic word that is
/// not a calendar word or filler.
pub(crate) fn names_a_story(word: &str) -> bool {
    !is_stopword(word) && !UNNAMING.contains(&word)
}

/// Whether `word` (lower case) carries no topic.
pub(crate) fn is_stopword(word: &str) -> bool {
    word.len() < 3 || word.chars().all(|c| c.is_numeric()) || STOPWORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_punctuation_and_apostrophes() {
        let got: Vec<String> =
            words("Shi'ite villages, al-Foua: \u{201c}CEASE-FIRE\u{201d} holds. Syria\u{2019}s")
                .collect();
        assert_eq!(
            got,
            [
                "shiite", "villages", "al", "foua", "cease", "fire", "holds", "syrias"
            ]
        );
    }

    #[test]
    fn word_hashes_match_the_words() {
        let text = "Shi'ite villages, al-Foua: \u{201c}CEASE-FIRE\u{201d} holds.";
        let want: Vec<u64> = words(text)
            .map(|w| xxhash_rust::xxh3::xxh3_64(w.as_bytes()))
            .collect();
        assert_eq!(word_hashes(text), want);
        assert!(word_hashes(" - ").is_empty());
    }

    #[test]
    fn word_containment_ignores_case_and_punctuation() {
        assert!(has_all_words("Eastern ALEPPO, Syria", "aleppo"));
        assert!(has_all_words("the Syrian army", "Syrian Army"));
        assert!(!has_all_words("Aleppo", "Syria"));
        assert!(has_all_words("Aleppo", " - "));
        assert!(!has_words(" - ") && has_words("x"));
    }

    #[test]
    fn stopwords_drop_function_words_and_numbers() {
        assert!(is_stopword("the"));
        assert!(is_stopword("2016"));
        assert!(is_stopword("of"));
        assert!(!is_stopword("ceasefire"));
        assert!(!is_stopword("aleppo"));
    }
}
