//! Article extraction: one raw page (HTML or scraped text) in, one clean
//! [`Document`] out.
//!
//! What it does: finds the title, the main body paragraphs, the publication
//! date, the site and the language, and takes out boilerplate — page
//! furniture in HTML (navigation, share bars, related links, comments) and
//! text-level scraper noise (cookie notices, "follow us" lines, "Related"
//! blocks, repeated teasers, bylines, photo credits). Every removal is kept in
//! [`Document::removed`] with its [`BoilerplateKind`](dateline_core::BoilerplateKind).
//!
//! What it does not do: read files or decode bytes (that is `dateline-ingest`),
//! or look at the meaning of the text (temporal expressions, entities and
//! events are later stages).
//!
//! ```
//! use dateline_core::{Markup, PublishedFrom, Source};
//! use dateline_extract::{extract, Options, Page};
//!
//! let page = Page {
//!     content: "Truce holds in Aleppo\n\nThe truce held overnight, residents said.\n",
//!     markup: Markup::Text,
//!     url: None,
//!     published: None,
//!     source: Source::default(),
//! };
//! let options = Options { default_published: Some(jiff::civil::date(2016, 2, 28)) };
//! let doc = extract(page, &options).unwrap();
//! assert_eq!(doc.title.as_deref(), Some("Truce holds in Aleppo"));
//! assert_eq!(doc.text, "The truce held overnight, residents said.");
//! assert_eq!(doc.published_from, PublishedFrom::Argument);
//! ```
#![warn(missing_docs)]

mod article;
mod clean;
mod date;
mod html;
mod language;
mod text;

use dateline_core::{Document, Markup, PublishedFrom, Source, site_of_url};
use jiff::civil::Date;

pub use self::date::parse_loose_date;

/// One page to extract, as ingest delivers it.
#[derive(Clone, Debug)]
pub struct Page<'a> {
    /// The decoded page: HTML source or plain text.
    pub content: &'a str,
    /// Whether `content` is HTML or plain text.
    pub markup: Markup,
    /// The page's URL, when the container knows it.
    pub url: Option<&'a str>,
    /// A publication date that came with the record (e.g. a JSONL field).
    /// It wins over anything found in the page.
    pub published: Option<Date>,
    /// Where the page was read from; copied into the document.
    pub source: Source,
}

/// Settings that apply to every page of a run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The publication date to use when neither the record nor the page has
    /// one (`--published`).
    pub default_published: Option<Date>,
}

/// Why a page gave no document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Nothing that looks like article text was found.
    #[error("no article text found ({0})")]
    NoText(&'static str),
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Extracts the article in `page`.
///
/// The publication date is taken, in order of preference, from
/// [`Page::published`], from the page (metadata, then text), and last from
/// [`Options::default_published`]; [`Document::published_from`] says which.
pub fn extract(page: Page<'_>, options: &Options) -> Result<Document> {
    let mut article = match page.markup {
        Markup::Html => html::extract_html(page.content, page.url),
        Markup::Text => text::extract_text(page.content),
    };
    if page.content.trim().is_empty() {
        return Err(Error::NoText("the input is empty"));
    }
    article.paragraphs = clean::clean_paragraphs(
        std::mem::take(&mut article.paragraphs),
        article.title.as_deref(),
        &mut article.removed,
    );
    let text = article.paragraphs.join("\n\n");
    if text.trim().is_empty() && article.title.is_none() {
        return Err(Error::NoText("the page has no body text and no title"));
    }

    let mut source = page.source;
    let url = page.url.map(str::to_owned).or(article.url.take());
    if source.site.is_none() {
        source.site = url.as_deref().and_then(site_of_url);
    }
    if source.url.is_none() {
        source.url = url;
    }

    let mut doc = Document::new(source, article.title.take(), text);
    (doc.published, doc.published_from) = match (page.published, article.published) {
        (Some(date), _) => (Some(date), PublishedFrom::Argument),
        (None, Some(date)) => (Some(date), article.published_from),
        (None, None) => match options.default_published {
            Some(date) => (Some(date), PublishedFrom::Argument),
            None => (None, PublishedFrom::None),
        },
    };
    doc.language = language::detect(&doc.text).or(article.language_hint);
    doc.removed = article.removed;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_page(content: &str) -> Page<'_> {
        Page {
            content,
            markup: Markup::Text,
            url: None,
            published: None,
            source: Source::default(),
        }
    }

    #[test]
    fn record_date_beats_default_date() {
        let mut page = text_page("Title\n\nBody text of the article.");
        page.published = Some(jiff::civil::date(2016, 2, 27));
        let options = Options {
            default_published: Some(jiff::civil::date(2000, 1, 1)),
        };
        let doc = extract(page, &options).expect("extracts");
        assert_eq!(doc.published, Some(jiff::civil::date(2016, 2, 27)));
        assert_eq!(doc.published_from, PublishedFrom::Argument);
    }

    #[test]
    fn no_date_stays_unknown() {
        let doc = extract(text_page("Title\n\nBody text."), &Options::default()).expect("extracts");
        assert_eq!(doc.published, None);
        assert_eq!(doc.published_from, PublishedFrom::None);
    }

    #[test]
    fn empty_input_is_an_error() {
        assert!(extract(text_page(" \n\t\n"), &Options::default()).is_err());
    }
}
