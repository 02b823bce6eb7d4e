//! Tokenisation: one pass over the text into words, numbers and punctuation,
//! each classified against the lexicon as it is made, so the grammar never
//! looks at raw text again.

use crate::lexicon::{self, Lex, MAX_WORD, Tense};

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

/// One token; offsets are bytes into the text.
#[derive(Clone, Copy, Debug)]
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

/// Splits `text` into tokens. Texts over 4 GiB are cut (offsets are `u32`).
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
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
    let mut toks = Vec::with_capacity(b.len() / 5);
    let mut i = 0;
    let mut pending = 0u8;
    let mut newlines = 0u32;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            pending |= SPACE;
            if c == b'\n' {
                newlines += 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut tok;
        if c.is_ascii_digit() {
            tok = number(b, &mut i);
        } else if c.is_ascii_alphabetic() {
            tok = word(text, &mut i);
        } else if c < 0x80 {
            tok = Token::new(i, i + 1, Kind::Punct);
            tok.punct = c;
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_alphabetic() {
                tok = word(text, &mut i);
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
                i += len;
            }
        }
        debug_assert!(tok.start as usize == start);
        if newlines > 0 {
            pending |= NEWLINE;
        }
        if newlines > 1 {
            pending |= PARA;
        }
        tok.flags |= pending;
        pending = 0;
        newlines = 0;
        toks.push(tok);
    }
    toks
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
    tok.flags = flags;
    tok
}

fn word(text: &str, i: &mut usize) -> Token {
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
    let len = *i - start;
    if ascii && len <= MAX_WORD {
        let mut buf = [0u8; MAX_WORD];
        for (d, s) in buf.iter_mut().zip(&b[start..*i]) {
            *d = s.to_ascii_lowercase();
        }
        // Only ASCII was copied, so this cannot fail.
        if let Ok(lower) = std::str::from_utf8(&buf[..len]) {
            tok.lex = lexicon::lookup(lower);
            tok.tense = lexicon::tense_cue(lower);
        }
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

    #[test]
    fn paragraphs_are_flagged() {
        let t = tokenize("a\n\nb\nc");
        assert!(t[1].has(PARA));
        assert!(t[2].has(NEWLINE) && !t[2].has(PARA));
    }
}
