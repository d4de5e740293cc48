//! JS calls of the finder pillar (in progress).
