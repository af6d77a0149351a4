//! The methods of the built-in types: what `LOAD_METHOD` and `LOAD_ATTR` find
//! on a str, a list, a dict… (`tp_methods`, a table of `PyMethodDef` per type).
//!
//! A method is a `static` [`MethodDef`]: its name, its type and its body,
//! which receives the object it is called on (`self`) apart from the other
//! arguments. `LOAD_METHOD` pushes the [`MethodDescriptor`] and `self`, so that
//! `CALL` passes `self` first without making a bound method, as CPython 3.11
//! does; `LOAD_ATTR` (`x.append` used as a value) makes a [`BoundMethod`].

pub mod bytes_methods;
pub mod dict_methods;
pub mod list_methods;
pub mod str_methods;

use std::any::Any;

use crate::exc::{ExcType, Exception, PyResult};
use crate::value::types::{self, TypeObject};
use crate::value::{Object, Value};
use crate::vm::{Keywords, RunError, Vm};

// ANCHOR: method_def
/// A method's body: the interpreter, `self`, the other positional arguments
/// and the keyword arguments.
pub type MethodFn = fn(&mut dyn Vm, &Value, &[Value], &Keywords) -> Result<Value, RunError>;

/// A method of a built-in type (`PyMethodDef`).
#[derive(Debug)]
pub struct MethodDef {
    pub name: &'static str,
    pub call: MethodFn,
}
// ANCHOR_END: method_def

/// The method table of `value`'s type.
fn table_of(class: &'static TypeObject) -> &'static [MethodDef] {
    if std::ptr::eq(class, &types::STR) {
        &str_methods::STR_METHODS
    } else if std::ptr::eq(class, &types::BYTES) {
        &bytes_methods::BYTES_METHODS
    } else if std::ptr::eq(class, &types::DICT) {
        &dict_methods::DICT_METHODS
    } else if std::ptr::eq(class, &types::TUPLE) {
        &list_methods::TUPLE_METHODS
    } else if std::ptr::eq(class, &crate::list::LIST) {
        &list_methods::LIST_METHODS
    } else if std::ptr::eq(class, &crate::set::SET) {
        &crate::set::SET_METHODS
    } else if std::ptr::eq(class, &crate::set::FROZENSET) {
        &crate::set::FROZENSET_METHODS
    } else if std::ptr::eq(class, &crate::range::RANGE) {
        &crate::range::RANGE_METHODS
    } else if std::ptr::eq(class, &types::INT) || std::ptr::eq(class, &types::BOOL) {
        &list_methods::INT_METHODS
    } else {
        &[]
    }
}

/// The method `name` of the type `class`, if it has one.
pub fn find(class: &'static TypeObject, name: &str) -> Option<&'static MethodDef> {
    table_of(class).iter().find(|m| m.name == name)
}

// ANCHOR: load_method
/// `LOAD_METHOD`: the method and `self` when `value`'s type has a method
/// `name`; otherwise the attribute (`None` when there is none).
pub fn load_method(value: &Value, name: &str) -> Option<(Value, Option<Value>)> {
    if let Some(bound) = class_method(value, name) {
        return Some((bound, None));
    }
    let class = value.type_of();
    if let Some(method) = find(class, name) {
        let descriptor = Value::object(MethodDescriptor { method, class });
        return Some((descriptor, Some(value.clone())));
    }
    load_attr(value, name).map(|attribute| (attribute, None))
}
// ANCHOR_END: load_method

/// `LOAD_ATTR`: a bound method, an attribute of the object, or for a class
/// its method descriptor (`list.append`).
pub fn load_attr(value: &Value, name: &str) -> Option<Value> {
    if let Some(bound) = class_method(value, name) {
        return Some(bound);
    }
    if let Value::Type(class) = value {
        if let Some(method) = find(class, name) {
            return Some(Value::object(MethodDescriptor { method, class }));
        }
    }
    let class = value.type_of();
    if let Some(method) = find(class, name) {
        return Some(Value::object(BoundMethod {
            method,
            class,
            this: value.clone(),
        }));
    }
    match value {
        Value::Object(object) => object.getattr(name),
        Value::Int(_) | Value::Bool(_) => match name {
            "real" | "numerator" => Some(value.clone()),
            "imag" => Some(Value::Int(crate::int::Int::from_i64(0))),
            "denominator" => Some(Value::Int(crate::int::Int::from_i64(1))),
            _ => None,
        },
        _ => None,
    }
}

/// A class method (`dict.fromkeys`) taken from its class: bound to the class,
/// which the method receives as `self`.
fn class_method(value: &Value, name: &str) -> Option<Value> {
    let Value::Type(class) = value else {
        return None;
    };
    let bytes_fromhex = std::ptr::eq(*class, &types::BYTES) && name == "fromhex";
    let method = match dict_methods::class_method(class, name) {
        Some(method) => method,
        None if bytes_fromhex => find(class, name)?,
        None => return None,
    };
    Some(Value::object(BoundMethod {
        method,
        class,
        this: value.clone(),
    }))
}

/// `AttributeError: 'list' object has no attribute 'push'`.
pub fn no_attribute(value: &Value, name: &str) -> Exception {
    let message = match value {
        Value::Type(class) => format!("type object '{}' has no attribute '{name}'", class.name),
        _ => format!("'{}' object has no attribute '{name}'", value.type_name()),
    };
    Exception::new(ExcType::AttributeError, message)
}

/// `TypeError: append() takes exactly one argument (0 given)` and its kin:
/// checks that a method got `min` to `max` positional arguments and no keywords.
pub fn check_args(
    name: &str,
    args: &[Value],
    keywords: &Keywords,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !keywords.is_empty() {
        return Err(Exception::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(Exception::type_error(match (min, max) {
        (0, 0) => format!("{name}() takes no arguments ({n} given)"),
        (1, 1) => format!("{name}() takes exactly one argument ({n} given)"),
        _ if n < min => format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        ),
        _ => format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        ),
    }))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `<method 'append' of 'list' objects>`: a method taken from its class, or
/// what `LOAD_METHOD` pushes. Called, its first argument is `self`.
#[derive(Debug)]
pub struct MethodDescriptor {
    pub method: &'static MethodDef,
    pub class: &'static TypeObject,
}

pub static METHOD_DESCRIPTOR: TypeObject = TypeObject {
    name: "method_descriptor",
    new: None,
};

impl Object for MethodDescriptor {
    fn type_object(&self) -> &'static TypeObject {
        &METHOD_DESCRIPTOR
    }

    fn repr(&self, _depth: usize) -> PyResult<String> {
        Ok(format!(
            "<method '{}' of '{}' objects>",
            self.method.name, self.class.name
        ))
    }

    fn getattr(&self, name: &str) -> Option<Value> {
        match name {
            "__name__" => Some(Value::str(self.method.name)),
            _ => None,
        }
    }

    // ANCHOR: method_descriptor_call
    fn call(
        &self,
        vm: &mut dyn Vm,
        args: &[Value],
        keywords: &Keywords,
    ) -> Option<Result<Value, RunError>> {
        let Some((this, rest)) = args.split_first() else {
            return Some(Err(Exception::type_error(format!(
                "unbound method {}.{}() needs an argument",
                self.class.name, self.method.name
            ))
            .into()));
        };
        let applies = std::ptr::eq(this.type_of(), self.class)
            || (std::ptr::eq(self.class, &types::INT) && matches!(this, Value::Bool(_)));
        if !applies {
            return Some(Err(Exception::type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                self.method.name,
                self.class.name,
                this.type_name()
            ))
            .into()));
        }
        Some((self.method.call)(vm, this, rest, keywords))
    }
    // ANCHOR_END: method_descriptor_call

    fn as_any(&self) -> &dyn Any {
        self
    }
}

