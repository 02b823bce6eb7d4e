//! The incremental façade: [`Linker::add`] takes one annotated document at a
//! time and says what changed (its near-duplicate link, the linked events it
//! created or updated, its story). The state saves to a versioned,
//! serde-serializable [`LinkerState`] and reloads, so a later run goes on
//! where the last one stopped.
//!
//! Given the same documents in the same order, the result is the same. It
//! does not store documents or read files: the caller keeps the documents and
//! gives the linker each one once.

use dateline_core::{Document, DuplicateLink, LinkedEvent, Story, site_of_url};
use serde::{Deserialize, Serialize};

use crate::coref::{EventIndex, Linked, Origin};
use crate::dup::{DupConfig, DupIndex, DupState};
use crate::story::{StoryConfig, StoryIndex, StoryState};
use crate::{Error, Result};

/// The version of [`LinkerState`] this build writes and reads.
pub const STATE_VERSION: u32 = 1;

/// Linker settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkConfig {
    /// Near-duplicate detection.
    pub duplicates: DupConfig,
    /// Story clustering.
    pub stories: StoryConfig,
}

/// The story a document was put in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryAssignment {
    /// The story's id.
    pub id: String,
    /// Whether the document started it.
    pub created: bool,
}

/// What adding one document changed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkUpdate {
    /// The document's id.
    pub doc: String,
    /// True when the id was already linked: nothing changed.
    pub known: bool,
    /// The document's link to its group representative, when it is a copy.
    pub duplicate: Option<DuplicateLink>,
    /// Other documents whose representative changed (the new document is
    /// earlier or more complete, or it joined two groups).
    pub relinked: Vec<DuplicateLink>,
    /// Ids of linked events this document created.
    pub events_created: Vec<String>,
    /// Ids of existing linked events it added mentions to.
    pub events_updated: Vec<String>,
    /// The story it went into.
    pub story: Option<StoryAssignment>,
}

/// The saved form of a [`Linker`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkerState {
    /// [`STATE_VERSION`] when written.
    pub version: u32,
    /// Settings.
    pub config: LinkConfig,
    /// Near-duplicate signatures and groups.
    pub duplicates: DupState,
    /// Linked events with their merge bookkeeping (opaque).
    events: Vec<Linked>,
    /// Story centroids and vocabulary (opaque).
    stories: StoryState,
    /// Story index of each document, in the near-duplicate index's order.
    doc_stories: Vec<u32>,
}

/// Links documents as they arrive: near-duplicates, coreferent events, stories.
///
/// ```
/// use dateline_core::{Document, Source};
/// use dateline_link::Linker;
///
/// let text = "Syria's government and rebels agreed a cessation of hostilities that began \
///             at midnight, the first major truce in five years of war, as Russia and the \
///             United States said they would monitor violations along the front lines.";
/// let mut a = Document::new(Source::default(), Some("Syria truce begins".into()), text.into());
/// a.published = Some(jiff::civil::date(2016, 2, 27));
/// let mut b = Document::new(Source::default(), Some("Syria truce begins".into()),
///     format!("{text} Reporting by a wire service."));
/// b.published = Some(jiff::civil::date(2016, 2, 28));
///
/// let mut linker = Linker::new();
/// assert!(linker.add(&a).duplicate.is_none());
/// let update = linker.add(&b);
/// assert_eq!(update.duplicate.map(|d| d.representative), Some(a.id.clone()));
/// assert_eq!(update.story.map(|s| s.created), Some(false));
/// ```
#[derive(Clone, Debug)]
pub struct Linker {
    config: LinkConfig,
    dup: DupIndex,
    events: EventIndex,
    stories: StoryIndex,
    /// Story index of each document, in the near-duplicate index's order.
    doc_stories: Vec<u32>,
}

impl Default for Linker {
    fn default() -> Linker {
        Linker::new()
    }
}

impl Linker {
    /// A linker with the default settings.
    pub fn new() -> Linker {
        Linker::with_config(LinkConfig::default())
    }

    /// A linker with the given settings.
    pub fn with_config(config: LinkConfig) -> Linker {
        Linker {
            config,
            dup: DupIndex::new(config.duplicates),
            events: EventIndex::default(),
            stories: StoryIndex::new(config.stories),
            doc_stories: Vec::new(),
        }
    }

    /// Number of documents linked.
    pub fn len(&self) -> usize {
        self.dup.len()
    }

    /// Whether no document has been linked.
    pub fn is_empty(&self) -> bool {
        self.dup.is_empty()
    }

