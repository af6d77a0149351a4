//! stage03's `--trace` cannot run away either: a long stack, a long list of
//! parameters and a long value stay within `MAX_LINE_WIDTH` (a long stack
//! elided to a row, the parameters elided to the push line's first row, the
//! frames going on in the next line), stage02's rules, imported.

use std::ffi::OsString;
use std::path::PathBuf;

use stage03::eval::trace::{MAX_LINE_WIDTH, STACK_COLUMN};

/// Runs `stage03 --trace` on a program of `s03_programs/`: (status, stdout,
/// trace).
fn trace(name: &str) -> (i32, String, String) {
    let pyc = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/s03_programs")
        .join(name);
    let args: Vec<OsString> = vec!["stage03".into(), "--trace".into(), pyc.into()];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = stage03::run_cli(args, &mut out, &mut err);
    (
        status,
        String::from_utf8(out).expect("UTF-8 output"),
        String::from_utf8(err).expect("UTF-8 trace"),
    )
}

#[test]
fn s03_5_trace_of_long_stacks_and_parameter_lists_stays_narrow() {
    // `print(x ** … ** x)` with 300 operands, `many(*(0, 1, …, 299))` binding 300
    // parameters, and a function called with a string of 10 million
    // characters, compiled by CPython 3.11.
    let (status, out, trace) = trace("long_stack.pyc");
    assert_eq!((status, out.as_str()), (0, "1\n299\n10000000\n"), "{trace}");
    let mut rows = 0;
    for line in trace.lines() {
        let width = line.chars().count();
        assert!(width <= MAX_LINE_WIDTH, "{width} characters: {line}");
        rows = if line.starts_with(&" ".repeat(STACK_COLUMN)) {
            rows + 1
        } else {
            1
        };
        assert!(rows <= 2, "a stack of {rows} lines, the last: {line}");
    }
    let push = |name: &str| {
        trace
            .lines()
            .find(|line| line.starts_with(&format!("--> push {name}(")))
            .unwrap_or_else(|| panic!("no push line for {name}"))
    };
    let many = push("many");
    assert!(
        many.starts_with("--> push many(a0=0, a1=1, ...")
            && many.contains(" more..., ")
            && many.ends_with(", a299=299)"),
        "{many}"
    );
    let frames = trace
        .lines()
        .skip_while(|line| *line != many)
        .nth(1)
        .expect("the line after many's push line");
    assert_eq!(frames, "    frames (2): <module> > many");
    assert_eq!(
        push("text"),
        "--> push text(s='abababababababababab...)    frames (2): <module> > text"
    );
    assert!(
        trace.contains("[NULL, print, ...22 more..., 1, 1, 1, 1, 1, 1]"),
        "{trace}"
    );
}
