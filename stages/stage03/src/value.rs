//! The interpreter's values: what lives on the value stack and in the namespace.
//!
//! A `Value` is a small enum that is cheap to clone: numbers are held inline, and
//! everything bigger sits behind an `Rc`, so pushing, storing and copying a value
//! never copies its contents (CPython does the same with reference counts,
//! `Py_INCREF`). stage03 adds the function and the `dict` (for `**kwargs`); a
//! dict is shared and mutable, so it sits in a `RefCell`.
//!
//! This module knows what a value *is* (its type, its truth, its `repr` and `str`).
//! What the operators do with values is in [`ops`]; the number and text
//! semantics that do not depend on this enum are in `int`, `float`, `format` and
//! `pyrepr`, which every stage imports.

pub mod dict;
pub mod ops;

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::code::Constant;
use crate::exc::{ExcType, Exception, PyResult};
use crate::format::PrintfArg;
use crate::function::{Function, PreparedCode};
use crate::int::Int;
use crate::pyrepr;
use dict::Dict;

// ANCHOR: value
/// A Python object as stage03 knows it.
#[derive(Debug, Clone)]
pub enum Value {
    None,
    Bool(bool),
    /// An `int`: an `i64` while it fits, a `BigInt` beyond (see [`crate::int`]).
    Int(Int),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Rc<str>),
    /// A `str` holding a lone surrogate such as `"\udc80"`, which a Rust `str`
    /// cannot hold: kept as code points. Rare, so it gets only what a straight-line
    /// program can do with it (repr, len, concatenation, a failing `print`).
    SurrogateStr(Rc<[u32]>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Value]>),
    /// `...`
    Ellipsis,
    /// A code object, with its constants prepared once (see [`PreparedCode`]).
    Code(Rc<PreparedCode>),
    /// A function made by `MAKE_FUNCTION` (`def`).
    Function(Rc<Function>),
    /// A `dict` (stage03: `str` keys only, see [`dict`]).
    Dict(Rc<RefCell<Dict>>),
    /// A built-in function such as `print` (`builtin_function_or_method`).
    Builtin(Builtin),
    /// A built-in class such as `int`: what `type(x)` returns, and callable.
    Type(TypeObject),
}
// ANCHOR_END: value

// ANCHOR: builtin_enums
/// The built-in functions of stage03 (`Python/bltinmodule.c`). A plain enum: the
/// call itself is a `match` in [`crate::builtins`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    Abs,
    Ascii,
    Bin,
    Chr,
    Divmod,
    Format,
    Hex,
    Len,
    Max,
    Min,
    Oct,
    Ord,
    Pow,
    Print,
    Repr,
    Round,
}

/// The built-in classes a stage03 value can have (`type(x)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeObject {
    NoneType,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    Tuple,
    Ellipsis,
    Code,
    Function,
    Dict,
    BuiltinFunction,
    Type,
}
// ANCHOR_END: builtin_enums

impl Builtin {
    /// The function's `__name__`.
    pub fn name(self) -> &'static str {
        match self {
            Builtin::Abs => "abs",
            Builtin::Ascii => "ascii",
            Builtin::Bin => "bin",
            Builtin::Chr => "chr",
            Builtin::Divmod => "divmod",
            Builtin::Format => "format",
            Builtin::Hex => "hex",
            Builtin::Len => "len",
            Builtin::Max => "max",
            Builtin::Min => "min",
            Builtin::Oct => "oct",
            Builtin::Ord => "ord",
            Builtin::Pow => "pow",
            Builtin::Print => "print",
            Builtin::Repr => "repr",
            Builtin::Round => "round",
        }
    }
}

impl TypeObject {
    /// The class's `__name__` (`tp_name`), as error messages and `repr` show it.
    pub fn name(self) -> &'static str {
        match self {
            TypeObject::NoneType => "NoneType",
            TypeObject::Bool => "bool",
            TypeObject::Int => "int",
            TypeObject::Float => "float",
            TypeObject::Complex => "complex",
            TypeObject::Str => "str",
            TypeObject::Bytes => "bytes",
            TypeObject::Tuple => "tuple",
            TypeObject::Ellipsis => "ellipsis",
            TypeObject::Code => "code",
            TypeObject::Function => "function",
            TypeObject::Dict => "dict",
            TypeObject::BuiltinFunction => "builtin_function_or_method",
            TypeObject::Type => "type",
        }
    }
}

