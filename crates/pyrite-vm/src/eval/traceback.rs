//! Printing uncaught exceptions as CPython does: chained causes and
//! contexts, `Traceback (most recent call last):`, one `File "...", line N,
//! in f` entry per frame with the source line, and the final
//! `Type: message` line (with `SyntaxError`'s caret display).
//! Mirrors CPython 3.11 `Python/pythonrun.c` and `Python/traceback.c`.

use crate::eval::frame::PyFrameObject;
use crate::types::code::PyCode;
use crate::types::exceptions::{PyBaseException, PyBaseExceptionRef, PyTraceback};
use crate::types::str::PyStr;
use crate::types::typeobj::{as_type, class_of};
use crate::{PyObjectRef, Vm};

/// Print `e` (with its chain) to `sys.stderr`.
pub fn print_exception(vm: &Vm, e: &PyBaseExceptionRef) {
    let text = format_exception(vm, e);
    crate::modules::sys::flush_stdout(vm);
    match vm.sys_attr("stderr") {
        Ok(s) if !s.is(&vm.none) => {
            if vm.write_to(&s, &text).is_err() {
                eprint!("{text}");
            }
            let _ = vm.call_method(&s, "flush", &[]);
        }
        _ => eprint!("{text}"),
    }
}

/// The full text CPython prints for an uncaught exception.
pub fn format_exception(vm: &Vm, e: &PyBaseExceptionRef) -> String {
    let mut seen: Vec<usize> = Vec::new();
    let mut out = String::new();
    format_chain(vm, e, &mut seen, &mut out);
    out
}

fn format_chain(vm: &Vm, e: &PyBaseExceptionRef, seen: &mut Vec<usize>, out: &mut String) {
    seen.push(e.as_object().id());
    let cause = e.cause.borrow().clone();
    let context = e.context.borrow().clone();
    if let Some(c) = cause.and_then(|c| c.downcast::<PyBaseException>().ok()) {
        if !seen.contains(&c.as_object().id()) {
            format_chain(vm, &c, seen, out);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        }
    } else if let Some(c) = context.and_then(|c| c.downcast::<PyBaseException>().ok()) {
        if !e.suppress_context.get() && !seen.contains(&c.as_object().id()) {
            format_chain(vm, &c, seen, out);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    format_single(vm, e, out);
}

/// The traceback entries as (filename, lineno, name).
pub fn traceback_entries(tb: Option<PyObjectRef>) -> Vec<(String, Option<u32>, String)> {
    let mut out = Vec::new();
    let mut cur = tb;
    while let Some(t) = cur {
        let Some(tbp) = t.downcast_ref::<PyTraceback>() else {
            break;
        };
        let (file, name) = match tbp
            .frame
            .downcast_ref::<PyFrameObject>()
            .and_then(|f| f.code.downcast_ref::<PyCode>())
        {
            Some(c) => (c.code.filename.to_string(), c.code.name.to_string()),
            None => ("<unknown>".into(), "?".into()),
        };
        out.push((file, tbp.lineno, name));
        cur = tbp.next.borrow().clone();
    }
    out
}

/// Line `n` (1-based) of `file`, stripped, if readable.
pub fn source_line(file: &str, n: u32) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    let line = text.lines().nth((n as usize).checked_sub(1)?)?;
    Some(line.trim().to_string())
}

fn format_single(vm: &Vm, e: &PyBaseExceptionRef, out: &mut String) {
    let entries = traceback_entries(e.traceback.borrow().clone());
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut last: Option<(String, Option<u32>, String)> = None;
        let mut repeat = 0usize;
        let flush_repeat = |out: &mut String, repeat: usize| {
            if repeat > 3 {
                let n = repeat - 3;
                out.push_str(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    n,
                    if n == 1 { "" } else { "s" }
                ));
            }
        };
        for ent in entries {
            if last.as_ref() == Some(&ent) {
                repeat += 1;
                if repeat > 3 {
                    continue;
                }
            } else {
                flush_repeat(out, repeat);
                repeat = 1;
                last = Some(ent.clone());
            }
            let (file, line, name) = ent;
            match line {
                Some(l) => {
                    out.push_str(&format!("  File \"{file}\", line {l}, in {name}\n"));
                    if let Some(src) = source_line(&file, l) {
                        if !src.is_empty() {
                            out.push_str(&format!("    {src}\n"));
                        }
                    }
                }
                None => out.push_str(&format!("  File \"{file}\", line ?, in {name}\n")),
            }
        }
        flush_repeat(out, repeat);
    }
    out.push_str(&exception_only(vm, e));
}

/// The last line(s): `Type: message`, with the SyntaxError display.
pub fn exception_only(vm: &Vm, e: &PyBaseExceptionRef) -> String {
    let cls = class_of(e.as_object());
    let mut name = cls.ext.qualname.borrow().to_string();
    if let Some(m) = cls
        .ext
        .dict
        .get_by_str("__module__")
        .and_then(|m| m.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
    {
        if m != "builtins" && m != "__main__" {
            name = format!("{m}.{name}");
        }
    }
    let mut out = String::new();
    if crate::types::typeobj::is_subtype(e.as_object().class(), vm.exc.SyntaxError.as_object()) {
        let get = |n: &str| {
            vm.get_attr_str(e.as_object(), n)
                .ok()
                .filter(|v| !v.is(&vm.none))
        };
        let file =
            get("filename").and_then(|f| f.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
        let lineno = get("lineno").and_then(|l| crate::types::int::as_i64(&l));
        if let (Some(file), Some(lineno)) = (file.clone(), lineno) {
            out.push_str(&format!("  File \"{file}\", line {lineno}\n"));
        }
        if let Some(text) =
            get("text").and_then(|t| t.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
        {
            let line = text.trim_end_matches(['\n', '\r']);
            let stripped = line.trim_start();
            let indent = line.chars().count() - stripped.chars().count();
            out.push_str(&format!("    {}\n", stripped.trim_end()));
            if let Some(off) = get("offset").and_then(|o| crate::types::int::as_i64(&o)) {
                let end = get("end_offset")
                    .and_then(|o| crate::types::int::as_i64(&o))
                    .unwrap_or(off);
                let end_line = get("end_lineno")
                    .and_then(|o| crate::types::int::as_i64(&o))
                    .unwrap_or(lineno.unwrap_or(0));
                let start = (off - 1 - indent as i64).max(0) as usize;
                let width = if end_line == lineno.unwrap_or(0) && end > off {
                    (end - off) as usize
                } else {
                    1
                };
                let avail = stripped
                    .trim_end()
                    .chars()
                    .count()
                    .saturating_sub(start)
                    .max(1);
                out.push_str(&format!(
                    "    {}{}\n",
                    " ".repeat(start),
                    "^".repeat(width.min(avail).max(1))
                ));
            }
        }
        let msg = get("msg")
            .map(|m| vm.str_string(&m).unwrap_or_default())
            .unwrap_or_default();
        out.push_str(&format!("{name}: {msg}\n"));
        return out;
    }
    let s = match vm.str(e.as_object()) {
        // Lone surrogates appear as stderr's backslashreplace writes them.
        Ok(s) if s.has_surrogates() => s
            .code_points()
            .map(|c| match char::from_u32(c) {
                Some(ch) => ch.to_string(),
                None => format!("\\u{c:04x}"),
            })
            .collect(),
        Ok(s) => s.as_str().to_string(),
        Err(_) => "<exception str() failed>".into(),
    };
    if s.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {s}\n"));
    }
    let _ = as_type;
    out
}
