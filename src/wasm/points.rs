//! JS calls of the points pillar (in progress).
