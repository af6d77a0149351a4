//! Chapter 6's sections, graded on the corpus programs that teach them:
//! `cargo test -p stage06 s06_2` runs section 6.2 alone, and
//! `cargo xtask exercise check 6.2` grades its exercise. Each program runs
//! through `stage06` and must print what CPython printed when the corpus was
//! recorded (`cargo xtask corpus`): stdout, exit status and the whole of
//! stderr, its traceback included.

#[path = "../../../tests/support/corpus_program.rs"]
mod corpus_program;

use corpus_program::Stderr;

fn assert_matches_cpython(name: &str) {
    corpus_program::assert_matches(stage06::run_cli, "stage06", name, Stderr::Whole);
}

// 6.1 Cells and closures: a variable an inner function reads lives in a cell,
// shared by every function that closes over it (`copy_free_vars`).
#[test]
fn s06_1_closures_accumulators() {
    assert_matches_cpython("06_closures/accumulators");
}

#[test]
fn s06_1_closures_counter_factory() {
    assert_matches_cpython("06_closures/counter_factory");
}

#[test]
fn s06_1_closures_decorators() {
    assert_matches_cpython("06_closures/decorators");
}

#[test]
fn s06_1_closures_lambdas_and_comprehensions() {
    assert_matches_cpython("06_closures/lambdas_and_comprehensions");
}

#[test]
fn s06_1_closures_late_binding() {
    assert_matches_cpython("06_closures/late_binding");
}

#[test]
fn s06_1_closures_over_parameters() {
    assert_matches_cpython("06_closures/over_parameters");
}

#[test]
fn s06_1_closures_recursive_inner() {
    assert_matches_cpython("06_closures/recursive_inner");
}

#[test]
fn s06_1_closures_three_levels() {
    assert_matches_cpython("06_closures/three_levels");
}

#[test]
fn s06_1_nonlocal_augmented() {
    assert_matches_cpython("06_nonlocal/augmented");
}

#[test]
fn s06_1_nonlocal_closures_in_loop_state() {
    assert_matches_cpython("06_nonlocal/closures_in_loop_state");
}

#[test]
fn s06_1_nonlocal_nearest_scope() {
    assert_matches_cpython("06_nonlocal/nearest_scope");
}

#[test]
fn s06_1_nonlocal_rebind_or_shadow() {
    assert_matches_cpython("06_nonlocal/rebind_or_shadow");
}

#[test]
fn s06_1_nonlocal_state_machine() {
    assert_matches_cpython("06_nonlocal/state_machine");
}

#[test]
fn s06_1_nonlocal_targets() {
    assert_matches_cpython("06_nonlocal/targets");
}

#[test]
fn s06_1_cells_cell_tracks_frame() {
    assert_matches_cpython("06_cells/cell_tracks_frame");
}

#[test]
fn s06_1_cells_closure_attribute() {
    assert_matches_cpython("06_cells/closure_attribute");
}

#[test]
fn s06_1_cells_delete_cell() {
    assert_matches_cpython("06_cells/delete_cell");
}

#[test]
fn s06_1_cells_empty_cell() {
    assert_matches_cpython("06_cells/empty_cell");
}

#[test]
fn s06_1_cells_except_target_cell() {
    assert_matches_cpython("06_cells/except_target_cell");
}

#[test]
fn s06_1_cells_parameter_cells() {
    assert_matches_cpython("06_cells/parameter_cells");
}

#[test]
fn s06_1_cells_shared_cells() {
    assert_matches_cpython("06_cells/shared_cells");
}

#[test]
fn s06_1_closure_errors_deleted_cell_uncaught() {
    assert_matches_cpython("06_closure_errors/deleted_cell_uncaught");
}

#[test]
fn s06_1_closure_errors_error_in_nested_closure() {
    assert_matches_cpython("06_closure_errors/error_in_nested_closure");
}

#[test]
fn s06_1_closure_errors_free_before_assigned() {
    assert_matches_cpython("06_closure_errors/free_before_assigned");
}

#[test]
fn s06_1_closure_errors_free_before_assigned_uncaught() {
    assert_matches_cpython("06_closure_errors/free_before_assigned_uncaught");
}

#[test]
fn s06_1_closure_errors_nonlocal_deleted_uncaught() {
    assert_matches_cpython("06_closure_errors/nonlocal_deleted_uncaught");
}

// 6.2 Generators: frames that leave the stack at a yield and come back,
// resumed by `for`, `yield from`, generator expressions and the methods
// (`Handoff::deliver`).
#[test]
fn s06_2_generators_closures_and_generators() {
    assert_matches_cpython("06_generators/closures_and_generators");
}

#[test]
fn s06_2_generators_independent_state() {
    assert_matches_cpython("06_generators/independent_state");
}

#[test]
fn s06_2_generators_infinite() {
    assert_matches_cpython("06_generators/infinite");
}

#[test]
fn s06_2_generators_next_until_stop() {
    assert_matches_cpython("06_generators/next_until_stop");
}

