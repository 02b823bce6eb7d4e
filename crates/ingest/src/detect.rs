//! Format detection: which reader an input needs, told from its first bytes
//! (after gzip), with the file name only as a tie-break.
//!
//! The rules, in order:
//!
//! 1. nothing but whitespace (and a BOM) in the whole input → [`ErrorKind::Empty`];
//! 2. a UTF-16 BOM → the head is decoded and only HTML or text is possible;
//! 3. starts with `WARC/` → WARC; a name ending `.warc` / `.warc.gz` → WARC
//!    too (a damaged start is then reported and skipped by the WARC reader's
//!    resync, instead of the file being read as one text page);
//! 4. NUL bytes, or more than 5% control characters → [`ErrorKind::Binary`];
//! 5. first non-space byte `{` and the first line parses as a JSON object →
//!    JSONL (when the first line is longer than the head, `{` then `"` is
//!    enough; a `.jsonl`/`.ndjson` name accepts any `{` start, so that a
//!    broken first line is reported with its line number);
//! 6. HTML: starts (after whitespace, `<?xml …?>` and comments) with
//!    `<!doctype html`, `<html`, `<head` or `<body`; or mentions one of them
//!    with other tags around; or has at least 8 tags in the head, or starts
//!    with a tag and has at least 2; a few tags and an `.htm(l)` name also
//!    count;
//! 7. anything else is text.
//!
//! It does not decode text (see [`crate::decode`]) and never reads past the
//! head it is given.

use memchr::{memchr, memmem};

use crate::ErrorKind;

/// The reader an input needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Detected {
    Text,
    Html,
    Jsonl,
    Warc,
}

/// How strongly some bytes look like HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum HtmlEvidence {
    None,
    /// A tag or a few: HTML only if the name says so.
    Weak,
    Strong,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Tells the format of an input from its `head` (`whole` when the head is
/// the entire input) and, as a tie-break, its file `name`.
pub(crate) fn detect(head: &[u8], whole: bool, name: Option<&str>) -> Result<Detected, ErrorKind> {
    let ext = name.map(extension).unwrap_or_default();
    if let Some(text) = decode_utf16_head(head) {
        if whole && text.trim().is_empty() {
            return Err(ErrorKind::Empty);
        }
        return Ok(html_or_text(text.as_bytes(), &ext));
    }
    let body = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    let trimmed = trim_start(body);
    if trimmed.is_empty() && whole {
        return Err(ErrorKind::Empty);
    }
    if trimmed.starts_with(b"WARC/") || ext == "warc" {
        return Ok(Detected::Warc);
    }
    if looks_binary(body) {
        return Err(ErrorKind::Binary);
    }
    if looks_like_jsonl(trimmed, whole, &ext) {
        return Ok(Detected::Jsonl);
    }
    Ok(html_or_text(body, &ext))
}

/// Whether an input that claims nothing (`whole` head, blank) is empty.
pub(crate) fn is_blank(head: &[u8]) -> bool {
    match decode_utf16_head(head) {
        Some(text) => text.trim().is_empty(),
        None => trim_start(head.strip_prefix(UTF8_BOM).unwrap_or(head)).is_empty(),
    }
}

fn html_or_text(bytes: &[u8], ext: &str) -> Detected {
    match html_evidence(bytes) {
        HtmlEvidence::Strong => Detected::Html,
        HtmlEvidence::Weak if matches!(ext, "html" | "htm" | "xhtml" | "shtml") => Detected::Html,
        _ => Detected::Text,
    }
}

/// The lowercase extension of a file name, looking through `.gz`.
fn extension(name: &str) -> String {
    let name = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_owned(),
        _ => String::new(),
    }
}

