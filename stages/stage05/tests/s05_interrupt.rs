//! Ctrl-C inside a `try`, through the real `stage05` binary and compared with
//! CPython: the interrupt is an exception like any other from this stage on.
//! The handler catches the `KeyboardInterrupt`, prints, and raises an error of
//! its own; the traceback shows the interrupt as that error's context.
//!
//! The program is `fixtures/interrupt_handler.py`, compiled by CPython 3.11
//! with `py_compile.compile(SRC, cfile=SRC + 'c', invalidation_mode=
//! py_compile.PycInvalidationMode.UNCHECKED_HASH)`.
#![cfg(unix)]

#[path = "../../../tests/support/interrupt.rs"]
mod interrupt;

use std::path::PathBuf;
use std::process::Command;

use interrupt::{interrupt_after_first_output, sigint_ignored, Run, FIRST};

/// The binary Cargo built for these tests.
const STAGE05: &str = env!("CARGO_BIN_EXE_stage05");

fn program() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interrupt_handler.pyc")
}

/// What both interpreters must do: print everything, the handler's line
/// included, and end with status 1 and a chained traceback.
fn assert_handled(who: &str, run: &Run) {
    let expected = format!("{}\nready\ncaught KeyboardInterrupt()\n", "x".repeat(FIRST));
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        expected,
        "{who}: stdout"
    );
    assert_eq!(run.status.code(), Some(1), "{who}: {:?}", run.status);
    assert!(
        run.stderr
            .contains("\nDuring handling of the above exception, another exception occurred:\n"),
        "{who}: {}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("\nValueError: raised while handling the interrupt\n"),
        "{who}: {}",
        run.stderr
    );
}

#[test]
fn s05_3_an_interrupt_is_caught_by_a_handler() {
    let run = interrupt_after_first_output(Command::new(STAGE05).arg(program()));
    assert_handled("stage05", &run);
}

#[test]
fn s05_3_an_interrupt_caught_in_a_handler_prints_as_in_cpython() {
    let Some(python) = stage05::source::find_python311() else {
        println!("note: no python3.11 found; not compared");
        return;
    };
    if sigint_ignored() {
        println!("note: SIGINT is ignored here, as CPython would leave it: not compared");
        return;
    }
    let mut command = Command::new(python);
    command.arg(program()).env_remove("PYTHONUNBUFFERED");
    let cpython = interrupt_after_first_output(&mut command);
    assert_handled("python3.11", &cpython);
    let ours = interrupt_after_first_output(Command::new(STAGE05).arg(program()));
    assert_eq!(ours.stderr, cpython.stderr, "the whole traceback");
}
