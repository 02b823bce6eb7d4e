//! Stories: documents clustered incrementally by what they are about.
//!
//! A document is a sparse vector of its salient entities (canonical names,
//! weighted by mentions, more in the title and lead) and keywords (tf-idf
//! over title and lead, stopwords out, document frequencies counted as
//! documents arrive). It joins the story whose centroid is most similar
//! (cosine ≥ [`StoryConfig::threshold`]) among the stories active within
//! [`StoryConfig::window_days`] of its publication date, else it starts a new
//! story. Candidate stories come from posting lists of the documents' top
//! terms, each kept to the most recently active stories, and centroids are
//! pruned to their top terms, so the cost of a document stays flat as the
//! corpus grows. A story's id comes from its first document and never changes.
//!
//! It does not split or merge stories after the fact, and it does not read
//! events: those follow the story of the document they were first seen in.

use std::collections::HashMap;

use dateline_core::{Document, EntityKind, Story};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3Builder, xxh3_64};

use crate::date::days_between;
use crate::text::{is_stopword, names_a_story, words};

/// Terms kept in a story centroid.
const CENTROID_TERMS: usize = 64;
/// Terms of a document (and of a story) used for blocking.
const BLOCKING_TERMS: usize = 8;
/// Stories kept in one term's posting list (the most recently active).
const POSTING_STORIES: usize = 48;
/// Words of the body counted as its lead.
const LEAD_WORDS: usize = 60;
/// Entities and keywords named on a story.
const NAMED: usize = 5;

/// Story clustering settings.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryConfig {
    /// Cosine similarity to a story's centroid needed to join it.
    pub threshold: f32,
    /// A story takes documents published up to this many days after its
    /// latest one (or before its first one).
    pub window_days: i64,
}

impl Default for StoryConfig {
    fn default() -> StoryConfig {
        StoryConfig {
            threshold: 0.3,
            window_days: 14,
        }
    }
}

/// A term: an entity's canonical name or a keyword.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Term {
    text: String,
    entity: Option<EntityKind>,
    /// Documents it occurred in.
    df: u32,
}

/// A story with its centroid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct StoryRec {
    pub(crate) story: Story,
    /// Summed document vectors, pruned to the top terms, by term id.
    centroid: Vec<(u32, f32)>,
    /// Documents naming each entity, for the most named ones, by term id:
    /// a story is named after the place most of its documents mention
    /// (tf-idf would pick the rarer one).
    named: Vec<(u32, u32)>,
}

/// The saved form of the story index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct StoryState {
    config: StoryConfig,
    terms: Vec<Term>,
    docs: u64,
    stories: Vec<StoryRec>,
    /// Posting lists by term id (stories filed under a term stay there
    /// after it leaves their top terms, so they are saved, not rebuilt).
    postings: Vec<(u32, Vec<u32>)>,
}

/// The incremental story clusterer.
#[derive(Clone, Debug, Default)]
pub(crate) struct StoryIndex {
    config: StoryConfig,
    terms: Vec<Term>,
    term_ids: HashMap<String, u32, Xxh3Builder>,
    docs: u64,
    stories: Vec<StoryRec>,
    ids: HashMap<String, u32, Xxh3Builder>,
    postings: HashMap<u32, Vec<u32>, Xxh3Builder>,
}

