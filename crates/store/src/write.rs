//! Writes, shared by both backends: a document with its annotations, and the
//! results of linking.
//!
//! A document's JSON keeps everything; its entities, events and ceasefires
//! are also spread over rows so they can be queried. Link results replace
//! what was stored under the same id. Nothing here commits: the caller's
//! [`Batch`](crate::Batch) does, so a batch is stored whole or not at all.

use std::collections::BTreeSet;

use dateline_core::{
    Ceasefire, Document, DuplicateLink, Event, EventActor, LinkedEvent, MentionOf, Span, Story,
};

use crate::period::{day_number, day_range};
use crate::sql::{Conn, Insert, Row, params, values};
use crate::{Error, Result};

/// `sort_day` of undated events: after every date.
const UNDATED: i64 = 99_999_999;

/// Stores `doc` unless a document with its id is stored; returns whether it was new.
pub(crate) fn insert_document(conn: &mut dyn Conn, doc: &Document) -> Result<bool> {
    let body = to_json(&doc.id, doc)?;
    let ingested_at = now();
    let inserted = conn.query_first(
        "INSERT INTO documents (id, title, published, published_from, language, site, url, \
             source_path, source_format, source_record, text, document, ingested_at, sort_day) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
         ON CONFLICT (id) DO NOTHING RETURNING rowid",
        params![
            &doc.id,
            doc.title.as_deref(),
            doc.published.map(|d| d.to_string()),
            enum_name(&doc.published_from),
            doc.language.as_deref(),
            doc.source.site.as_deref(),
            doc.source.url.as_deref(),
            doc.source.path.as_deref(),
            doc.source.format.as_str(),
            doc.source.record.and_then(|r| i64::try_from(r).ok()),
            doc.text.as_str(),
            body,
            ingested_at,
            doc.published.map_or(0, day_number),
        ],
    )?;
    let Some(row) = inserted else {
        return Ok(false);
    };
    let rowid = row.int(0)?;
    let mut removed = Insert::new("removed (document, seq, kind, text)", 4);
    for (seq, piece) in doc.removed.iter().enumerate() {
        removed.row(values![
            rowid,
            seq as i64,
            piece.kind.as_str(),
            piece.text.as_str()
        ]);
    }
    removed.run(conn, "")?;
    let mut entities = Insert::new(
        "entities (doc, start_char, end_char, kind, canonical, name_key, country, code)",
        8,
    );
    for entity in &doc.entities {
        entities.row(values![
            &doc.id,
            entity.start as i64,
            entity.end as i64,
            entity.kind.as_str(),
            entity.canonical.as_str(),
            key(&entity.canonical),
            entity.country.as_deref(),
            entity.code.as_deref(),
        ]);
    }
    entities.run(conn, "")?;
    let text = CharText::new(&doc.text);
    insert_events(conn, &doc.id, &doc.events, &text)?;
    insert_ceasefires(conn, &doc.id, &doc.ceasefires, &text)?;
    Ok(true)
}

fn insert_events(
    conn: &mut dyn Conn,
    doc: &str,
    events: &[Event],
    text: &CharText<'_>,
) -> Result<()> {
    let mut rows = Insert::new(
        "events (doc, idx, kind, cameo, source_code, source_canonical, target_code, \
             target_canonical, when_value, day_from, day_to, sort_day, place, place_key, \
             modality, evidence, body)",
        17,
    );
    for (idx, event) in events.iter().enumerate() {
        let (source, target) = (actor(event.source.as_ref()), actor(event.target.as_ref()));
        let days = Days::of(event.when.as_deref());
        rows.row(values![
            doc,
            idx as i64,
            event.kind.as_str(),
            event.cameo.as_str(),
            source.0,
            source.1,
            target.0,
            target.1,
            event.when.as_deref(),
            days.first,
            days.last,
            days.sort,
            event.place.as_deref(),
            event.place.as_deref().map(key),
            enum_name(&event.modality),
            text.spans(&event.evidence),
            to_json(doc, event)?,
        ]);
    }
    let seqs = rows.run(conn, "RETURNING idx, seq")?;
    insert_actors(conn, "event_actors (item, name)", &seqs, |idx| {
        let event = events.get(idx)?;
        let (source, target) = (actor(event.source.as_ref()), actor(event.target.as_ref()));
        Some(
            [source.0, source.1, target.0, target.1]
                .into_iter()
                .flatten()
                .collect(),
        )
    })
}

