//! A stage never runs a program to a wrong result: what a later stage runs (a
//! `try`, a `for` loop, the builtin `range`, a closure) stops it with exit
//! status 2 and a message naming that stage, after the output the program made
//! before it. A Python exception instead would be caught by a later stage's
//! `except` and send the program down another path (`tests/limits/README.md`).

use std::ffi::OsString;
use std::path::PathBuf;

use conformance::corpus::check::{run_stage, RunCli};

fn limit_program(name: &str) -> OsString {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../limits")
        .join(name)
        .into_os_string()
}

/// Runs `stage` on `tests/limits/NAME.pyc` and checks it printed `before`,
/// exited 2, and said what stops it.
fn assert_refused(run_cli: RunCli, stage: &str, name: &str, says: &str) {
    let outcome = run_stage(run_cli, stage, &[limit_program(&format!("{name}.pyc"))]);
    let stdout = String::from_utf8_lossy(&outcome.stdout);
    let stderr = String::from_utf8_lossy(&outcome.stderr);
    assert_eq!((outcome.exit, stdout.as_ref()), (2, "before\n"), "{stderr}");
    assert!(
        stderr.starts_with(&format!("{stage}: ")) && stderr.trim_end().ends_with(says),
        "{stage} on {name}: {stderr}"
    );
    assert!(!stderr.contains("Error:"), "a Python exception: {stderr}");
}

const CASES: &[(&str, &str)] = &[
    (
        "try_except",
        "catching ZeroDivisionError (a try statement) runs from stage05 (chapter 5)",
    ),
    (
        "range_loop",
        "the builtin 'range' runs from stage04 (chapter 4)",
    ),
    (
        "for_loop",
        "GET_ITER (a for loop) runs from stage04 (chapter 4)",
    ),
    (
        "str_encoding",
        "str() with an encoding is not implemented in this workbook yet",
    ),
];

#[test]
fn s03_limits_stage03_refuses_what_a_later_stage_runs() {
    for (name, says) in CASES {
        let says = if says.ends_with(')') {
            format!("{says}, not in stage03")
        } else {
            says.to_string()
        };
        assert_refused(stage03::run_cli, "stage03", name, &says);
    }
    assert_refused(
        stage03::run_cli,
        "stage03",
        "closure",
        "MAKE_CELL (a closure) runs from stage06 (chapter 6), not in stage03",
    );
}

#[test]
fn s03_limits_stage02_refuses_what_a_later_stage_runs() {
    for (name, says) in CASES {
        let says = if says.ends_with(')') {
            format!("{says}, not in stage02")
        } else {
            says.to_string()
        };
        assert_refused(stage02::run_cli, "stage02", name, &says);
    }
}

/// `grep` for the old ways a limit showed: as a Python exception a program
/// could catch.
#[test]
fn s03_limits_no_limit_is_a_python_exception() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../stages");
    let mut offenders = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("stages dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.to_string_lossy().contains("/src/")
            {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for (n, line) in text.lines().enumerate() {
                    if line.contains("ExcType::NotImplementedError,")
                        || line.contains("not supported in stage")
                    {
                        offenders.push(format!("{}:{}", path.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "limits raised as Python exceptions: {offenders:?}"
    );
}
