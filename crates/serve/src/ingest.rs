//! Ingest over HTTP: a `POST /api/documents` body becomes ingested records,
//! then documents through the same pipeline as `dateline run`, then rows in
//! the catalog.
//!
//! A body is one JSON object (`{"url", "html" | "text" | "content",
//! "published", "id"}`, the fields of a JSON Lines record), a JSON array of
//! such objects, or JSON Lines. A bad record is reported by its line and
//! the others go on. This module does not authenticate (the handler does)
//! or decide how documents are stored (the catalog does).

use std::io::Cursor;

use dateline_core::Document;
use dateline_ingest::{FormatChoice, Record};
use dateline_pipeline::{Outcome, Settings};
use rayon::prelude::*;
use serde::Serialize;

use crate::catalog::{Catalog, CatalogResult};
use crate::error::ApiError;

/// The name records read from a request body carry as their source path.
const REQUEST_ORIGIN: &str = "POST /api/documents";

/// What became of an ingest request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    /// Records read from the body (good and bad).
    pub received: usize,
    /// Ids of documents stored by this request.
    pub stored: Vec<String>,
    /// Ids of documents whose content was already stored.
    pub already_stored: Vec<String>,
    /// One located message per record that could not be used.
    pub failed: Vec<String>,
    /// Odd but usable records (e.g. an unreadable publication date).
    pub warnings: Vec<String>,
}

/// Turns a request body into JSON Lines: a lone JSON object becomes one
/// line, an array one line per element; anything else is taken as JSON
/// Lines already (and each bad line is reported by the reader).
pub(crate) fn body_to_jsonl(body: &[u8]) -> Result<Vec<u8>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            "empty body: send one article as a JSON object, or JSON Lines",
        ));
    }
    let items = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Array(items)) => items,
        Ok(object @ serde_json::Value::Object(_)) => vec![object],
        Ok(_) => {
            return Err(ApiError::bad_request(
                "the body must be a JSON object, an array of objects, or JSON Lines",
            ));
        }
        // Several lines, or broken JSON: the JSON Lines reader locates each problem.
        Err(_) => return Ok(body.to_vec()),
    };
    let mut jsonl = Vec::with_capacity(body.len());
    for item in items {
        // Serialising a parsed Value cannot fail: its keys are strings.
        serde_json::to_writer(&mut jsonl, &item)
            .map_err(|err| ApiError::bad_request(err.to_string()))?;
        jsonl.push(b'\n');
    }
    Ok(jsonl)
}

/// Reads JSON Lines `jsonl`, runs every record through the pipeline (in
/// parallel, on rayon's pool) and stores the documents in one transaction.
pub(crate) fn ingest_jsonl(
    catalog: &Catalog,
    settings: &Settings,
    jsonl: Vec<u8>,
) -> CatalogResult<IngestReport> {
    let records =
        dateline_ingest::read_stream(REQUEST_ORIGIN, Cursor::new(jsonl), FormatChoice::Jsonl);
    ingest_records(catalog, settings, records)
}

/// Runs `records` through the pipeline and stores the documents in one
/// transaction; see [`crate::AppState::ingest`].
pub(crate) fn ingest_records(
    catalog: &Catalog,
    settings: &Settings,
    records: impl Iterator<Item = dateline_ingest::Result<Record>>,
) -> CatalogResult<IngestReport> {
    let records: Vec<_> = records.collect();
    let outcomes: Vec<Outcome> = records
        .into_par_iter()
        .map(|record| dateline_pipeline::process(record, settings))
        .collect();
    let mut report = IngestReport {
        received: outcomes.len(),
        ..IngestReport::default()
    };
    let mut docs: Vec<Document> = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        match outcome {
            Outcome::Document { doc, warnings } => {
                docs.push(*doc);
                report.warnings.extend(warnings);
            }
            Outcome::Failed(message) => report.failed.push(message),
        }
    }
    if docs.is_empty() {
        return Ok(report);
    }
    let new = catalog.ingest(&docs)?;
    for (doc, new) in docs.into_iter().zip(new) {
        if new {
            report.stored.push(doc.id);
        } else {
            report.already_stored.push(doc.id);
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(jsonl: &[u8]) -> Vec<serde_json::Value> {
        jsonl
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).expect("each line is JSON"))
            .collect()
    }

    #[test]
    fn a_pretty_printed_object_becomes_one_line() {
        let body = b"{\n  \"text\": \"A truce began.\\n\\nIt held.\",\n  \"published\": \"2016-02-27\"\n}\n";
        let jsonl = body_to_jsonl(body).expect("accepted");
        let lines = lines(&jsonl);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["text"], "A truce began.\n\nIt held.");
    }

    #[test]
    fn an_array_becomes_one_line_per_article_and_jsonl_passes_through() {
        let jsonl = body_to_jsonl(br#"[{"text": "a"}, {"html": "<p>b</p>"}]"#).expect("accepted");
        assert_eq!(lines(&jsonl).len(), 2);
        let body = b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n";
        assert_eq!(body_to_jsonl(body).expect("accepted"), body.to_vec());
    }

    #[test]
    fn empty_and_scalar_bodies_are_refused() {
        assert!(body_to_jsonl(b" \n ").is_err());
        assert!(body_to_jsonl(b"42").is_err());
        assert!(body_to_jsonl(b"\"text\"").is_err());
    }
}
