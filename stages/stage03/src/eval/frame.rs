//! The frame: everything one running code object needs (`Include/internal/
//! pycore_frame.h: _PyInterpreterFrame`).
//!
//! The frame is an owned value, not state borrowed by a Rust call: the
//! interpreter keeps a stack of them (a `Vec<Box<Frame>>`, CPython's `previous`
//! links), so Python recursion never becomes Rust recursion, and stage06 parks
//! one inside a generator and resumes it later. It owns its value stack, its
//! fast locals and its instruction pointer; it shares its code and its globals.

use std::cell::RefCell;
use std::rc::Rc;

use crate::code::Code;
use crate::function::Function;
use crate::value::{Dict, PreparedCode, Tuple, Value};
use crate::vm::RunError;

// ANCHOR: namespace
/// A namespace (`globals()`, `locals()`): a dict, names to values, as in
/// CPython. Names are the `Rc<str>` of the code object's `co_names`, so storing
/// one clones a pointer.
pub type Namespace = Dict;

/// The module's namespace, shared by the module frame, every function defined in
/// it and every frame of those functions (`f_globals`, `func_globals`).
pub type Globals = Rc<RefCell<Namespace>>;
// ANCHOR_END: namespace

// ANCHOR: frame
/// One activation of a code object.
#[derive(Debug)]
pub struct Frame {
    pub code: Rc<Code>,
    /// The code as prepared once ([`PreparedCode`]): `co_consts` as values, so
    /// that `LOAD_CONST` is a clone (`None` marks a constant stage03 cannot
    /// represent), and the remembered globals lookups of `LOAD_GLOBAL`.
    pub prepared: Rc<PreparedCode>,
    /// `co_stacksize`, which `push` checks: kept here, one load away.
    pub stack_limit: usize,
    /// The fast locals (`localsplus`): one slot per name of
    /// `co_localsplusnames`, parameters first, found by index (`LOAD_FAST 0`),
    /// never by hashing a name. `None` is an unbound local.
    pub locals: Vec<Option<Value>>,
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
    /// Module code runs with `locals` and `globals` the same namespace
    /// (`LOAD_NAME`, `STORE_NAME`); a function's frame has fast locals and
    /// reaches the module's names with `LOAD_GLOBAL`.
    pub globals: Globals,
    /// The closure of the function this frame runs (`frame->f_func->
    /// func_closure`), for `COPY_FREE_VARS` to copy into the last fast
    /// locals (stage06). `None` for the module and most functions.
    pub closure: Option<Tuple>,
}
// ANCHOR_END: frame

/// Room for `co_stacksize` values, but no more than a small bound up front: a
/// mutated file may claim a stack of four billion.
fn initial_stack_capacity(code: &Code) -> usize {
    usize::try_from(code.stacksize).unwrap_or(0).min(256)
}

// ANCHOR: frame_pool
/// Frames that have returned, emptied and kept for the next calls, so that a
/// call in a loop allocates nothing: a returning frame goes back in the pool
/// with its locals and stack buffers, and the next call takes it out and
/// refills it. Frames travel boxed, so that making, parking and resuming one
/// moves a pointer, not the whole frame. CPython 3.11 does not `malloc` a
/// frame per call either: it carves frames out of a per-thread "data stack" of
/// big chunks (`Python/pystate.c: _PyThreadState_BumpFramePointer`) and pops
/// them off again on return.
#[derive(Debug, Default)]
pub struct FramePool {
    // The boxes are the point: a frame leaves and re-enters the pool (and the
    // interpreter's stack of frames) as a pointer, and keeps its buffers.
    #[allow(clippy::vec_box)]
    frames: Vec<Box<Frame>>,
}

/// At most this many frames wait in the pool: as many as the deepest
/// recursion allowed, which covers a program's steady state.
const MAX_POOLED_FRAMES: usize = crate::eval::RECURSION_LIMIT;

impl FramePool {
    /// Takes back a frame that has returned. The pool can never hand out a
    /// frame something still uses: a frame is a `Box`, owned by exactly one
    /// place (the running loop, `Interpreter::frames`, or, from stage06, a
    /// generator), and only the owner of a returned frame can give it here.
    /// Emptying its locals and stack drops the frame's values now, as CPython
    /// clears a frame on return.
    pub fn recycle(&mut self, mut frame: Box<Frame>) {
        if self.frames.len() < MAX_POOLED_FRAMES {
            frame.locals.clear();
            frame.stack.clear();
            frame.closure = None;
            self.frames.push(frame);
        }
    }
}
// ANCHOR_END: frame_pool

