//! `set` and `frozenset` (`Objects/setobject.c`): unordered collections of
//! hashable values, which iterate in the order of CPython's hash table.
//!
//! Both types are one Rust struct, [`Set`], with a `frozen` flag, as both are
//! one C struct (`PySetObject`) in CPython. The items sit in stage02's
//! [`SetTable`], which rebuilds `setobject.c`'s open-addressing table slot for
//! slot, with each item's Python hash ([`py_hash`]): a program that prints a
//! set prints what CPython prints. Every operation below follows the C
//! function it is named after, down to which operand it iterates and which
//! table it copies, because that decides the order of the result.
//!
//! As for the list, no borrow of a set's table is held while Python code may
//! run: an operation that iterates an arbitrary iterable borrows the table
//! once per item.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use stage02::hash::{self, SetTable, TupleHasher};

use crate::code::Constant;
use crate::exc::{ExcType, Exception, PyResult};
use crate::iter::{self, itself};
use crate::methods::{check_args, MethodDef};
use crate::opcode::BinaryOperator;
use crate::value::dict::MAX_KEY_DEPTH;
use crate::value::object::downcast_rc;
use crate::value::ops::{self, CompareOp};
use crate::value::types::TypeObject;
use crate::value::{check_repr_depth, repr_guarded, value_from_constant, Object, Value};
use crate::vm::{Keywords, RunError, Vm};

// ANCHOR: set
/// A `set` or a `frozenset` (`PySetObject`).
#[derive(Debug)]
pub struct Set {
    table: RefCell<Table>,
    /// A `frozenset`: immutable and hashable.
    frozen: bool,
    /// A frozenset's hash once computed (`so->hash`).
    hash: Cell<Option<i64>>,
}

pub static SET: TypeObject = TypeObject {
    name: "set",
    new: Some(new_set),
};

pub static FROZENSET: TypeObject = TypeObject {
    name: "frozenset",
    new: Some(new_frozenset),
};
// ANCHOR_END: set

/// How deeply the items of a set may be compared when no interpreter is at
/// hand to say what the recursion limit leaves (`BUILD_SET`, the operators):
/// the depth a dict key may have, as [`ops::equal`] allows.
const DEFAULT_HEADROOM: usize = MAX_KEY_DEPTH + 2;

// ANCHOR: py_hash
/// What CPython 3.11 hashes by address (`_Py_HashPointer`), and so no program
/// can depend on: `None` gets the constant CPython 3.12 gives it (gh-99540),
/// `...` and a NaN a constant of ours.
const NONE_HASH: i64 = 0xFCA8_6420;
const ELLIPSIS_HASH: i64 = 0xFCA8_6421;
const NAN_HASH: i64 = 0;

/// `hash(value)` (`PyObject_Hash`) as `PYTHONHASHSEED=0 python3.11` computes
/// it: numbers by value (`hash(1) == hash(1.0) == hash(True)`), str and
/// bytes by SipHash, a tuple from its items' hashes, a frozenset from its
/// items', another object by its `hash` slot or else by its address.
/// `TypeError: unhashable type: 'list'` for a value that has no hash, or a
/// tuple that holds one.
pub fn py_hash(value: &Value) -> PyResult<i64> {
    hash_nested(value, 0)
}

/// [`py_hash`] of a value nested `depth` tuples deep: a tuple deeper than a
/// dict key may be raises `RecursionError` (CPython's `tuplehash` would
/// overflow the C stack).
fn hash_nested(value: &Value, depth: usize) -> PyResult<i64> {
    Ok(match value {
        Value::None => NONE_HASH,
        Value::Ellipsis => ELLIPSIS_HASH,
        Value::Bool(b) => hash::hash_bool(*b),
        Value::Int(n) => hash::hash_long(n),
        Value::Float(x) => hash::hash_float(*x).unwrap_or(NAN_HASH),
        Value::Complex { real, imag } => hash::hash_complex(*real, *imag).unwrap_or(NAN_HASH),
        Value::Str(text) => hash::hash_str_utf8(text),
        Value::SurrogateStr(points) => hash::hash_str(points.iter().copied()),
        Value::Bytes(bytes) => hash::hash_bytes(bytes),
        Value::Tuple(items) => {
            if depth >= MAX_KEY_DEPTH {
                return Err(Exception::new(
                    ExcType::RecursionError,
                    "maximum recursion depth exceeded while calling a Python object",
                ));
            }
            let mut hasher = TupleHasher::new();
            for item in items.iter() {
                hasher.add(hash_nested(item, depth + 1)?);
            }
            hasher.finish()
        }
        Value::Dict(_) => return Err(unhashable(value)),
        Value::Code(code) => hash_pointer(Rc::as_ptr(code) as usize),
        Value::Builtin(function) => hash_pointer(std::ptr::from_ref(*function) as usize),
        Value::Type(class) => hash_pointer(std::ptr::from_ref(*class) as usize),
        Value::Object(object) => match object.hash() {
            Some(result) => result?,
            None => hash_pointer(Rc::as_ptr(object).cast::<()>() as usize),
        },
    })
}

/// `_Py_HashPointer`: an address rotated by 4 bits (its low bits are always
/// zero), -1 becoming -2.
fn hash_pointer(address: usize) -> i64 {
    let hash = address.rotate_right(4) as i64;
    if hash == -1 {
        -2
    } else {
        hash
    }
}

/// `TypeError: unhashable type: 'list'`.
fn unhashable(value: &Value) -> Exception {
    Exception::type_error(format!("unhashable type: '{}'", value.type_name()))
}

/// The hash under which `key` is sought in a set (`set_contains`,
/// `set_discard`, `set_remove`): a set that is itself unhashable is sought as
/// the frozenset of its items, so `{1} in {frozenset({1})}` is true.
fn lookup_hash(key: &Value) -> PyResult<i64> {
    match py_hash(key) {
        Err(error) if error.kind == ExcType::TypeError => match key.downcast::<Set>() {
            Some(set) => Ok(set.items_hash()),
            None => Err(error),
        },
        result => result,
    }
}
// ANCHOR_END: py_hash

