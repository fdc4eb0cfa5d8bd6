//! The lexicons: every word Flashpoint knows, read from data files.
//!
//! All phrases of all kinds (actors, triggers, places, cues, numbers, dates)
//! are compiled into one trie of tokens (`matcher.rs`), so one pass over a
//! text finds every lexicon phrase in it, whatever the size of the lexicons.

mod edge_table;
mod files;
mod function_words;
mod matcher;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use files::{ActorDef, PlaceDef};
pub use function_words::FunctionWords;
pub use matcher::{fold, Folded, Hit, Meanings};

use crate::model::EventType;
use files::*;

/// Why the lexicons could not be loaded (a configuration error: exit 2).
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("lexicon {path}: {message}")]
    File { path: PathBuf, message: String },
    #[error("lexicon: {0}")]
    Build(String),
}

/// Which way a trigger's roles run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roles {
    /// Actor before the trigger acts on the actor after it ("Turkey struck Syria").
    AgentFirst,
    /// Actor before the trigger is acted upon ("soldiers were killed", "tewas").
    PatientFirst,
    /// The actor before the trigger is told what to do; the speaker whose
    /// words they are acts ("Britain said Libya must hand over …").
    AddresseeFirst,
    /// As `AgentFirst`, but the trigger ends in its object, a protest, and a
    /// by-phrase after the active verb names that protest's people, the
    /// target ("police broke up a rally by opposition supporters").
    ObjectAgent,
}

/// A trigger, compiled.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub event_type: EventType,
    pub mode: Option<String>,
    pub roles: Roles,
    /// Confidence factor of events resting on this trigger.
    pub weight: f64,
    /// Folded words one of which must stand near the trigger (see
    /// `objects` in the trigger files); empty: none needed. Sorted, so
    /// that a word near the trigger is compared only with the objects
    /// that start with its first byte.
    pub objects: Vec<String>,
    /// With no target named, the act is aimed at no one rather than at
    /// the actor's own country (`outward` in the trigger files).
    pub outward: bool,
}

/// Kinds of grammatical cue a language file lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    PassiveAux,
    AgentMarker,
    TargetMarker,
    Negation,
    Modality,
    /// "If Moscow and Damascus agree, …": unlike a modal verb, which binds
    /// the verb beside it, a conditional makes its whole clause hypothetical.
    Conditional,
    /// "has stepped up its attacks since Thursday": an ongoing act, not
    /// one of Thursday's.
    PeriodStart,
    /// "Britain said Libya must hand over the suspects": the speaker
    /// demands what the obliged party must do.
    Obligation,
    Reporting,
    /// "in X", "di X": X is where, not who.
    Location,
    /// "border": a state named with it is not where the act happened.
    Boundary,
    /// "fighting between X and Y": X and Y are the two sides.
    Between,
    /// "X and Y": joined actors act together.
    Conjunction,
    /// "wants Putin to attack": an infinitive is wanted, planned or asked, not done.
    Infinitive,
    /// "in response to", "following": what follows is background to the main clause.
    Subordinator,
    /// "militants who attacked X": the clause after it describes the noun
    /// before it, whose roles are its own.
    Relative,
    /// "will", "ready to", "pledged to": the act is promised, not done.
    Commitment,
    /// "He vowed retaliation": a subject pronoun for a person named in the
    /// sentence before.
    PersonPronoun,
    /// "They fired back", "il a annoncé": a subject pronoun for any actor
    /// named in the sentence before.
    GroupPronoun,
    /// "The army said …", "the military": the state whose forces the
    /// article named last (a cue, not an actor alias, so that "the Armed
    /// Forces of Ukraine" and "the military rulers" still read as names).
    ForcesBefore,
    /// "The group claimed …": the armed group the article named last.
    GroupBefore,
    /// "The defence minister said …": the person the article named last,
    /// when the sentences before name people of one state only.
    PersonBefore,
    /// "The two sides agreed …", "urged both countries to …": the two
    /// parties the nearest sentence naming two named (see
    /// `pair_references` in the extractor).
    /// "killing 23 people", "the dead included children": victims that
    /// are civilians when no party names them (numbers files' `civilians`).
    Civilians,
    PairBefore,
    /// "tried to storm", "attempted to assassinate": an attempted act is
    /// coded as done (CAMEO's attempted assaults); the phrase swallows the
    /// infinitive marker that would make the act a plan.
    Attempt,
    /// "in a bid to", "in an attempt to": the act after it is the purpose
    /// of an act before it, a plan and no threat of its own.
    Purpose,
    /// "last Tuesday", "mardi dernier": the weekday next to it is one of a
    /// past week (dates files' `past_week`).
    PastWeek,
    /// "anti-Assad rebels", "pro-Russian separatists": the actor after it
    /// qualifies a noun and takes no role.
    CompoundPrefix,
    /// "a British-flagged tanker", "Israeli-owned ships": after a hyphen
    /// they keep the actor a party (the noun's owner), not a modifier.
    OwnerCompound,
    /// "will provide 25,000 tons of food aid": a verb of giving carries a
    /// promise on to the aid named after it.
    Giving,
    /// "suspended military aid", "cancelled a visit": a cooperative act
    /// stopped is a sanction (PLOVER SANCTION/discontinue).
    Discontinue,
    /// "lifted the curfew", "eased the blockade": a coercive measure ended
    /// is a concession or a retreat.
    Ease,
    /// "Russia and Ukraine accused each other": the joined subjects act on
    /// one another, both ways.
    Reciprocal,
    /// "after two days of fighting", "weeks of protests": the act after it
    /// is told as a period's sum, background rather than one happening.
    PeriodOf,
    /// "X claimed responsibility for the attack": X is the attacker of
    /// the attack, told here or in the sentences before.
    Claim,
    /// "the killing of Soleimani", "kematian Soleimani": the office-holder
    /// named right after it is dead, so the article is from after the term.
    DeathBefore,
    /// "Nasrallah's death", "Süleymani'nin öldürülmesi": the office-holder
    /// named right before it is dead.
    DeathAfter,
    /// "27 people, including two civilians": the count after it is part of
    /// one told before, not the toll.
    Subset,
    Approx,
    Victims,
    Killed,
    Wounded,
    /// "in total", "so far": the count near it is an aggregate.
    Cumulative,
    /// "25 km west of Goma", "40 percent": a count of a measure, never of
    /// the dead.
    Unit,
    /// "as of", "hingga", "kadar" next to a date: every toll of the
    /// sentence is a running total up to that date. (Kept last: it bounds
    /// [`CUE_KINDS`].)
    Until,
}

