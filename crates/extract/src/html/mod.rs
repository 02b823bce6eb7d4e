//! HTML page → article: title, body paragraphs, publication date, canonical
//! URL and declared language.
//!
//! What it does: parses the page with html5ever into a compact arena
//! ([`dom`]), after a byte-level pass that empties scripts, styles and
//! comments ([`prefilter`]); reads the metadata ([`meta`]); finds the main
//! content and writes it as paragraphs ([`content`], with the furniture
//! hints of [`classify`]).
//!
//! What it doesn't: decode bytes (ingest does), or clean text inside the
//! paragraphs (the text cleaner runs on them afterwards, in `lib.rs`).

mod classify;
mod content;
mod dom;
mod meta;
mod prefilter;

use dateline_core::PublishedFrom;

use crate::article::Article;

/// Extracts the article of an HTML page; `url` is where it was fetched from.
pub(crate) fn extract_html(html: &str, url: Option<&str>) -> Article {
    let dom = dom::parse(html);
    let meta = meta::read(&dom, url);
    let mut content = content::extract(&dom, meta.title.as_deref());
    if let Some(body) = meta.json_ld_body.as_deref() {
        use_json_ld_body(&mut content, body, meta.title.as_deref());
    }
    Article {
        title: meta.title,
        paragraphs: content.paragraphs,
        published_from: if meta.published.is_some() {
            PublishedFrom::Metadata
        } else {
            PublishedFrom::None
        },
        published: meta.published,
        url: meta.url,
        language_hint: meta.language,
        removed: content.removed,
    }
}

/// Pages that build the article with a script leave little in the markup
/// but may give the whole body in JSON-LD: use it when it is much longer
/// than what the markup gave.
fn use_json_ld_body(content: &mut content::Content, body: &str, title: Option<&str>) {
    fn chars(paragraphs: &[String]) -> usize {
        paragraphs
            .iter()
            .map(|p| p.chars().filter(|c| !c.is_whitespace()).count())
            .sum()
    }
    const MIN_CHARS: usize = 400;
    let found = chars(&content.paragraphs);
    let offered = body.chars().filter(|c| !c.is_whitespace()).count();
    if offered < MIN_CHARS || found * 3 >= offered {
        return;
    }
    // Some sites put HTML in articleBody: read it as a page of its own.
    let paragraphs: Vec<String> = if body.contains("</") || body.contains("<br") {
        content::extract(&dom::parse(body), title).paragraphs
    } else {
        body.split('\n')
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|line| !line.is_empty())
            .collect()
    };
    if chars(&paragraphs) > found {
        content.paragraphs = paragraphs;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of markup that stress the parser, the prefilter and the
    /// extractor: raw-text elements, comments, entities, tables, furniture.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9 ,.éü東]{0,40}",
            prop::sample::select(vec![
                "<p>",
                "</p>",
                "<div class=\"related\">",
                "<div class='article-body'>",
                "</div>",
                "<br>",
                "<script>",
                "</script>",
                "<script type=application/ld+json>{\"datePublished\":\"2016-01-0",
                "<style>",
                "</style>",
                "<!--",
                "-->",
                "<!-->",
                "<title>",
                "</title>",
                "<textarea>",
                "<table>",
                "<tr>",
                "<td>",
                "<a href=x>",
                "</a>",
                "&amp;",
                "&#8217;",
                "&#x0;",
                "&",
                "<h1>",
                "<h2>",
                "<svg>",
                "<math>",
                "<template>",
                "<noscript>",
                "<plaintext>",
                "<select><option>",
                "<b><i>",
                "</b>",
                "<meta property=og:title content=\"T\">",
                "<meta name=date content=2016-02-30>",
                "<link rel=canonical href=\"//x\">",
                "<html lang=zz-ZZ>",
                "<body>",
                "<nav>",
                "<aside>",
                "<span class=share>",
                "<img src=a>",
                "<li>",
                "<ul>",
                "<form>",
                "<input>",
                "\"",
                "'",
                "<",
                ">",
                "</",
                "<!",
                "<?x",
                "<x y=\"",
                "<p style=\"display:none\">",
                "\u{0}",
                "\r\n",
            ])
            .prop_map(str::to_owned),
        ]
    }

    #[test]
    fn json_ld_body_fills_an_empty_page() {
        let body = "The relief convoy reached the city on Tuesday. ".repeat(12);
        let html = format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Convoy arrives","articleBody":"{body}\n\nSecond paragraph of the report."}}</script>
               <body><div id="app">Loading…</div></body>"#
        );
        let article = extract_html(&html, None);
        assert_eq!(article.paragraphs.len(), 2);
        assert_eq!(article.paragraphs[1], "Second paragraph of the report.");
        // A page that has its text keeps it.
        let html = format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"Short teaser of the story, cut off here and there by the site."}}</script>
               <body><article><p>{body}</p></article></body>"#
        );
        let article = extract_html(&html, None);
        assert_eq!(article.paragraphs, [body.trim()]);
    }

    proptest! {
        #[test]
        fn arbitrary_strings_never_panic(s in ".{0,400}") {
            let _ = extract_html(&s, None);
        }

        #[test]
        fn markup_soup_never_panics(
            pieces in prop::collection::vec(piece(), 0..80),
            url in prop::option::of("(https?://)?[a-z0-9./:-]{0,40}"),
        ) {
            let html = pieces.concat();
            let article = extract_html(&html, url.as_deref());
            for paragraph in &article.paragraphs {
                prop_assert!(!paragraph.trim().is_empty());
            }
        }
    }
}

