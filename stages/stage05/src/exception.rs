//! Exceptions as Python objects (`Objects/exceptions.c`): the built-in
//! classes and their hierarchy, and the instance a handler receives.
//!
//! Rust code still raises an [`Exception`]: a kind and a message, CPython's
//! *un-normalized* exception (the design log, "Exceptions raised from Rust").
//! The eval loop makes a [`PyException`] of it when it starts to unwind
//! ([`normalize`]), which is when CPython's `_PyErr_NormalizeException` runs
//! for a handler. From then on the object travels up as
//! [`RunError::Raised`], and carries what the loop learns on the way: the
//! frames it passed (`__traceback__`) and the exception that was being
//! handled when it was raised (`__context__`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::code::Code;
use crate::exc::{ExcType, Exception, PyResult};
use crate::suggestions;
pub use crate::suggestions::Missing;
use crate::value::object::{downcast_rc, Object};
use crate::value::types::TypeObject;
use crate::value::{Tuple, Value};
use crate::vm::{Keywords, RunError};

// ANCHOR: classes
/// A built-in exception class: its kind, its base class, and the type object
/// that `type(e)` and the builtins namespace give.
#[derive(Debug)]
pub struct ExceptionClass {
    pub kind: ExcType,
    pub base: Option<ExcType>,
    pub type_object: TypeObject,
}

/// Declares one class; `new` is `None` because calling an exception class is
/// done by [`new_instance`], which needs to know which class was called.
const fn class(kind: ExcType, name: &'static str, base: Option<ExcType>) -> ExceptionClass {
    ExceptionClass {
        kind,
        base,
        type_object: TypeObject { name, new: None },
    }
}

use ExcType as E;

/// The hierarchy of 3.11's built-in exceptions as far as the workbook's
/// programs meet it (the tree at the end of the `exceptions` chapter of the
/// library reference). Each class names its base: `except LookupError`
/// catches a `KeyError` because `KeyError`'s base is `LookupError`.
pub static CLASSES: [ExceptionClass; 31] = [
    class(E::BaseException, "BaseException", None),
    class(E::SystemExit, "SystemExit", Some(E::BaseException)),
    class(
        E::KeyboardInterrupt,
        "KeyboardInterrupt",
        Some(E::BaseException),
    ),
    class(E::GeneratorExit, "GeneratorExit", Some(E::BaseException)),
    class(E::Exception, "Exception", Some(E::BaseException)),
    class(E::StopIteration, "StopIteration", Some(E::Exception)),
    class(E::ArithmeticError, "ArithmeticError", Some(E::Exception)),
    class(
        E::FloatingPointError,
        "FloatingPointError",
        Some(E::ArithmeticError),
    ),
    class(E::OverflowError, "OverflowError", Some(E::ArithmeticError)),
    class(
        E::ZeroDivisionError,
        "ZeroDivisionError",
        Some(E::ArithmeticError),
    ),
    class(E::AssertionError, "AssertionError", Some(E::Exception)),
    class(E::AttributeError, "AttributeError", Some(E::Exception)),
    class(E::BufferError, "BufferError", Some(E::Exception)),
    class(E::EOFError, "EOFError", Some(E::Exception)),
    class(E::ImportError, "ImportError", Some(E::Exception)),
    class(
        E::ModuleNotFoundError,
        "ModuleNotFoundError",
        Some(E::ImportError),
    ),
    class(E::LookupError, "LookupError", Some(E::Exception)),
    class(E::IndexError, "IndexError", Some(E::LookupError)),
    class(E::KeyError, "KeyError", Some(E::LookupError)),
    class(E::MemoryError, "MemoryError", Some(E::Exception)),
    class(E::NameError, "NameError", Some(E::Exception)),
    class(
        E::UnboundLocalError,
        "UnboundLocalError",
        Some(E::NameError),
    ),
    class(E::RuntimeError, "RuntimeError", Some(E::Exception)),
    class(
        E::NotImplementedError,
        "NotImplementedError",
        Some(E::RuntimeError),
    ),
    class(E::RecursionError, "RecursionError", Some(E::RuntimeError)),
    class(E::SystemError, "SystemError", Some(E::Exception)),
    class(E::TypeError, "TypeError", Some(E::Exception)),
    class(E::ValueError, "ValueError", Some(E::Exception)),
    class(E::UnicodeError, "UnicodeError", Some(E::ValueError)),
    class(
        E::UnicodeDecodeError,
        "UnicodeDecodeError",
        Some(E::UnicodeError),
    ),
    class(
        E::UnicodeEncodeError,
        "UnicodeEncodeError",
        Some(E::UnicodeError),
    ),
];
// ANCHOR_END: classes

