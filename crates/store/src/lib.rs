//! Store (interim).
