//! The small SQL layer both backends share, so that every query and write is
//! written once.
//!
//! Statements are written in PostgreSQL's placeholder style (`$1`, `$2`);
//! the SQLite backend rewrites them to `?1`, `?2`. Values cross the boundary
//! as [`Value`]s and come back as [`Row`]s. What the two databases spell
//! differently (full-text search, auto-increment keys) is in each backend's
//! [`Dialect`].
//!
//! It is not an ORM or a query builder beyond [`Params`], which numbers
//! placeholders for statements assembled from optional filters.

use crate::fts::TextQuery;
use crate::{Error, Result};

/// One SQL value, as bound or as read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Real(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_owned())
    }
}

impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(v)
    }
}

impl From<&[u8]> for Value {
    fn from(v: &[u8]) -> Value {
        Value::Blob(v.to_vec())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

impl From<&String> for Value {
    fn from(v: &String) -> Value {
        Value::Text(v.clone())
    }
}

/// An array of values from mixed types: `values![a, b, c]`.
macro_rules! values {
    ($($value:expr),* $(,)?) => {
        [$($crate::sql::Value::from($value)),*]
    };
}
pub(crate) use values;

/// A parameter list from mixed types: `params![a, b, c]`.
macro_rules! params {
    ($($value:expr),* $(,)?) => {
        &$crate::sql::values![$($value),*][..]
    };
}
pub(crate) use params;

/// One result row.
#[derive(Debug)]
pub(crate) struct Row(pub(crate) Vec<Value>);

impl Row {
    fn get(&self, i: usize) -> Result<&Value> {
        self.0
            .get(i)
            .ok_or_else(|| Error::Schema(format!("result has no column {i}")))
    }

    fn mismatch(&self, i: usize, want: &str) -> Error {
        Error::Schema(format!("column {i} is not {want}: {:?}", self.0.get(i)))
    }

    pub(crate) fn int(&self, i: usize) -> Result<i64> {
        match self.get(i)? {
            Value::Int(v) => Ok(*v),
            _ => Err(self.mismatch(i, "an integer")),
        }
    }

    pub(crate) fn real(&self, i: usize) -> Result<f64> {
        match self.get(i)? {
            Value::Real(v) => Ok(*v),
            Value::Int(v) => Ok(*v as f64),
            _ => Err(self.mismatch(i, "a number")),
        }
    }

    pub(crate) fn text(&self, i: usize) -> Result<String> {
        match self.get(i)? {
            Value::Text(v) => Ok(v.clone()),
            _ => Err(self.mismatch(i, "text")),
        }
    }

    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self.get(i)? {
            Value::Null => Ok(None),
            _ => self.text(i).map(Some),
        }
    }

    pub(crate) fn blob(&self, i: usize) -> Result<Vec<u8>> {
        match self.get(i)? {
            Value::Blob(v) => Ok(v.clone()),
            _ => Err(self.mismatch(i, "bytes")),
        }
    }

    /// Column `i` holds JSON text of a `T`; `id` names the record in errors.
    pub(crate) fn json<T: serde::de::DeserializeOwned>(&self, i: usize, id: &str) -> Result<T> {
        let text = self.text(i)?;
        serde_json::from_str(&text).map_err(|source| Error::Corrupt {
            id: id.to_owned(),
            source,
        })
    }
}

/// A connection or transaction of either backend.
pub(crate) trait Conn {
    /// How this database spells what SQL leaves open.
    fn dialect(&self) -> &'static Dialect;
    /// Runs a statement, returning the number of rows changed.
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64>;
    /// Runs a query, returning all its rows.
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>>;
    /// Runs statements without parameters or results (savepoints).
    fn run(&mut self, sql: &str) -> Result<()>;

