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
        let nanos = t.nanosecond();
        if !(0..=9999).contains(&t.year()) || nanos >= 1_000_000_000 {
            return s.collect_str(&t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
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
        s.serialize_str(std::str::from_utf8(&buf[..=end]).unwrap_or_default())
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
