//! `repr()` of the values a code object can hold: strings, bytes, numbers, tuples,
//! frozensets and code objects, written exactly as CPython 3.11 writes them.
//!
//! Value-agnostic: the disassembler uses these to print `co_consts`, and the
//! interpreter's `repr()` and `str()` use the same functions for its own values, so
//! `print(0.1)`, `dis` and an error message all agree on one spelling.
//!
//! The rules come from `Objects/unicodeobject.c: unicode_repr`,
//! `Objects/bytesobject.c: PyBytes_Repr`, `Objects/floatobject.c: float_repr`,
//! `Objects/complexobject.c: complex_repr` and `Python/pystrtod.c:
//! format_float_short`.

use std::fmt::Write as _;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::code::{Code, Constant};
use crate::exc::{Exception, PyResult};

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

// ANCHOR: float_digits
/// The shortest decimal digits that read back as `x`, and where the decimal point
/// goes: `x == 0.digits × 10^decimal_point`. This is what David Gay's `dtoa` mode 0
/// gives CPython (`Python/dtoa.c: _Py_dg_dtoa`).
///
/// Two steps, both done by Rust's float formatting. `{:e}` finds how *many* digits
/// the shortest round-trip string needs. Then `{:.N$e}` prints exactly that many,
/// correctly rounded with ties to even: when two strings of that length both read
/// back as `x` and `x` lies exactly halfway between them (`1658206780088562.25`),
/// Gay's algorithm picks the even last digit (`…562.2`) while the shortest mode
/// alone may pick the other one.
///
/// `x` must be finite and positive (or zero).
fn shortest_digits(x: f64) -> (String, i32) {
    let shortest = format!("{x:e}");
    let (mantissa, _) = shortest.split_once('e').unwrap_or((&shortest, "0"));
    let digit_count = mantissa.chars().filter(char::is_ascii_digit).count();
    let nearest = format!("{x:.prec$e}", prec = digit_count.saturating_sub(1));
    let (mantissa, exponent) = nearest.split_once('e').unwrap_or((&nearest, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    // `d.ddd × 10^e` is `0.dddd × 10^(e+1)`.
    (digits, exponent.saturating_add(1))
}
// ANCHOR_END: float_digits

// ANCHOR: repr_float
/// `repr(x)` for a `float` (`float_repr`: `PyOS_double_to_string(x, 'r', 0,
/// Py_DTSF_ADD_DOT_0)`): the shortest digits that round-trip, in fixed notation
/// when `1e-4 <= |x| < 1e16`, else as `d.ddde±XX`; `.0` added to integral fixed
/// values so the result still reads as a float.
pub fn repr_float(x: f64) -> String {
    format_float_short(x, FloatStyle::Repr)
}

/// The three ways CPython calls `format_float_short` in mode `'r'` for reprs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FloatStyle {
    /// `float_repr`: `Py_DTSF_ADD_DOT_0`.
    Repr,
    /// The real part of a complex: no `.0`.
    Plain,
    /// The imaginary part after a real part: no `.0`, always a sign (`Py_DTSF_SIGN`).
    Signed,
}

/// `Python/pystrtod.c: format_float_short` for mode `'r'`.
fn format_float_short(x: f64, style: FloatStyle) -> String {
    let mut out = String::new();
    // A NaN's sign is never shown, not even a `-nan`.
    if x.is_sign_negative() && !x.is_nan() {
        out.push('-');
    } else if style == FloatStyle::Signed {
        out.push('+');
    }
    if x.is_nan() {
        out.push_str("nan");
        return out;
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let (digits, decimal_point) = shortest_digits(x.abs());
    // Exponent notation when the point would sit 4 or more places left of the
    // first digit, or more than 16 places right of it.
    if decimal_point <= -4 || decimal_point > 16 {
        lay_out_exponent(&mut out, &digits, decimal_point);
    } else {
        lay_out_fixed(&mut out, &digits, decimal_point, style == FloatStyle::Repr);
    }
    out
}

/// `0.00ddd`, `ddd.ddd` or `ddd000.0`: the digits with the point placed.
fn lay_out_fixed(out: &mut String, digits: &str, decimal_point: i32, add_dot_0: bool) {
    let point = usize::try_from(decimal_point).unwrap_or(0);
    if decimal_point <= 0 {
        out.push_str("0.");
        let zeros = usize::try_from(decimal_point.unsigned_abs()).unwrap_or(0);
        out.extend(std::iter::repeat_n('0', zeros));
        out.push_str(digits);
    } else if point >= digits.len() {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', point - digits.len()));
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        let (whole, fraction) = digits.split_at(point);
        out.push_str(whole);
        out.push('.');
        out.push_str(fraction);
    }
}

/// `d.ddde+XX`: one digit before the point, an exponent of at least two digits.
fn lay_out_exponent(out: &mut String, digits: &str, decimal_point: i32) {
    let mut chars = digits.chars();
    if let Some(first) = chars.next() {
        out.push(first);
    }
    let rest = chars.as_str();
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    let exponent = i64::from(decimal_point) - 1;
    let sign = if exponent < 0 { '-' } else { '+' };
    let _ = write!(out, "e{sign}{:02}", exponent.unsigned_abs());
}
// ANCHOR_END: repr_float

// ANCHOR: repr_complex
/// `repr(z)` for a `complex` (`complex_repr`): `2j` when the real part is `+0.0`,
/// else `(re±imj)` with parentheses. Neither part gets a `.0`.
pub fn repr_complex(real: f64, imag: f64) -> String {
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", format_float_short(imag, FloatStyle::Plain))
    } else {
        format!(
            "({}{}j)",
            format_float_short(real, FloatStyle::Plain),
            format_float_short(imag, FloatStyle::Signed)
        )
    }
}
// ANCHOR_END: repr_complex

// ANCHOR: repr_int
/// CPython refuses to turn an `int` of more than this many decimal digits into a
/// string (`sys.int_info.default_max_str_digits`, CVE-2020-10735): the conversion
/// is quadratic and could be used to stall a server.
pub const MAX_STR_DIGITS: usize = 4300;

/// `repr(n)` / `str(n)` for an `int`, or CPython's `ValueError` when it has more
/// than [`MAX_STR_DIGITS`] digits (`Objects/longobject.c: long_to_decimal_string`;
/// the sign does not count).
pub fn repr_int(n: &BigInt) -> PyResult<String> {
    let text = n.to_string();
    let digits = text.trim_start_matches('-').len();
    if digits > MAX_STR_DIGITS {
        return Err(Exception::value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(text)
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
