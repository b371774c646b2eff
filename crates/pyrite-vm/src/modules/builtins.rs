//! The `builtins` module: the core builtin functions and the builtin types
//! and exceptions by name. More builtins live in `builtins_functions.rs`
//! (iterables, numbers, I/O), `builtins_exec.rs` (exec/eval/compile and the
//! caller's namespace) and `builtins_site.rs` (exit, help, ...).
//! Mirrors CPython 3.11 `Python/bltinmodule.c`.

use crate::args::Args;
use crate::types::dict::PyDict;
use crate::types::function::{PyFunction, PyNativeFunction};
use crate::types::int::{IntVal, PyInt};
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::{as_type, is_subtype};
use crate::{PyObjectRef, PyResult, Vm};

/// `f()`-style description for error messages: "f()" for functions,
/// "A.f()" for methods, "TypeName object" otherwise.
pub fn func_description(vm: &Vm, f: &PyObjectRef) -> String {
    if let Some(pf) = f.downcast_ref::<PyFunction>() {
        let q = pf
            .qualname
            .borrow()
            .downcast_ref::<PyStr>()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        // CPython 3.11's `_PyObject_FunctionStr`: module-qualified unless builtins.
        let m = pf
            .module
            .borrow()
            .downcast_ref::<PyStr>()
            .map(|s| s.as_str().to_string());
        return match m {
            Some(m) if m != "builtins" => format!("{m}.{q}()"),
            _ => format!("{q}()"),
        };
    }
    if let Some(nf) = f.downcast_ref::<PyNativeFunction>() {
        return format!("{}()", nf.name);
    }
    if let Some(bm) = f.downcast_ref::<crate::types::function::PyBoundMethod>() {
        return func_description(vm, &bm.func);
    }
    if let Some(t) = as_type(f) {
        return format!("{}()", t.ext.name());
    }
    format!("{} object", vm.type_name(f))
}

/// `ascii()` escaping of a repr: non-ASCII characters become `\x`, `\u`
/// or `\U` escapes.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n < 256 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 65536 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

fn builtin_print(vm: &Vm, args: Args) -> PyResult {
    let mut sep: Option<PyObjectRef> = None;
    let mut end: Option<PyObjectRef> = None;
    let mut file: Option<PyObjectRef> = None;
    let mut flush = false;
    for (k, v) in args.kwargs() {
        match k {
            "sep" => sep = Some(v.clone()),
            "end" => end = Some(v.clone()),
            "file" => file = Some(v.clone()),
            "flush" => flush = vm.is_true(v)?,
            _ => {
                return Err(
                    vm.new_type_error(format!("'{k}' is an invalid keyword argument for print()"))
                )
            }
        }
    }
    let text_of = |o: Option<PyObjectRef>, default: &str, what: &str| -> PyResult<String> {
        match o {
            None => Ok(default.to_string()),
            Some(o) if o.is(&vm.none) => Ok(default.to_string()),
            Some(o) => match o.downcast_ref::<PyStr>() {
                Some(s) => Ok(s.as_str().to_string()),
                None => Err(vm.new_type_error(format!(
                    "{what} must be None or a string, not {}",
                    vm.type_name(&o)
                ))),
            },
        }
    };
    let sep = text_of(sep, " ", "sep")?;
    let end = text_of(end, "\n", "end")?;
    let file = match file {
        Some(f) if !f.is(&vm.none) => f,
        _ => vm.sys_stdout()?,
    };
    if file.is(&vm.none) {
        return Ok(vm.none.clone());
    }
    let mut out = String::new();
    // Once a string with lone surrogates turns up, write piece by piece as
    // CPython does, so the stream's codec sees (and may reject) each one.
    let mut piecewise = false;
    for (i, a) in args.pos().iter().enumerate() {
        if i > 0 {
            if piecewise {
                vm.write_to(&file, &sep)?;
            } else {
                out.push_str(&sep);
            }
        }
        let s = vm.str(a)?;
        if !piecewise && s.has_surrogates() {
            if !out.is_empty() {
                vm.write_to(&file, &out)?;
            }
            piecewise = true;
        }
        if piecewise {
            let w = vm.get_attr_str(&file, "write")?;
            vm.call(&w, &[s.into_object()])?;
        } else {
            out.push_str(s.as_str());
        }
    }
    if piecewise {
        vm.write_to(&file, &end)?;
    } else {
        out.push_str(&end);
        vm.write_to(&file, &out)?;
    }
    if flush {
        vm.call_method(&file, "flush", &[])?;
    }
    Ok(vm.none.clone())
}