// ANCHOR: hierarchy
/// The class of `kind`.
pub fn class_of(kind: ExcType) -> &'static ExceptionClass {
    CLASSES
        .iter()
        .find(|class| class.kind == kind)
        .unwrap_or(&CLASSES[0])
}

/// The exception kind a type object is the class of, if it is one.
pub fn kind_of(type_object: &TypeObject) -> Option<ExcType> {
    CLASSES
        .iter()
        .find(|class| std::ptr::eq(&class.type_object, type_object))
        .map(|class| class.kind)
}

/// The class named `name` in the builtins namespace.
pub fn lookup(name: &str) -> Option<Value> {
    CLASSES
        .iter()
        .find(|class| class.type_object.name == name)
        .map(|class| Value::Type(&class.type_object))
}

/// `issubclass(kind, base)`: `kind` is `base` or one of its subclasses
/// (`PyType_IsSubtype`, walking `tp_base`).
pub fn is_subclass(kind: ExcType, base: ExcType) -> bool {
    let mut class = Some(kind);
    while let Some(current) = class {
        if current == base {
            return true;
        }
        class = class_of(current).base;
    }
    false
}
// ANCHOR_END: hierarchy

// ANCHOR: instance
/// An exception instance (`PyBaseExceptionObject`).
#[derive(Debug)]
pub struct PyException {
    pub kind: ExcType,
    /// The arguments it was made with: `ValueError('bad', 2).args`.
    pub args: Tuple,
    /// What a `NameError` or `AttributeError` that the interpreter raised was
    /// looking for (CPython's `e.name`, and the type of `e.obj`).
    pub missing: Option<Missing>,
    /// What the eval loop attaches while the exception travels.
    pub state: RefCell<Chaining>,
}

/// The fields CPython sets after the object is made.
#[derive(Debug, Default)]
pub struct Chaining {
    /// `__context__`: the exception being handled when this one was raised.
    pub context: Option<Rc<PyException>>,
    /// `__cause__`: set by `raise ... from cause`.
    pub cause: Option<Rc<PyException>>,
    /// `__suppress_context__`: set by `raise ... from`, so that the context
    /// is not printed.
    pub suppress_context: bool,
    /// `__traceback__`: the frames it passed through, the innermost first
    /// (CPython's `tb_next` chain runs the other way; see [`Traceback`]).
    /// `None` until it is raised.
    pub traceback: Option<Vec<TracebackEntry>>,
    /// The module's names when the exception ended the program, for the
    /// "Did you mean" of an uncaught `NameError` ([`crate::suggestions`]).
    pub module_names: Option<Vec<Rc<str>>>,
}

// ANCHOR_END: instance

// ANCHOR: missing_and_entry
/// One frame an exception passed through: the code and the offset of the
/// instruction it was at (`tb_frame`, `tb_lasti`).
#[derive(Debug, Clone)]
pub struct TracebackEntry {
    pub code: Rc<Code>,
    pub offset: usize,
}
// ANCHOR_END: missing_and_entry

// ANCHOR: new_instance
/// Calling an exception class: `ValueError('bad')` (`BaseException_new`).
/// Every argument is kept in `args`; keywords are refused.
pub fn new_instance(kind: ExcType, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    if !keywords.is_empty() {
        return Err(
            Exception::type_error(format!("{}() takes no keyword arguments", kind.name())).into(),
        );
    }
    Ok(PyException::new(kind, Tuple::from(args.to_vec())).into_value())
}

/// `_PyErr_NormalizeException`: the object for an exception Rust code
/// raised. Its `args` are those it carries (a `KeyError`'s key), or its
/// message, or nothing when the message is empty (`PyErr_SetNone`).
pub fn normalize(exc: Exception) -> Rc<PyException> {
    let missing = suggestions::missing_from_message(exc.kind, &exc.message);
    let args = match exc.args {
        Some(args) => args,
        None if exc.message.is_empty() => Vec::new(),
        None => vec![Value::str(&exc.message)],
    };
    let mut normalized = PyException::new(exc.kind, Tuple::from(args));
    normalized.missing = missing;
    Rc::new(normalized)
}

