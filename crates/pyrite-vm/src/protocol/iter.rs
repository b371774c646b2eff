//! Iteration: `iter()`, `next()`, and collecting an iterable into a vector.
//! Mirrors CPython 3.11 `PyObject_GetIter` and `PyIter_Next`.

use crate::types::iter::{PyListIter, PySeqIter, PyTupleIter};
use crate::types::list::PyList;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::class_of;
use crate::{PyObjectRef, PyResult, Vm};

impl Vm {
    /// `iter(obj)`.
    pub fn iter(&self, obj: &PyObjectRef) -> PyResult {
        let cls = class_of(obj);
        if !cls.ext.heap {
            if obj.downcast_ref::<PyList>().is_some() {
                return Ok(self.alloc(
                    PyListIter {
                        seq: Some(obj.clone()).into(),
                        index: 0.into(),
                    },
                    &self.types.list_iterator,
                ));
            }
            if obj.downcast_ref::<PyTuple>().is_some() {
                return Ok(self.alloc(
                    PyTupleIter {
                        seq: Some(obj.clone()).into(),
                        index: 0.into(),
                    },
                    &self.types.tuple_iterator,
                ));
            }
        }
        match cls.ext.lookup(&self.names.__iter__) {
            Some(f) if !f.is(&self.none) => {
                let it = self.call_unbound(&f, obj, &[], &[])?;
                if class_of(&it).ext.lookup(&self.names.__next__).is_none() {
                    return Err(self.new_type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        self.type_name(&it)
                    )));
                }
                Ok(it)
            }
            Some(_) => Err(self.not_iterable(obj)),
            None => {
                if cls.ext.lookup(&self.names.__getitem__).is_some() {
                    Ok(self.alloc(
                        PySeqIter {
                            seq: Some(obj.clone()).into(),
                            index: 0.into(),
                        },
                        &self.types.iterator,
                    ))
                } else {
                    Err(self.not_iterable(obj))
                }
            }
        }
    }

    fn not_iterable(&self, obj: &PyObjectRef) -> crate::PyBaseExceptionRef {
        self.new_type_error(format!("'{}' object is not iterable", self.type_name(obj)))
    }

    /// `next(it)`: `Ok(None)` when exhausted (StopIteration swallowed).
    pub fn next(&self, it: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        if let Some(li) = it.downcast_ref::<PyListIter>() {
            if it.class().is(self.types.list_iterator.as_object()) {
                let seq = li.seq.borrow().clone();
                if let Some(seq) = seq {
                    let i = li.index.get();
                    if let Some(v) = seq.downcast_ref::<PyList>().and_then(|l| l.get(i)) {
                        li.index.set(i + 1);
                        return Ok(Some(v));
                    }
                    *li.seq.borrow_mut() = None;
                }
                return Ok(None);
            }
        }
        if let Some(ti) = it.downcast_ref::<PyTupleIter>() {
            let seq = ti.seq.borrow().clone();
            if let Some(seq) = seq {
                let i = ti.index.get();
                if let Some(v) = seq
                    .downcast_ref::<PyTuple>()
                    .and_then(|t| t.items.get(i).cloned())
                {
                    ti.index.set(i + 1);
                    return Ok(Some(v));
                }
                *ti.seq.borrow_mut() = None;
            }
            return Ok(None);
        }
        if it.class().is(self.types.generator.as_object()) {
            if let Some(g) = it.downcast_ref::<crate::types::generator::PyGenerator>() {
                // A plain generator resumed directly (`gen.__next__`
                // without the method lookup and call); an exhausted or
                // running one takes the general path for its exact errors.
                if !g.running.get() && g.frame.borrow().is_some() {
                    use crate::eval::ops::generator::{gen_resume, GenStep};
                    return match gen_resume(self, it, self.none.clone(), None)? {
                        GenStep::Yielded(v) => Ok(Some(v)),
                        GenStep::Returned(_) => Ok(None),
                    };
                }
            }
        }
        let found = class_of(it).ext.lookup(&self.names.__next__);
        if let Some(d) = found
            .as_ref()
            .and_then(|f| f.downcast_ref::<crate::types::descr::PyMethodDescr>())
        {
            // A native `__next__` found on the type applies to `it`: call
            // it directly (no argument vector, no descriptor checks).
            if d.kind == crate::types::descr::MethodKind::Instance {
                let args = [it.clone()];
                return match (d.func)(self, crate::args::Args::positional(&args)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.exc_matches(&e, &self.exc.StopIteration) => Ok(None),
                    Err(e) => Err(e),
                };
            }
        }
        match found {
            Some(f) => match self.call_unbound(&f, it, &[], &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.exc_matches(&e, &self.exc.StopIteration) => Ok(None),
                Err(e) => Err(e),
            },
            None => Err(self.new_type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
        }
    }

    /// Collect an iterable into a vector (fast for list and tuple).
    pub fn to_vec(&self, obj: &PyObjectRef) -> PyResult<Vec<PyObjectRef>> {
        if !class_of(obj).ext.heap {
            if let Some(l) = obj.downcast_ref::<PyList>() {
                return Ok(l.to_vec());
            }
            if let Some(t) = obj.downcast_ref::<PyTuple>() {
                return Ok(t.items.to_vec());
            }
        }
        let it = self.iter(obj)?;
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(v);
        }
        Ok(out)
    }
}
