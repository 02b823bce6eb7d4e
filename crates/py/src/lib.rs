//! The `dateline` Python module: dateline's Rust pipeline as a Python
//! extension (PyO3, abi3 for CPython ≥ 3.9), for notebooks and for Spark.
//!
//! - `extract(content, url=None, published=None)` and
//!   `annotate(content, url=None, published=None, as_is=False)` return the
//!   document the CLI prints for the same input, as a `dict`;
//! - `read_warc(path)` iterates over the records of a WARC file as dicts,
//!   with read errors as items carrying their location;
//! - `read_warc_batches(path, batch_size=256)` yields the same records as
//!   `pyarrow.RecordBatch`es, and `annotate_batch(batch)` turns such a batch
//!   (or any batch with a `content` column) into documents, one row per
//!   input row, so Spark's `mapInArrow` pays no per-row Python cost.
//!
//! Batches cross the boundary through the Arrow C data interface
//! (`arrow-pyarrow`); the GIL is released while Rust works, and the
//! dictionaries are compiled once per process. Documents go to Python as
//! JSON parsed by the standard `json` module, which gives exactly the CLI's
//! JSON objects. It does not read anything but local paths (the Spark job
//! downloads remote WARC files first) and it has no Python-side state beyond
//! the open readers.
#![warn(missing_docs)]

mod batch;
mod record;

use std::path::PathBuf;
use std::sync::Mutex;

use arrow_array::RecordBatch;
use arrow_pyarrow::PyArrowType;
use dateline_ingest::{FormatChoice, Inputs, Record};
use dateline_pipeline::Outcome;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use crate::record::{Body, Input, Mode};

/// A document body: `str` is used as given, `bytes` is decoded like a file.
#[derive(FromPyObject)]
enum Content<'py> {
    Text(Bound<'py, PyString>),
    Bytes(Bound<'py, PyBytes>),
}

impl Content<'_> {
    fn body(&self) -> PyResult<Body> {
        Ok(match self {
            Content::Text(text) => Body::Text(text.extract()?),
            Content::Bytes(bytes) => Body::Bytes(bytes.as_bytes().to_vec()),
        })
    }
}

/// `published` as given: a string, or anything whose `str()` is a date
/// (`datetime.date`).
fn published_text(published: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    published.map(|value| value.str()?.extract()).transpose()
}

/// The pipeline input for one document given to `extract` or `annotate`.
fn single_input(
    content: &Content<'_>,
    url: Option<String>,
    published: Option<&Bound<'_, PyAny>>,
    path: Option<String>,
    id: Option<String>,
) -> PyResult<Input> {
    Ok(Input {
        body: Some(content.body()?),
        url,
        published: published_text(published)?,
        path,
        id,
        ..Input::default()
    })
}

/// Runs one document without the GIL and returns it as a dict; warnings go
/// to Python's `warnings`, a failure is a `ValueError`.
fn run_one(py: Python<'_>, input: Input, mode: Mode) -> PyResult<Py<PyAny>> {
    let outcome = py.detach(|| match record::process(input, mode) {
        Outcome::Document { doc, warnings } => serde_json::to_string(&doc)
            .map(|json| (json, warnings))
            .map_err(|e| e.to_string()),
        Outcome::Failed(message) => Err(message),
    });
    let (json, warnings) = outcome.map_err(PyValueError::new_err)?;
    let warn = py.import("warnings")?.getattr("warn")?;
    for warning in warnings {
        warn.call1((warning,))?;
    }
    Ok(py
        .import("json")?
        .getattr("loads")?
        .call1((json,))?
        .unbind())
}

/// Extracts the article from an HTML page or plain text: title, clean
/// text, publication date, sentences and temporal expressions.
///
/// `content` is a `str` (used as given) or `bytes` (decoded like a file:
/// BOM, `<meta charset>`, detection). `url` is recorded as the source URL
/// and `published` (a date string or `datetime.date`) is the publication
/// date, overriding one found in the page. `path`, when given, is recorded
/// as `source.path`, and `id` as `source.record_id`. Returns the document as the CLI's JSON object; raises
/// `ValueError` for an empty or binary body.
#[pyfunction]
#[pyo3(signature = (content, url=None, published=None, *, path=None, id=None))]
fn extract(
    py: Python<'_>,
    content: Content<'_>,
    url: Option<String>,
    published: Option<&Bound<'_, PyAny>>,
    path: Option<String>,
    id: Option<String>,
) -> PyResult<Py<PyAny>> {
    let input = single_input(&content, url, published, path, id)?;
    run_one(py, input, Mode::Extract)
}

