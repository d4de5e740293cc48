//! The loaded venue (in progress).
pub use super::doc::*;

/// A loaded venue (in progress).
#[derive(Clone, Debug)]
pub struct Venue {}
