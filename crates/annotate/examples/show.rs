//! Prints the annotations of a text file (or standard input) one per line:
//! `cargo run -p dateline-annotate --example show -- FILE [YYYY-MM-DD]`.

use std::io::Read;

use dateline_annotate::Annotator;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut text = String::new();
    match args.next() {
        Some(path) if path != "-" => text = std::fs::read_to_string(path)?,
        _ => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let date = args
        .next()
        .and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let annotator = Annotator::new();
    let t = std::time::Instant::now();
    let found = annotator.annotate_at(&text, date);
    eprintln!("annotated in {:.3} s", t.elapsed().as_secs_f64());
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let slice = |a: usize, b: usize| {
        let (s, e) = (
            offsets[a.min(offsets.len() - 1)],
            offsets[b.min(offsets.len() - 1)],
        );
        text[s..e].to_string()
    };
    for s in &found.sentences {
        println!("S  {:?}", slice(s.start, s.end));
    }
    for e in &found.entities {
        println!(
            "E  {:<32} {:<6} {:<34} {:<4} {:<10} {:?}{}",
            format!("{:?}", e.text),
            e.kind.as_str(),
            e.canonical,
            e.country.as_deref().unwrap_or("-"),
            e.code.as_deref().unwrap_or("-"),
            e.via,
            e.title
                .map(|t| format!(" title={:?}", slice(t.start, t.end)))
                .unwrap_or_default()
        );
    }
    for q in &found.quotes {
        println!(
            "Q  {:<24} {:<10} {:?}",
            q.speaker.as_deref().unwrap_or("-"),
            q.speaker_code.as_deref().unwrap_or("-"),
            slice(q.start, q.end).chars().take(70).collect::<String>()
        );
    }
    for q in &found.quantities {
        println!(
            "N  {:<10?} {:?} approx={} mod={:?} unit={:?} dur={:?} {:?}",
            q.kind, q.value, q.approx, q.r#mod, q.unit, q.duration, q.text
        );
    }
    Ok(())
}
