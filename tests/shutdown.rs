//! SIGTERM in the middle of a backfill: the daemon stops promptly (queued
//! files are not drained) and loses nothing — the next start processes
//! exactly the files the first run did not, each once.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

/// Enough that the backfill is still going when the first notices are out:
/// with parsing on the extract workers the reader gets through a few
/// hundred short articles before the first dozen are published.
const FILES: usize = 3000;
const WAIT: Duration = Duration::from_secs(120);

/// The daemon on the stdout sink; stdout lines and stderr lines each go to
/// a channel.
fn start(
    inbox: &std::path::Path,
    state: &std::path::Path,
) -> (Child, mpsc::Receiver<String>, mpsc::Receiver<String>) {
    let mut child = common::flashpoint()
        .args(["run", "--watch"])
        .arg(inbox)
        .env_remove("FLASHPOINT__NATS__URL")
        .env("FLASHPOINT__STATE__DIR", state)
        .env("FLASHPOINT__LOG__FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the daemon");
    let forward = |r: Box<dyn std::io::Read + Send>| {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(r).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        rx
    };
    let out = forward(Box::new(child.stdout.take().unwrap()));
    let err = forward(Box::new(child.stderr.take().unwrap()));
    (child, out, err)
}

/// Article notices (file → count) printed until `done` says stop.
fn notices(
    out: &mpsc::Receiver<String>,
    seen: &mut BTreeMap<String, usize>,
    done: impl Fn(&BTreeMap<String, usize>) -> bool,
) {
    let deadline = Instant::now() + WAIT;
    while !done(seen) {
        let left = deadline.saturating_duration_since(Instant::now());
        match out.recv_timeout(left) {
            Ok(line) => {
                let v: Value = serde_json::from_str(&line).expect("JSON line");
                if v["schema"] == "flashpoint.article.v1" {
                    *seen
                        .entry(v["file"].as_str().unwrap().to_string())
                        .or_default() += 1;
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
            Err(e) => panic!("waiting for article notices: {e} ({} seen)", seen.len()),
        }
    }
}

#[test]
fn sigterm_mid_backfill_stops_promptly_and_the_next_start_finishes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (inbox, state) = (dir.path().join("in"), dir.path().join("state"));
    let made = common::flashpoint()
        .args(["synth"])
        .arg(&inbox)
        .args(["--count", &FILES.to_string()])
        .output()
        .expect("synth");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert_eq!(std::fs::read_dir(&inbox).unwrap().count(), FILES);

    let (mut child, out, err) = start(&inbox, &state);
    let mut first = BTreeMap::new();
    notices(&out, &mut first, |s| s.len() >= 20);
    let pid = child.id().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = child.wait().expect("daemon exits");
    assert!(status.success(), "exit status {status}");
    notices(&out, &mut first, |_| false); // whatever was committed before exit
    let log: Vec<String> = err.try_iter().collect();
    assert!(
        first.len() < FILES,
        "the first run was meant to be interrupted ({} of {FILES} done)",
        first.len()
    );
    assert!(
        log.iter().any(|l| l.contains("left for the next start")),
        "no shutdown line in: {log:?}"
    );

    let (mut child, out, _err) = start(&inbox, &state);
    let mut second = BTreeMap::new();
    notices(&out, &mut second, |s| first.len() + s.len() >= FILES);
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    child.wait().unwrap();
    for (f, n) in first.iter().chain(second.iter()) {
        assert_eq!(*n, 1, "{f} noticed {n} times in one run");
    }
    let overlap: Vec<&String> = first.keys().filter(|f| second.contains_key(*f)).collect();
    assert!(
        overlap.is_empty(),
        "processed twice across the restart: {overlap:?}"
    );
    assert_eq!(first.len() + second.len(), FILES);
}
