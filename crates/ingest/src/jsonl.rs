//! JSON Lines: one page per line, streamed line by line.
//!
//! A line is an object with the page in `html` (→ [`Markup::Html`]), `text`
//! (→ [`Markup::Text`]) or `content` (markup told from the content), tried in
//! that order; optional `url` and `published` (strings) and `id` (string or
//! number). Other fields are ignored; `null` is the same as absent. Blank
//! lines are skipped but counted, so [`Origin::record`] is always the line
//! number a text editor shows.
//!
//! A line that is not JSON, not an object, has a field of the wrong type or
//! no page is an [`ErrorKind::Json`] item and the next line is read. Bytes
//! that are not UTF-8 are replaced (U+FFFD) before parsing, so one bad byte
//! in a page does not cost the line; the record says so with
//! [`Record::lossy`]. A line over
//! [`Options::max_record_bytes`](crate::Options::max_record_bytes) is
//! consumed without being kept and is an [`ErrorKind::TooLarge`] item. It
//! never holds more than one line in memory.

use std::borrow::Cow;

use dateline_core::{InputFormat, Markup};
use serde::Deserialize;

use crate::detect::{HtmlEvidence, html_evidence};
use crate::source::{SourceReader, buffered};
use crate::{Error, ErrorKind, Options, Origin, Record, Result};

/// A line buffer grown past this is given back after the line.
const KEEP_LINE_CAPACITY: usize = 1 << 20;

#[derive(Deserialize)]
struct JsonLine {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    id: Option<JsonId>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum JsonId {
    Text(String),
    Number(serde_json::Number),
}

/// Reads the records of a JSON Lines input.
#[derive(Debug)]
pub(crate) struct JsonlReader {
    input: SourceReader,
    path: String,
    limit: u64,
    line_number: u64,
    line: Vec<u8>,
    done: bool,
}

impl JsonlReader {
    pub(crate) fn new(
        path: String,
        source: crate::source::Source,
        options: &Options,
    ) -> JsonlReader {
        JsonlReader {
            input: buffered(source),
            path,
            limit: options.max_record_bytes,
            line_number: 0,
            line: Vec::new(),
            done: false,
        }
    }

