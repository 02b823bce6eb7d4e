//! Ingest: reads every input format a user has and yields decoded records,
//! one page each, as a stream.
//!
//! Interim API (being filled in): see [`read_inputs`].
#![warn(missing_docs)]

use std::path::PathBuf;

use dateline_core::{InputFormat, Markup};

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

/// Where a record (or an error) is in the input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file path, or `-` for standard input.
    pub path: String,
    /// The 1-based record number inside a JSONL or WARC file.
    pub record: Option<u64>,
    /// The byte offset of the record (or of the error) in the file.
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
    /// The page URL, when the container gives one.
    pub url: Option<String>,
    /// The record's own id (JSONL `id`), when it has one.
    pub id: Option<String>,
    /// The publication date string the record carries (JSONL `published`), unparsed.
    pub published: Option<String>,
    /// The page, decoded.
    pub content: String,
}

/// An input that could not be read, with where.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {kind}")]
pub struct Error {
    /// Where it happened.
    pub origin: Origin,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// What went wrong reading an input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The operating system refused or failed a read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Streams the records of every input in `paths` (files, directories, `-`).
pub fn read_inputs(
    paths: Vec<PathBuf>,
    choice: FormatChoice,
) -> impl Iterator<Item = Result<Record>> {
    paths.into_iter().map(move |path| {
        let origin = Origin {
            path: path.display().to_string(),
            ..Origin::default()
        };
        let bytes = std::fs::read(&path).map_err(|e| Error {
            origin: origin.clone(),
            kind: e.into(),
        })?;
        let content = String::from_utf8_lossy(&bytes).into_owned();
        let html = choice == FormatChoice::Html || content.trim_start().starts_with('<');
        Ok(Record {
            origin,
            format: if html {
                InputFormat::Html
            } else {
                InputFormat::Text
            },
            markup: if html { Markup::Html } else { Markup::Text },
            url: None,
            id: None,
            published: None,
            content,
        })
    })
}
