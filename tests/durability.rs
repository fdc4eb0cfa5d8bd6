//! "Nothing lost, nothing repeated", with real components: the daemon binary,
//! a real `nats-server -js`, synthetic articles renamed into the watched
//! folder. (a) SIGKILL at seeded pseudo-random moments and restart; (b) NATS
//! stopped mid-ingest and started again. Both end with every expected
//! message in the stream exactly once. Figures print with `--nocapture`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Child;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use async_nats::jetstream;
use serde_json::Value;

use common::NatsServer;
use flashpoint::config::Settings;
use flashpoint::lexicon::Lexicon;
use flashpoint::pipeline::{Core, Merge};
use flashpoint::publish::subjects;

const WAIT: Duration = Duration::from_secs(60);

/// Article count for (a): "a few thousand"; 2,000 take about a minute in a
/// debug build on a 2-core machine. `FLASHPOINT_DURABILITY_ARTICLES` overrides it.
fn article_count() -> u64 {
    std::env::var("FLASHPOINT_DURABILITY_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

struct Daemon {
    child: Child,
    log: mpsc::Receiver<String>,
    /// Every line received so far (for counting after the fact).
    seen: std::cell::RefCell<Vec<String>>,
}

impl Daemon {
    fn start(url: &str, inbox: &Path, state: &Path) -> Daemon {
        Daemon::start_with(url, inbox, state, &[])
    }

    fn start_with(url: &str, inbox: &Path, state: &Path, env: &[(&str, &str)]) -> Daemon {
        let mut env = env.to_vec();
        env.insert(0, ("FLASHPOINT__WATCH__QUIET_PERIOD_MS", "100"));
        let (child, rx) = common::spawn_daemon(url, inbox, state, &env);
        Daemon {
            child,
            log: rx,
            seen: Default::default(),
        }
    }

    /// Waits (bounded) for the next log line containing `needle`; returns it.
    fn wait_line(&self, needle: &str) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline
                .checked_duration_since(Instant::now())
                .unwrap_or_else(|| {
                    let seen = self.seen.borrow();
                    let tail = seen[seen.len().saturating_sub(15)..].join("\n");
                    panic!("no log line with {needle:?}; the last lines:\n{tail}")
                });
            if let Ok(line) = self.log.recv_timeout(left) {
                self.seen.borrow_mut().push(line.clone());
                if line.contains(needle) {
                    return serde_json::from_str(&line).unwrap();
                }
            }
        }
    }

    /// How many lines received so far (including any not yet waited for)
    /// contain `needle`.
    fn count(&self, needle: &str) -> usize {
        let mut seen = self.seen.borrow_mut();
        seen.extend(self.log.try_iter());
        seen.iter().filter(|l| l.contains(needle)).count()
    }

    /// Waits (bounded) until `n` log lines containing `needle` have appeared.
    fn wait_for_n(&self, needle: &str, n: usize) {
        let deadline = Instant::now() + WAIT;
        let mut found = 0;
        let mut tail = Vec::new();
        while found < n {
            let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                panic!(
                    "{found}/{n} log lines with {needle:?}; last lines:\n{}",
                    tail.join("\n")
                );
            };
            match self.log.recv_timeout(left) {
                Ok(line) => {
                    found += usize::from(line.contains(needle));
                    self.seen.borrow_mut().push(line.clone());
                    tail.push(line);
                    if tail.len() > 30 {
                        tail.remove(0);
                    }
                }
                Err(_) => continue,
            }
        }
    }

    fn kill9(mut self) {
        self.child.kill().expect("SIGKILL the daemon");
        self.child.wait().expect("reap the daemon");
    }

    fn stop(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let ok = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill");
        assert!(ok.success());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "daemon did not stop");
            std::thread::sleep(Duration::from_millis(20)); // polling the exit, not syncing
        }
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A small seeded generator (xorshift), so kill moments repeat run to run.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn generate(dir: &Path, from: u64, to: u64) -> Vec<String> {
    std::fs::create_dir_all(dir).unwrap();
    (from..to)
        .map(|i| {
            let (name, text) = flashpoint::synth::article(i);
            std::fs::write(dir.join(&name), text).unwrap();
            name
        })
        .collect()
}

fn move_in(src: &Path, inbox: &Path, names: &[String]) {
    for n in names {
        std::fs::rename(src.join(n), inbox.join(n)).unwrap();
    }
}

