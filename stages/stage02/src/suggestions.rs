//! "Did you mean", after the last line of an uncaught `NameError` or
//! `AttributeError` (`Python/suggestions.c: _Py_Offer_Suggestions`, 3.11):
//! `NameError: name 'prnt' is not defined. Did you mean: 'print'?`
//!
//! The candidate closest to the mistyped name wins, by an edit distance in
//! which changing a letter's case costs half as much as any other edit; no
//! more than about a third of the characters may change. For a name, the
//! candidates are the innermost frame's variables, then the module's names,
//! then the names of CPython's `builtins` module; for an attribute, `dir()` of
//! the object. Both lists must be CPython's for the same answer, so
//! [`names`] holds CPython's own, generated.

// Generated, and checked current by `tests/s02_suggestion_names.rs`: not formatted.
#[rustfmt::skip]
pub mod names;

use std::rc::Rc;

use crate::code::Code;
use crate::exc::{ExcType, Exception};
use crate::pyrepr;
use crate::value::{Dict, Value};

/// `MOVE_COST`: inserting, deleting or replacing a character.
const MOVE_COST: usize = 2;
/// `CASE_COST`: replacing a letter by the same letter in the other case.
const CASE_COST: usize = 1;
/// `MAX_STRING_SIZE`: longer names (after their common ends are trimmed) are
/// never suggested.
const MAX_STRING_SIZE: usize = 40;
/// `MAX_CANDIDATE_ITEMS`: a longer list of candidates is not searched.
const MAX_CANDIDATE_ITEMS: usize = 750;

/// The names of a `__main__` module's namespace that CPython puts there before
/// the program runs, in its order (the workbook's module has only the first
/// two; the suggestion is drawn from CPython's).
pub const MAIN_MODULE_NAMES: [&str; 9] = [
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__annotations__",
    "__builtins__",
    "__file__",
    "__cached__",
];

// ANCHOR: name_error
/// The suggestion for a `NameError` on `name` (`offer_suggestions_for_name_error`):
/// from the innermost frame's variables, else the module's names, else the
/// builtins'.
pub fn for_name(name: &str, varnames: &[&str], module_names: &[&str]) -> Option<String> {
    calculate_suggestions(varnames, name)
        .or_else(|| calculate_suggestions(module_names, name))
        .or_else(|| calculate_suggestions(names::BUILTIN_NAMES, name))
}

/// The suggestion for an `AttributeError` on an object of the type named
/// `type_name` (`offer_suggestions_for_attribute_error`): from `dir(obj)`.
pub fn for_attribute(type_name: &str, name: &str) -> Option<String> {
    let (_, dir) = names::DIRS.iter().find(|(ty, _)| *ty == type_name)?;
    calculate_suggestions(dir, name)
}
// ANCHOR_END: name_error

// ANCHOR: missing

/// The name a failed lookup looked for (CPython's `e.name`): a variable, or
/// an attribute of an object of a type (`e.obj`'s type).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Name(Rc<str>),
    Attribute { type_name: Rc<str>, name: Rc<str> },
}

/// The name in the interpreter's messages `name 'x' is not defined` (or
/// `cannot access free variable 'x' …`) and `'list' object has no attribute
/// 'x'`, which are all that raise these two kinds: CPython keeps the name
/// beside the message (`format_exc_check_arg`, `set_attribute_error_context`);
/// our raise sites keep the message only, and this reads it back.
pub fn missing_from_message(kind: ExcType, message: &str) -> Option<Missing> {
    let quoted: Vec<&str> = message.split('\'').skip(1).step_by(2).collect();
    match (kind, quoted.as_slice()) {
        (ExcType::NameError, [name, ..]) => Some(Missing::Name(Rc::from(*name))),
        (ExcType::AttributeError, [type_name, name]) if !message.starts_with("type object") => {
            Some(Missing::Attribute {
                type_name: Rc::from(*type_name),
                name: Rc::from(*name),
            })
        }
        _ => None,
    }
}

/// The suggestion for what `missing` names, as the trailer CPython prints
/// after the message (`. Did you mean: 'print'?`), or nothing.
pub fn trailer(missing: &Missing, varnames: &[&str], module_names: &[&str]) -> String {
    let found = match missing {
        Missing::Name(name) => for_name(name, varnames, module_names),
        Missing::Attribute { type_name, name } => for_attribute(type_name, name),
    };
    match found {
        Some(name) => format!(". Did you mean: {}?", pyrepr::repr_str(&name)),
        None => String::new(),
    }
}