impl StoryIndex {
    pub(crate) fn new(config: StoryConfig) -> StoryIndex {
        StoryIndex {
            config,
            ..StoryIndex::default()
        }
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Story> {
        self.stories.iter().map(|s| &s.story)
    }

    pub(crate) fn id(&self, idx: u32) -> &str {
        self.stories
            .get(idx as usize)
            .map_or("", |s| s.story.id.as_str())
    }

    pub(crate) fn by_id(&self, id: &str) -> Option<&Story> {
        self.ids.get(id).map(|&i| &self.stories[i as usize].story)
    }

    /// Puts a document into a story; returns the story's index and whether it is new.
    pub(crate) fn assign(&mut self, doc: &Document) -> (u32, bool) {
        self.docs += 1;
        let vector = self.vector(doc);
        let mut candidates: Vec<u32> = top_terms(&vector, BLOCKING_TERMS)
            .into_iter()
            .filter_map(|t| self.postings.get(&t))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates
            .into_iter()
            .filter(|&s| self.in_window(s, doc.published))
            .map(|s| (cosine(&vector, &self.stories[s as usize].centroid), s))
            .filter(|(sim, _)| *sim >= self.config.threshold)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, s)| s);
        match best {
            Some(s) => {
                self.join(s, doc, &vector);
                (s, false)
            }
            None => (self.start(doc, vector), true),
        }
    }

    /// Adds a near-duplicate copy to its representative's story without
    /// moving the centroid (a copy says nothing new about the story).
    pub(crate) fn add_copy(&mut self, story: u32, doc: &Document) {
        self.docs += 1;
        let rec = &mut self.stories[story as usize];
        rec.story.documents += 1;
        extend_dates(&mut rec.story, doc.published);
    }

    fn in_window(&self, story: u32, published: Option<Date>) -> bool {
        let s = &self.stories[story as usize].story;
        let (Some(p), Some(first), Some(last)) = (published, s.first, s.last) else {
            return true;
        };
        days_between(last, p) <= self.config.window_days
            && days_between(p, first) <= self.config.window_days
    }

    /// The document's term vector (L2-normalised), by term id; counts the
    /// document's terms into the document frequencies first.
    fn vector(&mut self, doc: &Document) -> Vec<(u32, f32)> {
        let mut weights: HashMap<u32, f32, Xxh3Builder> = HashMap::default();
        let lead_chars = lead_end(&doc.text);
        for e in &doc.entities {
            if e.canonical.is_empty() {
                continue;
            }
            let boost = if e.start < lead_chars { 2.0 } else { 1.0 };
            let id = self.term(&e.canonical, Some(e.kind));
            *weights.entry(id).or_default() += boost;
        }
        let title = doc.title.as_deref().unwrap_or("");
        let lead = doc
            .text
            .split_whitespace()
            .take(LEAD_WORDS)
            .collect::<Vec<_>>()
            .join(" ");
        for (text, boost) in [(title, 2.0), (lead.as_str(), 1.0)] {
            for w in words(text).filter(|w| !is_stopword(w)) {
                let id = self.term(&w, None);
                *weights.entry(id).or_default() += boost;
            }
        }
        let n = self.docs as f32;
        let mut vector: Vec<(u32, f32)> = weights
            .into_iter()
            .map(|(id, tf)| {
                let term = &mut self.terms[id as usize];
                term.df += 1;
                let idf = ((n + 1.0) / (term.df as f32 + 1.0)).ln() + 1.0;
                // Entities say more about a story than the words around them.
                let kind = if term.entity.is_some() { 1.5 } else { 1.0 };
                (id, (1.0 + tf.ln()) * idf * kind)
            })
            .collect();
        vector.sort_unstable_by_key(|(id, _)| *id);
        normalise(&mut vector);
        vector
    }

    fn term(&mut self, text: &str, entity: Option<EntityKind>) -> u32 {
        let key = match entity {
            Some(_) => format!("e:{text}"),
            None => format!("w:{text}"),
        };
        if let Some(&id) = self.term_ids.get(&key) {
            return id;
        }
        let id = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);
        self.terms.push(Term {
            text: text.to_string(),
            entity,
            df: 0,
        });
        self.term_ids.insert(key, id);
        id
    }

    fn start(&mut self, doc: &Document, vector: Vec<(u32, f32)>) -> u32 {
        let idx = u32::try_from(self.stories.len()).unwrap_or(u32::MAX);
        let id = format!("st-{:012x}", xxh3_64(doc.id.as_bytes()) >> 16);
        self.ids.insert(id.clone(), idx);
        self.stories.push(StoryRec {
            story: Story {
                id,
                name: String::new(),
                keywords: Vec::new(),
                entities: Vec::new(),
                documents: 1,
                first: doc.published,
                last: doc.published,
            },
            named: entity_terms(&vector, &self.terms).map(|t| (t, 1)).collect(),
            centroid: vector,
        });
        self.refresh(idx);
        idx
    }

    fn join(&mut self, idx: u32, doc: &Document, vector: &[(u32, f32)]) {
        let rec = &mut self.stories[idx as usize];
        rec.centroid = add_vectors(&rec.centroid, vector);
        if rec.centroid.len() > CENTROID_TERMS {
            let keep = top_terms(&rec.centroid, CENTROID_TERMS);
            rec.centroid.retain(|(t, _)| keep.contains(t));
        }
        rec.story.documents += 1;
        for t in entity_terms(vector, &self.terms) {
            match rec.named.iter_mut().find(|(n, _)| *n == t) {
                Some(slot) => slot.1 += 1,
                None => rec.named.push((t, 1)),
            }
        }
        rec.named.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        rec.named.truncate(CENTROID_TERMS);
        extend_dates(&mut rec.story, doc.published);
        self.refresh(idx);
    }

    /// Renames a story from its centroid and files it under its top terms.
    fn refresh(&mut self, idx: u32) {
        let rec = &self.stories[idx as usize];
        let ranked = top_terms(&rec.centroid, rec.centroid.len());
        let mut entities = Vec::new();
        let mut keywords = Vec::new();
        for &t in &ranked {
            let term = &self.terms[t as usize];
            let list = if term.entity.is_some() {
                &mut entities
            } else {
                &mut keywords
            };
            if list.len() < NAMED {
                list.push(term.text.clone());
            }
        }
        let name = self.name(&ranked, &rec.named);
        for &t in ranked.iter().take(BLOCKING_TERMS) {
            let list = self.postings.entry(t).or_default();
            list.retain(|&s| s != idx);
            list.push(idx);
            if list.len() > POSTING_STORIES {
                list.remove(0);
            }
        }
        let story = &mut self.stories[idx as usize].story;
        story.entities = entities;
        story.keywords = keywords;
        story.name = name;
    }

    /// "Syria — ceasefire, Aleppo, Kerry": the top place (else the top
    /// entity) first, then the next three terms; people by surname.
    fn name(&self, ranked: &[u32], named: &[(u32, u32)]) -> String {
        let show = |t: u32| {
            let term = &self.terms[t as usize];
            match term.entity {
                Some(EntityKind::Person) => term
                    .text
                    .rsplit(' ')
                    .next()
                    .unwrap_or(&term.text)
                    .to_string(),
                _ => term.text.clone(),
            }
        };
        let is_place = |t: u32| {
            matches!(
                self.terms[t as usize].entity,
                Some(EntityKind::Gpe | EntityKind::Loc)
            )
        };
        let head = named
            .iter()
            .map(|(t, _)| *t)
            .find(|&t| is_place(t))
            .or_else(|| ranked.iter().copied().find(|&t| is_place(t)))
            .or_else(|| {
                ranked
                    .iter()
                    .copied()
                    .find(|&t| self.terms[t as usize].entity.is_some())
            })
            .or_else(|| ranked.first().copied());
        let Some(head) = head else {
            return "Untitled story".to_string();
        };
        let mut rest: Vec<String> = Vec::new();
        let mut seen = vec![show(head).to_lowercase()];
        for &t in ranked {
            let shown = show(t);
            let lower = shown.to_lowercase();
            // "Palmyra" the place and "palmyra" the keyword are one name.
            if names_a_story(&lower) && !seen.contains(&lower) {
                seen.push(lower);
                rest.push(shown);
            }
            if rest.len() == 3 {
                break;
            }
        }
        if rest.is_empty() {
            show(head)
        } else {
            format!("{} — {}", show(head), rest.join(", "))
        }
    }

    pub(crate) fn to_state(&self) -> StoryState {
        StoryState {
            config: self.config,
            terms: self.terms.clone(),
            docs: self.docs,
            stories: self.stories.clone(),
            postings: {
                let mut p: Vec<(u32, Vec<u32>)> =
                    self.postings.iter().map(|(t, l)| (*t, l.clone())).collect();
                p.sort_unstable_by_key(|(t, _)| *t);
                p
            },
        }
    }

    /// Rebuilds the index from its saved form.
    ///
    /// # Errors
    /// When a story or posting names a term or story that is not there.
    pub(crate) fn from_state(state: StoryState) -> crate::Result<StoryIndex> {
        let (terms, stories) = (state.terms.len(), state.stories.len());
        let bad_term = state
            .stories
            .iter()
            .flat_map(|s| &s.centroid)
            .map(|(t, _)| *t)
            .chain(state.stories.iter().flat_map(|s| &s.named).map(|(t, _)| *t))
            .chain(state.postings.iter().map(|(t, _)| *t))
            .any(|t| t as usize >= terms);
        let bad_story = state
            .postings
            .iter()
            .flat_map(|(_, l)| l)
            .any(|&s| s as usize >= stories);
        if bad_term || bad_story {
            return Err(crate::Error::State(format!(
                "stories name terms or stories beyond the {terms} terms and {stories} stories saved"
            )));
        }
        let mut index = StoryIndex::new(state.config);
        index.docs = state.docs;
        for (i, term) in state.terms.into_iter().enumerate() {
            let key = match term.entity {
                Some(_) => format!("e:{}", term.text),
                None => format!("w:{}", term.text),
            };
            index.term_ids.insert(key, i as u32);
            index.terms.push(term);
        }
        index.stories = state.stories;
        for (i, rec) in index.stories.iter().enumerate() {
            index.ids.insert(rec.story.id.clone(), i as u32);
        }
        index.postings = state.postings.into_iter().collect();
        Ok(index)
    }
}

