//! The operators on values: `BINARY_OP`'s 26 variants, the unary operators,
//! ordering (for `min` and `max`) and the f-string field (`FORMAT_VALUE`).
//!
//! CPython finds an operator through the operands' type slots (`nb_add`,
//! `sq_concat`, …, `Objects/abstract.c: binary_op1`). stage02 has a fixed set of
//! types, so one `match` on the pair of operands plays the part of the slot
//! lookup. The arithmetic itself lives in `int`, `float` and `format`, shared by
//! every stage; this module only picks which one to call and builds the
//! `TypeError` when no type accepts the pair.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::exc::{Exception, PyResult};
use crate::float::{self, FloatPow};
use crate::format;
use crate::int::{Int, IntOrFloat};
pub use crate::opcode::{decode_binary_op, BinaryOperator};
use crate::value::Value;

// ANCHOR: max_sequence_len
/// The longest str, bytes or tuple a repetition or concatenation may build:
/// our documented limit (CPython would try, and fail or swap).
pub const MAX_SEQUENCE_LEN: usize = 1 << 30;
// ANCHOR_END: max_sequence_len

// ANCHOR: binary_op
/// `a OP b` (`Objects/abstract.c: PyNumber_Add` and friends). The in-place forms
/// behave exactly like the plain ones for stage02's immutable types; only the
/// error message differs (`+=`).
pub fn binary_op(op: BinaryOperator, inplace: bool, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        if let Some(result) = bool_op(op, *x, *y) {
            return Ok(Value::Bool(result));
        }
    }
    if let Some(result) = numeric_op(op, a, b)? {
        return Ok(result);
    }
    if let Some(result) = sequence_op(op, a, b)? {
        return Ok(result);
    }
    Err(unsupported_operands(op, inplace, a, b))
}

/// `&`, `|` and `^` of two bools stay bools (`Objects/boolobject.c: bool_and`);
/// every other operator treats them as the ints 0 and 1.
fn bool_op(op: BinaryOperator, a: bool, b: bool) -> Option<bool> {
    match op {
        BinaryOperator::And => Some(a & b),
        BinaryOperator::Or => Some(a | b),
        BinaryOperator::Xor => Some(a ^ b),
        _ => None,
    }
}

/// `unsupported operand type(s) for +: 'int' and 'str'`
/// (`Objects/abstract.c: binop_type_error`).
fn unsupported_operands(op: BinaryOperator, inplace: bool, a: &Value, b: &Value) -> Exception {
    let symbol = match (op, inplace) {
        (BinaryOperator::Power, false) => "** or pow()".to_string(),
        (BinaryOperator::Power, true) => "**= or pow()".to_string(),
        (_, false) => op.symbol().to_string(),
        (_, true) => format!("{}=", op.symbol()),
    };
    Exception::type_error(format!(
        "unsupported operand type(s) for {symbol}: '{}' and '{}'",
        a.type_name(),
        b.type_name()
    ))
}
// ANCHOR_END: binary_op

// ANCHOR: numeric_coercion
/// A number operand after Python's implicit widening: `bool` is an `int`
/// subclass, an `int` meets a `float` as a float, anything meets a `complex` as a
/// complex (`Objects/floatobject.c: CONVERT_TO_DOUBLE`).
enum Numbers {
    Ints(Int, Int),
    Floats(f64, f64),
    Complexes((f64, f64), (f64, f64)),
}

/// The value of an int or bool as an `Int`.
pub fn as_int(value: &Value) -> Option<Int> {
    match value {
        Value::Bool(b) => Some(Int::from_i64(i64::from(*b))),
        Value::Int(i) => Some(i.clone()),
        _ => None,
    }
}

/// The rank of a number type for widening: int 0, float 1, complex 2.
fn numeric_rank(value: &Value) -> Option<u8> {
    match value {
        Value::Bool(_) | Value::Int(_) => Some(0),
        Value::Float(_) => Some(1),
        Value::Complex { .. } => Some(2),
        _ => None,
    }
}

/// A number as a float; an int too big for one raises `OverflowError`.
pub fn as_f64(value: &Value) -> PyResult<Option<f64>> {
    Ok(match value {
        Value::Float(f) => Some(*f),
        _ => match as_int(value) {
            Some(i) => Some(i.to_f64()?),
            None => None,
        },
    })
}

