//! The dispatch loop: fetch, decode, dispatch, and exception unwinding.
//!
//! One Rust invocation of [`run_frame`] runs its entry frame and every
//! Python function that frame calls (and they call, ...): a Python-to-Python
//! call pushes the caller on `callers` and switches frames instead of
//! recursing on the native stack. Native code calling back into Python
//! (`sorted(key=f)`, `__eq__` from a dict lookup, generators resumed by
//! `next`) starts a new invocation, as CPython 3.11 does.
//!
//! Instruction bodies that are more than a few lines live in `ops/`.
//! Mirrors CPython 3.11 `Python/ceval.c` (`_PyEval_EvalFrameDefault`).

use std::rc::Rc;

use pyrite_bytecode::opcodes::Opcode;
use pyrite_bytecode::CodeObject;

use super::frame::Frame;
use super::ops;
use crate::protocol::compare::CompareOp;
use crate::protocol::number::UnaryOp;
use crate::types::exceptions::PyBaseExceptionRef;
use crate::{PyObjectRef, PyResult, Vm};

/// How an entry frame left the loop.
pub enum FrameExit {
    Return(PyObjectRef),
    /// A generator frame yielded: the value and the suspended frame.
    Yield(PyObjectRef, Box<Frame>),
}

/// Call a Python function from native code.
pub fn call_function(
    vm: &Vm,
    func: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: &[PyObjectRef],
) -> PyResult {
    let frame = ops::call::new_frame_for(vm, func, args, kwnames)?;
    match frame {
        ops::call::CallTarget::Frame(f) => match run_frame(vm, f, None)? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(..) => Err(vm.new_system_error("yield from a non-generator frame")),
        },
        ops::call::CallTarget::Done(v) => Ok(v),
    }
}

/// Run module-level or class-body code with a locals mapping.
pub fn run_code(
    vm: &Vm,
    code: &PyObjectRef,
    globals: &PyObjectRef,
    locals: Option<PyObjectRef>,
) -> PyResult {
    let f = ops::call::new_code_frame(vm, code, globals, locals, None, None)?;
    match run_frame(vm, f, None)? {
        FrameExit::Return(v) => Ok(v),
        FrameExit::Yield(..) => Err(vm.new_system_error("yield outside of a generator")),
    }
}

/// Per-frame derived state cached in locals of the loop.
struct Cur {
    code: Rc<CodeObject>,
    instrs: Rc<[super::decode::Instr]>,
}

impl Cur {
    #[inline]
    fn of(f: &Frame) -> Cur {
        Cur {
            code: f.code.code.clone(),
            instrs: f.code.instrs.clone(),
        }
    }
}

/// Run `frame` (and everything it calls) to completion or to a yield. If
/// `throw` is given, the frame starts by raising it at its current
/// instruction (generator `throw()`).
pub fn run_frame(
    vm: &Vm,
    frame: Box<Frame>,
    throw: Option<PyBaseExceptionRef>,
) -> PyResult<FrameExit> {
    vm.enter_call("")?;
    push_frame_info(vm, &frame);
    // Two copies of the loop: the tracing one (`-X trace`) is chosen here,
    // once per entry from native code, so the ordinary one carries no
    // per-instruction check.
    let r = if vm.flags.borrow().trace {
        run_frame_inner::<true>(vm, frame, throw)
    } else {
        run_frame_inner::<false>(vm, frame, throw)
    };
    vm.leave_call();
    r
}

#[inline(always)]
fn push_frame_info(vm: &Vm, f: &Frame) {
    let mut stack = vm.frame_stack.borrow_mut();
    if let Some(caller) = stack.last_mut() {
        caller.lasti = vm.top_lasti.get();
    }
    stack.push(crate::vm::FrameInfo {
        code: f.code.as_object().clone(),
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        frame_obj: f.frame_obj.clone(),
        locals: f.locals.clone(),
        lasti: f.lasti,
        serial: vm.frame_serial.get() + 1,
    });
    vm.frame_serial.set(vm.frame_serial.get() + 1);
    vm.top_lasti.set(f.lasti);
}

