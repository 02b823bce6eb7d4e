//! Errors: the crate's [`Error`] (starting the server) and the JSON error
//! responses of the API (`{"error": "..."}` with a 4xx/5xx status).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::catalog::CatalogError;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database could not be opened, or the linker's state read or saved.
    #[error("database: {0}")]
    Database(#[from] CatalogError),
    /// The address could not be bound, or the connection loop failed.
    #[error("serving on {addr}: {source}")]
    Io {
        /// The address asked for.
        addr: String,
        /// What the operating system said.
        source: std::io::Error,
    },
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// An API failure: a status and a message, sent as `{"error": message}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
    /// Per-record messages, for a batch where nothing could be stored.
    details: Vec<String>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    details: &'a [String],
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            details: Vec::new(),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub(crate) fn with_details(mut self, details: Vec<String>) -> ApiError {
        self.details = details;
        self
    }
}

impl From<CatalogError> for ApiError {
    fn from(err: CatalogError) -> ApiError {
        let status = if err.is_client_error() {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::INTERNAL_SERVER_ERROR
        };
        ApiError::new(status, err.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: &self.message,
            details: &self.details,
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"dateline\""),
            );
        }
        response
    }
}
