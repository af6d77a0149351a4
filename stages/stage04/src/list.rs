//! `list` (`Objects/listobject.c`): a mutable sequence, shared by everyone who
//! holds it, so its items sit in a `RefCell`.
//!
//! One rule keeps the `RefCell` from ever panicking: no borrow is held while
//! Python code or another list operation could run. A method copies what it
//! needs out of the borrow first; `sort` takes the items out of the list while
//! its key function runs, as CPython's `list.sort` empties the list.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::exc::{ExcType, Exception, PyResult};
use crate::iter::{self, itself};
use crate::slice::{self, Slice};
use crate::value::object::downcast_rc;
use crate::value::ops::{self, CompareOp};
use crate::value::types::TypeObject;
use crate::value::{check_repr_depth, repr_guarded, repr_items, Object, Value};
use crate::vm::{Keywords, RunError, Vm};

// ANCHOR: list
/// A `list`.
#[derive(Debug, Default)]
pub struct List {
    pub items: RefCell<Vec<Value>>,
}

pub static LIST: TypeObject = TypeObject {
    name: "list",
    new: Some(new_list),
};
// ANCHOR_END: list

/// A list value holding `items`.
pub fn new_value(items: Vec<Value>) -> Value {
    Value::object(List {
        items: RefCell::new(items),
    })
}

/// `list(iterable=(), /)`.
fn new_list(vm: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    iter::no_keywords("list", keywords)?;
    match args {
        [] => Ok(new_value(Vec::new())),
        [iterable] => Ok(new_value(iter::collect(vm, iterable)?)),
        _ => Err(Exception::type_error(format!(
            "list expected at most 1 argument, got {}",
            args.len()
        ))
        .into()),
    }
}

impl List {
    /// A copy of the items (for code that must not hold the borrow).
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    /// `list.append` and `LIST_APPEND`.
    pub fn push(&self, item: Value) -> PyResult<()> {
        let mut items = self.items.borrow_mut();
        ops::reserve(&mut items, 1)?;
        items.push(item);
        Ok(())
    }

    /// `list[index]`.
    pub fn item(&self, index: &Value) -> PyResult<Value> {
        let items = self.items.borrow();
        match slice::sequence_index(index, items.len(), "list")? {
            Some(i) => Ok(items[i].clone()),
            None => Err(Exception::new(
                ExcType::IndexError,
                "list index out of range",
            )),
        }
    }
}

impl Object for List {
    fn type_object(&self) -> &'static TypeObject {
        &LIST
    }

    // ANCHOR: list_repr
    fn repr(&self, depth: usize) -> PyResult<String> {
        check_repr_depth(depth)?;
        let address = std::ptr::from_ref(self) as usize;
        repr_guarded(address, "[...]", || {
            let items = self.snapshot();
            Ok(format!("[{}]", repr_items(&items, depth)?))
        })
    }
    // ANCHOR_END: list_repr

    fn is_true(&self) -> bool {
        !self.is_empty()
    }

    fn size(&self) -> Option<usize> {
        Some(self.len())
    }

    fn rich_compare(
        &self,
        other: &Value,
        op: CompareOp,
        headroom: usize,
    ) -> Option<PyResult<bool>> {
        let other = other.downcast::<List>()?;
        let (x, y) = (self.snapshot(), other.snapshot());
        Some(compare_sequences(&x, &y, op, headroom))
    }

    // ANCHOR: list_object_slots
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        let list = downcast_rc::<List>(this)?;
        Some(Ok(Value::object(ListIter {
            list,
            index: Cell::new(0),
        })))
    }

    fn getitem(&self, key: &Value) -> Option<PyResult<Value>> {
        if let Some(slice) = key.downcast::<Slice>() {
            return Some(self.get_slice(slice));
        }
        Some(self.item(key))
    }

    fn setitem(&self, key: &Value, value: Value) -> Option<PyResult<()>> {
        Some(self.set_item(key, value))
    }

    fn delitem(&self, key: &Value) -> Option<PyResult<()>> {
        Some(self.del_item(key))
    }
    // ANCHOR_END: list_object_slots

    fn contains(&self, item: &Value, headroom: usize) -> Option<PyResult<bool>> {
        let items = self.snapshot();
        for candidate in &items {
            match ops::items_equal(candidate, item, headroom) {
                Ok(true) => return Some(Ok(true)),
                Ok(false) => {}
                Err(error) => return Some(Err(error)),
            }
        }
        Some(Ok(false))
    }

    fn hash(&self) -> Option<PyResult<i64>> {
        Some(Err(Exception::type_error("unhashable type: 'list'")))
    }

    // ANCHOR: list_drain
    fn drain(&mut self) -> Vec<Value> {
        std::mem::take(self.items.get_mut())
    }
    // ANCHOR_END: list_drain

    fn as_any(&self) -> &dyn Any {
        self
    }
}

// ANCHOR: list_drop
/// A list freed while it holds containers hands them to the trashcan, so that
/// dropping a list nested a million deep does not recurse (see
/// `value::drop_nested`).
impl Drop for List {
    fn drop(&mut self) {
        let items = self.items.get_mut();
        if items
            .iter()
            .any(|v| matches!(v, Value::Object(_) | Value::Tuple(_) | Value::Dict(_)))
        {
            let items = std::mem::take(items);
            crate::value::drop_nested(crate::value::Emptying::Values(items));
        }
    }
}
// ANCHOR_END: list_drop

