//! The command line, run in-process through `run_cli`: exit statuses and the
//! one-line messages for files that cannot run.

use std::ffi::OsString;
use std::path::PathBuf;

use stage02::run_cli;

/// A committed corpus program (compiled by CPython 3.11) to start from.
fn corpus_pyc() -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/programs/02_basics/bool_none.pyc");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Writes `bytes` to a temporary file named `name` and returns its path.
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("s02_cli_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}

/// Runs `stage02 ARGS…`: (status, stdout, stderr).
fn cli(args: &[&OsString]) -> (i32, String, String) {
    let mut argv = vec![OsString::from("stage02")];
    argv.extend(args.iter().map(|a| (*a).clone()));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run_cli(argv, &mut out, &mut err);
    (
        status,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

fn run_file(name: &str, bytes: &[u8]) -> (i32, String, String) {
    cli(&[&temp_file(name, bytes).into_os_string()])
}

/// Asserts a load error: exit 2, nothing on stdout, one line on stderr that
/// names the file and contains `needle`.
fn assert_load_error(name: &str, bytes: &[u8], needle: &str) {
    let (status, out, err) = run_file(name, bytes);
    assert_eq!(status, 2, "{name}: {err}");
    assert_eq!(out, "");
    assert_eq!(err.lines().count(), 1, "{name}: {err:?}");
    assert!(err.starts_with("stage02: "), "{err}");
    assert!(err.contains(name), "{err}");
    assert!(err.contains(needle), "{name}: {err}");
}

#[test]
fn s02_8_cli_runs_a_pyc() {
    // CPython's recorded output for this corpus program.
    let expected = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/programs/02_basics/bool_none.out"),
    )
    .expect("corpus .out");
    let (status, out, err) = run_file("ok.pyc", &corpus_pyc());
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(out, expected);
}

#[test]
fn s02_8_cli_empty_file_is_a_load_error() {
    assert_load_error("empty.pyc", b"", "16-byte header");
}

#[test]
fn s02_8_cli_truncated_file_is_a_load_error() {
    let pyc = corpus_pyc();
    assert_load_error("truncated.pyc", pyc.get(..40).unwrap_or(&pyc), "marshal");
}

#[test]
fn s02_8_cli_other_python_versions_are_refused() {
    let mut pyc = corpus_pyc();
    pyc[..2].copy_from_slice(&3439u16.to_le_bytes());
    assert_load_error("py310.pyc", &pyc, "3.10");
    pyc[..2].copy_from_slice(&3531u16.to_le_bytes());
    assert_load_error("py312.pyc", &pyc, "3.12");
}

#[test]
fn s02_8_cli_random_bytes_are_a_load_error() {
    let mut state: u32 = 12345;
    let bytes: Vec<u8> = (0..300)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 16) as u8
        })
        .collect();
    assert_load_error("random.pyc", &bytes, "");
}

#[test]
fn s02_8_cli_uncaught_exception_exits_1_after_flushing_output() {
    // print('before'); 1 // 0 (compiled by CPython 3.11).
    let source = b"print('before')\n1 // 0\n";
    let py = temp_file("raises.py", source);
    let (status, out, err) = cli(&[&py.into_os_string()]);
    if status == 2 && err.contains("python") {
        eprintln!("note: no python3.11 to compile a .py; skipped");
        return;
    }
    assert_eq!(status, 1, "{err}");
    assert_eq!(out, "before\n");
    assert_eq!(
        err,
        "ZeroDivisionError: integer division or modulo by zero\n"
    );
}

#[test]
fn s02_8_cli_an_opcode_of_a_later_stage_exits_2_saying_so() {
    // `python3.11 -m dis` puts GET_ITER at offset 26 of this module.
    let py = temp_file("later.py", b"print(1)\nfor i in (1,):\n    pass\n");
    let (status, out, err) = cli(&[&py.clone().into_os_string()]);
    if status == 2 && err.contains("python") && !err.contains("GET_ITER") {
        eprintln!("note: no python3.11 to compile a .py; skipped");
        return;
    }
    assert_eq!((status, out.as_str()), (2, "1\n"), "{err}");
    assert_eq!(
        err,
        format!(
            "stage02: {}: offset 26: GET_ITER (a for loop) runs from stage04 \
             (chapter 4), not in stage02\n",
            py.display()
        )
    );
}

#[test]
fn s02_8_cli_help_explains_options_and_exit_statuses() {
    let (status, out, _) = cli(&[&OsString::from("--help")]);
    assert_eq!(status, 0);
    for needle in ["--dis", "--code", "--trace", "Exit status", "0", "1", "2"] {
        assert!(out.contains(needle), "--help lacks {needle}:\n{out}");
    }
}

#[test]
fn s02_8_cli_usage_errors_exit_2() {
    assert_eq!(cli(&[]).0, 2);
    assert_eq!(
        cli(&[&OsString::from("--bogus"), &OsString::from("x.pyc")]).0,
        2
    );
}

#[test]
fn s02_8_cli_trace_writes_one_line_per_instruction_to_stderr() {
    let (status, out, err) = cli(&[
        &OsString::from("--trace"),
        &temp_file("trace.pyc", &corpus_pyc()).into_os_string(),
    ]);
    assert_eq!(status, 0);
    assert!(!out.is_empty());
    let mut lines = err.lines();
    assert!(lines.next().is_some_and(|h| h.contains("stack after")));
    let first = lines.next().unwrap_or_default();
    assert!(first.contains("RESUME"), "{first}");
    assert!(first.ends_with("[]"), "{first}");
    assert!(err.contains("[NULL, print"), "{err}");
    assert!(err
        .lines()
        .last()
        .is_some_and(|l| l.contains("RETURN_VALUE")));
}
