//! The instructions of stage04 that are not jumps: attributes and methods,
//! the operators on containers, comparisons, iteration, and the instructions
//! that build and take apart lists, sets, dicts and slices. Each function is
//! one `TARGET` of ceval.c; the semantics live in the modules of the types.

use crate::compare;
use crate::exc::Exception;
use crate::function;
use crate::iter;
use crate::list::{self, List};
use crate::methods;
use crate::slice::{self, Slice};
use crate::subscript;
use crate::value::ops::{self, BinaryOperator};
use crate::value::{Tuple, Value};
use crate::vm::{RunError, Vm};

use super::frame::Frame;
use super::jumps;

/// An argument used as a count or a stack depth.
fn count(arg: u32) -> usize {
    usize::try_from(arg).unwrap_or(usize::MAX)
}

// ANCHOR: load_const
/// `TARGET(LOAD_CONST)`. A frozenset constant (`x in {1, 2}` compiles to one)
/// could not be made when the code was prepared, in stage02, which has no
/// sets: it is built here, from the constant's items in their stored order,
/// as `marshal.loads` builds it.
pub fn load_const(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let index = count(arg);
    if let Some(None) = frame.prepared.consts.get(index) {
        if let Some(result) = frame
            .code
            .consts
            .get(index)
            .and_then(crate::set::constant_value)
        {
            return frame.push_value(result?);
        }
    }
    let value = frame.constant(arg)?;
    frame.push_value(value)
}
// ANCHOR_END: load_const

// ANCHOR: load_attr
/// `TARGET(LOAD_ATTR)`: a method bound to its object (`x.append`), an
/// attribute of an object, or a function's attribute (stage03's).
pub fn load_attr(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let owner = frame.pop_value()?;
    let value = match methods::load_attr(&owner, &name) {
        Some(value) => value,
        None => function::get_attribute(&owner, &name)
            .map_err(|_| methods::no_attribute(&owner, &name))?,
    };
    frame.push_value(value)
}

/// `TARGET(LOAD_METHOD)`: for `x.append(1)` the compiler asks for the method
/// and its object separately, so that `CALL` passes `x` as the first argument
/// without making a bound method: `method, self` when the type has the
/// method, else `NULL, attribute`.
pub fn load_method(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let owner = frame.pop_value()?;
    match methods::load_method(&owner, &name) {
        Some((method, Some(this))) => {
            frame.push_value(method)?;
            frame.push_value(this)
        }
        Some((attribute, None)) => {
            frame.push(None)?;
            frame.push_value(attribute)
        }
        None => {
            let attribute = function::get_attribute(&owner, &name)
                .map_err(|_| methods::no_attribute(&owner, &name))?;
            frame.push(None)?;
            frame.push_value(attribute)
        }
    }
}
// ANCHOR_END: load_attr

// ANCHOR: binary_op
/// `TARGET(BINARY_OP)` with the containers: a list concatenates and repeats
/// (`+=` extends it in place, with any iterable), sets and dict views combine
/// as sets, dicts merge with `|`; everything else is stage02's operator.
pub fn binary_op(vm: &mut dyn Vm, frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let Some((op, inplace)) = ops::decode_binary_op(arg) else {
        return Err(frame.vm_error(format!("BINARY_OP argument {arg} out of range")));
    };
    let right = frame.pop_value()?;
    let left = frame.pop_value()?;
    if let Some(result) = fast_number_op(op, &left, &right) {
        return frame.push_value(result);
    }
    let result = apply(vm, op, inplace, &left, &right)?;
    frame.push_value(result)
}

