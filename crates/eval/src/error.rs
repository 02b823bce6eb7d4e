//! The one error type of this crate.

use std::path::PathBuf;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A gold or input file could not be read.
    #[error("reading {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A gold file is not the JSON it should be.
    #[error("parsing {path}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: serde_json::Error,
    },
    /// The gold set holds no pages.
    #[error("{0} holds no pages")]
    Empty(PathBuf),
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;
