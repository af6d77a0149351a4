//! printf-style formatting: `template % args` (`Objects/unicodeobject.c:
//! PyUnicode_Format` and its helpers `unicode_format_arg_parse`,
//! `unicode_format_arg_format`, `unicode_format_arg_output`).
//!
//! A conversion is `%[(key)][flags][width][.precision][h|l|L]type`. The arguments
//! are a tuple's items or a single non-tuple value; each conversion (and each `*`)
//! takes the next one.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::ToPrimitive;

use super::double_to_string::{try_double_to_string, Flags, FloatStyle};
use super::{int_to_float, magnitude_digits, reserve, MAX_FORMAT_WIDTH};
use crate::exc::{Exception, PyResult};
use crate::int::Int;

// ANCHOR: printf_arg
/// What `%` needs to know of one argument, whatever the interpreter's value type.
pub trait PrintfArg {
    /// `type(x).__name__`, for error messages.
    fn type_name(&self) -> String;
    /// `str(x)`, for `%s`.
    fn str(&self) -> PyResult<String>;
    /// `repr(x)`, for `%r`.
    fn repr(&self) -> PyResult<String>;
    /// `ascii(x)`, for `%a`.
    fn ascii(&self) -> PyResult<String>;
    /// The value of an `int` or a `bool`; `None` for every other type.
    fn as_int(&self) -> Option<BigInt>;
    /// The value of a `float` (ints and bools are read through `as_int`, so
    /// returning their value here too does no harm); `None` for other types.
    fn as_float(&self) -> Option<f64>;
    /// The text of a `str`, for `%c`; `None` for other types.
    fn as_str(&self) -> Option<String>;
    /// Whether `%` treats the value as a mapping (`PyMapping_Check`): dicts, and
    /// oddly also bytes and lists, which then skip the "not all arguments
    /// converted" check. Tuples and strs never are.
    fn is_mapping(&self) -> bool {
        false
    }
    /// `x[key]`, for `'%(key)s' % x` when `is_mapping()`.
    fn get_item(&self, key: &str) -> PyResult<Box<dyn PrintfArg>> {
        let _ = key;
        Err(Exception::type_error("format requires a mapping"))
    }
}
// ANCHOR_END: printf_arg

/// The conversion flags (`F_LJUST`, `F_SIGN`, `F_BLANK`, `F_ALT`, `F_ZERO`).
#[derive(Debug, Clone, Copy, Default)]
struct ConversionFlags {
    left_justify: bool,
    sign: bool,
    blank: bool,
    alternate: bool,
    zero: bool,
}

/// One parsed conversion (`struct unicode_format_arg_t`).
#[derive(Debug, Clone, Copy)]
struct Conversion {
    flags: ConversionFlags,
    width: Option<usize>,
    precision: Option<usize>,
    /// The conversion character, `d` in `%5d`.
    code: char,
}

/// The template, read one character at a time. Reading past the end sets
/// `exhausted` and leaves the last character in place, as CPython's `fmtcnt`
/// going negative does; a conversion cut short is then an "incomplete format".
struct Template {
    chars: Vec<char>,
    pos: usize,
    exhausted: bool,
}

impl Template {
    /// `if (--fmtcnt >= 0) { ch = READ(fmtpos); fmtpos++; }`
    fn advance(&mut self, ch: &mut char) -> bool {
        match self.chars.get(self.pos) {
            Some(c) => {
                *ch = *c;
                self.pos += 1;
                true
            }
            None => {
                self.exhausted = true;
                false
            }
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
}

/// The arguments: a tuple's items, or one value (`arglen == -1` in CPython).
struct Args<'a> {
    items: &'a [&'a dyn PrintfArg],
    is_tuple: bool,
    next: usize,
    /// The value looked up by the last `%(key)`, which replaces the arguments.
    keyed: Option<Box<dyn PrintfArg>>,
    mapping: Option<&'a dyn PrintfArg>,
}

impl<'a> Args<'a> {
    /// `unicode_format_getnextarg`.
    fn next_arg(&mut self) -> PyResult<&dyn PrintfArg> {
        let index = self.next;
        let arg: Option<&dyn PrintfArg> = match &self.keyed {
            Some(item) if index == 0 => Some(item.as_ref()),
            Some(_) => None,
            None if self.is_tuple || index == 0 => self.items.get(index).copied(),
            None => None,
        };
        match arg {
            Some(arg) => {
                self.next += 1;
                Ok(arg)
            }
            None => Err(Exception::type_error(
                "not enough arguments for format string",
            )),
        }
    }

