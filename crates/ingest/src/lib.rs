//! Ingest: reads every input format a user has and yields decoded records,
//! one page each, as a stream.
//!
//! What it does: takes paths (files, directories walked in sorted order,
//! `-` for standard input) or any reader, removes gzip if the data starts
//! with the gzip magic, tells the format from the content ([`FormatChoice`]
//! overrides), reads records one at a time and decodes each page to UTF-8.
//!
//! | format | records | [`Origin::record`] | [`Origin::offset`] |
//! |---|---|---|---|
//! | plain text file | one, [`Markup::Text`] | – | – |
//! | HTML file | one, [`Markup::Html`] | – | – |
//! | JSON Lines | one per non-blank line with `html`, `text` or `content` | line number | byte offset of the line (in the decompressed data for `.gz`) |
//! | WARC, WARC.gz | one per 200 HTML `response`, and per HTML or plain-text `resource` / `conversion` record | record number, every record counted | byte offset of the record; for `.warc.gz` the compressed offset of the gzip member it starts in (the offset CDX indexes give) |
//!
//! A gzip failure (truncated or corrupt data) is located by the compressed
//! offset of the gzip member that failed, whatever the format inside.
//!
//! Failures are items, not the end: a bad line, a bad record or an unreadable
//! file is an `Err` naming the file, record and byte offset, and the stream
//! goes on with the next record (or the next file when the file itself is
//! unreadable, truncated or corrupt). WARC and JSONL are streamed record by
//! record, so memory stays flat on multi-GB inputs; single records and files
//! are capped ([`Options`]).
//!
//! What it does not do: find the article in a page, parse dates, or fetch
//! URLs (`dateline-extract` and later stages; fetching is not done at all).
//! Decoding never fails: bytes invalid in the chosen encoding become U+FFFD
//! and [`Record::lossy`] is set.
//!
//! ```
//! use dateline_core::Markup;
//! use dateline_ingest::{read_stream, FormatChoice};
//!
//! let jsonl = "{\"url\": \"https://example.com/a\", \"html\": \"<p>Truce holds</p>\"}\n\
//!              not json\n\
//!              {\"id\": 7, \"text\": \"Ceasefire extended.\", \"published\": \"2016-07-09\"}\n";
//! let items: Vec<_> = read_stream("batch.jsonl", jsonl.as_bytes(), FormatChoice::Auto).collect();
//! assert_eq!(items.len(), 3);
//!
//! let first = items[0].as_ref().unwrap();
//! assert_eq!(first.markup, Markup::Html);
//! assert_eq!(first.url.as_deref(), Some("https://example.com/a"));
//!
//! let bad = items[1].as_ref().unwrap_err();
//! assert_eq!(bad.origin.record, Some(2));
//! assert!(bad.to_string().starts_with("batch.jsonl, record 2 (byte 63): line 2: invalid JSON"));
//!
//! let third = items[2].as_ref().unwrap();
//! assert_eq!(third.id.as_deref(), Some("7"));
//! assert_eq!(third.content, "Ceasefire extended.");
//! ```
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    warn(
        clippy::indexing_slicing,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable
    )
)]

mod bufio;
mod decode;
mod detect;
mod error;
mod gzip;
mod http;
mod jsonl;
mod page;
mod source;
mod stream;
mod walk;
mod warc;

#[cfg(test)]
mod testutil;

use std::collections::VecDeque;
use std::io::Read;
use std::path::PathBuf;

use dateline_core::{InputFormat, Markup};

pub use self::error::{Error, ErrorKind, Result};
pub use self::walk::SKIPPED_EXTENSIONS;

use self::stream::FileRecords;
use self::walk::Walk;

/// Default cap on a whole text or HTML file, in bytes (64 MiB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 << 20;

/// Default cap on one record, in bytes (50 MiB): a WARC record's block or
/// decoded payload, or one JSON Lines line.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 50 << 20;

/// Which reader to use for an input; `Auto` looks at the content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormatChoice {
    /// Detect from the content (and the file name as a tie-break).
    #[default]
    Auto,
    /// Plain scraped text, one article per file.
    Text,
    /// An HTML page, one article per file.
    Html,
    /// JSON Lines, one article per line.
    Jsonl,
    /// WARC or WARC.gz, one article per response record.
    Warc,
}

/// How to read inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Which reader to use.
    pub format: FormatChoice,
    /// A text or HTML file larger than this is an [`ErrorKind::TooLarge`]
    /// item and is not read.
    pub max_file_bytes: u64,
    /// A WARC record block (and its decoded payload) or a JSONL line larger
    /// than this is an [`ErrorKind::TooLarge`] item and is skipped.
    pub max_record_bytes: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            format: FormatChoice::Auto,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
        }
    }
}

/// Where a record (or an error) is in the input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file path, or `-` for standard input.
    pub path: String,
    /// The 1-based record number inside a JSONL (line number) or WARC file.
    pub record: Option<u64>,
    /// The byte offset of the record (or of the error) in the file; see the
    /// crate documentation for what it counts in gzip files.
    pub offset: Option<u64>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(record) = self.record {
            write!(f, ", record {record}")?;
        }
        if let Some(offset) = self.offset {
            write!(f, " (byte {offset})")?;
        }
        Ok(())
    }
}

