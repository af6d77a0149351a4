//! String formatting: `format(value, spec)` and f-string fields through the
//! format-spec mini-language (`Python/formatter_unicode.c`), and printf-style
//! `template % args` (`Objects/unicodeobject.c: PyUnicode_Format`).
//!
//! Value-agnostic: the functions take Rust numbers and strings, and `%` reads its
//! arguments through the small [`PrintfArg`] trait, so every stage's value type can
//! use them. The submodules follow CPython's own split:
//!
//! * [`spec`] parses `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`;
//! * [`double_to_string`](mod@double_to_string) turns a float into digits (`Python/pystrtod.c`);
//! * [`layout`] places sign, prefix, padding and separators around the digits;
//! * [`printf`](mod@printf) is the `%` operator.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::{Signed, ToPrimitive};

use crate::exc::{Exception, PyResult};
use crate::int::{bigint_to_decimal_string, Int};

pub mod double_to_string;
pub mod layout;
pub mod printf;
pub mod spec;

use double_to_string::{try_double_to_string, Flags, FloatStyle};
use layout::{lay_out_number, push_fill, NumberParts, Separator};
use spec::{quote_type_code, Align, Defaults, FormatSpec, Grouping, Sign};

pub use printf::{printf, PrintfArg};

/// The longest text we build for one field, in characters. CPython tries to
/// allocate whatever a width or precision asks for (`format(1, '2000000000')` is a
/// 2 GB string); we refuse with `MemoryError` first, like other huge allocations.
/// This is the first half of the rule for memory a program controls (see
/// `value::ops::MAX_SEQUENCE_LEN`); the second half is that the buffers of a
/// field, up to this size, are still asked for fallibly ([`reserve`]).
pub const MAX_FORMAT_WIDTH: usize = 1 << 28;

/// Room for `bytes` more bytes in `out` (`None`: more than the address
/// space), or `MemoryError` when the allocator refuses. A growing `out` grows
/// by doubling, as `push` would.
pub(crate) fn reserve(out: &mut String, bytes: Option<usize>) -> PyResult<()> {
    match bytes {
        Some(bytes) => out
            .try_reserve(bytes)
            .map_err(|_| Exception::memory_error()),
        None => Err(Exception::memory_error()),
    }
}

/// CPython reads precisions into a C `int`: `"precision too big"` above `INT_MAX`.
const INT_MAX: usize = i32::MAX as usize;

/// Refuse widths and precisions that would build an enormous string.
fn check_size(format: &FormatSpec) -> PyResult<()> {
    let too_big = |n: Option<usize>| n.is_some_and(|n| n > MAX_FORMAT_WIDTH);
    if too_big(format.width) || too_big(format.precision) {
        return Err(Exception::memory_error());
    }
    Ok(())
}

fn unknown_format_code(code: char, type_name: &str) -> Exception {
    Exception::value_error(format!(
        "Unknown format code {} for object of type '{type_name}'",
        quote_type_code(code)
    ))
}

/// The separator a spec asks for: `,`/`_` every three digits, or `_` every four
/// for `b o x X`. `n` uses the locale's, and in the C locale that Python starts
/// in there is none.
fn separator(format: &FormatSpec) -> Separator {
    let four = matches!(format.type_code, Some('b' | 'o' | 'x' | 'X'));
    match format.grouping {
        Grouping::None => None,
        _ if format.type_code == Some('n') => None,
        Grouping::Comma => Some((',', 3)),
        Grouping::Underscore if four => Some(('_', 4)),
        Grouping::Underscore => Some(('_', 3)),
    }
}

// ANCHOR: format_int
/// `format(int, spec)` (`_PyLong_FormatAdvancedWriter`). `format(True, 'd')` is int
/// formatting too; `format(True, '')` is `'True'`, which the caller handles.
pub fn format_int(value: &BigInt, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return bigint_to_decimal_string(value);
    }
    let defaults = Defaults {
        type_code: Some('d'),
        align: Align::Right,
        type_name: "int",
    };
    let format = spec::parse(spec, defaults)?;
    match format.type_code {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_long_internal(value, &format),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let x = int_to_float(value)?;
            format_float_internal(x, &format)
        }
        // The default type is 'd', so there is always a type here.
        other => Err(unknown_format_code(other.unwrap_or('d'), "int")),
    }
}
// ANCHOR_END: format_int

/// `PyLong_AsDouble`: correctly rounded, or `OverflowError` when too large.
pub(crate) fn int_to_float(value: &BigInt) -> PyResult<f64> {
    Int::from_bigint(value.clone()).to_f64()
}