// ANCHOR: fast_number_op
/// The common cases first: two small ints or two floats, where nothing can
/// fail but an overflow or a zero divisor, which the general path handles.
/// CPython 3.11's adaptive interpreter does the same by rewriting a
/// `BINARY_OP` it has seen add two ints into `BINARY_OP_ADD_INT`
/// (`Python/specialize.c`); here the check is a `match` on the operands.
fn fast_number_op(op: BinaryOperator, left: &Value, right: &Value) -> Option<Value> {
    use crate::int::Int;
    match (left, right) {
        (Value::Int(Int::Small(a)), Value::Int(Int::Small(b))) => {
            let (a, b) = (*a, *b);
            let n = match op {
                BinaryOperator::Add => a.checked_add(b)?,
                BinaryOperator::Subtract => a.checked_sub(b)?,
                BinaryOperator::Multiply => a.checked_mul(b)?,
                BinaryOperator::FloorDivide if b != 0 && a != i64::MIN => {
                    let q = a / b;
                    if a % b != 0 && ((a < 0) != (b < 0)) {
                        q - 1
                    } else {
                        q
                    }
                }
                BinaryOperator::Remainder if b != 0 && a != i64::MIN => {
                    let r = a % b;
                    if r != 0 && ((r < 0) != (b < 0)) {
                        r + b
                    } else {
                        r
                    }
                }
                BinaryOperator::And => a & b,
                BinaryOperator::Or => a | b,
                BinaryOperator::Xor => a ^ b,
                _ => return None,
            };
            Some(Value::Int(Int::Small(n)))
        }
        (Value::Float(a), Value::Float(b)) => {
            let x = match op {
                BinaryOperator::Add => a + b,
                BinaryOperator::Subtract => a - b,
                BinaryOperator::Multiply => a * b,
                BinaryOperator::TrueDivide if *b != 0.0 => a / b,
                // A positive base to a finite power is libm's `pow`, as in
                // `float_pow`; the other cases have Python's special rules.
                BinaryOperator::Power if *a > 0.0 && a.is_finite() && b.is_finite() => a.powf(*b),
                _ => return None,
            };
            Some(Value::Float(x))
        }
        _ => None,
    }
}
// ANCHOR_END: fast_number_op

/// `left OP right` for every type of this stage.
pub fn apply(
    vm: &mut dyn Vm,
    op: BinaryOperator,
    inplace: bool,
    left: &Value,
    right: &Value,
) -> Result<Value, RunError> {
    if let (Value::Object(_), _) | (_, Value::Object(_)) = (left, right) {
        if let Some(result) = list_op(vm, op, inplace, left, right) {
            return result;
        }
        if let Some(result) = crate::methods::dict_methods::view_binary_op(vm, op, left, right) {
            return result;
        }
        if let Some(result) = crate::set::binary_op(op, inplace, left, right) {
            return Ok(result?);
        }
    }
    if let (Value::Dict(_), Value::Dict(_)) = (left, right) {
        if let Some(result) = crate::methods::dict_methods::dict_binary_op(op, inplace, left, right)
        {
            return Ok(result?);
        }
    }
    if let Some(result) =
        crate::methods::dict_methods::dict_inplace_or(vm, op, inplace, left, right)
    {
        return result;
    }
    Ok(ops::binary_op(op, inplace, left, right)?)
}

/// `a + b` as `sum()` adds.
pub fn add_values(vm: &mut dyn Vm, a: &Value, b: &Value) -> Result<Value, RunError> {
    apply(vm, BinaryOperator::Add, false, a, b)
}

/// The list operators (`list_concat`, `list_repeat`, `list_inplace_concat`,
/// `list_inplace_repeat`); `None` when neither operand makes it a list
/// operation.
fn list_op(
    vm: &mut dyn Vm,
    op: BinaryOperator,
    inplace: bool,
    left: &Value,
    right: &Value,
) -> Option<Result<Value, RunError>> {
    let left_list = left.downcast::<List>();
    match (op, left_list, right.downcast::<List>()) {
        (BinaryOperator::Add, Some(list), _) if inplace => {
            Some(extend_in_place(vm, left, list, right))
        }
        (BinaryOperator::Add, Some(a), Some(b)) => {
            let mut items = a.snapshot();
            items.extend(b.snapshot());
            Some(Ok(list::new_value(items)))
        }
        (BinaryOperator::Add, Some(_), None) => Some(Err(Exception::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            right.type_name()
        ))
        .into())),
        (BinaryOperator::Multiply, Some(list), _) => Some(repeat(list, right, inplace).map(
            |items| match (inplace, items) {
                (true, _) => left.clone(),
                (false, items) => list::new_value(items),
            },
        )),
        (BinaryOperator::Multiply, None, Some(list)) if !matches!(left, Value::Object(_)) => {
            Some(repeat(list, left, false).map(list::new_value))
        }
        _ => None,
    }
}

/// `x += iterable`: extends `x` itself.
fn extend_in_place(
    vm: &mut dyn Vm,
    this: &Value,
    list: &List,
    right: &Value,
) -> Result<Value, RunError> {
    let items = iter::collect(vm, right)?;
    let mut stored = list.items.borrow_mut();
    ops::reserve(&mut stored, items.len())?;
    stored.extend(items);
    Ok(this.clone())
}

