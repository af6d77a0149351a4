//! What every stage's interpreter shares with the code around it: the ways a run
//! can end early ([`RunError`]), the limits on a run ([`Limits`]), the flag
//! through which Ctrl-C reaches the eval loop ([`check_eval_breaker`]), and the
//! interface through which a built-in function reaches the interpreter that
//! called it ([`Vm`]).
//!
//! Finished here and imported by every later stage, so that a builtin written
//! once (in `builtins`, against [`Vm`]) runs unchanged in every stage: in
//! stage02 it can only print; from stage03 on, [`Vm::call`] runs Python code
//! from Rust (a `key=` function), the way CPython's C functions call
//! `PyObject_Call`.

use std::fmt;
use std::io::{self, Write};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::exc::Exception;
use crate::roadmap;
use crate::value::Value;

// ANCHOR: run_error
/// Why running stopped early.
#[derive(Debug)]
pub enum RunError {
    /// A Python exception raised by Rust code: CPython's un-normalized
    /// exception, a type and a message (before stage05, nobody can catch it).
    Exception(Exception),
    /// From stage05: a Python exception *object* on its way up, raised by
    /// `raise` or made from an [`RunError::Exception`] when the eval loop
    /// began to unwind it. It carries its own traceback and chain.
    Raised(Value),
    /// Bad bytecode, or a limit of [`Limits`] reached: never seen by Python code.
    Vm(VmError),
    /// Valid bytecode, a builtin or a form of one that this stage does not run
    /// yet: a limit of the workbook, never an error of the program, and never a
    /// Python exception (a later stage's `except` would catch it).
    NotImplemented(Limit),
    /// Writing the program's output failed (a closed pipe, a full disk). In
    /// CPython, `print` raises `OSError` (`BrokenPipeError` for a closed pipe),
    /// which stage02's exception types cannot name yet: see [`os_error_line`].
    Output(io::Error),
    /// The eval breaker found an interrupt (Ctrl-C, SIGINT): CPython raises
    /// `KeyboardInterrupt` there (see [`check_eval_breaker`]).
    Interrupted,
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

    /// The class of the Python exception this error is in CPython, `None` for a
    /// VM error or a limit of the workbook. What an `except` could catch: the
    /// eval loops treat all of these alike where a handler covers the
    /// instruction.
    pub fn exception_name(&self) -> Option<&'static str> {
        match self {
            RunError::Exception(exc) => Some(exc.kind.name()),
            RunError::Raised(value) => Some(value.type_name()),
            RunError::Output(err) => Some(os_error_class(err)),
            RunError::Interrupted => Some("KeyboardInterrupt"),
            RunError::Vm(_) | RunError::NotImplemented(_) => None,
        }
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

impl From<io::Error> for RunError {
    fn from(err: io::Error) -> RunError {
        RunError::Output(err)
    }
}

/// A Python exception shows as the last line of CPython's traceback
/// (`ZeroDivisionError: division by zero`, `KeyboardInterrupt`); a VM error
/// and a limit as a message for the command line to prefix.
impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Exception(exc) => write!(f, "{exc}"),
            RunError::Raised(value) => write!(f, "{}", raised_line(value)),
            RunError::Vm(err) => {
                write!(f, "bad bytecode at offset {}: {}", err.offset, err.message)
            }
            RunError::NotImplemented(limit) => write!(f, "{limit}"),
            RunError::Output(err) => write!(f, "{}", os_error_line(err)),
            RunError::Interrupted => write!(f, "KeyboardInterrupt"),
        }
    }
}

/// The last line of a traceback for an exception object: `Type: str(exc)`,
/// or `Type` when `str` is empty (`Python/pythonrun.c: print_exception`).
pub fn raised_line(value: &Value) -> String {
    let name = value.type_name();
    match value.to_str() {
        Ok(Value::Str(text)) if text.is_empty() => name.to_string(),
        Ok(Value::Str(text)) => format!("{name}: {text}"),
        _ => format!("{name}: <exception str() failed>"),
    }
}

