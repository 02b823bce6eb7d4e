//! Scorers for dateline's gold sets (interim).
#![warn(missing_docs)]
