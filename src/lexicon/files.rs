//! The on-disk shape of the lexicon files (see `config/lexicon/README.md`).

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorsFile {
    #[serde(default)]
    pub actor: Vec<ActorDef>,
}

/// One actor: a state, group, body or dated person.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorDef {
    pub code: String,
    pub name: String,
    #[serde(default = "default_sector")]
    pub sector: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub from: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub until: Option<chrono::NaiveDate>,
    pub aliases: Vec<String>,
}

fn default_sector() -> String {
    "GOV".into()
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorsFile {
    #[serde(default)]
    pub sector: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggersFile {
    #[serde(default)]
    pub trigger: Vec<TriggerDef>,
    /// Phrases that contain a trigger word but report no act ("charm
    /// offensive", "strike a deal", "attack helicopter").
    #[serde(default)]
    pub ignore: WordList,
}

/// Words that signal one PLOVER type (and mode).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerDef {
    #[serde(rename = "type")]
    pub event_type: String,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub roles: Option<String>,
    /// How much an event rests on this word (default 1): weak words, such
    /// as "backed" for standing alignments, start lower.
    #[serde(default)]
    pub confidence: Option<f64>,
    pub words: Vec<String>,
    /// The words trigger only with one of these nearby ("released" with
    /// "prisoners", "shut" with "airspace"): a verb too common alone, and
    /// its objects, without listing every phrase in between.
    #[serde(default)]
    pub objects: Vec<String>,
    /// The act faces outward ("closed its airspace", "blockade"): with no
    /// one named it targets no one, never the actor's own country.
    #[serde(default)]
    pub outward: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrammarFile {
    /// The language's commonest short words, for a fast language guess.
    #[serde(default)]
    pub function_words: Vec<String>,
    #[serde(default)]
    pub passive_aux: Vec<String>,
    #[serde(default)]
    pub agent_markers: Vec<String>,
    #[serde(default)]
    pub target_markers: Vec<String>,
    #[serde(default)]
    pub negation: Vec<String>,
    #[serde(default)]
    pub modality: Vec<String>,
    /// "since Thursday": the date after it starts a period, it does not
    /// date the act the clause before it reports.
    #[serde(default)]
    pub period_start: Vec<String>,
    /// "must", "should": a party said to be obliged is asked to act.
    #[serde(default)]
    pub obligation: Vec<String>,
    /// "if", "unless": everything after it in its clause is hypothetical.
    #[serde(default)]
    pub conditional: Vec<String>,
    #[serde(default)]
    pub reporting: Vec<String>,
    #[serde(default)]
    pub location_markers: Vec<String>,
    /// "border", "perbatasan": a state named with one is a neighbour of
    /// the place, not the place ("near the Ugandan border").
    #[serde(default)]
    pub boundary_words: Vec<String>,
    /// "between": the two actors joined after it are the two sides of the
    /// act before it ("fighting between Israel and Hezbollah").
    #[serde(default)]
    pub between: Vec<String>,
    #[serde(default)]
    pub conjunctions: Vec<String>,
    #[serde(default)]
    pub infinitive_markers: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub subordinators: Vec<String>,
    #[serde(default)]
    pub relative_pronouns: Vec<String>,
    #[serde(default)]
    pub commitment: Vec<String>,
    #[serde(default)]
    pub progressive_suffixes: Vec<String>,
    #[serde(default)]
    pub articles: Vec<String>,
    /// "talks on disengagement": words after a meeting that name its topic.
    #[serde(default)]
    pub topic_markers: Vec<String>,
    /// "an act of aggression by X": nouns that name the wrong itself.
    #[serde(default)]
    pub misdeed_nouns: Vec<String>,
    /// "four other people were killed": words after a count that add it
    /// to victims named before.
    #[serde(default)]
    pub toll_others: Vec<String>,
    #[serde(default)]
    pub modifier_after_head: bool,
    #[serde(default)]
    pub verb_final: bool,
    #[serde(default)]
    pub verb_initial: bool,
    #[serde(default)]
    pub counted_people: bool,
    #[serde(default)]
    pub launch_at_target: bool,
    #[serde(default)]
    pub genitive_suffixes: Vec<String>,
    #[serde(default)]
    pub agent_suffixes: Vec<String>,
    #[serde(default)]
    pub object_suffixes: Vec<String>,
    #[serde(default)]
    pub setting_suffixes: Vec<String>,
    /// "российской армией": the head noun's ending that marks an agent.
    #[serde(default)]
    pub agent_head_suffixes: Vec<String>,
    /// "Rusya'dan talep etti": the ending of the party a request is made of
    /// (or a withdrawal leaves).
    #[serde(default)]
    pub ablative_suffixes: Vec<String>,
    #[serde(default)]
    pub noun_agent_markers: Vec<String>,
    #[serde(default)]
    pub participle_suffixes: Vec<String>,
    #[serde(default)]
    pub discontinue: Vec<String>,
    #[serde(default)]
    pub giving: Vec<String>,
    #[serde(default)]
    pub compound_prefixes: Vec<String>,
    #[serde(default)]
    pub owner_compounds: Vec<String>,
    #[serde(default)]
    pub person_pronouns: Vec<String>,
    #[serde(default)]
    pub group_pronouns: Vec<String>,
    /// "The army said …": a state's forces the article named before.
    #[serde(default)]
    pub forces_named_before: Vec<String>,
    /// "The group claimed …": an armed group the article named before.
    #[serde(default)]
    pub group_named_before: Vec<String>,
    /// "The defence minister said …": a person the article named before.
    #[serde(default)]
    pub person_named_before: Vec<String>,
    /// "The two sides agreed …": the two parties a sentence before named.
    #[serde(default)]
    pub pair_named_before: Vec<String>,
    /// "tried to", "attempted to": an attempt, coded as the act itself.
    #[serde(default)]
    pub attempt: Vec<String>,
    /// "in a bid to": the purpose of an act, not an act or threat.
    #[serde(default)]
    pub purpose: Vec<String>,
    #[serde(default)]
    pub ease: Vec<String>,
    /// "each other", "saling": the two joined subjects act on one another.
    #[serde(default)]
    pub reciprocal: Vec<String>,
    /// "after two days of fighting": the act after it is a period's sum.
    #[serde(default)]
    pub period_of: Vec<String>,
    /// "claimed responsibility for": its subject did the attack named
    /// after it (or the one told before).
    #[serde(default)]
    pub claims: Vec<String>,
    /// "the death of", "killing of": a dated person named right after one
    /// is dead (an undated article telling the death is from after the term).
    #[serde(default)]
    pub death_before_name: Vec<String>,
    /// "'s death", "was killed": the same, after the person's name.
    #[serde(default)]
    pub death_after_name: Vec<String>,
    #[serde(default)]
    pub verb_prefixes: Vec<String>,
    /// ar: "و", "ال", "وال"…: prefixes a word may carry before a lexicon phrase.
    #[serde(default)]
    pub clitic_prefixes: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatesFile {
    #[serde(default)]
    pub months: BTreeMap<String, u32>,
    #[serde(default)]
    pub weekdays: BTreeMap<String, u32>,
    #[serde(default)]
    pub relative: BTreeMap<String, i64>,
    /// "last Tuesday", "mardi dernier": words right before or after a
    /// weekday that put it in a past week.
    #[serde(default)]
    pub past_week: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordList {
    #[serde(default)]
    pub words: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumbersFile {
    #[serde(default)]
    pub numbers: BTreeMap<String, u64>,
    #[serde(default)]
    pub approx: WordList,
    /// "including two civilians": a count that is part of another.
    #[serde(default)]
    pub subset: WordList,
    #[serde(default)]
    pub victims: WordList,
    #[serde(default)]
    pub killed: WordList,
    #[serde(default)]
    pub wounded: WordList,
    #[serde(default)]
    pub cumulative: WordList,
    #[serde(default)]
    pub until: WordList,
    /// "25 km", "40 percent": measures after a number.
    #[serde(default)]
    pub units: WordList,
    /// "killing 23 people": victims that are civilians when no party
    /// names them.
    #[serde(default)]
    pub civilians: WordList,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    #[serde(default)]
    pub place: Vec<PlaceDef>,
}

/// A gazetteer entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceDef {
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Seas and straits no one state holds: they locate an event but never
    /// stand for the coastal state `country` names ("attacked a ship in the
    /// Red Sea" does not strike Yemen).
    #[serde(default)]
    pub waters: bool,
    /// Whether the name itself is matched, as well as the aliases. False
    /// for a division whose bare name means something else in a news
    /// sentence ("the Gulf", "Delta", "Judge Rivera"): only its qualified
    /// aliases ("Gulf Province") name it.
    #[serde(default = "yes")]
    pub match_name: bool,
}

fn yes() -> bool {
    true
}
