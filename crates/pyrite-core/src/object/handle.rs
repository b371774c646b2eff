//! Strong references: [`PyObjectRef`] (any object) and [`PyRef<T>`] (an
//! object whose payload is known to be `T`).
//!
//! Cloning a handle increments the reference count; dropping it decrements,
//! and at zero [`super::dealloc`] runs immediately. Handles are neither
//! `Send` nor `Sync`: an interpreter and its objects belong to one thread.

use std::any::TypeId;
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

use super::dealloc;
use super::header::{
    GcHeader, ObjHeader, Payload, PayloadVTable, PyInner, TypeCore, TypeExt, TypeFlags, TypeObject,
    PAYLOAD_OFFSET,
};

/// A strong reference to any Python object.
#[repr(transparent)]
pub struct PyObjectRef {
    ptr: NonNull<ObjHeader>,
    _not_send: PhantomData<*const ()>,
}

/// A strong reference to an object whose payload is a `T`.
#[repr(transparent)]
pub struct PyRef<T: Payload> {
    ptr: NonNull<ObjHeader>,
    _marker: PhantomData<(*const (), T)>,
}

/// Error from allocation: the memory cap was hit or the system is out of
/// memory. The VM turns it into `MemoryError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllocError;

impl PyObjectRef {
    #[inline]
    fn header(&self) -> &ObjHeader {
        // SAFETY: a handle keeps its object alive, so the header is valid for
        // as long as `self` is borrowed.
        unsafe { self.ptr.as_ref() }
    }

    /// The raw address, for `id()` and identity comparisons.
    #[inline]
    pub fn as_ptr(&self) -> *const ObjHeader {
        self.ptr.as_ptr()
    }

    /// The address as an integer (CPython's `id()`).
    #[inline]
    pub fn id(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// `a is b`.
    #[inline]
    pub fn is(&self, other: &PyObjectRef) -> bool {
        self.ptr == other.ptr
    }

    /// The current reference count (`sys.getrefcount` minus its argument).
    #[inline]
    pub fn refcount(&self) -> usize {
        self.header().refcnt.get()
    }

    /// The type object of this object (`ob_type`), borrowed.
    #[inline]
    pub fn class(&self) -> &PyObjectRef {
        let cell: &Cell<NonNull<ObjHeader>> = &self.header().ty;
        // The type pointer always points to a live type object: instances of
        // heap types hold a reference to it, static types are never freed, and
        // `set_class` keeps replaced types alive until interpreter shutdown.
        // SAFETY: `PyObjectRef` and `Cell` are `repr(transparent)` over
        // `NonNull<ObjHeader>`, and the pointee outlives the borrow (above).
        unsafe { &*(cell as *const Cell<NonNull<ObjHeader>>).cast::<PyObjectRef>() }
    }

    /// The core part of this object's type.
    #[inline]
    pub fn type_core(&self) -> &TypeCore {
        type_core_of(self.header())
    }

    /// The payload vtable of this object.
    #[inline]
    pub fn vtable(&self) -> &'static PayloadVTable {
        self.type_core().vtable.get()
    }

    /// Whether the payload is a `T`.
    #[inline]
    pub fn is_payload<T: Payload>(&self) -> bool {
        let vt = self.vtable();
        std::ptr::eq(vt, T::VTABLE) || (!T::UNIQUE && vt.type_id == TypeId::of::<T>())
    }

    /// Borrow the payload as a `T`, if it is one.
    #[inline]
    pub fn downcast_ref<T: Payload>(&self) -> Option<&T> {
        if self.is_payload::<T>() {
            // SAFETY: the payload kind was just checked; the block holds a
            // `PyInner<T>` kept alive by `self`.
            Some(unsafe { &(*self.ptr.cast::<PyInner<T>>().as_ptr()).payload })
        } else {
            None
        }
    }

    /// Borrow the payload mutably, if it is a `T` and this handle is the
    /// object's only reference: nobody else can see the change, so an
    /// arithmetic result may be written into a dying operand instead of a
    /// fresh block. Objects the collector or weak references can reach
    /// through raw pointers (GC-tracked or weakly referenceable types) are
    /// never lent out this way.
    #[inline]
    pub fn unique_payload_mut<T: Payload>(&mut self) -> Option<&mut T> {
        if self.refcount() != 1 {
            return None;
        }
        let core = self.type_core();
        let reachable = TypeFlags::HAS_GC | TypeFlags::HAS_WEAKLIST;
        if core.flags.get().0 & reachable != 0 || !self.is_payload::<T>() {
            return None;
        }
        // The count of 1 is this handle's, borrowed mutably for the
        // result's lifetime: no other handle (or borrow through one) exists,
        // and neither the collector nor a weak reference holds a raw path.
        let inner = self.ptr.cast::<PyInner<T>>().as_ptr();
        // SAFETY: the payload is a `T` (checked) and nothing else can reach it (above).
        Some(unsafe { &mut (*inner).payload })
    }

