//! Tokens and the normalised stream the dictionaries are matched against.
//!
//! A token is a word ("Assad", "U.S.", "Dara'a", "1st"), a number ("5,000",
//! "3.5"), a possessive clitic ("'s") or one punctuation character. Hyphens
//! between words are not tokens: the word after one carries
//! [`Token::HYPHEN`], so "al-Assad", "al Assad" and `AL_ASSAD` all give the
//! same normalised words.
//!
//! The normalised stream writes every token upper-cased, diacritics folded,
//! dots and apostrophes dropped, as `" TOKEN "`: `" US  SECRETARY  OF "`. A
//! dictionary phrase normalised the same way matches only whole tokens, and
//! two matches may sit side by side.

use crate::text::{is_apostrophe, is_dash, push_folded_upper};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and perhaps digits, inner dots and apostrophes).
    Word,
    /// Digits with inner `,` or `.`.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token, with byte offsets into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    pub(crate) flags: u8,
}

impl Token {
    /// Starts with an uppercase letter.
    pub(crate) const CAP: u8 = 1;
    /// Has letters, none of them lowercase.
    pub(crate) const UPPER: u8 = 2;
    /// Joined to the previous token by a hyphen ("backed" in "US-backed").
    pub(crate) const HYPHEN: u8 = 4;
    /// Whitespace before it.
    pub(crate) const SPACE: u8 = 8;
    /// The possessive `'s`.
    pub(crate) const CLITIC: u8 = 16;
    /// A blank line before it: it starts a paragraph.
    pub(crate) const PARA: u8 = 32;
    /// Starts with a lowercase letter.
    pub(crate) const LOWER: u8 = 64;

    pub(crate) fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word && !self.has(Token::CLITIC)
    }

    /// Capitalised but not all capitals: a name-like word in running text.
    pub(crate) fn is_title_case(&self) -> bool {
        self.has(Token::CAP) && (!self.has(Token::UPPER) || self.end - self.start == 1)
    }
}

/// The tokens of a text and their normalised stream.
#[derive(Debug)]
pub(crate) struct Tokens<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: Vec<Token>,
    /// `" T0  T1  T2 "`.
    pub(crate) norm: String,
    /// Where `" Ti "` starts in `norm`, for every token, plus `norm.len()`.
    pub(crate) norm_start: Vec<u32>,
}

