//! The instructions of closures: cells made, shared and read
//! (`MAKE_CELL`, `COPY_FREE_VARS`, `LOAD_CLOSURE`, `LOAD_DEREF`,
//! `STORE_DEREF`, `DELETE_DEREF`), and `MAKE_FUNCTION` with a closure.
//!
//! A frame's fast locals (`localsplus`) come in three runs, in the order of
//! `co_localsplusnames`: the plain locals (parameters first), then the
//! *cell variables* (`co_cellvars`: this function's locals that an inner
//! function reads), then the *free variables* (`co_freevars`: the outer
//! functions' variables this one reads). A parameter that is also a cell
//! variable keeps its parameter slot. Cell and free slots hold a
//! [`Cell`], never the value itself: `MAKE_CELL` wraps the slot's value
//! when the frame starts, `COPY_FREE_VARS` fills the last slots from the
//! function's closure, and the `*_DEREF` instructions go through the cell.

use std::rc::Rc;

use crate::cell::{self, Cell};
use crate::code::kinds;
use crate::exc::{ExcType, Exception};
use crate::function::Function;
use crate::value::Value;
use crate::vm::RunError;

use super::frame::Frame;
use super::{containers, count};

// ANCHOR: make_cell
/// `TARGET(MAKE_CELL)`: the slot's value (a parameter's argument, or
/// nothing yet) moves into a new cell, which takes its place.
pub fn make_cell(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let slot = local_slot(frame, arg)?;
    let initial = slot.take();
    *slot = Some(Value::object(Cell::new(initial)));
    Ok(())
}

/// `TARGET(COPY_FREE_VARS)`: the `arg` cells of the function's closure go
/// into the frame's last `arg` slots, where its free variables live.
pub fn copy_free_vars(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    // EXERCISE 6.1 copy_free_vars: the closure's cells go into the frame's last arg slots
    let n = count(arg);
    let Some(closure) = frame.closure.clone() else {
        return Err(frame.vm_error("COPY_FREE_VARS in a frame without a closure"));
    };
    let Some(offset) = frame.locals.len().checked_sub(n) else {
        return Err(frame.vm_error("COPY_FREE_VARS of more cells than fast locals"));
    };
    if closure.len() != n {
        return Err(frame.vm_error(format!(
            "COPY_FREE_VARS {n} with a closure of {} cells",
            closure.len()
        )));
    }
    for (slot, cell) in frame.locals[offset..].iter_mut().zip(closure.iter()) {
        *slot = Some(cell.clone());
    }
    Ok(())
    // END EXERCISE
}
// ANCHOR_END: make_cell

// ANCHOR: deref
/// `TARGET(LOAD_CLOSURE)`: the cell itself, for the closure tuple of a
/// function about to be made (3.11 compiles it as `LOAD_FAST`).
pub fn load_closure(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let cell = cell_value(frame, arg)?;
    frame.push_value(cell)
}

/// `TARGET(LOAD_DEREF)`: the value in the cell.
pub fn load_deref(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let value = cell_at(frame, arg)?.get();
    match value {
        Some(value) => frame.push_value(value),
        None => Err(unbound(frame, arg).into()),
    }
}

/// `TARGET(STORE_DEREF)`: a new value in the cell, seen by every function
/// that shares it. The old value is dropped after the cell is released.
pub fn store_deref(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let value = frame.pop_value()?;
    let old = cell_at(frame, arg)?.set(Some(value));
    drop(old);
    Ok(())
}

/// `TARGET(DELETE_DEREF)`: `del x` of a cell variable empties the cell.
pub fn delete_deref(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    match cell_at(frame, arg)?.set(None) {
        Some(old) => {
            drop(old);
            Ok(())
        }
        None => Err(unbound(frame, arg).into()),
    }
}
// ANCHOR_END: deref

// ANCHOR: unbound
/// `format_exc_unbound`: reading an empty cell. A cell variable of this
/// function is an unbound local, like a fast local; a free variable is a
/// `NameError` about the enclosing scope.
fn unbound(frame: &Frame, arg: u32) -> Exception {
    let index = count(arg);
    let name = frame
        .code
        .localsplusnames
        .get(index)
        .map_or_else(|| Rc::from("?"), Rc::clone);
    let kind = frame.code.localspluskinds.get(index).copied().unwrap_or(0);
    if kind & kinds::CO_FAST_FREE != 0 {
        Exception::new(
            ExcType::NameError,
            format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ),
        )
    } else {
        Exception::new(
            ExcType::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }
}
// ANCHOR_END: unbound

/// The fast-local slot `arg`, or a VM error for an index out of range.
fn local_slot(frame: &mut Frame, arg: u32) -> Result<&mut Option<Value>, RunError> {
    let index = count(arg);
    if index >= frame.locals.len() {
        return Err(frame.vm_error(format!("fast local {index} out of range")));
    }
    Ok(&mut frame.locals[index])
}

/// The cell in slot `arg` as a value (the `Rc` shared with closures).
fn cell_value(frame: &Frame, arg: u32) -> Result<Value, RunError> {
    match frame.locals.get(count(arg)) {
        Some(Some(value)) if value.downcast::<Cell>().is_some() => Ok(value.clone()),
        _ => Err(frame.vm_error(format!("fast local {arg} holds no cell"))),
    }
}

/// The cell in slot `arg`.
fn cell_at(frame: &Frame, arg: u32) -> Result<&Cell, RunError> {
    match frame.locals.get(count(arg)) {
        Some(Some(value)) => value
            .downcast::<Cell>()
            .ok_or_else(|| frame.vm_error(format!("fast local {arg} holds no cell"))),
        _ => Err(frame.vm_error(format!("fast local {arg} holds no cell"))),
    }
}

// ANCHOR: make_function
/// `TARGET(MAKE_FUNCTION)`: stage03's, and with flag `0x08` the closure, a
/// tuple of cells that `LOAD_CLOSURE` pushed, popped first (it is the
/// last thing `def` pushed before the code object).
pub fn make_function(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let Value::Code(code) = frame.pop_value()? else {
        return Err(frame.vm_error("MAKE_FUNCTION of a value that is not a code object"));
    };
    let closure = if arg & 0x08 != 0 {
        match frame.pop_value()? {
            Value::Tuple(cells) if cells.iter().all(|c| c.downcast::<Cell>().is_some()) => {
                Some(cells)
            }
            _ => return Err(frame.vm_error("MAKE_FUNCTION closure is not a tuple of cells")),
        }
    } else {
        None
    };
    let mut function: Function = stage03::eval::function_from_flags(frame, code, arg & !0x08)?;
    function.closure = closure;
    frame.push_value(Value::object(function))
}
// ANCHOR_END: make_function

// ANCHOR: load_attr
/// `TARGET(LOAD_ATTR)`: stage04's, and a cell's `cell_contents`, which
/// raises `ValueError: Cell is empty` rather than `AttributeError`.
pub fn load_attr(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    if let Some(Some(owner)) = frame.stack.last() {
        if let Some(cell) = owner.downcast::<Cell>() {
            if &*frame.name(arg)? == "cell_contents" {
                let contents = cell::contents(cell)?;
                frame.pop()?;
                return frame.push_value(contents);
            }
        }
    }
    containers::load_attr(frame, arg)
}
// ANCHOR_END: load_attr
