//! Type objects (`PyTypeObject`): what `type(x)` returns, what an error message
//! names, and what calling a class does.
//!
//! A type is a `static` and a value holds a `&'static TypeObject`, so that a
//! later stage adds a type (`function` in stage03, `list` in stage04) by
//! writing one more `static` next to its object, without touching this module;
//! two types are the same type when they are the same `static` (CPython
//! compares `Py_TYPE(x) == &PyLong_Type` the same way).

use std::fmt;

use crate::builtins;
use crate::vm::BuiltinFn;

// ANCHOR: type_object
/// A class, as far as the workbook needs one.
pub struct TypeObject {
    /// `__name__` (`tp_name`), as error messages and `repr` show it.
    pub name: &'static str,
    /// What calling the class does (`tp_new` and `tp_init` together), or `None`
    /// for a class a program cannot instantiate (`cannot create 'function'
    /// instances`).
    pub new: Option<BuiltinFn>,
}
// ANCHOR_END: type_object

/// Types are compared by identity, as CPython compares type pointers.
impl PartialEq for TypeObject {
    fn eq(&self, other: &TypeObject) -> bool {
        std::ptr::eq(self, other)
    }
}

impl fmt::Debug for TypeObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<class '{}'>", self.name)
    }
}

// ANCHOR: builtin_types
pub static NONE_TYPE: TypeObject = TypeObject {
    name: "NoneType",
    new: Some(builtins::new_none),
};
pub static BOOL: TypeObject = TypeObject {
    name: "bool",
    new: Some(builtins::new_bool),
};
pub static INT: TypeObject = TypeObject {
    name: "int",
    new: Some(builtins::new_int),
};
pub static FLOAT: TypeObject = TypeObject {
    name: "float",
    new: Some(builtins::new_float),
};
pub static COMPLEX: TypeObject = TypeObject {
    name: "complex",
    new: Some(builtins::new_complex),
};
pub static STR: TypeObject = TypeObject {
    name: "str",
    new: Some(builtins::new_str),
};
pub static BYTES: TypeObject = TypeObject {
    name: "bytes",
    new: Some(builtins::new_bytes),
};
pub static TUPLE: TypeObject = TypeObject {
    name: "tuple",
    new: Some(builtins::new_tuple),
};
pub static ELLIPSIS: TypeObject = TypeObject {
    name: "ellipsis",
    new: Some(builtins::new_ellipsis),
};
pub static CODE: TypeObject = TypeObject {
    name: "code",
    new: None,
};
pub static DICT: TypeObject = TypeObject {
    name: "dict",
    new: Some(builtins::new_dict),
};
pub static BUILTIN_FUNCTION: TypeObject = TypeObject {
    name: "builtin_function_or_method",
    new: None,
};
pub static TYPE: TypeObject = TypeObject {
    name: "type",
    new: Some(builtins::new_type),
};
// ANCHOR_END: builtin_types