    /// Turn into a typed handle, if the payload is a `T`.
    #[inline]
    pub fn downcast<T: Payload>(self) -> Result<PyRef<T>, PyObjectRef> {
        if self.is_payload::<T>() {
            let r = PyRef {
                ptr: self.ptr,
                _marker: PhantomData,
            };
            std::mem::forget(self);
            Ok(r)
        } else {
            Err(self)
        }
    }

    /// Typed handle from a borrowed one (increments the count).
    #[inline]
    pub fn downcast_clone<T: Payload>(&self) -> Option<PyRef<T>> {
        self.clone().downcast().ok()
    }

    /// The instance-dict slot, if this object's type gives it one.
    #[inline]
    pub fn dict_slot(&self) -> Option<&Cell<Option<PyObjectRef>>> {
        let flags = self.type_core().flags.get();
        if !flags.has(TypeFlags::HAS_DICT) {
            return None;
        }
        let off = flags.dict_offset();
        // SAFETY: the type has HAS_DICT, and layout flags never change after
        // creation, so the block was allocated with a dict slot `off` bytes
        // before the header, initialised to `None` by `alloc_object`.
        Some(unsafe {
            &*(self.ptr.as_ptr() as *const u8)
                .sub(off)
                .cast::<Cell<Option<PyObjectRef>>>()
        })
    }

    /// Whether the object has a dict slot holding a dict (for instances
    /// with inline attribute values: whether they are in dict mode). Reads
    /// the slot without taking the value out and putting it back.
    #[inline]
    pub fn dict_slot_is_set(&self) -> bool {
        self.dict_slot().is_some_and(|c| {
            // SAFETY: `Cell` never hands out references to its contents and
            // is not `Sync`, so no other access to the value can be in
            // progress while this one-word read happens.
            unsafe { (*c.as_ptr()).is_some() }
        })
    }

    /// The weak-reference list slot, if this object's type gives it one.
    #[inline]
    pub fn weaklist_slot(&self) -> Option<&Cell<usize>> {
        let flags = self.type_core().flags.get();
        if !flags.has(TypeFlags::HAS_WEAKLIST) {
            return None;
        }
        let off = flags.weaklist_offset();
        // SAFETY: as for `dict_slot`: the slot exists and was initialised to 0.
        Some(unsafe {
            &*(self.ptr.as_ptr() as *const u8)
                .sub(off)
                .cast::<Cell<usize>>()
        })
    }

    /// The GC header, if this object is a container.
    #[inline]
    pub fn gc_header(&self) -> Option<&GcHeader> {
        if !self.type_core().flags.get().has(TypeFlags::HAS_GC) {
            return None;
        }
        // SAFETY: the block has a GC header right before the object header.
        Some(unsafe { &*(self.ptr.as_ptr() as *const u8).sub(16).cast::<GcHeader>() })
    }

