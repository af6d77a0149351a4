//! The built-in functions and classes (`Python/bltinmodule.c`, and the
//! `tp_new` of each class).
//!
//! Finished in stage02 and imported by every later stage, which adds its own
//! names to the namespace (stage03's `lookup` adds `dict`) but never copies a
//! function: each is a `static` [`BuiltinFunction`] whose body receives the
//! interpreter ([`Vm`]), so `min(xs, key=f)` calls a Python `f` from stage03
//! on without a line changing here.
//!
//! stage02 has: `print`, `repr`, `ascii`, `format`, `abs`, `len`, `min`, `max`,
//! `pow`, `divmod`, `round`, `hex`, `oct`, `bin`, `chr`, `ord`, and the classes
//! `int`, `float`, `complex`, `bool`, `str`, `bytes`, `tuple`, `type` (plus
//! `type(None)` and `type(...)`). Each checks its arguments the way CPython does,
//! with CPython's messages, because a program can print them.

pub mod args;

use std::io::Write;
use std::rc::Rc;

use crate::exc::{ExcType, Exception, PyResult};
use crate::float;
use crate::int::Int;
use crate::pyrepr::{self, Escape};
use crate::roadmap;
use crate::value::ops;
use crate::value::types::{self, TypeObject};
use crate::value::{latin1_strs, BuiltinFunction, Dict, Object, Tuple, Value};
use crate::vm::{Keywords, RunError, Vm};
use args::{bind, check_count, index_arg, no_keywords, one_arg};

// ANCHOR: lookup
// ANCHOR: lookup_functions
/// The builtins namespace of stage02 (`builtins.__dict__`), as `LOAD_NAME`
/// falls back to it. Later stages look up their own names first, then these.
pub fn lookup(name: &str) -> Option<Value> {
    let function = match name {
        "abs" => &ABS,
        "ascii" => &ASCII,
        "bin" => &BIN,
        "chr" => &CHR,
        "divmod" => &DIVMOD,
        "format" => &FORMAT,
        "hex" => &HEX,
        "len" => &LEN,
        "max" => &MAX,
        "min" => &MIN,
        "oct" => &OCT,
        "ord" => &ORD,
        "pow" => &POW,
        "print" => &PRINT,
        "repr" => &REPR,
        "round" => &ROUND,
        _ => return lookup_type(name).map(Value::Type),
    };
    Some(Value::Builtin(function))
}
// ANCHOR_END: lookup_functions

// ANCHOR: lookup_type_and_missing_name
fn lookup_type(name: &str) -> Option<&'static TypeObject> {
    Some(match name {
        "bool" => &types::BOOL,
        "bytes" => &types::BYTES,
        "complex" => &types::COMPLEX,
        "float" => &types::FLOAT,
        "int" => &types::INT,
        "str" => &types::STR,
        "tuple" => &types::TUPLE,
        "type" => &types::TYPE,
        _ => return None,
    })
}

/// A name that is not in this stage's builtins: `NameError`, unless a later
/// stage of the workbook defines it (`range`), which is a limit of this stage
/// and not an error of the program (see [`roadmap`]).
pub fn missing_name(name: &str, this_stage: u8) -> RunError {
    match roadmap::builtin_stage(name) {
        Some(stage) if stage > this_stage => {
            RunError::not_implemented(format!("the builtin '{name}'"), Some(stage))
        }
        _ => Exception::new(ExcType::NameError, format!("name '{name}' is not defined")).into(),
    }
}
// ANCHOR_END: lookup_type_and_missing_name
// ANCHOR_END: lookup

// ANCHOR: call
/// Calls a built-in function or class with positional `args` and `keywords`
/// (`Objects/call.c: PyObject_Vectorcall`); `'int' object is not callable`
/// for a value that cannot be called.
pub fn call(
    vm: &mut dyn Vm,
    callable: &Value,
    args: &[Value],
    keywords: &Keywords,
) -> Result<Value, RunError> {
    match callable {
        Value::Builtin(function) => (function.call)(vm, args, keywords),
        Value::Type(class) => match class.new {
            Some(new) => new(vm, args, keywords),
            None => Err(
                Exception::type_error(format!("cannot create '{}' instances", class.name)).into(),
            ),
        },
        Value::Object(object) => match object.call(vm, args, keywords) {
            Some(result) => result,
            None => Err(not_callable(callable).into()),
        },
        other => Err(not_callable(other).into()),
    }
}

/// `TypeError: 'int' object is not callable`.
pub fn not_callable(value: &Value) -> Exception {
    Exception::type_error(format!("'{}' object is not callable", value.type_name()))
}
// ANCHOR_END: call

