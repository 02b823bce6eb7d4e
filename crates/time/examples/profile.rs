//! A fixed workload for profilers: `find_timexes` over JSONL documents
//! (`{"dct": "YYYY-MM-DD", "text": …}` a line, the gold-set format) for a
//! number of passes, on one thread.
//!
//! ```text
//! cargo build --release -p dateline-time --example profile
//! valgrind --tool=callgrind --toggle-collect='dateline_time::find_timexes' \
//!     target/release/examples/profile 5 ../shared/data/temporal/timebank.jsonl
//! ```
//!
//! Instruction counts are what to compare between versions: the machine is
//! shared, so wall-clock timings of a few milliseconds say little.

use dateline_time::{Reference, find_timexes};

fn main() {
    let mut args = std::env::args().skip(1);
    let passes: usize = match args.next().map(|p| p.parse()) {
        Some(Ok(p)) => p,
        _ => {
            eprintln!("usage: profile PASSES FILE.jsonl…");
            std::process::exit(2);
        }
    };
    let mut docs = Vec::new();
    for path in args {
        let data = match std::fs::read_to_string(&path) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: reading {path}: {e}");
                std::process::exit(1);
            }
        };
        for (n, line) in data
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: serde_json::Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("error: {path} line {}: {e}", n + 1);
                    std::process::exit(1);
                }
            };
            let published = v["dct"]
                .as_str()
                .and_then(|d| d.get(..10))
                .and_then(|d| d.parse::<jiff::civil::Date>().ok());
            let text = v["text"].as_str().unwrap_or_default().to_string();
            docs.push((text, Reference { published }));
        }
    }
    let mut found = 0usize;
    for _ in 0..passes {
        for (text, reference) in &docs {
            found += std::hint::black_box(find_timexes(text, reference)).len();
        }
    }
    println!(
        "{} documents × {passes} passes: {found} timexes",
        docs.len()
    );
}
