//! One trie of tokens over every lexicon phrase, and the case folding it runs on.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use super::edge_table::{pack, EdgeTable, MidTable, MID, SHORT};
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
    #[inline]
    pub fn to_original(&self, i: usize) -> usize {
        self.map[i.min(self.map.len() - 1)] as usize
    }

    /// Original byte range of folded range `start..end` (trailing space excluded).
    /// (`#[inline]` is taken by the small callers in `extract/`.)
    #[inline]
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.to_original(start);
        if end == 0 || end <= start {
            return (s, s);
        }
        let last = self.to_original(end - 1);
        // Most hits end in an ASCII letter: one byte, no `char` decoded.
        let len = match self.original.as_bytes().get(last) {
            Some(&b) if b.is_ascii() => 1,
            _ => self.original[last..]
                .chars()
                .next()
                .map(char::len_utf8)
                .unwrap_or(0),
        };
        let mut e = last + len;
        // The vowel marks `fold` dropped after the last letter are its own
        // (all of them are two bytes, lead byte 0xD9).
        while self.original.as_bytes().get(e) == Some(&0xD9)
            && self.original[e..].chars().next().is_some_and(dropped)
        {
            e += 2;
        }
        (s, e)
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

/// Bytes a run copies as they are (lower-cased): ASCII, not `FOLD_SPECIAL`.
const FOLD_PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = !FOLD_SPECIAL[b];
        b += 1;
    }
    t
};

/// Bytes after which a lone space stays in a run: ASCII, not white space
/// (a backtick is a plain apostrophe there).
const FOLD_AFTER_SPACE: [bool; 256] = {
    let mut t = FOLD_PLAIN;
    t[b'`' as usize] = true;
    t
};

/// Each byte of a `u64` with its high bit set: `0x80` in every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is at least `n` (`n` ≤ 0x80;
/// meaningful for ASCII bytes only: no borrow crosses into the next byte).
#[inline(always)]
fn bytes_at_least(x: u64, n: u8) -> u64 {
    (x | HIGH).wrapping_sub(u64::from_ne_bytes([n; 8])) & HIGH
}

/// Where the run of `fold`'s copied bytes that goes on at `j` stops being
/// read eight bytes at a time (the byte loop cost ≈ 7 instructions a
/// byte). A word of eight is taken when each byte is ASCII above the space
/// and no backtick, or a space before such a byte (with the byte after the
/// eight): a subset of the plain bytes and lone spaces the run takes, so
/// the caller finishes the run byte by byte from the returned place.
#[inline]
fn plain_words(bytes: &[u8], mut j: usize) -> usize {
    while let Some(chunk) = bytes.get(j..j + 9) {
        let word = |k: usize| u64::from_le_bytes(chunk[k..k + 8].try_into().unwrap_or([0; 8]));
        let (x, next) = (word(0), word(1));
        let solid = |x: u64| !x & bytes_at_least(x, b' ' + 1);
        let backtick = bytes_at_least(x, b'`') & !bytes_at_least(x, b'`' + 1);
        let space = !x & bytes_at_least(x, b' ') & !bytes_at_least(x, b' ' + 1);
        if (solid(x) & !backtick) | (space & solid(next)) != HIGH {
            break;
        }
        j += 8;
    }
    j
}

/// Folds `text` for matching (see [`Folded`]).
///
/// Most news text is ASCII: a run of plain ASCII bytes (no white space, no
/// backtick) is copied lower-cased and mapped in one go, without decoding a
/// `char` or pushing byte by byte; only white space, backticks and non-ASCII
/// characters take the per-character path below. Both give the same text
/// and map.
pub fn fold(text: &str) -> Folded<'_> {
    let bytes = text.as_bytes();
    // A `String` from the start: ASCII runs are pushed as `str` slices and
    // other characters as `char`s, so the folded text needs no UTF-8
    // validation at the end (a second pass over every byte).
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    let mut i = 0;
    while i < bytes.len() {
        // A single space between two plain bytes is copied as it is: only
        // a space run (or one after a line break) needs collapsing.
        // (A tight loop over plain bytes by a 256-entry table, then the
        // one case that continues a run, a lone space: the byte loop with
        // the space test inside it cost ≈ 13 instructions a byte.)
        let mut j = i;
        loop {
            // A space at the run's start after white space is no lone space.
            if !(j == i && in_space) {
                j = plain_words(bytes, j);
            }
            while j < bytes.len() && FOLD_PLAIN[bytes[j] as usize] {
                j += 1;
            }
            let lone_space = bytes.get(j) == Some(&b' ')
                && !(j == i && in_space)
                && bytes
                    .get(j + 1)
                    .is_some_and(|&n| FOLD_AFTER_SPACE[n as usize]);
            if !lone_space {
                break;
            }
            j += 1;
        }
        let run = j - i;
        if run > 0 {
            map.extend(i as u32..(i + run) as u32);
            let from = out.len();
            out.push_str(&text[i..i + run]);
            out[from..].make_ascii_lowercase();
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
                out.push(if c == '\n' { '\n' } else { ' ' });
                map.push(at);
            } else if c == '\n' && out.ends_with(' ') {
                out.pop();
                out.push('\n');
            }
            in_space = true;
            continue;
        }
        // Arabic vowel marks and the tatweel are dropped: a run of spaces
        // around one stays one space. A tatweel that starts a word is a
        // dash ("بيروت ـ قال": a dateline).
        let c = match c {
            '\u{0640}' if in_space || out.is_empty() => '-',
            c if dropped(c) => continue,
            c => c,
        };
        in_space = false;
        let before = out.len();
        fold_char(c, |c| out.push(c));
        for _ in before..out.len() {
            map.push(at);
        }
    }
    map.push(text.len() as u32);
    Folded {
        original: text,
        text: out,
        map,
    }
}

/// Characters `fold` drops: Arabic vowel and other marks (tashkeel,
/// U+064B–U+065F and the superscript alef U+0670) and the tatweel (U+0640),
/// which only stretches a word.
#[inline]
pub(crate) fn dropped(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// How `fold` writes one character that is neither white space nor
/// [`dropped`]: lower-cased, typographic apostrophes made plain, and Arabic
/// spelling variants made one (alef with hamza or madda → alef, alef
/// maqsura → ya, ta marbuta → ha, hamza on waw or ya → the bare letter),
/// Arabic-Indic and Persian digits → ASCII digits, Arabic comma, semicolon,
/// question mark and number separators → their ASCII forms. Lexicon
/// patterns are folded the same way, so either spelling finds the other.
#[inline]
pub(crate) fn fold_char(c: char, mut push: impl FnMut(char)) {
    match c {
        '`' | '\u{2019}' | '\u{2018}' | '\u{02BC}' => push('\''),
        // Turkish dotted capital I folds to a plain i, not i + combining dot.
        '\u{0130}' => push('i'),
        c if !('\u{060C}'..='\u{06F9}').contains(&c) => c.to_lowercase().for_each(push),
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => push('\u{0627}'),
        '\u{0649}' | '\u{0626}' => push('\u{064A}'),
        '\u{0629}' => push('\u{0647}'),
        '\u{0624}' => push('\u{0648}'),
        '\u{0660}'..='\u{0669}' => push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => push(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '\u{060C}' | '\u{066C}' => push(','),
        '\u{061B}' => push(';'),
        '\u{061F}' => push('?'),
        '\u{066B}' => push('.'),
        c => push(c),
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
pub struct Hit<'a> {
    /// Folded byte range.
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
    pub meanings: Meanings<'a>,
}

impl Hit<'_> {
    /// Original byte range, mapped when asked: few hits are ever read in
    /// the original spelling (mapping every hit in the scan cost ≈ 2.7 M
    /// instructions per 300 articles, and made the hit a fifth larger).
    #[inline]
    pub fn orig(&self, folded: &Folded) -> (usize, usize) {
        folded.original_range(self.start, self.end)
    }
}

/// A hit's meanings, borrowed from the lexicon it was found with.
///
/// They were cloned into each hit (a `SmallVec` of `Meaning`s, ≈ 60
/// instructions a hit to collect, and the hit 50 % larger to move about);
/// a hit lives no longer than the extraction of its article, and the
/// lexicon outlives that. Iterating gives `&Meaning`, as iterating the
/// owned list did.
#[derive(Debug, Clone, Default)]
pub struct Meanings<'a>(smallvec::SmallVec<[&'a Meaning; 2]>);