fn as_complex(value: &Value) -> PyResult<Option<(f64, f64)>> {
    Ok(match value {
        Value::Complex { real, imag } => Some((*real, *imag)),
        _ => as_f64(value)?.map(|f| (f, 0.0)),
    })
}

/// Widens two operands to a common number type; `None` if either is no number.
fn coerce(a: &Value, b: &Value) -> PyResult<Option<Numbers>> {
    let (Some(rank_a), Some(rank_b)) = (numeric_rank(a), numeric_rank(b)) else {
        return Ok(None);
    };
    Ok(match rank_a.max(rank_b) {
        0 => as_int(a).zip(as_int(b)).map(|(x, y)| Numbers::Ints(x, y)),
        1 => as_f64(a)?
            .zip(as_f64(b)?)
            .map(|(x, y)| Numbers::Floats(x, y)),
        _ => as_complex(a)?
            .zip(as_complex(b)?)
            .map(|(x, y)| Numbers::Complexes(x, y)),
    })
}
// ANCHOR_END: numeric_coercion

// ANCHOR: numeric_op
/// The operator on two numbers; `Ok(None)` when the operands are not both numbers
/// or the operator is not defined for them (`1.5 << 1`, `1j // 2`).
fn numeric_op(op: BinaryOperator, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    Ok(match coerce(a, b)? {
        None => None,
        Some(Numbers::Ints(x, y)) => int_op(op, &x, &y)?,
        Some(Numbers::Floats(x, y)) => float_op(op, x, y)?,
        Some(Numbers::Complexes(x, y)) => complex_op(op, x, y)?,
    })
}

/// `Objects/longobject.c`: `long_add`, `long_div`, `long_pow`, …
fn int_op(op: BinaryOperator, a: &Int, b: &Int) -> PyResult<Option<Value>> {
    use BinaryOperator::*;
    let int = |i: Int| Some(Value::Int(i));
    Ok(match op {
        Add => int(a.add(b)?),
        Subtract => int(a.sub(b)?),
        Multiply => int(a.mul(b)?),
        FloorDivide => int(a.floordiv(b)?),
        Remainder => int(a.modulo(b)?),
        TrueDivide => Some(Value::Float(a.truediv(b)?)),
        Power => match a.pow(b)? {
            IntOrFloat::Int(i) => int(i),
            IntOrFloat::Float(f) => Some(Value::Float(f)),
        },
        Lshift => int(a.lshift(b)?),
        Rshift => int(a.rshift(b)?),
        And => int(a.bitand(b)),
        Or => int(a.bitor(b)),
        Xor => int(a.bitxor(b)),
        MatrixMultiply => None,
    })
}

/// `Objects/floatobject.c`: `float_add`, `float_div`, `float_pow`, …
fn float_op(op: BinaryOperator, a: f64, b: f64) -> PyResult<Option<Value>> {
    use BinaryOperator::*;
    let float = |f: f64| Some(Value::Float(f));
    Ok(match op {
        Add => float(a + b),
        Subtract => float(a - b),
        Multiply => float(a * b),
        TrueDivide => float(float::truediv(a, b)?),
        FloorDivide => float(float::floordiv(a, b)?),
        Remainder => float(float::modulo(a, b)?),
        Power => match float::pow(a, b)? {
            FloatPow::Float(f) => float(f),
            FloatPow::Complex(real, imag) => Some(Value::Complex { real, imag }),
        },
        And | Or | Xor | Lshift | Rshift | MatrixMultiply => None,
    })
}

/// `Objects/complexobject.c`: `complex_add`, `complex_div`, `complex_pow`, …
fn complex_op(op: BinaryOperator, a: (f64, f64), b: (f64, f64)) -> PyResult<Option<Value>> {
    use BinaryOperator::*;
    let (real, imag) = match op {
        Add => float::complex_add(a, b),
        Subtract => float::complex_sub(a, b),
        Multiply => float::complex_mul(a, b),
        TrueDivide => float::complex_div(a, b)?,
        Power => float::complex_pow(a, b)?,
        _ => return Ok(None),
    };
    Ok(Some(Value::Complex { real, imag }))
}
// ANCHOR_END: numeric_op

