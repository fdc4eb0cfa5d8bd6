//! The command line's contract: exit codes, one-line errors naming the key or
//! file at fault, and environment overrides (SPEC §1–2).

mod common;

use common::flashpoint;

#[test]
fn environment_overrides_the_shipped_config() {
    let out = flashpoint()
        .arg("check-config")
        .env("FLASHPOINT__NATS__URL", "nats://127.0.0.1:4999")
        .env("FLASHPOINT__WATCH__QUIET_PERIOD_MS", "250")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("url = \"nats://127.0.0.1:4999\""), "{text}");
    assert!(text.contains("quiet_period_ms = 250"), "{text}");
}

#[test]
fn bad_configuration_exits_2_naming_the_key_or_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[watch]\nquiet_period = 5\n").unwrap();
    let out = flashpoint()
        .args(["check-config", "--config"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("quiet_period"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");

    let out = flashpoint()
        .arg("check-config")
        .env("FLASHPOINT__EXTRACT__MIN_CONFIDENCE", "7")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("extract.min_confidence"));

    let missing = flashpoint()
        .args(["check-config", "--config", "/nonexistent/flashpoint.toml"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_2_and_unreadable_inputs_exit_1() {
    let out = flashpoint().arg("no-such-command").output().unwrap();
    assert_eq!(out.status.code(), Some(2));

    let out = flashpoint().args(["run"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "run needs a folder to watch");

    let out = flashpoint()
        .args(["extract", "/nonexistent/article.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/article.txt"));
}

/// The daemon's start with `state.dir` set to `state`: exit code and stderr.
fn run_with_state(state: &std::path::Path) -> (Option<i32>, String) {
    let inbox = tempfile::tempdir().unwrap();
    let out = flashpoint()
        .args(["run", "--watch"])
        .arg(inbox.path())
        .env("FLASHPOINT__STATE__DIR", state)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_state_dir_that_cannot_be_created_stops_the_start_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let state = file.join("state");
    let (code, err) = run_with_state(&state);
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(&format!("state.dir: cannot create {}", state.display())),
        "{err}"
    );
}

/// sysfs refuses new files even to root (tests run as root, where mode bits
/// do not deny writes), so it stands in for a read-only state folder.
#[test]
fn a_state_dir_that_cannot_be_written_stops_the_start_naming_it() {
    let sys = std::path::Path::new("/sys/kernel");
    if std::fs::write(sys.join(".flashpoint-probe"), b"").is_ok() || !sys.is_dir() {
        eprintln!("skipped: no unwritable sysfs folder here");
        return;
    }
    let (code, err) = run_with_state(sys);
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(
        err.contains("state.dir: cannot write in /sys/kernel"),
        "{err}"
    );
}