fn builtin_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "repr")?;
    Ok(vm.repr(o)?.into_object())
}

fn builtin_ascii(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "ascii")?;
    Ok(vm.new_str(ascii_escape(vm.repr(o)?.as_str())))
}

fn builtin_len(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "len")?;
    Ok(vm.new_int(vm.len(o)? as i64))
}

impl Vm {
    /// `isinstance(obj, cls)` with tuples and `__instancecheck__`.
    pub fn isinstance(&self, obj: &PyObjectRef, cls: &PyObjectRef) -> PyResult<bool> {
        if obj.class().is(cls) {
            return Ok(true);
        }
        if let Some(t) = cls.downcast_ref::<PyTuple>() {
            for c in t.items.iter() {
                if self.isinstance(obj, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(t) = as_type(cls) {
            let meta = crate::types::typeobj::class_of(cls);
            if meta.ext.heap {
                if let Some(ic) = meta.ext.lookup(&self.names.__instancecheck__) {
                    let r = self.call_unbound(&ic, cls, &[obj.clone()], &[])?;
                    return self.is_true(&r);
                }
            }
            let _ = t;
            return Ok(is_subtype(obj.class(), cls) || self.class_attr_is_subclass(obj, cls)?);
        }
        if let Some(ic) = crate::types::typeobj::class_of(cls)
            .ext
            .lookup(&self.names.__instancecheck__)
        {
            let r = self.call_unbound(&ic, cls, &[obj.clone()], &[])?;
            return self.is_true(&r);
        }
        Err(self.new_type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
    }

    /// `issubclass(sub, cls)` with tuples and `__subclasscheck__`.
    pub fn issubclass(&self, sub: &PyObjectRef, cls: &PyObjectRef) -> PyResult<bool> {
        if let Some(t) = cls.downcast_ref::<PyTuple>() {
            for c in t.items.iter() {
                if self.issubclass(sub, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let meta = crate::types::typeobj::class_of(cls);
        if meta.ext.heap || as_type(cls).is_none() {
            if let Some(sc) = meta.ext.lookup(&self.names.__subclasscheck__) {
                let r = self.call_unbound(&sc, cls, &[sub.clone()], &[])?;
                return self.is_true(&r);
            }
        }
        if as_type(sub).is_none() {
            return Err(self.new_type_error("issubclass() arg 1 must be a class"));
        }
        if as_type(cls).is_none() {
            return Err(self.new_type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            ));
        }
        Ok(is_subtype(sub, cls))
    }

    /// `format(obj, spec)`.
    pub fn format(&self, obj: &PyObjectRef, spec: &PyObjectRef) -> PyResult {
        let r = match self.call_special(obj, &self.names.__format__, &[spec.clone()])? {
            Some(r) => r,
            None => return Err(self.new_type_error("object has no __format__")),
        };
        if r.downcast_ref::<PyStr>().is_none() {
            return Err(self.new_type_error(format!(
                "__format__ must return a str, not {}",
                self.type_name(&r)
            )));
        }
        Ok(r)
    }

    /// Write text to a file-like object (fast path for the standard
    /// streams).
    pub fn write_to(&self, file: &PyObjectRef, text: &str) -> PyResult<()> {
        if let Some(r) = super::_io::textio::fast_write(self, file, text) {
            return r;
        }
        let w = self.get_attr_str(file, "write")?;
        self.call(&w, &[self.new_str(text)])?;
        Ok(())
    }
}

fn builtin_isinstance(vm: &Vm, args: Args) -> PyResult {
    let [o, c] = args.exact::<2>(vm, "isinstance")?;
    Ok(vm.new_bool(vm.isinstance(o, c)?))
}

fn builtin_issubclass(vm: &Vm, args: Args) -> PyResult {
    let [o, c] = args.exact::<2>(vm, "issubclass")?;
    Ok(vm.new_bool(vm.issubclass(o, c)?))
}

fn builtin_iter(vm: &Vm, args: Args) -> PyResult {
    let [o, sentinel] = args.range::<2>(vm, "iter", 1)?;
    let o = o.expect("min 1");
    match sentinel {
        None => vm.iter(o),
        Some(s) => {
            if !vm.is_callable(o) {
                return Err(vm.new_type_error("iter(v, w): v must be callable"));
            }
            Ok(vm.alloc(
                crate::types::iter::PyCallableIter {
                    callable: Some(o.clone()).into(),
                    sentinel: s.clone(),
                },
                &vm.types.callable_iterator,
            ))
        }
    }
}

fn builtin_next(vm: &Vm, args: Args) -> PyResult {
    let [it, default] = args.range::<2>(vm, "next", 1)?;
    let it = it.expect("min 1");
    if crate::types::typeobj::class_of(it)
        .ext
        .lookup(&vm.names.__next__)
        .is_none()
    {
        return Err(vm.new_type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    match vm.call_special(it, &vm.names.__next__, &[]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => unreachable!("checked __next__"),
        Err(e) if default.is_some() && vm.exc_matches(&e, &vm.exc.StopIteration) => {
            Ok(default.cloned().expect("checked"))
        }
        Err(e) => Err(e),
    }
}

fn attr_name<'a>(vm: &Vm, n: &'a PyObjectRef, _fname: &str) -> PyResult<&'a PyObjectRef> {
    if n.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(n)
        )));
    }
    Ok(n)
}

fn builtin_getattr(vm: &Vm, args: Args) -> PyResult {
    let [o, n, d] = args.range::<3>(vm, "getattr", 2)?;
    let (o, n) = (o.expect("min"), attr_name(vm, n.expect("min"), "getattr")?);
    match d {
        None => vm.get_attr(o, n),
        Some(d) => Ok(vm.get_attr_opt(o, n)?.unwrap_or_else(|| d.clone())),
    }
}

fn builtin_hasattr(vm: &Vm, args: Args) -> PyResult {
    let [o, n] = args.exact::<2>(vm, "hasattr")?;
    let n = attr_name(vm, n, "hasattr")?;
    Ok(vm.new_bool(vm.get_attr_opt(o, n)?.is_some()))
}

fn builtin_setattr(vm: &Vm, args: Args) -> PyResult {
    let [o, n, v] = args.exact::<3>(vm, "setattr")?;
    let n = attr_name(vm, n, "setattr")?;
    vm.set_attr(o, &vm.intern_obj(n), v.clone())?;
    Ok(vm.none.clone())
}

fn builtin_delattr(vm: &Vm, args: Args) -> PyResult {
    let [o, n] = args.exact::<2>(vm, "delattr")?;
    let n = attr_name(vm, n, "delattr")?;
    vm.del_attr(o, n)?;
    Ok(vm.none.clone())
}

fn builtin_callable(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "callable")?;
    Ok(vm.new_bool(vm.is_callable(o)))
}

fn builtin_id(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "id")?;
    Ok(vm.new_int(o.id() as i64))
}

