//! Transparent gzip: decodes a gzip stream member by member and remembers
//! where each member starts, in the compressed file and in the decoded
//! stream.
//!
//! Why not `flate2::read::MultiGzDecoder`: it hides member boundaries, and a
//! `.warc.gz` written the usual way (Common Crawl, wget, warcio) has one
//! member per record, so the compressed offset of a member is the offset a
//! user can seek to (`dd skip=… | zcat`) and the one CDX indexes print. This
//! reader keeps that mapping for the recent members (a bounded window: the
//! record reader asks in increasing order and prunes as it goes).
//!
//! Failures come out as `io::Error`s wrapping a [`GzipFault`] that carries
//! the member's compressed offset and whether the data was cut short;
//! [`crate::Error::from_io`] turns them into located errors. After a
//! failure the reader keeps returning the same error: the rest of the file
//! cannot be trusted. A member's CRC is checked at its end, so bytes of a
//! corrupt member can be handed out before the error is known (they usually
//! fail to parse first). It does not look at what the decoded bytes are.

use std::collections::VecDeque;
use std::fmt;
use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

use crate::bufio::PosReader;

/// How many member starts to remember at most (16 bytes each). The record
/// reader prunes as it goes; this bounds memory when nothing asks (JSONL,
/// text). It is above the number of non-empty members that fit in the
/// readers' read-ahead (head plus buffer, under 128 KiB), so a record start
/// is never forgotten before it is asked for.
const MAX_MEMBERS_KEPT: usize = 1 << 17;

/// A gzip failure, carried inside an `io::Error`.
#[derive(Clone, Debug)]
pub(crate) struct GzipFault {
    /// Compressed offset of the member that failed.
    pub(crate) member_offset: u64,
    /// The data ended inside the member.
    pub(crate) truncated: bool,
    /// What flate2 said.
    pub(crate) message: String,
}

impl fmt::Display for GzipFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.truncated {
            write!(f, "gzip member at byte {} is truncated", self.member_offset)
        } else {
            write!(
                f,
                "gzip member at byte {} is corrupt: {}",
                self.member_offset, self.message
            )
        }
    }
}

impl std::error::Error for GzipFault {}

impl GzipFault {
    fn to_io(&self) -> io::Error {
        let kind = if self.truncated {
            io::ErrorKind::UnexpectedEof
        } else {
            io::ErrorKind::InvalidData
        };
        io::Error::new(kind, self.clone())
    }
}

/// Decodes concatenated gzip members from `R`.
pub(crate) struct GzMembers<R: BufRead> {
    /// The member being decoded; `None` between members and at the end.
    decoder: Option<GzDecoder<PosReader<R>>>,
    /// The compressed input when no member is being decoded.
    idle: Option<PosReader<R>>,
    /// Decoded bytes produced so far.
    out_pos: u64,
    /// (decoded start, compressed start) of recent members, in order.
    members: VecDeque<(u64, u64)>,
    fault: Option<GzipFault>,
}

impl<R: BufRead> fmt::Debug for GzMembers<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GzMembers")
            .field("out_pos", &self.out_pos)
            .field("members", &self.members.len())
            .field("fault", &self.fault)
            .finish()
    }
}

impl<R: BufRead> GzMembers<R> {
    pub(crate) fn new(inner: R) -> GzMembers<R> {
        GzMembers {
            decoder: None,
            idle: Some(PosReader::new(inner)),
            out_pos: 0,
            members: VecDeque::new(),
            fault: None,
        }
    }

    /// The compressed offset of the member holding decoded byte `pos`, as
    /// far as the remembered window tells. Forgets members before it: ask in
    /// increasing order.
    pub(crate) fn member_offset(&mut self, pos: u64) -> Option<u64> {
        while self.members.get(1).is_some_and(|&(start, _)| start <= pos) {
            self.members.pop_front();
        }
        self.members
            .front()
            .filter(|&&(start, _)| start <= pos)
            .map(|&(_, compressed)| compressed)
    }

