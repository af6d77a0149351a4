//! `cargo xtask bench`: time the stages against CPython on the programs in
//! `tests/bench/`, and weigh their peak memory. Speed is measured, not guessed:
//! this task reports ratios and never asserts on time or memory; it fails only
//! when a run fails or an output differs.
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
//! 3. runs CPython as the real binary, `sys.executable -S NAME.pyc`, and each
//!    stage's binary on the same `.pyc`, `--runs K` times each (default 5), and
//!    keeps the median wall-clock time of each;
//! 4. runs each once more under GNU time for its peak memory (see below);
//! 5. checks every run's stdout against `tests/bench/NAME.out`, CPython's recorded
//!    output (re-record with `python3.11 tests/bench/NAME.py > tests/bench/NAME.out`
//!    after regenerating a program). A stage that exits with status 2 on a program
//!    cannot run its bytecode yet and is reported as "not runnable".
//!
//! How to read the numbers:
//!
//! * **The real CPython, without `site`.** `python3` on `PATH` is often a
//!   version manager's shim (pyenv's is a shell script) that adds tens of
//!   milliseconds to every start, and importing `site` adds more. The bench
//!   programs import nothing, so CPython runs as `sys.executable -S`: what is left
//!   is the interpreter's own start.
//! * **Startup still counts.** Every time includes starting the process and
//!   loading the `.pyc`. The `startup` program prints one line and measures just
//!   that; subtract it in your head before comparing the others, and trust the
//!   long-running programs most.
//! * **Median of K.** The median is the typical run: unlike the best, one lucky run
//!   does not make it, and unlike the mean, one run disturbed by the rest of the
//!   machine does not move it. Five runs cost little next to the release build;
//!   raise `--runs` on a busy machine.
//! * **Peak memory is the maximum resident set size** (max RSS, in MiB) of one
//!   extra run of each program, which `/usr/bin/time -f %M` (GNU time) reports
//!   from the kernel's `wait4` accounting. The peak of these deterministic
//!   programs moves by a few hundred KiB at most from run to run (address-space
//!   randomisation shifts page boundaries), so one run is enough; read the few-MiB
//!   numbers of short programs to ±0.3 MiB. It is a separate run because GNU
//!   time's own fork and exec (a millisecond or more) would otherwise be in the time.
//!   Why an external program: Rust's standard library cannot get a child's
//!   resource usage, the workspace forbids `unsafe_code` (so no `libc::wait4`),
//!   and polling `/proc/PID/status` for `VmHWM` misses whatever the program
//!   allocates after the last poll. Nor can this task ask the kernel for its own
//!   children's usage (`getrusage(RUSAGE_CHILDREN)`, even through a safe crate):
//!   a child's max RSS includes the memory of the process that forked it, because
//!   exec records the replaced address space's high-water mark. GNU time's is
//!   about 1 MiB, the floor of every number here; this task's own, or a Python
//!   wrapper's, would be several. Without GNU time (it is Debian's `time`
//!   package; macOS's `/usr/bin/time` is BSD's) the columns say `n/a`.
//! * **Release builds.** The stages are timed as `cargo build --release` makes them;
//!   a debug build is many times slower and says nothing about the design.
//! * **Ratio = stage / python**, for time and for memory. Above 1 the stage is
//!   slower, or bigger. A teaching interpreter is expected to be slower than
//!   CPython on calls; big-integer work mostly measures the two big-integer
//!   libraries, not the interpreters.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use conformance::corpus::python::{find_python, Python};

/// The first stage that runs `.pyc` files (stage01 is the toy machine).
const FIRST_PYC_STAGE: u32 = 2;

/// The exit status with which a stage says it cannot run the input at all.
const CANNOT_RUN: i32 = 2;

/// GNU time, which reports a child's peak memory; elsewhere `time` is a shell keyword.
const GNU_TIME: &str = "/usr/bin/time";

/// The task's options, from the command line.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Time only this stage.
    pub stage: Option<u32>,
    /// How many timed runs of each program on each interpreter (the median counts).
    pub runs: u32,
}

/// One benchmark program: its name, its compiled `.pyc` and CPython's recorded output.
struct Program {
    name: String,
    pyc: PathBuf,
    expected: Vec<u8>,
}

/// A command line to measure: an interpreter and its arguments.
struct Invocation {
    /// `python3.11` or `stageNN`, for messages.
    interpreter: String,
    executable: PathBuf,
    args: Vec<OsString>,
}

