//! The `dateline` command: a thin layer over the pipeline crates that parses
//! arguments, wires the stages together, reports progress and errors, and
//! sets the exit status.

mod args;
mod eval;
mod extract;
mod run;
mod serve;
mod timeline;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

/// How a command ended when it did not fail outright.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    /// Every input was processed.
    Complete,
    /// Some inputs or records failed; the rest were processed.
    Partial,
}

/// `target` with any password in a URL's user part replaced by `***`, for
/// messages.
pub(crate) fn redact(target: &str) -> String {
    match url::Url::parse(target) {
        Ok(mut url) if url.password().is_some() => {
            // Setting a password only fails on URLs that cannot have one.
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        _ => target.to_owned(),
    }
}

/// Refuses a SQLite database file that does not exist, for the commands
/// that only read (`timeline`, `serve`), instead of creating an empty one.
pub(crate) fn existing_db(target: &str) -> anyhow::Result<()> {
    if let Some(path) = dateline_store::Store::sqlite_path(target) {
        anyhow::ensure!(
            path.exists(),
            "no database at {}: `dateline run` creates and fills one (or give --db)",
            path.display()
        );
    }
    Ok(())
}

/// A rayon pool with `threads` workers (default: one per core).
pub(crate) fn thread_pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        anyhow::ensure!(n > 0, "--threads must be at least 1");
        builder = builder.num_threads(n);
    }
    Ok(builder.build()?)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => run::run(args),
        Command::Extract(args) => extract::extract(args),
        Command::Annotate(args) => extract::annotate(args),
        Command::Timeline(args) => timeline::timeline(args),
        Command::Serve(args) => serve::serve(args),
        Command::Eval(args) => eval::eval(args),
    };
    match result {
        Ok(Status::Complete) => ExitCode::SUCCESS,
        Ok(Status::Partial) => ExitCode::from(1),
        Err(err) => {
            // A closed pipe (`dateline extract … | head`) is not an error.
            if err.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "dateline: error: {err}");
            for cause in err.chain().skip(1) {
                let _ = write!(stderr, ": {cause}");
            }
            let _ = writeln!(stderr);
            ExitCode::from(2)
        }
    }
}
