//! Backfill end to end: `flashpoint replay DIR` of `FP_BENCH_N` generated
//! articles (default 100,000) into a throw-away `nats-server -js`, every
//! message acknowledged by JetStream; beside it, a bare async-nats JetStream
//! publish of as many messages of the same average size — the broker's limit
//! on this machine — and the ratio of the two.
//!
//! The bare publish keeps 256 messages in flight, as the daemon's publisher
//! did until session 7 (it now sends batches of 1,024 rows and awaits each
//! batch, see `publish_stage`): 256 stays the reference the target is
//! judged on, so the figures compare across sessions. A run awaiting each
//! acknowledgement before the next is printed too.
//!
//! Needs the release binary (`scripts/bench.sh` builds it) and nats-server.
//! `FP_BENCH_KEEP=DIR` keeps the generated corpus in DIR; with
//! `FP_BENCH_GEN_ONLY=1` as well, the bench only writes it there (a corpus
//! to profile `flashpoint replay` or `run` on, e.g. under heaptrack).
//! Without `--bench` (under `cargo test`) it only generates a few articles.

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/harness.rs"]
mod harness;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures::StreamExt;

const TARGET_ARTICLES_S: f64 = 3_000.0;
const TARGET_SHARE: f64 = 0.5;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gen = corpus::Corpus::load(root);
    if !harness::is_bench() {
        let n = (0..3).map(|i| gen.article(2, i).1.len()).sum::<usize>();
        println!(
            "backfill: smoke run ({n} bytes generated); `cargo bench --bench backfill` measures"
        );
        return;
    }
    let n = harness::env_n("FP_BENCH_N", 100_000, 20);
    let Some(bin) = harness::flashpoint_binary() else {
        println!("backfill: skipped, no target/release/flashpoint (run `cargo build --release`)");
        return;
    };
    let work = tempfile::Builder::new()
        .prefix("fp-bench-backfill-")
        .tempdir()
        .unwrap();
    // `FP_BENCH_KEEP=DIR` writes the corpus there and leaves it, so two
    // builds can be compared on the very same files (`flashpoint replay DIR`).
    let articles = match std::env::var_os("FP_BENCH_KEEP") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => work.path().join("articles"),
    };
    let t = Instant::now();
    let bytes = gen.write(&articles, 2, 0, n);
    println!(
        "generated {n} articles ({:.1} MB) in {:.1} s",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    if std::env::var_os("FP_BENCH_GEN_ONLY").is_some() {
        return;
    }

    let server = harness::NatsServer::start();
    let log = work.path().join("replay.log");
    let t = Instant::now();
    let mut child = harness::flashpoint(&bin)
        .arg("replay")
        .arg(&articles)
        .env("FLASHPOINT__NATS__URL", &server.url)
        .env("FLASHPOINT__STATE__DIR", work.path().join("state"))
        .env("FLASHPOINT__LOG__FORMAT", "json")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("starting flashpoint replay");
    let rss = harness::PeakRss::watch(child.id());
    let status = child.wait().unwrap();
    let wall = t.elapsed().as_secs_f64();
    let peak_mb = rss.peak_kb() as f64 / 1024.0;
    drop(rss);
    let log_text = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(status.success(), "replay failed:\n{log_text}");
    let events = log_text
        .lines()
        .rev()
        .find(|l| l.contains("replay finished") || l.contains("replay progress"))
        .and_then(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .and_then(|v| v["fields"]["events"].as_u64())
        .unwrap_or(0);

    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (messages, stream_bytes, bare_seq, bare_pipe) = rt.block_on(async {
        let client = async_nats::connect(&server.url).await.expect("connect");
        let js = async_nats::jetstream::new(client);
        let mut stream = js
            .get_stream("FLASHPOINT")
            .await
            .expect("stream FLASHPOINT");
        let state = stream.info().await.expect("stream info").state.clone();
        let size = (state.bytes / state.messages.max(1)) as usize;
        let seq = bare_publish(&js, "BARE1", state.messages, size, 1).await;
        let pipe = bare_publish(&js, "BARE2", state.messages, size, 256).await;
        (state.messages, state.bytes, seq, pipe)
    });

    let art_s = n as f64 / wall;
    let msg_s = messages as f64 / wall;
    println!(
        "replay: {n} articles in {wall:.1} s = {art_s:.0} articles/s, {:.0} events/s ({events} events), \
         {messages} stream messages ({msg_s:.0}/s, avg {} B), peak RSS {peak_mb:.0} MB",
        events as f64 / wall,
        stream_bytes / messages.max(1)
    );
    println!(
        "bare JetStream publish of {messages} messages: {bare_pipe:.0} msgs/s with 256 in flight, \
         {bare_seq:.0} msgs/s one at a time"
    );
    let share = msg_s / bare_pipe;
    println!(
        "ratio replay / bare publish: {:.0}% (of pipelined), {:.0}% (of one-at-a-time)",
        share * 100.0,
        msg_s / bare_seq * 100.0
    );
    println!(
        "TABLE | backfill: replay of {n} articles → JetStream, acks awaited | {art_s:.0} articles/s, {:.0} events/s, peak RSS {peak_mb:.0} MB | ≥ 3,000 articles/s | {} |",
        events as f64 / wall,
        met(art_s >= TARGET_ARTICLES_S)
    );
    println!(
        "TABLE | backfill / bare JetStream publish (same msgs, same size, 256 in flight) | {:.0}% ({msg_s:.0} vs {bare_pipe:.0} msgs/s; one at a time {bare_seq:.0} msgs/s) | ≥ 50% | {} |",
        share * 100.0,
        met(share >= TARGET_SHARE)
    );
}

fn met(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "not met"
    }
}

/// Publishes `n` messages of `size` bytes, each with a message id, to a new
/// file-backed stream, with at most `in_flight` acknowledgements outstanding.
/// Returns messages per second.
async fn bare_publish(
    js: &async_nats::jetstream::Context,
    name: &str,
    n: u64,
    size: usize,
    in_flight: usize,
) -> f64 {
    let subject = format!("{}.x", name.to_lowercase());
    js.create_stream(async_nats::jetstream::stream::Config {
        name: name.into(),
        subjects: vec![format!("{}.>", name.to_lowercase())],
        duplicate_window: Duration::from_secs(7200),
        storage: async_nats::jetstream::stream::StorageType::File,
        ..Default::default()
    })
    .await
    .expect("creating the bare stream");
    let payload = Bytes::from(vec![b'x'; size]);
    let t = Instant::now();
    futures::stream::iter(0..n)
        .map(|i| {
            let msg = async_nats::jetstream::message::PublishMessage::build()
                .payload(payload.clone())
                .message_id(format!("{name}-{i}"));
            let subject = subject.clone();
            async move {
                js.send_publish(subject, msg)
                    .await
                    .expect("publish")
                    .await
                    .expect("ack")
            }
        })
        .buffered(in_flight)
        .for_each(|_| async {})
        .await;
    n as f64 / t.elapsed().as_secs_f64()
}
