//! Bytes to UTF-8: picks the encoding of a page and decodes it, never
//! failing.
//!
//! The encoding is chosen in this order:
//!
//! 1. a byte order mark (UTF-8, UTF-16LE/BE);
//! 2. a declared charset: the HTTP `Content-Type` (WARC), else, for HTML,
//!    `<meta charset>` or `<meta http-equiv="content-type">` in the first
//!    4096 bytes — unless the bytes are valid UTF-8 with non-ASCII in them
//!    and the declaration names another encoding: legacy text is almost
//!    never valid UTF-8 by accident, while pages re-encoded to UTF-8 under
//!    an old `iso-8859-1` header or meta tag are common in crawls;
//! 3. valid UTF-8 as it is;
//! 4. a guess by chardetng over the first MiB, told the URL's top-level
//!    domain when there is one.
//!
//! Labels follow the WHATWG Encoding Standard (`latin1` and `iso-8859-1` are
//! windows-1252, as in browsers); a `<meta>` naming UTF-16 means UTF-8, and
//! labels that map to the "replacement" encoding are ignored. Bytes that are
//! invalid in the chosen encoding become U+FFFD and [`Decoded::lossy`] says
//! so. It does not look for the article or touch the markup.

use std::borrow::Cow;

use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How far into an HTML page to look for `<meta charset>`.
const META_SCAN_LEN: usize = 4096;

/// How much chardetng is fed at most.
const GUESS_LEN: usize = 1 << 20;

/// What the caller knows about the bytes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Hints<'a> {
    /// The charset parameter of an HTTP or WARC `Content-Type`.
    pub(crate) charset: Option<&'a str>,
    /// Whether the bytes are HTML (enables the `<meta>` prescan).
    pub(crate) html: bool,
    /// The URL the bytes came from (its TLD helps the guess).
    pub(crate) url: Option<&'a str>,
}

/// Decoded text.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub(crate) text: String,
    pub(crate) encoding: &'static Encoding,
    /// Some bytes were invalid in `encoding` and were replaced by U+FFFD.
    pub(crate) lossy: bool,
}

/// Decodes `bytes` following the module's rules. Valid UTF-8 is moved, not
/// copied.
pub(crate) fn decode(bytes: Vec<u8>, hints: Hints<'_>) -> Decoded {
    let encoding = choose(&bytes, hints);
    if encoding == UTF_8 {
        return decode_utf8(bytes);
    }
    // `decode` honours a BOM over `encoding`; `choose` already did the same.
    let (text, used, lossy) = encoding.decode(&bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used,
        lossy,
    }
}

fn decode_utf8(mut bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            encoding: UTF_8,
            lossy: false,
        },
        Err(e) => {
            let bytes = e.into_bytes();
            let text = match String::from_utf8_lossy(&bytes) {
                Cow::Borrowed(s) => s.to_owned(),
                Cow::Owned(s) => s,
            };
            Decoded {
                text,
                encoding: UTF_8,
                lossy: true,
            }
        }
    }
}

/// Picks the encoding of `bytes`.
pub(crate) fn choose(bytes: &[u8], hints: Hints<'_>) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    let declared = hints.charset.and_then(from_http_label).or_else(|| {
        if hints.html {
            meta_charset(bytes.get(..META_SCAN_LEN).unwrap_or(bytes))
        } else {
            None
        }
    });
    let utf8_valid_up_to = Encoding::utf8_valid_up_to(bytes);
    let valid_utf8 = utf8_valid_up_to == bytes.len();
    match declared {
        Some(encoding) if encoding == UTF_8 => UTF_8,
        Some(encoding) => {
            let has_non_ascii = Encoding::ascii_valid_up_to(bytes) < bytes.len();
            if valid_utf8 && has_non_ascii && encoding != UTF_16LE && encoding != UTF_16BE {
                UTF_8
            } else {
                encoding
            }
        }
        None if valid_utf8 => UTF_8,
        None => guess(bytes, hints.url),
    }
}