    /// Whether arguments are left over once the template is done (never asked
    /// after a `%(key)`: that needs a mapping, which skips the check).
    fn unused_left(&self) -> bool {
        if self.is_tuple {
            self.next < self.items.len()
        } else {
            self.next == 0 && !self.items.is_empty()
        }
    }
}

// ANCHOR: printf
/// `template % args` (`PyUnicode_Format`). `'%s' % x` for a non-tuple `x` passes
/// `&[x]` and `args_is_tuple = false`; `'%s %s' % (a, b)` passes the items and `true`.
pub fn printf(template: &str, args: &[&dyn PrintfArg], args_is_tuple: bool) -> PyResult<String> {
    let mapping = match args {
        [only] if !args_is_tuple && only.is_mapping() => Some(*only),
        _ => None,
    };
    let mut args = Args {
        items: args,
        is_tuple: args_is_tuple,
        next: 0,
        keyed: None,
        mapping,
    };
    // The template and the result can be as long as the program makes them:
    // their memory is asked for fallibly (`MemoryError`), the result's a
    // piece at a time.
    let mut chars = Vec::new();
    chars
        .try_reserve_exact(template.chars().count())
        .map_err(|_| Exception::memory_error())?;
    chars.extend(template.chars());
    let mut out = String::new();
    reserve(&mut out, Some(template.len()))?;
    let mut template = Template {
        chars,
        pos: 0,
        exhausted: false,
    };
    while let Some(c) = template.peek() {
        template.pos += 1;
        if c != '%' {
            reserve(&mut out, Some(c.len_utf8()))?;
            out.push(c);
            continue;
        }
        if template.peek() == Some('%') {
            template.pos += 1;
            reserve(&mut out, Some(1))?;
            out.push('%');
            continue;
        }
        format_one(&mut template, &mut args, &mut out)?;
    }
    if args.unused_left() && args.mapping.is_none() {
        return Err(not_all_converted());
    }
    Ok(out)
}
// ANCHOR_END: printf

fn not_all_converted() -> Exception {
    Exception::type_error("not all arguments converted during string formatting")
}

/// `unicode_format_arg`: parse one conversion, format its argument, write it.
fn format_one(template: &mut Template, args: &mut Args<'_>, out: &mut String) -> PyResult<()> {
    let conversion = parse_conversion(template, args)?;
    let arg = args.next_arg()?;
    let (text, numeric) = convert(arg, &conversion, template.pos)?;
    if conversion.width.is_some_and(|w| w > MAX_FORMAT_WIDTH) {
        return Err(Exception::memory_error());
    }
    write_padded(out, &text, numeric, conversion)
}

// ANCHOR: parse_conversion
/// `unicode_format_arg_parse`: `[(key)][flags][width][.precision][h|l|L]`, then
/// the conversion character.
fn parse_conversion(template: &mut Template, args: &mut Args<'_>) -> PyResult<Conversion> {
    let mut ch = '\0';
    if template.peek() == Some('(') {
        parse_mapping_key(template, args)?;
    }
    let mut flags = ConversionFlags::default();
    while template.advance(&mut ch) {
        match ch {
            '-' => flags.left_justify = true,
            '+' => flags.sign = true,
            ' ' => flags.blank = true,
            '#' => flags.alternate = true,
            '0' => flags.zero = true,
            _ => break,
        }
    }

    let mut width = None;
    if ch == '*' {
        let (n, negative) = star_width(args.next_arg()?)?;
        flags.left_justify |= negative;
        width = Some(n);
        template.advance(&mut ch);
    } else if let Some(first) = ch.to_digit(10) {
        width = Some(read_number(
            template,
            &mut ch,
            first,
            isize::MAX as usize,
            "width too big",
        )?);
    }

    let mut precision = None;
    if ch == '.' {
        precision = Some(0);
        template.advance(&mut ch);
        if ch == '*' {
            precision = Some(star_precision(args.next_arg()?)?);
            template.advance(&mut ch);
        } else if let Some(first) = ch.to_digit(10) {
            let limit = i32::MAX as usize;
            precision = Some(read_number(
                template,
                &mut ch,
                first,
                limit,
                "precision too big",
            )?);
        }
    }

    // C's length modifiers mean nothing in Python: "%ld" is "%d".
    if !template.exhausted && matches!(ch, 'h' | 'l' | 'L') {
        template.advance(&mut ch);
    }
    if template.exhausted {
        return Err(Exception::value_error("incomplete format"));
    }
    Ok(Conversion {
        flags,
        width,
        precision,
        code: ch,
    })
}
// ANCHOR_END: parse_conversion

