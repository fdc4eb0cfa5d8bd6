//! Durable state under `state.dir`, in redb (crash-safe, transactional).
//!
//! * `outbox`: every message the merge stage produced and the sink has not
//!   acknowledged yet, by a monotonic sequence number (publish order).
//! * `pending`: per article content id, how many of its messages are still in
//!   the outbox (and its file name); at zero the article moves to `done`.
//! * `done`: content ids whose every message was acknowledged; a restart does
//!   not read them again.
//! * `events`: the dedup index (each event with the reports it was summed up
//!   from), bounded by `state.dedup_window_days` of event time; escalation is
//!   rebuilt from it at start-up.
//! * `files`: path → size, mtime, inode and content id of each article file
//!   processed, written with its pending record; a start-up scan skips a
//!   file whose path, size, mtime and inode still match without reading it.
//! * `published`: the last escalation state published per dyad, and `meta`
//!   the merge stage's clocks, so a restart publishes exactly what one
//!   uninterrupted run would have.
//!
//! The merge stage writes one article's outbox rows, its pending record and
//! the dedup/escalation changes that caused them in **one** transaction, so
//! a crash leaves either all of them or none (the article is then read again).
//! The publisher deletes rows only after the sink's acknowledgement; a crash
//! in between re-publishes them with the same `Nats-Msg-Id` and JetStream's
//! duplicate window drops the repeat.

use std::collections::BTreeMap;
use std::path::Path;

use redb::{
    Database, ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition,
    WriteTransaction,
};
use serde::{Deserialize, Serialize};

/// Content id → file name it was first seen under.
const DONE: TableDefinition<&str, &str> = TableDefinition::new("done");
/// Content id → JSON [`Pending`].
const PENDING: TableDefinition<&str, &[u8]> = TableDefinition::new("pending");
/// Sequence → encoded [`OutboxRow`].
const OUTBOX: TableDefinition<u64, &[u8]> = TableDefinition::new("outbox");
/// Event id → the dedup entry (JSON, owned by `dedup`).
const EVENTS: TableDefinition<&str, &[u8]> = TableDefinition::new("events");
/// Dyad → last published escalation state (JSON).
const PUBLISHED: TableDefinition<&str, &[u8]> = TableDefinition::new("published");
/// Path → JSON [`FileRecord`] (the fast start-up check).
const FILES: TableDefinition<&str, &[u8]> = TableDefinition::new("files");
/// Small named values (JSON), e.g. the merge stage's clocks.
const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");

/// Why the store could not be opened or written.
#[derive(Debug, thiserror::Error)]
#[error("state store {path}: {message}")]
pub struct StoreError {
    path: String,
    message: String,
}

/// Which kind of message a row holds (the sinks treat escalation states
/// specially: they also go to the KV bucket).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Event,
    Escalation,
    Article,
    Rejected,
}

impl Kind {
    fn code(self) -> u8 {
        match self {
            Kind::Event => 0,
            Kind::Escalation => 1,
            Kind::Article => 2,
            Kind::Rejected => 3,
        }
    }

    fn of_code(code: u8) -> Option<Kind> {
        Some(match code {
            0 => Kind::Event,
            1 => Kind::Escalation,
            2 => Kind::Article,
            3 => Kind::Rejected,
            _ => return None,
        })
    }
}

/// One message waiting for its acknowledgement, ready to send as is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    /// The article (content id) it comes from; `None` for rejected notices,
    /// which belong to no article.
    pub article: Option<String>,
    pub kind: Kind,
    pub subject: String,
    pub msg_id: String,
    /// The message body (compact JSON), stored apart from the header.
    /// `Bytes`: handed to the NATS client without a copy.
    #[serde(skip)]
    pub payload: bytes::Bytes,
}

/// First byte of a row in the binary layout (see [`OutboxRow::encode`]); a
/// row of an older version starts with its JSON header's `{`.
const ROW_V2: u8 = 0xF2;

/// Length marker of an absent article.
const NO_ARTICLE: u32 = u32::MAX;

