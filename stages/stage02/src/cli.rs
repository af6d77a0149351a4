//! The command line of every stage from 02 on: run, disassemble or inspect a
//! `.pyc` (or a `.py`, compiled first by a local Python 3.11).
//!
//! Written once: a stage describes itself in a [`Stage`] (its name, what it
//! runs, its eval loop) and its `main` calls [`main`] with it, so no stage
//! carries a renamed copy of this file. Everything is in [`run_cli`], which
//! takes its streams as arguments so tests and the conformance suite can call
//! it in-process; [`main`] plugs in the real stdio.

use std::ffi::OsString;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use clap::{CommandFactory, FromArgMatches, Parser};
use signal_hook::consts::SIGINT;

use crate::code::Code;
use crate::dis;
use crate::pyc;
use crate::source;
use crate::trace_json::{JsonTrace, Tracer, DEFAULT_MAX_STEPS};
use crate::vm::{self, Limits, RunError};

// ANCHOR: stage
/// What the command line needs to know of a stage.
#[derive(Debug, Clone, Copy)]
pub struct Stage {
    /// The crate and binary: `stage03`.
    pub name: &'static str,
    /// What it runs, for `--help`: "module code and the functions it calls".
    pub runs: &'static str,
    /// What `--trace` shows besides each instruction ("" when nothing more).
    pub trace_extra: &'static str,
    /// Its eval loop: runs a module's code, writing the program's output to the
    /// stream and, with `--trace` or `--trace-json`, the trace to the tracer.
    pub run: RunFn,
    /// How the stage reports an exception no handler caught, when it prints
    /// more than the traceback's last line: from stage05, the whole of what
    /// CPython prints ([`ReportFn`]). `None`: the last line.
    pub report: Option<ReportFn>,
}

/// A stage's entry point into its eval loop.
pub type RunFn =
    for<'a> fn(Rc<Code>, &'a mut dyn Write, Option<Tracer<'a>>, Limits) -> Result<(), RunError>;

/// A stage's report of how a run ended, from the error and the program's
/// path (CPython looks for a traceback's source lines in the script's
/// directory, `sys.path[0]`); `None` when the error is not the stage's to
/// report (a VM error, a limit).
pub type ReportFn = fn(&RunError, &Path) -> Option<Report>;

/// What a stage reports for an uncaught exception.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Everything for stderr: the traceback, or `SystemExit`'s message.
    pub stderr: String,
    /// How the process ends.
    pub ending: ReportEnding,
}

/// How a reported run ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportEnding {
    /// With this exit status: 1 for an exception, `SystemExit`'s code.
    Exit(i32),
    /// By SIGINT, as CPython ends after printing an uncaught
    /// `KeyboardInterrupt`'s traceback.
    Interrupted,
}
// ANCHOR_END: stage

// ANCHOR: args
/// Runs CPython 3.11 bytecode.
///
/// Exit status: 0 when the program ran to its end; 1 when it raised an uncaught
/// exception (stderr gets the last line of CPython's traceback from stages 02 to
/// 04, and from stage05 on the whole traceback, as CPython prints it),
/// writing its output failing included (`BrokenPipeError`); 2 for a usage
/// error, a file that cannot be loaded, bad bytecode, or bytecode that a later
/// stage runs; 120, as CPython, when its output cannot be flushed at exit. Ctrl-C
/// raises `KeyboardInterrupt` (from stage05 a handler may catch it); uncaught,
/// it is printed and the process ends by SIGINT, as CPython does.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The program: a CPython 3.11 `.pyc`, or a `.py` that a local python3.11
    /// compiles first.
    file: PathBuf,

    /// Print the disassembly exactly as `python3.11 -m dis` prints it, instead of running.
    #[arg(long, conflicts_with = "code")]
    dis: bool,

    /// Print each code object's tables (constants, names, flags, line and
    /// exception tables), nested code objects included, instead of running.
    #[arg(long)]
    code: bool,

    /// Run, and write each executed instruction to stderr (the stage says what
    /// else its trace shows).
    #[arg(long, conflicts_with_all = ["dis", "code"])]
    trace: bool,

    /// Run, and write the trace as JSON Lines to FILE, one record per pushed
    /// frame, executed instruction (with the value stack after it and the
    /// locals) and popped frame, for programs to read: the book's diagrams and
    /// stepper are drawn from it. The format is described in the book's
    /// appendix; a run is cut after 20,000 instructions.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["dis", "code", "trace"])]
    trace_json: Option<PathBuf>,
}
// ANCHOR_END: args

