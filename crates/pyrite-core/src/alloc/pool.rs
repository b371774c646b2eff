//! The small-object allocator: arenas of pools of equal-size blocks.
//! Mirrors CPython 3.11 `Objects/obmalloc.c` (`pymalloc_alloc`,
//! `pymalloc_free`, `_PyObject_DebugMallocStats`).
//!
//! The layout is CPython's, because it makes both hot paths a handful of
//! instructions with no lookup structure:
//! * arenas are `ARENA_SIZE` bytes aligned to their size, carved into
//!   `POOL_SIZE` pools; the pool of a block is its address with the low bits
//!   masked off, and every pool starts with a [`PoolHeader`];
//! * a pool's free blocks form an intrusive list (the first word of a free
//!   block points to the next one), plus a bump offset for blocks never
//!   handed out yet;
//! * per size class, the pools that have a free block are linked in a ring
//!   (CPython's `usedpools`): allocation takes the first block of the first
//!   pool of the class;
//! * a pool whose last block is freed goes back to its arena, and an arena
//!   whose pools are all free goes back to the operating system, except
//!   when it is the only arena with free pools (CPython 3.9+ keeps that one
//!   to avoid thrashing when a program repeatedly allocates and frees one
//!   object at an arena boundary).
//!
//! Arena descriptors are boxed and linked; the allocator state holds only
//! raw pointers and counters, so the thread-local holding it needs no
//! destructor and stays usable while other thread-locals are torn down.

use std::alloc::Layout;
use std::ptr::{self, NonNull};

use super::size_class::*;

/// The header at the start of every pool in use (48 bytes, like CPython's).
#[repr(C)]
struct PoolHeader {
    /// Blocks handed out.
    used: u32,
    /// Size class.
    class: u32,
    /// First free block, or null.
    freeblock: *mut u8,
    /// Ring of pools of this class with a free block (null when unlinked);
    /// for pools returned to their arena, `next` links the arena's free list.
    next: *mut PoolHeader,
    prev: *mut PoolHeader,
    /// Offset from the pool start of the first block never handed out.
    next_offset: u32,
    /// Largest valid block offset in this pool.
    max_offset: u32,
    arena: *mut ArenaObj,
}

const _: () = assert!(std::mem::size_of::<PoolHeader>() <= POOL_OVERHEAD);
const _: () = assert!(POOL_OVERHEAD.is_multiple_of(ALIGNMENT));

/// Bookkeeping for one arena (CPython's `arena_object`).
struct ArenaObj {
    base: NonNull<u8>,
    /// Pools returned to the arena, linked through `PoolHeader::next`.
    freepools: *mut PoolHeader,
    /// Free pools, counting those never used.
    nfree: usize,
    /// Index of the first pool never used.
    untouched: usize,
    /// All arenas, doubly linked.
    next: *mut ArenaObj,
    prev: *mut ArenaObj,
}

/// Arena statistics, as `_debugmallocstats` reports them.
#[derive(Default, Clone, Copy)]
pub struct ArenaCounts {
    pub allocated_total: usize,
    pub reclaimed: usize,
    pub highwater: usize,
    pub current: usize,
}

/// The allocator state of one thread.
pub struct Pools {
    /// Per size class: a pool with a free block (head of the ring), or null.
    usedpools: [*mut PoolHeader; NB_SMALL_SIZE_CLASSES],
    /// All arenas.
    arenas: *mut ArenaObj,
    counts: ArenaCounts,
}

fn arena_layout() -> Layout {
    // ARENA_SIZE is a non-zero power of two.
    Layout::from_size_align(ARENA_SIZE, ARENA_SIZE).expect("valid arena layout")
}

impl Pools {
    pub const fn new() -> Self {
        Pools {
            usedpools: [ptr::null_mut(); NB_SMALL_SIZE_CLASSES],
            arenas: ptr::null_mut(),
            counts: ArenaCounts {
                allocated_total: 0,
                reclaimed: 0,
                highwater: 0,
                current: 0,
            },
        }
    }

    /// Allocate a block of `size` bytes (1..=SMALL_REQUEST_THRESHOLD).
    #[inline(always)]
    pub fn alloc(&mut self, size: usize) -> Option<NonNull<u8>> {
        let c = class_of(size);
        let mut pool = self.usedpools[c];
        if pool.is_null() {
            pool = self.new_pool(c)?;
        }
        // SAFETY: pools in `usedpools` are live pool headers inside arenas
        // we own, and have at least one free block.
        unsafe {
            let p = &mut *pool;
            p.used += 1;
            let block = if !p.freeblock.is_null() {
                let b = p.freeblock;
                // A free block's first word links the next free block.
                p.freeblock = *(b as *mut *mut u8);
                b
            } else {
                let b = (pool as *mut u8).add(p.next_offset as usize);
                p.next_offset += block_size(c) as u32;
                b
            };
            if p.freeblock.is_null() && p.next_offset > p.max_offset {
                // The pool is full: it leaves the ring of its class.
                self.unlink(pool);
            }
            Some(NonNull::new_unchecked(block))
        }
    }