// ANCHOR: bound_method
/// `<built-in method append of list object at 0x…>`: a method with its `self`.
#[derive(Debug)]
pub struct BoundMethod {
    pub method: &'static MethodDef,
    pub class: &'static TypeObject,
    pub this: Value,
}
// ANCHOR_END: bound_method

pub static BUILTIN_METHOD: TypeObject = TypeObject {
    name: "builtin_function_or_method",
    new: None,
};

impl Object for BoundMethod {
    fn type_object(&self) -> &'static TypeObject {
        &BUILTIN_METHOD
    }

    fn repr(&self, _depth: usize) -> PyResult<String> {
        let address = match &self.this {
            Value::Object(object) => std::rc::Rc::as_ptr(object).cast::<()>() as usize,
            _ => std::ptr::from_ref(self) as usize,
        };
        Ok(format!(
            "<built-in method {} of {} object at {address:#x}>",
            self.method.name, self.class.name
        ))
    }

    fn getattr(&self, name: &str) -> Option<Value> {
        match name {
            "__name__" => Some(Value::str(self.method.name)),
            "__self__" => Some(self.this.clone()),
            _ => None,
        }
    }

    // ANCHOR: bound_method_call
    fn call(
        &self,
        vm: &mut dyn Vm,
        args: &[Value],
        keywords: &Keywords,
    ) -> Option<Result<Value, RunError>> {
        Some((self.method.call)(vm, &self.this, args, keywords))
    }
    // ANCHOR_END: bound_method_call

    fn as_any(&self) -> &dyn Any {
        self
    }
}