// ANCHOR: main
/// Runs `stage`'s command with real stdio; returns the exit status. An
/// interrupted run does not return: like CPython, the process dies by SIGINT
/// (see [`die_by_interrupt`]).
pub fn main(stage: &'static Stage) -> i32 {
    install_interrupt_handler();
    // Legal input can nest deeply (marshal allows 2000 levels of nested objects,
    // and the loader reads them recursively, as CPython's r_object does). Run on a
    // thread whose stack is roomy enough for any of it, so no input can overflow it.
    let interpreter = std::thread::Builder::new()
        .name(stage.name.to_string())
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(|| {
            let stdout = io::stdout();
            let mut stdout = BufWriter::new(stdout.lock());
            let mut stderr = io::stderr();
            run_cli(
                stage,
                std::env::args_os().collect(),
                &mut stdout,
                &mut stderr,
            )
        });
    match interpreter.map(|thread| thread.join()) {
        Ok(Ok(INTERRUPTED)) => die_by_interrupt(),
        Ok(Ok(status)) => status,
        _ => {
            eprintln!(
                "{}: internal error: the interpreter thread failed",
                stage.name
            );
            70
        }
    }
}

/// Stack for the interpreter thread: only the pages actually touched are used.
const INTERPRETER_STACK_BYTES: usize = 256 << 20;
// ANCHOR_END: main

// ANCHOR: interrupt
/// What [`run_cli`] returns for a run that Ctrl-C stopped: 128 + SIGINT, the
/// status a shell shows for a process that SIGINT killed. [`main`] turns it
/// into that death itself.
pub const INTERRUPTED: i32 = 130;

/// Makes SIGINT (Ctrl-C) set the eval breaker instead of killing the process,
/// as CPython's `signal_install_handlers` does: the eval loop then raises
/// `KeyboardInterrupt` at its next check (see [`vm::check_eval_breaker`]). The
/// handler only stores to an atomic flag, about all that a signal handler may
/// safely do. If it cannot be installed, Ctrl-C kills the process at once, as
/// it would without it.
///
/// (CPython leaves SIGINT alone when it started out ignored, as in a
/// background job of a script; asking for the inherited disposition needs
/// `unsafe` code, so we always install ours.)
fn install_interrupt_handler() {
    let _ = signal_hook::flag::register(SIGINT, vm::eval_breaker());
}

/// Ends the process by SIGINT once the run has printed `KeyboardInterrupt` and
/// flushed its output: `Modules/main.c: exit_sigint` restores SIGINT's
/// default action and raises it, so that whoever ran the program sees it
/// killed by Ctrl-C (a shell shows status 130) and can stop too: a shell loop
/// running it stops, where an exit status of 130 would tell the shell that the
/// program dealt with Ctrl-C itself.
fn die_by_interrupt() -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(SIGINT);
    // Not reached: SIGINT's default action ends the process.
    std::process::exit(INTERRUPTED)
}
// ANCHOR_END: interrupt

// ANCHOR: run_cli
// ANCHOR: run_cli_entry
/// How a command ended, before stdout is flushed at exit.
enum Ending {
    /// With this exit status, unless stdout cannot be flushed.
    Exit(i32),
    /// Writing stdout failed during the run, and the error has been reported
    /// as the program's uncaught exception: exit 1. (CPython's buffer drops
    /// what it could not write, so its flush at exit has nothing left to fail on.)
    OutputFailed,
    /// Ctrl-C stopped the run, and `KeyboardInterrupt` has been reported.
    Interrupted,
}

