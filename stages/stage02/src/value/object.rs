//! The extension point of the value model: [`Object`], which every kind of
//! object that a later stage adds implements (CPython's type slots), and the
//! built-in function ([`BuiltinFunction`], CPython's `PyMethodDef`).
//!
//! The trait has a method per slot that the workbook uses so far, each with a
//! default that says "this type does not have that slot", so that an object
//! implements only what it has. A later stage that needs a new slot adds it
//! here with a default: no existing object changes.

use std::any::Any;
use std::fmt;
use std::rc::Rc;

use crate::exc::PyResult;
use crate::value::types::TypeObject;
use crate::value::Value;
use crate::vm::BuiltinFn;

// ANCHOR: object
/// An object of a kind that [`Value`] has no variant for.
pub trait Object: fmt::Debug {
    /// `type(self)` (`Py_TYPE`).
    fn type_object(&self) -> &'static TypeObject;

    /// `repr(self)` (`tp_repr`); `depth` is how deep in a container it sits
    /// (see [`Value::repr_nested`]).
    fn repr(&self, depth: usize) -> PyResult<String>;

    /// `bool(self)` (`nb_bool`, `mp_length`): true unless the type says otherwise.
    fn is_true(&self) -> bool {
        true
    }

    /// `len(self)` (`sq_length`, `PyObject_Size`), or `None`: `object of type
    /// 'X' has no len()`.
    fn size(&self) -> Option<usize> {
        None
    }

    /// `self.name` (`tp_getattro`), or `None` when there is no such attribute.
    fn getattr(&self, _name: &str) -> Option<Value> {
        None
    }

    /// The object itself, so that the code of the stage that defined the type
    /// can get it back (`Py_TYPE(x) == &PyFunction_Type`, then a cast).
    fn as_any(&self) -> &dyn Any;
}
// ANCHOR_END: object

impl Value {
    /// The object behind a [`Value::Object`] as the Rust type `T`, if it is one.
    pub fn downcast<T: 'static>(&self) -> Option<&T> {
        match self {
            Value::Object(object) => object.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }

    /// A value for a new object.
    pub fn object(object: impl Object + 'static) -> Value {
        Value::Object(Rc::new(object))
    }
}

// ANCHOR: builtin_function
/// A built-in function (`PyMethodDef`): its name and its body. Each is a
/// `static`, and a value holds a `&'static` to it, so a call is a pointer call.
pub struct BuiltinFunction {
    /// `__name__`.
    pub name: &'static str,
    pub call: BuiltinFn,
}
// ANCHOR_END: builtin_function

impl fmt::Debug for BuiltinFunction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}
