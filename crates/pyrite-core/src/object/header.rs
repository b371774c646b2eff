//! The object header and the memory layout of an object block.
//!
//! A block, from low to high addresses:
//!
//! ```text
//!   [weaklist: *mut ()]        if TypeFlags::HAS_WEAKLIST
//!   [dict: Option<PyObjectRef>] if TypeFlags::HAS_DICT
//!   [GcHeader: next, prev]      if TypeFlags::HAS_GC
//!   ObjHeader { refcnt, ty }    <- every handle points here
//!   payload T                   (always at header + 16)
//! ```
//!
//! The prefix is decided by the *type's* flags, so a subclass of `list` gets a
//! dict slot while plain lists do not, as in CPython. Type objects are objects
//! whose payload begins with [`TypeCore`]: that is how the core finds the
//! vtable that drops and traverses an object's payload.

use std::alloc::Layout;
use std::any::TypeId;
use std::cell::Cell;
use std::ptr::NonNull;

use super::handle::PyObjectRef;

/// `ob_refcnt` and `ob_type`: the seed's `PyObject_HEAD`.
#[repr(C)]
pub struct ObjHeader {
    pub(crate) refcnt: Cell<usize>,
    pub(crate) ty: Cell<NonNull<ObjHeader>>,
}

/// The header plus a payload; every object is one of these.
#[repr(C)]
pub struct PyInner<T> {
    pub(crate) head: ObjHeader,
    pub(crate) payload: T,
}

/// Offset of the payload from the header (payload alignment is at most 16).
pub const PAYLOAD_OFFSET: usize = std::mem::size_of::<ObjHeader>();

/// The two GC links before a container's header (CPython's `PyGC_Head`).
#[repr(C)]
pub struct GcHeader {
    pub next: Cell<usize>,
    pub prev: Cell<usize>,
}

/// Per-Rust-payload-kind functions: how to drop and traverse a payload.
pub struct PayloadVTable {
    pub type_id: TypeId,
    pub name: fn() -> &'static str,
    /// Layout of `PyInner<T>` (without prefix).
    pub layout: Layout,
    /// Drops the payload in place.
    ///
    /// # Safety
    /// The header must belong to a live block whose payload is this kind;
    /// the payload must not be used afterwards.
    pub drop_payload: unsafe fn(NonNull<ObjHeader>),
    /// Visits every strong reference the payload holds.
    /// (Takes the handle, not `&ObjHeader`: a pointer derived from a
    /// header reference may not reach the payload after it.)
    pub traverse: fn(&PyObjectRef, &mut dyn FnMut(&PyObjectRef)),
    /// Drops every strong reference the payload holds that can be part of a
    /// cycle (CPython's `tp_clear`), leaving a valid, emptied payload.
    pub clear: fn(&PyObjectRef),
    /// The payload holds no object references ([`Payload::LEAF`]): freeing
    /// it cannot free anything else, so it needs no trashcan bookkeeping.
    pub leaf: bool,
    /// Dropping the payload does something (`std::mem::needs_drop`).
    pub needs_drop: bool,
}

impl PayloadVTable {
    /// The vtable of payload kind `T`.
    pub const fn of<T: Payload>() -> PayloadVTable {
        PayloadVTable {
            type_id: TypeId::of::<T>(),
            name: std::any::type_name::<T>,
            layout: Layout::new::<PyInner<T>>(),
            drop_payload: drop_payload::<T>,
            traverse: traverse_payload::<T>,
            clear: clear_payload::<T>,
            leaf: T::LEAF,
            needs_drop: std::mem::needs_drop::<T>(),
        }
    }
}

/// Inside `impl Payload for T`: give `T` a vtable in a `static`, so objects
/// of kind `T` are recognised by one pointer comparison (see
/// [`Payload::VTABLE`]).
#[macro_export]
macro_rules! unique_vtable {
    ($t:ty) => {
        const VTABLE: &'static $crate::PayloadVTable = {
            static VT: $crate::PayloadVTable = $crate::PayloadVTable::of::<$t>();
            &VT
        };
        const UNIQUE: bool = true;
    };
}

