//! The one opcode table: CPython 3.11's instruction set.
//!
//! Every fact about an instruction lives in the `opcodes!` invocation below:
//! its name (as `dis` prints it), its number (CPython 3.11's), what its
//! argument means, how many inline cache entries follow it, its stack effect
//! and one line of meaning. The `Opcode` enum, its decoding, `name()`,
//! `cache_entries()`, `stack_effect()` and `doc()` are all derived from it, and
//! the VM's dispatch `match` is exhaustive over the enum, so a new entry without
//! a handler does not compile. A test checks the table against `python3`'s
//! `opcode` module.
#![allow(non_camel_case_types)]

/// What an instruction's argument refers to (mirrors `opcode.has*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// No argument (below `HAVE_ARGUMENT`).
    None,
    /// A plain number (a count, a flag set, an operator).
    Num,
    /// Index into `co_consts`.
    Const,
    /// Index into `co_names` (for `LOAD_GLOBAL`, `names[arg >> 1]`).
    Name,
    /// Index into the fast locals (`co_varnames`).
    Local,
    /// Index into cell and free variables (`co_cellvars + co_freevars`, 3.11:
    /// index into localsplus).
    Free,
    /// Relative jump: forward for `*_FORWARD*`, backward for `*_BACKWARD*`.
    JumpRel,
    /// A comparison operator index into `CMP_OPS`.
    Compare,
}

macro_rules! opcodes {
    ($(
        $(#[doc = $doc:expr])*
        $name:ident = $num:literal, $kind:ident, cache: $cache:literal,
            |$a:ident, $j:ident| $effect:expr;
    )*) => {
        /// A CPython 3.11 opcode. The discriminant is CPython's number.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        impl Opcode {
            /// Every opcode, in numeric order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// Decode a byte; `None` for numbers CPython 3.11 does not assign.
            #[inline]
            pub fn from_u8(b: u8) -> Option<Opcode> {
                OPCODE_BY_BYTE[b as usize]
            }

            /// The name `dis` prints.
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$name => stringify!($name),)* }
            }

            /// Number of 16-bit inline cache entries following the instruction
            /// (a table lookup: the eval loop asks at every dispatch).
            #[inline]
            pub fn cache_entries(self) -> usize {
                const TABLE: [u8; 256] = {
                    let mut t = [0u8; 256];
                    $( t[$num] = $cache; )*
                    t
                };
                TABLE[self as usize] as usize
            }

            /// What the argument means.
            pub fn arg_kind(self) -> ArgKind {
                match self { $(Opcode::$name => ArgKind::$kind,)* }
            }

            /// The one-line meaning, shown by `dis` docs and `-X trace`.
            pub fn doc(self) -> &'static str {
                match self { $(Opcode::$name => concat!($($doc),*).trim_start(),)* }
            }

            /// Net change of the stack depth (CPython's `stack_effect`), where
            /// `jump` says whether the branch is taken (ignored by non-jumps).
            #[allow(unused_variables)]
            pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
                match self { $(Opcode::$name => {
                    let $a = oparg as i32;
                    let $j = jump;
                    $effect
                })* }
            }
        }

        static OPCODE_BY_BYTE: [Option<Opcode>; 256] = {
            let mut t = [None; 256];
            $( t[$num] = Some(Opcode::$name); )*
            t
        };
    };
}

