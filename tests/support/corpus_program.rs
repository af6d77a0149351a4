//! One corpus program run through a stage in-process and compared with what
//! CPython printed when the corpus was recorded (`cargo xtask corpus`): the
//! section tests of every stage (`s03_sections.rs`, `s04_sections.rs`) use it.
//! Written once and included with `#[path]`, so a fix to it is made once.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// A stage's command line, with its streams passed in.
pub type RunCli = fn(Vec<OsString>, &mut dyn std::io::Write, &mut dyn std::io::Write) -> i32;

fn corpus(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/programs")
        .join(relative)
}

/// How much of stderr must match: the last line (stages 02–04), or all of
/// it, the traceback included (from stage05).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // each stage's tests use one of the two
pub enum Stderr {
    LastLine,
    Whole,
}

/// Runs `tests/programs/NAME.pyc` through `stage` and compares it with the
/// recorded `.out`, `.exit` and the last line of `.err`; a failure shows both
/// streams, expected and actual.
#[allow(dead_code)] // stage05's tests call the other one
pub fn assert_matches_cpython(run_cli: RunCli, stage: &str, name: &str) {
    assert_matches(run_cli, stage, name, Stderr::LastLine);
}

/// As [`assert_matches_cpython`], with how much of stderr must match.
pub fn assert_matches(run_cli: RunCli, stage: &str, name: &str, check: Stderr) {
    let pyc = corpus(&format!("{name}.pyc"));
    let read = |ext: &str| {
        std::fs::read_to_string(corpus(&format!("{name}.{ext}")))
            .unwrap_or_else(|e| panic!("{name}.{ext}: {e}"))
    };
    let args = vec![OsString::from(stage), pyc.into_os_string()];
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let status = run_cli(args, &mut stdout, &mut stderr);
    let stdout = String::from_utf8_lossy(&stdout);
    let stderr = String::from_utf8_lossy(&stderr);
    let (want_out, want_err, want_exit) = (read("out"), read("err"), read("exit"));
    let last = |text: &str| text.lines().last().unwrap_or("").to_string();
    let matches = stdout == want_out
        && status.to_string() == want_exit.trim()
        && match check {
            Stderr::LastLine => last(&stderr) == last(&want_err),
            Stderr::Whole => stderr == want_err,
        };
    let what = match check {
        Stderr::LastLine => "the last line of stderr",
        Stderr::Whole => "the whole of stderr",
    };
    assert!(
        matches,
        "{name}.pyc does not behave as CPython did (stdout, exit status and {what} \
         must match)\n\
         --- expected stdout (CPython)\n{want_out}\n--- actual stdout ({stage})\n{stdout}\n\
         --- expected stderr\n{want_err}\n--- actual stderr\n{stderr}\n\
         --- exit status: expected {}, actual {status}",
        want_exit.trim()
    );
}
