//! Byte-to-character offset conversion and small character helpers.
//!
//! Everything inside the crate works on byte offsets (what `str` slicing
//! wants); the public output is in characters. [`CharMap`] converts once per
//! document: identity for ASCII text, a table otherwise.

/// Converts byte offsets of one text into character offsets.
#[derive(Debug)]
pub(crate) struct CharMap {
    /// For every multi-byte character: the byte offset just past it and
    /// the number of continuation bytes up to there. News text is nearly
    /// all ASCII, so this stays short; empty for ASCII text.
    multi: Vec<(u32, u32)>,
    len: usize,
}

impl CharMap {
    pub(crate) fn new(text: &str) -> CharMap {
        let mut multi = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0u32;
            for (i, c) in text.char_indices() {
                let n = c.len_utf8();
                if n > 1 {
                    extra += n as u32 - 1;
                    multi.push(((i + n) as u32, extra));
                }
            }
        }
        CharMap {
            multi,
            len: text.len(),
        }
    }

    /// The character offset of byte offset `byte` (clamped to the text).
    pub(crate) fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let k = self.multi.partition_point(|&(end, _)| end as usize <= byte);
        let extra = k
            .checked_sub(1)
            .and_then(|k| self.multi.get(k))
            .map_or(0, |&(_, e)| e as usize);
        byte - extra
    }
}

/// Opening quotation marks.
pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{2018}')
}

/// Closing quotation marks (straight quotes count as both).
pub(crate) fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201D}' | '\u{00BB}' | '\u{2019}' | '\'')
}

/// Dashes used as punctuation.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Apostrophes, straight and typographic.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Uppercase letters with common Latin diacritics folded to ASCII, for
/// dictionary matching ("François" matches `FRANCOIS`).
pub(crate) fn push_folded_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
        return;
    }
    let folded = match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'Ā' | 'ă' | 'Ă' | 'ą' | 'Ą' => "A",
        'æ' | 'Æ' => "AE",
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => "C",
        'ď' | 'Ď' | 'đ' | 'Đ' | 'ḍ' | 'Ḍ' => "D",
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'Ē' | 'ė' | 'Ė' | 'ę' | 'Ę' | 'ě' | 'Ě' => "E",
        'ğ' | 'Ğ' => "G",
        'ḥ' | 'Ḥ' => "H",
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' | 'Ī' | 'ı' | 'İ' => "I",
        'ł' | 'Ł' => "L",
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => "N",
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' | 'ō' | 'Ō' | 'ő' | 'Ő' => "O",
        'œ' | 'Œ' => "OE",
        'ř' | 'Ř' => "R",
        'ß' => "SS",
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' | 'ṣ' | 'Ṣ' => "S",
        'ţ' | 'Ţ' | 'ť' | 'Ť' | 'ṭ' | 'Ṭ' => "T",
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => "U",
        'ý' | 'Ý' | 'ÿ' => "Y",
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => "Z",
        _ => {
            for u in c.to_uppercase() {
                out.push(u);
            }
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let m = CharMap::new("abc");
        assert_eq!(m.char_of(2), 2);
        assert_eq!(m.char_of(3), 3);
    }

    #[test]
    fn multibyte_offsets_count_characters() {
        let text = "é “a” b";
        let m = CharMap::new(text);
        let b = text.find('b').expect("b");
        assert_eq!(m.char_of(b), 6);
        assert_eq!(m.char_of(text.len()), text.chars().count());
        assert_eq!(m.char_of(text.len() + 10), text.chars().count());
    }

    #[test]
    fn folding() {
        let mut s = String::new();
        for c in "François Ḥarakat Straße".chars() {
            push_folded_upper(&mut s, c);
        }
        assert_eq!(s, "FRANCOIS HARAKAT STRASSE");
    }
}
