//! The methods of `str` (`Objects/unicodeobject.c`, `unicode_methods`, and
//! the search and split algorithms of `Objects/stringlib/`).
//!
//! A Rust `str` is UTF-8 and indexed by byte; a Python `str` is indexed by
//! code point. So `find` returns a code-point index, and the `start` and
//! `end` arguments of `find`, `count` or `startswith` are code-point
//! positions, turned into byte offsets here (`byte_offset`) before Rust's
//! searches run on the bytes.
//!
//! A str holding a lone surrogate (`Value::SurrogateStr`) is no Rust `str`:
//! only `encode` takes one (and refuses it, as CPython's UTF-8 codec does);
//! every other method stops with a limit of the workbook (`surrogate_limit`).
//!
//! The character tests and case mappings follow CPython 3.11, whose Unicode
//! is 14.0: the tables CPython's own functions read where Rust's standard
//! library has no equivalent are at the end of the file (`mod unicode`).

use std::borrow::Cow;

use super::MethodDef;
use crate::exc::{ExcType, Exception, PyResult};
use crate::int::Int;
use crate::value::{ops, Tuple, Value};
use crate::vm::{Keywords, RunError, Vm};

/// What a method returns.
type MethodResult = Result<Value, RunError>;

// ANCHOR: str_methods
/// `str`'s method table.
#[rustfmt::skip]
pub static STR_METHODS: [MethodDef; 46] = [
    MethodDef { name: "encode", call: encode },
    MethodDef { name: "replace", call: replace },
    MethodDef { name: "split", call: split },
    MethodDef { name: "rsplit", call: rsplit },
    MethodDef { name: "join", call: join },
    MethodDef { name: "capitalize", call: capitalize },
    MethodDef { name: "casefold", call: casefold },
    MethodDef { name: "title", call: title },
    MethodDef { name: "center", call: center },
    MethodDef { name: "count", call: count },
    MethodDef { name: "expandtabs", call: expandtabs },
    MethodDef { name: "find", call: find },
    MethodDef { name: "partition", call: partition },
    MethodDef { name: "index", call: index },
    MethodDef { name: "ljust", call: ljust },
    MethodDef { name: "lower", call: lower },
    MethodDef { name: "lstrip", call: lstrip },
    MethodDef { name: "rfind", call: rfind },
    MethodDef { name: "rindex", call: rindex },
    MethodDef { name: "rjust", call: rjust },
    MethodDef { name: "rstrip", call: rstrip },
    MethodDef { name: "rpartition", call: rpartition },
    MethodDef { name: "splitlines", call: splitlines },
    MethodDef { name: "strip", call: strip },
    MethodDef { name: "swapcase", call: swapcase },
    MethodDef { name: "upper", call: upper },
    MethodDef { name: "startswith", call: startswith },
    MethodDef { name: "endswith", call: endswith },
    MethodDef { name: "removeprefix", call: removeprefix },
    MethodDef { name: "removesuffix", call: removesuffix },
    MethodDef { name: "isascii", call: isascii },
    MethodDef { name: "islower", call: islower },
    MethodDef { name: "isupper", call: isupper },
    MethodDef { name: "istitle", call: istitle },
    MethodDef { name: "isspace", call: isspace },
    MethodDef { name: "isdecimal", call: isdecimal },
    MethodDef { name: "isdigit", call: isdigit },
    MethodDef { name: "isnumeric", call: isnumeric },
    MethodDef { name: "isalpha", call: isalpha },
    MethodDef { name: "isalnum", call: isalnum },
    MethodDef { name: "isidentifier", call: isidentifier },
    MethodDef { name: "isprintable", call: isprintable },
    MethodDef { name: "zfill", call: zfill },
    MethodDef { name: "format", call: format },
    MethodDef { name: "format_map", call: format_map },
    MethodDef { name: "__format__", call: dunder_format },
];
// ANCHOR_END: str_methods

// ---------------------------------------------------------------------------
// Arguments. Built-in methods parse their arguments in one of four ways, and
// each words its errors its own way; `bytes_methods` shares these.

/// A `METH_NOARGS` method: `TypeError: str.upper() takes no arguments (1 given)`.
pub(super) fn no_arguments(qualname: &str, args: &[Value], keywords: &Keywords) -> PyResult<()> {
    super::check_args(qualname, args, keywords, 0, 0)
}

/// The argument of a `METH_O` method: `TypeError: str.join() takes exactly
/// one argument (0 given)`.
pub(super) fn one_argument<'a>(
    qualname: &str,
    args: &'a [Value],
    keywords: &Keywords,
) -> PyResult<&'a Value> {
    super::check_args(qualname, args, keywords, 1, 1)?;
    Ok(&args[0])
}

/// A method whose parameters are positional-only (Argument Clinic's
/// `_PyArg_CheckPositional`): `TypeError: strip expected at most 1
/// argument, got 2`, and `str.strip() takes no keyword arguments`.
pub(super) fn positional_only(
    qualname: &str,
    args: &[Value],
    keywords: &Keywords,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_keywords(qualname, keywords)?;
    let name = short_name(qualname);
    super::check_args(name, args, &Keywords::new(), min, max)
}

/// A `METH_VARARGS` method parsed by `PyArg_ParseTuple` (`find`, `count`,
/// `startswith`): `TypeError: find() takes at least 1 argument (0 given)`.
pub(super) fn varargs(
    qualname: &str,
    args: &[Value],
    keywords: &Keywords,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_keywords(qualname, keywords)?;
    let name = short_name(qualname);
    let n = args.len();
    let message = if n < min {
        format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )
    } else if n > max {
        format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )
    } else {
        return Ok(());
    };
    Err(Exception::type_error(message))
}

/// The arguments of a method that takes keywords, all optional (Argument
/// Clinic's `_PyArg_UnpackKeywords`): one slot per name of `params`.
pub(super) fn keyword_arguments<'a, const N: usize>(
    name: &str,
    args: &'a [Value],
    keywords: &'a Keywords,
    params: [&str; N],
) -> PyResult<[Option<&'a Value>; N]> {
    let given = args.len() + keywords.len();
    if given > N {
        let keyword = if args.is_empty() { "keyword " } else { "" };
        return Err(Exception::type_error(format!(
            "{name}() takes at most {N} {keyword}argument{} ({given} given)",
            plural(N)
        )));
    }
    for (position, param) in params.iter().enumerate().take(args.len()) {
        if keywords.iter().any(|(keyword, _)| **keyword == **param) {
            return Err(Exception::type_error(format!(
                "argument for {name}() given by name ('{param}') and position ({})",
                position + 1
            )));
        }
    }
    let mut slots = [None; N];
    for (slot, arg) in slots.iter_mut().zip(args) {
        *slot = Some(arg);
    }
    for (keyword, value) in keywords {
        let Some(position) = params.iter().position(|param| **param == **keyword) else {
            return Err(Exception::type_error(format!(
                "'{keyword}' is an invalid keyword argument for {name}()"
            )));
        };
        slots[position] = Some(value);
    }
    Ok(slots)
}

/// `TypeError: str.find() takes no keyword arguments`.
fn no_keywords(qualname: &str, keywords: &Keywords) -> PyResult<()> {
    if keywords.is_empty() {
        return Ok(());
    }
    Err(Exception::type_error(format!(
        "{qualname}() takes no keyword arguments"
    )))
}

/// `find` of `str.find`.
fn short_name(qualname: &str) -> &str {
    qualname.rsplit('.').next().unwrap_or(qualname)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A `Py_ssize_t` argument (`PyNumber_AsSsize_t` on `__index__`): an int,
/// `OverflowError` past 64 bits.
pub(super) fn ssize_arg(value: &Value) -> PyResult<i64> {
    match value {
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Int(i) => i.to_i64().ok_or_else(|| {
            Exception::overflow_error("Python int too large to convert to C ssize_t")
        }),
        other => Err(not_an_integer(other)),
    }
}

/// A C `int` argument (`_PyLong_AsInt`).
pub(super) fn int_arg(value: &Value) -> PyResult<i32> {
    let overflow = || Exception::overflow_error("Python int too large to convert to C int");
    match value {
        Value::Bool(b) => Ok(i32::from(*b)),
        Value::Int(i) => i
            .to_i64()
            .and_then(|n| i32::try_from(n).ok())
            .ok_or_else(overflow),
        other => Err(not_an_integer(other)),
    }
}

/// `TypeError: 'str' object cannot be interpreted as an integer`.
fn not_an_integer(value: &Value) -> Exception {
    Exception::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        value.type_name()
    ))
}

/// A `start` or `end` argument (`_PyEval_SliceIndex`): `None` is absent, an
/// int beyond 64 bits is clamped.
fn slice_index(value: Option<&Value>) -> PyResult<Option<i64>> {
    match value {
        None | Some(Value::None) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(i64::from(*b))),
        Some(Value::Int(i)) => Ok(Some(i.to_i64().unwrap_or(if i.is_negative() {
            i64::MIN
        } else {
            i64::MAX
        }))),
        Some(_) => Err(Exception::type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// `ADJUST_INDICES` (`Objects/stringlib/`): `start` and `end` as slice
/// bounds in a sequence of `len` items. `end` is clipped to `len`; `start`
/// is not, so `start > end` says the range is empty.
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let clip = |i: i64| if i < 0 { (i + len).max(0) } else { i };
    let end = end.map_or(len, |end| clip(end).min(len));
    let start = start.map_or(0, clip);
    let as_usize = |i: i64| usize::try_from(i).unwrap_or(0);
    (as_usize(start), as_usize(end))
}

/// The `start` and `end` of `find`, `count` and `startswith`, after the
/// first argument.
pub(super) fn start_end(rest: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let start = slice_index(rest.first())?;
    let end = slice_index(rest.get(1))?;
    Ok(adjust_indices(start, end, len))
}

/// A str argument: `TypeError: must be str, not int`, or where Argument
/// Clinic parses it, with a context (`replace() argument 1 must be str, not
/// int`).
fn str_arg<'a>(value: &'a Value, context: &str) -> Result<&'a str, RunError> {
    match value {
        Value::Str(text) => Ok(text),
        Value::SurrogateStr(_) => Err(surrogate_limit("a str argument")),
        other if context.is_empty() => {
            Err(Exception::type_error(format!("must be str, not {}", other.type_name())).into())
        }
        other => Err(Exception::type_error(format!(
            "{context}must be str, not {}",
            clinic_type_name(other)
        ))
        .into()),
    }
}

/// The type Argument Clinic names when an argument has the wrong one
/// (`_PyArg_BadArgument`): `None` for `None`, not `NoneType`.
pub(super) fn clinic_type_name(value: &Value) -> &'static str {
    match value {
        Value::None => "None",
        other => other.type_name(),
    }
}

/// `self`, as Rust text.
fn text_of<'a>(this: &'a Value, method: &str) -> Result<&'a str, RunError> {
    match this {
        Value::Str(text) => Ok(text),
        Value::SurrogateStr(_) => Err(surrogate_limit(&format!("str.{method}() on a str"))),
        other => Err(Exception::type_error(format!(
            "descriptor '{method}' requires a 'str' object but received a '{}'",
            other.type_name()
        ))
        .into()),
    }
}

/// What the workbook does not do with a str that holds a lone surrogate.
fn surrogate_limit(what: &str) -> RunError {
    RunError::not_implemented(format!("{what} with a lone surrogate"), None)
}

/// A str value, with `MemoryError` when it cannot be allocated.
fn new_str(text: &str) -> MethodResult {
    Ok(ops::new_str(text)?)
}

/// A list of str values.
fn str_list<'a>(parts: impl IntoIterator<Item = &'a str>) -> Value {
    crate::list::new_value(parts.into_iter().map(Value::str).collect())
}

/// An int value.
fn int_value(n: usize) -> Value {
    Value::Int(Int::from_i64(i64::try_from(n).unwrap_or(i64::MAX)))
}

// ---------------------------------------------------------------------------
// Code points and bytes.

/// The number of code points of `text` (`len(s)`).
fn char_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// The byte offset of code point `index` of `text` (its length past the end).
fn byte_offset(text: &str, index: usize) -> usize {
    if text.is_ascii() {
        return index.min(text.len());
    }
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(at, _)| at)
}

/// The code-point index of byte offset `at` of `text`.
fn char_index(text: &str, at: usize) -> usize {
    char_len(&text[..at])
}

/// The part of `text` from code point `start` to `end` (at most its
/// length), with the byte offset where it starts; `None` if `start > end`.
fn window(text: &str, start: usize, end: usize) -> Option<(&str, usize)> {
    if start > end {
        return None;
    }
    let from = byte_offset(text, start);
    let to = byte_offset(text, end);
    Some((&text[from..to], from))
}

// ---------------------------------------------------------------------------
// Splitting and joining (`Objects/stringlib/split.h`).

/// `Py_UNICODE_ISSPACE`: what `split()` and `strip()` take for whitespace.
fn is_space(c: char) -> bool {
    matches!(
        u32::from(c),
        0x09..=0x0D | 0x1C..=0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029
            | 0x202F | 0x205F | 0x3000
    )
}

/// The `sep` and `maxsplit` of `split` and `rsplit` (`unicode_split_impl`):
/// `None` for whitespace, and `usize::MAX` for no limit.
fn split_arguments<'a>(
    name: &str,
    args: &'a [Value],
    keywords: &'a Keywords,
) -> Result<(Option<&'a str>, usize), RunError> {
    let [sep, maxsplit] = keyword_arguments(name, args, keywords, ["sep", "maxsplit"])?;
    let maxsplit = match maxsplit {
        None => usize::MAX,
        Some(value) => usize::try_from(ssize_arg(value)?).unwrap_or(usize::MAX),
    };
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(sep)) if sep.is_empty() => {
            return Err(Exception::value_error("empty separator").into())
        }
        Some(Value::Str(sep)) => Some(&**sep),
        Some(other) => {
            return Err(Exception::type_error(format!(
                "must be str or None, not {}",
                other.type_name()
            ))
            .into())
        }
    };
    Ok((sep, maxsplit))
}

/// `str.split(sep=None, maxsplit=-1)` (`unicode_split_impl`).
fn split(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let (sep, maxsplit) = split_arguments("split", args, keywords)?;
    let text = text_of(this, "split")?;
    Ok(match sep {
        None => str_list(split_whitespace(text, maxsplit)),
        Some(sep) => str_list(text.splitn(maxsplit.saturating_add(1), sep)),
    })
}

/// `str.rsplit(sep=None, maxsplit=-1)` (`unicode_rsplit_impl`).
fn rsplit(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let (sep, maxsplit) = split_arguments("rsplit", args, keywords)?;
    let text = text_of(this, "rsplit")?;
    let mut parts: Vec<&str> = match sep {
        None => rsplit_whitespace(text, maxsplit),
        Some(sep) => text.rsplitn(maxsplit.saturating_add(1), sep).collect(),
    };
    parts.reverse();
    Ok(str_list(parts))
}

/// `split_whitespace` (`stringlib/split.h`): the runs of non-whitespace, at
/// most `maxsplit` of them, and then the rest without its leading
/// whitespace.
fn split_whitespace(text: &str, maxsplit: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text.trim_start_matches(is_space);
    while !rest.is_empty() {
        if parts.len() == maxsplit {
            parts.push(rest);
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        parts.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(is_space);
    }
    parts
}

/// `rsplit_whitespace`: [`split_whitespace`] from the right, the parts last
/// first.
fn rsplit_whitespace(text: &str, maxsplit: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text.trim_end_matches(is_space);
    while !rest.is_empty() {
        if parts.len() == maxsplit {
            parts.push(rest);
            break;
        }
        let start = rest.rfind(is_space).map_or(0, |at| {
            at + rest[at..].chars().next().map_or(1, char::len_utf8)
        });
        parts.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(is_space);
    }
    parts
}

/// `str.splitlines(keepends=False)` (`unicode_splitlines_impl`).
fn splitlines(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let [keepends] = keyword_arguments("splitlines", args, keywords, ["keepends"])?;
    let keepends = match keepends {
        Some(value) => int_arg(value)? != 0,
        None => false,
    };
    let text = text_of(this, "splitlines")?;
    Ok(str_list(split_lines(text, keepends)))
}

/// `STRINGLIB_ISLINEBREAK`: the line boundaries of `str.splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `splitlines` (`stringlib/split.h`): `\r\n` is one line break.
fn split_lines(text: &str, keepends: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(at) = rest.find(is_line_break) else {
            lines.push(rest);
            break;
        };
        let break_len = if rest[at..].starts_with("\r\n") {
            2
        } else {
            rest[at..].chars().next().map_or(1, char::len_utf8)
        };
        let end = if keepends { at + break_len } else { at };
        lines.push(&rest[..end]);
        rest = &rest[at + break_len..];
    }
    lines
}

