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
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use size_class::{ALIGNMENT, SMALL_REQUEST_THRESHOLD};

thread_local! {
    static IN_USE: Cell<usize> = const { Cell::new(0) };
    static LIMIT: Cell<usize> = const { Cell::new(usize::MAX) };
    static LIMIT_READ: Cell<bool> = const { Cell::new(false) };
    static MEMORY_ERROR_PENDING: Cell<bool> = const { Cell::new(false) };
    static POOLS: RefCell<pool::Pools> = RefCell::new(pool::Pools::default());
    static USE_RESERVE: Cell<bool> = const { Cell::new(false) };
}

/// How far past the cap allocations may go while the VM gets to raise
/// `MemoryError` (see [`with_reserve`]).
pub const RESERVE_BYTES: usize = 1 << 20;

/// Run `f` allowing its allocations to exceed the cap by up to
/// [`RESERVE_BYTES`]; any that does sets the pending-`MemoryError` flag.
pub fn with_reserve<R>(f: impl FnOnce() -> R) -> R {
    let old = USE_RESERVE.with(|r| r.replace(true));
    let out = f();
    USE_RESERVE.with(|r| r.set(old));
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

fn read_env_limit() {
    if LIMIT_READ.with(|r| r.replace(true)) {
        return;
    }
    if let Ok(v) = std::env::var("PYRITE_MAX_MEMORY") {
        if let Some(n) = parse_size(&v) {
            LIMIT.with(|c| c.set(n));
        }
    }
}

/// Bytes currently allocated for objects by this thread's interpreter.
pub fn bytes_in_use() -> usize {
    IN_USE.with(|c| c.get())
}

/// Set the memory cap in bytes (`usize::MAX` for none).
pub fn set_limit(bytes: usize) {
    LIMIT_READ.with(|r| r.set(true));
    LIMIT.with(|c| c.set(bytes));
}

/// The memory cap in bytes.
pub fn limit() -> usize {
    read_env_limit();
    LIMIT.with(|c| c.get())
}

/// Note that an allocation beyond the cap was served from the reserve: the
/// VM raises `MemoryError` at its next safe point.
pub fn set_memory_error_pending() {
    MEMORY_ERROR_PENDING.with(|c| c.set(true));
}

/// Take the pending-`MemoryError` flag.
pub fn take_memory_error_pending() -> bool {
    MEMORY_ERROR_PENDING.with(|c| c.replace(false))
}

fn is_small(layout: Layout) -> bool {
    layout.size() <= SMALL_REQUEST_THRESHOLD && layout.align() <= ALIGNMENT
}

/// Allocate a block for `layout`. Returns `None` when the cap would be
/// exceeded or the system is out of memory.
pub fn alloc_block(layout: Layout) -> Option<NonNull<u8>> {
    debug_assert!(layout.size() > 0);
    let used = bytes_in_use();
    let wanted = used.saturating_add(layout.size());
    if wanted > limit() {
        if !USE_RESERVE.with(|r| r.get()) || wanted > limit().saturating_add(RESERVE_BYTES) {
            return None;
        }
        set_memory_error_pending();
    }
    let small = if is_small(layout) {
        POOLS.try_with(|p| p.borrow_mut().alloc(layout.size())).ok()
    } else {
        None
    };
    let p = match small {
        Some(p) => p?,
        // SAFETY: `layout` has non-zero size (every object has a header).
        None => NonNull::new(unsafe { std::alloc::alloc(layout) })?,
    };
    IN_USE.with(|c| c.set(used + layout.size()));
    Some(p)
}

/// Return a block to the allocator.
///
/// # Safety
/// 1. `ptr` was returned by [`alloc_block`] with this same `layout`;
/// 2. it has not been freed since, and nothing uses it afterwards.
pub unsafe fn free_block(ptr: NonNull<u8>, layout: Layout) {
    let _ = IN_USE.try_with(|c| c.set(c.get().saturating_sub(layout.size())));
    if is_small(layout) {
        match POOLS.try_with(|p| p.borrow_mut().free(ptr)) {
            Ok(true) => return,
            // Allocated from the system while the pools were unavailable
            // (thread teardown): leave it to process exit.
            Ok(false) | Err(_) => {
                if POOLS.try_with(|_| ()).is_err() {
                    return;
                }
            }
        }
    }
    // SAFETY: by the contract, `ptr` came from `std::alloc::alloc(layout)`
    // (blocks too large for pools, or small ones the pools did not serve).
    unsafe { std::alloc::dealloc(ptr.as_ptr(), layout) };
}

/// `sys._debugmallocstats()`'s allocator report, in CPython's layout.
pub fn debug_malloc_stats() -> String {
    use size_class::*;
    let (stats, unused, counts) = POOLS.with(|p| {
        let p = p.borrow();
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
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests;