// ANCHOR: sequence_op
/// `+`, `*` and `%` on str, bytes and tuples (`sq_concat`, `sq_repeat`,
/// `nb_remainder` of `str`); `Ok(None)` when they do not apply.
fn sequence_op(op: BinaryOperator, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match op {
        BinaryOperator::Add => concat(a, b),
        BinaryOperator::Multiply => match (as_repeat_count(a), as_repeat_count(b)) {
            (_, Some(count)) if is_sequence(a) => repeat(a, &count).map(Some),
            (Some(count), _) if is_sequence(b) => repeat(b, &count).map(Some),
            _ if is_sequence(a) => Err(cant_multiply(b)),
            _ if is_sequence(b) => Err(cant_multiply(a)),
            _ => Ok(None),
        },
        BinaryOperator::Remainder => match a {
            Value::Str(template) => printf_format(template, b).map(Some),
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

fn is_sequence(value: &Value) -> bool {
    matches!(
        value,
        Value::Str(_) | Value::SurrogateStr(_) | Value::Bytes(_) | Value::Tuple(_)
    )
}

fn as_repeat_count(value: &Value) -> Option<Int> {
    as_int(value)
}

/// `can't multiply sequence by non-int of type 'float'`.
fn cant_multiply(count: &Value) -> Exception {
    Exception::type_error(format!(
        "can't multiply sequence by non-int of type '{}'",
        count.type_name()
    ))
}

/// `MemoryError` (empty message) for a result over [`MAX_SEQUENCE_LEN`] items.
fn check_length(len: Option<usize>) -> PyResult<usize> {
    match len {
        Some(len) if len <= MAX_SEQUENCE_LEN => Ok(len),
        _ => Err(Exception::memory_error()),
    }
}

/// `str + str`, `bytes + bytes`, `tuple + tuple`, with CPython's messages for a
/// mismatched right operand.
fn concat(a: &Value, b: &Value) -> PyResult<Option<Value>> {
    Ok(Some(match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            check_length(x.len().checked_add(y.len()))?;
            Value::Str(Rc::from(format!("{x}{y}")))
        }
        (Value::Str(_) | Value::SurrogateStr(_), Value::Str(_) | Value::SurrogateStr(_)) => {
            let mut points = code_points(a);
            points.extend(code_points(b));
            check_length(Some(points.len()))?;
            Value::SurrogateStr(Rc::from(points))
        }
        (Value::Bytes(x), Value::Bytes(y)) => {
            check_length(x.len().checked_add(y.len()))?;
            Value::Bytes(x.iter().chain(y.iter()).copied().collect())
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            check_length(x.len().checked_add(y.len()))?;
            Value::Tuple(x.iter().chain(y.iter()).cloned().collect())
        }
        (Value::Str(_) | Value::SurrogateStr(_), _) => {
            return Err(cant_concat("str", b));
        }
        (Value::Tuple(_), _) => return Err(cant_concat("tuple", b)),
        (Value::Bytes(_), _) => {
            return Err(Exception::type_error(format!(
                "can't concat {} to bytes",
                b.type_name()
            )))
        }
        _ => return Ok(None),
    }))
}

/// `can only concatenate str (not "int") to str`.
fn cant_concat(kind: &str, b: &Value) -> Exception {
    Exception::type_error(format!(
        "can only concatenate {kind} (not \"{}\") to {kind}",
        b.type_name()
    ))
}

/// The code points of a str value (either representation).
pub fn code_points(value: &Value) -> Vec<u32> {
    match value {
        Value::Str(s) => s.chars().map(u32::from).collect(),
        Value::SurrogateStr(points) => points.to_vec(),
        _ => Vec::new(),
    }
}

/// `seq * n`: a count below one gives an empty sequence
/// (`Objects/unicodeobject.c: unicode_repeat`, `tuplerepeat`, `bytes_repeat`).
fn repeat(seq: &Value, count: &Int) -> PyResult<Value> {
    let times = if count.is_negative() {
        0
    } else {
        count
            .to_i64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| {
                Exception::overflow_error("cannot fit 'int' into an index-sized integer")
            })?
    };
    let item_len = match seq {
        Value::Str(s) => s.chars().count(),
        Value::SurrogateStr(s) => s.len(),
        Value::Bytes(b) => b.len(),
        Value::Tuple(t) => t.len(),
        _ => 0,
    };
    check_length(item_len.checked_mul(times))?;
    Ok(match seq {
        Value::Str(s) => Value::Str(Rc::from(s.repeat(times))),
        Value::SurrogateStr(s) => Value::SurrogateStr(Rc::from(s.repeat(times))),
        Value::Bytes(b) => Value::Bytes(Rc::from(b.repeat(times))),
        Value::Tuple(t) => {
            let items: Vec<Value> = (0..times).flat_map(|_| t.iter().cloned()).collect();
            Value::Tuple(Rc::from(items))
        }
        other => other.clone(),
    })
}

