//! Argument binding: from the arguments of a call to the fast locals of the new
//! frame (`Python/ceval.c: initialize_locals`, 3.11).
//!
//! The caller leaves `positional…, keyword values…` on its value stack and the
//! keyword names in a tuple (`KW_NAMES`). Binding *moves* each value into its
//! slot: the frame "steals" the arguments, as CPython's comment says, so a call
//! copies no argument vector and touches no reference count twice.
//!
//! The slots of `localsplus` are laid out by the compiler:
//!
//! ```text
//! [positional-only…, positional-or-keyword…, keyword-only…, *args?, **kwargs?, other locals…]
//!  0 ………………………………………………… co_argcount ……… total_args
//! ```
//!
//! The order of the checks is CPython's, because it decides which message a
//! program sees when several things are wrong at once: keywords first, then
//! too many positionals, then missing positionals, then missing keyword-only.

use std::cell::RefCell;
use std::rc::Rc;

use crate::code::flags::{CO_VARARGS, CO_VARKEYWORDS};
use crate::exc::{Exception, PyResult};
use crate::function::Function;
use crate::value::dict::Dict;
use crate::value::{Tuple, Value};

// ANCHOR: initialize_locals
// ANCHOR: initialize_locals_positional
/// Binds `args` (the positional arguments, then one value per name in
/// `kwnames`) to the parameters of `function`, moving each value into
/// `localsplus`. Every slot of `localsplus` must be empty (`None`) on entry.
pub fn initialize_locals(
    function: &Function,
    localsplus: &mut [Option<Value>],
    args: &mut [Option<Value>],
    kwnames: &[Value],
) -> PyResult<()> {
    if kwnames.is_empty() && function.code.simple_argcount == Some(args.len()) {
        bind_exact_args(localsplus, args);
        return Ok(());
    }
    let shape = Shape::of(function);
    let Some(argcount) = args.len().checked_sub(kwnames.len()) else {
        return Err(Exception::type_error("more keyword names than arguments"));
    };
    let (positional, keyword_values) = args.split_at_mut(argcount);

    // Copy the positional arguments into their slots; the rest go to *args.
    let n = argcount.min(shape.argcount);
    for (slot, arg) in localsplus.iter_mut().zip(positional.iter_mut()).take(n) {
        *slot = arg.take();
    }
    if let Some(index) = shape.varargs {
        let rest: Vec<Value> = positional
            .iter_mut()
            .skip(n)
            .filter_map(Option::take)
            .collect();
        set(localsplus, index, Value::Tuple(Tuple::from(rest)));
    }
    // ANCHOR_END: initialize_locals_positional
    // ANCHOR: initialize_locals_keywords_defaults
    let mut kwdict = shape.varkeywords.map(|_| Dict::new());

    bind_keywords(
        function,
        &shape,
        localsplus,
        keyword_values,
        kwnames,
        &mut kwdict,
    )?;
    if let (Some(index), Some(dict)) = (shape.varkeywords, kwdict) {
        set(localsplus, index, Value::Dict(Rc::new(RefCell::new(dict))));
    }

    if argcount > shape.argcount && shape.varargs.is_none() {
        return Err(too_many_positional(function, &shape, argcount, localsplus));
    }
    if argcount < shape.argcount {
        fill_defaults(function, &shape, localsplus, argcount)?;
    }
    if shape.kwonlyargcount > 0 {
        fill_kwdefaults(function, &shape, localsplus)?;
    }
    Ok(())
}
// ANCHOR_END: initialize_locals_keywords_defaults
// ANCHOR_END: initialize_locals

// ANCHOR: bind_exact_args
/// The common call, `f(a, b)` of `def f(x, y)`: as many positional arguments as
/// parameters, no keywords, and no `*args`, `**kwargs` or keyword-only
/// parameters. Nothing can go wrong and no default applies, so argument `i`
/// simply moves into slot `i`. CPython 3.11 specializes this case too: its
/// adaptive interpreter rewrites such a `CALL` into `CALL_PY_EXACT_ARGS`
/// (`Python/specialize.c: specialize_py_call`), which skips `initialize_locals`.
fn bind_exact_args(localsplus: &mut [Option<Value>], args: &mut [Option<Value>]) {
    for (slot, arg) in localsplus.iter_mut().zip(args.iter_mut()) {
        *slot = arg.take();
    }
}
// ANCHOR_END: bind_exact_args

/// The parameter counts of a code object, as `usize` slot indices.
struct Shape {
    posonlyargcount: usize,
    argcount: usize,
    kwonlyargcount: usize,
    /// `argcount + kwonlyargcount`: the named parameters.
    total_args: usize,
    /// The slot of `*args`, if the function has one.
    varargs: Option<usize>,
    /// The slot of `**kwargs`, if the function has one.
    varkeywords: Option<usize>,
}