/// `str.join(iterable)` (`PyUnicode_Join`).
fn join(vm: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let iterable = one_argument("str.join", args, keywords)?;
    let sep = text_of(this, "join")?;
    let items = collect_joined(vm, iterable)?;
    let mut size = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (index, item) in items.iter().enumerate() {
        match item {
            Value::Str(text) => size = size.saturating_add(text.len()),
            Value::SurrogateStr(_) => return Err(surrogate_limit("str.join() of a str")),
            other => {
                return Err(Exception::type_error(format!(
                    "sequence item {index}: expected str instance, {} found",
                    other.type_name()
                ))
                .into())
            }
        }
    }
    let mut joined = String::new();
    ops::reserve_str(&mut joined, size)?;
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            joined.push_str(sep);
        }
        if let Value::Str(text) = item {
            joined.push_str(text);
        }
    }
    new_str(&joined)
}

/// The items to join (`PySequence_Fast(iterable, "can only join an
/// iterable")`): a value that has no iterator is a `TypeError` of its own.
pub(super) fn collect_joined(vm: &mut dyn Vm, iterable: &Value) -> Result<Vec<Value>, RunError> {
    if let Err(error) = crate::iter::get_iter(iterable) {
        if error.kind == ExcType::TypeError {
            return Err(Exception::type_error("can only join an iterable").into());
        }
        return Err(error.into());
    }
    crate::iter::collect(vm, iterable)
}

/// `str.partition(sep)` (`PyUnicode_Partition`).
fn partition(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let sep = separator(one_argument("str.partition", args, keywords)?)?;
    let text = text_of(this, "partition")?;
    Ok(match text.split_once(sep) {
        Some((head, tail)) => three_strs(head, sep, tail),
        None => three_strs(text, "", ""),
    })
}

/// `str.rpartition(sep)` (`PyUnicode_RPartition`).
fn rpartition(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let sep = separator(one_argument("str.rpartition", args, keywords)?)?;
    let text = text_of(this, "rpartition")?;
    Ok(match text.rsplit_once(sep) {
        Some((head, tail)) => three_strs(head, sep, tail),
        None => three_strs("", "", text),
    })
}

/// The separator of `partition`: a str, not empty.
fn separator(value: &Value) -> Result<&str, RunError> {
    let sep = str_arg(value, "")?;
    if sep.is_empty() {
        return Err(Exception::value_error("empty separator").into());
    }
    Ok(sep)
}

fn three_strs(a: &str, b: &str, c: &str) -> Value {
    Value::Tuple(Tuple::from(vec![
        Value::str(a),
        Value::str(b),
        Value::str(c),
    ]))
}

// ---------------------------------------------------------------------------
// Stripping and replacing.

/// `str.strip(chars=None, /)` (`unicode_strip_impl`).
fn strip(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_strip(this, args, keywords, "strip", Strip::Both)
}

/// `str.lstrip(chars=None, /)`.
fn lstrip(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_strip(this, args, keywords, "lstrip", Strip::Left)
}

/// `str.rstrip(chars=None, /)`.
fn rstrip(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_strip(this, args, keywords, "rstrip", Strip::Right)
}

/// Which ends `strip` strips.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Strip {
    Left,
    Right,
    Both,
}

/// `do_argstrip`: whitespace, or the characters of `chars`, off one end or
/// both.
fn do_strip(
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
    name: &str,
    ends: Strip,
) -> MethodResult {
    positional_only(&format!("str.{name}"), args, keywords, 0, 1)?;
    let chars = match args.first() {
        None | Some(Value::None) => None,
        Some(Value::Str(chars)) => Some(&**chars),
        Some(Value::SurrogateStr(_)) => return Err(surrogate_limit("a str argument")),
        Some(_) => {
            return Err(Exception::type_error(format!("{name} arg must be None or str")).into())
        }
    };
    let text = text_of(this, name)?;
    let strips = |c: char| match chars {
        None => is_space(c),
        Some(chars) => chars.contains(c),
    };
    let mut stripped = text;
    if ends != Strip::Right {
        stripped = stripped.trim_start_matches(strips);
    }
    if ends != Strip::Left {
        stripped = stripped.trim_end_matches(strips);
    }
    if stripped.len() == text.len() {
        return Ok(this.clone());
    }
    Ok(Value::str(stripped))
}

/// `str.replace(old, new, count=-1, /)` (`replace` in `unicodeobject.c`).
fn replace(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    positional_only("str.replace", args, keywords, 2, 3)?;
    let old = str_arg(&args[0], "replace() argument 1 ")?;
    let new = str_arg(&args[1], "replace() argument 2 ")?;
    let count = match args.get(2) {
        Some(count) => usize::try_from(ssize_arg(count)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let text = text_of(this, "replace")?;
    new_str(&replace_text(text, old, new, count)?)
}

/// `text` with its first `count` occurrences of `old` replaced by `new`;
/// an empty `old` matches before every character and at the end.
fn replace_text(text: &str, old: &str, new: &str, count: usize) -> PyResult<String> {
    let found = text.matches(old).take(count).count();
    let size = (text.len() - found * old.len())
        .checked_add(
            found
                .checked_mul(new.len())
                .ok_or_else(Exception::memory_error)?,
        )
        .ok_or_else(Exception::memory_error)?;
    let mut replaced = String::new();
    ops::reserve_str(&mut replaced, size)?;
    let mut last = 0;
    for (at, _) in text.match_indices(old).take(count) {
        replaced.push_str(&text[last..at]);
        replaced.push_str(new);
        last = at + old.len();
    }
    replaced.push_str(&text[last..]);
    Ok(replaced)
}

/// `str.removeprefix(prefix, /)`.
fn removeprefix(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let prefix = one_argument("str.removeprefix", args, keywords)?;
    let prefix = str_arg(prefix, "removeprefix() argument ")?;
    let text = text_of(this, "removeprefix")?;
    match text.strip_prefix(prefix) {
        Some(rest) if !prefix.is_empty() => Ok(Value::str(rest)),
        _ => Ok(this.clone()),
    }
}

/// `str.removesuffix(suffix, /)`.
fn removesuffix(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let suffix = one_argument("str.removesuffix", args, keywords)?;
    let suffix = str_arg(suffix, "removesuffix() argument ")?;
    let text = text_of(this, "removesuffix")?;
    match text.strip_suffix(suffix) {
        Some(rest) if !suffix.is_empty() => Ok(Value::str(rest)),
        _ => Ok(this.clone()),
    }
}

/// `str.expandtabs(tabsize=8)` (`unicode_expandtabs_impl`): each tab up to
/// the next multiple of `tabsize` columns; a newline or carriage return
/// starts the columns again.
fn expandtabs(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let [tabsize] = keyword_arguments("expandtabs", args, keywords, ["tabsize"])?;
    let tabsize = match tabsize {
        Some(value) => usize::try_from(int_arg(value)?).unwrap_or(0),
        None => 8,
    };
    let text = text_of(this, "expandtabs")?;
    let mut expanded = String::new();
    let mut column = 0usize;
    for c in text.chars() {
        match c {
            '\t' if tabsize > 0 => {
                let spaces = tabsize - column % tabsize;
                ops::reserve_str(&mut expanded, spaces)?;
                expanded.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\t' => {}
            '\n' | '\r' => {
                expanded.push(c);
                column = 0;
            }
            _ => {
                expanded.push(c);
                column += 1;
            }
        }
    }
    new_str(&expanded)
}

// ---------------------------------------------------------------------------
// Searching (`Objects/stringlib/fastsearch.h`, `find.h`, `count.h`).

/// The substring and the code-point range of `find`, `index`, `count`:
/// `(sub[, start[, end]])`.
fn search_arguments<'a>(
    qualname: &str,
    text: &str,
    args: &'a [Value],
    keywords: &Keywords,
) -> Result<(&'a str, usize, usize), RunError> {
    varargs(qualname, args, keywords, 1, 3)?;
    let (start, end) = start_end(&args[1..], char_len(text))?;
    let sub = str_arg(&args[0], "")?;
    Ok((sub, start, end))
}

/// `any_find_slice`: the code-point index of the first (or, `from_right`,
/// the last) `sub` in `text[start:end]`.
fn find_in(text: &str, sub: &str, start: usize, end: usize, from_right: bool) -> Option<usize> {
    let (haystack, offset) = window(text, start, end)?;
    let found = if from_right {
        haystack.rfind(sub)
    } else {
        haystack.find(sub)
    };
    found.map(|at| char_index(text, offset + at))
}

/// `str.find`, `rfind`, `index` and `rindex`.
fn do_find(
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
    name: &str,
    from_right: bool,
    raise: bool,
) -> MethodResult {
    let text = text_of(this, name)?;
    let (sub, start, end) = search_arguments(&format!("str.{name}"), text, args, keywords)?;
    match find_in(text, sub, start, end, from_right) {
        Some(index) => Ok(int_value(index)),
        None if raise => Err(Exception::value_error("substring not found").into()),
        None => Ok(Value::Int(Int::from_i64(-1))),
    }
}

/// `str.find(sub[, start[, end]])` (`unicode_find`).
fn find(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_find(this, args, keywords, "find", false, false)
}

/// `str.rfind(sub[, start[, end]])` (`unicode_rfind`).
fn rfind(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_find(this, args, keywords, "rfind", true, false)
}

/// `str.index(sub[, start[, end]])` (`unicode_index`): `find` that raises.
fn index(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_find(this, args, keywords, "index", false, true)
}

/// `str.rindex(sub[, start[, end]])` (`unicode_rindex`).
fn rindex(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_find(this, args, keywords, "rindex", true, true)
}

/// `str.count(sub[, start[, end]])` (`unicode_count`): occurrences that do
/// not overlap; the empty string is found between every two characters and
/// at both ends.
fn count(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let text = text_of(this, "count")?;
    let (sub, start, end) = search_arguments("str.count", text, args, keywords)?;
    let found = window(text, start, end).map_or(0, |(haystack, _)| haystack.matches(sub).count());
    Ok(int_value(found))
}

/// `str.startswith(prefix[, start[, end]])` (`unicode_startswith`).
fn startswith(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_tailmatch(this, args, keywords, "startswith", |window, prefix| {
        window.starts_with(prefix)
    })
}

/// `str.endswith(suffix[, start[, end]])` (`unicode_endswith`).
fn endswith(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    do_tailmatch(this, args, keywords, "endswith", |window, suffix| {
        window.ends_with(suffix)
    })
}

/// `startswith` and `endswith`: the first argument is a str or a tuple of
/// them, any of which may match (`tailmatch`).
fn do_tailmatch(
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
    name: &str,
    matches: fn(&str, &str) -> bool,
) -> MethodResult {
    varargs(&format!("str.{name}"), args, keywords, 1, 3)?;
    let text = text_of(this, name)?;
    let (start, end) = start_end(&args[1..], char_len(text))?;
    let part = window(text, start, end).map(|(part, _)| part);
    let matches_one = |affix: &str| part.is_some_and(|part| matches(part, affix));
    let found = match &args[0] {
        Value::Tuple(choices) => {
            let mut found = false;
            for choice in choices.iter() {
                if matches_one(affix_arg(choice, name, true)?) {
                    found = true;
                    break;
                }
            }
            found
        }
        single => matches_one(affix_arg(single, name, false)?),
    };
    Ok(Value::Bool(found))
}

/// A prefix or suffix of `startswith` or `endswith`, alone or `in_tuple`.
fn affix_arg<'a>(value: &'a Value, name: &str, in_tuple: bool) -> Result<&'a str, RunError> {
    match value {
        Value::Str(affix) => Ok(affix),
        Value::SurrogateStr(_) => Err(surrogate_limit("a str argument")),
        other if in_tuple => Err(Exception::type_error(format!(
            "tuple for {name} must only contain str, not {}",
            other.type_name()
        ))
        .into()),
        other => Err(Exception::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            other.type_name()
        ))
        .into()),
    }
}

// ---------------------------------------------------------------------------
// Case (`Objects/unicodeobject.c`: `do_upper`, `do_lower`, `do_title`, …).

/// `str.upper()` (`do_upper`: `_PyUnicode_ToUpperFull`, so `'ß'` becomes `'SS'`).
fn upper(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.upper", args, keywords)?;
    let mut upper = String::new();
    for c in text_of(this, "upper")?.chars() {
        unicode::push_upper(&mut upper, c);
    }
    new_str(&upper)
}

/// `str.lower()` (`do_lower`): a capital sigma that ends a word becomes `ς`.
fn lower(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.lower", args, keywords)?;
    let text = text_of(this, "lower")?;
    let lowering = Lowering::new(text);
    let mut lower = String::new();
    for (at, c) in text.char_indices() {
        lowering.push(&mut lower, at, c);
    }
    new_str(&lower)
}

/// `str.casefold()` (`do_casefold`: `_PyUnicode_ToFoldedFull`).
fn casefold(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.casefold", args, keywords)?;
    let mut folded = String::new();
    for c in text_of(this, "casefold")?.chars() {
        match unicode::fold_special(c) {
            Some(special) => folded.push_str(special),
            None => unicode::push_lower(&mut folded, c),
        }
    }
    new_str(&folded)
}

/// `str.title()` (`do_title`): a cased character that follows a cased
/// character is lowercased, any other one titlecased.
fn title(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.title", args, keywords)?;
    let text = text_of(this, "title")?;
    let lowering = Lowering::new(text);
    let mut titled = String::new();
    let mut previous_is_cased = false;
    for (at, c) in text.char_indices() {
        if previous_is_cased {
            lowering.push(&mut titled, at, c);
        } else {
            push_title(&mut titled, c);
        }
        previous_is_cased = unicode::is_cased(c);
    }
    new_str(&titled)
}

/// `str.capitalize()` (`do_capitalize`): the first character titlecased,
/// the others lowercased.
fn capitalize(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.capitalize", args, keywords)?;
    let text = text_of(this, "capitalize")?;
    let lowering = Lowering::new(text);
    let mut capitalized = String::new();
    for (at, c) in text.char_indices() {
        if at == 0 {
            push_title(&mut capitalized, c);
        } else {
            lowering.push(&mut capitalized, at, c);
        }
    }
    new_str(&capitalized)
}

/// `str.swapcase()` (`do_swapcase`).
fn swapcase(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.swapcase", args, keywords)?;
    let text = text_of(this, "swapcase")?;
    let lowering = Lowering::new(text);
    let mut swapped = String::new();
    for (at, c) in text.char_indices() {
        if unicode::is_upper(c) {
            lowering.push(&mut swapped, at, c);
        } else if unicode::is_lower(c) {
            unicode::push_upper(&mut swapped, c);
        } else {
            swapped.push(c);
        }
    }
    new_str(&swapped)
}

/// `_PyUnicode_ToTitleFull`: the titlecase of `c`, which is its uppercase
/// but for a few digraphs and ligatures (`'ǆ'` → `'ǅ'`, `'ß'` → `'Ss'`).
fn push_title(out: &mut String, c: char) {
    match unicode::title_special(c) {
        Some(special) => out.push_str(special),
        None => unicode::push_upper(out, c),
    }
}

/// Lowercasing one character of a text at a time (`lower_ucs4`): a capital
/// sigma becomes `ς` at the end of a word and `σ` elsewhere
/// (`handle_capital_sigma`). Rust's `str::to_lowercase` applies the same
/// Final_Sigma rule; it is asked once, for the whole text, where its capital
/// sigmas end words.
struct Lowering {
    final_sigmas: Vec<usize>,
}

impl Lowering {
    fn new(text: &str) -> Lowering {
        let mut final_sigmas = Vec::new();
        if text.contains('Σ') {
            let lowered = text.to_lowercase();
            let mut position = 0;
            for (at, c) in text.char_indices() {
                if c == 'Σ' && lowered[position..].starts_with('ς') {
                    final_sigmas.push(at);
                }
                position += c.to_lowercase().map(char::len_utf8).sum::<usize>();
            }
        }
        Lowering { final_sigmas }
    }

    /// Pushes the lowercase of `c`, found at byte `at` of the text.
    fn push(&self, out: &mut String, at: usize, c: char) {
        if c == 'Σ' {
            let is_final = self.final_sigmas.binary_search(&at).is_ok();
            out.push(if is_final { 'ς' } else { 'σ' });
        } else {
            unicode::push_lower(out, c);
        }
    }
}

// ---------------------------------------------------------------------------
// Character tests (`unicode_isupper`, `unicode_isdigit`, …).

