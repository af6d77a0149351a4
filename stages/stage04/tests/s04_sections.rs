//! Chapter 4's sections, graded on the corpus programs that teach them:
//! `cargo test -p stage04 s04_3` runs section 4.3 alone. Each program runs
//! through `stage04` and must print what CPython printed when the corpus was
//! recorded (`cargo xtask corpus`), with CPython's exit status and last line of
//! stderr.

#[path = "../../../tests/support/corpus_program.rs"]
mod corpus_program;

fn assert_matches_cpython(name: &str) {
    corpus_program::assert_matches_cpython(stage04::run_cli, "stage04", name);
}

// 4.1 Comparisons and branches.
#[test]
fn s04_1_compare_chained() {
    assert_matches_cpython("04_compare/chained");
}

#[test]
fn s04_1_compare_equality_across_types() {
    assert_matches_cpython("04_compare/equality_across_types");
}

#[test]
fn s04_1_compare_identity_and_membership() {
    assert_matches_cpython("04_compare/identity_and_membership");
}

#[test]
fn s04_1_compare_int_float_exact() {
    assert_matches_cpython("04_compare/int_float_exact");
}

#[test]
fn s04_1_compare_numbers() {
    assert_matches_cpython("04_compare/numbers");
}

#[test]
fn s04_1_compare_sequences() {
    assert_matches_cpython("04_compare/sequences");
}

#[test]
fn s04_1_branches_and_or_values() {
    assert_matches_cpython("04_branches/and_or_values");
}

#[test]
fn s04_1_branches_conditional_expression() {
    assert_matches_cpython("04_branches/conditional_expression");
}

#[test]
fn s04_1_branches_if_elif_else() {
    assert_matches_cpython("04_branches/if_elif_else");
}

#[test]
fn s04_1_branches_none_tests() {
    assert_matches_cpython("04_branches/none_tests");
}

#[test]
fn s04_1_branches_truthiness() {
    assert_matches_cpython("04_branches/truthiness");
}

#[test]
fn s04_1_errors_compare_str_int() {
    assert_matches_cpython("04_errors/compare_str_int");
}

// 4.2 Loops and the iterator protocol.
#[test]
fn s04_2_loops_break_continue() {
    assert_matches_cpython("04_loops/break_continue");
}

#[test]
fn s04_2_loops_iterate_kinds() {
    assert_matches_cpython("04_loops/iterate_kinds");
}

#[test]
fn s04_2_loops_loop_else() {
    assert_matches_cpython("04_loops/loop_else");
}

#[test]
fn s04_2_loops_nested_loops() {
    assert_matches_cpython("04_loops/nested_loops");
}

#[test]
fn s04_2_loops_while_loop() {
    assert_matches_cpython("04_loops/while_loop");
}

#[test]
fn s04_2_range_range_object() {
    assert_matches_cpython("04_range/range_object");
}

#[test]
fn s04_2_errors_dict_changed_during_iteration() {
    assert_matches_cpython("04_errors/dict_changed_during_iteration");
}

#[test]
fn s04_2_errors_next_exhausted() {
    assert_matches_cpython("04_errors/next_exhausted");
}

#[test]
fn s04_2_errors_not_iterable() {
    assert_matches_cpython("04_errors/not_iterable");
}

#[test]
fn s04_2_errors_range_step_zero() {
    assert_matches_cpython("04_errors/range_step_zero");
}

#[test]
fn s04_2_errors_set_changed_during_iteration() {
    assert_matches_cpython("04_errors/set_changed_during_iteration");
}

// 4.3 Lists, tuples, slices and unpacking.
#[test]
fn s04_3_lists_deep_list_drop() {
    assert_matches_cpython("04_lists/deep_list_drop");
}

#[test]
fn s04_3_lists_indexing() {
    assert_matches_cpython("04_lists/indexing");
}

#[test]
fn s04_3_lists_methods() {
    assert_matches_cpython("04_lists/methods");
}

#[test]
fn s04_3_lists_operators() {
    assert_matches_cpython("04_lists/operators");
}

#[test]
fn s04_3_lists_self_containing_repr() {
    assert_matches_cpython("04_lists/self_containing_repr");
}

#[test]
fn s04_3_lists_slice_assignment() {
    assert_matches_cpython("04_lists/slice_assignment");
}

#[test]
fn s04_3_lists_slicing() {
    assert_matches_cpython("04_lists/slicing");
}

#[test]
fn s04_3_lists_sort_key_reverse() {
    assert_matches_cpython("04_lists/sort_key_reverse");
}

#[test]
fn s04_3_tuples_methods_and_slicing() {
    assert_matches_cpython("04_tuples/methods_and_slicing");
}

#[test]
fn s04_3_unpacking_sequence() {
    assert_matches_cpython("04_unpacking/sequence");
}

#[test]
fn s04_3_unpacking_starred() {
    assert_matches_cpython("04_unpacking/starred");
}

#[test]
fn s04_3_unpacking_swaps() {
    assert_matches_cpython("04_unpacking/swaps");
}

#[test]
fn s04_3_errors_index_out_of_range() {
    assert_matches_cpython("04_errors/index_out_of_range");
}

