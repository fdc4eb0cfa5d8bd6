//! Stage 4 — escalation: [`Event`] revisions → one [`EscalationState`] per
//! unordered dyad, in event time.
//!
//! The state is recomputed from the dyad's current events on every change, so
//! it depends only on which events exist — not on the order articles arrived
//! in — and a replay of old articles gives the states live processing gave.
//! The model (see `docs/ESCALATION.md`) follows the starting point in the
//! project notes: decaying hostility and cooperation stocks for the score,
//! and a ladder of entry conditions with 72 h hysteresis for the level.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};

use crate::config::EscalationSettings;
use crate::model::{
    DatePrecision, Driver, EscalationState, Event, EventType, QuadClass, QuadCounts,
};

pub mod history;

const LABELS: [&str; 6] = [
    "calm",
    "friction",
    "confrontation",
    "coercion",
    "lethal clashes",
    "open war",
];

/// One event's part in one dyad (directly or through a patron).
#[derive(Debug, Clone)]
struct Part {
    date: NaiveDate,
    event_type: EventType,
    mode: Option<String>,
    killed: u32,
    sources: u32,
    via: Option<String>,
    quad: QuadClass,
}

/// One day of a dyad, summed up for the ladder's entry conditions.
#[derive(Debug, Clone, Copy, Default)]
struct Day {
    /// An agreement or ceasefire was made.
    settlement: bool,
    /// A direct (not `via`) assault, and its deaths.
    direct_assault: bool,
    direct_deaths: u32,
    /// The strongest act of the day as an entry level (1–4).
    act: u8,
}

impl Day {
    fn add(&mut self, p: &Part) {
        if Escalation::is_settlement(p) {
            self.settlement = true;
            return;
        }
        if p.via.is_none() && p.event_type == EventType::Assault {
            self.direct_assault = true;
            self.direct_deaths = self.direct_deaths.saturating_add(p.killed);
        }
        let act = match p.event_type {
            EventType::Assault if p.killed > 0 => 4,
            EventType::Assault | EventType::Mobilize | EventType::Coerce => 3,
            EventType::Threaten | EventType::Sanction => 2,
            EventType::Accuse | EventType::Reject | EventType::Protest | EventType::Request => 1,
            _ => 0,
        };
        self.act = self.act.max(act);
    }
}

/// The ladder level whose entry condition a week of days meets.
fn entry_level(week: &[Day]) -> u8 {
    let assault_days = week.iter().filter(|d| d.direct_assault).count();
    let deaths = week
        .iter()
        .fold(0u32, |a, d| a.saturating_add(d.direct_deaths));
    if assault_days >= 3 || deaths >= 25 {
        return 5;
    }
    week.iter().map(|d| d.act).max().unwrap_or(0)
}

/// How far back from the day it judges [`Escalation::level_on`] starts its
/// walk (see there: the result is the full walk's).
const LOOKBACK_DAYS: i64 = 28;

/// The dyad's parts dated `from..=to`, summed up per day.
fn days_from(parts: &BTreeMap<String, Part>, from: NaiveDate, to: NaiveDate) -> Vec<Day> {
    let mut day = vec![Day::default(); (to - from).num_days() as usize + 1];
    for p in parts.values().filter(|p| p.date >= from && p.date <= to) {
        day[(p.date - from).num_days() as usize].add(p);
    }
    day
}

/// The ladder walk's state from one day to the next: a level rises at once,
/// falls only after 72 h below its entry condition, and an agreement or
/// ceasefire caps it at 2 (for at least 48 h) and clears what came before
/// it from the entry conditions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Walk {
    level: u8,
    /// The day the level went above its entry condition.
    below_since: Option<usize>,
}

impl Walk {
    /// Day `d` of `day`, the last settlement on or before it being `settled`.
    fn step(&mut self, day: &[Day], d: usize, settled: Option<usize>) {
        self.step_to(week_entry(day, d, settled), d, settled);
    }

