//! French durations (placeholder; see the duration issue).
