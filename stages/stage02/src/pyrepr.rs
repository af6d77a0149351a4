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
use crate::exc::{Exception, PyResult};
use crate::format::double_to_string::{double_to_string, Flags, FloatStyle};
use crate::int;

mod printable;
pub mod set_order;

pub use printable::is_printable;

// ANCHOR: repr_str
/// Which characters a str repr escapes: `repr()` escapes the non-printable
/// ones, `ascii()` every one that is not ASCII as well (`PyObject_ASCII`:
/// the repr with `backslashreplace`, which spells escapes the same way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    Unprintable,
    NonAscii,
}

/// `repr(s)` for a `str`: `'text'` with escapes (`unicode_repr`). For texts
/// the program does not size (a name in a message, a constant of a listing);
/// a str value of the program goes through [`try_repr_str`].
pub fn repr_str(s: &str) -> String {
    repr_code_points(s.chars().map(u32::from))
}

/// The first `max_chars` characters of `repr(s)`, without making the rest:
/// what `%.200R` shows of a long text in a message (`PyUnicode_FromFormatV`).
/// The quote still depends on the whole text.
pub fn repr_str_prefix(s: &str, max_chars: usize) -> String {
    let quote = choose_quote(s.contains('\''), s.contains('"'));
    let mut out = String::new();
    out.push(quote);
    let mut shown = 1;
    for c in s.chars() {
        if shown > max_chars {
            break;
        }
        let before = out.len();
        push_escaped_code_point(&mut out, u32::from(c), quote, Escape::Unprintable);
        shown += out.get(before..).map_or(0, |added| added.chars().count());
    }
    out.push(quote);
    match out.char_indices().nth(max_chars) {
        Some((end, _)) => out.get(..end).unwrap_or(&out).to_string(),
        None => out,
    }
}

/// `repr(s)` for a `str` that holds lone surrogates (`"\udc80"`), which a Rust
/// `str` cannot: the same rules applied to raw code points. Surrogates are not
/// printable, so they come out as `\udc80`.
pub fn repr_surrogate_str(code_points: &[u32]) -> String {
    repr_code_points(code_points.iter().copied())
}

/// `repr(s)` (or `ascii(s)`) of a str value, in memory asked for fallibly.
/// Like `unicode_repr`, a first pass computes the size of the result, then
/// the buffer is reserved, then a second pass writes it: `MemoryError` when
/// the allocator refuses, CPython's `OverflowError` when the size overflows.
///
/// The size pass is a count of each byte value ([`ByteCounts`]) whenever the
/// bytes alone decide the size: for an ASCII text, and for `ascii()`, where
/// every non-ASCII character becomes an escape whose length its UTF-8 lead
/// byte tells. Only `repr()` of a non-ASCII text looks at each character
/// (is it printable?).
pub fn try_repr_str(s: &str, escape: Escape) -> PyResult<String> {
    let too_long = || Exception::overflow_error("string is too long to generate repr");
    if s.is_ascii() || escape == Escape::NonAscii {
        let counts = ByteCounts::of(s.as_bytes());
        let quote = counts.quote();
        let size = counts
            .repr_len(quote, HighBytes::Utf8)
            .ok_or_else(too_long)?;
        let mut out = reserved(size)?;
        out.push(char::from(quote));
        if s.is_ascii() {
            write_escaped_ascii(&mut out, s.as_bytes(), quote);
        } else {
            for c in s.chars() {
                push_escaped_code_point(&mut out, u32::from(c), char::from(quote), escape);
            }
        }
        out.push(char::from(quote));
        return Ok(out);
    }
    try_repr_code_points(s.chars().map(u32::from), escape)
}

/// [`try_repr_str`] for a str with lone surrogates.
pub fn try_repr_surrogate_str(code_points: &[u32], escape: Escape) -> PyResult<String> {
    try_repr_code_points(code_points.iter().copied(), escape)
}

/// The quote `repr` picks: `'` unless the text has a `'` and no `"`.
fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// The body of `unicode_repr` for short texts: one pass to pick the quote,
/// one to escape.
fn repr_code_points(code_points: impl Iterator<Item = u32> + Clone) -> String {
    let has_single = code_points.clone().any(|c| c == u32::from('\''));
    let has_double = code_points.clone().any(|c| c == u32::from('"'));
    let quote = choose_quote(has_single, has_double);
    let mut out = String::new();
    out.push(quote);
    for code_point in code_points {
        push_escaped_code_point(&mut out, code_point, quote, Escape::Unprintable);
    }
    out.push(quote);
    out
}