/// Extracts and fully annotates a document, as `dateline annotate` does:
/// entities, quotes, quantities, coded events and ceasefire frames on top of
/// what `extract` gives.
///
/// With `as_is=True` the content is taken as the clean body unchanged, so
/// that offsets refer to it exactly (`dateline annotate --as-is`), and `id`,
/// when given, is the document's id. Other arguments as for `extract`.
#[pyfunction]
#[pyo3(signature = (content, url=None, published=None, as_is=false, *, path=None, id=None))]
fn annotate(
    py: Python<'_>,
    content: Content<'_>,
    url: Option<String>,
    published: Option<&Bound<'_, PyAny>>,
    as_is: bool,
    path: Option<String>,
    id: Option<String>,
) -> PyResult<Py<PyAny>> {
    let input = single_input(&content, url, published, path, id)?;
    run_one(py, input, Mode::annotate(as_is))
}

/// Annotates every row of a `pyarrow.RecordBatch` and returns one output
/// row per input row, in order.
///
/// Input columns: `content` (string or binary; required), and optionally
/// `url`, `published`, `id`, `path`, `record`, `markup`, `format` and
/// `error` (rows with an error are passed through as failed), as
/// `read_warc_batches` yields them. Output columns: `record_id`, `path`,
/// `record`, `id`, `url`, `title`, `published` (date32), `language`,
/// `text`, `document`, `events`, `ceasefires` (JSON strings),
/// `event_count`, `ceasefire_count`, `warnings` and `error` (set, with the
/// other document columns null, for a row that could not be processed).
/// Raises `ValueError` only when the batch has no usable `content` column.
#[pyfunction]
#[pyo3(signature = (batch, as_is=false, extract_only=false))]
fn annotate_batch(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    as_is: bool,
    extract_only: bool,
) -> PyResult<PyArrowType<RecordBatch>> {
    let mode = if extract_only {
        Mode::Extract
    } else {
        Mode::annotate(as_is)
    };
    let out = py
        .detach(|| batch::annotate(&batch.0, mode))
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(PyArrowType(out))
}

/// The schema of the batches `annotate_batch` returns.
#[pyfunction]
fn annotate_batch_schema() -> PyArrowType<arrow_schema::Schema> {
    PyArrowType(batch::output_schema().as_ref().clone())
}

fn open_warc(path: PathBuf) -> Mutex<Inputs> {
    let options = dateline_ingest::Options {
        format: FormatChoice::Warc,
        ..dateline_ingest::Options::default()
    };
    Mutex::new(dateline_ingest::read_inputs_with(vec![path], options))
}

fn lock(inputs: &Mutex<Inputs>) -> Result<std::sync::MutexGuard<'_, Inputs>, PoisonedReader> {
    inputs.lock().map_err(|_| PoisonedReader)
}

/// A reader whose lock was poisoned by a panic in another thread.
#[derive(Debug)]
struct PoisonedReader;

impl From<PoisonedReader> for PyErr {
    fn from(_: PoisonedReader) -> PyErr {
        PyRuntimeError::new_err("the reader failed in another thread")
    }
}

/// The records of a WARC file (or `.warc.gz`), one dict each; made by
/// `read_warc`.
#[pyclass(module = "dateline")]
struct WarcRecords {
    inputs: Mutex<Inputs>,
}

#[pymethods]
impl WarcRecords {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(item) = py.detach(|| lock(&self.inputs).map(|mut inputs| inputs.next()))? else {
            return Ok(None);
        };
        record_dict(py, item).map(Some)
    }

    /// Records passed over so far because they hold no page (`warcinfo`,
    /// `request`, non-200 or non-HTML responses…); they are not errors.
    #[getter]
    fn skipped(&self) -> PyResult<u64> {
        Ok(lock(&self.inputs)?.skipped())
    }
}

