//! Timelines: dated entries drawn from linked events, and their renderings
//! (terminal text, JSON, CSV, TimelineJS).
//!
//! Each dated linked event gives one entry, each dated step of a ceasefire's
//! lifecycle one entry. Dates keep their precision (day, week, month, year).
//! An event whose value is underspecified (`XXXX-07-06`) or missing is dated
//! by the publication date of its earliest source, at day precision, since
//! that is when the world learnt of it; with no publication date either, it
//! is left out. A coded truce declaration (CAMEO 087x) on the same day as a
//! ceasefire step is left out too: the step says it better. Entries with the
//! same date and summary (events coreference kept apart) are shown once.
//!
//! Public statements (PLOVER leaves them out: `STATEMENT`) make no entries:
//! "X makes a statement on Y" is the reporting, not an event in the story.
//!
//! It does not search text: [`TimelineQuery::text`] keeps entries whose
//! summary, type, actors or place contain every query word (ceasefire steps
//! match "ceasefire", "truce" and "cease-fire"); a store with full-text
//! search narrows the events it passes in first.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use dateline_core::{
    DatePrecision, EntryKind, EntrySource, LinkedEvent, Timeline, TimelineEntry, TimelineQuery,
};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::Result;
use crate::date::{self, DateSpan};
use crate::summary;
use crate::text;

/// What a timeline needs to know about a source document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Its title.
    pub title: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// Its site.
    pub site: Option<String>,
    /// Its publication date.
    pub published: Option<Date>,
    /// The document it copies, when it is a near-duplicate.
    pub duplicate_of: Option<String>,
}

/// An entry before sources are looked up.
struct Draft<'a> {
    value: String,
    span: DateSpan,
    summary: String,
    kind: EntryKind,
    status: Option<dateline_core::CeasefireStatus>,
    event: &'a LinkedEvent,
    docs: Vec<&'a str>,
    disagreements: Vec<String>,
}

/// The timeline answering `query` from `events`; `docs` gives what is known
/// of a document id (`None` for an unknown one).
pub fn build_timeline<'a>(
    query: &TimelineQuery,
    events: impl IntoIterator<Item = &'a LinkedEvent>,
    docs: impl Fn(&str) -> Option<DocMeta>,
) -> Timeline {
    let mut drafts: Vec<Draft<'a>> = Vec::new();
    for event in events {
        if event.kind == "STATEMENT" || !event_matches(query, event) {
            continue;
        }
        match &event.ceasefire {
            Some(frame) => {
                // Disagreements go with the step they are about: the start.
                let anchor = event
                    .lifecycle
                    .iter()
                    .position(|s| s.status == dateline_core::CeasefireStatus::InEffect)
                    .or_else(|| {
                        event
                            .lifecycle
                            .iter()
                            .position(|s| s.status == dateline_core::CeasefireStatus::Declared)
                    })
                    .unwrap_or(0);
                for (i, step) in event.lifecycle.iter().enumerate() {
                    let docs_of: Vec<&str> = step.docs.iter().map(String::as_str).collect();
                    let Some((value, span)) = dated(step.date.as_deref(), &docs_of, &docs) else {
                        continue;
                    };
                    drafts.push(Draft {
                        value,
                        span,
                        summary: summary::ceasefire_step(step.status, frame),
                        kind: EntryKind::Ceasefire,
                        status: Some(step.status),
                        event,
                        docs: docs_of,
                        disagreements: if i == anchor {
                            event.disagreements.clone()
                        } else {
                            Vec::new()
                        },
                    });
                }
            }
            None => {
                let docs_of: Vec<&str> = event.mentions.iter().map(|m| m.doc.as_str()).collect();
                let Some((value, span)) = dated(event.date.as_deref(), &docs_of, &docs) else {
                    continue;
                };
                drafts.push(Draft {
                    value,
                    span,
                    summary: event.summary.clone(),
                    kind: EntryKind::Event,
                    status: None,
                    event,
                    docs: docs_of,
                    disagreements: event.disagreements.clone(),
                });
            }
        }
    }
    let truce_days: Vec<DateSpan> = drafts
        .iter()
        .filter(|d| d.kind == EntryKind::Ceasefire)
        .map(|d| d.span)
        .collect();
    drafts.retain(|d| {
        d.kind == EntryKind::Ceasefire
            || !d.event.cameo.starts_with("087")
            || !truce_days.iter().any(|t| t.gap_days(&d.span) <= 1)
    });
    drafts.retain(|d| {
        let in_range = query.from.is_none_or(|from| d.span.end >= from)
            && query.to.is_none_or(|to| d.span.start <= to);
        in_range && text_matches(query, d)
    });

    // One entry per (date, summary), in date order.
    let mut merged: BTreeMap<(Date, DatePrecision, String, String), TimelineEntry> =
        BTreeMap::new();
    for d in drafts {
        let key = (
            d.span.start,
            d.span.precision,
            d.value.clone(),
            d.summary.clone(),
        );
        let entry = merged.entry(key).or_insert_with(|| TimelineEntry {
            date: d.value.clone(),
            precision: d.span.precision,
            summary: d.summary.clone(),
            kind: d.kind,
            status: d.status,
            events: Vec::new(),
            sources: Vec::new(),
            disagreements: Vec::new(),
        });
        if !entry.events.contains(&d.event.id) {
            entry.events.push(d.event.id.clone());
        }
        for doc in d.docs {
            if !entry.sources.iter().any(|s| s.doc == doc) {
                entry.sources.push(source(doc, &docs));
            }
        }
        for x in d.disagreements {
            if !entry.disagreements.contains(&x) {
                entry.disagreements.push(x);
            }
        }
    }
    Timeline {
        query: query.clone(),
        entries: merged.into_values().collect(),
    }
}

