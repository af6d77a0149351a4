//! `cargo xtask exercise check 3.3`: one section's tests, and a report a student
//! can read: each test passed or failed, and for a failure what it printed (the
//! corpus tests print the program, expected and actual stdout and stderr). The
//! "running 0 tests" blocks of test binaries with nothing in the section, and the
//! compiler's progress lines, are not shown.

use std::fmt;
use std::fs;
use std::path::Path;
use std::process::Command;

/// Lines of a failing test's output shown in the report.
const FAILURE_LINES: usize = 40;
/// Lines of compiler errors shown when the stage does not compile.
const COMPILER_LINES: usize = 80;

/// The outcome of one section's tests.
#[derive(Debug, Default)]
pub struct Report {
    pub section: String,
    pub stage: String,
    /// Each test: its name, whether it passed, and its output if it failed.
    pub tests: Vec<(String, bool, String)>,
    /// The compiler's errors, when the stage or its tests did not build.
    pub compile_errors: Option<String>,
}

impl Report {
    /// Passed: it built, it ran at least one test, and none failed.
    pub fn passed(&self) -> bool {
        self.compile_errors.is_none()
            && !self.tests.is_empty()
            && self.tests.iter().all(|(_, ok, _)| *ok)
    }

    pub fn failed_count(&self) -> usize {
        self.tests.iter().filter(|(_, ok, _)| !ok).count()
    }

    pub fn summary(&self) -> String {
        if self.compile_errors.is_some() {
            return format!("{} does not compile", self.stage);
        }
        if self.tests.is_empty() {
            return "no test ran".to_string();
        }
        let failed = self.failed_count();
        format!("{} passed, {failed} failed", self.tests.len() - failed)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = test_prefix(&self.section, &self.stage);
        writeln!(
            f,
            "§{} — the tests {prefix}* of {}",
            self.section, self.stage
        )?;
        if let Some(errors) = &self.compile_errors {
            writeln!(f, "\n{} does not compile:\n{errors}", self.stage)?;
            return Ok(());
        }
        for (name, ok, _) in &self.tests {
            writeln!(f, "  {}  {name}", if *ok { "ok    " } else { "FAILED" })?;
        }
        for (name, _, output) in self.tests.iter().filter(|(_, ok, _)| !ok) {
            writeln!(f, "\n---- {name}")?;
            let lines: Vec<&str> = output.lines().collect();
            for line in lines.iter().take(FAILURE_LINES) {
                writeln!(f, "  {line}")?;
            }
            if lines.len() > FAILURE_LINES {
                writeln!(f, "  … ({} more lines)", lines.len() - FAILURE_LINES)?;
            }
        }
        writeln!(f, "\n§{}: {}", self.section, self.summary())
    }
}

/// `s03_3_` for section 3.3 of stage03: the prefix every test of the section has.
pub fn test_prefix(section: &str, stage: &str) -> String {
    let number = stage.trim_start_matches("stage");
    let minor = section.split('.').nth(1).unwrap_or("0");
    format!("s{number}_{minor}_")
}

/// Builds and runs the section's tests of `stage` in the workspace at `root`.
pub fn run(root: &Path, section: &str, stage: &str) -> Result<Report, String> {
    run_in(root, section, stage, None)
}