/// The digits of `|value|` in base 2, 8, 10 or 16 (uppercase with `upper`).
/// Decimal has `str()`'s limit of [`crate::int::MAX_STR_DIGITS`] digits
/// (`format(10**5000, 'd')` is a `ValueError`); the other bases have none.
pub(crate) fn magnitude_digits(value: &BigInt, base: u32, upper: bool) -> PyResult<String> {
    let mut digits = if base == 10 {
        bigint_to_decimal_string(&value.abs())?
    } else {
        value.magnitude().to_str_radix(base)
    };
    if upper {
        digits.make_ascii_uppercase();
    }
    Ok(digits)
}

// ANCHOR: format_long_internal
/// `format_long_internal`: an int in base 2, 8, 10 or 16, or as a character.
fn format_long_internal(value: &BigInt, format: &FormatSpec) -> PyResult<String> {
    if format.precision.is_some() {
        return Err(Exception::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if format.no_neg_0 {
        return Err(Exception::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    check_size(format)?;
    if format.type_code == Some('c') {
        return format_int_as_char(value, format);
    }
    let (base, prefix) = match format.type_code {
        Some('b') => (2, "0b"),
        Some('o') => (8, "0o"),
        Some('x') => (16, "0x"),
        Some('X') => (16, "0X"),
        _ => (10, ""),
    };
    let digits = magnitude_digits(value, base, format.type_code == Some('X'))?;
    let parts = NumberParts {
        negative: value.sign() == BigSign::Minus,
        prefix: if format.alternate { prefix } else { "" },
        digits: &digits,
        remainder: "",
    };
    lay_out_number(parts, format, separator(format))
}
// ANCHOR_END: format_long_internal

/// `format(65, 'c')`: the character is laid out like a number with no digits.
fn format_int_as_char(value: &BigInt, format: &FormatSpec) -> PyResult<String> {
    if format.sign != Sign::Default {
        return Err(Exception::value_error(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if format.alternate {
        return Err(Exception::value_error(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    let x = value
        .to_i64()
        .ok_or_else(|| Exception::overflow_error("Python int too large to convert to C long"))?;
    let c = u32::try_from(x)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| Exception::overflow_error("%c arg not in range(0x110000)"))?;
    // Lone surrogates (0xD800..0xDFFF) are valid in Python strings but not in Rust's.
    let text = c.to_string();
    let parts = NumberParts {
        negative: false,
        prefix: "",
        digits: "",
        remainder: &text,
    };
    lay_out_number(parts, format, None)
}

// ANCHOR: format_float
/// `format(float, spec)` (`_PyFloat_FormatAdvancedWriter`): `''` is `repr(x)`.
pub fn format_float(value: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(crate::pyrepr::repr_float(value));
    }
    let defaults = Defaults {
        type_code: None,
        align: Align::Right,
        type_name: "float",
    };
    let format = spec::parse(spec, defaults)?;
    match format.type_code {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_internal(value, &format)
        }
        Some(other) => Err(unknown_format_code(other, "float")),
    }
}
// ANCHOR_END: format_float

/// How a float type code maps onto `PyOS_double_to_string`: the style, the
/// default precision, and whether an integral result keeps a `.0`.
struct FloatPlan {
    style: FloatStyle,
    precision: usize,
    flags: Flags,
    percent: bool,
}

/// The choices `format_float_internal` and `format_complex_internal` make before
/// calling `PyOS_double_to_string`.
fn plan_float(format: &FormatSpec, add_dot_0_when_untyped: bool) -> PyResult<FloatPlan> {
    if format.precision.is_some_and(|p| p > INT_MAX) {
        return Err(Exception::value_error("precision too big"));
    }
    check_size(format)?;
    let code = format.type_code;
    let mut flags = Flags {
        alternate: format.alternate,
        add_dot_0: false,
        no_neg_0: format.no_neg_0,
        upper: matches!(code, Some('E' | 'F' | 'G')),
        sign: false,
    };
    let (style, default_precision) = match code {
        // No type: repr, or 'g' that keeps at least one digit after the point.
        None => {
            flags.add_dot_0 = add_dot_0_when_untyped;
            if format.precision.is_some() {
                (FloatStyle::General, 0)
            } else {
                (FloatStyle::Repr, 0)
            }
        }
        Some('e' | 'E') => (FloatStyle::Exponent, 6),
        Some('f' | 'F' | '%') => (FloatStyle::Fixed, 6),
        _ => (FloatStyle::General, 6),
    };
    Ok(FloatPlan {
        style,
        precision: format.precision.unwrap_or(default_precision),
        flags,
        percent: code == Some('%'),
    })
}

// ANCHOR: format_float_internal
/// `format_float_internal`: digits from `PyOS_double_to_string`, then the layout.
fn format_float_internal(value: f64, format: &FormatSpec) -> PyResult<String> {
    let plan = plan_float(format, true)?;
    let x = if plan.percent { value * 100.0 } else { value };
    let mut text = try_double_to_string(x, plan.style, plan.precision, plan.flags)?;
    if plan.percent {
        text.push('%');
    }
    lay_out_float_text(&text, format, separator(format))
}
// ANCHOR_END: format_float_internal

/// Split `-123.45e+06` into sign, integer digits and the rest (`parse_number`),
/// then lay it out.
fn lay_out_float_text(text: &str, format: &FormatSpec, separator: Separator) -> PyResult<String> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let n_digits = unsigned
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(unsigned.len());
    let (digits, remainder) = unsigned.split_at(n_digits);
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        remainder,
    };
    lay_out_number(parts, format, separator)
}

// ANCHOR: format_complex
/// `format(complex, spec)` (`format_complex_internal`): both parts formatted
/// alike, the imaginary one always signed; with no type, `str(z)`'s shape.
pub fn format_complex(re: f64, im: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(crate::pyrepr::repr_complex(re, im));
    }
    let defaults = Defaults {
        type_code: None,
        align: Align::Right,
        type_name: "complex",
    };
    let format = spec::parse(spec, defaults)?;
    match format.type_code {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(other) => return Err(unknown_format_code(other, "complex")),
    }
    if format.precision.is_some_and(|p| p > INT_MAX) {
        return Err(Exception::value_error("precision too big"));
    }
    if format.fill == '0' {
        return Err(Exception::value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if format.align == Align::AfterSign {
        return Err(Exception::value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let plan = plan_float(&format, false)?;
    let untyped = format.type_code.is_none();
    // With no type, a real part of +0.0 is left out: `1j`, not `(0+1j)`.
    let skip_re = untyped && re == 0.0 && re.is_sign_positive();
    let add_parens = untyped && !skip_re;

    // Each part is laid out without padding; the whole is padded at the end.
    let mut part_format = format.clone();
    part_format.width = None;
    part_format.align = Align::Left;
    let separator = separator(&format);
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        let re_text = try_double_to_string(re, plan.style, plan.precision, plan.flags)?;
        body.push_str(&lay_out_float_text(&re_text, &part_format, separator)?);
        part_format.sign = Sign::Plus;
    }
    let im_text = try_double_to_string(im, plan.style, plan.precision, plan.flags)?;
    body.push_str(&lay_out_float_text(&im_text, &part_format, separator)?);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    pad(&body, &format)
}
// ANCHOR_END: format_complex

/// `calc_padding` + `fill_padding`: pad a finished text to the width (which
/// the caller checked against [`MAX_FORMAT_WIDTH`]), in memory asked for
/// fallibly.
fn pad(text: &str, format: &FormatSpec) -> PyResult<String> {
    let len = text.chars().count();
    let padding = format.width.unwrap_or(0).saturating_sub(len);
    let left = match format.align {
        Align::Right => padding,
        Align::Center => padding / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let mut out = String::new();
    let fill_bytes = padding.checked_mul(format.fill.len_utf8());
    reserve(&mut out, fill_bytes.and_then(|n| n.checked_add(text.len())))?;
    push_fill(&mut out, format.fill, left);
    out.push_str(text);
    push_fill(&mut out, format.fill, padding - left);
    Ok(out)
}

// ANCHOR: format_str
/// `format(str, spec)` (`format_string_internal`): pad, and truncate to the
/// precision, counting characters (code points), not bytes.
pub fn format_str(value: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let defaults = Defaults {
        type_code: Some('s'),
        align: Align::Left,
        type_name: "str",
    };
    let format = spec::parse(spec, defaults)?;
    // The default type is 's', so there is always a type here.
    let code = format.type_code.unwrap_or('s');
    if code != 's' {
        return Err(unknown_format_code(code, "str"));
    }
    match format.sign {
        Sign::Default => {}
        Sign::Space => {
            return Err(Exception::value_error(
                "Space not allowed in string format specifier",
            ))
        }
        Sign::Plus | Sign::Minus => {
            return Err(Exception::value_error(
                "Sign not allowed in string format specifier",
            ))
        }
    }
    if format.no_neg_0 {
        return Err(Exception::value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if format.alternate {
        return Err(Exception::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if format.align == Align::AfterSign {
        return Err(Exception::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    if format.width.is_some_and(|w| w > MAX_FORMAT_WIDTH) {
        return Err(Exception::memory_error());
    }
    let truncated: &str = match format.precision {
        Some(p) => match value.char_indices().nth(p) {
            Some((end, _)) => value.get(..end).unwrap_or(value),
            None => value,
        },
        None => value,
    };
    pad(truncated, &format)
}
// ANCHOR_END: format_str