/// The date of an entry: its own value when it has an interval, else the
/// publication date of its earliest source.
fn dated(
    value: Option<&str>,
    sources: &[&str],
    docs: &impl Fn(&str) -> Option<DocMeta>,
) -> Option<(String, DateSpan)> {
    if let Some(v) = value
        && let Some(span) = date::parse(v)
    {
        return Some((v.to_string(), span));
    }
    let earliest = sources.iter().filter_map(|d| docs(d)?.published).min()?;
    Some((earliest.to_string(), DateSpan::day(earliest)))
}

fn source(doc: &str, docs: &impl Fn(&str) -> Option<DocMeta>) -> EntrySource {
    let meta = docs(doc).unwrap_or_default();
    EntrySource {
        doc: doc.to_string(),
        title: meta.title,
        url: meta.url,
        site: meta.site,
        duplicate_of: meta.duplicate_of,
    }
}

/// Whether `needle` has words and every one occurs in `haystack` (case and punctuation ignored).
fn has_words(haystack: &str, needle: &str) -> bool {
    text::has_words(needle) && text::has_all_words(haystack, needle)
}

fn event_matches(query: &TimelineQuery, event: &LinkedEvent) -> bool {
    if let Some(story) = &query.story
        && event.story.as_deref() != Some(story.as_str())
    {
        return false;
    }
    if let Some(actor) = query.actor.as_deref() {
        let mut names: Vec<&str> = Vec::new();
        for a in [&event.source, &event.target].into_iter().flatten() {
            names.push(&a.text);
            names.extend(a.canonical.as_deref());
            if let Some(code) = a.code.as_deref()
                && (code.eq_ignore_ascii_case(actor)
                    || (actor.len() >= 3 && code.starts_with(actor)))
            {
                return true;
            }
        }
        if let Some(f) = &event.ceasefire {
            names.extend(
                f.declarer
                    .iter()
                    .chain(&f.parties)
                    .chain(&f.excluded)
                    .map(String::as_str),
            );
        }
        if !names.iter().any(|n| has_words(n, actor)) {
            return false;
        }
    }
    if let Some(place) = query.place.as_deref() {
        let scope = event.ceasefire.as_ref().and_then(|f| f.scope.as_deref());
        if ![event.place.as_deref(), scope]
            .into_iter()
            .flatten()
            .any(|p| has_words(p, place))
        {
            return false;
        }
    }
    true
}

fn text_matches(query: &TimelineQuery, d: &Draft<'_>) -> bool {
    let Some(text) = query.text.as_deref().filter(|t| !t.trim().is_empty()) else {
        return true;
    };
    let mut hay = format!(
        "{} {} {}",
        d.summary,
        d.event.kind,
        d.event.place.as_deref().unwrap_or("")
    );
    if d.event.ceasefire.is_some() {
        hay.push_str(" ceasefire truce cease-fire");
    }
    for a in [&d.event.source, &d.event.target].into_iter().flatten() {
        hay.push(' ');
        hay.push_str(summary::actor_name(a));
    }
    has_words(&hay, text)
}

