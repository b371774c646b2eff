//! The `_csv` module behind `csv.py`: `Dialect`, `reader`, `writer`, the
//! dialect registry, `field_size_limit`, the `QUOTE_*` constants and
//! `Error`. The reader is CPython's character state machine; the writer
//! applies the same quoting rules. Mirrors CPython 3.11 `Modules/_csv.c`.

use std::cell::{Cell, RefCell};

use super::type_cache::{native_type, GC, WEAK};
use crate::args::Args;
use crate::types::str::PyStr;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyBaseExceptionRef, PyObjectRef, PyResult, Vm};

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

thread_local! {
    static FIELD_LIMIT: Cell<i64> = const { Cell::new(128 * 1024) };
}

fn module_attr(vm: &Vm, name: &str) -> Option<PyObjectRef> {
    vm.modules
        .get_by_str("_csv")
        .and_then(|m| vm.module_dict(&m).and_then(|d| d.get_by_str(name)))
}

fn csv_err(vm: &Vm, msg: impl Into<String>) -> PyBaseExceptionRef {
    let msg = msg.into();
    match module_attr(vm, "Error")
        .and_then(|c| vm.call(&c, &[vm.new_str(msg.as_str())]).ok())
        .and_then(|e| e.downcast().ok())
    {
        Some(e) => e,
        None => vm.new_value_error(msg),
    }
}

// ----- Dialect --------------------------------------------------------------------------

#[derive(Clone)]
pub struct DialectVals {
    delimiter: char,
    doublequote: bool,
    escapechar: Option<char>,
    lineterminator: String,
    quotechar: Option<char>,
    quoting: i64,
    skipinitialspace: bool,
    strict: bool,
}

pub struct Dialect {
    v: DialectVals,
}

impl Payload for Dialect {
    pyrite_core::unique_vtable!(Dialect);
}

fn dialect_type(vm: &Vm) -> PyTypeRef {
    native_type::<Dialect>(vm, "_csv", "Dialect", None, WEAK, init_dialect)
}

const NAMES: [&str; 8] = [
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

/// A one-character option: `None` given → `none_ok` decides.
fn char_opt(
    vm: &Vm,
    name: &str,
    v: Option<&PyObjectRef>,
    dflt: Option<char>,
    none_ok: bool,
) -> PyResult<Option<char>> {
    let Some(v) = v else { return Ok(dflt) };
    if v.is(&vm.none) && none_ok {
        return Ok(None);
    }
    let Some(s) = v.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(if none_ok {
            format!("\"{name}\" must be string or None, not {}", vm.type_name(v))
        } else {
            format!("\"{name}\" must be string, not {}", vm.type_name(v))
        }));
    };
    let mut it = s.as_str().chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(Some(c)),
        _ => Err(vm.new_type_error(format!("\"{name}\" must be a 1-character string"))),
    }
}

