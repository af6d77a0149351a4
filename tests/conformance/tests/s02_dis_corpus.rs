//! `stage02 --dis NAME.pyc` prints exactly what `python3.11 -m dis NAME.py` printed,
//! for every corpus program of every stage and every `tests/dis` fixture.

use conformance::corpus::check_dis_corpus;

#[test]
fn s02_dis_corpus_matches_cpython() {
    let report = check_dis_corpus(stage02::run_cli, "stage02");
    assert!(report.passed(), "{report}");
}