/// Development tools over a folder of real pages, ignored by default.
///
/// - Speed of the parse alone and of the whole HTML stage, single thread,
///   best of `ROUNDS` passes:
///   `PAGES=../shared/data/extraction/html cargo test --release -p dateline-extract --lib html_stage_speed -- --ignored --nocapture`
/// - The HTML stage's own paragraphs (before the text cleaner) for each page
///   of a gold set, to score the stage alone:
///   `PAGES=…/extraction/html RAW_OUT=/tmp/raw cargo test --release -p dateline-extract --lib dump_html_stage -- --ignored`
#[cfg(test)]
mod devtools {
    use std::time::Instant;

    fn pages() -> Vec<(String, String)> {
        let Ok(dir) = std::env::var("PAGES") else {
            return Vec::new();
        };
        let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
            .expect("PAGES is a folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .map(|path| {
                let id = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("")
                    .to_owned();
                let bytes = std::fs::read(&path).expect("page is readable");
                (id, String::from_utf8_lossy(&bytes).into_owned())
            })
            .collect();
        pages.sort();
        pages
    }

    #[test]
    #[ignore = "needs PAGES pointing at a folder of HTML pages"]
    fn html_stage_speed() {
        let pages = pages();
        let bytes: usize = pages.iter().map(|(_, p)| p.len()).sum();
        let rounds: usize = std::env::var("ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(5);
        for (name, whole) in [("parse", false), ("html stage", true)] {
            let mut best = f64::MAX;
            for _ in 0..rounds {
                let start = Instant::now();
                for (_, page) in &pages {
                    if whole {
                        std::hint::black_box(super::extract_html(page, None));
                    } else {
                        std::hint::black_box(super::dom::parse(page));
                    }
                }
                best = best.min(start.elapsed().as_secs_f64());
            }
            eprintln!(
                "{name}: {:.0} pages/s, {:.1} MB/s ({} pages, best of {rounds})",
                pages.len() as f64 / best,
                bytes as f64 / 1e6 / best,
                pages.len()
            );
        }
    }

    #[test]
    #[ignore = "needs PAGES and RAW_OUT"]
    fn dump_html_stage() {
        let Ok(out) = std::env::var("RAW_OUT") else {
            return;
        };
        std::fs::create_dir_all(&out).expect("RAW_OUT is writable");
        let gold: serde_json::Value = std::env::var("PAGES")
            .ok()
            .and_then(|dir| std::fs::read(format!("{dir}/../ground-truth.json")).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        for (id, html) in pages() {
            let article = super::extract_html(&html, gold[&id]["url"].as_str());
            std::fs::write(format!("{out}/{id}.txt"), article.paragraphs.join("\n\n"))
                .expect("written");
        }
    }
}
