//! The points pillar (in progress).
