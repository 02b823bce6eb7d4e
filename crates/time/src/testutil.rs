//! Helpers shared by the tests.

use dateline_core::Timex;
use jiff::civil::Date;

use crate::{Reference, find_timexes};

/// All timexes of `text` against `published`.
pub(crate) fn find(text: &str, published: Option<Date>) -> Vec<Timex> {
    find_timexes(text, &Reference { published })
}

/// The one timex whose text is `text`.
#[track_caller]
pub(crate) fn one<'a>(found: &'a [Timex], text: &str) -> &'a Timex {
    let hits: Vec<&Timex> = found.iter().filter(|t| t.text == text).collect();
    match hits.as_slice() {
        [t] => t,
        [t, ..] => t,
        [] => panic!("no timex {text:?} in {found:#?}"),
    }
}

/// Asserts a timex with this text, value and mod is among `found`.
#[track_caller]
pub(crate) fn has(found: &[Timex], text: &str, value: &str, modifier: Option<&str>) {
    let ok = found
        .iter()
        .any(|t| t.text == text && t.value == value && t.r#mod.as_deref() == modifier);
    assert!(ok, "expected {text:?} = {value} {modifier:?} in {found:#?}");
}
