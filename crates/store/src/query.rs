//! Reads, shared by both backends: filtered, paginated lists for the
//! timeline, the server and the CLI, and lookups by id.
//!
//! Lists page by key (the sort column and a unique integer key), not by
//! offset: a cursor names the last row returned, so pages stay cheap deep
//! into a list and rows added meanwhile are neither skipped nor repeated.
//! Date filters compare periods: an event dated `2016-02` (a month) matches
//! `from = 2016-02-20` because the month overlaps the range.
//!
//! It does not build timelines (the `link` crate does, from these lists).

use std::collections::HashMap;

use dateline_core::{Ceasefire, DuplicateLink, Event, LinkedEvent, Story, TimelineQuery};
use serde::{Deserialize, Serialize};

use crate::fts::TextQuery;
use crate::period::day_range;
use crate::sql::{Conn, Dialect, Params, Row, params};
use crate::write::{LINKER, key};
use crate::{Error, Result};

/// Rows per page when a request asks for 0.
pub const DEFAULT_LIMIT: u32 = 100;
/// The most rows one page holds.
pub const MAX_LIMIT: u32 = 1000;

/// Which events, ceasefires or linked events to list, and which page.
///
/// Every set field must match. Dates are TIMEX3-style values naming a day,
/// week, month, year… (`2016-02-27`, `2016-W08`, `2016-02`, `2016`): `from`
/// keeps items whose date reaches into or past the start of its period,
/// `to` those whose date begins by the end of its period; undated items are
/// left out when either is set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFilter {
    /// A story id: items of the story (for per-document items, items of
    /// the story's documents).
    pub story: Option<String>,
    /// An actor, case-insensitive: the canonical name or CAMEO code of the
    /// source or target, or a ceasefire's declarer or party.
    pub actor: Option<String>,
    /// A place, case-insensitive: the event's place or the ceasefire's scope.
    pub place: Option<String>,
    /// A full-text query (words, `"phrases"`, `OR`, `-word`) over the
    /// documents reporting the item.
    pub text: Option<String>,
    /// Earliest date.
    pub from: Option<String>,
    /// Latest date.
    pub to: Option<String>,
    /// Items per page (0: [`DEFAULT_LIMIT`]; at most [`MAX_LIMIT`]).
    pub limit: u32,
    /// Where to continue: [`Page::next`] of the previous page.
    pub cursor: Option<String>,
}

impl From<&TimelineQuery> for EventFilter {
    fn from(query: &TimelineQuery) -> EventFilter {
        EventFilter {
            story: query.story.clone(),
            actor: query.actor.clone(),
            place: query.place.clone(),
            text: query.text.clone(),
            from: query.from.map(|d| d.to_string()),
            to: query.to.map(|d| d.to_string()),
            limit: 0,
            cursor: None,
        }
    }
}

/// Which page of a plain list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRequest {
    /// Items per page (0: [`DEFAULT_LIMIT`]; at most [`MAX_LIMIT`]).
    pub limit: u32,
    /// Where to continue: [`Page::next`] of the previous page.
    pub cursor: Option<String>,
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The items, in list order.
    pub items: Vec<T>,
    /// The cursor of the next page; `None` on the last page.
    pub next: Option<String>,
}

/// What a timeline or a document list shows of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// The document's id.
    pub id: String,
    /// Its title.
    pub title: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// Its site.
    pub site: Option<String>,
    /// Its publication date (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The representative of its near-duplicate group, when it is a copy.
    pub duplicate_of: Option<String>,
}

/// An event as one document reports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    /// The document's id.
    pub doc: String,
    /// The index in the document's `events`.
    pub index: u32,
    /// The event.
    pub event: Event,
}

/// A ceasefire frame as one document reports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredCeasefire {
    /// The document's id.
    pub doc: String,
    /// The index in the document's `ceasefires`.
    pub index: u32,
    /// The frame.
    pub ceasefire: Ceasefire,
}

/// Where an event is: a document and the index in its `events`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventRef {
    /// The document's id.
    pub doc: String,
    /// The index in the document's `events`.
    pub index: u32,
}

/// A keyset-paginated list: its rows, their order, what is selected.
struct List {
    from: &'static str,
    sort: &'static str,
    key: &'static str,
    descending: bool,
    /// Selected after the sort and key columns (so from column 2 on).
    columns: &'static str,
}

