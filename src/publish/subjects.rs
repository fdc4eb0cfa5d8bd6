//! NATS subject and message-id naming (SPEC §5), as pure functions.
//!
//! Both sinks and every test go through here, so a subject or a
//! `Nats-Msg-Id` is spelt in exactly one place. Message ids are derived from
//! content only (never from wall-clock time or a counter): a replay or a
//! retry after a crash yields the same id, and JetStream's duplicate window
//! drops the repeat.

use crate::model::{ArticleNotice, EscalationState, Event, Output, RejectedNotice};

/// A message ready to publish: where it goes, its dedup id and its JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routed {
    pub subject: String,
    pub msg_id: String,
    /// Compact JSON of the message (no trailing newline).
    pub payload: Vec<u8>,
}

/// Serialises one output to compact JSON, the same bytes for every sink.
pub fn encode(out: &Output) -> serde_json::Result<Vec<u8>> {
    match out {
        Output::Event(e) => Ok(crate::model::json::event(e)),
        Output::Escalation(s) => Ok(crate::model::json::escalation(s)),
        Output::Article(a) => Ok(crate::model::json::article(a)),
        Output::Rejected(r) => serde_json::to_vec(r),
    }
}

/// Subject, message id and payload of one output under `prefix`.
pub fn route(prefix: &str, out: &Output) -> serde_json::Result<Routed> {
    if let Output::Event(e) = out {
        return route_event(prefix, e);
    }
    let payload = encode(out)?;
    let (subject, msg_id) = match out {
        Output::Event(e) => (event_subject(prefix, e), event_msg_id(e)),
        Output::Escalation(s) => (
            escalation_subject(prefix, &s.dyad),
            escalation_msg_id(s, &payload),
        ),
        Output::Article(a) => (article_subject(prefix, a), article_msg_id(a)),
        Output::Rejected(r) => (rejected_subject(prefix), rejected_msg_id(r)),
    };
    Ok(Routed {
        subject,
        msg_id,
        payload,
    })
}

/// [`route`] of an event revision from a borrowed event: the merge stage
/// serialises the revision straight from the dedup index, without cloning
/// the event (its evidence texts above all) into an [`Output`] first.
pub fn route_event(prefix: &str, e: &Event) -> serde_json::Result<Routed> {
    Ok(Routed {
        payload: crate::model::json::event(e),
        subject: event_subject(prefix, e),
        msg_id: event_msg_id(e),
    })
}

/// Makes one subject token out of free text.
///
/// Codes are `[A-Z0-9]`, languages `[a-z]`; anything else (`.` would split
/// the token, `*`/`>` are wildcards, spaces are illegal) becomes `_`. `-` is
/// kept because dyads are spelt `RUS-TUR`. An empty input becomes `_`, since
/// an empty token makes an invalid subject.
pub fn token(s: &str) -> String {
    let mut t = String::with_capacity(s.len());
    push_token(&mut t, s);
    t
}

/// [`token`] appended to `out`: the subjects and ids of every message are
/// built on the merge stage, so without a `String` per token.
fn push_token(out: &mut String, s: &str) {
    let start = out.len();
    for c in s.trim().chars() {
        out.push(if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '_'
        });
    }
    if out.len() == start {
        out.push('_');
    }
}

/// Makes a value safe for a header (`Nats-Msg-Id`): no control characters or
/// spaces, which would break the header line.
fn header_value(s: &str) -> String {
    if s.bytes().all(|b| b > b' ' && b < 0x7f) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| if c.is_control() || c == ' ' { '_' } else { c })
        .collect()
}

/// First 16 hex digits of the BLAKE3 hash of `bytes`.
fn short_hash(bytes: &[u8]) -> String {
    let hex = blake3::hash(bytes).to_hex();
    hex.as_str()[..16].to_string()
}

/// `<prefix>.events.<TYPE>.<SOURCE>.<TARGET or _>`.
pub fn event_subject(prefix: &str, e: &Event) -> String {
    let target = e.target.as_ref().map_or(1, |t| t.code.len());
    let mut out = String::with_capacity(prefix.len() + 30 + e.source.code.len() + target);
    out.push_str(prefix);
    out.push_str(".events.");
    out.push_str(e.event_type.as_str());
    out.push('.');
    push_token(&mut out, &e.source.code);
    out.push('.');
    match &e.target {
        Some(t) => push_token(&mut out, &t.code),
        None => out.push('_'),
    }
    out
}

/// `<event id>.<revision>`: a new revision is a new message, a retried one is not.
pub fn event_msg_id(e: &Event) -> String {
    let mut out = header_value(&e.id);
    out.push('.');
    push_u32(&mut out, e.revision);
    out
}

fn push_u32(out: &mut String, v: u32) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    let mut v = v;
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

/// `<prefix>.escalation.<DYAD>`.
pub fn escalation_subject(prefix: &str, dyad: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + 12 + dyad.len());
    out.push_str(prefix);
    out.push_str(".escalation.");
    push_dyad_token(&mut out, dyad);
    out
}

