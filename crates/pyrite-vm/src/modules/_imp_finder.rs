//! Pyrite's import system as importlib sees it: a meta path finder
//! (`_pyrite_importer.PyriteFinder`, appended to `sys.meta_path` when
//! `_imp` is first imported) that finds modules exactly as the native
//! import statement does, so `importlib.import_module`,
//! `importlib.util.find_spec`, `runpy` and `pkgutil` see the same modules
//! with real `ModuleSpec`s. Its loader executes through the same bytecode
//! cache as the import statement.

use std::path::{Path, PathBuf};

use crate::args::Args;
use crate::types::str::PyStr;
use crate::{PyObjectRef, PyResult, Vm};

/// The Python half: thin classes over `_imp._pyrite_find` / `_pyrite_exec`.
const SOURCE: &str = r#"
import sys
import _imp


class PyriteLoader:
    """Loads a module found by PyriteFinder (source or sourceless)."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        _imp._pyrite_exec(module, self.path)

    def is_package(self, fullname):
        return self.path.rsplit('/', 1)[-1].startswith('__init__.')

    def get_filename(self, fullname=None):
        return self.path

    def get_data(self, path):
        with open(path, 'rb') as f:
            return f.read()

    def get_source(self, fullname):
        if self.path.endswith('.pyc'):
            return None
        with open(self.path, encoding='utf-8') as f:
            return f.read()

    def get_code(self, fullname):
        return _imp._pyrite_code(self.path)

    def get_resource_reader(self, fullname):
        return None


def _spec(fullname, origin, search, cached):
    """The spec of a module found at `origin` (a package when `search`)."""
    bootstrap = sys.modules['importlib._bootstrap']
    spec = bootstrap.ModuleSpec(fullname, PyriteLoader(fullname, origin),
                                origin=origin, is_package=search is not None)
    if search is not None:
        spec.submodule_search_locations = [search]
    spec.cached = cached
    spec.has_location = True
    return spec


def _builtin_spec(fullname):
    bootstrap = sys.modules['importlib._bootstrap']
    # Built directly: spec_from_loader would ask the loader, which needs
    # the bootstrap's `_setup` to have run.
    return bootstrap.ModuleSpec(fullname, bootstrap.BuiltinImporter,
                                origin='built-in')


def _backfill():
    """Give modules imported before importlib's bootstrap existed the specs
    importlib would have given them (`__main__` keeps None, as in CPython)."""
    for name, module in list(sys.modules.items()):
        if name == '__main__' or getattr(module, '__spec__', 0) is not None:
            continue
        file = getattr(module, '__file__', None)
        if file is None:
            if not _imp.is_builtin(name):
                continue
            spec = _builtin_spec(name)
        else:
            path = getattr(module, '__path__', None)
            spec = _spec(name, file, path[0] if path else None,
                         getattr(module, '__cached__', None))
        try:
            module.__spec__ = spec
            module.__loader__ = spec.loader
        except AttributeError:
            pass


class PyriteFinder:
    """Finds modules on sys.path (or a package's __path__) the way
    Pyrite's import statement does; built-in modules too."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        bootstrap = sys.modules.get('importlib._bootstrap')
        if bootstrap is None:
            return None
        if path is None and _imp.is_builtin(fullname):
            return _builtin_spec(fullname)
        found = _imp._pyrite_find(fullname, path)
        if found is None:
            return None
        return _spec(fullname, *found)

    @classmethod
    def invalidate_caches(cls):
        pass
"#;

fn dirs_of(vm: &Vm, path: &PyObjectRef) -> PyResult<Vec<PathBuf>> {
    let list = if path.is(&vm.none) {
        vm.sys_attr("path")?
    } else {
        path.clone()
    };
    Ok(vm
        .to_vec(&list)?
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
        .collect())
}

fn str_of(vm: &Vm, p: &Path) -> PyObjectRef {
    vm.new_str(p.to_string_lossy().as_ref())
}

/// `_imp._pyrite_find(fullname, path)`: `(origin, search_dir or None,
/// cached or None)`, or None when not found.
fn pyrite_find(vm: &Vm, args: Args) -> PyResult {
    let [name, path] = args.exact::<2>(vm, "_pyrite_find")?;
    let name = vm.str_string(name)?;
    let dirs = dirs_of(vm, path)?;
    let leaf = name.rsplit('.').next().unwrap_or(&name);
    let Some((file, is_pkg)) = crate::import::find_source(&dirs, leaf) else {
        return Ok(vm.none.clone());
    };
    let search = if is_pkg {
        file.parent()
            .map(|p| str_of(vm, p))
            .unwrap_or_else(|| vm.none.clone())
    } else {
        vm.none.clone()
    };
    let cached = if file.extension().is_some_and(|e| e == "pyc") {
        Some(file.clone())
    } else {
        crate::import_cache::cache_from_source(&file, vm.flags.borrow().optimize)
    };
    Ok(vm.new_tuple(vec![
        str_of(vm, &file),
        search,
        cached
            .map(|c| str_of(vm, &c))
            .unwrap_or_else(|| vm.none.clone()),
    ]))
}

fn code_for(vm: &Vm, path: &str, name: &str) -> PyResult {
    let file = Path::new(path);
    if file.extension().is_some_and(|e| e == "pyc") {
        vm.sourceless_code(name, file)
    } else {
        let cached = crate::import_cache::cache_from_source(file, vm.flags.borrow().optimize);
        vm.source_code_cached(file, path, cached.as_deref())
    }
}

/// `_imp._pyrite_code(path)`: the code of a module file (cached).
fn pyrite_code(vm: &Vm, args: Args) -> PyResult {
    let [path] = args.exact::<1>(vm, "_pyrite_code")?;
    let path = vm.str_string(path)?;
    code_for(vm, &path, "")
}

/// `_imp._pyrite_exec(module, path)`: run a module file in `module`.
fn pyrite_exec(vm: &Vm, args: Args) -> PyResult {
    let [module, path] = args.exact::<2>(vm, "_pyrite_exec")?;
    let path = vm.str_string(path)?;
    let name = vm
        .get_attr_str(module, "__name__")
        .and_then(|n| vm.str_string(&n))
        .unwrap_or_default();
    let code = code_for(vm, &path, &name)?;
    let globals = module
        .downcast_ref::<crate::types::module::PyModule>()
        .map(|m| m.dict.as_object().clone())
        .ok_or_else(|| vm.new_type_error("exec_module() needs a module"))?;
    let d = vm.module_dict(module).expect("module");
    if d.get_by_str("__builtins__").is_none() {
        if let Some(b) = vm.builtins_module.borrow().clone() {
            vm.dict_set_str(d, "__builtins__", b);
        }
    }
    crate::eval::r#loop::run_code(vm, &code, &globals, Some(globals.clone()))?;
    Ok(vm.none.clone())
}

/// The importer module, once importlib's bootstrap is loaded (before
/// that, modules get no spec, as nothing could make one).
fn importer(vm: &Vm) -> Option<PyObjectRef> {
    vm.modules.get_by_str("importlib._bootstrap")?;
    vm.modules.get_by_str("_pyrite_importer")
}

/// Give a module imported by the import statement the `__spec__` and
/// `__loader__` importlib would have given it (`file` None: built-in).
pub fn set_spec(
    vm: &Vm,
    module: &PyObjectRef,
    name: &str,
    file: Option<(&Path, bool, Option<&Path>)>,
) -> PyResult<()> {
    let Some(imp) = importer(vm) else {
        return Ok(());
    };
    let Some(d) = vm.module_dict(module) else {
        return Ok(());
    };
    let spec = match file {
        None => {
            let f = vm.get_attr_str(&imp, "_builtin_spec")?;
            vm.call(&f, &[vm.new_str(name)])?
        }
        Some((file, is_pkg, cached)) => {
            let f = vm.get_attr_str(&imp, "_spec")?;
            let search = match (is_pkg, file.parent()) {
                (true, Some(p)) => str_of(vm, p),
                _ => vm.none.clone(),
            };
            let cached = cached
                .map(|c| str_of(vm, c))
                .unwrap_or_else(|| vm.none.clone());
            vm.call(&f, &[vm.new_str(name), str_of(vm, file), search, cached])?
        }
    };
    let loader = vm.get_attr_str(&spec, "loader")?;
    vm.dict_set_str(d, "__spec__", spec);
    vm.dict_set_str(d, "__loader__", loader);
    Ok(())
}

/// After `importlib._bootstrap` is first loaded: back-fill the specs of
/// the modules imported before it.
pub fn bootstrap_loaded(vm: &Vm) -> PyResult<()> {
    if let Some(imp) = importer(vm) {
        let f = vm.get_attr_str(&imp, "_backfill")?;
        vm.call(&f, &[])?;
    }
    Ok(())
}

/// Add the native helpers to `_imp`'s namespace and put `PyriteFinder`
/// on `sys.meta_path` (once).
pub fn install(vm: &Vm, imp_dict: &crate::types::dict::PyDict) -> PyResult<()> {
    vm.add_function(imp_dict, "_imp", "_pyrite_find", pyrite_find);
    vm.add_function(imp_dict, "_imp", "_pyrite_exec", pyrite_exec);
    vm.add_function(imp_dict, "_imp", "_pyrite_code", pyrite_code);
    Ok(())
}

/// Create `_pyrite_importer` and register its finder (called after `_imp`
/// is in `sys.modules`, since the module imports it).
pub fn register_finder(vm: &Vm) -> PyResult<()> {
    if vm.modules.get_by_str("_pyrite_importer").is_some() {
        return Ok(());
    }
    let code = vm.compile(SOURCE, "<pyrite importer>", pyrite_parser::Mode::Exec)?;
    let m = vm.new_module("_pyrite_importer", None);
    let d = vm.module_dict(&m).expect("module");
    if let Some(b) = vm.builtins_module.borrow().clone() {
        vm.dict_set_str(d, "__builtins__", b);
    }
    vm.modules
        .set_item(vm, vm.new_str("_pyrite_importer"), m.clone())?;
    let globals = m
        .downcast_ref::<crate::types::module::PyModule>()
        .map(|m| m.dict.as_object().clone())
        .expect("module");
    crate::eval::r#loop::run_code(vm, &code, &globals, Some(globals.clone()))?;
    let finder = vm.get_attr_str(&m, "PyriteFinder")?;
    let meta = vm.sys_attr("meta_path")?;
    vm.call_method(&meta, "append", &[finder])?;
    Ok(())
}
