//! Python-visible behaviour of descriptor objects: method, getset and
//! member descriptors, `classmethod`, `staticmethod` and `property`.
//! Mirrors CPython 3.11 `Objects/descrobject.c` and `funcobject.c`.

use super::descr::{
    split_doc, MethodKind, PyClassMethod, PyGetSetDescr, PyMemberDescr, PyMethodDescr,
    PyStaticMethod,
};
use super::property::PyProperty;
use super::str::PyStr;
use super::typeobj::{as_type, is_subtype};
use crate::args::Args;
use crate::types::descr::TypeDocs;
use crate::{PyObjectRef, PyResult, Vm};

fn owner_name(o: &PyObjectRef) -> String {
    as_type(o)
        .map(|t| t.ext.name().to_string())
        .unwrap_or_default()
}

// ----- method descriptors --------------------------------------------------

fn md<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyMethodDescr> {
    o.downcast_ref::<PyMethodDescr>()
        .ok_or_else(|| vm.new_type_error("expected a method descriptor"))
}

fn md_get(vm: &Vm, args: Args) -> PyResult {
    let [d, obj, owner] = args.range::<3>(vm, "__get__", 2)?;
    let (d, obj) = (d.expect("min"), obj.expect("min"));
    let m = md(vm, d)?;
    if m.kind == MethodKind::Class {
        let owner = match owner {
            Some(o) if !o.is(&vm.none) => o.clone(),
            _ => obj.class().clone(),
        };
        return vm.bind_descriptor(d, None, &owner);
    }
    if obj.is(&vm.none) {
        return Ok(d.clone());
    }
    if m.kind == MethodKind::Instance && !is_subtype(obj.class(), &m.objclass) {
        return Err(vm.new_type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name,
            owner_name(&m.objclass),
            vm.type_name(obj)
        )));
    }
    vm.bind_descriptor(d, Some(obj), obj.class())
}

fn md_repr(vm: &Vm, args: Args) -> PyResult {
    let [d] = args.exact::<1>(vm, "__repr__")?;
    let m = md(vm, d)?;
    Ok(vm.new_str(match m.kind {
        MethodKind::Class => format!(
            "<method '{}' of '{}' objects>",
            m.name,
            owner_name(&m.objclass)
        ),
        MethodKind::Static if m.name == "__new__" => {
            format!(
                "<built-in method __new__ of type object at {:#x}>",
                m.objclass.id()
            )
        }
        _ if m.slot => format!(
            "<slot wrapper '{}' of '{}' objects>",
            m.name,
            owner_name(&m.objclass)
        ),
        _ => format!(
            "<method '{}' of '{}' objects>",
            m.name,
            owner_name(&m.objclass)
        ),
    }))
}

fn md_call(vm: &Vm, args: Args) -> PyResult {
    let d = &args.all[0];
    let m = md(vm, d)?;
    vm.call_method_descr(m, &args.all[1..], args.kwnames)
}

fn md_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(md(vm, o)?.name))
}

fn md_qualname(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = md(vm, o)?;
    Ok(vm.new_str(format!("{}.{}", owner_name(&m.objclass), m.name)))
}

fn md_objclass(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(md(vm, o)?.objclass.clone())
}

/// `__self__` exists only on a builtin type's `__new__` (bound to the type
/// in CPython); copyreg uses it to find the nearest native base.
fn md_self(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = md(vm, o)?;
    if matches!(m.kind, MethodKind::Static) && m.name == "__new__" {
        return Ok(m.objclass.clone());
    }
    Err(vm.new_attribute_error(format!(
        "'{}' object has no attribute '__self__'",
        vm.type_name(o)
    )))
}

/// A `__doc__` or `__text_signature__` value from a raw docstring.
pub(crate) fn doc_part(vm: &Vm, name: &str, raw: Option<&str>, signature: bool) -> PyObjectRef {
    let (sig, body) = match raw {
        Some(r) => split_doc(name, r),
        None => (None, None),
    };
    match if signature { sig } else { body } {
        Some(t) => vm.new_str(t),
        None => vm.none.clone(),
    }
}

