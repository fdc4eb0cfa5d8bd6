//! The plain messages that flow between the stages.
//!
//! ingest → [`Article`] → extract → [`Mention`]s → dedup → [`Event`] revisions →
//! escalation → [`EscalationState`]; every stage also forwards what the sinks
//! publish as [`Output`]. Keeping these as plain data (no handles, no locks) is
//! what lets a stage move to another process behind NATS later.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Maps byte offsets of an article's reduced text back to its original file.
///
/// Markdown and HTML are reduced to plain text, but evidence spans must point
/// into the file the user dropped, so each copied run of text remembers where
/// it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// `(text_start, original_start)` pairs, sorted by `text_start`.
    segments: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The identity map: plain text files are their own reduced text.
    pub fn identity() -> Self {
        OffsetMap {
            segments: vec![(0, 0)],
        }
    }

    /// Records that reduced text from `text_start` on was copied from `original_start`.
    pub fn push(&mut self, text_start: usize, original_start: usize) {
        if let Some(&(t, o)) = self.segments.last() {
            // A run that continues the previous one needs no new segment.
            if text_start >= t && original_start >= o && text_start - t == original_start - o {
                return;
            }
        }
        self.segments.push((text_start, original_start));
    }

    /// The original byte offset of reduced-text offset `pos`.
    pub fn to_original(&self, pos: usize) -> usize {
        let i = self.segments.partition_point(|&(t, _)| t <= pos);
        match i {
            0 => pos,
            _ => {
                let (t, o) = self.segments[i - 1];
                o + (pos - t)
            }
        }
    }
}

/// One input file, parsed and reduced to text.
#[derive(Debug, Clone)]
pub struct Article {
    /// Hash of the file's full content: identity by content, never by name or inode.
    pub id: String,
    /// File name as dropped (shown in evidence).
    pub file: String,
    pub path: PathBuf,
    pub title: Option<String>,
    /// Publication date; the anchor every relative date is resolved against.
    pub published: Option<NaiveDate>,
    /// The publication date names its day (not only a month).
    pub published_exact: bool,
    /// When the file arrived (its modification time): the anchor for an
    /// article that states no publication date.
    pub received: Option<NaiveDate>,
    pub url: Option<String>,
    /// ISO 639-1 code, or `und` when the language could not be told.
    pub language: String,
    /// Reduced plain text (title, date line and body).
    pub text: String,
    pub offsets: OffsetMap,
}

/// The 16 PLOVER event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

/// CAMEO/GDELT quad class, for consumers that still speak CAMEO.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuadClass {
    VerbalCooperation,
    MaterialCooperation,
    VerbalConflict,
    MaterialConflict,
}

impl EventType {
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    pub fn parse(s: &str) -> Option<EventType> {
        EventType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
    }

