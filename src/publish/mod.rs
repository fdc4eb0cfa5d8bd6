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

/// Rows a sink has sent and not yet settled (see [`Sink::send_rows`]).
pub struct Sent(nats::Sent);

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
        let sent = self.send_rows(rows).await;
        self.settle(rows, sent).await
    }

    /// Sends outbox rows without awaiting their acknowledgements (see
    /// [`nats::NatsSink::send_rows`]): the publisher sends the next batch
    /// while this one is acknowledged. Stdout writes them here (written =
    /// acknowledged).
    pub async fn send_rows(&mut self, rows: &[OutboxRow]) -> Sent {
        match self {
            Sink::Stdout(s) => Sent(
                match s.publish_payloads(rows.iter().map(|r| &r.payload[..])) {
                    Ok(()) => nats::Sent::Done(rows.len(), None),
                    Err(e) => nats::Sent::Done(0, Some(e)),
                },
            ),
            Sink::Nats(s) => Sent(s.send_rows(rows).await),
        }
    }

    /// Awaits what [`send_rows`](Self::send_rows) sent of `rows`: how many
    /// from the front the sink has durably, and the error that stopped the
    /// rest. Dropping a [`Sent`] instead abandons its rows (they stay in the
    /// outbox and are sent again).
    pub async fn settle(
        &mut self,
        rows: &[OutboxRow],
        sent: Sent,
    ) -> (usize, Option<anyhow::Error>) {
        match (self, sent.0) {
            (_, nats::Sent::Done(n, e)) => (n, e),
            (Sink::Nats(s), sent) => s.settle(rows, sent).await,
            (Sink::Stdout(_), nats::Sent::Acks(..)) => (0, None),
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
