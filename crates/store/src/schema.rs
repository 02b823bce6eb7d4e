//! Versioned schema migrations, applied in order inside one transaction.
//!
//! The version lives in SQLite's `user_version`; the `application_id` marks
//! the file as dateline's so that other SQLite files are refused, not altered.
//! A migration, once released, never changes: add a new one instead.

use rusqlite::{Connection, TransactionBehavior};

use crate::{Error, Result};

/// `application_id` of dateline databases ("DTLN").
const APPLICATION_ID: i64 = 0x4454_4c4e;

/// Migration `i` brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: documents, removed boilerplate, full-text index over title and text.
    r#"
    CREATE TABLE documents (
        rowid          INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        title          TEXT,
        published      TEXT,
        published_from TEXT NOT NULL,
        language       TEXT,
        site           TEXT,
        url            TEXT,
        source_path    TEXT,
        source_format  TEXT NOT NULL,
        source_record  INTEGER,
        text           TEXT NOT NULL,
        document       TEXT NOT NULL,
        ingested_at    TEXT NOT NULL
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_site ON documents(site);
    CREATE TABLE removed (
        document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        seq      INTEGER NOT NULL,
        kind     TEXT NOT NULL,
        text     TEXT NOT NULL,
        PRIMARY KEY (document, seq)
    ) WITHOUT ROWID;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content = 'documents', content_rowid = 'rowid'
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
    END;
    "#,
];

/// The schema version this build writes.
pub(crate) const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings `conn` to [`CURRENT_VERSION`], or refuses it.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let app_id: i64 = tx.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if version > CURRENT_VERSION && app_id == APPLICATION_ID {
        return Err(Error::NewerSchema {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    if app_id != APPLICATION_ID {
        let tables: i64 =
            tx.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
        if app_id != 0 || tables > 0 {
            return Err(Error::NotDateline(format!(
                "application_id {app_id:#x} with {tables} schema objects"
            )));
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    for (from, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(version).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", from as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}
