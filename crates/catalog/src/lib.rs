//! The store and the linker together: annotated documents go in with their
//! links (near-duplicates, events merged across sources, stories) in the same
//! transaction, linking continues incrementally from one run to the next, and
//! timelines are drawn from what is stored.
//!
//! This is the one place where `dateline-store` (persistence) and
//! `dateline-link` (pure linking) meet, so that `dateline run`, `dateline
//! timeline` and `dateline serve` behave the same. It does not extract or
//! annotate (that is `dateline-pipeline`) and holds no SQL.
//!
//! Crash safety: documents and the links they produced are committed
//! together. The linker's own state (its indexes) is saved less often — it
//! grows with the corpus — so after an interruption some stored documents
//! may be missing from the saved state; [`Catalog::open`] finds them and links
//! them again before anything else, so nothing committed is ever left
//! unlinked.
#![warn(missing_docs)]

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use dateline_core::{Document, Timeline, TimelineQuery};
use dateline_link::{DocMeta, LinkUpdate, Linker, LinkerState};
use dateline_store::{Batch, EventFilter, PageRequest, Store};

/// Why a catalog operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] dateline_store::Error),
    /// The saved linker state could not be used.
    #[error("the saved linking state is unusable: {0}")]
    Link(#[from] dateline_link::Error),
    /// The saved linker state is not valid JSON.
    #[error("the saved linking state is not valid JSON: {0}")]
    State(#[source] serde_json::Error),
    /// A stored document vanished between listing and reading it.
    #[error("document {0} is listed but cannot be read")]
    Missing(String),
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// The linker's state is saved at most this often while documents stream in
/// (and always at [`Catalog::finish`]).
const STATE_EVERY: Duration = Duration::from_secs(30);

/// Timelines read linked events in pages of this size.
const READ_PAGE: u32 = 1000;

/// An open store with its linker.
#[derive(Debug)]
pub struct Catalog {
    store: Store,
    linker: Linker,
    state_saved: Instant,
    state_dirty: bool,
}

/// What storing a batch of documents did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stored {
    /// Documents new to the store.
    pub new: u64,
    /// Documents already stored (same content id).
    pub already_stored: u64,
    /// New documents that copy an earlier one.
    pub duplicates: u64,
}

impl Catalog {
    /// Opens `target` (a SQLite path or a PostgreSQL URL, see
    /// [`Store::open_target`]), loads the saved linker state and links any
    /// stored document that state does not cover yet.
    pub fn open(target: &str) -> Result<Catalog> {
        Catalog::with_store(Store::open_target(target)?)
    }

    /// Wraps an open store (see [`Catalog::open`]).
    pub fn with_store(store: Store) -> Result<Catalog> {
        let linker = load_linker(&store)?;
        let mut catalog = Catalog {
            store,
            linker,
            state_saved: Instant::now(),
            state_dirty: false,
        };
        catalog.catch_up()?;
        Ok(catalog)
    }

    /// The store, for reading.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The linker, for reading.
    pub fn linker(&self) -> &Linker {
        &self.linker
    }

    /// Stores `docs` and their links in one transaction. A document already
    /// stored is skipped (and not linked again). Documents another process
    /// stored in the same database since this catalog last looked (a
    /// `dateline run` while `dateline serve` is up) are linked first, so
    /// that copies of them and reports of their events are recognised.
    pub fn store_documents<'a>(
        &mut self,
        docs: impl IntoIterator<Item = &'a Document>,
    ) -> Result<Stored> {
        self.catch_up()?;
        let mut stored = Stored::default();
        let mut batch = self.store.batch()?;
        for doc in docs {
            let Some(update) = store_linked(&mut batch, &mut self.linker, doc)? else {
                stored.already_stored += 1;
                continue;
            };
            stored.new += 1;
            if update.duplicate.is_some() {
                stored.duplicates += 1;
            }
            self.state_dirty |= !update.known;
        }
        if self.state_dirty && self.state_saved.elapsed() >= STATE_EVERY {
            save_state(&mut batch, &self.linker)?;
            self.state_dirty = false;
            self.state_saved = Instant::now();
        }
        batch.commit()?;
        Ok(stored)
    }

    /// Saves the linker's state if documents were linked since it was last
    /// saved, and refreshes the database's query statistics. Call once when
    /// done writing.
    pub fn finish(&mut self) -> Result<()> {
        if self.state_dirty {
            let mut batch = self.store.batch()?;
            save_state(&mut batch, &self.linker)?;
            batch.commit()?;
            self.state_dirty = false;
            self.state_saved = Instant::now();
            self.store.optimize()?;
        }
        Ok(())
    }

    /// Links the stored documents that the linker does not know (stored by
    /// a run that was interrupted before it saved the state, or by another
    /// process writing to the same database), in the order the store lists
    /// them. One count query when there are none.
    fn catch_up(&mut self) -> Result<()> {
        if self.store.document_count()? == self.linker.len() as u64 {
            return Ok(());
        }
        let mut unlinked = Vec::new();
        let mut page = PageRequest {
            limit: READ_PAGE,
            cursor: None,
        };
        loop {
            let listed = self.store.documents(&page)?;
            unlinked.extend(
                listed
                    .items
                    .into_iter()
                    .map(|meta| meta.id)
                    .filter(|id| self.linker.representative(id).is_none()),
            );
            match listed.next {
                Some(next) => page.cursor = Some(next),
                None => break,
            }
        }
        // Oldest first, as they would have been linked.
        unlinked.reverse();
        for chunk in unlinked.chunks(256) {
            let mut docs = Vec::with_capacity(chunk.len());
            for id in chunk {
                let doc = self
                    .store
                    .document(id)?
                    .ok_or_else(|| Error::Missing(id.clone()))?;
                docs.push(doc);
            }
            let mut batch = self.store.batch()?;
            for doc in &docs {
                let update = self.linker.add(doc);
                write_links(&mut batch, &self.linker, &update)?;
            }
            save_state(&mut batch, &self.linker)?;
            batch.commit()?;
        }
        Ok(())
    }

    /// The timeline answering `query`, drawn from the stored linked events.
    pub fn timeline(&self, query: &TimelineQuery) -> Result<Timeline> {
        timeline(&self.store, query)
    }
}

