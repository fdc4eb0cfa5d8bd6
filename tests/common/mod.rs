//! Shared helpers for integration tests: a throw-away `nats-server`.
//!
//! Use from any test crate with `mod common;` and
//! `let server = common::NatsServer::start();`. Each server listens on
//! 127.0.0.1 on a port the OS picks (so tests run in parallel), keeps its
//! JetStream store in its own temporary folder, and is killed when dropped.
//! Tests that need NATS should skip or fail clearly when no server binary is
//! installed; `NatsServer::start` panics with a message saying what to install.
//!
//! Starting is synchronous (a few ms); calling it from a `#[tokio::test]` is fine.
#![allow(dead_code)] // each test crate uses a different part of this module

pub mod extract;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long a server may take to start or stop before the test fails.
const START_TIMEOUT: Duration = Duration::from_secs(10);
/// The ports file has no event to wait on; poll it this often.
const POLL_INTERVAL: Duration = Duration::from_millis(5);

/// A running `nats-server`, killed on drop.
pub struct NatsServer {
    child: Option<Child>,
    /// Client URL, e.g. `nats://127.0.0.1:40123`.
    pub url: String,
    /// The real client port (read from the server's ports file).
    pub port: u16,
    /// Whether the server runs with JetStream (`-js`).
    pub jetstream: bool,
    dir: TempDir,
    bin: PathBuf,
}

impl NatsServer {
    /// Starts a server with JetStream enabled.
    pub fn start() -> NatsServer {
        NatsServer::start_with(true)
    }

    /// Starts a server, with or without JetStream.
    pub fn start_with(js: bool) -> NatsServer {
        NatsServer::start_on(None, js)
    }

    /// Starts a server on `port` (e.g. one a daemon was already told to use,
    /// see [`free_port`]).
    pub fn start_on_port(port: u16, js: bool) -> NatsServer {
        NatsServer::start_on(Some(port), js)
    }

    fn start_on(port: Option<u16>, js: bool) -> NatsServer {
        let bin = nats_server_binary().unwrap_or_else(|| {
            panic!("nats-server not found on PATH or at /usr/sbin/nats-server (apt-get install nats-server)")
        });
        let dir = tempfile::Builder::new()
            .prefix("flashpoint-nats-")
            .tempdir()
            .expect("creating a temporary folder for nats-server");
        let mut server = NatsServer {
            child: None,
            url: String::new(),
            port: 0,
            jetstream: js,
            dir,
            bin,
        };
        server.spawn(port);
        server
    }

    /// The JetStream store folder (`-sd`), kept across [`restart`](Self::restart).
    pub fn store_dir(&self) -> PathBuf {
        self.dir.path().join("js")
    }

    /// The server's combined stdout/stderr so far (for failure messages).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log_path()).unwrap_or_default()
    }

    /// Stops the server gracefully (so JetStream flushes its store) and starts
    /// it again on the same port and store folder. Clients configured to
    /// reconnect find it again at the same URL.
    pub fn restart(&mut self) {
        self.stop();
        self.spawn(Some(self.port));
    }

    /// Stops the server gracefully (SIGINT through `nats-server --signal quit`),
    /// waiting at most 10 s before killing it. The store folder is kept.
    pub fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let pid = child.id();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(child.wait());
        });
        let _ = self.signal(pid, "quit");
        if rx.recv_timeout(START_TIMEOUT).is_err() {
            let _ = self.signal(pid, "stop"); // SIGKILL
            rx.recv_timeout(START_TIMEOUT)
                .unwrap_or_else(|_| panic!("nats-server {pid} did not stop"))
                .expect("waiting for nats-server to exit");
        }
    }

    fn signal(&self, pid: u32, what: &str) -> std::io::Result<std::process::ExitStatus> {
        Command::new(&self.bin)
            .arg("--signal")
            .arg(format!("{what}={pid}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("nats-server.log")
    }

    /// Spawns the server (on `port`, or a free one) and waits for its ports file.
    fn spawn(&mut self, port: Option<u16>) {
        let log = File::options()
            .create(true)
            .append(true)
            .open(self.log_path())
            .expect("opening the nats-server log file");
        let log_err = log.try_clone().expect("cloning the log file handle");
        let ports_dir = self.dir.path().join("ports");
        std::fs::create_dir_all(&ports_dir).expect("creating the ports folder");

        let mut cmd = Command::new(&self.bin);
        cmd.arg("-a")
            .arg("127.0.0.1")
            .arg("-p")
            .arg(port.map_or_else(|| "-1".to_string(), |p| p.to_string()))
            .arg("--ports_file_dir")
            .arg(&ports_dir);
        if self.jetstream {
            cmd.arg("-js").arg("-sd").arg(self.store_dir());
        }
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(log_err))
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", self.bin.display()));
        let pid = child.id();
        self.child = Some(child);

        let ports_file = ports_dir.join(format!("nats-server_{pid}.ports"));
        let deadline = Instant::now() + START_TIMEOUT;
        let url = loop {
            if let Some(url) = read_ports_file(&ports_file) {
                break url;
            }
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!("nats-server exited early ({status}):\n{}", self.log());
            }
            if Instant::now() > deadline {
                panic!(
                    "nats-server wrote no ports file within {START_TIMEOUT:?}:\n{}",
                    self.log()
                );
            }
            std::thread::sleep(POLL_INTERVAL);
        };
        self.port = url
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in nats-server URL {url}"));
        self.url = url;
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A port nothing listens on right now (the OS picks it; it is released
/// again, so a server started later can take it). For "NATS not there yet".
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("reserving a local port")
        .port()
}

/// `nats-server` on `PATH`, else Debian's `/usr/sbin/nats-server`.
pub fn nats_server_binary() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("nats-server"))
            .find(|p| p.is_file())
    });
    on_path.or_else(|| {
        let debian = Path::new("/usr/sbin/nats-server");
        debian.is_file().then(|| debian.to_path_buf())
    })
}

