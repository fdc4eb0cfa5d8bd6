//! Who did it to whom: source and target of one trigger in one sentence.
//!
//! The rules are about word order and marker words, which the grammar
//! lexicons give per language: the actor before an active trigger acts, the
//! one after it is acted upon; a passive ("were killed", "diserang") or a
//! patient-first trigger ("tewas") flips that; an agent marker ("by X",
//! "oleh X") names the source and a target marker ("against X", "terhadap X")
//! the target.
//!
//! `text` is the folded text throughout: its only white space is ASCII (a
//! space or a line break), so the `trim_ascii` family and
//! `split_ascii_whitespace` cut it as `trim` and `split_whitespace` would,
//! without decoding a `char` a step.

use super::sentence::{clause_break, gap, ActorRef, Sentence};
use crate::lexicon::{Cue, Grammar, Lexicon, Roles, Trigger};

/// Roles found for one trigger; either may be missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoleGuess {
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// The trigger reads as passive (victims named before it).
    pub passive: bool,
    /// The trigger opens a relative clause ("militants who attacked"): its
    /// roles are its own, never pieced together with another trigger's.
    pub relative: bool,
    /// The parties are the two sides of a reciprocal act ("fighting
    /// between X and Y"): neither is its author.
    pub sides: bool,
}

/// Actors (with their index) near one trigger: a handful, kept inline
/// (two lists per trigger; allocating them cost ≈ 70 instructions each).
type Nearby<'s> = smallvec::SmallVec<[(usize, &'s ActorRef); 8]>;

/// How far (in words) an actor may stand from its trigger.
const REACH_BEFORE: usize = 14;
const REACH_AFTER: usize = 10;

/// Actors that can take a role (see [`eligible`]), worked out once per
/// sentence by [`Sentence::analyse`]: role assignment asks for them for
/// every trigger and marker.
pub fn candidates(s: &Sentence) -> impl Iterator<Item = (usize, &ActorRef)> {
    s.actors
        .iter()
        .enumerate()
        .filter(|(i, _)| s.eligible.get(*i).copied().unwrap_or(false))
}

/// [`candidates`] from the last one back.
pub fn candidates_from_end(s: &Sentence) -> impl Iterator<Item = (usize, &ActorRef)> {
    s.actors
        .iter()
        .enumerate()
        .rev()
        .filter(|(i, _)| s.eligible.get(*i).copied().unwrap_or(false))
}

/// Whether a word at `pos` follows a marker ending at `end` directly or
/// past one article ("in Syria", "outside the Russian embassy").
///
/// Read from the words between alone: in the folded text every white
/// space is ASCII, so "directly" (`gap` 0) is an empty trim, and one
/// `trim_ascii` answers both (`gap` and `trim` cost ≈ 180 instructions a
/// call, for ≈ 9,000 calls per 300 articles).
pub fn right_after(text: &str, end: usize, pos: usize, articles: &[String]) -> bool {
    let Some(between) = text.get(end..pos) else {
        return false;
    };
    let between = between.trim_ascii();
    between.is_empty() || articles.iter().any(|x| x == between)
}

/// The text up to its first space (all of it if none). Through `memchr`:
/// `str::split(' ')` sets up a `CharSearcher` per call, ≈ 150 instructions
/// for a word of a few bytes.
pub(crate) fn first_word(text: &str) -> &str {
    memchr::memchr(b' ', text.as_bytes()).map_or(text, |i| &text[..i])
}

/// Per actor of `s`: whether it can take a role — not a compound adjective
/// ("Moscow-backed"), not a place named after a location marker ("in Syria").
pub fn eligible(s: &Sentence, text: &str, articles: &[String]) -> Vec<bool> {
    // An apposition needs a comma before the actor and one after it: with
    // the sentence's first and last commas found once, most actors are
    // ruled out without `appositive`'s searches (≈ 360 instructions an
    // actor).
    let sentence = &text.as_bytes()[s.span.0..s.span.1];
    let brackets = memchr::memchr(b'(', sentence).is_some();
    // "GOMA, Democratic Republic of Congo, Feb 3 (Reuters) - M23 rebels
    // shelled …": a news agency's bracket and a dash close a dateline; no
    // act stands before it.
    // Every closing form starts with its bracket, so the first of them is
    // at the first `)` one of them starts at: found by `memchr` over the
    // brackets (a `memmem::find` per form built a searcher each time,
    // ≈ 360 instructions, five times a sentence with a bracket).
    let agency_dateline = brackets
        .then(|| {
            memchr::memchr_iter(b')', sentence)
                .find(|&i| {
                    let rest = &sentence[i..];
                    [") - ", ") \u{2014} ", ") \u{2013} ", ") \u{2014}", ") -- "]
                        .iter()
                        .any(|d| rest.starts_with(d.as_bytes()))
                })
                .map(|i| s.span.0 + i)
                .filter(|&end| end - s.span.0 <= 120 && !s.triggers.iter().any(|t| t.0 < end))
        })
        .flatten();
    // (A dateline's commas set nothing off: "TBILISI, Dec 2 (Reuters) -
    // Georgian police …, detaining 40" has no apposition.)
    let body = agency_dateline.map_or(0, |end| end - s.span.0);
    let first_comma = memchr::memchr(b',', &sentence[body..]).map(|i| s.span.0 + body + i);
    let last_comma = memchr::memrchr(b',', &sentence[body..]).map(|i| s.span.0 + body + i);
    s.actors
        .iter()
        .map(|a| {
            if a.modifier {
                return false;
            }
            // "Abuja (Nigeria)": a country in brackets after a place locates it.
            let gloss = text[s.span.0..a.start]
                .trim_ascii_end()
                .strip_suffix('(')
                .is_some_and(|before| {
                    let before = before.trim_ascii_end();
                    s.places.iter().any(|p| s.span.0 + before.len() == p.1)
                });
            // "in Idlib and Syria": joined to a place, a place too.
            let joined_to_place = || {
                s.cues_in(Cue::Conjunction, s.span.0, a.start)
                    .any(|&(cs, ce, _)| {
                        gap(text, ce, a.start) == 0
                            && s.places.iter().any(|p| {
                                p.1 <= cs
                                    && gap(text, p.1, cs) == 0
                                    && !s.actors.iter().any(|x| x.start == p.0)
                            })
                    })
            };
            // "BEIRUT — …", "Moscow (Reuters) -": a dateline, not a party.
            // ("Vietnamese-led forces …": a hyphen joined to a word makes
            // a compound.)
            let dateline = agency_dateline.is_some_and(|end| a.end <= end)
                || text[s.span.0..a.start].trim_ascii_start().is_empty() && {
                    let rest = &text[a.end..s.span.1];
                    let after = rest.trim_ascii_start();
                    after.starts_with(['-', '\u{2013}', '\u{2014}', '('])
                        && !rest
                            .strip_prefix('-')
                            .and_then(|r| r.chars().next())
                            .is_some_and(char::is_alphabetic)
                };
            // "in Syrian government airstrikes": after "in", an actor that
            // qualifies the act right after it is its agent, not a place.
            // One word between is allowed only when it gave the actor its
            // sector ("Syrian government airstrikes"): in "rebels in Sudan
            // had asked", Sudan is where, and "had" is no qualifier.
            let qualifies_act = || {
                s.triggers.iter().any(|t| {
                    t.0 >= a.end && {
                        let between = gap(text, a.end, t.0);
                        between == 0 || (between == 1 && a.sector.is_some())
                    }
                })
            };
            // "rockets at northern Israel", "strikes on southern Lebanon": a
            // region word after a target marker still names the target.
            let targeted_region = |ls: usize| {
                s.cues_in(Cue::TargetMarker, s.span.0, ls)
                    .any(|&(ms, me, _)| me <= ls && gap(text, me, ls) == 0 && ms < ls)
                    && !s.cues_in(Cue::TargetMarker, ls, a.start).any(|c| c.0 == ls)
            };
            // "son soutien à Bakou", "une aide au Soudan": a word that marks
            // both a place and a target ("à", "au") right after an act marks
            // whom it reaches.
            let reached = |ls: usize, le: usize| {
                s.cues_in(Cue::TargetMarker, ls, le)
                    .any(|c| c.0 == ls && c.1 == le)
                    && s.triggers.iter().any(|t| {
                        t.1 <= ls
                            && (gap(text, t.1, ls) == 0
                                // ("a demandé mardi à la France")
                                || gap_past_dates(&s.dates, text, t.1, ls, articles) == 0)
                    })
            };
            // (Each test is pure: ordered and guarded so that the cheap
            // ones rule out first; the answer is the same in any order.)
            let attributed = || {
                text[a.end..s.span.1].trim_ascii_start().starts_with(',')
                    && attribution_source(s, text, a)
            };
            let apposed = || {
                s.appositions
                    && first_comma.is_some_and(|c| c < a.start)
                    && last_comma.is_some_and(|c| c >= a.end)
                    && appositive(s, text, a)
            };
            // "captured a stronghold on the Thai border": a state right
            // before a boundary word, after a marker, names where.
            let frontier = || {
                s.cues
                    .iter()
                    .any(|c| c.2 == Cue::Boundary && c.0 >= a.end && gap(text, a.end, c.0) == 0)
                    && s.cues.iter().any(|c| {
                        matches!(c.2, Cue::Location | Cue::TargetMarker)
                            && c.1 <= a.start
                            && right_after(text, c.1, a.start, articles)
                    })
            };
            let aside = || brackets && bracketed(s, text, a);
            !gloss
                && !aside()
                && !dateline
                && !joined_to_place()
                && !frontier()
                && !attributed()
                && !apposed()
                && (a.unnamed
                    || !s
                        .cues_in(Cue::Location, s.span.0, a.start)
                        .any(|&(ls, e, _)| {
                            right_after(text, e, a.start, articles)
                                && !targeted_region(ls)
                                && !reached(ls, e)
                        })
                    || qualifies_act())
        })
        .collect()
}