/// A rendering of a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Lines for a terminal.
    Text,
    /// The `Timeline` as JSON (DESIGN.md's shape).
    Json,
    /// One row per entry.
    Csv,
    /// TimelineJS3's JSON format.
    Timelinejs,
}

/// Renders a timeline in the given format.
///
/// # Errors
/// When serialization fails (it does not for timelines built here).
pub fn render(timeline: &Timeline, format: Format) -> Result<String> {
    match format {
        Format::Text => Ok(to_text(timeline)),
        Format::Json => Ok(serde_json::to_string_pretty(timeline)?),
        Format::Csv => to_csv(timeline),
        Format::Timelinejs => Ok(serde_json::to_string_pretty(&to_timelinejs(timeline))?),
    }
}

/// A date at its precision, for people.
fn shown_date(entry: &TimelineEntry) -> String {
    date::parse(&entry.date).map_or_else(
        || entry.date.clone(),
        |span| date::display(&entry.date, &span),
    )
}

fn status_name(entry: &TimelineEntry) -> &'static str {
    use dateline_core::CeasefireStatus as S;
    match entry.status {
        None => "event",
        Some(S::Proposed) => "proposed",
        Some(S::Agreed) => "agreed",
        Some(S::Declared) => "declared",
        Some(S::InEffect) => "in effect",
        Some(S::Violated) => "violated",
        Some(S::Extended) => "extended",
        Some(S::Collapsed) => "collapsed",
        Some(S::Ended) => "ended",
    }
}

/// Distinct sites of the sources, originals first.
fn sites(entry: &TimelineEntry) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut ordered: Vec<&EntrySource> = entry.sources.iter().collect();
    ordered.sort_by_key(|s| s.duplicate_of.is_some());
    for s in ordered {
        let site = s
            .site
            .clone()
            .or_else(|| s.url.as_deref().and_then(dateline_core::site_of_url));
        if let Some(site) = site
            && !out.contains(&site)
        {
            out.push(site);
        }
    }
    out
}

/// Lines for a terminal: date at its precision, status, summary, how many
/// sources (copies not counted) and from where; disagreements under it.
pub fn to_text(timeline: &Timeline) -> String {
    let mut out = String::new();
    if timeline.entries.is_empty() {
        out.push_str("no dated entries\n");
    }
    for entry in &timeline.entries {
        let independent = entry
            .sources
            .iter()
            .filter(|s| s.duplicate_of.is_none())
            .count();
        let copies = entry.sources.len() - independent;
        let mut count = format!(
            "{independent} source{}",
            if independent == 1 { "" } else { "s" }
        );
        if copies > 0 {
            let _ = write!(
                count,
                " + {copies} cop{}",
                if copies == 1 { "y" } else { "ies" }
            );
        }
        let site_list = sites(entry);
        let shown: Vec<&str> = site_list.iter().take(3).map(String::as_str).collect();
        let more = site_list.len().saturating_sub(3);
        let mut where_from = shown.join(", ");
        if more > 0 {
            let _ = write!(where_from, " +{more}");
        }
        let _ = writeln!(
            out,
            "{:<24} {:<10} {}  [{count}{}{where_from}]",
            shown_date(entry),
            status_name(entry),
            entry.summary,
            if where_from.is_empty() { "" } else { ": " },
        );
        for d in &entry.disagreements {
            let _ = writeln!(out, "{:<24} {:<10} ! {d}", "", "");
        }
    }
    out
}

