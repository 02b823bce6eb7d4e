//! Tests over whole sentences.
use super::*;
