//! The format-spec mini-language: parsing `[[fill]align][sign][z][#][0][width]
//! [grouping][.precision][type]` into a [`FormatSpec`].
//!
//! `Python/formatter_unicode.c: parse_internal_render_format_spec`. Parsing knows
//! nothing of the value being formatted, except two defaults (the type code and the
//! alignment) and the type's name for one error message; the checks that depend on
//! the value's type (no precision for ints, no sign for strings …) are made by the
//! formatters in the parent module.

use crate::exc::{Exception, PyResult};

/// Where the padding goes (`<`, `>`, `^`, or `=` between the sign and the digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    AfterSign,
}

impl Align {
    fn from_char(c: char) -> Option<Align> {
        match c {
            '<' => Some(Align::Left),
            '>' => Some(Align::Right),
            '^' => Some(Align::Center),
            '=' => Some(Align::AfterSign),
            _ => None,
        }
    }
}

/// The sign option: `-` (the default: only negative numbers), `+`, or ` `.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// No sign option was given (formats like `-`, but strings accept only this).
    Default,
    Minus,
    Plus,
    Space,
}

/// Thousands separators: `,` or `_` every three digits, or `_` every four digits
/// for `b`, `o`, `x` and `X` (PEP 378, PEP 515).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    None,
    Comma,
    Underscore,
}

// ANCHOR: format_spec
/// A parsed format spec (`InternalFormatSpec`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Align,
    pub sign: Sign,
    /// `z`: turn a negative zero into a positive one (new in 3.11, PEP 682).
    pub no_neg_0: bool,
    /// `#`: the alternate form (`0x` prefixes, a kept decimal point).
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type; `None` only when there is no default (floats).
    pub type_code: Option<char>,
}
// ANCHOR_END: format_spec

/// The alignment and type a value's `__format__` uses when the spec has none:
/// numbers align right and strings left; ints default to `d`, strings to `s`,
/// floats and complexes to no type at all.
#[derive(Debug, Clone, Copy)]
pub struct Defaults {
    pub type_code: Option<char>,
    pub align: Align,
    /// `type(value).__name__`, for "Invalid format specifier … for object of type …".
    pub type_name: &'static str,
}

// ANCHOR: parse_format_spec
/// Parse a non-empty format spec (`parse_internal_render_format_spec`).
pub fn parse(spec: &str, defaults: Defaults) -> PyResult<FormatSpec> {
    // A spec is a str of the program's, as long as it likes (an invalid one is
    // read to its end): asked for fallibly.
    let mut chars: Vec<char> = Vec::new();
    chars
        .try_reserve_exact(spec.chars().count())
        .map_err(|_| Exception::memory_error())?;
    chars.extend(spec.chars());
    let mut cursor = Cursor {
        chars: &chars,
        pos: 0,
    };
    let mut format = FormatSpec {
        fill: ' ',
        align: defaults.align,
        sign: Sign::Default,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        type_code: defaults.type_code,
    };

    // [[fill]align]: if the second character aligns, the first is the fill.
    let mut fill_specified = false;
    let mut align_specified = false;
    if let Some(align) = cursor.peek_at(1).and_then(Align::from_char) {
        format.fill = cursor.peek_at(0).unwrap_or(' ');
        format.align = align;
        fill_specified = true;
        align_specified = true;
        cursor.skip(2);
    } else if let Some(align) = cursor.peek_at(0).and_then(Align::from_char) {
        format.align = align;
        align_specified = true;
        cursor.skip(1);
    }

    format.sign = match cursor.peek_at(0) {
        Some('+') => Sign::Plus,
        Some('-') => Sign::Minus,
        Some(' ') => Sign::Space,
        _ => Sign::Default,
    };
    if format.sign != Sign::Default {
        cursor.skip(1);
    }
    format.no_neg_0 = cursor.eat('z');
    format.alternate = cursor.eat('#');

    // A `0` before the width means "pad with zeros after the sign", unless a fill
    // was given; it only changes the alignment of right-aligned types (3.10+).
    if !fill_specified && cursor.eat('0') {
        format.fill = '0';
        if !align_specified && defaults.align == Align::Right {
            format.align = Align::AfterSign;
        }
    }

    format.width = cursor.integer()?;
    format.grouping = parse_grouping(&mut cursor)?;

    if cursor.eat('.') {
        format.precision = cursor.integer()?;
        if format.precision.is_none() {
            return Err(Exception::value_error("Format specifier missing precision"));
        }
    }

    match cursor.remaining() {
        [] => {}
        [type_code] => format.type_code = Some(*type_code),
        _ => {
            return Err(Exception::value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{}'",
                defaults.type_name
            )))
        }
    }
    check_grouping_type(&format)?;
    Ok(format)
}
// ANCHOR_END: parse_format_spec

/// `,` then `_`, at most one of them.
fn parse_grouping(cursor: &mut Cursor<'_>) -> PyResult<Grouping> {
    let mut grouping = Grouping::None;
    if cursor.eat(',') {
        grouping = Grouping::Comma;
    }
    if cursor.eat('_') {
        if grouping != Grouping::None {
            return Err(comma_and_underscore());
        }
        grouping = Grouping::Underscore;
    }
    if cursor.peek_at(0) == Some(',') {
        return Err(comma_and_underscore());
    }
    Ok(grouping)
}

fn comma_and_underscore() -> Exception {
    Exception::value_error("Cannot specify both ',' and '_'.")
}

/// Separators make sense only for decimal numbers, and `_` for `b o x X` too
/// (`invalid_thousands_separator_type`).
fn check_grouping_type(format: &FormatSpec) -> PyResult<()> {
    let separator = match format.grouping {
        Grouping::None => return Ok(()),
        Grouping::Comma => ',',
        Grouping::Underscore => '_',
    };
    match format.type_code {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
        Some('b' | 'o' | 'x' | 'X') if separator == '_' => Ok(()),
        Some(other) => Err(Exception::value_error(format!(
            "Cannot specify '{separator}' with {}.",
            quote_type_code(other)
        ))),
    }
}

/// A type code in an error message: `'x'` when printable ASCII, else `'\x1'` or
/// `'\xe9'` (C's `%x`: lowercase hex, no padding).
pub fn quote_type_code(c: char) -> String {
    let n = u32::from(c);
    if n > 32 && n < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{n:x}'")
    }
}

/// Reads the spec left to right; every read is bounds-checked.
struct Cursor<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Cursor<'_> {
    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos.checked_add(offset)?).copied()
    }

    fn skip(&mut self, n: usize) {
        self.pos = self.pos.saturating_add(n).min(self.chars.len());
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek_at(0) == Some(c) {
            self.skip(1);
            true
        } else {
            false
        }
    }

    fn remaining(&self) -> &[char] {
        self.chars.get(self.pos..).unwrap_or(&[])
    }

    /// `get_integer`: decimal digits, or `None` when there are none. CPython
    /// accumulates into a `Py_ssize_t` and refuses anything larger.
    fn integer(&mut self) -> PyResult<Option<usize>> {
        let mut value: Option<usize> = None;
        while let Some(digit) = self.peek_at(0).and_then(|c| c.to_digit(10)) {
            let next = value
                .unwrap_or(0)
                .checked_mul(10)
                .and_then(|v| v.checked_add(digit as usize))
                .filter(|v| *v <= isize::MAX as usize);
            match next {
                Some(v) => value = Some(v),
                None => {
                    return Err(Exception::value_error(
                        "Too many decimal digits in format string",
                    ))
                }
            }
            self.skip(1);
        }
        Ok(value)
    }
}
