//! Calling objects: functions, bound methods, native functions, method
//! descriptors, classes, and anything with `__call__`.
//! Mirrors CPython 3.11 `Objects/call.c` (vectorcall).

use crate::args::Args;
use crate::types::descr::{MethodKind, PyClassMethod, PyMethodDescr, PyStaticMethod};
use crate::types::function::{PyBoundMethod, PyFunction, PyNativeFunction};
use crate::types::object::PyInstance;
use crate::types::typeobj::{class_of, is_subtype, PyTypeObj};
use crate::{PyObjectRef, PyResult, Vm};

impl Vm {
    /// `callable(*args)` with keyword names for the tail of `args`.
    pub fn call_kw(
        &self,
        callable: &PyObjectRef,
        args: &[PyObjectRef],
        kwnames: &[PyObjectRef],
    ) -> PyResult {
        if let Some(f) = callable.downcast_ref::<PyFunction>() {
            let _ = f;
            return crate::eval::r#loop::call_function(self, callable, args, kwnames);
        }
        if let Some(nf) = callable.downcast_ref::<PyNativeFunction>() {
            return match &nf.self_ {
                None => (nf.func)(self, Args::new(args, kwnames)),
                Some(s) => {
                    let mut v = Vec::with_capacity(args.len() + 1);
                    v.push(s.clone());
                    v.extend_from_slice(args);
                    (nf.func)(self, Args::new(&v, kwnames))
                }
            };
        }
        if let Some(bm) = callable.downcast_ref::<PyBoundMethod>() {
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(bm.self_.clone());
            v.extend_from_slice(args);
            return self.call_kw(&bm.func, &v, kwnames);
        }
        if let Some(d) = callable.downcast_ref::<PyMethodDescr>() {
            return self.call_method_descr(d, args, kwnames);
        }
        if callable.downcast_ref::<PyTypeObj>().is_some() {
            return self.call_type(callable, args, kwnames);
        }
        match class_of(callable).ext.lookup(&self.names.__call__) {
            Some(f) => self.call_unbound(&f, callable, args, kwnames),
            None => Err(self.new_type_error(format!(
                "'{}' object is not callable",
                self.type_name(callable)
            ))),
        }
    }

    /// `callable(*args)`.
    #[inline]
    pub fn call(&self, callable: &PyObjectRef, args: &[PyObjectRef]) -> PyResult {
        self.call_kw(callable, args, &[])
    }

