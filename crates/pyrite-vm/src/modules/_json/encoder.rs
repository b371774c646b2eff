//! `_json.Encoder` (`make_encoder`): `encoder(obj, _current_indent_level)`
//! returns a one-item list holding the whole JSON text. `json.encoder`
//! uses it only for one-shot encoding without `indent`, as CPython does.

use std::collections::HashSet;

use super::escape_into;
use crate::args::Args;
use crate::modules::type_cache::{native_type, GC};
use crate::types::dict::PyDict;
use crate::types::float::{float_repr, PyFloat};
use crate::types::function::PyNativeFunction;
use crate::types::int::PyInt;
use crate::types::int_methods::int_to_decimal;
use crate::types::list::PyList;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

pub struct Encoder {
    markers: PyObjectRef,
    default: PyObjectRef,
    encoder: PyObjectRef,
    indent: PyObjectRef,
    key_separator: PyObjectRef,
    item_separator: PyObjectRef,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    /// `Some(ascii)` when `encoder` is one of this module's escapers,
    /// which are then applied directly.
    fast: Option<bool>,
}

impl Payload for Encoder {
    pyrite_core::unique_vtable!(Encoder);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.markers);
        visit(&self.default);
        visit(&self.encoder);
        visit(&self.indent);
        visit(&self.key_separator);
        visit(&self.item_separator);
    }
}

pub fn encoder_type(vm: &Vm) -> PyTypeRef {
    native_type::<Encoder>(vm, "_json", "Encoder", None, GC, init_encoder)
}

fn en<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Encoder> {
    o.downcast_ref::<Encoder>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a '_json.Encoder' object"))
}

fn init_encoder(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", encoder_new);
    vm.add_method(t, "__call__", encoder_call);
    vm.add_getset(t, "markers", |vm, o| Ok(en(vm, o)?.markers.clone()), None);
    vm.add_getset(t, "default", |vm, o| Ok(en(vm, o)?.default.clone()), None);
    vm.add_getset(t, "encoder", |vm, o| Ok(en(vm, o)?.encoder.clone()), None);
    vm.add_getset(t, "indent", |vm, o| Ok(en(vm, o)?.indent.clone()), None);
    vm.add_getset(
        t,
        "key_separator",
        |vm, o| Ok(en(vm, o)?.key_separator.clone()),
        None,
    );
    vm.add_getset(
        t,
        "item_separator",
        |vm, o| Ok(en(vm, o)?.item_separator.clone()),
        None,
    );
    vm.add_getset(
        t,
        "sort_keys",
        |vm, o| Ok(vm.new_bool(en(vm, o)?.sort_keys)),
        None,
    );
    vm.add_getset(
        t,
        "skipkeys",
        |vm, o| Ok(vm.new_bool(en(vm, o)?.skipkeys)),
        None,
    );
}

fn encoder_new(vm: &Vm, args: Args) -> PyResult {
    let cls = crate::modules::type_cache::new_cls(vm, &args, &encoder_type(vm))?;
    let a = args.shift().bind(
        vm,
        "make_encoder",
        [
            "markers",
            "default",
            "encoder",
            "indent",
            "key_separator",
            "item_separator",
            "sort_keys",
            "skipkeys",
            "allow_nan",
        ],
        9,
        0,
        9,
    )?;
    let get = |i: usize| a[i].cloned().unwrap_or_else(|| vm.none.clone());
    let markers = get(0);
    if !markers.is(&vm.none) && markers.downcast_ref::<PyDict>().is_none() {
        return Err(vm.new_type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {}",
            vm.type_name(&markers)
        )));
    }
    for i in [4, 5] {
        let v = get(i);
        if v.downcast_ref::<PyStr>().is_none() {
            return Err(vm.new_type_error(format!(
                "make_encoder() argument {} must be str, not {}",
                i + 1,
                vm.type_name(&v)
            )));
        }
    }
    let encoder = get(2);
    let fast = encoder
        .downcast_ref::<PyNativeFunction>()
        .filter(|f| f.module == Some("_json") && f.self_.is_none())
        .and_then(|f| match f.name {
            "encode_basestring_ascii" => Some(true),
            "encode_basestring" => Some(false),
            _ => None,
        });
    let e = Encoder {
        markers,
        default: get(1),
        encoder,
        indent: get(3),
        key_separator: get(4),
        item_separator: get(5),
        sort_keys: vm.is_true(&get(6))?,
        skipkeys: vm.is_true(&get(7))?,
        allow_nan: vm.is_true(&get(8))?,
        fast,
    };
    Ok(vm.try_alloc(e, cls)?.into_object())
}

