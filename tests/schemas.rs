//! The JSON Schemas in `schemas/` are the consumers' contract: every message
//! the daemon publishes must validate against the schema its subject names,
//! and so must the one-shot commands' JSON lines. Also runs the example
//! consumer (`examples/escalation_board.rs`) against a real daemon.

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use async_nats::jetstream;
use futures::StreamExt;
use jsonschema::Validator;
use serde_json::{json, Value};

use common::{Daemon, NatsServer};

/// Bound on every wait for the daemon.
const WAIT: Duration = Duration::from_secs(60);

/// The message kinds, each with its schema file and subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Event,
    Escalation,
    Article,
    Rejected,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Event, Kind::Escalation, Kind::Article, Kind::Rejected];

    fn file(self) -> &'static str {
        match self {
            Kind::Event => "event",
            Kind::Escalation => "escalation",
            Kind::Article => "article",
            Kind::Rejected => "rejected",
        }
    }

    /// The kind a stream subject carries (SPEC §5), under prefix `flashpoint`.
    fn of_subject(subject: &str) -> Option<Kind> {
        let rest = subject.strip_prefix("flashpoint.")?;
        if rest == "rejected" {
            return Some(Kind::Rejected);
        }
        let (head, tail) = rest.split_once('.')?;
        if tail.is_empty() {
            return None;
        }
        match head {
            "events" => Some(Kind::Event),
            "escalation" => Some(Kind::Escalation),
            "articles" => Some(Kind::Article),
            _ => None,
        }
    }
}

fn schema_path(kind: Kind) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(format!("{}.schema.json", kind.file()))
}

fn load_schema(kind: Kind) -> Value {
    let path = schema_path(kind);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A validator for one schema. Formats (`date`, `date-time`) are checked too:
/// draft 2020-12 treats them as annotations unless asked.
fn validator(kind: Kind) -> Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&load_schema(kind))
        .unwrap_or_else(|e| panic!("schema {} does not compile: {e}", kind.file()))
}

/// The validation errors of `instance`, one line each (empty when valid).
fn errors(v: &Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("at {:?}: {e}", e.instance_path().as_str()))
        .collect()
}

/// Panics naming where the message came from, the message and every error.
fn assert_valid(v: &Validator, kind: Kind, origin: &str, payload: &[u8]) {
    let instance: Value = serde_json::from_slice(payload).unwrap_or_else(|e| {
        panic!(
            "{origin}: not JSON ({e}): {}",
            String::from_utf8_lossy(payload)
        )
    });
    let errs = errors(v, &instance);
    assert!(
        errs.is_empty(),
        "{origin}: message does not match schemas/{}.schema.json:\n{}\nmessage: {instance:#}",
        kind.file(),
        errs.join("\n")
    );
}

// ---------------------------------------------------------------------------
// The schemas themselves

#[test]
fn schemas_are_valid_draft_2020_12_with_stable_ids() {
    for kind in Kind::ALL {
        let schema = load_schema(kind);
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!(
                "schemas/{}.schema.json is not a valid schema: {e}",
                kind.file()
            );
        }
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{kind:?}"
        );
        assert_eq!(
            schema["$id"],
            format!("https://flashpoint.dev/schemas/{}.v1.json", kind.file())
        );
        assert_eq!(
            schema["properties"]["schema"]["const"],
            format!("flashpoint.{}.v1", kind.file())
        );
        // Every serialised field is required: the model has no
        // `skip_serializing_if`, so absent fields would be a bug, not an option.
        let props: BTreeSet<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let required: BTreeSet<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        assert_eq!(props, required, "{kind:?}: required = properties");
        assert_eq!(schema["additionalProperties"], false, "{kind:?}");
        assert!(schema["description"].as_str().is_some_and(|d| d.len() > 40));
    }
}

/// The event schema's enums are the code's and the lexicon's, so extending
/// either without the schema fails here rather than at a consumer.
#[test]
fn event_enums_follow_the_code_and_the_lexicon() {
    let schema = load_schema(Kind::Event);
    let strings = |v: &Value| -> BTreeSet<String> {
        v.as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect()
    };

    let types: BTreeSet<String> = flashpoint::model::EventType::ALL
        .iter()
        .map(|t| t.as_str().to_string())
        .collect();
    assert_eq!(strings(&schema["properties"]["type"]["enum"]), types);

    let mut modes = BTreeSet::new();
    let triggers = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/lexicon/triggers");
    for entry in std::fs::read_dir(&triggers).unwrap() {
        let path = entry.unwrap().path();
        let file: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for t in file
            .get("trigger")
            .and_then(|t| t.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(m) = t.get("mode").and_then(|m| m.as_str()) {
                modes.insert(m.to_string());
            }
        }
    }
    assert!(!modes.is_empty(), "no trigger modes found in {triggers:?}");
    let mode_enum = &schema["properties"]["mode"]["enum"];
    assert_eq!(
        strings(mode_enum),
        modes,
        "schemas/event.schema.json `mode` must list the trigger lexicon's modes"
    );
    assert!(mode_enum.as_array().unwrap().contains(&Value::Null));
}

