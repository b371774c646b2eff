//! The SRE matcher: a backtracking interpreter over the compiled code
//! list. Every choice point is a "call" of the rest of the pattern, kept
//! on a heap stack of contexts (`ctxs`) rather than Rust's stack, so the
//! depth of backtracking is bounded by memory, not by the native stack
//! (`re.match('(a|b)*', 'a' * 100000)` works). Saved capture marks live on
//! a second heap stack. Mirrors the control flow of CPython 3.11
//! `Modules/_sre/sre_lib.h` (`SRE(match)`, `SRE(count)`, `SRE(search)`), so
//! that captures, `lastindex` and empty-match rules come out the same.

use super::charset::*;
use super::constants::*;

/// A subject character: bytes for bytes patterns and ASCII text, code
/// points otherwise.
pub trait SreChar: Copy {
    fn code(self) -> u32;
}

impl SreChar for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }
}

impl SreChar for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
}

/// Null position (an unset mark, no last position).
const NULL: isize = -1;
const NO_REPEAT: usize = usize::MAX;

/// Engine failures that are not "no match".
#[derive(Debug)]
pub enum SreError {
    /// A malformed program (e.g. an UNTIL without a REPEAT).
    State,
}

#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum Jump {
    #[default]
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One activation of the matcher (CPython's `match_context`).
#[derive(Clone, Copy, Default)]
struct Ctx {
    /// Code position: the op being run, or (while a child runs) the word
    /// after the op that created the choice point.
    pc: usize,
    ptr: usize,
    count: isize,
    lastmark: isize,
    lastindex: isize,
    /// The repeat record (index into `repeats`) of an UNTIL/REPEAT.
    rep: usize,
    chr: u32,
    /// A saved `last_ptr` (UNTIL) or the last iteration's start
    /// (POSSESSIVE_REPEAT).
    saved: isize,
    /// Which resume point of the parent this context returns to.
    jump: Jump,
    toplevel: bool,
}

/// A `REPEAT ... UNTIL` in progress (`SRE_REPEAT`).
struct Repeat {
    count: isize,
    /// Position of the REPEAT's skip word (min/max/body follow).
    pc: usize,
    last_ptr: isize,
    prev: usize,
}

enum Mode {
    Entrance,
    Dispatch,
    Return(bool),
}

/// Matching state over one subject (`SRE_STATE`). Positions are indices
/// into `text`; `start..end` is the slice being searched (`pos`,
/// `endpos`), and lookbehind and `^` see the whole text from index 0.
pub struct State<'a, C: SreChar> {
    pub text: &'a [C],
    pub start: usize,
    pub end: usize,
    pub ptr: usize,
    pub marks: Vec<isize>,
    pub lastmark: isize,
    pub lastindex: isize,
    pub match_all: bool,
    pub must_advance: bool,
    repeat: usize,
    /// Nesting of `run` inside `count` (bounded for corrupt programs).
    depth: usize,
    repeats: Vec<Repeat>,
    mark_stack: Vec<isize>,
    ctxs: Vec<Ctx>,
}

impl<'a, C: SreChar> State<'a, C> {
    /// A state over `text[..]` with `pos`/`endpos` already clamped.
    pub fn new(text: &'a [C], start: usize, end: usize) -> Self {
        State {
            text,
            start,
            end,
            ptr: start,
            marks: Vec::new(),
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: NO_REPEAT,
            depth: 0,
            repeats: Vec::new(),
            mark_stack: Vec::new(),
            ctxs: Vec::new(),
        }
    }

