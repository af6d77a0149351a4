//! The code object: what `marshal` gives back for type code `c`, with every field
//! CPython 3.11 writes, in the order it writes them (`Objects/codeobject.c`,
//! `Python/marshal.c: r_object`, case `TYPE_CODE`).
//!
//! A code object is pure data: bytecode plus the tables its arguments index. It is
//! loaded once and never changes; functions and frames (later stages) share it
//! through an `Rc`.

use std::rc::Rc;

use num_bigint::BigInt;

// ANCHOR: constant
/// A value that can stand in `co_consts`, so a value `marshal` can read.
///
/// This is the *loader's* view of a value, separate from the interpreter's `Value`:
/// the loader is finished in stage02 and imported by every later stage, while the
/// value model grows stage by stage. The eval loop turns each constant into a `Value`
/// once per code object, not at every `LOAD_CONST`.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    /// `True` and `False` (marshal `T`, `F`).
    Bool(bool),
    /// `...` (marshal `.`).
    Ellipsis,
    /// The class `StopIteration` (marshal `S`); CPython never writes it into a `.pyc`.
    StopIteration,
    /// Any `int`: marshal `i` (32-bit) or `l` (15-bit digits).
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    /// A `str` whose text is valid UTF-8: all but a handful of real constants.
    Str(Rc<str>),
    /// A `str` holding a lone surrogate (`"\udc80"`): marshal writes strings with
    /// `surrogatepass`, so their bytes are not UTF-8 and a Rust `str` cannot hold
    /// them. Kept as the sequence of code points CPython sees.
    SurrogateStr(Rc<[u32]>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    /// A `frozenset`, items in the order marshal wrote them.
    FrozenSet(Rc<[Constant]>),
    /// Marshal can carry lists, sets and dicts; the compiler never puts one in a `.pyc`.
    List(Rc<[Constant]>),
    Set(Rc<[Constant]>),
    Dict(Rc<[(Constant, Constant)]>),
    Code(Rc<Code>),
}
// ANCHOR_END: constant

// ANCHOR: code_flags
/// `co_flags` bits (`Include/cpython/code.h`).
pub mod flags {
    pub const CO_OPTIMIZED: u32 = 0x1;
    pub const CO_NEWLOCALS: u32 = 0x2;
    pub const CO_VARARGS: u32 = 0x4;
    pub const CO_VARKEYWORDS: u32 = 0x8;
    pub const CO_NESTED: u32 = 0x10;
    pub const CO_GENERATOR: u32 = 0x20;
    pub const CO_COROUTINE: u32 = 0x80;
    pub const CO_ITERABLE_COROUTINE: u32 = 0x100;
    pub const CO_ASYNC_GENERATOR: u32 = 0x200;
}

/// `localspluskinds` bits (`Include/internal/pycore_code.h`): what each fast-locals
/// slot holds.
pub mod kinds {
    /// A local variable (arguments are locals).
    pub const CO_FAST_LOCAL: u8 = 0x20;
    /// The slot holds a cell: an inner function captures this variable.
    pub const CO_FAST_CELL: u8 = 0x40;
    /// A free variable, filled from the function's closure.
    pub const CO_FAST_FREE: u8 = 0x80;
}
// ANCHOR_END: code_flags

// ANCHOR: code
/// A CPython 3.11 code object (`PyCodeObject`), fields named as in CPython
/// without the `co_` prefix.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// Positional parameters, positional-only ones included, `*args` excluded.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// The deepest the value stack can get, computed by the compiler.
    pub stacksize: u32,
    /// `CO_*` bits, see [`flags`].
    pub flags: u32,
    /// `co_code`: 2-byte code units, inline caches zeroed.
    pub code: Rc<[u8]>,
    pub consts: Rc<[Constant]>,
    /// `co_names`: globals, attributes and module-level names used by the code.
    pub names: Rc<[Rc<str>]>,
    /// Every fast-locals slot's name: locals, then cells, then free variables.
    pub localsplusnames: Rc<[Rc<str>]>,
    /// One [`kinds`] byte per entry of `localsplusnames`.
    pub localspluskinds: Rc<[u8]>,
    pub filename: Rc<str>,
    pub name: Rc<str>,
    /// New in 3.11: `outer.<locals>.inner`.
    pub qualname: Rc<str>,
    pub firstlineno: u32,
    /// `co_linetable`: the location table, decoded by [`crate::linetable`].
    pub linetable: Rc<[u8]>,
    /// `co_exceptiontable`, decoded by [`crate::exceptiontable`].
    pub exceptiontable: Rc<[u8]>,
}
// ANCHOR_END: code

// ANCHOR: derived_tables
impl Code {
    /// Names of the slots whose kind has `bits`, in slot order.
    fn names_with_kind(&self, bits: u8) -> Vec<Rc<str>> {
        self.localsplusnames
            .iter()
            .zip(self.localspluskinds.iter())
            .filter(|(_, kind)| *kind & bits != 0)
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// `co_varnames`: the local variables, arguments first.
    pub fn varnames(&self) -> Vec<Rc<str>> {
        self.names_with_kind(kinds::CO_FAST_LOCAL)
    }

    /// `co_cellvars`: locals captured by inner functions (an argument that is
    /// captured is in both `varnames` and `cellvars`).
    pub fn cellvars(&self) -> Vec<Rc<str>> {
        self.names_with_kind(kinds::CO_FAST_CELL)
    }

    /// `co_freevars`: variables this code reads from an enclosing function.
    pub fn freevars(&self) -> Vec<Rc<str>> {
        self.names_with_kind(kinds::CO_FAST_FREE)
    }

    /// `co_nlocals`.
    pub fn nlocals(&self) -> usize {
        self.varnames().len()
    }

    /// Number of fast-locals slots a frame running this code needs.
    pub fn nlocalsplus(&self) -> usize {
        self.localsplusnames.len()
    }
}
// ANCHOR_END: derived_tables