fn md_doc(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = md(vm, o)?;
    Ok(doc_part(vm, m.name, m.doc.get(), false))
}

fn md_text_signature(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = md(vm, o)?;
    Ok(doc_part(vm, m.name, m.doc.get(), true))
}

// ----- getset / member descriptors ------------------------------------------

fn gs_doc(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let g = gs(vm, o)?;
    Ok(doc_part(vm, g.name, g.doc.get(), false))
}

fn gs<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyGetSetDescr> {
    o.downcast_ref::<PyGetSetDescr>()
        .ok_or_else(|| vm.new_type_error("expected a getset descriptor"))
}

fn gs_get(vm: &Vm, args: Args) -> PyResult {
    let [d, obj, _owner] = args.range::<3>(vm, "__get__", 2)?;
    let (d, obj) = (d.expect("min"), obj.expect("min"));
    let g = gs(vm, d)?;
    if obj.is(&vm.none) {
        return Ok(d.clone());
    }
    if !is_subtype(obj.class(), &g.objclass) {
        return Err(vm.new_type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            g.name,
            owner_name(&g.objclass),
            vm.type_name(obj)
        )));
    }
    (g.get)(vm, obj)
}

fn gs_set(vm: &Vm, args: Args) -> PyResult {
    let [d, obj, v] = args.exact::<3>(vm, "__set__")?;
    vm.generic_setattr_descr(d, obj, Some(v.clone()))?;
    Ok(vm.none.clone())
}

fn gs_delete(vm: &Vm, args: Args) -> PyResult {
    let [d, obj] = args.exact::<2>(vm, "__delete__")?;
    vm.generic_setattr_descr(d, obj, None)?;
    Ok(vm.none.clone())
}

fn gs_repr(vm: &Vm, args: Args) -> PyResult {
    let [d] = args.exact::<1>(vm, "__repr__")?;
    if let Some(g) = d.downcast_ref::<PyGetSetDescr>() {
        return Ok(vm.new_str(format!(
            "<attribute '{}' of '{}' objects>",
            g.name,
            owner_name(&g.objclass)
        )));
    }
    if let Some(m) = d.downcast_ref::<PyMemberDescr>() {
        return Ok(vm.new_str(format!(
            "<member '{}' of '{}' objects>",
            vm.str_string(&m.name)?,
            owner_name(&m.objclass)
        )));
    }
    Err(vm.new_type_error("expected a descriptor"))
}

fn gs_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
    if let Some(m) = o.downcast_ref::<PyMemberDescr>() {
        return Ok(m.name.clone());
    }
    Ok(vm.new_str(gs(vm, o)?.name))
}

fn gs_objclass(vm: &Vm, o: &PyObjectRef) -> PyResult {
    if let Some(m) = o.downcast_ref::<PyMemberDescr>() {
        return Ok(m.objclass.clone());
    }
    Ok(gs(vm, o)?.objclass.clone())
}

fn member_get(vm: &Vm, args: Args) -> PyResult {
    let [d, obj, owner] = args.range::<3>(vm, "__get__", 2)?;
    let (d, obj) = (d.expect("min"), obj.expect("min"));
    if obj.is(&vm.none) {
        return Ok(d.clone());
    }
    vm.descr_get(d, Some(obj), owner.unwrap_or(obj.class()))
}

impl Vm {
    /// `descr.__set__(obj, value)` / `__delete__` for native descriptors.
    pub fn generic_setattr_descr(
        &self,
        d: &PyObjectRef,
        obj: &PyObjectRef,
        v: Option<PyObjectRef>,
    ) -> PyResult<()> {
        if let Some(g) = d.downcast_ref::<PyGetSetDescr>() {
            return match g.set {
                Some(s) => s(self, obj, v),
                None => Err(self.new_attribute_error(format!(
                    "attribute '{}' of '{}' objects is not writable",
                    g.name,
                    owner_name(&g.objclass)
                ))),
            };
        }
        if let Some(m) = d.downcast_ref::<PyMemberDescr>() {
            let name = m.name.clone();
            return self.generic_setattr(obj, &name, v);
        }
        Err(self.new_type_error("expected a descriptor"))
    }
}

