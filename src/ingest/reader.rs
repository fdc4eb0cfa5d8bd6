//! Reads a complete file once per content and turns it into an [`Article`].
//!
//! Identity is the hash of the full content, never the name or inode (inode
//! reuse makes tailers skip or repeat files), so a touch, a copy under another
//! name, a second watcher event or a rescan of the same bytes is recognised
//! and skipped. The set of seen contents sits behind [`Reader::is_seen`] /
//! [`Reader::mark_seen`]; with a durable store behind it ([`Known`], the
//! daemon's) the reader keeps in memory only the ids the store does not
//! record yet (articles in flight between reading and their commit), so its
//! memory does not grow with the number of files processed.

use std::collections::{HashMap, HashSet};
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::parse::{content_id, prepare, Draft};
use super::{quarantine, Rejection};
use crate::lexicon::Lexicon;
use crate::model::Article;

/// `ELOOP`: too many levels of symbolic links (a link loop).
#[cfg(target_os = "linux")]
const ELOOP: i32 = 40;
#[cfg(not(target_os = "linux"))]
const ELOOP: i32 = 62;

/// Content ids recorded durably, consulted before the reader's own set.
pub trait Known: Send + Sync {
    /// Whether content `id` is recorded as read (so it is not read again).
    fn knows(&self, id: &str) -> bool;
    /// From now on, answer from the newest state: called before the reader
    /// forgets the ids that [`knows`](Known::knows) covers, so none falls
    /// between the two.
    fn refresh(&self) {}
}

impl std::fmt::Debug for dyn Known {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Known")
    }
}

/// The reader's own set is checked against [`Known`] once it holds this
/// many ids; in a daemon it holds about the articles in flight.
const SWEEP_AT: usize = 4096;

/// Reads files into articles, once per content.
#[derive(Debug, Clone)]
pub struct Reader {
    max_file_bytes: u64,
    /// Content ids already read (parsed or refused); with `known`, only
    /// those it does not record yet.
    seen: HashSet<String>,
    /// The durable record of content read before, if any.
    known: Option<Arc<dyn Known>>,
    /// Size of `seen` at which the next sweep comes.
    sweep_at: usize,
    /// Refused content ids → the first file and the reason: the same bad
    /// bytes under another name are refused again (each file gets its notice
    /// and is quarantined), the same file again is not.
    refused: HashMap<String, (PathBuf, String)>,
    /// Where refused files are moved (`watch.quarantine_dir`); `None` leaves them.
    quarantine: Option<PathBuf>,
    /// Reading for the watcher: a file gone before it is read was deleted or
    /// moved on, not an input to refuse. Files named by the user (one-shot
    /// commands) must exist.
    watching: bool,
}

impl Reader {
    pub fn new(max_file_bytes: u64) -> Self {
        Reader {
            max_file_bytes,
            seen: HashSet::new(),
            known: None,
            sweep_at: SWEEP_AT,
            refused: HashMap::new(),
            quarantine: None,
            watching: false,
        }
    }

    /// Reads for the watcher (the daemon): files gone before they are read
    /// are skipped, not refused, and refused files are moved to `quarantine`
    /// when it is set. One-shot commands read the user's own files, which
    /// must exist and are never moved.
    pub fn for_watched_folders(mut self, quarantine: Option<PathBuf>) -> Self {
        self.quarantine = quarantine;
        self.watching = true;
        self
    }

    /// Consults `known` (the daemon's store) for content read in earlier
    /// runs or already committed in this one, so the reader's own set only
    /// holds what is between reading and its commit.
    pub fn with_known(mut self, known: Arc<dyn Known>) -> Self {
        self.known = Some(known);
        self
    }

    /// Whether content `id` was already read.
    pub fn is_seen(&self, id: &str) -> bool {
        self.seen.contains(id) || self.known.as_ref().is_some_and(|k| k.knows(id))
    }

