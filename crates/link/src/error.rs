//! The crate's error type.

/// What can go wrong in linking: reloading a saved state, or writing a rendering.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A saved state is of another version or does not hold together.
    #[error("linker state: {0}")]
    State(String),
    /// Writing CSV failed.
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Writing JSON failed.
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// A `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
