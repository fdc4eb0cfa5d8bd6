//! What one sentence holds: the lexicon hits that fall in it, sorted into
//! actors, triggers, cues, numbers, places and date words.

use std::cell::Cell;

use chrono::NaiveDate;

use super::dates::DateWords;
use super::numbers::{digit_numbers, Number, WordNumber};
use crate::lexicon::{Cue, Folded, Hit, Lexicon, Meaning, CUE_KINDS};
use crate::model::EventType;

/// An actor named in the sentence.
#[derive(Debug, Clone)]
pub struct ActorRef {
    pub start: usize,
    pub end: usize,
    pub actor: usize,
    /// Sector from an adjacent sector word ("Turkish troops" → MIL), if any.
    pub sector: Option<String>,
    /// Used as an adjective inside a compound ("Moscow-backed"): never a role.
    pub modifier: bool,
    /// Stands for the state that holds a named place ("shelled Kharkiv" →
    /// Ukraine): a place can be struck, but it does not act.
    pub place: bool,
    /// People the text names without their state ("the junta", "the
    /// militants"): a location marker before them ("aux militaires au
    /// pouvoir") does not make them a setting.
    pub unnamed: bool,
}

impl ActorRef {
    /// The sector it acts in: the one a sector word gave it here, else its
    /// lexicon entry's.
    pub fn sector_in<'a>(&'a self, lex: &'a Lexicon) -> &'a str {
        self.sector
            .as_deref()
            .unwrap_or(lex.actors[self.actor].sector.as_str())
    }
}

/// Whether a trigger that needs an object has one: a listed word starting
/// within six words after it ("fired dozens of rockets", "supply Ukraine
/// with four more IRIS-T air defence systems"), or within three before it
/// ("airspace closure", and the object before the verb of a verb-final
/// language: "hava sahasını kapattı"). A word ending in `*` matches any
/// ending. No objects: true.
fn object_near(text: &str, span: (usize, usize), at: (usize, usize), objects: &[String]) -> bool {
    objects.is_empty() || object_at(text, span, at, objects).is_some()
}

/// Where the object [`object_near`] finds stands (its byte range), if any.
fn object_at(
    text: &str,
    span: (usize, usize),
    at: (usize, usize),
    objects: &[String],
) -> Option<(usize, usize)> {
    if objects.is_empty() {
        return None;
    }
    let is_space = |c: char| !(c.is_alphanumeric() || c == '\'' || c == '-');
    let after = text[at.1..span.1]
        .split(is_space)
        .filter(|w| !w.is_empty())
        .take(6);
    let before = text[span.0..at.0]
        .rsplit(is_space)
        .filter(|w| !w.is_empty())
        .take(3);
    // Objects of several words are matched on the text from each word on.
    let base = text.as_ptr() as usize;
    after.chain(before).find_map(|w| {
        let from = w.as_ptr() as usize - base;
        let rest = &text[from..span.1];
        // The objects are sorted (see `Trigger::objects`): only those that
        // start with the word's first byte can match, and an empty one
        // (sorted first). A trigger lists up to ~40, tried for up to 8 words.
        let first = rest.as_bytes().first();
        let lo = objects.partition_point(|o| o.as_bytes().first() < first);
        let hi = objects.partition_point(|o| o.as_bytes().first() <= first);
        let empty = objects.iter().take_while(|o| o.is_empty()).count();
        let mut candidates = objects[..empty].iter().chain(&objects[lo..hi]);
        candidates.find_map(|o| {
            let len = match o.strip_suffix('*') {
                Some(stem) if rest.starts_with(stem) => {
                    stem.len()
                        + rest[stem.len()..]
                            .find(is_space)
                            .unwrap_or(rest.len() - stem.len())
                }
                None if rest.starts_with(o.as_str())
                    && rest[o.len()..].chars().next().is_none_or(is_space) =>
                {
                    o.len()
                }
                _ => return None,
            };
            Some((from, from + len))
        })
    })
}

/// The sector of a person named after the office that made him an actor.
const ELITE: &str = "ELI";

/// Sectors whose words stand for a party of the state where they are
/// named: opposition parties, parliaments, courts.
const DOMESTIC: [&str; 3] = ["PTY", "LEG", "JUD"];

/// Whether a word qualifies the one at most `n` words away: not across a
/// comma ("In Burkina Faso, jihadists killed …": the jihadists are no
/// sector of the setting).
fn next_to(text: &str, a_end: usize, b_start: usize, n: usize) -> bool {
    gap(text, a_end, b_start) <= n && !has_comma(&text[a_end..b_start])
}

/// Whether `between` (a few words between two mentions) holds a comma: a
/// byte loop, as `str::contains(',')`'s `memchr` costs ≈ 130 instructions
/// a call on such short stretches.
fn has_comma(between: &str) -> bool {
    between.bytes().any(|b| b == b',')
}

/// Whether `after` (the text right after a mention) starts with one of
/// the language's setting endings set off by an apostrophe (grammar key
/// `setting_suffixes`, the entries that start with one: Turkish
/// "Ankara'da", "Kabil'den"), or with any ending and then a listed setting
/// word ("Mali'nin merkezinde", "Irak'ın kuzeyinde"): the mention says
/// where, or whence.
fn setting_suffix(after: &str, suffixes: &[String]) -> bool {
    if !after.starts_with('\'') {
        return false;
    }
    let end = after[1..]
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(after.len(), |(i, _)| i + 1);
    apostrophe_ending(&after[..end], suffixes) || region_of(after, suffixes)
}

/// Whether `after` (the text right after a mention) is an apostrophe
/// ending and then a listed setting word: "Mali'nin merkezinde" (in the
/// centre of Mali) names a region of the state, not the state.
fn region_of(after: &str, suffixes: &[String]) -> bool {
    let Some(rest) = after.strip_prefix('\'') else {
        return false;
    };
    let end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    rest[end..].strip_prefix(' ').is_some_and(|next| {
        let word = next.split(' ').next().unwrap_or("");
        let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
        setting_word(word, suffixes)
    })
}

/// Whether `word` ends in one of the listed setting words, the entries
/// without an apostrophe ("kuzeyinde" also in "kuzeydoğusunda").
fn setting_word(word: &str, suffixes: &[String]) -> bool {
    !word.is_empty()
        && suffixes
            .iter()
            .any(|x| !x.starts_with('\'') && !x.contains(' ') && word.ends_with(x.as_str()))
}

/// Whether `ending` (an apostrophe and the letters after it) is one of the
/// listed setting endings.
fn apostrophe_ending(ending: &str, suffixes: &[String]) -> bool {
    suffixes
        .iter()
        .any(|x| x.starts_with('\'') && x.as_str() == ending)
}

/// Whether the word that a mention (`start`..`end`) ends in carries, after
/// an apostrophe, one of the listed object case endings (the entries that
/// start with one: Turkish "İsrail'i", "Ukrayna'ya").
fn case_ending(text: &str, start: usize, end: usize, suffixes: &[String]) -> bool {
    if suffixes.is_empty() {
        return false;
    }
    let rest = &text[end..];
    let len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '\''))
        .unwrap_or(rest.len());
    let from = text[start..end].rfind(' ').map_or(start, |i| start + i + 1);
    let word = &text[from..end + len];
    word.rfind('\'').is_some_and(|i| {
        suffixes
            .iter()
            .any(|x| x.starts_with('\'') && x.as_str() == &word[i..])
    })
}

/// A mention whose own last word carries a setting ending ("Nijerya'da"
/// matched by a stem alias), or one followed by it. (Folded text: every
/// apostrophe is a plain one.)
fn setting_at(text: &str, start: usize, end: usize, suffixes: &[String]) -> bool {
    if suffixes.is_empty() {
        return false;
    }
    let own = &text[start..end];
    own.rfind('\'')
        .map(|i| &own[i..])
        .is_some_and(|t| !t.contains(' ') && apostrophe_ending(t, suffixes))
        || setting_suffix(&text[end..], suffixes)
}

/// A mention (in a verb-final language) that ends in a setting ending: an
/// apostrophe suffix after it ("Nijerya'da") or, as its last word, a word
/// that ends in one of the listed setting words, the entries without an
/// apostrophe ("Suriye'nin kuzeyinde", "… kuzeydoğusunda").
fn setting_end(text: &str, start: usize, end: usize, suffixes: &[String]) -> bool {
    setting_at(text, start, end, suffixes)
        || setting_word(text[start..end].rsplit(' ').next().unwrap_or(""), suffixes)
}