/// Leave frame `f`'s activation. A frame object made for it meanwhile by
/// native code (`sys._getframe()`) stays with the frame, so the frame keeps
/// one identity and, when it ends, hands it its locals.
#[inline(always)]
fn pop_frame_info(vm: &Vm, f: &mut Frame) {
    let fi = {
        let mut stack = vm.frame_stack.borrow_mut();
        let fi = stack.pop();
        if let Some(caller) = stack.last() {
            vm.top_lasti.set(caller.lasti);
        }
        fi
    };
    if let Some(fi) = fi {
        // Taken apart field by field so the releases are inlined here (the
        // compiler's drop glue for the struct is an out-of-line call).
        let crate::vm::FrameInfo {
            code,
            globals,
            builtins,
            frame_obj,
            locals,
            ..
        } = fi;
        if f.frame_obj.is_none() {
            f.frame_obj = frame_obj;
        } else {
            drop(frame_obj);
        }
        drop(code);
        drop(globals);
        drop(builtins);
        drop(locals);
    }
}

/// The top-of-stack operand of an instruction that may have a `LOAD_FAST`
/// or `LOAD_CONST` folded into it (`src`, see `decode.rs`): popped, or read
/// from the local or the constant. Under `-X trace` the folded load has
/// already pushed it (`trace_folded`).
#[inline(always)]
fn operand<const TRACE: bool>(
    vm: &Vm,
    f: &mut Frame,
    src: u32,
    lasti: usize,
) -> PyResult<PyObjectRef> {
    if TRACE || src == 0 {
        return Ok(f.pop());
    }
    if src >= super::decode::FOLDED_CONST {
        return Ok(f.code.consts[(src - super::decode::FOLDED_CONST) as usize].clone());
    }
    match &f.slots[src as usize - 1] {
        Some(v) => Ok(v.clone()),
        None => Err(folded_unbound(vm, f, src, lasti)),
    }
}

/// The folded `LOAD_FAST`'s error, raised at its own unit (just before the
/// instruction it was folded into).
#[cold]
#[inline(never)]
fn folded_unbound(vm: &Vm, f: &mut Frame, src: u32, lasti: usize) -> PyBaseExceptionRef {
    f.lasti = lasti - 1;
    vm.top_lasti.set(f.lasti);
    ops::locals::unbound_local(vm, f, src - 1)
}