/// Build dialect values from an optional base object and overrides.
fn make_dialect(
    vm: &Vm,
    base: Option<&PyObjectRef>,
    kw: &[(&str, &PyObjectRef)],
) -> PyResult<DialectVals> {
    let base = match base {
        Some(b) if b.downcast_ref::<PyStr>().is_some() => Some(get_dialect_obj(vm, b)?),
        Some(b) if !b.is(&vm.none) => Some(b.clone()),
        _ => None,
    };
    if let Some(b) = &base {
        if let Some(d) = b.downcast_ref::<Dialect>() {
            if kw.is_empty() {
                return Ok(d.v.clone());
            }
        }
    }
    for (k, _) in kw {
        if !NAMES.contains(k) {
            return Err(vm.new_type_error(format!(
                "'{k}' is an invalid keyword argument for this function"
            )));
        }
    }
    let mut vals: [Option<PyObjectRef>; 8] = Default::default();
    for (i, n) in NAMES.iter().enumerate() {
        if let Some(b) = &base {
            vals[i] = vm.get_attr_opt(b, &vm.new_str(*n))?;
        }
        if let Some((_, v)) = kw.iter().find(|(k, _)| k == n) {
            vals[i] = Some((*v).clone());
        }
    }
    let g = |i: usize| vals[i].as_ref();
    let flag = |i: usize, d: bool| -> PyResult<bool> {
        match g(i) {
            Some(v) => vm.is_true(v),
            None => Ok(d),
        }
    };
    // Options are read in CPython's order, so the first bad one is the
    // one reported; a None option means "not set".
    let delimiter = match g(0) {
        Some(v) if v.is(&vm.none) => None,
        v => char_opt(vm, "delimiter", v, Some(','), false)?,
    };
    let doublequote = flag(1, true)?;
    let escapechar = char_opt(vm, "escapechar", g(2), None, true)?;
    let lineterminator = match g(3) {
        None => Some("\r\n".to_string()),
        Some(v) if v.is(&vm.none) => None,
        Some(v) => match v.downcast_ref::<PyStr>() {
            Some(s) => Some(s.as_str().to_string()),
            None => return Err(vm.new_type_error("\"lineterminator\" must be a string")),
        },
    };
    let quotechar_none = g(4).is_some_and(|q| q.is(&vm.none));
    let quotechar = char_opt(vm, "quotechar", g(4), Some('"'), true)?;
    let quoting = match g(5) {
        None => {
            if quotechar_none {
                QUOTE_NONE
            } else {
                QUOTE_MINIMAL
            }
        }
        Some(v) => {
            if !v.class().is(vm.types.int.as_object()) {
                return Err(vm.new_type_error("\"quoting\" must be an integer"));
            }
            vm.index_isize(v)? as i64
        }
    };
    let skipinitialspace = flag(6, false)?;
    let strict = flag(7, false)?;
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting) {
        return Err(vm.new_type_error("bad \"quoting\" value"));
    }
    let Some(delimiter) = delimiter else {
        return Err(vm.new_type_error("\"delimiter\" must be a 1-character string"));
    };
    if quoting != QUOTE_NONE && quotechar.is_none() {
        return Err(vm.new_type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator) = lineterminator else {
        return Err(vm.new_type_error("lineterminator must be set"));
    };
    Ok(DialectVals {
        delimiter,
        doublequote,
        escapechar,
        lineterminator,
        quotechar,
        quoting,
        skipinitialspace,
        strict,
    })
}

fn kwargs<'a>(args: &Args<'a>) -> Vec<(&'a str, &'a PyObjectRef)> {
    args.kwargs().collect()
}

fn dialect_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let rest = args.shift();
    if rest.pos().len() > 1 {
        return Err(vm.new_type_error(format!(
            "Dialect() takes at most 1 positional argument ({} given)",
            rest.pos().len()
        )));
    }
    let mut base = rest.pos().first();
    let mut kw = kwargs(&rest);
    if let Some(i) = kw.iter().position(|(k, _)| *k == "dialect") {
        base = Some(kw.remove(i).1);
    }
    for (k, _) in &kw {
        if !NAMES.contains(k) {
            return Err(vm.new_type_error(format!(
                "'{k}' is an invalid keyword argument for Dialect()"
            )));
        }
    }
    let v = make_dialect(vm, base, &kw)?;
    Ok(vm.try_alloc(Dialect { v }, cls)?.into_object())
}

fn dvals<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a DialectVals> {
    o.downcast_ref::<Dialect>()
        .map(|d| &d.v)
        .ok_or_else(|| vm.new_type_error("Dialect expected"))
}

fn char_or_none(vm: &Vm, c: Option<char>) -> PyObjectRef {
    match c {
        Some(c) => vm.new_str(c.to_string()),
        None => vm.none.clone(),
    }
}

fn g_delimiter(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(dvals(vm, o)?.delimiter.to_string()))
}
fn g_doublequote(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(dvals(vm, o)?.doublequote))
}
fn g_escapechar(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(char_or_none(vm, dvals(vm, o)?.escapechar))
}
fn g_lineterminator(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(dvals(vm, o)?.lineterminator.as_str()))
}
fn g_quotechar(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(char_or_none(vm, dvals(vm, o)?.quotechar))
}
fn g_quoting(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(dvals(vm, o)?.quoting))
}
fn g_skipinitialspace(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(dvals(vm, o)?.skipinitialspace))
}
fn g_strict(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(dvals(vm, o)?.strict))
}

fn init_dialect(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", dialect_new);
    vm.add_getset(t, "delimiter", g_delimiter, None);
    vm.add_getset(t, "doublequote", g_doublequote, None);
    vm.add_getset(t, "escapechar", g_escapechar, None);
    vm.add_getset(t, "lineterminator", g_lineterminator, None);
    vm.add_getset(t, "quotechar", g_quotechar, None);
    vm.add_getset(t, "quoting", g_quoting, None);
    vm.add_getset(t, "skipinitialspace", g_skipinitialspace, None);
    vm.add_getset(t, "strict", g_strict, None);
}

