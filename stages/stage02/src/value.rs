//! The interpreter's values: what lives on the value stack and in a namespace.
//!
//! A `Value` is a small enum that is cheap to clone: numbers are held inline, and
//! everything bigger sits behind an `Rc`, so pushing, storing and copying a value
//! never copies its contents (CPython does the same with reference counts,
//! `Py_INCREF`).
//!
//! This module is *finished* in stage02 and every later stage imports it, so a
//! fix to `repr` or to an operator is made once. Later stages add kinds of
//! objects without copying it, through one extension point, [`Value::Object`]:
//! a function (stage03), a list (stage04) or a generator (stage06) is a Rust
//! type that implements [`Object`], the trait that plays the part of CPython's
//! type slots (`tp_repr`, `tp_getattro`, …). `dict` has its own variant
//! although stage02 programs cannot build one: a module's namespace *is* a
//! dict, here as in CPython.
//!
//! This module knows what a value *is* (its type, its truth, its `repr` and
//! `str`). What the operators do with values is in [`ops`]; the number and
//! text semantics that do not depend on this enum are in `int`, `float`,
//! `format` and `pyrepr`.

pub mod dict;
pub mod object;
pub mod ops;
pub mod types;

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::code::flags::{CO_VARARGS, CO_VARKEYWORDS};
use crate::code::{Code, Constant};
use crate::exc::{ExcType, Exception, PyResult};
use crate::format::PrintfArg;
use crate::int::Int;
use crate::pyrepr;
pub use dict::Dict;
pub use object::{BuiltinFunction, Object};
pub use types::TypeObject;

// ANCHOR: value
/// A Python object.
#[derive(Debug)]
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
    Tuple(Tuple),
    /// `...`
    Ellipsis,
    /// A code object, with its constants prepared once (see [`PreparedCode`]).
    Code(Rc<PreparedCode>),
    /// A `dict`: shared and mutable, so it sits in a `RefCell`. A module's
    /// globals are one (see [`dict`]).
    Dict(Rc<RefCell<Dict>>),
    /// A built-in function such as `print` (`builtin_function_or_method`).
    Builtin(&'static BuiltinFunction),
    /// A class such as `int`: what `type(x)` returns, and callable.
    Type(&'static TypeObject),
    /// Any other object: what later stages add (functions, lists, generators),
    /// each a Rust type implementing [`Object`].
    Object(Rc<dyn Object>),
}
// ANCHOR_END: value

/// Cloning a value copies a number or bumps a reference count
/// (`Py_INCREF`). Written out rather than derived so that it is always
/// inlined: the eval loop clones on every `LOAD_FAST`, and a clone returned
/// from a call comes back through memory, written in pieces and read whole,
/// which stalls the processor (a "store-forwarding" stall) on every load.
impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(i.clone()),
            Value::Float(f) => Value::Float(*f),
            Value::Complex { real, imag } => Value::Complex {
                real: *real,
                imag: *imag,
            },
            Value::Str(s) => Value::Str(Rc::clone(s)),
            Value::SurrogateStr(s) => Value::SurrogateStr(Rc::clone(s)),
            Value::Bytes(b) => Value::Bytes(Rc::clone(b)),
            Value::Tuple(t) => Value::Tuple(t.clone()),
            Value::Ellipsis => Value::Ellipsis,
            Value::Code(c) => Value::Code(Rc::clone(c)),
            Value::Dict(d) => Value::Dict(Rc::clone(d)),
            Value::Builtin(f) => Value::Builtin(f),
            Value::Type(t) => Value::Type(t),
            Value::Object(o) => Value::Object(Rc::clone(o)),
        }
    }
}

// ANCHOR: tuple
/// A tuple's items, shared (`Rc`): cloning a tuple value copies a pointer.
///
/// A newtype only so that dropping a tuple never recurses. A tuple nested ten
/// million deep is easy to build (a function that wraps its argument ten
/// times, called through a few more that call it ten times each) and legal;
/// dropping it the obvious way, each tuple dropping its items, would recurse
/// ten million Rust calls deep and overflow the stack. CPython has the same
/// problem in C and solves it with the "trashcan" (`Py_TRASHCAN_BEGIN` in
/// `tupledealloc`): past a nesting depth, deallocations are queued and done
/// later, one level at a time. Here the last owner of a tuple takes its items
/// out and frees the nested containers one at a time from a work list
/// ([`drop_nested`]).
#[derive(Debug, Clone)]
pub struct Tuple(Rc<[Value]>);

