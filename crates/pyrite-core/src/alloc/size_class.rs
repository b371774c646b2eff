//! The allocator's figures, all in one place. CPython 3.11's
//! `Objects/obmalloc.c` values for 64-bit platforms (the seed describes
//! older ones: 8-byte classes up to 256 bytes, page-sized pools, 256 KiB
//! arenas).

/// Block sizes are multiples of this (and blocks are aligned to it).
pub const ALIGNMENT: usize = 16;
/// Requests up to this many bytes come from pools; larger ones from the
/// system allocator.
pub const SMALL_REQUEST_THRESHOLD: usize = 512;
/// Number of size classes: 16, 32, ..., 512.
pub const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
/// A pool holds blocks of one size class.
pub const POOL_SIZE: usize = 16 * 1024;
/// Bytes at the start of each pool CPython spends on its header (we keep
/// pool bookkeeping outside the pool, but reserve the same room so that
/// blocks per pool, and `_debugmallocstats`, match CPython).
pub const POOL_OVERHEAD: usize = 48;
/// An arena is one request to the operating system, split into pools.
pub const ARENA_SIZE: usize = 1024 * 1024;
/// Pools per arena.
pub const POOLS_PER_ARENA: usize = ARENA_SIZE / POOL_SIZE;

/// Size class index of a request of `size` bytes (1..=512).
#[inline]
pub const fn class_of(size: usize) -> usize {
    size.div_ceil(ALIGNMENT) - 1
}

/// Block size of size class `c`.
#[inline]
pub const fn block_size(c: usize) -> usize {
    (c + 1) * ALIGNMENT
}

/// Blocks in one pool of size class `c`.
#[inline]
pub const fn blocks_per_pool(c: usize) -> usize {
    (POOL_SIZE - POOL_OVERHEAD) / block_size(c)
}
