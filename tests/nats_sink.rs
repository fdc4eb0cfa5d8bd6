//! The NATS sink against a real `nats-server` (see `tests/common`): stream,
//! duplicate window, KV bucket, the escalation service and its errors.

mod common;

use std::future::Future;
use std::time::Duration;

use async_nats::jetstream::{self, stream};
use chrono::{NaiveDate, TimeZone, Utc};
use common::NatsServer;
use flashpoint::config::Settings;
use flashpoint::model::{
    Actor, ArticleNotice, DatePrecision, Driver, EscalationState, Event, EventType, Evidence,
    Fatalities, Location, Output, QuadClass, QuadCounts, RejectedNotice,
};
use flashpoint::publish::nats::NatsSink;

/// Upper bound for any single network step of these tests.
const STEP: Duration = Duration::from_secs(15);

async fn within<T>(what: &str, fut: impl Future<Output = T>) -> T {
    tokio::time::timeout(STEP, fut)
        .await
        .unwrap_or_else(|_| panic!("timed out: {what}"))
}

fn settings(url: &str) -> Settings {
    let mut s = Settings::default();
    s.nats.url = Some(url.to_string());
    s
}

fn actor(code: &str, name: &str) -> Actor {
    Actor {
        code: code.into(),
        name: name.into(),
        sector: "MIL".into(),
    }
}

fn event() -> Event {
    let seen = Utc.with_ymd_and_hms(2020, 2, 28, 6, 0, 0).unwrap();
    Event {
        schema: "flashpoint.event.v1".into(),
        id: "6f1c0e2a9b7d4c31".into(),
        revision: 2,
        event_type: EventType::Assault,
        mode: Some("aerial".into()),
        cameo_root: "19".into(),
        quad_class: QuadClass::MaterialConflict,
        goldstein: -10.0,
        date: NaiveDate::from_ymd_opt(2020, 2, 27).unwrap(),
        date_precision: DatePrecision::Day,
        source: actor("SYR", "Syria"),
        target: Some(actor("TUR", "Turkey")),
        location: Some(Location {
            name: "Idlib".into(),
            country: "SYR".into(),
            lat: 35.93,
            lon: 36.63,
        }),
        fatalities: Fatalities {
            killed: Some(33),
            wounded: None,
        },
        confidence: 0.85,
        mentions: 2,
        articles: 2,
        languages: vec!["en".into(), "id".into()],
        evidence: vec![Evidence {
            article: "a1".into(),
            file: "002_70623a27b97a395d.txt".into(),
            language: "en".into(),
            span: [1203, 1311],
            text: "33 Turkish soldiers were killed in an air strike.".into(),
        }],
        first_seen: seen,
        updated: seen,
    }
}

fn state() -> EscalationState {
    EscalationState {
        schema: "flashpoint.escalation.v1".into(),
        dyad: "RUS-TUR".into(),
        as_of: NaiveDate::from_ymd_opt(2020, 2, 27).unwrap(),
        score: 64.5,
        level: 4,
        label: "lethal clashes".into(),
        trend: "rising".into(),
        delta_7d: 41.0,
        drivers: vec![Driver {
            event: "6f1c0e2a9b7d4c31".into(),
            contribution: 20.0,
            via: "via SYR".into(),
        }],
        counts: QuadCounts {
            material_conflict: 1,
            ..QuadCounts::default()
        },
        fatalities_7d: 33,
    }
}

fn article() -> ArticleNotice {
    ArticleNotice {
        schema: "flashpoint.article.v1".into(),
        id: "a1".into(),
        file: "002_70623a27b97a395d.txt".into(),
        title: Some("Turkish soldiers killed in Idlib".into()),
        published: NaiveDate::from_ymd_opt(2020, 2, 28),
        url: None,
        language: "en".into(),
        events: vec!["6f1c0e2a9b7d4c31".into()],
        duplicate_of: None,
    }
}

fn rejected() -> RejectedNotice {
    RejectedNotice {
        schema: "flashpoint.rejected.v1".into(),
        file: "photo.txt".into(),
        reason: "binary content".into(),
        at: Utc::now(),
    }
}

