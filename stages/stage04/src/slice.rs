//! `slice` objects (`Objects/sliceobject.c`) and the index arithmetic every
//! sequence shares: a negative index counts from the end, a slice's bounds are
//! clipped to the sequence, and an extended slice walks with a step.

use std::any::Any;

use crate::exc::{ExcType, Exception, PyResult};
use crate::int::Int;
use crate::value::ops::{self, CompareOp};
use crate::value::types::TypeObject;
use crate::value::{Object, Tuple, Value};
use crate::vm::{Keywords, RunError, Vm};

// ANCHOR: slice
/// `slice(start, stop, step)`, as `BUILD_SLICE` makes it for `x[a:b:c]`.
#[derive(Debug, Clone)]
pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub static SLICE: TypeObject = TypeObject {
    name: "slice",
    new: Some(new_slice),
};

/// The positions a slice selects in a sequence of a given length
/// (`PySlice_Unpack` then `PySlice_AdjustIndices`): `start`, then `start +
/// step`, … `len` positions in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indices {
    pub start: isize,
    pub stop: isize,
    pub step: isize,
    pub len: usize,
}
// ANCHOR_END: slice

impl Indices {
    /// The selected positions, in order.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..self.len).map(move |i| {
            let i = isize::try_from(i).unwrap_or(isize::MAX);
            usize::try_from(self.start + i * self.step).unwrap_or(0)
        })
    }
}

impl Slice {
    // ANCHOR: adjust_indices
    // ANCHOR: slice_unpack
    /// Where this slice falls in a sequence of `length` items.
    pub fn indices(&self, length: usize) -> PyResult<Indices> {
        let step = match slice_index(&self.step)? {
            None => 1,
            Some(0) => return Err(Exception::value_error("slice step cannot be zero")),
            // `-step` must not overflow (`PySlice_Unpack`).
            Some(step) => step.max(-isize::MAX),
        };
        let length = isize::try_from(length).unwrap_or(isize::MAX);
        let (lower, upper) = if step < 0 {
            (-1, length - 1)
        } else {
            (0, length)
        };
        let clip = |bound: Option<isize>, default: isize| match bound {
            None => default,
            Some(i) if i < 0 => (i.saturating_add(length)).max(lower),
            Some(i) => i.min(upper),
        };
        let start = clip(
            slice_index(&self.start)?,
            if step < 0 { upper } else { lower },
        );
        let stop = clip(
            slice_index(&self.stop)?,
            if step < 0 { lower } else { upper },
        );
        // ANCHOR_END: slice_unpack
        // ANCHOR: slice_length
        let len = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(Indices {
            start,
            stop,
            step,
            len: usize::try_from(len).unwrap_or(0),
        })
    }
    // ANCHOR_END: slice_length
    // ANCHOR_END: adjust_indices
}

/// A slice bound: `None`, or an int clipped to the `isize` range
/// (`_PyEval_SliceIndex`: `x[:10**100]` is `x[:]`).
fn slice_index(value: &Value) -> PyResult<Option<isize>> {
    match value {
        Value::None => Ok(None),
        Value::Bool(b) => Ok(Some(isize::from(*b))),
        Value::Int(i) => Ok(Some(clamp_isize(i))),
        _ => Err(Exception::type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

fn clamp_isize(i: &Int) -> isize {
    match i.to_i64() {
        Some(n) => isize::try_from(n).unwrap_or(if n < 0 { isize::MIN } else { isize::MAX }),
        None if i.is_negative() => isize::MIN,
        None => isize::MAX,
    }
}

// ANCHOR: sequence_index
/// Item `index` of a sequence of `length` items (`PyNumber_AsSsize_t`, then
/// the negative-index rule of `list_subscript`): `Ok(None)` when it is out of
/// range, for the caller to word the `IndexError` (`list index out of
/// range`); `Err` when the index is no integer (`what` names the sequence in
/// the message: `list indices must be integers or slices, not str`).
pub fn sequence_index(index: &Value, length: usize, what: &str) -> PyResult<Option<usize>> {
    let i = match index {
        Value::Bool(b) => i64::from(*b),
        Value::Int(i) => i.to_i64().ok_or_else(index_too_big)?,
        other => {
            return Err(Exception::type_error(format!(
                "{what} indices must be integers or slices, not {}",
                other.type_name()
            )))
        }
    };
    let length = i64::try_from(length).unwrap_or(i64::MAX);
    let i = if i < 0 { i + length } else { i };
    Ok(usize::try_from(i).ok().filter(|&i| (i as i64) < length))
}
// ANCHOR_END: sequence_index

/// `IndexError: cannot fit 'int' into an index-sized integer`.
pub fn index_too_big() -> Exception {
    Exception::new(
        ExcType::IndexError,
        "cannot fit 'int' into an index-sized integer",
    )
}

/// An int argument used as a count or a size (`list * n`, `range(n)`):
/// `OverflowError` past the `isize` range, as CPython's `PyNumber_AsSsize_t`.
pub fn as_index(value: &Value) -> PyResult<Option<i64>> {
    match value {
        Value::Bool(b) => Ok(Some(i64::from(*b))),
        Value::Int(i) => i.to_i64().map(Some).ok_or_else(|| {
            Exception::overflow_error("cannot fit 'int' into an index-sized integer")
        }),
        _ => Ok(None),
    }
}

fn new_slice(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    if !keywords.is_empty() {
        return Err(Exception::type_error("slice() takes no keyword arguments").into());
    }
    let (start, stop, step) = match args {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => {
            return Err(Exception::type_error(format!(
                "slice expected at most 3 arguments, got {}",
                args.len()
            ))
            .into())
        }
    };
    Ok(Value::object(Slice { start, stop, step }))
}

impl Object for Slice {
    fn type_object(&self) -> &'static TypeObject {
        &SLICE
    }

    fn repr(&self, depth: usize) -> PyResult<String> {
        Ok(format!(
            "slice({}, {}, {})",
            self.start.repr_nested(depth + 1)?,
            self.stop.repr_nested(depth + 1)?,
            self.step.repr_nested(depth + 1)?
        ))
    }

    fn getattr(&self, name: &str) -> Option<Value> {
        match name {
            "start" => Some(self.start.clone()),
            "stop" => Some(self.stop.clone()),
            "step" => Some(self.step.clone()),
            _ => None,
        }
    }

    fn rich_compare(
        &self,
        other: &Value,
        op: CompareOp,
        headroom: usize,
    ) -> Option<PyResult<bool>> {
        let other = other.downcast::<Slice>()?;
        let as_tuple = |s: &Slice| {
            Value::Tuple(Tuple::from(vec![
                s.start.clone(),
                s.stop.clone(),
                s.step.clone(),
            ]))
        };
        Some(ops::compare(
            &as_tuple(self),
            &as_tuple(other),
            op,
            headroom,
        ))
    }

    fn hash(&self) -> Option<PyResult<i64>> {
        Some(Err(Exception::type_error("unhashable type: 'slice'")))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
