//! Records in, documents out: extraction and annotation of ingested records,
//! one at a time ([`process`]) or over a stream in parallel, in input order
//! ([`extract_stream`]).
//!
//! Records are taken from the stream in bounded chunks (a count and a byte
//! budget), processed on a rayon pool, and handed to the caller in the order
//! they were read, so memory stays flat on inputs of any size and output is
//! deterministic. This crate is where the CLI, the server and the Python
//! package meet, so that all three give the same document for the same
//! record. It does not read files (that is `dateline-ingest`) or store
//! anything.
#![warn(missing_docs)]

pub mod bundled;

use dateline_core::{Document, DocumentIssue, PublishedFrom, Source};
use dateline_extract::{Options, Page};
use dateline_ingest::Record;
use rayon::prelude::*;

/// How records become documents.
#[derive(Debug, Default)]
pub struct Settings {
    /// Extraction settings (the default publication date).
    pub extract: Options,
    /// Take each record's content as the clean body, unchanged, so that
    /// offsets refer to the input exactly (`annotate --as-is`).
    pub as_is: bool,
    /// Entities, quotes, quantities and ceasefire frames, when the command
    /// asks for them.
    pub annotator: Option<FullAnnotation>,
}

/// The dictionaries and lexicons of the full annotation, compiled once.
#[derive(Debug)]
pub struct FullAnnotation {
    annotator: dateline_annotate::Annotator,
    events: dateline_events::EventCoder,
    ceasefires: dateline_events::CeasefireFinder,
}

impl Default for FullAnnotation {
    fn default() -> FullAnnotation {
        FullAnnotation::new()
    }
}

impl FullAnnotation {
    /// Compiles the dictionaries (a fraction of a second; do it once).
    pub fn new() -> FullAnnotation {
        FullAnnotation {
            annotator: dateline_annotate::Annotator::new(),
            events: dateline_events::EventCoder::new(),
            ceasefires: dateline_events::CeasefireFinder::new(),
        }
    }
}

/// At most this many records are held in memory at once.
const CHUNK_RECORDS: usize = 512;
/// ... and at most about this many bytes of their content.
const CHUNK_BYTES: usize = 64 << 20;

/// What became of one input record.
#[derive(Debug)]
pub enum Outcome {
    /// A document was extracted.
    Document {
        /// The document, annotated as the settings ask.
        doc: Box<Document>,
        /// What was odd about the record (each message names it).
        warnings: Vec<String>,
    },
    /// The record (or the whole input) could not be used; the message names it.
    Failed(String),
}

/// Runs extraction over `records` on `pool`, calling `sink` once per record
/// in input order.
///
/// Stops at the first error `sink` returns, and returns it.
pub fn extract_stream<E>(
    records: impl Iterator<Item = dateline_ingest::Result<Record>>,
    settings: &Settings,
    pool: &rayon::ThreadPool,
    mut sink: impl FnMut(Outcome) -> Result<(), E>,
) -> Result<(), E> {
    let mut records = records.peekable();
    let mut chunk: Vec<dateline_ingest::Result<Record>> = Vec::with_capacity(CHUNK_RECORDS);
    while records.peek().is_some() {
        let mut bytes = 0;
        while chunk.len() < CHUNK_RECORDS && bytes < CHUNK_BYTES {
            let Some(next) = records.next() else { break };
            bytes += next.as_ref().map_or(0, |r| r.content.len());
            chunk.push(next);
        }
        let outcomes: Vec<Outcome> = pool.install(|| {
            chunk
                .par_drain(..)
                .map(|record| process(record, settings))
                .collect()
        });
        for outcome in outcomes {
            sink(outcome)?;
        }
    }
    Ok(())
}

/// Extracts and annotates one record, turning every failure into a located message.
pub fn process(record: dateline_ingest::Result<Record>, settings: &Settings) -> Outcome {
    let record = match record {
        Ok(record) => record,
        Err(err) => return Outcome::Failed(err.to_string()),
    };
    let mut warnings = Vec::new();
    let published = record.published.as_deref().and_then(|raw| {
        let date = dateline_extract::parse_loose_date(raw);
        if date.is_none() {
            warnings.push(format!(
                "{}: ignoring the record's publication date {raw:?}: not a calendar date",
                record.origin
            ));
        }
        date
    });
    let source = Source {
        path: Some(record.origin.path.clone()),
        url: None,
        site: None,
        format: record.format,
        record: record.origin.record,
        record_id: record.id.clone(),
    };
    let mut doc = if settings.as_is {
        as_is_document(&record, source, published, &settings.extract)
    } else {
        let page = Page {
            content: &record.content,
            markup: record.markup,
            url: record.url.as_deref(),
            published,
            source,
        };
        match dateline_extract::extract(page, &settings.extract) {
            Ok(doc) => doc,
            Err(err) => return Outcome::Failed(format!("{}: {err}", record.origin)),
        }
    };
    annotate(&mut doc, settings.annotator.as_ref());
    Outcome::Document {
        doc: Box::new(doc),
        warnings,
    }
}

/// A document whose body is the record's content exactly, and whose id is the
/// record's own id when it has one (so gold data can be matched back).
fn as_is_document(
    record: &Record,
    source: Source,
    published: Option<jiff::civil::Date>,
    options: &Options,
) -> Document {
    let mut doc = Document::new(source, None, record.content.clone());
    if let Some(id) = &record.id {
        doc.id.clone_from(id);
    }
    doc.source.url.clone_from(&record.url);
    doc.published = published.or(options.default_published);
    doc.published_from = if doc.published.is_some() {
        PublishedFrom::Argument
    } else {
        PublishedFrom::None
    };
    doc
}

/// The annotation stages: sentences, temporal expressions resolved against
/// the publication date and the contradictions between them, and — with an
/// annotator — entities, quotes and quantities.
fn annotate(doc: &mut Document, full: Option<&FullAnnotation>) {
    let reference = dateline_time::Reference {
        published: doc.published,
    };
    doc.timexes = dateline_time::find_timexes(&doc.text, &reference);
    doc.issues = dateline_time::check_contradictions(&doc.text, &doc.timexes, &reference)
        .into_iter()
        .map(|issue| DocumentIssue {
            spans: vec![issue.first, issue.second],
            reason: issue.reason,
        })
        .collect();
    match full {
        Some(full) => {
            let found = full.annotator.annotate_at(&doc.text, doc.published);
            doc.events = full
                .events
                .code(&doc.text, &found, doc.published, &doc.timexes);
            doc.ceasefires = full
                .ceasefires
                .find(&doc.text, &found, &doc.timexes, doc.published);
            doc.sentences = found.sentences;
            doc.entities = found.entities;
            doc.quotes = found.quotes;
            doc.quantities = found.quantities;
        }
        None => doc.sentences = dateline_annotate::sentences(&doc.text),
    }
}
