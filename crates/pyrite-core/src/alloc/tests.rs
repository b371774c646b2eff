//! Allocator tests (small enough for Miri).

use std::alloc::Layout;

use super::size_class::*;
use super::*;

fn lay(n: usize) -> Layout {
    Layout::from_size_align(n, 8).expect("layout")
}

#[test]
fn size_classes() {
    assert_eq!(class_of(1), 0);
    assert_eq!(class_of(16), 0);
    assert_eq!(class_of(17), 1);
    assert_eq!(class_of(512), 31);
    assert_eq!(block_size(31), 512);
    assert_eq!(NB_SMALL_SIZE_CLASSES, 32);
    assert_eq!(POOLS_PER_ARENA, 64);
}

#[test]
fn blocks_are_distinct_aligned_and_reused() {
    let a = alloc_block(lay(24)).expect("a");
    let b = alloc_block(lay(24)).expect("b");
    assert_ne!(a, b);
    assert_eq!(a.as_ptr() as usize % ALIGNMENT, 0);
    assert_eq!(b.as_ptr() as usize - a.as_ptr() as usize, 32);
    // SAFETY: both came from `alloc_block` with these layouts.
    unsafe {
        a.as_ptr().write_bytes(0xAB, 24);
        free_block(a, lay(24));
    }
    let c = alloc_block(lay(30)).expect("c");
    assert_eq!(c, a, "the freed block of the same class is reused");
    // SAFETY: as above.
    unsafe {
        free_block(c, lay(30));
        free_block(b, lay(24));
    }
}

#[test]
fn large_requests_and_stats() {
    let before = bytes_in_use();
    let big = alloc_block(lay(4000)).expect("big");
    assert_eq!(bytes_in_use(), before + 4000);
    let small = alloc_block(lay(100)).expect("small");
    let report = debug_malloc_stats();
    assert!(report.contains("Small block threshold = 512, in 32 size classes."));
    assert!(report.contains("    6    112           1               1           "));
    // SAFETY: both came from `alloc_block` with these layouts.
    unsafe {
        free_block(small, lay(100));
        free_block(big, lay(4000));
    }
    assert_eq!(bytes_in_use(), before);
}

#[test]
fn empty_arenas_go_back_but_one_is_kept() {
    // Enough 512-byte blocks to need a second arena.
    let n = blocks_per_pool(class_of(512)) * POOLS_PER_ARENA + 1;
    let v: Vec<_> = (0..n)
        .map(|_| alloc_block(lay(512)).expect("block"))
        .collect();
    assert!(
        debug_malloc_stats().contains("# arenas allocated current         =                    2")
    );
    for p in v {
        // SAFETY: from `alloc_block` with this layout.
        unsafe { free_block(p, lay(512)) };
    }
    let report = debug_malloc_stats();
    // One emptied arena went back to the system; the last one is kept
    // (as CPython does, to avoid thrashing).
    assert!(report.contains("# arenas reclaimed                 =                    1"));
    assert!(report.contains("# arenas allocated current         =                    1"));
}

#[test]
fn limit_and_parse() {
    assert_eq!(parse_size("256M"), Some(256 << 20));
    assert_eq!(parse_size("1g"), Some(1 << 30));
    assert_eq!(parse_size("1000"), Some(1000));
    assert_eq!(parse_size("x"), None);
    set_limit(bytes_in_use() + 64);
    assert!(alloc_block(lay(128)).is_none());
    let p = alloc_block(lay(32)).expect("under the cap");
    // SAFETY: from `alloc_block` with this layout.
    unsafe { free_block(p, lay(32)) };
    set_limit(usize::MAX);
}

#[test]
fn full_pool_moves_on() {
    let n = blocks_per_pool(class_of(512)) + 1;
    let v: Vec<_> = (0..n)
        .map(|_| alloc_block(lay(512)).expect("block"))
        .collect();
    let pools: std::collections::HashSet<usize> =
        v.iter().map(|p| p.as_ptr() as usize / POOL_SIZE).collect();
    assert_eq!(pools.len(), 2);
    for p in v {
        // SAFETY: from `alloc_block` with this layout.
        unsafe { free_block(p, lay(512)) };
    }
}