/// A correct event built by hand; the negative tests break one thing at a time.
fn good_event() -> Value {
    json!({
        "schema": "flashpoint.event.v1", "id": "0123456789abcdef", "revision": 2,
        "type": "ASSAULT", "mode": "aerial", "cameo_root": "19",
        "quad_class": "material_conflict", "goldstein": -10.0,
        "date": "2020-02-27", "date_precision": "day",
        "source": {"code": "SYR", "name": "Syria", "sector": "MIL"},
        "target": null,
        "location": {"name": "Idlib", "country": "SYR", "lat": 35.93, "lon": 36.63},
        "fatalities": {"killed": 33, "wounded": null}, "confidence": 0.85,
        "mentions": 4, "articles": 3, "languages": ["en", "id"],
        "evidence": [{"article": "fedcba9876543210", "file": "002.txt", "language": "en",
                      "span": [1203, 1311], "text": "…the sentence…"}],
        "first_seen": "2026-11-22T15:00:00Z", "updated": "2026-11-22T15:00:01.5Z"
    })
}

/// A correct escalation state built by hand.
fn good_state() -> Value {
    json!({
        "schema": "flashpoint.escalation.v1", "dyad": "RUS-TUR", "as_of": "2020-03-02",
        "score": 50.1, "level": 4, "label": "lethal clashes", "trend": "rising",
        "delta_7d": 25.5,
        "drivers": [{"event": "8f34191ebd0e1a39", "contribution": 0.49, "via": "via SYR"}],
        "counts": {"verbal_cooperation": 2, "material_cooperation": 2,
                   "verbal_conflict": 2, "material_conflict": 1},
        "fatalities_7d": 0
    })
}

#[test]
fn broken_messages_are_refused() {
    let events = validator(Kind::Event);
    let good = good_event();
    assert_eq!(
        errors(&events, &good),
        Vec::<String>::new(),
        "the base case is valid"
    );

    // Missing id and a date of the wrong type: both reported.
    let mut bad = good.clone();
    bad.as_object_mut().unwrap().remove("id");
    bad["date"] = json!(20200227);
    let errs = errors(&events, &bad);
    assert!(errs.iter().any(|e| e.contains("\"id\"")), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("\"/date\"")), "{errs:?}");

    // Each of these alone is refused.
    let breakages: [(&str, Value); 8] = [
        ("/date", json!("27/02/2020")),         // not a date
        ("/first_seen", json!("yesterday")),    // not a date-time
        ("/type", json!("BOMB")),               // not a PLOVER type
        ("/mode", json!("catapult")),           // not a lexicon mode
        ("/confidence", json!(1.5)),            // out of 0..1
        ("/fatalities/killed", json!(-1)),      // negative toll
        ("/source/code", json!("syr")),         // codes are upper case
        ("/evidence/0/span", json!([1, 2, 3])), // a span is two offsets
    ];
    for (pointer, value) in breakages {
        let mut bad = good.clone();
        *bad.pointer_mut(pointer).unwrap() = value.clone();
        assert!(
            !errors(&events, &bad).is_empty(),
            "{pointer} = {value} should be refused"
        );
    }
    let mut extra = good.clone();
    extra["colour"] = json!("red");
    assert!(
        !errors(&events, &extra).is_empty(),
        "unknown fields are refused"
    );

    // An escalation state whose label contradicts its level, or whose trend
    // contradicts its delta.
    let states = validator(Kind::Escalation);
    let state = good_state();
    assert_eq!(errors(&states, &state), Vec::<String>::new());
    for (pointer, value) in [
        ("/label", json!("calm")),
        ("/trend", json!("falling")),
        ("/level", json!(6)),
        ("/dyad", json!("RUS")),
        ("/drivers/0/via", json!("indirect")),
    ] {
        let mut bad = state.clone();
        *bad.pointer_mut(pointer).unwrap() = value.clone();
        assert!(
            !errors(&states, &bad).is_empty(),
            "{pointer} = {value} should be refused"
        );
    }
}

// ---------------------------------------------------------------------------
// The one-shot commands' JSON lines

fn seed_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seeds in {}", dir.display());
    files
}

/// Runs `flashpoint <command> seeds/*` and validates every line as `kind`.
fn check_command_lines(command: &str, kind: Kind) -> usize {
    let out = common::flashpoint()
        .arg(command)
        .args(seed_files())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "flashpoint {command}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = validator(kind);
    let text = String::from_utf8(out.stdout).unwrap();
    for (i, line) in text.lines().enumerate() {
        assert_valid(
            &v,
            kind,
            &format!("`flashpoint {command}` line {}", i + 1),
            line.as_bytes(),
        );
    }
    text.lines().count()
}

