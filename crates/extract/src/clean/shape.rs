//! Shape measures of a paragraph that several detectors share: word counts,
//! sentence ends, headline-likeness, sentence spans, and the normalised key
//! used to compare paragraphs and look lines up in whole-line lexicons.
//!
//! None of these decide what is boilerplate on their own.

/// Characters that close a sentence.
const TERMINAL: &[char] = &['.', '!', '?', '…', '。', '؟'];
/// Characters that may follow the terminal one: closing quotes and brackets.
const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»'];

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether `s` has more than `limit` words (stops counting there).
pub(super) fn word_count_exceeds(s: &str, limit: usize) -> bool {
    s.split_whitespace().nth(limit).is_some()
}

/// Whether `s` ends like a sentence (terminal punctuation, maybe quoted).
pub(super) fn ends_sentence(s: &str) -> bool {
    s.trim_end().trim_end_matches(CLOSERS).ends_with(TERMINAL)
}

/// A headline or link text: short, starts with a capital or digit, does not
/// end like a sentence.
pub(super) fn is_headline_like(s: &str) -> bool {
    let s = s.trim();
    let first = s
        .trim_start_matches(['"', '“', '\'', '‘', '['])
        .chars()
        .next();
    word_count(s) <= 20
        && s.len() <= 200
        && first.is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !ends_sentence(s)
        && !s.ends_with([',', ';'])
}

/// A teaser unit: a headline, or a summary cut off with an ellipsis.
pub(super) fn is_teaser_like(s: &str) -> bool {
    is_headline_like(s) || s.trim_end().ends_with(['…']) || s.trim_end().ends_with("...")
}

/// The line as a lexicon key: lowercase, outer punctuation and spaces
/// trimmed, inner whitespace folded.
pub(super) fn line_key(s: &str) -> String {
    let trimmed = s.trim_matches(|c: char| !c.is_alphanumeric());
    let mut key = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// Byte spans of the sentences of `p`, trailing whitespace excluded.
///
/// A sentence ends at terminal punctuation (plus closing quotes) followed by
/// whitespace and a non-lowercase character, or glued straight to a capital
/// ("said.By continuing"). Abbreviations may split too early; callers only
/// use spans to find where a notice starts and ends.
pub(super) fn sentence_spans(p: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut chars = p.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !TERMINAL.contains(&c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if CLOSERS.contains(&d) || TERMINAL.contains(&d) {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &p[end..];
        let trimmed = rest.trim_start();
        let Some(next) = trimmed.chars().next() else {
            break;
        };
        let spaced = trimmed.len() < rest.len();
        if (spaced && !next.is_lowercase()) || (!spaced && next.is_uppercase()) {
            spans.push((start, end));
            start = end + (rest.len() - trimmed.len());
        }
    }
    let end = p.trim_end().len();
    if start < end {
        spans.push((start, end));
    }
    spans
}

/// A hash of `s` compared by its words, lowercased, punctuation dropped:
/// "Obama, despite dissent" and "obama despite  dissent" collide. (FNV-1a:
/// cheap per character; equal hashes are confirmed with [`same_words`].)
pub(super) fn word_key(s: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut buf = [0u8; 4];
    for c in key_chars(s) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// Whether `a` and `b` are equal under [`word_key`]'s comparison.
pub(super) fn same_words(a: &str, b: &str) -> bool {
    key_chars(a).eq(key_chars(b))
}

/// The characters of `s` as [`word_key`] sees them: lowercase alphanumerics,
/// one space between words.
fn key_chars(s: &str) -> KeyChars<'_> {
    KeyChars {
        chars: s.chars(),
        started: false,
        gap: false,
        lower: None,
    }
}

/// Iterator behind [`key_chars`], written out by hand: it runs on every
/// paragraph, and an ASCII fast path matters there.
struct KeyChars<'a> {
    chars: std::str::Chars<'a>,
    started: bool,
    gap: bool,
    /// The rest of a multi-character lowercase mapping ("İ" → "i̇").
    lower: Option<std::char::ToLowercase>,
}

impl Iterator for KeyChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.lower.as_mut().and_then(Iterator::next) {
            return Some(c);
        }
        loop {
            let c = self.chars.next()?;
            if !c.is_alphanumeric() {
                self.gap = self.started;
                continue;
            }
            if self.gap {
                self.gap = false;
                // Emit the space now and this character on the next call.
                self.lower = Some(c.to_lowercase());
                return Some(' ');
            }
            self.started = true;
            if c.is_ascii() {
                return Some(c.to_ascii_lowercase());
            }
            let mut lower = c.to_lowercase();
            let first = lower.next();
            self.lower = Some(lower);
            return first;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_on_terminals_and_glue() {
        let p = "He said. \"Yes,\" she said. By continuing to use.Kerry says no. i.e. lower";
        let spans: Vec<&str> = sentence_spans(p).iter().map(|&(s, e)| &p[s..e]).collect();
        assert_eq!(
            spans,
            [
                "He said.",
                "\"Yes,\" she said.",
                "By continuing to use.",
                "Kerry says no. i.e. lower"
            ]
        );
        assert!(sentence_spans("").is_empty());
    }

    #[test]
    fn keys_ignore_case_punctuation_and_spacing() {
        assert!(same_words(
            "Obama, despite dissent!",
            "obama despite   DISSENT"
        ));
        assert!(!same_words("Obama despite", "Obama despite dissent"));
        assert_eq!(
            word_key("Obama, despite dissent"),
            word_key("obama despite dissent.")
        );
        assert_ne!(word_key("Obama despite"), word_key("Obama despite dissent"));
        assert_eq!(line_key("  Read More: » "), "read more");
    }

    #[test]
    fn headline_shapes() {
        assert!(is_headline_like(
            "US-backed forces advance against Islamic State in Syria"
        ));
        assert!(is_headline_like("[How Syrian rebels are losing ground]"));
        assert!(!is_headline_like("The truce held, residents said."));
        assert!(!is_headline_like("lowercase start of a line"));
        assert!(is_teaser_like("The truce held in most areas, residents…"));
        assert!(ends_sentence("he said.\u{201d}"));
    }
}
