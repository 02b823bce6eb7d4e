//! The HTTP response inside a WARC `response` record: status line, the few
//! headers that matter, and the payload with `Transfer-Encoding: chunked`
//! and `Content-Encoding: gzip`/`deflate` undone.
//!
//! Lenient where crawls are messy: a body announced as chunked that does not
//! start with a chunk size is taken as already de-chunked (crawlers that
//! store decoded payloads sometimes keep the header), a chunked body cut
//! short keeps the chunks before the cut, and a body announced as gzip that
//! lacks the gzip magic is taken as already decoded. It does not decide which
//! records to keep (see [`crate::warc`]) or decode charsets.

use std::io::Read;

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use memchr::memmem;

use crate::ErrorKind;

/// The parts of an HTTP response head the reader needs.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct ResponseHead {
    pub(crate) status: u16,
    /// The media type, lowercase, without parameters.
    pub(crate) media_type: Option<String>,
    pub(crate) charset: Option<String>,
    pub(crate) content_encoding: Option<String>,
    pub(crate) chunked: bool,
    /// Where the body starts in the block.
    pub(crate) body_start: usize,
}

/// Parses the status line and headers at the start of `block`; `None` if it
/// is not an HTTP response.
pub(crate) fn parse_head(block: &[u8]) -> Option<ResponseHead> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let (head_len, body_start) = head_end(block);
    let head = block.get(..head_len)?;
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let status_line = lines.next()?;
    let status = status_line
        .split(|&b| b == b' ')
        .filter(|part| !part.is_empty())
        .nth(1)
        .filter(|code| code.len() == 3)
        .and_then(|code| std::str::from_utf8(code).ok())
        .and_then(|code| code.parse().ok())?;
    let mut out = ResponseHead {
        status,
        body_start,
        ..ResponseHead::default()
    };
    for line in lines {
        let Some(colon) = memchr::memchr(b':', line) else {
            continue;
        };
        let name = line.get(..colon).unwrap_or_default().trim_ascii();
        let value =
            String::from_utf8_lossy(line.get(colon.saturating_add(1)..).unwrap_or_default());
        let value = value.trim();
        if name.eq_ignore_ascii_case(b"content-type") {
            let (media_type, charset) = parse_content_type(value);
            out.media_type = Some(media_type);
            out.charset = charset;
        } else if name.eq_ignore_ascii_case(b"content-encoding") {
            out.content_encoding = Some(value.to_ascii_lowercase());
        } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
            out.chunked = value.to_ascii_lowercase().contains("chunked");
        }
    }
    Some(out)
}

/// (length of the head without the blank line, start of the body).
fn head_end(block: &[u8]) -> (usize, usize) {
    let crlf = memmem::find(block, b"\r\n\r\n").map(|i| (i, i.saturating_add(4)));
    let lf = memmem::find(block, b"\n\n").map(|i| (i, i.saturating_add(2)));
    match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => (block.len(), block.len()),
    }
}

/// Splits a `Content-Type` value into its lowercase media type and charset.
pub(crate) fn parse_content_type(value: &str) -> (String, Option<String>) {
    let mut parts = value.split(';');
    let media_type = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let charset = parts.find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
            .filter(|v| !v.is_empty())
    });
    (media_type, charset)
}

/// The response body of `block`, de-chunked and decompressed; at most
/// `limit` bytes once decoded. Takes the block to reuse its memory when the
/// body needs no decoding.
pub(crate) fn body(
    mut block: Vec<u8>,
    head: &ResponseHead,
    limit: u64,
) -> Result<Vec<u8>, ErrorKind> {
    let start = head.body_start.min(block.len());
    let dechunked = if head.chunked {
        dechunk(block.get(start..).unwrap_or_default())
    } else {
        None
    };
    let body = match dechunked {
        Some(body) => body,
        None => {
            block.drain(..start);
            block
        }
    };
    match head.content_encoding.as_deref() {
        None | Some("" | "identity" | "none") => Ok(body),
        Some("gzip" | "x-gzip") if body.starts_with(&[0x1f, 0x8b]) => {
            inflate(MultiGzDecoder::new(body.as_slice()), limit, "gzip", true)
        }
        Some("deflate") if looks_zlib(&body) => {
            inflate(ZlibDecoder::new(body.as_slice()), limit, "deflate", true)
        }
        Some("deflate") => match inflate(
            DeflateDecoder::new(body.as_slice()),
            limit,
            "deflate",
            false,
        ) {
            // Neither zlib nor raw deflate: most likely stored decoded.
            Err(ErrorKind::HttpPayload { .. }) => Ok(body),
            other => other,
        },
        // Announced as compressed but not: stored decoded by the crawler.
        Some("gzip" | "x-gzip") => Ok(body),
        Some(other) => Err(ErrorKind::HttpPayload {
            what: format!("unsupported Content-Encoding {other:?}"),
        }),
    }
}

