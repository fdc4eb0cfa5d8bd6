//! A folder of malformed inputs around good articles, through the real daemon
//! on its default stdout sink: every good file gives one article notice,
//! every bad one one rejected notice with its reason, nothing twice, and the
//! daemon is still running at the end and exits 0 on SIGTERM. The quarantine
//! variant also checks the bad files were moved and the good ones were not.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

const WAIT: Duration = Duration::from_secs(60);
/// Small enough for a test file to cross it, large enough for the articles.
const MAX_FILE_BYTES: usize = 4096;

/// What the daemon printed: a notice on stdout, or a log line on stderr.
enum Line {
    Out(Value),
    Log(String),
}

struct Daemon {
    child: Child,
    lines: mpsc::Receiver<Line>,
    log: Vec<String>,
    /// Notices that came while waiting for a log line.
    early: std::collections::VecDeque<Value>,
}

impl Daemon {
    fn start(inbox: &Path, state: &Path, quarantine: Option<&Path>) -> Daemon {
        let mut cmd = common::flashpoint();
        cmd.args(["run", "--watch"])
            .arg(inbox)
            .env_remove("FLASHPOINT__NATS__URL")
            .env("FLASHPOINT__STATE__DIR", state)
            .env("FLASHPOINT__WATCH__QUIET_PERIOD_MS", "200")
            .env(
                "FLASHPOINT__LIMITS__MAX_FILE_BYTES",
                MAX_FILE_BYTES.to_string(),
            )
            .env("FLASHPOINT__LOG__FORMAT", "json")
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        match quarantine {
            Some(q) => cmd.env("FLASHPOINT__WATCH__QUARANTINE_DIR", q),
            None => cmd.env_remove("FLASHPOINT__WATCH__QUARANTINE_DIR"),
        };
        let mut child = cmd.spawn().expect("start the daemon");
        let (tx, rx) = mpsc::channel();
        let out = child.stdout.take().expect("stdout");
        let err = child.stderr.take().expect("stderr");
        let tx2 = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let v = serde_json::from_str(&line)
                    .unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {line}"));
                if tx.send(Line::Out(v)).is_err() {
                    return;
                }
            }
        });
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if tx2.send(Line::Log(line)).is_err() {
                    return;
                }
            }
        });
        Daemon {
            child,
            lines: rx,
            log: Vec::new(),
            early: Default::default(),
        }
    }

    /// The next notice on stdout (bounded), keeping log lines for failure messages.
    fn next_notice(&mut self, deadline: Instant) -> Value {
        if let Some(v) = self.early.pop_front() {
            return v;
        }
        loop {
            let left = deadline
                .checked_duration_since(Instant::now())
                .unwrap_or_else(|| self.fail("timed out waiting for output"));
            match self.lines.recv_timeout(left) {
                Ok(Line::Out(v)) => return v,
                Ok(Line::Log(l)) => self.log.push(l),
                Err(_) => self.fail("timed out waiting for output"),
            }
        }
    }

    /// Waits (bounded) for a log line containing `needle`.
    fn wait_log(&mut self, needle: &str) {
        let deadline = Instant::now() + WAIT;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(Line::Log(l)) => {
                    let hit = l.contains(needle);
                    self.log.push(l);
                    if hit {
                        return;
                    }
                }
                Ok(Line::Out(v)) => self.early.push_back(v),
                Err(_) => break,
            }
        }
        self.fail(&format!("no log line with {needle:?}"));
    }

    fn fail(&self, why: &str) -> ! {
        panic!("{why}; daemon log:\n{}", self.log.join("\n"))
    }

    /// SIGTERM, then the exit status (bounded).
    fn stop(mut self) -> std::process::ExitStatus {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(ok.success());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "daemon did not stop in time");
            // No event to await a child's exit on without a runtime; poll briefly.
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An article: distinct text per `tag`, so every good file is new content.
fn article(tag: &str) -> String {
    format!(
        "Talks on {tag} resume in Geneva\n\n2020-02-28\n\n\
         Delegations met in Geneva on Friday to discuss {tag}, officials said."
    )
}

