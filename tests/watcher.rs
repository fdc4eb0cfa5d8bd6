//! The folder watcher against real folders: the catch-up scan, files renamed
//! into place, files written in place (quiet period), ignored names.
//!
//! "Never arrives" is shown with a sentinel: a file written in place *after*
//! the ignored one. Had the ignored file been tracked, its quiet period would
//! have ended first, so it would have been sent before the sentinel.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use flashpoint::config::WatchSettings;
use flashpoint::ingest::watcher::{watch, WatchEvent};
use tokio::sync::{mpsc, watch as watch_channel};
use tokio::task::JoinHandle;
use tokio::time::{timeout, Instant};

const QUIET_MS: u64 = 200;
const LIMIT: Duration = Duration::from_secs(10);

fn settings(dir: &Path, poll: bool) -> WatchSettings {
    WatchSettings {
        dirs: vec![dir.to_path_buf()],
        quiet_period_ms: QUIET_MS,
        poll,
        poll_interval_ms: 50,
        rescan_interval_secs: 0,
        quarantine_dir: None,
    }
}

struct Running {
    rx: mpsc::Receiver<WatchEvent>,
    stop: watch_channel::Sender<bool>,
    task: JoinHandle<anyhow::Result<()>>,
}

fn start(settings: WatchSettings) -> Running {
    let (tx, rx) = mpsc::channel(64);
    let (stop, stop_rx) = watch_channel::channel(false);
    let task = tokio::spawn(watch(settings, tx, stop_rx));
    Running { rx, stop, task }
}

impl Running {
    async fn next(&mut self) -> WatchEvent {
        timeout(LIMIT, self.rx.recv())
            .await
            .expect("an event within 10 s")
            .expect("the watcher is running")
    }

    /// The files sent before `CaughtUp`.
    async fn caught_up(&mut self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        loop {
            match self.next().await {
                WatchEvent::File(p) => files.push(p),
                WatchEvent::CaughtUp => return files,
            }
        }
    }

    /// Every file sent up to and including `last`.
    async fn until(&mut self, last: &Path) -> Vec<PathBuf> {
        let mut files = Vec::new();
        loop {
            match self.next().await {
                WatchEvent::File(p) => {
                    let done = p == last;
                    files.push(p);
                    if done {
                        return files;
                    }
                }
                WatchEvent::CaughtUp => panic!("CaughtUp sent twice"),
            }
        }
    }

    async fn stop(self) {
        self.stop.send(true).expect("watcher listens");
        timeout(LIMIT, self.task)
            .await
            .expect("stops within 10 s")
            .expect("task not panicked")
            .expect("watcher ends cleanly");
    }
}

/// Writes `path` in place, in two steps, like a slow writer.
fn write_in_place(path: &Path, text: &str) {
    let mut f = std::fs::File::create(path).expect("create");
    let (a, b) = text.split_at(text.len() / 2);
    f.write_all(a.as_bytes()).expect("write");
    f.flush().expect("flush");
    f.write_all(b.as_bytes()).expect("write");
}

#[tokio::test]
async fn file_present_before_start_is_sent_before_caught_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::write(root.join("a.txt"), "Xland said things.").expect("write");
    std::fs::create_dir(root.join("sub")).expect("mkdir");
    std::fs::write(root.join("sub/b.md"), "# Title here").expect("write");
    std::fs::write(root.join(".hidden.txt"), "no").expect("write");
    std::fs::write(root.join("c.tmp"), "no").expect("write");

    let mut w = start(settings(root, false));
    assert_eq!(
        w.caught_up().await,
        vec![root.join("a.txt"), root.join("sub/b.md")]
    );
    w.stop().await;
}

#[tokio::test]
async fn renamed_in_file_arrives_and_the_tmp_never_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let mut w = start(settings(root, false));
    assert!(w.caught_up().await.is_empty());

    let tmp = root.join("x.tmp");
    let done = root.join("x.txt");
    write_in_place(&tmp, "Xland troops crossed the border at dawn.");
    std::fs::rename(&tmp, &done).expect("rename");
    let sentinel = root.join("zz-sentinel.txt");
    write_in_place(&sentinel, "sentinel");

    let got = w.until(&sentinel).await;
    assert!(!got.contains(&tmp), "{got:?}");
    assert_eq!(got.iter().filter(|p| **p == done).count(), 1, "{got:?}");
    w.stop().await;
}

