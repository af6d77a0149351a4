//! An int as text and back: `str(n)`, `hex(n)`, `int("...", base)`
//! (`Objects/longobject.c: long_to_decimal_string`, `long_format_binary`,
//! `PyLong_FromString`).

use num_bigint::{BigInt, BigUint};
use num_traits::Num;

use super::{Int, MAX_INT_BITS};
use crate::exc::{Exception, PyResult};
use crate::pyrepr::repr_str_prefix;

// ANCHOR: max_str_digits
/// CPython 3.11's limit on decimal conversions, both ways
/// (`sys.int_info.default_max_str_digits`, CVE-2020-10735): converting between
/// decimal text and binary is quadratic, so a huge number could stall a server.
/// Bases that are powers of two convert in linear time and have no limit.
pub const MAX_STR_DIGITS: usize = 4300;

const LIMIT_TO_STR: &str = "Exceeds the limit (4300 digits) for integer string conversion; \
                            use sys.set_int_max_str_digits() to increase the limit";
// ANCHOR_END: max_str_digits

impl Int {
    // ANCHOR: to_decimal_string
    /// `str(n)` and `repr(n)`, or ValueError beyond [`MAX_STR_DIGITS`] digits (the
    /// sign does not count).
    pub fn to_decimal_string(&self) -> PyResult<String> {
        match self {
            Int::Small(v) => Ok(v.to_string()),
            Int::Big(b) => bigint_to_decimal_string(b),
        }
    }
    // ANCHOR_END: to_decimal_string

    /// `hex(n)`, `oct(n)`, `bin(n)` with `prefix` (`-0x1f`, `0o17`, `0b101`), or the
    /// bare digits (lowercase) in any radix 2..=36 without. A radix outside
    /// 2..=36 is treated as 10.
    pub fn to_radix_string(&self, radix: u32, prefix: bool) -> String {
        let radix = if (2..=36).contains(&radix) { radix } else { 10 };
        let digits = match self {
            Int::Small(v) => BigUint::from(v.unsigned_abs()).to_str_radix(radix),
            Int::Big(b) => b.magnitude().to_str_radix(radix),
        };
        let sign = if self.is_negative() { "-" } else { "" };
        let prefix = match (prefix, radix) {
            (true, 16) => "0x",
            (true, 8) => "0o",
            (true, 2) => "0b",
            _ => "",
        };
        format!("{sign}{prefix}{digits}")
    }

    // ANCHOR: int_parse
    /// `int(text, base)` (`PyLong_FromUnicodeObject` → `PyLong_FromString`):
    /// surrounding whitespace, a sign, with base 0 a `0x`/`0o`/`0b` prefix (else
    /// decimal, where a leading 0 must be all zeros), single underscores between
    /// digits, and the [`MAX_STR_DIGITS`] limit for bases that are not powers of two.
    pub fn parse(text: &str, base: u32) -> PyResult<Int> {
        if base != 0 && !(2..=36).contains(&base) {
            return Err(Exception::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        let ascii = transform_decimal_and_space(text)?;
        parse_ascii(ascii.as_bytes(), base).map_err(|error| match error {
            ParseError::Invalid => Exception::value_error(format!(
                "invalid literal for int() with base {base}: {}",
                repr_str_prefix(text, 200)
            )),
            ParseError::Limit(exception) => exception,
        })
    }
    // ANCHOR_END: int_parse
}

// ANCHOR: long_to_decimal_string
/// `long_to_decimal_string` for any `BigInt`: the digits, or ValueError beyond
/// [`MAX_STR_DIGITS`] digits. A number of n bits has more than
/// (n - 1) * log10(2) digits, so the hopeless cases are refused before the
/// quadratic conversion starts (0.30102 < log10(2)); the rest are counted.
pub fn bigint_to_decimal_string(big: &BigInt) -> PyResult<String> {
    let at_least = big.bits().saturating_sub(1).saturating_mul(30_102) / 100_000;
    if at_least > MAX_STR_DIGITS as u64 {
        return Err(Exception::value_error(LIMIT_TO_STR));
    }
    let text = big.to_string();
    if text.trim_start_matches('-').len() > MAX_STR_DIGITS {
        return Err(Exception::value_error(LIMIT_TO_STR));
    }
    Ok(text)
}
// ANCHOR_END: long_to_decimal_string

/// Why `parse_ascii` failed: the generic "invalid literal" (which needs the
/// original text), or a specific exception.
enum ParseError {
    Invalid,
    Limit(Exception),
}

/// The byte at `i`, or NUL past the end: the scanner reads like C's.
fn at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

/// `_PyLong_DigitValue`: 0-9, then a/A = 10 … z/Z = 35; 99 for anything else.
fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 99,
    }
}

/// `Py_ISSPACE`: the ASCII whitespace of C's `isspace`.
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

