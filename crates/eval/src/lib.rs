//! Scorers for dateline's gold sets, used by `dateline eval`.
//!
//! Each module scores one stage against one kind of gold data with that
//! field's standard metric, and returns a report that prints as a small
//! table ([`std::fmt::Display`]) and serializes to JSON.
//!
//! - [`extraction`]: article body extraction from HTML, scored with the
//!   ScrapingHub article-extraction-benchmark metric (shingle precision,
//!   recall and F1).
//! - [`timeline`]: timelines, scored by date against the dated statements of
//!   Wikipedia's Current Events portal and the ceasefire gold's lifecycles.
//!
//! ```
//! use dateline_eval::extraction::{metrics, score_pair};
//!
//! let page = score_pair("The truce held overnight in Aleppo.", "The truce held overnight in Aleppo.");
//! assert_eq!(page, (1.0, 0.0, 0.0));
//! let m = metrics(&[page]);
//! assert_eq!((m.precision, m.recall, m.f1), (1.0, 1.0, 1.0));
//! ```
#![warn(missing_docs)]

pub mod ceasefires;
pub mod duplicates;
mod error;
pub mod events;
pub mod extraction;
pub mod timeline;
pub mod timex;

pub use self::error::{Error, Result};
