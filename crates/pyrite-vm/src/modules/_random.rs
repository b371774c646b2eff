//! The `_random` module: `Random`, a Mersenne Twister (MT19937) seeded and
//! drawn exactly as CPython 3.11 `Modules/_randommodule.c` does, so that
//! `random.seed(n)` reproduces CPython's sequences. `random.py` builds
//! everything else (`randrange`, `shuffle`, `gauss`, ...) on `random()`
//! and `getrandbits()`.

use std::cell::RefCell;

use dashu_int::{IBig, UBig};

use super::type_cache::{native_type, WEAK};
use crate::args::Args;
use crate::types::int::{IntVal, PyInt};
use crate::types::tuple::PyTuple;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

const N: usize = 624;
const M: usize = 397;

/// Generator state: the 624-word vector and the next index.
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        let mut m = Mt {
            state: [0; N],
            index: N + 1,
        };
        m.init_genrand(5489);
        m
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let prev = mt[i - 1];
            let k = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(k)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX_A: u32 = 0x9908_b0df;
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// A double in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }
}

pub struct PyRandom {
    mt: RefCell<Mt>,
}

impl Payload for PyRandom {
    pyrite_core::unique_vtable!(PyRandom);
}

pub fn random_type(vm: &Vm) -> PyTypeRef {
    native_type::<PyRandom>(vm, "_random", "Random", None, WEAK, init_type)
}

fn me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a PyRandom> {
    args.pos()
        .first()
        .and_then(|o| o.downcast_ref::<PyRandom>())
        .ok_or_else(|| vm.new_type_error("descriptor requires a '_random.Random' object"))
}

/// The 32-bit words (least significant first) of a non-negative integer.
fn words_of(v: &UBig) -> Vec<u32> {
    let bytes = v.to_le_bytes();
    let mut out: Vec<u32> = bytes
        .chunks(4)
        .map(|c| {
            let mut b = [0u8; 4];
            b[..c.len()].copy_from_slice(c);
            u32::from_le_bytes(b)
        })
        .collect();
    if out.is_empty() {
        out.push(0);
    }
    out
}

