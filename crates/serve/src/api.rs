//! The routes of the HTTP API and their handlers.
//!
//! Every route is listed once in [`routes`], with its method; the router is
//! built from that list and the OpenAPI test checks the description against
//! it. Handlers check the request (query parameters, body, bearer token),
//! run the catalog call on tokio's blocking pool and answer JSON; every
//! failure is `{"error": "..."}` with a 4xx/5xx status. This module does not
//! know how data is stored.

use std::sync::{Arc, OnceLock};

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::handler::Handler;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter, on};
use dateline_core::{Document, TimelineQuery};
use dateline_pipeline::{FullAnnotation, Settings};
use dateline_store::{DEFAULT_LIMIT, DocMeta, EventFilter, MAX_LIMIT, PageRequest};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, CatalogResult};
use crate::error::ApiError;
use crate::ingest::{self, IngestReport};
use crate::web;

/// What every handler shares: the catalog, the write token and the pipeline.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    catalog: Catalog,
    token: Option<String>,
    /// Compiled on the first ingest, so a read-only server starts at once.
    settings: OnceLock<Settings>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The token is a secret: say only whether there is one.
        f.debug_struct("AppState")
            .field("writes_enabled", &self.inner.token.is_some())
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// The state over `catalog`. Writes need `Authorization: Bearer <token>`;
    /// with no token (or an empty one) every write is refused with 403.
    pub fn new(catalog: Catalog, token: Option<String>) -> AppState {
        AppState {
            inner: Arc::new(Inner {
                catalog,
                token: token.filter(|t| !t.is_empty()),
                settings: OnceLock::new(),
            }),
        }
    }

    /// Runs ingested records through the pipeline and stores them, exactly
    /// as `POST /api/documents` does (used to seed a server). Blocks; the
    /// first call compiles the annotation dictionaries.
    pub fn ingest(
        &self,
        records: impl Iterator<Item = dateline_ingest::Result<dateline_ingest::Record>>,
    ) -> CatalogResult<IngestReport> {
        ingest::ingest_records(&self.inner.catalog, self.settings(), records)
    }

    /// Saves what only memory holds (the linker's state); see [`Catalog::finish`].
    pub fn finish(&self) -> CatalogResult<()> {
        self.inner.catalog.finish()
    }

    fn settings(&self) -> &Settings {
        self.inner.settings.get_or_init(|| Settings {
            annotator: Some(FullAnnotation::new()),
            ..Settings::default()
        })
    }

    /// Runs `f` on the catalog on tokio's blocking pool.
    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Catalog) -> CatalogResult<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || f(&state.inner.catalog))
            .await
            .map_err(|err| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, err.to_string()))?
            .map_err(ApiError::from)
    }
}

/// One route: method, path (OpenAPI syntax, which axum shares) and handler.
pub(crate) struct Route {
    pub(crate) method: Method,
    pub(crate) path: &'static str,
    pub(crate) handler: MethodRouter<AppState>,
}

impl Route {
    fn get<H: Handler<T, AppState>, T: 'static>(path: &'static str, handler: H) -> Route {
        Route {
            method: Method::GET,
            path,
            handler: on(MethodFilter::GET, handler),
        }
    }

    /// A read: the query string parsed by `parse`, answered by `fetch` on
    /// the catalog (on the blocking pool), as JSON.
    fn read<P, R, T>(
        path: &'static str,
        parse: fn(P) -> Result<R, ApiError>,
        fetch: fn(&Catalog, &R) -> CatalogResult<T>,
    ) -> Route
    where
        P: DeserializeOwned + Send + 'static,
        R: Send + 'static,
        T: Serialize + Send + 'static,
    {
        let handler = move |State(state): State<AppState>,
                            params: Result<Query<P>, QueryRejection>| async move {
            let request = parse(query(params)?)?;
            state.blocking(move |c| fetch(c, &request)).await.map(Json)
        };
        Route::get(path, handler)
    }

    fn post<H: Handler<T, AppState>, T: 'static>(path: &'static str, handler: H) -> Route {
        Route {
            method: Method::POST,
            path,
            handler: on(MethodFilter::POST, handler),
        }
    }
}