/// "committed to the Sochi agreements (between Russia and Turkey), supports
/// …": an actor in brackets with no act of its own there is an aside, no
/// party of the acts outside them.
fn bracketed(s: &Sentence, text: &str, a: &ActorRef) -> bool {
    let before = &text.as_bytes()[s.span.0..a.start];
    let Some(open) = memchr::memrchr(b'(', before).map(|i| s.span.0 + i) else {
        return false;
    };
    if memchr::memchr(b')', &before[open - s.span.0..]).is_some() {
        return false;
    }
    let Some(close) = memchr::memchr(b')', &text.as_bytes()[a.end..s.span.1]).map(|i| a.end + i)
    else {
        return false;
    };
    !s.triggers.iter().any(|t| t.0 > open && t.1 < close)
}

/// "According to the UN, drones struck …", "…, selon l'ONU, …": the source
/// of an attribution set off by commas, which only reports.
fn attribution_source(s: &Sentence, text: &str, a: &ActorRef) -> bool {
    s.cues_in(Cue::Reporting, s.span.0, a.start).any(|c| {
        gap(text, c.1, a.start) <= 1
            && (c.0 == s.span.0 || text[s.span.0..c.0].trim_ascii_end().ends_with(','))
    }) && text[a.end..s.span.1].trim_ascii_start().starts_with(',')
}

/// Whether `a` stands in the by-phrase of a past participle after `from`
/// ("backed by US airstrikes", "mediated by the UAE"): that participle's
/// agent.
fn participle_agent_of(
    s: &Sentence,
    text: &str,
    grammar: &Grammar,
    from: usize,
    a: &ActorRef,
) -> bool {
    s.cues_in(Cue::AgentMarker, from, a.start).any(|c| {
        gap(text, c.1, a.start) <= 1
            && text[from..c.0]
                .split_ascii_whitespace()
                .next_back()
                .is_some_and(|w| grammar.participle(w.trim_matches(',')))
    })
}

/// Whether a plain word starts at `at`: a word no cue, date, actor or
/// place of the sentence begins with (a noun the rules know nothing of).
pub(super) fn plain_word_at(s: &Sentence, text: &str, at: usize) -> bool {
    text[at..s.span.1]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
        && !s.cues.iter().any(|c| c.0 == at)
        && !s.dates.starts().any(|d| d == at)
        && !s.actors.iter().any(|a| a.start == at)
        && !s.places.iter().any(|p| p.0 == at)
}

/// Where the next word after `from` starts (`end` if none before it).
pub(super) fn next_word(text: &str, from: usize, end: usize) -> usize {
    let rest = &text[from..end];
    from + (rest.len() - rest.trim_ascii_start().len())
}

/// "Pakistan, a close ally of China, has refused …", "Egypt, Israel's
/// southern neighbour, warned …": an actor inside a phrase set off by
/// commas right after another actor describes that actor; it is no party
/// of the clause. (A list — "Spain, Ireland, and Norway" — has no words of
/// its own between the commas; a relative clause is read as one.)
fn appositive(s: &Sentence, text: &str, a: &ActorRef) -> bool {
    let Some(open) = text[s.span.0..a.start].rfind(',').map(|p| s.span.0 + p) else {
        return false;
    };
    let Some(close) = memchr::memchr(b',', &text.as_bytes()[a.end..s.span.1]).map(|p| a.end + p)
    else {
        return false;
    };
    // (Not after an attribution's source: "According to Ukraine, Russian
    // drones struck …" opens the reported clause; nor after where the
    // sentence is set: "In Myanmar, the junta bombed …".)
    let head = s.actors.iter().any(|h| {
        h.end <= open
            && text[h.end..open].trim_ascii_start().is_empty()
            && !attribution_source(s, text, h)
            && !s
                .cues_in(Cue::Location, s.span.0, h.start)
                .any(|c| gap(text, c.1, h.start) <= 1)
    });
    if !head
        || !s.triggers.iter().any(|t| t.0 > close)
        || s.cues_in(Cue::Relative, open, a.start).next().is_some()
    {
        return false;
    }
    // Words of the phrase that name no actor and join nothing. (Only
    // their bounds are read: split as bytes, without a `CharSearcher`.)
    let mut own = 0;
    let mut at = open + 1;
    for w in text.as_bytes()[open + 1..close].split(|&b| b == b' ') {
        let (ws, we) = (at, at + w.len());
        at = we + 1;
        let named = s.actors.iter().any(|x| x.start < we && x.end > ws);
        let joins = s.cues_in(Cue::Conjunction, ws, we).next().is_some();
        if !w.is_empty() && !named && !joins {
            own += 1;
        }
    }
    own >= 2
}

/// "fighting between Israel and Hezbollah", "clashes broke out on Monday
/// between the army and RSF fighters": the two actors joined right after a
/// "between" that follows the trigger in its clause (no other trigger in
/// between: in "mediated talks between …" they are the sides of the talks,
/// not of the mediation) are its two sides, whatever stands before it.
///
/// A verb-final language puts its "between" after the pair and before the
/// trigger ("Sudan ordusu ile HDK arasında çatışmalar"): the two joined
/// right before it are the sides.
fn sides(
    s: &Sentence,
    text: &str,
    ts: usize,
    te: usize,
    verb_final: bool,
) -> Option<(usize, usize)> {
    if verb_final {
        let &(cs, ce, _) = s.cues_in(Cue::Between, s.span.0, ts).last()?;
        if gap(text, ce, ts) > 3
            || clause_break(text, ce, ts, true)
            || s.triggers
                .iter()
                .any(|t| t.0 >= ce && t.1 <= ts && t.0 < ts)
        {
            return None;
        }
        return coordinated_pair(s, text, cs);
    }
    let &(_, ce, _) = s.cues_in(Cue::Between, te, s.span.1).next().filter(|c| {
        gap(text, te, c.0) <= 3
            && !clause_break(text, te, c.0, true)
            && !s.triggers.iter().any(|t| t.0 >= te && t.1 <= c.0)
    })?;
    coordinated_pair_after(s, text, ce).or_else(|| opposed_pair_after(s, text, ce))
}

/// "les combats ont opposé l'armée aux rebelles": a "between" verb joins
/// its two sides with a target marker, not a conjunction.
fn opposed_pair_after(s: &Sentence, text: &str, ce: usize) -> Option<(usize, usize)> {
    let mut after = candidates(s).filter(|(_, a)| a.start >= ce && !a.place);
    let ((i, a), (j, b)) = (after.next()?, after.next()?);
    let joined = s
        .cues
        .iter()
        .any(|c| c.2 == Cue::TargetMarker && c.0 >= a.end && c.0 <= b.start);
    (gap(text, ce, a.start) <= 4 && joined && gap(text, a.end, b.start) <= 3).then_some((i, j))
}

