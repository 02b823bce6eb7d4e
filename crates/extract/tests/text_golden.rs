//! Golden tests for scraped-text extraction: each folder under
//! `testdata/text/<case>/` holds an `input.txt` and the `expected.json` that
//! [`extract`] must produce from it (title, text exactly, removed kinds and
//! texts in order, and optionally published/published_from/url).
//!
//! A new real failure becomes a new folder named after what it shows. To
//! write the expected file of a new case from the current output (then read
//! it closely before committing): `DATELINE_BLESS=1 cargo test -p
//! dateline-extract --test text_golden`.

mod common;

use dateline_core::{Document, Markup, Source};
use dateline_extract::{Options, Page, extract};
use serde::{Deserialize, Serialize};

use self::common::{ExpectedRemoved, cases, removed};

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Expected {
    title: Option<String>,
    text: String,
    removed: Vec<ExpectedRemoved>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

fn run(input: &str) -> Document {
    let page = Page {
        content: input,
        markup: Markup::Text,
        url: None,
        published: None,
        source: Source::default(),
    };
    extract(page, &Options::default()).expect("extracts")
}

fn actual(doc: &Document, expected: Option<&Expected>) -> Expected {
    let json = serde_json::to_value(doc).expect("serializable");
    let field = |name: &str| json[name].as_str().map(str::to_owned);
    // Optional fields are compared only when the expected file names them.
    let wanted = |present: bool, value: Option<String>| if present { value } else { None };
    Expected {
        title: doc.title.clone(),
        text: doc.text.clone(),
        removed: removed(doc),
        published: wanted(
            expected.is_none_or(|e| e.published.is_some()),
            field("published"),
        ),
        published_from: wanted(
            expected.is_none_or(|e| e.published_from.is_some()),
            field("published_from"),
        ),
        url: wanted(
            expected.is_none_or(|e| e.url.is_some()),
            doc.source.url.clone(),
        ),
    }
}

#[test]
fn text_golden_cases() {
    let cases = cases("text", "input.txt");
    let bless = std::env::var_os("DATELINE_BLESS").is_some();
    assert!(
        bless || cases.len() >= 8,
        "expected at least 8 cases, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let input = std::fs::read_to_string(case.join("input.txt")).expect("input.txt is UTF-8");
        let doc = run(&input);
        let expected_path = case.join("expected.json");
        if bless {
            let got = actual(&doc, None);
            let json = serde_json::to_string_pretty(&got).expect("serializable") + "\n";
            std::fs::write(&expected_path, json).expect("expected.json is writable");
            continue;
        }
        let expected: Expected = serde_json::from_str(
            &std::fs::read_to_string(&expected_path).expect("expected.json exists"),
        )
        .expect("expected.json parses");
        let got = actual(&doc, Some(&expected));
        let name = case
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if got.title != expected.title {
            failures.push(format!(
                "{name}: title\n  want {:?}\n  got  {:?}",
                expected.title, got.title
            ));
        }
        if got.text != expected.text {
            failures.push(format!(
                "{name}: text\n  want {:?}\n  got  {:?}",
                expected.text, got.text
            ));
        }
        if got.removed != expected.removed {
            failures.push(format!(
                "{name}: removed\n  want {:#?}\n  got  {:#?}",
                expected.removed, got.removed
            ));
        }
        for (field, want, have) in [
            ("published", &expected.published, &got.published),
            (
                "published_from",
                &expected.published_from,
                &got.published_from,
            ),
            ("url", &expected.url, &got.url),
        ] {
            if want != have {
                failures.push(format!("{name}: {field}\n  want {want:?}\n  got  {have:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
