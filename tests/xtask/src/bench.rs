//! `cargo xtask bench`: time the stages against CPython on the programs in
//! `tests/bench/`. Speed is measured, not guessed: this task reports ratios and
//! never asserts on time; it fails only when a run fails or an output differs.
//!
//! What it does:
//!
//! 1. builds every stage from 02 on (or the one `--stage N` names) with
//!    `cargo build --release`, into the target directory cargo would use anyway
//!    (`CARGO_TARGET_DIR`, or the workspace's `target/`), which it passes to cargo
//!    explicitly so it knows where the binaries are;
//! 2. compiles each `tests/bench/NAME.py` with `python3.11` into
//!    `TARGET/bench/NAME.pyc`. The `.pyc` files are not committed, unlike the
//!    corpus's: timing needs CPython anyway, so compiling afresh costs nothing and
//!    can never go stale;
//! 3. runs `python3.11 NAME.pyc` and each stage's binary on the same `.pyc`,
//!    `--runs K` times each (default 3), and keeps the best wall-clock time of each;
//! 4. checks every run's stdout against `tests/bench/NAME.out`, CPython's recorded
//!    output (re-record with `python3.11 tests/bench/NAME.py > tests/bench/NAME.out`
//!    after regenerating a program). A stage that exits with status 2 on a program
//!    cannot run its bytecode yet and is reported as "not runnable".
//!
//! How to read the numbers:
//!
//! * **Startup dominates short programs.** Every time includes starting the
//!   process and loading the `.pyc`; CPython's startup (tens of milliseconds: it
//!   initialises the runtime and imports `site`) is far longer than a stage's. The
//!   `startup` program prints one line and measures just that; subtract it in your
//!   head before comparing the others, and trust the long-running programs most.
//! * **Best of K.** The minimum of K runs is the run least disturbed by the rest of
//!   the machine (other processes, cold caches); it is the most repeatable number,
//!   not the typical one. Raise `--runs` on a busy machine.
//! * **Release builds.** The stages are timed as `cargo build --release` makes them;
//!   a debug build is many times slower and says nothing about the design.
//! * **Ratio = stage / python.** Above 1 the stage is slower. A tree-walking teaching
//!   interpreter is expected to be slower than CPython on calls; big-integer work
//!   mostly measures the two big-integer libraries, not the interpreters.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use conformance::corpus::python::{find_python, Python};

/// The first stage that runs `.pyc` files (stage01 is the toy machine).
const FIRST_PYC_STAGE: u32 = 2;

/// The exit status with which a stage says it cannot run the input at all.
const CANNOT_RUN: i32 = 2;

/// The task's options, from the command line.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Time only this stage.
    pub stage: Option<u32>,
    /// How many times to run each program on each interpreter.
    pub runs: u32,
}

/// One benchmark program: its name, its compiled `.pyc` and CPython's recorded output.
struct Program {
    name: String,
    pyc: PathBuf,
    expected: Vec<u8>,
}

// ANCHOR: bench_run
/// Builds, compiles, times and prints the table; `Err` lists every failed run
/// and every output that differs from CPython's.
pub fn run(root: &Path, options: Options) -> Result<(), String> {
    let runs = options.runs.max(1);
    let python = find_python()?;
    let stages = stages_to_time(root, options.stage)?;
    let target = target_dir(root);
    build_stages(root, &target, &stages)?;
    let programs = compile_programs(root, &target, &python)?;

    print_machine_note(&python, runs);
    println!(
        "{:<16} {:<8} {:>11} {:>11} {:>13}",
        "program", "stage", "python time", "stage time", "stage/python"
    );
    let mut problems = Vec::new();
    for program in &programs {
        let mut python_run = Command::new(&python.executable);
        python_run.arg(&program.pyc);
        let python_time = match best_time(&mut python_run, program, runs) {
            Ok(Some(time)) => time,
            Ok(None) => {
                problems.push(format!("python3.11 on {}: exit status 2", program.name));
                continue;
            }
            Err(problem) => {
                problems.push(format!("python3.11 on {problem}"));
                println!("{:<16} python3.11 FAILED", program.name);
                continue;
            }
        };
        for &stage in &stages {
            let mut stage_run = Command::new(stage_binary(&target, stage));
            stage_run.arg(&program.pyc);
            let row = match best_time(&mut stage_run, program, runs) {
                Ok(Some(time)) => timed_row(python_time, time),
                Ok(None) => format!("not runnable at stage{stage:02}"),
                Err(problem) => {
                    problems.push(format!("stage{stage:02} on {problem}"));
                    "FAILED".to_string()
                }
            };
            println!("{:<16} stage{stage:02}  {row}", program.name);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}
// ANCHOR_END: bench_run

/// The stage numbers to time: the one asked for, or every stage that runs `.pyc` files.
fn stages_to_time(root: &Path, wanted: Option<u32>) -> Result<Vec<u32>, String> {
    let entries = std::fs::read_dir(root.join("stages"))
        .map_err(|e| format!("cannot list {}: {e}", root.join("stages").display()))?;
    let mut stages: Vec<u32> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            entry
                .file_name()
                .to_str()?
                .strip_prefix("stage")?
                .parse()
                .ok()
        })
        .filter(|&n| n >= FIRST_PYC_STAGE)
        .collect();
    stages.sort_unstable();
    match wanted {
        None => Ok(stages),
        Some(n) if stages.contains(&n) => Ok(vec![n]),
        Some(n) => Err(format!(
            "there is no stage{n:02} that runs .pyc files (stages: {stages:?})"
        )),
    }
}

