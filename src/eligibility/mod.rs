//! The eligibility pillar (in progress).