opcodes! {
    /// Inline cache entry; never executed.
    CACHE = 0, None, cache: 0, |a, j| 0;
    /// Discard the top of stack.
    POP_TOP = 1, None, cache: 0, |a, j| -1;
    /// Push a NULL marker (precedes a callable that is not a method).
    PUSH_NULL = 2, None, cache: 0, |a, j| 1;
    /// Do nothing.
    NOP = 9, None, cache: 0, |a, j| 0;
    /// `+tos`.
    UNARY_POSITIVE = 10, None, cache: 0, |a, j| 0;
    /// `-tos`.
    UNARY_NEGATIVE = 11, None, cache: 0, |a, j| 0;
    /// `not tos`.
    UNARY_NOT = 12, None, cache: 0, |a, j| 0;
    /// `~tos`.
    UNARY_INVERT = 15, None, cache: 0, |a, j| 0;
    /// `container[key]`.
    BINARY_SUBSCR = 25, None, cache: 4, |a, j| -1;
    /// Push `len(tos)` (pattern matching).
    GET_LEN = 30, None, cache: 0, |a, j| 1;
    /// Push whether tos is a mapping (pattern matching).
    MATCH_MAPPING = 31, None, cache: 0, |a, j| 1;
    /// Push whether tos is a sequence (pattern matching).
    MATCH_SEQUENCE = 32, None, cache: 0, |a, j| 1;
    /// Push a tuple of the values of keys tos from mapping tos1, or None.
    MATCH_KEYS = 33, None, cache: 0, |a, j| 1;
    /// Save the handled exception below tos and make tos the handled one.
    PUSH_EXC_INFO = 35, None, cache: 0, |a, j| 1;
    /// Replace tos with whether the exception tos1 matches tos.
    CHECK_EXC_MATCH = 36, None, cache: 0, |a, j| 0;
    /// Split an exception group on the type tos (`except*`).
    CHECK_EG_MATCH = 37, None, cache: 0, |a, j| 0;
    /// Call `__exit__` with the exception on the stack.
    WITH_EXCEPT_START = 49, None, cache: 0, |a, j| 1;
    /// `aiter(tos)`.
    GET_AITER = 50, None, cache: 0, |a, j| 0;
    /// Push the awaitable of `anext(tos)`.
    GET_ANEXT = 51, None, cache: 0, |a, j| 1;
    /// Enter an async context manager.
    BEFORE_ASYNC_WITH = 52, None, cache: 0, |a, j| 1;
    /// Enter a context manager: push `__exit__` and the `__enter__()` result.
    BEFORE_WITH = 53, None, cache: 0, |a, j| 1;
    /// End of an `async for` loop (StopAsyncIteration handling).
    END_ASYNC_FOR = 54, None, cache: 0, |a, j| -2;
    /// `container[key] = value`.
    STORE_SUBSCR = 60, None, cache: 1, |a, j| -3;
    /// `del container[key]`.
    DELETE_SUBSCR = 61, None, cache: 0, |a, j| -2;
    /// `iter(tos)`.
    GET_ITER = 68, None, cache: 0, |a, j| 0;
    /// `iter(tos)` unless tos is a generator or coroutine (`yield from`).
    GET_YIELD_FROM_ITER = 69, None, cache: 0, |a, j| 0;
    /// Interactive mode: display tos via `sys.displayhook`.
    PRINT_EXPR = 70, None, cache: 0, |a, j| -1;
    /// Push `builtins.__build_class__`.
    LOAD_BUILD_CLASS = 71, None, cache: 0, |a, j| 1;
    /// Push `AssertionError`.
    LOAD_ASSERTION_ERROR = 74, None, cache: 0, |a, j| 1;
    /// Create a generator/coroutine from the current frame and return it.
    RETURN_GENERATOR = 75, None, cache: 0, |a, j| 0;
    /// Convert the list tos to a tuple.
    LIST_TO_TUPLE = 82, None, cache: 0, |a, j| 0;
    /// Return tos to the caller.
    RETURN_VALUE = 83, None, cache: 0, |a, j| -1;
    /// `from module import *`.
    IMPORT_STAR = 84, None, cache: 0, |a, j| -1;
    /// Create `__annotations__` in the namespace if missing.
    SETUP_ANNOTATIONS = 85, None, cache: 0, |a, j| 0;
    /// Yield tos from a generator.
    YIELD_VALUE = 86, None, cache: 0, |a, j| 0;
    /// Wrap a value yielded by an async generator.
    ASYNC_GEN_WRAP = 87, None, cache: 0, |a, j| 0;
    /// Combine the exceptions raised in `except*` clauses.
    PREP_RERAISE_STAR = 88, None, cache: 0, |a, j| -1;
    /// Pop the handled exception, restoring the one saved below it.
    POP_EXCEPT = 89, None, cache: 0, |a, j| -1;
    /// `name = tos` in the local namespace.
    STORE_NAME = 90, Name, cache: 0, |a, j| -1;
    /// `del name` in the local namespace.
    DELETE_NAME = 91, Name, cache: 0, |a, j| 0;
    /// Unpack tos into `arg` values, pushed right to left.
    UNPACK_SEQUENCE = 92, Num, cache: 1, |a, j| a - 1;
    /// Advance the iterator tos; at its end pop it and jump forward.
    FOR_ITER = 93, JumpRel, cache: 0, |a, j| if j { -1 } else { 1 };
    /// Unpack with a starred target (`arg` = before | after << 8).
    UNPACK_EX = 94, Num, cache: 0, |a, j| (a & 0xFF) + (a >> 8);
    /// `tos.name = tos1`.
    STORE_ATTR = 95, Name, cache: 4, |a, j| -2;
    /// `del tos.name`.
    DELETE_ATTR = 96, Name, cache: 0, |a, j| -1;
    /// `name = tos` in globals.
    STORE_GLOBAL = 97, Name, cache: 0, |a, j| -1;
    /// `del name` in globals.
    DELETE_GLOBAL = 98, Name, cache: 0, |a, j| 0;
    /// Swap tos with the `arg`-th item (1-based).
    SWAP = 99, Num, cache: 0, |a, j| 0;
    /// Push `co_consts[arg]`.
    LOAD_CONST = 100, Const, cache: 0, |a, j| 1;
    /// Push the name from locals, then globals, then builtins.
    LOAD_NAME = 101, Name, cache: 0, |a, j| 1;
    /// Build a tuple from the top `arg` items.
    BUILD_TUPLE = 102, Num, cache: 0, |a, j| 1 - a;
    /// Build a list from the top `arg` items.
    BUILD_LIST = 103, Num, cache: 0, |a, j| 1 - a;
    /// Build a set from the top `arg` items.
    BUILD_SET = 104, Num, cache: 0, |a, j| 1 - a;
    /// Build a dict from the top `arg` key/value pairs.
    BUILD_MAP = 105, Num, cache: 0, |a, j| 1 - 2 * a;
    /// Replace tos with `getattr(tos, name)`.
    LOAD_ATTR = 106, Name, cache: 4, |a, j| 0;
    /// Rich comparison `tos1 <op> tos`, op = `CMP_OPS[arg]`.
    COMPARE_OP = 107, Compare, cache: 2, |a, j| -1;
    /// Import a module (tos: fromlist, tos1: level).
    IMPORT_NAME = 108, Name, cache: 0, |a, j| -1;
    /// Push the attribute `name` of the module tos (`from m import name`).
    IMPORT_FROM = 109, Name, cache: 0, |a, j| 1;
    /// Jump forward by `arg` code units.
    JUMP_FORWARD = 110, JumpRel, cache: 0, |a, j| 0;
    /// If tos is false jump forward keeping it, else pop it.
    JUMP_IF_FALSE_OR_POP = 111, JumpRel, cache: 0, |a, j| if j { 0 } else { -1 };
    /// If tos is true jump forward keeping it, else pop it.
    JUMP_IF_TRUE_OR_POP = 112, JumpRel, cache: 0, |a, j| if j { 0 } else { -1 };
    /// Pop tos; jump forward if it is false.
    POP_JUMP_FORWARD_IF_FALSE = 114, JumpRel, cache: 0, |a, j| -1;
    /// Pop tos; jump forward if it is true.
    POP_JUMP_FORWARD_IF_TRUE = 115, JumpRel, cache: 0, |a, j| -1;
    /// Push global `co_names[arg >> 1]`, after a NULL if `arg & 1`.
    LOAD_GLOBAL = 116, Name, cache: 5, |a, j| (a & 1) + 1;
    /// `tos1 is tos` (`is not` when `arg` is 1).
    IS_OP = 117, Num, cache: 0, |a, j| -1;
    /// `tos1 in tos` (`not in` when `arg` is 1).
    CONTAINS_OP = 118, Num, cache: 0, |a, j| -1;
    /// Re-raise tos; if `arg`, set `f_lasti` from the saved offset below.
    RERAISE = 119, Num, cache: 0, |a, j| -1;
    /// Push a copy of the `arg`-th item (1-based).
    COPY = 120, Num, cache: 0, |a, j| 1;
    /// Binary operator `NB_OPS[arg]`.
    BINARY_OP = 122, Num, cache: 1, |a, j| -1;
    /// Send tos to the sub-iterator tos1; at its end jump forward.
    SEND = 123, JumpRel, cache: 0, |a, j| if j { -1 } else { 0 };
    /// Push the local `co_varnames[arg]`; UnboundLocalError if unset.
    LOAD_FAST = 124, Local, cache: 0, |a, j| 1;
    /// Pop into the local `co_varnames[arg]`.
    STORE_FAST = 125, Local, cache: 0, |a, j| -1;
    /// `del` the local `co_varnames[arg]`.
    DELETE_FAST = 126, Local, cache: 0, |a, j| 0;
    /// Pop tos; jump forward if it is not None.
    POP_JUMP_FORWARD_IF_NOT_NONE = 128, JumpRel, cache: 0, |a, j| -1;
    /// Pop tos; jump forward if it is None.
    POP_JUMP_FORWARD_IF_NONE = 129, JumpRel, cache: 0, |a, j| -1;
    /// `raise` (0 args: re-raise, 1: exc, 2: exc from cause).
    RAISE_VARARGS = 130, Num, cache: 0, |a, j| -a;
    /// Replace tos with its awaitable iterator.
    GET_AWAITABLE = 131, Num, cache: 0, |a, j| 0;
    /// Make a function from the code tos; `arg` flags say which extras sit below.
    MAKE_FUNCTION = 132, Num, cache: 0, |a, j| -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1));
    /// Build a slice from the top 2 or 3 items.
    BUILD_SLICE = 133, Num, cache: 0, |a, j| if a == 3 { -2 } else { -1 };
    /// Jump backward by `arg` code units without checking for interrupts.
    JUMP_BACKWARD_NO_INTERRUPT = 134, JumpRel, cache: 0, |a, j| 0;
    /// Turn the local `arg` into a cell holding its current value.
    MAKE_CELL = 135, Free, cache: 0, |a, j| 0;
    /// Push the cell in slot `arg`.
    LOAD_CLOSURE = 136, Free, cache: 0, |a, j| 1;
    /// Push the contents of the cell in slot `arg`.
    LOAD_DEREF = 137, Free, cache: 0, |a, j| 1;
    /// Store tos into the cell in slot `arg`.
    STORE_DEREF = 138, Free, cache: 0, |a, j| -1;
    /// Empty the cell in slot `arg`.
    DELETE_DEREF = 139, Free, cache: 0, |a, j| 0;
    /// Jump backward by `arg` code units (checks for interrupts).
    JUMP_BACKWARD = 140, JumpRel, cache: 0, |a, j| 0;
    /// Call with a positional tuple and, if `arg & 1`, a keyword dict.
    CALL_FUNCTION_EX = 142, Num, cache: 0, |a, j| -2 - (a & 1);
    /// Prefix the next instruction's argument with `arg << 8`.
    EXTENDED_ARG = 144, Num, cache: 0, |a, j| 0;
    /// `list.append(stack[-arg], tos)` (comprehensions).
    LIST_APPEND = 145, Num, cache: 0, |a, j| -1;
    /// `set.add(stack[-arg], tos)` (comprehensions).
    SET_ADD = 146, Num, cache: 0, |a, j| -1;
    /// `dict.__setitem__(stack[-arg], tos1, tos)` (comprehensions).
    MAP_ADD = 147, Num, cache: 0, |a, j| -2;
    /// Class body: push name from locals, else the cell in slot `arg`.
    LOAD_CLASSDEREF = 148, Free, cache: 0, |a, j| 1;
    /// Copy the `arg` free variables from the closure into the frame.
    COPY_FREE_VARS = 149, Num, cache: 0, |a, j| 0;
    /// Start (0) or resume after a yield (1, 2) or await (3); a no-op marker.
    RESUME = 151, Num, cache: 0, |a, j| 0;
    /// Class pattern with `arg` positional sub-patterns.
    MATCH_CLASS = 152, Num, cache: 0, |a, j| -2;
    /// Format tos for an f-string (`arg`: conversion | 4 if a spec is below).
    FORMAT_VALUE = 155, Num, cache: 0, |a, j| if (a & 4) == 4 { -1 } else { 0 };
    /// Build a dict from `arg` values and the tuple of keys tos.
    BUILD_CONST_KEY_MAP = 156, Num, cache: 0, |a, j| -a;
    /// Concatenate the top `arg` strings.
    BUILD_STRING = 157, Num, cache: 0, |a, j| 1 - a;
    /// Look up method `name` on tos: push (method, self) or (NULL, attr).
    LOAD_METHOD = 160, Name, cache: 10, |a, j| 1;
    /// `list.extend(stack[-arg], tos)`.
    LIST_EXTEND = 162, Num, cache: 0, |a, j| -1;
    /// `set.update(stack[-arg], tos)`.
    SET_UPDATE = 163, Num, cache: 0, |a, j| -1;
    /// Merge the mapping tos into the dict `stack[-arg]` (duplicate keys error).
    DICT_MERGE = 164, Num, cache: 0, |a, j| -1;
    /// `dict.update(stack[-arg], tos)`.
    DICT_UPDATE = 165, Num, cache: 0, |a, j| -1;
    /// Prepare a call of `arg` arguments (specialization hook).
    PRECALL = 166, Num, cache: 1, |a, j| -a;
    /// Call with `arg` arguments (keywords named by a preceding KW_NAMES).
    CALL = 171, Num, cache: 4, |a, j| -1;
    /// Name the keyword arguments of the next CALL (`co_consts[arg]`).
    KW_NAMES = 172, Const, cache: 0, |a, j| 0;
    /// Pop tos; jump backward if it is not None.
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173, JumpRel, cache: 0, |a, j| -1;
    /// Pop tos; jump backward if it is None.
    POP_JUMP_BACKWARD_IF_NONE = 174, JumpRel, cache: 0, |a, j| -1;
    /// Pop tos; jump backward if it is false.
    POP_JUMP_BACKWARD_IF_FALSE = 175, JumpRel, cache: 0, |a, j| -1;
    /// Pop tos; jump backward if it is true.
    POP_JUMP_BACKWARD_IF_TRUE = 176, JumpRel, cache: 0, |a, j| -1;
}

