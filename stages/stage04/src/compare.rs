//! `COMPARE_OP`, `IS_OP` and `CONTAINS_OP`: Python's comparisons, identity and
//! membership (`Objects/object.c: PyObject_RichCompare`,
//! `Objects/abstract.c: PySequence_Contains`).
//!
//! The rich comparisons themselves are stage02's [`ops::compare`], finished
//! there for `min` and `max`; a container of this stage answers through its
//! `rich_compare` slot.

use std::rc::Rc;

use crate::exc::{Exception, PyResult};
use crate::iter;
use crate::value::ops::{self, CompareOp};
use crate::value::Value;
use crate::vm::{RunError, Vm};

// ANCHOR: compare_op
/// `a OP b`: the comparison's result (always a bool for the built-in types).
pub fn compare_op(a: &Value, b: &Value, op: CompareOp, headroom: usize) -> PyResult<Value> {
    Ok(Value::Bool(ops::compare(a, b, op, headroom)?))
}
// ANCHOR_END: compare_op

// ANCHOR: is_op
/// `a is b`. Heap objects are the same when they are the same allocation. Ints,
/// floats and bools are held inline here, so identity cannot be observed on
/// them; equal values count as the same object, as CPython's small ints and
/// a code object's shared constants are. Equal strs count as identical when
/// CPython would have interned both (identifier-like text, as every name and
/// short constant is).
pub fn is_op(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || (x == y && interned(x)),
        (Value::Bytes(x), Value::Bytes(y)) => Rc::ptr_eq(x, y),
        (Value::Tuple(x), Value::Tuple(y)) => {
            std::ptr::eq(x.as_ptr(), y.as_ptr()) || (x.is_empty() && y.is_empty())
        }
        _ => a.is(b),
    }
}

/// Whether CPython interns a str constant (`all_name_chars` in
/// `Objects/codeobject.c`): only letters, digits and underscores.
fn interned(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}
// ANCHOR_END: is_op

// ANCHOR: contains
// ANCHOR: contains_dispatch
/// `item in container` (`PySequence_Contains`): a str looks for a substring,
/// a dict for a key, a container with a `contains` slot answers itself, and
/// anything else iterable is searched item by item.
pub fn contains(vm: &mut dyn Vm, container: &Value, item: &Value) -> Result<bool, RunError> {
    let headroom = vm.recursion_headroom();
    match container {
        Value::Str(text) => match item {
            Value::Str(needle) => Ok(text.contains(&**needle)),
            other => Err(Exception::type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                other.type_name()
            ))
            .into()),
        },
        Value::Bytes(bytes) => bytes_contains(bytes, item),
        Value::Tuple(items) => {
            for candidate in items.iter() {
                if ops::items_equal(candidate, item, headroom)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Dict(dict) => Ok(dict.borrow().get(item)?.is_some()),
        Value::Object(object) => match object.contains(item, headroom) {
            Some(found) => Ok(found?),
            None => search(vm, container, item, headroom),
        },
        other => Err(Exception::type_error(format!(
            "argument of type '{}' is not iterable",
            other.type_name()
        ))
        .into()),
    }
}
// ANCHOR_END: contains_dispatch

/// Iterates `container` until an item equals `item` (`_PySequence_IterSearch`).
fn search(
    vm: &mut dyn Vm,
    container: &Value,
    item: &Value,
    headroom: usize,
) -> Result<bool, RunError> {
    let iterator = iter::get_iter(container).map_err(|_| {
        Exception::type_error(format!(
            "argument of type '{}' is not iterable",
            container.type_name()
        ))
    })?;
    while let Some(candidate) = iter::next(vm, &iterator)? {
        if ops::items_equal(&candidate, item, headroom)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `x in b` for bytes: an int is a byte, bytes a subsequence.
fn bytes_contains(bytes: &[u8], item: &Value) -> Result<bool, RunError> {
    match item {
        Value::Int(i) => match i.to_i64().and_then(|n| u8::try_from(n).ok()) {
            Some(byte) => Ok(bytes.contains(&byte)),
            None => Err(Exception::value_error("byte must be in range(0, 256)").into()),
        },
        Value::Bytes(needle) => Ok(needle.is_empty()
            || bytes
                .windows(needle.len())
                .any(|window| window == &needle[..])),
        other => Err(Exception::type_error(format!(
            "a bytes-like object is required, not '{}'",
            other.type_name()
        ))
        .into()),
    }
}
// ANCHOR_END: contains

/// `COMPARE_OP`'s argument as an operator.
pub fn operator(arg: u32) -> Option<CompareOp> {
    CompareOp::from_arg(arg)
}
