//! Ceasefire frames, scored against hand-annotated articles.
//!
//! The gold set is JSON lines, one article each (see
//! `shared/data/events/README.md`): `{doc, published, path, ceasefires:
//! [{name, declarer[], parties[], excluded[], scope, start, duration, end,
//! status, conditions[], reactions[], evidence[]}], notes}` where `path` is
//! relative to the data folder (the gold file's grandparent) and `evidence`
//! are verbatim substrings of the article.
//!
//! Each article is scraped text: it goes through
//! [`dateline_extract::extract`] (`Markup::Text`, with `published`), then
//! [`dateline_annotate::Annotator::annotate_at`],
//! [`dateline_time::find_timexes`] and
//! [`dateline_events::find_ceasefires`].
//!
//! - **Matching.** Gold evidence strings are located in the extracted text
//!   (exactly, else by whitespace-normalised search). A predicted frame and
//!   a gold frame overlap by the number of gold evidence spans that touch
//!   a predicted evidence span; pairs are matched one to one, greatest
//!   overlap first. Frame recall = matched / gold, precision = matched /
//!   predicted.
//! - **Fields**, over matched frames: `status`, `start`, `duration` and
//!   `end` exact (both empty counts as right); `declarer`, `parties` and
//!   `excluded` as sets of normalised names, reported two ways: *accuracy*
//!   (the sets are equal) and the mean set F1 (both empty = 1).
//! - **Names** are compared case-insensitively after dropping a leading
//!   "the", a trailing parenthesis ("Syrian opposition (HNC)") and through
//!   a small alias table ([`ALIASES`]): "Government of Syria" ~ "Syrian
//!   government", "High Negotiations Committee" ~ "Syrian opposition",
//!   "Nusra Front" ~ "al-Nusra Front", "U.S." ~ "United States"…

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use dateline_annotate::Annotator;
use dateline_core::{Ceasefire, Markup, Source, Span};
use dateline_extract::{Options, Page, extract};
use dateline_time::{Reference, find_timexes};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Names that mean the same actor, each group mapped to its first entry.
pub const ALIASES: &[&[&str]] = &[
    &[
        "government of syria",
        "syrian government",
        "syria",
        "syrian regime",
        "assad government",
        "bashar al-assad",
        "syrian military",
        "syrian army",
    ],
    &[
        "syrian opposition",
        "high negotiations committee",
        "hnc",
        "syrian opposition figures",
        "opposition",
    ],
    &["syrian rebels", "rebels", "insurgents", "rebel groups"],
    &[
        "islamic state",
        "isis",
        "isil",
        "daesh",
        "islamic state group",
        "is",
    ],
    &[
        "nusra front",
        "al-nusra front",
        "al nusra front",
        "jabhat al-nusra",
        "nusra",
    ],
    &[
        "united states",
        "us",
        "u.s.",
        "usa",
        "united states of america",
    ],
    &["russia", "russian federation"],
    &["united nations", "un", "u.n."],
    &[
        "international syria support group",
        "issg",
        "syria support group",
    ],
    &["united kingdom", "britain", "uk", "u.k."],
    &["european union", "eu", "e.u."],
];

/// The canonical form of a name for comparison.
pub fn normalize_name(name: &str) -> String {
    let mut n = name.trim().to_lowercase();
    if let Some(i) = n.find(" (") {
        n.truncate(i);
    }
    let n = n.strip_prefix("the ").unwrap_or(&n).trim().to_string();
    for group in ALIASES {
        if group.contains(&n.as_str()) {
            return group[0].to_string();
        }
    }
    n
}

#[derive(Deserialize)]
struct GoldDoc {
    doc: String,
    published: Option<String>,
    path: String,
    ceasefires: Vec<GoldFrame>,
}

#[derive(Deserialize)]
struct GoldFrame {
    #[serde(default)]
    name: String,
    #[serde(default)]
    declarer: Vec<String>,
    #[serde(default)]
    parties: Vec<String>,
    #[serde(default)]
    excluded: Vec<String>,
    start: Option<String>,
    duration: Option<String>,
    end: Option<String>,
    status: String,
    #[serde(default)]
    evidence: Vec<String>,
}