impl std::ops::Deref for Tuple {
    type Target = [Value];

    fn deref(&self) -> &[Value] {
        &self.0
    }
}

impl From<Vec<Value>> for Tuple {
    fn from(items: Vec<Value>) -> Tuple {
        Tuple(Rc::from(items))
    }
}

impl From<Rc<[Value]>> for Tuple {
    fn from(items: Rc<[Value]>) -> Tuple {
        Tuple(items)
    }
}

impl FromIterator<Value> for Tuple {
    fn from_iter<I: IntoIterator<Item = Value>>(items: I) -> Tuple {
        Tuple(items.into_iter().collect())
    }
}

impl Drop for Tuple {
    fn drop(&mut self) {
        if let Some(items) = Rc::get_mut(&mut self.0) {
            if let Some(first) = items.iter().position(is_container) {
                let items = std::mem::replace(&mut self.0, Rc::from([]));
                drop_nested(Emptying::Tuple(Tuple(items), first));
            }
        }
    }
}

/// A value that may hold other values: dropping it may drop more.
fn is_container(value: &Value) -> bool {
    matches!(value, Value::Tuple(_) | Value::Dict(_) | Value::Object(_))
}

/// A container being emptied by [`drop_nested`]: a tuple with the index of
/// its next item that is a container, a dict, or the items an object gave up
/// ([`Object::drain`]: a list's).
pub enum Emptying {
    Tuple(Tuple, usize),
    Dict(Dict),
    Values(Vec<Value>),
}

impl Emptying {
    /// Takes out the next item that is a container, if one is left (the other
    /// items are freed with the container itself, which no longer recurses).
    fn next_container(&mut self) -> Option<Value> {
        match self {
            Emptying::Tuple(tuple, next) => {
                let items = Rc::get_mut(&mut tuple.0)?;
                let item = std::mem::take(items.get_mut(*next)?);
                *next = items
                    .iter()
                    .skip(*next + 1)
                    .position(is_container)
                    .map_or(items.len(), |ahead| *next + 1 + ahead);
                Some(item)
            }
            Emptying::Dict(dict) => loop {
                let value = dict.pop_value()?;
                if is_container(&value) {
                    return Some(value);
                }
            },
            Emptying::Values(values) => loop {
                let value = values.pop()?;
                if is_container(&value) {
                    return Some(value);
                }
            },
        }
    }

    /// Whether no container is left in it.
    fn is_done(&self) -> bool {
        match self {
            Emptying::Tuple(tuple, next) => *next >= tuple.len(),
            Emptying::Dict(dict) => dict.is_empty(),
            Emptying::Values(values) => values.is_empty(),
        }
    }
}

/// Frees a container and everything only it holds, one container at a time
/// from a work list, never recursing: each container hands over its
/// container items before it is freed. A container emptied of them is freed
/// before its last item is taken apart, so a chain ten million deep keeps
/// the list one entry long.
pub fn drop_nested(first: Emptying) {
    let mut pending = vec![first];
    while let Some(top) = pending.last_mut() {
        let Some(child) = top.next_container() else {
            pending.pop();
            continue;
        };
        if top.is_done() {
            pending.pop();
        }
        match child {
            Value::Tuple(mut tuple) => {
                if let Some(first) =
                    Rc::get_mut(&mut tuple.0).and_then(|items| items.iter().position(is_container))
                {
                    pending.push(Emptying::Tuple(tuple, first));
                }
            }
            Value::Dict(dict) => {
                if let Ok(dict) = Rc::try_unwrap(dict) {
                    pending.push(Emptying::Dict(dict.into_inner()));
                }
            }
            Value::Object(mut object) => {
                // Only weak references besides this one (a generator's to
                // itself): nothing else can reach it any more.
                let weakly_held = Rc::strong_count(&object) == 1 && Rc::weak_count(&object) > 0;
                let items = if weakly_held {
                    object.drain_shared()
                } else if let Some(object) = Rc::get_mut(&mut object) {
                    object.drain()
                } else {
                    Vec::new()
                };
                if !items.is_empty() {
                    pending.push(Emptying::Values(items));
                }
            }
            _ => {}
        }
    }
}

