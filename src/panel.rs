//! The panel as a pure view tree (placeholder).