// ANCHOR: builtin_functions
pub static ABS: BuiltinFunction = BuiltinFunction {
    name: "abs",
    call: |_, args, keywords| Ok(ops::absolute(one_arg("abs", args, keywords)?)?),
};
pub static ASCII: BuiltinFunction = BuiltinFunction {
    name: "ascii",
    call: |_, args, keywords| Ok(ops::new_str(&ascii(one_arg("ascii", args, keywords)?)?)?),
};
pub static BIN: BuiltinFunction = BuiltinFunction {
    name: "bin",
    call: |_, args, keywords| Ok(radix("bin", args, keywords, 2)?),
};
pub static CHR: BuiltinFunction = BuiltinFunction {
    name: "chr",
    call: |_, args, keywords| Ok(builtin_chr(one_arg("chr", args, keywords)?)?),
};
pub static DIVMOD: BuiltinFunction = BuiltinFunction {
    name: "divmod",
    call: |_, args, keywords| Ok(builtin_divmod(args, keywords)?),
};
pub static FORMAT: BuiltinFunction = BuiltinFunction {
    name: "format",
    call: |_, args, keywords| Ok(builtin_format(args, keywords)?),
};
pub static HEX: BuiltinFunction = BuiltinFunction {
    name: "hex",
    call: |_, args, keywords| Ok(radix("hex", args, keywords, 16)?),
};
pub static LEN: BuiltinFunction = BuiltinFunction {
    name: "len",
    call: |_, args, keywords| Ok(builtin_len(one_arg("len", args, keywords)?)?),
};
pub static MAX: BuiltinFunction = BuiltinFunction {
    name: "max",
    call: |vm, args, keywords| min_max(vm, "max", args, keywords, false),
};
pub static MIN: BuiltinFunction = BuiltinFunction {
    name: "min",
    call: |vm, args, keywords| min_max(vm, "min", args, keywords, true),
};
pub static OCT: BuiltinFunction = BuiltinFunction {
    name: "oct",
    call: |_, args, keywords| Ok(radix("oct", args, keywords, 8)?),
};
pub static ORD: BuiltinFunction = BuiltinFunction {
    name: "ord",
    call: |_, args, keywords| Ok(builtin_ord(one_arg("ord", args, keywords)?)?),
};
pub static POW: BuiltinFunction = BuiltinFunction {
    name: "pow",
    call: |_, args, keywords| Ok(builtin_pow(args, keywords)?),
};
pub static PRINT: BuiltinFunction = BuiltinFunction {
    name: "print",
    call: |vm, args, keywords| builtin_print(vm.stdout(), args, keywords),
};
pub static REPR: BuiltinFunction = BuiltinFunction {
    name: "repr",
    call: |_, args, keywords| Ok(ops::new_str(&repr(one_arg("repr", args, keywords)?)?)?),
};
pub static ROUND: BuiltinFunction = BuiltinFunction {
    name: "round",
    call: |_, args, keywords| Ok(builtin_round(args, keywords)?),
};
// ANCHOR_END: builtin_functions

// ANCHOR: print
/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`: writes `str()`
/// of each object (`Python/bltinmodule.c: builtin_print`).
fn builtin_print(
    out: &mut dyn Write,
    args: &[Value],
    keywords: &Keywords,
) -> Result<Value, RunError> {
    let mut sep = Value::str(" ");
    let mut end = Value::str("\n");
    for (name, value) in keywords {
        match &**name {
            "sep" => sep = print_separator("sep", value, " ")?,
            "end" => end = print_separator("end", value, "\n")?,
            "file" if matches!(value, Value::None) => {}
            "flush" => {}
            _ => {
                return Err(Exception::type_error(format!(
                    "'{name}' is an invalid keyword argument for print()"
                ))
                .into())
            }
        }
    }
    for (index, arg) in args.iter().enumerate() {
        if index > 0 {
            write_str(out, &sep)?;
        }
        match arg {
            // Written straight from the repr: no str value is made for it.
            Value::Bytes(bytes) => out.write_all(pyrepr::try_repr_bytes(bytes)?.as_bytes())?,
            _ => write_str(out, &arg.to_str()?)?,
        }
    }
    write_str(out, &end)?;
    Ok(Value::None)
}

/// `sep` and `end` must be None (the default) or a str.
fn print_separator(name: &str, value: &Value, default: &str) -> PyResult<Value> {
    match value {
        Value::None => Ok(Value::str(default)),
        Value::Str(_) | Value::SurrogateStr(_) => Ok(value.clone()),
        other => Err(Exception::type_error(format!(
            "{name} must be None or a string, not {}",
            other.type_name()
        ))),
    }
}

/// Writes a str to stdout, encoded as UTF-8. A lone surrogate has no UTF-8
/// encoding: with the `strict` error handler it raises `UnicodeEncodeError`;
/// with `surrogateescape`, which CPython gives stdout under the C, POSIX and
/// C.UTF-8 locales, `'\udc80'` to `'\udcff'` are written as the bytes 0x80 to
/// 0xff they stand for (PEP 383), and only other surrogates raise.
fn write_str(out: &mut dyn Write, text: &Value) -> Result<(), RunError> {
    match text {
        Value::Str(s) => Ok(out.write_all(s.as_bytes())?),
        Value::SurrogateStr(points) if stdout_errors_are_surrogateescape() => {
            match surrogateescape(points) {
                Ok(bytes) => Ok(out.write_all(&bytes)?),
                Err(unescapable) => Err(surrogate_encode_error(&unescapable).into()),
            }
        }
        Value::SurrogateStr(points) => Err(surrogate_encode_error(points).into()),
        _ => Ok(()),
    }
}

/// Whether CPython 3.11 writes stdout with `errors='surrogateescape'`
/// (`Python/initconfig.c: config_get_stdio_errors`): the handler named by
/// `PYTHONIOENCODING=encoding:errors` if it names one; else `surrogateescape` in
/// UTF-8 mode (`PYTHONUTF8=1`) or under the C, POSIX or C.UTF-8 locale (the
/// first set of `LC_ALL`, `LC_CTYPE`, `LANG`; none set is C); else `strict`.
fn stdout_errors_are_surrogateescape() -> bool {
    let var = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    if let Some((_, errors)) = var("PYTHONIOENCODING")
        .as_deref()
        .and_then(|io| io.split_once(':'))
    {
        if !errors.is_empty() {
            return errors == "surrogateescape";
        }
    }
    if var("PYTHONUTF8").as_deref() == Some("1") {
        return true;
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| var(name))
        .unwrap_or_else(|| "C".to_string());
    matches!(
        locale.as_str(),
        "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8"
    )
}

/// Encodes code points as UTF-8 with `surrogateescape`; or, when a surrogate
/// other than `\udc80`–`\udcff` is there, the points with the escapable ones
/// replaced, for the error to name the first that is not.
fn surrogateescape(points: &[u32]) -> Result<Vec<u8>, Vec<u32>> {
    let mut bytes = Vec::with_capacity(points.len());
    for &point in points {
        match (point, char::from_u32(point)) {
            (0xDC80..=0xDCFF, _) => bytes.push(u8::try_from(point - 0xDC00).unwrap_or(b'?')),
            (_, Some(c)) => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            (_, None) => {
                let escapable = |p: u32| (0xDC80..=0xDCFF).contains(&p);
                return Err(points
                    .iter()
                    .map(|&p| if escapable(p) { u32::from('?') } else { p })
                    .collect());
            }
        }
    }
    Ok(bytes)
}

/// `'utf-8' codec can't encode character '\udc80' in position 0: surrogates not
/// allowed` (a run of surrogates is reported as `characters in position 1-2`).
pub fn surrogate_encode_error(points: &[u32]) -> Exception {
    let is_surrogate = |p: &u32| (0xD800..0xE000).contains(p);
    let start = points.iter().position(is_surrogate).unwrap_or(0);
    let run = points
        .iter()
        .skip(start)
        .take_while(|p| is_surrogate(p))
        .count();
    let message = if run <= 1 {
        let point = points.get(start).copied().unwrap_or(0);
        format!(
            "'utf-8' codec can't encode character '\\u{point:04x}' in position {start}: surrogates not allowed"
        )
    } else {
        format!(
            "'utf-8' codec can't encode characters in position {start}-{}: surrogates not allowed",
            start + run - 1
        )
    };
    Exception::new(ExcType::UnicodeEncodeError, message)
}
// ANCHOR_END: print

