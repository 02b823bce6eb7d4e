//! Sentence splitting for news text.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes
//! and brackets after it) followed by whitespace and something that can
//! start a sentence, and always at a blank line. What keeps a period from
//! ending a sentence:
//!
//! - a lowercase word after it ("1 a.m. on July 6", "… enforceable");
//! - a title or abbreviation before it ("Dr.", "Gen.", "Lt. Col.", "Mr.");
//!   "No.", "Art.", "Jan." … when a number follows ("No. 10", "Feb. 21");
//! - an initial ("John F. Kennedy");
//! - an initialism ("U.S.", "U.N.", "a.m.") unless the next word is one that
//!   starts sentences ("in the U.S. He said" splits, "the U.S. Army" does not);
//! - a closing quote followed by its attribution ('"Why?" Kerry asked.').
//!
//! No whitespace, no split: decimals ("3.5"), URLs, e-mail addresses,
//! "U.S.-backed". Datelines ("Paris:", "BEIRUT (Reuters) -") have no
//! sentence-final punctuation and so begin the first sentence. A single line
//! break splits only between lines that look like separate units (a
//! headline, a list item), not inside a wrapped sentence.
//!
//! Linear in the text: every look-ahead is bounded.

use crate::text::{is_close_quote, is_open_quote};

/// Words after which a period never ends a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "cdr", "adm",
    "sgt", "cpl", "pvt", "gov", "sen", "rep", "rev", "fr", "st", "mt", "ft", "hon", "pres", "supt",
    "brig", "messrs", "mme", "mlle", "insp", "det", "vs", "v", "cf", "gens", "sens", "reps",
    "govt", "dept", "univ", "assn", "sr", "jr", "ave", "blvd", "rd",
];

/// Abbreviations that are not sentence-final when a number follows.
const BEFORE_NUMBERS: &[&str] = &[
    "no", "nos", "art", "vol", "fig", "p", "pp", "ch", "sec", "para", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "ca", "tel", "ext",
];

/// Abbreviations that end a sentence only before a typical sentence opener.
const SOFT: &[&str] = &[
    "inc", "corp", "co", "ltd", "plc", "bros", "etc", "est", "approx", "dept", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Words that typically open a sentence: after an initialism ("U.S.") a
/// period followed by one of these ends the sentence.
const OPENERS: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "against",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "earlier",
    "each",
    "even",
    "for",
    "from",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "last",
    "later",
    "many",
    "meanwhile",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "my",
    "neither",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "on",
    "one",
    "only",
    "other",
    "our",
    "over",
    "she",
    "since",
    "so",
    "some",
    "such",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "under",
    "until",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "with",
    "without",
    "yet",
    "you",
];

/// Words after "a.m."/"p.m." that continue the sentence.
const AFTER_CLOCK: &[&str] = &[
    "gmt",
    "utc",
    "est",
    "edt",
    "et",
    "cet",
    "cest",
    "bst",
    "pst",
    "pdt",
    "cst",
    "cdt",
    "mst",
    "msk",
    "local",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "damascus",
    "baghdad",
    "moscow",
    "beirut",
    "eastern",
    "central",
    "pacific",
    "mountain",
    "greenwich",
];

/// Attribution verbs: '"Why?" Kerry asked' is one sentence.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "asked",
    "asks",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "replied",
    "replies",
    "continued",
    "declared",
    "stated",
    "insisted",
    "warned",
    "noted",
    "explained",
    "argued",
    "cautioned",
    "stressed",
    "urged",
    "tweeted",
    "remarked",
    "recalled",
    "responded",
    "answered",
    "shouted",
    "exclaimed",
    "quipped",
    "conceded",
    "acknowledged",
    "admitted",
    "complained",
    "claimed",
    "concluded",
    "countered",
    "demanded",
    "wondered",
    "predicted",
    "pleaded",
    "vowed",
    "announced",
    "observed",
    "suggested",
];

/// Lowercase function words: a line ending in one is wrapped, not finished.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with", "that", "which", "who", "but", "than", "its", "their", "his", "her",
];

fn in_list(list: &[&str], word: &str) -> bool {
    word.len() <= 12 && list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

fn char_before(text: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).and_then(|j| text.as_bytes().get(j)) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(..i).and_then(|s| s.chars().next_back()),
        None => None,
    }
}

