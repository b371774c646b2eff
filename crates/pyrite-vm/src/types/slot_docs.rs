//! Docstrings of slot wrappers (`int.__add__`, `list.__len__`): one per
//! special method name, shared by every builtin type, as in CPython where
//! they come from the slot table rather than from each type. Also decides
//! which special methods of builtin types are slot wrappers at all.
//! Texts are CPython 3.11's, in its internal `name(signature)\n--\n\ndoc`
//! form (see `descr::split_doc`).

/// Special methods that builtin types expose as slot wrappers, with their
/// docstrings, sorted by name.
const SLOT_DOCS: &[(&str, &str)] = &[
    ("__abs__", "__abs__($self, /)\n--\n\nabs(self)"),
    ("__add__", "__add__($self, value, /)\n--\n\nReturn self+value."),
    ("__aiter__", "__aiter__($self, /)\n--\n\nReturn an awaitable, that resolves in asynchronous iterator."),
    ("__and__", "__and__($self, value, /)\n--\n\nReturn self&value."),
    ("__anext__", "__anext__($self, /)\n--\n\nReturn a value or raise StopAsyncIteration."),
    ("__await__", "__await__($self, /)\n--\n\nReturn an iterator to be used in await expression."),
    ("__bool__", "__bool__($self, /)\n--\n\nTrue if self else False"),
    ("__call__", "__call__($self, /, *args, **kwargs)\n--\n\nCall self as a function."),
    ("__contains__", "__contains__($self, key, /)\n--\n\nReturn key in self."),
    ("__delattr__", "__delattr__($self, name, /)\n--\n\nImplement delattr(self, name)."),
    ("__delete__", "__delete__($self, instance, /)\n--\n\nDelete an attribute of instance."),
    ("__delitem__", "__delitem__($self, key, /)\n--\n\nDelete self[key]."),
    ("__divmod__", "__divmod__($self, value, /)\n--\n\nReturn divmod(self, value)."),
    ("__eq__", "__eq__($self, value, /)\n--\n\nReturn self==value."),
    ("__float__", "__float__($self, /)\n--\n\nfloat(self)"),
    ("__floordiv__", "__floordiv__($self, value, /)\n--\n\nReturn self//value."),
    ("__ge__", "__ge__($self, value, /)\n--\n\nReturn self>=value."),
    ("__get__", "__get__($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner."),
    ("__getattribute__", "__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name)."),
    ("__getitem__", "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
    ("__gt__", "__gt__($self, value, /)\n--\n\nReturn self>value."),
    ("__hash__", "__hash__($self, /)\n--\n\nReturn hash(self)."),
    ("__iadd__", "__iadd__($self, value, /)\n--\n\nImplement self+=value."),
    ("__iand__", "__iand__($self, value, /)\n--\n\nReturn self&=value."),
    ("__imul__", "__imul__($self, value, /)\n--\n\nImplement self*=value."),
    ("__index__", "__index__($self, /)\n--\n\nReturn self converted to an integer, if self is suitable for use as an index into a list."),
    ("__init__", "__init__($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature."),
    ("__int__", "__int__($self, /)\n--\n\nint(self)"),
    ("__invert__", "__invert__($self, /)\n--\n\n~self"),
    ("__ior__", "__ior__($self, value, /)\n--\n\nReturn self|=value."),
    ("__isub__", "__isub__($self, value, /)\n--\n\nReturn self-=value."),
    ("__iter__", "__iter__($self, /)\n--\n\nImplement iter(self)."),
    ("__ixor__", "__ixor__($self, value, /)\n--\n\nReturn self^=value."),
    ("__le__", "__le__($self, value, /)\n--\n\nReturn self<=value."),
    ("__len__", "__len__($self, /)\n--\n\nReturn len(self)."),
    ("__lshift__", "__lshift__($self, value, /)\n--\n\nReturn self<<value."),
    ("__lt__", "__lt__($self, value, /)\n--\n\nReturn self<value."),
    ("__mod__", "__mod__($self, value, /)\n--\n\nReturn self%value."),
    ("__mul__", "__mul__($self, value, /)\n--\n\nReturn self*value."),
    ("__ne__", "__ne__($self, value, /)\n--\n\nReturn self!=value."),
    ("__neg__", "__neg__($self, /)\n--\n\n-self"),
    ("__new__", "__new__($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See help(type) for accurate signature."),
    ("__next__", "__next__($self, /)\n--\n\nImplement next(self)."),
    ("__or__", "__or__($self, value, /)\n--\n\nReturn self|value."),
    ("__pos__", "__pos__($self, /)\n--\n\n+self"),
    ("__pow__", "__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."),
    ("__radd__", "__radd__($self, value, /)\n--\n\nReturn value+self."),
    ("__rand__", "__rand__($self, value, /)\n--\n\nReturn value&self."),
    ("__rdivmod__", "__rdivmod__($self, value, /)\n--\n\nReturn divmod(value, self)."),
    ("__repr__", "__repr__($self, /)\n--\n\nReturn repr(self)."),
    ("__rfloordiv__", "__rfloordiv__($self, value, /)\n--\n\nReturn value//self."),
    ("__rlshift__", "__rlshift__($self, value, /)\n--\n\nReturn value<<self."),
    ("__rmod__", "__rmod__($self, value, /)\n--\n\nReturn value%self."),
    ("__rmul__", "__rmul__($self, value, /)\n--\n\nReturn value*self."),
    ("__ror__", "__ror__($self, value, /)\n--\n\nReturn value|self."),
    ("__rpow__", "__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."),
    ("__rrshift__", "__rrshift__($self, value, /)\n--\n\nReturn value>>self."),
    ("__rshift__", "__rshift__($self, value, /)\n--\n\nReturn self>>value."),
    ("__rsub__", "__rsub__($self, value, /)\n--\n\nReturn value-self."),
    ("__rtruediv__", "__rtruediv__($self, value, /)\n--\n\nReturn value/self."),
    ("__rxor__", "__rxor__($self, value, /)\n--\n\nReturn value^self."),
    ("__set__", "__set__($self, instance, value, /)\n--\n\nSet an attribute of instance to value."),
    ("__setattr__", "__setattr__($self, name, value, /)\n--\n\nImplement setattr(self, name, value)."),
    ("__setitem__", "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
    ("__str__", "__str__($self, /)\n--\n\nReturn str(self)."),
    ("__sub__", "__sub__($self, value, /)\n--\n\nReturn self-value."),
    ("__truediv__", "__truediv__($self, value, /)\n--\n\nReturn self/value."),
    ("__xor__", "__xor__($self, value, /)\n--\n\nReturn self^value."),
];

fn lookup(name: &str) -> Option<&'static str> {
    // Cheap reject first: most methods are not special methods.
    if !(name.starts_with("__") && name.ends_with("__")) {
        return None;
    }
    SLOT_DOCS
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|i| SLOT_DOCS[i].1)
}

/// If a native method `name` of a builtin type is a slot wrapper, its
/// docstring (`__new__` is a builtin method of the type instead).
pub fn slot_wrapper_doc(name: &str) -> Option<&'static str> {
    if name == "__new__" {
        return None;
    }
    lookup(name)
}

/// The docstring of builtin types' `__new__`.
pub fn new_doc() -> Option<&'static str> {
    lookup("__new__")
}

/// Special methods that some builtin types define as ordinary methods
/// beside their slot (CPython's `METH_COEXIST`: a faster direct call), so
/// they show as method descriptors: (type name, method name).
const COEXIST: &[(&str, &str)] = &[
    ("dict", "__getitem__"),
    ("list", "__getitem__"),
    ("dict", "__contains__"),
    ("set", "__contains__"),
    ("frozenset", "__contains__"),
];

/// Whether builtin type `type_name` defines `name` as a plain method.
pub fn is_coexisting(type_name: &str, name: &str) -> bool {
    COEXIST.contains(&(type_name, name))
}
