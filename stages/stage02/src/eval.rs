//! The eval loop (`Python/ceval.c: _PyEval_EvalFrameDefault`): fetch an
//! instruction, execute it, repeat until `RETURN_VALUE`.
//!
//! stage02 runs straight-line module code: no jumps, no functions, no handlers.
//! An instruction either goes on, leaves the frame ([`Exit`]), or fails with a
//! [`RunError`]: a Python exception, or a VM error for bytecode that breaks the
//! rules the compiler follows (which CPython would not check, and crash on).

use std::io::Write;
use std::rc::Rc;

pub mod frame;
pub mod trace;

use crate::builtins;
use crate::code::Code;
use crate::exc::Exception;
use crate::exceptiontable;
use crate::opcode::{self, *};
use crate::roadmap;
use crate::suggestions;
pub use crate::trace_json::Tracer;
use crate::value::ops;
use crate::value::{Tuple, Value};
use crate::vm::{check_eval_breaker, Vm};
pub use crate::vm::{Keywords, Limit, Limits, RunError, VmError};
use frame::Frame;

/// This stage's number, for the messages about what a later stage runs.
pub const STAGE: u8 = 2;

// ANCHOR: exit
/// How an instruction leaves the frame (stage06 adds `Yield`).
#[derive(Debug)]
pub enum Exit {
    Return(Value),
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

// ANCHOR: interpreter
/// Where the interpreter writes: the program's stdout and, with `--trace` or
/// `--trace-json`, the trace.
pub struct Interpreter<'a> {
    pub stdout: &'a mut dyn Write,
    pub trace: Option<Tracer<'a>>,
    /// Instructions left before the run is stopped.
    pub budget: u64,
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
        stdout: out,
        trace,
        budget: limits.max_instructions,
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
        let mut frame = Frame::new_module(code);
        if let Some(Tracer::Json(trace)) = self.trace.as_mut() {
            trace.push(&frame.code.qualname)?;
        }
        let value = self.run_frame(&mut frame)?;
        if let Some(Tracer::Json(trace)) = self.trace.as_mut() {
            trace.pop(&frame.code.qualname, Some(trace::short_repr(&value)))?;
        }
        Ok(())
    }

    // ANCHOR: eval_loop
    /// The loop: fetch, execute, trace, until the frame returns.
    pub fn run_frame(&mut self, frame: &mut Frame) -> Result<Value, RunError> {
        loop {
            let instr = fetch(frame)?;
            self.charge(frame)?;
            let outcome = self.execute(frame, instr);
            if self.trace.is_some() {
                self.trace_instruction(frame, instr)?;
            }
            match outcome {
                Ok(None) => {}
                Ok(Some(Exit::Return(value))) => return Ok(value),
                Err(error) => return Err(unhandled(frame, error)),
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
            // breaker: Ctrl-C stops the program here.
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
            // ANCHOR_END: execute_stack_and_names
            // ANCHOR: execute_operations_and_calls
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
            FORMAT_VALUE => format_value(frame, arg)?,
            BUILD_STRING => build_string(frame, arg)?,
            // TARGET(PRECALL): only an optimisation for bound methods, which
            // stage02 does not have.
            PRECALL => {}
            // TARGET(KW_NAMES)
            KW_NAMES => frame.kwnames = Some(count(arg)),
            CALL => self.call(frame, arg)?,
            // TARGET(RETURN_VALUE)
            RETURN_VALUE => return Ok(Some(Exit::Return(frame.pop_value()?))),
            other => return Err(unsupported(frame, other)),
        }
        Ok(None)
    }
    // ANCHOR_END: execute_operations_and_calls
    // ANCHOR_END: execute

    // ANCHOR: call
    /// `TARGET(CALL)`: the stack holds `X, Y, arg1 … argN`. If `X` is NULL, `Y` is
    /// the callable; otherwise `X` is the callable and `Y` its first argument
    /// (a method's `self`). The last `len(kwnames)` arguments are keywords.
    fn call(&mut self, frame: &mut Frame, arg: u32) -> Result<(), RunError> {
        let kwnames = match frame.kwnames.take() {
            Some(index) => keyword_names(frame, index)?,
            None => Vec::new(),
        };
        let mut args = frame.pop_values(count(arg))?;
        let first = frame.pop_value()?;
        let callable = match frame.pop()? {
            None => first,
            Some(callable) => {
                args.insert(0, first);
                callable
            }
        };
        let Some(positional) = args.len().checked_sub(kwnames.len()) else {
            return Err(frame.vm_error("more keyword names than arguments"));
        };
        let keywords: Keywords = kwnames
            .into_iter()
            .zip(args.split_off(positional))
            .collect();
        let result = builtins::call(self, &callable, &args, &keywords)?;
        frame.push_value(result)?;
        // CPython checks the eval breaker after every call that did not run a
        // Python function (whose own `RESUME` checks): in stage02, every call.
        // A straight-line program can take long only by calling builtins.
        check_eval_breaker()
    }
    // ANCHOR_END: call
}

// ANCHOR: vm
/// What a builtin may ask of the interpreter: where to print, and to call a
/// callable (in stage02 only builtins exist, so no frame is ever entered).
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
        builtins::call(self, callable, &args, &keywords)
    }
}
// ANCHOR_END: vm

