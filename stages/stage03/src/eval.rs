//! The eval loop (`Python/ceval.c: _PyEval_EvalFrameDefault`): fetch an
//! instruction, execute it, repeat until the module's `RETURN_VALUE`.
//!
//! stage03 runs module code and the functions it defines: no jumps, no
//! handlers. An instruction either goes on, leaves the frame ([`Exit`]: it
//! returns, or it calls a Python function whose frame runs on top of it), or
//! fails with a [`RunError`]: a Python exception, or a VM error for bytecode that
//! breaks the rules the compiler follows (which CPython would not check, and
//! crash on).
//!
//! A call of a Python function is not a Rust call: like CPython 3.11, which
//! "inlines" Python-to-Python calls (`goto start_frame`), the loop parks the
//! caller's frame on a stack of frames and carries on with the callee's;
//! `RETURN_VALUE` pops it back. However deep a program recurses, the Rust stack
//! stays flat, and the recursion limit is a number we check, not a crash.
//!
//! The loop is also re-entrant: a builtin that calls Python code (`min` with a
//! `key=` function) runs the function's frame in a nested loop, which returns
//! when *that* frame returns (see [`Interpreter::run_frame`]).

use std::io::Write;
use std::rc::Rc;

pub mod calls;
pub mod frame;
pub mod trace;

pub use calls::Calls;

use crate::builtins;
use crate::code::Code;
use crate::exc::{ExcType, Exception};
use crate::function::{self, Function};
use crate::opcode::{self, *};
use crate::roadmap;
use crate::suggestions;
pub use crate::trace_json::Tracer;
use crate::value::ops;
use crate::value::{Dict, PreparedCode, Tuple, Value};
use crate::vm::{check_eval_breaker, Vm};
pub use crate::vm::{Keywords, Limit, Limits, RunError, VmError};
use frame::{Frame, FramePool};

/// This stage's number, for the messages about what a later stage runs.
pub const STAGE: u8 = 3;

// ANCHOR: exit
/// How an instruction leaves the frame: it returns, or it calls a Python
/// function and waits for the callee's frame to return (stage06 adds `Yield`).
#[derive(Debug)]
pub enum Exit {
    Return(Value),
    Call(Box<Frame>),
}

/// What one instruction does to the loop: go on (`None`), leave the frame, or fail.
pub type Outcome = Result<Option<Exit>, RunError>;
// ANCHOR_END: exit

// ANCHOR: instruction
/// One decoded instruction: its own offset (after any `EXTENDED_ARG` prefixes),
/// its opcode and its full argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instruction {
    pub offset: usize,
    pub opcode: u8,
    pub arg: u32,
}
// ANCHOR_END: instruction

// ANCHOR: recursion_limit
/// `sys.getrecursionlimit()`: at most this many Python frames, the module's
/// included. CPython 3.11 counts a frame when it starts: at the `start_frame:`
/// label of `_PyEval_EvalFrameDefault`, `_Py_EnterRecursiveCallTstate(tstate, "")`
/// decrements `tstate->recursion_remaining`. So `def f(n): return f(n + 1)`
/// called from the module runs 999 frames of `f`, and the call that would make
/// the 1001st frame raises `RecursionError: maximum recursion depth exceeded`.
pub const RECURSION_LIMIT: usize = 1000;
// ANCHOR_END: recursion_limit

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
                    // EXERCISE 3.2 return_value: back to the caller with the value, or out at entry
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
                    // END EXERCISE
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
            // TARGET(LOAD_CONST)
            LOAD_CONST => {
                let value = frame.constant(arg)?;
                frame.push_value(value)?;
            }
            LOAD_NAME => load_name(frame, arg)?,
            STORE_NAME => store_name(frame, arg)?,
            DELETE_NAME => delete_name(frame, arg)?,
            LOAD_FAST => load_fast(frame, arg)?,
            STORE_FAST => store_fast(frame, arg)?,
            DELETE_FAST => delete_fast(frame, arg)?,
            LOAD_GLOBAL => load_global(frame, arg)?,
            STORE_GLOBAL => store_global(frame, arg)?,
            DELETE_GLOBAL => delete_global(frame, arg)?,
            // ANCHOR_END: execute_stack_and_names
            // ANCHOR: execute_operations_and_calls
            LOAD_ATTR => load_attr(frame, arg)?,
            UNARY_POSITIVE => unary(frame, ops::positive)?,
            UNARY_NEGATIVE => unary(frame, ops::negative)?,
            UNARY_NOT => unary(frame, |v| Ok(Value::Bool(!v.is_true())))?,
            UNARY_INVERT => unary(frame, ops::invert)?,
            BINARY_OP => binary_op(frame, arg)?,
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
            // TARGET(PRECALL): only an optimisation for bound methods, which
            // stage03 does not have.
            PRECALL => {}
            // TARGET(KW_NAMES)
            KW_NAMES => frame.kwnames = Some(count(arg)),
            CALL => return self.call_instruction(frame, arg),
            CALL_FUNCTION_EX => return self.call_function_ex(frame, arg),
            // TARGET(RETURN_VALUE)
            RETURN_VALUE => return Ok(Some(Exit::Return(frame.pop_value()?))),
            other => return Err(unsupported(frame, other)),
        }
        Ok(None)
    }
    // ANCHOR_END: execute_operations_and_calls
    // ANCHOR_END: execute
}

