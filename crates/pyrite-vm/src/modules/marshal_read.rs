//! `marshal.loads` / `marshal.load`: CPython 3.11's reader
//! (`Python/marshal.c` `r_object`), with its error types and messages.
//! Containers flagged with `FLAG_REF` enter the reference table before
//! their items are read, so self-referencing lists, dicts and sets load
//! as CPython loads them. Nesting is bounded (`MAX_DEPTH`), and no length
//! read from the data is trusted for an allocation before the bytes it
//! promises have been seen, so any input gives a value or an exception.

use std::rc::Rc;

use pyrite_bytecode::{CodeObject, Constant};

use super::marshal::{FLAG_REF, MAX_DEPTH};
use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::code::PyCode;
use crate::types::complex::PyComplex;
use crate::types::float::PyFloat;
use crate::types::int::PyInt;
use crate::types::list::PyList;
use crate::types::set::PySet;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::{PyObjectRef, PyResult, Vm};

enum Source<'a> {
    Bytes {
        data: &'a [u8],
        pos: usize,
    },
    /// A file object read with `read(n)` for exactly the bytes needed.
    File(PyObjectRef),
}

struct Reader<'v, 'a> {
    vm: &'v Vm,
    src: Source<'a>,
    /// The reference table; `None` is a reserved slot not yet filled.
    refs: Vec<Option<PyObjectRef>>,
    depth: usize,
}

/// What `r_object` gives back: an object, or the NULL marker (`0`).
type Item = Option<PyObjectRef>;

impl<'v, 'a> Reader<'v, 'a> {
    fn eof_error(&self, msg: &str) -> crate::PyBaseExceptionRef {
        self.vm.new_exception_msg(&self.vm.exc.EOFError, msg)
    }

    fn bad(&self, what: &str) -> crate::PyBaseExceptionRef {
        self.vm
            .new_value_error(format!("bad marshal data ({what})"))
    }

    /// Up to `n` bytes (fewer only at the end of the data).
    fn read_up_to(&mut self, n: usize) -> PyResult<Vec<u8>> {
        match &mut self.src {
            Source::Bytes { data, pos } => {
                let end = pos.saturating_add(n).min(data.len());
                let v = data[*pos..end].to_vec();
                *pos = end;
                Ok(v)
            }
            Source::File(f) => {
                let f = f.clone();
                let got = self
                    .vm
                    .call_method(&f, "read", &[self.vm.new_int(n as i64)])?;
                match crate::types::memoryview::bytes_like(&got) {
                    Some(b) if b.len() > n => Err(self.vm.new_value_error(format!(
                        "read() returned too much data: {} bytes requested, {} returned",
                        n,
                        b.len()
                    ))),
                    Some(b) => Ok(b),
                    None => Err(self.vm.new_type_error(format!(
                        "file.read() returned not bytes but {}",
                        self.vm.type_name(&got)
                    ))),
                }
            }
        }
    }

    /// Exactly `n` bytes (`r_string`).
    fn take(&mut self, n: usize) -> PyResult<Vec<u8>> {
        let v = self.read_up_to(n)?;
        if v.len() < n {
            return Err(match self.src {
                Source::Bytes { .. } => self.eof_error("marshal data too short"),
                Source::File(_) => self.eof_error("EOF read where not expected"),
            });
        }
        Ok(v)
    }

    /// One byte, or `None` at the end (`r_byte`).
    fn byte(&mut self) -> PyResult<Option<u8>> {
        Ok(self.read_up_to(1)?.first().copied())
    }

    fn byte_or_eof(&mut self) -> PyResult<u8> {
        self.byte()?
            .ok_or_else(|| self.eof_error("EOF read where object expected"))
    }

    fn long(&mut self) -> PyResult<i32> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A 32-bit length that must be non-negative.
    fn size(&mut self, what: &str) -> PyResult<usize> {
        let n = self.long()?;
        if n < 0 {
            return Err(self.bad(&format!("{what} size out of range")));
        }
        Ok(n as usize)
    }

    /// Capacity to reserve for `n` promised items: never more than the
    /// data left could hold.
    fn capacity(&self, n: usize) -> usize {
        match &self.src {
            Source::Bytes { data, pos } => n.min(data.len() - pos),
            Source::File(_) => n.min(4096),
        }
    }

