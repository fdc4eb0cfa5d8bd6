//! The commonest short words of each lexicon language, for a fast first guess
//! at an article's language.
//!
//! Trigram models (whatlang) weigh every language they know and cost more than
//! all of extraction; but a news text in a lexicon language is full of its
//! function words ("the", "yang", "les", "ve", "что", "los"), so counting them
//! settles most articles at once. Only a clear verdict is taken; anything else
//! (few words, mixed, another language) goes to the trigram model.

use hashbrown::HashMap;

/// Words counted at most: a verdict never needs more.
const SAMPLE_WORDS: usize = 150;
/// Fewer words than this say too little.
const MIN_WORDS: usize = 8;
/// However short the text, the winner needs this many of its words: a
/// one-line wire alert ("… carried out an airstrike on a village in …")
/// names three or four, which trigram models cannot yet read reliably.
const MIN_HITS: usize = 3;
/// The winning language's words must be at least this share of all words...
const MIN_SHARE: f64 = 0.15;
/// ...and this many times the runner-up's.
const MIN_LEAD: usize = 3;

#[derive(Debug, Default)]
pub struct FunctionWords {
    langs: Vec<String>,
    /// Folded word → bit set of `langs` it belongs to. hashbrown's default
    /// hasher (foldhash), not SipHash: every article looks up 150 words and
    /// the keys are our own lexicon's, no one's attack surface.
    words: HashMap<String, u64>,
    /// The ASCII words of `words` of up to 8 bytes, packed (see
    /// [`pack_lower`]): most words of a text are looked up as one integer,
    /// without copying them into a `String` and hashing their bytes.
    short: HashMap<u64, u64>,
    /// Bit `ascii_slot(word)` is set for every ASCII word in `words`: most
    /// words of a text (by length and first letter) are ruled out without
    /// lower-casing or hashing them.
    ascii_filter: [u64; 8],
}

/// A 9-bit slot of an ASCII word by its length (up to 15) and lower-cased
/// first byte; `None` for a longer word, which no filter bit stands for.
#[inline]
fn ascii_slot(word: &[u8]) -> Option<usize> {
    let first = *word.first()?;
    (word.len() < 16).then(|| (word.len() << 5) | usize::from(first.to_ascii_lowercase() & 31))
}

impl FunctionWords {
    /// Adds a language's function words (a language beyond the 64th is ignored).
    pub fn add(&mut self, lang: &str, words: &[String]) {
        let i = match self.langs.iter().position(|l| l == lang) {
            Some(i) => i,
            None if self.langs.len() < 64 => {
                self.langs.push(lang.to_string());
                self.langs.len() - 1
            }
            None => return,
        };
        for w in words {
            let w = w.trim().to_lowercase();
            if !w.is_empty() {
                if w.is_ascii() {
                    match ascii_slot(w.as_bytes()) {
                        Some(slot) => self.ascii_filter[slot / 64] |= 1 << (slot % 64),
                        // A long word: every long word passes the filter.
                        None => self.ascii_filter = [u64::MAX; 8],
                    }
                }
                if let Some(key) = pack_lower(w.as_bytes()) {
                    *self.short.entry(key).or_default() |= 1 << i;
                }
                *self.words.entry(w).or_default() |= 1 << i;
            }
        }
    }

