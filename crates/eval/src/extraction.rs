//! Article body extraction, scored with the metric of the ScrapingHub
//! article-extraction-benchmark.
//!
//! The gold set is a directory with `ground-truth.json` (`{id: {"articleBody",
//! "url"}}`) and the pages as `html/<id>.html`. Each page is decoded,
//! extracted with [`dateline_extract::extract`] exactly as the pipeline
//! does (cleaning included), and its body compared with the gold body:
//!
//! - tokens are runs of `\w` characters as Python's `re` defines them (letters,
//!   numbers, underscore); case is kept;
//! - each text becomes a multiset of shingles of 4 consecutive tokens (a text
//!   of 1–3 tokens is one shorter shingle, no tokens none);
//! - a page's true positives, false positives and false negatives are counted
//!   on shingles and divided by their sum, so every page weighs the same;
//! - precision is averaged over the pages with TP+FP > 0, recall over the
//!   pages with TP+FN > 0, and F1 = 2PR/(P+R).
//!
//! Decoding honours a byte-order mark, then a `charset` declared in the first
//! 4 KiB, else reads UTF-8 (lossily). This mirrors, but does not share,
//! `dateline-ingest`'s decoding, whose function is crate-private.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use dateline_core::{Markup, Source};
use dateline_extract::{Options, Page, extract};
use encoding_rs::Encoding;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// How many of the worst pages a report lists.
const WORST: usize = 10;

/// Shingle length of the benchmark.
const SHINGLE: usize = 4;

/// Python's `\w` for `str` patterns: `str.isalnum()` or `_`, i.e. the
/// letter and number categories and the underscore (combining marks are not
/// word characters there, unlike in Rust's `\w`).
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // A constant pattern.
    Regex::new(r"[\p{L}\p{N}_]+").unwrap()
});

/// Precision, recall and F1 over a set of pages.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Metrics {
    /// Mean precision over the pages with a prediction.
    pub precision: f64,
    /// Mean recall over the pages with a gold body.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
}

/// The normalised `(tp, fp, fn)` of one page: shingle counts divided by
/// their sum (all zero when both texts have no tokens).
///
/// ```
/// use dateline_eval::extraction::score_pair;
/// // Five tokens make two shingles; the prediction has one of them.
/// let (tp, fp, fn_) = score_pair("a b c d e", "a b c d");
/// assert_eq!((tp, fp, fn_), (0.5, 0.0, 0.5));
/// ```
pub fn score_pair(gold: &str, predicted: &str) -> (f64, f64, f64) {
    let gold_tokens = tokens(gold);
    let predicted_tokens = tokens(predicted);
    let gold_shingles = shingles(&gold_tokens);
    let predicted_shingles = shingles(&predicted_tokens);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (shingle, &g) in &gold_shingles {
        let p = predicted_shingles.get(shingle).copied().unwrap_or(0);
        tp += g.min(p);
        fn_ += g.saturating_sub(p);
    }
    for (shingle, &p) in &predicted_shingles {
        let g = gold_shingles.get(shingle).copied().unwrap_or(0);
        fp += p.saturating_sub(g);
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum)
}

fn tokens(text: &str) -> Vec<&str> {
    TOKEN.find_iter(text).map(|m| m.as_str()).collect()
}

fn shingles<'a, 't>(tokens: &'a [&'t str]) -> HashMap<&'a [&'t str], u64> {
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < SHINGLE {
        counts.insert(tokens, 1);
        return counts;
    }
    for window in tokens.windows(SHINGLE) {
        *counts.entry(window).or_insert(0) += 1;
    }
    counts
}

