//! dateline's HTTP server: the JSON API over the store and the web
//! timeline page (`dateline serve`).
//!
//! What it does: [`router`] answers the routes of `DESIGN.md` — the web page
//! at `/`, timelines, documents (paginated with `limit` and `cursor`, one by
//! id, ingest by `POST`), linked events, ceasefires, stories, full-text
//! search, `/openapi.json` (OpenAPI 3.1) and `/healthz`. Reads are open;
//! writes need `Authorization: Bearer <token>` (401 without it or with a
//! wrong one, 403 when the server has no token). Every error is
//! `{"error": "..."}` with a 4xx/5xx status; bodies over [`BODY_LIMIT`] get
//! 413. Ingested articles go through the same pipeline as `dateline run`.
//! [`serve`] binds an address and runs until Ctrl-C, letting requests in
//! flight finish.
//!
//! What it does not do: store, link or build timelines itself — its
//! [`Catalog`] asks `dateline-store` and `dateline-link`, on tokio's
//! blocking pool since the store is synchronous.
//!
//! ```
//! use axum::body::Body;
//! use axum::http::{Request, StatusCode};
//! use dateline_serve::{AppState, Catalog, router};
//! use dateline_store::Store;
//! use tower::ServiceExt;
//!
//! let catalog = Catalog::from_store(Store::open_in_memory().unwrap()).unwrap();
//! let app = router(AppState::new(catalog, Some("s3cret".into())));
//! let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
//! let request = Request::post("/api/documents")
//!     .body(Body::from(r#"{"text": "Truce declared.\n\nThe army said it would hold."}"#))
//!     .unwrap();
//! let response = runtime.block_on(app.oneshot(request)).unwrap();
//! assert_eq!(response.status(), StatusCode::UNAUTHORIZED); // no bearer token
//! ```
#![warn(missing_docs)]

mod api;
mod catalog;
mod error;
mod ingest;
mod server;
mod web;

pub use self::api::AppState;
pub use self::catalog::{Catalog, CatalogError, CatalogResult};
pub use self::error::{Error, Result};
pub use self::ingest::IngestReport;
pub use self::server::{Config, Server, serve};
pub use self::web::static_page;

use axum::Router;
use axum::extract::DefaultBodyLimit;

/// Largest request body accepted (16 MiB); larger ones get 413.
pub const BODY_LIMIT: usize = 16 << 20;

/// The API and the web page over `state`.
pub fn router(state: AppState) -> Router {
    api::routes()
        .into_iter()
        .fold(Router::new(), |router, route| {
            router.route(route.path, route.handler)
        })
        .fallback(api::no_route)
        .method_not_allowed_fallback(api::wrong_method)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state)
}
