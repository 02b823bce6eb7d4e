//! Prints the temporal expressions of a text read from stdin:
//! `echo "Kerry said on Tuesday…" | cargo run -p dateline-time --example timexes -- 2015-11-17`.

use std::io::Read;

use dateline_time::{Reference, check_contradictions, find_timexes};

fn main() {
    let published = std::env::args()
        .nth(1)
        .and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("error: reading stdin: {e}");
        std::process::exit(1);
    }
    let reference = Reference { published };
    let timexes = find_timexes(&text, &reference);
    for t in &timexes {
        let m = t.r#mod.as_deref().unwrap_or("-");
        println!(
            "{}..{}\t{:?}\t{}\t{}\t{:?}\t{}",
            t.start, t.end, t.kind, t.value, m, t.anchor, t.text
        );
    }
    for issue in check_contradictions(&text, &timexes, &reference) {
        println!(
            "issue {}..{} / {}..{}: {}",
            issue.first.start, issue.first.end, issue.second.start, issue.second.end, issue.reason
        );
    }
}