fn looks_zlib(body: &[u8]) -> bool {
    match body {
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

/// Decompresses, refusing output over `limit`. With `keep_partial`, a
/// stream cut short keeps what came before the cut (truncated captures are
/// common); without it, any failure is an error.
fn inflate(
    decoder: impl Read,
    limit: u64,
    name: &str,
    keep_partial: bool,
) -> Result<Vec<u8>, ErrorKind> {
    let mut out = Vec::new();
    let mut capped = decoder.take(limit.saturating_add(1));
    match capped.read_to_end(&mut out) {
        Ok(_) => {}
        Err(e)
            if keep_partial && e.kind() == std::io::ErrorKind::UnexpectedEof && !out.is_empty() => {
        }
        Err(e) => {
            return Err(ErrorKind::HttpPayload {
                what: format!("corrupt {name} Content-Encoding: {e}"),
            });
        }
    }
    if out.len() as u64 > limit {
        return Err(ErrorKind::TooLarge { size: None, limit });
    }
    Ok(out)
}

/// Undoes chunked transfer coding; `None` if `raw` does not start with a
/// chunk size line (then it is taken as already de-chunked).
fn dechunk(raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len());
    let mut rest = raw;
    let mut first = true;
    loop {
        let Some(eol) = memchr::memchr(b'\n', rest) else {
            if first {
                return None;
            }
            break; // cut short: keep what we have
        };
        let line = rest.get(..eol).unwrap_or_default();
        let size_text = line
            .split(|&b| b == b';')
            .next()
            .unwrap_or_default()
            .trim_ascii();
        let size = std::str::from_utf8(size_text)
            .ok()
            .filter(|s| !s.is_empty())
            .and_then(|s| usize::from_str_radix(s, 16).ok());
        let Some(size) = size else {
            if first {
                return None;
            }
            break;
        };
        first = false;
        if size == 0 {
            break;
        }
        rest = rest.get(eol.saturating_add(1)..).unwrap_or_default();
        let take = size.min(rest.len());
        out.extend_from_slice(rest.get(..take).unwrap_or_default());
        rest = rest.get(take..).unwrap_or_default();
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
        if take < size {
            break;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{chunked, gzip};

    #[test]
    fn parses_status_and_headers() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"Windows-1252\"\r\n\
            Content-Encoding: GZIP\r\nTransfer-Encoding: chunked\r\n\r\nbody";
        let head = parse_head(block).expect("a response");
        assert_eq!(head.status, 200);
        assert_eq!(head.media_type.as_deref(), Some("text/html"));
        assert_eq!(head.charset.as_deref(), Some("Windows-1252"));
        assert_eq!(head.content_encoding.as_deref(), Some("gzip"));
        assert!(head.chunked);
        assert_eq!(block.get(head.body_start..), Some(&b"body"[..]));
        assert_eq!(
            parse_head(b"HTTP/2 404\n\nnope").map(|h| h.status),
            Some(404)
        );
        assert_eq!(parse_head(b"GET / HTTP/1.1\r\n\r\n"), None);
        assert_eq!(parse_head(b"HTTP/1.1 2000 OK\r\n\r\n"), None);
    }

    #[test]
    fn chunked_then_gzip_payload() {
        let html = b"<html><body><p>Truce declared in Aleppo.</p></body></html>";
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\
            Transfer-Encoding: chunked\r\n\r\n"
            .to_vec();
        block.extend_from_slice(&chunked(&gzip(html), 7));
        let head = parse_head(&block).expect("a response");
        assert_eq!(body(block, &head, 1 << 20).expect("decodes"), html);
    }

    #[test]
    fn lenient_about_already_decoded_payloads() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n<p>plain</p>";
        let head = parse_head(block).expect("a response");
        assert_eq!(
            body(block.to_vec(), &head, 1 << 20).expect("kept as is"),
            b"<p>plain</p>"
        );
    }

    #[test]
    fn chunked_cut_short_keeps_the_chunks_before() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n3\r\nwor").as_deref(),
            Some(&b"hellowor"[..])
        );
        assert_eq!(
            dechunk(b"5;ext=1\r\nhello\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello"[..])
        );
        assert_eq!(dechunk(b"<html>"), None);
    }

    #[test]
    fn corrupt_gzip_is_an_error_and_bombs_are_capped() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00garbage";
        let head = parse_head(block).expect("a response");
        assert!(matches!(
            body(block.to_vec(), &head, 1 << 20),
            Err(ErrorKind::HttpPayload { .. })
        ));
        let mut bomb = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        bomb.extend_from_slice(&gzip(&vec![b'a'; 100_000]));
        let head = parse_head(&bomb).expect("a response");
        assert!(matches!(
            body(bomb, &head, 1000),
            Err(ErrorKind::TooLarge { .. })
        ));
        let br = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx";
        let head = parse_head(br).expect("a response");
        assert!(matches!(
            body(br.to_vec(), &head, 1000),
            Err(ErrorKind::HttpPayload { .. })
        ));
    }

    #[test]
    fn deflate_zlib_and_raw() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(b"zlib body").expect("in memory");
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n".to_vec();
        block.extend_from_slice(&z.finish().expect("in memory"));
        let head = parse_head(&block).expect("a response");
        assert_eq!(body(block, &head, 100).expect("decodes"), b"zlib body");
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        d.write_all(b"raw body").expect("in memory");
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n".to_vec();
        block.extend_from_slice(&d.finish().expect("in memory"));
        let head = parse_head(&block).expect("a response");
        assert_eq!(body(block, &head, 100).expect("decodes"), b"raw body");
    }
}
