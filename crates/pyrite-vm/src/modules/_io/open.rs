//! `open()` and `open_code()`, as CPython 3.11's `Modules/_io/_iomodule.c`:
//! validate the mode, open a `FileIO`, wrap it in the buffered class the
//! mode calls for, and for text modes in a `TextIOWrapper`.

use super::textio::opt_str;
use super::*;
use crate::types::str::PyStr;

pub fn io_open(vm: &Vm, args: Args) -> PyResult {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = args.bind(
        vm,
        "open",
        [
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
        0,
        8,
    )?;
    let file = file.expect("required");
    let mode = match mode {
        None => "r".to_string(),
        Some(m) => match m.downcast_ref::<PyStr>() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(vm.new_type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    vm.type_name(m)
                )))
            }
        },
    };
    let buffering_v = match buffering {
        None => -1,
        Some(b) => {
            if b.downcast_ref::<crate::types::float::PyFloat>().is_some() {
                return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.index_isize(b)?
        }
    };
    let enc = opt_str(vm, encoding, "open", "encoding")?;
    let errs = opt_str(vm, errors, "open", "errors")?;
    let nl = opt_str(vm, newline, "open", "newline")?;
    let closefd_v = match closefd {
        None => true,
        Some(c) => vm.is_true(c)?,
    };

    let is_int = file.downcast_ref::<crate::types::int::PyInt>().is_some();
    if !is_int
        && file.downcast_ref::<PyStr>().is_none()
        && as_bytes(file).is_none()
        && vm.get_attr_opt(file, &vm.intern("__fspath__"))?.is_none()
    {
        return Err(vm.new_type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(file)
        )));
    }

    // Mode letters, each at most once.
    let (mut creating, mut reading, mut writing, mut appending, mut updating) =
        (false, false, false, false, false);
    let (mut text, mut binary) = (false, false);
    let mut seen = String::new();
    for c in mode.chars() {
        if !"xrwab+t".contains(c) || seen.contains(c) {
            return Err(vm.new_value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
        match c {
            'x' => creating = true,
            'r' => reading = true,
            'w' => writing = true,
            'a' => appending = true,
            '+' => updating = true,
            't' => text = true,
            _ => binary = true,
        }
    }
    let mut rawmode = String::new();
    if creating {
        rawmode.push('x');
    }
    if reading {
        rawmode.push('r');
    }
    if writing {
        rawmode.push('w');
    }
    if appending {
        rawmode.push('a');
    }
    if updating {
        rawmode.push('+');
    }
    if text && binary {
        return Err(vm.new_value_error("can't have text and binary mode at once"));
    }
    if [creating, reading, writing, appending]
        .iter()
        .filter(|&&b| b)
        .count()
        > 1
    {
        return Err(vm.new_value_error("must have exactly one of create/read/write/append mode"));
    }
    if binary && enc.is_some() {
        return Err(vm.new_value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errs.is_some() {
        return Err(vm.new_value_error("binary mode doesn't take an errors argument"));
    }
    if binary && nl.is_some() {
        return Err(vm.new_value_error("binary mode doesn't take a newline argument"));
    }
    if binary && buffering_v == 1 {
        // Best effort while `warnings` cannot be imported (it needs `re`);
        // a warning turned into an error still propagates.
        if let Ok(warnings) = vm.import_absolute("warnings") {
            vm.call_method(
            &warnings,
            "warn",
            &[
                vm.new_str("line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used"),
                    vm.exc.RuntimeWarning.as_object().clone(),
                ],
            )?;
        }
    }

    let mut call_args = vec![
        file.clone(),
        vm.new_str(rawmode.as_str()),
        vm.new_bool(closefd_v),
    ];
    if let Some(o) = opener {
        call_args.push(o.clone());
    }
    let raw = vm.call(fileio_type(vm).as_object(), &call_args)?;
    let result = (|| -> PyResult {
        let mut buffering = buffering_v;
        let mut line_buffering = false;
        if buffering == 1
            || (buffering < 0 && vm.is_true(&vm.call_method(&raw, "isatty", &[])?)?)
        {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            // The file's block size, as CPython (`raw._blksize`).
            buffering = vm.index_isize(&vm.get_attr_str(&raw, "_blksize")?)?;
        }
        if buffering == 0 {
            if binary {
                return Ok(raw.clone());
            }
            return Err(vm.new_value_error("can't have unbuffered text I/O"));
        }
        let cls = if updating {
            buffered_random_type(vm)
        } else if creating || writing || appending {
            buffered_writer_type(vm)
        } else {
            buffered_reader_type(vm)
        };
        let buffer = vm.call(
            cls.as_object(),
            &[raw.clone(), vm.new_int(buffering as i64)],
        )?;
        if binary {
            return Ok(buffer);
        }
        let opt = |v: &Option<String>| match v {
            Some(s) => vm.new_str(s.as_str()),
            None => vm.none.clone(),
        };
        let wrapper = vm.call(
            textiowrapper_type(vm).as_object(),
            &[
                buffer,
                opt(&enc),
                opt(&errs),
                match newline {
                    Some(n) => n.clone(),
                    None => vm.none.clone(),
                },
                vm.new_bool(line_buffering),
            ],
        )?;
        vm.set_attr_str(&wrapper, "mode", vm.new_str(mode.as_str()))?;
        Ok(wrapper)
    })();
    if result.is_err() {
        let _ = vm.call_method(&raw, "close", &[]);
    }
    result
}

pub fn io_open_code(vm: &Vm, args: Args) -> PyResult {
    let [path] = args.bind(vm, "open_code", ["path"], 1, 0, 1)?;
    let path = path.expect("required");
    if path.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            vm.type_name(path)
        )));
    }
    io_open(vm, Args::positional(&[path.clone(), vm.new_str("rb")]))
}
