//! The builtin exception hierarchy (CPython 3.11's, in its order). Every
//! class shares `PyBaseException`'s payload; extra attributes (`errno`,
//! `filename`, `lineno`, `value`, `code`, ...) live in the instance dict.

#![allow(non_snake_case)]

use pyrite_core::object::header::TypeFlags;
use pyrite_core::Payload;

use super::exceptions::PyBaseException;
use super::registry::new_static_type;
use super::typeobj::PyTypeRef;

const FLAGS: u32 = TypeFlags::HAS_GC | TypeFlags::HAS_DICT;

macro_rules! exception_types {
    ($( $field:ident : $base:ident; )*) => {
        /// Every builtin exception class except `BaseException` (which is
        /// `vm.types.base_exception`).
        pub struct ExceptionTypes {
            $( pub $field: PyTypeRef, )*
        }

        impl ExceptionTypes {
            pub fn create(base_exception: &PyTypeRef, meta: &pyrite_core::PyObjectRef) -> ExceptionTypes {
                let mut made: Vec<(&'static str, PyTypeRef)> = vec![("BaseException", base_exception.clone())];
                $(
                    let base = made.iter().find(|(n, _)| *n == stringify!($base)).map(|(_, t)| t.clone())
                        .expect("base exception created first");
                    #[allow(non_snake_case)]
                    let $field = new_static_type(
                        stringify!($field), Some(&base), <PyBaseException as Payload>::VTABLE, FLAGS, meta,
                    );
                    made.push((stringify!($field), $field.clone()));
                )*
                drop(made);
                ExceptionTypes { $( $field, )* }
            }

            /// (name, type) for every class, for `builtins`.
            pub fn all(&self) -> Vec<(&'static str, &PyTypeRef)> {
                vec![$( (stringify!($field), &self.$field), )*]
            }
        }
    };
}

exception_types! {
    BaseExceptionGroup: BaseException;
    GeneratorExit: BaseException;
    KeyboardInterrupt: BaseException;
    SystemExit: BaseException;
    Exception: BaseException;
    ArithmeticError: Exception;
    FloatingPointError: ArithmeticError;
    OverflowError: ArithmeticError;
    ZeroDivisionError: ArithmeticError;
    AssertionError: Exception;
    AttributeError: Exception;
    BufferError: Exception;
    EOFError: Exception;
    ExceptionGroup: BaseExceptionGroup;
    ImportError: Exception;
    ModuleNotFoundError: ImportError;
    LookupError: Exception;
    IndexError: LookupError;
    KeyError: LookupError;
    MemoryError: Exception;
    NameError: Exception;
    UnboundLocalError: NameError;
    OSError: Exception;
    BlockingIOError: OSError;
    ChildProcessError: OSError;
    ConnectionError: OSError;
    BrokenPipeError: ConnectionError;
    ConnectionAbortedError: ConnectionError;
    ConnectionRefusedError: ConnectionError;
    ConnectionResetError: ConnectionError;
    FileExistsError: OSError;
    FileNotFoundError: OSError;
    InterruptedError: OSError;
    IsADirectoryError: OSError;
    NotADirectoryError: OSError;
    PermissionError: OSError;
    ProcessLookupError: OSError;
    TimeoutError: OSError;
    ReferenceError: Exception;
    RuntimeError: Exception;
    NotImplementedError: RuntimeError;
    RecursionError: RuntimeError;
    StopAsyncIteration: Exception;
    StopIteration: Exception;
    SyntaxError: Exception;
    IndentationError: SyntaxError;
    TabError: IndentationError;
    SystemError: Exception;
    TypeError: Exception;
    ValueError: Exception;
    UnicodeError: ValueError;
    UnicodeDecodeError: UnicodeError;
    UnicodeEncodeError: UnicodeError;
    UnicodeTranslateError: UnicodeError;
    Warning: Exception;
    BytesWarning: Warning;
    DeprecationWarning: Warning;
    EncodingWarning: Warning;
    FutureWarning: Warning;
    ImportWarning: Warning;
    PendingDeprecationWarning: Warning;
    ResourceWarning: Warning;
    RuntimeWarning: Warning;
    SyntaxWarning: Warning;
    UnicodeWarning: Warning;
    UserWarning: Warning;
}