// ANCHOR: parse_ascii
/// The scanner of `PyLong_FromString`, on the ASCII text.
fn parse_ascii(s: &[u8], base: u32) -> Result<Int, ParseError> {
    let mut i = 0;
    while is_ascii_space(at(s, i)) {
        i += 1;
    }
    let negative = at(s, i) == b'-';
    if matches!(at(s, i), b'+' | b'-') {
        i += 1;
    }
    let mut base = base;
    // Base 0 reads the base from the prefix; without one, only zeros may start
    // with 0 (`010` was an octal literal in Python 2, so it is refused).
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(s, i), at(s, i + 1)) {
            (b'0', b'x' | b'X') => 16,
            (b'0', b'o' | b'O') => 8,
            (b'0', b'b' | b'B') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    let has_prefix = matches!(
        (base, at(s, i), at(s, i + 1)),
        (16, b'0', b'x' | b'X') | (8, b'0', b'o' | b'O') | (2, b'0', b'b' | b'B')
    );
    if has_prefix {
        i += 2;
        if at(s, i) == b'_' {
            i += 1; // one underscore may follow the prefix: 0x_1f
        }
    }
    if at(s, i) == b'_' {
        return Err(ParseError::Invalid);
    }
    let start = i;
    let (i, digits) = scan_digits(s, start, base)?;
    let body = s.get(start..i).unwrap_or_default();
    let value = digits_to_int(body, digits, base, negative)?;
    if error_if_nonzero && !value.is_zero() {
        return Err(ParseError::Invalid);
    }
    let mut i = i;
    while is_ascii_space(at(s, i)) {
        i += 1;
    }
    if i != s.len() {
        return Err(ParseError::Invalid);
    }
    Ok(value)
}
// ANCHOR_END: parse_ascii

// ANCHOR: scan_digits
/// The run of digits from `i`, with single underscores between them: where it
/// ends and how many digits it holds (`PyLong_FromString`'s scan loop).
fn scan_digits(s: &[u8], mut i: usize, base: u32) -> Result<(usize, usize), ParseError> {
    let mut digits = 0usize;
    let mut previous = 0u8;
    while digit_value(at(s, i)) < base || at(s, i) == b'_' {
        if at(s, i) == b'_' && previous == b'_' {
            return Err(ParseError::Invalid); // only one underscore in a row
        }
        if at(s, i) != b'_' {
            digits += 1;
        }
        previous = at(s, i);
        i += 1;
    }
    if previous == b'_' || digits == 0 {
        return Err(ParseError::Invalid); // trailing underscore, or no digits
    }
    Ok((i, digits))
}
// ANCHOR_END: scan_digits

/// The value of a run of `digits` digits in `base` (underscores skipped),
/// applying the digit limit for bases that are not powers of two, and our
/// [`MAX_INT_BITS`] limit for those that are.
fn digits_to_int(body: &[u8], digits: usize, base: u32, negative: bool) -> Result<Int, ParseError> {
    if !base.is_power_of_two() && digits > MAX_STR_DIGITS {
        return Err(ParseError::Limit(Exception::value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))));
    }
    let bits_per_digit = u64::from(base.trailing_zeros());
    if base.is_power_of_two() && (digits as u64).saturating_mul(bits_per_digit) > MAX_INT_BITS + 64
    {
        return Err(ParseError::Limit(Exception::memory_error()));
    }
    let clean: Vec<u8> = body.iter().copied().filter(|&c| c != b'_').collect();
    // The digits are ASCII and valid in `base` by construction.
    let text = std::str::from_utf8(&clean).map_err(|_| ParseError::Invalid)?;
    let magnitude = BigInt::from_str_radix(text, base).map_err(|_| ParseError::Invalid)?;
    let value = Int::from_bigint(if negative { -magnitude } else { magnitude });
    if value.bit_length() > MAX_INT_BITS {
        return Err(ParseError::Limit(Exception::memory_error()));
    }
    Ok(value)
}

// ANCHOR: transform_decimal_and_space
/// The first code point of each run of ten Unicode decimal digits (category Nd,
/// Unicode 14.0 as in CPython 3.11): `int('١٢٣') == 123`.
const UNICODE_DIGIT_ZEROS: [u32; 65] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// `str.isspace()` for a non-ASCII character (`Py_UNICODE_ISSPACE`).
fn is_python_space(c: char) -> bool {
    matches!(
        u32::from(c),
        0x09..=0x0D | 0x1C..=0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029
            | 0x202F | 0x205F | 0x3000
    )
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`, which `int()` and `float()`
/// apply before parsing: ASCII stays as is, other whitespace becomes a space,
/// other decimal digits their ASCII digit, anything else `?` (and stops).
pub(crate) fn transform_decimal_and_space(text: &str) -> PyResult<String> {
    // As long as the text, which the program sized: asked for fallibly.
    let mut out = String::new();
    out.try_reserve_exact(text.len())
        .map_err(|_| Exception::memory_error())?;
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_python_space(c) {
            out.push(' ');
        } else if let Some(digit) = unicode_decimal_value(c) {
            out.push(char::from(b'0' + digit));
        } else {
            out.push('?');
            break;
        }
    }
    Ok(out)
}

/// The value of a non-ASCII Unicode decimal digit, if `c` is one.
fn unicode_decimal_value(c: char) -> Option<u8> {
    let code = u32::from(c);
    UNICODE_DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .and_then(|&zero| u8::try_from(code - zero).ok())
}
// ANCHOR_END: transform_decimal_and_space
