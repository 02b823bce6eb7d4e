//! `dateline timeline`: a timeline from the database, as text, JSON, CSV or
//! TimelineJS JSON.

use std::io::Write;

use anyhow::Context;
use dateline_core::TimelineQuery;
use dateline_link::Format;

use crate::Status;
use crate::args::{TimelineArgs, TimelineFormat};

pub(crate) fn timeline(args: TimelineArgs) -> anyhow::Result<Status> {
    crate::existing_db(&args.db.db)?;
    let store = dateline_store::Store::open_target(&args.db.db)
        .with_context(|| format!("opening the database {}", crate::redact(&args.db.db)))?;
    let query = TimelineQuery {
        story: args.story,
        actor: args.actor,
        place: args.place,
        text: args.query,
        from: args.from,
        to: args.to,
    };
    let timeline = dateline_catalog::timeline(&store, &query).context("drawing the timeline")?;
    let format = match args.format {
        TimelineFormat::Text => Format::Text,
        TimelineFormat::Json => Format::Json,
        TimelineFormat::Csv => Format::Csv,
        TimelineFormat::Timelinejs => Format::Timelinejs,
    };
    let rendered = dateline_link::render(&timeline, format)?;
    match &args.output {
        Some(path) => {
            std::fs::write(path, rendered).with_context(|| format!("writing {}", path.display()))?
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(rendered.as_bytes())?;
            if timeline.entries.is_empty() && args.format == TimelineFormat::Text {
                eprintln!("dateline: no entries match; `dateline run` fills the database");
            }
        }
    }
    Ok(Status::Complete)
}
