//! A stage's command line run in-process, and what it printed: the trace
//! snapshot tests of the stages (`s04_traces.rs`, `s05_traces.rs`) use it.
//! Written once and included with `#[path]`, so a fix to it is made once.

use std::ffi::OsString;
use std::path::PathBuf;

/// A stage's command line, with its streams passed in.
pub type RunCli = fn(Vec<OsString>, &mut dyn std::io::Write, &mut dyn std::io::Write) -> i32;

/// Runs `stage ARGS…`: (status, stdout, stderr).
pub fn run(run_cli: RunCli, stage: &str, args: &[&str]) -> (i32, String, String) {
    let mut argv = vec![OsString::from(stage)];
    argv.extend(args.iter().map(OsString::from));
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let status = run_cli(argv, &mut stdout, &mut stderr);
    (
        status,
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// A path relative to the crate that includes this file.
pub fn path(relative: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(relative)
        .display()
        .to_string()
}

/// The `--trace` of a program: its status, its output, and the trace.
pub fn trace(run_cli: RunCli, stage: &str, relative: &str) -> String {
    let (status, stdout, stderr) = run(run_cli, stage, &["--trace", &path(relative)]);
    format!("status: {status}\n--- stdout\n{stdout}--- stderr (trace)\n{stderr}")
}