fn run_frame_inner<const TRACE: bool>(
    vm: &Vm,
    frame: Box<Frame>,
    throw: Option<PyBaseExceptionRef>,
) -> PyResult<FrameExit> {
    let mut f = frame;
    let mut callers: Vec<Box<Frame>> = Vec::new();
    let mut cur = Cur::of(&f);
    let mut pending: Option<PyBaseExceptionRef> = throw;
    // Set by RERAISE and bare `raise`: the exception already has this
    // frame in its traceback.
    let mut reraise = false;

    loop {
        // ---- error handling: unwind to a handler or out of the frame ----
        if let Some(exc) = pending.take() {
            if !std::mem::take(&mut reraise) {
                ops::exceptions::add_traceback(vm, &mut f, &exc);
            }
            let handler = pyrite_bytecode::exceptiontable::find_handler(
                &cur.code.exceptiontable,
                (f.lasti * 2) as u32,
            );
            if TRACE {
                ops::trace::trace_exception(vm, &f, &exc, handler.as_ref().map(|h| h.target));
            }
            match handler {
                Some(h) => {
                    let base = f.stack_base();
                    let depth = base + h.depth as usize;
                    while f.sp > depth {
                        f.pop_opt();
                    }
                    if h.lasti {
                        f.push(vm.new_int(f.lasti as i64));
                    }
                    f.push(exc.into_object());
                    f.pc = (h.target / 2) as usize;
                }
                None => {
                    // Leave this frame with the exception.
                    while f.sp > f.stack_base() {
                        f.pop_opt();
                    }
                    match callers.pop() {
                        Some(caller) => {
                            vm.leave_call();
                            pop_frame_info(vm, &mut f);
                            vm.recycle_frame(std::mem::replace(&mut f, caller));
                            cur = Cur::of(&f);
                            pending = Some(exc);
                            continue;
                        }
                        None => {
                            pop_frame_info(vm, &mut f);
                            vm.recycle_frame(f);
                            return Err(exc);
                        }
                    }
                }
            }
        }

        // The instruction loop proper: it leaves only to unwind an
        // exception (above), so the hot path makes no per-instruction check
        // for a pending one.
        loop {
            // ---- fetch (decoded when the code object was made) ----
            let pc = f.pc;
            let Some(&ins) = cur.instrs.get(pc) else {
                pending = Some(vm.new_system_error("instruction pointer out of range"));
                break;
            };
            let (op, arg) = (ins.op, ins.arg);
            let lasti = pc + ins.ext as usize;
            f.lasti = lasti;
            vm.top_lasti.set(lasti);
            f.pc = pc + ins.next as usize;
            if TRACE {
                if let Err(e) = ops::trace::trace_folded(vm, &mut f, pc, lasti) {
                    pending = Some(e);
                    break;
                }
                let shown = if super::decode::takes_folded_operand(op) {
                    super::decode::split_folded(arg).1
                } else {
                    arg
                };
                ops::trace::trace_instruction(vm, &f, op, shown);
            }

            let result: PyResult<()> = match op {
                Opcode::CACHE | Opcode::NOP | Opcode::RESUME => Ok(()),
                // Only an invalid opcode byte (in `arg`), an argument out of
                // range (`BAD_ARGUMENT`) or a trailing prefix decode to this
                // (see `decode.rs`).
                Opcode::EXTENDED_ARG if arg == Opcode::EXTENDED_ARG as u32 => Ok(()),
                Opcode::EXTENDED_ARG if arg & super::decode::BAD_ARGUMENT != 0 => {
                    Err(vm.new_system_error(format!("bad argument for opcode {}", arg & 0xff)))
                }
                Opcode::EXTENDED_ARG => Err(vm.new_system_error(format!("unknown opcode {arg}"))),
                Opcode::POP_TOP => {
                    f.pop_opt();
                    Ok(())
                }
                Opcode::PUSH_NULL => {
                    f.push_opt(None);
                    Ok(())
                }
                Opcode::LOAD_CONST => {
                    let c = f.code.consts[arg as usize].clone();
                    f.push(c);
                    Ok(())
                }
                Opcode::LOAD_FAST => match f.slots[arg as usize].clone() {
                    Some(v) => {
                        f.push(v);
                        Ok(())
                    }
                    None => Err(ops::locals::unbound_local(vm, &f, arg)),
                },
                Opcode::STORE_FAST => {
                    let v = f.pop();
                    let old = f.slots[arg as usize].replace(v);
                    drop(old);
                    Ok(())
                }
                Opcode::DELETE_FAST => match f.slots[arg as usize].take() {
                    Some(_) => Ok(()),
                    None => Err(ops::locals::unbound_local(vm, &f, arg)),
                },
                Opcode::MAKE_CELL => ops::locals::make_cell(vm, &mut f, arg),
                Opcode::COPY_FREE_VARS => ops::locals::copy_free_vars(vm, &mut f, arg),
                Opcode::LOAD_CLOSURE => {
                    let c = f.slots[arg as usize].clone();
                    f.push_opt(c);
                    Ok(())
                }
                Opcode::LOAD_DEREF => ops::locals::load_deref(vm, &mut f, arg),
                Opcode::LOAD_CLASSDEREF => ops::locals::load_classderef(vm, &mut f, arg),
                Opcode::STORE_DEREF => ops::locals::store_deref(vm, &mut f, arg),
                Opcode::DELETE_DEREF => ops::locals::delete_deref(vm, &mut f, arg),
                Opcode::LOAD_GLOBAL => ops::names::load_global(vm, &mut f, arg),
                Opcode::STORE_GLOBAL => ops::names::store_global(vm, &mut f, arg),
                Opcode::DELETE_GLOBAL => ops::names::delete_global(vm, &mut f, arg),
                Opcode::LOAD_NAME => ops::names::load_name(vm, &mut f, arg),
                Opcode::STORE_NAME => ops::names::store_name(vm, &mut f, arg),
                Opcode::DELETE_NAME => ops::names::delete_name(vm, &mut f, arg),
                Opcode::LOAD_ATTR => {
                    let (src, arg) = super::decode::split_folded(arg);
                    match operand::<TRACE>(vm, &mut f, src, lasti) {
                        Ok(obj) => ops::attrs::load_attr(vm, &mut f, arg, obj),
                        Err(e) => Err(e),
                    }
                }
                Opcode::STORE_ATTR => {
                    let (src, arg) = super::decode::split_folded(arg);
                    match operand::<TRACE>(vm, &mut f, src, lasti) {
                        Ok(obj) => ops::attrs::store_attr(vm, &mut f, arg, obj),
                        Err(e) => Err(e),
                    }
                }
                Opcode::DELETE_ATTR => {
                    let name = f.code.names[arg as usize].clone();
                    let obj = f.pop();
                    vm.del_attr(&obj, &name)
                }
                Opcode::LOAD_METHOD => {
                    let (src, arg) = super::decode::split_folded(arg);
                    match operand::<TRACE>(vm, &mut f, src, lasti) {
                        Ok(obj) => ops::attrs::load_method(vm, &mut f, arg, obj),
                        Err(e) => Err(e),
                    }
                }
                Opcode::COPY => {
                    let v = f.slots[f.sp - arg as usize].clone();
                    f.push_opt(v);
                    Ok(())
                }
                Opcode::SWAP => {
                    let top = f.sp - 1;
                    f.slots.swap(top, f.sp - arg as usize);
                    Ok(())
                }
                Opcode::UNARY_POSITIVE => {
                    let v = f.pop();
                    vm.unary_op(&v, UnaryOp::Pos).map(|r| f.push(r))
                }
                Opcode::UNARY_NEGATIVE => {
                    let v = f.pop();
                    vm.unary_op(&v, UnaryOp::Neg).map(|r| f.push(r))
                }
                Opcode::UNARY_INVERT => {
                    let v = f.pop();
                    vm.unary_op(&v, UnaryOp::Invert).map(|r| f.push(r))
                }
                Opcode::UNARY_NOT => {
                    let v = f.pop();
                    vm.is_true(&v).map(|b| f.push(vm.new_bool(!b)))
                }
                Opcode::BINARY_OP => {
                    let (src, arg) = super::decode::split_folded(arg);
                    let b = match operand::<TRACE>(vm, &mut f, src, lasti) {
                        Ok(b) => b,
                        Err(e) => {
                            pending = Some(e);
                            break;
                        }
                    };
                    let a = f.pop();
                    match vm.arith_hit(a, b, arg) {
                        Ok(r) => {
                            f.push(r);
                            continue;
                        }
                        Err((a, b)) => vm.binary_op(&a, &b, arg).map(|r| f.push(r)),
                    }
                }
                Opcode::COMPARE_OP => {
                    let (src, arg) = super::decode::split_folded(arg);
                    let b = match operand::<TRACE>(vm, &mut f, src, lasti) {
                        Ok(b) => b,
                        Err(e) => {
                            pending = Some(e);
                            break;
                        }
                    };
                    let a = f.pop();
                    let cmp = CompareOp::from_arg(arg);
                    match crate::protocol::compare::fast_compare(&a, &b, cmp) {
                        // Ints, floats, strs: a conditional jump right after
                        // is taken here, with no bool object in between
                        // (CPython's COMPARE_OP_*_JUMP); nothing can
                        // observe the skipped instruction.
                        Some(r) => {
                            let next = cur.instrs.get(f.pc).copied();
                            // (The unit after the comparison is the jump's
                            // own, never one with a folded load, but a
                            // jump with a folded operand must not take the
                            // comparison's result.)
                            let next = next.filter(|n| super::decode::split_folded(n.arg).0 == 0);
                            match next.and_then(|n| pops_and_jumps_if(n.op).map(|j| (n, j))) {
                                Some((n, jump_if)) if !TRACE => {
                                    f.pc += n.next as usize;
                                    if r == jump_if {
                                        jump(&mut f, n.op, n.arg);
                                    }
                                }
                                _ => f.push(vm.new_bool(r)),
                            }
                            Ok(())
                        }
                        None => vm.rich_compare(&a, &b, cmp).map(|r| f.push(r)),
                    }
                }
                Opcode::IS_OP => {
                    let b = f.pop();
                    let a = f.pop();
                    f.push(vm.new_bool(a.is(&b) != (arg == 1)));
                    Ok(())
                }
                Opcode::CONTAINS_OP => {
                    let b = f.pop();
                    let a = f.pop();
                    vm.contains(&b, &a)
                        .map(|r| f.push(vm.new_bool(r != (arg == 1))))
                }
                Opcode::BINARY_SUBSCR => {
                    let src = super::decode::split_folded(arg).0;
                    let k = match operand::<TRACE>(vm, &mut f, src, lasti) {
                        Ok(k) => k,
                        Err(e) => {
                            pending = Some(e);
                            break;
                        }
                    };
                    let c = f.pop();
                    // `lst[i]` / `tup[i]` in range (CPython's
                    // BINARY_SUBSCR_LIST_INT / _TUPLE_INT).
                    if let Some(v) = ops::build::subscr_hit(vm, &c, &k) {
                        f.push(v);
                        continue;
                    }
                    // A class's own `__getitem__` written in Python runs
                    // in this loop, as a call would (CPython's
                    // BINARY_SUBSCR_GETITEM); its result lands here.
                    match ops::call::getitem_frame(vm, &c, &k) {
                        Some(nf) => enter_frame(vm, &mut f, &mut callers, &mut cur, nf),
                        None => vm.get_item(&c, &k).map(|r| f.push(r)),
                    }
                }
                Opcode::STORE_SUBSCR => {
                    let k = f.pop();
                    let c = f.pop();
                    let v = f.pop();
                    // `lst[i] = v` in range (CPython's STORE_SUBSCR_LIST_INT).
                    let v = match ops::build::store_subscr_hit(vm, &c, &k, v) {
                        Ok(old) => {
                            // Dropping the old item may run `__del__`.
                            drop(old);
                            continue;
                        }
                        Err(v) => v,
                    };
                    vm.set_item(&c, k, v)
                }
                Opcode::DELETE_SUBSCR => {
                    let k = f.pop();
                    let c = f.pop();
                    vm.del_item(&c, &k)
                }
                Opcode::GET_ITER => {
                    let v = f.pop();
                    vm.iter(&v).map(|r| f.push(r))
                }
                Opcode::GET_YIELD_FROM_ITER => ops::generator::get_yield_from_iter(vm, &mut f),
                Opcode::FOR_ITER => match ops::control::for_iter_next(vm, f.peek(1)) {
                    Ok(Some(v)) => {
                        f.push(v);
                        Ok(())
                    }
                    Ok(None) => {
                        f.pop();
                        f.pc += arg as usize;
                        Ok(())
                    }
                    Err(e) => Err(e),
                },
                Opcode::JUMP_FORWARD => {
                    f.pc += arg as usize;
                    Ok(())
                }
                Opcode::JUMP_BACKWARD => {
                    f.pc -= arg as usize;
                    ops::control::eval_breaker(vm)
                }
                Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                    f.pc -= arg as usize;
                    Ok(())
                }
                Opcode::POP_JUMP_FORWARD_IF_FALSE
                | Opcode::POP_JUMP_BACKWARD_IF_FALSE
                | Opcode::POP_JUMP_FORWARD_IF_TRUE
                | Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
                    let (src, arg) = super::decode::split_folded(arg);
                    let v = match operand::<TRACE>(vm, &mut f, src, lasti) {
                        Ok(v) => v,
                        Err(e) => {
                            pending = Some(e);
                            break;
                        }
                    };
                    let jump_if = pops_and_jumps_if(op) == Some(true);
                    truth(vm, &v).map(|b| {
                        if b == jump_if {
                            jump(&mut f, op, arg);
                        }
                    })
                }
                Opcode::POP_JUMP_FORWARD_IF_NONE | Opcode::POP_JUMP_BACKWARD_IF_NONE => {
                    let (src, arg) = super::decode::split_folded(arg);
                    let v = match operand::<TRACE>(vm, &mut f, src, lasti) {
                        Ok(v) => v,
                        Err(e) => {
                            pending = Some(e);
                            break;
                        }
                    };
                    if v.is(&vm.none) {
                        jump(&mut f, op, arg);
                    }
                    Ok(())
                }
                Opcode::POP_JUMP_FORWARD_IF_NOT_NONE | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                    let (src, arg) = super::decode::split_folded(arg);
                    let v = match operand::<TRACE>(vm, &mut f, src, lasti) {
                        Ok(v) => v,
                        Err(e) => {
                            pending = Some(e);
                            break;
                        }
                    };
                    if !v.is(&vm.none) {
                        jump(&mut f, op, arg);
                    }
                    Ok(())
                }
                Opcode::JUMP_IF_FALSE_OR_POP => match truth(vm, f.peek(1)) {
                    Ok(false) => {
                        f.pc += arg as usize;
                        Ok(())
                    }
                    Ok(true) => {
                        f.pop();
                        Ok(())
                    }
                    Err(e) => Err(e),
                },
                Opcode::JUMP_IF_TRUE_OR_POP => match truth(vm, f.peek(1)) {
                    Ok(true) => {
                        f.pc += arg as usize;
                        Ok(())
                    }
                    Ok(false) => {
                        f.pop();
                        Ok(())
                    }
                    Err(e) => Err(e),
                },
                Opcode::BUILD_TUPLE => {
                    let items = pop_n(&mut f, arg as usize);
                    f.push(vm.new_tuple(items));
                    Ok(())
                }
                Opcode::BUILD_LIST => {
                    let items = pop_n(&mut f, arg as usize);
                    f.push(vm.new_list(items));
                    Ok(())
                }
                Opcode::BUILD_SET => ops::build::build_set(vm, &mut f, arg),
                Opcode::BUILD_MAP => ops::build::build_map(vm, &mut f, arg),
                Opcode::BUILD_CONST_KEY_MAP => ops::build::build_const_key_map(vm, &mut f, arg),
                Opcode::BUILD_STRING => ops::build::build_string(vm, &mut f, arg),
                Opcode::BUILD_SLICE => ops::build::build_slice(vm, &mut f, arg),
                Opcode::LIST_APPEND => ops::build::list_append(vm, &mut f, arg),
                Opcode::SET_ADD => ops::build::set_add(vm, &mut f, arg),
                Opcode::MAP_ADD => ops::build::map_add(vm, &mut f, arg),
                Opcode::LIST_EXTEND => ops::build::list_extend(vm, &mut f, arg),
                Opcode::SET_UPDATE => ops::build::set_update(vm, &mut f, arg),
                Opcode::DICT_UPDATE => ops::build::dict_update(vm, &mut f, arg),
                Opcode::DICT_MERGE => ops::build::dict_merge(vm, &mut f, arg),
                Opcode::LIST_TO_TUPLE => {
                    let l = f.pop();
                    let items = vm.to_vec(&l);
                    items.map(|i| f.push(vm.new_tuple(i)))
                }
                Opcode::UNPACK_SEQUENCE => ops::build::unpack_sequence(vm, &mut f, arg),
                Opcode::UNPACK_EX => ops::build::unpack_ex(vm, &mut f, arg),
                Opcode::FORMAT_VALUE => ops::build::format_value(vm, &mut f, arg),
                Opcode::KW_NAMES => {
                    f.kwnames = Some(f.code.consts[arg as usize].clone());
                    Ok(())
                }
                Opcode::PRECALL => ops::call::precall(vm, &mut f, arg),
                Opcode::CALL => match ops::call::call(vm, &mut f, arg) {
                    Ok(Some(new_frame)) => {
                        enter_frame(vm, &mut f, &mut callers, &mut cur, new_frame)
                    }
                    Ok(None) => Ok(()),
                    Err(e) => Err(e),
                },
                Opcode::CALL_FUNCTION_EX => ops::call::call_function_ex(vm, &mut f, arg),
                Opcode::MAKE_FUNCTION => ops::call::make_function(vm, &mut f, arg),
                Opcode::LOAD_BUILD_CLASS => match vm.builtins.get_by_str("__build_class__") {
                    Some(b) => {
                        f.push(b);
                        Ok(())
                    }
                    None => Err(vm.new_name_error("__build_class__ not found")),
                },
                Opcode::LOAD_ASSERTION_ERROR => {
                    f.push(vm.exc.AssertionError.as_object().clone());
                    Ok(())
                }
                Opcode::RETURN_VALUE => {
                    let src = super::decode::split_folded(arg).0;
                    let v = match operand::<TRACE>(vm, &mut f, src, lasti) {
                        Ok(v) => v,
                        Err(e) => {
                            pending = Some(e);
                            break;
                        }
                    };
                    let init_self = f.init_self.take();
                    match callers.pop() {
                        Some(caller) => {
                            vm.leave_call();
                            pop_frame_info(vm, &mut f);
                            vm.recycle_frame(std::mem::replace(&mut f, caller));
                            cur = Cur::of(&f);
                            match init_self {
                                None => {
                                    f.push(v);
                                    Ok(())
                                }
                                // `cls(...)`'s `__init__` returned: the call's
                                // value is the instance (raised in the caller,
                                // as CPython's type_call does).
                                Some(obj) => ops::call::init_result(vm, &mut f, obj, v),
                            }
                        }
                        None => {
                            pop_frame_info(vm, &mut f);
                            vm.recycle_frame(f);
                            return Ok(FrameExit::Return(v));
                        }
                    }
                }
                Opcode::RETURN_GENERATOR => {
                    // The frame becomes the generator's; the caller receives
                    // the generator object.
                    match callers.pop() {
                        Some(caller) => {
                            vm.leave_call();
                            pop_frame_info(vm, &mut f);
                            let genframe = std::mem::replace(&mut f, caller);
                            cur = Cur::of(&f);
                            let g = ops::generator::make_generator(vm, genframe);
                            f.push(g);
                            Ok(())
                        }
                        None => {
                            pop_frame_info(vm, &mut f);
                            let g = ops::generator::make_generator(vm, f);
                            return Ok(FrameExit::Return(g));
                        }
                    }
                }
                Opcode::YIELD_VALUE => {
                    let v = f.pop();
                    if !callers.is_empty() {
                        Err(vm.new_system_error("yield from a frame that is not a generator's"))
                    } else {
                        pop_frame_info(vm, &mut f);
                        return Ok(FrameExit::Yield(v, f));
                    }
                }
                Opcode::SEND => ops::generator::send(vm, &mut f, arg),
                Opcode::ASYNC_GEN_WRAP => {
                    // Mark what an async generator yields (as opposed to what
                    // its awaits pass through) for `asend`/`athrow` to unwrap.
                    let v = f.pop();
                    f.push(crate::types::asyncgen::wrap_value(vm, v));
                    Ok(())
                }
                Opcode::GET_AWAITABLE => ops::generator::get_awaitable(vm, &mut f, arg),
                Opcode::GET_AITER => ops::generator::get_aiter(vm, &mut f),
                Opcode::GET_ANEXT => ops::generator::get_anext(vm, &mut f),
                Opcode::END_ASYNC_FOR => ops::generator::end_async_for(vm, &mut f),
                Opcode::BEFORE_ASYNC_WITH => ops::with::before_async_with(vm, &mut f),
                Opcode::BEFORE_WITH => ops::with::before_with(vm, &mut f),
                Opcode::WITH_EXCEPT_START => ops::with::with_except_start(vm, &mut f),
                Opcode::RAISE_VARARGS => {
                    let (e, bare) = ops::exceptions::raise_varargs(vm, &mut f, arg);
                    reraise = bare;
                    Err(e)
                }
                Opcode::RERAISE => {
                    let e = f.pop();
                    // With `arg`, CPython restores `f_lasti` from the saved offset
                    // below; the handler is still looked up from this
                    // instruction, and the traceback already has this frame, so
                    // the restored value only matters for `f_lasti` itself.
                    let _ = arg;
                    reraise = true;
                    match e.downcast::<crate::types::exceptions::PyBaseException>() {
                        Ok(e) => Err(e),
                        Err(_) => Err(vm.new_system_error("RERAISE of a non-exception")),
                    }
                }
                Opcode::PUSH_EXC_INFO => {
                    let exc = f.pop();
                    let prev = vm.handled_exc.replace(Some(exc.clone()));
                    f.push(prev.unwrap_or_else(|| vm.none.clone()));
                    f.push(exc);
                    Ok(())
                }
                Opcode::POP_EXCEPT => {
                    let prev = f.pop();
                    let old =
                        vm.handled_exc
                            .replace(if prev.is(&vm.none) { None } else { Some(prev) });
                    drop(old);
                    Ok(())
                }
                Opcode::CHECK_EXC_MATCH => ops::exceptions::check_exc_match(vm, &mut f),
                Opcode::CHECK_EG_MATCH => ops::exceptions::check_eg_match(vm, &mut f),
                Opcode::PREP_RERAISE_STAR => ops::exceptions::prep_reraise_star(vm, &mut f),
                Opcode::IMPORT_NAME => ops::import::import_name(vm, &mut f, arg),
                Opcode::IMPORT_FROM => ops::import::import_from(vm, &mut f, arg),
                Opcode::IMPORT_STAR => ops::import::import_star(vm, &mut f),
                Opcode::SETUP_ANNOTATIONS => ops::names::setup_annotations(vm, &mut f),
                Opcode::PRINT_EXPR => ops::names::print_expr(vm, &mut f),
                Opcode::GET_LEN => {
                    let n = vm.len(f.peek(1));
                    n.map(|n| f.push(vm.new_int(n as i64)))
                }
                Opcode::MATCH_MAPPING => ops::matching::match_mapping(vm, &mut f),
                Opcode::MATCH_SEQUENCE => ops::matching::match_sequence(vm, &mut f),
                Opcode::MATCH_KEYS => ops::matching::match_keys(vm, &mut f),
                Opcode::MATCH_CLASS => ops::matching::match_class(vm, &mut f, arg),
            };
            if let Err(e) = result {
                pending = Some(e);
                break;
            }
        }
    }
}

