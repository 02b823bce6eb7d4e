//! Arbitrary text into the html extractor (and the text-level cleaner it
//! runs): it must never panic, and the document it returns must be coherent.
#![no_main]

use dateline_core::{Markup, Source};
use dateline_extract::{Options, Page, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let content = String::from_utf8_lossy(data);
    let page = Page {
        content: &content,
        markup: Markup::Html,
        url: Some("https://www.example.org/2016/02/27/truce.html"),
        published: None,
        source: Source::default(),
    };
    if let Ok(doc) = extract(page, &Options::default()) {
        assert!(!doc.text.contains("\n\n\n"), "paragraphs are separated by exactly one blank line");
        assert_eq!(doc.id.len(), 32);
    }
});