impl<'a> Meanings<'a> {
    pub fn iter(&self) -> std::iter::Copied<std::slice::Iter<'_, &'a Meaning>> {
        self.0.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The meanings, owned.
    pub fn to_vec(&self) -> Vec<Meaning> {
        self.iter().cloned().collect()
    }
}

impl<'a, 'b> IntoIterator for &'b Meanings<'a> {
    type Item = &'a Meaning;
    type IntoIter = std::iter::Copied<std::slice::Iter<'b, &'a Meaning>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().copied()
    }
}

impl std::ops::Index<usize> for Meanings<'_> {
    type Output = Meaning;

    fn index(&self, i: usize) -> &Meaning {
        self.0[i]
    }
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
    /// Clitic prefixes by language (see [`Builder::clitics`]).
    clitics: Vec<(String, Vec<String>)>,
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

    /// Clitic prefixes of `lang` (Arabic "و", "ال", "وال"…): in an article
    /// of that language a phrase may also start right after one of them,
    /// inside the word they begin ("والجيش" holds "الجيش" and "جيش").
    pub fn clitics(&mut self, lang: &str, prefixes: &[String]) {
        let mut folded: Vec<String> = prefixes
            .iter()
            .map(|p| fold(p.trim().trim_end_matches('-')).text)
            .filter(|p| !p.is_empty() && !p.contains(' '))
            .collect();
        if folded.is_empty() {
            return;
        }
        match self.clitics.iter_mut().find(|(l, _)| l == lang) {
            Some((_, list)) => list.append(&mut folded),
            None => self.clitics.push((lang.to_string(), folded)),
        }
    }

    /// Compiles the phrases into a trie of tokens (see [`Matcher`]).
    pub fn build(self) -> Result<Matcher, String> {
        let mut edges: hashbrown::HashMap<EdgeKey, u32> = hashbrown::HashMap::new();
        let mut nodes = vec![Node {
            pattern: NO_PATTERN,
            more: false,
        }];
        // (node, separator, last token, pattern) of phrases with a prefix
        // variant whose last token is a word: they may end inside a word.
        let mut prefixed: Vec<(u32, u8, &str, u32)> = Vec::new();
        for (pid, pattern) in self.patterns.iter().enumerate() {
            let mut node = 0u32;
            let mut sep = SEP_NONE;
            let mut s = 0;
            let mut last = None;
            while s < pattern.len() {
                let Some((end, word)) = token_at(pattern, s) else {
                    // `add` leaves single spaces between words, never
                    // others: a phrase with any other white space could
                    // never be found in a folded text.
                    return Err(format!("phrase {pattern:?}: unexpected white space"));
                };
                if word && end == pattern.len() {
                    last = Some((node, sep, &pattern[s..end]));
                }
                nodes[node as usize].more = true;
                let next = nodes.len() as u32;
                node = *edges
                    .entry(EdgeKey {
                        node,
                        sep,
                        token: pattern.as_bytes()[s..end].into(),
                    })
                    .or_insert(next);
                if node == next {
                    nodes.push(Node {
                        pattern: NO_PATTERN,
                        more: false,
                    });
                }
                (sep, s) = match pattern.as_bytes().get(end) {
                    Some(b' ') => (SEP_SPACE, end + 1),
                    _ => (SEP_NONE, end),
                };
            }
            nodes[node as usize].pattern = pid as u32;
            if let Some((node, sep, token)) = last {
                if self.variants[pid].iter().any(|v| v.prefix) {
                    prefixed.push((node, sep, token, pid as u32));
                }
            }
        }
        // Prefix phrases are indexed by their first `prefix_key` bytes (at
        // most 4, at most the shortest such word), shortest first.
        let prefix_key = prefixed
            .iter()
            .map(|p| p.2.len())
            .min()
            .unwrap_or(1)
            .clamp(1, 4);
        prefixed.sort_by(|a, b| {
            (a.0, a.1, &a.2.as_bytes()[..prefix_key], a.2.len()).cmp(&(
                b.0,
                b.1,
                &b.2.as_bytes()[..prefix_key],
                b.2.len(),
            ))
        });
        let mut prefix_index: hashbrown::HashMap<EdgeKey, (u32, u32)> = hashbrown::HashMap::new();
        let mut prefixes = Vec::with_capacity(prefixed.len());
        let mut prefix_filter = vec![0u64; PREFIX_BITS / 64].into_boxed_slice();
        for (i, &(node, sep, token, pid)) in prefixed.iter().enumerate() {
            nodes[node as usize].more = true;
            let bit = prefix_bit(&token.as_bytes()[..prefix_key]);
            prefix_filter[bit / 64] |= 1 << (bit % 64);
            let range = prefix_index
                .entry(EdgeKey {
                    node,
                    sep,
                    token: token.as_bytes()[..prefix_key].into(),
                })
                .or_insert((i as u32, i as u32));
            range.1 = i as u32 + 1;
            prefixes.push((Box::<[u8]>::from(token.as_bytes()), pid));
        }
        // What `candidates` tests of each variant, packed and in one array.
        let mut langs: Vec<String> = Vec::new();
        let mut checks = Vec::new();
        let mut first = Vec::with_capacity(self.variants.len() + 1);
        for vs in &self.variants {
            first.push(checks.len() as u32);
            for v in vs {
                let lang = match &v.entry.lang {
                    None => ANY_LANG,
                    Some(l) => lang_number(&mut langs, l)?,
                };
                checks.push(Check {
                    layer: v.layer as u8,
                    prefix: v.prefix,
                    exact: v.exact.is_some(),
                    lang,
                });
            }
        }
        first.push(checks.len() as u32);
        // Clitics by language number; a language with clitics but no
        // phrase of its own is numbered too (its article then keeps only
        // language-free phrases, as any other language's would).
        let mut clitics: Vec<Vec<Clitic>> = Vec::new();
        for (lang, list) in &self.clitics {
            let id = usize::from(lang_number(&mut langs, lang)?);
            if clitics.len() <= id {
                clitics.resize(id + 1, Vec::new());
            }
            let mut list: Vec<&String> = list.iter().collect();
            // Longest first ("وال" before "و"), each once.
            list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            list.dedup();
            // A clitic that is itself a phrase of the language ("و", a
            // conjunction), alone or leading a longer one ("وال"), is found
            // as that phrase; what follows it starts after it.
            let phrase = |q: &str| {
                self.index.get(q).copied().filter(|&pid| {
                    self.variants[pid]
                        .iter()
                        .any(|v| v.entry.lang.as_deref() == Some(lang.as_str()))
                })
            };
            clitics[id] = list
                .iter()
                .map(|p| {
                    let lead = list
                        .iter()
                        .filter(|q| p.starts_with(q.as_str()))
                        .find_map(|q| phrase(q).map(|pid| (q.len(), pid as u32)));
                    Clitic {
                        bytes: p.as_bytes().into(),
                        lead: lead.unwrap_or((0, NO_PATTERN)),
                    }
                })
                .collect();
        }
        let short = EdgeTable::new(
            edges
                .iter()
                .map(|(k, &next)| (k.node, k.sep, &k.token[..], next)),
        );
        let mid = MidTable::new(
            edges
                .iter()
                .map(|(k, &next)| (k.node, k.sep, &k.token[..], next)),
        );
        // Keys are at most 4 bytes: all of them go in.
        let prefix_index = EdgeTable::new(
            prefix_index
                .iter()
                .map(|(k, &range)| (k.node, k.sep, &k.token[..], range)),
        );
        Ok(Matcher {
            short,
            mid,
            edges,
            nodes,
            prefix_index,
            prefixes,
            prefix_key,
            prefix_filter,
            checks,
            first,
            langs,
            clitics,
            variants: self.variants,
            #[cfg(test)]
            patterns: self.patterns,
        })
    }
}

