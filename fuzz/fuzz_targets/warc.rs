//! Arbitrary bytes into the WARC reader (plain, or gzip when they start with
//! the gzip magic): it must never panic, and every record must be located.
#![no_main]

use dateline_ingest::{FormatChoice, Options, read_stream_with};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        format: FormatChoice::Warc,
        max_record_bytes: 1 << 16,
        ..Options::default()
    };
    for item in read_stream_with("fuzz.warc", std::io::Cursor::new(data.to_vec()), options) {
        match item {
            Ok(record) => assert!(record.origin.record.is_some() && record.origin.offset.is_some()),
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
