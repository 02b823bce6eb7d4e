//! Temporal expressions (TIMEX3), scored with the TempEval-3 metrics.
//!
//! The gold set is JSON lines, one document each:
//! `{doc_id, dct, text, timexes: [{tid, start, end, text, type, value}]}`
//! with character offsets into `text` and `dct` the document creation time
//! (see `shared/data/temporal/README.md`). Each text goes through
//! [`dateline_time::find_timexes`] with the DCT as publication date, and:
//!
//! - **strict** span: a prediction with exactly a gold timex's start and end;
//! - **relaxed** span: predictions and gold timexes that overlap, matched one
//!   to one (each gold timex takes the unmatched prediction it overlaps most);
//! - **value**: a relaxed match whose value string equals the gold value
//!   exactly; precision over all predictions, recall over all gold timexes;
//! - **type accuracy**: the share of relaxed matches with the gold type.
//!
//! Per type, recall counts gold timexes of that type and precision
//! predictions of that type. Speed is documents per second of
//! `find_timexes` alone, on one thread, over repeated passes.
//!
//! [`evaluate_predictions`] scores another tagger's output with the same
//! matching and metrics: a JSON-lines file of
//! `{doc_id, timexes: [{start, end, text, type, value}]}` with character
//! offsets into the gold document's `text`. Its speed is not measured.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline_core::{Timex, TimexType};
use dateline_time::{Reference, find_timexes};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Time spent re-running the corpus to measure speed (at least one pass).
const TIMING_BUDGET: Duration = Duration::from_millis(800);

#[derive(Deserialize)]
struct GoldDoc {
    doc_id: String,
    dct: String,
    text: String,
    timexes: Vec<GoldTimex>,
}

/// One document of a predictions file.
#[derive(Deserialize)]
struct PredDoc {
    doc_id: String,
    #[serde(default)]
    timexes: Vec<PredTimex>,
}

/// One predicted timex of a predictions file.
#[derive(Deserialize)]
struct PredTimex {
    start: usize,
    end: usize,
    #[serde(default)]
    text: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

/// A prediction as the scorer sees it, from dateline-time or from a file.
struct Pred<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'a str,
    value: &'a str,
}

impl<'a> From<&'a Timex> for Pred<'a> {
    fn from(t: &'a Timex) -> Pred<'a> {
        Pred {
            start: t.start,
            end: t.end,
            text: &t.text,
            kind: type_name(t.kind),
            value: &t.value,
        }
    }
}

impl<'a> From<&'a PredTimex> for Pred<'a> {
    fn from(t: &'a PredTimex) -> Pred<'a> {
        Pred {
            start: t.start,
            end: t.end,
            text: &t.text,
            kind: &t.kind,
            value: &t.value,
        }
    }
}

#[derive(Deserialize)]
struct GoldTimex {
    start: usize,
    end: usize,
    text: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

/// Precision, recall and F1 of one measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Correct predictions over predictions.
    pub precision: f64,
    /// Correct predictions over gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    fn new(correct_p: usize, predicted: usize, correct_r: usize, gold: usize) -> Prf {
        let p = ratio(correct_p, predicted);
        let r = ratio(correct_r, gold);
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            precision: p,
            recall: r,
            f1,
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The scores of one TIMEX3 type.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TypeScores {
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Gold timexes of this type.
    pub gold: usize,
    /// Predictions of this type.
    pub predicted: usize,
    /// Strict span match.
    pub strict: Prf,
    /// Relaxed (overlap) span match.
    pub relaxed: Prf,
    /// Relaxed match with the exact value.
    pub value: Prf,
}

/// The TempEval-3 scores of one gold file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimexReport {
    /// The gold file.
    pub file: PathBuf,
    /// The predictions file scored, or `None` when dateline-time itself ran.
    pub predictions: Option<PathBuf>,
    /// Documents scored.
    pub documents: usize,
    /// Gold timexes.
    pub gold: usize,
    /// Predicted timexes.
    pub predicted: usize,
    /// Strict span match.
    pub strict: Prf,
    /// Relaxed (overlap, one-to-one) span match.
    pub relaxed: Prf,
    /// Relaxed match with the exact gold value.
    pub value: Prf,
    /// Relaxed matches with the gold type, over relaxed matches.
    pub type_accuracy: f64,
    /// The same scores per gold/predicted type.
    pub per_type: Vec<TypeScores>,
    /// Documents per second of recognition alone, one thread; `None` when
    /// not measured (predictions read from a file).
    pub docs_per_second: Option<f64>,
}

