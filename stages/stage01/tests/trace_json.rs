//! `--trace-json FILE`: the JSON Lines trace chapter 1's stepper replays, in the
//! book's trace format (version 1).

mod common;

use std::path::PathBuf;

/// A fresh path under the target directory for one test's trace.
fn trace_path(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    dir.join(format!("stage01-{name}.jsonl"))
}

fn run_json(name: &str, program: &std::path::Path) -> (common::Run, String) {
    let out = trace_path(name);
    let out_arg = out.to_str().expect("a UTF-8 path").to_string();
    let run = common::run_path(&["--trace-json", &out_arg], program);
    let text = std::fs::read_to_string(&out).expect("the trace was written");
    (run, text)
}

#[test]
fn s01_trace_json_records_names_toy_step_by_step() {
    let (run, text) = run_json("names", &common::programs_dir().join("names.toy"));
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout, "42\n49\n");
    assert_eq!(run.stderr, "", "the JSON trace goes to the file only");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(
            "{\"format\":\"eval-loop-trace\",\"version\":1,\"stage\":\"stage01\",\"program\":"
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].ends_with("names.toy\",\"max_steps\":20000}"),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[1],
        "{\"event\":\"push\",\"step\":0,\"frame\":0,\"depth\":1,\"name\":\"<module>\"}"
    );
    // Step 6: LOAD_NAME height (line 15) leaves 6, 7; width and height are bound.
    assert_eq!(
        lines[7],
        "{\"event\":\"instruction\",\"step\":6,\"frame\":0,\"offset\":5,\"line\":15,\"opname\":\"LOAD_NAME\",\"arg\":1,\"argrepr\":\"height\",\"stack\":[\"6\",\"7\"],\"stack_depth\":2,\"locals\":{\"width\":\"6\",\"height\":\"7\",\"area\":null}}"
    );
    // BINARY_MULTIPLY takes no argument.
    assert!(lines[8].contains(
        "\"opname\":\"BINARY_MULTIPLY\",\"arg\":null,\"argrepr\":\"\",\"stack\":[\"42\"]"
    ));
    let n = lines.len();
    assert_eq!(n, 2 + 20 + 2, "{text}");
    assert_eq!(
        lines[n - 2],
        "{\"event\":\"pop\",\"step\":20,\"frame\":0,\"depth\":0,\"name\":\"<module>\",\"returns\":\"None\"}"
    );
    assert_eq!(
        lines[n - 1],
        "{\"event\":\"end\",\"steps\":20,\"truncated\":false,\"error\":null}"
    );
}

#[test]
fn s01_trace_json_steps_match_the_text_trace() {
    for program in common::examples() {
        let name = program.file_stem().and_then(|s| s.to_str()).unwrap_or("x");
        let (_, text) = run_json(&format!("match-{name}"), &program);
        let traced = common::run_path(&["--trace"], &program);
        let text_steps = traced
            .stderr
            .lines()
            .skip(1)
            .filter(|line| line.starts_with("  "))
            .count();
        let json_steps = text
            .lines()
            .filter(|line| line.starts_with("{\"event\":\"instruction\""))
            .count();
        assert_eq!(json_steps, text_steps, "{}", program.display());
    }
}

#[test]
fn s01_trace_json_ends_with_the_error_of_a_failed_run() {
    let (run, text) = run_json("underflow", &common::error_program("stack_underflow.toy"));
    assert_eq!(run.status, 1, "{run:?}");
    let last = text.lines().last().expect("an end line");
    assert_eq!(
        last,
        "{\"event\":\"end\",\"steps\":1,\"truncated\":false,\"error\":\"stack underflow: BINARY_ADD pops a value but the stack is empty\"}"
    );
    assert!(
        !text.contains("\"event\":\"pop\""),
        "a failed run pops no frame"
    );
}

#[test]
fn s01_trace_json_conflicts_with_trace_and_reports_an_unwritable_file() {
    let names = common::programs_dir().join("names.toy");
    let both = common::run_path(&["--trace", "--trace-json", "x.jsonl"], &names);
    assert_eq!(both.status, 2, "{both:?}");
    let bad = trace_path("no-such-dir").join("x.jsonl");
    let bad = bad.to_str().expect("UTF-8");
    let run = common::run_path(&["--trace-json", bad], &names);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
    assert_eq!(
        run.stdout, "",
        "nothing runs when the trace cannot be written"
    );
}
