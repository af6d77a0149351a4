//! The methods of `dict` (`Objects/dictobject.c`, `mapp_methods`), its views
//! (`d.keys()`, `d.values()`, `d.items()`), and its operators: `d1 | d2`,
//! and the set operators of the keys and items views.
//!
//! A dict is stage02's [`Dict`] in an `Rc<RefCell<…>>`, shared by every
//! holder; as for a list, no borrow is held while Python code may run (an
//! argument being iterated), so a method borrows the dict once per item.
//! A view holds the dict itself, not a copy: it shows every later change.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::{check_args, MethodDef};
use crate::exc::{Exception, PyResult};
use crate::iter::{self, DictItems, DictIter};
use crate::set::{self, Set};
use crate::value::ops::{self, BinaryOperator, CompareOp};
use crate::value::types::{self, TypeObject};
use crate::value::{check_repr_depth, repr_guarded, Dict, Object, Tuple, Value};
use crate::vm::{Keywords, RunError, Vm};

/// The dict a method is called on.
fn dict_of(this: &Value) -> PyResult<&Rc<RefCell<Dict>>> {
    match this {
        Value::Dict(dict) => Ok(dict),
        _ => Err(Exception::type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            this.type_name()
        ))),
    }
}

// ANCHOR: dict_methods
/// `dict.get(key, default=None, /)` (`dict_get_impl`).
fn dict_get(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let dict = dict_of(this)?;
    check_args("get", args, kw, 1, 2)?;
    let [key, rest @ ..] = args else {
        return Ok(Value::None);
    };
    let found = dict.borrow().get(key)?.cloned();
    Ok(found.unwrap_or_else(|| rest.first().cloned().unwrap_or_default()))
}

/// `dict.setdefault(key, default=None, /)` (`dict_setdefault_impl`): the
/// value of `key`, stored first as `default` if it was missing.
fn dict_setdefault(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let dict = dict_of(this)?;
    check_args("setdefault", args, kw, 1, 2)?;
    let [key, rest @ ..] = args else {
        return Ok(Value::None);
    };
    let found = dict.borrow().get(key)?.cloned();
    if let Some(value) = found {
        return Ok(value);
    }
    let default = rest.first().cloned().unwrap_or_default();
    dict.borrow_mut().insert(key.clone(), default.clone())?;
    Ok(default)
}

/// `dict.pop(key[, default], /)` (`dict_pop_impl`): `KeyError: 'key'` when
/// the key is missing and no default is given.
fn dict_pop(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let dict = dict_of(this)?;
    check_args("pop", args, kw, 1, 2)?;
    let [key, rest @ ..] = args else {
        return Ok(Value::None);
    };
    let removed = dict.borrow_mut().remove(key)?;
    match (removed, rest.first()) {
        (Some(value), _) => Ok(value),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(Exception::key_error(key.clone()).into()),
    }
}

/// `dict.popitem()` (`dict_popitem_impl`): the last item, as a pair.
fn dict_popitem(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let dict = dict_of(this)?;
    check_args("dict.popitem", args, kw, 0, 0)?;
    let item = dict.borrow_mut().pop_item();
    match item {
        Some((key, value)) => Ok(Value::Tuple(Tuple::from(vec![key, value]))),
        None => Err(Exception::key_error(Value::str("popitem(): dictionary is empty")).into()),
    }
}

/// `dict.keys()`, `dict.values()` and `dict.items()` (`dictkeys_new` and
/// friends): a view of the dict.
fn view_method(
    name: &str,
    items: DictItems,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let dict = dict_of(this)?;
    check_args(name, args, kw, 0, 0)?;
    Ok(Value::object(DictView {
        dict: dict.clone(),
        items,
    }))
}

fn dict_keys(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    view_method("dict.keys", DictItems::Keys, this, args, kw)
}

fn dict_values(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    view_method("dict.values", DictItems::Values, this, args, kw)
}

fn dict_items(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    view_method("dict.items", DictItems::Items, this, args, kw)
}

/// `dict.copy()` (`PyDict_Copy`): a shallow copy, in the same order.
fn dict_copy(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let dict = dict_of(this)?;
    check_args("dict.copy", args, kw, 0, 0)?;
    let copy = dict.borrow().clone();
    Ok(Value::new_dict(copy))
}

/// `dict.clear()` (`PyDict_Clear`). The items are freed once the dict is no
/// longer borrowed.
fn dict_clear(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let dict = dict_of(this)?;
    check_args("dict.clear", args, kw, 0, 0)?;
    let old = dict.borrow_mut().take();
    drop(old);
    Ok(Value::None)
}

