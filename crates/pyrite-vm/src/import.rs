//! The import system: `sys.modules`, built-in modules, and source modules
//! and packages found on `sys.path`; relative imports; `fromlist`.
//! Mirrors CPython 3.11 `Python/import.c` and `importlib._bootstrap`'s
//! observable behaviour (a native path finder, without importlib itself).

use std::path::{Path, PathBuf};

use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::{PyObjectRef, PyResult, Vm};

impl Vm {
    /// `__import__(name, globals, fromlist=fromlist, level=level)`.
    pub fn import_module_level(
        &self,
        name: &PyObjectRef,
        globals: &PyObjectRef,
        fromlist: &PyObjectRef,
        level: i64,
    ) -> PyResult {
        let name = name
            .downcast_ref::<PyStr>()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        if level < 0 {
            return Err(self.new_value_error("level must be >= 0"));
        }
        let abs = if level > 0 {
            self.resolve_relative(&name, globals, level)?
        } else {
            name.clone()
        };
        if abs.is_empty() {
            return Err(self.new_value_error("Empty module name"));
        }
        let module = self.import_absolute(&abs)?;
        let has_fromlist = !fromlist.is(&self.none) && self.is_true(fromlist)?;
        if has_fromlist {
            // Import submodules named in the fromlist of a package.
            if self.get_attr_opt(&module, &self.names.__path__)?.is_some() {
                for item in self.to_vec(fromlist)? {
                    let Some(s) = item.downcast_ref::<PyStr>() else {
                        continue;
                    };
                    if s.as_str() == "*" {
                        continue;
                    }
                    if self.get_attr_opt(&module, &item)?.is_none() {
                        let sub = format!("{}.{}", abs, s.as_str());
                        match self.import_absolute(&sub) {
                            Ok(_) => {}
                            // Only the submodule itself being absent is ignored
                            // (as importlib's `_handle_fromlist` does).
                            Err(e)
                                if self.exc_matches(&e, &self.exc.ModuleNotFoundError)
                                    && self
                                        .get_attr_str(e.as_object(), "name")
                                        .ok()
                                        .and_then(|n| {
                                            n.downcast_ref::<PyStr>().map(|s| s.as_str() == sub)
                                        })
                                        .unwrap_or(false) => {}
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
            return Ok(module);
        }
        if level == 0 {
            let top = abs.split('.').next().unwrap_or(&abs);
            return self
                .modules
                .get_by_str(top)
                .ok_or_else(|| self.new_import_error(format!("import of {top} halted")));
        }
        if name.is_empty() {
            return Ok(module);
        }
        // `from . import x` style with a dotted name: return the first
        // component relative to the package.
        let cut = abs.len() - name.len();
        let first = name.split('.').next().unwrap_or(&name);
        let top = format!("{}{}", &abs[..cut], first);
        Ok(self.modules.get_by_str(&top).unwrap_or(module))
    }

    fn resolve_relative(&self, name: &str, globals: &PyObjectRef, level: i64) -> PyResult<String> {
        let g = globals.downcast_ref::<PyDict>();
        let package = g
            .and_then(|g| g.get_by_str("__package__"))
            .filter(|p| !p.is(&self.none));
        let package: String = match package {
            Some(p) => p
                .downcast_ref::<PyStr>()
                .map(|s| s.as_str().to_string())
                .ok_or_else(|| self.new_type_error("package must be a string"))?,
            None => {
                let modname = g
                    .and_then(|g| g.get_by_str("__name__"))
                    .and_then(|n| n.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
                let is_pkg = g.and_then(|g| g.get_by_str("__path__")).is_some();
                match modname {
                    Some(m) if is_pkg => m,
                    Some(m) => m
                        .rsplit_once('.')
                        .map(|(a, _)| a.to_string())
                        .unwrap_or_default(),
                    None => String::new(),
                }
            }
        };
        if package.is_empty() {
            return Err(
                self.new_import_error("attempted relative import with no known parent package")
            );
        }
        let parts: Vec<&str> = package.split('.').collect();
        if (level as usize) > parts.len() {
            return Err(self.new_import_error("attempted relative import beyond top-level package"));
        }
        let base = parts[..parts.len() - (level as usize - 1)].join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        })
    }

    /// Import a module by its absolute dotted name (parents first).
    /// A `sys.modules` entry: `None` blocks the import, as in importlib.
    fn module_or_halted(&self, m: PyObjectRef, name: &str) -> PyResult {
        if m.is(&self.none) {
            return Err(self.module_not_found(
                format!("import of {name} halted; None in sys.modules"),
                name,
            ));
        }
        Ok(m)
    }

    pub fn import_absolute(&self, name: &str) -> PyResult {
        if let Some(m) = self.modules.get_by_str(name) {
            return self.module_or_halted(m, name);
        }
        let (parent, path) = match name.rsplit_once('.') {
            Some((p, _)) => {
                let pm = self.import_absolute(p)?;
                if let Some(m) = self.modules.get_by_str(name) {
                    return self.module_or_halted(m, name);
                }
                let path = self.get_attr_opt(&pm, &self.names.__path__)?;
                let Some(path) = path else {
                    return Err(self.module_not_found(
                        format!("No module named '{name}'; '{p}' is not a package"),
                        name,
                    ));
                };
                (Some(pm), self.to_vec(&path)?)
            }
            None => (None, Vec::new()),
        };
        let init = self.builtin_modules.borrow().get(name).copied();
        let module = if let Some(init) = init {
            let m = init(self)?;
            self.modules.set_item(self, self.new_str(name), m.clone())?;
            crate::modules::_imp_finder::set_spec(self, &m, name, None)?;
            m
        } else {
            let dirs: Vec<PathBuf> = if parent.is_some() {
                path.iter()
                    .filter_map(|p| p.downcast_ref::<PyStr>().map(|s| PathBuf::from(s.as_str())))
                    .collect()
            } else {
                let sp = self.sys_attr("path")?;
                self.to_vec(&sp)?
                    .iter()
                    .filter_map(|p| {
                        p.downcast_ref::<PyStr>().map(|s| {
                            PathBuf::from(if s.as_str().is_empty() {
                                "."
                            } else {
                                s.as_str()
                            })
                        })
                    })
                    .collect()
            };
            let leaf = name.rsplit('.').next().unwrap_or(name);
            let Some((file, is_pkg)) = find_source(&dirs, leaf) else {
                return Err(self.module_not_found(format!("No module named '{name}'"), name));
            };
            self.load_source_module(name, &file, is_pkg)?
        };
        if let Some(p) = parent {
            let leaf = name.rsplit('.').next().unwrap_or(name);
            self.set_attr_str(&p, leaf, module.clone())?;
        }
        if name == "importlib._bootstrap" {
            crate::modules::_imp_finder::bootstrap_loaded(self)?;
        }
        if name == "importlib._bootstrap_external" {
            crate::import_cache::bootstrap_external_loaded(self, &module);
        }
        Ok(module)
    }

    fn module_not_found(&self, msg: String, name: &str) -> crate::PyBaseExceptionRef {
        let e = self.new_exception_msg(&self.exc.ModuleNotFoundError, msg);
        let _ = self.set_attr_str(e.as_object(), "name", self.new_str(name));
        e
    }

    /// Execute a source file (or a sourceless `.pyc`) as module `name`
    /// and register it.
    pub fn load_source_module(&self, name: &str, file: &Path, is_pkg: bool) -> PyResult {
        let filename = file.to_string_lossy().into_owned();
        let sourceless = file.extension().is_some_and(|e| e == "pyc");
        let (code, cached) = if sourceless {
            (self.sourceless_code(name, file)?, Some(file.to_path_buf()))
        } else {
            let optimize = self.flags.borrow().optimize;
            let cached = crate::import_cache::cache_from_source(file, optimize);
            (
                self.source_code_cached(file, &filename, cached.as_deref())?,
                cached,
            )
        };
        let m = self.new_module(name, None);
        let d = m
            .downcast_ref::<crate::types::module::PyModule>()
            .expect("module")
            .dict
            .clone();
        self.dict_set_str(&d, "__file__", self.new_str(filename.as_str()));
        // `__cached__`: where the bytecode cache is (or would be) kept.
        self.dict_set_str(
            &d,
            "__cached__",
            match &cached {
                Some(c) => crate::import_cache::path_str(self, c),
                None => self.none.clone(),
            },
        );
        self.dict_set_str(
            &d,
            "__builtins__",
            self.builtins_module
                .borrow()
                .clone()
                .unwrap_or_else(|| self.none.clone()),
        );
        if is_pkg {
            let dir = file
                .parent()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.dict_set_str(
                &d,
                "__path__",
                self.new_list(vec![self.new_str(dir.as_str())]),
            );
            self.dict_set_str(&d, "__package__", self.new_str(name));
        } else {
            let pkg = name.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
            self.dict_set_str(&d, "__package__", self.new_str(pkg));
        }
        crate::modules::_imp_finder::set_spec(
            self,
            &m,
            name,
            Some((file, is_pkg, cached.as_deref())),
        )?;
        self.modules.set_item(self, self.new_str(name), m.clone())?;
        let globals = d.as_object().clone();
        if let Err(e) = crate::eval::r#loop::run_code(self, &code, &globals, Some(globals.clone()))
        {
            let _ = self.modules.del_item(self, &self.new_str(name));
            return Err(e);
        }
        // A module may replace itself in sys.modules.
        Ok(self.modules.get_by_str(name).unwrap_or(m))
    }

    /// `compile(source, filename, mode)` to a code object; syntax errors
    /// become `SyntaxError` exceptions with CPython's attributes.
    pub fn compile(&self, source: &str, filename: &str, mode: pyrite_parser::Mode) -> PyResult {
        match crate::compile::compile_source(source, filename, mode) {
            Ok(co) => Ok(self.new_code(co)),
            Err(e) => Err(self.syntax_error_to_exception(&e, filename)),
        }
    }
}

/// Find `leaf` in `dirs`: a package directory with `__init__.py`, or
/// `leaf.py`, or a sourceless `leaf.pyc` (CPython's `FileFinder` order:
/// package, then source before bytecode).
pub(crate) fn find_source(dirs: &[PathBuf], leaf: &str) -> Option<(PathBuf, bool)> {
    for d in dirs {
        for init in ["__init__.py", "__init__.pyc"] {
            let pkg = d.join(leaf).join(init);
            if pkg.is_file() {
                return Some((pkg, true));
            }
        }
        for ext in ["py", "pyc"] {
            let f = d.join(format!("{leaf}.{ext}"));
            if f.is_file() {
                return Some((f, false));
            }
        }
    }
    None
}