/// A method that is true when the str is not empty and `test` holds for
/// every character (`isalpha`, `isdigit`, `isspace`, …).
fn all_chars(
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
    name: &str,
    test: fn(char) -> bool,
) -> MethodResult {
    no_arguments(&format!("str.{name}"), args, keywords)?;
    let text = text_of(this, name)?;
    Ok(Value::Bool(!text.is_empty() && text.chars().all(test)))
}

/// `str.isspace()` (`Py_UNICODE_ISSPACE`).
fn isspace(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    all_chars(this, args, keywords, "isspace", is_space)
}

/// `str.isalpha()`: letters, Unicode categories Lu, Ll, Lt, Lm and Lo.
fn isalpha(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    all_chars(this, args, keywords, "isalpha", unicode::is_alpha)
}

/// `str.isdecimal()`: decimal digits (category Nd).
fn isdecimal(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    all_chars(this, args, keywords, "isdecimal", unicode::is_decimal)
}

/// `str.isdigit()`: decimal digits, and digits such as `'²'`.
fn isdigit(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    all_chars(this, args, keywords, "isdigit", unicode::is_digit)
}

/// `str.isnumeric()`: every character with a numeric value (`'½'`, `'四'`).
fn isnumeric(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    all_chars(this, args, keywords, "isnumeric", unicode::is_numeric)
}

/// `str.isalnum()`: `isalpha`, `isdecimal`, `isdigit` or `isnumeric` for
/// every character.
fn isalnum(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    all_chars(this, args, keywords, "isalnum", |c| {
        unicode::is_alpha(c) || unicode::is_numeric(c)
    })
}

/// `str.isprintable()`: true for the empty str too.
fn isprintable(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.isprintable", args, keywords)?;
    let text = text_of(this, "isprintable")?;
    let printable = text
        .chars()
        .all(|c| crate::pyrepr::is_printable(u32::from(c)));
    Ok(Value::Bool(printable))
}

/// `str.isascii()`: true for the empty str too.
fn isascii(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.isascii", args, keywords)?;
    Ok(Value::Bool(text_of(this, "isascii")?.is_ascii()))
}

/// `str.islower()` (`unicode_islower_impl`): no uppercase or titlecase
/// character, and at least one lowercase one.
fn islower(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.islower", args, keywords)?;
    let text = text_of(this, "islower")?;
    let excluded = |c: char| unicode::is_upper(c) || unicode::is_titlecase(c);
    let found = !text.chars().any(excluded) && text.chars().any(unicode::is_lower);
    Ok(Value::Bool(found))
}

/// `str.isupper()` (`unicode_isupper_impl`): no lowercase or titlecase
/// character, and at least one uppercase one.
fn isupper(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.isupper", args, keywords)?;
    let text = text_of(this, "isupper")?;
    let excluded = |c: char| unicode::is_lower(c) || unicode::is_titlecase(c);
    let found = !text.chars().any(excluded) && text.chars().any(unicode::is_upper);
    Ok(Value::Bool(found))
}

/// `str.istitle()` (`unicode_istitle_impl`): every uppercase or titlecase
/// character starts a run of cased characters, every lowercase one
/// continues one, and there is at least one cased character.
fn istitle(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.istitle", args, keywords)?;
    let text = text_of(this, "istitle")?;
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in text.chars() {
        if unicode::is_upper(c) || unicode::is_titlecase(c) {
            if previous_is_cased {
                return Ok(Value::Bool(false));
            }
            previous_is_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
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

/// `str.isidentifier()` (`PyUnicode_IsIdentifier`): a letter or `_`, then
/// letters, digits and `_` (Unicode's XID_Start and XID_Continue). Keywords
/// are identifiers too: `'if'.isidentifier()` is true.
fn isidentifier(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    no_arguments("str.isidentifier", args, keywords)?;
    let text = text_of(this, "isidentifier")?;
    let mut chars = text.chars();
    let valid = match chars.next() {
        Some(first) => unicode::is_id_start(first) && chars.all(unicode::is_id_continue),
        None => false,
    };
    Ok(Value::Bool(valid))
}

// ---------------------------------------------------------------------------
// Padding.

/// `str.center(width, fillchar=' ', /)` (`unicode_center_impl`): the extra
/// space is split in two, the odd column on the right unless both the
/// margin and the width are odd.
fn center(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    pad_method(this, args, keywords, "center", |margin, width| {
        let left = margin / 2 + (margin & width & 1);
        (left, margin - left)
    })
}

/// `str.ljust(width, fillchar=' ', /)`.
fn ljust(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    pad_method(this, args, keywords, "ljust", |margin, _| (0, margin))
}

/// `str.rjust(width, fillchar=' ', /)`.
fn rjust(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    pad_method(this, args, keywords, "rjust", |margin, _| (margin, 0))
}

/// `center`, `ljust` and `rjust`: `split` divides the margin (the width less
/// the length) into the columns left and right of the text.
fn pad_method(
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
    name: &str,
    split: fn(usize, usize) -> (usize, usize),
) -> MethodResult {
    positional_only(&format!("str.{name}"), args, keywords, 1, 2)?;
    let width = usize::try_from(ssize_arg(&args[0])?).unwrap_or(0);
    let fill = match args.get(1) {
        Some(fill) => fill_char(fill)?,
        None => ' ',
    };
    let text = text_of(this, name)?;
    let len = char_len(text);
    if len >= width {
        return Ok(this.clone());
    }
    let (left, right) = split(width - len, width);
    new_str(&pad(text, left, right, fill)?)
}

/// The fill character of `center`: a str of one character.
fn fill_char(value: &Value) -> Result<char, RunError> {
    let Value::Str(fill) = value else {
        return Err(Exception::type_error(format!(
            "The fill character must be a unicode character, not {}",
            value.type_name()
        ))
        .into());
    };
    let mut chars = fill.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(
            Exception::type_error("The fill character must be exactly one character long").into(),
        ),
    }
}

/// `pad`: `left` fill characters, the text, `right` fill characters.
fn pad(text: &str, left: usize, right: usize, fill: char) -> PyResult<String> {
    let size = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(fill.len_utf8()))
        .and_then(|n| n.checked_add(text.len()))
        .ok_or_else(Exception::memory_error)?;
    let mut padded = String::new();
    ops::reserve_str(&mut padded, size)?;
    padded.extend(std::iter::repeat_n(fill, left));
    padded.push_str(text);
    padded.extend(std::iter::repeat_n(fill, right));
    Ok(padded)
}

/// `str.zfill(width, /)` (`unicode_zfill_impl`): zeros on the left, after
/// a leading sign.
fn zfill(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let width = one_argument("str.zfill", args, keywords)?;
    let width = usize::try_from(ssize_arg(width)?).unwrap_or(0);
    let text = text_of(this, "zfill")?;
    let len = char_len(text);
    if len >= width {
        return Ok(this.clone());
    }
    let fill = width - len;
    let mut filled = pad(text, fill, 0, '0')?;
    if let Some(sign @ ('+' | '-')) = text.chars().next() {
        filled.replace_range(fill..=fill, "0");
        filled.replace_range(..1, sign.encode_utf8(&mut [0; 4]));
    }
    new_str(&filled)
}

// ---------------------------------------------------------------------------
// Encoding (`unicode_encode_impl`, `Objects/unicodeobject.c`).

/// The codecs the workbook has, by the name CPython's messages give them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Codec {
    Utf8,
    Latin1,
    Ascii,
}

impl Codec {
    /// The name in a `UnicodeError` message: `'utf-8' codec can't …`.
    pub(super) fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Latin1 => "latin-1",
            Codec::Ascii => "ascii",
        }
    }

    /// The first code point the codec cannot encode in one byte (UTF-8
    /// encodes all but the surrogates).
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Latin1 => 0x100,
            Codec::Ascii => 0x80,
        }
    }
}

/// The codec of an encoding name (`_PyCodec_Lookup`, then
/// `encodings.search_function`): the name is normalized (`'UTF-8'`, `'utf8'`
/// and `'U8'` are one codec) and looked up among the aliases of
/// `encodings/aliases.py`. Other codecs are a limit of the workbook.
pub(super) fn codec(encoding: &str) -> Result<Codec, RunError> {
    let normalized = normalize_encoding(encoding);
    let codec = match normalized.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "iso8859" | "8859"
        | "cp819" | "ibm819" | "csisolatin1" | "iso_8859_1_1987" | "iso_ir_100" => Codec::Latin1,
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => {
            Codec::Ascii
        }
        _ => {
            return Err(RunError::not_implemented(
                format!("the {} codec", crate::pyrepr::repr_str(encoding)),
                None,
            ))
        }
    };
    Ok(codec)
}

/// `encodings.normalize_encoding`, after `codecs.c`'s lowercasing: runs of
/// characters other than ASCII letters, digits and `.` become one `_`.
fn normalize_encoding(encoding: &str) -> String {
    let mut normalized = String::new();
    let mut punctuation = false;
    for c in encoding.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punctuation && !normalized.is_empty() {
                normalized.push('_');
            }
            normalized.push(c.to_ascii_lowercase());
            punctuation = false;
        } else {
            punctuation = true;
        }
    }
    normalized
}

/// An optional str argument of a method that takes keywords:
/// `TypeError: encode() argument 'encoding' must be str, not int`.
pub(super) fn optional_str<'a>(
    value: Option<&'a Value>,
    method: &str,
    param: &str,
) -> Result<Option<&'a str>, RunError> {
    match value {
        None => Ok(None),
        Some(Value::Str(text)) => Ok(Some(text)),
        Some(other) => Err(Exception::type_error(format!(
            "{method}() argument '{param}' must be str, not {}",
            clinic_type_name(other)
        ))
        .into()),
    }
}

/// `str.encode(encoding='utf-8', errors='strict')` (`unicode_encode_impl`).
fn encode(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let [encoding, errors] = keyword_arguments("encode", args, keywords, ["encoding", "errors"])?;
    let encoding = optional_str(encoding, "encode", "encoding")?.unwrap_or("utf-8");
    let errors = optional_str(errors, "encode", "errors")?.unwrap_or("strict");
    let codec = codec(encoding)?;
    if let (Value::Str(text), Codec::Utf8) = (this, codec) {
        return Ok(ops::new_bytes(text.as_bytes())?);
    }
    let points = ops::code_points(this);
    Ok(ops::new_bytes(&encode_points(&points, codec, errors)?)?)
}

/// Encodes code points with a codec and an error handler
/// (`unicode_encode_ucs1` for Latin-1 and ASCII, `unicode_encode_utf8` for
/// a str with surrogates): a run of code points the codec cannot encode
/// goes to the error handler whole.
fn encode_points(points: &[u32], codec: Codec, errors: &str) -> Result<Vec<u8>, RunError> {
    let encodable = |p: u32| p < codec.limit() && !(0xD800..0xE000).contains(&p);
    let mut encoded = Vec::new();
    let mut i = 0;
    while i < points.len() {
        let p = points[i];
        if encodable(p) {
            push_encoded(&mut encoded, p, codec);
            i += 1;
            continue;
        }
        let end = i + points[i..].iter().take_while(|&&p| !encodable(p)).count();
        encode_error(&mut encoded, &points[i..end], i, codec, errors)?;
        i = end;
    }
    Ok(encoded)
}

/// One encodable code point, in the codec's bytes.
fn push_encoded(out: &mut Vec<u8>, p: u32, codec: Codec) {
    match (codec, char::from_u32(p)) {
        (Codec::Utf8, Some(c)) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        _ => out.extend(u8::try_from(p).ok()),
    }
}

/// What an error handler makes of a run of code points the codec cannot
/// encode (`Python/codecs.c`: `PyCodec_StrictErrors`,
/// `PyCodec_ReplaceErrors`, …).
fn encode_error(
    out: &mut Vec<u8>,
    bad: &[u32],
    position: usize,
    codec: Codec,
    errors: &str,
) -> Result<(), RunError> {
    match errors {
        "strict" => return Err(encode_exception(bad, position, codec)),
        "ignore" => {}
        "replace" => out.extend(bad.iter().map(|_| b'?')),
        "backslashreplace" => {
            for &p in bad {
                out.extend_from_slice(backslash_escape(p).as_bytes());
            }
        }
        "xmlcharrefreplace" => {
            for &p in bad {
                out.extend_from_slice(format!("&#{p};").as_bytes());
            }
        }
        "surrogateescape" | "surrogatepass" | "namereplace" => {
            return Err(RunError::not_implemented(
                format!("the '{errors}' error handler"),
                None,
            ))
        }
        _ => {
            return Err(Exception::new(
                ExcType::LookupError,
                format!("unknown error handler name '{errors}'"),
            )
            .into())
        }
    }
    Ok(())
}

/// `\xe9`, `\u20ac`, `\U0001f600`: a code point as `backslashreplace`
/// and `UnicodeError` messages write it.
pub(super) fn backslash_escape(p: u32) -> String {
    if p < 0x100 {
        format!("\\x{p:02x}")
    } else if p < 0x10000 {
        format!("\\u{p:04x}")
    } else {
        format!("\\U{p:08x}")
    }
}

/// `UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in
/// position 0: ordinal not in range(128)` (`UnicodeEncodeError_str`).
fn encode_exception(bad: &[u32], position: usize, codec: Codec) -> RunError {
    let reason = match codec {
        Codec::Utf8 => "surrogates not allowed".to_string(),
        other => format!("ordinal not in range({})", other.limit()),
    };
    let what = match bad {
        [p] => format!(
            "character '{}' in position {position}",
            backslash_escape(*p)
        ),
        _ => format!(
            "characters in position {position}-{}",
            position + bad.len() - 1
        ),
    };
    let message = format!("'{}' codec can't encode {what}: {reason}", codec.name());
    Exception::new(ExcType::UnicodeEncodeError, message).into()
}

// ---------------------------------------------------------------------------
// `str.format` (`Objects/stringlib/unicode_format.h`).

/// `str.format(*args, **kwargs)` (`do_string_format`).
fn format(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let template = text_of(this, "format")?;
    let mut formatter = Formatter {
        args: Some(args),
        names: Names::Keywords(keywords),
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    new_str(&formatter.build(template, 2)?)
}

/// `str.format_map(mapping, /)`: named fields are looked up in `mapping`,
/// and there are no positional ones.
fn format_map(_: &mut dyn Vm, this: &Value, args: &[Value], keywords: &Keywords) -> MethodResult {
    let mapping = one_argument("str.format_map", args, keywords)?;
    let template = text_of(this, "format_map")?;
    let mut formatter = Formatter {
        args: None,
        names: Names::Mapping(mapping),
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    new_str(&formatter.build(template, 2)?)
}

/// `str.__format__(format_spec, /)`: what `format(s, spec)` calls.
fn dunder_format(
    _: &mut dyn Vm,
    this: &Value,
    args: &[Value],
    keywords: &Keywords,
) -> MethodResult {
    let spec = one_argument("str.__format__", args, keywords)?;
    let spec = str_arg(spec, "__format__() argument ")?;
    Ok(ops::format_value(this, spec)?)
}

/// Where named fields are looked up.
enum Names<'a> {
    Keywords(&'a Keywords),
    Mapping(&'a Value),
}

/// `AutoNumber`: whether the fields so far were `{}` or `{0}`; a template
/// may not mix the two.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unset,
    Auto,
    Manual,
}

/// One `str.format` call: its arguments and its field numbering.
struct Formatter<'a> {
    /// The positional arguments (`None` for `format_map`).
    args: Option<&'a [Value]>,
    names: Names<'a>,
    numbering: Numbering,
    /// The index the next `{}` takes.
    next_auto: usize,
}

/// A replacement field, `{name!conversion:spec}` (`parse_field`).
struct Field<'a> {
    name: &'a str,
    conversion: Option<char>,
    spec: &'a str,
    /// Whether the spec holds fields of its own (`{:{width}}`).
    spec_has_fields: bool,
}

fn format_error(message: &str) -> RunError {
    Exception::value_error(message).into()
}