    /// CAMEO root code (ASSAULT refines to 18/19/20 by mode).
    pub fn cameo_root(self, mode: Option<&str>) -> &'static str {
        match self {
            EventType::Agree => "03",
            EventType::Consult => "04",
            EventType::Support => "05",
            EventType::Cooperate => "06",
            EventType::Aid => "07",
            EventType::Concede | EventType::Retreat => "08",
            EventType::Request => "10",
            EventType::Accuse => "11",
            EventType::Reject => "12",
            EventType::Threaten => "13",
            EventType::Protest => "14",
            EventType::Mobilize => "15",
            EventType::Sanction => "16",
            EventType::Coerce => "17",
            EventType::Assault => match mode {
                Some("abduct" | "beat" | "torture" | "sexual" | "targeted" | "primitive") => "18",
                Some("unconventional") => "20",
                _ => "19",
            },
        }
    }

    /// Goldstein value of the CAMEO root.
    pub fn goldstein(self, mode: Option<&str>) -> f64 {
        match self.cameo_root(mode) {
            "03" => 4.0,
            "04" => 1.0,
            "05" => 3.5,
            "06" => 6.0,
            "07" => 7.0,
            "08" => 5.0,
            "10" => -5.0,
            "11" => -2.0,
            "12" => -4.0,
            "13" => -6.0,
            "14" => -6.5,
            "15" => -7.2,
            "16" => -4.0,
            "17" => -7.0,
            "18" => -9.0,
            _ => -10.0,
        }
    }

    pub fn quad_class(self) -> QuadClass {
        match self {
            EventType::Agree | EventType::Consult | EventType::Support | EventType::Concede => {
                QuadClass::VerbalCooperation
            }
            EventType::Cooperate | EventType::Aid | EventType::Retreat => {
                QuadClass::MaterialCooperation
            }
            EventType::Request | EventType::Accuse | EventType::Reject | EventType::Threaten => {
                QuadClass::VerbalConflict
            }
            _ => QuadClass::MaterialConflict,
        }
    }

    /// PLOVER score of type and mode (−10 … +10), what escalation weighs.
    pub fn plover_score(self, mode: Option<&str>) -> f64 {
        match (self, mode) {
            (EventType::Assault, Some("aerial" | "heavy-weapons" | "unconventional")) => -9.5,
            (EventType::Assault, Some("suicide-attack" | "explosives" | "drone")) => -9.5,
            (EventType::Assault, Some("crowd-control" | "beat")) => -7.0,
            (EventType::Assault, _) => -9.0,
            (EventType::Coerce, _) => -7.0,
            (EventType::Mobilize, _) => -6.0,
            (EventType::Sanction, _) => -5.0,
            (EventType::Protest, _) => -4.0,
            (EventType::Threaten, Some("violence" | "territory")) => -5.0,
            (EventType::Threaten, _) => -3.5,
            (EventType::Reject, _) => -3.0,
            (EventType::Accuse, _) => -2.0,
            (EventType::Request, _) => -1.0,
            (EventType::Consult, _) => 1.0,
            (EventType::Support, _) => 3.0,
            (EventType::Agree, _) => 2.5,
            (EventType::Concede, _) => 4.0,
            (EventType::Retreat, Some("ceasefire")) => 6.0,
            (EventType::Retreat, _) => 5.0,
            (EventType::Cooperate, _) => 6.0,
            (EventType::Aid, _) => 10.0,
        }
    }
}

/// How exactly an event date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    /// The article gives no date and the sentence no full one: the date is
    /// the file's arrival, a guess. Such events are published but do not
    /// move event time or the escalation picture.
    Unknown,
}

/// A coded actor: who acts or is acted upon.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    pub code: String,
    pub name: String,
    pub sector: String,
}

/// A named place with coordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}

/// Killed and wounded counts stated for an event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fatalities {
    pub killed: Option<u32>,
    pub wounded: Option<u32>,
}

/// One sentence of one article that supports an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub article: String,
    pub file: String,
    pub language: String,
    /// Byte range in the original file.
    pub span: [usize; 2],
    pub text: String,
}

/// A candidate event found in one sentence of one article (before dedup).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub event_type: EventType,
    pub mode: Option<String>,
    pub source: Actor,
    pub target: Option<Actor>,
    pub date: NaiveDate,
    pub date_precision: DatePrecision,
    /// The sentence stated the date; otherwise it is the article's date.
    pub date_stated: bool,
    pub location: Option<Location>,
    pub fatalities: Fatalities,
    pub confidence: f64,
    pub evidence: Evidence,
}

/// A deduplicated event: the `flashpoint.event.v1` message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub schema: String,
    pub id: String,
    pub revision: u32,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub mode: Option<String>,
    pub cameo_root: String,
    pub quad_class: QuadClass,
    pub goldstein: f64,
    #[serde(serialize_with = "wire::date")]
    pub date: NaiveDate,
    pub date_precision: DatePrecision,
    pub source: Actor,
    pub target: Option<Actor>,
    pub location: Option<Location>,
    pub fatalities: Fatalities,
    pub confidence: f64,
    pub mentions: u32,
    pub articles: u32,
    pub languages: Vec<String>,
    pub evidence: Vec<Evidence>,
    #[serde(serialize_with = "wire::timestamp")]
    pub first_seen: DateTime<Utc>,
    #[serde(serialize_with = "wire::timestamp")]
    pub updated: DateTime<Utc>,
}