impl OutboxRow {
    /// `ROW_V2`, the kind, then the article (`NO_ARTICLE` if none), subject
    /// and message id each as a little-endian `u32` length and the bytes,
    /// then the payload untouched (so the escalation message id, a hash of
    /// the payload, stays valid). The publisher reads every row back:
    /// lengths instead of a JSON header cost it no parsing.
    fn encode(&self) -> Vec<u8> {
        let article = self.article.as_deref();
        let mut out = Vec::with_capacity(
            2 + 12
                + article.map_or(0, str::len)
                + self.subject.len()
                + self.msg_id.len()
                + self.payload.len(),
        );
        out.push(ROW_V2);
        out.push(self.kind.code());
        match article {
            Some(a) => put_str(&mut out, a),
            None => out.extend_from_slice(&NO_ARTICLE.to_le_bytes()),
        }
        put_str(&mut out, &self.subject);
        put_str(&mut out, &self.msg_id);
        out.extend_from_slice(&self.payload);
        out
    }

    fn decode(bytes: &[u8]) -> Option<OutboxRow> {
        if bytes.first() != Some(&ROW_V2) {
            return Self::decode_json(bytes);
        }
        let kind = Kind::of_code(*bytes.get(1)?)?;
        let mut rest = &bytes[2..];
        let article = match take_len(&mut rest)? {
            NO_ARTICLE => None,
            n => Some(take_str(&mut rest, n)?),
        };
        let n = take_len(&mut rest)?;
        let subject = take_str(&mut rest, n)?;
        let n = take_len(&mut rest)?;
        let msg_id = take_str(&mut rest, n)?;
        Some(OutboxRow {
            article,
            kind,
            subject,
            msg_id,
            payload: bytes::Bytes::copy_from_slice(rest),
        })
    }

    /// The layout before `ROW_V2`: header JSON, a newline, the payload
    /// (rows a previous version left in the outbox).
    fn decode_json(bytes: &[u8]) -> Option<OutboxRow> {
        let nl = bytes.iter().position(|&b| b == b'\n')?;
        let mut row: OutboxRow = serde_json::from_slice(&bytes[..nl]).ok()?;
        row.payload = bytes::Bytes::copy_from_slice(&bytes[nl + 1..]);
        Some(row)
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    // A string over 4 GiB cannot reach here (messages are far smaller).
    let n = u32::try_from(s.len()).unwrap_or(NO_ARTICLE - 1);
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&s.as_bytes()[..n as usize]);
}

fn take_len(rest: &mut &[u8]) -> Option<u32> {
    let (n, tail) = rest.split_first_chunk::<4>()?;
    *rest = tail;
    Some(u32::from_le_bytes(*n))
}

fn take_str(rest: &mut &[u8], n: u32) -> Option<String> {
    let n = usize::try_from(n).ok()?;
    if rest.len() < n {
        return None;
    }
    let (s, tail) = rest.split_at(n);
    *rest = tail;
    String::from_utf8(s.to_vec()).ok()
}

#[derive(Debug, Serialize, Deserialize)]
struct Pending {
    outstanding: u64,
    file: String,
}

/// What a processed file looked like when it was read, and its content id.
///
/// A file whose stamp (size, mtime to the nanosecond, inode) still matches is
/// the same bytes for all practical purposes, so start-up need not read and
/// hash it again. The stamp is taken *before* reading: if the file changed
/// meanwhile the stored stamp is stale and the next start simply reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord {
    pub size: u64,
    pub mtime_ns: i128,
    pub ino: u64,
    pub id: String,
}

impl FileRecord {
    /// The stamp of `meta` (a file's metadata, links followed) for content `id`.
    pub fn of(meta: &std::fs::Metadata, id: &str) -> FileRecord {
        let mtime_ns =
            meta.modified()
                .ok()
                .map_or(0, |t| match t.duration_since(std::time::UNIX_EPOCH) {
                    Ok(d) => d.as_nanos() as i128,
                    Err(e) => -(e.duration().as_nanos() as i128),
                });
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let ino = 0;
        FileRecord {
            size: meta.len(),
            mtime_ns,
            ino,
            id: id.to_string(),
        }
    }

    /// Whether `meta` still looks like the file this record was made from.
    pub fn matches(&self, meta: &std::fs::Metadata) -> bool {
        let now = FileRecord::of(meta, "");
        now.size == self.size && now.mtime_ns == self.mtime_ns && now.ino == self.ino
    }
}

