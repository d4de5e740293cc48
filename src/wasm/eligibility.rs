//! JS calls of the eligibility pillar (in progress).