#[test]
fn extract_and_escalation_lines_match_the_schemas() {
    let events = check_command_lines("extract", Kind::Event);
    assert!(events > 0, "extract printed no event");
    let states = check_command_lines("escalation", Kind::Escalation);
    assert!(states > 0, "escalation printed no state");
}

// ---------------------------------------------------------------------------
// The daemon against a real nats-server

/// A nats-server and a daemon that has published the seeds and one refused
/// binary file: every article notice and the rejected notice are in.
///
/// Fields drop in order: the daemon stops before its server.
struct Seeded {
    _daemon: Daemon,
    client: async_nats::Client,
    nats: NatsServer,
    _dir: tempfile::TempDir,
}

async fn seeded() -> Seeded {
    let nats = NatsServer::start();
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let state = dir.path().join("state");
    std::fs::create_dir_all(&inbox).unwrap();

    let client = async_nats::connect(&nats.url).await.unwrap();
    let mut notices = client.subscribe("flashpoint.articles.>").await.unwrap();
    let mut rejected = client.subscribe("flashpoint.rejected").await.unwrap();
    client.flush().await.unwrap();

    let daemon = Daemon::start(&nats.url, &inbox, &state);
    daemon.wait_for("ready");

    // Write aside, rename in: the daemon sees complete files only.
    let seeds = seed_files();
    for p in &seeds {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let tmp = inbox.join(format!(".{name}.part"));
        std::fs::copy(p, &tmp).unwrap();
        std::fs::rename(&tmp, inbox.join(&name)).unwrap();
    }
    let tmp = inbox.join(".photo.part");
    std::fs::write(&tmp, b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00binary").unwrap();
    std::fs::rename(&tmp, inbox.join("photo.txt")).unwrap();

    tokio::time::timeout(WAIT, rejected.next())
        .await
        .expect("a rejected notice for the binary file within the timeout")
        .expect("subscription open");
    for n in 0..seeds.len() {
        tokio::time::timeout(WAIT, notices.next())
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "only {n} of {} article notices within {WAIT:?}",
                    seeds.len()
                )
            })
            .expect("subscription open");
    }
    Seeded {
        _daemon: daemon,
        client,
        nats,
        _dir: dir,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_published_message_matches_its_schema() {
    let s = seeded().await;
    let validators: Vec<(Kind, Validator)> = Kind::ALL.iter().map(|&k| (k, validator(k))).collect();
    let by_kind = |k: Kind| &validators.iter().find(|(kind, _)| *kind == k).unwrap().1;

    // Every notice was delivered after its article's messages were stored,
    // so the stream now holds all of them.
    let js = jetstream::new(s.client.clone());
    let mut stream = js
        .get_stream("FLASHPOINT")
        .await
        .expect("stream FLASHPOINT");
    let info = stream.info().await.unwrap();
    let (first, last) = (info.state.first_sequence, info.state.last_sequence);
    assert_eq!(
        info.state.messages,
        last - first + 1,
        "no gaps in the stream"
    );

    let mut counts = std::collections::BTreeMap::<Kind, usize>::new();
    for seq in first..=last {
        let m = stream.get_raw_message(seq).await.unwrap();
        let subject = m.subject.to_string();
        let kind = Kind::of_subject(&subject)
            .unwrap_or_else(|| panic!("stream message {seq} on unexpected subject {subject}"));
        assert_valid(
            by_kind(kind),
            kind,
            &format!("{subject} (seq {seq})"),
            &m.payload,
        );
        *counts.entry(kind).or_default() += 1;
    }
    for kind in Kind::ALL {
        assert!(
            counts.get(&kind).copied().unwrap_or(0) > 0,
            "no {kind:?} message in the stream: {counts:?}"
        );
    }
    assert_eq!(counts[&Kind::Article], seed_files().len(), "{counts:?}");
    assert_eq!(counts[&Kind::Rejected], 1, "{counts:?}");

    // The KV bucket and the API answer with the same message.
    let states = by_kind(Kind::Escalation);
    let kv = js.get_key_value("flashpoint_escalation").await.unwrap();
    let value = kv.get("RUS-TUR").await.unwrap().expect("KV key RUS-TUR");
    assert_valid(
        states,
        Kind::Escalation,
        "KV flashpoint_escalation/RUS-TUR",
        &value,
    );
    let reply = s
        .client
        .request("flashpoint.api.escalation", "all".into())
        .await
        .unwrap();
    let all: Vec<Value> = serde_json::from_slice(&reply.payload).unwrap();
    assert!(!all.is_empty());
    for (i, state) in all.iter().enumerate() {
        assert_valid(
            states,
            Kind::Escalation,
            &format!("flashpoint.api.escalation `all` item {i}"),
            state.to_string().as_bytes(),
        );
    }
}

// ---------------------------------------------------------------------------
// The example consumer

/// `target/<profile>/examples/escalation_board`, which `cargo test` builds
/// beside this test's binary (`target/<profile>/deps/schemas-…`). Running it
/// through `cargo run` from here could wait forever on cargo's build lock.
fn board_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("test binary under target/<profile>/deps");
    let bin = profile_dir
        .join("examples")
        .join(format!("escalation_board{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "example binary {} is missing: run `cargo build --examples` first \
         (plain `cargo test` builds it; `cargo test --all-targets` does not)",
        bin.display()
    );
    bin
}

/// Runs the board with `--once` against `url` (bounded) and returns its stdout.
fn board_once(url: &str) -> String {
    let mut child = Command::new(board_binary())
        .arg("--once")
        .env("NATS_URL", url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the example");
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        let mut out = String::new();
        let mut err = String::new();
        let _ = std::io::Read::read_to_string(&mut BufReader::new(stdout), &mut out);
        let _ = std::io::Read::read_to_string(&mut BufReader::new(stderr), &mut err);
        let _ = tx.send((out, err));
    });
    let Ok((out, err)) = rx.recv_timeout(WAIT) else {
        let _ = child.kill();
        panic!("the board did not exit within {WAIT:?}");
    };
    let status = child.wait().unwrap();
    assert!(status.success(), "board failed ({status}): {err}\n{out}");
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_board_shows_the_daemons_states_most_escalated_first() {
    let s = seeded().await;
    let url = s.nats.url.clone();
    let board = tokio::task::spawn_blocking(move || board_once(&url))
        .await
        .unwrap();
    assert!(board.contains("RUS-TUR"), "{board}");
    assert!(board.contains("SYR-TUR"), "{board}");

    // Rows in the order the API's states sort to: level, then score, descending.
    let reply = s
        .client
        .request("flashpoint.api.escalation", "all".into())
        .await
        .unwrap();
    let mut states: Vec<Value> = serde_json::from_slice(&reply.payload).unwrap();
    states.sort_by(|a, b| {
        let key = |v: &Value| (v["level"].as_u64().unwrap(), v["score"].as_f64().unwrap());
        let (ka, kb) = (key(a), key(b));
        kb.0.cmp(&ka.0)
            .then(kb.1.total_cmp(&ka.1))
            .then(a["dyad"].as_str().cmp(&b["dyad"].as_str()))
    });
    let expected: Vec<&str> = states.iter().map(|v| v["dyad"].as_str().unwrap()).collect();
    let rows: Vec<&str> = board
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| expected.contains(w))
        .collect();
    assert_eq!(rows, expected, "{board}");
    let rus_tur = board.lines().find(|l| l.starts_with("RUS-TUR ")).unwrap();
    let state = states.iter().find(|v| v["dyad"] == "RUS-TUR").unwrap();
    assert!(
        rus_tur.contains(state["label"].as_str().unwrap()),
        "{rus_tur} shows {}",
        state["label"]
    );
}