/// Every route the server answers.
pub(crate) fn routes() -> Vec<Route> {
    vec![
        Route::get("/", web::index),
        Route::get("/assets/timeline.js", web::script),
        Route::get("/assets/style.css", web::stylesheet),
        Route::read("/api/timeline", timeline_query, Catalog::timeline),
        Route::read("/api/documents", page_request, Catalog::documents),
        Route::post("/api/documents", post_documents),
        Route::get("/api/documents/{id}", document),
        Route::read("/api/events", event_filter, Catalog::events),
        Route::read("/api/ceasefires", event_filter, Catalog::ceasefires),
        Route::read("/api/stories", page_request, Catalog::stories),
        Route::read("/api/search", search_request, search),
        Route::get("/openapi.json", openapi),
        Route::get("/healthz", healthz),
    ]
}

/// The OpenAPI 3.1 description of [`routes`], hand-written.
pub(crate) const OPENAPI: &str = include_str!("../openapi.json");

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok"}))
}

/// 404 for paths no route matches.
pub(crate) async fn no_route(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("no route for {method} {}", uri.path()),
    )
}

/// 405 for a known path with the wrong method, with the `Allow` header
/// HTTP asks for.
pub(crate) async fn wrong_method(method: Method, uri: Uri) -> Response {
    let allowed: Vec<String> = routes()
        .into_iter()
        .filter(|route| path_matches(route.path, uri.path()))
        .map(|route| route.method.to_string())
        .collect();
    let allowed = allowed.join(", ");
    let mut response = ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{} accepts {allowed}, not {method}", uri.path()),
    )
    .into_response();
    if let Ok(value) = header::HeaderValue::from_str(&allowed) {
        response.headers_mut().insert(header::ALLOW, value);
    }
    response
}

/// Whether a request path fits a route path, where `{name}` stands for any
/// one segment.
fn path_matches(route: &str, path: &str) -> bool {
    let (mut route, mut path) = (route.split('/'), path.split('/'));
    loop {
        match (route.next(), path.next()) {
            (None, None) => return true,
            (Some(r), Some(p)) if r == p || (r.starts_with('{') && !p.is_empty()) => {}
            _ => return false,
        }
    }
}

fn query<T>(params: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    params
        .map(|Query(params)| params)
        .map_err(|rejection| ApiError::bad_request(rejection.body_text()))
}

/// `limit` and `cursor` of the plain list endpoints.
#[derive(Debug, Deserialize)]
struct ListParams {
    limit: Option<u32>,
    cursor: Option<String>,
}

fn limit(limit: Option<u32>) -> Result<u32, ApiError> {
    match limit.unwrap_or(DEFAULT_LIMIT) {
        n @ 1..=MAX_LIMIT => Ok(n),
        n => Err(ApiError::bad_request(format!(
            "limit must be between 1 and {MAX_LIMIT}, not {n}"
        ))),
    }
}

fn page_request(params: ListParams) -> Result<PageRequest, ApiError> {
    Ok(PageRequest {
        limit: limit(params.limit)?,
        cursor: non_empty(params.cursor),
    })
}

async fn document(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<Document>, ApiError> {
    let Path(id) = id.map_err(|rejection| ApiError::bad_request(rejection.body_text()))?;
    let lookup = id.clone();
    match state.blocking(move |c| c.document(&lookup)).await? {
        Some(doc) => Ok(Json(doc)),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no document with id {id:?}"),
        )),
    }
}

