//! Every toy program of `tests/programs/01_toy` runs through stage01 and prints
//! what its Python twin printed under CPython.

use conformance::corpus::check_toy_corpus;

#[test]
fn s01_toy_corpus_matches_python() {
    let report = check_toy_corpus(stage01::cli::run_cli);
    assert!(report.passed(), "{report}");
}
