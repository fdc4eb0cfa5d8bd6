//! The NATS sink: JetStream stream, escalation KV bucket and the
//! `<prefix>.api.escalation` micro-service (SPEC §5).
//!
//! Delivery is at-least-once from the pipeline's side and effectively once on
//! the server: every message carries a content-derived `Nats-Msg-Id` (see
//! [`subjects`]) and the stream's duplicate window drops retries. A message
//! counts as published only once JetStream's `PublishAck` has arrived, which
//! is what lets ingest mark a file as done.
//!
//! Everything used here exists in nats-server 2.9 (Debian's 2.9.10): no stream
//! metadata, subject transforms or compression.

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use anyhow::{bail, Context as _};
use async_nats::jetstream::{self, context::GetStreamErrorKind, kv, stream, ErrorCode};
use async_nats::service::{Service, ServiceExt};
use async_nats::{Client, ConnectErrorKind, ConnectOptions, Event};
use bytes::Bytes;
use futures::{FutureExt, StreamExt, TryStreamExt};
use tokio::task::JoinHandle;

use super::subjects;
use crate::config::{NatsSettings, Settings};
use crate::model::{EscalationState, Output};
use crate::store::{Kind, OutboxRow};

/// Latest escalation state per dyad, shared with the API endpoint task.
pub type StateMap = Arc<RwLock<BTreeMap<String, EscalationState>>>;

/// How long to wait for the KV bucket to list its keys at start-up before
/// giving up on preloading the API's states (they fill in as states change).
const PRELOAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How long `flush` waits for the escalation endpoint to stop.
const STOP_TIMEOUT: Duration = Duration::from_secs(5);

/// How often to say we are still waiting for the server at start-up.
const WAIT_LOG_INTERVAL: Duration = Duration::from_secs(10);

/// Rows sent by [`NatsSink::send_rows`], to be settled.
pub enum Sent {
    /// Their acknowledgements on the way, and the error that stopped the
    /// sending before the end of the rows (the rest were not sent).
    Acks(
        Vec<jetstream::context::PublishAckFuture>,
        Option<anyhow::Error>,
    ),
    /// Already settled (core NATS): how many went out, and why not the rest.
    Done(usize, Option<anyhow::Error>),
}

/// Publishes [`Output`]s to JetStream and serves the escalation API.
pub struct NatsSink {
    client: Client,
    js: jetstream::Context,
    /// `None` when publishing with core NATS (no JetStream, `nats.core_publish`).
    kv: Option<kv::Store>,
    prefix: String,
    url: String,
    states: StateMap,
    service: Option<Service>,
    api_task: Option<JoinHandle<()>>,
}

impl NatsSink {
    /// Connects to `nats.url`, makes sure the stream and the KV bucket exist,
    /// and starts the escalation service.
    ///
    /// The first connection is retried forever with backoff, so the daemon
    /// may start before its server; this call returns once the server
    /// answered and everything is set up. A server without JetStream, a bad
    /// address or refused credentials are errors.
    pub async fn connect(settings: &Settings) -> anyhow::Result<Self> {
        Self::connect_with(settings, || {}).await
    }

    /// [`connect`](Self::connect), calling `on_unreachable` once when the
    /// first attempt fails (the daemon then goes on filling its outbox).
    pub async fn connect_with(
        settings: &Settings,
        on_unreachable: impl FnOnce(),
    ) -> anyhow::Result<Self> {
        let cfg = &settings.nats;
        let url = cfg
            .url
            .clone()
            .context("nats.url is not set (the NATS sink needs a server URL)")?;

        // Our own loop rather than `retry_on_initial_connect`: it tells an
        // unreachable server (retried) from a bad address or credentials
        // (fatal), and lets the caller know the server is not there yet.
        let mut on_unreachable = Some(on_unreachable);
        let mut delay = Duration::from_millis(100);
        let mut last_log: Option<std::time::Instant> = None;
        let client = loop {
            let log_url = url.clone();
            let attempt = ConnectOptions::new()
                .name(&cfg.client_name)
                .max_reconnects(None)
                .event_callback(move |event| {
                    let url = log_url.clone();
                    async move { on_event(&url, event) }
                })
                .connect(url.as_str())
                .await;
            match attempt {
                Ok(client) => break client,
                Err(e)
                    if matches!(
                        e.kind(),
                        ConnectErrorKind::Io
                            | ConnectErrorKind::TimedOut
                            | ConnectErrorKind::Dns
                            | ConnectErrorKind::MaxReconnects
                    ) =>
                {
                    if last_log.is_none_or(|t| t.elapsed() >= WAIT_LOG_INTERVAL) {
                        tracing::warn!(url = %url, error = %e, "NATS server unreachable; retrying (intake goes on into the outbox)");
                        last_log = Some(std::time::Instant::now());
                    }
                    if let Some(f) = on_unreachable.take() {
                        f();
                    }
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(5));
                }
                Err(e) => {
                    return Err(anyhow::Error::new(e))
                        .with_context(|| format!("nats.url: cannot use NATS server {url}"))
                }
            }
        };
        tracing::info!(url = %url, "connected to NATS");

