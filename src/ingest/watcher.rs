//! Tells when a file in a watched folder is complete and ready to read.
//!
//! Order matters for losing nothing: the notify watcher starts *first*, then
//! the folders are listed (the catch-up scan), so a file dropped during the
//! scan is seen by one or the other. Sending a file twice is harmless (the
//! [`Reader`](super::reader::Reader) skips content it has read); missing one
//! is not, hence the rescans when notify says it dropped events and on a
//! timer.
//!
//! A file renamed into a folder is complete at once (the writer's
//! write-then-rename). A file written in place is complete when its size and
//! mtime stayed the same for the quiet period: the timer only says when to
//! look, the metadata says whether it is done.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{bail, Context};
use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind, RenameMode};
use notify::{Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::{mpsc, watch as watch_channel};
use tokio::time::{Instant, Interval, MissedTickBehavior};

use crate::config::WatchSettings;

/// What the watcher tells the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// A complete candidate file.
    File(PathBuf),
    /// Every file present at start has been sent (sent once, after the catch-up scan).
    CaughtUp,
}

/// Whether a file or folder name marks something that is not (yet) an
/// input: dotfiles, editor and download leftovers still being written.
pub fn is_ignored_name(name: &str) -> bool {
    if name.starts_with('.') || name.ends_with('~') {
        return true;
    }
    let lower = name.to_ascii_lowercase();
    [".tmp", ".part", ".swp"].iter().any(|s| lower.ends_with(s))
}

/// Whether the file (or folder) `path` names is ignored, by its name alone.
/// [`scan`] also skips everything inside ignored folders.
pub fn ignored(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| is_ignored_name(&n.to_string_lossy()))
}

/// Whether `path` is ignored: its name, or a folder between a watched root
/// and it, is ignored. Only what is below the root counts (the root itself
/// may well sit in a dot folder).
fn is_ignored(path: &Path, roots: &[PathBuf]) -> bool {
    let below = roots.iter().find_map(|r| path.strip_prefix(r).ok());
    let name_ignored = |c: Component<'_>| match c {
        Component::Normal(n) => is_ignored_name(&n.to_string_lossy()),
        _ => false,
    };
    match below {
        Some(rel) => rel.components().any(name_ignored),
        None => path.components().next_back().is_some_and(name_ignored),
    }
}

/// What tells one state of a file from another without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Signature {
    len: u64,
    mtime: Option<SystemTime>,
}

/// The signature of a regular file (symlinks followed); `None` if it is
/// gone or not a file. A symlink that leads nowhere (dangling, or a loop) is
/// signed by the link itself, so the reader sees it and refuses it out loud
/// instead of it sitting in the folder unnoticed.
fn signature(path: &Path) -> Option<Signature> {
    match std::fs::metadata(path) {
        Ok(meta) => meta.is_file().then(|| Signature {
            len: meta.len(),
            mtime: meta.modified().ok(),
        }),
        Err(_) => {
            let link = std::fs::symlink_metadata(path).ok()?;
            link.file_type().is_symlink().then(|| Signature {
                len: link.len(),
                mtime: link.modified().ok(),
            })
        }
    }
}

/// Whether anything (a file, a folder, even a broken link) is at `path`.
fn present(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// Every candidate file under `dirs` (recursively), sorted by path.
///
/// Unreadable sub-folders are skipped with a warning. Symlinks to files are
/// followed (and broken ones listed, to be refused); symlinked folders are
/// not (a link back up would loop, and notify does not follow them either).
pub fn scan(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    walk(dirs, &[], false, &mut |p, _| {
        files.push(p);
        true
    });
    files
}

/// [`scan`] with signatures, skipping the folders in `exclude` (the quarantine).
fn scan_signed(dirs: &[PathBuf], exclude: &[PathBuf]) -> Vec<(PathBuf, Signature)> {
    let mut files = Vec::new();
    walk(dirs, exclude, true, &mut |p, sig| {
        files.extend(sig.map(|s| (p, s)));
        true
    });
    files
}

/// What a folder entry is, by its directory entry (no `stat`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Dir,
    File,
    /// A symlink or anything else: `stat` decides (see [`signature`]).
    Other,
}

/// Some of a folder's entry names in one buffer, sortable (no path object
/// per name).
#[derive(Default)]
struct Names {
    bytes: Vec<u8>,
    spans: Vec<(usize, u32, Entry)>,
}

impl Names {
    fn push(&mut self, name: &[u8], kind: Entry) {
        self.spans.push((self.bytes.len(), name.len() as u32, kind));
        self.bytes.extend_from_slice(name);
    }

    fn name(&self, span: &(usize, u32, Entry)) -> &[u8] {
        &self.bytes[span.0..span.0 + span.1 as usize]
    }

