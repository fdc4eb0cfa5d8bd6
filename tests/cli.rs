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
