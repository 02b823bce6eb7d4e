//! One input from opening to its last record: opens it, removes gzip
//! ([`crate::source`]), picks the reader ([`crate::detect`] or the forced
//! choice) and runs it.
//!
//! It does not walk directories or move from one input to the next (that is
//! [`crate::Inputs`]).

use std::fs::File;
use std::path::Path;

use crate::detect::{self, Detected};
use crate::jsonl::JsonlReader;
use crate::page;
use crate::source::{RawInput, Source};
use crate::warc::WarcReader;
use crate::{Error, FormatChoice, Options, Origin, Record, Result};

/// The records of one input.
#[derive(Debug)]
pub(crate) enum FileRecords {
    /// Nothing (more) to read.
    Done,
    /// A single item: a whole-file page, or the error that ended the input.
    One(Option<Result<Record>>),
    Jsonl(Box<JsonlReader>),
    Warc(Box<WarcReader>),
}

impl FileRecords {
    /// Opens the file at `path`.
    pub(crate) fn open_path(path: &Path, options: &Options) -> FileRecords {
        let name = path.display().to_string();
        let opened = File::open(path).map(|file| {
            let size = file
                .metadata()
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len());
            (file, size)
        });
        match opened {
            Ok((file, size)) => FileRecords::open(name, Box::new(file), size, options),
            Err(e) => FileRecords::failed(Error::new(origin(&name), e.into())),
        }
    }

    /// Reads `raw`, named `name`; `size` is its length when known (a
    /// regular file), so a too-large page is refused without reading it.
    pub(crate) fn open(
        name: String,
        raw: RawInput,
        size: Option<u64>,
        options: &Options,
    ) -> FileRecords {
        let source = match Source::open(raw) {
            Ok(source) => source,
            Err(e) => return FileRecords::failed(Error::from_io(origin(&name), e)),
        };
        let detected = match options.format {
            FormatChoice::Auto => {
                let for_ext = (name != "-").then_some(name.as_str());
                detect::detect(source.head(), source.head_is_whole(), for_ext)
            }
            _ if source.head_is_whole() && detect::is_blank(source.head()) => {
                Err(crate::ErrorKind::Empty)
            }
            FormatChoice::Text => Ok(Detected::Text),
            FormatChoice::Html => Ok(Detected::Html),
            FormatChoice::Jsonl => Ok(Detected::Jsonl),
            FormatChoice::Warc => Ok(Detected::Warc),
        };
        match detected {
            Err(kind) => FileRecords::failed(Error::new(origin(&name), kind)),
            Ok(Detected::Jsonl) => {
                FileRecords::Jsonl(Box::new(JsonlReader::new(name, source, options)))
            }
            Ok(Detected::Warc) => {
                FileRecords::Warc(Box::new(WarcReader::new(name, source, options)))
            }
            Ok(Detected::Text) => {
                FileRecords::One(Some(page::read_page(name, source, false, size, options)))
            }
            Ok(Detected::Html) => {
                FileRecords::One(Some(page::read_page(name, source, true, size, options)))
            }
        }
    }

    fn failed(err: Error) -> FileRecords {
        FileRecords::One(Some(Err(err)))
    }

    /// WARC records passed over (not errors) so far.
    pub(crate) fn skipped(&self) -> u64 {
        match self {
            FileRecords::Warc(reader) => reader.skipped(),
            _ => 0,
        }
    }
}

impl Iterator for FileRecords {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Result<Record>> {
        match self {
            FileRecords::Done => None,
            FileRecords::One(item) => item.take(),
            FileRecords::Jsonl(reader) => reader.next(),
            FileRecords::Warc(reader) => reader.next(),
        }
    }
}

fn origin(name: &str) -> Origin {
    Origin {
        path: name.to_owned(),
        ..Origin::default()
    }
}
