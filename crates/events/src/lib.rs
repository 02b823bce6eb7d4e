//! Event coding and ceasefire frames (being written).
//!
//! - `coding`: sentences → events with PLOVER type and CAMEO code, actors,
//!   time, place and modality.
//! - `ceasefire`: the life of truces: declarer, parties, excluded, scope,
//!   start, duration, end, status, conditions, reactions.
#![warn(missing_docs)]

mod ceasefire;
mod coding;

pub use self::ceasefire::{CeasefireFinder, find_ceasefires};

pub use self::coding::{EventCoder, EventCoderBuilder, SPEECH_CAMEO, SPEECH_TYPE, plover_type};
