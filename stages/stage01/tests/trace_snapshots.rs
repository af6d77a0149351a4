//! `stage01 --trace` on every example: the coursework view of the machine at work.
//! The trace goes to stderr and the program's output to stdout; the snapshot shows
//! both in the order they happen.

mod common;

#[test]
fn s01_5_trace_of_every_example() {
    let examples = common::examples();
    assert!(!examples.is_empty(), "no examples in tests/programs/01_toy");
    for example in examples {
        let name = example
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a UTF-8 name");
        let path = example.to_str().expect("a UTF-8 path");
        let (status, text) = common::run_interleaved(&["--trace", path]);
        assert_eq!(status, 0, "{name}: {text}");
        insta::assert_snapshot!(name, text);
    }
}