/// Runs the command: `args` include the program name. Output goes to `stdout`,
/// messages and the trace to `stderr`; returns the exit status ([`INTERRUPTED`]
/// for a run that Ctrl-C stopped).
pub fn run_cli(
    stage: &Stage,
    args: Vec<OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let ending = match parse_args(stage, args) {
        Ok(args) => run_args(stage, &args, stdout, stderr),
        Err(err) => {
            let text = err.render().to_string();
            let _ = if err.use_stderr() {
                stderr.write_all(text.as_bytes())
            } else {
                stdout.write_all(text.as_bytes())
            };
            Ending::Exit(if err.use_stderr() { 2 } else { 0 })
        }
    };
    exit_status(ending, stdout, stderr)
}
// ANCHOR_END: run_cli_entry

// ANCHOR: exit_status
/// Flushes stdout at exit and gives the exit status. When that flush fails,
/// CPython's `Py_FinalizeEx` reports an exception that nothing can catch any
/// more, and `Py_RunMain` exits 120 whatever the status was (an interrupted
/// run still dies by SIGINT):
///
/// ```text
/// Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>
/// BrokenPipeError: [Errno 32] Broken pipe
/// ```
fn exit_status(ending: Ending, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let status = match ending {
        Ending::OutputFailed => return 1,
        Ending::Interrupted => INTERRUPTED,
        Ending::Exit(status) => status,
    };
    let Err(err) = stdout.flush() else {
        return status;
    };
    let _ = writeln!(
        stderr,
        "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n{}",
        vm::os_error_line(&err)
    );
    if status == INTERRUPTED {
        INTERRUPTED
    } else {
        120
    }
}
// ANCHOR_END: exit_status

// ANCHOR: parse_args
/// Parses the arguments, with the stage's name and description in `--help`.
fn parse_args(stage: &Stage, args: Vec<OsString>) -> Result<Args, clap::Error> {
    let about = format!(
        "Runs CPython 3.11 bytecode: {} ({} of the workbook).",
        stage.runs, stage.name
    );
    let mut trace_help = String::from(
        "Run, and write each executed instruction to stderr: offset, line, \
         instruction as `dis` shows it, and the value stack after it",
    );
    trace_help.push_str(stage.trace_extra);
    trace_help.push('.');
    let command = Args::command()
        .name(stage.name)
        .bin_name(stage.name)
        .about(about)
        .mut_arg("trace", |arg| arg.help(trace_help));
    let matches = command.try_get_matches_from(args)?;
    Args::from_arg_matches(&matches)
}
// ANCHOR_END: parse_args

// ANCHOR: run_args_setup
fn run_args(stage: &Stage, args: &Args, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Ending {
    let name = stage.name;
    let as_script = !(args.dis || args.code);
    let code = match load(name, &args.file, as_script) {
        Ok(code) => code,
        // Ctrl-C while a local python3.11 compiled a `.py` kills the compiler
        // too (it is in the same process group), which fails the load: the
        // interrupt is the news, as in CPython, whose compiler it interrupts.
        Err(_) if vm::check_eval_breaker().is_err() => return interrupted(stdout, stderr),
        Err(message) => return fail(stdout, stderr, &message, 2),
    };
    if args.dis {
        return print_text(stdout, stderr, &dis::disassemble(&code));
    }
    if args.code {
        return print_text(stdout, stderr, &dis::code_info(&code));
    }
    let mut json_file = match &args.trace_json {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Some(BufWriter::new(file)),
            Err(err) => {
                let message = format!("{name}: cannot write {}: {err}", path.display());
                return fail(stdout, stderr, &message, 2);
            }
        },
        None => None,
    };
    let program = args.file.display().to_string();
    let trace = match json_file.as_mut() {
        Some(out) => match JsonTrace::new(out, name, &program, DEFAULT_MAX_STEPS) {
            Ok(trace) => Some(Tracer::Json(trace)),
            Err(err) => return fail(stdout, stderr, &format!("{name}: {err}"), 2),
        },
        None if args.trace => Some(Tracer::Text(stderr)),
        None => None,
    };
    // ANCHOR_END: run_args_setup
    // ANCHOR: run_args_result
    let result = (stage.run)(code, stdout, trace, Limits::default());
    let file = args.file.display();
    if let (Err(err), Some(report)) = (&result, stage.report) {
        if let Some(report) = report(err, &args.file) {
            return reported(stdout, stderr, &report);
        }
    }
    match result {
        Ok(()) => Ending::Exit(0),
        Err(RunError::Exception(exc)) => fail(stdout, stderr, &exc.to_string(), 1),
        Err(err @ RunError::Output(_)) => output_failed(stderr, &err),
        Err(RunError::Interrupted) => interrupted(stdout, stderr),
        Err(RunError::NotImplemented(limit)) => {
            let not_here = if limit.stage.is_some() {
                format!(", not in {name}")
            } else {
                String::new()
            };
            let message = format!("{name}: {file}: {limit}{not_here}");
            fail(stdout, stderr, &message, 2)
        }
        Err(err) => fail(stdout, stderr, &format!("{name}: {file}: {err}"), 2),
    }
}
// ANCHOR_END: run_args_result
// ANCHOR_END: run_cli