        let js = jetstream::new(client.clone());
        let kv = match check_jetstream(&js, &url).await {
            Ok(()) => {
                ensure_stream(&js, cfg).await?;
                let kv = ensure_bucket(&js, &cfg.kv_bucket).await?;
                Some(kv)
            }
            Err(e) if cfg.core_publish && e.downcast_ref::<NoJetStream>().is_some() => {
                tracing::warn!(
                    url = %url,
                    "no JetStream: publishing with core NATS (nats.core_publish); \
                     no stream, no duplicate window, no KV bucket"
                );
                None
            }
            Err(e) if e.downcast_ref::<NoJetStream>().is_some() => {
                return Err(e.context(
                    "refusing to publish without JetStream (set nats.core_publish = true to publish with core NATS)",
                ))
            }
            Err(e) => return Err(e),
        };

        let states: StateMap = Arc::default();
        if let Some(kv) = &kv {
            preload_states(kv, &states).await;
        }

        let (service, api_task) = start_service(&client, cfg, states.clone()).await?;
        // Subscriptions are sent asynchronously. Asking our own endpoint is a
        // round trip after them, so the server has them when `connect`
        // returns (the API answers at once), and it checks the endpoint works.
        let api = subjects::api_escalation_subject(&cfg.subject_prefix);
        match client
            .request(api.clone(), Bytes::from_static(b"all"))
            .await
        {
            Ok(_) => tracing::debug!(subject = %api, "escalation API answers"),
            Err(e) => tracing::warn!(subject = %api, error = %e, "escalation API does not answer"),
        }
        tracing::info!(
            url = %url,
            stream = %cfg.stream,
            kv_bucket = %cfg.kv_bucket,
            service = %cfg.service_name,
            api = %api,
            "NATS sink ready"
        );
        Ok(NatsSink {
            client,
            js,
            kv,
            prefix: cfg.subject_prefix.clone(),
            url,
            states,
            service: Some(service),
            api_task: Some(api_task),
        })
    }

    /// Publishes one message and waits for JetStream's acknowledgement; an
    /// escalation state is then also stored in the KV bucket under its dyad.
    /// Only after that does it return `Ok`.
    pub async fn publish(&mut self, out: &Output) -> anyhow::Result<()> {
        let routed = subjects::route(&self.prefix, out).context("serialising an output message")?;
        if self.kv.is_none() {
            return self
                .publish_core(&routed.subject, &routed.msg_id, &routed.payload)
                .await;
        }
        let payload = Bytes::from(routed.payload);
        let msg = jetstream::message::PublishMessage::build()
            .payload(payload.clone())
            .message_id(&routed.msg_id);
        let ack = self
            .js
            .send_publish(routed.subject.clone(), msg)
            .await
            .with_context(|| {
                format!(
                    "publishing {} to {} on {}",
                    routed.msg_id, routed.subject, self.url
                )
            })?
            .await
            .with_context(|| {
                format!(
                    "no JetStream acknowledgement for {} on {}",
                    routed.msg_id, routed.subject
                )
            })?;
        if ack.duplicate {
            tracing::debug!(msg_id = %routed.msg_id, "already in the stream (duplicate window)");
        }

        if let Output::Escalation(state) = out {
            let key = subjects::dyad_token(&state.dyad);
            let Some(kv) = &self.kv else { return Ok(()) };
            kv.put(&key, payload)
                .await
                .with_context(|| format!("storing escalation state {key} in the KV bucket"))?;
            write_lock(&self.states).insert(state.dyad.clone(), (**state).clone());
        }
        Ok(())
    }

    /// Publishes outbox rows in order with up to all of them awaiting their
    /// `PublishAck` at once (pipelined), then stores escalation states in the
    /// KV bucket. Returns how many rows from the front are acknowledged, and
    /// the error that stopped the rest, if any; the caller keeps and retries
    /// those (same `Nats-Msg-Id`, so a row that did land is dropped as a
    /// duplicate).
    pub async fn publish_rows(&mut self, rows: &[OutboxRow]) -> (usize, Option<anyhow::Error>) {
        let sent = self.send_rows(rows).await;
        self.settle(rows, sent).await
    }

    /// The first half of [`publish_rows`](Self::publish_rows): sends the
    /// rows without awaiting a single acknowledgement, so the caller can
    /// send the next rows while these are acknowledged. With core NATS
    /// (no acknowledgements) the rows are published here in full.
    pub async fn send_rows(&mut self, rows: &[OutboxRow]) -> Sent {
        if self.kv.is_none() {
            for (i, row) in rows.iter().enumerate() {
                if let Err(e) = self
                    .publish_core(&row.subject, &row.msg_id, &row.payload)
                    .await
                {
                    return Sent::Done(i, Some(e));
                }
            }
            return Sent::Done(rows.len(), None);
        }
        let mut acks = Vec::with_capacity(rows.len());
        let mut error = None;
        for row in rows {
            let msg = jetstream::message::PublishMessage::build()
                .payload(row.payload.clone())
                .message_id(&row.msg_id);
            match self.js.send_publish(row.subject.clone(), msg).await {
                Ok(ack) => acks.push(ack),
                Err(e) => {
                    error = Some(anyhow::Error::new(e).context(format!(
                        "publishing {} to {} on {}",
                        row.msg_id, row.subject, self.url
                    )));
                    break;
                }
            }
        }
        Sent::Acks(acks, error)
    }

    /// The second half of [`publish_rows`](Self::publish_rows): awaits the
    /// acknowledgements of `rows` (as [`send_rows`](Self::send_rows) sent
    /// them), then stores their escalation states in the KV bucket.
    pub async fn settle(
        &mut self,
        rows: &[OutboxRow],
        sent: Sent,
    ) -> (usize, Option<anyhow::Error>) {
        let (acks, send_error) = match sent {
            Sent::Done(n, e) => return (n, e),
            Sent::Acks(acks, e) => (acks, e),
        };
        let mut acked = 0;
        let mut failure = send_error;
        for (row, ack) in rows.iter().zip(acks) {
            if let Err(e) = ack.await {
                failure = Some(anyhow::Error::new(e).context(format!(
                    "no JetStream acknowledgement for {} on {}",
                    row.msg_id, row.subject
                )));
                break;
            }
            acked += 1;
        }
        // The KV bucket holds each dyad's latest state: only the last one of
        // the batch is stored, all dyads at once.
        match self.store_states(&rows[..acked]).await {
            Ok(()) => (acked, failure),
            Err((first_row, e)) => (first_row, Some(e)),
        }
    }

    /// Stores the last escalation state per dyad among `rows` in the KV
    /// bucket. On failure, returns the first row of a dyad not stored: rows
    /// from there on are published again (JetStream drops the duplicates).
    async fn store_states(&mut self, rows: &[OutboxRow]) -> Result<(), (usize, anyhow::Error)> {
        let Some(kv) = &self.kv else { return Ok(()) };
        // Each dyad's first and last row in the batch, by subject (one per
        // dyad): only the last state is read back, not every one of them.
        let mut rows_of: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (i, row) in rows.iter().enumerate() {
            if row.kind == Kind::Escalation {
                rows_of
                    .entry(row.subject.as_str())
                    .and_modify(|r| r.1 = i)
                    .or_insert((i, i));
            }
        }
        let mut latest: BTreeMap<String, (usize, EscalationState, &Bytes)> = BTreeMap::new();
        for &(first, last) in rows_of.values() {
            let payload = &rows[last].payload;
            let state: EscalationState = serde_json::from_slice(payload)
                .context("reading an escalation state")
                .map_err(|e| (first, e))?;
            latest.insert(state.dyad.clone(), (first, state, payload));
        }
        let puts = latest.values().map(|(first, state, payload)| async move {
            let key = subjects::dyad_token(&state.dyad);
            kv.put(&key, Bytes::clone(payload))
                .await
                .with_context(|| format!("storing escalation state {key} in the KV bucket"))
                .map(|_| ())
                .map_err(|e| (*first, e))
        });
        let results = futures::future::join_all(puts).await;
        let mut failed: Option<(usize, anyhow::Error)> = None;
        let mut map = write_lock(&self.states);
        for ((_, state, _), r) in latest.into_values().zip(results) {
            match r {
                Ok(()) => {
                    map.insert(state.dyad.clone(), state);
                }
                Err((first, e)) if failed.as_ref().is_none_or(|f| first < f.0) => {
                    failed = Some((first, e))
                }
                Err(_) => {}
            }
        }
        failed.map_or(Ok(()), Err)
    }

    /// Core NATS: a publish flushed to the server counts as delivered (the
    /// best core NATS offers); the msg id still goes along as a header.
    async fn publish_core(
        &mut self,
        subject: &str,
        msg_id: &str,
        payload: &[u8],
    ) -> anyhow::Result<()> {
        let mut headers = async_nats::HeaderMap::new();
        headers.insert("Nats-Msg-Id", msg_id);
        self.client
            .publish_with_headers(subject.to_string(), headers, Bytes::from(payload.to_vec()))
            .await
            .with_context(|| format!("publishing {msg_id} to {subject} on {}", self.url))?;
        self.client
            .flush()
            .await
            .with_context(|| format!("flushing {msg_id} to {}", self.url))?;
        if subject.contains(".escalation.") {
            if let Ok(state) = serde_json::from_slice::<EscalationState>(payload) {
                write_lock(&self.states).insert(state.dyad.clone(), state);
            }
        }
        Ok(())
    }

    /// Stops the escalation service and flushes the client (shutdown).
    ///
    /// Once this returns the server has dropped the endpoint's subscription,
    /// so requesters get "no responders" rather than waiting on a daemon that
    /// is going away.
    pub async fn flush(&mut self) -> anyhow::Result<()> {
        self.stop_service().await;
        self.client
            .flush()
            .await
            .with_context(|| format!("flushing the NATS connection to {}", self.url))?;
        // `flush` only writes the buffer; a request is a round trip, after
        // which the server has processed the unsubscribe written before it.
        if let Err(e) = self.client.request("$JS.API.INFO", Bytes::new()).await {
            tracing::debug!(error = %e, "round trip after stopping the service");
        }
        Ok(())
    }

    /// The states the API endpoint answers from (latest per dyad).
    pub fn states(&self) -> StateMap {
        self.states.clone()
    }

    async fn stop_service(&mut self) {
        if let Some(service) = self.service.take() {
            if let Err(e) = service.stop().await {
                tracing::warn!(error = %e, "stopping the escalation service");
            }
        }
        if let Some(mut task) = self.api_task.take() {
            // Stopping the service unsubscribes the endpoint, which ends the
            // task; waiting for that means the following client flush also
            // pushes the unsubscribe to the server. Abort if a reply is stuck
            // on a dead connection.
            if tokio::time::timeout(STOP_TIMEOUT, &mut task).await.is_err() {
                tracing::warn!("escalation endpoint did not stop in time; aborting it");
                task.abort();
            }
        }
    }
}

