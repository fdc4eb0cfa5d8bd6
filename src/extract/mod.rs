//! Stage 2 — extract: an [`Article`] → the candidate events ([`Mention`]s)
//! its sentences assert.
//!
//! One automaton pass finds every lexicon phrase in the article
//! ([`Lexicon::scan`]); [`sentences`] cuts the text; [`sentence`] sorts each
//! sentence's phrases; [`roles`] picks source and target for each trigger;
//! [`dates`] and [`numbers`] give the date and toll. Precision comes first:
//! a negated, modal, conditional, questioned, historical or future act is
//! dropped, not guessed at.

pub mod dates;
pub mod era;
pub mod numbers;
pub mod roles;
pub mod sentence;
pub mod sentences;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate, Utc};

use crate::config::ExtractSettings;
use crate::lexicon::{fold, Cue, Grammar, Hit, Lexicon, Meaning};
use crate::model::{
    Actor, Article, DatePrecision, EventType, Evidence, Fatalities, Location, Mention,
};
use sentence::{clause_break, gap, next_clause_break, Sentence};

/// A yearless dateline this close before the file's arrival is taken to be
/// of the arrival's year (live use: the file arrives as it is published).
const YEARLESS_TRUSTED_DAYS: i64 = 31;

/// How many sentences back a claim of responsibility reaches for the attack
/// it claims.
const CLAIM_REACH: usize = 3;

/// Turns articles into mentions. Cheap to share: the lexicon is behind an `Arc`.
#[derive(Clone)]
pub struct Extractor {
    lexicon: Arc<Lexicon>,
    settings: ExtractSettings,
    /// Per actor: the name an event shows (a person shows the state or group
    /// they act for), worked out once rather than per mention.
    names: Arc<Vec<String>>,
    /// Per place: the state actor of its country, if the lexicon has one.
    place_states: Arc<Vec<Option<usize>>>,
}

/// Types coded without a target ("protesters rallied", "closed its
/// airspace", "urged its allies to help", "put its troops on high alert");
/// for the rest an unnamed target is too often a misread, so the event is
/// dropped (measured on the dev corpus: threats without a named target were
/// mostly false).
fn target_optional(t: EventType, mode: Option<&str>) -> bool {
    matches!(
        t,
        EventType::Protest
            | EventType::Coerce
            | EventType::Request
            | EventType::Concede
            | EventType::Mobilize
            | EventType::Reject
    ) || resignation(t, mode)
        // "Ukrainian forces withdrew from Avdiivka": a pull-back from a
        // place of one's own names no other side.
        || (t == EventType::Retreat && matches!(mode, Some("withdraw" | "disarm")))
}

/// "Shevardnadze resigned": an office-holder who steps down yields to his
/// own country, which the text seldom names again.
fn resignation(t: EventType, mode: Option<&str>) -> bool {
    t == EventType::Retreat && mode == Some("resign")
}

/// Mutual acts: "Russia and Turkey agreed" names both parties before the verb.
fn mutual(t: EventType) -> bool {
    matches!(
        t,
        EventType::Agree | EventType::Consult | EventType::Cooperate
    )
}

