//! The frame: everything one running code object needs (`Include/internal/
//! pycore_frame.h: _PyInterpreterFrame`).
//!
//! The frame is an owned value, not state borrowed by a Rust call: stage03 keeps
//! a stack of them, and stage06 parks one inside a generator and resumes it
//! later. It owns its value stack, its instruction pointer, its code and its
//! namespace.

use std::rc::Rc;

use crate::code::Code;
use crate::value::{Dict, PreparedCode, Value};
use crate::vm::RunError;

// ANCHOR: namespace
/// A namespace (`globals()`, `locals()`): a dict, names to values, as in
/// CPython. Names are the `Rc<str>` of the code object's `co_names`, so storing
/// one clones a pointer.
pub type Namespace = Dict;
// ANCHOR_END: namespace

// ANCHOR: frame
/// One activation of a code object.
#[derive(Debug)]
pub struct Frame {
    pub code: Rc<Code>,
    /// `co_consts` as values, converted once when the frame is made, so that
    /// `LOAD_CONST` is a clone. `None` marks a constant stage02 cannot represent.
    pub consts: Rc<[Option<Value>]>,
    /// The value stack. A slot is `None` for CPython's `NULL`, which `PUSH_NULL`
    /// pushes below a callable to say "no `self`" (see `CALL`). Keeping NULL out
    /// of `Value` means it can never escape into a variable or be printed: only
    /// the call protocol may look at it, and every other pop turns a NULL into a
    /// VM error instead of a crash.
    pub stack: Vec<Option<Value>>,
    /// Index of the next code unit to execute (CPython's `next_instr`).
    pub next_instr: usize,
    /// Byte offset of the instruction being executed (`frame->prev_instr`), for
    /// error messages and the trace.
    pub offset: usize,
    /// The keyword names `KW_NAMES` set for the next `CALL`: an index into `consts`.
    pub kwnames: Option<usize>,
    /// Module code runs with `locals` and `globals` the same namespace; stage03
    /// splits them when functions arrive.
    pub globals: Namespace,
}
// ANCHOR_END: frame

/// Room for `co_stacksize` values, but no more than a small bound up front: a
/// mutated file may claim a stack of four billion.
fn initial_stack_capacity(code: &Code) -> usize {
    usize::try_from(code.stacksize).unwrap_or(0).min(256)
}

impl Frame {
    // ANCHOR: frame_new
    /// A frame for module code: a fresh `__main__` namespace.
    pub fn new_module(code: Rc<Code>) -> Frame {
        let consts = PreparedCode::new(code.clone()).consts;
        let mut globals = Namespace::new();
        globals.insert_str(Rc::from("__name__"), Value::str("__main__"));
        globals.insert_str(Rc::from("__doc__"), Value::None);
        Frame {
            stack: Vec::with_capacity(initial_stack_capacity(&code)),
            code,
            consts,
            next_instr: 0,
            offset: 0,
            kwnames: None,
            globals,
        }
    }
    // ANCHOR_END: frame_new

    /// A VM error at the current instruction.
    pub fn vm_error(&self, message: impl Into<String>) -> RunError {
        RunError::vm(self.offset, message)
    }

    // ANCHOR: stack_ops
    // ANCHOR: stack_push
    /// Pushes a value, refusing to grow past `co_stacksize`: the compiler computed
    /// that bound, so going past it means the bytecode is bad.
    pub fn push(&mut self, value: Option<Value>) -> Result<(), RunError> {
        if self.stack.len() >= usize::try_from(self.code.stacksize).unwrap_or(usize::MAX) {
            return Err(self.vm_error(format!(
                "stack overflow: deeper than co_stacksize ({})",
                self.code.stacksize
            )));
        }
        self.stack.push(value);
        Ok(())
    }

    /// Pushes a value (never NULL).
    pub fn push_value(&mut self, value: Value) -> Result<(), RunError> {
        self.push(Some(value))
    }
    // ANCHOR_END: stack_push

    // ANCHOR: stack_pop
    /// Pops a slot, which may be NULL. `#[inline]` (and `pop_value`'s): almost
    /// every instruction pops, and a popped value returned through memory from
    /// a call costs more than the pop itself; inlined, it stays in registers.
    #[inline]
    pub fn pop(&mut self) -> Result<Option<Value>, RunError> {
        match self.stack.pop() {
            Some(slot) => Ok(slot),
            None => Err(self.vm_error("stack underflow")),
        }
    }

    /// Pops a value; a NULL here is bad bytecode.
    #[inline]
    pub fn pop_value(&mut self) -> Result<Value, RunError> {
        match self.pop()? {
            Some(value) => Ok(value),
            None => Err(self.vm_error("NULL where a value was expected")),
        }
    }
    // ANCHOR_END: stack_pop

    // ANCHOR: stack_peek
    /// The slot `depth` items from the top: `peek(1)` is the top (CPython's `PEEK(n)`).
    pub fn peek(&self, depth: usize) -> Result<&Option<Value>, RunError> {
        depth
            .checked_sub(1)
            .and_then(|d| self.stack.len().checked_sub(d + 1))
            .and_then(|index| self.stack.get(index))
            .ok_or_else(|| self.vm_error("stack underflow"))
    }

    /// Pops the top `count` values, deepest first (for `BUILD_TUPLE`, `CALL`).
    pub fn pop_values(&mut self, count: usize) -> Result<Vec<Value>, RunError> {
        let Some(start) = self.stack.len().checked_sub(count) else {
            return Err(self.vm_error("stack underflow"));
        };
        let slots = self.stack.split_off(start);
        let values: Option<Vec<Value>> = slots.into_iter().collect();
        values.ok_or_else(|| self.vm_error("NULL where a value was expected"))
    }
    // ANCHOR_END: stack_peek
    // ANCHOR_END: stack_ops

    /// `co_names[index]`, or a VM error for an index out of range.
    pub fn name(&self, index: u32) -> Result<Rc<str>, RunError> {
        usize::try_from(index)
            .ok()
            .and_then(|i| self.code.names.get(i))
            .cloned()
            .ok_or_else(|| self.vm_error(format!("name index {index} out of range")))
    }

    /// `co_consts[index]` as a value.
    pub fn constant(&self, index: u32) -> Result<Value, RunError> {
        match usize::try_from(index).ok().and_then(|i| self.consts.get(i)) {
            Some(Some(value)) => Ok(value.clone()),
            Some(None) => Err(RunError::not_implemented(
                "a frozenset constant (`x in {1, 2}`)",
                Some(4),
            )
            .at_offset(self.offset)),
            None => Err(self.vm_error(format!("constant index {index} out of range"))),
        }
    }
}
