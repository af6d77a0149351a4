//! Every `02_*` program runs through stage02 with CPython's stdout, exit status and
//! last line of stderr (the whole traceback only from stage05).

use conformance::corpus::check::StderrCheck;
use conformance::corpus::check_stage_corpus;

#[test]
fn s02_corpus_matches_cpython() {
    let report = check_stage_corpus(stage02::cli::run_cli, 2, StderrCheck::LastLine);
    assert!(report.passed(), "{report}");
}