impl Extractor {
    pub fn new(lexicon: Arc<Lexicon>, settings: ExtractSettings) -> Extractor {
        let person = |a: &crate::lexicon::ActorDef| a.kind.as_deref() == Some("person");
        let mut by_code: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
        for a in lexicon.actors.iter().filter(|a| !person(a)) {
            by_code.entry(a.code.as_str()).or_insert(a.name.as_str());
        }
        let names = lexicon
            .actors
            .iter()
            .map(|a| match person(a) {
                true => by_code
                    .get(a.code.as_str())
                    .copied()
                    .unwrap_or(&a.name)
                    .to_string(),
                false => a.name.clone(),
            })
            .collect();
        let mut states: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, a) in lexicon.actors.iter().enumerate() {
            if a.kind.as_deref() == Some("state") {
                states.entry(a.code.as_str()).or_insert(i);
            }
        }
        let place_states = lexicon
            .places
            .iter()
            .map(|p| match p.waters {
                true => None,
                false => states.get(p.country.as_str()).copied(),
            })
            .collect();
        Extractor {
            names: Arc::new(names),
            place_states: Arc::new(place_states),
            lexicon,
            settings,
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every event the article asserts, one mention per sentence and type.
    pub fn extract(&self, article: &Article) -> Vec<Mention> {
        let lex = &*self.lexicon;
        let folded = fold(&article.text);
        let lang = (article.language != "und").then_some(article.language.as_str());
        let hits = lex.scan(&folded, lang);
        let spans = sentences::split(&folded, lex.abbreviations());
        // An undetermined language still matches every language's words;
        // its grammar (suffixes, word order) is the likeliest language's.
        let grammar = match lang {
            Some(l) => lex.grammar(l),
            None => lex
                .function_words()
                .likeliest(&article.text)
                .map_or_else(|| lex.grammar("und"), |l| lex.grammar(l)),
        };
        let text = folded.text.as_str();
        let _words = sentence::WordIndex::install(text);

        // An article with no date of its own that names office-holders
        // whose terms ended before it arrived is an old one: it is dated
        // from the end of the span they all held office, not from today.
        let received = article.received.unwrap_or_else(|| Utc::now().date_naive());
        let base = match article.published {
            None => era::office_era(lex, &hits, &folded.text)
                .filter(|&(_, end)| end < received)
                .map_or(received, |(_, end)| end),
            Some(_) => received,
        };

        // Group hits by sentence (both are sorted by position).
        let mut per_sentence: Vec<Vec<Hit>> = spans
            .iter()
            .map(|&(s, e)| {
                let at = |pos: usize| hits.partition_point(|h| h.start < pos);
                Vec::with_capacity(at(e).saturating_sub(at(s)))
            })
            .collect();
        let mut si = 0;
        for h in hits {
            while si < spans.len() && spans[si].1 <= h.start {
                si += 1;
            }
            if si < spans.len() && h.start >= spans[si].0 && h.end <= spans[si].1 {
                per_sentence[si].push(h);
            }
        }

        // Relative dates count from publication; lacking it, from the latest
        // full date the article gives (reports tell the past), else from
        // when the file arrived.
        let anchor = article.published.unwrap_or(base);
        // Only a sentence with a trigger can hold an event (or name who
        // did one told before: "JNIM claimed responsibility."); the others
        // are read only for their dates, when the article has no date of
        // its own.
        let needed = |hits: &[Hit]| {
            article.published.is_none()
                || hits.iter().any(|h| {
                    h.meanings
                        .iter()
                        .any(|m| matches!(m, Meaning::Trigger(_) | Meaning::Cue(Cue::Claim)))
                })
        };
        let host = self.host_state(&per_sentence);
        // ("Protesters rallied in Yerevan. Police detained dozens.": forces
        // named without a state are first those of where the sentence
        // before was set, then the article's.)
        let mut set_before: Option<usize> = None;
        let mut sentences: Vec<Sentence> = spans
            .iter()
            .zip(&per_sentence)
            .map(|(&span, hits)| match needed(hits) {
                true => {
                    let s = Sentence::analyse(
                        lex,
                        text,
                        &folded,
                        span,
                        hits,
                        anchor,
                        sentence::Setting {
                            place_states: &self.place_states,
                            host: host.and(set_before).or(host),
                            appositions: !grammar.verb_final,
                            articles: &grammar.articles,
                            setting_suffixes: &grammar.setting_suffixes,
                            object_suffixes: &grammar.object_suffixes,
                            counted_people: grammar.counted_people,
                        },
                    );
                    set_before = s.set_in;
                    s
                }
                false => {
                    set_before = None;
                    Sentence {
                        span,
                        ..Default::default()
                    }
                }
            })
            .collect();
        // ("The army said …" in an article that names no state's forces:
        // the army of the state the article is set in, worked out only
        // when asked.)
        let army_host = || host.or_else(|| self.setting_state(&per_sentence));
        resolve_pronouns(lex, text, &mut sentences, &grammar.articles, army_host);
        // A full date in the text anchors relative ones as well as a
        // publication date would; a yearless one only guesses.
        let (anchor, anchor_known) = match article.published {
            Some(p) => (p, article.published_exact),
            None => undated_anchor(&sentences, text, base),
        };

        // A publication date that names only its month ("2020-02") was
        // read as the month's first day: what the article dates later in
        // that month is news, not a plan.
        let horizon = match article.published {
            Some(p) if !article.published_exact => month_end(p).max(anchor),
            _ => anchor,
        };
        let mut out = Vec::new();
        // (Under a month-only dateline, "2020-02": an undated sentence is
        // of the day the story last named, not the month's first. In every
        // language: English was kept out at first for no reason of its own.)
        let month_only = !article.published_exact;
        let mut story: Option<NaiveDate> = None;
        // Per mention: the state to strike when its victims wait for a side no one names.
        let mut settings: Vec<Option<Actor>> = Vec::new();
        // Per mention: the sentence it was read in.
        let mut from: Vec<usize> = Vec::new();
        for (idx, s) in sentences.iter().enumerate() {
            // A demand can rest on "must" alone ("said Libya must hand over").
            let obliged = || s.cues.iter().any(|c| c.2 == Cue::Obligation);
            if s.actors.is_empty() || (s.triggers.is_empty() && !obliged()) {
                continue;
            }
            let sentence_text = &text[s.span.0..s.span.1];
            if sentence_text.ends_with('?') {
                continue;
            }
            tracing::trace!(
                sentence = &text[s.span.0..s.span.1],
                actors = ?s.actors.iter().map(|a| &text[a.start..a.end]).collect::<Vec<_>>(),
                triggers = ?s.triggers.iter().map(|t| &text[t.0..t.1]).collect::<Vec<_>>(),
                cues = ?s.cues.iter().map(|c| (&text[c.0..c.1], c.2)).collect::<Vec<_>>(),
                "sentence analysed"
            );
            // Weekdays and "yesterday" count back from the month's end when
            // only the month of publication is known: from its first day
            // they would land in the month before.
            let cue = dates::resolve(
                text,
                s.span,
                &plan_dates_dropped(s),
                &complement_years_dropped(s, text, grammar),
                horizon,
            );
            let (date, precision, explicit) = match cue {
                Some(c) => (c.date, c.precision, true),
                None => (story.unwrap_or(anchor), DatePrecision::Day, false),
            };
            if month_only && article.published.is_some() {
                story =
                    dates::story_day(cue.map(|c| (c.date, c.precision)), anchor, horizon).or(story);
            }
            // Without a publication date, only a full date in the sentence
            // says when; anything else is a guess from the file's time.
            let guessed = !anchor_known && !cue.is_some_and(|c| c.absolute);
            // ("released soldiers held since July": an act before a
            // period's start is of this day, whatever the start's date; each
            // mention is dated below. Not a count of dead since then: "60
            // killed since October" is a cumulative toll, no new act.)
            let ongoing = || {
                s.cues
                    .iter()
                    .any(|c| c.2 == Cue::PeriodStart && s.triggers.iter().any(|t| t.1 <= c.0))
                    && !s.cues.iter().any(|c| c.2 == Cue::Killed)
            };
            if (date < anchor - Duration::days(self.settings.max_age_days) && !ongoing())
                || date > horizon + Duration::days(2)
            {
                continue; // history, or a plan for later
            }
            // "X struck Y on Sunday in response to an attack by Z": what
            // follows a subordinator is background to the main clause — not
            // a second event when the main clause has one, unless it is a
            // clause with a subject of its own ("warned Ankara after Turkey
            // shot down two jets"), and its date words do not date the main
            // event.
            let sub = s.subordinator();
            let mut found = self.sentence_events(s, text, grammar);
            let date_words: Vec<usize> = s.dates.starts().collect();
            // A subordinate clause dated apart tells an act of its own day.
            let sub_cue = s.dated_apart().and_then(|sub| {
                dates::resolve(
                    text,
                    (sub, s.span.1),
                    &s.dates.from(sub),
                    &complement_years_dropped(s, text, grammar),
                    horizon,
                )
                .map(|c| (sub, c))
            });
            if let Some(sub) = sub {
                let own_subject = |f: &Found| {
                    f.source
                        .is_some_and(|i| s.actors[i].start > sub && s.actors[i].end <= f.ts)
                };
                if sub_cue.is_none() && found.iter().any(|f| f.ts < sub) {
                    found.retain(|f| f.ts < sub || own_subject(f));
                }
            }
            let main_cue = sub_cue.and_then(|(sub, _)| {
                dates::resolve(
                    text,
                    (s.span.0, sub),
                    &plan_dates_dropped(s).before(sub),
                    &complement_years_dropped(s, text, grammar),
                    horizon,
                )
            });
            let dates_after_sub = sub
                .is_some_and(|sub| !date_words.is_empty() && date_words.iter().all(|&p| p > sub));
            // "Sunday's attack comes after the air strike killed 34": the
            // subordinate event happened before the dated one, on a day the
            // sentence does not give.
            if let Some(sub) = sub {
                if !date_words.is_empty() && date_words.iter().all(|&p| p < sub) {
                    found.retain(|f| f.ts < sub);
                }
            }
            // "has stepped up its attacks since Thursday, when …": the acts
            // before a period's start go on to this day; what follows it
            // (the "when" clause) is the start's own.
            let period_start = s
                .cues
                .iter()
                .find(|c| {
                    c.2 == Cue::PeriodStart
                        && date_words
                            .iter()
                            .any(|&p| p >= c.1 && gap(text, c.1, p) <= 1)
                })
                .map(|c| c.0);
            // "After 33 soldiers were killed on February 27, Ankara
            // retaliated, killing 309": a subordinate clause that opens the
            // sentence runs to its clause break, and each clause counts its
            // own dead. (Its date stays the main act's: that act is of
            // that day or soon after, and no other day is told.)
            let fronted = sub
                .filter(|&p| sub_cue.is_none() && gap(text, s.span.0, p) == 0)
                .and_then(|_| date_words.last())
                .and_then(|&last| fronted_clause_end(s, text, last));
            // (One place for all the sentence's events.)
            let place = event_place(s, text);
            for m in found {
                let main_before_dates = (dates_after_sub && sub.is_some_and(|sub| m.ts < sub))
                    || period_start.is_some_and(|p| m.ts < p);
                let (date, precision, explicit) = match sub_cue {
                    Some((sub, c)) if m.ts > sub => (c.date, c.precision, true),
                    Some(_) => main_cue.map_or((anchor, DatePrecision::Day, false), |c| {
                        (c.date, c.precision, true)
                    }),
                    None if main_before_dates => (anchor, DatePrecision::Day, false),
                    None => (date, precision, explicit),
                };
                if date < anchor - Duration::days(self.settings.max_age_days) {
                    continue;
                }
                let (os, oe) = folded.original_range(s.span.0, s.span.1);
                let (fs, fe) = (
                    article.offsets.to_original(os),
                    article.offsets.to_original(oe),
                );
                let mut confidence: f64 = 0.5;
                let unnamed = Actor {
                    code: String::new(),
                    name: String::new(),
                    sector: String::new(),
                };
                // A target the rules fill in (protesters' own state) is as
                // named as one the sentence gives.
                // Police or a court acting on unnamed people ("dispersed
                // demonstrators", "jailed 52 members") act at home.
                let outward = s
                    .triggers
                    .iter()
                    .any(|t| t.0 == m.ts && lex.triggers[t.2].outward);
                let own = match (m.target, m.pending_target) {
                    (None, _) if outward => None,
                    (None, false) => m.source.and_then(|i| {
                        self.protest_abroad(s, text, &s.actors[i], (m.event_type, m.ts))
                            .or_else(|| {
                                self.own_state(&s.actors[i], m.event_type, m.mode.as_deref())
                            })
                    }),
                    (None, true) if m.event_type == EventType::Coerce => m
                        .source
                        .and_then(|i| self.own_state(&s.actors[i], m.event_type, None)),
                    _ => None,
                };
                // The source's state in the civilian sector: `actor` makes
                // it `<ISO>CIV`.
                let own = match (m.own_people, m.source) {
                    (true, Some(i)) => Some(self.actor(&sentence::ActorRef {
                        sector: Some("CVL".into()),
                        ..s.actors[i].clone()
                    })),
                    _ => own,
                };
                if m.target.is_some() || own.is_some() {
                    confidence += 0.2;
                }
                if m.source.is_none() {
                    confidence -= 0.2;
                }
                if explicit {
                    confidence += 0.1;
                }
                if m.close {
                    confidence += 0.1;
                }
                if idx < 8 {
                    confidence += 0.1;
                }
                confidence *= m.weight;
                if guessed {
                    confidence *= self.settings.undated_factor;
                }
                // Below the threshold a mention may still only add detail
                // to one held above it (see `corroborating`).
                if confidence < self.settings.min_confidence * WEAK_FLOOR {
                    continue;
                }
                let fatalities = if m.event_type == EventType::Assault {
                    let target = m.target.map(|t| s.actors[t].actor);
                    // A clause dated apart counts its own dead.
                    let clause = match sub_cue {
                        Some((sub, _)) if m.ts > sub => (sub, s.span.1),
                        Some((sub, _)) => (s.span.0, sub),
                        None => match fronted {
                            Some(b) if m.ts > b => (b, s.span.1),
                            Some(b) => (s.span.0, b),
                            None => s.span,
                        },
                    };
                    tolls(s, text, lex, target, clause, 0)
                } else {
                    Fatalities::default()
                };
                // (Only its toll: a weak mention without one is not built.)
                let counted = fatalities.killed.is_some() || fatalities.wounded.is_some();
                if confidence < self.settings.min_confidence && !counted {
                    continue;
                }
                // "An armed group shelled a camp in Darfur, killing 23
                // people": an armed group killing people it does not name
                // kills civilians of the state where it struck.
                let civilians = m.event_type == EventType::Assault
                    && m.source.is_some_and(|i| {
                        lex.actors[s.actors[i].actor].kind.as_deref() == Some("group")
                    })
                    && s.cues_in(Cue::Civilians, m.ts, s.span.1).next().is_some();
                // "Islamic State militants killed 15 soldiers in Syria": the
                // other side an attack's unnamed victims wait for is, failing
                // one in the article, the state where it struck (when no
                // place is named, that of rebels the sentence set in their
                // country: "gangs in Haiti"; "Russian mercenaries" may fight
                // anywhere).
                settings.push(
                    (m.pending_target && m.target.is_none() && m.event_type == EventType::Assault)
                        .then(|| {
                            let r = &s.actors[m.source?];
                            let def = &lex.actors[r.actor];
                            let sector = if civilians { "CVL" } else { "GOV" };
                            self.setting_abroad(s, text, r, m.ts, sector).or_else(|| {
                                (def.kind.as_deref() == Some("state")
                                    && r.unnamed
                                    && r.sector_in(lex) == "REB")
                                    .then(|| Actor {
                                        code: def.code.clone(),
                                        name: self.names[r.actor].clone(),
                                        sector: "GOV".into(),
                                    })
                            })
                        })
                        .flatten(),
                );
                from.push(idx);
                out.push(Mention {
                    event_type: m.event_type,
                    mode: m.mode,
                    // ("Protesters gathered in Yerevan": a protest whose only
                    // party is the place it is held in is that state's
                    // people's; so is one by a counted crowd, "thousands of
                    // Armenians".)
                    source: m.source.map_or_else(
                        || unnamed.clone(),
                        |i| match m.event_type == EventType::Protest
                            && (s.actors[i].place
                                || s.named_as_where(lex, text, &s.actors[i])
                                || counted_crowd(s, text, lex, &s.actors[i]))
                        {
                            true => self.actor(&sentence::ActorRef {
                                sector: Some("CVL".into()),
                                ..s.actors[i].clone()
                            }),
                            false => self.actor(&s.actors[i]),
                        },
                    ),
                    target: match m.target {
                        Some(t)
                            if civilians
                                && (s.actors[t].place
                                    || s.named_as_where(lex, text, &s.actors[t])) =>
                        {
                            Some(self.actor(&sentence::ActorRef {
                                sector: Some("CVL".into()),
                                ..s.actors[t].clone()
                            }))
                        }
                        Some(t) => Some(self.actor(&s.actors[t])),
                        None if own.is_some() => own,
                        None if m.pending_target => Some(unnamed.clone()),
                        None => None,
                    },
                    date,
                    date_precision: if guessed {
                        DatePrecision::Unknown
                    } else {
                        precision
                    },
                    date_stated: explicit,
                    location: place.map(|p| {
                        let p = &lex.places[p];
                        Location {
                            name: p.name.clone(),
                            country: p.country.clone(),
                            lat: p.lat,
                            lon: p.lon,
                        }
                    }),
                    fatalities,
                    // (A weak mention stays below the threshold when rounded.)
                    confidence: match (confidence * 100.0).round() / 100.0 {
                        c if confidence < self.settings.min_confidence => {
                            c.min(self.settings.min_confidence - 0.001)
                        }
                        c => c,
                    },
                    evidence: Evidence {
                        article: article.id.clone(),
                        file: article.file.clone(),
                        language: article.language.clone(),
                        span: [fs, fe],
                        text: article.text[os..oe].to_string(),
                    },
                });
            }
        }
        self.tolls_told_after(&sentences, text, grammar, horizon, &mut out, &from);
        self.claimed_attacks(&sentences, text, grammar, &mut out, &from);
        rejections_answer(&mut out, &from);
        implied_sources(&mut out, &settings, self.settings.min_confidence);
        corroborating(&mut out, self.settings.min_confidence);
        out
    }

    /// "Russian forces shelled Kherson on Monday. Five people were killed,
    /// the governor said.": wire reports often tell a strike's toll in the
    /// sentence after it. A sentence that only counts dead or wounded — no
    /// act of its own, no side named beside the count, no other place or
    /// day, nothing negated, hedged or counted up over time — gives its toll
    /// to the strikes of the sentence just before, when they have none.
    /// One that names "the strike" it counts for ("At least four other
    /// people were killed in the strike") reaches back further, to the
    /// article's last strike a few sentences before; "other" adds its count
    /// to the dead counted there, or to the one it implies.
    fn tolls_told_after(
        &self,
        sentences: &[Sentence],
        text: &str,
        grammar: &Grammar,
        horizon: NaiveDate,
        out: &mut [Mention],
        from: &[usize],
    ) {
        let lex = &*self.lexicon;
        for (j, s) in sentences.iter().enumerate().skip(1) {
            if from.contains(&j)
                || s.cues_in(Cue::Killed, s.span.0, s.span.1).next().is_none()
                    && s.cues_in(Cue::Wounded, s.span.0, s.span.1).next().is_none()
            {
                continue;
            }
            let hedged = [
                Cue::Negation,
                Cue::Modality,
                Cue::Conditional,
                Cue::Cumulative,
                Cue::Until,
                Cue::PeriodStart,
                Cue::Subordinator,
            ]
            .into_iter()
            .any(|c| s.cues_in(c, s.span.0, s.span.1).next().is_some());
            if hedged || text[s.span.0..s.span.1].ends_with('?') {
                continue;
            }
            // "Two Ukrainian soldiers were killed": victims of a named side
            // are that side's, told of whichever strike; an actor that is not
            // next to a count (the reporter) says nothing of whose dead.
            let sides: Vec<_> = s
                .actors
                .iter()
                .filter(|a| {
                    !(a.unnamed && a.sector_in(lex) == "CVL")
                        && s.numbers
                            .iter()
                            .any(|n| a.start >= n.end && gap(text, n.end, a.start) <= 3)
                })
                .collect();
            let others = others_counted(s, text, grammar);
            // The strikes of sentence `k` whose toll this one may give or add to.
            let strikes_of = |k: usize| -> Vec<usize> {
                (0..out.len())
                    .filter(|&i| {
                        from[i] == k
                            && out[i].event_type == EventType::Assault
                            && (others
                                || out[i].fatalities.killed.is_none()
                                    && out[i].fatalities.wounded.is_none())
                    })
                    .collect()
            };
            let mut prior = strikes_of(j - 1);
            if prior.is_empty() && names_the_strike(s, text, lex, grammar) {
                let last = (0..out.len())
                    .filter(|&i| {
                        from[i] < j
                            && from[i] + TOLL_REACH >= j
                            && out[i].event_type == EventType::Assault
                    })
                    .map(|i| from[i])
                    .max();
                prior = last.map(strikes_of).unwrap_or_default();
            }
            if prior.is_empty() {
                continue;
            }
            let day = dates::resolve(
                text,
                s.span,
                &s.dates,
                &complement_years_dropped(s, text, grammar),
                horizon,
            );
            let toll = tolls(s, text, lex, None, s.span, usize::from(others));
            if toll.killed.is_none() && toll.wounded.is_none() {
                continue;
            }
            for i in prior {
                let m = &mut out[i];
                let elsewhere = s.places.first().is_some_and(|&(_, _, p)| {
                    m.location
                        .as_ref()
                        .is_none_or(|l| l.name != lex.places[p].name)
                });
                let other_side = sides.iter().any(|a| {
                    m.target
                        .as_ref()
                        .is_none_or(|t| t.code != lex.actors[a.actor].code)
                });
                if elsewhere || other_side || day.is_some_and(|d| d.date != m.date) {
                    continue;
                }
                if !others {
                    m.fatalities = toll;
                    continue;
                }
                // Besides those counted before, or, when none were, besides
                // the one "other" speaks of ("its top general was killed").
                if let Some(k) = toll.killed {
                    m.fatalities.killed = Some(k.saturating_add(m.fatalities.killed.unwrap_or(1)));
                }
                if let Some(w) = toll.wounded {
                    m.fatalities.wounded =
                        Some(w.saturating_add(m.fatalities.wounded.unwrap_or(0)));
                }
            }
        }
    }

    /// "At least 40 police officers were killed when a car bomb hit their
    /// bus. Jaish-e-Mohammed claimed responsibility for the attack.": who
    /// claims an attack is its attacker. The claim names the attack right
    /// after it ("claimed responsibility for the bombing") or names none
    /// ("claimed responsibility."), and goes to the article's last attack
    /// told up to it, a few sentences back at most, when that attack's
    /// attacker is unnamed (no one, or the host state's unnamed gunmen).
    fn claimed_attacks(
        &self,
        sentences: &[Sentence],
        text: &str,
        grammar: &Grammar,
        out: &mut [Mention],
        from: &[usize],
    ) {
        let lex = &*self.lexicon;
        let assault =
            |t: &(usize, usize, usize)| lex.triggers[t.2].event_type == EventType::Assault;
        for (j, s) in sentences.iter().enumerate() {
            for c in s.cues_in(Cue::Claim, s.span.0, s.span.1) {
                let named = s.triggers.iter().any(|t| {
                    assault(t)
                        && ((t.0 >= c.1 && gap(text, c.1, t.0) <= 3)
                            || (grammar.verb_final && t.1 <= c.0 && gap(text, t.1, c.0) <= 2))
                });
                let rest = text[c.1..s.span.1].trim_start();
                let bare = rest.is_empty() || rest.starts_with(['.', ',', ';']);
                if !named && !bare {
                    continue;
                }
                let Some(claimer) = s.actors.iter().rev().find(|a| {
                    a.end <= c.0
                        && !a.place
                        && !a.modifier
                        && !clause_break(text, a.end, c.0, false)
                }) else {
                    continue;
                };
                let claimer = self.actor(claimer);
                let last = (0..out.len())
                    .filter(|&i| {
                        from[i] <= j
                            && from[i] + CLAIM_REACH >= j
                            && out[i].event_type == EventType::Assault
                    })
                    .max_by_key(|&i| (from[i], i));
                if let Some(m) = last.map(|i| &mut out[i]) {
                    let unnamed = m.source.code.is_empty()
                        || (m.source.sector == "REB"
                            && m.source.code.len() == 6
                            && m.source.code.ends_with("REB"));
                    let own_victims = m.target.as_ref().is_some_and(|t| t.code == claimer.code);
                    // (Named, it is as sure as an attack told with its
                    // attacker: the penalty for a missing source is undone.)
                    if unnamed && !own_victims {
                        m.source = claimer;
                        m.confidence = ((m.confidence + 0.2).min(1.0) * 100.0).round() / 100.0;
                    }
                }
            }
        }
    }

    /// The state actor a gazetteer place lies in, if the lexicon has it.
    fn state_of_place(&self, place: usize) -> Option<usize> {
        self.place_states.get(place).copied().flatten()
    }

    /// The state an article is set in, for "government troops" that name
    /// no place of their own: the one its gazetteer places lie in most (the
    /// first named wins a tie), not counting names that are also actors
    /// ("Moscow said" is a government speaking, not a setting). Only worked
    /// out when the article names such forces.
    fn host_state(&self, per_sentence: &[Vec<Hit>]) -> Option<usize> {
        let lex = &*self.lexicon;
        let hits = || per_sentence.iter().flatten();
        let host_kind = |m: &Meaning| matches!(m, Meaning::Actor(i) if lex.actors[*i].kind.as_deref() == Some("host"));
        if !hits().any(|h| h.meanings.iter().any(host_kind)) {
            return None;
        }
        self.setting_state(per_sentence)
    }

    /// The state whose gazetteer places the article names most (the first
    /// named wins a tie), not counting names that are also actors.
    fn setting_state(&self, per_sentence: &[Vec<Hit>]) -> Option<usize> {
        let hits = || per_sentence.iter().flatten();
        let mut counts: Vec<(usize, usize)> = Vec::new();
        let states = hits()
            .filter(|h| !h.meanings.iter().any(|m| matches!(m, Meaning::Actor(_))))
            .filter_map(|h| {
                h.meanings.iter().find_map(|m| match m {
                    Meaning::Place(p) => self.state_of_place(*p),
                    _ => None,
                })
            });
        for state in states {
            match counts.iter_mut().find(|c| c.0 == state) {
                Some(c) => c.1 += 1,
                None => counts.push((state, 1)),
            }
        }
        let best = counts.iter().map(|c| c.1).max()?;
        counts.iter().find(|c| c.1 == best).map(|c| c.0)
    }

    /// "British activists protested in Beijing": protesters who rally in
    /// another state's place protest against that state.
    /// So do those who rally in a state named as the act's setting
    /// ("ethnic Albanians demonstrated in Serbia").
    /// Likewise a coercive measure set in another state's place is imposed
    /// on that state ("Israel issued evacuation orders for villages in
    /// southern Lebanon"), not on the actor's own.
    fn protest_abroad(
        &self,
        s: &Sentence,
        text: &str,
        r: &sentence::ActorRef,
        (t, ts): (EventType, usize),
    ) -> Option<Actor> {
        if !matches!(t, EventType::Protest | EventType::Coerce) {
            return None;
        }
        self.setting_abroad(s, text, r, ts, "GOV")
    }

    /// The state where the sentence sets an act of `r` (its first place's,
    /// else one named after a location marker past the trigger at `ts`),
    /// when it is not `r`'s own, in `sector`.
    fn setting_abroad(
        &self,
        s: &Sentence,
        text: &str,
        r: &sentence::ActorRef,
        ts: usize,
        sector: &str,
    ) -> Option<Actor> {
        let lex = &*self.lexicon;
        let state = s
            .places
            .iter()
            .find_map(|p| self.state_of_place(p.2))
            .or_else(|| {
                s.actors
                    .iter()
                    .find(|a| {
                        lex.actors[a.actor].kind.as_deref() == Some("state")
                            && !a.modifier
                            && a.start > r.end.max(ts)
                            && s.cues_in(Cue::Location, ts, a.start)
                                .any(|c| gap(text, c.1, a.start) == 0)
                    })
                    .map(|a| a.actor)
            })?;
        (lex.actors[state].code != lex.actors[r.actor].code)
            .then(|| self.actor_in(state, sector.to_string()))
    }

    /// "Egyptian demonstrators rallied", "Turkish authorities imposed a
    /// curfew": a protest or a coercive measure that names no one else is
    /// addressed to, or imposed on, the actors' own country (EGY→EGY).
    fn own_state(&self, r: &sentence::ActorRef, t: EventType, mode: Option<&str>) -> Option<Actor> {
        let def = &self.lexicon.actors[r.actor];
        // An army closing airspace or sealing a border acts outward.
        let sector = r.sector_in(&self.lexicon);
        // A government that lifts a curfew or yields to demands without
        // naming anyone concedes to its own people.
        let domestic = matches!(t, EventType::Protest | EventType::Concede)
            || resignation(t, mode)
            || (t == EventType::Coerce && matches!(sector, "COP" | "JUD" | "GOV" | "LEG"));
        // (A leader who resigns yields to his country too; a state that
        // "quits" a treaty resigns nothing.)
        let party = match def.kind.as_deref() {
            Some("state") => !resignation(t, mode) || r.sector.is_some(),
            Some("person") => resignation(t, mode),
            _ => false,
        };
        (domestic && party).then(|| Actor {
            code: def.code.clone(),
            name: self.names[r.actor].clone(),
            sector: "GOV".into(),
        })
    }

    fn actor(&self, r: &sentence::ActorRef) -> Actor {
        let def = &self.lexicon.actors[r.actor];
        self.actor_in(
            r.actor,
            r.sector.clone().unwrap_or_else(|| def.sector.clone()),
        )
    }

    /// Lexicon actor `actor` in `sector` (see [`Self::actor`]).
    fn actor_in(&self, actor: usize, sector: String) -> Actor {
        let def = &self.lexicon.actors[actor];
        let is_state = def.kind.as_deref() == Some("state");
        // A state's civilians and its armed opposition are parties of
        // their own (SPEC: `<ISO>CIV`, `<ISO>REB`).
        let (code, name) = if sector == "CVL" && is_state {
            (
                format!("{}CIV", def.code),
                format!("{} civilians", def.name),
            )
        } else if sector == "REB" && is_state {
            (format!("{}REB", def.code), format!("{} rebels", def.name))
        } else {
            (def.code.clone(), self.names[actor].clone())
        };
        Actor { code, name, sector }
    }

    /// Events of one sentence: per type, the roles its triggers agree on.
    fn sentence_events(&self, s: &Sentence, text: &str, grammar: &Grammar) -> Vec<Found> {
        let lex = &*self.lexicon;
        let code = |i: usize| lex.actors[s.actors[i].actor].code.as_str();
        // Per trigger: its roles and whether it is asserted. A hostile act
        // stated as modal or conditional ("would strike", "if …, we will
        // attack") is a threat, the way PETRARCH-family coders read it.
        // (A few keys a sentence: a vector searched in place, put in key
        // order before it is read, as a `BTreeMap` would give them.)
        let mut by_type: Vec<((usize, EventType), Vec<Guess>)> = Vec::new();
        let mut weights: hashbrown::HashMap<usize, f64> = hashbrown::HashMap::new();
        let mut order: Vec<EventType> = Vec::new();
        let mut alone: Vec<usize> = Vec::new();
        // A subordinate clause dated apart from the main one ("… on March 1,
        // after strikes on Thursday killed …") tells acts of its own: its
        // triggers are read apart from the main clause's.
        let dated_apart = s.dated_apart();
        let clause = |ts: usize| dated_apart.is_some_and(|sub| ts > sub);
        let mut clauses: Vec<bool> = Vec::new();
        // What follows an accusation, threat, demand, refusal or agreement is
        // its content, not an asserted act ("accused Turkey of supporting
        // terrorists", "threatened a military operation unless …").
        let accusations: Vec<usize> = s
            .triggers
            .iter()
            .filter(|t| speech_act(lex.triggers[t.2].event_type))
            .map(|t| t.1)
            .collect();
        // A verb joined to it ("condemned the attack and asked Russia to
        // stop") is an act of its own.
        // So is one a joined reporting verb introduces ("condemned the
        // strikes and announced sanctions").
        let new_clause = |from: usize, ts: usize| {
            s.cues_in(Cue::Conjunction, from, ts).any(|c| {
                gap(text, c.1, ts) == 0
                    || s.cues_in(Cue::Reporting, c.1, ts)
                        .any(|r| gap(text, c.1, r.0) == 0)
            })
        };
        // Whether `at` lies in the content of a speech act ending at `end`
        // ("warned Ankara after Turkey shot down …": a subordinate clause
        // tells what came before the words, not what they said).
        let content = |end: usize, at: usize| {
            at >= end
                && gap(text, end, at) <= 8
                && !clause_break(text, end, at, false)
                && !new_clause(end, at)
                && s.cues_in(Cue::Subordinator, end, at).next().is_none()
        };
        // ("agreed on Saturday to provide about 70 million dollars of aid":
        // a verb of giving in the content carries it on to its object.)
        let in_accusation = |ts: usize| {
            accusations.iter().any(|&end| {
                content(end, ts)
                    || s.cues_in(Cue::Giving, end, ts).any(|g| {
                        content(end, g.0)
                            && gap(text, g.1, ts) <= 6
                            && !clause_break(text, g.1, ts, false)
                            && !s.triggers.iter().any(|t| t.0 >= g.1 && t.1 <= ts)
                    })
            })
        };
        // The subject of the last act read: a verb joined to it by "and"
        // shares it ("Iran condemned the Israeli strikes and urged the UN
        // to act": Iran urges, not Israel).
        let mut clause_source: Option<usize> = None;
        // A place in the source's own country names where, not whom.
        // Whether the actor at `src` is the subject of the trigger at `ts`:
        // no verb between them, and none before it in its clause ("killed
        // three villagers in a gunbattle": the villagers are an object).
        let subject_of = |src: usize, ts: usize| {
            let a = &s.actors[src];
            !s.triggers.iter().any(|t| {
                (t.0 >= a.end && t.1 <= ts)
                    || (t.1 <= a.start && !clause_break(text, t.1, a.start, false))
            })
        };
        let home_place = |src: Option<usize>, p: usize| {
            s.actors[p].place
                && src.is_some_and(|src| {
                    lex.actors[s.actors[src].actor].code == lex.actors[s.actors[p].actor].code
                })
        };
        for &(ts, te, ti) in &s.triggers {
            let trig = &lex.triggers[ti];
            if in_accusation(ts) || topic_of_talks(lex, s, text, ts, grammar) {
                continue;
            }
            // "evacuated the wounded from the besieged town": a participle
            // between an article and its noun describes the noun, no act.
            if adjectival(text, ts, te, grammar) {
                continue;
            }
            // "agreed to a truce after two days of fierce fighting": a
            // period's sum of blows or protests is background, not one
            // happening ("three days of talks", "ten days of war games"
            // are one meeting, one exercise).
            if matches!(
                trig.event_type,
                EventType::Assault | EventType::Coerce | EventType::Protest
            ) && s
                .cues_in(Cue::PeriodOf, s.span.0, ts)
                .any(|c| gap(text, c.1, ts) <= 1)
            {
                continue;
            }
            // "police dispersed the demonstrators", "killed in ethnic riots":
            // a protest named right after another act is that act's object
            // or setting, not a protest of its own.
            if trig.event_type == EventType::Protest
                && s.triggers.iter().any(|o| {
                    o.1 <= ts
                        && gap(text, o.1, ts) <= 3
                        && lex.triggers[o.2].event_type != EventType::Protest
                })
            {
                continue;
            }
            if roles::protest_object_or_aim(s, text, ts, te, trig.event_type, grammar, |j| {
                lex.triggers[j].event_type
            }) {
                continue;
            }
            // "a drone strike on a Turkish military convoy", "ambushed a
            // patrol": a deployment named right after an attack is its
            // object, not an act of its own ("attacked Ukraine and deployed
            // troops" is two).
            if trig.event_type == EventType::Mobilize
                && s.triggers.iter().any(|o| {
                    matches!(
                        lex.triggers[o.2].event_type,
                        EventType::Assault | EventType::Coerce
                    ) && o.1 <= ts
                        && gap(text, o.1, ts) <= 4
                        && !clause_break(text, o.1, ts, false)
                        && s.cues_in(Cue::Conjunction, o.1, ts).next().is_none()
                        && s.actors
                            .iter()
                            .all(|a| a.end <= o.1 || a.start >= ts || gap(text, a.end, ts) <= 1)
                })
            {
                continue;
            }
            let place_target = material(trig.event_type);
            let mut g = roles::assign(s, text, ts, te, trig, grammar, place_target);
            // A clause dated apart names its own parties ("India struck
            // Pakistan on Tuesday after a bombing on February 14 killed 40
            // Indian police": India did not bomb).
            if let Some(sub) = dated_apart {
                let apart = |i: usize| (s.actors[i].end <= sub) != (ts < sub);
                g.source = g.source.filter(|&i| !apart(i));
                g.target = g.target.filter(|&i| !apart(i));
            }
            double_object(s, text, ts, &mut g);
            noun_agent(s, text, te, grammar, lex, &mut g);
            // A place is a target only of a deed done there ("shelled
            // Kharkiv", "aid to Gaza"), not of words about it ("discussed
            // Gaza"), and never in the source's own country.
            g.target = g
                .target
                .filter(|&t| (!s.actors[t].place || place_target) && !home_place(g.source, t));
            // "refused to deploy peacekeepers in Iraq", "rejected a call for
            // troops in East Timor": a speech act whose roles name no target
            // is aimed at whom its complement's act would touch, the first
            // party (or, after a verb of its own, place) named in its clause.
            // "Erdogan warned that Turkey reserves the right to respond to
            // attacks from Syria": the speaker's own side named in the
            // complement is no target of his words.
            // (Opposition candidates are another side of his country, and
            // whom one asks is named in the complement: "asked that X …".)
            let sector_of = |i: usize| s.actors[i].sector_in(lex);
            if matches!(trig.event_type, EventType::Threaten | EventType::Accuse)
                && g.source.zip(g.target).is_some_and(|(a, b)| {
                    code(a) == code(b) && !domestic_sides(sector_of(a), sector_of(b))
                })
            {
                g.target = None;
            }
            if g.target.is_none() && g.source.is_some() && speech_act(trig.event_type) {
                let places = trig.event_type == EventType::Reject;
                g.target = complement_target(s, text, te, g.source, places);
            }
            // "complained to the UN over Israeli air strikes": a complaint
            // laid before a body about another party's act accuses the
            // party that acted.
            if trig.event_type == EventType::Accuse {
                if let Some(body) = g
                    .target
                    .filter(|&t| lex.actors[s.actors[t].actor].kind.as_deref() == Some("body"))
                {
                    let (be, src_code) = (s.actors[body].end, g.source.map(code));
                    let actor_of_act = roles::candidates(s).find(|(_, a)| {
                        a.start >= be
                            && !a.place
                            && Some(lex.actors[a.actor].code.as_str()) != src_code
                            && s.triggers.iter().any(|t| {
                                t.0 >= a.end
                                    && lex.triggers[t.2].event_type.quad_class()
                                        == crate::model::QuadClass::MaterialConflict
                                    && gap(text, a.end, t.0) <= usize::from(a.sector.is_some())
                            })
                    });
                    // ("filed a complaint with the UN Security Council over
                    // Israeli violations": the body a complaint is lodged
                    // with is the forum, the state named after it the one
                    // complained of, whatever it did.)
                    let lodged_with =
                        s.cues_in(Cue::TargetMarker, te, s.actors[body].start)
                            .any(|c| {
                                roles::right_after(
                                    text,
                                    c.1,
                                    s.actors[body].start,
                                    &grammar.articles,
                                )
                            });
                    let complained_of = || {
                        s.actors.iter().position(|a| {
                            a.start >= be
                                && !a.place
                                && !a.modifier
                                && lex.actors[a.actor].kind.as_deref() == Some("state")
                                && Some(lex.actors[a.actor].code.as_str()) != src_code
                                && gap(text, be, a.start) <= 3
                                && !clause_break(text, be, a.start, false)
                        })
                    };
                    if let Some((i, _)) = actor_of_act {
                        g.target = Some(i);
                    } else if let Some(i) = complained_of().filter(|_| lodged_with) {
                        g.target = Some(i);
                    }
                }
            }
            // (A verb-first clause with its own subject after the verb, as
            // "فيما أدانت الحكومة اللبنانية", keeps it.)
            let own_subject =
                grammar.verb_initial && g.source.is_some_and(|i| s.actors[i].start >= te);
            // So does a participle set off by a comma that names its object:
            // in "Rwanda denied backing the M23 rebels, accusing Congo of …"
            // Rwanda accuses.
            let adjunct = || {
                g.target.is_some()
                    && text[s.span.0..ts].trim_end().ends_with(',')
                    && text[ts..te]
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| grammar.progressive(w))
            };
            // And an act named in a phrase after the last act's object: in
            // "Chinese warships encircled Taiwan in large-scale drills" the
            // drills are China's, not Taiwan's.
            let in_phrase = |cs: usize| {
                g.source.is_some_and(|src| {
                    let a = &s.actors[src];
                    src != cs
                        && s.triggers
                            .iter()
                            .any(|t| t.0 > s.actors[cs].start && t.1 <= a.start)
                        && s.cues_in(Cue::Location, a.end, ts)
                            .any(|c| gap(text, a.end, c.0) == 0 && gap(text, c.1, ts) <= 2)
                })
            };
            if let Some(src) = clause_source.filter(|&cs| {
                (s.joined_at(text, ts) || adjunct() || in_phrase(cs)) && !g.passive && !own_subject
            }) {
                g.source = Some(src);
                g.target = g.target.filter(|&t| t != src);
            }
            if reduced_relative(s, text, lex, ts, grammar) {
                g.source = None;
            }
            // "Turkey said the attack killed 33 soldiers": an attack named
            // right after a reporting verb is the speaker's news, not its
            // deed (a closure "announced" is the speaker's own act).
            if trig.event_type == EventType::Assault {
                if let Some(src) = g.source.filter(|&a| s.actors[a].end <= ts) {
                    // (The article tells the noun from a verb: "allegedly
                    // shelled". Also the verb of which that noun is the
                    // subject: "said the attack killed".)
                    let article_between = |e: usize, pos: usize| {
                        gap(text, e, pos) == 1
                            && roles::right_after(text, e, pos, &grammar.articles)
                    };
                    let noun_at = |c: &(usize, usize, Cue)| {
                        article_between(c.1, ts)
                            || s.triggers.iter().any(|o| {
                                o.1 <= ts && gap(text, o.1, ts) == 0 && article_between(c.1, o.0)
                            })
                    };
                    if s.cues_in(Cue::Reporting, s.actors[src].end, ts)
                        .any(noun_at)
                    {
                        g.source = None;
                    }
                }
            }
            // "said the strike was an unprovoked act of aggression by
            // Russia": the by-phrase of a noun naming the wrong is the
            // wrongdoer, accused; the one before, who names it, accuses.
            if trig.event_type == EventType::Accuse
                && g.passive
                && g.source.is_some_and(|a| s.actors[a].start >= te)
                && grammar
                    .misdeed_nouns
                    .iter()
                    .any(|n| text[ts..te].ends_with(n.as_str()))
            {
                std::mem::swap(&mut g.source, &mut g.target);
            }
            // "UN peacekeepers in Lebanon accused Israel": a party named as
            // where the one before it stands is not the subject.
            if let Some(src) = g.source {
                let a = &s.actors[src];
                let head = s.actors[..src].iter().rposition(|h| {
                    !h.place
                        && !h.modifier
                        && s.cues_in(Cue::Location, h.end, a.start).any(|c| {
                            gap(text, h.end, c.0) <= usize::from(h.sector.is_some())
                                && roles::right_after(text, c.1, a.start, &grammar.articles)
                        })
                });
                if let Some(h) = head.filter(|_| a.end <= ts) {
                    g.source = Some(h);
                    g.target = g.target.filter(|&t| t != h);
                }
            }
            // "rescued 40 hostages held by bandits": the agent of a phrase
            // about the object is whom the object is held by, not whom a
            // helping act helps (an attack on "positions held by" them
            // strikes them).
            if cooperative_act(trig.event_type) && !g.passive {
                g.target = g.target.filter(|&t| {
                    let a = &s.actors[t];
                    !s.cues_in(Cue::AgentMarker, te, a.start)
                        .any(|c| gap(text, c.1, a.start) == 0 && gap(text, te, c.0) >= 2)
                });
            }
            if grammar.verb_final && !g.passive {
                roles::object_in_trigger(s, ts, te, &mut g);
            }
            let if_clause = grammar
                .verb_final
                .then(|| roles::if_clause_before(s, text, ts, te))
                .flatten();
            if let Some(clause) = if_clause {
                roles::condition_roles(s, clause, &mut g);
            }
            if g.source.is_some() && !g.relative {
                clause_source = g.source;
            }
            let role_end = g.source.map_or(s.span.0, |i| s.actors[i].end.min(ts));
            let fact = match factuality(s, text, ts, role_end) {
                // (The consequence after a closed if-clause is said as
                // its own: a threat, if hostile.)
                Factuality::Conditional if if_clause.is_some() => Factuality::Modal,
                Factuality::Conditional => Factuality::Conditional,
                _ if grammar.verb_final && roles::conditional_verb(s, text, ts, te) => {
                    Factuality::Conditional
                }
                _ if grammar.verb_final && negated_after(s, text, te) => Factuality::Negated,
                Factuality::Asserted
                    if !grammar.verb_final && planned_subject(s, text, ts, te, grammar) =>
                {
                    Factuality::Modal
                }
                f => f,
            };
            tracing::trace!(
                trigger = &text[ts..te],
                event_type = ?trig.event_type,
                factuality = ?fact,
                source = g.source.map(|i| &text[s.actors[i].start..s.actors[i].end]),
                target = g.target.map(|i| &text[s.actors[i].start..s.actors[i].end]),
                passive = g.passive,
                "trigger read"
            );
            // "promised that Iran would pay a big price": a promise whose
            // content is a threat, told in the future, is a threat.
            let promised_threat = trig.event_type == EventType::Agree
                && s.triggers.iter().any(|o| {
                    lex.triggers[o.2].event_type == EventType::Threaten
                        && content(te, o.0)
                        && s.cues_in(Cue::Commitment, te, o.0).next().is_some()
                });
            // "Kenya will send 1,000 police officers to Haiti": forces a
            // verb of giving promises to a state, with no condition and no
            // marker but "to" ("into", "against" aim them), are pledged to
            // it (PLOVER AGREE), not threatened.
            let pledged_forces = fact == Factuality::Committed
                && trig.event_type == EventType::Mobilize
                && s.cues.iter().any(|c| {
                    c.2 == Cue::Giving && (c.0 == ts || (c.1 <= ts && gap(text, c.1, ts) <= 2))
                })
                && s.cues_in(Cue::Conditional, te, s.span.1).next().is_none()
                && g.target.is_some_and(|t| {
                    let t = &s.actors[t];
                    t.start > te
                        && s.cues_in(Cue::TargetMarker, te, t.start).all(|m| {
                            s.cues_in(Cue::Infinitive, m.0, m.1)
                                .any(|i| (i.0, i.1) == (m.0, m.1))
                        })
                });
            // "will ease the blockade of Gaza", "would lift the ban": a
            // coercive measure to be eased is a pledge when promised (PLOVER
            // AGREE), nothing when only talked of; never a threat.
            let eased = matches!(fact, Factuality::Modal | Factuality::Committed)
                && matches!(
                    turned(s, text, ts, trig.event_type, trig.mode.as_deref()),
                    Some((EventType::Retreat | EventType::Concede, _))
                );
            let (t, mode) = match fact {
                _ if promised_threat && fact != Factuality::Negated => (EventType::Threaten, None),
                _ if pledged_forces => (EventType::Agree, Some("pledge".to_string())),
                Factuality::Committed if eased => (EventType::Agree, Some("pledge".to_string())),
                _ if eased => continue,
                // A ceasefire with its parties named after it ("ceasefire
                // between X and Y", "… with Hamas") is an agreement between
                // them (PLOVER AGREE); a one-sided one stays RETREAT.
                Factuality::Asserted
                    if trig.event_type == EventType::Retreat
                        && trig.mode.as_deref() == Some("ceasefire")
                        && (g.target.is_some_and(|t| s.actors[t].start > te)
                            || roles::coordinated_pair_after(s, text, te).is_some()) =>
                {
                    (EventType::Agree, None)
                }
                Factuality::Asserted => (trig.event_type, trig.mode.clone()),
                // A threat speaks of the future by nature: "would take
                // whatever action" is the threat itself.
                // ("met to negotiate a peace treaty": a treaty that is the
                // object of a planned verb is no agreement yet.)
                Factuality::Modal | Factuality::Committed
                    if matches!(trig.event_type, EventType::Threaten | EventType::Agree)
                        && !(trig.event_type == EventType::Agree
                            && s.cues_in(Cue::Infinitive, s.span.0, ts)
                                .any(|c| infinitive_governs(s, text, c.1, ts))) =>
                {
                    (trig.event_type, trig.mode.clone())
                }
                // (Unless it is no one's: "the risk of a clash between X
                // and Y".)
                Factuality::Modal | Factuality::Committed
                    if hostile_act(trig.event_type)
                        && !g.sides
                        && !purpose_of_act(lex, s, text, ts) =>
                {
                    (EventType::Threaten, Some("violence".to_string()))
                }
                // "said they would boycott all contact with X": a protest
                // promised is a threat of one.
                Factuality::Committed if trig.event_type == EventType::Protest => {
                    (EventType::Threaten, None)
                }
                // "will withdraw its force from Chad unless …": a promise on
                // a condition is an ultimatum, not a pledge.
                Factuality::Committed
                    if cooperative_act(trig.event_type)
                        && s.cues_in(Cue::Conditional, te, s.span.1).next().is_some() =>
                {
                    (EventType::Threaten, None)
                }
                // A promise to help, give, withdraw or meet is itself an act:
                // PLOVER codes the pledge as AGREE.
                Factuality::Committed if cooperative_act(trig.event_type) => {
                    (EventType::Agree, Some("pledge".to_string()))
                }
                // "would not meet the demands", "will not send troops": a
                // cooperative act refused is a rejection (PLOVER REJECT).
                // ("Ni Rusia ni Ucrania han firmado": a negation that denies
                // the parties, not the act, refuses nothing.)
                Factuality::Negated
                    if (cooperative_act(trig.event_type)
                        || trig.event_type == EventType::Agree)
                        && !parties_negated(s, text, ts) =>
                {
                    (EventType::Reject, None)
                }
                _ => continue,
            };
            // ("Husiler Suudi Arabistan'a füze fırlattı": aimed, an attack.)
            let (t, mode) = roles::launched_at(s, text, grammar, g.target, (t, mode));
            // "captured a village in the Kharkiv region": an asserted
            // assault that names no one else, not even an unnamed group
            // ("attacked the militants in Idlib"), strikes the state that
            // holds the place.
            let unnamed_object = s
                .cues_in(Cue::Victims, te, s.span.1)
                .any(|c| gap(text, te, c.0) <= 3);
            // Two sides joined before the verb fight each other instead.
            let pair = roles::coordinated_pair(s, text, ts).is_some();
            // (A threat only when spoken as one, and the place close
            // enough to be the threatened act's: "possible fighting in
            // Idlib" threatens no one, an ultimatum "issued after a
            // session in Abuja" not Nigeria.)
            let spoken_threat = t == EventType::Threaten && trig.event_type == EventType::Threaten;
            // (Aid's destination follows its goods: "помощь в Сирию", not
            // "peacekeepers in a firefight in the Golan Heights" or
            // "peacekeeping troops arrived in Sierra Leone".)
            let reach = match (spoken_threat, t) {
                (true, _) => 6,
                (false, EventType::Aid) => 1,
                _ => 12,
            };
            // ("threatened to launch an operation in northern Syria": the
            // place is reckoned from the act the threat verb governs.)
            let from = match spoken_threat {
                true => s
                    .triggers
                    .iter()
                    .find(|o| {
                        o.0 >= te
                            && gap(text, te, o.0) <= reach
                            && hostile_act(lex.triggers[o.2].event_type)
                            && !clause_break(text, te, o.0, false)
                    })
                    .map_or(te, |o| o.1),
                // ("направила гуманитарную помощь в Сирию": from the goods
                // the verb sends, themselves an aid word.)
                false if t == EventType::Aid => s
                    .triggers
                    .iter()
                    .rev()
                    .find(|o| {
                        o.0 >= te
                            && gap(text, te, o.0) <= 2
                            && lex.triggers[o.2].event_type == EventType::Aid
                    })
                    .map_or(te, |o| o.1.max(te)),
                false => te,
            };
            // An outward measure ("reimposed blockades in the West Bank")
            // likewise falls on the place's state, as do troops sent
            // there ("ввела войска в Абхазию"), and so does a threat
            // of force there ("threatened to resume attacks in Israel").
            // (Sent forces or aid reach the state named as where: "направила
            // гуманитарную помощь в Сирию", "отправила военных в Ливию" —
            // the unnamed soldiers are what is sent, not the ones struck.)
            let sent = matches!(t, EventType::Mobilize | EventType::Aid);
            if g.target.is_none()
                && (matches!(t, EventType::Assault | EventType::Mobilize | EventType::Aid)
                    || (t == EventType::Coerce && trig.outward)
                    || spoken_threat)
                && !g.passive
                && (!unnamed_object || sent)
                && !pair
            {
                // A state named as where counts only for the subject's own
                // verb: in "killed three villagers in a gunbattle in Serbia"
                // the villagers did not fight Serbia.
                let subject_verb = g.source.is_some_and(|src| subject_of(src, ts));
                // A verb-final language names the place between the
                // subject and the verb ("İsrail ordusu Gazze'de … vurdu").
                let before_verb = |a: &sentence::ActorRef| {
                    grammar.verb_final
                        && a.end <= ts
                        && g.source.is_some_and(|src| s.actors[src].end <= a.start)
                        && !clause_break(text, a.end, ts, false)
                };
                // "Russian forces in Ukraine struck a power plant": the state
                // the attackers are named as standing in, right before the verb.
                let where_subject_stands = |a: &sentence::ActorRef| {
                    t == EventType::Assault
                        && a.end <= ts
                        && gap(text, a.end, ts) <= 1
                        && !clause_break(text, a.end, ts, false)
                        && g.source.is_some_and(|src| {
                            let h = &s.actors[src];
                            h.end <= a.start
                                && s.cues_in(Cue::Location, h.end, a.start).any(|c| {
                                    gap(text, h.end, c.0) <= usize::from(h.sector.is_some())
                                })
                        })
                };
                // "food aid to refugees in Liberia": aid for people of a
                // place reaches the place's state (whoever the people are).
                let beneficiaries_in = |a: &sentence::ActorRef| {
                    t == EventType::Aid
                        && s.cues_in(Cue::Victims, from, a.start).any(|c| {
                            gap(text, from, c.0) <= 2
                                && gap(text, c.1, a.start) <= 2
                                && s.cues_in(Cue::Location, c.1, a.start).next().is_some()
                        })
                };
                g.target = s
                    .actors
                    .iter()
                    .position(|a| {
                        // (Aid reaches a state, not a spot: "peacekeepers in
                        // the Golan Heights" are not sent there.)
                        ((a.place && t != EventType::Aid)
                            || (subject_verb && s.named_as_where(lex, text, a)))
                            && ((a.start >= from
                                && (gap(text, from, a.start) <= reach || beneficiaries_in(a))
                                && !clause_break(text, te, a.start, false))
                                || before_verb(a)
                                || (subject_verb && where_subject_stands(a)))
                    })
                    .filter(|&p| g.source.is_none_or(|src| code(src) != code(p)));
            }
            // "arrived in Amman": the place a visit reaches is its host,
            // even after the locative that makes it a setting elsewhere.
            // (Troops that arrive are deployed, not visiting.)
            let troops = g
                .source
                .is_some_and(|src| s.actors[src].sector_in(lex) == "MIL");
            // So is the capital an envoy is recalled from ("a rappelé son
            // ambassadeur à Paris").
            let reaches = match trig.mode.as_deref() {
                Some("visit") => !troops,
                Some("withdraw") => trig.event_type == EventType::Sanction,
                _ => false,
            };
            if g.target.is_none() && reaches && !g.passive {
                g.target = s
                    .actors
                    .iter()
                    .position(|a| {
                        a.start >= te
                            && gap(text, te, a.start) <= 1
                            && !clause_break(text, te, a.start, false)
                    })
                    .filter(|&p| g.source.is_none_or(|src| code(src) != code(p)));
            }
            // "halted economic aid", "lifted the night curfew": a verb that
            // stops the act right before it turns it round.
            let (t, mode) = match turned(s, text, ts, t, mode.as_deref()) {
                Some(turned) => turned,
                None => (t, mode),
            };
            // "Demonstrators blocked the road": protesters' obstruction is
            // their protest (PLOVER PROTEST/obstruct), not a state's coercion.
            let protesters_act = t == EventType::Coerce
                && s.triggers.iter().any(|o| {
                    lex.triggers[o.2].event_type == EventType::Protest
                        && o.1 <= ts
                        && gap(text, o.1, ts) <= 4
                        && !clause_break(text, o.1, ts, false)
                });
            let (t, mode) = match protesters_act {
                true => (EventType::Protest, Some("obstruct".to_string())),
                false => (t, mode),
            };
            // Triggers of one type in one sentence tell one event, unless
            // one sits in a relative clause: that is another actor's act.
            // Nor when one names the other's parties the other way round:
            // "Ankara has struck Syrian troops since Thursday, when 33 of its
            // soldiers were killed in a raid by Damascus" tells two assaults.
            // Only roles the grammar marks: a by-phrase, or a subject right
            // before the verb.
            let marked = g.source.is_some_and(|a| {
                let a = &s.actors[a];
                (g.passive && a.start >= te) || (a.end <= ts && gap(text, a.end, ts) <= 1)
            });
            let reversed =
                |other: &roles::RoleGuess| match (g.source, g.target, other.source, other.target) {
                    (Some(a), Some(b), Some(c), Some(d)) => {
                        marked && code(a) == code(d) && code(b) == code(c) && code(a) != code(b)
                    }
                    _ => false,
                };
            let shared = (!g.relative)
                .then(|| {
                    order.iter().enumerate().position(|(i, x)| {
                        *x == t
                            && !alone.contains(&i)
                            && clauses[i] == clause(ts)
                            && !by_type
                                .iter()
                                .find(|(k, _)| *k == (i, t))
                                .is_some_and(|(_, gs)| gs.iter().any(|(_, _, o)| reversed(o)))
                    })
                })
                .flatten();
            let pos = shared.unwrap_or_else(|| {
                order.push(t);
                clauses.push(clause(ts));
                if g.relative {
                    alone.push(order.len() - 1);
                }
                order.len() - 1
            });
            // "will support Turkey's bid", "would not provide support":
            // whatever doubt the verb carries as a standing alignment, the
            // promise or the refusal is an act of its day.
            let weight = match (fact, t) {
                (Factuality::Committed, EventType::Agree)
                | (Factuality::Negated, EventType::Reject) => 1.0,
                _ => trig.weight,
            } * match s.cues_in(Cue::Modality, s.span.0, ts).any(|c| hedge(s, c)) {
                true => HEDGED,
                false => 1.0,
            };
            let w = weights.entry(pos).or_insert(0.0f64);
            *w = w.max(weight);
            match by_type.iter_mut().find(|(k, _)| *k == (pos, t)) {
                Some((_, gs)) => gs.push((ts, mode, g)),
                None => by_type.push(((pos, t), vec![(ts, mode, g)])),
            }
        }
        let mut found = Vec::new();
        by_type.sort_unstable_by_key(|(k, _)| *k);
        for ((pos, event_type), guesses) in by_type {
            // Prefer a trigger that names both parties; else combine them.
            // One side, or two sides of one country ("Rwandan rebels" against
            // "President Kagame"): domestic events have parties too.
            let sector = |i: usize| s.actors[i].sector_in(lex);
            let same_side =
                |a: usize, b: usize| code(a) == code(b) && !domestic_sides(sector(a), sector(b));
            // Of those, one whose target is a party before one whose target
            // is where it struck ("a drone strike in southern Lebanon killed
            // two Hezbollah members").
            let complete = guesses
                .iter()
                .filter(|(_, _, g)| match (g.source, g.target) {
                    (Some(a), Some(b)) => !same_side(a, b),
                    _ => false,
                })
                .min_by_key(|(_, _, g)| g.target.is_some_and(|t| s.actors[t].place));
            let (ts, mode, mut source, mut target) = match complete {
                Some((ts, mode, g)) => (*ts, mode.clone(), g.source, g.target),
                None => {
                    // Victims named by a passive come first; the source is
                    // then any other side the triggers name.
                    let target = guesses
                        .iter()
                        .filter(|(_, _, g)| g.passive)
                        .chain(guesses.iter())
                        .find_map(|(_, _, g)| g.target);
                    let source = guesses
                        .iter()
                        .filter_map(|(_, _, g)| g.source)
                        .find(|&src| target.is_none_or(|t| !same_side(t, src)));
                    // "Syria warned it would down planes over Syria's
                    // airspace": the active subject of a threat or protest
                    // whose only target is its own side still acts; the
                    // target is what goes (the other side, or its own
                    // government, completes it).
                    let own_side = |g: &roles::RoleGuess| match (g.source, g.target) {
                        (Some(a), Some(b)) => same_side(a, b),
                        _ => false,
                    };
                    // So does a coercive measure on its own side ("closing
                    // Iraqi air space", "imposed a curfew on Egyptian towns").
                    let fallback = matches!(
                        event_type,
                        EventType::Threaten | EventType::Protest | EventType::Coerce
                    ) && guesses.iter().all(|(_, _, g)| !g.passive);
                    let (source, target) = match source {
                        None if fallback => match guesses.iter().find(|(_, _, g)| own_side(g)) {
                            Some((_, _, g)) => (g.source, None),
                            None => (None, target),
                        },
                        found => (found, target),
                    };
                    let (ts, mode) = (guesses[0].0, guesses[0].1.clone());
                    (ts, mode, source, target)
                }
            };
            let mode = mode.or_else(|| guesses.iter().find_map(|(_, m, _)| m.clone()));
            // "Putin and Erdogan agreed on Syria": the pair before the verb
            // are the parties; what follows is the topic.
            // "Russia, Turkey and Iran met": each pair of a longer list
            // meets too (the first pair is the event's own parties).
            // A mediator is no party to what it mediates: "Egypt and Qatar
            // mediated talks between Israel and Hamas" are two mediators, each
            // acting on the sides. Nor are the two joined before a ceasefire
            // "between Israel and Hamas" its parties when it names its own.
            let mediation = mode.as_deref() == Some("third-party");
            let own_sides = complete.is_some_and(|(_, _, g)| g.sides);
            let pairing = mutual(event_type) && !mediation;
            let mut group_pairs: Vec<(usize, usize)> = Vec::new();
            if pairing && !own_sides {
                let group = roles::coordinated_group(s, text, ts);
                for (k, &a) in group.iter().enumerate() {
                    for &b in &group[k + 1..] {
                        if (a, b) != (group[group.len() - 2], group[group.len() - 1]) {
                            group_pairs.push((a, b));
                        }
                    }
                }
                let before_or_after = roles::coordinated_pair(s, text, ts).or_else(|| {
                    source
                        .is_none_or(|src| s.actors[src].start > ts)
                        .then(|| roles::coordinated_pair_after(s, text, ts))
                        .flatten()
                });
                // ("The president of France, Emmanuel Macron, met …": one
                // party named twice is an apposition, not two parties.)
                if let Some((a, b)) = before_or_after.filter(|&(a, b)| code(a) != code(b)) {
                    source = Some(a);
                    target = Some(b);
                }
            }
            if let (Some(a), Some(b)) = (source, target) {
                if same_side(a, b) || home_place(Some(a), b) {
                    target = None;
                }
            }
            // "drones killed 26 soldiers": counted victims not named wait,
            // like unnamed attackers, for the article's other side (uncounted
            // ones do not: "a charm offensive" has no victims).
            let counted = s
                .cues
                .iter()
                .any(|c| matches!(c.2, Cue::Killed | Cue::Wounded))
                && !s.numbers.is_empty();
            // "called on soldiers there to lay down arms": an unnamed group
            // acted upon belongs, likewise, to the other side.
            let group_after = s
                .cues_in(Cue::Victims, ts, s.span.1)
                .any(|c| gap(text, ts, c.0) <= 3);
            // "warned that it would shoot down any planes", "vowed
            // retaliation against anyone who interferes": a threat of force
            // that names no one is aimed, likewise, at the other side.
            // (Only a threat spoken: "possible fighting" threatens no one.)
            let threat_of_force = event_type == EventType::Threaten
                && mode.as_deref() != Some("violence")
                && s.triggers
                    .iter()
                    .any(|t| t.0 > ts && hostile_act(lex.triggers[t.2].event_type));
            // "Iran condemned the strikes": an accusation whose object is an
            // attack, with no one named, is aimed at the attacker.
            let attack_condemned = event_type == EventType::Accuse
                && s.triggers.iter().any(|t| {
                    t.0 > ts
                        && gap(text, ts, t.0) <= 3
                        && lex.triggers[t.2].event_type == EventType::Assault
                });
            // "France condemned the attack on Ukraine", "… the strikes as a
            // violation of Yemen's sovereignty": a party named after the
            // condemned attack is its victim, not the accused, unless a
            // by-phrase names it the attacker.
            if attack_condemned
                && target.is_some_and(|t| {
                    let victim = &s.actors[t];
                    s.triggers.iter().any(|tr| {
                        tr.0 > ts
                            && gap(text, ts, tr.0) <= 3
                            && lex.triggers[tr.2].event_type == EventType::Assault
                            && tr.1 <= victim.start
                            // ("serangan Israel", "الهجوم الإسرائيلي": the
                            // modifier right after the noun is its agent.)
                            && !(grammar.modifier_after_head && gap(text, tr.1, victim.start) == 0)
                    }) && !s
                        .cues_in(Cue::AgentMarker, ts, victim.start)
                        .any(|c| gap(text, c.1, victim.start) <= 1)
                })
            {
                target = None;
            }
            // "France condemned the coup in Niger", "the crackdown in
            // Georgia": an accusation whose object is a coercive act set in
            // a state names that state (its rulers act there). Not an attack
            // ("condemned the strikes in Syria"): that accuses the attacker.
            if event_type == EventType::Accuse && target.is_none() {
                target = s
                    .triggers
                    .iter()
                    .filter(|t| {
                        t.0 > ts
                            && gap(text, ts, t.0) <= 3
                            && lex.triggers[t.2].event_type == EventType::Coerce
                    })
                    .find_map(|t| {
                        let (_, le, _) = *s
                            .cues_in(Cue::Location, t.1, s.span.1)
                            .find(|c| gap(text, t.1, c.0) == 0)?;
                        s.actors.iter().position(|a| {
                            a.start >= le
                                && roles::right_after(text, le, a.start, &grammar.articles)
                                && !a.modifier
                                && lex.actors[a.actor].kind.as_deref() == Some("state")
                        })
                    })
                    .filter(|&t| source.is_none_or(|src| code(src) != code(t)));
                // "The ICC opened an investigation into alleged war crimes
                // in Venezuela": an international body (court, UN organ,
                // rights group) accusing what happened in a state names it.
                let body = source.is_some_and(|src| {
                    lex.actors[s.actors[src].actor].kind.as_deref() == Some("body")
                });
                // (Not an attack condemned: its attacker is meant.)
                if target.is_none() && body && !attack_condemned {
                    target = s
                        .actors
                        .iter()
                        .position(|a| {
                            a.start > ts
                                && !a.modifier
                                && lex.actors[a.actor].kind.as_deref() == Some("state")
                                && !clause_break(text, ts, a.start, false)
                                && after_location(s, text, a, &grammar.articles)
                        })
                        .filter(|&t| source.is_none_or(|src| code(src) != code(t)));
                }
            }
            // "Israel would take whatever action was necessary": a threat
            // spoken as one (not an act merely planned) is aimed at the
            // speaker's other side when it names no one.
            let spoken_threat = event_type == EventType::Threaten
                && source.is_some_and(|src| subject_of(src, ts))
                && s.triggers
                    .iter()
                    .any(|t| t.0 == ts && lex.triggers[t.2].event_type == EventType::Threaten);
            // "Rocket attacks by Hezbollah resumed": an attack named by its
            // agent alone strikes, likewise, the article's other side.
            let agent_named_after = source.is_some_and(|src| s.actors[src].start > ts);
            let pending_target = source.is_some()
                && ((event_type == EventType::Assault && (counted || agent_named_after))
                    || threat_of_force
                    || spoken_threat
                    || attack_condemned
                    || matches!(
                        event_type,
                        EventType::Request | EventType::Threaten | EventType::Coerce
                    ) && group_after);
            // "The defence ministry said five soldiers were killed in
            // regime shelling": a state's ministry or army that reports
            // unnamed dead reports its own (in any word order: the Turkish
            // ministry's verb comes last).
            if target.is_none() && pending_target && event_type == EventType::Assault {
                let reporting = s.cues.iter().any(|c| c.2 == Cue::Reporting);
                target = s
                    .actors
                    .iter()
                    .position(|a| {
                        let def = &lex.actors[a.actor];
                        let sector = a.sector_in(lex);
                        def.kind.as_deref() == Some("state")
                            && matches!(sector, "MIL" | "GOV")
                            && a.end <= ts
                            && !a.place
                    })
                    .filter(|&r| {
                        reporting && source.is_some_and(|src| !same_side(src, r) && r != src)
                    });
            }
            // "Thousands demonstrated in Algiers": protesters nobody names
            // are the people of the state where they protest.
            // (A target read from that place is the same state.)
            let located = |a: &sentence::ActorRef| {
                lex.actors[a.actor].kind.as_deref() == Some("state")
                    && !a.modifier
                    && s.cues_in(Cue::Location, s.span.0, a.start)
                        .any(|c| gap(text, c.1, a.start) == 0)
            };
            // ("Students throughout Indonesia demonstrated to demand reforms
            // by President Suharto": whom they name is still the target.)
            if event_type == EventType::Protest && source.is_none() {
                let at = s.actors.iter().position(located);
                if target.is_none_or(|t| located(&s.actors[t])) {
                    source = at;
                    target = None;
                } else if at.is_some() {
                    source = at;
                }
                // "rallied outside the Russian embassy in Tbilisi": a
                // state's mission (or any of its bodies) where people rally
                // is whom they address.
                if target.is_none() {
                    target = s
                        .actors
                        .iter()
                        .position(|a| {
                            a.sector.is_some()
                                && !a.modifier
                                && lex.actors[a.actor].kind.as_deref() == Some("state")
                                && after_location(s, text, a, &grammar.articles)
                        })
                        .filter(|&m| source.is_none_or(|src| code(src) != code(m)));
                }
            }
            // "Syrian and Turkish troops clashed near Saraqib": two sides
            // joined before a fight with no object each strike the other;
            // so do two sides swapping prisoners ("Russia and Ukraine
            // exchanged 90 prisoners").
            let mut reciprocal = false;
            let swap = event_type == EventType::Retreat && mode.as_deref() == Some("release");
            // ("accused each other", "saling tuduh": any act, so marked.)
            let te = s.triggers.iter().find(|t| t.0 == ts).map_or(ts, |t| t.1);
            let each_other = s.cues_in(Cue::Reciprocal, s.span.0, s.span.1).any(|c| {
                (c.0 >= te && gap(text, te, c.0) <= 2) || (c.1 <= ts && gap(text, c.1, ts) == 0)
            });
            // (A verb-final clause reads the second of them as the object:
            // "Ermenistan ve Azerbaycan birbirini suçladı".)
            if (((event_type == EventType::Assault || swap) && target.is_none()) || each_other)
                && !group_after
            {
                if let Some((a, b)) = roles::coordinated_pair(s, text, ts) {
                    let theirs = |x: Option<usize>| x.is_none_or(|i| i == a || i == b);
                    // ("American and British interests had become targets":
                    // two names that qualify some other noun are no sides.)
                    let qualify_other = !each_other && {
                        let last = &s.actors[b];
                        let next = roles::next_word(text, last.end, s.span.1);
                        last.sector.is_none()
                            && roles::plain_word_at(s, text, next)
                            && !s.triggers.iter().any(|t| t.0 == next)
                    };
                    if code(a) != code(b) && theirs(source) && theirs(target) && !qualify_other {
                        source = Some(a);
                        target = Some(b);
                        reciprocal = true;
                    }
                }
            }
            // "fighting between X and Y" has no author: each side strikes
            // the other, as with two sides joined before the verb.
            if source.is_some()
                && target.is_some()
                && !mutual(event_type)
                && guesses
                    .iter()
                    .any(|(_, _, g)| g.sides && g.source == source && g.target == target)
            {
                reciprocal = true;
            }
            // "Kenyan police fired tear gas at protesters": a state's police
            // striking people it does not name strike its own civilians.
            let police_victims = |a: &sentence::ActorRef| {
                a.sector_in(lex) == "COP"
                    && s.cues_in(Cue::Victims, ts, s.span.1)
                        .any(|c| gap(text, ts, c.0) <= 4)
            };
            // So do its forces bombing or shelling a place of their own
            // country, killing people they do not name ("the junta bombed a
            // village in Sagaing region, killing 17 people"), when they are
            // the subject: a passive's victims ("… yapılan topçu atışı
            // sonucu 7 asker şehit oldu") wait for the article to name their
            // side, as do those of troops who "killed five people" (they may
            // have fought anyone). People told dead before the strike
            // ("31 people were killed when troops shelled the town") are
            // the same bystanders: civilians, whose passive is their death's.
            let killed_first = || {
                let killed = || s.cues_in(Cue::Killed, s.span.0, s.span.1);
                // (Every victim before it a bystander: "7 asker ile 1 sivil"
                // wait for their side.)
                killed().next().is_some_and(|k| {
                    let civilian = |v: &(usize, usize, Cue)| {
                        s.cues_in(Cue::Civilians, v.0, v.1)
                            .any(|c| (c.0, c.1) == (v.0, v.1))
                    };
                    s.cues_in(Cue::Victims, s.span.0, k.0).next().is_some()
                        && s.cues_in(Cue::Victims, s.span.0, k.0).all(civilian)
                }) && guesses
                    .iter()
                    .all(|(gts, _, g)| !g.passive || killed().any(|c| c.0 <= *gts && *gts < c.1))
            };
            let bombed_at_home = |a: &sentence::ActorRef| {
                guesses.iter().any(|(_, m, _)| {
                    matches!(m.as_deref(), Some("aerial" | "drone" | "heavy-weapons"))
                }) && (!guesses.iter().any(|(_, _, g)| g.passive)
                    && s.cues_in(Cue::Killed, ts, s.span.1).next().is_some()
                    && s.cues_in(Cue::Victims, ts, s.span.1).next().is_some()
                    || killed_first())
                    && s.places.iter().any(|p| {
                        self.state_of_place(p.2)
                            .is_some_and(|st| lex.actors[st].code == lex.actors[a.actor].code)
                    })
            };
            // (Police arresting people they do not name, likewise.)
            let own_people = matches!(event_type, EventType::Assault | EventType::Coerce)
                && target.is_none()
                && source.is_some_and(|src| {
                    let a = &s.actors[src];
                    lex.actors[a.actor].kind.as_deref() == Some("state")
                        && (police_victims(a)
                            || (event_type == EventType::Assault && bombed_at_home(a)))
                });
            if target.is_none()
                && !target_optional(event_type, mode.as_deref())
                && !pending_target
                && !own_people
            {
                continue;
            }
            // An assault whose victims are named but whose attacker is not
            // ("33 soldiers were killed in an air strike") waits for the
            // article to say who fights whom (see `implied_sources`).
            // So does one whose subject is the weapon ("air strikes killed
            // 34 Turkish soldiers"): counted victims, no attacker named.
            let victims_named = guesses
                .iter()
                .any(|(_, _, g)| g.passive && g.target.is_some() && g.target == target)
                || (counted
                    && target.is_some()
                    && guesses.iter().all(|(_, _, g)| g.source.is_none()));
            if source.is_none() && !(event_type == EventType::Assault && victims_named) {
                continue;
            }
            let close = source.is_some_and(|src| {
                s.actors[src].end <= ts && gap(text, s.actors[src].end, ts) <= 3
                    || s.actors[src].start >= ts
            });
            // "Turkish forces and Syrian rebels attacked government troops":
            // both joined subjects act (mutual acts already pair them).
            // (Also when the target is the article's other side, still to
            // come: "The EU and France condemned the offensive".)
            let co_source = (!pairing
                && (complete.is_some() || target.is_none() && pending_target))
                .then(|| roles::coordinated_pair(s, text, ts))
                .flatten()
                .filter(|&(a, b)| {
                    Some(b) == source
                        && gap(text, s.actors[b].end, ts) <= 3
                        && Some(a) != target
                        && code(a) != code(b)
                        && target.is_none_or(|t| !same_side(a, t))
                })
                .map(|(a, b)| {
                    // "Spain, Ireland and Norway recognised …": every one
                    // of a longer list.
                    let group = roles::coordinated_group(s, text, ts);
                    match group.len() > 2 {
                        true => group
                            .into_iter()
                            .filter(|&x| {
                                x != b
                                    && Some(x) != target
                                    && code(x) != code(b)
                                    && target.is_none_or(|t| !same_side(x, t))
                            })
                            .collect(),
                        false => vec![a],
                    }
                })
                .unwrap_or_default();
            // "called on Ethiopia and Eritrea to …", "sanctions on X and Y":
            // joined objects are each a target.
            let co_target = target
                .filter(|&t| !mutual(event_type) && s.actors[t].start > ts)
                .and_then(|t| {
                    let (b, after) =
                        roles::candidates(s).find(|(_, a)| a.start >= s.actors[t].end)?;
                    let joined = s
                        .cues_in(Cue::Conjunction, s.actors[t].end, after.start)
                        .next()
                        .is_some()
                        || roles::one_pair(s, &s.actors[t], after);
                    // ("fought government troops Thursday and Russian
                    // warplanes struck back": an actor with a verb of its own
                    // right after it begins a clause, it is no object.)
                    let subject = s
                        .triggers
                        .iter()
                        .any(|tr| tr.0 >= after.end && gap(text, after.end, tr.0) == 0);
                    (joined
                        && !subject
                        && gap(text, s.actors[t].end, after.start) <= 2
                        && after.place == s.actors[t].place
                        && code(b) != code(t)
                        && source.is_none_or(|src| code(b) != code(src) && !same_side(b, src)))
                    .then_some(b)
                });
            let pairs = std::iter::once((source, target))
                .chain(co_source.iter().map(|&a| (Some(a), target)))
                .chain(co_target.map(|b| (source, Some(b))))
                // "Egypt, Qatar and the US called on Israel and Hamas to …":
                // every joined subject acts on every joined object.
                .chain(
                    co_source
                        .iter()
                        .flat_map(|&a| co_target.map(|b| (Some(a), Some(b))))
                        .filter(|&(a, b)| a.zip(b).is_some_and(|(a, b)| code(a) != code(b))),
                )
                .chain(reciprocal.then_some((target, source)))
                .chain(
                    group_pairs
                        .iter()
                        .filter(|&&(a, b)| code(a) != code(b))
                        .map(|&(a, b)| (Some(a), Some(b))),
                );
            for (src, target) in pairs {
                tracing::trace!(
                    ?event_type,
                    source = src.map(|i| &text[s.actors[i].start..s.actors[i].end]),
                    target = target.map(|i| &text[s.actors[i].start..s.actors[i].end]),
                    pending_target,
                    "event found"
                );
                found.push(Found {
                    event_type,
                    mode: mode.clone(),
                    source: src,
                    target,
                    close,
                    pending_target: target.is_none() && pending_target && !own_people,
                    own_people,
                    weight: weights.get(&pos).copied().unwrap_or(1.0),
                    ts,
                });
            }
        }
        self.obligations(s, text, &mut found);
        found
    }

