//! The eval loop (`Python/ceval.c: _PyEval_EvalFrameDefault`): fetch an
//! instruction, execute it, repeat until the module's `RETURN_VALUE`.
//!
//! stage04 adds control flow: the comparisons (`COMPARE_OP`, `IS_OP`,
//! `CONTAINS_OP`), every jump of 3.11, and `for` loops (`GET_ITER`,
//! `FOR_ITER`); and the container instructions that build and take apart
//! lists, dicts, sets and slices. A jump is relative, in code units, to the
//! instruction after the jump's inline caches; a backward jump checks the
//! eval breaker, so a loop that runs forever can be interrupted.
//!
//! Calls work as in stage03: Python-to-Python calls do not recurse in Rust,
//! and a builtin that calls Python code (a sort key, `map`) runs the
//! function's frame in a nested loop ([`Interpreter::run_frame`]).

use std::io::Write;
use std::rc::Rc;

pub use stage03::eval::{calls, frame, trace, Calls};

use crate::builtins;
use crate::code::Code;
use crate::opcode::*;
pub use crate::trace_json::Tracer;
use crate::value::ops;
use crate::value::{Tuple, Value};
use crate::vm::{check_eval_breaker, Vm};
pub use crate::vm::{Keywords, Limit, Limits, RunError, VmError};
use frame::{Frame, FramePool};
use stage03::eval::{
    build_const_key_map, build_map, build_string, catchable_in, copy, count, delete_fast,
    dict_merge, format_value, load_fast, make_function, store_fast, store_global, store_name, swap,
    unary, unhandled, unsupported,
};
pub use stage03::eval::{fetch, Exit, Instruction, Outcome, RECURSION_LIMIT};

pub mod containers;
pub mod jumps;

pub use containers::add_values;

/// This stage's number, for the messages about what a later stage runs.
pub const STAGE: u8 = 4;

// ANCHOR: interpreter
/// The interpreter's state: where it writes (the program's stdout and, with
/// `--trace` or `--trace-json`, the trace) and the frames waiting for a callee
/// to return.
pub struct Interpreter<'a> {
    /// How many Python frames are running or waiting, the module's included:
    /// what the recursion limit limits. Frames parked in `frames` are not all
    /// of them: a nested loop's caller is held by the loop around it.
    pub depth: usize,
    /// The frames that wait for a builtin's callback (`min` waiting for its
    /// `key=` function), kept only when tracing, for the trace to show them.
    pub waiting: Vec<trace::Waiting>,
    pub stdout: &'a mut dyn Write,
    pub trace: Option<Tracer<'a>>,
    /// Instructions left before the run is stopped.
    pub budget: u64,
    /// The callers of the running frame, outermost (the module) first: CPython's
    /// chain of `frame->previous`. The running frame itself is not in here.
    pub frames: Vec<Box<Frame>>,
    /// Frames that have returned, for the next calls to reuse (see
    /// [`FramePool`]). Frames are boxed so that a call or a return moves a
    /// pointer, not a whole frame.
    pub pool: FramePool,
}
// ANCHOR_END: interpreter

// ANCHOR: run_code
/// Runs a module's code object to its end, writing `print` output to `out`
/// and, when a tracer is given, each executed instruction to it.
pub fn run<'a>(
    code: Rc<Code>,
    out: &'a mut dyn Write,
    mut trace: Option<Tracer<'a>>,
    limits: Limits,
) -> Result<(), RunError> {
    if let Some(Tracer::Text(trace)) = trace.as_mut() {
        writeln!(trace, "{}", trace::trace_header())?;
    }
    let mut interp = Interpreter {
        depth: 0,
        waiting: Vec::new(),
        stdout: out,
        trace,
        budget: limits.max_instructions,
        frames: Vec::new(),
        pool: FramePool::default(),
    };
    let result = interp.run_module(code);
    if let Some(Tracer::Json(trace)) = interp.trace.as_mut() {
        let error = result.as_ref().err().map(ToString::to_string);
        trace.end(error.as_deref())?;
    }
    result
}

/// [`run`] without a trace.
pub fn run_code(code: Rc<Code>, out: &mut dyn Write, limits: Limits) -> Result<(), RunError> {
    run(code, out, None, limits)
}
// ANCHOR_END: run_code

