//! End to end: a real `nats-server` with JetStream, the real daemon binary
//! watching a temp folder, the seed articles dropped in by rename.

mod common;

use std::path::Path;
use std::time::Duration;

use async_nats::jetstream;
use futures::StreamExt;
use serde_json::Value;

use common::{Daemon, NatsServer};

const WAIT: Duration = Duration::from_secs(60);

async fn stream_messages(js: &jetstream::Context) -> u64 {
    js.get_stream("FLASHPOINT")
        .await
        .expect("stream FLASHPOINT")
        .cached_info()
        .state
        .messages
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seeds_reach_jetstream_once_even_across_a_restart() {
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

    // Drop the seeds the way a scraper should: write aside, rename in.
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_owned();
        let tmp = inbox.join(format!(".{}.part", name.to_string_lossy()));
        std::fs::copy(&p, &tmp).unwrap();
        std::fs::rename(&tmp, inbox.join(&name)).unwrap();
        names.push(name.to_string_lossy().to_string());
    }
    // An input that is not text is refused with a notice; the daemon goes on.
    let tmp = inbox.join(".photo.jpg.part");
    std::fs::write(&tmp, b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00binary").unwrap();
    std::fs::rename(&tmp, inbox.join("photo.txt")).unwrap();
    let msg = tokio::time::timeout(WAIT, rejected.next())
        .await
        .expect("a rejected notice for the binary file")
        .unwrap();
    let v: Value = serde_json::from_slice(&msg.payload).unwrap();
    assert!(v["file"].as_str().unwrap().ends_with("photo.txt"), "{v}");
    assert!(!v["reason"].as_str().unwrap().is_empty(), "{v}");

    let mut files = Vec::new();
    while files.len() < names.len() {
        let msg = tokio::time::timeout(WAIT, notices.next())
            .await
            .expect("an article notice for every seed")
            .unwrap();
        let v: Value = serde_json::from_slice(&msg.payload).unwrap();
        files.push(v["file"].as_str().unwrap().to_string());
    }
    files.sort();
    names.sort();
    assert_eq!(files, names);

    let js = jetstream::new(client.clone());
    let total = stream_messages(&js).await;
    assert!(
        total > names.len() as u64,
        "events and states, not only notices"
    );

    // Every event carries Nats-Msg-Id = id.revision; the 27 February strike is there.
    let stream = js.get_stream("FLASHPOINT").await.unwrap();
    let mut strike = false;
    let mut events = 0;
    for seq in 1..=total {
        let m = stream.get_raw_message(seq).await.unwrap();
        if !m.subject.starts_with("flashpoint.events.") {
            continue;
        }
        events += 1;
        let v: Value = serde_json::from_slice(&m.payload).unwrap();
        let id = m.headers.get("Nats-Msg-Id").map(|h| h.as_str().to_string());
        assert_eq!(
            id,
            Some(format!("{}.{}", v["id"].as_str().unwrap(), v["revision"]))
        );
        strike |= m.subject.as_str() == "flashpoint.events.ASSAULT.SYR.TUR"
            && v["fatalities"]["killed"] == 33;
    }
    assert!(events > 0);
    assert!(strike, "the SYR→TUR strike with 33 killed was published");

    let kv = js.get_key_value("flashpoint_escalation").await.unwrap();
    let rus_tur = kv.get("RUS-TUR").await.unwrap().expect("KV key RUS-TUR");
    let v: Value = serde_json::from_slice(&rus_tur).unwrap();
    assert_eq!(v["dyad"], "RUS-TUR");

    let reply = client
        .request("flashpoint.api.escalation", "TUR-RUS".into())
        .await
        .unwrap();
    let v: Value = serde_json::from_slice(&reply.payload).unwrap();
    assert_eq!(v["dyad"], "RUS-TUR");

    assert!(daemon.stop().success(), "SIGTERM drains and exits 0");

    // A restart on the same folder publishes nothing new.
    let again = Daemon::start(&nats.url, &inbox, &state);
    again.wait_for("ready");
    assert_eq!(stream_messages(&js).await, total, "restart adds no message");
    assert!(again.stop().success());
}
