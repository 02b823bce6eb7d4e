//! Near-duplicate detection scored on a set built from a corpus folder:
//! every article in it (scraped text, HTML, JSON Lines, Markdown), gold
//! near-duplicate labels from `index.jsonl` (`near_duplicate_of`), and deterministic synthetic rewrites of each long article
//! (see [`dateline_link::eval`]). Pair precision / recall / F1 of the groups
//! [`dateline_link::DupIndex`] finds, per rewrite kind, and documents/s.
//!
//! Used by `dateline eval duplicates DIR…`; `scripts/bench_neardup.py` runs
//! datasketch on the same set (written by the `neardup` example).

use std::path::{Path, PathBuf};

use dateline_core::{Markup, Source};
use dateline_extract::{Options, Page, extract};
use dateline_link::DupConfig;
use dateline_link::eval::{Article, DupReport, DupSet, build_set};

use crate::{Error, Result};

/// Synthetic copies made of each long article.
pub const REWRITES_PER_ARTICLE: usize = 2;
/// The seed of the synthetic copies (any fixed number: the set is the same on every run).
pub const SEED: u64 = 0x6461_7465_6c69_6e65;

/// Files under `dirs`, recursively, in name order.
fn files(dirs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = dirs.to_vec();
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            let entries = std::fs::read_dir(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            for entry in entries {
                let entry = entry.map_err(|source| Error::Read {
                    path: path.clone(),
                    source,
                })?;
                stack.push(entry.path());
            }
        } else {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// `folder:stem`, the naming `index.jsonl` uses (`teftst:2016-02-29-…`).
fn name_of(path: &Path) -> String {
    let folder = path
        .parent()
        .and_then(Path::file_name)
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = path
        .file_stem()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{folder}:{stem}")
}

/// One article extracted from a page; `None` when extraction finds no text.
fn article(
    name: String,
    content: &str,
    markup: Markup,
    published: Option<jiff::civil::Date>,
) -> Option<Article> {
    let page = Page {
        content,
        markup,
        url: None,
        published,
        source: Source::default(),
    };
    let doc = extract(page, &Options::default()).ok()?;
    Some(Article {
        name,
        title: doc.title,
        text: doc.text,
        published: doc.published,
    })
}

/// What a corpus folder holds for the near-duplicate set.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Every article, in path order.
    pub articles: Vec<Article>,
    /// Pairs of article names labelled near-duplicates (`near_duplicate_of`).
    pub same: Vec<(String, String)>,
}

/// The articles under `dirs` and the pairs of names labelled near-duplicates.
pub fn load(dirs: &[PathBuf]) -> Result<Corpus> {
    let mut articles = Vec::new();
    let mut same = Vec::new();
    for path in files(dirs)? {
        let file_name = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        if file_name.starts_with("README")
            || file_name.starts_with("SOURCES")
            || file_name.starts_with('.')
        {
            continue;
        }
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if !matches!(ext.as_str(), "txt" | "md" | "html" | "htm" | "jsonl") {
            continue;
        }
        let content = std::fs::read_to_string(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let mut found: Vec<Article> = Vec::new();
        if ext == "jsonl" {
            for (n, line) in content
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                let record: serde_json::Value =
                    serde_json::from_str(line).map_err(|source| Error::Json {
                        path: path.clone(),
                        source,
                    })?;
                let text = |k: &str| record.get(k).and_then(|v| v.as_str()).map(str::to_string);
                let id = text("id").unwrap_or_else(|| format!("{}:{}", name_of(&path), n + 1));
                if file_name == "index.jsonl" {
                    if let Some(other) = text("near_duplicate_of") {
                        same.push((id, other));
                    }
                    continue;
                }
                let Some(body) = text("text") else { continue };
                let published =
                    text("published").and_then(|p| dateline_extract::parse_loose_date(&p));
                let title = text("title");
                let body = match title {
                    Some(t) => format!("{t}\n\n{body}"),
                    None => body,
                };
                found.extend(article(id, &body, Markup::Text, published));
            }
        } else {
            let markup = if ext.starts_with("htm") {
                Markup::Html
            } else {
                Markup::Text
            };
            found.extend(article(name_of(&path), &content, markup, None));
        }
        articles.extend(found);
    }
    Ok(Corpus { articles, same })
}

/// The labelled set built from `dirs`.
pub fn dataset(dirs: &[PathBuf]) -> Result<DupSet> {
    let Corpus { articles, same } = load(dirs)?;
    if articles.is_empty() {
        return Err(Error::Empty(dirs.first().cloned().unwrap_or_default()));
    }
    Ok(build_set(&articles, &same, REWRITES_PER_ARTICLE, SEED))
}

/// `dateline eval duplicates DIR…`: builds the set and scores the default
/// near-duplicate settings on it.
pub fn evaluate(dirs: &[PathBuf]) -> Result<DupReport> {
    Ok(dateline_link::eval::evaluate(
        &dataset(dirs)?,
        DupConfig::default(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_corpus_makes_a_labelled_set_and_copies_are_found() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let set = dataset(&[corpus]).expect("bundled corpus loads");
        // 2 seeds + 1 VOA article + 51 WCEP items, and copies of the long ones.
        let originals = set.docs.iter().filter(|d| d.rewrite.is_none()).count();
        assert_eq!(originals, 54);
        assert!(set.docs.len() > originals + 4, "{}", set.docs.len());
        let report = dateline_link::eval::evaluate(&set, DupConfig::default());
        assert!(report.scores.recall >= 0.8, "{report}");
        assert!(report.scores.precision >= 0.9, "{report}");
    }
}
