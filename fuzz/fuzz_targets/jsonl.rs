//! Arbitrary bytes into the JSON Lines reader: it must never panic, and
//! every item names its line.
#![no_main]

use dateline_ingest::{FormatChoice, Options, read_stream_with};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        format: FormatChoice::Jsonl,
        max_record_bytes: 1 << 16,
        ..Options::default()
    };
    for item in read_stream_with("fuzz.jsonl", std::io::Cursor::new(data.to_vec()), options) {
        match item {
            Ok(record) => assert!(record.origin.record.is_some()),
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
