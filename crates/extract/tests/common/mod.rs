//! What the golden tests share: the case folders and the removed pieces.

use std::path::{Path, PathBuf};

use dateline_core::Document;
use serde::{Deserialize, Serialize};

/// One removed piece as the expected files write it.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedRemoved {
    pub kind: String,
    pub text: String,
}

/// The case folders under `testdata/<kind>/` that hold an `input` file, sorted.
pub fn cases(kind: &str, input: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(kind);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join(input).is_file())
        .collect();
    cases.sort();
    cases
}

/// The document's removed pieces, in order.
pub fn removed(doc: &Document) -> Vec<ExpectedRemoved> {
    doc.removed
        .iter()
        .map(|r| ExpectedRemoved {
            kind: r.kind.as_str().to_owned(),
            text: r.text.clone(),
        })
        .collect()
}
