//! The allocation entry point. Every Python object's block comes from
//! [`alloc_block`] and goes back through [`free_block`]: requests up to
//! 512 bytes from the pool allocator ([`pool`]: arenas, pools, size
//! classes, CPython 3.11's `obmalloc`), larger ones from the system
//! allocator.
//!
//! A memory cap (`set_limit`, or the `PYRITE_MAX_MEMORY` environment
//! variable read on first use, e.g. `256M`) makes allocation fail instead
//! of exhausting the machine; the VM raises `MemoryError`.

pub mod pool;
pub mod size_class;

use std::alloc::Layout;
use std::cell::UnsafeCell;
use std::ptr::NonNull;

use size_class::{ALIGNMENT, SMALL_REQUEST_THRESHOLD};

/// Everything the allocator keeps per thread. Plain data with no
/// destructor, so the thread-local needs no lazy registration and stays
/// usable during thread teardown.
struct State {
    pools: pool::Pools,
    in_use: usize,
    /// The cap; 0 until `PYRITE_MAX_MEMORY` has been read (the first
    /// allocation takes the slow path and reads it).
    limit: usize,
    memory_error_pending: bool,
    use_reserve: bool,
}

thread_local! {
    static STATE: UnsafeCell<State> = const {
        UnsafeCell::new(State {
            pools: pool::Pools::new(),
            in_use: 0,
            limit: 0,
            memory_error_pending: false,
            use_reserve: false,
        })
    };
}

/// Frees the empty arenas when the thread ends (the state itself has no
/// destructor, so it stays usable for deallocations during teardown).
struct ArenaGuard;

impl Drop for ArenaGuard {
    fn drop(&mut self) {
        let _ = STATE.try_with(|s| {
            // SAFETY: thread-local; nothing else holds the state now.
            unsafe { &mut *s.get() }.pools.release_empty_arenas()
        });
    }
}

thread_local! {
    static GUARD: ArenaGuard = const { ArenaGuard };
}

/// Run `f` on this thread's allocator state.
///
/// The thread-local is only used to find the state's address (a trivial
/// closure the compiler always inlines to a thread-pointer offset); `f`
/// runs outside `LocalKey::with`, which otherwise stays an out-of-line
/// call on the allocation hot path.
#[inline(always)]
fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> R {
    let p: *mut State = STATE.with(UnsafeCell::get);
    // Callers pass small closures that only touch the state or call the
    // system allocator, so the allocator is never re-entered from `f`.
    // SAFETY: the state is this thread's, lives as long as the thread (it
    // has no destructor, so it stays valid during teardown too), and this
    // is its only live borrow.
    f(unsafe { &mut *p })
}

/// How far past the cap allocations may go while the VM gets to raise
/// `MemoryError` (see [`with_reserve`]).
pub const RESERVE_BYTES: usize = 1 << 20;

/// Run `f` allowing its allocations to exceed the cap by up to
/// [`RESERVE_BYTES`]; any that does sets the pending-`MemoryError` flag.
pub fn with_reserve<R>(f: impl FnOnce() -> R) -> R {
    let old = with_state(|s| std::mem::replace(&mut s.use_reserve, true));
    let out = f();
    with_state(|s| s.use_reserve = old);
    out
}

/// Parse a size such as `256M`, `1G`, `512k` or `1000000` (bytes).
pub fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim();
    let (num, mult) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1usize << 10),
        'm' | 'M' => (&s[..s.len() - 1], 1 << 20),
        'g' | 'G' => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.trim().parse::<usize>().ok()?.checked_mul(mult)
}

/// Read `PYRITE_MAX_MEMORY` once (the limit field is 0 until then).
fn ensure_limit_read() {
    if with_state(|s| s.limit) != 0 {
        return;
    }
    // First allocation of this thread: arrange for the arenas' release.
    let _ = GUARD.try_with(|_| ());
    let n = std::env::var("PYRITE_MAX_MEMORY")
        .ok()
        .and_then(|v| parse_size(&v))
        .unwrap_or(usize::MAX)
        .max(1);
    with_state(|s| {
        if s.limit == 0 {
            s.limit = n;
        }
    });
}

/// Bytes currently allocated for objects by this thread's interpreter.
pub fn bytes_in_use() -> usize {
    with_state(|s| s.in_use)
}

/// Set the memory cap in bytes (`usize::MAX` for none).
pub fn set_limit(bytes: usize) {
    let _ = GUARD.try_with(|_| ());
    with_state(|s| s.limit = bytes.max(1));
}

/// The memory cap in bytes.
pub fn limit() -> usize {
    ensure_limit_read();
    with_state(|s| s.limit)
}

/// Note that an allocation beyond the cap was served from the reserve: the
/// VM raises `MemoryError` at its next safe point.
pub fn set_memory_error_pending() {
    with_state(|s| s.memory_error_pending = true);
}

/// Take the pending-`MemoryError` flag.
#[inline]
pub fn take_memory_error_pending() -> bool {
    // Read before writing: this runs on every backward jump.
    with_state(|s| s.memory_error_pending && std::mem::take(&mut s.memory_error_pending))
}

#[inline]
fn is_small(layout: Layout) -> bool {
    layout.size() <= SMALL_REQUEST_THRESHOLD && layout.align() <= ALIGNMENT
}

/// Allocate a block for `layout`. Returns `None` when the cap would be
/// exceeded or the system is out of memory.
#[inline]
pub fn alloc_block(layout: Layout) -> Option<NonNull<u8>> {
    alloc_block_in(layout, false)
}

