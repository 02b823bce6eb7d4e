//! A buffered reader that knows its byte position, with the few bounded
//! primitives the record readers need: read one line keeping at most N
//! bytes, skip N bytes, read N bytes into a buffer.
//!
//! Every primitive is bounded in memory whatever the input holds: a line of
//! a gigabyte is consumed but only its first `keep` bytes are stored. It does
//! not parse anything.

use std::io::{self, BufRead, Read};

use memchr::memchr;

/// A [`BufRead`] that counts the bytes consumed from it.
#[derive(Debug)]
pub(crate) struct PosReader<R> {
    inner: R,
    pos: u64,
}

/// One line read by [`PosReader::read_line`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// Bytes consumed, newline included.
    pub(crate) len: u64,
    /// Whether bytes were dropped because the line was longer than `keep`.
    pub(crate) cut: bool,
}

impl<R: BufRead> PosReader<R> {
    pub(crate) fn new(inner: R) -> PosReader<R> {
        PosReader { inner, pos: 0 }
    }

    /// Bytes consumed so far.
    pub(crate) fn pos(&self) -> u64 {
        self.pos
    }

    pub(crate) fn get_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    /// `fill_buf`, retrying on `Interrupted`.
    fn fill(&mut self) -> io::Result<&[u8]> {
        loop {
            match self.inner.fill_buf() {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                // Re-borrow after the match so the loop can retry.
                Err(e) => return Err(e),
                Ok(_) => break,
            }
        }
        self.inner.fill_buf()
    }

    /// Reads through the next `\n` (or to the end of input) and appends at
    /// most `keep` bytes of it, newline included, to `out`. Returns `None`
    /// at the end of input when nothing was read.
    pub(crate) fn read_line(&mut self, out: &mut Vec<u8>, keep: usize) -> io::Result<Option<Line>> {
        let mut len: u64 = 0;
        let mut cut = false;
        loop {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let (take, done) = match memchr(b'\n', buf) {
                Some(i) => (i.saturating_add(1), true),
                None => (buf.len(), false),
            };
            let chunk = buf.get(..take).unwrap_or(buf);
            let room = keep.saturating_sub(out.len());
            if chunk.len() > room {
                cut = true;
            }
            out.extend_from_slice(chunk.get(..room.min(chunk.len())).unwrap_or_default());
            self.consume(take);
            len = len.saturating_add(take as u64);
            if done {
                break;
            }
        }
        Ok((len > 0).then_some(Line { len, cut }))
    }

    /// Consumes up to `n` bytes without storing them; returns how many there
    /// were (fewer than `n` only at the end of input).
    pub(crate) fn skip(&mut self, n: u64) -> io::Result<u64> {
        let mut left = n;
        while left > 0 {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let take = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
            self.consume(take);
            left -= take as u64;
        }
        Ok(n - left)
    }

    /// Reads up to `n` bytes into `out` (cleared first); returns how many
    /// there were. The buffer grows with the data, not with `n`, so a lying
    /// length cannot make it allocate up front.
    pub(crate) fn read_exact_or_eof(&mut self, n: u64, out: &mut Vec<u8>) -> io::Result<u64> {
        out.clear();
        out.reserve(usize::try_from(n.min(1 << 20)).unwrap_or(0));
        let mut left = n;
        while left > 0 {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let take = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
            out.extend_from_slice(buf.get(..take).unwrap_or_default());
            self.consume(take);
            left -= take as u64;
        }
        Ok(n - left)
    }
}

impl<R: BufRead> Read for PosReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos = self.pos.saturating_add(n as u64);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for PosReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.pos = self.pos.saturating_add(amt as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_line_keeps_at_most_keep_bytes_but_consumes_the_line() {
        let data = b"0123456789\nab\nlast";
        // A tiny buffer makes lines straddle refills.
        let mut r = PosReader::new(io::BufReader::with_capacity(3, &data[..]));
        let mut out = Vec::new();
        let line = r.read_line(&mut out, 4).expect("in memory");
        assert_eq!(line, Some(Line { len: 11, cut: true }));
        assert_eq!(out, b"0123");
        assert_eq!(r.pos(), 11);
        out.clear();
        assert_eq!(
            r.read_line(&mut out, 100).expect("in memory"),
            Some(Line { len: 3, cut: false })
        );
        assert_eq!(out, b"ab\n");
        out.clear();
        assert_eq!(
            r.read_line(&mut out, 100).expect("in memory"),
            Some(Line { len: 4, cut: false })
        );
        assert_eq!(out, b"last");
        assert_eq!(r.read_line(&mut out, 100).expect("in memory"), None);
        assert_eq!(r.pos(), 18);
    }

    #[test]
    fn skip_and_read_stop_at_end_of_input() {
        let data = b"abcdefgh";
        let mut r = PosReader::new(io::BufReader::with_capacity(3, &data[..]));
        assert_eq!(r.skip(2).expect("in memory"), 2);
        let mut out = Vec::new();
        assert_eq!(r.read_exact_or_eof(4, &mut out).expect("in memory"), 4);
        assert_eq!(out, b"cdef");
        assert_eq!(
            r.read_exact_or_eof(u64::MAX, &mut out).expect("in memory"),
            2
        );
        assert_eq!(out, b"gh");
        assert_eq!(r.skip(u64::MAX).expect("in memory"), 0);
        assert_eq!(r.pos(), 8);
    }
}