/// `dict.update([other, ]**kwargs)` (`dict_update`): `other` is a dict or an
/// iterable of pairs, then the keyword arguments are stored.
fn dict_update(
    vm: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    let dict = dict_of(this)?;
    update_common("update", vm, dict, args, kw)?;
    Ok(Value::None)
}

/// `dict_update_common`: the argument, then the keyword arguments.
fn update_common(
    name: &str,
    vm: &mut dyn Vm,
    dict: &Rc<RefCell<Dict>>,
    args: &[Value],
    kw: &Keywords,
) -> Result<(), RunError> {
    match args {
        [] => {}
        [other] => update_arg(vm, dict, other)?,
        _ => {
            return Err(Exception::type_error(format!(
                "{name} expected at most 1 argument, got {}",
                args.len()
            ))
            .into())
        }
    }
    let mut dict = dict.borrow_mut();
    for (name, value) in kw {
        dict.insert_str(name.clone(), value.clone());
    }
    Ok(())
}

/// `dict_update_arg`: the items of a dict (`PyDict_Merge`: an existing key
/// keeps its place, its value is replaced), or of an iterable of pairs
/// (`PyDict_MergeFromSeq2`). What `d.update(x)`, `d |= x` and `dict(x)` do.
pub fn update_arg(
    vm: &mut dyn Vm,
    dict: &Rc<RefCell<Dict>>,
    other: &Value,
) -> Result<(), RunError> {
    if let Value::Dict(source) = other {
        if Rc::ptr_eq(dict, source) {
            return Ok(());
        }
        let source = source.borrow();
        let mut target = dict.borrow_mut();
        for (key, value) in source.iter() {
            target.insert(key.clone(), value.clone())?;
        }
        return Ok(());
    }
    merge_from_seq2(vm, dict, other)
}

/// `PyDict_MergeFromSeq2`: each item of `pairs` must itself be an iterable
/// of two items, a key and its value.
fn merge_from_seq2(
    vm: &mut dyn Vm,
    dict: &Rc<RefCell<Dict>>,
    pairs: &Value,
) -> Result<(), RunError> {
    let iterator = iter::get_iter(pairs)?;
    let mut index = 0usize;
    while let Some(item) = iter::next(vm, &iterator)? {
        let Ok(pair_iterator) = iter::get_iter(&item) else {
            return Err(Exception::type_error(format!(
                "cannot convert dictionary update sequence element #{index} to a sequence"
            ))
            .into());
        };
        let mut pair = Vec::new();
        while let Some(part) = iter::next(vm, &pair_iterator)? {
            pair.push(part);
        }
        let [key, value] = <[Value; 2]>::try_from(pair).map_err(|pair| {
            Exception::value_error(format!(
                "dictionary update sequence element #{index} has length {}; 2 is required",
                pair.len()
            ))
        })?;
        dict.borrow_mut().insert(key, value)?;
        index += 1;
    }
    Ok(())
}

/// `dict.fromkeys(iterable, value=None, /)` (`dict_fromkeys_impl`): a new
/// dict with the items of `iterable` as keys, each mapped to `value`.
/// A class method: `self` is the class `dict` (or a dict, whose class it is),
/// and is not used.
fn dict_fromkeys(
    vm: &mut dyn Vm,
    _this: &Value,
    args: &[Value],
    kw: &Keywords,
) -> Result<Value, RunError> {
    check_args("fromkeys", args, kw, 1, 2)?;
    let [iterable, rest @ ..] = args else {
        return Ok(Value::None);
    };
    let value = rest.first().cloned().unwrap_or_default();
    let result = Rc::new(RefCell::new(Dict::new()));
    let iterator = iter::get_iter(iterable)?;
    while let Some(key) = iter::next(vm, &iterator)? {
        result.borrow_mut().insert(key, value.clone())?;
    }
    Ok(Value::Dict(result))
}

/// `dict`'s method table.
pub static DICT_METHODS: [MethodDef; 11] = [
    MethodDef {
        name: "get",
        call: dict_get,
    },
    MethodDef {
        name: "setdefault",
        call: dict_setdefault,
    },
    MethodDef {
        name: "pop",
        call: dict_pop,
    },
    MethodDef {
        name: "popitem",
        call: dict_popitem,
    },
    MethodDef {
        name: "keys",
        call: dict_keys,
    },
    MethodDef {
        name: "items",
        call: dict_items,
    },
    MethodDef {
        name: "values",
        call: dict_values,
    },
    MethodDef {
        name: "update",
        call: dict_update,
    },
    MethodDef {
        name: "fromkeys",
        call: dict_fromkeys,
    },
    MethodDef {
        name: "clear",
        call: dict_clear,
    },
    MethodDef {
        name: "copy",
        call: dict_copy,
    },
];

