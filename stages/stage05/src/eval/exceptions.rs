//! The instructions of `try` and `raise` (`Python/ceval.c`): they move the
//! exception between the value stack and the thread's "exception being
//! handled" (`exc_info`), test it against an `except` clause, and raise.
//!
//! None of them runs when nothing is raised: a `try` block compiles to a
//! `NOP`, and its handlers are reached only through the exception table
//! ([`super::unwind`]). That is why a `try` that raises nothing costs nothing.

use std::rc::Rc;

use crate::exc::{ExcType, Exception};
use crate::exception::{self, chain_context, PyException};
use crate::int::Int;
use crate::value::{Tuple, Value};
use crate::vm::RunError;

use super::frame::Frame;

// ANCHOR: push_exc_info
/// `TARGET(PUSH_EXC_INFO)`: the first instruction of a handler. The
/// exception the unwinder pushed becomes the one being handled, and the one
/// handled before it (or `None`) is saved below it on the stack, for
/// `POP_EXCEPT` to put back when the handler ends.
pub fn push_exc_info(frame: &mut Frame, exc_info: &mut Value) -> Result<(), RunError> {
    let value = frame.pop_value()?;
    let previous = std::mem::replace(exc_info, value.clone());
    frame.push_value(previous)?;
    frame.push_value(value)
}

/// `TARGET(POP_EXCEPT)`: the handler is done; the exception handled before
/// it is the current one again.
pub fn pop_except(frame: &mut Frame, exc_info: &mut Value) -> Result<(), RunError> {
    *exc_info = frame.pop_value()?;
    Ok(())
}
// ANCHOR_END: push_exc_info

// ANCHOR: check_exc_match
/// `TARGET(CHECK_EXC_MATCH)`: `except E:` — is the exception on top of the
/// stack an instance of `E` (or of one of a tuple of classes)? The
/// exception stays; a bool is pushed for the jump that follows.
pub fn check_exc_match(frame: &mut Frame) -> Result<(), RunError> {
    let classes = frame.pop_value()?;
    let exc = match frame.peek(1)? {
        Some(value) => PyException::from_value(value),
        None => None,
    };
    let Some(exc) = exc else {
        return Err(frame.vm_error("CHECK_EXC_MATCH without an exception on the stack"));
    };
    let matches = exception_matches(&exc, &classes)?;
    frame.push_value(Value::Bool(matches))
}

// ANCHOR_END: check_exc_match

// ANCHOR: exception_matches
/// `PyErr_GivenExceptionMatches`, after `check_except_type_valid` has made
/// sure every class is an exception class.
fn exception_matches(exc: &PyException, classes: &Value) -> Result<bool, RunError> {
    // EXERCISE 5.1 exception_matches: does exc match the class or one of a tuple of classes?
    let classes = match classes {
        Value::Tuple(items) => &items[..],
        single => std::slice::from_ref(single),
    };
    // Every class is checked before any is matched, as CPython does.
    for class in classes {
        except_class(class)?;
    }
    Ok(classes
        .iter()
        .filter_map(exception::is_exception_class)
        .any(|kind| exc.is_instance_of(kind)))
    // END EXERCISE
}

/// The kind of an `except` clause's class: anything else is a `TypeError`.
fn except_class(value: &Value) -> Result<ExcType, RunError> {
    exception::is_exception_class(value).ok_or_else(|| {
        Exception::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )
        .into()
    })
}
// ANCHOR_END: exception_matches

