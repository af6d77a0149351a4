//! The command line itself: help, usage errors, files that cannot be read.

mod common;

#[test]
fn s01_5_help_explains_the_format_and_the_flags() {
    let run = common::run(&["--help"]);
    assert_eq!(run.status, 0);
    assert_eq!(run.stderr, "");
    for needle in [
        "Usage: stage01 [OPTIONS] <FILE>",
        "--trace",
        "consts:",
        "names:",
        "'#' starts a comment",
        "LOAD_CONST i",
        "LOAD_NAME i",
        "STORE_NAME i",
        "BINARY_ADD",
        "BINARY_SUBTRACT",
        "BINARY_MULTIPLY",
        "BINARY_FLOOR_DIVIDE",
        "PRINT",
        "RETURN_VALUE",
        "FILE:LINE: error: MESSAGE",
        "Exit status: 0 ok, 1 runtime error, 2",
    ] {
        assert!(
            run.stdout.contains(needle),
            "--help lacks {needle:?}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn s01_5_short_help_shows_the_same() {
    let run = common::run(&["-h"]);
    assert_eq!(run.status, 0);
    assert!(run.stdout.contains("BINARY_FLOOR_DIVIDE"));
}

#[test]
fn s01_5_no_file_is_a_usage_error() {
    let run = common::run(&[]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("<FILE>"), "{}", run.stderr);
}

#[test]
fn s01_5_unknown_flag_is_a_usage_error() {
    let run = common::run(&["--dis", "x.toy"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("unexpected argument '--dis'"),
        "{}",
        run.stderr
    );
}

#[test]
fn s01_5_missing_file_is_reported() {
    let path = common::programs_dir().join("no_such_program.toy");
    let run = common::run_path(&[], &path);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
    let prefix = format!("{}: error: cannot read the file: ", path.display());
    assert!(run.stderr.starts_with(&prefix), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn s01_5_unreadable_file_is_reported() {
    // A directory cannot be read as a file, whoever runs the tests (root reads
    // files without permissions).
    let path = common::programs_dir().join("errors");
    let run = common::run_path(&[], &path);
    assert_eq!(run.status, 2);
    let prefix = format!("{}: error: cannot read the file: ", path.display());
    assert!(run.stderr.starts_with(&prefix), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn s01_5_output_before_an_error_comes_first() {
    let path = common::error_program("missing_return.toy");
    let (status, text) = common::run_interleaved(&[path.to_str().expect("UTF-8 path")]);
    assert_eq!(status, 1);
    assert!(text.starts_with("42\n"), "{text}");
    assert_eq!(text.lines().count(), 2, "{text}");
}
