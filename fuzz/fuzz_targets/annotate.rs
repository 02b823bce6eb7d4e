//! Arbitrary text through the whole annotate stage as `dateline annotate
//! --as-is` runs it (sentences, time expressions and their contradictions,
//! entities, quotes, events, ceasefire frames): it must never panic, and
//! every span it reports must lie inside the text.
#![no_main]

use std::sync::OnceLock;

use dateline_core::{InputFormat, Markup, Span};
use dateline_ingest::{Origin, Record};
use dateline_pipeline::{FullAnnotation, Outcome, Settings, process};
use libfuzzer_sys::fuzz_target;

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| Settings {
        as_is: true,
        annotator: Some(FullAnnotation::new()),
        ..Settings::default()
    })
}

fn inside(span: &Span, chars: usize) {
    assert!(span.start <= span.end && span.end <= chars, "{span:?} outside {chars} chars");
}

fuzz_target!(|data: &[u8]| {
    let record = Record {
        origin: Origin { path: "fuzz".into(), record: None, offset: None },
        format: InputFormat::Text,
        markup: Markup::Text,
        url: None,
        id: None,
        published: Some("2016-02-27".into()),
        fetched: None,
        content: String::from_utf8_lossy(data).into_owned(),
        encoding: "UTF-8",
        lossy: false,
    };
    let Outcome::Document { doc, .. } = process(Ok(record), settings()) else {
        return;
    };
    let chars = doc.text.chars().count();
    for t in &doc.timexes {
        assert!(t.start <= t.end && t.end <= chars, "timex {t:?} outside {chars} chars");
    }
    for e in &doc.events {
        inside(&e.trigger, chars);
        e.evidence.iter().for_each(|s| inside(s, chars));
    }
    for c in &doc.ceasefires {
        c.evidence.iter().for_each(|s| inside(s, chars));
    }
    for issue in &doc.issues {
        issue.spans.iter().for_each(|s| inside(s, chars));
    }
});
