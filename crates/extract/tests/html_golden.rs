//! Golden tests for HTML extraction: each folder under
//! `testdata/html/<case>/` holds an `input.html` (and, when the page needs
//! one, the URL it was fetched from in `url.txt`) and the `expected.json`
//! that [`extract`] must produce: title, publication date and where it came
//! from, URL, language, the text exactly, and the removed pieces in order.
//!
//! The pages are invented for these tests. A new real failure becomes a new
//! folder named after what it shows. To write the expected file of a new
//! case from the current output (then read it closely before committing):
//! `DATELINE_BLESS=1 cargo test -p dateline-extract --test html_golden`.

mod common;

use dateline_core::{Document, Markup, Source};
use dateline_extract::{Options, Page, extract};
use serde::{Deserialize, Serialize};

use self::common::{ExpectedRemoved, cases, removed};

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Expected {
    title: Option<String>,
    published: Option<String>,
    published_from: String,
    url: Option<String>,
    language: Option<String>,
    text: String,
    removed: Vec<ExpectedRemoved>,
}

fn run(html: &str, url: Option<&str>) -> dateline_extract::Result<Document> {
    let page = Page {
        content: html,
        markup: Markup::Html,
        url,
        published: None,
        source: Source::default(),
    };
    extract(page, &Options::default())
}

fn actual(doc: &Document) -> Expected {
    let json = serde_json::to_value(doc).expect("serializable");
    Expected {
        title: doc.title.clone(),
        published: json["published"].as_str().map(str::to_owned),
        published_from: json["published_from"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        url: doc.source.url.clone(),
        language: doc.language.clone(),
        text: doc.text.clone(),
        removed: removed(doc),
    }
}

#[test]
fn golden_cases() {
    let bless = std::env::var_os("DATELINE_BLESS").is_some();
    let cases = cases("html", "input.html");
    assert!(!cases.is_empty(), "no cases under testdata/html");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_owned();
        let html = std::fs::read_to_string(case.join("input.html")).expect("input.html is UTF-8");
        let url = std::fs::read_to_string(case.join("url.txt"))
            .ok()
            .map(|u| u.trim().to_owned());
        let doc = run(&html, url.as_deref()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got = actual(&doc);
        let expected_path = case.join("expected.json");
        if bless {
            let text = serde_json::to_string_pretty(&got).expect("serializable") + "\n";
            std::fs::write(&expected_path, text).expect("expected.json is writable");
            continue;
        }
        let expected: Expected = serde_json::from_str(
            &std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("{name}: expected.json: {e}")),
        )
        .unwrap_or_else(|e| panic!("{name}: expected.json: {e}"));
        if got != expected {
            failures.push(format!(
                "{name}:\n  expected {}\n  got      {}",
                serde_json::to_string(&expected).unwrap_or_default(),
                serde_json::to_string(&got).unwrap_or_default()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Ten thousand nested elements must neither overflow the stack nor lose
/// the text at the bottom.
#[test]
fn deeply_nested_tags() {
    let depth = 10_000;
    let mut html = String::from("<html><head><title>Deep</title></head><body>");
    for i in 0..depth {
        html.push_str(if i % 2 == 0 {
            "<div>"
        } else {
            "<section><span>"
        });
    }
    html.push_str(
        "<p>The bottom of a very deep page still holds a sentence, and it should come out.</p>",
    );
    for i in (0..depth).rev() {
        html.push_str(if i % 2 == 0 {
            "</div>"
        } else {
            "</span></section>"
        });
    }
    html.push_str("</body></html>");
    let doc = run(&html, None).expect("extracts");
    assert_eq!(
        doc.text,
        "The bottom of a very deep page still holds a sentence, and it should come out."
    );
    // Unclosed formatting elements nest too (and are reconstructed).
    let html = format!(
        "<p>{}Lost in formatting but still here.",
        "<b><i>".repeat(depth)
    );
    let doc = run(&html, None).expect("extracts");
    assert_eq!(doc.text, "Lost in formatting but still here.");
}

/// Markup with no text gives an error, not a panic or an empty document.
#[test]
fn pages_without_text() {
    for html in [
        "<html></html>",
        "<body>   </body>",
        "<script>var a = 1;</script>",
        "<!-- only -->",
    ] {
        assert!(run(html, None).is_err(), "{html:?}");
    }
}