/// The filters of `GET /api/timeline`, `/api/events` and `/api/ceasefires`
/// (the lists also take `limit` and `cursor`); an empty value is the same
/// as none.
#[derive(Debug, Default, Deserialize)]
struct FilterParams {
    story: Option<String>,
    actor: Option<String>,
    place: Option<String>,
    query: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<u32>,
    cursor: Option<String>,
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn date(name: &str, value: Option<String>) -> Result<Option<jiff::civil::Date>, ApiError> {
    non_empty(value)
        .map(|v| {
            v.parse().map_err(|_| {
                ApiError::bad_request(format!("{name}: {v:?} is not a date (YYYY-MM-DD)"))
            })
        })
        .transpose()
}

/// The timeline query of the filters, and the page asked for.
fn filters(params: FilterParams) -> Result<(TimelineQuery, PageRequest), ApiError> {
    let query = TimelineQuery {
        story: non_empty(params.story),
        actor: non_empty(params.actor),
        place: non_empty(params.place),
        text: non_empty(params.query),
        from: date("from", params.from)?,
        to: date("to", params.to)?,
    };
    if let (Some(from), Some(to)) = (query.from, query.to)
        && from > to
    {
        return Err(ApiError::bad_request(format!(
            "from ({from}) is after to ({to})"
        )));
    }
    let page = PageRequest {
        limit: limit(params.limit)?,
        cursor: non_empty(params.cursor),
    };
    Ok((query, page))
}

fn event_filter(params: FilterParams) -> Result<EventFilter, ApiError> {
    let (query, page) = filters(params)?;
    Ok(EventFilter {
        limit: page.limit,
        cursor: page.cursor,
        ..EventFilter::from(&query)
    })
}

fn timeline_query(params: FilterParams) -> Result<TimelineQuery, ApiError> {
    if params.limit.is_some() || params.cursor.is_some() {
        return Err(ApiError::bad_request(
            "a timeline is not paginated: leave out limit and cursor",
        ));
    }
    Ok(filters(params)?.0)
}

/// Query parameters of `GET /api/search`.
#[derive(Debug, Deserialize)]
struct SearchParams {
    q: Option<String>,
    limit: Option<u32>,
}

/// What `GET /api/search` answers.
#[derive(Debug, Serialize)]
struct SearchResults {
    query: String,
    items: Vec<DocMeta>,
}

/// A checked search: the query text and the page size.
struct SearchRequest {
    q: String,
    limit: u32,
}

fn search_request(params: SearchParams) -> Result<SearchRequest, ApiError> {
    Ok(SearchRequest {
        limit: limit(params.limit)?,
        q: non_empty(params.q)
            .ok_or_else(|| ApiError::bad_request("q: give at least one word to search for"))?,
    })
}

fn search(catalog: &Catalog, request: &SearchRequest) -> CatalogResult<SearchResults> {
    Ok(SearchResults {
        query: request.q.clone(),
        items: catalog.search(&request.q, request.limit)?,
    })
}

/// A request carrying the server's bearer token; the rejection is 401
/// (missing or wrong token) or 403 (the server takes no writes). Checked
/// before the body is read.
struct Writer;

impl FromRequestParts<AppState> for Writer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Writer, ApiError> {
        authorize(&parts.headers, state.inner.token.as_deref())
    }
}

fn authorize(headers: &HeaderMap, token: Option<&str>) -> Result<Writer, ApiError> {
    let Some(token) = token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: the server was started without a token",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, given)| given.trim());
    match given {
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "this needs an Authorization: Bearer <token> header",
        )),
        Some(given) if same_secret(given.as_bytes(), token.as_bytes()) => Ok(Writer),
        Some(_) => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "wrong bearer token",
        )),
    }
}

