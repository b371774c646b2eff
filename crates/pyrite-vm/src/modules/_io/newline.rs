//! Universal-newline decoding (`IncrementalNewlineDecoder`), as CPython
//! 3.11's `Modules/_io/textio.c`: a trailing `'\r'` is held back until the
//! next chunk shows whether a `'\n'` follows, the kinds of line endings
//! seen are recorded, and with `translate` all of them become `'\n'`.

use super::*;
use crate::types::str::PyStr;

const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// The translation state, shared with TextIOWrapper and StringIO.
#[derive(Default, Clone, Copy)]
pub struct NlState {
    pub pendingcr: bool,
    pub seennl: u8,
}

impl NlState {
    /// Process one decoded chunk.
    pub fn feed(&mut self, text: &str, translate: bool, fin: bool) -> String {
        let s = self.feed_raw(text, fin);
        if translate {
            translate_newlines(s)
        } else {
            s
        }
    }

    /// The chunk with the held-back `'\r'` logic applied (and the line
    /// endings recorded), before translation.
    pub fn feed_raw(&mut self, text: &str, fin: bool) -> String {
        let mut s = String::with_capacity(text.len() + 1);
        if self.pendingcr && (!text.is_empty() || fin) {
            s.push('\r');
            self.pendingcr = false;
        }
        s.push_str(text);
        if !fin && s.ends_with('\r') {
            s.pop();
            self.pendingcr = true;
        }
        if !s.contains('\r') {
            if s.contains('\n') {
                self.seennl |= SEEN_LF;
            }
            return s;
        }
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    self.seennl |= SEEN_CRLF;
                    i += 2;
                    continue;
                }
                b'\r' => self.seennl |= SEEN_CR,
                b'\n' => self.seennl |= SEEN_LF,
                _ => {}
            }
            i += 1;
        }
        s
    }

    /// The `newlines` attribute.
    pub fn newlines(&self, vm: &Vm) -> PyObjectRef {
        let s = |t: &str| vm.new_str(t);
        match self.seennl {
            0 => vm.none.clone(),
            1 => s("\n"),
            2 => s("\r"),
            3 => vm.new_tuple(vec![s("\r"), s("\n")]),
            4 => s("\r\n"),
            5 => vm.new_tuple(vec![s("\n"), s("\r\n")]),
            6 => vm.new_tuple(vec![s("\r"), s("\r\n")]),
            _ => vm.new_tuple(vec![s("\r"), s("\n"), s("\r\n")]),
        }
    }
}

/// `'\r\n'` and `'\r'` to `'\n'`.
pub fn translate_newlines(s: String) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    }
}

pub struct NlDecoderState {
    pub decoder: Option<PyObjectRef>,
    pub translate: bool,
    pub errors: PyObjectRef,
    pub st: Cell<NlState>,
}

impl NlDecoderState {
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(d) = &self.decoder {
            visit(d);
        }
        visit(&self.errors);
    }
}

fn state(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<NlDecoderState>> {
    match io_of(vm, o, "IncrementalNewlineDecoder")?.kind() {
        Kind::NlDecoder(d) => Ok(d),
        _ => Err(vm.new_value_error("IncrementalNewlineDecoder.__init__() not called")),
    }
}

fn new(vm: &Vm, args: Args) -> PyResult {
    let cls = self_arg(vm, &args)?;
    Ok(vm.try_alloc(PyIo::new(Kind::None), cls)?.into_object())
}

fn init(vm: &Vm, args: Args) -> PyResult {
    let [s, decoder, translate, errors] = args.bind(
        vm,
        "IncrementalNewlineDecoder",
        ["self", "decoder", "translate", "errors"],
        3,
        1,
        4,
    )?;
    let s = s.expect("self");
    let decoder = decoder.expect("required");
    let st = NlDecoderState {
        decoder: (!decoder.is(&vm.none)).then(|| decoder.clone()),
        translate: vm.is_true(translate.expect("required"))?,
        errors: errors.cloned().unwrap_or_else(|| vm.new_str("strict")),
        st: Cell::new(NlState::default()),
    };
    io_of(vm, s, "IncrementalNewlineDecoder")?.set_kind(vm, Kind::NlDecoder(Rc::new(st)))?;
    Ok(vm.none.clone())
}

fn decode(vm: &Vm, args: Args) -> PyResult {
    let [s, input, fin] = args.bind(vm, "decode", ["self", "input", "final"], 2, 1, 3)?;
    let d = state(vm, s.expect("self"))?;
    let input = input.expect("required");
    let fin = match fin {
        Some(f) => vm.is_true(f)?,
        None => false,
    };
    let out = match &d.decoder {
        Some(dec) => {
            let f = vm.get_attr_str(dec, "decode")?;
            vm.call_kw(
                &f,
                &[input.clone(), vm.new_bool(fin)],
                &[vm.new_str("final")],
            )?
        }
        None => input.clone(),
    };
    let Some(text) = out.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "decoder should return a string result, not '{}'",
            vm.type_name(&out)
        )));
    };
    let mut st = d.st.get();
    let r = st.feed(text.as_str(), d.translate, fin);
    d.st.set(st);
    Ok(vm.new_str(r))
}

fn getstate(vm: &Vm, args: Args) -> PyResult {
    let d = state(vm, self_arg(vm, &args)?)?;
    let pending = d.st.get().pendingcr as i64;
    match &d.decoder {
        Some(dec) => {
            let st = vm.call_method(dec, "getstate", &[])?;
            let items = vm.to_vec(&st)?;
            if items.len() != 2 {
                return Err(vm.new_type_error("illegal decoder state"));
            }
            let flag = vm.index_isize(&items[1])? as i64;
            Ok(vm.new_tuple(vec![items[0].clone(), vm.new_int((flag << 1) | pending)]))
        }
        None => Ok(vm.new_tuple(vec![new_bytes(vm, Vec::new()), vm.new_int(pending)])),
    }
}

fn setstate(vm: &Vm, args: Args) -> PyResult {
    let [s, state_arg] = args.exact::<2>(vm, "setstate")?;
    let d = state(vm, s)?;
    let items = vm.to_vec(state_arg)?;
    if items.len() != 2 {
        return Err(vm.new_type_error("state argument must be a tuple"));
    }
    let flag = vm.index_isize(&items[1])? as i64;
    let mut st = d.st.get();
    st.pendingcr = flag & 1 != 0;
    d.st.set(st);
    if let Some(dec) = &d.decoder {
        let t = vm.new_tuple(vec![items[0].clone(), vm.new_int(flag >> 1)]);
        vm.call_method(dec, "setstate", &[t])?;
    }
    Ok(vm.none.clone())
}

fn reset(vm: &Vm, args: Args) -> PyResult {
    let d = state(vm, self_arg(vm, &args)?)?;
    d.st.set(NlState::default());
    if let Some(dec) = &d.decoder {
        vm.call_method(dec, "reset", &[])?;
    }
    Ok(vm.none.clone())
}

fn newlines_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(state(vm, o)?.st.get().newlines(vm))
}

pub fn init_type(vm: &Vm) {
    let t = nldecoder_type(vm);
    if t.ext.dict.get_by_str("decode").is_some() {
        return;
    }
    vm.add_staticmethod(&t, "__new__", new);
    vm.add_method(&t, "__init__", init);
    vm.add_method(&t, "decode", decode);
    vm.add_method(&t, "getstate", getstate);
    vm.add_method(&t, "setstate", setstate);
    vm.add_method(&t, "reset", reset);
    vm.add_getset(&t, "newlines", newlines_get, None);
}