/// A variant's filters in four bytes (the `Variant` is read only for an
/// exact spelling and for the meanings of surviving hits).
#[derive(Clone, Copy)]
struct Check {
    layer: u8,
    prefix: bool,
    exact: bool,
    /// Index in `Matcher::langs`, or `ANY_LANG`.
    lang: u8,
}

const ANY_LANG: u8 = u8::MAX;
/// A scan language no lexicon file has: only language-free variants hold.
const OTHER_LANG: u8 = u8::MAX - 1;

/// Bits of `Matcher::prefix_filter` (8 KB).
const PREFIX_BITS: usize = 1 << 16;

/// A prefix key's bit in `Matcher::prefix_filter` (`key`: 1 to 4 bytes).
#[inline]
fn prefix_bit(key: &[u8]) -> usize {
    key_bit(key.iter().rev().fold(0, |w, &b| w << 8 | u32::from(b)))
}

/// The filter bit of a key packed little-endian in a `u32`, zero above it.
#[inline]
fn key_bit(word: u32) -> usize {
    (word.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// Separators between two tokens of a phrase: none ("al-assad": "al",
/// "-", "assad") or one space.
const SEP_NONE: u8 = 0;
const SEP_SPACE: u8 = 1;
const NO_PATTERN: u32 = u32::MAX;

/// An edge of the token trie: from `node`, after `sep`, the token.
#[derive(PartialEq, Eq)]
struct EdgeKey {
    node: u32,
    sep: u8,
    token: Box<[u8]>,
}

/// An [`EdgeKey`] looked up without allocating (hashes the same).
struct EdgeQuery<'a> {
    node: u32,
    sep: u8,
    token: &'a [u8],
}

/// Two writes: node and separator in one word, then the token's bytes
/// (no length prefix: keys are compared in full anyway).
#[inline]
fn hash_edge<H: Hasher>(node: u32, sep: u8, token: &[u8], state: &mut H) {
    state.write_u64(u64::from(node) << 8 | u64::from(sep));
    state.write(token);
}

impl Hash for EdgeKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_edge(self.node, self.sep, &self.token, state);
    }
}

impl Hash for EdgeQuery<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_edge(self.node, self.sep, self.token, state);
    }
}

impl hashbrown::Equivalent<EdgeKey> for EdgeQuery<'_> {
    fn equivalent(&self, key: &EdgeKey) -> bool {
        self.node == key.node && self.sep == key.sep && *self.token == *key.token
    }
}

#[derive(Clone, Copy)]
struct Node {
    /// The phrase that ends here, or `NO_PATTERN`.
    pattern: u32,
    /// Any edge or prefix phrase goes on from here.
    more: bool,
}

/// ASCII letters and digits: the ASCII word characters.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// `ASCII_WORD` over every byte value (non-ASCII bytes: no).
const WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = ASCII_WORD[b];
        b += 1;
    }
    t
};

/// The token that starts at byte `s` of `text`: its end and whether it is
/// a word (a run of word characters) rather than one other character;
/// `None` at white space or the end. (Always inlined: the scan reads every
/// token of a text through here, ≈ 1,300 an article.)
#[inline(always)]
fn token_at(text: &str, s: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let b = *bytes.get(s)?;
    if b.is_ascii() {
        if ASCII_WORD[b as usize] {
            return Some((word_end(text, s + 1), true));
        }
        if FOLD_SPECIAL[b as usize] && b != b'`' {
            return None;
        }
        return Some((s + 1, false));
    }
    let c = text[s..].chars().next()?;
    if is_word_char(c) {
        Some((word_end(text, s + c.len_utf8()), true))
    } else if is_space(c) {
        None
    } else {
        Some((s + c.len_utf8(), false))
    }
}

/// The end of the word run that goes on at byte `i` of `text`.
#[inline(always)]
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // A 256-entry table: no ASCII test per byte (≈ 5 instructions a
        // byte instead of ≈ 8; every token of every text goes through here).
        while i < bytes.len() && WORD_BYTE[bytes[i] as usize] {
            i += 1;
        }
        match bytes.get(i) {
            Some(b) if !b.is_ascii() => match text[i..].chars().next() {
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                _ => return i,
            },
            _ => return i,
        }
    }
}

/// Every lexicon phrase, as a trie of tokens: a token is a run of word
/// characters or one other non-space character, and each edge (from a
/// node, after no separator or one space, this token) is one entry of a
/// hash map. A phrase whose last word may be a prefix ("attack*") is also
/// listed by its node and the first bytes of that word, for the words it
/// begins.
pub struct Matcher {
    /// The edges of tokens up to `edge_table::SHORT` bytes, where the scan
    /// looks them up; `edges` holds them all.
    short: EdgeTable,
    /// Those of 9 to `edge_table::MID` bytes, looked up likewise.
    mid: MidTable,
    edges: hashbrown::HashMap<EdgeKey, u32>,
    nodes: Vec<Node>,
    /// Ranges of `prefixes` by node, separator and the first `prefix_key`
    /// bytes of the word, looked up as packed integers like `short`.
    prefix_index: EdgeTable<(u32, u32)>,
    /// Last words of prefix phrases (by node, separator, first
    /// `prefix_key` bytes, then length) and their phrase.
    prefixes: Vec<(Box<[u8]>, u32)>,
    prefix_key: usize,
    /// Bit `prefix_bit(key)` is set for every prefix key in `prefix_index`:
    /// most words are ruled out without hashing.
    prefix_filter: Box<[u64]>,
    /// Each variant's filters, by phrase: `checks[first[p]..first[p + 1]]`
    /// are phrase `p`'s variants, in order.
    checks: Vec<Check>,
    first: Vec<u32>,
    /// Languages of the lexicon files, numbered for `Check::lang`.
    langs: Vec<String>,
    /// Clitic prefixes by language number, longest first (most languages:
    /// none, and the scan then never looks).
    clitics: Vec<Vec<Clitic>>,
    variants: Vec<Vec<Variant>>,
    /// The folded phrases, for the reference scan of the tests.
    #[cfg(test)]
    patterns: Vec<String>,
}