    /// Links one document. A document whose id is already linked changes nothing.
    pub fn add(&mut self, doc: &Document) -> LinkUpdate {
        let mut update = LinkUpdate {
            doc: doc.id.clone(),
            ..LinkUpdate::default()
        };
        if self.dup.position(&doc.id).is_some() {
            update.known = true;
            return update;
        }
        let (idx, dup) = self.dup.add(doc);
        update.duplicate = dup.link;
        update.relinked = dup.relinked;
        let rep = self.dup.representative(idx);

        let story = match self.doc_stories.get(rep as usize) {
            Some(&story) if rep != idx => {
                self.stories.add_copy(story, doc);
                (story, false)
            }
            _ => self.stories.assign(doc),
        };
        self.doc_stories.push(story.0);
        let story_id = self.story_id(story.0).to_string();
        update.story = Some(StoryAssignment {
            id: story_id.clone(),
            created: story.1,
        });

        let site = site_of(doc);
        let touched = self.events.add(Origin {
            doc,
            source: rep,
            site: &site,
        });
        for &e in &touched.created {
            self.events.set_story(e, &story_id);
        }
        update.events_created = touched
            .created
            .iter()
            .map(|&e| self.events.get(e).id.clone())
            .collect();
        update.events_updated = touched
            .updated
            .iter()
            .map(|&e| self.events.get(e).id.clone())
            .collect();
        update
    }

    fn story_id(&self, idx: u32) -> &str {
        self.stories.id(idx)
    }

    /// Every document that copies another, with its representative.
    pub fn duplicates(&self) -> Vec<DuplicateLink> {
        self.dup.links()
    }

    /// The representative of a document's near-duplicate group (itself when
    /// it has no copies); `None` for an unknown id.
    pub fn representative(&self, doc: &str) -> Option<&str> {
        self.dup.representative_of(doc)
    }

    /// Every linked event, in creation order.
    pub fn events(&self) -> impl Iterator<Item = &LinkedEvent> {
        self.events.iter()
    }

    /// Number of linked events.
    pub fn event_count(&self) -> usize {
        self.events.len()
    }

    /// A linked event by id.
    pub fn event(&self, id: &str) -> Option<&LinkedEvent> {
        self.events.by_id(id)
    }

    /// Every story, in creation order.
    pub fn stories(&self) -> impl Iterator<Item = &Story> {
        self.stories.iter()
    }

    /// A story by id.
    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.by_id(id)
    }

    /// The story a document was put in.
    pub fn story_of(&self, doc: &str) -> Option<&str> {
        let idx = self.dup.position(doc)?;
        let story = *self.doc_stories.get(idx as usize)?;
        Some(self.story_id(story))
    }

    /// The saved form of everything linked so far.
    pub fn to_state(&self) -> LinkerState {
        LinkerState {
            version: STATE_VERSION,
            config: self.config,
            duplicates: self.dup.to_state(),
            events: self.events.to_state(),
            stories: self.stories.to_state(),
            doc_stories: self.doc_stories.clone(),
        }
    }

    /// A linker that continues from a saved state.
    ///
    /// # Errors
    /// [`Error::State`] when the state is of another version or does not hold together.
    pub fn from_state(state: LinkerState) -> Result<Linker> {
        if state.version != STATE_VERSION {
            return Err(Error::State(format!(
                "version {} cannot be read by this build (it reads version {STATE_VERSION})",
                state.version
            )));
        }
        if state.doc_stories.len() != state.duplicates.docs.len() {
            return Err(Error::State(format!(
                "{} documents but {} story assignments",
                state.duplicates.docs.len(),
                state.doc_stories.len()
            )));
        }
        let stories = StoryIndex::from_state(state.stories)?;
        let count = stories.iter().count();
        if let Some(bad) = state.doc_stories.iter().find(|&&s| s as usize >= count) {
            return Err(Error::State(format!(
                "a document names story {bad} of {count}"
            )));
        }
        Ok(Linker {
            config: state.config,
            dup: DupIndex::from_state(state.duplicates)?,
            events: EventIndex::from_state(state.events),
            stories,
            doc_stories: state.doc_stories,
        })
    }
}