fn from_http_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().trim_matches(['"', '\'']).as_bytes())
        .filter(|&e| e != REPLACEMENT)
}

/// The encoding named by a `<meta>` tag in `head`, as the HTML prescan
/// would take it (approximately: the first `charset=` inside a meta tag).
pub(crate) fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut rest: &[u8] = &lower;
    while let Some(i) = memchr::memmem::find(rest, b"<meta") {
        rest = rest.get(i.saturating_add(5)..).unwrap_or_default();
        let tag_end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        let tag = rest.get(..tag_end).unwrap_or_default();
        if let Some(label) = charset_in(tag) {
            let found = Encoding::for_label(label).filter(|&e| e != REPLACEMENT);
            if let Some(encoding) = found {
                return Some(if encoding == UTF_16LE || encoding == UTF_16BE {
                    UTF_8
                } else if encoding == X_USER_DEFINED {
                    WINDOWS_1252
                } else {
                    encoding
                });
            }
        }
    }
    None
}

/// The value after `charset` `=` in a tag's text, unquoted.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = memchr::memmem::find(tag, b"charset")?;
    let after = tag.get(at.saturating_add(7)..)?;
    let after = trim_ascii_start(after).strip_prefix(b"=")?;
    let after = trim_ascii_start(after);
    let after = after
        .strip_prefix(b"\"")
        .or_else(|| after.strip_prefix(b"'"))
        .unwrap_or(after);
    let end = after
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(after.len());
    after.get(..end).filter(|label| !label.is_empty())
}

fn trim_ascii_start(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    s.get(start..).unwrap_or_default()
}

fn guess(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    let sample = bytes.get(..GUESS_LEN).unwrap_or(bytes);
    detector.feed(sample, sample.len() == bytes.len());
    let tld = url.and_then(tld_of);
    detector.guess(
        tld.as_deref().map(str::as_bytes),
        chardetng::Utf8Detection::Deny,
    )
}

