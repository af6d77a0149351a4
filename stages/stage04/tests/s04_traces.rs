//! Section 4.7, watching loops: the `--trace` of loop programs (insta
//! snapshots, the coursework view of this stage). A jump shows as the offset
//! of the next line; `FOR_ITER` pops its spent iterator and jumps past the
//! loop.

use std::ffi::OsString;
use std::path::PathBuf;

/// Runs `stage04 ARGS…`: (status, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let mut argv = vec![OsString::from("stage04")];
    argv.extend(args.iter().map(OsString::from));
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let status = stage04::run_cli(argv, &mut stdout, &mut stderr);
    (
        status,
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

fn path(relative: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(relative)
        .display()
        .to_string()
}

/// The trace of a program.
fn trace(relative: &str) -> String {
    let (status, stdout, stderr) = run(&["--trace", &path(relative)]);
    format!("status: {status}\n--- stdout\n{stdout}--- stderr (trace)\n{stderr}")
}

#[test]
fn s04_7_trace_of_a_while_and_a_for_loop() {
    insta::assert_snapshot!(trace("tests/fixtures/count_down.pyc"));
}

#[test]
fn s04_7_trace_of_a_comprehension() {
    insta::assert_snapshot!(trace("tests/fixtures/squares.pyc"));
}

#[test]
fn s04_2_a_loop_that_never_ends_stops_at_the_instruction_budget() {
    // `while True: pass` jumps back for ever; the budget ends it with a VM
    // error instead of a hang (the mutation test relies on it).
    let code =
        stage04::pyc::load_pyc_file(std::path::Path::new(&path("tests/fixtures/forever.pyc")))
            .expect("the fixture loads");
    let limits = stage04::eval::Limits {
        max_instructions: 1000,
    };
    let mut out = Vec::new();
    let result = stage04::eval::run_code(code, &mut out, limits);
    let error = result.expect_err("the budget must stop the loop");
    assert!(error.to_string().contains("budget"), "{error}");
    assert_eq!(String::from_utf8_lossy(&out), "start\n");
}