    /// Whether a folded word is one of any language's function words: a
    /// noun phrase ends before one ("accused the army of shelling").
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    /// The language `text` is clearly written in, if it is one of ours.
    pub fn guess(&self, text: &str) -> Option<&str> {
        let (counts, total) = self.counts(text)?;
        if total < MIN_WORDS {
            return None;
        }
        // The first language with the most words, and the most any other
        // has (as a stable sort by count, descending, ranks them).
        let (top, best) = counts
            .iter()
            .copied()
            .enumerate()
            .fold((0, 0), |b, (i, n)| if n > b.1 { (i, n) } else { b });
        let second = counts
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != top)
            .map(|(_, &n)| n)
            .max()
            .unwrap_or(0);
        let clear = best >= MIN_HITS
            && best as f64 >= MIN_SHARE * total as f64
            && best >= MIN_LEAD * second.max(1);
        clear.then(|| self.langs[top].as_str())
    }

    /// The lexicon language with the most function words in `text`, if one
    /// leads, however short the text: too weak to call it the article's
    /// language (its lexicon layers), enough to read its grammar with
    /// ("Ankara retaliated by neutralising 309 troops" has one "by").
    pub fn likeliest(&self, text: &str) -> Option<&str> {
        self.leading(text, 1, usize::MAX)
    }

    /// The lexicon language with at least `min` function words in `text`
    /// where every other has at most `others_max`.
    pub fn leading(&self, text: &str, min: usize, others_max: usize) -> Option<&str> {
        let (counts, _) = self.counts(text)?;
        let best = counts.iter().copied().max().filter(|&n| n >= min.max(1))?;
        let mut leaders = counts.iter().enumerate().filter(|&(_, &n)| n == best);
        let (top, _) = leaders.next()?;
        let rest = counts
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != top)
            .all(|(_, &n)| n < best && n <= others_max);
        rest.then(|| self.langs[top].as_str())
    }

    /// Whether `lang` has function words here (is a lexicon language).
    pub fn knows(&self, lang: &str) -> bool {
        self.langs.iter().any(|l| l == lang)
    }

    /// Per language, how many of `text`'s first words are its function
    /// words; and how many words were read.
    fn counts(&self, text: &str) -> Option<(smallvec::SmallVec<[usize; 16]>, usize)> {
        if self.langs.is_empty() {
            return None;
        }
        let mut counts: smallvec::SmallVec<[usize; 16]> = smallvec::smallvec![0; self.langs.len()];
        let mut total = 0;
        let mut word = String::new();
        for (w, ascii) in text_words(text).take(SAMPLE_WORDS) {
            total += 1;
            // Most words are ASCII: lower-cased bytewise, the same result
            // as `char::to_lowercase` gives them, without a char loop.
            let bits = if ascii {
                let passes = ascii_slot(w.as_bytes())
                    .is_none_or(|slot| self.ascii_filter[slot / 64] & (1 << (slot % 64)) != 0);
                if !passes {
                    continue;
                }
                match pack_ascii_lower(w.as_bytes()) {
                    Some(key) => self.short.get(&key),
                    None => {
                        word.clear();
                        word.push_str(w);
                        word.make_ascii_lowercase();
                        self.words.get(word.as_str())
                    }
                }
            } else {
                word.clear();
                word.extend(w.chars().flat_map(char::to_lowercase));
                self.words.get(word.as_str())
            };
            if let Some(&bits) = bits {
                // Only the languages the word belongs to (one or two bits).
                let mut bits = bits;
                while bits != 0 {
                    counts[bits.trailing_zeros() as usize] += 1;
                    bits &= bits - 1;
                }
            }
        }
        Some((counts, total))
    }
}

/// An ASCII word of 1 to 8 bytes, lower-cased, as a little-endian `u64`
/// (zero above the word: words hold no NUL, so no two collide); `None`
/// for longer, empty or non-ASCII words.
#[inline]
fn pack_lower(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 8 || !word.is_ascii() {
        return None;
    }
    let mut b = [0u8; 8];
    b[..word.len()].copy_from_slice(word);
    b.make_ascii_lowercase();
    Some(u64::from_le_bytes(b))
}

/// [`pack_lower`] of a word known to be ASCII, byte by byte into the
/// integer: the copy into a buffer was a `memcpy` call per word, and the
/// ASCII test a second pass over it (the text's words say whether they
/// are ASCII as they are cut).
#[inline]
fn pack_ascii_lower(word: &[u8]) -> Option<u64> {
    debug_assert!(word.is_ascii());
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    for (k, &b) in word.iter().enumerate() {
        key |= u64::from(b.to_ascii_lowercase()) << (8 * k);
    }
    Some(key)
}

/// ASCII bytes that belong to a word: letters, digits and the apostrophe.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize;
        b += 1;
    }
    t
};

/// Per byte value: an ASCII byte of a word (`WORD_BYTE`), or an ASCII
/// byte between words (`GAP_BYTE`); a non-ASCII byte is neither (its
/// character is decoded).
const WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = ASCII_WORD[b];
        b += 1;
    }
    t
};
const GAP_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = !ASCII_WORD[b];
        b += 1;
    }
    t
};