/// One disagreement with the gold, for error analysis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimexMismatch {
    /// Document id.
    pub doc: String,
    /// Its creation time.
    pub dct: String,
    /// `missed` (no overlapping prediction), `spurious` (no overlapping
    /// gold), `value` (matched, wrong value), `type` (right value, wrong type).
    pub kind: &'static str,
    /// The gold expression, type and value, if any.
    pub gold: Option<(String, String, String)>,
    /// The predicted expression, type and value, if any.
    pub predicted: Option<(String, String, String)>,
    /// The text around it, the expression in brackets.
    pub context: String,
}

fn type_name(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

const TYPES: [&str; 4] = ["DATE", "TIME", "DURATION", "SET"];

fn read_gold(file: &Path) -> Result<Vec<(GoldDoc, Reference)>> {
    let raw = fs::read_to_string(file).map_err(|source| Error::Read {
        path: file.to_path_buf(),
        source,
    })?;
    let mut docs = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let located = || PathBuf::from(format!("{}:{}", file.display(), n + 1));
        let doc: GoldDoc = serde_json::from_str(line).map_err(|source| Error::Json {
            path: located(),
            source,
        })?;
        let published = doc
            .dct
            .get(..10)
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
            .ok_or_else(|| Error::Json {
                path: located(),
                source: <serde_json::Error as serde::de::Error>::custom(format!(
                    "bad dct {:?}",
                    doc.dct
                )),
            })?;
        docs.push((doc, Reference::published(published)));
    }
    if docs.is_empty() {
        return Err(Error::Empty(file.to_path_buf()));
    }
    Ok(docs)
}

/// Scores `dateline-time` against a TIMEX3 gold file.
pub fn evaluate(file: &Path) -> Result<TimexReport> {
    evaluate_detailed(file).map(|(r, _)| r)
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    predicted: usize,
    strict_p: usize,
    strict_r: usize,
    relaxed_p: usize,
    relaxed_r: usize,
    value_p: usize,
    value_r: usize,
}