/// Per-document items or linked events: where their filters look.
struct Items {
    list: List,
    actors: &'static str,
    /// Linked events find their documents through `mentions`; the others
    /// have a `doc` column.
    linked: bool,
}

const DOCUMENTS: List = List {
    from: "documents d LEFT JOIN duplicates u ON u.doc = d.id",
    sort: "d.sort_day",
    key: "d.rowid",
    descending: true,
    columns: "d.id, d.title, d.url, d.site, d.published, u.representative",
};

const STORIES: List = List {
    from: "stories",
    sort: "doc_count",
    key: "seq",
    descending: true,
    columns: "id, body",
};

const EVENTS: Items = Items {
    list: List {
        from: "events",
        sort: "sort_day",
        key: "seq",
        descending: false,
        columns: "doc, idx, body",
    },
    actors: "event_actors",
    linked: false,
};

const CEASEFIRES: Items = Items {
    list: List {
        from: "ceasefires",
        ..EVENTS.list
    },
    actors: "ceasefire_actors",
    linked: false,
};

const LINKED_EVENTS: Items = Items {
    list: List {
        from: "linked_events",
        columns: "id, body",
        ..EVENTS.list
    },
    actors: "linked_event_actors",
    linked: true,
};

/// Documents, newest first (undated last).
pub(crate) fn documents(conn: &mut dyn Conn, page: &PageRequest) -> Result<Page<DocMeta>> {
    let conditions = Some(Vec::new());
    list(
        conn,
        &DOCUMENTS,
        Params::default(),
        conditions,
        page,
        doc_meta_row,
    )
}

/// Per-document events matching `filter`, by date (undated last).
pub(crate) fn events(conn: &mut dyn Conn, filter: &EventFilter) -> Result<Page<StoredEvent>> {
    filtered(conn, &EVENTS, filter, |row| {
        let (doc, index) = item_ref(row)?;
        let event = row.json(4, &doc)?;
        Ok(StoredEvent { doc, index, event })
    })
}

/// Per-document ceasefire frames matching `filter`, by start date (undated last).
pub(crate) fn ceasefires(
    conn: &mut dyn Conn,
    filter: &EventFilter,
) -> Result<Page<StoredCeasefire>> {
    filtered(conn, &CEASEFIRES, filter, |row| {
        let (doc, index) = item_ref(row)?;
        let ceasefire = row.json(4, &doc)?;
        Ok(StoredCeasefire {
            doc,
            index,
            ceasefire,
        })
    })
}

/// Linked events matching `filter`, by date (undated last).
pub(crate) fn linked_events(
    conn: &mut dyn Conn,
    filter: &EventFilter,
) -> Result<Page<LinkedEvent>> {
    filtered(conn, &LINKED_EVENTS, filter, |row| {
        row.json(3, &row.text(2)?)
    })
}

/// Stories, largest first.
pub(crate) fn stories(conn: &mut dyn Conn, page: &PageRequest) -> Result<Page<Story>> {
    let conditions = Some(Vec::new());
    list(conn, &STORIES, Params::default(), conditions, page, |row| {
        row.json(3, &row.text(2)?)
    })
}

/// The linked event with this id.
pub(crate) fn linked_event(conn: &mut dyn Conn, id: &str) -> Result<Option<LinkedEvent>> {
    by_id(conn, "SELECT body FROM linked_events WHERE id = $1", id)
}

/// The story with this id.
pub(crate) fn story(conn: &mut dyn Conn, id: &str) -> Result<Option<Story>> {
    by_id(conn, "SELECT body FROM stories WHERE id = $1", id)
}

/// The stored document with this id.
pub(crate) fn document(conn: &mut dyn Conn, id: &str) -> Result<Option<dateline_core::Document>> {
    by_id(conn, "SELECT document FROM documents WHERE id = $1", id)
}

fn by_id<T: serde::de::DeserializeOwned>(
    conn: &mut dyn Conn,
    sql: &str,
    id: &str,
) -> Result<Option<T>> {
    conn.query_first(sql, params![id])?
        .map(|row| row.json(0, id))
        .transpose()
}

/// Ids of the documents of a story, in id order.
pub(crate) fn story_documents(conn: &mut dyn Conn, story: &str) -> Result<Vec<String>> {
    conn.query(
        "SELECT doc FROM story_documents WHERE story = $1 ORDER BY doc",
        params![story],
    )?
    .iter()
    .map(|row| row.text(0))
    .collect()
}