/// A Rust type that can be the payload of a Python object.
pub trait Payload: 'static + Sized {
    /// The vtable of this payload kind.
    ///
    /// The default is a constant, and Rust may instantiate a constant once
    /// per codegen unit: objects made in one crate then carry a vtable
    /// whose address differs from the one another crate's `VTABLE` names,
    /// and every downcast falls back to comparing `TypeId`s. Payloads on
    /// hot paths declare theirs with [`unique_vtable!`](crate::unique_vtable),
    /// which puts it in a `static` (one address) and sets [`Self::UNIQUE`].
    const VTABLE: &'static PayloadVTable = &PayloadVTable::of::<Self>();

    /// `VTABLE` is a `static`: every object of this kind carries exactly
    /// that address, so a downcast is one pointer comparison. (Set only by
    /// `unique_vtable!`; a wrong `true` could only make downcasts fail.)
    const UNIQUE: bool = false;

    /// Set to `true` by payloads that hold no `PyObjectRef` at all (ints,
    /// floats, strings, bytes): their deallocation takes a shorter path.
    /// Claiming it for a payload that holds references would let a long
    /// chain of them recurse without the trashcan's bound.
    const LEAF: bool = false;

    /// Visit every strong reference this payload holds (for the cycle
    /// collector). A container that forgets a child makes the collector
    /// free a live object, so every `PyObjectRef` field must be visited.
    fn traverse(&self, _visit: &mut dyn FnMut(&PyObjectRef)) {}

    /// Break reference cycles through this payload: drop the references it
    /// holds (taken out of their `RefCell`/`Cell` first, then dropped outside
    /// the borrow, since dropping can run arbitrary code). Called by the
    /// cycle collector on unreachable objects only. Immutable payloads keep
    /// the default (CPython cannot clear tuples either: it clears the other
    /// members of the cycle).
    fn clear(&self) {}
}

/// # Safety
/// `h` is the header of a live `PyInner<T>` whose payload is not used again.
unsafe fn drop_payload<T: Payload>(h: NonNull<ObjHeader>) {
    let inner = h.cast::<PyInner<T>>();
    // SAFETY: by the contract the block holds a `PyInner<T>`; we drop only the
    // payload field, exactly once.
    unsafe { std::ptr::drop_in_place(std::ptr::addr_of_mut!((*inner.as_ptr()).payload)) };
}

fn traverse_payload<T: Payload>(obj: &PyObjectRef, visit: &mut dyn FnMut(&PyObjectRef)) {
    let inner = obj.as_ptr().cast::<PyInner<T>>();
    // SAFETY: the vtable holding this function is only ever installed for
    // blocks whose payload is `T` (see `PyRef::new`), and `obj` is a live
    // handle, whose pointer covers the whole block.
    let payload = unsafe { &(*inner).payload };
    payload.traverse(visit);
}

fn clear_payload<T: Payload>(obj: &PyObjectRef) {
    let inner = obj.as_ptr().cast::<PyInner<T>>();
    // SAFETY: as for `traverse_payload`: the vtable is only installed for
    // blocks whose payload is `T`, and `obj` is a live handle.
    let payload = unsafe { &(*inner).payload };
    payload.clear();
}

/// Flags of a type object that the core needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeFlags(pub u32);

impl TypeFlags {
    /// The type was created by a `class` statement (its instances hold a
    /// strong reference to it).
    pub const HEAPTYPE: u32 = 1 << 9;
    /// Instances are containers with a GC header.
    pub const HAS_GC: u32 = 1 << 14;
    /// Instances have an instance-dict slot.
    pub const HAS_DICT: u32 = 1 << 4;
    /// Instances have a weak-reference list slot.
    pub const HAS_WEAKLIST: u32 = 1 << 3;
    /// The type defines `__del__`: call the finalize hook before freeing.
    pub const HAS_FINALIZER: u32 = 1 << 0;
    /// Instances are type objects (their payload starts with `TypeCore`):
    /// set on `type` and inherited by metaclasses.
    pub const INSTANCES_ARE_TYPES: u32 = 1 << 31;

