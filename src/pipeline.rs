//! Wiring: the stages as tasks joined by bounded channels.
//!
//! ```text
//!                    ┌▶ extract 0 ─┐
//! watcher ─▶ read ───┤             ├─▶ merge (dedup + escalation) ─▶ sink
//!   paths    Draft   └▶ extract 1…─┘      Outputs                   NATS / stdout
//!           (dealt out in turn, collected in the same turn: Mentions in order)
//! ```
//! The reader decodes each file and reduces it to text (all that can refuse
//! it); the workers finish parsing (title, date, language) and extract.
//! Each task owns its state (the reader the ids in flight, merge the dedup index
//! and dyads, the sink its connection) and talks to the next by messages only,
//! so back-pressure flows upstream and a stage can later move to its own
//! process behind NATS. [`Core`] is the same stages run inline, for the
//! one-shot commands (`extract`, `escalation`).

use std::path::Path;
use std::sync::Arc;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, watch, Notify};
use tracing::{debug, error, info, warn};

use crate::config::Settings;
use crate::dedup::{Deduper, Entry};
use crate::escalation::Escalation;
use crate::extract::Extractor;
use crate::ingest::parse::Draft;
use crate::ingest::reader::{Known, Reader};
use crate::ingest::watcher::{self, WatchEvent};
use crate::ingest::Rejection;
use crate::lexicon::Lexicon;
use crate::model::{
    Article, ArticleNotice, DatePrecision, EscalationState, Event, Mention, Output, RejectedNotice,
};
use crate::publish::{subjects, Sent, Sink};
use crate::store::{FileRecord, Kind, MergeWrite, OutboxRow, Snapshot, Store};

/// What flows between the tasks.
#[derive(Debug)]
enum Msg {
    /// A new article as the reader leaves it (its title, date and
    /// language are found by the extract worker), with its file's path and
    /// stamp (see [`FileRecord`]).
    Article(Draft, Option<(String, FileRecord)>),
    Mentions(Article, Vec<Mention>, Option<(String, FileRecord)>),
    Output(Output),
    /// The start-up scan has been handed on in full.
    CaughtUp,
}

/// The rejected notice for a refused input.
pub fn rejected(r: &Rejection) -> Output {
    warn!(file = %r.file.display(), reason = %r.reason, "input refused");
    Output::Rejected(RejectedNotice {
        schema: "flashpoint.rejected.v1".into(),
        file: r.file.display().to_string(),
        reason: r.reason.clone(),
        at: Utc::now(),
    })
}

/// Dedup and escalation: the stateful half of the pipeline, single-owner.
pub struct Merge {
    pub dedup: Deduper,
    pub escalation: Escalation,
    /// Event-time window in days (the daemon's `state.dedup_window_days`);
    /// `None` keeps everything (the one-shot commands).
    window_days: Option<i64>,
    /// Most events the window holds (`state.dedup_window_events`); `None`:
    /// only the days bound it.
    window_events: Option<usize>,
    /// Where the event bound last cut the window: events dated before it
    /// are out of the window as if they were older than the days allow.
    floor: Option<NaiveDate>,
    /// Latest event date dedup has seen: the window is counted back from it.
    clock: Option<NaiveDate>,
    /// Event ids the last `apply` dropped from the window.
    pruned: Vec<String>,
    /// Events that arrived already older than the window since the last
    /// pruning: they are dropped in bulk, not one pass per article.
    stale: u64,
}

/// The merge stage's clocks, persisted with every step.
#[derive(Debug, Default, Serialize, Deserialize)]
struct MergeMeta {
    clock: Option<NaiveDate>,
    escalation_clock: Option<NaiveDate>,
    next_ord: u64,
    #[serde(default)]
    stale: u64,
    #[serde(default)]
    floor: Option<NaiveDate>,
}

impl Merge {
    pub fn new(settings: &Settings) -> Merge {
        Merge {
            dedup: Deduper::default(),
            escalation: Escalation::new(settings.escalation.clone()),
            window_days: None,
            window_events: None,
            floor: None,
            clock: None,
            pruned: Vec::new(),
            stale: 0,
        }
    }

    /// Like [`new`](Self::new), bounded by `state.dedup_window_days` as the
    /// daemon is (so `replay` gives the daemon's ids and revisions).
    pub fn windowed(settings: &Settings) -> Merge {
        let mut m = Merge::new(settings);
        m.window_days = (settings.state.dedup_window_days > 0)
            .then_some(i64::from(settings.state.dedup_window_days));
        m.window_events = (settings.state.dedup_window_events > 0)
            .then(|| usize::try_from(settings.state.dedup_window_events).unwrap_or(usize::MAX));
        m
    }

    /// Rebuilds the daemon's merge state from the store: the dedup entries,
    /// the dyads fed again from those events (in first-seen order, output
    /// discarded), then the states really published and the clocks.
    pub fn restore(settings: &Settings, store: &Store) -> anyhow::Result<Merge> {
        let mut m = Merge::windowed(settings);
        let meta: MergeMeta = match store.meta()? {
            Some(bytes) => serde_json::from_slice(&bytes)?,
            None => MergeMeta::default(),
        };
        let mut entries = Vec::new();
        for bytes in store.events()? {
            match serde_json::from_slice::<Entry>(&bytes) {
                Ok(e) => entries.push(e),
                Err(e) => warn!(error = %e, "unreadable stored event skipped"),
            }
        }
        m.dedup = Deduper::restore(entries, meta.next_ord);
        for e in m.dedup.events() {
            m.escalation.load(e);
        }
        let mut published = Vec::new();
        for bytes in store.published()? {
            match serde_json::from_slice::<EscalationState>(&bytes) {
                Ok(s) => published.push(s),
                Err(e) => warn!(error = %e, "unreadable stored escalation state skipped"),
            }
        }
        m.escalation
            .restore_published(published, meta.escalation_clock);
        m.clock = meta.clock;
        m.stale = meta.stale;
        m.floor = meta.floor;
        Ok(m)
    }

    /// Logs what the window holds (what the merge stage's memory is).
    fn log_held(&self) {
        let (dyads, parts) = self.escalation.held();
        info!(
            events = self.dedup.events().len(),
            reports = self.dedup.reports_held(),
            dyads,
            parts,
            clock = ?self.clock,
            floor = ?self.floor,
            "merge state held"
        );
    }

    fn meta(&self) -> MergeMeta {
        MergeMeta {
            clock: self.clock,
            escalation_clock: self.escalation.clock(),
            next_ord: self.dedup.next_ord(),
            stale: self.stale,
            floor: self.floor,
        }
    }

    /// One article's mentions → its event revisions, the dyad states they
    /// move, and the article notice, in that order.
    pub fn apply(&mut self, article: &Article, mentions: Vec<Mention>) -> Vec<Output> {
        let mut events = Vec::new();
        let (ids, states) = self.step(mentions, |e| events.push(e.clone()));
        let mut out = Vec::with_capacity(events.len() + states.len() + 1);
        out.extend(events.into_iter().map(|e| Output::Event(Box::new(e))));
        out.extend(states.into_iter().map(|s| Output::Escalation(Box::new(s))));
        out.push(Output::Article(notice(article, ids)));
        out
    }

