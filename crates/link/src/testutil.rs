//! Helpers for the tests: documents from the bundled corpus and small
//! synthetic documents with events and ceasefire frames.

use dateline_core::{
    Ceasefire, CeasefireStatus, Document, Entity, EntityKind, EntityVia, Event, EventActor,
    Modality, Source, Span,
};
use jiff::civil::Date;

/// A bundled corpus file (scraped text with a TITLE/URL/DATE header or a
/// first-line title), as title and body.
pub(crate) fn corpus_text(raw: &str) -> (String, String) {
    let mut title = String::new();
    let mut body = Vec::new();
    for line in raw.lines() {
        if let Some(t) = line.strip_prefix("TITLE: ") {
            title = t.to_string();
        } else if ["URL: ", "DATE: ", "SOURCE: "]
            .iter()
            .any(|p| line.starts_with(p))
        {
            continue;
        } else if title.is_empty() && !line.trim().is_empty() {
            title = line.trim().to_string();
        } else {
            body.push(line);
        }
    }
    (title, body.join("\n").trim().to_string())
}

pub(crate) const VOA: &str = include_str!(
    "../../../corpus/voa/2016-02-21-kerry-syrian-cease-fire-agreement-near-voice-of-america.txt"
);
pub(crate) const SEED_PARIS: &str = include_str!("../../../corpus/seeds/000_1403c7a8f878f38f.txt");
pub(crate) const SEED_VOV: &str = include_str!("../../../corpus/seeds/004_f4b8cc9cb900e3e2.txt");
pub(crate) const WCEP: &str = include_str!("../../../corpus/wcep.jsonl");

/// A document with a title, body, publication date and site.
pub(crate) fn doc(title: &str, text: &str, published: Option<Date>, site: &str) -> Document {
    let source = Source {
        site: Some(site.to_string()),
        url: Some(format!("https://{site}/{}", title.len())),
        ..Source::default()
    };
    let mut d = Document::new(source, Some(title.to_string()), text.to_string());
    d.published = published;
    d
}

pub(crate) fn actor(canonical: &str, code: &str) -> EventActor {
    EventActor {
        text: canonical.to_string(),
        canonical: Some(canonical.to_string()),
        code: (!code.is_empty()).then(|| code.to_string()),
    }
}

/// A coded event.
pub(crate) fn event(
    kind: &str,
    cameo: &str,
    source: Option<EventActor>,
    target: Option<EventActor>,
    when: Option<&str>,
    place: Option<&str>,
) -> Event {
    Event {
        kind: kind.to_string(),
        cameo: cameo.to_string(),
        trigger: Span { start: 0, end: 1 },
        source,
        target,
        when: when.map(str::to_string),
        place: place.map(str::to_string),
        modality: Modality::Asserted,
        evidence: vec![Span { start: 0, end: 10 }],
    }
}

/// A ceasefire frame.
pub(crate) fn frame(
    declarer: &[&str],
    scope: Option<&str>,
    start: Option<&str>,
    duration: Option<&str>,
    status: CeasefireStatus,
) -> Ceasefire {
    Ceasefire {
        declarer: declarer.iter().map(|s| s.to_string()).collect(),
        parties: Vec::new(),
        excluded: Vec::new(),
        scope: scope.map(str::to_string),
        start: start.map(str::to_string),
        duration: duration.map(str::to_string),
        end: None,
        status,
        conditions: Vec::new(),
        reactions: Vec::new(),
        evidence: vec![Span { start: 0, end: 10 }],
        issues: Vec::new(),
    }
}

/// An entity mention at `start`.
pub(crate) fn entity(canonical: &str, kind: EntityKind, start: usize) -> Entity {
    Entity {
        start,
        end: start + canonical.chars().count(),
        text: canonical.to_string(),
        kind,
        canonical: canonical.to_string(),
        country: None,
        code: None,
        title: None,
        via: EntityVia::Dictionary,
    }
}

/// The WCEP items of the bundled corpus as documents (the "Wikipedia
/// Current Events, <date>" line dropped), with entities tagged for the
/// given names wherever they occur.
pub(crate) fn wcep_docs(names: &[(&str, EntityKind)]) -> Vec<(String, Document)> {
    let mut out = Vec::new();
    for line in WCEP.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let field = |k: &str| {
            record
                .get(k)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let text = field("text");
        let body = text
            .split_once("\n\n")
            .map_or(text.as_str(), |(_, b)| b)
            .to_string();
        let published = field("published").parse::<Date>().ok();
        let mut d = Document::new(Source::default(), None, body.clone());
        d.published = published;
        for (name, kind) in names {
            let mut from = 0;
            while let Some(at) = body[from..].find(name) {
                let byte = from + at;
                d.entities
                    .push(entity(name, *kind, body[..byte].chars().count()));
                from = byte + name.len();
            }
        }
        d.entities.sort_by_key(|e| e.start);
        out.push((field("id"), d));
    }
    out
}

/// Two reports of the February 2016 truce: the US–Russia deal (Reuters,
/// start at midnight Damascus time) and its start (VOA, midnight GMT), the
/// latter with a coded attack and the coded form of the truce itself.
pub(crate) fn truce_reports() -> [Document; 2] {
    let mut deal = doc(
        "US, Russia agree Syria truce",
        "The United States and Russia agreed a cessation of hostilities in Syria.",
        Some(jiff::civil::date(2016, 2, 22)),
        "reuters.com",
    );
    deal.ceasefires = vec![frame(
        &["United States", "Russia"],
        Some("Syria"),
        Some("2016-02-27T00:00+02:00"),
        None,
        CeasefireStatus::Agreed,
    )];
    let mut start = doc(
        "Truce begins",
        "A truce began across Syria at midnight Damascus time.",
        Some(jiff::civil::date(2016, 2, 27)),
        "voanews.com",
    );
    start.ceasefires = vec![frame(
        &[],
        Some("Syria"),
        Some("2016-02-27T00:00Z"),
        None,
        CeasefireStatus::InEffect,
    )];
    start.events = vec![
        event(
            "ASSAULT",
            "195",
            Some(actor("Russia", "RUS")),
            Some(actor("rebels", "SYRREB")),
            Some("2016-02"),
            Some("Hama"),
        ),
        // The coded form of the truce itself: the ceasefire step says it.
        event(
            "RETREAT",
            "0871",
            Some(actor("Syria", "SYR")),
            None,
            Some("2016-02-27"),
            None,
        ),
    ];
    [deal, start]
}
