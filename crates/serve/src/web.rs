//! The web timeline page: HTML, script and stylesheet compiled into the
//! binary, served with a content security policy that allows nothing from
//! outside the server.
//!
//! The page itself (`web/`) fetches `/api/timeline` and draws it; this
//! module hands out the files, and writes the self-contained variant that
//! `dateline run` leaves beside the database ([`static_page`]).

use axum::http::header;
use axum::response::{IntoResponse, Response};
use dateline_core::Timeline;

const INDEX: &str = include_str!("../web/index.html");
const SCRIPT: &str = include_str!("../web/timeline.js");
const STYLE: &str = include_str!("../web/style.css");

/// Only this server's own files, no inline code, no framing.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
                   connect-src 'self'; img-src 'self' data:; base-uri 'none'; \
                   form-action 'self'; frame-ancestors 'none'";

/// The web timeline as one self-contained HTML file showing `timeline`:
/// stylesheet, script and data inline, no query form, nothing fetched.
pub fn static_page(timeline: &Timeline, title: &str) -> String {
    // `</` inside the JSON would end the script element early.
    let data = serde_json::to_string(timeline)
        .unwrap_or_else(|_| String::from(r#"{"entries":[]}"#))
        .replace("</", "<\\/");
    let escaped_title = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    INDEX
        .replace(
            "<title>dateline — timeline</title>",
            &format!("<title>{escaped_title} — dateline</title>"),
        )
        .replace(
            r#"<link rel="stylesheet" href="/assets/style.css">"#,
            &format!("<style>\n{STYLE}</style>"),
        )
        .replace(r#"<script src="/assets/timeline.js" defer></script>"#, "")
        .replace(r#"<nav aria-label="API"><a href="/openapi.json">API description</a></nav>"#, &format!("<p>{escaped_title}</p>"))
        .replace(
            "</body>",
            &format!(
                "<script type=\"application/json\" id=\"dateline-data\">{data}</script>\n<script>\n{SCRIPT}</script>\n</body>"
            ),
        )
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_SECURITY_POLICY, CSP),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

pub(crate) async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX)
}

pub(crate) async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

pub(crate) async fn stylesheet() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

#[cfg(test)]
mod tests {
    use dateline_core::{DatePrecision, EntryKind, TimelineEntry, TimelineQuery};

    use super::*;

    #[test]
    fn the_static_page_carries_its_data_and_assets_and_fetches_nothing() {
        let timeline = Timeline {
            query: TimelineQuery::default(),
            entries: vec![TimelineEntry {
                date: "2016-07-06T01:00+03:00".into(),
                precision: DatePrecision::Time,
                summary: "Truce </script><b>takes effect</b>".into(),
                kind: EntryKind::Ceasefire,
                status: None,
                events: vec![],
                sources: vec![],
                disagreements: vec![],
            }],
        };
        let page = static_page(&timeline, "Syria <truce>");
        assert!(page.contains("<title>Syria &lt;truce&gt; — dateline</title>"));
        assert!(page.contains(r#"id="dateline-data""#));
        assert!(page.contains("2016-07-06T01:00+03:00"));
        assert_eq!(
            page.matches("</script>").count(),
            2,
            "the summary cannot close the data element"
        );
        assert!(!page.contains("/assets/"), "assets are inline");
        assert!(page.contains(".legend"), "the stylesheet is inline");
        assert!(page.contains("embedded"), "the script is inline");
    }
}