/// Adds, in text order, a party that a common noun stands for
/// ("government troops", "the militants"): it acts, it is no place.
fn insert_unnamed(actors: &mut Vec<ActorRef>, span: (usize, usize), actor: usize, sector: &str) {
    let at = actors.partition_point(|a| a.start < span.0);
    actors.insert(
        at,
        ActorRef {
            start: span.0,
            end: span.1,
            actor,
            sector: Some(sector.to_string()),
            modifier: false,
            place: false,
            unnamed: true,
        },
    );
}

/// Where the article is set, for places and unnamed forces: each gazetteer
/// place's state, and the state the article's places lie in most.
#[derive(Clone, Copy)]
pub struct Setting<'a> {
    pub place_states: &'a [Option<usize>],
    pub host: Option<usize>,
    /// Whether a phrase set off by commas after an actor describes it (see
    /// `roles::eligible`): not in a verb-final language, whose subject is
    /// often followed by a comma ("Rusya, Ukrayna'yı suçladı").
    pub appositions: bool,
    /// The language's articles (grammar key `articles`).
    pub articles: &'a [String],
    /// The language's setting endings and words (grammar key
    /// `setting_suffixes`: Turkish "'da", "kuzeyinde").
    pub setting_suffixes: &'a [String],
    /// The language's object case endings (grammar key `object_suffixes`:
    /// Turkish "'yı", "'e").
    pub object_suffixes: &'a [String],
    /// Grammar key `counted_people`: see `roles::counted_people`.
    pub counted_people: bool,
}

/// One sentence, analysed.
#[derive(Debug, Default)]
pub struct Sentence {
    /// Folded byte range in the article.
    pub span: (usize, usize),
    /// Read phrases set off by commas after an actor as appositions.
    pub appositions: bool,
    pub actors: Vec<ActorRef>,
    pub triggers: Vec<(usize, usize, usize)>,
    /// In text order; fixed once analysed ([`Sentence::cues_in`] reads a
    /// copy grouped by kind, built at the end of [`Sentence::analyse`]).
    pub cues: Vec<(usize, usize, Cue)>,
    pub(super) cue_index: CueIndex,
    pub numbers: Vec<Number>,
    pub places: Vec<(usize, usize, usize)>,
    pub dates: DateWords,
    /// Per actor: whether it can take a role ([`super::roles::eligible`]).
    pub eligible: Vec<bool>,
    /// Spans of the actor mentions a setting ending marks as where
    /// ("Nijerya'da"), from the language's grammar.
    pub set_off: Vec<(usize, usize)>,
    /// The state the sentence sets its acts in (its first place's, else a
    /// state named as where), for the forces the next sentence names
    /// without a state ("… in Yerevan. Police detained dozens.").
    pub set_in: Option<usize>,
}

/// Words between two folded offsets (0 when adjacent; MAX when reversed).
///
/// Over the text being extracted on this thread the [`WordIndex`] answers
/// with a subtraction; any other text is counted byte by byte
/// ([`gap_unindexed`]). Role assignment and sentence analysis ask this
/// hundreds of times per article, so the indexed path is kept small: the
/// index of a text of up to [`SMALL_BYTES`] (most articles) is a
/// thread-local without a destructor (see [`SmallIndex`]), every other
/// case is a separate function, and the closure given the thread-local
/// only copies two groups out. So small, it is inlined into its callers:
/// as a function of its own (which it had to be while the thread-local
/// had a destructor: inlined, the access was not) it saved and restored
/// five registers around the thread-local's address, ≈ 15 of its ≈ 65
/// instructions.
#[inline]
pub fn gap(text: &str, a_end: usize, b_start: usize) -> usize {
    if b_start < a_end {
        return usize::MAX;
    }
    let id = (text.as_ptr() as usize, text.len());
    let (ka, kb) = (a_end / 8, b_start / 8);
    match SMALL.with(|index| index.groups(id, ka, kb)) {
        Some((a, b)) => WordIndex::gap(a, b, a_end, b_start),
        None => gap_large(text, a_end, b_start),
    }
}

/// [`gap`] over a text longer than [`SMALL_BYTES`] (from its [`WordIndex`]
/// when indexed) or any text not indexed (byte by byte).
#[inline(never)]
fn gap_large(text: &str, a_end: usize, b_start: usize) -> usize {
    let id = (text.as_ptr() as usize, text.len());
    let (ka, kb) = (a_end / 8, b_start / 8);
    match WORDS.with_borrow(|index| index.groups(id, ka, kb)) {
        Some((a, b)) => WordIndex::gap(a, b, a_end, b_start),
        None => gap_unindexed(text, a_end, b_start),
    }
}

/// [`gap`] without the index (`a_end <= b_start`). Folding made every
/// white space ASCII, so a byte loop counts words (a word starts at a
/// non-space byte after a space, or at the first byte). The loop has no
/// branch per byte, and a long range is counted in runs of at most 255
/// byte pairs with a byte-sized sum, which the compiler turns into a
/// vector loop (a sum in `usize` does not pay: every byte lane would be
/// widened to 64 bits). Measured on ranges of 0–200 bytes: 3.5× fewer
/// instructions than a state machine with a branch per byte; on ranges
/// under 16 bytes, 10 % fewer.
#[inline(never)]
fn gap_unindexed(text: &str, a_end: usize, b_start: usize) -> usize {
    let bytes = &text.as_bytes()[a_end..b_start];
    if bytes.len() < 32 {
        let mut words = 0;
        let mut after_space = true;
        for &b in bytes {
            let s = space(b);
            words += usize::from(after_space & !s);
            after_space = s;
        }
        return words;
    }
    let mut words = usize::from(!space(bytes[0]));
    let (before, at) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    for (before, at) in before.chunks(255).zip(at.chunks(255)) {
        let starts = before.iter().zip(at).fold(0u8, |n, (&p, &b)| {
            n.wrapping_add(u8::from(space(p) & !space(b)))
        });
        words += usize::from(starts);
    }
    words
}

/// Whether `text[a..b]` holds a clause break: a semicolon, or a comma (or,
/// with `colon`, a colon) that is not a thousands separator ("25,000 tons"
/// is one phrase). The three bytes are found with `memchr3`: a byte loop
/// with a `match` per byte cost 3 M instructions per 300 articles.
pub fn clause_break(text: &str, a: usize, b: usize, colon: bool) -> bool {
    let bytes = text.as_bytes();
    let Some(range) = bytes.get(a..b.min(bytes.len())) else {
        return false;
    };
    memchr::memchr3_iter(b';', b':', b',', range).any(|k| match bytes[a + k] {
        b';' => true,
        b':' => colon,
        b',' => {
            let digit =
                |j: Option<usize>| j.and_then(|j| bytes.get(j)).is_some_and(u8::is_ascii_digit);
            let i = a + k;
            !(digit(i.checked_sub(1)) && digit(Some(i + 1)))
        }
        _ => false,
    })
}

/// Where the first clause break in `text[a..b]` is (see [`clause_break`]).
pub fn next_clause_break(text: &str, a: usize, b: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let range = bytes.get(a..b.min(bytes.len()))?;
    memchr::memchr2_iter(b';', b',', range)
        .map(|k| a + k)
        .find(|&i| clause_break(text, i, i + 1, false))
}

thread_local! {
    static SMALL: SmallIndex = const {
        SmallIndex {
            text: Cell::new((0, 0)),
            len: Cell::new(0),
            groups: [const { Cell::new(0) }; SMALL_BYTES / 8],
        }
    };
    static WORDS: std::cell::RefCell<WordIndex> = const {
        std::cell::RefCell::new(WordIndex {
            text: (0, 0),
            groups: Vec::new(),
        })
    };
}

/// Texts up to this long (most articles: 3 kB on average) are indexed in
/// [`SmallIndex`]; longer ones in [`WordIndex`]'s vector.
const SMALL_BYTES: usize = 16 * 1024;

/// The [`WordIndex`] of a text of up to [`SMALL_BYTES`], in a fixed array
/// of cells (16 kB per thread). A thread-local with a destructor (the
/// vector of a `WordIndex`) is reached through a test of its state and a
/// call that registers the destructor on first use, and behind a
/// `RefCell`: the call kept five registers saved in every [`gap`], and
/// with the borrow these were ≈ 35 of its ≈ 80 instructions. This one has
/// neither.
struct SmallIndex {
    /// Address and length of the indexed text ((0, 0): none).
    text: Cell<(usize, usize)>,
    /// How many of `groups` belong to it.
    len: Cell<usize>,
    /// As [`WordIndex::groups`].
    groups: [Cell<u64>; SMALL_BYTES / 8],
}