// ANCHOR: table
/// A set's hash table, how many of its slots are dummies (what a removed
/// item leaves, CPython's `so->fill - so->used`), and where `pop` looks next.
///
/// [`SetTable`] keeps `fill` to itself, so the number of dummies is counted
/// here: one more for each removal, none after the table is rebuilt (it
/// changed size, or it was cleared). An insertion that reuses a dummy is not
/// seen, so the count may run high; it only decides when
/// `set_difference_update_internal` rebuilds the table (with a
/// `SetTable::fill()` accessor, [`Table::dummies`] would be exact).
///
/// The finger is kept here too, not in the [`SetTable`], because it belongs
/// to the set rather than to its table: `s &= t` gives `s` a new table
/// (`set_swap_bodies`) but leaves it its finger.
#[derive(Debug, Clone, Default)]
struct Table {
    slots: SetTable<Value>,
    dummies: usize,
    /// The slot where `set.pop()` starts looking (`so->finger`).
    finger: usize,
}

impl Table {
    fn len(&self) -> usize {
        self.slots.len()
    }

    /// `set_contains_entry`.
    fn contains(&self, hash: i64, key: &Value, headroom: usize) -> PyResult<bool> {
        self.slots
            .contains(hash, |stored| ops::items_equal(stored, key, headroom))
    }

    /// `set_add_entry`: `true` when `key` was not there yet.
    fn add(&mut self, hash: i64, key: Value, headroom: usize) -> PyResult<bool> {
        let size = self.slots.table_size();
        let added = self.slots.insert(hash, key, |stored, key| {
            ops::items_equal(stored, key, headroom)
        })?;
        if self.slots.table_size() != size {
            self.dummies = 0;
        }
        Ok(added)
    }

    /// `set_add_key`: [`Table::add`] with the key's hash computed.
    fn add_key(&mut self, key: Value, headroom: usize) -> PyResult<bool> {
        let hash = py_hash(&key)?;
        self.add(hash, key, headroom)
    }

    /// `set_discard_entry`: the removed key, if it was there.
    fn discard(&mut self, hash: i64, key: &Value, headroom: usize) -> PyResult<Option<Value>> {
        let removed = self
            .slots
            .remove(hash, |stored| ops::items_equal(stored, key, headroom))?;
        if removed.is_some() {
            self.dummies += 1;
        }
        Ok(removed)
    }

    /// `set_pop`: removes the first key at or after the finger, wrapping
    /// around, and moves the finger past it.
    fn pop(&mut self) -> Option<Value> {
        let start = self.finger & (self.slots.table_size() - 1);
        let (next, hash, key) = self
            .slots
            .next_entry(start)
            .or_else(|| self.slots.next_entry(0))?;
        // The key is removed from its very slot: compared by address, not
        // by value (a NaN is not equal to itself).
        let slot = std::ptr::from_ref(key) as usize;
        self.finger = next;
        let removed = self
            .slots
            .remove(hash, |stored| {
                Ok::<bool, Exception>(std::ptr::from_ref(stored) as usize == slot)
            })
            .ok()
            .flatten();
        if removed.is_some() {
            self.dummies += 1;
        }
        removed
    }

    /// `set_swap_bodies`: this table's keys replaced by those of `other`;
    /// the finger stays. The old table is returned, to be freed once the set
    /// is no longer borrowed.
    fn swap_body(&mut self, other: Table) -> Table {
        let finger = self.finger;
        let old = std::mem::replace(self, other);
        self.finger = finger;
        old
    }

    /// `set_clear_internal`.
    fn clear(&mut self) {
        self.slots.clear();
        self.dummies = 0;
    }

    /// `set_merge`: adds every key of `other`.
    fn merge(&mut self, other: &Table, headroom: usize) -> PyResult<()> {
        let size = self.slots.table_size();
        self.slots.merge(&other.slots, |stored, key| {
            ops::items_equal(stored, key, headroom)
        })?;
        if self.slots.table_size() != size {
            self.dummies = 0;
        }
        Ok(())
    }

    /// `set_copy`: a new table holding the same keys, built by `set_merge`.
    fn copy(&self, headroom: usize) -> PyResult<Table> {
        let mut copy = Table::default();
        copy.merge(self, headroom)?;
        Ok(copy)
    }

    /// `so->fill - so->used`, as counted here (see [`Table`]).
    fn dummies(&self) -> usize {
        self.dummies
    }

    /// The end of `set_difference_update_internal`: "If more than 1/4th are
    /// dummies, then resize them away."
    fn resize_away_dummies(&mut self) -> PyResult<()> {
        let mask = self.slots.table_size() - 1;
        if self.dummies() <= mask / 4 {
            return Ok(());
        }
        let used = self.len();
        let factor = if used > 50_000 { 2 } else { 4 };
        self.slots.resize(used * factor)?;
        self.dummies = 0;
        Ok(())
    }

    /// The keys in iteration order, copied out.
    fn keys(&self) -> Vec<Value> {
        self.slots.iter().cloned().collect()
    }
}
// ANCHOR_END: table

// ANCHOR: constructors
impl Set {
    fn with_table(table: Table, frozen: bool) -> Set {
        Set {
            table: RefCell::new(table),
            frozen,
            hash: Cell::new(None),
        }
    }

    /// Whether this is a `frozenset`.
    pub fn is_frozen(&self) -> bool {
        self.frozen
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items in iteration order, copied out of the table.
    pub fn items(&self) -> Vec<Value> {
        self.table.borrow().keys()
    }

    /// `item in self` (`set_contains`), with the recursion headroom the
    /// comparisons of items may use.
    pub fn contains(&self, item: &Value, headroom: usize) -> PyResult<bool> {
        let hash = lookup_hash(item)?;
        self.table.borrow().contains(hash, item, headroom)
    }

    /// `frozenset_hash` of the items, whether or not the set is frozen.
    fn items_hash(&self) -> i64 {
        let table = self.table.borrow();
        hash::hash_frozenset(table.slots.entries().map(|(hash, _)| hash))
    }

    fn type_object(&self) -> &'static TypeObject {
        if self.frozen {
            &FROZENSET
        } else {
            &SET
        }
    }
}

