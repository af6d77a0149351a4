//! The `stage02` command line: run, disassemble or inspect a `.pyc` (or a `.py`,
//! compiled first by a local Python 3.11).
//!
//! Everything is in [`run_cli`], which takes its streams as arguments so tests
//! and the conformance suite can call it in-process; [`main`] plugs in the real
//! stdio.

use std::ffi::OsString;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use clap::Parser;

use crate::code::Code;
use crate::dis;
use crate::eval::{self, Limits, RunError};
use crate::pyc;
use crate::source;

// ANCHOR: args
/// Runs CPython 3.11 bytecode: straight-line module code (stage02 of the workbook).
///
/// Exit status: 0 when the program ran to its end; 1 when it raised an uncaught
/// exception (its last traceback line goes to stderr, as CPython prints it);
/// 2 for a usage error, a file that cannot be loaded, bad bytecode, or bytecode
/// that a later stage runs.
#[derive(Debug, Parser)]
#[command(name = "stage02", version)]
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

    /// Run, and write each executed instruction to stderr: offset, line,
    /// instruction as `dis` shows it, and the value stack after it.
    #[arg(long, conflicts_with_all = ["dis", "code"])]
    trace: bool,
}
// ANCHOR_END: args

/// Runs the command with real stdio; returns the exit status.
pub fn main() -> i32 {
    // Legal input can nest deeply (marshal allows 2000 levels of nested objects,
    // and the loader reads them recursively, as CPython's r_object does). Run on a
    // thread whose stack is roomy enough for any of it, so no input can overflow it.
    let interpreter = std::thread::Builder::new()
        .name("stage02".to_string())
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(|| {
            let stdout = io::stdout();
            let mut stdout = BufWriter::new(stdout.lock());
            let mut stderr = io::stderr();
            run_cli(std::env::args_os().collect(), &mut stdout, &mut stderr)
        });
    match interpreter.map(|thread| thread.join()) {
        Ok(Ok(status)) => status,
        _ => {
            eprintln!("stage02: internal error: the interpreter thread failed");
            70
        }
    }
}

/// Stack for the interpreter thread: only the pages actually touched are used.
const INTERPRETER_STACK_BYTES: usize = 256 << 20;

// ANCHOR: run_cli
/// Runs the command: `args` include the program name. Output goes to `stdout`,
/// messages and the trace to `stderr`; returns the exit status.
pub fn run_cli(args: Vec<OsString>, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let args = match Args::try_parse_from(args) {
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
    let status = run_args(&args, stdout, stderr);
    let flushed = stdout.flush();
    match (status, flushed) {
        (0, Err(err)) => {
            let _ = writeln!(stderr, "stage02: cannot write output: {err}");
            2
        }
        (status, _) => status,
    }
}

fn run_args(args: &Args, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let code = match load(&args.file) {
        Ok(code) => code,
        Err(message) => return fail(stdout, stderr, &message, 2),
    };
    if args.dis {
        return print_text(stdout, stderr, &dis::disassemble(&code));
    }
    if args.code {
        return print_text(stdout, stderr, &dis::code_info(&code));
    }
    let result = if args.trace {
        eval::run_code_traced(code, stdout, stderr, Limits::default())
    } else {
        eval::run_code(code, stdout, Limits::default())
    };
    match result {
        Ok(()) => 0,
        Err(RunError::Exception(exc)) => fail(stdout, stderr, &exc.to_string(), 1),
        Err(err) => {
            let message = format!("stage02: {}: {err}", args.file.display());
            fail(stdout, stderr, &message, 2)
        }
    }
}
// ANCHOR_END: run_cli

// ANCHOR: load
/// Loads the code object of a `.pyc`, or of a `.py` compiled by a local Python
/// 3.11; the error is the one line to print.
fn load(path: &Path) -> Result<Rc<Code>, String> {
    let shown = path.display();
    let is_source = path.extension().is_some_and(|ext| ext == "py");
    if is_source {
        let bytes =
            source::compile_source(path).map_err(|err| format!("stage02: {shown}: {err}"))?;
        pyc::load_pyc(&bytes).map_err(|err| load_message(path, &err))
    } else {
        pyc::load_pyc_file(path).map_err(|err| load_message(path, &err))
    }
}

/// The one line for a load error: prefixed with the file's name unless the error's
/// own message already starts with it.
fn load_message(path: &Path, err: &pyc::LoadError) -> String {
    match err {
        pyc::LoadError::Io { .. } | pyc::LoadError::WrongMagic { path: Some(_), .. } => {
            format!("stage02: {err}")
        }
        _ => format!("stage02: {}: {err}", path.display()),
    }
}
// ANCHOR_END: load

/// Writes a listing to stdout.
fn print_text(stdout: &mut dyn Write, stderr: &mut dyn Write, text: &str) -> i32 {
    match stdout.write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(err) => fail(
            stdout,
            stderr,
            &format!("stage02: cannot write output: {err}"),
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
