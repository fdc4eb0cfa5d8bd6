//! Stage 3 — dedup: [`Mention`]s → [`Event`] revisions.
//!
//! The same happening told by many articles, in any language, becomes one
//! event. Matching uses only language-free codes — PLOVER type, actor codes,
//! date — so an Indonesian and an English report of one air strike meet.
//! Ids hash the first mention's codes, so the same input yields the same ids.

use std::hash::{Hash, Hasher};

use chrono::{DateTime, NaiveDate, Utc};
use hashbrown::HashMap;
use serde::{Deserialize, Serialize};

use crate::model::{date_bytes, json, DatePrecision, Event, EventType, Mention};

/// Evidence kept per event (the first ones; counts keep growing).
const MAX_EVIDENCE: usize = 12;

/// How many days a report dated only by its publication may trail the
/// happening it tells.
const REPORT_LAG_DAYS: i64 = 3;

/// How far apart two reports of one happening may date it.
fn tolerance(p: DatePrecision) -> i64 {
    match p {
        DatePrecision::Day => 1,
        DatePrecision::Week => 4,
        DatePrecision::Month => 15,
        // A guessed date says nothing either way: matched as a day.
        DatePrecision::Unknown => 1,
    }
}

/// Two tolls can describe one happening: unknown, or within 25 % of each other.
pub fn tolls_compatible(a: Option<u32>, b: Option<u32>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.abs_diff(b) as f64 <= 0.25 * a.max(b) as f64,
        _ => true,
    }
}

/// Two acts of different kinds ("shot down two jets", "shelled a base")
/// are two events even between the same sides on one day, as CAMEO's
/// subcodes keep them apart; a report that names no kind may be either.
fn modes_compatible(reports: &[Report], mode: Option<&str>) -> bool {
    match mode {
        None => true,
        Some(m) => reports
            .iter()
            .any(|r| r.mode.as_deref().is_none_or(|r| r == m)),
    }
}

/// Mutual acts match in either direction.
fn symmetric(t: EventType) -> bool {
    matches!(
        t,
        EventType::Agree | EventType::Consult | EventType::Cooperate
    )
}

/// What an event is matched by: type and the two codes (a mutual act's in
/// code order; `_` for no target).
#[derive(PartialEq, Eq)]
struct Key {
    t: EventType,
    a: String,
    b: String,
}

/// A [`Key`] looked up without allocating its codes (hashes the same):
/// every mention is looked up, most open no event.
struct KeyRef<'a> {
    t: EventType,
    a: &'a str,
    b: &'a str,
}

fn hash_key<H: Hasher>(t: EventType, a: &str, b: &str, state: &mut H) {
    t.hash(state);
    a.hash(state);
    b.hash(state);
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_key(self.t, &self.a, &self.b, state);
    }
}

impl Hash for KeyRef<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_key(self.t, self.a, self.b, state);
    }
}

impl hashbrown::Equivalent<Key> for KeyRef<'_> {
    fn equivalent(&self, k: &Key) -> bool {
        self.t == k.t && self.a == k.a && self.b == k.b
    }
}

impl From<&KeyRef<'_>> for Key {
    fn from(k: &KeyRef<'_>) -> Key {
        Key {
            t: k.t,
            a: k.a.to_string(),
            b: k.b.to_string(),
        }
    }
}

fn key<'a>(t: EventType, source: &'a str, target: Option<&'a str>) -> KeyRef<'a> {
    let target = target.unwrap_or("_");
    if symmetric(t) && target < source {
        KeyRef {
            t,
            a: target,
            b: source,
        }
    } else {
        KeyRef {
            t,
            a: source,
            b: target,
        }
    }
}

/// Merges mentions into events; the one owner of the dedup index.
///
/// Matching is by date tolerance alone, so events arriving in any order meet.
/// The daemon bounds the index with [`prune`](Self::prune) (an event-time
/// window) and persists it entry by entry ([`entry`](Self::entry),
/// [`restore`](Self::restore)).
#[derive(Default)]
pub struct Deduper {
    events: Vec<Event>,
    /// Per event: what each mention said, from which the message is summed
    /// up again on every merge — so arrival order does not shape it.
    reports: Vec<Vec<Report>>,
    /// Per event: its place in first-seen order, which breaks ties in
    /// matching; kept across pruning and restarts so they match alike.
    ords: Vec<u64>,
    next_ord: u64,
    by_key: HashMap<Key, Vec<usize>>,
    by_id: HashMap<String, usize>,
}

