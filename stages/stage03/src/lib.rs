//! stage03: frames and calls.
//!
//! Built on stage02, which it imports whole but for the eval loop: the loader,
//! the table decoders, the opcode table, the disassembler, the number and text
//! semantics, the value model, the builtins and the command line. This stage
//! owns a copy of the eval loop and its frame (a call changes them) and adds
//! three new ideas: the function object ([`function`]), argument binding
//! ([`bind`]) and a builtins namespace that knows `dict` ([`builtins`]).
//! `diff stage02 stage03` is the lesson.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

// Finished in stage02, imported.
pub use stage02::{
    cli, code, dis, exc, exceptiontable, float, format, int, linetable, marshal, opcode, pyc,
    pyrepr, roadmap, source, suggestions, trace_json, value, vm,
};

// New in stage03.
pub mod bind;
pub mod builtins;
pub mod function;

// Evolving: copied from stage02 and changed; later stages own a copy.
pub mod eval;

// ANCHOR: stage
/// How the command line presents this stage.
pub static STAGE: cli::Stage = cli::Stage {
    name: "stage03",
    runs: "module code and the functions it calls",
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
