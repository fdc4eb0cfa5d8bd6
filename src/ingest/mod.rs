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
pub mod reader;
pub mod watcher;

use std::path::PathBuf;

pub use crate::model::Article;

/// An input that was refused, and why (published as `flashpoint.rejected`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {reason}", file.display())]
pub struct Rejection {
    pub file: PathBuf,
    pub reason: String,
}