    /// [`apply`](Self::apply) and [`write`](Self::write) in one, for the
    /// daemon's merge stage: each revision is serialised from the dedup
    /// index (see [`Deduper::add_indexed`]) instead of being cloned into an
    /// [`Output`] first. The same rows and state changes as `write` of
    /// `apply`'s outputs.
    fn apply_write(
        &mut self,
        prefix: &str,
        article: &Article,
        mentions: Vec<Mention>,
    ) -> MergeWrite {
        let mut w = MergeWrite {
            article: Some((article.id.clone(), article.file.clone())),
            ..Default::default()
        };
        // Each revision's row (and the event's place among `ids`), made
        // while the event is at hand; its dedup entry only after the
        // pruning: an event the step pruned has none left to store (the
        // step's removal covers it), as `write` after `apply` finds.
        let mut rows = Vec::new();
        let mut k = 0;
        let (ids, states) = self.step(mentions, |e| {
            if let Some(row) = event_row(prefix, Some(&article.id), e) {
                rows.push((k, row));
            }
            k += 1;
        });
        for (k, row) in rows {
            if let Some(json) = self.dedup.entry_json(&ids[k], &row.payload) {
                w.events.push((ids[k].clone(), json));
            }
            w.rows.push(row);
        }
        w.removed_events = self.pruned.clone();
        w.meta = serde_json::to_vec(&self.meta()).ok();
        let rest = states
            .into_iter()
            .map(|s| Output::Escalation(Box::new(s)))
            .chain(std::iter::once(Output::Article(notice(article, ids))));
        for o in rest {
            self.push_output(&mut w, prefix, Some(&article.id), &o);
        }
        w
    }

    /// The stateful half of [`apply`](Self::apply): dedup, escalation and
    /// the window's pruning. `each` sees every event the mentions created
    /// or changed, at its new revision and in first-seen order, before the
    /// pruning (which may drop it). Returns the events' ids and the dyad
    /// states they moved.
    fn step(
        &mut self,
        mentions: Vec<Mention>,
        mut each: impl FnMut(&Event),
    ) -> (Vec<String>, Vec<EscalationState>) {
        let changed = self.dedup.add_indexed(mentions, Utc::now());
        let mut states = Vec::new();
        for &i in &changed {
            states.extend(self.escalation.update(&self.dedup.events()[i]));
        }
        let events: Vec<&Event> = changed.iter().map(|&i| &self.dedup.events()[i]).collect();
        for e in &events {
            each(e);
        }
        let ids: Vec<String> = events.iter().map(|e| e.id.clone()).collect();
        self.pruned.clear();
        // Guessed dates (arrival time) do not move event time.
        let latest = events
            .iter()
            .filter(|e| e.date_precision != DatePrecision::Unknown)
            .map(|e| e.date)
            .max();
        let advanced = latest > self.clock;
        self.clock = self.clock.max(latest);
        let windowed = self.window_days.is_some() || self.window_events.is_some();
        if let (true, Some(clock)) = (windowed, self.clock) {
            // The window moves with the clock. Events already older than it
            // when they arrive (a backfill out of order) are published, then
            // forgotten with the next pruning, which comes once they make an
            // eighth of the window: memory stays bounded by the window, and
            // pruning costs nothing per article.
            let cutoff = self
                .window_days
                .map_or(NaiveDate::MIN, |days| clock - chrono::Duration::days(days))
                .max(self.floor.unwrap_or(NaiveDate::MIN));
            self.stale += events.iter().filter(|e| e.date < cutoff).count() as u64;
            let held = self.dedup.events().len();
            // The event bound is kept in bulk too: pruned down to it once
            // the window holds an eighth more.
            let crowded = self.window_events.is_some_and(|max| held > max + max / 8);
            if advanced || crowded || self.stale * 8 > held as u64 {
                // More events dated inside the window than it may hold: the
                // oldest-dated leave, as if the window were shorter (the
                // same cut for dedup and escalation, and persisted, so a
                // restart holds what an uninterrupted run holds).
                let cut = match self.window_events {
                    Some(max) => self.dedup.cutoff_keeping(cutoff, max),
                    None => cutoff,
                };
                if cut > cutoff {
                    self.floor = Some(cut);
                }
                self.pruned = self.dedup.prune(cut);
                self.escalation.prune(cut);
                self.stale = 0;
            }
        }
        (ids, states)
    }

    /// The store write for one step's outputs: outbox rows, the changed
    /// dedup entries and published states, the clocks.
    fn write(&self, prefix: &str, article: Option<&Article>, outs: &[Output]) -> MergeWrite {
        let mut w = MergeWrite {
            article: article.map(|a| (a.id.clone(), a.file.clone())),
            removed_events: self.pruned.clone(),
            meta: serde_json::to_vec(&self.meta()).ok(),
            ..Default::default()
        };
        for o in outs {
            self.push_output(&mut w, prefix, article.map(|a| &a.id), o);
        }
        w
    }

    /// One output's outbox row (and its dedup entry or published state).
    fn push_output(&self, w: &mut MergeWrite, prefix: &str, article: Option<&String>, o: &Output) {
        if let Output::Event(e) = o {
            if let Some(row) = event_row(prefix, article, e) {
                // The entry holds the event as its message says it: built
                // around the payload, not serialised again.
                if let Some(json) = self.dedup.entry_json(&e.id, &row.payload) {
                    w.events.push((e.id.clone(), json));
                }
                w.rows.push(row);
            }
            return;
        }
        let routed = match subjects::route(prefix, o) {
            Ok(r) => r,
            Err(e) => {
                error!(error = %e, "could not serialise a message; it is not published");
                return;
            }
        };
        let kind = match o {
            Output::Escalation(s) => {
                w.published.push((s.dyad.clone(), routed.payload.clone()));
                Kind::Escalation
            }
            Output::Article(_) => Kind::Article,
            Output::Rejected(_) => Kind::Rejected,
            Output::Event(_) => Kind::Event,
        };
        w.rows.push(OutboxRow {
            article: article.cloned(),
            kind,
            subject: routed.subject,
            msg_id: routed.msg_id,
            payload: routed.payload.into(),
        });
    }
}

/// An event revision's outbox row (`None`, logged, if it cannot be
/// serialised).
fn event_row(prefix: &str, article: Option<&String>, e: &Event) -> Option<OutboxRow> {
    match subjects::route_event(prefix, e) {
        Ok(routed) => Some(OutboxRow {
            article: article.cloned(),
            kind: Kind::Event,
            subject: routed.subject,
            msg_id: routed.msg_id,
            payload: routed.payload.into(),
        }),
        Err(err) => {
            error!(error = %err, "could not serialise a message; it is not published");
            None
        }
    }
}