impl Shape {
    fn of(function: &Function) -> Shape {
        let code = &function.code.code;
        let size = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
        let argcount = size(code.argcount);
        let kwonlyargcount = size(code.kwonlyargcount);
        let total_args = argcount.saturating_add(kwonlyargcount);
        let has_varargs = code.flags & CO_VARARGS != 0;
        let varargs = has_varargs.then_some(total_args);
        let varkeywords = (code.flags & CO_VARKEYWORDS != 0)
            .then_some(total_args.saturating_add(usize::from(has_varargs)));
        Shape {
            posonlyargcount: size(code.posonlyargcount),
            argcount,
            kwonlyargcount,
            total_args,
            varargs,
            varkeywords,
        }
    }
}

/// Stores into a slot; a slot index past the end (a mutated code object whose
/// counts disagree with its names) is ignored, and the parameter stays unbound.
fn set(localsplus: &mut [Option<Value>], index: usize, value: Value) {
    if let Some(slot) = localsplus.get_mut(index) {
        *slot = Some(value);
    }
}

/// The name of slot `index` (`co_localsplusnames[index]`).
fn slot_name(function: &Function, index: usize) -> &str {
    function
        .code
        .code
        .localsplusnames
        .get(index)
        .map_or("?", |name| &**name)
}

// ANCHOR: bind_keywords
// ANCHOR: bind_keywords_only
// ANCHOR: bind_keywords_lookup
/// Each keyword goes to the named parameter (positional-only ones excluded),
/// else into `**kwargs`, else it is an error.
fn bind_keywords(
    function: &Function,
    shape: &Shape,
    localsplus: &mut [Option<Value>],
    values: &mut [Option<Value>],
    kwnames: &[Value],
    kwdict: &mut Option<Dict>,
) -> PyResult<()> {
    let qualname = &function.qualname;
    let names = &function.code.code.localsplusnames;
    for (keyword, value) in kwnames.iter().zip(values.iter_mut()) {
        let Value::Str(keyword) = keyword else {
            return Err(Exception::type_error(format!(
                "{qualname}() keywords must be strings"
            )));
        };
        // CPython compares pointers first (names are interned), then text.
        let found = (shape.posonlyargcount..shape.total_args).find(|&j| {
            names
                .get(j)
                .is_some_and(|name| Rc::ptr_eq(name, keyword) || name == keyword)
        });
        // ANCHOR_END: bind_keywords_lookup
        // ANCHOR: bind_keywords_match
        match (found, kwdict.as_mut()) {
            (Some(j), _) => match localsplus.get_mut(j) {
                Some(slot) if slot.is_some() => {
                    return Err(Exception::type_error(format!(
                        "{qualname}() got multiple values for argument '{keyword}'"
                    )))
                }
                Some(slot) => *slot = value.take(),
                None => {}
            },
            (None, Some(dict)) => {
                if let Some(value) = value.take() {
                    dict.insert_str(keyword.clone(), value);
                }
            }
            (None, None) => {
                if let Some(error) = positional_only_passed_as_keyword(function, shape, kwnames) {
                    return Err(error);
                }
                return Err(Exception::type_error(format!(
                    "{qualname}() got an unexpected keyword argument '{keyword}'"
                )));
            }
        }
    }
    Ok(())
}
// ANCHOR_END: bind_keywords_match
// ANCHOR_END: bind_keywords_only

// ANCHOR: positional_only_passed_as_keyword
/// `f() got some positional-only arguments passed as keyword arguments: 'a, b'`:
/// checked only once a keyword found no parameter and there is no `**kwargs`
/// (with `**kwargs`, `f(1, a=2)` for `def f(a, /, **kw)` is legal).
fn positional_only_passed_as_keyword(
    function: &Function,
    shape: &Shape,
    kwnames: &[Value],
) -> Option<Exception> {
    let mut conflicts: Vec<&str> = Vec::new();
    for k in 0..shape.posonlyargcount {
        let posonly = slot_name(function, k);
        for keyword in kwnames {
            if let Value::Str(keyword) = keyword {
                if **keyword == *posonly {
                    conflicts.push(keyword);
                }
            }
        }
    }
    if conflicts.is_empty() {
        return None;
    }
    Some(Exception::type_error(format!(
        "{}() got some positional-only arguments passed as keyword arguments: '{}'",
        function.qualname,
        conflicts.join(", ")
    )))
}
// ANCHOR_END: positional_only_passed_as_keyword
// ANCHOR_END: bind_keywords

