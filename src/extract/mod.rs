//! Stage (work in progress).
