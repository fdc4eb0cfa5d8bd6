//! Scale: per-article cost, peak memory and state size on disk as the number
//! of processed articles grows by decades (1k, 10k, 100k; 1M with
//! `FP_BENCH_SCALE_MAX=1000000`), and start-up time with 100k already
//! processed files in the watched folder.
//!
//! Each decade runs the real daemon (`flashpoint run --watch DIR`, release
//! binary) with its default stdout sink sent to /dev/null — so the figures
//! are the pipeline's and the durable state's, not the broker's — and a fresh
//! state folder, until it logs that it has caught up with the folder. The
//! folder grows between decades (articles `0..N` of one corpus). Start-up at
//! zero files is measured first and subtracted from the per-article cost.
//! Then the daemon is restarted over the largest decade's folder and state:
//! the time to its ready line is the start-up figure. Without `--bench` it
//! only generates a few articles.
//!
//! `FP_BENCH_SCALE_POINTS=10000,100000,300000` measures at those counts
//! instead of decades (to show how RSS grows per article between them).
//! Each point also prints what the merge stage held when it caught up (its
//! "merge state held" log line: events in the dedup window, the reports
//! they are summed from, escalation parts) and the daemon's resident memory
//! then, anonymous and file-backed.
//!
//! `FP_BENCH_KEEP=DIR` writes the articles to DIR and leaves them there; a
//! later run with the same DIR writes only the articles the folder lacks
//! (its file count is taken as the articles already written), so a 1M
//! corpus (≈ 3 GB) is generated once. With `FP_BENCH_GEN_ONLY=1` as well,
//! the bench only writes the largest point's articles there and stops (a
//! corpus to run `flashpoint run --watch` on by hand, e.g. under heaptrack).

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/harness.rs"]
mod harness;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

const TARGET_RSS_MB: f64 = 200.0;
const TARGET_STARTUP_S: f64 = 3.0;

/// What one daemon run until "ready" cost.
struct Run {
    secs: f64,
    peak_mb: f64,
    state_bytes: u64,
    /// What the merge stage held at catch-up, and RSS then (anon / file).
    held: String,
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gen = corpus::Corpus::load(root);
    if !harness::is_bench() {
        let n = (0..3).map(|i| gen.article(4, i).1.len()).sum::<usize>();
        println!("scale: smoke run ({n} bytes generated); `cargo bench --bench scale` measures");
        return;
    }
    let max = harness::env_n("FP_BENCH_SCALE_MAX", 100_000, 1_000);
    let Some(bin) = harness::flashpoint_binary() else {
        println!("scale: skipped, no target/release/flashpoint (run `cargo build --release`)");
        return;
    };
    let work = tempfile::Builder::new()
        .prefix("fp-bench-scale-")
        .tempdir()
        .unwrap();
    let keep = std::env::var_os("FP_BENCH_KEEP").map(std::path::PathBuf::from);
    let dir = keep.clone().unwrap_or_else(|| work.path().join("articles"));
    std::fs::create_dir_all(&dir).unwrap();
    // A kept folder already holds articles `0..written` of this corpus.
    let written = std::fs::read_dir(&dir).unwrap().count() as u64;