/// Like [`evaluate`], also listing every disagreement with the gold.
pub fn evaluate_detailed(file: &Path) -> Result<(TimexReport, Vec<TimexMismatch>)> {
    let docs = read_gold(file)?;
    let mut tally = Tally::default();
    for (doc, reference) in &docs {
        let pred = find_timexes(&doc.text, reference);
        let pred: Vec<Pred<'_>> = pred.iter().map(Pred::from).collect();
        tally.score_doc(doc, &pred);
    }
    // Speed: whole passes over the corpus until the budget is spent.
    let started = Instant::now();
    let mut passes = 0usize;
    while passes == 0 || started.elapsed() < TIMING_BUDGET {
        for (doc, reference) in &docs {
            std::hint::black_box(find_timexes(std::hint::black_box(&doc.text), reference));
        }
        passes += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    let speed = if secs > 0.0 {
        (docs.len() * passes) as f64 / secs
    } else {
        0.0
    };
    Ok(tally.finish(file, None, docs.len(), Some(speed)))
}

/// Scores another tagger's predictions against a TIMEX3 gold file, with the
/// same matching and metrics as [`evaluate`].
///
/// `predictions` is JSON lines, one document each:
/// `{"doc_id": "...", "timexes": [{"start", "end", "text", "type", "value"}]}`
/// with character offsets into the gold document's `text` (`text` may be
/// left out). A gold document missing from the predictions predicts nothing;
/// a `doc_id` not in the gold, a repeated one, or offsets outside the text
/// are errors located at their line. Speed is not measured
/// (`docs_per_second` is `None`).
pub fn evaluate_predictions(gold: &Path, predictions: &Path) -> Result<TimexReport> {
    evaluate_predictions_detailed(gold, predictions).map(|(r, _)| r)
}

/// Like [`evaluate_predictions`], also listing every disagreement with the
/// gold.
pub fn evaluate_predictions_detailed(
    gold: &Path,
    predictions: &Path,
) -> Result<(TimexReport, Vec<TimexMismatch>)> {
    let docs = read_gold(gold)?;
    let mut by_id: std::collections::HashMap<&str, Option<PredDoc>> = docs
        .iter()
        .map(|(d, _)| (d.doc_id.as_str(), None))
        .collect();
    let lengths: std::collections::HashMap<&str, usize> = docs
        .iter()
        .map(|(d, _)| (d.doc_id.as_str(), d.text.chars().count()))
        .collect();
    let raw = fs::read_to_string(predictions).map_err(|source| Error::Read {
        path: predictions.to_path_buf(),
        source,
    })?;
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let located = || PathBuf::from(format!("{}:{}", predictions.display(), n + 1));
        let bad = |msg: String| Error::Json {
            path: located(),
            source: <serde_json::Error as serde::de::Error>::custom(msg),
        };
        let doc: PredDoc = serde_json::from_str(line).map_err(|source| Error::Json {
            path: located(),
            source,
        })?;
        let Some(slot) = by_id.get_mut(doc.doc_id.as_str()) else {
            return Err(bad(format!(
                "unknown doc_id {:?}: not in {}",
                doc.doc_id,
                gold.display()
            )));
        };
        if slot.is_some() {
            return Err(bad(format!("doc_id {:?} appears twice", doc.doc_id)));
        }
        let len = lengths.get(doc.doc_id.as_str()).copied().unwrap_or(0);
        if let Some(t) = doc.timexes.iter().find(|t| t.start > t.end || t.end > len) {
            return Err(bad(format!(
                "doc_id {:?}: timex {}..{} is outside its text of {len} characters",
                doc.doc_id, t.start, t.end
            )));
        }
        *slot = Some(doc);
    }
    let mut tally = Tally::default();
    for (doc, _) in &docs {
        let pred: Vec<Pred<'_>> = by_id
            .get(doc.doc_id.as_str())
            .and_then(Option::as_ref)
            .map(|p| p.timexes.iter().map(Pred::from).collect())
            .unwrap_or_default();
        tally.score_doc(doc, &pred);
    }
    Ok(tally.finish(gold, Some(predictions), docs.len(), None))
}

/// Counts over a whole gold file, filled one document at a time.
#[derive(Default)]
struct Tally {
    all: Counts,
    per: [Counts; 4],
    typed: usize,
    type_ok: usize,
    mismatches: Vec<TimexMismatch>,
}

impl Tally {
    fn finish(
        self,
        file: &Path,
        predictions: Option<&Path>,
        documents: usize,
        docs_per_second: Option<f64>,
    ) -> (TimexReport, Vec<TimexMismatch>) {
        let (all, per) = (self.all, self.per);
        let per_type = TYPES
            .iter()
            .zip(per)
            .map(|(k, c)| TypeScores {
                kind: (*k).to_string(),
                gold: c.gold,
                predicted: c.predicted,
                strict: Prf::new(c.strict_p, c.predicted, c.strict_r, c.gold),
                relaxed: Prf::new(c.relaxed_p, c.predicted, c.relaxed_r, c.gold),
                value: Prf::new(c.value_p, c.predicted, c.value_r, c.gold),
            })
            .collect();
        let report = TimexReport {
            file: file.to_path_buf(),
            predictions: predictions.map(Path::to_path_buf),
            documents,
            gold: all.gold,
            predicted: all.predicted,
            strict: Prf::new(all.strict_p, all.predicted, all.strict_r, all.gold),
            relaxed: Prf::new(all.relaxed_p, all.predicted, all.relaxed_r, all.gold),
            value: Prf::new(all.value_p, all.predicted, all.value_r, all.gold),
            type_accuracy: ratio(self.type_ok, self.typed),
            per_type,
            docs_per_second,
        };
        (report, self.mismatches)
    }
}