impl Frame {
    // ANCHOR: frame_new
    // ANCHOR: new_module_and_function
    /// A frame for module code: a fresh `__main__` namespace.
    pub fn new_module(code: Rc<Code>) -> Frame {
        let prepared = Rc::new(PreparedCode::new(code));
        let mut globals = Namespace::new();
        globals.insert_str(Rc::from("__name__"), Value::str("__main__"));
        globals.insert_str(Rc::from("__doc__"), Value::None);
        Frame::new(&prepared, Rc::new(RefCell::new(globals)))
    }

    /// A frame for a call of `function`, its fast locals all unbound: argument
    /// binding ([`crate::bind`]) fills them. The cost of a call is here: a
    /// frame from the pool ([`FramePool`]), whose locals and stack buffers are
    /// resized to `co_nlocalsplus` and `co_stacksize` (allocating only when
    /// the pool is empty), and three reference counts (code, prepared code,
    /// globals).
    pub fn new_function(function: &Function, pool: &mut FramePool) -> Box<Frame> {
        let globals = function.globals.clone();
        let mut frame = match pool.frames.pop() {
            Some(mut frame) => {
                frame.reuse(&function.code, globals);
                frame
            }
            None => Box::new(Frame::new(&function.code, globals)),
        };
        frame.closure = function.closure.clone();
        frame
    }
    // ANCHOR_END: new_module_and_function

    // ANCHOR: frame_reuse_and_new
    /// Makes a frame from the pool (locals and stack empty) a fresh frame of
    /// `prepared`.
    fn reuse(&mut self, prepared: &Rc<PreparedCode>, globals: Globals) {
        self.locals.resize_with(prepared.nlocalsplus, || None);
        self.stack.reserve(initial_stack_capacity(&prepared.code));
        self.code = prepared.code.clone();
        self.prepared = prepared.clone();
        self.stack_limit = prepared.stacksize;
        self.next_instr = 0;
        self.offset = 0;
        self.kwnames = None;
        self.globals = globals;
    }

    fn new(prepared: &Rc<PreparedCode>, globals: Globals) -> Frame {
        Frame {
            stack: Vec::with_capacity(initial_stack_capacity(&prepared.code)),
            locals: vec![None; prepared.nlocalsplus],
            code: prepared.code.clone(),
            prepared: prepared.clone(),
            stack_limit: prepared.stacksize,
            next_instr: 0,
            offset: 0,
            kwnames: None,
            globals,
            closure: None,
        }
    }
    // ANCHOR_END: frame_reuse_and_new
    // ANCHOR_END: frame_new

    /// A VM error at the current instruction.
    pub fn vm_error(&self, message: impl Into<String>) -> RunError {
        RunError::vm(self.offset, message)
    }

    // ANCHOR: stack_ops
    // ANCHOR: stack_push
    /// Pushes a value, refusing to grow past `co_stacksize`: the compiler computed
    /// that bound, so going past it means the bytecode is bad.
    #[inline(always)]
    pub fn push(&mut self, value: Option<Value>) -> Result<(), RunError> {
        if self.stack.len() >= self.stack_limit {
            return Err(self.stack_overflow());
        }
        self.stack.push(value);
        Ok(())
    }

    #[cold]
    fn stack_overflow(&self) -> RunError {
        self.vm_error(format!(
            "stack overflow: deeper than co_stacksize ({})",
            self.code.stacksize
        ))
    }

    /// Pushes a value (never NULL).
    #[inline(always)]
    pub fn push_value(&mut self, value: Value) -> Result<(), RunError> {
        self.push(Some(value))
    }
    // ANCHOR_END: stack_push

    // ANCHOR: stack_pop
    /// Pops a slot, which may be NULL. `#[inline]` (and `pop_value`'s): almost
    /// every instruction pops, and a popped value returned through memory from
    /// a call costs more than the pop itself; inlined, it stays in registers.
    #[inline(always)]
    pub fn pop(&mut self) -> Result<Option<Value>, RunError> {
        match self.stack.pop() {
            Some(slot) => Ok(slot),
            None => Err(self.vm_error("stack underflow")),
        }
    }

    /// Pops a value; a NULL here is bad bytecode.
    #[inline(always)]
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
    #[inline]
    pub fn constant(&self, index: u32) -> Result<Value, RunError> {
        match usize::try_from(index)
            .ok()
            .and_then(|i| self.prepared.consts.get(i))
        {
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