impl Drop for NatsSink {
    fn drop(&mut self) {
        // `Service::stop` does its work before its first await point, so it
        // can complete here without a runtime.
        if let Some(service) = self.service.take() {
            let _ = service.stop().now_or_never();
        }
        if let Some(task) = self.api_task.take() {
            task.abort();
        }
    }
}

/// Logs connection events.
fn on_event(url: &str, event: Event) {
    match event {
        Event::Connected => tracing::info!(url, "connected to NATS"),
        Event::Disconnected => tracing::warn!(url, "disconnected from NATS; reconnecting"),
        Event::LameDuckMode => {
            tracing::warn!(
                url,
                "NATS server entered lame duck mode; it will shut down soon"
            )
        }
        Event::Draining => tracing::info!(url, "NATS connection draining"),
        // Our own shutdown closes it; an outage shows as `Disconnected`.
        Event::Closed => tracing::info!(url, "NATS connection closed"),
        Event::SlowConsumer(sid) => {
            tracing::warn!(url, sid, "NATS slow consumer: messages were dropped")
        }
        Event::ServerError(e) => tracing::error!(url, error = %e, "NATS server error"),
        Event::ClientError(e) => tracing::error!(url, error = %e, "NATS client error"),
    }
}

/// The server (or account) has no JetStream.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct NoJetStream(String);

