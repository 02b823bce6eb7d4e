//! dateline's store: an embedded SQLite file (the default, one file, no
//! server) or a PostgreSQL database (shared), with the same behaviour.
//!
//! What it does: opens (or creates) the database, applies versioned schema
//! migrations, refuses databases written by a newer dateline or by something
//! else, and stores documents idempotently by content id (the same article
//! twice is stored once) with their entities, events and ceasefire frames,
//! and the results of linking (near-duplicates, linked events, stories, the
//! linker's state) — all in [`Batch`] transactions, so a crash never leaves
//! anything half-written. It answers the questions timelines, the server and
//! the CLI ask: filtered, keyset-paginated lists of events, ceasefires,
//! linked events, documents and stories, full-text search over documents and
//! event evidence, and a summary.
//!
//! What it does not do: link documents or build timelines (the `link` crate
//! does, and stores its results here), or encrypt PostgreSQL connections.
//!
//! ```
//! use dateline_core::{Document, Source};
//! use dateline_store::Store;
//!
//! let mut store = Store::open_in_memory().unwrap();
//! let doc = Document::new(Source::default(), Some("Truce holds".into()), "It held.".into());
//! let mut batch = store.batch().unwrap();
//! assert!(batch.insert(&doc).unwrap());
//! assert!(!batch.insert(&doc).unwrap()); // same content: stored once
//! batch.commit().unwrap();
//! assert_eq!(store.summary().unwrap().documents, 1);
//! assert_eq!(store.search("truce", 10).unwrap(), vec![doc.id]);
//! ```
#![warn(missing_docs)]

mod fts;
mod period;
mod postgres;
mod query;
mod schema;
mod sql;
mod sqlite;
mod store;
mod write;

#[cfg(test)]
mod testutil;

pub use self::query::{
    DEFAULT_LIMIT, DocMeta, EventFilter, EventRef, MAX_LIMIT, Page, PageRequest, StoredCeasefire,
    StoredEvent,
};
pub use self::store::{Batch, Store, Summary};

/// What went wrong with the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// PostgreSQL reported an error.
    #[error("PostgreSQL error: {}", pg_message(.0))]
    Postgres(::postgres::Error),
    /// The PostgreSQL server could not be reached or refused the login.
    #[error("cannot connect to PostgreSQL at {target}: {}", pg_message(.error))]
    Connect {
        /// `user@host:port/database` (never the password).
        target: String,
        /// What the driver reported.
        error: ::postgres::Error,
    },
    /// The database URL is not one this store can open.
    #[error("{0}")]
    InvalidUrl(String),
    /// The database was written by a newer dateline, with a schema this one does not know.
    #[error(
        "the database has schema version {found}, newer than this dateline supports ({supported}); \
         upgrade dateline or use another database"
    )]
    NewerSchema {
        /// The version found in the database.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The database is not dateline's (another SQLite file, not SQLite at
    /// all, or a PostgreSQL schema holding other tables).
    #[error("not a dateline database: {0}")]
    NotDateline(String),
    /// A stored record could not be turned back from JSON (or into it).
    #[error("stored record {id} is corrupt: {source}")]
    Corrupt {
        /// The record's id.
        id: String,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// A row did not have the shape this build expects.
    #[error("unexpected database contents: {0}")]
    Schema(String),
    /// A list filter could not be understood.
    #[error("invalid filter: {0}")]
    InvalidFilter(String),
    /// A pagination cursor that no list returned.
    #[error("invalid cursor {0:?}")]
    InvalidCursor(String),
}

// The database errors are not exposed as `source()`: their text is already
// in the message, and a caller printing the chain would repeat it.
impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Error {
        Error::Sqlite(error)
    }
}

impl From<::postgres::Error> for Error {
    fn from(error: ::postgres::Error) -> Error {
        Error::Postgres(error)
    }
}

/// The driver's error with its cause: on its own it says only "db error"
/// or "error connecting to server".
fn pg_message(err: &::postgres::Error) -> String {
    match std::error::Error::source(err) {
        Some(cause) => format!("{err}: {cause}"),
        None => err.to_string(),
    }
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;
