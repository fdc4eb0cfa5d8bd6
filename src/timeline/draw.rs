//! Drawing the panels with plotters, in pixel coordinates, on any backend
//! (SVG text or an RGB buffer encoded as PNG).
//!
//! Everything is placed by hand rather than through `ChartBuilder`: the
//! three strips of a panel (score, level ribbon, event lanes) must share one
//! x mapping to the pixel, and labels must dodge each other.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, RGBColor};

use super::layout::{self, LANES};
use super::{Panel, TimelineError};
use crate::escalation::history::{DayEvent, DayState};

/// DejaVu Sans (see `assets/fonts/LICENSE-DejaVu.txt`): bitmaps need glyphs
/// and a fresh server has no fonts; SVG viewers use their own.
static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const FAMILY: &str = "sans-serif";

const WIDTH: u32 = 1400;
/// Left margin: axis captions and lane names.
const LEFT: i32 = 250;
const RIGHT_MARGIN: i32 = 40;
const HEADER_H: i32 = 186;
const TITLE_H: i32 = 40;
const CHART_H: i32 = 200;
const RIBBON_H: i32 = 26;
/// Between the ribbon and the lanes: room for a raised label in the top lane.
const RIBBON_GAP: i32 = 16;
const LANE_H: i32 = 30;
const AXIS_H: i32 = 34;
const GAP: i32 = 30;
const MARKER_R: i32 = 7;
/// Size of the labels beside event markers.
const LABEL_PT: f64 = 14.0;

const TEXT: RGBColor = RGBColor(30, 30, 30);
const MUTED: RGBColor = RGBColor(95, 95, 95);
const GRID: RGBColor = RGBColor(200, 200, 200);
const SCORE: RGBColor = RGBColor(8, 48, 107);
const OUTSIDE: RGBColor = RGBColor(244, 244, 244);

/// Ladder colours, calm green to open-war dark red (ColorBrewer RdYlGn-like).
pub const LEVEL_COLOURS: [RGBColor; 6] = [
    RGBColor(102, 189, 99),
    RGBColor(217, 239, 139),
    RGBColor(254, 224, 139),
    RGBColor(253, 174, 97),
    RGBColor(215, 48, 39),
    RGBColor(127, 0, 0),
];
const LEVEL_NAMES: [&str; 6] = [
    "calm",
    "friction",
    "confrontation",
    "coercion",
    "lethal clashes",
    "open war",
];

/// Lane marker colours, in [`LANES`] order.
const LANE_COLOURS: [RGBColor; 6] = [
    RGBColor(178, 24, 43),
    RGBColor(230, 97, 1),
    RGBColor(184, 134, 11),
    RGBColor(100, 100, 100),
    RGBColor(26, 152, 80),
    RGBColor(33, 102, 172),
];
const DEADLY: RGBColor = RGBColor(178, 24, 43);
const SETTLED: RGBColor = RGBColor(26, 152, 80);

fn panel_height() -> i32 {
    TITLE_H + CHART_H + RIBBON_H + RIBBON_GAP + LANE_H * LANES.len() as i32 + AXIS_H + GAP
}

fn size(panels: &[Panel]) -> (u32, u32) {
    let h = HEADER_H + panel_height() * panels.len() as i32;
    (WIDTH, h.max(1) as u32)
}

fn draw_err(e: impl std::fmt::Display) -> TimelineError {
    TimelineError::Draw(e.to_string())
}

/// The picture as an SVG document.
pub fn svg(panels: &[Panel]) -> Result<String, TimelineError> {
    register_font()?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size(panels)).into_drawing_area();
        picture(&root, panels)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}

/// The picture as a PNG file's bytes.
pub fn png(panels: &[Panel]) -> Result<Vec<u8>, TimelineError> {
    register_font()?;
    let (w, h) = size(panels);
    let mut rgb = vec![255u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        picture(&root, panels)?;
        root.present().map_err(draw_err)?;
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::High);
    let mut writer = enc.write_header().map_err(draw_err)?;
    writer.write_image_data(&rgb).map_err(draw_err)?;
    writer.finish().map_err(draw_err)?;
    Ok(out)
}

fn register_font() -> Result<(), TimelineError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED
        .get_or_init(|| plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_ok());
    if ok {
        Ok(())
    } else {
        Err(TimelineError::Draw(
            "the bundled font cannot be read".into(),
        ))
    }
}

