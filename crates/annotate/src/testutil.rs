//! Helpers shared by the unit tests: one annotator for the whole test
//! binary (compiling the dictionaries takes a moment) and lookups.

use std::sync::OnceLock;

use dateline_core::Entity;

use crate::Annotator;

/// The bundled annotator, built once per test binary.
pub(crate) fn annotator() -> &'static Annotator {
    static AN: OnceLock<Annotator> = OnceLock::new();
    AN.get_or_init(Annotator::new)
}

/// The entities of `text`.
pub(crate) fn ents(an: &Annotator, text: &str) -> Vec<Entity> {
    an.annotate(text).entities
}

/// The entity whose text is `text`; panics with the list when absent.
pub(crate) fn ent<'e>(ents: &'e [Entity], text: &str) -> &'e Entity {
    match ents.iter().find(|e| e.text == text) {
        Some(e) => e,
        None => panic!("no entity {text:?} in {ents:#?}"),
    }
}
