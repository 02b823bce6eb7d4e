//! Arbitrary bytes through detection, gzip and charset decoding (the `Auto`
//! path a file or stdin takes). The first byte picks the file name, so the
//! name tie-breaks are exercised too.
#![no_main]

use dateline_ingest::{FormatChoice, Options, read_stream_with};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 6] = [
    "-",
    "page.html",
    "notes.txt",
    "batch.jsonl",
    "cc.warc.gz",
    "x.html.gz",
];

fuzz_target!(|data: &[u8]| {
    let (name, rest) = match data.split_first() {
        Some((&first, rest)) => (NAMES[usize::from(first) % NAMES.len()], rest),
        None => ("-", data),
    };
    let options = Options {
        format: FormatChoice::Auto,
        max_file_bytes: 1 << 20,
        max_record_bytes: 1 << 16,
    };
    for item in read_stream_with(name, std::io::Cursor::new(rest.to_vec()), options) {
        if let Ok(record) = item {
            // Decoding always yields valid UTF-8 (it is a String) and never an empty page.
            assert!(!record.content.trim().is_empty());
        }
    }
});