/// Opcodes at or above this number take an argument.
pub const HAVE_ARGUMENT: u8 = 90;

/// Comparison operators of `COMPARE_OP`, indexed by its argument.
pub const CMP_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// Binary operators of `BINARY_OP`, indexed by its argument (`NB_*`).
pub const NB_OPS: [(&str, &str); 26] = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
    ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="),
    ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
];

/// `BINARY_OP` arguments by name.
pub mod nb {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATRIX_MULTIPLY: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    /// Add this to a binary operator to get its in-place form.
    pub const INPLACE: u32 = 13;
}

/// `MAKE_FUNCTION` flag bits.
pub mod make_function {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

/// `FORMAT_VALUE` argument bits.
pub mod format_value {
    pub const CONV_MASK: u32 = 0x03;
    pub const NONE: u32 = 0x00;
    pub const STR: u32 = 0x01;
    pub const REPR: u32 = 0x02;
    pub const ASCII: u32 = 0x03;
    pub const HAVE_SPEC: u32 = 0x04;
}

impl Opcode {
    /// Whether the instruction takes an argument (CPython's `HAS_ARG`).
    #[inline]
    pub fn has_arg(self) -> bool {
        (self as u8) >= HAVE_ARGUMENT
    }

    /// Whether the instruction is a relative jump backward.
    pub fn is_backward_jump(self) -> bool {
        matches!(
            self,
            Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE
                | Opcode::POP_JUMP_BACKWARD_IF_NONE
                | Opcode::POP_JUMP_BACKWARD_IF_FALSE
                | Opcode::POP_JUMP_BACKWARD_IF_TRUE
        )
    }

