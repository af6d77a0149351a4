//! Section 3.5: the machine-readable trace (`--trace-json FILE`) records the same
//! run as `--trace`: every instruction, every frame pushed and popped.

use std::ffi::OsString;
use std::path::PathBuf;

fn program(relative: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/programs")
        .join(relative)
        .display()
        .to_string()
}

/// Runs `stage03 ARGS…`: (status, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let mut argv = vec![OsString::from("stage03")];
    argv.extend(args.iter().map(OsString::from));
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let status = stage03::run_cli(argv, &mut stdout, &mut stderr);
    (
        status,
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// The `--trace-json` of `relative` and the `--trace` of the same run.
fn both_traces(relative: &str, name: &str) -> (String, String) {
    let path = std::env::temp_dir().join(format!(
        "s03_trace_json_{name}_{}.jsonl",
        std::process::id()
    ));
    let json_path = path.display().to_string();
    let (status, _, stderr) = run(&["--trace-json", &json_path, &program(relative)]);
    assert!(status <= 1, "{stderr}");
    let json = std::fs::read_to_string(&path).expect("the trace file");
    let _ = std::fs::remove_file(&path);
    let (_, _, text) = run(&["--trace", &program(relative)]);
    (json, text)
}

#[test]
fn s03_5_trace_json_records_every_instruction_push_and_pop() {
    let (json, text) = both_traces("03_functions/nested_calls.pyc", "nested");
    let lines: Vec<&str> = json.lines().collect();
    assert!(
        lines[0].starts_with("{\"format\":\"eval-loop-trace\",\"version\":1,\"stage\":\"stage03\""),
        "{}",
        lines[0]
    );
    let count = |prefix: &str| lines.iter().filter(|l| l.starts_with(prefix)).count();
    let instructions = count("{\"event\":\"instruction\"");
    let pushes = count("{\"event\":\"push\"");
    let pops = count("{\"event\":\"pop\"");
    // The text trace: a header, then one line per instruction (its offset
    // first; a stack too wide for the page goes on in the next line), push
    // and pop.
    let text_instructions = text
        .lines()
        .skip(1)
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .count();
    assert_eq!(instructions, text_instructions, "{json}");
    assert_eq!(
        pushes,
        text.lines().filter(|l| l.starts_with("--> push")).count()
    );
    assert_eq!(pushes, pops, "every frame pushed is popped");
    assert_eq!(
        lines.last().copied(),
        Some(
            format!(
                "{{\"event\":\"end\",\"steps\":{instructions},\"truncated\":false,\"error\":null}}"
            )
            .as_str()
        )
    );
    // A call's parameters show among the callee's locals.
    assert!(
        json.contains("\"locals\":{\"a\":\"3\",\"b\":\"4\"}"),
        "{json}"
    );
}

#[test]
fn s03_5_trace_json_ends_with_the_uncaught_error() {
    let (json, _) = both_traces("02_errors/zero_div_int.pyc", "error");
    let last = json.lines().last().unwrap_or_default();
    assert!(
        last.ends_with("\"error\":\"ZeroDivisionError: division by zero\"}"),
        "{last}"
    );
}