/// Sentence spans of `text`, in bytes, trimmed of surrounding whitespace.
pub(crate) fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        // Jump to the next byte that may matter: a line break, a sentence
        // mark, or the lead byte of "…" (E2 80 A6).
        match bytes.get(i..).and_then(|rest| {
            rest.iter()
                .position(|&b| matches!(b, b'\n' | b'.' | b'!' | b'?' | 0xE2))
        }) {
            Some(p) => i += p,
            None => break,
        }
        let Some(c) = char_at(text, i) else {
            i += 1;
            continue;
        };
        let len = c.len_utf8();
        if c == '\n' {
            // Look over the whitespace that follows.
            let mut j = i + 1;
            let mut newlines = 1;
            while let Some(w) = char_at(text, j) {
                if !w.is_whitespace() {
                    break;
                }
                newlines += usize::from(w == '\n');
                j += w.len_utf8();
            }
            if newlines >= 2 || single_break_splits(text, i, j) {
                push(&mut out, text, start, i);
                start = j;
            }
            i = j;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '\u{2026}') {
            let mut j = i;
            let mut dots = 0;
            let mut strong = false;
            while let Some(p) = char_at(text, j) {
                match p {
                    '.' => dots += 1,
                    '\u{2026}' => dots += 3,
                    '!' | '?' => strong = true,
                    _ => break,
                }
                j += p.len_utf8();
            }
            // Closing quotes and brackets belong to the sentence.
            let mut k = j;
            let mut quoted = false;
            while let Some(q) = char_at(text, k) {
                if is_close_quote(q) || matches!(q, ')' | ']') {
                    quoted |= is_close_quote(q);
                    k += q.len_utf8();
                } else {
                    break;
                }
            }
            let at_end = k >= bytes.len();
            let space = char_at(text, k).is_some_and(char::is_whitespace);
            let ends = if at_end {
                true
            } else if !space {
                dots == 1 && !strong && k == j && glued_sentence(text, i)
            } else {
                period_ends(text, i, k, dots, strong, quoted)
            };
            if ends {
                push(&mut out, text, start, k);
                start = k;
            }
            i = k.max(i + len);
            continue;
        }
        i += len;
    }
    push(&mut out, text, start, text.len());
    out
}

fn push(out: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let a = start + lead;
        out.push((a, a + trimmed.len()));
    }
}

/// The word before byte `i` (letters and inner dots, at most 24 bytes).
fn word_before(text: &str, i: usize) -> &str {
    let mut a = i;
    while let Some(c) = char_before(text, a) {
        if (c.is_alphanumeric() || c == '.') && i - a < 24 {
            a -= c.len_utf8();
        } else {
            break;
        }
    }
    text.get(a..i).unwrap_or("").trim_start_matches('.')
}

/// The word starting at or after byte `k`, skipping whitespace, opening
/// quotes and brackets (at most 24 bytes of it).
fn word_after(text: &str, k: usize) -> (usize, &str) {
    let mut a = k;
    let mut skipped = 0;
    while let Some(c) = char_at(text, a) {
        if (c.is_whitespace() || is_open_quote(c) || matches!(c, '(' | '[' | '\'')) && skipped < 64
        {
            a += c.len_utf8();
            skipped += 1;
        } else {
            break;
        }
    }
    let mut b = a;
    while let Some(c) = char_at(text, b) {
        if (c.is_alphanumeric() || c == '\'' || c == '\u{2019}') && b - a < 24 {
            b += c.len_utf8();
        } else {
            break;
        }
    }
    (b, text.get(a..b).unwrap_or(""))
}