/// `list * n`: the items repeated; with `inplace` the list itself changes and
/// the returned items are empty.
fn repeat(list: &List, times: &Value, inplace: bool) -> Result<Vec<Value>, RunError> {
    let Some(n) = slice::as_index(times)? else {
        return Err(Exception::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            times.type_name()
        ))
        .into());
    };
    let items = list.snapshot();
    let n = usize::try_from(n.max(0)).unwrap_or(0);
    let total = items
        .len()
        .checked_mul(n)
        .ok_or_else(Exception::memory_error)?;
    ops::check_allocation(ops::rc_slice_bytes::<Value>(total, 0))?;
    let mut repeated = Vec::new();
    ops::reserve(&mut repeated, total)?;
    for _ in 0..n {
        repeated.extend(items.iter().cloned());
    }
    if inplace {
        *list.items.borrow_mut() = repeated;
        return Ok(Vec::new());
    }
    Ok(repeated)
}
// ANCHOR_END: binary_op

// ANCHOR: compare
/// `TARGET(COMPARE_OP)`: `a OP b` for the six rich comparisons.
pub fn compare_op(vm: &mut dyn Vm, frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let Some(op) = compare::operator(arg) else {
        return Err(frame.vm_error(format!("COMPARE_OP argument {arg} out of range")));
    };
    let right = frame.pop_value()?;
    let left = frame.pop_value()?;
    if let (Value::Int(crate::int::Int::Small(a)), Value::Int(crate::int::Int::Small(b))) =
        (&left, &right)
    {
        // `COMPARE_OP_INT_JUMP`'s case, without the jump: two small ints.
        return frame.push_value(Value::Bool(op.holds(a.cmp(b))));
    }
    let result = compare::compare_op(&left, &right, op, vm.recursion_headroom())?;
    frame.push_value(result)
}

/// `TARGET(IS_OP)`: `is` (arg 0) and `is not` (arg 1).
pub fn is_op(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let right = frame.pop_value()?;
    let left = frame.pop_value()?;
    frame.push_value(Value::Bool(compare::is_op(&left, &right) != (arg == 1)))
}

/// `TARGET(CONTAINS_OP)`: `in` (arg 0) and `not in` (arg 1).
pub fn contains_op(vm: &mut dyn Vm, frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let container = frame.pop_value()?;
    let item = frame.pop_value()?;
    let found = compare::contains(vm, &container, &item)?;
    frame.push_value(Value::Bool(found != (arg == 1)))
}
// ANCHOR_END: compare

// ANCHOR: for_iter
/// `TARGET(GET_ITER)`: the top becomes an iterator over it.
pub fn get_iter(frame: &mut Frame) -> Result<(), RunError> {
    let iterable = frame.pop_value()?;
    frame.push_value(iter::get_iter(&iterable)?)
}

/// `TARGET(FOR_ITER)`: the iterator stays on the stack and its next item is
/// pushed above it; when it is exhausted it is popped and the loop is left,
/// `arg` code units on (past the `JUMP_BACKWARD` that closes the body).
pub fn for_iter(vm: &mut dyn Vm, frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    // EXERCISE 4.2 for_iter: push the next item, or pop the spent iterator and jump by arg
    let iterator = match frame.peek(1)? {
        Some(iterator) => iterator.clone(),
        None => return Err(frame.vm_error("FOR_ITER on a NULL")),
    };
    match iter::next(vm, &iterator)? {
        Some(item) => frame.push_value(item),
        None => {
            frame.pop()?;
            jumps::forward(frame, arg)
        }
    }
    // END EXERCISE
}
// ANCHOR_END: for_iter

// ANCHOR: build
/// `TARGET(BUILD_LIST)`: a list of the top `arg` values.
pub fn build_list(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let items = frame.pop_values(count(arg))?;
    frame.push_value(list::new_value(items))
}

/// `TARGET(BUILD_SET)`.
pub fn build_set(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let items = frame.pop_values(count(arg))?;
    frame.push_value(crate::set::from_items(items)?)
}

// ANCHOR: build_slice
/// `TARGET(BUILD_SLICE)`: `start, stop` or `start, stop, step`.
pub fn build_slice(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let step = if arg == 3 {
        frame.pop_value()?
    } else {
        Value::None
    };
    let stop = frame.pop_value()?;
    let start = frame.pop_value()?;
    frame.push_value(Value::object(Slice { start, stop, step }))
}
// ANCHOR_END: build_slice