/// Thin wrapper: every draw call maps its backend error the same way.
struct Canvas<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, plotters::coord::Shift>,
}

impl<DB: DrawingBackend> Canvas<'_, DB> {
    fn style(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
        TextStyle {
            font: (FAMILY, size).into(),
            color: color.to_backend_color(),
            pos: Pos::new(h, v),
        }
    }

    fn text(
        &self,
        s: &str,
        at: (i32, i32),
        size: f64,
        color: RGBColor,
        h: HPos,
    ) -> Result<(), TimelineError> {
        let style = Self::style(size, color, h, VPos::Center);
        self.area.draw(&Text::new(s, at, style)).map_err(draw_err)
    }

    fn text_width(&self, s: &str, size: f64) -> Result<i32, TimelineError> {
        let style = Self::style(size, TEXT, HPos::Left, VPos::Center);
        let (w, _) = self.area.estimate_text_size(s, &style).map_err(draw_err)?;
        Ok(w as i32)
    }

    fn rect(&self, a: (i32, i32), b: (i32, i32), color: RGBColor) -> Result<(), TimelineError> {
        self.area
            .draw(&Rectangle::new([a, b], color.filled()))
            .map_err(draw_err)
    }

    fn line(
        &self,
        points: Vec<(i32, i32)>,
        color: RGBColor,
        width: u32,
    ) -> Result<(), TimelineError> {
        self.area
            .draw(&PathElement::new(points, color.stroke_width(width)))
            .map_err(draw_err)
    }

    fn dashed_vline(
        &self,
        x: i32,
        top: i32,
        bottom: i32,
        color: RGBColor,
    ) -> Result<(), TimelineError> {
        let mut y = top;
        while y < bottom {
            self.line(vec![(x, y), (x, (y + 6).min(bottom))], color, 2)?;
            y += 11;
        }
        Ok(())
    }

    /// The marker of a lane: filled for the pair's own acts, hollow for acts
    /// counted through an ally.
    fn marker(&self, lane: usize, (x, y): (i32, i32), filled: bool) -> Result<(), TimelineError> {
        let c = LANE_COLOURS[lane];
        let r = MARKER_R;
        let shape: Vec<(i32, i32)> = match lane {
            0 => vec![
                (x, y - r - 1),
                (x + r + 1, y + r - 1),
                (x - r - 1, y + r - 1),
            ],
            1 => vec![
                (x - r + 1, y - r + 1),
                (x + r - 1, y - r + 1),
                (x + r - 1, y + r - 1),
                (x - r + 1, y + r - 1),
            ],
            2 => vec![
                (x, y - r - 1),
                (x + r + 1, y),
                (x, y + r + 1),
                (x - r - 1, y),
            ],
            4 => star(x, y, r + 2),
            _ => {
                let style = if filled {
                    c.filled()
                } else {
                    c.stroke_width(2)
                };
                if !filled {
                    self.area
                        .draw(&Circle::new((x, y), r - 1, WHITE.filled()))
                        .map_err(draw_err)?;
                }
                return self
                    .area
                    .draw(&Circle::new((x, y), r - 1, style))
                    .map_err(draw_err);
            }
        };
        if filled {
            self.area
                .draw(&Polygon::new(shape, c.filled()))
                .map_err(draw_err)
        } else {
            self.area
                .draw(&Polygon::new(shape.clone(), WHITE.filled()))
                .map_err(draw_err)?;
            let mut closed = shape.clone();
            closed.push(shape[0]);
            self.line(closed, c, 2)
        }
    }
}

fn star(x: i32, y: i32, r: i32) -> Vec<(i32, i32)> {
    (0..10)
        .map(|i| {
            let a = std::f64::consts::PI * (f64::from(i) / 5.0 - 0.5);
            let rr = if i % 2 == 0 {
                f64::from(r)
            } else {
                f64::from(r) * 0.45
            };
            (
                x + (rr * a.cos()).round() as i32,
                y + (rr * a.sin()).round() as i32,
            )
        })
        .collect()
}

