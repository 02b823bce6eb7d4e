//! Builds the near-duplicate evaluation set from corpus folders, writes it as
//! JSON Lines for peers (`scripts/bench_neardup.py` runs datasketch on it),
//! and prints dateline's own report on it as JSON.
//!
//! `cargo run --release -p dateline-eval --example neardup -- OUT.jsonl DIR…`

use std::io::Write as _;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let out = PathBuf::from(args.next().ok_or("usage: neardup OUT.jsonl DIR…")?);
    let dirs: Vec<PathBuf> = args.map(PathBuf::from).collect();
    let set = dateline_eval::duplicates::dataset(&dirs)?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(&out)?);
    for doc in &set.docs {
        serde_json::to_writer(&mut file, doc)?;
        file.write_all(b"\n")?;
    }
    file.flush()?;
    let report = dateline_link::eval::evaluate(&set, dateline_link::DupConfig::default());
    eprint!("{report}");
    println!("{}", serde_json::to_string(&report)?);
    Ok(())
}
