//! `repr()` of the values a code object can hold: strings, bytes, numbers, tuples,
//! frozensets and code objects, written exactly as CPython 3.11 writes them.
//!
//! Value-agnostic: the disassembler uses these to print `co_consts`, and the
//! interpreter's `repr()` and `str()` use the same functions for its own values, so
//! `print(0.1)`, `dis` and an error message all agree on one spelling.
//!
//! The rules come from `Objects/unicodeobject.c: unicode_repr`,
//! `Objects/bytesobject.c: PyBytes_Repr`, `Objects/floatobject.c: float_repr`,
//! `Objects/complexobject.c: complex_repr`; the float digits come from
//! [`crate::format::double_to_string`] (`Python/pystrtod.c: PyOS_double_to_string`).

use std::fmt::Write as _;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::code::{Code, Constant};
use crate::exc::PyResult;
use crate::format::double_to_string::{double_to_string, Flags, FloatStyle};
use crate::int;

mod printable;
pub mod set_order;

pub use printable::is_printable;

// ANCHOR: repr_str
/// `repr(s)` for a `str`: `'text'` with escapes (`unicode_repr`).
pub fn repr_str(s: &str) -> String {
    repr_code_points(s.chars().map(u32::from))
}

/// `repr(s)` for a `str` that holds lone surrogates (`"\udc80"`), which a Rust
/// `str` cannot: the same rules applied to raw code points. Surrogates are not
/// printable, so they come out as `\udc80`.
pub fn repr_surrogate_str(code_points: &[u32]) -> String {
    repr_code_points(code_points.iter().copied())
}

/// The quote `repr` picks: `'` unless the text has a `'` and no `"`.
fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// The body of `unicode_repr`: one pass to pick the quote, one to escape.
fn repr_code_points(code_points: impl Iterator<Item = u32> + Clone) -> String {
    let has_single = code_points.clone().any(|c| c == u32::from('\''));
    let has_double = code_points.clone().any(|c| c == u32::from('"'));
    let quote = choose_quote(has_single, has_double);
    let mut out = String::new();
    out.push(quote);
    for code_point in code_points {
        push_escaped_code_point(&mut out, code_point, quote);
    }
    out.push(quote);
    out
}

/// One character of a `str` repr: itself if printable, else the shortest escape.
fn push_escaped_code_point(out: &mut String, code_point: u32, quote: char) {
    match char::from_u32(code_point) {
        Some(c) if c == quote || c == '\\' => {
            out.push('\\');
            out.push(c);
        }
        Some('\t') => out.push_str("\\t"),
        Some('\n') => out.push_str("\\n"),
        Some('\r') => out.push_str("\\r"),
        // Printable ASCII, then every other printable code point, as is.
        Some(c) if (' '..'\x7f').contains(&c) => out.push(c),
        Some(c) if code_point > 0x7f && is_printable(code_point) => out.push(c),
        // Non-printable (and surrogates, which `char` refuses): the shortest escape.
        _ if code_point <= 0xff => {
            let _ = write!(out, "\\x{code_point:02x}");
        }
        _ if code_point <= 0xffff => {
            let _ = write!(out, "\\u{code_point:04x}");
        }
        _ => {
            let _ = write!(out, "\\U{code_point:08x}");
        }
    }
}
// ANCHOR_END: repr_str

// ANCHOR: repr_bytes
/// `repr(b)` for `bytes`: `b'...'`, printable ASCII as is, everything else `\xNN`
/// (`PyBytes_Repr`).
pub fn repr_bytes(bytes: &[u8]) -> String {
    let quote = choose_quote(bytes.contains(&b'\''), bytes.contains(&b'"'));
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote);
    for &byte in bytes {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if char::from(byte) == quote => {
                out.push('\\');
                out.push(quote);
            }
            b' '..=b'~' => out.push(char::from(byte)),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote);
    out
}
// ANCHOR_END: repr_bytes

// ANCHOR: repr_float
/// `repr(x)` for a `float` (`float_repr`: `PyOS_double_to_string(x, 'r', 0,
/// Py_DTSF_ADD_DOT_0)`): the shortest digits that round-trip, in fixed notation
/// when `1e-4 <= |x| < 1e16`, else as `d.ddde±XX`; `.0` added to integral fixed
/// values so the result still reads as a float. The digits and the layout are
/// [`double_to_string`]'s, the same code `format()` and `%` use.
pub fn repr_float(x: f64) -> String {
    let flags = Flags {
        add_dot_0: true,
        ..Flags::default()
    };
    double_to_string(x, FloatStyle::Repr, 0, flags)
}
// ANCHOR_END: repr_float

