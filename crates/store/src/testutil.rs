//! Test helpers: the backends a test runs against, and annotated documents.
//!
//! [`on_both_backends!`] turns each listed `fn(&Target)` into two tests, one
//! on a fresh SQLite file and one on a fresh PostgreSQL schema of the server
//! `DATELINE_TEST_POSTGRES` names (skipped with a note when it is unset,
//! failing when `DATELINE_REQUIRE_SERVICES=1`). Each PostgreSQL test gets its
//! own schema, dropped afterwards, so tests run in parallel.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use dateline_core::{
    Ceasefire, CeasefireStatus, DatePrecision, Document, Event, EventActor, LinkedEvent, Mention,
    MentionOf, Modality, Source, Span,
};

use crate::Store;

/// Where a test's store lives.
pub(crate) enum Target {
    Sqlite {
        _dir: tempfile::TempDir,
        path: PathBuf,
    },
    Postgres {
        config: Box<postgres::Config>,
        schema: String,
    },
}

impl Target {
    pub(crate) fn sqlite() -> Target {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store.db");
        Target::Sqlite { _dir: dir, path }
    }

    /// A fresh schema on the test server, or `None` when there is none.
    pub(crate) fn postgres() -> Option<Target> {
        let url = std::env::var("DATELINE_TEST_POSTGRES").unwrap_or_default();
        if url.is_empty() {
            assert!(
                std::env::var("DATELINE_REQUIRE_SERVICES").as_deref() != Ok("1"),
                "DATELINE_REQUIRE_SERVICES=1 but DATELINE_TEST_POSTGRES is unset \
                 (start a server with .ci/postgres.sh)"
            );
            eprintln!(
                "skipped: set DATELINE_TEST_POSTGRES=postgres://… (see .ci/postgres.sh) \
                 to run the PostgreSQL tests"
            );
            return None;
        }
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let schema = format!(
            "dateline_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut config: postgres::Config = url.parse().expect("DATELINE_TEST_POSTGRES is a URL");
        config
            .connect(postgres::NoTls)
            .expect("connect to DATELINE_TEST_POSTGRES")
            .batch_execute(&format!("CREATE SCHEMA {schema}"))
            .expect("create a test schema");
        config.options(format!("-c search_path={schema}").as_str());
        // Names the test's connections, so a test can cut them.
        config.application_name(&schema);
        Some(Target::Postgres {
            config: Box::new(config),
            schema,
        })
    }

    /// Opens a new connection to the target's store.
    pub(crate) fn open(&self) -> crate::Result<Store> {
        match self {
            Target::Sqlite { path, .. } => Store::open(path),
            Target::Postgres { config, .. } => {
                Ok(Store::postgres(crate::postgres::open(*config.clone())?))
            }
        }
    }

    /// Runs SQL on the target behind the store's back.
    pub(crate) fn raw(&self, sql: &str) {
        match self {
            Target::Sqlite { path, .. } => rusqlite::Connection::open(path)
                .and_then(|c| c.execute_batch(sql))
                .expect("raw SQLite"),
            Target::Postgres { config, .. } => config
                .connect(postgres::NoTls)
                .and_then(|mut c| c.batch_execute(sql))
                .expect("raw PostgreSQL"),
        }
    }

    /// The schema version as stored.
    pub(crate) fn version(&self) -> i64 {
        match self {
            Target::Sqlite { path, .. } => rusqlite::Connection::open(path)
                .and_then(|c| c.pragma_query_value(None, "user_version", |r| r.get(0)))
                .expect("read user_version"),
            Target::Postgres { config, .. } => {
                let mut client = config.connect(postgres::NoTls).expect("connect");
                let row = client
                    .query_one(
                        "SELECT value FROM dateline_meta WHERE key = 'schema_version'",
                        &[],
                    )
                    .expect("read dateline_meta");
                row.get::<_, String>(0).parse().expect("a number")
            }
        }
    }

    /// Overwrites the stored schema version.
    pub(crate) fn set_version(&self, version: i64) {
        self.raw(&match self {
            Target::Sqlite { .. } => format!("PRAGMA user_version = {version}"),
            Target::Postgres { .. } => {
                format!("UPDATE dateline_meta SET value = '{version}' WHERE key = 'schema_version'")
            }
        });
    }
}

impl Drop for Target {
    fn drop(&mut self) {
        if let Target::Postgres { config, schema } = self
            && let Ok(mut client) = config.connect(postgres::NoTls)
        {
            let _ = client.batch_execute(&format!("DROP SCHEMA {schema} CASCADE"));
        }
    }
}

/// Makes each listed `fn(&Target)` a test on SQLite and one on PostgreSQL.
macro_rules! on_both_backends {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $test() {
                    super::$test(&$crate::testutil::Target::sqlite());
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $test() {
                    if let Some(target) = $crate::testutil::Target::postgres() {
                        super::$test(&target);
                    }
                }
            )*
        }
    };
}
pub(crate) use on_both_backends;

