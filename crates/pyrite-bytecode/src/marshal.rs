//! CPython 3.11's marshal format (version 4) for constants and code
//! objects, and the `.pyc` header.
//!
//! Mirrors `Python/marshal.c`. Every object is a type byte (bit 7,
//! `FLAG_REF`, means "remember me in the reference table") and a payload;
//! `r` + index refers back to a remembered object. Integers are `i` (32-bit)
//! or `l` (count of 15-bit digits, negative for negative numbers), floats
//! `g` (8 bytes), complex `y`, bytes `s`, strings `u`/`t` (UTF-8, `t`
//! interned), `a`/`A` (ASCII), `z`/`Z` (short ASCII), tuples `(` or `)`
//! (small), frozensets `>`, code objects `c` (the 3.11 field order: counts,
//! flags, code, consts, names, localsplusnames, localspluskinds, filename,
//! name, qualname, firstlineno, linetable, exceptiontable).
//!
//! The writer marks identifier-like strings interned and, like CPython's
//! output for a compilation unit whose equal constants the compiler merged
//! into one object, writes every repeated constant (same type and value,
//! `-0.0` apart from `0.0`) once with `FLAG_REF` and then as a
//! back-reference, so CPython loading the file gets the same object
//! identities. It flags first occurrences whether or not they recur (CPython
//! decides by reference count), so output loads identically but is not
//! always byte-identical. The reader accepts everything CPython writes for code
//! and constants and returns an error (never panics) on any malformed input.

use std::collections::HashMap;
use std::rc::Rc;

use dashu_int::IBig;

use crate::{CodeObject, Constant};

/// Marshal format version written (`marshal.version`).
pub const VERSION: u32 = 4;
/// CPython 3.11's `.pyc` magic number (3495) with its `\r\n` suffix.
pub const PYC_MAGIC: [u8; 4] = [0xA7, 0x0D, 0x0D, 0x0A];

const FLAG_REF: u8 = 0x80;
/// Nesting limit of the reader (CPython's is 2000; 500 keeps the
/// recursion within a 2 MiB thread stack even in debug builds).
const MAX_DEPTH: usize = 500;

/// A malformed or unsupported marshal stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarshalError(pub String);

impl std::fmt::Display for MarshalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MarshalError {}

fn err<T>(m: &str) -> Result<T, MarshalError> {
    Err(MarshalError(m.to_owned()))
}

// ----- writing -------------------------------------------------------------------

struct Writer {
    out: Vec<u8>,
    /// Reference slots of written constants, keyed by their encoding
    /// without references (equal constants have equal keys).
    shared: HashMap<Vec<u8>, u32>,
    /// Writing a key: no reference table.
    plain: bool,
    nrefs: u32,
}

