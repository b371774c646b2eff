//! Struct sequences (`sys.float_info`, `time.struct_time`, ...): tuple
//! subclasses whose first `n_sequence_fields` fields are the tuple items
//! and the rest (like `tm_zone`) are attributes only. The class is built
//! once per interpreter from the Python source below, which gives it
//! CPython's constructor checks, `repr`, `__reduce__` and read-only
//! fields. Mirrors CPython 3.11 `Objects/structseq.c`.

use crate::{PyObjectRef, PyResult, Vm};

const TEMPLATE: &str = r#"
def _make_structseq(tuple, module, name, fields, n_seq, allow_new):
    full = module + '.' + name
    n_fields = len(fields)

    class _field:
        __slots__ = ('index', '__name__')
        def __init__(self, index, name):
            self.index = index
            self.__name__ = name
        def __get__(self, obj, cls=None):
            if obj is None:
                return self
            if self.index < n_seq:
                return tuple.__getitem__(obj, self.index)
            return obj._extra[self.index - n_seq]
        def __set__(self, obj, value):
            raise AttributeError('readonly attribute')
        def __delete__(self, obj):
            raise AttributeError('readonly attribute')

    def new(cls, sequence, dict=None):
        if not allow_new:
            raise TypeError(f"cannot create '{full}' instances")
        try:
            seq = tuple(sequence)
        except TypeError:
            raise TypeError('constructor requires a sequence') from None
        n = len(seq)
        if n < n_seq:
            if n_seq == n_fields:
                raise TypeError(f'{full}() takes a {n_seq}-sequence ({n}-sequence given)')
            raise TypeError(f'{full}() takes an at least {n_seq}-sequence ({n}-sequence given)')
        if n > n_fields:
            if n_seq == n_fields:
                raise TypeError(f'{full}() takes a {n_seq}-sequence ({n}-sequence given)')
            raise TypeError(f'{full}() takes an at most {n_fields}-sequence ({n}-sequence given)')
        if dict is not None and not isinstance(dict, type({})):
            raise TypeError(f'{full}() takes a dict as second arg, if any')
        extra = list(seq[n_seq:])
        for f in fields[n:]:
            extra.append(dict.get(f) if dict is not None else None)
        return _build(cls, seq[:n_seq], extra)

    def _build(cls, items, extra):
        self = tuple.__new__(cls, items)
        object.__setattr__(self, '_extra', tuple(extra))
        return self

    def __repr__(self):
        parts = []
        for f, v in zip(fields, tuple.__iter__(self)):
            parts.append(f'{f}={v!r}')
        return full + '(' + ', '.join(parts) + ')'

    def __reduce__(self):
        d = {}
        for i, f in enumerate(fields[n_seq:]):
            d[f] = self._extra[i]
        return (type(self), (tuple(tuple.__iter__(self)), d))

    ns = {
        '__slots__': ('_extra',),
        '__new__': new,
        '__repr__': __repr__,
        '__reduce__': __reduce__,
        '__module__': module,
        '__qualname__': name,
        'n_sequence_fields': n_seq,
        'n_fields': n_fields,
        'n_unnamed_fields': 0,
        '__match_args__': fields[:n_seq],
    }
    for i, f in enumerate(fields):
        ns[f] = _field(i, f)
    cls = type(name, (tuple,), ns)

    def make(items, extra=()):
        extra = list(extra) + [None] * (n_fields - n_seq - len(extra))
        return _build(cls, tuple(items), extra)
    return cls, make
"#;

/// A struct-sequence type: its class and a native constructor.
pub struct StructSeq {
    pub cls: PyObjectRef,
    make: PyObjectRef,
}

impl StructSeq {
    /// The Python-level constructor `make(items, extra)`.
    pub fn make_fn(&self) -> PyObjectRef {
        self.make.clone()
    }

    /// An instance from the sequence items and the extra (attribute-only)
    /// fields.
    pub fn instance(&self, vm: &Vm, items: Vec<PyObjectRef>, extra: Vec<PyObjectRef>) -> PyResult {
        vm.call(&self.make, &[vm.new_tuple(items), vm.new_tuple(extra)])
    }
}

/// Create the struct-sequence type `module.name` with `fields`, the first
/// `n_seq` of them in the tuple. `allow_new`: whether Python code may call
/// the type (true for `time.struct_time`, false for `sys.float_info`).
pub fn make_type(
    vm: &Vm,
    module: &str,
    name: &str,
    fields: &[&str],
    n_seq: usize,
    allow_new: bool,
) -> PyResult<StructSeq> {
    let cached = vm.structseq_maker.borrow().clone();
    let f = match cached {
        Some(f) => f,
        None => {
            let ns = vm.new_dict();
            let builtins = vm.import_absolute("builtins")?;
            vm.dict_set_str(&ns, "__builtins__", builtins.clone());
            let exec = vm.get_attr_str(&builtins, "exec")?;
            vm.call(&exec, &[vm.new_str(TEMPLATE), ns.clone().into_object()])?;
            let f = ns
                .get_by_str("_make_structseq")
                .ok_or_else(|| vm.new_system_error("struct sequence template failed"))?;
            *vm.structseq_maker.borrow_mut() = Some(f.clone());
            f
        }
    };
    let r = vm.call(
        &f,
        &[
            vm.types.tuple.as_object().clone(),
            vm.new_str(module),
            vm.new_str(name),
            vm.new_tuple(fields.iter().map(|f| vm.new_str(*f)).collect()),
            vm.new_int(n_seq as i64),
            vm.new_bool(allow_new),
        ],
    )?;
    let cls = vm.get_item(&r, &vm.new_int(0))?;
    let make = vm.get_item(&r, &vm.new_int(1))?;
    Ok(StructSeq { cls, make })
}

