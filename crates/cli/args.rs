//! The command line: subcommands, options and their help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

/// dateline turns raw news (HTML pages, scraped text, JSON Lines, WARC
/// archives) into dated, sourced, deduplicated timelines of political and
/// conflict events.
///
/// Results go to standard output; progress and diagnostics to standard error.
/// Exit status: 0 when every input was processed, 1 when some inputs or
/// records failed (the others were still processed), 2 when the command
/// could not run at all.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// The main job: ingest articles (default: the bundled corpus), annotate
    /// them, link them (near-duplicates, the same event across sources,
    /// stories), store everything, and print the timelines.
    ///
    /// Ingest is idempotent: an article already in the database (same title
    /// and text) is not stored twice. Each batch of articles is committed
    /// together with its links, so an interrupted run loses nothing it had
    /// committed, and the next run links what the interrupted one stored.
    Run(RunArgs),
    /// Extract articles (title, clean body, date, site, language, removed
    /// boilerplate, sentences, temporal expressions) and print them as JSON
    /// lines, one object per document.
    Extract(ExtractArgs),
    /// Extract and annotate articles: everything `extract` gives, with every
    /// annotation stage, as JSON lines.
    ///
    /// With `--as-is` the input is taken as already-clean text: no extraction,
    /// no cleaning, so every offset refers to the input exactly (this is how
    /// gold sets are scored). JSON Lines input may then be
    /// `{"id","text","published"}`; the `id` is kept as the document's id.
    Annotate(AnnotateArgs),
    /// Print a timeline from the database: dated entries (events and each
    /// step of every ceasefire's life), with the sources behind each.
    ///
    /// Filters combine: `--query ceasefire --from 2016-02-01 --to 2016-03-31`.
    Timeline(TimelineArgs),
    /// Serve the JSON API and the web timeline page.
    ///
    /// Reads are open; writes (`POST /api/documents`) need `Authorization:
    /// Bearer <token>` with the token given by `--token` or `$DATELINE_TOKEN`
    /// (without one, writes are refused).
    Serve(ServeArgs),
    /// Score dateline against a gold data set and print the metrics.
    Eval(EvalArgs),
}

/// The database to use: a SQLite file (created if missing) or a PostgreSQL
/// URL.
#[derive(Debug, Args)]
pub(crate) struct DbArgs {
    /// A SQLite file path, or `postgres://user:password@host/dbname`.
    #[arg(
        long,
        value_name = "FILE|URL",
        default_value = "dateline.db",
        env = "DATELINE_DB"
    )]
    pub(crate) db: String,
}

/// Where input comes from and how to read it (shared by the subcommands
/// that read articles).
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Input files or directories (searched recursively); `-` reads standard
    /// input. Text, HTML, JSON Lines and WARC files, optionally gzipped, are
    /// told apart by their content.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,

    /// Read every input as this format instead of detecting it.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    pub(crate) format: FormatArg,

    /// Publication date (YYYY-MM-DD) for articles that carry none in their
    /// record, metadata or text.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) published: Option<Date>,

    /// Worker threads for extraction (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) threads: Option<usize>,
}

#[derive(Debug, Args)]
pub(crate) struct RunArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    #[command(flatten)]
    pub(crate) db: DbArgs,

    /// Do not draw a progress bar, even on a terminal.
    #[arg(long)]
    pub(crate) no_progress: bool,

    /// Write the whole timeline as a self-contained web page to this file.
    #[arg(long, value_name = "FILE", default_value = "dateline-timeline.html")]
    pub(crate) html: PathBuf,

    /// Print at most this many entries of each story's timeline.
    #[arg(long, value_name = "N", default_value_t = 12)]
    pub(crate) entries: usize,
}

#[derive(Debug, Args)]
pub(crate) struct TimelineArgs {
    #[command(flatten)]
    pub(crate) db: DbArgs,

    /// Only this story (its id, as `dateline timeline` and the API list them).
    #[arg(long, value_name = "ID")]
    pub(crate) story: Option<String>,

    /// Only events with this actor (a name or a CAMEO code such as SYRMIL).
    #[arg(long, value_name = "NAME")]
    pub(crate) actor: Option<String>,

    /// Only events in this place.
    #[arg(long, value_name = "NAME")]
    pub(crate) place: Option<String>,

    /// Only events reported by documents matching this full-text query.
    #[arg(long, value_name = "TEXT")]
    pub(crate) query: Option<String>,

    /// Only entries on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) from: Option<Date>,

    /// Only entries on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) to: Option<Date>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
    pub(crate) format: TimelineFormat,

    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// `timeline --format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TimelineFormat {
    /// Lines for a terminal.
    Text,
    /// The timeline JSON of DESIGN.md.
    Json,
    /// One row per entry.
    Csv,
    /// TimelineJS 3 JSON.
    Timelinejs,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) db: DbArgs,

    /// Address to listen on.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub(crate) addr: std::net::SocketAddr,

    /// Bearer token that allows writes.
    #[arg(
        long,
        value_name = "TOKEN",
        env = "DATELINE_TOKEN",
        hide_env_values = true
    )]
    pub(crate) token: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    /// Write the JSON lines to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct AnnotateArgs {
    #[command(flatten)]
    pub(crate) extract: ExtractArgs,

    /// Take the input as already-clean text (no extraction or cleaning).
    #[arg(long)]
    pub(crate) as_is: bool,
}

