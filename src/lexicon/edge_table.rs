//! The token trie's edges whose token is at most 16 bytes, in open-addressed
//! tables keyed by plain integers.
//!
//! The scan looks up one edge for nearly every token of every text (≈ 1,400
//! an article). Through a `HashMap<EdgeKey, u32>` each lookup hashed the
//! token's bytes one write at a time and compared them with `memcmp`: about
//! 50 instructions. Most tokens are short words, so a token of up to 8
//! bytes is packed into a `u64` (one unaligned load and a mask) and looked
//! up with its node as a pair of integers; tokens of up to 16 bytes as
//! three integers ([`MidTable`]); longer ones still go to the byte-keyed
//! map.
//!
//! The tables are arrays of slots probed linearly from the top bits of one
//! multiplication (a hashbrown map of the same integer keys spent ≈ 40
//! instructions a lookup on its hasher and its control-byte groups, and
//! read two cache lines); at most half full, a lookup mostly reads one slot.

/// Longest token [`EdgeTable`] holds.
pub(super) const SHORT: usize = 8;

/// Longest token [`MidTable`] holds.
pub(super) const MID: usize = 16;

/// Nodes the tag has room for (26 bits; the separator and the token's
/// length take the other six).
pub(super) const MAX_NODES: usize = 1 << 26;

/// The tag of an empty slot: no edge's (a length of 31 bytes).
const EMPTY: u32 = u32::MAX;

/// Node, separator and token length in one integer.
#[inline(always)]
fn tag(node: u32, sep: u8, len: usize) -> u32 {
    debug_assert!((node as usize) < MAX_NODES && sep <= 1 && len <= MID);
    node | u32::from(sep) << 26 | (len as u32) << 27
}

/// Bytes `s..e` of `bytes` (at most [`SHORT`]) as a little-endian `u64`,
/// zero above the token.
#[inline]
pub(super) fn pack(bytes: &[u8], s: usize, e: usize) -> u64 {
    let len = e - s;
    debug_assert!(len <= SHORT);
    match bytes.get(s..s + 8) {
        Some(w) => {
            let w = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
            if len == 8 {
                w
            } else {
                w & ((1u64 << (8 * len)) - 1)
            }
        }
        None => {
            let mut b = [0u8; 8];
            b[..len].copy_from_slice(&bytes[s..e]);
            u64::from_le_bytes(b)
        }
    }
}

/// The home slot of a key (`shift`: 64 minus the table's bits).
#[inline(always)]
fn home(word: u64, tag: u32, shift: u32) -> usize {
    let x = (word ^ u64::from(tag).wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .wrapping_mul(0xD6E8_FEB8_6659_FD93);
    (x >> shift) as usize
}

/// Slots for `n` keys: a power of two at least twice `n`, and its `shift`.
fn capacity(n: usize) -> (usize, u32) {
    let cap = (2 * n).next_power_of_two().max(8);
    (cap, 64 - cap.trailing_zeros())
}

#[derive(Clone, Copy)]
struct Slot<V> {
    token: u64,
    tag: u32,
    value: V,
}

/// Edges by (packed token, tag). `V` is the next node (or, for the prefix
/// phrases' index, their range).
pub(super) struct EdgeTable<V = u32> {
    slots: Box<[Slot<V>]>,
    shift: u32,
}

impl<V: Copy + Default> EdgeTable<V> {
    /// The table of `edges` (node, separator, token, next node); tokens
    /// longer than [`SHORT`] are left out. Each key once (the trie's edges
    /// are distinct).
    pub(super) fn new<'a>(edges: impl Iterator<Item = (u32, u8, &'a [u8], V)>) -> Self {
        let keys: Vec<(u64, u32, V)> = edges
            .filter(|e| e.2.len() <= SHORT)
            .map(|(node, sep, token, next)| {
                (
                    pack(token, 0, token.len()),
                    tag(node, sep, token.len()),
                    next,
                )
            })
            .collect();
        let (cap, shift) = capacity(keys.len());
        let empty = Slot {
            token: 0,
            tag: EMPTY,
            value: V::default(),
        };
        let mut slots = vec![empty; cap].into_boxed_slice();
        for (token, tag, value) in keys {
            let mut i = home(token, tag, shift);
            while slots[i].tag != EMPTY {
                debug_assert!(!(slots[i].token == token && slots[i].tag == tag));
                i = (i + 1) & (cap - 1);
            }
            slots[i] = Slot { token, tag, value };
        }
        EdgeTable { slots, shift }
    }

    /// The node the edge from `node`, after `sep`, by the token packed in
    /// `token` (`len` bytes, at most [`SHORT`]) leads to.
    #[inline(always)]
    pub(super) fn get(&self, node: u32, sep: u8, token: u64, len: usize) -> Option<V> {
        let tag = tag(node, sep, len);
        let mask = self.slots.len() - 1;
        let mut i = home(token, tag, self.shift);
        loop {
            let s = &self.slots[i & mask];
            if s.token == token && s.tag == tag {
                return Some(s.value);
            }
            if s.tag == EMPTY {
                return None;
            }
            i += 1;
        }
    }

    pub(super) fn memory_usage(&self) -> usize {
        std::mem::size_of_val(&*self.slots)
    }
}

#[derive(Clone, Copy)]
struct MidSlot {
    head: u64,
    rest: u64,
    tag: u32,
    value: u32,
}

/// The edges whose token is 9 to [`MID`] bytes ("government",
/// "international"), keyed like [`EdgeTable`]'s by integers: the token's
/// first 8 bytes, the rest packed, and the tag. These went to the
/// byte-keyed map (≈ 95 instructions a lookup: the bytes hashed one write
/// at a time, then `memcmp`), ≈ 60,000 lookups per 300 articles.
pub(super) struct MidTable {
    slots: Box<[MidSlot]>,
    shift: u32,
}