// ANCHOR_END: new_instance

impl PyException {
    pub fn new(kind: ExcType, args: Tuple) -> PyException {
        PyException {
            kind,
            args,
            missing: None,
            state: RefCell::new(Chaining::default()),
        }
    }

    /// The exception as a value, for the stack or a variable.
    pub fn into_value(self) -> Value {
        Value::Object(Rc::new(self))
    }

    /// The exception object in `value`, if it holds one.
    pub fn from_value(value: &Value) -> Option<Rc<PyException>> {
        match value {
            Value::Object(object) => downcast_rc::<PyException>(object),
            _ => None,
        }
    }

    /// Whether this is an instance of `kind` or of one of its subclasses.
    pub fn is_instance_of(&self, kind: ExcType) -> bool {
        is_subclass(self.kind, kind)
    }

    /// `__cause__ = cause`, which also sets `__suppress_context__`
    /// (`PyException_SetCause`).
    pub fn set_cause(&self, cause: Option<Rc<PyException>>) {
        let mut state = self.state.borrow_mut();
        state.cause = cause;
        state.suppress_context = true;
    }

    /// Records one more frame the exception passed through (`PyTraceBack_Here`).
    pub fn add_traceback(&self, code: &Rc<Code>, offset: usize) {
        let mut state = self.state.borrow_mut();
        let entry = TracebackEntry {
            code: code.clone(),
            offset,
        };
        state.traceback.get_or_insert_with(Vec::new).push(entry);
    }

    /// `str(e)` (`BaseException_str`, and `KeyError_str`, which shows a single
    /// argument as its `repr` so that `KeyError('')` does not print blank).
    fn message(&self) -> PyResult<String> {
        match &self.args[..] {
            [] => Ok(String::new()),
            [single] if self.kind == ExcType::KeyError => single.repr(),
            [single] => match single.to_str()? {
                Value::Str(text) => Ok(text.to_string()),
                other => other.repr(),
            },
            _ => Value::Tuple(self.args.clone()).repr(),
        }
    }
}

// ANCHOR: context
/// Implicit chaining (`Python/errors.c: _PyErr_SetObject`): an exception
/// raised while `handled` is being handled gets it as its `__context__`.
/// If `exc` is already somewhere in `handled`'s chain of contexts, that link
/// is cut first, so that no cycle is made.
pub fn chain_context(exc: &Rc<PyException>, handled: &Value) {
    // EXERCISE 5.3 chain_context: handled becomes exc.__context__, with no cycle made
    let Some(handled) = PyException::from_value(handled) else {
        return;
    };
    if Rc::ptr_eq(exc, &handled) {
        return;
    }
    let mut link = handled.clone();
    let mut steps = 0;
    loop {
        let next = link.state.borrow().context.clone();
        let Some(next) = next else { break };
        if Rc::ptr_eq(&next, exc) {
            link.state.borrow_mut().context = None;
            break;
        }
        steps += 1;
        if steps > MAX_CHAIN {
            break;
        }
        link = next;
    }
    exc.state.borrow_mut().context = Some(handled);
    // END EXERCISE
}

/// A chain of contexts longer than this is a cycle made before we looked
/// (CPython finds one with Floyd's algorithm; counting is simpler).
const MAX_CHAIN: usize = 100_000;
// ANCHOR_END: context

