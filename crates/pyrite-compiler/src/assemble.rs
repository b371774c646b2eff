//! The assembler: from a finished unit's CFG to a `CodeObject`.
//!
//! Mirrors `assemble()` and its helpers in CPython 3.11 `Python/compile.c`:
//! the implicit `return None`, the prologue (`COPY_FREE_VARS`, `MAKE_CELL`,
//! `RETURN_GENERATOR` + `POP_TOP`), cell/free slot numbering in localsplus
//! (`fix_cell_offsets`), the CFG passes of `flowgraph.rs`, jump offsets with
//! `EXTENDED_ARG` (iterated until sizes are stable), zeroed inline caches,
//! the exception table and the location table.
//!
//! Debugging: with `PYRITE_DUMP_CFG` set in the environment, every unit's
//! CFG is printed to stderr before and after optimization.

use std::rc::Rc;

use pyrite_bytecode::exceptiontable::{self, ExceptionEntry};
use pyrite_bytecode::linetable::LineTableWriter;
use pyrite_bytecode::{CodeFlags, CodeObject, Constant, LocalKind, Opcode};

use crate::codegen::Unit;
use crate::flowgraph::{self, Instr, Loc, Op, NO_BLOCK};

use Opcode as O;

fn instr_size(ins: &Instr) -> u32 {
    let op = match ins.op {
        Op::Real(o) => o,
        _ => return 1,
    };
    let a = ins.arg;
    let ext = if a > 0xFF_FFFF {
        4
    } else if a > 0xFFFF {
        3
    } else if a > 0xFF {
        2
    } else {
        1
    };
    ext + op.cache_entries() as u32
}

