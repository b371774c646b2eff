//! `StringIO`: a text stream over an in-memory string, as CPython 3.11's
//! `Modules/_io/stringio.c`, including its `newline` semantics (universal
//! newline translation on write for `None`, `'\r'`/`'\r\n'` output
//! translation, and line splitting by the chosen newline).

use super::newline::NlState;
use super::*;
use crate::types::str::PyStr;

pub struct StrState {
    pub buf: RefCell<Vec<char>>,
    pub pos: Cell<usize>,
    pub closed: Cell<bool>,
    pub readuniversal: bool,
    pub readtranslate: bool,
    pub readnl: Option<String>,
    pub writenl: Option<String>,
    pub nl: Cell<NlState>,
}

fn state(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<StrState>> {
    match io_of(vm, o, "StringIO")?.kind() {
        Kind::Str(s) => Ok(s),
        _ => Err(vm.new_value_error("I/O operation on uninitialized object")),
    }
}

fn open(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<StrState>> {
    let s = state(vm, o)?;
    if s.closed.get() {
        // StringIO's own message has no final period.
        return Err(vm.new_value_error("I/O operation on closed file"));
    }
    Ok(s)
}

fn new_state(newline: Option<&str>) -> StrState {
    StrState {
        buf: RefCell::new(Vec::new()),
        pos: Cell::new(0),
        closed: Cell::new(false),
        readuniversal: newline.map_or(true, |n| n.is_empty()),
        readtranslate: newline.is_none(),
        readnl: newline.map(str::to_string),
        writenl: newline.filter(|n| n.starts_with('\r')).map(str::to_string),
        nl: Cell::new(NlState::default()),
    }
}

fn sio_new(vm: &Vm, args: Args) -> PyResult {
    let cls = self_arg(vm, &args)?;
    let st = new_state(Some("\n"));
    Ok(vm
        .try_alloc(PyIo::new(Kind::Str(Rc::new(st))), cls)?
        .into_object())
}

/// Validate a `newline` argument (shared with TextIOWrapper).
pub fn newline_arg(
    vm: &Vm,
    n: Option<&PyObjectRef>,
    default: Option<&str>,
    fname: Option<&str>,
) -> PyResult<Option<String>> {
    let Some(n) = n else {
        return Ok(default.map(str::to_string));
    };
    if n.is(&vm.none) {
        return Ok(None);
    }
    let Some(s) = n.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(match fname {
            Some(f) => format!(
                "{f}() argument 'newline' must be str or None, not {}",
                vm.type_name(n)
            ),
            None => format!("newline must be str or None, not {}", vm.type_name(n)),
        }));
    };
    let v = s.as_str();
    if !matches!(v, "" | "\n" | "\r" | "\r\n") {
        return Err(vm.new_value_error(match fname {
            Some(_) => format!("illegal newline value: {v}"),
            None => format!("illegal newline value: {}", vm.repr_string(n)?),
        }));
    }
    Ok(Some(v.to_string()))
}

fn sio_init(vm: &Vm, args: Args) -> PyResult {
    let [s, initial, newline] = args.bind(
        vm,
        "StringIO",
        ["self", "initial_value", "newline"],
        1,
        1,
        3,
    )?;
    let s = s.expect("self");
    let newline = newline_arg(vm, newline, Some("\n"), None)?;
    let text = match initial {
        Some(i) if !i.is(&vm.none) => match i.downcast_ref::<PyStr>() {
            Some(t) => Some(t.as_str().to_string()),
            None => {
                return Err(vm.new_type_error(format!(
                    "initial_value must be str or None, not {}",
                    vm.type_name(i)
                )))
            }
        },
        _ => None,
    };
    let st = Rc::new(new_state(newline.as_deref()));
    io_of(vm, s, "StringIO")?.set_kind(vm, Kind::Str(st.clone()))?;
    if let Some(t) = text {
        write_str(vm, &st, &t)?;
        st.pos.set(0);
    }
    Ok(vm.none.clone())
}

