//! The jumps of 3.11. Every argument is a distance in code units (two bytes),
//! counted from the instruction *after* the jump and its inline caches
//! (`frame.next_instr` once `fetch` has run): `JUMPBY(oparg)` in ceval.c.
//! A jump backwards has opcodes of its own because its argument is unsigned.

use crate::value::Value;
use crate::vm::RunError;

use super::frame::Frame;

// ANCHOR: jumps
// ANCHOR: jump_forward_backward
/// `TARGET(JUMP_FORWARD)`: `JUMPBY(oparg)`.
pub fn forward(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    frame.next_instr = frame.next_instr.saturating_add(arg as usize);
    Ok(())
}

/// `TARGET(JUMP_BACKWARD)`: `JUMPBY(-oparg)`. A jump before the first
/// instruction is bad bytecode, never a wrap-around.
pub fn backward(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    match frame.next_instr.checked_sub(arg as usize) {
        Some(target) => {
            frame.next_instr = target;
            Ok(())
        }
        None => Err(frame.vm_error(format!("jump backward by {arg} before the code"))),
    }
}
// ANCHOR_END: jump_forward_backward

// ANCHOR: pop_jump_if
/// `TARGET(POP_JUMP_FORWARD_IF_FALSE)` and its kin: pop the top, and jump
/// forward if `test` holds for it.
pub fn pop_jump_if(
    frame: &mut Frame,
    arg: u32,
    test: impl Fn(&Value) -> bool,
) -> Result<(), RunError> {
    // EXERCISE 4.1 pop_jump_if: pop the top; if test holds for it, jump forward by arg
    let value = frame.pop_value()?;
    if test(&value) {
        forward(frame, arg)?;
    }
    Ok(())
    // END EXERCISE
}

/// `TARGET(POP_JUMP_BACKWARD_IF_FALSE)` and its kin: the same, backwards.
/// A taken backward jump checks the eval breaker, as CPython's does.
pub fn pop_jump_back_if(
    frame: &mut Frame,
    arg: u32,
    test: impl Fn(&Value) -> bool,
) -> Result<(), RunError> {
    let value = frame.pop_value()?;
    if test(&value) {
        backward(frame, arg)?;
        crate::vm::check_eval_breaker()?;
    }
    Ok(())
}
// ANCHOR_END: pop_jump_if

// ANCHOR: jump_or_pop
/// `TARGET(JUMP_IF_FALSE_OR_POP)`, `TARGET(JUMP_IF_TRUE_OR_POP)`: `a and b`,
/// `a or b`. If the top decides the answer it stays as the result and the
/// jump skips `b`; otherwise it is popped and `b` is evaluated.
pub fn jump_or_pop(frame: &mut Frame, arg: u32, jump_when: bool) -> Result<(), RunError> {
    let decides = match frame.peek(1)? {
        Some(value) => value.is_true() == jump_when,
        None => return Err(frame.vm_error("NULL tested by a jump")),
    };
    if decides {
        forward(frame, arg)
    } else {
        frame.pop()?;
        Ok(())
    }
}

/// `x is None`, as the `…_IF_NONE` jumps test it.
pub fn is_none(value: &Value) -> bool {
    matches!(value, Value::None)
}
// ANCHOR_END: jump_or_pop
// ANCHOR_END: jumps