impl Formatter<'_> {
    /// `build_string`: the template with its fields replaced. A spec's own
    /// fields are built one level deeper, and only two levels are allowed.
    fn build(&mut self, template: &str, depth: u32) -> Result<String, RunError> {
        if depth == 0 {
            return Err(format_error("Max string recursion exceeded"));
        }
        let mut out = String::new();
        let mut rest = template;
        while !rest.is_empty() {
            let (literal, field, after) = next_markup(rest)?;
            out.push_str(literal);
            if let Some(field) = field {
                self.output_field(&field, depth, &mut out)?;
            }
            rest = after;
        }
        Ok(out)
    }

    /// `output_markup`: the field's value, converted, then formatted with
    /// its spec.
    fn output_field(
        &mut self,
        field: &Field,
        depth: u32,
        out: &mut String,
    ) -> Result<(), RunError> {
        let mut value = self.field_value(field.name)?;
        if let Some(conversion) = field.conversion {
            value = convert(&value, conversion)?;
        }
        let spec = if field.spec_has_fields {
            Cow::Owned(self.build(field.spec, depth - 1)?)
        } else {
            Cow::Borrowed(field.spec)
        };
        match ops::format_value(&value, &spec)? {
            Value::Str(text) => out.push_str(&text),
            _ => return Err(surrogate_limit("str.format() of a str")),
        }
        Ok(())
    }

    /// `get_field_object`: the argument a field name names, then its
    /// attributes and items (`{0.real}`, `{0[1]}`, `{name[key]}`).
    fn field_value(&mut self, name: &str) -> Result<Value, RunError> {
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let (first, rest) = name.split_at(first_end);
        let index = match decimal_index(first)? {
            Some(index) => Some(self.number(false, index)?),
            None if first.is_empty() => Some(self.number(true, 0)?),
            None => None,
        };
        let value = match index {
            Some(index) => self.positional(index)?,
            None => self.named(first)?,
        };
        lookup_rest(value, rest)
    }

    /// `autonumber_state_error` and the auto-numbering of
    /// `field_name_split`: the index of a `{}` or `{index}` field.
    fn number(&mut self, automatic: bool, index: usize) -> Result<usize, RunError> {
        if self.numbering == Numbering::Unset {
            self.numbering = if automatic {
                Numbering::Auto
            } else {
                Numbering::Manual
            };
        }
        match (self.numbering, automatic) {
            (Numbering::Manual, true) => Err(format_error(
                "cannot switch from manual field specification to automatic field numbering",
            )),
            (Numbering::Auto, false) => Err(format_error(
                "cannot switch from automatic field numbering to manual field specification",
            )),
            (_, true) => {
                self.next_auto += 1;
                Ok(self.next_auto - 1)
            }
            (_, false) => Ok(index),
        }
    }

    /// Positional argument `index`.
    fn positional(&self, index: usize) -> Result<Value, RunError> {
        let Some(args) = self.args else {
            return Err(format_error("Format string contains positional fields"));
        };
        args.get(index).cloned().ok_or_else(|| {
            Exception::new(
                ExcType::IndexError,
                format!("Replacement index {index} out of range for positional args tuple"),
            )
            .into()
        })
    }

    /// The keyword argument, or the mapping's item, `name`.
    fn named(&self, name: &str) -> Result<Value, RunError> {
        match self.names {
            Names::Keywords(keywords) => keywords
                .iter()
                .find(|(keyword, _)| **keyword == *name)
                .map(|(_, value)| value.clone())
                .ok_or_else(|| Exception::key_error(Value::str(name)).into()),
            Names::Mapping(mapping) => Ok(crate::subscript::get_item(mapping, &Value::str(name))?),
        }
    }
}

/// `MarkupIterator_next`: the literal text up to the next field, the field
/// (none at the end, or after `{{` or `}}`, which stand for one brace), and
/// what follows.
fn next_markup(text: &str) -> Result<(&str, Option<Field<'_>>, &str), RunError> {
    let Some(at) = text.find(['{', '}']) else {
        return Ok((text, None, ""));
    };
    let brace = &text[at..=at];
    let after = &text[at + 1..];
    if let Some(rest) = after.strip_prefix(brace) {
        return Ok((&text[..=at], None, rest));
    }
    if brace == "}" {
        return Err(format_error("Single '}' encountered in format string"));
    }
    if after.is_empty() {
        return Err(format_error("Single '{' encountered in format string"));
    }
    let (field, rest) = parse_field(after)?;
    Ok((&text[..at], Some(field), rest))
}

/// `parse_field`: the field after its `{`, up to its `}`. The name runs to
/// `!`, `:` or `}`, except inside `[…]`; the spec runs to the `}` that
/// matches, so it may hold fields of its own.
fn parse_field(text: &str) -> Result<(Field<'_>, &str), RunError> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let name_end = loop {
        match bytes.get(i) {
            None => return Err(format_error("expected '}' before end of string")),
            Some(b'{') => return Err(format_error("unexpected '{' in field name")),
            Some(b'[') => {
                i += bytes[i..]
                    .iter()
                    .position(|&b| b == b']')
                    .unwrap_or(bytes.len() - i)
            }
            Some(b'}' | b':' | b'!') => break i,
            Some(_) => i += 1,
        }
    };
    let mut field = Field {
        name: &text[..name_end],
        conversion: None,
        spec: "",
        spec_has_fields: false,
    };
    let mut rest = &text[name_end + 1..];
    match bytes[name_end] {
        b'}' => return Ok((field, rest)),
        b'!' => {
            let mut chars = rest.chars();
            let Some(conversion) = chars.next() else {
                return Err(format_error(
                    "end of string while looking for conversion specifier",
                ));
            };
            field.conversion = Some(conversion);
            rest = chars.as_str();
            match rest.as_bytes().first() {
                Some(b'}') => return Ok((field, &rest[1..])),
                Some(b':') => rest = &rest[1..],
                Some(_) => return Err(format_error("expected ':' after conversion specifier")),
                None => {}
            }
        }
        _ => {}
    }
    let mut depth = 1;
    for (i, b) in rest.bytes().enumerate() {
        match b {
            b'{' => {
                field.spec_has_fields = true;
                depth += 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = &rest[..i];
                    return Ok((field, &rest[i + 1..]));
                }
            }
            _ => {}
        }
    }
    Err(format_error("unmatched '{' in format spec"))
}

