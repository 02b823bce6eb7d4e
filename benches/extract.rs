//! Extraction throughput: the text path on the bundled articles, the HTML
//! path on the golden test pages, and — when `DATELINE_BENCH_HTML` names a
//! folder of real pages (e.g. `../shared/data/extraction/html`) — on those.
//!
//! `cargo bench --bench extract`; the side-by-side comparison with
//! trafilatura is `scripts/bench_extraction.py`.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_core::{Markup, Source};
use dateline_extract::{Options, Page, extract};

fn files(dir: &Path, wanted: &dyn Fn(&Path) -> bool) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if wanted(&path)
                && let Ok(bytes) = std::fs::read(&path)
            {
                found.push((path, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    found.sort();
    found
}

fn bench_pages(c: &mut Criterion, name: &str, markup: Markup, pages: &[(PathBuf, String)]) {
    if pages.is_empty() {
        return;
    }
    let options = Options::default();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(
        pages.iter().map(|(_, s)| s.len() as u64).sum(),
    ));
    group.bench_function(format!("{} pages", pages.len()), |b| {
        b.iter(|| {
            for (_, content) in pages {
                let page = Page {
                    content,
                    markup,
                    url: None,
                    published: None,
                    source: Source::default(),
                };
                let _ = std::hint::black_box(extract(page, &options));
            }
        })
    });
    group.finish();
}

fn extraction(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = files(&root.join("corpus"), &|p| {
        p.extension().is_some_and(|e| e == "txt")
    });
    bench_pages(c, "extract_text", Markup::Text, &text);
    let is_html = |p: &Path| p.extension().is_some_and(|e| e == "html");
    let golden = files(&root.join("crates/extract/testdata/html"), &is_html);
    bench_pages(c, "extract_html_golden", Markup::Html, &golden);
    if let Some(dir) = std::env::var_os("DATELINE_BENCH_HTML") {
        bench_pages(
            c,
            "extract_html_real",
            Markup::Html,
            &files(Path::new(&dir), &is_html),
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = extraction
}
criterion_main!(benches);
