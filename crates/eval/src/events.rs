//! Event coding scored against the PETRARCH validation records and the
//! PLOVER gold standard records.
//!
//! PETRARCH (`petrarch_validation.dev.jsonl`): precision, recall and F1 over
//! (source, target, CAMEO code) triples per record, micro-averaged; exactly,
//! at the CAMEO root (first two digits), and at the country level (first
//! three characters of each actor code, CAMEO root). Only dyadic events
//! count, as in PETRARCH (`require_dyad`): a coded source and target that
//! differ. `noevents` records and `expected_error` records (the sentence or
//! story should be discarded, so nothing is expected) count every predicted
//! triple as a false positive. The invented-country suites are coded with
//! the validation actor and agent dictionaries (`cameo/PETR.Validate.*.txt`
//! next to the gold file); the `gsr` suite (real AFP sentences) with the
//! bundled dictionaries.
//!
//! PLOVER (`plover_gsr.dev.jsonl`): event-type accuracy, a record counting
//! as right when the first non-speech event coded is of the gold type.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline_core::Event;
use dateline_events::{EventCoder, SPEECH_TYPE};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Counts and scores of one measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Predicted triples that match gold.
    pub true_positives: usize,
    /// Predicted triples that do not.
    pub false_positives: usize,
    /// Gold triples not predicted.
    pub false_negatives: usize,
    /// TP / (TP + FP).
    pub precision: f64,
    /// TP / (TP + FN).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Scores {
    fn add(&mut self, tp: usize, fp: usize, fn_: usize) {
        self.true_positives += tp;
        self.false_positives += fp;
        self.false_negatives += fn_;
        let p = ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        );
        let r = ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        );
        self.precision = p;
        self.recall = r;
        self.f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The PETRARCH validation scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventsReport {
    /// Records scored.
    pub records: usize,
    /// Gold triples.
    pub gold: usize,
    /// Predicted dyadic triples.
    pub predicted: usize,
    /// (source, target, code) exactly.
    pub exact: Scores,
    /// (source, target, CAMEO root).
    pub root: Scores,
    /// (source country, target country, CAMEO root).
    pub country: Scores,
    /// Root-level scores per suite.
    pub suites: Vec<(String, Scores)>,
    /// Sentences coded per second (annotation included, one thread).
    pub sentences_per_second: f64,
}

/// One record's miss, for error analysis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventMismatch {
    /// Record id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// Gold triples `SRC>TGT:CODE`.
    pub gold: Vec<String>,
    /// Predicted triples.
    pub predicted: Vec<String>,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    suite: String,
    text: String,
    #[serde(default)]
    expected: Vec<Triple>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    noevents: bool,
    #[serde(default)]
    expected_error: Option<String>,
}

#[derive(Clone, Deserialize)]
struct Triple {
    source: String,
    target: String,
    code: String,
}

