//! Wiring: the stages as tasks joined by bounded channels.
//!
//! ```text
//! watcher ─▶ read ─▶ extract ─▶ merge (dedup + escalation) ─▶ sink
//!   paths    Article   Mentions      Outputs                   NATS / stdout
//! ```
//! Each task owns its state (the reader its seen-set, merge the dedup index
//! and dyads, the sink its connection) and talks to the next by messages only,
//! so back-pressure flows upstream and a stage can later move to its own
//! process behind NATS. [`Core`] is the same stages run inline, for the
//! one-shot commands (`extract`, `escalation`).

use std::path::Path;
use std::sync::Arc;

use chrono::Utc;
use tokio::sync::{mpsc, watch};
use tracing::{debug, error, info, warn};

use crate::config::Settings;
use crate::dedup::Deduper;
use crate::escalation::Escalation;
use crate::extract::Extractor;
use crate::ingest::reader::Reader;
use crate::ingest::watcher::{self, WatchEvent};
use crate::ingest::Rejection;
use crate::lexicon::Lexicon;
use crate::model::{Article, ArticleNotice, Mention, Output, RejectedNotice};
use crate::publish::Sink;
use crate::store::Store;

/// What flows between the tasks.
#[derive(Debug)]
enum Msg {
    Article(Article),
    Mentions(Article, Vec<Mention>),
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
}

impl Merge {
    pub fn new(settings: &Settings) -> Merge {
        Merge {
            dedup: Deduper::default(),
            escalation: Escalation::new(settings.escalation.clone()),
        }
    }

