//! How a run ends from outside the program, run through the real `stage02`
//! binary and compared with CPython's: Ctrl-C (SIGINT) and output that cannot
//! be written (a full disk, a closed pipe). The command line is shared by every
//! stage, so these hold for all of them; stage03 adds Ctrl-C in calls.
//!
//! The programs are in `s02_programs/`, compiled by CPython 3.11 with
//! `py_compile.compile(SRC, cfile=SRC + 'c', invalidation_mode=
//! py_compile.PycInvalidationMode.UNCHECKED_HASH)`. CPython runs the same
//! `.pyc`, without `PYTHONUNBUFFERED`, so that both buffer stdout.
#![cfg(unix)]

mod common;
#[path = "../../../tests/support/interrupt.rs"]
mod interrupt;

use std::fs::File;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use interrupt::{assert_interrupted, interrupt_after_first_output, printed, sigint_ignored, Run};

/// The binary Cargo built for these tests.
const STAGE02: &str = env!("CARGO_BIN_EXE_stage02");

/// A program of `s02_programs/`.
fn program(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/s02_programs")
        .join(name)
}

/// `stage02 ARGS…`.
fn stage02(args: &[&str]) -> Command {
    let mut command = Command::new(STAGE02);
    command.args(args);
    command
}

/// `python3.11 ARGS…` with stdout buffered as by default; `None` (the test
/// skips that part) without a python3.11.
fn python(args: &[&str]) -> Option<Command> {
    let mut command = Command::new(common::python311()?);
    command.args(args).env_remove("PYTHONUNBUFFERED");
    Some(command)
}

#[test]
fn s02_8_cli_interrupt_flushes_the_output_and_dies_by_sigint() {
    let pyc = program("interrupt_straight_line.pyc");
    let run = interrupt_after_first_output(&mut stage02(&[pyc.to_str().unwrap()]));
    // The eval breaker is checked after the call of `print`: the first line
    // is whole. The signal normally lands after `print('ready')`, but a busy
    // machine may deliver it before that call returns.
    assert_interrupted("stage02", &run, &printed()[1..]);
    // Before stage05, the last line of CPython's traceback is all of it.
    assert_eq!(run.stderr, "KeyboardInterrupt\n");
}

#[test]
fn s02_8_cli_interrupt_is_what_cpython_does() {
    let pyc = program("interrupt_straight_line.pyc");
    let Some(mut python) = python(&[pyc.to_str().unwrap()]) else {
        return;
    };
    if sigint_ignored() {
        println!("note: SIGINT is ignored here, as CPython would leave it: not compared");
        return;
    }
    let run = interrupt_after_first_output(&mut python);
    // CPython's buffered writer also checks for signals after writing a block
    // bigger than its buffer (`_io__Buffered_write_impl`), so the interrupt
    // can land inside the first `print`, before its newline.
    assert_interrupted("python3.11", &run, &printed());
}

// ---------------------------------------------------------------------------
// Output that cannot be written

/// CPython's report of a failed flush of stdout at exit, before the error.
const IGNORED: &str =
    "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n";
const NO_SPACE: &str = "OSError: [Errno 28] No space left on device\n";
const BROKEN_PIPE: &str = "BrokenPipeError: [Errno 32] Broken pipe\n";

/// Where stdout goes.
#[derive(Debug, Clone, Copy)]
enum Sink {
    /// `/dev/full`: every write fails with ENOSPC.
    Full,
    /// A pipe whose reading end is closed before the program starts: EPIPE.
    ClosedPipe,
}

/// Runs `command` with stdout going to `sink`.
fn run_into(command: &mut Command, sink: Sink) -> Run {
    let stdout = match sink {
        Sink::Full => Stdio::from(
            File::options()
                .write(true)
                .open("/dev/full")
                .expect("/dev/full"),
        ),
        Sink::ClosedPipe => {
            let (reader, writer) = std::io::pipe().expect("a pipe");
            drop(reader);
            Stdio::from(writer)
        }
    };
    let output = command
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("the program runs");
    Run {
        stdout: Vec::new(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        status: output.status,
    }
}

/// Runs `args` with stdout into `sink` in stage02, and in CPython when there
/// is one: the exit status and the message are `expected` in both, but for the
/// lines of CPython's traceback above its last line, which stages before
/// stage05 do not print.
fn assert_output_error(args: &[&str], python_args: &[&str], sink: Sink, expected: (i32, &str)) {
    let ours = run_into(&mut stage02(args), sink);
    assert_eq!(
        (ours.status.code(), ours.stderr.as_str()),
        (Some(expected.0), expected.1),
        "stage02 {args:?} into {sink:?}"
    );
    let Some(mut python) = python(python_args) else {
        return;
    };
    let theirs = run_into(&mut python, sink);
    let last_lines: String = theirs
        .stderr
        .lines()
        .filter(|line| !line.starts_with("Traceback (most recent call last):"))
        .filter(|line| !line.starts_with(' '))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(
        (theirs.status.code(), last_lines.as_str()),
        (Some(expected.0), expected.1),
        "python3.11 {python_args:?} into {sink:?}: {}",
        theirs.stderr
    );
}

/// A program and its `.pyc` as arguments.
fn pyc(name: &str) -> String {
    program(&format!("{name}.pyc")).display().to_string()
}

#[test]
fn s02_8_cli_output_that_cannot_be_flushed_at_exit_is_status_120() {
    let small = pyc("output_small");
    let full = [IGNORED, NO_SPACE].concat();
    assert_output_error(&[&small], &[&small], Sink::Full, (120, &full));
    let broken = [IGNORED, BROKEN_PIPE].concat();
    assert_output_error(&[&small], &[&small], Sink::ClosedPipe, (120, &broken));
}

#[test]
fn s02_8_cli_output_that_fails_while_printing_is_an_uncaught_os_error() {
    let large = pyc("output_large");
    assert_output_error(&[&large], &[&large], Sink::Full, (1, NO_SPACE));
    assert_output_error(&[&large], &[&large], Sink::ClosedPipe, (1, BROKEN_PIPE));
}

#[test]
fn s02_8_cli_an_exception_then_a_failed_flush_reports_both() {
    let program = pyc("output_then_error");
    let expected = [
        "ZeroDivisionError: integer division or modulo by zero\n",
        IGNORED,
        NO_SPACE,
    ]
    .concat();
    assert_output_error(&[&program], &[&program], Sink::Full, (120, &expected));
}

#[test]
fn s02_8_cli_listings_fail_like_program_output() {
    // `--dis` is `python3 -m dis`, which prints with `print` too.
    let source = program("output_small.py").display().to_string();
    let pyc = pyc("output_small");
    let full = [IGNORED, NO_SPACE].concat();
    assert_output_error(
        &["--dis", &pyc],
        &["-m", "dis", &source],
        Sink::Full,
        (120, &full),
    );
    let ours = run_into(&mut stage02(&["--code", &pyc]), Sink::Full);
    assert_eq!(
        (ours.status.code(), ours.stderr.as_str()),
        (Some(120), full.as_str())
    );
}