/// The duplicate link of `doc`, when it is a copy.
pub(crate) fn duplicate(conn: &mut dyn Conn, doc: &str) -> Result<Option<DuplicateLink>> {
    conn.query_first(
        "SELECT representative, similarity FROM duplicates WHERE doc = $1",
        params![doc],
    )?
    .map(|row| {
        Ok(DuplicateLink {
            doc: doc.to_owned(),
            representative: row.text(0)?,
            similarity: row.real(1)? as f32,
        })
    })
    .transpose()
}

/// Metadata of the stored documents among `ids`, in the order asked.
pub(crate) fn doc_meta(conn: &mut dyn Conn, ids: &[String]) -> Result<Vec<DocMeta>> {
    // Bounded `IN` lists keep statements small on both databases.
    const CHUNK: usize = 200;
    let mut found = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let mut params = Params::default();
        let placeholders: Vec<String> = chunk.iter().map(|id| params.push(id)).collect();
        let sql = format!(
            "SELECT 0, 0, {} FROM {} WHERE d.id IN ({})",
            DOCUMENTS.columns,
            DOCUMENTS.from,
            placeholders.join(", ")
        );
        for row in conn.query(&sql, &params.0)? {
            let meta = doc_meta_row(&row)?;
            found.insert(meta.id.clone(), meta);
        }
    }
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

/// The linker's state, if it saved one.
pub(crate) fn link_state(conn: &mut dyn Conn) -> Result<Option<Vec<u8>>> {
    conn.query_first(
        "SELECT state FROM link_state WHERE name = $1",
        params![LINKER],
    )?
    .map(|row| row.blob(0))
    .transpose()
}

/// Ids of documents matching a full-text query, best first.
pub(crate) fn search(conn: &mut dyn Conn, query: &str, limit: u32) -> Result<Vec<String>> {
    ranked(conn, |d| d.search_documents, query, limit)?
        .iter()
        .map(|row| row.text(0))
        .collect()
}

/// Events whose evidence matches a full-text query, best first.
pub(crate) fn search_events(conn: &mut dyn Conn, query: &str, limit: u32) -> Result<Vec<EventRef>> {
    ranked(conn, |d| d.search_events, query, limit)?
        .iter()
        .map(|row| {
            let index = u32::try_from(row.int(1)?).unwrap_or(u32::MAX);
            Ok(EventRef {
                doc: row.text(0)?,
                index,
            })
        })
        .collect()
}

/// Rows of the dialect's ranked full-text `search` statement.
fn ranked(
    conn: &mut dyn Conn,
    search: fn(&Dialect) -> &'static str,
    query: &str,
    limit: u32,
) -> Result<Vec<Row>> {
    let Some(query) = text_query(conn, query) else {
        return Ok(Vec::new());
    };
    conn.query(search(conn.dialect()), params![query, i64::from(limit)])
}

/// A user's full-text query as the database takes it; `None` when it has no words.
fn text_query(conn: &dyn Conn, query: &str) -> Option<String> {
    (conn.dialect().text_query)(&TextQuery::parse(query))
}

fn doc_meta_row(row: &Row) -> Result<DocMeta> {
    Ok(DocMeta {
        id: row.text(2)?,
        title: row.opt_text(3)?,
        url: row.opt_text(4)?,
        site: row.opt_text(5)?,
        published: row.opt_text(6)?,
        duplicate_of: row.opt_text(7)?,
    })
}

/// `(doc, idx)` of a per-document item row.
fn item_ref(row: &Row) -> Result<(String, u32)> {
    let index = u32::try_from(row.int(3)?).unwrap_or(u32::MAX);
    Ok((row.text(2)?, index))
}

fn filtered<T>(
    conn: &mut dyn Conn,
    items: &Items,
    filter: &EventFilter,
    decode: impl Fn(&Row) -> Result<T>,
) -> Result<Page<T>> {
    let mut params = Params::default();
    let conditions = conditions(conn, items, filter, &mut params)?;
    let page = PageRequest {
        limit: filter.limit,
        cursor: filter.cursor.clone(),
    };
    list(conn, &items.list, params, conditions, &page, decode)
}

