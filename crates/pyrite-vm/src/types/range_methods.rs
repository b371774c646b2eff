//! `range`'s Python-visible methods: construction, length (OverflowError
//! past the machine range), indexing and slicing (a slice is a range),
//! O(1) `in`/`index`/`count` for ints, iteration (machine-word iterator when
//! the bounds allow, big-int iterator otherwise), repr, equality and hash.
//! Mirrors CPython 3.11 `Objects/rangeobject.c`.

use crate::types::descr::TypeDocs;
use dashu_int::IBig;

use super::int::{IntVal, PyInt};
use super::iter::{PyLongRangeIter, PyRangeIter};
use super::list_methods::{arg0, arg1};
use super::range::PyRange;
use super::slice::PySlice;
use super::typeobj::class_of;
use crate::args::Args;
use crate::protocol::hash::TupleHasher;
use crate::{PyObjectRef, PyResult, Vm};

fn big(o: &PyObjectRef) -> IBig {
    o.downcast_ref::<PyInt>()
        .map(|i| i.value.to_big())
        .unwrap_or_default()
}

fn small(o: &PyObjectRef) -> Option<i64> {
    o.downcast_ref::<PyInt>().and_then(|i| i.value.as_i64())
}

fn as_range<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyRange> {
    o.downcast_ref::<PyRange>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'range' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

/// Number of items of range(start, stop, step) (`compute_range_length`).
fn length_big(start: &IBig, stop: &IBig, step: &IBig) -> IBig {
    let zero = IBig::from(0);
    let one = IBig::from(1);
    if *step > zero {
        if start < stop {
            (stop - start - &one) / step + one
        } else {
            zero
        }
    } else if start > stop {
        (start - stop - &one) / (-step) + one
    } else {
        zero
    }
}

/// The same for machine values.
fn length_i128(start: i128, stop: i128, step: i128) -> i128 {
    if step > 0 {
        if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// (start, stop, step) as machine values, when all fit.
fn vals(r: &PyRange) -> Option<(i128, i128, i128)> {
    Some((
        small(&r.start)? as i128,
        small(&r.stop)? as i128,
        small(&r.step)? as i128,
    ))
}

fn range_length(r: &PyRange) -> IBig {
    match vals(r) {
        Some((a, b, c)) => IBig::from(length_i128(a, b, c)),
        None => length_big(&big(&r.start), &big(&r.stop), &big(&r.step)),
    }
}

/// A new `range` from three int objects (no validation).
pub fn new_range(vm: &Vm, start: PyObjectRef, stop: PyObjectRef, step: PyObjectRef) -> PyResult {
    Ok(vm
        .try_alloc(PyRange { start, stop, step }, vm.types.range.as_object())?
        .into_object())
}

fn range_new(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "range")?;
    let pos = &args.pos()[1.min(args.pos().len())..];
    match pos.len() {
        0 => return Err(vm.new_type_error("range expected at least 1 argument, got 0")),
        1..=3 => {}
        n => return Err(vm.new_type_error(format!("range expected at most 3 arguments, got {n}"))),
    }
    if pos.len() == 1 {
        let stop = vm.index(&pos[0])?;
        return new_range(vm, vm.new_int(0), stop, vm.new_int(1));
    }
    let start = vm.index(&pos[0])?;
    let stop = vm.index(&pos[1])?;
    let step = match pos.get(2) {
        Some(s) => {
            let s = vm.index(s)?;
            if s.downcast_ref::<PyInt>().is_some_and(|i| i.value.is_zero()) {
                return Err(vm.new_value_error("range() arg 3 must not be zero"));
            }
            s
        }
        None => vm.new_int(1),
    };
    new_range(vm, start, stop, step)
}

fn range_repr(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "range.__repr__")?;
    let r = as_range(vm, me)?;
    let a = vm.repr(&r.start)?;
    let b = vm.repr(&r.stop)?;
    Ok(vm.new_str(if small(&r.step) == Some(1) {
        format!("range({}, {})", a.as_str(), b.as_str())
    } else {
        format!(
            "range({}, {}, {})",
            a.as_str(),
            b.as_str(),
            vm.repr(&r.step)?.as_str()
        )
    }))
}

fn range_len(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "range.__len__")?;
    let n = range_length(as_range(vm, me)?);
    match i64::try_from(&n) {
        Ok(v) => Ok(vm.new_int(v)),
        Err(_) => Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_bool(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "range.__bool__")?;
    Ok(vm.new_bool(range_length(as_range(vm, me)?) != IBig::from(0)))
}

/// `start + i * step`.
fn item_at(vm: &Vm, r: &PyRange, i: &IBig) -> PyObjectRef {
    if let (Some((a, _, c)), Ok(i)) = (vals(r), i64::try_from(i)) {
        return vm.new_bigint(IBig::from(a + i as i128 * c));
    }
    vm.new_bigint(big(&r.start) + i * big(&r.step))
}

/// CPython's `_PySlice_GetLongIndices`: (start, stop, step) for `length`.
pub fn slice_long_indices(vm: &Vm, s: &PySlice, length: &IBig) -> PyResult<(IBig, IBig, IBig)> {
    let idx = |o: &PyObjectRef| -> PyResult<Option<IBig>> {
        if o.is(&vm.none) {
            return Ok(None);
        }
        if o.downcast_ref::<PyInt>().is_none()
            && class_of(o).ext.lookup(&vm.names.__index__).is_none()
        {
            return Err(vm.new_type_error(
                "slice indices must be integers or None or have an __index__ method",
            ));
        }
        Ok(Some(big(&vm.index(o)?)))
    };
    let zero = IBig::from(0);
    let step = match idx(&s.step)? {
        None => IBig::from(1),
        Some(v) if v == zero => return Err(vm.new_value_error("slice step cannot be zero")),
        Some(v) => v,
    };
    let neg = step < zero;
    let (lower, upper) = if neg {
        (IBig::from(-1), length - IBig::from(1))
    } else {
        (zero.clone(), length.clone())
    };
    let clamp = |v: Option<IBig>, default: &IBig| -> IBig {
        match v {
            None => default.clone(),
            Some(mut v) => {
                if v < zero {
                    v += length;
                    if v < lower {
                        v = lower.clone();
                    }
                } else if v > upper {
                    v = upper.clone();
                }
                v
            }
        }
    };
    let start = clamp(idx(&s.start)?, if neg { &upper } else { &lower });
    let stop = clamp(idx(&s.stop)?, if neg { &lower } else { &upper });
    Ok((start, stop, step))
}

fn range_getitem(vm: &Vm, args: Args) -> PyResult {
    let (me, key) = arg1(vm, &args, "range.__getitem__")?;
    let r = as_range(vm, me)?;
    if let Some(s) = key.downcast_ref::<PySlice>() {
        let len = range_length(r);
        let (start, stop, step) = slice_long_indices(vm, s, &len)?;
        let new_step = vm.new_bigint(step * big(&r.step));
        return new_range(vm, item_at(vm, r, &start), item_at(vm, r, &stop), new_step);
    }
    if key.downcast_ref::<PyInt>().is_none()
        && class_of(key).ext.lookup(&vm.names.__index__).is_none()
    {
        return Err(vm.new_type_error(format!(
            "range indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    }
    let mut i = big(&vm.index(key)?);
    let len = range_length(r);
    let zero = IBig::from(0);
    if i < zero {
        i += &len;
    }
    if i < zero || i >= len {
        return Err(vm.new_index_error("range object index out of range"));
    }
    Ok(item_at(vm, r, &i))
}

fn is_int_like(vm: &Vm, o: &PyObjectRef) -> bool {
    o.class().is(vm.types.int.as_object()) || o.class().is(vm.types.bool_.as_object())
}

/// `x in r` for an exact int `x`.
fn contains_int(r: &PyRange, x: &PyObjectRef) -> bool {
    if let (Some((a, b, c)), Some(x)) = (vals(r), small(x)) {
        let x = x as i128;
        let inside = if c > 0 {
            a <= x && x < b
        } else {
            b < x && x <= a
        };
        return inside && (x - a) % c == 0;
    }
    let (a, b, c, x) = (big(&r.start), big(&r.stop), big(&r.step), big(x));
    let zero = IBig::from(0);
    let inside = if c > zero {
        a <= x && x < b
    } else {
        b < x && x <= a
    };
    inside && (x - a) % c == zero
}

/// Generic search by iteration (`_PySequence_IterSearch`).
fn iter_search(vm: &Vm, me: &PyObjectRef, x: &PyObjectRef, count: bool) -> PyResult<Option<i64>> {
    let it = vm.iter(me)?;
    let mut n = 0i64;
    let mut i = 0i64;
    while let Some(v) = vm.next(&it)? {
        if vm.eq_bool(&v, x)? {
            if !count {
                return Ok(Some(i));
            }
            n += 1;
        }
        i += 1;
    }
    Ok(if count { Some(n) } else { None })
}

fn range_contains(vm: &Vm, args: Args) -> PyResult {
    let (me, x) = arg1(vm, &args, "range.__contains__")?;
    let r = as_range(vm, me)?;
    if is_int_like(vm, x) {
        return Ok(vm.new_bool(contains_int(r, x)));
    }
    Ok(vm.new_bool(iter_search(vm, me, x, false)?.is_some()))
}

fn range_index(vm: &Vm, args: Args) -> PyResult {
    let (me, x) = arg1(vm, &args, "range.index")?;
    let r = as_range(vm, me)?;
    if !is_int_like(vm, x) {
        return match iter_search(vm, me, x, false)? {
            Some(i) => Ok(vm.new_int(i)),
            None => Err(vm.new_value_error("sequence.index(x): x not in sequence")),
        };
    }
    if contains_int(r, x) {
        // Non-negative quotient: truncation is floor division here.
        let q = (big(x) - big(&r.start)) / big(&r.step);
        return Ok(vm.new_bigint(q));
    }
    Err(vm.new_value_error(format!("{} is not in range", vm.repr(x)?.as_str())))
}

fn range_count(vm: &Vm, args: Args) -> PyResult {
    let (me, x) = arg1(vm, &args, "range.count")?;
    let r = as_range(vm, me)?;
    if is_int_like(vm, x) {
        return Ok(vm.new_int(contains_int(r, x) as i64));
    }
    Ok(vm.new_int(iter_search(vm, me, x, true)?.unwrap_or(0)))
}

fn fast_iter(vm: &Vm, start: i128, step: i128, len: i128) -> Option<PyObjectRef> {
    let start = i64::try_from(start).ok()?;
    let step = i64::try_from(step).ok()?;
    if len > i64::MAX as i128 {
        return None;
    }
    Some(vm.alloc(
        PyRangeIter {
            next: start.into(),
            step,
            remaining: (len as u64).into(),
        },
        &vm.types.range_iterator,
    ))
}

fn long_iter(vm: &Vm, start: IBig, step: IBig, len: IBig) -> PyResult {
    Ok(vm.alloc(
        PyLongRangeIter {
            next: vm.new_bigint(start).into(),
            step: vm.new_bigint(step),
            remaining: vm.new_bigint(len).into(),
        },
        &vm.types.longrange_iterator,
    ))
}

fn range_iter(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "range.__iter__")?;
    let r = as_range(vm, me)?;
    if let Some((a, b, c)) = vals(r) {
        let len = length_i128(a, b, c);
        // CPython also refuses the machine iterator when the value after
        // the last could overflow.
        let overflow = len > 0
            && if c > 0 {
                b > i64::MAX as i128 - (c - 1)
            } else {
                b < i64::MIN as i128 + (-1 - c)
            };
        if !overflow {
            if let Some(it) = fast_iter(vm, a, c, len) {
                return Ok(it);
            }
        }
    }
    let (a, c) = (big(&r.start), big(&r.step));
    long_iter(vm, a, c, range_length(r))
}

fn range_reversed(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "range.__reversed__")?;
    let r = as_range(vm, me)?;
    if let Some((a, b, c)) = vals(r) {
        let len = length_i128(a, b, c);
        let new_stop = a - c;
        let new_start = new_stop + len * c;
        if c != i64::MIN as i128 && i64::try_from(new_stop).is_ok() {
            if let Some(it) = fast_iter(vm, new_start, -c, len) {
                return Ok(it);
            }
        }
    }
    let len = range_length(r);
    let (a, c) = (big(&r.start), big(&r.step));
    let last = &a + (&len - IBig::from(1)) * &c;
    long_iter(vm, last, -c, len)
}

/// CPython's `range_equals`.
fn ranges_equal(a: &PyRange, b: &PyRange) -> bool {
    let la = range_length(a);
    if la != range_length(b) {
        return false;
    }
    if la == IBig::from(0) {
        return true;
    }
    if big(&a.start) != big(&b.start) {
        return false;
    }
    if la == IBig::from(1) {
        return true;
    }
    big(&a.step) == big(&b.step)
}

fn range_cmp(vm: &Vm, args: Args, ne: bool) -> PyResult {
    let (me, other) = arg1(vm, &args, "range.__eq__")?;
    let a = as_range(vm, me)?;
    let Some(b) = other.downcast_ref::<PyRange>() else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool((me.is(other) || ranges_equal(a, b)) != ne))
}

fn range_eq(vm: &Vm, args: Args) -> PyResult {
    range_cmp(vm, args, false)
}

fn range_ne(vm: &Vm, args: Args) -> PyResult {
    range_cmp(vm, args, true)
}

/// `hash((len, start or None, step or None))`, as CPython.
fn range_hash(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "range.__hash__")?;
    let r = as_range(vm, me)?;
    let len = range_length(r);
    let mut h = TupleHasher::new(3);
    h.add(IntVal::from_big(len.clone()).hash());
    let none = vm.hash(&vm.none)?;
    if len == IBig::from(0) {
        h.add(none);
        h.add(none);
    } else {
        h.add(vm.hash(&r.start)?);
        h.add(if len == IBig::from(1) {
            none
        } else {
            vm.hash(&r.step)?
        });
    }
    Ok(vm.new_int(h.finish()))
}

fn range_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "range.__reduce__")?;
    let r = as_range(vm, me)?;
    Ok(vm.new_tuple(vec![
        vm.types.range.as_object().clone(),
        vm.new_tuple(vec![r.start.clone(), r.stop.clone(), r.step.clone()]),
    ]))
}