/// Turn `unit` into a code object. `add_none`: the implicit return at the
/// end returns `None` (else whatever is on the stack).
pub fn assemble(
    mut u: Unit<'_>,
    add_none: bool,
    flags: u32,
    filename: &Rc<str>,
) -> Result<CodeObject, String> {
    // Every block that falls off the end returns None.
    // (CPython's `b_return`: the block holds a return, even if dead code
    // follows it.)
    let returns = u
        .cfg
        .cur_block()
        .instrs
        .iter()
        .any(|i| i.is(O::RETURN_VALUE));
    if !returns {
        let mut loc = u.loc;
        loc.lineno = -1;
        if add_none {
            let i = u.consts.add(Constant::None);
            u.cfg.emit(Op::Real(O::LOAD_CONST), i, NO_BLOCK, loc);
        }
        u.cfg.emit(Op::Real(O::RETURN_VALUE), 0, NO_BLOCK, loc);
    }
    for b in 0..u.cfg.blocks.len() {
        flowgraph::normalize_basic_block(&mut u.cfg.blocks[b]);
    }
    let nlocals = u.varnames.len();
    let ncells = u.cellvars.len();
    let nfree = u.freevars.len();
    // cellfixedoffsets
    let mut fixed: Vec<usize> = (0..ncells + nfree).map(|i| nlocals + i).collect();
    for (ci, name) in u.cellvars.names.iter().enumerate() {
        if let Some(vi) = u.varnames.get(name) {
            fixed[ci] = vi as usize;
        }
    }
    if u.firstlineno == 0 {
        u.firstlineno = 1;
    }
    let firstlineno = u.firstlineno;
    // Prologue.
    let entry = u.cfg.entry;
    let mut prefix: Vec<Instr> = Vec::new();
    let noloc = Instr {
        op: Op::Real(O::NOP),
        arg: 0,
        target: NO_BLOCK,
        loc: Loc::NONE,
        except: NO_BLOCK,
    };
    if nfree > 0 {
        prefix.push(Instr {
            op: Op::Real(O::COPY_FREE_VARS),
            arg: nfree as u32,
            ..noloc
        });
    }
    if ncells > 0 {
        let nvars = ncells + nlocals;
        let mut sorted = vec![0usize; nvars];
        for (i, f) in fixed.iter().take(ncells).enumerate() {
            sorted[*f] = i + 1;
        }
        for s in sorted {
            if s > 0 {
                prefix.push(Instr {
                    op: Op::Real(O::MAKE_CELL),
                    arg: (s - 1) as u32,
                    ..noloc
                });
            }
        }
    }
    if flags & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0 {
        prefix.push(Instr {
            op: Op::Real(O::RETURN_GENERATOR),
            loc: Loc {
                lineno: firstlineno,
                end_lineno: firstlineno,
                col: -1,
                end_col: -1,
            },
            ..noloc
        });
        prefix.push(Instr {
            op: Op::Real(O::POP_TOP),
            ..noloc
        });
    }
    if !prefix.is_empty() {
        let body = std::mem::take(&mut u.cfg.blocks[entry].instrs);
        prefix.extend(body);
        u.cfg.blocks[entry].instrs = prefix;
    }
    // fix_cell_offsets
    let mut numdropped = 0;
    for (i, f) in fixed.iter_mut().enumerate() {
        if *f == i + nlocals {
            *f -= numdropped;
        } else {
            numdropped += 1;
        }
    }
    for b in u.cfg.blocks.iter_mut() {
        for ins in b.instrs.iter_mut() {
            if matches!(
                ins.op,
                Op::Real(O::MAKE_CELL)
                    | Op::Real(O::LOAD_CLOSURE)
                    | Op::Real(O::LOAD_DEREF)
                    | Op::Real(O::STORE_DEREF)
                    | Op::Real(O::DELETE_DEREF)
                    | Op::Real(O::LOAD_CLASSDEREF)
            ) {
                ins.arg = fixed[ins.arg as usize] as u32;
            }
        }
    }
    let dump = std::env::var_os("PYRITE_DUMP_CFG").is_some();
    if dump {
        eprintln!(
            "== {} before optimize\n{}",
            u.qualname,
            flowgraph::dump(&u.cfg)
        );
    }
    flowgraph::optimize_cfg(&mut u.cfg, &mut u.consts);
    if dump {
        eprintln!(
            "== {} after optimize\n{}",
            u.qualname,
            flowgraph::dump(&u.cfg)
        );
    }
    flowgraph::duplicate_exits_without_lineno(&mut u.cfg);
    // trim_unused_consts: drop trailing constants nothing loads.
    let mut max_const = 0usize;
    for b in u.cfg.order() {
        for ins in &u.cfg.blocks[b].instrs {
            if matches!(ins.op, Op::Real(O::LOAD_CONST) | Op::Real(O::KW_NAMES)) {
                max_const = max_const.max(ins.arg as usize);
            }
        }
    }
    let mut consts = std::mem::take(&mut u.consts.consts);
    if max_const + 1 < consts.len() {
        consts.truncate(max_const + 1);
    }
    flowgraph::propagate_line_numbers(&mut u.cfg);
    flowgraph::guarantee_lineno_for_exits(&mut u.cfg, firstlineno);
    let is_gen =
        flags & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0;
    let maxdepth = flowgraph::stackdepth(&mut u.cfg, is_gen)?;
    flowgraph::label_exception_targets(&mut u.cfg);
    flowgraph::convert_exception_handlers_to_nops(&mut u.cfg);
    for b in u.cfg.order() {
        flowgraph::clean_basic_block(&mut u.cfg, b);
    }
    flowgraph::normalize_jumps(&mut u.cfg);
    let order = u.cfg.order();
    // Jump offsets, iterated until EXTENDED_ARG sizes are stable.
    loop {
        let mut tot = 0u32;
        for &b in &order {
            u.cfg.blocks[b].offset = tot;
            tot += u.cfg.blocks[b].instrs.iter().map(instr_size).sum::<u32>();
        }
        let mut changed = false;
        for &b in &order {
            let mut pos = u.cfg.blocks[b].offset;
            for k in 0..u.cfg.blocks[b].instrs.len() {
                let ins = u.cfg.blocks[b].instrs[k];
                let isize = instr_size(&ins);
                pos += isize;
                if ins.op.is_jump() {
                    let t = u.cfg.blocks[ins.target].offset;
                    let arg = pos.abs_diff(t);
                    let ins2 = &mut u.cfg.blocks[b].instrs[k];
                    ins2.arg = arg;
                    if instr_size(ins2) != isize {
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    // Emit code and the location table.
    let mut code: Vec<u8> = Vec::new();
    let mut lt = LineTableWriter::new(firstlineno.max(0) as u32);
    for &b in &order {
        for ins in &u.cfg.blocks[b].instrs {
            let Op::Real(op) = ins.op else {
                return Err(format!("pseudo instruction {:?} survived assembly", ins.op));
            };
            let size = instr_size(ins);
            let a = ins.arg;
            let nexts = size - 1 - op.cache_entries() as u32;
            for k in (1..=nexts).rev() {
                code.push(O::EXTENDED_ARG as u8);
                code.push(((a >> (8 * k)) & 0xFF) as u8);
            }
            code.push(op as u8);
            code.push((a & 0xFF) as u8);
            for _ in 0..op.cache_entries() {
                code.push(0);
                code.push(0);
            }
            let l = ins.loc;
            lt.add(size, l.lineno, l.end_lineno, l.col, l.end_col);
        }
    }
    // Exception table.
    let mut entries: Vec<ExceptionEntry> = Vec::new();
    let mut handler = NO_BLOCK;
    let mut start = 0u32;
    let mut ioffset = 0u32;
    for &b in &order {
        ioffset = u.cfg.blocks[b].offset;
        for ins in &u.cfg.blocks[b].instrs {
            if ins.except != handler {
                if handler != NO_BLOCK {
                    entries.push(entry_for(&u, start, ioffset, handler)?);
                }
                start = ioffset;
                handler = ins.except;
            }
            ioffset += instr_size(ins);
        }
    }
    if handler != NO_BLOCK {
        entries.push(entry_for(&u, start, ioffset, handler)?);
    }
    // Localsplus.
    let mut names: Vec<Rc<str>> = u.varnames.names.clone();
    let mut kinds: Vec<u8> = vec![LocalKind::LOCAL; names.len()];
    for c in &u.cellvars.names {
        if let Some(vi) = u.varnames.get(c) {
            kinds[vi as usize] |= LocalKind::CELL;
        } else {
            names.push(c.clone());
            kinds.push(LocalKind::CELL);
        }
    }
    for f in &u.freevars.names {
        names.push(f.clone());
        kinds.push(LocalKind::FREE);
    }
    Ok(CodeObject {
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        stacksize: maxdepth as u32,
        flags,
        code,
        consts,
        names: u.names.names.clone(),
        localsplusnames: names,
        localspluskinds: kinds,
        filename: filename.clone(),
        name: u.name.clone(),
        qualname: u.qualname.clone(),
        firstlineno: firstlineno.max(0) as u32,
        linetable: lt.finish(),
        exceptiontable: exceptiontable::encode(&entries),
    })
}

fn entry_for(u: &Unit<'_>, start: u32, end: u32, handler: usize) -> Result<ExceptionEntry, String> {
    let h = &u.cfg.blocks[handler];
    let mut depth = h.startdepth - 1;
    if h.preserve_lasti {
        depth -= 1;
    }
    if depth < 0 || h.startdepth == i32::MIN {
        return Err("exception handler with unknown stack depth".into());
    }
    Ok(ExceptionEntry {
        start,
        end,
        target: h.offset,
        depth: depth as u32,
        lasti: h.preserve_lasti,
    })
}