    /// "Britain reiterated that Libya must hand over the suspects", "China
    /// should withdraw, Manila said": a speaker saying another party must
    /// or should act demands it (PLOVER REQUEST), whatever the act.
    fn obligations(&self, s: &Sentence, text: &str, found: &mut Vec<Found>) {
        let lex = &*self.lexicon;
        let code = |i: usize| lex.actors[s.actors[i].actor].code.as_str();
        let party = |a: &sentence::ActorRef| !a.modifier && !a.place;
        for &(os, oe, _) in s.cues_in(Cue::Obligation, s.span.0, s.span.1) {
            let Some(obliged) = s
                .actors
                .iter()
                .rposition(|a| a.end <= os && !a.modifier && gap(text, a.end, os) <= 1)
            else {
                continue;
            };
            let from = s.actors[obliged].start;
            let speaker = s
                .cues_in(Cue::Reporting, s.span.0, s.span.1)
                .find_map(|&(rs, re, _)| {
                    if re <= from {
                        // "Britain on Tuesday reiterated that …"
                        s.actors
                            .iter()
                            .rposition(|a| party(a) && a.end <= rs && gap(text, a.end, rs) <= 3)
                    } else if rs >= oe {
                        // "…, Manila said" / "…, said Manila"
                        s.actors
                            .iter()
                            .position(|a| party(a) && a.start >= re && gap(text, re, a.start) <= 1)
                            .or_else(|| {
                                s.actors.iter().rposition(|a| {
                                    party(a)
                                        && a.start >= oe
                                        && a.end <= rs
                                        && gap(text, a.end, rs) <= 1
                                })
                            })
                    } else {
                        None
                    }
                });
            let Some(source) = speaker.filter(|&a| code(a) != code(obliged)) else {
                continue;
            };
            if found
                .iter()
                .any(|f| f.event_type == EventType::Request && f.target == Some(obliged))
            {
                continue;
            }
            tracing::trace!(
                source = &text[s.actors[source].start..s.actors[source].end],
                target = &text[s.actors[obliged].start..s.actors[obliged].end],
                "obligation found"
            );
            found.push(Found {
                event_type: EventType::Request,
                mode: None,
                source: Some(source),
                target: Some(obliged),
                close: false,
                pending_target: false,
                own_people: false,
                weight: 1.0,
                ts: os,
            });
        }
    }
}