fn builtin_hash(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "hash")?;
    Ok(vm.new_int(vm.hash(o)?))
}

fn builtin_format(vm: &Vm, args: Args) -> PyResult {
    let [o, spec] = args.range::<2>(vm, "format", 1)?;
    let spec = match spec {
        Some(s) => {
            if s.downcast_ref::<PyStr>().is_none() {
                return Err(vm.new_type_error(format!(
                    "format() argument 2 must be str, not {}",
                    vm.type_name(s)
                )));
            }
            s.clone()
        }
        None => vm.empty_str.clone(),
    };
    vm.format(o.expect("min"), &spec)
}

fn builtin_chr(vm: &Vm, args: Args) -> PyResult {
    let [i] = args.exact::<1>(vm, "chr")?;
    let v = vm.index(i).map_err(|_| {
        vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(i)
        ))
    })?;
    match v.downcast_ref::<PyInt>().map(|x| &x.value) {
        Some(IntVal::Small(n)) if (0..=0x10FFFF).contains(n) => match char::from_u32(*n as u32) {
            Some(c) => Ok(vm.new_str(c.to_string())),
            None => Ok(vm.new_str_marked(
                pyrite_bytecode::surrogate::stand_in(*n as u32).to_string(),
                true,
            )),
        },
        Some(IntVal::Small(_)) => Err(vm.new_value_error("chr() arg not in range(0x110000)")),
        _ => Err(vm.new_overflow_error("Python int too large to convert to C int")),
    }
}

