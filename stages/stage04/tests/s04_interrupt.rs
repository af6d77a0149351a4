//! Ctrl-C in a loop, through the real `stage04` binary and compared with
//! CPython: a loop with no call in it is interrupted by the eval breaker that
//! `JUMP_BACKWARD` checks, with the output flushed, `KeyboardInterrupt`
//! printed and the process killed by SIGINT.
//!
//! The program is `fixtures/interrupt_loop.py`, compiled by CPython 3.11 with
//! `py_compile.compile(SRC, cfile=SRC + 'c', invalidation_mode=
//! py_compile.PycInvalidationMode.UNCHECKED_HASH)`.
#![cfg(unix)]

#[path = "../../../tests/support/interrupt.rs"]
mod interrupt;

use std::path::PathBuf;
use std::process::Command;

use interrupt::{assert_interrupted, interrupt_after_first_output, printed, sigint_ignored};

/// The binary Cargo built for these tests.
const STAGE04: &str = env!("CARGO_BIN_EXE_stage04");

fn program() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interrupt_loop.pyc")
}

#[test]
fn s04_2_an_interrupt_stops_a_loop_at_its_backward_jump() {
    let run = interrupt_after_first_output(Command::new(STAGE04).arg(program()));
    assert_interrupted("stage04", &run, &printed()[1..]);
    assert_eq!(run.stderr, "KeyboardInterrupt\n");
}

#[test]
fn s04_2_an_interrupted_loop_ends_as_in_cpython() {
    let Some(python) = stage04::source::find_python311() else {
        println!("note: no python3.11 found; not compared");
        return;
    };
    if sigint_ignored() {
        println!("note: SIGINT is ignored here, as CPython would leave it: not compared");
        return;
    }
    let mut command = Command::new(python);
    command.arg(program()).env_remove("PYTHONUNBUFFERED");
    let run = interrupt_after_first_output(&mut command);
    assert_interrupted("python3.11", &run, &printed());
}