// ANCHOR: calls_impl
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

// ANCHOR_END: calls_impl

// ANCHOR: vm
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

// ANCHOR: fetch
/// Reads the instruction at `frame.next_instr`, folding `EXTENDED_ARG` prefixes
/// into its argument (`TARGET(EXTENDED_ARG)`), and moves `next_instr` past it and
/// its inline caches, as CPython's `JUMPBY(INLINE_CACHE_ENTRIES_…)` does.
pub fn fetch(frame: &mut Frame) -> Result<Instruction, RunError> {
    let mut arg: u32 = 0;
    loop {
        let index = frame.next_instr;
        let offset = index.saturating_mul(2);
        let (Some(&opcode), Some(&oparg)) =
            (frame.code.code.get(offset), frame.code.code.get(offset + 1))
        else {
            frame.offset = offset;
            return Err(frame.vm_error("ran past the end of the code"));
        };
        frame.offset = offset;
        frame.next_instr = index + 1;
        arg = (arg << 8) | u32::from(oparg);
        if opcode == EXTENDED_ARG {
            continue;
        }
        let caches = CACHE_ENTRIES.get(usize::from(opcode)).copied().unwrap_or(0);
        frame.next_instr += usize::from(caches);
        return Ok(Instruction {
            offset,
            opcode,
            arg,
        });
    }
}
// ANCHOR_END: fetch

// ANCHOR: cache_entries
/// For each of the 256 opcode bytes, how many inline cache entries follow it
/// (CPython's `_PyOpcode_Caches`), built at compile time from
/// [`opcode::OPCODES`]. `fetch` runs for every instruction: one read of this
/// table replaces the two dependent reads of [`opcode::info`], which the
/// processor would otherwise wait for before it can fetch the next instruction.
static CACHE_ENTRIES: [u8; 256] = build_cache_entries();

const fn build_cache_entries() -> [u8; 256] {
    let mut entries = [0; 256];
    let mut row = 0;
    while row < opcode::OPCODES.len() {
        let info = &opcode::OPCODES[row];
        entries[info.number as usize] = info.cache_entries;
        row += 1;
    }
    entries
}
// ANCHOR_END: cache_entries

/// An argument used as a count or an index.
pub fn count(arg: u32) -> usize {
    usize::try_from(arg).unwrap_or(usize::MAX)
}

/// The error for an opcode this stage does not execute: a CPython 3.11 opcode is
/// valid bytecode that a later stage runs; a number no opcode has is bad bytecode.
pub fn unsupported(frame: &Frame, opcode: u8) -> RunError {
    let Some(info) = opcode::info(opcode) else {
        return frame.vm_error(format!("unknown opcode {opcode}"));
    };
    let (what, stage) = match roadmap::opcode_stage(opcode) {
        Some((stage, purpose)) => (format!("{} ({purpose})", info.name), Some(stage)),
        None => (info.name.to_string(), None),
    };
    RunError::NotImplemented(Limit {
        offset: Some(frame.offset),
        what,
        stage,
    })
}