// ANCHOR: reraise
/// `TARGET(RERAISE)`: raise the exception on top of the stack again, with
/// the traceback it has. With `oparg`, the frame's last instruction is set
/// back to the one that first raised (the offset the handler was given,
/// `oparg` places below the exception), as CPython does for its tracing.
pub fn reraise(frame: &mut Frame, arg: u32) -> RunError {
    if arg != 0 {
        let lasti = match frame.peek(super::count(arg).saturating_add(1)) {
            Ok(Some(Value::Int(lasti))) => lasti.to_i64(),
            _ => None,
        };
        match lasti.and_then(|units| usize::try_from(units).ok()) {
            Some(units) => frame.offset = units.saturating_mul(2),
            None => return Exception::new(ExcType::SystemError, "lasti is not an int").into(),
        }
    }
    match frame.pop_value() {
        Ok(value) if PyException::from_value(&value).is_some() => RunError::Raised(value),
        Ok(_) => frame.vm_error("RERAISE of a value that is not an exception"),
        Err(error) => error,
    }
}
// ANCHOR_END: reraise

// ANCHOR: raise_varargs
/// `TARGET(RAISE_VARARGS)`: `raise` (0), `raise exc` (1), `raise exc from
/// cause` (2). This is `ceval.c: do_raise`; `exc_info` is the exception
/// being handled, which a bare `raise` raises again and a new exception
/// gets as its `__context__`.
pub fn raise_varargs(frame: &mut Frame, arg: u32, exc_info: &Value) -> RunError {
    let popped = match arg {
        0 => Ok((None, None)),
        1 => frame.pop_value().map(|exc| (Some(exc), None)),
        2 => frame
            .pop_value()
            .and_then(|cause| Ok((Some(frame.pop_value()?), Some(cause)))),
        _ => return Exception::new(ExcType::SystemError, "bad RAISE_VARARGS oparg").into(),
    };
    let (exc, cause) = match popped {
        Ok(operands) => operands,
        Err(error) => return error,
    };
    let Some(exc) = exc else {
        return reraise_handled(exc_info);
    };
    match raise(&exc, cause.as_ref()) {
        Ok(exc) => {
            chain_context(&exc, exc_info);
            RunError::Raised(Value::Object(exc))
        }
        Err(error) => error,
    }
}

/// A bare `raise`: the exception being handled, with its traceback.
fn reraise_handled(exc_info: &Value) -> RunError {
    match PyException::from_value(exc_info) {
        Some(exc) => RunError::Raised(Value::Object(exc)),
        None => Exception::new(ExcType::RuntimeError, "No active exception to reraise").into(),
    }
}
// ANCHOR_END: raise_varargs

// ANCHOR: raise
/// The exception object `raise exc from cause` raises: a class is called
/// with no arguments; `cause` may be a class, an instance or `None`.
fn raise(exc: &Value, cause: Option<&Value>) -> Result<Rc<PyException>, RunError> {
    let exc = instance(exc).ok_or_else(|| {
        RunError::from(Exception::type_error(
            "exceptions must derive from BaseException",
        ))
    })?;
    if let Some(cause) = cause {
        let cause = match cause {
            Value::None => None,
            other => Some(instance(other).ok_or_else(|| {
                RunError::from(Exception::type_error(
                    "exception causes must derive from BaseException",
                ))
            })?),
        };
        exc.set_cause(cause);
    }
    Ok(exc)
}

/// An exception instance, or a new one when `value` is an exception class.
fn instance(value: &Value) -> Option<Rc<PyException>> {
    if let Some(kind) = exception::is_exception_class(value) {
        return Some(Rc::new(PyException::new(kind, Tuple::from(Vec::new()))));
    }
    PyException::from_value(value)
}
// ANCHOR_END: raise

/// `TARGET(LOAD_ASSERTION_ERROR)`: `assert` raises the builtin
/// `AssertionError` even when a program has rebound the name.
pub fn load_assertion_error(frame: &mut Frame) -> Result<(), RunError> {
    let class = &exception::class_of(ExcType::AssertionError).type_object;
    frame.push_value(Value::Type(class))
}

/// The offset the unwinder pushes for a handler that wants `lasti`: the
/// raising instruction's, in code units, as `_PyInterpreterFrame_LASTI`.
pub fn lasti_value(offset: usize) -> Value {
    Value::Int(Int::from_i64(i64::try_from(offset / 2).unwrap_or(i64::MAX)))
}