/// `date.to_string()` ("2020-02-28") without formatting machinery, for
/// years of four digits; others (never met in news) by `Display`.
pub(crate) fn date_bytes(date: NaiveDate) -> smallvec::SmallVec<[u8; 10]> {
    use chrono::Datelike;
    let (y, m, d) = (date.year(), date.month(), date.day());
    if !(0..=9999).contains(&y) {
        return date.to_string().into_bytes().into();
    }
    let y = y as u32;
    let digit = |v: u32| b'0' + v as u8;
    smallvec::SmallVec::from_buf([
        digit(y / 1000),
        digit(y / 100 % 10),
        digit(y / 10 % 10),
        digit(y % 10),
        b'-',
        digit(m / 10),
        digit(m % 10),
        b'-',
        digit(d / 10),
        digit(d % 10),
    ])
}

/// Dates written as chrono's serde writes them, from a fixed buffer: every
/// revision of every event carries three, and chrono's `Display` through
/// serde's `collect_str` costs ≈ 2,500 instructions each on the merge
/// stage, the pipeline's one serial thread.
mod wire {
    use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
    use serde::Serializer;

    fn digits(out: &mut [u8], mut v: u32) {
        for b in out.iter_mut().rev() {
            *b = b'0' + (v % 10) as u8;
            v /= 10;
        }
    }

    pub fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(std::str::from_utf8(&super::date_bytes(*d)).unwrap_or_default())
    }

    /// RFC 3339 with `Z` and as many fraction digits as needed (0, 3, 6 or
    /// 9): chrono's `SecondsFormat::AutoSi`.
    pub fn timestamp<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        match timestamp_bytes(t) {
            Some((buf, len)) => {
                s.serialize_str(std::str::from_utf8(&buf[..len]).unwrap_or_default())
            }
            None => s.collect_str(&t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
        }
    }

    /// The bytes [`timestamp`] writes (buffer and length), or `None` for the
    /// years and leap seconds left to chrono.
    pub fn timestamp_bytes(t: &DateTime<Utc>) -> Option<([u8; 30], usize)> {
        let nanos = t.nanosecond();
        if !(0..=9999).contains(&t.year()) || nanos >= 1_000_000_000 {
            return None;
        }
        let mut buf = [0u8; 30];
        buf[..10].copy_from_slice(&super::date_bytes(t.date_naive()));
        buf[10] = b'T';
        digits(&mut buf[11..13], t.hour());
        buf[13] = b':';
        digits(&mut buf[14..16], t.minute());
        buf[16] = b':';
        digits(&mut buf[17..19], t.second());
        let mut end = 19;
        let (value, width) = match nanos {
            0 => (0, 0),
            n if n % 1_000_000 == 0 => (n / 1_000_000, 3),
            n if n % 1_000 == 0 => (n / 1_000, 6),
            n => (n, 9),
        };
        if width > 0 {
            buf[end] = b'.';
            digits(&mut buf[end + 1..end + 1 + width], value);
            end += 1 + width;
        }
        buf[end] = b'Z';
        Some((buf, end + 1))
    }
}

/// The published messages written straight into bytes, exactly as
/// `serde_json::to_vec` writes their derived `Serialize` (unit tests compare
/// the two). The merge stage, the pipeline's one serial thread, writes every
/// revision of every event: through serde, each key and each evidence text
/// went through serde_json's byte-at-a-time escaper, ≈ a quarter of that
/// thread (xspeed8's profile). Here keys are literals and strings are
/// scanned eight bytes at a time for the few bytes JSON must escape.
pub(crate) mod json {
    use super::{
        wire, Actor, ArticleNotice, DatePrecision, EscalationState, Event, Evidence, Location,
        QuadClass,
    };
    use chrono::NaiveDate;

    const HEX: &[u8; 16] = b"0123456789abcdef";
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;

