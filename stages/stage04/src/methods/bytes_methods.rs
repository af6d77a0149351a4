//! The methods of `bytes` (`Objects/bytesobject.c`, `bytes_methods`, and
//! `Objects/bytes_methods.c`, which `bytearray` shares in CPython).
//!
//! They are the str methods on bytes: positions are byte indexes, the
//! character tests and case changes know ASCII only (`b'\xe9'.upper()` is
//! itself), and whitespace is the six ASCII spaces of `Py_ISSPACE`. The ways
//! of parsing arguments are shared with `str_methods`.

use super::str_methods::{
    clinic_type_name, codec, collect_joined, int_arg, keyword_arguments, no_arguments,
    one_argument, optional_str, positional_only, ssize_arg, start_end, varargs, Codec, Strip,
};
use super::MethodDef;
use crate::exc::{ExcType, Exception, PyResult};
use crate::int::Int;
use crate::value::{ops, Tuple, Value};
use crate::vm::{Keywords, RunError, Vm};

/// What a method returns.
type MethodResult = Result<Value, RunError>;

// ANCHOR: bytes_methods
/// `bytes`'s method table.
#[rustfmt::skip]
pub static BYTES_METHODS: [MethodDef; 39] = [
    MethodDef { name: "capitalize", call: capitalize },
    MethodDef { name: "center", call: center },
    MethodDef { name: "count", call: count },
    MethodDef { name: "decode", call: decode },
    MethodDef { name: "endswith", call: endswith },
    MethodDef { name: "find", call: find },
    MethodDef { name: "fromhex", call: fromhex },
    MethodDef { name: "hex", call: hex },
    MethodDef { name: "index", call: index },
    MethodDef { name: "isalnum", call: isalnum },
    MethodDef { name: "isalpha", call: isalpha },
    MethodDef { name: "isascii", call: isascii },
    MethodDef { name: "isdigit", call: isdigit },
    MethodDef { name: "islower", call: islower },
    MethodDef { name: "isspace", call: isspace },
    MethodDef { name: "istitle", call: istitle },
    MethodDef { name: "isupper", call: isupper },
    MethodDef { name: "join", call: join },
    MethodDef { name: "ljust", call: ljust },
    MethodDef { name: "lower", call: lower },
    MethodDef { name: "lstrip", call: lstrip },
    MethodDef { name: "partition", call: partition },
    MethodDef { name: "replace", call: replace },
    MethodDef { name: "removeprefix", call: removeprefix },
    MethodDef { name: "removesuffix", call: removesuffix },
    MethodDef { name: "rfind", call: rfind },
    MethodDef { name: "rindex", call: rindex },
    MethodDef { name: "rjust", call: rjust },
    MethodDef { name: "rpartition", call: rpartition },
    MethodDef { name: "rsplit", call: rsplit },
    MethodDef { name: "rstrip", call: rstrip },
    MethodDef { name: "split", call: split },
    MethodDef { name: "splitlines", call: splitlines },
    MethodDef { name: "startswith", call: startswith },
    MethodDef { name: "strip", call: strip },
    MethodDef { name: "swapcase", call: swapcase },
    MethodDef { name: "title", call: title },
    MethodDef { name: "upper", call: upper },
    MethodDef { name: "zfill", call: zfill },
];
// ANCHOR_END: bytes_methods

// ---------------------------------------------------------------------------
// Arguments and results.

/// `self`, as bytes.
fn bytes_of<'a>(this: &'a Value, method: &str) -> Result<&'a [u8], RunError> {
    match this {
        Value::Bytes(bytes) => Ok(bytes),
        other => Err(Exception::type_error(format!(
            "descriptor '{method}' requires a 'bytes' object but received a '{}'",
            other.type_name()
        ))
        .into()),
    }
}

/// A bytes argument (`PyObject_GetBuffer`): `TypeError: a bytes-like object
/// is required, not 'str'`.
fn bytes_arg(value: &Value) -> PyResult<&[u8]> {
    match value {
        Value::Bytes(bytes) => Ok(bytes),
        other => Err(Exception::type_error(format!(
            "a bytes-like object is required, not '{}'",
            other.type_name()
        ))),
    }
}

