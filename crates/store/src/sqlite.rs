//! The SQLite backend: one file (WAL), FTS5 full-text search.
//!
//! The schema version lives in SQLite's `user_version`; the `application_id`
//! marks the file as dateline's so that other SQLite files are refused, not
//! altered. Writers wait for each other (busy timeout), so several processes
//! can fill one file. Queries themselves are shared with PostgreSQL
//! (`query.rs`, `write.rs`); this module only connects, migrates and binds.

use std::path::Path;
use std::time::Duration;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::fts::TextQuery;
use crate::sql::{Conn, Dialect, Row, Value, question_marks};
use crate::{Error, Result, schema};

/// `application_id` of dateline databases ("DTLN").
const APPLICATION_ID: i64 = 0x4454_4c4e;

/// How long a writer waits for another process holding the write lock
/// (two `dateline run` on one file) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 256;

pub(crate) static SQLITE: Dialect = Dialect {
    name: "SQLite",
    documents_matching: "SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid \
                         WHERE documents_fts MATCH {q}",
    search_documents: "SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid \
                       WHERE documents_fts MATCH $1 ORDER BY f.rank, d.rowid LIMIT $2",
    search_events: "SELECT e.doc, e.idx FROM events_fts f JOIN events e ON e.seq = f.rowid \
                    WHERE events_fts MATCH $1 ORDER BY f.rank, e.seq LIMIT $2",
    text_query: TextQuery::fts5,
    optimize: "PRAGMA optimize",
    serial: "INTEGER PRIMARY KEY",
    blob: "BLOB",
};

/// Opens (creating if needed) the database file at `path` and migrates it.
pub(crate) fn open(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    setup(Connection::open_with_flags(path, flags)?, true)
}

/// A private database in memory.
pub(crate) fn open_in_memory() -> Result<Connection> {
    setup(Connection::open_in_memory()?, false)
}

fn setup(mut conn: Connection, file: bool) -> Result<Connection> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Lists assemble statements from filters, inserts vary in row count.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // A file that is not SQLite at all fails here, before anything is written.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        .map_err(|e| Error::NotDateline(e.to_string()))?;
    if file {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Brings `conn` to the current schema version, or refuses it untouched.
fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let app_id: i64 = tx.pragma_query_value(None, "application_id", |row| row.get(0))?;
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
    for (to, migration) in schema::pending(version)? {
        tx.execute_batch(&SQLITE.ddl(migration.common))?;
        tx.execute_batch(migration.sqlite)?;
        tx.pragma_update(None, "user_version", to)?;
    }
    tx.commit()?;
    Ok(())
}

/// A connection or open transaction (which dereferences to one).
#[derive(Debug)]
pub(crate) struct SqliteConn<'a>(pub(crate) &'a Connection);

impl Conn for SqliteConn<'_> {
    fn dialect(&self) -> &'static Dialect {
        &SQLITE
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
        let mut stmt = self.0.prepare_cached(&question_marks(sql))?;
        let changed = stmt.execute(rusqlite::params_from_iter(params))?;
        Ok(changed as u64)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        let mut stmt = self.0.prepare_cached(&question_marks(sql))?;
        let columns = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let values = (0..columns)
                .map(|i| row.get_ref(i).map(value))
                .collect::<rusqlite::Result<_>>()?;
            out.push(Row(values));
        }
        Ok(out)
    }

    fn run(&mut self, sql: &str) -> Result<()> {
        Ok(self.0.execute_batch(sql)?)
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::ToSqlOutput::Borrowed;
        Ok(Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(v) => ValueRef::Integer(*v),
            Value::Real(v) => ValueRef::Real(*v),
            Value::Text(v) => ValueRef::Text(v.as_bytes()),
            Value::Blob(v) => ValueRef::Blob(v),
        }))
    }
}

fn value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(v) => Value::Int(v),
        ValueRef::Real(v) => Value::Real(v),
        ValueRef::Text(v) => Value::Text(String::from_utf8_lossy(v).into_owned()),
        ValueRef::Blob(v) => Value::Blob(v.to_vec()),
    }
}