/// How long a server that answers but whose JetStream does not may take to
/// start it (a restarting server accepts connections first).
const JETSTREAM_STARTUP_GRACE: Duration = Duration::from_secs(5);

/// Fails with a clear message when the server runs without JetStream (or the
/// account has none); otherwise the first publish would fail obscurely.
///
/// Asks `$JS.API.INFO` directly rather than through `Context::query_account`:
/// async-nats 0.51 requires account fields (`reserved_memory`,
/// `reserved_storage`) that nats-server 2.9 does not send, so its typed call
/// fails against Debian's server.
async fn check_jetstream(js: &jetstream::Context, url: &str) -> anyhow::Result<()> {
    // A server that has just (re)started accepts connections before its
    // JetStream answers: no responders is final only after a grace period.
    let asked = std::time::Instant::now();
    let mut delay = Duration::from_millis(100);
    let reply = loop {
        match js.client().request("$JS.API.INFO", Bytes::new()).await {
            Ok(reply) => break reply,
            Err(e)
                if e.kind() == async_nats::RequestErrorKind::NoResponders
                    && asked.elapsed() < JETSTREAM_STARTUP_GRACE =>
            {
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(1));
            }
            Err(e) if e.kind() == async_nats::RequestErrorKind::NoResponders => {
                return Err(NoJetStream(format!(
                    "NATS server at {url} has no JetStream (start it with -js)"
                ))
                .into())
            }
            Err(e) => {
                return Err(anyhow::Error::new(e))
                    .with_context(|| format!("asking the NATS server at {url} about JetStream"))
            }
        }
    };
    let info: serde_json::Value = serde_json::from_slice(&reply.payload)
        .with_context(|| format!("unreadable JetStream account info from {url}"))?;
    if let Some(err) = info.get("error") {
        let code = err.get("err_code").and_then(|c| c.as_u64()).unwrap_or(0);
        let desc = err
            .get("description")
            .and_then(|d| d.as_str())
            .unwrap_or("unknown error");
        if code == ErrorCode::JETSTREAM_NOT_ENABLED.0
            || code == ErrorCode::JETSTREAM_NOT_ENABLED_FOR_ACCOUNT.0
        {
            return Err(NoJetStream(format!(
                "NATS server at {url} has no JetStream for this account ({desc}); \
                 start it with -js or enable JetStream for the account"
            ))
            .into());
        }
        bail!("NATS server at {url} refused JetStream account info: {desc}");
    }
    Ok(())
}

