//! The checks themselves are checked: with CPython standing in for a stage, every
//! corpus check must pass (even with the whole stderr compared), and with a stage
//! that gets things wrong it must fail and name every failing program.
//! Skipped, with a message, when `python3.11` is absent.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;

use conformance::corpus::check::{
    check_dis_programs, check_programs, check_stage_corpus, StderrCheck,
};
use conformance::corpus::python::find_python;
use conformance::corpus::{all_programs, dis_fixtures, programs_up_to, toy_programs, Program};

/// A "stage" that is CPython: `cpython FILE.pyc` runs the file in its folder,
/// `cpython --dis FILE.pyc` disassembles the `.py` beside it.
fn cpython_as_a_stage(args: Vec<OsString>, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let Ok(python) = find_python() else {
        return 2;
    };
    let (dis, file) = match args.as_slice() {
        [_, flag, file] if flag == "--dis" => (true, Path::new(file)),
        [_, file] => (false, Path::new(file)),
        _ => return 2,
    };
    let (Some(dir), Some(name)) = (file.parent(), file.file_stem().and_then(|s| s.to_str())) else {
        return 2;
    };
    if dis {
        return match python.dis(dir, name) {
            Ok(listing) => {
                let _ = stdout.write_all(listing.as_bytes());
                0
            }
            Err(e) => {
                let _ = writeln!(stderr, "{e}");
                1
            }
        };
    }
    let file_name = file
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    match python.run(dir, file_name) {
        Ok(outcome) => {
            let _ = stdout.write_all(&outcome.stdout);
            let _ = stderr.write_all(&outcome.stderr);
            outcome.exit
        }
        Err(e) => {
            let _ = writeln!(stderr, "{e}");
            2
        }
    }
}

/// A "stage" that prints one wrong line and always succeeds.
fn wrong_stage(_: Vec<OsString>, stdout: &mut dyn Write, _: &mut dyn Write) -> i32 {
    let _ = stdout.write_all(b"wrong\n");
    0
}

fn python_present(test: &str) -> bool {
    match find_python() {
        Ok(_) => true,
        Err(why) => {
            eprintln!("SKIPPED {test}: {why}.");
            false
        }
    }
}

/// The first two programs of each topic folder: enough to exercise the checks
/// (successes and errors, every stage's folders) without rerunning the corpus.
fn sample(programs: Vec<Program>) -> Vec<Program> {
    let mut chosen: Vec<Program> = Vec::new();
    for program in programs {
        let same_topic = chosen.iter().filter(|p| p.topic == program.topic).count();
        if same_topic < 2 {
            chosen.push(program);
        }
    }
    chosen
}

#[test]
fn s00_harness_passes_cpython_itself() {
    if !python_present("s00_harness_passes_cpython_itself") {
        return;
    }
    let programs = sample(all_programs());
    let report = check_programs(
        cpython_as_a_stage,
        "cpython",
        "CPython as a stage",
        &programs,
        StderrCheck::Full,
    );
    assert!(report.passed(), "{report}");
    assert_eq!(report.checked, programs.len());
}

#[test]
fn s00_harness_passes_cpython_dis() {
    if !python_present("s00_harness_passes_cpython_dis") {
        return;
    }
    let programs = sample(all_programs().into_iter().chain(dis_fixtures()).collect());
    let report = check_dis_programs(cpython_as_a_stage, "cpython", "CPython --dis", &programs);
    assert!(report.passed(), "{report}");
}

#[test]
fn s00_harness_reports_every_failing_program() {
    let report = check_stage_corpus(wrong_stage, 2, StderrCheck::LastLine);
    assert!(!report.passed());
    assert_eq!(report.failures.len(), programs_up_to(2).len());
    let text = report.to_string();
    assert!(text.contains("--- 02_basics/hello"), "{text}");
    assert!(text.contains("expect: \"hello, world\""), "{text}");
    assert!(text.contains("actual: \"wrong\""), "{text}");
    assert!(text.contains("exit status: expected 1, got 0"), "{text}");
    assert!(!toy_programs().is_empty());
}