/// What `find`, `count` and `index` look for (`_Py_bytes_find` and its
/// `parse_args_finds_byte`): bytes, or an int that is one byte.
fn needle_arg(value: &Value) -> PyResult<Vec<u8>> {
    match value {
        Value::Bytes(bytes) => Ok(bytes.to_vec()),
        Value::Bool(b) => Ok(vec![u8::from(*b)]),
        Value::Int(i) => match i.to_i64().and_then(|n| u8::try_from(n).ok()) {
            Some(byte) => Ok(vec![byte]),
            None => Err(Exception::value_error("byte must be in range(0, 256)")),
        },
        other => Err(Exception::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            other.type_name()
        ))),
    }
}

/// A bytes value, with `MemoryError` when it cannot be allocated.
fn new_bytes(bytes: &[u8]) -> MethodResult {
    Ok(ops::new_bytes(bytes)?)
}

/// A list of bytes values.
fn bytes_list(parts: Vec<&[u8]>) -> Value {
    crate::list::new_value(
        parts
            .into_iter()
            .map(|part| Value::Bytes(part.into()))
            .collect(),
    )
}

fn int_value(n: usize) -> Value {
    Value::Int(Int::from_i64(i64::try_from(n).unwrap_or(i64::MAX)))
}

/// `Py_ISSPACE`: the ASCII whitespace of bytes methods (with `\x0b`, which
/// Rust's `is_ascii_whitespace` leaves out).
fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

// ---------------------------------------------------------------------------
// Searching (`Objects/stringlib/fastsearch.h`).

/// The index of the first `needle` in `haystack`; the empty needle is found
/// at 0.
fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The index of the last `needle` in `haystack`; the empty needle is found
/// at the end.
fn rfind_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(haystack.len());
    }
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

/// Where the first `limit` occurrences of `needle` that do not overlap
/// start; the empty needle is found before every byte and at the end.
fn occurrences(haystack: &[u8], needle: &[u8], limit: usize) -> Vec<usize> {
    if needle.is_empty() {
        return (0..=haystack.len()).take(limit).collect();
    }
    let mut found = Vec::new();
    let mut from = 0;
    while found.len() < limit {
        let Some(at) = find_bytes(&haystack[from..], needle) else {
            break;
        };
        found.push(from + at);
        from += at + needle.len();
    }
    found
}

/// The needle and the range of `find`, `index` and `count`:
/// `(sub[, start[, end]])`, with `start > end` for an empty range.
fn search_arguments(
    qualname: &str,
    bytes: &[u8],
    args: &[Value],
    keywords: &Keywords,
) -> Result<(Vec<u8>, usize, usize), RunError> {
    varargs(qualname, args, keywords, 1, 3)?;
    let (start, end) = start_end(&args[1..], bytes.len())?;
    let needle = needle_arg(&args[0])?;
    Ok((needle, start, end))
}

/// `find`, `rfind`, `index` and `rindex` (`_Py_bytes_find`, …).
fn do_find(
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
    name: &str,
    from_right: bool,
    raise: bool,
) -> MethodResult {
    let bytes = bytes_of(this, name)?;
    let (needle, start, end) = search_arguments(&format!("bytes.{name}"), bytes, args, keywords)?;
    let found = if start > end {
        None
    } else if from_right {
        rfind_bytes(&bytes[start..end], &needle)
    } else {
        find_bytes(&bytes[start..end], &needle)
    };
    match found {
        Some(at) => Ok(int_value(start + at)),
        None if raise => Err(Exception::value_error("subsection not found").into()),
        None => Ok(Value::Int(Int::from_i64(-1))),
    }
}

/// `bytes.find(sub[, start[, end]])`.
fn find(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_find(this, args, keywords, "find", false, false)
}

/// `bytes.rfind(sub[, start[, end]])`.
fn rfind(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_find(this, args, keywords, "rfind", true, false)
}

/// `bytes.index(sub[, start[, end]])`: `find` that raises.
fn index(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_find(this, args, keywords, "index", false, true)
}

/// `bytes.rindex(sub[, start[, end]])`.
fn rindex(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_find(this, args, keywords, "rindex", true, true)
}

/// `bytes.count(sub[, start[, end]])` (`_Py_bytes_count`): occurrences
/// that do not overlap.
fn count(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let bytes = bytes_of(this, "count")?;
    let (needle, start, end) = search_arguments("bytes.count", bytes, args, keywords)?;
    if start > end {
        return Ok(int_value(0));
    }
    Ok(int_value(
        occurrences(&bytes[start..end], &needle, usize::MAX).len(),
    ))
}

/// `bytes.startswith(prefix[, start[, end]])` (`_Py_bytes_startswith`).
fn startswith(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_tailmatch(this, args, keywords, "startswith", <[u8]>::starts_with)
}

