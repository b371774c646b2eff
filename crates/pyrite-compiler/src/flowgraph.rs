//! The control-flow graph the code generator emits into, and the passes
//! CPython 3.11 runs over it before assembly.
//!
//! Mirrors the CFG half of CPython 3.11 `Python/compile.c`: instructions
//! live in basic blocks chained by `next` (the layout order); jumps name a
//! target block and are "virtual" (direction-free: `JUMP`,
//! `POP_JUMP_IF_FALSE`, ...) until `normalize_jumps` picks the forward or
//! backward opcode; exception handling is expressed with the pseudo
//! instructions `SETUP_FINALLY`/`SETUP_CLEANUP`/`SETUP_WITH`/`POP_BLOCK`,
//! which `label_exception_targets` turns into a per-instruction handler
//! block (later the exception table) before they become `NOP`s. The passes:
//! peephole optimization (constant conditions, tuple folding, jump
//! threading, `SWAP` elimination), exit-block inlining, unreachable code
//! removal, line number propagation and stack depth. (3.11 keeps exception
//! handlers in place; moving "cold" blocks to the end came with 3.12.)
//!
//! Invariant after `normalize_basic_block`: a block's instructions stop at
//! its first terminator (return, raise, reraise, unconditional jump).

use std::collections::HashMap;

use pyrite_bytecode::{Constant, Opcode};

use crate::consts::{const_key, ConstKey};

pub type BlockId = usize;
pub const NO_BLOCK: BlockId = usize::MAX;

/// A source span: 1-based lines, 0-based UTF-8 byte columns; -1 is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Loc {
    pub const NONE: Loc = Loc {
        lineno: -1,
        end_lineno: -1,
        col: -1,
        end_col: -1,
    };
}

/// An instruction: a real opcode or one of compile.c's pseudo-ops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Real(Opcode),
    SetupFinally,
    SetupCleanup,
    SetupWith,
    PopBlock,
    Jump,
    JumpNoInterrupt,
    PopJumpIfFalse,
    PopJumpIfTrue,
    PopJumpIfNone,
    PopJumpIfNotNone,
}

impl From<Opcode> for Op {
    fn from(o: Opcode) -> Op {
        Op::Real(o)
    }
}

use Opcode as O;

impl Op {
    pub fn is_jump(self) -> bool {
        match self {
            Op::Real(o) => o.is_jump(),
            Op::Jump
            | Op::JumpNoInterrupt
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone => true,
            _ => false,
        }
    }
    pub fn is_block_push(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }
    pub fn is_unconditional_jump(self) -> bool {
        matches!(
            self,
            Op::Jump
                | Op::JumpNoInterrupt
                | Op::Real(O::JUMP_FORWARD)
                | Op::Real(O::JUMP_BACKWARD)
                | Op::Real(O::JUMP_BACKWARD_NO_INTERRUPT)
        )
    }
    pub fn is_scope_exit(self) -> bool {
        matches!(
            self,
            Op::Real(O::RETURN_VALUE) | Op::Real(O::RAISE_VARARGS) | Op::Real(O::RERAISE)
        )
    }
    /// CPython's `stack_effect(op, arg, jump)`.
    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        match self {
            // The opcode table says `-arg` for CALL; CPython 3.11's
            // `stack_effect` (and the real stack) is -1: PRECALL already
            // accounted for the arguments.
            Op::Real(O::CALL) => -1,
            Op::Real(o) => o.stack_effect(arg, jump),
            Op::SetupFinally => {
                if jump {
                    1
                } else {
                    0
                }
            }
            Op::SetupCleanup => {
                if jump {
                    2
                } else {
                    0
                }
            }
            Op::SetupWith => {
                if jump {
                    1
                } else {
                    0
                }
            }
            Op::PopBlock | Op::Jump | Op::JumpNoInterrupt => 0,
            Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => -1,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: BlockId,
    pub loc: Loc,
    pub except: BlockId,
}

impl Instr {
    pub fn is(&self, o: Opcode) -> bool {
        self.op == Op::Real(o)
    }
}

#[derive(Debug, Clone)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub next: BlockId,
    pub predecessors: u32,
    pub nofallthrough: bool,
    pub exit: bool,
    pub startdepth: i32,
    pub preserve_lasti: bool,
    pub visited: bool,
    pub except_handler: bool,
    pub offset: u32,
}

