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

use crate::code::Code;
use crate::dis;
use crate::pyc;
use crate::source;
use crate::vm::{Limits, RunError};

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
    /// first stream and, with `--trace`, the trace to the second.
    pub run: RunFn,
}

/// A stage's entry point into its eval loop.
pub type RunFn = for<'a> fn(
    Rc<Code>,
    &'a mut dyn Write,
    Option<&'a mut dyn Write>,
    Limits,
) -> Result<(), RunError>;
// ANCHOR_END: stage

// ANCHOR: args
/// Runs CPython 3.11 bytecode.
///
/// Exit status: 0 when the program ran to its end; 1 when it raised an uncaught
/// exception (its last traceback line goes to stderr, as CPython prints it);
/// 2 for a usage error, a file that cannot be loaded, bad bytecode, or bytecode
/// that a later stage runs.
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
}
// ANCHOR_END: args

/// Runs `stage`'s command with real stdio; returns the exit status.
pub fn main(stage: &'static Stage) -> i32 {
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

// ANCHOR: run_cli
/// Runs the command: `args` include the program name. Output goes to `stdout`,
/// messages and the trace to `stderr`; returns the exit status.
pub fn run_cli(
    stage: &Stage,
    args: Vec<OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let args = match parse_args(stage, args) {
        Ok(args) => args,
        Err(err) => {
            let status = if err.use_stderr() { 2 } else { 0 };
            let text = err.render().to_string();
            let _ = if err.use_stderr() {
                stderr.write_all(text.as_bytes())
            } else {
                stdout.write_all(text.as_bytes())
            };
            let _ = stdout.flush();
            return status;
        }
    };
    let status = run_args(stage, &args, stdout, stderr);
    let flushed = stdout.flush();
    match (status, flushed) {
        (0, Err(err)) => {
            let _ = writeln!(stderr, "{}: cannot write output: {err}", stage.name);
            2
        }
        (status, _) => status,
    }
}

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

fn run_args(stage: &Stage, args: &Args, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let name = stage.name;
    let code = match load(name, &args.file) {
        Ok(code) => code,
        Err(message) => return fail(stdout, stderr, &message, 2),
    };
    if args.dis {
        return print_text(name, stdout, stderr, &dis::disassemble(&code));
    }
    if args.code {
        return print_text(name, stdout, stderr, &dis::code_info(&code));
    }
    let trace: Option<&mut dyn Write> = if args.trace { Some(stderr) } else { None };
    let result = (stage.run)(code, stdout, trace, Limits::default());
    let file = args.file.display();
    match result {
        Ok(()) => 0,
        Err(RunError::Exception(exc)) => fail(stdout, stderr, &exc.to_string(), 1),
        Err(RunError::NotImplemented(limit)) => {
            let not_here = if limit.stage.is_some() {
                format!(", not in {name}")
            } else {
                String::new()
            };
            let message = format!("{name}: {file}: {limit}{not_here}");
            fail(stdout, stderr, &message, 2)
        }
        Err(err @ RunError::Output(_)) => fail(stdout, stderr, &format!("{name}: {err}"), 2),
        Err(err) => fail(stdout, stderr, &format!("{name}: {file}: {err}"), 2),
    }
}
// ANCHOR_END: run_cli

// ANCHOR: load
/// Loads the code object of a `.pyc`, or of a `.py` compiled by a local Python
/// 3.11; the error is the one line to print.
fn load(name: &str, path: &Path) -> Result<Rc<Code>, String> {
    let shown = path.display();
    let is_source = path.extension().is_some_and(|ext| ext == "py");
    if is_source {
        let bytes =
            source::compile_source(path).map_err(|err| format!("{name}: {shown}: {err}"))?;
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

/// Writes a listing to stdout.
fn print_text(name: &str, stdout: &mut dyn Write, stderr: &mut dyn Write, text: &str) -> i32 {
    match stdout.write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(err) => fail(
            stdout,
            stderr,
            &format!("{name}: cannot write output: {err}"),
            2,
        ),
    }
}

/// Flushes stdout (so the program's output comes first, as with CPython), then
/// writes one line to stderr and returns `status`.
fn fail(stdout: &mut dyn Write, stderr: &mut dyn Write, message: &str, status: i32) -> i32 {
    let _ = stdout.flush();
    let _ = writeln!(stderr, "{message}");
    status
}