// ANCHOR: defaults
// ANCHOR: fill_defaults
/// Fills the positional parameters not given from `__defaults__` (which cover the
/// *last* parameters); a parameter before the defaults that is still empty is
/// missing.
fn fill_defaults(
    function: &Function,
    shape: &Shape,
    localsplus: &mut [Option<Value>],
    argcount: usize,
) -> PyResult<()> {
    // EXERCISE 3.3 fill_defaults: report missing parameters, then fill the rest from defaults
    let defaults: &[Value] = function.defaults.as_deref().unwrap_or(&[]);
    let first_default = shape.argcount.saturating_sub(defaults.len());
    let is_empty = |i: usize| localsplus.get(i).is_some_and(Option::is_none);
    let missing: Vec<usize> = (argcount..first_default).filter(|&i| is_empty(i)).collect();
    if !missing.is_empty() {
        let names = (0..first_default).filter(|&i| is_empty(i));
        return Err(missing_arguments(function, "positional", names));
    }
    // Default `i` belongs to slot `argcount - len(defaults) + i`.
    for (offset, default) in defaults.iter().enumerate() {
        let Some(index) = (shape.argcount + offset).checked_sub(defaults.len()) else {
            continue;
        };
        if localsplus.get(index).is_some_and(Option::is_none) {
            set(localsplus, index, default.clone());
        }
    }
    Ok(())
    // END EXERCISE
}
// ANCHOR_END: fill_defaults

// ANCHOR: fill_kwdefaults
/// Fills the keyword-only parameters not given from `__kwdefaults__`; the rest
/// are missing.
fn fill_kwdefaults(
    function: &Function,
    shape: &Shape,
    localsplus: &mut [Option<Value>],
) -> PyResult<()> {
    let mut missing = Vec::new();
    for index in shape.argcount..shape.total_args {
        if localsplus.get(index).is_none_or(Option::is_some) {
            continue;
        }
        let name = slot_name(function, index);
        let default = function
            .kwdefaults
            .as_ref()
            .and_then(|dict| dict.borrow().get_str(name).cloned());
        match default {
            Some(value) => set(localsplus, index, value),
            None => missing.push(index),
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing_arguments(
            function,
            "keyword-only",
            missing.into_iter(),
        ))
    }
}
// ANCHOR_END: fill_kwdefaults
// ANCHOR_END: defaults

// ANCHOR: binding_errors
// ANCHOR: missing_arguments
/// `f() missing 2 required positional arguments: 'b' and 'c'`
/// (`missing_arguments` and `format_missing`: one name, `x and y`, or
/// `x, y, and z`).
fn missing_arguments(
    function: &Function,
    kind: &str,
    slots: impl Iterator<Item = usize>,
) -> Exception {
    let names: Vec<String> = slots
        .map(|i| crate::pyrepr::repr_str(slot_name(function, i)))
        .collect();
    let listed = match names.as_slice() {
        [one] => one.clone(),
        [first, second] => format!("{first} and {second}"),
        [init @ .., second_last, last] => {
            format!("{}, {second_last}, and {last}", init.join(", "))
        }
        [] => String::new(),
    };
    Exception::type_error(format!(
        "{}() missing {} required {kind} argument{}: {listed}",
        function.qualname,
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}
// ANCHOR_END: missing_arguments

// ANCHOR: too_many_positional
/// `f() takes 2 positional arguments but 3 were given`, with the range when
/// there are defaults (`from 1 to 2`) and the keyword-only arguments given
/// (`too_many_positional`).
fn too_many_positional(
    function: &Function,
    shape: &Shape,
    given: usize,
    localsplus: &[Option<Value>],
) -> Exception {
    let kwonly_given = (shape.argcount..shape.total_args)
        .filter(|&i| localsplus.get(i).is_some_and(Option::is_some))
        .count();
    let defcount = function.defaults.as_ref().map_or(0, |d| d.len());
    let (signature, plural) = if defcount > 0 {
        let at_least = shape.argcount.saturating_sub(defcount);
        (format!("from {at_least} to {}", shape.argcount), true)
    } else {
        (shape.argcount.to_string(), shape.argcount != 1)
    };
    let kwonly = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {kwonly_given} keyword-only argument{})",
            if given != 1 { "s" } else { "" },
            if kwonly_given != 1 { "s" } else { "" }
        )
    } else {
        String::new()
    };
    Exception::type_error(format!(
        "{}() takes {signature} positional argument{} but {given}{kwonly} {} given",
        function.qualname,
        if plural { "s" } else { "" },
        if given == 1 && kwonly_given == 0 {
            "was"
        } else {
            "were"
        }
    ))
}
// ANCHOR_END: too_many_positional
// ANCHOR_END: binding_errors