    /// The last name (the largest, once sorted).
    fn last(&self) -> Option<&[u8]> {
        self.spans.last().map(|s| self.name(s))
    }

    /// By name bytes: the order `Path` compares components in.
    fn sort(&mut self) {
        let mut spans = std::mem::take(&mut self.spans);
        spans.sort_unstable_by(|a, b| self.name(a).cmp(self.name(b)));
        self.spans = spans;
    }

    /// Keeps only the `keep` smallest names, sorted; returns whether any
    /// was dropped. Done in place (a selection, then the kept names' bytes
    /// moved down in the same buffer): a copy of the kept names beside the
    /// full buffers was the listing's largest transient (see
    /// [`walk_dir_by`]).
    fn keep_smallest(&mut self, keep: usize) -> bool {
        let dropped = self.spans.len() > keep;
        if dropped {
            let bytes = &self.bytes;
            let name = |s: &(usize, u32, Entry)| &bytes[s.0..s.0 + s.1 as usize];
            self.spans
                .select_nth_unstable_by(keep, |a, b| name(a).cmp(name(b)));
            self.spans.truncate(keep);
            // In buffer order each kept name moves down, never over one
            // not yet moved.
            self.spans.sort_unstable_by_key(|s| s.0);
            let mut end = 0;
            for span in &mut self.spans {
                let len = span.1 as usize;
                self.bytes.copy_within(span.0..span.0 + len, end);
                span.0 = end;
                end += len;
            }
            self.bytes.truncate(end);
        }
        self.sort();
        dropped
    }
}

#[cfg(unix)]
fn name_bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    std::borrow::Cow::Borrowed(std::os::unix::ffi::OsStrExt::as_bytes(name))
}

#[cfg(unix)]
fn name_from(bytes: &[u8]) -> std::ffi::OsString {
    <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes).to_os_string()
}

// Elsewhere names go through UTF-8 (lossy for names that are not Unicode).
#[cfg(not(unix))]
fn name_bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    std::borrow::Cow::Owned(name.to_string_lossy().into_owned().into_bytes())
}

#[cfg(not(unix))]
fn name_from(bytes: &[u8]) -> std::ffi::OsString {
    String::from_utf8_lossy(bytes).into_owned().into()
}

/// Calls `f` with every candidate file under `dirs` in path order (as a
/// sort of the whole listing would give), skipping ignored names and the
/// folders in `exclude`, until `f` returns `false`; returns whether it went
/// to the end. Each folder is walked in name order and its sub-folders
/// entered where they sort, holding a bounded number of each folder's names
/// on the way down (see [`walk_dir`]), never the whole listing. With `signed`, each file comes with its
/// signature (files gone meanwhile are left out); without, regular files
/// are not statted (the reader does that), only links and odd entries are.
fn walk(
    dirs: &[PathBuf],
    exclude: &[PathBuf],
    signed: bool,
    f: &mut dyn FnMut(PathBuf, Option<Signature>) -> bool,
) -> bool {
    let mut roots: Vec<&PathBuf> = dirs.iter().collect();
    roots.sort();
    roots.dedup();
    // A root inside another one is listed with it (once).
    let outer: Vec<&PathBuf> = roots
        .iter()
        .filter(|r| !roots.iter().any(|o| o != *r && r.starts_with(o)))
        .copied()
        .collect();
    outer
        .into_iter()
        .all(|root| walk_dir(root, exclude, signed, f))
}

/// Most names of one folder held at once while it is walked (at least:
/// see [`walk_dir`]).
const FOLDER_NAMES: usize = 65_536;

/// Walks one folder in name order (see [`walk`]) without holding all its
/// names: each pass over the folder keeps only the `limit` smallest names
/// after the last one handed on, so a flat folder of a million files costs
/// a few MB, not ≈ 40 MB for the whole walk (the catch-up of a backfill).
/// The price is one more `readdir` of the folder per pass (≈ 1 s per
/// million entries): the first pass counts the folder and the later ones
/// take a sixteenth of it each (at least [`FOLDER_NAMES`]), so a folder is
/// read at most ≈ 17 times. An eighth, as before, held up to 250,000 names
/// of a 1M folder in a pass (≈ 12 MB with the copies made while cutting
/// them back), a transient that lifted the daemon's peak RSS at each pass;
/// a sixteenth and cutting back in place keep it to ≈ 4 MB. A file added
/// between passes below the last name handed on is not listed; the
/// watcher is armed before any listing, so notify reports it.
fn walk_dir(
    dir: &Path,
    exclude: &[PathBuf],
    signed: bool,
    f: &mut dyn FnMut(PathBuf, Option<Signature>) -> bool,
) -> bool {
    walk_dir_by(dir, exclude, signed, FOLDER_NAMES, f)
}

