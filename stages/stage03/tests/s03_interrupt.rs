//! Ctrl-C in calls, through the real `stage03` binary and compared with
//! CPython: every frame's `RESUME` checks the eval breaker, so a deep tree of
//! calls stops at once, with its output flushed, `KeyboardInterrupt` printed
//! and the process killed by SIGINT (stage02's `s02_interrupt.rs` has the rest
//! of the command line's behaviour). And an error leaving a callee where a
//! caller's `try` could catch it is a limit of the stage, as it is in the
//! frame that raised it.
//!
//! The programs are in `s03_programs/`, compiled by CPython 3.11 with
//! `py_compile.compile(SRC, cfile=SRC + 'c', invalidation_mode=
//! py_compile.PycInvalidationMode.UNCHECKED_HASH)`.
#![cfg(unix)]

#[path = "../../../tests/support/interrupt.rs"]
mod interrupt;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use interrupt::{assert_interrupted, interrupt_after_first_output, printed, sigint_ignored};

/// The binary Cargo built for these tests.
const STAGE03: &str = env!("CARGO_BIN_EXE_stage03");

/// A program of `s03_programs/`.
fn program(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/s03_programs")
        .join(name)
}

#[test]
fn s03_4_an_interrupt_stops_a_deep_call_tree() {
    let pyc = program("interrupt_call_tree.pyc");
    let run = interrupt_after_first_output(Command::new(STAGE03).arg(&pyc));
    // Checked after the call of `print` and at the start of every call: the
    // first line is whole, and `ready` there unless the signal came before
    // `print('ready')` returned.
    assert_interrupted("stage03", &run, &printed()[1..]);
    assert_eq!(run.stderr, "KeyboardInterrupt\n");
}

#[test]
fn s03_4_an_interrupt_stops_cpython_alike() {
    let pyc = program("interrupt_call_tree.pyc");
    let Some(python) = stage03::source::find_python311() else {
        println!("note: no python3.11 found; not compared");
        return;
    };
    if sigint_ignored() {
        println!("note: SIGINT is ignored here, as CPython would leave it: not compared");
        return;
    }
    let mut command = Command::new(python);
    command.arg(&pyc).env_remove("PYTHONUNBUFFERED");
    let run = interrupt_after_first_output(&mut command);
    // CPython's buffered writer also checks for signals after writing a block
    // bigger than its buffer, so it may stop inside the first `print`.
    assert_interrupted("python3.11", &run, &printed());
}

#[test]
fn s03_4_an_exception_leaving_a_callee_inside_a_callers_try_is_a_limit() {
    let pyc = program("try_around_call.pyc");
    let args: Vec<OsString> = vec!["stage03".into(), pyc.into()];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = stage03::run_cli(args, &mut out, &mut err);
    let err = String::from_utf8_lossy(&err);
    assert_eq!(status, 2, "{err}");
    assert!(out.is_empty());
    assert!(
        err.ends_with(
            "offset 18: catching ZeroDivisionError (a try statement) runs from stage05 \
             (chapter 5), not in stage03\n"
        ),
        "{err}"
    );
}