// ANCHOR: os_error
/// An I/O error as the last line of CPython's traceback of the `OSError` it
/// raises: `BrokenPipeError: [Errno 32] Broken pipe`, `OSError: [Errno 28] No
/// space left on device`. The text after the number is the C library's
/// `strerror`, as in CPython; Rust's message is `strerror` followed by
/// ` (os error 28)`, which we take off.
pub fn os_error_line(err: &io::Error) -> String {
    let class = os_error_class(err);
    let Some(errno) = err.raw_os_error() else {
        return format!("{class}: {err}");
    };
    let text = err.to_string();
    let strerror = text
        .strip_suffix(&format!(" (os error {errno})"))
        .unwrap_or(&text);
    format!("{class}: [Errno {errno}] {strerror}")
}

/// The `OSError` subclass CPython picks for an error number
/// (`Objects/exceptions.c: _PyExc_InitState`'s `errnomap`), as far as Rust's
/// [`io::ErrorKind`] tells them apart; everything else is `OSError` itself.
fn os_error_class(err: &io::Error) -> &'static str {
    match err.kind() {
        io::ErrorKind::BrokenPipe => "BrokenPipeError",
        io::ErrorKind::ConnectionAborted => "ConnectionAbortedError",
        io::ErrorKind::ConnectionRefused => "ConnectionRefusedError",
        io::ErrorKind::ConnectionReset => "ConnectionResetError",
        io::ErrorKind::WouldBlock => "BlockingIOError",
        io::ErrorKind::Interrupted => "InterruptedError",
        io::ErrorKind::NotFound => "FileNotFoundError",
        io::ErrorKind::AlreadyExists => "FileExistsError",
        io::ErrorKind::PermissionDenied => "PermissionError",
        io::ErrorKind::TimedOut => "TimeoutError",
        io::ErrorKind::IsADirectory => "IsADirectoryError",
        io::ErrorKind::NotADirectory => "NotADirectoryError",
        _ => "OSError",
    }
}
// ANCHOR_END: os_error

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

// ANCHOR: eval_breaker
/// CPython's `eval_breaker`: set when something outside the program asks the
/// eval loop to stop and look, here only an interrupt. The command line's
/// SIGINT handler sets it and does nothing else (a signal handler may not
/// touch the interpreter's state); the eval loop looks at it at the points
/// CPython does, and raises `KeyboardInterrupt` there. Nothing else sets it, so
/// a run inside a test process never sees it set.
static EVAL_BREAKER: AtomicBool = AtomicBool::new(false);

/// The flag for the SIGINT handler to set (`signal_hook::flag::register`).
pub fn eval_breaker() -> &'static AtomicBool {
    &EVAL_BREAKER
}

/// `CHECK_EVAL_BREAKER()` in `Python/ceval.c`: `RESUME` checks it when a frame
/// starts, `CALL` after a call that was not a Python function's (a Python
/// function's own `RESUME` checks), and from stage04 on `JUMP_BACKWARD` on
/// every turn of a loop. So a program always reaches a check soon, and an
/// instruction never stops halfway. When the flag is set, it is cleared (a
/// later interrupt raises again, as `PyErr_CheckSignals` clears its "tripped"
/// flag) and the run ends with [`RunError::Interrupted`]: CPython's signal
/// handler raises `KeyboardInterrupt`.
#[inline]
pub fn check_eval_breaker() -> Result<(), RunError> {
    if EVAL_BREAKER.load(Ordering::Relaxed) {
        return handle_eval_breaker();
    }
    Ok(())
}

/// `handle_eval_breaker:` in `_PyEval_EvalFrameDefault`, kept out of the hot path.
#[cold]
fn handle_eval_breaker() -> Result<(), RunError> {
    EVAL_BREAKER.store(false, Ordering::Relaxed);
    Err(RunError::Interrupted)
}
// ANCHOR_END: eval_breaker

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

    /// How many more levels the recursion limit allows (CPython's
    /// `tstate->recursion_remaining`), as a builtin that compares (`min`,
    /// `max`) gives it to `ops::compare`. Without Python functions (stage02)
    /// a builtin runs two levels into the limit of 1000: the module's frame
    /// and its own call.
    fn recursion_headroom(&self) -> usize {
        998
    }
}

/// A built-in function's body (`PyCFunction`): the interpreter, the
/// positional arguments and the keyword arguments.
pub type BuiltinFn = fn(&mut dyn Vm, &[Value], &Keywords) -> Result<Value, RunError>;
// ANCHOR_END: vm