fn insert_ceasefires(
    conn: &mut dyn Conn,
    doc: &str,
    ceasefires: &[Ceasefire],
    text: &CharText<'_>,
) -> Result<()> {
    let mut rows = Insert::new(
        "ceasefires (doc, idx, status, start_value, day_from, day_to, sort_day, scope, \
             place_key, evidence, body)",
        11,
    );
    for (idx, ceasefire) in ceasefires.iter().enumerate() {
        let days = Days::of(ceasefire.start.as_deref());
        rows.row(values![
            doc,
            idx as i64,
            enum_name(&ceasefire.status),
            ceasefire.start.as_deref(),
            days.first,
            days.last,
            days.sort,
            ceasefire.scope.as_deref(),
            ceasefire.scope.as_deref().map(key),
            text.spans(&ceasefire.evidence),
            to_json(doc, ceasefire)?,
        ]);
    }
    let seqs = rows.run(conn, "RETURNING idx, seq")?;
    insert_actors(conn, "ceasefire_actors (item, name)", &seqs, |idx| {
        Some(ceasefire_actors(ceasefires.get(idx)?).collect())
    })
}

/// Indexes the actors of items just inserted: `returned` holds their
/// `(idx, seq)`, `names` gives the names of the item at an index.
fn insert_actors<'a>(
    conn: &mut dyn Conn,
    into: &'static str,
    returned: &[Row],
    names: impl Fn(usize) -> Option<Vec<&'a str>>,
) -> Result<()> {
    let mut rows = Insert::new(into, 2);
    for row in returned {
        let (idx, seq) = (row.int(0)?, row.int(1)?);
        let names = usize::try_from(idx)
            .ok()
            .and_then(&names)
            .unwrap_or_default();
        for name in keys(names) {
            rows.row(values![seq, name]);
        }
    }
    rows.run(conn, "")?;
    Ok(())
}

/// Distinct non-empty match keys of `names`.
fn keys<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names
        .into_iter()
        .map(key)
        .filter(|k| !k.is_empty())
        .collect()
}

/// The day columns of a dated item: the period its date covers, and
/// where it sorts (undated items last).
struct Days {
    first: Option<i64>,
    last: Option<i64>,
    sort: i64,
}

impl Days {
    fn of(value: Option<&str>) -> Days {
        let range = value.and_then(day_range);
        Days {
            first: range.map(|r| r.0),
            last: range.map(|r| r.1),
            sort: range.map_or(UNDATED, |r| r.0),
        }
    }
}

/// Stores or replaces the duplicate link of `link.doc`.
pub(crate) fn put_duplicate(conn: &mut dyn Conn, link: &DuplicateLink) -> Result<()> {
    conn.execute(
        "INSERT INTO duplicates (doc, representative, similarity) VALUES ($1, $2, $3) \
         ON CONFLICT (doc) DO UPDATE SET representative = excluded.representative, \
             similarity = excluded.similarity",
        params![&link.doc, &link.representative, f64::from(link.similarity)],
    )?;
    Ok(())
}

/// Stores or replaces the linked event with `event.id`, its mentions and actors.
pub(crate) fn put_linked_event(conn: &mut dyn Conn, event: &LinkedEvent) -> Result<()> {
    let (source, target) = (actor(event.source.as_ref()), actor(event.target.as_ref()));
    let days = Days::of(event.date.as_deref());
    let row = conn.query_first(
        "INSERT INTO linked_events (id, kind, cameo, date_value, date_precision, day_from, \
             day_to, sort_day, story, place, place_key, source_code, source_canonical, \
             target_code, target_canonical, body) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, cameo = excluded.cameo, \
             date_value = excluded.date_value, date_precision = excluded.date_precision, \
             day_from = excluded.day_from, day_to = excluded.day_to, \
             sort_day = excluded.sort_day, story = excluded.story, place = excluded.place, \
             place_key = excluded.place_key, source_code = excluded.source_code, \
             source_canonical = excluded.source_canonical, target_code = excluded.target_code, \
             target_canonical = excluded.target_canonical, body = excluded.body \
         RETURNING seq",
        params![
            &event.id,
            event.kind.as_str(),
            event.cameo.as_str(),
            event.date.as_deref(),
            event.precision.as_ref().map(enum_name),
            days.first,
            days.last,
            days.sort,
            event.story.as_deref(),
            event.place.as_deref(),
            event.place.as_deref().map(key),
            source.0,
            source.1,
            target.0,
            target.1,
            to_json(&event.id, event)?,
        ],
    )?;
    let seq = returned(row)?;
    conn.execute("DELETE FROM mentions WHERE item = $1", params![seq])?;
    conn.execute(
        "DELETE FROM linked_event_actors WHERE item = $1",
        params![seq],
    )?;
    let mut mentions = Insert::new("mentions (item, doc, mention_of, idx)", 4);
    for mention in &event.mentions {
        let of = match mention.of {
            MentionOf::Event => "event",
            MentionOf::Ceasefire => "ceasefire",
        };
        mentions.row(values![seq, &mention.doc, of, i64::from(mention.index)]);
    }
    mentions.run(conn, "ON CONFLICT DO NOTHING")?;
    let names = [source.0, source.1, target.0, target.1]
        .into_iter()
        .flatten();
    let frame = event.ceasefire.iter().flat_map(ceasefire_actors);
    let mut actors = Insert::new("linked_event_actors (item, name)", 2);
    for name in keys(names.chain(frame)) {
        actors.row(values![seq, name]);
    }
    actors.run(conn, "")?;
    Ok(())
}

