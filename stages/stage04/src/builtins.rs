//! stage04's builtins namespace: stage03's, plus the container classes
//! (`list`, `set`, `frozenset`, `range`, `slice`) and the builtins that iterate
//! (`sorted`, `reversed`, `enumerate`, `zip`, `map`, `filter`, `sum`, `any`,
//! `all`, `iter`, `next`), `isinstance` and `hash`.
//!
//! stage02's builtins are not copied: `len`, `min`, `max`, `tuple` and `print`
//! already reach a list or a range through the object slots
//! (`builtins::iterate`).

use std::cell::RefCell;

use crate::exc::{ExcType, Exception};
use crate::int::Int;
use crate::iter::{self, Enumerate, Filter, Map, Reversed, Zip};
use crate::list::{List, ListReverseIter};
use crate::methods::list_methods;
use crate::value::object::downcast_rc;
use crate::value::types;
use crate::value::{BuiltinFunction, Value};
use crate::vm::{Keywords, RunError, Vm};

pub use stage03::builtins::{call, iterate, missing_name, not_callable};

// ANCHOR: lookup
/// The builtins namespace (`builtins.__dict__`), as `LOAD_NAME` and
/// `LOAD_GLOBAL` fall back to it: the names stage04 adds, then stage03's.
pub fn lookup(name: &str) -> Option<Value> {
    let value = match name {
        "list" => Value::Type(&crate::list::LIST),
        "range" => Value::Type(&crate::range::RANGE),
        "set" => Value::Type(&crate::set::SET),
        "frozenset" => Value::Type(&crate::set::FROZENSET),
        "slice" => Value::Type(&crate::slice::SLICE),
        "enumerate" => Value::Type(&iter::ENUMERATE),
        "zip" => Value::Type(&iter::ZIP),
        "map" => Value::Type(&iter::MAP),
        "filter" => Value::Type(&iter::FILTER),
        "reversed" => Value::Type(&iter::REVERSED),
        "sorted" => Value::Builtin(&SORTED),
        "sum" => Value::Builtin(&SUM),
        "any" => Value::Builtin(&ANY),
        "all" => Value::Builtin(&ALL),
        "iter" => Value::Builtin(&ITER),
        "next" => Value::Builtin(&NEXT),
        "isinstance" => Value::Builtin(&ISINSTANCE),
        "hash" => Value::Builtin(&HASH),
        "callable" => Value::Builtin(&CALLABLE),
        _ => return stage03::builtins::lookup(name),
    };
    Some(value)
}
// ANCHOR_END: lookup

type Outcome = Result<Value, RunError>;

fn one_arg<'a>(name: &str, args: &'a [Value], keywords: &Keywords) -> Result<&'a Value, RunError> {
    iter::no_keywords(name, keywords)?;
    match args {
        [value] => Ok(value),
        _ => Err(Exception::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))
        .into()),
    }
}

/// `enumerate(iterable, start=0)`: the class `enumerate` calls this.
pub fn new_enumerate(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Outcome {
    let mut start = Value::Int(Int::from_i64(0));
    let mut iterable = args.first().cloned();
    if let Some(second) = args.get(1) {
        start = second.clone();
    }
    for (name, value) in keywords {
        match &**name {
            "start" => start = value.clone(),
            "iterable" => iterable = Some(value.clone()),
            other => {
                return Err(Exception::type_error(format!(
                    "'{other}' is an invalid keyword argument for enumerate()"
                ))
                .into())
            }
        }
    }
    let Some(iterable) = iterable else {
        return Err(Exception::type_error(
            "enumerate() missing required argument 'iterable' (pos 1)",
        )
        .into());
    };
    let count = match start {
        Value::Int(i) => i,
        Value::Bool(b) => Int::from_i64(i64::from(b)),
        other => {
            return Err(Exception::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))
            .into())
        }
    };
    Ok(Value::object(Enumerate {
        iterator: iter::get_iter(&iterable)?,
        count: RefCell::new(count),
    }))
}