fn new_dialect_obj(vm: &Vm, v: DialectVals) -> PyObjectRef {
    vm.alloc(Dialect { v }, &dialect_type(vm))
}

// ----- the registry ----------------------------------------------------------------------------

fn registry(vm: &Vm) -> PyResult<PyObjectRef> {
    module_attr(vm, "_dialects").ok_or_else(|| vm.new_system_error("_csv registry missing"))
}

fn get_dialect_obj(vm: &Vm, name: &PyObjectRef) -> PyResult<PyObjectRef> {
    let reg = registry(vm)?;
    match vm.get_item(&reg, name) {
        Ok(d) => Ok(d),
        Err(e) if vm.exc_matches(&e, &vm.exc.KeyError) => Err(csv_err(vm, "unknown dialect")),
        Err(e) => Err(e),
    }
}

fn m_register_dialect(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.new_type_error(format!(
            "register_dialect() expected at most 2 arguments, got {}",
            pos.len()
        )));
    }
    let name = &pos[0];
    if name.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error("dialect name must be a string"));
    }
    let v = make_dialect(vm, pos.get(1), &kwargs(&args))?;
    vm.set_item(&registry(vm)?, name.clone(), new_dialect_obj(vm, v))?;
    Ok(vm.none.clone())
}

fn m_unregister_dialect(vm: &Vm, args: Args) -> PyResult {
    let [name] = args.exact::<1>(vm, "unregister_dialect")?;
    let reg = registry(vm)?;
    match vm.del_item(&reg, name) {
        Ok(()) => Ok(vm.none.clone()),
        Err(e) if vm.exc_matches(&e, &vm.exc.KeyError) => Err(csv_err(vm, "unknown dialect")),
        Err(e) => Err(e),
    }
}

fn m_get_dialect(vm: &Vm, args: Args) -> PyResult {
    let [name] = args.exact::<1>(vm, "get_dialect")?;
    get_dialect_obj(vm, name)
}

fn m_list_dialects(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "list_dialects")?;
    let reg = registry(vm)?;
    let keys = vm.call_method(&reg, "keys", &[])?;
    Ok(vm.new_list(vm.to_vec(&keys)?))
}

fn m_field_size_limit(vm: &Vm, args: Args) -> PyResult {
    let [limit] = args.bind(vm, "field_size_limit", ["new_limit"], 0, 0, 1)?;
    let old = FIELD_LIMIT.with(|l| l.get());
    if let Some(l) = limit {
        if l.downcast_ref::<crate::types::int::PyInt>().is_none() {
            return Err(vm.new_type_error("limit must be an integer"));
        }
        let v = vm.index_isize(l)? as i64;
        FIELD_LIMIT.with(|x| x.set(v));
    }
    Ok(vm.new_int(old))
}

// ----- reader -------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum St {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

pub struct Reader {
    input: PyObjectRef,
    dialect: PyObjectRef,
    v: DialectVals,
    line_num: Cell<i64>,
    state: Cell<St>,
    field: RefCell<String>,
    field_len: Cell<usize>,
    numeric: Cell<bool>,
    fields: RefCell<Vec<PyObjectRef>>,
}

impl Payload for Reader {
    pyrite_core::unique_vtable!(Reader);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.input);
        visit(&self.dialect);
        if let Ok(f) = self.fields.try_borrow() {
            f.iter().for_each(&mut *visit);
        }
    }
}

fn reader_type(vm: &Vm) -> PyTypeRef {
    native_type::<Reader>(vm, "_csv", "reader", None, GC, init_reader)
}

impl Reader {
    fn save_field(&self, vm: &Vm) -> PyResult<()> {
        let s = std::mem::take(&mut *self.field.borrow_mut());
        self.field_len.set(0);
        let o = vm.new_str(s);
        let o = if self.numeric.get() {
            self.numeric.set(false);
            vm.call(vm.types.float.as_object(), &[o])?
        } else {
            o
        };
        self.fields.borrow_mut().push(o);
        Ok(())
    }

    fn add_char(&self, vm: &Vm, c: char) -> PyResult<()> {
        let limit = FIELD_LIMIT.with(|l| l.get());
        if self.field_len.get() as i64 >= limit {
            return Err(csv_err(
                vm,
                format!("field larger than field limit ({limit})"),
            ));
        }
        self.field.borrow_mut().push(c);
        self.field_len.set(self.field_len.get() + 1);
        Ok(())
    }

