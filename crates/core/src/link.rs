//! What linking makes of many documents: near-duplicate groups, events
//! merged across sources, stories, and the timelines drawn from them.
//!
//! These are the shapes the store keeps and the API serves; the `link` crate
//! computes them. Dates are TIMEX3 values (`2016-02-27`, `2016-W08`,
//! `2016-02`, `2016`) with their [`DatePrecision`].

use serde::{Deserialize, Serialize};

use crate::{Ceasefire, CeasefireStatus, EventActor};

/// How precisely a timeline date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// A year (`2016`).
    Year,
    /// A month (`2016-02`).
    Month,
    /// An ISO week (`2016-W08`).
    Week,
    /// A calendar day (`2016-02-27`).
    Day,
    /// A time of day (`2016-02-27T00:00+02:00`).
    Time,
}

/// A document found to copy or rewrite another one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DuplicateLink {
    /// The copy.
    pub doc: String,
    /// The group's representative (earliest, then most complete copy).
    pub representative: String,
    /// Estimated Jaccard similarity of their shingles, 0–1.
    pub similarity: f32,
}

/// Which list of a document a mention points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionOf {
    /// `Document::events`.
    Event,
    /// `Document::ceasefires`.
    Ceasefire,
}

/// One document's report of a linked event.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// The document's id.
    pub doc: String,
    /// Which list of the document.
    pub of: MentionOf,
    /// The index in that list.
    pub index: u32,
}

/// One step in a ceasefire's life as the sources report it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LifecycleStep {
    /// The status reached.
    pub status: CeasefireStatus,
    /// When (a TIMEX3 value), if known.
    pub date: Option<String>,
    /// How precisely `date` is known.
    pub precision: Option<DatePrecision>,
    /// Documents reporting this step.
    pub docs: Vec<String>,
}

/// An event as all its sources report it: one record per real-world event,
/// merged across documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkedEvent {
    /// Stable id (derived from the first mention).
    pub id: String,
    /// PLOVER type (`CEASEFIRE` for ceasefire frames).
    #[serde(rename = "type")]
    pub kind: String,
    /// CAMEO code.
    pub cameo: String,
    /// When (a TIMEX3 value), if any source says.
    pub date: Option<String>,
    /// How precisely `date` is known.
    pub precision: Option<DatePrecision>,
    /// Who acts.
    pub source: Option<EventActor>,
    /// Who is acted on.
    pub target: Option<EventActor>,
    /// Where.
    #[serde(rename = "where")]
    pub place: Option<String>,
    /// One line saying what happened.
    pub summary: String,
    /// For ceasefires: the frame merged field by field across sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ceasefire: Option<Ceasefire>,
    /// For ceasefires: each status step, dated, with its sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifecycle: Vec<LifecycleStep>,
    /// Every document's report of it.
    pub mentions: Vec<Mention>,
    /// Where the sources disagree ("start: 00:00+02:00 (reuters.com) vs 22:00Z (voanews.com)").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<String>,
    /// The story it belongs to.
    pub story: Option<String>,
}

/// A cluster of documents and events about one unfolding matter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Stable id.
    pub id: String,
    /// A name made of its most salient entities and keywords.
    pub name: String,
    /// Its most salient keywords, best first.
    pub keywords: Vec<String>,
    /// Its most salient entities (canonical names), best first.
    pub entities: Vec<String>,
    /// Documents in it.
    pub documents: u64,
    /// Earliest publication date of its documents.
    pub first: Option<jiff::civil::Date>,
    /// Latest publication date of its documents.
    pub last: Option<jiff::civil::Date>,
}

/// What a timeline was asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineQuery {
    /// A story id.
    pub story: Option<String>,
    /// An actor: canonical name or CAMEO code.
    pub actor: Option<String>,
    /// A place name.
    pub place: Option<String>,
    /// Full-text query over the documents.
    pub text: Option<String>,
    /// Earliest date (inclusive).
    pub from: Option<jiff::civil::Date>,
    /// Latest date (inclusive).
    pub to: Option<jiff::civil::Date>,
}

/// What a timeline entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A coded event.
    Event,
    /// A step in a ceasefire's life.
    Ceasefire,
}

/// A document supporting a timeline entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntrySource {
    /// The document's id.
    pub doc: String,
    /// Its title.
    pub title: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// Its site.
    pub site: Option<String>,
    /// The document it copies, when it is a near-duplicate.
    pub duplicate_of: Option<String>,
}

/// One dated line of a timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// A TIMEX3 value.
    pub date: String,
    /// How precisely `date` is known.
    pub precision: DatePrecision,
    /// One line saying what happened.
    pub summary: String,
    /// Event or ceasefire step.
    pub kind: EntryKind,
    /// For ceasefire steps: the status reached.
    pub status: Option<CeasefireStatus>,
    /// Ids of the linked events behind the entry.
    pub events: Vec<String>,
    /// The documents that report it.
    pub sources: Vec<EntrySource>,
    /// Where the sources disagree.
    pub disagreements: Vec<String>,
}

/// Dated entries answering a [`TimelineQuery`], in date order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// What was asked.
    pub query: TimelineQuery,
    /// The entries.
    pub entries: Vec<TimelineEntry>,
}