fn builtin_ord(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "ord")?;
    if let Some(s) = o.downcast_ref::<PyStr>() {
        if s.char_len() == 1 {
            return Ok(vm.new_int(s.code_point(s.char_at(0)) as i64));
        }
        return Err(vm.new_type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        )));
    }
    if let Some(b) = o.downcast_ref::<crate::types::bytes::PyBytes>() {
        if b.data.len() == 1 {
            return Ok(vm.new_int(b.data[0] as i64));
        }
        return Err(vm.new_type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.data.len()
        )));
    }
    if let Some(b) = o.downcast_ref::<crate::types::bytes::PyByteArray>() {
        let d = b.data.borrow();
        if d.len() == 1 {
            return Ok(vm.new_int(d[0] as i64));
        }
        return Err(vm.new_type_error(format!(
            "ord() expected a character, but string of length {} found",
            d.len()
        )));
    }
    Err(vm.new_type_error(format!(
        "ord() expected string of length 1, but {} found",
        vm.type_name(o)
    )))
}

fn builtin_globals(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "globals")?;
    vm.current_globals()
        .ok_or_else(|| vm.new_system_error("no current frame"))
}

fn builtin_build_class(vm: &Vm, args: Args) -> PyResult {
    crate::types::class::build_class(vm, args)
}

fn builtin_import(vm: &Vm, args: Args) -> PyResult {
    let [name, globals, _locals, fromlist, level] = args.bind(
        vm,
        "__import__",
        ["name", "globals", "locals", "fromlist", "level"],
        1,
        0,
        5,
    )?;
    let name = name.expect("required");
    if name.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error("module name must be a string"));
    }
    let globals = globals.cloned().unwrap_or_else(|| vm.none.clone());
    let fromlist = fromlist.cloned().unwrap_or_else(|| vm.none.clone());
    let level = match level {
        Some(l) => crate::types::int::as_i64(l).unwrap_or(0),
        None => 0,
    };
    vm.import_module_level(name, &globals, &fromlist, level)
}

fn builtin_abs(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "abs")?;
    match vm.call_special(o, &vm.intern("__abs__"), &[])? {
        Some(r) => Ok(r),
        None => {
            Err(vm.new_type_error(format!("bad operand type for abs(): '{}'", vm.type_name(o))))
        }
    }
}