    /// [`step`](Self::step) with day `d`'s [`week_entry`] given: it is the
    /// same for every walk on that day, and `level_on` steps up to 24
    /// walks a day (working it out per walk was ≈ 80 % of judging a dyad).
    fn step_to(&mut self, entry: u8, d: usize, settled: Option<usize>) {
        if entry >= self.level {
            self.level = entry;
            self.below_since = None;
        } else if settled == Some(d) {
            // The settlement caps the level at once; what is left falls
            // by the usual 72 h rule from here.
            self.level = self.level.min(2).max(entry);
            self.below_since = (entry < self.level).then_some(d);
        } else {
            let since = *self.below_since.get_or_insert(d);
            if d - since >= 3 {
                self.level = entry;
                self.below_since = None;
            }
        }
        if settled.is_some_and(|s| d - s < 2) {
            self.level = self.level.min(2);
        }
    }
}

/// The entry level of the week up to day `d`, without what the last
/// settlement (on or before `d`) cleared.
fn week_entry(day: &[Day], d: usize, settled: Option<usize>) -> u8 {
    let from = (d + 1).saturating_sub(7).max(settled.unwrap_or(0));
    entry_level(&day[from..=d])
}

/// A dyad judged as of a day: what decides whether its state is published.
#[derive(Debug, Clone, Copy)]
struct Judged {
    as_of: NaiveDate,
    score: f64,
    level: u8,
}

/// A dyad's last published level and score.
#[derive(Debug, Clone, Copy)]
struct Published {
    level: u8,
    score: f64,
}

impl Published {
    fn of(s: &EscalationState) -> Published {
        Published {
            level: s.level,
            score: s.score,
        }
    }
}

/// The one owner of every dyad's events and last published state.
pub struct Escalation {
    settings: EscalationSettings,
    /// Client → patrons backing it.
    patrons: HashMap<String, Vec<String>>,
    /// Patron → clients it backs (a patron's settlement binds its clients).
    clients: HashMap<String, Vec<String>>,
    dyads: BTreeMap<String, BTreeMap<String, Part>>,
    /// Per dyad ever published, what was last published of it: only its
    /// level and score decide whether a new state is worth publishing, so
    /// that is all that is held (a whole state per dyad grew with every
    /// pair the articles ever named, window or not).
    published: HashMap<Box<str>, Published>,
    /// Event-time clock: the latest event date seen. Every dyad is judged as
    /// of this day, so a dyad that goes quiet decays while others move on.
    clock: Option<NaiveDate>,
}

/// Agreements and ceasefires: the events that cap a dyad's level.
/// A pledge ("will hold talks", "ready to help") promises, it does not settle.
fn is_settlement_type(t: EventType, mode: Option<&str>) -> bool {
    (t == EventType::Agree && mode != Some("pledge"))
        || (t == EventType::Retreat && mode == Some("ceasefire"))
}

/// `RUS-TUR`: the two codes in alphabetical order.
pub fn dyad_name(a: &str, b: &str) -> String {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    // Called for every event on the merge stage: no formatting machinery.
    let mut out = String::with_capacity(a.len() + 1 + b.len());
    out.push_str(a);
    out.push('-');
    out.push_str(b);
    out
}

impl Escalation {
    pub fn new(settings: EscalationSettings) -> Escalation {
        let mut patrons: HashMap<String, Vec<String>> = HashMap::new();
        let mut clients: HashMap<String, Vec<String>> = HashMap::new();
        for p in &settings.patrons {
            if let Some((patron, client)) = p.split_once(':') {
                let (patron, client) = (patron.trim().to_string(), client.trim().to_string());
                patrons
                    .entry(client.clone())
                    .or_default()
                    .push(patron.clone());
                clients.entry(patron).or_default().push(client);
            }
        }
        Escalation {
            settings,
            patrons,
            clients,
            dyads: BTreeMap::new(),
            published: HashMap::new(),
            clock: None,
        }
    }