    /// Whether the instruction is any jump (relative, either direction).
    pub fn is_jump(self) -> bool {
        self.arg_kind() == ArgKind::JumpRel
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_roundtrip() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
        }
        assert_eq!(Opcode::from_u8(3), None);
        assert_eq!(Opcode::LOAD_GLOBAL.cache_entries(), 5);
        assert_eq!(Opcode::LOAD_CONST.name(), "LOAD_CONST");
    }

    /// Checks the table against `python3`'s `opcode` module when it is on
    /// PATH (skipped, with a message, when it is not).
    #[test]
    fn matches_cpython_opcode_module() {
        let script = "import opcode, dis\n\
            for n, v in sorted(opcode.opmap.items(), key=lambda x: x[1]):\n\
            \x20   print(v, n, opcode._inline_cache_entries[v])\n";
        let out = match std::process::Command::new("python3")
            .args(["-c", script])
            .output()
        {
            Ok(o) if o.status.success() => String::from_utf8(o.stdout).unwrap(),
            _ => {
                eprintln!("skipped: python3 not available to check the opcode table");
                return;
            }
        };
        let mut count = 0;
        for line in out.lines() {
            let mut it = line.split_whitespace();
            let num: u8 = it.next().unwrap().parse().unwrap();
            let name = it.next().unwrap();
            let cache: usize = it.next().unwrap().parse().unwrap();
            let op = Opcode::from_u8(num).unwrap_or_else(|| panic!("missing opcode {name}"));
            assert_eq!(op.name(), name);
            assert_eq!(op.cache_entries(), cache, "{name}");
            count += 1;
        }
        assert_eq!(count, Opcode::ALL.len());
    }
}