/// Completes assaults that name one side only — victims without attacker
/// ("33 soldiers were killed in an air strike") or attacker with uncounted
/// nationless victims ("drones killed 26 soldiers") — with the actor that
/// side fights most in the rest of the article (news of a dyadic conflict
/// names the other side elsewhere). Unresolved ones are dropped.
/// How far below the publishing threshold a mention may be and still add
/// detail to a stronger one.
const WEAK_FLOOR: f64 = 0.5;

/// "It said more than 50 Syrian soldiers were killed in retaliation": a
/// mention too weak to stand alone (only those with a toll are built) is
/// no event of its own, but where a confident one of the same article
/// tells the same act (type, parties, day, a toll that fits) it completes
/// that one with its toll or place.
fn corroborating(mentions: &mut Vec<Mention>, min: f64) {
    if mentions.iter().all(|m| m.confidence >= min) {
        return;
    }
    let (weak, strong): (Vec<Mention>, Vec<Mention>) = std::mem::take(mentions)
        .into_iter()
        .partition(|m| m.confidence < min);
    *mentions = strong;
    for w in weak.iter().filter(|w| !w.source.code.is_empty()) {
        let twin = mentions.iter_mut().find(|m| {
            m.event_type == w.event_type
                && m.source.code == w.source.code
                && m.target.as_ref().map(|t| &t.code) == w.target.as_ref().map(|t| &t.code)
                && (m.date - w.date).num_days().abs() <= 1
                && crate::dedup::tolls_compatible(m.fatalities.killed, w.fatalities.killed)
        });
        if let Some(m) = twin {
            m.fatalities.killed = m.fatalities.killed.max(w.fatalities.killed);
            m.fatalities.wounded = m.fatalities.wounded.max(w.fatalities.wounded);
            if m.location.is_none() {
                m.location = w.location.clone();
            }
        }
    }
}

