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

/// ASCII bytes `fold` cannot copy as they are (lower-cased): white space
/// (collapsed) and the backtick (an apostrophe). Non-ASCII bytes are handled
/// apart.
const FOLD_SPECIAL: [bool; 128] = {
    let mut t = [false; 128];
    t[b' ' as usize] = true;
    let mut b = b'\t';
    while b <= b'\r' {
        t[b as usize] = true;
        b += 1;
    }
    t[b'`' as usize] = true;
    t
};

/// Folds `text` for matching (see [`Folded`]).
///
/// Most news text is ASCII: a run of plain ASCII bytes (no white space, no
/// backtick) is copied lower-cased and mapped in one go, without decoding a
/// `char` or pushing byte by byte; only white space, backticks and non-ASCII
/// characters take the per-character path below. Both give the same text
/// and map.
pub fn fold(text: &str) -> Folded<'_> {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..]
            .iter()
            .position(|&b| !b.is_ascii() || FOLD_SPECIAL[b as usize])
            .unwrap_or(bytes.len() - i);
        if run > 0 {
            out.extend(bytes[i..i + run].iter().map(u8::to_ascii_lowercase));
            map.extend(i as u32..(i + run) as u32);
            in_space = false;
            i += run;
            continue;
        }
        let b = bytes[i];
        let (c, len) = if b.is_ascii() {
            (b as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            (c, c.len_utf8())
        };
        let at = i as u32;
        i += len;
        if is_space(c) {
            // A run with a line break stays a line break: paragraphs and
            // headlines are sentence boundaries, and no phrase spans them.
            if !in_space {
                out.push(if c == '\n' { b'\n' } else { b' ' });
                map.push(at);
            } else if c == '\n' && out.last() == Some(&b' ') {
                out.pop();
                out.push(b'\n');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        let before = out.len();
        let mut push = |c: char| {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        };
        match c {
            '`' | '\u{2019}' | '\u{2018}' | '\u{02BC}' => push('\''),
            // Turkish dotted capital I folds to a plain i, not i + combining dot.
            '\u{0130}' => push('i'),
            c => c.to_lowercase().for_each(push),
        }
        for _ in before..out.len() {
            map.push(at);
        }
    }
    map.push(text.len() as u32);
    Folded {
        original: text,
        // Only ASCII bytes and whole encoded characters were pushed.
        text: String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        map,
    }
}

/// `char::is_whitespace`, with the ASCII answer first (the common case).
#[inline]
fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t'..='\r' => true,
        c if c.is_ascii() => false,
        c => c.is_whitespace(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character that starts at byte `i` of `text` (`i` on a boundary).
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// The character that ends at byte `i` of `text` (`i` on a boundary).
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).map(|j| text.as_bytes()[j]) {
        Some(b) if b.is_ascii() => Some(b as char),
        Some(_) => text[..i].chars().next_back(),
        None => None,
    }
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
    /// Its layer of meaning (see [`layer`]), computed once at build time.
    layer: usize,
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
            layer: layer(&meaning),
            entry: Entry { meaning, lang },
            prefix,
            exact: exact.then(|| spelled.replace('\u{2019}', "'")),
        });
    }

    pub fn build(self) -> Result<Matcher, String> {
        // A contiguous NFA walked anchored from each word start (see
        // `Matcher::scan`): it never reports the matches inside words that an
        // unanchored search would find and drop. Anchored, it never follows a
        // failure link. Not a DFA: with byte classes, aho-corasick's anchored
        // DFA of the shipped lexicon is 93 MB (one row per trie node), where
        // this is a few MB and the walks are short (a few bytes per word).
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

/// A phrase meaning kept by the language and word-boundary filters, before
/// overlaps within its layer are resolved.
#[derive(Clone, Copy)]
struct Candidate {
    start: u32,
    end: u32,
    pattern: u32,
    variant: u32,
}

/// A span that survives in its layer, with its candidates (`from..to` in
/// the layer's sorted list; same span, meanings in order).
#[derive(Clone, Copy)]
struct Kept {
    start: u32,
    end: u32,
    layer: u8,
    from: u32,
    to: u32,
}

impl Matcher {
    pub fn len(&self) -> usize {
        self.variants.len()
    }

    /// Heap bytes of the automaton (transition table, match lists).
    pub fn memory_usage(&self) -> usize {
        self.nfa.memory_usage()
    }

    /// Every lexicon phrase in `folded`, sorted into layers of meaning: an
    /// entity may overlap a trigger or a cue ("were killed" is a toll cue
    /// while "killed" is a trigger), but two entities may not. Within a
    /// layer the leftmost, then longest, phrase wins; the result is ordered
    /// by start, then longest first, then layer.
    ///
    /// Phrases are found by walking the automaton anchored from each
    /// position where a word (or a non-space symbol) starts: a few steps per
    /// word, where an unanchored overlapping search would report, then drop,
    /// every phrase found inside a longer word ("us" in "russia"). Filtering
    /// and overlap resolution run on small `Candidate` records; a `Hit`
    /// (with its allocated meanings) is made only for spans that survive.
    pub fn scan(&self, folded: &Folded, lang: Option<&str>) -> Vec<Hit> {
        let text = folded.text.as_str();
        let bytes = text.as_bytes();
        let mut layers: [Vec<Candidate>; 5] = Default::default();
        let Ok(start) = self.nfa.start_state(Anchored::Yes) else {
            return Vec::new();
        };
        let mut prev_word = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (word, space, len) = if b.is_ascii() {
                (b.is_ascii_alphanumeric(), is_space(b as char), 1)
            } else {
                let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
                (is_word_char(c), is_space(c), c.len_utf8())
            };
            let begins = !(space || (word && prev_word));
            prev_word = word;
            if begins {
                let mut sid = start;
                for (j, &b) in bytes.iter().enumerate().skip(i) {
                    sid = self.nfa.next_state(Anchored::Yes, sid, b);
                    if self.nfa.is_dead(sid) {
                        break;
                    }
                    if self.nfa.is_match(sid) {
                        let n = j + 1 - i;
                        for k in 0..self.nfa.match_len(sid) {
                            let pid = self.nfa.match_pattern(sid, k);
                            // A match state also holds the phrases that end
                            // here but started later (suffixes): keep only ours.
                            if self.nfa.pattern_len(pid) == n {
                                self.candidates(
                                    folded,
                                    lang,
                                    i,
                                    j + 1,
                                    pid.as_usize(),
                                    &mut layers,
                                );
                            }
                        }
                    }
                }
            }
            i += len;
        }
        // Leftmost, then longest, within each layer. Candidates arrive by
        // start; only those with the same start need ordering (longest
        // first; a stable sort keeps same-span meanings in lexicon order).
        let mut kept: [Vec<Kept>; 5] = Default::default();
        for (l, layer) in layers.iter_mut().enumerate() {
            let mut a = 0;
            while a < layer.len() {
                let mut z = a + 1;
                while z < layer.len() && layer[z].start == layer[a].start {
                    z += 1;
                }
                if z - a > 1 {
                    layer[a..z].sort_by_key(|c| std::cmp::Reverse(c.end));
                }
                a = z;
            }
            let out = &mut kept[l];
            for (idx, c) in layer.iter().enumerate() {
                match out.last_mut() {
                    Some(prev) if c.start < prev.end => {
                        // Same span, another pattern: merge meanings.
                        if prev.start == c.start && prev.end == c.end {
                            prev.to = idx as u32 + 1;
                        }
                    }
                    _ => out.push(Kept {
                        start: c.start,
                        end: c.end,
                        layer: l as u8,
                        from: idx as u32,
                        to: idx as u32 + 1,
                    }),
                }
            }
        }
        // Merge the layers: by start, longest first, then by layer.
        let total = kept.iter().map(Vec::len).sum();
        let mut out: Vec<Hit> = Vec::with_capacity(total);
        let mut heads = [0usize; 5];
        for _ in 0..total {
            let mut best: Option<Kept> = None;
            for (l, k) in kept.iter().enumerate() {
                if let Some(&h) = k.get(heads[l]) {
                    if best
                        .is_none_or(|b| h.start < b.start || (h.start == b.start && h.end > b.end))
                    {
                        best = Some(h);
                    }
                }
            }
            let Some(h) = best else { break };
            heads[h.layer as usize] += 1;
            let cands = &layers[h.layer as usize][h.from as usize..h.to as usize];
            out.push(Hit {
                start: h.start as usize,
                end: h.end as usize,
                orig: folded.original_range(h.start as usize, h.end as usize),
                pattern: cands[0].pattern as usize,
                meanings: cands
                    .iter()
                    .map(|c| {
                        self.variants[c.pattern as usize][c.variant as usize]
                            .entry
                            .meaning
                            .clone()
                    })
                    .collect(),
            });
        }
        out
    }

    /// The meanings of phrase `pid`, found at folded `s..e`, that hold in
    /// `lang` and at this word boundary, added to their layers.
    fn candidates(
        &self,
        folded: &Folded,
        lang: Option<&str>,
        s: usize,
        e: usize,
        pid: usize,
        layers: &mut [Vec<Candidate>; 5],
    ) {
        let text = folded.text.as_str();
        let ends_word = char_at(text, e).is_none_or(|c| !is_word_char(c))
            || !char_before(text, e).is_some_and(is_word_char);
        let mut word_end = None;
        for (vi, v) in self.variants[pid].iter().enumerate() {
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
            let end = if ends_word {
                e
            } else {
                *word_end.get_or_insert_with(|| {
                    text[e..]
                        .char_indices()
                        .find(|&(_, c)| !is_word_char(c))
                        .map(|(i, _)| e + i)
                        .unwrap_or(text.len())
                })
            };
            layers[v.layer].push(Candidate {
                start: s as u32,
                end: end as u32,
                pattern: pid as u32,
                variant: vi as u32,
            });
        }
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

    /// The character-by-character fold `fold` replaced (its ASCII runs are
    /// a fast path only): both must give the same text and map.
    fn fold_by_char(text: &str) -> (String, Vec<u32>) {
        let mut out = String::new();
        let mut map = Vec::new();
        let mut in_space = false;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
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
                '\u{0130}' => out.push('i'),
                c => out.extend(c.to_lowercase()),
            }
            for _ in before..out.len() {
                map.push(i as u32);
            }
        }
        map.push(text.len() as u32);
        (out, map)
    }

    #[test]
    fn ascii_fast_path_folds_like_the_char_path() {
        for text in [
            "",
            "Plain ASCII, with CAPS and `ticks`.",
            "  lead\r\n\r\n  and\ttabs\x0b\x0c here \n",
            "İdlib\u{a0}\u{2003}Ankara’s ʼquoteʼ ‘x’ ΣΑΣ Straße \u{2028}end",
            "mixed Ünïcödé and ASCII\u{85}next",
        ] {
            let f = fold(text);
            let (want, map) = fold_by_char(text);
            assert_eq!(f.text, want, "{text:?}");
            assert_eq!(f.map, map, "{text:?}");
        }
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
