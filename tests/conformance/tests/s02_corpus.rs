//! Every `02_*` program runs through stage02 with CPython's stdout, exit status and
//! last line of stderr (the whole traceback only from stage05).

use conformance::corpus::check::StderrCheck;
use conformance::corpus::{all_wrapped, check_stage_corpus, wrapped_up_to};

#[test]
fn s02_corpus_matches_cpython() {
    let report = check_stage_corpus(stage02::run_cli, 2, StderrCheck::LastLine);
    assert!(report.passed(), "{report}");
}

/// Wrapping a program puts it in a function, and only stage03 makes functions:
/// stage02 has no wrapped variant to run. Said here so that it is a checked fact,
/// not a check that silently runs nothing.
#[test]
fn s02_no_wrapped_variant_is_within_stage02() {
    assert!(
        !all_wrapped().is_empty(),
        "no wrapped variants: run `cargo xtask corpus`"
    );
    let runnable: Vec<String> = wrapped_up_to(2).iter().map(|p| p.label()).collect();
    assert!(
        runnable.is_empty(),
        "wrapped variants that need only stage02's opcodes: {runnable:?}"
    );
}