/// "Ukraine accused Russia of shelling the plant. Moscow denied the
/// accusations.": a rejection that names no one answers the last demand,
/// accusation or threat aimed at its source in the two sentences before
/// (`from[i]`: the sentence mention `i` was read in).
fn rejections_answer(mentions: &mut [Mention], from: &[usize]) {
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.event_type != EventType::Reject || m.target.is_some() || m.source.code.is_empty() {
            continue;
        }
        let asker = (0..i).rev().find_map(|j| {
            let a = &mentions[j];
            (from[i].saturating_sub(from[j]) <= 2
                && matches!(
                    a.event_type,
                    EventType::Accuse | EventType::Request | EventType::Threaten
                )
                && !a.source.code.is_empty()
                && a.source.code != m.source.code
                && a.target.as_ref().is_some_and(|t| t.code == m.source.code))
            .then(|| a.source.clone())
        });
        if asker.is_some() {
            mentions[i].target = asker;
        }
    }
}

/// Fills the side a mention left to the article ("33 soldiers were killed
/// in an air strike"): the foe its named party fights elsewhere in the
/// article, else (for an attack) `settings[i]`, the state where mention `i`
/// struck; drops the mention when neither is known.
fn implied_sources(mentions: &mut Vec<Mention>, settings: &[Option<Actor>], min: f64) {
    debug_assert_eq!(mentions.len(), settings.len(), "one setting per mention");
    // (Only mentions confident enough to stand alone say who fights whom.)
    let mut pairs: BTreeMap<(String, String), (usize, Actor)> = BTreeMap::new();
    for m in mentions
        .iter()
        .filter(|m| !m.source.code.is_empty() && m.confidence >= min)
    {
        let Some(t) = m.target.as_ref().filter(|t| !t.code.is_empty()) else {
            continue;
        };
        // Only fighting says who the other side is: allies argue, talk,
        // protest and sanction each other too.
        if !matches!(
            m.event_type,
            EventType::Assault | EventType::Coerce | EventType::Mobilize
        ) {
            continue;
        }
        let weight = 1;
        for (a, b) in [(&m.source, t), (t, &m.source)] {
            let e = pairs
                .entry((a.code.clone(), b.code.clone()))
                .or_insert((0, b.clone()));
            e.0 += weight;
        }
    }
    let foe_of = |side: &str| {
        pairs
            .iter()
            .filter(|((a, b), _)| a == side && b != side)
            .max_by_key(|(_, (n, _))| *n)
            .map(|(_, (_, actor))| actor.clone())
    };
    // Who strikes most in the article: the one an accusation of "the
    // attack" aims at when its speaker fights no one here.
    let mut strikes: BTreeMap<String, (usize, Actor)> = BTreeMap::new();
    for m in mentions.iter().filter(|m| {
        m.event_type == EventType::Assault
            && m.confidence >= min
            && !m.source.code.is_empty()
            && m.target.as_ref().is_some_and(|t| !t.code.is_empty())
    }) {
        strikes
            .entry(m.source.code.clone())
            .or_insert((0, m.source.clone()))
            .0 += 1;
    }
    let attacker = strikes
        .into_values()
        .max_by_key(|(n, _)| *n)
        .map(|(_, a)| a);
    // Per party: the last one the article says acted against it (struck,
    // coerced, sanctioned, expelled; `hostile_act`): "Poland expelled two
    // Russian diplomats. Moscow vowed to retaliate" threatens Poland.
    let mut acted_against: BTreeMap<String, Actor> = BTreeMap::new();
    for m in mentions
        .iter()
        .filter(|m| hostile_act(m.event_type) && m.confidence >= min && !m.source.code.is_empty())
    {
        if let Some(t) = m.target.as_ref().filter(|t| !t.code.is_empty()) {
            if t.code != m.source.code {
                acted_against.insert(t.code.clone(), m.source.clone());
            }
        }
    }
    let mut settings = settings.iter();
    mentions.retain_mut(|m| {
        let setting = settings.next().cloned().flatten();
        let unnamed_target = m.target.as_ref().is_some_and(|t| t.code.is_empty());
        if m.source.code.is_empty() {
            let Some(victim) = m.target.as_ref().map(|t| t.code.clone()) else {
                return false;
            };
            match foe_of(&victim) {
                Some(f) => m.source = f,
                None => return false,
            }
        } else if unnamed_target {
            let attacker = || {
                (m.event_type == EventType::Accuse)
                    .then(|| attacker.clone())
                    .flatten()
                    .filter(|a| a.code != m.source.code)
            };
            let answered = || {
                (m.event_type == EventType::Threaten)
                    .then(|| acted_against.get(&m.source.code).cloned())
                    .flatten()
            };
            match foe_of(&m.source.code)
                .or_else(answered)
                .or_else(attacker)
                .or(setting)
            {
                Some(f) => m.target = Some(f),
                None => return false,
            }
        }
        true
    });
}

