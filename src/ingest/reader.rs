//! Reads a complete file once per content and turns it into an [`Article`].
//!
//! Identity is the hash of the full content, never the name or inode (inode
//! reuse makes tailers skip or repeat files), so a touch, a copy under another
//! name, a second watcher event or a rescan of the same bytes is recognised
//! and skipped. The set of seen contents sits behind [`Reader::is_seen`] /
//! [`Reader::mark_seen`] so a durable store can replace the in-memory set.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use super::parse::{content_id, parse};
use super::Rejection;
use crate::lexicon::Lexicon;
use crate::model::Article;

/// Reads files into articles, once per content.
#[derive(Debug, Clone)]
pub struct Reader {
    max_file_bytes: u64,
    /// Content ids already read (parsed or refused).
    seen: HashSet<String>,
}

impl Reader {
    pub fn new(max_file_bytes: u64) -> Self {
        Reader {
            max_file_bytes,
            seen: HashSet::new(),
        }
    }

    /// Whether content `id` was already read.
    pub fn is_seen(&self, id: &str) -> bool {
        self.seen.contains(id)
    }

    /// Records content `id` as read, so it is not read again.
    pub fn mark_seen(&mut self, id: &str) {
        self.seen.insert(id.to_string());
    }

    /// Reads `path`: `Ok(Some)` for a new article, `Ok(None)` for content
    /// already read, `Err` for an input that is refused.
    ///
    /// Content is marked seen as soon as it is read, also when it is refused:
    /// the same bytes would be refused again, and a rescan must not repeat
    /// the rejection notice. A file that changes gets a new content id.
    pub fn read(&mut self, path: &Path, lexicon: &Lexicon) -> Result<Option<Article>, Rejection> {
        let reject = |reason: String| Rejection {
            file: path.to_path_buf(),
            reason,
        };
        // Stat before opening: opening a FIFO would block until a writer comes.
        let meta = std::fs::metadata(path).map_err(|e| reject(format!("cannot read: {e}")))?;
        if !meta.is_file() {
            return Err(reject("not a regular file".into()));
        }
        let too_big = |size: u64| {
            reject(format!(
                "file is {size} bytes, over the limit of {} bytes (limits.max_file_bytes)",
                self.max_file_bytes
            ))
        };
        if meta.len() > self.max_file_bytes {
            return Err(too_big(meta.len()));
        }
        let file = std::fs::File::open(path).map_err(|e| reject(format!("cannot open: {e}")))?;
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        // Read at most one byte past the limit: a file still growing is caught too.
        file.take(self.max_file_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| reject(format!("cannot read: {e}")))?;
        if bytes.len() as u64 > self.max_file_bytes {
            return Err(too_big(bytes.len() as u64));
        }
        let id = content_id(&bytes);
        if self.is_seen(&id) {
            return Ok(None);
        }
        self.mark_seen(&id);
        let mut article = parse(path, &bytes, lexicon).map_err(reject)?;
        article.received = meta
            .modified()
            .ok()
            .map(|t| chrono::DateTime::<chrono::Utc>::from(t).date_naive());
        Ok(Some(article))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::meta::testutil;

    const ARTICLE: &str = "Xland troops crossed the border\n\n2020-02-28\n\nXland troops crossed the border at dawn, officials said.";

    #[test]
    fn reads_an_article_once_per_content() {
        let lex = testutil::lexicon();
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.txt");
        let b = dir.path().join("copy.txt");
        std::fs::write(&a, ARTICLE).expect("write");
        std::fs::write(&b, ARTICLE).expect("write");
        let mut r = Reader::new(1 << 20);
        let art = r.read(&a, &lex).expect("read").expect("new");
        assert_eq!(art.file, "a.txt");
        assert!(r.is_seen(&art.id));
        // The same file again (a touch, a second event), and the same content renamed.
        assert_eq!(r.read(&a, &lex).map(|o| o.is_none()), Ok(true));
        assert_eq!(r.read(&b, &lex).map(|o| o.is_none()), Ok(true));
        // Changed content is new.
        std::fs::write(&a, format!("{ARTICLE} More.")).expect("write");
        assert!(r.read(&a, &lex).expect("read").is_some());
    }

    #[test]
    fn binary_is_refused_once() {
        let lex = testutil::lexicon();
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("bin.txt");
        std::fs::write(&p, b"GIF89a\0\0\x01").expect("write");
        let mut r = Reader::new(1 << 20);
        let e = r.read(&p, &lex).unwrap_err();
        assert_eq!(e.file, p);
        assert!(e.reason.contains("NUL byte"), "{}", e.reason);
        // A rescan does not repeat the rejection.
        assert!(matches!(r.read(&p, &lex), Ok(None)));
    }

    #[test]
    fn oversize_is_refused_with_size_and_limit() {
        let lex = testutil::lexicon();
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("big.txt");
        std::fs::write(&p, "word ".repeat(100)).expect("write");
        let mut r = Reader::new(100);
        let e = r.read(&p, &lex).unwrap_err();
        assert!(
            e.reason.contains("500 bytes") && e.reason.contains("100 bytes"),
            "{}",
            e.reason
        );
    }

    #[test]
    fn vanished_file_and_folders_are_refused_not_panicked() {
        let lex = testutil::lexicon();
        let dir = tempfile::tempdir().expect("tempdir");
        let mut r = Reader::new(1 << 20);
        let e = r.read(&dir.path().join("gone.txt"), &lex).unwrap_err();
        assert!(e.reason.contains("cannot read"), "{}", e.reason);
        let e = r.read(dir.path(), &lex).unwrap_err();
        assert_eq!(e.reason, "not a regular file");
    }
}