/// The top-level domain of `url`'s host, lowercase ASCII, if it is one
/// chardetng accepts (no dots, no upper case, ASCII only).
pub(crate) fn tld_of(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = after_scheme.split(['/', '?', '#']).next()?;
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = if host.starts_with('[') {
        return None; // IPv6 literal
    } else {
        host.split(':').next()?
    };
    let tld = host
        .trim_end_matches('.')
        .rsplit('.')
        .next()?
        .to_ascii_lowercase();
    let ok = !tld.is_empty()
        && tld.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !tld.bytes().all(|b| b.is_ascii_digit());
    ok.then_some(tld)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints_html() -> Hints<'static> {
        Hints {
            html: true,
            ..Hints::default()
        }
    }

    #[test]
    fn windows_1252_page_with_meta_charset() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
            <title>Cessez-le-feu</title></head><body><p>Le cessez-le-feu d\xE9cr\xE9t\xE9 \x93hier\x94 \x96 d\xE9j\xE0 viol\xE9.</p>"
            .to_vec();
        page.extend_from_slice(b"</body></html>");
        let decoded = decode(page, hints_html());
        assert_eq!(decoded.encoding, WINDOWS_1252);
        assert!(!decoded.lossy);
        assert!(
            decoded
                .text
                .contains("Le cessez-le-feu décrété \u{201c}hier\u{201d} \u{2013} déjà violé.")
        );
    }

    #[test]
    fn meta_charset_forms() {
        assert_eq!(
            meta_charset(b"<meta charset=\"ISO-8859-1\">"),
            Some(WINDOWS_1252)
        );
        assert_eq!(
            meta_charset(b"<META CHARSET=shift_jis>"),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(meta_charset(b"<meta charset='utf-16'>"), Some(UTF_8));
        assert_eq!(
            meta_charset(b"<meta name=x><meta charset=koi8-r/>"),
            Some(encoding_rs::KOI8_R)
        );
        assert_eq!(meta_charset(b"<meta charset=iso-2022-kr>"), None);
        assert_eq!(meta_charset(b"<meta charset=>"), None);
        assert_eq!(meta_charset(b"<p>charset=latin1</p>"), None);
    }

    #[test]
    fn http_charset_wins_over_meta() {
        let page = b"<meta charset=utf-8><p>caf\xE9</p>".to_vec();
        let hints = Hints {
            charset: Some("ISO-8859-1"),
            html: true,
            url: None,
        };
        let decoded = decode(page, hints);
        assert_eq!(decoded.encoding, WINDOWS_1252);
        assert_eq!(decoded.text, "<meta charset=utf-8><p>café</p>");
    }

    #[test]
    fn valid_utf8_beats_a_legacy_declaration() {
        let page = "<meta charset=iso-8859-1><p>Damaskus: Waffenruhe für 72 Stunden</p>";
        let decoded = decode(page.as_bytes().to_vec(), hints_html());
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.text, page);
    }

    #[test]
    fn declared_utf8_that_is_not_still_decodes_with_replacements() {
        let page = b"<meta charset=utf-8><p>caf\xE9</p>".to_vec();
        let decoded = decode(page, hints_html());
        assert_eq!(decoded.encoding, UTF_8);
        assert!(decoded.lossy);
        assert_eq!(decoded.text, "<meta charset=utf-8><p>caf\u{FFFD}</p>");
    }

    #[test]
    fn bom_wins_and_is_removed() {
        let decoded = decode(b"\xEF\xBB\xBFhello".to_vec(), Hints::default());
        assert_eq!(decoded.text, "hello");
        let mut utf16 = vec![0xFE, 0xFF];
        for unit in "Waffenruhe".encode_utf16() {
            utf16.extend_from_slice(&unit.to_be_bytes());
        }
        let decoded = decode(
            utf16,
            Hints {
                charset: Some("iso-8859-1"),
                ..Hints::default()
            },
        );
        assert_eq!(decoded.encoding, UTF_16BE);
        assert_eq!(decoded.text, "Waffenruhe");
    }

    #[test]
    fn undeclared_shift_jis_is_guessed() {
        let text = "停戦合意は７月６日午前１時に発効し、７２時間続く予定だと国営通信が伝えた。\
            政府軍と反体制派の双方が停戦を受け入れたとされるが、北部では戦闘が続いているとの報告もある。";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let decoded = decode(bytes.into_owned(), Hints::default());
        assert_eq!(decoded.encoding, encoding_rs::SHIFT_JIS);
        assert_eq!(decoded.text, text);
        assert!(!decoded.lossy);
    }

    #[test]
    fn undeclared_latin1_is_guessed_with_the_tld() {
        let text = "Le cessez-le-feu décrété à Damas est entré en vigueur à une heure du matin, \
            selon l'agence officielle. Les échanges de tirs ont repris près d'Alep, précise l'Observatoire.";
        let (bytes, _, _) = WINDOWS_1252.encode(text);
        let hints = Hints {
            url: Some("https://www.lemonde.fr/international/article/2016/07/06/x.html"),
            ..Hints::default()
        };
        let decoded = decode(bytes.into_owned(), hints);
        assert_eq!(decoded.encoding, WINDOWS_1252);
        assert_eq!(decoded.text, text);
    }

    #[test]
    fn tld_extraction_is_safe_for_chardetng() {
        assert_eq!(
            tld_of("http://www.reuters.com/article/x").as_deref(),
            Some("com")
        );
        assert_eq!(
            tld_of("https://user@News.BBC.CO.UK:443/x?y").as_deref(),
            Some("uk")
        );
        assert_eq!(tld_of("http://xn--p1ai/").as_deref(), Some("xn--p1ai"));
        assert_eq!(tld_of("http://10.0.0.1/"), None);
        assert_eq!(tld_of("http://[::1]/"), None);
        assert_eq!(tld_of("http://пример.рф/"), None);
        assert_eq!(tld_of(""), None);
    }
}
