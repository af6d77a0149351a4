//! The eval loop (`Python/ceval.c: _PyEval_EvalFrameDefault`): fetch an
//! instruction, execute it, repeat until the module's `RETURN_VALUE`.
//!
//! stage06 adds closures and generators. A closure needs no change to the
//! loop, only new instructions ([`cells`]). A generator changes how frames
//! come and go: besides a call (a frame pushed) and a return (a frame
//! popped), a frame can now *leave* the stack without ending, at
//! `YIELD_VALUE`, moving into its generator object, and come back later
//! when `FOR_ITER` or `SEND` resumes it ([`generators`]). The loop treats a
//! resumed generator's frame like a callee, so a pipeline of generators, or
//! a `yield from` chain a thousand deep, never makes Rust recurse.
//!
//! Exceptions unwind as in stage05 ([`unwind`]), with one more rule: an
//! exception that leaves a generator's frame closes the generator, and a
//! `StopIteration` leaving it becomes a `RuntimeError` (PEP 479).

use std::io::Write;
use std::rc::Rc;

pub use stage03::eval::{frame, trace};

use crate::code::Code;
use crate::exception::PyException;
use crate::generator;
use crate::opcode::*;
pub use crate::trace_json::Tracer;
use crate::value::ops;
use crate::value::{Tuple, Value};
use crate::vm::{check_eval_breaker, Vm};
pub use crate::vm::{Keywords, Limit, Limits, RunError, VmError};
use frame::{Frame, FramePool};
use stage03::eval::{
    build_const_key_map, build_map, build_string, copy, count, delete_fast, dict_merge,
    format_value, load_fast, store_fast, store_global, store_name, swap, unary, unsupported,
};
pub use stage03::eval::{fetch, Instruction, RECURSION_LIMIT};
use stage04::eval::{delete_global, delete_name, load_global, load_name, BuiltinNames};
pub use stage05::eval::{calls, containers, exceptions, jumps, Calls};

pub mod cells;
pub mod generators;
pub mod unwind;

pub use containers::add_values;
use generators::Running;

/// This stage's number, for the messages about what a later stage runs.
pub const STAGE: u8 = 6;

/// stage05's builtins: stage06 adds no builtin names.
const NAMES: BuiltinNames = BuiltinNames {
    lookup: crate::builtins::lookup,
    stage: STAGE,
};

// ANCHOR: exit
/// What an instruction asks of the loop besides going on.
pub enum Exit {
    /// Run this frame next, the current one waiting below it: a call, or a
    /// generator resumed by `FOR_ITER` or `SEND`.
    Call(Box<Frame>),
    /// `RETURN_VALUE`: the frame ends with this value.
    Return(Value),
    /// `YIELD_VALUE`: the generator's frame leaves the stack, not ended.
    Yield(Value),
    /// `RETURN_GENERATOR`: the frame moves into a new generator, which is
    /// what the call returns.
    ReturnGenerator,
}

/// What one instruction does to the loop: go on (`None`), switch frames, or fail.
pub type Outcome = Result<Option<Exit>, RunError>;

/// stage03's call path answers with stage03's exits: a call or a return.
fn from_call(outcome: stage03::eval::Outcome) -> Outcome {
    Ok(outcome?.map(|exit| match exit {
        stage03::eval::Exit::Call(frame) => Exit::Call(frame),
        stage03::eval::Exit::Return(value) => Exit::Return(value),
    }))
}

/// How a frame run by [`Interpreter::run_frame`] ended.
pub enum Finished {
    Return(Value),
    Yield(Value),
}
// ANCHOR_END: exit

