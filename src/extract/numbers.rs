//! Numbers in a sentence: digits ("33", "2,500", "1.000") and number words
//! from the lexicon, composed ("tiga puluh tiga" → 33, "twenty three" → 23).

/// A number found in folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub value: u64,
    /// Written with digits (years and dates are digits; words are counts).
    pub digits: bool,
}

impl Number {
    /// A four-digit year such as 2020: a date, never a count.
    pub fn is_year(&self) -> bool {
        self.digits && (1900..=2100).contains(&self.value) && self.end - self.start == 4
    }
}

/// Digit runs in `text[start..end]`, with thousands separators.
pub fn digit_numbers(text: &str, start: usize, end: usize) -> Vec<Number> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        // Most of a sentence has no digit: stepped over 8 bytes at a time.
        while i + 8 <= end && !any_digit(&bytes[i..i + 8]) {
            i += 8;
        }
        if i >= end {
            break;
        }
        if !bytes[i].is_ascii_digit() || (i > 0 && is_wordish(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let s = i;
        let mut value: u64 = 0;
        let mut j = i;
        let mut groups_ok = true;
        while j < end {
            let b = bytes[j];
            if b.is_ascii_digit() {
                value = value.saturating_mul(10).saturating_add(u64::from(b - b'0'));
                j += 1;
            } else if b == b' ' && spaced_group(bytes, s, j, end) {
                // "1 200", "12 500 000" (a space, no-break or narrow no-break
                // space before folding): es, fr, ru and tr group thousands so.
                j += 1;
            } else if (b == b',' || b == b'.')
                && j + 3 < end
                && j + 4 <= bytes.len()
                && bytes[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                && (j + 4 >= bytes.len() || !bytes[j + 4].is_ascii_digit())
                && groups_ok
            {
                // "2,500" / "1.000": a thousands separator, not a decimal point.
                j += 1;
            } else {
                break;
            }
        }
        if j < bytes.len() && is_wordish(bytes[j]) {
            // "F-16", "S-400", "SU-24", "5th": part of a name or an ordinal.
            groups_ok = false;
        }
        let preceded_by_dash = s > 0 && bytes[s - 1] == b'-';
        if groups_ok && !preceded_by_dash {
            out.push(Number {
                start: s,
                end: j,
                value,
                digits: true,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// A space at `j` separates thousands of the number begun at `s`: three
/// digits follow it and end the group (no digit, letter or hyphen after
/// them: "5 100-year-old"), and what comes before it is a group of one to
/// three digits, or groups of three already joined by spaces.
fn spaced_group(bytes: &[u8], s: usize, j: usize, end: usize) -> bool {
    let three = j + 4 <= end && bytes[j + 1..j + 4].iter().all(u8::is_ascii_digit);
    let closed = j + 4 >= end
        || !(bytes[j + 4].is_ascii_digit() || is_wordish(bytes[j + 4]) || bytes[j + 4] == b'-');
    let head = &bytes[s..j];
    let first = head.iter().position(|&b| b == b' ').unwrap_or(head.len());
    let grouped = (1..=3).contains(&first)
        && head.iter().all(|&b| b.is_ascii_digit() || b == b' ')
        && head[first..]
            .split(|&b| b == b' ')
            .skip(1)
            .all(|g| g.len() == 3);
    three && closed && grouped
}

/// Whether one of 8 bytes is an ASCII digit, tested on them as one `u64`
/// (exact per byte: no carry crosses a byte). Every analysed sentence is
/// searched for digits; a byte at a time this was ≈ 7 instructions a byte.
#[inline]
fn any_digit(eight: &[u8]) -> bool {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let w = u64::from_le_bytes(eight.try_into().expect("8 bytes"));
    // A digit is 0x30..=0x39: after `^ 0x30` its high nibble is 0 and its
    // low nibble plus 6 stays under 0x10. `other`'s byte is 0 just there.
    let t = w ^ 0x3030_3030_3030_3030;
    let other = (t & 0xf0f0_f0f0_f0f0_f0f0)
        | (((t & 0x0f0f_0f0f_0f0f_0f0f) + 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010);
    // A zero byte of `other`.
    !(((other & LOW7) + LOW7) | other | LOW7) != 0
}

fn is_wordish(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

/// Composes consecutive number words into one value.
pub struct WordNumber {
    total: u64,
    current: u64,
}

impl WordNumber {
    pub fn new() -> Self {
        WordNumber {
            total: 0,
            current: 0,
        }
    }

    /// Adds the next word's value; multipliers scale what came before.
    pub fn push(&mut self, v: u64) {
        if v >= 1000 {
            self.total += self.current.max(1) * v;
            self.current = 0;
        } else if v == 100 || (v == 10 && (1..10).contains(&self.current)) {
            self.current = self.current.max(1) * v;
        } else {
            self.current += v;
        }
    }

    pub fn value(&self) -> u64 {
        self.total + self.current
    }
}

impl Default for WordNumber {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_digit_tests_every_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = [b'x'; 8];
                eight[at] = b;
                assert_eq!(any_digit(&eight), b.is_ascii_digit(), "byte {b} at {at}");
                let mut eight = [0x80u8; 8];
                eight[at] = b;
                assert_eq!(any_digit(&eight), b.is_ascii_digit(), "byte {b} at {at}");
            }
        }
    }

    #[test]
    fn digits_with_separators_but_not_model_names() {
        let t = "33 soldiers, 2,500 troops, 1.000 orang, f-16 jets, s-400 and 3.5 km";
        let v: Vec<u64> = digit_numbers(t, 0, t.len())
            .iter()
            .map(|n| n.value)
            .collect();
        assert_eq!(v, vec![33, 2500, 1000, 3, 5]);
    }

    #[test]
    fn a_space_groups_thousands_only_between_whole_groups() {
        let v = |t: &str| -> Vec<u64> {
            digit_numbers(t, 0, t.len())
                .iter()
                .map(|n| n.value)
                .collect()
        };
        assert_eq!(v("unas 1 200 personas"), vec![1200]);
        assert_eq!(v("12 500 000 habitants"), vec![12_500_000]);
        assert_eq!(v("en 2015 150 soldats"), vec![2015, 150]);
        assert_eq!(v("5 100-year-old houses"), vec![5, 100]);
        assert_eq!(v("7 2024"), vec![7, 2024]);
        assert_eq!(v("1 20 people"), vec![1, 20]);
    }

    #[test]
    fn a_separator_near_the_end_does_not_read_past_it() {
        // Found by tests/fuzz_props.rs: "0.a!" sliced past the text's end.
        for t in ["0.a!", "7,", "12.3", "4,56"] {
            let v: Vec<u64> = digit_numbers(t, 0, t.len())
                .iter()
                .map(|n| n.value)
                .collect();
            assert!(!v.is_empty(), "{t}");
        }
        let t = "1,234 x";
        assert_eq!(digit_numbers(t, 0, 5)[0].value, 1234);
    }

    #[test]
    fn word_numbers_compose() {
        let mut w = WordNumber::new();
        for v in [3, 10, 3] {
            w.push(v);
        }
        assert_eq!(w.value(), 33);
        let mut w = WordNumber::new();
        for v in [2, 100, 20, 3] {
            w.push(v);
        }
        assert_eq!(w.value(), 223);
        let mut w = WordNumber::new();
        w.push(10);
        assert_eq!(w.value(), 10);
    }
}
