//! `str`: immutable Unicode text, stored as UTF-8 with its length in code
//! points and the width CPython's PEP 393 representation would use (which
//! decides the bytes hashed, so `hash()` matches CPython's for the same
//! `PYTHONHASHSEED`). Methods live in `str_methods.rs`.
//! Mirrors CPython 3.11 `Objects/unicodeobject.c`.

use std::cell::Cell;

use pyrite_bytecode::surrogate;

use crate::protocol::hash::siphash13_secret;
use crate::{Payload, PyObjectRef, PyRef};

/// The payload of a `str` object.
///
/// Lone surrogates (U+D800..U+DFFF) cannot live in a Rust `str`: each is
/// stored as a stand-in character (U+10F800 + offset, see
/// `pyrite_bytecode::surrogate`) and `surrogates` is set; only the
/// operations that must see the real code points (equality, ordering,
/// hash, `ord`, `repr`, codecs, marshal) look at the flag, so the `as_str()`
/// text stays valid UTF-8 for everything else.
pub struct PyStr {
    data: Box<str>,
    char_len: usize,
    /// Bytes per character in CPython's representation: 1, 2 or 4.
    kind: u8,
    /// Whether the stand-in characters in `data` are lone surrogates (set
    /// only if there is at least one).
    surrogates: bool,
    hash: Cell<i64>,
    interned: Cell<bool>,
}

pub type PyStrRef = PyRef<PyStr>;

impl Payload for PyStr {
    pyrite_core::unique_vtable!(PyStr);
    const LEAF: bool = true;
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> Self {
        Self::new_marked(s, false)
    }

    /// A string whose stand-in characters are lone surrogates if `marked`.
    pub fn new_marked(s: impl Into<Box<str>>, marked: bool) -> Self {
        let data: Box<str> = s.into();
        let mut surrogates = false;
        let (char_len, kind) = if data.is_ascii() {
            (data.len(), 1)
        } else {
            let mut n = 0;
            let mut maxc = 0u32;
            for c in data.chars() {
                n += 1;
                let mut cp = c as u32;
                if marked && cp >= surrogate::BASE {
                    surrogates = true;
                    cp = surrogate::code_point(c, true);
                }
                maxc = maxc.max(cp);
            }
            (
                n,
                if maxc < 256 {
                    1
                } else if maxc < 65536 {
                    2
                } else {
                    4
                },
            )
        };
        PyStr {
            data,
            char_len,
            kind,
            surrogates,
            hash: Cell::new(-1),
            interned: Cell::new(false),
        }
    }

    /// Whether the text holds lone surrogates (as stand-ins).
    #[inline]
    pub fn has_surrogates(&self) -> bool {
        self.surrogates
    }

    /// The code point character `c` of this string denotes.
    #[inline]
    pub fn code_point(&self, c: char) -> u32 {
        surrogate::code_point(c, self.surrogates)
    }

    /// The code points, surrogates included.
    pub fn code_points(&self) -> impl Iterator<Item = u32> + '_ {
        let m = self.surrogates;
        self.data.chars().map(move |c| surrogate::code_point(c, m))
    }

    /// Python ordering of the texts (by code point).
    pub fn text_cmp(&self, other: &PyStr) -> std::cmp::Ordering {
        if !self.surrogates && !other.surrogates {
            // UTF-8 byte order is code point order.
            return self.data.cmp(&other.data);
        }
        self.code_points().cmp(other.code_points())
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.data
    }

    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Whether every character is ASCII (then byte index = char index).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.data.len()
    }

    /// CPython's PEP 393 kind (1, 2 or 4 bytes per character).
    pub fn kind(&self) -> u8 {
        self.kind
    }

    pub fn is_interned(&self) -> bool {
        self.interned.get()
    }

    pub fn mark_interned(&self) {
        self.interned.set(true);
    }

    /// The character at code-point index `i` (must be in range).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.data.as_bytes()[i] as char
        } else {
            self.data.chars().nth(i).expect("index in range")
        }
    }

    /// Byte offset of code-point index `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.data
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.data.len())
        }
    }

    /// The substring of code points `[start, end)`.
    pub fn substr(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = if self.is_ascii() {
            end
        } else {
            a + self.data[a..]
                .char_indices()
                .nth(end - start)
                .map(|(b, _)| b)
                .unwrap_or(self.data.len() - a)
        };
        &self.data[a..b]
    }

    /// `hash(s)`, computed once (SipHash-1-3 over the PEP 393 buffer).
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = if self.data.is_empty() {
            0
        } else {
            let v = match self.kind {
                1 if self.is_ascii() => siphash13_secret(self.data.as_bytes()),
                1 => {
                    let buf: Vec<u8> = self.data.chars().map(|c| c as u32 as u8).collect();
                    siphash13_secret(&buf)
                }
                2 => {
                    let mut buf = Vec::with_capacity(self.char_len * 2);
                    for c in self.code_points() {
                        buf.extend_from_slice(&(c as u16).to_le_bytes());
                    }
                    siphash13_secret(&buf)
                }
                _ => {
                    let mut buf = Vec::with_capacity(self.char_len * 4);
                    for c in self.code_points() {
                        buf.extend_from_slice(&c.to_le_bytes());
                    }
                    siphash13_secret(&buf)
                }
            };
            let v = v as i64;
            if v == -1 {
                -2
            } else {
                v
            }
        };
        self.hash.set(h);
        h
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.data)
    }
}

/// Borrow the text of a `str` object (or a subclass instance).
pub fn as_str(obj: &PyObjectRef) -> Option<&str> {
    obj.downcast_ref::<PyStr>().map(|s| s.as_str())
}

/// Whether `o` is a str holding lone surrogates, or a tuple with one (the
/// argument of `%` formatting, whose output then holds them too).
pub fn any_marked(o: &PyObjectRef) -> bool {
    if let Some(s) = o.downcast_ref::<PyStr>() {
        return s.has_surrogates();
    }
    if let Some(t) = o.downcast_ref::<crate::types::tuple::PyTuple>() {
        return t.as_slice().iter().any(|x| {
            x.downcast_ref::<PyStr>()
                .is_some_and(|s| s.has_surrogates())
        });
    }
    false
}