    /// Whether any of the eight bytes is a control character, `"` or `\`
    /// (the classic "has a byte below n" / "has a zero byte" bit tricks;
    /// exact for the question "any?").
    #[inline]
    fn needs_escape(w: u64) -> bool {
        let below_space = w.wrapping_sub(ONES * 0x20) & !w;
        let q = w ^ (ONES * u64::from(b'"'));
        let quote = q.wrapping_sub(ONES) & !q;
        let b = w ^ (ONES * u64::from(b'\\'));
        let backslash = b.wrapping_sub(ONES) & !b;
        (below_space | quote | backslash) & HIGHS != 0
    }

    /// One byte as serde_json escapes it, if it must be.
    #[inline]
    fn escape(out: &mut Vec<u8>, b: u8) -> bool {
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x09 => b't',
            0x0A => b'n',
            0x0C => b'f',
            0x0D => b'r',
            0x00..=0x1F => {
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xF)],
                ]);
                return true;
            }
            _ => return false,
        };
        out.extend_from_slice(&[b'\\', short]);
        true
    }

    /// A JSON string, quoted and escaped.
    pub(crate) fn str(out: &mut Vec<u8>, s: &str) {
        let bytes = s.as_bytes();
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            if i + 8 <= bytes.len() {
                let mut word = [0u8; 8];
                word.copy_from_slice(&bytes[i..i + 8]);
                if !needs_escape(u64::from_le_bytes(word)) {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            let plain = b >= 0x20 && b != b'"' && b != b'\\';
            if !plain {
                out.extend_from_slice(&bytes[start..i]);
                escape(out, b);
                start = i + 1;
            }
            i += 1;
        }
        out.extend_from_slice(&bytes[start..]);
        out.push(b'"');
    }

    pub(crate) fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => str(out, s),
            None => out.extend_from_slice(b"null"),
        }
    }

    /// Numbers through serde_json itself (ryu, itoa; `null` for NaN and
    /// the infinities), so they cannot drift from the derived output.
    pub(crate) fn num<T: serde::Serialize>(out: &mut Vec<u8>, v: T) {
        // Writing a number into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, &v);
    }

    fn opt_num<T: serde::Serialize>(out: &mut Vec<u8>, v: Option<T>) {
        match v {
            Some(v) => num(out, v),
            None => out.extend_from_slice(b"null"),
        }
    }

    pub(crate) fn date(out: &mut Vec<u8>, d: NaiveDate) {
        out.push(b'"');
        out.extend_from_slice(&super::date_bytes(d));
        out.push(b'"');
    }

    fn strs(out: &mut Vec<u8>, items: &[String]) {
        out.push(b'[');
        for (i, s) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            str(out, s);
        }
        out.push(b']');
    }

    fn actor(out: &mut Vec<u8>, a: &Actor) {
        out.extend_from_slice(b"{\"code\":");
        str(out, &a.code);
        out.extend_from_slice(b",\"name\":");
        str(out, &a.name);
        out.extend_from_slice(b",\"sector\":");
        str(out, &a.sector);
        out.push(b'}');
    }

    pub(crate) fn location(out: &mut Vec<u8>, l: &Location) {
        out.extend_from_slice(b"{\"name\":");
        str(out, &l.name);
        out.extend_from_slice(b",\"country\":");
        str(out, &l.country);
        out.extend_from_slice(b",\"lat\":");
        num(out, l.lat);
        out.extend_from_slice(b",\"lon\":");
        num(out, l.lon);
        out.push(b'}');
    }

    fn evidence(out: &mut Vec<u8>, e: &Evidence) {
        out.extend_from_slice(b"{\"article\":");
        str(out, &e.article);
        out.extend_from_slice(b",\"file\":");
        str(out, &e.file);
        out.extend_from_slice(b",\"language\":");
        str(out, &e.language);
        out.extend_from_slice(b",\"span\":[");
        num(out, e.span[0]);
        out.push(b',');
        num(out, e.span[1]);
        out.extend_from_slice(b"],\"text\":");
        str(out, &e.text);
        out.push(b'}');
    }

    type Stamp = (chrono::DateTime<chrono::Utc>, Option<([u8; 30], usize)>);

    thread_local! {
        /// The last timestamp written: a merge step stamps all its
        /// revisions with one `updated`, and a first revision's
        /// `first_seen` is that same instant.
        static LAST_STAMP: std::cell::Cell<Option<Stamp>> = const { std::cell::Cell::new(None) };
    }

    fn timestamp(out: &mut Vec<u8>, t: &chrono::DateTime<chrono::Utc>) {
        let bytes = match LAST_STAMP.get() {
            Some((last, bytes)) if last == *t => bytes,
            _ => {
                let bytes = wire::timestamp_bytes(t);
                LAST_STAMP.set(Some((*t, bytes)));
                bytes
            }
        };
        match bytes {
            Some((buf, len)) => {
                out.push(b'"');
                out.extend_from_slice(&buf[..len]);
                out.push(b'"');
            }
            None => str(out, &t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
        }
    }

    fn quad_class(q: QuadClass) -> &'static [u8] {
        match q {
            QuadClass::VerbalCooperation => b"\"verbal_cooperation\"",
            QuadClass::MaterialCooperation => b"\"material_cooperation\"",
            QuadClass::VerbalConflict => b"\"verbal_conflict\"",
            QuadClass::MaterialConflict => b"\"material_conflict\"",
        }
    }

    pub(crate) fn precision(p: DatePrecision) -> &'static [u8] {
        match p {
            DatePrecision::Day => b"\"day\"",
            DatePrecision::Week => b"\"week\"",
            DatePrecision::Month => b"\"month\"",
            DatePrecision::Unknown => b"\"unknown\"",
        }
    }

    pub(crate) fn event(e: &Event) -> Vec<u8> {
        let text: usize = e.evidence.iter().map(|v| v.text.len() + 96).sum();
        let mut out = Vec::with_capacity(640 + text);
        out.extend_from_slice(b"{\"schema\":");
        str(&mut out, &e.schema);
        out.extend_from_slice(b",\"id\":");
        str(&mut out, &e.id);
        out.extend_from_slice(b",\"revision\":");
        num(&mut out, e.revision);
        out.extend_from_slice(b",\"type\":\"");
        out.extend_from_slice(e.event_type.as_str().as_bytes());
        out.extend_from_slice(b"\",\"mode\":");
        opt_str(&mut out, e.mode.as_deref());
        out.extend_from_slice(b",\"cameo_root\":");
        str(&mut out, &e.cameo_root);
        out.extend_from_slice(b",\"quad_class\":");
        out.extend_from_slice(quad_class(e.quad_class));
        out.extend_from_slice(b",\"goldstein\":");
        num(&mut out, e.goldstein);
        out.extend_from_slice(b",\"date\":");
        date(&mut out, e.date);
        out.extend_from_slice(b",\"date_precision\":");
        out.extend_from_slice(precision(e.date_precision));
        out.extend_from_slice(b",\"source\":");
        actor(&mut out, &e.source);
        out.extend_from_slice(b",\"target\":");
        match &e.target {
            Some(a) => actor(&mut out, a),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"location\":");
        match &e.location {
            Some(l) => location(&mut out, l),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"fatalities\":{\"killed\":");
        opt_num(&mut out, e.fatalities.killed);
        out.extend_from_slice(b",\"wounded\":");
        opt_num(&mut out, e.fatalities.wounded);
        out.extend_from_slice(b"},\"confidence\":");
        num(&mut out, e.confidence);
        out.extend_from_slice(b",\"mentions\":");
        num(&mut out, e.mentions);
        out.extend_from_slice(b",\"articles\":");
        num(&mut out, e.articles);
        out.extend_from_slice(b",\"languages\":");
        strs(&mut out, &e.languages);
        out.extend_from_slice(b",\"evidence\":[");
        for (i, v) in e.evidence.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            evidence(&mut out, v);
        }
        out.extend_from_slice(b"],\"first_seen\":");
        timestamp(&mut out, &e.first_seen);
        out.extend_from_slice(b",\"updated\":");
        timestamp(&mut out, &e.updated);
        out.push(b'}');
        out
    }

    pub(crate) fn escalation(s: &EscalationState) -> Vec<u8> {
        let mut out = Vec::with_capacity(320 + 96 * s.drivers.len());
        out.extend_from_slice(b"{\"schema\":");
        str(&mut out, &s.schema);
        out.extend_from_slice(b",\"dyad\":");
        str(&mut out, &s.dyad);
        out.extend_from_slice(b",\"as_of\":");
        date(&mut out, s.as_of);
        out.extend_from_slice(b",\"score\":");
        num(&mut out, s.score);
        out.extend_from_slice(b",\"level\":");
        num(&mut out, s.level);
        out.extend_from_slice(b",\"label\":");
        str(&mut out, &s.label);
        out.extend_from_slice(b",\"trend\":");
        str(&mut out, &s.trend);
        out.extend_from_slice(b",\"delta_7d\":");
        num(&mut out, s.delta_7d);
        out.extend_from_slice(b",\"drivers\":[");
        for (i, d) in s.drivers.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"event\":");
            str(&mut out, &d.event);
            out.extend_from_slice(b",\"contribution\":");
            num(&mut out, d.contribution);
            out.extend_from_slice(b",\"via\":");
            str(&mut out, &d.via);
            out.push(b'}');
        }
        let c = &s.counts;
        out.extend_from_slice(b"],\"counts\":{\"verbal_cooperation\":");
        num(&mut out, c.verbal_cooperation);
        out.extend_from_slice(b",\"material_cooperation\":");
        num(&mut out, c.material_cooperation);
        out.extend_from_slice(b",\"verbal_conflict\":");
        num(&mut out, c.verbal_conflict);
        out.extend_from_slice(b",\"material_conflict\":");
        num(&mut out, c.material_conflict);
        out.extend_from_slice(b"},\"fatalities_7d\":");
        num(&mut out, s.fatalities_7d);
        out.push(b'}');
        out
    }

    pub(crate) fn article(a: &ArticleNotice) -> Vec<u8> {
        let mut out = Vec::with_capacity(256 + 20 * a.events.len());
        out.extend_from_slice(b"{\"schema\":");
        str(&mut out, &a.schema);
        out.extend_from_slice(b",\"id\":");
        str(&mut out, &a.id);
        out.extend_from_slice(b",\"file\":");
        str(&mut out, &a.file);
        out.extend_from_slice(b",\"title\":");
        opt_str(&mut out, a.title.as_deref());
        out.extend_from_slice(b",\"published\":");
        match a.published {
            Some(d) => date(&mut out, d),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"url\":");
        opt_str(&mut out, a.url.as_deref());
        out.extend_from_slice(b",\"language\":");
        str(&mut out, &a.language);
        out.extend_from_slice(b",\"events\":");
        strs(&mut out, &a.events);
        out.extend_from_slice(b",\"duplicate_of\":");
        opt_str(&mut out, a.duplicate_of.as_deref());
        out.push(b'}');
        out
    }
}