/// The lazily created struct sequences of `sys`.
const SYS_LAZY: [&str; 5] = [
    "float_info",
    "int_info",
    "hash_info",
    "flags",
    "thread_info",
];

/// Install `sys.__getattr__`, which creates `sys.float_info`, `int_info`,
/// `hash_info`, `flags` and `thread_info` on first use: building the
/// classes runs Python code, too slow to do at every start-up.
pub fn init_sys(vm: &Vm) -> PyResult<()> {
    let sys = vm.import_absolute("sys")?;
    let d = vm
        .module_dict(&sys)
        .ok_or_else(|| vm.new_system_error("sys without dict"))?;
    vm.add_function(d, "sys", "__getattr__", sys_getattr);
    Ok(())
}

fn sys_getattr(vm: &Vm, args: crate::args::Args) -> PyResult {
    let [name] = args.exact::<1>(vm, "__getattr__")?;
    let n = vm.str_string(name)?;
    if SYS_LAZY.contains(&n.as_str()) {
        let sys = vm.import_absolute("sys")?;
        if let Some(d) = vm.module_dict(&sys) {
            if d.get_by_str("float_info").is_none() {
                make_sys(vm, &sys)?;
            }
            if let Some(v) = d.get_by_str(&n) {
                return Ok(v);
            }
        }
    }
    Err(vm.new_attribute_error(format!("module 'sys' has no attribute '{n}'")))
}

/// Add `sys.float_info`, `int_info`, `hash_info`, `flags` and
/// `thread_info` (CPython's values on x86-64 Linux).
fn make_sys(vm: &Vm, sys: &PyObjectRef) -> PyResult<()> {
    let sys = sys.clone();
    let int = |v: i64| vm.new_int(v);
    let float_info = make_type(
        vm,
        "sys",
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        11,
        true,
    )?;
    let v = float_info.instance(
        vm,
        vec![
            vm.new_float(f64::MAX),
            int(1024),
            int(308),
            vm.new_float(f64::MIN_POSITIVE),
            int(-1021),
            int(-307),
            int(15),
            int(53),
            vm.new_float(f64::EPSILON),
            int(2),
            int(1),
        ],
        vec![],
    )?;
    vm.set_attr_str(&sys, "float_info", v)?;
    let int_info = make_type(
        vm,
        "sys",
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        4,
        true,
    )?;
    let v = int_info.instance(vm, vec![int(30), int(4), int(4300), int(640)], vec![])?;
    vm.set_attr_str(&sys, "int_info", v)?;
    let hash_info = make_type(
        vm,
        "sys",
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
        9,
        true,
    )?;
    let v = hash_info.instance(
        vm,
        vec![
            int(64),
            int((1i64 << 61) - 1),
            int(314159),
            int(0),
            int(1000003),
            vm.new_str("siphash13"),
            int(64),
            int(128),
            int(0),
        ],
        vec![],
    )?;
    vm.set_attr_str(&sys, "hash_info", v)?;
    let names = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let flags_t = make_type(vm, "sys", "flags", &names, names.len(), false)?;
    let f = vm.flags.borrow().clone();
    // PYTHONHASHSEED=0 turns string hash randomization off.
    let hash_random =
        f.ignore_environment || std::env::var("PYTHONHASHSEED").map_or(true, |v| v.trim() != "0");
    let v = flags_t.instance(
        vm,
        vec![
            int(0),
            int(f.interactive as i64),
            int(f.interactive as i64),
            int(f.optimize as i64),
            int(!vm.write_bytecode.get() as i64),
            int(0),
            int(0),
            int(f.ignore_environment as i64),
            int(0),
            int(0),
            int(0),
            int(hash_random as i64),
            int(0),
            vm.new_bool(false),
            int(0),
            int(0),
            vm.new_bool(false),
            int(-1),
        ],
        vec![],
    )?;
    vm.set_attr_str(&sys, "flags", v)?;
    let ti = make_type(
        vm,
        "sys",
        "thread_info",
        &["name", "lock", "version"],
        3,
        true,
    )?;
    let v = ti.instance(
        vm,
        vec![
            vm.new_str("pthread"),
            vm.new_str("semaphore"),
            vm.none.clone(),
        ],
        vec![],
    )?;
    vm.set_attr_str(&sys, "thread_info", v)?;
    Ok(())
}