impl Block {
    fn new() -> Block {
        Block {
            instrs: Vec::new(),
            next: NO_BLOCK,
            predecessors: 0,
            nofallthrough: false,
            exit: false,
            startdepth: i32::MIN,
            preserve_lasti: false,
            visited: false,
            except_handler: false,
            offset: 0,
        }
    }
}

/// A function's control-flow graph.
#[derive(Debug, Clone)]
pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
    pub cur: BlockId,
}

impl Cfg {
    pub fn new() -> Cfg {
        Cfg {
            blocks: vec![Block::new()],
            entry: 0,
            cur: 0,
        }
    }

    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::new());
        self.blocks.len() - 1
    }

    /// `compiler_use_next_block`: chain `b` after the current block.
    pub fn use_next_block(&mut self, b: BlockId) {
        let cur = self.cur;
        self.blocks[cur].next = b;
        self.cur = b;
    }

    /// Append an instruction; a jump always ends its block, so anything
    /// after one starts a new (implicit) block, as in CPython 3.11.
    pub fn emit(&mut self, op: Op, arg: u32, target: BlockId, loc: Loc) {
        if self.blocks[self.cur]
            .instrs
            .last()
            .is_some_and(|i| i.op.is_jump())
        {
            let b = self.new_block();
            self.use_next_block(b);
        }
        let cur = self.cur;
        self.blocks[cur].instrs.push(Instr {
            op,
            arg,
            target,
            loc,
            except: NO_BLOCK,
        });
    }

    pub fn cur_block(&self) -> &Block {
        &self.blocks[self.cur]
    }

    /// Blocks in layout order.
    pub fn order(&self) -> Vec<BlockId> {
        let mut v = Vec::new();
        let mut b = self.entry;
        while b != NO_BLOCK {
            v.push(b);
            b = self.blocks[b].next;
        }
        v
    }

    fn next_nonempty(&self, mut b: BlockId) -> BlockId {
        while b != NO_BLOCK && self.blocks[b].instrs.is_empty() {
            b = self.blocks[b].next;
        }
        b
    }
}

/// Truncate after the first terminator; set `exit`/`nofallthrough`.
pub fn normalize_basic_block(b: &mut Block) {
    for i in 0..b.instrs.len() {
        let op = b.instrs[i].op;
        if op.is_scope_exit() {
            b.exit = true;
            b.nofallthrough = true;
            b.instrs.truncate(i + 1);
            return;
        }
        if op.is_unconditional_jump() {
            b.nofallthrough = true;
            b.instrs.truncate(i + 1);
            return;
        }
    }
}

const MAX_COPY_SIZE: usize = 4;

/// Replace a jump to a small exit block by a copy of that block.
fn extend_block(cfg: &mut Cfg, b: BlockId) {
    let Some(last) = cfg.blocks[b].instrs.last().copied() else {
        return;
    };
    if !last.op.is_unconditional_jump() {
        return;
    }
    let t = last.target;
    // Only blocks without line numbers (implicit `return None`s) are copied.
    if cfg.blocks[t].instrs.iter().any(|i| i.loc.lineno >= 0) {
        return;
    }
    if cfg.blocks[t].exit && cfg.blocks[t].instrs.len() <= MAX_COPY_SIZE {
        let copy = cfg.blocks[t].instrs.clone();
        let bb = &mut cfg.blocks[b];
        let n = bb.instrs.len();
        bb.instrs[n - 1].op = Op::Real(O::NOP);
        bb.instrs.extend(copy);
        bb.exit = true;
    }
}