/// Write text at the position (translating newlines); returns the number
/// of characters of the argument.
fn write_str(vm: &Vm, st: &StrState, text: &str) -> PyResult<usize> {
    let n = text.chars().count();
    let mut t = std::borrow::Cow::Borrowed(text);
    if st.readuniversal {
        let mut nl = st.nl.get();
        t = std::borrow::Cow::Owned(nl.feed(&t, st.readtranslate, true));
        st.nl.set(nl);
    }
    if let Some(w) = &st.writenl {
        t = std::borrow::Cow::Owned(t.replace('\n', w));
    }
    let chars: Vec<char> = t.chars().collect();
    let k = chars.len();
    if k == 0 {
        return Ok(n);
    }
    let mut buf = st.buf.borrow_mut();
    let pos = st.pos.get();
    if pos > buf.len() {
        if pos > (1 << 40) {
            return Err(vm.new_memory_error());
        }
        buf.resize(pos, '\0');
    }
    let end = (pos + k).min(buf.len());
    buf.splice(pos..end, chars);
    st.pos.set(pos + k);
    Ok(n)
}

fn write(vm: &Vm, args: Args) -> PyResult {
    let [s, text] = args.exact::<2>(vm, "write")?;
    let st = open(vm, s)?;
    let text = text.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "string argument expected, got '{}'",
            vm.type_name(text)
        ))
    })?;
    Ok(vm.new_int(write_str(vm, &st, text.as_str())? as i64))
}

fn read(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "read", 1)?;
    let st = open(vm, s.expect("self"))?;
    let n = size_arg(vm, n)?;
    let buf = st.buf.borrow();
    let pos = st.pos.get().min(buf.len());
    let end = match n {
        Some(n) => pos.saturating_add(n).min(buf.len()),
        None => buf.len(),
    };
    let out: String = buf[pos..end].iter().collect();
    st.pos.set(st.pos.get().max(end));
    Ok(vm.new_str(out))
}

/// Where the line starting at `start` ends (exclusive), by the stream's
/// newline mode; `None` when no ending is found.
pub fn find_line_end(
    buf: &[char],
    start: usize,
    translated: bool,
    universal: bool,
    readnl: Option<&str>,
) -> Option<usize> {
    let rest = &buf[start..];
    if translated {
        return rest.iter().position(|&c| c == '\n').map(|i| start + i + 1);
    }
    if universal {
        let i = rest.iter().position(|&c| c == '\n' || c == '\r')?;
        if rest[i] == '\r' && rest.get(i + 1) == Some(&'\n') {
            return Some(start + i + 2);
        }
        return Some(start + i + 1);
    }
    let nl: Vec<char> = readnl.unwrap_or("\n").chars().collect();
    if nl.len() == 1 {
        return rest.iter().position(|&c| c == nl[0]).map(|i| start + i + 1);
    }
    rest.windows(nl.len())
        .position(|w| w == &nl[..])
        .map(|i| start + i + nl.len())
}

fn next_line(st: &StrState, limit: Option<usize>) -> String {
    let buf = st.buf.borrow();
    let pos = st.pos.get().min(buf.len());
    let mut end = find_line_end(
        &buf,
        pos,
        st.readtranslate,
        st.readuniversal,
        st.readnl.as_deref(),
    )
    .unwrap_or(buf.len());
    if let Some(l) = limit {
        end = end.min(pos + l);
    }
    st.pos.set(st.pos.get().max(end));
    buf[pos..end].iter().collect()
}

fn readline(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "readline", 1)?;
    let st = open(vm, s.expect("self"))?;
    let n = size_arg(vm, n)?;
    Ok(vm.new_str(next_line(&st, n)))
}

fn next(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let line = if crate::types::typeobj::class_of(s).ext.heap {
        let l = vm.call_method(s, "readline", &[])?;
        if l.downcast_ref::<PyStr>().is_none() {
            return Err(vm.new_exception_msg(
                &vm.exc.OSError,
                format!(
                    "readline() should have returned a str object, not '{}'",
                    vm.type_name(&l)
                ),
            ));
        }
        l
    } else {
        let st = open(vm, s)?;
        vm.new_str(next_line(&st, None))
    };
    if vm.len(&line)? == 0 {
        return Err(vm.new_stop_iteration(None));
    }
    Ok(line)
}

fn seek(vm: &Vm, args: Args) -> PyResult {
    let [s, off, whence] = args.range::<3>(vm, "seek", 2)?;
    let st = open(vm, s.expect("self"))?;
    let off = index_arg(vm, off.expect("required"))?;
    let whence = match whence {
        Some(w) => vm.index_isize(w)?,
        None => 0,
    };
    let newpos = match whence {
        0 => {
            if off < 0 {
                return Err(vm.new_value_error(format!("Negative seek position {off}")));
            }
            off as usize
        }
        1 => {
            if off != 0 {
                return Err(vm.new_os_error("Can't do nonzero cur-relative seeks"));
            }
            st.pos.get()
        }
        2 => {
            if off != 0 {
                return Err(vm.new_os_error("Can't do nonzero end-relative seeks"));
            }
            st.buf.borrow().len()
        }
        w => return Err(vm.new_value_error(format!("Invalid whence ({w}, should be 0, 1 or 2)"))),
    };
    st.pos.set(newpos);
    Ok(vm.new_int(newpos as i64))
}