/// One CSV row per entry: date, precision, kind, status, summary, events,
/// sources, sites, urls, disagreements (lists joined with `; `).
///
/// # Errors
/// When the CSV writer fails (it does not write to memory).
pub fn to_csv(timeline: &Timeline) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "date",
        "precision",
        "kind",
        "status",
        "summary",
        "events",
        "sources",
        "sites",
        "urls",
        "disagreements",
    ])?;
    for e in &timeline.entries {
        let precision = serde_json::to_value(e.precision)?;
        let kind = serde_json::to_value(e.kind)?;
        let status = e.status.map(serde_json::to_value).transpose()?;
        let urls: Vec<&str> = e.sources.iter().filter_map(|s| s.url.as_deref()).collect();
        w.write_record([
            e.date.as_str(),
            precision.as_str().unwrap_or(""),
            kind.as_str().unwrap_or(""),
            status.as_ref().and_then(|s| s.as_str()).unwrap_or(""),
            e.summary.as_str(),
            &e.events.join("; "),
            &e.sources.len().to_string(),
            &sites(e).join("; "),
            &urls.join("; "),
            &e.disagreements.join("; "),
        ])?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| crate::Error::Csv(e.into_error().into()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The timeline in TimelineJS3's JSON format: a title slide and one slide
/// per entry, the date to its precision, sources as links, the entry kind
/// (or ceasefire status) as the group.
pub fn to_timelinejs(timeline: &Timeline) -> serde_json::Value {
    let q = &timeline.query;
    let asked: Vec<String> = [
        q.text.as_ref().map(|t| format!("\u{201c}{t}\u{201d}")),
        q.actor.as_ref().map(|a| format!("actor {a}")),
        q.place.as_ref().map(|p| format!("place {p}")),
        q.story.as_ref().map(|s| format!("story {s}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let headline = if asked.is_empty() {
        "Timeline".to_string()
    } else {
        format!("Timeline: {}", asked.join(", "))
    };
    let events: Vec<serde_json::Value> = timeline
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut start = serde_json::Map::new();
            if let Some(span) = date::parse(&e.date) {
                start.insert("year".into(), span.start.year().to_string().into());
                if span.precision >= DatePrecision::Month {
                    start.insert("month".into(), span.start.month().to_string().into());
                }
                if span.precision >= DatePrecision::Week {
                    start.insert("day".into(), span.start.day().to_string().into());
                }
                start.insert("display_date".into(), date::display(&e.date, &span).into());
            }
            let mut body = String::new();
            let links: Vec<String> = e
                .sources
                .iter()
                .map(|s| {
                    let label =
                        escape_html(s.title.as_deref().or(s.site.as_deref()).unwrap_or(&s.doc));
                    match &s.url {
                        Some(url) => format!("<a href=\"{}\">{label}</a>", escape_html(url)),
                        None => label,
                    }
                })
                .collect();
            if !links.is_empty() {
                let _ = write!(body, "<p>Sources: {}</p>", links.join(", "));
            }
            for d in &e.disagreements {
                let _ = write!(body, "<p>Sources disagree: {}</p>", escape_html(d));
            }
            serde_json::json!({
                "start_date": start,
                "text": {"headline": escape_html(&e.summary), "text": body},
                "group": match e.kind {
                    EntryKind::Ceasefire => format!("ceasefire {}", status_name(e)),
                    EntryKind::Event => "event".to_string(),
                },
                "unique_id": format!("entry-{i}"),
            })
        })
        .collect();
    serde_json::json!({
        "title": {"text": {"headline": headline, "text": format!("{} dated entries", timeline.entries.len())}},
        "events": events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Linker;
    use crate::testutil::{actor, doc, event, truce_reports};
    use dateline_core::{CeasefireStatus, Document};
    use jiff::civil::date;
    use std::collections::HashMap;

    fn docs() -> Vec<Document> {
        let [deal, start] = truce_reports();
        let mut talks = doc(
            "Kerry in Munich",
            "Kerry and Lavrov met in Munich.",
            Some(date(2016, 2, 11)),
            "apnews.com",
        );
        talks.events = vec![event(
            "CONSULT",
            "040",
            Some(actor("John Kerry", "USAGOV")),
            Some(actor("Sergei Lavrov", "RUSGOV")),
            Some("XXXX-02-11"),
            Some("Munich"),
        )];
        vec![deal, start, talks]
    }

    fn timeline(query: &TimelineQuery) -> Timeline {
        let docs = docs();
        let mut linker = Linker::new();
        for d in &docs {
            linker.add(d);
        }
        let meta: HashMap<String, DocMeta> = docs
            .iter()
            .map(|d| {
                (
                    d.id.clone(),
                    DocMeta {
                        title: d.title.clone(),
                        url: d.source.url.clone(),
                        site: d.source.site.clone(),
                        published: d.published,
                        duplicate_of: None,
                    },
                )
            })
            .collect();
        build_timeline(query, linker.events(), |id| meta.get(id).cloned())
    }

    #[test]
    fn entries_are_dated_at_their_precision_in_order() {
        let t = timeline(&TimelineQuery::default());
        let got: Vec<(&str, DatePrecision, &str)> = t
            .entries
            .iter()
            .map(|e| (e.date.as_str(), e.precision, e.summary.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "2016-02",
                    DatePrecision::Month,
                    "Russia attacks rebels in Hama"
                ),
                // Underspecified: the publication date of its source, to the day.
                (
                    "2016-02-11",
                    DatePrecision::Day,
                    "John Kerry meets Sergei Lavrov in Munich"
                ),
                (
                    "2016-02-22",
                    DatePrecision::Day,
                    "United States and Russia agree ceasefire in Syria"
                ),
                (
                    "2016-02-27T00:00+02:00",
                    DatePrecision::Time,
                    "Ceasefire takes effect across Syria"
                ),
            ]
        );
        let start = &t.entries[3];
        assert_eq!(start.status, Some(CeasefireStatus::InEffect));
        assert_eq!(start.sources.len(), 1);
        assert_eq!(start.sources[0].site.as_deref(), Some("voanews.com"));
        assert_eq!(
            start.disagreements,
            ["start: 2016-02-27T00:00+02:00 (reuters.com) vs 2016-02-27T00:00Z (voanews.com)"]
        );
    }

    #[test]
    fn queries_filter_by_actor_place_dates_and_words() {
        let summaries = |q: TimelineQuery| -> Vec<String> {
            timeline(&q)
                .entries
                .into_iter()
                .map(|e| e.summary)
                .collect()
        };
        let actor = summaries(TimelineQuery {
            actor: Some("USA".into()),
            ..TimelineQuery::default()
        });
        assert_eq!(actor, ["John Kerry meets Sergei Lavrov in Munich"]);
        let russia = summaries(TimelineQuery {
            actor: Some("Russia".into()),
            ..TimelineQuery::default()
        });
        assert_eq!(russia.len(), 3, "{russia:?}");
        let place = summaries(TimelineQuery {
            place: Some("syria".into()),
            ..TimelineQuery::default()
        });
        assert_eq!(place.len(), 2);
        let range = summaries(TimelineQuery {
            from: Some(date(2016, 2, 20)),
            to: Some(date(2016, 2, 23)),
            ..TimelineQuery::default()
        });
        // The month overlaps the range; the agreement is inside it.
        assert_eq!(
            range,
            [
                "Russia attacks rebels in Hama",
                "United States and Russia agree ceasefire in Syria"
            ]
        );
        let words = summaries(TimelineQuery {
            text: Some("ceasefire".into()),
            ..TimelineQuery::default()
        });
        assert_eq!(words.len(), 2);
        let title = summaries(TimelineQuery {
            text: Some("Munich".into()),
            ..TimelineQuery::default()
        });
        assert_eq!(title, ["John Kerry meets Sergei Lavrov in Munich"]);
    }

    #[test]
    fn renderings() {
        let t = timeline(&TimelineQuery {
            text: Some("ceasefire".into()),
            ..TimelineQuery::default()
        });
        let text = to_text(&t);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with("22 Feb 2016 "), "{text}");
        assert!(
            lines[0].contains("agreed") && lines[0].ends_with("[1 source: reuters.com]"),
            "{text}"
        );
        assert!(lines[1].starts_with("27 Feb 2016 00:00+02:00"), "{text}");
        assert!(lines[2].contains("! start: "), "{text}");

        let csv = to_csv(&t).expect("csv");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = reader
            .records()
            .collect::<std::result::Result<_, _>>()
            .expect("rows");
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[1][0], "2016-02-27T00:00+02:00");
        assert_eq!(&rows[1][1], "time");
        assert_eq!(&rows[1][3], "in_effect");

        let json: serde_json::Value =
            serde_json::from_str(&render(&t, Format::Json).expect("json")).expect("valid");
        assert_eq!(json["entries"][0]["precision"], "day");
        assert_eq!(json["query"]["text"], "ceasefire");

        let tl = to_timelinejs(&t);
        assert_eq!(
            tl["title"]["text"]["headline"],
            "Timeline: \u{201c}ceasefire\u{201d}"
        );
        assert_eq!(
            tl["events"][1]["start_date"],
            serde_json::json!({"year": "2016", "month": "2", "day": "27", "display_date": "27 Feb 2016 00:00+02:00"})
        );
        assert_eq!(tl["events"][1]["group"], "ceasefire in effect");
        assert!(
            tl["events"][0]["text"]["text"]
                .as_str()
                .is_some_and(|s| s.contains("<a href=\"https://reuters.com/"))
        );
        assert_eq!(
            to_text(&Timeline {
                query: TimelineQuery::default(),
                entries: Vec::new()
            }),
            "no dated entries\n"
        );
    }
}