/// A clitic prefix of a language, and the phrase it begins with, if any
/// (its length and phrase; `NO_PATTERN`: none).
/// `lang`'s number in `langs` (the one `Check::lang` holds), numbering it
/// if new.
fn lang_number(langs: &mut Vec<String>, lang: &str) -> Result<u8, String> {
    match langs.iter().position(|x| x == lang) {
        Some(i) => Ok(i as u8),
        None if langs.len() < OTHER_LANG as usize => {
            langs.push(lang.to_string());
            Ok(langs.len() as u8 - 1)
        }
        None => Err("more than 253 lexicon languages".into()),
    }
}

#[derive(Clone)]
struct Clitic {
    bytes: Box<[u8]>,
    lead: (usize, u32),
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
/// the layer's `Layers::members`; same span, meanings in order).
#[derive(Clone, Copy)]
struct Kept {
    start: u32,
    end: u32,
    from: u32,
    to: u32,
}

/// Where a walk puts the candidates it finds.
trait Sink {
    fn push(&mut self, layer: usize, c: Candidate);
}

/// The clitic walks' candidates, as found (see [`Matcher::after_clitics`]).
impl Sink for [Vec<Candidate>; LAYERS] {
    #[inline]
    fn push(&mut self, layer: usize, c: Candidate) {
        self[layer].push(c);
    }
}

/// Leftmost, then longest, within each layer, decided as the candidates
/// arrive: they come by start (the scan's walks go left to right), so a
/// layer's last kept span is the only one a new candidate can change.
/// Of the candidates at one start the longest is kept (those of its span
/// with it, in the order they came), if it starts at or after the end of
/// the span kept before it. (The candidates were collected, then each
/// layer's runs of one start sorted and kept in a second pass: ≈ 30
/// instructions a candidate more.)
struct Layers {
    kept: [Vec<Kept>; LAYERS],
    /// Pattern and variant of each kept span's candidates, by layer.
    members: [Vec<(u32, u32)>; LAYERS],
}

impl Layers {
    fn with_capacity(n: usize) -> Self {
        Layers {
            kept: std::array::from_fn(|_| Vec::with_capacity(n)),
            members: std::array::from_fn(|_| Vec::with_capacity(n)),
        }
    }

    /// The members of layer `layer`'s last kept span if it is `start..end`.
    fn same_span(&self, layer: usize, start: u32, end: u32) -> &[(u32, u32)] {
        match self.kept[layer].last() {
            Some(k) if k.start == start && k.end == end => {
                &self.members[layer][k.from as usize..k.to as usize]
            }
            _ => &[],
        }
    }
}

impl Sink for Layers {
    #[inline]
    fn push(&mut self, layer: usize, c: Candidate) {
        let (kept, members) = (&mut self.kept[layer], &mut self.members[layer]);
        match kept.last_mut() {
            // The last kept span starts here: this start's longest so far.
            Some(k) if k.start == c.start => {
                if c.end > k.end {
                    members.truncate(k.from as usize);
                    k.end = c.end;
                    k.to = k.from;
                } else if c.end < k.end {
                    return;
                }
                members.push((c.pattern, c.variant));
                k.to += 1;
            }
            Some(k) if c.start < k.end => {}
            _ => {
                let from = members.len() as u32;
                members.push((c.pattern, c.variant));
                kept.push(Kept {
                    start: c.start,
                    end: c.end,
                    from,
                    to: from + 1,
                });
            }
        }
    }
}

impl Matcher {
    pub fn len(&self) -> usize {
        self.variants.len()
    }

    /// Heap bytes of the token trie (hash tables, tokens, nodes).
    pub fn memory_usage(&self) -> usize {
        let tokens: usize = self.edges.keys().map(|k| k.token.len()).sum::<usize>()
            + self.prefixes.iter().map(|p| p.0.len()).sum::<usize>();
        self.edges.allocation_size()
            + self.prefix_index.memory_usage()
            + self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.prefixes.capacity() * std::mem::size_of::<(Box<[u8]>, u32)>()
            + self.prefix_filter.len() * 8
            + self.short.memory_usage()
            + self.mid.memory_usage()
            + tokens
    }

    /// Every lexicon phrase in `folded`, sorted into layers of meaning: an
    /// entity may overlap a trigger or a cue ("were killed" is a toll cue
    /// while "killed" is a trigger), but two entities may not. Within a
    /// layer the leftmost, then longest, phrase wins; the result is ordered
    /// by start, then longest first, then layer.
    ///
    /// Phrases start where a token starts (a word, or a non-space symbol)
    /// and are found token by token: a word that begins no phrase costs one
    /// hash-map probe (two if it is longer than the prefix key), where an
    /// unanchored search would report, then drop, every phrase found inside
    /// a longer word ("us" in "russia"). Filtering and overlap resolution
    /// run on small `Candidate` records; a `Hit` (with its allocated
    /// meanings) is made only for spans that survive.
    pub fn scan(&self, folded: &Folded, lang: Option<&str>) -> Vec<Hit<'_>> {
        let lang = self.lang_id(lang);
        let text = folded.text.as_str();
        let bytes = text.as_bytes();
        // About one candidate per 13 bytes of news text, most of them
        // entities and cues: sized so that few layers grow more than once.
        let mut layers = Layers::with_capacity(bytes.len() / 64);
        let mut i = 0;
        // The token after the last walk's first one, if the walk read it:
        // the next walk starts there, and need not read it again.
        let mut ahead: Option<(usize, usize, bool)> = None;
        let clitics: &[Clitic] = lang
            .and_then(|l| self.clitics.get(l as usize))
            .map_or(&[], Vec::as_slice);
        while i < bytes.len() {
            // Folding left only these two white space bytes: no token.
            if matches!(bytes[i], b' ' | b'\n') {
                i += 1;
                continue;
            }
            let token = match ahead.take() {
                Some((s, end, word)) if s == i => Some((end, word)),
                _ => token_at(text, i),
            };
            match token {
                Some((end, word)) => {
                    ahead = self.walk(folded, lang, (i, i), end, word, &mut layers);
                    if word && !clitics.is_empty() {
                        self.after_clitics(folded, lang, clitics, i, end, &mut layers);
                    }
                    i = end;
                }
                None => i += char_at(text, i).map_or(1, char::len_utf8),
            }
        }
        self.resolve(layers)
    }

    /// `lang` numbered as in `Check::lang` (`None`: any language holds).
    fn lang_id(&self, lang: Option<&str>) -> Option<u8> {
        lang.map(|l| {
            self.langs
                .iter()
                .position(|x| x == l)
                .map_or(OTHER_LANG, |i| i as u8)
        })
    }