    /// Visit the references this object holds: dict slot, payload, and the
    /// type of a heap-type instance (which owns a reference to it, so the
    /// collector must see it to free a class in a cycle with its instances,
    /// as CPython's `subtype_traverse` does).
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(d) = self.dict_slot() {
            let v = d.take();
            if let Some(o) = &v {
                visit(o);
            }
            d.set(v);
        }
        (self.vtable().traverse)(self, visit);
        if self.type_core().flags.get().has(TypeFlags::HEAPTYPE) {
            visit(self.class());
        }
    }

    /// Replace this object's type (`obj.__class__ = cls`). The caller (the VM)
    /// checks that the layouts are compatible: same payload vtable and same
    /// flags-determined prefix. Returns false, changing nothing, otherwise.
    pub fn set_class(&self, cls: &PyObjectRef) -> bool {
        let new_core = own_type_core(cls);
        let old_core = self.type_core();
        if !std::ptr::eq(new_core.vtable.get(), old_core.vtable.get())
            || new_core.flags.get().prefix_size() != old_core.flags.get().prefix_size()
        {
            return false;
        }
        let old = self.header().ty.get();
        if new_core.flags.get().has(TypeFlags::HEAPTYPE) {
            std::mem::forget(cls.clone());
        }
        self.header().ty.set(cls.ptr);
        // The old type may be borrowed through `class()` right now, so keep it
        // alive until shutdown instead of dropping our reference to it.
        dealloc::keep_alive(old);
        true
    }

    /// Allocate an object of type `cls` holding `payload`.
    ///
    /// Fails with `AllocError` if memory is exhausted, and with `Err` if the
    /// type's instances do not have payload kind `T`.
    #[inline]
    pub fn new<T: Payload>(payload: T, cls: &PyObjectRef) -> Result<PyRef<T>, AllocError> {
        Self::new_in(payload, cls, false)
    }

    /// The common case inline: a leaf payload (int, float, str...) of a
    /// builtin type whose instances have no prefix, so the block's size and
    /// size class are constants of `T`; everything else (and any allocation
    /// near the memory cap) goes through [`Self::new_general`]. (Containers
    /// are GC-tracked, hence prefixed, so they skip the test.)
    #[inline(always)]
    fn new_in<T: Payload>(
        payload: T,
        cls: &PyObjectRef,
        reserve: bool,
    ) -> Result<PyRef<T>, AllocError> {
        let core = own_type_core(cls);
        let shaped =
            TypeFlags::HEAPTYPE | TypeFlags::HAS_GC | TypeFlags::HAS_DICT | TypeFlags::HAS_WEAKLIST;
        if T::LEAF
            && T::UNIQUE
            && core.flags.get().0 & shaped == 0
            && std::ptr::eq(core.vtable.get(), T::VTABLE)
        {
            let layout = std::alloc::Layout::new::<PyInner<T>>();
            if let Some(block) = crate::alloc::alloc_small_fast(layout) {
                let obj = block.cast::<PyInner<T>>();
                // `block` is fresh and has `PyInner<T>`'s size; pool blocks
                // are 16-aligned and `alloc_small_fast` refuses larger
                // alignments. The type takes no prefix, its instances are
                // `T` (both checked above), and a static type needs no
                // reference from its instances.
                // SAFETY: a fresh, fitting, aligned block for this type (above).
                unsafe {
                    obj.as_ptr().write(PyInner {
                        head: ObjHeader {
                            refcnt: Cell::new(1),
                            ty: Cell::new(cls.ptr),
                        },
                        payload,
                    });
                }
                return Ok(PyRef {
                    ptr: obj.cast::<ObjHeader>(),
                    _marker: PhantomData,
                });
            }
        }
        Self::new_general(payload, cls, reserve)
    }

    #[inline]
    fn new_general<T: Payload>(
        payload: T,
        cls: &PyObjectRef,
        reserve: bool,
    ) -> Result<PyRef<T>, AllocError> {
        let core = own_type_core(cls);
        let vt = core.vtable.get();
        // The pointer comparison settles it at once for payloads with a
        // unique vtable (`unique_vtable!`); the `TypeId` one covers copies.
        assert!(
            std::ptr::eq(vt, T::VTABLE) || vt.type_id == TypeId::of::<T>(),
            "payload {} does not match the type's layout {}",
            std::any::type_name::<T>(),
            (core.vtable.get().name)()
        );
        let flags = core.flags.get();
        if flags.has(TypeFlags::HEAPTYPE) {
            std::mem::forget(cls.clone());
        }
        // SAFETY: `cls` is a live type object whose instances are `T`.
        let r = unsafe { alloc_object(payload, cls.ptr, flags, reserve) };
        if r.is_err() && flags.has(TypeFlags::HEAPTYPE) {
            // SAFETY: undo the reference taken above.
            unsafe { dealloc::decref(cls.ptr) };
        }
        r
    }

    /// As [`Self::new`], but past the memory cap the block comes from a small
    /// reserve and the pending-`MemoryError` flag is set
    /// ([`crate::alloc::take_memory_error_pending`]).
    #[inline]
    pub fn new_with_reserve<T: Payload>(
        payload: T,
        cls: &PyObjectRef,
    ) -> Result<PyRef<T>, AllocError> {
        Self::new_in(payload, cls, true)
    }

    /// Create a type object whose instances have payload kind `I`, with
    /// metatype `meta` (`None`: the new type is its own type, as `type` is).
    pub fn new_type<E: TypeExt, I: Payload>(
        ext: E,
        flags: u32,
        meta: Option<&PyObjectRef>,
    ) -> Result<PyRef<TypeObject<E>>, AllocError> {
        Self::new_type_with_vtable(ext, flags, meta, I::VTABLE)
    }

    /// As [`Self::new_type`], with the instance vtable taken from another type
    /// (a subclass inherits its base's payload kind).
    pub fn new_type_with_vtable<E: TypeExt>(
        ext: E,
        flags: u32,
        meta: Option<&PyObjectRef>,
        vtable: &'static PayloadVTable,
    ) -> Result<PyRef<TypeObject<E>>, AllocError> {
        let flags = if meta.is_none() {
            flags | TypeFlags::INSTANCES_ARE_TYPES
        } else {
            flags
        };
        let payload = TypeObject {
            core: TypeCore {
                vtable: Cell::new(vtable),
                flags: Cell::new(TypeFlags(flags)),
            },
            ext,
        };
        match meta {
            Some(m) => Self::new(payload, m),
            None => {
                // `type` itself: allocate with a dangling type pointer, then
                // point it at itself. Type objects are GC containers with a
                // dict-less, weakref-less layout from the core's view.
                let (ty, flags) = (NonNull::dangling(), TypeFlags(flags));
                // SAFETY: the type pointer is fixed up below before any use, and
                // the block's prefix follows `flags`, which are then its type's.
                let r = unsafe { alloc_object(payload, ty, flags, false) }?;
                // SAFETY: `r` is fresh and uniquely ours.
                unsafe { r.ptr.as_ref().ty.set(r.ptr) };
                Ok(r)
            }
        }
    }

    /// A handle from a raw header pointer, taking a new reference.
    ///
    /// # Safety
    /// `ptr` must point to a live object.
    pub unsafe fn from_raw_incref(ptr: *const ObjHeader) -> PyObjectRef {
        // SAFETY: by the contract the object is live.
        let h = unsafe { &*ptr };
        h.refcnt.set(h.refcnt.get() + 1);
        PyObjectRef {
            // SAFETY: a live object's address is non-null.
            ptr: unsafe { NonNull::new_unchecked(ptr as *mut ObjHeader) },
            _not_send: PhantomData,
        }
    }

    pub(crate) fn from_nonnull_no_incref(ptr: NonNull<ObjHeader>) -> PyObjectRef {
        PyObjectRef {
            ptr,
            _not_send: PhantomData,
        }
    }

    pub(crate) fn into_nonnull(self) -> NonNull<ObjHeader> {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }
}