impl SmallIndex {
    /// As [`WordIndex::groups`] (`ka <= kb`).
    #[inline]
    fn groups(&self, id: (usize, usize), ka: usize, kb: usize) -> Option<(u64, u64)> {
        if self.text.get() != id || kb >= self.len.get() {
            return None;
        }
        Some((self.groups.get(ka)?.get(), self.groups.get(kb)?.get()))
    }
}

/// The word starts of the text being extracted on this thread, so that
/// [`gap`] over it is a subtraction instead of a walk over the bytes between.
///
/// Extraction asks `gap` about 570 times per article, over a hundred bytes
/// on average, from dozens of places in the rules; the index is kept here,
/// where `gap` finds it by the text's address and length, rather than passed
/// to every one of them. [`WordIndex::install`] builds it for one text (in
/// [`SmallIndex`]'s array, or for a longer text in a buffer kept from
/// article to article) and the guard it returns forgets
/// it, so `gap` over any other text, or after the guard is gone, counts
/// bytes as before.
///
/// The index is one `u64` per 8 bytes of text: how many words start before
/// them, how many start before each of the 8 bytes within them (3 bits
/// each, from a table by the group's start bits), and a bit per byte for
/// "inside a word, not at its start" (a range that starts there counts
/// that word too). A count is then two shifts and an add. One load per
/// end: as two vectors (counts and start bits) and with the text read for
/// the mid-word case, a `gap` took ≈ 120 instructions. A count
/// per byte, as first written, was a serial prefix sum of ≈ 20
/// instructions a byte (5 % of extraction); the bits are found a 64-byte
/// block at a time.
pub struct WordIndex {
    /// Address and length of the indexed text ((0, 0): none).
    text: (usize, usize),
    /// `groups[k]` for bytes `8k..8k + 8` (whole 64-byte blocks, bytes
    /// past the end spaces): bits `3j..3j + 3`, how many words start in
    /// `8k..8k + j` ([`STARTS_BEFORE`]); bit `24 + j`, byte `8k + j` is
    /// inside a word but not its first byte; bits 32–63, how many words
    /// start before byte `8k`.
    groups: Vec<u64>,
}

/// Set bits of each byte value: the baseline x86-64 target has no
/// `popcnt`, and `u64::count_ones` is ≈ 15 instructions.
const ONES_IN: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).count_ones() as u8;
        b += 1;
    }
    t
};

/// For each byte of start bits, bits `3j..3j + 3`: how many of its bits
/// below bit `j` are set (at most 7).
const STARTS_BEFORE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut b = 0;
    while b < 256 {
        let mut j = 0;
        while j < 8 {
            t[b] |= (b & ((1 << j) - 1)).count_ones() << (3 * j);
            j += 1;
        }
        b += 1;
    }
    t
};

/// Forgets the indexed text when dropped (see [`WordIndex::install`]).
pub struct WordIndexGuard(());

impl WordIndex {
    /// Indexes `text` for [`gap`] on this thread until the guard is dropped.
    pub fn install(text: &str) -> WordIndexGuard {
        let id = (text.as_ptr() as usize, text.len());
        SMALL.with(|small| small.text.set((0, 0)));
        WORDS.with_borrow_mut(|index| {
            index.text = (0, 0);
            index.groups.clear();
        });
        if u32::try_from(text.len()).is_err() {
            return WordIndexGuard(());
        }
        // Whole 64-byte blocks, the last padded with spaces (`<`: the
        // padded block after a text of whole blocks must fit too).
        if text.len() < SMALL_BYTES {
            SMALL.with(|small| {
                let mut k = 0;
                word_groups(text, |groups| {
                    for (cell, group) in small.groups[k..k + 8].iter().zip(groups) {
                        cell.set(group);
                    }
                    k += 8;
                });
                small.len.set(k);
                small.text.set(id);
            });
        } else {
            WORDS.with_borrow_mut(|index| {
                index.groups.reserve(8 * (text.len() / 64 + 1));
                word_groups(text, |groups| index.groups.extend_from_slice(&groups));
                index.text = id;
            });
        }
        WordIndexGuard(())
    }

    /// Groups `ka` and `kb` of the index, when the text `id` (address,
    /// length) is the indexed one. (Only the two loads are done with the
    /// index borrowed: so small a closure lets the thread-local access be
    /// inlined into [`gap`].)
    #[inline]
    fn groups(&self, id: (usize, usize), ka: usize, kb: usize) -> Option<(u64, u64)> {
        if self.text != id {
            return None;
        }
        Some((*self.groups.get(ka)?, *self.groups.get(kb)?))
    }

    /// [`gap`] from the groups of `a_end` and `b_start` (`a_end <= b_start`).
    #[inline]
    fn gap(a: u64, b: u64, a_end: usize, b_start: usize) -> usize {
        // Words that start before byte `8k + bit` of a group.
        let before = |group: u64, bit: usize| (group >> 32) + (group >> (3 * bit) & 7);
        let bit = a_end % 8;
        // A range that starts inside a word counts that word too.
        let mid_word = a >> (24 + bit) & 1 == 1 && a_end < b_start;
        (before(b, b_start % 8) - before(a, bit)) as usize + usize::from(mid_word)
    }
}

impl Drop for WordIndexGuard {
    fn drop(&mut self) {
        SMALL.with(|small| small.text.set((0, 0)));
        WORDS.with_borrow_mut(|index| index.text = (0, 0));
    }
}

/// The index groups of `text` (see [`WordIndex`]), a 64-byte block (eight
/// groups) at a time, the last block padded with spaces.
///
/// A block's eight groups are made in registers and handed over at once:
/// pushed one by one, the running count and the length went through memory
/// for each (≈ 22 instructions a group).
#[inline]
fn word_groups(text: &str, mut emit: impl FnMut([u64; 8])) {
    // The byte before the text counts as a space: a word starts at 0.
    let mut space_before = 1u64;
    let mut words = 0u32;
    let mut chunks = text.as_bytes().chunks_exact(64);
    let mut block = |chunk: &[u8; 64]| {
        let spaces = space_bits(chunk);
        let starts = !spaces & (spaces << 1 | space_before);
        space_before = spaces >> 63;
        let mut n = words;
        let groups: [u64; 8] = std::array::from_fn(|j| {
            let start = (starts >> (8 * j)) as u8;
            let inside = !(spaces >> (8 * j)) as u8 & !start;
            let group = u64::from(n) << 32
                | u64::from(inside) << 24
                | u64::from(STARTS_BEFORE[usize::from(start)]);
            n += u32::from(ONES_IN[usize::from(start)]);
            group
        });
        words = n;
        emit(groups);
    };
    for chunk in &mut chunks {
        block(chunk.try_into().expect("64 bytes"));
    }
    // Bytes past the end are spaces: no word starts there.
    let mut last = [b' '; 64];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    block(&last);
}

/// Bit `j`: byte `j` of `chunk` is white space (as [`space`] says).
///
/// Eight bytes at a time in a `u64` (SWAR): a byte equal to one of the
/// five white space bytes gets its high bit set, exactly (no carry crosses
/// a byte), and a multiplication gathers the eight high bits into one
/// byte. About 5 instructions a byte, where a shift and test per byte took
/// ≈ 14. Most groups of eight bytes hold no white space but the space
/// itself: when every byte up to 0x20 is a space, that one comparison is
/// the answer (≈ 2 instructions a byte), and only a group with a line
/// break or a tab (or another control byte) tests all five.
#[inline]
fn space_bits(chunk: &[u8; 64]) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // High bit of each byte of `w` that equals `c`.
    let eq = |w: u64, c: u8| {
        let t = w ^ (u64::from(c) * ONES);
        !(((t & LOW7) + LOW7) | t | LOW7)
    };
    // High bit of each byte of `w` that is at most 0x20: its low seven
    // bits plus 0x5f stay below 0x80 (no carry out of the byte), and its
    // own high bit is clear.
    let up_to_space = |w: u64| !(((w & LOW7) + 0x5f * ONES) | w | LOW7);
    let mut bits = 0u64;
    for (k, word) in chunk.chunks_exact(8).enumerate() {
        let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        let spaces = eq(w, b' ');
        let high = match up_to_space(w) == spaces {
            true => spaces,
            false => spaces | eq(w, b'\n') | eq(w, b'\t') | eq(w, b'\r') | eq(w, 0x0c),
        };
        // Byte j's flag (bit 8j) lands on bit 56 + j; nothing else reaches there.
        let byte = (high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        bits |= byte << (8 * k);
    }
    bits
}