impl Interpreter<'_> {
    /// Runs module code in a fresh `__main__` namespace.
    pub fn run_module(&mut self, code: Rc<Code>) -> Result<(), RunError> {
        let frame = Box::new(Frame::new_module(code));
        let globals = frame.globals.clone();
        if self.trace.is_some() {
            self.trace_push(&frame)?;
        }
        self.depth = 1;
        let result = self.run_frame(frame);
        // A function holds the globals that hold the function: a cycle of `Rc`s.
        // CPython's garbage collector breaks such cycles; we empty the namespace
        // at the end, as interpreter shutdown does, so everything is freed.
        self.frames.clear();
        let names = globals.borrow_mut().take();
        drop(names);
        result.map(|_| ())
    }

    // ANCHOR: eval_loop
    // ANCHOR: eval_loop_call
    /// The loop: fetch, execute, trace, until `frame` returns. A call
    /// switches `frame` to the callee and parks the caller in `self.frames`; a
    /// return switches back and pushes the result on the caller's stack.
    ///
    /// `frame` is this loop's *entry frame* (CPython's `frame->is_entry`, Lua's
    /// `CIST_FRESH`): the callers parked below `entry` belong to a loop further
    /// out, which is waiting in a builtin for this call to finish. So a return
    /// from the entry frame leaves the loop, and an error unwinds only the
    /// frames this loop pushed.
    pub fn run_frame(&mut self, frame: Box<Frame>) -> Result<Value, RunError> {
        let entry = self.frames.len();
        let mut frame = frame;
        loop {
            let instr = fetch(&mut frame)?;
            self.charge(&frame)?;
            let outcome = self.execute(&mut frame, instr);
            if self.trace.is_some() {
                self.trace_instruction(&frame, instr)?;
            }
            match outcome {
                Ok(None) => {}
                Ok(Some(Exit::Call(callee))) => {
                    let caller = std::mem::replace(&mut frame, callee);
                    self.frames.push(caller);
                    if self.trace.is_some() {
                        self.trace_push(&frame)?;
                    }
                }
                // ANCHOR_END: eval_loop_call
                // ANCHOR: eval_loop_return
                Ok(Some(Exit::Return(value))) => {
                    self.depth -= 1;
                    if self.frames.len() == entry {
                        if self.trace.is_some() {
                            self.trace_pop(&frame, &value, None)?;
                        }
                        self.pool.recycle(frame);
                        return Ok(value);
                    }
                    let Some(caller) = self.frames.pop() else {
                        return Err(frame.vm_error("returned past the entry frame"));
                    };
                    let callee = std::mem::replace(&mut frame, caller);
                    if self.trace.is_some() {
                        self.trace_pop(&callee, &value, Some(&frame))?;
                    }
                    self.pool.recycle(callee);
                    frame.push_value(value)?;
                }
                Err(error) => return Err(self.unwind(frame, entry, error)),
            }
        }
    }
    // ANCHOR_END: eval_loop_return
    // ANCHOR_END: eval_loop

    /// Leaves this loop with `error`: the frames it pushed are dropped (no stage
    /// before stage05 can catch anything), and the error is told where it
    /// happened. Each frame it passes on the way out is asked whether a
    /// handler covers the instruction it is at (a caller waits at its `CALL`):
    /// in CPython, a `try` around the call in any caller catches it.
    fn unwind(&mut self, frame: Box<Frame>, entry: usize, error: RunError) -> RunError {
        let callers = self.frames.get(entry..).unwrap_or_default();
        let error = callers
            .iter()
            .rev()
            .fold(unhandled(&frame, error), |error, caller| {
                catchable_in(caller, error)
            });
        let parked = callers.len();
        self.depth = self.depth.saturating_sub(parked + 1);
        self.frames.truncate(entry);
        error
    }

    /// Spends one instruction of the budget.
    fn charge(&mut self, frame: &Frame) -> Result<(), RunError> {
        match self.budget.checked_sub(1) {
            Some(left) => {
                self.budget = left;
                Ok(())
            }
            None => Err(frame.vm_error("instruction budget exhausted")),
        }
    }

    /// Writes one trace line; the program's output is flushed first so that the
    /// two streams interleave in the order things happened.
    fn trace_instruction(&mut self, frame: &Frame, instr: Instruction) -> Result<(), RunError> {
        self.stdout.flush()?;
        match self.trace.as_mut() {
            Some(Tracer::Text(out)) => writeln!(out, "{}", trace::trace_line(frame, instr))?,
            Some(Tracer::Json(trace)) => trace::json_instruction(trace, frame, instr)?,
            None => {}
        }
        Ok(())
    }

    /// Traces a frame just pushed on top of `self.frames`.
    fn trace_push(&mut self, frame: &Frame) -> Result<(), RunError> {
        self.stdout.flush()?;
        match self.trace.as_mut() {
            Some(Tracer::Text(out)) => {
                let line = trace::push_line(&self.waiting, &self.frames, frame);
                writeln!(out, "{line}")?;
            }
            Some(Tracer::Json(trace)) => trace.push(&frame.code.qualname)?,
            None => {}
        }
        Ok(())
    }

    /// Traces `frame` returning `value` to `caller` (`None`: to the builtin
    /// or the loop that ran it).
    fn trace_pop(
        &mut self,
        frame: &Frame,
        value: &Value,
        caller: Option<&Frame>,
    ) -> Result<(), RunError> {
        self.stdout.flush()?;
        match self.trace.as_mut() {
            Some(Tracer::Text(out)) => {
                let line = trace::pop_line(frame, value, &self.waiting, &self.frames, caller);
                writeln!(out, "{line}")?;
            }
            Some(Tracer::Json(trace)) => {
                trace.pop(&frame.code.qualname, Some(trace::short_repr(value)))?;
            }
            None => {}
        }
        Ok(())
    }

    // ANCHOR: execute
    // ANCHOR: execute_stack_and_names
    /// Executes one instruction. Each arm is named after its `TARGET` in ceval.c.
    fn execute(&mut self, frame: &mut Frame, instr: Instruction) -> Outcome {
        let arg = instr.arg;
        match instr.opcode {
            // TARGET(NOP)
            NOP => {}
            // TARGET(RESUME): a frame starts (`arg` 0; 1 to 3 are resumptions
            // of a generator or coroutine, stage06). It checks the eval
            // breaker: Ctrl-C stops the program here, at the start of a call.
            RESUME => {
                if arg < 2 {
                    check_eval_breaker()?;
                }
            }
            // TARGET(CACHE): inline caches are data, skipped by `fetch`; executing
            // one means a jump or a bad opcode landed inside an instruction.
            CACHE => return Err(frame.vm_error("executed an inline CACHE entry")),
            // TARGET(POP_TOP)
            POP_TOP => {
                frame.pop()?;
            }
            // TARGET(PUSH_NULL)
            PUSH_NULL => frame.push(None)?,
            LOAD_CONST => containers::load_const(frame, arg)?,
            LOAD_NAME => load_name(frame, arg, NAMES)?,
            STORE_NAME => store_name(frame, arg)?,
            DELETE_NAME => delete_name(frame, arg, NAMES)?,
            LOAD_FAST => load_fast(frame, arg)?,
            STORE_FAST => store_fast(frame, arg)?,
            DELETE_FAST => delete_fast(frame, arg)?,
            LOAD_GLOBAL => load_global(frame, arg, NAMES)?,
            STORE_GLOBAL => store_global(frame, arg)?,
            DELETE_GLOBAL => delete_global(frame, arg, NAMES)?,
            // ANCHOR_END: execute_stack_and_names
            // ANCHOR: execute_operations_and_calls
            LOAD_ATTR => containers::load_attr(frame, arg)?,
            LOAD_METHOD => containers::load_method(frame, arg)?,
            UNARY_POSITIVE => unary(frame, ops::positive)?,
            UNARY_NEGATIVE => unary(frame, ops::negative)?,
            UNARY_NOT => unary(frame, |v| Ok(Value::Bool(!v.is_true())))?,
            UNARY_INVERT => unary(frame, ops::invert)?,
            BINARY_OP => containers::binary_op(self, frame, arg)?,
            COPY => copy(frame, arg)?,
            SWAP => swap(frame, arg)?,
            // TARGET(BUILD_TUPLE)
            BUILD_TUPLE => {
                let items = frame.pop_values(count(arg))?;
                frame.push_value(Value::Tuple(Tuple::from(items)))?;
            }
            BUILD_MAP => build_map(frame, arg)?,
            BUILD_CONST_KEY_MAP => build_const_key_map(frame, arg)?,
            DICT_MERGE => dict_merge(frame, arg)?,
            FORMAT_VALUE => format_value(frame, arg)?,
            BUILD_STRING => build_string(frame, arg)?,
            MAKE_FUNCTION => make_function(frame, arg)?,
            // TARGET(PRECALL): only an optimisation for bound methods: the
            // method and its `self` are already where `CALL` wants them.
            PRECALL => {}
            // TARGET(KW_NAMES)
            KW_NAMES => frame.kwnames = Some(count(arg)),
            CALL => return self.call_instruction(frame, arg),
            CALL_FUNCTION_EX => return self.call_function_ex(frame, arg),
            // TARGET(RETURN_VALUE)
            RETURN_VALUE => return Ok(Some(Exit::Return(frame.pop_value()?))),
            // ANCHOR_END: execute_operations_and_calls
            // ANCHOR: execute_compare_and_jump
            COMPARE_OP => containers::compare_op(self, frame, arg)?,
            IS_OP => containers::is_op(frame, arg)?,
            CONTAINS_OP => containers::contains_op(self, frame, arg)?,
            JUMP_FORWARD => jumps::forward(frame, arg)?,
            JUMP_BACKWARD => {
                jumps::backward(frame, arg)?;
                check_eval_breaker()?;
            }
            JUMP_BACKWARD_NO_INTERRUPT => jumps::backward(frame, arg)?,
            POP_JUMP_FORWARD_IF_FALSE => jumps::pop_jump_if(frame, arg, |v| !v.is_true())?,
            POP_JUMP_FORWARD_IF_TRUE => jumps::pop_jump_if(frame, arg, Value::is_true)?,
            POP_JUMP_FORWARD_IF_NONE => jumps::pop_jump_if(frame, arg, jumps::is_none)?,
            POP_JUMP_FORWARD_IF_NOT_NONE => {
                jumps::pop_jump_if(frame, arg, |v| !jumps::is_none(v))?;
            }
            POP_JUMP_BACKWARD_IF_FALSE => jumps::pop_jump_back_if(frame, arg, |v| !v.is_true())?,
            POP_JUMP_BACKWARD_IF_TRUE => jumps::pop_jump_back_if(frame, arg, Value::is_true)?,
            POP_JUMP_BACKWARD_IF_NONE => jumps::pop_jump_back_if(frame, arg, jumps::is_none)?,
            POP_JUMP_BACKWARD_IF_NOT_NONE => {
                jumps::pop_jump_back_if(frame, arg, |v| !jumps::is_none(v))?;
            }
            JUMP_IF_FALSE_OR_POP => jumps::jump_or_pop(frame, arg, false)?,
            JUMP_IF_TRUE_OR_POP => jumps::jump_or_pop(frame, arg, true)?,
            // ANCHOR_END: execute_compare_and_jump
            // ANCHOR: execute_iterate_and_containers
            GET_ITER => containers::get_iter(frame)?,
            FOR_ITER => containers::for_iter(self, frame, arg)?,
            BUILD_LIST => containers::build_list(frame, arg)?,
            BUILD_SET => containers::build_set(frame, arg)?,
            BUILD_SLICE => containers::build_slice(frame, arg)?,
            LIST_APPEND => containers::list_append(frame, arg)?,
            SET_ADD => containers::set_add(frame, arg)?,
            MAP_ADD => containers::map_add(frame, arg)?,
            LIST_EXTEND => containers::list_extend(self, frame, arg)?,
            SET_UPDATE => containers::set_update(self, frame, arg)?,
            DICT_UPDATE => containers::dict_update(frame, arg)?,
            LIST_TO_TUPLE => containers::list_to_tuple(frame)?,
            UNPACK_SEQUENCE => containers::unpack_sequence(self, frame, arg)?,
            UNPACK_EX => containers::unpack_ex(self, frame, arg)?,
            BINARY_SUBSCR => containers::binary_subscr(frame)?,
            STORE_SUBSCR => containers::store_subscr(self, frame)?,
            DELETE_SUBSCR => containers::delete_subscr(frame)?,
            other => return Err(unsupported(frame, other)),
        }
        Ok(None)
    }
    // ANCHOR_END: execute_iterate_and_containers
    // ANCHOR_END: execute
}