/// Compares without stopping at the first difference, so the response time
/// does not tell how much of a guessed token is right. Hand-written: a fold
/// is all the `subtle` crate would do here.
fn same_secret(given: &[u8], secret: &[u8]) -> bool {
    given.len() == secret.len()
        && given
            .iter()
            .zip(secret)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

async fn post_documents(
    State(state): State<AppState>,
    _writer: Writer,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<IngestReport>), ApiError> {
    let body =
        body.map_err(|rejection| ApiError::new(rejection.status(), rejection.body_text()))?;
    let jsonl = ingest::body_to_jsonl(&body)?;
    let writer = state.clone();
    let report = state
        .blocking(move |c| ingest::ingest_jsonl(c, writer.settings(), jsonl))
        .await?;
    if report.stored.is_empty() && report.already_stored.is_empty() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("none of the {} records could be used", report.received),
        )
        .with_details(report.failed));
    }
    let status = if report.stored.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(report)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(authorization: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(authorization).expect("header"),
        );
        headers
    }

    fn status(result: Result<Writer, ApiError>) -> StatusCode {
        match result {
            Ok(Writer) => StatusCode::OK,
            Err(err) => err.into_response().status(),
        }
    }

    #[test]
    fn bearer_token_is_checked_exactly() {
        let token = Some("s3cret-token");
        assert_eq!(
            status(authorize(&headers("Bearer s3cret-token"), token)),
            StatusCode::OK
        );
        assert_eq!(
            status(authorize(&headers("bearer s3cret-token"), token)),
            StatusCode::OK
        );
        for wrong in [
            "Bearer s3cret-toke",
            "Bearer s3cret-token2",
            "Basic s3cret-token",
            "s3cret-token",
            "Bearer ",
        ] {
            assert_eq!(
                status(authorize(&headers(wrong), token)),
                StatusCode::UNAUTHORIZED,
                "{wrong}"
            );
        }
        assert_eq!(
            status(authorize(&HeaderMap::new(), token)),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            status(authorize(&headers("Bearer s3cret-token"), None)),
            StatusCode::FORBIDDEN
        );
    }

    #[test]
    fn filter_parameters_are_checked() {
        let params = |from: &str, to: &str| FilterParams {
            story: Some(" ".into()),
            actor: Some("Russia".into()),
            query: Some(" ceasefire ".into()),
            from: Some(from.into()),
            to: Some(to.into()),
            ..FilterParams::default()
        };
        let (query, page) = filters(params("2016-02-01", "")).expect("valid");
        assert_eq!(query.story, None);
        assert_eq!(query.actor.as_deref(), Some("Russia"));
        assert_eq!(query.text.as_deref(), Some("ceasefire"));
        assert_eq!(query.from, Some(jiff::civil::date(2016, 2, 1)));
        assert_eq!(query.to, None);
        assert_eq!(page.limit, DEFAULT_LIMIT);
        assert!(filters(params("2016-02-30", "")).is_err());
        assert!(filters(params("yesterday", "")).is_err());
        assert!(filters(params("2016-03-01", "2016-02-01")).is_err());
    }

    #[test]
    fn openapi_describes_exactly_the_routes() {
        let spec: serde_json::Value = serde_json::from_str(OPENAPI).expect("valid JSON");
        assert_eq!(spec["openapi"], "3.1.0");
        let mut described = std::collections::BTreeSet::new();
        for (path, item) in spec["paths"].as_object().expect("paths") {
            for method in item.as_object().expect("path item").keys() {
                described.insert((method.to_uppercase(), path.clone()));
            }
        }
        let routed: std::collections::BTreeSet<(String, String)> = routes()
            .into_iter()
            .map(|route| (route.method.to_string(), route.path.to_owned()))
            .collect();
        assert_eq!(described, routed);
    }

    #[test]
    fn every_openapi_reference_resolves() {
        fn refs<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
            match value {
                serde_json::Value::Object(map) => {
                    if let Some(serde_json::Value::String(r)) = map.get("$ref") {
                        out.push(r);
                    }
                    map.values().for_each(|v| refs(v, out));
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
                _ => {}
            }
        }
        let spec: serde_json::Value = serde_json::from_str(OPENAPI).expect("valid JSON");
        let mut found = Vec::new();
        refs(&spec, &mut found);
        assert!(found.len() > 20);
        for r in found {
            let pointer = r.strip_prefix('#').expect("local reference");
            assert!(spec.pointer(pointer).is_some(), "{r} does not resolve");
        }
    }

    #[test]
    fn route_paths_match_segment_by_segment() {
        assert!(path_matches("/api/documents/{id}", "/api/documents/abc"));
        assert!(!path_matches("/api/documents/{id}", "/api/documents/"));
        assert!(!path_matches("/api/documents/{id}", "/api/documents/a/b"));
        assert!(path_matches("/healthz", "/healthz"));
        assert!(!path_matches("/healthz", "/"));
    }

    #[test]
    fn limits_outside_the_range_are_refused() {
        assert_eq!(limit(None).ok(), Some(DEFAULT_LIMIT));
        assert_eq!(limit(Some(MAX_LIMIT)).ok(), Some(MAX_LIMIT));
        assert!(limit(Some(0)).is_err());
        assert!(limit(Some(MAX_LIMIT + 1)).is_err());
    }
}