// ----- classmethod / staticmethod -----------------------------------------------

fn cm_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let cls = &pos[0];
    let f = pos.get(1).cloned().unwrap_or_else(|| vm.none.clone());
    if cls.is(vm.types.staticmethod.as_object())
        || is_subtype(cls, vm.types.staticmethod.as_object())
    {
        return Ok(vm
            .try_alloc(PyStaticMethod { func: f.into() }, cls)?
            .into_object());
    }
    Ok(vm
        .try_alloc(PyClassMethod { func: f.into() }, cls)?
        .into_object())
}

fn cm_init(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let name = if pos[0].downcast_ref::<PyStaticMethod>().is_some() {
        "staticmethod"
    } else {
        "classmethod"
    };
    if pos.len() != 2 || !args.kwnames.is_empty() {
        return Err(vm.new_type_error(format!("{name} expected 1 argument, got {}", pos.len() - 1)));
    }
    let f = pos[1].clone();
    if let Some(c) = pos[0].downcast_ref::<PyClassMethod>() {
        *c.func.borrow_mut() = f.clone();
    } else if let Some(s) = pos[0].downcast_ref::<PyStaticMethod>() {
        *s.func.borrow_mut() = f.clone();
    }
    // Copy __doc__, __name__, ... like functools.wraps (3.10+).
    if let Some(slot) = pos[0].dict_slot() {
        let d = slot.take().unwrap_or_else(|| vm.new_dict().into_object());
        slot.set(Some(d.clone()));
        for attr in ["__module__", "__name__", "__qualname__", "__doc__"] {
            if let Some(v) = vm.get_attr_opt(&f, &vm.intern(attr))? {
                vm.set_item(&d, vm.intern(attr), v)?;
            }
        }
        vm.set_item(&d, vm.intern("__wrapped__"), f)?;
    }
    Ok(vm.none.clone())
}

fn cm_func(vm: &Vm, o: &PyObjectRef) -> PyResult {
    if let Some(c) = o.downcast_ref::<PyClassMethod>() {
        return Ok(c.func.borrow().clone());
    }
    if let Some(s) = o.downcast_ref::<PyStaticMethod>() {
        return Ok(s.func.borrow().clone());
    }
    Err(vm.new_type_error("expected classmethod or staticmethod"))
}

fn cm_get(vm: &Vm, args: Args) -> PyResult {
    let [d, obj, owner] = args.range::<3>(vm, "__get__", 2)?;
    let (d, obj) = (d.expect("min"), obj.expect("min"));
    let owner = match owner {
        Some(o) if !o.is(&vm.none) => o.clone(),
        _ => obj.class().clone(),
    };
    vm.bind_descriptor(d, Some(obj).filter(|o| !o.is(&vm.none)), &owner)
}

fn cm_isabstract(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let f = cm_func(vm, o)?;
    match vm.get_attr_opt(&f, &vm.intern("__isabstractmethod__"))? {
        Some(v) => Ok(vm.new_bool(vm.is_true(&v)?)),
        None => Ok(vm.false_.clone()),
    }
}

fn cm_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let f = cm_func(vm, o)?;
    let name = if o.downcast_ref::<PyStaticMethod>().is_some() {
        "staticmethod"
    } else {
        "classmethod"
    };
    Ok(vm.new_str(format!("<{}({})>", name, vm.repr_string(&f)?)))
}

fn sm_call(vm: &Vm, args: Args) -> PyResult {
    let f = cm_func(vm, &args.all[0])?;
    vm.call_kw(&f, &args.all[1..], args.kwnames)
}

// ----- property ---------------------------------------------------------------

fn prop<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyProperty> {
    o.downcast_ref::<PyProperty>()
        .ok_or_else(|| vm.new_type_error("expected a property"))
}

fn prop_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let p = PyProperty {
        fget: None.into(),
        fset: None.into(),
        fdel: None.into(),
        doc: None.into(),
        name: None.into(),
    };
    Ok(vm.try_alloc(p, cls)?.into_object())
}

