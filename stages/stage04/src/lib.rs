//! stage04: jumps, loops, containers and iterators.
//!
//! Built on stage03, which it imports whole but for the eval loop and the
//! builtins namespace: the loader, the disassembler, the value model, the
//! function object and argument binding are finished. This stage owns a copy of
//! the eval loop (jumps, comparisons, the container instructions, `for`) and of
//! the builtins namespace (the container classes and the iteration builtins),
//! and adds the containers themselves, each written once here for the later
//! stages to import: the list ([`list`]), the set ([`set`]), `range` ([`range`]),
//! the slice ([`slice`]), the iterators ([`iter`]), and the methods of the
//! built-in types ([`methods`]). `diff stage03 stage04` is the lesson.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

// Finished in stage02 and stage03, imported.
pub use stage03::{
    bind, cli, code, dis, exc, exceptiontable, float, format, function, int, linetable, marshal,
    opcode, pyc, pyrepr, roadmap, source, suggestions, trace_json, value, vm,
};

// New in stage04.
pub mod compare;
pub mod iter;
pub mod list;
pub mod methods;
pub mod range;
pub mod set;
pub mod slice;
pub mod subscript;

// Evolving: copied from stage03 and changed; later stages own a copy.
pub mod builtins;
pub mod eval;

// ANCHOR: stage
/// How the command line presents this stage.
pub static STAGE: cli::Stage = cli::Stage {
    name: "stage04",
    runs: "module code, functions, branches and loops over lists, dicts, sets and ranges",
    trace_extra: "; and a line for each frame pushed (a call, with its arguments) \
                  or popped (a return)",
    run: eval::run,
    report: None,
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