// ANCHOR: unhandled
/// The error that leaves a frame. A Python exception raised where the code's
/// exception table has a handler (inside a `try`) could be caught by CPython:
/// until stage05 runs handlers, that is a limit of the stage, never an
/// uncaught exception, or the program would end where CPython's goes on. The
/// same holds for what CPython raises as exceptions and stage03 cannot name
/// yet: `KeyboardInterrupt` (Ctrl-C) and `OSError` (output that cannot be
/// written). A limit a builtin reported gets the offset of its `CALL`.
pub fn unhandled(frame: &Frame, error: RunError) -> RunError {
    let error = match error {
        // As in CPython, an uncaught `NameError` or `AttributeError` ends with a
        // guess at the name meant, from the frame where it was raised.
        RunError::Exception(exc) => {
            let globals = frame.globals.borrow();
            suggestions::with_suggestion_in(exc, &frame.code, &globals).into()
        }
        other => other,
    };
    catchable_in(frame, error).at_offset(frame.offset)
}

/// `error` as it leaves `frame`: a limit if it is an exception that a
/// handler covering the frame's instruction could catch.
pub fn catchable_in(frame: &Frame, error: RunError) -> RunError {
    match error.exception_name() {
        Some(name) if has_handler(frame) => RunError::NotImplemented(Limit {
            offset: Some(frame.offset),
            what: format!("catching {name} (a try statement)"),
            stage: Some(5),
        }),
        _ => error,
    }
}

/// Whether the exception table covers the instruction at `frame.offset`.
pub fn has_handler(frame: &Frame) -> bool {
    let Ok(entries) = crate::exceptiontable::parse(&frame.code) else {
        return false;
    };
    let offset = u32::try_from(frame.offset).unwrap_or(u32::MAX);
    crate::exceptiontable::find_handler(&entries, offset).is_some()
}
// ANCHOR_END: unhandled

// ANCHOR: names
/// `TARGET(LOAD_NAME)`: locals, then globals (the same namespace for module
/// code), then builtins.
pub fn load_name(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let found = frame.globals.borrow().get_str(&name).cloned();
    let value = match found {
        Some(value) => value,
        None => builtins::lookup(&name).ok_or_else(|| builtins::missing_name(&name, STAGE))?,
    };
    frame.push_value(value)
}

/// `TARGET(STORE_NAME)`
pub fn store_name(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let value = frame.pop_value()?;
    frame.globals.borrow_mut().insert_str(name, value);
    Ok(())
}

/// `TARGET(DELETE_NAME)`
pub fn delete_name(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let removed = frame.globals.borrow_mut().remove_str(&name);
    match removed {
        Some(_) => Ok(()),
        None => Err(builtins::missing_name(&name, STAGE)),
    }
}

// ANCHOR_END: names

// ANCHOR: operators
/// `TARGET(UNARY_*)`: replace the top of the stack by `op(top)`.
pub fn unary(
    frame: &mut Frame,
    op: impl Fn(&Value) -> Result<Value, Exception>,
) -> Result<(), RunError> {
    let value = frame.pop_value()?;
    frame.push_value(op(&value)?)
}

/// `TARGET(BINARY_OP)`: `a, b -> a OP b`.
pub fn binary_op(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let Some((op, inplace)) = ops::decode_binary_op(arg) else {
        return Err(frame.vm_error(format!("BINARY_OP argument {arg} out of range")));
    };
    let right = frame.pop_value()?;
    let left = frame.pop_value()?;
    frame.push_value(ops::binary_op(op, inplace, &left, &right)?)
}
// ANCHOR_END: operators

// ANCHOR: copy_swap
/// `TARGET(COPY)`: push the `arg`-th item from the top again (`COPY 1` duplicates).
pub fn copy(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    if arg == 0 {
        return Err(frame.vm_error("COPY 0"));
    }
    let item = frame.peek(count(arg))?.clone();
    frame.push(item)
}

