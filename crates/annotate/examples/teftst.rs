//! Throughput and a look at the output over a folder of scraped articles:
//!
//! ```text
//! cargo run --release -p dateline-annotate --example teftst -- [DIR] [--dump] [--quotes]
//! ```
//!
//! DIR defaults to `/work/shared/data/corpus/teftst` (74 Syria articles of
//! 2016: title line, `KEY: value` header lines, body). The header is
//! skipped; `DATE:` gives the publication date. Prints documents per second
//! on one thread (best of `PASSES` passes, default 5; the dictionaries are
//! compiled once, before timing), then the most frequent entities per kind
//! and a sample of quotes and quantities. `--dump` prints every entity with
//! its context, `--quotes` every quote and quantity.

use std::collections::BTreeMap;
use std::time::Instant;

use dateline_annotate::{Annotations, Annotator};
use jiff::civil::Date;

fn body(raw: &str) -> (String, Option<Date>) {
    let mut date = None;
    let mut lines = Vec::new();
    let mut header = true;
    for line in raw.lines() {
        if header {
            if let Some((key, value)) = line.split_once(':')
                && matches!(key, "TITLE" | "URL" | "DATE" | "SOURCE")
            {
                if key == "DATE" {
                    date = value.trim().get(..10).and_then(|d| d.parse().ok());
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            header = false;
        }
        lines.push(line);
    }
    (lines.join("\n"), date)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().any(|a| a == "--dump");
    let dump_quotes = args.iter().any(|a| a == "--quotes");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "/work/shared/data/corpus/teftst".to_string());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<(String, Option<Date>)> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|raw| body(&raw))
        .collect();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();

    let t0 = Instant::now();
    let annotator = Annotator::new();
    let build = t0.elapsed();
    println!(
        "dictionaries: {} phrases compiled in {:.0} ms",
        annotator.dictionary_size(),
        build.as_secs_f64() * 1e3
    );

    let mut out: Vec<Annotations> = Vec::new();
    let passes: usize = std::env::var("PASSES")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(5);
    let mut best = f64::MAX;
    for _ in 0..passes.max(1) {
        let t = Instant::now();
        out = docs
            .iter()
            .map(|(text, date)| annotator.annotate_at(text, *date))
            .collect();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} documents, {:.1} KB: {:.0} docs/s, {:.1} MB/s (one thread, best of {passes} passes)",
        docs.len(),
        bytes as f64 / 1e3,
        docs.len() as f64 / best,
        bytes as f64 / best / 1e6,
    );

    let mut counts: BTreeMap<(String, String, String, String), usize> = BTreeMap::new();
    let (mut ents, mut quotes, mut attributed, mut qty) = (0, 0, 0, 0);
    for ((text, _), a) in docs.iter().zip(&out) {
        ents += a.entities.len();
        quotes += a.quotes.len();
        attributed += a.quotes.iter().filter(|q| q.speaker.is_some()).count();
        qty += a.quantities.len();
        for e in &a.entities {
            if dump {
                let before: String = text
                    .chars()
                    .skip(e.start.saturating_sub(30))
                    .take(e.start.min(30))
                    .collect();
                let after: String = text.chars().skip(e.end).take(20).collect();
                println!(
                    "{}\t{}\t{}\t{}\t{:?}\t{}[[{}]]{}",
                    e.kind.as_str(),
                    e.text,
                    e.canonical,
                    e.code.as_deref().unwrap_or("-"),
                    e.via,
                    before.replace('\n', " "),
                    e.text,
                    after.replace('\n', " ")
                );
            }
            *counts
                .entry((
                    e.kind.as_str().to_string(),
                    e.canonical.clone(),
                    e.code.clone().unwrap_or_default(),
                    format!("{:?}", e.via),
                ))
                .or_default() += 1;
        }
        if dump_quotes {
            for q in &a.quotes {
                let s: String = text.chars().skip(q.start).take(q.end - q.start).collect();
                let sp = q
                    .speaker_span
                    .map(|sp| {
                        text.chars()
                            .skip(sp.start)
                            .take(sp.end - sp.start)
                            .collect::<String>()
                    })
                    .unwrap_or_default();
                println!(
                    "QUOTE\t{}\t{}\t{}\t{}",
                    q.speaker.as_deref().unwrap_or("-"),
                    q.speaker_code.as_deref().unwrap_or("-"),
                    sp,
                    s.chars().take(80).collect::<String>().replace('\n', " ")
                );
            }
            for q in &a.quantities {
                println!(
                    "QTY\t{:?}\t{:?}\t{}\t{:?}\t{}",
                    q.kind,
                    q.value,
                    q.r#mod.as_deref().unwrap_or("-"),
                    q.duration,
                    q.text.replace('\n', " ")
                );
            }
        }
    }
    println!("{ents} entities, {quotes} quotes ({attributed} with a speaker), {qty} quantities");
    for kind in ["PERSON", "ORG", "GROUP", "GPE", "LOC"] {
        let mut rows: Vec<_> = counts.iter().filter(|((k, ..), _)| k == kind).collect();
        rows.sort_by(|a, b| b.1.cmp(a.1));
        println!("\n{kind}:");
        for ((_, canonical, code, via), n) in rows.iter().take(25) {
            println!("  {n:>4}  {canonical:<40} {code:<10} {via}");
        }
    }
    println!("\nquotes:");
    for ((text, _), a) in docs.iter().zip(&out).take(6) {
        for q in a.quotes.iter().take(3) {
            let s: String = text
                .chars()
                .skip(q.start)
                .take(60.min(q.end - q.start))
                .collect();
            println!("  {:<28} {s:?}", q.speaker.as_deref().unwrap_or("-"));
        }
    }
    println!("\nquantities:");
    for a in out.iter().take(30) {
        for q in &a.quantities {
            println!(
                "  {:<10} {:>8?} {:<6} {:?}",
                format!("{:?}", q.kind),
                q.value,
                q.r#mod.as_deref().unwrap_or(""),
                q.text
            );
        }
    }
    Ok(())
}
