//! The crate's one error type: an [`ErrorKind`] with the [`Origin`] it
//! happened at.
//!
//! It also knows how to turn an `io::Error` coming out of the gzip layer
//! back into a located [`ErrorKind::GzipTruncated`] / [`ErrorKind::GzipCorrupt`]
//! (see [`crate::gzip`]). It does not decide what to do after an error: the
//! readers do (skip the record, resync, or stop the file).

use std::io;

use crate::Origin;
use crate::gzip::GzipFault;

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
    /// The operating system refused or failed a read (missing file, no
    /// permission, a directory that cannot be listed…).
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The gzip data ends in the middle of a member: the file was cut short
    /// (an interrupted download or copy). Records before it were yielded;
    /// the rest of the file is lost.
    #[error("gzip data is truncated (the file was cut short)")]
    GzipTruncated,
    /// The gzip data is not valid (bad header, corrupt deflate stream, CRC
    /// mismatch, or trailing bytes that are not a gzip member).
    #[error("gzip data is corrupt: {0}")]
    GzipCorrupt(String),
    /// A WARC record header could not be parsed; the reader skips forward to
    /// the next line starting with `WARC/1.` and goes on.
    #[error("bad WARC record header: {what}")]
    WarcHeader {
        /// What was wrong with it.
        what: String,
    },
    /// A WARC record's block is shorter than its `Content-Length` says: the
    /// file ends inside the record.
    #[error("WARC record is truncated: Content-Length is {expected} bytes but only {got} follow")]
    WarcTruncated {
        /// The length the header announced.
        expected: u64,
        /// The bytes actually there.
        got: u64,
    },
    /// The HTTP payload of a WARC response could not be decoded (an
    /// unsupported or corrupt `Content-Encoding`).
    #[error("cannot decode the HTTP payload: {what}")]
    HttpPayload {
        /// What was wrong with it.
        what: String,
    },
    /// A JSON Lines line is not a JSON object of the expected shape.
    #[error("line {line}: {message}")]
    Json {
        /// The 1-based line number.
        line: u64,
        /// What the JSON parser said, or which field is missing.
        message: String,
    },
    /// The content looks binary (NUL bytes, many control characters).
    #[error("looks binary, not text/HTML/JSONL/WARC; use --format to force")]
    Binary,
    /// The file or record is larger than the configured limit and was skipped.
    #[error("{}over the {limit}-byte limit; skipped", size.map_or_else(String::new, |s| format!("{s} bytes, ")))]
    TooLarge {
        /// The size, when known before reading (file size, `Content-Length`).
        size: Option<u64>,
        /// The limit in force ([`crate::Options`]).
        limit: u64,
    },
    /// The file (or the record's content) is empty or only whitespace.
    #[error("empty (nothing but whitespace)")]
    Empty,
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error at `origin`.
    pub(crate) fn new(origin: Origin, kind: ErrorKind) -> Error {
        Error { origin, kind }
    }

    /// An error from a failed read at `origin`; a gzip failure keeps its own
    /// offset (the compressed offset of the member that failed).
    pub(crate) fn from_io(mut origin: Origin, err: io::Error) -> Error {
        let fault = err
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<GzipFault>())
            .cloned();
        let kind = match fault {
            Some(fault) => {
                origin.offset = Some(fault.member_offset);
                if fault.truncated {
                    ErrorKind::GzipTruncated
                } else {
                    ErrorKind::GzipCorrupt(fault.message)
                }
            }
            None => ErrorKind::Io(err),
        };
        Error { origin, kind }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_origin_then_kind() {
        let origin = Origin {
            path: "cc.warc.gz".into(),
            record: Some(3),
            offset: Some(1234),
        };
        let err = Error::new(
            origin,
            ErrorKind::TooLarge {
                size: Some(99),
                limit: 10,
            },
        );
        assert_eq!(
            err.to_string(),
            "cc.warc.gz, record 3 (byte 1234): 99 bytes, over the 10-byte limit; skipped"
        );
        let err = Error::new(Origin::default(), ErrorKind::Binary);
        assert!(err.to_string().contains("use --format to force"));
    }
}