/// `template % args` for a str template: a tuple supplies the arguments, any
/// other value is the single argument (`PyUnicode_Format`).
fn printf_format(template: &str, args: &Value) -> PyResult<Value> {
    let text = match args {
        Value::Tuple(items) => {
            let refs: Vec<&dyn format::PrintfArg> =
                items.iter().map(|v| v as &dyn format::PrintfArg).collect();
            format::printf(template, &refs, true)?
        }
        single => format::printf(template, &[single as &dyn format::PrintfArg], false)?,
    };
    Ok(Value::Str(Rc::from(text)))
}
// ANCHOR_END: sequence_op

// ANCHOR: unary_ops
/// `UNARY_NEGATIVE` (`PyNumber_Negative`).
pub fn negative(value: &Value) -> PyResult<Value> {
    match value {
        Value::Float(f) => Ok(Value::Float(-f)),
        Value::Complex { real, imag } => Ok(Value::Complex {
            real: -real,
            imag: -imag,
        }),
        _ => match as_int(value) {
            Some(i) => Ok(Value::Int(i.neg())),
            None => Err(bad_operand("unary -", value)),
        },
    }
}

/// `UNARY_POSITIVE` (`PyNumber_Positive`): `+True` is the int `1`.
pub fn positive(value: &Value) -> PyResult<Value> {
    match value {
        Value::Float(_) | Value::Complex { .. } => Ok(value.clone()),
        _ => match as_int(value) {
            Some(i) => Ok(Value::Int(i)),
            None => Err(bad_operand("unary +", value)),
        },
    }
}

/// `UNARY_INVERT` (`PyNumber_Invert`): ints and bools only.
pub fn invert(value: &Value) -> PyResult<Value> {
    match as_int(value) {
        Some(i) => Ok(Value::Int(i.invert())),
        None => Err(bad_operand("unary ~", value)),
    }
}

/// `abs(x)` (`PyNumber_Absolute`).
pub fn absolute(value: &Value) -> PyResult<Value> {
    match value {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Complex { real, imag } => Ok(Value::Float(float::complex_abs((*real, *imag))?)),
        _ => match as_int(value) {
            Some(i) => Ok(Value::Int(i.abs())),
            None => Err(bad_operand("abs()", value)),
        },
    }
}

/// `bad operand type for unary -: 'str'`.
fn bad_operand(what: &str, value: &Value) -> Exception {
    Exception::type_error(format!(
        "bad operand type for {what}: '{}'",
        value.type_name()
    ))
}
// ANCHOR_END: unary_ops

// ANCHOR: ordering
/// `a < b` for the types stage02 can order (`PyObject_RichCompare` with `Py_LT`,
/// as `min` and `max` use it): numbers by value, str, bytes and tuples
/// lexicographically. Everything else raises CPython's `TypeError`.
pub fn less_than(a: &Value, b: &Value) -> PyResult<bool> {
    Ok(compare(a, b)? == Ordering::Less)
}

