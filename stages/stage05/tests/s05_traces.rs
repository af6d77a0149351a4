//! Watching exceptions: the exception tables of two programs (`--code`) and
//! the `--trace` of their runs (insta snapshots, the coursework view of this
//! stage). An unwinding shows as `<-- pop f raises E` for each frame that has
//! no handler, and `--> handler at N` with the depth the stack is cut to.

#[path = "../../../tests/support/cli_run.rs"]
mod cli_run;

/// Runs `stage05 ARGS…`: (status, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    cli_run::run(stage05::run_cli, "stage05", args)
}

fn path(relative: &str) -> String {
    cli_run::path(relative)
}

/// The trace of a program.
fn trace(relative: &str) -> String {
    cli_run::trace(stage05::run_cli, "stage05", relative)
}

/// The exception table section of `--code` for every code object: each
/// code object's `Name:` line, then its `ExceptionTable:` and the entries.
fn exception_tables(relative: &str) -> String {
    let (status, stdout, _) = run(&["--code", &path(relative)]);
    assert_eq!(status, 0);
    let mut kept = Vec::new();
    let mut in_table = false;
    for line in stdout.lines() {
        if line.starts_with("Name:") || line == "ExceptionTable:" {
            kept.push(line);
            in_table = line == "ExceptionTable:";
        } else if in_table && line.starts_with("  ") {
            kept.push(line);
        } else {
            in_table = false;
        }
    }
    kept.join("\n") + "\n"
}

#[test]
fn s05_2_exception_table_of_try_except() {
    insta::assert_snapshot!(exception_tables("tests/fixtures/two_frames.pyc"));
}

#[test]
fn s05_2_exception_table_of_try_finally() {
    insta::assert_snapshot!(exception_tables("tests/fixtures/try_finally.pyc"));
}

#[test]
fn s05_3_trace_of_an_exception_unwinding_through_two_frames() {
    insta::assert_snapshot!(trace("tests/fixtures/two_frames.pyc"));
}

#[test]
fn s05_3_trace_of_a_finally_block_and_an_uncaught_exception() {
    insta::assert_snapshot!(trace("tests/fixtures/try_finally.pyc"));
}