/// `esc.<DYAD>.<as_of>.<16 hex of blake3(payload)>`: the same state replayed
/// is dropped, any change to it is a new message.
pub fn escalation_msg_id(s: &EscalationState, payload: &[u8]) -> String {
    let mut out = String::with_capacity(s.dyad.len() + 33);
    out.push_str("esc.");
    push_dyad_token(&mut out, &s.dyad);
    out.push('.');
    out.push_str(std::str::from_utf8(&crate::model::date_bytes(s.as_of)).unwrap_or_default());
    out.push('.');
    out.push_str(&blake3::hash(payload).to_hex()[..16]);
    out
}

/// `<prefix>.articles.<lang>`.
pub fn article_subject(prefix: &str, a: &ArticleNotice) -> String {
    format!("{prefix}.articles.{}", token(&a.language))
}

/// `article.<id>`: the article id is a content hash, so one notice per content.
pub fn article_msg_id(a: &ArticleNotice) -> String {
    format!("article.{}", header_value(&a.id))
}

/// `<prefix>.rejected`.
pub fn rejected_subject(prefix: &str) -> String {
    format!("{prefix}.rejected")
}

/// `rejected.<16 hex of blake3(file NUL reason)>`; the rejection time is left
/// out so that a retried notice is recognised as the same one. The NUL keeps
/// `("ab", "c")` and `("a", "bc")` apart.
pub fn rejected_msg_id(r: &RejectedNotice) -> String {
    let mut bytes = Vec::with_capacity(r.file.len() + r.reason.len() + 1);
    bytes.extend_from_slice(r.file.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(r.reason.as_bytes());
    format!("rejected.{}", short_hash(&bytes))
}

/// The subjects the JetStream stream captures. `<prefix>.api.>` is left out
/// on purpose: requests must not be stored or acked by the stream.
pub fn stream_subjects(prefix: &str) -> Vec<String> {
    vec![
        format!("{prefix}.events.>"),
        format!("{prefix}.escalation.>"),
        format!("{prefix}.articles.>"),
        rejected_subject(prefix),
    ]
}

/// Subject of the escalation request/reply endpoint.
pub fn api_escalation_subject(prefix: &str) -> String {
    format!("{prefix}.api.escalation")
}

/// A dyad as one subject token (and KV key): each code sanitised, joined by `-`.
pub fn dyad_token(dyad: &str) -> String {
    let mut out = String::with_capacity(dyad.len());
    push_dyad_token(&mut out, dyad);
    out
}

fn push_dyad_token(out: &mut String, dyad: &str) {
    match dyad.split_once('-') {
        Some((a, b)) => {
            push_token(out, a);
            out.push('-');
            push_token(out, b);
        }
        None => push_token(out, dyad),
    }
}

/// The canonical name of an unordered dyad: `TUR-RUS` → `RUS-TUR`.
///
/// `None` unless the input is two non-empty codes separated by one `-`.
/// Codes are upper-cased so `rus-tur` finds `RUS-TUR`.
pub fn canonical_dyad(input: &str) -> Option<String> {
    let (a, b) = input.trim().split_once('-')?;
    let (a, b) = (a.trim().to_ascii_uppercase(), b.trim().to_ascii_uppercase());
    let valid = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric());
    if !valid(&a) || !valid(&b) {
        return None;
    }
    Some(if a <= b {
        format!("{a}-{b}")
    } else {
        format!("{b}-{a}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, DatePrecision, EventType, Fatalities, QuadClass, QuadCounts};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn actor(code: &str) -> Actor {
        Actor {
            code: code.into(),
            name: code.into(),
            sector: "MIL".into(),
        }
    }

    fn event(target: Option<&str>) -> Event {
        let t = Utc.with_ymd_and_hms(2020, 2, 28, 0, 0, 0).unwrap();
        Event {
            schema: "flashpoint.event.v1".into(),
            id: "ev0123456789abcd".into(),
            revision: 3,
            event_type: EventType::Assault,
            mode: Some("aerial".into()),
            cameo_root: "19".into(),
            quad_class: QuadClass::MaterialConflict,
            goldstein: -10.0,
            date: NaiveDate::from_ymd_opt(2020, 2, 27).unwrap(),
            date_precision: DatePrecision::Day,
            source: actor("SYR"),
            target: target.map(actor),
            location: None,
            fatalities: Fatalities::default(),
            confidence: 0.9,
            mentions: 1,
            articles: 1,
            languages: vec!["en".into()],
            evidence: vec![],
            first_seen: t,
            updated: t,
        }
    }

    fn state(dyad: &str) -> EscalationState {
        EscalationState {
            schema: "flashpoint.escalation.v1".into(),
            dyad: dyad.into(),
            as_of: NaiveDate::from_ymd_opt(2020, 2, 27).unwrap(),
            score: 71.5,
            level: 4,
            label: "lethal clashes".into(),
            trend: "rising".into(),
            delta_7d: 40.0,
            drivers: vec![],
            counts: QuadCounts::default(),
            fatalities_7d: 33,
        }
    }

    #[test]
    fn event_subject_and_id() {
        let e = event(Some("TUR"));
        assert_eq!(
            event_subject("flashpoint", &e),
            "flashpoint.events.ASSAULT.SYR.TUR"
        );
        assert_eq!(event_msg_id(&e), "ev0123456789abcd.3");
        let e = event(None);
        assert_eq!(event_subject("fp", &e), "fp.events.ASSAULT.SYR._");
    }

    #[test]
    fn tokens_never_split_or_wildcard_a_subject() {
        assert_eq!(token("A.B"), "A_B");
        assert_eq!(token("*"), "_");
        assert_eq!(token(">"), "_");
        assert_eq!(token("SYR REB"), "SYR_REB");
        assert_eq!(token(""), "_");
        assert_eq!(token("Türk"), "T_rk");
        assert_eq!(token("en"), "en");
        let mut e = event(Some("x.>"));
        e.source.code = "a b*".into();
        assert_eq!(event_subject("p", &e), "p.events.ASSAULT.a_b_.x__");
    }

    #[test]
    fn escalation_subject_and_id_follow_the_payload() {
        let s = state("RUS-TUR");
        assert_eq!(
            escalation_subject("flashpoint", &s.dyad),
            "flashpoint.escalation.RUS-TUR"
        );
        let p1 = serde_json::to_vec(&s).unwrap();
        let id1 = escalation_msg_id(&s, &p1);
        assert!(id1.starts_with("esc.RUS-TUR.2020-02-27."), "{id1}");
        assert_eq!(id1.len(), "esc.RUS-TUR.2020-02-27.".len() + 16);
        assert_eq!(id1, escalation_msg_id(&s, &p1), "stable");
        let mut s2 = s.clone();
        s2.score = 72.0;
        let p2 = serde_json::to_vec(&s2).unwrap();
        assert_ne!(id1, escalation_msg_id(&s2, &p2));
        assert_eq!(dyad_token("A.B-C D"), "A_B-C_D");
    }

    #[test]
    fn article_and_rejected_ids() {
        let a = ArticleNotice {
            schema: "flashpoint.article.v1".into(),
            id: "abc123".into(),
            file: "x.txt".into(),
            title: None,
            published: None,
            url: None,
            language: "id".into(),
            events: vec![],
            duplicate_of: None,
        };
        assert_eq!(article_subject("flashpoint", &a), "flashpoint.articles.id");
        assert_eq!(article_msg_id(&a), "article.abc123");

        let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let r = |file: &str, reason: &str, at| RejectedNotice {
            schema: "flashpoint.rejected.v1".into(),
            file: file.into(),
            reason: reason.into(),
            at,
        };
        assert_eq!(rejected_subject("flashpoint"), "flashpoint.rejected");
        let id = rejected_msg_id(&r("ab", "c", at));
        assert!(id.starts_with("rejected.") && id.len() == 9 + 16, "{id}");
        assert_ne!(id, rejected_msg_id(&r("a", "bc", at)));
        // Time is not part of the identity: a retry is the same notice.
        assert_eq!(id, rejected_msg_id(&r("ab", "c", Utc::now())));
    }

    #[test]
    fn stream_never_captures_the_api() {
        let subjects = stream_subjects("flashpoint");
        assert_eq!(subjects.len(), 4);
        assert!(subjects.iter().all(|s| !s.contains(".api")));
        assert!(subjects.contains(&"flashpoint.rejected".to_string()));
        assert_eq!(
            api_escalation_subject("flashpoint"),
            "flashpoint.api.escalation"
        );
    }

    #[test]
    fn dyads_are_unordered() {
        assert_eq!(canonical_dyad("TUR-RUS").as_deref(), Some("RUS-TUR"));
        assert_eq!(canonical_dyad(" rus-tur ").as_deref(), Some("RUS-TUR"));
        assert_eq!(canonical_dyad("RUS"), None);
        assert_eq!(canonical_dyad("RUS-"), None);
        assert_eq!(canonical_dyad("RUS-TUR-X"), None);
        assert_eq!(canonical_dyad("R.S-TUR"), None);
    }

    #[test]
    fn route_matches_the_parts() {
        let out = Output::Event(Box::new(event(Some("TUR"))));
        let r = route("flashpoint", &out).unwrap();
        assert_eq!(r.subject, "flashpoint.events.ASSAULT.SYR.TUR");
        assert_eq!(r.msg_id, "ev0123456789abcd.3");
        let v: serde_json::Value = serde_json::from_slice(&r.payload).unwrap();
        assert_eq!(v["schema"], "flashpoint.event.v1");
        assert_eq!(v["type"], "ASSAULT");
        assert!(!r.payload.contains(&b'\n'));
    }
}
