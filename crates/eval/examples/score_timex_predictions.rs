//! Scores another tagger's TIMEX3 predictions with dateline's scorer, until
//! `dateline eval timex GOLD --predictions PRED.jsonl` is wired:
//!
//! `cargo run --release -p dateline-eval --example score_timex_predictions --
//! GOLD.jsonl PRED.jsonl [--json] [--errors OUT.tsv]`
//!
//! PRED.jsonl is `{"doc_id", "timexes": [{"start","end","text","type","value"}]}`
//! per line, character offsets into the gold document's text (see
//! `dateline_eval::timex::evaluate_predictions`). Used by
//! `scripts/bench_timex.py`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut files = Vec::new();
    let mut errors: Option<PathBuf> = None;
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--errors" => errors = args.next().map(PathBuf::from),
            "--json" => json = true,
            _ => files.push(PathBuf::from(a)),
        }
    }
    let [gold, pred] = files.as_slice() else {
        eprintln!(
            "usage: score_timex_predictions GOLD.jsonl PRED.jsonl [--json] [--errors OUT.tsv]"
        );
        return ExitCode::from(2);
    };
    let (report, mismatches) = match dateline_eval::timex::evaluate_predictions_detailed(gold, pred)
    {
        Ok(r) => r,
        Err(e) => {
            let mut msg = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                msg.push_str(&format!(": {s}"));
                source = s.source();
            }
            eprintln!("error: {msg}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        match serde_json::to_string(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        println!("{report}");
    }
    if let Some(path) = errors {
        let write = || -> std::io::Result<()> {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
            let show = |t: &Option<(String, String, String)>| {
                t.as_ref()
                    .map_or("-\t-\t-".to_string(), |(a, b, c)| format!("{a}\t{b}\t{c}"))
            };
            for m in mismatches {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    m.kind,
                    m.dct,
                    m.doc,
                    show(&m.gold),
                    show(&m.predicted),
                    m.context
                )?;
            }
            out.flush()
        };
        if let Err(e) = write() {
            eprintln!("error: writing {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