/// Actor introduced by a marker cue of `kind` after `from` (within a few
/// words, in the same clause).
fn marked_actor(
    s: &Sentence,
    text: &str,
    kind: Cue,
    from: usize,
    grammar: &Grammar,
) -> Option<usize> {
    for &(ms, me, _) in s.cues_in(kind, from, s.span.1) {
        // "retaliated by neutralising 309 troops": a by-phrase that opens
        // with a verb says how, not who.
        // ("attacked by Beijing" names an actor that ends the same way.)
        let means = kind == Cue::AgentMarker && {
            let at = next_word(text, me, s.span.1);
            let word = first_word(&text[at..s.span.1]);
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            !s.actors.iter().any(|a| a.start <= at + 3 && a.end > at) && grammar.progressive(word)
        };
        if means {
            continue;
        }
        // The marker belongs to this trigger only within its clause.
        // Nor across another trigger: in "troops who attacked posts were
        // bombed by Russia" the by-phrase is the bombing's.
        // (The word count first: most markers past the first are too far,
        // and need not be searched for a break.)
        let crossed = || {
            clause_break(text, from, ms, false)
                || s.cues_in(Cue::Subordinator, from, ms).next().is_some()
                || s.triggers.iter().any(|t| t.0 >= from && t.1 <= ms)
        };
        if gap(text, from, ms) > REACH_AFTER || crossed() {
            break;
        }
        // (Nor past a comma: in "fired missiles on Wednesday, South Korea
        // said" the marker's object is the day.)
        if let Some((i, _)) = candidates(s).find(|(_, a)| {
            a.start >= me && gap(text, me, a.start) <= 3 && !clause_break(text, me, a.start, false)
        }) {
            return Some(i);
        }
    }
    None
}