    /// The first row of a query, if any.
    fn query_first(&mut self, sql: &str, params: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }
}

/// What SQLite and PostgreSQL spell differently.
#[derive(Debug)]
pub(crate) struct Dialect {
    /// The backend's name, for messages.
    pub(crate) name: &'static str,
    /// A subquery selecting the ids of documents matching the text query
    /// in placeholder `{q}`.
    pub(crate) documents_matching: &'static str,
    /// Document ids matching `$1`, best first, at most `$2`.
    pub(crate) search_documents: &'static str,
    /// `(doc, idx)` of events whose evidence matches `$1`, best first, at most `$2`.
    pub(crate) search_events: &'static str,
    /// Renders a parsed text query as the value bound for `{q}` / `$1`.
    pub(crate) text_query: fn(&TextQuery) -> Option<String>,
    /// Refreshes the query planner's statistics.
    pub(crate) optimize: &'static str,
    /// Column type of an auto-numbered integer primary key.
    pub(crate) serial: &'static str,
    /// Column type of bytes.
    pub(crate) blob: &'static str,
}

impl Dialect {
    /// `sql` with the `{serial}` and `{blob}` column types spelled for this database.
    pub(crate) fn ddl(&self, sql: &str) -> String {
        sql.replace("{serial}", self.serial)
            .replace("{blob}", self.blob)
    }
}

/// Parameters of a statement assembled piece by piece.
#[derive(Debug, Default)]
pub(crate) struct Params(pub(crate) Vec<Value>);

impl Params {
    /// Adds a value and returns its placeholder (`$3`).
    pub(crate) fn push(&mut self, value: impl Into<Value>) -> String {
        self.0.push(value.into());
        format!("${}", self.0.len())
    }
}

/// Rows for multi-row `INSERT` statements, which save a round trip per row
/// on PostgreSQL.
#[derive(Debug)]
pub(crate) struct Insert {
    /// `table (column, …)`.
    into: &'static str,
    width: usize,
    values: Vec<Value>,
}

impl Insert {
    /// Rows for `INSERT INTO {into}`, `into` naming `width` columns.
    pub(crate) fn new(into: &'static str, width: usize) -> Insert {
        Insert {
            into,
            width,
            values: Vec::new(),
        }
    }

    /// Adds a row of `width` values.
    pub(crate) fn row<const N: usize>(&mut self, values: [Value; N]) {
        debug_assert_eq!(N, self.width);
        self.values.extend(values);
    }

    /// Inserts the rows, `tail` (`RETURNING …`, `ON CONFLICT …`) after the
    /// values; returns what `RETURNING` gives, in no particular order.
    pub(crate) fn run(self, conn: &mut dyn Conn, tail: &str) -> Result<Vec<Row>> {
        // Well under both databases' limits on parameters per statement.
        const ROWS: usize = 100;
        let mut out = Vec::new();
        let mut values = self.values.into_iter().peekable();
        while values.peek().is_some() {
            let mut params = Params::default();
            let mut rows = Vec::new();
            while rows.len() < ROWS && values.peek().is_some() {
                let marks: Vec<String> = values
                    .by_ref()
                    .take(self.width)
                    .map(|v| params.push(v))
                    .collect();
                rows.push(format!("({})", marks.join(", ")));
            }
            let sql = format!(
                "INSERT INTO {} VALUES {} {tail}",
                self.into,
                rows.join(", ")
            );
            out.extend(conn.query(&sql, &params.0)?);
        }
        Ok(out)
    }
}

/// `sql` with `$n` placeholders written `?n`, for SQLite.
///
/// Statements never contain `$` in literals, so a plain scan is enough.
pub(crate) fn question_marks(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_rewritten_for_sqlite() {
        assert_eq!(
            question_marks("SELECT a FROM t WHERE b = $1 AND c IN ($2, $10)"),
            "SELECT a FROM t WHERE b = ?1 AND c IN (?2, ?10)"
        );
    }

    #[test]
    fn params_number_their_placeholders() {
        let mut params = Params::default();
        assert_eq!(params.push("x"), "$1");
        assert_eq!(params.push(Some(3_i64)), "$2");
        assert_eq!(params.push(None::<String>), "$3");
        assert_eq!(
            params.0,
            vec![Value::Text("x".into()), Value::Int(3), Value::Null]
        );
    }
}
