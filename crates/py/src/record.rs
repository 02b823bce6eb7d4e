//! One input document as the Python side hands it over (a `str` or `bytes`
//! body with optional URL, date, id and location), turned into an ingest
//! [`Record`] and run through the shared pipeline.
//!
//! Bytes are decoded exactly as the CLI decodes a file (BOM, `<meta
//! charset>`, detection); a `str` is already decoded and is kept as given.
//! Whether the body is HTML or text is told by the ingest's own detection,
//! so `annotate(open(f, "rb").read())` gives the document `dateline annotate
//! f` prints. A body that the detection would take for JSON Lines or WARC is
//! read as plain text: the caller said it is one document. When the caller
//! already knows the markup (rows read from a WARC file), nothing is
//! detected: the ingest reads the body as that markup.
//!
//! It does not touch Python objects (the bindings in `lib.rs` and
//! `batch.rs` do) and it does not read files.

use std::io::Cursor;
use std::sync::{Arc, OnceLock};

use dateline_core::{InputFormat, Markup};
use dateline_ingest::{ErrorKind, FormatChoice, Origin, Record};
use dateline_pipeline::{FullAnnotation, Outcome, Settings};

/// What the pipeline does with a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `dateline extract`: clean text, dates and sentences.
    Extract,
    /// `dateline annotate`: extraction plus entities, quotes, quantities,
    /// events and ceasefires.
    Annotate,
    /// `dateline annotate --as-is`: the body is taken unchanged.
    AnnotateAsIs,
}

impl Mode {
    /// The annotation mode for `annotate(..., as_is=...)`.
    pub(crate) fn annotate(as_is: bool) -> Mode {
        if as_is {
            Mode::AnnotateAsIs
        } else {
            Mode::Annotate
        }
    }

    /// The settings of this mode, built on first use and kept for the life
    /// of the process. [`Settings`] owns its [`FullAnnotation`], so the two
    /// annotating modes each compile the dictionaries once, when first used.
    pub(crate) fn settings(self) -> &'static Settings {
        static EXTRACT: OnceLock<Settings> = OnceLock::new();
        static ANNOTATE: OnceLock<Settings> = OnceLock::new();
        static AS_IS: OnceLock<Settings> = OnceLock::new();
        let (cell, as_is, full) = match self {
            Mode::Extract => (&EXTRACT, false, false),
            Mode::Annotate => (&ANNOTATE, false, true),
            Mode::AnnotateAsIs => (&AS_IS, true, true),
        };
        cell.get_or_init(|| Settings {
            as_is,
            annotator: full.then(FullAnnotation::new),
            ..Settings::default()
        })
    }
}

/// A document body as Python gives it.
#[derive(Debug)]
pub(crate) enum Body {
    /// Already decoded text.
    Text(String),
    /// Raw bytes, decoded like a file.
    Bytes(Vec<u8>),
}

/// One document to process, with what the caller knows about it.
#[derive(Debug, Default)]
pub(crate) struct Input {
    /// The body; `None` is an error for that row.
    pub(crate) body: Option<Body>,
    /// Recorded as `source.path` (and used as a detection tie-break by its
    /// extension, as the CLI does with file names).
    pub(crate) path: Option<String>,
    /// The 1-based record number in the file it came from.
    pub(crate) record: Option<u64>,
    /// The page URL.
    pub(crate) url: Option<String>,
    /// The publication date, unparsed (`2016-02-27`, `February 27, 2016`…);
    /// it overrides a date found in the page, as a JSONL `published` does.
    pub(crate) published: Option<String>,
    /// The record's own id (kept as `source.record_id`, and as the document
    /// id in as-is mode).
    pub(crate) id: Option<String>,
    /// HTML or text, when known; detected otherwise.
    pub(crate) markup: Option<Markup>,
    /// The container format, when known.
    pub(crate) format: Option<InputFormat>,
}

/// The name used for detection and messages when the caller gives no path.
const UNNAMED: &str = "<input>";

