//! stage05's builtins namespace: stage04's, plus the exception classes
//! (`ValueError`, `LookupError`, …) and `issubclass`; `isinstance` learns
//! the exception hierarchy.
//!
//! Calling an exception class makes an instance ([`call`]): the class's type
//! object cannot do it by itself, because a builtin class's constructor does
//! not know which class it was called as, and thirty constructors that differ
//! only in a name would be thirty copies.

use crate::exc::Exception;
use crate::exception::{self, PyException};
use crate::value::types;
use crate::value::{BuiltinFunction, Value};
use crate::vm::{Keywords, RunError, Vm};

pub use stage04::builtins::{iterate, missing_name, not_callable};

// ANCHOR: lookup
/// The builtins namespace (`builtins.__dict__`), as `LOAD_NAME` and
/// `LOAD_GLOBAL` fall back to it: the names stage05 adds, then stage04's.
pub fn lookup(name: &str) -> Option<Value> {
    match name {
        "isinstance" => Some(Value::Builtin(&ISINSTANCE)),
        "issubclass" => Some(Value::Builtin(&ISSUBCLASS)),
        // Every exception class is capitalized, and no other builtin of the
        // workbook is: one test spares `len` a search of the class table.
        _ if name.starts_with(|c: char| c.is_ascii_uppercase()) => exception::lookup(name),
        _ => stage04::builtins::lookup(name),
    }
}

/// Calls a builtin or a class: an exception class makes an exception.
pub fn call(
    vm: &mut dyn Vm,
    callable: &Value,
    args: &[Value],
    keywords: &Keywords,
) -> Result<Value, RunError> {
    match exception::is_exception_class(callable) {
        Some(kind) => exception::new_instance(kind, args, keywords),
        None => stage04::builtins::call(vm, callable, args, keywords),
    }
}
// ANCHOR_END: lookup

type Outcome = Result<Value, RunError>;

/// The two arguments of `isinstance` and `issubclass`.
fn two_args<'a>(
    name: &str,
    args: &'a [Value],
    keywords: &Keywords,
) -> Result<(&'a Value, &'a Value), RunError> {
    if !keywords.is_empty() {
        return Err(Exception::type_error(format!("{name}() takes no keyword arguments")).into());
    }
    match args {
        [object, classinfo] => Ok((object, classinfo)),
        _ => Err(
            Exception::type_error(format!("{name} expected 2 arguments, got {}", args.len()))
                .into(),
        ),
    }
}

// ANCHOR: isinstance
pub static ISINSTANCE: BuiltinFunction = BuiltinFunction {
    name: "isinstance",
    call: isinstance,
};

/// `isinstance(object, classinfo)`: stage04's, and for an exception class,
/// the object is an exception of that class or of one of its subclasses.
fn isinstance(vm: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Outcome {
    let (object, classinfo) = two_args("isinstance", args, keywords)?;
    if let Value::Tuple(classes) = classinfo {
        for class in classes.iter() {
            if isinstance(vm, &[object.clone(), class.clone()], keywords)?.is_true() {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    match exception::is_exception_class(classinfo) {
        Some(kind) => Ok(Value::Bool(
            PyException::from_value(object).is_some_and(|exc| exc.is_instance_of(kind)),
        )),
        None => (stage04::builtins::ISINSTANCE.call)(vm, args, keywords),
    }
}
// ANCHOR_END: isinstance

pub static ISSUBCLASS: BuiltinFunction = BuiltinFunction {
    name: "issubclass",
    call: issubclass,
};

/// `issubclass(class, classinfo)`: a class is a subclass of itself; `bool`
/// of `int`; an exception class of the classes above it in the hierarchy.
fn issubclass(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Outcome {
    let (class, classinfo) = two_args("issubclass", args, keywords)?;
    Ok(Value::Bool(is_subclass(class, classinfo)?))
}

fn is_subclass(class: &Value, classinfo: &Value) -> Result<bool, RunError> {
    let Value::Type(own) = class else {
        return Err(Exception::type_error("issubclass() arg 1 must be a class").into());
    };
    match classinfo {
        Value::Tuple(classes) => {
            for base in classes.iter() {
                if is_subclass(class, base)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Type(base) => Ok(match (exception::kind_of(own), exception::kind_of(base)) {
            (Some(kind), Some(base)) => exception::is_subclass(kind, base),
            _ => {
                std::ptr::eq(*own, *base)
                    || (std::ptr::eq(*own, &types::BOOL) && std::ptr::eq(*base, &types::INT))
            }
        }),
        _ => Err(Exception::type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        )
        .into()),
    }
}