/// `u8::is_ascii_whitespace` (space, tab, line feed, form feed, carriage
/// return) without branches, so that [`gap`]'s loops need none.
#[inline(always)]
fn space(b: u8) -> bool {
    (b == b' ') | ((b.wrapping_sub(b'\t') < 5) & (b != 0x0b))
}

/// The word at `start` is the tail of a hyphenated compound ("Moscow-backed").
fn compound_tail(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    before.next() == Some('-') && before.next().is_some_and(char::is_alphanumeric)
}

impl Sentence {
    /// Sorts `hits` (all inside `span`) into the sentence's parts.
    pub fn analyse(
        lex: &Lexicon,
        text: &str,
        folded: &Folded,
        span: (usize, usize),
        hits: &[Hit],
        date: NaiveDate,
        setting: Setting<'_>,
    ) -> Sentence {
        let Setting {
            place_states,
            host,
            appositions,
            articles,
            setting_suffixes: suffixes,
            object_suffixes: objects,
            counted_people,
        } = setting;
        let mut s = Sentence {
            span,
            // Sized for the hits at once, not grown a push at a time.
            actors: Vec::with_capacity(hits.len()),
            triggers: Vec::with_capacity(hits.len()),
            cues: Vec::with_capacity(hits.len()),
            appositions,
            ..Default::default()
        };
        // Sector words borrowed from the hits and the lexicon: a `String`
        // is made only for an actor a sector word qualifies.
        let mut sectors: Vec<(usize, usize, &str)> = Vec::new();
        let mut words: Vec<(usize, usize, u64)> = Vec::new();
        // "government troops", "security forces": a state's own forces,
        // named without their state (kind "host"), resolved below.
        let mut hosts: Vec<(usize, usize, &str)> = Vec::new();
        let object_sense = |h: &Hit| {
            h.meanings.iter().any(|m| {
                matches!(m, Meaning::Trigger(j)
                    if !lex.triggers[*j].objects.is_empty()
                        && object_near(text, span, (h.start, h.end), &lex.triggers[*j].objects))
            })
        };
        // A hit's places, in one buffer for all hits.
        let mut places: Vec<(usize, usize, usize)> = Vec::new();
        for h in hits {
            places.clear();
            // An actor alias wins over a place of the same name ("Ankara"),
            // but both are kept: the place still locates the event.
            let mut actor: Option<usize> = None;
            // A person whose political office ended before the article's
            // date (the latest such office), for when no entry is in
            // office. Not a commander: one named after his time is most
            // often the dead one an act avenges.
            let mut former: Option<usize> = None;
            for m in &h.meanings {
                match m {
                    Meaning::Actor(i) => {
                        let a = &lex.actors[*i];
                        let in_office =
                            a.from.is_none_or(|f| f <= date) && a.until.is_none_or(|u| date <= u);
                        if in_office && actor.is_none() {
                            actor = Some(*i);
                        } else if a.until.is_some_and(|u| u < date)
                            && a.sector == "GOV"
                            && a.kind.as_deref() == Some("person")
                            && former.is_none_or(|f| lex.actors[f].until < a.until)
                        {
                            former = Some(*i);
                        }
                    }
                    Meaning::Place(i) => places.push((h.start, h.end, *i)),
                    // "Moscow-backed", "US-brokered": a compound adjective, not an act.
                    Meaning::Trigger(_) if compound_tail(text, h.start) => {}
                    Meaning::Trigger(i)
                        if !object_near(
                            text,
                            span,
                            (h.start, h.end),
                            &lex.triggers[*i].objects,
                        ) => {}
                    // "seized the town": the object that fits one sense of
                    // the word ("seized" as taking ground) rules out the
                    // senses that need none ("seized" as confiscating).
                    Meaning::Trigger(i)
                        if lex.triggers[*i].objects.is_empty() && object_sense(h) => {}
                    Meaning::Trigger(i) => s.triggers.push((h.start, h.end, *i)),
                    Meaning::NotTrigger => {}
                    Meaning::Sector(sec) => sectors.push((h.start, h.end, &**sec)),
                    Meaning::Month(m) => s.dates.months.push((h.start, h.end, *m)),
                    Meaning::Weekday(d) => s.dates.weekdays.push((h.start, *d)),
                    Meaning::Relative(d) => s.dates.relative.push((h.start, *d)),
                    Meaning::Number(n) => words.push((h.start, h.end, *n)),
                    Meaning::Cue(c) => {
                        if *c == Cue::PastWeek {
                            s.dates.past.push((h.start, h.end));
                        }
                        s.cues.push((h.start, h.end, *c))
                    }
                }
            }
            // A capital standing for its government ("Moscow said") is not
            // where the event happened, unless a location marker says so.
            // (Asked only when it decides something: most hits are no place.)
            let located = || {
                s.cues
                    .iter()
                    .any(|c| c.2 == Cue::Location && gap(text, c.1, h.start) <= 1)
                    || setting_at(text, h.start, h.end, suffixes)
            };
            // A place that is not also an actor alias stands for its state
            // as a possible target.
            let place_actor = match actor {
                None => places
                    .iter()
                    .find_map(|p| place_states.get(p.2).copied().flatten()),
                Some(_) => None,
            };
            if actor.is_none() || (!places.is_empty() && located()) {
                s.places.extend_from_slice(&places);
            }
            let def = actor.map(|i| &lex.actors[i]);
            let kind = def.and_then(|d| d.kind.as_deref());
            if kind == Some("monitor") {
                // A casualty monitor or news agency ("Syrian Observatory for
                // Human Rights") only ever reports: its name is matched so
                // that the demonym inside it reads as no party.
            } else if let Some(def) = def.filter(|_| kind == Some("host")) {
                hosts.push((h.start, h.end, def.sector.as_str()));
            } else if let Some(i) = place_actor {
                s.actors.push(ActorRef {
                    start: h.start,
                    end: h.end,
                    actor: i,
                    sector: None,
                    modifier: false,
                    place: true,
                    unnamed: false,
                });
            } else if let Some(i) = actor.or(former) {
                // "Moscow-backed", "Turkish-led": the actor qualifies a noun.
                // Caught whether the lexicon lists the compound or not.
                let after = &text[h.end..span.1];
                let (os, oe) = h.orig(folded);
                let written = &folded.original[os..oe];
                // ('-' is ASCII: a byte search, ≈ 150 instructions less
                // than `rsplit_once`'s `char` searcher on a short name.)
                let orig_tail = written
                    .bytes()
                    .rposition(|b| b == b'-')
                    .map(|i| &written[i + 1..]);
                // "anti-Assad rebels", "pro-Russian separatists" too.
                let prefixed = s
                    .cues
                    .iter()
                    .any(|c| c.2 == Cue::CompoundPrefix && c.1 == h.start);
                // ("a British-flagged tanker": the owner stays a party.)
                let owner = after.starts_with('-')
                    && hits.iter().any(|x| {
                        x.start == h.end + 1
                            && x.meanings
                                .iter()
                                .any(|m| matches!(m, Meaning::Cue(Cue::OwnerCompound)))
                    });
                let modifier = prefixed
                    || (after.starts_with('-')
                        && !owner
                        && after[1..].chars().next().is_some_and(char::is_alphabetic))
                    || orig_tail.is_some_and(|t| {
                        !t.contains(' ') && t.chars().next().is_some_and(char::is_lowercase)
                    });
                // A former office-holder still speaks for his country, as
                // one of its elite (CAMEO's ELI), not as its government;
                // a title written with the name ("President X") says the
                // text was written in office, and sets the sector back.
                let sector = (actor.is_none()).then(|| ELITE.to_string());
                s.actors.push(ActorRef {
                    start: h.start,
                    end: h.end,
                    actor: i,
                    sector,
                    modifier,
                    place: false,
                    unnamed: false,
                });
            }
        }
        s.triggers.dedup_by_key(|t| (t.0, t.2));
        // "failed to sign", "is unlikely to sign": a trigger that opens with
        // the last word of a negation or modal cue ("to sign") starts after
        // that cue, so the cue stands before the act it bears on.
        for t in &mut s.triggers {
            let shared = s.cues.iter().find(|c| {
                matches!(c.2, Cue::Negation | Cue::Modality | Cue::Commitment)
                    && c.0 < t.0
                    && c.1 > t.0
                    && c.1 < t.1
            });
            if let Some(c) = shared {
                let rest = &text[c.1..t.1];
                t.0 = t.1 - rest.trim_start().len();
            }
        }
        // "a rappelé dimanche son ambassadeur en Algérie", "retiró el lunes
        // a su embajador en Caracas": when only a date stands between a verb
        // and the object it needs, and a place or target marker follows the
        // object, the act ends with its object, as it would without the
        // date. (Not past any other word: "defended Iraq on Friday against
        // criticism", "فرقت الشرطة يوم الثلاثاء المحتجين" name a party first;
        // nor before an owner: "a reçu mardi une délégation du Hamas".)
        let (dates, cues) = (&s.dates, &s.cues);
        for t in s.triggers.iter_mut() {
            let objects = &lex.triggers[t.2].objects;
            if let Some((os, oe)) = object_at(text, span, (t.0, t.1), objects) {
                let next =
                    oe + (text[oe..span.1].len() - text[oe..span.1].trim_ascii_start().len());
                if os >= t.1
                    && dates.starts().any(|d| t.1 <= d && d < os)
                    && super::roles::gap_past_dates(dates, text, t.1, os, articles) == 0
                    && cues
                        .iter()
                        .any(|c| c.0 == next && matches!(c.2, Cue::Location | Cue::TargetMarker))
                {
                    t.1 = oe;
                }
            }
        }
        // "Korea Utara", "Soudan du Sud", "Kuzey Kore": a direction word
        // inside a name is part of it, no location marker that would make
        // the name a setting.
        let inside = |c: &(usize, usize, Cue)| {
            c.2 == Cue::Location
                && (s
                    .actors
                    .iter()
                    .any(|a| a.start <= c.0 && c.1 <= a.end && (a.start, a.end) != (c.0, c.1))
                    || s.places
                        .iter()
                        .any(|p| p.0 <= c.0 && c.1 <= p.1 && (p.0, p.1) != (c.0, c.1)))
        };
        if s.cues.iter().any(inside) {
            let cues = std::mem::take(&mut s.cues);
            s.cues = cues.into_iter().filter(|c| !inside(c)).collect();
        }
        // "Lima warga sipil tewas", "lima tentara": a name that is also a
        // number word, right before a noun that counts people (a victims
        // word or a sector word), is a count (Lima is five in Indonesian):
        // no place and no party, and it sets no sentence in its state.
        let counts: Vec<(usize, usize)> = words
            .iter()
            .filter(|w| {
                let people = |start: usize| start >= w.1 && gap(text, w.1, start) == 0;
                (s.places.iter().any(|p| (p.0, p.1) == (w.0, w.1))
                    || s.actors.iter().any(|a| (a.start, a.end) == (w.0, w.1)))
                    && (s.cues.iter().any(|c| c.2 == Cue::Victims && people(c.0))
                        || sectors.iter().any(|x| people(x.0)))
            })
            .map(|w| (w.0, w.1))
            .collect();
        if !counts.is_empty() {
            s.places.retain(|p| !counts.contains(&(p.0, p.1)));
            s.actors.retain(|a| !counts.contains(&(a.start, a.end)));
        }
        // "au moins 15 civils", "en al menos": a word inside a count's
        // approximator ("au" as "to"/"in") marks no role or place.
        if s.cues.iter().any(|c| c.2 == Cue::Approx) {
            let approx: Vec<(usize, usize)> = s
                .cues
                .iter()
                .filter(|c| c.2 == Cue::Approx)
                .map(|c| (c.0, c.1))
                .collect();
            s.cues.retain(|c| {
                c.2 == Cue::Approx
                    || !approx
                        .iter()
                        .any(|a| a.0 <= c.0 && a.1 >= c.1 && (a.0, a.1) != (c.0, c.1))
            });
        }
        // "the militants", "rebel leaders in eastern Ukraine": rebels named
        // without their state are the armed opposition of the state the
        // sentence itself is set in (not the article's: that may be the
        // foreign side).
        s.mark_settings(text, suffixes);
        let set_in = s
            .places
            .iter()
            .find_map(|p| place_states.get(p.2).copied().flatten())
            .or_else(|| {
                s.actors
                    .iter()
                    .find(|a| s.named_as_where(lex, text, a))
                    .map(|a| a.actor)
            });
        s.set_in = set_in;
        // Right after a state ("Syrian government forces") the words give
        // its sector; alone, they stand for the forces of the state the
        // sentence is set in, else the article's.
        if !hosts.is_empty() {
            let here = set_in.or(host);
            for (start, end, sector) in hosts {
                // ("Polis İstanbul'da": a place with a setting ending
                // says where the forces acted, not whose they are.)
                let qualifies = s.actors.iter().any(|a| {
                    (a.end <= start && next_to(text, a.end, start, 0))
                        || (a.start >= end
                            && next_to(text, end, a.start, 0)
                            && !s.set_off.contains(&(a.start, a.end)))
                });
                if qualifies {
                    sectors.push((start, end, sector));
                } else if let Some(state) = here {
                    insert_unnamed(&mut s.actors, (start, end), state, sector);
                }
            }
            sectors.sort_by_key(|x| x.0);
        }
        let appositions = s.appositions;
        let after_mention: Vec<usize> = if appositions {
            Vec::new()
        } else {
            sectors
                .iter()
                .filter(|x| {
                    s.actors
                        .iter()
                        .any(|a| a.end <= x.0 && next_to(text, a.end, x.0, 0))
                })
                .map(|x| x.0)
                .collect()
        };
        for a in &mut s.actors {
            // "Turkish government troops" but not "the Kremlin said rebel
            // leaders": the word between may not be a verb or marker.
            let cues = &s.cues;
            let triggers = &s.triggers;
            // ("İsrail'i sivilleri hedef almakla suçladı": a name with a
            // case ending after its apostrophe is an object of its own,
            // no qualifier of the noun after it.)
            let case_marked = case_ending(text, a.start, a.end, objects);
            // ("Aljazair mendukung teroris": a word of the act's own phrase
            // is its object, no qualifier.)
            let in_act = |st: usize, en: usize| {
                counted_people
                    && triggers
                        .iter()
                        .any(|t| t.0 >= a.end && t.0 <= st && t.1 >= en)
            };
            let after = sectors.iter().find(|(st, en, _)| {
                *st >= a.end
                    && !case_marked
                    && !in_act(*st, *en)
                    // ("الشرطة عشرات", "menangkap puluhan aktivis": a crowd
                    // word counts the people after it, it qualifies no one
                    // before it.)
                    && !words.iter().any(|w| w.0 < *en && *st < w.1)
                    && !has_comma(&text[a.end..*st])
                    && match gap(text, a.end, *st) {
                        0 => true,
                        1 => {
                            !cues.iter().any(|c| c.0 >= a.end && c.1 <= *st)
                                && !triggers.iter().any(|t| t.0 >= a.end && t.1 <= *st)
                                // "الشرطة العراقية خمسة عناصر": a count
                                // starts the object, not a qualifier.
                                && !text[a.end..*st].trim().bytes().all(|b| b.is_ascii_digit())
                                && !words.iter().any(|w| w.0 >= a.end && w.1 <= *st)
                        }
                        _ => false,
                    }
            });
            // (Verb-final: "PKK'lı teröristler Hakkari'de": a word right
            // after one mention is its own, not the next one's.)
            let before = sectors.iter().rev().find(|(st, en, _)| {
                *en <= a.start
                    && next_to(text, *en, a.start, 0)
                    && (appositions || !after_mention.contains(st))
            });
            a.sector = after
                .or(before)
                .map(|x| x.2.to_string())
                .or(a.sector.take());
        }
        // Rebels named without their state or a setting of the sentence
        // are the article's country's, else those of the one state the
        // sentence names ("Pakistani forces killed six militants").
        // "geng bersenjata di Haiti", "les gangs en Haïti", "rebels in
        // Sudan" right before the verb: the state a location marker puts
        // right after a REB word is whose rebels they are, even where the
        // verb that follows keeps the state from setting the sentence.
        let rebels_in: Vec<(usize, usize)> = sectors
            .iter()
            .filter(|x| x.2 == "REB")
            .filter_map(|x| {
                s.actors
                    .iter()
                    .find(|a| {
                        a.start >= x.1
                            && !a.place
                            && lex.actors[a.actor].kind.as_deref() == Some("state")
                            && !has_comma(&text[x.1..a.start])
                            // (Every word between a location marker: "in
                            // eastern Ukraine".)
                            && matches!(gap(text, x.1, a.start), 1 | 2)
                            && s.cues_in(Cue::Location, x.1, a.start).count()
                                == gap(text, x.1, a.start)
                    })
                    .map(|a| (x.0, a.actor))
            })
            .collect();
        let unnamed_home = match sectors.is_empty() {
            true => None,
            false => set_in
                .or(host)
                .or_else(|| s.sole_state(lex, text))
                .or_else(|| rebels_in.first().map(|r| r.1)),
        };
        if let Some(state) = unnamed_home {
            // Asked only for a civilians word that qualifies no actor.
            let foreign_assault = |actors: &[ActorRef]| {
                s.triggers
                    .iter()
                    .any(|t| lex.triggers[t.2].event_type == EventType::Assault)
                    && actors
                        .iter()
                        .any(|a| !a.place && lex.actors[a.actor].code != lex.actors[state].code)
            };
            // ("30 civilians died in an attack by jihadists": the dead
            // named before their verb were struck too.)
            let struck = |at: usize, end: usize| {
                s.triggers.iter().any(|t| {
                    lex.triggers[t.2].event_type == EventType::Assault
                        && ((t.1 <= at
                            && (gap(text, t.1, at) <= 2
                                // ("mataron el martes a doce civiles")
                                || (counted_people
                                    && super::roles::gap_past_dates(&s.dates, text, t.1, at, articles)
                                        <= 2)))
                            // (Verb-final: "30 öğrenciyi kaçırdı".)
                            || (!s.appositions && t.0 >= end && gap(text, end, t.0) == 0))
                }) || s.cues.iter().any(|c| {
                    c.2 == Cue::Killed
                        && ((c.1 <= at && gap(text, c.1, at) <= 2)
                            || (c.0 >= end
                                && gap(text, end, c.0) <= 2
                                // (Not the civilians among soldiers: "7
                                // soldiers and 1 civilian were killed".)
                                && !s.cues.iter().any(|v| {
                                    v.2 == Cue::Victims && v.1 <= at && gap(text, v.1, at) <= 4
                                })))
                })
            };
            // "В Буркина-Фасо джихадисты убили": a state named as where
            // qualifies no word after it (its sector still: "killed in
            // Syrian government airstrikes").
            let located = |s: &Sentence, a: &ActorRef| {
                s.cues_in(Cue::Location, s.span.0, a.start)
                    .any(|c| gap(text, c.1, a.start) == 0)
                    // ("Nijerya'da silahlı kişiler", "Burkina Faso'nun
                    // kuzeyinde cihatçılar": a Turkish setting ending.)
                    || (!s.appositions && setting_end(text, a.start, a.end, suffixes))
            };
            // The state whose rebels the sentence names without it.
            let mut rebels_of: Option<usize> = None;
            for &(start, end, sector) in &sectors {
                // ("silahlı kişiler 30 öğrenciyi": a count starts another
                // party, the victims.)
                let counted = |from: usize| {
                    text[from..start]
                        .split_whitespace()
                        .any(|w| w.bytes().all(|b| b.is_ascii_digit()))
                        || words.iter().any(|w| w.0 >= from && w.1 <= start)
                };
                // ("Russia said rebels …": not across a verb.)
                let verb_between = |from: usize| {
                    s.triggers.iter().any(|t| t.0 >= from && t.1 <= start)
                        || s.cues_in(Cue::Reporting, from, start).next().is_some()
                };
                // ("opposé l'armée aux jihadistes", "the army and rebels":
                // a marker or conjunction between starts another party.)
                let marked = |from: usize| {
                    s.cues.iter().any(|c| {
                        matches!(c.2, Cue::TargetMarker | Cue::AgentMarker | Cue::Conjunction)
                            && c.0 >= from
                            && c.1 <= start
                    })
                };
                let apart = |from: usize| verb_between(from) || marked(from);
                let qualifies = s.actors.iter().any(|a| {
                    (a.end <= start
                        && next_to(text, a.end, start, 1)
                        && !located(&s, a)
                        && !apart(a.end)
                        && !(sector == "CVL" && counted(a.end)))
                        || (a.start >= end && next_to(text, end, a.start, 0))
                        || (a.start <= start && a.end >= end)
                });
                if sector == "REB" && !qualifies {
                    // "… against Islamic State, the militant group that …":
                    // an armed group named before is the one meant.
                    let named = s.actors.iter().rev().find(|a| {
                        a.end <= start && !a.place && lex.actors[a.actor].sector == "REB"
                    });
                    let home = rebels_in
                        .iter()
                        .find(|r| r.0 == start)
                        .map_or(state, |r| r.1);
                    let actor = named.map_or(home, |a| a.actor);
                    rebels_of = rebels_of.or((actor == home).then_some(home));
                    insert_unnamed(&mut s.actors, (start, end), actor, sector);
                } else if let Some(home) =
                    rebels_of.filter(|_| matches!(sector, "MIL" | "COP") && !qualifies)
                {
                    // "In Burkina Faso, jihadists killed 12 soldiers": the
                    // soldiers the country's rebels strike are its own.
                    insert_unnamed(&mut s.actors, (start, end), home, sector);
                } else if sector == "CVL"
                    && set_in.is_some()
                    && !qualifies
                    // ("cientos de soldados": a crowd word counts the next.)
                    && !sectors.iter().any(|x| x.0 >= end && gap(text, end, x.0) == 0)
                    && (struck(start, end) || foreign_assault(&s.actors))
                {
                    // "Israeli troops killed 12 civilians in Gaza": the
                    // people a foreign force strikes in a place are that
                    // state's civilians (SPEC `<ISO>CIV`); so are those an
                    // act kills right before them ("an airstrike …, killing
                    // 17 civilians"). Else ("7 soldiers and 1 civilian
                    // staff were killed") whose people they are is left to
                    // the article.
                    insert_unnamed(&mut s.actors, (start, end), state, sector);
                } else if matches!(sector, "CVL" | "MED")
                    && !qualifies
                    && s.triggers.iter().any(|t| {
                        matches!(
                            (lex.triggers[t.2].event_type, lex.triggers[t.2].mode.as_deref()),
                            (EventType::Coerce, Some("arrest")) | (EventType::Retreat, Some("release"))
                        )
                            && ((t.1 <= start
                                // ("liberó el martes a decenas de presos": a
                                // date between, no party.)
                                && (gap(text, t.1, start) <= 2
                                    || (gap(text, t.1, start) <= 4
                                        && !s.actors.iter().any(|a| a.start >= t.1 && a.end <= start)))
                                && !has_comma(&text[t.1..start]))
                                // (Verb-final: "20 öğrenciyi gözaltına aldı".)
                                || (!s.appositions && t.0 >= end && gap(text, end, t.0) == 0))
                    })
                {
                    // "la junte a arrêté trois journalistes", "polisi
                    // menangkap 20 mahasiswa": the people a state's forces
                    // arrest or detain, named by their trade alone, are
                    // that state's.
                    insert_unnamed(&mut s.actors, (start, end), state, sector);
                }
            }
        }
        // "A court in Guyana issued warrants", "ordered the opposition
        // newspaper to close": a country's courts, parliament and
        // opposition parties named without it are those of the state the
        // sentence is set in, else of the one state it names.
        let domestic = sectors.iter().any(|x| DOMESTIC.contains(&x.2));
        if let Some(state) = set_in
            .filter(|_| domestic)
            .or_else(|| domestic.then(|| s.sole_state(lex, text)).flatten())
        {
            for &(start, end, sector) in &sectors {
                if !DOMESTIC.contains(&sector) {
                    continue;
                }
                let qualifies = s.actors.iter().any(|a| {
                    (a.end <= start && next_to(text, a.end, start, 0))
                        || (a.start >= end && next_to(text, end, a.start, 0))
                        || (a.start <= end && a.end >= start)
                });
                if !qualifies {
                    insert_unnamed(&mut s.actors, (start, end), state, sector);
                }
            }
        }
        // "'anti-terrorist' operations", "anti-rebel raids": a party a
        // prefix turns into an adjective is no party, named or not.
        for a in s.actors.iter_mut().filter(|a| a.unnamed && !a.modifier) {
            a.modifier = s
                .cues
                .iter()
                .any(|c| c.2 == Cue::CompoundPrefix && c.1 == a.start);
        }
        // "Russian President Vladimir Putin": adjacent mentions of one actor
        // code are one mention (a title between them is allowed).
        // (Merged in place: `dedup_by` hands the kept mention as `prev`.)
        // (A title of several words is one: "Rusya Devlet Başkanı Putin".)
        let title_between = |from: usize, to: usize| {
            sectors.iter().any(|x| {
                x.0 >= from && x.1 <= to && gap(text, from, x.0) == 0 && gap(text, x.1, to) == 0
            })
        };
        let triggers = &s.triggers;
        let cues = &s.cues;
        s.actors.dedup_by(|a, prev| {
            let same = lex.actors[prev.actor].code == lex.actors[a.actor].code;
            // ("Cumhurbaşkanı Erdoğan, Ankara'da": past a comma, a
            // person and the place he is in are two mentions.)
            // (Nor across a verb: "Ethiopia accused the opposition".)
            // (Nor an actor and a place after it: in "Kolombiya ordusu
            // Arauca'da" the place's ending says where, not who.)
            let merge = same
                && (prev.place || !a.place)
                && !prev.modifier
                && !a.modifier
                && !has_comma(&text[prev.end..a.start])
                && (gap(text, prev.end, a.start) <= 1 || title_between(prev.end, a.start))
                && !triggers.iter().any(|t| t.0 >= prev.end && t.1 <= a.start)
                // (Nor across a subordinator: "warned Ankara after Turkey
                // shot …"; nor a reporting verb: "Akar said Turkish
                // forces …"; nor a marker: "l'armée malienne aux
                // jihadistes".)
                && !cues.iter().any(|c| {
                    matches!(
                        c.2,
                        Cue::Subordinator | Cue::Reporting | Cue::TargetMarker | Cue::AgentMarker
                    )
                        && c.0 >= prev.end
                        && c.1 <= a.start
                })
                // ("Kenya polisi Nairobi'de": a capital with a setting
                // ending says where the party named before it acted.)
                && !setting_at(text, a.start, a.end, suffixes)
                // (Nor one after such a place: in "Dakar'da göstericileri"
                // the place says where, the people are another party.)
                && !setting_at(text, prev.start, prev.end, suffixes)
                // (Nor across a count: "silahlı kişiler 30 öğrenciyi".)
                && !text[prev.end..a.start]
                    .split_whitespace()
                    .any(|w| w.bytes().all(|b| b.is_ascii_digit()))
                && !words.iter().any(|w| w.0 >= prev.end && w.1 <= a.start)
                // (Nor a crowd a count word begins: "الشرطة عشرات المتظاهرين".)
                && !words.iter().any(|w| w.0 == a.start);
            if merge {
                // ("Russian President Vladimir Putin" is Putin: "he" may
                // stand for him later.)
                if lex.actors[a.actor].kind.as_deref() == Some("person")
                    && lex.actors[prev.actor].kind.as_deref() == Some("state")
                {
                    prev.actor = a.actor;
                }
                prev.end = a.end;
                prev.sector = prev.sector.take().or(a.sector.take());
                prev.place &= a.place;
                prev.unnamed |= a.unnamed;
            }
            merge
        });
        s.numbers = digit_numbers(text, span.0, span.1);
        // Consecutive number words make one number ("tiga puluh tiga"); a
        // word with two readings counts once.
        words.dedup_by_key(|w| w.0);
        let mut i = 0;
        while i < words.len() {
            let (start, mut end, v) = words[i];
            let mut w = WordNumber::new();
            w.push(v);
            let mut j = i + 1;
            while j < words.len()
                && words[j].0 >= end
                && (gap(text, end, words[j].0) == 0 || text[end..words[j].0].trim() == "-")
            {
                w.push(words[j].2);
                end = words[j].1;
                j += 1;
            }
            s.numbers.push(Number {
                start,
                end,
                value: w.value(),
                digits: false,
            });
            i = j;
        }
        s.numbers.sort_by_key(|n| n.start);
        // "near Tower 22 on May 4": a number in a name counts nothing.
        let named = |n: &Number| {
            s.actors
                .iter()
                .any(|a| a.start <= n.start && n.end <= a.end)
                || s.places.iter().any(|p| p.0 <= n.start && n.end <= p.1)
        };
        if s.numbers.iter().any(named) {
            let numbers = std::mem::take(&mut s.numbers);
            s.numbers = numbers.into_iter().filter(|n| !named(n)).collect();
        }
        s.mark_settings(text, suffixes);
        s.cue_index = CueIndex::new(&s.cues);
        if counted_people {
            super::roles::counted_people(lex, text, &mut s, objects);
        }
        s.eligible = super::roles::eligible(&s, text, articles);
        s
    }