/// One contribution to a dyad's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Driver {
    pub event: String,
    pub contribution: f64,
    /// `direct`, or `via XXX` when it counts through a patron relation.
    pub via: String,
}

/// Events of a dyad by quad class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuadCounts {
    pub verbal_cooperation: u32,
    pub material_cooperation: u32,
    pub verbal_conflict: u32,
    pub material_conflict: u32,
}

/// The `flashpoint.escalation.v1` message: one per unordered dyad.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EscalationState {
    pub schema: String,
    pub dyad: String,
    pub as_of: NaiveDate,
    pub score: f64,
    pub level: u8,
    pub label: String,
    pub trend: String,
    pub delta_7d: f64,
    pub drivers: Vec<Driver>,
    pub counts: QuadCounts,
    pub fatalities_7d: u32,
}

/// The `flashpoint.article.v1` notice: one per article processed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleNotice {
    pub schema: String,
    pub id: String,
    pub file: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub language: String,
    pub events: Vec<String>,
    /// Id of an earlier article with the same content, when this one repeats it.
    pub duplicate_of: Option<String>,
}

/// The `flashpoint.rejected.v1` notice: one per input refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RejectedNotice {
    pub schema: String,
    pub file: String,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// Everything a sink publishes, in pipeline order.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    Event(Box<Event>),
    Escalation(Box<EscalationState>),
    Article(ArticleNotice),
    Rejected(RejectedNotice),
}

