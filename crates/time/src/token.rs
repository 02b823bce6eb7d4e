//! Tokenisation: one pass over the text into words, numbers and punctuation,
//! each classified against the lexicon as it is made, so the grammar never
//! looks at raw text again.

use crate::lexicon::{self, KEY_MASKS, Key, Lex, Table, Tense};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// Letters glued to a number: "6th", "1990s", "10pm".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Suffix {
    None,
    Ordinal,
    Plural,
    Am,
    Pm,
    Other,
}

/// The first letter is upper case.
pub(crate) const CAP: u8 = 1;
/// Whitespace separates this token from the previous one.
pub(crate) const SPACE: u8 = 2;
/// A line break separates this token from the previous one.
pub(crate) const NEWLINE: u8 = 4;
/// A blank line (paragraph break) separates this token from the previous one.
pub(crate) const PARA: u8 = 8;
/// A number written with a thousands separator or a decimal point.
pub(crate) const GROUPED: u8 = 16;
/// Every letter is upper case (and there are at least two).
pub(crate) const UPPER: u8 = 32;
/// A number with a decimal point.
pub(crate) const DECIMAL: u8 = 64;
/// An expression may start here: a number, an apostrophe ("'80s") or a
/// word whose class may open one ([`Lex::may_open`]).
pub(crate) const START: u8 = 128;

/// One token; offsets are bytes into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    pub lex: Lex,
    /// Numeric value of a number token (saturating).
    pub num: u32,
    /// Digits in a number token.
    pub digits: u8,
    pub suffix: Suffix,
    pub flags: u8,
    /// Punctuation, normalised to ASCII ('’' → '\'', '—' → '-').
    pub punct: u8,
    pub tense: Tense,
}

impl Token {
    fn new(start: usize, end: usize, kind: Kind) -> Token {
        Token {
            start: start as u32,
            end: end as u32,
            kind,
            lex: Lex::None,
            num: 0,
            digits: 0,
            suffix: Suffix::None,
            flags: 0,
            punct: 0,
            tense: Tense::Unknown,
        }
    }

    pub(crate) fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// Byte classes, one table load a byte in the loops below.
const C_SPACE: u8 = 1;
const C_NEWLINE: u8 = 2;
const C_DIGIT: u8 = 4;
const C_LOWER: u8 = 8;
const C_UPPER: u8 = 16;
const C_LETTER: u8 = C_LOWER | C_UPPER;
/// Part of a multi-byte character.
const C_HIGH: u8 = 32;

static CLASS: [u8; 256] = classes();

const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c == b'\n' {
            C_SPACE | C_NEWLINE
        } else if c.is_ascii_whitespace() {
            C_SPACE
        } else if c.is_ascii_digit() {
            C_DIGIT
        } else if c.is_ascii_lowercase() {
            C_LOWER
        } else if c.is_ascii_uppercase() {
            C_UPPER
        } else if c >= 0x80 {
            C_HIGH
        } else {
            0
        };
        i += 1;
    }
    t
}

fn class(c: u8) -> u8 {
    CLASS[usize::from(c)]
}

/// Splits `text` into tokens. Texts over 4 GiB are cut (offsets are `u32`).
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut toks = Vec::new();
    tokenize_into(text, &mut toks);
    toks
}

