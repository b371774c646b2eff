//! `SWAP` optimization: a run of `SWAP`s is replaced by the fewest `SWAP`s
//! with the same permutation, and `SWAP`s followed by stores are removed by
//! reordering the stores instead.
//!
//! Mirrors `swaptimize` and `apply_static_swaps` of CPython 3.11
//! `Python/compile.c` (the permutation is decomposed into cycles, each cycle
//! rotated through the top of the stack).

use pyrite_bytecode::Opcode as O;

use crate::flowgraph::{Block, Op};

/// Re-emit the run of SWAP/NOP starting at `*ix` minimally; `*ix` moves to
/// the run's last instruction.
pub fn swaptimize(block: &mut Block, ix: &mut usize) {
    let start = *ix;
    let ins = &mut block.instrs;
    let mut depth = ins[start].arg as usize;
    let mut len = 1;
    let mut more = false;
    while start + len < ins.len() {
        match ins[start + len].op {
            Op::Real(O::SWAP) => {
                depth = depth.max(ins[start + len].arg as usize);
                more = true;
            }
            Op::Real(O::NOP) => {}
            _ => break,
        }
        len += 1;
    }
    if !more {
        return;
    }
    const VISITED: usize = usize::MAX;
    let mut stack: Vec<usize> = (0..depth).collect();
    for k in 0..len {
        if ins[start + k].op == Op::Real(O::SWAP) {
            let a = ins[start + k].arg as usize - 1;
            stack.swap(0, a);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                let c = start + current as usize;
                ins[c].op = Op::Real(O::SWAP);
                ins[c].arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next = stack[j];
            stack[j] = VISITED;
            j = next;
        }
    }
    while current >= 0 {
        ins[start + current as usize].op = Op::Real(O::NOP);
        current -= 1;
    }
    *ix = start + len - 1;
}

fn swappable(op: Op) -> bool {
    matches!(op, Op::Real(O::STORE_FAST) | Op::Real(O::POP_TOP))
}

fn stores_to(block: &Block, i: usize) -> Option<u32> {
    if block.instrs[i].op == Op::Real(O::STORE_FAST) {
        Some(block.instrs[i].arg)
    } else {
        None
    }
}

fn next_swappable(block: &Block, mut i: usize, lineno: Option<i32>) -> Option<usize> {
    loop {
        i += 1;
        if i >= block.instrs.len() {
            return None;
        }
        let ins = &block.instrs[i];
        if let Some(l) = lineno {
            if l >= 0 && ins.loc.lineno != l {
                return None;
            }
        }
        if ins.op == Op::Real(O::NOP) {
            continue;
        }
        if swappable(ins.op) {
            return Some(i);
        }
        return None;
    }
}

/// Turn `SWAP`s ending at `i` into reordered stores where that is safe.
pub fn apply_static_swaps(block: &mut Block, i: usize) {
    let mut i = i as isize;
    while i >= 0 {
        let iu = i as usize;
        let op = block.instrs[iu].op;
        if op != Op::Real(O::SWAP) {
            if op == Op::Real(O::NOP) || swappable(op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(block, iu, None) else {
            return;
        };
        let mut k = j;
        let lineno = block.instrs[j].loc.lineno;
        let mut count = block.instrs[iu].arg as i32 - 1;
        while count > 0 {
            match next_swappable(block, k, Some(lineno)) {
                Some(n) => k = n,
                None => return,
            }
            count -= 1;
        }
        let sj = stores_to(block, j);
        let sk = stores_to(block, k);
        if sj.is_some() || sk.is_some() {
            if sj == sk {
                return;
            }
            for idx in j + 1..k {
                let s = stores_to(block, idx);
                if s.is_some() && (s == sj || s == sk) {
                    return;
                }
            }
        }
        block.instrs[iu].op = Op::Real(O::NOP);
        block.instrs.swap(j, k);
        i -= 1;
    }
}
