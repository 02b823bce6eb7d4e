//! Linking cost per added document as the corpus grows: 1k, 10k and 100k
//! documents (`DATELINE_BENCH_SIZES=1000,10000` to choose), each built by
//! perturbing real articles from `DATELINE_BENCH_CORPUS` (default: the
//! bundled corpus; `../shared/data/corpus` gives more variety).
//!
//! Four documents in five are new: a dozen sentences drawn from different
//! articles, some words substituted; the fifth is a rewrite (dropped
//! sentences, boilerplate, truncation…) of an earlier document, so
//! near-duplicate groups form as in a real feed. Every document gets
//! entities (its capitalised words), three coded events and, one in five,
//! a ceasefire frame, dated around its publication day (about 50 documents a
//! day), so coreference and stories do real work. Each measurement adds 100
//! fresh documents to a copy of a linker already holding N.
//!
//! Printed beside criterion's numbers: the resident memory the linker of N
//! documents takes and the size of its saved state (JSON).
//!
//! `cargo bench -p dateline-link --bench link`

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dateline_core::{
    Ceasefire, CeasefireStatus, Document, Entity, EntityKind, EntityVia, Event, EventActor,
    Modality, Source, Span,
};
use dateline_link::Linker;
use dateline_link::eval::{Rewrite, rewrite};
use jiff::civil::{Date, date};
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Documents measured per iteration.
const BATCH: u64 = 100;

/// Sentences of every text file and JSONL `text` field under `dir`.
fn sentences(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                stack.extend(entries.flatten().map(|e| e.path()));
            }
        } else {
            files.push(path);
        }
    }
    files.sort();
    let mut texts = Vec::new();
    for path in files {
        let Ok(content) = std::fs::read_to_string(&path) else {
            continue;
        };
        match path.extension().and_then(|e| e.to_str()) {
            Some("txt" | "md") => texts.push(content),
            Some("jsonl") => texts.extend(content.lines().filter_map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).ok()?;
                Some(v.get("text")?.as_str()?.to_string())
            })),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for text in texts {
        for para in text.split("\n\n") {
            let mut start = 0;
            let bytes = para.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'.' && bytes.get(i + 1) == Some(&b' ') {
                    let s = para[start..=i].trim();
                    if s.split_whitespace().count() >= 6 {
                        out.push(s.to_string());
                    }
                    start = i + 1;
                }
            }
        }
    }
    out
}

fn roll(i: u64, what: u64) -> u64 {
    xxh3_64_with_seed(&i.to_le_bytes(), what)
}

/// Synthetic annotations read off the text: capitalised words as entities,
/// three events between them and sometimes a ceasefire frame.
fn annotate(doc: &mut Document, i: u64) {
    let mut prev_end = true;
    let mut offset = 0;
    for word in doc.text.split(' ') {
        let len = word.chars().count();
        let clean: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
        if !prev_end && clean.len() > 3 && clean.chars().next().is_some_and(char::is_uppercase) {
            doc.entities.push(Entity {
                start: offset,
                end: offset + len,
                text: clean.clone(),
                kind: if clean.len().is_multiple_of(2) {
                    EntityKind::Gpe
                } else {
                    EntityKind::Org
                },
                canonical: clean,
                country: None,
                code: None,
                title: None,
                via: EntityVia::Dictionary,
            });
        }
        prev_end = word.ends_with('.');
        offset += len + 1;
    }
    let published = doc.published.unwrap_or(date(2016, 1, 1));
    let day = |back: u64| {
        published
            .checked_sub(jiff::Span::new().days(back as i64))
            .unwrap_or(published)
            .to_string()
    };
    let names: Vec<String> = doc.entities.iter().map(|e| e.canonical.clone()).collect();
    let actor = |k: u64| -> Option<EventActor> {
        let name = names.get((k as usize) % names.len().max(1))?;
        Some(EventActor {
            text: name.clone(),
            canonical: Some(name.clone()),
            code: Some(name.chars().take(3).collect::<String>().to_uppercase()),
        })
    };
    let kinds = [
        ("ASSAULT", "195"),
        ("FIGHT", "190"),
        ("CONSULT", "040"),
        ("AGREE", "030"),
    ];
    for k in 0..3 {
        let r = roll(i, k);
        let (kind, cameo) = kinds[(r % 4) as usize];
        doc.events.push(Event {
            kind: kind.into(),
            cameo: cameo.into(),
            trigger: Span { start: 0, end: 1 },
            source: actor(r >> 8),
            target: actor(r >> 16),
            when: Some(day((r >> 24) % 3)),
            place: actor(r >> 32).map(|a| a.text),
            modality: Modality::Asserted,
            evidence: Vec::new(),
        });
    }
    let r = roll(i, 9);
    if r.is_multiple_of(5) {
        let statuses = [
            CeasefireStatus::Proposed,
            CeasefireStatus::Agreed,
            CeasefireStatus::InEffect,
            CeasefireStatus::Violated,
        ];
        doc.ceasefires.push(Ceasefire {
            declarer: actor(r >> 8).map(|a| a.text).into_iter().collect(),
            parties: Vec::new(),
            excluded: Vec::new(),
            scope: actor(r >> 16).map(|a| a.text),
            start: Some(day((r >> 24) % 4)),
            duration: None,
            end: None,
            status: statuses[((r >> 32) % 4) as usize],
            conditions: Vec::new(),
            reactions: Vec::new(),
            evidence: Vec::new(),
            issues: Vec::new(),
        });
    }
}

