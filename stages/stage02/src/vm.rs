//! What every stage's interpreter shares with the code around it: the ways a run
//! can end early ([`RunError`]), the limits on a run ([`Limits`]), and the
//! interface through which a built-in function reaches the interpreter that
//! called it ([`Vm`]).
//!
//! Finished here and imported by every later stage, so that a builtin written
//! once (in `builtins`, against [`Vm`]) runs unchanged in every stage: in
//! stage02 it can only print; from stage03 on, [`Vm::call`] runs Python code
//! from Rust (a `key=` function), the way CPython's C functions call
//! `PyObject_Call`.

use std::fmt;
use std::io::Write;
use std::rc::Rc;

use crate::exc::Exception;
use crate::roadmap;
use crate::value::Value;

// ANCHOR: run_error
/// Why running stopped early.
#[derive(Debug)]
pub enum RunError {
    /// A Python exception nobody caught (before stage05, nobody can).
    Exception(Exception),
    /// Bad bytecode, or a limit of [`Limits`] reached: never seen by Python code.
    Vm(VmError),
    /// Valid bytecode, a builtin or a form of one that this stage does not run
    /// yet: a limit of the workbook, never an error of the program, and never a
    /// Python exception (a later stage's `except` would catch it).
    NotImplemented(Limit),
    /// Writing the program's output failed (a closed pipe, a full disk).
    Output(String),
}

/// A VM error, with the byte offset of the instruction that caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VmError {
    pub offset: usize,
    pub message: String,
}

/// Something this stage does not run: `what` it is, and the stage that runs
/// it (`None` when no stage of the workbook does yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    /// The offset of the instruction that reached the limit; a builtin does not
    /// know it, and the eval loop fills it in on the way out.
    pub offset: Option<usize>,
    pub what: String,
    pub stage: Option<u8>,
}

impl RunError {
    /// The limit error for `what`, which runs from `stage` on.
    pub fn not_implemented(what: impl Into<String>, stage: Option<u8>) -> RunError {
        RunError::NotImplemented(Limit {
            offset: None,
            what: what.into(),
            stage,
        })
    }

    /// A VM error at `offset`.
    pub fn vm(offset: usize, message: impl Into<String>) -> RunError {
        RunError::Vm(VmError {
            offset,
            message: message.into(),
        })
    }

    /// Fills in the offset of a limit a builtin reported (the `CALL`'s offset).
    pub fn at_offset(mut self, offset: usize) -> RunError {
        if let RunError::NotImplemented(limit) = &mut self {
            limit.offset.get_or_insert(offset);
        }
        self
    }
}

impl From<Exception> for RunError {
    fn from(exc: Exception) -> RunError {
        RunError::Exception(exc)
    }
}

impl From<std::io::Error> for RunError {
    fn from(err: std::io::Error) -> RunError {
        RunError::Output(err.to_string())
    }
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Exception(exc) => write!(f, "{exc}"),
            RunError::Vm(err) => {
                write!(f, "bad bytecode at offset {}: {}", err.offset, err.message)
            }
            RunError::NotImplemented(limit) => write!(f, "{limit}"),
            RunError::Output(message) => write!(f, "cannot write output: {message}"),
        }
    }
}

/// `offset 26: GET_ITER (a for loop) runs from stage04 (chapter 4)`. The
/// command line adds the stage that stopped (`…, not in stage03`).
impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(offset) = self.offset {
            write!(f, "offset {offset}: ")?;
        }
        match self.stage {
            Some(stage) => write!(
                f,
                "{} runs from {} (chapter {stage})",
                self.what,
                roadmap::stage_name(stage)
            ),
            None => write!(f, "{} is not implemented in this workbook yet", self.what),
        }
    }
}
// ANCHOR_END: run_error

// ANCHOR: limits
/// Limits on a run, so that any input, even a mutated `.pyc`, finishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How many instructions may execute before the run stops with a VM error.
    pub max_instructions: u64,
}

impl Default for Limits {
    /// No budget: a program runs as long as it runs (Ctrl-C stops it).
    fn default() -> Limits {
        Limits {
            max_instructions: u64::MAX,
        }
    }
}
// ANCHOR_END: limits

// ANCHOR: vm
/// Keyword arguments as `CALL` passes them: names from `KW_NAMES`, in order.
pub type Keywords = Vec<(Rc<str>, Value)>;

/// The interpreter as a built-in function sees it (CPython passes no such
/// thing: a C function reaches the thread state through a global). Each stage's
/// `Interpreter` implements it.
pub trait Vm {
    /// Where `print` writes.
    fn stdout(&mut self) -> &mut dyn Write;

    /// Calls any callable from Rust and returns its result
    /// (`Objects/call.c: PyObject_Call`). A Python function runs in a nested
    /// eval loop that returns when its frame returns (CPython's
    /// `frame->is_entry`); it counts toward the recursion limit like any
    /// call. Stage02 has no Python functions, so there it calls builtins only.
    fn call(
        &mut self,
        callable: &Value,
        args: Vec<Value>,
        keywords: Keywords,
    ) -> Result<Value, RunError>;
}

/// A built-in function's body (`PyCFunction`): the interpreter, the
/// positional arguments and the keyword arguments.
pub type BuiltinFn = fn(&mut dyn Vm, &[Value], &Keywords) -> Result<Value, RunError>;
// ANCHOR_END: vm