/// `%(key)`: look the key up in the mapping; its value becomes the only argument.
/// Parentheses nest: `'%(a(b))s'` has the key `a(b)`.
fn parse_mapping_key(template: &mut Template, args: &mut Args<'_>) -> PyResult<()> {
    let Some(mapping) = args.mapping else {
        return Err(Exception::type_error("format requires a mapping"));
    };
    template.pos += 1; // the '('
    let key_start = template.pos;
    let mut depth = 1;
    let mut ch = '\0';
    while depth > 0 && template.advance(&mut ch) {
        match ch {
            ')' => depth -= 1,
            '(' => depth += 1,
            _ => {}
        }
    }
    if depth > 0 || template.exhausted {
        return Err(Exception::value_error("incomplete format key"));
    }
    let key_end = template.pos.saturating_sub(1);
    let key: String = template
        .chars
        .get(key_start..key_end)
        .unwrap_or(&[])
        .iter()
        .collect();
    args.keyed = Some(mapping.get_item(&key)?);
    args.next = 0;
    Ok(())
}

/// Digits after the first: a width (up to `PY_SSIZE_T_MAX`) or precision (up to
/// `INT_MAX`).
fn read_number(
    template: &mut Template,
    ch: &mut char,
    first: u32,
    limit: usize,
    too_big: &str,
) -> PyResult<usize> {
    let mut value = first as usize;
    while template.advance(ch) {
        let Some(digit) = ch.to_digit(10) else {
            break;
        };
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(digit as usize))
            .filter(|v| *v <= limit)
            .ok_or_else(|| Exception::value_error(too_big))?;
    }
    Ok(value)
}

/// The int argument a `*` consumes.
fn star_arg(arg: &dyn PrintfArg) -> PyResult<BigInt> {
    arg.as_int()
        .ok_or_else(|| Exception::type_error("* wants int"))
}

/// A `*` width: an int (`PyLong_AsSsize_t`); negative means left-justified.
fn star_width(arg: &dyn PrintfArg) -> PyResult<(usize, bool)> {
    let n = star_arg(arg)?
        .to_i64()
        .ok_or_else(|| Exception::overflow_error("Python int too large to convert to C ssize_t"))?;
    let width = usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
    Ok((width, n < 0))
}