/// Creates the stream, or brings an existing one to our subjects and
/// duplicate window (other settings an operator changed are kept).
async fn ensure_stream(js: &jetstream::Context, cfg: &NatsSettings) -> anyhow::Result<()> {
    let wanted_subjects = subjects::stream_subjects(&cfg.subject_prefix);
    let wanted_window = Duration::from_secs(cfg.duplicate_window_secs);
    let stream = js
        .get_or_create_stream(stream::Config {
            name: cfg.stream.clone(),
            description: Some("Flashpoint events, escalation states and notices".into()),
            subjects: wanted_subjects.clone(),
            duplicate_window: wanted_window,
            storage: stream::StorageType::File,
            ..Default::default()
        })
        .await
        .with_context(|| {
            format!(
                "nats.stream: cannot create or find JetStream stream {} over {}",
                cfg.stream,
                wanted_subjects.join(", ")
            )
        })?;

    let current = &stream.cached_info().config;
    let mut have = current.subjects.clone();
    have.sort();
    let mut want = wanted_subjects.clone();
    want.sort();
    if have == want && current.duplicate_window == wanted_window {
        return Ok(());
    }
    tracing::warn!(
        stream = %cfg.stream,
        old_subjects = ?current.subjects,
        new_subjects = ?wanted_subjects,
        old_duplicate_window_secs = current.duplicate_window.as_secs(),
        new_duplicate_window_secs = wanted_window.as_secs(),
        "existing stream has other settings; updating it"
    );
    let mut updated = current.clone();
    updated.subjects = wanted_subjects.clone();
    updated.duplicate_window = wanted_window;
    js.update_stream(&updated).await.with_context(|| {
        format!(
            "nats.stream: stream {} exists with subjects {:?} and duplicate window {}s, \
             and could not be updated to {:?} / {}s",
            cfg.stream,
            current.subjects,
            current.duplicate_window.as_secs(),
            wanted_subjects,
            wanted_window.as_secs()
        )
    })?;
    Ok(())
}