    /// Notes which actor mentions carry one of the language's setting
    /// endings (none where the grammar lists none).
    fn mark_settings(&mut self, text: &str, suffixes: &[String]) {
        self.set_off.clear();
        if suffixes.is_empty() {
            return;
        }
        self.set_off.extend(
            self.actors
                .iter()
                .filter(|a| setting_at(text, a.start, a.end, suffixes))
                .map(|a| (a.start, a.end)),
        );
    }

    /// Where the first subordinate clause starts ("in response to",
    /// "after"): what follows is background to the main clause.
    pub fn subordinator(&self) -> Option<usize> {
        self.cues
            .iter()
            .find(|c| c.2 == Cue::Subordinator)
            .map(|c| c.0)
    }

    /// Where a subordinate clause starts that has date words of its own,
    /// after a main clause with its own ("… on Sunday, after air strikes on
    /// Thursday killed …"): such a clause tells an act of its own day.
    pub fn dated_apart(&self) -> Option<usize> {
        let sub = self.subordinator()?;
        (self.dates.starts().any(|p| p > sub) && self.dates.starts().any(|p| p < sub))
            .then_some(sub)
    }

    /// "in southern Somalia", "an operation in Syria": a state named as
    /// where the sentence is set (a location marker, and at most one word,
    /// before it), not as a party.
    pub fn named_as_where(&self, lex: &Lexicon, text: &str, a: &ActorRef) -> bool {
        lex.actors[a.actor].kind.as_deref() == Some("state")
            && (self
                .cues_in(Cue::Location, self.span.0, a.start)
                .any(|c| gap(text, c.1, a.start) <= 1)
                || (!self.appositions && self.set_off.contains(&(a.start, a.end))))
            // "killed in Syrian shelling": whose act, not where.
            && !self
                .triggers
                .iter()
                .any(|t| t.0 >= a.end && gap(text, a.end, t.0) == 0)
            && !self.cues.iter().any(|c| {
                c.2 == Cue::Boundary
                    && ((c.0 >= a.end && gap(text, a.end, c.0) == 0)
                        || (c.1 <= a.start && gap(text, c.1, a.start) <= 1))
            })
    }

