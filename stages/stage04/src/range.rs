//! `range` (`Objects/rangeobject.c`): a sequence of ints computed, never stored.
//!
//! The bounds are Python ints of any size; the common range fits an `i64`
//! and its iterator counts in one ([`RangeIter`]), as CPython's
//! `range_iterator` counts in a C `long` and falls back to a
//! `longrange_iterator` beyond.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use crate::exc::{ExcType, Exception, PyResult};
use crate::int::Int;
use crate::iter::itself;
use crate::methods::{check_args, MethodDef};
use crate::slice::Slice;
use crate::value::ops::CompareOp;
use crate::value::types::TypeObject;
use crate::value::{Object, Value};
use crate::vm::{Keywords, RunError, Vm};

// ANCHOR: range
/// `range(start, stop, step)`.
#[derive(Debug)]
pub struct Range {
    pub start: Int,
    pub stop: Int,
    pub step: Int,
    /// How many ints it holds, computed once.
    pub len: Int,
}

pub static RANGE: TypeObject = TypeObject {
    name: "range",
    new: Some(new_range),
};
// ANCHOR_END: range

/// `range(stop)`, `range(start, stop[, step])` (`range_new`).
fn new_range(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    crate::iter::no_keywords("range", keywords)?;
    let int = |value: &Value| -> PyResult<Int> {
        match value {
            Value::Int(i) => Ok(i.clone()),
            Value::Bool(b) => Ok(Int::from_i64(i64::from(*b))),
            other => Err(Exception::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))),
        }
    };
    let zero = Int::from_i64(0);
    let one = Int::from_i64(1);
    let (start, stop, step) = match args {
        [stop] => (zero, int(stop)?, one),
        [start, stop] => (int(start)?, int(stop)?, one),
        [start, stop, step] => (int(start)?, int(stop)?, int(step)?),
        [] => {
            return Err(Exception::type_error("range expected at least 1 argument, got 0").into())
        }
        _ => {
            return Err(Exception::type_error(format!(
                "range expected at most 3 arguments, got {}",
                args.len()
            ))
            .into())
        }
    };
    Ok(Value::object(Range::new(start, stop, step)?))
}

impl Range {
    /// A range, or `ValueError: range() arg 3 must not be zero`.
    pub fn new(start: Int, stop: Int, step: Int) -> PyResult<Range> {
        if step.is_zero() {
            return Err(Exception::value_error("range() arg 3 must not be zero"));
        }
        let len = range_len(&start, &stop, &step)?;
        Ok(Range {
            start,
            stop,
            step,
            len,
        })
    }

    /// Item `i` (0 ≤ i < len): `start + i * step`.
    fn at(&self, i: &Int) -> PyResult<Int> {
        self.start.add(&i.mul(&self.step)?)
    }

    /// Whether the int `n` is one of the range's.
    fn holds(&self, n: &Int) -> PyResult<bool> {
        let zero = Int::from_i64(0);
        let within = if self.step.is_negative() {
            n.cmp(&self.start).is_le() && n.cmp(&self.stop).is_gt()
        } else {
            n.cmp(&self.start).is_ge() && n.cmp(&self.stop).is_lt()
        };
        Ok(within && n.sub(&self.start)?.modulo(&self.step)?.cmp(&zero).is_eq())
    }
}

/// `compute_range_length`: how many ints lie from `start` towards `stop`.
fn range_len(start: &Int, stop: &Int, step: &Int) -> PyResult<Int> {
    let zero = Int::from_i64(0);
    let one = Int::from_i64(1);
    let (low, high, step) = if step.is_negative() {
        (stop.clone(), start.clone(), step.neg())
    } else {
        (start.clone(), stop.clone(), step.clone())
    };
    if low.cmp(&high).is_ge() {
        return Ok(zero);
    }
    high.sub(&low)?.sub(&one)?.floordiv(&step)?.add(&one)
}