fn walk_dir_by(
    dir: &Path,
    exclude: &[PathBuf],
    signed: bool,
    first_limit: usize,
    f: &mut dyn FnMut(PathBuf, Option<Signature>) -> bool,
) -> bool {
    let mut after: Option<Vec<u8>> = None;
    let mut limit = first_limit.max(1);
    loop {
        let pass = match list_after(dir, after.as_deref(), limit) {
            Ok(p) => {
                tracing::debug!(
                    folder = %dir.display(),
                    names = p.names.spans.len(),
                    after = p.above,
                    "folder listing pass"
                );
                p
            }
            Err(e) => {
                // Gone between passes: what was listed was handed on.
                if after.is_none() {
                    tracing::warn!(folder = %dir.display(), error = %e, "cannot list folder");
                }
                return true;
            }
        };
        if after.is_none() {
            limit = limit.max(pass.above.div_ceil(16));
        }
        let names = pass.names;
        for span in &names.spans {
            let path = dir.join(name_from(names.name(span)));
            if exclude.iter().any(|x| path.starts_with(x)) {
                continue;
            }
            let go_on = match span.2 {
                Entry::Dir => walk_dir_by(&path, exclude, signed, first_limit, f),
                Entry::File if !signed => f(path, None),
                _ => match signature(&path) {
                    Some(sig) => f(path, Some(sig)),
                    None => true,
                },
            };
            if !go_on {
                return false;
            }
        }
        if !pass.more {
            return true;
        }
        after = names.last().map(<[u8]>::to_vec);
    }
}

/// One pass of [`walk_dir_by`] over a folder.
struct Pass {
    /// The smallest candidate names after the last one handed on, sorted.
    names: Names,
    /// Whether names beyond them are left for another pass.
    more: bool,
    /// Entries after the last one handed on (ignored names included).
    above: usize,
}

/// Lists `dir` once, keeping the `limit` smallest candidate names after
/// `after` (all of them when `after` is `None` and they are few). The held
/// names are cut back to `limit` whenever they reach twice that, and a name
/// not below the largest kept is then skipped at once.
fn list_after(dir: &Path, after: Option<&[u8]>, limit: usize) -> std::io::Result<Pass> {
    let entries = std::fs::read_dir(dir)?;
    let mut names = Names::default();
    let (mut more, mut above) = (false, 0usize);
    let mut bound: Option<Vec<u8>> = None;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let bytes = name_bytes(&name);
        if after.is_some_and(|a| *bytes <= *a) {
            continue;
        }
        above += 1;
        if bound.as_deref().is_some_and(|b| *bytes >= *b) {
            more = true;
            continue;
        }
        if is_ignored_name(&name.to_string_lossy()) {
            continue;
        }
        let kind = match entry.file_type() {
            Ok(t) if t.is_dir() => Entry::Dir,
            Ok(t) if t.is_file() => Entry::File,
            Ok(_) => Entry::Other,
            Err(_) => continue,
        };
        names.push(&bytes, kind);
        if names.spans.len() >= 2 * limit {
            more |= names.keep_smallest(limit);
            bound = names.last().map(<[u8]>::to_vec);
        }
    }
    more |= names.keep_smallest(limit);
    Ok(Pass { names, more, above })
}

/// How many listed files are handed from the listing thread at a time.
const CHUNK: usize = 1024;

/// Lists the folders off the async threads (see [`walk`]), handing the
/// files over in chunks as they are found, so a large folder is never held
/// as one list. Dropping the receiver stops the listing.
fn listing(
    dirs: &[PathBuf],
    exclude: &[PathBuf],
    signed: bool,
) -> mpsc::Receiver<Vec<(PathBuf, Option<Signature>)>> {
    let (tx, rx) = mpsc::channel(2);
    let (dirs, exclude) = (dirs.to_vec(), exclude.to_vec());
    tokio::task::spawn_blocking(move || {
        let mut chunk = Vec::with_capacity(CHUNK);
        let whole = walk(&dirs, &exclude, signed, &mut |p, sig| {
            chunk.push((p, sig));
            chunk.len() < CHUNK || tx.blocking_send(std::mem::take(&mut chunk)).is_ok()
        });
        if whole && !chunk.is_empty() {
            let _ = tx.blocking_send(chunk);
        }
    });
    rx
}

/// The next chunk of a listing, or `None` at its end or on shutdown.
async fn next_chunk(
    chunks: &mut mpsc::Receiver<Vec<(PathBuf, Option<Signature>)>>,
    shutdown: &mut watch_channel::Receiver<bool>,
) -> Option<Vec<(PathBuf, Option<Signature>)>> {
    tokio::select! {
        biased;
        _ = shutdown.wait_for(|&stop| stop) => None,
        c = chunks.recv() => c,
    }
}

