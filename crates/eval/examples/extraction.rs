//! Scores the HTML extractor on a gold set and prints the report.
//!
//! ```text
//! cargo run --release -p dateline-eval --example extraction -- DIR [--json] [--speed ROUNDS]
//! ```
//!
//! `--speed ROUNDS` also times ROUNDS extra passes and prints the best;
//! `--dump OUT` writes each page's title, date and body to `OUT/<id>.txt`
//! instead (for reading the differences); `--score-dir PRED` scores the
//! bodies in `PRED/<id>.txt` (e.g. the HTML stage's own paragraphs, written
//! by the `dump_html_stage` dev test of `dateline-extract`) instead.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut dir = None;
    let mut json = false;
    let mut rounds = 0;
    let mut dump = None;
    let mut score_dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--dump" => dump = args.next().map(PathBuf::from),
            "--score-dir" => score_dir = args.next().map(PathBuf::from),
            "--speed" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(5),
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let dir = dir.unwrap_or_else(|| PathBuf::from("/work/shared/data/extraction"));
    if let Some(out) = dump {
        return dump_predictions(&dir, &out);
    }
    if let Some(predictions) = score_dir {
        return score_predictions(&dir, &predictions);
    }
    let report = match dateline_eval::extraction::evaluate(&dir) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(err) => {
                eprintln!("error: {err}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{report}");
    }
    if rounds > 0 {
        match dateline_eval::extraction::measure_speed(&dir, rounds) {
            Ok((pages, mb)) => {
                println!("best of {rounds} passes: {pages:.0} pages/s, {mb:.1} MB/s on one thread")
            }
            Err(err) => eprintln!("error: {err}"),
        }
    }
    ExitCode::SUCCESS
}

fn dump_predictions(dir: &std::path::Path, out: &std::path::Path) -> ExitCode {
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        std::fs::create_dir_all(out)?;
        let gold: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("ground-truth.json"))?)?;
        let Some(pages) = gold.as_object() else {
            return Err("ground-truth.json is not an object".into());
        };
        for (id, page) in pages {
            let bytes = std::fs::read(dir.join("html").join(format!("{id}.html")))?;
            let html = String::from_utf8_lossy(&bytes);
            let input = dateline_extract::Page {
                content: &html,
                markup: dateline_core::Markup::Html,
                url: page["url"].as_str(),
                published: None,
                source: dateline_core::Source::default(),
            };
            let text = match dateline_extract::extract(input, &dateline_extract::Options::default())
            {
                Ok(doc) => format!(
                    "TITLE: {}\nDATE: {:?} {:?}\nURL: {:?}\nLANG: {:?}\nREMOVED: {:?}\n\n{}\n",
                    doc.title.unwrap_or_default(),
                    doc.published,
                    doc.published_from,
                    doc.source.url,
                    doc.language,
                    doc.removed,
                    doc.text
                ),
                Err(err) => format!("ERROR: {err}\n"),
            };
            std::fs::write(out.join(format!("{id}.txt")), text)?;
        }
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn score_predictions(dir: &std::path::Path, predictions: &std::path::Path) -> ExitCode {
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        let gold: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("ground-truth.json"))?)?;
        let Some(pages) = gold.as_object() else {
            return Err("ground-truth.json is not an object".into());
        };
        let mut triples = Vec::new();
        for (id, page) in pages {
            let predicted = std::fs::read_to_string(predictions.join(format!("{id}.txt")))?;
            let body = page["articleBody"].as_str().unwrap_or_default();
            triples.push(dateline_eval::extraction::score_pair(body, &predicted));
        }
        let m = dateline_eval::extraction::metrics(&triples);
        println!(
            "{} pages: precision {:.4} recall {:.4} F1 {:.4}",
            triples.len(),
            m.precision,
            m.recall,
            m.f1
        );
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