// ANCHOR: unhandled
/// The error that leaves the frame. A Python exception raised where the code's
/// exception table has a handler (inside a `try`) could be caught by CPython:
/// until stage05 runs handlers, that is a limit of the stage, never an
/// uncaught exception, or the program would end where CPython's goes on. The
/// same holds for what CPython raises as exceptions and stage02 cannot name
/// yet: `KeyboardInterrupt` (Ctrl-C) and `OSError` (output that cannot be
/// written). A limit a builtin reported gets the offset of its `CALL`.
pub fn unhandled(frame: &Frame, error: RunError) -> RunError {
    match error.exception_name() {
        Some(name) if has_handler(frame) => RunError::NotImplemented(Limit {
            offset: Some(frame.offset),
            what: format!("catching {name} (a try statement)"),
            stage: Some(5),
        }),
        _ => with_suggestion(error, frame).at_offset(frame.offset),
    }
}

/// An uncaught `NameError` or `AttributeError` ends, as in CPython, with a
/// guess at the name meant (`. Did you mean: 'print'?`, see [`suggestions`]).
fn with_suggestion(error: RunError, frame: &Frame) -> RunError {
    match error {
        RunError::Exception(exc) => {
            suggestions::with_suggestion_in(exc, &frame.code, &frame.globals).into()
        }
        other => other,
    }
}

/// Whether the exception table covers the instruction at `frame.offset`.
fn has_handler(frame: &Frame) -> bool {
    let Ok(entries) = exceptiontable::parse(&frame.code) else {
        return false;
    };
    let offset = u32::try_from(frame.offset).unwrap_or(u32::MAX);
    exceptiontable::find_handler(&entries, offset).is_some()
}
// ANCHOR_END: unhandled

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
fn count(arg: u32) -> usize {
    usize::try_from(arg).unwrap_or(usize::MAX)
}

/// The error for an opcode this stage does not execute: a CPython 3.11 opcode is
/// valid bytecode that a later stage runs; a number no opcode has is bad bytecode.
fn unsupported(frame: &Frame, opcode: u8) -> RunError {
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

// ANCHOR: names
/// `TARGET(LOAD_NAME)`: locals, then globals (the same namespace for module
/// code), then builtins.
fn load_name(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let value = match frame.globals.get_str(&name) {
        Some(value) => value.clone(),
        None => builtins::lookup(&name).ok_or_else(|| builtins::missing_name(&name, STAGE))?,
    };
    frame.push_value(value)
}

/// `TARGET(STORE_NAME)`
fn store_name(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    let value = frame.pop_value()?;
    frame.globals.insert_str(name, value);
    Ok(())
}

/// `TARGET(DELETE_NAME)`
fn delete_name(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    let name = frame.name(arg)?;
    match frame.globals.remove_str(&name) {
        Some(_) => Ok(()),
        None => Err(builtins::missing_name(&name, STAGE)),
    }
}
// ANCHOR_END: names

// ANCHOR: operators
/// `TARGET(UNARY_*)`: replace the top of the stack by `op(top)`.
fn unary(
    frame: &mut Frame,
    op: impl Fn(&Value) -> Result<Value, Exception>,
) -> Result<(), RunError> {
    let value = frame.pop_value()?;
    frame.push_value(op(&value)?)
}

/// `TARGET(BINARY_OP)`: `a, b -> a OP b`.
fn binary_op(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    // EXERCISE 2.6 binary_op: decode arg (a VM error if out of range), pop b then a, push a OP b
    let Some((op, inplace)) = ops::decode_binary_op(arg) else {
        return Err(frame.vm_error(format!("BINARY_OP argument {arg} out of range")));
    };
    let right = frame.pop_value()?;
    let left = frame.pop_value()?;
    frame.push_value(ops::binary_op(op, inplace, &left, &right)?)
    // END EXERCISE
}
// ANCHOR_END: operators

// ANCHOR: copy_swap
/// `TARGET(COPY)`: push the `arg`-th item from the top again (`COPY 1` duplicates).
fn copy(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
    if arg == 0 {
        return Err(frame.vm_error("COPY 0"));
    }
    let item = frame.peek(count(arg))?.clone();
    frame.push(item)
}

/// `TARGET(SWAP)`: exchange the top with the `arg`-th item from the top.
fn swap(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
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
fn format_value(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
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
fn build_string(frame: &mut Frame, arg: u32) -> Result<(), RunError> {
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

/// The keyword names of `KW_NAMES`: a tuple of str constants.
fn keyword_names(frame: &Frame, index: usize) -> Result<Vec<Rc<str>>, RunError> {
    let index = u32::try_from(index).unwrap_or(u32::MAX);
    let Value::Tuple(items) = frame.constant(index)? else {
        return Err(frame.vm_error("KW_NAMES constant is not a tuple"));
    };
    items
        .iter()
        .map(|item| match item {
            Value::Str(name) => Ok(name.clone()),
            _ => Err(frame.vm_error("KW_NAMES constant holds a non-str")),
        })
        .collect()
}