/// Binds the KV bucket, creating it (history 1: only the latest state
/// matters, the event stream keeps the history) when it does not exist.
async fn ensure_bucket(js: &jetstream::Context, bucket: &str) -> anyhow::Result<kv::Store> {
    let exists = match js.get_stream(format!("KV_{bucket}")).await {
        Ok(_) => true,
        Err(e) => match e.kind() {
            GetStreamErrorKind::JetStream(err)
                if err.error_code() == ErrorCode::STREAM_NOT_FOUND =>
            {
                false
            }
            _ => {
                return Err(anyhow::Error::new(e))
                    .with_context(|| format!("nats.kv_bucket: looking up KV bucket {bucket}"))
            }
        },
    };
    if exists {
        return js
            .get_key_value(bucket)
            .await
            .with_context(|| format!("nats.kv_bucket: binding KV bucket {bucket}"));
    }
    tracing::info!(bucket, "creating KV bucket");
    // The bucket's stream is created by hand with the settings
    // `create_key_value` would use (ADR-8): that call first asks for account
    // info, which async-nats 0.51 cannot read from nats-server 2.9.
    let created = js
        .create_stream(stream::Config {
            name: format!("KV_{bucket}"),
            description: Some("Flashpoint: latest escalation state per dyad".into()),
            subjects: vec![format!("$KV.{bucket}.>")],
            max_messages_per_subject: 1,
            discard: stream::DiscardPolicy::New,
            allow_rollup: true,
            deny_delete: true,
            allow_direct: true,
            storage: stream::StorageType::File,
            num_replicas: 1,
            ..Default::default()
        })
        .await;
    if let Err(e) = created {
        // Another instance may have created it meanwhile; binding tells.
        tracing::debug!(bucket, error = %e, "creating the KV bucket's stream failed");
        return js
            .get_key_value(bucket)
            .await
            .with_context(|| format!("nats.kv_bucket: creating KV bucket {bucket}: {e}"));
    }
    js.get_key_value(bucket)
        .await
        .with_context(|| format!("nats.kv_bucket: binding new KV bucket {bucket}"))
}

/// Loads the states already in the KV bucket, so the API answers right after
/// a restart. Failing here only costs that; it is logged, not fatal.
async fn preload_states(kv: &kv::Store, states: &StateMap) {
    let load = async {
        let keys: Vec<String> = kv.keys().await?.try_collect().await?;
        let mut loaded = BTreeMap::new();
        for key in keys {
            let Some(value) = kv.get(key.clone()).await? else {
                continue;
            };
            match serde_json::from_slice::<EscalationState>(&value) {
                Ok(state) => {
                    loaded.insert(state.dyad.clone(), state);
                }
                Err(e) => {
                    tracing::warn!(key, error = %e, "ignoring unreadable escalation state in KV")
                }
            }
        }
        Ok::<_, async_nats::Error>(loaded)
    };
    match tokio::time::timeout(PRELOAD_TIMEOUT, load).await {
        Ok(Ok(loaded)) => {
            tracing::info!(dyads = loaded.len(), "loaded escalation states from KV");
            write_lock(states).extend(loaded);
        }
        Ok(Err(e)) => tracing::warn!(error = %e, "could not load escalation states from KV"),
        Err(_) => tracing::warn!("timed out loading escalation states from KV"),
    }
}

