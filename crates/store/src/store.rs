//! The [`Store`] handle: open, insert in batches, summarise.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use dateline_core::Document;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior, params};

use crate::{Error, Result, schema};

/// How long a writer waits for another process holding the write lock
/// (two `dateline run` on one file) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// An open dateline database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
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
}

impl Store {
    /// Opens the database file at `path`, creating it if needed, and brings
    /// its schema up to date. A file from a newer dateline, or a SQLite file
    /// that isn't dateline's, is refused and left untouched.
    pub fn open(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        Store::setup(conn, true)
    }

    /// A private database in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, false)
    }

    fn setup(mut conn: Connection, file: bool) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // A file that is not SQLite at all fails here, before anything is written.
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
            .map_err(|e| Error::NotDateline(e.to_string()))?;
        if file {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// Starts a write transaction; documents inserted through the batch are
    /// stored together when it is committed, or not at all.
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(Batch { tx })
    }

    /// Whether a document with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
        Ok(stmt.exists([id])?)
    }

    /// The stored document with this id, as it was extracted.
    pub fn document(&self, id: &str) -> Result<Option<Document>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT document FROM documents WHERE id = ?1")?;
        let mut rows = stmt.query([id])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let json: String = row.get(0)?;
        serde_json::from_str(&json)
            .map(Some)
            .map_err(|source| Error::Corrupt {
                id: id.to_owned(),
                source,
            })
    }

    /// Ids of documents whose title or text match a full-text query
    /// (SQLite FTS5 syntax), best match first.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid \
             WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let ids = stmt.query_map(params![query, limit], |row| row.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// Counts for the closing summary of `dateline run`.
    pub fn summary(&self) -> Result<Summary> {
        let (documents, sites, first_published, last_published, undated) = self.conn.query_row(
            "SELECT count(*), count(DISTINCT site), min(published), max(published), \
                    count(*) - count(published) FROM documents",
            [],
            |row| {
                Ok((
                    count(row.get(0)?),
                    count(row.get(1)?),
                    row.get(2)?,
                    row.get(3)?,
                    count(row.get(4)?),
                ))
            },
        )?;
        let mut stmt = self
            .conn
            .prepare("SELECT kind, count(*) FROM removed GROUP BY kind")?;
        let removed_by_kind = stmt
            .query_map([], |row| Ok((row.get(0)?, count(row.get(1)?))))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Summary {
            documents,
            sites,
            first_published,
            last_published,
            undated,
            removed_by_kind,
        })
    }
}

/// A write transaction over the store (see [`Store::batch`]).
#[derive(Debug)]
pub struct Batch<'a> {
    tx: Transaction<'a>,
}

impl Batch<'_> {
    /// Stores `doc` unless a document with the same id is already stored.
    /// Returns whether it was new.
    pub fn insert(&mut self, doc: &Document) -> Result<bool> {
        let json = serde_json::to_string(doc).map_err(|source| Error::Corrupt {
            id: doc.id.clone(),
            source,
        })?;
        let mut insert = self.tx.prepare_cached(
            "INSERT INTO documents (id, title, published, published_from, language, site, url, \
                 source_path, source_format, source_record, text, document, ingested_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, \
                     strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) \
             ON CONFLICT (id) DO NOTHING",
        )?;
        let inserted = insert.execute(params![
            doc.id,
            doc.title,
            doc.published.map(|d| d.to_string()),
            enum_name(&doc.published_from),
            doc.language,
            doc.source.site,
            doc.source.url,
            doc.source.path,
            doc.source.format.as_str(),
            doc.source.record.and_then(|r| i64::try_from(r).ok()),
            doc.text,
            json,
        ])?;
        if inserted == 0 {
            return Ok(false);
        }
        let rowid = self.tx.last_insert_rowid();
        let mut removed = self.tx.prepare_cached(
            "INSERT INTO removed (document, seq, kind, text) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (seq, piece) in doc.removed.iter().enumerate() {
            removed.execute(params![rowid, seq as i64, piece.kind.as_str(), piece.text])?;
        }
        Ok(true)
    }

    /// Makes every insert of this batch durable, all together.
    pub fn commit(self) -> Result<()> {
        Ok(self.tx.commit()?)
    }
}