/// Switch to a new callee frame (the caller waits on `callers`).
// Frames stay boxed on `callers`: switching frames moves a pointer.
#[allow(clippy::vec_box)]
#[inline(always)]
fn enter_frame(
    vm: &Vm,
    f: &mut Box<Frame>,
    callers: &mut Vec<Box<Frame>>,
    cur: &mut Cur,
    new_frame: Box<Frame>,
) -> PyResult<()> {
    vm.enter_frame_call()?;
    push_frame_info(vm, &new_frame);
    callers.push(std::mem::replace(f, new_frame));
    *cur = Cur::of(f);
    Ok(())
}

/// For `POP_JUMP_*_IF_TRUE/FALSE`: the truth value that makes it jump.
#[inline]
fn pops_and_jumps_if(op: Opcode) -> Option<bool> {
    match op {
        Opcode::POP_JUMP_FORWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_TRUE => Some(true),
        Opcode::POP_JUMP_FORWARD_IF_FALSE | Opcode::POP_JUMP_BACKWARD_IF_FALSE => Some(false),
        _ => None,
    }
}

#[inline]
fn jump(f: &mut Frame, op: Opcode, arg: u32) {
    if op.is_backward_jump() {
        f.pc -= arg as usize;
    } else {
        f.pc += arg as usize;
    }
}

#[inline]
fn truth(vm: &Vm, v: &PyObjectRef) -> PyResult<bool> {
    if v.is(&vm.true_) {
        return Ok(true);
    }
    if v.is(&vm.false_) {
        return Ok(false);
    }
    vm.is_true(v)
}

/// Pop `n` values, returned in stack order (deepest first).
#[inline]
pub fn pop_n(f: &mut Frame, n: usize) -> Vec<PyObjectRef> {
    let start = f.sp - n;
    let mut out = Vec::with_capacity(n);
    for i in start..f.sp {
        out.push(f.slots[i].take().expect("NULL in a value run"));
    }
    f.sp = start;
    out
}

/// Zero-argument `super()` called from native code has no Python frame to
/// inspect (the eval loop handles the Python-level call itself).
pub fn caller_super_info(_vm: &Vm) -> Option<(PyObjectRef, PyObjectRef)> {
    None
}
