//! Bytecode that breaks what a closure or a generator instruction relies on
//! must stop the stage with a VM error (exit status 2, "bad bytecode at
//! offset N"), never a panic: a `YIELD_VALUE` in a frame no generator owns,
//! `COPY_FREE_VARS` in a function made without a closure, `LOAD_DEREF` of a
//! slot that holds no cell, `RETURN_GENERATOR` inside a running generator,
//! `SEND` to a NULL. CPython trusts its compiler here; the workbook reads
//! files from anywhere. The `.pyc` files are CPython 3.11's code objects
//! with one instruction changed, written by `tests/fixtures/bad/
//! make_bad_bytecode.py`.

use std::ffi::OsString;
use std::path::PathBuf;

/// Runs `tests/fixtures/bad/NAME.pyc` and checks that it stops with exit
/// status 2 and `message` on stderr.
fn assert_refused(name: &str, message: &str) {
    let program = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(format!("{name}.pyc"));
    let shown = program.display().to_string();
    let args = vec![OsString::from("stage06"), program.into_os_string()];
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let status = stage06::run_cli(args, &mut stdout, &mut stderr);
    let stderr = String::from_utf8_lossy(&stderr);
    assert_eq!(status, 2, "{name}: exit status\n--- stderr\n{stderr}");
    assert_eq!(
        stderr,
        format!("stage06: {shown}: bad bytecode at {message}\n")
    );
}

#[test]
fn s06_1_copy_free_vars_without_a_closure_is_bad_bytecode() {
    assert_refused(
        "no_closure",
        "offset 0: COPY_FREE_VARS in a frame without a closure",
    );
}

#[test]
fn s06_1_load_deref_of_a_slot_without_a_cell_is_bad_bytecode() {
    assert_refused("deref_no_cell", "offset 2: fast local 0 holds no cell");
}

#[test]
fn s06_2_yield_value_outside_a_generator_is_bad_bytecode() {
    assert_refused(
        "yield_in_module",
        "offset 4: YIELD_VALUE outside a generator's frame",
    );
}

#[test]
fn s06_2_return_generator_in_a_running_generator_is_bad_bytecode() {
    assert_refused(
        "generator_twice",
        "offset 16: RETURN_GENERATOR in a generator's frame",
    );
}

#[test]
fn s06_2_send_to_a_null_is_bad_bytecode() {
    assert_refused("send_null", "offset 12: SEND to a NULL");
}
