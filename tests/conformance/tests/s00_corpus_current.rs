//! The committed record of the corpus (`.pyc`, `.out`, `.err`, `.exit`, `.dis`)
//! must be what CPython 3.11 produces now. The check needs `python3.11`; without it
//! the test says so and passes (CI has Python; `cargo test` must not require it).

use conformance::corpus::{check_all, python::find_python, repo_root};

#[test]
fn s00_corpus_record_is_current() {
    if let Err(why) = find_python() {
        eprintln!("SKIPPED s00_corpus_record_is_current: {why}.");
        eprintln!("Install CPython 3.11 to check that the corpus record is current.");
        return;
    }
    let summary = match check_all(&repo_root()) {
        Ok(summary) => summary,
        Err(e) => panic!("regenerating the corpus failed:\n{e}"),
    };
    assert!(
        summary.is_current(),
        "the corpus record is stale; run `cargo xtask corpus` and commit the result.\n{summary}"
    );
}