/// The notice that `article` was processed, naming its events.
fn notice(article: &Article, events: Vec<String>) -> ArticleNotice {
    ArticleNotice {
        schema: "flashpoint.article.v1".into(),
        id: article.id.clone(),
        file: article.file.clone(),
        title: article.title.clone(),
        published: article.published,
        url: article.url.clone(),
        language: article.language.clone(),
        events,
        duplicate_of: None,
    }
}

/// The stages run inline over a list of files, for the one-shot commands.
pub struct Core {
    pub reader: Reader,
    pub extractor: Extractor,
    pub merge: Merge,
}

impl Core {
    pub fn new(settings: &Settings, lexicon: Arc<Lexicon>) -> Core {
        Core {
            reader: Reader::new(settings.limits.max_file_bytes),
            extractor: Extractor::new(lexicon, settings.extract.clone()),
            merge: Merge::new(settings),
        }
    }

    /// Reads, extracts and merges one file. `Ok(None)`: already seen.
    pub fn process(&mut self, path: &Path) -> Result<Option<Vec<Output>>, Rejection> {
        let Some(article) = self.reader.read(path, self.extractor.lexicon())? else {
            return Ok(None);
        };
        let mentions = self.extractor.extract(&article);
        Ok(Some(self.merge.apply(&article, mentions)))
    }
}

/// Runs the daemon until `shutdown` turns true, then drains and returns.
/// `on_ready` is called once the start-up scan is published — or, while
/// NATS is unreachable, once it is committed to the outbox (durable, and
/// published when NATS appears): a service manager should not hold the
/// daemon "starting" for the length of an outage it already survives.
/// `progress` counts what is committed to the outbox.
///
/// State comes from the store: content already done or still pending in
/// the outbox is not read again, the merge state is restored, and the
/// publisher drains what a previous run left in the outbox before anything
/// new (rows go out in sequence order). Intake does not wait for NATS: the
/// publisher connects (retrying) while the outbox fills.
pub async fn run(
    settings: Settings,
    lexicon: Arc<Lexicon>,
    shutdown: watch::Receiver<bool>,
    progress: Arc<Progress>,
    on_ready: impl FnOnce() + Send + 'static,
) -> anyhow::Result<()> {
    let store = Arc::new(Store::open(&settings.state.dir)?);
    // Content ids and file records stay in the store and are looked up per
    // file: held in memory they grew by about a kilobyte per file ever
    // processed.
    let durable = Arc::new(Durable::new(store.clone())?);
    let reader = Reader::new(settings.limits.max_file_bytes)
        .for_watched_folders(settings.watch.quarantine_dir.clone())
        .with_known(durable.clone());
    let files = store.files_len()?;
    let merge = Merge::restore(&settings, &store)?;
    let outbox = Arc::new(Outbox::new(
        store.outbox_len()?,
        settings.state.outbox_max_messages.max(1),
        progress.scratch,
    ));
    info!(
        files,
        outbox = outbox.len(),
        events = merge.dedup.events().len(),
        state = %settings.state.dir.display(),
        "state loaded"
    );
    // The stdout sink opens at once (a bad output file fails the start);
    // the NATS one is opened by the publisher, so intake need not wait.
    let stdout_sink = match settings.nats.url {
        None => Some(Sink::open(&settings).await?),
        Some(_) => None,
    };
    // Stops intake on the caller's request or when the publisher fails for
    // good (bad address, no JetStream): then `run` returns its error.
    let (stop_tx, stop_rx) = watch::channel(false);
    let stop_tx = Arc::new(stop_tx);
    let forward = tokio::spawn({
        let (mut shutdown, stop_tx) = (shutdown, stop_tx.clone());
        async move {
            let _ = shutdown.wait_for(|s| *s).await;
            stop_tx.send_replace(true);
        }
    });
    let shutdown = stop_rx;
    let cap = settings.limits.channel_capacity;
    let (files_tx, files_rx) = mpsc::channel(cap);
    // Extraction is the costliest stage: it runs on several workers, each
    // with its own pair of channels (the capacity shared out), fed and
    // drained in turn (see `Turns`), so merging sees the reader's order.
    let workers = extract_workers();
    let per_worker = cap.div_ceil(workers).max(1);
    let (mut articles_txs, mut articles_rxs) = (Vec::new(), Vec::new());
    let (mut mentions_txs, mut mentions_rxs) = (Vec::new(), Vec::new());
    for _ in 0..workers {
        let (tx, rx) = mpsc::channel(per_worker);
        articles_txs.push(tx);
        articles_rxs.push(rx);
        let (tx, rx) = mpsc::channel(per_worker);
        mentions_txs.push(tx);
        mentions_rxs.push(rx);
    }
    let (ready_tx, ready_rx) = watch::channel(None);

    let watch_settings = settings.watch.clone();
    let watcher = tokio::spawn(watcher::watch(watch_settings, files_tx, shutdown.clone()));
    let read = tokio::task::spawn_blocking({
        let lexicon = lexicon.clone();
        let stop = shutdown.clone();
        let roots = settings.watch.dirs.clone();
        let files = Files {
            durable,
            at_start: files,
            roots,
        };
        let tx = Turns::new(articles_txs);
        let progress = progress.clone();
        move || read_stage(reader, lexicon, files, files_rx, tx, stop, &progress)
    });
    let extractor = Extractor::new(lexicon, settings.extract.clone());
    let extract: Vec<_> = articles_rxs
        .into_iter()
        .zip(mentions_txs)
        .map(|(rx, tx)| {
            let (extractor, stop) = (extractor.clone(), shutdown.clone());
            tokio::task::spawn_blocking(move || extract_stage(extractor, rx, tx, stop))
        })
        .collect();
    let mentions_rx = Turns::new(mentions_rxs);
    let prefix = settings.nats.subject_prefix.clone();
    // One group being committed while the next is merged.
    let (groups_tx, groups_rx) = std::sync::mpsc::sync_channel(1);
    let in_flight = Arc::new(AtomicU64::new(0));
    let merge = tokio::task::spawn_blocking({
        let (outbox, in_flight) = (outbox.clone(), in_flight.clone());
        move || merge_stage(merge, outbox, in_flight, &prefix, mentions_rx, groups_tx)
    });
    let commit = tokio::task::spawn_blocking({
        let (store, outbox) = (store.clone(), outbox.clone());
        move || commit_stage(store, outbox, in_flight, groups_rx, ready_tx, progress)
    });
    let (link_tx, link_rx) = watch::channel(Link::Connecting);
    let ready = tokio::spawn(ready_stage(
        store.clone(),
        outbox.clone(),
        ready_rx,
        link_rx,
        on_ready,
    ));
    let publisher = tokio::spawn(publish_stage(
        settings.clone(),
        stdout_sink,
        store,
        outbox,
        link_tx,
        shutdown.clone(),
        stop_tx,
    ));

    let watched = watcher.await?;
    let mut stages = vec![("read", read.await)];
    for worker in extract {
        stages.push(("extract", worker.await));
    }
    stages.push(("merge", merge.await));
    stages.push(("commit", commit.await));
    for (name, r) in stages {
        if let Err(e) = r {
            error!(stage = name, error = %e, "stage failed");
        }
    }
    let published = publisher.await?;
    ready.abort();
    forward.abort();
    published?;
    watched
}

