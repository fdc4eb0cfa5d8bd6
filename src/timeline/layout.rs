//! The picture's rules, kept apart from drawing so they can be tested:
//! which lane an event goes in, where the date ticks fall, and where a label
//! fits without covering another.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::escalation::history::DayEvent;
use crate::model::EventType;

/// Lanes of the event strip, most hostile first. Agreements and ceasefires
/// have their own lane because they cap the level.
pub const LANES: [&str; 6] = [
    "assault",
    "coercion, mobilisation",
    "threat, sanction",
    "accusation, demand",
    "agreement, ceasefire",
    "talks, aid, cooperation",
];

/// The lane an event is drawn in (an index into [`LANES`]).
pub fn lane(e: &DayEvent) -> usize {
    match e.event_type {
        EventType::Assault => 0,
        EventType::Coerce | EventType::Mobilize => 1,
        EventType::Threaten | EventType::Sanction => 2,
        EventType::Accuse | EventType::Reject | EventType::Protest | EventType::Request => 3,
        EventType::Agree => 4,
        EventType::Retreat if e.mode.as_deref() == Some("ceasefire") => 4,
        EventType::Consult
        | EventType::Support
        | EventType::Concede
        | EventType::Cooperate
        | EventType::Aid
        | EventType::Retreat => 5,
    }
}

/// A deadly assault between the pair themselves: it sets level 4/5.
pub fn is_deadly(e: &DayEvent) -> bool {
    e.via.is_none() && e.event_type == EventType::Assault && e.killed > 0
}

/// An agreement or ceasefire between the pair: it caps the level.
pub fn is_settlement(e: &DayEvent) -> bool {
    e.via.is_none() && lane(e) == 4
}

/// What the events of one lane on one day add up to, as a short label:
/// the dead if any, and how many events when more than one.
pub fn lane_label(events: &[&DayEvent]) -> Option<String> {
    let killed = events.iter().fold(0u32, |a, e| a.saturating_add(e.killed));
    match (events.len(), killed) {
        (0, _) => None,
        (1, 0) => None,
        (1, k) => Some(format!("{k} killed")),
        (n, 0) => Some(format!("×{n}")),
        (n, k) => Some(format!("×{n}, {k} killed")),
    }
}

/// How date labels are spelt for a tick spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    Day,
    Month,
    Year,
}

/// Date ticks between `from` and `to` (inclusive), at least `min_gap_days`
/// apart, on round dates (Mondays, first of the month, New Year).
pub fn ticks(from: NaiveDate, to: NaiveDate, min_gap_days: f64) -> (TickUnit, Vec<NaiveDate>) {
    let mut out = Vec::new();
    for step in [1i64, 2, 7, 14] {
        if step as f64 >= min_gap_days {
            let mut d = from;
            if step >= 7 {
                while d.weekday() != Weekday::Mon {
                    d += Duration::days(1);
                }
            }
            while d <= to {
                out.push(d);
                d += Duration::days(step);
            }
            return (TickUnit::Day, out);
        }
    }
    for months in [1u32, 2, 3, 6] {
        if f64::from(months) * 30.4 >= min_gap_days {
            let mut m = from.year() * 12 + from.month0() as i32;
            loop {
                let (y, mo) = (m.div_euclid(12), m.rem_euclid(12) as u32);
                let Some(d) = NaiveDate::from_ymd_opt(y, mo + 1, 1) else {
                    break;
                };
                if d > to {
                    break;
                }
                if d >= from && mo % months == 0 {
                    out.push(d);
                }
                m += 1;
            }
            return (TickUnit::Month, out);
        }
    }
    let years = [1, 2, 5, 10, 25, 50]
        .into_iter()
        .find(|y| f64::from(*y) * 365.25 >= min_gap_days)
        .unwrap_or(100);
    for y in from.year()..=to.year() {
        if let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
            if d >= from && y % years == 0 {
                out.push(d);
            }
        }
    }
    (TickUnit::Year, out)
}

/// The label of a tick.
pub fn tick_label(unit: TickUnit, d: NaiveDate) -> String {
    match unit {
        TickUnit::Day => d.format("%-d %b").to_string(),
        TickUnit::Month => d.format("%b %Y").to_string(),
        TickUnit::Year => d.format("%Y").to_string(),
    }
}

/// `29 Jan – 2 Mar 2020`, or with both years when they differ.
pub fn date_range(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        from.format("%-d %b %Y").to_string()
    } else if from.year() == to.year() {
        format!("{} – {}", from.format("%-d %b"), to.format("%-d %b %Y"))
    } else {
        format!("{} – {}", from.format("%-d %b %Y"), to.format("%-d %b %Y"))
    }
}