/// One event with what it was summed up from: the unit the store persists.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub ord: u64,
    pub event: Event,
    reports: Vec<Report>,
}

impl Deduper {
    pub fn new() -> Deduper {
        Deduper::default()
    }

    /// Adds one article's mentions; returns every event they created or
    /// changed, at its new revision, in first-seen order.
    pub fn add(&mut self, mentions: Vec<Mention>, now: DateTime<Utc>) -> Vec<Event> {
        self.add_indexed(mentions, now)
            .into_iter()
            .map(|i| self.events[i].clone())
            .collect()
    }

    /// [`add`](Self::add), returning the changed events' places in
    /// [`events`](Self::events) (ascending: first-seen order) instead of
    /// copies. The daemon's merge stage serialises each revision from
    /// there: a copy per revision (evidence texts and all, dropped right
    /// after serialising) was a tenth of its time. The places hold until
    /// the next `add` or [`prune`](Self::prune).
    pub fn add_indexed(&mut self, mentions: Vec<Mention>, now: DateTime<Utc>) -> Vec<usize> {
        let mut changed: Vec<usize> = Vec::new();
        for m in mentions {
            let idx = match self.find(&m) {
                Some(i) => {
                    self.reports[i].push(Report::of(&m));
                    merge(&mut self.events[i], &self.reports[i], &m, now).then_some(i)
                }
                None => Some(self.insert(m, now)),
            };
            if let Some(i) = idx {
                if !changed.contains(&i) {
                    changed.push(i);
                }
            }
        }
        changed.sort_unstable();
        changed
    }

    /// Every event at its latest revision, in first-seen order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// How many reports the held events are summed up from.
    pub fn reports_held(&self) -> usize {
        self.reports.iter().map(Vec::len).sum()
    }

    /// The next first-seen number (persisted so a restart continues it).
    pub fn next_ord(&self) -> u64 {
        self.next_ord
    }

    /// Event `id` with its reports, for the store.
    pub fn entry(&self, id: &str) -> Option<Entry> {
        let &i = self.by_id.get(id)?;
        Some(Entry {
            ord: self.ords[i],
            event: self.events[i].clone(),
            reports: self.reports[i].clone(),
        })
    }