    #[inline]
    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    /// Size of the prefix before the header for instances of this type.
    #[inline]
    pub fn prefix_size(self) -> usize {
        let mut n = 0;
        if self.has(Self::HAS_GC) {
            n += std::mem::size_of::<GcHeader>();
        }
        if self.has(Self::HAS_DICT) {
            n += 8;
        }
        if self.has(Self::HAS_WEAKLIST) {
            n += 8;
        }
        n
    }

    /// Offset (before the header) of the dict slot.
    #[inline]
    pub(crate) fn dict_offset(self) -> usize {
        let gc = if self.has(Self::HAS_GC) {
            std::mem::size_of::<GcHeader>()
        } else {
            0
        };
        gc + 8
    }

    /// Offset (before the header) of the weaklist slot.
    #[inline]
    pub(crate) fn weaklist_offset(self) -> usize {
        let gc = if self.has(Self::HAS_GC) {
            std::mem::size_of::<GcHeader>()
        } else {
            0
        };
        gc + if self.has(Self::HAS_DICT) { 8 } else { 0 } + 8
    }
}

/// The part of every type object the core reads: the first field of a type
/// object's payload ([`TypeObject`]).
pub struct TypeCore {
    /// The payload kind of this type's instances.
    pub(crate) vtable: Cell<&'static PayloadVTable>,
    pub(crate) flags: Cell<TypeFlags>,
}

impl TypeCore {
    pub fn flags(&self) -> TypeFlags {
        self.flags.get()
    }

    /// Change the flags. The prefix-shaping flags (`HAS_GC`, `HAS_DICT`,
    /// `HAS_WEAKLIST`) must not change once instances exist; the core keeps
    /// them fixed: this method ignores them.
    pub fn set_flag(&self, bit: u32, on: bool) {
        const LAYOUT: u32 = TypeFlags::HAS_GC
            | TypeFlags::HAS_DICT
            | TypeFlags::HAS_WEAKLIST
            | TypeFlags::INSTANCES_ARE_TYPES;
        let bit = bit & !LAYOUT;
        let f = self.flags.get().0;
        self.flags
            .set(TypeFlags(if on { f | bit } else { f & !bit }));
    }

    pub fn vtable(&self) -> &'static PayloadVTable {
        self.vtable.get()
    }
}

/// The payload of a type object: the core's part, then the VM's.
#[repr(C)]
pub struct TypeObject<E> {
    pub core: TypeCore,
    pub ext: E,
}

impl<E: 'static> Payload for TypeObject<E>
where
    E: TypeExt,
{
    const VTABLE: &'static PayloadVTable = match E::TYPE_VTABLE {
        Some(v) => v,
        None => &PayloadVTable::of::<Self>(),
    };
    const UNIQUE: bool = E::TYPE_VTABLE.is_some();

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        self.ext.traverse(visit);
    }

    fn clear(&self) {
        self.ext.clear();
    }
}

/// The VM's part of a type object.
pub trait TypeExt: 'static {
    /// The vtable of `TypeObject<Self>` in a `static`, for one-comparison
    /// downcasts of type objects (as [`unique_vtable!`](crate::unique_vtable)
    /// does for other payloads; a generic impl cannot hold a `static`).
    const TYPE_VTABLE: Option<&'static PayloadVTable> = None;
    fn traverse(&self, _visit: &mut dyn FnMut(&PyObjectRef)) {}
    /// Break cycles through the type (its dict, bases, MRO).
    fn clear(&self) {}
}
