//! Ctrl-C inside a `try`, through the real `stage05` binary and compared with
//! CPython: the interrupt is an exception like any other from this stage on.
//! The handler catches the `KeyboardInterrupt`, prints, and raises an error of
//! its own; the traceback shows the interrupt as that error's context.
//!
//! And Ctrl-C while a handler runs: the interrupt gets the exception being
//! handled as its context, and, uncaught, ends the process by SIGINT after
//! the chained traceback.
//!
//! The programs are `fixtures/interrupt_handler.py` and
//! `fixtures/interrupt_in_handler.py`, compiled by CPython 3.11 with
//! `py_compile.compile(SRC, cfile=SRC + 'c', invalidation_mode=
//! py_compile.PycInvalidationMode.UNCHECKED_HASH)`.
#![cfg(unix)]

#[path = "../../../tests/support/interrupt.rs"]
mod interrupt;

use std::path::PathBuf;
use std::process::Command;

use interrupt::{assert_interrupted, interrupt_after_first_output, printed, sigint_ignored, Run};

/// The binary Cargo built for these tests.
const STAGE05: &str = env!("CARGO_BIN_EXE_stage05");

fn program() -> PathBuf {
    fixture("interrupt_handler.pyc")
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// What both interpreters must do: print what came before the interrupt
/// (how much depends on where it landed), then the handler's line, and end
/// with status 1 and a chained traceback.
fn assert_handled(who: &str, run: &Run) {
    let stdout = String::from_utf8_lossy(&run.stdout);
    let before = stdout
        .strip_suffix("caught KeyboardInterrupt()\n")
        .unwrap_or_else(|| panic!("{who}: stdout does not end with the handler's line"));
    assert!(
        printed().iter().any(|output| output == before),
        "{who}: {} bytes before the handler's line",
        before.len()
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
    assert_same_traceback(&ours.stderr, &cpython.stderr);
}

#[test]
fn s05_3_an_interrupt_during_a_handler_is_chained_and_kills_as_in_cpython() {
    let program = fixture("interrupt_in_handler.pyc");
    let ours = interrupt_after_first_output(Command::new(STAGE05).arg(&program));
    assert_interrupted("stage05", &ours, &printed());
    assert!(
        ours.stderr
            .starts_with("Traceback (most recent call last):\n")
            && ours
                .stderr
                .contains("\nZeroDivisionError: division by zero\n\nDuring handling"),
        "{}",
        ours.stderr
    );
    let Some(python) = stage05::source::find_python311() else {
        println!("note: no python3.11 found; not compared");
        return;
    };
    if sigint_ignored() {
        println!("note: SIGINT is ignored here, as CPython would leave it: not compared");
        return;
    }
    let mut command = Command::new(python);
    command.arg(&program).env_remove("PYTHONUNBUFFERED");
    let cpython = interrupt_after_first_output(&mut command);
    assert_interrupted("python3.11", &cpython, &printed());
    assert_same_traceback(&ours.stderr, &cpython.stderr);
}

/// Compares two tracebacks of the same program, ours and CPython's, but for
/// where the interrupt landed: in the loop (its `JUMP_BACKWARD` checks the
/// eval breaker) or, when the signal came at once, in the first or the
/// second `print` (after its `CALL`). Which one is a race with the test's
/// `kill`, for CPython as for us; everything else must be the same bytes.
fn assert_same_traceback(ours: &str, cpython: &str) {
    assert_eq!(
        interrupt_site_masked(ours),
        interrupt_site_masked(cpython),
        "the whole traceback\n--- ours\n{ours}--- CPython\n{cpython}"
    );
}

/// `stderr` with the frame line and source line where the interrupt landed
/// replaced by a marker, after checking they are one of the two places.
fn interrupt_site_masked(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut out = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let landed = lines.get(index + 2) == Some(&"KeyboardInterrupt");
        if landed && lines[index].starts_with("  File ") {
            let source = lines[index + 1].trim();
            assert!(
                ["print('x' * 9000)", "print('ready')", "while True:"].contains(&source),
                "the interrupt landed at {source:?}"
            );
            out.push("  <where the interrupt landed>");
            index += 2;
        } else {
            out.push(lines[index]);
            index += 1;
        }
    }
    out.join("\n")
}
