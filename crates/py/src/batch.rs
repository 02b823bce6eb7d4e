//! Arrow record batches in and out: the columns `annotate_batch` reads and
//! writes, and the batches `read_warc_batches` yields.
//!
//! Every input row gives exactly one output row, in order; a row that cannot
//! be processed has its `error` set and its document columns null, so that
//! one bad page never fails a Spark task. Only a batch without a usable
//! `content` column is refused as a whole ([`BatchError`]).
//!
//! It works on arrow-rs arrays only; moving batches to and from pyarrow (the
//! C data interface) is done by `arrow-pyarrow` in `lib.rs`.

use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Date32Builder, Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, Int64Type, UInt64Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use dateline_ingest::Record;
use dateline_pipeline::Outcome;

use crate::record::{Body, Input, Mode, parse_name};

/// A batch that cannot be processed at all.
#[derive(Debug, thiserror::Error)]
pub(crate) enum BatchError {
    /// A column is missing or of a type that cannot be read.
    #[error("column `{column}`: {what}")]
    Column {
        /// The column's name.
        column: &'static str,
        /// What is wrong with it.
        what: String,
    },
    /// Arrow refused to assemble the output (a bug, not bad input).
    #[error("building the output batch: {0}")]
    Arrow(#[from] ArrowError),
}

/// A text-like or integer column, read cell by cell whatever its Arrow type.
enum Cells<'a> {
    Utf8(&'a arrow_array::StringArray),
    LargeUtf8(&'a arrow_array::LargeStringArray),
    Utf8View(&'a arrow_array::StringViewArray),
    Binary(&'a arrow_array::BinaryArray),
    LargeBinary(&'a arrow_array::LargeBinaryArray),
    BinaryView(&'a arrow_array::BinaryViewArray),
    Int32(&'a arrow_array::Int32Array),
    Int64(&'a arrow_array::Int64Array),
    UInt64(&'a arrow_array::UInt64Array),
}

/// One cell of a [`Cells`] column.
enum Cell<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
    Int(i128),
}

impl<'a> Cells<'a> {
    /// The column `name` if the batch has it; an error if its type is not
    /// one of the text, binary or integer types.
    fn of(batch: &'a RecordBatch, name: &'static str) -> Result<Option<Cells<'a>>, BatchError> {
        let Some(array) = batch.column_by_name(name) else {
            return Ok(None);
        };
        let cells = match array.data_type() {
            DataType::Utf8 => Cells::Utf8(array.as_string::<i32>()),
            DataType::LargeUtf8 => Cells::LargeUtf8(array.as_string::<i64>()),
            DataType::Utf8View => Cells::Utf8View(array.as_string_view()),
            DataType::Binary => Cells::Binary(array.as_binary::<i32>()),
            DataType::LargeBinary => Cells::LargeBinary(array.as_binary::<i64>()),
            DataType::BinaryView => Cells::BinaryView(array.as_binary_view()),
            DataType::Int32 => Cells::Int32(array.as_primitive::<Int32Type>()),
            DataType::Int64 => Cells::Int64(array.as_primitive::<Int64Type>()),
            DataType::UInt64 => Cells::UInt64(array.as_primitive::<UInt64Type>()),
            DataType::Null => return Ok(None),
            other => {
                return Err(BatchError::Column {
                    column: name,
                    what: format!("expected a string, binary or integer column, got {other}"),
                });
            }
        };
        Ok(Some(cells))
    }

    fn get(&self, row: usize) -> Option<Cell<'a>> {
        fn at<A: Array>(array: &A, row: usize) -> Option<usize> {
            (row < array.len() && array.is_valid(row)).then_some(row)
        }
        let cell = match *self {
            Cells::Utf8(a) => Cell::Text(a.value(at(a, row)?)),
            Cells::LargeUtf8(a) => Cell::Text(a.value(at(a, row)?)),
            Cells::Utf8View(a) => Cell::Text(a.value(at(a, row)?)),
            Cells::Binary(a) => Cell::Bytes(a.value(at(a, row)?)),
            Cells::LargeBinary(a) => Cell::Bytes(a.value(at(a, row)?)),
            Cells::BinaryView(a) => Cell::Bytes(a.value(at(a, row)?)),
            Cells::Int32(a) => Cell::Int(a.value(at(a, row)?).into()),
            Cells::Int64(a) => Cell::Int(a.value(at(a, row)?).into()),
            Cells::UInt64(a) => Cell::Int(a.value(at(a, row)?).into()),
        };
        Some(cell)
    }

    /// The cell as text (integers in decimal, bytes as lossy UTF-8).
    fn text(&self, row: usize) -> Option<String> {
        match self.get(row)? {
            Cell::Text(text) => Some(text.to_owned()),
            Cell::Bytes(bytes) => Some(String::from_utf8_lossy(bytes).into_owned()),
            Cell::Int(n) => Some(n.to_string()),
        }
    }

    /// The cell as a non-negative integer, if it is one.
    fn number(&self, row: usize) -> Option<u64> {
        match self.get(row)? {
            Cell::Int(n) => u64::try_from(n).ok(),
            Cell::Text(text) => text.trim().parse().ok(),
            Cell::Bytes(_) => None,
        }
    }

    fn body(&self, row: usize) -> Option<Body> {
        match self.get(row)? {
            Cell::Text(text) => Some(Body::Text(text.to_owned())),
            Cell::Bytes(bytes) => Some(Body::Bytes(bytes.to_vec())),
            Cell::Int(n) => Some(Body::Text(n.to_string())),
        }
    }
}

/// The input columns `annotate_batch` reads; all but `content` optional.
struct Columns<'a> {
    content: Cells<'a>,
    url: Option<Cells<'a>>,
    published: Option<Cells<'a>>,
    id: Option<Cells<'a>>,
    path: Option<Cells<'a>>,
    record: Option<Cells<'a>>,
    markup: Option<Cells<'a>>,
    format: Option<Cells<'a>>,
    error: Option<Cells<'a>>,
}

impl<'a> Columns<'a> {
    fn of(batch: &'a RecordBatch) -> Result<Columns<'a>, BatchError> {
        Ok(Columns {
            content: Cells::of(batch, "content")?.ok_or(BatchError::Column {
                column: "content",
                what: "the batch has no such column".to_owned(),
            })?,
            url: Cells::of(batch, "url")?,
            published: Cells::of(batch, "published")?,
            id: Cells::of(batch, "id")?,
            path: Cells::of(batch, "path")?,
            record: Cells::of(batch, "record")?,
            markup: Cells::of(batch, "markup")?,
            format: Cells::of(batch, "format")?,
            error: Cells::of(batch, "error")?,
        })
    }

    fn text(column: Option<&Cells<'_>>, row: usize) -> Option<String> {
        column.and_then(|c| c.text(row))
    }

    /// Row `row` as a pipeline input, or the error it already carries.
    fn input(&self, row: usize) -> Result<Input, String> {
        if let Some(error) = Columns::text(self.error.as_ref(), row) {
            return Err(error);
        }
        Ok(Input {
            body: self.content.body(row),
            path: Columns::text(self.path.as_ref(), row),
            record: self.record.as_ref().and_then(|c| c.number(row)),
            url: Columns::text(self.url.as_ref(), row),
            published: Columns::text(self.published.as_ref(), row),
            id: Columns::text(self.id.as_ref(), row),
            markup: Columns::text(self.markup.as_ref(), row).and_then(|m| parse_name(&m)),
            format: Columns::text(self.format.as_ref(), row).and_then(|f| parse_name(&f)),
        })
    }
}

/// The columns `annotate_batch` returns, in order.
pub(crate) fn output_schema() -> SchemaRef {
    let text = |name: &str| Field::new(name, DataType::Utf8, true);
    Arc::new(Schema::new(vec![
        text("record_id"),
        text("path"),
        Field::new("record", DataType::Int64, true),
        text("id"),
        text("url"),
        text("title"),
        Field::new("published", DataType::Date32, true),
        text("language"),
        text("text"),
        text("document"),
        text("events"),
        text("ceasefires"),
        Field::new("event_count", DataType::Int64, true),
        Field::new("ceasefire_count", DataType::Int64, true),
        text("warnings"),
        text("error"),
    ]))
}

/// Builders for [`output_schema`], filled row by row.
#[derive(Default)]
struct Output {
    record_id: StringBuilder,
    path: StringBuilder,
    record: Int64Builder,
    id: StringBuilder,
    url: StringBuilder,
    title: StringBuilder,
    published: Date32Builder,
    language: StringBuilder,
    text: StringBuilder,
    document: StringBuilder,
    events: StringBuilder,
    ceasefires: StringBuilder,
    event_count: Int64Builder,
    ceasefire_count: Int64Builder,
    warnings: StringBuilder,
    error: StringBuilder,
}

/// A processed row: the serialised parts of a document, or why there is none.
struct Row {
    record_id: Option<String>,
    path: Option<String>,
    record: Option<u64>,
    result: Result<Done, String>,
}

struct Done {
    doc: Box<dateline_core::Document>,
    document: String,
    events: String,
    ceasefires: String,
    warnings: Vec<String>,
}

impl Output {
    fn push(&mut self, row: Row) {
        self.record_id.append_option(row.record_id);
        self.path.append_option(row.path);
        self.record
            .append_option(row.record.and_then(|r| i64::try_from(r).ok()));
        match row.result {
            Ok(done) => {
                let doc = done.doc;
                self.id.append_value(&doc.id);
                self.url.append_option(doc.source.url.as_deref());
                self.title.append_option(doc.title.as_deref());
                self.published
                    .append_option(doc.published.and_then(epoch_days));
                self.language.append_option(doc.language.as_deref());
                self.text.append_value(&doc.text);
                self.document.append_value(done.document);
                self.events.append_value(done.events);
                self.ceasefires.append_value(done.ceasefires);
                self.event_count.append_value(count(doc.events.len()));
                self.ceasefire_count
                    .append_value(count(doc.ceasefires.len()));
                self.warnings
                    .append_option((!done.warnings.is_empty()).then(|| done.warnings.join("\n")));
                self.error.append_null();
            }
            Err(error) => {
                for column in [
                    &mut self.id,
                    &mut self.url,
                    &mut self.title,
                    &mut self.language,
                    &mut self.text,
                    &mut self.document,
                    &mut self.events,
                    &mut self.ceasefires,
                    &mut self.warnings,
                ] {
                    column.append_null();
                }
                self.published.append_null();
                self.event_count.append_null();
                self.ceasefire_count.append_null();
                self.error.append_value(error);
            }
        }
    }

    fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.record_id.finish()),
            Arc::new(self.path.finish()),
            Arc::new(self.record.finish()),
            Arc::new(self.id.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.title.finish()),
            Arc::new(self.published.finish()),
            Arc::new(self.language.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.document.finish()),
            Arc::new(self.events.finish()),
            Arc::new(self.ceasefires.finish()),
            Arc::new(self.event_count.finish()),
            Arc::new(self.ceasefire_count.finish()),
            Arc::new(self.warnings.finish()),
            Arc::new(self.error.finish()),
        ];
        RecordBatch::try_new(output_schema(), columns)
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Days since 1970-01-01, Arrow's `date32`.
fn epoch_days(date: jiff::civil::Date) -> Option<i32> {
    jiff::civil::date(1970, 1, 1)
        .until((jiff::Unit::Day, date))
        .ok()
        .map(|span| span.get_days())
}

/// Extracts (and annotates, per `mode`) every row of `batch`; one output
/// row per input row, in order.
pub(crate) fn annotate(batch: &RecordBatch, mode: Mode) -> Result<RecordBatch, BatchError> {
    let columns = Columns::of(batch)?;
    let mut output = Output::default();
    for row in 0..batch.num_rows() {
        output.push(process_row(&columns, row, mode));
    }
    Ok(output.finish()?)
}

fn process_row(columns: &Columns<'_>, row: usize, mode: Mode) -> Row {
    let record_id = Columns::text(columns.id.as_ref(), row);
    let path = Columns::text(columns.path.as_ref(), row);
    let record = columns.record.as_ref().and_then(|c| c.number(row));
    let result = columns
        .input(row)
        .and_then(|input| match crate::record::process(input, mode) {
            Outcome::Document { doc, warnings } => serialise(doc, warnings),
            Outcome::Failed(message) => Err(message),
        });
    Row {
        record_id,
        path,
        record,
        result,
    }
}

fn serialise(doc: Box<dateline_core::Document>, warnings: Vec<String>) -> Result<Done, String> {
    let json = |result: serde_json::Result<String>| result.map_err(|e| e.to_string());
    Ok(Done {
        document: json(serde_json::to_string(&doc))?,
        events: json(serde_json::to_string(&doc.events))?,
        ceasefires: json(serde_json::to_string(&doc.ceasefires))?,
        doc,
        warnings,
    })
}

/// The columns of the batches `read_warc_batches` yields, in order; they
/// are the input columns of [`annotate`] plus the record's offset and
/// fetch date.
pub(crate) fn record_schema() -> SchemaRef {
    let text = |name: &str| Field::new(name, DataType::Utf8, true);
    Arc::new(Schema::new(vec![
        text("path"),
        Field::new("record", DataType::Int64, true),
        Field::new("offset", DataType::Int64, true),
        text("format"),
        text("markup"),
        text("url"),
        text("id"),
        text("fetched"),
        text("content"),
        Field::new("lossy", DataType::Boolean, true),
        text("error"),
    ]))
}

/// Builders for [`record_schema`].
#[derive(Default)]
pub(crate) struct RecordRows {
    path: StringBuilder,
    record: Int64Builder,
    offset: Int64Builder,
    format: StringBuilder,
    markup: StringBuilder,
    url: StringBuilder,
    id: StringBuilder,
    fetched: StringBuilder,
    content: StringBuilder,
    lossy: BooleanBuilder,
    error: StringBuilder,
    len: usize,
}

impl RecordRows {
    /// How many rows were pushed.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Adds one item of the ingest stream.
    pub(crate) fn push(&mut self, item: dateline_ingest::Result<Record>) {
        self.len += 1;
        let origin = match &item {
            Ok(record) => &record.origin,
            Err(err) => &err.origin,
        };
        self.path.append_value(&origin.path);
        let number = |n: Option<u64>| n.and_then(|n| i64::try_from(n).ok());
        self.record.append_option(number(origin.record));
        self.offset.append_option(number(origin.offset));
        match item {
            Ok(record) => {
                self.format.append_value(record.format.as_str());
                self.markup.append_value(match record.markup {
                    dateline_core::Markup::Html => "html",
                    dateline_core::Markup::Text => "text",
                });
                self.url.append_option(record.url);
                self.id.append_option(record.id);
                self.fetched.append_option(record.fetched);
                self.content.append_value(record.content);
                self.lossy.append_value(record.lossy);
                self.error.append_null();
            }
            Err(err) => {
                for column in [
                    &mut self.format,
                    &mut self.markup,
                    &mut self.url,
                    &mut self.id,
                    &mut self.fetched,
                    &mut self.content,
                ] {
                    column.append_null();
                }
                self.lossy.append_null();
                self.error.append_value(err.to_string());
            }
        }
    }

    /// The batch of the rows pushed so far.
    pub(crate) fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.path.finish()),
            Arc::new(self.record.finish()),
            Arc::new(self.offset.finish()),
            Arc::new(self.format.finish()),
            Arc::new(self.markup.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.id.finish()),
            Arc::new(self.fetched.finish()),
            Arc::new(self.content.finish()),
            Arc::new(self.lossy.finish()),
            Arc::new(self.error.finish()),
        ];
        RecordBatch::try_new(record_schema(), columns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{BinaryArray, Int64Array, StringArray};

    /// A bundled seed article (VOV.VN, 2016) that codes events and a ceasefire.
    const TRUCE: &str = include_str!("../../../corpus/seeds/004_f4b8cc9cb900e3e2.txt");
    const TALKS: &str = "Peace talks resumed in Geneva on Monday, March 14, 2016, the UN \
        envoy said. The opposition said it would attend.";

    fn column(batch: &RecordBatch, name: &str) -> Vec<Option<String>> {
        let array = batch.column_by_name(name).expect("column present");
        let strings = array.as_string::<i32>();
        (0..strings.len())
            .map(|i| strings.is_valid(i).then(|| strings.value(i).to_owned()))
            .collect()
    }

    fn input(content: ArrayRef) -> RecordBatch {
        let len = content.len();
        let ids: Vec<Option<i64>> = (0..len).map(|i| i64::try_from(i).ok()).collect();
        RecordBatch::try_from_iter(vec![
            ("content", content),
            ("id", Arc::new(Int64Array::from(ids)) as ArrayRef),
        ])
        .expect("valid batch")
    }

    #[test]
    fn each_row_gives_the_document_annotate_gives() {
        let batch = input(Arc::new(StringArray::from(vec![Some(TRUCE), Some(TALKS)])));
        let out = annotate(&batch, Mode::Annotate).expect("batch processed");
        assert_eq!(out.schema(), output_schema());
        assert_eq!(out.num_rows(), 2);
        let documents = column(&out, "document");
        for (row, text) in [TRUCE, TALKS].into_iter().enumerate() {
            let single = Input {
                body: Some(Body::Text(text.to_owned())),
                id: Some(row.to_string()),
                ..Input::default()
            };
            let Outcome::Document { doc, .. } = crate::record::process(single, Mode::Annotate)
            else {
                panic!("row {row} failed alone");
            };
            let expected = serde_json::to_string(&doc).expect("serialisable");
            assert_eq!(documents[row].as_deref(), Some(expected.as_str()));
        }
        assert_eq!(
            column(&out, "record_id"),
            [Some("0".into()), Some("1".into())]
        );
        let events = out
            .column_by_name("event_count")
            .expect("column")
            .as_primitive::<Int64Type>();
        assert!(events.value(0) > 0, "the seed article codes events");
        assert!(column(&out, "error").iter().all(Option::is_none));
        let published = out
            .column_by_name("published")
            .expect("column")
            .as_primitive::<arrow_array::types::Date32Type>();
        assert!(published.is_null(0), "plain text has no publication date");
    }

    #[test]
    fn bad_rows_get_an_error_and_good_rows_still_come_out() {
        let content: Vec<Option<&[u8]>> = vec![
            Some(TRUCE.as_bytes()),
            None,
            Some(b"   "),
            Some(b"\x00\x01\x02\x00binary\x00"),
        ];
        let out = annotate(&input(Arc::new(BinaryArray::from(content))), Mode::Annotate)
            .expect("batch processed");
        let errors = column(&out, "error");
        assert_eq!(errors[0], None);
        assert_eq!(errors[1].as_deref(), Some("<input>: no content"));
        assert!(
            errors[2].as_deref().is_some_and(|e| e.contains("empty")),
            "{errors:?}"
        );
        assert!(
            errors[3].as_deref().is_some_and(|e| e.contains("binary")),
            "{errors:?}"
        );
        let ids = column(&out, "id");
        assert!(ids[0].is_some());
        assert!(ids[1..].iter().all(Option::is_none));
    }

    #[test]
    fn batch_without_content_is_refused() {
        let batch = RecordBatch::try_from_iter(vec![(
            "text",
            Arc::new(StringArray::from(vec![TRUCE])) as ArrayRef,
        )])
        .expect("valid batch");
        let err = annotate(&batch, Mode::Extract).expect_err("no content column");
        assert_eq!(
            err.to_string(),
            "column `content`: the batch has no such column"
        );
        let batch = RecordBatch::try_from_iter(vec![(
            "content",
            Arc::new(arrow_array::Float64Array::from(vec![1.5])) as ArrayRef,
        )])
        .expect("valid batch");
        assert!(annotate(&batch, Mode::Extract).is_err());
    }

    #[test]
    fn warc_rows_round_trip_through_annotate() {
        let warc = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:a>\r\n\
            WARC-Target-URI: https://example.org/truce\r\nContent-Type: text/plain\r\n\
            Content-Length: 20\r\n\r\nThe truce held well.\r\n\r\n\
            WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 500\r\n\r\ncut short";
        let mut rows = RecordRows::default();
        for item in dateline_ingest::read_stream("t.warc", warc.as_bytes(), Default::default()) {
            rows.push(item);
        }
        assert_eq!(rows.len(), 2);
        let records = rows.finish().expect("valid batch");
        assert_eq!(
            column(&records, "url")[0].as_deref(),
            Some("https://example.org/truce")
        );
        let read_error = column(&records, "error")[1]
            .clone()
            .expect("truncated record");
        assert!(read_error.contains("truncated"), "{read_error}");

        let out = annotate(&records, Mode::Annotate).expect("batch processed");
        let document: serde_json::Value =
            serde_json::from_str(column(&out, "document")[0].as_deref().expect("document"))
                .expect("JSON");
        assert_eq!(document["source"]["format"], "warc");
        assert_eq!(document["source"]["path"], "t.warc");
        assert_eq!(document["source"]["record"], 1);
        assert_eq!(document["source"]["record_id"], "urn:uuid:a");
        assert_eq!(
            column(&out, "error")[1].as_deref(),
            Some(read_error.as_str())
        );
        assert_eq!(column(&out, "path")[1].as_deref(), Some("t.warc"));
    }
}
