//! The iterator protocol (`iter()`, `next()`, `GET_ITER`, `FOR_ITER`) and the
//! iterators of the built-in types and builtins: over a tuple, a str, bytes and
//! a dict, and `enumerate`, `zip`, `map`, `filter`, `reversed`. (The list's,
//! the range's and the set's are beside their types.)
//!
//! An iterator is an object with a `next` slot (`tp_iternext`) that keeps its
//! position in a `Cell`: iterating changes it, although every holder shares it.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::builtins;
use crate::exc::{ExcType, Exception, PyResult};
use crate::int::Int;
use crate::value::types::TypeObject;
use crate::value::{latin1_strs, Dict, Object, Tuple, Value};
use crate::vm::{Keywords, RunError, Vm};

// ANCHOR: get_iter
/// `iter(value)` (`PyObject_GetIter`): an iterator over a container, or the
/// iterator itself.
pub fn get_iter(value: &Value) -> PyResult<Value> {
    let iterator = match value {
        Value::Tuple(tuple) => Value::object(TupleIter {
            tuple: tuple.clone(),
            index: Cell::new(0),
        }),
        Value::Str(text) => Value::object(StrIter {
            text: text.clone(),
            position: Cell::new(0),
        }),
        Value::Bytes(bytes) => Value::object(BytesIter {
            bytes: bytes.clone(),
            index: Cell::new(0),
        }),
        Value::Dict(dict) => Value::object(DictIter::new(dict, DictItems::Keys)),
        Value::SurrogateStr(points) => {
            let items: Vec<Value> = points
                .iter()
                .map(|&p| Value::SurrogateStr(Rc::from([p])))
                .collect();
            return get_iter(&Value::Tuple(Tuple::from(items)));
        }
        Value::Object(object) => match object.iter(object) {
            Some(result) => result?,
            None => return Err(not_iterable(value)),
        },
        _ => return Err(not_iterable(value)),
    };
    Ok(iterator)
}
// ANCHOR_END: get_iter

/// `TypeError: 'int' object is not iterable`.
pub fn not_iterable(value: &Value) -> Exception {
    Exception::type_error(format!("'{}' object is not iterable", value.type_name()))
}

// ANCHOR: next
/// `next(iterator)` without a default (`tp_iternext`): the next item, or
/// `None` when the iterator is exhausted.
pub fn next(vm: &mut dyn Vm, iterator: &Value) -> Result<Option<Value>, RunError> {
    let not_an_iterator = || {
        RunError::from(Exception::type_error(format!(
            "'{}' object is not an iterator",
            iterator.type_name()
        )))
    };
    match iterator {
        Value::Object(object) => object.next(vm).ok_or_else(not_an_iterator)?,
        _ => Err(not_an_iterator()),
    }
}
// ANCHOR_END: next

/// Every item of an iterable, collected (`PySequence_List`).
pub fn collect(vm: &mut dyn Vm, value: &Value) -> Result<Vec<Value>, RunError> {
    builtins::iterate(vm, value)
}

/// What an iterator's `iter` slot answers: itself (`PyObject_SelfIter`).
pub fn itself(this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
    Some(Ok(Value::Object(this.clone())))
}

/// A static type object for a kind of iterator a program cannot create.
macro_rules! iterator_type {
    ($static:ident, $name:literal) => {
        pub static $static: TypeObject = TypeObject {
            name: $name,
            new: None,
        };
    };
}

iterator_type!(TUPLE_ITERATOR, "tuple_iterator");
iterator_type!(STR_ITERATOR, "str_ascii_iterator");
iterator_type!(BYTES_ITERATOR, "bytes_iterator");
iterator_type!(DICT_KEY_ITERATOR, "dict_keyiterator");
iterator_type!(DICT_VALUE_ITERATOR, "dict_valueiterator");
iterator_type!(DICT_ITEM_ITERATOR, "dict_itemiterator");

/// The `repr` every iterator has: `<tuple_iterator object at 0x…>`.
fn iterator_repr(object: &dyn Object) -> PyResult<String> {
    let address = std::ptr::from_ref(object).cast::<()>() as usize;
    Ok(format!(
        "<{} object at {address:#x}>",
        object.type_object().name
    ))
}

/// An iterator over a tuple.
#[derive(Debug)]
pub struct TupleIter {
    tuple: Tuple,
    index: Cell<usize>,
}

