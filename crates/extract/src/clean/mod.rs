//! Text-level cleaning of extracted paragraphs (interim: identity).

use dateline_core::Removed;

pub(crate) fn clean_paragraphs(
    paragraphs: Vec<String>,
    _title: Option<&str>,
    _removed: &mut Vec<Removed>,
) -> Vec<String> {
    paragraphs
}