/// The timeline answering `query`, drawn from the linked events in `store`.
///
/// The store narrows by story, full text (over the documents that report
/// each event) and dates; the linker's timeline builder then matches actors
/// and places by name words and codes, dates every entry and merges repeats.
pub fn timeline(store: &Store, query: &TimelineQuery) -> Result<Timeline> {
    let mut filter = EventFilter::from(query);
    filter.actor = None;
    filter.place = None;
    filter.limit = READ_PAGE;
    let mut events = Vec::new();
    loop {
        let page = store.linked_events(&filter)?;
        events.extend(page.items);
        match page.next {
            Some(next) => filter.cursor = Some(next),
            None => break,
        }
    }
    let mut ids: Vec<String> = events
        .iter()
        .flat_map(|event| event.mentions.iter().map(|m| m.doc.clone()))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    ids.sort();
    let metas: HashMap<String, DocMeta> = store
        .doc_meta(&ids)?
        .into_iter()
        .map(|meta| {
            let published = meta.published.as_deref().and_then(|day| day.parse().ok());
            (
                meta.id,
                DocMeta {
                    title: meta.title,
                    url: meta.url,
                    site: meta.site,
                    published,
                    duplicate_of: meta.duplicate_of,
                },
            )
        })
        .collect();
    // The text query was answered by the store's full-text index; the
    // builder must not filter on it again by summary words.
    let narrowed = TimelineQuery {
        text: None,
        ..query.clone()
    };
    let mut built = dateline_link::build_timeline(&narrowed, &events, |id| metas.get(id).cloned());
    built.query = query.clone();
    Ok(built)
}

/// The linker as last saved in `store` (a new one when none was saved).
pub fn load_linker(store: &Store) -> Result<Linker> {
    Ok(match store.link_state()? {
        Some(bytes) => {
            let state: LinkerState = serde_json::from_slice(&bytes).map_err(Error::State)?;
            Linker::from_state(state)?
        }
        None => Linker::new(),
    })
}

/// Stores `doc` in `batch` and, when it is new, links it and writes what the
/// linking changed; `None` when the document was already stored.
///
/// The caller saves the linker's state ([`save_state`]) when it sees fit.
pub fn store_linked(
    batch: &mut Batch<'_>,
    linker: &mut Linker,
    doc: &Document,
) -> Result<Option<LinkUpdate>> {
    if !batch.insert(doc)? {
        return Ok(None);
    }
    let update = linker.add(doc);
    write_links(batch, linker, &update)?;
    Ok(Some(update))
}

/// Writes what one `Linker::add` changed.
fn write_links(batch: &mut Batch<'_>, linker: &Linker, update: &LinkUpdate) -> Result<()> {
    for link in update.duplicate.iter().chain(&update.relinked) {
        batch.put_duplicate(link)?;
    }
    for id in update.events_created.iter().chain(&update.events_updated) {
        if let Some(event) = linker.event(id) {
            batch.put_linked_event(event)?;
        }
    }
    if let Some(assigned) = &update.story {
        if let Some(story) = linker.story(&assigned.id) {
            batch.put_story(story)?;
        }
        batch.add_story_documents(&assigned.id, std::slice::from_ref(&update.doc))?;
    }
    Ok(())
}