// ANCHOR: simple_builtins
/// `repr(x)` (`PyObject_Repr`). A str or bytes, whose repr can be as big as
/// the program makes it, goes through the reprs that ask for their memory
/// fallibly (`MemoryError`, not an abort); other values through `Value::repr`.
fn repr(value: &Value) -> PyResult<String> {
    match value {
        Value::Str(s) => pyrepr::try_repr_str(s, Escape::Unprintable),
        Value::SurrogateStr(points) => pyrepr::try_repr_surrogate_str(points, Escape::Unprintable),
        Value::Bytes(bytes) => pyrepr::try_repr_bytes(bytes),
        other => other.repr(),
    }
}

/// `ascii(x)` (`PyObject_ASCII`): the repr with every non-ASCII character
/// escaped, made in one pass for a str, in memory asked for fallibly.
fn ascii(value: &Value) -> PyResult<String> {
    match value {
        Value::Str(s) => pyrepr::try_repr_str(s, Escape::NonAscii),
        Value::SurrogateStr(points) => pyrepr::try_repr_surrogate_str(points, Escape::NonAscii),
        Value::Bytes(bytes) => pyrepr::try_repr_bytes(bytes),
        other => pyrepr::try_escape_non_ascii(&other.repr()?),
    }
}

/// `len(x)` (`PyObject_Size`).
fn builtin_len(value: &Value) -> PyResult<Value> {
    match value.size() {
        Some(len) => Ok(Value::Int(Int::from_i64(
            i64::try_from(len).unwrap_or(i64::MAX),
        ))),
        None => Err(Exception::type_error(format!(
            "object of type '{}' has no len()",
            value.type_name()
        ))),
    }
}

/// `hex(x)`, `oct(x)`, `bin(x)`: `-0xff` (`PyNumber_ToBase`).
fn radix(name: &str, args: &[Value], keywords: &Keywords, base: u32) -> PyResult<Value> {
    let value = index_arg(one_arg(name, args, keywords)?)?;
    Ok(Value::str(&value.to_radix_string(base, true)))
}

/// `chr(i)`: a code point to a one-character str; a surrogate code point gives
/// the rare surrogate string.
fn builtin_chr(value: &Value) -> PyResult<Value> {
    let code = index_arg(value)?;
    let Some(code) = code.to_i64().and_then(|c| i32::try_from(c).ok()) else {
        return Err(Exception::overflow_error(
            "Python int too large to convert to C int",
        ));
    };
    let out_of_range = || Exception::value_error("chr() arg not in range(0x110000)");
    let point = u32::try_from(code).map_err(|_| out_of_range())?;
    match char::from_u32(point) {
        Some(c) => Ok(Value::char_str(c)),
        None if point < 0x110000 => Ok(Value::SurrogateStr(Rc::from(vec![point]))),
        None => Err(out_of_range()),
    }
}