// ANCHOR: interpreter
/// The interpreter's state: where it writes (the program's stdout and, with
/// `--trace` or `--trace-json`, the trace) and the frames waiting for a callee
/// to return.
pub struct Interpreter<'a> {
    /// How many Python frames are running or waiting, the module's included:
    /// what the recursion limit limits. A suspended generator's frame does
    /// not count; a running one does.
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
    /// Frames that have returned, for the next calls to reuse.
    pub pool: FramePool,
    /// The exception being handled by the running frame's code (`tstate->
    /// exc_info->exc_value`). A generator has its own, swapped in while it
    /// runs (see [`Running`]).
    pub exc_info: Value,
    /// The generators whose frames are on the stack, innermost last: the
    /// running one and those waiting for a generator they resumed.
    pub running: Vec<Running>,
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
        exc_info: Value::None,
        running: Vec::new(),
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
    // ANCHOR: run_module
    /// Runs module code in a fresh `__main__` namespace.
    pub fn run_module(&mut self, code: Rc<Code>) -> Result<(), RunError> {
        // Generators another run on this thread dropped are not ours to close.
        generator::discard_pending();
        let frame = Box::new(Frame::new_module(code));
        let globals = frame.globals.clone();
        if self.trace.is_some() {
            self.trace_push(&frame)?;
        }
        self.depth = 1;
        let result = self.run_frame(frame);
        if let Err(RunError::Raised(exc)) = &result {
            remember_module_names(exc, &globals.borrow());
        }
        // A function holds the globals that hold the function: a cycle of `Rc`s.
        // CPython's garbage collector breaks such cycles; we empty the namespace
        // at the end, as interpreter shutdown does, so everything is freed, and
        // the suspended generators it held are closed, their `finally` blocks
        // run, as at CPython's shutdown. So are those an uncaught exception
        // dropped from the stacks of the frames it left. After a VM error or
        // a limit of the workbook, nothing more runs.
        self.frames.clear();
        let names = globals.borrow_mut().take();
        drop(names);
        let program_ended = matches!(
            result,
            Ok(_) | Err(RunError::Raised(_) | RunError::Exception(_))
        );
        if program_ended {
            let closed = self.finalize_pending();
            if result.is_ok() {
                closed?;
            }
        }
        generator::discard_pending();
        result.map(|_| ())
    }
    // ANCHOR_END: run_module

    /// Runs `frame` until it returns, in a nested loop when a builtin is
    /// waiting for it (see [`Interpreter::run_loop`]).
    pub fn run_frame(&mut self, frame: Box<Frame>) -> Result<Value, RunError> {
        match self.run_loop(frame, None)? {
            Finished::Return(value) => Ok(value),
            Finished::Yield(_) => Err(RunError::vm(0, "a frame yielded with no generator")),
        }
    }

    // ANCHOR: eval_loop
    /// The loop: fetch, execute, trace, until `frame` leaves. A call (or a
    /// generator resumed) switches `frame` to the callee and parks the
    /// caller in `self.frames`; a return or a yield switches back and hands
    /// the caller what it waits for ([`generators::Handoff`]).
    ///
    /// `frame` is this loop's *entry frame*: a return or a yield from it
    /// leaves the loop, and an error unwinds only the frames this loop
    /// pushed. `error`, when given, is raised in `frame` before it runs an
    /// instruction: `throw()` into a generator.
    pub fn run_loop(
        &mut self,
        frame: Box<Frame>,
        error: Option<RunError>,
    ) -> Result<Finished, RunError> {
        let entry = self.frames.len();
        let mut frame = frame;
        if let Some(error) = error {
            let at = (frame.offset, true);
            self.unwind(&mut frame, entry, error, at)?;
        }
        loop {
            let instr = fetch(&mut frame)?;
            self.charge(&frame)?;
            let outcome = self.execute(&mut frame, instr);
            if generator::pending() {
                self.finalize_pending()?;
            }
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
                // ANCHOR: eval_loop_leave
                Ok(Some(exit)) => {
                    let owner = self.running_here();
                    self.depth -= 1;
                    if self.frames.len() == entry {
                        if self.trace.is_some() {
                            self.trace_leave(&frame, &exit, None, owner.is_some())?;
                        }
                        return Ok(self.leave(frame, exit, owner)?.finished());
                    }
                    let Some(caller) = self.frames.pop() else {
                        return Err(frame.vm_error("returned past the entry frame"));
                    };
                    let callee = std::mem::replace(&mut frame, caller);
                    if self.trace.is_some() {
                        self.trace_leave(&callee, &exit, Some(&frame), owner.is_some())?;
                    }
                    self.leave(callee, exit, owner)?.deliver(&mut frame)?;
                }
                // ANCHOR_END: eval_loop_leave
                // CPython's `error:` label adds the frame to the traceback;
                // RERAISE and a bare `raise` jump past it, to `exception_unwind:`.
                // A frame the exception left may have dropped a suspended
                // generator from its stack: CPython closes it before the
                // handler runs.
                Err(error) => {
                    let at = (instr.offset, !is_reraise(instr, &error));
                    self.unwind(&mut frame, entry, error, at)?;
                    if generator::pending() {
                        self.finalize_pending()?;
                    }
                }
            }
        }
    }
    // ANCHOR_END: eval_loop

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

    /// Traces a frame just pushed on top of `self.frames`: called, or a
    /// generator's frame resumed.
    pub(crate) fn trace_push(&mut self, frame: &Frame) -> Result<(), RunError> {
        self.stdout.flush()?;
        let resumed = self.in_generator_frame();
        match self.trace.as_mut() {
            Some(Tracer::Text(out)) => {
                let line = match resumed {
                    true => trace::resume_line(&self.waiting, &self.frames, frame),
                    false => trace::push_line(&self.waiting, &self.frames, frame),
                };
                writeln!(out, "{line}")?;
            }
            Some(Tracer::Json(trace)) => trace.push(&frame.code.qualname)?,
            None => {}
        }
        Ok(())
    }

    /// Traces `frame` leaving for `caller` (`None`: for the builtin or the
    /// loop that ran it), saying what becomes of a generator's frame:
    /// `becomes a generator (created)`, `yields 1 (suspended at 8)`,
    /// `returns 2 (generator closed)`.
    fn trace_leave(
        &mut self,
        frame: &Frame,
        exit: &Exit,
        caller: Option<&Frame>,
        generator: bool,
    ) -> Result<(), RunError> {
        self.stdout.flush()?;
        let value = match exit {
            Exit::Return(value) | Exit::Yield(value) => Some(value),
            _ => None,
        };
        match self.trace.as_mut() {
            Some(Tracer::Text(out)) => {
                let shown = value.map(trace::short_repr).unwrap_or_default();
                let how = match exit {
                    Exit::Yield(_) => format!("yields {shown} (suspended at {})", frame.offset),
                    Exit::Return(_) if generator => format!("returns {shown} (generator closed)"),
                    Exit::Return(_) => format!("returns {shown}"),
                    _ => "becomes a generator (created)".to_string(),
                };
                let line = trace::exit_line(frame, &how, &self.waiting, &self.frames, caller);
                writeln!(out, "{line}")?;
            }
            Some(Tracer::Json(trace)) => {
                trace.pop(&frame.code.qualname, value.map(trace::short_repr))?;
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
            // TARGET(RESUME): a frame starts (`arg` 0) or a generator goes
            // on after a `yield` (1) or inside a `yield from` (2). Only a
            // start checks the eval breaker.
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
            // ANCHOR: execute_cells
            MAKE_CELL => cells::make_cell(frame, arg)?,
            COPY_FREE_VARS => cells::copy_free_vars(frame, arg)?,
            LOAD_CLOSURE => cells::load_closure(frame, arg)?,
            LOAD_DEREF => cells::load_deref(frame, arg)?,
            STORE_DEREF => cells::store_deref(frame, arg)?,
            DELETE_DEREF => cells::delete_deref(frame, arg)?,
            MAKE_FUNCTION => cells::make_function(frame, arg)?,
            // ANCHOR_END: execute_cells
            // ANCHOR: execute_generators
            RETURN_GENERATOR => return generators::return_generator(self, frame),
            YIELD_VALUE => return generators::yield_value(self, frame),
            SEND => return self.send(frame, arg),
            GET_YIELD_FROM_ITER => generators::get_yield_from_iter(frame)?,
            FOR_ITER => return self.for_iter(frame, arg),
            // ANCHOR_END: execute_generators
            // ANCHOR: execute_operations_and_calls
            LOAD_ATTR => cells::load_attr(frame, arg)?,
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
            // TARGET(PRECALL): only an optimisation for bound methods: the
            // method and its `self` are already where `CALL` wants them.
            PRECALL => {}
            // TARGET(KW_NAMES)
            KW_NAMES => frame.kwnames = Some(count(arg)),
            CALL => return from_call(self.call_instruction(frame, arg)),
            CALL_FUNCTION_EX => return from_call(self.call_function_ex(frame, arg)),
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
            // ANCHOR_END: execute_iterate_and_containers
            // ANCHOR: execute_exceptions
            PUSH_EXC_INFO => exceptions::push_exc_info(frame, &mut self.exc_info)?,
            POP_EXCEPT => exceptions::pop_except(frame, &mut self.exc_info)?,
            CHECK_EXC_MATCH => exceptions::check_exc_match(frame)?,
            RERAISE => return Err(exceptions::reraise(frame, arg)),
            RAISE_VARARGS => {
                return Err(exceptions::raise_varargs(frame, arg, &self.topmost_exc()))
            }
            LOAD_ASSERTION_ERROR => exceptions::load_assertion_error(frame)?,
            other => return Err(unsupported(frame, other)),
        }
        Ok(None)
    }
    // ANCHOR_END: execute_exceptions
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

    /// A builtin, or one of a generator's methods, which resume its frame.
    fn call_object(
        &mut self,
        callable: &Value,
        args: &[Value],
        keywords: &Keywords,
    ) -> Result<Value, RunError> {
        match generators::method_call(callable, args) {
            Some(call) => self.call_generator(call?, keywords),
            None => crate::builtins::call(self, callable, args, keywords),
        }
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

    /// A builtin iterating over a generator (`list(g)`) calls its `__next__`
    /// here: the generator's frame runs with no level counted for a builtin,
    /// as `tp_iternext` counts none.
    fn call(
        &mut self,
        callable: &Value,
        args: Vec<Value>,
        keywords: Keywords,
    ) -> Result<Value, RunError> {
        match generators::method_call(callable, &args) {
            Some(call) => self.call_generator(call?, &keywords),
            None => self.call_from_builtin(callable, args, keywords),
        }
    }

    /// What the frames and the running builtins have left of the limit.
    fn recursion_headroom(&self) -> usize {
        RECURSION_LIMIT.saturating_sub(self.depth)
    }
}
// ANCHOR_END: vm

/// Keeps the module's names on an exception that ends the program, before
/// the namespace is emptied: the "Did you mean" of an uncaught `NameError`
/// looks among them, as CPython's looks in the module's dict at exit.
fn remember_module_names(exc: &Value, globals: &frame::Namespace) {
    if let Some(exc) = PyException::from_value(exc) {
        let names = globals
            .iter()
            .filter_map(|(name, _)| match name {
                Value::Str(name) => Some(name.clone()),
                _ => None,
            })
            .collect();
        exc.state.borrow_mut().module_names = Some(names);
    }
}

/// Whether `instr` raised `error` again rather than raising something new:
/// `RERAISE`, or a bare `raise` that found an exception being handled.
fn is_reraise(instr: Instruction, error: &RunError) -> bool {
    match instr.opcode {
        RERAISE => true,
        RAISE_VARARGS => instr.arg == 0 && matches!(error, RunError::Raised(_)),
        _ => false,
    }
}