/// A file written in place, waiting to go quiet.
#[derive(Debug)]
struct Pending {
    sig: Signature,
    deadline: Instant,
}

/// Completeness bookkeeping, apart from the async plumbing so it reads plainly.
struct Tracker {
    roots: Vec<PathBuf>,
    /// Folders inside the roots that are not inputs (the quarantine).
    exclude: Vec<PathBuf>,
    quiet: Duration,
    pending: HashMap<PathBuf, Pending>,
    /// Signature of each file when it was last sent: a second event for an
    /// unchanged file (inotify reports a rename as `To` and `Both`) or a
    /// rescan does not send it again. Bounded by [`SENT_MAX`] (cleared when
    /// full) and not filled by the catch-up scan: a file sent again costs
    /// the reader a `stat` and a look-up of its stored stamp, while a map
    /// of every file would grow with the folder.
    sent: HashMap<PathBuf, Signature>,
}

/// Most signatures [`Tracker::sent`] holds.
const SENT_MAX: usize = 16_384;

impl Tracker {
    fn new(roots: Vec<PathBuf>, quiet: Duration) -> Self {
        Tracker {
            roots,
            exclude: Vec::new(),
            quiet,
            pending: HashMap::new(),
            sent: HashMap::new(),
        }
    }

    fn skip(&self, path: &Path) -> bool {
        is_ignored(path, &self.roots) || self.exclude.iter().any(|x| path.starts_with(x))
    }

    /// Activity on `path`: (re)start its quiet timer.
    fn touch(&mut self, path: &Path, now: Instant) {
        if self.skip(path) {
            return;
        }
        if is_real_dir(path) {
            // A new folder: files written before notify watched it send no events.
            for (file, sig) in scan_signed(&[path.to_path_buf()], &self.exclude) {
                self.wait(file, sig, now);
            }
            return;
        }
        match signature(path) {
            Some(sig) => self.wait(path.to_path_buf(), sig, now),
            None => {
                self.pending.remove(path);
            }
        }
    }

    fn wait(&mut self, path: PathBuf, sig: Signature, now: Instant) {
        let deadline = now + self.quiet;
        self.pending.insert(path, Pending { sig, deadline });
    }

    /// `path` was renamed into place: complete now (a folder: all its files).
    fn complete(&mut self, path: &Path, ready: &mut Vec<PathBuf>) {
        if self.skip(path) {
            return;
        }
        let files = if is_real_dir(path) {
            scan_signed(&[path.to_path_buf()], &self.exclude)
        } else {
            signature(path)
                .map(|sig| vec![(path.to_path_buf(), sig)])
                .unwrap_or_default()
        };
        for (file, sig) in files {
            self.pending.remove(&file);
            self.ready(file, sig, ready);
        }
    }

    fn ready(&mut self, path: PathBuf, sig: Signature, ready: &mut Vec<PathBuf>) {
        if self.sent.get(&path) != Some(&sig) {
            if self.sent.len() >= SENT_MAX {
                self.sent.clear();
            }
            self.sent.insert(path.clone(), sig);
            ready.push(path);
        }
    }

    /// `path` (a file or a folder) is gone: drop it silently.
    fn forget(&mut self, path: &Path) {
        self.pending.retain(|p, _| !p.starts_with(path));
        self.sent.retain(|p, _| !p.starts_with(path));
    }