#[tokio::test]
async fn file_written_in_place_arrives_only_after_the_quiet_period() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let mut w = start(settings(root, false));
    assert!(w.caught_up().await.is_empty());

    let path = root.join("w.txt");
    let mut f = std::fs::File::create(&path).expect("create");
    // A slow writer (pacing, not synchronisation): pauses shorter than the
    // quiet period must not complete the file.
    let parts = ["Xland troops ", "crossed the border ", "at dawn."];
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            tokio::time::sleep(Duration::from_millis(QUIET_MS / 2)).await;
        }
        f.write_all(part.as_bytes()).expect("write");
        f.flush().expect("flush");
    }
    drop(f);
    let last_write = Instant::now();

    assert_eq!(w.next().await, WatchEvent::File(path.clone()));
    let waited = last_write.elapsed();
    assert!(
        waited >= Duration::from_millis(QUIET_MS),
        "sent {waited:?} after the last write"
    );
    // Sent once, whole.
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "Xland troops crossed the border at dawn."
    );
    let sentinel = root.join("zz-sentinel.txt");
    write_in_place(&sentinel, "sentinel");
    assert_eq!(w.until(&sentinel).await, vec![sentinel.clone()]);
    w.stop().await;
}

#[tokio::test]
async fn ignored_names_never_arrive() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let mut w = start(settings(root, false));
    assert!(w.caught_up().await.is_empty());

    write_in_place(&root.join(".hidden.txt"), "dotfile");
    write_in_place(&root.join("draft.txt~"), "backup");
    write_in_place(&root.join("download.part"), "partial");
    std::fs::create_dir(root.join(".cache")).expect("mkdir");
    write_in_place(&root.join(".cache/inside.txt"), "in a dot folder");
    let sentinel = root.join("zz-sentinel.txt");
    write_in_place(&sentinel, "sentinel");

    assert_eq!(w.until(&sentinel).await, vec![sentinel.clone()]);
    w.stop().await;
}

#[tokio::test]
async fn folder_moved_in_sends_its_files() {
    let outside = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let mut w = start(settings(root, false));
    assert!(w.caught_up().await.is_empty());

    let batch = outside.path().join("batch");
    std::fs::create_dir(&batch).expect("mkdir");
    std::fs::write(batch.join("1.txt"), "first").expect("write");
    std::fs::write(batch.join("2.txt"), "second").expect("write");
    std::fs::rename(&batch, root.join("batch")).expect("rename");

    let got = w.until(&root.join("batch/2.txt")).await;
    assert_eq!(
        got,
        vec![root.join("batch/1.txt"), root.join("batch/2.txt")]
    );
    w.stop().await;
}

#[tokio::test]
async fn polling_watcher_sees_new_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let mut w = start(settings(root, true));
    assert!(w.caught_up().await.is_empty());

    let path = root.join("p.txt");
    write_in_place(&path, "polled");
    assert_eq!(w.until(&path).await, vec![path.clone()]);
    w.stop().await;
}

#[tokio::test]
async fn dropping_the_receiver_ends_the_watcher() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut w = start(settings(dir.path(), false));
    assert!(w.caught_up().await.is_empty());
    drop(w.rx);
    timeout(LIMIT, w.task)
        .await
        .expect("ends within 10 s")
        .expect("task not panicked")
        .expect("ends cleanly");
}

#[tokio::test]
async fn missing_folder_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-inbox");
    let (tx, _rx) = mpsc::channel(4);
    let (_stop, stop_rx) = watch_channel::channel(false);
    let err = watch(settings(&missing, false), tx, stop_rx)
        .await
        .expect_err("a missing folder is an error");
    assert!(err.to_string().contains("no-such-inbox"), "{err}");
}