/// The benchmark's page precision: 1 when nothing is wrong, 0 when nothing
/// was predicted right.
fn page_precision((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn page_recall((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Averages page scores the benchmark's way (see the module docs).
pub fn metrics(pages: &[(f64, f64, f64)]) -> Metrics {
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let precision = mean(
        pages
            .iter()
            .filter(|(tp, fp, _)| tp + fp > 0.0)
            .map(|&page| page_precision(page))
            .collect(),
    );
    let recall = mean(
        pages
            .iter()
            .filter(|(tp, _, fn_)| tp + fn_ > 0.0)
            .map(|&page| page_recall(page))
            .collect(),
    );
    Metrics {
        precision,
        recall,
        f1: harmonic(precision, recall),
    }
}

/// One page's score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageScore {
    /// The page id (its file stem).
    pub id: String,
    /// The page's URL from the gold set.
    pub url: Option<String>,
    /// Shingle precision of the page.
    pub precision: f64,
    /// Shingle recall of the page.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Characters in the gold body.
    pub gold_chars: usize,
    /// Characters in the extracted body.
    pub predicted_chars: usize,
}

/// The result of [`evaluate`].
#[derive(Clone, Debug, Serialize)]
pub struct ExtractionReport {
    /// The gold set's directory.
    pub dir: PathBuf,
    /// Pages scored.
    pub pages: usize,
    /// Mean precision, recall and F1 (the benchmark's averaging).
    pub precision: f64,
    /// See [`ExtractionReport::precision`].
    pub recall: f64,
    /// See [`ExtractionReport::precision`].
    pub f1: f64,
    /// Pages where extraction gave no document at all.
    pub failures: usize,
    /// Wall time spent in [`dateline_extract::extract`], on one thread.
    pub extract_seconds: f64,
    /// Pages per second on one thread (extraction only, not reading files).
    pub pages_per_second: f64,
    /// Megabytes (10⁶ bytes) of decoded HTML per second on one thread.
    pub megabytes_per_second: f64,
    /// The lowest-F1 pages, worst first.
    pub worst: Vec<PageScore>,
    /// Every page, in id order.
    pub per_page: Vec<PageScore>,
}

impl fmt::Display for ExtractionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "extraction on {} ({} pages)",
            self.dir.display(),
            self.pages
        )?;
        writeln!(f, "  precision  recall  F1")?;
        writeln!(
            f,
            "  {:9.3}  {:6.3}  {:5.3}",
            self.precision, self.recall, self.f1
        )?;
        writeln!(
            f,
            "  speed: {:.0} pages/s, {:.1} MB/s on one thread ({} failures)",
            self.pages_per_second, self.megabytes_per_second, self.failures
        )?;
        if !self.worst.is_empty() {
            writeln!(f, "  worst pages:")?;
            writeln!(f, "    {:>5}  {:>5}  {:>5}  page", "F1", "P", "R")?;
            for page in &self.worst {
                writeln!(
                    f,
                    "    {:5.3}  {:5.3}  {:5.3}  {} {}",
                    page.f1,
                    page.precision,
                    page.recall,
                    page.id.get(..12).unwrap_or(&page.id),
                    page.url.as_deref().unwrap_or("")
                )?;
            }
        }
        Ok(())
    }
}