async fn stream_messages(js: &jetstream::Context) -> u64 {
    within("stream info", js.get_stream("FLASHPOINT"))
        .await
        .expect("stream FLASHPOINT exists")
        .cached_info()
        .state
        .messages
}

async fn request(client: &async_nats::Client, subject: &str, body: &str) -> serde_json::Value {
    let reply = within(
        &format!("request {subject} {body:?}"),
        client.request(subject.to_string(), body.to_string().into()),
    )
    .await
    .unwrap_or_else(|e| panic!("request {subject} {body:?}: {e}"));
    serde_json::from_slice(&reply.payload).expect("reply is JSON")
}

#[tokio::test]
async fn publishes_to_stream_and_kv_and_serves_states() {
    let server = NatsServer::start();
    let mut sink = within("connect", NatsSink::connect(&settings(&server.url)))
        .await
        .expect("sink connects");

    let outputs = [
        Output::Event(Box::new(event())),
        Output::Escalation(Box::new(state())),
        Output::Article(article()),
        Output::Rejected(rejected()),
    ];
    for out in &outputs {
        within("publish", sink.publish(out))
            .await
            .expect("published");
    }

    let client = async_nats::connect(&server.url).await.expect("test client");
    let js = jetstream::new(client.clone());
    assert_eq!(stream_messages(&js).await, 4);

    let stream = js.get_stream("FLASHPOINT").await.unwrap();
    let expected = [
        "flashpoint.events.ASSAULT.SYR.TUR",
        "flashpoint.escalation.RUS-TUR",
        "flashpoint.articles.en",
        "flashpoint.rejected",
    ];
    for (seq, subject) in (1..).zip(expected) {
        let msg = within("get message", stream.get_raw_message(seq))
            .await
            .unwrap_or_else(|e| panic!("message {seq}: {e}"));
        assert_eq!(msg.subject.as_str(), subject, "message {seq}");
        let v: serde_json::Value = serde_json::from_slice(&msg.payload).unwrap();
        assert!(v["schema"].as_str().unwrap().starts_with("flashpoint."));
    }
    let first = stream.get_raw_message(1).await.unwrap();
    assert_eq!(
        first
            .headers
            .get("Nats-Msg-Id")
            .map(|v| v.as_str().to_string()),
        Some("6f1c0e2a9b7d4c31.2".to_string())
    );
    let stored: Event = serde_json::from_slice(&first.payload).unwrap();
    assert_eq!(stored, event());

    // A retry of the same revision is dropped by the duplicate window; a new
    // revision is a new message.
    within("republish", sink.publish(&outputs[0]))
        .await
        .expect("republished");
    assert_eq!(stream_messages(&js).await, 4, "duplicate must be dropped");

    // Latest state in the KV bucket under the dyad.
    let kv = js.get_key_value("flashpoint_escalation").await.unwrap();
    let value = within("kv get", kv.get("RUS-TUR"))
        .await
        .unwrap()
        .expect("key RUS-TUR");
    let in_kv: EscalationState = serde_json::from_slice(&value).unwrap();
    assert_eq!(in_kv, state());

    // The escalation API, in both orders and as JSON.
    for body in ["RUS-TUR", "TUR-RUS", "{\"dyad\":\"TUR-RUS\"}"] {
        let v = request(&client, "flashpoint.api.escalation", body).await;
        let got: EscalationState =
            serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{body}: {e}: {v}"));
        assert_eq!(got, state(), "{body}");
    }
    let all = request(&client, "flashpoint.api.escalation", "all").await;
    assert_eq!(all.as_array().map(Vec::len), Some(1), "{all}");
    assert_eq!(all[0]["dyad"], "RUS-TUR");
    let empty = request(&client, "flashpoint.api.escalation", "").await;
    assert_eq!(empty, all);
    let top = request(&client, "flashpoint.api.escalation", "{\"top\":5}").await;
    assert_eq!(top, all);
    let unknown = request(&client, "flashpoint.api.escalation", "USA-CHN").await;
    assert_eq!(unknown["error"], "unknown dyad CHN-USA");

    // Requests are not captured by the stream.
    assert_eq!(
        stream_messages(&js).await,
        4,
        "API requests must not be stored"
    );

    // The micro-service verbs come with the service API.
    let ping = request(&client, "$SRV.PING.flashpoint", "").await;
    assert_eq!(ping["name"], "flashpoint", "{ping}");
    assert_eq!(ping["type"], "io.nats.micro.v1.ping_response");
    let info = request(&client, "$SRV.INFO.flashpoint", "").await;
    assert_eq!(
        info["endpoints"][0]["subject"], "flashpoint.api.escalation",
        "{info}"
    );
    let stats = request(&client, "$SRV.STATS.flashpoint", "").await;
    assert_eq!(stats["type"], "io.nats.micro.v1.stats_response", "{stats}");
    assert!(
        stats["endpoints"][0]["num_requests"].as_u64().unwrap_or(0) >= 4,
        "the requests above are counted: {stats}"
    );

    // After flush the endpoint is gone: a request finds no responder.
    within("flush", sink.flush()).await.expect("flushed");
    let after = within(
        "request after flush",
        client.request("flashpoint.api.escalation", "all".into()),
    )
    .await;
    match after {
        Err(e) => assert_eq!(e.kind(), async_nats::RequestErrorKind::NoResponders, "{e}"),
        Ok(m) => panic!("endpoint still answers after flush: {:?}", m.payload),
    }
}

