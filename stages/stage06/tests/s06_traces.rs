//! Watching closures and generators (insta snapshots of `--trace`, the
//! coursework view of this stage). A cell shows on the stack with what it
//! holds (`cell(1)`, `cell(empty)`); a generator's life shows as frames
//! leaving and coming back: `<-- pop gen becomes a generator (created)`,
//! `--> resume gen at offset N`, `<-- pop gen yields V (suspended at N)`,
//! `<-- pop gen returns V (generator closed)`, and an exception that leaves
//! its frame `raises E, closing its generator`.
//!
//! The programs are `tests/fixtures/NAME.py`, compiled as `s06_limits.rs`
//! says.

#[path = "../../../tests/support/cli_run.rs"]
mod cli_run;

/// The trace of a program.
fn trace(relative: &str) -> String {
    cli_run::trace(stage06::run_cli, "stage06", relative)
}

#[test]
fn s06_1_trace_of_two_closures_sharing_a_cell() {
    insta::assert_snapshot!(trace("tests/fixtures/shared_counter.pyc"));
}

#[test]
fn s06_2_trace_of_a_generator_stepped_from_created_to_closed() {
    insta::assert_snapshot!(trace("tests/fixtures/stepped.pyc"));
}

#[test]
fn s06_2_trace_of_values_sent_into_a_generator() {
    insta::assert_snapshot!(trace("tests/fixtures/send_values.pyc"));
}

#[test]
fn s06_2_trace_of_a_yield_from_pipeline() {
    insta::assert_snapshot!(trace("tests/fixtures/pipeline.pyc"));
}

#[test]
fn s06_3_trace_of_a_generator_ended_by_an_exception() {
    insta::assert_snapshot!(trace("tests/fixtures/ended_by_error.pyc"));
}