/// The `WHERE` conditions of `filter`; `None` when it can match nothing.
fn conditions(
    conn: &dyn Conn,
    items: &Items,
    filter: &EventFilter,
    params: &mut Params,
) -> Result<Option<Vec<String>>> {
    // Correlated EXISTS probes keep the scan in list order, so a page
    // stops after `limit` rows instead of materialising every match.
    let table = items.list.from;
    let mut out = Vec::new();
    if let Some(story) = &filter.story {
        let p = params.push(story);
        out.push(if items.linked {
            format!("story = {p}")
        } else {
            format!(
                "EXISTS (SELECT 1 FROM story_documents s WHERE s.story = {p} AND s.doc = {table}.doc)"
            )
        });
    }
    if let Some(actor) = &filter.actor {
        let p = params.push(key(actor));
        out.push(format!(
            "EXISTS (SELECT 1 FROM {} a WHERE a.name = {p} AND a.item = {table}.seq)",
            items.actors
        ));
    }
    if let Some(place) = &filter.place {
        out.push(format!("place_key = {}", params.push(key(place))));
    }
    if let Some(text) = &filter.text {
        let dialect = conn.dialect();
        let Some(query) = (dialect.text_query)(&TextQuery::parse(text)) else {
            return Ok(None);
        };
        let docs = dialect
            .documents_matching
            .replace("{q}", &params.push(query));
        out.push(if items.linked {
            format!(
                "EXISTS (SELECT 1 FROM mentions m WHERE m.item = {table}.seq AND m.doc IN ({docs}))"
            )
        } else {
            format!("doc IN ({docs})")
        });
    }
    if let Some(from) = &filter.from {
        let (first, _) = day_range(from).ok_or_else(|| bad_date("from", from))?;
        out.push(format!("day_to >= {}", params.push(first)));
    }
    if let Some(to) = &filter.to {
        let (_, last) = day_range(to).ok_or_else(|| bad_date("to", to))?;
        out.push(format!("day_from <= {}", params.push(last)));
    }
    Ok(Some(out))
}

fn bad_date(field: &str, value: &str) -> Error {
    Error::InvalidFilter(format!(
        "{field} date {value:?} is not a date, week, month or year (like 2016-02-27, 2016-W08, 2016-02, 2016)"
    ))
}

/// One page of `list` under `conditions` (`None`: an empty page).
fn list<T>(
    conn: &mut dyn Conn,
    list: &List,
    mut params: Params,
    conditions: Option<Vec<String>>,
    page: &PageRequest,
    decode: impl Fn(&Row) -> Result<T>,
) -> Result<Page<T>> {
    let Some(mut conditions) = conditions else {
        return Ok(Page {
            items: Vec::new(),
            next: None,
        });
    };
    let limit = match page.limit {
        0 => DEFAULT_LIMIT,
        n => n.min(MAX_LIMIT),
    } as usize;
    let (order, after) = if list.descending {
        ("DESC", "<")
    } else {
        ("ASC", ">")
    };
    if let Some(cursor) = &page.cursor {
        let (sort, key) = parse_cursor(cursor)?;
        conditions.push(format!(
            "({}, {}) {after} ({}, {})",
            list.sort,
            list.key,
            params.push(sort),
            params.push(key)
        ));
    }
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conditions.join(" AND "))
    };
    let sql = format!(
        "SELECT {sort}, {key}, {columns} FROM {from}{filter} \
         ORDER BY {sort} {order}, {key} {order} LIMIT {limit}",
        sort = list.sort,
        key = list.key,
        columns = list.columns,
        from = list.from,
        limit = params.push(limit as i64 + 1),
    );
    let mut rows = conn.query(&sql, &params.0)?;
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next = match rows.last() {
        Some(last) if more => Some(format!("{}.{}", last.int(0)?, last.int(1)?)),
        _ => None,
    };
    let items = rows.iter().map(decode).collect::<Result<_>>()?;
    Ok(Page { items, next })
}

