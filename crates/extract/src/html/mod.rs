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
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of markup that stress the parser, the prefilter and the
    /// extractor: raw-text elements, comments, entities, tables, furniture.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9 ,.éü東]{0,40}",
            prop::sample::select(vec![
                "<p>", "</p>", "<div class=\"related\">", "<div class='article-body'>", "</div>", "<br>",
                "<script>", "</script>", "<script type=application/ld+json>{\"datePublished\":\"2016-01-0",
                "<style>", "</style>", "<!--", "-->", "<!-->", "<title>", "</title>", "<textarea>", "<table>",
                "<tr>", "<td>", "<a href=x>", "</a>", "&amp;", "&#8217;", "&#x0;", "&", "<h1>", "<h2>", "<svg>",
                "<math>", "<template>", "<noscript>", "<plaintext>", "<select><option>", "<b><i>", "</b>",
                "<meta property=og:title content=\"T\">", "<meta name=date content=2016-02-30>",
                "<link rel=canonical href=\"//x\">", "<html lang=zz-ZZ>", "<body>", "<nav>", "<aside>",
                "<span class=share>", "<img src=a>", "<li>", "<ul>", "<form>", "<input>", "\"", "'", "<", ">",
                "</", "<!", "<?x", "<x y=\"", "<p style=\"display:none\">", "\u{0}", "\r\n",
            ])
            .prop_map(str::to_owned),
        ]
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
                if std::env::var("FULL").is_ok() {
                    n += super::extract_html(p, None).paragraphs.len();
                } else {
                    let d = super::dom::parse(p);
                    n += d.len();
                }
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

#[cfg(test)]
mod dump {
    /// Writes the raw (uncleaned) paragraphs of every dev page to `RAW_OUT`.
    #[test]
    #[ignore]
    fn dump_raw() {
        let (Ok(dir), Ok(out)) = (std::env::var("PAGES"), std::env::var("RAW_OUT")) else { return };
        std::fs::create_dir_all(&out).expect("out dir");
        let gold: serde_json::Value =
            serde_json::from_slice(&std::fs::read(format!("{dir}/../ground-truth.json")).expect("gold")).expect("json");
        for entry in std::fs::read_dir(&dir).expect("dir") {
            let path = entry.expect("entry").path();
            let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_owned();
            let html = String::from_utf8_lossy(&std::fs::read(&path).expect("page")).into_owned();
            let article = super::extract_html(&html, gold[&id]["url"].as_str());
            std::fs::write(format!("{out}/{id}.txt"), article.paragraphs.join("\n\n")).expect("write");
        }
    }
}