// ANCHOR: object_impl
impl Object for PyException {
    fn type_object(&self) -> &'static TypeObject {
        &class_of(self.kind).type_object
    }

    /// `ValueError('bad')`; with no argument `ValueError()`, with several
    /// `ValueError('bad', 2)` (`BaseException_repr`).
    fn repr(&self, depth: usize) -> PyResult<String> {
        let name = self.kind.name();
        match &self.args[..] {
            [single] => Ok(format!("{name}({})", single.repr_nested(depth + 1)?)),
            _ => Ok(format!(
                "{name}{}",
                Value::Tuple(self.args.clone()).repr_nested(depth + 1)?
            )),
        }
    }

    fn str(&self) -> Option<PyResult<String>> {
        Some(self.message())
    }

    fn getattr(&self, name: &str) -> Option<Value> {
        let state = self.state.borrow();
        let exception = |exc: &Option<Rc<PyException>>| match exc {
            Some(exc) => Value::Object(exc.clone()),
            None => Value::None,
        };
        Some(match name {
            "args" => Value::Tuple(self.args.clone()),
            "__context__" => exception(&state.context),
            "__cause__" => exception(&state.cause),
            "__suppress_context__" => Value::Bool(state.suppress_context),
            "__traceback__" => match &state.traceback {
                Some(entries) => Traceback::value(entries),
                None => Value::None,
            },
            "__class__" => Value::Type(self.type_object()),
            "name" if matches!(self.kind, ExcType::NameError | ExcType::AttributeError) => {
                match &self.missing {
                    Some(Missing::Name(name) | Missing::Attribute { name, .. }) => {
                        Value::Str(name.clone())
                    }
                    None => Value::None,
                }
            }
            "value" if self.kind == ExcType::StopIteration => {
                self.args.first().cloned().unwrap_or(Value::None)
            }
            _ => return None,
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn drain(&mut self) -> Vec<Value> {
        self.take_links()
    }
}
// ANCHOR_END: object_impl

// ANCHOR: exception_drop
impl PyException {
    /// Everything this exception holds that may hold more: its arguments,
    /// its context and its cause.
    fn take_links(&mut self) -> Vec<Value> {
        let state = self.state.get_mut();
        let linked = [state.context.take(), state.cause.take()];
        let mut values: Vec<Value> = linked
            .into_iter()
            .flatten()
            .map(|exc| Value::Object(exc as Rc<dyn Object>))
            .collect();
        if !self.args.is_empty() {
            values.push(Value::Tuple(std::mem::replace(
                &mut self.args,
                Tuple::from(Vec::new()),
            )));
        }
        values
    }
}

/// A chain of a million exceptions, each the `__cause__` of the next (a
/// loop of `raise E from previous`), is freed one link at a time through
/// the trashcan (`value::drop_nested`), not by a million nested drops that
/// would overflow the Rust stack.
impl Drop for PyException {
    fn drop(&mut self) {
        let links = self.take_links();
        if !links.is_empty() {
            crate::value::drop_nested(crate::value::Emptying::Values(links));
        }
    }
}
// ANCHOR_END: exception_drop

// ANCHOR: traceback_object
/// A traceback object (`PyTracebackObject`) as a program sees it through
/// `e.__traceback__`: the outermost frame, `tb_next` leading inwards.
#[derive(Debug)]
pub struct Traceback {
    /// The entries from this one inwards, outermost first.
    entries: Rc<[TracebackEntry]>,
}

static TRACEBACK: TypeObject = TypeObject {
    name: "traceback",
    new: None,
};

impl Traceback {
    /// The traceback of `entries` (innermost first, as an exception keeps them).
    fn value(entries: &[TracebackEntry]) -> Value {
        let outermost_first: Vec<TracebackEntry> = entries.iter().rev().cloned().collect();
        Value::Object(Rc::new(Traceback {
            entries: Rc::from(outermost_first),
        }))
    }
}

impl Object for Traceback {
    fn type_object(&self) -> &'static TypeObject {
        &TRACEBACK
    }

    fn repr(&self, _depth: usize) -> PyResult<String> {
        Ok("<traceback object>".to_string())
    }

    fn getattr(&self, name: &str) -> Option<Value> {
        let entry = self.entries.first()?;
        Some(match name {
            "tb_lineno" => match crate::linetable::line_at(&entry.code, offset_u32(entry.offset)) {
                Some(line) => Value::Int(crate::int::Int::from_i64(i64::from(line))),
                None => Value::None,
            },
            "tb_lasti" => Value::Int(crate::int::Int::from_i64(
                i64::try_from(entry.offset).unwrap_or(i64::MAX),
            )),
            "tb_next" => match self.entries.get(1..) {
                Some(rest) if !rest.is_empty() => Value::Object(Rc::new(Traceback {
                    entries: Rc::from(rest.to_vec()),
                })),
                _ => Value::None,
            },
            _ => return None,
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// An offset as the line table's `u32`.
pub fn offset_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}
// ANCHOR_END: traceback_object

/// `type(x) is TYPE`, for the builtin classes of exceptions.
pub fn is_exception_class(value: &Value) -> Option<ExcType> {
    match value {
        Value::Type(class) => kind_of(class),
        _ => None,
    }
}
