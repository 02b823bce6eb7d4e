//! The per-document record of the output contract.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{Ceasefire, DocumentIssue, Entity, Event, Quantity, Quote, Span, Timex};

/// Which markup a piece of content is written in, decided by ingest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Markup {
    /// An HTML page (or fragment).
    Html,
    /// Plain text, typically scraped from a page whose HTML is gone.
    Text,
}

/// The container a document was read from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// A plain text file (scraped article text).
    #[default]
    Text,
    /// An HTML file.
    Html,
    /// One line of a JSON Lines file.
    Jsonl,
    /// One response record of a WARC file.
    Warc,
}

impl InputFormat {
    /// The lowercase name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Warc => "warc",
        }
    }
}

/// Where the publication date of a document came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    /// Given by the user (`--published`) or by the input record (JSONL field).
    Argument,
    /// Page metadata: meta tags, JSON-LD, `<time>`, a scraper header, the URL.
    Metadata,
    /// A date written in the article text itself (e.g. a dateline).
    Text,
    /// No publication date is known.
    #[default]
    None,
}

/// The kind of a piece of boilerplate removed from a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// Cookie or consent notice ("By continuing to use the site…").
    CookieNotice,
    /// "Follow us on…" lines, in any language.
    SocialFollow,
    /// Share bars ("Share this article", "Tweet").
    ShareBar,
    /// A "Related" / "Read more" block and the teasers under it.
    Related,
    /// A teaser or paragraph printed again (scraper repetition).
    RepeatedTeaser,
    /// A byline ("By Jane Doe, Reuters").
    Byline,
    /// A photo credit or caption credit ("Photo: AFP").
    PhotoCredit,
    /// Newsletter and subscription prompts.
    Newsletter,
    /// Advertising.
    Advertisement,
    /// Site navigation, menus, breadcrumbs.
    Navigation,
    /// Reader comments.
    Comments,
    /// Copyright and legal footer lines.
    Legal,
    /// Any other page furniture that is not article text.
    Other,
}

impl BoilerplateKind {
    /// The snake_case name used in JSON and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            BoilerplateKind::CookieNotice => "cookie_notice",
            BoilerplateKind::SocialFollow => "social_follow",
            BoilerplateKind::ShareBar => "share_bar",
            BoilerplateKind::Related => "related",
            BoilerplateKind::RepeatedTeaser => "repeated_teaser",
            BoilerplateKind::Byline => "byline",
            BoilerplateKind::PhotoCredit => "photo_credit",
            BoilerplateKind::Newsletter => "newsletter",
            BoilerplateKind::Advertisement => "advertisement",
            BoilerplateKind::Navigation => "navigation",
            BoilerplateKind::Comments => "comments",
            BoilerplateKind::Legal => "legal",
            BoilerplateKind::Other => "other",
        }
    }
}

/// A piece of text removed from the article body, with why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// What kind of boilerplate it was.
    pub kind: BoilerplateKind,
    /// The removed text, whitespace-normalised.
    pub text: String,
}

/// Where a document came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file it was read from (`-` for standard input).
    pub path: Option<String>,
    /// The page's URL, when known.
    pub url: Option<String>,
    /// The site (host without `www.`), when known.
    pub site: Option<String>,
    /// The container format it was read from.
    pub format: InputFormat,
    /// The record number inside a JSONL or WARC file (1-based), if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub record: Option<u64>,
    /// The record's own id (a JSONL `id` field), if it has one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub record_id: Option<String>,
}

/// One article, as the pipeline's stages fill it in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable content hash of title and text (see [`content_id`]).
    pub id: String,
    /// Where it came from.
    pub source: Source,
    /// The headline, when one was found.
    pub title: Option<String>,
    /// The publication date, when known.
    pub published: Option<Date>,
    /// Where [`Document::published`] came from.
    pub published_from: PublishedFrom,
    /// ISO 639-1 language code of the body, when it could be told.
    pub language: Option<String>,
    /// The cleaned body, paragraphs separated by a blank line.
    pub text: String,
    /// The boilerplate taken out of the body, in document order.
    pub removed: Vec<Removed>,
    /// Sentences of `text`, in order.
    #[serde(default)]
    pub sentences: Vec<Span>,
    /// Temporal expressions in `text`, normalised against `published`.
    #[serde(default)]
    pub timexes: Vec<Timex>,
    /// Contradictions found in the document (e.g. two clock times for one instant).
    #[serde(default)]
    pub issues: Vec<DocumentIssue>,
    /// Named entities with their CAMEO codes (`dateline annotate`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    /// Quotations with their speakers (`dateline annotate`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// Numbers that matter: casualties, forces, durations (`dateline annotate`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<Quantity>,
    /// Coded events (`dateline annotate`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Ceasefire frames (`dateline annotate`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ceasefires: Vec<Ceasefire>,
}

impl Document {
    /// A document with its id computed from `title` and `text`; the other
    /// fields start empty.
    pub fn new(source: Source, title: Option<String>, text: String) -> Document {
        Document {
            id: content_id(title.as_deref(), &text),
            source,
            title,
            published: None,
            published_from: PublishedFrom::None,
            language: None,
            text,
            removed: Vec::new(),
            sentences: Vec::new(),
            timexes: Vec::new(),
            issues: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            quantities: Vec::new(),
            events: Vec::new(),
            ceasefires: Vec::new(),
        }
    }
}

/// The stable id of an article: the first 128 bits of the BLAKE3 hash of its
/// title and cleaned text, as lowercase hex.
///
/// Whitespace runs are folded before hashing, so the same article scraped
/// twice with different line wrapping gets the same id.
pub fn content_id(title: Option<&str>, text: &str) -> String {
    fn feed(hasher: &mut blake3::Hasher, s: &str) {
        for word in s.split_whitespace() {
            hasher.update(word.as_bytes());
            hasher.update(b" ");
        }
    }
    let mut hasher = blake3::Hasher::new();
    feed(&mut hasher, title.unwrap_or(""));
    hasher.update(b"\n");
    feed(&mut hasher, text);
    let hash = hasher.finalize();
    hash.as_bytes()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_id_ignores_whitespace_layout() {
        let a = content_id(Some("Kerry in Paris"), "One line.\n\nTwo  lines.");
        let b = content_id(Some("Kerry in  Paris"), "One line.\nTwo lines.\n");
        assert_eq!(a, b);
        assert_ne!(
            a,
            content_id(Some("Kerry in Paris"), "One line. Three lines.")
        );
        assert_ne!(a, content_id(None, "One line.\n\nTwo  lines."));
    }

    #[test]
    fn document_serializes_to_the_contract_names() {
        let mut doc = Document::new(Source::default(), None, "x".into());
        doc.published = Some(jiff::civil::date(2015, 11, 17));
        doc.published_from = PublishedFrom::Argument;
        doc.removed.push(Removed {
            kind: BoilerplateKind::CookieNotice,
            text: "c".into(),
        });
        let json = serde_json::to_value(&doc).expect("serializable");
        assert_eq!(json["published"], "2015-11-17");
        assert_eq!(json["published_from"], "argument");
        assert_eq!(json["source"]["format"], "text");
        assert_eq!(json["removed"][0]["kind"], "cookie_notice");
        assert!(json["source"].get("record").is_none());
    }
}