    /// The one state the sentence names as a party (not as a border: "near
    /// the Afghan border"), if it names just one.
    fn sole_state(&self, lex: &Lexicon, text: &str) -> Option<usize> {
        let mut states = self.actors.iter().filter(|a| {
            !a.place
                && lex.actors[a.actor].kind.as_deref() == Some("state")
                // (Either side: "the Malian border", "la frontière malienne".)
                && !self.cues.iter().any(|c| {
                    c.2 == Cue::Boundary
                        && ((c.0 >= a.end && gap(text, a.end, c.0) == 0)
                            || (c.1 <= a.start && gap(text, c.1, a.start) == 0))
                })
        });
        let first = states.next()?;
        let code = &lex.actors[first.actor].code;
        states
            .all(|a| &lex.actors[a.actor].code == code)
            .then_some(first.actor)
    }

    /// A conjunction stands right before `pos`, or one word before with no
    /// actor between: what starts there is joined to what went before
    /// ("condemned the attack and urged …", "withdrew its ambassador and
    /// began pulling out its troops").
    pub fn joined_at(&self, text: &str, pos: usize) -> bool {
        // ("…, but was still refusing", "and has since rejected": an
        // auxiliary right after the conjunction opens the same verb phrase,
        // an adverb at most besides it.)
        let auxiliary = |c: &(usize, usize, Cue)| {
            gap(text, c.1, pos) <= 2
                && self.cues.iter().any(|a| {
                    matches!(a.2, Cue::PassiveAux | Cue::Modality | Cue::Negation)
                        && a.0 >= c.1
                        && gap(text, c.1, a.0) == 0
                        && a.1 <= pos
                })
        };
        self.cues_in(Cue::Conjunction, self.span.0, pos).any(|c| {
            gap(text, c.1, pos) == 0
                || ((gap(text, c.1, pos) == 1 || auxiliary(c))
                    && !self.actors.iter().any(|a| a.start >= c.1 && a.end <= pos))
        })
    }