#[derive(Debug, Args)]
pub(crate) struct EvalArgs {
    #[command(subcommand)]
    pub(crate) task: EvalTask,
}

#[derive(Debug, Subcommand)]
pub(crate) enum EvalTask {
    /// Main-text extraction against pages with hand-made bodies
    /// (`DIR/ground-truth.json` and `DIR/html/<id>.html`, the layout of the
    /// ScrapingHub article-extraction benchmark). Prints 4-gram shingle
    /// precision, recall and F1, and pages per second.
    Extraction {
        /// The data folder, e.g. ../shared/data/extraction.
        dir: PathBuf,
        /// Print the report as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Ceasefire frames against hand-annotated articles (JSON lines
    /// `{doc, published, path, ceasefires: [...]}`, e.g.
    /// ../shared/data/events/ceasefire_gold.dev.jsonl; `path` is relative to
    /// the folder above the file's). Frames are matched by evidence overlap;
    /// prints frame recall and precision, then field accuracy (status,
    /// declarer, parties, excluded, start, duration, end).
    Ceasefires {
        /// The gold file.
        file: PathBuf,
        /// Also write every disagreement with the gold to FILE, one JSON
        /// object per line (`-` for standard output), for error analysis.
        #[arg(long, value_name = "FILE")]
        errors: Option<PathBuf>,
        /// Print the report as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Event coding against the PETRARCH validation records (JSON lines
    /// `{id, suite, text, expected: [{source, target, code}], noevents, …}`,
    /// e.g. ../shared/data/events/petrarch_validation.dev.jsonl): precision,
    /// recall and F1 over (source, target, CAMEO code) triples, exact, at
    /// the CAMEO root and at country level.
    Events {
        /// The gold file.
        file: PathBuf,
        /// Also write every disagreement with the gold to FILE, one JSON
        /// object per line (`-` for standard output), for error analysis.
        #[arg(long, value_name = "FILE")]
        errors: Option<PathBuf>,
        /// Print the report as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// PLOVER event-type accuracy on PLOVER-coded sentences (e.g.
    /// ../shared/data/events/plover_gsr.dev.jsonl).
    Plover {
        /// The gold file.
        file: PathBuf,
        /// Print the report as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// A timeline (`dateline timeline --format json` output) against the gold
    /// timeline made of Wikipedia Current Events truce statements
    /// (`DATA/corpus/wcep/`) and the ceasefire gold's lifecycles
    /// (`DATA/events/ceasefire_gold.dev.jsonl`): recall and precision of the
    /// entries' days, exactly and within a day.
    Timeline {
        /// The timeline JSON file.
        file: PathBuf,
        /// The shared data folder (holding `corpus/wcep` and `events/`).
        #[arg(long, value_name = "DIR", default_value = "../shared/data")]
        data: PathBuf,
        /// Score gold dates from this day (default: the first gold article's).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: Option<Date>,
        /// Score gold dates up to this day (default: the last gold article's).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        to: Option<Date>,
        /// Print the report as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Near-duplicate detection on labelled document pairs built from a
    /// corpus folder (syndicated copies and synthetic rewrites): pair
    /// precision, recall and F1.
    Duplicates {
        /// Folders of articles (e.g. ../shared/data/corpus/teftst corpus).
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Print the report as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Temporal expressions against TimeML gold (JSON lines
    /// `{doc_id, dct, text, timexes: [{start, end, text, type, value}]}`,
    /// e.g. ../shared/data/temporal/timebank.jsonl). Prints the TempEval-3
    /// metrics: strict and relaxed span F1, value F1 and type accuracy,
    /// overall and per type, and documents per second.
    Timex {
        /// One or more gold files; each is scored on its own.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Score these predictions (JSON lines `{doc_id, timexes: [{start,
        /// end, text, type, value}]}`, e.g. a peer tool's output) instead of
        /// running dateline; needs exactly one gold file.
        #[arg(long, value_name = "FILE")]
        predictions: Option<PathBuf>,
        /// Also write every disagreement with the gold to FILE, one JSON
        /// object per line (`-` for standard output), for error analysis.
        #[arg(long, value_name = "FILE")]
        errors: Option<PathBuf>,
        /// Print the reports as JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    /// Detect from the content.
    Auto,
    /// Plain scraped text, one article per file.
    Text,
    /// An HTML page per file.
    Html,
    /// JSON Lines: {"url","html"} or {"url","text"}, optional "published" and "id".
    Jsonl,
    /// WARC or WARC.gz: response records with HTML.
    Warc,
}

impl From<FormatArg> for dateline_ingest::FormatChoice {
    fn from(arg: FormatArg) -> Self {
        use dateline_ingest::FormatChoice;
        match arg {
            FormatArg::Auto => FormatChoice::Auto,
            FormatArg::Text => FormatChoice::Text,
            FormatArg::Html => FormatChoice::Html,
            FormatArg::Jsonl => FormatChoice::Jsonl,
            FormatArg::Warc => FormatChoice::Warc,
        }
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("expected a date like 2016-02-27: {e}"))
}