/// Removes a linked event (merged into another), its mentions and actors.
pub(crate) fn remove_linked_event(conn: &mut dyn Conn, id: &str) -> Result<bool> {
    Ok(conn.execute("DELETE FROM linked_events WHERE id = $1", params![id])? > 0)
}

/// Stores or replaces a story.
pub(crate) fn put_story(conn: &mut dyn Conn, story: &Story) -> Result<()> {
    conn.execute(
        "INSERT INTO stories (id, name, doc_count, body) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, doc_count = excluded.doc_count, \
             body = excluded.body",
        params![
            &story.id,
            &story.name,
            i64::try_from(story.documents).unwrap_or(i64::MAX),
            to_json(&story.id, story)?,
        ],
    )?;
    Ok(())
}

/// Adds documents to a story (those already in it stay once).
pub(crate) fn add_story_documents(conn: &mut dyn Conn, story: &str, docs: &[String]) -> Result<()> {
    for doc in docs {
        conn.execute(
            "INSERT INTO story_documents (story, doc) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            params![story, doc],
        )?;
    }
    Ok(())
}

/// Removes a story and its document list.
pub(crate) fn remove_story(conn: &mut dyn Conn, id: &str) -> Result<bool> {
    conn.execute("DELETE FROM story_documents WHERE story = $1", params![id])?;
    Ok(conn.execute("DELETE FROM stories WHERE id = $1", params![id])? > 0)
}

/// Name under which the linker's state is kept.
pub(crate) const LINKER: &str = "linker";

/// Replaces the linker's state.
pub(crate) fn put_link_state(conn: &mut dyn Conn, state: &[u8]) -> Result<()> {
    conn.execute(
        "INSERT INTO link_state (name, state, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
        params![LINKER, state, now()],
    )?;
    Ok(())
}

/// Who a ceasefire names as declarer or party.
fn ceasefire_actors(ceasefire: &Ceasefire) -> impl Iterator<Item = &str> {
    ceasefire
        .declarer
        .iter()
        .chain(&ceasefire.parties)
        .map(String::as_str)
}

/// An actor's `(code, canonical)`.
fn actor(actor: Option<&EventActor>) -> (Option<&str>, Option<&str>) {
    actor.map_or((None, None), |a| {
        (a.code.as_deref(), a.canonical.as_deref())
    })
}

/// The current time in UTC to the second, as stored (`2016-03-01T00:00:00Z`).
fn now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// The lowercased form names are matched by.
pub(crate) fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn returned(row: Option<Row>) -> Result<i64> {
    row.ok_or_else(|| Error::Schema("insert returned no key".into()))?
        .int(0)
}

fn to_json<T: serde::Serialize>(id: &str, value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|source| Error::Corrupt {
        id: id.to_owned(),
        source,
    })
}

/// The serde name of a unit enum variant (`"argument"`), as stored in text columns.
fn enum_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// A document's text addressed by character offsets.
struct CharText<'a> {
    text: &'a str,
    /// Byte offset of each character, and of the end.
    bytes: Vec<usize>,
}

impl<'a> CharText<'a> {
    fn new(text: &'a str) -> CharText<'a> {
        let bytes = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        CharText { text, bytes }
    }

    /// The text of `spans` joined by spaces; spans outside the text are cut to it.
    fn spans(&self, spans: &[Span]) -> String {
        let last = self.bytes.len() - 1;
        let pieces: Vec<&str> = spans
            .iter()
            .filter_map(|span| {
                let start = self.bytes[span.start.min(last)];
                let end = self.bytes[span.end.min(last)];
                self.text.get(start..end.max(start))
            })
            .filter(|piece| !piece.is_empty())
            .collect();
        pieces.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_cut_by_characters_and_clamped() {
        let text = CharText::new("Zürich: truce. Ça tient.");
        let spans = [
            Span { start: 8, end: 14 },
            Span { start: 15, end: 24 },
            Span { start: 20, end: 99 },
            Span { start: 30, end: 40 },
        ];
        assert_eq!(text.spans(&spans), "truce. Ça tient. ent.");
    }
}
