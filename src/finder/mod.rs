//! The finder pillar (in progress).