    /// One character, or `None` for the end of a line.
    fn process(&self, vm: &Vm, c: Option<char>) -> PyResult<()> {
        let d = &self.v;
        let is_nl = |c: Option<char>| matches!(c, Some('\n') | Some('\r'));
        let eol_state = |c: Option<char>| {
            if c.is_none() {
                St::StartRecord
            } else {
                St::EatCrnl
            }
        };
        let quote = |c: Option<char>| c.is_some() && c == d.quotechar && d.quoting != QUOTE_NONE;
        let esc = |c: Option<char>| c.is_some() && c == d.escapechar;
        let delim = |c: Option<char>| c == Some(d.delimiter);
        let mut st = self.state.get();
        if st == St::StartRecord {
            if c.is_none() {
                return Ok(());
            }
            if is_nl(c) {
                self.state.set(St::EatCrnl);
                return Ok(());
            }
            st = St::StartField;
        }
        if st == St::AfterEscapedCrnl {
            if c.is_none() {
                return Ok(());
            }
            st = St::InField;
        }
        match st {
            St::StartField => {
                if is_nl(c) || c.is_none() {
                    self.save_field(vm)?;
                    self.state.set(eol_state(c));
                } else if quote(c) {
                    self.state.set(St::InQuotedField);
                } else if esc(c) {
                    self.state.set(St::EscapedChar);
                } else if c == Some(' ') && d.skipinitialspace {
                    self.state.set(St::StartField);
                } else if delim(c) {
                    self.save_field(vm)?;
                    self.state.set(St::StartField);
                } else {
                    if d.quoting == QUOTE_NONNUMERIC {
                        self.numeric.set(true);
                    }
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.state.set(St::InField);
                }
            }
            St::EscapedChar => {
                if is_nl(c) {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.state.set(St::AfterEscapedCrnl);
                } else {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.state.set(St::InField);
                }
            }
            St::InField => {
                if is_nl(c) || c.is_none() {
                    self.save_field(vm)?;
                    self.state.set(eol_state(c));
                } else if esc(c) {
                    self.state.set(St::EscapedChar);
                } else if delim(c) {
                    self.save_field(vm)?;
                    self.state.set(St::StartField);
                } else {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.state.set(St::InField);
                }
            }
            St::InQuotedField => {
                if c.is_none() {
                } else if esc(c) {
                    self.state.set(St::EscapeInQuotedField);
                } else if quote(c) {
                    self.state.set(if d.doublequote {
                        St::QuoteInQuotedField
                    } else {
                        St::InField
                    });
                } else {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                }
            }
            St::EscapeInQuotedField => {
                self.add_char(vm, c.unwrap_or('\n'))?;
                self.state.set(St::InQuotedField);
            }
            St::QuoteInQuotedField => {
                if quote(c) {
                    self.add_char(vm, c.unwrap_or('"'))?;
                    self.state.set(St::InQuotedField);
                } else if delim(c) {
                    self.save_field(vm)?;
                    self.state.set(St::StartField);
                } else if is_nl(c) || c.is_none() {
                    self.save_field(vm)?;
                    self.state.set(eol_state(c));
                } else if !d.strict {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.state.set(St::InField);
                } else {
                    return Err(csv_err(
                        vm,
                        format!(
                            "'{}' expected after '{}'",
                            d.delimiter,
                            d.quotechar.unwrap_or('"')
                        ),
                    ));
                }
            }
            St::EatCrnl => {
                if is_nl(c) {
                } else if c.is_none() {
                    self.state.set(St::StartRecord);
                } else {
                    return Err(csv_err(vm, "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?"));
                }
            }
            St::StartRecord | St::AfterEscapedCrnl => {}
        }
        Ok(())
    }
}

fn m_reader(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.new_type_error(format!("expected at most 2 arguments, got {}", pos.len())));
    }
    let input = vm.iter(&pos[0])?;
    let v = make_dialect(vm, pos.get(1), &kwargs(&args))?;
    let dialect = new_dialect_obj(vm, v.clone());
    let r = Reader {
        input,
        dialect,
        v,
        line_num: Cell::new(0),
        state: Cell::new(St::StartRecord),
        field: RefCell::new(String::new()),
        field_len: Cell::new(0),
        numeric: Cell::new(false),
        fields: RefCell::new(Vec::new()),
    };
    Ok(vm.alloc(r, &reader_type(vm)))
}