    /// Updates the state for one notify event; `true` when a rescan is needed.
    fn on_event(&mut self, event: Event, now: Instant, ready: &mut Vec<PathBuf>) -> bool {
        let rescan = event.need_rescan();
        let paths = event.paths;
        match event.kind {
            EventKind::Modify(ModifyKind::Name(RenameMode::To)) => {
                for p in &paths {
                    self.complete(p, ready);
                }
            }
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
                if let Some(from) = paths.first() {
                    self.forget(from);
                }
                if let Some(to) = paths.get(1) {
                    self.complete(to, ready);
                }
            }
            EventKind::Modify(ModifyKind::Name(RenameMode::From)) | EventKind::Remove(_) => {
                for p in &paths {
                    self.forget(p);
                }
            }
            EventKind::Modify(ModifyKind::Metadata(kind))
                if !matches!(kind, MetadataKind::WriteTime | MetadataKind::Any) => {}
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => {
                for p in &paths {
                    self.touch(p, now);
                }
            }
            EventKind::Access(_) => {}
            // Create, data writes, renames of unknown direction, anything else:
            // look again when it has been quiet for a while.
            _ => {
                for p in &paths {
                    if present(p) {
                        self.touch(p, now);
                    } else {
                        self.forget(p);
                    }
                }
            }
        }
        rescan
    }

    /// A full listing came in (notify lost events, or the timer): files
    /// still being written wait for their quiet period (also those whose
    /// events were lost: modified just now); files already sent unchanged are
    /// not sent again; anything new or changed is sent.
    #[cfg(test)]
    fn rescanned(
        &mut self,
        listed: &[(PathBuf, Signature)],
        now: Instant,
        wall: SystemTime,
        ready: &mut Vec<PathBuf>,
    ) {
        let mut present = HashSet::new();
        self.rescanned_part(listed, now, wall, ready, &mut present);
        self.rescan_over(&present);
    }

    /// Part of a full listing (they come in chunks); `present` collects
    /// the listed files that [`sent`](Self::sent) knows.
    fn rescanned_part(
        &mut self,
        listed: &[(PathBuf, Signature)],
        now: Instant,
        wall: SystemTime,
        ready: &mut Vec<PathBuf>,
        present: &mut HashSet<PathBuf>,
    ) {
        let recent = wall.checked_sub(self.quiet);
        for (path, sig) in listed {
            if self.sent.contains_key(path) {
                present.insert(path.clone());
            }
            if self.pending.contains_key(path) {
                continue;
            }
            if sig.mtime.zip(recent).is_some_and(|(m, r)| m > r) {
                self.wait(path.clone(), *sig, now);
            } else {
                self.ready(path.clone(), *sig, ready);
            }
        }
    }

    /// The full listing is through: files no longer listed are forgotten.
    fn rescan_over(&mut self, present: &HashSet<PathBuf>) {
        self.sent.retain(|p, _| present.contains(p));
    }

    fn next_deadline(&self) -> Option<Instant> {
        self.pending.values().map(|p| p.deadline).min()
    }

    /// Files whose quiet period is over: complete if unchanged, else wait again.
    fn due(&mut self, now: Instant, ready: &mut Vec<PathBuf>) {
        let mut due: Vec<PathBuf> = self
            .pending
            .iter()
            .filter(|(_, p)| p.deadline <= now)
            .map(|(path, _)| path.clone())
            .collect();
        due.sort();
        for path in due {
            let Some(p) = self.pending.get_mut(&path) else {
                continue;
            };
            match signature(&path) {
                None => {
                    self.pending.remove(&path);
                }
                Some(sig) if sig == p.sig => {
                    self.pending.remove(&path);
                    self.ready(path, sig, ready);
                }
                Some(sig) => {
                    p.sig = sig;
                    p.deadline = now + self.quiet;
                }
            }
        }
    }
}

