//! Formatting of values for readers (placeholder).