/// Where cargo puts build output: `CARGO_TARGET_DIR` if set, else `ROOT/target`.
fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            std::env::current_dir()
                .map(|cwd| cwd.join(&dir))
                .unwrap_or(dir)
        }
        _ => root.join("target"),
    }
}

/// `cargo build --release -p stageNN …` into `target`, whose layout we then know.
fn build_stages(root: &Path, target: &Path, stages: &[u32]) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(cargo);
    build
        .current_dir(root)
        .args(["build", "--release", "--target-dir"])
        .arg(target);
    for stage in stages {
        build.args(["-p", &format!("stage{stage:02}")]);
    }
    let status = build
        .status()
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the release build failed ({status})"))
    }
}

/// The release binary of a stage.
fn stage_binary(target: &Path, stage: u32) -> PathBuf {
    let name = format!("stage{stage:02}{}", std::env::consts::EXE_SUFFIX);
    target.join("release").join(name)
}

/// Compiles every `tests/bench/*.py` into `TARGET/bench/`, with its recorded output.
fn compile_programs(root: &Path, target: &Path, python: &Python) -> Result<Vec<Program>, String> {
    let source_dir = root.join("tests/bench");
    let pyc_dir = target.join("bench");
    std::fs::create_dir_all(&pyc_dir)
        .map_err(|e| format!("cannot create {}: {e}", pyc_dir.display()))?;
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&source_dir)
        .map_err(|e| format!("cannot list {}: {e}", source_dir.display()))?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    // `startup` first: it is the baseline the other rows are read against.
    sources.sort_by_key(|path| (!path.ends_with("startup.py"), path.clone()));
    let mut programs = Vec::new();
    for source in sources {
        let name = file_stem(&source)?;
        let pyc = pyc_dir.join(format!("{name}.pyc"));
        compile(python, &source, &pyc)?;
        let out = source.with_extension("out");
        let expected =
            std::fs::read(&out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        programs.push(Program {
            name,
            pyc,
            expected,
        });
    }
    Ok(programs)
}

fn file_stem(path: &Path) -> Result<String, String> {
    path.file_stem()
        .and_then(|stem| stem.to_str())
        .map(str::to_string)
        .ok_or_else(|| format!("{}: not a UTF-8 file name", path.display()))
}

/// `py_compile.compile(SOURCE, cfile=PYC)`: CPython's own compiler, as the corpus uses.
fn compile(python: &Python, source: &Path, pyc: &Path) -> Result<(), String> {
    let script = "import py_compile, sys\n\
                  py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)";
    let output = Command::new(&python.executable)
        .args(["-c", script])
        .arg(source)
        .arg(pyc)
        .output()
        .map_err(|e| format!("cannot start python3.11: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "python3.11 cannot compile {}:\n{}",
            source.display(),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

// ANCHOR: best_time
/// Runs `command` `runs` times and returns its best wall time, checking every
/// run's exit status and stdout. `Ok(None)`: the first run exited with status 2,
/// "cannot run this input", so the program is beyond this interpreter.
fn best_time(
    command: &mut Command,
    program: &Program,
    runs: u32,
) -> Result<Option<Duration>, String> {
    let mut best = Duration::MAX;
    for run in 0..runs {
        let start = Instant::now();
        let output = command
            .output()
            .map_err(|e| format!("{}: cannot start: {e}", program.name))?;
        best = best.min(start.elapsed());
        if run == 0 && output.status.code() == Some(CANNOT_RUN) {
            return Ok(None);
        }
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            return Err(format!("{}: {}\n{stderr}", program.name, output.status));
        }
        if output.stdout != program.expected {
            return Err(format!(
                "{}: stdout differs from tests/bench/{}.out",
                program.name, program.name
            ));
        }
    }
    Ok(Some(best))
}
// ANCHOR_END: best_time

/// The timed columns of a row: python's time, the stage's, and their ratio.
fn timed_row(python: Duration, stage: Duration) -> String {
    let ratio = stage.as_secs_f64() / python.as_secs_f64().max(f64::MIN_POSITIVE);
    format!(
        "{:>11} {:>11} {:>12.2}x",
        milliseconds(python),
        milliseconds(stage),
        ratio
    )
}

fn milliseconds(time: Duration) -> String {
    format!("{:.1} ms", time.as_secs_f64() * 1000.0)
}

/// What the numbers were measured on: without it a table of times means little.
fn print_machine_note(python: &Python, runs: u32) {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let model = linux_cpu_model().unwrap_or_default();
    println!(
        "machine: {} {}, {cpus} CPU(s){model}; Python {}; release builds; best wall time of {runs} run(s)",
        std::env::consts::OS,
        std::env::consts::ARCH,
        python.version
    );
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        let one_minute = load.split_whitespace().next().unwrap_or("?");
        println!("load average (1 min) before timing: {one_minute}: other work slows both sides");
    }
    println!();
}

/// The CPU's model name, where `/proc/cpuinfo` says it (Linux), as `" (MODEL)"`.
fn linux_cpu_model() -> Option<String> {
    let info = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    let line = info.lines().find(|line| line.starts_with("model name"))?;
    let (_, model) = line.split_once(':')?;
    Some(format!(" ({})", model.trim()))
}
