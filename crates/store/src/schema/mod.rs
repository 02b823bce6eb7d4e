//! Versioned schema migrations, the same versions on both backends.
//!
//! Migration `i` brings a database from version `i` to `i + 1`; each has a
//! part common to both databases (with `{serial}`/`{blob}` column types
//! spelled by the [`Dialect`](crate::sql::Dialect)) and a part in each
//! database's own dialect. Where the version is kept, and how a database is
//! recognised as dateline's, is each backend's business (`sqlite.rs`,
//! `postgres.rs`). A migration, once released, never changes: add a new one.

use crate::{Error, Result};

/// One step of the schema.
#[derive(Debug)]
pub(crate) struct Migration {
    /// SQL both databases run first.
    pub(crate) common: &'static str,
    /// SQL only SQLite runs.
    pub(crate) sqlite: &'static str,
    /// SQL only PostgreSQL runs.
    pub(crate) postgres: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        common: "",
        sqlite: include_str!("1-sqlite.sql"),
        postgres: include_str!("1-postgres.sql"),
    },
    Migration {
        common: include_str!("2.sql"),
        sqlite: include_str!("2-sqlite.sql"),
        postgres: include_str!("2-postgres.sql"),
    },
];

/// The schema version this build writes.
pub(crate) const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// The migrations a database at version `found` still needs, each with the
/// version it brings the database to; refuses a database newer than this build.
pub(crate) fn pending(found: i64) -> Result<impl Iterator<Item = (i64, &'static Migration)>> {
    if found > CURRENT_VERSION {
        return Err(Error::NewerSchema {
            found,
            supported: CURRENT_VERSION,
        });
    }
    Ok((1_i64..)
        .zip(MIGRATIONS)
        .skip(usize::try_from(found).unwrap_or(0)))
}