/// Guesses the roles of the trigger at `ts..te`.
pub fn assign(
    s: &Sentence,
    text: &str,
    ts: usize,
    te: usize,
    trigger: &Trigger,
    grammar: &Grammar,
    place_target: bool,
) -> RoleGuess {
    let roles = trigger.roles;
    // Words about a place ("discussed Gaza") do not make it a party.
    let usable = |i: usize| place_target || !s.actors[i].place;
    let modifier_after_head = grammar.modifier_after_head;
    let word = first_word(&text[ts..te]);
    let progressive = grammar.progressive(word);
    // "has been providing air support": a progressive verb between the
    // auxiliary and the trigger makes it active.
    // ("were being shelled": "being" is itself an auxiliary.)
    let progressive_between = |e: usize| {
        let mut at = e;
        text[e..ts].split(' ').any(|w| {
            let start = at;
            at += w.len() + 1;
            let aux = s
                .cues_in(Cue::PassiveAux, start, start + w.len())
                .next()
                .is_some();
            !aux && grammar.progressive(w)
        })
    };
    let passive_aux = !progressive
        && s.cues_in(Cue::PassiveAux, s.span.0, ts).any(|&(_, e, _)| {
            (gap(text, e, ts) <= 2
                || gap(text, e, ts) <= 2 + articles_between(text, e, ts, grammar))
                && !progressive_between(e)
        });
    // "police broke up a rally by opposition supporters": the by-phrase is
    // the rally's, and its people are the target.
    let object_agent = roles == Roles::ObjectAgent && !passive_aux && subject_before(s, text, ts);
    let agent = marked_actor(s, text, Cue::AgentMarker, te, grammar)
        .or_else(|| postposed_agent(s, text, ts, grammar))
        .filter(|_| !object_agent)
        .or_else(|| {
            (passive_aux || roles == Roles::PatientFirst || !subject_before(s, text, ts))
                .then(|| case_agent_after(s, text, te, grammar))
                .flatten()
        })
        .filter(|&i| !s.actors[i].place);
    // "killed in an attack by X": a by-phrase marks a passive or a noun.
    // "Three soldiers killed", "33 troops killed in air strike": a headline's
    // kill verb with no count or victims after it has its victims before it.
    let headline_passive = {
        // (Read from the two kinds' groups of the cue index, not a scan
        // over all the sentence's cues.)
        let kills = s
            .cues_in(Cue::Killed, 0, usize::MAX)
            .chain(s.cues_in(Cue::Wounded, 0, usize::MAX))
            .any(|c| c.0 <= ts && c.1 >= te);
        // (Asked only of a kill verb: most triggers are none.)
        // ("tués dans une attaque": an article that is also the number
        // one counts no one.)
        let counted_after = || {
            s.numbers.iter().any(|n| {
                n.start >= te && !grammar.articles.iter().any(|a| text[n.start..n.end] == *a)
            }) || s.cues_in(Cue::Victims, te, s.span.1).next().is_some()
        };
        // ("FARC dissidents killed a community leader": a plain word right
        // after the verb is its object, whatever it names.)
        let object_word = || plain_word_at(s, text, next_word(text, te, s.span.1));
        // (A verb-final language names every party before the verb: its
        // kill verbs are passive by their own form, listed patient-first.)
        !grammar.verb_final
            && kills
            && !counted_after()
            && !object_word()
            && s.actors.iter().all(|a| {
                a.end <= ts
                    || a.start >= te && {
                        s.cues_in(Cue::Location, te, a.start).next().is_some()
                            || s.cues_in(Cue::AgentMarker, te, a.start).next().is_some()
                    }
            })
    };
    // "troops who attacked Turkish posts were bombed": a relative clause
    // with a verb of its own, closed before this trigger, keeps its actors.
    let closed_relative = s
        .cues_in(Cue::Relative, s.span.0, ts)
        .filter(|&&(_, re, _)| {
            s.triggers
                .iter()
                .any(|t| t.0 >= re && t.1 <= ts && t.0 < ts)
        })
        .last()
        .map(|&(_, re, _)| re);
    // (Filters in any order give the same list: the cheap ones first.)
    // (A postposed agent before the verb is no other party: "X tarafından".)
    let before: Nearby = candidates(s)
        .filter(|(i, a)| a.end <= ts && usable(*i) && gap(text, a.end, ts) <= REACH_BEFORE)
        .filter(|(i, _)| !grammar.verb_final || agent != Some(*i))
        .filter(|(_, a)| closed_relative.is_none_or(|re| a.start < re))
        .collect();
    // Subject, object, verb: the parties are the actors before the verb
    // that no locative ending makes a setting ("Lübnan'daki Hizbullah").
    let parties: Vec<(usize, &ActorRef)> = match grammar.verb_final {
        true => before
            .iter()
            .filter(|(_, a)| !suffixed(&grammar.setting_suffixes, text, a))
            .filter(|(_, a)| !named_region(s, grammar, text, a))
            .copied()
            .collect(),
        false => Vec::new(),
    };
    // An actor right by a reporting cue after the trigger is the reporter
    // ("…, according to Russia's Defence Ministry"), not a party.
    let reporter = |a: &ActorRef| {
        s.cues_in(Cue::Reporting, te, s.span.1).any(|&(cs, ce, _)| {
            // (Not one a comma sets off before a speech verb that names its
            // speaker after it: "Rusia bisa menyerang Moldova, kata presiden
            // Ukraina" — Moldova is the object.)
            (ce <= a.start && gap(text, ce, a.start) <= 1)
                || (cs >= a.end && gap(text, a.end, cs) <= 2 && !text[a.end..cs].contains(','))
        })
    };
    // A target stays in the trigger's clause: no reporting verb or clause
    // break between them ("provided support to the militants, wounding …").
    // Nor a relative clause: in "bombed militants who attacked Syrian
    // positions" Syria is the militants' target, not the bombing's.
    // Nor a second verb joined to this one: in "condemned the attacks and
    // asked the UN to act" the UN is asked, not condemned.
    let joined_verb = |end: usize| {
        s.triggers
            .iter()
            .any(|t| t.0 >= te && t.1 <= end && s.joined_at(text, t.0))
    };
    // "fought government troops and Russian warplanes struck back": past
    // an unnamed object and a conjunction, a new subject begins.
    let past_object = |end: usize| {
        s.cues_in(Cue::Victims, te, end).any(|v| {
            gap(text, te, v.0) <= 2 && s.cues_in(Cue::Conjunction, v.1, end).next().is_some()
        })
    };
    let same_clause = |a: &ActorRef| {
        !past_object(a.start)
            && !clause_break(text, te, a.start, true)
            && s.cues_in(Cue::Reporting, te, a.start).next().is_none()
            && s.cues_in(Cue::Relative, te, a.start).next().is_none()
            && !joined_verb(a.start)
    };
    // "exchanged 95 prisoners in a swap mediated by the UAE": the agent of
    // a participle after a cooperative act is that participle's, no party
    // of the act. (After an accusation it is the accused: "crimes
    // committed by Croat forces".)
    let cooperative = matches!(
        trigger.event_type.quad_class(),
        crate::model::QuadClass::VerbalCooperation | crate::model::QuadClass::MaterialCooperation
    );
    let participle_agent =
        |a: &ActorRef| cooperative && participle_agent_of(s, text, grammar, te, a);
    let mut after: Nearby = candidates(s)
        .filter(|(i, a)| {
            a.start >= te
                && usable(*i)
                && gap(text, te, a.start) <= REACH_AFTER
                && !reporter(a)
                && same_clause(a)
                && !participle_agent(a)
        })
        .collect();
    // "militants who attacked …": inside a relative clause the noun the
    // pronoun stands for is the subject — an actor right before it ("Syrian
    // troops who"), or no one we can code (never one further back).
    let relative = s
        .cues_in(Cue::Relative, s.span.0, ts)
        .last()
        .filter(|&&(_, re, _)| gap(text, re, ts) <= 3);
    let nearest_before = match relative {
        Some(&(rs, _, _)) => before
            .iter()
            .rev()
            .find(|(_, a)| a.end <= rs && gap(text, a.end, rs) <= 2)
            .map(|(i, _)| *i),
        None => before.last().map(|(i, _)| *i),
    };
    // A place can be struck but does not act: the subject of an active
    // verb is the nearest actor that is not a place.
    // Nor is an actor in a participle's by-phrase before the verb ("Somali
    // forces, backed by US airstrikes, killed …"): it is the participle's
    // agent.
    let by_phrase = |a: &ActorRef| participle_agent_of(s, text, grammar, s.span.0, a);
    let nearest_agent = match relative {
        Some(_) => nearest_before.filter(|&i| !s.actors[i].place),
        None => before
            .iter()
            .rev()
            .find(|(_, a)| !a.place && !by_phrase(a))
            .map(|(i, _)| *i),
    };
    // "Berlin rejected calls by Minsk", "demanded an admission by Moscow":
    // an active verb with its subject before it, and a noun between it and
    // the by-phrase — the by-phrase belongs to that noun, not to the verb.
    let by_noun = agent.is_some()
        && !passive_aux
        && !headline_passive
        && roles != Roles::PatientFirst
        && relative.is_none()
        && before
            .last()
            .is_some_and(|(_, a)| !clause_break(text, a.end, ts, true))
        && s.cues_in(Cue::AgentMarker, te, s.span.1)
            .next()
            .is_some_and(|c| {
                // "a warning issued by X": a participle hands the by-phrase
                // back to the trigger noun, and so does the noun's own
                // passive ("the attack was carried out by X").
                gap(text, te, c.0) > 0
                    && s.cues_in(Cue::PassiveAux, te, c.0).next().is_none()
                    // "the attack on Turkish troops by Syrian forces": after
                    // a noun trigger's own target, the by-phrase is its.
                    && !s.cues_in(Cue::TargetMarker, te, c.0).any(|m| {
                        gap(text, te, m.0) == 0
                            && s.actors
                                .iter()
                                .any(|a| a.start >= m.1 && a.end <= c.0 && gap(text, m.1, a.start) <= 1)
                    })
                    // (Only right after the trigger: in "struck sites used
                    // by the Houthis" the participle is the sites'.)
                    && !(gap(text, te, c.0) <= 2
                        && text[te..c.0]
                            .split_ascii_whitespace()
                            .next_back()
                            .is_some_and(|w| grammar.participle(w)))
            });
    let agent = agent.filter(|_| !by_noun);
    // "were killed by an improvised explosive device": a trigger in the
    // by-phrase of a passive verb before it is that verb's means, and reads
    // as passive too (its victims before, no agent of its own).
    let means_of_passive = s
        .cues_in(Cue::AgentMarker, s.span.0, ts)
        .last()
        .is_some_and(|&(ms, me, _)| {
            gap(text, me, ts) <= 2
                && s.triggers
                    .iter()
                    .any(|t| t.1 <= ms && gap(text, t.1, ms) == 0)
                && s.cues_in(Cue::PassiveAux, s.span.0, ms)
                    .any(|&(_, e, _)| gap(text, e, ms) <= 2)
        });
    // "were killed on Monday in the attack on two villages": an act named
    // where a passive verb's victims died is that verb's means too, and
    // those victims are not its agents.
    let means_in_passive = || {
        s.cues_in(Cue::Location, s.span.0, ts)
            .last()
            .is_some_and(|&(ls, le, _)| {
                gap(text, le, ts) <= 1
                    // ("killed in Azerbaijani drone strikes": a qualifier
                    // names the means' agent.)
                    && !s.actors.iter().any(|a| a.start >= le && a.end <= ts)
                    && s.triggers.iter().any(|t| {
                        t.1 <= ls
                            && gap(text, t.1, ls) <= 3
                            && s.cues_in(Cue::PassiveAux, s.span.0, t.0)
                                .any(|&(_, e, _)| gap(text, e, t.0) <= 1)
                    })
            })
    };
    let passive = passive_aux
        || roles == Roles::PatientFirst
        || agent.is_some()
        || headline_passive
        || means_of_passive
        || means_in_passive();
    // "attacks by Hamas and Islamic Jihad": joined to the agent, not its target.
    let co_agent = agent.and_then(|g| {
        let a = &s.actors[g];
        after.iter().map(|(i, _)| *i).find(|&j| {
            let b = &s.actors[j];
            b.start > a.end
                && gap(text, a.end, b.start) <= 2
                && s.cues_in(Cue::Conjunction, a.end, b.start).next().is_some()
        })
    });
    after.retain(|(i, _)| Some(*i) != co_agent);
    let first_after = after.iter().map(|(i, _)| *i).find(|i| Some(*i) != agent);

    let mut g = RoleGuess {
        passive,
        relative: relative.is_some(),
        ..Default::default()
    };
    // (A mediator is not one of the sides it mediates between.)
    let mediation = trigger.mode.as_deref() == Some("third-party");
    // ("Türkiye, Rusya ile Ukrayna arasında arabuluculuk yapıyor": before
    // the sides a verb-final language names the mediator.)
    if mediation && grammar.verb_final {
        if let Some((a, _)) = sides(s, text, ts, te, true) {
            g.source = candidates(s)
                .filter(|(_, x)| x.end <= s.actors[a].start && !x.place)
                .last()
                .map(|(i, _)| i);
            g.target = Some(a);
            return g;
        }
    }
    if let Some((a, b)) = sides(s, text, ts, te, grammar.verb_final).filter(|_| !mediation) {
        g.source = Some(a);
        g.target = Some(b);
        g.sides = true;
        return g;
    }
    if passive {
        // "regime shelling … five soldiers were killed": victims named by a
        // noun of their own, away from the actor, are not that actor's.
        // Nor is the possessor of an act named before this one its victim:
        // in "rejim güçlerinin topçu atışı sonucu … şehit" the regime fires.
        // ("militanlar İsrail güçlerince etkisiz hale getirildi": past an
        // agent named by its ending, the party before it suffers the act.)
        let nearest_patient = match nearest_before {
            Some(i) if relative.is_none() && agent_suffixed(s, grammar, text, &s.actors[i]) => {
                before
                    .iter()
                    .rev()
                    .map(|(j, _)| *j)
                    .find(|&j| !agent_suffixed(s, grammar, text, &s.actors[j]))
            }
            other => other,
        };
        g.target = nearest_patient.filter(|&i| {
            let a = &s.actors[i];
            // ("Two Turkish soldiers and a civilian were killed": victims
            // joined to the actor's own are still its.)
            let own_victims = s
                .cues_in(Cue::Victims, a.end, ts)
                .any(|c| gap(text, a.end, c.0) <= 1);
            let joined = |c: &(usize, usize, Cue)| {
                own_victims
                    && s.cues_in(Cue::Conjunction, a.end, c.0)
                        .any(|j| gap(text, j.1, c.0) <= 1)
            };
            // (Nor is an agent's own noun: "… PKK'lı teröristlerce kaçırıldı".)
            let agents_noun = |c: &(usize, usize, Cue)| {
                before.iter().any(|(_, b)| {
                    b.start > a.end
                        && b.end <= c.0
                        && gap(text, b.start + whole_word(text, b).len(), c.0) == 0
                        && agent_suffixed(s, grammar, text, b)
                })
            };
            let victims_apart = s
                .cues_in(Cue::Victims, a.end, ts)
                .any(|c| gap(text, a.end, c.0) > 1 && !joined(c) && !agents_noun(c));
            // (Where the possessor follows its noun, a party right after an
            // earlier act's noun is that act's: "в результате удара
            // израильской авиации погибли …" — the Israeli air force struck.)
            let possessor_of_act = genitive(grammar, text, a)
                && s.triggers.iter().any(|t| {
                    (t.0 >= a.end && t.1 <= ts && gap(text, a.end, t.0) <= 2)
                        || (!grammar.verb_final
                            && !a.place
                            && t.1 <= a.start
                            && t.0 < ts
                            && gap(text, t.1, a.start) == 0)
                });
            !victims_apart && !agent_suffixed(s, grammar, text, a) && !possessor_of_act
        });
        // "… ما أسفر عن مقتل سبعة جنود": a victim's noun counted right after
        // it names its victims there, not before.
        let counted_victims = first_after.filter(|&j| {
            roles == Roles::PatientFirst
                && gap(text, te, s.actors[j].start) <= 3
                && s.numbers
                    .iter()
                    .any(|n| n.start >= te && gap(text, te, n.start) == 0)
        });
        if counted_victims.is_some() {
            g.target = counted_victims;
        }
        // "rejim unsurlarınca yapılan …": a suffix marks the agent as "by" would.
        g.source = agent.or_else(|| {
            before
                .iter()
                .rev()
                .find(|(_, a)| agent_suffixed(s, grammar, text, a))
                .map(|(i, _)| *i)
        });
        // "killed in Syrian government airstrikes": the actor qualifying a
        // later act is the killer, not a victim.
        // (In a language whose modifier follows the noun the actor stands
        // right after the act: "péri dans un bombardement russe".)
        let qualifies_act = |i: usize| {
            let a = &s.actors[i];
            s.triggers.iter().any(|t| {
                (t.0 >= a.end && gap(text, a.end, t.0) <= 1)
                    || (modifier_after_head
                        && t.1 <= a.start
                        && t.0 >= te
                        && (gap(text, t.1, a.start) == 0
                            // ("tués dans un bombardement de l'aviation
                            // russe", "un ataque de disidencias de las FARC")
                            || (gap(text, t.1, a.start) <= 2
                                && noun_agent_opens(grammar, &text[t.1..a.start]))))
            })
        };
        match first_after {
            Some(i) if g.source.is_none() && qualifies_act(i) && !s.actors[i].place => {
                g.source = Some(i)
            }
            Some(i) if g.target.is_none() && Some(i) != g.source && !qualifies_act(i) => {
                g.target = Some(i)
            }
            _ => {}
        }
    } else if roles == Roles::AddresseeFirst {
        // "X said (that) Y must …": Y is addressed, X (before the reporting
        // word that introduces Y) demands.
        g.target = nearest_before;
        g.source = nearest_before.and_then(|t| {
            let t_start = s.actors[t].start;
            match s.cues_in(Cue::Reporting, s.span.0, t_start).last() {
                Some(&(rs, _, _)) => candidates(s)
                    .filter(|(i, a)| a.end <= rs && Some(*i) != g.target)
                    .last()
                    .map(|(i, _)| i),
                // "Israel will pay a heavy price, Hezbollah said" / "…,
                // said Hezbollah": the speaker named after.
                None => candidates(s)
                    .find(|(i, a)| Some(*i) != g.target && a.start >= te && reporter(a))
                    // "İran, İsrail'in ağır bedel ödeyeceğini açıkladı":
                    // a verb-final language names the speaker first.
                    .or_else(|| {
                        candidates(s).find(|(i, a)| {
                            grammar.verb_final && Some(*i) != g.target && a.end <= t_start
                        })
                    })
                    .map(|(i, _)| i),
            }
        });
    } else if grammar.verb_final
        && first_after.is_none()
        && agent.is_none()
        && parties.len() >= 2
        && !parties.last().is_some_and(|(_, a)| {
            // A possessor is the agent of a noun trigger right after it
            // ("rejim güçlerinin yoğun topçu atışı"); before an object noun
            // ("İsveç'in büyükelçisini çağırdı") it is part of the object.
            // (Not before a request: "BM'nin toplantı yapılmasını talep
            // etti" asks the possessor to act.)
            (genitive(grammar, text, a)
                && trigger.event_type != crate::model::EventType::Request
                && gap(text, a.end, ts) <= 2
                && !object_marked(grammar, text, a)
                && !postposed(s, text, a))
                || agent_suffixed(s, grammar, text, a)
        })
        && (!text[parties[parties.len() - 2].1.end..parties[parties.len() - 1].1.start]
            .contains(',')
            || object_marked(grammar, text, parties[parties.len() - 1].1)
            || possessed_object(grammar, text, parties[parties.len() - 1].1, ts)
            || (trigger.event_type == crate::model::EventType::Request
                && genitive(grammar, text, parties[parties.len() - 1].1))
            || postposed(s, text, parties[parties.len() - 1].1))
    {
        // "Suriye rejim güçleri Türk askerlerine saldırdı": S O V, the
        // object nearest the verb — unless it is a possessor (the agent of
        // a noun) or a comma sets the first apart (a reporter). A comma
        // after the subject is common ("Rusya, Ukrayna'yı suçladı"): an
        // object's case ending keeps the two together.
        // With several objects ("Rusya, Ukrayna'yı Kremlin'e saldırmakla
        // suçladı"), the subject is the last party without a case ending
        // and the object the first one marked after it.
        let last = parties.len() - 1;
        // (Before a request a possessor is the party asked: "Irak'ın
        // PKK'yı terör örgütü olarak tanımasını talep etti".)
        let request = trigger.event_type == crate::model::EventType::Request;
        let owned = |a: &ActorRef| {
            possessed_object(grammar, text, a, ts) || (request && genitive(grammar, text, a))
        };
        let subject_at = (0..last)
            .rev()
            .find(|&k| !object_marked(grammar, text, parties[k].1) && !owned(parties[k].1))
            .unwrap_or(last - 1);
        let object_at = (subject_at + 1..=last)
            .find(|&k| object_marked(grammar, text, parties[k].1) || owned(parties[k].1))
            .unwrap_or(last);
        let (o, _) = parties[object_at];
        let (sj, subject) = parties[subject_at];
        g.target = Some(o);
        g.source = (!subject.place).then_some(sj);
    } else {
        // (Only this branch reads a target marker's actor: found here, not
        // for every trigger.)
        let marked_target =
            marked_actor(s, text, Cue::TargetMarker, te, grammar).filter(|&i| usable(i));
        // Subject, object, verb: an actor whose ending makes it a setting
        // ("İsveç'teki büyükelçisini") is not the subject.
        let nearest_agent = match grammar.verb_final && relative.is_none() {
            true => parties
                .iter()
                .rev()
                .find(|(_, a)| !a.place)
                .map(|(i, _)| *i),
            false => nearest_agent,
        };
        g.source = agent.or(nearest_agent);
        // Verb first ("قصفت الطائرات الحربية الروسية إدلب"): with no subject
        // before the verb, the first actor after it is the subject when
        // nothing but its own sector words stands between (no count: in
        // "قتل 5 جنود إسرائيليين" the soldiers are the victims; but the
        // crowd of a protest is counted: "تظاهر آلاف السودانيين"), and the
        // actor after the subject is the object.
        // So is a verb right after a conjunction ("…، فيما أدانت الحكومة
        // اللبنانية الغارات"); not one after a mere comma ("…، متهما حزب
        // الله": accusing, the subject still the one before).
        let clause_initial = g.source.is_some_and(|i| {
            s.cues_in(Cue::Conjunction, s.actors[i].end, ts)
                .any(|c| gap(text, c.1, ts) == 0)
        });
        if grammar.verb_initial && agent.is_none() && (g.source.is_none() || clause_initial) {
            if let Some(&(i, a)) = after.first() {
                let between = gap(text, te, a.start);
                let crowd = trigger.event_type == crate::model::EventType::Protest;
                let counted = s.numbers.iter().any(|n| n.start >= te && n.end <= a.start);
                let subject = !a.place
                    && marked_target != Some(i)
                    && (between == 0
                        || (between <= 3
                            && match counted {
                                true => crowd,
                                false => a.sector.is_some(),
                            }
                            && !s.cues.iter().any(|c| c.0 >= te && c.1 <= a.start)));
                if subject {
                    // "هاجم مسلحون من حركة الشباب …": unnamed fighters "of" a
                    // named group are that group, not its opponents.
                    let (i, a) = match a.unnamed {
                        true => after
                            .iter()
                            .find(|(_, b)| {
                                !b.place
                                    && !b.unnamed
                                    && grammar
                                        .noun_agent_markers
                                        .iter()
                                        .any(|m| text[a.end..b.start].trim_ascii() == m.as_str())
                            })
                            .copied()
                            .unwrap_or((i, a)),
                        false => (i, a),
                    };
                    g.source = Some(i);
                    g.target = marked_target.or_else(|| {
                        after
                            .iter()
                            .map(|(j, _)| *j)
                            .find(|&j| j != i && s.actors[j].start >= a.end)
                    });
                    return g;
                }
            }
        }
        // "serangan Turki terhadap Suriah": the noun's modifier follows it.
        // A trigger without a verbal prefix is a noun, so an actor right
        // after it is its agent even when another actor stands before
        // ("warga Israel … karena tembakan roket Hizbullah").
        // So is one right after a location word ("في هجوم لحزب الله", "in an
        // attack by Hezbollah"): no verb follows "in" directly.
        let after_location = s
            .cues_in(Cue::Location, s.span.0, ts)
            .any(|c| c.1 <= ts && right_after(text, c.1, ts, &grammar.articles));
        let noun = after_location
            || (!grammar.verb_prefixes.is_empty()
                && !grammar
                    .verb_prefixes
                    .iter()
                    .any(|p| word.starts_with(p.as_str())));
        // Nor are unnamed civilians before it its agent ("ocho civiles
        // murieron en un bombardeo ruso"): they are its victims.
        // Where the modifier follows its noun, a party before "in an attack"
        // is no agent of that attack ("cinq soldats maliens tués dans une
        // attaque", "قتل جنود باكستانيون في هجوم"): it is another verb's.
        if after_location && modifier_after_head && agent.is_none() {
            g.source = None;
        }
        let victims_before = g.source.filter(|&i| {
            let a = &s.actors[i];
            a.unnamed && a.sector.as_deref() == Some("CVL")
        });
        if (g.source.is_none() || (noun && agent.is_none()) || victims_before.is_some())
            && modifier_after_head
        {
            if let Some((i, a)) = after.first() {
                if gap(text, te, a.start) == 0 && marked_target != Some(*i) && !a.place {
                    if victims_before.is_some() {
                        g.target = victims_before;
                        g.source = Some(*i);
                        return g;
                    }
                    if g.source.is_some() {
                        // The actor before a noun is not thereby its target.
                        g.target = marked_target;
                        g.source = Some(*i);
                        return g;
                    }
                    g.source = Some(*i);
                }
            }
        }
        // The actor right after the verb is its object ("demanded that the
        // US cancel plans to sell arms to Taiwan"); a target marker further
        // on names the target only when nothing stands there.
        let adjacent = first_after.filter(|&i| {
            gap(text, te, s.actors[i].start) <= 2
                && marked_target.is_none_or(|m| s.actors[i].start < s.actors[m].start)
        });
        g.target = adjacent
            .or(marked_target)
            .or(first_after)
            .filter(|i| Some(*i) != g.source);
        if g.target.is_none() {
            g.target = after
                .iter()
                .map(|(i, _)| *i)
                .find(|i| Some(*i) != g.source && Some(*i) != agent);
        }
    }
    // "Ukrayna, Rusya'dan … talep etti", "Rusya, Suriye'den askerlerini
    // çekti": the ablative names whom a request is made of, or whom a
    // withdrawal leaves (elsewhere it only says where from).
    let from_party = match trigger.event_type {
        crate::model::EventType::Request => true,
        crate::model::EventType::Retreat => trigger.mode.as_deref() == Some("withdraw"),
        _ => false,
    };
    if g.target.is_none() && from_party && !grammar.ablative_suffixes.is_empty() {
        g.target = before
            .iter()
            .rev()
            .find(|(i, a)| Some(*i) != g.source && suffixed(&grammar.ablative_suffixes, text, a))
            .map(|(i, _)| *i);
    }
    speaker_of_noun(s, text, te, trigger, grammar, &mut g);
    g
}