fn record_dict<'py>(
    py: Python<'py>,
    item: dateline_ingest::Result<Record>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    let origin = match &item {
        Ok(record) => &record.origin,
        Err(err) => &err.origin,
    };
    dict.set_item("path", &origin.path)?;
    dict.set_item("record", origin.record)?;
    dict.set_item("offset", origin.offset)?;
    match item {
        Ok(record) => {
            let markup = match record.markup {
                dateline_core::Markup::Html => "html",
                dateline_core::Markup::Text => "text",
            };
            dict.set_item("format", record.format.as_str())?;
            dict.set_item("markup", markup)?;
            dict.set_item("url", record.url)?;
            dict.set_item("id", record.id)?;
            dict.set_item("fetched", record.fetched)?;
            dict.set_item("content", record.content)?;
            dict.set_item("encoding", record.encoding)?;
            dict.set_item("lossy", record.lossy)?;
            dict.set_item("error", py.None())?;
        }
        Err(err) => {
            for key in [
                "format", "markup", "url", "id", "fetched", "content", "encoding", "lossy",
            ] {
                dict.set_item(key, py.None())?;
            }
            dict.set_item("error", err.to_string())?;
        }
    }
    Ok(dict)
}

/// The records of a WARC file as `pyarrow.RecordBatch`es of up to
/// `batch_size` rows; made by `read_warc_batches`.
#[pyclass(module = "dateline")]
struct WarcBatches {
    inputs: Mutex<Inputs>,
    batch_size: usize,
}

#[pymethods]
impl WarcBatches {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<PyArrowType<RecordBatch>>> {
        let rows = py.detach(|| {
            let mut inputs = lock(&self.inputs)?;
            let mut rows = batch::RecordRows::default();
            while rows.len() < self.batch_size {
                let Some(item) = inputs.next() else { break };
                rows.push(item);
            }
            Ok::<_, PoisonedReader>(rows)
        })?;
        if rows.len() == 0 {
            return Ok(None);
        }
        let batch = rows
            .finish()
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        Ok(Some(PyArrowType(batch)))
    }

    /// Records passed over so far because they hold no page.
    #[getter]
    fn skipped(&self) -> PyResult<u64> {
        Ok(lock(&self.inputs)?.skipped())
    }
}

/// Iterates over the records of a WARC file (`.warc` or `.warc.gz`), one
/// dict per page record: `path`, `record`, `offset`, `format`, `markup`,
/// `url`, `id`, `fetched`, `content`, `encoding`, `lossy`, `error`.
///
/// A record that cannot be read (a bad header, a truncated record, an
/// unreadable file) is a dict whose `error` names the file, record and byte
/// offset, and iteration goes on; `content` is then `None`. Records holding
/// no page are passed over and counted in the iterator's `skipped`.
#[pyfunction]
fn read_warc(path: PathBuf) -> WarcRecords {
    WarcRecords {
        inputs: open_warc(path),
    }
}

/// Iterates over the records of a WARC file as `pyarrow.RecordBatch`es of
/// up to `batch_size` rows, ready for `annotate_batch`: columns `path`,
/// `record`, `offset`, `format`, `markup`, `url`, `id`, `fetched`,
/// `content`, `lossy`, `error` (as `read_warc`'s keys).
#[pyfunction]
#[pyo3(signature = (path, batch_size=256))]
fn read_warc_batches(path: PathBuf, batch_size: usize) -> PyResult<WarcBatches> {
    if batch_size == 0 {
        return Err(PyValueError::new_err("batch_size must be at least 1"));
    }
    Ok(WarcBatches {
        inputs: open_warc(path),
        batch_size,
    })
}

/// dateline: dated, sourced timelines of political and conflict events
/// from raw news (HTML, text, WARC), with the same results as the CLI.
#[pymodule(name = "dateline")]
fn dateline_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_batch, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_batch_schema, m)?)?;
    m.add_function(wrap_pyfunction!(read_warc, m)?)?;
    m.add_function(wrap_pyfunction!(read_warc_batches, m)?)?;
    m.add_class::<WarcRecords>()?;
    m.add_class::<WarcBatches>()?;
    Ok(())
}
