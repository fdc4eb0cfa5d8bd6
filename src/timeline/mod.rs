//! `flashpoint timeline`: a picture of how dyads escalated, day by day.
//!
//! One panel per dyad: the score as a line over tinted bands of the ladder
//! level, a ribbon naming the level, and a lane of the events that drove it.
//! The data come from [`Escalation::history`], so the picture ends exactly
//! where the published state is. Drawing is in [`draw`], pure layout rules
//! (ticks, event rows, label placement) in [`layout`].

mod draw;
pub mod layout;

use std::path::Path;

use chrono::{Duration, NaiveDate};

use crate::escalation::history::DayState;
use crate::escalation::Escalation;

/// Dyads drawn when none is asked for.
pub const DEFAULT_DYADS: usize = 4;
/// Panels share one time axis when all dyads fit in this many days, so the
/// eye can compare them; beyond it each panel gets its own span.
const SHARED_AXIS_MAX_DAYS: i64 = 120;
/// A panel never spans fewer days than this (a one-day dyad is not a wall).
const MIN_SPAN_DAYS: i64 = 7;

#[derive(Debug, thiserror::Error)]
pub enum TimelineError {
    #[error("--out {0}: unsupported picture format (use a .svg or .png file name)")]
    Format(String),
    #[error("--dyad {0}: expected two codes like RUS-TUR")]
    BadDyad(String),
    #[error("--dyad {0}: no events for this dyad in the given files (dyads with events: {1})")]
    UnknownDyad(String, String),
    #[error("no dyad has events in the given files: nothing to draw")]
    Empty,
    #[error("drawing the timeline: {0}")]
    Draw(String),
    #[error("writing {0}: {1}")]
    Write(String, std::io::Error),
}

impl TimelineError {
    /// Whether this is the caller's mistake (exit 2) rather than a failure.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            TimelineError::Format(_) | TimelineError::BadDyad(_) | TimelineError::UnknownDyad(..)
        )
    }
}

/// Picture format, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    pub fn of(path: &Path) -> Result<Format, TimelineError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("svg") => Ok(Format::Svg),
            Some("png") => Ok(Format::Png),
            _ => Err(TimelineError::Format(path.display().to_string())),
        }
    }
}

/// One dyad's panel: its days and the dates its time axis spans.
#[derive(Debug, Clone)]
pub struct Panel {
    pub dyad: String,
    pub days: Vec<DayState>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Panel {
    /// Days on the axis, both ends included.
    pub fn span_days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

/// Calm days drawn after a dyad's last event has faded.
const QUIET_TAIL_DAYS: usize = 7;

/// `A-B` in either order and any case → the canonical dyad name.
pub fn normalise_dyad(d: &str) -> Result<String, TimelineError> {
    match d.trim().split_once('-') {
        Some((a, b)) if !a.is_empty() && !b.is_empty() && !b.contains('-') => Ok(
            crate::escalation::dyad_name(&a.to_uppercase(), &b.to_uppercase()),
        ),
        _ => Err(TimelineError::BadDyad(d.to_string())),
    }
}

/// The `n` dyads that went furthest: highest peak level, then highest peak
/// score, then name (so the choice is stable).
pub fn top_dyads(esc: &Escalation, n: usize) -> Vec<String> {
    let mut peaks: Vec<(u8, f64, String)> = esc
        .states()
        .into_iter()
        .map(|s| {
            let h = esc.history(&s.dyad);
            let level = h.iter().map(|d| d.level).max().unwrap_or(0);
            let score = h.iter().map(|d| d.score).fold(0.0, f64::max);
            (level, score, s.dyad)
        })
        .collect();
    peaks.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    peaks.into_iter().take(n).map(|p| p.2).collect()
}

/// Days after a dyad has gone calm and cold are not worth drawing: a 2020
/// crisis would otherwise shrink to a sliver when other dyads' events run
/// the clock on to 2024. Keeps a week after the dyad is calm and near 0.
fn quiet_tail_trimmed(
    mut days: Vec<crate::escalation::history::DayState>,
) -> Vec<crate::escalation::history::DayState> {
    let Some(last_event) = days.iter().rposition(|d| !d.events.is_empty()) else {
        return days;
    };
    if let Some(calm) = days[last_event..]
        .iter()
        .position(|d| d.level == 0 && d.score < 5.0)
    {
        days.truncate((last_event + calm + QUIET_TAIL_DAYS).min(days.len()));
    }
    days
}

/// Panels for `dyads` (canonical names, all known to `esc`), with a shared
/// time axis when they are close enough in time.
pub fn panels(esc: &Escalation, dyads: &[String]) -> Result<Vec<Panel>, TimelineError> {
    let mut out = Vec::new();
    for d in dyads {
        let days = quiet_tail_trimmed(esc.history(d));
        let (Some(first), Some(last)) = (days.first(), days.last()) else {
            let known: Vec<String> = esc.states().into_iter().map(|s| s.dyad).collect();
            let mut list = known
                .iter()
                .take(12)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if known.len() > 12 {
                list.push_str(&format!(", … {} more", known.len() - 12));
            }
            return Err(TimelineError::UnknownDyad(d.clone(), list));
        };
        let (from, to) = (first.date, last.date);
        out.push(Panel {
            dyad: d.clone(),
            days,
            from,
            to,
        });
    }
    if out.is_empty() {
        return Err(TimelineError::Empty);
    }
    let from = out.iter().map(|p| p.from).min().unwrap_or_default();
    let to = out.iter().map(|p| p.to).max().unwrap_or_default();
    if (to - from).num_days() < SHARED_AXIS_MAX_DAYS {
        for p in &mut out {
            (p.from, p.to) = (from, to);
        }
    }
    for p in &mut out {
        let short = MIN_SPAN_DAYS - p.span_days();
        if short > 0 {
            p.from -= Duration::days(short / 2);
            p.to += Duration::days(short - short / 2);
        }
    }
    Ok(out)
}

/// Draws `dyads` (or the top [`DEFAULT_DYADS`] when empty) from `esc` into
/// `out`, in the format its extension names.
pub fn write(esc: &Escalation, dyads: &[String], out: &Path) -> Result<(), TimelineError> {
    let format = Format::of(out)?;
    let chosen = if dyads.is_empty() {
        top_dyads(esc, DEFAULT_DYADS)
    } else {
        dyads.to_vec()
    };
    let panels = panels(esc, &chosen)?;
    let bytes = match format {
        Format::Svg => draw::svg(&panels)?.into_bytes(),
        Format::Png => draw::png(&panels)?,
    };
    std::fs::write(out, bytes).map_err(|e| TimelineError::Write(out.display().to_string(), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_picks_the_format() {
        assert_eq!(Format::of(Path::new("a/b.SVG")).unwrap(), Format::Svg);
        assert_eq!(Format::of(Path::new("t.png")).unwrap(), Format::Png);
        for bad in ["t.jpg", "timeline", "t.svg.gz"] {
            let e = Format::of(Path::new(bad)).unwrap_err();
            assert!(e.is_usage() && e.to_string().contains(bad), "{e}");
        }
    }

    #[test]
    fn dyads_are_normalised_or_refused() {
        assert_eq!(normalise_dyad("tur-rus").unwrap(), "RUS-TUR");
        assert_eq!(normalise_dyad("RUS-TUR").unwrap(), "RUS-TUR");
        for bad in ["RUS", "-TUR", "RUS-", "A-B-C"] {
            assert!(normalise_dyad(bad).unwrap_err().is_usage(), "{bad}");
        }
    }
}
