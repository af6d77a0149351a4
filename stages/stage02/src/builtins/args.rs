//! Checking a builtin's arguments the way CPython's C functions do, with their
//! messages (`Python/getargs.c`, Argument Clinic's generated parsers): a
//! program can print these messages, so they are part of the behaviour.
//! Every builtin of every stage uses them.

use crate::exc::{Exception, PyResult};
use crate::int::Int;
use crate::value::ops;
use crate::value::Value;
use crate::vm::Keywords;

// ANCHOR: arguments
/// For a function of exactly one positional argument (`METH_O`):
/// `len() takes exactly one argument (2 given)`.
pub fn one_arg<'a>(name: &str, args: &'a [Value], keywords: &Keywords) -> PyResult<&'a Value> {
    no_keywords(name, keywords)?;
    match args {
        [arg] => Ok(arg),
        _ => Err(Exception::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// `len() takes no keyword arguments`.
pub fn no_keywords(name: &str, keywords: &Keywords) -> PyResult<()> {
    if keywords.is_empty() {
        Ok(())
    } else {
        Err(Exception::type_error(format!(
            "{name}() takes no keyword arguments"
        )))
    }
}

/// Binds arguments to the parameters `names` (positional-or-keyword, in order),
/// as Argument Clinic does: `pow() takes at most 3 arguments (4 given)`,
/// `'x' is an invalid keyword argument for int()`. Positions that are not
/// given are `None`.
pub fn bind<'a>(
    function: &str,
    names: &[&str],
    positional_only: usize,
    args: &'a [Value],
    keywords: &'a Keywords,
) -> PyResult<Vec<Option<&'a Value>>> {
    if args.len() > names.len() {
        return Err(Exception::type_error(format!(
            "{function}() takes at most {} argument{} ({} given)",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let mut bound: Vec<Option<&Value>> = names.iter().map(|_| None).collect();
    for (slot, arg) in bound.iter_mut().zip(args) {
        *slot = Some(arg);
    }
    for (name, value) in keywords {
        let position = names.iter().position(|n| **n == **name);
        match position {
            Some(index) if index >= positional_only => {
                if let Some(slot) = bound.get_mut(index) {
                    if slot.is_some() {
                        return Err(Exception::type_error(format!(
                            "argument for {function}() given by name ('{name}') and position ({})",
                            index + 1
                        )));
                    }
                    *slot = Some(value);
                }
            }
            _ => {
                return Err(Exception::type_error(format!(
                    "'{name}' is an invalid keyword argument for {function}()"
                )))
            }
        }
    }
    Ok(bound)
}

/// `min expected at least 1 argument, got 0` (`_PyArg_CheckPositional`).
pub fn check_count(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    let message = if min == max && n != min {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else if n > max {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    } else {
        return Ok(());
    };
    Err(Exception::type_error(message))
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// An int (or bool) argument where CPython calls `__index__`:
/// `'float' object cannot be interpreted as an integer`.
pub fn index_arg(value: &Value) -> PyResult<Int> {
    ops::as_int(value).ok_or_else(|| {
        Exception::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            value.type_name()
        ))
    })
}
// ANCHOR_END: arguments