fn encoder_call(vm: &Vm, args: Args) -> PyResult {
    let me = &args.pos()[0];
    let e = en(vm, me)?;
    let [obj, level] =
        args.shift()
            .bind(vm, "_iterencode", ["obj", "_current_indent_level"], 2, 0, 2)?;
    let (Some(obj), Some(level)) = (obj, level) else {
        return Err(vm.new_type_error("_iterencode() missing arguments"));
    };
    vm.index_isize(level)?;
    let str_of = |o: &PyObjectRef| {
        o.downcast_ref::<PyStr>()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default()
    };
    let mut w = Writer {
        vm,
        e,
        out: String::new(),
        marked: false,
        markers: HashSet::new(),
        check: !e.markers.is(&vm.none),
        key_sep: str_of(&e.key_separator),
        item_sep: str_of(&e.item_separator),
    };
    w.obj(obj)?;
    Ok(vm.new_list(vec![vm.new_str_marked(w.out, w.marked)]))
}

struct Writer<'a> {
    vm: &'a Vm,
    e: &'a Encoder,
    out: String,
    /// Whether `out` holds lone surrogates (as stand-ins).
    marked: bool,
    /// Ids of the containers being encoded (circular reference check).
    markers: HashSet<usize>,
    check: bool,
    key_sep: String,
    item_sep: String,
}

