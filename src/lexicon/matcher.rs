//! One automaton over every lexicon phrase, and the case folding it runs on.

use std::collections::HashMap;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use super::{Cue, Entry, Meaning};

/// A text folded for matching: lower-cased, white space runs collapsed to one
/// space (or one line break), typographic apostrophes made plain, with a map back to the original.
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    pub original: &'a str,
    pub text: String,
    /// `map[i]`: original byte offset of folded byte `i`; one extra entry for the end.
    map: Vec<u32>,
}

impl Folded<'_> {
    /// Original byte offset of folded offset `i`.
    pub fn to_original(&self, i: usize) -> usize {
        self.map[i.min(self.map.len() - 1)] as usize
    }

    /// Original byte range of folded range `start..end` (trailing space excluded).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.to_original(start);
        if end == 0 || end <= start {
            return (s, s);
        }
        let last = self.to_original(end - 1);
        let len = self.original[last..]
            .chars()
            .next()
            .map(char::len_utf8)
            .unwrap_or(0);
        (s, last + len)
    }
}

/// Folds `text` for matching (see [`Folded`]).
pub fn fold(text: &str) -> Folded<'_> {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            // A run with a line break stays a line break: paragraphs and
            // headlines are sentence boundaries, and no phrase spans them.
            if !in_space {
                out.push(if c == '\n' { '\n' } else { ' ' });
                map.push(i as u32);
            } else if c == '\n' && out.ends_with(' ') {
                out.pop();
                out.push('\n');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        let before = out.len();
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => out.push('\''),
            // Turkish dotted capital I folds to a plain i, not i + combining dot.
            '\u{0130}' => out.push('i'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
        for _ in before..out.len() {
            map.push(i as u32);
        }
    }
    map.push(text.len() as u32);
    Folded {
        original: text,
        text: out,
        map,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// One lexicon phrase found in a text.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Folded byte range.
    pub start: usize,
    pub end: usize,
    /// Original byte range.
    pub orig: (usize, usize),
    pub pattern: usize,
    pub meanings: Vec<Meaning>,
}

#[derive(Debug, Clone)]
struct Variant {
    entry: Entry,
    prefix: bool,
    /// Exact spelling required (patterns written `=Word`).
    exact: Option<String>,
}

#[derive(Default)]
pub struct Builder {
    index: HashMap<String, usize>,
    patterns: Vec<String>,
    variants: Vec<Vec<Variant>>,
}

impl Builder {
    /// Adds one phrase in the lexicon pattern syntax.
    pub fn add(&mut self, phrase: &str, meaning: Meaning, lang: Option<String>) {
        let mut p = phrase.trim();
        let exact = p.starts_with('=');
        if exact {
            p = &p[1..];
        }
        let prefix = p.ends_with('*');
        if prefix {
            p = &p[..p.len() - 1];
        }
        let spelled = p.split_whitespace().collect::<Vec<_>>().join(" ");
        let key = fold(&spelled).text;
        if key.is_empty() {
            return;
        }
        let id = *self.index.entry(key.clone()).or_insert_with(|| {
            self.patterns.push(key);
            self.variants.push(Vec::new());
            self.patterns.len() - 1
        });
        self.variants[id].push(Variant {
            entry: Entry { meaning, lang },
            prefix,
            exact: exact.then(|| spelled.replace('\u{2019}', "'")),
        });
    }

    pub fn build(self) -> Result<Matcher, String> {
        // A contiguous NFA walked anchored from each word start (see
        // `Matcher::scan`): compact for 20k+ phrases, and it never reports the
        // matches inside words that an unanchored search would find and drop.
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&self.patterns)
            .map_err(|e| e.to_string())?;
        Ok(Matcher {
            nfa,
            variants: self.variants,
        })
    }
}

pub struct Matcher {
    nfa: NFA,
    variants: Vec<Vec<Variant>>,
}

impl Matcher {
    pub fn len(&self) -> usize {
        self.variants.len()
    }

    /// Every phrase that starts where a word (or a non-space symbol) starts:
    /// `(start, end, pattern)`, by start then length. Walking the automaton
    /// anchored from those positions only costs a few steps per word, where an
    /// unanchored overlapping search would report, then drop, every phrase
    /// found inside a longer word ("us" in "russia").
    fn phrases(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let Ok(start) = self.nfa.start_state(Anchored::Yes) else {
            return out;
        };
        let mut prev_word = false;
        for (i, c) in text.char_indices() {
            let word = is_word_char(c);
            let begins = !(c.is_whitespace() || (word && prev_word));
            prev_word = word;
            if !begins {
                continue;
            }
            let mut sid = start;
            for (j, &b) in bytes.iter().enumerate().skip(i) {
                sid = self.nfa.next_state(Anchored::Yes, sid, b);
                if self.nfa.is_dead(sid) {
                    break;
                }
                if self.nfa.is_match(sid) {
                    let len = j + 1 - i;
                    for k in 0..self.nfa.match_len(sid) {
                        let pid = self.nfa.match_pattern(sid, k);
                        // A match state also holds the phrases that end here
                        // but started later (suffixes): keep only ours.
                        if self.nfa.pattern_len(pid) == len {
                            out.push((i, j + 1, pid.as_usize()));
                        }
                    }
                }
            }
        }
        out
    }

