//! stage04 runs every `02_*`, `03_*` and `04_*` program with CPython's stdout,
//! exit status and last line of stderr, and every function-wrapped variant its
//! opcodes cover.
//!
//! stage04 is not finished: the programs in [`NOT_YET`] still differ from
//! CPython. The test fails when any other program differs (a regression) and
//! also when a program of the list starts to pass, so that the list is
//! always the exact truth and shrinks as the stage grows.

use conformance::corpus::check::{check_against_not_yet, StderrCheck};
use conformance::corpus::{check_stage_corpus, check_wrapped_corpus};

/// The corpus programs stage04 does not yet run as CPython does.
const NOT_YET: &[&str] = &[];

#[test]
fn s04_corpus_matches_cpython() {
    let report = check_stage_corpus(stage04::run_cli, 4, StderrCheck::LastLine);
    check_against_not_yet(&report, NOT_YET, false);
}

#[test]
fn s04_wrapped_corpus_matches_cpython() {
    let report = check_wrapped_corpus(stage04::run_cli, 4, StderrCheck::LastLine);
    check_against_not_yet(&report, NOT_YET, true);
}
