//! `list.sort`: a stable merge sort over precomputed keys that compares with
//! `<` only, raising "list modified during sort" when the list changed while
//! it was being sorted (the list looks empty meanwhile, as in CPython).
//! Mirrors the observable behaviour of CPython 3.11 `Objects/listobject.c`
//! (`list_sort_impl`): below 64 items it is timsort's own path (one run
//! plus binary insertion, so the `<` calls match); larger lists use a plain
//! merge sort, not timsort (same result, different comparison sequence).

use super::list::PyList;
use crate::protocol::compare::CompareOp;
use crate::{PyObjectRef, PyResult, Vm};

/// Sort `list` in place; `key` is applied once per item, `reverse` keeps
/// stability (reverse, stable sort, reverse back — CPython's trick).
pub fn sort_list(
    vm: &Vm,
    list: &PyObjectRef,
    key: Option<PyObjectRef>,
    reverse: bool,
) -> PyResult<()> {
    let l = list.downcast_ref::<PyList>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor 'sort' requires a 'list' object but received a '{}'",
            vm.type_name(list)
        ))
    })?;
    // Empty the list for the duration: mutations are detected afterwards.
    let mut saved = std::mem::take(&mut *l.items.borrow_mut());
    let result = sort_items(vm, &mut saved, key, reverse);
    let junk = {
        let mut items = l.items.borrow_mut();
        let mutated = !items.is_empty() || items.capacity() != 0;
        let junk = std::mem::replace(&mut *items, saved);
        (junk, mutated)
    };
    let mutated = junk.1;
    drop(junk);
    result?;
    if mutated {
        return Err(vm.new_value_error("list modified during sort"));
    }
    Ok(())
}

fn sort_items(
    vm: &Vm,
    items: &mut Vec<PyObjectRef>,
    key: Option<PyObjectRef>,
    reverse: bool,
) -> PyResult<()> {
    if items.len() < 2 {
        return Ok(());
    }
    let keys: Vec<PyObjectRef> = match &key {
        Some(k) => {
            let mut v = Vec::with_capacity(items.len());
            for it in items.iter() {
                v.push(vm.call(k, &[it.clone()])?);
            }
            v
        }
        None => items.clone(),
    };
    let n = items.len();
    let mut order: Vec<usize> = (0..n).collect();
    if reverse {
        order.reverse();
    }
    let lt = |a: usize, b: usize| -> PyResult<bool> {
        vm.compare_bool(&keys[a], &keys[b], CompareOp::Lt)
    };
    if n < 64 {
        // Below timsort's minimum run length CPython sorts with one natural
        // run extended by binary insertion; doing the same makes the
        // sequence of `<` calls identical.
        small_timsort(&mut order, &lt)?;
    } else {
        let mut buf = Vec::with_capacity(n / 2 + 1);
        merge_sort(&mut order, &mut buf, &lt)?;
    }
    if reverse {
        order.reverse();
    }
    let mut out = Vec::with_capacity(items.capacity());
    for i in order {
        out.push(items[i].clone());
    }
    *items = out;
    Ok(())
}

type Lt<'a> = dyn Fn(usize, usize) -> PyResult<bool> + 'a;

fn merge_sort(a: &mut [usize], buf: &mut Vec<usize>, lt: &Lt) -> PyResult<()> {
    let n = a.len();
    if n <= 12 {
        return insertion_sort(a, lt);
    }
    let mid = n / 2;
    merge_sort(&mut a[..mid], buf, lt)?;
    merge_sort(&mut a[mid..], buf, lt)?;
    // Already in order (sorted input costs one comparison per merge).
    if !lt(a[mid], a[mid - 1])? {
        return Ok(());
    }
    buf.clear();
    buf.extend_from_slice(&a[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < buf.len() && j < n {
        // Take from the right only when strictly smaller: stability.
        if lt(a[j], buf[i])? {
            a[k] = a[j];
            j += 1;
        } else {
            a[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < buf.len() {
        a[k] = buf[i];
        i += 1;
        k += 1;
    }
    Ok(())
}

/// Timsort on fewer than 64 items: find the leading run (strictly
/// descending runs are reversed), then binary-insert the rest.
fn small_timsort(a: &mut [usize], lt: &Lt) -> PyResult<()> {
    let n = a.len();
    let mut run = 2;
    if lt(a[1], a[0])? {
        while run < n && lt(a[run], a[run - 1])? {
            run += 1;
        }
        a[..run].reverse();
    } else {
        while run < n && !lt(a[run], a[run - 1])? {
            run += 1;
        }
    }
    binary_insert_from(a, run, lt)
}

/// Binary insertion sort: each new item goes after all items not greater.
fn insertion_sort(a: &mut [usize], lt: &Lt) -> PyResult<()> {
    binary_insert_from(a, 1, lt)
}

/// Insert `a[first..]` one by one into the sorted prefix `a[..first]`.
fn binary_insert_from(a: &mut [usize], first: usize, lt: &Lt) -> PyResult<()> {
    for start in first..a.len() {
        let x = a[start];
        let (mut lo, mut hi) = (0, start);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if lt(x, a[mid])? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        a.copy_within(lo..start, lo + 1);
        a[lo] = x;
    }
    Ok(())
}
