//! The toy's values: what lives in the constants table, on the value stack and in
//! the names.
//!
//! Three kinds are enough to show the machine at work: 64-bit ints, strings, and
//! `None` (the value every real module's code returns). The arithmetic below follows
//! what CPython does for the same operands, down to the wording of its `TypeError`s,
//! so a toy program prints exactly what its Python twin prints. The one deliberate
//! difference: Python's ints never overflow, the toy's stop at 64 bits with an error.

use std::fmt;
use std::rc::Rc;

// ANCHOR: value
/// A toy value. Cloning is cheap: a string is shared through an `Rc`, as CPython
/// shares objects through reference counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Int(i64),
    Str(Rc<str>),
    None,
}
// ANCHOR_END: value

/// Longest string the toy builds, in bytes. CPython would try to allocate and raise
/// `MemoryError` when the machine says no; the toy says no earlier, and never aborts.
pub const MAX_STR_BYTES: usize = 1 << 28;

impl Value {
    /// The name `type(value).__name__` gives, as CPython's error messages print it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Int(_) => "int",
            Value::Str(_) => "str",
            Value::None => "NoneType",
        }
    }

    /// `repr(value)`, used by `--trace` to show the stack (`'hi'`, not `hi`).
    pub fn repr(&self) -> String {
        match self {
            Value::Str(text) => str_repr(text),
            other => other.to_string(),
        }
    }
}

/// `str(value)`: what `print` writes.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Int(n) => write!(f, "{n}"),
            Value::Str(text) => f.write_str(text),
            Value::None => f.write_str("None"),
        }
    }
}

/// `repr` of a string, after `Objects/unicodeobject.c: unicode_repr`: single quotes
/// unless the text holds a `'` and no `"`, backslash escapes for the quote, the
/// backslash and control characters. (CPython also escapes the other non-printable
/// code points of the Unicode database; the toy knows only the control characters.)
pub fn str_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut repr = String::with_capacity(text.len() + 2);
    repr.push(quote);
    for c in text.chars() {
        match c {
            '\\' => repr.push_str("\\\\"),
            '\n' => repr.push_str("\\n"),
            '\r' => repr.push_str("\\r"),
            '\t' => repr.push_str("\\t"),
            c if c == quote => {
                repr.push('\\');
                repr.push(c);
            }
            c if c.is_control() => repr.push_str(&format!("\\x{:02x}", u32::from(c))),
            c => repr.push(c),
        }
    }
    repr.push(quote);
    repr
}

/// An error raised by an operation, worded like the last line of CPython's
/// traceback (`ZeroDivisionError: integer division or modulo by zero`).
pub type OpResult = Result<Value, String>;

fn unsupported(symbol: &str, left: &Value, right: &Value) -> String {
    format!(
        "TypeError: unsupported operand type(s) for {symbol}: '{}' and '{}'",
        left.type_name(),
        right.type_name()
    )
}

fn int_overflow() -> String {
    "OverflowError: the result does not fit in 64 bits (the toy's ints are i64; \
     Python's are unbounded)"
        .to_string()
}

// ANCHOR: binary_add
/// `left + right`: ints add, strings concatenate (`Objects/abstract.c: PyNumber_Add`
/// tries the number slots, then the left operand's sequence concatenation).
pub fn binary_add(left: &Value, right: &Value) -> OpResult {
    // EXERCISE 1.4 binary_add: ints add (overflow is an error), strs concatenate, else a TypeError
    match (left, right) {
        (Value::Int(a), Value::Int(b)) => {
            a.checked_add(*b).map(Value::Int).ok_or_else(int_overflow)
        }
        (Value::Str(a), Value::Str(b)) => concatenate(a, b),
        (Value::Str(_), other) => Err(format!(
            "TypeError: can only concatenate str (not \"{}\") to str",
            other.type_name()
        )),
        _ => Err(unsupported("+", left, right)),
    }
    // END EXERCISE
}
// ANCHOR_END: binary_add

fn concatenate(a: &str, b: &str) -> OpResult {
    if a.len().saturating_add(b.len()) > MAX_STR_BYTES {
        return Err("MemoryError".to_string());
    }
    Ok(Value::Str(Rc::from(format!("{a}{b}"))))
}

/// `left - right`: ints only.
pub fn binary_subtract(left: &Value, right: &Value) -> OpResult {
    match (left, right) {
        (Value::Int(a), Value::Int(b)) => {
            a.checked_sub(*b).map(Value::Int).ok_or_else(int_overflow)
        }
        _ => Err(unsupported("-", left, right)),
    }
}

/// `left * right`: ints multiply; a string times an int (either order) repeats the
/// string (`PyNumber_Multiply` falls back to `sq_repeat` of whichever operand is a
/// sequence).
pub fn binary_multiply(left: &Value, right: &Value) -> OpResult {
    match (left, right) {
        (Value::Int(a), Value::Int(b)) => {
            a.checked_mul(*b).map(Value::Int).ok_or_else(int_overflow)
        }
        (Value::Str(text), count) | (count, Value::Str(text)) => repeat(text, count),
        _ => Err(unsupported("*", left, right)),
    }
}

/// `text * count` (`Objects/unicodeobject.c: unicode_repeat`): a count below one
/// gives the empty string; a result longer than a `Py_ssize_t` can count is an
/// `OverflowError`.
fn repeat(text: &str, count: &Value) -> OpResult {
    let Value::Int(count) = count else {
        return Err(format!(
            "TypeError: can't multiply sequence by non-int of type '{}'",
            count.type_name()
        ));
    };
    let count = usize::try_from(*count).unwrap_or(0);
    let chars = text.chars().count();
    let too_long = || "OverflowError: repeated string is too long".to_string();
    let total_chars = chars.checked_mul(count).ok_or_else(too_long)?;
    if isize::try_from(total_chars).is_err() {
        return Err(too_long());
    }
    if text.len().saturating_mul(count) > MAX_STR_BYTES {
        return Err("MemoryError".to_string());
    }
    Ok(Value::Str(Rc::from(text.repeat(count))))
}

// ANCHOR: floor_divide
/// `left // right` on ints: the quotient rounded toward minus infinity, as Python
/// does (`Objects/longobject.c: l_divmod`), where Rust's `/` rounds toward zero.
/// `-7 // 2` is `-4` in Python and `-7 / 2` is `-3` in Rust.
pub fn binary_floor_divide(left: &Value, right: &Value) -> OpResult {
    let (Value::Int(a), Value::Int(b)) = (left, right) else {
        return Err(unsupported("//", left, right));
    };
    if *b == 0 {
        return Err("ZeroDivisionError: integer division or modulo by zero".to_string());
    }
    // `checked_div` fails only for i64::MIN // -1, whose result is 2**63.
    let quotient = a.checked_div(*b).ok_or_else(int_overflow)?;
    let inexact = a.checked_rem(*b).unwrap_or(0) != 0;
    if inexact && ((*a < 0) != (*b < 0)) {
        // Truncation rounded up; step down to the floor. Cannot overflow: the
        // quotient of a non-exact division is strictly inside the i64 range.
        Ok(Value::Int(
            quotient.checked_sub(1).ok_or_else(int_overflow)?,
        ))
    } else {
        Ok(Value::Int(quotient))
    }
}
// ANCHOR_END: floor_divide