    /// Files an event revision's parts under its dyads (and its patrons'
    /// or clients'), moves the clock; returns the dyads touched and whether
    /// the clock advanced. Computes no state: start-up reloads thousands of
    /// events this way and judges the dyads once.
    fn record(&mut self, e: &Event) -> (Vec<String>, bool) {
        let Some(target) = &e.target else {
            return (Vec::new(), false);
        };
        let (s, t) = (e.source.code.as_str(), target.code.as_str());
        // A guessed date (arrival time) would drag event time to today.
        if s == t || e.date_precision == DatePrecision::Unknown {
            return (Vec::new(), false);
        }
        let part = |via: Option<String>| Part {
            date: e.date,
            event_type: e.event_type,
            mode: e.mode.clone(),
            killed: e.fatalities.killed.unwrap_or(0),
            sources: e.articles,
            via,
            quad: e.event_type.quad_class(),
        };
        let dyad = dyad_name(s, t);
        let mut touched = vec![dyad.clone()];
        self.dyads
            .entry(dyad)
            .or_default()
            .insert(e.id.clone(), part(None));
        let mut share = |dyad: String, via: &str| {
            self.dyads
                .entry(dyad.clone())
                .or_default()
                .insert(e.id.clone(), part(Some(via.to_string())));
            touched.push(dyad);
        };
        if e.event_type.plover_score(e.mode.as_deref()) < 0.0 {
            // A patron shares its client's conflicts (hostile acts only).
            for (client, other) in [(s, t), (t, s)] {
                for patron in self.patrons.get(client).into_iter().flatten() {
                    if patron != other {
                        share(dyad_name(patron, other), client);
                    }
                }
            }
        } else if is_settlement_type(e.event_type, e.mode.as_deref()) {
            // A settlement signed by a patron binds its clients: the Moscow
            // ceasefire between RUS and TUR also calms SYR-TUR.
            for (patron, other) in [(s, t), (t, s)] {
                for client in self.clients.get(patron).into_iter().flatten() {
                    if client != other {
                        share(dyad_name(client, other), patron);
                    }
                }
            }
        }
        let advanced = self.clock.is_none_or(|c| e.date > c);
        if advanced {
            self.clock = Some(e.date);
        }
        (touched, advanced)
    }

    /// Reloads a stored event revision without judging or publishing
    /// anything (see [`Escalation::restore_published`]).
    pub fn load(&mut self, e: &Event) {
        self.record(e);
    }

    /// Takes an event revision; returns the dyad states worth publishing
    /// (level changed, or score moved by the configured threshold).
    pub fn update(&mut self, e: &Event) -> Vec<EscalationState> {
        let (mut touched, advanced) = self.record(e);
        if touched.is_empty() {
            return Vec::new();
        }
        if advanced {
            // Time moved on for every dyad: quiet ones may have decayed or
            // stepped down the ladder. Dyads already calm and cold cannot.
            touched.extend(
                self.published
                    .iter()
                    .filter(|(_, p)| p.level > 0 || p.score > 0.0)
                    .map(|(d, _)| d.to_string()),
            );
            touched.sort();
        }
        touched.dedup();
        touched.retain(|d| self.visible(d));
        let mut out = Vec::new();
        let empty = BTreeMap::new();
        for d in touched {
            // Only level and score decide; the rest of a state (drivers,
            // counts, the week's delta) is built for the few published. When
            // the clock advances every warm dyad is judged, most unchanged.
            let parts = self.dyads.get(d.as_str()).unwrap_or(&empty);
            let judged = self.judge(parts);
            let publish = match self.published.get(d.as_str()) {
                None => true,
                Some(prev) => {
                    prev.level != judged.level
                        || (prev.score - judged.score).abs() >= self.settings.publish_threshold
                }
            };
            if publish {
                let state = self.state_of(&d, parts, judged);
                self.published
                    .insert(d.into_boxed_str(), Published::of(&state));
                out.push(state);
            }
        }
        out
    }

    /// The event-time clock (latest event date seen), for the store.
    pub fn clock(&self) -> Option<NaiveDate> {
        self.clock
    }

    /// After a restart: the events were fed to [`update`](Self::update)
    /// again (rebuilding the dyads); this puts back what had really been
    /// published and the clock, so the next change publishes exactly what
    /// an uninterrupted run would have.
    pub fn restore_published(
        &mut self,
        published: impl IntoIterator<Item = EscalationState>,
        clock: Option<NaiveDate>,
    ) {
        self.published = published
            .into_iter()
            .map(|s| (s.dyad.as_str().into(), Published::of(&s)))
            .collect();
        self.clock = clock.or(self.clock);
    }

