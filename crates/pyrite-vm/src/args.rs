//! Arguments of a native function call, in vectorcall shape: positional
//! values then keyword values in one slice, with the keyword names apart.
//! Mirrors CPython's vectorcall convention and `Python/getargs.c`.

use crate::types::str::PyStr;
use crate::{PyObjectRef, PyResult, Vm};

/// Arguments as passed to a native function.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    /// Positional values followed by keyword values.
    pub all: &'a [PyObjectRef],
    /// Names (str objects) of the last `kwnames.len()` values of `all`.
    pub kwnames: &'a [PyObjectRef],
}

/// A native function: `vm`, then the arguments (for methods, `self` is the
/// first positional argument).
pub type NativeFn = fn(&Vm, Args) -> PyResult;

impl<'a> Args<'a> {
    pub fn new(all: &'a [PyObjectRef], kwnames: &'a [PyObjectRef]) -> Self {
        Args { all, kwnames }
    }

    pub fn positional(all: &'a [PyObjectRef]) -> Self {
        Args { all, kwnames: &[] }
    }

    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [PyObjectRef] {
        &self.all[..self.all.len() - self.kwnames.len()]
    }

    /// The keyword values (parallel to `kwnames`).
    #[inline]
    pub fn kwvals(&self) -> &'a [PyObjectRef] {
        &self.all[self.all.len() - self.kwnames.len()..]
    }

    /// Iterate over (name, value) keyword pairs.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a PyObjectRef)> {
        self.kwnames
            .iter()
            .map(|n| kw_str(n))
            .zip(self.kwvals().iter())
    }

    /// The same call without its first positional argument (`self`).
    pub fn shift(&self) -> Args<'a> {
        Args {
            all: &self.all[1..],
            kwnames: self.kwnames,
        }
    }

    /// Raise `TypeError` if any keyword argument was given.
    pub fn no_kwargs(&self, vm: &Vm, fname: &str) -> PyResult<()> {
        if !self.kwnames.is_empty() {
            return Err(vm.new_type_error(format!("{fname}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// Exactly `N` positional arguments, no keywords.
    pub fn exact<const N: usize>(&self, vm: &Vm, fname: &str) -> PyResult<&'a [PyObjectRef; N]> {
        self.no_kwargs(vm, fname)?;
        let pos = self.pos();
        pos.try_into().map_err(|_| {
            vm.new_type_error(match N {
                0 => format!("{fname}() takes no arguments ({} given)", pos.len()),
                1 => format!("{fname}() takes exactly one argument ({} given)", pos.len()),
                _ => format!("{fname} expected {N} arguments, got {}", pos.len()),
            })
        })
    }

    /// Between `min` and `max` positional arguments, no keywords; missing
    /// optional ones are `None` in the result.
    pub fn range<const MAX: usize>(
        &self,
        vm: &Vm,
        fname: &str,
        min: usize,
    ) -> PyResult<[Option<&'a PyObjectRef>; MAX]> {
        self.no_kwargs(vm, fname)?;
        let pos = self.pos();
        if pos.len() < min {
            return Err(vm.new_type_error(format!(
                "{fname} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                pos.len()
            )));
        }
        if pos.len() > MAX {
            return Err(vm.new_type_error(format!(
                "{fname} expected at most {MAX} argument{}, got {}",
                if MAX == 1 { "" } else { "s" },
                pos.len()
            )));
        }
        let mut out = [None; MAX];
        for (i, a) in pos.iter().enumerate() {
            out[i] = Some(a);
        }
        Ok(out)
    }

    /// Bind to named parameters, CPython-style. `names` lists the
    /// parameters; the first `posonly` are positional-only, those from
    /// `kwonly_from` on are keyword-only; the first `required` must be given.
    /// Returns one slot per parameter.
    pub fn bind<const N: usize>(
        &self,
        vm: &Vm,
        fname: &str,
        names: [&str; N],
        required: usize,
        posonly: usize,
        kwonly_from: usize,
    ) -> PyResult<[Option<&'a PyObjectRef>; N]> {
        let mut out: [Option<&'a PyObjectRef>; N] = [None; N];
        let pos = self.pos();
        let maxpos = kwonly_from.min(N);
        if pos.len() > maxpos {
            return Err(vm.new_type_error(format!(
                "{fname}() takes {} positional argument{} but {} {} given",
                if required < maxpos && required > 0 {
                    format!("from {required} to {maxpos}")
                } else if required == 0 && maxpos > 0 && maxpos != required {
                    format!("at most {maxpos}")
                } else {
                    maxpos.to_string()
                },
                if maxpos == 1 { "" } else { "s" },
                pos.len(),
                if pos.len() == 1 { "was" } else { "were" }
            )));
        }
        for (i, a) in pos.iter().enumerate() {
            out[i] = Some(a);
        }
        for (k, v) in self.kwargs() {
            match names.iter().position(|n| *n == k) {
                Some(i) if i >= posonly => {
                    if out[i].is_some() {
                        return Err(vm.new_type_error(format!(
                            "{fname}() got multiple values for argument '{k}'"
                        )));
                    }
                    out[i] = Some(v);
                }
                Some(_) => {
                    return Err(vm.new_type_error(format!(
                        "{fname}() got some positional-only arguments passed as keyword arguments: '{k}'"
                    )))
                }
                None => {
                    return Err(vm.new_type_error(format!(
                        "{fname}() got an unexpected keyword argument '{k}'"
                    )))
                }
            }
        }
        for i in 0..required.min(N) {
            if out[i].is_none() {
                return Err(vm.new_type_error(if i < maxpos {
                    format!(
                        "{fname}() missing required argument '{}' (pos {})",
                        names[i],
                        i + 1
                    )
                } else {
                    format!(
                        "{fname}() missing required keyword-only argument '{}'",
                        names[i]
                    )
                }));
            }
        }
        Ok(out)
    }
}

fn kw_str(n: &PyObjectRef) -> &str {
    n.downcast_ref::<PyStr>().map(|s| s.as_str()).unwrap_or("?")
}