    /// The stored form of event `id` ([`Entry`] as JSON) around
    /// `event_json`, the event as already serialised for its message: the
    /// same bytes as serialising the entry, without serialising (or
    /// copying) the event a second time. `event_json` must be
    /// `serde_json::to_vec` of the event dedup holds now.
    pub fn entry_json(&self, id: &str, event_json: &[u8]) -> Option<Vec<u8>> {
        let &i = self.by_id.get(id)?;
        let reports = &self.reports[i];
        // Sized for the whole entry: a report with a location outgrew the
        // 160 bytes once allowed, and the copy into a doubled buffer (its
        // fresh pages faulted in) was most of this function's cost.
        let reports_len: usize = reports.iter().map(Report::json_len_bound).sum();
        let mut out = Vec::with_capacity(event_json.len() + reports_len + reports.len() + 48);
        out.extend_from_slice(b"{\"ord\":");
        json::num(&mut out, self.ords[i]);
        out.extend_from_slice(b",\"event\":");
        out.extend_from_slice(event_json);
        out.extend_from_slice(b",\"reports\":[");
        for (k, r) in reports.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            r.write_json(&mut out);
        }
        out.extend_from_slice(b"]}");
        Some(out)
    }

    /// Rebuilds the index from stored entries (any order; sorted by `ord`).
    pub fn restore(mut entries: Vec<Entry>, next_ord: u64) -> Deduper {
        entries.sort_by_key(|e| e.ord);
        let mut d = Deduper::default();
        for e in entries {
            d.events.push(e.event);
            d.reports.push(e.reports);
            d.ords.push(e.ord);
        }
        d.next_ord = next_ord.max(d.ords.last().map_or(0, |o| o + 1));
        d.reindex();
        d
    }

    /// Forgets events dated before `cutoff`; returns their ids. Later reports
    /// of them open new events, as the window promises.
    pub fn prune(&mut self, cutoff: NaiveDate) -> Vec<String> {
        if !self.events.iter().any(|e| e.date < cutoff) {
            return Vec::new();
        }
        // In place: the window's vectors keep their allocation instead of
        // being rebuilt (and the old ones freed) at every pruning, which
        // left the allocator with holes the size of the window.
        let keep: Vec<bool> = self.events.iter().map(|e| e.date >= cutoff).collect();
        let removed = self
            .events
            .iter()
            .zip(&keep)
            .filter(|(_, &k)| !k)
            .map(|(e, _)| e.id.clone())
            .collect();
        let mut kept = keep.iter().copied();
        self.events.retain(|_| kept.next().unwrap_or(true));
        let mut kept = keep.iter().copied();
        self.reports.retain(|_| kept.next().unwrap_or(true));
        let mut kept = keep.iter().copied();
        self.ords.retain(|_| kept.next().unwrap_or(true));
        // The indexes are renumbered in place, not rebuilt: a rebuild
        // allocated a key and an id for every event held at every pruning,
        // which in a shuffled backfill (old events pruned every few dozen
        // articles) was an eighth of the merge stage's time.
        let mut next = 0;
        let renumber: Vec<Option<usize>> = keep
            .iter()
            .map(|&k| {
                k.then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect();
        let moved = |i: &mut usize| match renumber.get(*i).copied().flatten() {
            Some(n) => {
                *i = n;
                true
            }
            None => false,
        };
        self.by_id.retain(|_, i| moved(i));
        self.by_key.retain(|_, v| {
            v.retain_mut(|i| moved(i));
            !v.is_empty()
        });
        removed
    }

    /// The cutoff at which at most `max` events are left: `cutoff` itself
    /// when it leaves no more than that, else the day after the newest day
    /// that would leave more (a day's events go together, so the choice
    /// does not depend on the order they came in).
    pub fn cutoff_keeping(&self, cutoff: NaiveDate, max: usize) -> NaiveDate {
        let mut dates: Vec<NaiveDate> = self
            .events
            .iter()
            .map(|e| e.date)
            .filter(|&d| d >= cutoff)
            .collect();
        if dates.len() <= max {
            return cutoff;
        }
        // The (max + 1)-th newest date: its day must go, and all before it.
        let (_, &mut nth, _) = dates.select_nth_unstable_by(max, |a, b| b.cmp(a));
        nth.succ_opt().unwrap_or(nth).max(cutoff)
    }

    fn reindex(&mut self) {
        self.by_key.clear();
        self.by_id.clear();
        for (i, e) in self.events.iter().enumerate() {
            let k = key(
                e.event_type,
                &e.source.code,
                e.target.as_ref().map(|t| t.code.as_str()),
            );
            self.by_key.entry_ref(&k).or_default().push(i);
            self.by_id.insert(e.id.clone(), i);
        }
    }

    fn find(&self, m: &Mention) -> Option<usize> {
        let k = key(
            m.event_type,
            &m.source.code,
            m.target.as_ref().map(|t| t.code.as_str()),
        );
        // Of the events this mention could be, the closest: a stated toll
        // that agrees first, then the nearest date.
        self.by_key
            .get(&k)?
            .iter()
            .copied()
            .filter(|&i| {
                let e = &self.events[i];
                let tol = tolerance(e.date_precision).max(tolerance(m.date_precision));
                // A date defaulted to the article's day says only "by then":
                // such a report may tell a happening of the days before.
                let e_stated = self.reports[i].iter().any(|r| r.stated);
                let days = (m.date - e.date).num_days();
                let within = days.abs() <= tol
                    || (!m.date_stated && (0..=REPORT_LAG_DAYS).contains(&days))
                    || (!e_stated && (-REPORT_LAG_DAYS..=0).contains(&days));
                within
                    && tolls_compatible(e.fatalities.killed, m.fatalities.killed)
                    && modes_compatible(&self.reports[i], m.mode.as_deref())
            })
            .min_by_key(|&i| {
                let e = &self.events[i];
                let same_toll =
                    e.fatalities.killed.is_some() && e.fatalities.killed == m.fatalities.killed;
                (!same_toll, (e.date - m.date).num_days().abs(), i)
            })
    }

    fn insert(&mut self, m: Mention, now: DateTime<Utc>) -> usize {
        let id = (0..)
            .map(|n| event_id(&m, n))
            .find(|id| !self.by_id.contains_key(id))
            .expect("some nth id is free");
        let report = Report::of(&m);
        let mode = m.mode.as_deref();
        let e = Event {
            schema: "flashpoint.event.v1".into(),
            id,
            revision: 1,
            event_type: m.event_type,
            cameo_root: m.event_type.cameo_root(mode).into(),
            quad_class: m.event_type.quad_class(),
            goldstein: m.event_type.goldstein(mode),
            mode: m.mode,
            date: m.date,
            date_precision: m.date_precision,
            source: m.source,
            target: m.target,
            location: m.location,
            fatalities: m.fatalities,
            confidence: m.confidence,
            mentions: 1,
            articles: 1,
            languages: vec![m.evidence.language.clone()],
            evidence: vec![m.evidence],
            first_seen: now,
            updated: now,
        };
        self.by_id.insert(e.id.clone(), self.events.len());
        self.events.push(e);
        self.reports.push(vec![report]);
        self.ords.push(self.next_ord);
        self.next_ord += 1;
        let i = self.events.len() - 1;
        // Keyed by the codes the event took over from the mention; the
        // key's strings are allocated only when it is new (most events
        // share a key with earlier ones).
        let e = &self.events[i];
        let k = key(
            e.event_type,
            &e.source.code,
            e.target.as_ref().map(|t| t.code.as_str()),
        );
        self.by_key.entry_ref(&k).or_default().push(i);
        i
    }
}

/// Stable id: the codes and date of the mention that first told the event.
/// `n` counts the events one mention's codes opened before: one article may
/// tell two acts of one day between the same sides ("shot down two jets and
/// shelled a base"); the second hashes "…|article|1".
fn event_id(m: &Mention, n: u32) -> String {
    // The hash of "TYPE|source|target|date|article", the bytes gathered on
    // the stack rather than formatted into a string, and hashed in one
    // call (nine `update`s cost ≈ 1,000 instructions an event).
    let mut buf: smallvec::SmallVec<[u8; 96]> = smallvec::SmallVec::new();
    buf.extend_from_slice(m.event_type.as_str().as_bytes());
    buf.push(b'|');
    buf.extend_from_slice(m.source.code.as_bytes());
    buf.push(b'|');
    buf.extend_from_slice(
        m.target
            .as_ref()
            .map_or("_", |t| t.code.as_str())
            .as_bytes(),
    );
    buf.push(b'|');
    buf.extend_from_slice(&date_bytes(m.date));
    buf.push(b'|');
    buf.extend_from_slice(m.evidence.article.as_bytes());
    if n > 0 {
        buf.push(b'|');
        buf.extend_from_slice(n.to_string().as_bytes());
    }
    // The id is the hash's first 8 bytes in hex: `to_hex` wrote all 32
    // (≈ 320 instructions an event) for 16 characters to be kept.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hash = blake3::hash(&buf);
    let mut id = String::with_capacity(16);
    for &b in &hash.as_bytes()[..8] {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    id
}

/// What one mention said about an event, kept to sum the event up again.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Report {
    article: String,
    date: chrono::NaiveDate,
    stated: bool,
    precision: DatePrecision,
    mode: Option<String>,
    location: Option<crate::model::Location>,
    confidence: f64,
}

impl Report {
    /// `serde_json` of the report, written directly (the merge stage stores
    /// every revision's entry; a test compares with the derived output).
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"article\":");
        json::str(out, &self.article);
        out.extend_from_slice(b",\"date\":");
        json::date(out, self.date);
        out.extend_from_slice(if self.stated {
            b",\"stated\":true,\"precision\":"
        } else {
            b",\"stated\":false,\"precision\":"
        });
        out.extend_from_slice(json::precision(self.precision));
        out.extend_from_slice(b",\"mode\":");
        json::opt_str(out, self.mode.as_deref());
        out.extend_from_slice(b",\"location\":");
        match &self.location {
            Some(l) => json::location(out, l),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"confidence\":");
        json::num(out, self.confidence);
        out.push(b'}');
    }

    /// About the length of [`write_json`](Self::write_json)'s output, at
    /// least as long unless its strings need escapes (then the buffer grows).
    fn json_len_bound(&self) -> usize {
        let mode = self.mode.as_ref().map_or(0, String::len);
        let location = self
            .location
            .as_ref()
            .map_or(0, |l| 96 + l.name.len() + l.country.len());
        160 + self.article.len() + mode + location
    }

    fn of(m: &Mention) -> Report {
        Report {
            article: m.evidence.article.clone(),
            date: m.date,
            stated: m.date_stated,
            precision: m.date_precision,
            mode: m.mode.clone(),
            location: m.location.clone(),
            confidence: m.confidence,
        }
    }
}

