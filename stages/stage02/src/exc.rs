//! Python exceptions as far as stage02 knows them: a built-in exception type and a
//! message. The number, string and formatting modules return these, the eval loop
//! passes them up, and `main` prints them as the last line of CPython's traceback
//! (`ZeroDivisionError: division by zero`).
//!
//! Exceptions become real Python objects, with a class hierarchy, in stage05; until
//! then a type, a message and, for the few exceptions that carry one, a value
//! (`KeyError`'s key, `StopIteration.value`) are all there is. How stage05 makes
//! objects of them without touching the places that raise them is written in
//! the book's design log ("Exceptions raised from Rust").

use std::fmt;

use crate::pyrepr;
use crate::value::Value;

// ANCHOR: exc_type
/// The built-in exception classes (`Objects/exceptions.c`): those stages 02–04
/// raise, and the rest of the hierarchy that stage05 lets a program name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExcType {
    ArithmeticError,
    AssertionError,
    AttributeError,
    BaseException,
    BufferError,
    EOFError,
    Exception,
    FloatingPointError,
    GeneratorExit,
    ImportError,
    IndexError,
    KeyError,
    KeyboardInterrupt,
    LookupError,
    MemoryError,
    ModuleNotFoundError,
    NameError,
    NotImplementedError,
    OverflowError,
    RecursionError,
    RuntimeError,
    StopIteration,
    SystemError,
    SystemExit,
    TypeError,
    UnboundLocalError,
    UnicodeDecodeError,
    UnicodeEncodeError,
    UnicodeError,
    ValueError,
    ZeroDivisionError,
}

impl ExcType {
    /// The class's `__name__`, as the traceback prints it.
    pub fn name(self) -> &'static str {
        match self {
            ExcType::ArithmeticError => "ArithmeticError",
            ExcType::AssertionError => "AssertionError",
            ExcType::AttributeError => "AttributeError",
            ExcType::BaseException => "BaseException",
            ExcType::BufferError => "BufferError",
            ExcType::EOFError => "EOFError",
            ExcType::Exception => "Exception",
            ExcType::FloatingPointError => "FloatingPointError",
            ExcType::GeneratorExit => "GeneratorExit",
            ExcType::ImportError => "ImportError",
            ExcType::IndexError => "IndexError",
            ExcType::KeyError => "KeyError",
            ExcType::KeyboardInterrupt => "KeyboardInterrupt",
            ExcType::LookupError => "LookupError",
            ExcType::MemoryError => "MemoryError",
            ExcType::ModuleNotFoundError => "ModuleNotFoundError",
            ExcType::NameError => "NameError",
            ExcType::NotImplementedError => "NotImplementedError",
            ExcType::OverflowError => "OverflowError",
            ExcType::RecursionError => "RecursionError",
            ExcType::RuntimeError => "RuntimeError",
            ExcType::StopIteration => "StopIteration",
            ExcType::SystemError => "SystemError",
            ExcType::SystemExit => "SystemExit",
            ExcType::TypeError => "TypeError",
            ExcType::UnboundLocalError => "UnboundLocalError",
            ExcType::UnicodeDecodeError => "UnicodeDecodeError",
            ExcType::UnicodeEncodeError => "UnicodeEncodeError",
            ExcType::UnicodeError => "UnicodeError",
            ExcType::ValueError => "ValueError",
            ExcType::ZeroDivisionError => "ZeroDivisionError",
        }
    }
}
// ANCHOR_END: exc_type

// ANCHOR: exception
/// A raised exception: its type, `str(exc)`, and the value it carries when
/// Python code can get it back (`KeyError`'s key in `e.args[0]`, a
/// `StopIteration`'s return value in `e.value`). This is CPython's
/// "unnormalized" exception, a type and a value, as `PyErr_SetString` and
/// `PyErr_SetObject` leave it: the object is made only when Python code looks.
#[derive(Debug, Clone)]
pub struct Exception {
    pub kind: ExcType,
    pub message: String,
    /// `e.args` when they are not just the message (`KeyError`'s key, the
    /// errno and text of an `OverflowError` from `**`), for stage05 to make
    /// the object with.
    pub args: Option<Vec<Value>>,
}

/// Two exceptions are equal when they print alike (tests compare them).
impl PartialEq for Exception {
    fn eq(&self, other: &Exception) -> bool {
        self.kind == other.kind && self.message == other.message
    }
}

impl Eq for Exception {}

impl Exception {
    pub fn new(kind: ExcType, message: impl Into<String>) -> Exception {
        Exception {
            kind,
            message: message.into(),
            args: None,
        }
    }

    /// `KeyError(key)`: `str()` of a `KeyError` is the key's `repr`
    /// (`Objects/exceptions.c: KeyError_str`).
    pub fn key_error(key: Value) -> Exception {
        let message = key.repr().unwrap_or_else(|_| pyrepr::repr_str("?"));
        Exception {
            kind: ExcType::KeyError,
            message,
            args: Some(vec![key]),
        }
    }

    /// `StopIteration(value)`: what a returning generator raises (stage06);
    /// `str()` is the value's `str`, empty for `None`.
    pub fn stop_iteration(value: Value) -> Exception {
        let message = match &value {
            Value::None => String::new(),
            other => match other.to_str() {
                Ok(Value::Str(text)) => text.to_string(),
                _ => String::new(),
            },
        };
        Exception {
            kind: ExcType::StopIteration,
            message,
            args: Some(vec![value]),
        }
    }

    pub fn type_error(message: impl Into<String>) -> Exception {
        Exception::new(ExcType::TypeError, message)
    }

    pub fn value_error(message: impl Into<String>) -> Exception {
        Exception::new(ExcType::ValueError, message)
    }

    pub fn overflow_error(message: impl Into<String>) -> Exception {
        Exception::new(ExcType::OverflowError, message)
    }

    /// An error with a C `errno` (`PyErr_SetFromErrno`): its args are the
    /// number and the text, and `str()` shows them as a tuple:
    /// `OverflowError: (34, 'Numerical result out of range')`.
    pub fn errno(kind: ExcType, errno: i64, text: &str) -> Exception {
        let message = format!("({errno}, {})", pyrepr::repr_str(text));
        let args = vec![
            Value::Int(crate::int::Int::from_i64(errno)),
            Value::str(text),
        ];
        Exception {
            kind,
            message,
            args: Some(args),
        }
    }

    pub fn zero_division(message: impl Into<String>) -> Exception {
        Exception::new(ExcType::ZeroDivisionError, message)
    }

    /// A bare `MemoryError`, with the empty message of CPython's `PyErr_NoMemory`
    /// (`Python/errors.c`): what a refused huge allocation raises.
    pub fn memory_error() -> Exception {
        Exception::new(ExcType::MemoryError, "")
    }
}

/// The last line of CPython's traceback: `Type: message`, or just `Type` when the
/// message is empty (`Python/pythonrun.c: print_exception`).
impl fmt::Display for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.message)
        }
    }
}
// ANCHOR_END: exception

/// What the value-agnostic modules return.
pub type PyResult<T> = Result<T, Exception>;