// ANCHOR: list_append
/// The container `arg` places below the top, which a comprehension appends
/// to while its iterator sits above it (`PEEK(oparg)`).
fn target(frame: &Frame, arg: u32) -> Result<Value, RunError> {
    match frame.peek(count(arg))? {
        Some(value) => Ok(value.clone()),
        None => Err(frame.vm_error("a container instruction found NULL")),
    }
}

/// `TARGET(LIST_APPEND)`: `[x for …]` appends each `x`.
pub fn list_append(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let item = frame.pop_value()?;
    let list = target(frame, arg)?;
    match list.downcast::<List>() {
        Some(list) => Ok(list.push(item)?),
        None => Err(frame.vm_error("LIST_APPEND to a non-list")),
    }
}
// ANCHOR_END: list_append

/// `TARGET(SET_ADD)`.
pub fn set_add(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let item = frame.pop_value()?;
    let set = target(frame, arg)?;
    Ok(crate::set::add_item(&set, item)?)
}

/// `TARGET(MAP_ADD)`: `{k: v for …}`; the key was pushed first.
pub fn map_add(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let value = frame.pop_value()?;
    let key = frame.pop_value()?;
    match target(frame, arg)? {
        Value::Dict(dict) => Ok(dict.borrow_mut().insert(key, value)?),
        _ => Err(frame.vm_error("MAP_ADD to a non-dict")),
    }
}

/// `TARGET(LIST_EXTEND)`: `[*a, *b]` and the list a constant tuple starts.
pub fn list_extend(vm: &mut dyn Vm, frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let iterable = frame.pop_value()?;
    let list = target(frame, arg)?;
    let Some(list) = list.downcast::<List>() else {
        return Err(frame.vm_error("LIST_EXTEND of a non-list"));
    };
    let items = iter::collect(vm, &iterable).map_err(|error| match &iterable {
        Value::Object(_) | Value::Dict(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
            error
        }
        other => Exception::type_error(format!(
            "Value after * must be an iterable, not {}",
            other.type_name()
        ))
        .into(),
    })?;
    let mut stored = list.items.borrow_mut();
    ops::reserve(&mut stored, items.len())?;
    stored.extend(items);
    Ok(())
}

/// `TARGET(SET_UPDATE)`: `{*a, *b}`.
pub fn set_update(vm: &mut dyn Vm, frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let iterable = frame.pop_value()?;
    let set = target(frame, arg)?;
    // `set_update_internal`: a set operand is merged table to table, which
    // sizes the table as CPython does (and so orders it as CPython does).
    crate::set::update_from(vm, &set, &iterable)
}

/// `TARGET(DICT_UPDATE)`: `{**a, **b}`.
pub fn dict_update(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let update = frame.pop_value()?;
    let Value::Dict(dict) = target(frame, arg)? else {
        return Err(frame.vm_error("DICT_UPDATE of a non-dict"));
    };
    let Value::Dict(source) = &update else {
        return Err(Exception::type_error(format!(
            "'{}' object is not a mapping",
            update.type_name()
        ))
        .into());
    };
    let items: Vec<(Value, Value)> = source
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut dict = dict.borrow_mut();
    for (key, value) in items {
        dict.insert(key, value)?;
    }
    Ok(())
}

/// `TARGET(LIST_TO_TUPLE)`: `(*a, *b)` is built as a list, then frozen.
pub fn list_to_tuple(frame: &mut Frame) -> Result<(), RunError> {
    let list = frame.pop_value()?;
    let items = match list.downcast::<List>() {
        Some(list) => list.snapshot(),
        None => return Err(frame.vm_error("LIST_TO_TUPLE of a non-list")),
    };
    frame.push_value(Value::Tuple(Tuple::from(items)))
}
// ANCHOR_END: build

// ANCHOR: unpack
// ANCHOR: unpack_sequence
/// `TARGET(UNPACK_SEQUENCE)`: `a, b = seq` pushes the items so that the first
/// is on top, for the stores that follow.
pub fn unpack_sequence(vm: &mut dyn Vm, frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let sequence = frame.pop_value()?;
    let expected = count(arg);
    let items = unpack_items(vm, &sequence)?;
    if items.len() < expected {
        return Err(Exception::value_error(format!(
            "not enough values to unpack (expected {expected}, got {})",
            items.len()
        ))
        .into());
    }
    if items.len() > expected {
        return Err(too_many(expected).into());
    }
    for item in items.into_iter().rev() {
        frame.push_value(item)?;
    }
    Ok(())
}
// ANCHOR_END: unpack_sequence