    /// Cues of kind `cue` in `start..end`, in text order.
    ///
    /// Role assignment asks this per actor and per marker; the kind's own
    /// cues are read from the index (before it is built, all of them).
    pub fn cues_in(
        &self,
        cue: Cue,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = &(usize, usize, Cue)> {
        self.cue_index
            .group(cue)
            .unwrap_or(&self.cues)
            .iter()
            .filter(move |c| c.2 == cue && c.0 >= start && c.1 <= end)
    }
}

/// A sentence's cues grouped by kind, each group in text order, so that
/// [`Sentence::cues_in`] reads only its kind's cues: it was a filter over
/// all of them, asked per actor and per marker.
#[derive(Debug)]
pub(super) struct CueIndex {
    /// The cues, by kind (a counting sort, so each kind keeps its order).
    by_kind: Vec<(usize, usize, Cue)>,
    /// Kind `k`'s cues are `by_kind[first[k]..first[k + 1]]`. Built for at
    /// most 255 cues (a sentence has a few dozen at most); unbuilt,
    /// `cues_in` reads them all.
    first: [u8; CUE_KINDS + 1],
    built: bool,
}

impl Default for CueIndex {
    fn default() -> CueIndex {
        CueIndex {
            by_kind: Vec::new(),
            first: [0; CUE_KINDS + 1],
            built: false,
        }
    }
}

impl CueIndex {
    fn new(cues: &[(usize, usize, Cue)]) -> CueIndex {
        let mut index = CueIndex::default();
        if cues.len() > usize::from(u8::MAX) {
            return index;
        }
        let first = &mut index.first;
        for c in cues {
            first[c.2 as usize + 1] += 1;
        }
        for k in 1..=CUE_KINDS {
            first[k] += first[k - 1];
        }
        let mut next = *first;
        index.by_kind = vec![(0, 0, Cue::Negation); cues.len()];
        for c in cues {
            let at = &mut next[c.2 as usize];
            index.by_kind[usize::from(*at)] = *c;
            *at += 1;
        }
        index.built = true;
        index
    }

