//! The [`Store`] handle and its write [`Batch`]: open either backend, write
//! in transactions, read.
//!
//! Each method hands its work to the shared queries (`query.rs`) and writes
//! (`write.rs`) over the backend's connection; nothing here is SQL.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use dateline_core::{Document, DuplicateLink, LinkedEvent, Story};

use crate::postgres::{Pg, PgConn};
use crate::query::{
    self, DocMeta, EventFilter, EventRef, Page, PageRequest, StoredCeasefire, StoredEvent,
};
use crate::sql::{Conn, Row};
use crate::sqlite::SqliteConn;
use crate::{Error, Result, sqlite, write};

/// An open dateline store: a SQLite file or a PostgreSQL database.
///
/// Reads take `&self`; writes go through a [`Batch`]. A PostgreSQL store
/// serialises its reads on its one connection; open one store per thread
/// for parallel reads.
#[derive(Debug)]
pub struct Store {
    backend: Backend,
}

#[derive(Debug)]
enum Backend {
    Sqlite(rusqlite::Connection),
    Postgres(Box<Mutex<Pg>>),
}

/// What the store holds, for `dateline run`'s closing summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents stored.
    pub documents: u64,
    /// Distinct sites among them.
    pub sites: u64,
    /// Earliest publication date.
    pub first_published: Option<String>,
    /// Latest publication date.
    pub last_published: Option<String>,
    /// Documents with no publication date.
    pub undated: u64,
    /// Removed boilerplate pieces, by kind.
    pub removed_by_kind: BTreeMap<String, u64>,
    /// Events coded in the documents.
    pub events: u64,
    /// Ceasefire frames in the documents.
    pub ceasefires: u64,
    /// Documents linked as near-duplicates of another.
    pub duplicates: u64,
    /// Linked events (merged across documents).
    pub linked_events: u64,
    /// Stories.
    pub stories: u64,
}

impl Store {
    /// Opens the SQLite file at `path`, creating it if needed, and brings
    /// its schema up to date. A file from a newer dateline, or a SQLite file
    /// that isn't dateline's, is refused and left untouched.
    pub fn open(path: &Path) -> Result<Store> {
        Ok(Store::sqlite(sqlite::open(path)?))
    }

