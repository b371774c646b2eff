//! `dict`'s Python-visible methods: construction and `update` (mappings,
//! pair sequences, keywords), repr, item access with `__missing__`,
//! equality, `|`/`|=`, and the mapping methods. Views are in `dict_views.rs`.
//! Mirrors CPython 3.11 `Objects/dictobject.c`.

use super::dict::PyDict;
use super::dict_views::new_view;
use super::iter::{DictIterKind, PyDictIter};
use super::list_methods::{arg0, arg1, args_range, seq_fast};
use super::typeobj::class_of;
use crate::args::Args;
use crate::protocol::repr::ReprGuard;
use crate::types::descr::TypeDocs;
use crate::{PyObjectRef, PyResult, Vm};

pub(crate) fn as_dict<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyDict> {
    o.downcast_ref::<PyDict>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

fn is_exact_dict(vm: &Vm, o: &PyObjectRef) -> bool {
    o.class().is(vm.types.dict.as_object())
}

/// A dict iterator over `d` (`kind`, forwards or backwards).
pub(crate) fn new_dict_iter(
    vm: &Vm,
    d: &PyObjectRef,
    kind: DictIterKind,
    reversed: bool,
) -> PyResult {
    let dict = as_dict(vm, d)?;
    let n = dict.len();
    let pos = if reversed { dict.entries_len() } else { 0 };
    let t = &vm.types;
    let cls = match (kind, reversed) {
        (DictIterKind::Keys, false) => &t.dict_keyiterator,
        (DictIterKind::Values, false) => &t.dict_valueiterator,
        (DictIterKind::Items, false) => &t.dict_itemiterator,
        (DictIterKind::Keys, true) => &t.dict_reversekeyiterator,
        (DictIterKind::Values, true) => &t.dict_reversevalueiterator,
        (DictIterKind::Items, true) => &t.dict_reverseitemiterator,
    };
    Ok(vm.alloc(
        PyDictIter {
            dict: Some(d.clone()).into(),
            pos: pos.into(),
            size: n.into(),
            len: n.into(),
            kind,
            reversed,
        },
        cls,
    ))
}

/// Merge a mapping or an iterable of pairs into `d` (CPython's
/// `dict_update_arg`).
pub fn dict_update_arg(vm: &Vm, d: &PyDict, arg: &PyObjectRef) -> PyResult<()> {
    if let Some(src) = arg.downcast_ref::<PyDict>() {
        if is_exact_dict(vm, arg)
            || class_of(arg)
                .ext
                .lookup(&vm.intern("__iter__"))
                .is_some_and(|f| {
                    vm.types
                        .dict
                        .ext
                        .dict
                        .get_by_str("__iter__")
                        .is_some_and(|g| g.is(&f))
                })
        {
            for e in src.entries() {
                d.set_item_hashed(vm, e.key, e.hash, e.value)?;
            }
            return Ok(());
        }
    }
    if vm.get_attr_opt(arg, &vm.names.keys)?.is_some() {
        let keys = vm.call_method(arg, "keys", &[])?;
        let it = vm.iter(&keys)?;
        while let Some(k) = vm.next(&it)? {
            let v = vm.get_item(arg, &k)?;
            d.set_item(vm, k, v)?;
        }
        return Ok(());
    }
    let it = vm.iter(arg)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let pair = match seq_fast(vm, &item, "") {
            Ok(p) => p,
            Err(e) if vm.exc_matches(&e, &vm.exc.TypeError) => {
                return Err(vm.new_type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(vm.new_value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        if let (Some(k), Some(v)) = (p.next(), p.next()) {
            d.set_item(vm, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

/// `dict.__init__`/`dict.update`: one optional positional, then keywords.
fn update_common(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    let pos = args.pos();
    let me = &pos[0];
    let d = as_dict(vm, me)?;
    if pos.len() > 2 {
        return Err(vm.new_type_error(format!(
            "{name} expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    if let Some(a) = pos.get(1) {
        dict_update_arg(vm, d, a)?;
    }
    for (k, v) in args.kwargs() {
        d.set_item(vm, vm.new_str(k), v.clone())?;
    }
    Ok(())
}

fn dict_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("dict.__new__(): not enough arguments"))?;
    if super::typeobj::as_type(cls).is_none() {
        return Err(vm.new_type_error(format!(
            "dict.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    }
    Ok(vm.try_alloc(PyDict::new(), cls)?.into_object())
}

fn dict_init(vm: &Vm, args: Args) -> PyResult {
    update_common(vm, &args, "dict")?;
    Ok(vm.none.clone())
}

fn dict_update(vm: &Vm, args: Args) -> PyResult {
    update_common(vm, &args, "update")?;
    Ok(vm.none.clone())
}

fn dict_repr(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict.__repr__")?;
    let d = as_dict(vm, me)?;
    if d.len() == 0 {
        return Ok(vm.new_str("{}"));
    }
    let Some(_g) = ReprGuard::enter(me) else {
        return Ok(vm.new_str("{...}"));
    };
    let mut s = String::from("{");
    let mut i = 0;
    let mut first = true;
    while let Some((next, k, v)) = d.next_entry(i) {
        if !first {
            s.push_str(", ");
        }
        first = false;
        s.push_str(vm.repr(&k)?.as_str());
        s.push_str(": ");
        s.push_str(vm.repr(&v)?.as_str());
        i = next;
    }
    s.push('}');
    Ok(vm.new_str(s))
}

fn dict_getitem(vm: &Vm, args: Args) -> PyResult {
    let (me, key) = arg1(vm, &args, "dict.__getitem__")?;
    let d = as_dict(vm, me)?;
    if let Some(v) = d.get_item(vm, key)? {
        return Ok(v);
    }
    if !is_exact_dict(vm, me) {
        if let Some(r) = vm.call_special(me, &vm.names.__missing__, &[key.clone()])? {
            return Ok(r);
        }
    }
    Err(vm.new_key_error(key.clone()))
}

fn dict_setitem(vm: &Vm, args: Args) -> PyResult {
    let (me, rest) = args_range(vm, &args, "__setitem__", 2, 2)?;
    as_dict(vm, me)?.set_item(vm, rest[0].clone(), rest[1].clone())?;
    Ok(vm.none.clone())
}

fn dict_delitem(vm: &Vm, args: Args) -> PyResult {
    let (me, key) = arg1(vm, &args, "dict.__delitem__")?;
    match as_dict(vm, me)?.del_item(vm, key)? {
        Some(_) => Ok(vm.none.clone()),
        None => Err(vm.new_key_error(key.clone())),
    }
}

fn dict_contains(vm: &Vm, args: Args) -> PyResult {
    let (me, key) = arg1(vm, &args, "dict.__contains__")?;
    Ok(vm.new_bool(as_dict(vm, me)?.get_item(vm, key)?.is_some()))
}

fn dict_len(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict.__len__")?;
    Ok(vm.new_int(as_dict(vm, me)?.len() as i64))
}

fn dict_iter(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict.__iter__")?;
    new_dict_iter(vm, me, DictIterKind::Keys, false)
}

fn dict_reversed(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict.__reversed__")?;
    new_dict_iter(vm, me, DictIterKind::Keys, true)
}

/// `a == b` for dicts (order-insensitive; values compared with identity
/// shortcut).
pub fn dict_equal(vm: &Vm, a: &PyDict, b: &PyDict) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for e in a.entries() {
        let Some(bv) = b.get_item_hashed(vm, &e.key, e.hash)? else {
            return Ok(false);
        };
        if !vm.eq_bool(&e.value, &bv)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_cmp(vm: &Vm, args: Args, ne: bool) -> PyResult {
    let (me, other) = arg1(vm, &args, "dict.__eq__")?;
    let a = as_dict(vm, me)?;
    let Some(b) = other.downcast_ref::<PyDict>() else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(dict_equal(vm, a, b)? != ne))
}

fn dict_eq(vm: &Vm, args: Args) -> PyResult {
    dict_cmp(vm, args, false)
}

fn dict_ne(vm: &Vm, args: Args) -> PyResult {
    dict_cmp(vm, args, true)
}

fn or_impl(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let (Some(ad), Some(_)) = (a.downcast_ref::<PyDict>(), b.downcast_ref::<PyDict>()) else {
        return Ok(vm.not_implemented.clone());
    };
    let new = vm.new_dict();
    new.extend_fresh(ad.entries());
    dict_update_arg(vm, &new, b)?;
    Ok(new.into_object())
}

fn dict_or(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "dict.__or__")?;
    or_impl(vm, me, other)
}

fn dict_ror(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "dict.__ror__")?;
    or_impl(vm, other, me)
}

fn dict_ior(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "dict.__ior__")?;
    dict_update_arg(vm, as_dict(vm, me)?, other)?;
    Ok(me.clone())
}

fn dict_get(vm: &Vm, args: Args) -> PyResult {
    let (me, rest) = args_range(vm, &args, "get", 1, 2)?;
    Ok(as_dict(vm, me)?
        .get_item(vm, &rest[0])?
        .unwrap_or_else(|| rest.get(1).cloned().unwrap_or_else(|| vm.none.clone())))
}

fn dict_setdefault(vm: &Vm, args: Args) -> PyResult {
    let (me, rest) = args_range(vm, &args, "setdefault", 1, 2)?;
    let d = as_dict(vm, me)?;
    let key = &rest[0];
    let hash = vm.hash(key)?;
    if let Some(v) = d.get_item_hashed(vm, key, hash)? {
        return Ok(v);
    }
    let default = rest.get(1).cloned().unwrap_or_else(|| vm.none.clone());
    d.set_item_hashed(vm, key.clone(), hash, default.clone())?;
    Ok(default)
}

fn dict_pop(vm: &Vm, args: Args) -> PyResult {
    let (me, rest) = args_range(vm, &args, "pop", 1, 2)?;
    let d = as_dict(vm, me)?;
    if d.len() == 0 {
        // CPython skips hashing for an empty dict.
        return rest
            .get(1)
            .cloned()
            .ok_or_else(|| vm.new_key_error(rest[0].clone()));
    }
    match d.del_item(vm, &rest[0])? {
        Some(v) => Ok(v),
        None => rest
            .get(1)
            .cloned()
            .ok_or_else(|| vm.new_key_error(rest[0].clone())),
    }
}

fn dict_popitem(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict.popitem")?;
    let d = as_dict(vm, me)?;
    let e = d.last_index().and_then(|i| d.remove_at(i));
    match e {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.new_exception_msg(&vm.exc.KeyError, "popitem(): dictionary is empty")),
    }
}

fn dict_keys(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict.keys")?;
    as_dict(vm, me)?;
    new_view(vm, me, DictIterKind::Keys)
}

fn dict_values(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict.values")?;
    as_dict(vm, me)?;
    new_view(vm, me, DictIterKind::Values)
}

fn dict_items(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict.items")?;
    as_dict(vm, me)?;
    new_view(vm, me, DictIterKind::Items)
}

fn dict_fromkeys(vm: &Vm, args: Args) -> PyResult {
    let (cls, rest) = args_range(vm, &args, "fromkeys", 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or_else(|| vm.none.clone());
    let d = vm.call(cls, &[])?;
    let iterable = &rest[0];
    if let (Some(dd), true) = (d.downcast_ref::<PyDict>(), is_exact_dict(vm, &d)) {
        if let (Some(src), true) = (
            iterable.downcast_ref::<PyDict>(),
            is_exact_dict(vm, iterable),
        ) {
            for e in src.entries() {
                dd.set_item_hashed(vm, e.key, e.hash, value.clone())?;
            }
            return Ok(d);
        }
        if let (Some(src), false) = (
            iterable.downcast_ref::<super::set::PySet>(),
            class_of(iterable).ext.heap,
        ) {
            for (h, k) in src.entries() {
                dd.set_item_hashed(vm, k, h, value.clone())?;
            }
            return Ok(d);
        }
        let it = vm.iter(iterable)?;
        while let Some(k) = vm.next(&it)? {
            dd.set_item(vm, k, value.clone())?;
        }
        return Ok(d);
    }
    let it = vm.iter(iterable)?;
    while let Some(k) = vm.next(&it)? {
        vm.set_item(&d, k, value.clone())?;
    }
    Ok(d)
}

fn dict_copy(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict.copy")?;
    let d = as_dict(vm, me)?;
    let new = vm.new_dict();
    new.extend_fresh(d.entries());
    Ok(new.into_object())
}

fn dict_clear(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict.clear")?;
    as_dict(vm, me)?.clear();
    Ok(vm.none.clone())
}

/// CPython 3.11's `_PyDict_SizeOf`: the object plus its keys table (index
/// bytes sized by the table, entries of 16 bytes for all-str keys, else 24).
fn dict_sizeof(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict.__sizeof__")?;
    let d = as_dict(vm, me)?;
    let size = d.table_size();
    if size == 0 {
        return Ok(vm.new_int(48));
    }
    let index_bytes = if size <= 128 {
        1
    } else if size <= 1 << 16 {
        2
    } else {
        4
    };
    let all_str = d
        .keys()
        .iter()
        .all(|k| k.class().is(vm.types.str.as_object()));
    let entry = if all_str { 16 } else { 24 };
    Ok(vm.new_int((48 + 32 + size * index_bytes + (size * 2 / 3) * entry) as i64))
}

/// Docstrings of `dict` and its methods (CPython's texts).
pub(crate) const DICT_DOCS: TypeDocs = TypeDocs {
    doc: "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)",
    members: &[
        ("__getitem__", "x.__getitem__(y) <==> x[y]"),
        ("__contains__", "__contains__($self, key, /)\n--\n\nTrue if the dictionary has the specified key, else False."),
        ("__sizeof__", "D.__sizeof__() -> size of D in memory, in bytes"),
        ("get", "get($self, key, default=None, /)\n--\n\nReturn the value for key if key is in the dictionary, else default."),
        ("setdefault", "setdefault($self, key, default=None, /)\n--\n\nInsert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default."),
        ("pop", "pop($self, key, default=<unrepresentable>, /)\n--\n\nD.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError."),
        ("popitem", "popitem($self, /)\n--\n\nRemove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\nRaises KeyError if the dict is empty."),
        ("keys", "D.keys() -> a set-like object providing a view on D's keys"),
        ("items", "D.items() -> a set-like object providing a view on D's items"),
        ("values", "D.values() -> an object providing a view on D's values"),
        ("update", "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in F:  D[k] = F[k]"),
        ("fromkeys", "fromkeys($type, iterable, value=None, /)\n--\n\nCreate a new dictionary with keys from iterable and values set to value."),
        ("clear", "D.clear() -> None.  Remove all items from D."),
        ("copy", "D.copy() -> a shallow copy of D"),
        ("__reversed__", "__reversed__($self, /)\n--\n\nReturn a reverse iterator over the dict keys."),
        ("__class_getitem__", "See PEP 585"),
    ],
};

pub fn init(vm: &Vm) {
    let t = &vm.types.dict;
    vm.add_staticmethod(t, "__new__", dict_new);
    vm.add_method(t, "__init__", dict_init);
    vm.add_method(t, "__repr__", dict_repr);
    vm.add_method(t, "__getitem__", dict_getitem);
    vm.add_method(t, "__setitem__", dict_setitem);
    vm.add_method(t, "__delitem__", dict_delitem);
    vm.add_method(t, "__contains__", dict_contains);
    vm.add_method(t, "__len__", dict_len);
    vm.add_method(t, "__iter__", dict_iter);
    vm.add_method(t, "__reversed__", dict_reversed);
    vm.add_method(t, "__eq__", dict_eq);
    vm.add_method(t, "__ne__", dict_ne);
    vm.add_method(t, "__or__", dict_or);
    vm.add_method(t, "__ror__", dict_ror);
    vm.add_method(t, "__ior__", dict_ior);
    vm.set_type_attr(t, "__hash__", vm.none.clone());
    vm.add_method(t, "get", dict_get);
    vm.add_method(t, "setdefault", dict_setdefault);
    vm.add_method(t, "pop", dict_pop);
    vm.add_method(t, "popitem", dict_popitem);
    vm.add_method(t, "keys", dict_keys);
    vm.add_method(t, "values", dict_values);
    vm.add_method(t, "items", dict_items);
    vm.add_method(t, "update", dict_update);
    vm.add_classmethod(t, "fromkeys", dict_fromkeys);
    vm.add_method(t, "copy", dict_copy);
    vm.add_method(t, "clear", dict_clear);
    vm.add_method(t, "__sizeof__", dict_sizeof);
    vm.add_class_getitem(t);
    vm.set_docs(&vm.types.dict, &DICT_DOCS);
}
