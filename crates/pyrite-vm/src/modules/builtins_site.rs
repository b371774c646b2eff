//! The interactive helpers the `site` module adds to `builtins`: `exit` and
//! `quit` (Quitter), `copyright`, `credits` and `license` (_Printer), and
//! `help` (_Helper). Pyrite does not run `site.py` at start-up, so they are
//! made natively here with the same reprs and behaviour.
//! Mirrors CPython 3.11 `Lib/_sitebuiltins.py` and `Lib/site.py`
//! (`setquit`, `setcopyright`, `sethelper`).

use crate::args::Args;
use crate::types::dict::PyDict;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// What a site helper object does when called.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SiteKind {
    Quitter,
    Printer,
    Helper,
}

/// The payload of `exit`/`quit`, `copyright`/`credits`/`license` and `help`.
pub struct PySiteObject {
    pub kind: SiteKind,
    pub name: &'static str,
    /// Quitter: the EOF hint; Printer: the text printed when called.
    pub text: String,
    /// Printer: what `repr()` shows.
    pub repr: String,
}

impl Payload for PySiteObject {
    pyrite_core::unique_vtable!(PySiteObject);
}

const COPYRIGHT: &str =
    "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n\
Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n\
Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n\
Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

const CREDITS: &str =
    "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n    \
for supporting Python development.  See www.python.org for more information.";

const HELP_REPR: &str = "Type help() for interactive help, or help(object) for help about object.";

fn site<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PySiteObject> {
    o.downcast_ref::<PySiteObject>()
        .ok_or_else(|| vm.new_type_error("expected a site builtin"))
}

fn site_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let s = site(vm, o)?;
    Ok(vm.new_str(match s.kind {
        SiteKind::Quitter => format!("Use {}() or {} to exit", s.name, s.text),
        SiteKind::Printer => s.repr.clone(),
        SiteKind::Helper => HELP_REPR.to_string(),
    }))
}

fn site_call(vm: &Vm, args: Args) -> PyResult {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("__call__ needs self"))?;
    let s = site(vm, o)?;
    let rest = args.shift();
    match s.kind {
        SiteKind::Quitter => {
            let [code] = rest.bind(vm, "__call__", ["code"], 0, 0, 1)?;
            // Like CPython: close sys.stdin first, ignoring failures.
            if let Ok(stdin) = vm.sys_attr("stdin") {
                if !stdin.is(&vm.none) {
                    let _ = vm.call_method(&stdin, "close", &[]);
                }
            }
            let code = code.cloned().unwrap_or_else(|| vm.none.clone());
            let e = vm.call(vm.exc.SystemExit.as_object(), &[code])?;
            match e.downcast::<crate::types::exceptions::PyBaseException>() {
                Ok(e) => Err(e),
                Err(_) => Err(vm.new_system_error("SystemExit() did not make an exception")),
            }
        }
        SiteKind::Printer => {
            rest.exact::<0>(vm, "__call__")?;
            let out = vm.sys_attr("stdout")?;
            vm.write_to(&out, &format!("{}\n", s.text))?;
            Ok(vm.none.clone())
        }
        SiteKind::Helper => help(vm, rest),
    }
}

/// `help(obj)`: `pydoc.help` when the pure-Python `pydoc` imports, else a
/// minimal summary (the object's type and docstring).
fn help(vm: &Vm, args: Args) -> PyResult {
    if let Ok(pydoc) = vm.import_absolute("pydoc") {
        if let Ok(h) = vm.get_attr_str(&pydoc, "help") {
            return vm.call_kw(&h, args.all, args.kwnames);
        }
    }
    let [obj] = args.bind(vm, "help", ["request"], 0, 0, 1)?;
    let out = vm.sys_attr("stdout")?;
    let Some(obj) = obj else {
        vm.write_to(&out, "Interactive help is not available in Pyrite.\n")?;
        return Ok(vm.none.clone());
    };
    let name = match vm.get_attr_opt(obj, &vm.names.__name__)? {
        Some(n) => vm.str_string(&n)?,
        None => format!("{} object", vm.type_name(obj)),
    };
    let doc = match vm.get_attr_opt(obj, &vm.names.__doc__)? {
        Some(d) if !d.is(&vm.none) => vm.str_string(&d)?,
        _ => String::new(),
    };
    vm.write_to(&out, &format!("Help on {name}:\n\n{doc}\n\n"))?;
    Ok(vm.none.clone())
}

/// Add the helpers to the builtins namespace `d`.
pub fn add(vm: &Vm, d: &PyDict) {
    let t = &vm.types;
    for (cls, name) in [
        (&t.site_quitter, "Quitter"),
        (&t.site_printer, "_Printer"),
        (&t.site_helper, "_Helper"),
    ] {
        vm.add_method(cls, "__repr__", site_repr);
        vm.add_method(cls, "__call__", site_call);
        vm.set_type_attr(cls, "__module__", vm.new_str("_sitebuiltins"));
        let _ = name;
    }
    let eof = "Ctrl-D (i.e. EOF)";
    let mk = |cls: &crate::types::PyTypeRef, kind, name, text: &str, repr: &str| {
        vm.alloc(
            PySiteObject {
                kind,
                name,
                text: text.to_string(),
                repr: repr.to_string(),
            },
            cls,
        )
    };
    for name in ["exit", "quit"] {
        vm.dict_set_str(
            d,
            name,
            mk(&t.site_quitter, SiteKind::Quitter, name, eof, ""),
        );
    }
    vm.dict_set_str(
        d,
        "copyright",
        mk(
            &t.site_printer,
            SiteKind::Printer,
            "copyright",
            COPYRIGHT,
            COPYRIGHT,
        ),
    );
    vm.dict_set_str(
        d,
        "credits",
        mk(
            &t.site_printer,
            SiteKind::Printer,
            "credits",
            CREDITS,
            CREDITS,
        ),
    );
    vm.dict_set_str(
        d,
        "license",
        mk(
            &t.site_printer,
            SiteKind::Printer,
            "license",
            "See https://www.python.org/psf/license/",
            "Type license() to see the full license text",
        ),
    );
    vm.dict_set_str(
        d,
        "help",
        mk(&t.site_helper, SiteKind::Helper, "help", "", ""),
    );
}

/// `exit.name` etc. are instance attributes in CPython; expose `name` and
/// `eof` for Quitter.
pub fn init_attrs(vm: &Vm) {
    fn get_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
        Ok(vm.new_str(site(vm, o)?.name))
    }
    fn get_eof(vm: &Vm, o: &PyObjectRef) -> PyResult {
        Ok(vm.new_str(site(vm, o)?.text.as_str()))
    }
    vm.add_getset(&vm.types.site_quitter, "name", get_name, None);
    vm.add_getset(&vm.types.site_quitter, "eof", get_eof, None);
}