// ANCHOR: load
/// Loads the code object of a `.pyc`, or of a `.py` compiled by a local Python
/// 3.11 (named by its absolute path when it is to run as a script, as
/// `python3.11 prog.py` names it); the error is the one line to print.
fn load(name: &str, path: &Path, as_script: bool) -> Result<Rc<Code>, String> {
    let shown = path.display();
    let is_source = path.extension().is_some_and(|ext| ext == "py");
    if is_source {
        let compiled = if as_script {
            source::compile_script(path)
        } else {
            source::compile_source(path)
        };
        let bytes = compiled.map_err(|err| format!("{name}: {shown}: {err}"))?;
        pyc::load_pyc(&bytes).map_err(|err| load_message(name, path, &err))
    } else {
        pyc::load_pyc_file(path).map_err(|err| load_message(name, path, &err))
    }
}

/// The one line for a load error: prefixed with the file's name unless the error's
/// own message already starts with it.
fn load_message(name: &str, path: &Path, err: &pyc::LoadError) -> String {
    match err {
        pyc::LoadError::Io { .. } | pyc::LoadError::WrongMagic { path: Some(_), .. } => {
            format!("{name}: {err}")
        }
        _ => format!("{name}: {}: {err}", path.display()),
    }
}
// ANCHOR_END: load

/// Writes a listing to stdout; failing to is reported as for a program's
/// output (`python3 -m dis` fails with the same `BrokenPipeError`).
fn print_text(stdout: &mut dyn Write, stderr: &mut dyn Write, text: &str) -> Ending {
    match stdout.write_all(text.as_bytes()) {
        Ok(()) => Ending::Exit(0),
        Err(err) => output_failed(stderr, &RunError::Output(err)),
    }
}

// ANCHOR: fail
/// Flushes stdout (so the program's output comes first, as with CPython), then
/// writes one line to stderr and ends with `status`. A failing flush is not
/// reported here: it fails again at exit, and is reported there, after this
/// line, as CPython reports it after the traceback.
fn fail(stdout: &mut dyn Write, stderr: &mut dyn Write, message: &str, status: i32) -> Ending {
    let _ = stdout.flush();
    let _ = writeln!(stderr, "{message}");
    Ending::Exit(status)
}

/// Writes a stage's [`Report`] after the program's flushed output.
fn reported(stdout: &mut dyn Write, stderr: &mut dyn Write, report: &Report) -> Ending {
    let _ = stdout.flush();
    let _ = stderr.write_all(report.stderr.as_bytes());
    match report.ending {
        ReportEnding::Exit(status) => Ending::Exit(status),
        ReportEnding::Interrupted => Ending::Interrupted,
    }
}

/// Ctrl-C stopped the run: its output is flushed, and `KeyboardInterrupt` is
/// the last line of CPython's traceback.
fn interrupted(stdout: &mut dyn Write, stderr: &mut dyn Write) -> Ending {
    fail(stdout, stderr, &RunError::Interrupted.to_string(), 1);
    Ending::Interrupted
}

/// Writing stdout failed during the run. In CPython, `print` raised `OSError`
/// and nothing caught it: the last line of the traceback is `BrokenPipeError:
/// [Errno 32] Broken pipe` (a closed pipe) or `OSError: [Errno 28] No space
/// left on device` (a full disk), and the status is 1. One message and one
/// status for every way of writing stdout, `--dis` and `--code` included.
fn output_failed(stderr: &mut dyn Write, err: &RunError) -> Ending {
    let _ = writeln!(stderr, "{err}");
    Ending::OutputFailed
}
// ANCHOR_END: fail