fn seed_urandom(mt: &mut Mt) {
    use std::io::Read;
    let mut buf = vec![0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    if ok {
        let key: Vec<u32> = buf
            .chunks(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        mt.init_by_array(&key);
    } else {
        // No entropy source: mix the time and the process id, as CPython's
        // fallback does.
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        let t = now.as_nanos() as u64;
        let key = [
            t as u32,
            (t >> 32) as u32,
            std::process::id(),
            now.subsec_nanos(),
        ];
        mt.init_by_array(&key);
    }
}

/// Seed from `arg`: None → OS entropy; int → its absolute value; anything
/// else → its hash (as an unsigned word).
fn do_seed(vm: &Vm, mt: &mut Mt, arg: Option<&PyObjectRef>) -> PyResult<()> {
    let arg = match arg {
        Some(a) if !a.is(&vm.none) => a,
        _ => {
            seed_urandom(mt);
            return Ok(());
        }
    };
    let n: UBig = if let Some(i) = arg.downcast_ref::<PyInt>() {
        let b: IBig = i.value.to_big();
        b.into_parts().1
    } else {
        let h = vm.hash(arg)?;
        UBig::from(h as u64)
    };
    mt.init_by_array(&words_of(&n));
    Ok(())
}

/// `__new__` leaves the state zeroed; since 3.11 `__init__` seeds (so a
/// subclass `__init__` that skips it draws zeros, as in CPython).
fn r_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let r = PyRandom {
        mt: RefCell::new(Mt {
            state: [0; N],
            index: 0,
        }),
    };
    Ok(vm.try_alloc(r, cls)?.into_object())
}

fn r_init(vm: &Vm, args: Args) -> PyResult {
    let r = me(vm, &args)?;
    let exact = args.pos()[0].class().is(random_type(vm).as_object());
    let rest = args.shift();
    if exact && !rest.kwnames.is_empty() {
        return Err(vm.new_type_error("Random() takes no keyword arguments"));
    }
    if rest.pos().len() > 1 {
        return Err(vm.new_type_error("Random() requires 0 or 1 argument"));
    }
    let mut mt = Mt::new();
    do_seed(vm, &mut mt, rest.pos().first())?;
    *r.mt.borrow_mut() = mt;
    Ok(vm.none.clone())
}

fn r_seed(vm: &Vm, args: Args) -> PyResult {
    let r = me(vm, &args)?;
    let rest = args.shift();
    rest.no_kwargs(vm, "Random.seed")?;
    if rest.pos().len() > 1 {
        return Err(vm.new_type_error(format!(
            "seed expected at most 1 argument, got {}",
            rest.pos().len()
        )));
    }
    let mut mt = Mt::new();
    do_seed(vm, &mut mt, rest.pos().first())?;
    *r.mt.borrow_mut() = mt;
    Ok(vm.none.clone())
}

fn r_random(vm: &Vm, args: Args) -> PyResult {
    let r = me(vm, &args)?;
    args.shift().exact::<0>(vm, "Random.random")?;
    let v = r.mt.borrow_mut().random();
    Ok(vm.new_float(v))
}

fn r_getrandbits(vm: &Vm, args: Args) -> PyResult {
    let r = me(vm, &args)?;
    let [k] = args.shift().exact::<1>(vm, "getrandbits")?;
    let k = vm.index(k)?;
    let k = match k.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(v)) if *v <= i32::MAX as i64 && *v >= i32::MIN as i64 => *v,
        _ => return Err(vm.new_overflow_error("Python int too large to convert to C int")),
    };
    if k < 0 {
        return Err(vm.new_value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(vm.new_int(0));
    }
    let mut mt = r.mt.borrow_mut();
    if k <= 32 {
        return Ok(vm.new_int((mt.next_u32() >> (32 - k)) as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut bytes = Vec::with_capacity(words * 4);
    let mut left = k;
    for _ in 0..words {
        let mut w = mt.next_u32();
        if left < 32 {
            w >>= 32 - left;
        }
        bytes.extend_from_slice(&w.to_le_bytes());
        left -= 32;
    }
    drop(mt);
    let v = UBig::from_le_bytes(&bytes);
    Ok(vm.new_int_val(IntVal::from_big(IBig::from(v))))
}

fn r_getstate(vm: &Vm, args: Args) -> PyResult {
    let r = me(vm, &args)?;
    args.shift().exact::<0>(vm, "Random.getstate")?;
    let mt = r.mt.borrow();
    let mut items: Vec<PyObjectRef> = mt.state.iter().map(|w| vm.new_int(*w as i64)).collect();
    items.push(vm.new_int(mt.index as i64));
    Ok(vm.new_tuple(items))
}

/// A state word as C's `PyLong_AsUnsignedLong` reads it (then truncated to
/// 32 bits, as CPython stores it).
fn state_word(vm: &Vm, o: &PyObjectRef) -> PyResult<u64> {
    let Some(i) = o.downcast_ref::<PyInt>() else {
        return Err(vm.new_type_error("an integer is required"));
    };
    match &i.value {
        IntVal::Small(v) if *v < 0 => {
            Err(vm.new_overflow_error("can't convert negative value to unsigned int"))
        }
        IntVal::Small(v) => Ok(*v as u64),
        IntVal::Big(b) => {
            if i.value.is_negative() {
                Err(vm.new_overflow_error("can't convert negative value to unsigned int"))
            } else {
                u64::try_from(&**b).map_err(|_| {
                    vm.new_overflow_error("Python int too large to convert to C unsigned long")
                })
            }
        }
    }
}

fn r_setstate(vm: &Vm, args: Args) -> PyResult {
    let r = me(vm, &args)?;
    let [st] = args.shift().exact::<1>(vm, "setstate")?;
    let Some(t) = st.downcast_ref::<PyTuple>() else {
        return Err(vm.new_type_error("state vector must be a tuple"));
    };
    if t.items.len() != N + 1 {
        return Err(vm.new_value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (i, o) in t.items[..N].iter().enumerate() {
        state[i] = state_word(vm, o)? as u32;
    }
    let idx = vm.index(&t.items[N])?;
    let index = match idx.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(v)) => *v,
        _ => return Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    };
    if index < 0 || index > N as i64 {
        return Err(vm.new_value_error("invalid state"));
    }
    let mut mt = r.mt.borrow_mut();
    mt.state = state;
    mt.index = index as usize;
    Ok(vm.none.clone())
}

fn init_type(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", r_new);
    vm.add_method(t, "__init__", r_init);
    vm.add_method(t, "seed", r_seed);
    vm.add_method(t, "random", r_random);
    vm.add_method(t, "getrandbits", r_getrandbits);
    vm.add_method(t, "getstate", r_getstate);
    vm.add_method(t, "setstate", r_setstate);
}

/// Build the `_random` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "_random",
        Some("Module implements the Mersenne Twister random number generator."),
    );
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    vm.dict_set_str(d, "Random", random_type(vm).as_object().clone());
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_sequence() {
        // CPython: random.seed(42); random.random() == 0.6394267984578837
        let mut m = Mt::new();
        m.init_by_array(&[42]);
        assert_eq!(m.random(), 0.6394267984578837);
    }
}
