//! Near-duplicate evaluation: a labelled set built from real articles plus
//! deterministic synthetic rewrites of them, and pair precision / recall /
//! F1 of the groups found.
//!
//! Rewrites imitate what syndication and scrapers do to a wire story:
//! sentences dropped, paragraphs reordered, words substituted (copy-editing),
//! boilerplate added (bylines, cookie notices, "Related" teasers), the end
//! cut off, and a mix of these. Every rewrite belongs to its original's gold
//! group; distinct real articles (even on the same story and day) are not
//! duplicates unless the caller labels them so. This module reads no files:
//! the caller loads the articles (`dateline-eval` does, for `dateline eval
//! duplicates`).

use std::collections::HashMap;
use std::fmt;
use std::time::Instant;

use dateline_core::{Document, Source};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::dup::{DupConfig, DupIndex};

/// A real article to build the set from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// A name for it (file name, record id).
    pub name: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its cleaned body.
    pub text: String,
    /// Its publication date.
    pub published: Option<Date>,
}

/// How a synthetic copy was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rewrite {
    /// About a fifth of the sentences dropped.
    DropSentences,
    /// Paragraphs (or, in one paragraph, sentences) shuffled.
    Reorder,
    /// About 6% of the words replaced by other words of the article.
    Substitute,
    /// A byline before, boilerplate and teasers after.
    Boilerplate,
    /// The last 40% of the paragraphs cut off.
    Truncate,
    /// 10% of sentences dropped, 3% of words substituted, boilerplate added.
    Mixed,
}

impl Rewrite {
    /// All kinds, in the order they are dealt to articles.
    pub const ALL: [Rewrite; 6] = [
        Rewrite::DropSentences,
        Rewrite::Reorder,
        Rewrite::Substitute,
        Rewrite::Boilerplate,
        Rewrite::Truncate,
        Rewrite::Mixed,
    ];

    fn name(self) -> &'static str {
        match self {
            Rewrite::DropSentences => "drop_sentences",
            Rewrite::Reorder => "reorder",
            Rewrite::Substitute => "substitute",
            Rewrite::Boilerplate => "boilerplate",
            Rewrite::Truncate => "truncate",
            Rewrite::Mixed => "mixed",
        }
    }
}

/// One document of the labelled set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelledDoc {
    /// Content id (as [`Document::id`]).
    pub id: String,
    /// Where it comes from: the article's name, with the rewrite for a copy.
    pub name: String,
    /// Headline.
    pub title: Option<String>,
    /// Body.
    pub text: String,
    /// Publication date.
    pub published: Option<Date>,
    /// Gold group: documents with the same number are near-duplicates.
    pub group: u32,
    /// The rewrite that made it; `None` for a real article.
    pub rewrite: Option<Rewrite>,
}

impl LabelledDoc {
    /// As a document for the linker.
    pub fn to_document(&self) -> Document {
        let mut doc = Document::new(Source::default(), self.title.clone(), self.text.clone());
        doc.published = self.published;
        doc
    }
}

/// A labelled near-duplicate set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DupSet {
    /// Documents in the order they are fed to a detector.
    pub docs: Vec<LabelledDoc>,
}

/// A small deterministic generator (xxh3 of a counter): the set must be the
/// same on every machine and with every version of a random-number crate.
struct Dice {
    seed: u64,
    n: u64,
}