fn read_lines<T: for<'de> Deserialize<'de>>(file: &Path) -> Result<Vec<T>> {
    let text = std::fs::read_to_string(file).map_err(|source| Error::Read {
        path: file.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        out.push(serde_json::from_str(line).map_err(|source| Error::Json {
            path: file.to_path_buf(),
            source,
        })?);
    }
    if out.is_empty() {
        return Err(Error::Empty(file.to_path_buf()));
    }
    Ok(out)
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn build_err(path: PathBuf, e: dateline_annotate::Error) -> Error {
    Error::Read {
        path,
        source: std::io::Error::other(e),
    }
}

/// The coder for the invented-country suites: validation dictionaries next
/// to the gold file (`cameo/PETR.Validate.{actors,agents,discards}.txt`).
fn validation_coder(file: &Path, suite_verbs: bool) -> Result<EventCoder> {
    let dir = file.parent().unwrap_or(Path::new(".")).join("cameo");
    let actors = dir.join("PETR.Validate.actors.txt");
    let agents = dir.join("PETR.Validate.agents.txt");
    let mut builder = EventCoder::builder()
        .actors(read(&actors)?)
        .agents(read(&agents)?)
        .discards(read(&dir.join("PETR.Validate.discards.txt"))?);
    if suite_verbs {
        builder = builder.verbs(read(&dir.join("PETR.Validate.verbs.txt"))?);
    }
    builder.build().map_err(|e| build_err(actors, e))
}

/// Dyadic triples of the coded events, deduplicated.
fn triples(events: &[Event]) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = Vec::new();
    for e in events {
        if e.kind == SPEECH_TYPE {
            continue;
        }
        let (Some(s), Some(t)) = (
            e.source.as_ref().and_then(|a| a.code.clone()),
            e.target.as_ref().and_then(|a| a.code.clone()),
        ) else {
            continue;
        };
        if s == t {
            continue;
        }
        let k = (s, t, e.cameo.clone());
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// Multiset intersection size.
fn overlap(gold: &[String], pred: &[String]) -> usize {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for g in gold {
        *left.entry(g.as_str()).or_default() += 1;
    }
    let mut n = 0;
    for p in pred {
        if let Some(c) = left.get_mut(p.as_str())
            && *c > 0
        {
            *c -= 1;
            n += 1;
        }
    }
    n
}

fn key(level: u8, s: &str, t: &str, c: &str) -> String {
    // Some records write an agent with no country PETRARCH's internal way,
    // `~REB`; it is `---REB`.
    let norm = |a: &str| match a.strip_prefix('~') {
        Some(rest) => format!("---{rest}"),
        None => a.to_string(),
    };
    let (s, t) = (norm(s), norm(t));
    let (s, t) = (s.as_str(), t.as_str());
    let root = c.get(..2).unwrap_or(c);
    match level {
        0 => format!("{s}>{t}:{c}"),
        1 => format!("{s}>{t}:{root}"),
        _ => format!(
            "{}>{}:{root}",
            s.get(..3).unwrap_or(s),
            t.get(..3).unwrap_or(t)
        ),
    }
}

fn date_of(s: Option<&str>) -> Option<jiff::civil::Date> {
    let s = s?;
    let (y, m, d) = (s.get(..4)?, s.get(4..6)?, s.get(6..8)?);
    jiff::civil::Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// Scores event coding on the PETRARCH validation records, coding each
/// suite with the dictionaries its expected codes came from: the petrarch2
/// suites (`unittest`, `validate140226`) with the validation actors, agents
/// and verbs (`PETR.Validate.verbs.txt`, largely WEIS-derived codes);
/// UniversalPetrarch's (`udpetr_2_02`) with the validation actors and agents
/// and the bundled CAMEO.2.0 verbs; `gsr` with the bundled dictionaries.
pub fn evaluate(file: &Path) -> Result<EventsReport> {
    evaluate_detailed(file, true).map(|r| r.0)
}

/// [`evaluate`] with the bundled CAMEO.2.0 verb dictionary for every suite
/// (only the actors and agents come from the validation dictionaries).
pub fn evaluate_cameo_verbs(file: &Path) -> Result<EventsReport> {
    evaluate_detailed(file, false).map(|r| r.0)
}

/// [`evaluate`] (`suite_verbs`) or [`evaluate_cameo_verbs`], plus every
/// record where the root-level triples differ.
pub fn evaluate_detailed(
    file: &Path,
    suite_verbs: bool,
) -> Result<(EventsReport, Vec<EventMismatch>)> {
    let records: Vec<Record> = read_lines(file)?;
    let validation = validation_coder(file, suite_verbs)?;
    let universal = validation_coder(file, false)?;
    let real = EventCoder::new();
    let mut report = EventsReport::default();
    let mut suites: Vec<(String, Scores)> = Vec::new();
    let mut misses = Vec::new();
    let started = Instant::now();
    let mut sentences = 0usize;
    for r in &records {
        let coder = match r.suite.as_str() {
            "gsr" => &real,
            // UniversalPetrarch's validation records were coded with CAMEO verbs.
            "udpetr_2_02" => &universal,
            _ => &validation,
        };
        let published = date_of(r.date.as_deref());
        let ann = coder.annotate(&r.text, published);
        sentences += ann.sentences.len().max(1);
        let events = coder.code(&r.text, &ann, published, &[]);
        let pred = triples(&events);
        let nothing_expected = r.noevents || r.expected_error.is_some();
        let gold: Vec<&Triple> = if nothing_expected {
            Vec::new()
        } else {
            r.expected.iter().collect()
        };
        report.records += 1;
        report.gold += gold.len();
        report.predicted += pred.len();
        for level in 0..3u8 {
            let g: Vec<String> = gold
                .iter()
                .map(|t| key(level, &t.source, &t.target, &t.code))
                .collect();
            let p: Vec<String> = pred.iter().map(|(s, t, c)| key(level, s, t, c)).collect();
            let tp = overlap(&g, &p);
            let scores = match level {
                0 => &mut report.exact,
                1 => &mut report.root,
                _ => &mut report.country,
            };
            scores.add(tp, p.len() - tp, g.len() - tp);
            if level == 1 {
                let i = match suites.iter().position(|(n, _)| *n == r.suite) {
                    Some(i) => i,
                    None => {
                        suites.push((r.suite.clone(), Scores::default()));
                        suites.len() - 1
                    }
                };
                if let Some(s) = suites.get_mut(i) {
                    s.1.add(tp, p.len() - tp, g.len() - tp);
                }
                if tp != g.len() || tp != p.len() {
                    misses.push(EventMismatch {
                        id: r.id.clone(),
                        text: r.text.clone(),
                        gold: gold
                            .iter()
                            .map(|t| key(0, &t.source, &t.target, &t.code))
                            .collect(),
                        predicted: pred.iter().map(|(s, t, c)| key(0, s, t, c)).collect(),
                    });
                }
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    report.sentences_per_second = if secs > 0.0 {
        sentences as f64 / secs
    } else {
        0.0
    };
    report.suites = suites;
    Ok((report, misses))
}

/// PLOVER event-type accuracy.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PloverReport {
    /// Records scored.
    pub records: usize,
    /// Records whose first coded event has the gold type.
    pub correct: usize,
    /// Records with no event coded at all.
    pub uncoded: usize,
    /// correct / records.
    pub accuracy: f64,
    /// Accuracy over the records where something was coded.
    pub accuracy_when_coded: f64,
    /// Per gold type: (records, correct).
    pub types: Vec<(String, usize, usize)>,
}

#[derive(Deserialize)]
struct PloverRecord {
    text: String,
    expected: Vec<PloverEvent>,
}

#[derive(Deserialize)]
struct PloverEvent {
    event: String,
}

/// Scores PLOVER event types on `plover_gsr.dev.jsonl`.
pub fn evaluate_plover(file: &Path) -> Result<PloverReport> {
    let records: Vec<PloverRecord> = read_lines(file)?;
    let coder = EventCoder::new();
    let mut report = PloverReport::default();
    let mut types: Vec<(String, usize, usize)> = Vec::new();
    for r in &records {
        let Some(gold) = r.expected.first().map(|e| e.event.as_str()) else {
            continue;
        };
        let events = coder.code_text(&r.text, None, &[]);
        let first = events
            .iter()
            .find(|e| e.kind != SPEECH_TYPE && (e.source.is_some() || e.target.is_some()))
            .or_else(|| events.iter().find(|e| e.kind != SPEECH_TYPE));
        report.records += 1;
        let ok = first.is_some_and(|e| e.kind == gold);
        if !ok && std::env::var_os("DATELINE_PLOVER_MISSES").is_some() {
            eprintln!(
                "PLOVER miss: gold {gold}, coded {:?}: {}",
                first.map(|e| (e.kind.as_str(), e.cameo.as_str())),
                r.text
            );
        }
        if first.is_none() {
            report.uncoded += 1;
        }
        if ok {
            report.correct += 1;
        }
        match types.iter_mut().find(|t| t.0 == gold) {
            Some(t) => {
                t.1 += 1;
                t.2 += usize::from(ok);
            }
            None => types.push((gold.to_string(), 1, usize::from(ok))),
        }
    }
    types.sort();
    report.types = types;
    report.accuracy = ratio(report.correct, report.records);
    report.accuracy_when_coded = ratio(report.correct, report.records - report.uncoded);
    Ok(report)
}

fn row(f: &mut fmt::Formatter<'_>, name: &str, s: &Scores) -> fmt::Result {
    writeln!(
        f,
        "{name:<22} {:>9.3} {:>9.3} {:>9.3} {:>6} {:>6} {:>6}",
        s.precision, s.recall, s.f1, s.true_positives, s.false_positives, s.false_negatives
    )
}

impl fmt::Display for EventsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} records, {} gold triples, {} predicted, {:.0} sentences/s",
            self.records, self.gold, self.predicted, self.sentences_per_second
        )?;
        writeln!(
            f,
            "{:<22} {:>9} {:>9} {:>9} {:>6} {:>6} {:>6}",
            "triples", "precision", "recall", "F1", "TP", "FP", "FN"
        )?;
        row(f, "exact", &self.exact)?;
        row(f, "root", &self.root)?;
        row(f, "country + root", &self.country)?;
        for (name, s) in &self.suites {
            row(f, &format!("root: {name}"), s)?;
        }
        Ok(())
    }
}

impl fmt::Display for PloverReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} records, PLOVER type accuracy {:.3} ({} right, {} uncoded; {:.3} when coded)",
            self.records, self.accuracy, self.correct, self.uncoded, self.accuracy_when_coded
        )?;
        for (t, n, c) in &self.types {
            writeln!(f, "{t:<12} {c:>4}/{n:<4}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiset_overlap() {
        let g = vec!["A>B:19".to_string(), "A>B:19".to_string()];
        let p = vec!["A>B:19".to_string()];
        assert_eq!(overlap(&g, &p), 1);
        assert_eq!(key(2, "ARNGOV", "GON", "0871"), "ARN>GON:08");
    }

    #[test]
    fn scores_accumulate() {
        let mut s = Scores::default();
        s.add(1, 1, 0);
        assert!((s.precision - 0.5).abs() < 1e-9 && (s.recall - 1.0).abs() < 1e-9);
    }

    /// The shared gold sets; run with `--ignored --nocapture`. Set
    /// `DATELINE_EVENT_MISSES=FILE` to write the misses as JSON lines.
    #[test]
    #[ignore = "needs ../shared/data/events"]
    fn shared_gold_sets() -> Result<()> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/events");
        let gold = dir.join("petrarch_validation.dev.jsonl");
        println!("CAMEO.2.0 verbs only:\n{}", evaluate_cameo_verbs(&gold)?);
        let (report, misses) = evaluate_detailed(&gold, true)?;
        println!("suite verbs for the invented-country suites:\n{report}");
        if let Ok(out) = std::env::var("DATELINE_EVENT_MISSES") {
            let lines: Vec<String> = misses
                .iter()
                .filter_map(|m| serde_json::to_string(m).ok())
                .collect();
            let _ = std::fs::write(out, lines.join("\n"));
        }
        println!("{}", evaluate_plover(&dir.join("plover_gsr.dev.jsonl"))?);
        Ok(())
    }
}
