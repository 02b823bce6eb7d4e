//! WARC (1.0 and 1.1, plain or gzip): the pages in a web archive, streamed
//! record by record.
//!
//! Kept: `response` records whose HTTP response is a 200 with `text/html` or
//! `application/xhtml+xml` (or no `Content-Type` and a body that plainly is
//! HTML); `resource` and `conversion` records (WET files are conversions)
//! whose `Content-Type` is HTML or `text/plain`. Every other record —
//! `warcinfo`, `request`, `metadata`, `revisit`, redirects and errors, other
//! media — is passed over without an error and counted
//! ([`crate::Inputs::skipped`]).
//!
//! Each record is located by its 1-based number (every record counts,
//! kept or not) and by a byte offset: for plain WARC, the offset of its
//! `WARC/` line; for `.warc.gz`, the compressed offset of the gzip member it
//! starts in, which for per-record gzip (Common Crawl, wget, warcio) is the
//! record's own offset on disk (see [`crate::gzip`]).
//!
//! Failures, and what happens next:
//!
//! - a header that is not a WARC header (no `WARC/` line, a line without a
//!   colon, no or a bad `Content-Length`, over 256 KiB) → an
//!   [`ErrorKind::WarcHeader`] item, then the reader skips forward to the next
//!   line starting with `WARC/1.` and goes on;
//! - a block over [`Options::max_record_bytes`](crate::Options::max_record_bytes)
//!   → an [`ErrorKind::TooLarge`] item; the block is read past, not kept;
//! - an HTTP payload that cannot be decoded → an [`ErrorKind::HttpPayload`]
//!   item, next record;
//! - the file ends inside a record, or the gzip data is truncated or corrupt
//!   → one error item and the end of this file.
//!
//! Why not the `warc` crate: it reports neither record offsets nor
//! recoverable errors (a bad header ends its iterator), and the reader here
//! needs both, plus caps on every read; the format's header is a dozen lines
//! of `Name: value`, so a small hand-written parser over [`crate::bufio`] is
//! simpler than adapting one. Memory stays flat: one record's block at most,
//! never the file.

use dateline_core::{InputFormat, Markup};

use crate::decode::{self, Hints};
use crate::detect::{HtmlEvidence, html_evidence};
use crate::http;
use crate::source::{Source, SourceReader, buffered, stored_offset};
use crate::{Error, ErrorKind, Options, Origin, Record, Result};

/// The largest header (all lines) a record may have.
const MAX_HEADER_BYTES: usize = 256 * 1024;

/// What happens after a failed record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Then {
    /// Read the next record where this one ended.
    Continue,
    /// Scan forward for a line starting with `WARC/1.`.
    Resync,
    /// Give up on this file.
    Stop,
}

enum Step {
    Record(Box<Record>),
    Skipped,
    End,
    Failed(Box<Error>, Then),
}

/// The header fields the reader uses.
#[derive(Debug, Default)]
struct Headers {
    warc_type: Option<String>,
    target_uri: Option<String>,
    date: Option<String>,
    record_id: Option<String>,
    content_type: Option<String>,
    content_length: Option<String>,
}