/// The body of `unicode_repr`, character by character: the size pass counts
/// the quotes and the bytes of every other character's spelling, then the
/// quote is chosen, the output reserved, and written.
fn try_repr_code_points(
    code_points: impl Iterator<Item = u32> + Clone,
    escape: Escape,
) -> PyResult<String> {
    let too_long = || Exception::overflow_error("string is too long to generate repr");
    let (mut single, mut double, mut size) = (0usize, 0usize, 2usize);
    for code_point in code_points.clone() {
        match char::from_u32(code_point) {
            Some('\'') => single += 1,
            Some('"') => double += 1,
            _ => {}
        }
        size = size
            .checked_add(escaped_len(code_point, escape))
            .ok_or_else(too_long)?;
    }
    let quote = choose_quote(single > 0, double > 0);
    if quote == '\'' {
        // Each `'` is written `\'`: one byte more than counted.
        size = size.checked_add(single).ok_or_else(too_long)?;
    }
    let mut out = reserved(size)?;
    out.push(quote);
    for code_point in code_points {
        push_escaped_code_point(&mut out, code_point, quote, escape);
    }
    out.push(quote);
    Ok(out)
}

/// An empty `String` with room for `size` bytes, or `MemoryError`.
fn reserved(size: usize) -> PyResult<String> {
    let mut out = String::new();
    out.try_reserve_exact(size)
        .map_err(|_| Exception::memory_error())?;
    Ok(out)
}

/// Whether a code point is written as itself (UTF-8) rather than escaped.
fn shown_as_is(code_point: u32, escape: Escape) -> bool {
    match code_point {
        0x20..=0x7e => true,
        0..=0x7f => false,
        _ => escape == Escape::Unprintable && is_printable(code_point),
    }
}

/// The bytes [`push_escaped_code_point`] writes for a code point (a quote
/// counts as itself, one byte).
fn escaped_len(code_point: u32, escape: Escape) -> usize {
    match char::from_u32(code_point) {
        Some('\\' | '\t' | '\n' | '\r') => 2,
        Some(c) if shown_as_is(code_point, escape) => c.len_utf8(),
        _ => hex_escape_len(code_point),
    }
}

/// One character of a `str` repr: itself if printable (and ASCII, for
/// `ascii()`), else the shortest escape.
fn push_escaped_code_point(out: &mut String, code_point: u32, quote: char, escape: Escape) {
    match char::from_u32(code_point) {
        Some(c) if c == quote || c == '\\' => {
            out.push('\\');
            out.push(c);
        }
        Some('\t') => out.push_str("\\t"),
        Some('\n') => out.push_str("\\n"),
        Some('\r') => out.push_str("\\r"),
        Some(c) if shown_as_is(code_point, escape) => out.push(c),
        // Non-printable (and surrogates, which `char` refuses): the shortest escape.
        _ => push_hex_escape(out, code_point),
    }
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, the shortest that holds `code_point`.
fn push_hex_escape(out: &mut String, code_point: u32) {
    let (letter, digits) = match code_point {
        0..=0xff => ('x', 2),
        0x100..=0xffff => ('u', 4),
        _ => ('U', 8),
    };
    out.push('\\');
    out.push(letter);
    for shift in (0..digits).rev() {
        let nibble = (code_point >> (4 * shift)) & 0xf;
        out.push(char::from_digit(nibble, 16).unwrap_or('0'));
    }
}

/// The length of [`push_hex_escape`]'s escape.
fn hex_escape_len(code_point: u32) -> usize {
    match code_point {
        0..=0xff => 4,
        0x100..=0xffff => 6,
        _ => 10,
    }
}

/// `ascii()` of a value whose repr is already made: every non-ASCII character
/// escaped (`Objects/unicodeobject.c: unicode_escape`, as `backslashreplace`
/// writes it), in memory asked for fallibly.
pub fn try_escape_non_ascii(text: &str) -> PyResult<String> {
    let counts = ByteCounts::of(text.as_bytes());
    let size = counts
        .escaped_non_ascii_len()
        .ok_or_else(|| Exception::overflow_error("string is too long to generate repr"))?;
    let mut out = reserved(size)?;
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_hex_escape(&mut out, u32::from(c));
        }
    }
    Ok(out)
}
// ANCHOR_END: repr_str

// ANCHOR: repr_bytes
/// `repr(b)` for `bytes`: `b'...'`, printable ASCII as is, everything else `\xNN`
/// (`PyBytes_Repr`). For constants of a listing; a bytes value of the program
/// goes through [`try_repr_bytes`].
pub fn repr_bytes(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(char::from(quote));
    write_escaped_ascii(&mut out, bytes, quote);
    out.push(char::from(quote));
    out
}

/// `repr(b)` of a bytes value, in memory asked for fallibly: like
/// `PyBytes_Repr`, a first pass ([`ByteCounts`]) computes the size of the
/// result, then it is reserved and written. `MemoryError` when the allocator
/// refuses, CPython's `OverflowError` when the size overflows.
pub fn try_repr_bytes(bytes: &[u8]) -> PyResult<String> {
    let counts = ByteCounts::of(bytes);
    let quote = counts.quote();
    let size = counts
        .repr_len(quote, HighBytes::Escaped)
        .and_then(|len| len.checked_add(1))
        .ok_or_else(|| Exception::overflow_error("bytes object is too large to make repr"))?;
    let mut out = reserved(size)?;
    out.push('b');
    out.push(char::from(quote));
    write_escaped_ascii(&mut out, bytes, quote);
    out.push(char::from(quote));
    Ok(out)
}