fn tell(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int(open(vm, self_arg(vm, &args)?)?.pos.get() as i64))
}

fn truncate(vm: &Vm, args: Args) -> PyResult {
    let [s, size] = args.range::<2>(vm, "truncate", 1)?;
    let st = open(vm, s.expect("self"))?;
    let n = match size {
        Some(x) if !x.is(&vm.none) => {
            let n = index_arg(vm, x)?;
            if n < 0 {
                return Err(vm.new_value_error(format!("Negative size value {n}")));
            }
            n as usize
        }
        _ => st.pos.get(),
    };
    st.buf.borrow_mut().truncate(n);
    Ok(vm.new_int(n as i64))
}

fn getvalue(vm: &Vm, args: Args) -> PyResult {
    let st = open(vm, self_arg(vm, &args)?)?;
    let v: String = st.buf.borrow().iter().collect();
    Ok(vm.new_str(v))
}

fn close(vm: &Vm, args: Args) -> PyResult {
    let st = state(vm, self_arg(vm, &args)?)?;
    st.closed.set(true);
    st.buf.borrow_mut().clear();
    Ok(vm.none.clone())
}

fn yes(vm: &Vm, args: Args) -> PyResult {
    open(vm, self_arg(vm, &args)?)?;
    Ok(vm.true_.clone())
}

fn closed_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(state(vm, o)?.closed.get()))
}

fn line_buffering_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    open(vm, o)?;
    Ok(vm.false_.clone())
}

fn newlines_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let st = open(vm, o)?;
    if !st.readuniversal {
        return Ok(vm.none.clone());
    }
    Ok(st.nl.get().newlines(vm))
}

fn getstate(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let st = open(vm, s)?;
    let v: String = st.buf.borrow().iter().collect();
    let nl = match &st.readnl {
        Some(n) if !st.readtranslate => vm.new_str(n.as_str()),
        _ => vm.none.clone(),
    };
    let d = vm
        .get_attr_opt(s, &vm.intern("__dict__"))?
        .unwrap_or_else(|| vm.none.clone());
    Ok(vm.new_tuple(vec![vm.new_str(v), nl, vm.new_int(st.pos.get() as i64), d]))
}

fn setstate(vm: &Vm, args: Args) -> PyResult {
    let [s, state_arg] = args.exact::<2>(vm, "__setstate__")?;
    let st = open(vm, s)?;
    let items = vm.to_vec(state_arg)?;
    if items.len() < 4 {
        return Err(vm.new_type_error(format!(
            "{}.__setstate__ argument should be 4-tuple, got {}",
            tp_name(vm, s),
            vm.type_name(state_arg)
        )));
    }
    let v = vm.str_string(&items[0])?;
    *st.buf.borrow_mut() = v.chars().collect();
    let pos = vm.index_isize(&items[2])?;
    if pos < 0 {
        return Err(vm.new_value_error("position value cannot be negative"));
    }
    st.pos.set(pos as usize);
    if !items[3].is(&vm.none) {
        let d = vm.get_attr_str(s, "__dict__")?;
        vm.call_method(&d, "update", &[items[3].clone()])?;
    }
    Ok(vm.none.clone())
}

pub fn init_type(vm: &Vm) {
    let t = stringio_type(vm);
    if t.ext.dict.get_by_str("getvalue").is_some() {
        return;
    }
    vm.add_staticmethod(&t, "__new__", sio_new);
    let methods: [(&'static str, crate::args::NativeFn); 15] = [
        ("__init__", sio_init),
        ("write", write),
        ("read", read),
        ("readline", readline),
        ("__next__", next),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("getvalue", getvalue),
        ("close", close),
        ("readable", yes),
        ("writable", yes),
        ("seekable", yes),
        ("__getstate__", getstate),
        ("__setstate__", setstate),
    ];
    for (n, f) in methods {
        vm.add_method(&t, n, f);
    }
    vm.add_getset(&t, "closed", closed_get, None);
    vm.add_getset(&t, "line_buffering", line_buffering_get, None);
    vm.add_getset(&t, "newlines", newlines_get, None);
}