/// Places labels in one lane without overlap. Each label belongs to a
/// marker at `x` (pixels) and is `w` wide; markers are `r` in radius and
/// are themselves obstacles. A label goes right of its marker on the lane's
/// line, else left of it, else raised half a lane, else it is left out (the
/// marker still shows the event). Returns, per label, its left edge and
/// whether it is raised. Labels stay within the plot, `left..right`.
pub fn place_labels(
    labels: &[(i32, i32)],
    markers: &[i32],
    r: i32,
    (left, right): (i32, i32),
) -> Vec<Option<(i32, bool)>> {
    const PAD: i32 = 4;
    let mut line: Vec<(i32, i32)> = markers.iter().map(|&m| (m - r, m + r)).collect();
    let mut raised: Vec<(i32, i32)> = Vec::new();
    let free = |taken: &[(i32, i32)], a: i32, b: i32| {
        taken.iter().all(|&(l, h)| b + PAD <= l || a >= h + PAD)
    };
    labels
        .iter()
        .map(|&(x, w)| {
            let tries = [
                (x + r + PAD, false),
                (x - r - PAD - w, false),
                (x + r / 2, true),
                (x - r / 2 - w, true),
            ];
            // Raised labels clear the markers, so only labels block them.
            for (at, up) in tries {
                if at < left || at + w > right {
                    continue;
                }
                let taken = if up { &mut raised } else { &mut line };
                if free(taken, at, at + w) {
                    taken.push((at, at + w));
                    return Some((at, up));
                }
            }
            None
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn ev(t: EventType, mode: Option<&str>, killed: u32, via: Option<&str>) -> DayEvent {
        DayEvent {
            id: "x".into(),
            event_type: t,
            mode: mode.map(str::to_string),
            killed,
            via: via.map(str::to_string),
            contribution: 0.0,
        }
    }

    #[test]
    fn lanes_follow_the_ladder() {
        assert_eq!(lane(&ev(EventType::Assault, None, 3, None)), 0);
        assert_eq!(lane(&ev(EventType::Mobilize, None, 0, None)), 1);
        assert_eq!(lane(&ev(EventType::Threaten, None, 0, None)), 2);
        assert_eq!(lane(&ev(EventType::Accuse, None, 0, None)), 3);
        assert_eq!(lane(&ev(EventType::Retreat, Some("ceasefire"), 0, None)), 4);
        assert_eq!(lane(&ev(EventType::Retreat, Some("withdraw"), 0, None)), 5);
        assert!(is_deadly(&ev(EventType::Assault, None, 3, None)));
        assert!(!is_deadly(&ev(EventType::Assault, None, 3, Some("SYR"))));
        assert!(is_settlement(&ev(EventType::Agree, None, 0, None)));
        assert!(!is_settlement(&ev(EventType::Agree, None, 0, Some("SYR"))));
    }

    #[test]
    fn lane_labels_count_the_dead_and_the_events() {
        let a = ev(EventType::Assault, None, 33, None);
        let b = ev(EventType::Assault, None, 0, None);
        assert_eq!(lane_label(&[&b]), None);
        assert_eq!(lane_label(&[&a]).as_deref(), Some("33 killed"));
        assert_eq!(lane_label(&[&b, &b]).as_deref(), Some("×2"));
        assert_eq!(lane_label(&[&a, &b]).as_deref(), Some("×2, 33 killed"));
    }

    #[test]
    fn ticks_are_round_dates_far_enough_apart() {
        let (u, t) = ticks(d("2020-01-29"), d("2020-03-05"), 5.0);
        assert_eq!(u, TickUnit::Day);
        assert_eq!(t[0], d("2020-02-03"), "a Monday");
        assert!(t.windows(2).all(|w| (w[1] - w[0]).num_days() == 7));
        assert_eq!(tick_label(u, t[0]), "3 Feb");

        let (u, t) = ticks(d("2020-01-29"), d("2026-11-22"), 150.0);
        assert_eq!(u, TickUnit::Month);
        assert!(
            t.iter().all(|x| x.day() == 1 && x.month0() % 6 == 0),
            "{t:?}"
        );
        assert_eq!(tick_label(u, t[0]), "Jul 2020");

        let (u, t) = ticks(d("1990-05-01"), d("2026-01-01"), 1000.0);
        assert_eq!(u, TickUnit::Year);
        assert!(t.iter().all(|x| x.year() % 5 == 0), "{t:?}");
        assert_eq!(
            date_range(d("2020-01-29"), d("2020-03-02")),
            "29 Jan – 2 Mar 2020"
        );
    }

    #[test]
    fn labels_never_overlap_markers_or_each_other() {
        // Three markers 20 px apart, each with a 50 px label.
        let markers = [100, 120, 140];
        let labels: Vec<(i32, i32)> = markers.iter().map(|&m| (m, 50)).collect();
        let placed = place_labels(&labels, &markers, 6, (0, 1000));
        let mut boxes: Vec<(i32, i32, bool)> = Vec::new();
        for (p, (_, w)) in placed.iter().zip(&labels) {
            let Some((left, up)) = *p else { continue };
            boxes.push((left, left + w, up));
            if !up {
                for m in markers {
                    assert!(left + w <= m - 6 || left >= m + 6, "{placed:?}");
                }
            }
        }
        assert!(boxes.len() >= 2, "{placed:?}");
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(a.2 != b.2 || a.1 <= b.0 || b.1 <= a.0, "{boxes:?}");
            }
        }
        // Near the right edge a label goes left of its marker, and near the
        // left edge it never leaves the plot.
        let p = place_labels(&[(990, 50)], &[990], 6, (0, 1000));
        assert!(p[0].unwrap().0 + 50 <= 984);
        let p = place_labels(&[(12, 50), (30, 50)], &[12, 30], 6, (10, 60));
        assert!(p.iter().flatten().all(|(l, _)| *l >= 10), "{p:?}");
        assert!(p.iter().any(Option::is_none), "no room for both: {p:?}");
    }
}
