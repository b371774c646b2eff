//! `posix.scandir` and its `DirEntry` objects (what `os.walk` and
//! `shutil` iterate with). Entries keep the directory listing's file type
//! and stat lazily. Mirrors CPython 3.11 `Modules/posixmodule.c`
//! (ScandirIterator, DirEntry).

use std::cell::RefCell;

use super::posix::{os_error, path_string, stat_impl};
use super::type_cache::{native_type, GC};
use crate::args::Args;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

pub struct ScandirIter {
    entries: RefCell<Option<std::vec::IntoIter<(String, String, Option<std::fs::FileType>)>>>,
}

impl Payload for ScandirIter {
    pyrite_core::unique_vtable!(ScandirIter);
}

pub struct DirEntry {
    name: String,
    path: String,
    ftype: Option<std::fs::FileType>,
}

impl Payload for DirEntry {
    pyrite_core::unique_vtable!(DirEntry);
}

fn iter_type(vm: &Vm) -> PyTypeRef {
    native_type::<ScandirIter>(vm, "posix", "ScandirIterator", None, GC, init_iter)
}

fn entry_type(vm: &Vm) -> PyTypeRef {
    native_type::<DirEntry>(vm, "posix", "DirEntry", None, 0, init_entry)
}

pub fn posix_scandir(vm: &Vm, args: Args) -> PyResult {
    let [p] = args.bind(vm, "scandir", ["path"], 0, 0, 1)?;
    let dir = match p {
        Some(p) if !p.is(&vm.none) => path_string(vm, p)?,
        _ => ".".into(),
    };
    let rd = std::fs::read_dir(&dir).map_err(|e| os_error(vm, &e, Some(&dir)))?;
    let mut v = Vec::new();
    for ent in rd.flatten() {
        let name = ent.file_name().to_string_lossy().into_owned();
        let path = if dir.ends_with('/') {
            format!("{dir}{name}")
        } else {
            format!("{dir}/{name}")
        };
        v.push((name, path, ent.file_type().ok()));
    }
    let t = iter_type(vm);
    Ok(vm.alloc(
        ScandirIter {
            entries: RefCell::new(Some(v.into_iter())),
        },
        &t,
    ))
}

fn it_me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a PyObjectRef, &'a ScandirIter)> {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("ScandirIterator method needs an argument"))?;
    let s = o
        .downcast_ref::<ScandirIter>()
        .ok_or_else(|| vm.new_type_error("ScandirIterator expected"))?;
    Ok((o, s))
}

fn it_next(vm: &Vm, args: Args) -> PyResult {
    let (_, s) = it_me(vm, &args)?;
    let next = s.entries.borrow_mut().as_mut().and_then(|i| i.next());
    match next {
        Some((name, path, ftype)) => {
            let t = entry_type(vm);
            Ok(vm.alloc(DirEntry { name, path, ftype }, &t))
        }
        None => {
            *s.entries.borrow_mut() = None;
            Err(vm.new_stop_iteration(None))
        }
    }
}

fn it_self(vm: &Vm, args: Args) -> PyResult {
    Ok(it_me(vm, &args)?.0.clone())
}

fn it_close(vm: &Vm, args: Args) -> PyResult {
    let (_, s) = it_me(vm, &args)?;
    *s.entries.borrow_mut() = None;
    Ok(vm.none.clone())
}

fn init_iter(vm: &Vm, t: &PyTypeRef) {
    vm.add_method(t, "__iter__", it_self);
    vm.add_method(t, "__next__", it_next);
    vm.add_method(t, "__enter__", it_self);
    vm.add_method(t, "__exit__", it_close);
    vm.add_method(t, "close", it_close);
}

fn ent<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a DirEntry> {
    o.downcast_ref::<DirEntry>()
        .ok_or_else(|| vm.new_type_error("DirEntry expected"))
}

fn e_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(ent(vm, o)?.name.as_str()))
}

fn e_path(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(ent(vm, o)?.path.as_str()))
}

fn follow_arg(vm: &Vm, args: &Args, fname: &str) -> PyResult<bool> {
    let [f] = args.shift().bind(vm, fname, ["follow_symlinks"], 0, 0, 0)?;
    match f {
        Some(f) => vm.is_true(f),
        None => Ok(true),
    }
}

/// The entry's type, following a symlink when asked (errors: false).
fn kind(e: &DirEntry, follow: bool) -> Option<std::fs::FileType> {
    match e.ftype {
        Some(t) if !(follow && t.is_symlink()) => Some(t),
        _ => {
            let md = if follow {
                std::fs::metadata(&e.path)
            } else {
                std::fs::symlink_metadata(&e.path)
            };
            md.ok().map(|m| m.file_type())
        }
    }
}

fn e_is_dir(vm: &Vm, args: Args) -> PyResult {
    let e = ent(vm, &args.pos()[0])?;
    let follow = follow_arg(vm, &args, "is_dir")?;
    Ok(vm.new_bool(kind(e, follow).is_some_and(|t| t.is_dir())))
}

fn e_is_file(vm: &Vm, args: Args) -> PyResult {
    let e = ent(vm, &args.pos()[0])?;
    let follow = follow_arg(vm, &args, "is_file")?;
    Ok(vm.new_bool(kind(e, follow).is_some_and(|t| t.is_file())))
}

fn e_is_symlink(vm: &Vm, args: Args) -> PyResult {
    let e = ent(vm, &args.pos()[0])?;
    args.shift().exact::<0>(vm, "is_symlink")?;
    Ok(vm.new_bool(kind(e, false).is_some_and(|t| t.is_symlink())))
}

fn e_stat(vm: &Vm, args: Args) -> PyResult {
    let e = ent(vm, &args.pos()[0])?;
    let follow = follow_arg(vm, &args, "stat")?;
    let p = [vm.new_str(e.path.as_str())];
    stat_impl(vm, Args::positional(&p), follow)
}

fn e_inode(vm: &Vm, args: Args) -> PyResult {
    use std::os::unix::fs::MetadataExt;
    let e = ent(vm, &args.pos()[0])?;
    let md = std::fs::symlink_metadata(&e.path).map_err(|x| os_error(vm, &x, Some(&e.path)))?;
    Ok(vm.new_int(md.ino() as i64))
}

fn e_fspath(vm: &Vm, args: Args) -> PyResult {
    let e = ent(vm, &args.pos()[0])?;
    Ok(vm.new_str(e.path.as_str()))
}

fn e_repr(vm: &Vm, args: Args) -> PyResult {
    let e = ent(vm, &args.pos()[0])?;
    let r = vm.repr_string(&vm.new_str(e.name.as_str()))?;
    Ok(vm.new_str(format!("<DirEntry {r}>")))
}

fn e_new(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_type_error("cannot create 'posix.DirEntry' instances"))
}

fn init_entry(vm: &Vm, t: &PyTypeRef) {
    vm.add_class_getitem(t);
    vm.add_staticmethod(t, "__new__", e_new);
    vm.add_getset(t, "name", e_name, None);
    vm.add_getset(t, "path", e_path, None);
    vm.add_method(t, "is_dir", e_is_dir);
    vm.add_method(t, "is_file", e_is_file);
    vm.add_method(t, "is_symlink", e_is_symlink);
    vm.add_method(t, "stat", e_stat);
    vm.add_method(t, "inode", e_inode);
    vm.add_method(t, "__fspath__", e_fspath);
    vm.add_method(t, "__repr__", e_repr);
}
