//! Every malformed program in `tests/programs/01_toy/errors/` gives one line on
//! stderr, `FILE:LINE: error: MESSAGE`, and a non-zero exit status: 2 when the file
//! cannot be parsed, 1 when the program fails while running. Messages for errors
//! Python would raise too are CPython's own last traceback line.

mod common;

const PARSE_ERROR: i32 = 2;
const RUNTIME_ERROR: i32 = 1;

// ANCHOR: assert_error
/// Runs `errors/FILE` and checks the exit status and the whole of stderr.
fn assert_error(file: &str, status: i32, line: usize, message: &str) -> common::Run {
    let path = common::error_program(file);
    let run = common::run_path(&[], &path);
    let expected = format!("{}:{line}: error: {message}\n", path.display());
    assert_eq!(run.stderr, expected);
    assert_eq!(run.status, status, "{file}");
    run
}
// ANCHOR_END: assert_error

#[test]
fn s01_2_error_unknown_instruction() {
    assert_error(
        "unknown_instruction.toy",
        PARSE_ERROR,
        5,
        "unknown instruction 'LOAD_CONS'",
    );
}

#[test]
fn s01_2_error_missing_argument() {
    assert_error(
        "missing_argument.toy",
        PARSE_ERROR,
        3,
        "LOAD_CONST needs an argument: an index into the constants table",
    );
}

#[test]
fn s01_2_error_argument_out_of_range() {
    assert_error(
        "argument_out_of_range.toy",
        PARSE_ERROR,
        4,
        "LOAD_CONST 2: index out of range, the constants table has 2 entries",
    );
}

#[test]
fn s01_2_error_unexpected_argument() {
    assert_error(
        "unexpected_argument.toy",
        PARSE_ERROR,
        5,
        "BINARY_ADD takes no argument, found '1'",
    );
}

#[test]
fn s01_2_error_unterminated_string() {
    assert_error(
        "unterminated_string.toy",
        PARSE_ERROR,
        2,
        "a string constant without its closing quote",
    );
}

#[test]
fn s01_2_error_table_after_code() {
    assert_error(
        "table_after_code.toy",
        PARSE_ERROR,
        4,
        "the tables must come before the first instruction",
    );
}

#[test]
fn s01_2_error_not_utf8() {
    assert_error(
        "not_utf8.toy",
        PARSE_ERROR,
        2,
        "the file is not valid UTF-8 text",
    );
}

#[test]
fn s01_3_error_stack_underflow() {
    assert_error(
        "stack_underflow.toy",
        RUNTIME_ERROR,
        4,
        "stack underflow: BINARY_ADD pops a value but the stack is empty",
    );
}

#[test]
fn s01_3_error_missing_return() {
    let run = assert_error(
        "missing_return.toy",
        RUNTIME_ERROR,
        4,
        "the code ran past its end: a program must end with RETURN_VALUE",
    );
    // What the program printed before it failed is still printed.
    assert_eq!(run.stdout, "42\n");
}

#[test]
fn s01_4_error_division_by_zero() {
    // CPython: `print(1 // 0)` ends with this line.
    assert_error(
        "division_by_zero.toy",
        RUNTIME_ERROR,
        5,
        "ZeroDivisionError: integer division or modulo by zero",
    );
}

// ANCHOR: unknown_name_test
#[test]
fn s01_4_error_unknown_name() {
    // CPython: `print(y)` with no `y`.
    assert_error(
        "unknown_name.toy",
        RUNTIME_ERROR,
        7,
        "NameError: name 'y' is not defined",
    );
}
// ANCHOR_END: unknown_name_test

#[test]
fn s01_4_error_type_error() {
    // CPython: `print("hello" + 1)`.
    assert_error(
        "type_error.toy",
        RUNTIME_ERROR,
        5,
        "TypeError: can only concatenate str (not \"int\") to str",
    );
}

#[test]
fn s01_4_error_integer_overflow() {
    assert_error(
        "integer_overflow.toy",
        RUNTIME_ERROR,
        5,
        "OverflowError: the result does not fit in 64 bits \
         (the toy's ints are i64; Python's are unbounded)",
    );
}

/// Every file in `errors/` has a test above: a new one must get its own.
#[test]
fn s01_2_every_error_program_is_tested() {
    let mut files: Vec<String> = std::fs::read_dir(common::programs_dir().join("errors"))
        .expect("errors/ exists")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".toy"))
        .collect();
    files.sort();
    let tested = [
        "argument_out_of_range.toy",
        "division_by_zero.toy",
        "integer_overflow.toy",
        "missing_argument.toy",
        "missing_return.toy",
        "not_utf8.toy",
        "stack_underflow.toy",
        "table_after_code.toy",
        "type_error.toy",
        "unexpected_argument.toy",
        "unknown_instruction.toy",
        "unknown_name.toy",
        "unterminated_string.toy",
    ];
    assert_eq!(files, tested);
}

/// The errors that Python raises too read exactly like the last line CPython
/// prints for the program's Python twin (`errors/NAME.py`), when CPython is here.
#[test]
fn s01_4_runtime_errors_match_cpython_when_present() {
    let python_is_311 = std::process::Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
        .output()
        .is_ok_and(|out| out.stdout == b"True\n");
    if !python_is_311 {
        eprintln!("python3 3.11 not found: skipped");
        return;
    }
    for name in ["division_by_zero", "unknown_name", "type_error"] {
        let twin = common::error_program(&format!("{name}.py"));
        let output = std::process::Command::new("python3")
            .arg(&twin)
            .output()
            .expect("python3 runs");
        assert_eq!(output.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        let last_line = stderr.lines().last().expect("a traceback");
        let run = common::run_path(&[], &common::error_program(&format!("{name}.toy")));
        assert!(
            run.stderr.ends_with(&format!(": error: {last_line}\n")),
            "{name}: {}",
            run.stderr
        );
    }
}
