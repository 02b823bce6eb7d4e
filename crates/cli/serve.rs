//! `dateline serve`: the JSON API and the web timeline over the database.

use anyhow::Context;

use crate::Status;
use crate::args::ServeArgs;

/// Concurrent read connections to the database.
const CONNECTIONS: usize = 4;

pub(crate) fn serve(args: ServeArgs) -> anyhow::Result<Status> {
    crate::existing_db(&args.db.db)?;
    let db = crate::redact(&args.db.db);
    let catalog = dateline_serve::Catalog::open(&args.db.db, CONNECTIONS)
        .with_context(|| format!("opening the database {db}"))?;
    let writes = if args.token.is_some() {
        "writes need the bearer token"
    } else {
        "read-only: give --token or $DATELINE_TOKEN to accept writes"
    };
    let server = dateline_serve::Server::bind(
        args.addr,
        dateline_serve::AppState::new(catalog, args.token),
    )
    .with_context(|| format!("listening on {}", args.addr))?;
    eprintln!(
        "dateline: serving {db} on http://{} ({writes}); Ctrl-C stops",
        server.local_addr()
    );
    server.run().context("serving")?;
    Ok(Status::Complete)
}
