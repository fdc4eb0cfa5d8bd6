//! A live escalation board: a small Flashpoint consumer to copy and adapt.
//!
//! It asks the daemon's service for the current state of every dyad, then
//! follows `flashpoint.escalation.>` and redraws a table, most escalated
//! first, whenever a state changes.
//!
//! ```text
//! cargo run --example escalation_board                       # live, Ctrl-C to quit
//! NATS_URL=nats://nats.example:4222 cargo run --example escalation_board
//! cargo run --example escalation_board -- --once             # print once and exit
//! ```
//!
//! The messages are described by `schemas/escalation.schema.json`
//! (`flashpoint.escalation.v1`). Only plain NATS is needed: the states come
//! from the request/reply API and from subscribing to the subjects, so this
//! works with any NATS client library, in any language, the same way.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::time::Duration;

use clap::Parser;
use futures::StreamExt;
use serde::Deserialize;

#[derive(Parser)]
#[command(about = "Live escalation board for Flashpoint (reads NATS_URL)")]
struct Args {
    /// Print the board once, after fetching the current states, and exit.
    #[arg(long)]
    once: bool,
    /// Subject prefix the daemon publishes under (`nats.subject_prefix`).
    #[arg(long, default_value = "flashpoint")]
    prefix: String,
}

/// The fields of a `flashpoint.escalation.v1` message the board shows.
///
/// Serde ignores the fields not named here, so the board keeps working when
/// a later version of the message adds some: read what you need, no more.
#[derive(Debug, Clone, Deserialize)]
struct State {
    /// `RUS-TUR`: two actor codes in alphabetical order.
    dyad: String,
    /// Latest event date of the dyad (event time, not processing time).
    as_of: String,
    /// 0–100.
    score: f64,
    /// 0 calm … 5 open war, and its name.
    level: u8,
    label: String,
    /// `rising` / `steady` / `falling`, from `delta_7d` (score points over 7 days).
    trend: String,
    delta_7d: f64,
    /// Killed in the 7 days up to `as_of`.
    fatalities_7d: u32,
    /// Largest contributions first.
    drivers: Vec<Driver>,
}

#[derive(Debug, Clone, Deserialize)]
struct Driver {
    /// Event id: look it up in the `flashpoint.events.>` stream for details.
    event: String,
    contribution: f64,
    /// `direct`, or `via XXX` through a patron relation.
    via: String,
}

/// How long to wait for the daemon's answer before starting with an empty board.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let args = Args::parse();
    let url = std::env::var("NATS_URL").unwrap_or_else(|_| "nats://127.0.0.1:4222".into());
    let client = async_nats::connect(&url)
        .await
        .map_err(|e| format!("cannot connect to NATS at {url}: {e}"))?;

    // Subscribe before asking for the current states, so that no change made
    // between the answer and the subscription is missed. Updates that were
    // already in the answer simply arrive twice.
    let mut updates = client
        .subscribe(format!("{}.escalation.>", args.prefix))
        .await?;

    let mut board: BTreeMap<String, State> = BTreeMap::new();
    let mut note = String::new();
    match fetch_all(&client, &args.prefix).await {
        Ok(states) => board.extend(states.into_iter().map(|s| (s.dyad.clone(), s))),
        // The daemon is not running (or not yet): start empty and fill in as
        // states are published.
        Err(e) => note = format!("no current states ({e}); waiting for updates"),
    }

    let stdout = std::io::stdout();
    // Redraw in place only live on a terminal; `--once` or a pipe gets plain text.
    let clear = !args.once && stdout.is_terminal();
    let mut out = stdout.lock();
    draw(&mut out, &board, &url, &note, clear)?;
    if args.once {
        return Ok(());
    }

    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        tokio::select! {
            msg = updates.next() => {
                let Some(msg) = msg else { break }; // connection closed
                match serde_json::from_slice::<State>(&msg.payload) {
                    Ok(state) => {
                        note.clear();
                        board.insert(state.dyad.clone(), state);
                    }
                    Err(e) => note = format!("skipped an unreadable message on {}: {e}", msg.subject),
                }
                draw(&mut out, &board, &url, &note, clear)?;
            }
            _ = &mut ctrl_c => break,
        }
    }
    Ok(())
}

/// Asks the escalation service (`<prefix>.api.escalation`) for every state.
///
/// The answer to `all` is a JSON array of states; an error is
/// `{"error": "..."}`. "No responders" means no daemon is serving the API.
async fn fetch_all(client: &async_nats::Client, prefix: &str) -> Result<Vec<State>, String> {
    let subject = format!("{prefix}.api.escalation");
    let reply = tokio::time::timeout(REQUEST_TIMEOUT, client.request(subject, "all".into()))
        .await
        .map_err(|_| format!("the daemon did not answer within {REQUEST_TIMEOUT:?}"))?
        .map_err(|e| match e.kind() {
            async_nats::RequestErrorKind::NoResponders => {
                "no daemon answers the escalation API".to_string()
            }
            _ => format!("request failed: {e}"),
        })?;
    let value: serde_json::Value =
        serde_json::from_slice(&reply.payload).map_err(|e| format!("unreadable answer: {e}"))?;
    if let Some(err) = value.get("error") {
        return Err(format!("the daemon answered with an error: {err}"));
    }
    serde_json::from_value(value).map_err(|e| format!("unexpected answer: {e}"))
}

/// Draws the board: most escalated first (level, then score), then by name.
///
/// With `clear`, the screen is cleared first (plain ANSI: erase the screen,
/// cursor home) so the board redraws in place.
fn draw(
    out: &mut impl Write,
    board: &BTreeMap<String, State>,
    url: &str,
    note: &str,
    clear: bool,
) -> std::io::Result<()> {
    let mut rows: Vec<&State> = board.values().collect();
    rows.sort_by(|a, b| {
        b.level
            .cmp(&a.level)
            .then(b.score.total_cmp(&a.score))
            .then(a.dyad.cmp(&b.dyad))
    });

    if clear {
        write!(out, "\x1b[2J\x1b[H")?;
    }
    writeln!(
        out,
        "Flashpoint escalation board - {} dyad(s) - {} - {}",
        rows.len(),
        url,
        chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC")
    )?;
    if !note.is_empty() {
        writeln!(out, "({note})")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<16} {:<18} {:>6} {:<16} {:>9} {:<10}  top driver",
        "dyad", "level", "score", "7-day trend", "killed 7d", "as of"
    )?;
    for s in rows {
        let level = format!("{} {}", s.level, s.label);
        let trend = format!("{:+.1} {}", s.delta_7d, s.trend);
        let driver = s.drivers.first().map_or_else(
            || "-".to_string(),
            |d| format!("{} {:+.3} {}", d.event, d.contribution, d.via),
        );
        writeln!(
            out,
            "{:<16} {:<18} {:>6.1} {:<16} {:>9} {:<10}  {}",
            s.dyad, level, s.score, trend, s.fatalities_7d, s.as_of, driver
        )?;
    }
    out.flush()
}