// ANCHOR: repr_complex
/// `repr(z)` for a `complex` (`complex_repr`): `2j` when the real part is `+0.0`,
/// else `(re±imj)` with parentheses. Neither part gets a `.0`; the imaginary part
/// after a real part always has a sign (`Py_DTSF_SIGN`).
pub fn repr_complex(real: f64, imag: f64) -> String {
    let part = |x: f64, flags: Flags| double_to_string(x, FloatStyle::Repr, 0, flags);
    let plain = Flags::default();
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", part(imag, plain))
    } else {
        let signed = Flags {
            sign: true,
            ..Flags::default()
        };
        format!("({}{}j)", part(real, plain), part(imag, signed))
    }
}
// ANCHOR_END: repr_complex

// ANCHOR: repr_int
/// CPython refuses to turn an `int` of more than this many decimal digits into a
/// string; the limit and its check live in [`crate::int`].
pub use crate::int::MAX_STR_DIGITS;

/// `repr(n)` / `str(n)` for an `int`, or CPython's `ValueError` when it has more
/// than [`MAX_STR_DIGITS`] digits (`Objects/longobject.c: long_to_decimal_string`;
/// the sign does not count). A hopelessly long int is refused before the
/// quadratic conversion starts, by [`int::bigint_to_decimal_string`].
pub fn repr_int(n: &BigInt) -> PyResult<String> {
    int::bigint_to_decimal_string(n)
}
// ANCHOR_END: repr_int

// ANCHOR: repr_constant
/// `repr(c)` for anything marshal can load, nested tuples and frozensets included.
///
/// An `int` too long for `repr` (see [`repr_int`]) makes CPython's `dis` stop with a
/// `ValueError`; here it prints as `<int too large to repr: ValueError: …>` so a
/// listing is still produced. Such an int can only come from a hexadecimal literal
/// or a hand-made `.pyc`.
pub fn repr_constant(constant: &Constant) -> String {
    let mut out = String::new();
    write_constant(&mut out, constant);
    out
}

/// `<code object NAME at 0xADDR, file "FILE", line N>` (`code_repr`). The address
/// is where our `Code` lives, as CPython prints its object's address; listings
/// compared with CPython's mask it.
pub fn repr_code(code: &Rc<Code>) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name,
        Rc::as_ptr(code) as usize,
        code.filename,
        code.firstlineno
    )
}

fn write_constant(out: &mut String, constant: &Constant) {
    match constant {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::StopIteration => out.push_str("<class 'StopIteration'>"),
        Constant::Int(n) => match repr_int(n) {
            Ok(text) => out.push_str(&text),
            Err(error) => {
                let _ = write!(out, "<int too large to repr: {error}>");
            }
        },
        Constant::Float(x) => out.push_str(&repr_float(*x)),
        Constant::Complex { real, imag } => out.push_str(&repr_complex(*real, *imag)),
        Constant::Str(s) => out.push_str(&repr_str(s)),
        Constant::SurrogateStr(code_points) => out.push_str(&repr_surrogate_str(code_points)),
        Constant::Bytes(b) => out.push_str(&repr_bytes(b)),
        Constant::Tuple(items) => write_tuple(out, items),
        Constant::FrozenSet(items) if items.is_empty() => out.push_str("frozenset()"),
        Constant::FrozenSet(items) => {
            out.push_str("frozenset(");
            write_sequence(out, '{', &in_set_order(items), '}');
            out.push(')');
        }
        Constant::List(items) => write_sequence(out, '[', items, ']'),
        Constant::Set(items) if items.is_empty() => out.push_str("set()"),
        Constant::Set(items) => write_sequence(out, '{', &in_set_order(items), '}'),
        Constant::Dict(pairs) => write_dict(out, pairs),
        Constant::Code(code) => out.push_str(&repr_code(code)),
    }
}

/// A set's items in the order CPython iterates them (see [`set_order`]), or in
/// the order marshal stored them when that order cannot be known.
fn in_set_order(items: &[Constant]) -> Vec<Constant> {
    match set_order::iteration_order(items) {
        Some(order) => order
            .iter()
            .filter_map(|&i| items.get(i).cloned())
            .collect(),
        None => items.to_vec(),
    }
}

/// `(a, b)`, `(a,)` (the comma makes it a tuple) and `()`.
fn write_tuple(out: &mut String, items: &[Constant]) {
    if let [only] = items {
        out.push('(');
        write_constant(out, only);
        out.push_str(",)");
    } else {
        write_sequence(out, '(', items, ')');
    }
}

fn write_sequence(out: &mut String, open: char, items: &[Constant], close: char) {
    out.push(open);
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        write_constant(out, item);
    }
    out.push(close);
}

fn write_dict(out: &mut String, pairs: &[(Constant, Constant)]) {
    out.push('{');
    for (index, (key, value)) in pairs.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        write_constant(out, key);
        out.push_str(": ");
        write_constant(out, value);
    }
    out.push('}');
}
// ANCHOR_END: repr_constant
