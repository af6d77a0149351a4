//! Chapter 5's sections, graded on the corpus programs that teach them:
//! `cargo test -p stage05 s05_2` runs section 5.2 alone. Each program runs
//! through `stage05` and must print what CPython printed when the corpus was
//! recorded (`cargo xtask corpus`): stdout, exit status and, from this stage
//! on, the whole of stderr, its traceback included.

#[path = "../../../tests/support/corpus_program.rs"]
mod corpus_program;

use corpus_program::Stderr;

fn assert_matches_cpython(name: &str) {
    corpus_program::assert_matches(stage05::run_cli, "stage05", name, Stderr::Whole);
}

// 5.1 The hierarchy and except clauses.
#[test]
fn s05_1_try_except_bare_except() {
    assert_matches_cpython("05_try_except/bare_except");
}

#[test]
fn s05_1_try_except_catch_and_continue() {
    assert_matches_cpython("05_try_except/catch_and_continue");
}

#[test]
fn s05_1_try_except_except_as() {
    assert_matches_cpython("05_try_except/except_as");
}

#[test]
fn s05_1_try_except_except_tuple() {
    assert_matches_cpython("05_try_except/except_tuple");
}

#[test]
fn s05_1_try_except_nested_try() {
    assert_matches_cpython("05_try_except/nested_try");
}

#[test]
fn s05_1_try_except_several_clauses() {
    assert_matches_cpython("05_try_except/several_clauses");
}

#[test]
fn s05_1_try_except_try_else() {
    assert_matches_cpython("05_try_except/try_else");
}

#[test]
fn s05_1_try_except_unmatched_propagates() {
    assert_matches_cpython("05_try_except/unmatched_propagates");
}

#[test]
fn s05_1_hierarchy_args_str_repr() {
    assert_matches_cpython("05_hierarchy/args_str_repr");
}

#[test]
fn s05_1_hierarchy_catch_by_base() {
    assert_matches_cpython("05_hierarchy/catch_by_base");
}

#[test]
fn s05_1_hierarchy_exception_class_names() {
    assert_matches_cpython("05_hierarchy/exception_class_names");
}

#[test]
fn s05_1_hierarchy_isinstance_checks() {
    assert_matches_cpython("05_hierarchy/isinstance_checks");
}

#[test]
fn s05_1_hierarchy_issubclass_tree() {
    assert_matches_cpython("05_hierarchy/issubclass_tree");
}

#[test]
fn s05_1_hierarchy_not_raised() {
    assert_matches_cpython("05_hierarchy/not_raised");
}

// 5.2 Exception tables and handlers.
#[test]
fn s05_2_finally_all_four_clauses() {
    assert_matches_cpython("05_finally/all_four_clauses");
}

#[test]
fn s05_2_finally_always_runs() {
    assert_matches_cpython("05_finally/always_runs");
}

#[test]
fn s05_2_finally_break_continue_in_finally() {
    assert_matches_cpython("05_finally/break_continue_in_finally");
}

#[test]
fn s05_2_finally_exception_in_finally() {
    assert_matches_cpython("05_finally/exception_in_finally");
}

#[test]
fn s05_2_finally_finally_on_return() {
    assert_matches_cpython("05_finally/finally_on_return");
}

#[test]
fn s05_2_finally_finally_then_uncaught() {
    assert_matches_cpython("05_finally/finally_then_uncaught");
}

#[test]
fn s05_2_finally_return_in_finally() {
    assert_matches_cpython("05_finally/return_in_finally");
}

#[test]
fn s05_2_unwinding_callback_errors() {
    assert_matches_cpython("05_unwinding/callback_errors");
}

#[test]
fn s05_2_unwinding_finally_order_across_frames() {
    assert_matches_cpython("05_unwinding/finally_order_across_frames");
}

#[test]
fn s05_2_unwinding_handled_state_restored() {
    assert_matches_cpython("05_unwinding/handled_state_restored");
}

#[test]
fn s05_2_unwinding_handler_raises_caught() {
    assert_matches_cpython("05_unwinding/handler_raises_caught");
}

#[test]
fn s05_2_unwinding_loop_control_in_try() {
    assert_matches_cpython("05_unwinding/loop_control_in_try");
}

#[test]
fn s05_2_unwinding_retry_loop() {
    assert_matches_cpython("05_unwinding/retry_loop");
}

#[test]
fn s05_2_unwinding_return_from_handler() {
    assert_matches_cpython("05_unwinding/return_from_handler");
}

#[test]
fn s05_2_unwinding_stack_restored() {
    assert_matches_cpython("05_unwinding/stack_restored");
}

#[test]
fn s05_2_unwinding_unwind_deep_recursion() {
    assert_matches_cpython("05_unwinding/unwind_deep_recursion");
}

// 5.3 Raising and chaining.
#[test]
fn s05_3_raise_assert_statement() {
    assert_matches_cpython("05_raise/assert_statement");
}

#[test]
fn s05_3_raise_bare_reraise() {
    assert_matches_cpython("05_raise/bare_reraise");
}

#[test]
fn s05_3_raise_catch_non_class() {
    assert_matches_cpython("05_raise/catch_non_class");
}

#[test]
fn s05_3_raise_keyboard_interrupt() {
    assert_matches_cpython("05_raise/keyboard_interrupt");
}

#[test]
fn s05_3_raise_raise_across_calls() {
    assert_matches_cpython("05_raise/raise_across_calls");
}

#[test]
fn s05_3_raise_raise_forms() {
    assert_matches_cpython("05_raise/raise_forms");
}

