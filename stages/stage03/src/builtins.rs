//! stage03's builtins namespace: stage02's, plus the class `dict`, which the
//! `**kwargs` of a call makes.
//!
//! No builtin is copied: they are stage02's, and they receive the interpreter
//! (`vm::Vm`), so `min(xs, key=f)` with a Python `f` runs here through stage03's
//! re-entrant eval loop without a line of stage02 changing.

use crate::value::types;
use crate::value::Value;

pub use stage02::builtins::{call, iterate, missing_name, not_callable};

// ANCHOR: lookup
/// The builtins namespace (`builtins.__dict__`), as `LOAD_NAME` and
/// `LOAD_GLOBAL` fall back to it: the names stage03 adds, then stage02's.
pub fn lookup(name: &str) -> Option<Value> {
    match name {
        "dict" => Some(Value::Type(&types::DICT)),
        _ => stage02::builtins::lookup(name),
    }
}
// ANCHOR_END: lookup
