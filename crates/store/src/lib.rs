//! dateline's document store: one embedded SQLite file with full-text search.
//!
//! What it does: opens (or creates) the database, applies versioned schema
//! migrations, refuses files written by a newer dateline, stores documents
//! idempotently by content id (the same article twice is stored once), in
//! transactions so a crash never leaves a half-written document, and answers
//! the summary questions `dateline run` prints.
//!
//! What it does not do (yet): events, stories and timelines (later stages add
//! their tables through new migrations), or PostgreSQL.
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
//! ```
#![warn(missing_docs)]

mod schema;
mod store;

pub use self::store::{Batch, Store, Summary};

/// What went wrong with the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file was written by a newer dateline, with a schema this one does not know.
    #[error(
        "the database has schema version {found}, newer than this dateline supports ({supported}); \
         upgrade dateline or use another file"
    )]
    NewerSchema {
        /// The version found in the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The file is not a dateline database (another SQLite file, or not SQLite at all).
    #[error("not a dateline database: {0}")]
    NotDateline(String),
    /// A stored document could not be turned back into JSON.
    #[error("stored document {id} is corrupt: {source}")]
    Corrupt {
        /// The document id.
        id: String,
        /// The JSON error.
        source: serde_json::Error,
    },
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;