async fn stream_count(js: &jetstream::Context) -> u64 {
    match js.get_stream("FLASHPOINT").await {
        Ok(s) => s.cached_info().state.messages,
        Err(_) => 0,
    }
}

/// Waits until the stream holds at least `target` messages, or until it has
/// not grown for `stall` (the daemon may simply have nothing more to do).
async fn wait_growth(js: &jetstream::Context, target: u64, stall: Duration) -> u64 {
    let mut last = stream_count(js).await;
    let mut since = Instant::now();
    let deadline = Instant::now() + WAIT;
    while last < target && since.elapsed() < stall && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await; // poll interval
        let now = stream_count(js).await;
        if now > last {
            last = now;
            since = Instant::now();
        }
    }
    last
}

/// Every message in the stream: (subject, msg id, payload).
async fn read_stream(js: &jetstream::Context) -> Vec<(String, String, Value)> {
    let stream = js.get_stream("FLASHPOINT").await.unwrap();
    let info = stream.cached_info().state.clone();
    let mut out = Vec::new();
    for seq in info.first_sequence..=info.last_sequence {
        let Ok(m) = stream.get_raw_message(seq).await else {
            continue;
        };
        let id = m
            .headers
            .get("Nats-Msg-Id")
            .map(|h| h.as_str().to_string())
            .unwrap_or_default();
        out.push((
            m.subject.to_string(),
            id,
            serde_json::from_slice(&m.payload).unwrap(),
        ));
    }
    out
}

/// Checks the stream against an inline run over the files in the order the
/// daemon committed them (the order of the article notices): the same
/// message ids, each exactly once. Returns (events, duplicates, losses).
fn check(stream: &[(String, String, Value)], src: &Path, files: usize) -> (usize, usize, usize) {
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, id, _) in stream {
        *ids.entry(id.as_str()).or_default() += 1;
    }
    let duplicates: usize = ids.values().map(|n| n - 1).sum();
    let order: Vec<String> = stream
        .iter()
        .filter(|(s, _, _)| s.starts_with("flashpoint.articles."))
        .map(|(_, _, v)| v["file"].as_str().unwrap().to_string())
        .collect();
    let distinct: BTreeSet<&String> = order.iter().collect();
    assert_eq!(distinct.len(), order.len(), "one notice per article");
    assert_eq!(order.len(), files, "a notice for every article");

    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/default.toml");
    let mut settings = Settings::load(Some(&config)).expect("default settings");
    settings.state.dedup_window_days = 30;
    let lexicon = Arc::new(Lexicon::load(&settings.lexicon.dir).unwrap());
    let mut core = Core::new(&settings, lexicon);
    core.merge = Merge::windowed(&settings);
    let mut expected = BTreeSet::new();
    let mut events = BTreeSet::new();
    for f in &order {
        let outs = core.process(&src.join(f)).unwrap().expect("new content");
        for o in outs {
            let r = subjects::route("flashpoint", &o).unwrap();
            if let flashpoint::model::Output::Event(e) = &o {
                events.insert(e.id.clone());
            }
            expected.insert(r.msg_id);
        }
    }
    let got: BTreeSet<String> = ids.keys().map(|s| s.to_string()).collect();
    let losses = expected.difference(&got).count();
    let extra: Vec<&String> = got.difference(&expected).take(5).collect();
    assert!(
        extra.is_empty(),
        "messages no inline run produces: {extra:?}"
    );
    (events.len(), duplicates, losses)
}

/// Copies a file with its modification time: an article that gives no date
/// is dated by its file's time, and the inline reference reads the original,
/// so the copy must carry the same day (a copy made after midnight would
/// not).
fn copy_keeping_time(from: impl AsRef<Path>, to: impl AsRef<Path>) -> std::io::Result<u64> {
    let n = std::fs::copy(&from, &to)?;
    let modified = std::fs::metadata(&from)?.modified()?;
    std::fs::File::options()
        .write(true)
        .open(&to)?
        .set_modified(modified)?;
    Ok(n)
}