/// Does the period (or `!`/`?` run) at `i`, followed after its quotes by
/// whitespace at `k`, end a sentence?
fn period_ends(text: &str, i: usize, k: usize, dots: usize, strong: bool, quoted: bool) -> bool {
    let (after_end, next) = word_after(text, k);
    let first = next.chars().next();
    let Some(first) = first else {
        // Followed by a symbol, a dash, a bullet…: split unless it is a
        // continuation mark.
        let n = text.get(k..).and_then(|s| s.trim_start().chars().next());
        return !matches!(n, Some(',' | ';' | ':' | ')' | ']'));
    };
    if first.is_lowercase() {
        return false;
    }
    if quoted && first.is_uppercase() && attribution_follows(text, k) {
        return false;
    }
    if strong || dots >= 2 {
        return true;
    }
    let word = word_before(text, i);
    if word.is_empty() {
        return true;
    }
    let digit_next = first.is_ascii_digit();
    let inner_dots = word.contains('.');
    if in_list(TITLES, word) {
        return false;
    }
    if digit_next && in_list(BEFORE_NUMBERS, word) {
        return false;
    }
    let opener = in_list(OPENERS, next);
    if !inner_dots && word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        // An initial ("John F. Kennedy") unless a sentence clearly starts.
        return opener && next.chars().count() > 1;
    }
    if inner_dots && word.split('.').all(|s| s.chars().count() == 1) {
        if in_list(&["a.m", "p.m"], word) {
            return !in_list(AFTER_CLOCK, next) && !digit_next;
        }
        if in_list(&["e.g", "i.e"], word) {
            return false;
        }
        return opener;
    }
    if in_list(SOFT, word) {
        return opener;
    }
    let _ = after_end;
    true
}

/// After a closing quote: up to four capitalised words and a speech verb
/// ('"Why?" Kerry asked', '"No." said the minister').
fn attribution_follows(text: &str, k: usize) -> bool {
    let mut at = k;
    for n in 0..5 {
        let (end, w) = word_after(text, at);
        if w.is_empty() {
            return false;
        }
        if in_list(SPEECH_VERBS, w) {
            return true;
        }
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        if !(cap || (n > 0 && (w == "the" || w == "a"))) {
            return false;
        }
        at = end;
    }
    false
}

/// "word.Word" with no space: a sentence boundary lost by a scraper, when
/// the word before is plain lowercase and the next one a capitalised word.
fn glued_sentence(text: &str, i: usize) -> bool {
    let before = word_before(text, i);
    let Some(next) = text.get(i + 1..) else {
        return false;
    };
    let mut chars = next.chars();
    let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
        return false;
    };
    before.len() >= 3
        && !before.contains('.')
        && before.chars().all(|c| c.is_lowercase())
        && a.is_uppercase()
        && b.is_lowercase()
        && !char_before(text, i - before.len()).is_some_and(|c| matches!(c, '/' | '@' | '.'))
}