/// "Kecaman dari Indonesia muncul …", "las críticas de Francia": a spoken
/// act named as a noun with no one before it belongs to the party after its
/// "of"/"from" (`noun_agent_markers`), who says it, not to whom. Only words:
/// "la invasión de Ucrania" is suffered.
fn speaker_of_noun(
    s: &Sentence,
    text: &str,
    te: usize,
    trigger: &Trigger,
    grammar: &Grammar,
    g: &mut RoleGuess,
) {
    let verbal = matches!(
        trigger.event_type.quad_class(),
        crate::model::QuadClass::VerbalConflict | crate::model::QuadClass::VerbalCooperation
    );
    let Some(t) = g
        .target
        .filter(|_| verbal && g.source.is_none() && !g.passive)
    else {
        return;
    };
    let rest = text[te..s.span.1].trim_ascii_start();
    let marked = grammar.noun_agent_markers.iter().any(|m| {
        rest.strip_prefix(m.as_str()).is_some_and(|r| {
            let at = s.span.1 - r.len();
            r.starts_with(' ') && gap(text, at, s.actors[t].start) == 0
        })
    });
    if marked && !s.actors[t].place {
        // Whom it is aimed at is the next party in its clause ("kecaman
        // dari Malaysia datang setelah militer Myanmar mengebom …").
        let end = s.actors[t].end;
        g.source = Some(t);
        g.target = candidates(s)
            .find(|(_, a)| {
                a.start >= end
                    && !a.place
                    && gap(text, end, a.start) <= 4
                    && !clause_break(text, end, a.start, true)
            })
            .map(|(i, _)| i);
    }
}