/// Builds the record and runs it through the pipeline in `mode`.
///
/// A document whose caller gave no path has `source.path` unset.
pub(crate) fn process(input: Input, mode: Mode) -> Outcome {
    let has_path = input.path.is_some();
    let record = match to_record(input) {
        Ok(record) => record,
        Err(message) => return Outcome::Failed(message),
    };
    let mut outcome = dateline_pipeline::process(Ok(record), mode.settings());
    if let Outcome::Document { doc, .. } = &mut outcome
        && !has_path
    {
        doc.source.path = None;
    }
    outcome
}

/// The record for `input`, or the message saying why there is none (an
/// ingest error's message, as the CLI prints it).
fn to_record(input: Input) -> Result<Record, String> {
    let name = input.path.unwrap_or_else(|| UNNAMED.to_owned());
    let Some(body) = input.body else {
        let origin = Origin {
            path: name,
            record: input.record,
            offset: None,
        };
        return Err(format!("{origin}: no content"));
    };
    let mut record = read_body(name, body, input.markup).map_err(|e| e.to_string())?;
    if let Some(format) = input.format {
        record.format = format;
    }
    record.origin.record = input.record.or(record.origin.record);
    if input.url.is_some() {
        record.url = input.url;
    }
    if input.id.is_some() {
        record.id = input.id;
    }
    if input.published.is_some() {
        record.published = input.published;
    }
    Ok(record)
}

/// The record the ingest reads from `body` as the CLI reads a file named
/// `name`: as `markup` when the caller knows it (a WARC row), detected
/// otherwise (see the module documentation for JSONL- or WARC-looking
/// bodies).
fn read_body(name: String, body: Body, markup: Option<Markup>) -> Result<Record, DetectError> {
    let bytes: Arc<[u8]> = match &body {
        Body::Text(text) => Arc::from(text.as_bytes()),
        Body::Bytes(bytes) => Arc::from(bytes.as_slice()),
    };
    let first = |choice: FormatChoice| {
        dateline_ingest::read_stream(&name, Cursor::new(Arc::clone(&bytes)), choice).next()
    };
    let choice = match markup {
        Some(Markup::Html) => FormatChoice::Html,
        Some(Markup::Text) => FormatChoice::Text,
        None => FormatChoice::Auto,
    };
    let mut record = match first(choice) {
        Some(Ok(record)) if matches!(record.format, InputFormat::Text | InputFormat::Html) => {
            record
        }
        Some(Err(err)) if !is_container_error(&err.kind) => return Err(DetectError::Ingest(err)),
        _ => match first(FormatChoice::Text) {
            Some(item) => item.map_err(DetectError::Ingest)?,
            None => return Err(DetectError::Nothing(name)),
        },
    };
    if let Body::Text(text) = body {
        record.content = text;
        record.encoding = "UTF-8";
        record.lossy = false;
    }
    Ok(record)
}

/// Why a body gave no record.
#[derive(Debug)]
enum DetectError {
    /// The ingest refused it (empty, binary…).
    Ingest(dateline_ingest::Error),
    /// The reader gave nothing at all.
    Nothing(String),
}

impl std::fmt::Display for DetectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DetectError::Ingest(err) => err.fmt(f),
            DetectError::Nothing(name) => write!(f, "{name}: {}", ErrorKind::Empty),
        }
    }
}

/// Errors that only arise when the body was taken for JSON Lines or WARC.
fn is_container_error(kind: &ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::Json { .. }
            | ErrorKind::WarcHeader { .. }
            | ErrorKind::WarcTruncated { .. }
            | ErrorKind::HttpPayload { .. }
    )
}