/// `TARGET(SWAP)`: exchange the top with the `arg`-th item from the top.
pub fn swap(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let len = frame.stack.len();
    match count(arg)
        .checked_sub(1)
        .and_then(|d| len.checked_sub(d + 1))
    {
        Some(other) if arg >= 2 => {
            frame.stack.swap(other, len - 1);
            Ok(())
        }
        _ => Err(frame.vm_error(format!("SWAP {arg} with a stack of {len}"))),
    }
}
// ANCHOR_END: copy_swap

// ANCHOR: f_strings
/// `TARGET(FORMAT_VALUE)`: an f-string field. `arg & 3` is the conversion
/// (`!s`, `!r`, `!a`), `arg & 4` says a format spec is on the stack.
pub fn format_value(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let spec = if arg & 4 != 0 {
        match frame.pop_value()? {
            Value::Str(spec) => Some(spec),
            other => {
                return Err(Exception::type_error(format!(
                    "Format specifier must be a string, not {}",
                    other.type_name()
                ))
                .into())
            }
        }
    } else {
        None
    };
    let value = frame.pop_value()?;
    let converted = match arg & 3 {
        1 => value.to_str()?,
        2 => Value::Str(Rc::from(value.repr()?)),
        3 => Value::Str(Rc::from(value.ascii()?)),
        _ => value,
    };
    let result = match (&converted, spec) {
        (Value::Str(_) | Value::SurrogateStr(_), None) => converted,
        (_, spec) => ops::format_value(&converted, spec.as_deref().unwrap_or(""))?,
    };
    frame.push_value(result)
}

/// `TARGET(BUILD_STRING)`: concatenate the top `arg` strings.
pub fn build_string(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let pieces = frame.pop_values(count(arg))?;
    let mut text = String::new();
    let mut surrogates: Option<Vec<u32>> = None;
    for piece in &pieces {
        match (piece, surrogates.as_mut()) {
            (Value::Str(s), None) => text.push_str(s),
            (Value::Str(_) | Value::SurrogateStr(_), _) => {
                let points =
                    surrogates.get_or_insert_with(|| text.chars().map(u32::from).collect());
                points.extend(ops::code_points(piece));
            }
            _ => return Err(frame.vm_error("BUILD_STRING of a value that is not a str")),
        }
    }
    let result = match surrogates {
        Some(points) => Value::SurrogateStr(Rc::from(points)),
        None => Value::Str(Rc::from(text)),
    };
    frame.push_value(result)
}
// ANCHOR_END: f_strings

/// The keyword names of `KW_NAMES`: the tuple constant itself, shared (an `Rc`
/// clone), not copied; binding checks that each name is a str.
pub fn keyword_names(frame: &Frame, index: usize) -> Result<Tuple, RunError> {
    let index = u32::try_from(index).unwrap_or(u32::MAX);
    match frame.constant(index)? {
        Value::Tuple(items) => Ok(items),
        _ => Err(frame.vm_error("KW_NAMES constant is not a tuple")),
    }
}

// ANCHOR: fast_locals
// ANCHOR: load_store_delete_fast
/// `TARGET(LOAD_FAST)`: push fast local `arg`, found by index: no name, no hash.
pub fn load_fast(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let value = match frame.locals.get(count(arg)) {
        Some(Some(value)) => value.clone(),
        Some(None) => return Err(unbound_local(frame, arg).into()),
        None => return Err(frame.vm_error(format!("local index {arg} out of range"))),
    };
    frame.push_value(value)
}

/// `TARGET(STORE_FAST)`
pub fn store_fast(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let value = frame.pop_value()?;
    match frame.locals.get_mut(count(arg)) {
        Some(slot) => {
            *slot = Some(value);
            Ok(())
        }
        None => Err(frame.vm_error(format!("local index {arg} out of range"))),
    }
}

/// `TARGET(DELETE_FAST)`: unbind a local; deleting an unbound one fails too.
pub fn delete_fast(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    match frame.locals.get_mut(count(arg)).map(Option::take) {
        Some(Some(_)) => Ok(()),
        Some(None) => Err(unbound_local(frame, arg).into()),
        None => Err(frame.vm_error(format!("local index {arg} out of range"))),
    }
}
// ANCHOR_END: load_store_delete_fast