/// A consistent read-only view of the file records and the content ids
/// recorded done or pending (see [`Store::snapshot`]). It sees what was
/// committed before it was taken, nothing after.
pub struct Snapshot {
    files: redb::ReadOnlyTable<&'static str, &'static [u8]>,
    done: redb::ReadOnlyTable<&'static str, &'static str>,
    pending: redb::ReadOnlyTable<&'static str, &'static [u8]>,
}

impl Snapshot {
    /// The record of the file at `path`, if it was processed.
    pub fn file(&self, path: &str) -> Option<FileRecord> {
        let v = self.files.get(path).ok()??;
        serde_json::from_slice(v.value()).ok()
    }

    /// Whether content `id` is recorded (done, or pending in the outbox).
    /// A failed read counts as unknown: reading content twice is better
    /// than losing it.
    pub fn knows(&self, id: &str) -> bool {
        matches!(self.done.get(id), Ok(Some(_))) || matches!(self.pending.get(id), Ok(Some(_)))
    }
}

/// Everything one merge step changes, written in one transaction.
#[derive(Debug, Default)]
pub struct MergeWrite {
    /// The article (content id, file name) the rows come from.
    pub article: Option<(String, String)>,
    pub rows: Vec<OutboxRow>,
    /// The article's file (full path) and its stamp, for the fast start-up check.
    pub file: Option<(String, FileRecord)>,
    /// Changed dedup entries (id → JSON) and ids dropped from the window.
    pub events: Vec<(String, Vec<u8>)>,
    pub removed_events: Vec<String>,
    /// Escalation states published by this step (dyad → JSON).
    pub published: Vec<(String, Vec<u8>)>,
    /// Merge-stage clocks and counters (JSON), see `pipeline`.
    pub meta: Option<Vec<u8>>,
}

/// The daemon's durable state.
pub struct Store {
    db: Database,
    path: String,
    next_seq: std::sync::atomic::AtomicU64,
}

/// Page cache of the state file: at 16 MB it holds the window's hot pages;
/// 32 MB put the daemon over its 200 MB budget at 1M articles (see
/// docs/PERFORMANCE.md, session 11).
const CACHE_BYTES: usize = 16 << 20;

impl Store {
    /// Opens (or creates) `dir/flashpoint.redb`.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let file = dir.join("flashpoint.redb");
        let path = file.display().to_string();
        let err = |e: &dyn std::fmt::Display| StoreError {
            path: path.clone(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(|e| err(&e))?;
        // redb caches up to 1 GiB of pages by default; the daemon's memory
        // budget is far smaller, and its reads are recent rows.
        let db = Database::builder()
            .set_cache_size(CACHE_BYTES)
            .create(&file)
            .map_err(|e| err(&e))?;
        let tx = db.begin_write().map_err(|e| err(&e))?;
        tx.open_table(DONE).map_err(|e| err(&e))?;
        tx.open_table(PENDING).map_err(|e| err(&e))?;
        tx.open_table(EVENTS).map_err(|e| err(&e))?;
        tx.open_table(PUBLISHED).map_err(|e| err(&e))?;
        tx.open_table(META).map_err(|e| err(&e))?;
        tx.open_table(FILES).map_err(|e| err(&e))?;
        let last = {
            let t = tx.open_table(OUTBOX).map_err(|e| err(&e))?;
            let last = t.last().map_err(|e| err(&e))?;
            last.map_or(0, |(k, _)| k.value())
        };
        tx.commit().map_err(|e| err(&e))?;
        Ok(Store {
            db,
            path,
            next_seq: (last + 1).into(),
        })
    }

    fn err(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    fn write(
        &self,
        f: impl FnOnce(&WriteTransaction) -> Result<(), redb::Error>,
    ) -> Result<(), StoreError> {
        let tx = self.db.begin_write().map_err(|e| self.err(e))?;
        f(&tx).map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))
    }