    /// Records content `id` as read, so it is not read again.
    ///
    /// With a durable record behind it, ids it has taken over are dropped
    /// from the set when it grows past a bound (and the bound doubles if
    /// they are still in flight, so sweeping stays linear overall). Refused
    /// content is never recorded in the store and stays.
    pub fn mark_seen(&mut self, id: &str) {
        self.seen.insert(id.to_string());
        let Some(known) = &self.known else { return };
        if self.seen.len() >= self.sweep_at {
            known.refresh();
            self.seen.retain(|id| !known.knows(id));
            self.sweep_at = SWEEP_AT.max(self.seen.len() * 2);
        }
    }

    /// How many content ids the reader holds in memory.
    pub fn held(&self) -> usize {
        self.seen.len()
    }

    /// Reads `path`: `Ok(Some)` for a new article, `Ok(None)` for content
    /// already read or a file not ready (gone, or changing while read — the
    /// watcher sends it again once it is quiet), `Err` for an input that is
    /// refused (and moved to the quarantine folder, if there is one).
    ///
    /// Content is marked seen as soon as it is read, also when it is refused:
    /// the same bytes would be refused again, and a rescan must not repeat
    /// the rejection notice. A file that changes gets a new content id.
    pub fn read(&mut self, path: &Path, lexicon: &Lexicon) -> Result<Option<Article>, Rejection> {
        Ok(self.read_draft(path, lexicon)?.map(|d| d.finish(lexicon)))
    }

    /// [`read`](Self::read) up to what can refuse the file: the article's
    /// title, date and language are left to [`Draft::finish`], which the
    /// daemon runs on its extract workers (they are most of the parsing
    /// cost and need none of the reader's state).
    pub fn read_draft(
        &mut self,
        path: &Path,
        lexicon: &Lexicon,
    ) -> Result<Option<Draft>, Rejection> {
        self.read_draft_stated(path, None, lexicon)
    }

    /// [`read_draft`](Self::read_draft) with the file's metadata (links
    /// followed) if the caller has just taken it, as the daemon's reader
    /// does for the file's stamp: one `statx` a file fewer. `None`: taken
    /// here.
    pub fn read_draft_stated(
        &mut self,
        path: &Path,
        meta: Option<std::fs::Metadata>,
        lexicon: &Lexicon,
    ) -> Result<Option<Draft>, Rejection> {
        let mut rejection = match self.read_file(path, meta, lexicon) {
            Err(r) => r,
            ok => return ok,
        };
        if let Some(dir) = &self.quarantine {
            match quarantine::move_to(path, dir) {
                Ok(to) => {
                    rejection.reason = format!("{}; moved to {}", rejection.reason, to.display());
                    rejection.quarantined = Some(to);
                }
                Err(e) => {
                    rejection.reason = format!(
                        "{}; could not move to {} ({e}), left in place",
                        rejection.reason,
                        dir.display()
                    );
                }
            }
        }
        Err(rejection)
    }

    fn read_file(
        &mut self,
        path: &Path,
        meta: Option<std::fs::Metadata>,
        lexicon: &Lexicon,
    ) -> Result<Option<Draft>, Rejection> {
        let reject = |reason: String| Rejection::new(path, reason);
        // Stat before opening: opening a FIFO would block until a writer comes.
        let meta = match meta.map_or_else(|| std::fs::metadata(path), Ok) {
            Ok(m) => m,
            Err(e) => return unreachable_target(path, &e, self.watching),
        };
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
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if self.watching && e.kind() == ErrorKind::NotFound => return gone(path),
            Err(e) if e.kind() == ErrorKind::PermissionDenied => {
                return Err(reject(format!("permission denied: cannot open ({e})")))
            }
            Err(e) => return Err(reject(format!("cannot open: {e}"))),
        };
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        // Read at most one byte past the limit: a file still growing is caught too.
        file.take(self.max_file_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| reject(format!("cannot read: {e}")))?;
        if bytes.len() as u64 > self.max_file_bytes {
            return Err(too_big(bytes.len() as u64));
        }
        // Written, truncated or replaced while we read: not ready, not bad.
        let after = std::fs::metadata(path).ok();
        let unchanged = after
            .as_ref()
            .is_none_or(|m| m.len() == meta.len() && m.modified().ok() == meta.modified().ok());
        if !unchanged || bytes.len() as u64 != meta.len() {
            tracing::info!(file = %path.display(), "file changed while being read; waiting until it is quiet");
            return Ok(None);
        }
        let id = content_id(&bytes);
        if self.is_seen(&id) {
            return match self.refused.get(&id) {
                Some((first, reason)) if first != path => Err(reject(format!(
                    "{reason} (same content as {})",
                    first.display()
                ))),
                _ => Ok(None),
            };
        }
        self.mark_seen(&id);
        let parsed = if bytes.is_empty() {
            Err("empty file".to_string())
        } else {
            prepare(path, &bytes, lexicon)
        };
        let mut article = parsed.map_err(|reason| {
            self.refused
                .insert(id.clone(), (path.to_path_buf(), reason.clone()));
            reject(reason)
        })?;
        article.received = meta
            .modified()
            .ok()
            .map(|t| chrono::DateTime::<chrono::Utc>::from(t).date_naive());
        Ok(Some(article))
    }
}

