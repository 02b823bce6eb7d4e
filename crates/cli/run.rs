//! `dateline run`: the main job — ingest, extract, store, summarise.

use std::io::IsTerminal;

use anyhow::Context;
use dateline_core::Document;
use dateline_store::{Store, Summary};
use indicatif::{ProgressBar, ProgressStyle};

use crate::Status;
use crate::args::RunArgs;
use dateline_pipeline::{self as pipeline, Outcome};

/// Documents stored per transaction: large enough to be fast, small enough
/// that an interrupted run loses little.
const DOCUMENTS_PER_COMMIT: usize = 256;

/// Counts of what one run did.
#[derive(Debug, Default)]
struct Tally {
    new: u64,
    already_stored: u64,
    failed: u64,
    warnings: u64,
}

pub(crate) fn run(args: RunArgs) -> anyhow::Result<Status> {
    let mut store = Store::open(&args.db)
        .with_context(|| format!("opening the database {}", args.db.display()))?;
    let settings = pipeline::Settings {
        extract: dateline_extract::Options {
            default_published: args.input.published,
        },
        as_is: false,
        annotator: None,
    };
    let pool = crate::thread_pool(args.input.threads)?;
    let choice = args.input.format.into();
    let records: Box<dyn Iterator<Item = _>> = if args.input.paths.is_empty() {
        Box::new(crate::bundled::FILES.iter().flat_map(move |(path, bytes)| {
            dateline_ingest::read_stream(path, std::io::Cursor::new(*bytes), choice)
        }))
    } else {
        Box::new(dateline_ingest::read_inputs(
            args.input.paths.clone(),
            choice,
        ))
    };

    let progress = progress_bar(args.no_progress);
    let mut tally = Tally::default();
    let mut pending = Vec::with_capacity(DOCUMENTS_PER_COMMIT);
    pipeline::extract_stream(records, &settings, &pool, |outcome| -> anyhow::Result<()> {
        progress.inc(1);
        match outcome {
            Outcome::Document { doc, warnings } => {
                for warning in warnings {
                    tally.warnings += 1;
                    progress.suspend(|| eprintln!("dateline: warning: {warning}"));
                }
                pending.push(*doc);
                if pending.len() == DOCUMENTS_PER_COMMIT {
                    store_all(&mut store, &mut pending, &mut tally)?;
                }
            }
            Outcome::Failed(message) => {
                tally.failed += 1;
                progress.suspend(|| eprintln!("dateline: error: {message}"));
            }
        }
        Ok(())
    })?;
    store_all(&mut store, &mut pending, &mut tally)?;
    progress.finish_and_clear();

    let summary = store.summary()?;
    print_summary(&mut std::io::stdout().lock(), &args, &tally, &summary)?;
    Ok(if tally.failed == 0 {
        Status::Complete
    } else {
        Status::Partial
    })
}

/// Stores `pending` in one transaction and empties it.
fn store_all(
    store: &mut Store,
    pending: &mut Vec<Document>,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let mut batch = store.batch()?;
    for doc in pending.iter() {
        if batch
            .insert(doc)
            .with_context(|| format!("storing document {}", doc.id))?
        {
            tally.new += 1;
        } else {
            tally.already_stored += 1;
        }
    }
    batch
        .commit()
        .context("committing documents to the database")?;
    pending.clear();
    Ok(())
}

fn progress_bar(disabled: bool) -> ProgressBar {
    if disabled || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

fn print_summary(
    out: &mut impl std::io::Write,
    args: &RunArgs,
    tally: &Tally,
    summary: &Summary,
) -> std::io::Result<()> {
    let input = if args.input.paths.is_empty() {
        "the bundled corpus"
    } else {
        "the input"
    };
    writeln!(
        out,
        "Read {} documents from {input}: {} new, {} already stored, {} failed{}.",
        tally.new + tally.already_stored + tally.failed,
        tally.new,
        tally.already_stored,
        tally.failed,
        if tally.warnings > 0 {
            format!(", {} warnings", tally.warnings)
        } else {
            String::new()
        },
    )?;
    writeln!(out, "Database {}:", args.db.display())?;
    writeln!(out, "  documents   {}", summary.documents)?;
    writeln!(out, "  sources     {} sites", summary.sites)?;
    match (&summary.first_published, &summary.last_published) {
        (Some(first), Some(last)) => {
            writeln!(
                out,
                "  published   {first} to {last} ({} undated)",
                summary.undated
            )
        }
        _ => writeln!(out, "  published   no dated documents"),
    }?;
    let removed: Vec<String> = summary
        .removed_by_kind
        .iter()
        .map(|(kind, n)| format!("{kind} {n}"))
        .collect();
    let total: u64 = summary.removed_by_kind.values().sum();
    if removed.is_empty() {
        writeln!(out, "  removed     nothing")?;
    } else {
        writeln!(
            out,
            "  removed     {total} pieces of boilerplate: {}",
            removed.join(", ")
        )?;
    }
    Ok(())
}
