//! [`Catalog`]: what the API reads and writes — the store and its linker
//! (`dateline-catalog`), plus a small pool of read connections so that
//! reads run side by side.
//!
//! SQLite in WAL mode lets readers run while one writer writes, but one
//! connection must not be used by two threads at once; so each connection
//! sits behind its own lock and a read takes whichever is free. Writes go
//! through the one connection that owns the linker, so store and linker
//! move together. An in-memory store is private to its one connection, so
//! it has no separate readers. Every method blocks; the handlers call them
//! on tokio's blocking pool. This module does not write SQL (the store
//! does) or decide what links to what (the linker does).

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use dateline_core::{Document, LinkedEvent, Story, Timeline, TimelineQuery};
use dateline_store::{DocMeta, EventFilter, MAX_LIMIT, Page, PageRequest, Store};

/// Why the catalog could not answer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// The store failed, or refused a cursor or filter.
    #[error(transparent)]
    Store(#[from] dateline_store::Error),
    /// Linking, or the linker's saved state, failed.
    #[error(transparent)]
    Link(#[from] dateline_catalog::Error),
}

impl CatalogError {
    /// Whether the request was at fault (a bad cursor or filter), not the server.
    pub fn is_client_error(&self) -> bool {
        let store = match self {
            CatalogError::Store(err) | CatalogError::Link(dateline_catalog::Error::Store(err)) => {
                err
            }
            _ => return false,
        };
        matches!(
            store,
            dateline_store::Error::InvalidCursor(_) | dateline_store::Error::InvalidFilter(_)
        )
    }
}

/// Result type of [`Catalog`] methods.
pub type CatalogResult<T> = std::result::Result<T, CatalogError>;

/// The store with its linker, and read connections, as the API uses them.
#[derive(Debug)]
pub struct Catalog {
    writer: Mutex<dateline_catalog::Catalog>,
    readers: Vec<Mutex<Store>>,
    next: AtomicUsize,
}

impl Catalog {
    /// Opens what `target` names (a SQLite path, `sqlite:` or `postgres://`
    /// URL; see [`Store::open_target`]) with one writing connection, which
    /// loads the linker and links any stored document it missed, and
    /// `connections - 1` more for reads.
    pub fn open(target: &str, connections: usize) -> CatalogResult<Catalog> {
        let writer = dateline_catalog::Catalog::open(target)?;
        let readers = (1..connections)
            .map(|_| Store::open_target(target).map(Mutex::new))
            .collect::<dateline_store::Result<_>>()?;
        Ok(Catalog {
            writer: Mutex::new(writer),
            readers,
            next: AtomicUsize::new(0),
        })
    }

    /// A catalog over one already open store (e.g. an in-memory one), used
    /// for reads and writes alike.
    pub fn from_store(store: Store) -> CatalogResult<Catalog> {
        Ok(Catalog {
            writer: Mutex::new(dateline_catalog::Catalog::with_store(store)?),
            readers: Vec::new(),
            next: AtomicUsize::new(0),
        })
    }

    /// The writing connection. A panic in another request cannot leave it
    /// mid-transaction: a dropped batch rolls back.
    fn writer(&self) -> MutexGuard<'_, dateline_catalog::Catalog> {
        self.writer.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` on a free read connection, waiting for one when all are
    /// busy; on the writing one when there are no others.
    fn read<T>(&self, f: impl FnOnce(&Store) -> CatalogResult<T>) -> CatalogResult<T> {
        let n = self.readers.len();
        if n == 0 {
            return f(self.writer().store());
        }
        let start = self.next.fetch_add(1, Ordering::Relaxed) % n;
        let free = self
            .readers
            .iter()
            .cycle()
            .skip(start)
            .take(n)
            .find_map(|conn| conn.try_lock().ok());
        match free {
            Some(store) => f(&store),
            None => match self.readers.get(start) {
                Some(conn) => f(&conn.lock().unwrap_or_else(PoisonError::into_inner)),
                None => f(self.writer().store()),
            },
        }
    }

    /// A page of stored documents, newest first.
    pub fn documents(&self, page: &PageRequest) -> CatalogResult<Page<DocMeta>> {
        self.read(|store| Ok(store.documents(page)?))
    }

    /// The stored document with this id.
    pub fn document(&self, id: &str) -> CatalogResult<Option<Document>> {
        self.read(|store| Ok(store.document(id)?))
    }

    /// A page of linked events matching `filter`, by date.
    pub fn events(&self, filter: &EventFilter) -> CatalogResult<Page<LinkedEvent>> {
        self.read(|store| Ok(store.linked_events(filter)?))
    }

    /// A page of linked ceasefires (linked events with a ceasefire frame)
    /// matching `filter`, by date. A page holds at most `filter.limit`
    /// ceasefires; store pages are read whole, so the cursor stays exact.
    pub fn ceasefires(&self, filter: &EventFilter) -> CatalogResult<Page<LinkedEvent>> {
        let limit = filter.limit.clamp(1, MAX_LIMIT) as usize;
        let mut filter = filter.clone();
        let mut items = Vec::new();
        self.read(|store| {
            loop {
                filter.limit = u32::try_from(limit - items.len()).unwrap_or(MAX_LIMIT);
                let page = store.linked_events(&filter)?;
                items.extend(page.items.into_iter().filter(|e| e.ceasefire.is_some()));
                if items.len() >= limit || page.next.is_none() {
                    return Ok(Page {
                        items,
                        next: page.next,
                    });
                }
                filter.cursor = page.next;
            }
        })
    }

    /// A page of stories, largest first.
    pub fn stories(&self, page: &PageRequest) -> CatalogResult<Page<Story>> {
        self.read(|store| Ok(store.stories(page)?))
    }

    /// The timeline answering `query`, drawn from the stored linked events.
    pub fn timeline(&self, query: &TimelineQuery) -> CatalogResult<Timeline> {
        self.read(|store| Ok(dateline_catalog::timeline(store, query)?))
    }

    /// Documents matching a web-style query (words, `"phrases"`, `OR`,
    /// `-word`), best first.
    pub fn search(&self, query: &str, limit: u32) -> CatalogResult<Vec<DocMeta>> {
        self.read(|store| {
            let ids = store.search(query, limit)?;
            Ok(store.doc_meta(&ids)?)
        })
    }

    /// Stores `docs` and links the new ones, all in one transaction; for
    /// each, whether it was new (`false`: the same content was stored
    /// before, or earlier in `docs`).
    pub fn ingest(&self, docs: &[Document]) -> CatalogResult<Vec<bool>> {
        let mut writer = self.writer();
        // Under the writer's lock nothing else stores documents, so what is
        // not stored now is stored by this call.
        let mut seen = HashSet::with_capacity(docs.len());
        let mut new = Vec::with_capacity(docs.len());
        for doc in docs {
            new.push(seen.insert(doc.id.as_str()) && !writer.store().contains(&doc.id)?);
        }
        writer.store_documents(docs)?;
        Ok(new)
    }

    /// Saves the linker's state if documents were linked since it was last
    /// saved (otherwise the next open links them again). Call when stopping.
    pub fn finish(&self) -> CatalogResult<()> {
        Ok(self.writer().finish()?)
    }
}