fn is_name_chars(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl Writer {
    fn new(plain: bool) -> Writer {
        Writer {
            out: Vec::new(),
            shared: HashMap::new(),
            plain,
            nrefs: 0,
        }
    }

    fn u8(&mut self, b: u8) {
        self.out.push(b);
    }
    fn i32(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn bytes_body(&mut self, b: &[u8]) {
        self.i32(b.len() as i32);
        self.out.extend_from_slice(b);
    }

    /// Write `value` through the reference table: a back-reference when an
    /// equal value was written before, else the value with `FLAG_REF`.
    fn shared_value(&mut self, write: impl Fn(&mut Writer)) {
        if self.plain {
            write(self);
            return;
        }
        let mut k = Writer::new(true);
        write(&mut k);
        if let Some(&idx) = self.shared.get(&k.out) {
            self.u8(b'r');
            self.i32(idx as i32);
            return;
        }
        self.shared.insert(k.out, self.nrefs);
        self.nrefs += 1;
        let pos = self.out.len();
        write(self);
        self.out[pos] |= FLAG_REF;
    }

    fn str(&mut self, s: &Rc<str>, interned: bool) {
        self.shared_value(|w| w.str_body(s, interned));
    }

    fn str_body(&mut self, s: &str, interned: bool) {
        if s.is_ascii() {
            if s.len() < 256 {
                self.u8(if interned { b'Z' } else { b'z' });
                self.u8(s.len() as u8);
                self.out.extend_from_slice(s.as_bytes());
            } else {
                self.u8(if interned { b'A' } else { b'a' });
                self.bytes_body(s.as_bytes());
            }
        } else {
            self.u8(if interned { b't' } else { b'u' });
            self.bytes_body(s.as_bytes());
        }
    }

    fn int(&mut self, i: &IBig) {
        if let Ok(v) = i32::try_from(i) {
            self.u8(b'i');
            self.i32(v);
            return;
        }
        let neg = *i < IBig::ZERO;
        let digits = int_digits(i);
        self.u8(b'l');
        let n = digits.len() as i32;
        self.i32(if neg { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn constant(&mut self, c: &Constant) {
        match c {
            Constant::None => self.u8(b'N'),
            Constant::Bool(true) => self.u8(b'T'),
            Constant::Bool(false) => self.u8(b'F'),
            Constant::Ellipsis => self.u8(b'.'),
            Constant::Str(s) => self.str(s, is_name_chars(s)),
            // CPython writes such strings as UTF-8 with surrogatepass.
            Constant::SurrStr(s) => self.shared_value(|w| {
                w.u8(b'u');
                w.bytes_body(&crate::surrogate::encode_pass(s));
            }),
            Constant::Code(code) => self.code(code),
            _ => self.shared_value(|w| w.constant_body(c)),
        }
    }

    fn constant_body(&mut self, c: &Constant) {
        match c {
            Constant::Int(i) => self.int(i),
            Constant::Float(f) => {
                self.u8(b'g');
                self.out.extend_from_slice(&f.to_le_bytes());
            }
            Constant::Complex { re, im } => {
                self.u8(b'y');
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            }
            Constant::Bytes(b) => {
                self.u8(b's');
                self.bytes_body(b);
            }
            Constant::Tuple(t) => self.tuple(t),
            Constant::FrozenSet(t) => {
                self.u8(b'>');
                self.i32(t.len() as i32);
                for x in t.iter() {
                    self.constant(x);
                }
            }
            _ => self.constant(c),
        }
    }

    fn tuple(&mut self, t: &[Constant]) {
        if t.len() < 256 {
            self.u8(b')');
            self.u8(t.len() as u8);
        } else {
            self.u8(b'(');
            self.i32(t.len() as i32);
        }
        for x in t {
            self.constant(x);
        }
    }

    fn name_tuple(&mut self, names: &[Rc<str>]) {
        if names.len() < 256 {
            self.u8(b')');
            self.u8(names.len() as u8);
        } else {
            self.u8(b'(');
            self.i32(names.len() as i32);
        }
        for n in names {
            self.str(n, true);
        }
    }

    fn code(&mut self, c: &CodeObject) {
        self.u8(b'c');
        self.i32(c.argcount as i32);
        self.i32(c.posonlyargcount as i32);
        self.i32(c.kwonlyargcount as i32);
        self.i32(c.stacksize as i32);
        self.i32(c.flags as i32);
        self.u8(b's');
        self.bytes_body(&c.code);
        self.tuple(&c.consts);
        self.name_tuple(&c.names);
        self.name_tuple(&c.localsplusnames);
        self.u8(b's');
        self.bytes_body(&c.localspluskinds);
        self.str(&c.filename, false);
        self.str(&c.name, true);
        self.str(&c.qualname, true);
        self.i32(c.firstlineno as i32);
        self.u8(b's');
        self.bytes_body(&c.linetable);
        self.u8(b's');
        self.bytes_body(&c.exceptiontable);
    }
}

/// The magnitude of `i` as 15-bit digits, least significant first (the
/// payload of marshal's `l` type).
pub fn int_digits(i: &IBig) -> Vec<u16> {
    let mag = if *i < IBig::ZERO {
        -i.clone()
    } else {
        i.clone()
    };
    let bytes = mag.to_le_bytes();
    let mut digits: Vec<u16> = Vec::new();
    let mut acc: u32 = 0;
    let mut nbits = 0;
    for b in bytes.iter() {
        acc |= (*b as u32) << nbits;
        nbits += 8;
        while nbits >= 15 {
            digits.push((acc & 0x7FFF) as u16);
            acc >>= 15;
            nbits -= 15;
        }
    }
    if nbits > 0 {
        digits.push((acc & 0x7FFF) as u16);
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    digits
}

/// `marshal.dumps(value)`.
pub fn dumps(c: &Constant) -> Vec<u8> {
    let mut w = Writer::new(false);
    w.constant(c);
    w.out
}

/// `marshal.dumps(code)`.
pub fn dumps_code(c: &CodeObject) -> Vec<u8> {
    let mut w = Writer::new(false);
    w.code(c);
    w.out
}

/// A `.pyc` file: magic, flags 0, source mtime and size, marshalled code.
pub fn write_pyc(c: &CodeObject, mtime: u32, source_size: u32) -> Vec<u8> {
    let mut out = PYC_MAGIC.to_vec();
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&mtime.to_le_bytes());
    out.extend_from_slice(&source_size.to_le_bytes());
    out.extend(dumps_code(c));
    out
}

/// The code object of a `.pyc` file (header checked for 3.11's magic).
pub fn read_pyc(data: &[u8]) -> Result<CodeObject, MarshalError> {
    if data.len() < 16 {
        return err("pyc file too short");
    }
    if data[..4] != PYC_MAGIC {
        return err("bad magic number in .pyc file");
    }
    loads_code(&data[16..])
}

// ----- reading -------------------------------------------------------------------

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Vec<Option<Constant>>,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], MarshalError> {
        if self.data.len() - self.pos < n {
            return err("EOF read where object expected");
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, MarshalError> {
        Ok(self.take(1)?[0])
    }
    fn i32(&mut self) -> Result<i32, MarshalError> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn len(&mut self) -> Result<usize, MarshalError> {
        let n = self.i32()?;
        if n < 0 {
            return err("bad marshal data (size out of range)");
        }
        Ok(n as usize)
    }
    fn f64(&mut self) -> Result<f64, MarshalError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }
    fn text_float(&mut self) -> Result<f64, MarshalError> {
        let n = self.u8()? as usize;
        let s = std::str::from_utf8(self.take(n)?).map_err(|_| MarshalError("bad float".into()))?;
        s.trim().parse::<f64>().or_else(|_| match s.trim() {
            "inf" | "+inf" => Ok(f64::INFINITY),
            "-inf" => Ok(f64::NEG_INFINITY),
            "nan" | "+nan" | "-nan" => Ok(f64::NAN),
            _ => err("bad marshal data (float)"),
        })
    }

    fn object(&mut self) -> Result<Constant, MarshalError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err("recursion limit exceeded");
        }
        let r = self.object_inner();
        self.depth -= 1;
        r
    }

    fn reserve(&mut self, flag: bool) -> Option<usize> {
        if flag {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        }
    }

    fn set_ref(&mut self, slot: Option<usize>, v: &Constant) {
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
    }

    /// One object. Kept small: it is on the recursion path of nested
    /// tuples, so the leaf cases live in `scalar` (a separate frame).
    fn object_inner(&mut self) -> Result<Constant, MarshalError> {
        let code = self.u8()?;
        let flag = code & FLAG_REF != 0;
        let t = code & !FLAG_REF;
        let slot = match t {
            // Singletons and refs are never added to the ref table.
            b'N' | b'T' | b'F' | b'.' | b'0' | b'S' | b'r' => None,
            _ => self.reserve(flag),
        };
        let v = match t {
            b'(' | b')' | b'>' | b'<' => self.sequence(t)?,
            b'c' => Constant::Code(Rc::new(self.code_body()?)),
            b'r' => return self.reference(),
            _ => self.scalar(t)?,
        };
        self.set_ref(slot, &v);
        Ok(v)
    }

    #[inline(never)]
    fn reference(&mut self) -> Result<Constant, MarshalError> {
        let i = self.len()?;
        match self.refs.get(i) {
            Some(Some(v)) => Ok(v.clone()),
            _ => err("bad marshal data (invalid reference)"),
        }
    }

    #[inline(never)]
    fn sequence(&mut self, t: u8) -> Result<Constant, MarshalError> {
        let n = if t == b')' {
            self.u8()? as usize
        } else {
            self.len()?
        };
        if n > self.data.len() - self.pos {
            return err("bad marshal data (tuple size out of range)");
        }
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.object()?);
        }
        match t {
            b'>' => Ok(Constant::FrozenSet(v.into())),
            b'<' => err("set is not a supported constant"),
            _ => Ok(Constant::Tuple(v.into())),
        }
    }

    #[inline(never)]
    fn scalar(&mut self, t: u8) -> Result<Constant, MarshalError> {
        let v = match t {
            b'N' => Constant::None,
            b'T' => Constant::Bool(true),
            b'F' => Constant::Bool(false),
            b'.' => Constant::Ellipsis,
            b'0' => return err("NULL object in marshal data for object"),
            b'S' => return err("StopIteration is not a supported constant"),
            b'i' => Constant::Int(IBig::from(self.i32()?)),
            b'l' => {
                let n = self.i32()?;
                let count = n.unsigned_abs() as usize;
                if count > self.data.len() {
                    return err("bad marshal data (long size out of range)");
                }
                let digits = self.take(
                    count
                        .checked_mul(2)
                        .ok_or(MarshalError("overflow".into()))?,
                )?;
                let v = digits_to_int(digits)?;
                Constant::Int(if n < 0 { -v } else { v })
            }
            b'g' => Constant::Float(self.f64()?),
            b'f' => Constant::Float(self.text_float()?),
            b'y' => {
                let re = self.f64()?;
                let im = self.f64()?;
                Constant::Complex { re, im }
            }
            b'x' => {
                let re = self.text_float()?;
                let im = self.text_float()?;
                Constant::Complex { re, im }
            }
            b's' => {
                let n = self.len()?;
                Constant::Bytes(self.take(n)?.to_vec().into())
            }
            b'u' | b't' => {
                let n = self.len()?;
                let b = self.take(n)?;
                match crate::surrogate::decode_pass(b) {
                    Some((s, false)) => Constant::Str(Rc::from(s)),
                    Some((s, true)) => Constant::SurrStr(Rc::from(s)),
                    None => return err("bad marshal data (string is not valid UTF-8)"),
                }
            }
            b'a' | b'A' | b'z' | b'Z' => {
                let n = if t == b'z' || t == b'Z' {
                    self.u8()? as usize
                } else {
                    self.len()?
                };
                let b = self.take(n)?;
                if !b.is_ascii() {
                    // CPython decodes these as Latin-1.
                    Constant::Str(Rc::from(
                        b.iter().map(|&c| c as char).collect::<String>().as_str(),
                    ))
                } else {
                    Constant::Str(Rc::from(std::str::from_utf8(b).unwrap_or("")))
                }
            }
            b'[' | b'{' => return err("list/dict are not supported constants"),
            _ => return err("bad marshal data (unknown type code)"),
        };
        Ok(v)
    }

    fn expect_str(&mut self) -> Result<Rc<str>, MarshalError> {
        match self.object()? {
            Constant::Str(s) => Ok(s),
            _ => err("bad marshal data (expected str)"),
        }
    }
    fn expect_bytes(&mut self) -> Result<Vec<u8>, MarshalError> {
        match self.object()? {
            Constant::Bytes(b) => Ok(b.to_vec()),
            _ => err("bad marshal data (expected bytes)"),
        }
    }
    fn expect_tuple(&mut self) -> Result<Vec<Constant>, MarshalError> {
        match self.object()? {
            Constant::Tuple(t) => Ok(t.to_vec()),
            _ => err("bad marshal data (expected tuple)"),
        }
    }
    fn expect_names(&mut self) -> Result<Vec<Rc<str>>, MarshalError> {
        self.expect_tuple()?
            .into_iter()
            .map(|c| match c {
                Constant::Str(s) => Ok(s),
                _ => err("bad marshal data (expected str in names)"),
            })
            .collect()
    }
    fn nonneg(&mut self) -> Result<u32, MarshalError> {
        let v = self.i32()?;
        if v < 0 {
            return err("bad marshal data (negative count)");
        }
        Ok(v as u32)
    }

    fn code_body(&mut self) -> Result<CodeObject, MarshalError> {
        let argcount = self.nonneg()?;
        let posonlyargcount = self.nonneg()?;
        let kwonlyargcount = self.nonneg()?;
        let stacksize = self.nonneg()?;
        let flags = self.i32()? as u32;
        let code = self.expect_bytes()?;
        let consts = self.expect_tuple()?;
        let names = self.expect_names()?;
        let localsplusnames = self.expect_names()?;
        let localspluskinds = self.expect_bytes()?;
        let filename = self.expect_str()?;
        let name = self.expect_str()?;
        let qualname = self.expect_str()?;
        let firstlineno = self.i32()?.max(0) as u32;
        let linetable = self.expect_bytes()?;
        let exceptiontable = self.expect_bytes()?;
        if localsplusnames.len() != localspluskinds.len() {
            return err("bad marshal data (localsplus names/kinds mismatch)");
        }
        if code.len() % 2 != 0 {
            return err("bad marshal data (odd code length)");
        }
        Ok(CodeObject {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        })
    }
}