    /// Forgets event parts dated before `cutoff` (the daemon's event-time
    /// window, the same one that bounds dedup), so the dyads stay bounded
    /// and a restart rebuilt from the stored events has the same parts.
    pub fn prune(&mut self, cutoff: NaiveDate) {
        for parts in self.dyads.values_mut() {
            parts.retain(|_, p| p.date >= cutoff);
        }
        self.dyads.retain(|_, parts| !parts.is_empty());
    }

    /// How many dyads and event parts are held.
    pub fn held(&self) -> (usize, usize) {
        (
            self.dyads.len(),
            self.dyads.values().map(BTreeMap::len).sum(),
        )
    }

    /// Current state of every dyad, sorted by name.
    pub fn states(&self) -> Vec<EscalationState> {
        self.dyads
            .keys()
            .filter(|d| self.visible(d))
            .map(|d| self.state(d))
            .collect()
    }

    /// A dyad is reported once it has an event of its own or a conflict it
    /// shares through a patron; a patron's settlement alone does not make
    /// every client dyad appear.
    fn visible(&self, dyad: &str) -> bool {
        self.dyads.get(dyad).is_some_and(|parts| {
            parts
                .values()
                .any(|p| p.via.is_none() || !Self::is_settlement(p))
        })
    }

    fn weight(&self, p: &Part) -> (f64, f64) {
        let w = (f64::from(1 + p.sources).log2() / 2.0).min(1.0);
        let share = if p.via.is_some() {
            self.settings.patron_share
        } else {
            1.0
        };
        let g = p.event_type.plover_score(p.mode.as_deref());
        let h = w * ((-g).max(0.0) / 10.0 + 0.5 * f64::from(1 + p.killed).log10());
        let c = w * g.max(0.0) / 10.0;
        (h * share, c * share)
    }

    fn decay(&self, from: NaiveDate, to: NaiveDate, half_life: f64) -> f64 {
        let days = (to - from).num_days() as f64;
        0.5f64.powf(days / half_life)
    }

    /// Score on day `d` from the parts dated on or before it.
    fn score_on(&self, parts: &BTreeMap<String, Part>, d: NaiveDate) -> f64 {
        let (mut h, mut c) = (0.0, 0.0);
        for p in parts.values().filter(|p| p.date <= d) {
            let k = self.decay(p.date, d, self.settings.half_life_days);
            let (ph, pc) = self.weight(p);
            h += ph * k;
            c += pc * k;
        }
        let net = (h - 0.5 * c).max(0.0);
        ((1.0 - (-net / 2.0).exp()) * 1000.0).round() / 10.0
    }

    fn is_settlement(p: &Part) -> bool {
        is_settlement_type(p.event_type, p.mode.as_deref())
    }

    /// Walks the dyad's days in event time (see [`Walk`]). One level per day
    /// from the first part to `to` (empty without parts): `history()` draws
    /// it, and `state()` takes its last day ([`level_on`](Self::level_on),
    /// the same steps from a few weeks back).
    ///
    /// Parts are first summed up per day, so the walk costs one pass over
    /// the parts plus a week's look-back per day, however busy the dyad.
    fn level_series(&self, parts: &BTreeMap<String, Part>, to: NaiveDate) -> Vec<u8> {
        let mut series = Vec::new();
        let Some(first) = parts.values().map(|p| p.date).min() else {
            return series;
        };
        if to < first {
            return series;
        }
        let day = days_from(parts, first, to);
        let mut walk = Walk::default();
        let mut settled: Option<usize> = None;
        for d in 0..day.len() {
            if day[d].settlement {
                settled = Some(d);
            }
            walk.step(&day, d, settled);
            series.push(walk.level);
        }
        series
    }