/// Starts the micro-service (which answers `$SRV.PING/INFO/STATS`) and the
/// task answering `<prefix>.api.escalation` from the shared map.
async fn start_service(
    client: &Client,
    cfg: &NatsSettings,
    states: StateMap,
) -> anyhow::Result<(Service, JoinHandle<()>)> {
    let service = client
        .service_builder()
        .description("Flashpoint escalation states: send a dyad (RUS-TUR), `all` or {\"top\":N}")
        .start(&cfg.service_name, env!("CARGO_PKG_VERSION"))
        .await
        .map_err(anyhow::Error::from_boxed)
        .with_context(|| {
            format!(
                "nats.service_name: starting NATS service {}",
                cfg.service_name
            )
        })?;
    let subject = subjects::api_escalation_subject(&cfg.subject_prefix);
    let mut endpoint = service
        .endpoint_builder()
        .name("escalation")
        .add(subject.clone())
        .await
        .map_err(anyhow::Error::from_boxed)
        .with_context(|| format!("adding service endpoint {subject}"))?;
    let task = tokio::spawn(async move {
        while let Some(request) = endpoint.next().await {
            let body = {
                let map = read_lock(&states);
                answer(&request.message.payload, &map)
            };
            if let Err(e) = request.respond(Ok(body.into())).await {
                tracing::warn!(error = %e, "answering an escalation request");
            }
        }
        tracing::debug!("escalation endpoint stopped");
    });
    Ok((service, task))
}

/// What a request to the escalation endpoint asks for.
#[derive(Debug, PartialEq)]
enum Query {
    All,
    Dyad(String),
    Top(usize),
}

fn parse_query(payload: &[u8]) -> Result<Query, String> {
    let text = std::str::from_utf8(payload)
        .map_err(|_| "request is not UTF-8".to_string())?
        .trim();
    if text.is_empty() || text.eq_ignore_ascii_case("all") {
        return Ok(Query::All);
    }
    if text.starts_with('{') || text.starts_with('"') {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("request is not valid JSON: {e}"))?;
        return match value {
            serde_json::Value::String(s) => parse_query(s.as_bytes()),
            serde_json::Value::Object(o) => {
                if let Some(d) = o.get("dyad") {
                    let d = d
                        .as_str()
                        .ok_or("\"dyad\" must be a string like \"RUS-TUR\"")?;
                    Ok(Query::Dyad(d.to_string()))
                } else if let Some(n) = o.get("top") {
                    let n = n.as_u64().ok_or("\"top\" must be a non-negative integer")?;
                    Ok(Query::Top(usize::try_from(n).unwrap_or(usize::MAX)))
                } else if o.is_empty() || o.get("all").is_some() {
                    Ok(Query::All)
                } else {
                    Err("expected {\"dyad\":\"RUS-TUR\"}, {\"top\":N} or `all`".into())
                }
            }
            _ => Err("expected a dyad, `all`, {\"dyad\":..} or {\"top\":N}".into()),
        };
    }
    Ok(Query::Dyad(text.to_string()))
}

fn error_body(msg: &str) -> Vec<u8> {
    serde_json::json!({ "error": msg }).to_string().into_bytes()
}

/// The reply to one escalation request (JSON), from the shared states.
///
/// Empty or `all` → array of every state sorted by dyad; `RUS-TUR`,
/// `TUR-RUS` or `{"dyad":"RUS-TUR"}` → that state; `{"top":N}` → the N
/// highest scores. Failures are `{"error": "..."}`.
pub fn answer(payload: &[u8], states: &BTreeMap<String, EscalationState>) -> Vec<u8> {
    let encoded = match parse_query(payload) {
        Err(e) => return error_body(&format!("bad request: {e}")),
        Ok(Query::All) => serde_json::to_vec(&states.values().collect::<Vec<_>>()),
        Ok(Query::Top(n)) => {
            let mut all: Vec<&EscalationState> = states.values().collect();
            all.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| a.dyad.cmp(&b.dyad))
            });
            all.truncate(n);
            serde_json::to_vec(&all)
        }
        Ok(Query::Dyad(d)) => {
            let Some(canonical) = subjects::canonical_dyad(&d) else {
                return error_body(&format!(
                    "bad dyad {}: expected two actor codes like RUS-TUR",
                    d.trim()
                ));
            };
            match states.get(&canonical).or_else(|| states.get(d.trim())) {
                Some(state) => serde_json::to_vec(state),
                None => return error_body(&format!("unknown dyad {canonical}")),
            }
        }
    };
    encoded.unwrap_or_else(|e| error_body(&format!("internal error: {e}")))
}