fn none_to_opt(vm: &Vm, v: Option<&PyObjectRef>) -> Option<PyObjectRef> {
    v.filter(|v| !v.is(&vm.none)).cloned()
}

fn prop_init(vm: &Vm, args: Args) -> PyResult {
    let [s, fget, fset, fdel, doc] = args.bind(
        vm,
        "property",
        ["self", "fget", "fset", "fdel", "doc"],
        1,
        1,
        5,
    )?;
    let s = s.expect("self");
    let p = prop(vm, s)?;
    *p.fget.borrow_mut() = none_to_opt(vm, fget);
    *p.fset.borrow_mut() = none_to_opt(vm, fset);
    *p.fdel.borrow_mut() = none_to_opt(vm, fdel);
    let mut doc = none_to_opt(vm, doc);
    if doc.is_none() {
        if let Some(g) = p.fget.borrow().clone() {
            doc = vm
                .get_attr_opt(&g, &vm.names.__doc__)?
                .filter(|d| !d.is(&vm.none));
        }
    }
    // Subclasses store the doc in the instance dict, as CPython does.
    if s.dict_slot().is_some() {
        if let Some(d) = &doc {
            vm.set_attr_str(s, "__doc__", d.clone())?;
        }
    }
    *p.doc.borrow_mut() = doc;
    Ok(vm.none.clone())
}

fn prop_get(vm: &Vm, args: Args) -> PyResult {
    let [d, obj, owner] = args.range::<3>(vm, "__get__", 2)?;
    let (d, obj) = (d.expect("min"), obj.expect("min"));
    if obj.is(&vm.none) {
        return Ok(d.clone());
    }
    vm.descr_get(d, Some(obj), owner.unwrap_or(obj.class()))
}

fn prop_set_or_delete(
    vm: &Vm,
    d: &PyObjectRef,
    obj: &PyObjectRef,
    v: Option<PyObjectRef>,
) -> PyResult {
    let p = prop(vm, d)?;
    let (f, what) = if v.is_some() {
        (p.fset.borrow().clone(), "setter")
    } else {
        (p.fdel.borrow().clone(), "deleter")
    };
    match f {
        Some(f) => {
            let mut a = vec![obj.clone()];
            a.extend(v);
            vm.call(&f, &a)?;
            Ok(vm.none.clone())
        }
        None => Err(vm.new_attribute_error(format!(
            "property {}of '{}' object has no {}",
            vm.property_name(p),
            vm.type_name(obj),
            what
        ))),
    }
}

fn prop_set(vm: &Vm, args: Args) -> PyResult {
    let [d, obj, v] = args.exact::<3>(vm, "__set__")?;
    prop_set_or_delete(vm, d, obj, Some(v.clone()))
}

fn prop_delete(vm: &Vm, args: Args) -> PyResult {
    let [d, obj] = args.exact::<2>(vm, "__delete__")?;
    prop_set_or_delete(vm, d, obj, None)
}

fn prop_copy_with(vm: &Vm, args: Args, which: usize) -> PyResult {
    let [d, f] = args.exact::<2>(vm, "getter")?;
    let p = prop(vm, d)?;
    let mut parts = [
        p.fget.borrow().clone(),
        p.fset.borrow().clone(),
        p.fdel.borrow().clone(),
    ];
    parts[which] = Some(f.clone());
    let none = vm.none.clone();
    let doc = p.doc.borrow().clone();
    let call_args: Vec<PyObjectRef> = parts
        .iter()
        .map(|x| x.clone().unwrap_or_else(|| none.clone()))
        .chain(std::iter::once(doc.unwrap_or_else(|| none.clone())))
        .collect();
    let np = vm.call(d.class(), &call_args)?;
    if let (Some(n), Some(old)) = (np.downcast_ref::<PyProperty>(), p.name.borrow().clone()) {
        *n.name.borrow_mut() = Some(old);
    }
    Ok(np)
}

fn prop_getter(vm: &Vm, args: Args) -> PyResult {
    prop_copy_with(vm, args, 0)
}
fn prop_setter(vm: &Vm, args: Args) -> PyResult {
    prop_copy_with(vm, args, 1)
}
fn prop_deleter(vm: &Vm, args: Args) -> PyResult {
    prop_copy_with(vm, args, 2)
}