    pub fn scan(&self, folded: &Folded, lang: Option<&str>) -> Vec<Hit> {
        let text = folded.text.as_str();
        // Hits sorted into layers of meaning as they are found: an entity
        // may overlap a trigger or a cue ("were killed" is a toll cue while
        // "killed" is a trigger), but two entities may not.
        let mut layers: [Vec<Hit>; 5] = Default::default();
        for (s, e, pid) in self.phrases(text) {
            let ends_word = text[e..].chars().next().is_none_or(|c| !is_word_char(c))
                || !text[..e].chars().next_back().is_some_and(is_word_char);
            let word_end = if ends_word {
                e
            } else {
                text[e..]
                    .char_indices()
                    .find(|&(_, c)| !is_word_char(c))
                    .map(|(i, _)| e + i)
                    .unwrap_or(text.len())
            };
            for v in &self.variants[pid] {
                if let (Some(want), Some(have)) = (&v.entry.lang, lang) {
                    if want != have {
                        continue;
                    }
                }
                if !ends_word && !v.prefix {
                    continue;
                }
                if let Some(exact) = &v.exact {
                    let (os, oe) = folded.original_range(s, e);
                    let orig = folded.original[os..oe]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .replace('\u{2019}', "'");
                    if &orig != exact {
                        continue;
                    }
                }
                // A full match ends at `e`; a prefix phrase covers its word.
                let end = if ends_word { e } else { word_end };
                let layer = &mut layers[layer(&v.entry.meaning)];
                match layer.last_mut() {
                    Some(h) if h.start == s && h.end == end => {
                        h.meanings.push(v.entry.meaning.clone());
                    }
                    _ => layer.push(Hit {
                        start: s,
                        end,
                        orig: folded.original_range(s, end),
                        pattern: pid,
                        meanings: vec![v.entry.meaning.clone()],
                    }),
                }
            }
        }
        // Leftmost, then longest, within each layer.
        let mut out: Vec<Hit> = Vec::new();
        for mut layer in layers {
            layer.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
            let mut kept: Vec<Hit> = Vec::with_capacity(layer.len());
            for h in layer {
                match kept.last_mut() {
                    Some(prev) if h.start < prev.end => {
                        // Same span, another pattern: merge meanings.
                        if prev.start == h.start && prev.end == h.end {
                            prev.meanings.extend(h.meanings);
                        }
                    }
                    _ => kept.push(h),
                }
            }
            out.extend(kept);
        }
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        out
    }
}

/// Which layer of meaning a phrase belongs to (see [`Matcher::scan`]).
fn layer(m: &Meaning) -> usize {
    match m {
        Meaning::Actor(_) | Meaning::Place(_) | Meaning::Sector(_) => 0,
        Meaning::Trigger(_) | Meaning::NotTrigger => 1,
        Meaning::Cue(Cue::Approx | Cue::Victims | Cue::Killed | Cue::Wounded | Cue::Cumulative) => {
            4
        }
        Meaning::Cue(_) => 2,
        Meaning::Number(_) | Meaning::Month(_) | Meaning::Weekday(_) | Meaning::Relative(_) => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(pats: &[(&str, Meaning)]) -> Matcher {
        let mut b = Builder::default();
        for (p, m) in pats {
            b.add(p, m.clone(), None);
        }
        b.build().unwrap()
    }

    #[test]
    fn fold_keeps_a_map_to_the_original() {
        let f = fold("İdlib  Ankara’s\nTROOPS");
        assert_eq!(f.text, "idlib ankara's\ntroops");
        let i = f.text.find("troops").unwrap();
        let (s, e) = f.original_range(i, i + 6);
        assert_eq!(&f.original[s..e], "TROOPS");
    }

    #[test]
    fn word_boundaries_prefixes_and_exact_case() {
        let m = matcher(&[
            ("attack*", Meaning::Cue(Cue::Killed)),
            ("=US", Meaning::Actor(0)),
            ("Turk", Meaning::Actor(1)),
            ("air strike*", Meaning::Trigger(0)),
        ]);
        let text = "Turkey attacked us; the US said air  strikes hit Turks.";
        let f = fold(text);
        let hits = m.scan(&f, None);
        let words: Vec<&str> = hits.iter().map(|h| &text[h.orig.0..h.orig.1]).collect();
        assert_eq!(words, vec!["attacked", "US", "air  strikes"]);
        // Different layers may overlap; the same layer may not.
        let m = matcher(&[
            ("were killed", Meaning::Cue(Cue::Killed)),
            ("killed", Meaning::Trigger(0)),
            ("Turkish", Meaning::Actor(0)),
            ("Turkish soldiers", Meaning::Actor(1)),
        ]);
        let f = fold("Turkish soldiers were killed");
        let hits = m.scan(&f, None);
        let found: Vec<(&str, &Meaning)> = hits
            .iter()
            .map(|h| (&f.text[h.start..h.end], &h.meanings[0]))
            .collect();
        assert_eq!(
            found,
            vec![
                ("turkish soldiers", &Meaning::Actor(1)),
                ("were killed", &Meaning::Cue(Cue::Killed)),
                ("killed", &Meaning::Trigger(0)),
            ]
        );
    }

    #[test]
    fn longest_wins_and_language_filters() {
        let mut b = Builder::default();
        b.add("Turkish", Meaning::Actor(0), None);
        b.add("Turkish Defence Ministry", Meaning::Actor(1), None);
        b.add("tidak", Meaning::Cue(Cue::Negation), Some("id".into()));
        let m = b.build().unwrap();
        let f = fold("The Turkish Defence Ministry tidak");
        let en = m.scan(&f, Some("en"));
        assert_eq!(en.len(), 1);
        assert_eq!(en[0].meanings, vec![Meaning::Actor(1)]);
        assert_eq!(m.scan(&f, Some("id")).len(), 2);
    }
}