fn compare(a: &Value, b: &Value) -> PyResult<Ordering> {
    let unorderable = || {
        Exception::type_error(format!(
            "'<' not supported between instances of '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ))
    };
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(x.cmp(y)),
        (Value::Str(_) | Value::SurrogateStr(_), Value::Str(_) | Value::SurrogateStr(_)) => {
            Ok(code_points(a).cmp(&code_points(b)))
        }
        (Value::Bytes(x), Value::Bytes(y)) => Ok(x.cmp(y)),
        (Value::Tuple(x), Value::Tuple(y)) => compare_tuples(x, y),
        _ => compare_numbers(a, b)?.ok_or_else(unorderable),
    }
}

/// Tuples compare item by item; the first unequal pair decides
/// (`Objects/tupleobject.c: tuplerichcompare`).
fn compare_tuples(x: &[Value], y: &[Value]) -> PyResult<Ordering> {
    for (a, b) in x.iter().zip(y.iter()) {
        let ordering = compare(a, b)?;
        if ordering != Ordering::Equal {
            return Ok(ordering);
        }
    }
    Ok(x.len().cmp(&y.len()))
}

/// Orders two real numbers exactly, an int against a float included
/// (`Objects/floatobject.c: float_richcompare`); `None` if one is no real
/// number. NaN compares as "not less", like every comparison with NaN.
fn compare_numbers(a: &Value, b: &Value) -> PyResult<Option<Ordering>> {
    let ordering = match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(x), _) => {
            as_int(b).and_then(|y| float::int_float_cmp(&y, *x).map(Ordering::reverse))
        }
        (_, Value::Float(y)) => as_int(a).and_then(|x| float::int_float_cmp(&x, *y)),
        _ => match (as_int(a), as_int(b)) {
            (Some(x), Some(y)) => Some(x.cmp(&y)),
            _ => return Ok(None),
        },
    };
    if ordering.is_none() && (numeric_rank(a) == Some(2) || numeric_rank(b) == Some(2)) {
        return Ok(None);
    }
    Ok(Some(ordering.unwrap_or(Ordering::Equal)))
}
// ANCHOR_END: ordering

// ANCHOR: equality
/// `a == b` for the built-in types (`PyObject_RichCompare` with `Py_EQ`):
/// numbers by value across int, float, complex and bool (`1 == 1.0 == True`),
/// strings, bytes and tuples by content, everything else by identity. Dict
/// keys use it; stage04's `COMPARE_OP` too.
pub fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Str(_) | Value::SurrogateStr(_), Value::Str(_) | Value::SurrogateStr(_)) => {
            code_points(a) == code_points(b)
        }
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| p.is(q) || equal(p, q))
        }
        (Value::Dict(x), Value::Dict(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len()
                && x.iter().all(|(key, value)| {
                    matches!(y.get(key), Ok(Some(other)) if value.is(other) || equal(value, other))
                })
        }
        (Value::Complex { .. }, _) | (_, Value::Complex { .. }) => {
            match (as_complex(a), as_complex(b)) {
                (Ok(Some(x)), Ok(Some(y))) => x == y,
                _ => false,
            }
        }
        _ => match compare_numbers(a, b) {
            Ok(Some(ordering)) => ordering == Ordering::Equal && !is_nan(a) && !is_nan(b),
            Ok(None) | Err(_) => a.is(b),
        },
    }
}

fn is_nan(value: &Value) -> bool {
    matches!(value, Value::Float(f) if f.is_nan())
}
// ANCHOR_END: equality

// ANCHOR: format_value
/// `format(value, spec)` (`PyObject_Format`), what `FORMAT_VALUE` and the
/// `format` builtin call: numbers and strings have the format-spec
/// mini-language; every other stage02 type has `object.__format__`, which takes
/// only the empty spec.
pub fn format_value(value: &Value, spec: &str) -> PyResult<Value> {
    let text = match value {
        Value::Str(s) => format::format_str(s, spec)?,
        Value::Int(i) => format::format_int(&i.to_bigint(), spec)?,
        Value::Bool(_) if !spec.is_empty() => format::format_int(
            &as_int(value).map(|i| i.to_bigint()).unwrap_or_default(),
            spec,
        )?,
        Value::Float(f) => format::format_float(*f, spec)?,
        Value::Complex { real, imag } => format::format_complex(*real, *imag, spec)?,
        _ if spec.is_empty() => return value.to_str(),
        _ => {
            return Err(Exception::type_error(format!(
                "unsupported format string passed to {}.__format__",
                value.type_name()
            )))
        }
    };
    Ok(Value::Str(Rc::from(text)))
}
// ANCHOR_END: format_value