    /// The phrases that start after a clitic prefix of the word at
    /// `start..end` ("و" + "الجيش"), as if the word began there; their hits
    /// span the whole word, prefix included, so that word counts and
    /// adjacency read the text as written, except for a prefix that is a
    /// phrase itself (the conjunction "و"): that is found as its own hit,
    /// and the rest starts after it, as if written apart ("X وY" reads as
    /// "X and Y"). The rest of the word must be at least two letters. A
    /// meaning found at the same span already (the lexicon lists "الجيش"
    /// and "جيش") is not added twice.
    #[cold]
    fn after_clitics(
        &self,
        folded: &Folded,
        lang: Option<u8>,
        clitics: &[Clitic],
        start: usize,
        end: usize,
        layers: &mut Layers,
    ) {
        let text = folded.text.as_str();
        let word = &text.as_bytes()[start..end];
        let mut found: [Vec<Candidate>; LAYERS] = Default::default();
        for c in clitics {
            let p = &c.bytes;
            let from = start + p.len();
            if word.len() > p.len()
                && word.starts_with(p)
                && text.is_char_boundary(from)
                && text[from..end].chars().nth(1).is_some()
            {
                let (lead, lead_pid) = c.lead;
                let before = found.iter().map(Vec::len).sum::<usize>();
                self.walk(folded, lang, (start + lead, from), end, true, &mut found);
                if lead_pid != NO_PATTERN && found.iter().map(Vec::len).sum::<usize>() > before {
                    let pid = lead_pid as usize;
                    let checks =
                        &self.checks[self.first[pid] as usize..self.first[pid + 1] as usize];
                    for (vi, v) in checks.iter().enumerate() {
                        if v.lang == ANY_LANG || lang.is_none_or(|have| have == v.lang) {
                            found[v.layer as usize].push(Candidate {
                                start: start as u32,
                                end: (start + lead) as u32,
                                pattern: pid as u32,
                                variant: vi as u32,
                            });
                        }
                    }
                }
            }
        }
        for (l, mut cands) in found.into_iter().enumerate() {
            // By start (stable: each walk gave its own in order of end).
            cands.sort_by_key(|c| c.start);
            for c in cands {
                let meaning = &self.variants[c.pattern as usize][c.variant as usize]
                    .entry
                    .meaning;
                // Only the layer's last kept span can hold it: a candidate
                // of another span at this start is shorter (dropped
                // whether known or not) or longer (none such came yet).
                let known = layers
                    .same_span(l, c.start, c.end)
                    .iter()
                    .any(|&(p, v)| self.variants[p as usize][v as usize].entry.meaning == *meaning);
                if !known {
                    layers.push(l, c);
                }
            }
        }
    }