/// The client URL from a ports file (`{"nats":["nats://127.0.0.1:PORT"],...}`),
/// or `None` while it is missing or half-written.
fn read_ports_file(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["nats"].as_array()?.first()?.as_str().map(str::to_string)
}

/// The `flashpoint` binary under test, run from the crate root (so it finds
/// the shipped `config/`).
pub fn flashpoint() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_flashpoint"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Starts `flashpoint run --watch INBOX` publishing to `url` with its state
/// in `state`, JSON logs on stderr forwarded line by line to the returned
/// channel (so tests wait on log lines, never on time). `env` adds or
/// overrides variables (e.g. the quiet period).
pub fn spawn_daemon(
    url: &str,
    inbox: &Path,
    state: &Path,
    env: &[(&str, &str)],
) -> (Child, mpsc::Receiver<String>) {
    use std::io::{BufRead, BufReader};
    let mut child = flashpoint()
        .args(["run", "--watch"])
        .arg(inbox)
        .env("FLASHPOINT__NATS__URL", url)
        .env("FLASHPOINT__STATE__DIR", state)
        .env("FLASHPOINT__WATCH__QUIET_PERIOD_MS", "200")
        .env("FLASHPOINT__LOG__FORMAT", "json")
        .env("RUST_LOG", "info")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the daemon");
    let stderr = child.stderr.take().expect("piped stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    (child, rx)
}

/// How long a daemon may take to log an awaited line or to stop.
const DAEMON_WAIT: Duration = Duration::from_secs(60);

/// The daemon, with its log lines forwarded to a channel.
pub struct Daemon {
    child: Child,
    log: mpsc::Receiver<String>,
}

impl Daemon {
    pub fn start(url: &str, inbox: &Path, state: &Path) -> Daemon {
        let (child, rx) = spawn_daemon(url, inbox, state, &[]);
        Daemon { child, log: rx }
    }

    /// Waits (bounded) for a log line containing `needle`.
    pub fn wait_for(&self, needle: &str) -> String {
        let deadline = std::time::Instant::now() + DAEMON_WAIT;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match self.log.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return line,
                Ok(line) => seen.push(line),
                Err(_) => break,
            }
        }
        panic!(
            "no log line with {needle:?}; log so far:\n{}",
            seen.join("\n")
        );
    }

    /// SIGTERM, then the exit status (bounded).
    pub fn stop(mut self) -> std::process::ExitStatus {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(ok.success());
        let deadline = std::time::Instant::now() + DAEMON_WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "daemon did not stop within {DAEMON_WAIT:?}"
            );
            // No event to await on a child's exit without a runtime; poll briefly.
            std::thread::sleep(POLL_INTERVAL);
        }
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