/// "fired tear gas at protesters demanding the president's resignation":
/// a participle right after a group no actor names (people counted or
/// struck, protesters) is that group's act, not the clause subject's.
fn reduced_relative(s: &Sentence, text: &str, lex: &Lexicon, ts: usize, grammar: &Grammar) -> bool {
    let word = roles::first_word(&text[ts..s.span.1]);
    if !grammar.progressive(word) || s.cues.iter().any(|c| c.0 == ts && c.2 == Cue::Killed) {
        return false;
    }
    let group_end = s
        .cues
        .iter()
        .filter(|c| c.2 == Cue::Victims)
        .map(|c| c.1)
        .chain(
            s.triggers
                .iter()
                .filter(|t| lex.triggers[t.2].event_type == EventType::Protest)
                .map(|t| t.1),
        )
        .find(|&e| e <= ts && gap(text, e, ts) == 0 && !text[e..ts].contains(','));
    group_end.is_some_and(|e| !s.actors.iter().any(|a| a.end == e))
}

/// Whether `a` is named right after a location word ("in Syria", "outside
/// the Russian embassy"), an article allowed between.
fn after_location(s: &Sentence, text: &str, a: &sentence::ActorRef, articles: &[String]) -> bool {
    s.cues_in(Cue::Location, s.span.0, a.start)
        .any(|&(_, e, _)| roles::right_after(text, e, a.start, articles))
}

/// The last day of `d`'s month.
fn month_end(d: chrono::NaiveDate) -> chrono::NaiveDate {
    use chrono::Datelike;
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    chrono::NaiveDate::from_ymd_opt(y, m, 1).map_or(d, |first| first - Duration::days(1))
}

/// Two sectors of one country that can be each other's counterpart:
/// rebels, opposition parties, courts, parliaments, police, civilians, the
/// press and former office-holders against anyone else in it (not
/// government against its own army).
fn domestic_sides(a: &str, b: &str) -> bool {
    const APART: [&str; 8] = ["REB", "PTY", "JUD", "LEG", "COP", "CVL", "ELI", "MED"];
    a != b && (APART.contains(&a) || APART.contains(&b))
}

/// "Putin addressed the nation. He vowed retaliation …": a subject pronoun
/// before a sentence's first act, with no party named before that act,
/// stands for the subject of the sentence before (the first party it names
/// that can take a role); "he"/"she" only for a person.
///
/// "The army" with no other state's forces named before it in the whole
/// article is the army of `army_host`, the state the article is set in
/// ("Drone strikes by the army hit RSF positions near Nyala").
fn resolve_pronouns(
    lex: &Lexicon,
    text: &str,
    sentences: &mut [Sentence],
    articles: &[String],
    army_host: impl Fn() -> Option<usize>,
) {
    let army_host = {
        let state = std::cell::OnceCell::new();
        move || *state.get_or_init(&army_host)
    };
    let mut last: Option<sentence::ActorRef> = None;
    // Per sector (MIL, REB): the party last named acting in it, and the
    // sentence it was named in.
    let mut named: Vec<Named> = Vec::new();
    // The people named so far, and the sentence each was named in.
    let mut people: Vec<(sentence::ActorRef, usize)> = Vec::new();
    // The two parties of the last sentence that named two, and its place.
    let mut pair: Option<(sentence::ActorRef, sentence::ActorRef, usize)> = None;
    // Whether the article has named another state's forces than the host's so far.
    let mut ever_named_forces = false;
    for (idx, s) in sentences.iter_mut().enumerate() {
        if let Some((a, b, _)) = pair.as_ref().filter(|p| idx - p.2 <= ANTECEDENT_SENTENCES) {
            pair_references(lex, text, s, (a, b), articles);
        }
        if s.cues.iter().any(|c| {
            matches!(
                c.2,
                Cue::ForcesBefore | Cue::GroupBefore | Cue::PersonBefore
            )
        }) {
            let army = (!ever_named_forces)
                .then(&army_host)
                .flatten()
                .map(|actor| sentence::ActorRef {
                    start: 0,
                    end: 0,
                    actor,
                    sector: Some("MIL".into()),
                    modifier: false,
                    place: false,
                    unnamed: false,
                });
            back_references(
                lex,
                text,
                s,
                idx,
                (&named, &people),
                articles,
                army.as_ref(),
            );
        }
        for a in s.actors.iter().filter(|a| !a.place && !a.modifier) {
            let def = &lex.actors[a.actor];
            if def.kind.as_deref() == Some("person") {
                people.push((a.clone(), idx));
                continue;
            }
            let state = def.kind.as_deref() == Some("state");
            let sector = match a.sector_in(lex) {
                "MIL" if state => "MIL",
                "REB" if !state && def.sector == "REB" => "REB",
                _ => continue,
            };
            ever_named_forces |=
                sector == "MIL" && army_host().is_none_or(|h| lex.actors[h].code != def.code);
            named.retain(|n| n.0 != sector);
            named.push((sector, a.clone(), idx));
        }
        if let (Some(first), Some(prev)) = (s.triggers.first().copied(), &last) {
            let named_before = s.actors.iter().any(|a| a.end <= first.0 && !a.place);
            let person = lex.actors[prev.actor].kind.as_deref() == Some("person");
            let pronoun = s.cues.iter().find(|c| {
                let fits = match c.2 {
                    Cue::PersonPronoun => person,
                    Cue::GroupPronoun => true,
                    _ => false,
                };
                fits && c.1 <= first.0 && gap(text, c.1, first.0) <= 3
            });
            if let (false, Some(&(ps, pe, _))) = (named_before, pronoun) {
                let at = s.actors.partition_point(|a| a.start < ps);
                s.actors.insert(
                    at,
                    sentence::ActorRef {
                        start: ps,
                        end: pe,
                        ..prev.clone()
                    },
                );
                s.eligible = roles::eligible(s, text, articles);
            }
        }
        let subject = roles::candidates(s)
            .find(|(_, a)| !a.place)
            .map(|(_, a)| a.clone());
        if subject.is_some() {
            last = subject;
        }
        let mut parties: Vec<&sentence::ActorRef> = Vec::new();
        for a in s.actors.iter().filter(|a| !a.place && !a.modifier) {
            let def = &lex.actors[a.actor];
            let party = matches!(
                def.kind.as_deref(),
                Some("state" | "group" | "person" | "body")
            );
            if party && !parties.iter().any(|p| lex.actors[p.actor].code == def.code) {
                parties.push(a);
            }
        }
        match parties.as_slice() {
            [a, b] => pair = Some(((*a).clone(), (*b).clone(), idx)),
            [_, _, _, ..] => pair = None,
            _ => {}
        }
    }
}

/// "Sudan's army and the RSF fought on. … The two sides agreed to a truce":
/// a pair phrase (grammar key `pair_named_before`) stands for the two
/// parties of the nearest sentence before that named exactly two, within
/// [`ANTECEDENT_SENTENCES`]. Its words are split in two actors, read as
/// joined ("X and Y"); a sentence that names either party itself is left
/// alone.
fn pair_references(
    lex: &Lexicon,
    text: &str,
    s: &mut Sentence,
    (a, b): (&sentence::ActorRef, &sentence::ActorRef),
    articles: &[String],
) {
    let code = |x: &sentence::ActorRef| lex.actors[x.actor].code.as_str();
    let refs: Vec<(usize, usize)> = s
        .cues_in(Cue::PairBefore, s.span.0, s.span.1)
        .map(|c| (c.0, c.1))
        .collect();
    let mut added = false;
    for (start, end) in refs {
        let Some(mid) = text[start..end].rfind(' ').map(|k| start + k) else {
            continue;
        };
        if s.actors.iter().any(|x| {
            (x.start < end && start < x.end)
                || (!x.place && (code(x) == code(a) || code(x) == code(b)))
        }) {
            continue;
        }
        let at = s.actors.partition_point(|x| x.start < start);
        let halves = [(a, start, mid), (b, mid + 1, end)];
        for (k, (party, from, to)) in halves.into_iter().enumerate() {
            s.actors.insert(
                at + k,
                sentence::ActorRef {
                    start: from,
                    end: to,
                    ..party.clone()
                },
            );
        }
        added = true;
    }
    if added {
        s.eligible = roles::eligible(s, text, articles);
    }
}

/// A party last named acting in a sector ("MIL", "REB"), and the sentence
/// it was named in.
type Named<'a> = (&'a str, sentence::ActorRef, usize);

/// Sentences back that "the army" or "the group" still points to the party
/// last named: further back, a new paragraph may be about another side.
const ANTECEDENT_SENTENCES: usize = 3;