/// Accuracy of one field over the matched frames.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FieldScore {
    /// Matched frames where the field is right (sets: equal).
    pub correct: usize,
    /// Share of matched frames where the field is right.
    pub accuracy: f64,
    /// For set fields: the mean set F1 (both empty = 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean_f1: Option<f64>,
}

/// One disagreement, for error analysis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CeasefireMismatch {
    /// The gold document id.
    pub doc: String,
    /// The gold frame's name, or `(spurious)` for an unmatched prediction.
    pub frame: String,
    /// The field (`frame`, `status`, `start`…).
    pub field: String,
    /// The gold value, as text.
    pub gold: String,
    /// The predicted value, as text.
    pub predicted: String,
}

/// The scores of a run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CeasefireReport {
    /// The gold file.
    pub file: PathBuf,
    /// Articles scored.
    pub documents: usize,
    /// Gold frames.
    pub gold_frames: usize,
    /// Predicted frames.
    pub predicted_frames: usize,
    /// Matched pairs.
    pub matched: usize,
    /// matched / gold.
    pub recall: f64,
    /// matched / predicted.
    pub precision: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Gold evidence strings not found in the extracted text.
    pub evidence_not_found: usize,
    /// Field scores over matched frames.
    pub status: FieldScore,
    /// Declarer.
    pub declarer: FieldScore,
    /// Parties.
    pub parties: FieldScore,
    /// Excluded groups.
    pub excluded: FieldScore,
    /// Start value.
    pub start: FieldScore,
    /// Duration value.
    pub duration: FieldScore,
    /// End value.
    pub end: FieldScore,
}