impl Dice {
    fn next(&mut self) -> u64 {
        self.n += 1;
        xxh3_64_with_seed(&self.n.to_le_bytes(), self.seed)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Sentences of a paragraph, split after `.`, `?` or `!` before a space.
fn sentences(paragraph: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = paragraph.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'?' | b'!') && bytes.get(i + 1) == Some(&b' ') {
            out.push(paragraph[start..=i].trim());
            start = i + 1;
        }
    }
    let rest = paragraph[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

fn drop_sentences(text: &str, p: f64, dice: &mut Dice) -> String {
    let mut kept_any = false;
    let mut out: Vec<String> = Vec::new();
    for para in paragraphs(text) {
        let kept: Vec<&str> = sentences(para)
            .into_iter()
            .filter(|_| !dice.chance(p))
            .collect();
        if !kept.is_empty() {
            kept_any = true;
            out.push(kept.join(" "));
        }
    }
    if kept_any {
        out.join("\n\n")
    } else {
        text.to_string()
    }
}

fn substitute(text: &str, p: f64, dice: &mut Dice) -> String {
    let vocabulary: Vec<&str> = text.split_whitespace().collect();
    paragraphs(text)
        .into_iter()
        .map(|para| {
            para.split_whitespace()
                .map(|w| {
                    if dice.chance(p) {
                        vocabulary[dice.below(vocabulary.len())]
                    } else {
                        w
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

const BYLINES: [&str; 4] = [
    "By Staff Writer, Agencies",
    "By Our Correspondent | Updated",
    "Reporting by Wire Staff; Editing by Desk Editor",
    "AFP / Reuters",
];
const TRAILERS: [&str; 4] = [
    "By continuing to use the site, you agree to the use of cookies. You can find out more by following this link.",
    "Related: Kerry meets Lavrov as talks resume. Related: Aid convoys reach besieged towns. Related: UN envoy calls for calm.",
    "Follow us on Twitter and Facebook for the latest news. Share this article. Subscribe to our newsletter.",
    "Copyright 2016. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
];

fn boilerplate(text: &str, dice: &mut Dice) -> String {
    let byline = BYLINES[dice.below(BYLINES.len())];
    let a = TRAILERS[dice.below(TRAILERS.len())];
    let b = TRAILERS[dice.below(TRAILERS.len())];
    format!("{byline}\n\n{text}\n\n{a}\n\n{b}")
}

/// A rewrite of `text`, the same for the same `seed`.
pub fn rewrite(text: &str, kind: Rewrite, seed: u64) -> String {
    let mut dice = Dice { seed, n: 0 };
    match kind {
        Rewrite::DropSentences => drop_sentences(text, 0.2, &mut dice),
        Rewrite::Reorder => {
            let mut paras = paragraphs(text);
            if paras.len() > 1 {
                dice.shuffle(&mut paras);
                paras.join("\n\n")
            } else {
                let mut s = sentences(text);
                dice.shuffle(&mut s);
                s.join(" ")
            }
        }
        Rewrite::Substitute => substitute(text, 0.06, &mut dice),
        Rewrite::Boilerplate => boilerplate(text, &mut dice),
        Rewrite::Truncate => {
            let paras = paragraphs(text);
            let keep = (paras.len() * 6).div_ceil(10).max(1);
            paras[..keep.min(paras.len())].join("\n\n")
        }
        Rewrite::Mixed => {
            let dropped = drop_sentences(text, 0.1, &mut dice);
            let edited = substitute(&dropped, 0.03, &mut dice);
            boilerplate(&edited, &mut dice)
        }
    }
}

/// Articles shorter than this many words get no synthetic copies: a
/// two-line item rewritten is another item.
const MIN_REWRITE_WORDS: usize = 80;

/// Builds the labelled set: the articles (exact copies by content id kept
/// once), `rewrites` synthetic copies of each article long enough (kinds
/// dealt in turn), and gold groups: a copy with its original, articles with
/// the same name (one item kept in two folders) or the same words in their
/// body, and the pairs of names in `same`. Copies follow all the originals,
/// so a detector sees them after the article they copy.
pub fn build_set(
    articles: &[Article],
    same: &[(String, String)],
    rewrites: usize,
    seed: u64,
) -> DupSet {
    let mut set = DupSet::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut by_name: HashMap<&str, Vec<u32>> = HashMap::new();
    let mut by_body: HashMap<u64, u32> = HashMap::new();
    let mut parent: Vec<u32> = Vec::new();
    fn find(parent: &[u32], mut g: u32) -> u32 {
        while parent[g as usize] != g {
            g = parent[g as usize];
        }
        g
    }
    fn union(parent: &mut [u32], a: u32, b: u32) {
        let (ra, rb) = (find(parent, a), find(parent, b));
        parent[ra.max(rb) as usize] = ra.min(rb);
    }
    for a in articles {
        let doc = Document::new(Source::default(), a.title.clone(), a.text.clone());
        if let Some(&at) = seen.get(&doc.id) {
            by_name.entry(&a.name).or_default().push(set.docs[at].group);
            continue;
        }
        let group = u32::try_from(parent.len()).unwrap_or(u32::MAX);
        parent.push(group);
        by_name.entry(&a.name).or_default().push(group);
        let body: Vec<String> = crate::text::words(&a.text).collect();
        let key = xxh3_64_with_seed(body.join(" ").as_bytes(), 0);
        match by_body.get(&key) {
            Some(&g) => union(&mut parent, g, group),
            None => {
                by_body.insert(key, group);
            }
        }
        seen.insert(doc.id.clone(), set.docs.len());
        set.docs.push(LabelledDoc {
            id: doc.id,
            name: a.name.clone(),
            title: a.title.clone(),
            text: a.text.clone(),
            published: a.published,
            group,
            rewrite: None,
        });
    }
    for groups in by_name.values() {
        for &g in &groups[1..] {
            union(&mut parent, groups[0], g);
        }
    }
    for (a, b) in same {
        if let (Some(x), Some(y)) = (by_name.get(a.as_str()), by_name.get(b.as_str())) {
            union(&mut parent, x[0], y[0]);
        }
    }
    for d in &mut set.docs {
        d.group = find(&parent, d.group);
    }
    let originals = set.docs.len();
    let mut turn = 0usize;
    for i in 0..originals {
        if set.docs[i].text.split_whitespace().count() < MIN_REWRITE_WORDS {
            continue;
        }
        for r in 0..rewrites {
            let kind = Rewrite::ALL[turn % Rewrite::ALL.len()];
            turn += 1;
            let orig = &set.docs[i];
            let text = rewrite(&orig.text, kind, seed ^ ((i as u64) << 8) ^ r as u64);
            let doc = Document::new(Source::default(), orig.title.clone(), text.clone());
            if seen.contains_key(&doc.id) {
                continue;
            }
            seen.insert(doc.id.clone(), set.docs.len());
            let published = orig
                .published
                .and_then(|p| p.checked_add(jiff::Span::new().days((r % 3) as i64)).ok());
            set.docs.push(LabelledDoc {
                id: doc.id,
                name: format!("{}#{}", orig.name, kind.name()),
                title: orig.title.clone(),
                text,
                published,
                group: orig.group,
                rewrite: Some(kind),
            });
        }
    }
    set
}

/// Pair precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PairScores {
    /// Pairs in the same group in both gold and prediction.
    pub true_pairs: u64,
    /// Pairs grouped by the prediction.
    pub predicted_pairs: u64,
    /// Pairs grouped in the gold.
    pub gold_pairs: u64,
    /// `true_pairs / predicted_pairs` (1 when nothing is predicted).
    pub precision: f64,
    /// `true_pairs / gold_pairs` (1 when the gold has no pairs).
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// Scores predicted groups against gold groups, one label per document, by
/// the pairs of documents they put together.
pub fn score_groups(gold: &[u32], predicted: &[u32]) -> PairScores {
    let mut g: HashMap<u32, u64> = HashMap::new();
    let mut p: HashMap<u32, u64> = HashMap::new();
    let mut both: HashMap<(u32, u32), u64> = HashMap::new();
    for (&a, &b) in gold.iter().zip(predicted) {
        *g.entry(a).or_default() += 1;
        *p.entry(b).or_default() += 1;
        *both.entry((a, b)).or_default() += 1;
    }
    let true_pairs: u64 = both.values().map(|&n| pairs(n)).sum();
    let gold_pairs: u64 = g.values().map(|&n| pairs(n)).sum();
    let predicted_pairs: u64 = p.values().map(|&n| pairs(n)).sum();
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(true_pairs, predicted_pairs);
    let recall = ratio(true_pairs, gold_pairs);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    PairScores {
        true_pairs,
        predicted_pairs,
        gold_pairs,
        precision,
        recall,
        f1,
    }
}

/// How one kind of rewrite fared: copies put with their original.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KindRecall {
    /// The rewrite.
    pub rewrite: Rewrite,
    /// Copies found in their original's group.
    pub found: usize,
    /// Copies made.
    pub total: usize,
}

/// The result of running near-duplicate detection over a labelled set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DupReport {
    /// Settings used.
    pub config: DupConfig,
    /// Documents in the set.
    pub docs: usize,
    /// Real articles among them.
    pub originals: usize,
    /// Pair scores.
    pub scores: PairScores,
    /// Recall per rewrite kind.
    pub per_rewrite: Vec<KindRecall>,
    /// Wall-clock seconds to index the whole set (signatures included).
    pub seconds: f64,
    /// Documents indexed per second.
    pub docs_per_second: f64,
    /// Predicted pairs of real articles the gold keeps apart ("name = name"),
    /// at most ten: where to look for unlabelled syndication.
    pub false_pairs: Vec<String>,
}

/// Runs the near-duplicate index over the set in order and scores its groups.
pub fn evaluate(set: &DupSet, config: DupConfig) -> DupReport {
    let docs: Vec<Document> = set.docs.iter().map(LabelledDoc::to_document).collect();
    let started = Instant::now();
    let mut index = DupIndex::new(config);
    let positions: Vec<u32> = docs.iter().map(|d| index.add(d).0).collect();
    let seconds = started.elapsed().as_secs_f64();
    let predicted: Vec<u32> = positions.iter().map(|&p| index.representative(p)).collect();
    let gold: Vec<u32> = set.docs.iter().map(|d| d.group).collect();
    let scores = score_groups(&gold, &predicted);
    let mut per_rewrite: Vec<KindRecall> = Vec::new();
    let group_rep: HashMap<u32, u32> = set
        .docs
        .iter()
        .zip(&predicted)
        .filter(|(d, _)| d.rewrite.is_none())
        .map(|(d, &p)| (d.group, p))
        .collect();
    for kind in Rewrite::ALL {
        let made: Vec<usize> = (0..set.docs.len())
            .filter(|&i| set.docs[i].rewrite == Some(kind))
            .collect();
        let found = made
            .iter()
            .filter(|&&i| group_rep.get(&set.docs[i].group) == Some(&predicted[i]))
            .count();
        per_rewrite.push(KindRecall {
            rewrite: kind,
            found,
            total: made.len(),
        });
    }
    let mut false_pairs = Vec::new();
    let originals: Vec<usize> = (0..set.docs.len())
        .filter(|&i| set.docs[i].rewrite.is_none())
        .collect();
    for (n, &i) in originals.iter().enumerate() {
        for &j in &originals[n + 1..] {
            if predicted[i] == predicted[j]
                && set.docs[i].group != set.docs[j].group
                && false_pairs.len() < 10
            {
                false_pairs.push(format!("{} = {}", set.docs[i].name, set.docs[j].name));
            }
        }
    }
    DupReport {
        config,
        docs: set.docs.len(),
        originals: originals.len(),
        scores,
        per_rewrite,
        seconds,
        docs_per_second: if seconds > 0.0 {
            set.docs.len() as f64 / seconds
        } else {
            0.0
        },
        false_pairs,
    }
}

impl fmt::Display for DupReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.scores;
        writeln!(
            f,
            "near-duplicates: {} documents ({} real, {} synthetic copies); {}-word shingles, threshold {}",
            self.docs,
            self.originals,
            self.docs - self.originals,
            self.config.shingle,
            self.config.threshold
        )?;
        writeln!(
            f,
            "pairs: precision {:.3}  recall {:.3}  F1 {:.3}  ({} true of {} predicted, {} gold)",
            s.precision, s.recall, s.f1, s.true_pairs, s.predicted_pairs, s.gold_pairs
        )?;
        for k in &self.per_rewrite {
            writeln!(
                f,
                "  {:<15} {:>4}/{:<4} copies found",
                k.rewrite.name(),
                k.found,
                k.total
            )?;
        }
        writeln!(
            f,
            "speed: {:.0} documents/s ({:.3} s)",
            self.docs_per_second, self.seconds
        )?;
        for p in &self.false_pairs {
            writeln!(f, "  grouped, not in gold: {p}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{SEED_PARIS, SEED_VOV, VOA, corpus_text};

    fn articles() -> Vec<Article> {
        [("voa", VOA), ("paris", SEED_PARIS), ("vov", SEED_VOV)]
            .into_iter()
            .map(|(name, raw)| {
                let (title, text) = corpus_text(raw);
                Article {
                    name: name.into(),
                    title: Some(title),
                    text,
                    published: Some(jiff::civil::date(2016, 2, 21)),
                }
            })
            .collect()
    }

    #[test]
    fn rewrites_are_deterministic_and_change_the_text_as_named() {
        let (_, text) = corpus_text(VOA);
        for kind in Rewrite::ALL {
            assert_eq!(rewrite(&text, kind, 7), rewrite(&text, kind, 7), "{kind:?}");
            assert_ne!(rewrite(&text, kind, 7), text, "{kind:?}");
        }
        let words = |t: &str| t.split_whitespace().count();
        assert!(words(&rewrite(&text, Rewrite::DropSentences, 1)) < words(&text));
        assert!(words(&rewrite(&text, Rewrite::Truncate, 1)) <= words(&text) * 7 / 10);
        assert!(words(&rewrite(&text, Rewrite::Boilerplate, 1)) > words(&text));
        assert_eq!(words(&rewrite(&text, Rewrite::Substitute, 1)), words(&text));
        let mut a: Vec<&str> = text.split_whitespace().collect();
        let shuffled = rewrite(&text, Rewrite::Reorder, 1);
        let mut b: Vec<&str> = shuffled.split_whitespace().collect();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "reordering keeps every word");
    }

    #[test]
    fn the_set_groups_copies_names_and_labels() {
        let mut input = articles();
        // The same item kept twice, and an exact copy under another name.
        input.push(Article {
            name: "voa".into(),
            text: format!("{} Updated.", input[0].text),
            ..input[0].clone()
        });
        input.push(Article {
            name: "mirror".into(),
            ..input[2].clone()
        });
        let same = vec![("paris".to_string(), "vov".to_string())];
        let set = build_set(&input, &same, 2, 1);
        let originals: Vec<&LabelledDoc> =
            set.docs.iter().filter(|d| d.rewrite.is_none()).collect();
        assert_eq!(originals.len(), 4, "the exact copy is kept once");
        assert_eq!(set.docs.len(), 4 + 2 * 4);
        assert_eq!(originals[0].group, originals[3].group, "same name");
        assert_eq!(originals[1].group, originals[2].group, "labelled pair");
        assert_ne!(originals[0].group, originals[1].group);
        assert!(set.docs.iter().filter(|d| d.rewrite.is_some()).all(|d| {
            set.docs
                .iter()
                .any(|o| o.rewrite.is_none() && o.group == d.group)
        }));
        assert_eq!(build_set(&input, &same, 2, 1), set, "deterministic");
    }

    #[test]
    fn pair_scores_count_pairs() {
        // Gold {0,1,2} {3}; predicted {0,1} {2,3}.
        let s = score_groups(&[0, 0, 0, 3], &[0, 0, 2, 2]);
        assert_eq!((s.true_pairs, s.predicted_pairs, s.gold_pairs), (1, 2, 3));
        assert!((s.precision - 0.5).abs() < 1e-9 && (s.recall - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(score_groups(&[0, 1], &[0, 1]).f1, 1.0);
    }

    #[test]
    fn the_default_detector_finds_the_copies_and_keeps_articles_apart() {
        let report = evaluate(&build_set(&articles(), &[], 6, 3), DupConfig::default());
        assert_eq!(report.docs, 3 + 18);
        assert!(report.scores.recall >= 0.9, "{report}");
        assert_eq!(report.scores.precision, 1.0, "{report}");
        assert!(report.false_pairs.is_empty());
        assert!(report.to_string().contains("precision 1.000"), "{report}");
    }
}