/// A set or frozenset value holding `table`.
fn set_value(table: Table, frozen: bool) -> Value {
    Value::object(Set::with_table(table, frozen))
}

/// A table holding `items`, added in order (`PySet_Add` one by one).
fn table_of_items(items: Vec<Value>) -> PyResult<Table> {
    let mut table = Table::default();
    for item in items {
        table.add_key(item, DEFAULT_HEADROOM)?;
    }
    Ok(table)
}

/// A new set of `items`, added in order.
pub fn new_set_value(items: Vec<Value>) -> PyResult<Value> {
    Ok(set_value(table_of_items(items)?, false))
}

/// A new frozenset of `items`, added in order: what `marshal` does for a
/// frozenset constant, so a constant iterates as CPython's does.
pub fn new_frozenset_value(items: Vec<Value>) -> PyResult<Value> {
    Ok(set_value(table_of_items(items)?, true))
}

/// The value of a constant of `co_consts`, frozensets included (which
/// stage02's `value_from_constant` leaves out): the items are added in the
/// order the `.pyc` stores them, as `marshal.loads` does. `None` for a
/// constant that has no value.
pub fn constant_value(constant: &Constant) -> Option<PyResult<Value>> {
    match constant {
        Constant::FrozenSet(items) => {
            let mut values = Vec::with_capacity(items.len());
            for item in items.iter() {
                match constant_value(item)? {
                    Ok(value) => values.push(value),
                    Err(error) => return Some(Err(error)),
                }
            }
            Some(new_frozenset_value(values))
        }
        Constant::Tuple(items) if items.iter().any(holds_frozenset) => {
            let mut values = Vec::with_capacity(items.len());
            for item in items.iter() {
                match constant_value(item)? {
                    Ok(value) => values.push(value),
                    Err(error) => return Some(Err(error)),
                }
            }
            Some(Ok(Value::Tuple(values.into())))
        }
        other => value_from_constant(other).map(Ok),
    }
}

/// Whether a constant is or holds a frozenset.
fn holds_frozenset(constant: &Constant) -> bool {
    match constant {
        Constant::FrozenSet(_) => true,
        Constant::Tuple(items) => items.iter().any(holds_frozenset),
        _ => false,
    }
}

/// `BUILD_SET`: a new set of the items popped off the stack, bottom first.
pub fn from_items(items: Vec<Value>) -> PyResult<Value> {
    new_set_value(items)
}

/// `SET_ADD` (a set comprehension) and `set.add`: adds `item` to the set
/// `set`.
pub fn add_item(set: &Value, item: Value) -> PyResult<()> {
    let set = as_set(set)?;
    set.table.borrow_mut().add_key(item, DEFAULT_HEADROOM)?;
    Ok(())
}

/// `SET_UPDATE` (`{*a, *b}`, and a set display of constants, which is
/// `BUILD_SET 0` then `SET_UPDATE` of a frozenset): `_PySet_Update`, which
/// copies a set's table as `set_merge` does, so the order is CPython's.
pub fn update_from(vm: &mut dyn Vm, set: &Value, iterable: &Value) -> Result<(), RunError> {
    let set = as_set(set)?;
    let headroom = vm.recursion_headroom();
    update_internal(vm, &set.table, iterable, headroom)
}

/// `set(iterable)` (`PySet_New`), for the dict views' operators.
pub fn new_set_from(vm: &mut dyn Vm, iterable: &Value) -> Result<Value, RunError> {
    let headroom = vm.recursion_headroom();
    Ok(set_value(table_from(vm, iterable, headroom)?, false))
}

/// The set behind a value, or a `TypeError`.
fn as_set(value: &Value) -> PyResult<&Set> {
    value.downcast::<Set>().ok_or_else(|| {
        Exception::type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            value.type_name()
        ))
    })
}

/// `set(iterable=(), /)` (`set_init`).
fn new_set(vm: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    iter::no_keywords("set", keywords)?;
    match args {
        [] => Ok(set_value(Table::default(), false)),
        [iterable] => {
            let headroom = vm.recursion_headroom();
            Ok(set_value(table_from(vm, iterable, headroom)?, false))
        }
        _ => Err(too_many_arguments("set", args).into()),
    }
}

/// `frozenset(iterable=(), /)` (`frozenset_new`): a frozenset is its own
/// frozenset.
fn new_frozenset(vm: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    iter::no_keywords("frozenset", keywords)?;
    match args {
        [] => Ok(set_value(Table::default(), true)),
        [iterable] => {
            if iterable.downcast::<Set>().is_some_and(Set::is_frozen) {
                return Ok(iterable.clone());
            }
            let headroom = vm.recursion_headroom();
            Ok(set_value(table_from(vm, iterable, headroom)?, true))
        }
        _ => Err(too_many_arguments("frozenset", args).into()),
    }
}

/// `set expected at most 1 argument, got 2`.
fn too_many_arguments(name: &str, args: &[Value]) -> Exception {
    Exception::type_error(format!(
        "{name} expected at most 1 argument, got {}",
        args.len()
    ))
}
// ANCHOR_END: constructors