/// SQLite counts are `i64`; they are never negative.
fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The serde name of a unit enum variant (`"argument"`), as stored in text columns.
fn enum_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::{BoilerplateKind, Removed, Source};

    fn doc(title: &str, text: &str, published: Option<jiff::civil::Date>) -> Document {
        let source = Source {
            site: Some("example.org".into()),
            ..Source::default()
        };
        let mut doc = Document::new(source, Some(title.into()), text.into());
        doc.published = published;
        doc.removed.push(Removed {
            kind: BoilerplateKind::CookieNotice,
            text: "We use cookies.".into(),
        });
        doc
    }

    #[test]
    fn same_article_twice_is_stored_once_across_runs() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.db");
        let a = doc(
            "Truce declared",
            "The army declared a truce.",
            Some(jiff::civil::date(2016, 7, 6)),
        );
        for _ in 0..2 {
            let mut store = Store::open(&path).expect("open");
            let mut batch = store.batch().expect("batch");
            batch.insert(&a).expect("insert");
            batch.commit().expect("commit");
        }
        let store = Store::open(&path).expect("reopen");
        let summary = store.summary().expect("summary");
        assert_eq!(summary.documents, 1);
        assert_eq!(summary.removed_by_kind.get("cookie_notice"), Some(&1));
        assert_eq!(store.document(&a.id).expect("read"), Some(a));
    }

    #[test]
    fn uncommitted_batch_leaves_nothing() {
        let mut store = Store::open_in_memory().expect("open");
        {
            let mut batch = store.batch().expect("batch");
            batch.insert(&doc("A", "a text", None)).expect("insert");
            // dropped without commit
        }
        assert_eq!(store.summary().expect("summary").documents, 0);
    }

    #[test]
    fn summary_counts_dates_and_sites() {
        let mut store = Store::open_in_memory().expect("open");
        let mut batch = store.batch().expect("batch");
        batch
            .insert(&doc("A", "first", Some(jiff::civil::date(2016, 2, 27))))
            .expect("insert");
        batch
            .insert(&doc("B", "second", Some(jiff::civil::date(2015, 11, 17))))
            .expect("insert");
        batch.insert(&doc("C", "third", None)).expect("insert");
        batch.commit().expect("commit");
        let summary = store.summary().expect("summary");
        assert_eq!(summary.documents, 3);
        assert_eq!(summary.sites, 1);
        assert_eq!(summary.first_published.as_deref(), Some("2015-11-17"));
        assert_eq!(summary.last_published.as_deref(), Some("2016-02-27"));
        assert_eq!(summary.undated, 1);
    }

    #[test]
    fn full_text_search_finds_words() {
        let mut store = Store::open_in_memory().expect("open");
        let a = doc("Ceasefire in Syria", "A truce began at midnight.", None);
        let b = doc("Talks in Geneva", "Delegations met.", None);
        let mut batch = store.batch().expect("batch");
        batch.insert(&a).expect("insert");
        batch.insert(&b).expect("insert");
        batch.commit().expect("commit");
        assert_eq!(
            store.search("truce", 10).expect("search"),
            vec![a.id.clone()]
        );
        assert_eq!(store.search("geneva", 10).expect("search"), vec![b.id]);
    }

    #[test]
    fn newer_schema_is_refused_and_not_touched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("new.db");
        drop(Store::open(&path).expect("create"));
        {
            let conn = Connection::open(&path).expect("raw open");
            conn.pragma_update(None, "user_version", 99).expect("bump");
        }
        let err = Store::open(&path).expect_err("refused");
        assert!(matches!(err, Error::NewerSchema { found: 99, .. }), "{err}");
        let conn = Connection::open(&path).expect("raw open");
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("read");
        assert_eq!(version, 99);
    }

    #[test]
    fn foreign_sqlite_and_non_sqlite_files_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let other = dir.path().join("other.db");
        Connection::open(&other)
            .expect("raw open")
            .execute_batch("CREATE TABLE t(x)")
            .expect("create");
        assert!(matches!(Store::open(&other), Err(Error::NotDateline(_))));
        let text = dir.path().join("notes.txt");
        std::fs::write(
            &text,
            "this is not a database, just some text that is long enough",
        )
        .expect("write");
        assert!(matches!(Store::open(&text), Err(Error::NotDateline(_))));
        assert_eq!(
            std::fs::read_to_string(&text).expect("read"),
            "this is not a database, just some text that is long enough"
        );
    }
}
