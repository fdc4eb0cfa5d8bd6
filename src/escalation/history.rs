//! A dyad's escalation day by day, for pictures and audits.
//!
//! Built from the same walk as [`Escalation::states`] (`level_series`,
//! `score_on`, `weight`), so the last day always equals the published state:
//! a chart can never tell a different story from the NATS messages.

use chrono::{Duration, NaiveDate};

use super::{Escalation, LABELS};
use crate::model::EventType;

/// The dyad on one day of event time.
#[derive(Debug, Clone, PartialEq)]
pub struct DayState {
    pub date: NaiveDate,
    /// 0–100, as in `EscalationState::score`.
    pub score: f64,
    /// 0–5 on the ladder.
    pub level: u8,
    pub label: &'static str,
    /// Events dated this day, largest contribution first.
    pub events: Vec<DayEvent>,
}

/// One event's part in the dyad on its own day.
#[derive(Debug, Clone, PartialEq)]
pub struct DayEvent {
    pub id: String,
    pub event_type: EventType,
    pub mode: Option<String>,
    pub killed: u32,
    /// `None` when between the pair itself; `Some(client)` when it counts
    /// through a patron (Russia through Syria).
    pub via: Option<String>,
    /// Net hostility it adds on its day (before decay), as in `drivers`;
    /// negative for cooperation.
    pub contribution: f64,
}

impl Escalation {
    /// One [`DayState`] per day from the dyad's first event to the clock;
    /// empty for an unknown dyad. The last day agrees with `states()`.
    pub fn history(&self, dyad: &str) -> Vec<DayState> {
        let Some(parts) = self.dyads.get(dyad) else {
            return Vec::new();
        };
        // Up to the event-time clock, like the state: a quiet dyad keeps
        // decaying while other dyads move time on.
        let (Some(first), Some(last)) = (
            parts.values().map(|p| p.date).min(),
            parts.values().map(|p| p.date).chain(self.clock).max(),
        ) else {
            return Vec::new();
        };
        let levels = self.level_series(parts, last);
        let mut days = Vec::with_capacity(levels.len());
        for (date, level) in first.iter_days().zip(levels) {
            let mut events: Vec<DayEvent> = parts
                .iter()
                .filter(|(_, p)| p.date == date)
                .map(|(id, p)| {
                    let (h, c) = self.weight(p);
                    DayEvent {
                        id: id.clone(),
                        event_type: p.event_type,
                        mode: p.mode.clone(),
                        killed: p.killed,
                        via: p.via.clone(),
                        contribution: ((h - 0.5 * c) * 1000.0).round() / 1000.0,
                    }
                })
                .collect();
            events.sort_by(|a, b| {
                b.contribution
                    .total_cmp(&a.contribution)
                    .then(a.id.cmp(&b.id))
            });
            days.push(DayState {
                date,
                score: self.score_on(parts, date),
                level,
                label: LABELS[usize::from(level).min(LABELS.len() - 1)],
                events,
            });
        }
        debug_assert_eq!(days.last().map(|d| d.date), Some(last));
        debug_assert!(days.len() as i64 == (last - first + Duration::days(1)).num_days());
        days
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::EscalationSettings;

    use crate::escalation::tests::ev;

    /// A month with every kind of turn: friction, lethal clashes, open war
    /// through patrons, a ceasefire cap and the 72 h fall after it.
    fn escalation() -> Escalation {
        let mut e = Escalation::new(EscalationSettings::default());
        for x in [
            ev("a", EventType::Accuse, "TUR", "SYR", "2020-02-01", None),
            ev("b", EventType::Threaten, "TUR", "SYR", "2020-02-05", None),
            ev("c", EventType::Assault, "SYR", "TUR", "2020-02-10", Some(5)),
            ev("d", EventType::Assault, "SYR", "TUR", "2020-02-11", None),
            ev("e", EventType::Assault, "TUR", "SYR", "2020-02-12", Some(9)),
            ev("f", EventType::Mobilize, "TUR", "RUS", "2020-02-14", None),
            ev(
                "g",
                EventType::Assault,
                "SYR",
                "TUR",
                "2020-02-27",
                Some(33),
            ),
            ev("h", EventType::Agree, "RUS", "TUR", "2020-03-05", None),
            ev("i", EventType::Accuse, "RUS", "TUR", "2020-03-12", None),
        ] {
            e.update(&x);
        }
        e
    }

    #[test]
    fn last_day_agrees_with_state_for_every_dyad() {
        let e = escalation();
        let states = e.states();
        assert_eq!(states.len(), 2, "{states:?}");
        for s in &states {
            let h = e.history(&s.dyad);
            let last = h.last().expect("a dyad with events has a history");
            assert_eq!(last.date, s.as_of, "{}", s.dyad);
            assert_eq!(last.score, s.score, "{}", s.dyad);
            assert_eq!((last.level, last.label), (s.level, s.label.as_str()));
        }
    }

    #[test]
    fn one_day_each_from_first_event_to_the_clock_with_its_events() {
        let e = escalation();
        let h = e.history("SYR-TUR");
        assert_eq!(h.first().unwrap().date.to_string(), "2020-02-01");
        // It runs on to the clock (RUS-TUR's last event), decaying.
        assert_eq!(h.last().unwrap().date.to_string(), "2020-03-12");
        assert_eq!(h.len(), 41);
        assert!(h.last().unwrap().score < h[26].score);
        assert!(h
            .windows(2)
            .all(|w| w[1].date - w[0].date == Duration::days(1)));
        let feb12 = &h[11];
        assert_eq!(feb12.events.len(), 1);
        assert_eq!(feb12.events[0].killed, 9);
        assert!(feb12.events[0].contribution > 0.0);
        // Three assault days in a week is open war on the third.
        assert_eq!(feb12.level, 5, "{feb12:?}");
        assert!(h[2].events.is_empty());
        // The patron dyad sees Syria's assaults through Syria.
        let rus = e.history("RUS-TUR");
        let via: Vec<_> = rus
            .iter()
            .flat_map(|d| &d.events)
            .filter_map(|x| x.via.as_deref())
            .collect();
        assert!(via.contains(&"SYR"), "{rus:?}");
        // The ceasefire caps RUS-TUR at confrontation on its day.
        let agree = rus.iter().find(|d| d.date.to_string() == "2020-03-05");
        assert!(agree.unwrap().level <= 2);
        assert!(e.history("NOPE-NONE").is_empty());
    }
}
