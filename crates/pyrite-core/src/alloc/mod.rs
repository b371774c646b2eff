//! The allocation entry point. Every Python object's block comes from
//! [`alloc_block`] and goes back through [`free_block`], so the pool allocator
//! (arenas, pools, size classes; `TODO(#3)`) slots in behind these two
//! functions without touching callers.
//!
//! A memory cap (`set_limit`) turns exhaustion into an error the VM raises as
//! `MemoryError`.

use std::alloc::Layout;
use std::cell::Cell;
use std::ptr::NonNull;

thread_local! {
    static IN_USE: Cell<usize> = const { Cell::new(0) };
    static LIMIT: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// Bytes currently allocated for objects by this thread's interpreter.
pub fn bytes_in_use() -> usize {
    IN_USE.with(|c| c.get())
}

/// Set the memory cap in bytes (`usize::MAX` for none).
pub fn set_limit(bytes: usize) {
    LIMIT.with(|c| c.set(bytes));
}

/// The memory cap in bytes.
pub fn limit() -> usize {
    LIMIT.with(|c| c.get())
}

/// Allocate a block for `layout`. Returns `None` when the cap would be
/// exceeded or the system is out of memory.
pub fn alloc_block(layout: Layout) -> Option<NonNull<u8>> {
    debug_assert!(layout.size() > 0);
    let used = bytes_in_use();
    if used.saturating_add(layout.size()) > limit() {
        return None;
    }
    // SAFETY: `layout` has non-zero size (every object has a header).
    let p = unsafe { std::alloc::alloc(layout) };
    let p = NonNull::new(p)?;
    IN_USE.with(|c| c.set(used + layout.size()));
    Some(p)
}

/// Return a block to the allocator.
///
/// # Safety
/// 1. `ptr` was returned by [`alloc_block`] with this same `layout`;
/// 2. it has not been freed since, and nothing uses it afterwards.
pub unsafe fn free_block(ptr: NonNull<u8>, layout: Layout) {
    IN_USE.with(|c| c.set(c.get() - layout.size()));
    // SAFETY: by the contract, `ptr` came from `std::alloc::alloc(layout)`.
    unsafe { std::alloc::dealloc(ptr.as_ptr(), layout) };
}