/// The actor's words through the end of its last word: suffixes that a
/// plain alias leaves off ("suriye'nin", "güçlerince").
fn whole_word<'a>(text: &'a str, a: &ActorRef) -> &'a str {
    let rest = &text[a.end..];
    let len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .unwrap_or(rest.len());
    &text[a.start..a.end + len]
}

/// The actor's last word carries a genitive ending ("rejim güçlerinin",
/// "Suriye'nin").
fn genitive(grammar: &Grammar, text: &str, a: &ActorRef) -> bool {
    let w = whole_word(text, a);
    grammar
        .genitive_suffixes
        .iter()
        .any(|x| w.ends_with(x.as_str()))
}

/// The actor's last word carries an object's case ending ("Ukrayna'yı",
/// "askerlerine"), beyond the ending itself.
/// So does the noun it qualifies ("Hizbullah mevzilerini": Hezbollah's
/// positions, as object).
fn object_marked(grammar: &Grammar, text: &str, a: &ActorRef) -> bool {
    if suffixed(&grammar.object_suffixes, text, a) {
        return true;
    }
    let rest = &text[a.start + whole_word(text, a).len()..];
    let Some(next) = rest.strip_prefix(' ') else {
        return false;
    };
    let next = next
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .next()
        .unwrap_or("");
    bare_ending(&grammar.object_suffixes, next, 0)
}

/// `word` ends in one of `endings` written without an apostrophe
/// ("mevzilerini"), and is longer than the ending by more than `stem`
/// letters (so the ending alone, or a short word, does not count).
fn bare_ending(endings: &[String], word: &str, stem: usize) -> bool {
    endings
        .iter()
        .filter(|x| !x.starts_with('\''))
        .any(|x| word.len() > x.len() + stem && word.ends_with(x.as_str()))
}

/// A target marker stands right after the actor ("Aliyev ile görüştü"):
/// in a verb-final language, a postposition that makes it the object.
fn postposed(s: &Sentence, text: &str, a: &ActorRef) -> bool {
    let w = whole_word(text, a);
    s.cues_in(Cue::TargetMarker, a.start, s.span.1)
        .any(|c| c.0 >= a.start + w.len() && gap(text, a.start + w.len(), c.0) == 0)
}

/// The actor's last word ends with one of `suffixes`, beyond the ending.
fn suffixed(suffixes: &[String], text: &str, a: &ActorRef) -> bool {
    let w = whole_word(text, a);
    suffixes
        .iter()
        .any(|x| w.len() > x.len() && w.ends_with(x.as_str()))
}

/// "Ermenistan mevzileri Azerbaycan ordusu tarafından bombalandı": a
/// verb-final language puts its agent marker after the agent, so the actor
/// right before one (in the trigger's clause, no other trigger between) is
/// the agent.
fn postposed_agent(s: &Sentence, text: &str, ts: usize, grammar: &Grammar) -> Option<usize> {
    if !grammar.verb_final {
        return None;
    }
    let &(ms, me, _) = s.cues_in(Cue::AgentMarker, s.span.0, ts).last()?;
    if me > ts
        || gap(text, me, ts) > 4
        || clause_break(text, me, ts, true)
        || s.triggers
            .iter()
            .any(|t| t.0 >= me && t.1 <= ts && t.0 < ts)
    {
        return None;
    }
    candidates(s)
        .filter(|(_, a)| a.end <= ms && !a.place)
        .last()
        .filter(|(_, a)| gap(text, a.start + whole_word(text, a).len(), ms) == 0)
        .map(|(i, _)| i)
}

/// "самолёт был сбит турецкими военными", "при обстреле Херсона
/// российскими войсками": after a passive or an act noun, an actor in the
/// case that marks an agent (an agent ending, with no preposition before
/// it: "с турецкими военными" is "with") in the trigger's clause is its
/// agent. Only where the agent follows the verb: a verb-final language
/// names it before.
fn case_agent_after(s: &Sentence, text: &str, te: usize, grammar: &Grammar) -> Option<usize> {
    if grammar.verb_final || grammar.agent_suffixes.is_empty() {
        return None;
    }
    candidates(s)
        .take_while(|(_, a)| a.start < te || !clause_break(text, te, a.start, true))
        .find(|(_, a)| {
            a.start >= te
                && gap(text, te, a.start) <= REACH_AFTER
                && agent_suffixed(s, grammar, text, a)
                && !s.cues.iter().any(|c| {
                    matches!(c.2, Cue::TargetMarker | Cue::Location | Cue::Between)
                        && c.1 <= a.start
                        && gap(text, c.1, a.start) == 0
                })
        })
        .map(|(i, _)| i)
}