fn reader_next(vm: &Vm, args: Args) -> PyResult {
    let r = args.pos()[0]
        .downcast_ref::<Reader>()
        .ok_or_else(|| vm.new_type_error("reader expected"))?;
    r.fields.borrow_mut().clear();
    r.field.borrow_mut().clear();
    r.field_len.set(0);
    r.state.set(St::StartRecord);
    r.numeric.set(false);
    loop {
        let Some(line) = vm.next(&r.input)? else {
            if r.field_len.get() != 0 || r.state.get() == St::InQuotedField {
                if r.v.strict {
                    return Err(csv_err(vm, "unexpected end of data"));
                }
                r.save_field(vm)?;
                break;
            }
            return Err(vm.new_stop_iteration(None));
        };
        let Some(s) = line.downcast_ref::<PyStr>() else {
            return Err(csv_err(
                vm,
                format!(
                    "iterator should return strings, not {} (the file should be opened in text mode)",
                    vm.type_name(&line)
                ),
            ));
        };
        r.line_num.set(r.line_num.get() + 1);
        for c in s.as_str().chars() {
            r.process(vm, Some(c))?;
        }
        r.process(vm, None)?;
        if r.state.get() == St::StartRecord {
            break;
        }
    }
    let fields = std::mem::take(&mut *r.fields.borrow_mut());
    Ok(vm.new_list(fields))
}

fn reader_iter(vm: &Vm, args: Args) -> PyResult {
    args.pos()
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("__iter__ needs an argument"))
}

fn reader_dialect(vm: &Vm, o: &PyObjectRef) -> PyResult {
    o.downcast_ref::<Reader>()
        .map(|r| r.dialect.clone())
        .ok_or_else(|| vm.new_type_error("reader expected"))
}

fn reader_line_num(vm: &Vm, o: &PyObjectRef) -> PyResult {
    o.downcast_ref::<Reader>()
        .map(|r| vm.new_int(r.line_num.get()))
        .ok_or_else(|| vm.new_type_error("reader expected"))
}

fn init_reader(vm: &Vm, t: &PyTypeRef) {
    vm.add_method(t, "__iter__", reader_iter);
    vm.add_method(t, "__next__", reader_next);
    vm.add_getset(t, "dialect", reader_dialect, None);
    vm.add_getset(t, "line_num", reader_line_num, None);
}

// ----- writer ---------------------------------------------------------------------------------------

pub struct Writer {
    write: PyObjectRef,
    dialect: PyObjectRef,
    v: DialectVals,
}

impl Payload for Writer {
    pyrite_core::unique_vtable!(Writer);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.write);
        visit(&self.dialect);
    }
}

fn writer_type(vm: &Vm) -> PyTypeRef {
    native_type::<Writer>(vm, "_csv", "writer", None, GC, init_writer)
}

fn m_writer(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.new_type_error(format!("expected at most 2 arguments, got {}", pos.len())));
    }
    let write = match vm.get_attr_opt(&pos[0], &vm.new_str("write"))? {
        Some(w) if vm.is_callable(&w) => w,
        _ => {
            return Err(vm.new_type_error("argument 1 must have a \"write\" method"));
        }
    };
    let v = make_dialect(vm, pos.get(1), &kwargs(&args))?;
    let dialect = new_dialect_obj(vm, v.clone());
    Ok(vm.alloc(Writer { write, dialect, v }, &writer_type(vm)))
}

/// Append one field with CPython's quoting/escaping rules.
fn append_field(
    vm: &Vm,
    d: &DialectVals,
    rec: &mut String,
    first: bool,
    field: &str,
    mut quoted: bool,
) -> PyResult<()> {
    if !first {
        rec.push(d.delimiter);
    }
    let mut body = String::new();
    for c in field.chars() {
        let mut want_escape = false;
        if c == d.delimiter
            || Some(c) == d.escapechar
            || Some(c) == d.quotechar
            || d.lineterminator.contains(c)
        {
            if d.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                let Some(e) = d.escapechar else {
                    return Err(csv_err(vm, "need to escape, but no escapechar set"));
                };
                body.push(e);
            }
        }
        body.push(c);
    }
    if quoted {
        let q = d.quotechar.unwrap_or('"');
        rec.push(q);
        rec.push_str(&body);
        rec.push(q);
    } else {
        rec.push_str(&body);
    }
    Ok(())
}

