//! Annotations on a document's text: spans and temporal expressions.

use serde::{Deserialize, Serialize};

/// A range of characters in [`Document::text`](crate::Document::text):
/// `start` inclusive, `end` exclusive, counted in Unicode scalar values.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// TIMEX3 `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period of one ("July 6", "last week", "2015").
    Date,
    /// A time of day ("1 a.m.", "2200 GMT").
    Time,
    /// A length of time ("72 hours", "over four years").
    Duration,
    /// A recurring time ("every week", "daily").
    Set,
}

/// What a temporal expression's value was resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimexAnchor {
    /// Absolute: the expression names its own date ("6 July 2016").
    Absolute,
    /// Resolved against the publication date ("on Tuesday", "last week").
    Published,
    /// Resolved against another expression in the text ("two days later").
    Previous,
    /// Relative, but no anchor was known: the value is underspecified (`XXXX-07-06`).
    Unresolved,
}

/// A temporal expression and its TIMEX3 normalisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// First character of the expression in the text.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value, e.g. `2015-11-17`, `2015-W46`, `P4Y`, `2016-07-06T01:00+03:00`.
    pub value: String,
    /// TIMEX3 `mod` (START, MID, END, BEFORE, AFTER, MORE_THAN, LESS_THAN, APPROX …).
    pub r#mod: Option<String>,
    /// What the value was resolved against.
    pub anchor: TimexAnchor,
}

/// Something in the document that does not add up, reported rather than
/// silently resolved: e.g. a time given in two zones that disagree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentIssue {
    /// The spans of text involved.
    pub spans: Vec<Span>,
    /// What is wrong, in a sentence.
    pub reason: String,
}