    /// Call a method descriptor: `args[0]` is `self` (or the class).
    pub fn call_method_descr(
        &self,
        d: &PyMethodDescr,
        args: &[PyObjectRef],
        kwnames: &[PyObjectRef],
    ) -> PyResult {
        match d.kind {
            MethodKind::Instance => {
                let npos = args.len() - kwnames.len();
                if npos == 0 {
                    return Err(self.new_type_error(if d.slot {
                        format!(
                            "descriptor '{}' of '{}' object needs an argument",
                            d.name,
                            descr_owner_name(d)
                        )
                    } else {
                        format!(
                            "unbound method {}.{}() needs an argument",
                            descr_owner_name(d),
                            d.name
                        )
                    }));
                }
                if !is_subtype(args[0].class(), &d.objclass) {
                    if d.slot {
                        return Err(self.new_type_error(format!(
                            "descriptor '{}' requires a '{}' object but received a '{}'",
                            d.name,
                            descr_owner_name(d),
                            self.type_name(&args[0])
                        )));
                    }
                    return Err(self.new_type_error(format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        d.name,
                        descr_owner_name(d),
                        self.type_name(&args[0])
                    )));
                }
                (d.func)(self, Args::new(args, kwnames))
            }
            MethodKind::Class | MethodKind::Static => (d.func)(self, Args::new(args, kwnames)),
        }
    }

    /// Call `f` found on a type as an unbound attribute, with `obj` as self
    /// (the dunder-call path: functions and method descriptors get `obj`
    /// prepended without making a bound method).
    pub fn call_unbound(
        &self,
        f: &PyObjectRef,
        obj: &PyObjectRef,
        args: &[PyObjectRef],
        kwnames: &[PyObjectRef],
    ) -> PyResult {
        if f.downcast_ref::<PyFunction>().is_some()
            || f.downcast_ref::<PyMethodDescr>()
                .is_some_and(|d| d.kind == MethodKind::Instance)
        {
            // Dunder calls have few arguments: build the argument list on
            // the stack when it fits.
            let o = obj.clone();
            return match args {
                [] => self.call_kw(f, &[o], kwnames),
                [a] => self.call_kw(f, &[o, a.clone()], kwnames),
                [a, b] => self.call_kw(f, &[o, a.clone(), b.clone()], kwnames),
                _ => {
                    let mut v = Vec::with_capacity(args.len() + 1);
                    v.push(o);
                    v.extend_from_slice(args);
                    self.call_kw(f, &v, kwnames)
                }
            };
        }
        let bound = self.bind_descriptor(f, Some(obj), obj.class())?;
        self.call_kw(&bound, args, kwnames)
    }

    /// Look up special method `name` on `type(obj)` and call it with `args`;
    /// `Ok(None)` if the type does not define it.
    pub fn call_special(
        &self,
        obj: &PyObjectRef,
        name: &PyObjectRef,
        args: &[PyObjectRef],
    ) -> PyResult<Option<PyObjectRef>> {
        match class_of(obj).ext.lookup(name) {
            Some(f) => self.call_unbound(&f, obj, args, &[]).map(Some),
            None => Ok(None),
        }
    }

    /// `obj.name(*args)`.
    pub fn call_method(&self, obj: &PyObjectRef, name: &str, args: &[PyObjectRef]) -> PyResult {
        let n = self.intern(name);
        let m = self.get_attr(obj, &n)?;
        self.call(&m, args)
    }

    /// Apply the descriptor protocol to `attr` found on a type: bind it to
    /// `instance` (or to the class when `instance` is None).
    pub fn bind_descriptor(
        &self,
        attr: &PyObjectRef,
        instance: Option<&PyObjectRef>,
        owner: &PyObjectRef,
    ) -> PyResult {
        if attr.downcast_ref::<PyFunction>().is_some() {
            return Ok(match instance {
                Some(i) => self.alloc(
                    PyBoundMethod {
                        func: attr.clone(),
                        self_: i.clone(),
                    },
                    &self.types.method,
                ),
                None => attr.clone(),
            });
        }
        if let Some(d) = attr.downcast_ref::<PyMethodDescr>() {
            return Ok(match (d.kind, instance) {
                (MethodKind::Instance, Some(i)) => {
                    // A slot wrapper binds to a method-wrapper.
                    let cls = if d.slot {
                        &self.types.method_wrapper
                    } else {
                        &self.types.builtin_function
                    };
                    self.alloc(
                        PyNativeFunction {
                            name: d.name,
                            func: d.func,
                            self_: Some(i.clone()),
                            module: None,
                            doc: std::cell::Cell::new(d.doc.get()),
                        },
                        cls,
                    )
                }
                (MethodKind::Class, _) => self.alloc(
                    PyNativeFunction {
                        name: d.name,
                        func: d.func,
                        self_: Some(owner.clone()),
                        module: None,
                        doc: std::cell::Cell::new(d.doc.get()),
                    },
                    &self.types.builtin_function,
                ),
                _ => attr.clone(),
            });
        }
        if let Some(cm) = attr.downcast_ref::<PyClassMethod>() {
            let f = cm.func.borrow().clone();
            return Ok(self.alloc(
                PyBoundMethod {
                    func: f,
                    self_: owner.clone(),
                },
                &self.types.method,
            ));
        }
        if let Some(sm) = attr.downcast_ref::<PyStaticMethod>() {
            return Ok(sm.func.borrow().clone());
        }
        let cls = class_of(attr);
        match cls.ext.lookup(&self.names.__get__) {
            Some(get) => {
                let inst = instance.cloned().unwrap_or_else(|| self.none.clone());
                self.call_unbound(&get, attr, &[inst, owner.clone()], &[])
            }
            None => Ok(attr.clone()),
        }
    }

    /// `type.__call__(cls, *args)`: `__new__` then `__init__`.
    pub fn call_type(
        &self,
        cls: &PyObjectRef,
        args: &[PyObjectRef],
        kwnames: &[PyObjectRef],
    ) -> PyResult {
        let t = cls
            .downcast_ref::<PyTypeObj>()
            .expect("call_type on a type");
        if cls.is(self.types.type_.as_object()) {
            if args.len() == 1 && kwnames.is_empty() {
                return Ok(args[0].class().clone());
            }
            if args.len() - kwnames.len() != 3 {
                return Err(self.new_type_error("type() takes 1 or 3 arguments"));
            }
        }
        // A metaclass overriding __call__ is honoured by the generic path:
        // `cls` is a type whose type defines __call__.
        let meta = class_of(cls);
        if meta.ext.heap {
            if let Some(call) = meta.ext.lookup(&self.names.__call__) {
                if call.downcast_ref::<PyMethodDescr>().is_none() {
                    return self.call_unbound(&call, cls, args, kwnames);
                }
            }
        }
        let new = t.ext.lookup(&self.names.__new__).ok_or_else(|| {
            self.new_type_error(format!("cannot create '{}' instances", t.ext.name()))
        })?;
        if let Some(obj) = self.new_instance_fast(cls, t, &new, args, kwnames)? {
            return Ok(obj);
        }
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(cls.clone());
        v.extend_from_slice(args);
        let new_fn = match new.downcast_ref::<PyStaticMethod>() {
            Some(sm) => sm.func.borrow().clone(),
            None => new,
        };
        let obj = self.call_kw(&new_fn, &v, kwnames)?;
        if !is_subtype(obj.class(), cls) {
            return Ok(obj);
        }
        if let Some(init) = class_of(&obj).ext.lookup(&self.names.__init__) {
            let r = self.call_unbound(&init, &obj, args, kwnames)?;
            if !r.is(&self.none) {
                return Err(self.new_type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.type_name(&r)
                )));
            }
        }
        Ok(obj)
    }

    /// `cls(*args)` for the common class: `object.__new__` with an `__init__`
    /// of its own (or no arguments at all), so `object.__new__`'s argument
    /// checks pass and the instance is allocated directly, without calling
    /// `__new__` through the generic path. `None`: not that case.
    fn new_instance_fast(
        &self,
        cls: &PyObjectRef,
        t: &PyTypeObj,
        new: &PyObjectRef,
        args: &[PyObjectRef],
        kwnames: &[PyObjectRef],
    ) -> PyResult<Option<PyObjectRef>> {
        if t.core.vtable().type_id != std::any::TypeId::of::<PyInstance>() {
            return Ok(None);
        }
        let object = &self.types.object.ext;
        if !object
            .lookup(&self.names.__new__)
            .is_some_and(|o| o.is(new))
        {
            return Ok(None);
        }
        let init = t.ext.lookup(&self.names.__init__);
        let own_init = init
            .as_ref()
            .filter(|i| !object.lookup(&self.names.__init__).is_some_and(|o| o.is(i)));
        if own_init.is_none() && !args.is_empty() {
            return Ok(None);
        }
        let obj = crate::types::object_methods::new_plain_instance(self, cls, t)?;
        if let Some(init) = own_init {
            let r = self.call_unbound(init, &obj, args, kwnames)?;
            if !r.is(&self.none) {
                return Err(self.new_type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.type_name(&r)
                )));
            }
        }
        Ok(Some(obj))
    }

    /// Whether `obj` is callable (`callable()`).
    pub fn is_callable(&self, obj: &PyObjectRef) -> bool {
        obj.downcast_ref::<PyFunction>().is_some()
            || obj.downcast_ref::<PyNativeFunction>().is_some()
            || obj.downcast_ref::<PyBoundMethod>().is_some()
            || obj.downcast_ref::<PyMethodDescr>().is_some()
            || obj.downcast_ref::<PyTypeObj>().is_some()
            || class_of(obj).ext.lookup(&self.names.__call__).is_some()
    }
}

fn descr_owner_name(d: &PyMethodDescr) -> String {
    d.objclass
        .downcast_ref::<PyTypeObj>()
        .map(|t| t.ext.name().to_string())
        .unwrap_or_default()
}
