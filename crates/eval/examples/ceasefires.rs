//! Scores ceasefire frames until `dateline eval ceasefires` is wired:
//! `cargo run --release -p dateline-eval --example ceasefires -- FILE
//! [--errors] [--json]`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut files = Vec::new();
    let (mut errors, mut json) = (false, false);
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--errors" => errors = true,
            "--json" => json = true,
            _ => files.push(std::path::PathBuf::from(a)),
        }
    }
    for file in files {
        match dateline_eval::ceasefires::evaluate_detailed(&file) {
            Ok((report, misses)) => {
                if json {
                    println!("{}", serde_json::to_string(&report).unwrap_or_default());
                } else {
                    print!("{report}");
                }
                if errors {
                    for m in misses {
                        println!(
                            "{}\t{}\t{}\tgold={}\tpred={}",
                            m.doc, m.frame, m.field, m.gold, m.predicted
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