fn type_index(name: &str) -> Option<usize> {
    TYPES.iter().position(|t| *t == name)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

impl Tally {
    fn score_doc(&mut self, doc: &GoldDoc, pred: &[Pred<'_>]) {
        let Tally {
            all,
            per,
            typed,
            type_ok,
            mismatches,
        } = self;
        all.gold += doc.timexes.len();
        all.predicted += pred.len();
        for g in &doc.timexes {
            if let Some(k) = type_index(&g.kind) {
                per[k].gold += 1;
            }
        }
        for p in pred {
            if let Some(k) = type_index(p.kind) {
                per[k].predicted += 1;
            }
        }
        // One-to-one overlap matching: each gold timex takes the unmatched
        // prediction it overlaps most.
        let mut taken = vec![false; pred.len()];
        let mut pair: Vec<Option<usize>> = vec![None; doc.timexes.len()];
        for (gi, g) in doc.timexes.iter().enumerate() {
            let best = pred
                .iter()
                .enumerate()
                .filter(|(pi, p)| !taken[*pi] && overlap((g.start, g.end), (p.start, p.end)) > 0)
                .max_by_key(|(_, p)| overlap((g.start, g.end), (p.start, p.end)));
            if let Some((pi, _)) = best {
                taken[pi] = true;
                pair[gi] = Some(pi);
            }
        }
        let context = |s: usize, e: usize| -> String {
            let chars: Vec<char> = doc.text.chars().collect();
            let a = s.saturating_sub(50).min(chars.len());
            let (s, e) = (s.min(chars.len()), e.min(chars.len()));
            let b = (e + 50).min(chars.len());
            let cut =
                |x: usize, y: usize| chars[x..y].iter().collect::<String>().replace('\n', " ");
            format!("{}[{}]{}", cut(a, s), cut(s, e), cut(e, b))
        };
        for (gi, g) in doc.timexes.iter().enumerate() {
            let gk = type_index(&g.kind);
            let gold_t = Some((g.text.clone(), g.kind.clone(), g.value.clone()));
            let Some(pi) = pair[gi] else {
                mismatches.push(TimexMismatch {
                    doc: doc.doc_id.clone(),
                    dct: doc.dct.clone(),
                    kind: "missed",
                    gold: gold_t,
                    predicted: None,
                    context: context(g.start, g.end),
                });
                continue;
            };
            let p = &pred[pi];
            let pk = type_index(p.kind);
            let strict = p.start == g.start && p.end == g.end;
            let value = p.value == g.value;
            let add = |c: &mut Counts, recall_side: bool, precision_side: bool| {
                if recall_side {
                    c.relaxed_r += 1;
                    c.strict_r += usize::from(strict);
                    c.value_r += usize::from(value);
                }
                if precision_side {
                    c.relaxed_p += 1;
                    c.strict_p += usize::from(strict);
                    c.value_p += usize::from(value);
                }
            };
            add(&mut *all, true, true);
            if let Some(k) = gk {
                add(&mut per[k], true, false);
            }
            if let Some(k) = pk {
                add(&mut per[k], false, true);
            }
            *typed += 1;
            let same_type = p.kind == g.kind;
            *type_ok += usize::from(same_type);
            if !value || !same_type {
                mismatches.push(TimexMismatch {
                    doc: doc.doc_id.clone(),
                    dct: doc.dct.clone(),
                    kind: if value { "type" } else { "value" },
                    gold: gold_t,
                    predicted: Some((p.text.into(), p.kind.into(), p.value.into())),
                    context: context(g.start.min(p.start), g.end.max(p.end)),
                });
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            if !taken[pi] {
                mismatches.push(TimexMismatch {
                    doc: doc.doc_id.clone(),
                    dct: doc.dct.clone(),
                    kind: "spurious",
                    gold: None,
                    predicted: Some((p.text.into(), p.kind.into(), p.value.into())),
                    context: context(p.start, p.end),
                });
            }
        }
    }
}

impl fmt::Display for TimexReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} documents, {} gold timexes, {} predicted",
            self.file.display(),
            self.documents,
            self.gold,
            self.predicted
        )?;
        writeln!(
            f,
            "{:<10} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
            "type", "gold", "pred", "strict F1", "relax P", "relax R", "relax F1"
        )?;
        let row = |f: &mut fmt::Formatter<'_>,
                   name: &str,
                   gold: usize,
                   pred: usize,
                   s: Prf,
                   r: Prf,
                   v: Prf| {
            writeln!(
                f,
                "{:<10} {:>9} {:>9} {:>9.3} {:>9.3} {:>9.3} {:>9.3}   value P {:.3} R {:.3} F1 {:.3}",
                name, gold, pred, s.f1, r.precision, r.recall, r.f1, v.precision, v.recall, v.f1
            )
        };
        row(
            f,
            "all",
            self.gold,
            self.predicted,
            self.strict,
            self.relaxed,
            self.value,
        )?;
        for t in &self.per_type {
            row(
                f,
                &t.kind,
                t.gold,
                t.predicted,
                t.strict,
                t.relaxed,
                t.value,
            )?;
        }
        writeln!(f, "type accuracy {:.3}", self.type_accuracy)?;
        match self.docs_per_second {
            Some(speed) => write!(f, "speed {speed:.0} docs/s (one thread)"),
            None => write!(f, "speed not measured (predictions read from a file)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(lines: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("gold.jsonl");
        fs::write(&path, lines).expect("writes");
        (dir, path)
    }

    #[test]
    fn scores_a_small_gold_file() {
        let doc = r#"{"doc_id": "d1", "dct": "2015-11-17", "text": "Kerry said on Tuesday that the war has gone on for over four years.", "timexes": [{"tid": "t1", "start": 14, "end": 21, "text": "Tuesday", "type": "DATE", "value": "2015-11-17"}, {"tid": "t2", "start": 51, "end": 66, "text": "over four years", "type": "DURATION", "value": "P4Y"}, {"tid": "t3", "start": 0, "end": 5, "text": "Kerry", "type": "DATE", "value": "1999"}]}"#;
        let (_dir, path) = write(doc);
        let (report, errors) = evaluate_detailed(&path).expect("scores");
        assert_eq!(report.documents, 1);
        assert_eq!(report.gold, 3);
        assert_eq!(report.predicted, 2);
        assert!((report.relaxed.precision - 1.0).abs() < 1e-9);
        assert!((report.relaxed.recall - 2.0 / 3.0).abs() < 1e-9);
        assert!((report.value.recall - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, "missed");
        let json = serde_json::to_string(&report).expect("serializes");
        assert!(json.contains("\"value\""));
        assert!(report.to_string().contains("DURATION"));
    }

    const GOLD_TWO_DOCS: &str = concat!(
        r#"{"doc_id": "d1", "dct": "2015-11-17", "text": "Kerry said on Tuesday that the war has gone on for over four years.", "timexes": [{"tid": "t1", "start": 14, "end": 21, "text": "Tuesday", "type": "DATE", "value": "2015-11-17"}, {"tid": "t2", "start": 51, "end": 66, "text": "over four years", "type": "DURATION", "value": "P4Y"}]}"#,
        "\n",
        r#"{"doc_id": "d2", "dct": "2016-07-06", "text": "Café: the truce starts at 1 a.m. on July 6 and is renewed every week.", "timexes": [{"tid": "t1", "start": 26, "end": 42, "text": "1 a.m. on July 6", "type": "TIME", "value": "2016-07-06T01:00"}, {"tid": "t2", "start": 58, "end": 68, "text": "every week", "type": "SET", "value": "P1W"}]}"#,
        "\n"
    );

    /// The gold file as a predictions file: the same spans, types, values.
    fn gold_as_predictions(gold: &str) -> String {
        let mut out = String::new();
        for line in gold.lines() {
            let mut doc: serde_json::Value = serde_json::from_str(line).expect("json");
            let obj = doc.as_object_mut().expect("object");
            obj.remove("dct");
            obj.remove("text");
            out.push_str(&doc.to_string());
            out.push('\n');
        }
        out
    }

    fn write_pair(gold: &str, pred: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let (g, p) = (dir.path().join("gold.jsonl"), dir.path().join("pred.jsonl"));
        fs::write(&g, gold).expect("writes");
        fs::write(&p, pred).expect("writes");
        (dir, g, p)
    }

    #[test]
    fn predictions_equal_to_the_gold_score_one() {
        let (_dir, gold, pred) = write_pair(GOLD_TWO_DOCS, &gold_as_predictions(GOLD_TWO_DOCS));
        let (report, mismatches) = evaluate_predictions_detailed(&gold, &pred).expect("scores");
        assert_eq!((report.documents, report.gold, report.predicted), (2, 4, 4));
        for m in [report.strict, report.relaxed, report.value] {
            assert_eq!((m.precision, m.recall, m.f1), (1.0, 1.0, 1.0));
        }
        assert_eq!(report.type_accuracy, 1.0);
        assert!(mismatches.is_empty());
        assert_eq!(report.docs_per_second, None);
        assert_eq!(report.predictions.as_deref(), Some(pred.as_path()));
        assert!(report.to_string().contains("not measured"));
        let json = serde_json::to_value(&report).expect("serializes");
        assert!(json["docs_per_second"].is_null());
    }

    #[test]
    fn empty_predictions_score_recall_zero() {
        for pred in ["", "{\"doc_id\": \"d1\", \"timexes\": []}\n"] {
            let (_dir, gold, pred) = write_pair(GOLD_TWO_DOCS, pred);
            let report = evaluate_predictions(&gold, &pred).expect("scores");
            assert_eq!((report.gold, report.predicted), (4, 0));
            for m in [report.strict, report.relaxed, report.value] {
                assert_eq!((m.precision, m.recall, m.f1), (0.0, 0.0, 0.0));
            }
        }
    }

    #[test]
    fn predictions_use_the_same_matching_as_dateline() {
        // A missing document predicts nothing; an overlapping span with the
        // right value counts for relaxed and value, not strict; a wrong type
        // costs type accuracy only.
        let pred = r#"{"doc_id": "d2", "timexes": [{"start": 26, "end": 32, "text": "1 a.m.", "type": "DATE", "value": "2016-07-06T01:00"}, {"start": 0, "end": 4, "text": "Café", "type": "DATE", "value": "2016"}]}"#;
        let (_dir, gold, pred) = write_pair(GOLD_TWO_DOCS, pred);
        let (report, mismatches) = evaluate_predictions_detailed(&gold, &pred).expect("scores");
        assert_eq!((report.gold, report.predicted), (4, 2));
        assert_eq!(report.strict.precision, 0.0);
        assert_eq!(
            (report.relaxed.precision, report.relaxed.recall),
            (0.5, 0.25)
        );
        assert_eq!((report.value.precision, report.value.recall), (0.5, 0.25));
        assert_eq!(report.type_accuracy, 0.0);
        let kinds: Vec<&str> = mismatches.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, ["missed", "missed", "type", "missed", "spurious"]);
        // Offsets are characters: "Café" is 4 characters, 5 bytes.
        assert!(mismatches[4].context.starts_with("[Café]"));
    }

    #[test]
    fn unknown_doc_ids_and_bad_offsets_are_errors() {
        let cases = [
            (r#"{"doc_id": "nope", "timexes": []}"#, "nope"),
            (
                "{\"doc_id\": \"d1\", \"timexes\": []}\n{\"doc_id\": \"d1\", \"timexes\": []}",
                "twice",
            ),
            (
                r#"{"doc_id": "d1", "timexes": [{"start": 60, "end": 90, "type": "DATE", "value": "X"}]}"#,
                "outside",
            ),
        ];
        for (pred, why) in cases {
            let (_dir, gold, pred) = write_pair(GOLD_TWO_DOCS, pred);
            let err = evaluate_predictions(&gold, &pred).expect_err("fails");
            let Error::Json { path, source } = &err else {
                panic!("{err:?}");
            };
            assert!(path.to_string_lossy().contains("pred.jsonl:"), "{path:?}");
            assert!(source.to_string().contains(why), "{source}");
        }
    }

    #[test]
    fn bad_lines_are_located() {
        let (_dir, path) = write("{\"doc_id\": 1}\n");
        let err = evaluate(&path).expect_err("fails");
        assert!(
            matches!(err, Error::Json { ref path, .. } if path.to_string_lossy().ends_with(":1"))
        );
    }

    #[test]
    #[ignore = "needs shared/data/temporal; run with --ignored"]
    fn tempeval_dev_sets() {
        for name in ["timebank", "aquaint"] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("../../../shared/data/temporal/{name}.jsonl"));
            let report = evaluate(&path).expect("scores");
            println!("{report}\n");
        }
    }
}