/// Saves the linker's state in the batch's transaction.
pub fn save_state(batch: &mut Batch<'_>, linker: &Linker) -> Result<()> {
    let bytes = serde_json::to_vec(&linker.to_state()).map_err(Error::State)?;
    batch.put_link_state(&bytes)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use dateline_core::{EntryKind, Source};
    use dateline_pipeline::{FullAnnotation, Outcome, Settings};

    use super::*;

    /// The bundled corpus (two seeds, the VOA article, the WCEP items),
    /// extracted and fully annotated as `dateline run` does.
    fn bundled_documents() -> Vec<Document> {
        let settings = Settings {
            annotator: Some(FullAnnotation::new()),
            ..Settings::default()
        };
        dateline_pipeline::bundled::records()
            .filter_map(
                |record| match dateline_pipeline::process(record, &settings) {
                    Outcome::Document { doc, .. } => Some(*doc),
                    Outcome::Failed(_) => None,
                },
            )
            .collect()
    }

    #[test]
    fn documents_are_stored_with_their_links_and_drawn_as_a_timeline() -> Result<()> {
        let docs = bundled_documents();
        assert!(
            docs.len() > 50,
            "the bundled corpus has {} documents",
            docs.len()
        );
        let mut catalog = Catalog::with_store(Store::open_in_memory()?)?;
        let stored = catalog.store_documents(&docs)?;
        assert_eq!(stored.new, docs.len() as u64);
        catalog.finish()?;
        let again = catalog.store_documents(&docs)?;
        assert_eq!((again.new, again.already_stored), (0, docs.len() as u64));

        let summary = catalog.store().summary()?;
        assert!(summary.linked_events > 0 && summary.stories > 0);
        assert_eq!(summary.linked_events, catalog.linker().event_count() as u64);

        let timeline = catalog.timeline(&TimelineQuery {
            text: Some("ceasefire OR truce OR \"regime of calm\"".into()),
            ..TimelineQuery::default()
        })?;
        assert_eq!(
            timeline.query.text.as_deref(),
            Some("ceasefire OR truce OR \"regime of calm\"")
        );
        let calm = timeline
            .entries
            .iter()
            .find(|entry| {
                entry.kind == EntryKind::Ceasefire && entry.date.starts_with("2016-07-06")
            })
            .expect("seed 004's regime of calm, dated 2016-07-06");
        assert!(!calm.sources.is_empty());
        let dates: Vec<&str> = timeline.entries.iter().map(|e| e.date.as_str()).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted, "entries in date order");
        Ok(())
    }

    #[test]
    fn documents_another_writer_stored_are_linked_before_new_ones() -> Result<()> {
        let docs = bundled_documents();
        let original = docs
            .iter()
            .max_by_key(|d| d.text.len())
            .expect("a bundled document");
        let source = Source {
            site: Some("copies.example".into()),
            url: Some("https://copies.example/truce".into()),
            ..Source::default()
        };
        let copy = Document::new(
            source,
            original.title.clone(),
            format!("{}\n\nCopied with permission.", original.text),
        );
        let dir = tempfile::tempdir().map_err(|e| Error::Missing(e.to_string()))?;
        let target = dir.path().join("t.db").to_string_lossy().into_owned();
        // Both open the empty database: `serve` up, then a `run` starts.
        let mut server = Catalog::open(&target)?;
        let mut run = Catalog::open(&target)?;
        run.store_documents(std::slice::from_ref(original))?;
        run.finish()?;
        let stored = server.store_documents(std::slice::from_ref(&copy))?;
        assert_eq!((stored.new, stored.duplicates), (1, 1), "{stored:?}");
        assert_eq!(server.linker().len(), 2);
        Ok(())
    }

    #[test]
    fn an_interrupted_run_is_linked_on_the_next_open() -> Result<()> {
        let docs = bundled_documents();
        let dir = tempfile::tempdir().map_err(|e| Error::Missing(e.to_string()))?;
        let db = dir.path().join("t.db");
        let target = db.to_string_lossy().into_owned();

        // Reference: everything linked in one go.
        let mut whole = Catalog::with_store(Store::open_in_memory()?)?;
        whole.store_documents(&docs)?;
        let expected = whole.linker().event_count();

        // Interrupted: the documents and their links are committed, the
        // linker state is not saved (no `finish`), then the process "dies".
        {
            let mut interrupted = Catalog::open(&target)?;
            let (first, rest) = docs.split_at(docs.len() / 2);
            interrupted.store_documents(first)?;
            interrupted.finish()?;
            interrupted.store_documents(rest)?;
        }
        let reopened = Catalog::open(&target)?;
        assert_eq!(reopened.linker().len(), docs.len());
        assert_eq!(reopened.linker().event_count(), expected);
        assert_eq!(
            reopened.store().summary()?.linked_events,
            expected as u64,
            "no linked event is lost or doubled"
        );
        Ok(())
    }
}
