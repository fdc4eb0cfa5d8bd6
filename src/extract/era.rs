//! The years an undated article can be from, told by the office-holders it
//! names (PETRARCH's dated actors read the other way round).
//!
//! An article with no date in its text or metadata is dated from its
//! arrival, which is right for a live feed and wrong for a backfill of old
//! files. When it names two or more people whose terms overlap only in a
//! span that ends before the arrival ("Trump", "Esper" and "Soleimani"),
//! the article is from that span, not from today.

use chrono::NaiveDate;

use crate::lexicon::{Hit, Lexicon, Meaning};

/// Shortest overlap that counts: terms that merely touch at a handover
/// ("Trump" and "Biden") say nothing about the article's date.
const MIN_ERA_DAYS: i64 = 14;

/// The span every dated person the hits name was in office, when at least
/// two different people bound it and it lasts two weeks or more.
pub fn office_era(lex: &Lexicon, hits: &[Hit]) -> Option<(NaiveDate, NaiveDate)> {
    // One person's terms: the union of the dated entries one alias names.
    let mut people: Vec<Vec<(NaiveDate, NaiveDate)>> = Vec::new();
    for h in hits {
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
        if !terms.is_empty() && !people.contains(&terms) {
            people.push(terms);
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