/// Blends `c` with white: the chart's background tint of a level.
fn tint(c: RGBColor, share: f64) -> RGBColor {
    let mix = |v: u8| (255.0 - (255.0 - f64::from(v)) * share).round() as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// Level text is white on the two dark reds, dark elsewhere.
fn ink_on(level: usize) -> RGBColor {
    if level >= 4 {
        WHITE
    } else {
        TEXT
    }
}

fn picture<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    panels: &[Panel],
) -> Result<(), TimelineError> {
    area.fill(&WHITE).map_err(draw_err)?;
    let cv = Canvas { area };
    header(&cv, panels)?;
    for (i, p) in panels.iter().enumerate() {
        panel(&cv, p, HEADER_H + i as i32 * panel_height())?;
    }
    Ok(())
}

/// Title, what the marks mean, and the ladder's colours: the picture must
/// explain itself to someone who has never seen the tool.
fn header<DB: DrawingBackend>(cv: &Canvas<DB>, panels: &[Panel]) -> Result<(), TimelineError> {
    let from = panels.iter().map(|p| p.from).min().unwrap_or_default();
    let to = panels.iter().map(|p| p.to).max().unwrap_or_default();
    cv.text(
        &format!(
            "Escalation timeline: {} — {}",
            panels
                .iter()
                .map(|p| p.dyad.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            layout::date_range(from, to)
        ),
        (24, 26),
        26.0,
        TEXT,
        HPos::Left,
    )?;
    for (i, line) in [
        "Score (dark line, 0–100): hostility of the pair's recent events, halving every 7 days without new ones; a dot marks a day with events.",
        "Level (coloured bands): the escalation ladder, set by the past week's events; it rises at once, falls after 3 quieter days, and an \
         agreement or ceasefire caps it.",
    ]
    .iter()
    .enumerate()
    {
        cv.text(line, (24, 58 + 22 * i as i32), 15.0, MUTED, HPos::Left)?;
    }
    // Ladder legend.
    let y = 122;
    let mut x = 24;
    cv.text("Level:", (x, y), 16.0, TEXT, HPos::Left)?;
    x += cv.text_width("Level:", 16.0)? + 14;
    for (i, (c, name)) in LEVEL_COLOURS.iter().zip(LEVEL_NAMES).enumerate() {
        cv.rect((x, y - 11), (x + 30, y + 11), *c)?;
        cv.text(&i.to_string(), (x + 15, y), 14.0, ink_on(i), HPos::Center)?;
        x += 38;
        cv.text(name, (x, y), 16.0, TEXT, HPos::Left)?;
        x += cv.text_width(name, 16.0)? + 26;
    }
    cv.rect((x, y - 11), (x + 30, y + 11), OUTSIDE)?;
    cv.text(
        "no events for the pair yet",
        (x + 38, y),
        16.0,
        TEXT,
        HPos::Left,
    )?;
    // Marks legend.
    let y = 156;
    let mut x = 24;
    cv.line(vec![(x, y), (x + 34, y)], SCORE, 3)?;
    cv.area
        .draw(&Circle::new((x + 17, y), 4, SCORE.filled()))
        .map_err(draw_err)?;
    x += 42;
    let items: [(&str, Option<RGBColor>); 3] = [
        ("score", None),
        ("deadly assault between the pair", Some(DEADLY)),
        ("agreement or ceasefire between the pair", Some(SETTLED)),
    ];
    for (label, dash) in items {
        if let Some(c) = dash {
            cv.dashed_vline(x + 6, y - 12, y + 12, c)?;
            x += 18;
        }
        cv.text(label, (x, y), 15.0, TEXT, HPos::Left)?;
        x += cv.text_width(label, 15.0)? + 30;
    }
    cv.marker(0, (x + 8, y), false)?;
    x += 26;
    cv.text(
        "hollow marker: act of an ally (e.g. Syria's, for Russia), counted at a share",
        (x, y),
        15.0,
        TEXT,
        HPos::Left,
    )?;
    Ok(())
}

/// Pixel geometry of one panel; every strip maps dates through `x`.
struct Frame {
    left: i32,
    right: i32,
    from: NaiveDate,
    days: i64,
}

impl Frame {
    fn px_per_day(&self) -> f64 {
        f64::from(self.right - self.left) / self.days as f64
    }
    /// Left edge of a day's column.
    fn edge(&self, d: NaiveDate) -> i32 {
        self.left + ((d - self.from).num_days() as f64 * self.px_per_day()).round() as i32
    }
    /// Centre of a day's column.
    fn x(&self, d: NaiveDate) -> i32 {
        self.left + (((d - self.from).num_days() as f64 + 0.5) * self.px_per_day()).round() as i32
    }
}

fn panel<DB: DrawingBackend>(cv: &Canvas<DB>, p: &Panel, top: i32) -> Result<(), TimelineError> {
    let f = Frame {
        left: LEFT,
        right: WIDTH as i32 - RIGHT_MARGIN,
        from: p.from,
        days: p.span_days().max(1),
    };
    let (first, last) = match (p.days.first(), p.days.last()) {
        (Some(a), Some(b)) => (a, b),
        _ => return Ok(()),
    };
    let peak = p.days.iter().map(|d| d.level).max().unwrap_or(0);
    cv.text(&p.dyad, (24, top + TITLE_H / 2), 22.0, TEXT, HPos::Left)?;
    let w = cv.text_width(&p.dyad, 22.0)?;
    cv.text(
        &format!(
            "events {} · last day: level {} {}, score {:.1} · peak: level {} {}",
            layout::date_range(first.date, last.date),
            last.level,
            last.label,
            last.score,
            peak,
            LEVEL_NAMES[usize::from(peak).min(5)]
        ),
        (24 + w + 18, top + TITLE_H / 2),
        16.0,
        MUTED,
        HPos::Left,
    )?;

    let chart_top = top + TITLE_H;
    let chart_bottom = chart_top + CHART_H;
    let ribbon_top = chart_bottom;
    let ribbon_bottom = ribbon_top + RIBBON_H;
    let lanes_top = ribbon_bottom + RIBBON_GAP;
    let lanes_bottom = lanes_top + LANE_H * LANES.len() as i32;

    // Backgrounds: outside the dyad's history grey, inside tinted by level.
    cv.rect((f.left, chart_top), (f.right, chart_bottom), OUTSIDE)?;
    cv.rect((f.left, ribbon_top), (f.right, ribbon_bottom), OUTSIDE)?;
    for (level, a, b) in runs(&p.days) {
        let (x0, x1) = (f.edge(a), f.edge(b.succ_opt().unwrap_or(b)));
        let c = LEVEL_COLOURS[usize::from(level).min(5)];
        cv.rect((x0, chart_top), (x1, chart_bottom), tint(c, 0.35))?;
        cv.rect((x0, ribbon_top), (x1, ribbon_bottom), c)?;
        let l = usize::from(level).min(5);
        let long = format!("{level} {}", LEVEL_NAMES[l]);
        let room = x1 - x0 - 8;
        let label = if cv.text_width(&long, 14.0)? <= room {
            Some(long)
        } else if cv.text_width("5", 14.0)? <= room {
            Some(level.to_string())
        } else {
            None
        };
        if let Some(t) = label {
            cv.text(
                &t,
                ((x0 + x1) / 2, (ribbon_top + ribbon_bottom) / 2),
                14.0,
                ink_on(l),
                HPos::Center,
            )?;
        }
    }
    cv.rect(
        (f.left, lanes_top),
        (f.right, lanes_bottom),
        RGBColor(252, 252, 252),
    )?;

    // Score axis and grid.
    let y_of = |score: f64| {
        chart_bottom - (score.clamp(0.0, 100.0) / 100.0 * f64::from(CHART_H - 8)).round() as i32
    };
    for s in (0..=100).step_by(25) {
        let y = y_of(f64::from(s));
        cv.line(vec![(f.left, y), (f.right, y)], GRID, 1)?;
        cv.text(&s.to_string(), (f.left - 8, y), 14.0, MUTED, HPos::Right)?;
    }
    cv.text(
        "escalation",
        (24, chart_top + CHART_H / 2 - 10),
        16.0,
        TEXT,
        HPos::Left,
    )?;
    cv.text(
        "score (0–100)",
        (24, chart_top + CHART_H / 2 + 10),
        16.0,
        TEXT,
        HPos::Left,
    )?;
    cv.text(
        "level",
        (24, (ribbon_top + ribbon_bottom) / 2),
        16.0,
        TEXT,
        HPos::Left,
    )?;

    // Date ticks across all strips.
    let (unit, ticks) = layout::ticks(p.from, p.to, 90.0 / f.px_per_day());
    for t in ticks {
        let x = f.x(t);
        cv.line(vec![(x, chart_top), (x, chart_bottom)], GRID, 1)?;
        cv.line(vec![(x, lanes_top), (x, lanes_bottom + 5)], GRID, 1)?;
        cv.text(
            &layout::tick_label(unit, t),
            (x, lanes_bottom + 18),
            14.0,
            MUTED,
            HPos::Center,
        )?;
    }
    cv.line(
        vec![(f.left, lanes_bottom), (f.right, lanes_bottom)],
        MUTED,
        1,
    )?;

    // Driving events as guides through the score chart (not the ribbon,
    // whose level names they would cross).
    for d in &p.days {
        let x = f.x(d.date);
        if d.events.iter().any(layout::is_deadly) {
            cv.dashed_vline(x, chart_top, chart_bottom, DEADLY)?;
        } else if d.events.iter().any(layout::is_settlement) {
            cv.dashed_vline(x, chart_top, chart_bottom, SETTLED)?;
        }
    }

    // The score line, with a dot on each day that had events.
    let points: Vec<(i32, i32)> = p
        .days
        .iter()
        .map(|d| (f.x(d.date), y_of(d.score)))
        .collect();
    if points.len() == 1 {
        let (x, y) = points[0];
        cv.line(vec![(x - 6, y), (x + 6, y)], SCORE, 3)?;
    }
    // Segment by segment: plotters' mitred joins of a wide polyline spike
    // far out of the chart at sharp turns (a long span squeezes days).
    let mut path = points.clone();
    path.dedup();
    for seg in path.windows(2) {
        cv.line(seg.to_vec(), SCORE, 3)?;
    }
    for (d, &(x, y)) in p.days.iter().zip(&points) {
        if !d.events.is_empty() {
            cv.area
                .draw(&Circle::new((x, y), 4, SCORE.filled()))
                .map_err(draw_err)?;
        }
    }
    cv.text(
        &format!("{:.1}", last.score),
        (
            points[points.len() - 1].0 + 8,
            points[points.len() - 1].1 - 12,
        ),
        14.0,
        SCORE,
        HPos::Left,
    )?;

    // Event lanes.
    for (i, name) in LANES.iter().enumerate() {
        let y = lanes_top + LANE_H * i as i32 + LANE_H / 2;
        cv.marker(i, (f.left - 18, y), true)?;
        cv.text(name, (f.left - 34, y), 15.0, TEXT, HPos::Right)?;
        let mut by_day: BTreeMap<NaiveDate, Vec<&DayEvent>> = BTreeMap::new();
        for d in &p.days {
            for e in d.events.iter().filter(|e| layout::lane(e) == i) {
                by_day.entry(d.date).or_default().push(e);
            }
        }
        let xs: Vec<i32> = by_day.keys().map(|d| f.x(*d)).collect();
        for (&d, evs) in &by_day {
            cv.marker(i, (f.x(d), y), evs.iter().any(|e| e.via.is_none()))?;
        }
        let texts: Vec<(i32, String)> = by_day
            .iter()
            .filter_map(|(d, evs)| layout::lane_label(evs).map(|t| (f.x(*d), t)))
            .collect();
        let sizes = texts
            .iter()
            .map(|(x, t)| Ok((*x, cv.text_width(t, LABEL_PT)?)))
            .collect::<Result<Vec<_>, TimelineError>>()?;
        let placed = layout::place_labels(&sizes, &xs, MARKER_R + 1, (f.left, f.right));
        for ((_, t), at) in texts.iter().zip(placed) {
            if let Some((left, up)) = at {
                let ty = if up { y - 14 } else { y };
                cv.text(t, (left, ty), LABEL_PT, LANE_COLOURS[i], HPos::Left)?;
            }
        }
    }
    Ok(())
}

/// Consecutive days at one level: (level, first day, last day).
fn runs(days: &[DayState]) -> Vec<(u8, NaiveDate, NaiveDate)> {
    let mut out: Vec<(u8, NaiveDate, NaiveDate)> = Vec::new();
    for d in days {
        match out.last_mut() {
            Some((l, _, end)) if *l == d.level => *end = d.date,
            _ => out.push((d.level, d.date, d.date)),
        }
    }
    out
}