    /// Whether some prefix phrase's last word may begin `token` (longer
    /// than the key).
    #[inline]
    fn may_begin_prefix(&self, token: &[u8]) -> bool {
        // A token of four bytes or more: its key is one load and a mask
        // (copying the key into a buffer of four was a `memcpy` call per
        // word, ≈ 650 an article).
        let bit = match token.first_chunk::<4>() {
            Some(w) => key_bit(u32::from_le_bytes(*w) & (u32::MAX >> (32 - 8 * self.prefix_key))),
            None => prefix_bit(&token[..self.prefix_key]),
        };
        self.prefix_filter[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Every phrase that starts with the token at `from..end`, in order of
    /// its end, passed to [`Matcher::candidates`] as starting at `start`
    /// (`from`, or the start of the word whose clitic prefix ends at
    /// `from`). Returns the second token (start, end, word) if it read one.
    /// (Inlined into the scan, the hot path, as it was before it had a
    /// second caller.)
    #[inline(always)]
    fn walk<S: Sink>(
        &self,
        folded: &Folded,
        lang: Option<u8>,
        (start, from): (usize, usize),
        mut end: usize,
        mut word: bool,
        layers: &mut S,
    ) -> Option<(usize, usize, bool)> {
        let text = folded.text.as_str();
        let bytes = text.as_bytes();
        let mut node = 0u32;
        let mut sep = SEP_NONE;
        let mut s = from;
        let mut ahead = None;
        loop {
            let token = &bytes[s..end];
            // Prefix phrases ending inside this word end before it does.
            if word && token.len() > self.prefix_key && self.may_begin_prefix(token) {
                let key = pack(bytes, s, s + self.prefix_key);
                if let Some((from, to)) = self.prefix_index.get(node, sep, key, self.prefix_key) {
                    for (p, pid) in &self.prefixes[from as usize..to as usize] {
                        if p.len() < token.len() && token.starts_with(p) {
                            self.candidates(
                                folded,
                                lang,
                                (start, s + p.len()),
                                false,
                                *pid as usize,
                                layers,
                            );
                        }
                    }
                }
            }
            let next = if token.len() <= SHORT {
                self.short.get(node, sep, pack(bytes, s, end), token.len())
            } else if token.len() <= MID {
                self.mid.get(node, sep, bytes, s, end)
            } else {
                self.edges.get(&EdgeQuery { node, sep, token }).copied()
            };
            let Some(next) = next else {
                return ahead;
            };
            node = next;
            let n = self.nodes[node as usize];
            if n.pattern != NO_PATTERN {
                self.candidates(folded, lang, (start, end), true, n.pattern as usize, layers);
            }
            if !n.more {
                return ahead;
            }
            (sep, s) = match bytes.get(end) {
                Some(b' ') => (SEP_SPACE, end + 1),
                Some(_) => (SEP_NONE, end),
                None => return ahead,
            };
            let Some(t) = token_at(text, s) else {
                return ahead;
            };
            if ahead.is_none() {
                ahead = Some((s, t.0, t.1));
            }
            (end, word) = t;
        }
    }

    /// The layers' kept spans merged into hits.
    fn resolve(&self, layers: Layers) -> Vec<Hit<'_>> {
        let Layers { kept, members } = layers;
        // Merge the layers: by start, longest first, then by layer. Each
        // layer's head is kept as one integer in that order (start, then
        // end descending; `u64::MAX` once the layer is done): the least
        // wins, a tie goes to the lower layer, and only the chosen layer's
        // key is read again (comparing the five heads as records cost ≈ 50
        // instructions a hit).
        let total = kept.iter().map(Vec::len).sum();
        let mut out: Vec<Hit> = Vec::with_capacity(total);
        let head_key = |k: Option<&Kept>| {
            k.map_or(u64::MAX, |k| {
                u64::from(k.start) << 32 | u64::from(u32::MAX - k.end)
            })
        };
        let mut heads = [0usize; LAYERS];
        let mut keys: [u64; LAYERS] = std::array::from_fn(|l| head_key(kept[l].first()));
        for _ in 0..total {
            let mut l = 0;
            for (m, &key) in keys.iter().enumerate().skip(1) {
                if key < keys[l] {
                    l = m;
                }
            }
            let h = kept[l][heads[l]];
            heads[l] += 1;
            keys[l] = head_key(kept[l].get(heads[l]));
            let cands = &members[l][h.from as usize..h.to as usize];
            // Pushed one by one: collecting (`SmallVec::extend`) copied
            // the inline buffer with a `memcpy` call or two per hit.
            let mut meanings = smallvec::SmallVec::new();
            for &(p, v) in cands {
                meanings.push(&self.variants[p as usize][v as usize].entry.meaning);
            }
            out.push(Hit {
                start: h.start as usize,
                end: h.end as usize,
                pattern: cands[0].0 as usize,
                meanings: Meanings(meanings),
            });
        }
        out
    }

    /// The meanings of phrase `pid`, found at folded `s..e`, that hold in
    /// `lang` and at this word boundary, added to their layers.
    ///
    /// `ends_word`: the match ends where a word does (or after a symbol).
    /// The walk knows it without looking at the text: a phrase matched
    /// token by token ends with its last token (a word ends where word
    /// characters do), one matched as a prefix ends inside a word.
    #[inline(always)]
    fn candidates<S: Sink>(
        &self,
        folded: &Folded,
        lang: Option<u8>,
        (s, e): (usize, usize),
        ends_word: bool,
        pid: usize,
        layers: &mut S,
    ) {
        let text = folded.text.as_str();
        debug_assert_eq!(ends_word, ends_word_at(text, e));
        let mut word_end = None;
        let checks = &self.checks[self.first[pid] as usize..self.first[pid + 1] as usize];
        for (vi, v) in checks.iter().enumerate() {
            if v.lang != ANY_LANG && lang.is_some_and(|have| have != v.lang) {
                continue;
            }
            if !ends_word && !v.prefix {
                continue;
            }
            if let Some(exact) = v
                .exact
                .then(|| self.variants[pid][vi].exact.as_ref())
                .flatten()
            {
                let (os, oe) = folded.original_range(s, e);
                if !same_spelling(&folded.original[os..oe], exact) {
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
            layers.push(
                v.layer as usize,
                Candidate {
                    start: s as u32,
                    end: end as u32,
                    pattern: pid as u32,
                    variant: vi as u32,
                },
            );
        }
    }
}

/// Whether a match ending at byte `e` of `text` ends where a word does
/// (or after a symbol), from the text itself.
fn ends_word_at(text: &str, e: usize) -> bool {
    char_at(text, e).is_none_or(|c| !is_word_char(c))
        || !char_before(text, e).is_some_and(is_word_char)
}

/// Whether `written` (a stretch of the original text) is spelled `exact`
/// (a phrase's words joined by single spaces, apostrophes plain): the
/// same words, a typographic apostrophe read as a plain one. Word by word,
/// as `written.split_whitespace().collect::<Vec<_>>().join(" ")
/// .replace('\u{2019}', "'") == exact` was, without building the strings.
///
/// Most calls compare a name written as listed ("US", "May"): a text
/// byte-equal to a [`simple_phrase`] has its words, answered by a compare
/// and one pass over the bytes (the `char` iterators cost ≈ 300
/// instructions a call). Any other case takes the word loop.
fn same_spelling(written: &str, exact: &str) -> bool {
    if written == exact && simple_phrase(exact.as_bytes()) {
        return true;
    }
    let mut have = written.split_whitespace();
    let mut want = exact.split(' ');
    loop {
        match (have.next(), want.next()) {
            (None, None) => return true,
            (Some(h), Some(w)) => {
                let plain = |c: char| if c == '\u{2019}' { '\'' } else { c };
                if !h.chars().map(plain).eq(w.chars()) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// Whether `phrase` is non-empty ASCII with no white space but single
/// spaces between words (none at either end): such a phrase splits the
/// same by `split(' ')` and by `split_whitespace`, and holds no
/// typographic apostrophe, so a text equal to it has its spelling.
fn simple_phrase(phrase: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (phrase.first(), phrase.last()) else {
        return false;
    };
    first != b' '
        && last != b' '
        && phrase
            .iter()
            .all(|&b| b == b' ' || (b.is_ascii() && !b.is_ascii_whitespace() && b != 0x0B))
        && !phrase.windows(2).any(|w| w == b"  ")
}

/// How many layers of meaning there are (see [`layer`]).
const LAYERS: usize = 6;

/// Which layer of meaning a phrase belongs to (see [`Matcher::scan`]).
/// (A death phrase has a layer of its own: "killing of" and "was killed"
/// must not outrank the trigger, toll and passive cues inside them.)
fn layer(m: &Meaning) -> usize {
    match m {
        Meaning::Actor(_) | Meaning::Place(_) | Meaning::Sector(_) => 0,
        Meaning::Trigger(_) | Meaning::NotTrigger => 1,
        Meaning::Cue(
            Cue::Approx
            | Cue::Subset
            | Cue::Victims
            | Cue::Killed
            | Cue::Wounded
            | Cue::Cumulative
            | Cue::Until,
        ) => 4,
        Meaning::Cue(Cue::DeathBefore | Cue::DeathAfter) => 5,
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
    fn same_spelling_is_the_joined_comparison() {
        let joined = |w: &str| {
            w.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace('\u{2019}', "'")
        };
        let written = [
            "US",
            "U.S.",
            "us",
            "May",
            " May ",
            "May\n 5",
            "May 5",
            "Côte d\u{2019}Ivoire",
            "Côte d'Ivoire",
            "Côte  d\u{2019}Ivoire",
            "",
            " ",
            "d\u{2019}",
            "d'",
            "a b",
            "a\tb",
            "a  b",
            "a\u{0B}b",
            "a\u{0B}",
        ];
        let exact = [
            "US",
            "May",
            "May 5",
            "Côte d'Ivoire",
            "d'",
            "d\u{2019}",
            "a b",
            "a\u{0B}b",
            "a\u{0B}",
            " a",
        ];
        for w in written {
            for e in exact {
                assert_eq!(same_spelling(w, e), joined(w) == e, "{w:?} {e:?}");
            }
        }
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
            let c = match c {
                '\u{0640}' if in_space || out.is_empty() => '-',
                c if dropped(c) => continue,
                c => c,
            };
            in_space = false;
            let before = out.len();
            fold_char(c, |c| out.push(c));
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
            "قَصَفَتْ إسرائيل ١٢ موقعاً ـ أمس، في غزة؟ ۴۵ x ـ y",
        ] {
            let f = fold(text);
            let (want, map) = fold_by_char(text);
            assert_eq!(f.text, want, "{text:?}");
            assert_eq!(f.map, map, "{text:?}");
        }
    }

    /// The eight-byte run reader (`plain_words`) against the char path, on
    /// texts where spaces, white space, backticks and non-ASCII letters fall
    /// at every position of a word of eight.
    #[test]
    fn eight_byte_runs_fold_like_the_char_path() {
        const PIECES: [&str; 14] = [
            "a", "Z", "7", " ", "  ", "\t", "\n", "\r\n", "`", "é", ",", "word ", "\x0c", "\x1f",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Mostly letters, so that runs reach eight bytes.
                let k = (seed % 28) as usize;
                text.push_str(PIECES[if k < 14 { k } else { k % 3 }]);
            }
            let f = fold(&text);
            let (want, map) = fold_by_char(&text);
            assert_eq!(f.text, want, "{text:?}");
            assert_eq!(f.map, map, "{text:?}");
        }
    }

    /// The scan's load-and-mask key gives the bit the filter was built with.
    #[test]
    fn a_loaded_prefix_key_has_the_built_bit() {
        for token in ["attack", "ataq", "serang", "الهجوم", "xyz12"] {
            let token = token.as_bytes();
            for k in 1..=4 {
                let w = u32::from_le_bytes(*token.first_chunk::<4>().unwrap());
                let loaded = key_bit(w & (u32::MAX >> (32 - 8 * k)));
                assert_eq!(loaded, prefix_bit(&token[..k]), "{token:?} {k}");
            }
        }
    }

    #[test]
    fn arabic_fold_digits_alef_marks_and_punctuation() {
        // Arabic-Indic and Persian digits are ASCII digits.
        assert_eq!(fold("٢٠٢٤ و۱۲").text, "2024 و12");
        // Alef with hamza or madda is alef; alef maqsura is ya; ta marbuta is
        // ha; hamza on waw or ya is the bare letter.
        assert_eq!(fold("أإآا").text, "اااا");
        assert_eq!(
            fold("إلى مدينة مسؤول إسرائيل").text,
            "الي مدينه مسوول اسراييل"
        );
        // Vowel marks and the tatweel are dropped (a tatweel that starts a
        // word is a dash).
        assert_eq!(fold("قَصَفَتْ قـصف").text, "قصفت قصف");
        assert_eq!(fold("دمشق ـ قال").text, "دمشق - قال");
        assert_eq!(fold("دمشـــق").text, "دمشق");
        // Arabic comma, semicolon and question mark.
        assert_eq!(fold("غزة، رفح؛ لماذا؟").text, "غزه, رفح; لماذا?");
    }

    #[test]
    fn arabic_fold_maps_back_to_the_original() {
        let text = "قالت: قَصَفَتْ القوات ١٢ موقعاً";
        let f = fold(text);
        assert_eq!(f.text, "قالت: قصفت القوات 12 موقعا");
        let at = |w: &str| {
            let i = f.text.find(w).unwrap();
            let (s, e) = f.original_range(i, i + w.len());
            &text[s..e]
        };
        // The marks of the last letter belong to the word.
        assert_eq!(at("قصفت"), "قَصَفَتْ");
        assert_eq!(at("12"), "١٢");
        assert_eq!(at("موقعا"), "موقعاً");
        assert_eq!(at("القوات"), "القوات");
        // Every folded offset maps to a character boundary of the original.
        for i in 0..=f.text.len() {
            assert!(text.is_char_boundary(f.to_original(i)), "{i}");
        }
    }

    #[test]
    fn clitic_prefixes_only_in_their_language() {
        let mut b = Builder::default();
        b.add("الجيش", Meaning::Sector("MIL".into()), None);
        b.add("جيش", Meaning::Sector("MIL".into()), None);
        b.add("قصف*", Meaning::Trigger(0), Some("ar".into()));
        b.add("لم", Meaning::Cue(Cue::Negation), Some("ar".into()));
        b.add("سوريا", Meaning::Actor(0), None);
        b.add("attack*", Meaning::Trigger(1), Some("en".into()));
        b.add("و", Meaning::Cue(Cue::Conjunction), Some("ar".into()));
        let clitics: Vec<String> = ["و", "ب", "ال", "وال", "لل", "ف"]
            .iter()
            .map(|c| c.to_string())
            .collect();
        b.clitics("ar", &clitics);
        let m = b.build().unwrap();
        let text = "والجيش وقصفت للجيش ولم بسوريا وسوريانا و ال attacked";
        let f = fold(text);
        let found = |lang| -> Vec<(String, Vec<Meaning>)> {
            m.scan(&f, lang)
                .into_iter()
                .map(|h| {
                    let (s, e) = h.orig(&f);
                    (text[s..e].to_string(), h.meanings.to_vec())
                })
                .collect()
        };
        let mil = Meaning::Sector("MIL".into());
        let and = || ("و".to_string(), vec![Meaning::Cue(Cue::Conjunction)]);
        let ar = found(Some("ar"));
        // The hit spans the whole word, clitic included; "الجيش" and
        // "جيش" (both listed, same meaning) give it one meaning. A clitic
        // that is a phrase itself ("و") is its own hit, before the rest.
        assert_eq!(
            ar,
            vec![
                and(),
                ("الجيش".to_string(), vec![mil.clone()]),
                and(),
                ("قصفت".to_string(), vec![Meaning::Trigger(0)]),
                ("للجيش".to_string(), vec![mil.clone()]),
                and(),
                ("لم".to_string(), vec![Meaning::Cue(Cue::Negation)]),
                ("بسوريا".to_string(), vec![Meaning::Actor(0)]),
                and(),
            ]
        );
        // Other languages (and no language) never strip a clitic.
        let en = found(Some("en"));
        assert_eq!(
            en,
            vec![("attacked".to_string(), vec![Meaning::Trigger(1)])]
        );
        assert_eq!(
            found(None),
            vec![and(), ("attacked".to_string(), vec![Meaning::Trigger(1)])]
        );
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
        let words: Vec<&str> = hits
            .iter()
            .map(|h| {
                let (s, e) = h.orig(&f);
                &text[s..e]
            })
            .collect();
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

    type Flat = Vec<(usize, usize, usize, Vec<Meaning>)>;

    fn flat(hits: Vec<Hit>) -> Flat {
        hits.into_iter()
            .map(|h| (h.start, h.end, h.pattern, h.meanings.to_vec()))
            .collect()
    }

    /// What `scan` must find, by brute force: every phrase that is spelled
    /// at a position where a token starts, in order of its end.
    fn reference<'m>(m: &'m Matcher, folded: &Folded, lang: Option<&str>) -> Vec<Hit<'m>> {
        let lang = m.lang_id(lang);
        let text = folded.text.as_str();
        let mut by_first: HashMap<&[u8], Vec<usize>> = HashMap::new();
        for (pid, p) in m.patterns.iter().enumerate() {
            let b = p.as_bytes();
            by_first.entry(&b[..b.len().min(2)]).or_default().push(pid);
        }
        let mut layers: [Vec<Candidate>; LAYERS] = Default::default();
        let mut prev_word = false;
        for (i, c) in text.char_indices() {
            let word = is_word_char(c);
            let begins = !(is_space(c) || (word && prev_word));
            prev_word = word;
            if !begins {
                continue;
            }
            let rest = &text.as_bytes()[i..];
            let mut found: Vec<(usize, usize)> = [&rest[..1], &rest[..rest.len().min(2)]]
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .filter_map(|k| by_first.get(k))
                .flatten()
                .filter(|&&pid| text[i..].starts_with(m.patterns[pid].as_str()))
                .map(|&pid| (i + m.patterns[pid].len(), pid))
                .collect();
            found.sort_unstable();
            for (e, pid) in found {
                let ends_word = ends_word_at(text, e);
                m.candidates(folded, lang, (i, e), ends_word, pid, &mut layers);
            }
        }
        resolve_sorted(m, layers)
    }

    /// The two-pass resolution `Layers` replaced: each layer's candidates
    /// collected, runs of one start sorted longest first, then kept.
    fn resolve_sorted(m: &Matcher, mut layers: [Vec<Candidate>; LAYERS]) -> Vec<Hit<'_>> {
        // Leftmost, then longest, within each layer. Candidates arrive by
        // start; only those with the same start need ordering (longest
        // first; a stable sort keeps same-span meanings in lexicon order).
        #[derive(Clone, Copy)]
        struct Kept {
            start: u32,
            end: u32,
            layer: u8,
            from: u32,
            to: u32,
        }
        let mut kept: [Vec<Kept>; LAYERS] = Default::default();
        for (l, layer) in layers.iter_mut().enumerate() {
            kept[l].reserve(layer.len());
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
        // Merge the layers: by start, longest first, then by layer. Each
        // layer's head is kept as one integer in that order (start, then
        // end descending; `u64::MAX` once the layer is done): the least
        // wins, a tie goes to the lower layer, and only the chosen layer's
        // key is read again (comparing the five heads as records cost ≈ 50
        // instructions a hit).
        let total = kept.iter().map(Vec::len).sum();
        let mut out: Vec<Hit> = Vec::with_capacity(total);
        let head_key = |k: Option<&Kept>| {
            k.map_or(u64::MAX, |k| {
                u64::from(k.start) << 32 | u64::from(u32::MAX - k.end)
            })
        };
        let mut heads = [0usize; LAYERS];
        let mut keys: [u64; LAYERS] = std::array::from_fn(|l| head_key(kept[l].first()));
        for _ in 0..total {
            let mut l = 0;
            for (m, &key) in keys.iter().enumerate().skip(1) {
                if key < keys[l] {
                    l = m;
                }
            }
            let h = kept[l][heads[l]];
            heads[l] += 1;
            keys[l] = head_key(kept[l].get(heads[l]));
            let cands = &layers[h.layer as usize][h.from as usize..h.to as usize];
            // Pushed one by one: collecting (`SmallVec::extend`) copied
            // the inline buffer with a `memcpy` call or two per hit.
            let mut meanings = smallvec::SmallVec::new();
            for c in cands {
                meanings.push(
                    &m.variants[c.pattern as usize][c.variant as usize]
                        .entry
                        .meaning,
                );
            }
            out.push(Hit {
                start: h.start as usize,
                end: h.end as usize,
                pattern: cands[0].pattern as usize,
                meanings: Meanings(meanings),
            });
        }
        out
    }

    /// Texts that put every phrase of `m` at word ends, inside longer
    /// words, glued to punctuation, across line breaks, in its exact
    /// spelling if it has one, or in capitals.
    fn stress_texts(m: &Matcher) -> Vec<String> {
        let mut x: u64 = 0x1234_5678;
        let mut rnd = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let seps = [
            " ", "", "-", "\n", "s ", "ed, ", ". ", "x", "  ", "'s ", ".", "ая ", "ı ", "\u{a0}",
        ];
        let mut texts = Vec::new();
        for round in 0..3 {
            let mut t = String::new();
            for (pid, p) in m.patterns.iter().enumerate() {
                if round > 0 && rnd(3) == 0 {
                    continue;
                }
                let exact = m.variants[pid].iter().find_map(|v| v.exact.clone());
                let w = match (exact, rnd(4)) {
                    (Some(e), 0 | 1) => e,
                    (_, 2) if round > 1 => p.to_uppercase(),
                    _ => p.clone(),
                };
                t.push_str(&w);
                t.push_str(seps[rnd(seps.len())]);
            }
            texts.push(t);
        }
        texts
    }

    const LANGS: [Option<&str>; 7] = [
        None,
        Some("en"),
        Some("id"),
        Some("ru"),
        Some("tr"),
        Some("es"),
        Some("fr"),
    ];

    /// The shipped lexicon over the seed articles, synthetic articles and
    /// stress texts of every phrase: the same hits as the brute-force
    /// search, and the same fold as the char-by-char one.
    #[test]
    fn shipped_lexicon_finds_what_brute_force_finds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let lex = crate::lexicon::Lexicon::load(&root.join("config/lexicon")).unwrap();
        let m = &lex.matcher;
        let mut texts: Vec<String> = Vec::new();
        for e in std::fs::read_dir(root.join("seeds")).unwrap() {
            texts.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
        texts.extend((0..40).map(|i| crate::synth::article(i).1));
        texts.extend(stress_texts(m));
        for (n, t) in texts.iter().enumerate() {
            let f = fold(t);
            let (want, map) = fold_by_char(t);
            assert!(f.text == want && f.map == map, "fold of text {n}");
            for lang in LANGS {
                let want = flat(reference(m, &f, lang));
                assert!(!want.is_empty());
                assert!(flat(m.scan(&f, lang)) == want, "text {n}, {lang:?}");
            }
        }
    }

    /// Crafted cases: what is found, and the same as the brute force.
    #[test]
    fn prefixes_punctuation_case_and_languages() {
        let mut b = Builder::default();
        let pats: &[(&str, Meaning, Option<&str>)] = &[
            ("attack*", Meaning::Trigger(0), None),
            ("attacke*", Meaning::Trigger(1), None),
            ("attacked", Meaning::Trigger(6), None),
            ("al-Assad", Meaning::Actor(0), None),
            ("U.S.", Meaning::Actor(1), None),
            ("U.S.-led", Meaning::Actor(2), None),
            ("=US", Meaning::Actor(3), None),
            ("air strike*", Meaning::Trigger(2), None),
            ("атак*", Meaning::Trigger(3), Some("ru")),
            ("İdlib", Meaning::Place(0), None),
            ("serang*", Meaning::Trigger(4), Some("id")),
            ("tidak", Meaning::Cue(Cue::Negation), Some("id")),
            ("Ankara's", Meaning::Actor(4), None),
            ("killed", Meaning::Trigger(5), None),
            ("were killed", Meaning::Cue(Cue::Killed), None),
            ("-", Meaning::NotTrigger, None),
        ];
        for (p, meaning, lang) in pats {
            b.add(p, meaning.clone(), lang.map(str::to_string));
        }
        let m = b.build().unwrap();
        let text = "U.S.-led air strikes attacked al-Assad; the US, not us, \
                    were killed. Атаковали İDLİB serangan tidak ankara’s \
                    air\nstrike attackers U.S.A";
        let f = fold(text);
        let found = |lang| -> Vec<(String, Vec<Meaning>)> {
            let hits = m.scan(&f, lang);
            assert!(flat(hits.clone()) == flat(reference(&m, &f, lang)));
            hits.into_iter()
                .map(|h| {
                    let (s, e) = h.orig(&f);
                    (text[s..e].to_string(), h.meanings.to_vec())
                })
                .collect()
        };
        let s = |t: &str, m: &[Meaning]| (t.to_string(), m.to_vec());
        let any = vec![
            // "U.S." is inside the longer actor; "-" is in another layer.
            s("U.S.-led", &[Meaning::Actor(2)]),
            s("-", &[Meaning::NotTrigger]),
            s("air strikes", &[Meaning::Trigger(2)]),
            // Two prefixes and a full match, same span: shortest first.
            s(
                "attacked",
                &[
                    Meaning::Trigger(0),
                    Meaning::Trigger(1),
                    Meaning::Trigger(6),
                ],
            ),
            s("al-Assad", &[Meaning::Actor(0)]),
            s("-", &[Meaning::NotTrigger]),
            s("US", &[Meaning::Actor(3)]),
            s("were killed", &[Meaning::Cue(Cue::Killed)]),
            s("killed", &[Meaning::Trigger(5)]),
            s("İDLİB", &[Meaning::Place(0)]),
            s("ankara’s", &[Meaning::Actor(4)]),
            s("attackers", &[Meaning::Trigger(0), Meaning::Trigger(1)]),
            s("U.S.", &[Meaning::Actor(1)]),
        ];
        assert_eq!(found(Some("en")), any);
        let ru = found(Some("ru"));
        assert!(ru.contains(&s("Атаковали", &[Meaning::Trigger(3)])));
        assert!(!ru.iter().any(|h| h.0 == "tidak"));
        let id = found(Some("id"));
        assert!(id.contains(&s("serangan", &[Meaning::Trigger(4)])));
        assert!(id.contains(&s("tidak", &[Meaning::Cue(Cue::Negation)])));
        assert_eq!(found(None).len(), any.len() + 3);
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
        assert_eq!(en[0].meanings.to_vec(), [Meaning::Actor(1)]);
        assert_eq!(m.scan(&f, Some("id")).len(), 2);
    }
}