/// The `i`-th document of the synthetic feed (`made` holds the earlier ones' texts).
fn make(i: u64, pool: &[String], made: &[(String, String)]) -> (Document, (String, String)) {
    let start = date(2014, 1, 1);
    let published: Date = start
        .checked_add(jiff::Span::new().days((i / 50) as i64))
        .unwrap_or(start);
    let (title, text) = if i % 5 == 4 && !made.is_empty() {
        let (title, text) = &made[(roll(i, 1) % made.len() as u64) as usize];
        let kind = Rewrite::ALL[(roll(i, 2) % Rewrite::ALL.len() as u64) as usize];
        (title.clone(), rewrite(text, kind, i))
    } else {
        let picked: Vec<&str> = (0..12)
            .map(|k| pool[(roll(i, 100 + k) % pool.len() as u64) as usize].as_str())
            .collect();
        let title: String = picked[0]
            .split_whitespace()
            .take(8)
            .collect::<Vec<_>>()
            .join(" ");
        let body = picked
            .chunks(3)
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n");
        (title, rewrite(&body, Rewrite::Substitute, i))
    };
    let mut doc = Document::new(Source::default(), Some(title.clone()), text.clone());
    doc.published = Some(published);
    annotate(&mut doc, i);
    (doc, (title, text))
}

/// Documents `from..from + n` of the feed, one at a time.
fn feed(
    pool: &[String],
    from: u64,
    n: u64,
    made: &mut Vec<(String, String)>,
    mut sink: impl FnMut(Document),
) {
    for i in from..from + n {
        let (doc, kept) = make(i, pool, made);
        // Rewrites copy recent documents, as syndication does.
        made.push(kept);
        if made.len() > 5000 {
            made.drain(..1000);
        }
        sink(doc);
    }
}

/// CPU seconds (user + system) this thread has used, from `/proc/thread-self/stat`.
fn thread_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the parenthesised name: state is field 3, utime 14, stime 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<u64> = rest
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    let ticks = fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0);
    ticks as f64 / 100.0
}

fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

fn bench(c: &mut Criterion) {
    // A relative path is read from the repository root, where the README's
    // commands run (`cargo bench` runs a bench in its crate's folder).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::var_os("DATELINE_BENCH_CORPUS")
        .map_or_else(|| root.join("corpus"), |d| root.join(d));
    let pool = sentences(&dir);
    assert!(!pool.is_empty(), "no sentences under {}", dir.display());
    let sizes: Vec<u64> = std::env::var("DATELINE_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let mut group = c.benchmark_group("link");
    group.sample_size(10);
    group.throughput(Throughput::Elements(BATCH));
    let mut linker = Linker::new();
    let mut made = Vec::new();
    let mut have = 0;
    for size in sizes {
        let before = resident_bytes();
        // The last 1000 additions are timed in this thread's CPU time, which
        // other processes on a shared machine do not inflate.
        let timed_from = size.saturating_sub(1000).max(have);
        feed(&pool, have, timed_from - have, &mut made, |doc| {
            linker.add(&doc);
        });
        let mut timed = Vec::new();
        feed(&pool, timed_from, size - timed_from, &mut made, |doc| {
            timed.push(doc)
        });
        let cpu = thread_cpu_seconds();
        for doc in &timed {
            linker.add(doc);
        }
        let cpu = thread_cpu_seconds() - cpu;
        drop(timed);
        have = have.max(size);
        let state = serde_json::to_vec(&linker.to_state()).map_or(0, |v| v.len());
        eprintln!(
            "link/{size}: {} documents, {} duplicates, {} linked events, {} stories; \
             last {} added in {cpu:.2} s CPU ({:.0} documents/s); \
             resident memory +{:.1} MB while growing to this size (documents streamed, not kept); saved state {:.1} MB",
            linker.len(),
            linker.duplicates().len(),
            linker.event_count(),
            linker.stories().count(),
            size - timed_from,
            (size - timed_from) as f64 / cpu.max(1e-9),
            before.max(resident_bytes()).saturating_sub(before) as f64 / 1e6,
            state as f64 / 1e6
        );
        let mut batch = Vec::new();
        feed(&pool, have, BATCH + 1, &mut made.clone(), |doc| {
            batch.push(doc)
        });
        let Some(warm) = batch.pop() else { continue };
        group.bench_function(format!("add_100_at_{size}"), |b| {
            b.iter_batched_ref(
                || {
                    // A clone's vectors are full: the first addition
                    // reallocates them, so it is made here, untimed.
                    let mut l = linker.clone();
                    l.add(&warm);
                    l
                },
                |l| {
                    for doc in &batch {
                        black_box(l.add(doc));
                    }
                },
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