    /// One article's mentions → its event revisions, the dyad states they
    /// move, and the article notice, in that order.
    pub fn apply(&mut self, article: &Article, mentions: Vec<Mention>) -> Vec<Output> {
        let events = self.dedup.add(mentions, Utc::now());
        let mut out = Vec::with_capacity(events.len() * 2 + 1);
        let mut states = Vec::new();
        for e in &events {
            states.extend(self.escalation.update(e));
        }
        let ids: Vec<String> = events.iter().map(|e| e.id.clone()).collect();
        out.extend(events.into_iter().map(|e| Output::Event(Box::new(e))));
        out.extend(states.into_iter().map(|s| Output::Escalation(Box::new(s))));
        out.push(Output::Article(ArticleNotice {
            schema: "flashpoint.article.v1".into(),
            id: article.id.clone(),
            file: article.file.clone(),
            title: article.title.clone(),
            published: article.published,
            url: article.url.clone(),
            language: article.language.clone(),
            events: ids,
            duplicate_of: None,
        }));
        out
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
/// `on_ready` is called once the start-up scan is published.
pub async fn run(
    settings: Settings,
    lexicon: Arc<Lexicon>,
    shutdown: watch::Receiver<bool>,
    on_ready: impl FnOnce() + Send + 'static,
) -> anyhow::Result<()> {
    let store = Arc::new(Store::open(&settings.state.dir)?);
    let mut reader = Reader::new(settings.limits.max_file_bytes)
        .for_watched_folders(settings.watch.quarantine_dir.clone());
    let done = store.done_ids()?;
    info!(articles = done.len(), state = %settings.state.dir.display(), "state loaded");
    for id in &done {
        reader.mark_seen(id);
    }
    let sink = Sink::open(&settings).await?;
    let cap = settings.limits.channel_capacity;
    let (files_tx, files_rx) = mpsc::channel(cap);
    let (articles_tx, articles_rx) = mpsc::channel(cap);
    let (mentions_tx, mentions_rx) = mpsc::channel(cap);
    let (out_tx, out_rx) = mpsc::channel(cap);

    let watch_settings = settings.watch.clone();
    let watcher = tokio::spawn(watcher::watch(watch_settings, files_tx, shutdown.clone()));
    let read = tokio::task::spawn_blocking({
        let lexicon = lexicon.clone();
        move || read_stage(reader, lexicon, files_rx, articles_tx)
    });
    let extractor = Extractor::new(lexicon, settings.extract.clone());
    let extract =
        tokio::task::spawn_blocking(move || extract_stage(extractor, articles_rx, mentions_tx));
    let merge = Merge::new(&settings);
    let merge = tokio::task::spawn_blocking(move || merge_stage(merge, mentions_rx, out_tx));
    let sink = tokio::spawn(sink_stage(sink, store, out_rx, shutdown.clone(), on_ready));

    let watched = watcher.await?;
    for (name, r) in [
        ("read", read.await),
        ("extract", extract.await),
        ("merge", merge.await),
    ] {
        if let Err(e) = r {
            error!(stage = name, error = %e, "stage failed");
        }
    }
    sink.await??;
    watched
}

fn read_stage(
    mut reader: Reader,
    lexicon: Arc<Lexicon>,
    mut rx: mpsc::Receiver<WatchEvent>,
    tx: mpsc::Sender<Msg>,
) {
    while let Some(ev) = rx.blocking_recv() {
        let msg = match ev {
            WatchEvent::CaughtUp => Msg::CaughtUp,
            WatchEvent::File(path) => match reader.read(&path, &lexicon) {
                Ok(Some(a)) => {
                    debug!(file = %a.file, id = %a.id, lang = %a.language, "article read");
                    Msg::Article(a)
                }
                Ok(None) => {
                    debug!(file = %path.display(), "already processed");
                    continue;
                }
                Err(r) => Msg::Output(rejected(&r)),
            },
        };
        if tx.blocking_send(msg).is_err() {
            return;
        }
    }
}

fn extract_stage(extractor: Extractor, mut rx: mpsc::Receiver<Msg>, tx: mpsc::Sender<Msg>) {
    while let Some(msg) = rx.blocking_recv() {
        let msg = match msg {
            Msg::Article(a) => {
                let m = extractor.extract(&a);
                Msg::Mentions(a, m)
            }
            other => other,
        };
        if tx.blocking_send(msg).is_err() {
            return;
        }
    }
}

fn merge_stage(mut merge: Merge, mut rx: mpsc::Receiver<Msg>, tx: mpsc::Sender<Msg>) {
    while let Some(msg) = rx.blocking_recv() {
        let outs = match msg {
            Msg::Mentions(a, m) => {
                info!(file = %a.file, mentions = m.len(), "article processed");
                merge.apply(&a, m).into_iter().map(Msg::Output).collect()
            }
            other => vec![other],
        };
        for o in outs {
            if tx.blocking_send(o).is_err() {
                return;
            }
        }
    }
}

async fn sink_stage(
    mut sink: Sink,
    store: Arc<Store>,
    mut rx: mpsc::Receiver<Msg>,
    shutdown: watch::Receiver<bool>,
    on_ready: impl FnOnce() + Send + 'static,
) -> anyhow::Result<()> {
    let mut on_ready = Some(on_ready);
    while let Some(msg) = rx.recv().await {
        match msg {
            Msg::Output(out) => {
                let published = publish_with_retry(&mut sink, &out, &shutdown).await;
                // The notice is an article's last message: now it is done.
                if let (true, Output::Article(a)) = (published, &out) {
                    if let Err(e) = store.mark_done(&a.id, &a.file) {
                        error!(error = %e, file = %a.file, "could not record article as done");
                    }
                }
            }
            Msg::CaughtUp => {
                if let Some(f) = on_ready.take() {
                    f();
                }
            }
            Msg::Article(_) | Msg::Mentions(..) => {}
        }
    }
    sink.flush().await
}

/// Publishes, retrying with backoff while the sink fails; gives up only when
/// shutting down (the message is then logged as lost — the durable outbox of
/// a later version removes that case).
async fn publish_with_retry(
    sink: &mut Sink,
    out: &Output,
    shutdown: &watch::Receiver<bool>,
) -> bool {
    let mut delay = std::time::Duration::from_millis(100);
    loop {
        match sink.publish(out).await {
            Ok(()) => return true,
            Err(e) => {
                if *shutdown.borrow() {
                    error!(error = %e, "publish failed during shutdown; message dropped");
                    return false;
                }
                warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "publish failed");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(std::time::Duration::from_secs(10));
            }
        }
    }
}
