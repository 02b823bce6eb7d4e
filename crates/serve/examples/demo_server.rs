//! A dateline server over a store seeded with the bundled corpus (in memory by default),
//! for the browser test and the load test:
//!
//! ```text
//! cargo run -p dateline-serve --example demo_server -- --addr 127.0.0.1:0 [--token T] [--db PATH]
//! ```
//!
//! With `--db` the corpus goes into that database (stored once however
//! often the demo starts) and reads use a pool of connections, as
//! `dateline serve` does. Prints `listening on http://ADDR` on stdout once
//! it answers, then serves until Ctrl-C or SIGTERM.

use std::io::Write as _;
use std::net::SocketAddr;
use std::process::ExitCode;

use dateline_serve::{AppState, Catalog, Server};

#[path = "../tests/common/mod.rs"]
mod common;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("demo_server: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    // Three flags: hand-parsed rather than pulling clap into the library's dev-dependencies.
    let mut addr: SocketAddr = ([127, 0, 0, 1], 0).into();
    let mut token = None;
    let mut db: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--addr", Some(value)) => addr = value.parse()?,
            ("--token", Some(value)) => token = Some(value),
            ("--db", Some(value)) => db = Some(value),
            _ => {
                return Err(format!(
                    "usage: demo_server [--addr ADDR] [--token TOKEN] [--db PATH] (got {arg:?})"
                )
                .into());
            }
        }
    }
    let (state, report) = match db {
        Some(db) => {
            let state = AppState::new(Catalog::open(&db, 4)?, token);
            let report = common::seed(&state);
            (state, report)
        }
        None => common::seeded_state(token.as_deref()),
    };
    eprintln!(
        "demo_server: bundled corpus: {} documents stored, {} already stored",
        report.stored.len(),
        report.already_stored.len()
    );
    let server = Server::bind(addr, state)?;
    let mut stdout = std::io::stdout();
    writeln!(stdout, "listening on http://{}", server.local_addr())?;
    stdout.flush()?;
    server.run()?;
    Ok(())
}