impl Writer<'_> {
    fn float_text(&self, v: f64) -> PyResult<String> {
        if v.is_finite() {
            return Ok(float_repr(v));
        }
        if !self.e.allow_nan {
            return Err(self
                .vm
                .new_value_error("Out of range float values are not JSON compliant"));
        }
        Ok(if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    fn string(&mut self, o: &PyObjectRef, s: &PyStr) -> PyResult<()> {
        if let Some(ascii) = self.e.fast {
            escape_into(&mut self.out, s.as_str(), ascii, s.has_surrogates());
            self.marked |= !ascii && s.has_surrogates();
            return Ok(());
        }
        let r = self.vm.call(&self.e.encoder, std::slice::from_ref(o))?;
        match r.downcast_ref::<PyStr>() {
            Some(t) => {
                self.marked |= t.has_surrogates();
                self.out.push_str(t.as_str());
                Ok(())
            }
            None => Err(self.vm.new_type_error(format!(
                "encoder() must return a string, not {}",
                self.vm.type_name(&r)
            ))),
        }
    }

    fn enter(&mut self, o: &PyObjectRef) -> PyResult<()> {
        if self.check && !self.markers.insert(o.id()) {
            return Err(self.vm.new_value_error("Circular reference detected"));
        }
        Ok(())
    }

    fn leave(&mut self, o: &PyObjectRef) {
        if self.check {
            self.markers.remove(&o.id());
        }
    }

    fn obj(&mut self, o: &PyObjectRef) -> PyResult<()> {
        let vm = self.vm;
        if o.is(&vm.none) {
            self.out.push_str("null");
        } else if o.is(&vm.true_) {
            self.out.push_str("true");
        } else if o.is(&vm.false_) {
            self.out.push_str("false");
        } else if let Some(s) = o.downcast_ref::<PyStr>() {
            self.string(o, s)?;
        } else if let Some(i) = o.downcast_ref::<PyInt>() {
            let t = int_to_decimal(vm, &i.value)?;
            self.out.push_str(&t);
        } else if let Some(f) = o.downcast_ref::<PyFloat>() {
            let t = self.float_text(f.value)?;
            self.out.push_str(&t);
        } else if o.downcast_ref::<PyList>().is_some() || o.downcast_ref::<PyTuple>().is_some() {
            vm.enter_call(" while encoding a JSON object")?;
            let r = self.list(o);
            vm.leave_call();
            r?;
        } else if o.downcast_ref::<PyDict>().is_some() {
            vm.enter_call(" while encoding a JSON object")?;
            let r = self.dict(o);
            vm.leave_call();
            r?;
        } else {
            self.enter(o)?;
            let n = vm.call(&self.e.default, std::slice::from_ref(o))?;
            vm.enter_call(" while encoding a JSON object")?;
            let r = self.obj(&n);
            vm.leave_call();
            r?;
            self.leave(o);
        }
        Ok(())
    }

    fn list(&mut self, o: &PyObjectRef) -> PyResult<()> {
        let items = match o.downcast_ref::<PyList>() {
            Some(l) => l.to_vec(),
            None => o
                .downcast_ref::<PyTuple>()
                .map(|t| t.as_slice().to_vec())
                .unwrap_or_default(),
        };
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.enter(o)?;
        self.out.push('[');
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(&self.item_sep);
            }
            self.obj(it)?;
        }
        self.out.push(']');
        self.leave(o);
        Ok(())
    }

    fn dict(&mut self, o: &PyObjectRef) -> PyResult<()> {
        let vm = self.vm;
        let Some(d) = o.downcast_ref::<PyDict>() else {
            return Ok(());
        };
        if d.len() == 0 {
            self.out.push_str("{}");
            return Ok(());
        }
        self.enter(o)?;
        self.out.push('{');
        // Exact dicts are read directly; subclasses through `items()`,
        // as `PyMapping_Items` does.
        let exact = o.class().is(vm.types.dict.as_object());
        let mut items: Vec<(PyObjectRef, PyObjectRef)> = if exact && !self.e.sort_keys {
            d.items()
        } else {
            let l = if exact {
                vm.new_list(
                    d.items()
                        .into_iter()
                        .map(|(k, v)| vm.new_tuple(vec![k, v]))
                        .collect(),
                )
            } else {
                let it = vm.call_method(o, "items", &[])?;
                vm.new_list(vm.to_vec(&it)?)
            };
            if self.e.sort_keys {
                vm.call_method(&l, "sort", &[])?;
            }
            let mut v = Vec::new();
            for p in vm.to_vec(&l)? {
                let kv = vm.to_vec(&p)?;
                if kv.len() != 2 {
                    return Err(vm.new_value_error("items must return 2-tuples"));
                }
                v.push((kv[0].clone(), kv[1].clone()));
            }
            v
        };
        let mut first = true;
        for (k, v) in items.drain(..) {
            let key_text: Option<String> = if let Some(s) = k.downcast_ref::<PyStr>() {
                if !first {
                    self.out.push_str(&self.item_sep);
                }
                first = false;
                self.string(&k, s)?;
                None
            } else if let Some(f) = k.downcast_ref::<PyFloat>() {
                Some(self.float_text(f.value)?)
            } else if k.is(&vm.true_) {
                Some("true".into())
            } else if k.is(&vm.false_) {
                Some("false".into())
            } else if k.is(&vm.none) {
                Some("null".into())
            } else if let Some(i) = k.downcast_ref::<PyInt>() {
                Some(int_to_decimal(vm, &i.value)?)
            } else if self.e.skipkeys {
                continue;
            } else {
                return Err(vm.new_type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    vm.type_name(&k)
                )));
            };
            if let Some(t) = key_text {
                if !first {
                    self.out.push_str(&self.item_sep);
                }
                first = false;
                let ko = vm.new_str(t.as_str());
                match ko.downcast_ref::<PyStr>() {
                    Some(s) => self.string(&ko, s)?,
                    None => return Err(vm.new_system_error("str expected")),
                }
            }
            self.out.push_str(&self.key_sep);
            self.obj(&v)?;
        }
        self.out.push('}');
        self.leave(o);
        Ok(())
    }
}