/// The class methods of `dict` (`METH_CLASS`): `dict.fromkeys(…)` is called
/// on the class, which takes the place of `self`. `Some` for
/// `(&DICT, "fromkeys")`: then `dict.fromkeys` is a method bound to the
/// class.
pub fn class_method(class: &'static TypeObject, name: &str) -> Option<&'static MethodDef> {
    if !std::ptr::eq(class, &types::DICT) || name != "fromkeys" {
        return None;
    }
    DICT_METHODS.iter().find(|method| method.name == name)
}
// ANCHOR_END: dict_methods

// ANCHOR: dict_or
/// `d1 | d2` (`dict_or`): a copy of `d1` updated with `d2`; `d1 |= d2`
/// (`dict_ior`) updates `d1` itself. Both dicts: other operands of `|=` are
/// [`dict_inplace_or`]'s. `None` for another operator or operand.
pub fn dict_binary_op(
    op: BinaryOperator,
    inplace: bool,
    a: &Value,
    b: &Value,
) -> Option<PyResult<Value>> {
    if !matches!(op, BinaryOperator::Or) {
        return None;
    }
    let (Value::Dict(x), Value::Dict(y)) = (a, b) else {
        return None;
    };
    Some(dict_or(inplace, a, x, y))
}

fn dict_or(
    inplace: bool,
    a: &Value,
    x: &Rc<RefCell<Dict>>,
    y: &Rc<RefCell<Dict>>,
) -> PyResult<Value> {
    if inplace {
        if !Rc::ptr_eq(x, y) {
            let source = y.borrow();
            let mut target = x.borrow_mut();
            for (key, value) in source.iter() {
                target.insert(key.clone(), value.clone())?;
            }
        }
        return Ok(a.clone());
    }
    let mut merged = x.borrow().clone();
    for (key, value) in y.borrow().iter() {
        merged.insert(key.clone(), value.clone())?;
    }
    Ok(Value::new_dict(merged))
}

/// `d |= other` (`dict_ior`) when `other` is any iterable of pairs, not a
/// dict: `dict_update_arg`. `None` unless `a` is a dict and the operator
/// is `|=`.
pub fn dict_inplace_or(
    vm: &mut dyn Vm,
    op: BinaryOperator,
    inplace: bool,
    a: &Value,
    b: &Value,
) -> Option<Result<Value, RunError>> {
    if !inplace || !matches!(op, BinaryOperator::Or) {
        return None;
    }
    let Value::Dict(dict) = a else {
        return None;
    };
    Some(update_arg(vm, dict, b).map(|()| a.clone()))
}
// ANCHOR_END: dict_or

// ANCHOR: view
/// `d.keys()`, `d.values()` or `d.items()` (`_PyDictViewObject`): the dict
/// itself, seen one way.
#[derive(Debug)]
pub struct DictView {
    pub dict: Rc<RefCell<Dict>>,
    pub items: DictItems,
}

pub static DICT_KEYS: TypeObject = TypeObject {
    name: "dict_keys",
    new: None,
};

pub static DICT_VALUES: TypeObject = TypeObject {
    name: "dict_values",
    new: None,
};

pub static DICT_ITEMS: TypeObject = TypeObject {
    name: "dict_items",
    new: None,
};

impl DictView {
    pub fn len(&self) -> usize {
        self.dict.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What iterating the view gives, copied out of the dict.
    pub fn snapshot(&self) -> Vec<Value> {
        let dict = self.dict.borrow();
        dict.iter()
            .map(|(key, value)| match self.items {
                DictItems::Keys => key.clone(),
                DictItems::Values => value.clone(),
                DictItems::Items => pair(key, value),
            })
            .collect()
    }

    /// A keys or items view, which is set-like (`PyDictViewSet_Check`).
    fn is_set_like(&self) -> bool {
        self.items != DictItems::Values
    }

    /// `dictkeys_contains`, `dictitems_contains`, and for values a search.
    fn holds(&self, item: &Value, headroom: usize) -> PyResult<bool> {
        match self.items {
            DictItems::Keys => Ok(self.dict.borrow().get(item)?.is_some()),
            DictItems::Items => {
                let Value::Tuple(pair) = item else {
                    return Ok(false);
                };
                let [key, value] = &pair[..] else {
                    return Ok(false);
                };
                let found = self.dict.borrow().get(key)?.cloned();
                match found {
                    Some(stored) => ops::items_equal(&stored, value, headroom),
                    None => Ok(false),
                }
            }
            DictItems::Values => {
                for stored in self.snapshot() {
                    if ops::items_equal(&stored, item, headroom)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

/// The pair `(key, value)`.
fn pair(key: &Value, value: &Value) -> Value {
    Value::Tuple(Tuple::from(vec![key.clone(), value.clone()]))
}

impl Object for DictView {
    fn type_object(&self) -> &'static TypeObject {
        match self.items {
            DictItems::Keys => &DICT_KEYS,
            DictItems::Values => &DICT_VALUES,
            DictItems::Items => &DICT_ITEMS,
        }
    }

    /// `dictview_repr`: `dict_keys(['a', 'b'])`, the view's name around the
    /// list of what it iterates; `...` for a view met inside itself.
    fn repr(&self, depth: usize) -> PyResult<String> {
        check_repr_depth(depth)?;
        let address = std::ptr::from_ref(self) as usize;
        repr_guarded(address, "...", || {
            let items = crate::value::repr_items(&self.snapshot(), depth)?;
            Ok(format!("{}([{items}])", Object::type_object(self).name))
        })
    }

    fn is_true(&self) -> bool {
        !self.is_empty()
    }

    fn size(&self) -> Option<usize> {
        Some(self.len())
    }

    /// `dictview_richcompare`: a keys or items view compares with a set or
    /// another such view as a set does; a values view only by identity.
    fn rich_compare(
        &self,
        other: &Value,
        op: CompareOp,
        headroom: usize,
    ) -> Option<PyResult<bool>> {
        if !self.is_set_like() {
            return None;
        }
        let other = SetLike::of(other)?;
        Some(compare_set_like(&SetLike::View(self), &other, op, headroom))
    }

    fn iter(&self, _this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        Some(Ok(Value::object(DictIter::new(&self.dict, self.items))))
    }

    fn contains(&self, item: &Value, headroom: usize) -> Option<PyResult<bool>> {
        Some(self.holds(item, headroom))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// An operand that compares as a set: a set, a frozenset, or a keys or
/// items view.
enum SetLike<'a> {
    Set(&'a Set),
    View(&'a DictView),
}

impl SetLike<'_> {
    fn of(value: &Value) -> Option<SetLike<'_>> {
        if let Some(set) = value.downcast::<Set>() {
            return Some(SetLike::Set(set));
        }
        value
            .downcast::<DictView>()
            .filter(|view| view.is_set_like())
            .map(SetLike::View)
    }

    fn len(&self) -> usize {
        match self {
            SetLike::Set(set) => set.len(),
            SetLike::View(view) => view.len(),
        }
    }

    fn items(&self) -> Vec<Value> {
        match self {
            SetLike::Set(set) => set.items(),
            SetLike::View(view) => view.snapshot(),
        }
    }

    fn holds(&self, item: &Value, headroom: usize) -> PyResult<bool> {
        match self {
            SetLike::Set(set) => set.contains(item, headroom),
            SetLike::View(view) => view.holds(item, headroom),
        }
    }
}

/// `dictview_richcompare` once both operands are known to be set-like: the
/// lengths, then `all_contained_in` one way or the other.
fn compare_set_like(
    this: &SetLike,
    other: &SetLike,
    op: CompareOp,
    headroom: usize,
) -> PyResult<bool> {
    let (len_self, len_other) = (this.len(), other.len());
    Ok(match op {
        CompareOp::Eq => len_self == len_other && all_contained_in(this, other, headroom)?,
        CompareOp::Ne => len_self != len_other || !all_contained_in(this, other, headroom)?,
        CompareOp::Lt => len_self < len_other && all_contained_in(this, other, headroom)?,
        CompareOp::Le => len_self <= len_other && all_contained_in(this, other, headroom)?,
        CompareOp::Gt => len_self > len_other && all_contained_in(other, this, headroom)?,
        CompareOp::Ge => len_self >= len_other && all_contained_in(other, this, headroom)?,
    })
}

/// `all_contained_in`: every item of `a` is in `b`.
fn all_contained_in(a: &SetLike, b: &SetLike, headroom: usize) -> PyResult<bool> {
    for item in a.items() {
        if !b.holds(&item, headroom)? {
            return Ok(false);
        }
    }
    Ok(true)
}
// ANCHOR_END: view

// ANCHOR: view_binary_op
/// The view behind `value` when it is a keys or items view.
fn set_like_view(value: &Value) -> Option<&DictView> {
    value
        .downcast::<DictView>()
        .filter(|view| view.is_set_like())
}

/// `a - b`, `a | b`, `a ^ b`, `a & b` when either operand is a keys or items
/// view (`dictviews_sub`, `dictviews_or`, `dictviews_xor`,
/// `_PyDictView_Intersect`): a new set. The other operand may be any
/// iterable (`[1, 2] - d.keys()` is a set). `None` when neither operand is
/// such a view, or for another operator. The eval loop asks after
/// [`set::binary_op`], which leaves `set OP view` to this function, as
/// CPython's `set_or` returns `NotImplemented` for a view.
pub fn view_binary_op(
    vm: &mut dyn Vm,
    op: BinaryOperator,
    a: &Value,
    b: &Value,
) -> Option<Result<Value, RunError>> {
    if set_like_view(a).is_none() && set_like_view(b).is_none() {
        return None;
    }
    Some(match op {
        BinaryOperator::Subtract => views_to_set(vm, a).and_then(|result| {
            set::difference_update_value(vm, &result, b)?;
            Ok(result)
        }),
        BinaryOperator::Or => views_to_set(vm, a).and_then(|result| {
            set::update_from(vm, &result, b)?;
            Ok(result)
        }),
        BinaryOperator::Xor => match (items_view(a), items_view(b)) {
            (Some(x), Some(y)) => dict_items_xor(vm, x, y),
            _ => views_to_set(vm, a).and_then(|result| {
                set::symmetric_difference_update_value(vm, &result, b)?;
                Ok(result)
            }),
        },
        BinaryOperator::And => views_intersect(vm, a, b),
        _ => return None,
    })
}

/// An items view.
fn items_view(value: &Value) -> Option<&DictView> {
    value
        .downcast::<DictView>()
        .filter(|view| view.items == DictItems::Items)
}

/// `dictviews_to_set`: a set of what `value` iterates; for a keys view, the
/// set of its dict (`PySet_New(dict)`, which sizes the table once).
fn views_to_set(vm: &mut dyn Vm, value: &Value) -> Result<Value, RunError> {
    match value.downcast::<DictView>() {
        Some(view) if view.items == DictItems::Keys => {
            set::new_set_from(vm, &Value::Dict(view.dict.clone()))
        }
        _ => set::new_set_from(vm, value),
    }
}

/// `_PyDictView_Intersect`: with a larger set, `set.intersection(view)`;
/// otherwise the items of the smaller operand that the larger view holds.
fn views_intersect(vm: &mut dyn Vm, a: &Value, b: &Value) -> Result<Value, RunError> {
    let (view_value, mut other) = if set_like_view(a).is_some() {
        (a, b)
    } else {
        (b, a)
    };
    let Some(mut view) = set_like_view(view_value) else {
        return Ok(set::new_set_value(Vec::new())?);
    };
    let len_self = view.len();
    if let Some(set) = other.downcast::<Set>() {
        if !set.is_frozen() && len_self <= set.len() {
            return set::intersection_value(vm, other, view_value);
        }
    }
    if let Some(other_view) = set_like_view(other) {
        if other_view.len() > len_self {
            (view, other) = (other_view, view_value);
        }
    }
    let result = set::new_set_value(Vec::new())?;
    let headroom = vm.recursion_headroom();
    let iterator = iter::get_iter(other)?;
    while let Some(key) = iter::next(vm, &iterator)? {
        if view.holds(&key, headroom)? {
            set::add_item(&result, key)?;
        }
    }
    Ok(result)
}

/// `dictitems_xor`: the pairs of either dict that the other lacks, those of
/// `y` first in its order, then those left of `x`.
fn dict_items_xor(vm: &mut dyn Vm, x: &DictView, y: &DictView) -> Result<Value, RunError> {
    let headroom = vm.recursion_headroom();
    let mut remaining = x.dict.borrow().clone();
    let result = set::new_set_value(Vec::new())?;
    let pairs: Vec<(Value, Value)> = y
        .dict
        .borrow()
        .iter()
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    for (key, value) in pairs {
        let delete = match remaining.get(&key)? {
            Some(stored) => ops::items_equal(stored, &value, headroom)?,
            None => false,
        };
        if delete {
            remaining.remove(&key)?;
        } else {
            set::add_item(&result, pair(&key, &value))?;
        }
    }
    for (key, value) in remaining.iter() {
        set::add_item(&result, pair(key, value))?;
    }
    Ok(result)
}
// ANCHOR_END: view_binary_op