/// Lock helpers: a panic elsewhere while holding the lock leaves the map
/// usable (it is only ever replaced entry by entry), so poisoning is ignored.
fn read_lock(
    states: &StateMap,
) -> std::sync::RwLockReadGuard<'_, BTreeMap<String, EscalationState>> {
    states.read().unwrap_or_else(|e| e.into_inner())
}

fn write_lock(
    states: &StateMap,
) -> std::sync::RwLockWriteGuard<'_, BTreeMap<String, EscalationState>> {
    states.write().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuadCounts;
    use chrono::NaiveDate;

    fn state(dyad: &str, score: f64) -> EscalationState {
        EscalationState {
            schema: "flashpoint.escalation.v1".into(),
            dyad: dyad.into(),
            as_of: NaiveDate::from_ymd_opt(2020, 2, 27).unwrap(),
            score,
            level: 3,
            label: "coercion".into(),
            trend: "rising".into(),
            delta_7d: 1.0,
            drivers: vec![],
            counts: QuadCounts::default(),
            fatalities_7d: 0,
        }
    }

    fn map() -> BTreeMap<String, EscalationState> {
        [
            state("RUS-TUR", 70.0),
            state("ISR-PSE", 90.0),
            state("IND-PAK", 40.0),
        ]
        .into_iter()
        .map(|s| (s.dyad.clone(), s))
        .collect()
    }

    fn json(payload: &str) -> serde_json::Value {
        serde_json::from_slice(&answer(payload.as_bytes(), &map())).unwrap()
    }

    #[test]
    fn all_is_sorted_by_dyad() {
        for req in ["", "  ", "all", "ALL", "{}", "\"all\""] {
            let v = json(req);
            let dyads: Vec<&str> = v
                .as_array()
                .unwrap_or_else(|| panic!("{req:?} → {v}"))
                .iter()
                .map(|s| s["dyad"].as_str().unwrap())
                .collect();
            assert_eq!(dyads, ["IND-PAK", "ISR-PSE", "RUS-TUR"], "{req:?}");
        }
    }

    #[test]
    fn one_dyad_in_either_order() {
        for req in ["RUS-TUR", "TUR-RUS", "tur-rus\n", "{\"dyad\":\"TUR-RUS\"}"] {
            let v = json(req);
            assert_eq!(v["dyad"], "RUS-TUR", "{req:?} → {v}");
            assert_eq!(v["score"], 70.0);
        }
    }

    #[test]
    fn unknown_and_bad_requests_are_json_errors() {
        assert_eq!(json("USA-CHN")["error"], "unknown dyad CHN-USA");
        assert!(json("RUS")["error"]
            .as_str()
            .unwrap()
            .starts_with("bad dyad RUS"));
        assert!(json("{\"top\":\"x\"}")["error"]
            .as_str()
            .unwrap()
            .starts_with("bad request"));
        assert!(json("{\"nope\":1}")["error"].is_string());
        assert!(json("{broken")["error"].is_string());
        let v: serde_json::Value = serde_json::from_slice(&answer(&[0xff, 0xfe], &map())).unwrap();
        assert!(v["error"].is_string());
    }

    /// The pipeline runs the sink in a spawned task: it and its futures must be `Send`.
    #[test]
    fn sink_and_its_futures_are_send() {
        fn is_send<T: Send>(_: &T) {}
        fn check(sink: &mut NatsSink, out: &Output) {
            is_send(sink);
            is_send(&sink.publish(out));
            is_send(&sink.flush());
        }
        let _ = check as fn(&mut NatsSink, &Output);
    }

    #[test]
    fn top_n_by_score() {
        let v = json("{\"top\":2}");
        let dyads: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["dyad"].as_str().unwrap())
            .collect();
        assert_eq!(dyads, ["ISR-PSE", "RUS-TUR"]);
        assert_eq!(json("{\"top\":0}").as_array().unwrap().len(), 0);
        assert_eq!(json("{\"top\":99}").as_array().unwrap().len(), 3);
    }
}