#[cfg(test)]
mod tests {
    #[test]
    fn event_dates_are_written_as_chrono_writes_them() {
        use chrono::{NaiveDate, TimeZone, Utc};
        #[derive(serde::Serialize)]
        struct Ours {
            #[serde(serialize_with = "super::wire::timestamp")]
            t: chrono::DateTime<Utc>,
            #[serde(serialize_with = "super::wire::date")]
            d: NaiveDate,
        }
        #[derive(serde::Serialize)]
        struct Chronos {
            t: chrono::DateTime<Utc>,
            d: NaiveDate,
        }
        let base = Utc.with_ymd_and_hms(2026, 11, 24, 9, 5, 7).unwrap();
        for nanos in [
            0,
            1,
            999,
            1_000,
            120_000,
            7_000_000,
            123_456_789,
            999_999_999,
        ] {
            for (t, d) in [
                (base, NaiveDate::from_ymd_opt(2020, 2, 27).unwrap()),
                (
                    Utc.with_ymd_and_hms(1999, 1, 1, 0, 0, 0).unwrap(),
                    NaiveDate::from_ymd_opt(12345, 12, 31).unwrap(),
                ),
                (
                    Utc.with_ymd_and_hms(10001, 3, 4, 23, 59, 59).unwrap(),
                    NaiveDate::from_ymd_opt(5, 6, 7).unwrap(),
                ),
            ] {
                let t = t + chrono::Duration::nanoseconds(nanos);
                assert_eq!(
                    serde_json::to_string(&Ours { t, d }).unwrap(),
                    serde_json::to_string(&Chronos { t, d }).unwrap()
                );
            }
        }
    }