fn decode_utf16_head(head: &[u8]) -> Option<String> {
    let (encoding, bom_len) = encoding_rs::Encoding::for_bom(head)?;
    if encoding == encoding_rs::UTF_8 {
        return None;
    }
    let rest = head.get(bom_len..).unwrap_or_default();
    Some(encoding.decode_without_bom_handling(rest).0.into_owned())
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

fn looks_binary(bytes: &[u8]) -> bool {
    if memchr(0, bytes).is_some() {
        return true;
    }
    let control = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    control.saturating_mul(20) > bytes.len()
}

fn looks_like_jsonl(trimmed: &[u8], whole: bool, ext: &str) -> bool {
    if !trimmed.starts_with(b"{") {
        return false;
    }
    if matches!(ext, "jsonl" | "ndjson") {
        return true;
    }
    match memchr(b'\n', trimmed) {
        Some(end) => is_json_object(trimmed.get(..end).unwrap_or_default()),
        None if whole => is_json_object(trimmed),
        // The first line goes on past the head: `{"` is as far as we can see.
        None => trim_start(trimmed.get(1..).unwrap_or_default()).starts_with(b"\""),
    }
}

fn is_json_object(line: &[u8]) -> bool {
    line.starts_with(b"{") && serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()
}

/// How much `bytes` look like HTML.
pub(crate) fn html_evidence(bytes: &[u8]) -> HtmlEvidence {
    let window = bytes.get(..crate::source::SNIFF_LEN).unwrap_or(bytes);
    let lower = window.to_ascii_lowercase();
    const MARKERS: [&[u8]; 4] = [b"<!doctype html", b"<html", b"<head", b"<body"];
    let start = skip_prolog(&lower);
    if MARKERS.iter().any(|m| start.starts_with(m)) {
        return HtmlEvidence::Strong;
    }
    let tags = count_tags(&lower);
    let mentions = MARKERS.iter().any(|m| memmem::find(&lower, m).is_some());
    if (mentions && tags >= 2) || tags >= 8 || (tags >= 2 && starts_with_tag(start)) {
        HtmlEvidence::Strong
    } else if tags >= 1 {
        HtmlEvidence::Weak
    } else {
        HtmlEvidence::None
    }
}

/// Skips whitespace, a BOM, an XML declaration and comments.
fn skip_prolog(mut s: &[u8]) -> &[u8] {
    loop {
        s = trim_start(s.strip_prefix(UTF8_BOM).unwrap_or(s));
        let close: &[u8] = if s.starts_with(b"<?") {
            b"?>"
        } else if s.starts_with(b"<!--") {
            b"-->"
        } else {
            return s;
        };
        match memmem::find(s, close) {
            Some(i) => s = s.get(i.saturating_add(close.len())..).unwrap_or_default(),
            None => return s,
        }
    }
}

fn starts_with_tag(s: &[u8]) -> bool {
    tag_at(s).is_some()
}

/// Counts `<name`, `</name` and `<!` constructs followed by a delimiter.
fn count_tags(s: &[u8]) -> usize {
    let mut count = 0;
    let mut rest = s;
    while let Some(i) = memchr(b'<', rest) {
        rest = rest.get(i..).unwrap_or_default();
        if tag_at(rest).is_some() {
            count += 1;
        }
        rest = rest.get(1..).unwrap_or_default();
    }
    count
}

/// Whether `s` (lowercase) starts with a tag opening; returns its name length.
fn tag_at(s: &[u8]) -> Option<usize> {
    let after = s.strip_prefix(b"<")?;
    if after.starts_with(b"!--") || after.starts_with(b"!doctype") {
        return Some(1);
    }
    let name = after.strip_prefix(b"/").unwrap_or(after);
    if !name.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = name
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b':'))
        .unwrap_or(name.len());
    match name.get(len) {
        Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/') => Some(len),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(bytes: &[u8], name: Option<&str>) -> Result<Detected, ErrorKind> {
        detect(bytes, true, name)
    }

    #[test]
    fn warc_jsonl_html_text() {
        assert_eq!(
            d(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", None).ok(),
            Some(Detected::Warc)
        );
        assert_eq!(
            d(b"{\"url\": \"u\", \"text\": \"t\"}\n{", None).ok(),
            Some(Detected::Jsonl)
        );
        assert_eq!(d(b"<!DOCTYPE html><p>x", None).ok(), Some(Detected::Html));
        assert_eq!(
            d(
                b"<?xml version=\"1.0\"?>\n<!-- saved -->\n<HTML><body>x",
                None
            )
            .ok(),
            Some(Detected::Html)
        );
        assert_eq!(
            d(b"<p>Hello</p>\n<p>World</p>", None).ok(),
            Some(Detected::Html)
        );
        assert_eq!(
            d(
                b"John Kerry says ceasefire in Syria potentially weeks away\n\nParis: A ceasefire",
                None
            )
            .ok(),
            Some(Detected::Text)
        );
    }

    #[test]
    fn name_breaks_ties_only() {
        // One tag: HTML only with an HTML name.
        let one_tag = b"Some text with a <b>bold</b> word.";
        assert_eq!(d(one_tag, Some("a.txt")).ok(), Some(Detected::Text));
        assert_eq!(d(one_tag, Some("dir/a.HTML.gz")).ok(), Some(Detected::Html));
        // A `.html` name does not make plain text HTML.
        assert_eq!(d(b"just words", Some("a.html")).ok(), Some(Detected::Text));
        // Content beats a wrong name.
        assert_eq!(d(b"WARC/1.0\r\n", Some("a.txt")).ok(), Some(Detected::Warc));
        assert_eq!(
            d(b"<html><body>x", Some("notes.txt")).ok(),
            Some(Detected::Html)
        );
        // A JSONL file with a broken first line is still JSONL by name.
        assert_eq!(
            d(b"{oops\n{\"text\":\"t\"}\n", Some("x.jsonl")).ok(),
            Some(Detected::Jsonl)
        );
        assert_eq!(
            d(b"{oops\n{\"text\":\"t\"}\n", None).ok(),
            Some(Detected::Text)
        );
        // A damaged WARC is still a WARC by name.
        assert_eq!(
            d(b"garbage\r\nWARC/1.0\r\n", Some("cc.warc.gz")).ok(),
            Some(Detected::Warc)
        );
    }

    #[test]
    fn long_first_jsonl_line_beyond_the_head() {
        assert_eq!(
            detect(b"{ \"html\": \"<html>...", false, None).ok(),
            Some(Detected::Jsonl)
        );
        assert_eq!(
            detect(b"{ not json at all", false, None).ok(),
            Some(Detected::Text)
        );
    }

    #[test]
    fn empty_and_binary() {
        assert!(matches!(d(b"", None), Err(ErrorKind::Empty)));
        assert!(matches!(d(b" \r\n\t\n", None), Err(ErrorKind::Empty)));
        assert!(matches!(d(b"\xEF\xBB\xBF\n", None), Err(ErrorKind::Empty)));
        assert!(matches!(
            d(b"\xFF\xFE \x00\n\x00", None),
            Err(ErrorKind::Empty)
        ));
        // Blank so far but not the whole input: not yet known to be empty.
        assert_eq!(detect(b"   \n", false, None).ok(), Some(Detected::Text));
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        assert!(matches!(d(png, Some("a.txt")), Err(ErrorKind::Binary)));
        let controls: Vec<u8> = (0u8..200)
            .map(|i| if i % 4 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(matches!(d(&controls, None), Err(ErrorKind::Binary)));
    }

    #[test]
    fn utf16_with_bom_is_text_or_html() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "<html><body>Waffenruhe</body></html>".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(d(&bytes, None).ok(), Some(Detected::Html));
    }

    #[test]
    fn extension_looks_through_gz() {
        assert_eq!(extension("a/b/cc.warc.gz"), "warc");
        assert_eq!(extension("x.JSONL"), "jsonl");
        assert_eq!(extension(".hidden"), "");
        assert_eq!(extension("-"), "");
    }

    #[test]
    fn tags_need_a_name_and_a_delimiter() {
        assert_eq!(count_tags(b"a < b and c<d, x <- y"), 0);
        assert_eq!(count_tags(b"<p>a</p><br/><img src=x><!-- c -->"), 5);
    }
}