/// How many kinds of [`Cue`] there are (`Until` is the last).
pub const CUE_KINDS: usize = Cue::Until as usize + 1;

/// What one lexicon phrase means. A phrase may mean several things
/// ("Ankara" is an actor and a place).
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    Actor(usize),
    Place(usize),
    Trigger(usize),
    /// A phrase that outranks the triggers inside it and means no act.
    NotTrigger,
    /// Shared with every phrase of the sector: a hit's meanings are
    /// cloned, and a `String` here was an allocation per sector word found.
    Sector(std::sync::Arc<str>),
    Month(u32),
    Weekday(u32),
    Relative(i64),
    Number(u64),
    Cue(Cue),
}

/// A meaning, with the language of the file it came from (`None`: any language).
#[derive(Debug, Clone)]
pub struct Entry {
    pub meaning: Meaning,
    pub lang: Option<String>,
}

/// Per-language grammar settings that are not phrases.
#[derive(Debug, Clone, Default)]
pub struct Grammar {
    /// Noun modifiers follow the noun ("serangan Turki" = Turkish attack).
    pub modifier_after_head: bool,
    /// Subject, object, then verb (Turkish): both parties stand before
    /// the trigger, the object nearest to it.
    pub verb_final: bool,
    /// Verb, subject, object (Arabic news prose, beside subject-first
    /// sentences): an active verb with no subject before it takes the first
    /// actor after it as its subject ("قصفت الطائرات الروسية إدلب").
    pub verb_initial: bool,
    /// "quinze Palestiniens", "cuatro palestinos": a state's name right
    /// after a count of people names its people (CVL), not its government.
    pub counted_people: bool,
    /// "füze fırlattı", "a lancé des roquettes sur Israël": a launch of
    /// weapons aimed at a party is an attack on it (`roles::launched_at`).
    pub launch_at_target: bool,
    /// "rejim güçlerinin … saldırısı": a possessor before a noun trigger
    /// is its agent, never its object.
    pub genitive_suffixes: Vec<String>,
    /// "rejim unsurlarınca yapılan saldırı": an actor word with one of these
    /// endings is the agent of a passive act ("by the regime's elements").
    pub agent_suffixes: Vec<String>,
    /// "Rusya, Ukrayna'yı suçladı": an actor word with one of these endings
    /// (accusative, dative) is the verb's object, even after a comma.
    pub object_suffixes: Vec<String>,
    /// "Lübnan'daki Hizbullah": an actor word with one of these endings
    /// (locative, ablative) names where, not who, before a final verb.
    pub setting_suffixes: Vec<String>,
    /// "обстрелян российской армией": where an adjective's own ending is
    /// ambiguous (feminine "-ой" is also genitive), the noun right after the
    /// actor ("армией", "флотом") with one of these endings marks it as the
    /// agent, as `agent_suffixes` do on the actor's own word; an entry may
    /// be a whole indeclinable noun ("ПВО").
    pub agent_head_suffixes: Vec<String>,
    /// "Ukrayna, Rusya'dan esir takası talep etti": an actor word with one
    /// of these endings (ablative) before a request verb is the party asked,
    /// before a withdrawal the party left, though the same ending elsewhere
    /// says where from.
    pub ablative_suffixes: Vec<String>,
    /// "ataque del ELN", "frappes de l'armée": the "of" that links a noun
    /// trigger to its agent.
    pub noun_agent_markers: Vec<String>,
    /// Passive participle endings ("a warning issued by X"): a by-phrase
    /// after one belongs to the noun the participle qualifies.
    pub participle_suffixes: Vec<String>,
    /// Prefixes that make a word a verb ("menyerang", "diserang"); a trigger
    /// without one is a noun ("serangan", "tembakan").
    pub verb_prefixes: Vec<String>,
    /// Verb endings that make an auxiliary progressive, not passive
    /// ("have been battling").
    pub progressive_suffixes: Vec<String>,
    /// Articles that may stand between a location word and the state it
    /// names ("in the Philippines").
    pub articles: Vec<String>,
    /// Words after a meeting that name its topic ("talks on disengagement").
    pub topic_markers: Vec<String>,
    /// Accusing nouns that name the wrong itself ("an act of aggression by
    /// X"): their by-phrase names the one accused, not the accuser.
    pub misdeed_nouns: Vec<String>,
    /// Words right after a count that add it to the dead or wounded named
    /// before ("four other people were killed in the strike").
    pub toll_others: Vec<String>,
}

