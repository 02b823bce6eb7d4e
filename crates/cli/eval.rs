//! `dateline eval`: scores against gold data sets.

use anyhow::Context;

use crate::Status;
use crate::args::{EvalArgs, EvalTask};

pub(crate) fn eval(args: EvalArgs) -> anyhow::Result<Status> {
    match args.task {
        EvalTask::Extraction { dir, json } => {
            let report = dateline_eval::extraction::evaluate(&dir)
                .with_context(|| format!("evaluating extraction on {}", dir.display()))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{report}");
            }
        }
        EvalTask::Timex { files, json } => {
            for file in files {
                let report = dateline_eval::timex::evaluate(&file)
                    .with_context(|| format!("evaluating temporal expressions on {}", file.display()))?;
                if json {
                    println!("{}", serde_json::to_string(&report)?);
                } else {
                    println!("{report}");
                }
            }
        }
    }
    Ok(Status::Complete)
}