/// [`alloc_block`], where `reserve` says whether the request may use the
/// reserve past the cap (as inside [`with_reserve`]).
#[inline(always)]
pub fn alloc_block_in(layout: Layout, reserve: bool) -> Option<NonNull<u8>> {
    debug_assert!(layout.size() > 0);
    if let Some(p) = alloc_small_fast(layout) {
        return Some(p);
    }
    alloc_slow(layout, reserve)
}

/// A small block straight from the pools, or None when `layout` is not
/// small or the request is near the cap (the caller then takes the general
/// path, which decides about the reserve). Inlined where `layout` is a
/// constant, so the size class folds away.
#[inline(always)]
pub fn alloc_small_fast(layout: Layout) -> Option<NonNull<u8>> {
    if !is_small(layout) {
        return None;
    }
    with_state(|s| {
        let wanted = s.in_use + layout.size();
        if wanted > s.limit {
            return None;
        }
        let p = s.pools.alloc(layout.size())?;
        s.in_use = wanted;
        Some(p)
    })
}

/// Large blocks, and any allocation near or past the cap.
#[cold]
fn alloc_slow(layout: Layout, reserve: bool) -> Option<NonNull<u8>> {
    ensure_limit_read();
    let (used, lim, in_reserve) = with_state(|s| (s.in_use, s.limit, s.use_reserve));
    let reserve = reserve || in_reserve;
    let wanted = used.saturating_add(layout.size());
    if wanted > lim {
        if !reserve || wanted > lim.saturating_add(RESERVE_BYTES) {
            return None;
        }
        set_memory_error_pending();
    }
    let p = if is_small(layout) {
        with_state(|s| s.pools.alloc(layout.size()))?
    } else {
        // SAFETY: `layout` has non-zero size (every object has a header).
        NonNull::new(unsafe { std::alloc::alloc(layout) })?
    };
    with_state(|s| s.in_use += layout.size());
    Some(p)
}

/// Return a block to the allocator.
///
/// # Safety
/// 1. `ptr` was returned by [`alloc_block`] with this same `layout`, on
///    this thread;
/// 2. it has not been freed since, and nothing uses it afterwards.
#[inline(always)]
pub unsafe fn free_block(ptr: NonNull<u8>, layout: Layout) {
    if is_small(layout) {
        with_state(|s| {
            s.in_use = s.in_use.saturating_sub(layout.size());
            // SAFETY: small blocks always come from this thread's pools
            // (contract 1) and are freed once (contract 2).
            unsafe { s.pools.free(ptr) };
        });
        return;
    }
    // SAFETY: forwarded contract.
    unsafe { free_large(ptr, layout) }
}

/// # Safety
/// As [`free_block`], for a block from the system allocator.
#[cold]
unsafe fn free_large(ptr: NonNull<u8>, layout: Layout) {
    with_state(|s| s.in_use = s.in_use.saturating_sub(layout.size()));
    // SAFETY: by the contract, `ptr` came from `std::alloc::alloc(layout)`.
    unsafe { std::alloc::dealloc(ptr.as_ptr(), layout) };
}

/// `sys._debugmallocstats()`'s allocator report, in CPython's layout.
pub fn debug_malloc_stats() -> String {
    use size_class::*;
    let (stats, unused, counts) = with_state(|s| {
        let p = &s.pools;
        (p.class_stats(), p.unused_pools(), p.arena_counts())
    });
    let mut out = String::new();
    out.push_str(&format!(
        "Small block threshold = {SMALL_REQUEST_THRESHOLD}, in {NB_SMALL_SIZE_CLASSES} size classes.\n\n"
    ));
    out.push_str("class   size   num pools   blocks in use  avail blocks\n");
    out.push_str("-----   ----   ---------   -------------  ------------\n");
    let (mut allocated, mut available, mut quant, mut pools_in_use) =
        (0usize, 0usize, 0usize, 0usize);
    for (c, &(pools, used, avail)) in stats.iter().enumerate() {
        if pools == 0 {
            continue;
        }
        let size = block_size(c);
        out.push_str(&format!("{c:5} {size:6} {pools:11} {used:15} {avail:13}\n"));
        allocated += used * size;
        available += avail * size;
        quant += pools * (POOL_SIZE - POOL_OVERHEAD - blocks_per_pool(c) * size);
        pools_in_use += pools;
    }
    out.push('\n');
    let line = |label: &str, v: usize| format!("{label:<35}= {:>20}\n", commas(v));
    out.push_str(&line("# arenas allocated total", counts.allocated_total));
    out.push_str(&line("# arenas reclaimed", counts.reclaimed));
    out.push_str(&line("# arenas highwater mark", counts.highwater));
    out.push_str(&line("# arenas allocated current", counts.current));
    out.push_str(&line(
        &format!("{} arenas * {} bytes/arena", counts.current, ARENA_SIZE),
        counts.current * ARENA_SIZE,
    ));
    out.push('\n');
    let headers = pools_in_use * POOL_OVERHEAD;
    out.push_str(&line("# bytes in allocated blocks", allocated));
    out.push_str(&line("# bytes in available blocks", available));
    out.push_str(&line(
        &format!("{unused} unused pools * {POOL_SIZE} bytes"),
        unused * POOL_SIZE,
    ));
    out.push_str(&line("# bytes lost to pool headers", headers));
    out.push_str(&line("# bytes lost to quantization", quant));
    out.push_str(&line("# bytes lost to arena alignment", 0));
    out.push_str(&line(
        "Total",
        allocated + available + unused * POOL_SIZE + headers + quant,
    ));
    out
}

/// `1234567` -> `"1,234,567"` (CPython's `printone`).
fn commas(v: usize) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests;