/// [`run`], building into `target_dir` instead of the workspace's own.
pub fn run_in(
    root: &Path,
    section: &str,
    stage: &str,
    target_dir: Option<&Path>,
) -> Result<Report, String> {
    let prefix = test_prefix(section, stage);
    let targets = test_targets(root, stage, &prefix);
    if targets.is_empty() {
        return Err(format!("no test of {stage} is named {prefix}*"));
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    if let Some(dir) = target_dir {
        command.env("CARGO_TARGET_DIR", dir);
    }
    let output = command
        .current_dir(root)
        .args(["test", "--package", stage, "--no-fail-fast"])
        .args(&targets)
        .args(["--", &prefix])
        .env("CARGO_TERM_COLOR", "never")
        // A failing snapshot must not leave a `.snap.new` behind: the solution's
        // snapshots are the expected answers.
        .env("INSTA_UPDATE", "no")
        .env("RUST_BACKTRACE", "0")
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut report = Report {
        section: section.to_string(),
        stage: stage.to_string(),
        tests: parse_results(&stdout),
        compile_errors: None,
    };
    if !output.status.success() && !stdout.contains("test result:") {
        report.compile_errors = Some(compiler_errors(&stderr));
    }
    Ok(report)
}

/// The cargo target options that select the test binaries holding a test named
/// `prefix…`: `--test FILE` for each file of `stages/STAGE/tests/`, and `--lib`
/// when the crate's own sources have one.
fn test_targets(root: &Path, stage: &str, prefix: &str) -> Vec<String> {
    let needle = format!("fn {prefix}");
    let mut targets = Vec::new();
    let tests_dir = root.join("stages").join(stage).join("tests");
    let mut files: Vec<_> = fs::read_dir(&tests_dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    for file in files {
        let holds = fs::read_to_string(&file).is_ok_and(|text| text.contains(&needle));
        if let (true, Some(stem)) = (holds, file.file_stem()) {
            targets.push("--test".to_string());
            targets.push(stem.to_string_lossy().into_owned());
        }
    }
    let mut sources = Vec::new();
    collect_rust(&root.join("stages").join(stage).join("src"), &mut sources);
    if sources
        .iter()
        .any(|p| fs::read_to_string(p).is_ok_and(|t| t.contains(&needle)))
    {
        targets.push("--lib".to_string());
    }
    targets
}

fn collect_rust(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rust(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The tests libtest reported (`test NAME ... ok`), with the output of each
/// failure (its `---- NAME stdout ----` block).
pub fn parse_results(stdout: &str) -> Vec<(String, bool, String)> {
    let mut tests = Vec::new();
    for line in stdout.lines() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        let Some((name, verdict)) = rest.split_once(" ... ") else {
            continue;
        };
        match verdict.trim() {
            "ok" => tests.push((name.to_string(), true, String::new())),
            "FAILED" => tests.push((name.to_string(), false, failure_output(stdout, name))),
            _ => {} // ignored tests are not the section's grade
        }
    }
    tests.sort_by(|a, b| a.0.cmp(&b.0));
    tests
}

/// The lines between `---- NAME stdout ----` and the next block or summary.
fn failure_output(stdout: &str, name: &str) -> String {
    let header = format!("---- {name} stdout ----");
    let mut lines = stdout.lines().skip_while(|l| *l != header).skip(1);
    let mut out = String::new();
    for line in lines.by_ref() {
        if line.starts_with("---- ") || line == "failures:" || line.starts_with("note: run with") {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// The compiler's messages from `error` on, without cargo's progress lines.
fn compiler_errors(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .skip_while(|l| !l.starts_with("error") && !l.starts_with("warning"))
        .filter(|l| !l.trim_start().starts_with("Compiling "))
        .collect();
    let mut out: String = lines
        .iter()
        .take(COMPILER_LINES)
        .map(|l| format!("  {l}\n"))
        .collect();
    if lines.len() > COMPILER_LINES {
        out.push_str(&format!(
            "  … ({} more lines)\n",
            lines.len() - COMPILER_LINES
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_names_the_stage_and_section() {
        assert_eq!(test_prefix("3.3", "stage03"), "s03_3_");
        assert_eq!(test_prefix("1.10", "stage01"), "s01_10_");
    }

    #[test]
    fn results_and_failure_output_are_parsed_from_libtest() {
        let stdout = "\nrunning 0 tests\n\ntest result: ok. 0 passed\n\nrunning 2 tests\n\
                      test s03_3_b ... FAILED\ntest s03_3_a ... ok\n\nfailures:\n\n\
                      ---- s03_3_b stdout ----\nthread 's03_3_b' panicked at x.rs:1:1:\n\
                      not yet implemented: §3.3\n\nfailures:\n    s03_3_b\n";
        let results = parse_results(stdout);
        assert_eq!(results.len(), 2);
        assert_eq!(results[0], ("s03_3_a".to_string(), true, String::new()));
        assert_eq!(results[1].0, "s03_3_b");
        assert!(!results[1].1);
        assert!(
            results[1].2.contains("not yet implemented"),
            "{}",
            results[1].2
        );
    }

    #[test]
    fn a_report_with_no_test_or_a_build_error_does_not_pass() {
        let mut report = Report::default();
        assert!(!report.passed());
        report
            .tests
            .push(("s01_1_x".to_string(), true, String::new()));
        assert!(report.passed());
        report.compile_errors = Some("error".to_string());
        assert!(!report.passed());
    }
}
