//! Running a stage in-process on corpus programs and comparing what it did with
//! what CPython recorded. Every check goes through the whole corpus and reports
//! every failing program, so one test run shows the full picture.

use std::ffi::OsString;
use std::fmt;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};

use super::{all_wrapped, dis_fixtures, programs_up_to, toy_programs, wrapped_up_to, Program};

/// A stage's command line as a function: `stageNN::cli::run_cli`. `args` includes
/// `argv[0]`; the result is the exit status.
pub type RunCli = fn(Vec<OsString>, &mut dyn Write, &mut dyn Write) -> i32;

/// What a run printed and how it ended (CPython's record or a stage's run).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub exit: i32,
}

/// The exit status reported for a stage that panicked instead of returning.
pub const PANIC_EXIT: i32 = 101;

/// The interpreter thread's stack in the stages' binaries (`cli::main`).
pub const INTERPRETER_STACK_BYTES: usize = 256 << 20;

// ANCHOR: run_stage
/// Runs a stage's command line in-process with `argv0` and `args`. A panic is
/// caught and reported as exit status [`PANIC_EXIT`] with the message on stderr,
/// so one bad program does not hide the others.
pub fn run_stage(run_cli: RunCli, argv0: &str, args: &[OsString]) -> Outcome {
    let mut argv = vec![OsString::from(argv0)];
    argv.extend(args.iter().cloned());
    // The stage's binary runs its interpreter on a thread with a 256 MiB stack
    // (see `cli::main`); a test thread has 2 MiB. Give each run the binary's
    // stack, so a program that re-enters the eval loop as deep as the
    // recursion limit allows behaves here as it does from the shell.
    let runner = std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(move || {
            let mut stdout = Vec::new();
            let mut stderr = Vec::new();
            let result = catch_unwind(AssertUnwindSafe(|| run_cli(argv, &mut stdout, &mut stderr)));
            (result, stdout, stderr)
        });
    let (result, stdout, mut stderr) = match runner.map(std::thread::JoinHandle::join) {
        Ok(Ok(finished)) => finished,
        _ => (
            Ok(PANIC_EXIT),
            Vec::new(),
            b"the runner thread failed".to_vec(),
        ),
    };
    let exit = match result {
        Ok(status) => status,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(no message)".to_string());
            stderr.extend_from_slice(format!("\nPANIC: {message}\n").as_bytes());
            PANIC_EXIT
        }
    };
    Outcome {
        stdout,
        stderr,
        exit,
    }
}
// ANCHOR_END: run_stage

/// How much of stderr must match: until stage05 prints tracebacks, only the last
/// line (`ZeroDivisionError: division by zero`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StderrCheck {
    LastLine,
    Full,
}

// ANCHOR: compare_outcomes
/// Every way `actual` differs from `expected`, each described for a reader.
pub fn compare(expected: &Outcome, actual: &Outcome, stderr: StderrCheck) -> Vec<String> {
    let mut problems = Vec::new();
    if expected.stdout != actual.stdout {
        problems.push(format!(
            "stdout differs:\n{}",
            diff_text(&expected.stdout, &actual.stdout)
        ));
    }
    if expected.exit != actual.exit {
        problems.push(format!(
            "exit status: expected {}, got {}",
            expected.exit, actual.exit
        ));
    }
    match stderr {
        StderrCheck::LastLine => {
            let want = last_line(&expected.stderr);
            let got = last_line(&actual.stderr);
            if want != got {
                problems.push(format!(
                    "last line of stderr:\n    expected: {}\n    actual:   {}",
                    show(want),
                    show(got)
                ));
            }
        }
        StderrCheck::Full => {
            if expected.stderr != actual.stderr {
                problems.push(format!(
                    "stderr differs:\n{}",
                    diff_text(&expected.stderr, &actual.stderr)
                ));
            }
        }
    }
    problems
}
// ANCHOR_END: compare_outcomes

/// The last non-empty line, without its line ending (empty when there is none).
pub fn last_line(text: &[u8]) -> &[u8] {
    text.split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .rfind(|line| !line.is_empty())
        .unwrap_or(b"")
}

/// A line shown in a report: quoted and escaped, so invisible differences show.
pub fn show(line: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(line))
}