#[derive(Deserialize)]
struct GoldPage {
    #[serde(rename = "articleBody", default)]
    article_body: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// One gold page with its decoded HTML.
#[derive(Debug)]
struct Loaded {
    id: String,
    url: Option<String>,
    gold: String,
    html: String,
}

fn load(dir: &Path) -> Result<Vec<Loaded>> {
    let gold_path = dir.join("ground-truth.json");
    let raw = std::fs::read(&gold_path).map_err(|source| Error::Read {
        path: gold_path.clone(),
        source,
    })?;
    let gold: BTreeMap<String, GoldPage> =
        serde_json::from_slice(&raw).map_err(|source| Error::Json {
            path: gold_path.clone(),
            source,
        })?;
    if gold.is_empty() {
        return Err(Error::Empty(gold_path));
    }
    gold.into_iter()
        .map(|(id, page)| {
            let path = dir.join("html").join(format!("{id}.html"));
            let bytes = std::fs::read(&path).map_err(|source| Error::Read { path, source })?;
            Ok(Loaded {
                html: decode(&bytes),
                gold: page.article_body.unwrap_or_default(),
                url: page.url,
                id,
            })
        })
        .collect()
}

fn extract_body(page: &Loaded) -> Option<String> {
    let input = Page {
        content: &page.html,
        markup: Markup::Html,
        url: page.url.as_deref(),
        published: None,
        source: Source::default(),
    };
    extract(input, &Options::default()).ok().map(|doc| doc.text)
}

/// Extracts every page of the gold set in `dir` and scores it.
pub fn evaluate(dir: &Path) -> Result<ExtractionReport> {
    let pages = load(dir)?;
    let mut elapsed = Duration::ZERO;
    let mut failures = 0;
    let mut triples = Vec::with_capacity(pages.len());
    let mut per_page = Vec::with_capacity(pages.len());
    for page in &pages {
        let start = Instant::now();
        let predicted = extract_body(page);
        elapsed += start.elapsed();
        let predicted = predicted.unwrap_or_else(|| {
            failures += 1;
            String::new()
        });
        let triple = score_pair(&page.gold, &predicted);
        triples.push(triple);
        let (precision, recall) = (page_precision(triple), page_recall(triple));
        per_page.push(PageScore {
            id: page.id.clone(),
            url: page.url.clone(),
            precision,
            recall,
            f1: harmonic(precision, recall),
            gold_chars: page.gold.chars().count(),
            predicted_chars: predicted.chars().count(),
        });
    }
    let Metrics {
        precision,
        recall,
        f1,
    } = metrics(&triples);
    let mut worst = per_page.clone();
    worst.sort_by(|a, b| a.f1.total_cmp(&b.f1).then_with(|| a.id.cmp(&b.id)));
    worst.truncate(WORST);
    let seconds = elapsed.as_secs_f64().max(f64::MIN_POSITIVE);
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    Ok(ExtractionReport {
        dir: dir.to_owned(),
        pages: pages.len(),
        precision,
        recall,
        f1,
        failures,
        extract_seconds: seconds,
        pages_per_second: pages.len() as f64 / seconds,
        megabytes_per_second: bytes as f64 / 1e6 / seconds,
        worst,
        per_page,
    })
}

/// Single-thread extraction speed over the gold set in `dir`: the best of
/// `rounds` passes, as `(pages per second, megabytes per second)`.
pub fn measure_speed(dir: &Path, rounds: usize) -> Result<(f64, f64)> {
    let pages = load(dir)?;
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let mut best = f64::MAX;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        for page in &pages {
            std::hint::black_box(extract_body(page));
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let best = best.max(f64::MIN_POSITIVE);
    Ok((pages.len() as f64 / best, bytes as f64 / 1e6 / best))
}

/// Decodes a page: byte-order mark, else a `charset` in its first 4 KiB,
/// else UTF-8 with invalid bytes replaced.
fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom..).unwrap_or_default();
        return encoding.decode_without_bom_handling(body).0.into_owned();
    }
    let head = bytes.get(..4096).unwrap_or(bytes);
    match declared_charset(head) {
        Some(encoding) => encoding.decode_without_bom_handling(bytes).0.into_owned(),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The encoding named by the first `charset=` in `head`, as the HTML
/// standard maps it (a declared UTF-16 means UTF-8).
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    const NEEDLE: &[u8] = b"charset=";
    let at = head
        .windows(NEEDLE.len())
        .position(|w| w.eq_ignore_ascii_case(NEEDLE))?;
    let rest = head.get(at + NEEDLE.len()..)?;
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    let encoding = Encoding::for_label(rest.get(..end)?)?;
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else if encoding == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            encoding
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: (f64, f64, f64), b: (f64, f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-12 && (a.1 - b.1).abs() < 1e-12 && (a.2 - b.2).abs() < 1e-12
    }

    #[test]
    fn identical_texts_are_all_true_positives() {
        assert_eq!(
            score_pair("one two three four five", "one two three four five"),
            (1.0, 0.0, 0.0)
        );
        // Punctuation and layout do not matter, case does.
        assert_eq!(
            score_pair("One, two; three\n\nfour", "One two three four"),
            (1.0, 0.0, 0.0)
        );
        assert_eq!(
            score_pair("One two three four", "one two three four"),
            (0.0, 0.5, 0.5)
        );
    }

    #[test]
    fn extra_and_missing_shingles() {
        // gold: abcd bcde (2); predicted: abcd bcde cdef (3) → tp 2, fp 1.
        assert!(close(
            score_pair("a b c d e", "a b c d e f"),
            (2.0 / 3.0, 1.0 / 3.0, 0.0)
        ));
        // Repeated shingles count as a multiset.
        assert!(close(
            score_pair("a b c d", "a b c d a b c d"),
            (1.0 / 5.0, 4.0 / 5.0, 0.0)
        ));
    }

    #[test]
    fn short_texts_are_one_shingle() {
        assert_eq!(score_pair("a b", "a b"), (1.0, 0.0, 0.0));
        assert_eq!(score_pair("a b", "a b c"), (0.0, 0.5, 0.5));
        assert_eq!(score_pair("", ""), (0.0, 0.0, 0.0));
        assert_eq!(score_pair("...", "a"), (0.0, 1.0, 0.0));
    }

    #[test]
    fn tokens_follow_python_word_characters() {
        assert_eq!(
            tokens("naïve café_1 ²x, 東京"),
            ["naïve", "café_1", "²x", "東京"]
        );
        // A combining mark is not a word character in Python.
        assert_eq!(tokens("नमस्ते"), ["नमस", "त"]);
    }

    #[test]
    fn averaging_skips_pages_as_the_benchmark_does() {
        let empty_prediction = score_pair("a b c d", "");
        let both_empty = score_pair("", "");
        let perfect = score_pair("a b c d", "a b c d");
        let m = metrics(&[empty_prediction, both_empty, perfect]);
        // Precision only over pages that predicted something; recall over
        // pages with a gold body (the empty prediction scores 0 there).
        assert_eq!(m.precision, 1.0);
        assert_eq!(m.recall, 0.5);
        assert!((m.f1 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(metrics(&[]).f1, 0.0);
    }

    #[test]
    fn decodes_declared_charsets() {
        let latin = b"<meta charset=\"windows-1252\"><p>caf\xe9</p>";
        assert_eq!(decode(latin), "<meta charset=\"windows-1252\"><p>café</p>");
        assert_eq!(decode("<p>café</p>".as_bytes()), "<p>café</p>");
        assert_eq!(
            decode(b"<meta charset=utf-16><p>x\xff</p>"),
            "<meta charset=utf-16><p>x\u{fffd}</p>"
        );
        assert_eq!(decode(b"\xef\xbb\xbf<p>x</p>"), "<p>x</p>");
    }
}