    /// Remove `pool` from its class ring.
    ///
    /// # Safety
    /// `pool` is a live pool header linked in `usedpools[class]`'s ring.
    #[inline(never)]
    unsafe fn unlink(&mut self, pool: *mut PoolHeader) {
        // SAFETY: ring members are live pool headers (caller's contract).
        unsafe {
            let c = (*pool).class as usize;
            let next = (*pool).next;
            let prev = (*pool).prev;
            if next == pool {
                self.usedpools[c] = ptr::null_mut();
            } else {
                (*prev).next = next;
                (*next).prev = prev;
                if self.usedpools[c] == pool {
                    self.usedpools[c] = next;
                }
            }
            (*pool).next = ptr::null_mut();
            (*pool).prev = ptr::null_mut();
        }
    }

    /// Put `pool` at the head of its class ring.
    ///
    /// # Safety
    /// `pool` is a live pool header not linked in any ring.
    #[inline(never)]
    unsafe fn link(&mut self, pool: *mut PoolHeader) {
        // SAFETY: ring members are live pool headers (caller's contract).
        unsafe {
            let c = (*pool).class as usize;
            let head = self.usedpools[c];
            if head.is_null() {
                (*pool).next = pool;
                (*pool).prev = pool;
            } else {
                let tail = (*head).prev;
                (*pool).next = head;
                (*pool).prev = tail;
                (*tail).next = pool;
                (*head).prev = pool;
            }
            self.usedpools[c] = pool;
        }
    }

    /// Initialise a pool of class `c` from an arena with a free pool (or a
    /// new arena) and link it. `None` if the system is out of memory.
    #[cold]
    fn new_pool(&mut self, c: usize) -> Option<*mut PoolHeader> {
        let mut a = self.arenas;
        // SAFETY: the arena list holds live boxed arena descriptors.
        unsafe {
            while !a.is_null() && (*a).nfree == 0 {
                a = (*a).next;
            }
        }
        if a.is_null() {
            a = self.new_arena()?;
        }
        // SAFETY: `a` is a live arena descriptor with a free pool; pool
        // addresses stay inside its allocation.
        unsafe {
            let ar = &mut *a;
            let pool = if !ar.freepools.is_null() {
                let p = ar.freepools;
                ar.freepools = (*p).next;
                p
            } else {
                let p = ar.base.as_ptr().add(ar.untouched * POOL_SIZE) as *mut PoolHeader;
                ar.untouched += 1;
                p
            };
            ar.nfree -= 1;
            pool.write(PoolHeader {
                used: 0,
                class: c as u32,
                freeblock: ptr::null_mut(),
                next: ptr::null_mut(),
                prev: ptr::null_mut(),
                next_offset: POOL_OVERHEAD as u32,
                max_offset: (POOL_OVERHEAD + (blocks_per_pool(c) - 1) * block_size(c)) as u32,
                arena: a,
            });
            self.link(pool);
            Some(pool)
        }
    }

    fn new_arena(&mut self) -> Option<*mut ArenaObj> {
        // SAFETY: the layout has non-zero size.
        let base = NonNull::new(unsafe { std::alloc::alloc(arena_layout()) })?;
        let a = Box::into_raw(Box::new(ArenaObj {
            base,
            freepools: ptr::null_mut(),
            nfree: POOLS_PER_ARENA,
            untouched: 0,
            next: self.arenas,
            prev: ptr::null_mut(),
        }));
        if !self.arenas.is_null() {
            // SAFETY: the list head is a live arena descriptor.
            unsafe { (*self.arenas).prev = a };
        }
        self.arenas = a;
        let c = &mut self.counts;
        c.allocated_total += 1;
        c.current += 1;
        c.highwater = c.highwater.max(c.current);
        Some(a)
    }