/// Where two texts part: the first differing line with a line of context, the
/// line counts, and the expected and actual lines side by side.
pub fn diff_text(expected: &[u8], actual: &[u8]) -> String {
    let want: Vec<&[u8]> = expected.split(|&b| b == b'\n').collect();
    let got: Vec<&[u8]> = actual.split(|&b| b == b'\n').collect();
    let first = want
        .iter()
        .zip(got.iter())
        .position(|(w, g)| w != g)
        .unwrap_or(want.len().min(got.len()));
    let mut out = String::new();
    let context_start = first.saturating_sub(1);
    for index in context_start..first {
        if let Some(line) = want.get(index) {
            out.push_str(&format!(
                "    line {:>3}   same: {}\n",
                index + 1,
                show(line)
            ));
        }
    }
    for index in first..(first + 3) {
        let (w, g) = (want.get(index), got.get(index));
        if w.is_none() && g.is_none() {
            break;
        }
        if let (Some(same), true) = (w, w == g) {
            out.push_str(&format!(
                "    line {:>3}   same: {}\n",
                index + 1,
                show(same)
            ));
            continue;
        }
        let absent = "(no line)".to_string();
        out.push_str(&format!(
            "    line {:>3} expect: {}\n             actual: {}\n",
            index + 1,
            w.map_or(absent.clone(), |l| show(l)),
            g.map_or(absent, |l| show(l)),
        ));
    }
    out.push_str(&format!(
        "    ({} bytes expected, {} bytes actual)",
        expected.len(),
        actual.len()
    ));
    out
}

// ANCHOR: report
/// The failures of one check over the corpus.
#[derive(Debug, Default)]
pub struct Report {
    /// What was checked, e.g. `stage02 on 02_* programs`.
    pub title: String,
    /// How many programs were checked.
    pub checked: usize,
    /// Each failing program's label and what went wrong.
    pub failures: Vec<(String, Vec<String>)>,
}

impl Report {
    pub fn new(title: impl Into<String>) -> Report {
        Report {
            title: title.into(),
            ..Report::default()
        }
    }

    /// Records one program's result: a failure when there are problems.
    pub fn record(&mut self, label: String, problems: Vec<String>) {
        self.checked += 1;
        if !problems.is_empty() {
            self.failures.push((label, problems));
        }
    }

    pub fn passed(&self) -> bool {
        self.failures.is_empty() && self.checked > 0
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} of {} programs failed",
            self.title,
            self.failures.len(),
            self.checked
        )?;
        for (label, problems) in &self.failures {
            writeln!(f, "--- {label}")?;
            for problem in problems {
                writeln!(f, "  {problem}")?;
            }
        }
        Ok(())
    }
}
// ANCHOR_END: report

/// Runs `stage` (through `run_cli`) on every program from `02_*` to its own level
/// and compares each with CPython's record.
pub fn check_stage_corpus(run_cli: RunCli, stage: u32, stderr: StderrCheck) -> Report {
    let argv0 = format!("stage{stage:02}");
    let title = format!("{argv0} on the corpus up to {stage:02}_*");
    check_programs(run_cli, &argv0, &title, &programs_up_to(stage), stderr)
}

/// Runs `stage` on every function-wrapped variant it can run (those of level at
/// most `stage`, see [`super::level`]) and compares each with CPython's record.
pub fn check_wrapped_corpus(run_cli: RunCli, stage: u32, stderr: StderrCheck) -> Report {
    let argv0 = format!("stage{stage:02}");
    let programs = wrapped_up_to(stage);
    let title = format!(
        "{argv0} on the wrapped variants of level {stage} or below ({} of {})",
        programs.len(),
        all_wrapped().len()
    );
    check_programs(run_cli, &argv0, &title, &programs, stderr)
}

// ANCHOR: check_programs
/// Runs `argv0 NAME.pyc` for each program and compares the run with its record.
pub fn check_programs(
    run_cli: RunCli,
    argv0: &str,
    title: &str,
    programs: &[Program],
    stderr: StderrCheck,
) -> Report {
    let mut report = Report::new(title);
    for program in programs {
        let problems = match program.expected() {
            Ok(expected) => {
                let actual = run_stage(run_cli, argv0, &[program.pyc().into_os_string()]);
                compare(&expected, &actual, stderr)
            }
            Err(e) => vec![missing_record(&e)],
        };
        report.record(program.label(), problems);
    }
    report
}
// ANCHOR_END: check_programs

/// Runs `argv0 --dis NAME.pyc` on every corpus program (all stages' folders) and
/// every `tests/dis` fixture and compares the listing with the masked `NAME.dis`.
pub fn check_dis_corpus(run_cli: RunCli, argv0: &str) -> Report {
    let programs: Vec<Program> = super::all_programs()
        .into_iter()
        .chain(dis_fixtures())
        .collect();
    let title = format!("{argv0} --dis on the corpus and tests/dis");
    check_dis_programs(run_cli, argv0, &title, &programs)
}

