//! Events and ceasefire frames of the output contract.

use serde::{Deserialize, Serialize};

use crate::Span;

/// An actor as an event names it: the words in the text and what they resolve to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventActor {
    /// The words in the text.
    pub text: String,
    /// The canonical name, when known.
    pub canonical: Option<String>,
    /// The CAMEO actor code (`USAGOV`, `SYRMIL`…), when known.
    pub code: Option<String>,
}

/// How the text presents an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as fact by the writer.
    Asserted,
    /// Attributed to a speaker ("Kerry said …").
    Reported,
    /// Expected or planned ("is to take effect", "will meet").
    Future,
    /// Conditional or hypothetical ("if", "could", "would").
    Hypothetical,
    /// Said not to have happened.
    Negated,
}

/// One coded event: who did what to whom, when and where, and the text that says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// PLOVER event type (`AGREE`, `ASSAULT`, `CEASEFIRE`…).
    #[serde(rename = "type")]
    pub kind: String,
    /// CAMEO event code (`0356`, `190`…).
    pub cameo: String,
    /// The word(s) that express the event.
    pub trigger: Span,
    /// Who acts.
    pub source: Option<EventActor>,
    /// Who is acted on.
    pub target: Option<EventActor>,
    /// When: a TIMEX3 value, or the publication date for the reporting itself.
    pub when: Option<String>,
    /// Where, when the text says.
    #[serde(rename = "where")]
    pub place: Option<String>,
    /// How the text presents it.
    pub modality: Modality,
    /// The sentence(s) that justify the record.
    pub evidence: Vec<Span>,
}

/// Where a ceasefire is in its life, as the article reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CeasefireStatus {
    /// Called for or proposed.
    Proposed,
    /// Agreed by the parties or their sponsors, not yet declared in force.
    Agreed,
    /// Announced by a party as starting.
    Declared,
    /// Reported holding / in force.
    InEffect,
    /// Reported broken in places.
    Violated,
    /// Prolonged beyond its first term.
    Extended,
    /// Reported to have broken down.
    Collapsed,
    /// Ended as planned.
    Ended,
}

/// A third party's reaction to a ceasefire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CeasefireReaction {
    /// Who reacted.
    pub actor: String,
    /// How: welcomed, condemned, doubted, rejected…
    pub stance: String,
}

/// A ceasefire or truce as one article reports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ceasefire {
    /// Who declared or brokered it.
    pub declarer: Vec<String>,
    /// Who is bound by it.
    pub parties: Vec<String>,
    /// Who is explicitly left out of it.
    pub excluded: Vec<String>,
    /// The area it covers.
    pub scope: Option<String>,
    /// When it starts: a TIMEX3 value, with its offset when a time is given.
    pub start: Option<String>,
    /// How long it lasts: an ISO 8601 duration (`PT72H`).
    pub duration: Option<String>,
    /// When it ends.
    pub end: Option<String>,
    /// The latest status the article reports.
    pub status: CeasefireStatus,
    /// Conditions attached to it.
    pub conditions: Vec<String>,
    /// Third parties' reactions.
    pub reactions: Vec<CeasefireReaction>,
    /// The sentences that support the frame.
    pub evidence: Vec<Span>,
    /// Contradictions within the article about this ceasefire.
    pub issues: Vec<String>,
}