/// Register the functions above into `d`.
fn add_core(vm: &Vm, d: &PyDict) {
    let m = "builtins";
    vm.add_function(d, m, "print", builtin_print);
    vm.add_function(d, m, "repr", builtin_repr);
    vm.add_function(d, m, "ascii", builtin_ascii);
    vm.add_function(d, m, "len", builtin_len);
    vm.add_function(d, m, "isinstance", builtin_isinstance);
    vm.add_function(d, m, "issubclass", builtin_issubclass);
    vm.add_function(d, m, "iter", builtin_iter);
    vm.add_function(d, m, "next", builtin_next);
    vm.add_function(d, m, "getattr", builtin_getattr);
    vm.add_function(d, m, "hasattr", builtin_hasattr);
    vm.add_function(d, m, "setattr", builtin_setattr);
    vm.add_function(d, m, "delattr", builtin_delattr);
    vm.add_function(d, m, "callable", builtin_callable);
    vm.add_function(d, m, "id", builtin_id);
    vm.add_function(d, m, "hash", builtin_hash);
    vm.add_function(d, m, "format", builtin_format);
    vm.add_function(d, m, "chr", builtin_chr);
    vm.add_function(d, m, "ord", builtin_ord);
    vm.add_function(d, m, "globals", builtin_globals);
    vm.add_function(d, m, "__build_class__", builtin_build_class);
    vm.add_function(d, m, "__import__", builtin_import);
    vm.add_function(d, m, "abs", builtin_abs);
}

/// Create the `builtins` module.
pub fn init(vm: &Vm) -> PyResult<()> {
    let m = vm.new_module(
        "builtins",
        Some("Built-in functions, types, exceptions, and other objects."),
    );
    let d = vm.builtins.clone();
    if let Some(md) = vm.module_dict(&m) {
        for (k, v) in md.items() {
            d.set_item(vm, k, v)?;
        }
    }
    // The module's namespace is `vm.builtins` itself.
    let module = vm.alloc(
        crate::types::module::PyModule { dict: d.clone() },
        &vm.types.module,
    );
    add_core(vm, &d);
    super::builtins_functions::add(vm, &d);
    super::builtins_exec::add(vm, &d);
    super::builtins_site::add(vm, &d);
    super::builtins_site::init_attrs(vm);
    vm.set_function_docs(&d, super::builtins_docs::BUILTINS_DOCS);
    for (name, t) in vm.types.all() {
        let pyname = t.ext.name();
        let _ = name;
        if PUBLIC_TYPES.contains(&&*pyname) {
            vm.dict_set_str(&d, &pyname, t.as_object().clone());
        }
    }
    vm.dict_set_str(
        &d,
        "BaseException",
        vm.types.base_exception.as_object().clone(),
    );
    for (name, t) in vm.exc.all() {
        vm.dict_set_str(&d, name, t.as_object().clone());
    }
    vm.dict_set_str(&d, "EnvironmentError", vm.exc.OSError.as_object().clone());
    vm.dict_set_str(&d, "IOError", vm.exc.OSError.as_object().clone());
    vm.dict_set_str(&d, "None", vm.none.clone());
    vm.dict_set_str(&d, "True", vm.true_.clone());
    vm.dict_set_str(&d, "False", vm.false_.clone());
    vm.dict_set_str(&d, "Ellipsis", vm.ellipsis.clone());
    vm.dict_set_str(&d, "NotImplemented", vm.not_implemented.clone());
    vm.dict_set_str(&d, "__debug__", vm.true_.clone());
    vm.modules
        .set_item(vm, vm.new_str("builtins"), module.clone())?;
    *vm.builtins_module.borrow_mut() = Some(module);
    Ok(())
}

/// Builtin types exposed by name in `builtins`.
const PUBLIC_TYPES: &[&str] = &[
    "object",
    "type",
    "int",
    "bool",
    "float",
    "complex",
    "str",
    "bytes",
    "bytearray",
    "tuple",
    "list",
    "dict",
    "set",
    "frozenset",
    "range",
    "slice",
    "property",
    "classmethod",
    "staticmethod",
    "super",
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "memoryview",
];
