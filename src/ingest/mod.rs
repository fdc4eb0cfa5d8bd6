//! Stage 1 — ingest: files in watched folders → [`Article`]s.
//!
//! [`watcher`] tells when a file is complete (renamed in, or quiet for a
//! while); [`reader`] reads it once per content, refuses what is not an
//! article, and hands [`parse`] the bytes; [`meta`] and [`lang`] find the
//! title, date, URL and language.

pub mod decode;
pub mod lang;
pub mod meta;
pub mod parse;
pub mod quarantine;
pub mod reader;
pub mod watcher;

use std::path::PathBuf;

pub use crate::model::Article;

/// An input that was refused, and why (published as `flashpoint.rejected`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {reason}", file.display())]
pub struct Rejection {
    pub file: PathBuf,
    /// For people; when the file was moved to `watch.quarantine_dir` it ends
    /// with where to (the published notice has no other field for it).
    pub reason: String,
    /// Where the file was moved, if it was quarantined.
    pub quarantined: Option<PathBuf>,
}

impl Rejection {
    pub fn new(file: &std::path::Path, reason: impl Into<String>) -> Self {
        Rejection {
            file: file.to_path_buf(),
            reason: reason.into(),
            quarantined: None,
        }
    }
}
