//! The function object (`Objects/funcobject.c: PyFunctionObject`) and the code
//! it runs, prepared once.
//!
//! `def f(...)` does not run anything: it executes `MAKE_FUNCTION`, which pairs a
//! code object with the module's globals and the default values computed at that
//! moment. Calling the function later makes a [`Frame`](crate::eval::frame::Frame)
//! from it.
//!
//! What a call costs is decided here. A function holds an `Rc` of a
//! [`PreparedCode`]: the loader's `Code` plus its constants already converted
//! to [`Value`]s. It is made once per code object, when the constants of the code
//! that contains it are converted (for the module, once per run), so neither
//! `MAKE_FUNCTION` nor a call converts or clones any table: they bump reference
//! counts.
//!
//! A function is a kind of object stage02's value model has no variant for, so
//! it plugs in through the extension point: it implements [`Object`] (its type,
//! its `repr`, its attributes), and the eval loop gets it back from a
//! `Value::Object` with `downcast`.

use std::any::Any;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use crate::eval::frame::Globals;
use crate::exc::{ExcType, Exception, PyResult};
use crate::value::{Dict, Object, PreparedCode, Tuple, TypeObject, Value};

// ANCHOR: function_type
/// `type(f)`: the class `function`, which a program cannot call to make one.
pub static FUNCTION: TypeObject = TypeObject {
    name: "function",
    new: None,
};
// ANCHOR_END: function_type

// ANCHOR: function
/// A Python function: code, globals, and what `def` evaluated once.
pub struct Function {
    pub code: Rc<PreparedCode>,
    /// The module's namespace, shared with the module frame and every function
    /// defined in it (`func_globals`).
    pub globals: Globals,
    /// `__name__` and `__qualname__` (from `co_name` and `co_qualname`):
    /// error messages say `f()` with the qualname, `outer.<locals>.f()`.
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    /// `__module__`: the globals' `__name__` when the function was made.
    pub module: Value,
    /// `__defaults__`: values for the last positional parameters.
    pub defaults: Option<Tuple>,
    /// `__kwdefaults__`: values for keyword-only parameters, by name.
    pub kwdefaults: Option<Rc<RefCell<Dict>>>,
    /// `__annotations__`.
    pub annotations: Option<Rc<RefCell<Dict>>>,
    /// `__closure__`: the cells of the variables the function's code reads
    /// from the functions around it (`co_freevars`), in that order; `None`
    /// when it has none. `MAKE_FUNCTION` sets it from its `0x08` flag
    /// (stage06); `COPY_FREE_VARS` copies it into each frame.
    pub closure: Option<Tuple>,
}
// ANCHOR_END: function

/// A function's globals contain the function: printing them would never end.
impl fmt::Debug for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<function {}>", self.qualname)
    }
}

// ANCHOR: function_object
/// The slots of `function` (`Objects/funcobject.c: PyFunction_Type`).
impl Object for Function {
    fn type_object(&self) -> &'static TypeObject {
        &FUNCTION
    }

    /// `<function f at 0x7f…>`: the address is where the function lives.
    fn repr(&self, _depth: usize) -> PyResult<String> {
        let address = std::ptr::from_ref(self) as usize;
        Ok(format!("<function {} at {address:#x}>", self.qualname))
    }

    fn getattr(&self, name: &str) -> Option<Value> {
        self.attribute(name)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn drain(&mut self) -> Vec<Value> {
        self.held_values()
    }
}
// ANCHOR_END: function_object

/// A function freed while it holds a closure (cells, which hold functions,
/// which hold closures…) hands it to the trashcan, so that a chain of a
/// million closures does not drop recursively (see `value::drop_nested`).
impl Drop for Function {
    fn drop(&mut self) {
        let held = self.held_values();
        if !held.is_empty() {
            crate::value::drop_nested(crate::value::Emptying::Values(held));
        }
    }
}

impl Function {
    // ANCHOR: function_new
    /// `Objects/funcobject.c: PyFunction_New`: a function with no defaults yet;
    /// `MAKE_FUNCTION` sets them from its flags.
    pub fn new(code: Rc<PreparedCode>, globals: Globals) -> Function {
        let module = globals
            .borrow()
            .get_str("__name__")
            .cloned()
            .unwrap_or(Value::None);
        Function {
            name: code.code.name.clone(),
            qualname: code.code.qualname.clone(),
            code,
            globals,
            module,
            defaults: None,
            kwdefaults: None,
            annotations: None,
            closure: None,
        }
    }
    // ANCHOR_END: function_new

    /// `Objects/call.c: _PyObject_FunctionStr`: `__main__.f()`, as the messages
    /// about `*` and `**` arguments name the function.
    pub fn function_str(&self) -> String {
        match &self.module {
            Value::Str(module) if &**module != "builtins" => {
                format!("{module}.{}()", self.qualname)
            }
            _ => format!("{}()", self.qualname),
        }
    }

