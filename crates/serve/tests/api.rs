//! The HTTP API end to end, in process: requests go through the router
//! (`tower::ServiceExt::oneshot`) to an in-memory store seeded with the
//! bundled corpus through the real pipeline.

mod common;

use std::collections::BTreeSet;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use dateline_serve::{AppState, BODY_LIMIT, Catalog, router};
use serde_json::Value;
use tower::ServiceExt;

const TOKEN: &str = "test-token-4f1c";

/// The VOA report of 2016-02-21 from the bundled corpus, as an API client
/// would send it.
const VOA: &str = include_str!(
    "../../../corpus/voa/2016-02-21-kerry-syrian-cease-fire-agreement-near-voice-of-america.txt"
);

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Value,
}

async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Reply {
        status,
        headers,
        body,
    }
}

async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).expect("request")).await
}

async fn post(app: &Router, token: Option<&str>, body: impl Into<Body>) -> Reply {
    let mut request =
        Request::post("/api/documents").header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    send(app, request.body(body.into()).expect("request")).await
}

fn error_message(reply: &Reply) -> &str {
    reply.body["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no JSON error in {:?}", reply.body))
}

fn voa_article() -> Value {
    serde_json::json!({
        "url": "http://www.voanews.com/content/kerry-syrian-cease-fire-agreement-near/3200300.html",
        "text": VOA,
        "published": "2016-02-21",
        "id": "client-7",
    })
}

fn seeded() -> (Router, AppState, usize) {
    let (state, report) = common::seeded_state(Some(TOKEN));
    (router(state.clone()), state, report.stored.len())
}

/// Every item of a paginated list, following `next` with pages of `limit`.
async fn walk(app: &Router, path: &str, limit: u32) -> Vec<Value> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..1000 {
        let joiner = if path.contains('?') { '&' } else { '?' };
        let uri = match &cursor {
            Some(c) => format!("{path}{joiner}limit={limit}&cursor={c}"),
            None => format!("{path}{joiner}limit={limit}"),
        };
        let reply = get(app, &uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}: {:?}", reply.body);
        let page = reply.body["items"].as_array().expect("items").clone();
        assert!(
            page.len() <= limit as usize,
            "{uri}: page of {}",
            page.len()
        );
        items.extend(page);
        match reply.body["next"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return items,
        }
    }
    panic!("{path}: pagination never ended");
}

#[tokio::test]
async fn writes_need_the_right_bearer_token() {
    let app = router(common::empty_state(Some(TOKEN)));
    let article = voa_article().to_string();

    let missing = post(&app, None, article.clone()).await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    assert!(missing.headers.contains_key(header::WWW_AUTHENTICATE));
    assert!(error_message(&missing).contains("Bearer"));

    let wrong = post(&app, Some("test-token-4f1d"), article.clone()).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_message(&wrong), "wrong bearer token");

    let listed = get(&app, "/api/documents").await;
    assert_eq!(
        listed.body["items"],
        Value::Array(Vec::new()),
        "nothing was stored"
    );

    let read_only = router(common::empty_state(None));
    let refused = post(&read_only, Some(TOKEN), article).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(error_message(&refused).contains("without a token"));
}

