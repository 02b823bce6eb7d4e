//! The intermediate result both extractors (HTML and text) produce.

use dateline_core::{PublishedFrom, Removed};
use jiff::civil::Date;

/// What an extractor found in one page, before cleaning and id assignment.
#[derive(Clone, Debug, Default)]
pub(crate) struct Article {
    /// The headline.
    pub(crate) title: Option<String>,
    /// Body paragraphs in reading order, each whitespace-normalised, no empties.
    pub(crate) paragraphs: Vec<String>,
    /// The publication date found in the page.
    pub(crate) published: Option<Date>,
    /// Where `published` was found: `Metadata` or `Text`.
    pub(crate) published_from: PublishedFrom,
    /// The canonical URL found in the page (canonical link, og:url, a header).
    pub(crate) url: Option<String>,
    /// The language the page declares (`<html lang>`, meta), ISO 639-1.
    pub(crate) language_hint: Option<String>,
    /// Boilerplate removed so far, in document order.
    pub(crate) removed: Vec<Removed>,
}