/// A folder, not a symlink to one (those are not followed).
fn is_real_dir(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

/// Sends `event`, unless shutdown comes first; `false` when the watcher should stop.
async fn send(
    tx: &mpsc::Sender<WatchEvent>,
    event: WatchEvent,
    shutdown: &mut watch_channel::Receiver<bool>,
) -> bool {
    tokio::select! {
        biased;
        r = tx.send(event) => r.is_ok(),
        _ = shutdown.wait_for(|&stop| stop) => false,
    }
}

/// One message from notify into the tracker (files it makes ready go to
/// `ready`); `Ok(true)` when a rescan is needed, an error when notify
/// stopped.
fn take_event(
    tracker: &mut Tracker,
    event: Option<notify::Result<Event>>,
    ready: &mut Vec<PathBuf>,
) -> anyhow::Result<bool> {
    match event {
        Some(Ok(event)) => {
            tracing::trace!(?event, "watch event");
            let rescan = tracker.on_event(event, Instant::now(), ready);
            if rescan {
                tracing::warn!("file watcher lost events (queue overflow); rescanning");
            }
            Ok(rescan)
        }
        Some(Err(e)) => {
            tracing::warn!(error = %e, "file watcher error; rescanning");
            Ok(true)
        }
        None => bail!("the file watcher stopped unexpectedly"),
    }
}

/// [`send`], taking notify's events into `tracker` while the channel is
/// full (a backfill's reader is slower than the listing), so they do not
/// pile up. A permit is reserved first, so nothing is lost to the race.
async fn send_draining(
    tx: &mpsc::Sender<WatchEvent>,
    event: WatchEvent,
    shutdown: &mut watch_channel::Receiver<bool>,
    nrx: &mut mpsc::UnboundedReceiver<notify::Result<Event>>,
    tracker: &mut Tracker,
    ready: &mut Vec<PathBuf>,
    rescan: &mut bool,
) -> anyhow::Result<bool> {
    loop {
        tokio::select! {
            biased;
            _ = shutdown.wait_for(|&stop| stop) => return Ok(false),
            n = nrx.recv() => *rescan |= take_event(tracker, n, ready)?,
            permit = tx.reserve() => {
                return Ok(match permit {
                    Ok(p) => {
                        p.send(event);
                        true
                    }
                    Err(_) => false,
                });
            }
        }
    }
}

async fn tick(timer: &mut Option<Interval>) {
    match timer {
        Some(t) => {
            t.tick().await;
        }
        None => std::future::pending().await,
    }
}

/// The quarantine folder as seen under each watched root it lies in (the
/// paths notify reports), so its files are never taken for inputs. It is
/// created here so a bad path shows at start, not at the first refusal.
fn quarantine_inside(settings: &WatchSettings) -> anyhow::Result<Vec<PathBuf>> {
    let Some(q) = &settings.quarantine_dir else {
        return Ok(Vec::new());
    };
    if let Err(e) = std::fs::create_dir_all(q) {
        tracing::warn!(folder = %q.display(), error = %e, "cannot create watch.quarantine_dir; refused files will stay in place");
        return Ok(Vec::new());
    }
    let canon_q = std::fs::canonicalize(q).unwrap_or_else(|_| q.clone());
    let mut inside = Vec::new();
    for root in &settings.dirs {
        let canon_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
        if canon_q == canon_root {
            bail!(
                "watch.quarantine_dir {} is a watched folder; choose a folder of its own",
                q.display()
            );
        }
        if let Ok(rel) = canon_q.strip_prefix(&canon_root) {
            inside.push(root.join(rel));
        }
    }
    Ok(inside)
}

/// Watches `settings.dirs`: sends every file present at start, then
/// [`WatchEvent::CaughtUp`], then each file as it becomes complete, until
/// `shutdown` turns true (or its sender is dropped) or `tx`'s receiver is
/// dropped. A missing folder is an error.
pub async fn watch(
    settings: WatchSettings,
    tx: mpsc::Sender<WatchEvent>,
    mut shutdown: watch_channel::Receiver<bool>,
) -> anyhow::Result<()> {
    if settings.dirs.is_empty() {
        bail!("watch.dirs: no folder to watch");
    }
    for dir in &settings.dirs {
        if !dir.is_dir() {
            bail!(
                "watched folder {} does not exist or is not a folder",
                dir.display()
            );
        }
    }

    // notify calls back on its own thread; an unbounded channel never blocks it.
    let (ntx, mut nrx) = mpsc::unbounded_channel::<notify::Result<Event>>();
    let handler = move |res: notify::Result<Event>| {
        let _ = ntx.send(res);
    };
    let exclude = quarantine_inside(&settings)?;
    // Symlinked folders are not followed, as in `scan`: a link back up loops.
    let config = notify::Config::default().with_follow_symlinks(false);
    let mut watcher: Box<dyn Watcher + Send> = if settings.poll {
        let interval = Duration::from_millis(settings.poll_interval_ms.max(10));
        let config = config.with_poll_interval(interval);
        Box::new(PollWatcher::new(handler, config).context("cannot start the polling watcher")?)
    } else {
        Box::new(RecommendedWatcher::new(handler, config).context("cannot start the file watcher")?)
    };
    for dir in &settings.dirs {
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch folder {}", dir.display()))?;
    }

    let quiet = Duration::from_millis(settings.quiet_period_ms);
    let mut tracker = Tracker::new(settings.dirs.clone(), quiet);
    tracker.exclude = exclude;

    // Catch-up: everything already there, then say so. Notify's events are
    // taken in meanwhile: reading a file makes one (inotify reports opens),
    // so left in their unbounded channel until the catch-up is over they
    // would pile up with every file a backfill reads (≈ 100 bytes each: 100
    // MB over a million files). What they make ready (files dropped during
    // the catch-up) is sent after it, as before.
    let mut ready = Vec::new();
    let mut rescan = false;
    let mut chunks = listing(&settings.dirs, &tracker.exclude, false);
    loop {
        let chunk = tokio::select! {
            biased;
            event = nrx.recv() => {
                rescan |= take_event(&mut tracker, event, &mut ready)?;
                continue;
            }
            c = next_chunk(&mut chunks, &mut shutdown) => match c {
                Some(c) => c,
                None => break,
            },
        };
        for (path, _) in chunk {
            let file = WatchEvent::File(path);
            let (rx, t) = (&mut nrx, &mut tracker);
            let sent =
                send_draining(&tx, file, &mut shutdown, rx, t, &mut ready, &mut rescan).await?;
            if !sent {
                return Ok(());
            }
        }
    }
    if *shutdown.borrow() {
        return Ok(());
    }
    if !send(&tx, WatchEvent::CaughtUp, &mut shutdown).await {
        return Ok(());
    }

    let mut rescan_timer = (settings.rescan_interval_secs > 0).then(|| {
        let period = Duration::from_secs(settings.rescan_interval_secs);
        let mut t = tokio::time::interval_at(Instant::now() + period, period);
        t.set_missed_tick_behavior(MissedTickBehavior::Delay);
        t
    });

    loop {
        for path in std::mem::take(&mut ready) {
            if !send(&tx, WatchEvent::File(path), &mut shutdown).await {
                return Ok(());
            }
        }
        if std::mem::take(&mut rescan) {
            let mut chunks = listing(&settings.dirs, &tracker.exclude, true);
            let mut present = HashSet::new();
            while let Some(chunk) = next_chunk(&mut chunks, &mut shutdown).await {
                let listed: Vec<(PathBuf, Signature)> = chunk
                    .into_iter()
                    .filter_map(|(p, sig)| sig.map(|s| (p, s)))
                    .collect();
                let mut ready = Vec::new();
                let (now, wall) = (Instant::now(), SystemTime::now());
                tracker.rescanned_part(&listed, now, wall, &mut ready, &mut present);
                for path in ready {
                    if !send(&tx, WatchEvent::File(path), &mut shutdown).await {
                        return Ok(());
                    }
                }
            }
            if *shutdown.borrow() {
                break;
            }
            tracker.rescan_over(&present);
        }
        let next = tracker.next_deadline();
        let far = Instant::now() + Duration::from_secs(3600);
        tokio::select! {
            biased;
            _ = shutdown.wait_for(|&stop| stop) => break,
            _ = tx.closed() => break,
            event = nrx.recv() => rescan = take_event(&mut tracker, event, &mut ready)?,
            _ = tokio::time::sleep_until(next.unwrap_or(far)), if next.is_some() => {
                tracker.due(Instant::now(), &mut ready);
            }
            _ = tick(&mut rescan_timer) => rescan = true,
        }
    }
    drop(watcher);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignored_names() {
        for n in [
            ".hidden.txt",
            "x.tmp",
            "x.TMP",
            "x.part",
            ".x.swp",
            "x.txt~",
            ".git",
        ] {
            assert!(is_ignored_name(n), "{n}");
        }
        for n in ["x.txt", "a.md", "tmp.txt", "part", "x.json"] {
            assert!(!is_ignored_name(n), "{n}");
        }
    }

    #[test]
    fn only_components_below_the_root_count() {
        let roots = vec![PathBuf::from("/srv/.inbox")];
        assert!(!is_ignored(Path::new("/srv/.inbox/a.txt"), &roots));
        assert!(is_ignored(Path::new("/srv/.inbox/.cache/a.txt"), &roots));
        assert!(is_ignored(Path::new("/srv/.inbox/sub/a.part"), &roots));
        assert!(!is_ignored(Path::new("/elsewhere/a.txt"), &roots));
    }

    #[test]
    fn scan_is_recursive_sorted_and_skips_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        for rel in [
            "b.txt",
            "a/z.md",
            "a/.hidden",
            ".git/config",
            "c.tmp",
            "d.txt~",
            "a.json",
        ] {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, "x").expect("write");
        }
        let got: Vec<PathBuf> = scan(std::slice::from_ref(&root));
        // Path order: by component, so the folder `a` sorts before `a.json`.
        let want: Vec<PathBuf> = ["a/z.md", "a.json", "b.txt"]
            .iter()
            .map(|r| root.join(r))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn walking_a_folder_in_passes_keeps_path_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        let mut want = Vec::new();
        for i in (0..40).rev() {
            let rel = match i % 10 {
                3 => format!("d{i:02}/inner{}.txt", i % 4),
                7 => format!(".hidden{i:02}"),
                8 => format!("f{i:02}.part"),
                _ => format!("f{i:02}.txt"),
            };
            let p = root.join(&rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, "x").expect("write");
            if i % 10 != 7 && i % 10 != 8 {
                want.push(p);
            }
        }
        want.sort();
        for limit in [1, 2, 3, 5, 16, 1000] {
            let mut got = Vec::new();
            assert!(walk_dir_by(&root, &[], false, limit, &mut |p, _| {
                got.push(p);
                true
            }));
            assert_eq!(got, want, "limit {limit}");
        }
        // Stopping mid-way stops every pass.
        let mut got = Vec::new();
        assert!(!walk_dir_by(&root, &[], true, 2, &mut |p, _| {
            got.push(p);
            got.len() < 5
        }));
        assert_eq!(got, want[..5]);
    }

    #[test]
    fn quiet_file_is_due_only_when_unchanged() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        let p = root.join("a.txt");
        std::fs::write(&p, "one").expect("write");
        let mut t = Tracker::new(vec![root], Duration::from_millis(100));
        let now = Instant::now();
        t.touch(&p, now);
        let mut ready = Vec::new();
        t.due(now, &mut ready);
        assert!(ready.is_empty(), "not due yet");
        // Changed behind the timer's back: waits again.
        std::fs::write(&p, "one two").expect("write");
        t.due(now + Duration::from_millis(100), &mut ready);
        assert!(ready.is_empty(), "changed, so not quiet");
        t.due(now + Duration::from_millis(200), &mut ready);
        assert_eq!(ready, vec![p.clone()]);
        // A second, unchanged completion is not sent again.
        let mut again = Vec::new();
        t.complete(&p, &mut again);
        assert!(again.is_empty());
    }

    #[test]
    fn removed_before_quiet_is_dropped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        let p = root.join("a.txt");
        std::fs::write(&p, "one").expect("write");
        let mut t = Tracker::new(vec![root], Duration::from_millis(10));
        let now = Instant::now();
        t.touch(&p, now);
        std::fs::remove_file(&p).expect("rm");
        let mut ready = Vec::new();
        t.due(now + Duration::from_secs(1), &mut ready);
        assert!(ready.is_empty());
        assert!(t.pending.is_empty());
    }

    #[test]
    fn queue_overflow_asks_for_a_rescan() {
        let mut t = Tracker::new(vec![PathBuf::from("/in")], Duration::from_millis(10));
        let mut ready = Vec::new();
        let overflow = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(t.on_event(overflow, Instant::now(), &mut ready));
        let plain = Event::new(EventKind::Other).add_path(PathBuf::from("/in/x.txt"));
        assert!(!t.on_event(plain, Instant::now(), &mut ready));
    }

    #[test]
    fn rescan_sends_new_and_changed_files_once_and_waits_for_fresh_ones() {
        let root = PathBuf::from("/in");
        let quiet = Duration::from_secs(1);
        let mut t = Tracker::new(vec![root.clone()], quiet);
        let wall = SystemTime::now();
        let old = |len| Signature {
            len,
            mtime: wall.checked_sub(Duration::from_secs(60)),
        };
        let fresh = Signature {
            len: 1,
            mtime: Some(wall),
        };
        let (a, b, c) = (root.join("a.txt"), root.join("b.txt"), root.join("c.txt"));
        t.sent.insert(a.clone(), old(1));
        let now = Instant::now();
        let mut ready = Vec::new();
        t.rescanned(
            &[(a.clone(), old(1)), (b.clone(), old(2)), (c.clone(), fresh)],
            now,
            wall,
            &mut ready,
        );
        // a unchanged: not again; b missed: sent; c still being written: waits.
        assert_eq!(ready, vec![b.clone()]);
        assert!(t.pending.contains_key(&c));
        // a changed since: sent again; b gone from the listing is forgotten.
        let mut ready = Vec::new();
        t.rescanned(&[(a.clone(), old(5))], now, wall, &mut ready);
        assert_eq!(ready, vec![a]);
        assert!(!t.sent.contains_key(&b));
    }

    #[cfg(unix)]
    #[test]
    fn scan_lists_broken_links_follows_file_links_not_folder_links() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        std::fs::create_dir_all(root.join("sub")).expect("mkdir");
        std::fs::write(root.join("sub/a.txt"), "a").expect("write");
        symlink(root.join("sub/a.txt"), root.join("link.txt")).expect("symlink");
        symlink(root.join("missing"), root.join("dangling.txt")).expect("symlink");
        symlink(root.join("loop2.txt"), root.join("loop1.txt")).expect("symlink");
        symlink(root.join("loop1.txt"), root.join("loop2.txt")).expect("symlink");
        // A folder link back up: followed, it would loop for ever.
        symlink(&root, root.join("sub/up")).expect("symlink");
        std::fs::create_dir_all(root.join("quarantine")).expect("mkdir");
        std::fs::write(root.join("quarantine/bad.txt"), "x").expect("write");
        let got: Vec<PathBuf> =
            scan_signed(std::slice::from_ref(&root), &[root.join("quarantine")])
                .into_iter()
                .map(|(p, _)| p)
                .collect();
        let want: Vec<PathBuf> = [
            "dangling.txt",
            "link.txt",
            "loop1.txt",
            "loop2.txt",
            "sub/a.txt",
        ]
        .iter()
        .map(|r| root.join(r))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn quarantine_inside_a_root_is_excluded_and_the_root_itself_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("in");
        std::fs::create_dir_all(&root).expect("mkdir");
        let mut s = WatchSettings {
            dirs: vec![root.clone()],
            quarantine_dir: Some(root.join("q")),
            ..WatchSettings::default()
        };
        assert_eq!(quarantine_inside(&s).expect("ok"), vec![root.join("q")]);
        assert!(root.join("q").is_dir(), "created at start");
        s.quarantine_dir = Some(dir.path().join("elsewhere"));
        assert!(quarantine_inside(&s).expect("ok").is_empty());
        s.quarantine_dir = Some(root.join("."));
        let e = quarantine_inside(&s).unwrap_err().to_string();
        assert!(e.contains("watch.quarantine_dir"), "{e}");
    }
}