// ANCHOR: vm
/// What the shared call path ([`Calls`]) needs of this interpreter.
impl Calls for Interpreter<'_> {
    fn depth(&mut self) -> &mut usize {
        &mut self.depth
    }

    fn pool(&mut self) -> &mut FramePool {
        &mut self.pool
    }

    fn parked_frames(&self) -> usize {
        self.frames.len()
    }

    fn is_tracing(&self) -> bool {
        self.trace.is_some()
    }

    fn waiting(&mut self) -> &mut Vec<trace::Waiting> {
        &mut self.waiting
    }

    fn trace_push(&mut self, frame: &Frame) -> Result<(), RunError> {
        Interpreter::trace_push(self, frame)
    }

    fn call_object(
        &mut self,
        callable: &Value,
        args: &[Value],
        keywords: &Keywords,
    ) -> Result<Value, RunError> {
        builtins::call(self, callable, args, keywords)
    }

    fn run_frame(&mut self, frame: Box<Frame>) -> Result<Value, RunError> {
        Interpreter::run_frame(self, frame)
    }
}

/// What a builtin may ask of the interpreter: where to print, and to call any
/// callable (through the shared call path).
impl Vm for Interpreter<'_> {
    fn stdout(&mut self) -> &mut dyn Write {
        self.stdout
    }

    fn call(
        &mut self,
        callable: &Value,
        args: Vec<Value>,
        keywords: Keywords,
    ) -> Result<Value, RunError> {
        self.call_from_builtin(callable, args, keywords)
    }

    /// What the frames and the running builtins have left of the limit.
    fn recursion_headroom(&self) -> usize {
        RECURSION_LIMIT.saturating_sub(self.depth)
    }
}
// ANCHOR_END: vm