/// What one interpreter did on one program.
#[derive(Clone, Copy)]
struct Measurement {
    /// The median wall time of the timed runs.
    time: Duration,
    /// The peak resident set size in KiB, when GNU time is there to say.
    peak_kib: Option<u64>,
}

/// Peak memory through GNU time: where it writes its report.
struct PeakMeter {
    report: PathBuf,
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
    let meter = PeakMeter::find(&target);

    print_machine_note(&python, runs, meter.as_ref());
    print_header(runs);
    let mut problems = Vec::new();
    for program in &programs {
        let python_run = Invocation {
            interpreter: "python3.11".to_string(),
            executable: PathBuf::from(&python.executable),
            args: vec!["-S".into(), program.pyc.clone().into()],
        };
        let python_measured = match measure(&python_run, program, runs, meter.as_ref()) {
            Ok(Some(measured)) => measured,
            Ok(None) => {
                problems.push(format!("python3.11 on {}: exit status 2", program.name));
                println!("{:<16} python3.11 exits with status 2", program.name);
                continue;
            }
            Err(problem) => {
                problems.push(problem);
                println!("{:<16} python3.11 FAILED", program.name);
                continue;
            }
        };
        for &stage in &stages {
            let stage_run = Invocation {
                interpreter: format!("stage{stage:02}"),
                executable: stage_binary(&target, stage),
                args: vec![program.pyc.clone().into()],
            };
            let row = match measure(&stage_run, program, runs, meter.as_ref()) {
                Ok(Some(measured)) => measured_row(python_measured, measured),
                Ok(None) => not_runnable_row(python_measured),
                Err(problem) => {
                    problems.push(problem);
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

impl Invocation {
    fn command(&self) -> Command {
        let mut command = Command::new(&self.executable);
        command.args(&self.args);
        command
    }
}

// ANCHOR: median_time
/// Runs `invocation` `runs` times and returns its median wall time, then its peak
/// memory from one more run if `meter` is there, checking every run's exit status
/// and stdout. `Ok(None)`: the first run exited with status 2, "cannot run this
/// input", so the program is beyond this interpreter.
fn measure(
    invocation: &Invocation,
    program: &Program,
    runs: u32,
    meter: Option<&PeakMeter>,
) -> Result<Option<Measurement>, String> {
    let mut command = invocation.command();
    let mut times = Vec::new();
    for run in 0..runs {
        let start = Instant::now();
        let output = command.output().map_err(|e| {
            format!(
                "{} on {}: cannot start {}: {e}",
                invocation.interpreter,
                program.name,
                invocation.executable.display()
            )
        })?;
        times.push(start.elapsed());
        if run == 0 && output.status.code() == Some(CANNOT_RUN) {
            return Ok(None);
        }
        check_output(invocation, program, &output)?;
    }
    let peak_kib = match meter {
        Some(meter) => Some(meter.peak_kib(invocation, program)?),
        None => None,
    };
    Ok(Some(Measurement {
        time: median(&mut times),
        peak_kib,
    }))
}
// ANCHOR_END: median_time

/// The middle time; with an even count, the mean of the two middle ones.
fn median(times: &mut [Duration]) -> Duration {
    times.sort_unstable();
    match times.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => times[n / 2],
        n => (times[n / 2 - 1] + times[n / 2]) / 2,
    }
}

/// `Err` unless the run exited with status 0 and printed CPython's recorded output.
fn check_output(invocation: &Invocation, program: &Program, output: &Output) -> Result<(), String> {
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "{} on {}: {}\n{stderr}",
            invocation.interpreter, program.name, output.status
        ));
    }
    if output.stdout != program.expected {
        return Err(format!(
            "{} on {}: stdout differs from tests/bench/{}.out",
            invocation.interpreter, program.name, program.name
        ));
    }
    Ok(())
}

impl PeakMeter {
    /// GNU time, if `/usr/bin/time` is it; its report goes to `TARGET/bench/`.
    fn find(target: &Path) -> Option<PeakMeter> {
        let output = Command::new(GNU_TIME).arg("--version").output().ok()?;
        let says = [output.stdout, output.stderr].concat();
        let is_gnu = output.status.success() && String::from_utf8_lossy(&says).contains("GNU");
        is_gnu.then(|| PeakMeter {
            report: target.join("bench").join("peak-rss.txt"),
        })
    }