/// The entity terms of a vector.
fn entity_terms<'a>(vector: &'a [(u32, f32)], terms: &'a [Term]) -> impl Iterator<Item = u32> + 'a {
    vector.iter().map(|(t, _)| *t).filter(|&t| {
        terms
            .get(t as usize)
            .is_some_and(|term| term.entity.is_some())
    })
}

fn extend_dates(story: &mut Story, published: Option<Date>) {
    if let Some(p) = published {
        story.first = Some(story.first.map_or(p, |f| f.min(p)));
        story.last = Some(story.last.map_or(p, |l| l.max(p)));
    }
}

/// Character offset where the lead (the first `LEAD_WORDS` words) ends.
fn lead_end(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == LEAD_WORDS {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    usize::MAX
}

/// Term ids of the `n` heaviest entries, heaviest first (ties: lower id).
fn top_terms(vector: &[(u32, f32)], n: usize) -> Vec<u32> {
    let mut sorted: Vec<(u32, f32)> = vector.to_vec();
    sorted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    sorted.into_iter().take(n).map(|(t, _)| t).collect()
}

fn normalise(vector: &mut [(u32, f32)]) {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in vector.iter_mut() {
            *w /= norm;
        }
    }
}

/// Sum of two vectors sorted by term id.
fn add_vectors(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// Cosine of a unit vector with an unnormalised one, both sorted by term id.
fn cosine(unit: &[(u32, f32)], other: &[(u32, f32)]) -> f32 {
    let norm = other.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < unit.len() && j < other.len() {
        match unit[i].0.cmp(&other[j].0) {
            std::cmp::Ordering::Equal => {
                dot += unit[i].1 * other[j].1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    dot / norm
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::wcep_docs;

    const NAMES: &[(&str, EntityKind)] = &[
        ("Syria", EntityKind::Gpe),
        ("Russia", EntityKind::Gpe),
        ("United States", EntityKind::Gpe),
        ("Yemen", EntityKind::Gpe),
        ("Afghanistan", EntityKind::Gpe),
        ("Iran", EntityKind::Gpe),
        ("Paris", EntityKind::Gpe),
        ("France", EntityKind::Gpe),
        ("Islamic State", EntityKind::Group),
        ("John Kerry", EntityKind::Person),
        ("Hillary Clinton", EntityKind::Person),
    ];

    /// Story of each WCEP item, fed in publication order.
    fn cluster() -> (StoryIndex, Vec<(String, u32)>) {
        let mut docs = wcep_docs(NAMES);
        docs.sort_by_key(|(_, d)| d.published);
        let mut index = StoryIndex::new(StoryConfig::default());
        let assigned = docs
            .iter()
            .map(|(id, d)| (id.clone(), index.assign(d).0))
            .collect();
        (index, assigned)
    }

    fn story_of(assigned: &[(String, u32)], prefix: &str) -> Vec<u32> {
        assigned
            .iter()
            .filter(|(id, _)| id.starts_with(prefix))
            .map(|(_, s)| *s)
            .collect()
    }

    #[test]
    fn the_syrian_truce_items_form_one_story_apart_from_the_news_of_the_day() {
        let (index, assigned) = cluster();
        let truce: Vec<u32> = [
            "wcep:2016-02-22_",
            "wcep:2016-02-26_",
            "wcep:2016-02-27_a-truce",
            "wcep:2016-02-27:1",
        ]
        .iter()
        .flat_map(|p| story_of(&assigned, p))
        .collect();
        assert_eq!(truce.len(), 4);
        assert!(truce.iter().all(|&s| s == truce[0]), "{truce:?}");
        for other in [
            "wcep:2016-02-27:2",
            "wcep:2016-02-27:3",
            "wcep:2016-02-27:5",
            "wcep:2016-02-27:8",
        ] {
            assert_ne!(story_of(&assigned, other), vec![truce[0]], "{other}");
        }
        let story = &index.stories[truce[0] as usize].story;
        assert_eq!(story.documents, 4);
        // All four name Russia ("Russian air raids"), two name Syria: the
        // place most of the documents name comes first.
        assert!(story.name.starts_with("Russia — "), "{}", story.name);
        // "midnight 27 February" is in all four, yet names nothing.
        assert!(
            !story.name.contains("february") && !story.name.contains("midnight"),
            "{}",
            story.name
        );
        assert!(
            story.entities.iter().any(|e| e == "Syria"),
            "{:?}",
            story.entities
        );
        assert!(
            story.keywords.iter().any(|k| k == "truce"),
            "{:?}",
            story.keywords
        );
        assert_eq!(story.first, Some(jiff::civil::date(2016, 2, 22)));
        assert_eq!(story.last, Some(jiff::civil::date(2016, 2, 27)));
    }

    #[test]
    fn the_july_truce_is_outside_the_february_story_window() {
        let (_, assigned) = cluster();
        let feb = story_of(&assigned, "wcep:2016-02-22_");
        let dec = story_of(&assigned, "wcep:2016-12-29_");
        assert_eq!((feb.len(), dec.len()), (1, 1));
        assert_ne!(feb, dec);
    }

    #[test]
    fn a_reloaded_index_assigns_like_the_original() {
        let mut docs = wcep_docs(NAMES);
        docs.sort_by_key(|(_, d)| d.published);
        let (first, rest) = docs.split_at(30);
        let mut index = StoryIndex::new(StoryConfig::default());
        for (_, d) in first {
            index.assign(d);
        }
        let json = serde_json::to_string(&index.to_state()).expect("serializable");
        let mut reloaded =
            StoryIndex::from_state(serde_json::from_str(&json).expect("deserializable"))
                .expect("valid");
        for (_, d) in rest {
            assert_eq!(index.assign(d), reloaded.assign(d));
        }
        assert_eq!(index.to_state(), reloaded.to_state());
    }

    #[test]
    fn vectors_add_and_compare() {
        let a = [(1, 0.6), (3, 0.8)];
        let b = [(2, 1.0), (3, 1.0)];
        assert_eq!(add_vectors(&a, &b), [(1, 0.6), (2, 1.0), (3, 1.8)]);
        assert!((cosine(&a, &b) - 0.8 / 2f32.sqrt()).abs() < 1e-6);
        assert_eq!(top_terms(&add_vectors(&a, &b), 2), [3, 2]);
    }
}