/// The word a [`MidTable`] key is hashed by: both halves of the token.
#[inline(always)]
fn mid_word(head: u64, rest: u64) -> u64 {
    head ^ rest.wrapping_mul(0xA076_1D64_78BD_642F)
}

impl MidTable {
    pub(super) fn new<'a>(edges: impl Iterator<Item = (u32, u8, &'a [u8], u32)>) -> Self {
        let keys: Vec<MidSlot> = edges
            .filter(|e| (SHORT + 1..=MID).contains(&e.2.len()))
            .map(|(node, sep, token, next)| MidSlot {
                head: pack(token, 0, SHORT),
                rest: pack(token, SHORT, token.len()),
                tag: tag(node, sep, token.len()),
                value: next,
            })
            .collect();
        let (cap, shift) = capacity(keys.len());
        let empty = MidSlot {
            head: 0,
            rest: 0,
            tag: EMPTY,
            value: 0,
        };
        let mut slots = vec![empty; cap].into_boxed_slice();
        for k in keys {
            let mut i = home(mid_word(k.head, k.rest), k.tag, shift);
            while slots[i].tag != EMPTY {
                i = (i + 1) & (cap - 1);
            }
            slots[i] = k;
        }
        MidTable { slots, shift }
    }

    /// The node the edge from `node`, after `sep`, by the token at
    /// `bytes[s..e]` (9 to [`MID`] bytes) leads to.
    #[inline]
    pub(super) fn get(&self, node: u32, sep: u8, bytes: &[u8], s: usize, e: usize) -> Option<u32> {
        debug_assert!((SHORT + 1..=MID).contains(&(e - s)));
        let (head, rest) = (pack(bytes, s, s + SHORT), pack(bytes, s + SHORT, e));
        let tag = tag(node, sep, e - s);
        let mask = self.slots.len() - 1;
        let mut i = home(mid_word(head, rest), tag, self.shift);
        loop {
            let k = &self.slots[i & mask];
            if k.head == head && k.rest == rest && k.tag == tag {
                return Some(k.value);
            }
            if k.tag == EMPTY {
                return None;
            }
            i += 1;
        }
    }

    pub(super) fn memory_usage(&self) -> usize {
        std::mem::size_of_val(&*self.slots)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mid_table_finds_what_it_holds_and_nothing_else() {
        let edges: Vec<(u32, u8, &[u8], u32)> = vec![
            (0, 0, b"government", 1),
            (0, 1, b"government", 2),
            (3, 1, b"sixteen-bytes-ab", 4),
            (0, 0, b"short", 5),
            (0, 0, b"seventeen-bytes-x", 6),
        ];
        let t = MidTable::new(edges.iter().copied());
        let text = b"the government sixteen-bytes-abc";
        assert_eq!(t.get(0, 0, text, 4, 14), Some(1));
        assert_eq!(t.get(0, 1, text, 4, 14), Some(2));
        assert_eq!(t.get(1, 0, text, 4, 14), None);
        assert_eq!(t.get(3, 1, text, 15, 31), Some(4));
        // A prefix of a held token, and a held token's first 9 bytes.
        assert_eq!(t.get(3, 1, text, 15, 30), None);
        assert_eq!(t.get(0, 0, b"governmen", 0, 9), None);
        assert_eq!(t.slots.iter().filter(|s| s.tag != EMPTY).count(), 3);
    }

    #[test]
    fn packs_near_the_end_and_in_the_middle_alike() {
        let text = b"the convoy";
        assert_eq!(pack(text, 0, 3), pack(b"the", 0, 3));
        assert_eq!(pack(text, 4, 10), pack(b"convoy", 0, 6));
        assert_eq!(pack(b"abcdefghij", 1, 9), pack(b"bcdefghi", 0, 8));
    }

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let edges: Vec<(u32, u8, &[u8], u32)> = vec![
            (0, 0, b"the", 1),
            (1, 1, b"convoy", 2),
            (0, 1, b"the", 3),
            (0, 0, b"longer-than-8", 4),
            (7, 0, b"", 5),
        ];
        let t = EdgeTable::new(edges.iter().copied());
        assert_eq!(t.get(0, 0, pack(b"the", 0, 3), 3), Some(1));
        assert_eq!(t.get(0, 1, pack(b"the", 0, 3), 3), Some(3));
        assert_eq!(t.get(1, 1, pack(b"convoy", 0, 6), 6), Some(2));
        assert_eq!(t.get(7, 0, 0, 0), Some(5));
        assert_eq!(t.get(1, 0, pack(b"convoy", 0, 6), 6), None);
        assert_eq!(t.get(0, 0, pack(b"th", 0, 2), 2), None);
        assert_eq!(t.get(2, 0, pack(b"the", 0, 3), 3), None);
    }

    #[test]
    fn a_full_neighbourhood_is_probed_past() {
        // Many keys, every one found, a missing one not: collisions are
        // resolved by probing on, and the probing stops at an empty slot.
        let words: Vec<String> = (0..5_000).map(|i| format!("w{i}")).collect();
        let edges: Vec<(u32, u8, &[u8], u32)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| ((i % 7) as u32, (i % 2) as u8, w.as_bytes(), i as u32))
            .collect();
        let t = EdgeTable::new(edges.iter().copied());
        for &(node, sep, token, next) in &edges {
            assert_eq!(
                t.get(node, sep, pack(token, 0, token.len()), token.len()),
                Some(next)
            );
            assert_eq!(
                t.get(node + 7, sep, pack(token, 0, token.len()), token.len()),
                None
            );
        }
    }
}