    /// Runs `invocation` once under `time -f %M` and returns its max RSS in KiB.
    fn peak_kib(&self, invocation: &Invocation, program: &Program) -> Result<u64, String> {
        let output = Command::new(GNU_TIME)
            .args(["-f", "%M", "-o"])
            .arg(&self.report)
            .arg("--")
            .arg(&invocation.executable)
            .args(&invocation.args)
            .output()
            .map_err(|e| format!("cannot start {GNU_TIME}: {e}"))?;
        // GNU time exits with the child's status and passes its stdout through.
        check_output(invocation, program, &output)?;
        let report = std::fs::read_to_string(&self.report)
            .map_err(|e| format!("cannot read {}: {e}", self.report.display()))?;
        // The last line is `%M`; any line before it is GNU time's note on the status.
        report
            .lines()
            .rev()
            .find(|line| !line.trim().is_empty())
            .and_then(|line| line.trim().parse().ok())
            .ok_or_else(|| {
                format!(
                    "{} on {}: {GNU_TIME} reported no peak memory: {report:?}",
                    invocation.interpreter, program.name
                )
            })
    }
}

/// The widths of the table's columns after `program` and `stage`.
const TIME_WIDTH: usize = 11;
const PEAK_WIDTH: usize = 10;
const RATIO_WIDTH: usize = 8;

/// The two header lines: what each block of columns measures, then the columns.
fn print_header(runs: u32) {
    let time_block = 2 * TIME_WIDTH + RATIO_WIDTH + 2;
    let peak_block = 2 * PEAK_WIDTH + RATIO_WIDTH + 2;
    let blocks = format!(
        "{:26}{:^time_block$}   {:^peak_block$}",
        "",
        format!("wall time (median of {runs})"),
        "peak memory (max RSS)"
    );
    println!("{}", blocks.trim_end());
    println!(
        "{:<16} {:<8} {:>TIME_WIDTH$} {:>TIME_WIDTH$} {:>RATIO_WIDTH$}   \
         {:>PEAK_WIDTH$} {:>PEAK_WIDTH$} {:>RATIO_WIDTH$}",
        "program", "stage", "python", "stage", "ratio", "python", "stage", "ratio"
    );
}

/// The measured columns of a row: time and peak memory, python's, the stage's, and
/// their ratios.
fn measured_row(python: Measurement, stage: Measurement) -> String {
    let time_ratio = ratio(python.time.as_secs_f64(), stage.time.as_secs_f64());
    let (python_peak, stage_peak, peak_ratio) = match (python.peak_kib, stage.peak_kib) {
        (Some(p), Some(s)) => (mebibytes(p), mebibytes(s), ratio(p as f64, s as f64)),
        _ => ("n/a".to_string(), "n/a".to_string(), "n/a".to_string()),
    };
    format!(
        "{:>TIME_WIDTH$} {:>TIME_WIDTH$} {:>RATIO_WIDTH$}   \
         {:>PEAK_WIDTH$} {:>PEAK_WIDTH$} {:>RATIO_WIDTH$}",
        milliseconds(python.time),
        milliseconds(stage.time),
        time_ratio,
        python_peak,
        stage_peak,
        peak_ratio
    )
}

/// A row for a program the stage cannot run: python's numbers, and why not.
fn not_runnable_row(python: Measurement) -> String {
    let python_peak = python.peak_kib.map_or("n/a".to_string(), mebibytes);
    format!(
        "{:>TIME_WIDTH$} {:>TIME_WIDTH$} {:>RATIO_WIDTH$}   \
         {:>PEAK_WIDTH$} {:>PEAK_WIDTH$} {:>RATIO_WIDTH$}   not runnable",
        milliseconds(python.time),
        "-",
        "-",
        python_peak,
        "-",
        "-"
    )
}

/// `stage / python` as `1.23x`.
fn ratio(python: f64, stage: f64) -> String {
    format!("{:.2}x", stage / python.max(f64::MIN_POSITIVE))
}

fn milliseconds(time: Duration) -> String {
    format!("{:.1} ms", time.as_secs_f64() * 1000.0)
}

fn mebibytes(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// What the numbers were measured on: without it a table of times means little.
fn print_machine_note(python: &Python, runs: u32, meter: Option<&PeakMeter>) {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let model = linux_cpu_model().unwrap_or_default();
    println!(
        "machine: {} {}, {cpus} CPU(s){model}; Python {} (`{} -S`); release builds; \
         median wall time of {runs} run(s)",
        std::env::consts::OS,
        std::env::consts::ARCH,
        python.version,
        python.executable
    );
    match meter {
        Some(_) => println!(
            "peak memory: max RSS of one more run under {GNU_TIME} (GNU time; its own ~1 MiB \
             is the floor)"
        ),
        None => println!(
            "peak memory: n/a, {GNU_TIME} is missing or not GNU time (Debian: `apt-get install time`)"
        ),
    }
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
