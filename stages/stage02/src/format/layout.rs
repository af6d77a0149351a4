//! Laying out a formatted number: sign, prefix, padding, grouped digits and the rest.
//!
//! `Python/formatter_unicode.c: calc_number_widths` and `fill_number`, with
//! `Objects/unicodeobject.c: _PyUnicode_InsertThousandsGrouping` for the
//! separators. The output always has the shape
//!
//! ```text
//! <lpadding> <sign> <prefix> <spadding> <grouped digits> <remainder> <rpadding>
//! ```
//!
//! where at most one of the three paddings is non-empty, and `remainder` is
//! whatever follows the integer digits (`.25e+10`, `%`, the character of `'c'`).

use super::reserve;
use super::spec::{Align, FormatSpec, Sign};
use crate::exc::{Exception, PyResult};

/// A number cut into the pieces `fill_number` writes.
#[derive(Debug, Clone, Copy)]
pub struct NumberParts<'a> {
    pub negative: bool,
    /// `0x`, `0b`, `0o` (already in the right case), or empty.
    pub prefix: &'a str,
    /// The integer digits, which padding with `0` and grouping apply to.
    pub digits: &'a str,
    /// The decimal point and everything after the integer digits.
    pub remainder: &'a str,
}

/// The thousands separator and the size of a group, if any.
pub type Separator = Option<(char, usize)>;

// ANCHOR: calc_number_widths
/// Write `parts` as `format` says: sign, padding, and zero padding that is
/// grouped like the digits (`format(1234, '09,')` is `'0,001,234'`). The
/// width is one the caller checked against [`super::MAX_FORMAT_WIDTH`]; the
/// memory for it is asked for fallibly (`MemoryError`).
pub fn lay_out_number(
    parts: NumberParts<'_>,
    format: &FormatSpec,
    separator: Separator,
) -> PyResult<String> {
    let sign = match (parts.negative, format.sign) {
        (true, _) => Some('-'),
        (false, Sign::Plus) => Some('+'),
        (false, Sign::Space) => Some(' '),
        (false, Sign::Default | Sign::Minus) => None,
    };
    let n_sign = usize::from(sign.is_some());
    let n_prefix = parts.prefix.chars().count();
    let n_remainder = parts.remainder.chars().count();
    let non_digits = n_sign + n_prefix + n_remainder;
    let width = format.width.unwrap_or(0);

    // Zero padding with '=' counts as digits: it is grouped with them.
    let min_width = if format.fill == '0' && format.align == Align::AfterSign {
        width.saturating_sub(non_digits)
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        insert_thousands_grouping(parts.digits, min_width, separator)?
    };
    let used = non_digits + grouped.chars().count();
    let padding = width.saturating_sub(used);
    let (left, after_sign, right) = match format.align {
        Align::Left => (0, 0, padding),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
        Align::Right => (padding, 0, 0),
    };

    let mut out = String::new();
    let fill_bytes = padding.checked_mul(format.fill.len_utf8());
    let text_bytes = parts.prefix.len() + grouped.len() + parts.remainder.len() + n_sign;
    reserve(&mut out, fill_bytes.and_then(|n| n.checked_add(text_bytes)))?;
    push_fill(&mut out, format.fill, left);
    if let Some(sign) = sign {
        out.push(sign);
    }
    out.push_str(parts.prefix);
    push_fill(&mut out, format.fill, after_sign);
    out.push_str(&grouped);
    out.push_str(parts.remainder);
    push_fill(&mut out, format.fill, right);
    Ok(out)
}
// ANCHOR_END: calc_number_widths

/// `n` copies of `fill`.
pub fn push_fill(out: &mut String, fill: char, n: usize) {
    out.extend(std::iter::repeat_n(fill, n));
}

// ANCHOR: insert_thousands_grouping
/// `_PyUnicode_InsertThousandsGrouping`: walk the digits from the right in groups,
/// padding with zeros until `min_width` is reached; a separator goes between
/// groups, and a group made only of padding still gets one. `min_width` can be
/// as large as a format width: the memory is asked for fallibly.
pub fn insert_thousands_grouping(
    digits: &str,
    min_width: usize,
    separator: Separator,
) -> PyResult<String> {
    let mut digit_chars: Vec<char> = Vec::new();
    digit_chars
        .try_reserve_exact(digits.len())
        .map_err(|_| Exception::memory_error())?;
    digit_chars.extend(digits.chars());
    let digits = digit_chars;
    // Groups are built right to left, each one reversed, then the whole is
    // reversed. At most one separator per group, and one digit more than asked
    // when the first group is padded.
    let longest = digits.len().max(min_width);
    let group = separator.map_or(usize::MAX, |(_, group)| group.max(1));
    let mut reversed: Vec<char> = Vec::new();
    let capacity = longest.checked_add(longest / group + 2);
    reversed
        .try_reserve_exact(capacity.unwrap_or(usize::MAX))
        .map_err(|_| Exception::memory_error())?;
    let mut source = digits.iter().rev();
    let mut remaining = digits.len();
    let mut min_width = min_width as i128;
    let mut push_group = |reversed: &mut Vec<char>, len: usize, remaining: &mut usize| {
        let n_chars = len.min(*remaining);
        for _ in 0..n_chars {
            if let Some(c) = source.next() {
                reversed.push(*c);
            }
        }
        for _ in n_chars..len {
            reversed.push('0');
        }
        *remaining -= n_chars;
    };

    if let Some((sep, group)) = separator {
        let mut first = true;
        loop {
            let len = group.min(remaining.max(min_width.max(1) as usize).max(1));
            if !first {
                reversed.push(sep);
            }
            first = false;
            push_group(&mut reversed, len, &mut remaining);
            min_width -= len as i128;
            if remaining == 0 && min_width <= 0 {
                break;
            }
            min_width -= 1; // the separator's width
        }
    } else {
        let len = remaining.max(min_width.max(1) as usize);
        push_group(&mut reversed, len, &mut remaining);
    }
    let mut out = String::new();
    reserve(&mut out, Some(reversed.iter().map(|c| c.len_utf8()).sum()))?;
    out.extend(reversed.iter().rev());
    Ok(out)
}
// ANCHOR_END: insert_thousands_grouping