/// A `*` precision: an int that fits a C `int`; negative means 0.
fn star_precision(arg: &dyn PrintfArg) -> PyResult<usize> {
    let n = star_arg(arg)?
        .to_i32()
        .ok_or_else(|| Exception::overflow_error("Python int too large to convert to C int"))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

// ANCHOR: convert
/// `unicode_format_arg_format`: the argument's text for one conversion, and
/// whether it is a number (whose sign the `+`, ` ` and `0` flags act on).
fn convert(arg: &dyn PrintfArg, conversion: &Conversion, pos: usize) -> PyResult<(String, bool)> {
    let code = conversion.code;
    match code {
        's' => Ok((arg.str()?, false)),
        'r' => Ok((arg.repr()?, false)),
        'a' => Ok((arg.ascii()?, false)),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => Ok((format_long(arg, conversion)?, true)),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => Ok((format_float(arg, conversion)?, true)),
        'c' => Ok((format_char(arg)?.to_string(), false)),
        _ => {
            let n = u32::from(code);
            let shown = if (31..=126).contains(&n) { code } else { '?' };
            Err(Exception::value_error(format!(
                "unsupported format character '{shown}' (0x{n:x}) at index {}",
                pos.saturating_sub(1)
            )))
        }
    }
}
// ANCHOR_END: convert

/// `mainformatlong` + `_PyUnicode_FormatLong`: an int (or a float, truncated, for
/// `d i u`) in base 10, 8 or 16, zero-filled to the precision.
fn format_long(arg: &dyn PrintfArg, conversion: &Conversion) -> PyResult<String> {
    let code = conversion.code;
    let value = match arg.as_int() {
        Some(n) => n,
        None => match arg.as_float() {
            // `int(x)`: truncated toward zero (`float___trunc___impl`).
            Some(x) if !matches!(code, 'o' | 'x' | 'X') => Int::from_f64(x)?.to_bigint(),
            _ => return Err(wrong_type_for_int(code, &arg.type_name())),
        },
    };
    let precision = conversion.precision.unwrap_or(0);
    if precision > MAX_FORMAT_WIDTH {
        return Err(Exception::memory_error());
    }
    let (base, prefix) = match code {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = magnitude_digits(&value, base, code == 'X')?;
    let mut out = String::new();
    reserve(&mut out, Some(precision.max(digits.len()) + 3))?;
    if value.sign() == BigSign::Minus {
        out.push('-');
    }
    if conversion.flags.alternate {
        out.push_str(prefix);
    }
    for _ in digits.len()..precision {
        out.push('0');
    }
    out.push_str(&digits);
    Ok(out)
}

fn wrong_type_for_int(code: char, type_name: &str) -> Exception {
    let wanted = if matches!(code, 'o' | 'x' | 'X') {
        "an integer"
    } else {
        "a real number"
    };
    Exception::type_error(format!(
        "%{code} format: {wanted} is required, not {type_name}"
    ))
}

/// `formatfloat`: `PyOS_double_to_string` with the `#` flag, precision 6 by default.
fn format_float(arg: &dyn PrintfArg, conversion: &Conversion) -> PyResult<String> {
    let x = match arg.as_int() {
        Some(n) => int_to_float(&n)?,
        None => arg.as_float().ok_or_else(|| {
            Exception::type_error(format!("must be real number, not {}", arg.type_name()))
        })?,
    };
    let precision = conversion.precision.unwrap_or(6);
    if precision > MAX_FORMAT_WIDTH {
        return Err(Exception::memory_error());
    }
    let style = match conversion.code {
        'e' | 'E' => FloatStyle::Exponent,
        'f' | 'F' => FloatStyle::Fixed,
        _ => FloatStyle::General,
    };
    let flags = Flags {
        alternate: conversion.flags.alternate,
        upper: conversion.code.is_ascii_uppercase(),
        ..Flags::default()
    };
    try_double_to_string(x, style, precision, flags)
}

/// `formatchar`: a one-character str, or an int code point.
fn format_char(arg: &dyn PrintfArg) -> PyResult<char> {
    let wrong_type = || Exception::type_error("%c requires int or char");
    if let Some(text) = arg.as_str() {
        let mut chars = text.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(wrong_type()),
        };
    }
    let n = arg.as_int().ok_or_else(wrong_type)?;
    n.to_u32()
        .and_then(char::from_u32)
        .ok_or_else(|| Exception::overflow_error("%c arg not in range(0x110000)"))
}

// ANCHOR: write_padded
/// `unicode_format_arg_output`: truncate `%s %r %a` to the precision, then pad
/// to the width. Numbers get their sign (`+`, ` `) here, and with the `0` flag
/// the zeros go between the sign (and `0x`) and the digits. The room for the
/// field is asked for fallibly first (`MemoryError`).
fn write_padded(
    out: &mut String,
    text: &str,
    numeric: bool,
    conversion: Conversion,
) -> PyResult<()> {
    let flags = conversion.flags;
    let mut body = text;
    if matches!(conversion.code, 's' | 'r' | 'a') {
        if let Some((end, _)) = conversion
            .precision
            .and_then(|p| text.char_indices().nth(p))
        {
            body = text.get(..end).unwrap_or(text);
        }
    }
    let mut sign = None;
    if numeric {
        if let Some(rest) = body.strip_prefix('-') {
            sign = Some('-');
            body = rest;
        } else if flags.sign {
            sign = Some('+');
        } else if flags.blank {
            sign = Some(' ');
        }
    }
    let mut prefix = "";
    let has_prefix = flags.alternate && matches!(conversion.code, 'x' | 'X' | 'o');
    if has_prefix {
        let split = body.len().min(2);
        if let (Some(p), Some(rest)) = (body.get(..split), body.get(split..)) {
            prefix = p;
            body = rest;
        }
    }
    let used = usize::from(sign.is_some()) + prefix.len() + body.chars().count();
    let padding = conversion.width.unwrap_or(0).saturating_sub(used);
    let zero_fill = numeric && flags.zero;
    reserve(out, padding.checked_add(text.len() + 1))?;
    if flags.left_justify {
        push_sign_prefix(out, sign, prefix);
        out.push_str(body);
        super::push_fill(out, ' ', padding);
    } else if zero_fill {
        push_sign_prefix(out, sign, prefix);
        super::push_fill(out, '0', padding);
        out.push_str(body);
    } else {
        super::push_fill(out, ' ', padding);
        push_sign_prefix(out, sign, prefix);
        out.push_str(body);
    }
    Ok(())
}
// ANCHOR_END: write_padded

fn push_sign_prefix(out: &mut String, sign: Option<char>, prefix: &str) {
    if let Some(sign) = sign {
        out.push(sign);
    }
    out.push_str(prefix);
}