/// "Sudan's army shelled RSF positions. … The army accused the RSF of
/// looting": a definite "the army", "the military", "the group" (grammar
/// keys `forces_named_before`, `group_named_before`) is the
/// party of its sector (a state's forces; a named armed group) the article
/// named last, within [`ANTECEDENT_SENTENCES`]. Only as a noun phrase of
/// its own — before its act, a cue, punctuation or "'s" — not as a noun's
/// modifier ("condemned the military operation"); unresolved, it is no one.
/// A title alone ("the defence minister", grammar key `person_named_before`)
/// is likewise the person named last, when the people named in those
/// sentences are all of one state (after "Putin met Erdogan", "the
/// president" is either).
fn back_references(
    lex: &Lexicon,
    text: &str,
    s: &mut Sentence,
    idx: usize,
    (named, people): (&[Named], &[(sentence::ActorRef, usize)]),
    articles: &[String],
    army: Option<&sentence::ActorRef>,
) {
    let mut added = false;
    let refs: Vec<(usize, usize, Option<&str>)> = s
        .cues
        .iter()
        .filter_map(|&(start, end, c)| match c {
            Cue::ForcesBefore => Some((start, end, Some("MIL"))),
            Cue::GroupBefore => Some((start, end, Some("REB"))),
            // (A person: no sector of its own.)
            Cue::PersonBefore => Some((start, end, None)),
            _ => None,
        })
        .collect();
    for (start, end, sector) in refs {
        let rest = &text[end..s.span.1];
        let next = end + (rest.len() - rest.trim_start().len());
        // (An act word after it is its verb, unless an act word stands
        // right before it too: "condemned the military operation".)
        let object = s
            .triggers
            .iter()
            .any(|t| t.1 <= start && gap(text, t.1, start) == 0);
        // ("The army has accused …": one word, an auxiliary, may stand
        // between it and its verb.)
        let next_word = text[next..s.span.1]
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let alone = rest.starts_with([',', '.', ';', ':', ')', '\''])
            || rest.starts_with('’')
            || lex.function_words().contains(next_word)
            || (!object
                && s.triggers
                    .iter()
                    .any(|t| t.0 >= next && gap(text, end, t.0) <= 1))
            || s.cues.iter().any(|c| c.0 == next);
        let prior = match sector {
            None => {
                let recent = people.iter().filter(|p| idx - p.1 <= ANTECEDENT_SENTENCES);
                let last = recent.clone().next_back().map(|p| &p.0);
                last.filter(|l| {
                    let code = &lex.actors[l.actor].code;
                    recent.clone().all(|p| &lex.actors[p.0.actor].code == code)
                })
            }
            Some(sector) => named
                .iter()
                .find(|n| n.0 == sector && idx - n.2 <= ANTECEDENT_SENTENCES)
                .map(|n| &n.1)
                .or(army.filter(|_| sector == "MIL")),
        };
        let Some(prior) = prior.filter(|_| alone) else {
            continue;
        };
        // (Named in the sentence already, it adds no party, only a chance
        // to set one against itself; a person is one speaker among their
        // state's other mentions.)
        // (An army fights at home too: a place of its own state in the
        // sentence is where, not a party.)
        let code = &lex.actors[prior.actor].code;
        if s.actors.iter().any(|a| {
            (a.start < end && start < a.end)
                || (sector.is_some() && !a.place && &lex.actors[a.actor].code == code)
        }) {
            continue;
        }
        let at = s.actors.partition_point(|a| a.start < start);
        s.actors.insert(
            at,
            sentence::ActorRef {
                start,
                end,
                sector: sector.map_or_else(|| prior.sector.clone(), |x| Some(x.to_string())),
                ..prior.clone()
            },
        );
        added = true;
    }
    if added {
        s.eligible = roles::eligible(s, text, articles);
    }
}

/// "un ataque del ELN", "les frappes de l'armée israélienne": an armed
/// party right after a noun trigger and its "of" is the act's agent (the
/// way "an attack by" marks one), and a party the roles took for the source
/// ("cinco soldados colombianos murieron en …") is its target. A plain state
/// there is left alone: "la invasión de Ucrania" is suffered, not done.
fn noun_agent(
    s: &Sentence,
    text: &str,
    te: usize,
    grammar: &Grammar,
    lex: &Lexicon,
    g: &mut roles::RoleGuess,
) {
    let rest = text[te..s.span.1].trim_start();
    let Some(after) = grammar.noun_agent_markers.iter().find_map(|m| {
        let r = rest.strip_prefix(m.as_str())?;
        r.starts_with([' ', '\'']).then(|| s.span.1 - r.len())
    }) else {
        return;
    };
    let armed = |i: usize| {
        let a = &s.actors[i];
        !a.place
            && !a.modifier
            && (a.sector.is_some() || lex.actors[a.actor].sector.as_str() != "GOV")
    };
    let Some(agent) = s
        .actors
        .iter()
        .position(|a| a.start >= after && a.start <= after + 3)
        .filter(|&i| armed(i))
    else {
        return;
    };
    if g.source == Some(agent) {
        return;
    }
    if g.target == Some(agent) || g.target.is_none() {
        // The party the agent's act is aimed at ("… de l'armée israélienne
        // sur le Liban") when no one stood before the noun.
        let end = s.actors[agent].end;
        let aimed = || {
            s.actors.iter().position(|a| {
                a.start >= end
                    && gap(text, end, a.start) <= 3
                    && s.cues_in(Cue::TargetMarker, end, a.start).next().is_some()
            })
        };
        g.target = g.source.or_else(aimed);
    }
    g.source = Some(agent);
}

/// "Finland will give Tanzania a grant", "Iran sent Russia drones": the
/// party right after a verb of giving receives the aid named after it, and
/// the giver stands before the verb.
fn double_object(s: &Sentence, text: &str, ts: usize, g: &mut roles::RoleGuess) {
    let Some(src) = g.source.filter(|&i| s.actors[i].end <= ts) else {
        return;
    };
    let recipient = &s.actors[src];
    let Some(give) = s
        .cues_in(Cue::Giving, s.span.0, recipient.start)
        .filter(|c| gap(text, c.1, recipient.start) == 0)
        .last()
    else {
        return;
    };
    let giver = roles::candidates_from_end(s)
        .find(|(_, a)| a.end <= give.0 && !a.place && gap(text, a.end, give.0) <= 4)
        .map(|(i, _)| i);
    if g.target.is_none() {
        g.target = Some(src);
    }
    g.source = giver.filter(|&i| Some(i) != g.target);
}

/// The party a speech act's complement is about: the first actor named
/// after the complement's own verb (another trigger or an infinitive) in
/// the speech act's clause (no comma or semicolon between, at most sixteen
/// words on) that is not the source's side. What the speech verb's own
/// object names is its topic ("dismissed claims of Syrian fighters there").
/// For a refusal a place counts too ("refused to deploy troops in Iraq"); a
/// demand or a pledge is aimed at whom it asks or promises, not where
/// ("urged its allies to send support to Idlib").
fn complement_target(
    s: &Sentence,
    text: &str,
    te: usize,
    source: Option<usize>,
    places: bool,
) -> Option<usize> {
    // "… and Akar said that …": a new speaker opens a new clause.
    let new_speaker = s
        .cues_in(Cue::Conjunction, te, s.span.1)
        .find(|c| {
            s.actors.iter().any(|a| {
                gap(text, c.1, a.start) == 0
                    && (s
                        .cues_in(Cue::Reporting, a.end, s.span.1)
                        .any(|r| gap(text, a.end, r.0) <= 1)
                        || s.triggers
                            .iter()
                            .any(|t| t.0 >= a.end && gap(text, a.end, t.0) <= 1))
            })
        })
        .map_or(s.span.1, |c| c.0);
    let clause_end = text[te..s.span.1]
        .find([',', ';', ':'])
        .map_or(s.span.1, |i| te + i)
        .min(new_speaker);
    let verb_between = |at: usize| {
        s.triggers.iter().any(|t| t.0 >= te && t.1 <= at)
            || s.cues_in(Cue::Infinitive, te, at).next().is_some()
    };
    let side = |i: usize| &s.actors[i];
    (0..s.actors.len())
        .filter(|&i| {
            let a = side(i);
            a.start >= te && a.end <= clause_end && gap(text, te, a.start) <= 16 && !a.modifier
        })
        .find(|&i| {
            let a = side(i);
            let placed = a.place || !s.eligible.get(i).copied().unwrap_or(false);
            verb_between(a.start)
                && (!placed || places)
                && source.is_none_or(|src| side(src).actor != a.actor)
        })
}

/// A trigger's position, mode and roles.
type Guess = (usize, Option<String>, roles::RoleGuess);

/// Speech acts whose complement is a proposition, not a second event.
fn speech_act(t: EventType) -> bool {
    matches!(
        t,
        EventType::Accuse
            | EventType::Threaten
            | EventType::Request
            | EventType::Reject
            | EventType::Agree
            | EventType::Concede
    )
}

/// "held talks on Monday on disengagement along the border", "negotiations
/// over a ceasefire": an act named after a meeting and a topic marker
/// (grammar key `topic_markers`, an article allowed between) is what the
/// meeting is about, not an act of its own.
fn topic_of_talks(lex: &Lexicon, s: &Sentence, text: &str, ts: usize, grammar: &Grammar) -> bool {
    // (The meeting first: most sentences have none, and the words before
    // the trigger need not be read then.)
    let meeting = s.triggers.iter().any(|t| {
        lex.triggers[t.2].event_type == EventType::Consult
            && t.1 <= ts
            && gap(text, t.1, ts) <= 8
            && !clause_break(text, t.1, ts, false)
            && !s
                .triggers
                .iter()
                .any(|u| u.0 >= t.1 && u.1 <= ts && u.0 < ts)
    });
    if !meeting {
        return false;
    }
    let before = text[s.span.0..ts].trim_end();
    let before = grammar
        .articles
        .iter()
        .find_map(|a| {
            before
                .strip_suffix(a.as_str())
                .filter(|b| b.ends_with(' '))
                .map(str::trim_end)
        })
        .unwrap_or(before);
    grammar.topic_markers.iter().any(|m| {
        before
            .strip_suffix(m.as_str())
            .is_some_and(|b| b.ends_with(' '))
    })
}

/// A cooperative act stopped ("suspended military aid") is a sanction; a
/// coercive one lifted ("lifted the curfew") a concession (curfews,
/// emergencies) or a retreat (blockades, sanctions). The stopping verb
/// stands at most three words before the trigger, with no other trigger
/// between.
fn turned(
    s: &Sentence,
    text: &str,
    ts: usize,
    t: EventType,
    mode: Option<&str>,
) -> Option<(EventType, Option<String>)> {
    let near = |cue: Cue| {
        s.cues_in(cue, s.span.0, ts)
            .any(|c| gap(text, c.1, ts) <= 3 && !s.triggers.iter().any(|x| x.0 >= c.1 && x.1 <= ts))
    };
    match t {
        EventType::Aid
        | EventType::Cooperate
        | EventType::Consult
        | EventType::Support
        | EventType::Agree
            if near(Cue::Discontinue) =>
        {
            Some((EventType::Sanction, Some("discontinue".to_string())))
        }
        EventType::Coerce if near(Cue::Ease) && matches!(mode, Some("curfew" | "martial-law")) => {
            Some((EventType::Concede, None))
        }
        EventType::Coerce | EventType::Sanction if near(Cue::Ease) => {
            Some((EventType::Retreat, None))
        }
        _ => None,
    }
}

/// Deeds rather than words: what can be done to a place.
fn material(t: EventType) -> bool {
    // Protesters rally somewhere; where is not whom.
    t != EventType::Protest
        && matches!(
            t.quad_class(),
            crate::model::QuadClass::MaterialConflict
                | crate::model::QuadClass::MaterialCooperation
        )
}

/// Acts that, stated as modal or conditional, are threats.
fn hostile_act(t: EventType) -> bool {
    matches!(
        t,
        EventType::Assault | EventType::Coerce | EventType::Sanction | EventType::Mobilize
    )
}

/// "struck Gaza in a bid to kill its commanders": a purpose phrase after
/// another act, before this trigger, makes this act that act's aim. So
/// does a bare "to" a few words after a material act ("opened fire to
/// disperse the crowd"); after a speech act ("called on X to stop") the
/// infinitive is what was said, not an aim.
fn purpose_of_act(lex: &Lexicon, s: &Sentence, text: &str, ts: usize) -> bool {
    s.cues_in(Cue::Purpose, s.span.0, ts)
        .any(|c| s.triggers.iter().any(|o| o.1 <= c.0))
        || s.cues_in(Cue::Infinitive, s.span.0, ts)
            .filter(|c| gap(text, c.1, ts) == 0)
            .any(|c| {
                s.triggers.iter().any(|o| {
                    o.1 <= c.0
                        && gap(text, o.1, c.0) <= 4
                        && !clause_break(text, o.1, c.0, false)
                        && lex.triggers[o.2].event_type.quad_class()
                            == crate::model::QuadClass::MaterialConflict
                })
            })
}

/// "Talks between the two sides are set to take place on Thursday", "The
/// meeting will be held in Doha": an act named as the subject that opens
/// its sentence, whose own verb is a plan, has not happened.
fn planned_subject(s: &Sentence, text: &str, ts: usize, te: usize, grammar: &Grammar) -> bool {
    // (Nothing before it but an article: "Malaysia rejected the plan"
    // is no planned act.)
    roles::right_after(text, s.span.0, ts, &grammar.articles)
        && !s.triggers.iter().any(|t| t.0 < ts)
        && s.cues_in(Cue::Modality, te, s.span.1).any(|c| {
            !hedge(s, c)
                && gap(text, te, c.0) <= 10
                && !clause_break(text, te, c.0, false)
                && !s.triggers.iter().any(|t| t.0 >= te && t.1 <= c.0)
                && s.cues_in(Cue::Relative, te, c.0).next().is_none()
        })
}

/// "Thousands of Armenians", "hundreds of Serbs": a state's name counted is
/// its people, not its government.
fn counted_crowd(s: &Sentence, text: &str, lex: &Lexicon, a: &sentence::ActorRef) -> bool {
    a.sector.is_none()
        && lex.actors[a.actor].kind.as_deref() == Some("state")
        && s.numbers
            .iter()
            .any(|n| n.end <= a.start && gap(text, n.end, a.start) <= 1)
}

/// How many sentences back a toll that names "the strike" may reach.
const TOLL_REACH: usize = 6;

/// "At least four other people": a count followed by a word that sets its
/// victims beside those named before.
fn others_counted(s: &Sentence, text: &str, grammar: &Grammar) -> bool {
    s.numbers.iter().any(|n| {
        let rest = text[n.end..s.span.1].trim_start();
        grammar.toll_others.iter().any(|o| {
            rest.strip_prefix(o.as_str())
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', ',', '.']))
        })
    })
}

/// "were killed in the strike": a count that names, after its verb, the
/// attack it counts for with an article.
fn names_the_strike(s: &Sentence, text: &str, lex: &Lexicon, grammar: &Grammar) -> bool {
    s.triggers.iter().any(|&(ts, _, t)| {
        lex.triggers[t].event_type == EventType::Assault
            && s.cues_in(Cue::Killed, s.span.0, ts)
                .chain(s.cues_in(Cue::Wounded, s.span.0, ts))
                .next()
                .is_some()
            && grammar.articles.iter().any(|a| {
                text[s.span.0..ts]
                    .trim_end()
                    .strip_suffix(a.as_str())
                    .is_some_and(|r| r.ends_with(' '))
            })
    })
}

/// Acts that, promised, are pledges (AGREE).
fn cooperative_act(t: EventType) -> bool {
    matches!(
        t,
        EventType::Support
            | EventType::Aid
            | EventType::Cooperate
            | EventType::Retreat
            | EventType::Concede
            | EventType::Consult
    )
}

/// Whether a trigger is asserted, negated or only possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Factuality {
    Asserted,
    Negated,
    Modal,
    /// Promised or intended by its source: "will withdraw", "ready to help".
    Committed,
    /// Inside an "if" or "unless" clause: neither done, nor threatened,
    /// nor promised by anyone.
    Conditional,
}

/// One event found in a sentence, before it becomes a [`Mention`].
struct Found {
    event_type: EventType,
    mode: Option<String>,
    source: Option<usize>,
    target: Option<usize>,
    /// The source stands right by its trigger.
    close: bool,
    /// The target is the article's other side (see `implied_sources`).
    pending_target: bool,
    /// The target is the source state's own civilians (police striking
    /// people they do not name).
    own_people: bool,
    /// The strongest trigger's confidence factor.
    weight: f64,
    /// Where its trigger stands (folded offset).
    ts: usize,
}

/// Whether the one-word trigger at `ts..te` is a participle right after an
/// article and before a word ("the besieged town", "the occupied
/// territories").
fn adjectival(text: &str, ts: usize, te: usize, grammar: &Grammar) -> bool {
    let word = &text[ts..te];
    if word.contains(' ') || !grammar.participle(word) {
        return false;
    }
    let before = text[..ts].trim_ascii_end();
    let article = before
        .rsplit(' ')
        .next()
        .is_some_and(|w| grammar.articles.iter().any(|a| a == w));
    article
        && text[te..]
            .strip_prefix(' ')
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphanumeric)
}

/// Whether the trigger at `ts` is asserted: no negation or modal cue
/// between its source (or four words before it) and it.
/// "to negotiate a peace treaty": the verb right after an infinitive marker
/// (ending at `marker_end`) governs a trigger at `ts` at most two words on.
fn infinitive_governs(s: &Sentence, text: &str, marker_end: usize, ts: usize) -> bool {
    s.triggers.iter().any(|t| {
        t.0 >= marker_end && gap(text, marker_end, t.0) == 0 && t.1 <= ts && gap(text, t.1, ts) <= 2
    })
}

/// "presuntamente", "якобы", "diduga", "allegedly": a modal word its
/// grammar also lists as reporting attributes the act to others' claim —
/// the act keeps its type (it is no threat), at a lower confidence.
fn hedge(s: &Sentence, c: &(usize, usize, Cue)) -> bool {
    c.2 == Cue::Modality
        && s.cues
            .iter()
            .any(|r| r.2 == Cue::Reporting && (r.0, r.1) == (c.0, c.1))
}

/// How much a hedge before the trigger in its sentence leaves of a
/// mention's confidence.
const HEDGED: f64 = 0.8;