/// [`tokenize`] into `toks`, which is cleared first: a caller that
/// tokenises text after text keeps one allocation.
pub(crate) fn tokenize_into(text: &str, toks: &mut Vec<Token>) {
    toks.clear();
    let text = if text.len() > u32::MAX as usize {
        let mut cut = u32::MAX as usize;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        &text[..cut]
    } else {
        text
    };
    let b = text.as_bytes();
    let words = lexicon::words();
    // News runs at about one token per seven bytes; room for one per four
    // saves growing the vector for most texts.
    toks.reserve(b.len() / 4 + 8);
    let mut i = 0;
    // Flags for the next token from the space before it.
    let mut pending = 0u8;
    while let Some(&c) = b.get(i) {
        let cl = class(c);
        if cl & C_SPACE != 0 {
            pending |= SPACE;
            if cl & C_NEWLINE != 0 {
                // The second line break makes a blank line.
                pending |= if pending & NEWLINE != 0 {
                    PARA
                } else {
                    NEWLINE
                };
            }
            i += 1;
            continue;
        }
        // The common word first, on a path of its own.
        if cl & C_LETTER != 0
            && let Some(mut tok) = plain_word(b, i, words)
        {
            i = tok.end as usize;
            tok.flags |= pending;
            pending = 0;
            toks.push(tok);
            continue;
        }
        let start = i;
        let mut tok;
        if cl & C_LETTER != 0 {
            tok = word(text, &mut i, words);
        } else if cl & C_DIGIT != 0 {
            tok = number(b, &mut i);
        } else if cl & C_HIGH == 0 {
            tok = Token::new(i, i + 1, Kind::Punct);
            tok.punct = c;
            if c == b'\'' {
                tok.flags |= START;
            }
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_alphabetic() {
                tok = word(text, &mut i, words);
            } else {
                let len = ch.len_utf8();
                if ch.is_whitespace() {
                    pending |= SPACE;
                    i += len;
                    continue;
                }
                tok = Token::new(i, i + len, Kind::Punct);
                tok.punct = match ch {
                    '\u{2018}' | '\u{2019}' | '\u{02bc}' => b'\'',
                    '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' => b'"',
                    '\u{2010}'..='\u{2015}' | '\u{2212}' => b'-',
                    '\u{2026}' => b'.',
                    _ => 0,
                };
                if tok.punct == b'\'' {
                    tok.flags |= START;
                }
                i += len;
            }
        }
        debug_assert!(tok.start as usize == start);
        tok.flags |= pending;
        pending = 0;
        toks.push(tok);
    }
}

