//! stage05 runs every `02_*` to `05_*` program with CPython's stdout, exit
//! status and **whole** stderr: from this stage on, an uncaught exception
//! prints the traceback CPython prints, source lines and carets included.
//! It also runs every function-wrapped variant its opcodes cover.
//!
//! [`NOT_YET`] lists the programs stage05 does not yet run as CPython does.
//! The test fails when any other program differs (a regression) and also
//! when a program of the list starts to pass, so the list is always the
//! exact truth.

use conformance::corpus::check::{check_against_not_yet, StderrCheck};
use conformance::corpus::{check_stage_corpus, check_wrapped_corpus};

/// The corpus programs stage05 does not yet run as CPython does.
const NOT_YET: &[&str] = &[];

#[test]
fn s05_corpus_matches_cpython() {
    let report = check_stage_corpus(stage05::run_cli, 5, StderrCheck::Full);
    check_against_not_yet(&report, NOT_YET, false);
}

#[test]
fn s05_wrapped_corpus_matches_cpython() {
    let report = check_wrapped_corpus(stage05::run_cli, 5, StderrCheck::Full);
    check_against_not_yet(&report, NOT_YET, true);
}