// ANCHOR: unpack_items
/// `ValueError: too many values to unpack (expected 2)` (later versions add
/// how many it got; 3.11 does not).
fn too_many(expected: usize) -> Exception {
    Exception::value_error(format!("too many values to unpack (expected {expected})"))
}

/// The items to unpack, or `cannot unpack non-iterable int object`.
fn unpack_items(vm: &mut dyn Vm, sequence: &Value) -> Result<Vec<Value>, RunError> {
    match sequence {
        Value::Tuple(items) => Ok(items.to_vec()),
        _ => {
            if let Some(list) = sequence.downcast::<List>() {
                return Ok(list.snapshot());
            }
            if iter::get_iter(sequence).is_err() {
                return Err(Exception::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    sequence.type_name()
                ))
                .into());
            }
            iter::collect(vm, sequence)
        }
    }
}
// ANCHOR_END: unpack_items

// ANCHOR: unpack_ex
/// `TARGET(UNPACK_EX)`: `a, *rest, z = seq`. The low byte of `arg` counts the
/// targets before the starred one, the high byte those after it.
pub fn unpack_ex(vm: &mut dyn Vm, frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    // EXERCISE 4.3 unpack_ex: before and after from arg; push the tail, the list, the head
    let sequence = frame.pop_value()?;
    let (before, after) = (count(arg & 0xff), count(arg >> 8));
    let mut items = unpack_items(vm, &sequence)?;
    if items.len() < before + after {
        return Err(Exception::value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        ))
        .into());
    }
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    for item in tail.into_iter().rev() {
        frame.push_value(item)?;
    }
    frame.push_value(list::new_value(middle))?;
    for item in items.into_iter().rev() {
        frame.push_value(item)?;
    }
    Ok(())
    // END EXERCISE
}
// ANCHOR_END: unpack_ex
// ANCHOR_END: unpack

// ANCHOR: subscr
// ANCHOR: binary_subscr_fast
/// `TARGET(BINARY_SUBSCR)`: `container[key]`.
pub fn binary_subscr(frame: &mut Frame) -> Result<(), RunError> {
    let key = frame.pop_value()?;
    let container = frame.pop_value()?;
    if let Some(item) = list_item_fast(&container, &key) {
        return frame.push_value(item);
    }
    frame.push_value(subscript::get_item(&container, &key)?)
}

/// `list[i]` for a small int `i` in range: `BINARY_SUBSCR_LIST_INT`'s case,
/// the one loops over lists spend their time in. Anything else (a slice, an
/// index out of range, another type) takes the general path and its errors.
fn list_item_fast(container: &Value, key: &Value) -> Option<Value> {
    let (Value::Object(object), Value::Int(crate::int::Int::Small(i))) = (container, key) else {
        return None;
    };
    let list = object.as_any().downcast_ref::<List>()?;
    let items = list.items.borrow();
    let index = if *i < 0 {
        i.checked_add(items.len() as i64)?
    } else {
        *i
    };
    items.get(usize::try_from(index).ok()?).cloned()
}
// ANCHOR_END: binary_subscr_fast

/// `TARGET(STORE_SUBSCR)`: `container[key] = value`; the stack holds `value,
/// container, key`.
pub fn store_subscr(vm: &mut dyn Vm, frame: &mut Frame) -> Result<(), RunError> {
    let key = frame.pop_value()?;
    let container = frame.pop_value()?;
    let value = frame.pop_value()?;
    // `STORE_SUBSCR_LIST_INT`'s case: a small int index in range.
    if let (Value::Object(object), Value::Int(crate::int::Int::Small(i))) = (&container, &key) {
        if let Some(list) = object.as_any().downcast_ref::<List>() {
            let mut items = list.items.borrow_mut();
            let len = items.len() as i64;
            let index = if *i < 0 { i + len } else { *i };
            if let Some(slot) = usize::try_from(index).ok().and_then(|i| items.get_mut(i)) {
                let old = std::mem::replace(slot, value);
                drop(items);
                drop(old);
                return Ok(());
            }
        }
    }
    subscript::set_item(vm, &container, &key, value)
}

/// `TARGET(DELETE_SUBSCR)`: `del container[key]`.
pub fn delete_subscr(frame: &mut Frame) -> Result<(), RunError> {
    let key = frame.pop_value()?;
    let container = frame.pop_value()?;
    Ok(subscript::delete_item(&container, &key)?)
}
// ANCHOR_END: subscr