pub fn new_zip(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Outcome {
    iter::no_keywords("zip", keywords)?;
    let iterators = args.iter().map(iter::get_iter).collect::<Result<_, _>>()?;
    Ok(Value::object(Zip { iterators }))
}

pub fn new_map(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Outcome {
    iter::no_keywords("map", keywords)?;
    let Some((function, iterables)) = args.split_first().filter(|(_, rest)| !rest.is_empty())
    else {
        return Err(Exception::type_error("map() must have at least two arguments.").into());
    };
    let iterators = iterables
        .iter()
        .map(iter::get_iter)
        .collect::<Result<_, _>>()?;
    Ok(Value::object(Map {
        function: function.clone(),
        iterators,
    }))
}

pub fn new_filter(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Outcome {
    iter::no_keywords("filter", keywords)?;
    let [function, iterable] = args else {
        return Err(Exception::type_error(format!(
            "filter expected 2 arguments, got {}",
            args.len()
        ))
        .into());
    };
    Ok(Value::object(Filter {
        function: function.clone(),
        iterator: iter::get_iter(iterable)?,
    }))
}

/// `reversed(sequence)`: a list's own reverse iterator, a range's reverse
/// range, or the items of a tuple, str or bytes from the end.
pub fn new_reversed(vm: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Outcome {
    let sequence = one_arg("reversed", args, keywords)?;
    if let Value::Object(object) = sequence {
        if let Some(list) = downcast_rc::<List>(object) {
            let remaining = std::cell::Cell::new(list.len());
            return Ok(Value::object(ListReverseIter { list, remaining }));
        }
        let class = object.type_object();
        if std::ptr::eq(class, &crate::set::SET) || std::ptr::eq(class, &crate::set::FROZENSET) {
            return Err(Exception::type_error(format!(
                "'{}' object is not reversible",
                class.name
            ))
            .into());
        }
    }
    if let Value::Dict(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Object(_) =
        sequence
    {
        let items = iter::collect(vm, sequence)?;
        return Ok(Value::object(Reversed {
            items: RefCell::new(items),
        }));
    }
    Err(Exception::type_error(format!(
        "'{}' object is not reversible",
        sequence.type_name()
    ))
    .into())
}

pub static SORTED: BuiltinFunction = BuiltinFunction {
    name: "sorted",
    call: sorted,
};

/// `sorted(iterable, /, *, key=None, reverse=False)`.
fn sorted(vm: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Outcome {
    let [iterable] = args else {
        return Err(Exception::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.len()
        ))
        .into());
    };
    let (key, reverse) = list_methods::sort_keywords(keywords)?;
    list_methods::sorted(vm, iterable, &key, reverse)
}

pub static SUM: BuiltinFunction = BuiltinFunction {
    name: "sum",
    call: sum,
};

/// `sum(iterable, /, start=0)`: `start + item + item …` with `+`'s rules;
/// a str start is refused, as CPython refuses it.
fn sum(vm: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Outcome {
    let mut start = args.get(1).cloned().unwrap_or(Value::Int(Int::from_i64(0)));
    for (name, value) in keywords {
        if &**name == "start" {
            start = value.clone();
        } else {
            return Err(Exception::type_error(format!(
                "sum() got an unexpected keyword argument '{name}'"
            ))
            .into());
        }
    }
    let Some(iterable) = args.first() else {
        return Err(
            Exception::type_error("sum() takes at least 1 positional argument (0 given)").into(),
        );
    };
    match start {
        Value::Str(_) => {
            return Err(
                Exception::type_error("sum() can't sum strings [use ''.join(seq) instead]").into(),
            )
        }
        Value::Bytes(_) => {
            return Err(
                Exception::type_error("sum() can't sum bytes [use b''.join(seq) instead]").into(),
            )
        }
        _ => {}
    }
    let iterator = iter::get_iter(iterable)?;
    let mut total = start;
    while let Some(item) = iter::next(vm, &iterator)? {
        total = crate::eval::add_values(vm, &total, &item)?;
    }
    Ok(total)
}

pub static ANY: BuiltinFunction = BuiltinFunction {
    name: "any",
    call: |vm, args, keywords| {
        let iterator = iter::get_iter(one_arg("any", args, keywords)?)?;
        while let Some(item) = iter::next(vm, &iterator)? {
            if item.is_true() {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    },
};

pub static ALL: BuiltinFunction = BuiltinFunction {
    name: "all",
    call: |vm, args, keywords| {
        let iterator = iter::get_iter(one_arg("all", args, keywords)?)?;
        while let Some(item) = iter::next(vm, &iterator)? {
            if !item.is_true() {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    },
};

pub static ITER: BuiltinFunction = BuiltinFunction {
    name: "iter",
    call: |_, args, keywords| Ok(iter::get_iter(one_arg("iter", args, keywords)?)?),
};

pub static NEXT: BuiltinFunction = BuiltinFunction {
    name: "next",
    call: next,
};

/// `next(iterator[, default])`: `StopIteration` when it is exhausted and no
/// default is given.
fn next(vm: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Outcome {
    iter::no_keywords("next", keywords)?;
    let (iterator, default) = match args {
        [iterator] => (iterator, None),
        [iterator, default] => (iterator, Some(default)),
        _ => {
            return Err(Exception::type_error(format!(
                "next expected at most 2 arguments, got {}",
                args.len()
            ))
            .into())
        }
    };
    match (iter::next(vm, iterator)?, default) {
        (Some(item), _) => Ok(item),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(Exception::new(ExcType::StopIteration, "").into()),
    }
}

pub static ISINSTANCE: BuiltinFunction = BuiltinFunction {
    name: "isinstance",
    call: isinstance,
};

/// `isinstance(object, classinfo)`: a class or a tuple of classes; `bool`
/// is a subclass of `int`, and everything is an `object`.
fn isinstance(_: &mut dyn Vm, args: &[Value], keywords: &Keywords) -> Outcome {
    iter::no_keywords("isinstance", keywords)?;
    let [object, classinfo] = args else {
        return Err(Exception::type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.len()
        ))
        .into());
    };
    Ok(Value::Bool(is_instance(object, classinfo)?))
}

fn is_instance(object: &Value, classinfo: &Value) -> Result<bool, RunError> {
    match classinfo {
        Value::Type(class) => {
            let own = object.type_of();
            Ok(std::ptr::eq(own, *class)
                || (std::ptr::eq(*class, &types::INT) && matches!(object, Value::Bool(_))))
        }
        Value::Tuple(classes) => {
            for class in classes.iter() {
                if is_instance(object, class)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(Exception::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )
        .into()),
    }
}

pub static HASH: BuiltinFunction = BuiltinFunction {
    name: "hash",
    call: |_, args, keywords| {
        let value = one_arg("hash", args, keywords)?;
        Ok(Value::Int(Int::from_i64(crate::set::py_hash(value)?)))
    },
};

pub static CALLABLE: BuiltinFunction = BuiltinFunction {
    name: "callable",
    call: |_, args, keywords| {
        let value = one_arg("callable", args, keywords)?;
        Ok(Value::Bool(is_callable(value)))
    },
};

/// `callable(x)`: a builtin, a class, a function or a method.
fn is_callable(value: &Value) -> bool {
    match value {
        Value::Builtin(_) | Value::Type(_) => true,
        Value::Object(object) => matches!(
            object.type_object().name,
            "function" | "builtin_function_or_method" | "method_descriptor"
        ),
        _ => false,
    }
}