/// An actor with a canonical name and a CAMEO code.
pub(crate) fn actor(text: &str, canonical: &str, code: &str) -> EventActor {
    EventActor {
        text: text.into(),
        canonical: Some(canonical.into()),
        code: Some(code.into()),
    }
}

/// The span of the first occurrence of `needle` in `text`, in characters.
pub(crate) fn span_of(text: &str, needle: &str) -> Span {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    Span {
        start,
        end: start + needle.chars().count(),
    }
}

/// A document from `site`, published on `published` (`YYYY-MM-DD`).
pub(crate) fn document(site: &str, published: Option<&str>, title: &str, text: &str) -> Document {
    let source = Source {
        site: Some(site.into()),
        url: Some(format!(
            "https://{site}/{}",
            title.to_lowercase().replace(' ', "-")
        )),
        ..Source::default()
    };
    let mut doc = Document::new(source, Some(title.into()), text.into());
    doc.published = published.map(|d| d.parse().expect("a date"));
    doc
}

/// An event whose evidence is the sentence of `text` containing `trigger`.
pub(crate) fn event(
    text: &str,
    trigger: &str,
    (kind, cameo): (&str, &str),
    source: Option<EventActor>,
    target: Option<EventActor>,
    (when, place): (Option<&str>, Option<&str>),
) -> Event {
    let trigger_span = span_of(text, trigger);
    let sentence = text
        .split_inclusive(". ")
        .find(|s| s.contains(trigger))
        .expect("trigger in a sentence")
        .trim_end();
    Event {
        kind: kind.into(),
        cameo: cameo.into(),
        trigger: trigger_span,
        source,
        target,
        when: when.map(Into::into),
        place: place.map(Into::into),
        modality: Modality::Asserted,
        evidence: vec![span_of(text, sentence)],
    }
}

/// A ceasefire frame.
pub(crate) fn ceasefire(
    declarer: &[&str],
    parties: &[&str],
    scope: &str,
    start: &str,
    status: CeasefireStatus,
) -> Ceasefire {
    let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
    Ceasefire {
        declarer: names(declarer),
        parties: names(parties),
        excluded: Vec::new(),
        scope: Some(scope.into()),
        start: Some(start.into()),
        duration: None,
        end: None,
        status,
        conditions: Vec::new(),
        reactions: Vec::new(),
        evidence: Vec::new(),
        issues: Vec::new(),
    }
}