    /// The values the function holds that may hold more: its closure and
    /// its defaults, taken out.
    fn held_values(&mut self) -> Vec<Value> {
        let closure = self.closure.take().map(Value::Tuple);
        let defaults = self.defaults.take().map(Value::Tuple);
        closure.into_iter().chain(defaults).collect()
    }

    // ANCHOR: function_attributes
    /// `f.name` for the attributes of `Objects/funcobject.c: func_memberlist` and
    /// `func_getsetlist` that stage03 has.
    pub fn attribute(&self, name: &str) -> Option<Value> {
        Some(match name {
            "__name__" => Value::Str(self.name.clone()),
            "__qualname__" => Value::Str(self.qualname.clone()),
            "__module__" => self.module.clone(),
            "__code__" => Value::Code(self.code.clone()),
            "__defaults__" => match &self.defaults {
                Some(values) => Value::Tuple(values.clone()),
                None => Value::None,
            },
            "__kwdefaults__" => match &self.kwdefaults {
                Some(dict) => Value::Dict(dict.clone()),
                None => Value::None,
            },
            "__closure__" => match &self.closure {
                Some(cells) => Value::Tuple(cells.clone()),
                None => Value::None,
            },
            // CPython creates (and keeps) an empty dict on first access.
            "__annotations__" => match &self.annotations {
                Some(dict) => Value::Dict(dict.clone()),
                None => Value::new_dict(Dict::new()),
            },
            _ => return None,
        })
    }
    // ANCHOR_END: function_attributes
}

// ANCHOR: code_attributes
/// `code.name` for the `co_*` attributes (`Objects/codeobject.c: code_memberlist`
/// and `code_getsetlist`).
pub fn code_attribute(prepared: &PreparedCode, name: &str) -> Option<Value> {
    let code = &prepared.code;
    let int = |n: u32| Value::Int(crate::int::Int::from_i64(i64::from(n)));
    let names = |names: Vec<Rc<str>>| Value::Tuple(names.into_iter().map(Value::Str).collect());
    Some(match name {
        "co_name" => Value::Str(code.name.clone()),
        "co_qualname" => Value::Str(code.qualname.clone()),
        "co_filename" => Value::Str(code.filename.clone()),
        "co_argcount" => int(code.argcount),
        "co_posonlyargcount" => int(code.posonlyargcount),
        "co_kwonlyargcount" => int(code.kwonlyargcount),
        "co_stacksize" => int(code.stacksize),
        "co_flags" => int(code.flags),
        "co_firstlineno" => int(code.firstlineno),
        "co_nlocals" => int(u32::try_from(code.nlocals()).unwrap_or(u32::MAX)),
        "co_varnames" => names(code.varnames()),
        "co_cellvars" => names(code.cellvars()),
        "co_freevars" => names(code.freevars()),
        "co_names" => names(code.names.to_vec()),
        "co_code" => Value::Bytes(code.code.clone()),
        _ => return None,
    })
}
// ANCHOR_END: code_attributes

/// `AttributeError: 'function' object has no attribute 'x'` (for a class:
/// `type object 'int' has no attribute 'x'`).
pub fn no_attribute(value: &Value, name: &str) -> Exception {
    let message = match value {
        Value::Type(class) => format!("type object '{}' has no attribute '{name}'", class.name),
        _ => format!("'{}' object has no attribute '{name}'", value.type_name()),
    };
    Exception::new(ExcType::AttributeError, message)
}

/// `Objects/call.c: _PyObject_FunctionStr`: how the messages about `*` and `**`
/// arguments name the callable: `__main__.f()`, `len()`, or `str(x)` for a
/// value without a `__qualname__`.
pub fn function_str(callable: &Value) -> PyResult<String> {
    if let Some(function) = callable.downcast::<Function>() {
        return Ok(function.function_str());
    }
    Ok(match callable {
        Value::Builtin(builtin) => format!("{}()", builtin.name),
        Value::Type(class) => format!("{}()", class.name),
        other => match other.to_str()? {
            Value::Str(text) => text.to_string(),
            other => other.repr()?,
        },
    })
}

/// `value.name` for the values that have attributes in stage03: functions, code
/// objects, and the `__name__` of builtins and classes (`TARGET(LOAD_ATTR)`
/// calls `PyObject_GetAttr`).
pub fn get_attribute(value: &Value, name: &str) -> PyResult<Value> {
    let found = match value {
        Value::Object(object) => object.getattr(name),
        Value::Code(code) => code_attribute(code, name),
        Value::Builtin(builtin) if name == "__name__" || name == "__qualname__" => {
            Some(Value::str(builtin.name))
        }
        Value::Type(class) if name == "__name__" || name == "__qualname__" => {
            Some(Value::str(class.name))
        }
        _ => None,
    };
    found.ok_or_else(|| no_attribute(value, name))
}
