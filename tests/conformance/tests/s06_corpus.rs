//! stage06 runs every `02_*` to `06_*` program with CPython's stdout, exit
//! status and whole stderr, tracebacks included: closures, generators,
//! `yield from` chains, and the tracebacks that pass through them. It also
//! runs every function-wrapped variant its opcodes cover.
//!
//! [`NOT_YET`] lists the programs stage06 does not yet run as CPython does.
//! The test fails when any other program differs (a regression) and also
//! when a program of the list starts to pass, so the list is always the
//! exact truth.

use conformance::corpus::check::{check_against_not_yet, StderrCheck};
use conformance::corpus::{check_stage_corpus, check_wrapped_corpus};

/// The corpus programs stage06 does not yet run as CPython does.
const NOT_YET: &[&str] = &[];

#[test]
fn s06_corpus_matches_cpython() {
    let report = check_stage_corpus(stage06::run_cli, 6, StderrCheck::Full);
    check_against_not_yet(&report, NOT_YET, false);
}

#[test]
fn s06_wrapped_corpus_matches_cpython() {
    let report = check_wrapped_corpus(stage06::run_cli, 6, StderrCheck::Full);
    check_against_not_yet(&report, NOT_YET, true);
}