/// The `TypeCore` of `cls` itself (which must be a type object).
///
/// Panics if `cls` is not a type object: that is a bug in the caller.
#[inline]
fn own_type_core(cls: &PyObjectRef) -> &TypeCore {
    assert!(
        cls.type_core()
            .flags
            .get()
            .has(TypeFlags::INSTANCES_ARE_TYPES),
        "allocation with a class that is not a type object"
    );
    // SAFETY: `cls`'s type says its instances are type objects, i.e.
    // `PyInner<TypeObject<E>>` blocks whose `repr(C)` payload starts with
    // `TypeCore` at `PAYLOAD_OFFSET`; `cls` is kept alive by the borrow.
    unsafe {
        &*(cls.as_ptr() as *const u8)
            .add(PAYLOAD_OFFSET)
            .cast::<TypeCore>()
    }
}

/// Read the `TypeCore` of the type object `ty_header` is the header of.
#[inline]
pub(crate) fn type_core_of(h: &ObjHeader) -> &TypeCore {
    let ty = h.ty.get();
    // Every type object is a `PyInner<TypeObject<E>>` (only `new_type*`
    // creates objects usable as types), whose payload is `repr(C)` with
    // `TypeCore` first, at `PAYLOAD_OFFSET`.
    // SAFETY: a live object's type pointer is a live type object (see
    // `class`), so the `TypeCore` read here is valid for the borrow.
    unsafe {
        &*(ty.as_ptr() as *const u8)
            .add(PAYLOAD_OFFSET)
            .cast::<TypeCore>()
    }
}