#[tokio::test]
async fn an_article_posted_is_processed_stored_and_read_back() {
    let app = router(common::empty_state(Some(TOKEN)));
    let created = post(&app, Some(TOKEN), voa_article().to_string()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    assert_eq!(created.body["received"], 1);
    let id = created.body["stored"][0]
        .as_str()
        .expect("stored id")
        .to_owned();

    let doc = get(&app, &format!("/api/documents/{id}")).await;
    assert_eq!(doc.status, StatusCode::OK);
    assert_eq!(doc.body["id"], id.as_str());
    // The site name is not part of the headline.
    assert_eq!(doc.body["title"], "Kerry: Syrian Cease-fire Agreement Near");
    assert_eq!(doc.body["published"], "2016-02-21");
    assert_eq!(doc.body["source"]["record_id"], "client-7");
    let text = doc.body["text"].as_str().expect("text");
    assert!(text.contains("path to peace"), "{text}");
    assert!(
        !doc.body["sentences"]
            .as_array()
            .expect("sentences")
            .is_empty()
    );
    assert!(
        !doc.body["entities"]
            .as_array()
            .expect("entities")
            .is_empty(),
        "fully annotated"
    );

    // The same article again is stored once.
    let again = post(&app, Some(TOKEN), voa_article().to_string()).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body["already_stored"][0], id.as_str());
    assert_eq!(walk(&app, "/api/documents", 10).await.len(), 1);

    // It is searchable, linked, and on the timeline with itself as source.
    let found = get(&app, "/api/search?q=Lavrov%20Kerry").await;
    assert_eq!(found.body["items"][0]["id"], id.as_str());
    let events = walk(&app, "/api/events", 1000).await;
    assert!(!events.is_empty());
    let timeline = get(&app, "/api/timeline").await;
    let entries = timeline.body["entries"].as_array().expect("entries");
    assert!(!entries.is_empty());
    for entry in entries {
        assert_eq!(entry["sources"][0]["doc"], id.as_str(), "{entry}");
    }
}