// ANCHOR: compare_sequences
/// Lists (and tuples) compare item by item (`list_richcompare`): the first
/// pair that is not equal decides; if one runs out first, the lengths decide.
pub fn compare_sequences(
    x: &[Value],
    y: &[Value],
    op: CompareOp,
    headroom: usize,
) -> PyResult<bool> {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(op == CompareOp::Ne);
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !ops::items_equal(p, q, headroom)? {
            return match op {
                CompareOp::Eq => Ok(false),
                CompareOp::Ne => Ok(true),
                _ => ops::compare(p, q, op, headroom),
            };
        }
    }
    Ok(op.holds(x.len().cmp(&y.len())))
}
// ANCHOR_END: compare_sequences

impl List {
    /// `list[a:b:c]`: a new list.
    pub fn get_slice(&self, slice: &Slice) -> PyResult<Value> {
        let items = self.items.borrow();
        let indices = slice.indices(items.len())?;
        let picked: Vec<Value> = indices
            .positions()
            .filter_map(|i| items.get(i).cloned())
            .collect();
        Ok(new_value(picked))
    }

    /// `list[key] = value`, a slice assignment included.
    fn set_item(&self, key: &Value, value: Value) -> PyResult<()> {
        if let Some(slice) = key.downcast::<Slice>() {
            let new_items = match &value {
                Value::Tuple(t) => t.to_vec(),
                other => match other.downcast::<List>() {
                    Some(list) => list.snapshot(),
                    None => return Err(Exception::type_error("can only assign an iterable")),
                },
            };
            return self.set_slice(slice, new_items);
        }
        let mut items = self.items.borrow_mut();
        match slice::sequence_index(key, items.len(), "list")? {
            Some(i) => {
                let old = std::mem::replace(&mut items[i], value);
                drop(items);
                drop(old);
                Ok(())
            }
            None => Err(Exception::new(
                ExcType::IndexError,
                "list assignment index out of range",
            )),
        }
    }

    // ANCHOR: set_slice
    /// `list[a:b] = items` (`list_ass_slice`): a simple slice may change the
    /// list's length; an extended one must be given as many items as it selects.
    /// The items are collected first, out of any borrow (`x[1:2] = x` is
    /// legal): `STORE_SUBSCR` does it ([`crate::subscript`]).
    pub fn set_slice(&self, slice: &Slice, new_items: Vec<Value>) -> PyResult<()> {
        let mut items = self.items.borrow_mut();
        let indices = slice.indices(items.len())?;
        if indices.step == 1 {
            let start = usize::try_from(indices.start).unwrap_or(0);
            let stop = usize::try_from(indices.stop).unwrap_or(0).max(start);
            let removed: Vec<Value> = items.splice(start..stop, new_items).collect();
            drop(items);
            drop(removed);
            return Ok(());
        }
        if new_items.len() != indices.len {
            return Err(Exception::value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                indices.len
            )));
        }
        for (position, item) in indices.positions().zip(new_items) {
            if let Some(slot) = items.get_mut(position) {
                *slot = item;
            }
        }
        Ok(())
    }
    // ANCHOR_END: set_slice

    /// `del list[key]`, a slice included.
    fn del_item(&self, key: &Value) -> PyResult<()> {
        let mut items = self.items.borrow_mut();
        if let Some(slice) = key.downcast::<Slice>() {
            let indices = slice.indices(items.len())?;
            let mut doomed: Vec<usize> = indices.positions().collect();
            doomed.sort_unstable();
            let mut removed = Vec::with_capacity(doomed.len());
            for position in doomed.into_iter().rev() {
                if position < items.len() {
                    removed.push(items.remove(position));
                }
            }
            drop(items);
            drop(removed);
            return Ok(());
        }
        match slice::sequence_index(key, items.len(), "list")? {
            Some(i) => {
                let old = items.remove(i);
                drop(items);
                drop(old);
                Ok(())
            }
            None => Err(Exception::new(
                ExcType::IndexError,
                "list assignment index out of range",
            )),
        }
    }
}

// ANCHOR: list_iter
pub static LIST_ITERATOR: TypeObject = TypeObject {
    name: "list_iterator",
    new: None,
};

/// An iterator over a list. It reads the list's length on every step, so
/// items appended during the loop are visited too, as in CPython.
#[derive(Debug)]
pub struct ListIter {
    list: Rc<List>,
    index: Cell<usize>,
}

impl Object for ListIter {
    fn type_object(&self) -> &'static TypeObject {
        &LIST_ITERATOR
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        Ok(format!(
            "<list_iterator object at {:#x}>",
            std::ptr::from_ref(self) as usize
        ))
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    fn next(&self, _: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        let index = self.index.get();
        let item = self.list.items.borrow().get(index).cloned();
        if item.is_some() {
            self.index.set(index + 1);
        }
        Some(Ok(item))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
// ANCHOR_END: list_iter

pub static LIST_REVERSE_ITERATOR: TypeObject = TypeObject {
    name: "list_reverseiterator",
    new: None,
};

/// `reversed(list)`: from the last item down, noticing a list that shrank.
#[derive(Debug)]
pub struct ListReverseIter {
    pub list: Rc<List>,
    /// The index of the next item plus one; 0 when done.
    pub remaining: Cell<usize>,
}

impl Object for ListReverseIter {
    fn type_object(&self) -> &'static TypeObject {
        &LIST_REVERSE_ITERATOR
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        Ok(format!(
            "<list_reverseiterator object at {:#x}>",
            std::ptr::from_ref(self) as usize
        ))
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    fn next(&self, _: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        let remaining = self.remaining.get();
        let Some(index) = remaining.checked_sub(1) else {
            return Some(Ok(None));
        };
        let item = self.list.items.borrow().get(index).cloned();
        self.remaining.set(if item.is_some() { index } else { 0 });
        Some(Ok(item))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