/// "barış anlaşması imzalamadı", "saldırı düzenlemedi": where the verb
/// comes last, the negated verb right after a noun trigger negates it. (A
/// trigger that holds a negation, "kabul etmedi", means the refusal.)
fn negated_after(s: &Sentence, text: &str, te: usize) -> bool {
    s.cues_in(Cue::Negation, te, s.span.1)
        .any(|c| gap(text, te, c.0) <= 1 && !clause_break(text, te, c.0, false))
}

/// "Ni Rusia ni Ucrania", "ни Россия, ни Украина", "neither X nor Y": a
/// negation right before a party before the trigger says no one did it,
/// which is no one's refusal.
fn parties_negated(s: &Sentence, text: &str, ts: usize) -> bool {
    s.cues_in(Cue::Negation, s.span.0, ts).any(|c| {
        s.actors
            .iter()
            .any(|a| a.start >= c.1 && a.end <= ts && gap(text, c.1, a.start) <= 1)
    })
}

/// A negation word inside a count's approximator ("не менее 20", "no
/// menos de 30") bounds the number and denies nothing.
fn in_approximator(s: &Sentence, c: &(usize, usize, Cue)) -> bool {
    s.cues
        .iter()
        .any(|a| a.2 == Cue::Approx && a.0 <= c.0 && a.1 >= c.1)
}

fn factuality(s: &Sentence, text: &str, ts: usize, role_end: usize) -> Factuality {
    let from = words_back(text, s.span.0, ts, 4).min(role_end);
    // ("met to negotiate a peace treaty": the object of a planned verb is
    // planned too.)
    let infinitive = s
        .cues_in(Cue::Infinitive, from, ts)
        .find(|c| gap(text, c.1, ts) == 0 || infinitive_governs(s, text, c.1, ts));
    // A promise binds the verb right after it ("will hand over"), not a
    // noun further on ("would value its cooperation") unless a verb of
    // giving carries it there ("will provide 25,000 tons of food aid").
    let carried = |c: &(usize, usize, Cue)| {
        s.cues_in(Cue::Giving, c.1, ts).any(|g| {
            gap(text, c.1, g.0) <= 1
                && gap(text, g.1, ts) <= 6
                && !clause_break(text, g.1, ts, false)
                && !s.triggers.iter().any(|t| t.0 >= g.1 && t.1 <= ts)
        })
    };
    // ("vowed to keep fighting until the RSF is defeated, and rejected
    // calls for talks": a verb joined after a comma and a conjunction is a
    // second act of the subject's, not part of the plan.)
    let rejoined = |c: &&(usize, usize, Cue)| {
        s.cues_in(Cue::Conjunction, c.1, ts).any(|j| {
            gap(text, j.1, ts) == 0
                && gap(text, c.1, j.0) >= 2
                && text[c.1..j.0].trim_ascii_end().ends_with(',')
        })
    };
    let commitments: Vec<&(usize, usize, Cue)> = s
        .cues_in(Cue::Commitment, from, ts)
        .filter(|c| gap(text, c.1, ts) <= 1 || carried(c))
        .filter(|c| !rejoined(c))
        .collect();
    let committed =
        |span: (usize, usize)| commitments.iter().any(|c| c.0 <= span.0 && c.1 >= span.1);
    let modal: Vec<&(usize, usize, Cue)> = s
        .cues_in(Cue::Modality, from, ts)
        .filter(|c| !hedge(s, c))
        .chain(s.cues_in(Cue::Purpose, from, ts))
        .filter(|c| !rejoined(c))
        .collect();
    // A conditional reaches the end of its clause, however far, and
    // outranks a negation ("if Turkey does not withdraw" is no refusal).
    if s.cues_in(Cue::Conditional, s.span.0, ts)
        .any(|c| !clause_break(text, c.1, ts, true))
    {
        Factuality::Conditional
    } else if s
        .cues_in(Cue::Negation, from, ts)
        // ("Not long after, Russia delivered …": a negation set off by a
        // comma belongs to its own phrase.)
        .any(|c| {
            !in_approximator(s, c)
                && !clause_break(text, c.1, ts, false)
                // ("Azerbaijan denied opening fire and accused Armenia": a
                // negation with a complement of its own does not reach a
                // verb joined after that complement.)
                && !s.cues_in(Cue::Conjunction, c.1, ts).any(|j| {
                    gap(text, j.1, ts) == 0 && gap(text, c.1, j.0) >= 2
                })
        })
    {
        Factuality::Negated
    } else if modal.is_empty() && infinitive.is_none() && commitments.is_empty() {
        Factuality::Asserted
    } else if modal.iter().all(|m| committed((m.0, m.1)))
        && infinitive.is_none_or(|i| committed((i.0, i.1)))
        && !commitments.is_empty()
    {
        Factuality::Committed
    } else {
        Factuality::Modal
    }
}

/// The sentence's date words without those of a planned act, when others
/// date the act itself: in "Arafat on Wednesday rejected an offer to host a
/// summit in July", July is the summit's, Wednesday the rejection's. A plan
/// starts at the first infinitive or promise after the first trigger.
/// Where a subordinate clause that opens the sentence ends: the first
/// clause break after `from` that a participle does not continue ("After
/// rebels fired at a tanker on Sunday, killing three sailors, jets struck
/// …": a main clause opens with its subject, not with an act).
fn fronted_clause_end(s: &Sentence, text: &str, from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let b = next_clause_break(text, at, s.span.1)?;
        if !s.triggers.iter().any(|t| t.0 > b && gap(text, b, t.0) == 0) {
            return Some(b);
        }
        at = b + 1;
    }
}

fn plan_dates_dropped(s: &Sentence) -> std::borrow::Cow<'_, dates::DateWords> {
    use std::borrow::Cow;
    let Some(first) = s.triggers.first() else {
        return Cow::Borrowed(&s.dates);
    };
    let Some(plan) = s
        .cues
        .iter()
        .find(|c| c.0 >= first.1 && matches!(c.2, Cue::Infinitive | Cue::Commitment))
        .map(|c| c.0)
    else {
        return Cow::Borrowed(&s.dates);
    };
    let before = s.dates.starts().any(|p| p < plan);
    let after = s.dates.starts().any(|p| p >= plan);
    match before && after {
        true => Cow::Owned(s.dates.before(plan)),
        false => Cow::Borrowed(&s.dates),
    }
}

/// The sentence's numbers without the years that date a later gerund's
/// act: in "offered to hand over two men suspected of blowing up a plane in
/// 1988", 1988 is the bombing's (a complement, never an event), and does
/// not make the offer history.
fn complement_years_dropped<'s>(
    s: &'s Sentence,
    text: &str,
    grammar: &Grammar,
) -> std::borrow::Cow<'s, [numbers::Number]> {
    use std::borrow::Cow;
    let gerund = s.triggers.iter().skip(1).find(|t| {
        let first = roles::first_word(&text[t.0..t.1]);
        grammar.progressive(first)
    });
    match gerund {
        Some(g) if s.numbers.iter().any(|n| n.is_year() && n.start >= g.1) => Cow::Owned(
            s.numbers
                .iter()
                .filter(|n| !(n.is_year() && n.start >= g.1))
                .copied()
                .collect(),
        ),
        _ => Cow::Borrowed(&s.numbers),
    }
}

/// The offset `n` words before `pos`, not before `floor`.
/// (The spaces are found by `memrchr`: a byte loop cost ≈ 6 instructions
/// a byte, ≈ 1.7 M per 300 articles.)
fn words_back(text: &str, floor: usize, pos: usize, n: usize) -> usize {
    let mut seen = 0;
    let bytes = text.as_bytes();
    let Some(range) = bytes.get(floor..pos) else {
        return floor;
    };
    for i in memchr::memrchr_iter(b' ', range) {
        let at = floor + i;
        if at + 1 < pos && bytes[at + 1] != b' ' {
            seen += 1;
            if seen > n {
                return at + 1;
            }
        }
    }
    floor
}

/// Killed and wounded counts stated in a sentence.
/// A count whose victims are named ("33 Turkish soldiers") counts only for
/// an event whose target is those victims' side.
/// Whether a death or wound word lies between two offsets.
fn toll_word_between(s: &Sentence, from: usize, to: usize) -> bool {
    s.cues_in(Cue::Killed, from, to)
        .chain(s.cues_in(Cue::Wounded, from, to))
        .next()
        .is_some()
}

fn tolls(
    s: &Sentence,
    text: &str,
    lex: &Lexicon,
    target: Option<usize>,
    clause: (usize, usize),
    // Words in the count's phrase that are no distance ("four other
    // people are believed to have been killed").
    slack: usize,
) -> Fatalities {
    let code = |a: usize| lex.actors[a].code.as_str();
    let victims_fit = |n: &numbers::Number| {
        // "five people, Lebanese officials said": past a clause break the
        // actor is the reporter, not the victims.
        // ("nine wounded when Russian forces shelled": nor past the
        // count's own death or wound word.)
        let named = s.actors.iter().find(|a| {
            a.start >= n.end
                && gap(text, n.end, a.start) <= 3
                && !clause_break(text, n.end, a.start, true)
                && !toll_word_between(s, n.end, a.start)
        });
        // "shelled positions held by Fano militiamen, killing 12
        // civilians": bystanders named without a state are any strike's.
        match (named, target) {
            (Some(a), _) if a.unnamed && a.sector_in(lex) == "CVL" => true,
            (Some(a), Some(t)) => code(a.actor) == code(t),
            _ => true,
        }
    };
    // "As of March 2, the clashes had killed 500", "hingga 2 Maret",
    // "2 Mart'a kadar": a toll counted up to a date is a running total.
    // (Not a weekday: "fighting went on until Sunday, killing 12" is one
    // act's toll.)
    let until_date = s.cues_in(Cue::Until, s.span.0, s.span.1).any(|c| {
        s.dates
            .months
            .iter()
            .any(|m| gap(text, c.1, m.0) <= 1 || gap(text, m.1, c.0) <= 1)
    });
    let count = |cue: Cue| -> Option<u32> {
        for &(cs, ce, _) in s.cues_in(cue, clause.0, clause.1) {
            let usable = |n: &&numbers::Number| {
                let aggregate = until_date
                    || s.cues_in(Cue::Cumulative, s.span.0, s.span.1)
                        .any(|c| gap(text, c.1, n.start) <= 6 || gap(text, n.end, c.0) <= 3);
                // "a nine-year war", "11-day offensive": a compound
                // adjective counts time, not dead.
                let compound = text[n.end..]
                    .strip_prefix('-')
                    .is_some_and(|r| r.starts_with(char::is_alphabetic));
                // "tués dans une embuscade": "un", "une", "bir" are
                // articles too; as a count they name a victim ("un soldat").
                let article = !n.digits
                    && n.value == 1
                    && !s
                        .cues_in(Cue::Victims, n.end, s.span.1)
                        .any(|c| gap(text, n.end, c.0) <= 1);
                // ("25 km west of Goma": a measure, not people.)
                let measure = || {
                    s.cues_in(Cue::Unit, n.end, clause.1)
                        .next()
                        .is_some_and(|c| gap(text, n.end, c.0) == 0)
                };
                // ("27 people, including two civilians, were killed": a
                // part of the toll is not the toll.)
                let part = || {
                    s.cues_in(Cue::Subset, s.span.0, n.start)
                        .any(|c| gap(text, c.1, n.start) <= 1)
                };
                !n.is_year()
                    && !compound
                    && !measure()
                    && !part()
                    && !article
                    && !aggregate
                    && victims_fit(n)
                    && !s.dates.months.iter().any(|&(ms, me, _)| {
                        gap(text, n.end, ms) == 0 || gap(text, me, n.start) == 0
                    })
            };
            let before = s
                .numbers
                .iter()
                .filter(usable)
                .rfind(|n| n.end <= cs && gap(text, n.end, cs) <= 6 + slack)
                // ("five were killed and wounded nine": the count of
                // another toll word is not this one's.)
                .filter(|n| !toll_word_between(s, n.end, cs));
            let after = s
                .numbers
                .iter()
                .filter(usable)
                .find(|n| n.start >= ce && gap(text, ce, n.start) <= 3);
            // "incendiaron una comisaría y mataron a tres policías": a
            // count right after the death word is its own.
            if let Some(n) = after.filter(|n| gap(text, ce, n.start) == 0) {
                return u32::try_from(n.value).ok();
            }
            // "7 soldiers and 1 civilian employee were killed": counts
            // joined before one death word add up.
            if let Some(n) = before {
                let mut total = n.value;
                let mut last = n;
                while let Some(p) = s.numbers.iter().filter(usable).rfind(|p| {
                    p.end <= last.start
                        && gap(text, p.end, last.start) <= 4
                        && s.cues_in(Cue::Conjunction, p.end, last.start)
                            .any(|c| gap(text, c.1, last.start) == 0)
                        && !clause_break(text, p.end, last.start, true)
                        // ("five were killed and nine wounded": each its own.)
                        && !toll_word_between(s, p.end, last.start)
                }) {
                    total = total.saturating_add(p.value);
                    last = p;
                }
                return u32::try_from(total).ok();
            }
            if let Some(n) = after {
                return u32::try_from(n.value).ok();
            }
        }
        None
    };
    Fatalities {
        killed: count(Cue::Killed),
        wounded: count(Cue::Wounded),
    }
}

/// Longest dateline a sentence may open with ("PORT SUDAN, Sudan, May 14
/// (Reuters) -").
const DATELINE_MAX: usize = 80;

/// Where a sentence's events happened: its first place, past the dateline
/// it may open with ("PORT SUDAN, Sudan, May 14 (Reuters) - … shelled El
/// Fasher": El Fasher), unless the dateline names the only place. A
/// dateline is an opening before a dash that holds no act word.
fn event_place(s: &Sentence, text: &str) -> Option<usize> {
    let mut end = s.span.1.min(s.span.0 + DATELINE_MAX);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[s.span.0..end];
    let dash = [" - ", " — ", " – ", " -- "]
        .iter()
        .filter_map(|d| head.find(d).map(|k| s.span.0 + k))
        .min();
    let body = dash
        .filter(|&d| s.triggers.iter().all(|t| t.0 > d))
        .unwrap_or(s.span.0);
    s.places
        .iter()
        .find(|p| p.0 >= body)
        .or(s.places.first())
        .map(|p| p.2)
}

/// Whether a sentence's first date stands where a dateline's does: first in
/// its line or after a comma ("New Delhi, Feb 27:", "JAKARTA, 3 Maret"),
/// not after a word ("on February 8").
fn dateline(s: &Sentence, text: &str) -> bool {
    let Some(&(ms, _, _)) = s.dates.months.first() else {
        return false;
    };
    // A day written before its month opens the date ("27 February").
    let start = s
        .numbers
        .iter()
        .rev()
        .find(|n| n.end <= ms && gap(text, n.end, ms) == 0)
        .map_or(ms, |n| n.start);
    let before = text[s.span.0..start].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with([',', '\n'])
}

/// The day an article without a publication date is about: its latest full
/// date; else its latest named day and month ("Islamabad, Feb 27:"); else
/// the file's arrival. A yearless date weeks before the arrival comes from
/// an old file (a backfill), whose year the arrival does not tell: the first
/// weekday the article names ("Pakistan on Wednesday said") is taken as the
/// day of its first named date (the dateline), and pins that date's year.
/// Returns whether the day is known.
fn undated_anchor(sentences: &[Sentence], text: &str, base: NaiveDate) -> (NaiveDate, bool) {
    // Each sentence's date, resolved once, in text order.
    let dated: Vec<(&Sentence, dates::DateCue)> = sentences
        .iter()
        .filter_map(|s| dates::resolve(text, s.span, &s.dates, &s.numbers, base).map(|c| (s, c)))
        .filter(|(_, c)| c.precision == DatePrecision::Day)
        .collect();
    let best = dated
        .iter()
        .copied()
        .max_by_key(|(_, c)| (c.absolute, c.day_month, c.date));
    let Some((told_in, c)) = best else {
        return (base, false);
    };
    let weekday = sentences.iter().find_map(|s| s.dates.weekdays.first());
    // A yearless date told in the body ("an advisory issued on February
    // 8"), not a dateline, is older than the writing: a reporter names the
    // date of what lies over a week back and the weekday of what is this
    // week's. The weekdays the article names ("killed on Thursday") then
    // fall in the week after it, not before.
    let body_date = c.day_month && !c.absolute && weekday.is_some() && !dateline(told_in, text);
    let day = match body_date {
        true => (c.date + Duration::days(7)).min(base.max(c.date)),
        false => c.date,
    };
    if c.absolute || !c.day_month || base - c.date <= Duration::days(YEARLESS_TRUSTED_DAYS) {
        return (day, c.absolute);
    }
    // The first day and month named (the dateline's) is the one the lede's
    // weekday speaks of; later ones are events around it. Only a dateline
    // is the day of writing: a date told in the body ("an advisory issued
    // on February 8") is an event's, and the lede's weekday another's.
    let first = dated
        .iter()
        .find(|(_, c)| c.day_month)
        .filter(|(s, _)| dateline(s, text))
        .map(|&(_, c)| c);
    let pinned = first.zip(weekday).and_then(|(first, &(_, wd))| {
        dates::year_by_weekday(first.date.month(), first.date.day(), wd, base)
    });
    match pinned {
        Some(d) => (d, true),
        None => (day, false),
    }
}
