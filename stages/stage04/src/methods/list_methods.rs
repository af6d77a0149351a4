//! The methods of `list` (`Objects/listobject.c`, `list_methods`), of `tuple`
//! and of `int`.

use crate::exc::{ExcType, Exception, PyResult};
use crate::int::Int;
use crate::iter;
use crate::list::{self, List};
use crate::value::ops;
use crate::value::{Tuple, Value};
use crate::vm::{Keywords, RunError, Vm};

use super::{check_args, MethodDef};

type Outcome = Result<Value, RunError>;

/// `list`'s method table.
pub static LIST_METHODS: [MethodDef; 11] = [
    MethodDef {
        name: "append",
        call: append,
    },
    MethodDef {
        name: "extend",
        call: extend,
    },
    MethodDef {
        name: "insert",
        call: insert,
    },
    MethodDef {
        name: "pop",
        call: pop,
    },
    MethodDef {
        name: "remove",
        call: remove,
    },
    MethodDef {
        name: "index",
        call: index,
    },
    MethodDef {
        name: "count",
        call: count,
    },
    MethodDef {
        name: "sort",
        call: sort,
    },
    MethodDef {
        name: "reverse",
        call: reverse,
    },
    MethodDef {
        name: "clear",
        call: clear,
    },
    MethodDef {
        name: "copy",
        call: copy,
    },
];

/// `tuple`'s method table.
pub static TUPLE_METHODS: [MethodDef; 2] = [
    MethodDef {
        name: "index",
        call: index,
    },
    MethodDef {
        name: "count",
        call: count,
    },
];

/// `int`'s method table (the methods the corpus uses).
pub static INT_METHODS: [MethodDef; 1] = [MethodDef {
    name: "bit_length",
    call: bit_length,
}];

fn list_of(this: &Value) -> PyResult<&List> {
    this.downcast::<List>()
        .ok_or_else(|| Exception::type_error("descriptor requires a 'list' object"))
}

fn none() -> Outcome {
    Ok(Value::None)
}

/// `list.append(x)`.
fn append(_: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    check_args("append", args, kw, 1, 1)?;
    list_of(this)?.push(args[0].clone())?;
    none()
}

/// `list.extend(iterable)`: the items are collected first, so `x.extend(x)`
/// doubles `x`.
fn extend(vm: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    check_args("extend", args, kw, 1, 1)?;
    let items = iter::collect(vm, &args[0])?;
    let list = list_of(this)?;
    let mut stored = list.items.borrow_mut();
    ops::reserve(&mut stored, items.len())?;
    stored.extend(items);
    none()
}

/// `list.insert(i, x)`: `i` clipped to the list, as `ins1` does.
fn insert(_: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    check_args("insert", args, kw, 2, 2)?;
    let list = list_of(this)?;
    let len = list.len() as i64;
    let i = index_arg(&args[0])?;
    let position = if i < 0 { (i + len).max(0) } else { i.min(len) };
    let mut items = list.items.borrow_mut();
    ops::reserve(&mut items, 1)?;
    items.insert(usize::try_from(position).unwrap_or(0), args[1].clone());
    none()
}