impl<'a> Tokens<'a> {
    pub(crate) fn new(text: &'a str) -> Tokens<'a> {
        let mut toks = Tokens {
            text,
            toks: Vec::with_capacity(text.len() / 5 + 4),
            norm: String::with_capacity(text.len() + text.len() / 2),
            norm_start: Vec::with_capacity(text.len() / 5 + 5),
        };
        tokenize(&mut toks);
        toks.norm_start.push(toks.norm.len() as u32);
        toks
    }

    /// Adds a token and its normalised form. `plain` says it is made of
    /// ASCII letters and digits only, so its form is just its upper case.
    fn push(&mut self, t: Token, plain: bool) {
        self.norm_start.push(self.norm.len() as u32);
        self.norm.push(' ');
        let s = self.text.get(t.start..t.end).unwrap_or("");
        if plain && !s.is_empty() {
            let before = self.norm.len();
            self.norm.push_str(s);
            if let Some(added) = self.norm.get_mut(before..) {
                added.make_ascii_uppercase();
            }
        } else {
            push_norm(&mut self.norm, s, &t);
        }
        self.norm.push(' ');
        self.toks.push(t);
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn get(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// The text of token `i` ("" past the end).
    pub(crate) fn str(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The normalised form of token `i` ("" past the end).
    pub(crate) fn norm(&self, i: usize) -> &str {
        match (self.norm_start.get(i), self.norm_start.get(i + 1)) {
            (Some(&a), Some(&b)) if b >= a + 2 => {
                self.norm.get(a as usize + 1..b as usize - 1).unwrap_or("")
            }
            _ => "",
        }
    }

    /// The token range covered by a match `start..end` of the normalised
    /// stream, when both ends fall on token boundaries.
    pub(crate) fn tokens_of_norm(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let a = self.norm_start.binary_search(&(start as u32)).ok()?;
        let b = self.norm_start.binary_search(&(end as u32)).ok()?;
        (a < b).then_some((a, b))
    }

    /// The byte span of tokens `a..b`.
    pub(crate) fn span(&self, a: usize, b: usize) -> (usize, usize) {
        let s = self.toks.get(a).map_or(self.text.len(), |t| t.start);
        let e = if b == 0 {
            s
        } else {
            self.toks.get(b - 1).map_or(s, |t| t.end)
        };
        (s, e.max(s))
    }
}

fn push_norm(out: &mut String, s: &str, t: &Token) {
    if t.has(Token::CLITIC) {
        out.push('S');
        return;
    }
    match t.kind {
        Kind::Punct => {
            let c = s.chars().next().unwrap_or('?');
            if is_dash(c) {
                out.push('-');
            } else if crate::text::is_open_quote(c) || crate::text::is_close_quote(c) {
                out.push('"');
            } else {
                out.push(c);
            }
        }
        Kind::Word | Kind::Number => {
            let before = out.len();
            if s.is_ascii() {
                for &b in s.as_bytes() {
                    if b == b'.' || b == b'\'' || (b == b',' && t.kind == Kind::Number) {
                        continue;
                    }
                    out.push(char::from(b.to_ascii_uppercase()));
                }
                if out.len() == before {
                    out.push('_');
                }
                return;
            }
            for c in s.chars() {
                if c == '.' || is_apostrophe(c) || is_combining(c) {
                    continue;
                }
                if t.kind == Kind::Number && c == ',' {
                    continue;
                }
                push_folded_upper(out, c);
            }
            if out.len() == before {
                out.push('_');
            }
        }
    }
}

/// The case flag of a word that starts with `c`: [`Token::CAP`],
/// [`Token::LOWER`], or none for a digit.
fn case_flag(c: char) -> u8 {
    if c.is_uppercase() {
        Token::CAP
    } else if c.is_lowercase() {
        Token::LOWER
    } else {
        0
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
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

/// Splits the text of `out` into tokens, adding them to it.
fn tokenize(out: &mut Tokens) {
    let text = out.text;
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut pending = Token::SPACE | Token::PARA;
    let mut newlines = 0u32;
    while let Some(&b) = bytes.get(i) {
        // ASCII whitespace and words, the common case, without decoding.
        match b {
            b' ' | b'\t' | 0x0B | 0x0C | b'\r' => {
                pending |= Token::SPACE;
                i += 1;
                continue;
            }
            b'\n' => {
                newlines += 1;
                if newlines >= 2 {
                    pending |= Token::PARA;
                }
                pending |= Token::SPACE;
                i += 1;
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => {
                newlines = 0;
                i = push_word(out, i, pending | case_flag(char::from(b)));
                pending = 0;
                continue;
            }
            _ => {}
        }
        let Some(c) = char_at(text, i) else {
            break;
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            pending |= Token::SPACE;
            i += len;
            continue;
        }
        newlines = 0;
        let last = out.toks.last();
        let glued = last.is_some_and(|t| t.end == i);
        // A hyphen between two words joins them.
        if matches!(c, '-' | '\u{2010}' | '\u{2011}')
            && glued
            && last.is_some_and(|t| t.kind != Kind::Punct)
            && char_at(text, i + len).is_some_and(char::is_alphanumeric)
        {
            pending |= Token::HYPHEN;
            i += len;
            continue;
        }
        // An underscore between two words is a space: coder-prepared text
        // writes multi-word names as one ("Dol_Amroth", "Ban_Ki-moon"),
        // the way the dictionaries do.
        if c == '_'
            && glued
            && last.is_some_and(|t| t.kind == Kind::Word)
            && char_at(text, i + len).is_some_and(char::is_alphanumeric)
        {
            pending |= Token::SPACE;
            i += len;
            continue;
        }
        // The possessive clitic.
        if is_apostrophe(c)
            && glued
            && last.is_some_and(|t| t.kind == Kind::Word)
            && char_at(text, i + len).is_some_and(|s| s == 's' || s == 'S')
            && !char_at(text, i + len + 1).is_some_and(char::is_alphanumeric)
        {
            let t = Token {
                start: i,
                end: i + len + 1,
                kind: Kind::Word,
                flags: Token::CLITIC | (pending & !Token::SPACE),
            };
            out.push(t, false);
            pending = 0;
            i += len + 1;
            continue;
        }
        if c.is_alphanumeric() {
            i = push_word(out, i, pending | case_flag(c));
            pending = 0;
            continue;
        }
        let t = Token {
            start: i,
            end: i + len,
            kind: Kind::Punct,
            flags: pending,
        };
        out.push(t, false);
        pending = 0;
        i += len;
    }
}

/// Scans the word starting at `start` and adds it, with `flags` and the
/// case flags of its letters. Returns where it ends.
fn push_word(out: &mut Tokens, start: usize, flags: u8) -> usize {
    let w = scan_word(out.text, start);
    let kind = if w.all_digits {
        Kind::Number
    } else {
        Kind::Word
    };
    let upper = if w.has_letter && !w.has_lower {
        Token::UPPER
    } else {
        0
    };
    let t = Token {
        start,
        end: w.end,
        kind,
        flags: flags | upper,
    };
    out.push(t, w.plain);
    w.end
}

/// A scanned word: where it ends and what it is made of.
struct Scanned {
    end: usize,
    /// Only ASCII digits (and the separators between them).
    all_digits: bool,
    has_letter: bool,
    has_lower: bool,
    /// Only ASCII letters and digits.
    plain: bool,
}

/// Scans the word starting at `start`.
fn scan_word(text: &str, start: usize) -> Scanned {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut seg_len = 0usize; // letters since the last inner dot
    let mut all_digits = true;
    let mut has_letter = false;
    let mut has_lower = false;
    let mut dotted_initials = true; // so far looks like "U.S" / "a.m"
    let mut dots = 0;
    let mut plain = true;
    loop {
        // ASCII letters and digits, the common case, byte by byte.
        let run = i;
        let mut run_letters = false;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'a'..=b'z' => {
                    run_letters = true;
                    has_lower = true;
                }
                b'A'..=b'Z' => run_letters = true,
                b'0'..=b'9' => {}
                _ => break,
            }
            i += 1;
        }
        seg_len += i - run;
        if run_letters {
            all_digits = false;
            has_letter = true;
        }
        // Any other ASCII character but these three ends the word.
        if bytes
            .get(i)
            .is_none_or(|&b| b.is_ascii() && !matches!(b, b'.' | b',' | b'\''))
        {
            break;
        }
        let Some(c) = char_at(text, i) else {
            break;
        };
        let len = c.len_utf8();
        if c.is_alphanumeric() || is_combining(c) {
            seg_len += 1;
            all_digits = false;
            if c.is_alphabetic() {
                has_letter = true;
                has_lower |= c.is_lowercase();
            }
            i += len;
            plain = false;
            continue;
        }
        let next = char_at(text, i + len);
        let prev = char_before(text, i);
        if c == '.' && next.is_some_and(char::is_alphanumeric) {
            let n = next.unwrap_or(' ');
            let digits = all_digits && n.is_ascii_digit();
            let initial = seg_len == 1 && n.is_alphabetic();
            let domain = n.is_lowercase() && seg_len >= 2 && !all_digits;
            if digits || initial || domain {
                dotted_initials &= seg_len == 1;
                dots += 1;
                seg_len = 0;
                i += len;
                plain = false;
                continue;
            }
            break;
        }
        if c == ','
            && all_digits
            && text.get(i + 1..).is_some_and(|rest| {
                rest.len() >= 3 && rest.as_bytes()[..3].iter().all(u8::is_ascii_digit)
            })
            && !text
                .get(i + 4..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_ascii_digit())
        {
            i += 1;
            plain = false;
            continue;
        }
        if is_apostrophe(c)
            && prev.is_some_and(char::is_alphabetic)
            && next.is_some_and(char::is_alphabetic)
        {
            // "Syria's" stops here (the clitic is its own token); "Dara'a",
            // "O'Brien" and "don't" go on.
            let after = char_at(text, i + len + 1);
            if matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric) {
                break;
            }
            i += len;
            seg_len += 1;
            plain = false;
            continue;
        }
        break;
    }
    // "U.S." and "a.m." keep their final dot.
    if dots > 0 && dotted_initials && seg_len == 1 && char_at(text, i) == Some('.') {
        i += 1;
    }
    Scanned {
        end: i,
        all_digits,
        has_letter,
        has_lower,
        plain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let t = Tokens::new(text);
        (0..t.len()).map(|i| t.norm(i).to_string()).collect()
    }

    #[test]
    fn words_and_clitics() {
        assert_eq!(
            words("Syria's government, U.S. forces; al-Assad's Dara'a."),
            [
                "SYRIA",
                "S",
                "GOVERNMENT",
                ",",
                "US",
                "FORCES",
                ";",
                "AL",
                "ASSAD",
                "S",
                "DARAA",
                "."
            ]
        );
    }

    #[test]
    fn numbers_and_domains() {
        assert_eq!(
            words("5,000 troops 3.5 www.reuters.com"),
            ["5000", "TROOPS", "35", "WWWREUTERSCOM"]
        );
        assert_eq!(words("1,2 x"), ["1", ",", "2", "X"]);
    }

    #[test]
    fn missing_space_after_a_sentence() {
        assert_eq!(
            words("in Syria.The army"),
            ["IN", "SYRIA", ".", "THE", "ARMY"]
        );
    }

    #[test]
    fn underscores_between_words_are_spaces() {
        let t = Tokens::new("the Prince of Dol_Amroth and __init__ or x_ 3_4");
        assert_eq!(
            (0..t.len()).map(|i| t.norm(i)).collect::<Vec<_>>(),
            [
                "THE", "PRINCE", "OF", "DOL", "AMROTH", "AND", "_", "_", "INIT", "_", "_", "OR",
                "X", "_", "3", "_", "4"
            ]
        );
        assert_eq!(t.str(4), "Amroth");
        assert!(t.toks[4].has(Token::SPACE) && t.toks[4].has(Token::CAP));
    }

    #[test]
    fn hyphens_join_and_flag() {
        let t = Tokens::new("US-backed 72-hour - x");
        assert_eq!(t.norm(1), "BACKED");
        assert!(t.toks[1].has(Token::HYPHEN));
        assert!(t.toks[3].has(Token::HYPHEN));
        assert_eq!(t.norm(4), "-");
    }

    #[test]
    fn acronym_final_dot_and_flags() {
        let t = Tokens::new("the U.N. said IS and Is");
        assert_eq!(t.str(1), "U.N.");
        assert!(t.toks[3].has(Token::UPPER));
        assert!(!t.toks[5].has(Token::UPPER));
        assert!(t.toks[5].has(Token::CAP));
        assert!(t.toks[0].has(Token::LOWER));
    }

    #[test]
    fn norm_stream_maps_back() {
        let t = Tokens::new("John Kerry");
        assert_eq!(t.norm, " JOHN  KERRY ");
        assert_eq!(t.tokens_of_norm(0, 13), Some((0, 2)));
        assert_eq!(t.tokens_of_norm(6, 13), Some((1, 2)));
        assert_eq!(t.tokens_of_norm(1, 13), None);
    }

    #[test]
    fn paragraphs() {
        let t = Tokens::new("a\n\nb\nc");
        assert!(t.toks[1].has(Token::PARA));
        assert!(!t.toks[2].has(Token::PARA));
    }
}
