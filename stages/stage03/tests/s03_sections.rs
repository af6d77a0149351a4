//! Chapter 3's first two sections, graded on the corpus programs that teach them:
//! `cargo test -p stage03 s03_1` and `cargo test -p stage03 s03_2`. Each program runs
//! through `stage03` and must print what CPython printed when the corpus was recorded
//! (`cargo xtask corpus`), with CPython's exit status and last line of stderr.

#[path = "../../../tests/support/corpus_program.rs"]
mod corpus_program;

fn assert_matches_cpython(name: &str) {
    corpus_program::assert_matches_cpython(stage03::run_cli, "stage03", name);
}

// 3.1 Code object, function object, frame.

#[test]
fn s03_1_make_function_builds_a_function_object_from_a_code_object() {
    assert_matches_cpython("03_functions/define_and_call");
}

#[test]
fn s03_1_function_attributes_come_from_the_code_and_make_function() {
    assert_matches_cpython("03_functions/function_attributes");
}

#[test]
fn s03_1_defaults_are_evaluated_once_at_definition() {
    assert_matches_cpython("03_binding/defaults");
}

#[test]
fn s03_1_annotations_become_a_dict() {
    assert_matches_cpython("03_functions/annotations");
}

#[test]
fn s03_1_functions_are_values() {
    assert_matches_cpython("03_functions/functions_are_values");
}

// 3.2 Frames and the call stack.

#[test]
fn s03_2_each_frame_has_its_own_value_stack() {
    assert_matches_cpython("03_functions/nested_calls");
}

#[test]
fn s03_2_many_calls_in_few_frames() {
    assert_matches_cpython("03_functions/many_calls_few_frames");
}

#[test]
fn s03_2_load_global_reads_the_module_namespace() {
    assert_matches_cpython("03_functions/globals");
}

#[test]
fn s03_2_fast_locals_shadow_globals() {
    assert_matches_cpython("03_functions/locals_shadow");
}

#[test]
fn s03_2_a_deleted_fast_local_is_unbound() {
    assert_matches_cpython("03_functions/delete_fast");
}

#[test]
fn s03_2_assignment_makes_a_name_local_for_the_whole_function() {
    assert_matches_cpython("03_functions/unbound_local");
}

#[test]
fn s03_2_return_values_travel_to_the_callers_stack() {
    assert_matches_cpython("03_functions/return_values");
}

// 3.3 Binding arguments: the fast path for exact positional calls and the general
// algorithm must agree, and a reused frame must not leak the last call's locals.

#[test]
fn s03_3_exact_args_and_general_binding_agree() {
    assert_matches_cpython("03_binding/exact_and_general");
}

#[test]
fn s03_3_a_reused_frame_keeps_no_stale_locals() {
    assert_matches_cpython("03_functions/recycled_frames");
}