/// The escaped bytes of a bytes repr, or of an ASCII str's (the rules agree:
/// `\\`, `\t`, `\n`, `\r`, the quote, printable ASCII as is, the rest `\xhh`).
///
/// A repr can be gigabytes long, so the escapes are made in a buffer on the
/// stack and written to `out` a few kilobytes at a time, rather than with a
/// call per escape; the loop indexes single bytes only, which costs little
/// even in a debug build (the memory tests run one on gigabyte texts).
fn write_escaped_ascii(out: &mut String, bytes: &[u8], quote: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut chunk = [0u8; 4096];
    let mut used = 0;
    let mut next = 0;
    while next < bytes.len() {
        if used + 4 > chunk.len() {
            push_ascii(out, chunk.get(..used).unwrap_or_default());
            used = 0;
        }
        let byte = bytes[next];
        next += 1;
        let second = match byte {
            b'\\' => b'\\',
            b'\t' => b't',
            b'\n' => b'n',
            b'\r' => b'r',
            _ if byte == quote => quote,
            b' '..=b'~' => {
                chunk[used] = byte;
                used += 1;
                continue;
            }
            _ => {
                chunk[used] = b'\\';
                chunk[used + 1] = b'x';
                chunk[used + 2] = HEX[usize::from(byte >> 4)];
                chunk[used + 3] = HEX[usize::from(byte & 0xf)];
                used += 4;
                continue;
            }
        };
        chunk[used] = b'\\';
        chunk[used + 1] = second;
        used += 2;
    }
    push_ascii(out, chunk.get(..used).unwrap_or_default());
}

/// Appends bytes that are all ASCII (so valid UTF-8) to `out`.
fn push_ascii(out: &mut String, ascii: &[u8]) {
    out.push_str(std::str::from_utf8(ascii).unwrap_or_default());
}

/// What a byte of 0x80 and above is in a text being sized: a byte of a bytes
/// value (`\xhh`), or part of a str's UTF-8, which `ascii()` escapes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HighBytes {
    Escaped,
    Utf8,
}

/// How many times each byte value occurs in a text: enough to size its repr
/// without looking at it twice per byte, and cheap (one step a byte) on the
/// gigabyte texts a program can make.
struct ByteCounts([usize; 256]);

impl ByteCounts {
    fn of(bytes: &[u8]) -> ByteCounts {
        let mut counts = [0usize; 256];
        // Single-byte indexing, not an iterator: cheap in a debug build too.
        let mut next = 0;
        while next < bytes.len() {
            counts[usize::from(bytes[next])] += 1;
            next += 1;
        }
        ByteCounts(counts)
    }

    fn count(&self, byte: u8) -> usize {
        self.0[usize::from(byte)]
    }

    /// [`choose_quote`], as a byte.
    fn quote(&self) -> u8 {
        if self.count(b'\'') > 0 && self.count(b'"') == 0 {
            b'"'
        } else {
            b'\''
        }
    }

    /// The length of the quoted repr (without a `b` prefix); `None` on
    /// overflow.
    fn repr_len(&self, quote: u8, high: HighBytes) -> Option<usize> {
        let mut size: usize = 2;
        for (byte, &count) in (0u8..=255).zip(self.0.iter()) {
            let len = match byte {
                b'\\' | b'\t' | b'\n' | b'\r' => 2,
                _ if byte == quote => 2,
                b' '..=b'~' => 1,
                0x80..=0xff if high == HighBytes::Utf8 => utf8_escape_len(byte),
                _ => 4,
            };
            size = size.checked_add(count.checked_mul(len)?)?;
        }
        Some(size)
    }

    /// The length of a text with each non-ASCII character escaped.
    fn escaped_non_ascii_len(&self) -> Option<usize> {
        let mut size: usize = 0;
        for (byte, &count) in (0u8..=255).zip(self.0.iter()) {
            let len = if byte.is_ascii() {
                1
            } else {
                utf8_escape_len(byte)
            };
            size = size.checked_add(count.checked_mul(len)?)?;
        }
        Some(size)
    }
}

/// The length of the escape of the character a UTF-8 byte starts, counted at
/// its lead byte (a continuation byte counts nothing): U+0080 to U+00FF start
/// with 0xC2 or 0xC3 and take `\xhh`, the rest of the first plane `\uhhhh`,
/// the four-byte characters `\Uhhhhhhhh`.
fn utf8_escape_len(byte: u8) -> usize {
    match byte {
        0x80..=0xbf => 0,
        0xc2..=0xc3 => 4,
        0xc0..=0xef => 6,
        _ => 10,
    }
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
