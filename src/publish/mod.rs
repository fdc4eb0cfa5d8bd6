//! Stage 5 — publish: [`Output`]s → the configured sink.
//!
//! With `nats.url` set, messages go to JetStream (see [`nats`]); without it,
//! to JSON Lines on stdout (see [`stdout`]), so the daemon runs on a fresh
//! machine with nothing else installed.

pub mod nats;
pub mod stdout;
pub mod subjects;

use crate::config::Settings;
use crate::model::Output;
use crate::store::OutboxRow;

/// Where the pipeline's output goes.
pub enum Sink {
    Stdout(stdout::StdoutSink),
    Nats(Box<nats::NatsSink>),
}

impl Sink {
    /// Opens the sink the configuration names.
    pub async fn open(settings: &Settings) -> anyhow::Result<Sink> {
        match &settings.nats.url {
            Some(_) => Ok(Sink::Nats(Box::new(
                nats::NatsSink::connect(settings).await?,
            ))),
            None => Ok(Sink::Stdout(stdout::StdoutSink::open(settings)?)),
        }
    }

    /// [`open`](Self::open), calling `on_unreachable` once if the NATS
    /// server does not answer the first attempt (it is retried until it does).
    pub async fn open_with(
        settings: &Settings,
        on_unreachable: impl FnOnce(),
    ) -> anyhow::Result<Sink> {
        match &settings.nats.url {
            Some(_) => Ok(Sink::Nats(Box::new(
                nats::NatsSink::connect_with(settings, on_unreachable).await?,
            ))),
            None => Ok(Sink::Stdout(stdout::StdoutSink::open(settings)?)),
        }
    }

    /// Publishes one message; returns once the sink has it durably
    /// (JetStream `PublishAck`, or written to stdout/file).
    pub async fn publish(&mut self, out: &Output) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(s) => s.publish(out),
            Sink::Nats(s) => s.publish(out).await,
        }
    }

    /// Publishes outbox rows in order; returns how many from the front the
    /// sink has durably (see [`nats::NatsSink::publish_rows`]) and the error
    /// that stopped the rest.
    pub async fn publish_rows(&mut self, rows: &[OutboxRow]) -> (usize, Option<anyhow::Error>) {
        match self {
            Sink::Stdout(s) => {
                match s.publish_payloads(rows.iter().map(|r| r.payload.as_slice())) {
                    Ok(()) => (rows.len(), None),
                    Err(e) => (0, Some(e)),
                }
            }
            Sink::Nats(s) => s.publish_rows(rows).await,
        }
    }

    /// Flushes buffered output before shutdown.
    pub async fn flush(&mut self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(s) => s.flush(),
            Sink::Nats(s) => s.flush().await,
        }
    }
}
