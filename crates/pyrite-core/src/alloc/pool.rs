//! The small-object allocator: arenas of pools of equal-size blocks.
//! Mirrors CPython 3.11 `Objects/obmalloc.c` (`pymalloc_alloc`,
//! `pymalloc_free`, `_PyObject_DebugMallocStats`).
//!
//! Arenas are aligned to their size, so the arena (and pool) of a block is
//! found by masking its address. Bookkeeping lives in Rust structures
//! beside the arenas rather than in pool headers: free blocks are kept as
//! per-pool index stacks, so no pointer is ever written into a free block.
//! Pools with free blocks are kept per size class (CPython's `usedpools`);
//! an emptied pool returns to its arena, and an arena whose pools are all
//! free goes back to the operating system. Arenas still in use when the
//! thread ends are left to the process exit (objects may be freed during
//! thread-local teardown, after this allocator is gone).

use std::alloc::Layout;
use std::collections::HashMap;
use std::ptr::NonNull;

use super::size_class::*;

const FREE_POOL: u8 = u8::MAX;

struct Pool {
    /// Size class, or `FREE_POOL`.
    class: u8,
    /// Blocks handed out.
    used: u16,
    /// Blocks never handed out start at this index (CPython's `nextoffset`).
    fresh: u16,
    /// Indices of blocks freed since (CPython's `freeblock` list).
    free: Vec<u16>,
}

struct Arena {
    base: NonNull<u8>,
    pools: Vec<Pool>,
    free_pools: usize,
}

/// Arena statistics, as `_debugmallocstats` reports them.
#[derive(Default, Clone, Copy)]
pub struct ArenaCounts {
    pub allocated_total: usize,
    pub reclaimed: usize,
    pub highwater: usize,
    pub current: usize,
}

#[derive(Default)]
pub struct Pools {
    arenas: HashMap<usize, Arena>,
    /// Per size class: (arena base, pool index) of pools with free blocks.
    usable: Vec<Vec<(usize, usize)>>,
    counts: ArenaCounts,
}

fn arena_layout() -> Layout {
    // ARENA_SIZE is a non-zero power of two.
    Layout::from_size_align(ARENA_SIZE, ARENA_SIZE).expect("valid arena layout")
}

impl Pools {
    fn usable(&mut self, c: usize) -> &mut Vec<(usize, usize)> {
        if self.usable.is_empty() {
            self.usable = vec![Vec::new(); NB_SMALL_SIZE_CLASSES];
        }
        &mut self.usable[c]
    }

    /// A pool of class `c` with a free block (initialising a free pool, or
    /// a new arena, if needed). `None` if the system is out of memory.
    fn pool_for(&mut self, c: usize) -> Option<(usize, usize)> {
        if let Some(&p) = self.usable(c).last() {
            return Some(p);
        }
        let found = self
            .arenas
            .iter()
            .find(|(_, a)| a.free_pools > 0)
            .map(|(&b, _)| b);
        let base = match found {
            Some(b) => b,
            None => self.new_arena()?,
        };
        let arena = self.arenas.get_mut(&base)?;
        let idx = arena.pools.iter().position(|p| p.class == FREE_POOL)?;
        arena.free_pools -= 1;
        let pool = &mut arena.pools[idx];
        pool.class = c as u8;
        pool.used = 0;
        pool.fresh = 0;
        pool.free.clear();
        self.usable(c).push((base, idx));
        Some((base, idx))
    }

    fn new_arena(&mut self) -> Option<usize> {
        // SAFETY: the layout has non-zero size.
        let p = NonNull::new(unsafe { std::alloc::alloc(arena_layout()) })?;
        let base = p.as_ptr() as usize;
        let pools = (0..POOLS_PER_ARENA)
            .map(|_| Pool {
                class: FREE_POOL,
                used: 0,
                fresh: 0,
                free: Vec::new(),
            })
            .collect();
        self.arenas.insert(
            base,
            Arena {
                base: p,
                pools,
                free_pools: POOLS_PER_ARENA,
            },
        );
        let c = &mut self.counts;
        c.allocated_total += 1;
        c.current += 1;
        c.highwater = c.highwater.max(c.current);
        Some(base)
    }