#[test]
fn s06_2_generators_pipeline() {
    assert_matches_cpython("06_generators/pipeline");
}

#[test]
fn s06_2_generators_return_value() {
    assert_matches_cpython("06_generators/return_value");
}

#[test]
fn s06_2_generators_suspension() {
    assert_matches_cpython("06_generators/suspension");
}

#[test]
fn s06_2_generators_yield_expressions() {
    assert_matches_cpython("06_generators/yield_expressions");
}

#[test]
fn s06_2_genexpr_basics() {
    assert_matches_cpython("06_genexpr/basics");
}

#[test]
fn s06_2_genexpr_builtins_consume() {
    assert_matches_cpython("06_genexpr/builtins_consume");
}

#[test]
fn s06_2_genexpr_enclosing_scope() {
    assert_matches_cpython("06_genexpr/enclosing_scope");
}

#[test]
fn s06_2_genexpr_lazy_and_eager() {
    assert_matches_cpython("06_genexpr/lazy_and_eager");
}

#[test]
fn s06_2_genexpr_nested_pipeline() {
    assert_matches_cpython("06_genexpr/nested_pipeline");
}

#[test]
fn s06_2_genexpr_single_pass() {
    assert_matches_cpython("06_genexpr/single_pass");
}

#[test]
fn s06_2_yield_from_close_through() {
    assert_matches_cpython("06_yield_from/close_through");
}

#[test]
fn s06_2_yield_from_deep_chain() {
    assert_matches_cpython("06_yield_from/deep_chain");
}

#[test]
fn s06_2_yield_from_delegate_iterables() {
    assert_matches_cpython("06_yield_from/delegate_iterables");
}

#[test]
fn s06_2_yield_from_recursion_limit() {
    assert_matches_cpython("06_yield_from/recursion_limit");
}

#[test]
fn s06_2_yield_from_return_value() {
    assert_matches_cpython("06_yield_from/return_value");
}

#[test]
fn s06_2_yield_from_send_through() {
    assert_matches_cpython("06_yield_from/send_through");
}

#[test]
fn s06_2_yield_from_throw_through() {
    assert_matches_cpython("06_yield_from/throw_through");
}

#[test]
fn s06_2_generator_methods_close_ignored() {
    assert_matches_cpython("06_generator_methods/close_ignored");
}

#[test]
fn s06_2_generator_methods_close_runs_finally() {
    assert_matches_cpython("06_generator_methods/close_runs_finally");
}

#[test]
fn s06_2_generator_methods_closed_by_unwinding() {
    assert_matches_cpython("06_generator_methods/closed_by_unwinding");
}

#[test]
fn s06_2_generator_methods_finalize_on_drop() {
    assert_matches_cpython("06_generator_methods/finalize_on_drop");
}

#[test]
fn s06_2_generator_methods_running_and_frame() {
    assert_matches_cpython("06_generator_methods/running_and_frame");
}

#[test]
fn s06_2_generator_methods_send_errors() {
    assert_matches_cpython("06_generator_methods/send_errors");
}

#[test]
fn s06_2_generator_methods_send_values() {
    assert_matches_cpython("06_generator_methods/send_values");
}

#[test]
fn s06_2_generator_methods_throw_caught() {
    assert_matches_cpython("06_generator_methods/throw_caught");
}

#[test]
fn s06_2_generator_methods_throw_uncaught() {
    assert_matches_cpython("06_generator_methods/throw_uncaught");
}

// 6.3 Errors in generators: an exception that leaves a generator's frame
// closes the generator, and a StopIteration becomes RuntimeError (PEP 479,
// `generator_raised`).
#[test]
fn s06_3_generator_errors_already_executing() {
    assert_matches_cpython("06_generator_errors/already_executing");
}

#[test]
fn s06_3_generator_errors_already_executing_uncaught() {
    assert_matches_cpython("06_generator_errors/already_executing_uncaught");
}

#[test]
fn s06_3_generator_errors_error_ends_generator() {
    assert_matches_cpython("06_generator_errors/error_ends_generator");
}

#[test]
fn s06_3_generator_errors_error_in_pipeline_uncaught() {
    assert_matches_cpython("06_generator_errors/error_in_pipeline_uncaught");
}

#[test]
fn s06_3_generator_errors_genexpr_not_iterable_uncaught() {
    assert_matches_cpython("06_generator_errors/genexpr_not_iterable_uncaught");
}

#[test]
fn s06_3_generator_errors_ignored_exit_uncaught() {
    assert_matches_cpython("06_generator_errors/ignored_exit_uncaught");
}

#[test]
fn s06_3_generator_errors_send_to_iterator() {
    assert_matches_cpython("06_generator_errors/send_to_iterator");
}

#[test]
fn s06_3_generator_errors_stop_iteration_caught() {
    assert_matches_cpython("06_generator_errors/stop_iteration_caught");
}

#[test]
fn s06_3_generator_errors_stop_iteration_uncaught() {
    assert_matches_cpython("06_generator_errors/stop_iteration_uncaught");
}