/// Scores ceasefire frames against a gold file.
pub fn evaluate(file: &Path) -> Result<CeasefireReport> {
    evaluate_detailed(file).map(|(r, _)| r)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn set_of(v: &[String]) -> BTreeSet<String> {
    v.iter().map(|s| normalize_name(s)).collect()
}

fn set_f1(gold: &BTreeSet<String>, pred: &BTreeSet<String>) -> f64 {
    if gold.is_empty() && pred.is_empty() {
        return 1.0;
    }
    let common = gold.intersection(pred).count();
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / pred.len() as f64;
    let r = common as f64 / gold.len() as f64;
    2.0 * p * r / (p + r)
}

/// Character span of `needle` in `text`, exactly or with whitespace and
/// quote marks normalised.
fn locate(text: &str, needle: &str) -> Option<Span> {
    let to_span = |byte: usize, len_chars: usize| {
        let start = text[..byte].chars().count();
        Span {
            start,
            end: start + len_chars,
        }
    };
    if let Some(b) = text.find(needle) {
        return Some(to_span(b, needle.chars().count()));
    }
    // Normalise both sides character by character, keeping a map back.
    let norm = |c: char| match c {
        '“' | '”' | '„' => '"',
        '‘' | '’' => '\'',
        '—' | '–' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    };
    let tchars: Vec<char> = text.chars().map(norm).collect();
    let nchars: Vec<char> = needle.chars().map(norm).collect();
    let nchars: Vec<char> = {
        // Ellipses in gold stand for elided text: match the longest piece.
        let s: String = nchars.iter().collect();
        let best = s
            .split("...")
            .max_by_key(|p| p.trim().len())
            .unwrap_or("")
            .trim()
            .to_string();
        best.chars().collect()
    };
    if nchars.is_empty() {
        return None;
    }
    tchars
        .windows(nchars.len())
        .position(|w| w == nchars.as_slice())
        .map(|i| Span {
            start: i,
            end: i + nchars.len(),
        })
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn show(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "-".into())
}

/// Like [`evaluate`], also listing every disagreement.
pub fn evaluate_detailed(file: &Path) -> Result<(CeasefireReport, Vec<CeasefireMismatch>)> {
    let raw = fs::read_to_string(file).map_err(|source| Error::Read {
        path: file.to_path_buf(),
        source,
    })?;
    let data_root = file
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let annotator = Annotator::new();
    let mut report = CeasefireReport {
        file: file.to_path_buf(),
        ..CeasefireReport::default()
    };
    let mut misses = Vec::new();
    let mut counts = [0usize; 7];
    let mut f1s = [0f64; 3];
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let gold: GoldDoc = serde_json::from_str(line).map_err(|source| Error::Json {
            path: file.to_path_buf(),
            source,
        })?;
        let path = data_root.join(&gold.path);
        let content = fs::read_to_string(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let published: Option<Date> = gold.published.as_deref().and_then(|p| p.parse().ok());
        let page = Page {
            content: &content,
            markup: Markup::Text,
            url: None,
            published,
            source: Source::default(),
        };
        let (text, pred) = match extract(page, &Options::default()) {
            Ok(doc) => {
                let ann = annotator.annotate_at(&doc.text, published);
                let timexes = find_timexes(&doc.text, &Reference { published });
                let frames = dateline_events::find_ceasefires(&doc.text, &ann, &timexes, published);
                (doc.text, frames)
            }
            Err(_) => (String::new(), Vec::new()),
        };
        report.documents += 1;
        report.gold_frames += gold.ceasefires.len();
        report.predicted_frames += pred.len();

        let gold_spans: Vec<Vec<Span>> = gold
            .ceasefires
            .iter()
            .map(|g| {
                g.evidence
                    .iter()
                    .filter_map(|e| {
                        let found = locate(&text, e);
                        if found.is_none() {
                            report.evidence_not_found += 1;
                        }
                        found
                    })
                    .collect()
            })
            .collect();
        // Overlap of every pair, matched greedily.
        let mut pairs = Vec::new();
        for (gi, spans) in gold_spans.iter().enumerate() {
            for (pi, p) in pred.iter().enumerate() {
                let n = spans
                    .iter()
                    .filter(|s| p.evidence.iter().any(|e| overlaps(s, e)))
                    .count();
                if n > 0 {
                    pairs.push((n, gi, pi));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let (mut gused, mut pused) = (vec![false; gold_spans.len()], vec![false; pred.len()]);
        for (_, gi, pi) in pairs {
            if gused[gi] || pused[pi] {
                continue;
            }
            gused[gi] = true;
            pused[pi] = true;
            report.matched += 1;
            score_pair(
                &gold.doc,
                &gold.ceasefires[gi],
                &pred[pi],
                &mut counts,
                &mut f1s,
                &mut misses,
            );
        }
        for (gi, used) in gused.iter().enumerate() {
            if !used {
                misses.push(CeasefireMismatch {
                    doc: gold.doc.clone(),
                    frame: gold.ceasefires[gi].name.clone(),
                    field: "frame".into(),
                    gold: "present".into(),
                    predicted: "missing".into(),
                });
            }
        }
        for (pi, used) in pused.iter().enumerate() {
            if !used {
                misses.push(CeasefireMismatch {
                    doc: gold.doc.clone(),
                    frame: "(spurious)".into(),
                    field: "frame".into(),
                    gold: "-".into(),
                    predicted: format!("{:?} {:?}", pred[pi].status, pred[pi].scope),
                });
            }
        }
    }
    if report.documents == 0 {
        return Err(Error::Empty(file.to_path_buf()));
    }
    let m = report.matched;
    report.recall = ratio(m, report.gold_frames);
    report.precision = ratio(m, report.predicted_frames);
    report.f1 = if report.recall + report.precision > 0.0 {
        2.0 * report.recall * report.precision / (report.recall + report.precision)
    } else {
        0.0
    };
    let field = |c: usize, f1: Option<f64>| FieldScore {
        correct: c,
        accuracy: ratio(c, m),
        mean_f1: f1.map(|x| if m == 0 { 0.0 } else { x / m as f64 }),
    };
    report.status = field(counts[0], None);
    report.declarer = field(counts[1], Some(f1s[0]));
    report.parties = field(counts[2], Some(f1s[1]));
    report.excluded = field(counts[3], Some(f1s[2]));
    report.start = field(counts[4], None);
    report.duration = field(counts[5], None);
    report.end = field(counts[6], None);
    Ok((report, misses))
}

fn score_pair(
    doc: &str,
    g: &GoldFrame,
    p: &Ceasefire,
    counts: &mut [usize; 7],
    f1s: &mut [f64; 3],
    misses: &mut Vec<CeasefireMismatch>,
) {
    let mut miss = |field: &str, gold: String, predicted: String| {
        misses.push(CeasefireMismatch {
            doc: doc.to_string(),
            frame: g.name.clone(),
            field: field.to_string(),
            gold,
            predicted,
        });
    };
    let status = serde_json::to_value(p.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    if status == g.status {
        counts[0] += 1;
    } else {
        miss("status", g.status.clone(), status);
    }
    let sets = [
        ("declarer", &g.declarer, &p.declarer),
        ("parties", &g.parties, &p.parties),
        ("excluded", &g.excluded, &p.excluded),
    ];
    for (i, (name, gv, pv)) in sets.into_iter().enumerate() {
        let (gs, ps) = (set_of(gv), set_of(pv));
        f1s[i] += set_f1(&gs, &ps);
        if gs == ps {
            counts[1 + i] += 1;
        } else {
            miss(name, gv.join("; "), pv.join("; "));
        }
    }
    let exact = [
        ("start", &g.start, &p.start),
        ("duration", &g.duration, &p.duration),
        ("end", &g.end, &p.end),
    ];
    for (i, (name, gv, pv)) in exact.into_iter().enumerate() {
        if gv == pv {
            counts[4 + i] += 1;
        } else {
            miss(name, show(gv), show(pv));
        }
    }
}

impl fmt::Display for CeasefireReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "ceasefire frames: {} ({} documents)",
            self.file.display(),
            self.documents
        )?;
        writeln!(
            f,
            "frames    gold {:>3}  predicted {:>3}  matched {:>3}   recall {:.3}  precision {:.3}  F1 {:.3}",
            self.gold_frames,
            self.predicted_frames,
            self.matched,
            self.recall,
            self.precision,
            self.f1
        )?;
        if self.evidence_not_found > 0 {
            writeln!(
                f,
                "(gold evidence not found in the extracted text: {})",
                self.evidence_not_found
            )?;
        }
        writeln!(f, "field      accuracy  (correct/matched)  mean set F1")?;
        let rows: [(&str, &FieldScore); 7] = [
            ("status", &self.status),
            ("declarer", &self.declarer),
            ("parties", &self.parties),
            ("excluded", &self.excluded),
            ("start", &self.start),
            ("duration", &self.duration),
            ("end", &self.end),
        ];
        for (name, s) in rows {
            write!(
                f,
                "{name:<10} {:>8.3}  ({:>3}/{:<3})",
                s.accuracy, s.correct, self.matched
            )?;
            match s.mean_f1 {
                Some(x) => writeln!(f, "          {x:.3}")?,
                None => writeln!(f)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_through_aliases() {
        assert_eq!(
            normalize_name("Government of Syria"),
            normalize_name("Syrian government")
        );
        assert_eq!(
            normalize_name("Syrian opposition (HNC)"),
            "syrian opposition"
        );
        assert_eq!(normalize_name("the Islamic State"), "islamic state");
        assert_eq!(normalize_name("al-Nusra Front"), "nusra front");
        assert_eq!(normalize_name("Turkey"), "turkey");
    }

    #[test]
    fn evidence_is_found_through_typography() {
        let text = "He said: “the truce — it holds”.";
        let s = locate(text, "\"the truce - it holds\"");
        assert_eq!(s.map(|s| (s.start, s.end)), Some((9, 31)));
        assert!(locate(text, "absent").is_none());
    }

    #[test]
    fn set_scores() {
        let a: BTreeSet<String> = ["x".to_string()].into();
        let e = BTreeSet::new();
        assert_eq!(set_f1(&e, &e), 1.0);
        assert_eq!(set_f1(&a, &e), 0.0);
        assert_eq!(set_f1(&a, &a), 1.0);
    }
}