    use super::*;

    /// Strings that exercise every escape, runs of eight plain bytes before
    /// and after them, multi-byte UTF-8 and DEL (which JSON leaves alone).
    fn awkward() -> Vec<String> {
        let mut v: Vec<String> = vec![
            String::new(),
            "a".into(),
            "plain ascii text of some length, more than eight bytes".into(),
            "quote \" and backslash \\ inside".into(),
            "\"\\\"\\".into(),
            "tab\tnewline\nreturn\rformfeed\u{c}backspace\u{8}".into(),
            "\u{0}\u{1}\u{1f}\u{7f} controls and DEL".into(),
            "Türkiye, Кремль, الخرطوم, 北京 — “quoted” ‘ones’".into(),
            "12345678\"12345678\\12345678\n1234567".into(),
        ];
        for b in 0u8..0x80 {
            v.push(format!("abcdefg{}hijklmnopq{}", b as char, b as char));
        }
        v
    }

    fn sample_event(i: usize, s: &str) -> Event {
        let t = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 24, 9, 5, 7).unwrap()
            + chrono::Duration::nanoseconds([0, 7_000_000, 120_000, 123_456_789][i % 4]);
        let actor = |c: &str| Actor {
            code: c.into(),
            name: s.into(),
            sector: "GOV".into(),
        };
        Event {
            schema: "flashpoint.event.v1".into(),
            id: s.into(),
            revision: i as u32,
            event_type: EventType::ALL[i % 16],
            mode: (i % 2 == 0).then(|| s.to_string()),
            cameo_root: "19".into(),
            quad_class: EventType::ALL[i % 16].quad_class(),
            goldstein: [-10.0, 0.1, -0.0, 1e300, f64::NAN, 7.25][i % 6],
            date: NaiveDate::from_ymd_opt(2020 + (i % 3) as i32, 2, 27).unwrap(),
            date_precision: [
                DatePrecision::Day,
                DatePrecision::Week,
                DatePrecision::Month,
                DatePrecision::Unknown,
            ][i % 4],
            source: actor("SYR"),
            target: (i % 3 != 0).then(|| actor(s)),
            location: (i % 2 == 1).then(|| Location {
                name: s.into(),
                country: "SYR".into(),
                lat: 36.2 + i as f64 / 7.0,
                lon: [f64::INFINITY, -37.15, 0.0][i % 3],
            }),
            fatalities: Fatalities {
                killed: (i % 2 == 0).then_some(i as u32 * 1000),
                wounded: (i % 3 == 0).then_some(u32::MAX),
            },
            confidence: 0.7 + i as f64 / 1000.0,
            mentions: i as u32,
            articles: 1,
            languages: vec!["en".into(), s.into()],
            evidence: (0..i % 3)
                .map(|k| Evidence {
                    article: "2c647400373df5b1".into(),
                    file: s.into(),
                    language: "en".into(),
                    span: [k * 1000, usize::MAX - k],
                    text: format!("{s}{k}{s}"),
                })
                .collect(),
            first_seen: t,
            updated: t,
        }
    }

    #[test]
    fn messages_are_written_as_serde_json_writes_them() {
        for (i, s) in awkward().iter().enumerate() {
            let e = sample_event(i, s);
            assert_eq!(json::event(&e), serde_json::to_vec(&e).unwrap(), "{s:?}");
            let state = EscalationState {
                schema: "flashpoint.escalation.v1".into(),
                dyad: s.clone(),
                as_of: NaiveDate::from_ymd_opt(2019 + (i % 3) as i32, 12, 31).unwrap(),
                score: [2.5, f64::NAN, -0.0, 61.123456789][i % 4],
                level: (i % 6) as u8,
                label: s.clone(),
                trend: "steady".into(),
                delta_7d: -1.0 / 3.0,
                drivers: (0..i % 4)
                    .map(|k| Driver {
                        event: s.clone(),
                        contribution: k as f64 * 0.05,
                        via: format!("via {s}"),
                    })
                    .collect(),
                counts: QuadCounts {
                    verbal_cooperation: i as u32,
                    material_cooperation: 0,
                    verbal_conflict: 7,
                    material_conflict: u32::MAX,
                },
                fatalities_7d: i as u32,
            };
            assert_eq!(
                json::escalation(&state),
                serde_json::to_vec(&state).unwrap(),
                "{s:?}"
            );
            let notice = ArticleNotice {
                schema: "flashpoint.article.v1".into(),
                id: s.clone(),
                file: s.clone(),
                title: (i % 2 == 0).then(|| s.clone()),
                published: (i % 3 != 0).then(|| NaiveDate::from_ymd_opt(2021, 1, 2).unwrap()),
                url: (i % 2 == 1).then(|| format!("https://x/{s}")),
                language: "en".into(),
                events: (0..i % 3).map(|k| format!("{s}{k}")).collect(),
                duplicate_of: (i % 4 == 0).then(|| s.clone()),
            };
            assert_eq!(
                json::article(&notice),
                serde_json::to_vec(&notice).unwrap(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn offset_map_maps_runs_back() {
        let mut m = OffsetMap::default();
        m.push(0, 10);
        m.push(5, 15); // continues the first run: no new segment
        m.push(8, 40);
        assert_eq!(m.to_original(0), 10);
        assert_eq!(m.to_original(6), 16);
        assert_eq!(m.to_original(9), 41);
        assert_eq!(m.segments.len(), 2);
    }

    #[test]
    fn cameo_and_quad_class() {
        assert_eq!(EventType::Assault.cameo_root(Some("aerial")), "19");
        assert_eq!(EventType::Assault.goldstein(Some("aerial")), -10.0);
        assert_eq!(EventType::Agree.quad_class(), QuadClass::VerbalCooperation);
        assert_eq!(EventType::parse("threaten"), Some(EventType::Threaten));
    }
}