/// Writes `bytes` beside the inbox, then renames it in (a complete drop).
fn drop_file(stage: &Path, inbox: &Path, name: &str, bytes: &[u8]) {
    let tmp = stage.join(name);
    std::fs::write(&tmp, bytes).expect("write");
    std::fs::rename(&tmp, inbox.join(name)).expect("rename in");
}

#[cfg(unix)]
fn drop_link(stage: &Path, inbox: &Path, name: &str, target: &Path) {
    let tmp = stage.join(name);
    std::os::unix::fs::symlink(target, &tmp).expect("symlink");
    std::fs::rename(&tmp, inbox.join(name)).expect("rename in");
}

/// What each run expects, by file name.
struct Expect {
    /// File name → how many article notices.
    articles: HashMap<String, usize>,
    /// File name → a word its rejection reason must contain.
    rejected: HashMap<String, &'static str>,
}

impl Expect {
    fn total(&self) -> usize {
        self.articles.values().sum::<usize>() + self.rejected.len()
    }
}

/// Article notices by file name.
type Notices = HashMap<String, Vec<Value>>;

fn file_name(v: &Value) -> String {
    let f = v["file"].as_str().expect("file");
    Path::new(f)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| f.to_string())
}

/// Runs the whole scenario; `quarantine` also checks where the bad files went.
#[cfg(unix)]
fn scenario(with_quarantine: bool) {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().expect("tempdir");
    let inbox = dir.path().join("inbox");
    let stage = dir.path().join("stage");
    let state = dir.path().join("state");
    let outside = dir.path().join("outside");
    let quarantine = dir.path().join("quarantine");
    for d in [&inbox, &stage, &outside] {
        std::fs::create_dir_all(d).expect("mkdir");
    }
    let mut expect = Expect {
        articles: HashMap::new(),
        rejected: HashMap::new(),
    };
    let mut bad_files: Vec<String> = Vec::new();

    // Present before start (the catch-up scan): an empty file, a symlink
    // loop, and a folder link back up that must not be followed.
    std::fs::write(inbox.join("empty.txt"), b"").expect("write");
    expect.rejected.insert("empty.txt".into(), "empty");
    let loops = inbox.join("loops");
    std::fs::create_dir_all(&loops).expect("mkdir");
    std::os::unix::fs::symlink(loops.join("loop-b.txt"), loops.join("loop-a.txt"))
        .expect("symlink");
    std::os::unix::fs::symlink(loops.join("loop-a.txt"), loops.join("loop-b.txt"))
        .expect("symlink");
    std::os::unix::fs::symlink(&inbox, loops.join("up")).expect("symlink");
    // Once the first is quarantined, the second is merely dangling.
    let second = if with_quarantine {
        "symlink"
    } else {
        "symlink loop"
    };
    for (n, word) in [("loop-a.txt", "symlink loop"), ("loop-b.txt", second)] {
        expect.rejected.insert(n.into(), word);
        bad_files.push(format!("loops/{n}"));
    }
    bad_files.push("empty.txt".into());

    let mut daemon = Daemon::start(
        &inbox,
        &state,
        with_quarantine.then_some(quarantine.as_path()),
    );
    daemon.wait_log("ready");

    // Good files around the bad ones.
    drop_file(&stage, &inbox, "good-1.txt", article("grain").as_bytes());
    expect.articles.insert("good-1.txt".into(), 1);

    drop_file(
        &stage,
        &inbox,
        "binary.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    );
    expect.rejected.insert("binary.txt".into(), "binary");
    bad_files.push("binary.txt".into());

    // Invalid UTF-8 that is not Windows-1252 text either (C1 bytes).
    drop_file(
        &stage,
        &inbox,
        "garbled.txt",
        b"Talks \x81\x8d\x90\x9d resume\n",
    );
    expect.rejected.insert("garbled.txt".into(), "undecodable");
    bad_files.push("garbled.txt".into());

    let big = "Delegations met again. ".repeat(MAX_FILE_BYTES / 10);
    drop_file(&stage, &inbox, "big.txt", big.as_bytes());
    expect.rejected.insert("big.txt".into(), "over the limit");
    bad_files.push("big.txt".into());

    // Windows-1252 with accented names: must be read, not refused.
    let legacy =
        b"Fran\xe7ois Hollande re\xe7oit Jos\xe9 Manuel Dur\xe3o Barroso\n\n2020-02-28\n\n\
Fran\xe7ois Hollande a re\xe7u Jos\xe9 Manuel Dur\xe3o Barroso \xe0 l'\xc9lys\xe9e vendredi.";
    drop_file(&stage, &inbox, "legacy-1252.txt", legacy);
    expect.articles.insert("legacy-1252.txt".into(), 1);

    // Unreadable: only where permissions bind (not as root).
    let secret = stage.join("secret.txt");
    std::fs::write(&secret, article("secrets")).expect("write");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let denied = std::fs::File::open(&secret).is_err();
    if denied {
        std::fs::rename(&secret, inbox.join("secret.txt")).expect("rename in");
        expect
            .rejected
            .insert("secret.txt".into(), "permission denied");
        bad_files.push("secret.txt".into());
    } else {
        println!("skipping the permission-denied case: this user reads mode-000 files (root)");
    }

    drop_link(
        &stage,
        &inbox,
        "dangling.txt",
        &outside.join("never-written.txt"),
    );
    expect
        .rejected
        .insert("dangling.txt".into(), "dangling symlink");
    bad_files.push("dangling.txt".into());

    // A symlink to a good file elsewhere is followed.
    std::fs::write(outside.join("target.txt"), article("fisheries")).expect("write");
    drop_link(&stage, &inbox, "link.txt", &outside.join("target.txt"));
    expect.articles.insert("link.txt".into(), 1);

    // A nested folder with a good article, moved in whole.
    let nested = stage.join("nested");
    std::fs::create_dir_all(nested.join("deeper")).expect("mkdir");
    std::fs::write(nested.join("deeper/good-2.md"), article("water")).expect("write");
    std::fs::rename(&nested, inbox.join("nested")).expect("rename in");
    expect.articles.insert("good-2.md".into(), 1);

    // The same content under two names: one article.
    drop_file(&stage, &inbox, "same-a.txt", article("borders").as_bytes());
    drop_file(&stage, &inbox, "same-b.txt", article("borders").as_bytes());

    // Collect until everything so far has been reported.
    let mut articles: Notices = HashMap::new();
    let mut rejected: HashMap<String, Vec<String>> = HashMap::new();
    let mut collect = |daemon: &mut Daemon, until: &dyn Fn(&Notices) -> bool| {
        let deadline = Instant::now() + WAIT;
        let mut seen_articles = articles.clone();
        loop {
            if until(&seen_articles) {
                break;
            }
            let v = daemon.next_notice(deadline);
            match v["schema"].as_str() {
                Some("flashpoint.article.v1") => {
                    seen_articles.entry(file_name(&v)).or_default().push(v);
                }
                Some("flashpoint.rejected.v1") => {
                    let reason = v["reason"].as_str().expect("reason").to_string();
                    rejected.entry(file_name(&v)).or_default().push(reason);
                }
                _ => {}
            }
        }
        articles = seen_articles;
    };
    let want_rejected = expect.rejected.len();
    collect(&mut daemon, &|a| {
        a.contains_key("good-1.txt")
            && a.contains_key("legacy-1252.txt")
            && a.contains_key("link.txt")
            && a.contains_key("good-2.md")
            && (a.contains_key("same-a.txt") || a.contains_key("same-b.txt"))
    });

    // A file replaced with new content is a new version.
    drop_file(
        &stage,
        &inbox,
        "replaced.txt",
        article("pipelines").as_bytes(),
    );
    collect(&mut daemon, &|a| a.contains_key("replaced.txt"));
    drop_file(
        &stage,
        &inbox,
        "replaced.txt",
        article("power lines").as_bytes(),
    );
    collect(&mut daemon, &|a| {
        a.get("replaced.txt").is_some_and(|ids| ids.len() == 2)
    });
    expect.articles.insert("replaced.txt".into(), 2);

    // Last, a sentinel: the pipeline keeps order, so anything still owed
    // (a second notice for the duplicate, a late rejection) comes before it.
    drop_file(
        &stage,
        &inbox,
        "sentinel.txt",
        article("sentinels").as_bytes(),
    );
    collect(&mut daemon, &|a| a.contains_key("sentinel.txt"));
    expect.articles.insert("sentinel.txt".into(), 1);

    // Every bad file refused once, with its reason.
    for (name, word) in &expect.rejected {
        let reasons = rejected
            .get(name)
            .unwrap_or_else(|| daemon.fail(&format!("no rejected notice for {name}")));
        assert_eq!(reasons.len(), 1, "{name}: {reasons:?}");
        assert!(
            reasons[0].contains(word),
            "{name}: {:?} lacks {word:?}",
            reasons[0]
        );
        if with_quarantine {
            assert!(reasons[0].contains("moved to"), "{name}: {}", reasons[0]);
        }
    }
    assert_eq!(
        rejected.len(),
        want_rejected,
        "unexpected rejections: {rejected:?}"
    );
    // Every good file read once; the duplicate content only under one name.
    let dup: usize = ["same-a.txt", "same-b.txt"]
        .iter()
        .map(|n| articles.get(*n).map_or(0, Vec::len))
        .sum();
    assert_eq!(dup, 1, "same content twice: {articles:?}");
    for (name, n) in &expect.articles {
        assert_eq!(
            articles.get(name).map_or(0, Vec::len),
            *n,
            "{name}: {articles:?}"
        );
    }
    let replaced = &articles["replaced.txt"];
    assert_ne!(
        replaced[0]["id"], replaced[1]["id"],
        "a new version has a new id"
    );
    let legacy = &articles["legacy-1252.txt"][0];
    assert_eq!(
        legacy["title"].as_str(),
        Some("François Hollande reçoit José Manuel Durão Barroso"),
        "{legacy}"
    );
    assert_eq!(
        articles.values().map(Vec::len).sum::<usize>() + rejected.len(),
        expect.total() + 1,
        "{articles:?} {rejected:?}"
    );

    // Where the files are now.
    for rel in &bad_files {
        let in_inbox = std::fs::symlink_metadata(inbox.join(rel)).is_ok();
        let name = Path::new(rel).file_name().expect("name");
        let in_quarantine = std::fs::symlink_metadata(quarantine.join(name)).is_ok();
        if with_quarantine {
            assert!(!in_inbox && in_quarantine, "{rel} not quarantined");
        } else {
            assert!(
                in_inbox && !in_quarantine,
                "{rel} moved without a quarantine"
            );
        }
    }
    for good in ["good-1.txt", "legacy-1252.txt", "nested/deeper/good-2.md"] {
        assert!(inbox.join(good).exists(), "{good} must stay");
    }

    // Still alive after all that, and a clean stop.
    assert!(
        daemon.child.try_wait().expect("try_wait").is_none(),
        "daemon died"
    );
    let status = daemon.stop();
    assert!(status.success(), "exit status {status:?}");
}

#[cfg(unix)]
#[test]
fn malformed_inputs_are_refused_one_by_one_and_good_ones_read() {
    scenario(false);
}

#[cfg(unix)]
#[test]
fn malformed_inputs_are_quarantined() {
    scenario(true);
}