/// Some party other than unnamed victims stands before the trigger in its
/// clause: the verb has a subject, so a case-marked actor after it is no
/// agent but a means or a companion.
fn subject_before(s: &Sentence, text: &str, ts: usize) -> bool {
    let victims = |a: &ActorRef| a.unnamed && a.sector.as_deref() == Some("CVL");
    candidates(s).any(|(_, a)| {
        a.end <= ts && !a.place && !victims(a) && !clause_break(text, a.end, ts, true)
    })
}

/// The actor's last word carries an agent ending ("rejim unsurlarınca").
/// Or its head noun right after it does ("российской армией").
fn agent_suffixed(s: &Sentence, grammar: &Grammar, text: &str, a: &ActorRef) -> bool {
    let w = whole_word(text, a);
    grammar
        .agent_suffixes
        .iter()
        .any(|x| w.ends_with(x.as_str()))
        || (!grammar.agent_head_suffixes.is_empty() && {
            let head = text[a.start + w.len()..]
                .strip_prefix(' ')
                .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
                .unwrap_or("");
            // (A count is no head: "İsrail'e yüzlerce füze", "binlerce".)
            let at = a.start + w.len() + 1;
            grammar
                .agent_head_suffixes
                .iter()
                .any(|x| head.ends_with(x.as_str()) && (head.len() > x.len() + 2 || head == x))
                && !s.numbers.iter().any(|n| n.start == at)
        })
}

/// For mutual acts ("Russia and Turkey agreed"): the two actors joined
/// before the trigger, when nothing follows it.
pub fn coordinated_pair(s: &Sentence, text: &str, ts: usize) -> Option<(usize, usize)> {
    // The last two candidates before the trigger, found from the end (asked
    // several times per trigger: no list of them all).
    let mut before = candidates_from_end(s)
        .filter(|(_, a)| a.end <= ts && !a.place && gap(text, a.end, ts) <= REACH_BEFORE);
    let ((j, b), (i, a)) = (before.next()?, before.next()?);
    let joined = s.cues_in(Cue::Conjunction, a.end, b.start).next().is_some()
        || (text[a.end..b.start].trim_ascii() == "," && !case_suffixed(text, b.end))
        || one_pair(s, a, b);
    // "Sudan's army and the RSF": a sector word after the first one
    // ("'s army") widens the gap by as many words.
    let reach = if a.sector.is_some() { 4 } else { 2 };
    (joined && gap(text, a.end, b.start) <= reach).then_some((i, j))
}

/// "Russia, Turkey and Iran met": every actor of a list joined by commas
/// and a conjunction right before the trigger, in text order (empty when
/// fewer than three are joined).
pub fn coordinated_group(s: &Sentence, text: &str, ts: usize) -> Vec<usize> {
    let Some((first, last)) = coordinated_pair(s, text, ts) else {
        return Vec::new();
    };
    let mut group = vec![last, first];
    let mut head = first;
    for (i, a) in candidates_from_end(s).filter(|(i, a)| *i < first && !a.place) {
        let between = text[a.end..s.actors[head].start].trim_ascii();
        if between != "," {
            break;
        }
        group.push(i);
        head = i;
    }
    if group.len() < 3 {
        return Vec::new();
    }
    group.reverse();
    group
}

/// "ceasefire between Israel and Hezbollah": two actors joined after the trigger.
pub fn coordinated_pair_after(s: &Sentence, text: &str, te: usize) -> Option<(usize, usize)> {
    let after: Vec<(usize, &ActorRef)> = candidates(s)
        .filter(|(_, a)| a.start >= te && !a.place)
        .take(2)
        .collect();
    let [(i, a), (j, b)] = after.as_slice() else {
        return None;
    };
    if gap(text, te, a.start) > 4 {
        return None;
    }
    let joined = s.cues_in(Cue::Conjunction, a.end, b.start).next().is_some() || one_pair(s, a, b);
    (joined && gap(text, a.end, b.start) <= 3).then_some((*i, *j))
}

/// Whether `a` and `b` are the two halves of one pair phrase ("the two
/// sides", see `pair_references`): joined as "X and Y" are.
pub fn one_pair(s: &Sentence, a: &ActorRef, b: &ActorRef) -> bool {
    s.cues_in(Cue::PairBefore, a.start, b.end).next().is_some()
}

/// "İsveç'in Ankara Büyükelçisini çağırdı", "İsrail'in Gazze'ye yönelik
/// saldırılarını kınadı": a possessor (genitive ending) whose noun, up to
/// four words on before any comma and before the verb at `ts`, carries an
/// object's case ending owns the object: it is the object's party, not the
/// subject. (The possessor of the trigger itself is its agent.)
fn possessed_object(grammar: &Grammar, text: &str, a: &ActorRef, ts: usize) -> bool {
    let from = a.start + whole_word(text, a).len();
    if !genitive(grammar, text, a) || from >= ts {
        return false;
    }
    let clause = text[from..ts].split([',', ';', '.']).next().unwrap_or("");
    clause
        .split_whitespace()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'')))
        .any(|w| bare_ending(&grammar.object_suffixes, w, 2))
}

/// "Türkiye, İsrail'in saldırılarını kınadı": a name with a case ending
/// after an apostrophe (at `end`) is no bare member of a comma list.
fn case_suffixed(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    matches!(rest.next(), Some('\'' | '’')) && rest.next().is_some_and(char::is_alphabetic)
}

/// "cuatro palestinos", "quinze Palestiniens", "12 فلسطينيا", "two
/// Israelis were killed": a state's name right after a count of people,
/// with no sector word of its own, names that many of its people (CVL),
/// not its government. Not when a plain word follows, which the name
/// qualifies ("20 Russian drones"); nor after a year, a sum ("$5 billion")
/// or a war's whole toll ("killed 400,000 Syrians"); nor for a unit
/// named with its state ("prajurit Suriah").
pub(super) fn counted_people(lex: &Lexicon, text: &str, s: &mut Sentence, objects: &[String]) {
    let counted: Vec<usize> = s
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.sector.is_none()
                && lex.actors[a.actor].sector == "GOV"
                && !a.place
                && !a.modifier
                && !a.unnamed
                && lex.actors[a.actor].kind.as_deref() == Some("state")
                && s.numbers.iter().any(|n| {
                    // (A noun that counts, "شرطيان" = two policemen, names
                    // the people itself.)
                    n.end <= a.start
                        && !s
                            .cues
                            .iter()
                            .any(|c| c.2 == Cue::Victims && c.0 < n.end && n.start < c.1)
                        && !n.is_year()
                        && n.value < 100_000
                        && text[n.end..a.start].trim().is_empty()
                        && !text[s.span.0..n.start]
                            .trim_end()
                            .ends_with(['$', '€', '£'])
                })
        })
        .filter(|(_, a)| {
            // (A verb right after a name with an object's case ending is
            // its own: "15 Filistinliyi gözaltına aldı"; not after a bare
            // name: "two Israeli air raids".)
            let word = whole_word(text, a);
            let at = next_word(text, a.start + word.len(), s.span.1);
            let case = bare_ending(objects, word, 2);
            // (Nor before a noun of people it qualifies: "iki Rus subay",
            // "üç Pakistan askerini".)
            let people = s.cues.iter().any(|c| c.2 == Cue::Victims && c.0 == at);
            !people
                && (!plain_word_at(s, text, at) || (case && s.triggers.iter().any(|t| t.0 == at)))
        })
        .map(|(i, _)| i)
        .collect();
    for i in counted {
        s.actors[i].sector = Some("CVL".to_string());
    }
}

/// How many of the words in `text[from..to]` are articles ("ont été tués
/// dans des frappes": "des" does not put the noun out of the passive's reach).
fn articles_between(text: &str, from: usize, to: usize, grammar: &Grammar) -> usize {
    text[from..to]
        .split_whitespace()
        .filter(|w| grammar.articles.iter().any(|a| a == w))
        .count()
}

/// `between` (the words from a noun trigger to an actor) opens with one of
/// the language's `noun_agent_markers` ("de l'aviation", "del").
fn noun_agent_opens(grammar: &Grammar, between: &str) -> bool {
    let between = between.trim_start();
    grammar.noun_agent_markers.iter().any(|m| {
        between.strip_prefix(m.as_str()).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with(' ') || m.ends_with('\'') || m.ends_with('’')
        })
    })
}