/// Three annotated reports of the Syrian truces, and one undated note.
pub(crate) fn corpus() -> Vec<Document> {
    let text = "A cessation of hostilities took effect across Syria at midnight. \
                The Syrian army said it would abide by the truce.";
    let mut reuters = document(
        "reuters.com",
        Some("2016-02-27"),
        "Syria truce takes effect",
        text,
    );
    reuters.events = vec![event(
        text,
        "took effect",
        ("CEASEFIRE", "0871"),
        Some(actor("The Syrian army", "Syrian army", "SYRMIL")),
        None,
        (Some("2016-02-27"), Some("Syria")),
    )];
    reuters.ceasefires = vec![ceasefire(
        &["United States", "Russia"],
        &["Syrian army", "Syrian opposition"],
        "Syria",
        "2016-02-27T00:00+02:00",
        CeasefireStatus::InEffect,
    )];

    let text = "The Syrian army declared a 72-hour regime of calm starting at 1 a.m. on July 6. \
                Kerry welcomed the truce.";
    let mut vov = document(
        "vov.vn",
        Some("2016-07-06"),
        "Syrian army declares regime of calm",
        text,
    );
    vov.events = vec![
        event(
            text,
            "declared",
            ("CEASEFIRE", "0871"),
            Some(actor("The Syrian army", "Syrian army", "SYRMIL")),
            None,
            (Some("2016-07-06"), Some("Syria")),
        ),
        event(
            text,
            "welcomed",
            ("CONSULT", "051"),
            Some(actor("Kerry", "John Kerry", "USAGOV")),
            Some(actor("Syrian army", "Syrian army", "SYRMIL")),
            (Some("2016-07-06"), None),
        ),
    ];
    vov.ceasefires = vec![ceasefire(
        &["Syrian army"],
        &[],
        "Syria",
        "2016-07-06T01:00+03:00",
        CeasefireStatus::Declared,
    )];

    let text = "John Kerry said a ceasefire in Syria was potentially weeks away. \
                Ministers met in Vienna on Saturday.";
    let mut gulf = document(
        "gulfnews.com",
        Some("2015-11-17"),
        "Kerry says ceasefire weeks away",
        text,
    );
    gulf.events = vec![
        event(
            text,
            "met",
            ("CONSULT", "040"),
            Some(actor("Ministers", "foreign ministers", "IGO")),
            None,
            (Some("2015-11-14"), Some("Vienna")),
        ),
        event(
            text,
            "ceasefire",
            ("CEASEFIRE", "0871"),
            None,
            Some(actor("Syria", "Syria", "SYR")),
            (Some("2015-12"), Some("Syria")),
        ),
    ];

    let note = document(
        "example.org",
        None,
        "Editor's note",
        "This page collects our coverage of the war.",
    );
    vec![reuters, vov, gulf, note]
}

/// Stores `docs` in one batch.
pub(crate) fn store_all(store: &mut Store, docs: &[Document]) {
    let mut batch = store.batch().expect("batch");
    for doc in docs {
        batch.insert(doc).expect("insert");
    }
    batch.commit().expect("commit");
}

/// Linked events over [`corpus`]: the February truce (story `syria`, from
/// two mentions in the Reuters report), the July truce, the Vienna talks
/// (dated by week), the planned ceasefire (dated by month), and an undated
/// event of another story.
pub(crate) fn linked_events(docs: &[Document]) -> Vec<LinkedEvent> {
    let mention = |doc: &Document, of, index| Mention {
        doc: doc.id.clone(),
        of,
        index,
    };
    let base = |id: &str, date: Option<&str>, precision, doc: &Document, index| LinkedEvent {
        id: id.into(),
        kind: doc.events[index as usize].kind.clone(),
        cameo: doc.events[index as usize].cameo.clone(),
        date: date.map(Into::into),
        precision: Some(precision),
        source: doc.events[index as usize].source.clone(),
        target: doc.events[index as usize].target.clone(),
        place: doc.events[index as usize].place.clone(),
        summary: format!("{id} summary"),
        ceasefire: None,
        lifecycle: Vec::new(),
        mentions: vec![mention(doc, MentionOf::Event, index)],
        disagreements: Vec::new(),
        story: Some("syria".into()),
    };
    let (reuters, vov, gulf) = (&docs[0], &docs[1], &docs[2]);
    let mut february = base(
        "truce-feb",
        Some("2016-02-27"),
        DatePrecision::Day,
        reuters,
        0,
    );
    february.ceasefire = Some(reuters.ceasefires[0].clone());
    february
        .mentions
        .push(mention(reuters, MentionOf::Ceasefire, 0));
    let july = base("truce-jul", Some("2016-07-06"), DatePrecision::Day, vov, 0);
    let vienna = base("vienna", Some("2015-W46"), DatePrecision::Week, gulf, 0);
    let plan = base("plan", Some("2015-12"), DatePrecision::Month, gulf, 1);
    let mut welcome = base("welcome", None, DatePrecision::Day, vov, 1);
    welcome.precision = None;
    welcome.story = Some("kerry".into());
    vec![february, july, vienna, plan, welcome]
}
