//! `dateline extract` and `dateline annotate`: documents as JSON lines.

use std::fs::File;
use std::io::{BufWriter, Write};

use anyhow::Context;

use crate::Status;
use crate::args::{AnnotateArgs, ExtractArgs};
use dateline_pipeline::{self as pipeline, Outcome};

pub(crate) fn extract(args: ExtractArgs) -> anyhow::Result<Status> {
    write_documents(args, false, false)
}

pub(crate) fn annotate(args: AnnotateArgs) -> anyhow::Result<Status> {
    write_documents(args.extract, args.as_is, true)
}

fn write_documents(args: ExtractArgs, as_is: bool, full: bool) -> anyhow::Result<Status> {
    anyhow::ensure!(
        !args.input.paths.is_empty(),
        "no input given: name files or directories, or `-` for standard input"
    );
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let settings = pipeline::Settings {
        extract: dateline_extract::Options {
            default_published: args.input.published,
        },
        as_is,
        annotator: full.then(pipeline::FullAnnotation::new),
    };
    let pool = crate::thread_pool(args.input.threads)?;
    let records = dateline_ingest::read_inputs(args.input.paths, args.input.format.into());
    let mut failed = 0u64;
    pipeline::extract_stream(records, &settings, &pool, |outcome| -> anyhow::Result<()> {
        match outcome {
            Outcome::Document { doc, warnings } => {
                for warning in warnings {
                    eprintln!("dateline: warning: {warning}");
                }
                serde_json::to_writer(&mut out, &doc)?;
                out.write_all(b"\n").context("writing output")?;
            }
            Outcome::Failed(message) => {
                failed += 1;
                eprintln!("dateline: error: {message}");
            }
        }
        Ok(())
    })?;
    out.flush().context("writing output")?;
    Ok(if failed == 0 {
        Status::Complete
    } else {
        Status::Partial
    })
}
