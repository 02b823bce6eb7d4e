//! Seeding a server with the bundled corpus (`dateline_pipeline::bundled`,
//! what `dateline run` ingests by default), shared by the API tests and the
//! `demo_server` example.

use dateline_serve::{AppState, Catalog, IngestReport};
use dateline_store::Store;

/// A server state over a fresh in-memory store; writes need `token`.
pub fn empty_state(token: Option<&str>) -> AppState {
    let store = Store::open_in_memory().expect("in-memory store");
    let catalog = Catalog::from_store(store).expect("catalog");
    AppState::new(catalog, token.map(str::to_owned))
}

/// [`empty_state`] with the bundled corpus ingested through the pipeline.
pub fn seeded_state(token: Option<&str>) -> (AppState, IngestReport) {
    let state = empty_state(token);
    let report = seed(&state);
    (state, report)
}

/// Ingests the bundled corpus through the pipeline into `state`'s catalog.
pub fn seed(state: &AppState) -> IngestReport {
    let report = state
        .ingest(dateline_pipeline::bundled::records())
        .expect("seeding the corpus");
    assert!(
        report.failed.is_empty(),
        "corpus records failed: {:?}",
        report.failed
    );
    report
}
