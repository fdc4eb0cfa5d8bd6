//! Wiring (work in progress).
