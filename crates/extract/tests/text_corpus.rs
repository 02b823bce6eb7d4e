//! Runs text extraction and cleaning over a folder of real scraped articles
//! and prints what was removed, by kind, for a person to read.
//!
//! The corpus is evaluation data that is not in the repository, so the test
//! is ignored by default:
//!
//! (`DATELINE_SHOW_KEPT=1` also prints the short paragraphs that were kept.)
//!
//! ```text
//! DATELINE_TEXT_CORPUS=../shared/data/corpus/teftst \
//!     cargo test -p dateline-extract --test text_corpus -- --ignored --nocapture
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;

use dateline_core::{Markup, Source};
use dateline_extract::{Options, Page, extract};

#[test]
#[ignore = "needs DATELINE_TEXT_CORPUS pointing at a folder of scraped .txt articles"]
fn corpus_removals_by_kind() {
    let Some(dir) = std::env::var_os("DATELINE_TEXT_CORPUS").map(PathBuf::from) else {
        eprintln!("DATELINE_TEXT_CORPUS is not set; nothing to do");
        return;
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let show_kept = std::env::var_os("DATELINE_SHOW_KEPT").is_some();
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut files_with_removals = 0;
    for path in &paths {
        let content = std::fs::read_to_string(path).expect("corpus file is UTF-8");
        let page = Page {
            content: &content,
            markup: Markup::Text,
            url: None,
            published: None,
            source: Source::default(),
        };
        let doc = extract(page, &Options::default()).expect("extracts");
        assert!(doc.title.is_some(), "{}: no title", path.display());
        assert!(!doc.text.is_empty(), "{}: no text", path.display());
        if show_kept {
            // Short kept paragraphs are where missed furniture would hide.
            for p in doc
                .text
                .split("\n\n")
                .filter(|p| p.split_whitespace().count() < 12)
            {
                println!("   kept             {p}");
            }
        }
        if doc.removed.is_empty() {
            continue;
        }
        files_with_removals += 1;
        println!(
            "== {}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
        for r in &doc.removed {
            *counts.entry(r.kind.as_str()).or_default() += 1;
            let shown: String = r.text.chars().take(140).collect();
            println!("   {:<16} {shown}", r.kind.as_str());
        }
    }
    println!(
        "\n{} files, {} with removals",
        paths.len(),
        files_with_removals
    );
    print_throughput(&paths);
    for (kind, n) in &counts {
        println!("{kind:<16} {n}");
    }
}

/// Prints extraction time per document and per paragraph (informative only;
/// run with `--release` for meaningful numbers).
fn print_throughput(paths: &[PathBuf]) {
    let contents: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let rounds = 20;
    let mut paragraphs = 0;
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for content in &contents {
            let page = Page {
                content,
                markup: Markup::Text,
                url: None,
                published: None,
                source: Source::default(),
            };
            if let Ok(doc) = extract(page, &Options::default()) {
                paragraphs += doc.text.split("\n\n").count() + doc.removed.len();
            }
        }
    }
    let elapsed = start.elapsed();
    let docs = (contents.len() * rounds).max(1);
    println!(
        "{:.1} µs per document, {:.2} µs per paragraph (language detection included)",
        elapsed.as_secs_f64() * 1e6 / docs as f64,
        elapsed.as_secs_f64() * 1e6 / paragraphs.max(1) as f64,
    );
}
