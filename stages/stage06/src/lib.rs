//! stage06: closures and generators.
//!
//! Built on stage05, which it imports whole but for the eval loop and its
//! unwinding: the loader, the value model, calls, the containers, the
//! exceptions and the traceback printer are finished. This stage owns a copy
//! of the eval loop (frames can now leave the stack without ending, at a
//! `yield`, and come back) and of its unwinding (an exception that leaves a
//! generator's frame closes the generator), and adds cells ([`cell`]) and
//! generators ([`generator`]). `diff stage05 stage06` is the lesson.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

// Finished in stages 02 to 05, imported.
pub use stage05::{
    bind, builtins, cli, code, compare, dis, exc, exception, exceptiontable, float, format,
    function, int, iter, linetable, list, marshal, methods, opcode, pyc, pyrepr, range, roadmap,
    set, slice, source, subscript, suggestions, trace_json, traceback, uncaught, value, vm,
};

// New in stage06.
pub mod cell;
pub mod generator;

// Evolving: copied from stage05 and changed; later stages own a copy.
pub mod eval;

// ANCHOR: stage
/// How the command line presents this stage.
pub static STAGE: cli::Stage = cli::Stage {
    name: "stage06",
    runs: "module code, functions, loops, containers, exceptions, closures \
           (cells shared between functions) and generators (frames that \
           suspend at a yield and resume)",
    trace_extra: "; a line for each frame pushed (a call, or a generator resumed) \
                  or leaving (a return, a yield); and one for each exception \
                  unwinding to a handler",
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
