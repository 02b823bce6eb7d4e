//! One opened input as a byte stream: gzip removed if the data starts with
//! the gzip magic, and the first bytes held back for format detection.
//!
//! It does not decide the format ([`crate::detect`] does) or read records.
//! Reading the head never fails outright: a read error there is kept and
//! returned by the first `read` after the head, so detection still sees what
//! came before it (a truncated `.warc.gz` yields its good records first).

use std::io::{self, BufReader, Cursor, Read};

use crate::gzip::GzMembers;

/// How many leading bytes (after gzip) detection looks at.
pub(crate) const SNIFF_LEN: usize = 16 * 1024;

/// Buffer size between the OS and the decoders.
pub(crate) const BUF_LEN: usize = 64 * 1024;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// A raw input, as opened: a file, stdin, or anything readable.
pub(crate) type RawInput = Box<dyn Read + Send>;

enum Inner {
    Plain(RawInput),
    Gzip(Box<GzMembers<BufReader<RawInput>>>),
}

/// An opened input: decoded bytes, with the head kept for detection.
pub(crate) struct Source {
    head: Vec<u8>,
    /// How much of `head` `read` has handed out.
    served: usize,
    /// The head holds the whole input.
    whole: bool,
    /// A read error hit while filling the head, returned after it.
    pending: Option<io::Error>,
    inner: Inner,
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Source")
            .field("head", &self.head.len())
            .field("whole", &self.whole)
            .field("gzip", &self.is_gzip())
            .finish()
    }
}

impl Source {
    /// Opens `raw`: peeks for gzip, then fills the head. Fails only if the
    /// very first read fails.
    pub(crate) fn open(mut raw: RawInput) -> io::Result<Source> {
        let mut magic = Vec::with_capacity(2);
        (&mut raw).take(2).read_to_end(&mut magic)?;
        let rest: RawInput = Box::new(Cursor::new(magic.clone()).chain(raw));
        let mut inner = if magic == GZIP_MAGIC {
            Inner::Gzip(Box::new(GzMembers::new(BufReader::with_capacity(
                BUF_LEN, rest,
            ))))
        } else {
            Inner::Plain(rest)
        };
        let mut head = Vec::with_capacity(SNIFF_LEN);
        let mut pending = None;
        let mut whole = false;
        while head.len() < SNIFF_LEN {
            let start = head.len();
            head.resize(SNIFF_LEN, 0);
            let got = match &mut inner {
                Inner::Plain(r) => r.read(head.get_mut(start..).unwrap_or_default()),
                Inner::Gzip(r) => r.read(head.get_mut(start..).unwrap_or_default()),
            };
            match got {
                Ok(0) => {
                    head.truncate(start);
                    whole = true;
                    break;
                }
                Ok(n) => head.truncate(start.saturating_add(n)),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => head.truncate(start),
                Err(e) => {
                    head.truncate(start);
                    pending = Some(e);
                    break;
                }
            }
        }
        Ok(Source {
            head,
            served: 0,
            whole,
            pending,
            inner,
        })
    }

    /// The first bytes of the (decoded) input, at most [`SNIFF_LEN`].
    pub(crate) fn head(&self) -> &[u8] {
        &self.head
    }

    /// Whether [`Source::head`] is the whole input.
    pub(crate) fn head_is_whole(&self) -> bool {
        self.whole && self.pending.is_none()
    }

    /// Whether the input was gzip.
    pub(crate) fn is_gzip(&self) -> bool {
        matches!(self.inner, Inner::Gzip(_))
    }

    /// For gzip input, the compressed offset of the member holding decoded
    /// byte `pos` (ask in increasing order); `None` for plain input.
    pub(crate) fn member_offset(&mut self, pos: u64) -> Option<u64> {
        match &mut self.inner {
            Inner::Plain(_) => None,
            Inner::Gzip(r) => r.member_offset(pos),
        }
    }
}

impl Read for Source {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(rest) = self.head.get(self.served..).filter(|r| !r.is_empty()) {
            let n = rest.len().min(buf.len());
            if let (Some(dst), Some(src)) = (buf.get_mut(..n), rest.get(..n)) {
                dst.copy_from_slice(src);
            }
            self.served = self.served.saturating_add(n);
            if self.served >= self.head.len() {
                // Detection is done by now: give the memory back.
                self.head = Vec::new();
                self.served = 0;
            }
            return Ok(n);
        }
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        if self.whole {
            return Ok(0);
        }
        match &mut self.inner {
            Inner::Plain(r) => r.read(buf),
            Inner::Gzip(r) => r.read(buf),
        }
    }
}

/// A buffered [`Source`], the form the record readers take.
pub(crate) type SourceReader = crate::bufio::PosReader<BufReader<Source>>;

/// Wraps `source` for a record reader.
pub(crate) fn buffered(source: Source) -> SourceReader {
    crate::bufio::PosReader::new(BufReader::with_capacity(BUF_LEN, source))
}

/// The compressed offset of decoded byte `pos` for gzip input, else `pos`.
pub(crate) fn stored_offset(reader: &mut SourceReader, pos: u64) -> u64 {
    reader.get_mut().get_mut().member_offset(pos).unwrap_or(pos)
}