/// `get_integer`: a field name or index made of decimal digits (any
/// script's) as a number; `None` for anything else.
fn decimal_index(text: &str) -> Result<Option<usize>, RunError> {
    if text.is_empty() {
        return Ok(None);
    }
    let mut index: usize = 0;
    for c in text.chars() {
        let Some(digit) = unicode::decimal_value(c) else {
            return Ok(None);
        };
        index = index
            .checked_mul(10)
            .and_then(|n| n.checked_add(digit))
            .filter(|&n| isize::try_from(n).is_ok())
            .ok_or_else(|| format_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(index))
}

/// `FieldNameIterator_next`: follows `.attribute` and `[index]` after a
/// field's first name. An index of digits is an int, any other a str.
fn lookup_rest(mut value: Value, mut rest: &str) -> Result<Value, RunError> {
    while let Some(&first) = rest.as_bytes().first() {
        let (name, after) = match first {
            b'.' => {
                let body = &rest[1..];
                body.split_at(body.find(['.', '[']).unwrap_or(body.len()))
            }
            b'[' => match rest[1..].find(']') {
                Some(end) => (&rest[1..=end], &rest[end + 2..]),
                None => return Err(format_error("Missing ']' in format string")),
            },
            _ => {
                return Err(format_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        };
        let index = if first == b'[' {
            decimal_index(name)?
        } else {
            None
        };
        if name.is_empty() {
            return Err(format_error("Empty attribute in format string"));
        }
        value = if first == b'.' {
            super::load_attr(&value, name).ok_or_else(|| super::no_attribute(&value, name))?
        } else {
            let key = match index {
                Some(index) => int_value(index),
                None => Value::str(name),
            };
            crate::subscript::get_item(&value, &key)?
        };
        rest = after;
    }
    Ok(value)
}

/// `do_conversion`: `!r`, `!s` and `!a`.
fn convert(value: &Value, conversion: char) -> Result<Value, RunError> {
    match conversion {
        'r' => Ok(Value::str(&value.repr()?)),
        's' => Ok(value.to_str()?),
        'a' => Ok(Value::str(&value.ascii()?)),
        c if (33..127).contains(&u32::from(c)) => {
            Err(format_error(&format!("Unknown conversion specifier {c}")))
        }
        c => Err(format_error(&format!(
            "Unknown conversion specifier \\x{:x}",
            u32::from(c)
        ))),
    }
}

// ---------------------------------------------------------------------------

/// The Unicode character data of CPython 3.11 (Unicode 14.0,
/// `Objects/unicodectype.c`) that Rust's standard library does not give:
/// letters and numbers by CPython's definitions, the titlecase and casefold
/// mappings where they differ from uppercase and lowercase, and the
/// titlecase letters and the identifier characters. Rust gives the rest
/// (`is_uppercase`, `is_lowercase`, `to_uppercase`, `to_lowercase`), from a
/// newer Unicode, less the characters whose case changed since 14.0
/// ([`CASE_SINCE_14`]). One difference is left: whether a capital sigma ends
/// a word is Rust's decision (see `Lowering`), which may differ next to one
/// of those characters.
///
/// The tables were generated with CPython 3.11.7, e.g. for [`ALPHA`]:
///
/// ```text
/// [c for c in range(0x110000) if chr(c).isalpha()]
/// ```
///
/// collapsed into inclusive ranges.
mod unicode {
    /// Whether `c` lies in one of the sorted, inclusive `ranges`.
    fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
        let c = u32::from(c);
        ranges
            .binary_search_by(|&(first, last)| {
                if last < c {
                    std::cmp::Ordering::Less
                } else if first > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }

    /// `Py_UNICODE_ISALPHA`: categories Lu, Ll, Lt, Lm, Lo.
    pub fn is_alpha(c: char) -> bool {
        if c.is_ascii() {
            return c.is_ascii_alphabetic();
        }
        in_ranges(ALPHA, c)
    }

    /// `Py_UNICODE_TODECIMAL`: the value of a decimal digit (category Nd).
    pub fn decimal_value(c: char) -> Option<usize> {
        if c.is_ascii() {
            return c.to_digit(10).and_then(|d| usize::try_from(d).ok());
        }
        let c = u32::from(c);
        let zero = DECIMAL_ZEROS
            .iter()
            .rev()
            .find(|&&zero| zero <= c)
            .filter(|&&zero| c - zero < 10)?;
        usize::try_from(c - zero).ok()
    }

    /// `Py_UNICODE_ISDECIMAL`.
    pub fn is_decimal(c: char) -> bool {
        decimal_value(c).is_some()
    }

    /// `Py_UNICODE_ISDIGIT`: decimal digits and the other digits
    /// (superscripts, circled digits).
    pub fn is_digit(c: char) -> bool {
        is_decimal(c) || in_ranges(DIGIT_NOT_DECIMAL, c)
    }

    /// `Py_UNICODE_ISNUMERIC`: every character with a numeric value.
    pub fn is_numeric(c: char) -> bool {
        if c.is_ascii() {
            return c.is_ascii_digit();
        }
        in_ranges(NUMERIC, c)
    }

    /// `Py_UNICODE_ISTITLE`: category Lt (`'ǅ'`).
    pub fn is_titlecase(c: char) -> bool {
        in_ranges(TITLECASE_LETTERS, c)
    }

    /// `_PyUnicode_IsCased`.
    pub fn is_cased(c: char) -> bool {
        is_upper(c) || is_lower(c) || is_titlecase(c)
    }

    /// `_PyUnicode_IsUppercase`.
    pub fn is_upper(c: char) -> bool {
        c.is_uppercase() && !in_ranges(CASE_SINCE_14, c)
    }

    /// `_PyUnicode_IsLowercase`.
    pub fn is_lower(c: char) -> bool {
        if in_ranges(CASE_SINCE_14, c) {
            return LOWERCASE_IN_14.contains(&c);
        }
        c.is_lowercase()
    }

    /// Pushes `_PyUnicode_ToUpperFull(c)`: `'ß'` is `'SS'`.
    pub fn push_upper(out: &mut String, c: char) {
        if in_ranges(CASE_SINCE_14, c) {
            out.push(c);
        } else {
            out.extend(c.to_uppercase());
        }
    }

    /// Pushes `_PyUnicode_ToLowerFull(c)`: `'İ'` is `'i̇'`.
    pub fn push_lower(out: &mut String, c: char) {
        if in_ranges(CASE_SINCE_14, c) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }

    /// `_PyUnicode_IsXidStart`, or `_`: what may start an identifier.
    pub fn is_id_start(c: char) -> bool {
        if c.is_ascii() {
            return c == '_' || c.is_ascii_alphabetic();
        }
        (is_alpha(c) && !in_ranges(ALPHA_NOT_ID_START, c)) || in_ranges(ID_START_NOT_ALPHA, c)
    }

    /// `_PyUnicode_IsXidContinue`: what may follow in an identifier.
    pub fn is_id_continue(c: char) -> bool {
        is_id_start(c) || is_decimal(c) || in_ranges(ID_CONTINUE_EXTRA, c)
    }

    /// The titlecase of `c` where it is not its uppercase.
    pub fn title_special(c: char) -> Option<&'static str> {
        lookup(TITLE_NOT_UPPER, c)
    }

    /// The casefold of `c` where it is not its lowercase.
    pub fn fold_special(c: char) -> Option<&'static str> {
        lookup(FOLD_NOT_LOWER, c)
    }

    fn lookup(table: &[(char, &'static str)], c: char) -> Option<&'static str> {
        table
            .binary_search_by_key(&c, |&(key, _)| key)
            .ok()
            .map(|i| table[i].1)
    }

    // Generated: do not edit by hand.

    /// The characters whose case Rust's Unicode (16.0 in Rust 1.95) gives
    /// otherwise than 14.0: assigned since, or given a case or a mapping
    /// since. In CPython 3.11 each is its own uppercase and lowercase, none
    /// is uppercase, and only those of [`LOWERCASE_IN_14`] are lowercase.
    #[rustfmt::skip]
    const CASE_SINCE_14: &[(u32, u32)] = &[
        (0x019B, 0x019B), (0x0264, 0x0264), (0x0295, 0x0295), (0x10FC, 0x10FC), (0x1C89, 0x1C8A),
        (0xA7CB, 0xA7CF), (0xA7D2, 0xA7D5), (0xA7DA, 0xA7DC), (0xA7F1, 0xA7F4), (0xAB69, 0xAB69),
        (0x10D50, 0x10D65), (0x10D70, 0x10D85), (0x16EA0, 0x16EB8), (0x16EBB, 0x16ED3),
        (0x1DF25, 0x1DF2A), (0x1E030, 0x1E06D),
    ];

    /// The characters of [`CASE_SINCE_14`] that are lowercase in 14.0.
    const LOWERCASE_IN_14: &[char] = &['\u{19b}', '\u{264}', '\u{295}', '\u{a7d3}', '\u{a7d5}'];
    /// Letters: categories Lu, Ll, Lt, Lm and Lo (`str.isalpha`).
    #[rustfmt::skip]
    const ALPHA: &[(u32, u32)] = &[
        (0x0041, 0x005A), (0x0061, 0x007A), (0x00AA, 0x00AA), (0x00B5, 0x00B5), (0x00BA, 0x00BA),
        (0x00C0, 0x00D6), (0x00D8, 0x00F6), (0x00F8, 0x02C1), (0x02C6, 0x02D1), (0x02E0, 0x02E4),
        (0x02EC, 0x02EC), (0x02EE, 0x02EE), (0x0370, 0x0374), (0x0376, 0x0377), (0x037A, 0x037D),
        (0x037F, 0x037F), (0x0386, 0x0386), (0x0388, 0x038A), (0x038C, 0x038C), (0x038E, 0x03A1),
        (0x03A3, 0x03F5), (0x03F7, 0x0481), (0x048A, 0x052F), (0x0531, 0x0556), (0x0559, 0x0559),
        (0x0560, 0x0588), (0x05D0, 0x05EA), (0x05EF, 0x05F2), (0x0620, 0x064A), (0x066E, 0x066F),
        (0x0671, 0x06D3), (0x06D5, 0x06D5), (0x06E5, 0x06E6), (0x06EE, 0x06EF), (0x06FA, 0x06FC),
        (0x06FF, 0x06FF), (0x0710, 0x0710), (0x0712, 0x072F), (0x074D, 0x07A5), (0x07B1, 0x07B1),
        (0x07CA, 0x07EA), (0x07F4, 0x07F5), (0x07FA, 0x07FA), (0x0800, 0x0815), (0x081A, 0x081A),
        (0x0824, 0x0824), (0x0828, 0x0828), (0x0840, 0x0858), (0x0860, 0x086A), (0x0870, 0x0887),
        (0x0889, 0x088E), (0x08A0, 0x08C9), (0x0904, 0x0939), (0x093D, 0x093D), (0x0950, 0x0950),
        (0x0958, 0x0961), (0x0971, 0x0980), (0x0985, 0x098C), (0x098F, 0x0990), (0x0993, 0x09A8),
        (0x09AA, 0x09B0), (0x09B2, 0x09B2), (0x09B6, 0x09B9), (0x09BD, 0x09BD), (0x09CE, 0x09CE),
        (0x09DC, 0x09DD), (0x09DF, 0x09E1), (0x09F0, 0x09F1), (0x09FC, 0x09FC), (0x0A05, 0x0A0A),
        (0x0A0F, 0x0A10), (0x0A13, 0x0A28), (0x0A2A, 0x0A30), (0x0A32, 0x0A33), (0x0A35, 0x0A36),
        (0x0A38, 0x0A39), (0x0A59, 0x0A5C), (0x0A5E, 0x0A5E), (0x0A72, 0x0A74), (0x0A85, 0x0A8D),
        (0x0A8F, 0x0A91), (0x0A93, 0x0AA8), (0x0AAA, 0x0AB0), (0x0AB2, 0x0AB3), (0x0AB5, 0x0AB9),
        (0x0ABD, 0x0ABD), (0x0AD0, 0x0AD0), (0x0AE0, 0x0AE1), (0x0AF9, 0x0AF9), (0x0B05, 0x0B0C),
        (0x0B0F, 0x0B10), (0x0B13, 0x0B28), (0x0B2A, 0x0B30), (0x0B32, 0x0B33), (0x0B35, 0x0B39),
        (0x0B3D, 0x0B3D), (0x0B5C, 0x0B5D), (0x0B5F, 0x0B61), (0x0B71, 0x0B71), (0x0B83, 0x0B83),
        (0x0B85, 0x0B8A), (0x0B8E, 0x0B90), (0x0B92, 0x0B95), (0x0B99, 0x0B9A), (0x0B9C, 0x0B9C),
        (0x0B9E, 0x0B9F), (0x0BA3, 0x0BA4), (0x0BA8, 0x0BAA), (0x0BAE, 0x0BB9), (0x0BD0, 0x0BD0),
        (0x0C05, 0x0C0C), (0x0C0E, 0x0C10), (0x0C12, 0x0C28), (0x0C2A, 0x0C39), (0x0C3D, 0x0C3D),
        (0x0C58, 0x0C5A), (0x0C5D, 0x0C5D), (0x0C60, 0x0C61), (0x0C80, 0x0C80), (0x0C85, 0x0C8C),
        (0x0C8E, 0x0C90), (0x0C92, 0x0CA8), (0x0CAA, 0x0CB3), (0x0CB5, 0x0CB9), (0x0CBD, 0x0CBD),
        (0x0CDD, 0x0CDE), (0x0CE0, 0x0CE1), (0x0CF1, 0x0CF2), (0x0D04, 0x0D0C), (0x0D0E, 0x0D10),
        (0x0D12, 0x0D3A), (0x0D3D, 0x0D3D), (0x0D4E, 0x0D4E), (0x0D54, 0x0D56), (0x0D5F, 0x0D61),
        (0x0D7A, 0x0D7F), (0x0D85, 0x0D96), (0x0D9A, 0x0DB1), (0x0DB3, 0x0DBB), (0x0DBD, 0x0DBD),
        (0x0DC0, 0x0DC6), (0x0E01, 0x0E30), (0x0E32, 0x0E33), (0x0E40, 0x0E46), (0x0E81, 0x0E82),
        (0x0E84, 0x0E84), (0x0E86, 0x0E8A), (0x0E8C, 0x0EA3), (0x0EA5, 0x0EA5), (0x0EA7, 0x0EB0),
        (0x0EB2, 0x0EB3), (0x0EBD, 0x0EBD), (0x0EC0, 0x0EC4), (0x0EC6, 0x0EC6), (0x0EDC, 0x0EDF),
        (0x0F00, 0x0F00), (0x0F40, 0x0F47), (0x0F49, 0x0F6C), (0x0F88, 0x0F8C), (0x1000, 0x102A),
        (0x103F, 0x103F), (0x1050, 0x1055), (0x105A, 0x105D), (0x1061, 0x1061), (0x1065, 0x1066),
        (0x106E, 0x1070), (0x1075, 0x1081), (0x108E, 0x108E), (0x10A0, 0x10C5), (0x10C7, 0x10C7),
        (0x10CD, 0x10CD), (0x10D0, 0x10FA), (0x10FC, 0x1248), (0x124A, 0x124D), (0x1250, 0x1256),
        (0x1258, 0x1258), (0x125A, 0x125D), (0x1260, 0x1288), (0x128A, 0x128D), (0x1290, 0x12B0),
        (0x12B2, 0x12B5), (0x12B8, 0x12BE), (0x12C0, 0x12C0), (0x12C2, 0x12C5), (0x12C8, 0x12D6),
        (0x12D8, 0x1310), (0x1312, 0x1315), (0x1318, 0x135A), (0x1380, 0x138F), (0x13A0, 0x13F5),
        (0x13F8, 0x13FD), (0x1401, 0x166C), (0x166F, 0x167F), (0x1681, 0x169A), (0x16A0, 0x16EA),
        (0x16F1, 0x16F8), (0x1700, 0x1711), (0x171F, 0x1731), (0x1740, 0x1751), (0x1760, 0x176C),
        (0x176E, 0x1770), (0x1780, 0x17B3), (0x17D7, 0x17D7), (0x17DC, 0x17DC), (0x1820, 0x1878),
        (0x1880, 0x1884), (0x1887, 0x18A8), (0x18AA, 0x18AA), (0x18B0, 0x18F5), (0x1900, 0x191E),
        (0x1950, 0x196D), (0x1970, 0x1974), (0x1980, 0x19AB), (0x19B0, 0x19C9), (0x1A00, 0x1A16),
        (0x1A20, 0x1A54), (0x1AA7, 0x1AA7), (0x1B05, 0x1B33), (0x1B45, 0x1B4C), (0x1B83, 0x1BA0),
        (0x1BAE, 0x1BAF), (0x1BBA, 0x1BE5), (0x1C00, 0x1C23), (0x1C4D, 0x1C4F), (0x1C5A, 0x1C7D),
        (0x1C80, 0x1C88), (0x1C90, 0x1CBA), (0x1CBD, 0x1CBF), (0x1CE9, 0x1CEC), (0x1CEE, 0x1CF3),
        (0x1CF5, 0x1CF6), (0x1CFA, 0x1CFA), (0x1D00, 0x1DBF), (0x1E00, 0x1F15), (0x1F18, 0x1F1D),
        (0x1F20, 0x1F45), (0x1F48, 0x1F4D), (0x1F50, 0x1F57), (0x1F59, 0x1F59), (0x1F5B, 0x1F5B),
        (0x1F5D, 0x1F5D), (0x1F5F, 0x1F7D), (0x1F80, 0x1FB4), (0x1FB6, 0x1FBC), (0x1FBE, 0x1FBE),
        (0x1FC2, 0x1FC4), (0x1FC6, 0x1FCC), (0x1FD0, 0x1FD3), (0x1FD6, 0x1FDB), (0x1FE0, 0x1FEC),
        (0x1FF2, 0x1FF4), (0x1FF6, 0x1FFC), (0x2071, 0x2071), (0x207F, 0x207F), (0x2090, 0x209C),
        (0x2102, 0x2102), (0x2107, 0x2107), (0x210A, 0x2113), (0x2115, 0x2115), (0x2119, 0x211D),
        (0x2124, 0x2124), (0x2126, 0x2126), (0x2128, 0x2128), (0x212A, 0x212D), (0x212F, 0x2139),
        (0x213C, 0x213F), (0x2145, 0x2149), (0x214E, 0x214E), (0x2183, 0x2184), (0x2C00, 0x2CE4),
        (0x2CEB, 0x2CEE), (0x2CF2, 0x2CF3), (0x2D00, 0x2D25), (0x2D27, 0x2D27), (0x2D2D, 0x2D2D),
        (0x2D30, 0x2D67), (0x2D6F, 0x2D6F), (0x2D80, 0x2D96), (0x2DA0, 0x2DA6), (0x2DA8, 0x2DAE),
        (0x2DB0, 0x2DB6), (0x2DB8, 0x2DBE), (0x2DC0, 0x2DC6), (0x2DC8, 0x2DCE), (0x2DD0, 0x2DD6),
        (0x2DD8, 0x2DDE), (0x2E2F, 0x2E2F), (0x3005, 0x3006), (0x3031, 0x3035), (0x303B, 0x303C),
        (0x3041, 0x3096), (0x309D, 0x309F), (0x30A1, 0x30FA), (0x30FC, 0x30FF), (0x3105, 0x312F),
        (0x3131, 0x318E), (0x31A0, 0x31BF), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0xA48C),
        (0xA4D0, 0xA4FD), (0xA500, 0xA60C), (0xA610, 0xA61F), (0xA62A, 0xA62B), (0xA640, 0xA66E),
        (0xA67F, 0xA69D), (0xA6A0, 0xA6E5), (0xA717, 0xA71F), (0xA722, 0xA788), (0xA78B, 0xA7CA),
        (0xA7D0, 0xA7D1), (0xA7D3, 0xA7D3), (0xA7D5, 0xA7D9), (0xA7F2, 0xA801), (0xA803, 0xA805),
        (0xA807, 0xA80A), (0xA80C, 0xA822), (0xA840, 0xA873), (0xA882, 0xA8B3), (0xA8F2, 0xA8F7),
        (0xA8FB, 0xA8FB), (0xA8FD, 0xA8FE), (0xA90A, 0xA925), (0xA930, 0xA946), (0xA960, 0xA97C),
        (0xA984, 0xA9B2), (0xA9CF, 0xA9CF), (0xA9E0, 0xA9E4), (0xA9E6, 0xA9EF), (0xA9FA, 0xA9FE),
        (0xAA00, 0xAA28), (0xAA40, 0xAA42), (0xAA44, 0xAA4B), (0xAA60, 0xAA76), (0xAA7A, 0xAA7A),
        (0xAA7E, 0xAAAF), (0xAAB1, 0xAAB1), (0xAAB5, 0xAAB6), (0xAAB9, 0xAABD), (0xAAC0, 0xAAC0),
        (0xAAC2, 0xAAC2), (0xAADB, 0xAADD), (0xAAE0, 0xAAEA), (0xAAF2, 0xAAF4), (0xAB01, 0xAB06),
        (0xAB09, 0xAB0E), (0xAB11, 0xAB16), (0xAB20, 0xAB26), (0xAB28, 0xAB2E), (0xAB30, 0xAB5A),
        (0xAB5C, 0xAB69), (0xAB70, 0xABE2), (0xAC00, 0xD7A3), (0xD7B0, 0xD7C6), (0xD7CB, 0xD7FB),
        (0xF900, 0xFA6D), (0xFA70, 0xFAD9), (0xFB00, 0xFB06), (0xFB13, 0xFB17), (0xFB1D, 0xFB1D),
        (0xFB1F, 0xFB28), (0xFB2A, 0xFB36), (0xFB38, 0xFB3C), (0xFB3E, 0xFB3E), (0xFB40, 0xFB41),
        (0xFB43, 0xFB44), (0xFB46, 0xFBB1), (0xFBD3, 0xFD3D), (0xFD50, 0xFD8F), (0xFD92, 0xFDC7),
        (0xFDF0, 0xFDFB), (0xFE70, 0xFE74), (0xFE76, 0xFEFC), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A),
        (0xFF66, 0xFFBE), (0xFFC2, 0xFFC7), (0xFFCA, 0xFFCF), (0xFFD2, 0xFFD7), (0xFFDA, 0xFFDC),
        (0x10000, 0x1000B), (0x1000D, 0x10026), (0x10028, 0x1003A), (0x1003C, 0x1003D),
        (0x1003F, 0x1004D), (0x10050, 0x1005D), (0x10080, 0x100FA), (0x10280, 0x1029C),
        (0x102A0, 0x102D0), (0x10300, 0x1031F), (0x1032D, 0x10340), (0x10342, 0x10349),
        (0x10350, 0x10375), (0x10380, 0x1039D), (0x103A0, 0x103C3), (0x103C8, 0x103CF),
        (0x10400, 0x1049D), (0x104B0, 0x104D3), (0x104D8, 0x104FB), (0x10500, 0x10527),
        (0x10530, 0x10563), (0x10570, 0x1057A), (0x1057C, 0x1058A), (0x1058C, 0x10592),
        (0x10594, 0x10595), (0x10597, 0x105A1), (0x105A3, 0x105B1), (0x105B3, 0x105B9),
        (0x105BB, 0x105BC), (0x10600, 0x10736), (0x10740, 0x10755), (0x10760, 0x10767),
        (0x10780, 0x10785), (0x10787, 0x107B0), (0x107B2, 0x107BA), (0x10800, 0x10805),
        (0x10808, 0x10808), (0x1080A, 0x10835), (0x10837, 0x10838), (0x1083C, 0x1083C),
        (0x1083F, 0x10855), (0x10860, 0x10876), (0x10880, 0x1089E), (0x108E0, 0x108F2),
        (0x108F4, 0x108F5), (0x10900, 0x10915), (0x10920, 0x10939), (0x10980, 0x109B7),
        (0x109BE, 0x109BF), (0x10A00, 0x10A00), (0x10A10, 0x10A13), (0x10A15, 0x10A17),
        (0x10A19, 0x10A35), (0x10A60, 0x10A7C), (0x10A80, 0x10A9C), (0x10AC0, 0x10AC7),
        (0x10AC9, 0x10AE4), (0x10B00, 0x10B35), (0x10B40, 0x10B55), (0x10B60, 0x10B72),
        (0x10B80, 0x10B91), (0x10C00, 0x10C48), (0x10C80, 0x10CB2), (0x10CC0, 0x10CF2),
        (0x10D00, 0x10D23), (0x10E80, 0x10EA9), (0x10EB0, 0x10EB1), (0x10F00, 0x10F1C),
        (0x10F27, 0x10F27), (0x10F30, 0x10F45), (0x10F70, 0x10F81), (0x10FB0, 0x10FC4),
        (0x10FE0, 0x10FF6), (0x11003, 0x11037), (0x11071, 0x11072), (0x11075, 0x11075),
        (0x11083, 0x110AF), (0x110D0, 0x110E8), (0x11103, 0x11126), (0x11144, 0x11144),
        (0x11147, 0x11147), (0x11150, 0x11172), (0x11176, 0x11176), (0x11183, 0x111B2),
        (0x111C1, 0x111C4), (0x111DA, 0x111DA), (0x111DC, 0x111DC), (0x11200, 0x11211),
        (0x11213, 0x1122B), (0x11280, 0x11286), (0x11288, 0x11288), (0x1128A, 0x1128D),
        (0x1128F, 0x1129D), (0x1129F, 0x112A8), (0x112B0, 0x112DE), (0x11305, 0x1130C),
        (0x1130F, 0x11310), (0x11313, 0x11328), (0x1132A, 0x11330), (0x11332, 0x11333),
        (0x11335, 0x11339), (0x1133D, 0x1133D), (0x11350, 0x11350), (0x1135D, 0x11361),
        (0x11400, 0x11434), (0x11447, 0x1144A), (0x1145F, 0x11461), (0x11480, 0x114AF),
        (0x114C4, 0x114C5), (0x114C7, 0x114C7), (0x11580, 0x115AE), (0x115D8, 0x115DB),
        (0x11600, 0x1162F), (0x11644, 0x11644), (0x11680, 0x116AA), (0x116B8, 0x116B8),
        (0x11700, 0x1171A), (0x11740, 0x11746), (0x11800, 0x1182B), (0x118A0, 0x118DF),
        (0x118FF, 0x11906), (0x11909, 0x11909), (0x1190C, 0x11913), (0x11915, 0x11916),
        (0x11918, 0x1192F), (0x1193F, 0x1193F), (0x11941, 0x11941), (0x119A0, 0x119A7),
        (0x119AA, 0x119D0), (0x119E1, 0x119E1), (0x119E3, 0x119E3), (0x11A00, 0x11A00),
        (0x11A0B, 0x11A32), (0x11A3A, 0x11A3A), (0x11A50, 0x11A50), (0x11A5C, 0x11A89),
        (0x11A9D, 0x11A9D), (0x11AB0, 0x11AF8), (0x11C00, 0x11C08), (0x11C0A, 0x11C2E),
        (0x11C40, 0x11C40), (0x11C72, 0x11C8F), (0x11D00, 0x11D06), (0x11D08, 0x11D09),
        (0x11D0B, 0x11D30), (0x11D46, 0x11D46), (0x11D60, 0x11D65), (0x11D67, 0x11D68),
        (0x11D6A, 0x11D89), (0x11D98, 0x11D98), (0x11EE0, 0x11EF2), (0x11FB0, 0x11FB0),
        (0x12000, 0x12399), (0x12480, 0x12543), (0x12F90, 0x12FF0), (0x13000, 0x1342E),
        (0x14400, 0x14646), (0x16800, 0x16A38), (0x16A40, 0x16A5E), (0x16A70, 0x16ABE),
        (0x16AD0, 0x16AED), (0x16B00, 0x16B2F), (0x16B40, 0x16B43), (0x16B63, 0x16B77),
        (0x16B7D, 0x16B8F), (0x16E40, 0x16E7F), (0x16F00, 0x16F4A), (0x16F50, 0x16F50),
        (0x16F93, 0x16F9F), (0x16FE0, 0x16FE1), (0x16FE3, 0x16FE3), (0x17000, 0x187F7),
        (0x18800, 0x18CD5), (0x18D00, 0x18D08), (0x1AFF0, 0x1AFF3), (0x1AFF5, 0x1AFFB),
        (0x1AFFD, 0x1AFFE), (0x1B000, 0x1B122), (0x1B150, 0x1B152), (0x1B164, 0x1B167),
        (0x1B170, 0x1B2FB), (0x1BC00, 0x1BC6A), (0x1BC70, 0x1BC7C), (0x1BC80, 0x1BC88),
        (0x1BC90, 0x1BC99), (0x1D400, 0x1D454), (0x1D456, 0x1D49C), (0x1D49E, 0x1D49F),
        (0x1D4A2, 0x1D4A2), (0x1D4A5, 0x1D4A6), (0x1D4A9, 0x1D4AC), (0x1D4AE, 0x1D4B9),
        (0x1D4BB, 0x1D4BB), (0x1D4BD, 0x1D4C3), (0x1D4C5, 0x1D505), (0x1D507, 0x1D50A),
        (0x1D50D, 0x1D514), (0x1D516, 0x1D51C), (0x1D51E, 0x1D539), (0x1D53B, 0x1D53E),
        (0x1D540, 0x1D544), (0x1D546, 0x1D546), (0x1D54A, 0x1D550), (0x1D552, 0x1D6A5),
        (0x1D6A8, 0x1D6C0), (0x1D6C2, 0x1D6DA), (0x1D6DC, 0x1D6FA), (0x1D6FC, 0x1D714),
        (0x1D716, 0x1D734), (0x1D736, 0x1D74E), (0x1D750, 0x1D76E), (0x1D770, 0x1D788),
        (0x1D78A, 0x1D7A8), (0x1D7AA, 0x1D7C2), (0x1D7C4, 0x1D7CB), (0x1DF00, 0x1DF1E),
        (0x1E100, 0x1E12C), (0x1E137, 0x1E13D), (0x1E14E, 0x1E14E), (0x1E290, 0x1E2AD),
        (0x1E2C0, 0x1E2EB), (0x1E7E0, 0x1E7E6), (0x1E7E8, 0x1E7EB), (0x1E7ED, 0x1E7EE),
        (0x1E7F0, 0x1E7FE), (0x1E800, 0x1E8C4), (0x1E900, 0x1E943), (0x1E94B, 0x1E94B),
        (0x1EE00, 0x1EE03), (0x1EE05, 0x1EE1F), (0x1EE21, 0x1EE22), (0x1EE24, 0x1EE24),
        (0x1EE27, 0x1EE27), (0x1EE29, 0x1EE32), (0x1EE34, 0x1EE37), (0x1EE39, 0x1EE39),
        (0x1EE3B, 0x1EE3B), (0x1EE42, 0x1EE42), (0x1EE47, 0x1EE47), (0x1EE49, 0x1EE49),
        (0x1EE4B, 0x1EE4B), (0x1EE4D, 0x1EE4F), (0x1EE51, 0x1EE52), (0x1EE54, 0x1EE54),
        (0x1EE57, 0x1EE57), (0x1EE59, 0x1EE59), (0x1EE5B, 0x1EE5B), (0x1EE5D, 0x1EE5D),
        (0x1EE5F, 0x1EE5F), (0x1EE61, 0x1EE62), (0x1EE64, 0x1EE64), (0x1EE67, 0x1EE6A),
        (0x1EE6C, 0x1EE72), (0x1EE74, 0x1EE77), (0x1EE79, 0x1EE7C), (0x1EE7E, 0x1EE7E),
        (0x1EE80, 0x1EE89), (0x1EE8B, 0x1EE9B), (0x1EEA1, 0x1EEA3), (0x1EEA5, 0x1EEA9),
        (0x1EEAB, 0x1EEBB), (0x20000, 0x2A6DF), (0x2A700, 0x2B738), (0x2B740, 0x2B81D),
        (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0), (0x2F800, 0x2FA1D), (0x30000, 0x3134A),
    ];

    /// The zero of each run of ten decimal digits (category Nd).
    #[rustfmt::skip]
    const DECIMAL_ZEROS: &[u32] = &[
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
        0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
        0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
        0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
        0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
    ];

    /// Digits that are not decimal digits (`'²'.isdigit()`).
    #[rustfmt::skip]
    const DIGIT_NOT_DECIMAL: &[(u32, u32)] = &[
        (0x00B2, 0x00B3), (0x00B9, 0x00B9), (0x1369, 0x1371), (0x19DA, 0x19DA), (0x2070, 0x2070),
        (0x2074, 0x2079), (0x2080, 0x2089), (0x2460, 0x2468), (0x2474, 0x247C), (0x2488, 0x2490),
        (0x24EA, 0x24EA), (0x24F5, 0x24FD), (0x24FF, 0x24FF), (0x2776, 0x277E), (0x2780, 0x2788),
        (0x278A, 0x2792), (0x10A40, 0x10A43), (0x10E60, 0x10E68), (0x11052, 0x1105A),
        (0x1F100, 0x1F10A),
    ];

    /// Characters with a numeric value (`str.isnumeric`).
    #[rustfmt::skip]
    const NUMERIC: &[(u32, u32)] = &[
        (0x0030, 0x0039), (0x00B2, 0x00B3), (0x00B9, 0x00B9), (0x00BC, 0x00BE), (0x0660, 0x0669),
        (0x06F0, 0x06F9), (0x07C0, 0x07C9), (0x0966, 0x096F), (0x09E6, 0x09EF), (0x09F4, 0x09F9),
        (0x0A66, 0x0A6F), (0x0AE6, 0x0AEF), (0x0B66, 0x0B6F), (0x0B72, 0x0B77), (0x0BE6, 0x0BF2),
        (0x0C66, 0x0C6F), (0x0C78, 0x0C7E), (0x0CE6, 0x0CEF), (0x0D58, 0x0D5E), (0x0D66, 0x0D78),
        (0x0DE6, 0x0DEF), (0x0E50, 0x0E59), (0x0ED0, 0x0ED9), (0x0F20, 0x0F33), (0x1040, 0x1049),
        (0x1090, 0x1099), (0x1369, 0x137C), (0x16EE, 0x16F0), (0x17E0, 0x17E9), (0x17F0, 0x17F9),
        (0x1810, 0x1819), (0x1946, 0x194F), (0x19D0, 0x19DA), (0x1A80, 0x1A89), (0x1A90, 0x1A99),
        (0x1B50, 0x1B59), (0x1BB0, 0x1BB9), (0x1C40, 0x1C49), (0x1C50, 0x1C59), (0x2070, 0x2070),
        (0x2074, 0x2079), (0x2080, 0x2089), (0x2150, 0x2182), (0x2185, 0x2189), (0x2460, 0x249B),
        (0x24EA, 0x24FF), (0x2776, 0x2793), (0x2CFD, 0x2CFD), (0x3007, 0x3007), (0x3021, 0x3029),
        (0x3038, 0x303A), (0x3192, 0x3195), (0x3220, 0x3229), (0x3248, 0x324F), (0x3251, 0x325F),
        (0x3280, 0x3289), (0x32B1, 0x32BF), (0x3405, 0x3405), (0x3483, 0x3483), (0x382A, 0x382A),
        (0x3B4D, 0x3B4D), (0x4E00, 0x4E00), (0x4E03, 0x4E03), (0x4E07, 0x4E07), (0x4E09, 0x4E09),
        (0x4E5D, 0x4E5D), (0x4E8C, 0x4E8C), (0x4E94, 0x4E94), (0x4E96, 0x4E96), (0x4EBF, 0x4EC0),
        (0x4EDF, 0x4EDF), (0x4EE8, 0x4EE8), (0x4F0D, 0x4F0D), (0x4F70, 0x4F70), (0x5104, 0x5104),
        (0x5146, 0x5146), (0x5169, 0x5169), (0x516B, 0x516B), (0x516D, 0x516D), (0x5341, 0x5341),
        (0x5343, 0x5345), (0x534C, 0x534C), (0x53C1, 0x53C4), (0x56DB, 0x56DB), (0x58F1, 0x58F1),
        (0x58F9, 0x58F9), (0x5E7A, 0x5E7A), (0x5EFE, 0x5EFF), (0x5F0C, 0x5F0E), (0x5F10, 0x5F10),
        (0x62FE, 0x62FE), (0x634C, 0x634C), (0x67D2, 0x67D2), (0x6F06, 0x6F06), (0x7396, 0x7396),
        (0x767E, 0x767E), (0x8086, 0x8086), (0x842C, 0x842C), (0x8CAE, 0x8CAE), (0x8CB3, 0x8CB3),
        (0x8D30, 0x8D30), (0x9621, 0x9621), (0x9646, 0x9646), (0x964C, 0x964C), (0x9678, 0x9678),
        (0x96F6, 0x96F6), (0xA620, 0xA629), (0xA6E6, 0xA6EF), (0xA830, 0xA835), (0xA8D0, 0xA8D9),
        (0xA900, 0xA909), (0xA9D0, 0xA9D9), (0xA9F0, 0xA9F9), (0xAA50, 0xAA59), (0xABF0, 0xABF9),
        (0xF96B, 0xF96B), (0xF973, 0xF973), (0xF978, 0xF978), (0xF9B2, 0xF9B2), (0xF9D1, 0xF9D1),
        (0xF9D3, 0xF9D3), (0xF9FD, 0xF9FD), (0xFF10, 0xFF19), (0x10107, 0x10133),
        (0x10140, 0x10178), (0x1018A, 0x1018B), (0x102E1, 0x102FB), (0x10320, 0x10323),
        (0x10341, 0x10341), (0x1034A, 0x1034A), (0x103D1, 0x103D5), (0x104A0, 0x104A9),
        (0x10858, 0x1085F), (0x10879, 0x1087F), (0x108A7, 0x108AF), (0x108FB, 0x108FF),
        (0x10916, 0x1091B), (0x109BC, 0x109BD), (0x109C0, 0x109CF), (0x109D2, 0x109FF),
        (0x10A40, 0x10A48), (0x10A7D, 0x10A7E), (0x10A9D, 0x10A9F), (0x10AEB, 0x10AEF),
        (0x10B58, 0x10B5F), (0x10B78, 0x10B7F), (0x10BA9, 0x10BAF), (0x10CFA, 0x10CFF),
        (0x10D30, 0x10D39), (0x10E60, 0x10E7E), (0x10F1D, 0x10F26), (0x10F51, 0x10F54),
        (0x10FC5, 0x10FCB), (0x11052, 0x1106F), (0x110F0, 0x110F9), (0x11136, 0x1113F),
        (0x111D0, 0x111D9), (0x111E1, 0x111F4), (0x112F0, 0x112F9), (0x11450, 0x11459),
        (0x114D0, 0x114D9), (0x11650, 0x11659), (0x116C0, 0x116C9), (0x11730, 0x1173B),
        (0x118E0, 0x118F2), (0x11950, 0x11959), (0x11C50, 0x11C6C), (0x11D50, 0x11D59),
        (0x11DA0, 0x11DA9), (0x11FC0, 0x11FD4), (0x12400, 0x1246E), (0x16A60, 0x16A69),
        (0x16AC0, 0x16AC9), (0x16B50, 0x16B59), (0x16B5B, 0x16B61), (0x16E80, 0x16E96),
        (0x1D2E0, 0x1D2F3), (0x1D360, 0x1D378), (0x1D7CE, 0x1D7FF), (0x1E140, 0x1E149),
        (0x1E2F0, 0x1E2F9), (0x1E8C7, 0x1E8CF), (0x1E950, 0x1E959), (0x1EC71, 0x1ECAB),
        (0x1ECAD, 0x1ECAF), (0x1ECB1, 0x1ECB4), (0x1ED01, 0x1ED2D), (0x1ED2F, 0x1ED3D),
        (0x1F100, 0x1F10C), (0x1FBF0, 0x1FBF9), (0x20001, 0x20001), (0x20064, 0x20064),
        (0x200E2, 0x200E2), (0x20121, 0x20121), (0x2092A, 0x2092A), (0x20983, 0x20983),
        (0x2098C, 0x2098C), (0x2099C, 0x2099C), (0x20AEA, 0x20AEA), (0x20AFD, 0x20AFD),
        (0x20B19, 0x20B19), (0x22390, 0x22390), (0x22998, 0x22998), (0x23B1B, 0x23B1B),
        (0x2626D, 0x2626D), (0x2F890, 0x2F890),
    ];

    /// Category Lt.
    #[rustfmt::skip]
    const TITLECASE_LETTERS: &[(u32, u32)] = &[
        (0x01C5, 0x01C5), (0x01C8, 0x01C8), (0x01CB, 0x01CB), (0x01F2, 0x01F2), (0x1F88, 0x1F8F),
        (0x1F98, 0x1F9F), (0x1FA8, 0x1FAF), (0x1FBC, 0x1FBC), (0x1FCC, 0x1FCC), (0x1FFC, 0x1FFC),
    ];

    /// `c.title()` where it is not `c.upper()`, sorted.
    #[rustfmt::skip]
    const TITLE_NOT_UPPER: &[(char, &str)] = &[
        ('\u{df}', "Ss"), ('\u{1c4}', "\u{1c5}"), ('\u{1c5}', "\u{1c5}"), ('\u{1c6}', "\u{1c5}"),
        ('\u{1c7}', "\u{1c8}"), ('\u{1c8}', "\u{1c8}"), ('\u{1c9}', "\u{1c8}"),
        ('\u{1ca}', "\u{1cb}"), ('\u{1cb}', "\u{1cb}"), ('\u{1cc}', "\u{1cb}"),
        ('\u{1f1}', "\u{1f2}"), ('\u{1f2}', "\u{1f2}"), ('\u{1f3}', "\u{1f2}"),
        ('\u{587}', "\u{535}\u{582}"), ('\u{10d0}', "\u{10d0}"), ('\u{10d1}', "\u{10d1}"),
        ('\u{10d2}', "\u{10d2}"), ('\u{10d3}', "\u{10d3}"), ('\u{10d4}', "\u{10d4}"),
        ('\u{10d5}', "\u{10d5}"), ('\u{10d6}', "\u{10d6}"), ('\u{10d7}', "\u{10d7}"),
        ('\u{10d8}', "\u{10d8}"), ('\u{10d9}', "\u{10d9}"), ('\u{10da}', "\u{10da}"),
        ('\u{10db}', "\u{10db}"), ('\u{10dc}', "\u{10dc}"), ('\u{10dd}', "\u{10dd}"),
        ('\u{10de}', "\u{10de}"), ('\u{10df}', "\u{10df}"), ('\u{10e0}', "\u{10e0}"),
        ('\u{10e1}', "\u{10e1}"), ('\u{10e2}', "\u{10e2}"), ('\u{10e3}', "\u{10e3}"),
        ('\u{10e4}', "\u{10e4}"), ('\u{10e5}', "\u{10e5}"), ('\u{10e6}', "\u{10e6}"),
        ('\u{10e7}', "\u{10e7}"), ('\u{10e8}', "\u{10e8}"), ('\u{10e9}', "\u{10e9}"),
        ('\u{10ea}', "\u{10ea}"), ('\u{10eb}', "\u{10eb}"), ('\u{10ec}', "\u{10ec}"),
        ('\u{10ed}', "\u{10ed}"), ('\u{10ee}', "\u{10ee}"), ('\u{10ef}', "\u{10ef}"),
        ('\u{10f0}', "\u{10f0}"), ('\u{10f1}', "\u{10f1}"), ('\u{10f2}', "\u{10f2}"),
        ('\u{10f3}', "\u{10f3}"), ('\u{10f4}', "\u{10f4}"), ('\u{10f5}', "\u{10f5}"),
        ('\u{10f6}', "\u{10f6}"), ('\u{10f7}', "\u{10f7}"), ('\u{10f8}', "\u{10f8}"),
        ('\u{10f9}', "\u{10f9}"), ('\u{10fa}', "\u{10fa}"), ('\u{10fd}', "\u{10fd}"),
        ('\u{10fe}', "\u{10fe}"), ('\u{10ff}', "\u{10ff}"), ('\u{1f80}', "\u{1f88}"),
        ('\u{1f81}', "\u{1f89}"), ('\u{1f82}', "\u{1f8a}"), ('\u{1f83}', "\u{1f8b}"),
        ('\u{1f84}', "\u{1f8c}"), ('\u{1f85}', "\u{1f8d}"), ('\u{1f86}', "\u{1f8e}"),
        ('\u{1f87}', "\u{1f8f}"), ('\u{1f88}', "\u{1f88}"), ('\u{1f89}', "\u{1f89}"),
        ('\u{1f8a}', "\u{1f8a}"), ('\u{1f8b}', "\u{1f8b}"), ('\u{1f8c}', "\u{1f8c}"),
        ('\u{1f8d}', "\u{1f8d}"), ('\u{1f8e}', "\u{1f8e}"), ('\u{1f8f}', "\u{1f8f}"),
        ('\u{1f90}', "\u{1f98}"), ('\u{1f91}', "\u{1f99}"), ('\u{1f92}', "\u{1f9a}"),
        ('\u{1f93}', "\u{1f9b}"), ('\u{1f94}', "\u{1f9c}"), ('\u{1f95}', "\u{1f9d}"),
        ('\u{1f96}', "\u{1f9e}"), ('\u{1f97}', "\u{1f9f}"), ('\u{1f98}', "\u{1f98}"),
        ('\u{1f99}', "\u{1f99}"), ('\u{1f9a}', "\u{1f9a}"), ('\u{1f9b}', "\u{1f9b}"),
        ('\u{1f9c}', "\u{1f9c}"), ('\u{1f9d}', "\u{1f9d}"), ('\u{1f9e}', "\u{1f9e}"),
        ('\u{1f9f}', "\u{1f9f}"), ('\u{1fa0}', "\u{1fa8}"), ('\u{1fa1}', "\u{1fa9}"),
        ('\u{1fa2}', "\u{1faa}"), ('\u{1fa3}', "\u{1fab}"), ('\u{1fa4}', "\u{1fac}"),
        ('\u{1fa5}', "\u{1fad}"), ('\u{1fa6}', "\u{1fae}"), ('\u{1fa7}', "\u{1faf}"),
        ('\u{1fa8}', "\u{1fa8}"), ('\u{1fa9}', "\u{1fa9}"), ('\u{1faa}', "\u{1faa}"),
        ('\u{1fab}', "\u{1fab}"), ('\u{1fac}', "\u{1fac}"), ('\u{1fad}', "\u{1fad}"),
        ('\u{1fae}', "\u{1fae}"), ('\u{1faf}', "\u{1faf}"), ('\u{1fb2}', "\u{1fba}\u{345}"),
        ('\u{1fb3}', "\u{1fbc}"), ('\u{1fb4}', "\u{386}\u{345}"),
        ('\u{1fb7}', "\u{391}\u{342}\u{345}"), ('\u{1fbc}', "\u{1fbc}"),
        ('\u{1fc2}', "\u{1fca}\u{345}"), ('\u{1fc3}', "\u{1fcc}"), ('\u{1fc4}', "\u{389}\u{345}"),
        ('\u{1fc7}', "\u{397}\u{342}\u{345}"), ('\u{1fcc}', "\u{1fcc}"),
        ('\u{1ff2}', "\u{1ffa}\u{345}"), ('\u{1ff3}', "\u{1ffc}"), ('\u{1ff4}', "\u{38f}\u{345}"),
        ('\u{1ff7}', "\u{3a9}\u{342}\u{345}"), ('\u{1ffc}', "\u{1ffc}"), ('\u{fb00}', "Ff"),
        ('\u{fb01}', "Fi"), ('\u{fb02}', "Fl"), ('\u{fb03}', "Ffi"), ('\u{fb04}', "Ffl"),
        ('\u{fb05}', "St"), ('\u{fb06}', "St"), ('\u{fb13}', "\u{544}\u{576}"),
        ('\u{fb14}', "\u{544}\u{565}"), ('\u{fb15}', "\u{544}\u{56b}"),
        ('\u{fb16}', "\u{54e}\u{576}"), ('\u{fb17}', "\u{544}\u{56d}"),
    ];

    /// `c.casefold()` where it is not `c.lower()`, sorted.
    #[rustfmt::skip]
    const FOLD_NOT_LOWER: &[(char, &str)] = &[
        ('\u{b5}', "\u{3bc}"), ('\u{df}', "ss"), ('\u{149}', "\u{2bc}n"), ('\u{17f}', "s"),
        ('\u{1f0}', "j\u{30c}"), ('\u{345}', "\u{3b9}"), ('\u{390}', "\u{3b9}\u{308}\u{301}"),
        ('\u{3b0}', "\u{3c5}\u{308}\u{301}"), ('\u{3c2}', "\u{3c3}"), ('\u{3d0}', "\u{3b2}"),
        ('\u{3d1}', "\u{3b8}"), ('\u{3d5}', "\u{3c6}"), ('\u{3d6}', "\u{3c0}"),
        ('\u{3f0}', "\u{3ba}"), ('\u{3f1}', "\u{3c1}"), ('\u{3f5}', "\u{3b5}"),
        ('\u{587}', "\u{565}\u{582}"), ('\u{13a0}', "\u{13a0}"), ('\u{13a1}', "\u{13a1}"),
        ('\u{13a2}', "\u{13a2}"), ('\u{13a3}', "\u{13a3}"), ('\u{13a4}', "\u{13a4}"),
        ('\u{13a5}', "\u{13a5}"), ('\u{13a6}', "\u{13a6}"), ('\u{13a7}', "\u{13a7}"),
        ('\u{13a8}', "\u{13a8}"), ('\u{13a9}', "\u{13a9}"), ('\u{13aa}', "\u{13aa}"),
        ('\u{13ab}', "\u{13ab}"), ('\u{13ac}', "\u{13ac}"), ('\u{13ad}', "\u{13ad}"),
        ('\u{13ae}', "\u{13ae}"), ('\u{13af}', "\u{13af}"), ('\u{13b0}', "\u{13b0}"),
        ('\u{13b1}', "\u{13b1}"), ('\u{13b2}', "\u{13b2}"), ('\u{13b3}', "\u{13b3}"),
        ('\u{13b4}', "\u{13b4}"), ('\u{13b5}', "\u{13b5}"), ('\u{13b6}', "\u{13b6}"),
        ('\u{13b7}', "\u{13b7}"), ('\u{13b8}', "\u{13b8}"), ('\u{13b9}', "\u{13b9}"),
        ('\u{13ba}', "\u{13ba}"), ('\u{13bb}', "\u{13bb}"), ('\u{13bc}', "\u{13bc}"),
        ('\u{13bd}', "\u{13bd}"), ('\u{13be}', "\u{13be}"), ('\u{13bf}', "\u{13bf}"),
        ('\u{13c0}', "\u{13c0}"), ('\u{13c1}', "\u{13c1}"), ('\u{13c2}', "\u{13c2}"),
        ('\u{13c3}', "\u{13c3}"), ('\u{13c4}', "\u{13c4}"), ('\u{13c5}', "\u{13c5}"),
        ('\u{13c6}', "\u{13c6}"), ('\u{13c7}', "\u{13c7}"), ('\u{13c8}', "\u{13c8}"),
        ('\u{13c9}', "\u{13c9}"), ('\u{13ca}', "\u{13ca}"), ('\u{13cb}', "\u{13cb}"),
        ('\u{13cc}', "\u{13cc}"), ('\u{13cd}', "\u{13cd}"), ('\u{13ce}', "\u{13ce}"),
        ('\u{13cf}', "\u{13cf}"), ('\u{13d0}', "\u{13d0}"), ('\u{13d1}', "\u{13d1}"),
        ('\u{13d2}', "\u{13d2}"), ('\u{13d3}', "\u{13d3}"), ('\u{13d4}', "\u{13d4}"),
        ('\u{13d5}', "\u{13d5}"), ('\u{13d6}', "\u{13d6}"), ('\u{13d7}', "\u{13d7}"),
        ('\u{13d8}', "\u{13d8}"), ('\u{13d9}', "\u{13d9}"), ('\u{13da}', "\u{13da}"),
        ('\u{13db}', "\u{13db}"), ('\u{13dc}', "\u{13dc}"), ('\u{13dd}', "\u{13dd}"),
        ('\u{13de}', "\u{13de}"), ('\u{13df}', "\u{13df}"), ('\u{13e0}', "\u{13e0}"),
        ('\u{13e1}', "\u{13e1}"), ('\u{13e2}', "\u{13e2}"), ('\u{13e3}', "\u{13e3}"),
        ('\u{13e4}', "\u{13e4}"), ('\u{13e5}', "\u{13e5}"), ('\u{13e6}', "\u{13e6}"),
        ('\u{13e7}', "\u{13e7}"), ('\u{13e8}', "\u{13e8}"), ('\u{13e9}', "\u{13e9}"),
        ('\u{13ea}', "\u{13ea}"), ('\u{13eb}', "\u{13eb}"), ('\u{13ec}', "\u{13ec}"),
        ('\u{13ed}', "\u{13ed}"), ('\u{13ee}', "\u{13ee}"), ('\u{13ef}', "\u{13ef}"),
        ('\u{13f0}', "\u{13f0}"), ('\u{13f1}', "\u{13f1}"), ('\u{13f2}', "\u{13f2}"),
        ('\u{13f3}', "\u{13f3}"), ('\u{13f4}', "\u{13f4}"), ('\u{13f5}', "\u{13f5}"),
        ('\u{13f8}', "\u{13f0}"), ('\u{13f9}', "\u{13f1}"), ('\u{13fa}', "\u{13f2}"),
        ('\u{13fb}', "\u{13f3}"), ('\u{13fc}', "\u{13f4}"), ('\u{13fd}', "\u{13f5}"),
        ('\u{1c80}', "\u{432}"), ('\u{1c81}', "\u{434}"), ('\u{1c82}', "\u{43e}"),
        ('\u{1c83}', "\u{441}"), ('\u{1c84}', "\u{442}"), ('\u{1c85}', "\u{442}"),
        ('\u{1c86}', "\u{44a}"), ('\u{1c87}', "\u{463}"), ('\u{1c88}', "\u{a64b}"),
        ('\u{1e96}', "h\u{331}"), ('\u{1e97}', "t\u{308}"), ('\u{1e98}', "w\u{30a}"),
        ('\u{1e99}', "y\u{30a}"), ('\u{1e9a}', "a\u{2be}"), ('\u{1e9b}', "\u{1e61}"),
        ('\u{1e9e}', "ss"), ('\u{1f50}', "\u{3c5}\u{313}"), ('\u{1f52}', "\u{3c5}\u{313}\u{300}"),
        ('\u{1f54}', "\u{3c5}\u{313}\u{301}"), ('\u{1f56}', "\u{3c5}\u{313}\u{342}"),
        ('\u{1f80}', "\u{1f00}\u{3b9}"), ('\u{1f81}', "\u{1f01}\u{3b9}"),
        ('\u{1f82}', "\u{1f02}\u{3b9}"), ('\u{1f83}', "\u{1f03}\u{3b9}"),
        ('\u{1f84}', "\u{1f04}\u{3b9}"), ('\u{1f85}', "\u{1f05}\u{3b9}"),
        ('\u{1f86}', "\u{1f06}\u{3b9}"), ('\u{1f87}', "\u{1f07}\u{3b9}"),
        ('\u{1f88}', "\u{1f00}\u{3b9}"), ('\u{1f89}', "\u{1f01}\u{3b9}"),
        ('\u{1f8a}', "\u{1f02}\u{3b9}"), ('\u{1f8b}', "\u{1f03}\u{3b9}"),
        ('\u{1f8c}', "\u{1f04}\u{3b9}"), ('\u{1f8d}', "\u{1f05}\u{3b9}"),
        ('\u{1f8e}', "\u{1f06}\u{3b9}"), ('\u{1f8f}', "\u{1f07}\u{3b9}"),
        ('\u{1f90}', "\u{1f20}\u{3b9}"), ('\u{1f91}', "\u{1f21}\u{3b9}"),
        ('\u{1f92}', "\u{1f22}\u{3b9}"), ('\u{1f93}', "\u{1f23}\u{3b9}"),
        ('\u{1f94}', "\u{1f24}\u{3b9}"), ('\u{1f95}', "\u{1f25}\u{3b9}"),
        ('\u{1f96}', "\u{1f26}\u{3b9}"), ('\u{1f97}', "\u{1f27}\u{3b9}"),
        ('\u{1f98}', "\u{1f20}\u{3b9}"), ('\u{1f99}', "\u{1f21}\u{3b9}"),
        ('\u{1f9a}', "\u{1f22}\u{3b9}"), ('\u{1f9b}', "\u{1f23}\u{3b9}"),
        ('\u{1f9c}', "\u{1f24}\u{3b9}"), ('\u{1f9d}', "\u{1f25}\u{3b9}"),
        ('\u{1f9e}', "\u{1f26}\u{3b9}"), ('\u{1f9f}', "\u{1f27}\u{3b9}"),
        ('\u{1fa0}', "\u{1f60}\u{3b9}"), ('\u{1fa1}', "\u{1f61}\u{3b9}"),
        ('\u{1fa2}', "\u{1f62}\u{3b9}"), ('\u{1fa3}', "\u{1f63}\u{3b9}"),
        ('\u{1fa4}', "\u{1f64}\u{3b9}"), ('\u{1fa5}', "\u{1f65}\u{3b9}"),
        ('\u{1fa6}', "\u{1f66}\u{3b9}"), ('\u{1fa7}', "\u{1f67}\u{3b9}"),
        ('\u{1fa8}', "\u{1f60}\u{3b9}"), ('\u{1fa9}', "\u{1f61}\u{3b9}"),
        ('\u{1faa}', "\u{1f62}\u{3b9}"), ('\u{1fab}', "\u{1f63}\u{3b9}"),
        ('\u{1fac}', "\u{1f64}\u{3b9}"), ('\u{1fad}', "\u{1f65}\u{3b9}"),
        ('\u{1fae}', "\u{1f66}\u{3b9}"), ('\u{1faf}', "\u{1f67}\u{3b9}"),
        ('\u{1fb2}', "\u{1f70}\u{3b9}"), ('\u{1fb3}', "\u{3b1}\u{3b9}"),
        ('\u{1fb4}', "\u{3ac}\u{3b9}"), ('\u{1fb6}', "\u{3b1}\u{342}"),
        ('\u{1fb7}', "\u{3b1}\u{342}\u{3b9}"), ('\u{1fbc}', "\u{3b1}\u{3b9}"),
        ('\u{1fbe}', "\u{3b9}"), ('\u{1fc2}', "\u{1f74}\u{3b9}"), ('\u{1fc3}', "\u{3b7}\u{3b9}"),
        ('\u{1fc4}', "\u{3ae}\u{3b9}"), ('\u{1fc6}', "\u{3b7}\u{342}"),
        ('\u{1fc7}', "\u{3b7}\u{342}\u{3b9}"), ('\u{1fcc}', "\u{3b7}\u{3b9}"),
        ('\u{1fd2}', "\u{3b9}\u{308}\u{300}"), ('\u{1fd3}', "\u{3b9}\u{308}\u{301}"),
        ('\u{1fd6}', "\u{3b9}\u{342}"), ('\u{1fd7}', "\u{3b9}\u{308}\u{342}"),
        ('\u{1fe2}', "\u{3c5}\u{308}\u{300}"), ('\u{1fe3}', "\u{3c5}\u{308}\u{301}"),
        ('\u{1fe4}', "\u{3c1}\u{313}"), ('\u{1fe6}', "\u{3c5}\u{342}"),
        ('\u{1fe7}', "\u{3c5}\u{308}\u{342}"), ('\u{1ff2}', "\u{1f7c}\u{3b9}"),
        ('\u{1ff3}', "\u{3c9}\u{3b9}"), ('\u{1ff4}', "\u{3ce}\u{3b9}"),
        ('\u{1ff6}', "\u{3c9}\u{342}"), ('\u{1ff7}', "\u{3c9}\u{342}\u{3b9}"),
        ('\u{1ffc}', "\u{3c9}\u{3b9}"), ('\u{ab70}', "\u{13a0}"), ('\u{ab71}', "\u{13a1}"),
        ('\u{ab72}', "\u{13a2}"), ('\u{ab73}', "\u{13a3}"), ('\u{ab74}', "\u{13a4}"),
        ('\u{ab75}', "\u{13a5}"), ('\u{ab76}', "\u{13a6}"), ('\u{ab77}', "\u{13a7}"),
        ('\u{ab78}', "\u{13a8}"), ('\u{ab79}', "\u{13a9}"), ('\u{ab7a}', "\u{13aa}"),
        ('\u{ab7b}', "\u{13ab}"), ('\u{ab7c}', "\u{13ac}"), ('\u{ab7d}', "\u{13ad}"),
        ('\u{ab7e}', "\u{13ae}"), ('\u{ab7f}', "\u{13af}"), ('\u{ab80}', "\u{13b0}"),
        ('\u{ab81}', "\u{13b1}"), ('\u{ab82}', "\u{13b2}"), ('\u{ab83}', "\u{13b3}"),
        ('\u{ab84}', "\u{13b4}"), ('\u{ab85}', "\u{13b5}"), ('\u{ab86}', "\u{13b6}"),
        ('\u{ab87}', "\u{13b7}"), ('\u{ab88}', "\u{13b8}"), ('\u{ab89}', "\u{13b9}"),
        ('\u{ab8a}', "\u{13ba}"), ('\u{ab8b}', "\u{13bb}"), ('\u{ab8c}', "\u{13bc}"),
        ('\u{ab8d}', "\u{13bd}"), ('\u{ab8e}', "\u{13be}"), ('\u{ab8f}', "\u{13bf}"),
        ('\u{ab90}', "\u{13c0}"), ('\u{ab91}', "\u{13c1}"), ('\u{ab92}', "\u{13c2}"),
        ('\u{ab93}', "\u{13c3}"), ('\u{ab94}', "\u{13c4}"), ('\u{ab95}', "\u{13c5}"),
        ('\u{ab96}', "\u{13c6}"), ('\u{ab97}', "\u{13c7}"), ('\u{ab98}', "\u{13c8}"),
        ('\u{ab99}', "\u{13c9}"), ('\u{ab9a}', "\u{13ca}"), ('\u{ab9b}', "\u{13cb}"),
        ('\u{ab9c}', "\u{13cc}"), ('\u{ab9d}', "\u{13cd}"), ('\u{ab9e}', "\u{13ce}"),
        ('\u{ab9f}', "\u{13cf}"), ('\u{aba0}', "\u{13d0}"), ('\u{aba1}', "\u{13d1}"),
        ('\u{aba2}', "\u{13d2}"), ('\u{aba3}', "\u{13d3}"), ('\u{aba4}', "\u{13d4}"),
        ('\u{aba5}', "\u{13d5}"), ('\u{aba6}', "\u{13d6}"), ('\u{aba7}', "\u{13d7}"),
        ('\u{aba8}', "\u{13d8}"), ('\u{aba9}', "\u{13d9}"), ('\u{abaa}', "\u{13da}"),
        ('\u{abab}', "\u{13db}"), ('\u{abac}', "\u{13dc}"), ('\u{abad}', "\u{13dd}"),
        ('\u{abae}', "\u{13de}"), ('\u{abaf}', "\u{13df}"), ('\u{abb0}', "\u{13e0}"),
        ('\u{abb1}', "\u{13e1}"), ('\u{abb2}', "\u{13e2}"), ('\u{abb3}', "\u{13e3}"),
        ('\u{abb4}', "\u{13e4}"), ('\u{abb5}', "\u{13e5}"), ('\u{abb6}', "\u{13e6}"),
        ('\u{abb7}', "\u{13e7}"), ('\u{abb8}', "\u{13e8}"), ('\u{abb9}', "\u{13e9}"),
        ('\u{abba}', "\u{13ea}"), ('\u{abbb}', "\u{13eb}"), ('\u{abbc}', "\u{13ec}"),
        ('\u{abbd}', "\u{13ed}"), ('\u{abbe}', "\u{13ee}"), ('\u{abbf}', "\u{13ef}"),
        ('\u{fb00}', "ff"), ('\u{fb01}', "fi"), ('\u{fb02}', "fl"), ('\u{fb03}', "ffi"),
        ('\u{fb04}', "ffl"), ('\u{fb05}', "st"), ('\u{fb06}', "st"), ('\u{fb13}', "\u{574}\u{576}"),
        ('\u{fb14}', "\u{574}\u{565}"), ('\u{fb15}', "\u{574}\u{56b}"),
        ('\u{fb16}', "\u{57e}\u{576}"), ('\u{fb17}', "\u{574}\u{56d}"),
    ];

    /// XID_Start characters that are not letters (letter numbers such as `'Ⅷ'`).
    #[rustfmt::skip]
    const ID_START_NOT_ALPHA: &[(u32, u32)] = &[
        (0x16EE, 0x16F0), (0x1885, 0x1886), (0x2118, 0x2118), (0x212E, 0x212E), (0x2160, 0x2182),
        (0x2185, 0x2188), (0x3007, 0x3007), (0x3021, 0x3029), (0x3038, 0x303A), (0xA6E6, 0xA6EF),
        (0x10140, 0x10174), (0x10341, 0x10341), (0x1034A, 0x1034A), (0x103D1, 0x103D5),
        (0x12400, 0x1246E),
    ];

    /// Letters that are not XID_Start (their NFKC form is not an identifier).
    #[rustfmt::skip]
    const ALPHA_NOT_ID_START: &[(u32, u32)] = &[
        (0x037A, 0x037A), (0x0E33, 0x0E33), (0x0EB3, 0x0EB3), (0x2E2F, 0x2E2F), (0xFC5E, 0xFC63),
        (0xFDFA, 0xFDFB), (0xFE70, 0xFE70), (0xFE72, 0xFE72), (0xFE74, 0xFE74), (0xFE76, 0xFE76),
        (0xFE78, 0xFE78), (0xFE7A, 0xFE7A), (0xFE7C, 0xFE7C), (0xFE7E, 0xFE7E), (0xFF9E, 0xFF9F),
    ];

    /// XID_Continue characters that are neither XID_Start nor decimal digits:
    /// combining marks, connector punctuation.
    #[rustfmt::skip]
    const ID_CONTINUE_EXTRA: &[(u32, u32)] = &[
        (0x00B7, 0x00B7), (0x0300, 0x036F), (0x0387, 0x0387), (0x0483, 0x0487), (0x0591, 0x05BD),
        (0x05BF, 0x05BF), (0x05C1, 0x05C2), (0x05C4, 0x05C5), (0x05C7, 0x05C7), (0x0610, 0x061A),
        (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06DC), (0x06DF, 0x06E4), (0x06E7, 0x06E8),
        (0x06EA, 0x06ED), (0x0711, 0x0711), (0x0730, 0x074A), (0x07A6, 0x07B0), (0x07EB, 0x07F3),
        (0x07FD, 0x07FD), (0x0816, 0x0819), (0x081B, 0x0823), (0x0825, 0x0827), (0x0829, 0x082D),
        (0x0859, 0x085B), (0x0898, 0x089F), (0x08CA, 0x08E1), (0x08E3, 0x0903), (0x093A, 0x093C),
        (0x093E, 0x094F), (0x0951, 0x0957), (0x0962, 0x0963), (0x0981, 0x0983), (0x09BC, 0x09BC),
        (0x09BE, 0x09C4), (0x09C7, 0x09C8), (0x09CB, 0x09CD), (0x09D7, 0x09D7), (0x09E2, 0x09E3),
        (0x09FE, 0x09FE), (0x0A01, 0x0A03), (0x0A3C, 0x0A3C), (0x0A3E, 0x0A42), (0x0A47, 0x0A48),
        (0x0A4B, 0x0A4D), (0x0A51, 0x0A51), (0x0A70, 0x0A71), (0x0A75, 0x0A75), (0x0A81, 0x0A83),
        (0x0ABC, 0x0ABC), (0x0ABE, 0x0AC5), (0x0AC7, 0x0AC9), (0x0ACB, 0x0ACD), (0x0AE2, 0x0AE3),
        (0x0AFA, 0x0AFF), (0x0B01, 0x0B03), (0x0B3C, 0x0B3C), (0x0B3E, 0x0B44), (0x0B47, 0x0B48),
        (0x0B4B, 0x0B4D), (0x0B55, 0x0B57), (0x0B62, 0x0B63), (0x0B82, 0x0B82), (0x0BBE, 0x0BC2),
        (0x0BC6, 0x0BC8), (0x0BCA, 0x0BCD), (0x0BD7, 0x0BD7), (0x0C00, 0x0C04), (0x0C3C, 0x0C3C),
        (0x0C3E, 0x0C44), (0x0C46, 0x0C48), (0x0C4A, 0x0C4D), (0x0C55, 0x0C56), (0x0C62, 0x0C63),
        (0x0C81, 0x0C83), (0x0CBC, 0x0CBC), (0x0CBE, 0x0CC4), (0x0CC6, 0x0CC8), (0x0CCA, 0x0CCD),
        (0x0CD5, 0x0CD6), (0x0CE2, 0x0CE3), (0x0D00, 0x0D03), (0x0D3B, 0x0D3C), (0x0D3E, 0x0D44),
        (0x0D46, 0x0D48), (0x0D4A, 0x0D4D), (0x0D57, 0x0D57), (0x0D62, 0x0D63), (0x0D81, 0x0D83),
        (0x0DCA, 0x0DCA), (0x0DCF, 0x0DD4), (0x0DD6, 0x0DD6), (0x0DD8, 0x0DDF), (0x0DF2, 0x0DF3),
        (0x0E31, 0x0E31), (0x0E33, 0x0E3A), (0x0E47, 0x0E4E), (0x0EB1, 0x0EB1), (0x0EB3, 0x0EBC),
        (0x0EC8, 0x0ECD), (0x0F18, 0x0F19), (0x0F35, 0x0F35), (0x0F37, 0x0F37), (0x0F39, 0x0F39),
        (0x0F3E, 0x0F3F), (0x0F71, 0x0F84), (0x0F86, 0x0F87), (0x0F8D, 0x0F97), (0x0F99, 0x0FBC),
        (0x0FC6, 0x0FC6), (0x102B, 0x103E), (0x1056, 0x1059), (0x105E, 0x1060), (0x1062, 0x1064),
        (0x1067, 0x106D), (0x1071, 0x1074), (0x1082, 0x108D), (0x108F, 0x108F), (0x109A, 0x109D),
        (0x135D, 0x135F), (0x1369, 0x1371), (0x1712, 0x1715), (0x1732, 0x1734), (0x1752, 0x1753),
        (0x1772, 0x1773), (0x17B4, 0x17D3), (0x17DD, 0x17DD), (0x180B, 0x180D), (0x180F, 0x180F),
        (0x18A9, 0x18A9), (0x1920, 0x192B), (0x1930, 0x193B), (0x19DA, 0x19DA), (0x1A17, 0x1A1B),
        (0x1A55, 0x1A5E), (0x1A60, 0x1A7C), (0x1A7F, 0x1A7F), (0x1AB0, 0x1ABD), (0x1ABF, 0x1ACE),
        (0x1B00, 0x1B04), (0x1B34, 0x1B44), (0x1B6B, 0x1B73), (0x1B80, 0x1B82), (0x1BA1, 0x1BAD),
        (0x1BE6, 0x1BF3), (0x1C24, 0x1C37), (0x1CD0, 0x1CD2), (0x1CD4, 0x1CE8), (0x1CED, 0x1CED),
        (0x1CF4, 0x1CF4), (0x1CF7, 0x1CF9), (0x1DC0, 0x1DFF), (0x203F, 0x2040), (0x2054, 0x2054),
        (0x20D0, 0x20DC), (0x20E1, 0x20E1), (0x20E5, 0x20F0), (0x2CEF, 0x2CF1), (0x2D7F, 0x2D7F),
        (0x2DE0, 0x2DFF), (0x302A, 0x302F), (0x3099, 0x309A), (0xA66F, 0xA66F), (0xA674, 0xA67D),
        (0xA69E, 0xA69F), (0xA6F0, 0xA6F1), (0xA802, 0xA802), (0xA806, 0xA806), (0xA80B, 0xA80B),
        (0xA823, 0xA827), (0xA82C, 0xA82C), (0xA880, 0xA881), (0xA8B4, 0xA8C5), (0xA8E0, 0xA8F1),
        (0xA8FF, 0xA8FF), (0xA926, 0xA92D), (0xA947, 0xA953), (0xA980, 0xA983), (0xA9B3, 0xA9C0),
        (0xA9E5, 0xA9E5), (0xAA29, 0xAA36), (0xAA43, 0xAA43), (0xAA4C, 0xAA4D), (0xAA7B, 0xAA7D),
        (0xAAB0, 0xAAB0), (0xAAB2, 0xAAB4), (0xAAB7, 0xAAB8), (0xAABE, 0xAABF), (0xAAC1, 0xAAC1),
        (0xAAEB, 0xAAEF), (0xAAF5, 0xAAF6), (0xABE3, 0xABEA), (0xABEC, 0xABED), (0xFB1E, 0xFB1E),
        (0xFE00, 0xFE0F), (0xFE20, 0xFE2F), (0xFE33, 0xFE34), (0xFE4D, 0xFE4F), (0xFF3F, 0xFF3F),
        (0xFF9E, 0xFF9F), (0x101FD, 0x101FD), (0x102E0, 0x102E0), (0x10376, 0x1037A),
        (0x10A01, 0x10A03), (0x10A05, 0x10A06), (0x10A0C, 0x10A0F), (0x10A38, 0x10A3A),
        (0x10A3F, 0x10A3F), (0x10AE5, 0x10AE6), (0x10D24, 0x10D27), (0x10EAB, 0x10EAC),
        (0x10F46, 0x10F50), (0x10F82, 0x10F85), (0x11000, 0x11002), (0x11038, 0x11046),
        (0x11070, 0x11070), (0x11073, 0x11074), (0x1107F, 0x11082), (0x110B0, 0x110BA),
        (0x110C2, 0x110C2), (0x11100, 0x11102), (0x11127, 0x11134), (0x11145, 0x11146),
        (0x11173, 0x11173), (0x11180, 0x11182), (0x111B3, 0x111C0), (0x111C9, 0x111CC),
        (0x111CE, 0x111CF), (0x1122C, 0x11237), (0x1123E, 0x1123E), (0x112DF, 0x112EA),
        (0x11300, 0x11303), (0x1133B, 0x1133C), (0x1133E, 0x11344), (0x11347, 0x11348),
        (0x1134B, 0x1134D), (0x11357, 0x11357), (0x11362, 0x11363), (0x11366, 0x1136C),
        (0x11370, 0x11374), (0x11435, 0x11446), (0x1145E, 0x1145E), (0x114B0, 0x114C3),
        (0x115AF, 0x115B5), (0x115B8, 0x115C0), (0x115DC, 0x115DD), (0x11630, 0x11640),
        (0x116AB, 0x116B7), (0x1171D, 0x1172B), (0x1182C, 0x1183A), (0x11930, 0x11935),
        (0x11937, 0x11938), (0x1193B, 0x1193E), (0x11940, 0x11940), (0x11942, 0x11943),
        (0x119D1, 0x119D7), (0x119DA, 0x119E0), (0x119E4, 0x119E4), (0x11A01, 0x11A0A),
        (0x11A33, 0x11A39), (0x11A3B, 0x11A3E), (0x11A47, 0x11A47), (0x11A51, 0x11A5B),
        (0x11A8A, 0x11A99), (0x11C2F, 0x11C36), (0x11C38, 0x11C3F), (0x11C92, 0x11CA7),
        (0x11CA9, 0x11CB6), (0x11D31, 0x11D36), (0x11D3A, 0x11D3A), (0x11D3C, 0x11D3D),
        (0x11D3F, 0x11D45), (0x11D47, 0x11D47), (0x11D8A, 0x11D8E), (0x11D90, 0x11D91),
        (0x11D93, 0x11D97), (0x11EF3, 0x11EF6), (0x16AF0, 0x16AF4), (0x16B30, 0x16B36),
        (0x16F4F, 0x16F4F), (0x16F51, 0x16F87), (0x16F8F, 0x16F92), (0x16FE4, 0x16FE4),
        (0x16FF0, 0x16FF1), (0x1BC9D, 0x1BC9E), (0x1CF00, 0x1CF2D), (0x1CF30, 0x1CF46),
        (0x1D165, 0x1D169), (0x1D16D, 0x1D172), (0x1D17B, 0x1D182), (0x1D185, 0x1D18B),
        (0x1D1AA, 0x1D1AD), (0x1D242, 0x1D244), (0x1DA00, 0x1DA36), (0x1DA3B, 0x1DA6C),
        (0x1DA75, 0x1DA75), (0x1DA84, 0x1DA84), (0x1DA9B, 0x1DA9F), (0x1DAA1, 0x1DAAF),
        (0x1E000, 0x1E006), (0x1E008, 0x1E018), (0x1E01B, 0x1E021), (0x1E023, 0x1E024),
        (0x1E026, 0x1E02A), (0x1E130, 0x1E136), (0x1E2AE, 0x1E2AE), (0x1E2EC, 0x1E2EF),
        (0x1E8D0, 0x1E8D6), (0x1E944, 0x1E94A), (0xE0100, 0xE01EF),
    ];
}
