//! The shared types of dateline's output contract (see `DESIGN.md`).
//!
//! Every pipeline stage speaks these types: ingest produces [`Markup`]-tagged
//! records, extract fills a [`Document`], later stages add annotations. This
//! crate holds data and the few derivations every stage must agree on
//! (content ids, [`site_of_url`]); no text parsing, no I/O.
//!
//! Offsets anywhere in the contract are **character** offsets (Unicode scalar
//! values) into [`Document::text`].
//!
//! ```
//! use dateline_core::{Document, InputFormat, PublishedFrom, Source};
//!
//! let source = Source { path: Some("a.txt".into()), format: InputFormat::Text, ..Source::default() };
//! let doc = Document::new(source, Some("Title".into()), "Body.".into());
//! assert_eq!(doc.id.len(), 32);
//! assert_eq!(doc.published_from, PublishedFrom::None);
//! ```
#![warn(missing_docs)]

mod annotation;
mod document;
mod entity;
mod event;
mod link;
mod site;

pub use self::annotation::{DocumentIssue, Span, Timex, TimexAnchor, TimexType};
pub use self::document::{
    BoilerplateKind, Document, InputFormat, Markup, PublishedFrom, Removed, Source, content_id,
};
pub use self::entity::{Entity, EntityKind, EntityVia, Quantity, QuantityKind, Quote};
pub use self::event::{Ceasefire, CeasefireReaction, CeasefireStatus, Event, EventActor, Modality};
pub use self::link::{
    DatePrecision, DuplicateLink, EntryKind, EntrySource, LifecycleStep, LinkedEvent, Mention,
    MentionOf, Story, Timeline, TimelineEntry, TimelineQuery,
};
pub use self::site::site_of_url;