/// Whether published rows reach the sink (decides when to say READY).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// The first connection attempt is under way.
    Connecting,
    Up,
    /// Unreachable, or the last publish failed.
    Down,
}

/// Calls `on_ready` once the catch-up scan's rows (up to the sequence the
/// merge stage sent) are acknowledged, or as soon as they are committed
/// while NATS is down.
async fn ready_stage(
    store: Arc<Store>,
    outbox: Arc<Outbox>,
    mut ready: watch::Receiver<Option<u64>>,
    mut link: watch::Receiver<Link>,
    on_ready: impl FnOnce(),
) {
    loop {
        if let Some(upto) = *ready.borrow_and_update() {
            let first = store
                .outbox_after(0, 1)
                .ok()
                .and_then(|r| r.first().map(|(s, _)| *s));
            if first.is_none_or(|s| s > upto) {
                return on_ready();
            }
            if *link.borrow_and_update() == Link::Down {
                if outbox.scratch {
                    warn!(
                        outbox = outbox.len(),
                        "catch-up scan committed to the replay's scratch outbox, but NATS is unreachable: the replay stops and its messages are not published"
                    );
                } else {
                    info!(
                        outbox = outbox.len(),
                        "catch-up scan committed to the outbox; NATS unreachable, so ready now: it is published when NATS is back"
                    );
                }
                return on_ready();
            }
        }
        tokio::select! {
            r = ready.changed() => if r.is_err() { return },
            r = link.changed() => if r.is_err() { return },
            _ = outbox.acked.notified() => {}
        }
    }
}

/// The outbox's size, shared by the merge stage (which waits while it is
/// full) and the publisher (which wakes on new rows).
struct Outbox {
    state: Mutex<OutboxState>,
    /// Rows were acknowledged, or the publisher's state changed.
    changed: Condvar,
    max: u64,
    /// New rows were committed (wakes the publisher).
    added: Notify,
    /// Rows were acknowledged (wakes the ready stage).
    acked: Notify,
    /// The merge stage has finished: no more rows will come.
    closed: AtomicBool,
    /// The state is removed at exit (`replay`, see [`Progress::scratch`]).
    scratch: bool,
}

#[derive(Debug, Default)]
struct OutboxState {
    len: u64,
    /// NATS is unreachable or refusing: a full outbox is then worth a warning.
    outage: bool,
    /// The "outbox full" warning was given during this outage.
    warned: bool,
    /// The publisher has stopped (shutdown during an outage, or failed):
    /// the merge stage no longer waits for room, it only commits.
    abandoned: bool,
}

impl Outbox {
    fn new(len: u64, max: u64, scratch: bool) -> Outbox {
        Outbox {
            state: Mutex::new(OutboxState {
                len,
                ..Default::default()
            }),
            changed: Condvar::new(),
            max,
            added: Notify::new(),
            acked: Notify::new(),
            closed: AtomicBool::new(false),
            scratch,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, OutboxState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn len(&self) -> u64 {
        self.lock().len
    }

    /// Blocks (merge thread) while the outbox is at its bound. During an
    /// outage that is worth one warning; while NATS works it is ordinary
    /// back-pressure (the publisher is just behind).
    fn wait_for_room(&self) {
        let mut st = self.lock();
        let mut warned_here = false;
        while st.len >= self.max && !st.abandoned {
            if st.outage && !st.warned {
                warn!(
                    outbox = st.len,
                    max = self.max,
                    "outbox full (state.outbox_max_messages): intake paused until NATS takes messages again; nothing is dropped"
                );
                st.warned = true;
                warned_here = true;
            }
            st = self.changed.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        if warned_here {
            info!(outbox = st.len, "outbox below its bound: intake resumed");
        }
    }

    fn add(&self, n: u64) {
        self.lock().len += n;
        self.added.notify_one();
    }

    fn remove(&self, n: u64) {
        let mut st = self.lock();
        st.len = st.len.saturating_sub(n);
        self.changed.notify_all();
        self.acked.notify_one();
    }

    fn set_outage(&self, outage: bool) {
        let mut st = self.lock();
        if st.outage != outage {
            st.outage = outage;
            st.warned &= outage;
            self.changed.notify_all();
        }
    }

    fn abandon(&self) {
        self.lock().abandoned = true;
        self.changed.notify_all();
    }

    fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        self.added.notify_one();
    }
}

/// Retries `f` with a bounded exponential backoff until it succeeds, saying
/// once why it is stuck and once that it recovered (a full or read-only
/// state folder pauses the pipeline here instead of losing the article).
fn retry_store<T>(what: &str, mut f: impl FnMut() -> Result<T, crate::store::StoreError>) -> T {
    let mut delay = Duration::from_millis(100);
    let mut since: Option<Instant> = None;
    loop {
        match f() {
            Ok(v) => {
                if let Some(t) = since {
                    info!(
                        what,
                        paused_ms = t.elapsed().as_millis() as u64,
                        "state store writable again; resumed"
                    );
                }
                return v;
            }
            Err(e) => {
                if since.is_none() {
                    warn!(what, error = %e, "state store write failed (disk full or read-only?): paused, retrying until it succeeds");
                    since = Some(Instant::now());
                }
                std::thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(5));
            }
        }
    }
}

/// How old the reader's view of the store may get (see [`Durable`]).
const SNAPSHOT_AGE: Duration = Duration::from_millis(50);

/// The read stage's view of the store: file records and recorded content
/// ids, through one read snapshot renewed every [`SNAPSHOT_AGE`] (a read
/// transaction per file costs more than the look-up). A view a little old
/// only misses what was committed since: such a file is read and hashed and
/// then recognised by its content id, which the reader still holds until
/// a fresh view covers it ([`Known::refresh`]).
struct Durable {
    store: Arc<Store>,
    snap: Mutex<(Instant, Snapshot)>,
}

impl Durable {
    fn new(store: Arc<Store>) -> Result<Durable, crate::store::StoreError> {
        let snap = store.snapshot()?;
        Ok(Durable {
            store,
            snap: Mutex::new((Instant::now(), snap)),
        })
    }

    fn with<T>(&self, fresh: bool, f: impl FnOnce(&Snapshot) -> T) -> T {
        let mut g = self.snap.lock().unwrap_or_else(|e| e.into_inner());
        if fresh || g.0.elapsed() >= SNAPSHOT_AGE {
            match self.store.snapshot() {
                Ok(s) => *g = (Instant::now(), s),
                // The old view stays: it is only older, never wrong.
                Err(e) => warn!(error = %e, "cannot read the state store; using an older view"),
            }
        }
        f(&g.1)
    }

