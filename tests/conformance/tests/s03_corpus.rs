//! stage03 runs every `02_*` and `03_*` program with CPython's stdout, exit status
//! and last line of stderr, and every function-wrapped variant its opcodes cover
//! (`tests/wrapped/`, level 3 or below): a variant reads its variables with
//! `LOAD_FAST` and `LOAD_GLOBAL` where the original used `LOAD_NAME`, so an
//! interpreter that mixes the three up fails here.

use conformance::corpus::check::StderrCheck;
use conformance::corpus::{check_stage_corpus, check_wrapped_corpus};

#[test]
fn s03_corpus_matches_cpython() {
    let report = check_stage_corpus(stage03::run_cli, 3, StderrCheck::LastLine);
    assert!(report.passed(), "{report}");
}

#[test]
fn s03_wrapped_corpus_matches_cpython() {
    let report = check_wrapped_corpus(stage03::run_cli, 3, StderrCheck::LastLine);
    assert!(report.passed(), "{report}");
}
