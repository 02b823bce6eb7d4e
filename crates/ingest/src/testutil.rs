//! Helpers for the tests: gzip and WARC fixtures built in memory, and a
//! one-line summary of each streamed item so tests compare whole streams.

use std::io::Write;

use dateline_core::Markup;

use crate::{FormatChoice, Record, Result};

/// `data` as one gzip member.
pub(crate) fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data).expect("in memory");
    encoder.finish().expect("in memory")
}

/// Each part as its own gzip member, concatenated; with the compressed
/// offset of each member.
pub(crate) fn gzip_members(parts: &[&[u8]]) -> (Vec<u8>, Vec<u64>) {
    let mut out = Vec::new();
    let mut starts = Vec::new();
    for part in parts {
        starts.push(out.len() as u64);
        out.extend_from_slice(&gzip(part));
    }
    (out, starts)
}

/// `data` in chunked transfer coding, `size` bytes a chunk.
pub(crate) fn chunked(data: &[u8], size: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in data.chunks(size) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// One WARC record: version line, headers, a blank line, the block and the
/// two-CRLF trailer. `Content-Length` is computed.
pub(crate) fn warc_record(warc_type: &str, headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = format!("WARC/1.1\r\nWARC-Type: {warc_type}\r\n").into_bytes();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP 200 response block with `content_type` and `body`.
pub(crate) fn http_response(status: u16, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out =
        format!("HTTP/1.1 {status} OK\r\nContent-Type: {content_type}\r\nServer: test\r\n\r\n")
            .into_bytes();
    out.extend_from_slice(body);
    out
}

/// A `response` record for `url` holding an HTTP response block.
pub(crate) fn warc_response(url: &str, block: &[u8]) -> Vec<u8> {
    warc_record(
        "response",
        &[
            ("WARC-Target-URI", url),
            ("WARC-Date", "2016-07-06T01:02:03Z"),
            (
                "WARC-Record-ID",
                "<urn:uuid:00000000-0000-0000-0000-000000000001>",
            ),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        block,
    )
}

/// A `warcinfo` record, as WARC files start.
pub(crate) fn warcinfo() -> Vec<u8> {
    warc_record(
        "warcinfo",
        &[("Content-Type", "application/warc-fields")],
        b"software: test\r\nformat: WARC File Format 1.1\r\n",
    )
}

/// A `request` record for `url`.
pub(crate) fn warc_request(url: &str) -> Vec<u8> {
    warc_record(
        "request",
        &[
            ("WARC-Target-URI", url),
            ("Content-Type", "application/http; msgtype=request"),
        ],
        format!("GET / HTTP/1.1\r\nHost: {url}\r\n\r\n").as_bytes(),
    )
}

/// Collects every item of a stream over in-memory `input`.
pub(crate) fn read_all(name: &str, input: &[u8], choice: FormatChoice) -> Vec<Result<Record>> {
    crate::read_stream(name, std::io::Cursor::new(input.to_vec()), choice).collect()
}

/// One line per item: `ok RECORD@OFFSET MARKUP [url=…] [id=…] CONTENT` or
/// `err RECORD@OFFSET KIND`, with `-` for an absent record or offset.
pub(crate) fn summarize(items: &[Result<Record>]) -> Vec<String> {
    fn at(record: Option<u64>, offset: Option<u64>) -> String {
        let show = |v: Option<u64>| v.map_or_else(|| "-".to_owned(), |v| v.to_string());
        format!("{}@{}", show(record), show(offset))
    }
    items
        .iter()
        .map(|item| match item {
            Ok(r) => {
                let mut line = format!("ok {} ", at(r.origin.record, r.origin.offset));
                line.push_str(match r.markup {
                    Markup::Html => "html",
                    Markup::Text => "text",
                });
                if let Some(url) = &r.url {
                    line.push_str(&format!(" url={url}"));
                }
                if let Some(id) = &r.id {
                    line.push_str(&format!(" id={id}"));
                }
                line.push(' ');
                line.push_str(&r.content);
                line
            }
            Err(e) => format!("err {} {}", at(e.origin.record, e.origin.offset), e.kind),
        })
        .collect()
}