    fn remember(&mut self, compressed: u64) {
        // Empty members start where the next one does: keep the last.
        if self
            .members
            .back()
            .is_some_and(|&(start, _)| start == self.out_pos)
        {
            self.members.pop_back();
        }
        if self.members.len() >= MAX_MEMBERS_KEPT {
            self.members.pop_front();
        }
        self.members.push_back((self.out_pos, compressed));
    }

    fn fail(&mut self, member_offset: u64, err: &io::Error) -> io::Error {
        let truncated = err.kind() == io::ErrorKind::UnexpectedEof;
        let fault = GzipFault {
            member_offset,
            truncated,
            message: err.to_string(),
        };
        let io = fault.to_io();
        self.fault = Some(fault);
        self.decoder = None;
        self.idle = None;
        io
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(fault) = &self.fault {
            return Err(fault.to_io());
        }
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if let Some(decoder) = self.decoder.as_mut() {
                let member_offset = self.members.back().map_or(0, |&(_, c)| c);
                match decoder.read(buf) {
                    Ok(0) => {
                        // End of this member; look for another.
                        self.idle = self.decoder.take().map(GzDecoder::into_inner);
                    }
                    Ok(n) => {
                        self.out_pos = self.out_pos.saturating_add(n as u64);
                        return Ok(n);
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(self.fail(member_offset, &e)),
                }
            }
            let Some(mut input) = self.idle.take() else {
                return Ok(0);
            };
            let at = input.pos();
            let more = input.fill_buf().map(|b| !b.is_empty());
            match more {
                Ok(false) => return Ok(0),
                Ok(true) => {
                    self.remember(at);
                    self.decoder = Some(GzDecoder::new(input));
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => self.idle = Some(input),
                Err(e) => return Err(self.fail(at, &e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{gzip, gzip_members};

    fn decode_all(data: &[u8]) -> (Vec<u8>, Option<io::Error>) {
        let mut r = GzMembers::new(io::BufReader::with_capacity(7, data));
        let mut out = Vec::new();
        let err = r.read_to_end(&mut out).err();
        (out, err)
    }

    #[test]
    fn decodes_concatenated_members_and_maps_offsets() {
        let parts: [&[u8]; 3] = [b"first\n", b"", b"second\n"];
        let (data, starts) = gzip_members(&parts);
        let mut r = GzMembers::new(io::BufReader::new(&data[..]));
        let mut out = Vec::new();
        r.read_to_end(&mut out).expect("valid gzip");
        assert_eq!(out, b"first\nsecond\n");
        assert_eq!(r.member_offset(0), starts.first().copied());
        // The empty member starts where the third does; the third wins.
        assert_eq!(r.member_offset(6), starts.get(2).copied());
        assert_eq!(r.member_offset(12), starts.get(2).copied());
    }

    #[test]
    fn truncated_member_is_reported_with_its_offset() {
        let (mut data, starts) = gzip_members(&[
            b"a whole member\n",
            b"a member cut in two, with enough text to matter\n",
        ]);
        data.truncate(data.len() - 12);
        let (out, err) = decode_all(&data);
        assert!(out.starts_with(b"a whole member\n"));
        let err = err.expect("truncation is an error");
        let fault = err
            .get_ref()
            .and_then(|e| e.downcast_ref::<GzipFault>())
            .expect("a gzip fault");
        assert!(fault.truncated, "{fault}");
        assert_eq!(Some(fault.member_offset), starts.get(1).copied());
    }

    #[test]
    fn trailing_garbage_is_corrupt_not_truncated() {
        let mut data = gzip(b"payload\n");
        let end = data.len() as u64;
        data.extend_from_slice(b"this is not gzip");
        let (out, err) = decode_all(&data);
        assert_eq!(out, b"payload\n");
        let err = err.expect("garbage is an error");
        let fault = err
            .get_ref()
            .and_then(|e| e.downcast_ref::<GzipFault>())
            .expect("a gzip fault");
        assert!(!fault.truncated);
        assert_eq!(fault.member_offset, end);
    }
}
