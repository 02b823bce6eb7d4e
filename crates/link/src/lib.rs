//! Linking: near-duplicate groups, events merged across sources, stories,
//! and the timelines drawn from them. A pure library: documents in, links
//! out; no database and no files.
//!
//! [`Linker`] is the incremental façade: give it each annotated
//! [`Document`](dateline_core::Document) once, in any order, and it reports
//! what changed ([`LinkUpdate`]); its state saves and reloads
//! ([`LinkerState`]). [`build_timeline`] turns linked events into a
//! [`Timeline`](dateline_core::Timeline), and [`render`] prints one as text,
//! JSON, CSV or TimelineJS.
//!
//! ```
//! use dateline_core::{Ceasefire, CeasefireStatus, Document, Source, TimelineQuery};
//! use dateline_link::{DocMeta, Format, Linker, build_timeline, render};
//!
//! let mut doc = Document::new(Source::default(), Some("Truce begins".into()),
//!     "A cessation of hostilities took effect across Syria at midnight.".into());
//! doc.published = Some(jiff::civil::date(2016, 2, 27));
//! doc.ceasefires.push(Ceasefire {
//!     declarer: vec![], parties: vec![], excluded: vec![], scope: Some("Syria".into()),
//!     start: Some("2016-02-27".into()), duration: None, end: None,
//!     status: CeasefireStatus::InEffect, conditions: vec![], reactions: vec![],
//!     evidence: vec![], issues: vec![],
//! });
//! let mut linker = Linker::new();
//! linker.add(&doc);
//! let timeline = build_timeline(&TimelineQuery::default(), linker.events(), |_| None::<DocMeta>);
//! let text = render(&timeline, Format::Text)?;
//! assert!(text.starts_with("27 Feb 2016"));
//! assert!(text.contains("Ceasefire takes effect across Syria"));
//! # Ok::<(), dateline_link::Error>(())
//! ```
#![warn(missing_docs)]

mod coref;
mod date;
mod dup;
mod error;
pub mod eval;
mod linker;
mod story;
mod summary;
#[cfg(test)]
mod testutil;
mod text;
mod timeline;

pub use self::coref::{CEASEFIRE_WINDOW_DAYS, UNDATED_DAYS};
pub use self::dup::{
    BANDS, DupConfig, DupDocState, DupIndex, DupOutcome, DupState, NUM_HASHES, ROWS, Signature,
};
pub use self::error::{Error, Result};
pub use self::linker::{
    LinkConfig, LinkUpdate, Linker, LinkerState, STATE_VERSION, StoryAssignment,
};
pub use self::story::StoryConfig;
pub use self::timeline::{DocMeta, Format, build_timeline, render, to_csv, to_text, to_timelinejs};