/// `ord(c)`: the code point of a one-character str, or the value of a
/// one-byte bytes.
fn builtin_ord(value: &Value) -> PyResult<Value> {
    let (point, len) = match value {
        Value::Str(s) => (s.chars().next().map(u32::from), s.chars().count()),
        Value::SurrogateStr(points) => (points.first().copied(), points.len()),
        Value::Bytes(b) => (b.first().map(|byte| u32::from(*byte)), b.len()),
        other => {
            return Err(Exception::type_error(format!(
                "ord() expected string of length 1, but {} found",
                other.type_name()
            )))
        }
    };
    match point {
        Some(point) if len == 1 => Ok(Value::Int(Int::from_i64(i64::from(point)))),
        _ => Err(Exception::type_error(format!(
            "ord() expected a character, but string of length {len} found"
        ))),
    }
}

/// `format(value, format_spec='')`.
fn builtin_format(args: &[Value], keywords: &Keywords) -> PyResult<Value> {
    no_keywords("format", keywords)?;
    check_count("format", args, 1, 2)?;
    let spec = match args.get(1) {
        None => "",
        Some(Value::Str(spec)) => spec,
        Some(other) => {
            return Err(Exception::type_error(format!(
                "format() argument 2 must be str, not {}",
                other.type_name()
            )))
        }
    };
    match args.first() {
        Some(value) => ops::format_value(value, spec),
        None => Ok(Value::None),
    }
}
// ANCHOR_END: simple_builtins

// ANCHOR: number_builtins
/// `divmod(a, b)`: `(a // b, a % b)` for ints and floats.
fn builtin_divmod(args: &[Value], keywords: &Keywords) -> PyResult<Value> {
    no_keywords("divmod", keywords)?;
    check_count("divmod", args, 2, 2)?;
    let (Some(a), Some(b)) = (args.first(), args.get(1)) else {
        return Ok(Value::None);
    };
    let pair = match (ops::as_int(a), ops::as_int(b)) {
        (Some(x), Some(y)) => {
            let (q, r) = x.divmod(&y)?;
            [Value::Int(q), Value::Int(r)]
        }
        _ => match (a, b) {
            (Value::Complex { .. }, _) | (_, Value::Complex { .. }) => {
                return Err(divmod_unsupported(a, b))
            }
            _ => match (ops::as_f64(a)?, ops::as_f64(b)?) {
                (Some(x), Some(y)) => {
                    let (q, r) = float::divmod(x, y)?;
                    [Value::Float(q), Value::Float(r)]
                }
                _ => return Err(divmod_unsupported(a, b)),
            },
        },
    };
    Ok(Value::Tuple(Tuple::from(Vec::from(pair))))
}

fn divmod_unsupported(a: &Value, b: &Value) -> Exception {
    Exception::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.type_name(),
        b.type_name()
    ))
}

/// `pow(base, exp, mod=None)`: `base ** exp`, or modular exponentiation for
/// three ints (`Objects/longobject.c: long_pow`).
fn builtin_pow(args: &[Value], keywords: &Keywords) -> PyResult<Value> {
    let bound = bind("pow", &["base", "exp", "mod"], 0, args, keywords)?;
    let (Some(Some(base)), exp, modulus) = (bound.first(), bound.get(1), bound.get(2)) else {
        return Err(Exception::type_error(
            "pow() missing required argument 'base' (pos 1)",
        ));
    };
    let Some(Some(exp)) = exp else {
        return Err(Exception::type_error(
            "pow() missing required argument 'exp' (pos 2)",
        ));
    };
    match modulus {
        Some(Some(modulus)) if !matches!(modulus, Value::None) => {
            match (ops::as_int(base), ops::as_int(exp), ops::as_int(modulus)) {
                (Some(b), Some(e), Some(m)) => Ok(Value::Int(b.pow_mod(&e, &m)?)),
                _ => Err(Exception::type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                )),
            }
        }
        _ => ops::binary_op(ops::BinaryOperator::Power, false, base, exp),
    }
}

/// `round(number, ndigits=None)`: round half to even (`float.__round__`,
/// `int.__round__`).
fn builtin_round(args: &[Value], keywords: &Keywords) -> PyResult<Value> {
    let bound = bind("round", &["number", "ndigits"], 0, args, keywords)?;
    let Some(Some(number)) = bound.first() else {
        return Err(Exception::type_error(
            "round() missing required argument 'number' (pos 1)",
        ));
    };
    let ndigits = match bound.get(1) {
        Some(Some(Value::None)) | Some(None) | None => None,
        Some(Some(n)) => Some(index_arg(n)?),
    };
    match (number, ndigits) {
        (Value::Float(f), None) => Ok(Value::Int(float::round_to_int(*f)?)),
        (Value::Float(f), Some(n)) => {
            let n = n
                .to_i64()
                .unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
            Ok(Value::Float(float::round_ndigits(*f, n)?))
        }
        (Value::Int(_) | Value::Bool(_), ndigits) => {
            let value = ops::as_int(number).unwrap_or(Int::from_i64(0));
            match ndigits {
                Some(n) if n.is_negative() => Ok(Value::Int(round_int(&value, &n.neg())?)),
                _ => Ok(Value::Int(value)),
            }
        }
        (other, _) => Err(Exception::type_error(format!(
            "type {} doesn't define __round__ method",
            other.type_name()
        ))),
    }
}

