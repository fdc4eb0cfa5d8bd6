//! What the end-to-end benches share: a throw-away `nats-server -js` (the
//! minimal part of `tests/common/mod.rs`), the release `flashpoint` binary,
//! peak-RSS polling and small formatting helpers.
#![allow(dead_code)] // each bench uses a different part

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// A `nats-server -js` on a free 127.0.0.1 port with its store in a temp
/// folder (never the machine's own :4222), killed on drop.
pub struct NatsServer {
    child: Child,
    pub url: String,
    _dir: TempDir,
}

impl NatsServer {
    pub fn start() -> NatsServer {
        let bin = nats_server_binary().unwrap_or_else(|| {
            panic!("nats-server not found on PATH or at /usr/sbin/nats-server (apt-get install nats-server)")
        });
        let dir = tempfile::Builder::new()
            .prefix("fp-bench-nats-")
            .tempdir()
            .expect("temp folder for nats-server");
        let ports = dir.path().join("ports");
        std::fs::create_dir_all(&ports).unwrap();
        let log = File::create(dir.path().join("nats-server.log")).unwrap();
        let child = Command::new(bin)
            .args(["-a", "127.0.0.1", "-p", "-1", "-js", "-sd"])
            .arg(dir.path().join("js"))
            .arg("--ports_file_dir")
            .arg(&ports)
            .stdin(Stdio::null())
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("starting nats-server");
        let file = ports.join(format!("nats-server_{}.ports", child.id()));
        let deadline = Instant::now() + Duration::from_secs(10);
        let url = loop {
            let v: Option<serde_json::Value> = std::fs::read_to_string(&file)
                .ok()
                .and_then(|t| serde_json::from_str(&t).ok());
            if let Some(u) = v.as_ref().and_then(|v| v["nats"][0].as_str()) {
                break u.to_string();
            }
            assert!(Instant::now() < deadline, "nats-server did not start");
            std::thread::sleep(Duration::from_millis(5));
        };
        NatsServer {
            child,
            url,
            _dir: dir,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
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

/// The release binary (`scripts/bench.sh` builds it first): benches get no
/// `CARGO_BIN_EXE_*`. `FP_BENCH_BIN` overrides. `None` when it is not built.
pub fn flashpoint_binary() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FP_BENCH_BIN") {
        return Some(PathBuf::from(p));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let p = target.join("release/flashpoint");
    p.is_file().then_some(p)
}

/// A `flashpoint` command run from the crate root (it finds `config/`).
pub fn flashpoint(bin: &Path) -> Command {
    let mut c = Command::new(bin);
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// A kB field of `/proc/<pid>/status` (`VmHWM` peak RSS, `VmRSS` now).
pub fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Polls a process's `VmHWM` (the kernel's own peak, so polling misses
/// nothing) until stopped; `peak_kb()` is the last value read.
pub struct PeakRss {
    stop: Arc<AtomicBool>,
    kb: Arc<AtomicU64>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl PeakRss {
    pub fn watch(pid: u32) -> PeakRss {
        let stop = Arc::new(AtomicBool::new(false));
        let kb = Arc::new(AtomicU64::new(0));
        let handle = std::thread::spawn({
            let (stop, kb) = (stop.clone(), kb.clone());
            move || {
                while !stop.load(Ordering::Relaxed) {
                    match status_kb(pid, "VmHWM") {
                        Some(v) => kb.fetch_max(v, Ordering::Relaxed),
                        None => return,
                    };
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        });
        PeakRss {
            stop,
            kb,
            handle: Some(handle),
        }
    }

    pub fn peak_kb(&self) -> u64 {
        self.kb.load(Ordering::Relaxed)
    }
}

impl Drop for PeakRss {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// Bytes under a folder (files only; the state's size on disk).
pub fn dir_bytes(dir: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return 0;
    };
    rd.flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_bytes(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// `n` from an environment variable, else `bench` or `smoke` by mode.
pub fn env_n(var: &str, bench: u64, smoke: u64) -> u64 {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if is_bench() { bench } else { smoke })
}

/// `cargo bench` passes `--bench`; `cargo test --all-targets` does not.
pub fn is_bench() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Sends SIGTERM (the daemon drains and exits 0) and waits up to `grace`.
pub fn terminate(child: &mut Child, grace: Duration) {
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status();
    let deadline = Instant::now() + grace;
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Waits until `file` contains `needle` (a log line), or `timeout`.
/// Reads only what was appended since the last look.
pub fn wait_for_log(file: &Path, needle: &str, timeout: Duration) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let deadline = Instant::now() + timeout;
    let mut seen = 0u64;
    let mut carry = String::new();
    while Instant::now() < deadline {
        if let Ok(mut f) = File::open(file) {
            let mut buf = Vec::new();
            if f.seek(SeekFrom::Start(seen)).is_ok() && f.read_to_end(&mut buf).is_ok() {
                seen += buf.len() as u64;
                carry.push_str(&String::from_utf8_lossy(&buf));
                if carry.contains(needle) {
                    return true;
                }
                // Keep a short overlap so a needle across reads is still found.
                let keep = carry.len().saturating_sub(needle.len());
                let cut = (keep..=carry.len())
                    .find(|&i| carry.is_char_boundary(i))
                    .unwrap_or(0);
                carry.drain(..cut);
            }
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    false
}