    /// Forget the captures of the previous attempt (`state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NO_REPEAT;
        self.repeats.clear();
        self.mark_stack.clear();
        self.ctxs.clear();
    }

    /// The span of group `g` (1-based) after a match, if it took part.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * (g - 1);
        if (j + 1) as isize > self.lastmark {
            return None;
        }
        let (a, b) = (self.marks[j], self.marks[j + 1]);
        if a < 0 || b < 0 {
            return None;
        }
        Some((a as usize, b as usize))
    }

    #[inline(always)]
    fn ch(&self, i: usize) -> u32 {
        self.text[i].code()
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.mark_stack.extend_from_slice(&self.marks[..n]);
        }
    }

    fn mark_pop(&mut self, lastmark: isize, keep: bool) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let Some(base) = self.mark_stack.len().checked_sub(n) else {
                return;
            };
            if self.marks.len() < n {
                self.marks.resize(n, NULL);
            }
            self.marks[..n].copy_from_slice(&self.mark_stack[base..]);
            if !keep {
                self.mark_stack.truncate(base);
            }
        }
    }

    fn mark_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let base = self.mark_stack.len().saturating_sub(n);
            self.mark_stack.truncate(base);
        }
    }

    #[inline]
    fn lastmark_save(&self, ctx: &mut Ctx) {
        ctx.lastmark = self.lastmark;
        ctx.lastindex = self.lastindex;
    }

    #[inline]
    fn lastmark_restore(&mut self, ctx: &Ctx) {
        self.lastmark = ctx.lastmark;
        self.lastindex = ctx.lastindex;
    }

    fn call(&mut self, ctx: &mut Ctx, jump: Jump, pc: usize, toplevel: bool) -> Mode {
        self.ctxs.push(*ctx);
        *ctx = Ctx {
            pc,
            jump,
            toplevel,
            ..Ctx::default()
        };
        Mode::Entrance
    }

    /// `AT` assertions.
    fn at_code(&self, ptr: usize, atc: u32) -> bool {
        let end = self.end;
        match atc {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || (ptr <= self.text.len() && self.ch(ptr - 1) == 10),
            AT_END => ptr == end || (ptr + 1 == end && self.ch(ptr) == 10),
            AT_END_LINE => ptr == end || (ptr < end && self.ch(ptr) == 10),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY | AT_LOC_BOUNDARY | AT_UNI_BOUNDARY | AT_NON_BOUNDARY
            | AT_LOC_NON_BOUNDARY | AT_UNI_NON_BOUNDARY => {
                if end == 0 {
                    return false;
                }
                let w = word_kind(atc);
                let that = ptr > 0 && ptr <= self.text.len() && w(self.ch(ptr - 1));
                let this = ptr < end && w(self.ch(ptr));
                match atc {
                    AT_BOUNDARY | AT_LOC_BOUNDARY | AT_UNI_BOUNDARY => this != that,
                    _ => this == that,
                }
            }
            _ => false,
        }
    }

    /// How many times the single-character item at `pc` matches from
    /// `self.ptr`, at most `maxcount` (`SRE(count)`).
    fn count(&mut self, code: &[u32], pc: usize, maxcount: u32) -> Result<isize, SreError> {
        let start = self.ptr;
        let mut end = self.end;
        if start > end {
            return Ok(0);
        }
        if maxcount != MAXREPEAT && (maxcount as usize) < end - start {
            end = start + maxcount as usize;
        }
        let mut p = start;
        let arg = at(code, pc + 1);
        macro_rules! scan {
            ($cond:expr) => {{
                while p < end {
                    let ch = self.ch(p);
                    if !$cond(ch) {
                        break;
                    }
                    p += 1;
                }
            }};
        }
        match at(code, pc) {
            IN => scan!(|ch| in_charset(code, pc + 2, ch)),
            ANY => scan!(|ch| ch != 10),
            ANY_ALL => p = end,
            LITERAL => scan!(|ch| ch == arg),
            LITERAL_IGNORE => scan!(|ch| lower_ascii(ch) == arg),
            LITERAL_UNI_IGNORE => scan!(|ch| lower_unicode(ch) == arg),
            LITERAL_LOC_IGNORE => scan!(|ch| char_loc_ignore(arg, ch)),
            NOT_LITERAL => scan!(|ch| ch != arg),
            NOT_LITERAL_IGNORE => scan!(|ch| lower_ascii(ch) != arg),
            NOT_LITERAL_UNI_IGNORE => scan!(|ch| lower_unicode(ch) != arg),
            NOT_LITERAL_LOC_IGNORE => scan!(|ch| !char_loc_ignore(arg, ch)),
            IN_IGNORE => scan!(|ch| in_charset(code, pc + 2, lower_ascii(ch))),
            IN_UNI_IGNORE => scan!(|ch| in_charset(code, pc + 2, lower_unicode(ch))),
            IN_LOC_IGNORE => scan!(|ch| in_charset_loc_ignore(code, pc + 2, ch)),
            _ => {
                // Any other single-width item: run it as a sub-match.
                if self.depth > 100 {
                    return Err(SreError::State);
                }
                self.depth += 1;
                while self.ptr < end {
                    let before = self.ptr;
                    match self.run(code, pc, false) {
                        // An item that consumed nothing (only in corrupt
                        // code) would loop forever.
                        Ok(true) if self.ptr > before => {}
                        Ok(_) => break,
                        Err(e) => {
                            self.depth -= 1;
                            return Err(e);
                        }
                    }
                }
                self.depth -= 1;
                return Ok(self.ptr as isize - start as isize);
            }
        }
        Ok(p as isize - start as isize)
    }

    /// Match the program at `pc0` at `self.ptr` (`SRE(match)`): on success
    /// `self.ptr` is the end of the match and the marks hold the groups.
    pub fn run(&mut self, code: &[u32], pc0: usize, toplevel: bool) -> Result<bool, SreError> {
        let base = self.ctxs.len();
        let mut ctx = Ctx {
            pc: pc0,
            toplevel,
            ..Ctx::default()
        };
        let mut mode = Mode::Entrance;
        loop {
            mode = match mode {
                Mode::Entrance => {
                    ctx.ptr = self.ptr;
                    if at(code, ctx.pc) == INFO {
                        let min = at(code, ctx.pc + 3) as usize;
                        if min != 0 && ctx.ptr <= self.end && self.end - ctx.ptr < min {
                            Mode::Return(false)
                        } else {
                            ctx.pc += at(code, ctx.pc + 1) as usize + 1;
                            Mode::Dispatch
                        }
                    } else {
                        Mode::Dispatch
                    }
                }
                Mode::Dispatch => self.dispatch(code, &mut ctx)?,
                Mode::Return(ret) => {
                    if self.ctxs.len() <= base {
                        return Ok(ret);
                    }
                    let jump = ctx.jump;
                    ctx = self.ctxs.pop().ok_or(SreError::State)?;
                    self.resume(code, &mut ctx, jump, ret)?
                }
            };
        }
    }

    /// Run ops from `ctx.pc` until the context succeeds, fails, or opens a
    /// choice point (a child context).
    fn dispatch(&mut self, code: &[u32], ctx: &mut Ctx) -> Result<Mode, SreError> {
        let end = self.end;
        const FAIL: Result<Mode, SreError> = Ok(Mode::Return(false));
        loop {
            let op = at(code, ctx.pc);
            let p = ctx.pc + 1;
            match op {
                MARK => {
                    let i = at(code, p) as isize;
                    if i & 1 != 0 {
                        self.lastindex = i / 2 + 1;
                    }
                    let iu = i as usize;
                    // A real program has 2 marks per group and 4 words
                    // per pair of MARK ops: a larger index is corrupt code.
                    if iu > code.len() {
                        return Err(SreError::State);
                    }
                    if self.marks.len() <= iu {
                        self.marks.resize(iu + 1, NULL);
                    }
                    if i > self.lastmark {
                        let mut j = (self.lastmark + 1) as usize;
                        while j < iu {
                            self.marks[j] = NULL;
                            j += 1;
                        }
                        self.lastmark = i;
                    }
                    self.marks[iu] = ctx.ptr as isize;
                    ctx.pc = p + 1;
                }
                LITERAL
                | NOT_LITERAL
                | LITERAL_IGNORE
                | NOT_LITERAL_IGNORE
                | LITERAL_UNI_IGNORE
                | NOT_LITERAL_UNI_IGNORE
                | LITERAL_LOC_IGNORE
                | NOT_LITERAL_LOC_IGNORE => {
                    if ctx.ptr >= end {
                        return FAIL;
                    }
                    let ch = self.ch(ctx.ptr);
                    let arg = at(code, p);
                    let ok = match op {
                        LITERAL => ch == arg,
                        NOT_LITERAL => ch != arg,
                        LITERAL_IGNORE => lower_ascii(ch) == arg,
                        NOT_LITERAL_IGNORE => lower_ascii(ch) != arg,
                        LITERAL_UNI_IGNORE => lower_unicode(ch) == arg,
                        NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg,
                        LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
                        _ => !char_loc_ignore(arg, ch),
                    };
                    if !ok {
                        return FAIL;
                    }
                    ctx.pc = p + 1;
                    ctx.ptr += 1;
                }
                SUCCESS => {
                    if ctx.toplevel
                        && ((self.match_all && ctx.ptr != end)
                            || (self.must_advance && ctx.ptr == self.start))
                    {
                        return FAIL;
                    }
                    self.ptr = ctx.ptr;
                    return Ok(Mode::Return(true));
                }
                AT => {
                    if !self.at_code(ctx.ptr, at(code, p)) {
                        return FAIL;
                    }
                    ctx.pc = p + 1;
                }
                CATEGORY => {
                    if ctx.ptr >= end || !category(at(code, p), self.ch(ctx.ptr)) {
                        return FAIL;
                    }
                    ctx.pc = p + 1;
                    ctx.ptr += 1;
                }
                ANY => {
                    if ctx.ptr >= end || self.ch(ctx.ptr) == 10 {
                        return FAIL;
                    }
                    ctx.pc = p;
                    ctx.ptr += 1;
                }
                ANY_ALL => {
                    if ctx.ptr >= end {
                        return FAIL;
                    }
                    ctx.pc = p;
                    ctx.ptr += 1;
                }
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    if ctx.ptr >= end {
                        return FAIL;
                    }
                    let ch = self.ch(ctx.ptr);
                    let ok = match op {
                        IN => in_charset(code, p + 1, ch),
                        IN_IGNORE => in_charset(code, p + 1, lower_ascii(ch)),
                        IN_UNI_IGNORE => in_charset(code, p + 1, lower_unicode(ch)),
                        _ => in_charset_loc_ignore(code, p + 1, ch),
                    };
                    if !ok {
                        return FAIL;
                    }
                    ctx.pc = p + at(code, p) as usize;
                    ctx.ptr += 1;
                }
                JUMP | INFO => {
                    ctx.pc = p + at(code, p) as usize;
                }
                BRANCH => {
                    self.lastmark_save(ctx);
                    if self.repeat != NO_REPEAT {
                        self.mark_push(ctx.lastmark);
                    }
                    ctx.pc = p;
                    return Ok(self.branch_next(code, ctx));
                }
                REPEAT_ONE => {
                    let min = at(code, p + 1) as isize;
                    if min > end as isize - ctx.ptr as isize {
                        return FAIL;
                    }
                    self.ptr = ctx.ptr;
                    let n = self.count(code, p + 3, at(code, p + 2))?;
                    ctx.count = n;
                    ctx.ptr += n as usize;
                    if n < min {
                        return FAIL;
                    }
                    let tail = p + at(code, p) as usize;
                    if at(code, tail) == SUCCESS
                        && ctx.ptr == end
                        && !(ctx.toplevel && self.must_advance && ctx.ptr == self.start)
                    {
                        self.ptr = ctx.ptr;
                        return Ok(Mode::Return(true));
                    }
                    self.lastmark_save(ctx);
                    if self.repeat != NO_REPEAT {
                        self.mark_push(ctx.lastmark);
                    }
                    ctx.pc = p;
                    if at(code, tail) == LITERAL {
                        ctx.chr = at(code, tail + 1);
                        return Ok(self.repeat_one_literal(code, ctx));
                    }
                    return Ok(self.repeat_one_general(code, ctx));
                }
                MIN_REPEAT_ONE => {
                    let min = at(code, p + 1) as isize;
                    if min > end as isize - ctx.ptr as isize {
                        return FAIL;
                    }
                    self.ptr = ctx.ptr;
                    if min == 0 {
                        ctx.count = 0;
                    } else {
                        let n = self.count(code, p + 3, min as u32)?;
                        if n < min {
                            return FAIL;
                        }
                        ctx.count = n;
                        ctx.ptr += n as usize;
                    }
                    let tail = p + at(code, p) as usize;
                    if at(code, tail) == SUCCESS
                        && !(ctx.toplevel
                            && ((self.match_all && ctx.ptr != end)
                                || (self.must_advance && ctx.ptr == self.start)))
                    {
                        self.ptr = ctx.ptr;
                        return Ok(Mode::Return(true));
                    }
                    self.lastmark_save(ctx);
                    if self.repeat != NO_REPEAT {
                        self.mark_push(ctx.lastmark);
                    }
                    ctx.pc = p;
                    return Ok(self.min_repeat_one_next(code, ctx));
                }
                POSSESSIVE_REPEAT_ONE => {
                    let min = at(code, p + 1) as isize;
                    if min > end as isize - ctx.ptr as isize {
                        return FAIL;
                    }
                    self.ptr = ctx.ptr;
                    let n = self.count(code, p + 3, at(code, p + 2))?;
                    ctx.count = n;
                    ctx.ptr += n as usize;
                    if n < min {
                        return FAIL;
                    }
                    ctx.pc = p + at(code, p) as usize;
                }
                REPEAT => {
                    let idx = self.repeats.len();
                    self.repeats.push(Repeat {
                        count: -1,
                        pc: p,
                        last_ptr: NULL,
                        prev: self.repeat,
                    });
                    self.repeat = idx;
                    self.ptr = ctx.ptr;
                    ctx.rep = idx;
                    ctx.pc = p;
                    let tl = ctx.toplevel;
                    return Ok(self.call(ctx, Jump::Repeat, p + at(code, p) as usize, tl));
                }
                MAX_UNTIL => {
                    let rep = self.repeat;
                    if rep == NO_REPEAT || rep >= self.repeats.len() {
                        return Err(SreError::State);
                    }
                    ctx.rep = rep;
                    ctx.pc = p;
                    self.ptr = ctx.ptr;
                    ctx.count = self.rep(rep)?.count + 1;
                    let rpc = self.rep(rep)?.pc;
                    let (min, max) = (at(code, rpc + 1), at(code, rpc + 2));
                    let tl = ctx.toplevel;
                    if ctx.count < min as isize {
                        self.rep(rep)?.count = ctx.count;
                        return Ok(self.call(ctx, Jump::MaxUntil1, rpc + 3, tl));
                    }
                    if (ctx.count < max as isize || max == MAXREPEAT)
                        && self.ptr as isize != self.rep(rep)?.last_ptr
                    {
                        self.rep(rep)?.count = ctx.count;
                        self.lastmark_save(ctx);
                        self.mark_push(ctx.lastmark);
                        ctx.saved = self.rep(rep)?.last_ptr;
                        self.rep(rep)?.last_ptr = self.ptr as isize;
                        return Ok(self.call(ctx, Jump::MaxUntil2, rpc + 3, tl));
                    }
                    return Ok(self.max_until_tail(ctx));
                }
                MIN_UNTIL => {
                    let rep = self.repeat;
                    if rep == NO_REPEAT || rep >= self.repeats.len() {
                        return Err(SreError::State);
                    }
                    ctx.rep = rep;
                    ctx.pc = p;
                    self.ptr = ctx.ptr;
                    ctx.count = self.rep(rep)?.count + 1;
                    let rpc = self.rep(rep)?.pc;
                    let tl = ctx.toplevel;
                    if ctx.count < at(code, rpc + 1) as isize {
                        self.rep(rep)?.count = ctx.count;
                        return Ok(self.call(ctx, Jump::MinUntil1, rpc + 3, tl));
                    }
                    self.repeat = self.rep(rep)?.prev;
                    self.lastmark_save(ctx);
                    if self.repeat != NO_REPEAT {
                        self.mark_push(ctx.lastmark);
                    }
                    return Ok(self.call(ctx, Jump::MinUntil2, p, tl));
                }
                POSSESSIVE_REPEAT => {
                    self.ptr = ctx.ptr;
                    ctx.count = 0;
                    ctx.pc = p;
                    return Ok(self.poss_repeat_min(code, ctx));
                }
                ATOMIC_GROUP => {
                    self.ptr = ctx.ptr;
                    ctx.pc = p;
                    return Ok(self.call(ctx, Jump::AtomicGroup, p + 1, false));
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    let gi = 2 * at(code, p) as usize;
                    if gi as isize >= self.lastmark {
                        return FAIL;
                    }
                    let (s, e) = (self.marks[gi], self.marks[gi + 1]);
                    if s < 0 || e < 0 || e < s {
                        return FAIL;
                    }
                    let (s, e) = (s as usize, e as usize);
                    for q in s..e {
                        if ctx.ptr >= end {
                            return FAIL;
                        }
                        let (a, b) = (self.ch(ctx.ptr), self.ch(q));
                        let same = match op {
                            GROUPREF => a == b,
                            GROUPREF_IGNORE => lower_ascii(a) == lower_ascii(b),
                            GROUPREF_UNI_IGNORE => lower_unicode(a) == lower_unicode(b),
                            _ => lower_locale(a) == lower_locale(b),
                        };
                        if !same {
                            return FAIL;
                        }
                        ctx.ptr += 1;
                    }
                    ctx.pc = p + 1;
                }
                GROUPREF_EXISTS => {
                    let gi = 2 * at(code, p) as usize;
                    let exists = (gi as isize) < self.lastmark && {
                        let (s, e) = (self.marks[gi], self.marks[gi + 1]);
                        s >= 0 && e >= 0 && e >= s
                    };
                    if exists {
                        ctx.pc = p + 2;
                    } else {
                        ctx.pc = p + at(code, p + 1) as usize;
                    }
                }
                ASSERT => {
                    let back = at(code, p + 1) as usize;
                    if ctx.ptr < back {
                        return FAIL;
                    }
                    self.ptr = ctx.ptr - back;
                    ctx.pc = p;
                    return Ok(self.call(ctx, Jump::Assert, p + 2, false));
                }
                ASSERT_NOT => {
                    let back = at(code, p + 1) as usize;
                    if ctx.ptr >= back {
                        self.ptr = ctx.ptr - back;
                        self.lastmark_save(ctx);
                        if self.repeat != NO_REPEAT {
                            self.mark_push(ctx.lastmark);
                        }
                        ctx.pc = p;
                        return Ok(self.call(ctx, Jump::AssertNot, p + 2, false));
                    }
                    ctx.pc = p + at(code, p) as usize;
                }
                FAILURE => return FAIL,
                _ => return Err(SreError::State),
            }
        }
    }

    /// Try the BRANCH alternative whose skip word is at `ctx.pc`, or the
    /// next ones that can start here.
    fn branch_next(&mut self, code: &[u32], ctx: &mut Ctx) -> Mode {
        loop {
            let skip = at(code, ctx.pc) as usize;
            if skip == 0 {
                if self.repeat != NO_REPEAT {
                    self.mark_discard(ctx.lastmark);
                }
                return Mode::Return(false);
            }
            let first = at(code, ctx.pc + 1);
            if first == LITERAL && (ctx.ptr >= self.end || self.ch(ctx.ptr) != at(code, ctx.pc + 2))
            {
                ctx.pc += skip;
                continue;
            }
            if first == IN
                && (ctx.ptr >= self.end || !in_charset(code, ctx.pc + 3, self.ch(ctx.ptr)))
            {
                ctx.pc += skip;
                continue;
            }
            self.ptr = ctx.ptr;
            let (pc, tl) = (ctx.pc + 1, ctx.toplevel);
            return self.call(ctx, Jump::Branch, pc, tl);
        }
    }

    fn repeat_one_literal(&mut self, code: &[u32], ctx: &mut Ctx) -> Mode {
        let min = at(code, ctx.pc + 1) as isize;
        while ctx.count >= min && (ctx.ptr >= self.end || self.ch(ctx.ptr) != ctx.chr) {
            ctx.ptr = ctx.ptr.wrapping_sub(1);
            ctx.count -= 1;
        }
        if ctx.count < min {
            if self.repeat != NO_REPEAT {
                self.mark_discard(ctx.lastmark);
            }
            return Mode::Return(false);
        }
        self.ptr = ctx.ptr;
        let (tail, tl) = (ctx.pc + at(code, ctx.pc) as usize, ctx.toplevel);
        self.call(ctx, Jump::RepeatOne1, tail, tl)
    }

    fn repeat_one_general(&mut self, code: &[u32], ctx: &mut Ctx) -> Mode {
        let min = at(code, ctx.pc + 1) as isize;
        if ctx.count < min {
            if self.repeat != NO_REPEAT {
                self.mark_discard(ctx.lastmark);
            }
            return Mode::Return(false);
        }
        self.ptr = ctx.ptr;
        let (tail, tl) = (ctx.pc + at(code, ctx.pc) as usize, ctx.toplevel);
        self.call(ctx, Jump::RepeatOne2, tail, tl)
    }

    fn min_repeat_one_next(&mut self, code: &[u32], ctx: &mut Ctx) -> Mode {
        let max = at(code, ctx.pc + 2);
        if max == MAXREPEAT || ctx.count <= max as isize {
            self.ptr = ctx.ptr;
            let (tail, tl) = (ctx.pc + at(code, ctx.pc) as usize, ctx.toplevel);
            return self.call(ctx, Jump::MinRepeatOne, tail, tl);
        }
        if self.repeat != NO_REPEAT {
            self.mark_discard(ctx.lastmark);
        }
        Mode::Return(false)
    }

    fn rep(&mut self, i: usize) -> Result<&mut Repeat, SreError> {
        self.repeats.get_mut(i).ok_or(SreError::State)
    }

    fn max_until_tail(&mut self, ctx: &mut Ctx) -> Mode {
        self.repeat = self.repeats.get(ctx.rep).map_or(NO_REPEAT, |r| r.prev);
        let (pc, tl) = (ctx.pc, ctx.toplevel);
        self.call(ctx, Jump::MaxUntil3, pc, tl)
    }

    fn poss_repeat_min(&mut self, code: &[u32], ctx: &mut Ctx) -> Mode {
        if ctx.count < at(code, ctx.pc + 1) as isize {
            let pc = ctx.pc + 3;
            return self.call(ctx, Jump::PossRepeat1, pc, false);
        }
        ctx.saved = NULL;
        self.poss_repeat_more(code, ctx)
    }

    fn poss_repeat_more(&mut self, code: &[u32], ctx: &mut Ctx) -> Mode {
        let max = at(code, ctx.pc + 2);
        if (ctx.count < max as isize || max == MAXREPEAT) && self.ptr as isize != ctx.saved {
            self.lastmark_save(ctx);
            self.mark_push(ctx.lastmark);
            ctx.saved = self.ptr as isize;
            let pc = ctx.pc + 3;
            return self.call(ctx, Jump::PossRepeat2, pc, false);
        }
        self.poss_repeat_done(code, ctx)
    }

    fn poss_repeat_done(&mut self, code: &[u32], ctx: &mut Ctx) -> Mode {
        ctx.pc += at(code, ctx.pc) as usize + 1;
        ctx.ptr = self.ptr;
        Mode::Dispatch
    }

    /// Continue `ctx` after a child context returned `ret`.
    fn resume(
        &mut self,
        code: &[u32],
        ctx: &mut Ctx,
        jump: Jump,
        ret: bool,
    ) -> Result<Mode, SreError> {
        let has_repeat = self.repeat != NO_REPEAT;
        Ok(match jump {
            Jump::None => Mode::Return(ret),
            Jump::Branch => {
                if ret {
                    if has_repeat {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Mode::Return(true));
                }
                if has_repeat {
                    self.mark_pop(ctx.lastmark, true);
                }
                self.lastmark_restore(ctx);
                ctx.pc += at(code, ctx.pc) as usize;
                self.branch_next(code, ctx)
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 => {
                if ret {
                    if has_repeat {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Mode::Return(true));
                }
                if has_repeat {
                    self.mark_pop(ctx.lastmark, true);
                }
                self.lastmark_restore(ctx);
                ctx.ptr = ctx.ptr.wrapping_sub(1);
                ctx.count -= 1;
                if jump == Jump::RepeatOne1 {
                    self.repeat_one_literal(code, ctx)
                } else {
                    self.repeat_one_general(code, ctx)
                }
            }
            Jump::MinRepeatOne => {
                if ret {
                    if has_repeat {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Mode::Return(true));
                }
                if has_repeat {
                    self.mark_pop(ctx.lastmark, true);
                }
                self.lastmark_restore(ctx);
                self.ptr = ctx.ptr;
                let n = self.count(code, ctx.pc + 3, 1)?;
                if n == 0 {
                    if has_repeat {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Mode::Return(false));
                }
                ctx.ptr += 1;
                ctx.count += 1;
                self.min_repeat_one_next(code, ctx)
            }
            Jump::Repeat => {
                let rep = ctx.rep;
                if rep < self.repeats.len() {
                    self.repeat = self.rep(rep)?.prev;
                    self.repeats.truncate(rep);
                }
                Mode::Return(ret)
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    return Ok(Mode::Return(true));
                }
                self.rep(ctx.rep)?.count = ctx.count - 1;
                self.ptr = ctx.ptr;
                Mode::Return(false)
            }
            Jump::MaxUntil2 => {
                let rep = ctx.rep;
                self.rep(rep)?.last_ptr = ctx.saved;
                if ret {
                    self.mark_discard(ctx.lastmark);
                    return Ok(Mode::Return(true));
                }
                self.mark_pop(ctx.lastmark, false);
                self.lastmark_restore(ctx);
                self.rep(rep)?.count = ctx.count - 1;
                self.ptr = ctx.ptr;
                self.max_until_tail(ctx)
            }
            Jump::MaxUntil3 => {
                self.repeat = ctx.rep;
                if ret {
                    return Ok(Mode::Return(true));
                }
                self.ptr = ctx.ptr;
                Mode::Return(false)
            }
            Jump::MinUntil2 => {
                let rep = ctx.rep;
                let repeat_of_tail = self.repeat;
                self.repeat = rep;
                if ret {
                    if repeat_of_tail != NO_REPEAT {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Mode::Return(true));
                }
                if repeat_of_tail != NO_REPEAT {
                    self.mark_pop(ctx.lastmark, false);
                }
                self.lastmark_restore(ctx);
                self.ptr = ctx.ptr;
                let max = at(code, self.rep(rep)?.pc + 2);
                if (ctx.count >= max as isize && max != MAXREPEAT)
                    || self.ptr as isize == self.rep(rep)?.last_ptr
                {
                    return Ok(Mode::Return(false));
                }
                self.rep(rep)?.count = ctx.count;
                ctx.saved = self.rep(rep)?.last_ptr;
                self.rep(rep)?.last_ptr = self.ptr as isize;
                let (pc, tl) = (self.rep(rep)?.pc + 3, ctx.toplevel);
                self.call(ctx, Jump::MinUntil3, pc, tl)
            }
            Jump::MinUntil3 => {
                let rep = ctx.rep;
                self.rep(rep)?.last_ptr = ctx.saved;
                if ret {
                    return Ok(Mode::Return(true));
                }
                self.rep(rep)?.count = ctx.count - 1;
                self.ptr = ctx.ptr;
                Mode::Return(false)
            }
            Jump::PossRepeat1 => {
                if ret {
                    ctx.count += 1;
                    self.poss_repeat_min(code, ctx)
                } else {
                    self.ptr = ctx.ptr;
                    Mode::Return(false)
                }
            }
            Jump::PossRepeat2 => {
                if ret {
                    self.mark_discard(ctx.lastmark);
                    ctx.count += 1;
                    self.poss_repeat_more(code, ctx)
                } else {
                    self.mark_pop(ctx.lastmark, false);
                    self.lastmark_restore(ctx);
                    self.ptr = ctx.saved as usize;
                    self.poss_repeat_done(code, ctx)
                }
            }
            Jump::AtomicGroup => {
                if !ret {
                    self.ptr = ctx.ptr;
                    return Ok(Mode::Return(false));
                }
                ctx.ptr = self.ptr;
                ctx.pc += at(code, ctx.pc) as usize;
                Mode::Dispatch
            }
            Jump::Assert => {
                if !ret {
                    return Ok(Mode::Return(false));
                }
                ctx.pc += at(code, ctx.pc) as usize;
                Mode::Dispatch
            }
            Jump::AssertNot => {
                if ret {
                    if has_repeat {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Mode::Return(false));
                }
                if has_repeat {
                    self.mark_pop(ctx.lastmark, false);
                }
                self.lastmark_restore(ctx);
                ctx.pc += at(code, ctx.pc) as usize;
                Mode::Dispatch
            }
        })
    }

    /// `pattern.match` at `self.start` (with `match_all` for fullmatch).
    pub fn pmatch(&mut self, code: &[u32]) -> Result<bool, SreError> {
        self.ptr = self.start;
        self.run(code, 0, true)
    }

    /// Find the first match at or after `self.start` (`SRE(search)`); on
    /// success `self.start..self.ptr` is the match.
    pub fn search(&mut self, code: &[u32]) -> Result<bool, SreError> {
        let mut ptr = self.start;
        let end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut body = 0;
        let mut min = 0usize;
        // A first-character filter from the INFO block: a literal prefix
        // or a charset of possible first characters (only emitted for
        // patterns that cannot match the empty string).
        let mut first_lit: Option<u32> = None;
        let mut first_set: Option<usize> = None;
        if at(code, 0) == INFO {
            let flags = at(code, 2);
            min = at(code, 3) as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if flags & INFO_PREFIX != 0 {
                if at(code, 5) > 0 {
                    first_lit = Some(at(code, 7));
                }
            } else if flags & INFO_CHARSET != 0 {
                first_set = Some(5);
            }
            body = 1 + at(code, 1) as usize;
        }
        if first_lit.is_none() && first_set.is_none() && at(code, body) == LITERAL {
            first_lit = Some(at(code, body + 1));
        }
        // Positions after `last` leave too few characters for a match.
        let last = end - min.saturating_sub(1).min(end - ptr);
        let anchored = at(code, body) == AT
            && matches!(at(code, body + 1), AT_BEGINNING | AT_BEGINNING_STRING);
        let mut first = true;
        loop {
            if let Some(c) = first_lit {
                while ptr < end && self.ch(ptr) != c {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
            } else if let Some(s) = first_set {
                while ptr < end && !in_charset(code, s, self.ch(ptr)) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
            }
            if ptr > last && !first {
                return Ok(false);
            }
            self.start = ptr;
            self.ptr = ptr;
            if self.run(code, body, true)? {
                return Ok(true);
            }
            self.must_advance = false;
            first = false;
            if anchored || ptr >= end {
                if anchored {
                    self.start = end;
                    self.ptr = end;
                }
                return Ok(false);
            }
            ptr += 1;
            self.lastmark = -1;
            self.lastindex = -1;
        }
    }
}