/// Stages 02 to 04 print an uncaught exception's last line only, from the
/// message: this adds the suggestion to the message of a `NameError` or
/// `AttributeError` raised in a frame with `varnames`, once.
pub fn with_suggestion(mut exc: Exception, varnames: &[&str], module_names: &[&str]) -> Exception {
    if exc.message.ends_with('?') {
        return exc;
    }
    if let Some(missing) = missing_from_message(exc.kind, &exc.message) {
        exc.message += &trailer(&missing, varnames, module_names);
    }
    exc
}

/// [`with_suggestion`] for an exception raised in a frame of `code` whose
/// module namespace is `globals`.
pub fn with_suggestion_in(exc: Exception, code: &Code, globals: &Dict) -> Exception {
    if exc.message.ends_with('?')
        || !matches!(exc.kind, ExcType::NameError | ExcType::AttributeError)
    {
        return exc;
    }
    let varnames = code.varnames();
    let varnames: Vec<&str> = varnames.iter().map(|name| &**name).collect();
    let own = globals.iter().filter_map(|(name, _)| match name {
        Value::Str(name) => Some(&**name),
        _ => None,
    });
    let names: Vec<&str> = own.collect();
    with_suggestion(exc, &varnames, &module_names(names.into_iter()))
}

/// The module names a suggestion for a `NameError` looks among: CPython's nine
/// `__main__` names, then the program's own, in the namespace's order.
pub fn module_names<'a>(own: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let own = own.filter(|name| !MAIN_MODULE_NAMES.contains(name));
    MAIN_MODULE_NAMES.iter().copied().chain(own).collect()
}
// ANCHOR_END: missing

// ANCHOR: calculate_suggestions
/// The closest candidate to `name`, if one is close enough
/// (`calculate_suggestions`): the first of the closest, in the list's order.
fn calculate_suggestions(candidates: &[&str], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        // No more than 1/3 of the involved characters should need changed.
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        // Don't take matches we've already beaten.
        if let Some((_, distance)) = best {
            max_distance = max_distance.min(distance.saturating_sub(1));
        }
        let distance = levenshtein_distance(name.as_bytes(), item.as_bytes(), max_distance);
        if distance > max_distance {
            continue;
        }
        if best.is_none_or(|(_, beaten)| distance < beaten) {
            best = Some((item, distance));
        }
    }
    best.map(|(item, _)| item.to_string())
}
// ANCHOR_END: calculate_suggestions

// ANCHOR: levenshtein
/// The edit distance between `a` and `b`, counted in UTF-8 bytes as CPython
/// counts it (`levenshtein_distance`), or `max_cost + 1` as soon as it is
/// certain to exceed `max_cost`. One row of the table is kept, updated in place.
fn levenshtein_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (a, b) = trim_common_affixes(a, b);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (cell, &a_char) in row.iter_mut().zip(a) {
            let substitute = distance + substitution_cost(code, a_char);
            distance = *cell;
            result = (result.min(distance) + MOVE_COST).min(substitute);
            *cell = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// `a` and `b` without the bytes they start and end with in common.
fn trim_common_affixes<'a>(mut a: &'a [u8], mut b: &'a [u8]) -> (&'a [u8], &'a [u8]) {
    while let (Some((x, a_rest)), Some((y, b_rest))) = (a.split_first(), b.split_first()) {
        if x != y {
            break;
        }
        (a, b) = (a_rest, b_rest);
    }
    while let (Some((x, a_rest)), Some((y, b_rest))) = (a.split_last(), b.split_last()) {
        if x != y {
            break;
        }
        (a, b) = (a_rest, b_rest);
    }
    (a, b)
}

/// What replacing `a` by `b` costs: nothing, a case flip, or a move.
fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) && a.is_ascii_alphabetic() {
        return CASE_COST;
    }
    MOVE_COST
}
// ANCHOR_END: levenshtein

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_suggested_from_the_closest_scope() {
        assert_eq!(for_name("prnt", &[], &[]).as_deref(), Some("print"));
        assert_eq!(for_name("valeu", &["value"], &[]).as_deref(), Some("value"));
        assert_eq!(
            for_name("Valueerror", &[], &[]).as_deref(),
            Some("ValueError")
        );
        assert_eq!(for_name("sys", &[], &[]), None);
        assert_eq!(
            for_name("__fil__", &[], &MAIN_MODULE_NAMES).as_deref(),
            Some("__file__")
        );
    }

    #[test]
    fn attributes_are_suggested_from_dir() {
        assert_eq!(for_attribute("list", "apend").as_deref(), Some("append"));
        assert_eq!(for_attribute("str", "uper").as_deref(), Some("upper"));
        assert_eq!(for_attribute("list", "zzzzzz"), None);
    }
}
