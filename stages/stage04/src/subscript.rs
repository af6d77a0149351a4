//! `BINARY_SUBSCR`, `STORE_SUBSCR` and `DELETE_SUBSCR`: `x[key]` on every type
//! (`Objects/abstract.c: PyObject_GetItem`, `PyObject_SetItem`,
//! `PyObject_DelItem`). The built-in sequences of stage02 (tuple, str, bytes)
//! and the dict are handled here; the containers of this stage answer through
//! their slots.

use std::rc::Rc;

use crate::exc::{ExcType, Exception, PyResult};
use crate::int::Int;
use crate::iter;
use crate::list::List;
use crate::slice::{self, Slice};
use crate::value::{Tuple, Value};
use crate::vm::{RunError, Vm};

// ANCHOR: binary_subscr
/// `container[key]`.
pub fn get_item(container: &Value, key: &Value) -> PyResult<Value> {
    match container {
        Value::Dict(dict) => match dict.borrow().get(key)? {
            Some(value) => Ok(value.clone()),
            None => Err(Exception::key_error(key.clone())),
        },
        Value::Tuple(items) => tuple_item(items, key),
        Value::Str(text) => str_item(text, key),
        Value::Bytes(bytes) => bytes_item(bytes, key),
        Value::Object(object) => match object.getitem(key) {
            Some(result) => result,
            None => Err(not_subscriptable(container)),
        },
        _ => Err(not_subscriptable(container)),
    }
}
// ANCHOR_END: binary_subscr

fn not_subscriptable(value: &Value) -> Exception {
    Exception::type_error(format!(
        "'{}' object is not subscriptable",
        value.type_name()
    ))
}

fn tuple_item(items: &Tuple, key: &Value) -> PyResult<Value> {
    if let Some(slice) = key.downcast::<Slice>() {
        let indices = slice.indices(items.len())?;
        let picked: Vec<Value> = indices
            .positions()
            .filter_map(|i| items.get(i).cloned())
            .collect();
        return Ok(Value::Tuple(Tuple::from(picked)));
    }
    match slice::sequence_index(key, items.len(), "tuple")? {
        Some(i) => Ok(items[i].clone()),
        None => Err(Exception::new(
            ExcType::IndexError,
            "tuple index out of range",
        )),
    }
}

/// `s[i]` and `s[a:b:c]`, by code point.
fn str_item(text: &Rc<str>, key: &Value) -> PyResult<Value> {
    let is_ascii = text.is_ascii();
    let len = if is_ascii {
        text.len()
    } else {
        text.chars().count()
    };
    if let Some(slice) = key.downcast::<Slice>() {
        let indices = slice.indices(len)?;
        if is_ascii && indices.step == 1 {
            let start = usize::try_from(indices.start).unwrap_or(0);
            let end = start + indices.len;
            return Ok(Value::str(text.get(start..end).unwrap_or("")));
        }
        let chars: Vec<char> = text.chars().collect();
        let picked: String = indices.positions().filter_map(|i| chars.get(i)).collect();
        return Ok(Value::str(&picked));
    }
    let index = match key {
        Value::Int(_) | Value::Bool(_) => slice::sequence_index(key, len, "string")?,
        other => {
            return Err(Exception::type_error(format!(
                "string indices must be integers, not '{}'",
                other.type_name()
            )))
        }
    };
    let c = index.and_then(|i| {
        if is_ascii {
            text.as_bytes().get(i).map(|&b| char::from(b))
        } else {
            text.chars().nth(i)
        }
    });
    match c {
        Some(c) => Ok(iter::char_value(c)),
        None => Err(Exception::new(
            ExcType::IndexError,
            "string index out of range",
        )),
    }
}

fn bytes_item(bytes: &Rc<[u8]>, key: &Value) -> PyResult<Value> {
    if let Some(slice) = key.downcast::<Slice>() {
        let indices = slice.indices(bytes.len())?;
        let picked: Vec<u8> = indices
            .positions()
            .filter_map(|i| bytes.get(i).copied())
            .collect();
        return Ok(Value::Bytes(Rc::from(picked)));
    }
    match slice::sequence_index(key, bytes.len(), "byte")? {
        Some(i) => Ok(Value::Int(Int::from_i64(i64::from(bytes[i])))),
        None => Err(Exception::new(ExcType::IndexError, "index out of range")),
    }
}

// ANCHOR: store_subscr
/// `container[key] = value`. A list's slice assignment takes any iterable,
/// collected first (it may run Python code, so it needs the interpreter).
pub fn set_item(
    vm: &mut dyn Vm,
    container: &Value,
    key: &Value,
    value: Value,
) -> Result<(), RunError> {
    match container {
        Value::Dict(dict) => Ok(dict.borrow_mut().insert(key.clone(), value)?),
        Value::Object(object) => {
            if let (Some(list), Some(slice)) =
                (container.downcast::<List>(), key.downcast::<Slice>())
            {
                let items = iter::collect(vm, &value).map_err(|_| {
                    RunError::from(Exception::type_error("can only assign an iterable"))
                })?;
                return Ok(list.set_slice(slice, items)?);
            }
            match object.setitem(key, value) {
                Some(result) => Ok(result?),
                None => Err(no_assignment(container).into()),
            }
        }
        _ => Err(no_assignment(container).into()),
    }
}
// ANCHOR_END: store_subscr

fn no_assignment(value: &Value) -> Exception {
    Exception::type_error(format!(
        "'{}' object does not support item assignment",
        value.type_name()
    ))
}

/// `del container[key]`.
pub fn delete_item(container: &Value, key: &Value) -> PyResult<()> {
    match container {
        Value::Dict(dict) => {
            let removed = dict.borrow_mut().remove(key)?;
            match removed {
                Some(old) => {
                    drop(old);
                    Ok(())
                }
                None => Err(Exception::key_error(key.clone())),
            }
        }
        Value::Object(object) => match object.delitem(key) {
            Some(result) => result,
            None => Err(no_deletion(container)),
        },
        _ => Err(no_deletion(container)),
    }
}

fn no_deletion(value: &Value) -> Exception {
    Exception::type_error(format!(
        "'{}' object doesn't support item deletion",
        value.type_name()
    ))
}