/// `bytes.endswith(suffix[, start[, end]])` (`_Py_bytes_endswith`).
fn endswith(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_tailmatch(this, args, keywords, "endswith", <[u8]>::ends_with)
}

/// `startswith` and `endswith` (`_Py_bytes_tailmatch`): bytes or a tuple
/// of them, any of which may match.
fn do_tailmatch(
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
    name: &str,
    matches: fn(&[u8], &[u8]) -> bool,
) -> MethodResult {
    varargs(&format!("bytes.{name}"), args, keywords, 1, 3)?;
    let bytes = bytes_of(this, name)?;
    let (start, end) = start_end(&args[1..], bytes.len())?;
    let part = (start <= end).then(|| &bytes[start..end]);
    let matches_one = |affix: &[u8]| part.is_some_and(|part| matches(part, affix));
    let found = match &args[0] {
        Value::Tuple(choices) => {
            let mut found = false;
            for choice in choices.iter() {
                if matches_one(bytes_arg(choice)?) {
                    found = true;
                    break;
                }
            }
            found
        }
        Value::Bytes(affix) => matches_one(affix),
        other => {
            return Err(Exception::type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                other.type_name()
            ))
            .into())
        }
    };
    Ok(Value::Bool(found))
}

// ---------------------------------------------------------------------------
// Splitting and joining (`Objects/stringlib/split.h`).

/// The `sep` and `maxsplit` of `split` and `rsplit`: `None` for whitespace,
/// `usize::MAX` for no limit.
fn split_arguments<'a>(
    name: &str,
    args: &'a [Value],
    keywords: &'a Keywords,
) -> Result<(Option<&'a [u8]>, usize), RunError> {
    let [sep, maxsplit] = keyword_arguments(name, args, keywords, ["sep", "maxsplit"])?;
    let maxsplit = match maxsplit {
        None => usize::MAX,
        Some(value) => usize::try_from(ssize_arg(value)?).unwrap_or(usize::MAX),
    };
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(value) => Some(bytes_arg(value)?),
    };
    if sep.is_some_and(<[u8]>::is_empty) {
        return Err(Exception::value_error("empty separator").into());
    }
    Ok((sep, maxsplit))
}

/// `bytes.split(sep=None, maxsplit=-1)` (`bytes_split_impl`).
fn split(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let (sep, maxsplit) = split_arguments("split", args, keywords)?;
    let bytes = bytes_of(this, "split")?;
    Ok(bytes_list(match sep {
        None => split_whitespace(bytes, maxsplit),
        Some(sep) => split_on(bytes, sep, maxsplit),
    }))
}

/// `bytes.rsplit(sep=None, maxsplit=-1)` (`bytes_rsplit_impl`).
fn rsplit(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let (sep, maxsplit) = split_arguments("rsplit", args, keywords)?;
    let bytes = bytes_of(this, "rsplit")?;
    let mut parts = match sep {
        None => rsplit_whitespace(bytes, maxsplit),
        Some(sep) => rsplit_on(bytes, sep, maxsplit),
    };
    parts.reverse();
    Ok(bytes_list(parts))
}

/// `split`: the parts between the first `maxsplit` separators.
fn split_on<'a>(bytes: &'a [u8], sep: &[u8], maxsplit: usize) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut rest = bytes;
    while parts.len() < maxsplit {
        let Some(at) = find_bytes(rest, sep) else {
            break;
        };
        parts.push(&rest[..at]);
        rest = &rest[at + sep.len()..];
    }
    parts.push(rest);
    parts
}

/// `rsplit`: [`split_on`] from the right, the parts last first.
fn rsplit_on<'a>(bytes: &'a [u8], sep: &[u8], maxsplit: usize) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut rest = bytes;
    while parts.len() < maxsplit {
        let Some(at) = rfind_bytes(rest, sep) else {
            break;
        };
        parts.push(&rest[at + sep.len()..]);
        rest = &rest[..at];
    }
    parts.push(rest);
    parts
}

/// `split_whitespace`: the runs of non-whitespace, at most `maxsplit` of
/// them, and then the rest without its leading whitespace.
fn split_whitespace(bytes: &[u8], maxsplit: usize) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = trim(bytes, Strip::Left, is_space);
    while !rest.is_empty() {
        if parts.len() == maxsplit {
            parts.push(rest);
            break;
        }
        let end = rest.iter().position(|&b| is_space(b)).unwrap_or(rest.len());
        parts.push(&rest[..end]);
        rest = trim(&rest[end..], Strip::Left, is_space);
    }
    parts
}

