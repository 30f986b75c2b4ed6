//! Text preparation (work in progress).