/// Nesting deeper than this in `repr` raises `RecursionError`, as CPython's
/// `Py_EnterRecursiveCall` does, instead of overflowing the Rust stack.
const MAX_REPR_DEPTH: usize = 1000;

impl Value {
    /// A `str` value from Rust text.
    pub fn str(text: &str) -> Value {
        Value::Str(Rc::from(text))
    }

    /// An `int` value from a `BigInt`, small when it fits.
    pub fn int(value: BigInt) -> Value {
        Value::Int(Int::from_bigint(value))
    }

    // ANCHOR: type_of
    /// `type(self)`.
    pub fn type_of(&self) -> TypeObject {
        match self {
            Value::None => TypeObject::NoneType,
            Value::Bool(_) => TypeObject::Bool,
            Value::Int(_) => TypeObject::Int,
            Value::Float(_) => TypeObject::Float,
            Value::Complex { .. } => TypeObject::Complex,
            Value::Str(_) | Value::SurrogateStr(_) => TypeObject::Str,
            Value::Bytes(_) => TypeObject::Bytes,
            Value::Tuple(_) => TypeObject::Tuple,
            Value::Ellipsis => TypeObject::Ellipsis,
            Value::Code(_) => TypeObject::Code,
            Value::Function(_) => TypeObject::Function,
            Value::Dict(_) => TypeObject::Dict,
            Value::Builtin(_) => TypeObject::BuiltinFunction,
            Value::Type(_) => TypeObject::Type,
        }
    }

    /// `type(self).__name__`, the name error messages quote.
    pub fn type_name(&self) -> &'static str {
        self.type_of().name()
    }
    // ANCHOR_END: type_of

    // ANCHOR: is_true
    /// Truth testing, `bool(self)` (`Objects/object.c: PyObject_IsTrue`): zero
    /// numbers and empty containers are false, everything else is true.
    pub fn is_true(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => !i.is_zero(),
            Value::Float(f) => *f != 0.0,
            Value::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::SurrogateStr(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Ellipsis
            | Value::Code(_)
            | Value::Function(_)
            | Value::Builtin(_)
            | Value::Type(_) => true,
        }
    }
    // ANCHOR_END: is_true

    // ANCHOR: repr
    /// `repr(self)` (`Objects/object.c: PyObject_Repr`).
    pub fn repr(&self) -> PyResult<String> {
        self.repr_nested(0)
    }

    fn repr_nested(&self, depth: usize) -> PyResult<String> {
        Ok(match self {
            Value::None => "None".to_string(),
            Value::Bool(true) => "True".to_string(),
            Value::Bool(false) => "False".to_string(),
            Value::Int(i) => i.to_decimal_string()?,
            Value::Float(f) => pyrepr::repr_float(*f),
            Value::Complex { real, imag } => pyrepr::repr_complex(*real, *imag),
            Value::Str(s) => pyrepr::repr_str(s),
            Value::SurrogateStr(s) => pyrepr::repr_surrogate_str(s),
            Value::Bytes(b) => pyrepr::repr_bytes(b),
            Value::Tuple(items) => repr_tuple(items, depth)?,
            Value::Ellipsis => "Ellipsis".to_string(),
            Value::Code(prepared) => pyrepr::repr_code(&prepared.code),
            Value::Function(function) => format!(
                "<function {} at {:#x}>",
                function.qualname,
                Rc::as_ptr(function) as usize
            ),
            Value::Dict(d) => repr_dict_nested(&d.borrow(), depth)?,
            Value::Builtin(f) => format!("<built-in function {}>", f.name()),
            Value::Type(t) => format!("<class '{}'>", t.name()),
        })
    }
    // ANCHOR_END: repr

    /// `str(self)` (`PyObject_Str`): a string is itself; everything else of
    /// stage03 prints as its `repr`.
    pub fn to_str(&self) -> PyResult<Value> {
        match self {
            Value::Str(_) | Value::SurrogateStr(_) => Ok(self.clone()),
            _ => Ok(Value::Str(Rc::from(self.repr()?))),
        }
    }

    /// `ascii(self)`: the `repr` with every non-ASCII character escaped
    /// (`Objects/object.c: PyObject_ASCII`).
    pub fn ascii(&self) -> PyResult<String> {
        Ok(escape_non_ascii(&self.repr()?))
    }
}