#[test]
fn the_example_board_starts_empty_without_a_daemon() {
    let nats = NatsServer::start_with(false);
    let board = board_once(&nats.url);
    assert!(board.contains("0 dyad(s)"), "{board}");
    assert!(board.contains("no daemon answers"), "{board}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_board_redraws_when_a_state_arrives() {
    let nats = NatsServer::start_with(false);
    let mut board = KillOnDrop(
        Command::new(board_binary())
            .env("NATS_URL", &nats.url)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the example"),
    );
    let stdout = board.0.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    let wait_line = |needle: &str| {
        let deadline = Instant::now() + WAIT;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => {}
                Err(e) => panic!("the board printed no line with {needle:?}: {e}"),
            }
        }
        panic!("the board printed no line with {needle:?} within {WAIT:?}");
    };
    // The first board is drawn after the board subscribed and asked the API
    // (no responders here), so the server knows the subscription by then.
    wait_line("0 dyad(s)");

    let client = async_nats::connect(&nats.url).await.unwrap();
    let state = good_state();
    client
        .publish("flashpoint.escalation.RUS-TUR", state.to_string().into())
        .await
        .unwrap();
    client.flush().await.unwrap();
    wait_line("1 dyad(s)");
    let row = wait_line("RUS-TUR");
    assert!(row.contains("4 lethal clashes"), "{row}");
    assert!(
        row.contains("50.1") && row.contains("+25.5 rising"),
        "{row}"
    );
}

/// A live board runs until stopped: stop it even when the test fails.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