fn dirs() -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (src, inbox, state) = (
        dir.path().join("src"),
        dir.path().join("inbox"),
        dir.path().join("state"),
    );
    std::fs::create_dir_all(&inbox).unwrap();
    (dir, src, inbox, state)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_nine_at_random_moments_loses_and_repeats_nothing() {
    let started = Instant::now();
    let nats = NatsServer::start();
    let (_dir, src, inbox, state) = dirs();
    let n = article_count();
    let names = generate(&src, 0, n);
    // The inline reference reads the files from `src`; copies go in.
    let stage = src.with_file_name("stage");
    std::fs::create_dir_all(&stage).unwrap();
    for name in &names {
        copy_keeping_time(src.join(name), stage.join(name)).unwrap();
    }
    let client = async_nats::connect(&nats.url).await.unwrap();
    let js = jetstream::new(client);

    let mut rng = Rng(0x5EED_F1A5);
    let batches = 8usize;
    let per = names.len().div_ceil(batches);
    let mut kills = 0;
    for (b, chunk) in names.chunks(per).enumerate() {
        move_in(&stage, &inbox, chunk);
        let daemon = Daemon::start(&nats.url, &inbox, &state);
        if b % 4 == 3 {
            // Killed while starting up: state loaded, nothing published yet.
            daemon.wait_for_n("state loaded", 1);
        } else {
            let base = stream_count(&js).await;
            let target = base + 1 + rng.below(400);
            wait_growth(&js, target, Duration::from_secs(3)).await;
        }
        daemon.kill9();
        kills += 1;
    }
    // The last start: catch up on everything, then stop gracefully.
    let daemon = Daemon::start(&nats.url, &inbox, &state);
    daemon.wait_for_n("caught up with the watched folders", 1);
    assert!(daemon.stop().success());

    let stream = read_stream(&js).await;
    let (events, duplicates, losses) = check(&stream, &src, names.len());
    println!(
        "durability (a): files={} events={} messages={} kills={} duplicates={} losses={} in {:.1}s",
        names.len(),
        events,
        stream.len(),
        kills,
        duplicates,
        losses,
        started.elapsed().as_secs_f64()
    );
    assert!(kills >= 5);
    assert_eq!(duplicates, 0, "no Nats-Msg-Id stored twice");
    assert_eq!(losses, 0, "every expected message is in the stream");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nats_outage_mid_ingest_loses_and_repeats_nothing() {
    let mut nats = NatsServer::start();
    let (_dir, src, inbox, state) = dirs();
    let first = generate(&src, 10_000, 10_100);
    let second = generate(&src, 10_100, 10_250);
    let stage = src.with_file_name("stage");
    std::fs::create_dir_all(&stage).unwrap();
    for name in first.iter().chain(&second) {
        copy_keeping_time(src.join(name), stage.join(name)).unwrap();
    }
    let daemon = Daemon::start(&nats.url, &inbox, &state);
    daemon.wait_for_n("caught up with the watched folders", 1);
    move_in(&stage, &inbox, &first);
    daemon.wait_for_n("article processed", first.len());
    {
        let client = async_nats::connect(&nats.url).await.unwrap();
        let js = jetstream::new(client);
        // Wait (bounded) until the first batch's notices are all stored.
        let deadline = Instant::now() + WAIT;
        loop {
            let stream = read_stream(&js).await;
            let notices = stream
                .iter()
                .filter(|(s, _, _)| s.starts_with("flashpoint.articles."))
                .count();
            if notices == first.len() {
                break;
            }
            assert!(Instant::now() < deadline, "first batch not published");
            tokio::time::sleep(Duration::from_millis(50)).await; // poll interval
        }
    }

    nats.stop();
    let down = Instant::now();
    move_in(&stage, &inbox, &second);
    // The daemon goes on ingesting into its outbox while NATS is away.
    daemon.wait_for_n("article processed", second.len());
    // Keep the server away at least 5 s (the outage being survived).
    while down.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    nats.restart();
    let outage = down.elapsed();
    daemon.wait_for_n("outbox drained", 1);
    assert!(daemon.stop().success());

    let client = async_nats::connect(&nats.url).await.unwrap();
    let js = jetstream::new(client);
    let stream = read_stream(&js).await;
    let (events, duplicates, losses) = check(&stream, &src, first.len() + second.len());
    println!(
        "durability (b): files={} events={} messages={} outage={:.1}s duplicates={} losses={}",
        first.len() + second.len(),
        events,
        stream.len(),
        outage.as_secs_f64(),
        duplicates,
        losses
    );
    assert_eq!(duplicates, 0);
    assert_eq!(losses, 0);
}

/// Notices per file name, and whether any `Nats-Msg-Id` is stored twice.
fn notices(stream: &[(String, String, Value)]) -> (BTreeMap<String, usize>, usize) {
    let mut files: BTreeMap<String, usize> = BTreeMap::new();
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (subject, id, v) in stream {
        *ids.entry(id.as_str()).or_default() += 1;
        if subject.starts_with("flashpoint.articles.") {
            *files
                .entry(v["file"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    (files, ids.values().map(|n| n - 1).sum())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restart_skips_unchanged_files_without_reading_them() {
    let nats = NatsServer::start();
    let (_dir, _src, inbox, state) = dirs();
    let names = generate(&inbox, 20_000, 20_040);
    let n = names.len() as u64;
    let daemon = Daemon::start(&nats.url, &inbox, &state);
    let scan = daemon.wait_line("start-up scan");
    assert_eq!(
        (
            scan["fields"]["unchanged"].as_u64(),
            scan["fields"]["read"].as_u64()
        ),
        (Some(0), Some(n))
    );
    daemon.wait_line("caught up with the watched folders");
    assert!(daemon.stop().success());

    // Same folder: every file is recognised by its stamp, none is read.
    let daemon = Daemon::start(&nats.url, &inbox, &state);
    let scan = daemon.wait_line("start-up scan");
    assert_eq!(scan["fields"]["unchanged"].as_u64(), Some(n), "{scan}");
    assert_eq!(scan["fields"]["read"].as_u64(), Some(0), "{scan}");
    daemon.wait_line("caught up with the watched folders");
    // New content under an existing name is a new version: read and published.
    let (_, text) = flashpoint::synth::article(20_999);
    let tmp = inbox.join(".rewrite.part");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, inbox.join(&names[0])).unwrap();
    let done = daemon.wait_line("article processed");
    assert_eq!(done["fields"]["file"], names[0].as_str());
    assert!(daemon.stop().success());

    // A rename keeps the content's identity: read (new path), not republished.
    std::fs::rename(inbox.join(&names[1]), inbox.join("renamed.txt")).unwrap();
    let daemon = Daemon::start(&nats.url, &inbox, &state);
    let scan = daemon.wait_line("start-up scan");
    assert_eq!(scan["fields"]["unchanged"].as_u64(), Some(n - 1), "{scan}");
    assert_eq!(scan["fields"]["read"].as_u64(), Some(1), "{scan}");
    assert_eq!(scan["fields"]["forgotten"].as_u64(), Some(1), "{scan}");
    daemon.wait_line("caught up with the watched folders");
    assert_eq!(
        daemon.count("article processed"),
        0,
        "the renamed file is not processed again"
    );
    assert!(daemon.stop().success());

    let client = async_nats::connect(&nats.url).await.unwrap();
    let stream = read_stream(&jetstream::new(client)).await;
    let (files, duplicates) = notices(&stream);
    assert_eq!(duplicates, 0);
    assert_eq!(files.len(), names.len(), "{files:?}");
    assert_eq!(files[&names[0]], 2, "the rewritten file's two versions");
    assert!(files
        .iter()
        .filter(|(f, _)| *f != &names[0])
        .all(|(_, c)| *c == 1));
}

/// Waits (bounded) until the stream holds `n` article notices.
async fn wait_notices(js: &jetstream::Context, n: usize) -> Vec<(String, String, Value)> {
    let deadline = Instant::now() + WAIT;
    loop {
        if stream_count(js).await > 0 {
            let stream = read_stream(js).await;
            let got = stream
                .iter()
                .filter(|(s, _, _)| s.starts_with("flashpoint.articles."))
                .count();
            if got >= n {
                return stream;
            }
        }
        assert!(
            Instant::now() < deadline,
            "fewer than {n} notices in the stream"
        );
        tokio::time::sleep(Duration::from_millis(50)).await; // poll interval
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn starting_while_nats_is_down_ingests_and_publishes_once_it_is_up() {
    let (_dir, src, inbox, state) = dirs();
    let names = generate(&src, 30_000, 30_060);
    let (before, after) = names.split_at(30);
    for n in before {
        copy_keeping_time(src.join(n), inbox.join(n)).unwrap();
    }
    let port = common::free_port();
    let url = format!("nats://127.0.0.1:{port}");
    let daemon = Daemon::start(&url, &inbox, &state);
    // Ready once the catch-up scan is committed, although nothing is acked.
    daemon.wait_line("NATS server unreachable");
    daemon.wait_line("caught up with the watched folders");
    assert_eq!(daemon.count("article processed"), before.len());
    let stage = src.with_file_name("stage");
    std::fs::create_dir_all(&stage).unwrap();
    for n in after {
        copy_keeping_time(src.join(n), stage.join(n)).unwrap();
    }
    move_in(&stage, &inbox, after);
    daemon.wait_for_n("article processed", after.len());
    let nats = NatsServer::start_on_port(port, true);
    daemon.wait_line("outbox drained");
    assert!(daemon.stop().success());

    let js = jetstream::new(async_nats::connect(&nats.url).await.unwrap());
    let stream = read_stream(&js).await;
    let (events, duplicates, losses) = check(&stream, &src, names.len());
    println!(
        "started during an outage: files={} events={events} messages={}",
        names.len(),
        stream.len()
    );
    assert!(events > 0);
    assert_eq!((duplicates, losses), (0, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_outbox_pauses_intake_once_and_drops_nothing() {
    let (_dir, src, inbox, state) = dirs();
    let names = generate(&src, 40_000, 40_040);
    let stage = src.with_file_name("stage");
    std::fs::create_dir_all(&stage).unwrap();
    for n in &names {
        copy_keeping_time(src.join(n), stage.join(n)).unwrap();
    }
    let port = common::free_port();
    let url = format!("nats://127.0.0.1:{port}");
    let daemon = Daemon::start_with(
        &url,
        &inbox,
        &state,
        &[("FLASHPOINT__STATE__OUTBOX_MAX_MESSAGES", "20")],
    );
    daemon.wait_line("caught up with the watched folders");
    move_in(&stage, &inbox, &names);
    let full = daemon.wait_line("outbox full");
    assert!(full["fields"]["outbox"].as_u64().unwrap() >= 20, "{full}");
    let processed = daemon.count("article processed");
    assert!(
        processed < names.len(),
        "intake paused: {processed} processed"
    );
    let nats = NatsServer::start_on_port(port, true);
    let js = jetstream::new(async_nats::connect(&nats.url).await.unwrap());
    wait_notices(&js, names.len()).await;
    let so_far = daemon.count("article processed");
    daemon.wait_for_n("article processed", names.len() - so_far);
    assert_eq!(daemon.count("outbox full"), 1, "warned once");
    assert!(daemon.stop().success());

    let stream = read_stream(&js).await;
    let (events, duplicates, losses) = check(&stream, &src, names.len());
    assert!(events > 0);
    assert_eq!((duplicates, losses), (0, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn core_publish_delivers_the_seeds_without_jetstream() {
    use futures::StreamExt;
    let nats = NatsServer::start_with(false);
    let (_dir, _src, inbox, state) = dirs();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        copy_keeping_time(&p, inbox.join(&name)).unwrap();
        names.push(name);
    }
    let client = async_nats::connect(&nats.url).await.unwrap();
    let mut subs = futures::stream::select_all([
        client.subscribe("flashpoint.events.>").await.unwrap(),
        client.subscribe("flashpoint.articles.>").await.unwrap(),
        client.subscribe("flashpoint.escalation.>").await.unwrap(),
    ]);
    client.flush().await.unwrap();

    let daemon = Daemon::start_with(
        &nats.url,
        &inbox,
        &state,
        &[("FLASHPOINT__NATS__CORE_PUBLISH", "true")],
    );
    daemon.wait_line("no JetStream: publishing with core NATS");
    // An article's notice is its last message, and core NATS keeps one
    // connection's order: once the last notice is here, everything before it
    // has reached this client too — possibly still queued in the other
    // subscriptions, which are drained without waiting.
    let mut got = Vec::new();
    let mut notices = 0;
    let mut keep = |m: async_nats::Message| {
        let id = m
            .headers
            .as_ref()
            .and_then(|h| h.get("Nats-Msg-Id"))
            .map(|h| h.as_str().to_string())
            .unwrap_or_default();
        let notice = m.subject.starts_with("flashpoint.articles.");
        got.push((
            m.subject.to_string(),
            id,
            serde_json::from_slice(&m.payload).unwrap(),
        ));
        usize::from(notice)
    };
    while notices < names.len() {
        let m = tokio::time::timeout(WAIT, subs.next())
            .await
            .expect("every seed's messages over core NATS")
            .unwrap();
        notices += keep(m);
    }
    while let Some(Some(m)) = futures::FutureExt::now_or_never(subs.next()) {
        keep(m);
    }
    daemon.wait_line("caught up with the watched folders");
    assert!(daemon.stop().success());
    let (events, duplicates, losses) = check(&got, &seeds, names.len());
    assert!(events > 0, "the seeds' events arrived");
    assert_eq!((duplicates, losses), (0, 0));
}