#[test]
fn s05_3_raise_raise_non_exception() {
    assert_matches_cpython("05_raise/raise_non_exception");
}

#[test]
fn s05_3_raise_reraise_without_active() {
    assert_matches_cpython("05_raise/reraise_without_active");
}

#[test]
fn s05_3_chaining_cause_uncaught() {
    assert_matches_cpython("05_chaining/cause_uncaught");
}

#[test]
fn s05_3_chaining_chain_of_three() {
    assert_matches_cpython("05_chaining/chain_of_three");
}

#[test]
fn s05_3_chaining_context_in_finally() {
    assert_matches_cpython("05_chaining/context_in_finally");
}

#[test]
fn s05_3_chaining_context_not_self() {
    assert_matches_cpython("05_chaining/context_not_self");
}

#[test]
fn s05_3_chaining_context_uncaught() {
    assert_matches_cpython("05_chaining/context_uncaught");
}

#[test]
fn s05_3_chaining_explicit_cause() {
    assert_matches_cpython("05_chaining/explicit_cause");
}

#[test]
fn s05_3_chaining_from_none() {
    assert_matches_cpython("05_chaining/from_none");
}

#[test]
fn s05_3_chaining_from_none_uncaught() {
    assert_matches_cpython("05_chaining/from_none_uncaught");
}

#[test]
fn s05_3_chaining_implicit_context() {
    assert_matches_cpython("05_chaining/implicit_context");
}

// 5.4 Tracebacks.
#[test]
fn s05_4_tracebacks_assert_uncaught() {
    assert_matches_cpython("05_tracebacks/assert_uncaught");
}

#[test]
fn s05_4_tracebacks_bare_assert_uncaught() {
    assert_matches_cpython("05_tracebacks/bare_assert_uncaught");
}

#[test]
fn s05_4_tracebacks_attribute_error_suggestion() {
    assert_matches_cpython("05_tracebacks/attribute_error_suggestion");
}

#[test]
fn s05_4_tracebacks_name_error_suggestion() {
    assert_matches_cpython("05_tracebacks/name_error_suggestion");
}

#[test]
fn s05_4_tracebacks_carets_binary_op() {
    assert_matches_cpython("05_tracebacks/carets_binary_op");
}

#[test]
fn s05_4_tracebacks_carets_call() {
    assert_matches_cpython("05_tracebacks/carets_call");
}

#[test]
fn s05_4_tracebacks_carets_subscript() {
    assert_matches_cpython("05_tracebacks/carets_subscript");
}

#[test]
fn s05_4_tracebacks_multiline_expression() {
    assert_matches_cpython("05_tracebacks/multiline_expression");
}

#[test]
fn s05_4_tracebacks_non_ascii_line() {
    assert_matches_cpython("05_tracebacks/non_ascii_line");
}

#[test]
fn s05_4_tracebacks_whole_line_statement() {
    assert_matches_cpython("05_tracebacks/whole_line_statement");
}

#[test]
fn s05_4_traceback_frames_bare_raise_uncaught() {
    assert_matches_cpython("05_traceback_frames/bare_raise_uncaught");
}

#[test]
fn s05_4_traceback_frames_error_in_map() {
    assert_matches_cpython("05_traceback_frames/error_in_map");
}

#[test]
fn s05_4_traceback_frames_error_in_sort_key() {
    assert_matches_cpython("05_traceback_frames/error_in_sort_key");
}

#[test]
fn s05_4_traceback_frames_no_active_exception() {
    assert_matches_cpython("05_traceback_frames/no_active_exception");
}

#[test]
fn s05_4_traceback_frames_raise_caught_again() {
    assert_matches_cpython("05_traceback_frames/raise_caught_again");
}

#[test]
fn s05_4_traceback_frames_recursion_repeated_once() {
    assert_matches_cpython("05_traceback_frames/recursion_repeated_once");
}

#[test]
fn s05_4_traceback_frames_recursion_uncaught() {
    assert_matches_cpython("05_traceback_frames/recursion_uncaught");
}

#[test]
fn s05_4_traceback_frames_three_functions() {
    assert_matches_cpython("05_traceback_frames/three_functions");
}

#[test]
fn s05_4_builtin_errors_attribute_and_name() {
    assert_matches_cpython("05_builtin_errors/attribute_and_name");
}

#[test]
fn s05_4_builtin_errors_index_error() {
    assert_matches_cpython("05_builtin_errors/index_error");
}

#[test]
fn s05_4_builtin_errors_key_error() {
    assert_matches_cpython("05_builtin_errors/key_error");
}

#[test]
fn s05_4_builtin_errors_overflow_error() {
    assert_matches_cpython("05_builtin_errors/overflow_error");
}

#[test]
fn s05_4_builtin_errors_recursion_caught() {
    assert_matches_cpython("05_builtin_errors/recursion_caught");
}

#[test]
fn s05_4_builtin_errors_stop_iteration() {
    assert_matches_cpython("05_builtin_errors/stop_iteration");
}

#[test]
fn s05_4_builtin_errors_type_errors() {
    assert_matches_cpython("05_builtin_errors/type_errors");
}

#[test]
fn s05_4_builtin_errors_unbound_local() {
    assert_matches_cpython("05_builtin_errors/unbound_local");
}

#[test]
fn s05_4_builtin_errors_value_errors() {
    assert_matches_cpython("05_builtin_errors/value_errors");
}

#[test]
fn s05_4_builtin_errors_zero_division() {
    assert_matches_cpython("05_builtin_errors/zero_division");
}
