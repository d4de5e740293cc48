//! JS calls of the validation pillar (in progress).