/// The words of `text`: runs of alphanumeric characters and apostrophes,
/// as `text.split(|c: char| !c.is_alphanumeric() && c != '\'')` gives them
/// without its empty pieces, but stepping over ASCII bytes (most of a news
/// text) in tight loops over a table, decoding only non-ASCII characters
/// (a closure deciding byte by byte cost ≈ 20 instructions a byte). Each
/// word comes with whether it is all ASCII (no character was decoded).
fn text_words(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The character at `i` (not ASCII): whether it is alphanumeric, its length.
    let decode = move |i: usize| -> (bool, usize) {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c.is_alphanumeric(), c.len_utf8())
    };
    std::iter::from_fn(move || {
        loop {
            while i < bytes.len() && GAP_BYTE[bytes[i] as usize] {
                i += 1;
            }
            if i >= bytes.len() {
                return None;
            }
            if WORD_BYTE[bytes[i] as usize] {
                break;
            }
            let (word, len) = decode(i);
            if word {
                break;
            }
            i += len;
        }
        let start = i;
        let mut ascii = true;
        loop {
            while i < bytes.len() && WORD_BYTE[bytes[i] as usize] {
                i += 1;
            }
            if i >= bytes.len() || bytes[i].is_ascii() {
                break;
            }
            let (word, len) = decode(i);
            if !word {
                break;
            }
            ascii = false;
            i += len;
        }
        Some((&text[start..i], ascii))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &str) -> Vec<String> {
        list.split_whitespace().map(String::from).collect()
    }

    fn sample() -> FunctionWords {
        let mut f = FunctionWords::default();
        f.add(
            "en",
            &words("the of and to in a is that on for with was said"),
        );
        f.add(
            "id",
            &words("yang dan di ke dari ini itu dengan untuk pada"),
        );
        f
    }

    #[test]
    fn ascii_words_pack_as_pack_lower_packs_them() {
        for w in [
            "",
            "a",
            "The",
            "SAID",
            "l'armee",
            "12345678",
            "abcdefghi",
            "x'Y'z",
        ] {
            assert_eq!(
                pack_ascii_lower(w.as_bytes()),
                pack_lower(w.as_bytes()),
                "{w:?}"
            );
        }
    }

    #[test]
    fn words_split_like_the_char_split() {
        for text in [
            "",
            "  ",
            "The minister's talks, in  the capital-city; l'armée «était» là.",
            "Menteri itu—mengatakan 3,000 orang ÄÖÜ straße İdlib ΣΑΣ 北京 x",
            "'quoted' end'",
        ] {
            let by_char: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .collect();
            let words: Vec<(&str, bool)> = text_words(text).collect();
            let by_char: Vec<(&str, bool)> = by_char.iter().map(|w| (*w, w.is_ascii())).collect();
            assert_eq!(words, by_char, "{text:?}");
        }
    }

    /// The guess as it was made before the packed lookup: every word
    /// lower-cased into a `String` and looked up by its bytes, languages
    /// ranked by a stable sort.
    fn reference_guess<'a>(f: &'a FunctionWords, text: &str) -> Option<&'a str> {
        let mut counts = vec![0usize; f.langs.len()];
        let mut total = 0;
        for (w, _) in text_words(text).take(SAMPLE_WORDS) {
            total += 1;
            let word: String = w.chars().flat_map(char::to_lowercase).collect();
            if let Some(&bits) = f.words.get(word.as_str()) {
                for (i, c) in counts.iter_mut().enumerate() {
                    *c += usize::from(bits & (1 << i) != 0);
                }
            }
        }
        if total < MIN_WORDS || f.langs.is_empty() {
            return None;
        }
        let mut order: Vec<usize> = (0..counts.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(counts[i]));
        let best = counts[order[0]];
        let second = order.get(1).map_or(0, |&i| counts[i]);
        let clear = best >= MIN_HITS
            && best as f64 >= MIN_SHARE * total as f64
            && best >= MIN_LEAD * second.max(1);
        clear.then(|| f.langs[order[0]].as_str())
    }

    #[test]
    fn packed_lookup_guesses_as_the_string_lookup_did() {
        let mut f = sample();
        f.add("xx", &words("THE Dengan pembicaraan-panjang délégation"));
        f.add("yy", &words("the of and to in a is that on for with was"));
        let filler = "The minister said that the talks WITH the delegation were held in the \
                      capital on Monday and that a statement on the outcome of the meeting";
        for text in [
            filler.to_string(),
            format!("{filler} yang dan di ke dari ini itu dengan untuk pada"),
            "Menteri itu mengatakan bahwa pembicaraan dengan delegasi yang datang dari ibu kota \
             dilakukan pada hari Senin dan pernyataan tentang hasil pertemuan itu akan \
             disampaikan dalam minggu ini, Dengan kedua pihak YANG akan bertemu lagi di bulan."
                .to_string(),
            format!("{filler} pembicaraan Délégation délégation ÉTÉ \u{212A}e"),
            "a ".repeat(40),
            "the ".repeat(30) + &"yang ".repeat(10),
        ] {
            assert_eq!(f.guess(&text), reference_guess(&f, &text), "{text}");
        }
        let empty = FunctionWords::default();
        assert_eq!(empty.guess(filler), None);
    }

    #[test]
    fn a_clear_text_is_guessed() {
        let f = sample();
        let en =
            "The minister said that the talks with the delegation were held in the capital on \
                  Monday and that a statement on the outcome of the meeting was to follow within \
                  the week, with the two sides to meet again in a month.";
        assert_eq!(f.guess(en), Some("en"));
        let id = "Menteri itu mengatakan bahwa pembicaraan dengan delegasi yang datang dari ibu kota \
                  dilakukan pada hari Senin dan pernyataan tentang hasil pertemuan itu akan \
                  disampaikan dalam minggu ini, dengan kedua pihak yang akan bertemu lagi di bulan depan.";
        assert_eq!(f.guess(id), Some("id"));
    }

    #[test]
    fn short_mixed_or_foreign_text_is_left_to_the_model() {
        let f = sample();
        assert_eq!(f.guess("The talks in the capital"), None);
        let de = "Der Minister sagte, dass die Gespräche mit der Delegation am Montag in der \
                  Hauptstadt stattfanden und dass eine Erklärung zum Ergebnis des Treffens noch \
                  in dieser Woche folgen solle, wobei sich beide Seiten in einem Monat wieder treffen.";
        assert_eq!(f.guess(de), None);
    }
}