    let points: Vec<u64> = match std::env::var("FP_BENCH_SCALE_POINTS") {
        Ok(list) => list
            .split(',')
            .map(|p| {
                p.trim()
                    .parse()
                    .expect("FP_BENCH_SCALE_POINTS: counts, comma-separated")
            })
            .collect(),
        Err(_) => std::iter::successors(Some(1_000u64), |n| Some(n * 10))
            .take_while(|&n| n <= max)
            .collect(),
    };
    if std::env::var_os("FP_BENCH_GEN_ONLY").is_some() {
        let n = points.iter().copied().max().unwrap_or(0);
        let t = Instant::now();
        let bytes = gen.write(&dir, 4, written.min(n), n);
        println!(
            "scale: {n} articles in {} ({:.0} MB written in {:.0} s)",
            dir.display(),
            bytes as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
        return;
    }
    // Start-up over an empty folder (a kept one may already hold articles).
    let none = work.path().join("empty");
    std::fs::create_dir_all(&none).unwrap();
    let empty = daemon(&bin, &none, &work.path().join("state-0"), 0);
    println!(
        "start-up with an empty folder: {:.2} s, peak RSS {:.0} MB",
        empty.secs, empty.peak_mb
    );
    let mut rows = Vec::new();
    let mut have = 0u64;
    for n in points {
        assert!(
            written <= n || keep.is_none(),
            "FP_BENCH_KEEP folder holds {written} articles, more than the {n} of this point"
        );
        gen.write(&dir, 4, have.max(written.min(n)), n);
        have = n;
        let bytes = harness::dir_bytes(&dir);
        let state = work.path().join(format!("state-{n}"));
        let r = daemon(&bin, &dir, &state, n);
        let us = (r.secs - empty.secs).max(0.0) / n as f64 * 1e6;
        println!(
            "{n:>8} articles ({:.0} MB): {:.1} s, {us:.0} µs/article ({:.0} articles/s), peak RSS {:.0} MB, state {:.1} MB",
            bytes as f64 / 1e6,
            r.secs,
            1e6 / us,
            r.peak_mb,
            r.state_bytes as f64 / 1e6
        );
        println!("{n:>8} articles: {}", r.held);
        rows.push((n, us, r.peak_mb, r.state_bytes));
    }

    // Restart over the largest folder with its state: everything is done.
    let (last, ..) = *rows.last().unwrap();
    let restart = daemon(&bin, &dir, &work.path().join(format!("state-{last}")), 0);
    println!(
        "start-up with {last} already-processed files: {:.2} s to ready, peak RSS {:.0} MB",
        restart.secs, restart.peak_mb
    );

    let cells: Vec<String> = rows
        .iter()
        .map(|(n, us, mb, st)| {
            format!(
                "{}: {us:.0} µs/art, {mb:.0} MB RSS, state {:.1} MB",
                human(*n),
                *st as f64 / 1e6
            )
        })
        .collect();
    let peak = rows.iter().map(|r| r.2).fold(0.0, f64::max);
    println!(
        "TABLE | scale: daemon (stdout sink) by processed articles | {} | ≤ 200 MB RSS at 1M, flat µs/article | {} |",
        cells.join("; "),
        // Memory only grows with the count: over the limit anywhere is over it at 1M.
        if peak > TARGET_RSS_MB {
            "not met"
        } else if last >= 1_000_000 {
            "met"
        } else {
            "1M not run"
        }
    );
    println!(
        "TABLE | start-up with {} already-processed files | {:.2} s to ready | ≤ 3 s (100k) | {} |",
        human(last),
        restart.secs,
        if last >= 100_000 && restart.secs <= TARGET_STARTUP_S {
            "met"
        } else if last >= 100_000 {
            "not met"
        } else {
            "100k not run"
        }
    );
}

fn human(n: u64) -> String {
    match n {
        n if n >= 1_000_000 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

/// Runs the daemon over `dir` with `state` until its ready line, then stops it.
fn daemon(bin: &Path, dir: &Path, state: &Path, n: u64) -> Run {
    let log = state.with_extension("log");
    let t = Instant::now();
    let mut child = harness::flashpoint(bin)
        .arg("run")
        .arg("--watch")
        .arg(dir)
        .env("FLASHPOINT__STATE__DIR", state)
        .env("FLASHPOINT__LOG__FORMAT", "json")
        .env_remove("FLASHPOINT__NATS__URL")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("starting flashpoint run");
    let rss = harness::PeakRss::watch(child.id());
    // Generous: at 100 articles/s a million takes under three hours.
    let timeout = Duration::from_secs(60 + n / 100);
    let ready = harness::wait_for_log(&log, "caught up", timeout);
    let secs = t.elapsed().as_secs_f64();
    let peak_kb = harness::status_kb(child.id(), "VmHWM").unwrap_or(0);
    let kb = |f| harness::status_kb(child.id(), f).map_or(0.0, |k| k as f64 / 1024.0);
    let rss_now = format!(
        "RSS at catch-up {:.0} MB (anon {:.0}, file {:.0})",
        kb("VmRSS"),
        kb("RssAnon"),
        kb("RssFile")
    );
    let peak_mb = peak_kb.max(rss.peak_kb()) as f64 / 1024.0;
    drop(rss);
    harness::terminate(&mut child, Duration::from_secs(30));
    assert!(
        ready,
        "daemon did not catch up within {timeout:?}; log in {}",
        log.display()
    );
    // The merge stage logs what it holds as it catches up.
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let held = text
        .lines()
        .rfind(|l| l.contains("merge state held"))
        .and_then(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let f = &v["fields"];
            format!(
                "window {} events, {} reports, {} dyads, {} parts; ",
                f["events"], f["reports"], f["dyads"], f["parts"]
            )
        })
        .unwrap_or_default();
    Run {
        secs,
        peak_mb,
        state_bytes: harness::dir_bytes(state),
        held: held + &rss_now,
    }
}