    /// Records content `id` (first seen as `file`) as fully published.
    pub fn mark_done(&self, id: &str, file: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.open_table(DONE)?.insert(id, file)?;
            Ok(())
        })
    }

    /// Writes one merge step atomically; returns the last sequence number
    /// given to its rows (or the last one given before, when it has none).
    ///
    /// On failure nothing is written and no sequence number is used up, so
    /// the caller retries the same write.
    pub fn commit_merge(&self, w: &MergeWrite) -> Result<u64, StoreError> {
        self.commit_merges(std::slice::from_ref(w))
    }

    /// Writes several merge steps in one transaction (one sync to disk for a
    /// whole group during a backfill), in order, all or none.
    pub fn commit_merges(&self, ws: &[MergeWrite]) -> Result<u64, StoreError> {
        use std::sync::atomic::Ordering;
        let first = self.next_seq.load(Ordering::SeqCst);
        let total: u64 = ws.iter().map(|w| w.rows.len() as u64).sum();
        self.write(|tx| Self::put_merges(tx, ws, first))?;
        self.next_seq.store(first + total, Ordering::SeqCst);
        Ok(first + total - 1)
    }

    /// The group's writes, each table opened once for all of them, and the
    /// merge stage's clocks written once (the last step's: each step's
    /// replaces the one before within the transaction anyway).
    fn put_merges(tx: &WriteTransaction, ws: &[MergeWrite], first: u64) -> Result<(), redb::Error> {
        let corrupt = |e: serde_json::Error| redb::Error::Corrupted(e.to_string());
        let mut outbox = tx.open_table(OUTBOX)?;
        let mut pending = tx.open_table(PENDING)?;
        let mut files = tx.open_table(FILES)?;
        let mut events = tx.open_table(EVENTS)?;
        let mut published = tx.open_table(PUBLISHED)?;
        let mut seq = first;
        let mut last_event: BTreeMap<&str, Option<&[u8]>> = BTreeMap::new();
        let mut last_state: BTreeMap<&str, &[u8]> = BTreeMap::new();
        for w in ws {
            for row in &w.rows {
                outbox.insert(seq, row.encode().as_slice())?;
                seq += 1;
            }
            if let Some((id, file)) = &w.article {
                let outstanding = w
                    .rows
                    .iter()
                    .filter(|r| r.article.as_deref() == Some(id))
                    .count() as u64;
                let p = Pending {
                    outstanding,
                    file: file.clone(),
                };
                let p = serde_json::to_vec(&p).map_err(corrupt)?;
                pending.insert(id.as_str(), p.as_slice())?;
            }
            if let Some((path, rec)) = &w.file {
                let v = serde_json::to_vec(rec).map_err(corrupt)?;
                files.insert(path.as_str(), v.as_slice())?;
            }
            for id in &w.removed_events {
                last_event.insert(id.as_str(), None);
            }
            for (id, json) in &w.events {
                last_event.insert(id.as_str(), Some(json.as_slice()));
            }
            for (dyad, json) in &w.published {
                last_state.insert(dyad.as_str(), json.as_slice());
            }
        }
        // An event or dyad changed by several steps of the group is written
        // once, as the last step left it, and the keys go in sorted order
        // (neighbouring keys share pages): in a backfill the same events
        // are revised again and again within a group.
        for (id, json) in last_event {
            match json {
                Some(json) => {
                    events.insert(id, json)?;
                }
                None => {
                    events.remove(id)?;
                }
            }
        }
        for (dyad, json) in last_state {
            published.insert(dyad, json)?;
        }
        if let Some(meta) = ws.iter().rev().find_map(|w| w.meta.as_ref()) {
            tx.open_table(META)?.insert("merge", meta.as_slice())?;
        }
        Ok(())
    }

    /// The last sequence number given out (0: none yet).
    pub fn last_seq(&self) -> u64 {
        self.next_seq.load(std::sync::atomic::Ordering::SeqCst) - 1
    }

    /// Up to `limit` outbox rows after sequence `after`, in order.
    pub fn outbox_after(
        &self,
        after: u64,
        limit: usize,
    ) -> Result<Vec<(u64, OutboxRow)>, StoreError> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(OUTBOX).map_err(|e| self.err(e))?;
        // Sized for a full batch (its untouched pages cost nothing): grown
        // by doubling, a batch of 1,024 rows was copied ten times.
        let mut out = Vec::with_capacity(limit.min(4096));
        for row in t.range(after + 1..).map_err(|e| self.err(e))?.take(limit) {
            let (k, v) = row.map_err(|e| self.err(e))?;
            match OutboxRow::decode(v.value()) {
                Some(r) => out.push((k.value(), r)),
                None => tracing::error!(seq = k.value(), "unreadable outbox row skipped"),
            }
        }
        Ok(out)
    }

    /// Messages waiting in the outbox.
    pub fn outbox_len(&self) -> Result<u64, StoreError> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(OUTBOX).map_err(|e| self.err(e))?;
        t.len().map_err(|e| self.err(e))
    }

    /// Removes acknowledged rows and counts them off their articles, in one
    /// transaction; returns the articles that became done (id, file).
    ///
    /// An article's rows are counted off together (one read and one write
    /// of its pending record per call, not one per row: a backfill acks
    /// seven or eight rows per article).
    ///
    /// With `durable` false the commit is not synced to disk: it becomes
    /// durable with the next synced commit (the merge stage's, a later
    /// ack's, or [`persist`](Self::persist)). That is safe because losing
    /// an acknowledgement only re-publishes rows under their own
    /// `Nats-Msg-Id`, which JetStream's duplicate window drops; a synced
    /// commit per batch would otherwise hold the store's one writer (and
    /// the merge stage behind it) for a sync to disk every 256 rows.
    pub fn ack(
        &self,
        acked: &[(u64, Option<String>)],
        durable: bool,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let mut finished = Vec::new();
        // Rows per article, in first-acked order.
        let mut counts: Vec<(&str, u64)> = Vec::new();
        for (_, article) in acked {
            let Some(id) = article.as_deref() else {
                continue;
            };
            match counts.iter_mut().rev().find(|(a, _)| *a == id) {
                Some((_, n)) => *n += 1,
                None => counts.push((id, 1)),
            }
        }
        let mut tx = self.db.begin_write().map_err(|e| self.err(e))?;
        if !durable {
            tx.set_durability(redb::Durability::None)
                .map_err(|e| self.err(e))?;
        }
        let mut put = |tx: &WriteTransaction| -> Result<(), redb::Error> {
            let mut outbox = tx.open_table(OUTBOX)?;
            let mut pending = tx.open_table(PENDING)?;
            let mut done = tx.open_table(DONE)?;
            // The rows go in one pass over their range (a batch is a run of
            // neighbouring rows), not one tree descent and rebalancing each.
            let mut seqs: Vec<u64> = acked.iter().map(|(seq, _)| *seq).collect();
            seqs.sort_unstable();
            if let (Some(&lo), Some(&hi)) = (seqs.first(), seqs.last()) {
                outbox.retain_in(lo..=hi, |seq, _| seqs.binary_search(&seq).is_err())?;
            }
            for &(id, n) in &counts {
                let current = pending
                    .get(id)?
                    .and_then(|v| serde_json::from_slice::<Pending>(v.value()).ok());
                let Some(mut p) = current else { continue };
                p.outstanding = p.outstanding.saturating_sub(n);
                if p.outstanding == 0 {
                    pending.remove(id)?;
                    done.insert(id, p.file.as_str())?;
                    finished.push((id.to_string(), p.file));
                } else {
                    let v = serde_json::to_vec(&p)
                        .map_err(|e| redb::Error::Corrupted(e.to_string()))?;
                    pending.insert(id, v.as_slice())?;
                }
            }
            Ok(())
        };
        put(&tx).map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(finished)
    }

    /// Makes every commit so far durable (a synced empty commit): after
    /// acknowledgements committed without a sync, once nothing follows
    /// them soon.
    pub fn persist(&self) -> Result<(), StoreError> {
        self.write(|_| Ok(()))
    }

    fn keys(
        &self,
        table: TableDefinition<&str, impl redb::Value + 'static>,
    ) -> Result<Vec<String>, StoreError> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(table).map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in t.iter().map_err(|e| self.err(e))? {
            let (k, _) = row.map_err(|e| self.err(e))?;
            out.push(k.value().to_string());
        }
        Ok(out)
    }

    fn values(&self, table: TableDefinition<&str, &[u8]>) -> Result<Vec<Vec<u8>>, StoreError> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(table).map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in t.iter().map_err(|e| self.err(e))? {
            let (_, v) = row.map_err(|e| self.err(e))?;
            out.push(v.value().to_vec());
        }
        Ok(out)
    }

    /// Every content id recorded as done.
    pub fn done_ids(&self) -> Result<Vec<String>, StoreError> {
        self.keys(DONE)
    }

    /// Content ids whose messages wait in the outbox.
    pub fn pending_ids(&self) -> Result<Vec<String>, StoreError> {
        self.keys(PENDING)
    }

    /// Every file record (path → stamp and content id).
    pub fn files(&self) -> Result<Vec<(String, FileRecord)>, StoreError> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(FILES).map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in t.iter().map_err(|e| self.err(e))? {
            let (k, v) = row.map_err(|e| self.err(e))?;
            match serde_json::from_slice(v.value()) {
                Ok(rec) => out.push((k.value().to_string(), rec)),
                Err(e) => {
                    tracing::warn!(path = k.value(), error = %e, "unreadable file record skipped")
                }
            }
        }
        Ok(out)
    }

    /// How many file records there are.
    pub fn files_len(&self) -> Result<u64, StoreError> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(FILES).map_err(|e| self.err(e))?;
        t.len().map_err(|e| self.err(e))
    }

    /// A read-only view of the tables the reader consults per file, as of
    /// now. Looking a file up here instead of holding every record and
    /// content id in memory keeps the daemon's memory flat in the number
    /// of files it has processed; one view serves many look-ups, because
    /// opening a read transaction per file would cost more than the look-up.
    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        Ok(Snapshot {
            files: tx.open_table(FILES).map_err(|e| self.err(e))?,
            done: tx.open_table(DONE).map_err(|e| self.err(e))?,
            pending: tx.open_table(PENDING).map_err(|e| self.err(e))?,
        })
    }

    /// Drops the records of files for which `keep` says no, a chunk at a
    /// time (a folder emptied of a million files needs no million-path
    /// list in memory); returns how many were dropped.
    pub fn forget_files_unless(&self, keep: impl Fn(&str) -> bool) -> Result<u64, StoreError> {
        const CHUNK: usize = 4096;
        let mut after: Option<String> = None;
        let mut forgotten = 0;
        loop {
            let (gone, last) = {
                let tx = self.db.begin_read().map_err(|e| self.err(e))?;
                let t = tx.open_table(FILES).map_err(|e| self.err(e))?;
                let range = match &after {
                    Some(a) => t.range::<&str>((
                        std::ops::Bound::Excluded(a.as_str()),
                        std::ops::Bound::Unbounded,
                    )),
                    None => t.range::<&str>(..),
                }
                .map_err(|e| self.err(e))?;
                let (mut gone, mut last, mut n) = (Vec::new(), None, 0);
                for row in range {
                    let (k, _) = row.map_err(|e| self.err(e))?;
                    let path = k.value();
                    if !keep(path) {
                        gone.push(path.to_string());
                    }
                    n += 1;
                    if n == CHUNK {
                        last = Some(path.to_string());
                        break;
                    }
                }
                (gone, last)
            };
            forgotten += gone.len() as u64;
            if !gone.is_empty() {
                self.forget_files(&gone)?;
            }
            match last {
                Some(l) => after = Some(l),
                None => return Ok(forgotten),
            }
        }
    }

    /// Drops the records of files no longer there (so the table stays as
    /// large as the watched folders, not their history).
    pub fn forget_files(&self, paths: &[String]) -> Result<(), StoreError> {
        self.write(|tx| {
            let mut t = tx.open_table(FILES)?;
            for p in paths {
                t.remove(p.as_str())?;
            }
            Ok(())
        })
    }

    /// The stored dedup entries (JSON), in key order.
    pub fn events(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        self.values(EVENTS)
    }

    /// The last published escalation states (JSON).
    pub fn published(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        self.values(PUBLISHED)
    }

    /// The merge stage's meta record (JSON), if any.
    pub fn meta(&self) -> Result<Option<Vec<u8>>, StoreError> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(META).map_err(|e| self.err(e))?;
        let v = t.get("merge").map_err(|e| self.err(e))?;
        Ok(v.map(|v| v.value().to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(article: Option<&str>, id: &str) -> OutboxRow {
        OutboxRow {
            article: article.map(str::to_string),
            kind: Kind::Event,
            subject: "s".into(),
            msg_id: id.into(),
            payload: bytes::Bytes::from_static(b"{\"a\":\n1}"),
        }
    }

    #[test]
    fn done_ids_survive_reopening() {
        let d = tempfile::tempdir().unwrap();
        {
            let s = Store::open(d.path()).unwrap();
            s.mark_done("abc", "a.txt").unwrap();
        }
        let s = Store::open(d.path()).unwrap();
        assert_eq!(s.done_ids().unwrap(), vec!["abc".to_string()]);
    }

    #[test]
    fn snapshots_see_ids_and_file_records_and_removed_files_are_forgotten() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        let rec = |id: &str| FileRecord {
            size: 1,
            mtime_ns: 2,
            ino: 3,
            id: id.into(),
        };
        let w = |id: &str, path: &str| MergeWrite {
            article: Some((id.into(), path.into())),
            rows: vec![row(Some(id), &format!("article.{id}"))],
            file: Some((path.into(), rec(id))),
            ..Default::default()
        };
        let before = s.snapshot().unwrap();
        s.commit_merges(&[w("c1", "/in/a.txt"), w("c2", "/in/b.txt")])
            .unwrap();
        assert!(
            !before.knows("c1"),
            "a snapshot sees nothing committed after it"
        );
        let snap = s.snapshot().unwrap();
        assert!(snap.knows("c1") && snap.knows("c2") && !snap.knows("c3"));
        assert_eq!(snap.file("/in/a.txt"), Some(rec("c1")));
        // Done (acknowledged) content is known too.
        s.ack(&[(1, Some("c1".into()))], true).unwrap();
        assert!(s.snapshot().unwrap().knows("c1"));
        assert_eq!(s.files_len().unwrap(), 2);
        assert_eq!(s.forget_files_unless(|p| p != "/in/b.txt").unwrap(), 1);
        let snap = s.snapshot().unwrap();
        assert_eq!(snap.file("/in/b.txt"), None);
        assert_eq!(s.files_len().unwrap(), 1);
    }

    #[test]
    fn an_article_is_done_when_its_last_row_is_acked() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        let w = MergeWrite {
            article: Some(("c1".into(), "a.txt".into())),
            rows: vec![row(Some("c1"), "e.1"), row(Some("c1"), "article.c1")],
            ..Default::default()
        };
        assert_eq!(s.commit_merge(&w).unwrap(), 2);
        drop(s);
        let s = Store::open(d.path()).unwrap();
        assert_eq!(s.pending_ids().unwrap(), ["c1"]);
        let rows = s.outbox_after(0, 10).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].1,
            row(Some("c1"), "e.1"),
            "payload kept byte for byte"
        );
        assert!(s.ack(&[(1, Some("c1".into()))], false).unwrap().is_empty());
        assert_eq!(s.outbox_len().unwrap(), 1);
        let done = s.ack(&[(2, Some("c1".into()))], true).unwrap();
        assert_eq!(done, [("c1".to_string(), "a.txt".to_string())]);
        assert!(s.pending_ids().unwrap().is_empty());
        assert_eq!(s.done_ids().unwrap(), ["c1"]);
        // New rows continue the sequence within a run.
        assert_eq!(
            s.commit_merge(&MergeWrite {
                rows: vec![row(None, "r")],
                ..Default::default()
            })
            .unwrap(),
            3
        );
    }

    #[test]
    fn rows_round_trip_and_rows_of_the_json_layout_still_decode() {
        let mut esc = row(None, "esc.A-B.2020-01-01.0123");
        esc.kind = Kind::Escalation;
        for r in [row(Some("c1"), "e.1"), esc, row(Some(""), "")] {
            assert_eq!(OutboxRow::decode(&r.encode()), Some(r.clone()));
        }
        // What an earlier version left in the outbox: JSON header, newline, payload.
        let old = b"{\"article\":\"c1\",\"kind\":\"article\",\"subject\":\"fp.articles.en\",\"msg_id\":\"article.c1\"}\n{\"a\":\n1}";
        let r = OutboxRow::decode(old).unwrap();
        assert_eq!(r.article.as_deref(), Some("c1"));
        assert_eq!(r.kind, Kind::Article);
        assert_eq!(
            (r.subject.as_str(), r.msg_id.as_str()),
            ("fp.articles.en", "article.c1")
        );
        assert_eq!(&r.payload[..], b"{\"a\":\n1}");
        // A cut row is skipped, not misread.
        let whole = row(Some("c1"), "e.1").encode();
        assert_eq!(OutboxRow::decode(&whole[..7]), None);
    }
}