/// Remove `NOP`s that do not carry a needed line number.
pub fn clean_basic_block(cfg: &mut Cfg, b: BlockId) {
    let next_line = {
        let n = cfg.next_nonempty(cfg.blocks[b].next);
        if n == NO_BLOCK {
            None
        } else {
            Some(cfg.blocks[n].instrs[0].loc.lineno)
        }
    };
    let bb = &mut cfg.blocks[b];
    let mut out: Vec<Instr> = Vec::with_capacity(bb.instrs.len());
    let mut prev_lineno = -1;
    let n = bb.instrs.len();
    let mut i = 0;
    while i < n {
        let ins = bb.instrs[i];
        let lineno = ins.loc.lineno;
        if ins.is(O::NOP) {
            if lineno < 0 || prev_lineno == lineno {
                i += 1;
                continue;
            }
            if i < n - 1 {
                let nl = bb.instrs[i + 1].loc.lineno;
                if nl < 0 {
                    bb.instrs[i + 1].loc = ins.loc;
                    i += 1;
                    continue;
                }
                if nl == lineno {
                    i += 1;
                    continue;
                }
            } else if next_line == Some(lineno) {
                i += 1;
                continue;
            }
        }
        out.push(ins);
        prev_lineno = lineno;
        i += 1;
    }
    bb.instrs = out;
}

fn jump_thread(ins: &mut Instr, target: &Instr, op: Op) -> bool {
    if ins.loc.lineno == target.loc.lineno && ins.target != target.target {
        ins.target = target.target;
        ins.op = op;
        return true;
    }
    false
}

/// Constant truth value, for folding conditional jumps on constants.
fn const_truth(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis => true,
        Constant::Int(i) => *i != dashu_int::IBig::ZERO,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
        Constant::Str(s) | Constant::SurrStr(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => true,
    }
}

/// The constant pool being built, shared with the peephole pass, which may
/// add folded tuples.
pub struct ConstPool {
    pub consts: Vec<Constant>,
    pub map: HashMap<ConstKey, u32>,
}

impl ConstPool {
    pub fn add(&mut self, c: Constant) -> u32 {
        let k = const_key(&c);
        if let Some(&i) = self.map.get(&k) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        self.map.insert(k, i);
        i
    }
}

fn fold_tuple_on_constants(bb: &mut Block, i: usize, n: usize, pool: &mut ConstPool) -> bool {
    if n > i {
        return false;
    }
    for j in 0..n {
        if !bb.instrs[i - n + j].is(O::LOAD_CONST) {
            return false;
        }
    }
    let items: Vec<Constant> = (0..n)
        .map(|j| pool.consts[bb.instrs[i - n + j].arg as usize].clone())
        .collect();
    let idx = pool.add(Constant::Tuple(items.into()));
    for j in 0..n {
        bb.instrs[i - n + j].op = Op::Real(O::NOP);
    }
    bb.instrs[i].op = Op::Real(O::LOAD_CONST);
    bb.instrs[i].arg = idx;
    true
}