    fn binary_float(&mut self) -> PyResult<f64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(f64::from_le_bytes(a))
    }

    fn text_float(&mut self) -> PyResult<f64> {
        let n = self.byte_or_eof()? as usize;
        let b = self.take(n)?;
        let s = String::from_utf8_lossy(&b).into_owned();
        crate::types::float_methods::parse_float_str(&s).ok_or_else(|| {
            self.vm
                .new_value_error(format!("could not convert string to float: {s:?}"))
        })
    }

    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn fill(&mut self, slot: Option<usize>, v: &PyObjectRef) {
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
    }

    fn object(&mut self) -> PyResult<Item> {
        self.depth += 1;
        // The native-stack check matters only for embedders running on a
        // small thread stack; CPython's depth limit applies first.
        let r = if self.depth > MAX_DEPTH || self.vm.native_stack_low() {
            Err(self.vm.new_value_error("recursion limit exceeded"))
        } else {
            self.object_inner()
        };
        self.depth -= 1;
        r
    }

    /// An item that must not be the NULL marker.
    fn item(&mut self, container: &str) -> PyResult<PyObjectRef> {
        self.object()?.ok_or_else(|| {
            self.vm
                .new_type_error(format!("NULL object in marshal data for {container}"))
        })
    }

    fn object_inner(&mut self) -> PyResult<Item> {
        let code = self.byte_or_eof()?;
        let flag = code & FLAG_REF != 0;
        let vm = self.vm;
        let v = match code & !FLAG_REF {
            b'0' => return Ok(None),
            b'N' => vm.none.clone(),
            b'F' => vm.false_.clone(),
            b'T' => vm.true_.clone(),
            b'.' => vm.ellipsis.clone(),
            b'S' => vm.exc.StopIteration.as_object().clone(),
            b'r' => {
                let n = self.long()?;
                return match usize::try_from(n).ok().and_then(|i| self.refs.get(i)) {
                    Some(Some(v)) => Ok(Some(v.clone())),
                    _ => Err(self.bad("invalid reference")),
                };
            }
            b'(' | b')' => {
                let n = if code & !FLAG_REF == b')' {
                    self.byte_or_eof()? as usize
                } else {
                    self.size("tuple")?
                };
                let slot = self.reserve(flag);
                let mut items = Vec::with_capacity(self.capacity(n));
                for _ in 0..n {
                    items.push(self.item("tuple")?);
                }
                let t = vm.new_tuple(items);
                self.fill(slot, &t);
                return Ok(Some(t));
            }
            b'[' => {
                let n = self.size("list")?;
                let l = vm.new_list(Vec::with_capacity(self.capacity(n)));
                if flag {
                    self.refs.push(Some(l.clone()));
                }
                let list = l.downcast_ref::<PyList>().expect("list");
                for _ in 0..n {
                    let x = self.item("list")?;
                    list.push(x);
                }
                return Ok(Some(l));
            }
            b'{' => {
                let d = vm.new_dict();
                let obj = d.clone().into_object();
                if flag {
                    self.refs.push(Some(obj.clone()));
                }
                loop {
                    let Some(k) = self.object()? else { break };
                    let Some(v) = self.object()? else { break };
                    d.set_item(vm, k, v)?;
                }
                return Ok(Some(obj));
            }
            b'<' | b'>' => {
                let frozen = code & !FLAG_REF == b'>';
                let n = self.size("set")?;
                let s = vm.alloc(
                    PySet::new(),
                    if frozen {
                        &vm.types.frozenset
                    } else {
                        &vm.types.set
                    },
                );
                // A set can contain itself only through a reference taken
                // before it is filled; a frozenset is registered after.
                let slot = if frozen {
                    self.reserve(flag)
                } else {
                    if flag {
                        self.refs.push(Some(s.clone()));
                    }
                    None
                };
                let set = s.downcast_ref::<PySet>().expect("set");
                for _ in 0..n {
                    let x = self.item("set")?;
                    set.add(vm, x)?;
                }
                self.fill(slot, &s);
                return Ok(Some(s));
            }
            b'c' => {
                let slot = self.reserve(flag);
                let c = self.code()?;
                self.fill(slot, &c);
                return Ok(Some(c));
            }
            t => {
                let slot = self.reserve(flag);
                let v = self.scalar(t)?;
                self.fill(slot, &v);
                return Ok(Some(v));
            }
        };
        Ok(Some(v))
    }

    fn scalar(&mut self, t: u8) -> PyResult<PyObjectRef> {
        let vm = self.vm;
        Ok(match t {
            b'i' => vm.new_int(self.long()? as i64),
            b'l' => {
                let n = self.long()?;
                if n == i32::MIN {
                    return Err(self.bad("long size out of range"));
                }
                let count = n.unsigned_abs() as usize;
                let digits = self.take(count * 2)?;
                if digits
                    .chunks_exact(2)
                    .any(|d| u16::from_le_bytes([d[0], d[1]]) > 0x7FFF)
                {
                    return Err(self.bad("digit out of range in long"));
                }
                if count > 0 && digits[count * 2 - 2..] == [0, 0] {
                    return Err(self.bad("unnormalized long data"));
                }
                let mag = pyrite_bytecode::marshal::digits_to_int(&digits)
                    .map_err(|e| vm.new_value_error(e.0))?;
                vm.new_bigint(if n < 0 { -mag } else { mag })
            }
            b'g' => vm.new_float(self.binary_float()?),
            b'f' => vm.new_float(self.text_float()?),
            b'y' => {
                let re = self.binary_float()?;
                let im = self.binary_float()?;
                crate::types::complex::new_complex(vm, re, im)
            }
            b'x' => {
                let re = self.text_float()?;
                let im = self.text_float()?;
                crate::types::complex::new_complex(vm, re, im)
            }
            b's' => {
                let n = self.size("bytes object")?;
                let b = self.take(n)?;
                vm.alloc(PyBytes::new(b), &vm.types.bytes)
            }
            b'u' | b't' => {
                let n = self.size("string")?;
                let b = self.take(n)?;
                let s = match String::from_utf8(b) {
                    Ok(s) => s,
                    Err(e) => {
                        // CPython decodes with surrogatepass (and reports
                        // bad UTF-8 as that codec does).
                        let (s, marked) = crate::modules::_codecs::decode(
                            vm,
                            e.as_bytes(),
                            "utf-8",
                            "surrogatepass",
                            &vm.none,
                        )?;
                        if marked {
                            return Ok(vm.new_str_marked(s, true));
                        }
                        s
                    }
                };
                self.string(&s, t == b't')
            }
            b'a' | b'A' | b'z' | b'Z' => {
                let n = if t == b'z' || t == b'Z' {
                    self.byte_or_eof()? as usize
                } else {
                    self.size("string")?
                };
                let b = self.take(n)?;
                // CPython decodes these as Latin-1 without checking.
                let s: String = b.iter().map(|&c| c as char).collect();
                self.string(&s, t == b'A' || t == b'Z')
            }
            _ => return Err(self.bad("unknown type code")),
        })
    }

    fn string(&self, s: &str, interned: bool) -> PyObjectRef {
        if interned {
            self.vm.intern(s)
        } else {
            self.vm.new_str(s)
        }
    }

    fn code(&mut self) -> PyResult<PyObjectRef> {
        let mut counts = [0u32; 5];
        for c in counts.iter_mut() {
            *c = self.long()? as u32;
        }
        let code = self.item("object")?;
        let consts = self.item("object")?;
        let names = self.item("object")?;
        let lpnames = self.item("object")?;
        let lpkinds = self.item("object")?;
        let filename = self.item("object")?;
        let name = self.item("object")?;
        let qualname = self.item("object")?;
        let firstlineno = self.long()?;
        let linetable = self.item("object")?;
        let exceptiontable = self.item("object")?;
        let invalid = || self.bad("invalid code object");
        let bytes = |o: &PyObjectRef| o.downcast_ref::<PyBytes>().map(|b| b.data.to_vec());
        let text = |o: &PyObjectRef| {
            o.downcast_ref::<PyStr>()
                .map(|s| Rc::<str>::from(s.as_str()))
        };
        let strs = |o: &PyObjectRef| -> Option<Vec<Rc<str>>> {
            o.downcast_ref::<PyTuple>()?
                .as_slice()
                .iter()
                .map(text)
                .collect()
        };
        let consts: Option<Vec<Constant>> = consts.downcast_ref::<PyTuple>().and_then(|t| {
            t.as_slice()
                .iter()
                .map(|c| to_constant(self.vm, c))
                .collect()
        });
        let co = (|| {
            Some(CodeObject {
                argcount: counts[0],
                posonlyargcount: counts[1],
                kwonlyargcount: counts[2],
                stacksize: counts[3],
                flags: counts[4],
                code: bytes(&code)?,
                consts: consts?,
                names: strs(&names)?,
                localsplusnames: strs(&lpnames)?,
                localspluskinds: bytes(&lpkinds)?,
                filename: text(&filename)?,
                name: text(&name)?,
                qualname: text(&qualname)?,
                firstlineno: firstlineno.max(0) as u32,
                linetable: bytes(&linetable)?,
                exceptiontable: bytes(&exceptiontable)?,
            })
        })()
        .filter(|co| {
            co.code.len() % 2 == 0
                && co.localsplusnames.len() == co.localspluskinds.len()
                && (counts[..4].iter().all(|&c| c <= i32::MAX as u32))
        })
        .ok_or_else(invalid)?;
        Ok(self.vm.new_code(Rc::new(co)))
    }
}