/// The value most reports give (each article counted once); ties go to the
/// smallest, so the choice never depends on which report came first.
fn most_told<T: Ord + Clone>(values: impl Iterator<Item = (String, T)>) -> Option<T> {
    let mut seen: std::collections::BTreeSet<(String, T)> = Default::default();
    let mut counts: std::collections::BTreeMap<T, usize> = Default::default();
    for (article, v) in values {
        if seen.insert((article, v.clone())) {
            *counts.entry(v).or_default() += 1;
        }
    }
    let best = counts.values().copied().max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(v, _)| v)
}

/// The date most articles support, from stated dates when there are any: a
/// report supports a date within its own precision's tolerance ("last week"
/// supports each day of that week). Ties go to the finer precision, then to
/// the earlier date, so the choice never depends on arrival order.
fn best_date(reports: &[Report]) -> Option<(chrono::NaiveDate, DatePrecision)> {
    let any_stated = reports.iter().any(|r| r.stated);
    let dated: Vec<&Report> = reports.iter().filter(|r| r.stated || !any_stated).collect();
    dated
        .iter()
        .map(|c| {
            let support: std::collections::BTreeSet<&str> = dated
                .iter()
                .filter(|r| {
                    let slack = match r.precision {
                        DatePrecision::Day => 0,
                        p => tolerance(p),
                    };
                    (c.date - r.date).num_days().abs() <= slack
                })
                .map(|r| r.article.as_str())
                .collect();
            (std::cmp::Reverse(support.len()), c.precision, c.date)
        })
        .min()
        .map(|(_, p, d)| (d, p))
}

