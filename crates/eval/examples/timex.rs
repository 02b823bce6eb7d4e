//! Scores dateline-time on TIMEX3 gold files until `dateline eval timex` is
//! wired: `cargo run --release -p dateline-eval --example timex -- FILE...
//! [--errors OUT.tsv] [--json]`.

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
    let mut out: Option<std::fs::File> =
        match errors.as_ref().map(std::fs::File::create).transpose() {
            Ok(f) => f,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
    for file in files {
        match dateline_eval::timex::evaluate_detailed(&file) {
            Ok((report, mismatches)) => {
                if json {
                    match serde_json::to_string(&report) {
                        Ok(s) => println!("{s}"),
                        Err(e) => eprintln!("error: {e}"),
                    }
                } else {
                    println!("{report}\n");
                }
                if let Some(out) = out.as_mut() {
                    for m in mismatches {
                        let show = |t: &Option<(String, String, String)>| {
                            t.as_ref()
                                .map_or("-\t-\t-".to_string(), |(a, b, c)| format!("{a}\t{b}\t{c}"))
                        };
                        let _ = writeln!(
                            out,
                            "{}\t{}\t{}\t{}\t{}\t{}",
                            m.kind,
                            m.dct,
                            show(&m.gold),
                            show(&m.predicted),
                            m.context,
                            m.doc
                        );
                    }
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