/// "Rusya Estonya'ya saldırırsa", "müdahale ederse": where the verb comes
/// last, the conditional suffix sits on the act's own verb (or on the verb
/// right after a noun trigger), so the act is the hypothesis, not an event.
pub fn conditional_verb(s: &Sentence, text: &str, ts: usize, te: usize) -> bool {
    s.cues.iter().filter(|c| c.2 == Cue::Conditional).any(|c| {
        (c.0 < te && c.1 > ts)
            || (c.0 >= te && gap(text, te, c.0) <= 1 && !clause_break(text, te, c.0, false))
    })
}

/// "Taliban iki polisi öldürdü", "ordu 15 militanı etkisiz hale getirdi":
/// where the verb comes last, a trigger may hold its object written in; with
/// no target of its own, the party that object names is the target.
pub fn object_in_trigger(s: &Sentence, ts: usize, te: usize, g: &mut RoleGuess) {
    if g.target.is_some() || g.source.is_none() {
        return;
    }
    g.target = s
        .actors
        .iter()
        .position(|a| a.start >= ts && a.end < te && !a.place && !a.modifier)
        .filter(|&i| Some(i) != g.source);
}

/// "Afganistan'ın Kandahar vilayetinde", "Mali'nin Mopti bölgesinde": a
/// state in the genitive, then a place of its own (one or two words) and a
/// setting word, names where, not who ("İsrail'in Gazze kentinde düzenlediği
/// saldırı" keeps its agent); so does the place right before the setting
/// word.
fn named_region(s: &Sentence, grammar: &Grammar, text: &str, a: &ActorRef) -> bool {
    let w = whole_word(text, a);
    let genitive = w
        .rfind('\'')
        .is_some_and(|i| grammar.genitive_suffixes.iter().any(|g| w[i + 1..] == *g))
        && s.actors
            .iter()
            .find(|p| p.start > a.end)
            .is_some_and(|p| p.place && p.actor == a.actor && gap(text, a.end, p.start) <= 1);
    let rest = text[a.start + w.len()..].split_whitespace().take(3);
    rest.enumerate().any(|(n, word)| {
        let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
        (n == 0 && !w.contains('\'') || n >= 1 && genitive)
            && grammar
                .setting_suffixes
                .iter()
                .any(|x| !x.starts_with('\'') && !x.contains(' ') && word.ends_with(x.as_str()))
    })
}

/// Outside English (the grammars that read counted people), where the date
/// often stands between a verb and its object: a protest named as the object
/// of another act a few words on ("detuvo el lunes a veinte manifestantes")
/// (or counted: "20 متظاهرا") is that act's object; and a rejection right after a protest in its clause
/// ("berunjuk rasa … menentang X": rallied against X) is the protest's aim,
/// not an act of its own.
pub fn protest_object_or_aim(
    s: &Sentence,
    text: &str,
    ts: usize,
    te: usize,
    t: crate::model::EventType,
    grammar: &Grammar,
    type_of: impl Fn(usize) -> crate::model::EventType,
) -> bool {
    if !grammar.counted_people {
        return false;
    }
    match t {
        crate::model::EventType::Protest => s.triggers.iter().any(|o| {
            o.1 <= ts
                && gap(text, o.1, ts) <= 5
                && !clause_break(text, o.1, ts, false)
                && matches!(
                    type_of(o.2),
                    crate::model::EventType::Coerce | crate::model::EventType::Assault
                )
                && (s
                    .actors
                    .iter()
                    .any(|a| a.start <= ts && a.end >= te && a.start >= o.1)
                    // ("اعتقلت الشرطة … 20 متظاهرا": protesters counted)
                    || s
                        .numbers
                        .iter()
                        .any(|n| n.start >= o.1 && n.end <= ts && gap(text, n.end, ts) == 0))
        }),
        crate::model::EventType::Reject => s.triggers.iter().any(|o| {
            o.1 <= ts
                && gap(text, o.1, ts) <= 4
                && !clause_break(text, o.1, ts, false)
                && type_of(o.2) == crate::model::EventType::Protest
        }),
        _ => false,
    }
}

/// "Azerbaycan, Ermenistan saldırı düzenlerse sert karşılık vereceğini
/// açıkladı": where the verb comes last, a verb with the conditional suffix
/// closes the if-clause before the act, which is then its consequence, not
/// the hypothesis. The if-clause (its start, and where its closing verb
/// starts), when the act stands after one in its clause, with nothing before
/// it still conditional: neither the act's own verb nor a later one.
pub fn if_clause_before(s: &Sentence, text: &str, ts: usize, te: usize) -> Option<(usize, usize)> {
    if conditional_verb(s, text, ts, te) {
        return None;
    }
    let conditional = |c: &&(usize, usize, Cue)| c.2 == Cue::Conditional;
    if s.cues
        .iter()
        .filter(conditional)
        .any(|c| c.0 >= te && !clause_break(text, te, c.0, false))
    {
        return None;
    }
    let closer = s
        .cues
        .iter()
        .filter(conditional)
        .rfind(|c| c.1 <= ts && !clause_break(text, c.1, ts, false))?;
    let start = text[s.span.0..closer.0]
        .rfind([',', ';'])
        .map_or(s.span.0, |i| s.span.0 + i + 1);
    // (A closing verb has its subject before it; "eğer" opens the clause.)
    let subject = s
        .actors
        .iter()
        .any(|a| a.start >= start && a.end <= closer.0 && !a.place);
    subject.then_some((start, closer.0))
}

/// The party of an act after an if-clause (see `if_clause_before`) is the
/// one named before the clause; the clause's subject, whom the condition is
/// on, is its target.
pub fn condition_roles(s: &Sentence, (start, end): (usize, usize), g: &mut RoleGuess) {
    let inside = |i: usize| s.actors[i].start >= start && s.actors[i].end <= end;
    let Some(subject) = g.source.filter(|&i| inside(i)) else {
        return;
    };
    let before = s
        .actors
        .iter()
        .rposition(|a| a.end <= start && !a.place && !a.modifier);
    if let Some(b) = before {
        g.source = Some(b);
        if g.target.is_none_or(|t| t == b || inside(t)) {
            g.target = Some(subject);
        }
    }
}

/// How many words of `text[from..to]` are neither date words nor articles
/// nor a short word right before a date word ("el martes", "ce mardi"): in
/// French and Spanish a date often stands between a verb and its object ("a
/// demandé mardi à la France", "mataron el martes a doce civiles"), and does
/// not put the object out of the verb's reach.
pub(super) fn gap_past_dates(
    dates: &super::dates::DateWords,
    text: &str,
    from: usize,
    to: usize,
    articles: &[String],
) -> usize {
    let bytes = text.as_bytes();
    let (mut n, mut i) = (0, from);
    while i < to {
        while i < to && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let ws = i;
        while i < to && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let next = to - text[i..to].trim_ascii_start().len();
        let dated = |at: usize| dates.starts().any(|d| d == at);
        let skipped =
            dated(ws) || articles.iter().any(|a| *a == text[ws..i]) || (i - ws <= 4 && dated(next));
        if ws < i && !skipped {
            n += 1;
        }
    }
    n
}

/// Where the grammar says so (key `launch_at_target`): a launch of
/// weapons (MOBILIZE/weapons: "füze fırlattı", "a lancé des roquettes") aimed
/// at a party is an attack on it (ASSAULT), not a show of force: its target
/// stands right after a target marker ("sur Israël", "ke Israel", "contra
/// Israel") or carries a case ending after its name ("Suudi Arabistan'a").
pub fn launched_at(
    s: &Sentence,
    text: &str,
    grammar: &Grammar,
    target: Option<usize>,
    typed: (crate::model::EventType, Option<String>),
) -> (crate::model::EventType, Option<String>) {
    let weapons =
        typed.0 == crate::model::EventType::Mobilize && typed.1.as_deref() == Some("weapons");
    let Some(a) = target.map(|i| &s.actors[i]).filter(|_| weapons) else {
        return typed;
    };
    if !grammar.launch_at_target || a.place || a.modifier {
        return typed;
    }
    let w = whole_word(text, a);
    let case = w.rfind('\'').is_some_and(|i| {
        grammar
            .object_suffixes
            .iter()
            .any(|x| x.starts_with('\'') && w[i..] == *x)
    });
    let marked = s
        .cues_in(Cue::TargetMarker, s.span.0, a.start)
        .any(|c| right_after(text, c.1, a.start, &grammar.articles));
    match case || marked {
        true => (
            crate::model::EventType::Assault,
            Some("heavy-weapons".to_string()),
        ),
        false => typed,
    }
}