/// `rsplit_whitespace`: [`split_whitespace`] from the right, last first.
fn rsplit_whitespace(bytes: &[u8], maxsplit: usize) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = trim(bytes, Strip::Right, is_space);
    while !rest.is_empty() {
        if parts.len() == maxsplit {
            parts.push(rest);
            break;
        }
        let start = rest
            .iter()
            .rposition(|&b| is_space(b))
            .map_or(0, |at| at + 1);
        parts.push(&rest[start..]);
        rest = trim(&rest[..start], Strip::Right, is_space);
    }
    parts
}

/// `bytes.splitlines(keepends=False)`: lines end at `\n`, `\r` or `\r\n`.
fn splitlines(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let [keepends] = keyword_arguments("splitlines", args, keywords, ["keepends"])?;
    let keepends = match keepends {
        Some(value) => int_arg(value)? != 0,
        None => false,
    };
    let mut lines = Vec::new();
    let mut rest = bytes_of(this, "splitlines")?;
    while !rest.is_empty() {
        let Some(at) = rest.iter().position(|&b| b == b'\n' || b == b'\r') else {
            lines.push(rest);
            break;
        };
        let break_len = if rest[at..].starts_with(b"\r\n") {
            2
        } else {
            1
        };
        lines.push(&rest[..if keepends { at + break_len } else { at }]);
        rest = &rest[at + break_len..];
    }
    Ok(bytes_list(lines))
}

/// `bytes.join(iterable_of_bytes)` (`stringlib/join.h`).
fn join(vm: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let iterable = one_argument("bytes.join", args, keywords)?;
    let sep = bytes_of(this, "join")?;
    let items = collect_joined(vm, iterable)?;
    let mut size = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (index, item) in items.iter().enumerate() {
        let Value::Bytes(bytes) = item else {
            return Err(Exception::type_error(format!(
                "sequence item {index}: expected a bytes-like object, {} found",
                item.type_name()
            ))
            .into());
        };
        size = size.saturating_add(bytes.len());
    }
    let mut joined = Vec::new();
    ops::reserve(&mut joined, size)?;
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            joined.extend_from_slice(sep);
        }
        if let Value::Bytes(bytes) = item {
            joined.extend_from_slice(bytes);
        }
    }
    new_bytes(&joined)
}

/// `bytes.partition(sep, /)`.
fn partition(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let sep = separator(one_argument("bytes.partition", args, keywords)?)?;
    let bytes = bytes_of(this, "partition")?;
    Ok(match find_bytes(bytes, sep) {
        Some(at) => three(&bytes[..at], sep, &bytes[at + sep.len()..]),
        None => three(bytes, b"", b""),
    })
}

/// `bytes.rpartition(sep, /)`.
fn rpartition(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let sep = separator(one_argument("bytes.rpartition", args, keywords)?)?;
    let bytes = bytes_of(this, "rpartition")?;
    Ok(match rfind_bytes(bytes, sep) {
        Some(at) => three(&bytes[..at], sep, &bytes[at + sep.len()..]),
        None => three(b"", b"", bytes),
    })
}

/// The separator of `partition`: bytes, not empty.
fn separator(value: &Value) -> PyResult<&[u8]> {
    let sep = bytes_arg(value)?;
    if sep.is_empty() {
        return Err(Exception::value_error("empty separator"));
    }
    Ok(sep)
}

fn three(a: &[u8], b: &[u8], c: &[u8]) -> Value {
    let part = |bytes: &[u8]| Value::Bytes(bytes.into());
    Value::Tuple(Tuple::from(vec![part(a), part(b), part(c)]))
}

// ---------------------------------------------------------------------------
// Stripping and replacing.

/// `bytes.strip(bytes=None, /)` (`bytes_strip_impl`).
fn strip(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_strip(this, args, keywords, "strip", Strip::Both)
}

/// `bytes.lstrip(bytes=None, /)`.
fn lstrip(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_strip(this, args, keywords, "lstrip", Strip::Left)
}

/// `bytes.rstrip(bytes=None, /)`.
fn rstrip(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_strip(this, args, keywords, "rstrip", Strip::Right)
}