#[tokio::test]
async fn a_jsonl_batch_reports_bad_lines_and_stores_the_rest() {
    let app = router(common::empty_state(Some(TOKEN)));
    let good = serde_json::json!({"text": "Russia and Turkey declared a ceasefire across Syria on Thursday.\n\nThe truce began at midnight.", "published": "2016-12-29"});
    let body = format!("{good}\nnot json\n{{\"url\": \"http://example.com/x\"}}\n");
    let reply = post(&app, Some(TOKEN), body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    assert_eq!(reply.body["received"], 3);
    assert_eq!(reply.body["stored"].as_array().map(Vec::len), Some(1));
    let failed = reply.body["failed"].as_array().expect("failed");
    assert_eq!(failed.len(), 2);
    assert!(
        failed[0].as_str().unwrap_or("").contains("record 2"),
        "{failed:?}"
    );
    assert!(
        failed[1].as_str().unwrap_or("").contains("record 3"),
        "{failed:?}"
    );

    // Nothing usable: 422 with the reasons.
    let reply = post(&app, Some(TOKEN), "still not json\n[1,2\n").await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.body["details"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn malformed_requests_get_400_with_a_json_error() {
    let app = router(common::empty_state(Some(TOKEN)));
    for uri in [
        "/api/documents?limit=0",
        "/api/documents?limit=1001",
        "/api/documents?limit=ten",
        "/api/documents?cursor=not-a-cursor",
        "/api/stories?limit=-1",
        "/api/events?from=2016-02-30",
        "/api/ceasefires?to=yesterday",
        "/api/timeline?from=2016-03-01&to=2016-02-01",
        "/api/timeline?limit=5",
        "/api/search",
        "/api/search?q=%20%20",
        "/api/search?q=truce&limit=abc",
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{uri}: {:?}",
            reply.body
        );
        assert!(!error_message(&reply).is_empty(), "{uri}");
    }
    for body in ["", "  \n", "42", "\"an article\""] {
        let reply = post(&app, Some(TOKEN), body).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{body:?}: {:?}",
            reply.body
        );
    }
}

#[tokio::test]
async fn unknown_things_get_404_and_wrong_methods_405() {
    let app = router(common::empty_state(Some(TOKEN)));
    let missing = get(&app, "/api/documents/0123456789abcdef0123456789abcdef").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(error_message(&missing).contains("0123456789abcdef"));

    let nowhere = get(&app, "/api/nothing-here").await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert_eq!(
        error_message(&nowhere),
        "no route for GET /api/nothing-here"
    );

    let request = Request::delete("/api/documents")
        .body(Body::empty())
        .expect("request");
    let wrong = send(&app, request).await;
    assert_eq!(wrong.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(wrong.headers[header::ALLOW], "GET, POST");
    assert!(error_message(&wrong).contains("DELETE"));
}

#[tokio::test]
async fn a_body_over_the_limit_gets_413() {
    let app = router(common::empty_state(Some(TOKEN)));
    let body = vec![b' '; BODY_LIMIT + 1];
    let reply = post(&app, Some(TOKEN), body).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(!error_message(&reply).is_empty());
}

#[tokio::test]
async fn pagination_walks_every_document_exactly_once() {
    let (app, _, stored) = seeded();
    assert!(stored > 50, "the corpus has {stored} documents");
    let mut ids = Vec::new();
    for limit in [7, 1000] {
        let items = walk(&app, "/api/documents", limit).await;
        let page_ids: Vec<String> = items
            .iter()
            .map(|d| d["id"].as_str().expect("id").to_owned())
            .collect();
        let unique: BTreeSet<&String> = page_ids.iter().collect();
        assert_eq!(
            unique.len(),
            page_ids.len(),
            "no document twice (limit {limit})"
        );
        assert_eq!(page_ids.len(), stored, "every document (limit {limit})");
        ids.push(page_ids);
    }
    assert_eq!(ids[0], ids[1], "the order does not depend on the page size");

    let stories = walk(&app, "/api/stories", 3).await;
    assert!(!stories.is_empty());
    let events = walk(&app, "/api/events", 25).await;
    let unique: BTreeSet<&str> = events.iter().filter_map(|e| e["id"].as_str()).collect();
    assert_eq!(unique.len(), events.len());
}

#[tokio::test]
async fn ceasefires_are_linked_events_with_frames_and_filters_narrow_them() {
    let (app, _, _) = seeded();
    let all = walk(&app, "/api/ceasefires", 2).await;
    assert!(all.len() >= 3, "{} ceasefires", all.len());
    for ceasefire in &all {
        assert_eq!(ceasefire["type"], "CEASEFIRE", "{ceasefire}");
        assert!(ceasefire["ceasefire"]["status"].is_string(), "{ceasefire}");
    }
    let in_2016 = walk(&app, "/api/ceasefires?from=2016-01-01&to=2016-12-31", 1000).await;
    assert!(!in_2016.is_empty() && in_2016.len() < all.len());
    for ceasefire in &in_2016 {
        let date = ceasefire["date"].as_str().unwrap_or("");
        assert!(date.starts_with("2016"), "{date}");
    }
}

#[tokio::test]
async fn the_timeline_is_dated_sourced_and_filtered() {
    let (app, _, _) = seeded();
    let reply = get(&app, "/api/timeline").await;
    assert_eq!(reply.status, StatusCode::OK);
    let entries = reply.body["entries"].as_array().expect("entries");
    assert!(entries.len() > 10);
    let dates: Vec<&str> = entries.iter().filter_map(|e| e["date"].as_str()).collect();
    assert_eq!(dates.len(), entries.len());
    let day = |d: &str| d.get(..10).unwrap_or(d).to_owned();
    assert!(
        dates.windows(2).all(|w| day(w[0]) <= day(w[1])),
        "in date order: {dates:?}"
    );
    assert!(
        entries
            .iter()
            .any(|e| e["kind"] == "ceasefire" && e["status"].is_string())
    );
    // Every source is a stored document.
    let first = &entries[0]["sources"][0];
    let doc = get(
        &app,
        &format!("/api/documents/{}", first["doc"].as_str().expect("doc")),
    )
    .await;
    assert_eq!(doc.status, StatusCode::OK);
    assert_eq!(doc.body["title"], first["title"]);

    let narrowed = get(
        &app,
        "/api/timeline?from=2016-02-01&to=2016-02-29&place=Syria",
    )
    .await;
    assert_eq!(narrowed.body["query"]["from"], "2016-02-01");
    assert_eq!(narrowed.body["query"]["place"], "Syria");
    let narrowed = narrowed.body["entries"].as_array().expect("entries");
    assert!(!narrowed.is_empty() && narrowed.len() < entries.len());
    for entry in narrowed {
        let date = entry["date"].as_str().unwrap_or("");
        assert!(date.starts_with("2016-02"), "{date}");
    }
}

#[tokio::test]
async fn search_takes_any_text_without_failing() {
    let (app, _, _) = seeded();
    let reply = get(&app, "/api/search?q=Kerry%20Vienna&limit=5").await;
    assert_eq!(reply.status, StatusCode::OK);
    let items = reply.body["items"].as_array().expect("items");
    assert!(!items.is_empty() && items.len() <= 5);
    for q in [
        "%22unclosed",
        "NEAR(%20*",
        "-",
        "OR%20OR",
        "%E2%80%9Ctruce%E2%80%9D",
    ] {
        let reply = get(&app, &format!("/api/search?q={q}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{q}: {:?}", reply.body);
    }
}

#[tokio::test]
async fn openapi_describes_every_route_the_router_serves() {
    let app = router(common::empty_state(Some(TOKEN)));
    let reply = get(&app, "/openapi.json").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body["openapi"], "3.1.0");
    let paths = reply.body["paths"].as_object().expect("paths");
    assert!(paths.contains_key("/api/timeline") && paths.contains_key("/healthz"));
    for (path, item) in paths {
        for method in item.as_object().expect("path item").keys() {
            let method: Method = method.to_uppercase().parse().expect("method");
            let uri = path.replace("{id}", "0123456789abcdef");
            let request = Request::builder()
                .method(method.clone())
                .uri(&uri)
                .body(Body::empty())
                .expect("request");
            let reply = send(&app, request).await;
            assert_ne!(
                reply.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path}"
            );
            if reply.status == StatusCode::NOT_FOUND {
                assert!(
                    !error_message(&reply).starts_with("no route"),
                    "{method} {path} is not routed"
                );
            }
        }
    }
}

#[tokio::test]
async fn the_web_page_and_its_assets_are_served_with_a_strict_policy() {
    let app = router(common::empty_state(None));
    for (uri, kind, needle) in [
        ("/", "text/html", "/assets/timeline.js"),
        ("/assets/timeline.js", "text/javascript", "/api/timeline"),
        ("/assets/style.css", "text/css", ".legend"),
    ] {
        let response = app
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        assert_eq!(response.status(), StatusCode::OK);
        let headers = response.headers().clone();
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap_or("")
                .starts_with(kind)
        );
        assert!(
            headers[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap_or("")
                .contains("default-src 'none'")
        );
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        assert!(String::from_utf8_lossy(&body).contains(needle), "{uri}");
    }
    let health = get(&app, "/healthz").await;
    assert_eq!(health.body["status"], "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_file_serves_concurrent_reads_and_keeps_what_was_posted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("serve.db");
    let db = db.to_str().expect("UTF-8 path");
    let state = AppState::new(Catalog::open(db, 3).expect("open"), Some(TOKEN.into()));
    let app = router(state.clone());
    let created = post(&app, Some(TOKEN), voa_article().to_string()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    let id = created.body["stored"][0].as_str().expect("id").to_owned();

    // Reads on every connection see the committed document.
    let reads: Vec<_> = (0..12)
        .map(|i| {
            let app = app.clone();
            let uri = if i % 2 == 0 {
                "/api/documents"
            } else {
                "/api/timeline"
            };
            tokio::spawn(async move { get(&app, uri).await })
        })
        .collect();
    for (i, read) in reads.into_iter().enumerate() {
        let reply = read.await.expect("task");
        assert_eq!(reply.status, StatusCode::OK);
        if i % 2 == 0 {
            assert_eq!(reply.body["items"][0]["id"], id.as_str());
        } else {
            assert!(
                !reply.body["entries"]
                    .as_array()
                    .expect("entries")
                    .is_empty()
            );
        }
    }

    // Stopped and opened again: nothing is lost and nothing stored twice.
    state.finish().expect("finish");
    drop((app, state));
    let app = router(AppState::new(
        Catalog::open(db, 2).expect("reopen"),
        Some(TOKEN.into()),
    ));
    assert_eq!(
        get(&app, &format!("/api/documents/{id}")).await.status,
        StatusCode::OK
    );
    let again = post(&app, Some(TOKEN), voa_article().to_string()).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body["already_stored"][0], id.as_str());
    assert!(!walk(&app, "/api/events", 100).await.is_empty());
}