/// Rounds an int to a multiple of `10**digits`, half to even
/// (`Objects/longobject.c: _PyLong_Round`).
fn round_int(value: &Int, digits: &Int) -> PyResult<Int> {
    let ten = Int::from_i64(10);
    let unit = match ten.pow(digits)? {
        crate::int::IntOrFloat::Int(unit) => unit,
        crate::int::IntOrFloat::Float(_) => return Ok(value.clone()),
    };
    let (quotient, remainder) = value.divmod(&unit)?;
    let twice = remainder.add(&remainder)?;
    let round_up = match twice.cmp(&unit) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => !quotient.bitand(&Int::from_i64(1)).is_zero(),
        std::cmp::Ordering::Less => false,
    };
    let quotient = if round_up {
        quotient.add(&Int::from_i64(1))?
    } else {
        quotient
    };
    quotient.mul(&unit)
}
// ANCHOR_END: number_builtins

// ANCHOR: min_max
/// `min(iterable, *[, default, key])` or `min(a, b, *args[, key])`
/// (`Python/bltinmodule.c: min_max`). Ties keep the first item.
fn min_max(
    vm: &mut dyn Vm,
    name: &str,
    args: &[Value],
    keywords: &Keywords,
    want_min: bool,
) -> Result<Value, RunError> {
    let mut key = None;
    let mut default = None;
    for (kw, value) in keywords {
        match &**kw {
            "key" if !matches!(value, Value::None) => key = Some(value),
            "key" => {}
            "default" => default = Some(value),
            _ => {
                return Err(Exception::type_error(format!(
                    "'{kw}' is an invalid keyword argument for {name}()"
                ))
                .into())
            }
        }
    }
    let items = match args {
        [] => {
            return Err(Exception::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            ))
            .into())
        }
        [iterable] => iterate(vm, iterable)?,
        _ if default.is_some() => {
            return Err(Exception::type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            ))
            .into())
        }
        _ => args.to_vec(),
    };
    // `item < best` for min, `item > best` for max, as CPython asks it
    // (`PyObject_RichCompareBool(item, maxitem, op)`): the operator shows in a
    // `TypeError`, and nested tuples count toward the recursion limit.
    let op = if want_min {
        ops::CompareOp::Lt
    } else {
        ops::CompareOp::Gt
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let item_key = match key {
            Some(function) => vm.call(function, vec![item.clone()], Vec::new())?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((best_key, _)) => ops::compare(&item_key, best_key, op, vm.recursion_headroom())?,
        };
        if better {
            best = Some((item_key, item));
        }
    }
    match (best, default) {
        (Some((_, item)), _) => Ok(item),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => {
            Err(Exception::value_error(format!("{name}() arg is an empty sequence")).into())
        }
    }
}

/// The items of an iterable value, collected (a dict gives its keys; stage04
/// brings lazy iterators): `'int' object is not iterable` for the others.
/// `f(*x)` uses it too. The memory for the items, and for the small objects
/// they are (a str's characters beyond Latin-1), is asked for fallibly first.
pub fn iterate(vm: &mut dyn Vm, value: &Value) -> Result<Vec<Value>, RunError> {
    if let Value::Object(object) = value {
        return iterate_object(vm, object);
    }
    let mut items = Items::of(value)?;
    let mut collected = Vec::new();
    ops::reserve(&mut collected, items.len)?;
    ops::check_allocation(Some(items.items_allocate))?;
    collected.extend(&mut items.source);
    Ok(collected)
}

/// The items of an object of a later stage (a list, a range, an iterator),
/// through its `tp_iter` and `tp_iternext` slots: `next` may run Python code
/// (`map` with a Python function), so it gets the interpreter.
pub fn iterate_object(vm: &mut dyn Vm, object: &Rc<dyn Object>) -> Result<Vec<Value>, RunError> {
    let not_iterable = || {
        Exception::type_error(format!(
            "'{}' object is not iterable",
            object.type_object().name
        ))
    };
    let iterator = object.iter(object).ok_or_else(not_iterable)??;
    let Value::Object(iterator) = iterator else {
        return Err(not_iterable().into());
    };
    let mut items = Vec::new();
    loop {
        match iterator.next(vm) {
            Some(Ok(Some(item))) => {
                ops::reserve(&mut items, 1)?;
                items.push(item);
            }
            Some(Ok(None)) => return Ok(items),
            Some(Err(error)) => return Err(error),
            None => return Err(not_iterable().into()),
        }
    }
}

/// What iterating a stage02 value walks, with its length known before the
/// first item is made, as `PySequence_Tuple` asks `len(x)` before it
/// allocates the tuple.
struct Items<'a> {
    len: usize,
    /// The bytes the items own besides their slots: [`ops::SMALL_OBJECT_BYTES`]
    /// for each character of a str that is not Latin-1 (those are shared, see
    /// [`crate::value::latin1_strs`]), nothing for the ints of a bytes (held
    /// inline) or the items of a tuple (shared). `usize::MAX` when that
    /// overflows, which no allocation can satisfy.
    items_allocate: usize,
    source: ItemSource<'a>,
}