    fn origin(&self, offset: u64) -> Origin {
        Origin {
            path: self.path.clone(),
            record: Some(self.line_number),
            offset: Some(offset),
        }
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Result<Record>> {
        while !self.done {
            let start = self.input.pos();
            if self.line.capacity() > KEEP_LINE_CAPACITY {
                self.line = Vec::new();
            }
            self.line.clear();
            let keep = usize::try_from(self.limit.saturating_add(2)).unwrap_or(usize::MAX);
            let line = match self.input.read_line(&mut self.line, keep) {
                Ok(Some(line)) => line,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    self.line_number = self.line_number.saturating_add(1);
                    return Some(Err(Error::from_io(self.origin(start), e)));
                }
            };
            self.line_number = self.line_number.saturating_add(1);
            let origin = self.origin(start);
            let mut bytes = self.line.as_slice();
            if self.line_number == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
            let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            if line.cut || bytes.len() as u64 > self.limit {
                let kind = ErrorKind::TooLarge {
                    size: Some(line.len),
                    limit: self.limit,
                };
                return Some(Err(Error::new(origin, kind)));
            }
            if bytes.trim_ascii().is_empty() {
                continue;
            }
            return Some(parse_line(bytes, origin));
        }
        None
    }
}

/// Turns one line into a record.
fn parse_line(bytes: &[u8], origin: Origin) -> Result<Record> {
    let line = origin.record.unwrap_or(0);
    let (text, lossy) = match String::from_utf8_lossy(bytes) {
        Cow::Borrowed(text) => (Cow::Borrowed(text), false),
        Cow::Owned(text) => (Cow::Owned(text), true),
    };
    let parsed: JsonLine = match serde_json::from_str(&text) {
        Ok(parsed) => parsed,
        Err(e) => {
            let message = match e.classify() {
                serde_json::error::Category::Data if text.trim_start().starts_with('{') => {
                    e.to_string()
                }
                serde_json::error::Category::Data => "not a JSON object".to_owned(),
                _ => format!("invalid JSON: {e}"),
            };
            return Err(Error::new(origin, ErrorKind::Json { line, message }));
        }
    };
    let (content, markup) = match (parsed.html, parsed.text, parsed.content) {
        (Some(html), _, _) => (html, Markup::Html),
        (None, Some(text), _) => (text, Markup::Text),
        (None, None, Some(content)) => {
            let markup = if html_evidence(content.as_bytes()) == HtmlEvidence::Strong {
                Markup::Html
            } else {
                Markup::Text
            };
            (content, markup)
        }
        (None, None, None) => {
            let message = "no \"html\", \"text\" or \"content\" string field".to_owned();
            return Err(Error::new(origin, ErrorKind::Json { line, message }));
        }
    };
    if content.trim().is_empty() {
        return Err(Error::new(origin, ErrorKind::Empty));
    }
    Ok(Record {
        origin,
        format: InputFormat::Jsonl,
        markup,
        url: parsed.url,
        id: parsed.id.map(|id| match id {
            JsonId::Text(text) => text,
            JsonId::Number(number) => number.to_string(),
        }),
        published: parsed.published,
        fetched: None,
        content,
        encoding: encoding_rs::UTF_8.name(),
        lossy,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{read_all, summarize};

    #[test]
    fn bad_line_in_the_middle_is_an_error_and_the_rest_still_comes() {
        let input = concat!(
            "{\"url\": \"http://a.example/1\", \"html\": \"<p>one</p>\", \"published\": \"2016-02-27\"}\n",
            "\n",
            "{\"url\": \"http://a.example/2\", \"text\": \"two\"\n",
            "{\"id\": 3, \"text\": \"three\"}\r\n",
            "[1, 2]\n",
            "{\"url\": \"http://a.example/4\"}\n",
            "{\"id\": \"x-5\", \"content\": \"<html><body>five</body></html>\"}"
        );
        let items = read_all("in.jsonl", input.as_bytes(), crate::FormatChoice::Auto);
        assert_eq!(
            summarize(&items),
            [
                "ok 1@0 html url=http://a.example/1 <p>one</p>",
                "err 3@80 line 3: invalid JSON: EOF while parsing an object at line 1 column 43",
                "ok 4@124 text id=3 three",
                "err 5@152 line 5: not a JSON object",
                "err 6@159 line 6: no \"html\", \"text\" or \"content\" string field",
                "ok 7@189 html id=x-5 <html><body>five</body></html>",
            ]
        );
        let first = items
            .first()
            .and_then(|r| r.as_ref().ok())
            .expect("a record");
        assert_eq!(first.published.as_deref(), Some("2016-02-27"));
        assert_eq!(first.format, InputFormat::Jsonl);
    }

    #[test]
    fn wrong_field_types_and_invalid_utf8() {
        let input: &[u8] = b"{\"text\": 5}\n{\"text\": \"caf\xE9\", \"published\": null, \"id\": 1.5}\n{\"text\": \"  \"}\n";
        let items = read_all("in.jsonl", input, crate::FormatChoice::Jsonl);
        let summary = summarize(&items);
        assert!(
            summary[0].starts_with("err 1@0 line 1: invalid type: integer `5`, expected a string")
        );
        assert_eq!(summary[1], "ok 2@12 text id=1.5 caf\u{FFFD}");
        assert!(items[1].as_ref().is_ok_and(|r| r.lossy));
        assert_eq!(summary[2], "err 3@59 empty (nothing but whitespace)");
    }

    #[test]
    fn over_long_line_is_skipped_not_kept() {
        let long = format!(
            "{{\"text\": \"{}\"}}\n{{\"text\": \"short\"}}\n",
            "x".repeat(5000)
        );
        let options = Options {
            format: crate::FormatChoice::Jsonl,
            max_record_bytes: 1000,
            ..Options::default()
        };
        let items: Vec<_> =
            crate::read_stream_with("big.jsonl", std::io::Cursor::new(long), options).collect();
        let summary = summarize(&items);
        assert_eq!(
            summary[0],
            "err 1@0 5013 bytes, over the 1000-byte limit; skipped"
        );
        assert_eq!(summary[1], "ok 2@5013 text short");
    }
}