/// One page read from the input, decoded to UTF-8.
#[derive(Clone, Debug)]
pub struct Record {
    /// Where it was read.
    pub origin: Origin,
    /// The container it came from.
    pub format: InputFormat,
    /// Whether `content` is HTML or plain text.
    pub markup: Markup,
    /// The page URL, when the container gives one (JSONL `url`,
    /// `WARC-Target-URI`).
    pub url: Option<String>,
    /// The record's own id (JSONL `id`, `WARC-Record-ID`), when it has one.
    pub id: Option<String>,
    /// The publication date string the record carries (JSONL `published`), unparsed.
    pub published: Option<String>,
    /// When the page was fetched (`WARC-Date`), unparsed. Not a publication
    /// date, only a bound on it.
    pub fetched: Option<String>,
    /// The page, decoded.
    pub content: String,
    /// The encoding `content` was decoded from (an Encoding Standard name
    /// such as `UTF-8` or `windows-1252`).
    pub encoding: &'static str,
    /// Some bytes were invalid in that encoding and became U+FFFD.
    pub lossy: bool,
}

/// The stream of records from a list of inputs; see [`read_inputs`].
#[derive(Debug)]
pub struct Inputs {
    queue: VecDeque<PathBuf>,
    walk: Option<Walk>,
    current: FileRecords,
    options: Options,
    skipped: u64,
}

impl Inputs {
    /// How many WARC records were passed over so far because they hold no
    /// page (`warcinfo`, `request`, `metadata`, `revisit`, non-200 or
    /// non-HTML responses, empty payloads). They are not errors.
    pub fn skipped(&self) -> u64 {
        self.skipped.saturating_add(self.current.skipped())
    }

    fn start(&mut self, next: FileRecords) {
        self.skipped = self.skipped.saturating_add(self.current.skipped());
        self.current = next;
    }
}

impl Iterator for Inputs {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Result<Record>> {
        loop {
            if let Some(item) = self.current.next() {
                return Some(item);
            }
            if let Some(walk) = self.walk.as_mut() {
                match walk.next() {
                    Some(Ok(path)) => {
                        let next = FileRecords::open_path(&path, &self.options);
                        self.start(next);
                        continue;
                    }
                    Some(Err(e)) => return Some(Err(e)),
                    None => self.walk = None,
                }
            }
            let path = self.queue.pop_front()?;
            if path.as_os_str() == "-" {
                let next = FileRecords::open(
                    "-".to_owned(),
                    Box::new(std::io::stdin()),
                    None,
                    &self.options,
                );
                self.start(next);
                continue;
            }
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.walk = Some(Walk::new(path)),
                Ok(_) => {
                    let next = FileRecords::open_path(&path, &self.options);
                    self.start(next);
                }
                Err(e) => {
                    let origin = Origin {
                        path: path.display().to_string(),
                        ..Origin::default()
                    };
                    return Some(Err(Error::new(origin, e.into())));
                }
            }
        }
    }
}

/// Streams the records of every input in `paths` (files, directories, `-`).
///
/// Inputs are read one after another, in the order given; a directory is
/// walked recursively in sorted order (hidden entries and media, archive and
/// other non-article files are skipped: see [`SKIPPED_EXTENSIONS`]). Every
/// failure is an `Err` item and the stream goes on.
pub fn read_inputs(
    paths: Vec<PathBuf>,
    choice: FormatChoice,
) -> impl Iterator<Item = Result<Record>> {
    read_inputs_with(
        paths,
        Options {
            format: choice,
            ..Options::default()
        },
    )
}

/// [`read_inputs`] with all the options, returning the named stream type
/// (for [`Inputs::skipped`]).
pub fn read_inputs_with(paths: Vec<PathBuf>, options: Options) -> Inputs {
    Inputs {
        queue: paths.into(),
        walk: None,
        current: FileRecords::Done,
        options,
        skipped: 0,
    }
}

/// Streams the records of one already opened input, such as standard input
/// or an in-memory buffer. `name` is used in [`Origin::path`] and, as a
/// tie-break, for detection by extension (`-` has none).
pub fn read_stream(
    name: &str,
    input: impl Read + Send + 'static,
    choice: FormatChoice,
) -> impl Iterator<Item = Result<Record>> {
    read_stream_with(
        name,
        input,
        Options {
            format: choice,
            ..Options::default()
        },
    )
}

/// [`read_stream`] with all the options, returning the named stream type.
pub fn read_stream_with(name: &str, input: impl Read + Send + 'static, options: Options) -> Inputs {
    Inputs {
        queue: VecDeque::new(),
        walk: None,
        current: FileRecords::open(name.to_owned(), Box::new(input), None, &options),
        options,
        skipped: 0,
    }
}

#[cfg(test)]
mod tests;
