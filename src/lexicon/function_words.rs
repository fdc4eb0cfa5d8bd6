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
const MIN_WORDS: usize = 25;
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
                *self.words.entry(w).or_default() |= 1 << i;
            }
        }
    }

    /// The language `text` is clearly written in, if it is one of ours.
    pub fn guess(&self, text: &str) -> Option<&str> {
        if self.langs.is_empty() {
            return None;
        }
        let mut counts = vec![0usize; self.langs.len()];
        let mut total = 0;
        let mut word = String::new();
        for w in text_words(text).take(SAMPLE_WORDS) {
            total += 1;
            word.clear();
            // Most words are ASCII: lower-cased bytewise, the same result
            // as `char::to_lowercase` gives them, without a char loop.
            if w.is_ascii() {
                let passes = ascii_slot(w.as_bytes())
                    .is_none_or(|slot| self.ascii_filter[slot / 64] & (1 << (slot % 64)) != 0);
                if !passes {
                    continue;
                }
                word.push_str(w);
                word.make_ascii_lowercase();
            } else {
                word.extend(w.chars().flat_map(char::to_lowercase));
            }
            if let Some(&bits) = self.words.get(word.as_str()) {
                // Only the languages the word belongs to (one or two bits).
                let mut bits = bits;
                while bits != 0 {
                    counts[bits.trailing_zeros() as usize] += 1;
                    bits &= bits - 1;
                }
            }
        }
        if total < MIN_WORDS {
            return None;
        }
        let mut order: Vec<usize> = (0..counts.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(counts[i]));
        let best = counts[order[0]];
        let second = order.get(1).map_or(0, |&i| counts[i]);
        let clear = best as f64 >= MIN_SHARE * total as f64 && best >= MIN_LEAD * second.max(1);
        clear.then(|| self.langs[order[0]].as_str())
    }
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

/// The words of `text`: runs of alphanumeric characters and apostrophes,
/// as `text.split(|c: char| !c.is_alphanumeric() && c != '\'')` gives them
/// without its empty pieces, but stepping over ASCII bytes (most of a news
/// text) by a table instead of decoding every character.
fn text_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Whether the character at `i` belongs to a word, and its length.
    let class = move |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b.is_ascii() {
            return (ASCII_WORD[b as usize], 1);
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        (c.is_alphanumeric(), c.len_utf8())
    };
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (word, len) = class(i);
            if word {
                break;
            }
            i += len;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() {
            let (word, len) = class(i);
            if !word {
                break;
            }
            i += len;
        }
        Some(&text[start..i])
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
            assert_eq!(text_words(text).collect::<Vec<_>>(), by_char, "{text:?}");
        }
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