    /// Return a block allocated by [`Self::alloc`].
    ///
    /// # Safety
    /// `ptr` came from `alloc` on this `Pools` and was not freed since.
    #[inline(always)]
    pub unsafe fn free(&mut self, ptr: NonNull<u8>) {
        let b = ptr.as_ptr();
        // The pool header sits at the pool-aligned address below the block
        // (same provenance: the whole arena is one allocation).
        let pool = b.map_addr(|a| a & !(POOL_SIZE - 1)) as *mut PoolHeader;
        // SAFETY: by the contract `b` is a block of a live pool, whose
        // header is at `pool`; free blocks are at least 16 bytes and
        // 16-aligned, so they can hold the link word.
        unsafe {
            let p = &mut *pool;
            let was_full = p.freeblock.is_null() && p.next_offset > p.max_offset;
            *(b as *mut *mut u8) = p.freeblock;
            p.freeblock = b;
            p.used -= 1;
            if p.used == 0 {
                if !was_full {
                    self.unlink(pool);
                }
                self.release_pool(pool);
            } else if was_full {
                self.link(pool);
            }
        }
    }

    /// Give an empty, unlinked pool back to its arena; free the arena if
    /// all its pools are free and another arena has free pools.
    ///
    /// # Safety
    /// `pool` is a live pool header with no block in use, in no ring.
    #[cold]
    unsafe fn release_pool(&mut self, pool: *mut PoolHeader) {
        // SAFETY: the pool's arena descriptor outlives its pools.
        unsafe {
            let a = (*pool).arena;
            (*pool).next = (*a).freepools;
            (*a).freepools = pool;
            (*a).nfree += 1;
            if (*a).nfree < POOLS_PER_ARENA {
                return;
            }
            let mut other = self.arenas;
            while !other.is_null() && (other == a || (*other).nfree == 0) {
                other = (*other).next;
            }
            if other.is_null() {
                return;
            }
            // Unlink and free the arena.
            let ar = Box::from_raw(a);
            if ar.prev.is_null() {
                self.arenas = ar.next;
            } else {
                (*ar.prev).next = ar.next;
            }
            if !ar.next.is_null() {
                (*ar.next).prev = ar.prev;
            }
            // SAFETY: `base` came from `std::alloc::alloc(arena_layout())`
            // and no block of it is in use any more.
            std::alloc::dealloc(ar.base.as_ptr(), arena_layout());
        }
        self.counts.current -= 1;
        self.counts.reclaimed += 1;
    }

    /// Give every arena with no block in use back to the system (thread
    /// exit: the one empty arena normally kept is not needed any more).
    pub fn release_empty_arenas(&mut self) {
        let mut a = self.arenas;
        while !a.is_null() {
            // SAFETY: the arena list holds live boxed descriptors; an arena
            // whose pools are all free has none in a class ring, so nothing
            // points into it once it is unlinked here.
            unsafe {
                let next = (*a).next;
                if (*a).nfree == POOLS_PER_ARENA {
                    let ar = Box::from_raw(a);
                    if ar.prev.is_null() {
                        self.arenas = ar.next;
                    } else {
                        (*ar.prev).next = ar.next;
                    }
                    if !ar.next.is_null() {
                        (*ar.next).prev = ar.prev;
                    }
                    std::alloc::dealloc(ar.base.as_ptr(), arena_layout());
                    self.counts.current -= 1;
                    self.counts.reclaimed += 1;
                }
                a = next;
            }
        }
    }

    fn each_arena(&self, mut f: impl FnMut(&ArenaObj)) {
        let mut a = self.arenas;
        while !a.is_null() {
            // SAFETY: the arena list holds live boxed descriptors.
            unsafe {
                f(&*a);
                a = (*a).next;
            }
        }
    }

    /// Per size class: (pools, blocks in use, free blocks in those pools).
    pub fn class_stats(&self) -> Vec<(usize, usize, usize)> {
        let mut out = vec![(0, 0, 0); NB_SMALL_SIZE_CLASSES];
        self.each_arena(|a| {
            // Pools in use are the touched ones not on the free list.
            let mut free = Vec::new();
            let mut p = a.freepools;
            while !p.is_null() {
                free.push(p as usize);
                // SAFETY: free-list members are pool headers of this arena.
                p = unsafe { (*p).next };
            }
            for i in 0..a.untouched {
                // SAFETY: pools below `untouched` were initialised.
                let ph = unsafe { a.base.as_ptr().add(i * POOL_SIZE) } as *const PoolHeader;
                if free.contains(&(ph as usize)) {
                    continue;
                }
                // SAFETY: a touched pool not on the free list is in use.
                let (c, used) = unsafe { ((*ph).class as usize, (*ph).used as usize) };
                out[c].0 += 1;
                out[c].1 += used;
                out[c].2 += blocks_per_pool(c) - used;
            }
        });
        out
    }

    /// Free pools across all arenas.
    pub fn unused_pools(&self) -> usize {
        let mut n = 0;
        self.each_arena(|a| n += a.nfree);
        n
    }

    pub fn arena_counts(&self) -> ArenaCounts {
        self.counts
    }
}

impl Default for Pools {
    fn default() -> Self {
        Self::new()
    }
}