fn parse_cursor(cursor: &str) -> Result<(i64, i64)> {
    cursor
        .split_once('.')
        .and_then(|(sort, key)| Some((sort.parse().ok()?, key.parse().ok()?)))
        .ok_or_else(|| Error::InvalidCursor(cursor.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{Target, corpus, linked_events, on_both_backends, store_all};
    use crate::{Batch, Store};

    on_both_backends!(
        linked_events_filter_by_story_actor_place_text_and_dates,
        per_document_events_and_ceasefires_filter_alike,
        cursors_walk_every_row_once,
        bad_cursors_and_dates_are_errors,
    );

    /// The corpus and its linked events, stored.
    fn stored(target: &Target) -> Store {
        let mut store = target.open().expect("open");
        let docs = corpus();
        store_all(&mut store, &docs);
        let mut batch: Batch<'_> = store.batch().expect("batch");
        for event in linked_events(&docs) {
            batch.put_linked_event(&event).expect("put");
        }
        let ids: Vec<String> = docs[..2].iter().map(|d| d.id.clone()).collect();
        batch
            .add_story_documents("syria", &ids)
            .expect("story docs");
        batch.commit().expect("commit");
        store
    }

    fn ids(store: &Store, filter: EventFilter) -> Vec<String> {
        let page = store.linked_events(&filter).expect("linked events");
        assert_eq!(page.next, None);
        page.items.into_iter().map(|e| e.id).collect()
    }

    fn linked_events_filter_by_story_actor_place_text_and_dates(target: &Target) {
        let store = stored(target);
        let all = ids(&store, EventFilter::default());
        // By date, undated last.
        assert_eq!(all, ["vienna", "plan", "truce-feb", "truce-jul", "welcome"]);
        let story = |s: &str| EventFilter {
            story: Some(s.into()),
            ..EventFilter::default()
        };
        assert_eq!(ids(&store, story("kerry")), ["welcome"]);
        assert_eq!(ids(&store, story("syria")).len(), 4);
        let actor = |a: &str| EventFilter {
            actor: Some(a.into()),
            ..EventFilter::default()
        };
        // Canonical name or code, any case, source or target.
        assert_eq!(ids(&store, actor("john kerry")), ["welcome"]);
        assert_eq!(
            ids(&store, actor("syrmil")),
            ["truce-feb", "truce-jul", "welcome"]
        );
        // A party of the February ceasefire frame only.
        assert_eq!(ids(&store, actor("Syrian Opposition")), ["truce-feb"]);
        assert!(ids(&store, actor("Syrian")).is_empty());
        let place = EventFilter {
            place: Some("VIENNA".into()),
            ..EventFilter::default()
        };
        assert_eq!(ids(&store, place), ["vienna"]);
        let text = EventFilter {
            text: Some("weeks away".into()),
            ..EventFilter::default()
        };
        assert_eq!(ids(&store, text), ["vienna", "plan"]);
        let dates = |from: Option<&str>, to: Option<&str>| EventFilter {
            from: from.map(Into::into),
            to: to.map(Into::into),
            ..EventFilter::default()
        };
        // Week 46 of 2015 (9-15 November) overlaps a range from 14 November.
        assert_eq!(
            ids(&store, dates(Some("2015-11-14"), Some("2015-12-01"))),
            ["vienna", "plan"]
        );
        // The plan is dated December 2015: it reaches into a range from 31 December.
        assert_eq!(
            ids(&store, dates(Some("2015-12-31"), Some("2016-02-26"))),
            ["plan"]
        );
        // A month or a year as the bounds; undated events are left out.
        assert_eq!(
            ids(&store, dates(Some("2016-02"), None)),
            ["truce-feb", "truce-jul"]
        );
        assert_eq!(ids(&store, dates(None, Some("2015"))), ["vienna", "plan"]);
        let combined = EventFilter {
            story: Some("syria".into()),
            actor: Some("SYRMIL".into()),
            from: Some("2016-03".into()),
            ..EventFilter::default()
        };
        assert_eq!(ids(&store, combined), ["truce-jul"]);
    }

    fn per_document_events_and_ceasefires_filter_alike(target: &Target) {
        let store = stored(target);
        let docs = corpus();
        let events = store
            .events(&EventFilter {
                actor: Some("usagov".into()),
                ..EventFilter::default()
            })
            .expect("events");
        assert_eq!(events.items.len(), 1);
        assert_eq!(events.items[0].doc, docs[1].id);
        assert_eq!(events.items[0].index, 1);
        assert_eq!(events.items[0].event, docs[1].events[1]);
        // Story membership goes through the story's documents.
        let in_story = store
            .events(&EventFilter {
                story: Some("syria".into()),
                ..EventFilter::default()
            })
            .expect("events");
        assert_eq!(in_story.items.len(), 3);
        let ceasefires = |filter: EventFilter| -> Vec<String> {
            let page = store.ceasefires(&filter).expect("ceasefires");
            page.items
                .iter()
                .map(|c| c.ceasefire.start.clone().unwrap_or_default())
                .collect()
        };
        assert_eq!(
            ceasefires(EventFilter::default()),
            ["2016-02-27T00:00+02:00", "2016-07-06T01:00+03:00"]
        );
        let russia = EventFilter {
            actor: Some("russia".into()),
            ..EventFilter::default()
        };
        assert_eq!(ceasefires(russia), ["2016-02-27T00:00+02:00"]);
        let july = EventFilter {
            place: Some("syria".into()),
            from: Some("2016-W27".into()),
            text: Some("calm".into()),
            ..EventFilter::default()
        };
        assert_eq!(ceasefires(july), ["2016-07-06T01:00+03:00"]);
    }

    /// Every item of a list, fetched in pages of `size`.
    fn walk<T>(size: u32, mut fetch: impl FnMut(PageRequest) -> Page<T>) -> Vec<T> {
        let mut items = Vec::new();
        let mut cursor = None;
        loop {
            let page = fetch(PageRequest {
                limit: size,
                cursor: cursor.take(),
            });
            assert!(page.items.len() <= size as usize);
            items.extend(page.items);
            match page.next {
                Some(next) => cursor = Some(next),
                None => return items,
            }
        }
    }

    fn cursors_walk_every_row_once(target: &Target) {
        let mut store = stored(target);
        let mut batch = store.batch().expect("batch");
        for (i, size) in [3_u64, 9, 3, 1].into_iter().enumerate() {
            let story = dateline_core::Story {
                id: format!("s{i}"),
                name: format!("story {i}"),
                keywords: Vec::new(),
                entities: Vec::new(),
                documents: size,
                first: None,
                last: None,
            };
            batch.put_story(&story).expect("story");
        }
        batch.commit().expect("commit");

        let docs: Vec<Option<String>> = walk(1, |page| store.documents(&page).expect("documents"))
            .into_iter()
            .map(|d| d.published)
            .collect();
        assert_eq!(
            docs,
            [
                Some("2016-07-06".into()),
                Some("2016-02-27".into()),
                Some("2015-11-17".into()),
                None
            ]
        );
        let stories: Vec<String> = walk(2, |page| store.stories(&page).expect("stories"))
            .into_iter()
            .map(|s| s.id)
            .collect();
        // Largest first; equal sizes newest first.
        assert_eq!(stories, ["s1", "s2", "s0", "s3"]);
        let events = walk(2, |page| {
            let filter = EventFilter {
                limit: page.limit,
                cursor: page.cursor,
                ..EventFilter::default()
            };
            store.events(&filter).expect("events")
        });
        let order: Vec<Option<String>> = events.iter().map(|e| e.event.when.clone()).collect();
        assert_eq!(
            order,
            [
                "2015-11-14",
                "2015-12",
                "2016-02-27",
                "2016-07-06",
                "2016-07-06"
            ]
            .map(|d| Some(d.into()))
        );
        let linked: Vec<String> = walk(2, |page| {
            let filter = EventFilter {
                limit: page.limit,
                cursor: page.cursor,
                ..EventFilter::default()
            };
            store.linked_events(&filter).expect("linked")
        })
        .into_iter()
        .map(|e| e.id)
        .collect();
        assert_eq!(
            linked,
            ["vienna", "plan", "truce-feb", "truce-jul", "welcome"]
        );
        // A full page with nothing after it says so.
        let page = store
            .documents(&PageRequest {
                limit: 4,
                cursor: None,
            })
            .expect("documents");
        assert_eq!((page.items.len(), page.next), (4, None));
    }

    fn bad_cursors_and_dates_are_errors(target: &Target) {
        let store = stored(target);
        for cursor in ["", "abc", "1.x", "20160227"] {
            let err = store
                .documents(&PageRequest {
                    limit: 2,
                    cursor: Some(cursor.into()),
                })
                .expect_err("bad cursor");
            assert!(matches!(err, Error::InvalidCursor(_)), "{err}");
        }
        let err = store
            .linked_events(&EventFilter {
                from: Some("last week".into()),
                ..EventFilter::default()
            })
            .expect_err("bad date");
        assert!(matches!(err, Error::InvalidFilter(_)), "{err}");
        // A text filter with no words matches nothing rather than failing.
        let page = store
            .linked_events(&EventFilter {
                text: Some("\"*\"".into()),
                ..EventFilter::default()
            })
            .expect("no words");
        assert!(page.items.is_empty());
    }
}
