//! The operators on values: `BINARY_OP`'s 26 variants, the unary operators,
//! the rich comparisons (for `min` and `max`, dict keys, and stage04's
//! `COMPARE_OP`) and the f-string field (`FORMAT_VALUE`).
//!
//! CPython finds an operator through the operands' type slots (`nb_add`,
//! `sq_concat`, …, `Objects/abstract.c: binary_op1`). stage02 has a fixed set of
//! types, so one `match` on the pair of operands plays the part of the slot
//! lookup. The arithmetic itself lives in `int`, `float` and `format`, shared by
//! every stage; this module only picks which one to call and builds the
//! `TypeError` when no type accepts the pair.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::exc::{ExcType, Exception, PyResult};
use crate::float::{self, FloatPow};
use crate::format;
use crate::int::{Int, IntOrFloat};
pub use crate::opcode::{decode_binary_op, BinaryOperator};
use crate::value::{Dict, Tuple, Value};

// ANCHOR: max_sequence_len
/// The longest str, bytes or tuple a program may ask for by a number: a
/// repetition count, a concatenation, `bytes(n)`. Longer is `MemoryError`
/// before anything is allocated. This is our documented limit: CPython would
/// try, and fail or swap (`'a' * 2**31` is a 2 GB string there).
///
/// It is the first half of the one rule for memory a program controls (DESIGN.md
/// section 5: "huge allocations are refused with `MemoryError` rather than an
/// abort"):
///
/// 1. A size the program states as a number is checked before anything is
///    built: CPython's `OverflowError` where CPython's own length arithmetic
///    overflows `Py_ssize_t` (`'ab' * 2**62`), then `MemoryError` above this
///    limit (above [`crate::format::MAX_FORMAT_WIDTH`] for a formatted field).
/// 2. Every buffer whose size the program controls, limited or not (a repr,
///    `tuple(x)`, a repetition), is asked for fallibly: `try_reserve_exact` on
///    the buffer that is then filled, and [`check_allocation`] just before the
///    `Rc` a value ends up in. When the allocator refuses, the program gets a
///    bare `MemoryError` (`PyErr_NoMemory`) and exit status 1, never Rust's
///    abort.
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
/// mismatched right operand. The length of the result is checked against
/// [`MAX_SEQUENCE_LEN`] first, then built in memory asked for fallibly.
fn concat(a: &Value, b: &Value) -> PyResult<Option<Value>> {
    Ok(Some(match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            // A str has at most as many characters as bytes: only a text
            // whose bytes pass the limit needs its characters counted (a
            // count on every `s += t` would make a loop of them quadratic).
            let bytes = x.len().saturating_add(y.len());
            if bytes > MAX_SEQUENCE_LEN {
                check_length(x.chars().count().checked_add(y.chars().count()))?;
            }
            check_allocation(rc_slice_bytes::<u8>(bytes, 0))?;
            let mut text = String::new();
            reserve_str(&mut text, bytes)?;
            text.push_str(x);
            text.push_str(y);
            Value::Str(Rc::from(text))
        }
        (Value::Str(_) | Value::SurrogateStr(_), Value::Str(_) | Value::SurrogateStr(_)) => {
            let len = check_length(str_len(a).checked_add(str_len(b)))?;
            let mut points = Vec::new();
            reserve(&mut points, len)?;
            points.extend(str_points(a).chain(str_points(b)));
            new_surrogate_str(&points)?
        }
        (Value::Bytes(x), Value::Bytes(y)) => {
            let len = check_length(x.len().checked_add(y.len()))?;
            let mut bytes = Vec::new();
            reserve(&mut bytes, len)?;
            bytes.extend_from_slice(x);
            bytes.extend_from_slice(y);
            new_bytes(&bytes)?
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            let len = check_length(x.len().checked_add(y.len()))?;
            check_allocation(rc_slice_bytes::<Value>(len, 0))?;
            // Two slices chained have an exact length (`TrustedLen`): `collect`
            // allocates the `Rc` once, as [`new_tuple`] does.
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
    str_points(value).collect()
}

/// The code points of a str value, one at a time, without copying them.
fn str_points(value: &Value) -> impl Iterator<Item = u32> + '_ {
    let (text, points): (&str, &[u32]) = match value {
        Value::Str(s) => (s, &[]),
        Value::SurrogateStr(points) => ("", points),
        _ => ("", &[]),
    };
    text.chars().map(u32::from).chain(points.iter().copied())
}

/// `len()` of a str value: code points, not bytes.
fn str_len(value: &Value) -> usize {
    match value {
        Value::Str(s) => s.chars().count(),
        Value::SurrogateStr(points) => points.len(),
        _ => 0,
    }
}

/// `seq * n` (`Objects/abstract.c: sequence_repeat`): `n` must fit a
/// `Py_ssize_t`, or CPython's `OverflowError` (for a huge negative `n` too);
/// below one it counts as zero. Then `Objects/unicodeobject.c:
/// unicode_repeat`, `Objects/bytesobject.c: bytes_repeat` and
/// `Objects/tupleobject.c: tuplerepeat`: a count of one gives the sequence
/// itself, and a length that overflows `Py_ssize_t` is `OverflowError` for str
/// and bytes but `MemoryError` for a tuple. A length that fits is checked
/// against [`MAX_SEQUENCE_LEN`], then built in memory asked for fallibly.
fn repeat(seq: &Value, count: &Int) -> PyResult<Value> {
    let times = count
        .to_i64()
        .filter(|n| isize::try_from(*n).is_ok())
        .ok_or_else(|| Exception::overflow_error("cannot fit 'int' into an index-sized integer"))?;
    let times = usize::try_from(times).unwrap_or(0);
    if times == 1 {
        return Ok(seq.clone());
    }
    const STR_TOO_LONG: &str = "repeated string is too long";
    Ok(match seq {
        Value::Str(s) => {
            repeated_len(s.chars().count(), times, Some(STR_TOO_LONG))?;
            new_str(&repeat_text(s, times)?)?
        }
        Value::SurrogateStr(points) => {
            repeated_len(points.len(), times, Some(STR_TOO_LONG))?;
            new_surrogate_str(&repeat_items(points, times)?)?
        }
        Value::Bytes(b) => {
            repeated_len(b.len(), times, Some("repeated bytes are too long"))?;
            new_bytes(&repeat_items(b, times)?)?
        }
        Value::Tuple(t) => {
            let len = repeated_len(t.len(), times, None)?;
            new_tuple(len, 0, |i| match t.get(i % t.len()) {
                Some(item) => item.clone(),
                None => Value::None,
            })?
        }
        other => other.clone(),
    })
}

/// The length of `times` copies of `item_len` items: CPython's `OverflowError`
/// with `overflow` (`MemoryError` when `None`, as for tuples) when it does not
/// fit a `Py_ssize_t`, else `MemoryError` above [`MAX_SEQUENCE_LEN`].
fn repeated_len(item_len: usize, times: usize, overflow: Option<&str>) -> PyResult<usize> {
    match item_len
        .checked_mul(times)
        .filter(|n| isize::try_from(*n).is_ok())
    {
        Some(len) => check_length(Some(len)),
        None => Err(match overflow {
            Some(message) => Exception::overflow_error(message),
            None => Exception::memory_error(),
        }),
    }
}

/// `times` copies of `text`, in one buffer asked for fallibly and filled by
/// doubling, as `unicode_repeat` fills its result with `memcpy`.
fn repeat_text(text: &str, times: usize) -> PyResult<String> {
    let total = text
        .len()
        .checked_mul(times)
        .ok_or_else(Exception::memory_error)?;
    let mut out = String::new();
    reserve_str(&mut out, total)?;
    if total > 0 {
        out.push_str(text);
        while out.len() < total {
            out.extend_from_within(..out.len().min(total - out.len()));
        }
    }
    Ok(out)
}

/// `times` copies of `items` (bytes, or the code points of a str with a lone
/// surrogate), as [`repeat_text`] makes them.
fn repeat_items<T: Copy>(items: &[T], times: usize) -> PyResult<Vec<T>> {
    let total = items
        .len()
        .checked_mul(times)
        .ok_or_else(Exception::memory_error)?;
    let mut out = Vec::new();
    reserve(&mut out, total)?;
    if total > 0 {
        out.extend_from_slice(items);
        while out.len() < total {
            out.extend_from_within(..out.len().min(total - out.len()));
        }
    }
    Ok(out)
}

/// `template % args` for a str template: a tuple supplies the arguments, any
/// other value is the single argument (`PyUnicode_Format`).
fn printf_format(template: &str, args: &Value) -> PyResult<Value> {
    let text = match args {
        Value::Tuple(items) => {
            let mut refs: Vec<&dyn format::PrintfArg> = Vec::new();
            reserve(&mut refs, items.len())?;
            refs.extend(items.iter().map(|v| v as &dyn format::PrintfArg));
            format::printf(template, &refs, true)?
        }
        single => format::printf(template, &[single as &dyn format::PrintfArg], false)?,
    };
    new_str(&text)
}
// ANCHOR_END: sequence_op

// ANCHOR: allocation
/// The bytes an `Rc` spends on its two reference counts before its contents.
const RC_HEADER_BYTES: usize = 2 * std::mem::size_of::<usize>();

/// What one small object costs the allocator: a one-character str that
/// `tuple('€uro')` makes is an `Rc<str>` of at most 20 bytes, which glibc's
/// malloc serves from its smallest chunk, 32 bytes. Counted per item when the
/// items of a new tuple or list are such objects (a Latin-1 character is
/// shared, and costs nothing: see [`crate::value::latin1_strs`]).
pub const SMALL_OBJECT_BYTES: usize = 32;

/// `MemoryError` (`PyErr_NoMemory`): what an allocator's refusal becomes.
fn no_memory<E>(_: E) -> Exception {
    Exception::memory_error()
}

/// `Vec::try_reserve_exact`, with a refusal as `MemoryError`.
pub fn reserve<T>(buffer: &mut Vec<T>, additional: usize) -> PyResult<()> {
    buffer.try_reserve_exact(additional).map_err(no_memory)
}

/// `String::try_reserve_exact`, with a refusal as `MemoryError`.
pub fn reserve_str(buffer: &mut String, additional: usize) -> PyResult<()> {
    buffer.try_reserve_exact(additional).map_err(no_memory)
}

/// `MemoryError` unless `bytes` bytes (`None`: more than the address space)
/// can be allocated now.
///
/// Safe Rust cannot allocate an `Rc` fallibly (`Rc::try_new_uninit_slice` is
/// unstable), so the `Rc` that a program-sized value ends up in is preceded by
/// this probe: it reserves the same size with `try_reserve_exact` and gives it
/// back at once, and the `Rc` allocated next takes its place. The probe never
/// touches its pages: it costs an `mmap` and a `munmap`, not a pass over the
/// memory. Below [`PROBE_FROM_BYTES`] it costs nothing.
pub fn check_allocation(bytes: Option<usize>) -> PyResult<()> {
    match bytes {
        Some(bytes) if bytes < PROBE_FROM_BYTES => Ok(()),
        Some(bytes) => reserve(&mut Vec::<u8>::new(), bytes),
        None => Err(Exception::memory_error()),
    }
}

/// Smaller allocations are not probed: the interpreter makes them everywhere
/// without asking (every str it creates, every frame), a process that cannot
/// find 64 KiB more cannot go on anyway, and `'a' + 'b'` should not pay for a
/// second allocation.
const PROBE_FROM_BYTES: usize = 1 << 16;

/// The bytes of an `Rc<[T]>` of `len` items (`T = u8` for an `Rc<str>`), plus
/// `each_item_allocates` bytes per item for objects the items own.
pub fn rc_slice_bytes<T>(len: usize, each_item_allocates: usize) -> Option<usize> {
    std::mem::size_of::<T>()
        .checked_add(each_item_allocates)?
        .checked_mul(len)?
        .checked_add(RC_HEADER_BYTES)
}

/// A str value holding a copy of `text` (safe Rust has no way to build an
/// `Rc<str>` in place, so a computed text exists twice for a moment).
pub fn new_str(text: &str) -> PyResult<Value> {
    check_allocation(rc_slice_bytes::<u8>(text.len(), 0))?;
    Ok(Value::Str(Rc::from(text)))
}

/// A str value with a lone surrogate, holding a copy of `points`.
fn new_surrogate_str(points: &[u32]) -> PyResult<Value> {
    check_allocation(rc_slice_bytes::<u32>(points.len(), 0))?;
    Ok(Value::SurrogateStr(Rc::from(points)))
}

/// A bytes value holding a copy of `bytes`.
pub fn new_bytes(bytes: &[u8]) -> PyResult<Value> {
    check_allocation(rc_slice_bytes::<u8>(bytes.len(), 0))?;
    Ok(Value::Bytes(Rc::from(bytes)))
}

/// A tuple of `len` items, `item(0)` to `item(len - 1)` in order, that own
/// `items_allocate` bytes besides (see [`SMALL_OBJECT_BYTES`]), in one
/// allocation (`Objects/tupleobject.c: tuple_alloc`).
pub fn new_tuple(
    len: usize,
    items_allocate: usize,
    item: impl FnMut(usize) -> Value,
) -> PyResult<Value> {
    check_allocation(
        rc_slice_bytes::<Value>(len, 0).and_then(|bytes| bytes.checked_add(items_allocate)),
    )?;
    // `Map<Range<usize>, _>` knows its exact length (it is `TrustedLen`), so
    // `collect` allocates the `Rc` once, with no `Vec` in between: a tuple of
    // 10**8 items costs 2.4 GB, not twice that.
    let items: Rc<[Value]> = (0..len).map(item).collect();
    Ok(Value::Tuple(Tuple::from(items)))
}
// ANCHOR_END: allocation

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
/// The six rich comparisons, in `dis.cmp_op` order (`Py_LT` is 0, `Py_GE` 5),
/// the order of `COMPARE_OP`'s argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CompareOp {
    /// The operator `COMPARE_OP`'s argument names (`dis.cmp_op[arg]`).
    pub fn from_arg(arg: u32) -> Option<CompareOp> {
        Some(match arg {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    /// `<`, `<=`, …, as error messages spell the operator.
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// The operator with its operands swapped (`_Py_SwappedOp`): `a < b` is
    /// `b > a`.
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    /// Whether the operator holds for operands that order as `ordering`
    /// (`Py_RETURN_RICHCOMPARE`).
    pub fn holds(self, ordering: Ordering) -> bool {
        match self {
            CompareOp::Lt => ordering == Ordering::Less,
            CompareOp::Le => ordering != Ordering::Greater,
            CompareOp::Eq => ordering == Ordering::Equal,
            CompareOp::Ne => ordering != Ordering::Equal,
            CompareOp::Gt => ordering == Ordering::Greater,
            CompareOp::Ge => ordering != Ordering::Less,
        }
    }
}

/// `RecursionError: maximum recursion depth exceeded in comparison`, what
/// `Py_EnterRecursiveCall(" in comparison")` raises in `PyObject_RichCompare`.
fn comparison_too_deep() -> Exception {
    Exception::new(
        ExcType::RecursionError,
        "maximum recursion depth exceeded in comparison",
    )
}

/// `a OP b` as a truth value (`Objects/object.c: PyObject_RichCompare`, then
/// `PyObject_IsTrue`): numbers by value across int, float, complex and bool
/// (`1 == 1.0 == True`), str, bytes and tuples lexicographically, dicts by
/// their items (`==` and `!=` only), an [`Object`](crate::value::Object) by
/// its `rich_compare` slot, and anything else by identity for `==` and `!=`
/// and a `TypeError` (`'<' not supported between instances of 'int' and
/// 'str'`) for an ordering.
///
/// `headroom` is how many comparisons may still nest: the levels the recursion
/// limit leaves (CPython's `tstate->recursion_remaining`, which the
/// interpreter's frames and the builtin that compares have used up; see
/// [`Vm::recursion_headroom`](crate::vm::Vm::recursion_headroom)). Each
/// comparison takes one, as `PyObject_RichCompare` does; one that finds none
/// left raises CPython's `RecursionError`, so two tuples nested a million deep
/// compare in bounded Rust stack. An item identical to its counterpart is
/// equal without a comparison and takes nothing (`PyObject_RichCompareBool`).
pub fn compare(a: &Value, b: &Value, op: CompareOp, headroom: usize) -> PyResult<bool> {
    let inner = headroom.checked_sub(1).ok_or_else(comparison_too_deep)?;
    match (a, b) {
        (Value::Tuple(x), Value::Tuple(y)) => compare_tuples(x, y, op, inner),
        (Value::Dict(x), Value::Dict(y)) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
            let equal = dicts_equal(&x.borrow(), &y.borrow(), inner)?;
            Ok(equal == (op == CompareOp::Eq))
        }
        (Value::Object(object), _) => match object.rich_compare(b, op, inner) {
            Some(result) => result,
            None => compare_swapped_object(a, b, op, inner),
        },
        _ => compare_swapped_object(a, b, op, inner),
    }
}

/// The right operand's `rich_compare` with the operator swapped, when it is an
/// object and the left operand had no answer (`do_richcompare`); then the
/// built-in types' comparison.
fn compare_swapped_object(a: &Value, b: &Value, op: CompareOp, inner: usize) -> PyResult<bool> {
    if let Value::Object(object) = b {
        if let Some(result) = object.rich_compare(a, op.swapped(), inner) {
            return result;
        }
    }
    compare_flat(a, b, op)
}

/// `==` between two items inside a container (`PyObject_RichCompareBool(p, q,
/// Py_EQ)`): identical items are equal without being compared, which is how
/// a tuple holding a NaN equals itself and how `x == x` returns at once for a
/// deeply nested `x`.
pub fn items_equal(p: &Value, q: &Value, headroom: usize) -> PyResult<bool> {
    if same_object(p, q) {
        return Ok(true);
    }
    compare(p, q, CompareOp::Eq, headroom)
}

/// Whether two values are one object as far as comparisons can tell: the same
/// heap object ([`Value::is`], and the same `Rc` for str, bytes and tuples),
/// or values CPython keeps a single copy of: the small ints -5 to 256 and the
/// empty tuple (`Objects/longobject.c: get_small_int`, `tuple_get_empty`).
fn same_object(p: &Value, q: &Value) -> bool {
    match (p, q) {
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y),
        (Value::SurrogateStr(x), Value::SurrogateStr(y)) => Rc::ptr_eq(x, y),
        (Value::Bytes(x), Value::Bytes(y)) => Rc::ptr_eq(x, y),
        (Value::Tuple(x), Value::Tuple(y)) => {
            std::ptr::eq(x.as_ptr(), y.as_ptr()) || (x.is_empty() && y.is_empty())
        }
        (Value::Int(x), Value::Int(y)) => {
            matches!((x.to_i64(), y.to_i64()), (Some(m), Some(n)) if m == n && (-5..=256).contains(&m))
        }
        // A float is held inline and has no identity to compare; the same
        // bits stand for the same object, so a list holding a NaN equals
        // itself and `nan in [nan]` finds it, as with CPython's one object.
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        _ => p.is(q),
    }
}

/// Tuples compare item by item (`Objects/tupleobject.c: tuplerichcompare`):
/// the first pair that is not equal decides `op`; when one tuple runs out
/// first, the lengths decide.
fn compare_tuples(x: &[Value], y: &[Value], op: CompareOp, headroom: usize) -> PyResult<bool> {
    for (p, q) in x.iter().zip(y.iter()) {
        if !items_equal(p, q, headroom)? {
            return match op {
                CompareOp::Eq => Ok(false),
                CompareOp::Ne => Ok(true),
                _ => compare(p, q, op, headroom),
            };
        }
    }
    Ok(op.holds(x.len().cmp(&y.len())))
}

/// `Objects/dictobject.c: dict_equal`: the same length, and each key of `x`
/// in `y` with an equal value.
fn dicts_equal(x: &Dict, y: &Dict, headroom: usize) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (key, value) in x.iter() {
        match y.get(key)? {
            Some(other) if items_equal(value, other, headroom)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// A comparison that cannot nest: numbers, str, bytes, and identity.
fn compare_flat(a: &Value, b: &Value, op: CompareOp) -> PyResult<bool> {
    if let CompareOp::Eq | CompareOp::Ne = op {
        return Ok(flat_equal(a, b) == (op == CompareOp::Eq));
    }
    match scalar_ordering(a, b) {
        Some(Some(ordering)) => Ok(op.holds(ordering)),
        // A NaN: every ordering is false.
        Some(None) => Ok(false),
        None => Err(Exception::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ))),
    }
}

/// How two values of the ordered built-in types compare: `None` when they
/// cannot be ordered (not both numbers, str or bytes; a complex), `Some(None)`
/// when they are unordered (a NaN).
fn scalar_ordering(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(Some(x.cmp(y))),
        (Value::Str(_) | Value::SurrogateStr(_), Value::Str(_) | Value::SurrogateStr(_)) => {
            Some(Some(str_points(a).cmp(str_points(b))))
        }
        (Value::Bytes(x), Value::Bytes(y)) => Some(Some(x.cmp(y))),
        _ => compare_numbers(a, b),
    }
}

