//! The `stage01` command line: read a `.toy` file, run it, report errors as
//! `FILE:LINE: error: MESSAGE` on one line.
//!
//! Exit status: 0 when the program returns, 1 when it fails while running (like
//! CPython on an uncaught exception), 2 for a usage error or a file that cannot be
//! read or parsed.

use std::ffi::OsString;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::error::ErrorKind;
use clap::Parser;

use crate::parse::parse_program;
use crate::trace_json::{JsonTrace, Tracer, DEFAULT_MAX_STEPS};
use crate::vm::{write_trace_header, Vm};

/// The program ran and returned.
pub const EXIT_OK: i32 = 0;
/// The program failed while running.
pub const EXIT_RUNTIME_ERROR: i32 = 1;
/// Bad command line, or a file that cannot be read or parsed.
pub const EXIT_USAGE: i32 = 2;

const FORMAT_HELP: &str = "\
The .toy format, one item per line; '#' starts a comment:

  consts: 6, 7, \"hi\", None   the constants table: integers, strings, None
  names: width, height       the names table
  LOAD_CONST 0               then the code, one instruction per line

Table lines come before the code and may repeat (each appends to its table).
An argument is an index (from 0) into the table the instruction uses.

Instructions:
  LOAD_CONST i         push consts[i]
  LOAD_NAME i          push the value bound to names[i]
  STORE_NAME i         pop a value and bind names[i] to it
  BINARY_ADD           pop right, pop left, push left + right
  BINARY_SUBTRACT      ... left - right
  BINARY_MULTIPLY      ... left * right
  BINARY_FLOOR_DIVIDE  ... left // right (rounds toward minus infinity)
  PRINT                pop a value and print it, like print(value)
  RETURN_VALUE         pop a value and end the program

Errors are reported as FILE:LINE: error: MESSAGE.
Exit status: 0 ok, 1 runtime error, 2 usage, read or parse error.";

// ANCHOR: cli_args
/// Stage 1 of the workbook: run a .toy program on a toy stack machine.
#[derive(Debug, Parser)]
#[command(name = "stage01", after_help = FORMAT_HELP)]
struct Args {
    /// Print each instruction as it runs, with the value stack after it, to stderr.
    #[arg(long)]
    trace: bool,
    /// Write the trace as JSON Lines to FILE instead, one record per executed
    /// instruction (with the stack after it and the names table's bindings), in the
    /// book's trace format (version 1): chapter 1's stepper replays it.
    #[arg(long, value_name = "FILE", conflicts_with = "trace")]
    trace_json: Option<PathBuf>,
    /// The .toy program to run.
    file: PathBuf,
}
// ANCHOR_END: cli_args

/// Runs the `stage01` command with `args` (including the program name), writing
/// program output to `stdout` and errors and traces to `stderr`. Returns the exit
/// status.
pub fn run_cli(args: Vec<OsString>, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let args = match Args::try_parse_from(args) {
        Ok(args) => args,
        Err(error) => return report_clap_error(&error, stdout, stderr),
    };
    let trace = match &args.trace_json {
        Some(path) => TraceTo::Json(path),
        None if args.trace => TraceTo::Text,
        None => TraceTo::Nothing,
    };
    let status = run_file(&args.file, trace, stdout, stderr);
    // The output may be buffered; a failure to write it is an error too.
    if let Err(e) = stdout.flush() {
        let _ = writeln!(stderr, "stage01: error: cannot write the output: {e}");
        return EXIT_RUNTIME_ERROR.max(status);
    }
    status
}

/// `--help` goes to stdout with status 0; a usage error to stderr with status 2.
fn report_clap_error(error: &clap::Error, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let text = error.render().to_string();
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = write!(stdout, "{text}");
            EXIT_OK
        }
        _ => {
            let _ = write!(stderr, "{text}");
            EXIT_USAGE
        }
    }
}

// ANCHOR: run_file
// ANCHOR: run_file_report
/// Reads, parses and runs one `.toy` file; reports a failure as one line on
/// `stderr`, after flushing what the program printed so the two appear in the
/// order they happened.
fn run_file(path: &Path, trace: TraceTo, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    match load_and_run(path, trace, stdout, stderr) {
        Ok(()) => EXIT_OK,
        Err(Failure { status, message }) => {
            let _ = stdout.flush();
            let _ = writeln!(stderr, "{message}");
            status
        }
    }
}

/// A one-line error message and the exit status that goes with it.
struct Failure {
    status: i32,
    message: String,
}
// ANCHOR_END: run_file_report

// ANCHOR: load_and_run
fn load_and_run(
    path: &Path,
    trace: TraceTo,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    let file = path.display();
    let at_line = |status, line, message| Failure {
        status,
        message: format!("{file}:{line}: error: {message}"),
    };
    let source = read_source(path).map_err(|message| Failure {
        status: EXIT_USAGE,
        message,
    })?;
    let program = parse_program(&source).map_err(|e| at_line(EXIT_USAGE, e.line, e.message))?;
    let result = match trace {
        TraceTo::Nothing => Vm::new(&program).run(stdout, None),
        TraceTo::Text => {
            let _ = write_trace_header(stderr);
            Vm::new(&program).run(stdout, Some(&mut Tracer::Text(stderr)))
        }
        TraceTo::Json(json_path) => run_json_traced(&program, path, json_path, stdout)?,
    };
    result.map_err(|e| at_line(EXIT_RUNTIME_ERROR, e.line, e.message))?;
    Ok(())
}
// ANCHOR_END: load_and_run
// ANCHOR_END: run_file

/// Which trace a run writes.
enum TraceTo<'a> {
    Nothing,
    /// `--trace`: text to stderr.
    Text,
    /// `--trace-json FILE`.
    Json(&'a Path),
}

/// Runs `program` with its JSON trace written to `json_path`; the trace ends
/// with the value returned or the error that stopped the run. A file that cannot
/// be written is a usage error, reported before the program runs.
fn run_json_traced(
    program: &crate::toy::Program,
    path: &Path,
    json_path: &Path,
    stdout: &mut dyn Write,
) -> Result<Result<crate::value::Value, crate::vm::RuntimeError>, Failure> {
    let cannot_write = |e: std::io::Error| Failure {
        status: EXIT_USAGE,
        message: format!("stage01: error: cannot write {}: {e}", json_path.display()),
    };
    let file = std::fs::File::create(json_path).map_err(cannot_write)?;
    let mut writer = BufWriter::new(file);
    let json = JsonTrace::new(&mut writer, &path.display().to_string(), DEFAULT_MAX_STEPS)
        .map_err(cannot_write)?;
    let mut tracer = Tracer::Json(json);
    let result = Vm::new(program).run(stdout, Some(&mut tracer));
    if let Tracer::Json(json) = &mut tracer {
        let ended = match &result {
            Ok(value) => json.returned(&value.repr()),
            Err(error) => json.end(Some(&error.message)),
        };
        ended.map_err(|e| Failure {
            status: EXIT_RUNTIME_ERROR,
            message: format!("stage01: error: cannot write {}: {e}", json_path.display()),
        })?;
    }
    Ok(result)
}

/// The text of the file, or the one-line error that says why there is none.
fn read_source(path: &Path) -> Result<String, String> {
    let file = path.display();
    let bytes =
        std::fs::read(path).map_err(|e| format!("{file}: error: cannot read the file: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e
            .as_bytes()
            .get(..e.utf8_error().valid_up_to())
            .unwrap_or_default();
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        format!("{file}:{line}: error: the file is not valid UTF-8 text")
    })
}
