//! Throughput of the whole annotate stage on real articles: sentences,
//! entities, quotes and numbers ([`Annotator::annotate_at`]), time
//! expressions ([`find_timexes`]), event coding ([`EventCoder::code`]) and
//! ceasefire frames ([`CeasefireFinder::find`]), one thread, reported in
//! articles per second (criterion's `Throughput::Elements`): articles/s per
//! core.
//!
//! Articles: the bundled corpus (`corpus/seeds`, `corpus/voa`, the items of
//! `corpus/wcep.jsonl`) and, when `DATELINE_BENCH_CORPUS` names a folder of
//! `.txt` articles (e.g. `../shared/data/corpus/teftst`; a relative path is
//! read from the repository root), those too.
//!
//! `cargo bench -p dateline-events --bench annotate`

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_annotate::Annotator;
use dateline_events::{CeasefireFinder, EventCoder};
use dateline_time::{Reference, find_timexes};
use jiff::civil::Date;

/// One article: its text and publication date.
struct Article {
    text: String,
    published: Option<Date>,
}

/// The `DATE: 2016-01-11 15:34:10` line of a scraped article's header.
fn header_date(text: &str) -> Option<Date> {
    text.lines()
        .take(8)
        .find_map(|l| l.strip_prefix("DATE:"))
        .and_then(|d| d.trim().get(..10))
        .and_then(|d| d.parse().ok())
}

/// The `.txt` files in `dir` (not below it), sorted.
fn text_files(dir: &Path) -> Vec<Article> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|text| Article {
            published: header_date(&text),
            text,
        })
        .collect()
}

/// The items of a JSON-lines file with `text` and `published` fields.
fn json_lines(path: &Path) -> Vec<Article> {
    let Ok(all) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    all.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            Some(Article {
                text: v.get("text")?.as_str()?.to_string(),
                published: v
                    .get("published")
                    .and_then(|d| d.as_str())
                    .and_then(|d| d.get(..10))
                    .and_then(|d| d.parse().ok()),
            })
        })
        .collect()
}

/// The bundled corpus.
fn bundled() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut out = text_files(&dir.join("seeds"));
    out.extend(text_files(&dir.join("voa")));
    out.extend(json_lines(&dir.join("wcep.jsonl")));
    out
}

/// Tools built once, as the pipeline builds them.
struct Stage {
    annotator: Annotator,
    coder: EventCoder,
    finder: CeasefireFinder,
}

impl Stage {
    /// The whole annotate stage on one article; returns how much it found.
    fn run(&self, a: &Article) -> usize {
        let reference = a
            .published
            .map_or_else(Reference::unknown, Reference::published);
        let ann = self.annotator.annotate_at(&a.text, a.published);
        let timexes = find_timexes(&a.text, &reference);
        let events = self.coder.code(&a.text, &ann, a.published, &timexes);
        let frames = self.finder.find(&a.text, &ann, &timexes, a.published);
        ann.entities.len() + timexes.len() + events.len() + frames.len()
    }
}

fn bench_set(c: &mut Criterion, stage: &Stage, name: &str, articles: &[Article]) {
    if articles.is_empty() {
        return;
    }
    let chars: usize = articles.iter().map(|a| a.text.chars().count()).sum();
    let mut group = c.benchmark_group("annotate stage");
    group.sample_size(10);
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function(
        format!("{name}: {} articles, {chars} chars", articles.len()),
        |b| {
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| stage.run(std::hint::black_box(a)))
                    .sum::<usize>()
            })
        },
    );
    group.finish();
}

fn annotate_stage(c: &mut Criterion) {
    let stage = Stage {
        annotator: Annotator::new(),
        coder: EventCoder::new(),
        finder: CeasefireFinder::new(),
    };
    bench_set(c, &stage, "bundled corpus", &bundled());
    if let Some(dir) = corpus_from_env() {
        let articles = text_files(&dir);
        assert!(
            !articles.is_empty(),
            "no .txt articles in {}",
            dir.display()
        );
        bench_set(c, &stage, "DATELINE_BENCH_CORPUS", &articles);
    }
}

/// `DATELINE_BENCH_CORPUS`, a relative path read from the repository root
/// (where the README's commands run; `cargo bench` runs a bench in its
/// crate's folder). A folder that is not there stops the bench.
fn corpus_from_env() -> Option<PathBuf> {
    // Joining an absolute path replaces the root.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(std::env::var_os("DATELINE_BENCH_CORPUS")?);
    assert!(
        dir.is_dir(),
        "DATELINE_BENCH_CORPUS: no folder at {}",
        dir.display()
    );
    Some(dir)
}

criterion_group!(benches, annotate_stage);
criterion_main!(benches);