// ANCHOR: unbound_local
/// `UnboundLocalError: cannot access local variable 'x' where it is not
/// associated with a value` (3.11's wording, `UNBOUNDLOCAL_ERROR_MSG`).
pub fn unbound_local(frame: &Frame, arg: u32) -> Exception {
    let name = frame
        .code
        .localsplusnames
        .get(count(arg))
        .map_or("?", |name| &**name);
    Exception::new(
        ExcType::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}
// ANCHOR_END: unbound_local
// ANCHOR_END: fast_locals

// ANCHOR: globals
// ANCHOR: load_global
/// `TARGET(LOAD_GLOBAL)`: the name is `co_names[arg >> 1]`; the low bit asks
/// for a NULL pushed first, so that `CALL` finds `NULL, f` (3.11 folds the
/// `PUSH_NULL` of a call into this instruction). Globals, then builtins.
///
/// The lookup in the globals goes through the code object's remembered
/// lookup for this name (`Dict::get_str_cached`): while no global is added or
/// deleted, `d20` is found by its index, without hashing the name.
pub fn load_global(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
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
        None => builtins::lookup(name).ok_or_else(|| builtins::missing_name(name, STAGE))?,
    };
    if arg & 1 != 0 {
        frame.push(None)?;
    }
    frame.push_value(value)
}
// ANCHOR_END: load_global

// ANCHOR: store_delete_global
/// `TARGET(STORE_GLOBAL)`: `global x; x = …`.
pub fn store_global(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let value = frame.pop_value()?;
    frame.globals.borrow_mut().insert_str(name, value);
    Ok(())
}

/// `TARGET(DELETE_GLOBAL)`: `global x; del x`.
pub fn delete_global(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let removed = frame.globals.borrow_mut().remove_str(&name);
    match removed {
        Some(_) => Ok(()),
        None => Err(builtins::missing_name(&name, STAGE)),
    }
}
// ANCHOR_END: store_delete_global
// ANCHOR_END: globals

/// `TARGET(LOAD_ATTR)`: `f.__name__`, `f.__code__.co_varnames`.
pub fn load_attr(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let owner = frame.pop_value()?;
    frame.push_value(function::get_attribute(&owner, &name)?)
}

// ANCHOR: make_function
// ANCHOR: make_function_flags
/// `TARGET(MAKE_FUNCTION)`: pops the code object, then, as the flag bits say,
/// the annotations (`0x04`), the keyword defaults (`0x02`) and the defaults
/// (`0x01`), which `def` evaluated just before. A closure (`0x08`) is stage06.
pub fn make_function(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let Value::Code(code) = frame.pop_value()? else {
        return Err(frame.vm_error("MAKE_FUNCTION of a value that is not a code object"));
    };
    if arg & 0x08 != 0 {
        return Err(
            RunError::not_implemented("MAKE_FUNCTION with a closure", Some(6))
                .at_offset(frame.offset),
        );
    }
    let function = function_from_flags(frame, code, arg)?;
    frame.push_value(Value::object(function))
}
// ANCHOR_END: make_function_flags

// ANCHOR: function_from_flags
/// The function of `code`, with what the flag bits of `arg` say `def`
/// evaluated below it on the stack (stage06 adds the closure, `0x08`).
pub fn function_from_flags(
    frame: &mut Frame,
    code: Rc<PreparedCode>,
    arg: u32,
) -> Result<Function, RunError> {
    let mut function = Function::new(code, frame.globals.clone());
    if arg & 0x04 != 0 {
        function.annotations = Some(annotations_dict(frame)?);
    }
    if arg & 0x02 != 0 {
        match frame.pop_value()? {
            Value::Dict(kwdefaults) => function.kwdefaults = Some(kwdefaults),
            _ => return Err(frame.vm_error("MAKE_FUNCTION keyword defaults are not a dict")),
        }
    }
    if arg & 0x01 != 0 {
        match frame.pop_value()? {
            Value::Tuple(defaults) => function.defaults = Some(defaults),
            _ => return Err(frame.vm_error("MAKE_FUNCTION defaults are not a tuple")),
        }
    }
    Ok(function)
}
// ANCHOR_END: function_from_flags