    fn file(&self, path: &str) -> Option<FileRecord> {
        self.with(false, |s| s.file(path))
    }
}

impl Known for Durable {
    fn knows(&self, id: &str) -> bool {
        self.with(false, |s| s.knows(id))
    }

    fn refresh(&self) {
        self.with(true, |_| ());
    }
}

/// What the read stage needs for the fast start-up check.
struct Files {
    durable: Arc<Durable>,
    /// File records in the store when the daemon started.
    at_start: u64,
    /// The watched folders: a record of a file outside them is dropped.
    roots: Vec<std::path::PathBuf>,
}

/// Reads files into articles. A file whose path, size, mtime and inode match
/// the record of an article already processed (the `files` table) is
/// skipped without being opened: at start-up most of a large folder is
/// already done, and statting is far cheaper than reading and hashing. Any
/// other file is read and hashed, so content (not the name) stays the
/// identity: a renamed file is recognised by its content id, a changed one
/// is a new version.
///
/// Records of files no longer there are dropped after the start-up scan.
/// Which ones is not known by holding every listed path: the scan counts
/// the listed paths that have a record, and only if fewer than all records
/// were listed does it go through the table and drop those whose file is
/// gone (or lies outside the watched folders).
fn read_stage(
    mut reader: Reader,
    lexicon: Arc<Lexicon>,
    files: Files,
    mut rx: mpsc::Receiver<WatchEvent>,
    mut tx: Turns<mpsc::Sender<Msg>>,
    stop: watch::Receiver<bool>,
    progress: &Progress,
) {
    // Whether the start-up scan is still coming in.
    let mut listing = true;
    let (mut unchanged, mut read, mut recorded) = (0u64, 0u64, 0u64);
    while let Some(ev) = rx.blocking_recv() {
        // On shutdown, files still queued are left for the next start's
        // catch-up scan (nothing of them is recorded yet): the drain covers
        // only what is already read, so SIGTERM is quick even mid-backfill.
        if *stop.borrow() {
            info!("shutting down: files still queued are left for the next start");
            break;
        }
        let msg = match ev {
            WatchEvent::CaughtUp => {
                if listing {
                    listing = false;
                    let mut forgotten = 0;
                    if recorded < files.at_start {
                        let keep = |p: &str| {
                            let p = Path::new(p);
                            files.roots.iter().any(|r| p.starts_with(r))
                                && std::fs::symlink_metadata(p).is_ok()
                        };
                        match files.durable.store.forget_files_unless(keep) {
                            Ok(n) => forgotten = n,
                            Err(e) => {
                                warn!(error = %e, "could not drop the records of removed files")
                            }
                        }
                    }
                    info!(
                        unchanged,
                        read,
                        forgotten,
                        "start-up scan: {unchanged} files unchanged since processed, skipped without reading"
                    );
                }
                Msg::CaughtUp
            }
            WatchEvent::File(path) => {
                let key = path.to_string_lossy().into_owned();
                // Stamped before reading: a change during the read leaves a
                // stale stamp, which only costs a read next time.
                let meta = std::fs::metadata(&path).ok();
                let rec = files.durable.file(&key);
                if listing {
                    progress.listed.fetch_add(1, Ordering::Relaxed);
                    recorded += u64::from(rec.is_some());
                }
                if let (Some(rec), Some(m)) = (&rec, &meta) {
                    if rec.matches(m) {
                        unchanged += 1;
                        debug!(file = %path.display(), "unchanged since processed; not read");
                        continue;
                    }
                }
                read += 1;
                // Decoding and reduction to text, which can refuse the
                // file, happen here in order; the rest of the parsing is
                // the extract worker's (see `extract_stage`). The reader
                // takes the stamp's metadata as its own before-read check.
                match reader.read_draft_stated(&path, meta.clone(), &lexicon) {
                    Ok(Some(a)) => {
                        debug!(file = %path.display(), id = %a.id, "article read");
                        let stamp = meta.map(|m| (key, FileRecord::of(&m, &a.id)));
                        Msg::Article(a, stamp)
                    }
                    Ok(None) => {
                        debug!(file = %path.display(), "already processed");
                        continue;
                    }
                    Err(r) => Msg::Output(rejected(&r)),
                }
            }
        };
        if tx.next().blocking_send(msg).is_err() {
            return;
        }
    }
}

/// How many extract workers run: one per core, at most four (merging, the
/// reader and the broker need cores too; beyond that the merge stage is the
/// limit).
fn extract_workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// Channels used in turn, one message each: the reader sends its `n`-th
/// message to worker `n mod k`, and the merge stage takes its `n`-th from
/// the same worker, so the order (which decides event ids and revisions) is
/// the reader's whatever the workers' speeds, with no reordering buffer:
/// every channel stays bounded, and a slow article holds up the others by
/// at most one channel's capacity.
struct Turns<T> {
    all: Vec<T>,
    turn: usize,
}

impl<T> Turns<T> {
    fn new(all: Vec<T>) -> Turns<T> {
        assert!(!all.is_empty(), "at least one channel");
        Turns { all, turn: 0 }
    }

    /// The channel whose turn it is; the turn passes on.
    fn next(&mut self) -> &mut T {
        let i = self.turn;
        self.turn = (i + 1) % self.all.len();
        &mut self.all[i]
    }
}

impl Turns<mpsc::Receiver<Msg>> {
    /// The next message in order, waiting for it; `None` once the channel
    /// whose turn it is has closed (the reader stopped, so every later
    /// turn is empty too).
    fn blocking_recv(&mut self) -> Option<Msg> {
        let i = self.turn;
        let msg = self.all[i].blocking_recv()?;
        self.turn = (i + 1) % self.all.len();
        Some(msg)
    }