/// A constant of a code object's `co_consts` from its runtime object.
pub fn to_constant(vm: &Vm, o: &PyObjectRef) -> Option<Constant> {
    let is = |t: &crate::types::PyTypeRef| o.class().is(t.as_object());
    if o.is(&vm.none) {
        return Some(Constant::None);
    }
    if o.is(&vm.true_) || o.is(&vm.false_) {
        return Some(Constant::Bool(o.is(&vm.true_)));
    }
    if o.is(&vm.ellipsis) {
        return Some(Constant::Ellipsis);
    }
    if let Some(i) = o.downcast_ref::<PyInt>() {
        return is(&vm.types.int).then(|| Constant::Int(i.value.to_big()));
    }
    if let Some(f) = o.downcast_ref::<PyFloat>() {
        return Some(Constant::Float(f.value));
    }
    if let Some(c) = o.downcast_ref::<PyComplex>() {
        return Some(Constant::Complex { re: c.re, im: c.im });
    }
    if let Some(s) = o.downcast_ref::<PyStr>() {
        if s.has_surrogates() {
            return Some(Constant::SurrStr(Rc::from(s.as_str())));
        }
        return Some(Constant::Str(Rc::from(s.as_str())));
    }
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Some(Constant::Bytes(Rc::from(&*b.data)));
    }
    if let Some(t) = o.downcast_ref::<PyTuple>() {
        let v: Option<Vec<Constant>> = t.as_slice().iter().map(|c| to_constant(vm, c)).collect();
        return Some(Constant::Tuple(v?.into()));
    }
    if let (true, Some(s)) = (is(&vm.types.frozenset), o.downcast_ref::<PySet>()) {
        let v: Option<Vec<Constant>> = s.keys().iter().map(|c| to_constant(vm, c)).collect();
        return Some(Constant::FrozenSet(v?.into()));
    }
    if let Some(c) = o.downcast_ref::<PyCode>() {
        return Some(Constant::Code(c.code.clone()));
    }
    None
}

fn reader<'v, 'a>(vm: &'v Vm, src: Source<'a>) -> Reader<'v, 'a> {
    Reader {
        vm,
        src,
        refs: Vec::new(),
        depth: 0,
    }
}

fn finish(vm: &Vm, r: PyResult<Item>) -> PyResult {
    r?.ok_or_else(|| vm.new_type_error("NULL object in marshal data for object"))
}

pub fn marshal_loads(vm: &Vm, args: Args) -> PyResult {
    let [data] = args.exact::<1>(vm, "loads")?;
    let bytes = crate::types::memoryview::bytes_like(data).ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(data)
        ))
    })?;
    let mut r = reader(
        vm,
        Source::Bytes {
            data: &bytes,
            pos: 0,
        },
    );
    let v = r.object();
    finish(vm, v)
}

pub fn marshal_load(vm: &Vm, args: Args) -> PyResult {
    let [file] = args.exact::<1>(vm, "load")?;
    let mut r = reader(vm, Source::File(file.clone()));
    let v = r.object();
    finish(vm, v)
}