    /// The cues of kind `cue`, once built.
    #[inline]
    fn group(&self, cue: Cue) -> Option<&[(usize, usize, Cue)]> {
        let k = cue as usize;
        self.built
            .then(|| &self.by_kind[usize::from(self.first[k])..usize::from(self.first[k + 1])])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word count as first written: a byte-at-a-time state machine.
    fn gap_by_bytes(text: &str, a_end: usize, b_start: usize) -> usize {
        if b_start < a_end {
            return usize::MAX;
        }
        let mut words = 0;
        let mut in_word = false;
        for &b in &text.as_bytes()[a_end..b_start] {
            let space = b.is_ascii_whitespace();
            if !space && !in_word {
                words += 1;
            }
            in_word = !space;
        }
        words
    }

    #[test]
    fn clause_break_as_the_byte_loop_finds_it() {
        // The first version: a `match` on every byte.
        let by_bytes = |text: &str, a: usize, b: usize, colon: bool| {
            let bytes = text.as_bytes();
            (a..b.min(bytes.len())).any(|i| match bytes[i] {
                b';' => true,
                b':' => colon,
                b',' => {
                    let digit = |j: Option<usize>| {
                        j.and_then(|j| bytes.get(j)).is_some_and(u8::is_ascii_digit)
                    };
                    !(digit(i.checked_sub(1)) && digit(Some(i + 1)))
                }
                _ => false,
            })
        };
        let text = ",25,000 tons; said: a, b 1,2, ,3 4, 5:6,";
        for a in 0..=text.len() + 1 {
            for b in 0..=text.len() + 1 {
                for colon in [false, true] {
                    assert_eq!(
                        clause_break(text, a, b, colon),
                        by_bytes(text, a, b, colon),
                        "{a}..{b} {colon}"
                    );
                }
            }
        }
    }

    #[test]
    fn space_bits_test_every_byte_like_space() {
        for b in 0..=255u8 {
            for at in [0, 7, 8, 33, 63] {
                let mut chunk = [b'x'; 64];
                chunk[at] = b;
                let mut want = 0u64;
                for (j, &c) in chunk.iter().enumerate() {
                    want |= u64::from(space(c)) << j;
                }
                assert_eq!(space_bits(&chunk), want, "byte {b} at {at}");
            }
        }
        let text: Vec<u8> = (0..64u8).map(|i| i.wrapping_mul(37) % 40).collect();
        let chunk: [u8; 64] = text.try_into().unwrap();
        let want = (0..64).fold(0u64, |m, j| m | u64::from(space(chunk[j])) << j);
        assert_eq!(space_bits(&chunk), want);
    }

    #[test]
    fn cues_in_reads_the_index_as_the_filter_did() {
        let kinds = [Cue::Location, Cue::Negation, Cue::Location, Cue::Until];
        let cues: Vec<(usize, usize, Cue)> = (0..40)
            .map(|i| (i * 3, i * 3 + 2, kinds[(i * 7) % kinds.len()]))
            .collect();
        let mut s = Sentence {
            cues: cues.clone(),
            ..Default::default()
        };
        let filter = |cue: Cue, a: usize, b: usize| -> Vec<(usize, usize, Cue)> {
            cues.iter()
                .filter(|c| c.2 == cue && c.0 >= a && c.1 <= b)
                .copied()
                .collect()
        };
        for built in [false, true] {
            if built {
                s.cue_index = CueIndex::new(&s.cues);
            }
            for cue in [Cue::Location, Cue::Negation, Cue::Until, Cue::Killed] {
                for (a, b) in [(0, 200), (10, 50), (4, 5), (60, 30)] {
                    let got: Vec<_> = s.cues_in(cue, a, b).copied().collect();
                    assert_eq!(got, filter(cue, a, b), "{cue:?} {a}..{b} {built}");
                }
            }
        }
    }

    #[test]
    fn gap_counts_words_as_the_byte_loop_does() {
        for b in 0..=255u8 {
            assert_eq!(space(b), b.is_ascii_whitespace(), "byte {b}");
        }
        let text = " the  u.s. army\tsaid\n\x0b so-called \x0cx\r y ,  z ".repeat(12);
        let text = text.as_str();
        for a in (0..=text.len()).step_by(3) {
            for e in 0..=text.len() {
                assert_eq!(gap(text, a, e), gap_by_bytes(text, a, e), "{a}..{e}");
            }
        }
        // From the index, and again by bytes once its guard is gone.
        let words = WordIndex::install(text);
        let other = text.replace('u', "U");
        for a in 0..=text.len() {
            for e in 0..=text.len() {
                assert_eq!(gap(text, a, e), gap_by_bytes(text, a, e), "{a}..{e}");
            }
            assert_eq!(gap(&other, a, 100), gap_by_bytes(&other, a, 100));
        }
        drop(words);
        assert_eq!(gap(text, 0, text.len()), gap_by_bytes(text, 0, text.len()));
        // Texts at the small index's bound and past it (the vector's).
        for len in [
            SMALL_BYTES - 65,
            SMALL_BYTES - 1,
            SMALL_BYTES,
            SMALL_BYTES + 100,
        ] {
            let long = " the  u.s. army\tsaid\n so-called x ".repeat(len / 34 + 1);
            let long = &long[..len];
            let words = WordIndex::install(long);
            for a in (0..=len).step_by(97) {
                for e in (a..=len).step_by(89).chain([len]) {
                    assert_eq!(gap(long, a, e), gap_by_bytes(long, a, e), "{len}: {a}..{e}");
                }
            }
            drop(words);
        }
    }
}