    /// The next message in order if it is already there.
    fn try_recv(&mut self) -> Option<Msg> {
        let i = self.turn;
        let msg = self.all[i].try_recv().ok()?;
        self.turn = (i + 1) % self.all.len();
        Some(msg)
    }
}

fn extract_stage(
    extractor: Extractor,
    mut rx: mpsc::Receiver<Msg>,
    tx: mpsc::Sender<Msg>,
    stop: watch::Receiver<bool>,
) {
    while let Some(msg) = rx.blocking_recv() {
        let msg = match msg {
            // Read but not yet committed: the next start reads it again.
            // Passed on unextracted (the merge stage drops it), not left
            // out, so the workers' turns stay in step.
            Msg::Article(..) if *stop.borrow() => msg,
            Msg::Article(draft, file) => {
                // The reader's half of parsing is done; title, date and
                // language (language detection is the costly part) are
                // found here, off the reader's single thread.
                let a = draft.finish(extractor.lexicon());
                debug!(file = %a.file, id = %a.id, lang = %a.language, "article parsed");
                let m = extractor.extract(&a);
                Msg::Mentions(a, m, file)
            }
            other => other,
        };
        if tx.blocking_send(msg).is_err() {
            return;
        }
    }
}

/// What the merge stage has committed to the outbox so far, and what the
/// start-up scan has listed.
#[derive(Debug, Default)]
pub struct Progress {
    pub articles: AtomicU64,
    pub events: AtomicU64,
    /// Files the start-up scan has handed over so far (a replay's total:
    /// the folder is listed once, by the scan, not again to count it).
    pub listed: AtomicU64,
    /// The state is scratch, removed once `run` returns (`replay`): rows
    /// left in its outbox are never published by a next start, and the
    /// warnings must not promise it.
    pub scratch: bool,
}

impl Progress {
    fn add(&self, writes: &[MergeWrite], articles: usize) {
        let events = writes
            .iter()
            .flat_map(|w| &w.rows)
            .filter(|r| r.kind == Kind::Event)
            .count();
        self.articles.fetch_add(articles as u64, Ordering::Relaxed);
        self.events.fetch_add(events as u64, Ordering::Relaxed);
    }
}

/// Most merge steps written in one transaction (see [`merge_stage`]). Each
/// group's rows and pages are live at once: 128 keeps that swing to a few
/// MB at the cost of a sync per 128 articles in a backfill.
const GROUP_COMMIT: usize = 128;

/// One commit group: the merge steps of the articles that were waiting,
/// handed from the merge stage to the commit stage.
struct Group {
    writes: Vec<MergeWrite>,
    rows: u64,
    /// Each article's file and number of outputs (logged once committed).
    files: Vec<(String, usize)>,
    /// The catch-up scan's last article is in (or before) this group.
    caught_up: bool,
}

/// Merges articles into outbox rows and state changes, a group at a time
/// for the commit stage. Articles already waiting are merged into the same
/// group (up to [`GROUP_COMMIT`]): one transaction and one sync to disk per
/// group keeps a backfill from queueing behind the disk, while a lone live
/// article is committed at once. The next group is merged while the commit
/// stage writes this one (the merge state may run one group ahead of the
/// store; a crash restarts from the store, where it is consistent).
fn merge_stage(
    mut merge: Merge,
    outbox: Arc<Outbox>,
    in_flight: Arc<AtomicU64>,
    prefix: &str,
    mut rx: Turns<mpsc::Receiver<Msg>>,
    groups: std::sync::mpsc::SyncSender<Group>,
) {
    let mut dropped = 0u64;
    while let Some(first) = rx.blocking_recv() {
        let mut writes = Vec::new();
        let mut rows = 0u64;
        let mut files = Vec::new();
        let mut caught_up = false;
        let mut next = Some(first);
        while let Some(msg) = next.take() {
            match msg {
                Msg::Mentions(a, m, file) => {
                    let mut w = merge.apply_write(prefix, &a, m);
                    w.file = file;
                    files.push((a.file, w.rows.len()));
                    rows += w.rows.len() as u64;
                    writes.push(w);
                }
                Msg::Output(o) => {
                    let w = merge.write(prefix, None, std::slice::from_ref(&o));
                    rows += w.rows.len() as u64;
                    writes.push(w);
                }
                // What came before is committed first, then readiness told.
                Msg::CaughtUp => {
                    caught_up = true;
                    break;
                }
                // Read but not extracted: shutting down (see `extract_stage`).
                Msg::Article(..) => dropped += 1,
            }
            // A group stops where the outbox's bound is reached (counting
            // the rows of a group still being committed), so that the bound
            // holds within one article's outputs and an outage pauses
            // intake (with its warning) instead of taking a whole backlog in.
            let waiting = outbox.len() + in_flight.load(Ordering::SeqCst) + rows;
            if writes.len() < GROUP_COMMIT && waiting < outbox.max {
                next = rx.try_recv();
            }
        }
        if caught_up {
            merge.log_held();
        }
        if writes.is_empty() && !caught_up {
            continue;
        }
        in_flight.fetch_add(rows, Ordering::SeqCst);
        let group = Group {
            writes,
            rows,
            files,
            caught_up,
        };
        if groups.send(group).is_err() {
            // The commit stage is gone (it only ends when this one does).
            break;
        }
    }
    merge.log_held();
    if dropped > 0 {
        // Nothing of them is recorded: the next start's catch-up reads them.
        info!(
            dropped,
            "shutting down: {dropped} articles read but not merged are left for the next start"
        );
    }
}

/// Writes each group from the merge stage to the store in one transaction
/// (outbox rows with the state changes that caused them), once the outbox
/// has room; tells readiness once the catch-up's groups are committed.
fn commit_stage(
    store: Arc<Store>,
    outbox: Arc<Outbox>,
    in_flight: Arc<AtomicU64>,
    groups: std::sync::mpsc::Receiver<Group>,
    ready: watch::Sender<Option<u64>>,
    progress: Arc<Progress>,
) {
    let mut last_seq = store.last_seq();
    for group in groups {
        if !group.writes.is_empty() {
            outbox.wait_for_room();
            last_seq = retry_store("outbox", || store.commit_merges(&group.writes));
            outbox.add(group.rows);
            in_flight.fetch_sub(group.rows, Ordering::SeqCst);
            progress.add(&group.writes, group.files.len());
            for (file, outputs) in group.files {
                // Logged once durable: from here the article cannot be lost.
                info!(
                    file,
                    outputs,
                    outbox = outbox.len(),
                    "article processed (committed to the outbox)"
                );
            }
        }
        if group.caught_up {
            ready.send_replace(Some(last_seq));
        }
    }
    outbox.close();
}

/// Acknowledged rows being deleted from the outbox (see [`publish_stage`]).
struct Deleting {
    rows: u64,
    /// Committed without a sync to disk (more rows were waiting).
    unsynced: bool,
    task: tokio::task::JoinHandle<Vec<(String, String)>>,
}

impl Deleting {
    /// Waits for the deletion to be committed, then counts the rows off
    /// (which wakes the merge stage and the ready check). With `sync`, a
    /// deletion committed without a sync is made durable first: the
    /// publisher is going idle (or NATS failed), so no later commit of its
    /// own will.
    async fn finish(self, outbox: &Outbox, store: &Arc<Store>, sync: bool) -> anyhow::Result<()> {
        for (id, file) in self.task.await? {
            debug!(id, file, "article done");
        }
        if sync && self.unsynced {
            let store = store.clone();
            tokio::task::spawn_blocking(move || {
                retry_store("acknowledged rows", || store.persist())
            })
            .await?;
        }
        outbox.remove(self.rows);
        Ok(())
    }
}

/// A batch of outbox rows sent to the sink, its acknowledgements not yet
/// awaited (see [`publish_stage`]).
struct InFlight {
    seqs: Vec<u64>,
    rows: Vec<OutboxRow>,
    sent: Sent,
    /// The batch was as large as a read may be: more rows are likely waiting.
    full: bool,
}

/// Publishes the outbox in sequence order and deletes rows only once the
/// sink acknowledged them. NATS failures keep the rows and back off; one
/// warning per outage, one notice when it is over. Opens the NATS sink
/// itself (retrying while the server is unreachable), so intake never waits
/// for it; a sink that cannot work at all stops the daemon through `stop`.
async fn publish_stage(
    settings: Settings,
    sink: Option<Sink>,
    store: Arc<Store>,
    outbox: Arc<Outbox>,
    link: watch::Sender<Link>,
    mut shutdown: watch::Receiver<bool>,
    stop: Arc<watch::Sender<bool>>,
) -> anyhow::Result<()> {
    // Rows read, sent and awaited together (the next batch is sent before
    // this one is awaited, see `in_flight`): one read, one KV round and
    // one deletion per batch. With 256 and no overlap a backfill's
    // publisher, not its merge stage, set the pace.
    const BATCH: usize = 1024;
    // Where rows left in the outbox at exit go.
    let left = if outbox.scratch {
        "the replay's scratch outbox is removed, so they are not published: run the replay again"
    } else {
        "they are published on the next start"
    };
    let started = Instant::now();
    let mut sink = match sink {
        Some(s) => s,
        None => {
            let mut link_rx = link.subscribe();
            let mut shut = shutdown.clone();
            let give_up = async {
                let _ = shut.wait_for(|s| *s).await;
                let _ = link_rx.wait_for(|l| *l == Link::Down).await;
            };
            let on_unreachable = || {
                link.send_replace(Link::Down);
                outbox.set_outage(true);
            };
            tokio::select! {
                opened = Sink::open_with(&settings, on_unreachable) => match opened {
                    Ok(s) => s,
                    Err(e) => {
                        outbox.abandon();
                        stop.send_replace(true);
                        return Err(e);
                    }
                },
                _ = give_up => {
                    outbox.abandon();
                    warn!(outbox = outbox.len(), "shutting down before NATS was reachable; {left}");
                    return Ok(());
                }
            }
        }
    };
    // The last row read and sent: the next batch is read after it.
    let mut cursor = 0u64;
    let mut outage = (*link.borrow() == Link::Down).then_some(started);
    let mut recovering = false;
    let mut delay = Duration::from_millis(100);
    // The acknowledged rows of the last batch being deleted from the store,
    // while the next batch is published: the commit (a sync to disk) need
    // not hold up the broker. One at a time, so they commit in order.
    let mut deleting: Option<Deleting> = None;
    // Deletions committed without a sync since the last synced one: redb
    // holds their pages in memory until a synced commit, so at most
    // `UNSYNCED_ACKS` in a row (a backlog drained after the merge stage has
    // stopped committing would otherwise grow the process by its size).
    const UNSYNCED_ACKS: u32 = 8;
    let mut unsynced_run = 0;
    // The batch sent last, its acknowledgements on the way: the next batch
    // is sent before they are awaited, so the broker is not left idle
    // while a batch's last acknowledgement, its KV puts and the next read
    // go by. At most two batches are out; rows leave the outbox only once
    // acknowledged, in order.
    let mut in_flight: Option<InFlight> = None;
    link.send_replace(Link::Up);
    loop {
        let batch = match store.outbox_after(cursor, BATCH) {
            Ok(b) => b,
            Err(e) => {
                warn!(error = %e, "cannot read the outbox; retrying");
                if in_flight.is_none() {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
                // Settle what is out first; the read is tried again after.
                Vec::new()
            }
        };
        let sent = match batch.last() {
            None => None,
            Some(&(last, _)) => {
                let full = batch.len() == BATCH;
                let (seqs, rows): (Vec<u64>, Vec<OutboxRow>) = batch.into_iter().unzip();
                let sent = sink.send_rows(&rows).await;
                cursor = last;
                Some(InFlight {
                    seqs,
                    rows,
                    sent,
                    full,
                })
            }
        };
        let settling = match sent {
            Some(new) => in_flight.replace(new),
            None => in_flight.take(),
        };
        let Some(InFlight {
            seqs,
            rows,
            sent,
            full,
        }) = settling
        else {
            if in_flight.is_some() {
                // The first batch after an idle spell: sent, settled with
                // the next one (or alone, when none follows).
                continue;
            }
            // Nothing more to send: the last deletion is finished first,
            // so the outbox counts (and readiness) see it.
            if let Some(d) = deleting.take() {
                d.finish(&outbox, &store, true).await?;
            }
            if recovering && outbox.len() == 0 {
                recovering = false;
                info!("outbox drained");
            }
            if outbox.closed.load(Ordering::SeqCst) {
                break;
            }
            outbox.added.notified().await;
            continue;
        };
        let (n, err) = sink.settle(&rows, sent).await;
        if n > 0 {
            let acked: Vec<(u64, Option<String>)> = seqs[..n]
                .iter()
                .zip(rows)
                .map(|(seq, r)| (*seq, r.article))
                .collect();
            if let Some(d) = deleting.take() {
                d.finish(&outbox, &store, false).await?;
            }
            // More rows wait (a full batch, or one already sent after it):
            // the deletion after them syncs this one too (see `Store::ack`).
            let more = full || in_flight.is_some();
            let unsynced = more && err.is_none() && unsynced_run < UNSYNCED_ACKS;
            unsynced_run = if unsynced { unsynced_run + 1 } else { 0 };
            let store2 = store.clone();
            deleting = Some(Deleting {
                rows: n as u64,
                unsynced,
                task: tokio::task::spawn_blocking(move || {
                    retry_store("acknowledged rows", || store2.ack(&acked, !unsynced))
                }),
            });
            if let Some(since) = outage.take() {
                recovering = true;
                link.send_replace(Link::Up);
                outbox.set_outage(false);
                info!(
                    down_ms = since.elapsed().as_millis() as u64,
                    outbox = outbox.len(),
                    "publishing works again; draining the outbox"
                );
            }
            delay = Duration::from_millis(100);
        }
        if let Some(e) = err {
            // Everything after the last acknowledged row is sent again,
            // the batch sent after this one included (abandoned unsettled:
            // what of it landed, JetStream drops by `Nats-Msg-Id`).
            in_flight = None;
            cursor = match n.checked_sub(1) {
                Some(i) => seqs[i],
                None => seqs[0].saturating_sub(1),
            };
            if let Some(d) = deleting.take() {
                d.finish(&outbox, &store, true).await?;
            }
            if outage.is_none() {
                warn!(
                    error = format!("{e:#}"),
                    outbox = outbox.len(),
                    "publishing failed: messages stay in the outbox and are retried; intake goes on"
                );
                outage = Some(Instant::now());
                link.send_replace(Link::Down);
                outbox.set_outage(true);
            }
            if *shutdown.borrow() {
                // Let the merge stage commit what is in flight, then leave.
                outbox.abandon();
                if outbox.closed.load(Ordering::SeqCst) {
                    warn!(
                        outbox = outbox.len(),
                        "shutting down with messages in the outbox; {left}"
                    );
                    return Ok(());
                }
                tokio::time::sleep(delay).await;
            } else {
                tokio::select! {
                    _ = tokio::time::sleep(delay) => {}
                    _ = shutdown.changed() => {}
                }
            }
            delay = (delay * 2).min(Duration::from_secs(5));
        }
    }
    sink.flush().await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, EventType, Evidence, Fatalities};

    /// Article `n` of a shuffled backfill: one mention between two of a
    /// handful of actors, dated anywhere in two years.
    fn article(n: u64) -> (Article, Vec<Mention>) {
        let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
        let mut next = |k: u64| {
            x ^= x >> 29;
            x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
            x % k
        };
        let codes = ["RUS", "UKR", "SYR", "TUR", "ISR", "LBN", "IRN", "USA"];
        let (s, t) = (codes[next(8) as usize], codes[next(8) as usize]);
        let actor = |c: &str| Actor {
            code: c.into(),
            name: c.into(),
            sector: "GOV".into(),
        };
        let id = format!("{n:016x}");
        let date =
            NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(next(730) as i64);
        let types = [
            EventType::Assault,
            EventType::Threaten,
            EventType::Agree,
            EventType::Accuse,
        ];
        let m = Mention {
            event_type: types[next(4) as usize],
            mode: None,
            source: actor(s),
            target: Some(actor(t)),
            date,
            date_precision: DatePrecision::Day,
            date_stated: true,
            location: None,
            fatalities: Fatalities {
                killed: (next(3) == 0).then(|| next(20) as u32),
                wounded: None,
            },
            confidence: 0.8,
            evidence: Evidence {
                article: id.clone(),
                file: format!("{n}.txt"),
                language: "en".into(),
                span: [0, 1],
                text: "x".into(),
            },
        };
        let a = Article {
            id,
            file: format!("{n}.txt"),
            path: format!("{n}.txt").into(),
            title: None,
            published: Some(date),
            published_exact: true,
            received: None,
            url: None,
            language: "en".into(),
            text: String::new(),
            offsets: Default::default(),
        };
        (a, vec![m])
    }

    /// What a step published, without wall-clock times.
    fn ids(outs: &[Output]) -> Vec<String> {
        outs.iter()
            .map(|o| {
                let r = subjects::route("fp", o).unwrap();
                format!("{} {}", r.subject, r.msg_id)
            })
            .collect()
    }

    /// With more events dated inside the window than `dedup_window_events`,
    /// the window holds about that many (the oldest-dated leave first), and
    /// a merge state restored from the store at any step goes on exactly as
    /// the uninterrupted one.
    #[test]
    fn the_event_bound_holds_and_a_restart_goes_on_alike() {
        let mut settings = Settings::default();
        settings.state.dedup_window_days = 365;
        settings.state.dedup_window_events = 40;
        // One run uninterrupted, one restored from its store every 150
        // articles: the same messages at every step.
        let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let (store_a, store_b) = (
            Store::open(dir_a.path()).unwrap(),
            Store::open(dir_b.path()).unwrap(),
        );
        let mut merge = Merge::windowed(&settings);
        let mut restarted = Merge::windowed(&settings);
        let mut most = 0;
        for n in 0..600 {
            if n % 150 == 149 {
                restarted = Merge::restore(&settings, &store_b).unwrap();
            }
            let (a, m) = article(n);
            let outs = merge.apply(&a, m.clone());
            store_a
                .commit_merges(&[merge.write("fp", Some(&a), &outs)])
                .unwrap();
            let again = restarted.apply(&a, m);
            store_b
                .commit_merges(&[restarted.write("fp", Some(&a), &again)])
                .unwrap();
            assert_eq!(ids(&outs), ids(&again), "article {n}");
            most = most.max(merge.dedup.events().len());
        }
        assert!(merge.floor.is_some(), "the bound cut the window");
        assert!(most <= 40 + 40 / 8 + 1, "held {most} events");
        // Without the bound the same articles hold many more.
        let mut free = Merge::windowed(&Settings {
            state: crate::config::StateSettings {
                dedup_window_events: 0,
                ..settings.state.clone()
            },
            ..settings.clone()
        });
        for n in 0..600 {
            let (a, m) = article(n);
            free.apply(&a, m);
        }
        assert!(
            free.dedup.events().len() > 100,
            "{}",
            free.dedup.events().len()
        );
    }

    /// JSON with the wall-clock fields blanked (two runs differ only there).
    fn masked(bytes: &[u8]) -> serde_json::Value {
        fn blank(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(o) => {
                    for (k, x) in o.iter_mut() {
                        if matches!(k.as_str(), "first_seen" | "updated" | "at") {
                            *x = serde_json::Value::Null;
                        } else {
                            blank(x);
                        }
                    }
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(blank),
                _ => {}
            }
        }
        let mut v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        blank(&mut v);
        v
    }

    /// The merge stage's `apply_write` (revisions serialised from the dedup
    /// index) writes what `write` of `apply`'s outputs writes, through a
    /// shuffled backfill whose window prunes events in the very step that
    /// revised them.
    #[test]
    fn apply_write_writes_what_write_of_apply_does() {
        let mut settings = Settings::default();
        settings.state.dedup_window_days = 365;
        settings.state.dedup_window_events = 40;
        let (mut old, mut new) = (Merge::windowed(&settings), Merge::windowed(&settings));
        let mut pruned_in_step = 0;
        for n in 0..600 {
            let (a, m) = article(n);
            let outs = old.apply(&a, m.clone());
            let want = old.write("fp", Some(&a), &outs);
            let got = new.apply_write("fp", &a, m);
            assert_eq!(got.article, want.article, "article {n}");
            assert_eq!(got.removed_events, want.removed_events, "article {n}");
            assert_eq!(got.meta, want.meta, "article {n}");
            let rows = |w: &MergeWrite| {
                w.rows
                    .iter()
                    .map(|r| {
                        let head = (
                            r.article.clone(),
                            r.kind,
                            r.subject.clone(),
                            r.msg_id.clone(),
                        );
                        (head, masked(&r.payload))
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(rows(&got), rows(&want), "article {n}");
            let keyed = |v: &[(String, Vec<u8>)]| {
                v.iter()
                    .map(|(k, j)| (k.clone(), masked(j)))
                    .collect::<Vec<_>>()
            };
            assert_eq!(keyed(&got.events), keyed(&want.events), "article {n}");
            assert_eq!(keyed(&got.published), keyed(&want.published), "article {n}");
            pruned_in_step += usize::from(got.rows.iter().any(|r| {
                r.kind == Kind::Event
                    && got
                        .removed_events
                        .iter()
                        .any(|id| r.msg_id.starts_with(&format!("{id}.")))
            }));
        }
        assert!(pruned_in_step > 0, "no step pruned an event it revised");
    }
}
