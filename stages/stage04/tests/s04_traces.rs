//! Section 4.7, watching loops: the `--trace` of loop programs (insta
//! snapshots, the coursework view of this stage). A jump shows as the offset
//! of the next line; `FOR_ITER` pops its spent iterator and jumps past the
//! loop.

#[path = "../../../tests/support/cli_run.rs"]
mod cli_run;

fn path(relative: &str) -> String {
    cli_run::path(relative)
}

/// The trace of a program.
fn trace(relative: &str) -> String {
    cli_run::trace(stage04::run_cli, "stage04", relative)
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