/// An int argument (`PyNumber_AsSsize_t`).
fn index_arg(value: &Value) -> PyResult<i64> {
    match value {
        Value::Int(i) => i.to_i64().ok_or_else(|| {
            Exception::overflow_error("Python int too large to convert to C ssize_t")
        }),
        Value::Bool(b) => Ok(i64::from(*b)),
        other => Err(Exception::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

/// `list.pop(i=-1)`.
fn pop(_: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    check_args("pop", args, kw, 0, 1)?;
    let list = list_of(this)?;
    let mut items = list.items.borrow_mut();
    if items.is_empty() {
        return Err(Exception::new(ExcType::IndexError, "pop from empty list").into());
    }
    let len = items.len() as i64;
    let i = match args.first() {
        Some(arg) => index_arg(arg)?,
        None => -1,
    };
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(Exception::new(ExcType::IndexError, "pop index out of range").into());
    }
    Ok(items.remove(i as usize))
}

/// The position of the first item equal to `x` in `items`, from `start`.
fn position(
    items: &[Value],
    x: &Value,
    start: usize,
    stop: usize,
    vm: &dyn Vm,
) -> PyResult<Option<usize>> {
    let headroom = vm.recursion_headroom();
    for (i, item) in items.iter().enumerate().take(stop).skip(start) {
        if ops::items_equal(item, x, headroom)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// The items of a list or a tuple, copied out of any borrow.
fn items_of(this: &Value) -> PyResult<Vec<Value>> {
    match this {
        Value::Tuple(t) => Ok(t.to_vec()),
        other => Ok(list_of(other)?.snapshot()),
    }
}

/// `list.remove(x)`.
fn remove(vm: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    check_args("remove", args, kw, 1, 1)?;
    let items = items_of(this)?;
    match position(&items, &args[0], 0, items.len(), vm)? {
        Some(i) => {
            let list = list_of(this)?;
            let removed = list.items.borrow_mut().remove(i);
            drop(removed);
            none()
        }
        None => Err(Exception::value_error("list.remove(x): x not in list").into()),
    }
}

/// `list.index(x[, start[, stop]])` and `tuple.index`.
fn index(vm: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    check_args("index", args, kw, 1, 3)?;
    let items = items_of(this)?;
    let len = items.len() as i64;
    let bound = |arg: Option<&Value>, default: i64| -> PyResult<usize> {
        let i = match arg {
            Some(arg) => index_arg(arg)?,
            None => default,
        };
        let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
        Ok(usize::try_from(i).unwrap_or(0))
    };
    let (start, stop) = (bound(args.get(1), 0)?, bound(args.get(2), len)?);
    match position(&items, &args[0], start, stop, vm)? {
        Some(i) => Ok(Value::Int(Int::from_i64(i as i64))),
        None => {
            // 3.11's list says which value (`5 is not in list`); tuple does not.
            let what = if matches!(this, Value::Tuple(_)) {
                "tuple.index(x): x not in tuple".to_string()
            } else {
                format!("{} is not in list", args[0].repr()?)
            };
            Err(Exception::value_error(what).into())
        }
    }
}

/// `list.count(x)` and `tuple.count`.
fn count(vm: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    check_args("count", args, kw, 1, 1)?;
    let headroom = vm.recursion_headroom();
    let mut n = 0;
    for item in items_of(this)? {
        if ops::items_equal(&item, &args[0], headroom)? {
            n += 1;
        }
    }
    Ok(Value::Int(Int::from_i64(n)))
}

// ANCHOR: sort
// ANCHOR: sort_method
/// `list.sort(*, key=None, reverse=False)`: a stable sort. While it runs the
/// list is empty (a key function that looks at it sees `[]`) and any change
/// made to it is an error afterwards, as `list_sort_impl` does.
fn sort(vm: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    if !args.is_empty() {
        return Err(Exception::type_error("sort() takes no positional arguments").into());
    }
    let (key, reverse) = sort_keywords(kw)?;
    let list = list_of(this)?;
    let items = std::mem::take(&mut *list.items.borrow_mut());
    let sorted = sort_values(vm, items, &key, reverse);
    let mut stored = list.items.borrow_mut();
    let modified = !stored.is_empty();
    match sorted {
        Ok(sorted) => *stored = sorted,
        Err((error, items)) => {
            *stored = items;
            return Err(error);
        }
    }
    if modified {
        return Err(Exception::value_error("list modified during sort").into());
    }
    none()
}
// ANCHOR_END: sort_method

/// The keyword arguments of `list.sort` and `sorted`: `key` (default `None`)
/// and `reverse` (default false); any other is CPython's `TypeError`, which
/// names `sort()` for both.
pub fn sort_keywords(keywords: &Keywords) -> PyResult<(Value, bool)> {
    let mut key = Value::None;
    let mut reverse = false;
    for (name, value) in keywords {
        match &**name {
            "key" => key = value.clone(),
            "reverse" => reverse = value.is_true(),
            other => {
                return Err(Exception::type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )))
            }
        }
    }
    Ok((key, reverse))
}

/// Sorts `items` by `key` (or themselves), stably, with `<` as Python
/// defines it; `reverse` keeps equal items in their order too. On an error
/// the items come back as they were, with the error.
pub fn sort_values(
    vm: &mut dyn Vm,
    items: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> Result<Vec<Value>, (RunError, Vec<Value>)> {
    let mut keys = Vec::with_capacity(items.len());
    for item in &items {
        match key {
            Value::None => keys.push(item.clone()),
            function => match vm.call(function, vec![item.clone()], Vec::new()) {
                Ok(k) => keys.push(k),
                Err(error) => return Err((error, items)),
            },
        }
    }
    let headroom = vm.recursion_headroom();
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    let lt = |a: usize, b: usize| ops::less_than(&keys[a], &keys[b], headroom);
    let sorted = if order.len() < MIN_MERGE {
        small_sort(&mut order, lt)
    } else {
        merge_sort(&mut order, lt)
    };
    let failure = sorted.err();
    if let Some(error) = failure {
        return Err((error.into(), items));
    }
    if reverse {
        order.reverse();
    }
    let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
    Ok(order.into_iter().filter_map(|i| slots[i].take()).collect())
}
// ANCHOR_END: sort

/// Below this many items CPython's timsort is one run and a binary insertion
/// sort (`MIN_GALLOP`'s neighbour `MAX_MINRUN`, 64).
const MIN_MERGE: usize = 64;

/// CPython's sort of a short list, comparison for comparison (`count_run`,
/// then `binarysort`), so that a list whose items cannot be compared fails on
/// the same pair, with the same message, as in CPython.
fn small_sort(order: &mut [usize], lt: impl Fn(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    let n = order.len();
    if n < 2 {
        return Ok(());
    }
    let mut run = 2;
    if lt(order[1], order[0])? {
        while run < n && lt(order[run], order[run - 1])? {
            run += 1;
        }
        order[..run].reverse();
    } else {
        while run < n && !lt(order[run], order[run - 1])? {
            run += 1;
        }
    }
    for start in run..n {
        let pivot = order[start];
        let (mut low, mut high) = (0, start);
        while low < high {
            let middle = low + (high - low) / 2;
            if lt(pivot, order[middle])? {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        order[low..=start].rotate_right(1);
    }
    Ok(())
}

/// A longer list: Rust's stable merge sort with Python's `<`; the first
/// failed comparison is remembered and ends the sort.
fn merge_sort(order: &mut [usize], lt: impl Fn(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    let mut failure = None;
    order.sort_by(|&a, &b| {
        if failure.is_some() {
            return std::cmp::Ordering::Equal;
        }
        let ordering = lt(a, b).and_then(|less| {
            if less {
                Ok(std::cmp::Ordering::Less)
            } else if lt(b, a)? {
                Ok(std::cmp::Ordering::Greater)
            } else {
                Ok(std::cmp::Ordering::Equal)
            }
        });
        ordering.unwrap_or_else(|error| {
            failure = Some(error);
            std::cmp::Ordering::Equal
        })
    });
    failure.map_or(Ok(()), Err)
}

/// `list.reverse()`.
fn reverse(_: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    check_args("reverse", args, kw, 0, 0)?;
    list_of(this)?.items.borrow_mut().reverse();
    none()
}

/// `list.clear()`.
fn clear(_: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    check_args("clear", args, kw, 0, 0)?;
    let old = std::mem::take(&mut *list_of(this)?.items.borrow_mut());
    drop(old);
    none()
}

/// `list.copy()`: a shallow copy.
fn copy(_: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    check_args("copy", args, kw, 0, 0)?;
    Ok(list::new_value(list_of(this)?.snapshot()))
}

/// `int.bit_length()`.
fn bit_length(_: &mut dyn Vm, this: &Value, args: &[Value], kw: &Keywords) -> Outcome {
    check_args("bit_length", args, kw, 0, 0)?;
    let n = match this {
        Value::Int(i) => i.bit_length(),
        Value::Bool(b) => u64::from(*b),
        _ => 0,
    };
    Ok(Value::Int(Int::from_i64(n as i64)))
}

/// Used by `sorted()`: a new sorted list of any iterable's items.
pub fn sorted(vm: &mut dyn Vm, iterable: &Value, key: &Value, reverse: bool) -> Outcome {
    let items = iter::collect(vm, iterable)?;
    match sort_values(vm, items, key, reverse) {
        Ok(sorted) => Ok(list::new_value(sorted)),
        Err((error, _)) => Err(error),
    }
}

/// A tuple's items as a list (`list(t)` fast path).
pub fn tuple_items(tuple: &Tuple) -> Vec<Value> {
    tuple.to_vec()
}