#[test]
fn s04_3_errors_unpack_too_few() {
    assert_matches_cpython("04_errors/unpack_too_few");
}

#[test]
fn s04_3_errors_unpack_too_many() {
    assert_matches_cpython("04_errors/unpack_too_many");
}

#[test]
fn s04_3_errors_unpack_starred_too_few() {
    assert_matches_cpython("04_errors/unpack_starred_too_few");
}

#[test]
fn s04_3_errors_extended_slice_size() {
    assert_matches_cpython("04_errors/extended_slice_size");
}

#[test]
fn s04_3_errors_tuple_item_assignment() {
    assert_matches_cpython("04_errors/tuple_item_assignment");
}

#[test]
fn s04_3_errors_list_index_type() {
    assert_matches_cpython("04_errors/list_index_type");
}

#[test]
fn s04_3_errors_int_subscript() {
    assert_matches_cpython("04_errors/int_subscript");
}

#[test]
fn s04_3_errors_pop_from_empty() {
    assert_matches_cpython("04_errors/pop_from_empty");
}

#[test]
fn s04_3_errors_remove_missing_item() {
    assert_matches_cpython("04_errors/remove_missing_item");
}

#[test]
fn s04_3_errors_sort_mixed_types() {
    assert_matches_cpython("04_errors/sort_mixed_types");
}

// 4.4 Dicts and sets.
#[test]
fn s04_4_dicts_comprehension_and_merge() {
    assert_matches_cpython("04_dicts/comprehension_and_merge");
}

#[test]
fn s04_4_dicts_insertion_order() {
    assert_matches_cpython("04_dicts/insertion_order");
}

#[test]
fn s04_4_dicts_methods() {
    assert_matches_cpython("04_dicts/methods");
}

#[test]
fn s04_4_dicts_numeric_keys() {
    assert_matches_cpython("04_dicts/numeric_keys");
}

#[test]
fn s04_4_dicts_views() {
    assert_matches_cpython("04_dicts/views");
}

#[test]
fn s04_4_sets_frozensets() {
    assert_matches_cpython("04_sets/frozensets");
}

#[test]
fn s04_4_sets_iteration_order() {
    assert_matches_cpython("04_sets/iteration_order");
}

#[test]
fn s04_4_sets_methods() {
    assert_matches_cpython("04_sets/methods");
}

#[test]
fn s04_4_sets_operators() {
    assert_matches_cpython("04_sets/operators");
}

#[test]
fn s04_4_errors_key_error() {
    assert_matches_cpython("04_errors/key_error");
}

#[test]
fn s04_4_errors_unhashable_key() {
    assert_matches_cpython("04_errors/unhashable_key");
}

#[test]
fn s04_4_errors_set_remove_missing() {
    assert_matches_cpython("04_errors/set_remove_missing");
}

#[test]
fn s04_4_errors_dict_popitem_empty() {
    assert_matches_cpython("04_errors/dict_popitem_empty");
}

// 4.5 Methods and builtins.
#[test]
fn s04_5_strings_format_method() {
    assert_matches_cpython("04_strings/format_method");
}

#[test]
fn s04_5_strings_index_and_iterate() {
    assert_matches_cpython("04_strings/index_and_iterate");
}

#[test]
fn s04_5_strings_methods() {
    assert_matches_cpython("04_strings/methods");
}

#[test]
fn s04_5_strings_split_join() {
    assert_matches_cpython("04_strings/split_join");
}

#[test]
fn s04_5_bytes_basics() {
    assert_matches_cpython("04_bytes/basics");
}

#[test]
fn s04_5_builtins_containers() {
    assert_matches_cpython("04_builtins/containers");
}

#[test]
fn s04_5_builtins_hash_values() {
    assert_matches_cpython("04_builtins/hash_values");
}

#[test]
fn s04_5_builtins_isinstance_and_type() {
    assert_matches_cpython("04_builtins/isinstance_and_type");
}

#[test]
fn s04_5_builtins_iteration() {
    assert_matches_cpython("04_builtins/iteration");
}

#[test]
fn s04_5_builtins_method_repr() {
    assert_matches_cpython("04_builtins/method_repr");
}

#[test]
fn s04_5_builtins_min_max() {
    assert_matches_cpython("04_builtins/min_max");
}

#[test]
fn s04_5_errors_missing_method() {
    assert_matches_cpython("04_errors/missing_method");
}

#[test]
fn s04_5_errors_substring_not_found() {
    assert_matches_cpython("04_errors/substring_not_found");
}

#[test]
fn s04_5_errors_join_non_string() {
    assert_matches_cpython("04_errors/join_non_string");
}

#[test]
fn s04_5_errors_min_of_empty() {
    assert_matches_cpython("04_errors/min_of_empty");
}

// 4.6 Comprehensions.
#[test]
fn s04_6_comprehensions_in_functions() {
    assert_matches_cpython("04_comprehensions/in_functions");
}

#[test]
fn s04_6_comprehensions_module_level() {
    assert_matches_cpython("04_comprehensions/module_level");
}
