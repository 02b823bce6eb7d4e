//! The leading `KEY: value` block some scrapers write before the article
//! (`TITLE:`, `URL:`, `DATE:`/`PUBLISHED:`, `SOURCE:`, any letter case).
//!
//! Only a block at the very start counts, and only known keys: it ends at the
//! first blank or non-header line. "Date: …" further down is article text.
//! Values are returned as written; parsing them is the caller's job.

/// What the header block said.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Header<'a> {
    pub(super) title: Option<&'a str>,
    pub(super) url: Option<&'a str>,
    pub(super) date: Option<&'a str>,
    pub(super) source: Option<&'a str>,
}

#[derive(Clone, Copy)]
enum Key {
    Title,
    Url,
    Date,
    Source,
    /// Known scraper keys whose value we do not use (author, language…).
    Ignored,
}

const KEYS: &[(&str, Key)] = &[
    ("title", Key::Title),
    ("headline", Key::Title),
    ("url", Key::Url),
    ("link", Key::Url),
    ("date", Key::Date),
    ("published", Key::Date),
    ("source", Key::Source),
    ("site", Key::Source),
    ("author", Key::Ignored),
    ("byline", Key::Ignored),
    ("language", Key::Ignored),
];

/// Splits `content` into its header block (possibly empty) and the body after it.
pub(super) fn split(content: &str) -> (Header<'_>, &str) {
    let mut header = Header::default();
    let mut rest = content;
    let mut seen_any = false;
    loop {
        let (line, next) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        if line.trim().is_empty() {
            if seen_any || rest.is_empty() {
                // The blank line that closes the block (or the end).
                return (header, if seen_any { next } else { content });
            }
            rest = next;
            continue;
        }
        let Some((key, value)) = header_line(line) else {
            return (header, if seen_any { rest } else { content });
        };
        seen_any = true;
        let slot = match key {
            Key::Title => &mut header.title,
            Key::Url => &mut header.url,
            Key::Date => &mut header.date,
            Key::Source => &mut header.source,
            Key::Ignored => {
                rest = next;
                continue;
            }
        };
        if slot.is_none() {
            *slot = Some(value);
        }
        if next.is_empty() {
            return (header, "");
        }
        rest = next;
    }
}

fn header_line(line: &str) -> Option<(Key, &str)> {
    let line = line.trim_end_matches('\r');
    let colon = line.find(':')?;
    let name = line[..colon].trim();
    if name.is_empty() || name.len() > 12 || line[..colon].starts_with(char::is_whitespace) {
        return None;
    }
    let key = KEYS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|&(_, key)| key)?;
    Some((key, line[colon + 1..].trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_leading_block() {
        let (h, body) =
            split("TITLE: A - B\nURL: http://x.y/z\nDATE: 2016-01-11\nSOURCE: Reuters\n\nBody\n");
        assert_eq!(h.title, Some("A - B"));
        assert_eq!(h.url, Some("http://x.y/z"));
        assert_eq!(h.date, Some("2016-01-11"));
        assert_eq!(h.source, Some("Reuters"));
        assert_eq!(body, "Body\n");
    }

    #[test]
    fn case_insensitive_keys_and_crlf() {
        let (h, body) = split("Title: T\r\npublished: 2016-02-01\r\n\r\nBody");
        assert_eq!(h.title, Some("T"));
        assert_eq!(h.date, Some("2016-02-01"));
        assert_eq!(body, "Body");
    }

    #[test]
    fn no_header_leaves_content_alone() {
        let text = "\nHeadline\n\nNote: this is body.";
        let (h, body) = split(text);
        assert_eq!(h, Header::default());
        assert_eq!(body, text);
    }

    #[test]
    fn block_ends_at_first_non_header_line() {
        let (h, body) = split("TITLE: T\nHeadline again\nText");
        assert_eq!(h.title, Some("T"));
        assert_eq!(body, "Headline again\nText");
        let (h, body) = split("TITLE: only");
        assert_eq!(h.title, Some("only"));
        assert_eq!(body, "");
    }
}