fn get_start(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(as_range(vm, o)?.start.clone())
}

fn get_stop(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(as_range(vm, o)?.stop.clone())
}

fn get_step(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(as_range(vm, o)?.step.clone())
}

/// Docstrings of `range` and its methods (CPython's texts).
pub(crate) const RANGE_DOCS: TypeDocs = TypeDocs {
    doc: "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement).",
    members: &[
        ("__reversed__", "Return a reverse iterator."),
        ("count", "rangeobject.count(value) -> integer -- return number of occurrences of value"),
        ("index", "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."),
    ],
};

pub fn init(vm: &Vm) {
    let t = &vm.types.range;
    vm.add_staticmethod(t, "__new__", range_new);
    vm.add_method(t, "__repr__", range_repr);
    vm.add_method(t, "__len__", range_len);
    vm.add_method(t, "__bool__", range_bool);
    vm.add_method(t, "__getitem__", range_getitem);
    vm.add_method(t, "__contains__", range_contains);
    vm.add_method(t, "index", range_index);
    vm.add_method(t, "count", range_count);
    vm.add_method(t, "__iter__", range_iter);
    vm.add_method(t, "__reversed__", range_reversed);
    vm.add_method(t, "__eq__", range_eq);
    vm.add_method(t, "__ne__", range_ne);
    vm.add_method(t, "__hash__", range_hash);
    vm.add_method(t, "__reduce__", range_reduce);
    vm.add_getset(t, "start", get_start, None);
    vm.add_getset(t, "stop", get_stop, None);
    vm.add_getset(t, "step", get_step, None);
    vm.set_docs(&vm.types.range, &RANGE_DOCS);
}
