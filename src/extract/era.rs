//! The years an undated article can be from, told by the office-holders it
//! names (PETRARCH's dated actors read the other way round).
//!
//! An article with no date in its text or metadata is dated from its
//! arrival, which is right for a live feed and wrong for a backfill of old
//! files. When it names two or more people whose terms overlap only in a
//! span that ends before the arrival ("Trump", "Esper" and "Soleimani"),
//! the article is from that span, not from today.

use chrono::{Duration, NaiveDate};

use crate::lexicon::{Cue, Hit, Lexicon, Meaning};

/// Shortest overlap that counts: terms that merely touch at a handover
/// ("Trump" and "Biden") say nothing about the article's date.
const MIN_ERA_DAYS: i64 = 14;

/// An undated article telling a death is from the week after it.
const DEATH_NEWS_DAYS: i64 = 7;

/// How far before a name a death phrase may end: a title and a state may
/// stand between ("the killing of Iran's top general Qassem Soleimani").
const DEATH_BEFORE_REACH: usize = 32;

/// How far after a name a death phrase may start ("'s death", "'nin ölümü").
const DEATH_AFTER_REACH: usize = 5;

/// The span every dated person the hits name was in office, when at least
/// two different people bound it and it lasts two weeks or more.
///
/// A person the article tells dead ("the killing of Soleimani") bounds it
/// the other way: the article is from after the term, and, naming no date
/// of its own, from the week after it (news of a death is told while it is
/// news), when everyone else it names was in office then.
pub fn office_era(lex: &Lexicon, hits: &[Hit], text: &str) -> Option<(NaiveDate, NaiveDate)> {
    // One person's terms: the union of the dated entries one alias names.
    let mut people: Vec<Vec<(NaiveDate, NaiveDate)>> = Vec::new();
    let mut dead: Vec<Vec<(NaiveDate, NaiveDate)>> = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        let terms: Vec<(NaiveDate, NaiveDate)> = h
            .meanings
            .iter()
            .filter_map(|m| match m {
                Meaning::Actor(i) => Some(&lex.actors[*i]),
                _ => None,
            })
            .filter(|a| {
                a.kind.as_deref() == Some("person") && (a.from.is_some() || a.until.is_some())
            })
            .map(|a| {
                (
                    a.from.unwrap_or(NaiveDate::MIN),
                    a.until.unwrap_or(NaiveDate::MAX),
                )
            })
            .collect();
        if terms.is_empty() {
            continue;
        }
        let ended = terms.iter().all(|&(_, until)| until < NaiveDate::MAX);
        if ended && told_dead(hits, i, text) && !dead.contains(&terms) {
            dead.push(terms.clone());
        }
        if !people.contains(&terms) {
            people.push(terms);
        }
    }
    // Dead anywhere in the article, dead throughout: the person's other
    // mentions bound nothing.
    people.retain(|terms| !dead.contains(terms));
    if let Some(after) = dead
        .iter()
        .filter_map(|terms| terms.iter().map(|&(_, until)| until).max())
        .max()
    {
        let day = after + Duration::days(DEATH_NEWS_DAYS);
        let in_office = |terms: &Vec<(NaiveDate, NaiveDate)>| {
            terms.iter().any(|&(lo, hi)| lo <= day && day <= hi)
        };
        if people.len() + dead.len() >= 2 && people.iter().all(in_office) {
            return Some((after, day));
        }
    }
    if people.len() < 2 {
        return None;
    }
    let mut era = people[0].clone();
    for terms in &people[1..] {
        era = era
            .iter()
            .flat_map(|&(lo, hi)| {
                terms
                    .iter()
                    .map(move |&(l, h)| (lo.max(l), hi.min(h)))
                    .filter(|(l, h)| l <= h)
            })
            .collect();
    }
    // The latest span, when more than one is left (two terms of one office).
    era.into_iter()
        .filter(|&(lo, hi)| (hi - lo).num_days() >= MIN_ERA_DAYS)
        .max_by_key(|&(_, hi)| hi)
}

/// Whether hit `i` (a person) is told dead: a death phrase right before
/// its name ("the killing of Iran's top general Qassem Soleimani") or
/// right after it ("Soleimani's death"), within its clause.
fn told_dead(hits: &[Hit], i: usize, text: &str) -> bool {
    let h = &hits[i];
    let clause = |from: usize, to: usize| {
        text.get(from..to)
            .is_some_and(|gap| !gap.contains(['.', ',', ';', ':', '!', '?', '\n', '(', ')', '"']))
    };
    let before = hits[..i]
        .iter()
        .rev()
        .take_while(|d| h.start - d.start <= DEATH_BEFORE_REACH);
    let after = hits[i + 1..]
        .iter()
        .take_while(|d| d.start <= h.end + DEATH_AFTER_REACH);
    before
        .filter(|d| d.end <= h.start && h.start - d.end <= DEATH_BEFORE_REACH)
        .any(|d| {
            d.meanings
                .iter()
                .any(|m| matches!(m, Meaning::Cue(Cue::DeathBefore)))
                && clause(d.end, h.start)
        })
        || after.filter(|d| d.start >= h.end).any(|d| {
            d.meanings
                .iter()
                .any(|m| matches!(m, Meaning::Cue(Cue::DeathAfter)))
                && clause(h.end, d.start)
        })
}