impl Object for Range {
    fn type_object(&self) -> &'static TypeObject {
        &RANGE
    }

    fn repr(&self, _: usize) -> PyResult<String> {
        let (start, stop) = (
            self.start.to_decimal_string()?,
            self.stop.to_decimal_string()?,
        );
        if self.step.to_i64() == Some(1) {
            Ok(format!("range({start}, {stop})"))
        } else {
            Ok(format!(
                "range({start}, {stop}, {})",
                self.step.to_decimal_string()?
            ))
        }
    }

    fn is_true(&self) -> bool {
        !self.len.is_zero()
    }

    fn size(&self) -> Option<usize> {
        self.len.to_i64().and_then(|n| usize::try_from(n).ok())
    }

    fn getattr(&self, name: &str) -> Option<Value> {
        match name {
            "start" => Some(Value::Int(self.start.clone())),
            "stop" => Some(Value::Int(self.stop.clone())),
            "step" => Some(Value::Int(self.step.clone())),
            _ => None,
        }
    }

    /// Ranges are equal when they hold the same ints (`range_equals`).
    fn rich_compare(&self, other: &Value, op: CompareOp, _: usize) -> Option<PyResult<bool>> {
        let other = other.downcast::<Range>()?;
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return None;
        }
        let same = self.len.cmp(&other.len).is_eq()
            && (self.len.is_zero()
                || (self.start.cmp(&other.start).is_eq()
                    && (self.len.to_i64() == Some(1) || self.step.cmp(&other.step).is_eq())));
        Some(Ok(same == (op == CompareOp::Eq)))
    }

    fn iter(&self, _: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        let (Some(start), Some(step), Some(len)) =
            (self.start.to_i64(), self.step.to_i64(), self.len.to_i64())
        else {
            return Some(Err(Exception::new(
                ExcType::OverflowError,
                "iterating a range beyond 64-bit ints is not supported by the workbook",
            )));
        };
        Some(Ok(Value::object(RangeIter {
            next: Cell::new(start),
            step,
            remaining: Cell::new(len),
        })))
    }

    fn getitem(&self, key: &Value) -> Option<PyResult<Value>> {
        if let Some(slice) = key.downcast::<Slice>() {
            return Some(self.slice(slice));
        }
        Some(self.item(key))
    }

    fn contains(&self, item: &Value, _: usize) -> Option<PyResult<bool>> {
        match item {
            Value::Int(n) => Some(self.holds(n)),
            Value::Bool(b) => Some(self.holds(&Int::from_i64(i64::from(*b)))),
            // Other values compare item by item, as `range_contains` falls back.
            _ => None,
        }
    }

    /// `range_hash`: equal ranges hash alike, as the tuple `(len, start, step)`
    /// does, with `None` for what the length makes irrelevant.
    fn hash(&self) -> Option<PyResult<i64>> {
        let len = Value::Int(self.len.clone());
        let (start, step) = match self.len.to_i64() {
            Some(0) => (Value::None, Value::None),
            Some(1) => (Value::Int(self.start.clone()), Value::None),
            _ => (
                Value::Int(self.start.clone()),
                Value::Int(self.step.clone()),
            ),
        };
        let key = Value::Tuple(crate::value::Tuple::from(vec![len, start, step]));
        Some(crate::set::py_hash(&key))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Range {
    /// `range[i]`, for any int `i` (`range_item`, `compute_item`): a range of
    /// 10**20 ints has an item 10**19.
    fn item(&self, key: &Value) -> PyResult<Value> {
        let i = match key {
            Value::Int(i) => i.clone(),
            Value::Bool(b) => Int::from_i64(i64::from(*b)),
            other => {
                return Err(Exception::type_error(format!(
                    "range indices must be integers or slices, not {}",
                    other.type_name()
                )))
            }
        };
        let i = if i.is_negative() {
            i.add(&self.len)?
        } else {
            i
        };
        if i.is_negative() || i.cmp(&self.len).is_ge() {
            return Err(Exception::new(
                ExcType::IndexError,
                "range object index out of range",
            ));
        }
        Ok(Value::Int(self.at(&i)?))
    }

    /// `range[a:b:c]`: another range (`compute_slice`), with the bounds
    /// clipped as a list's are, in Python ints.
    fn slice(&self, slice: &Slice) -> PyResult<Value> {
        let bound = |value: &Value| -> PyResult<Option<Int>> {
            match value {
                Value::None => Ok(None),
                Value::Int(i) => Ok(Some(i.clone())),
                Value::Bool(b) => Ok(Some(Int::from_i64(i64::from(*b)))),
                _ => Err(Exception::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let zero = Int::from_i64(0);
        let step = bound(&slice.step)?.unwrap_or_else(|| Int::from_i64(1));
        if step.is_zero() {
            return Err(Exception::value_error("slice step cannot be zero"));
        }
        let negative = step.is_negative();
        let minus_one = Int::from_i64(-1);
        let (lower, upper) = if negative {
            (minus_one.clone(), self.len.add(&minus_one)?)
        } else {
            (zero.clone(), self.len.clone())
        };
        let clip = |b: Option<Int>, default: &Int| -> PyResult<Int> {
            Ok(match b {
                None => default.clone(),
                Some(i) if i.is_negative() => {
                    let i = i.add(&self.len)?;
                    if i.cmp(&lower).is_lt() {
                        lower.clone()
                    } else {
                        i
                    }
                }
                Some(i) => {
                    if i.cmp(&upper).is_gt() {
                        upper.clone()
                    } else {
                        i
                    }
                }
            })
        };
        let (first, last) = if negative {
            (&upper, &lower)
        } else {
            (&lower, &upper)
        };
        let start = clip(bound(&slice.start)?, first)?;
        let stop = clip(bound(&slice.stop)?, last)?;
        let new_start = self.at(&start)?;
        let new_stop = self.at(&stop)?;
        let new_step = self.step.mul(&step)?;
        Ok(Value::object(Range::new(new_start, new_stop, new_step)?))
    }
}

// ANCHOR: range_iter
pub static RANGE_ITERATOR: TypeObject = TypeObject {
    name: "range_iterator",
    new: None,
};

/// An iterator over a range that fits an `i64`: it counts, and makes each
/// int as it goes.
#[derive(Debug)]
pub struct RangeIter {
    next: Cell<i64>,
    step: i64,
    remaining: Cell<i64>,
}

impl Object for RangeIter {
    fn type_object(&self) -> &'static TypeObject {
        &RANGE_ITERATOR
    }
    fn repr(&self, _: usize) -> PyResult<String> {
        Ok(format!(
            "<range_iterator object at {:#x}>",
            std::ptr::from_ref(self) as usize
        ))
    }
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        itself(this)
    }
    fn next(&self, _: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        let remaining = self.remaining.get();
        if remaining <= 0 {
            return Some(Ok(None));
        }
        let value = self.next.get();
        self.remaining.set(remaining - 1);
        self.next.set(value.wrapping_add(self.step));
        Some(Ok(Some(Value::Int(Int::from_i64(value)))))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
// ANCHOR_END: range_iter

/// `range`'s methods: `index` and `count`.
pub static RANGE_METHODS: [MethodDef; 2] = [
    MethodDef {
        name: "index",
        call: range_index,
    },
    MethodDef {
        name: "count",
        call: range_count,
    },
];

fn range_of(this: &Value) -> PyResult<&Range> {
    this.downcast::<Range>()
        .ok_or_else(|| Exception::type_error("expected a range"))
}

fn range_index(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
) -> Result<Value, RunError> {
    check_args("index", args, keywords, 1, 1)?;
    let range = range_of(this)?;
    let found = match &args[0] {
        Value::Int(n) if range.holds(n)? => Some(n.sub(&range.start)?.floordiv(&range.step)?),
        _ => None,
    };
    match found {
        Some(i) => Ok(Value::Int(i)),
        None => Err(Exception::value_error(format!("{} is not in range", args[0].repr()?)).into()),
    }
}

fn range_count(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
) -> Result<Value, RunError> {
    check_args("count", args, keywords, 1, 1)?;
    let range = range_of(this)?;
    let found = match &args[0] {
        Value::Int(n) => range.holds(n)?,
        Value::Bool(b) => range.holds(&Int::from_i64(i64::from(*b)))?,
        _ => false,
    };
    Ok(Value::Int(Int::from_i64(i64::from(found))))
}