/// A single line break (`\n` at `i`, next text at `j`) splits when the line
/// before it is complete and the next one starts like a new unit.
fn single_break_splits(text: &str, i: usize, j: usize) -> bool {
    let Some(next) = char_at(text, j) else {
        return false;
    };
    if !(next.is_uppercase()
        || next.is_ascii_digit()
        || is_open_quote(next)
        || matches!(next, '•' | '*' | '-' | '\u{2013}' | '\u{2014}'))
    {
        return false;
    }
    let line = text.get(..i).unwrap_or("").trim_end();
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    if matches!(
        last,
        ',' | ';' | ':' | '(' | '-' | '\u{2013}' | '\u{2014}' | '&' | '/'
    ) {
        return false;
    }
    let w = word_before(text, line.len());
    !in_list(FUNCTION_WORDS, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text)
            .into_iter()
            .map(|(a, b)| text.get(a..b).unwrap_or("?"))
            .collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            sents("The army advanced. Rebels retreated! Did they? Yes."),
            [
                "The army advanced.",
                "Rebels retreated!",
                "Did they?",
                "Yes."
            ]
        );
    }

    #[test]
    fn abbreviations_and_titles() {
        assert_eq!(
            sents("Dr. Ahmed Tarakji and Lt. Col. John Smith met Gen. Petraeus. They spoke."),
            [
                "Dr. Ahmed Tarakji and Lt. Col. John Smith met Gen. Petraeus.",
                "They spoke."
            ]
        );
        assert_eq!(
            sents("He lives at No. 10 Downing Street. It was Feb. 21 in Geneva."),
            [
                "He lives at No. 10 Downing Street.",
                "It was Feb. 21 in Geneva."
            ]
        );
    }

    #[test]
    fn initialisms() {
        assert_eq!(
            sents("The U.S. Army and the U.N. Security Council agreed. The talks went on."),
            [
                "The U.S. Army and the U.N. Security Council agreed.",
                "The talks went on."
            ]
        );
        assert_eq!(
            sents("Troops were sent by the U.S. They arrived on Monday."),
            ["Troops were sent by the U.S.", "They arrived on Monday."]
        );
        assert_eq!(
            sents("U.S. officials said so."),
            ["U.S. officials said so."]
        );
    }

    #[test]
    fn clock_times() {
        assert_eq!(
            sents("It starts at 1 a.m. on July 6. It ends at 9 p.m. Fighting resumed."),
            [
                "It starts at 1 a.m. on July 6.",
                "It ends at 9 p.m.",
                "Fighting resumed."
            ]
        );
        assert_eq!(
            sents("The truce began at 1 a.m. Damascus time on Wednesday."),
            ["The truce began at 1 a.m. Damascus time on Wednesday."]
        );
    }

    #[test]
    fn initials_in_names() {
        assert_eq!(
            sents("John F. Kennedy was shot in Dallas. George W. Bush spoke."),
            [
                "John F. Kennedy was shot in Dallas.",
                "George W. Bush spoke."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_attribution() {
        let text = "\"That's a gigantic step,\" Kerry said. \"If we can get that done, \
                    that opens up the aperture.\" He left.";
        assert_eq!(
            sents(text),
            [
                "\"That's a gigantic step,\" Kerry said.",
                "\"If we can get that done, that opens up the aperture.\"",
                "He left."
            ]
        );
        assert_eq!(
            sents("\u{201C}Can it hold?\u{201D} the envoy asked. Nobody knew."),
            [
                "\u{201C}Can it hold?\u{201D} the envoy asked.",
                "Nobody knew."
            ]
        );
        assert_eq!(
            sents("\"Is it over?\" Kerry asked reporters. No."),
            ["\"Is it over?\" Kerry asked reporters.", "No."]
        );
    }

    #[test]
    fn datelines_start_the_first_sentence() {
        assert_eq!(
            sents("Paris: A ceasefire could be weeks away, Kerry said. He left."),
            [
                "Paris: A ceasefire could be weeks away, Kerry said.",
                "He left."
            ]
        );
        assert_eq!(
            sents("BEIRUT (Reuters) - Air strikes hit Aleppo on Monday. Dozens died."),
            [
                "BEIRUT (Reuters) - Air strikes hit Aleppo on Monday.",
                "Dozens died."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sents("a longer lasting ... enforceable truce. Then… Nothing. Wait\u{2026} what?"),
            [
                "a longer lasting ... enforceable truce.",
                "Then…",
                "Nothing.",
                "Wait\u{2026} what?"
            ]
        );
    }

    #[test]
    fn decimals_urls_and_emails() {
        assert_eq!(
            sents("Aid rose 3.5 percent, see www.un.org/aid or mail press@un.org. Done."),
            [
                "Aid rose 3.5 percent, see www.un.org/aid or mail press@un.org.",
                "Done."
            ]
        );
        assert_eq!(
            sents("The U.S.-backed force won."),
            ["The U.S.-backed force won."]
        );
    }

    #[test]
    fn paragraphs_always_split() {
        assert_eq!(
            sents("Kerry says truce near\n\nThe talks, he said\n\nwent well"),
            ["Kerry says truce near", "The talks, he said", "went well"]
        );
    }

    #[test]
    fn single_line_breaks() {
        assert_eq!(
            sents("Related\nUS-backed forces advance\nObama speaks"),
            ["Related", "US-backed forces advance", "Obama speaks"]
        );
        assert_eq!(
            sents("the ceasefire agreed in\nVienna on Saturday, he\nsaid."),
            ["the ceasefire agreed in\nVienna on Saturday, he\nsaid."]
        );
    }

    #[test]
    fn glued_sentences() {
        assert_eq!(
            sents("Fighting continued in the north.Rebels said otherwise."),
            ["Fighting continued in the north.", "Rebels said otherwise."]
        );
    }

    #[test]
    fn degenerate_inputs() {
        assert!(sents("").is_empty());
        assert!(sents(" \n\n ").is_empty());
        assert_eq!(sents("..."), ["..."]);
        assert_eq!(sents("\"\""), ["\"\""]);
        let long = "word ".repeat(10_000);
        assert_eq!(split(&long).len(), 1);
    }
}
