//! The token trie's edges whose token is at most 8 bytes, in a table keyed
//! by plain integers.
//!
//! The scan looks up one edge for nearly every token of every text (≈ 1,400
//! an article). Through a `HashMap<EdgeKey, u32>` each lookup hashed the
//! token's bytes one write at a time and compared them with `memcmp`: about
//! 50 instructions. Most tokens are short words, so a token of up to 8
//! bytes is packed into a `u64` (one unaligned load and a mask) and looked
//! up with its node as a pair of integers; tokens of up to 16 bytes as
//! three integers ([`MidTable`]); longer ones still go to the byte-keyed
//! map.

/// Longest token the table holds.
pub(super) const SHORT: usize = 8;

/// Edges by (packed token, tag): hashbrown's map hashes the two integers
/// in a few instructions and compares them as integers. `V` is the next
/// node (or, for the prefix phrases' index, their range).
pub(super) struct EdgeTable<V = u32> {
    map: hashbrown::HashMap<(u64, u64), V>,
}

#[inline]
fn tag(node: u32, sep: u8, len: usize) -> u64 {
    u64::from(node) | u64::from(sep) << 32 | (len as u64) << 40
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

impl<V: Copy> EdgeTable<V> {
    /// The table of `edges` (node, separator, token, next node); tokens
    /// longer than [`SHORT`] are left out.
    pub(super) fn new<'a>(edges: impl Iterator<Item = (u32, u8, &'a [u8], V)>) -> Self {
        let map = edges
            .filter(|e| e.2.len() <= SHORT)
            .map(|(node, sep, token, next)| {
                (
                    (pack(token, 0, token.len()), tag(node, sep, token.len())),
                    next,
                )
            })
            .collect();
        EdgeTable { map }
    }

    /// The node the edge from `node`, after `sep`, by the token packed in
    /// `token` (`len` bytes, at most [`SHORT`]) leads to.
    #[inline]
    pub(super) fn get(&self, node: u32, sep: u8, token: u64, len: usize) -> Option<V> {
        self.map.get(&(token, tag(node, sep, len))).copied()
    }

    pub(super) fn memory_usage(&self) -> usize {
        self.map.allocation_size()
    }
}

/// Longest token [`MidTable`] holds.
pub(super) const MID: usize = 16;

/// The edges whose token is 9 to [`MID`] bytes ("government",
/// "international"), keyed like [`EdgeTable`]'s by integers: the token's
/// first 8 bytes, the rest packed, and the tag. These went to the
/// byte-keyed map (≈ 95 instructions a lookup: the bytes hashed one write
/// at a time, then `memcmp`), ≈ 60,000 lookups per 300 articles.
pub(super) struct MidTable {
    map: hashbrown::HashMap<(u64, u64, u64), u32>,
}

impl MidTable {
    pub(super) fn new<'a>(edges: impl Iterator<Item = (u32, u8, &'a [u8], u32)>) -> Self {
        let map = edges
            .filter(|e| (SHORT + 1..=MID).contains(&e.2.len()))
            .map(|(node, sep, token, next)| {
                let n = token.len();
                (
                    (
                        pack(token, 0, SHORT),
                        pack(token, SHORT, n),
                        tag(node, sep, n),
                    ),
                    next,
                )
            })
            .collect();
        MidTable { map }
    }

    /// The node the edge from `node`, after `sep`, by the token at
    /// `bytes[s..e]` (9 to [`MID`] bytes) leads to.
    ///
    /// Always inlined into the scan: left to the compiler it stayed a call
    /// (the scan is large), ≈ 44 instructions each with the hashing, where
    /// inlined the lookups cost ≈ 2.4 M instructions less per 300 articles.
    #[inline(always)]
    pub(super) fn get(&self, node: u32, sep: u8, bytes: &[u8], s: usize, e: usize) -> Option<u32> {
        debug_assert!((SHORT + 1..=MID).contains(&(e - s)));
        let key = (
            pack(bytes, s, s + SHORT),
            pack(bytes, s + SHORT, e),
            tag(node, sep, e - s),
        );
        self.map.get(&key).copied()
    }

    pub(super) fn memory_usage(&self) -> usize {
        self.map.allocation_size()
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
        assert_eq!(t.map.len(), 3);
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
}