/// `PyNumber_Check`: the type defines `__index__`, `__int__` or
/// `__float__` (or is complex).
fn is_number(vm: &Vm, o: &PyObjectRef) -> bool {
    let t = crate::types::typeobj::class_of(o);
    t.ext.lookup(&vm.names.__index__).is_some()
        || t.ext.lookup(&vm.names.__float__).is_some()
        || t.ext.lookup_str("__int__").is_some()
        || o.downcast_ref::<crate::types::complex::PyComplex>()
            .is_some()
}

fn writer_writerow(vm: &Vm, args: Args) -> PyResult {
    let w = args.pos()[0]
        .downcast_ref::<Writer>()
        .ok_or_else(|| vm.new_type_error("writer expected"))?;
    let [row] = args.shift().exact::<1>(vm, "writerow")?;
    let it = vm.iter(row).map_err(|e| {
        if vm.exc_matches(&e, &vm.exc.TypeError) {
            csv_err(vm, format!("iterable expected, not {}", vm.type_name(row)))
        } else {
            e
        }
    })?;
    let d = &w.v;
    let mut rec = String::new();
    let mut n = 0usize;
    while let Some(f) = vm.next(&it)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(vm, &f),
            QUOTE_ALL => true,
            _ => false,
        };
        let s = if let Some(s) = f.downcast_ref::<PyStr>() {
            s.as_str().to_string()
        } else if f.is(&vm.none) {
            String::new()
        } else {
            vm.str_string(&f)?
        };
        append_field(vm, d, &mut rec, n == 0, &s, quoted)?;
        n += 1;
    }
    if n > 0 && rec.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(csv_err(vm, "single empty field record must be quoted"));
        }
        append_field(vm, d, &mut rec, true, "", true)?;
    }
    rec.push_str(&d.lineterminator);
    vm.call(&w.write, &[vm.new_str(rec)])
}

fn writer_writerows(vm: &Vm, args: Args) -> PyResult {
    let me = args.pos()[0].clone();
    let [rows] = args.shift().exact::<1>(vm, "writerows")?;
    let it = vm.iter(rows)?;
    while let Some(r) = vm.next(&it)? {
        let a = [me.clone(), r];
        writer_writerow(vm, Args::positional(&a))?;
    }
    Ok(vm.none.clone())
}

fn writer_dialect(vm: &Vm, o: &PyObjectRef) -> PyResult {
    o.downcast_ref::<Writer>()
        .map(|w| w.dialect.clone())
        .ok_or_else(|| vm.new_type_error("writer expected"))
}

fn init_writer(vm: &Vm, t: &PyTypeRef) {
    vm.add_method(t, "writerow", writer_writerow);
    vm.add_method(t, "writerows", writer_writerows);
    vm.add_getset(t, "dialect", writer_dialect, None);
}

const DOC: &str = "CSV parsing and writing.\n\nThis module provides classes that assist in the reading and writing\nof Comma Separated Value (CSV) files, and implements the interface\ndescribed by PEP 305.";

/// Build the `_csv` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_csv", Some(DOC));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    let ns = vm.new_dict();
    vm.dict_set_str(&ns, "__module__", vm.new_str("_csv"));
    let err = vm.call(
        vm.types.type_.as_object(),
        &[
            vm.new_str("Error"),
            vm.new_tuple(vec![vm.exc.Exception.as_object().clone()]),
            ns.into_object(),
        ],
    )?;
    vm.dict_set_str(d, "Error", err);
    vm.dict_set_str(d, "__version__", vm.new_str("1.0"));
    vm.dict_set_str(d, "_dialects", vm.new_dict().into_object());
    vm.dict_set_str(d, "Dialect", dialect_type(vm).as_object().clone());
    for (n, v) in [
        ("QUOTE_MINIMAL", QUOTE_MINIMAL),
        ("QUOTE_ALL", QUOTE_ALL),
        ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC),
        ("QUOTE_NONE", QUOTE_NONE),
    ] {
        vm.dict_set_str(d, n, vm.new_int(v));
    }
    for (n, f) in [
        ("reader", m_reader as crate::args::NativeFn),
        ("writer", m_writer),
        ("register_dialect", m_register_dialect),
        ("unregister_dialect", m_unregister_dialect),
        ("get_dialect", m_get_dialect),
        ("list_dialects", m_list_dialects),
        ("field_size_limit", m_field_size_limit),
    ] {
        vm.add_function(d, "_csv", n, f);
    }
    Ok(m)
}