/// The magnitude stored as little-endian 15-bit digits (linear time, so
/// a huge digit count cannot make loading quadratic).
pub fn digits_to_int(digits: &[u8]) -> Result<IBig, MarshalError> {
    let mut bytes = Vec::with_capacity(digits.len());
    let mut acc: u32 = 0;
    let mut nbits = 0;
    for d in digits.chunks_exact(2) {
        let d = u16::from_le_bytes([d[0], d[1]]);
        if d > 0x7FFF {
            return err("bad marshal data (digit out of range in long)");
        }
        acc |= (d as u32) << nbits;
        nbits += 15;
        while nbits >= 8 {
            bytes.push(acc as u8);
            acc >>= 8;
            nbits -= 8;
        }
    }
    if nbits > 0 {
        bytes.push(acc as u8);
    }
    Ok(IBig::from(dashu_int::UBig::from_le_bytes(&bytes)))
}

/// `marshal.loads(data)` for constants and code objects. Trailing bytes
/// are ignored, as CPython does.
pub fn loads(data: &[u8]) -> Result<Constant, MarshalError> {
    let mut r = Reader {
        data,
        pos: 0,
        refs: Vec::new(),
        depth: 0,
    };
    r.object()
}

/// `marshal.loads(data)` where the value must be a code object.
pub fn loads_code(data: &[u8]) -> Result<CodeObject, MarshalError> {
    match loads(data)? {
        Constant::Code(c) => Ok(Rc::try_unwrap(c).unwrap_or_else(|c| (*c).clone())),
        _ => err("marshal data is not a code object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn python(script: &str, input: &[u8]) -> Option<Vec<u8>> {
        use std::io::Write;
        let mut child = std::process::Command::new("python3")
            .args(["-c", script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .ok()?;
        child.stdin.take()?.write_all(input).ok()?;
        let out = child.wait_with_output().ok()?;
        out.status.success().then_some(out.stdout)
    }

    #[test]
    fn roundtrip_constants() {
        let big: IBig = "-123456789012345678901234567890".parse().unwrap();
        let c = Constant::Tuple(
            vec![
                Constant::None,
                Constant::Bool(true),
                Constant::Int(7.into()),
                Constant::Int(big),
                Constant::Float(1.5),
                Constant::Complex { re: 1.0, im: -2.0 },
                Constant::Str("héllo".into()),
                Constant::Str("name".into()),
                Constant::Str("name".into()),
                Constant::Bytes(vec![0, 1, 2].into()),
                Constant::FrozenSet(vec![Constant::Int(1.into())].into()),
                Constant::Ellipsis,
            ]
            .into(),
        );
        assert_eq!(loads(&dumps(&c)).unwrap(), c);
    }

    #[test]
    fn never_panics_on_garbage() {
        let mut seed: u32 = 12345;
        for len in 0..300 {
            let data: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
                    (seed >> 16) as u8
                })
                .collect();
            let _ = loads(&data);
            let mut d2 = vec![b'c'];
            d2.extend(&data);
            let _ = loads(&d2);
        }
        let _ = loads(&[b'l', 0xff, 0xff, 0xff, 0x7f]);
        let _ = loads(&[b'(', 0xff, 0xff, 0xff, 0x7f]);
        let deep = vec![b')', 1].repeat(100_000);
        assert!(loads(&deep).is_err());
    }

    #[test]
    fn python_reads_ours_and_we_read_pythons() {
        let c = Constant::Tuple(
            vec![
                Constant::Int("340282366920938463463374607431768211456".parse().unwrap()),
                Constant::Str("x".into()),
            ]
            .into(),
        );
        let Some(out) = python(
            "import marshal,sys; print(repr(marshal.loads(sys.stdin.buffer.read())))",
            &dumps(&c),
        ) else {
            eprintln!("skipped: python3 not available");
            return;
        };
        assert_eq!(
            String::from_utf8(out).unwrap().trim(),
            "(340282366920938463463374607431768211456, 'x')"
        );
        let script = "import marshal,sys\ndef f(a, *b, c=1, **d):\n    x = [i for i in a]\n    try:\n        return x\n    except E as e:\n        pass\nsys.stdout.buffer.write(marshal.dumps(f.__code__))";
        let bytes = python(script, b"").unwrap();
        let code = loads_code(&bytes).unwrap();
        assert_eq!(&*code.name, "f");
        assert_eq!(code.argcount, 1);
        assert_eq!(code.kwonlyargcount, 1);
        // And python3 loads our re-marshalled copy of it.
        let again = dumps_code(&code);
        let out = python(
            "import marshal,sys; c=marshal.loads(sys.stdin.buffer.read()); print(c.co_name, c.co_varnames)",
            &again,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap().trim(),
            "f ('a', 'c', 'b', 'd', 'x', 'e')"
        );
    }
}