fn prop_set_name(vm: &Vm, args: Args) -> PyResult {
    let [d, _owner, name] = args.exact::<3>(vm, "__set_name__")?;
    *prop(vm, d)?.name.borrow_mut() = Some(name.clone());
    Ok(vm.none.clone())
}

fn prop_fget(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(prop(vm, o)?
        .fget
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}
fn prop_fset(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(prop(vm, o)?
        .fset
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}
fn prop_fdel(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(prop(vm, o)?
        .fdel
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}

fn prop_doc(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(prop(vm, o)?
        .doc
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}

fn prop_set_doc(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    *prop(vm, o)?.doc.borrow_mut() = v;
    Ok(())
}

fn prop_isabstract(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let p = prop(vm, o)?;
    for f in [&p.fget, &p.fset, &p.fdel] {
        if let Some(f) = f.borrow().clone() {
            if let Some(v) = vm.get_attr_opt(&f, &vm.intern("__isabstractmethod__"))? {
                if vm.is_true(&v)? {
                    return Ok(vm.true_.clone());
                }
            }
        }
    }
    Ok(vm.false_.clone())
}

/// Docstrings of `property` and its methods (CPython's texts).
pub(crate) const PROPERTY_DOCS: TypeDocs = TypeDocs {
    doc: "property(fget=None, fset=None, fdel=None, doc=None)\n--\n\nProperty attribute.\n\n  fget\n    function to be used for getting an attribute value\n  fset\n    function to be used for setting an attribute value\n  fdel\n    function to be used for del'ing an attribute\n  doc\n    docstring\n\nTypical use is to define a managed attribute x:\n\nclass C(object):\n    def getx(self): return self._x\n    def setx(self, value): self._x = value\n    def delx(self): del self._x\n    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\nDecorators make defining new properties or modifying existing ones easy:\n\nclass C(object):\n    @property\n    def x(self):\n        \"I am the 'x' property.\"\n        return self._x\n    @x.setter\n    def x(self, value):\n        self._x = value\n    @x.deleter\n    def x(self):\n        del self._x",
    members: &[
        ("getter", "Descriptor to obtain a copy of the property with a different getter."),
        ("setter", "Descriptor to obtain a copy of the property with a different setter."),
        ("deleter", "Descriptor to obtain a copy of the property with a different deleter."),
        ("__set_name__", "Method to set name of a property."),
    ],
};

/// Docstrings of `classmethod` and its methods (CPython's texts).
pub(crate) const CLASSMETHOD_DOCS: TypeDocs = TypeDocs {
    doc: "classmethod(function) -> method\n\nConvert a function to be a class method.\n\nA class method receives the class as implicit first argument,\njust like an instance method receives the instance.\nTo declare a class method, use this idiom:\n\n  class C:\n      @classmethod\n      def f(cls, arg1, arg2, argN):\n          ...\n\nIt can be called either on the class (e.g. C.f()) or on an instance\n(e.g. C().f()).  The instance is ignored except for its class.\nIf a class method is called for a derived class, the derived class\nobject is passed as the implied first argument.\n\nClass methods are different than C++ or Java static methods.\nIf you want those, see the staticmethod builtin.",
    members: &[
    ],
};

/// Docstrings of `staticmethod` and its methods (CPython's texts).
pub(crate) const STATICMETHOD_DOCS: TypeDocs = TypeDocs {
    doc: "staticmethod(function) -> method\n\nConvert a function to be a static method.\n\nA static method does not receive an implicit first argument.\nTo declare a static method, use this idiom:\n\n     class C:\n         @staticmethod\n         def f(arg1, arg2, argN):\n             ...\n\nIt can be called either on the class (e.g. C.f()) or on an instance\n(e.g. C().f()). Both the class and the instance are ignored, and\nneither is passed implicitly as the first argument to the method.\n\nStatic methods in Python are similar to those found in Java or C++.\nFor a more advanced concept, see the classmethod builtin.",
    members: &[
    ],
};

/// `method_descriptor.__reduce__` (and the classmethod/slot twins):
/// `getattr(defining_class, name)`.
fn md_reduce(vm: &Vm, args: Args) -> PyResult {
    let [d] = args.exact::<1>(vm, "__reduce__")?;
    let m = md(vm, d)?;
    super::function_methods::reduce_to_getattr(vm, m.objclass.clone(), m.name)
}

pub fn init(vm: &Vm) {
    for t in [
        &vm.types.method_descriptor,
        &vm.types.classmethod_descriptor,
        &vm.types.wrapper_descriptor,
    ] {
        vm.add_getset(t, "__text_signature__", md_text_signature, None);
        vm.add_method(t, "__get__", md_get);
        vm.add_method(t, "__repr__", md_repr);
        vm.add_method(t, "__call__", md_call);
        vm.add_getset(t, "__name__", md_name, None);
        vm.add_getset(t, "__qualname__", md_qualname, None);
        vm.add_getset(t, "__objclass__", md_objclass, None);
        vm.add_getset(t, "__self__", md_self, None);
        vm.add_getset(t, "__doc__", md_doc, None);
    }
    // classmethod_descriptor has no __reduce__ in CPython (not picklable).
    vm.add_method(&vm.types.method_descriptor, "__reduce__", md_reduce);
    vm.add_method(&vm.types.wrapper_descriptor, "__reduce__", md_reduce);
    let g = &vm.types.getset_descriptor;
    vm.add_method(g, "__get__", gs_get);
    vm.add_method(g, "__set__", gs_set);
    vm.add_method(g, "__delete__", gs_delete);
    vm.add_method(g, "__repr__", gs_repr);
    vm.add_getset(g, "__name__", gs_name, None);
    vm.add_getset(g, "__objclass__", gs_objclass, None);
    vm.add_getset(g, "__doc__", gs_doc, None);
    let m = &vm.types.member_descriptor;
    vm.add_method(m, "__get__", member_get);
    vm.add_method(m, "__set__", gs_set);
    vm.add_method(m, "__delete__", gs_delete);
    vm.add_method(m, "__repr__", gs_repr);
    vm.add_getset(m, "__name__", gs_name, None);
    vm.add_getset(m, "__objclass__", gs_objclass, None);
    for t in [&vm.types.classmethod, &vm.types.staticmethod] {
        vm.add_staticmethod(t, "__new__", cm_new);
        vm.add_method(t, "__init__", cm_init);
        vm.add_method(t, "__get__", cm_get);
        vm.add_method(t, "__repr__", cm_repr);
        vm.add_getset(t, "__func__", cm_func, None);
        vm.add_getset(t, "__isabstractmethod__", cm_isabstract, None);
        vm.set_type_attr(t, "__dict__", vm.instance_dict_descr(t.as_object()));
    }
    vm.add_method(&vm.types.staticmethod, "__call__", sm_call);
    let p = &vm.types.property;
    vm.add_staticmethod(p, "__new__", prop_new);
    vm.add_method(p, "__init__", prop_init);
    vm.add_method(p, "__get__", prop_get);
    vm.add_method(p, "__set__", prop_set);
    vm.add_method(p, "__delete__", prop_delete);
    vm.add_method(p, "getter", prop_getter);
    vm.add_method(p, "setter", prop_setter);
    vm.add_method(p, "deleter", prop_deleter);
    vm.add_method(p, "__set_name__", prop_set_name);
    vm.add_getset(p, "fget", prop_fget, None);
    vm.add_getset(p, "fset", prop_fset, None);
    vm.add_getset(p, "fdel", prop_fdel, None);
    vm.add_getset(p, "__doc__", prop_doc, Some(prop_set_doc));
    vm.add_getset(p, "__isabstractmethod__", prop_isabstract, None);
    let _ = PyStr::new("");
    vm.set_docs(&vm.types.property, &PROPERTY_DOCS);
    vm.set_docs(&vm.types.classmethod, &CLASSMETHOD_DOCS);
    vm.set_docs(&vm.types.staticmethod, &STATICMETHOD_DOCS);
}