/// Orders two real numbers exactly, an int against a float included
/// (`Objects/floatobject.c: float_richcompare`); `None` if one is no real
/// number, `Some(None)` if one is a NaN.
fn compare_numbers(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    Some(match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(x), _) => float::int_float_cmp(&as_int(b)?, *x).map(Ordering::reverse),
        (_, Value::Float(y)) => float::int_float_cmp(&as_int(a)?, *y),
        _ => Some(as_int(a)?.cmp(&as_int(b)?)),
    })
}

/// `a < b` (`min`, `max` and sorting ask for it), with the recursion limit's
/// `headroom` for nested tuples (see [`compare`]).
pub fn less_than(a: &Value, b: &Value, headroom: usize) -> PyResult<bool> {
    compare(a, b, CompareOp::Lt, headroom)
}
// ANCHOR_END: ordering

// ANCHOR: equality
/// `a == b` for dict keys, which must not fail: numbers by value across int,
/// float, complex and bool (`1 == 1.0 == True`), strings, bytes and tuples by
/// content, everything else by identity. A key nests at most
/// [`MAX_KEY_DEPTH`](crate::value::dict::MAX_KEY_DEPTH) tuples deep, so the
/// comparison has room for any two keys; the room it is given runs out only
/// for values no key can be, and they count as unequal. Everything else
/// (stage04's `COMPARE_OP`, `min`) uses the fallible [`compare`].
pub fn equal(a: &Value, b: &Value) -> bool {
    items_equal(a, b, crate::value::dict::MAX_KEY_DEPTH + 2).unwrap_or(false)
}

/// `==` between two values that hold no others.
fn flat_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Str(_) | Value::SurrogateStr(_), Value::Str(_) | Value::SurrogateStr(_)) => {
            str_points(a).eq(str_points(b))
        }
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::Complex { .. }, _) | (_, Value::Complex { .. }) => {
            match (as_complex(a), as_complex(b)) {
                (Ok(Some(x)), Ok(Some(y))) => x == y,
                _ => false,
            }
        }
        _ => match compare_numbers(a, b) {
            Some(ordering) => ordering == Some(Ordering::Equal),
            None => a.is(b),
        },
    }
}
// ANCHOR_END: equality

// ANCHOR: format_value
/// `format(value, spec)` (`PyObject_Format`), what `FORMAT_VALUE` and the
/// `format` builtin call: numbers and strings have the format-spec
/// mini-language; every other stage02 type has `object.__format__`, which takes
/// only the empty spec.
pub fn format_value(value: &Value, spec: &str) -> PyResult<Value> {
    let text = match value {
        // `format(s, '')` is `s` itself, not a copy.
        Value::Str(_) if spec.is_empty() => return Ok(value.clone()),
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
    new_str(&text)
}
// ANCHOR_END: format_value