// ANCHOR: annotations_dict
/// 3.11 passes annotations as a flat tuple `('x', float, 'return', float)`;
/// the function turns it into the dict `__annotations__` shows
/// (`Objects/funcobject.c: func_get_annotations`).
pub fn annotations_dict(frame: &mut Frame) -> Result<Rc<std::cell::RefCell<Dict>>, RunError> {
    let items = match frame.pop_value()? {
        Value::Dict(dict) => return Ok(dict),
        Value::Tuple(items) if items.len() % 2 == 0 => items,
        _ => return Err(frame.vm_error("MAKE_FUNCTION annotations are not name/value pairs")),
    };
    let mut annotations = Dict::new();
    for pair in items.chunks_exact(2) {
        if let [name, value] = pair {
            annotations.insert(name.clone(), value.clone())?;
        }
    }
    Ok(Rc::new(std::cell::RefCell::new(annotations)))
}
// ANCHOR_END: annotations_dict
// ANCHOR_END: make_function

// ANCHOR: build_map
// ANCHOR: build_map_only
/// `TARGET(BUILD_MAP)`: a dict from the top `2 * arg` items, key, value, ….
pub fn build_map(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let items = frame.pop_values(count(arg).saturating_mul(2))?;
    let mut result = Dict::new();
    for pair in items.chunks_exact(2) {
        if let [key, value] = pair {
            result.insert(key.clone(), value.clone())?;
        }
    }
    frame.push_value(Value::Dict(Rc::new(std::cell::RefCell::new(result))))
}
// ANCHOR_END: build_map_only

// ANCHOR: build_const_key_map
/// `TARGET(BUILD_CONST_KEY_MAP)`: the keys come as one constant tuple on top,
/// the `arg` values below it (how `def f(*, c=3)` builds `__kwdefaults__`).
pub fn build_const_key_map(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let Value::Tuple(keys) = frame.pop_value()? else {
        return Err(frame.vm_error("BUILD_CONST_KEY_MAP keys are not a tuple"));
    };
    let values = frame.pop_values(count(arg))?;
    if keys.len() != values.len() {
        return Err(frame.vm_error("BUILD_CONST_KEY_MAP with keys and values of different lengths"));
    }
    let mut result = Dict::new();
    for (key, value) in keys.iter().zip(values) {
        result.insert(key.clone(), value)?;
    }
    frame.push_value(Value::Dict(Rc::new(std::cell::RefCell::new(result))))
}
// ANCHOR_END: build_const_key_map

// ANCHOR: dict_merge
/// `TARGET(DICT_MERGE)`: `f(**a, **b)` merges each mapping into the dict
/// `arg` items down, refusing a key given twice. The messages name the function,
/// which sits two items below that dict.
pub fn dict_merge(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let update = frame.pop_value()?;
    let depth = count(arg);
    let function_str = |frame: &Frame| -> Result<String, RunError> {
        match frame.peek(depth.saturating_add(2))? {
            Some(callable) => Ok(function::function_str(callable)?),
            None => Err(frame.vm_error("DICT_MERGE without a callable below")),
        }
    };
    let Value::Dict(update) = update else {
        return Err(Exception::type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            function_str(frame)?,
            update.type_name()
        ))
        .into());
    };
    let Some(Value::Dict(target)) = frame.peek(depth)?.clone() else {
        return Err(frame.vm_error("DICT_MERGE target is not a dict"));
    };
    let entries: Vec<(Value, Value)> = update
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (key, value) in entries {
        let Value::Str(name) = &key else {
            return Err(Exception::type_error("keywords must be strings").into());
        };
        if target.borrow().contains_str(name) {
            return Err(Exception::type_error(format!(
                "{} got multiple values for keyword argument '{name}'",
                function_str(frame)?
            ))
            .into());
        }
        target.borrow_mut().insert_str(name.clone(), value);
    }
    Ok(())
}
// ANCHOR_END: dict_merge
// ANCHOR_END: build_map
