//! stage05: exceptions, exception tables and tracebacks.
//!
//! Built on stage04, which it imports whole but for the eval loop and the
//! builtins namespace: the loader, the value model, calls, the containers and
//! their methods are finished. This stage owns a copy of the eval loop (which
//! learns to unwind to a handler found in the code's exception table) and of
//! the builtins namespace (which gains the exception classes), and adds the
//! exception objects ([`exception`]) and the printing of a traceback
//! ([`traceback`]), each written once here for stage06 to import.
//! `diff stage04 stage05` is the lesson.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

// Finished in stages 02 to 04, imported.
pub use stage04::{
    bind, cli, code, compare, dis, exc, exceptiontable, float, format, function, int, iter,
    linetable, list, marshal, methods, opcode, pyc, pyrepr, range, roadmap, set, slice, source,
    subscript, suggestions, trace_json, value, vm,
};

// New in stage05.
pub mod exception;
pub mod traceback;
pub mod uncaught;

// Evolving: copied from stage04 and changed; later stages own a copy.
pub mod builtins;
pub mod eval;

// ANCHOR: stage
/// How the command line presents this stage.
pub static STAGE: cli::Stage = cli::Stage {
    name: "stage05",
    runs: "module code, functions, loops, containers, and exceptions with \
           try/except/finally, printing CPython's traceback for an uncaught one",
    trace_extra: "; a line for each frame pushed (a call, with its arguments) \
                  or popped (a return); and one for each exception unwinding to a handler",
    run: eval::run,
    report: Some(uncaught::report),
};

/// The command line of this stage, with its streams passed in (for tests).
pub fn run_cli(
    args: Vec<std::ffi::OsString>,
    stdout: &mut dyn std::io::Write,
    stderr: &mut dyn std::io::Write,
) -> i32 {
    cli::run_cli(&STAGE, args, stdout, stderr)
}
// ANCHOR_END: stage
