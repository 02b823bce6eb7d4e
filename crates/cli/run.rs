//! `dateline run`: the main job — ingest, extract, annotate, link, store,
//! then print the largest stories' timelines and write one as a web page.

use std::io::IsTerminal;

use anyhow::Context;
use dateline_catalog::Catalog;
use dateline_core::{Document, EntryKind, TimelineQuery};
use dateline_store::{PageRequest, Summary};
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
    let mut catalog = Catalog::open(&args.db.db)
        .with_context(|| format!("opening the database {}", crate::redact(&args.db.db)))?;
    let settings = pipeline::Settings {
        extract: dateline_extract::Options {
            default_published: args.input.published,
        },
        as_is: false,
        annotator: Some(pipeline::FullAnnotation::new()),
    };
    let pool = crate::thread_pool(args.input.threads)?;
    let records: Box<dyn Iterator<Item = _>> = if args.input.paths.is_empty() {
        Box::new(pipeline::bundled::records())
    } else {
        Box::new(dateline_ingest::read_inputs(
            args.input.paths.clone(),
            args.input.format.into(),
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
                    store_all(&mut catalog, &mut pending, &mut tally)?;
                }
            }
            Outcome::Failed(message) => {
                tally.failed += 1;
                progress.suspend(|| eprintln!("dateline: error: {message}"));
            }
        }
        Ok(())
    })?;
    store_all(&mut catalog, &mut pending, &mut tally)?;
    catalog.finish().context("saving the linking state")?;
    progress.finish_and_clear();

    let summary = catalog.store().summary()?;
    let mut out = std::io::stdout().lock();
    print_summary(&mut out, &args, &tally, &summary)?;
    print_stories(&mut out, &catalog, &args)?;
    Ok(if tally.failed == 0 {
        Status::Complete
    } else {
        Status::Partial
    })
}

/// Stores and links `pending` in one transaction and empties it.
fn store_all(
    catalog: &mut Catalog,
    pending: &mut Vec<Document>,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let stored = catalog
        .store_documents(pending.iter())
        .context("storing documents in the database")?;
    tally.new += stored.new;
    tally.already_stored += stored.already_stored;
    pending.clear();
    Ok(())
}

/// Entries dated more than this many days before a story's first document
/// are background and left out of the printed summary.
const BACKGROUND_DAYS: i64 = 14;

/// Stories printed after a run, largest first.
const STORIES_SHOWN: u32 = 3;

/// Prints every ceasefire's steps and the timelines of the largest stories,
/// and writes the whole timeline as a web page.
fn print_stories(
    out: &mut impl std::io::Write,
    catalog: &Catalog,
    args: &RunArgs,
) -> anyhow::Result<()> {
    let everything = catalog.timeline(&TimelineQuery::default())?;
    let page = dateline_serve::static_page(&everything, "Every story");
    std::fs::write(&args.html, page).with_context(|| format!("writing {}", args.html.display()))?;
    let ceasefires: Vec<_> = everything
        .entries
        .iter()
        .filter(|entry| entry.kind == EntryKind::Ceasefire)
        .collect();
    if !ceasefires.is_empty() {
        writeln!(
            out,
            "\nCeasefires, step by step ({} entries):",
            ceasefires.len()
        )?;
        let shown = dateline_core::Timeline {
            query: everything.query.clone(),
            entries: ceasefires
                .iter()
                .take(2 * args.entries)
                .map(|e| (*e).clone())
                .collect(),
        };
        write!(out, "{}", dateline_link::to_text(&shown))?;
        if ceasefires.len() > shown.entries.len() {
            writeln!(
                out,
                "  … {} more: dateline timeline --query ceasefire",
                ceasefires.len() - shown.entries.len()
            )?;
        }
    }
    let stories = catalog.store().stories(&PageRequest {
        limit: STORIES_SHOWN,
        cursor: None,
    })?;
    for story in &stories.items {
        let timeline = catalog.timeline(&TimelineQuery {
            story: Some(story.id.clone()),
            ..TimelineQuery::default()
        })?;
        // The entries worth a first look: every ceasefire step, and events
        // that more than one document reports, while the story was covered
        // (a date years before the first report is background, not news).
        let covered_from = story.first.map(|first| {
            first
                .saturating_sub(jiff::Span::new().days(BACKGROUND_DAYS))
                .to_string()
        });
        let salient: Vec<_> = timeline
            .entries
            .iter()
            .filter(|entry| entry.kind == EntryKind::Ceasefire || entry.sources.len() > 1)
            .filter(|entry| {
                covered_from
                    .as_deref()
                    .is_none_or(|from| entry.date.as_str() >= from)
            })
            .take(args.entries)
            .cloned()
            .collect();
        writeln!(
            out,
            "\nStory {} ({} documents, {} entries): {}",
            story.id,
            story.documents,
            timeline.entries.len(),
            story.name
        )?;
        if salient.is_empty() {
            writeln!(
                out,
                "  no ceasefire steps or events with several sources; all {}: dateline timeline --story {}",
                timeline.entries.len(),
                story.id
            )?;
        } else {
            let shown = dateline_core::Timeline {
                query: timeline.query.clone(),
                entries: salient,
            };
            write!(out, "{}", dateline_link::to_text(&shown))?;
            writeln!(
                out,
                "  (ceasefire steps and events with several sources since the story began; all {}: dateline timeline --story {})",
                timeline.entries.len(),
                story.id
            )?;
        }
    }
    writeln!(
        out,
        "\nThe whole timeline as a web page: {} (or `dateline serve` to browse and query it)",
        args.html.display()
    )?;
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
    writeln!(out, "Database {}:", crate::redact(&args.db.db))?;
    writeln!(
        out,
        "  documents   {} ({} near-duplicates)",
        summary.documents, summary.duplicates
    )?;
    writeln!(
        out,
        "  events      {} reported, {} after merging across sources",
        summary.events, summary.linked_events
    )?;
    writeln!(out, "  ceasefires  {} frames", summary.ceasefires)?;
    writeln!(out, "  stories     {}", summary.stories)?;
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
