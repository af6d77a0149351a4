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

use std::ffi::OsString;
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// The binary Cargo built for these tests.
const STAGE03: &str = env!("CARGO_BIN_EXE_stage03");

/// SIGINT's number.
const SIGINT: i32 = 2;

/// The first output of the interrupt program: a line longer than the stdout
/// buffer, written at once but for its newline.
const FIRST: usize = 9000;

/// A program of `s03_programs/`.
fn program(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/s03_programs")
        .join(name)
}

/// What an interrupted run left behind.
#[derive(Debug)]
struct Run {
    stdout: Vec<u8>,
    stderr: String,
    status: ExitStatus,
}

/// Runs `command` until it has written [`FIRST`] bytes, sends it SIGINT as
/// `kill -INT` does, and collects the rest. A watchdog kills it after a minute,
/// so a run that ignores the interrupt fails the test instead of hanging it.
fn interrupt_after_first_output(command: &mut Command) -> Run {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program starts");
    let mut stderr = child.stderr.take().expect("stderr");
    let stderr = thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut seen = Vec::new();
    let mut chunk = [0; 4096];
    while seen.len() < FIRST {
        match stdout.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&chunk[..n]),
        }
    }
    let pid = child.id().to_string();
    let (done, watched) = mpsc::channel::<()>();
    let watchdog = {
        let pid = pid.clone();
        thread::spawn(move || {
            if watched.recv_timeout(Duration::from_secs(60)).is_err() {
                let _ = Command::new("kill").args(["-KILL", &pid]).status();
            }
        })
    };
    let sent = Command::new("kill").args(["-INT", &pid]).status();
    assert!(
        sent.as_ref().is_ok_and(|s| s.success()),
        "kill -INT {pid}: {sent:?}"
    );
    let _ = stdout.read_to_end(&mut seen);
    let status = child.wait().expect("the program ends");
    let _ = done.send(());
    watchdog.join().expect("watchdog");
    Run {
        stdout: seen,
        stderr: stderr.join().expect("stderr reader"),
        status,
    }
}

/// What the program has printed, depending on where the signal lands: the
/// text of the first line, then also its newline, then also `ready` (both
/// held in the stdout buffer until a flush).
fn printed() -> [String; 3] {
    let text = "x".repeat(FIRST);
    [
        text.clone(),
        format!("{text}\n"),
        format!("{text}\nready\n"),
    ]
}

/// An interrupted run: one of `outputs` on stdout, `KeyboardInterrupt` as the
/// last line of stderr, death by SIGINT.
fn assert_interrupted(who: &str, run: &Run, outputs: &[String]) {
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        outputs.iter().any(|output| *output == stdout),
        "{who}: stdout is not the output printed before the interrupt: {} bytes ending {:?}",
        stdout.len(),
        &stdout[stdout.len().saturating_sub(20)..],
    );
    assert!(
        run.stderr.ends_with("\nKeyboardInterrupt\n") || run.stderr == "KeyboardInterrupt\n",
        "{who}: stderr {:?}",
        run.stderr
    );
    assert_eq!(
        run.status.signal(),
        Some(SIGINT),
        "{who}: not killed by SIGINT: {:?}",
        run.status
    );
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
    let ignored = std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix("SigIgn:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << (SIGINT - 1)) != 0);
    if ignored {
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
