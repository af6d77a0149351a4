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
use crate::value::ops::CompareOp;
use crate::value::types::TypeObject;
use crate::value::Value;
use crate::vm::{BuiltinFn, Keywords, RunError, Vm};

// ANCHOR: object
// ANCHOR: object_first_slots
/// An object of a kind that [`Value`] has no variant for.
pub trait Object: fmt::Debug + Any {
    /// `type(self)` (`Py_TYPE`).
    fn type_object(&self) -> &'static TypeObject;

    /// `repr(self)` (`tp_repr`); `depth` is how deep in a container it sits
    /// (see [`Value::repr_nested`]).
    fn repr(&self, depth: usize) -> PyResult<String>;

    /// `str(self)` (`tp_str`), or `None` for the `repr` every object
    /// inherits (`object.__str__`). An exception's `str` is its message.
    fn str(&self) -> Option<PyResult<String>> {
        None
    }

    /// `bool(self)` (`nb_bool`, `mp_length`): true unless the type says otherwise.
    fn is_true(&self) -> bool {
        true
    }

    /// `len(self)` (`sq_length`, `PyObject_Size`), or `None`: `object of type
    /// 'X' has no len()`.
    fn size(&self) -> Option<usize> {
        None
    }
    // ANCHOR_END: object_first_slots

    // ANCHOR: object_more_slots
    /// `self.name` (`tp_getattro`), or `None` when there is no such attribute.
    fn getattr(&self, _name: &str) -> Option<Value> {
        None
    }

    /// `self OP other` (`tp_richcompare`), or `None` for `NotImplemented`:
    /// then the other operand is asked, and at last `==` falls back to
    /// identity and an ordering raises `TypeError` (see
    /// [`compare`](crate::value::ops::compare)).
    /// `headroom` is what the recursion limit leaves for comparing the items
    /// of a container: pass it on to `ops::compare` or `ops::items_equal`.
    fn rich_compare(
        &self,
        _other: &Value,
        _op: CompareOp,
        _headroom: usize,
    ) -> Option<PyResult<bool>> {
        None
    }

    /// The object itself, so that the code of the stage that defined the type
    /// can get it back (`Py_TYPE(x) == &PyFunction_Type`, then a cast).
    fn as_any(&self) -> &dyn Any;
    // ANCHOR_END: object_more_slots

    // ANCHOR: container_slots
    // The slots of containers and iterators (stage04): `tp_iter`, `tp_iternext`,
    // `mp_subscript` and `mp_ass_subscript`, `sq_contains`, `tp_hash`, and
    // `tp_call`. The function object of stage03 has none of them, and needs no
    // change: that is what the defaults are for.

    /// `iter(self)` (`tp_iter`): a new iterator over `this`, the value that holds
    /// `self`. `None`: `'X' object is not iterable`.
    fn iter(&self, _this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        None
    }

    /// `next(self)` (`tp_iternext`): the next item, `Ok(None)` when exhausted.
    /// `None`: not an iterator. It may run Python code (`map` with a Python
    /// function), so it gets the interpreter.
    fn next(&self, _vm: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        None
    }

    /// `self[key]` (`mp_subscript`). `None`: not subscriptable.
    fn getitem(&self, _key: &Value) -> Option<PyResult<Value>> {
        None
    }

    /// `self[key] = value` (`mp_ass_subscript`). `None`: item assignment is
    /// not supported.
    fn setitem(&self, _key: &Value, _value: Value) -> Option<PyResult<()>> {
        None
    }

    /// `del self[key]` (`mp_ass_subscript` with no value).
    fn delitem(&self, _key: &Value) -> Option<PyResult<()>> {
        None
    }

    /// `item in self` (`sq_contains`); `headroom` as for `rich_compare`.
    /// `None`: fall back to iterating.
    fn contains(&self, _item: &Value, _headroom: usize) -> Option<PyResult<bool>> {
        None
    }

    /// `hash(self)` (`tp_hash`). `None`: the identity hash every object
    /// inherits (`object.__hash__`); a mutable container answers
    /// `Some(Err(…))`, `TypeError: unhashable type: 'list'`.
    fn hash(&self) -> Option<PyResult<i64>> {
        None
    }

    /// Takes out every value the object holds, for [`drop_nested`](
    /// crate::value::drop_nested) to free without recursing (CPython's
    /// "trashcan", `Py_TRASHCAN_BEGIN` in `list_dealloc`). A list ten
    /// million deep is freed one level at a time.
    fn drain(&mut self) -> Vec<Value> {
        Vec::new()
    }

    /// [`Object::drain`] for an object that keeps a weak reference to
    /// itself (stage06's generator), which `Rc::get_mut` refuses although
    /// nothing else holds it: what it gives up sits behind a `RefCell`.
    fn drain_shared(&self) -> Vec<Value> {
        Vec::new()
    }

    /// `self(*args, **keywords)` (`tp_call`). `None`: not callable here (a
    /// Python function is called by the eval loop, not through this slot).
    fn call(
        &self,
        _vm: &mut dyn Vm,
        _args: &[Value],
        _keywords: &Keywords,
    ) -> Option<Result<Value, RunError>> {
        None
    }
    // ANCHOR_END: container_slots
}
// ANCHOR_END: object

/// The object behind `object` as the Rust type `T`, sharing it (an iterator
/// keeps its list alive this way).
pub fn downcast_rc<T: Object>(object: &Rc<dyn Object>) -> Option<Rc<T>> {
    let any: Rc<dyn Any> = object.clone();
    any.downcast::<T>().ok()
}

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