/// Folds a mention into an event; true when the event's message changed.
///
/// Date, precision, mode, place and confidence are summed up from all the
/// reports (`reports` already holds `m`), so the same reports in any order
/// give the same event: a stated date beats one defaulted to the article's
/// date, the date and mode most articles give win, tolls keep the highest
/// stated count, and independent articles raise confidence.
fn merge(e: &mut Event, reports: &[Report], m: &Mention, now: DateTime<Utc>) -> bool {
    let before = e.clone();
    e.mentions += 1;
    if !e.evidence.iter().any(|x| x.article == m.evidence.article) {
        e.articles += 1;
    }
    if !e.languages.contains(&m.evidence.language) {
        e.languages.push(m.evidence.language.clone());
        e.languages.sort();
    }
    if let Some((date, precision)) = best_date(reports) {
        e.date = date;
        e.date_precision = precision;
    }
    e.fatalities.killed = e.fatalities.killed.max(m.fatalities.killed);
    e.fatalities.wounded = e.fatalities.wounded.max(m.fatalities.wounded);
    let named = |r: &Report| r.location.as_ref().map(|l| l.name.clone());
    if let Some(name) = most_told(
        reports
            .iter()
            .filter_map(|r| Some((r.article.clone(), named(r)?))),
    ) {
        e.location = reports
            .iter()
            .find(|r| named(r).as_deref() == Some(name.as_str()))
            .and_then(|r| r.location.clone());
    }
    e.mode = most_told(
        reports
            .iter()
            .filter_map(|r| Some((r.article.clone(), r.mode.clone()?))),
    );
    e.cameo_root = e.event_type.cameo_root(e.mode.as_deref()).into();
    e.goldstein = e.event_type.goldstein(e.mode.as_deref());
    // Independent articles raise confidence: the best report counts fully,
    // each further article's best at half weight, 1 - Π(1 - c).
    let mut best: std::collections::BTreeMap<&str, f64> = Default::default();
    for r in reports {
        let c = best.entry(r.article.as_str()).or_default();
        *c = c.max(r.confidence);
    }
    let mut cs: Vec<f64> = best.into_values().collect();
    cs.sort_by(|a, b| b.total_cmp(a));
    let miss: f64 = cs
        .iter()
        .enumerate()
        .map(|(i, c)| 1.0 - if i == 0 { *c } else { c * 0.5 })
        .product();
    e.confidence = ((1.0 - miss).min(0.99) * 100.0).round() / 100.0;
    if e.evidence.len() < MAX_EVIDENCE && !e.evidence.contains(&m.evidence) {
        e.evidence.push(m.evidence.clone());
    }
    let changed = e.articles != before.articles
        || e.languages != before.languages
        || e.date != before.date
        || e.date_precision != before.date_precision
        || e.fatalities != before.fatalities
        || e.location != before.location
        || e.mode != before.mode
        || e.confidence != before.confidence;
    if changed {
        e.revision += 1;
        e.updated = now;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Evidence, Fatalities};

    #[test]
    fn date_bytes_are_the_displayed_date() {
        for (y, m, d) in [
            (2020, 2, 28),
            (1999, 12, 1),
            (5, 1, 9),
            (10000, 3, 4),
            (-44, 3, 15),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("date");
            assert_eq!(&date_bytes(date)[..], date.to_string().as_bytes());
        }
    }

    #[test]
    fn event_id_hashes_the_joined_codes() {
        let mut m = mention("0123456789abcdef", "en", "2020-02-27", None);
        let joined = "ASSAULT|SYR|TUR|2020-02-27|0123456789abcdef";
        assert_eq!(
            event_id(&m, 0),
            blake3::hash(joined.as_bytes()).to_hex()[..16]
        );
        let second = format!("{joined}|1");
        assert_eq!(
            event_id(&m, 1),
            blake3::hash(second.as_bytes()).to_hex()[..16]
        );
        m.target = None;
        m.source.code = "A".repeat(120);
        let joined = format!("ASSAULT|{}|_|2020-02-27|0123456789abcdef", m.source.code);
        assert_eq!(
            event_id(&m, 0),
            blake3::hash(joined.as_bytes()).to_hex()[..16]
        );
    }

    fn mention(article: &str, lang: &str, date: &str, killed: Option<u32>) -> Mention {
        let actor = |c: &str| Actor {
            code: c.into(),
            name: c.into(),
            sector: "MIL".into(),
        };
        Mention {
            event_type: EventType::Assault,
            mode: None,
            source: actor("SYR"),
            target: Some(actor("TUR")),
            date: date.parse().unwrap(),
            date_precision: DatePrecision::Day,
            date_stated: true,
            location: None,
            fatalities: Fatalities {
                killed,
                wounded: None,
            },
            confidence: 0.8,
            evidence: Evidence {
                article: article.into(),
                file: format!("{article}.txt"),
                language: lang.into(),
                span: [0, 1],
                text: "x".into(),
            },
        }
    }

    #[test]
    fn same_happening_across_articles_and_languages_merges() {
        let mut d = Deduper::default();
        let now = Utc::now();
        let first = d.add(vec![mention("a", "en", "2020-02-27", Some(33))], now);
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].revision, 1);
        let second = d.add(vec![mention("b", "id", "2020-02-28", Some(34))], now);
        assert_eq!(
            second.len(),
            1,
            "a new article and language revise the event"
        );
        let e = &second[0];
        assert_eq!((e.id.as_str(), e.revision), (first[0].id.as_str(), 2));
        assert_eq!((e.mentions, e.articles), (2, 2));
        assert_eq!(e.languages, vec!["en", "id"]);
        assert_eq!(e.fatalities.killed, Some(34));
        // A repeat inside the same article changes no message.
        assert!(d
            .add(vec![mention("b", "id", "2020-02-28", None)], now)
            .is_empty());
        assert_eq!(d.events().len(), 1);
    }

    #[test]
    fn reports_are_written_as_serde_json_writes_them() {
        for (i, s) in [
            "",
            "a",
            "x\"y\\z\n\u{1}\u{7f}",
            "Türkiye — 北京 and a longer run",
        ]
        .into_iter()
        .enumerate()
        {
            let r = Report {
                article: s.into(),
                date: chrono::NaiveDate::from_ymd_opt(2020 + i as i32, 2, 27).unwrap(),
                stated: i % 2 == 0,
                precision: [
                    DatePrecision::Day,
                    DatePrecision::Week,
                    DatePrecision::Month,
                    DatePrecision::Unknown,
                ][i],
                mode: (i % 2 == 1).then(|| s.to_string()),
                location: (i > 1).then(|| crate::model::Location {
                    name: s.into(),
                    country: "SYR".into(),
                    lat: 36.2,
                    lon: f64::NAN,
                }),
                confidence: 0.7 + i as f64 / 3.0,
            };
            let mut ours = Vec::new();
            r.write_json(&mut ours);
            assert_eq!(ours, serde_json::to_vec(&r).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn entry_json_is_the_serialised_entry() {
        let mut d = Deduper::default();
        let now = Utc::now();
        d.add(vec![mention("a", "en", "2020-02-27", Some(33))], now);
        let e = d.add(vec![mention("b", "id", "2020-02-28", None)], now);
        let id = &e[0].id;
        let payload = serde_json::to_vec(&e[0]).unwrap();
        let want = serde_json::to_vec(&d.entry(id).unwrap()).unwrap();
        assert_eq!(d.entry_json(id, &payload).unwrap(), want);
        assert!(d.entry_json("gone", &payload).is_none());
    }

    #[test]
    fn distant_dates_or_tolls_stay_apart_and_ids_are_stable() {
        let now = Utc::now();
        let mut d = Deduper::default();
        d.add(vec![mention("a", "en", "2020-02-20", Some(2))], now);
        d.add(vec![mention("b", "en", "2020-02-27", Some(33))], now);
        d.add(vec![mention("c", "en", "2020-02-27", Some(2))], now);
        assert_eq!(d.events().len(), 3);
        let mut again = Deduper::default();
        again.add(vec![mention("a", "en", "2020-02-20", Some(2))], now);
        assert_eq!(again.events()[0].id, d.events()[0].id);
    }

    #[test]
    fn acts_of_different_kinds_stay_apart_with_ids_of_their_own() {
        let now = Utc::now();
        let with = |mode: Option<&str>| Mention {
            mode: mode.map(String::from),
            ..mention("a", "en", "2020-03-01", None)
        };
        let mut d = Deduper::default();
        d.add(vec![with(Some("aerial")), with(Some("shelling"))], now);
        assert_eq!(d.events().len(), 2, "two kinds of act: two events");
        assert_ne!(d.events()[0].id, d.events()[1].id);
        // A report naming no kind, or a kind already told, joins.
        d.add(vec![with(None), with(Some("aerial"))], now);
        assert_eq!(d.events().len(), 2);
        assert_eq!(d.events()[0].mentions, 3);
    }

    #[test]
    fn a_report_dated_by_its_publication_may_trail_the_happening() {
        let now = Utc::now();
        let mut late = mention("b", "en", "2020-03-01", None);
        late.date_stated = false;
        let mut d = Deduper::default();
        d.add(vec![mention("a", "en", "2020-02-27", Some(33))], now);
        d.add(vec![late.clone()], now);
        assert_eq!(
            d.events().len(),
            1,
            "three days on, unstated: one happening"
        );
        assert_eq!(d.events()[0].date.to_string(), "2020-02-27");
        // A stated date three days apart is another happening; so is an
        // unstated one dated before the event (reports do not precede it).
        let mut d = Deduper::default();
        d.add(vec![mention("a", "en", "2020-02-27", Some(33))], now);
        d.add(vec![mention("c", "en", "2020-03-01", None)], now);
        late.date = "2020-02-24".parse().unwrap();
        d.add(vec![late], now);
        assert_eq!(d.events().len(), 3);
    }
}