    /// A private SQLite database in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store> {
        Ok(Store::sqlite(sqlite::open_in_memory()?))
    }

    /// Connects to the PostgreSQL database a `postgres://` (or
    /// `postgresql://`) URL names and brings the schema of the connection's
    /// `search_path` up to date, refusing a newer or foreign one untouched.
    /// A schema other than `public` is chosen in the URL:
    /// `?options=-csearch_path%3Dname`. Connections are not encrypted.
    pub fn open_url(url: &str) -> Result<Store> {
        if !is_postgres_url(url) {
            return Err(Error::InvalidUrl(
                "a PostgreSQL URL starts with postgres:// or postgresql://".into(),
            ));
        }
        Ok(Store::postgres(crate::postgres::open_url(url)?))
    }

    /// Opens what `target` names: a `postgres://` URL, or a SQLite file as
    /// a plain path or a `sqlite:` URL (`sqlite:store.db`, `sqlite:///abs/store.db`).
    pub fn open_target(target: &str) -> Result<Store> {
        match Store::sqlite_path(target) {
            Some(path) => Store::open(path),
            None => Store::open_url(target),
        }
    }

    /// The SQLite file a `--db` target names (a plain path, `sqlite:path` or
    /// `sqlite:///abs/path`), or `None` for a PostgreSQL URL — as
    /// [`Store::open_target`] reads it.
    pub fn sqlite_path(target: &str) -> Option<&Path> {
        if is_postgres_url(target) {
            return None;
        }
        let path = match target.strip_prefix("sqlite:") {
            Some(rest) => rest.strip_prefix("//").unwrap_or(rest),
            None => target,
        };
        Some(Path::new(path))
    }

    fn sqlite(conn: rusqlite::Connection) -> Store {
        Store {
            backend: Backend::Sqlite(conn),
        }
    }

    pub(crate) fn postgres(pg: Pg) -> Store {
        Store {
            backend: Backend::Postgres(Box::new(Mutex::new(pg))),
        }
    }

    /// `"SQLite"` or `"PostgreSQL"`.
    pub fn backend_name(&self) -> &'static str {
        match &self.backend {
            Backend::Sqlite(_) => crate::sqlite::SQLITE.name,
            Backend::Postgres(_) => crate::postgres::POSTGRES.name,
        }
    }

    /// Runs `f` on the store's connection (on PostgreSQL, once more on a
    /// new connection if the server dropped the old one).
    fn read<T>(&self, f: impl Fn(&mut dyn Conn) -> Result<T>) -> Result<T> {
        match &self.backend {
            Backend::Sqlite(conn) => f(&mut SqliteConn(conn)),
            Backend::Postgres(pg) => {
                // A panic elsewhere cannot leave the connection mid-statement:
                // statements run to completion before the lock is released.
                let mut pg = pg.lock().unwrap_or_else(PoisonError::into_inner);
                pg.reconnect_if_closed()?;
                match f(&mut pg.conn()) {
                    Err(err) if pg.lost(&err) => {
                        pg.reconnect()?;
                        f(&mut pg.conn())
                    }
                    result => result,
                }
            }
        }
    }

    /// Starts a write transaction: everything written through the batch is
    /// stored together when it is committed, or not at all.
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        let tx = match &mut self.backend {
            Backend::Sqlite(conn) => Tx::Sqlite(
                conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?,
            ),
            Backend::Postgres(pg) => {
                let pg = pg.get_mut().unwrap_or_else(PoisonError::into_inner);
                // A dropped connection not noticed yet fails this batch; the
                // next one connects again.
                pg.reconnect_if_closed()?;
                let Pg {
                    client, statements, ..
                } = pg;
                let mut tx = client.transaction()?;
                // Writers take turns, as on SQLite: two batches inserting the
                // same new documents in different orders would deadlock.
                tx.batch_execute(crate::postgres::WRITE_LOCK)?;
                Tx::Postgres(tx, statements)
            }
        };
        Ok(Batch { tx })
    }

    /// Whether a document with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool> {
        self.read(|c| {
            Ok(
                c.query_first("SELECT 1 FROM documents WHERE id = $1", &[id.into()])?
                    .is_some(),
            )
        })
    }

    /// How many documents are stored (one count, not the whole [`Store::summary`]).
    pub fn document_count(&self) -> Result<u64> {
        self.read(|c| {
            let row = c
                .query_first("SELECT count(*) FROM documents", &[])?
                .ok_or_else(|| Error::Schema("count returned no row".into()))?;
            count(&row, 0)
        })
    }

    /// The stored document with this id, as it was extracted and annotated.
    pub fn document(&self, id: &str) -> Result<Option<Document>> {
        self.read(|c| query::document(c, id))
    }

    /// Ids of documents whose title or text match a full-text query, best
    /// match first. The query is web-search style: words (all must match),
    /// `"quoted phrases"`, `OR`, `-excluded`; words match their inflections
    /// ("ceasefires" finds "ceasefire").
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<String>> {
        self.read(|c| query::search(c, query, limit))
    }

    /// Events whose evidence sentences match a full-text query (as in
    /// [`Store::search`]), best match first.
    pub fn search_events(&self, query: &str, limit: u32) -> Result<Vec<EventRef>> {
        self.read(|c| query::search_events(c, query, limit))
    }

    /// Documents, newest first (undated last).
    pub fn documents(&self, page: &PageRequest) -> Result<Page<DocMeta>> {
        self.read(|c| query::documents(c, page))
    }

    /// Metadata of the stored documents among `ids` (in the order asked;
    /// unknown ids are skipped), with their near-duplicate representative.
    pub fn doc_meta(&self, ids: &[String]) -> Result<Vec<DocMeta>> {
        self.read(|c| query::doc_meta(c, ids))
    }

    /// Per-document events matching `filter`, by date (undated last).
    pub fn events(&self, filter: &EventFilter) -> Result<Page<StoredEvent>> {
        self.read(|c| query::events(c, filter))
    }

    /// Per-document ceasefire frames matching `filter`, by start date
    /// (undated last); `actor` matches declarers and parties, `place` the scope.
    pub fn ceasefires(&self, filter: &EventFilter) -> Result<Page<StoredCeasefire>> {
        self.read(|c| query::ceasefires(c, filter))
    }

    /// Linked events matching `filter`, by date (undated last): what
    /// timelines are drawn from.
    pub fn linked_events(&self, filter: &EventFilter) -> Result<Page<LinkedEvent>> {
        self.read(|c| query::linked_events(c, filter))
    }

    /// The linked event with this id.
    pub fn linked_event(&self, id: &str) -> Result<Option<LinkedEvent>> {
        self.read(|c| query::linked_event(c, id))
    }

    /// The duplicate link of `doc`, when it is a near-duplicate of another.
    pub fn duplicate(&self, doc: &str) -> Result<Option<DuplicateLink>> {
        self.read(|c| query::duplicate(c, doc))
    }

    /// Stories, largest first.
    pub fn stories(&self, page: &PageRequest) -> Result<Page<Story>> {
        self.read(|c| query::stories(c, page))
    }

    /// The story with this id.
    pub fn story(&self, id: &str) -> Result<Option<Story>> {
        self.read(|c| query::story(c, id))
    }

    /// Ids of a story's documents.
    pub fn story_documents(&self, story: &str) -> Result<Vec<String>> {
        self.read(|c| query::story_documents(c, story))
    }

    /// The linker's state as [`Batch::put_link_state`] last stored it.
    pub fn link_state(&self) -> Result<Option<Vec<u8>>> {
        self.read(query::link_state)
    }

    /// Refreshes the database's query planning statistics (SQLite
    /// `PRAGMA optimize`, PostgreSQL `ANALYZE`): call it after a large
    /// ingest, before serving queries.
    pub fn optimize(&self) -> Result<()> {
        self.read(|c| c.run(c.dialect().optimize))
    }

    /// Counts for the closing summary of `dateline run`.
    pub fn summary(&self) -> Result<Summary> {
        self.read(|c| {
            let row = c
                .query_first(
                    "SELECT count(*), count(DISTINCT site), min(published), max(published), \
                         count(*) - count(published), \
                         (SELECT count(*) FROM events), (SELECT count(*) FROM ceasefires), \
                         (SELECT count(*) FROM duplicates), (SELECT count(*) FROM linked_events), \
                         (SELECT count(*) FROM stories) \
                     FROM documents",
                    &[],
                )?
                .ok_or_else(|| Error::Schema("count returned no row".into()))?;
            let removed_by_kind = c
                .query("SELECT kind, count(*) FROM removed GROUP BY kind", &[])?
                .iter()
                .map(|row| Ok((row.text(0)?, count(row, 1)?)))
                .collect::<Result<_>>()?;
            Ok(Summary {
                documents: count(&row, 0)?,
                sites: count(&row, 1)?,
                first_published: row.opt_text(2)?,
                last_published: row.opt_text(3)?,
                undated: count(&row, 4)?,
                removed_by_kind,
                events: count(&row, 5)?,
                ceasefires: count(&row, 6)?,
                duplicates: count(&row, 7)?,
                linked_events: count(&row, 8)?,
                stories: count(&row, 9)?,
            })
        })
    }
}