#[tokio::test]
async fn server_without_jetstream_is_a_clear_error() {
    let server = NatsServer::start_with(false);
    let err = within("connect", NatsSink::connect(&settings(&server.url)))
        .await
        .err()
        .expect("connecting to a server without JetStream must fail");
    let msg = format!("{err:#}");
    assert!(
        msg.contains(&format!(
            "NATS server at {} has no JetStream (start it with -js)",
            server.url
        )),
        "{msg}"
    );
}

#[tokio::test]
async fn existing_stream_is_brought_to_our_subjects_and_window() {
    let server = NatsServer::start();
    let client = async_nats::connect(&server.url).await.unwrap();
    let js = jetstream::new(client);
    js.create_stream(stream::Config {
        name: "FLASHPOINT".into(),
        subjects: vec!["flashpoint.events.>".into()],
        duplicate_window: Duration::from_secs(60),
        max_messages: 1_000_000,
        ..Default::default()
    })
    .await
    .unwrap();

    let mut s = settings(&server.url);
    s.nats.duplicate_window_secs = 600;
    let _sink = within("connect", NatsSink::connect(&s))
        .await
        .expect("sink connects and updates the stream");

    let info = js.get_stream("FLASHPOINT").await.unwrap();
    let cfg = &info.cached_info().config;
    let mut subjects = cfg.subjects.clone();
    subjects.sort();
    assert_eq!(
        subjects,
        [
            "flashpoint.articles.>",
            "flashpoint.escalation.>",
            "flashpoint.events.>",
            "flashpoint.rejected"
        ]
    );
    assert_eq!(cfg.duplicate_window, Duration::from_secs(600));
    assert_eq!(cfg.max_messages, 1_000_000, "operator settings are kept");
}

#[tokio::test]
async fn survives_a_server_restart_and_reloads_states_from_kv() {
    let mut server = NatsServer::start();
    let s = settings(&server.url);
    let mut sink = within("connect", NatsSink::connect(&s)).await.unwrap();
    within(
        "publish state",
        sink.publish(&Output::Escalation(Box::new(state()))),
    )
    .await
    .unwrap();

    server.restart();

    // The client reconnects on its own; a publish attempted while it is still
    // reconnecting fails (and the pipeline retries), so retry here too, bounded.
    let out = Output::Event(Box::new(event()));
    within("publish after restart", async {
        loop {
            match sink.publish(&out).await {
                Ok(()) => break,
                Err(e) => eprintln!("retrying after restart: {e:#}"),
            }
        }
    })
    .await;
    drop(sink);

    let client = async_nats::connect(&server.url).await.unwrap();
    let js = jetstream::new(client.clone());
    assert_eq!(stream_messages(&js).await, 2, "store survived the restart");

    // A new sink answers from the states it loaded from KV.
    let _sink = within("reconnect", NatsSink::connect(&s)).await.unwrap();
    let v = request(&client, "flashpoint.api.escalation", "TUR-RUS").await;
    assert_eq!(v["dyad"], "RUS-TUR", "{v}");
    assert_eq!(v["score"], 64.5);
}