/// The site a document came from: its source's site, else its URL's host,
/// else its path, else its id.
pub(crate) fn site_of(doc: &Document) -> String {
    if let Some(site) = doc.source.site.as_deref().filter(|s| !s.is_empty()) {
        return site.to_string();
    }
    if let Some(host) = doc.source.url.as_deref().and_then(site_of_url) {
        return host;
    }
    doc.source.path.clone().unwrap_or_else(|| doc.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Rewrite, rewrite};
    use crate::testutil::{VOA, corpus_text, doc, frame, truce_reports};
    use dateline_core::CeasefireStatus;
    use jiff::civil::date;

    /// A small stream: a real article, a copy of it, and reports of the
    /// February 2016 truce with events.
    fn stream() -> Vec<Document> {
        let (title, body) = corpus_text(VOA);
        let mut voa = doc(&title, &body, Some(date(2016, 2, 21)), "voanews.com");
        voa.ceasefires = vec![frame(
            &["John Kerry"],
            Some("Syria"),
            None,
            None,
            CeasefireStatus::Proposed,
        )];
        let mut copy = doc(
            &title,
            &rewrite(&body, Rewrite::Boilerplate, 1),
            Some(date(2016, 2, 22)),
            "copy.example",
        );
        copy.ceasefires = voa.ceasefires.clone();
        let [deal, start] = truce_reports();
        vec![voa, copy, deal, start]
    }

    #[test]
    fn adding_reports_what_changed() {
        let docs = stream();
        let mut linker = Linker::new();
        let first = linker.add(&docs[0]);
        assert_eq!(
            (first.duplicate.clone(), first.events_created.len()),
            (None, 1)
        );
        assert!(first.story.as_ref().is_some_and(|s| s.created));
        let copy = linker.add(&docs[1]);
        assert_eq!(
            copy.duplicate.as_ref().map(|d| d.representative.as_str()),
            Some(docs[0].id.as_str())
        );
        assert_eq!(
            copy.story.as_ref().map(|s| (s.id.as_str(), s.created)),
            Some((first.story.as_ref().map_or("", |s| s.id.as_str()), false))
        );
        assert_eq!(copy.events_updated, first.events_created);
        let deal = linker.add(&docs[2]);
        assert_eq!(
            deal.events_updated, first.events_created,
            "the proposal and the deal are one ceasefire"
        );
        let start = linker.add(&docs[3]);
        // The attack and the coded truce; the truce frame joins the deal's ceasefire.
        assert_eq!(start.events_created.len(), 2);
        assert_eq!(start.events_updated, first.events_created);
        assert!(linker.add(&docs[3]).known);

        assert_eq!(linker.len(), 4);
        assert_eq!(linker.event_count(), 3);
        assert_eq!(linker.duplicates().len(), 1);
        assert_eq!(
            linker.representative(&docs[1].id),
            Some(docs[0].id.as_str())
        );
        let truce = linker.event(&first.events_created[0]).expect("ceasefire");
        let steps: Vec<CeasefireStatus> = truce.lifecycle.iter().map(|s| s.status).collect();
        assert_eq!(
            steps,
            [
                CeasefireStatus::Proposed,
                CeasefireStatus::Agreed,
                CeasefireStatus::InEffect
            ]
        );
        assert_eq!(truce.story.as_deref(), linker.story_of(&docs[0].id));
        assert!(linker.story(truce.story.as_deref().unwrap_or("")).is_some());
    }

    #[test]
    fn a_saved_and_reloaded_linker_continues_as_if_never_stopped() {
        let docs = stream();
        let mut straight = Linker::new();
        let want: Vec<LinkUpdate> = docs.iter().map(|d| straight.add(d)).collect();

        let mut first = Linker::new();
        let mut got: Vec<LinkUpdate> = docs[..2].iter().map(|d| first.add(d)).collect();
        let json = serde_json::to_string(&first.to_state()).expect("serializable");
        let mut second = Linker::from_state(serde_json::from_str(&json).expect("deserializable"))
            .expect("valid");
        got.extend(docs[2..].iter().map(|d| second.add(d)));
        assert_eq!(got, want);
        assert_eq!(second.to_state(), straight.to_state());
    }

    #[test]
    fn a_state_of_another_version_is_refused() {
        let mut state = Linker::new().to_state();
        state.version = STATE_VERSION + 1;
        let err = Linker::from_state(state).map(|_| ()).expect_err("refused");
        assert!(err.to_string().contains("version 2"), "{err}");
        let mut state = Linker::new().to_state();
        state.doc_stories.push(0);
        assert!(Linker::from_state(state).is_err());
    }

    #[test]
    fn sites_come_from_the_source_or_the_url() {
        let mut d = doc("t", "x", None, "voanews.com");
        assert_eq!(site_of(&d), "voanews.com");
        d.source.site = None;
        assert_eq!(site_of(&d), "voanews.com");
        d.source.url = Some("http://feeds.voanews.com/a/3203563.html".into());
        assert_eq!(site_of(&d), "voanews.com");
        d.source.url = None;
        d.source.path = Some("corpus/a.html".into());
        assert_eq!(site_of(&d), "corpus/a.html");
    }
}