// ANCHOR: object
impl Object for Set {
    fn type_object(&self) -> &'static TypeObject {
        Set::type_object(self)
    }

    /// `set_repr`: `{1, 2}`, `frozenset({1, 2})`, `set()` when empty.
    fn repr(&self, depth: usize) -> PyResult<String> {
        check_repr_depth(depth)?;
        let name = Set::type_object(self).name;
        let address = std::ptr::from_ref(self) as usize;
        repr_guarded(address, &format!("{name}(...)"), || {
            let items = self.items();
            if items.is_empty() {
                return Ok(format!("{name}()"));
            }
            let mut out = String::new();
            if self.frozen {
                out.push_str("frozenset(");
            }
            out.push('{');
            out.push_str(&crate::value::repr_items(&items, depth)?);
            out.push('}');
            if self.frozen {
                out.push(')');
            }
            Ok(out)
        })
    }

    fn is_true(&self) -> bool {
        !self.is_empty()
    }

    fn size(&self) -> Option<usize> {
        Some(self.len())
    }

    /// `set_richcompare`: `==` for the same items, `<=` and `<` for a
    /// subset, `>=` and `>` for a superset; a set and a frozenset mix.
    fn rich_compare(
        &self,
        other: &Value,
        op: CompareOp,
        headroom: usize,
    ) -> Option<PyResult<bool>> {
        let other = other.downcast::<Set>()?;
        let (a, b) = (self.table.borrow(), other.table.borrow());
        Some(compare_tables(&a, &b, op, headroom))
    }

    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        let set = downcast_rc::<Set>(this)?;
        let used = set.len();
        Some(Ok(Value::object(SetIter {
            set,
            position: Cell::new(0),
            used: Cell::new(Some(used)),
            done: Cell::new(false),
        })))
    }

    fn contains(&self, item: &Value, headroom: usize) -> Option<PyResult<bool>> {
        Some(Set::contains(self, item, headroom))
    }

    /// `frozenset_hash`, computed once; a set is unhashable.
    fn hash(&self) -> Option<PyResult<i64>> {
        if !self.frozen {
            return Some(Err(Exception::type_error("unhashable type: 'set'")));
        }
        if let Some(hash) = self.hash.get() {
            return Some(Ok(hash));
        }
        let hash = self.items_hash();
        self.hash.set(Some(hash));
        Some(Ok(hash))
    }

    fn drain(&mut self) -> Vec<Value> {
        let table = std::mem::take(self.table.get_mut());
        table.keys()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A set freed while it holds containers (tuples, frozensets) hands them to
/// the trashcan, as a list does (see `value::drop_nested`).
impl Drop for Set {
    fn drop(&mut self) {
        let table = self.table.get_mut();
        let holds_containers = table
            .slots
            .iter()
            .any(|v| matches!(v, Value::Object(_) | Value::Tuple(_) | Value::Dict(_)));
        if holds_containers {
            let items = self.drain();
            crate::value::drop_nested(crate::value::Emptying::Values(items));
        }
    }
}
// ANCHOR_END: object

// ANCHOR: set_iter
pub static SET_ITERATOR: TypeObject = TypeObject {
    name: "set_iterator",
    new: None,
};

/// An iterator over a set, slot by slot (`setiterobject`). It remembers the
/// size the set had: a set that changes size under it raises `RuntimeError`,
/// and keeps raising (`si_used = -1`).
#[derive(Debug)]
pub struct SetIter {
    set: Rc<Set>,
    /// The slot to look at next (`si_pos`).
    position: Cell<usize>,
    /// The set's size when iteration began; `None` once it has changed.
    used: Cell<Option<usize>>,
    /// Exhausted (`si_set = NULL`).
    done: Cell<bool>,
}

impl Object for SetIter {
    fn type_object(&self) -> &'static TypeObject {
        &SET_ITERATOR
    }

    fn repr(&self, _: usize) -> PyResult<String> {
        Ok(format!(
            "<set_iterator object at {:#x}>",
            std::ptr::from_ref(self) as usize
        ))
    }

    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }

    /// `setiter_iternext`.
    fn next(&self, _: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        if self.done.get() {
            return Some(Ok(None));
        }
        let table = self.set.table.borrow();
        if self.used.get() != Some(table.len()) {
            self.used.set(None);
            return Some(Err(Exception::new(
                ExcType::RuntimeError,
                "Set changed size during iteration",
            )
            .into()));
        }
        match table.slots.next_entry(self.position.get()) {
            Some((next, _, key)) => {
                self.position.set(next);
                Some(Ok(Some(key.clone())))
            }
            None => {
                self.done.set(true);
                Some(Ok(None))
            }
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
// ANCHOR_END: set_iter

// ANCHOR: algorithms
/// Calls `each` on every item of `iterable` as it is produced
/// (`PyObject_GetIter`, then `PyIter_Next`), until `each` says to stop with
/// `false`. Whether every item was seen.
fn for_each_item(
    vm: &mut dyn Vm,
    iterable: &Value,
    mut each: impl FnMut(Value) -> PyResult<bool>,
) -> Result<bool, RunError> {
    let iterator = iter::get_iter(iterable)?;
    while let Some(item) = iter::next(vm, &iterator)? {
        if !each(item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The set behind `value`, when it is a set or frozenset (`PyAnySet_Check`).
fn other_set(value: &Value) -> Option<&Set> {
    value.downcast::<Set>()
}

fn same_table(a: &RefCell<Table>, b: &RefCell<Table>) -> bool {
    std::ptr::eq(a, b)
}

/// `set_update_internal`: adds the items of `other`: a set's by `set_merge`,
/// a dict's keys after one resize, any other iterable's one by one.
fn update_internal(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    other: &Value,
    headroom: usize,
) -> Result<(), RunError> {
    if let Some(other) = other_set(other) {
        if !same_table(so, &other.table) {
            so.borrow_mut().merge(&other.table.borrow(), headroom)?;
        }
        return Ok(());
    }
    if let Value::Dict(dict) = other {
        let dict = dict.borrow();
        let mut table = so.borrow_mut();
        table.slots.reserve(dict.len()).map_err(Exception::from)?;
        for (key, _) in dict.iter() {
            table.add_key(key.clone(), headroom)?;
        }
        return Ok(());
    }
    for_each_item(vm, other, |key| {
        so.borrow_mut().add_key(key, headroom)?;
        Ok(true)
    })?;
    Ok(())
}

/// `make_new_set`: a table of the items of `iterable`.
fn table_from(vm: &mut dyn Vm, iterable: &Value, headroom: usize) -> Result<Table, RunError> {
    let table = RefCell::new(Table::default());
    update_internal(vm, &table, iterable, headroom)?;
    Ok(table.into_inner())
}

/// `set_richcompare` of two tables.
fn compare_tables(a: &Table, b: &Table, op: CompareOp, headroom: usize) -> PyResult<bool> {
    Ok(match op {
        CompareOp::Eq => a.len() == b.len() && is_subset(a, b, headroom)?,
        CompareOp::Ne => a.len() != b.len() || !is_subset(a, b, headroom)?,
        CompareOp::Le => is_subset(a, b, headroom)?,
        CompareOp::Ge => is_subset(b, a, headroom)?,
        CompareOp::Lt => a.len() < b.len() && is_subset(a, b, headroom)?,
        CompareOp::Gt => a.len() > b.len() && is_subset(b, a, headroom)?,
    })
}

/// `set_issubset` of two tables: every key of `a` is in `b`.
fn is_subset(a: &Table, b: &Table, headroom: usize) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (hash, key) in a.slots.entries() {
        if !b.contains(hash, key, headroom)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_intersection` of two distinct sets: the smaller one (`other` when
/// they are as large) is walked, and its keys found in the other are kept.
fn intersect_tables(so: &Table, other: &Table, headroom: usize) -> PyResult<Table> {
    let (walked, searched) = if other.len() > so.len() {
        (so, other)
    } else {
        (other, so)
    };
    let mut result = Table::default();
    for (hash, key) in walked.slots.entries() {
        if searched.contains(hash, key, headroom)? {
            result.add(hash, key.clone(), headroom)?;
        }
    }
    Ok(result)
}

/// `set_intersection`: a set's intersection with another set, or with the
/// items of any iterable that it holds.
fn intersection(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    other: &Value,
    headroom: usize,
) -> Result<Table, RunError> {
    if let Some(other) = other_set(other) {
        return Ok(intersection_with_set(so, &other.table, headroom)?);
    }
    let mut result = Table::default();
    for_each_item(vm, other, |key| {
        let hash = py_hash(&key)?;
        if so.borrow().contains(hash, &key, headroom)? {
            result.add(hash, key, headroom)?;
        }
        Ok(true)
    })?;
    Ok(result)
}

/// `set_intersection` when `other` is a set: `s & s` is a copy.
fn intersection_with_set(
    so: &RefCell<Table>,
    other: &RefCell<Table>,
    headroom: usize,
) -> PyResult<Table> {
    if same_table(so, other) {
        return so.borrow().copy(headroom);
    }
    intersect_tables(&so.borrow(), &other.borrow(), headroom)
}

/// `set_intersection_multi`: the intersection with each of `others` in turn.
fn intersection_multi(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    others: &[Value],
    headroom: usize,
) -> Result<Table, RunError> {
    let Some((first, rest)) = others.split_first() else {
        return Ok(so.borrow().copy(headroom)?);
    };
    let mut result = intersection(vm, so, first, headroom)?;
    for other in rest {
        let current = RefCell::new(result);
        result = intersection(vm, &current, other, headroom)?;
    }
    Ok(result)
}

/// `set_difference`: the keys of `so` not in `other`. Against a set or a
/// dict not much smaller than `so`, a new table of the keys of `so` that
/// `other` lacks; otherwise a copy of `so` with the items of `other` removed
/// (`set_copy_and_difference`).
fn difference(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    other: &Value,
    headroom: usize,
) -> Result<Table, RunError> {
    let other_size = match other {
        Value::Dict(dict) => dict.borrow().len(),
        _ => match other_set(other) {
            Some(set) => set.len(),
            None => return copy_and_difference(vm, so, other, headroom),
        },
    };
    if (so.borrow().len() >> 2) > other_size {
        return copy_and_difference(vm, so, other, headroom);
    }
    let so = so.borrow();
    let mut result = Table::default();
    if let Value::Dict(dict) = other {
        let dict = dict.borrow();
        for (hash, key) in so.slots.entries() {
            if dict.get(key)?.is_none() {
                result.add(hash, key.clone(), headroom)?;
            }
        }
        return Ok(result);
    }
    if let Some(other) = other_set(other) {
        let other = other.table.borrow();
        for (hash, key) in so.slots.entries() {
            if !other.contains(hash, key, headroom)? {
                result.add(hash, key.clone(), headroom)?;
            }
        }
    }
    Ok(result)
}

/// `set_copy_and_difference`.
fn copy_and_difference(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    other: &Value,
    headroom: usize,
) -> Result<Table, RunError> {
    let result = RefCell::new(so.borrow().copy(headroom)?);
    difference_update(vm, &result, other, headroom)?;
    Ok(result.into_inner())
}

/// `set_difference_multi`.
fn difference_multi(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    others: &[Value],
    headroom: usize,
) -> Result<Table, RunError> {
    let Some((first, rest)) = others.split_first() else {
        return Ok(so.borrow().copy(headroom)?);
    };
    let result = RefCell::new(difference(vm, so, first, headroom)?);
    for other in rest {
        difference_update(vm, &result, other, headroom)?;
    }
    Ok(result.into_inner())
}

/// `set_difference_update_internal`: removes the items of `other` from `so`.
fn difference_update(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    other: &Value,
    headroom: usize,
) -> Result<(), RunError> {
    if let Some(other) = other_set(other) {
        difference_update_with_set(so, &other.table, headroom)?;
        return Ok(());
    }
    for_each_item(vm, other, |key| {
        let hash = py_hash(&key)?;
        so.borrow_mut().discard(hash, &key, headroom)?;
        Ok(true)
    })?;
    so.borrow_mut().resize_away_dummies()?;
    Ok(())
}

/// `set_difference_update_internal` when `other` is a set: `s -= s`
/// empties `s`; a set more than 8 times larger is first intersected with
/// `so`, so that only the keys they share are walked.
fn difference_update_with_set(
    so: &RefCell<Table>,
    other: &RefCell<Table>,
    headroom: usize,
) -> PyResult<()> {
    if same_table(so, other) {
        so.borrow_mut().clear();
        return Ok(());
    }
    let other = other.borrow();
    let shared;
    let walked: &Table = if (other.len() >> 3) > so.borrow().len() {
        shared = intersect_tables(&so.borrow(), &other, headroom)?;
        &shared
    } else {
        &other
    };
    let mut table = so.borrow_mut();
    for (hash, key) in walked.slots.entries() {
        table.discard(hash, key, headroom)?;
    }
    table.resize_away_dummies()
}

/// The loop of `set_symmetric_difference_update`: each key of `source`
/// is removed from `target` if there, added otherwise.
fn toggle_keys(target: &mut Table, source: &Table, headroom: usize) -> PyResult<()> {
    for (hash, key) in source.slots.entries() {
        if target.discard(hash, key, headroom)?.is_none() {
            target.add(hash, key.clone(), headroom)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference_update`: a dict's keys are toggled in its
/// order, a set's in its table's, any other iterable's after they are made a
/// set.
fn symmetric_difference_update(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    other: &Value,
    headroom: usize,
) -> Result<(), RunError> {
    if let Some(other) = other_set(other) {
        symmetric_difference_update_with_set(so, &other.table, headroom)?;
        return Ok(());
    }
    if let Value::Dict(dict) = other {
        let dict = dict.borrow();
        let mut table = so.borrow_mut();
        for (key, _) in dict.iter() {
            let hash = py_hash(key)?;
            if table.discard(hash, key, headroom)?.is_none() {
                table.add(hash, key.clone(), headroom)?;
            }
        }
        return Ok(());
    }
    let other = table_from(vm, other, headroom)?;
    toggle_keys(&mut so.borrow_mut(), &other, headroom)?;
    Ok(())
}

/// `set_symmetric_difference_update` when `other` is a set: `s ^= s`
/// empties `s`.
fn symmetric_difference_update_with_set(
    so: &RefCell<Table>,
    other: &RefCell<Table>,
    headroom: usize,
) -> PyResult<()> {
    if same_table(so, other) {
        so.borrow_mut().clear();
        return Ok(());
    }
    toggle_keys(&mut so.borrow_mut(), &other.borrow(), headroom)
}

/// `set_symmetric_difference`: a set of the items of `other`, in which the
/// keys of `so` are then toggled.
fn symmetric_difference(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    other: &Value,
    headroom: usize,
) -> Result<Table, RunError> {
    let mut result = table_from(vm, other, headroom)?;
    toggle_keys(&mut result, &so.borrow(), headroom)?;
    Ok(result)
}

/// `set_symmetric_difference` when `other` is a set.
fn symmetric_difference_with_set(
    so: &RefCell<Table>,
    other: &RefCell<Table>,
    headroom: usize,
) -> PyResult<Table> {
    let mut result = other.borrow().copy(headroom)?;
    toggle_keys(&mut result, &so.borrow(), headroom)?;
    Ok(result)
}

/// `set_union`: a copy of `so` updated with each of `others` but `so`
/// itself.
fn union(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    others: &[Value],
    headroom: usize,
) -> Result<Table, RunError> {
    let result = RefCell::new(so.borrow().copy(headroom)?);
    for other in others {
        if other_set(other).is_some_and(|set| same_table(&set.table, so)) {
            continue;
        }
        update_internal(vm, &result, other, headroom)?;
    }
    Ok(result.into_inner())
}

/// `set_issuperset`: every item of `other` is in `so`.
fn is_superset(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    other: &Value,
    headroom: usize,
) -> Result<bool, RunError> {
    if let Some(other) = other_set(other) {
        return Ok(is_subset(&other.table.borrow(), &so.borrow(), headroom)?);
    }
    for_each_item(vm, other, |key| {
        let hash = py_hash(&key)?;
        so.borrow().contains(hash, &key, headroom)
    })
}

/// `set_isdisjoint`: no item of `other` is in `so`.
fn is_disjoint(
    vm: &mut dyn Vm,
    so: &RefCell<Table>,
    other: &Value,
    headroom: usize,
) -> Result<bool, RunError> {
    if let Some(other) = other_set(other) {
        if same_table(so, &other.table) {
            return Ok(so.borrow().len() == 0);
        }
        let (so, other) = (so.borrow(), other.table.borrow());
        let (walked, searched) = if other.len() > so.len() {
            (&so, &other)
        } else {
            (&other, &so)
        };
        for (hash, key) in walked.slots.entries() {
            if searched.contains(hash, key, headroom)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    for_each_item(vm, other, |key| {
        let hash = py_hash(&key)?;
        Ok(!so.borrow().contains(hash, &key, headroom)?)
    })
}
// ANCHOR_END: algorithms

// ANCHOR: binary_op
/// `a | b`, `a & b`, `a - b`, `a ^ b` between two sets or frozensets
/// (`set_or`, `set_and`, `set_sub`, `set_xor`): a new set of the left
/// operand's type. The in-place forms (`set_ior`, …) change a `set` on the
/// left and return it; a frozenset has none, so `f |= s` makes a new
/// frozenset. `None` when an operand is not a set or the operator is another
/// (CPython's `NotImplemented`): the caller tries the dict views, then the
/// other types.
pub fn binary_op(
    op: BinaryOperator,
    inplace: bool,
    a: &Value,
    b: &Value,
) -> Option<PyResult<Value>> {
    let (x, y) = (a.downcast::<Set>()?, b.downcast::<Set>()?);
    if !matches!(
        op,
        BinaryOperator::Or | BinaryOperator::And | BinaryOperator::Subtract | BinaryOperator::Xor
    ) {
        return None;
    }
    let headroom = DEFAULT_HEADROOM;
    if inplace && !x.frozen {
        return Some(inplace_op(op, x, y, headroom).map(|()| a.clone()));
    }
    Some(new_table_op(op, x, y, headroom).map(|table| set_value(table, x.frozen)))
}

/// `set_ior`, `set_iand`, `set_isub` and `set_ixor`.
fn inplace_op(op: BinaryOperator, x: &Set, y: &Set, headroom: usize) -> PyResult<()> {
    match op {
        BinaryOperator::Or => {
            if !same_table(&x.table, &y.table) {
                x.table.borrow_mut().merge(&y.table.borrow(), headroom)?;
            }
        }
        BinaryOperator::And => {
            // `set_intersection_update`: the intersection replaces the
            // table (`set_swap_bodies`).
            let result = intersection_with_set(&x.table, &y.table, headroom)?;
            let old = x.table.borrow_mut().swap_body(result);
            drop(old);
        }
        BinaryOperator::Subtract => difference_update_with_set(&x.table, &y.table, headroom)?,
        _ => symmetric_difference_update_with_set(&x.table, &y.table, headroom)?,
    }
    Ok(())
}

/// The table of `x | y`, `x & y`, `x - y` or `x ^ y`.
fn new_table_op(op: BinaryOperator, x: &Set, y: &Set, headroom: usize) -> PyResult<Table> {
    match op {
        BinaryOperator::Or => {
            let mut result = x.table.borrow().copy(headroom)?;
            if !same_table(&x.table, &y.table) {
                result.merge(&y.table.borrow(), headroom)?;
            }
            Ok(result)
        }
        BinaryOperator::And => intersection_with_set(&x.table, &y.table, headroom),
        BinaryOperator::Subtract => {
            if (x.len() >> 2) > y.len() {
                let result = RefCell::new(x.table.borrow().copy(headroom)?);
                difference_update_with_set(&result, &y.table, headroom)?;
                return Ok(result.into_inner());
            }
            let (so, other) = (x.table.borrow(), y.table.borrow());
            let mut result = Table::default();
            for (hash, key) in so.slots.entries() {
                if !other.contains(hash, key, headroom)? {
                    result.add(hash, key.clone(), headroom)?;
                }
            }
            Ok(result)
        }
        _ => symmetric_difference_with_set(&x.table, &y.table, headroom),
    }
}
// ANCHOR_END: binary_op

// ANCHOR: pub_operations
/// `set.difference_update(other)` on a set value, for the dict views' `-`.
pub fn difference_update_value(
    vm: &mut dyn Vm,
    set: &Value,
    other: &Value,
) -> Result<(), RunError> {
    let set = as_set(set)?;
    let headroom = vm.recursion_headroom();
    difference_update(vm, &set.table, other, headroom)
}

/// `set.symmetric_difference_update(other)` on a set value, for the dict
/// views' `^`.
pub fn symmetric_difference_update_value(
    vm: &mut dyn Vm,
    set: &Value,
    other: &Value,
) -> Result<(), RunError> {
    let set = as_set(set)?;
    let headroom = vm.recursion_headroom();
    symmetric_difference_update(vm, &set.table, other, headroom)
}

/// `set.intersection(other)` of a set value: a new set of its type, for the
/// dict views' `&`.
pub fn intersection_value(vm: &mut dyn Vm, set: &Value, other: &Value) -> Result<Value, RunError> {
    let set = as_set(set)?;
    let headroom = vm.recursion_headroom();
    let table = intersection(vm, &set.table, other, headroom)?;
    Ok(set_value(table, set.frozen))
}
// ANCHOR_END: pub_operations

// ANCHOR: methods
/// `set` or `frozenset` and the method's name, as CPython's messages
/// qualify a method (`set.add() takes exactly one argument (0 given)`).
fn qualified(set: &Set, method: &str) -> String {
    format!("{}.{method}", Set::type_object(set).name)
}

/// `set.add(elem)`.
fn set_add(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    check_args(&qualified(set, "add"), args, kw, 1, 1)?;
    let headroom = vm.recursion_headroom();
    if let Some(item) = args.first() {
        set.table.borrow_mut().add_key(item.clone(), headroom)?;
    }
    Ok(Value::None)
}

/// `set.discard(elem)` and `set.remove(elem)` (`set_discard_key`, sought as
/// [`lookup_hash`] says): whether `elem` was there.
fn discard_arg(vm: &mut dyn Vm, set: &Set, args: &[Value]) -> PyResult<Option<Value>> {
    let Some(key) = args.first() else {
        return Ok(None);
    };
    let hash = lookup_hash(key)?;
    let removed = set
        .table
        .borrow_mut()
        .discard(hash, key, vm.recursion_headroom())?;
    Ok(removed)
}

/// `set.discard(elem)`: removes `elem` if it is there.
fn set_discard(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    check_args(&qualified(set, "discard"), args, kw, 1, 1)?;
    let removed = discard_arg(vm, set, args)?;
    drop(removed);
    Ok(Value::None)
}

/// `set.remove(elem)`: `KeyError: 3` when `elem` is not there.
fn set_remove(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    check_args(&qualified(set, "remove"), args, kw, 1, 1)?;
    match discard_arg(vm, set, args)? {
        Some(_) => Ok(Value::None),
        None => Err(Exception::key_error(args.first().cloned().unwrap_or_default()).into()),
    }
}

/// `set.pop()` (`set_pop`): the first item at or after the finger.
fn set_pop(_: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Result<Value, RunError> {
    let set = as_set(this)?;
    check_args(&qualified(set, "pop"), args, kw, 0, 0)?;
    let popped = set.table.borrow_mut().pop();
    popped.ok_or_else(|| Exception::key_error(Value::str("pop from an empty set")).into())
}

/// `set.clear()`.
fn set_clear(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    check_args(&qualified(set, "clear"), args, kw, 0, 0)?;
    set.table.borrow_mut().clear();
    Ok(Value::None)
}

/// `set.copy()` (`set_copy`) and `frozenset.copy()` (`frozenset_copy`,
/// which returns the frozenset itself).
fn set_copy(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    check_args(&qualified(set, "copy"), args, kw, 0, 0)?;
    if set.frozen {
        return Ok(this.clone());
    }
    let table = set.table.borrow().copy(vm.recursion_headroom())?;
    Ok(set_value(table, false))
}

/// `set.update(*others)`.
fn set_update(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    no_keywords(set, "update", kw)?;
    let headroom = vm.recursion_headroom();
    for other in args {
        update_internal(vm, &set.table, other, headroom)?;
    }
    Ok(Value::None)
}

/// `set.union(*others)`.
fn set_union(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    no_keywords(set, "union", kw)?;
    let headroom = vm.recursion_headroom();
    let table = union(vm, &set.table, args, headroom)?;
    Ok(set_value(table, set.frozen))
}

/// `set.intersection(*others)`.
fn set_intersection(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    no_keywords(set, "intersection", kw)?;
    let headroom = vm.recursion_headroom();
    let table = intersection_multi(vm, &set.table, args, headroom)?;
    Ok(set_value(table, set.frozen))
}

/// `set.intersection_update(*others)`: the intersection replaces the table
/// (`set_swap_bodies`).
fn set_intersection_update(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    no_keywords(set, "intersection_update", kw)?;
    let headroom = vm.recursion_headroom();
    let table = intersection_multi(vm, &set.table, args, headroom)?;
    let old = set.table.borrow_mut().swap_body(table);
    drop(old);
    Ok(Value::None)
}

/// `set.difference(*others)`.
fn set_difference(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    no_keywords(set, "difference", kw)?;
    let headroom = vm.recursion_headroom();
    let table = difference_multi(vm, &set.table, args, headroom)?;
    Ok(set_value(table, set.frozen))
}

/// `set.difference_update(*others)`.
fn set_difference_update(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    no_keywords(set, "difference_update", kw)?;
    let headroom = vm.recursion_headroom();
    for other in args {
        difference_update(vm, &set.table, other, headroom)?;
    }
    Ok(Value::None)
}

/// `set.symmetric_difference(other)`.
fn set_symmetric_difference(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    let other = one_arg(set, "symmetric_difference", args, kw)?;
    let headroom = vm.recursion_headroom();
    let table = symmetric_difference(vm, &set.table, other, headroom)?;
    Ok(set_value(table, set.frozen))
}

/// `set.symmetric_difference_update(other)`.
fn set_symmetric_difference_update(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    let other = one_arg(set, "symmetric_difference_update", args, kw)?;
    let headroom = vm.recursion_headroom();
    symmetric_difference_update(vm, &set.table, other, headroom)?;
    Ok(Value::None)
}

/// `set.issubset(other)`: `other` may be any iterable, made a set first.
fn set_issubset(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    let other = one_arg(set, "issubset", args, kw)?;
    let headroom = vm.recursion_headroom();
    let subset = match other_set(other) {
        Some(other) => is_subset(&set.table.borrow(), &other.table.borrow(), headroom)?,
        None => {
            let other = table_from(vm, other, headroom)?;
            is_subset(&set.table.borrow(), &other, headroom)?
        }
    };
    Ok(Value::Bool(subset))
}

/// `set.issuperset(other)`.
fn set_issuperset(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    let other = one_arg(set, "issuperset", args, kw)?;
    let headroom = vm.recursion_headroom();
    Ok(Value::Bool(is_superset(vm, &set.table, other, headroom)?))
}

/// `set.isdisjoint(other)`.
fn set_isdisjoint(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let set = as_set(this)?;
    let other = one_arg(set, "isdisjoint", args, kw)?;
    let headroom = vm.recursion_headroom();
    Ok(Value::Bool(is_disjoint(vm, &set.table, other, headroom)?))
}

/// The one argument of a method that takes exactly one (`METH_O`).
fn one_arg<'a>(set: &Set, method: &str, args: &'a [Value], kw: &Keywords) -> PyResult<&'a Value> {
    check_args(&qualified(set, method), args, kw, 1, 1)?;
    args.first()
        .ok_or_else(|| Exception::type_error(format!("{method}() takes exactly one argument")))
}

/// `set.union() takes no keyword arguments`.
fn no_keywords(set: &Set, method: &str, kw: &Keywords) -> PyResult<()> {
    iter::no_keywords(&qualified(set, method), kw)
}

/// `set`'s method table.
pub static SET_METHODS: [MethodDef; 17] = [
    MethodDef {
        name: "add",
        call: set_add,
    },
    MethodDef {
        name: "clear",
        call: set_clear,
    },
    MethodDef {
        name: "copy",
        call: set_copy,
    },
    MethodDef {
        name: "discard",
        call: set_discard,
    },
    MethodDef {
        name: "difference",
        call: set_difference,
    },
    MethodDef {
        name: "difference_update",
        call: set_difference_update,
    },
    MethodDef {
        name: "intersection",
        call: set_intersection,
    },
    MethodDef {
        name: "intersection_update",
        call: set_intersection_update,
    },
    MethodDef {
        name: "isdisjoint",
        call: set_isdisjoint,
    },
    MethodDef {
        name: "issubset",
        call: set_issubset,
    },
    MethodDef {
        name: "issuperset",
        call: set_issuperset,
    },
    MethodDef {
        name: "pop",
        call: set_pop,
    },
    MethodDef {
        name: "remove",
        call: set_remove,
    },
    MethodDef {
        name: "symmetric_difference",
        call: set_symmetric_difference,
    },
    MethodDef {
        name: "symmetric_difference_update",
        call: set_symmetric_difference_update,
    },
    MethodDef {
        name: "union",
        call: set_union,
    },
    MethodDef {
        name: "update",
        call: set_update,
    },
];

/// `frozenset`'s method table: the methods that do not change the set.
pub static FROZENSET_METHODS: [MethodDef; 8] = [
    MethodDef {
        name: "copy",
        call: set_copy,
    },
    MethodDef {
        name: "difference",
        call: set_difference,
    },
    MethodDef {
        name: "intersection",
        call: set_intersection,
    },
    MethodDef {
        name: "isdisjoint",
        call: set_isdisjoint,
    },
    MethodDef {
        name: "issubset",
        call: set_issubset,
    },
    MethodDef {
        name: "issuperset",
        call: set_issuperset,
    },
    MethodDef {
        name: "symmetric_difference",
        call: set_symmetric_difference,
    },
    MethodDef {
        name: "union",
        call: set_union,
    },
];
// ANCHOR_END: methods