impl Object for TupleIter {
    fn type_object(&self) -> &'static TypeObject {
        &TUPLE_ITERATOR
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        iterator_repr(self)
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    fn next(&self, _: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        let index = self.index.get();
        let item = self.tuple.get(index).cloned();
        if item.is_some() {
            self.index.set(index + 1);
        }
        Some(Ok(item))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// An iterator over a str's characters, each a str of one.
#[derive(Debug)]
pub struct StrIter {
    text: Rc<str>,
    /// The byte offset of the next character.
    position: Cell<usize>,
}

impl Object for StrIter {
    fn type_object(&self) -> &'static TypeObject {
        &STR_ITERATOR
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        iterator_repr(self)
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    fn next(&self, _: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        let position = self.position.get();
        let Some(c) = self
            .text
            .get(position..)
            .and_then(|rest| rest.chars().next())
        else {
            return Some(Ok(None));
        };
        self.position.set(position + c.len_utf8());
        Some(Ok(Some(char_value(c))))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A one-character str, shared for Latin-1 (see [`latin1_strs`]).
pub fn char_value(c: char) -> Value {
    match u8::try_from(u32::from(c)) {
        Ok(byte) => latin1_strs()
            .get(usize::from(byte))
            .cloned()
            .unwrap_or_else(|| Value::char_str(c)),
        Err(_) => Value::char_str(c),
    }
}

/// An iterator over bytes: each item an int.
#[derive(Debug)]
pub struct BytesIter {
    bytes: Rc<[u8]>,
    index: Cell<usize>,
}

impl Object for BytesIter {
    fn type_object(&self) -> &'static TypeObject {
        &BYTES_ITERATOR
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        iterator_repr(self)
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    fn next(&self, _: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        let index = self.index.get();
        let item = self
            .bytes
            .get(index)
            .map(|&b| Value::Int(Int::from_i64(i64::from(b))));
        if item.is_some() {
            self.index.set(index + 1);
        }
        Some(Ok(item))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

// ANCHOR: dict_iter
/// What a dict iterator gives: the keys, the values or `(key, value)` pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictItems {
    Keys,
    Values,
    Items,
}

/// An iterator over a dict, by position in its insertion order. It
/// remembers the size it started with: a dict that changes size under it
/// raises `RuntimeError`, as `dictiter_iternextkey` checks `di_used`.
#[derive(Debug)]
pub struct DictIter {
    dict: Rc<RefCell<Dict>>,
    index: Cell<usize>,
    size: Cell<Option<usize>>,
    items: DictItems,
}

impl DictIter {
    pub fn new(dict: &Rc<RefCell<Dict>>, items: DictItems) -> DictIter {
        let size = dict.borrow().len();
        DictIter {
            dict: dict.clone(),
            index: Cell::new(0),
            size: Cell::new(Some(size)),
            items,
        }
    }
}

impl Object for DictIter {
    fn type_object(&self) -> &'static TypeObject {
        match self.items {
            DictItems::Keys => &DICT_KEY_ITERATOR,
            DictItems::Values => &DICT_VALUE_ITERATOR,
            DictItems::Items => &DICT_ITEM_ITERATOR,
        }
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        iterator_repr(self)
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    // ANCHOR: dict_iter_next
    fn next(&self, _: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        let Some(size) = self.size.get() else {
            return Some(Ok(None));
        };
        let dict = self.dict.borrow();
        if dict.len() != size {
            // Once raised, the iterator is spent (`di_used = -1`).
            self.size.set(None);
            return Some(Err(Exception::new(
                ExcType::RuntimeError,
                "dictionary changed size during iteration",
            )
            .into()));
        }
        let index = self.index.get();
        let Some((key, value)) = dict.get_index(index) else {
            self.size.set(None);
            return Some(Ok(None));
        };
        self.index.set(index + 1);
        Some(Ok(Some(match self.items {
            DictItems::Keys => key.clone(),
            DictItems::Values => value.clone(),
            DictItems::Items => Value::Tuple(Tuple::from(vec![key.clone(), value.clone()])),
        })))
    }
    // ANCHOR_END: dict_iter_next
    fn as_any(&self) -> &dyn Any {
        self
    }
}
// ANCHOR_END: dict_iter

// ANCHOR: lazy_builtins
/// The classes of the lazy builtins: calling one makes its iterator.
pub static ENUMERATE: TypeObject = TypeObject {
    name: "enumerate",
    new: Some(crate::builtins::new_enumerate),
};
pub static ZIP: TypeObject = TypeObject {
    name: "zip",
    new: Some(crate::builtins::new_zip),
};
pub static MAP: TypeObject = TypeObject {
    name: "map",
    new: Some(crate::builtins::new_map),
};
pub static FILTER: TypeObject = TypeObject {
    name: "filter",
    new: Some(crate::builtins::new_filter),
};
pub static REVERSED: TypeObject = TypeObject {
    name: "reversed",
    new: Some(crate::builtins::new_reversed),
};

/// `enumerate(iterable, start=0)`: `(count, item)` pairs, lazily.
#[derive(Debug)]
pub struct Enumerate {
    pub iterator: Value,
    pub count: RefCell<Int>,
}

impl Object for Enumerate {
    fn type_object(&self) -> &'static TypeObject {
        &ENUMERATE
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        iterator_repr(self)
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    fn next(&self, vm: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        Some((|| {
            let Some(item) = next(vm, &self.iterator)? else {
                return Ok(None);
            };
            let count = self.count.borrow().clone();
            let following = count.add(&Int::from_i64(1))?;
            *self.count.borrow_mut() = following;
            Ok(Some(Value::Tuple(Tuple::from(vec![
                Value::Int(count),
                item,
            ]))))
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `zip(*iterables)`: tuples of the next item of each, until one runs out.
#[derive(Debug)]
pub struct Zip {
    pub iterators: Vec<Value>,
}

impl Object for Zip {
    fn type_object(&self) -> &'static TypeObject {
        &ZIP
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        iterator_repr(self)
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    fn next(&self, vm: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        if self.iterators.is_empty() {
            return Some(Ok(None));
        }
        let mut items = Vec::with_capacity(self.iterators.len());
        for iterator in &self.iterators {
            match next(vm, iterator) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Some(Ok(None)),
                Err(error) => return Some(Err(error)),
            }
        }
        Some(Ok(Some(Value::Tuple(Tuple::from(items)))))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `map(function, *iterables)`: `function` called on the next items, lazily.
#[derive(Debug)]
pub struct Map {
    pub function: Value,
    pub iterators: Vec<Value>,
}

impl Object for Map {
    fn type_object(&self) -> &'static TypeObject {
        &MAP
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        iterator_repr(self)
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    fn next(&self, vm: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        let mut args = Vec::with_capacity(self.iterators.len());
        for iterator in &self.iterators {
            match next(vm, iterator) {
                Ok(Some(item)) => args.push(item),
                Ok(None) => return Some(Ok(None)),
                Err(error) => return Some(Err(error)),
            }
        }
        Some(vm.call(&self.function, args, Vec::new()).map(Some))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `filter(function, iterable)`: the items for which `function` (or, for
/// `None`, the item itself) is true.
#[derive(Debug)]
pub struct Filter {
    pub function: Value,
    pub iterator: Value,
}

impl Object for Filter {
    fn type_object(&self) -> &'static TypeObject {
        &FILTER
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        iterator_repr(self)
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    fn next(&self, vm: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        loop {
            let item = match next(vm, &self.iterator) {
                Ok(Some(item)) => item,
                other => return Some(other),
            };
            let keep = match &self.function {
                Value::None => item.is_true(),
                function => match vm.call(function, vec![item.clone()], Vec::new()) {
                    Ok(verdict) => verdict.is_true(),
                    Err(error) => return Some(Err(error)),
                },
            };
            if keep {
                return Some(Ok(Some(item)));
            }
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `reversed(sequence)` of a tuple, str or bytes: its items from the last,
/// taken when `reversed` is called (a list has its own, see
/// [`crate::list::ListReverseIter`]).
#[derive(Debug)]
pub struct Reversed {
    pub items: RefCell<Vec<Value>>,
}

impl Object for Reversed {
    fn type_object(&self) -> &'static TypeObject {
        &REVERSED
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        iterator_repr(self)
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    fn next(&self, _: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        Some(Ok(self.items.borrow_mut().pop()))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
// ANCHOR_END: lazy_builtins

/// The keyword arguments of a builtin that takes none, refused.
pub fn no_keywords(name: &str, keywords: &Keywords) -> PyResult<()> {
    if keywords.is_empty() {
        Ok(())
    } else {
        Err(Exception::type_error(format!(
            "{name}() takes no keyword arguments"
        )))
    }
}