impl Grammar {
    /// A verb in its progressive form ("battling", "neutralising"): longer
    /// than its ending by more than two letters, so "king" or "sing" is not.
    pub fn progressive(&self, word: &str) -> bool {
        self.progressive_suffixes
            .iter()
            .any(|x| word.len() > x.len() + 2 && word.ends_with(x.as_str()))
    }

    /// A past participle ("backed", "issued", "shown"): the word before a
    /// by-phrase that makes the phrase its own.
    pub fn participle(&self, word: &str) -> bool {
        self.participle_suffixes
            .iter()
            .any(|x| word.ends_with(x.as_str()))
    }
}

/// The settings of a language without a grammar file (`Grammar::default()`).
static NO_GRAMMAR: Grammar = Grammar {
    modifier_after_head: false,
    verb_final: false,
    verb_initial: false,
    counted_people: false,
    launch_at_target: false,
    genitive_suffixes: Vec::new(),
    agent_suffixes: Vec::new(),
    object_suffixes: Vec::new(),
    setting_suffixes: Vec::new(),
    ablative_suffixes: Vec::new(),
    agent_head_suffixes: Vec::new(),
    noun_agent_markers: Vec::new(),
    participle_suffixes: Vec::new(),
    verb_prefixes: Vec::new(),
    progressive_suffixes: Vec::new(),
    articles: Vec::new(),
    topic_markers: Vec::new(),
    misdeed_nouns: Vec::new(),
    toll_others: Vec::new(),
};

/// The loaded lexicons and their automaton.
pub struct Lexicon {
    pub actors: Vec<ActorDef>,
    pub places: Vec<PlaceDef>,
    pub triggers: Vec<Trigger>,
    pub grammar: HashMap<String, Grammar>,
    matcher: matcher::Matcher,
    /// Lower-cased month names of every language, for date lines in ingest.
    months: HashMap<String, u32>,
    /// Words a full stop does not end a sentence after ("mr", "gen").
    abbreviations: HashSet<String>,
    function_words: FunctionWords,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("actors", &self.actors.len())
            .field("places", &self.places.len())
            .field("triggers", &self.triggers.len())
            .field("patterns", &self.matcher.len())
            .finish()
    }
}

fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, LexiconError> {
    let mut out = Vec::new();
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => {
            return Err(LexiconError::File {
                path: dir.to_path_buf(),
                message: e.to_string(),
            })
        }
    };
    for entry in rd.flatten() {
        let p = entry.path();
        if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, LexiconError> {
    let text = std::fs::read_to_string(path).map_err(|e| LexiconError::File {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    toml::from_str(&text).map_err(|e| LexiconError::File {
        path: path.to_path_buf(),
        message: e.to_string().replace('\n', " "),
    })
}

fn lang_of(path: &Path) -> Option<String> {
    path.file_stem().map(|s| s.to_string_lossy().to_lowercase())
}

impl Lexicon {
    /// Loads every lexicon file under `dir` and compiles the automaton.
    pub fn load(dir: &Path) -> Result<Lexicon, LexiconError> {
        let mut b = matcher::Builder::default();
        let mut actors = Vec::new();
        let mut places = Vec::new();
        let mut triggers = Vec::new();
        let mut grammar = HashMap::new();
        let mut months = HashMap::new();
        let mut abbreviations = HashSet::new();
        let mut function_words = FunctionWords::default();

        for path in toml_files(&dir.join("actors"))? {
            let f: ActorsFile = read_toml(&path)?;
            for a in f.actor {
                let idx = actors.len();
                for alias in &a.aliases {
                    b.add(alias, Meaning::Actor(idx), None);
                }
                actors.push(a);
            }
        }
        for path in toml_files(&dir.join("places"))? {
            let f: PlacesFile = read_toml(&path)?;
            for p in f.place {
                let idx = places.len();
                // A place whose aliases are all case-sensitive (generated
                // gazetteers), or that lists "=Lima", is matched by its name
                // case-sensitively too: "lima" is five in Indonesian.
                let listed = p
                    .aliases
                    .iter()
                    .any(|a| a.strip_prefix('=') == Some(&p.name));
                let exact = !p.aliases.is_empty() && p.aliases.iter().all(|a| a.starts_with('='));
                match (listed, exact) {
                    _ if !p.match_name => {}
                    (true, _) => {}
                    (false, true) => b.add(&format!("={}", p.name), Meaning::Place(idx), None),
                    (false, false) => b.add(&p.name, Meaning::Place(idx), None),
                }
                for alias in &p.aliases {
                    b.add(alias, Meaning::Place(idx), None);
                }
                places.push(p);
            }
        }
        for path in toml_files(&dir.join("sectors"))? {
            let f: SectorsFile = read_toml(&path)?;
            for (sector, words) in f.sector {
                let sector: std::sync::Arc<str> = sector.into();
                for w in words {
                    b.add(&w, Meaning::Sector(sector.clone()), None);
                }
            }
        }
        for path in toml_files(&dir.join("triggers"))? {
            let lang = lang_of(&path);
            let f: TriggersFile = read_toml(&path)?;
            for t in f.trigger {
                let event_type =
                    EventType::parse(&t.event_type).ok_or_else(|| LexiconError::File {
                        path: path.clone(),
                        message: format!("unknown PLOVER type `{}`", t.event_type),
                    })?;
                let roles = match t.roles.as_deref() {
                    None | Some("agent_first") => Roles::AgentFirst,
                    Some("patient_first") => Roles::PatientFirst,
                    Some("addressee_first") => Roles::AddresseeFirst,
                    Some("object_agent") => Roles::ObjectAgent,
                    Some(other) => {
                        return Err(LexiconError::File {
                            path: path.clone(),
                            message: format!("unknown roles `{other}`"),
                        })
                    }
                };
                let idx = triggers.len();
                for w in &t.words {
                    b.add(w, Meaning::Trigger(idx), lang.clone());
                }
                let weight = t.confidence.unwrap_or(1.0);
                if !(0.0..=1.0).contains(&weight) {
                    return Err(LexiconError::File {
                        path: path.clone(),
                        message: format!("trigger confidence {weight} is not between 0 and 1"),
                    });
                }
                triggers.push(Trigger {
                    event_type,
                    mode: t.mode,
                    roles,
                    weight,
                    objects: {
                        let mut objects: Vec<String> =
                            t.objects.iter().map(|o| fold(o).text).collect();
                        objects.sort_unstable();
                        objects
                    },
                    outward: t.outward,
                });
            }
            for w in &f.ignore.words {
                b.add(w, Meaning::NotTrigger, lang.clone());
            }
        }
        for path in toml_files(&dir.join("grammar"))? {
            let lang = lang_of(&path);
            let f: GrammarFile = read_toml(&path)?;
            if let Some(lang) = &lang {
                function_words.add(lang, &f.function_words);
                b.clitics(lang, &f.clitic_prefixes);
            }
            let lists = [
                (&f.passive_aux, Cue::PassiveAux),
                (&f.agent_markers, Cue::AgentMarker),
                (&f.target_markers, Cue::TargetMarker),
                (&f.negation, Cue::Negation),
                (&f.modality, Cue::Modality),
                (&f.conditional, Cue::Conditional),
                (&f.period_start, Cue::PeriodStart),
                (&f.obligation, Cue::Obligation),
                (&f.reporting, Cue::Reporting),
                (&f.location_markers, Cue::Location),
                (&f.boundary_words, Cue::Boundary),
                (&f.between, Cue::Between),
                (&f.conjunctions, Cue::Conjunction),
                (&f.infinitive_markers, Cue::Infinitive),
                (&f.subordinators, Cue::Subordinator),
                (&f.relative_pronouns, Cue::Relative),
                (&f.commitment, Cue::Commitment),
                (&f.discontinue, Cue::Discontinue),
                (&f.giving, Cue::Giving),
                (&f.compound_prefixes, Cue::CompoundPrefix),
                (&f.owner_compounds, Cue::OwnerCompound),
                (&f.person_pronouns, Cue::PersonPronoun),
                (&f.group_pronouns, Cue::GroupPronoun),
                (&f.forces_named_before, Cue::ForcesBefore),
                (&f.group_named_before, Cue::GroupBefore),
                (&f.person_named_before, Cue::PersonBefore),
                (&f.pair_named_before, Cue::PairBefore),
                (&f.attempt, Cue::Attempt),
                (&f.purpose, Cue::Purpose),
                (&f.ease, Cue::Ease),
                (&f.reciprocal, Cue::Reciprocal),
                (&f.period_of, Cue::PeriodOf),
                (&f.claims, Cue::Claim),
                (&f.death_before_name, Cue::DeathBefore),
                (&f.death_after_name, Cue::DeathAfter),
            ];
            for (words, cue) in lists {
                for w in words {
                    b.add(w, Meaning::Cue(cue), lang.clone());
                }
            }
            abbreviations.extend(
                f.abbreviations
                    .iter()
                    .map(|a| fold(a.trim_end_matches('.')).text),
            );
            grammar.insert(
                lang.clone().unwrap_or_default(),
                Grammar {
                    modifier_after_head: f.modifier_after_head,
                    verb_final: f.verb_final,
                    verb_initial: f.verb_initial,
                    counted_people: f.counted_people,
                    launch_at_target: f.launch_at_target,
                    genitive_suffixes: f.genitive_suffixes.iter().map(|x| fold(x).text).collect(),
                    agent_suffixes: f.agent_suffixes.iter().map(|x| fold(x).text).collect(),
                    object_suffixes: f.object_suffixes.iter().map(|x| fold(x).text).collect(),
                    setting_suffixes: f.setting_suffixes.iter().map(|x| fold(x).text).collect(),
                    ablative_suffixes: f.ablative_suffixes.iter().map(|x| fold(x).text).collect(),
                    agent_head_suffixes: f
                        .agent_head_suffixes
                        .iter()
                        .map(|x| fold(x).text)
                        .collect(),
                    noun_agent_markers: {
                        // Longest first: "de la" before "de".
                        let mut m: Vec<String> =
                            f.noun_agent_markers.iter().map(|x| fold(x).text).collect();
                        m.sort_by_key(|x| std::cmp::Reverse(x.len()));
                        m
                    },
                    participle_suffixes: f
                        .participle_suffixes
                        .iter()
                        .map(|x| fold(x).text)
                        .collect(),
                    verb_prefixes: f.verb_prefixes.iter().map(|x| fold(x).text).collect(),
                    progressive_suffixes: f.progressive_suffixes.clone(),
                    articles: f.articles.iter().map(|x| fold(x).text).collect(),
                    topic_markers: f.topic_markers.iter().map(|x| fold(x).text).collect(),
                    misdeed_nouns: f.misdeed_nouns.iter().map(|x| fold(x).text).collect(),
                    toll_others: f.toll_others.iter().map(|x| fold(x).text).collect(),
                },
            );
        }
        for path in toml_files(&dir.join("dates"))? {
            let lang = lang_of(&path);
            let f: DatesFile = read_toml(&path)?;
            for (w, m) in f.months {
                if !(1..=12).contains(&m) {
                    return Err(LexiconError::File {
                        path,
                        message: format!("month `{w}` = {m} is not 1–12"),
                    });
                }
                b.add(&w, Meaning::Month(m), lang.clone());
                // Case-sensitive names ("=May", also a verb) keep their case.
                let key = if w.starts_with('=') {
                    w.clone()
                } else {
                    fold(&w).text
                };
                months.insert(key, m);
            }
            for (w, d) in f.weekdays {
                if d > 6 {
                    return Err(LexiconError::File {
                        path,
                        message: format!("weekday `{w}` = {d} is not 0–6"),
                    });
                }
                b.add(&w, Meaning::Weekday(d), lang.clone());
            }
            for (w, d) in f.relative {
                b.add(&w, Meaning::Relative(d), lang.clone());
            }
            for w in f.past_week {
                b.add(&w, Meaning::Cue(Cue::PastWeek), lang.clone());
            }
        }
        for path in toml_files(&dir.join("numbers"))? {
            let lang = lang_of(&path);
            let f: NumbersFile = read_toml(&path)?;
            for (w, n) in f.numbers {
                b.add(&w, Meaning::Number(n), lang.clone());
            }
            let lists = [
                (&f.approx.words, Cue::Approx),
                (&f.subset.words, Cue::Subset),
                (&f.victims.words, Cue::Victims),
                (&f.killed.words, Cue::Killed),
                (&f.wounded.words, Cue::Wounded),
                (&f.cumulative.words, Cue::Cumulative),
                (&f.until.words, Cue::Until),
                (&f.units.words, Cue::Unit),
                (&f.civilians.words, Cue::Civilians),
            ];
            for (words, cue) in lists {
                for w in words {
                    b.add(w, Meaning::Cue(cue), lang.clone());
                }
            }
        }
        if actors.is_empty() {
            return Err(LexiconError::Build(format!(
                "no actors found under {}",
                dir.join("actors").display()
            )));
        }
        let matcher = b.build().map_err(LexiconError::Build)?;
        Ok(Lexicon {
            actors,
            places,
            triggers,
            grammar,
            function_words,
            matcher,
            months,
            abbreviations,
        })
    }

    /// Every lexicon phrase in `folded`, non-overlapping, longest first,
    /// keeping only meanings that hold in `lang` (`None`: any language).
    pub fn scan(&self, folded: &Folded, lang: Option<&str>) -> Vec<Hit<'_>> {
        self.matcher.scan(folded, lang)
    }

    /// Month number of a month name in any language ("Maret" → 3);
    /// names listed case-sensitively match only as written ("May").
    pub fn month(&self, word: &str) -> Option<u32> {
        self.months
            .get(&fold(word).text)
            .or_else(|| self.months.get(&format!("={word}")))
            .copied()
    }

    /// Each language's commonest words, for a fast language guess.
    pub fn function_words(&self) -> &FunctionWords {
        &self.function_words
    }

    /// Abbreviations of every language, folded, without their full stop.
    pub fn abbreviations(&self) -> &HashSet<String> {
        &self.abbreviations
    }

    /// Grammar settings of a language (borrowed: the extractor asks once
    /// per article, and a copy is five vectors of strings).
    pub fn grammar(&self, lang: &str) -> &Grammar {
        self.grammar.get(lang).unwrap_or(&NO_GRAMMAR)
    }

    /// Number of phrases in the automaton.
    pub fn phrase_count(&self) -> usize {
        self.matcher.len()
    }

    /// Heap bytes of the automaton, for the benches' memory report.
    pub fn automaton_memory(&self) -> usize {
        self.matcher.memory_usage()
    }
}
