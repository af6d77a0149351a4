//! stage04 runs every `02_*`, `03_*` and `04_*` program with CPython's stdout,
//! exit status and last line of stderr, and every function-wrapped variant its
//! opcodes cover.
//!
//! stage04 is not finished: the programs in [`NOT_YET`] still differ from
//! CPython. The test fails when any other program differs (a regression) and
//! also when a program of the list starts to pass, so that the list is
//! always the exact truth and shrinks as the stage grows.

use conformance::corpus::check::{Report, StderrCheck};
use conformance::corpus::{check_stage_corpus, check_wrapped_corpus};

/// The corpus programs stage04 does not yet run as CPython does.
const NOT_YET: &[&str] = &[];

/// Compares the report's failures with the entries of [`NOT_YET`] of its kind
/// (`wrapped/…` labels for the wrapped variants).
fn check_against_not_yet(report: &Report, wrapped: bool) {
    let expected: Vec<&str> = NOT_YET
        .iter()
        .copied()
        .filter(|label| label.starts_with("wrapped/") == wrapped)
        .collect();
    let failing: Vec<&str> = report
        .failures
        .iter()
        .map(|(label, _)| label.as_str())
        .collect();
    let regressions: Vec<&&str> = failing.iter().filter(|l| !expected.contains(l)).collect();
    let now_passing: Vec<&&str> = expected.iter().filter(|l| !failing.contains(l)).collect();
    assert!(
        regressions.is_empty() && now_passing.is_empty(),
        "programs failing that are not in NOT_YET: {regressions:?}\n\
         programs in NOT_YET that now pass (remove them): {now_passing:?}\n{report}"
    );
    assert!(report.checked > 0, "no program was checked");
}

#[test]
fn s04_corpus_matches_cpython() {
    let report = check_stage_corpus(stage04::run_cli, 4, StderrCheck::LastLine);
    check_against_not_yet(&report, false);
}

#[test]
fn s04_wrapped_corpus_matches_cpython() {
    let report = check_wrapped_corpus(stage04::run_cli, 4, StderrCheck::LastLine);
    check_against_not_yet(&report, true);
}