/// Runs `argv0 --dis NAME.pyc` for each program and compares the listing, with
/// addresses masked, with `NAME.dis`. Nothing may go to stderr.
pub fn check_dis_programs(
    run_cli: RunCli,
    argv0: &str,
    title: &str,
    programs: &[Program],
) -> Report {
    let mut report = Report::new(title);
    for program in programs {
        let problems = match program.expected_dis() {
            Ok(listing) => {
                let args = [OsString::from("--dis"), program.pyc().into_os_string()];
                let actual = run_stage(run_cli, argv0, &args);
                let masked = super::mask_addresses(&String::from_utf8_lossy(&actual.stdout));
                let expected = Outcome {
                    stdout: listing,
                    ..Outcome::default()
                };
                let actual = Outcome {
                    stdout: masked.into_bytes(),
                    ..actual
                };
                compare(&expected, &actual, StderrCheck::LastLine)
            }
            Err(e) => vec![missing_record(&e)],
        };
        report.record(program.label(), problems);
    }
    report
}

fn missing_record(error: &str) -> String {
    format!("no record (run `cargo xtask corpus`): {error}")
}

/// Runs stage01 on every `01_toy/*.toy`: stdout must equal `NAME.out`, exit 0.
pub fn check_toy_corpus(run_cli: RunCli) -> Report {
    let mut report = Report::new("stage01 on 01_toy/*.toy");
    for program in toy_programs() {
        let problems = match super::read(&program.file("out")) {
            Ok(stdout) => {
                let expected = Outcome {
                    stdout,
                    ..Outcome::default()
                };
                let actual = run_stage(run_cli, "stage01", &[program.file("toy").into()]);
                compare(&expected, &actual, StderrCheck::LastLine)
            }
            Err(e) => vec![missing_record(&e)],
        };
        report.record(program.label(), problems);
    }
    report
}

/// Asserts that the programs failing in `report` are exactly the entries of a
/// stage's `NOT_YET` list of its kind (`wrapped/…` labels for the wrapped
/// variants): a regression fails, and so does a listed program that now passes,
/// so that the list stays the exact truth.
pub fn check_against_not_yet(report: &Report, not_yet: &[&str], wrapped: bool) {
    let expected: Vec<&str> = not_yet
        .iter()
        .copied()
        .filter(|label| label.starts_with("wrapped/") == wrapped)
        .collect();
    let failing: Vec<&str> = report
        .failures
        .iter()
        .map(|(label, _)| label.as_str())
        .collect();
    let regressions: Vec<&&str> = failing.iter().filter(|l| !expected.contains(l)).collect();
    let now_passing: Vec<&&str> = expected.iter().filter(|l| !failing.contains(l)).collect();
    assert!(
        regressions.is_empty() && now_passing.is_empty(),
        "programs failing that are not in NOT_YET: {regressions:?}\n\
         programs in NOT_YET that now pass (remove them): {now_passing:?}\n{report}"
    );
    assert!(report.checked > 0, "no program was checked");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s00_last_line_skips_trailing_newlines() {
        assert_eq!(
            last_line(b"Traceback\n  ...\nNameError: x\n"),
            b"NameError: x"
        );
        assert_eq!(last_line(b"a\r\nb\r\n\n"), b"b");
        assert_eq!(last_line(b""), b"");
        assert_eq!(last_line(b"\n\n"), b"");
    }

    #[test]
    fn s00_compare_reports_each_difference() {
        let expected = Outcome {
            stdout: b"1\n2\n".to_vec(),
            stderr: b"Traceback\nZeroDivisionError: division by zero\n".to_vec(),
            exit: 1,
        };
        assert!(compare(&expected, &expected, StderrCheck::Full).is_empty());
        let same_last_line = Outcome {
            stderr: b"ZeroDivisionError: division by zero\n".to_vec(),
            ..expected.clone()
        };
        assert!(compare(&expected, &same_last_line, StderrCheck::LastLine).is_empty());
        assert_eq!(
            compare(&expected, &same_last_line, StderrCheck::Full).len(),
            1
        );
        let wrong = Outcome {
            stdout: b"1\n3\n".to_vec(),
            stderr: Vec::new(),
            exit: 0,
        };
        let problems = compare(&expected, &wrong, StderrCheck::LastLine);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].contains("line   2 expect: \"2\""),
            "{}",
            problems[0]
        );
        assert!(problems[1].contains("expected 1, got 0"));
        assert!(problems[2].contains("division by zero"));
    }

    #[test]
    fn s00_run_stage_catches_panics() {
        fn panicking(_: Vec<OsString>, out: &mut dyn Write, _: &mut dyn Write) -> i32 {
            let _ = out.write_all(b"partial");
            panic!("boom");
        }
        let outcome = run_stage(panicking, "stageXX", &[]);
        assert_eq!(outcome.exit, PANIC_EXIT);
        assert_eq!(outcome.stdout, b"partial");
        assert_eq!(last_line(&outcome.stderr), b"PANIC: boom");
    }
}