/// Allocate and initialise a block.
///
/// # Safety
/// `ty` is a live type object (or dangling, fixed up by the caller before use)
/// whose instances are `PyInner<T>` with prefix given by `flags`.
#[inline]
unsafe fn alloc_object<T: Payload>(
    payload: T,
    ty: NonNull<ObjHeader>,
    flags: TypeFlags,
    reserve: bool,
) -> Result<PyRef<T>, AllocError> {
    const { assert!(std::mem::align_of::<T>() <= 8) };
    let prefix = flags.prefix_size();
    let inner = std::alloc::Layout::new::<PyInner<T>>();
    let layout = std::alloc::Layout::from_size_align(prefix + inner.size(), inner.align().max(8))
        .map_err(|_| AllocError)?;
    let block = crate::alloc::alloc_block_in(layout, reserve).ok_or(AllocError)?;
    // The prefix is a multiple of 8 and T's alignment is at most 8, so the
    // header after the prefix is aligned for `PyInner<T>`.
    // SAFETY: `block` is a fresh allocation of `prefix + size_of::<PyInner<T>>()`
    // bytes; every prefix slot and the whole `PyInner<T>` are initialised
    // before a handle is handed out.
    unsafe {
        let base = block.as_ptr();
        if prefix != 0 {
            std::ptr::write_bytes(base, 0, prefix);
        }
        if flags.has(TypeFlags::HAS_DICT) {
            let slot = base
                .add(prefix - flags.dict_offset())
                .cast::<Option<PyObjectRef>>();
            slot.write(None);
        }
        let obj = base.add(prefix).cast::<PyInner<T>>();
        obj.write(PyInner {
            head: ObjHeader {
                refcnt: Cell::new(1),
                ty: Cell::new(ty),
            },
            payload,
        });
        if flags.has(TypeFlags::HAS_GC) {
            // The collector keeps addresses (not references) in its lists and
            // turns them back into pointers: expose the whole block's
            // provenance so that those pointers may reach every field.
            let _ = base.expose_provenance();
            // The GC header is the last prefix slot, zeroed above.
            crate::gc::on_alloc(
                &*base
                    .add(prefix - std::mem::size_of::<GcHeader>())
                    .cast::<GcHeader>(),
            );
        }
        Ok(PyRef {
            ptr: NonNull::new_unchecked(obj.cast::<ObjHeader>()),
            _marker: PhantomData,
        })
    }
}

/// View a run of value-stack slots as strong references, when none of them
/// is empty: lets the eval loop pass a call's arguments straight from its
/// stack instead of moving them into a new vector.
#[inline]
pub fn slots_as_refs(slots: &[Option<PyObjectRef>]) -> Option<&[PyObjectRef]> {
    if !slots.iter().all(Option::is_some) {
        return None;
    }
    // `PyObjectRef` is `repr(transparent)` over `NonNull` (plus a zero-sized
    // marker), so `Option<PyObjectRef>` has the guaranteed null-pointer-
    // optimised layout of a nullable pointer, identical to `PyObjectRef`'s.
    let raw = slots as *const [Option<PyObjectRef>] as *const [PyObjectRef];
    // SAFETY: same layout (above); every element was just checked to be
    // `Some`, a valid handle; the borrow of `slots` keeps them alive and
    // unchanged for the returned lifetime.
    let refs = unsafe { &*raw };
    Some(refs)
}

impl Clone for PyObjectRef {
    #[inline]
    fn clone(&self) -> Self {
        let h = self.header();
        h.refcnt.set(h.refcnt.get() + 1);
        PyObjectRef {
            ptr: self.ptr,
            _not_send: PhantomData,
        }
    }
}

impl Drop for PyObjectRef {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: `self` owns one reference to a live object.
        unsafe { dealloc::decref(self.ptr) }
    }
}

impl std::fmt::Debug for PyObjectRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object at {:p}>", (self.vtable().name)(), self.ptr)
    }
}

impl<T: Payload> PyRef<T> {
    /// The untyped handle (no count change).
    #[inline]
    pub fn into_object(self) -> PyObjectRef {
        let p = self.ptr;
        std::mem::forget(self);
        PyObjectRef {
            ptr: p,
            _not_send: PhantomData,
        }
    }

    /// Borrow as an untyped handle.
    #[inline]
    pub fn as_object(&self) -> &PyObjectRef {
        // SAFETY: both handle types are `repr(transparent)` over the same
        // `NonNull<ObjHeader>`; a `PyRef<T>` is a valid `PyObjectRef`.
        unsafe { &*(self as *const PyRef<T>).cast::<PyObjectRef>() }
    }
}

impl<T: Payload> std::ops::Deref for PyRef<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: a `PyRef<T>` is only made after checking the payload kind,
        // and it keeps the object alive.
        unsafe { &(*self.ptr.cast::<PyInner<T>>().as_ptr()).payload }
    }
}

impl<T: Payload> Clone for PyRef<T> {
    #[inline]
    fn clone(&self) -> Self {
        std::mem::forget(self.as_object().clone());
        PyRef {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl<T: Payload> Drop for PyRef<T> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: `self` owns one reference to a live object.
        unsafe { dealloc::decref(self.ptr) }
    }
}

impl<T: Payload> From<PyRef<T>> for PyObjectRef {
    fn from(r: PyRef<T>) -> Self {
        r.into_object()
    }
}

impl<T: Payload> std::fmt::Debug for PyRef<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_object().fmt(f)
    }
}

impl<E: TypeExt> PyRef<TypeObject<E>> {
    /// The core part of this type object.
    pub fn core(&self) -> &TypeCore {
        &self.core
    }
}
