//! Hostile programs for closures and generators, each run on a thread with a
//! small stack (1 MiB), where a Rust recursion once per generator or once per
//! link of a chain overflows: deep `yield from` chains and recursion through
//! generators (stopped by `RecursionError`, as in CPython), `throw()` and
//! `close()` sent down a chain 990 generators deep, chains of 200,000
//! closures or generators freed at once, and generators that advance or
//! close themselves while they run.
//!
//! Each program is `tests/fixtures/NAME.py`, compiled by CPython 3.11 with
//! `py_compile.compile(SRC, cfile=SRC + 'c', invalidation_mode=
//! py_compile.PycInvalidationMode.UNCHECKED_HASH)` in that folder, and the
//! expected stdout and exit status are what `python3.11 NAME.py` (3.11.7)
//! printed: CPython's, not this stage's.

use std::ffi::OsString;
use std::path::PathBuf;

/// Runs `tests/fixtures/NAME.pyc` through `stage06` on a 1 MiB stack and
/// checks its stdout and exit status against CPython's.
fn assert_runs_like_cpython(name: &str, cpython_stdout: &str, cpython_status: i32) {
    let program = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.pyc"));
    let (status, stdout, stderr) = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let args = vec![OsString::from("stage06"), program.into_os_string()];
            let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
            let status = stage06::run_cli(args, &mut stdout, &mut stderr);
            (status, stdout, stderr)
        })
        .expect("spawn the small-stack thread")
        .join()
        .expect("no stack overflow, no panic");
    let stdout = String::from_utf8_lossy(&stdout);
    let stderr = String::from_utf8_lossy(&stderr);
    assert_eq!(
        stdout, cpython_stdout,
        "{name}: stdout\n--- stderr\n{stderr}"
    );
    assert_eq!(
        status, cpython_status,
        "{name}: exit status\n--- stderr\n{stderr}"
    );
}

// 6.2 Deep chains of generators: the limit is the recursion limit, not the
// Rust stack.

#[test]
fn s06_2_a_yield_from_chain_10000_deep_stops_at_the_recursion_limit() {
    // CPython 3.11.7's output.
    assert_runs_like_cpython(
        "yield_from_chain",
        "RecursionError maximum recursion depth exceeded\n901\n",
        0,
    );
}

#[test]
fn s06_2_recursion_through_for_loops_over_generators_stops_at_the_limit() {
    // CPython 3.11.7's output.
    assert_runs_like_cpython(
        "for_recursion",
        "RecursionError maximum recursion depth exceeded\nTrue [0, 1, 2]\n",
        0,
    );
}

#[test]
fn s06_2_sum_of_a_generator_delegating_10000_deep_stops_at_the_limit() {
    // CPython 3.11.7's output.
    assert_runs_like_cpython(
        "tree_size",
        "RecursionError maximum recursion depth exceeded\n901\n",
        0,
    );
}

#[test]
fn s06_2_throw_down_a_yield_from_chain_990_deep() {
    // CPython 3.11.7's output.
    assert_runs_like_cpython(
        "throw_deep",
        "bottom\nbottom finally\nreturned: caught x\n\
         bottom\nbottom finally\ncame back up: KeyError('k')\nNone exhausted\n",
        0,
    );
}

#[test]
fn s06_2_close_down_a_yield_from_chain_990_deep() {
    // CPython 3.11.7's output.
    assert_runs_like_cpython(
        "close_deep",
        "bottom\nbottom finally\nclosed None\n\
         bottom\nRuntimeError generator ignored GeneratorExit\n",
        0,
    );
}

// Long chains freed at once: no Rust recursion once per link.

#[test]
fn s06_1_a_chain_of_200000_closures_is_freed_without_deep_recursion() {
    // CPython 3.11.7's output.
    assert_runs_like_cpython("closure_chain", "True True\nfreed\n", 0);
}

#[test]
fn s06_2_a_chain_of_200000_unstarted_generators_is_freed_without_deep_recursion() {
    // CPython 3.11.7's output.
    assert_runs_like_cpython("unstarted_chain", "generator False\nfreed\n", 0);
}

#[test]
fn s06_2_a_chain_of_200000_suspended_generators_is_closed_without_deep_recursion() {
    // CPython 3.11.7's output.
    assert_runs_like_cpython("suspended_chain", "True\nfreed\n", 0);
}

// 6.2 A generator that resumes or closes itself while it runs.

#[test]
fn s06_2_a_generator_that_advances_itself_is_already_executing() {
    // CPython 3.11.7's output.
    assert_runs_like_cpython(
        "advances_itself",
        "next: generator already executing\nsend: generator already executing\n\
         throw: generator already executing\nrunning: True\ndone\n\
         uncaught: generator already executing\nexhausted None\n",
        0,
    );
}

#[test]
fn s06_2_a_generator_that_closes_itself_is_already_executing() {
    // CPython 3.11.7's output.
    assert_runs_like_cpython(
        "closes_itself",
        "close: generator already executing\n1\n\
         uncaught: generator already executing\n[] False\n",
        0,
    );
}
