//! `flashpoint eval`: score extraction against annotated articles.
//!
//! For users who annotate their own data: reads `articles/` and `gold/` in the
//! corpus format (`gold/<id>.json` with an `events` list) and reports
//! precision, recall and F1 per language, the duplicate share across
//! articles and toll accuracy — the same measurement as the project's
//! `score.py`, so figures from either can be compared.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use crate::config::Settings;
use crate::dedup::tolls_compatible;
use crate::lexicon::Lexicon;
use crate::model::{Event, EventType};
use crate::pipeline::Core;

/// One gold event; actors may be a code, a list of codes, or null.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    #[serde(rename = "type")]
    pub event_type: String,
    #[serde(default)]
    pub source: Value,
    #[serde(default)]
    pub target: Value,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub date_tolerance_days: i64,
    #[serde(default)]
    pub killed: Option<u32>,
    #[serde(default = "yes")]
    pub factual: bool,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub evidence: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
struct GoldFile {
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    events: Vec<GoldEvent>,
}

/// Counts of one language (or overall).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// What `eval` measured.
#[derive(Debug, Default)]
pub struct Report {
    pub by_language: BTreeMap<String, Counts>,
    pub overall: Counts,
    pub duplicate_share: f64,
    pub tolls_exact: usize,
    pub tolls_total: usize,
    /// Human-readable misses and extras (for `--verbose`).
    pub details: Vec<String>,
}

fn codes(v: &Value) -> Vec<Option<String>> {
    match v {
        Value::Array(items) => items.iter().flat_map(codes).collect(),
        Value::String(s) => vec![Some(s.clone())],
        _ => vec![None],
    }
}

/// A system event matches a gold event: type and roles agree (either
/// direction for meetings and agreements), dates within tolerance + 1.
pub fn matches(e: &Event, g: &GoldEvent) -> bool {
    if !e.event_type.as_str().eq_ignore_ascii_case(&g.event_type) {
        return false;
    }
    let s = Some(e.source.code.clone());
    let t = e.target.as_ref().map(|t| t.code.clone());
    let (sources, targets) = (codes(&g.source), codes(&g.target));
    let mut roles = sources.contains(&s) && targets.contains(&t);
    if !roles && matches!(e.event_type, EventType::Consult | EventType::Agree) {
        roles = sources.contains(&t) && targets.contains(&s);
    }
    if !roles {
        return false;
    }
    match g
        .date
        .as_deref()
        .and_then(|d| d.get(..10)?.parse::<NaiveDate>().ok())
    {
        None => true,
        Some(gd) => (e.date - gd).num_days().abs() <= g.date_tolerance_days + 1,
    }
}

/// Greedy one-to-one matching: required gold first, then optional, then non-facts.
fn match_article(events: &[Event], gold: &[GoldEvent]) -> BTreeMap<usize, usize> {
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| (!gold[i].factual, gold[i].optional));
    let mut used = HashSet::new();
    let mut pairs = BTreeMap::new();
    for gi in order {
        if let Some(si) =
            (0..events.len()).find(|si| !used.contains(si) && matches(&events[*si], &gold[gi]))
        {
            used.insert(si);
            pairs.insert(gi, si);
        }
    }
    pairs
}

fn article_for(dir: &Path, stem: &str) -> Option<PathBuf> {
    std::fs::read_dir(dir.join("articles"))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_stem().is_some_and(|s| s == stem))
}