/// `do_argstrip`: ASCII whitespace, or the bytes of the argument, off one
/// end or both.
fn do_strip(
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
    name: &str,
    ends: Strip,
) -> MethodResult {
    positional_only(&format!("bytes.{name}"), args, keywords, 0, 1)?;
    let chars = match args.first() {
        None | Some(Value::None) => None,
        Some(value) => Some(bytes_arg(value)?),
    };
    let bytes = bytes_of(this, name)?;
    let stripped = match chars {
        None => trim(bytes, ends, is_space),
        Some(chars) => trim(bytes, ends, |b| chars.contains(&b)),
    };
    if stripped.len() == bytes.len() {
        return Ok(this.clone());
    }
    new_bytes(stripped)
}

/// `bytes` without the bytes `strips` is true of at the `ends`.
fn trim(bytes: &[u8], ends: Strip, strips: impl Fn(u8) -> bool) -> &[u8] {
    let mut start = 0;
    let mut end = bytes.len();
    if ends != Strip::Right {
        while start < end && strips(bytes[start]) {
            start += 1;
        }
    }
    if ends != Strip::Left {
        while end > start && strips(bytes[end - 1]) {
            end -= 1;
        }
    }
    &bytes[start..end]
}

/// `bytes.replace(old, new, count=-1, /)` (`stringlib/transmogrify.h`).
fn replace(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    positional_only("bytes.replace", args, keywords, 2, 3)?;
    let old = bytes_arg(&args[0])?;
    let new = bytes_arg(&args[1])?;
    let count = match args.get(2) {
        Some(count) => usize::try_from(ssize_arg(count)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let bytes = bytes_of(this, "replace")?;
    let found = occurrences(bytes, old, count);
    let size = (bytes.len() - found.len() * old.len())
        .checked_add(found.len().saturating_mul(new.len()))
        .ok_or_else(Exception::memory_error)?;
    let mut replaced = Vec::new();
    ops::reserve(&mut replaced, size)?;
    let mut last = 0;
    for at in found {
        replaced.extend_from_slice(&bytes[last..at]);
        replaced.extend_from_slice(new);
        last = at + old.len();
    }
    replaced.extend_from_slice(&bytes[last..]);
    new_bytes(&replaced)
}

/// `bytes.removeprefix(prefix, /)`.
fn removeprefix(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let prefix = bytes_arg(one_argument("bytes.removeprefix", args, keywords)?)?;
    let bytes = bytes_of(this, "removeprefix")?;
    match bytes.strip_prefix(prefix) {
        Some(rest) if !prefix.is_empty() => new_bytes(rest),
        _ => Ok(this.clone()),
    }
}

/// `bytes.removesuffix(suffix, /)`.
fn removesuffix(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let suffix = bytes_arg(one_argument("bytes.removesuffix", args, keywords)?)?;
    let bytes = bytes_of(this, "removesuffix")?;
    match bytes.strip_suffix(suffix) {
        Some(rest) if !suffix.is_empty() => new_bytes(rest),
        _ => Ok(this.clone()),
    }
}

// ---------------------------------------------------------------------------
// ASCII case and character tests (`Objects/bytes_methods.c`).

/// A method that maps each byte (`upper`, `lower`, `swapcase`).
fn map_bytes(
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
    name: &str,
    map: fn(u8) -> u8,
) -> MethodResult {
    no_arguments(&format!("bytes.{name}"), args, keywords)?;
    let mapped: Vec<u8> = bytes_of(this, name)?.iter().map(|&b| map(b)).collect();
    new_bytes(&mapped)
}

/// `bytes.upper()` (`_Py_bytes_upper`).
fn upper(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    map_bytes(this, args, keywords, "upper", |b| b.to_ascii_uppercase())
}

/// `bytes.lower()` (`_Py_bytes_lower`).
fn lower(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    map_bytes(this, args, keywords, "lower", |b| b.to_ascii_lowercase())
}

/// `bytes.swapcase()` (`_Py_bytes_swapcase`).
fn swapcase(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    map_bytes(this, args, keywords, "swapcase", |b| {
        if b.is_ascii_uppercase() {
            b.to_ascii_lowercase()
        } else {
            b.to_ascii_uppercase()
        }
    })
}

/// `bytes.capitalize()` (`_Py_bytes_capitalize`): the first byte
/// uppercased, the others lowercased.
fn capitalize(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("bytes.capitalize", args, keywords)?;
    let mut capitalized = bytes_of(this, "capitalize")?.to_ascii_lowercase();
    if let Some(first) = capitalized.first_mut() {
        first.make_ascii_uppercase();
    }
    new_bytes(&capitalized)
}

/// `bytes.title()` (`_Py_bytes_title`): a letter after a letter is
/// lowercased, any other letter uppercased.
fn title(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("bytes.title", args, keywords)?;
    let mut titled = bytes_of(this, "title")?.to_vec();
    let mut previous_is_cased = false;
    for b in titled.iter_mut() {
        if previous_is_cased {
            b.make_ascii_lowercase();
        } else {
            b.make_ascii_uppercase();
        }
        previous_is_cased = b.is_ascii_alphabetic();
    }
    new_bytes(&titled)
}

/// A method that is true when the bytes are not empty and `test` holds for
/// every byte (`isalpha`, `isdigit`, `isspace`, `isalnum`).
fn all_bytes(
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
    name: &str,
    test: fn(u8) -> bool,
) -> MethodResult {
    no_arguments(&format!("bytes.{name}"), args, keywords)?;
    let bytes = bytes_of(this, name)?;
    Ok(Value::Bool(
        !bytes.is_empty() && bytes.iter().all(|&b| test(b)),
    ))
}

/// `bytes.isalpha()`.
fn isalpha(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    all_bytes(this, args, keywords, "isalpha", |b| b.is_ascii_alphabetic())
}

/// `bytes.isalnum()`.
fn isalnum(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    all_bytes(this, args, keywords, "isalnum", |b| {
        b.is_ascii_alphanumeric()
    })
}

/// `bytes.isdigit()`.
fn isdigit(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    all_bytes(this, args, keywords, "isdigit", |b| b.is_ascii_digit())
}

/// `bytes.isspace()`.
fn isspace(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    all_bytes(this, args, keywords, "isspace", is_space)
}

/// `bytes.isascii()`: true for empty bytes too.
fn isascii(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("bytes.isascii", args, keywords)?;
    Ok(Value::Bool(bytes_of(this, "isascii")?.is_ascii()))
}

/// `bytes.islower()`: a lowercase letter and no uppercase one.
fn islower(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("bytes.islower", args, keywords)?;
    let bytes = bytes_of(this, "islower")?;
    Ok(Value::Bool(
        bytes.iter().any(u8::is_ascii_lowercase) && !bytes.iter().any(u8::is_ascii_uppercase),
    ))
}

/// `bytes.isupper()`: an uppercase letter and no lowercase one.
fn isupper(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("bytes.isupper", args, keywords)?;
    let bytes = bytes_of(this, "isupper")?;
    Ok(Value::Bool(
        bytes.iter().any(u8::is_ascii_uppercase) && !bytes.iter().any(u8::is_ascii_lowercase),
    ))
}

/// `bytes.istitle()` (`_Py_bytes_istitle`): each run of letters starts
/// with its only uppercase letter, and there is a letter.
fn istitle(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("bytes.istitle", args, keywords)?;
    let mut cased = false;
    let mut previous_is_cased = false;
    for b in bytes_of(this, "istitle")? {
        if b.is_ascii_uppercase() {
            if previous_is_cased {
                return Ok(Value::Bool(false));
            }
            previous_is_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !previous_is_cased {
                return Ok(Value::Bool(false));
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

// ---------------------------------------------------------------------------
// Padding.

/// `bytes.center(width, fillchar=b' ', /)`.
fn center(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    pad_method(this, args, keywords, "center", |margin, width| {
        let left = margin / 2 + (margin & width & 1);
        (left, margin - left)
    })
}

/// `bytes.ljust(width, fillchar=b' ', /)`.
fn ljust(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    pad_method(this, args, keywords, "ljust", |margin, _| (0, margin))
}

/// `bytes.rjust(width, fillchar=b' ', /)`.
fn rjust(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    pad_method(this, args, keywords, "rjust", |margin, _| (margin, 0))
}

/// `center`, `ljust` and `rjust`: `split` divides the margin into the
/// bytes left and right of the text.
fn pad_method(
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
    name: &str,
    split: fn(usize, usize) -> (usize, usize),
) -> MethodResult {
    positional_only(&format!("bytes.{name}"), args, keywords, 1, 2)?;
    let width = usize::try_from(ssize_arg(&args[0])?).unwrap_or(0);
    let fill = match args.get(1) {
        Some(Value::Bytes(fill)) if fill.len() == 1 => fill[0],
        Some(other) => {
            return Err(Exception::type_error(format!(
                "{name}() argument 2 must be a byte string of length 1, not {}",
                clinic_type_name(other)
            ))
            .into())
        }
        None => b' ',
    };
    let bytes = bytes_of(this, name)?;
    if bytes.len() >= width {
        return Ok(this.clone());
    }
    let (left, right) = split(width - bytes.len(), width);
    new_bytes(&pad(bytes, left, right, fill)?)
}

/// `left` fill bytes, the bytes, `right` fill bytes.
fn pad(bytes: &[u8], left: usize, right: usize, fill: u8) -> PyResult<Vec<u8>> {
    let mut padded = Vec::new();
    ops::reserve(&mut padded, left + bytes.len() + right)?;
    padded.resize(left, fill);
    padded.extend_from_slice(bytes);
    padded.resize(left + bytes.len() + right, fill);
    Ok(padded)
}

/// `bytes.zfill(width, /)`: zeros on the left, after a leading sign.
fn zfill(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let width = one_argument("bytes.zfill", args, keywords)?;
    let width = usize::try_from(ssize_arg(width)?).unwrap_or(0);
    let bytes = bytes_of(this, "zfill")?;
    if bytes.len() >= width {
        return Ok(this.clone());
    }
    let fill = width - bytes.len();
    let mut filled = pad(bytes, fill, 0, b'0')?;
    if let Some(&sign @ (b'+' | b'-')) = bytes.first() {
        filled[0] = sign;
        filled[fill] = b'0';
    }
    new_bytes(&filled)
}

// ---------------------------------------------------------------------------
// Hexadecimal (`Python/pystrhex.c`, `_PyBytes_FromHex`).

/// `bytes.hex(sep=<unrepresentable>, bytes_per_sep=1)` (`_Py_strhex_impl`):
/// two hex digits a byte, and a separator between groups of
/// `bytes_per_sep` bytes, counted from the right (from the left when
/// negative).
fn hex(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let [sep, group] = keyword_arguments("hex", args, keywords, ["sep", "bytes_per_sep"])?;
    let group = match group {
        Some(value) => int_arg(value)?,
        None => 1,
    };
    let sep = sep.map(hex_separator).transpose()?;
    let bytes = bytes_of(this, "hex")?;
    let size = usize::from(group != 0 && sep.is_some())
        .saturating_add(2)
        .saturating_mul(bytes.len());
    let mut hex = String::new();
    ops::reserve_str(&mut hex, size)?;
    let n = usize::try_from(group.unsigned_abs()).unwrap_or(usize::MAX);
    for (i, byte) in bytes.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0 && n > 0) {
            let counted = if group > 0 { bytes.len() - i } else { i };
            if counted % n == 0 {
                hex.push(sep);
            }
        }
        hex.push_str(&format!("{byte:02x}"));
    }
    Ok(ops::new_str(&hex)?)
}

/// The separator of `hex`: one ASCII character, as a str or bytes.
fn hex_separator(value: &Value) -> PyResult<char> {
    let Some(len) = value.size() else {
        return Err(Exception::type_error(format!(
            "object of type '{}' has no len()",
            value.type_name()
        )));
    };
    if len != 1 {
        return Err(Exception::value_error("sep must be length 1."));
    }
    let sep = match value {
        Value::Str(text) => text.chars().next(),
        Value::Bytes(bytes) => bytes.first().map(|&b| char::from(b)),
        _ => return Err(Exception::type_error("sep must be str or bytes.")),
    };
    match sep {
        Some(c) if c.is_ascii() => Ok(c),
        _ => Err(Exception::value_error("sep must be ASCII.")),
    }
}

/// `bytes.fromhex(string, /)` (`_PyBytes_FromHex`): two hex digits a byte,
/// with whitespace allowed between bytes. It is a class method: `self`,
/// `bytes` itself or a bytes object, is not used.
fn fromhex(_: &mut dyn Vm, _this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let string = one_argument("bytes.fromhex", args, keywords)?;
    let Value::Str(text) = string else {
        return Err(Exception::type_error(format!(
            "fromhex() argument must be str, not {}",
            string.type_name()
        ))
        .into());
    };
    if let Some(position) = text.chars().position(|c| !c.is_ascii()) {
        return Err(non_hexadecimal(position).into());
    }
    let digits = text.as_bytes();
    let digit = |i: usize| digits.get(i).and_then(|&b| char::from(b).to_digit(16));
    let mut bytes = Vec::new();
    let mut i = 0;
    while i < digits.len() {
        if is_space(digits[i]) {
            i += 1;
            continue;
        }
        let high = digit(i).ok_or_else(|| non_hexadecimal(i))?;
        let low = digit(i + 1).ok_or_else(|| non_hexadecimal(i + 1))?;
        bytes.extend(u8::try_from(high * 16 + low).ok());
        i += 2;
    }
    new_bytes(&bytes)
}

/// `ValueError: non-hexadecimal number found in fromhex() arg at position 1`.
fn non_hexadecimal(position: usize) -> Exception {
    Exception::value_error(format!(
        "non-hexadecimal number found in fromhex() arg at position {position}"
    ))
}

// ---------------------------------------------------------------------------
// Decoding (`bytes_decode_impl`, `Objects/unicodeobject.c`).

/// `bytes.decode(encoding='utf-8', errors='strict')`: UTF-8, Latin-1 and
/// ASCII, with the error handlers `strict`, `ignore`, `replace` and
/// `backslashreplace`.
fn decode(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let [encoding, errors] = keyword_arguments("decode", args, keywords, ["encoding", "errors"])?;
    let encoding = optional_str(encoding, "decode", "encoding")?.unwrap_or("utf-8");
    let errors = optional_str(errors, "decode", "errors")?.unwrap_or("strict");
    let bytes = bytes_of(this, "decode")?;
    if bytes.is_empty() {
        // `PyUnicode_Decode` answers before it looks the codec up.
        return Ok(Value::str(""));
    }
    let codec = codec(encoding)?;
    let text = match codec {
        Codec::Utf8 => decode_utf8(bytes, errors)?,
        Codec::Latin1 => bytes.iter().map(|&b| char::from(b)).collect(),
        Codec::Ascii => decode_ascii(bytes, errors)?,
    };
    Ok(ops::new_str(&text)?)
}

/// The UTF-8 decoder (`unicode_decode_utf8`): each maximal invalid
/// sequence, as Rust's `utf8_chunks` finds them, goes to the error handler.
fn decode_utf8(bytes: &[u8], errors: &str) -> Result<String, RunError> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let mut text = String::new();
    let mut position = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        position += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            let reason = utf8_error_reason(&bytes[position..]);
            decode_error(&mut text, bad, position, Codec::Utf8, reason, errors)?;
            position += bad.len();
        }
    }
    Ok(text)
}

/// Why the UTF-8 at the start of `rest` is invalid, in CPython's words.
fn utf8_error_reason(rest: &[u8]) -> &'static str {
    let truncated = std::str::from_utf8(rest).is_err_and(|error| error.error_len().is_none());
    match rest.first() {
        _ if truncated => "unexpected end of data",
        Some(0x80..=0xC1 | 0xF5..=0xFF) => "invalid start byte",
        _ => "invalid continuation byte",
    }
}

