//! Whole-file pages: a plain text or HTML file read as one record.
//!
//! The file is read whole (it is one article) up to
//! [`Options::max_file_bytes`](crate::Options::max_file_bytes); a larger one
//! is refused — before reading when its size is known — rather than cut,
//! since half a page would extract as a wrong article. It does not detect
//! the format; the caller says whether it is HTML.

use std::io::Read;

use dateline_core::{InputFormat, Markup};

use crate::decode::{self, Hints};
use crate::source::Source;
use crate::{Error, ErrorKind, Options, Origin, Record, Result};

/// Reads all of `source` as one page named `name`. `size` is the file's
/// length when known (not for gzip, whose decoded size is unknown).
pub(crate) fn read_page(
    name: String,
    source: Source,
    html: bool,
    size: Option<u64>,
    options: &Options,
) -> Result<Record> {
    let origin = Origin {
        path: name,
        ..Origin::default()
    };
    let limit = options.max_file_bytes;
    let size = size.filter(|_| !source.is_gzip());
    if let Some(size) = size.filter(|&s| s > limit) {
        return Err(Error::new(
            origin,
            ErrorKind::TooLarge {
                size: Some(size),
                limit,
            },
        ));
    }
    let capacity = size.unwrap_or(0).min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    if let Err(e) = source.take(limit.saturating_add(1)).read_to_end(&mut bytes) {
        return Err(Error::from_io(origin, e));
    }
    if bytes.len() as u64 > limit {
        return Err(Error::new(origin, ErrorKind::TooLarge { size, limit }));
    }
    let decoded = decode::decode(
        bytes,
        Hints {
            html,
            ..Hints::default()
        },
    );
    if decoded.text.trim().is_empty() {
        return Err(Error::new(origin, ErrorKind::Empty));
    }
    let (format, markup) = if html {
        (InputFormat::Html, Markup::Html)
    } else {
        (InputFormat::Text, Markup::Text)
    };
    Ok(Record {
        origin,
        format,
        markup,
        url: None,
        id: None,
        published: None,
        fetched: None,
        content: decoded.text,
        encoding: decoded.encoding.name(),
        lossy: decoded.lossy,
    })
}