    /// Allocate a block of `size` bytes (1..=SMALL_REQUEST_THRESHOLD).
    pub fn alloc(&mut self, size: usize) -> Option<NonNull<u8>> {
        let c = class_of(size);
        let (base, idx) = self.pool_for(c)?;
        let arena = self.arenas.get_mut(&base)?;
        let pool = &mut arena.pools[idx];
        let block = match pool.free.pop() {
            Some(b) => b as usize,
            None => {
                let b = pool.fresh as usize;
                pool.fresh += 1;
                b
            }
        };
        pool.used += 1;
        let full = pool.free.is_empty() && pool.fresh as usize == blocks_per_pool(c);
        let offset = idx * POOL_SIZE + POOL_OVERHEAD + block * block_size(c);
        // SAFETY: `offset` + the block size stays inside the arena
        // (`block < blocks_per_pool(c)`), which is one live allocation.
        let p = unsafe { NonNull::new_unchecked(arena.base.as_ptr().add(offset)) };
        if full {
            self.usable(c).retain(|&x| x != (base, idx));
        }
        Some(p)
    }

    /// Return a block. Returns false if `ptr` is not in any arena.
    pub fn free(&mut self, ptr: NonNull<u8>) -> bool {
        let addr = ptr.as_ptr() as usize;
        let base = addr & !(ARENA_SIZE - 1);
        let Some(arena) = self.arenas.get_mut(&base) else {
            return false;
        };
        let off = addr - base;
        let idx = off / POOL_SIZE;
        let pool = &mut arena.pools[idx];
        let c = pool.class as usize;
        let block = (off % POOL_SIZE - POOL_OVERHEAD) / block_size(c);
        let was_full = pool.free.is_empty() && pool.fresh as usize == blocks_per_pool(c);
        pool.free.push(block as u16);
        pool.used -= 1;
        let now_empty = pool.used == 0;
        if now_empty {
            pool.class = FREE_POOL;
            pool.free = Vec::new();
            arena.free_pools += 1;
        }
        let arena_empty = arena.free_pools == POOLS_PER_ARENA;
        if now_empty {
            self.usable(c).retain(|&x| x != (base, idx));
        } else if was_full {
            self.usable(c).push((base, idx));
        }
        // Like CPython since 3.9 (bpo-37257), an empty arena goes back to
        // the system only when another arena still has free pools: else a
        // program that allocates and frees one object of a size class no
        // live pool serves would map and unmap an arena every time.
        if arena_empty
            && self
                .arenas
                .iter()
                .any(|(&b, a)| b != base && a.free_pools > 0)
        {
            if let Some(a) = self.arenas.remove(&base) {
                // SAFETY: `a.base` came from `std::alloc::alloc(arena_layout())`
                // and no block of it is in use any more.
                unsafe { std::alloc::dealloc(a.base.as_ptr(), arena_layout()) };
                self.counts.current -= 1;
                self.counts.reclaimed += 1;
            }
        }
        true
    }

    /// Per size class: (pools, blocks in use, free blocks in those pools).
    pub fn class_stats(&self) -> Vec<(usize, usize, usize)> {
        let mut out = vec![(0, 0, 0); NB_SMALL_SIZE_CLASSES];
        for a in self.arenas.values() {
            for p in &a.pools {
                if p.class != FREE_POOL {
                    let c = p.class as usize;
                    out[c].0 += 1;
                    out[c].1 += p.used as usize;
                    out[c].2 += blocks_per_pool(c) - p.used as usize;
                }
            }
        }
        out
    }

    /// Free pools across all arenas.
    pub fn unused_pools(&self) -> usize {
        self.arenas.values().map(|a| a.free_pools).sum()
    }

    pub fn arena_counts(&self) -> ArenaCounts {
        self.counts
    }
}
