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
    let content = content::extract(&dom, meta.title.as_deref());
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

#[cfg(test)]
mod timing {
    #[test]
    #[ignore]
    fn time_parse() {
        let dir = std::env::var("PAGES").unwrap_or("/work/shared/data/extraction/html".into());
        let dir = std::path::Path::new(&dir);
        let mut pages = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(e.unwrap().path()).unwrap();
            pages.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        let total: usize = pages.iter().map(|p| p.len()).sum();
        let mut best = f64::MAX;
        for _ in 0..std::env::var("ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(2)
        {
            let t = std::time::Instant::now();
            let mut n = 0;
            for p in &pages {
                let d = super::dom::parse(p);
                n += d.len();
            }
            let s = t.elapsed().as_secs_f64();
            if std::env::var("QUIET").is_err() {
                eprintln!(
                    "{} pages {:.1} MB/s {:.0} pages/s nodes {}",
                    pages.len(),
                    total as f64 / s / 1e6,
                    pages.len() as f64 / s,
                    n
                );
            }
            best = best.min(s);
        }
        eprintln!(
            "best {:.0} pages/s {:.1} MB/s",
            pages.len() as f64 / best,
            total as f64 / best / 1e6
        );
        for depth in if std::env::var("DEEP").is_ok() {
            vec![10_000usize, 20_000]
        } else {
            vec![]
        } {
            let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
            let t = std::time::Instant::now();
            super::dom::parse(&html);
            eprintln!("div {depth}: {:?}", t.elapsed());
            let html = format!("{}deep", "<span><b>".repeat(depth));
            let t = std::time::Instant::now();
            super::dom::parse(&html);
            eprintln!("span b {depth}: {:?}", t.elapsed());
        }
    }
}
