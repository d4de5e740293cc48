//! The validation pillar (in progress).
