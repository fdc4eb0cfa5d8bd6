//! The global allocator of every shipped binary (and of the extract bench):
//! mimalloc, asked through its plain entry points when the alignment asked
//! for is one every mimalloc block has anyway.
//!
//! Why not `mimalloc::MiMalloc` itself: it passes every request to
//! `mi_malloc_aligned`, whatever the alignment. In mimalloc v3 that call
//! takes the plain small-block path only when the size class's current page
//! has a free block; otherwise (a fresh page needed) it goes to the aligned
//! fallback, which over-allocates unless the block size is a power of two
//! (`mi_malloc_is_naturally_aligned`): a 48-byte request is served from the
//! 56-byte class, so the 48-byte page is never refilled and the next
//! requests miss the fast path again. Under callgrind that was ≈ 84,000 of
//! the ≈ 1.2 M allocations per 300 bench articles, each ≈ 40 instructions
//! of extra layers, and the requests went to the wrong size class (see
//! `docs/PERFORMANCE.md`, session 24). The `mimalloc` crate has no switch
//! for this.
//!
//! Every mimalloc block is aligned to the machine word: size classes are
//! whole words and a page's first block is 16-byte aligned
//! (`MI_PAGE_MIN_START_BLOCK_ALIGN`); large and huge blocks are page
//! aligned. So a request aligned to at most a word takes `mi_malloc` /
//! `mi_zalloc` / `mi_realloc`; larger alignments keep the aligned calls.
//! `mi_free` frees either.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as ffi;

/// The alignment every block mimalloc returns has: the machine word.
const WORD: usize = std::mem::size_of::<usize>();

/// mimalloc as the global allocator, plain calls for word-aligned requests.
pub struct MiMalloc;

// SAFETY: every method forwards to mimalloc, which returns blocks of at
// least the size asked for, aligned to at least the machine word (above)
// or, through the `_aligned` calls, to the alignment asked for; null on
// failure, as `GlobalAlloc` requires.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: plain calls into mimalloc with a size (and alignment).
        unsafe {
            if layout.align() <= WORD {
                ffi::mi_malloc(layout.size()).cast()
            } else {
                ffi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        unsafe {
            if layout.align() <= WORD {
                ffi::mi_zalloc(layout.size()).cast()
            } else {
                ffi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (the caller's contract).
        unsafe { ffi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout` (the
        // caller's contract); the block keeps its alignment class.
        unsafe {
            if layout.align() <= WORD {
                ffi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                ffi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size from 1 byte to 64 kB (and a few larger ones),
    /// with alignments 1 to 4,096: aligned as asked, writable over their
    /// whole size, and kept (contents and alignment) across a realloc.
    #[test]
    fn blocks_are_aligned_and_survive_realloc() {
        let a = MiMalloc;
        let sizes = (1..=1024)
            .chain((1025..=65_536).step_by(97))
            .chain([1 << 20, 3 << 20]);
        for size in sizes {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size; the block is written within its
                // size, reallocated with the layout it was made with, freed once.
                unsafe {
                    let p = if size % 2 == 0 {
                        a.alloc(layout)
                    } else {
                        a.alloc_zeroed(layout)
                    };
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    if size % 2 == 1 {
                        assert!(std::slice::from_raw_parts(p, size).iter().all(|&b| b == 0));
                    }
                    p.write_bytes(0xA5, size);
                    let grown = size + size / 2 + 1;
                    let q = a.realloc(p, layout, grown);
                    assert!(!q.is_null());
                    assert_eq!(q as usize % align, 0, "realloc size {size} align {align}");
                    assert!(std::slice::from_raw_parts(q, size)
                        .iter()
                        .all(|&b| b == 0xA5));
                    a.dealloc(q, Layout::from_size_align(grown, align).unwrap());
                }
            }
        }
    }
}