    /// The level on day `to`: the last of [`level_series`](Self::level_series),
    /// without walking from the dyad's first part.
    ///
    /// The walk carries only a level and the day it went below its entry
    /// condition into the next day (the settlement it needs is in the last
    /// week's days), so it starts [`LOOKBACK_DAYS`] before `to` from every
    /// state it could be in then (six levels, four below-since days), all
    /// stepped alike. They nearly always end in one level within days; then
    /// that is the full walk's level, whatever came before. If not (a dyad
    /// kept at its level by a settlement every few days can keep its start
    /// for ever), the full walk decides.
    fn level_on(&self, parts: &BTreeMap<String, Part>, to: NaiveDate) -> u8 {
        let full = |s: &Self| s.level_series(parts, to).last().copied().unwrap_or(0);
        let Some(first) = parts.values().map(|p| p.date).min() else {
            return 0;
        };
        // The walk starts here; the week before it is read for its entry
        // conditions and settlements.
        let start = to - Duration::days(LOOKBACK_DAYS);
        let base = start - Duration::days(7);
        if first >= base {
            return full(self);
        }
        let day = days_from(parts, base, to);
        let s = 7;
        let mut walks: Vec<Walk> = (0..=5u8)
            .flat_map(|level| {
                [None, Some(s - 1), Some(s - 2), Some(s - 3)]
                    .map(|below_since| Walk { level, below_since })
            })
            .collect();
        let mut settled = (0..s).rev().find(|&d| day[d].settlement);
        for d in s..day.len() {
            if day[d].settlement {
                settled = Some(d);
            }
            let entry = week_entry(&day, d, settled);
            for w in &mut walks {
                w.step_to(entry, d, settled);
            }
            // Equal walks step alike and only "all at one level" is read at
            // the end: duplicates need no removing (sorting up to 24 walks
            // a day to drop them cost more than stepping them), only the
            // walks once all are one.
            if walks.len() > 1 && walks.iter().all(|w| *w == walks[0]) {
                walks.truncate(1);
            }
        }
        match walks.split_first() {
            Some((w, rest)) if rest.iter().all(|r| r.level == w.level) => w.level,
            _ => full(self),
        }
    }

    /// What decides whether a dyad's state is published: the day it is
    /// judged as of, its score and level.
    fn judge(&self, parts: &BTreeMap<String, Part>) -> Judged {
        let as_of = parts
            .values()
            .map(|p| p.date)
            .chain(self.clock)
            .max()
            .unwrap_or_default();
        Judged {
            as_of,
            score: self.score_on(parts, as_of),
            level: self.level_on(parts, as_of),
        }
    }

    fn state(&self, dyad: &str) -> EscalationState {
        let empty = BTreeMap::new();
        let parts = self.dyads.get(dyad).unwrap_or(&empty);
        self.state_of(dyad, parts, self.judge(parts))
    }