/// CPython's `optimize_basic_block`.
fn optimize_basic_block(cfg: &mut Cfg, b: BlockId, pool: &mut ConstPool) {
    let nop = Instr {
        op: Op::Real(O::NOP),
        arg: 0,
        target: NO_BLOCK,
        loc: Loc::NONE,
        except: NO_BLOCK,
    };
    let mut i: isize = 0;
    while (i as usize) < cfg.blocks[b].instrs.len() {
        let iu = i as usize;
        let mut inst = cfg.blocks[b].instrs[iu];
        let len = cfg.blocks[b].instrs.len();
        let nextop = if iu + 1 < len {
            Some(cfg.blocks[b].instrs[iu + 1].op)
        } else {
            None
        };
        let target = if inst.op.is_jump() || inst.op.is_block_push() {
            let mut t = inst.target;
            while cfg.blocks[t].instrs.is_empty() {
                t = cfg.blocks[t].next;
            }
            inst.target = t;
            cfg.blocks[b].instrs[iu].target = t;
            cfg.blocks[t].instrs[0]
        } else {
            nop
        };
        match inst.op {
            Op::Real(O::LOAD_CONST) => {
                let cnt = pool.consts[inst.arg as usize].clone();
                match nextop {
                    Some(Op::PopJumpIfFalse) | Some(Op::PopJumpIfTrue) => {
                        let is_true = const_truth(&cnt);
                        let jump_if_true = nextop == Some(Op::PopJumpIfTrue);
                        let bb = &mut cfg.blocks[b];
                        bb.instrs[iu].op = Op::Real(O::NOP);
                        if is_true == jump_if_true {
                            bb.instrs[iu + 1].op = Op::Jump;
                            bb.nofallthrough = true;
                        } else {
                            bb.instrs[iu + 1].op = Op::Real(O::NOP);
                        }
                    }
                    Some(Op::Real(O::JUMP_IF_FALSE_OR_POP))
                    | Some(Op::Real(O::JUMP_IF_TRUE_OR_POP)) => {
                        let is_true = const_truth(&cnt);
                        let jump_if_true = nextop == Some(Op::Real(O::JUMP_IF_TRUE_OR_POP));
                        let bb = &mut cfg.blocks[b];
                        if is_true == jump_if_true {
                            bb.instrs[iu + 1].op = Op::Jump;
                            bb.nofallthrough = true;
                        } else {
                            bb.instrs[iu].op = Op::Real(O::NOP);
                            bb.instrs[iu + 1].op = Op::Real(O::NOP);
                        }
                    }
                    Some(Op::Real(O::IS_OP)) => {
                        let bb = &mut cfg.blocks[b];
                        let jump_op = if iu + 2 < len {
                            Some(bb.instrs[iu + 2].op)
                        } else {
                            None
                        };
                        if matches!(cnt, Constant::None)
                            && matches!(jump_op, Some(Op::PopJumpIfFalse) | Some(Op::PopJumpIfTrue))
                        {
                            let nextarg = bb.instrs[iu + 1].arg;
                            bb.instrs[iu].op = Op::Real(O::NOP);
                            bb.instrs[iu + 1].op = Op::Real(O::NOP);
                            let jf = jump_op == Some(Op::PopJumpIfFalse);
                            bb.instrs[iu + 2].op = if (nextarg != 0) ^ jf {
                                Op::PopJumpIfNotNone
                            } else {
                                Op::PopJumpIfNone
                            };
                        }
                    }
                    _ => {}
                }
            }
            Op::Real(O::BUILD_TUPLE) => {
                let oparg = inst.arg;
                if nextop == Some(Op::Real(O::UNPACK_SEQUENCE))
                    && cfg.blocks[b].instrs[iu + 1].arg == oparg
                {
                    let bb = &mut cfg.blocks[b];
                    match oparg {
                        1 => {
                            bb.instrs[iu].op = Op::Real(O::NOP);
                            bb.instrs[iu + 1].op = Op::Real(O::NOP);
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            bb.instrs[iu].op = Op::Real(O::NOP);
                            bb.instrs[iu + 1].op = Op::Real(O::SWAP);
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                if iu >= oparg as usize {
                    fold_tuple_on_constants(&mut cfg.blocks[b], iu, oparg as usize, pool);
                }
            }
            Op::Real(O::JUMP_IF_FALSE_OR_POP) => match target.op {
                Op::PopJumpIfFalse
                    if jump_thread(&mut cfg.blocks[b].instrs[iu], &target, Op::PopJumpIfFalse) =>
                {
                    i -= 1;
                }
                Op::Jump | Op::Real(O::JUMP_IF_FALSE_OR_POP)
                    if jump_thread(
                        &mut cfg.blocks[b].instrs[iu],
                        &target,
                        Op::Real(O::JUMP_IF_FALSE_OR_POP),
                    ) =>
                {
                    i -= 1;
                }
                Op::Real(O::JUMP_IF_TRUE_OR_POP) | Op::PopJumpIfTrue
                    if inst.loc.lineno == target.loc.lineno =>
                {
                    let t = inst.target;
                    let nt = cfg.blocks[t].next;
                    let ins = &mut cfg.blocks[b].instrs[iu];
                    ins.op = Op::PopJumpIfFalse;
                    ins.target = nt;
                    i -= 1;
                }
                _ => {}
            },
            Op::Real(O::JUMP_IF_TRUE_OR_POP) => match target.op {
                Op::PopJumpIfTrue
                    if jump_thread(&mut cfg.blocks[b].instrs[iu], &target, Op::PopJumpIfTrue) =>
                {
                    i -= 1;
                }
                Op::Jump | Op::Real(O::JUMP_IF_TRUE_OR_POP)
                    if jump_thread(
                        &mut cfg.blocks[b].instrs[iu],
                        &target,
                        Op::Real(O::JUMP_IF_TRUE_OR_POP),
                    ) =>
                {
                    i -= 1;
                }
                Op::Real(O::JUMP_IF_FALSE_OR_POP) | Op::PopJumpIfFalse
                    if inst.loc.lineno == target.loc.lineno =>
                {
                    let t = inst.target;
                    let nt = cfg.blocks[t].next;
                    let ins = &mut cfg.blocks[b].instrs[iu];
                    ins.op = Op::PopJumpIfTrue;
                    ins.target = nt;
                    i -= 1;
                }
                _ => {}
            },
            Op::PopJumpIfNotNone | Op::PopJumpIfNone | Op::PopJumpIfFalse | Op::PopJumpIfTrue
                if target.op == Op::Jump =>
            {
                let op = inst.op;
                if jump_thread(&mut cfg.blocks[b].instrs[iu], &target, op) {
                    i -= 1;
                }
            }
            Op::Jump
                if target.op == Op::Jump
                    && jump_thread(&mut cfg.blocks[b].instrs[iu], &target, Op::Jump) =>
            {
                i -= 1;
            }
            Op::Real(O::SWAP) => {
                if inst.arg == 1 {
                    cfg.blocks[b].instrs[iu].op = Op::Real(O::NOP);
                } else {
                    let mut ii = iu;
                    crate::swaps::swaptimize(&mut cfg.blocks[b], &mut ii);
                    crate::swaps::apply_static_swaps(&mut cfg.blocks[b], ii);
                    i = ii as isize;
                }
            }
            Op::Real(O::PUSH_NULL)
                if nextop == Some(Op::Real(O::LOAD_GLOBAL))
                    && cfg.blocks[b].instrs[iu + 1].arg & 1 == 0 =>
            {
                let bb = &mut cfg.blocks[b];
                bb.instrs[iu].op = Op::Real(O::NOP);
                bb.instrs[iu].arg = 0;
                bb.instrs[iu + 1].arg |= 1;
            }
            _ => {}
        }
        i += 1;
    }
}

fn mark_reachable(cfg: &mut Cfg) {
    for b in cfg.blocks.iter_mut() {
        b.predecessors = 0;
        b.visited = false;
    }
    let mut stack = vec![cfg.entry];
    cfg.blocks[cfg.entry].predecessors = 1;
    cfg.blocks[cfg.entry].visited = true;
    while let Some(b) = stack.pop() {
        let next = cfg.blocks[b].next;
        if !cfg.blocks[b].nofallthrough && next != NO_BLOCK {
            if !cfg.blocks[next].visited {
                cfg.blocks[next].visited = true;
                stack.push(next);
            }
            cfg.blocks[next].predecessors += 1;
        }
        for k in 0..cfg.blocks[b].instrs.len() {
            let ins = cfg.blocks[b].instrs[k];
            if ins.op.is_jump() || ins.op.is_block_push() {
                let t = ins.target;
                if !cfg.blocks[t].visited {
                    cfg.blocks[t].visited = true;
                    stack.push(t);
                }
                cfg.blocks[t].predecessors += 1;
            }
        }
    }
}

fn eliminate_empty_basic_blocks(cfg: &mut Cfg) {
    // Skip empty blocks in the chain.
    let mut first = cfg.entry;
    while first != NO_BLOCK
        && cfg.blocks[first].instrs.is_empty()
        && cfg.blocks[first].next != NO_BLOCK
    {
        first = cfg.blocks[first].next;
    }
    cfg.entry = first;
    let mut b = first;
    while b != NO_BLOCK {
        let mut n = cfg.blocks[b].next;
        while n != NO_BLOCK && cfg.blocks[n].instrs.is_empty() {
            n = cfg.blocks[n].next;
        }
        cfg.blocks[b].next = n;
        b = n;
    }
    for b in cfg.order() {
        for k in 0..cfg.blocks[b].instrs.len() {
            let ins = cfg.blocks[b].instrs[k];
            if ins.op.is_jump() || ins.op.is_block_push() {
                let mut t = ins.target;
                while cfg.blocks[t].instrs.is_empty() {
                    t = cfg.blocks[t].next;
                }
                cfg.blocks[b].instrs[k].target = t;
            }
        }
    }
}

pub fn remove_redundant_jumps(cfg: &mut Cfg) -> bool {
    let mut removed = false;
    for b in cfg.order() {
        let next = cfg.blocks[b].next;
        let bb = &mut cfg.blocks[b];
        if let Some(last) = bb.instrs.last_mut() {
            if matches!(last.op, Op::Jump | Op::JumpNoInterrupt) && last.target == next {
                last.op = Op::Real(O::NOP);
                bb.nofallthrough = false;
                removed = true;
            }
        }
    }
    removed
}

/// CPython's `optimize_cfg`.
pub fn optimize_cfg(cfg: &mut Cfg, pool: &mut ConstPool) {
    let order = cfg.order();
    for &b in &order {
        normalize_basic_block(&mut cfg.blocks[b]);
        // Jumps skip over empty blocks.
        for k in 0..cfg.blocks[b].instrs.len() {
            if cfg.blocks[b].instrs[k].op.is_jump() {
                let mut t = cfg.blocks[b].instrs[k].target;
                while cfg.blocks[t].instrs.is_empty() && cfg.blocks[t].next != NO_BLOCK {
                    t = cfg.blocks[t].next;
                }
                cfg.blocks[b].instrs[k].target = t;
            }
        }
    }
    for &b in &order {
        extend_block(cfg, b);
    }
    for &b in &order {
        optimize_basic_block(cfg, b, pool);
        clean_basic_block(cfg, b);
    }
    for &b in &order {
        extend_block(cfg, b);
    }
    mark_reachable(cfg);
    for &b in &order {
        if cfg.blocks[b].predecessors == 0 {
            cfg.blocks[b].instrs.clear();
        }
    }
    eliminate_empty_basic_blocks(cfg);
    for b in cfg.order() {
        clean_basic_block(cfg, b);
    }
    remove_redundant_jumps(cfg);
}

fn is_exit_without_lineno(b: &Block) -> bool {
    b.exit && b.instrs.iter().all(|i| i.loc.lineno < 0)
}

/// Copy exit blocks without a line number that several jumps reach, so
/// each copy can take the line of its jump.
pub fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    // CPython walks its list of all blocks, newest first.
    let reachable: std::collections::HashSet<BlockId> = cfg.order().into_iter().collect();
    let mut by_age: Vec<BlockId> = reachable.iter().copied().collect();
    by_age.sort_unstable_by(|a, b| b.cmp(a));
    for b in by_age {
        let Some(last) = cfg.blocks[b].instrs.last().copied() else {
            continue;
        };
        if !last.op.is_jump() {
            continue;
        }
        let t = last.target;
        if is_exit_without_lineno(&cfg.blocks[t]) && cfg.blocks[t].predecessors > 1 {
            let mut nb = cfg.blocks[t].clone();
            nb.instrs[0].loc = last.loc;
            nb.predecessors = 1;
            nb.next = cfg.blocks[t].next;
            cfg.blocks.push(nb);
            let nid = cfg.blocks.len() - 1;
            cfg.blocks[t].next = nid;
            cfg.blocks[t].predecessors -= 1;
            let n = cfg.blocks[b].instrs.len();
            cfg.blocks[b].instrs[n - 1].target = nid;
        }
    }
    for b in cfg.order() {
        let next = cfg.blocks[b].next;
        if !cfg.blocks[b].nofallthrough
            && next != NO_BLOCK
            && !cfg.blocks[b].instrs.is_empty()
            && is_exit_without_lineno(&cfg.blocks[next])
        {
            let loc = cfg.blocks[b].instrs.last().unwrap().loc;
            cfg.blocks[next].instrs[0].loc = loc;
        }
    }
}

pub fn propagate_line_numbers(cfg: &mut Cfg) {
    for b in cfg.order() {
        if cfg.blocks[b].instrs.is_empty() {
            continue;
        }
        let mut prev = Loc::NONE;
        for ins in cfg.blocks[b].instrs.iter_mut() {
            if ins.loc.lineno < 0 {
                ins.loc = prev;
            } else {
                prev = ins.loc;
            }
        }
        let next = cfg.blocks[b].next;
        if !cfg.blocks[b].nofallthrough && next != NO_BLOCK && cfg.blocks[next].predecessors == 1 {
            if let Some(f) = cfg.blocks[next].instrs.first_mut() {
                if f.loc.lineno < 0 {
                    f.loc = prev;
                }
            }
        }
        let last = *cfg.blocks[b].instrs.last().unwrap();
        if last.op.is_jump() {
            let t = last.target;
            if cfg.blocks[t].predecessors == 1 {
                if let Some(f) = cfg.blocks[t].instrs.first_mut() {
                    if f.loc.lineno < 0 {
                        f.loc = prev;
                    }
                }
            }
        }
    }
}

pub fn guarantee_lineno_for_exits(cfg: &mut Cfg, firstlineno: i32) {
    let mut lineno = firstlineno;
    for b in cfg.order() {
        let bb = &mut cfg.blocks[b];
        let Some(last) = bb.instrs.last().copied() else {
            continue;
        };
        if last.loc.lineno < 0 {
            if last.is(O::RETURN_VALUE) {
                for ins in bb.instrs.iter_mut() {
                    ins.loc.lineno = lineno;
                }
            }
        } else {
            lineno = last.loc.lineno;
        }
    }
}

/// Maximum stack depth; also records each block's entry depth.
/// Generators start at depth 1 (the value `RETURN_GENERATOR` leaves for
/// the following `POP_TOP`).
pub fn stackdepth(cfg: &mut Cfg, is_gen: bool) -> Result<i32, String> {
    for b in cfg.blocks.iter_mut() {
        b.startdepth = i32::MIN;
    }
    let mut stack: Vec<BlockId> = Vec::new();
    let mut maxdepth = 0;
    fn push(cfg: &mut Cfg, stack: &mut Vec<BlockId>, b: BlockId, depth: i32) -> Result<(), String> {
        let sd = cfg.blocks[b].startdepth;
        if sd != i32::MIN && sd != depth {
            return Err(format!(
                "inconsistent stack depth at block {b}: {sd} vs {depth}"
            ));
        }
        if sd == i32::MIN {
            cfg.blocks[b].startdepth = depth;
            stack.push(b);
        }
        Ok(())
    }
    push(cfg, &mut stack, cfg.entry, is_gen as i32)?;
    while let Some(b) = stack.pop() {
        let mut depth = cfg.blocks[b].startdepth;
        let mut next = cfg.blocks[b].next;
        for k in 0..cfg.blocks[b].instrs.len() {
            let ins = cfg.blocks[b].instrs[k];
            let effect = ins.op.stack_effect(ins.arg, false);
            let new_depth = depth + effect;
            if new_depth < 0 {
                return Err(format!(
                    "negative stack depth at {:?} in block {b}:\n{}",
                    ins.op,
                    dump(cfg)
                ));
            }
            maxdepth = maxdepth.max(new_depth);
            if ins.op.is_jump() || ins.op.is_block_push() {
                let te = ins.op.stack_effect(ins.arg, true);
                let td = depth + te;
                maxdepth = maxdepth.max(td);
                push(cfg, &mut stack, ins.target, td)?;
            }
            depth = new_depth;
            if ins.op.is_unconditional_jump() || ins.op.is_scope_exit() {
                next = NO_BLOCK;
                break;
            }
        }
        if next != NO_BLOCK {
            push(cfg, &mut stack, next, depth)?;
        }
    }
    Ok(maxdepth)
}

/// Give every instruction the handler block in force there (`except`),
/// following `SETUP_*`/`POP_BLOCK` along all paths.
pub fn label_exception_targets(cfg: &mut Cfg) {
    for b in cfg.blocks.iter_mut() {
        b.visited = false;
    }
    let mut todo: Vec<(BlockId, Vec<BlockId>)> = vec![(cfg.entry, Vec::new())];
    cfg.blocks[cfg.entry].visited = true;
    while let Some((b, mut except_stack)) = todo.pop() {
        let n = cfg.blocks[b].instrs.len();
        let mut handler = except_stack.last().copied().unwrap_or(NO_BLOCK);
        let mut fell_off = true;
        for k in 0..n {
            let ins = cfg.blocks[b].instrs[k];
            if ins.op.is_block_push() {
                let t = ins.target;
                if !cfg.blocks[t].visited {
                    cfg.blocks[t].visited = true;
                    todo.push((t, except_stack.clone()));
                }
                except_stack.push(t);
                handler = t;
                cfg.blocks[t].except_handler = true;
                if ins.op != Op::SetupFinally {
                    cfg.blocks[t].preserve_lasti = true;
                }
            } else if ins.op == Op::PopBlock {
                except_stack.pop();
                handler = except_stack.last().copied().unwrap_or(NO_BLOCK);
            } else if ins.op.is_jump() {
                cfg.blocks[b].instrs[k].except = handler;
                let t = ins.target;
                if !cfg.blocks[t].visited {
                    cfg.blocks[t].visited = true;
                    todo.push((t, except_stack.clone()));
                }
            } else {
                cfg.blocks[b].instrs[k].except = handler;
            }
            if ins.op.is_unconditional_jump() || ins.op.is_scope_exit() {
                fell_off = false;
                break;
            }
        }
        let next = cfg.blocks[b].next;
        if fell_off && !cfg.blocks[b].nofallthrough && next != NO_BLOCK && !cfg.blocks[next].visited
        {
            cfg.blocks[next].visited = true;
            todo.push((next, except_stack));
        }
    }
}

pub fn convert_exception_handlers_to_nops(cfg: &mut Cfg) {
    for b in cfg.blocks.iter_mut() {
        for ins in b.instrs.iter_mut() {
            if ins.op.is_block_push() || ins.op == Op::PopBlock {
                ins.op = Op::Real(O::NOP);
            }
        }
    }
}

/// Choose the forward or backward form of every virtual jump.
pub fn normalize_jumps(cfg: &mut Cfg) {
    let order = cfg.order();
    for b in cfg.blocks.iter_mut() {
        b.visited = false;
    }
    for &b in &order {
        cfg.blocks[b].visited = true;
        let Some(last) = cfg.blocks[b].instrs.last().copied() else {
            continue;
        };
        let backwards =
            cfg.blocks[last.target.min(cfg.blocks.len() - 1)].visited && last.target != NO_BLOCK;
        let op = match last.op {
            Op::Jump => Some(if backwards {
                O::JUMP_BACKWARD
            } else {
                O::JUMP_FORWARD
            }),
            Op::JumpNoInterrupt => Some(if backwards {
                O::JUMP_BACKWARD_NO_INTERRUPT
            } else {
                O::JUMP_FORWARD
            }),
            Op::PopJumpIfFalse => Some(if backwards {
                O::POP_JUMP_BACKWARD_IF_FALSE
            } else {
                O::POP_JUMP_FORWARD_IF_FALSE
            }),
            Op::PopJumpIfTrue => Some(if backwards {
                O::POP_JUMP_BACKWARD_IF_TRUE
            } else {
                O::POP_JUMP_FORWARD_IF_TRUE
            }),
            Op::PopJumpIfNone => Some(if backwards {
                O::POP_JUMP_BACKWARD_IF_NONE
            } else {
                O::POP_JUMP_FORWARD_IF_NONE
            }),
            Op::PopJumpIfNotNone => Some(if backwards {
                O::POP_JUMP_BACKWARD_IF_NOT_NONE
            } else {
                O::POP_JUMP_FORWARD_IF_NOT_NONE
            }),
            _ => None,
        };
        if let Some(op) = op {
            let n = cfg.blocks[b].instrs.len();
            cfg.blocks[b].instrs[n - 1].op = Op::Real(op);
        }
    }
}

/// A readable listing of the CFG, for internal error messages.
pub fn dump(cfg: &Cfg) -> String {
    let mut out = String::new();
    for b in cfg.order() {
        let bb = &cfg.blocks[b];
        out.push_str(&format!(
            "block {b} (depth {}, preds {}):\n",
            bb.startdepth, bb.predecessors
        ));
        for i in &bb.instrs {
            let t = if i.target == NO_BLOCK {
                String::new()
            } else {
                format!(" -> {}", i.target)
            };
            out.push_str(&format!(
                "    {:?} {}{} @{}\n",
                i.op, i.arg, t, i.loc.lineno
            ));
        }
    }
    out
}
