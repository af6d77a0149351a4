//! stage01: a toy stack VM.
//!
//! Before real bytecode, the idea of it: a program is a list of `(opcode, arg)`
//! instructions plus a constants table and a names table, run on a value stack.
//! Programs are written by hand in a small text format (`.toy`, see `stage01 --help`).
//!
//! * [`toy`]: the instruction and the program (a cut-down code object);
//! * [`parse`]: the `.toy` text into a program, errors with line numbers;
//! * [`value`]: ints, strings and `None`, with Python's arithmetic;
//! * [`vm`]: the run loop, one `match`;
//! * [`trace_json`]: the `--trace-json` records the book's stepper replays;
//! * [`cli`]: the command line.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod cli;
pub mod parse;
pub mod toy;
pub mod trace_json;
pub mod value;
pub mod vm;

use std::io::{BufWriter, Write};

pub use cli::run_cli;

/// Runs the command with the process's arguments and standard streams; returns
/// the exit status. Standard output is buffered and flushed before any error.
pub fn main() -> i32 {
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    let mut stderr = std::io::stderr().lock();
    let status = run_cli(std::env::args_os().collect(), &mut stdout, &mut stderr);
    let _ = stdout.flush();
    status
}
