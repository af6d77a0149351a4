//! `dict`, as far as calls need it: the `**kwargs` parameter, `f(**mapping)`,
//! `__kwdefaults__` and `__annotations__` (`Objects/dictobject.c`).
//!
//! A dict keeps its insertion order (guaranteed since Python 3.7), which is why
//! it sits on an [`IndexMap`]. In stage03 every dict a program can build has
//! `str` keys (keyword names, parameter names), so the key is the name's
//! `Rc<str>`, shared with `co_names` and `co_varnames` without copying text.
//! stage04 widens the key to any hashable value with Python's hash and equality
//! (`1 == 1.0 == True`).

use std::rc::Rc;

use indexmap::IndexMap;

use crate::exc::{ExcType, Exception, PyResult};
use crate::pyrepr;
use crate::value::Value;

// ANCHOR: dict
/// A `dict` with `str` keys, in insertion order.
#[derive(Debug, Clone, Default)]
pub struct Dict {
    entries: IndexMap<Rc<str>, Value>,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    /// `d[key] = value`: a new key goes last, an existing key keeps its place.
    pub fn insert(&mut self, key: Rc<str>, value: Value) {
        self.entries.insert(key, value);
    }

    /// `d.get(key)`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries.get(key)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.entries.contains_key(key)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The items in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Value)> {
        self.entries.iter()
    }
}
// ANCHOR_END: dict

// ANCHOR: dict_repr
/// `Objects/dictobject.c: dict_repr`: `{'a': 1, 'b': 2}`. `repr_value` is the
/// caller's repr, which tracks the nesting depth.
pub fn repr_dict(
    dict: &Dict,
    mut repr_value: impl FnMut(&Value) -> PyResult<String>,
) -> PyResult<String> {
    let mut text = String::from("{");
    for (index, (key, value)) in dict.iter().enumerate() {
        if index > 0 {
            text.push_str(", ");
        }
        text.push_str(&pyrepr::repr_str(key));
        text.push_str(": ");
        text.push_str(&repr_value(value)?);
    }
    text.push('}');
    Ok(text)
}
// ANCHOR_END: dict_repr

/// The key of a stage03 dict: a `str`. Anything else is refused with a message
/// that says which stage lifts the limit (CPython itself would accept it).
pub fn dict_key(key: &Value) -> PyResult<Rc<str>> {
    match key {
        Value::Str(name) => Ok(name.clone()),
        other => Err(Exception::new(
            ExcType::NotImplementedError,
            format!(
                "dict keys of type '{}' are not supported before stage04",
                other.type_name()
            ),
        )),
    }
}