/// `Value::None`: what an item is left as once [`drop_nested`] has taken it.
impl Default for Value {
    fn default() -> Value {
        Value::None
    }
}
// ANCHOR_END: tuple

/// Nesting deeper than this in `repr` raises `RecursionError`, as CPython's
/// `Py_EnterRecursiveCall` does, instead of overflowing the Rust stack.
pub const MAX_REPR_DEPTH: usize = 1000;

impl Value {
    /// A `str` value from Rust text.
    pub fn str(text: &str) -> Value {
        Value::Str(Rc::from(text))
    }

    /// The one-character str `c`. The 256 Latin-1 characters are made once
    /// and shared (see [`latin1_strs`]).
    pub fn char_str(c: char) -> Value {
        u8::try_from(c)
            .ok()
            .and_then(|byte| latin1_strs().get(usize::from(byte)).cloned())
            .unwrap_or_else(|| Value::str(c.encode_utf8(&mut [0; 4])))
    }

    /// An `int` value from a `BigInt`, small when it fits.
    pub fn int(value: BigInt) -> Value {
        Value::Int(Int::from_bigint(value))
    }

    /// A new, empty `dict` value.
    pub fn new_dict(dict: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(dict)))
    }

    // ANCHOR: type_of
    /// `type(self)`.
    pub fn type_of(&self) -> &'static TypeObject {
        match self {
            Value::None => &types::NONE_TYPE,
            Value::Bool(_) => &types::BOOL,
            Value::Int(_) => &types::INT,
            Value::Float(_) => &types::FLOAT,
            Value::Complex { .. } => &types::COMPLEX,
            Value::Str(_) | Value::SurrogateStr(_) => &types::STR,
            Value::Bytes(_) => &types::BYTES,
            Value::Tuple(_) => &types::TUPLE,
            Value::Ellipsis => &types::ELLIPSIS,
            Value::Code(_) => &types::CODE,
            Value::Dict(_) => &types::DICT,
            Value::Builtin(_) => &types::BUILTIN_FUNCTION,
            Value::Type(_) => &types::TYPE,
            Value::Object(object) => object.type_object(),
        }
    }

    /// `type(self).__name__`, the name error messages quote.
    pub fn type_name(&self) -> &'static str {
        self.type_of().name
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
            Value::Object(object) => object.is_true(),
            Value::Ellipsis | Value::Code(_) | Value::Builtin(_) | Value::Type(_) => true,
        }
    }
    // ANCHOR_END: is_true

    // ANCHOR: repr
    /// `repr(self)` (`Objects/object.c: PyObject_Repr`).
    pub fn repr(&self) -> PyResult<String> {
        self.repr_nested(0)
    }

    /// `repr` inside a container `depth` levels deep: containers pass
    /// `depth + 1` to their items, so a deeply nested value raises
    /// `RecursionError` instead of overflowing the Rust stack.
    pub fn repr_nested(&self, depth: usize) -> PyResult<String> {
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
            Value::Tuple(items) => {
                let address = items.as_ptr() as usize;
                repr_guarded(address, "(...)", || repr_tuple(items, depth))?
            }
            Value::Ellipsis => "Ellipsis".to_string(),
            Value::Code(prepared) => pyrepr::repr_code(&prepared.code),
            Value::Dict(d) => {
                check_repr_depth(depth)?;
                repr_guarded(Rc::as_ptr(d) as usize, "{...}", || {
                    dict::repr_dict(&d.borrow(), |value| value.repr_nested(depth + 1))
                })?
            }
            Value::Builtin(f) => format!("<built-in function {}>", f.name),
            Value::Type(t) => format!("<class '{}'>", t.name),
            Value::Object(object) => object.repr(depth)?,
        })
    }
    // ANCHOR_END: repr

    /// `str(self)` (`PyObject_Str`): a string is itself; an object with a
    /// `str` slot (an exception) says; everything else prints as its `repr`.
    pub fn to_str(&self) -> PyResult<Value> {
        match self {
            Value::Str(_) | Value::SurrogateStr(_) => Ok(self.clone()),
            Value::Object(object) => match object.str() {
                Some(text) => Ok(Value::Str(Rc::from(text?))),
                None => Ok(Value::Str(Rc::from(self.repr()?))),
            },
            _ => Ok(Value::Str(Rc::from(self.repr()?))),
        }
    }

    /// `ascii(self)`: the `repr` with every non-ASCII character escaped
    /// (`Objects/object.c: PyObject_ASCII`).
    pub fn ascii(&self) -> PyResult<String> {
        Ok(escape_non_ascii(&self.repr()?))
    }

    /// `len(self)` (`PyObject_Size`): characters of a str, not bytes of its
    /// UTF-8; `None` for a value that has no length.
    pub fn size(&self) -> Option<usize> {
        Some(match self {
            Value::Str(s) => s.chars().count(),
            Value::SurrogateStr(points) => points.len(),
            Value::Bytes(b) => b.len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.borrow().len(),
            Value::Object(object) => return object.size(),
            _ => return None,
        })
    }

    /// Whether `self` and `other` are the same object (`is`): the same heap
    /// object, or equal inline singletons.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Dict(a), Value::Dict(b)) => Rc::ptr_eq(a, b),
            (Value::Builtin(a), Value::Builtin(b)) => std::ptr::eq(*a, *b),
            (Value::Type(a), Value::Type(b)) => std::ptr::eq(*a, *b),
            (Value::Code(a), Value::Code(b)) => Rc::ptr_eq(a, b),
            (Value::Object(a), Value::Object(b)) => std::ptr::addr_eq(Rc::as_ptr(a), Rc::as_ptr(b)),
            _ => false,
        }
    }
}

