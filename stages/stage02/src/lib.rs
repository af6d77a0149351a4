//! stage02: real CPython 3.11 bytecode.
//!
//! Most of this crate is *finished* here, and every later stage imports it: the
//! loader (`pyc`, `marshal`, `code`), the table decoders (`linetable`,
//! `exceptiontable`), the opcode table and the disassembler; the number and text
//! semantics (`int`, `float`, `format`, `pyrepr`) and CPython's hashing and set
//! table (`hash`); the value model with its
//! extension point for later objects (`value`), the builtins (`builtins`), what
//! a run shares with them (`vm`), and the command line (`cli`). Only the eval
//! loop and its frame evolve: each later stage owns a copy of `eval`.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

// Finished modules, imported by later stages.
pub mod code;
pub mod dis;
pub mod exc;
pub mod exceptiontable;
pub mod linetable;
pub mod marshal;
pub mod opcode;
pub mod pyc;
pub mod roadmap;
pub mod source;
pub mod suggestions;
pub mod trace_json;
pub mod vm;

// The value model, the builtins and the command line, imported by later stages.
pub mod builtins;
pub mod cli;
pub mod value;

// Value-agnostic semantics, imported by later stages.
pub mod float;
pub mod format;
pub mod hash;
pub mod int;
pub mod pyrepr;

// Evolving: later stages own a copy.
pub mod eval;

// ANCHOR: stage
/// How the command line presents this stage.
pub static STAGE: cli::Stage = cli::Stage {
    name: "stage02",
    runs: "straight-line module code",
    trace_extra: "",
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