/// `metadata` failed: a link that leads nowhere is refused; a file that is
/// simply gone (deleted or moved on before we came to it) is not an input.
fn unreachable_target(
    path: &Path,
    e: &std::io::Error,
    watching: bool,
) -> Result<Option<Draft>, Rejection> {
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if link {
        let target = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        let reason = if e.raw_os_error() == Some(ELOOP) {
            format!("symlink loop: {target} leads back to itself")
        } else if e.kind() == ErrorKind::NotFound {
            format!("dangling symlink: its target {target} does not exist")
        } else {
            format!("symlink target {target} cannot be read: {e}")
        };
        return Err(Rejection::new(path, reason));
    }
    if watching && e.kind() == ErrorKind::NotFound {
        return gone(path);
    }
    if e.kind() == ErrorKind::PermissionDenied {
        return Err(Rejection::new(path, format!("permission denied: {e}")));
    }
    Err(Rejection::new(path, format!("cannot read: {e}")))
}

fn gone(path: &Path) -> Result<Option<Draft>, Rejection> {
    tracing::info!(file = %path.display(), "file gone before it could be read");
    Ok(None)
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

    /// A durable record the test fills by hand (the daemon's is the store).
    #[derive(Default)]
    struct Recorded(std::sync::Mutex<HashSet<String>>);

    impl Known for Recorded {
        fn knows(&self, id: &str) -> bool {
            self.0.lock().unwrap().contains(id)
        }
    }

    #[test]
    fn with_a_durable_record_only_ids_in_flight_are_held() {
        let lex = testutil::lexicon();
        let dir = tempfile::tempdir().expect("tempdir");
        let known = Arc::new(Recorded::default());
        let mut r = Reader::new(1 << 20).with_known(known.clone());
        // Recorded in an earlier run: never read again.
        known.0.lock().unwrap().insert("old".into());
        assert!(r.is_seen("old"));
        assert_eq!(r.held(), 0);
        // Read in this run, not committed yet: held, and seen.
        let a = dir.path().join("a.txt");
        std::fs::write(&a, ARTICLE).expect("write");
        let art = r.read(&a, &lex).expect("read").expect("new");
        assert!(r.is_seen(&art.id));
        // Ids the record takes over are dropped once the set is large; the
        // ones still in flight stay, and all stay seen.
        known.0.lock().unwrap().insert(art.id.clone());
        for i in 0..SWEEP_AT {
            let id = format!("in-flight-{i}");
            r.mark_seen(&id);
            if i % 2 == 0 {
                known.0.lock().unwrap().insert(id);
            }
        }
        assert!(r.held() <= SWEEP_AT / 2 + 1, "{}", r.held());
        assert!(r.is_seen(&art.id) && r.is_seen("in-flight-1") && r.is_seen("in-flight-2"));
        assert_eq!(r.read(&a, &lex).map(|o| o.is_none()), Ok(true));
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
        assert!(e.reason.starts_with("binary: NUL byte"), "{}", e.reason);
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
        // A file the user named must exist.
        let e = r.read(&dir.path().join("gone.txt"), &lex).unwrap_err();
        assert!(e.reason.contains("cannot read"), "{}", e.reason);
        // Gone before the daemon read it: not an input, nothing to refuse.
        let mut w = Reader::new(1 << 20).for_watched_folders(None);
        assert!(matches!(
            w.read(&dir.path().join("gone.txt"), &lex),
            Ok(None)
        ));
        let e = r.read(dir.path(), &lex).unwrap_err();
        assert_eq!(e.reason, "not a regular file");
    }

    #[test]
    fn empty_file_is_refused_and_each_name_of_bad_content_gets_its_notice() {
        let lex = testutil::lexicon();
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, "").expect("write");
        std::fs::write(&b, "").expect("write");
        let mut r = Reader::new(1 << 20);
        assert_eq!(r.read(&a, &lex).unwrap_err().reason, "empty file");
        // The same file again is quiet; another file with the same bytes is not.
        assert!(matches!(r.read(&a, &lex), Ok(None)));
        let e = r.read(&b, &lex).unwrap_err();
        assert!(
            e.reason.starts_with("empty file (same content as"),
            "{}",
            e.reason
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_followed_to_files_refused_when_dangling_or_looping() {
        use std::os::unix::fs::symlink;
        let lex = testutil::lexicon();
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        std::fs::write(d.join("real.txt"), ARTICLE).expect("write");
        symlink(d.join("real.txt"), d.join("link.txt")).expect("symlink");
        symlink(d.join("nowhere.txt"), d.join("dangling.txt")).expect("symlink");
        symlink(d.join("loop-b.txt"), d.join("loop-a.txt")).expect("symlink");
        symlink(d.join("loop-a.txt"), d.join("loop-b.txt")).expect("symlink");
        let mut r = Reader::new(1 << 20);
        let art = r
            .read(&d.join("link.txt"), &lex)
            .expect("read")
            .expect("new");
        assert_eq!(art.file, "link.txt");
        let e = r.read(&d.join("dangling.txt"), &lex).unwrap_err();
        assert!(e.reason.starts_with("dangling symlink"), "{}", e.reason);
        let e = r.read(&d.join("loop-a.txt"), &lex).unwrap_err();
        assert!(e.reason.starts_with("symlink loop"), "{}", e.reason);
    }

    #[test]
    fn refused_files_are_quarantined_and_the_reason_says_where() {
        let lex = testutil::lexicon();
        let dir = tempfile::tempdir().expect("tempdir");
        let q = dir.path().join("quarantine");
        let p = dir.path().join("bin.txt");
        std::fs::write(&p, b"\0\x01\x02").expect("write");
        let mut r = Reader::new(1 << 20).for_watched_folders(Some(q.clone()));
        let e = r.read(&p, &lex).unwrap_err();
        assert_eq!(e.quarantined, Some(q.join("bin.txt")));
        assert!(
            e.reason
                .ends_with(&format!("moved to {}", q.join("bin.txt").display())),
            "{}",
            e.reason
        );
        assert!(!p.exists() && q.join("bin.txt").exists());
        // Good articles stay where they are.
        let good = dir.path().join("good.txt");
        std::fs::write(&good, ARTICLE).expect("write");
        assert!(r.read(&good, &lex).expect("read").is_some());
        assert!(good.exists());
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file_is_refused_as_permission_denied() {
        use std::os::unix::fs::PermissionsExt;
        let lex = testutil::lexicon();
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("secret.txt");
        std::fs::write(&p, ARTICLE).expect("write");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        if std::fs::File::open(&p).is_ok() {
            eprintln!("skipped: running with privileges that read mode-000 files (root)");
            return;
        }
        let e = Reader::new(1 << 20).read(&p, &lex).unwrap_err();
        assert!(e.reason.starts_with("permission denied"), "{}", e.reason);
    }
}