/// The one-character strs of U+0000 to U+00FF, made once per thread and
/// shared by every value that is one of them, as CPython shares them
/// (`Objects/unicodeobject.c: get_latin1_char`): `tuple('x' * 10**8)` holds
/// one str a hundred million times, not a hundred million strs (3.2 GB more
/// here). A caller that makes many reads the table once and indexes it.
pub fn latin1_strs() -> Rc<[Value]> {
    thread_local! {
        static LATIN1: Rc<[Value]> = (0..=255u8)
            .map(|byte| Value::str(char::from(byte).encode_utf8(&mut [0; 4])))
            .collect();
    }
    LATIN1.with(Rc::clone)
}

// ANCHOR: repr_guarded
thread_local! {
    /// The containers whose `repr` is being built (`Py_ReprEnter`): one met
    /// again inside itself prints as `[...]`, `{...}` or `(...)` instead of
    /// recursing forever. Only a mutable container can hold itself (stage04's
    /// lists, and dicts), but a tuple inside such a loop is shown this way too.
    static REPR_ACTIVE: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `repr` unless the container at `address` is already being shown, in
/// which case the answer is `recursive` (`Objects/object.c: Py_ReprEnter`).
pub fn repr_guarded(
    address: usize,
    recursive: &str,
    repr: impl FnOnce() -> PyResult<String>,
) -> PyResult<String> {
    let entered = REPR_ACTIVE.with(|active| {
        let mut active = active.borrow_mut();
        if active.contains(&address) {
            false
        } else {
            active.push(address);
            true
        }
    });
    if !entered {
        return Ok(recursive.to_string());
    }
    let result = repr();
    REPR_ACTIVE.with(|active| active.borrow_mut().retain(|&a| a != address));
    result
}
// ANCHOR_END: repr_guarded

/// `RecursionError` when a `repr` nests deeper than [`MAX_REPR_DEPTH`].
pub fn check_repr_depth(depth: usize) -> PyResult<()> {
    if depth >= MAX_REPR_DEPTH {
        return Err(Exception::new(
            ExcType::RecursionError,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    Ok(())
}

// ANCHOR: repr_tuple
/// `Objects/tupleobject.c: tuplerepr`: `()`, `(x,)`, `(x, y)`.
fn repr_tuple(items: &[Value], depth: usize) -> PyResult<String> {
    check_repr_depth(depth)?;
    let mut text = String::from("(");
    text.push_str(&repr_items(items, depth)?);
    if items.len() == 1 {
        text.push(',');
    }
    text.push(')');
    Ok(text)
}
// ANCHOR_END: repr_tuple

/// The items of a container `depth` levels deep, as its `repr` shows them:
/// each item's repr, separated by `, ` (tuples here, and stage04's lists,
/// sets and dict views).
pub fn repr_items(items: &[Value], depth: usize) -> PyResult<String> {
    let mut text = String::new();
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            text.push_str(", ");
        }
        text.push_str(&item.repr_nested(depth + 1)?);
    }
    Ok(text)
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
/// The `Value` for a constant of `co_consts`, or `None` for a constant the
/// workbook has no value for yet (a frozenset: `x in {1, 2}` needs stage04).
/// Every constant is converted once per code object ([`PreparedCode::new`]),
/// nested code objects included, so `LOAD_CONST` and `MAKE_FUNCTION` are
/// clones.
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
            Value::Tuple(Tuple::from(values?))
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

// ANCHOR: prepared_code
// ANCHOR: prepared_code_struct
/// A code object as the interpreter runs it (CPython's `PyCodeObject`, whose
/// `co_consts` are objects already): the loaded [`Code`] and its constants as
/// values. `None` marks a constant the workbook cannot represent yet (a
/// frozenset), which fails only if `LOAD_CONST` reaches it.
#[derive(Debug)]
pub struct PreparedCode {
    pub code: Rc<Code>,
    pub consts: Rc<[Option<Value>]>,
    /// `co_nlocalsplus`: the fast-locals slots a frame of this code needs.
    pub nlocalsplus: usize,
    /// `co_stacksize`: how deep the value stack may grow.
    pub stacksize: usize,
    /// One remembered globals lookup per name of `co_names`, for
    /// `LOAD_GLOBAL` (see [`dict::LookupCache`]).
    pub global_lookups: Box<[dict::LookupCache]>,
    /// `Some(co_argcount)` for a "simple" function (`Python/specialize.c:
    /// function_kind`): no `*args`, no `**kwargs`, no keyword-only parameters.
    /// From stage03 on, a call of it with exactly that many positional
    /// arguments and no keywords binds them in order, with no checks left.
    pub simple_argcount: Option<usize>,
}
// ANCHOR_END: prepared_code_struct

// ANCHOR: prepared_code_new
impl PreparedCode {
    /// Converts the constants once; nested code objects among them are
    /// prepared here too, so `MAKE_FUNCTION` only clones an `Rc`.
    pub fn new(code: Rc<Code>) -> PreparedCode {
        let consts = code.consts.iter().map(value_from_constant).collect();
        PreparedCode {
            nlocalsplus: code.nlocalsplus(),
            stacksize: usize::try_from(code.stacksize).unwrap_or(usize::MAX),
            global_lookups: code
                .names
                .iter()
                .map(|_| dict::LookupCache::default())
                .collect(),
            simple_argcount: simple_argcount(&code),
            consts,
            code,
        }
    }
}

/// `co_argcount` if the code takes only positional-or-keyword parameters.
fn simple_argcount(code: &Code) -> Option<usize> {
    let has_star_parameters = code.flags & (CO_VARARGS | CO_VARKEYWORDS) != 0;
    if has_star_parameters || code.kwonlyargcount != 0 {
        return None;
    }
    usize::try_from(code.argcount).ok()
}
// ANCHOR_END: prepared_code_new
// ANCHOR_END: prepared_code

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
            Value::Dict(d) => match d.borrow().get_str(key) {
                Some(value) => Ok(Box::new(value.clone())),
                None => Err(Exception::key_error(Value::str(key))),
            },
            _ => Err(Exception::type_error(
                "byte indices must be integers or slices, not str",
            )),
        }
    }
}
// ANCHOR_END: printf_arg