fn number(b: &[u8], i: &mut usize) -> Token {
    let start = *i;
    let mut value: u64 = 0;
    let mut digits = 0u32;
    let mut flags = 0u8;
    while *i < b.len() && b[*i].is_ascii_digit() {
        value = (value * 10 + u64::from(b[*i] - b'0')).min(u64::from(u32::MAX));
        digits += 1;
        *i += 1;
    }
    // "1,200,000" and "3.5" are one number each, and never a date.
    loop {
        if *i + 1 < b.len() && b[*i] == b',' && b[*i + 1].is_ascii_digit() {
            let run = b[*i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if run == 3 {
                for &c in &b[*i + 1..*i + 4] {
                    value = (value * 10 + u64::from(c - b'0')).min(u64::from(u32::MAX));
                }
                *i += 4;
                flags |= GROUPED;
                continue;
            }
        }
        if *i + 1 < b.len() && b[*i] == b'.' && b[*i + 1].is_ascii_digit() {
            *i += 1;
            while *i < b.len() && b[*i].is_ascii_digit() {
                *i += 1;
            }
            flags |= GROUPED | DECIMAL;
            continue;
        }
        break;
    }
    let mut suffix = Suffix::None;
    if *i < b.len() && b[*i].is_ascii_alphabetic() {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_alphanumeric() {
            *i += 1;
        }
        let word = &b[s..*i];
        suffix = if word.eq_ignore_ascii_case(b"st")
            || word.eq_ignore_ascii_case(b"nd")
            || word.eq_ignore_ascii_case(b"rd")
            || word.eq_ignore_ascii_case(b"th")
        {
            Suffix::Ordinal
        } else if word.eq_ignore_ascii_case(b"s") {
            Suffix::Plural
        } else if word.eq_ignore_ascii_case(b"am") {
            Suffix::Am
        } else if word.eq_ignore_ascii_case(b"pm") {
            Suffix::Pm
        } else if (word.eq_ignore_ascii_case(b"a") || word.eq_ignore_ascii_case(b"p"))
            && b.get(*i) == Some(&b'.')
            && b.get(*i + 1).is_some_and(|c| c.eq_ignore_ascii_case(&b'm'))
        {
            // "10a.m." / "10p.m."
            let pm = word.eq_ignore_ascii_case(b"p");
            *i += 2;
            if b.get(*i) == Some(&b'.') {
                *i += 1;
            }
            if pm { Suffix::Pm } else { Suffix::Am }
        } else {
            Suffix::Other
        };
    }
    let mut tok = Token::new(start, *i, Kind::Num);
    tok.num = value as u32;
    tok.digits = digits.min(255) as u8;
    tok.suffix = suffix;
    tok.flags = flags | START;
    tok
}

/// Bytes as lanes of a `u64`: the top bit of every lane, and the ones.
const TOPS: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of every lane of a `u128`.
const TOPS_128: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;

/// The top bit of each lane of `x` that holds an ASCII byte in `lo..=hi`.
fn lanes_in(x: u64, lo: u8, hi: u8) -> u64 {
    // Lanes are at most 0x7f once the top bit is cleared, and `lo` is at
    // least 0x41, so adding at most 0x3f never carries into the next lane.
    let v = x & !TOPS;
    let at_least_lo = v + ONES * u64::from(0x80 - lo);
    let above_hi = v + ONES * u64::from(0x80 - hi - 1);
    at_least_lo & !above_hi & !x & TOPS
}

/// How many of the lanes of `x`, from the first, hold ASCII letters.
fn leading_letters(x: u64) -> usize {
    let letters = lanes_in(x | (ONES * 0x20), b'a', b'z');
    ((!letters & TOPS).trailing_zeros() / 8) as usize
}

/// The common word, fast: one to fifteen ASCII letters followed by an
/// ASCII byte that is not a letter (nor, after a single letter, the '.' of
/// "a.m."), read from one 16-byte load, a lane a byte. `None` leaves
/// everything else to [`word`], which makes the same token of these (a
/// test checks).
fn plain_word(b: &[u8], start: usize, words: &Table) -> Option<Token> {
    let chunk = b.get(start..)?.first_chunk::<16>()?;
    let raw = u128::from_le_bytes(*chunk);
    let (lo, hi) = (raw as u64, (raw >> 64) as u64);
    let mut len = leading_letters(lo);
    if len == 8 {
        len += leading_letters(hi);
    }
    // `None` past the chunk: a word of 16 letters or more.
    let next = *chunk.get(len)?;
    if len == 0 || next >= 0x80 || (len == 1 && next == b'.') {
        return None;
    }
    let mut tok = Token::new(start, start + len, Kind::Word);
    if chunk[0].is_ascii_uppercase() {
        tok.flags |= CAP;
        // All upper case: an upper-case letter in every lane of the word.
        let upper =
            u128::from(lanes_in(lo, b'A', b'Z')) | (u128::from(lanes_in(hi, b'A', b'Z')) << 64);
        let word_tops = KEY_MASKS[len] & TOPS_128;
        if len > 1 && upper & word_tops == word_tops {
            tok.flags |= UPPER;
        }
    }
    let w = words.classify(Key::of_load(raw, len), len);
    tok.lex = w.lex;
    tok.tense = w.tense;
    tok.flags |= if w.opens { START } else { 0 };
    Some(tok)
}

/// Any word, the general way (and the reference [`plain_word`] is tested
/// against).
fn word(text: &str, i: &mut usize, words: &Table) -> Token {
    let b = text.as_bytes();
    let start = *i;
    let mut ascii = true;
    let mut upper = 0usize;
    let mut letters = 0usize;
    while *i < b.len() {
        let c = b[*i];
        if c.is_ascii_alphabetic() {
            if c.is_ascii_uppercase() {
                upper += 1;
            }
            letters += 1;
            *i += 1;
        } else if c >= 0x80 {
            match text[*i..].chars().next() {
                Some(ch) if ch.is_alphabetic() => {
                    ascii = false;
                    letters += 1;
                    if ch.is_uppercase() {
                        upper += 1;
                    }
                    *i += ch.len_utf8();
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    // Dotted abbreviations of single letters: "a.m.", "p.m", "U.S.".
    if ascii && *i - start == 1 {
        let mut j = *i;
        let mut parts = 1;
        while j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_alphabetic() {
            let after = b.get(j + 2).copied();
            if after.is_some_and(|c| c.is_ascii_alphanumeric()) {
                break;
            }
            j += 2;
            parts += 1;
        }
        if parts > 1 {
            if b.get(j) == Some(&b'.') {
                j += 1;
            }
            *i = j;
        }
    }
    let mut tok = Token::new(start, *i, Kind::Word);
    let first_upper = b[start].is_ascii_uppercase()
        || (!b[start].is_ascii() && text[start..].chars().next().is_some_and(char::is_uppercase));
    if first_upper {
        tok.flags |= CAP;
    }
    if upper == letters && letters > 1 {
        tok.flags |= UPPER;
    }
    if ascii && let Some(key) = Key::of_word(b, start, *i) {
        let w = words.classify(key, *i - start);
        tok.lex = w.lex;
        tok.tense = w.tense;
        tok.flags |= if w.opens { START } else { 0 };
    }
    tok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s)
            .iter()
            .map(|t| &s[t.start as usize..t.end as usize])
            .collect()
    }

    #[test]
    fn splits_news_prose() {
        assert_eq!(
            texts("On Friday's 10:30 a.m. call, 1,200 U.S. troops—mid-December."),
            [
                "On", "Friday", "'", "s", "10", ":", "30", "a.m.", "call", ",", "1,200", "U.S.",
                "troops", "—", "mid", "-", "December", "."
            ]
        );
    }

    #[test]
    fn number_suffixes() {
        let t = tokenize("6th 1990s 10pm 3.5 7a.m.");
        assert_eq!(t[0].suffix, Suffix::Ordinal);
        assert_eq!(t[0].num, 6);
        assert_eq!(t[1].suffix, Suffix::Plural);
        assert_eq!(t[2].suffix, Suffix::Pm);
        assert!(t[3].has(GROUPED));
        assert_eq!(t[4].suffix, Suffix::Am);
        assert_eq!(t.len(), 5);
    }

    #[test]
    fn non_ascii_words_stay_whole() {
        assert_eq!(texts("Mời quý độc giả"), ["Mời", "quý", "độc", "giả"]);
    }

    /// Wherever the fast path takes a word, the general one makes the same token.
    fn fast_path_agrees(text: &str) {
        let b = text.as_bytes();
        let words = lexicon::words();
        for start in 0..b.len() {
            if let Some(fast) = plain_word(b, start, words) {
                let mut end = start;
                assert_eq!(word(text, &mut end, words), fast, "{text:?} at {start}");
                assert_eq!(end, fast.end as usize);
            }
        }
    }

    #[test]
    fn fast_words_match_general_words() {
        fast_path_agrees("On Friday's 10:30 a.m. call, U.S. troops—mid-December SAID scheduled");
        fast_path_agrees(
            "a b. c.d I.e. Wednesday WEDNESDAY wEdNeSdAy abcdefghijklmnopq abcdefghijklmno! x",
        );
        fast_path_agrees(
            "Mời quý độc giả, naïve café Zürich ÉCOLE e\u{301}t\u{e9} [Z] @A `a {z} end",
        );
    }

    proptest::proptest! {
        #[test]
        fn fast_words_match_general_words_anywhere(
            text in r"([a-zA-Z]{1,18}|[.,'@\[`{ \n0-9]|é|É|ß|\u{301}|—){0,40}"
        ) {
            fast_path_agrees(&text);
        }
    }

    #[test]
    fn paragraphs_are_flagged() {
        let t = tokenize("a\n\nb\nc");
        assert!(t[1].has(PARA));
        assert!(t[2].has(NEWLINE) && !t[2].has(PARA));
    }
}