/// Parses a `markup` or `format` value (`"html"`, `"warc"`…) with the
/// output contract's own names.
pub(crate) fn parse_name<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    use serde::de::IntoDeserializer;
    let deserializer: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        name.into_deserializer();
    T::deserialize(deserializer).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><head><title>Truce holds in Aleppo</title></head>\
        <body><article><h1>Truce holds in Aleppo</h1><p>DAMASCUS, Feb. 28 (Reuters) - A truce \
        brokered by the United States and Russia held in most of Syria on Sunday, the first \
        full day of the cessation of hostilities, monitors said.</p><p>The Syrian Observatory \
        for Human Rights said fighting had stopped in Aleppo and near Damascus.</p></article>\
        </body></html>";

    fn document(outcome: Outcome) -> Box<dateline_core::Document> {
        match outcome {
            Outcome::Document { doc, .. } => doc,
            Outcome::Failed(message) => panic!("failed: {message}"),
        }
    }

    #[test]
    fn html_body_is_detected_and_extracted_like_a_file() {
        let input = Input {
            body: Some(Body::Bytes(PAGE.as_bytes().to_vec())),
            path: Some("aleppo.html".to_owned()),
            ..Input::default()
        };
        let doc = document(process(input, Mode::Extract));
        assert_eq!(doc.source.format, InputFormat::Html);
        assert_eq!(doc.source.path.as_deref(), Some("aleppo.html"));
        assert_eq!(doc.title.as_deref(), Some("Truce holds in Aleppo"));
        assert!(doc.text.contains("cessation of hostilities"));
        assert!(!doc.text.contains("<p>"));
    }

    #[test]
    fn str_and_bytes_bodies_give_the_same_document() {
        let run = |body| {
            let input = Input {
                body: Some(body),
                url: Some("https://www.example.com/aleppo".to_owned()),
                ..Input::default()
            };
            document(process(input, Mode::Annotate))
        };
        let from_text = run(Body::Text(PAGE.to_owned()));
        let from_bytes = run(Body::Bytes(PAGE.as_bytes().to_vec()));
        assert_eq!(from_text, from_bytes);
        assert_eq!(from_text.source.path, None);
        assert_eq!(
            from_text.source.url.as_deref(),
            Some("https://www.example.com/aleppo")
        );
    }

    #[test]
    fn json_looking_body_is_read_as_one_text_document() {
        let body = "{\"note\": \"not an article\"}\nThe ceasefire took effect at midnight.";
        let input = Input {
            body: Some(Body::Text(body.to_owned())),
            ..Input::default()
        };
        let doc = document(process(input, Mode::Extract));
        assert_eq!(doc.source.format, InputFormat::Text);
        assert!(doc.text.contains("The ceasefire took effect at midnight."));
    }

    #[test]
    fn given_published_date_wins_and_bad_one_warns() {
        let input = Input {
            body: Some(Body::Text(
                "The truce will start on Saturday, officials said.".to_owned(),
            )),
            published: Some("2016-02-24".to_owned()),
            ..Input::default()
        };
        let doc = document(process(input, Mode::Extract));
        assert_eq!(doc.published, Some(jiff::civil::date(2016, 2, 24)));

        let input = Input {
            body: Some(Body::Text("The truce held.".to_owned())),
            published: Some("soon".to_owned()),
            ..Input::default()
        };
        match process(input, Mode::Extract) {
            Outcome::Document { doc, warnings } => {
                assert_eq!(doc.published, None);
                assert_eq!(warnings.len(), 1);
                assert!(warnings[0].contains("\"soon\""), "{warnings:?}");
            }
            Outcome::Failed(message) => panic!("failed: {message}"),
        }
    }

    #[test]
    fn empty_or_missing_body_fails_with_a_located_message() {
        for body in [Some(Body::Text("  \n ".to_owned())), None] {
            let input = Input {
                body,
                path: Some("crawl.warc".to_owned()),
                record: Some(3),
                ..Input::default()
            };
            match process(input, Mode::Annotate) {
                Outcome::Failed(message) => {
                    assert!(message.starts_with("crawl.warc"), "{message}");
                }
                Outcome::Document { .. } => panic!("an empty body gave a document"),
            }
        }
    }

    #[test]
    fn known_markup_skips_detection_and_keeps_the_location() {
        let input = Input {
            body: Some(Body::Text(PAGE.to_owned())),
            path: Some("crawl.warc.gz".to_owned()),
            record: Some(7),
            markup: parse_name("html"),
            format: parse_name("warc"),
            id: Some("<urn:uuid:1>".to_owned()),
            ..Input::default()
        };
        let doc = document(process(input, Mode::Annotate));
        assert_eq!(doc.source.format, InputFormat::Warc);
        assert_eq!(doc.source.record, Some(7));
        assert_eq!(doc.source.record_id.as_deref(), Some("<urn:uuid:1>"));
        assert_eq!(doc.title.as_deref(), Some("Truce holds in Aleppo"));
        assert_eq!(parse_name::<Markup>("pdf"), None);
    }
}