/// The ASCII decoder: each byte past 127 goes to the error handler.
fn decode_ascii(bytes: &[u8], errors: &str) -> Result<String, RunError> {
    let mut text = String::new();
    for (position, &byte) in bytes.iter().enumerate() {
        if byte.is_ascii() {
            text.push(char::from(byte));
        } else {
            let reason = "ordinal not in range(128)";
            decode_error(&mut text, &[byte], position, Codec::Ascii, reason, errors)?;
        }
    }
    Ok(text)
}

/// What an error handler makes of bytes the codec cannot decode.
fn decode_error(
    out: &mut String,
    bad: &[u8],
    position: usize,
    codec: Codec,
    reason: &str,
    errors: &str,
) -> Result<(), RunError> {
    match errors {
        "strict" => Err(decode_exception(bad, position, codec, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "backslashreplace" => {
            for byte in bad {
                out.push_str(&format!("\\x{byte:02x}"));
            }
            Ok(())
        }
        "surrogateescape" | "surrogatepass" => Err(RunError::not_implemented(
            format!("the '{errors}' error handler"),
            None,
        )),
        _ => Err(Exception::new(
            ExcType::LookupError,
            format!("unknown error handler name '{errors}'"),
        )
        .into()),
    }
}

/// CPython raises `UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff
/// in position 0: invalid start byte` (`UnicodeDecodeError_str`), a class
/// the workbook's exceptions do not have yet: the run stops with a limit
/// that quotes the message.
fn decode_exception(bad: &[u8], position: usize, codec: Codec, reason: &str) -> RunError {
    let what = match bad {
        [byte] => format!("byte 0x{byte:02x} in position {position}"),
        _ => format!("bytes in position {position}-{}", position + bad.len() - 1),
    };
    let message = format!("'{}' codec can't decode {what}: {reason}", codec.name());
    RunError::not_implemented(format!("raising UnicodeDecodeError ({message})"), None)
}