enum ItemSource<'a> {
    /// A str's characters, and the shared Latin-1 ones.
    Chars(std::str::Chars<'a>, Rc<[Value]>),
    CodePoints(std::slice::Iter<'a, u32>, Rc<[Value]>),
    Bytes(std::slice::Iter<'a, u8>),
    Values(std::slice::Iter<'a, Value>),
    Keys(std::vec::IntoIter<Value>),
}

impl<'a> Items<'a> {
    fn of(value: &'a Value) -> PyResult<Items<'a>> {
        let small = |count: usize| count.saturating_mul(ops::SMALL_OBJECT_BYTES);
        let (len, items_allocate, source) = match value {
            Value::Str(s) => (
                s.chars().count(),
                small(count_beyond_latin1(s)),
                ItemSource::Chars(s.chars(), latin1_strs()),
            ),
            Value::SurrogateStr(points) => (
                points.len(),
                small(points.iter().filter(|&&point| point > 0xff).count()),
                ItemSource::CodePoints(points.iter(), latin1_strs()),
            ),
            Value::Bytes(b) => (b.len(), 0, ItemSource::Bytes(b.iter())),
            Value::Tuple(t) => (t.len(), 0, ItemSource::Values(t.iter())),
            Value::Dict(d) => {
                let dict = d.borrow();
                let mut keys = Vec::new();
                ops::reserve(&mut keys, dict.len())?;
                keys.extend(dict.iter().map(|(key, _)| key.clone()));
                (keys.len(), 0, ItemSource::Keys(keys.into_iter()))
            }
            other => {
                return Err(Exception::type_error(format!(
                    "'{}' object is not iterable",
                    other.type_name()
                )))
            }
        };
        Ok(Items {
            len,
            items_allocate,
            source,
        })
    }
}

/// How many characters of `s` are above U+00FF: those whose UTF-8 starts
/// with a byte of 0xC4 or more (U+0100 is `C4 80`; continuation bytes are
/// below 0xC0).
fn count_beyond_latin1(s: &str) -> usize {
    if s.is_ascii() {
        return 0;
    }
    s.bytes().filter(|&byte| byte >= 0xc4).count()
}

impl Iterator for ItemSource<'_> {
    type Item = Value;

    fn next(&mut self) -> Option<Value> {
        let char_value = |c: char, latin1: &[Value]| {
            u8::try_from(c)
                .ok()
                .and_then(|byte| latin1.get(usize::from(byte)).cloned())
                .unwrap_or_else(|| Value::str(c.encode_utf8(&mut [0; 4])))
        };
        Some(match self {
            ItemSource::Chars(chars, latin1) => char_value(chars.next()?, latin1),
            ItemSource::CodePoints(points, latin1) => {
                let point = *points.next()?;
                match char::from_u32(point) {
                    Some(c) => char_value(c, latin1),
                    None => Value::SurrogateStr(Rc::from([point])),
                }
            }
            ItemSource::Bytes(bytes) => Value::Int(Int::from_i64(i64::from(*bytes.next()?))),
            ItemSource::Values(values) => values.next()?.clone(),
            ItemSource::Keys(keys) => keys.next()?,
        })
    }
}
// ANCHOR_END: min_max

// ANCHOR: call_type
// Calling a class makes an instance: `int('12')`, `str(3.5)`, `type(x)`. These
// are the `new` of the type objects in `value::types`.

/// `bool(x=False, /)`.
pub fn new_bool(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    no_keywords("bool", keywords)?;
    check_count("bool", args, 0, 1)?;
    Ok(Value::Bool(args.first().is_some_and(Value::is_true)))
}

/// `str(object='')`; `str(b, encoding)` decodes, which no stage does yet.
pub fn new_str(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    let bound = bind("str", &["object", "encoding", "errors"], 0, args, keywords)?;
    match bound.as_slice() {
        [None, None, None] => Ok(Value::str("")),
        [Some(Value::Bytes(bytes)), None, None] => {
            Ok(ops::new_str(&pyrepr::try_repr_bytes(bytes)?)?)
        }
        [Some(object), None, None] => Ok(object.to_str()?),
        _ => Err(RunError::not_implemented("str() with an encoding", None)),
    }
}

/// `tuple(iterable=(), /)` (`Objects/tupleobject.c: tuple_new_impl`).
pub fn new_tuple(vm: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    no_keywords("tuple", keywords)?;
    check_count("tuple", args, 0, 1)?;
    match args.first() {
        None => Ok(Value::Tuple(Tuple::from(Vec::new()))),
        Some(Value::Tuple(t)) => Ok(Value::Tuple(t.clone())),
        Some(Value::Object(object)) => Ok(Value::Tuple(Tuple::from(iterate_object(vm, object)?))),
        Some(iterable) => {
            // Straight into the tuple, without a list in between (which would
            // double the memory a big tuple needs at its peak).
            let Items {
                len,
                items_allocate,
                mut source,
            } = Items::of(iterable)?;
            let next = |_| source.next().unwrap_or(Value::None);
            Ok(ops::new_tuple(len, items_allocate, next)?)
        }
    }
}

/// `type(object)`: the class of `object` (the three-argument form makes a
/// class, which comes with classes).
pub fn new_type(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    match (args, keywords.is_empty()) {
        ([object], true) => Ok(Value::Type(object.type_of())),
        ([_, _, _], true) => Err(RunError::not_implemented(
            "type() with three arguments",
            None,
        )),
        _ => Err(Exception::type_error("type() takes 1 or 3 arguments").into()),
    }
}

/// `type(None)()`: None itself.
pub fn new_none(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    no_arguments("NoneType", args, keywords)?;
    Ok(Value::None)
}

/// `type(...)()`: Ellipsis itself.
pub fn new_ellipsis(
    _: &mut dyn Vm,
    args: &[Value],
    keywords: &Keywords,
) -> Result<Value, RunError> {
    no_arguments("ellipsis", args, keywords)?;
    Ok(Value::Ellipsis)
}

/// `NoneType takes no arguments`.
fn no_arguments(class: &str, args: &[Value], keywords: &Keywords) -> PyResult<()> {
    if args.is_empty() && keywords.is_empty() {
        Ok(())
    } else {
        Err(Exception::type_error(format!("{class} takes no arguments")))
    }
}

/// `dict(mapping=(), /, **kwargs)`: a copy of a dict, or the pairs of an
/// iterable (a tuple of pairs here; a list or `zip` from stage04 on), updated
/// with the keywords (`Objects/dictobject.c: dict_init`).
pub fn new_dict(vm: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    check_count("dict", args, 0, 1)?;
    let mut result = match args.first() {
        None => Dict::new(),
        Some(Value::Dict(d)) => d.borrow().clone(),
        Some(iterable) => dict_from_pairs(vm, iterable)?,
    };
    for (name, value) in keywords {
        result.insert_str(name.clone(), value.clone());
    }
    Ok(Value::new_dict(result))
}

/// A dict from an iterable of pairs (`PyDict_MergeFromSeq2`), with CPython's
/// errors for an item that is not a pair.
pub fn dict_from_pairs(vm: &mut dyn Vm, iterable: &Value) -> Result<Dict, RunError> {
    let mut dict = Dict::new();
    for (index, item) in iterate(vm, iterable)?.into_iter().enumerate() {
        let pair = iterate(vm, &item).map_err(|_| {
            Exception::type_error(format!(
                "cannot convert dictionary update sequence element #{index} to a sequence"
            ))
        })?;
        let [key, value] = <[Value; 2]>::try_from(pair).map_err(|pair| {
            Exception::value_error(format!(
                "dictionary update sequence element #{index} has length {}; 2 is required",
                pair.len()
            ))
        })?;
        dict.insert(key, value)?;
    }
    Ok(dict)
}

/// `int(x=0, /, base=10)` (`Objects/longobject.c: long_new_impl`).
pub fn new_int(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    Ok(int_from(args, keywords)?)
}

fn int_from(args: &[Value], keywords: &Keywords) -> PyResult<Value> {
    let bound = bind("int", &["x", "base"], 1, args, keywords)?;
    let (x, base) = match bound.as_slice() {
        [x, base] => (*x, *base),
        _ => (None, None),
    };
    let Some(x) = x else {
        return match base {
            None => Ok(Value::Int(Int::from_i64(0))),
            Some(_) => Err(Exception::type_error("int() missing string argument")),
        };
    };
    if let Some(base) = base {
        let base = index_arg(base)?;
        let base = base
            .to_i64()
            .and_then(|b| u32::try_from(b).ok())
            .filter(|b| *b == 0 || (2..=36).contains(b))
            .ok_or_else(|| Exception::value_error("int() base must be >= 2 and <= 36, or 0"))?;
        return match x {
            Value::Str(text) => Ok(Value::Int(Int::parse(text, base)?)),
            Value::Bytes(bytes) => Ok(Value::Int(Int::parse(
                &String::from_utf8_lossy(bytes),
                base,
            )?)),
            _ => Err(Exception::type_error(
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    match x {
        Value::Int(i) => Ok(Value::Int(i.clone())),
        Value::Bool(_) => Ok(Value::Int(ops::as_int(x).unwrap_or(Int::from_i64(0)))),
        Value::Float(f) => Ok(Value::Int(Int::from_f64(*f)?)),
        Value::Str(text) => Ok(Value::Int(Int::parse(text, 10)?)),
        Value::Bytes(bytes) => Ok(Value::Int(Int::parse(&String::from_utf8_lossy(bytes), 10)?)),
        other => Err(Exception::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

/// `float(x=0.0, /)` (`Objects/floatobject.c: float_new_impl`).
pub fn new_float(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    Ok(float_from(args, keywords)?)
}

fn float_from(args: &[Value], keywords: &Keywords) -> PyResult<Value> {
    no_keywords("float", keywords)?;
    check_count("float", args, 0, 1)?;
    let Some(x) = args.first() else {
        return Ok(Value::Float(0.0));
    };
    match x {
        Value::Str(text) => Ok(Value::Float(float::parse(text)?)),
        Value::Bytes(bytes) => Ok(Value::Float(float::parse(&String::from_utf8_lossy(bytes))?)),
        Value::Complex { .. } => Err(float_type_error(x)),
        _ => match ops::as_f64(x)? {
            Some(f) => Ok(Value::Float(f)),
            None => Err(float_type_error(x)),
        },
    }
}

fn float_type_error(x: &Value) -> Exception {
    Exception::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        x.type_name()
    ))
}

/// `complex(real=0, imag=0)` from numbers (parsing a string is not in the
/// workbook yet), as `Objects/complexobject.c: complex_new_impl` combines
/// them.
pub fn new_complex(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    if let Some(Value::Str(_)) = args.first() {
        return Err(RunError::not_implemented("complex() from a string", None));
    }
    Ok(complex_from(args, keywords)?)
}

fn complex_from(args: &[Value], keywords: &Keywords) -> PyResult<Value> {
    let bound = bind("complex", &["real", "imag"], 0, args, keywords)?;
    let part = |value: Option<&&Value>, first: bool| -> PyResult<(f64, f64)> {
        match value {
            None => Ok((0.0, 0.0)),
            Some(Value::Complex { real, imag }) => Ok((*real, *imag)),
            Some(Value::Str(_)) if !first => Err(Exception::type_error(
                "complex() second arg can't be a string",
            )),
            Some(v) => match ops::as_f64(v)? {
                Some(f) => Ok((f, 0.0)),
                None if first => Err(Exception::type_error(format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    v.type_name()
                ))),
                None => Err(Exception::type_error(format!(
                    "complex() second argument must be a number, not '{}'",
                    v.type_name()
                ))),
            },
        }
    };
    let (a, b) = match bound.as_slice() {
        [a, b] => (a.as_ref(), b.as_ref()),
        _ => (None, None),
    };
    if let Some(Value::Str(_)) = a {
        return Err(Exception::type_error(
            "complex() can't take second arg if first is a string",
        ));
    }
    let (ar, ai) = part(a, true)?;
    let (br, bi) = part(b, false)?;
    // `real + imag*1j`, but a part that is no complex adds nothing in the
    // other direction, not even `+0.0`: `complex(1, -0.0)` keeps its `-0.0`
    // (`0.0 + -0.0` would be `+0.0`).
    let is_complex = |v: Option<&&Value>| matches!(v, Some(Value::Complex { .. }));
    let real = if is_complex(b) { ar - bi } else { ar };
    let imag = match b {
        None => ai,
        Some(_) if is_complex(a) => br + ai,
        Some(_) => br,
    };
    Ok(Value::Complex { real, imag })
}

/// `bytes(x)` from a count, a tuple of ints or bytes (no encodings yet).
pub fn new_bytes(vm: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Result<Value, RunError> {
    // An object of a later stage (a list, a range) gives its items first.
    if let [Value::Object(object)] = args {
        if keywords.is_empty() {
            let items = Value::Tuple(Tuple::from(iterate_object(vm, object)?));
            return new_bytes(vm, &[items], keywords);
        }
    }
    bytes_from(args, keywords)?.map_err(|what| RunError::not_implemented(what, None))
}

/// The bytes, or (inside) the limit it reached.
fn bytes_from(args: &[Value], keywords: &Keywords) -> PyResult<Result<Value, &'static str>> {
    let bound = bind(
        "bytes",
        &["source", "encoding", "errors"],
        0,
        args,
        keywords,
    )?;
    let source = match bound.as_slice() {
        [None, None, None] => return Ok(Ok(Value::Bytes(Rc::from(Vec::new())))),
        [Some(source), None, None] => *source,
        [Some(Value::Str(text)), Some(Value::Str(encoding)), None] => {
            return Ok(encode_str(text, encoding));
        }
        _ => return Ok(Err("bytes() with an encoding")),
    };
    let bytes = match source {
        Value::Bytes(_) => Ok(source.clone()),
        Value::Str(_) | Value::SurrogateStr(_) => {
            Err(Exception::type_error("string argument without an encoding"))
        }
        Value::Int(_) | Value::Bool(_) => zero_bytes(source),
        Value::Tuple(items) => {
            let mut bytes = Vec::new();
            ops::reserve(&mut bytes, items.len())?;
            for item in items.iter() {
                let i = index_arg(item)?;
                let byte = i
                    .to_i64()
                    .and_then(|n| u8::try_from(n).ok())
                    .ok_or_else(|| Exception::value_error("bytes must be in range(0, 256)"))?;
                bytes.push(byte);
            }
            ops::new_bytes(&bytes)
        }
        other => Err(Exception::type_error(format!(
            "cannot convert '{}' object to bytes",
            other.type_name()
        ))),
    };
    bytes.map(Ok)
}

/// `bytes(text, encoding)` for the encodings every text can be written in
/// without a choice to make: UTF-8 (all its spellings), or ASCII and Latin-1
/// when every character fits. Anything else is a limit of the workbook.
fn encode_str(text: &str, encoding: &str) -> Result<Value, &'static str> {
    let name = encoding.to_ascii_lowercase().replace(['-', '_'], "");
    let fits = |max: u32| text.chars().all(|c| u32::from(c) <= max);
    let bytes: Vec<u8> = match name.as_str() {
        "utf8" => text.as_bytes().to_vec(),
        "ascii" if fits(0x7f) => text.bytes().collect(),
        "latin1" | "iso88591" if fits(0xff) => text.chars().map(|c| c as u8).collect(),
        _ => return Err("bytes() with this encoding, or characters it cannot encode"),
    };
    Ok(Value::Bytes(Rc::from(bytes)))
}

/// `bytes(n)`: `n` zero bytes (`Objects/bytesobject.c: bytes_new_impl`). `n`
/// must fit a `Py_ssize_t` (`OverflowError`, as `PyNumber_AsSsize_t` says),
/// must not be negative, and is one of the lengths [`ops::MAX_SEQUENCE_LEN`]
/// limits; the memory is asked for fallibly.
fn zero_bytes(count: &Value) -> PyResult<Value> {
    let count = ops::as_int(count)
        .and_then(|n| n.to_i64())
        .ok_or_else(|| Exception::overflow_error("cannot fit 'int' into an index-sized integer"))?;
    let Ok(len) = usize::try_from(count) else {
        return Err(Exception::value_error("negative count"));
    };
    if len > ops::MAX_SEQUENCE_LEN {
        return Err(Exception::memory_error());
    }
    // `vec![0; len]` asks the system for zeroed pages (`calloc`), which costs
    // nothing until they are touched; the `Rc` is then a copy. The probe asks
    // for room for both at once.
    ops::check_allocation(ops::rc_slice_bytes::<u8>(len, 0).and_then(|n| n.checked_add(len)))?;
    Ok(Value::Bytes(Rc::from(vec![0; len])))
}
// ANCHOR_END: call_type