impl Headers {
    fn set(&mut self, name: &[u8], value: String) {
        let slot = if name.eq_ignore_ascii_case(b"WARC-Type") {
            &mut self.warc_type
        } else if name.eq_ignore_ascii_case(b"WARC-Target-URI") {
            &mut self.target_uri
        } else if name.eq_ignore_ascii_case(b"WARC-Date") {
            &mut self.date
        } else if name.eq_ignore_ascii_case(b"WARC-Record-ID") {
            &mut self.record_id
        } else if name.eq_ignore_ascii_case(b"Content-Type") {
            &mut self.content_type
        } else if name.eq_ignore_ascii_case(b"Content-Length") {
            &mut self.content_length
        } else {
            return;
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
}

/// Reads the pages of a WARC input.
#[derive(Debug)]
pub(crate) struct WarcReader {
    input: SourceReader,
    path: String,
    limit: u64,
    /// Records started so far.
    number: u64,
    then: Then,
    /// A `WARC/1.` line found by a resync: its position and text.
    pending: Option<(u64, Vec<u8>)>,
    line: Vec<u8>,
    skipped: u64,
    done: bool,
}

impl WarcReader {
    pub(crate) fn new(path: String, source: Source, options: &Options) -> WarcReader {
        WarcReader {
            input: buffered(source),
            path,
            limit: options.max_record_bytes,
            number: 0,
            then: Then::Continue,
            pending: None,
            line: Vec::new(),
            skipped: 0,
            done: false,
        }
    }

    /// Records passed over so far.
    pub(crate) fn skipped(&self) -> u64 {
        self.skipped
    }

    fn origin(&mut self, record: u64, pos: u64) -> Origin {
        Origin {
            path: self.path.clone(),
            record: Some(record),
            offset: Some(stored_offset(&mut self.input, pos)),
        }
    }

    fn fail(&mut self, record: u64, pos: u64, kind: ErrorKind, then: Then) -> Step {
        let origin = self.origin(record, pos);
        Step::Failed(Box::new(Error::new(origin, kind)), then)
    }

    fn fail_io(&mut self, record: u64, pos: u64, err: std::io::Error) -> Step {
        let origin = self.origin(record, pos);
        Step::Failed(Box::new(Error::from_io(origin, err)), Then::Stop)
    }

    /// Reads one record.
    fn step(&mut self) -> Step {
        // The version line, past blank lines between records.
        let (start, version) = match self.pending.take() {
            Some(found) => found,
            None => loop {
                let start = self.input.pos();
                self.line.clear();
                match self.input.read_line(&mut self.line, MAX_HEADER_BYTES) {
                    Ok(None) => return Step::End,
                    Ok(Some(_)) if self.line.trim_ascii().is_empty() => continue,
                    Ok(Some(_)) => break (start, std::mem::take(&mut self.line)),
                    Err(e) => return self.fail_io(self.number.saturating_add(1), start, e),
                }
            },
        };
        self.number = self.number.saturating_add(1);
        let number = self.number;
        if !version.starts_with(b"WARC/") {
            let what = format!("expected a `WARC/1.x` line, found {}", preview(&version));
            return self.fail(number, start, ErrorKind::WarcHeader { what }, Then::Resync);
        }

        // The header fields, up to the blank line.
        let mut headers = Headers::default();
        let mut total = version.len();
        loop {
            self.line.clear();
            let line = match self.input.read_line(&mut self.line, MAX_HEADER_BYTES) {
                Ok(Some(line)) => line,
                Ok(None) => {
                    let what = "the file ends inside the record header".to_owned();
                    return self.fail(number, start, ErrorKind::WarcHeader { what }, Then::Stop);
                }
                Err(e) => return self.fail_io(number, start, e),
            };
            total = total.saturating_add(usize::try_from(line.len).unwrap_or(usize::MAX));
            if line.cut || total > MAX_HEADER_BYTES {
                let what = format!("header longer than {MAX_HEADER_BYTES} bytes");
                return self.fail(number, start, ErrorKind::WarcHeader { what }, Then::Resync);
            }
            let text = self.line.trim_ascii_end();
            if text.is_empty() {
                break;
            }
            if text.starts_with(b"WARC/1.") {
                // The next record began before this header ended.
                let what = "header has no blank line before the next record".to_owned();
                let next_at = self.input.pos().saturating_sub(line.len);
                self.pending = Some((next_at, std::mem::take(&mut self.line)));
                return self.fail(
                    number,
                    start,
                    ErrorKind::WarcHeader { what },
                    Then::Continue,
                );
            }
            if text.first().is_some_and(|&b| b == b' ' || b == b'\t') {
                continue; // folded continuation of a field the reader does not need
            }
            let Some(colon) = memchr::memchr(b':', text) else {
                let what = format!("header line without a colon: {}", preview(text));
                return self.fail(number, start, ErrorKind::WarcHeader { what }, Then::Resync);
            };
            let name = text.get(..colon).unwrap_or_default().trim_ascii();
            let value = text
                .get(colon.saturating_add(1)..)
                .unwrap_or_default()
                .trim_ascii();
            headers.set(name, String::from_utf8_lossy(value).into_owned());
        }

        let length = match headers.content_length.as_deref().map(str::parse::<u64>) {
            Some(Ok(length)) => length,
            Some(Err(_)) => {
                let what = format!(
                    "Content-Length is not a number: {:?}",
                    headers.content_length.as_deref().unwrap_or_default()
                );
                return self.fail(number, start, ErrorKind::WarcHeader { what }, Then::Resync);
            }
            None => {
                let what = "no Content-Length".to_owned();
                return self.fail(number, start, ErrorKind::WarcHeader { what }, Then::Resync);
            }
        };

        // The block.
        let warc_type = headers
            .warc_type
            .as_deref()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let wanted = matches!(warc_type.as_str(), "response" | "resource" | "conversion");
        if !wanted || length > self.limit {
            let got = match self.input.skip(length) {
                Ok(got) => got,
                Err(e) => return self.fail_io(number, start, e),
            };
            if got < length {
                let kind = ErrorKind::WarcTruncated {
                    expected: length,
                    got,
                };
                return self.fail(number, start, kind, Then::Stop);
            }
            if wanted {
                let kind = ErrorKind::TooLarge {
                    size: Some(length),
                    limit: self.limit,
                };
                return self.fail(number, start, kind, Then::Continue);
            }
            return Step::Skipped;
        }
        let mut block = Vec::new();
        let got = match self.input.read_exact_or_eof(length, &mut block) {
            Ok(got) => got,
            Err(e) => return self.fail_io(number, start, e),
        };
        if got < length {
            let kind = ErrorKind::WarcTruncated {
                expected: length,
                got,
            };
            return self.fail(number, start, kind, Then::Stop);
        }

        let origin = self.origin(number, start);
        match page(&warc_type, &headers, block, self.limit) {
            Ok(Some((content, markup, decoded_from, lossy))) => Step::Record(Box::new(Record {
                origin,
                format: InputFormat::Warc,
                markup,
                url: headers.target_uri.map(unbracket),
                id: headers.record_id.map(unbracket),
                published: None,
                fetched: headers.date,
                content,
                encoding: decoded_from,
                lossy,
            })),
            Ok(None) => Step::Skipped,
            Err(kind) => Step::Failed(Box::new(Error::new(origin, kind)), Then::Continue),
        }
    }

    /// Skips to the next line starting with `WARC/1.` and keeps it for
    /// [`WarcReader::step`].
    fn resync(&mut self) -> std::result::Result<(), std::io::Error> {
        loop {
            let start = self.input.pos();
            self.line.clear();
            match self.input.read_line(&mut self.line, 16)? {
                None => return Ok(()),
                Some(_) if self.line.starts_with(b"WARC/1.") => {
                    self.pending = Some((start, std::mem::take(&mut self.line)));
                    return Ok(());
                }
                Some(_) => {}
            }
        }
    }
}

impl Iterator for WarcReader {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Result<Record>> {
        while !self.done {
            if self.then == Then::Resync {
                self.then = Then::Continue;
                let at = self.input.pos();
                if let Err(e) = self.resync() {
                    self.done = true;
                    let origin = self.origin(self.number, at);
                    return Some(Err(Error::from_io(origin, e)));
                }
            }
            match self.step() {
                Step::Record(record) => return Some(Ok(*record)),
                Step::Skipped => self.skipped = self.skipped.saturating_add(1),
                Step::End => self.done = true,
                Step::Failed(err, then) => {
                    self.then = then;
                    self.done = then == Then::Stop;
                    return Some(Err(*err));
                }
            }
        }
        None
    }
}

/// The page in a record's block: (content, markup, encoding name, lossy);
/// `None` when the record holds no page.
fn page(
    warc_type: &str,
    headers: &Headers,
    block: Vec<u8>,
    limit: u64,
) -> std::result::Result<Option<(String, Markup, &'static str, bool)>, ErrorKind> {
    let url = headers
        .target_uri
        .as_deref()
        .map(|u| u.trim_matches(['<', '>']));
    let (media_type, charset) = headers
        .content_type
        .as_deref()
        .map(http::parse_content_type)
        .unwrap_or_default();
    let (body, markup, charset) = if warc_type == "response" {
        if !(media_type.is_empty() || media_type == "application/http") {
            return Ok(None);
        }
        let Some(head) = http::parse_head(&block) else {
            return Ok(None);
        };
        if head.status != 200 {
            return Ok(None);
        }
        let declared = match head.media_type.as_deref() {
            Some("text/html" | "application/xhtml+xml") => Some(Markup::Html),
            None | Some("") => None,
            Some(_) => return Ok(None),
        };
        let charset = head.charset.clone();
        let body = http::body(block, &head, limit)?;
        let markup = match declared {
            Some(markup) => markup,
            None if html_evidence(&body) == HtmlEvidence::Strong => Markup::Html,
            None => return Ok(None),
        };
        (body, markup, charset)
    } else {
        let markup = match media_type.as_str() {
            "text/html" | "application/xhtml+xml" => Markup::Html,
            "text/plain" => Markup::Text,
            _ => return Ok(None),
        };
        (block, markup, charset)
    };
    if body.trim_ascii().is_empty() {
        return Ok(None);
    }
    let decoded = decode::decode(
        body,
        Hints {
            charset: charset.as_deref(),
            html: markup == Markup::Html,
            url,
        },
    );
    Ok(Some((
        decoded.text,
        markup,
        decoded.encoding.name(),
        decoded.lossy,
    )))
}

/// `<urn:uuid:…>` → `urn:uuid:…` (and the same for URIs some writers wrap).
fn unbracket(value: String) -> String {
    match value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        Some(inner) => inner.to_owned(),
        None => value,
    }
}

/// The start of a line, printable, for an error message.
fn preview(line: &[u8]) -> String {
    let line = line.trim_ascii();
    let cut = line.get(..40).unwrap_or(line);
    let mut text: String = String::from_utf8_lossy(cut)
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    if cut.len() < line.len() {
        text.push('…');
    }
    format!("{text:?}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FormatChoice;
    use crate::testutil::*;

    const URL: &str = "http://www.vov.vn/world/syria-ceasefire-72-hours";

    #[test]
    fn warcinfo_request_response_gives_one_record_with_its_url() {
        let html = b"<html><body><p>Syrian army declares 72-hour regime of calm.</p></body></html>";
        let mut warc = warcinfo();
        warc.extend(warc_request(URL));
        let response_at = warc.len();
        warc.extend(warc_response(
            URL,
            &http_response(200, "text/html; charset=utf-8", html),
        ));
        let items = read_all("crawl.warc", &warc, FormatChoice::Auto);
        assert_eq!(
            summarize(&items),
            [format!(
                "ok 3@{response_at} html url={URL} id=urn:uuid:00000000-0000-0000-0000-000000000001 {}",
                String::from_utf8_lossy(html)
            )]
        );
        let record = items
            .first()
            .and_then(|r| r.as_ref().ok())
            .expect("a record");
        assert_eq!(record.format, InputFormat::Warc);
        assert_eq!(record.fetched.as_deref(), Some("2016-07-06T01:02:03Z"));
        assert_eq!(record.published, None);
        assert_eq!(record.encoding, "UTF-8");
    }

    #[test]
    fn per_record_gzip_members_report_member_offsets() {
        let page = |n: u32| {
            http_response(
                200,
                "text/html",
                format!("<html><body>page {n}</body></html>").as_bytes(),
            )
        };
        let records = [
            warcinfo(),
            warc_response("http://a.example/1", &page(1)),
            warc_request("http://a.example/2"),
            warc_response("http://a.example/2", &page(2)),
        ];
        let parts: Vec<&[u8]> = records.iter().map(Vec::as_slice).collect();
        let (gz, starts) = gzip_members(&parts);
        let options = crate::Options::default();
        let mut inputs = crate::read_stream_with("cc.warc.gz", std::io::Cursor::new(gz), options);
        let items: Vec<_> = inputs.by_ref().collect();
        assert_eq!(
            summarize(&items),
            [
                format!(
                    "ok 2@{} html url=http://a.example/1 id=urn:uuid:00000000-0000-0000-0000-000000000001 <html><body>page 1</body></html>",
                    starts[1]
                ),
                format!(
                    "ok 4@{} html url=http://a.example/2 id=urn:uuid:00000000-0000-0000-0000-000000000001 <html><body>page 2</body></html>",
                    starts[3]
                ),
            ]
        );
        assert_eq!(inputs.skipped(), 2);
    }

    #[test]
    fn chunked_and_gzip_encoded_payload_is_decoded() {
        let html = "<html><head><meta charset=\"windows-1252\"></head><body>Cessez-le-feu d\u{e9}cr\u{e9}t\u{e9}</body></html>";
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(html);
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\
            Transfer-Encoding: chunked\r\n\r\n"
            .to_vec();
        block.extend(chunked(&gzip(&latin), 10));
        let warc = warc_response("http://www.lemonde.fr/x", &block);
        let items = read_all("x.warc", &warc, FormatChoice::Warc);
        let record = items
            .first()
            .and_then(|r| r.as_ref().ok())
            .expect("a record");
        assert_eq!(record.content, html);
        assert_eq!(record.encoding, "windows-1252");
    }

    #[test]
    fn http_charset_and_tld_guess() {
        // Declared by HTTP.
        let (koi8, _, _) = encoding_rs::KOI8_R.encode("<p>Перемирие в Сирии</p>");
        let warc = warc_response(
            "http://ria.ru/x",
            &http_response(200, "text/html; charset=koi8-r", &koi8),
        );
        let items = read_all("x.warc", &warc, FormatChoice::Auto);
        let record = items
            .first()
            .and_then(|r| r.as_ref().ok())
            .expect("a record");
        assert_eq!(record.content, "<p>Перемирие в Сирии</p>");
        // Undeclared ISO-8859-1 page from a .de host.
        let text = "<html><body><p>Die Waffenruhe in Syrien gilt seit Mitternacht. Beide Seiten \
            werfen sich Verstöße vor, berichten Beobachter aus Aleppo und Damaskus. Die Gespräche \
            über eine Verlängerung laufen, heißt es aus Genf.</p></body></html>";
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let warc = warc_response(
            "https://www.spiegel.de/politik/x.html",
            &http_response(200, "text/html", &latin),
        );
        let items = read_all("x.warc", &warc, FormatChoice::Auto);
        let record = items
            .first()
            .and_then(|r| r.as_ref().ok())
            .expect("a record");
        assert_eq!(record.content, text);
        assert_eq!(record.encoding, "windows-1252");
    }

    #[test]
    fn non_200_non_html_and_other_types_are_skipped_silently() {
        let mut warc = warc_response(
            "http://a/1",
            &http_response(301, "text/html", b"<html>moved</html>"),
        );
        warc.extend(warc_response(
            "http://a/2",
            &http_response(200, "image/png", b"\x89PNG"),
        ));
        warc.extend(warc_record(
            "metadata",
            &[("Content-Type", "application/warc-fields")],
            b"a: b\r\n",
        ));
        warc.extend(warc_record("revisit", &[], b""));
        warc.extend(warc_response(
            "http://a/3",
            &http_response(200, "text/html", b"  "),
        ));
        warc.extend(warc_record(
            "resource",
            &[("Content-Type", "text/plain; charset=utf-8")],
            b"plain resource",
        ));
        warc.extend(warc_record(
            "conversion",
            &[("Content-Type", "text/plain")],
            b"WET text",
        ));
        warc.extend(warc_record(
            "resource",
            &[("Content-Type", "image/jpeg")],
            b"\xFF\xD8",
        ));
        let mut inputs = crate::read_stream_with(
            "x.warc",
            std::io::Cursor::new(warc),
            crate::Options::default(),
        );
        let items: Vec<_> = inputs.by_ref().collect();
        let summary = summarize(&items);
        assert_eq!(summary.len(), 2, "{summary:?}");
        assert!(summary[0].starts_with("ok 6@") && summary[0].ends_with(" text plain resource"));
        assert!(summary[1].starts_with("ok 7@") && summary[1].ends_with(" text WET text"));
        assert_eq!(inputs.skipped(), 6);
    }

    #[test]
    fn broken_header_then_good_record_resyncs() {
        let good = warc_response(
            "http://a/ok",
            &http_response(200, "text/html", b"<p>ok</p>"),
        );
        let mut warc = warcinfo();
        let broken_at = warc.len();
        warc.extend(
            b"WARC/1.1\r\nWARC-Type: response\r\nthis line has no colon\r\n\r\n<p>lost</p>\r\n\r\n",
        );
        let good_at = warc.len();
        warc.extend(&good);
        // Garbage where a record should start, then a record with no length.
        let garbage_at = warc.len();
        warc.extend(b"\x00\x01garbage line\r\nmore garbage\r\n");
        let no_length_at = warc.len();
        warc.extend(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n<p>a block of unknown length</p>\r\n");
        let last_at = warc.len();
        warc.extend(&good);
        let items = read_all("x.warc", &warc, FormatChoice::Auto);
        assert_eq!(
            summarize(&items),
            [
                format!(
                    "err 2@{broken_at} bad WARC record header: header line without a colon: \"this line has no colon\""
                ),
                format!(
                    "ok 3@{good_at} html url=http://a/ok id=urn:uuid:00000000-0000-0000-0000-000000000001 <p>ok</p>"
                ),
                format!(
                    "err 4@{garbage_at} bad WARC record header: expected a `WARC/1.x` line, found \"\u{FFFD}\u{FFFD}garbage line\""
                ),
                format!("err 5@{no_length_at} bad WARC record header: no Content-Length"),
                format!(
                    "ok 6@{last_at} html url=http://a/ok id=urn:uuid:00000000-0000-0000-0000-000000000001 <p>ok</p>"
                ),
            ]
        );
    }

    #[test]
    fn wrong_content_length_is_caught_at_the_next_record() {
        let mut first = warc_response(
            "http://a/1",
            &http_response(200, "text/html", b"<p>one</p>"),
        );
        // Claim 3 bytes fewer than the block has.
        let text = String::from_utf8(first.clone()).expect("ascii");
        let len: usize = text
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .and_then(|v| v.parse().ok())
            .expect("has a length");
        first = text
            .replacen(
                &format!("Content-Length: {len}"),
                &format!("Content-Length: {}", len - 3),
                1,
            )
            .into_bytes();
        let mut warc = first;
        warc.extend(warc_response(
            "http://a/2",
            &http_response(200, "text/html", b"<p>two</p>"),
        ));
        let items = read_all("x.warc", &warc, FormatChoice::Auto);
        let summary = summarize(&items);
        assert_eq!(summary.len(), 3, "{summary:?}");
        assert!(summary[0].starts_with("ok 1@0 html"));
        assert!(summary[1].starts_with("err 2@"), "{}", summary[1]);
        assert!(summary[2].starts_with("ok 3@") && summary[2].ends_with("<p>two</p>"));
    }

    #[test]
    fn truncated_gzip_stops_the_file_after_the_good_records() {
        let big_page = format!(
            "<html><body>{}</body></html>",
            "Truce talks resume in Geneva. ".repeat(200)
        );
        let records = [
            warc_response(
                "http://a/1",
                &http_response(200, "text/html", b"<p>one</p>"),
            ),
            warc_response(
                "http://a/2",
                &http_response(200, "text/html", big_page.as_bytes()),
            ),
            warc_response(
                "http://a/3",
                &http_response(200, "text/html", b"<p>three</p>"),
            ),
        ];
        let parts: Vec<&[u8]> = records.iter().map(Vec::as_slice).collect();
        let (mut gz, starts) = gzip_members(&parts);
        gz.truncate(starts[2] as usize - 40);
        let items = read_all("cut.warc.gz", &gz, FormatChoice::Auto);
        let summary = summarize(&items);
        assert_eq!(summary.len(), 2, "{summary:?}");
        assert!(summary[0].starts_with("ok 1@0 html"));
        assert_eq!(
            summary[1],
            format!(
                "err 2@{} gzip data is truncated (the file was cut short)",
                starts[1]
            )
        );
    }

    #[test]
    fn file_ending_inside_a_record() {
        let mut warc = warcinfo();
        let at = warc.len();
        let record = warc_response(
            "http://a/1",
            &http_response(200, "text/html", b"<p>one</p>"),
        );
        warc.extend(record.get(..record.len() - 8).expect("long enough"));
        let items = read_all("x.warc", &warc, FormatChoice::Auto);
        assert_eq!(
            summarize(&items),
            [format!(
                "err 2@{at} WARC record is truncated: Content-Length is 68 bytes but only 64 follow"
            )]
        );
    }

    #[test]
    fn oversized_record_is_skipped_and_reading_goes_on() {
        let big = http_response(200, "text/html", &vec![b'a'; 5000]);
        let mut warc = warc_response("http://a/big", &big);
        let next_at = warc.len();
        warc.extend(warc_response(
            "http://a/small",
            &http_response(200, "text/html", b"<p>small</p>"),
        ));
        let options = crate::Options {
            max_record_bytes: 1000,
            ..crate::Options::default()
        };
        let items: Vec<_> =
            crate::read_stream_with("x.warc", std::io::Cursor::new(warc), options).collect();
        let summary = summarize(&items);
        assert_eq!(
            summary[0],
            format!(
                "err 1@0 {} bytes, over the 1000-byte limit; skipped",
                big.len()
            )
        );
        assert!(summary[1].starts_with(&format!("ok 2@{next_at} html url=http://a/small")));
    }

    #[test]
    fn missing_blank_line_before_next_record_keeps_the_next_record() {
        let mut warc = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n".to_vec();
        let next_at = warc.len();
        warc.extend(warc_response(
            "http://a/1",
            &http_response(200, "text/html", b"<p>one</p>"),
        ));
        let items = read_all("x.warc", &warc, FormatChoice::Auto);
        let summary = summarize(&items);
        assert_eq!(summary.len(), 2, "{summary:?}");
        assert_eq!(
            summary[0],
            "err 1@0 bad WARC record header: header has no blank line before the next record"
        );
        assert!(summary[1].starts_with(&format!("ok 2@{next_at} html")));
    }

    #[test]
    fn missing_content_type_is_sniffed() {
        let block =
            b"HTTP/1.0 200 OK\r\nServer: x\r\n\r\n<!DOCTYPE html><html><body>x</body></html>";
        let items = read_all(
            "x.warc",
            &warc_response("http://a/", block),
            FormatChoice::Auto,
        );
        assert_eq!(items.len(), 1);
        let block = b"HTTP/1.0 200 OK\r\nServer: x\r\n\r\n{\"json\": true}";
        let items = read_all(
            "x.warc",
            &warc_response("http://a/", block),
            FormatChoice::Auto,
        );
        assert_eq!(items.len(), 0);
    }
}