fn is_postgres_url(target: &str) -> bool {
    target.starts_with("postgres://") || target.starts_with("postgresql://")
}

/// Counts are never negative.
fn count(row: &Row, i: usize) -> Result<u64> {
    Ok(u64::try_from(row.int(i)?).unwrap_or(0))
}

fn atomically<T>(conn: &mut dyn Conn, f: impl FnOnce(&mut dyn Conn) -> Result<T>) -> Result<T> {
    conn.run("SAVEPOINT dateline_write")?;
    match f(conn) {
        Ok(value) => {
            conn.run("RELEASE SAVEPOINT dateline_write")?;
            Ok(value)
        }
        Err(err) => {
            // The write's own error says what went wrong; should the rollback
            // fail too, the transaction is broken and its commit fails.
            let _ =
                conn.run("ROLLBACK TO SAVEPOINT dateline_write; RELEASE SAVEPOINT dateline_write");
            Err(err)
        }
    }
}

/// A write transaction over the store (see [`Store::batch`]). Dropped
/// without [`Batch::commit`], it leaves the store as it was. Each write is
/// whole or absent: one that fails leaves the batch as it was before it.
#[derive(Debug)]
pub struct Batch<'a> {
    tx: Tx<'a>,
}

enum Tx<'a> {
    Sqlite(rusqlite::Transaction<'a>),
    Postgres(
        postgres::Transaction<'a>,
        &'a mut crate::postgres::Statements,
    ),
}

