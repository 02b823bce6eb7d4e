//! `dateline eval`: scores against gold data sets.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use crate::Status;
use crate::args::{EvalArgs, EvalTask};

pub(crate) fn eval(args: EvalArgs) -> anyhow::Result<Status> {
    let mut out = std::io::stdout().lock();
    match args.task {
        EvalTask::Extraction { dir, json } => {
            let report = dateline_eval::extraction::evaluate(&dir)
                .with_context(|| format!("evaluating extraction on {}", dir.display()))?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
            } else {
                write!(out, "{report}")?;
            }
        }
        EvalTask::Ceasefires { file, json, errors } => {
            let (report, misses) = dateline_eval::ceasefires::evaluate_detailed(&file)
                .with_context(|| format!("evaluating ceasefire frames on {}", file.display()))?;
            print_report(&mut out, &report, json)?;
            write_errors(errors.as_deref(), &misses)?;
        }
        EvalTask::Events { file, json, errors } => {
            let (report, misses) = dateline_eval::events::evaluate_detailed(&file, true)
                .with_context(|| format!("evaluating event coding on {}", file.display()))?;
            print_report(&mut out, &report, json)?;
            write_errors(errors.as_deref(), &misses)?;
        }
        EvalTask::Plover { file, json } => {
            let report = dateline_eval::events::evaluate_plover(&file)
                .with_context(|| format!("evaluating PLOVER types on {}", file.display()))?;
            print_report(&mut out, &report, json)?;
        }
        EvalTask::Timeline {
            file,
            data,
            from,
            to,
            json,
        } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let timeline: dateline_core::Timeline = serde_json::from_str(&text)
                .with_context(|| format!("{} is not timeline JSON", file.display()))?;
            let gold = dateline_eval::timeline::load_gold(
                &data.join("events/ceasefire_gold.dev.jsonl"),
                &data.join("corpus/wcep"),
            )
            .with_context(|| format!("reading the gold timeline under {}", data.display()))?;
            let (Some(first), Some(last)) = (gold.news_days.first(), gold.news_days.last()) else {
                anyhow::bail!(
                    "the ceasefire gold under {} has no articles",
                    data.display()
                );
            };
            let report = dateline_eval::timeline::evaluate(
                &gold,
                &timeline,
                from.unwrap_or(*first),
                to.unwrap_or(*last),
            );
            print_report(&mut out, &report, json)?;
        }
        EvalTask::Duplicates { dirs, json } => {
            let report = dateline_eval::duplicates::evaluate(&dirs)
                .context("evaluating near-duplicate detection")?;
            print_report(&mut out, &report, json)?;
        }
        EvalTask::Timex {
            files,
            json,
            predictions,
            errors,
        } => {
            if predictions.is_some() && files.len() != 1 {
                anyhow::bail!(
                    "--predictions scores one gold file; {} were given",
                    files.len()
                );
            }
            let mut all_misses = Vec::new();
            for file in files {
                let (report, misses) = match &predictions {
                    Some(predicted) => {
                        dateline_eval::timex::evaluate_predictions_detailed(&file, predicted)
                            .with_context(|| {
                                format!(
                                    "scoring {} against {}",
                                    predicted.display(),
                                    file.display()
                                )
                            })?
                    }
                    None => dateline_eval::timex::evaluate_detailed(&file).with_context(|| {
                        format!("evaluating temporal expressions on {}", file.display())
                    })?,
                };
                if json {
                    writeln!(out, "{}", serde_json::to_string(&report)?)?;
                } else {
                    writeln!(out, "{report}")?;
                }
                all_misses.extend(misses);
            }
            write_errors(errors.as_deref(), &all_misses)?;
        }
    }
    Ok(Status::Complete)
}

/// Writes each disagreement with the gold as one JSON line to `path`
/// (`-`: standard output); nothing without `--errors`.
fn write_errors<M: serde::Serialize>(path: Option<&Path>, misses: &[M]) -> anyhow::Result<()> {
    let Some(path) = path else {
        return Ok(());
    };
    let write_all = |out: &mut dyn Write| -> std::io::Result<()> {
        for miss in misses {
            serde_json::to_writer(&mut *out, miss)?;
            out.write_all(b"\n")?;
        }
        out.flush()
    };
    if path == Path::new("-") {
        write_all(&mut std::io::stdout().lock()).context("writing the errors")?;
    } else {
        let file =
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
        write_all(&mut std::io::BufWriter::new(file))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Writes `report` as pretty JSON or as its table.
fn print_report<R>(out: &mut impl Write, report: &R, json: bool) -> anyhow::Result<()>
where
    R: serde::Serialize + std::fmt::Display,
{
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(report)?)?;
    } else {
        write!(out, "{report}")?;
    }
    Ok(())
}