// ANCHOR: repr_tuple
/// `Objects/tupleobject.c: tuplerepr`: `()`, `(x,)`, `(x, y)`.
fn repr_tuple(items: &[Value], depth: usize) -> PyResult<String> {
    if depth >= MAX_REPR_DEPTH {
        return Err(Exception::new(
            ExcType::RecursionError,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    let mut text = String::from("(");
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            text.push_str(", ");
        }
        text.push_str(&item.repr_nested(depth + 1)?);
    }
    if items.len() == 1 {
        text.push(',');
    }
    text.push(')');
    Ok(text)
}
// ANCHOR_END: repr_tuple

/// A dict's repr, with the same depth guard as a tuple's.
fn repr_dict_nested(d: &Dict, depth: usize) -> PyResult<String> {
    if depth >= MAX_REPR_DEPTH {
        return Err(Exception::new(
            ExcType::RecursionError,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    dict::repr_dict(d, |value| value.repr_nested(depth + 1))
}

/// Escapes every non-ASCII character as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, as
/// `ascii()` and `%a` do (`Objects/unicodeobject.c: unicode_escape`).
pub fn escape_non_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = u32::from(c);
        if code < 0x80 {
            out.push(c);
        } else if code < 0x100 {
            out.push_str(&format!("\\x{code:02x}"));
        } else if code < 0x10000 {
            out.push_str(&format!("\\u{code:04x}"));
        } else {
            out.push_str(&format!("\\U{code:08x}"));
        }
    }
    out
}

// ANCHOR: from_constant
/// The `Value` for a constant of `co_consts`, or `None` for a constant stage03 has
/// no value for (a frozenset: `x in {1, 2}` needs stage04). Every constant is
/// converted once per code object ([`PreparedCode::new`]), nested code objects
/// included, so `LOAD_CONST` and `MAKE_FUNCTION` are clones.
pub fn value_from_constant(constant: &Constant) -> Option<Value> {
    Some(match constant {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Int(i) => Value::int(i.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => Value::Complex {
            real: *real,
            imag: *imag,
        },
        Constant::Str(s) => Value::Str(s.clone()),
        Constant::SurrogateStr(s) => Value::SurrogateStr(s.clone()),
        Constant::Bytes(b) => Value::Bytes(b.clone()),
        Constant::Tuple(items) => {
            let values: Option<Vec<Value>> = items.iter().map(value_from_constant).collect();
            Value::Tuple(Rc::from(values?))
        }
        Constant::Code(code) => Value::Code(Rc::new(PreparedCode::new(code.clone()))),
        Constant::StopIteration
        | Constant::FrozenSet(_)
        | Constant::List(_)
        | Constant::Set(_)
        | Constant::Dict(_) => return None,
    })
}
// ANCHOR_END: from_constant

// ANCHOR: printf_arg
/// What printf-style `%` formatting (in [`crate::format`]) needs of a value.
impl PrintfArg for Value {
    fn type_name(&self) -> String {
        Value::type_name(self).to_string()
    }

    fn str(&self) -> PyResult<String> {
        match self.to_str()? {
            Value::Str(s) => Ok(s.to_string()),
            other => other.repr(),
        }
    }

    fn repr(&self) -> PyResult<String> {
        Value::repr(self)
    }

    fn ascii(&self) -> PyResult<String> {
        Value::ascii(self)
    }

    fn as_int(&self) -> Option<BigInt> {
        match self {
            Value::Bool(b) => Some(BigInt::from(u8::from(*b))),
            Value::Int(i) => Some(i.to_bigint()),
            _ => None,
        }
    }

    fn as_float(&self) -> Option<f64> {
        match self {
            Value::Float(f) => Some(*f),
            Value::Bool(b) => Some(f64::from(u8::from(*b))),
            Value::Int(i) => i.to_f64().ok(),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<String> {
        match self {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        }
    }

    /// `bytes` has `__getitem__`, so CPython's `PyMapping_Check` says yes; a
    /// dict is the mapping `'%(name)s' % d` is made for.
    fn is_mapping(&self) -> bool {
        matches!(self, Value::Bytes(_) | Value::Dict(_))
    }

    fn get_item(&self, key: &str) -> PyResult<Box<dyn PrintfArg>> {
        match self {
            Value::Dict(d) => match d.borrow().get(key) {
                Some(value) => Ok(Box::new(value.clone())),
                None => Err(Exception::new(ExcType::KeyError, pyrepr::repr_str(key))),
            },
            _ => Err(Exception::type_error(
                "byte indices must be integers or slices, not str",
            )),
        }
    }
}
// ANCHOR_END: printf_arg