    /// The dyad's whole state, from its parts as judged by [`judge`](Self::judge).
    fn state_of(
        &self,
        dyad: &str,
        parts: &BTreeMap<String, Part>,
        judged: Judged,
    ) -> EscalationState {
        let Judged {
            as_of,
            score,
            level,
        } = judged;
        let week_ago = self.score_on(parts, as_of - Duration::days(7));
        let delta = ((score - week_ago) * 10.0).round() / 10.0;
        // The five largest contributions (by size, then event id), non-zero:
        // ranked without building a `Driver` (two strings) for every part,
        // only for the five kept.
        let mut ranked: Vec<(f64, &String, &Part)> = parts
            .iter()
            .map(|(id, p)| {
                let (h, c) = self.weight(p);
                let k = self.decay(p.date, as_of, self.settings.half_life_days);
                ((((h - 0.5 * c) * k) * 1000.0).round() / 1000.0, id, p)
            })
            .filter(|(contribution, _, _)| *contribution != 0.0)
            .collect();
        let by_rank = |a: &(f64, &String, &Part), b: &(f64, &String, &Part)| {
            b.0.abs().total_cmp(&a.0.abs()).then(a.1.cmp(b.1))
        };
        const DRIVERS: usize = 5;
        if ranked.len() > DRIVERS {
            ranked.select_nth_unstable_by(DRIVERS - 1, by_rank);
            ranked.truncate(DRIVERS);
        }
        ranked.sort_unstable_by(by_rank);
        let drivers: Vec<Driver> = ranked
            .into_iter()
            .map(|(contribution, id, p)| Driver {
                event: id.clone(),
                contribution,
                via: p
                    .via
                    .as_ref()
                    .map_or_else(|| "direct".to_string(), |v| ["via ", v].concat()),
            })
            .collect();
        let mut counts = QuadCounts::default();
        for p in parts.values().filter(|p| p.via.is_none()) {
            match p.quad {
                QuadClass::VerbalCooperation => counts.verbal_cooperation += 1,
                QuadClass::MaterialCooperation => counts.material_cooperation += 1,
                QuadClass::VerbalConflict => counts.verbal_conflict += 1,
                QuadClass::MaterialConflict => counts.material_conflict += 1,
            }
        }
        let fatalities_7d = parts
            .values()
            .filter(|p| p.via.is_none() && p.date > as_of - Duration::days(7))
            .fold(0u32, |a, p| a.saturating_add(p.killed));
        EscalationState {
            schema: "flashpoint.escalation.v1".into(),
            dyad: dyad.to_string(),
            as_of,
            score,
            level,
            label: LABELS[level as usize].into(),
            trend: if delta > 5.0 {
                "rising"
            } else if delta < -5.0 {
                "falling"
            } else {
                "steady"
            }
            .into(),
            delta_7d: delta,
            drivers,
            counts,
            fatalities_7d,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, DatePrecision, Fatalities};
    use chrono::Utc;

    pub(super) fn ev(
        id: &str,
        t: EventType,
        s: &str,
        tg: &str,
        date: &str,
        killed: Option<u32>,
    ) -> Event {
        let actor = |c: &str| Actor {
            code: c.into(),
            name: c.into(),
            sector: "GOV".into(),
        };
        Event {
            schema: "flashpoint.event.v1".into(),
            id: id.into(),
            revision: 1,
            event_type: t,
            mode: None,
            cameo_root: t.cameo_root(None).into(),
            quad_class: t.quad_class(),
            goldstein: t.goldstein(None),
            date: date.parse().unwrap(),
            date_precision: DatePrecision::Day,
            source: actor(s),
            target: Some(actor(tg)),
            location: None,
            fatalities: Fatalities {
                killed,
                wounded: None,
            },
            confidence: 0.8,
            mentions: 2,
            articles: 2,
            languages: vec!["en".into()],
            evidence: vec![],
            first_seen: Utc::now(),
            updated: Utc::now(),
        }
    }

    /// `level_on` (the walk from a few weeks back) gives the full walk's
    /// last level, on dyads long and short, sparse and dense, with
    /// settlements often enough to keep a level from falling.
    #[test]
    fn level_on_is_the_full_walks_last_level() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let types = [
            EventType::Assault,
            EventType::Assault,
            EventType::Threaten,
            EventType::Accuse,
            EventType::Coerce,
            EventType::Agree,
            EventType::Consult,
            EventType::Retreat,
        ];
        let esc = Escalation::new(EscalationSettings::default());
        let start: NaiveDate = "2020-01-01".parse().unwrap();
        let mut checked = 0;
        for case in 0..400 {
            let span = 1 + next(400) as i64;
            let n = 1 + next(if case % 2 == 0 { 20 } else { 300 });
            let mut parts = BTreeMap::new();
            for i in 0..n {
                let t = types[next(types.len() as u64) as usize];
                let mode =
                    (t == EventType::Retreat && next(2) == 0).then(|| "ceasefire".to_string());
                parts.insert(
                    format!("e{i}"),
                    Part {
                        date: start + Duration::days(next(span as u64) as i64),
                        event_type: t,
                        mode,
                        killed: if next(4) == 0 { next(30) as u32 } else { 0 },
                        sources: 1,
                        via: None,
                        quad: t.quad_class(),
                    },
                );
            }
            for to in [span - 1, span + 3, span + 40] {
                let to = start + Duration::days(to);
                let full = esc.level_series(&parts, to).last().copied().unwrap_or(0);
                assert_eq!(esc.level_on(&parts, to), full, "case {case}, to {to}");
                checked += 1;
            }
        }
        assert_eq!(checked, 1200);
    }

    fn final_state(events: &[Event], dyad: &str) -> EscalationState {
        let mut e = Escalation::new(EscalationSettings::default());
        for x in events {
            e.update(x);
        }
        e.states().into_iter().find(|s| s.dyad == dyad).unwrap()
    }