// ANCHOR: builtin_names
/// The builtins namespace that the name instructions fall back to, and the
/// stage whose namespace it is (for the message when a name belongs to a
/// later stage). The instructions below are written once, here; a later
/// stage passes its own namespace.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinNames {
    pub lookup: fn(&str) -> Option<Value>,
    pub stage: u8,
}

/// stage04's builtins: `list`, `range` and the iteration builtins.
pub const NAMES: BuiltinNames = BuiltinNames {
    lookup: builtins::lookup,
    stage: STAGE,
};
// ANCHOR_END: builtin_names

// ANCHOR: names
/// `TARGET(LOAD_NAME)`: locals, then globals (the same namespace for module
/// code), then builtins.
pub fn load_name(frame: &mut Frame, arg: u32, names: BuiltinNames) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let found = frame.globals.borrow().get_str(&name).cloned();
    let value = match found {
        Some(value) => value,
        None => (names.lookup)(&name).ok_or_else(|| builtins::missing_name(&name, names.stage))?,
    };
    frame.push_value(value)
}

/// `TARGET(DELETE_NAME)`
pub fn delete_name(frame: &mut Frame, arg: u32, names: BuiltinNames) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let removed = frame.globals.borrow_mut().remove_str(&name);
    match removed {
        Some(_) => Ok(()),
        None => Err(builtins::missing_name(&name, names.stage)),
    }
}
// ANCHOR_END: names

// ANCHOR: load_global
/// `TARGET(LOAD_GLOBAL)`: as in stage03, through the remembered lookup;
/// then the builtins.
pub fn load_global(frame: &mut Frame, arg: u32, names: BuiltinNames) -> Result<(), RunError> {
    let index = count(arg >> 1);
    let (Some(name), Some(cache)) = (
        frame.code.names.get(index),
        frame.prepared.global_lookups.get(index),
    ) else {
        return Err(frame.vm_error(format!("name index {index} out of range")));
    };
    let found = frame.globals.borrow().get_str_cached(name, cache).cloned();
    let value = match found {
        Some(value) => value,
        None => (names.lookup)(name).ok_or_else(|| builtins::missing_name(name, names.stage))?,
    };
    if arg & 1 != 0 {
        frame.push(None)?;
    }
    frame.push_value(value)
}

/// `TARGET(DELETE_GLOBAL)`: `global x; del x`.
pub fn delete_global(frame: &mut Frame, arg: u32, names: BuiltinNames) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let removed = frame.globals.borrow_mut().remove_str(&name);
    match removed {
        Some(_) => Ok(()),
        None => Err(builtins::missing_name(&name, names.stage)),
    }
}
// ANCHOR_END: load_global
