//! Live latency: a file renamed into the watched folder → its first event
//! seen by a NATS subscriber.
//!
//! Starts a throw-away `nats-server -js` and `flashpoint run --watch DIR`
//! (release binary), subscribes to `flashpoint.events.>` and
//! `flashpoint.articles.>`, then renames `FP_BENCH_DROPS` (default 1,000)
//! generated one-event articles into the folder at `FP_BENCH_RATE` per second
//! (default 20), each from a staging folder on the same file system. A file
//! is recognised in a message by its unique name (event evidence and the
//! article notice carry it). Prints p50/p99/max of rename → first event, and
//! of rename → article notice. Without `--bench` it only generates a few files.

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/harness.rs"]
mod harness;

use std::collections::HashMap;
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::StreamExt;

const TARGET_P99_MS: f64 = 50.0;

type Seen = Arc<Mutex<HashMap<String, Instant>>>;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gen = corpus::Corpus::load(root);
    if !harness::is_bench() {
        let n = (0..3)
            .map(|i| gen.short_article(3, i).1.len())
            .sum::<usize>();
        println!(
            "latency: smoke run ({n} bytes generated); `cargo bench --bench latency` measures"
        );
        return;
    }
    let drops = harness::env_n("FP_BENCH_DROPS", 1_000, 3);
    let rate: f64 = std::env::var("FP_BENCH_RATE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20.0);
    let Some(bin) = harness::flashpoint_binary() else {
        println!("latency: skipped, no target/release/flashpoint (run `cargo build --release`)");
        return;
    };
    let work = tempfile::Builder::new()
        .prefix("fp-bench-latency-")
        .tempdir()
        .unwrap();
    let (stage, watch) = (work.path().join("stage"), work.path().join("watch"));
    std::fs::create_dir_all(&stage).unwrap();
    std::fs::create_dir_all(&watch).unwrap();
    let names: Vec<String> = (0..drops)
        .map(|i| {
            let (name, text) = gen.short_article(3, i);
            std::fs::write(stage.join(&name), text).unwrap();
            name
        })
        .collect();

    let server = harness::NatsServer::start();
    let log = work.path().join("daemon.log");
    let mut child = harness::flashpoint(&bin)
        .arg("run")
        .arg("--watch")
        .arg(&watch)
        .env("FLASHPOINT__NATS__URL", &server.url)
        .env("FLASHPOINT__STATE__DIR", work.path().join("state"))
        .env("FLASHPOINT__LOG__FORMAT", "json")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("starting flashpoint run");
    assert!(
        harness::wait_for_log(&log, "ready", Duration::from_secs(30)),
        "daemon not ready:\n{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );

    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let events: Seen = Arc::default();
    let notices: Seen = Arc::default();
    let renamed = rt.block_on(async {
        let client = async_nats::connect(&server.url).await.expect("connect");
        let token = regex::bytes::Regex::new(r"lat[0-9]{6}_[0-9a-f]+\.txt").unwrap();
        for (subject, seen) in [
            ("flashpoint.events.>", events.clone()),
            ("flashpoint.articles.>", notices.clone()),
        ] {
            let mut sub = client.subscribe(subject).await.expect("subscribe");
            let token = token.clone();
            tokio::spawn(async move {
                while let Some(m) = sub.next().await {
                    let now = Instant::now();
                    let mut seen = seen.lock().unwrap();
                    for t in token.find_iter(&m.payload) {
                        let name = String::from_utf8_lossy(t.as_bytes()).into_owned();
                        seen.entry(name).or_insert(now);
                    }
                }
            });
        }
        client.flush().await.expect("flush");

        let mut renamed = Vec::with_capacity(names.len());
        let start = tokio::time::Instant::now();
        for (i, name) in names.iter().enumerate() {
            tokio::time::sleep_until(start + Duration::from_secs_f64(i as f64 / rate)).await;
            let t = Instant::now();
            std::fs::rename(stage.join(name), watch.join(name)).expect("rename");
            renamed.push(t);
        }
        // Let the last drops through.
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline && notices.lock().unwrap().len() < names.len() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        renamed
    });
    harness::terminate(&mut child, Duration::from_secs(10));

    let lat = |seen: &Seen| {
        let seen = seen.lock().unwrap();
        let mut ms: Vec<f64> = names
            .iter()
            .zip(&renamed)
            .filter_map(|(n, t)| {
                seen.get(n)
                    .map(|s| s.duration_since(*t).as_secs_f64() * 1e3)
            })
            .collect();
        ms.sort_by(|a, b| a.total_cmp(b));
        ms
    };
    let pct = |v: &[f64], p: f64| {
        if v.is_empty() {
            f64::NAN
        } else {
            v[((v.len() - 1) as f64 * p).round() as usize]
        }
    };
    let (ev, no) = (lat(&events), lat(&notices));
    println!(
        "{drops} drops at {rate}/s: {} with an event, {} with a notice",
        ev.len(),
        no.len()
    );
    for (what, v) in [
        ("rename → first event", &ev),
        ("rename → article notice", &no),
    ] {
        println!(
            "{what}: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            pct(v, 0.5),
            pct(v, 0.99),
            pct(v, 1.0)
        );
    }
    {
        let seen = events.lock().unwrap();
        let mut worst: Vec<(usize, f64)> = names
            .iter()
            .zip(&renamed)
            .enumerate()
            .filter_map(|(i, (n, t))| {
                seen.get(n)
                    .map(|s| (i, s.duration_since(*t).as_secs_f64() * 1e3))
            })
            .collect();
        worst.sort_by(|a, b| b.1.total_cmp(&a.1));
        let worst: Vec<String> = worst
            .iter()
            .take(8)
            .map(|(i, ms)| format!("#{i} {ms:.0} ms"))
            .collect();
        // Adjacent drop numbers mean one stall with a backlog behind it.
        println!("slowest drops: {}", worst.join(", "));
    }
    let p99 = pct(&ev, 0.99);
    println!(
        "TABLE | live latency: rename → first event on NATS ({} of {drops} drops at {rate}/s) | p50 {:.1} ms, p99 {p99:.1} ms, max {:.1} ms | p99 ≤ 50 ms | {} |",
        ev.len(),
        pct(&ev, 0.5),
        pct(&ev, 1.0),
        if p99 <= TARGET_P99_MS && ev.len() as u64 == drops {
            "met"
        } else {
            "not met"
        }
    );
}