/// Scores the corpus at `dir`.
pub fn evaluate(settings: &Settings, lexicon: Arc<Lexicon>, dir: &Path) -> anyhow::Result<Report> {
    let mut stems: Vec<PathBuf> = std::fs::read_dir(dir.join("gold"))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    stems.sort();
    let mut report = Report::default();
    let mut files = Vec::new();
    let mut all_gold: Vec<GoldEvent> = Vec::new();
    for gold_path in stems {
        let stem = gold_path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let gold: GoldFile = serde_json::from_str(&std::fs::read_to_string(&gold_path)?)
            .map_err(|e| anyhow::anyhow!("{}: {e}", gold_path.display()))?;
        let Some(article) = article_for(dir, &stem) else {
            report.details.push(format!("no article for {stem}"));
            continue;
        };
        files.push(article.clone());
        let mut core = Core::new(settings, lexicon.clone());
        let events: Vec<Event> = match core.process(&article) {
            Ok(_) => core.merge.dedup.events().to_vec(),
            Err(r) => {
                report
                    .details
                    .push(format!("{stem}: refused: {}", r.reason));
                Vec::new()
            }
        };
        let pairs = match_article(&events, &gold.events);
        let matched: HashSet<usize> = pairs.values().copied().collect();
        let lang = gold.language.clone().unwrap_or_else(|| "?".into());
        let required: Vec<usize> = (0..gold.events.len())
            .filter(|&gi| gold.events[gi].factual && !gold.events[gi].optional)
            .collect();
        let c = Counts {
            tp: pairs
                .keys()
                .filter(|&&gi| gold.events[gi].factual && !gold.events[gi].optional)
                .count(),
            fp: pairs.keys().filter(|&&gi| !gold.events[gi].factual).count()
                + (0..events.len()).filter(|si| !matched.contains(si)).count(),
            fn_: required.iter().filter(|gi| !pairs.contains_key(gi)).count(),
        };
        for (&gi, &si) in &pairs {
            let g = &gold.events[gi];
            if let (Some(k), true) = (g.killed, g.factual) {
                report.tolls_total += 1;
                report.tolls_exact += usize::from(events[si].fatalities.killed == Some(k));
            }
        }
        report.details.push(format!(
            "## {stem} [{lang}] tp={} fp={} fn={}",
            c.tp, c.fp, c.fn_
        ));
        for gi in &required {
            if !pairs.contains_key(gi) {
                let g = &gold.events[*gi];
                report.details.push(format!(
                    "  missed  {} {}->{} {}",
                    g.event_type,
                    g.source,
                    g.target,
                    g.date.as_deref().unwrap_or("-")
                ));
            }
        }
        for (si, e) in events.iter().enumerate() {
            if !matched.contains(&si) {
                report.details.push(format!(
                    "  extra   {} {}->{} {}  | {}",
                    e.event_type.as_str(),
                    e.source.code,
                    e.target.as_ref().map_or("None", |t| t.code.as_str()),
                    e.date,
                    e.evidence.first().map_or("", |x| x.text.as_str())
                ));
            }
        }
        let entry = report.by_language.entry(lang).or_default();
        entry.tp += c.tp;
        entry.fp += c.fp;
        entry.fn_ += c.fn_;
        report.overall.tp += c.tp;
        report.overall.fp += c.fp;
        report.overall.fn_ += c.fn_;
        all_gold.extend(gold.events.into_iter().filter(|g| g.factual && !g.optional));
    }
    // Dedup over the whole set: gold events of different articles telling one
    // happening form a group; extra system events matching a group are copies.
    let mut core = Core::new(settings, lexicon);
    for f in &files {
        let _ = core.process(f);
    }
    let all_events = core.merge.dedup.events();
    let mut groups: Vec<Vec<GoldEvent>> = Vec::new();
    for g in all_gold {
        let probe = probe_event(&g);
        let home = groups.iter_mut().find(|grp| {
            grp.iter().any(|h| {
                probe.as_ref().is_some_and(|p| matches(p, h))
                    && tolls_compatible(g.killed, h.killed)
            })
        });
        match home {
            Some(grp) => grp.push(g),
            None => groups.push(vec![g]),
        }
    }
    let (mut dup, mut hit) = (0usize, 0usize);
    for grp in groups.iter().filter(|g| g.len() > 1) {
        let n = all_events
            .iter()
            .filter(|e| grp.iter().any(|h| matches(e, h)))
            .count();
        if n > 0 {
            hit += 1;
            dup += n - 1;
        }
    }
    report.duplicate_share = ratio(dup, hit);
    Ok(report)
}

/// A gold event as a system event, to group gold events of one happening.
fn probe_event(g: &GoldEvent) -> Option<Event> {
    let t = EventType::parse(&g.event_type)?;
    let first = |v: &Value| codes(v).into_iter().next().flatten();
    let actor = |c: String| crate::model::Actor {
        name: c.clone(),
        code: c,
        sector: String::new(),
    };
    let date = g.date.as_deref().and_then(|d| d.get(..10)?.parse().ok())?;
    let now = chrono::Utc::now();
    Some(Event {
        schema: String::new(),
        id: String::new(),
        revision: 1,
        event_type: t,
        mode: None,
        cameo_root: String::new(),
        quad_class: t.quad_class(),
        goldstein: 0.0,
        date,
        date_precision: crate::model::DatePrecision::Day,
        source: actor(first(&g.source)?),
        target: first(&g.target).map(actor),
        location: None,
        fatalities: crate::model::Fatalities {
            killed: g.killed,
            wounded: None,
        },
        confidence: 0.0,
        mentions: 1,
        articles: 1,
        languages: Vec::new(),
        evidence: Vec::new(),
        first_seen: now,
        updated: now,
    })
}