    #[test]
    fn lethal_assault_raises_dyad_and_patron_dyad() {
        let events = vec![
            ev("a", EventType::Accuse, "TUR", "SYR", "2020-02-20", None),
            ev(
                "b",
                EventType::Assault,
                "SYR",
                "TUR",
                "2020-02-27",
                Some(33),
            ),
        ];
        let s = final_state(&events, "SYR-TUR");
        assert_eq!(s.level, 5, "33 deaths in a week is open war: {s:?}");
        assert_eq!(s.as_of.to_string(), "2020-02-27");
        let r = final_state(&events, "RUS-TUR");
        assert!(r.level >= 3 && r.level < 5, "{r:?}");
        assert_eq!(r.drivers[0].via, "via SYR");
    }

    #[test]
    fn order_does_not_matter_and_ceasefire_lowers() {
        let mut events = vec![
            ev(
                "a",
                EventType::Assault,
                "SYR",
                "TUR",
                "2020-02-27",
                Some(33),
            ),
            ev("b", EventType::Threaten, "TUR", "SYR", "2020-03-01", None),
            ev("c", EventType::Agree, "RUS", "TUR", "2020-03-05", None),
        ];
        let before = final_state(&events, "RUS-TUR");
        events.reverse();
        assert_eq!(final_state(&events, "RUS-TUR"), before);
        assert!(before.level <= 2, "ceasefire caps the level: {before:?}");
    }

    #[test]
    fn cooperation_only_stays_calm() {
        let events = vec![
            ev("a", EventType::Consult, "IDN", "MYS", "2020-02-20", None),
            ev("b", EventType::Agree, "IDN", "MYS", "2020-02-21", None),
            ev("c", EventType::Aid, "IDN", "MYS", "2020-02-22", None),
        ];
        let s = final_state(&events, "IDN-MYS");
        assert_eq!((s.level, s.score), (0, 0.0));
    }

    #[test]
    fn a_patrons_ceasefire_calms_its_clients_dyad() {
        let war = vec![
            ev(
                "a",
                EventType::Assault,
                "SYR",
                "TUR",
                "2020-02-27",
                Some(33),
            ),
            ev(
                "b",
                EventType::Assault,
                "TUR",
                "SYR",
                "2020-03-01",
                Some(19),
            ),
        ];
        assert_eq!(final_state(&war, "SYR-TUR").level, 5);
        let mut settled = war.clone();
        settled.push(ev("c", EventType::Agree, "RUS", "TUR", "2020-03-05", None));
        let s = final_state(&settled, "SYR-TUR");
        assert!(s.level <= 2, "RUS signs for SYR: {s:?}");
        assert_eq!(s.as_of.to_string(), "2020-03-05");
        // A pledge to talk is not a settlement: no cap.
        let mut pledged = war.clone();
        let mut talk = ev("p", EventType::Agree, "RUS", "TUR", "2020-03-01", None);
        talk.mode = Some("pledge".into());
        pledged.push(talk);
        assert_eq!(final_state(&pledged, "SYR-TUR").level, 5);
        // The settlement alone does not conjure a client dyad.
        let mut e = Escalation::new(EscalationSettings::default());
        e.update(&ev("c", EventType::Agree, "RUS", "TUR", "2020-03-05", None));
        let names: Vec<String> = e.states().into_iter().map(|s| s.dyad).collect();
        assert_eq!(names, vec!["RUS-TUR".to_string()]);
    }

    #[test]
    fn quiet_dyads_step_down_as_event_time_moves_on() {
        let mut e = Escalation::new(EscalationSettings::default());
        let first = e.update(&ev(
            "a",
            EventType::Assault,
            "ARM",
            "AZE",
            "2020-09-27",
            Some(30),
        ));
        assert_eq!(first.iter().find(|s| s.dyad == "ARM-AZE").unwrap().level, 5);
        // Two weeks later another dyad's event arrives: ARM-AZE is re-judged
        // as of that day and published again because it fell.
        let later = e.update(&ev(
            "b",
            EventType::Consult,
            "FRA",
            "DEU",
            "2020-10-12",
            None,
        ));
        let arm = later
            .iter()
            .find(|s| s.dyad == "ARM-AZE")
            .expect("re-published");
        assert_eq!(arm.as_of.to_string(), "2020-10-12");
        assert_eq!(arm.level, 0, "{arm:?}");
        assert!(arm.score < first[0].score);
    }
}