impl std::fmt::Debug for Tx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Tx::Sqlite(_) => "Tx::Sqlite",
            Tx::Postgres(..) => "Tx::Postgres",
        })
    }
}

impl Batch<'_> {
    /// Runs one write under a savepoint: if it fails, none of it stays in
    /// the batch (no half-written document) and the batch remains usable.
    fn with<T>(&mut self, f: impl FnOnce(&mut dyn Conn) -> Result<T>) -> Result<T> {
        match &mut self.tx {
            Tx::Sqlite(tx) => atomically(&mut SqliteConn(tx), f),
            Tx::Postgres(tx, statements) => atomically(
                &mut PgConn {
                    client: tx,
                    statements,
                },
                f,
            ),
        }
    }

    /// Stores `doc` with its entities, events and ceasefire frames, unless
    /// a document with the same id is already stored. Returns whether it was new.
    pub fn insert(&mut self, doc: &Document) -> Result<bool> {
        self.with(|c| write::insert_document(c, doc))
    }

    /// Records that `link.doc` is a near-duplicate of `link.representative`
    /// (replacing an earlier link of the same document).
    pub fn put_duplicate(&mut self, link: &DuplicateLink) -> Result<()> {
        self.with(|c| write::put_duplicate(c, link))
    }

    /// Stores a linked event, replacing the one with the same id (its
    /// mentions and actors too).
    pub fn put_linked_event(&mut self, event: &LinkedEvent) -> Result<()> {
        self.with(|c| write::put_linked_event(c, event))
    }

    /// Removes a linked event (e.g. merged into another); returns whether it existed.
    pub fn remove_linked_event(&mut self, id: &str) -> Result<bool> {
        self.with(|c| write::remove_linked_event(c, id))
    }

    /// Stores a story, replacing the one with the same id (its document
    /// list is kept; see [`Batch::add_story_documents`]).
    pub fn put_story(&mut self, story: &Story) -> Result<()> {
        self.with(|c| write::put_story(c, story))
    }

    /// Adds documents to a story's document list (idempotent).
    pub fn add_story_documents(&mut self, story: &str, docs: &[String]) -> Result<()> {
        self.with(|c| write::add_story_documents(c, story, docs))
    }

    /// Removes a story and its document list (e.g. merged into another);
    /// returns whether it existed.
    pub fn remove_story(&mut self, id: &str) -> Result<bool> {
        self.with(|c| write::remove_story(c, id))
    }

    /// Replaces the linker's opaque state (its own format, with its own
    /// version inside), so linking continues incrementally across runs.
    pub fn put_link_state(&mut self, state: &[u8]) -> Result<()> {
        self.with(|c| write::put_link_state(c, state))
    }

    /// Makes everything written in this batch durable, all together.
    pub fn commit(self) -> Result<()> {
        match self.tx {
            Tx::Sqlite(tx) => tx.commit()?,
            Tx::Postgres(tx, _) => tx.commit()?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{Target, corpus, document, linked_events, on_both_backends, store_all};
    use dateline_core::{BoilerplateKind, Removed};

    on_both_backends!(
        same_article_twice_is_stored_once_across_runs,
        uncommitted_batch_leaves_nothing,
        summary_counts_documents_and_annotations,
        full_text_search_matches_inflections_and_evidence,
        newer_schema_is_refused_and_not_touched,
        foreign_database_is_refused_untouched,
        concurrent_writers_store_each_document_once,
        failed_write_leaves_no_part_of_it,
        link_results_are_replaced_and_removed,
        link_state_round_trips,
        version_1_store_is_migrated_with_its_documents,
    );

    fn same_article_twice_is_stored_once_across_runs(target: &Target) {
        let mut a = corpus().remove(0);
        a.removed.push(Removed {
            kind: BoilerplateKind::CookieNotice,
            text: "We use cookies.".into(),
        });
        for _ in 0..2 {
            let mut store = target.open().expect("open");
            let mut batch = store.batch().expect("batch");
            batch.insert(&a).expect("insert");
            batch.commit().expect("commit");
        }
        let store = target.open().expect("reopen");
        let summary = store.summary().expect("summary");
        assert_eq!(summary.documents, 1);
        assert_eq!(summary.events, 1);
        assert_eq!(summary.ceasefires, 1);
        assert_eq!(summary.removed_by_kind.get("cookie_notice"), Some(&1));
        assert_eq!(store.document(&a.id).expect("read"), Some(a.clone()));
        // Control characters from a bad scrape are kept (PostgreSQL text
        // columns cannot hold NUL).
        let mut odd = corpus().remove(1);
        odd.text.push_str(" Broken\0byte.");
        odd.title = Some("Nul\0title".into());
        let mut store = store;
        store_all(&mut store, std::slice::from_ref(&odd));
        assert_eq!(store.document(&odd.id).expect("read"), Some(odd));
        assert!(store.contains(&a.id).expect("contains"));
        assert!(!store.contains("0123").expect("contains"));
    }

    fn uncommitted_batch_leaves_nothing(target: &Target) {
        let docs = corpus();
        let mut store = target.open().expect("open");
        {
            let mut batch = store.batch().expect("batch");
            batch.insert(&docs[0]).expect("insert");
            for event in linked_events(&docs) {
                batch.put_linked_event(&event).expect("linked event");
            }
            batch.put_link_state(b"state").expect("state");
            // dropped without commit, as if the process died here
        }
        assert_eq!(store.summary().expect("summary"), Summary::default());
        assert_eq!(store.link_state().expect("state"), None);
        let mut batch = store.batch().expect("the store is usable again");
        batch.insert(&docs[1]).expect("insert");
        batch.commit().expect("commit");
        assert_eq!(store.summary().expect("summary").documents, 1);
    }

    fn summary_counts_documents_and_annotations(target: &Target) {
        let mut store = target.open().expect("open");
        let docs = corpus();
        store_all(&mut store, &docs);
        store.optimize().expect("optimize");
        let summary = store.summary().expect("summary");
        assert_eq!(summary.documents, 4);
        assert_eq!(store.document_count().expect("count"), 4);
        assert_eq!(summary.sites, 4);
        assert_eq!(summary.first_published.as_deref(), Some("2015-11-17"));
        assert_eq!(summary.last_published.as_deref(), Some("2016-07-06"));
        assert_eq!(summary.undated, 1);
        assert_eq!(summary.events, 5);
        assert_eq!(summary.ceasefires, 2);
        assert_eq!((summary.linked_events, summary.stories), (0, 0));
    }

    fn full_text_search_matches_inflections_and_evidence(target: &Target) {
        let mut store = target.open().expect("open");
        let docs = corpus();
        store_all(&mut store, &docs);
        // "truces" finds "truce"; the headline counts too.
        let mut found = store.search("truces", 10).expect("search");
        found.sort();
        let mut expected = vec![docs[0].id.clone(), docs[1].id.clone()];
        expected.sort();
        assert_eq!(found, expected);
        assert_eq!(
            store.search("\"regime of calm\"", 10).expect("phrase"),
            vec![docs[1].id.clone()]
        );
        assert_eq!(
            store.search("truce -Kerry", 10).expect("exclusion"),
            vec![docs[0].id.clone()]
        );
        assert_eq!(store.search("coverage OR Vienna", 10).expect("or").len(), 2);
        assert!(store.search("\"(", 10).expect("no terms").is_empty());
        // Events by their evidence sentence: only the Vienna meeting says "ministers".
        assert_eq!(
            store.search_events("minister", 10).expect("events"),
            vec![EventRef {
                doc: docs[2].id.clone(),
                index: 0
            }]
        );
    }

    fn newer_schema_is_refused_and_not_touched(target: &Target) {
        let mut store = target.open().expect("create");
        store_all(&mut store, &corpus()[..1]);
        drop(store);
        target.set_version(99);
        let err = target.open().expect_err("refused");
        assert!(matches!(err, Error::NewerSchema { found: 99, .. }), "{err}");
        assert_eq!(target.version(), 99);
        // Put back, the data is all there.
        target.set_version(crate::schema::CURRENT_VERSION);
        assert_eq!(
            target
                .open()
                .expect("reopen")
                .summary()
                .expect("summary")
                .documents,
            1
        );
    }

    fn foreign_database_is_refused_untouched(target: &Target) {
        target.raw("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('theirs');");
        let err = target.open().expect_err("refused");
        assert!(matches!(err, Error::NotDateline(_)), "{err}");
        // Still only their table, with their row.
        target.raw("DROP TABLE t");
        target.open().expect("an empty database is adopted");
    }

    fn concurrent_writers_store_each_document_once(target: &Target) {
        let docs: Vec<Document> = (0..40)
            .map(|i| {
                document(
                    "example.org",
                    Some("2016-02-27"),
                    &format!("Report {i}"),
                    &format!("Shelling was reported in district {i} despite the truce."),
                )
            })
            .collect();
        // Two writers with their own connections, racing to create the
        // store, overlapping on docs 10..30 in opposite orders, in small
        // batches so their transactions interleave.
        let new: Vec<usize> = std::thread::scope(|scope| {
            let forward: Vec<&Document> = docs[..30].iter().collect();
            let backward: Vec<&Document> = docs[10..].iter().rev().collect();
            let writers = [forward, backward].map(|docs| {
                scope.spawn(move || {
                    let mut store = target.open().expect("open");
                    let mut new = 0;
                    for chunk in docs.chunks(3) {
                        let mut batch = store.batch().expect("batch");
                        for doc in chunk {
                            new += usize::from(batch.insert(doc).expect("insert"));
                        }
                        batch.commit().expect("commit");
                    }
                    new
                })
            });
            writers.map(|w| w.join().expect("writer")).into()
        });
        assert_eq!(
            new.iter().sum::<usize>(),
            40,
            "each document new exactly once"
        );
        let store = target.open().expect("open");
        assert_eq!(store.summary().expect("summary").documents, 40);
    }

    fn failed_write_leaves_no_part_of_it(target: &Target) {
        let mut store = target.open().expect("open");
        // The database refuses events of kind BOOM, after the document row
        // and its first event are written.
        target.raw(match target {
            Target::Sqlite { .. } => {
                "CREATE TRIGGER boom BEFORE INSERT ON events WHEN new.kind = 'BOOM' \
                 BEGIN SELECT RAISE(ABORT, 'boom'); END;"
            }
            Target::Postgres { .. } => {
                "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS \
                 $$ BEGIN IF new.kind = 'BOOM' THEN RAISE 'boom'; END IF; RETURN new; END $$; \
                 CREATE TRIGGER boom BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION boom();"
            }
        });
        let docs = corpus();
        let mut bad = docs[1].clone();
        bad.events[1].kind = "BOOM".into();
        let mut batch = store.batch().expect("batch");
        batch.insert(&docs[0]).expect("insert");
        let err = batch.insert(&bad).expect_err("refused by the trigger");
        assert!(err.to_string().contains("boom"), "{err}");
        batch.insert(&docs[2]).expect("the batch goes on");
        batch.commit().expect("commit");
        assert!(!store.contains(&bad.id).expect("contains"));
        let summary = store.summary().expect("summary");
        assert_eq!(
            (summary.documents, summary.events, summary.ceasefires),
            (2, 3, 1)
        );
    }

    fn link_results_are_replaced_and_removed(target: &Target) {
        let mut store = target.open().expect("open");
        let docs = corpus();
        store_all(&mut store, &docs);
        let mut events = linked_events(&docs);
        let story = dateline_core::Story {
            id: "syria".into(),
            name: "Syria truce".into(),
            keywords: vec!["truce".into()],
            entities: vec!["Syrian army".into()],
            documents: 3,
            first: Some(jiff::civil::date(2015, 11, 17)),
            last: Some(jiff::civil::date(2016, 7, 6)),
        };
        let link = DuplicateLink {
            doc: docs[1].id.clone(),
            representative: docs[0].id.clone(),
            similarity: 0.5,
        };
        let mut batch = store.batch().expect("batch");
        for event in &events {
            batch.put_linked_event(event).expect("put");
        }
        batch.put_story(&story).expect("story");
        let ids: Vec<String> = docs[..3].iter().map(|d| d.id.clone()).collect();
        batch.add_story_documents("syria", &ids).expect("docs");
        batch
            .add_story_documents("syria", &ids[..1])
            .expect("again");
        batch.put_duplicate(&link).expect("duplicate");
        batch.commit().expect("commit");

        assert_eq!(
            store.linked_event("vienna").expect("read"),
            Some(events[2].clone())
        );
        assert_eq!(store.story("syria").expect("story"), Some(story.clone()));
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(store.story_documents("syria").expect("docs"), sorted);
        assert_eq!(store.duplicate(&docs[1].id).expect("dup"), Some(link));
        let meta = store
            .doc_meta(&[docs[1].id.clone(), "unknown".into(), docs[0].id.clone()])
            .expect("meta");
        assert_eq!(meta.len(), 2);
        assert_eq!(meta[0].id, docs[1].id);
        assert_eq!(meta[0].duplicate_of.as_deref(), Some(docs[0].id.as_str()));
        assert_eq!(meta[0].site.as_deref(), Some("vov.vn"));
        assert_eq!(meta[1].published.as_deref(), Some("2016-02-27"));
        assert_eq!(meta[1].duplicate_of, None);

        // The linker merges the July truce into the February one and renames the story.
        let july = events[1].mentions.clone();
        events[0].mentions.extend(july);
        events[0].summary = "Truce holds".into();
        let renamed = dateline_core::Story {
            name: "Syrian truces".into(),
            ..story
        };
        let mut batch = store.batch().expect("batch");
        batch.put_linked_event(&events[0]).expect("replace");
        assert!(batch.remove_linked_event("truce-jul").expect("remove"));
        assert!(!batch.remove_linked_event("truce-jul").expect("gone"));
        batch.put_story(&renamed).expect("rename");
        assert!(batch.remove_story("kerry").is_ok_and(|existed| !existed));
        batch.commit().expect("commit");
        assert_eq!(store.linked_event("truce-jul").expect("read"), None);
        assert_eq!(
            store.linked_event("truce-feb").expect("read"),
            Some(events[0].clone())
        );
        assert_eq!(store.story("syria").expect("story"), Some(renamed));
        let summary = store.summary().expect("summary");
        assert_eq!((summary.linked_events, summary.stories), (4, 1));
        assert_eq!(summary.duplicates, 1);
        // The merged event is found through the July report's text now.
        let page = store
            .linked_events(&EventFilter {
                text: Some("\"regime of calm\"".into()),
                ..EventFilter::default()
            })
            .expect("filter");
        let ids: Vec<&str> = page.items.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["truce-feb", "welcome"]);

        let mut batch = store.batch().expect("batch");
        assert!(batch.remove_story("syria").expect("remove"));
        batch.commit().expect("commit");
        assert_eq!(store.story("syria").expect("story"), None);
        assert!(store.story_documents("syria").expect("docs").is_empty());
    }

    fn link_state_round_trips(target: &Target) {
        let mut store = target.open().expect("open");
        assert_eq!(store.link_state().expect("none yet"), None);
        for state in [&b"v1 \x00\xff binary"[..], b"v2"] {
            let mut batch = store.batch().expect("batch");
            batch.put_link_state(state).expect("put");
            batch.commit().expect("commit");
        }
        drop(store);
        let store = target.open().expect("reopen");
        assert_eq!(store.link_state().expect("state"), Some(b"v2".to_vec()));
    }

    #[test]
    fn non_sqlite_file_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = dir.path().join("notes.txt");
        let content = "this is not a database, just some text that is long enough";
        std::fs::write(&text, content).expect("write");
        assert!(matches!(Store::open(&text), Err(Error::NotDateline(_))));
        assert_eq!(std::fs::read_to_string(&text).expect("read"), content);
    }

    fn version_1_store_is_migrated_with_its_documents(target: &Target) {
        // A store as the first release wrote it: schema 1, one document
        // (1146375246 is 0x4454_4c4e, dateline's SQLite application_id).
        target.raw(match target {
            Target::Sqlite { .. } => concat!(
                include_str!("schema/1-sqlite.sql"),
                "PRAGMA application_id = 1146375246; PRAGMA user_version = 1;"
            ),
            Target::Postgres { .. } => concat!(
                "CREATE TABLE dateline_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                 INSERT INTO dateline_meta VALUES ('application', 'dateline'), ('schema_version', '1');",
                include_str!("schema/1-postgres.sql")
            ),
        });
        let doc = &corpus()[0];
        let quote = |s: &str| format!("'{}'", s.replace('\'', "''"));
        target.raw(&format!(
            "INSERT INTO documents (id, title, published, published_from, source_format, text, \
                 document, ingested_at) \
             VALUES ({}, {}, '2016-02-27', 'argument', 'text', {}, {}, '2016-03-01T00:00:00Z')",
            quote(&doc.id),
            quote(doc.title.as_deref().unwrap_or_default()),
            quote(&doc.text),
            quote(&serde_json::to_string(doc).expect("json")),
        ));
        let mut store = target.open().expect("migrated");
        assert_eq!(target.version(), crate::schema::CURRENT_VERSION);
        assert_eq!(store.document(&doc.id).expect("read").as_ref(), Some(doc));
        assert_eq!(
            store.search("truces", 5).expect("search"),
            vec![doc.id.clone()]
        );
        store_all(&mut store, &corpus()[1..3]);
        let page = store.documents(&PageRequest::default()).expect("list");
        let order: Vec<Option<&str>> = page.items.iter().map(|d| d.published.as_deref()).collect();
        assert_eq!(
            order,
            [Some("2016-07-06"), Some("2016-02-27"), Some("2015-11-17")]
        );
    }

    #[test]
    fn postgres_store_connects_again_after_the_server_drops_it() {
        let Some(target) = Target::postgres() else {
            return;
        };
        let Target::Postgres { schema, .. } = &target else {
            unreachable!("a PostgreSQL target");
        };
        let cut = format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE application_name = '{schema}' AND pid <> pg_backend_pid()"
        );
        let docs = corpus();
        let mut store = target.open().expect("open");
        store_all(&mut store, &docs[..1]);
        target.raw(&cut);
        assert_eq!(store.summary().expect("read again").documents, 1);
        target.raw(&cut);
        // A read notices the loss and connects again; the next batch writes.
        assert!(store.contains(&docs[0].id).expect("read again"));
        store_all(&mut store, &docs[1..2]);
        assert_eq!(store.summary().expect("summary").documents, 2);
    }

    #[test]
    fn targets_choose_the_backend() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.db");
        let url = format!("sqlite://{}", path.display());
        assert_eq!(
            Store::open_target(&url).expect("open").backend_name(),
            "SQLite"
        );
        assert!(path.exists());
        assert_eq!(Store::sqlite_path(&url), Some(path.as_path()));
        assert_eq!(Store::sqlite_path("t.db"), Some(Path::new("t.db")));
        assert_eq!(Store::sqlite_path("postgresql://h/db"), None);
        let err = Store::open_url("mysql://localhost/x").expect_err("not postgres");
        assert!(matches!(err, Error::InvalidUrl(_)), "{err}");
    }

    #[test]
    fn unreachable_server_is_named_without_the_password() {
        // Port 1 on loopback: nothing listens there.
        let err = Store::open_target("postgres://dateline:s3cret@127.0.0.1:1/timelines")
            .expect_err("unreachable");
        let message = err.to_string();
        assert!(matches!(err, Error::Connect { .. }), "{message}");
        assert!(
            message.contains("dateline@127.0.0.1:1/timelines"),
            "{message}"
        );
        assert!(message.contains("refused"), "{message}");
        assert!(!message.contains("s3cret"), "{message}");
        // The whole story is in the message, not repeated down a chain.
        assert!(std::error::Error::source(&err).is_none());
        let err = Store::open_url("postgres://x@127.0.0.1:5432/db?sslmode=bogus").expect_err("bad");
        assert!(matches!(err, Error::InvalidUrl(_)), "{err}");
    }
}
